//! The pipeline's readers (Firehose, Lambda, Flink), per-platform compression and
//! per-service targets, worked by hand from AWS's published rules and rates (sources in
//! each comment; the price book cites each rate's copy).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{dated, has_line, line, opt, run};
use proptest::prelude::*;
use stream_showdown::model::estimate::{estimate, OptionId, Status};
use stream_showdown::model::{decode, Catalog, Estimate, Workload};

/// Firehose reading a Kinesis stream, us-east-1: 1,000 records/s of 1.5 KB. AWS Firehose
/// pricing: "billed per GB ingested in 5KB increments (a 3KB record is billed as 5KB)",
/// $0.029 per GB for the first 500 TB (AWS Solutions guide 'Centralized Logging with
/// OpenSearch', US East). 1,000 × 5 KB × 2,628,000 s (730 h) ÷ 1,048,576 KB per GB =
/// 12,531.28 GB → × $0.029 = $363.41. Parquet conversion on the same rounded GB
/// (AWS: "per GB ingested in 5 KB increments"), $0.018 (third-party readings) = $225.56.
#[test]
fn firehose_from_kinesis_rounds_each_record_up_to_5_kb() {
    let e = run("v=4&rps=1000&size=1.5&consumers=0&firehose=1&parquet=true&network=none");
    for id in [
        OptionId::KinesisOnDemand,
        OptionId::KinesisOnDemandAdvantage,
        OptionId::KinesisProvisioned,
    ] {
        let o = opt(&e, id);
        let l = line(o, "firehose_ingest");
        assert!((l.quantity - 12_531.28).abs() < 0.01, "{}", l.quantity);
        assert_eq!(l.usd_cents, 36_341);
        assert_eq!(line(o, "firehose_parquet").usd_cents, 22_556);
    }
    // A 10 KB record is billed as 10 KB (a multiple of 5): 1,000 × 10 × 2,628,000 ÷
    // 1,048,576 = 25,062.56 GB × $0.029 = $726.81.
    let e = run("v=4&rps=1000&size=10&consumers=0&firehose=1&network=none");
    let o = opt(&e, OptionId::KinesisProvisioned);
    assert_eq!(line(o, "firehose_ingest").usd_cents, 72_681);
}

/// Firehose's monthly tiers, us-east-1: 100,000 records/s of 5 KB = 100,000 × 5 ×
/// 2,628,000 ÷ 1,048,576 = 1,253,128.05 GB: the first 512,000 GB (500 TB) at $0.029 =
/// $14,848.00, the next 741,128.05 GB at $0.025 (a third party's reading of the Price
/// List's second tier) = $18,528.20.
#[test]
fn firehose_ingestion_is_tiered_by_the_month() {
    let e = run("v=4&rps=100000&size=5&consumers=0&firehose=1&network=none");
    let o = opt(&e, OptionId::KinesisProvisioned);
    assert_eq!(line(o, "firehose_ingest").usd_cents, 1_484_800);
    assert_eq!(line(o, "firehose_ingest_next").usd_cents, 1_852_820);
    assert!(!has_line(o, "firehose_ingest_over"));
}

/// Firehose reading MSK, us-east-1: "MSK as a source": per GB, no 5 KB increments, on the
/// larger of bytes ingested and bytes delivered (AWS Firehose pricing, Japanese and
/// Russian editions) = the records as delivered: 1,000 × 1.5 KB × 2,628,000 ÷ 1,048,576 =
/// 3,759.38 GB × $0.055 (single third-party reading, marked uncertain) = $206.77. A
/// provisioned cluster needs MSK multi-VPC private connectivity: $0.0225 per broker per
/// authentication scheme-hour and $0.006 per GB processed (AWS's MSK pricing data file,
/// USE1-Kafka.PrivateConnectivityHours / .BytesProcessed): 3 brokers × 730 h × $0.0225 =
/// $49.28; 3,759.38 GB × $0.006 = $22.56. MSK Serverless: no connectivity line.
#[test]
fn firehose_from_msk_bills_delivered_bytes_and_private_connectivity() {
    let e = run("v=4&rps=1000&size=1.5&consumers=0&firehose=1&brokers=3&broker=kafka.m7g.large");
    let o = opt(&e, OptionId::MskStandard);
    assert_eq!(o.status, Status::Priced);
    assert_eq!(line(o, "firehose_msk_source").usd_cents, 20_677);
    assert_eq!(line(o, "private_connectivity_hours").usd_cents, 4_928);
    assert_eq!(line(o, "private_connectivity_data").usd_cents, 2_256);
    let s = opt(&e, OptionId::MskServerless);
    assert_eq!(line(s, "firehose_msk_source").usd_cents, 20_677);
    assert!(!has_line(s, "private_connectivity_hours"));
    // Kafka compresses the batches: what crosses the connection is compressed (÷ 4), what
    // Firehose delivers is not.
    let e = run("v=4&rps=1000&size=1.5&consumers=0&firehose=1&brokers=3&broker=kafka.m7g.large&compression=4");
    let o = opt(&e, OptionId::MskStandard);
    assert_eq!(line(o, "firehose_msk_source").usd_cents, 20_677);
    assert_eq!(line(o, "private_connectivity_data").usd_cents, 564);
}

/// A Flink application of 4 KPUs, us-east-1, the same on every option: (4 + 1
/// orchestration KPU) × 730 h × $0.11 = $401.50; running storage 4 × 50 GB × $0.10 =
/// $20.00 (AWS's MSF developer guide: "a single additional KPU per application, used
/// for orchestration"; "50 GB of running application storage per KPU and charges $0.10
/// per GB/month").
#[test]
fn flink_is_priced_identically_on_every_option() {
    let e = run("v=4&rps=1000&flink=4");
    // (Not Firehose Direct PUT, which a Flink reader rules out: no stream to read.)
    for o in e
        .options
        .iter()
        .filter(|o| o.id != OptionId::FirehoseDirect)
    {
        assert_eq!(line(o, "flink_kpu_hours").usd_cents, 40_150, "{:?}", o.id);
        assert_eq!(line(o, "flink_storage").usd_cents, 2_000, "{:?}", o.id);
    }
}

/// The VPC endpoint carries the producers and the applications in the VPC only: AWS
/// charges "for each Gigabyte processed through the VPC endpoint"; Firehose and Lambda
/// read on the service side. 1 MB/s (1,024 records/s of 1 KB) = 2,566.41 GB a month: one
/// application → (2,566.41 + 2,566.41) GB × $0.01 = $51.33, with or without Firehose and
/// Lambda readers.
#[test]
fn the_endpoint_carries_vpc_traffic_only() {
    let alone = run("v=4&rps=1024&consumers=1");
    let with = run("v=4&rps=1024&consumers=1&firehose=2&lambda=3");
    for id in [OptionId::KinesisOnDemand, OptionId::KinesisProvisioned] {
        assert_eq!(line(opt(&alone, id), "endpoint_data").usd_cents, 5_133);
        assert_eq!(line(opt(&with, id), "endpoint_data").usd_cents, 5_133);
    }
    // But every reader reads: on-demand bills 1 + 2 + 3 = 6 readers' GB out at $0.04:
    // 6 × 2,566.41 = 15,398.44 GB → $615.94.
    let o = opt(&with, OptionId::KinesisOnDemand);
    assert_eq!(line(o, "data_out").usd_cents, 61_594);
}

/// Cross-AZ on MSK Standard (3 AZs): rack-aware applications fetch in their own AZ;
/// Lambda's Kafka mapping has no client.rack setting (its parameter list has none) and
/// Flink's tasks have no AZ to match: both cross. 1 MB/s: 2 readers × 2,566.41 GB × 2/3 ×
/// $0.02 (billed out + in, $0.01 each way) = $68.44.
#[test]
fn only_rack_aware_applications_avoid_cross_az_reads() {
    let e = run("v=4&rps=1024&consumers=2&rack_aware=true&lambda=1&flink=1");
    let o = opt(&e, OptionId::MskStandard);
    assert_eq!(line(o, "cross_az_consumers").usd_cents, 6_844);
    let e = run("v=4&rps=1024&consumers=2&rack_aware=true");
    assert!(!has_line(
        opt(&e, OptionId::MskStandard),
        "cross_az_consumers"
    ));
}

/// Lambda's Kafka mapping in provisioned mode: "Each EPU supports up to 20 MB/s", $0.185
/// per EPU-hour (AWS Lambda pricing, US East). 30 MB/s peak → 2 EPUs per mapping; 2
/// functions × 2 × 730 h × $0.185 = $540.20. On-demand pollers and Kinesis mappings: no
/// line.
#[test]
fn lambda_provisioned_pollers_are_billed_per_epu() {
    let e = run("v=4&rps=30720&consumers=0&lambda=2&lambda_provisioned=true");
    for id in [
        OptionId::MskStandard,
        OptionId::MskExpress,
        OptionId::MskServerless,
    ] {
        assert_eq!(line(opt(&e, id), "lambda_epu_hours").usd_cents, 54_020);
    }
    assert!(!has_line(
        opt(&e, OptionId::KinesisProvisioned),
        "lambda_epu_hours"
    ));
    let e = run("v=4&rps=30720&consumers=0&lambda=2");
    assert!(!has_line(
        opt(&e, OptionId::MskStandard),
        "lambda_epu_hours"
    ));
}

/// Where a reader's rates are not in the book (Firehose in eu-west-1), every option that
/// needs them is not priced and names them: never $0.
#[test]
fn a_reader_without_rates_is_never_free() {
    let e = run("v=4&region=eu-west-1&rps=1024&firehose=1");
    let o = opt(&e, OptionId::MskStandard);
    assert_eq!(o.status, Status::NotPriced);
    assert!(o
        .user_rates
        .iter()
        .any(|r| r.missing && r.name == "firehose.msk_source_gb"));
}

/// Per-platform compression (link v4): `compression=5` is Kafka's batch compression
/// only; Kinesis keeps `kinesis_compression` (default 1). A v3 link's `compression`
/// applies to both, as it did. 40 MB/s of 1 KB, 6 applications, 60 topics (the EU
/// clickstream): MSK at 5:1 bills 1/5 of the bytes, Kinesis at 1:1 all of them.
#[test]
fn compression_is_per_platform_from_v4() {
    let q = "rps=40960&size=1&consumers=6&streams=60&region=us-east-1";
    let plain = run(&format!("v=4&{q}"));
    let kafka5 = run(&format!("v=4&{q}&compression=5"));
    for id in [
        OptionId::KinesisOnDemand,
        OptionId::KinesisOnDemandAdvantage,
        OptionId::KinesisProvisioned,
    ] {
        assert_eq!(
            opt(&plain, id).total_cents,
            opt(&kafka5, id).total_cents,
            "{id:?}"
        );
    }
    let gb = |e: &Estimate| line(opt(e, OptionId::MskExpress), "data_written").quantity;
    assert!((gb(&plain) / gb(&kafka5) - 5.0).abs() < 1e-9);
    // Both in one link: Kinesis producers compressing 2:1 themselves.
    let both = run(&format!("v=4&{q}&compression=5&kinesis_compression=2"));
    let d = both.derived_for(OptionId::KinesisOnDemand);
    assert!((d.avg_write_mb_per_s - 20.0).abs() < 1e-9);
    assert!((both.derived.avg_write_mb_per_s - 8.0).abs() < 1e-9);
    // A v3 link: compression on both, as made.
    let old = decode(&format!("v=3&{q}&compression=5"), Catalog::embedded());
    assert_eq!(old.workload.kinesis_compression, 5.0);
    assert!(old.legacy.contains(&"kinesis_compression"));
    let new = decode(&format!("v=4&{q}&compression=5"), Catalog::embedded());
    assert_eq!(new.workload.kinesis_compression, 1.0);
}

/// `target=` per service: Kinesis shards at 80 % while MSK keeps AWS's guidance (Standard
/// 50 %, Express 75 %). 10 MB/s steady: 10 shards at 100 % → ceil(10 ÷ 0.8) = 13.
#[test]
fn targets_per_service() {
    let e = run("v=4&rps=10240&target=kinesis:80");
    let k = opt(&e, OptionId::KinesisProvisioned);
    assert_eq!(k.capacity.shards, Some(13));
    let s = opt(&e, OptionId::MskStandard);
    assert!(s.capacity.sizing.as_deref().unwrap().contains("50 %"));
    let x = opt(&e, OptionId::MskExpress);
    assert!(x.capacity.sizing.as_deref().unwrap().contains("75 %"));
    // One number still means every service.
    let d = decode("v=4&target=80", Catalog::embedded());
    assert_eq!(d.workload.target.standard, Some(80.0));
    assert_eq!(
        stream_showdown::model::encode(&d.workload),
        dated("v=4&target=80")
    );
    let d = decode("v=4&target=kinesis:80,express:60", Catalog::embedded());
    assert_eq!(
        stream_showdown::model::encode(&d.workload),
        dated("v=4&target=kinesis:80,express:60")
    );
    for bad in ["kafka:80", "kinesis:0", "kinesis:abc", "kinesis"] {
        let d = decode(&format!("v=4&target={bad}"), Catalog::embedded());
        assert_eq!(d.messages.len(), 1, "{bad}: {:?}", d.messages);
        assert!(d.workload.target.is_empty());
    }
}

/// MSK Serverless, today's sizing rules: 30 MB/s kept 3 days = 7,593.75 GB; the topics'
/// default retention.bytes is 250 GiB per partition (MSK Developer Guide, Serverless
/// topic configuration), so 31 partitions, not the 12 throughput needs (30 ÷ 5 in,
/// 120 ÷ 10 out): 31 × 730 × $0.0015 = $33.95.
#[test]
fn serverless_partitions_hold_at_most_250_gib_each() {
    let e = run("v=4&rps=30720&consumers=4&retention=3d");
    let o = opt(&e, OptionId::MskServerless);
    assert_eq!(o.capacity.partitions, Some(31));
    assert_eq!(line(o, "partition_hours").usd_cents, 3_395);
    let e = run("v=3&rps=30720&consumers=4&retention=3d");
    assert_eq!(
        opt(&e, OptionId::MskServerless).capacity.partitions,
        Some(12)
    );
}

fn reader_workload() -> impl Strategy<Value = Workload> {
    (
        1.0f64..50_000.0,
        0.1f64..20.0,
        0u32..4,
        0u32..3,
        1.0f64..10.0,
        prop::sample::select(vec!["us-east-1", "us-east-2", "eu-west-2"]),
    )
        .prop_map(
            |(rps, size, consumers, efo, compression, region)| Workload {
                records_per_s: rps,
                record_kb: size,
                consumers,
                efo_consumers: efo.min(consumers),
                compression,
                region: region.to_string(),
                ..Workload::default()
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Adding a reader never lowers a priced option's total (but for the cent of rounding
    /// that a line which shrinks as reads grow can take: On-demand Advantage's shortfall
    /// below its commitment falls by what the new reads add, each line rounded to the cent).
    #[test]
    fn adding_a_reader_never_lowers_a_total(
        w in reader_workload(),
        which in 0usize..4,
    ) {
        let c = Catalog::embedded();
        let mut more = w.clone();
        match which {
            0 => more.consumers += 1,
            1 => more.firehose += 1,
            2 => more.lambda += 1,
            _ => more.flink_kpus += 1,
        }
        let before = estimate(&w, c);
        let after = estimate(&more, c);
        for (a, b) in before.options.iter().zip(&after.options) {
            if a.status == Status::Priced && b.status == Status::Priced {
                prop_assert!(b.total_cents + 1 >= a.total_cents, "{:?}: {} → {}", a.id, a.total_cents, b.total_cents);
            }
        }
    }

    /// Kafka-only compression leaves every Kinesis option unchanged.
    #[test]
    fn kafka_compression_leaves_kinesis_unchanged(w in reader_workload(), ratio in 1.0f64..20.0) {
        let c = Catalog::embedded();
        let a = estimate(&Workload { compression: 1.0, ..w.clone() }, c);
        let b = estimate(&Workload { compression: ratio, ..w }, c);
        for (x, y) in a.options.iter().zip(&b.options).filter(|(x, _)| x.id.is_kinesis()) {
            prop_assert_eq!(x.total_cents, y.total_cents);
        }
    }
}
