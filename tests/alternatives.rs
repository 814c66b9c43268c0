//! What teams weigh the managed services against (issue #27): self-managed Apache Kafka
//! on EC2. Every expected figure is worked by hand from AWS's published rates, named in
//! the comments:
//! - EC2 On-Demand, Linux: AWS's EC2 pricing-page data files (yeo/ec2.shop
//!   data/ec2/<region>-ondemand.json, publication 2025-04-04): m7g.large $0.0816/h in
//!   us-east-1, $0.091/h in eu-west-1;
//! - gp3: AWS's EBS pricing-page data file (yeo/ec2.shop data/ebs/ebs.json,
//!   2024-07-18): $0.08 per GB-month in us-east-1, $0.088 in eu-west-1; 3,000 IOPS and
//!   125 MiB/s included;
//! - data transfer across AZs: $0.01/GB in each direction (EC2 On-Demand pricing, "Data
//!   Transfer within the same AWS Region").
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{line, opt, run};
use proptest::prelude::*;
use stream_showdown::model::estimate::{estimate, OptionId, Status};
use stream_showdown::model::options::kafka_ec2::cross_az_followers;
use stream_showdown::model::{Catalog, Workload};

/// 1,000 records/s of 1 KB, one consumer, 24 h, us-east-1 (defaults: RF 3 over 3 AZs).
/// 0.9766 MiB/s × 2,628,000 s ÷ 1,024 = 2,506.26 GB in a month; 82.40 GB retained.
/// Brokers: 3 (one per AZ, at least RF; throughput needs fewer), m7g.large the cheapest
/// type; EBS per broker 82.40 × RF 3 × 2 headroom ÷ 3 = 164.8 → 165 GB.
/// - brokers: 3 × 730 h × $0.0816 = $178.704 → $178.70
/// - KRaft controllers: 3 × m7g.large, the same $178.70
/// - gp3: 3 × 165 + 3 × 64 = 687 GB × $0.08 = $54.96
/// - replication: 2 followers in other AZs × 2,506.26 GB = 5,012.51 GB × $0.02 = $100.25
/// - producers across AZs: ⅔ × 2,506.26 = 1,670.84 GB × $0.02 = $33.42
/// - the consumer across AZs (not rack-aware): the same $33.42
///
/// Total $579.45. MSK Standard for the same workload: $563.10 (MSK waives replication).
#[test]
fn self_managed_kafka_is_priced_by_hand() {
    let e = run("v=4&rps=1000&size=1");
    let o = opt(&e, OptionId::KafkaEc2);
    assert_eq!(o.status, Status::Priced);
    assert_eq!(o.capacity.brokers, Some(3));
    assert_eq!(o.capacity.broker_type.as_deref(), Some("m7g.large"));
    assert_eq!(o.capacity.storage_gb_per_broker, Some(165.0));
    let cents = |id: &str| line(o, id).usd_cents;
    assert_eq!(cents("broker_hours"), 17870);
    assert_eq!(cents("controller_hours"), 17870);
    assert_eq!(cents("storage"), 5496);
    assert_eq!(line(o, "storage").quantity, 687.0);
    assert_eq!(cents("cross_az_replication"), 10025);
    assert_eq!(cents("cross_az_producers"), 3342);
    assert_eq!(cents("cross_az_consumers"), 3342);
    assert_eq!(o.total_cents, 57945);
    assert_eq!(opt(&e, OptionId::MskStandard).total_cents, 56310);
    let said = o.warnings.join("\n");
    assert!(
        said.contains("Not included: the engineers who run it"),
        "{said}"
    );
}

/// The same workload in eu-west-1 (Kinesis has no rates there; self-managed Kafka does):
/// brokers and controllers 2 × 2,190 h × $0.091 = 2 × $199.29; gp3 687 GB × $0.088 =
/// $60.456 → $60.46; replication $100.25 and clients 2 × $33.42 as above. $626.13.
#[test]
fn self_managed_kafka_in_the_eu_uses_eu_rates() {
    let e = run("v=4&rps=1000&size=1&region=eu-west-1");
    let o = opt(&e, OptionId::KafkaEc2);
    assert_eq!(line(o, "broker_hours").usd_cents, 19929);
    assert_eq!(line(o, "controller_hours").usd_cents, 19929);
    assert_eq!(line(o, "storage").usd_cents, 6046);
    assert_eq!(o.total_cents, 62613);
}

/// Tiered storage in S3 (`tiered=auto`, 30 days): as on MSK Standard, 1 day stays on the
/// brokers (82.40 GB × RF 3 × 2 ÷ 3 = 165 GB each, as above) and the rest, 2,471.90 −
/// 82.40 = 2,389.53 GB, is one copy in S3 Standard at $0.023 (us-east-1, AWS's price list
/// via infracost's golden file) = $54.96; every GB written is copied as 1 GiB segments in
/// 25 MiB parts (the Aiven plugin): 47 PUT-class requests per GiB × 2,506.26 GB =
/// 117.79 thousand × $0.005 = $0.59. All on gp3 would need 4,944 GB per broker. Total:
/// $579.45 + $54.96 + $0.59 = $635.00. Where the book has no S3 rates, `tiered=auto`
/// keeps all on gp3 and says so; a local retention set by hand names the S3 rates missing.
#[test]
fn self_managed_kafka_tiers_to_s3_where_s3_is_priced() {
    let e = run("v=4&rps=1000&size=1&retention=30d");
    let o = opt(&e, OptionId::KafkaEc2);
    assert_eq!(o.capacity.storage_gb_per_broker, Some(165.0));
    assert_eq!(line(o, "tiered_storage").usd_cents, 5496);
    assert_eq!(line(o, "tiered_requests").usd_cents, 59);
    assert_eq!(o.total_cents, 63500);
    let e = run("v=4&rps=1000&size=1&retention=30d&region=eu-west-1");
    let o = opt(&e, OptionId::KafkaEc2);
    assert_eq!(o.status, Status::Priced);
    assert!(!o.lines.iter().any(|l| l.id == "tiered_storage"));
    assert!(o
        .warnings
        .iter()
        .any(|w| w.contains("no S3 rates for this Region")));
    let e = run("v=4&rps=1000&size=1&retention=30d&region=eu-west-1&tiered=1d");
    let o = opt(&e, OptionId::KafkaEc2);
    assert_eq!(o.status, Status::NotPriced);
    assert!(
        o.reasons
            .iter()
            .any(|r| r.contains("rate.kafka_ec2.s3_gb_month")),
        "{:?}",
        o.reasons
    );
}

/// Every Region the price book covers prices self-managed Kafka.
#[test]
fn self_managed_kafka_is_priced_in_every_region_of_the_book() {
    let c = Catalog::embedded();
    for region in c.region_codes() {
        let e = run(&format!("v=4&rps=1000&size=1&region={region}"));
        let o = opt(&e, OptionId::KafkaEc2);
        assert_eq!(o.status, Status::Priced, "{region}: {:?}", o.reasons);
    }
}

/// Rack-aware consumers skip the consumers' cross-AZ line, as on MSK; replication
/// between brokers stays (brokers always copy to followers in other AZs).
#[test]
fn rack_aware_consumers_do_not_remove_replication() {
    let e = run("v=4&rps=1000&size=1&rack_aware=true");
    let o = opt(&e, OptionId::KafkaEc2);
    assert!(!o.lines.iter().any(|l| l.id == "cross_az_consumers"));
    assert_eq!(line(o, "cross_az_replication").usd_cents, 10025);
    assert_eq!(o.total_cents, 57945 - 3342);
}

/// Followers in other AZs: RF − 1 when the AZs are at least RF; with RF 3 over 2 AZs
/// the replicas sit 2 + 1: a leader in the AZ of two (⅔ of partitions) has 1 follower
/// across, a leader alone (⅓) has 2: 4/3 on average. One AZ: none.
#[test]
fn followers_across_azs_by_hand() {
    assert_eq!(cross_az_followers(3, 3), 2.0);
    assert_eq!(cross_az_followers(2, 3), 1.0);
    assert!((cross_az_followers(3, 2) - 4.0 / 3.0).abs() < 1e-12);
    assert_eq!(cross_az_followers(3, 1), 0.0);
    assert_eq!(cross_az_followers(1, 3), 0.0);
}

/// Firehose reads no self-managed Kafka (its sources are Direct PUT, Kinesis and MSK):
/// the S3 delivery runs as a Kafka Connect S3 sink, whose size AWS does not publish.
/// Without `connect=` self-managed Kafka is not priced and says what to give; with
/// `connect=2` the connector is priced at MSK Connect's rate: 2 × 730 h × $0.11 (AWS's
/// MSK pricing data, Kafka.mcu.general) = $160.60, and no Firehose line.
#[test]
fn firehose_is_not_a_source_for_self_managed_kafka() {
    let e = run("v=4&rps=1000&size=1&firehose=1");
    let o = opt(&e, OptionId::KafkaEc2);
    assert_eq!(o.status, Status::NotPriced);
    assert!(
        o.reasons[0].contains("as \u{201c}MSK Connect\u{201d} to price it"),
        "{:?}",
        o.reasons
    );
    let e = run("v=4&rps=1000&size=1&firehose=1&connect=2");
    let o = opt(&e, OptionId::KafkaEc2);
    assert_eq!(o.status, Status::Priced);
    assert!(!o.lines.iter().any(|l| l.id.starts_with("firehose")));
    assert_eq!(line(o, "msk_connect").usd_cents, 16060);
    assert_eq!(o.total_cents, 57945 + 16060);
}

/// The SaaS audit log (50 events/s of 3 KB, kept a year, one reader: an S3 delivery):
/// no stream at all. Firehose bills each record rounded up to 5 KB (AWS Firehose
/// pricing, "a 3KB record is billed as 5KB"): 50 × 5 KB × 2,628,000 s ÷ 1,048,576 =
/// 626.57 GB × $0.029 (us-east-1 first tier) = $18.17. Producers in the VPC reach
/// Firehose through the interface endpoint as they would Kinesis: 3 AZs × 730 h × $0.01
/// = $21.90, and the 375.94 GB they send × $0.01 = $3.76. $43.83, the cheapest: the
/// answer says a stream may be unnecessary. Without the VPC path (network=none): $18.17.
#[test]
fn an_audit_log_needs_no_stream() {
    let q = "v=4&rps=50&size=3&consumers=0&firehose=1&retention=365d";
    let e = run(q);
    let o = opt(&e, OptionId::FirehoseDirect);
    assert_eq!(o.status, Status::Priced);
    assert_eq!(line(o, "firehose_ingest").usd_cents, 1817);
    assert_eq!(line(o, "endpoint_hours").usd_cents, 2190);
    assert_eq!(line(o, "endpoint_data").usd_cents, 376);
    assert_eq!(o.total_cents, 4383);
    assert_eq!(e.cheapest(), Some(OptionId::FirehoseDirect));
    let said = stream_showdown::model::report::cheapest_sentence(&e, "").unwrap();
    assert!(said.contains("a stream may be unnecessary"), "{said}");
    let e = run(&format!("{q}&network=none"));
    assert_eq!(opt(&e, OptionId::FirehoseDirect).total_cents, 1817);
}

/// The EU workload, eu-west-2 (London), with its own rates: EC2 m7g.large $0.0944/h and
/// gp3 $0.0928 per GB-month (AWS's EC2 and EBS pricing-page data files), S3 Standard
/// $0.024 per GB-month and $0.0053 per 1,000 PUTs (AWS's price list via infracost),
/// Firehose $0.035 per GB (first tier, same source). 30 days, 1,000 × 1 KB/s:
/// - brokers and controllers: 2 × 2,190 h × $0.0944 = 2 × $206.74;
/// - gp3: 687 GB × $0.0928 = $63.75; S3: 2,389.53 GB × $0.024 = $57.35;
///   PUTs: 117.79 thousand × $0.0053 = $0.62;
/// - replication $100.25 and clients 2 × $33.42 (the same $0.01 each way).
///
/// $702.29. The audit log there with no VPC path: 626.57 GB × $0.035 = $21.93; with the
/// VPC endpoint (v4's default) the book has no London endpoint rates, so the card names
/// them rather than pricing it without.
#[test]
fn the_alternatives_in_london_use_londons_rates() {
    let e = run("v=4&rps=1000&size=1&retention=30d&region=eu-west-2");
    let o = opt(&e, OptionId::KafkaEc2);
    let cents = |id: &str| line(o, id).usd_cents;
    assert_eq!(cents("broker_hours"), 20674);
    assert_eq!(cents("controller_hours"), 20674);
    assert_eq!(cents("storage"), 6375);
    assert_eq!(cents("tiered_storage"), 5735);
    assert_eq!(cents("tiered_requests"), 62);
    assert_eq!(o.total_cents, 70229);
    let q = "v=4&rps=50&size=3&consumers=0&firehose=1&retention=365d&region=eu-west-2";
    let e = run(&format!("{q}&network=none"));
    assert_eq!(opt(&e, OptionId::FirehoseDirect).total_cents, 2193);
    let e = run(q);
    let o = opt(&e, OptionId::FirehoseDirect);
    assert_eq!(o.status, Status::NotPriced);
    assert!(
        o.reasons
            .iter()
            .any(|r| r.contains("rate.network.interface_endpoint_hour")),
        "{:?}",
        o.reasons
    );
}

/// With a real-time reader the workload needs a stream: not eligible, nothing priced,
/// and the reason names the readers.
#[test]
fn a_real_time_reader_needs_a_stream() {
    let e = run("v=4&rps=50&size=3&consumers=2&firehose=1&lambda=1");
    let o = opt(&e, OptionId::FirehoseDirect);
    assert_eq!(o.status, Status::NotEligible);
    assert!(o.lines.is_empty());
    assert!(
        o.reasons
            .iter()
            .any(|r| r
                .contains("Real-time readers need a stream: 2 applications, 1 Lambda function")),
        "{:?}",
        o.reasons
    );
}

/// MirrorMaker 2 for the DR pair (`dr_replication=mm2`): MSK Connect in the standby's
/// Region (us-east-2: $0.11 per MCU-hour, AWS's MSK pricing data, Kafka.mcu.general),
/// by default its three connectors at 1 MCU each: 3 × 730 h × $0.11 = $240.90, in place
/// of MSK Replicator's lines; `mm2_mcus=5`: 5 × 730 × $0.11 = $401.50. Self-managed Kafka
/// uses MirrorMaker 2 even by default (MSK Replicator reads MSK clusters only).
#[test]
fn mirror_maker_2_prices_the_dr_pair() {
    let e = run("v=4&rps=1000&dr=us-east-2&dr_replication=mm2");
    for id in [
        OptionId::MskStandard,
        OptionId::MskExpress,
        OptionId::KafkaEc2,
    ] {
        let o = opt(&e, id);
        assert_eq!(o.status, Status::Priced, "{id:?}: {:?}", o.reasons);
        assert_eq!(line(o, "mm2_mcu_hours").usd_cents, 24090, "{id:?}");
        assert!(
            !o.lines.iter().any(|l| l.id == "replicator_hours"),
            "{id:?}"
        );
        assert!(
            o.lines.iter().any(|l| l.id == "inter_region_transfer"),
            "{id:?}"
        );
    }
    let e = run("v=4&rps=1000&dr=us-east-2&dr_replication=mm2&mm2_mcus=5");
    assert_eq!(
        line(opt(&e, OptionId::MskStandard), "mm2_mcu_hours").usd_cents,
        40150
    );
    // The default keeps MSK Replicator on MSK, MirrorMaker 2 on self-managed Kafka.
    let e = run("v=4&rps=1000&dr=us-east-2");
    assert!(opt(&e, OptionId::MskStandard)
        .lines
        .iter()
        .any(|l| l.id == "replicator_hours"));
    let o = opt(&e, OptionId::KafkaEc2);
    assert_eq!(line(o, "mm2_mcu_hours").usd_cents, 24090);
    assert!(o
        .warnings
        .iter()
        .any(|w| w.contains("MSK Replicator reads MSK clusters only")));
}

/// With exactly-once ticked and a DR pair, the recommendation says replication to the
/// standby is asynchronous and exactly-once does not span a failover (MSK Replicator:
/// "automatic asynchronous replication", MSK Developer Guide).
#[test]
fn exactly_once_does_not_span_a_regional_failover() {
    use stream_showdown::model::matrix::Matrix;
    use stream_showdown::model::recommend::recommend;
    let c = Catalog::embedded();
    let say = |q: &str| {
        let d = stream_showdown::model::decode(q, c);
        recommend(
            &estimate(&d.workload, c),
            &d.workload.needs,
            Matrix::embedded(),
        )
        .summary
    };
    let s = say("v=4&rps=1000&need=exactly-once&dr=us-east-2");
    assert!(
        s.contains("Exactly-once holds within the primary Region only")
            && s.contains("expect duplicates or replays after failing over"),
        "{s}"
    );
    assert!(!say("v=4&rps=1000&need=exactly-once").contains("primary Region only"));
    assert!(!say("v=4&rps=1000&dr=us-east-2").contains("primary Region only"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Firehose Direct PUT is never priced with a real-time reader.
    #[test]
    fn no_stream_is_never_priced_with_a_real_time_reader(
        rps in 1.0f64..10_000.0,
        firehose in 0u32..3,
        consumers in 0u32..3,
        lambda in 0u32..2,
        flink in 0u32..3,
    ) {
        prop_assume!(consumers + lambda + flink > 0);
        let w = Workload {
            records_per_s: rps,
            consumers,
            firehose,
            lambda,
            flink_kpus: flink,
            ..Workload::default()
        };
        let e = estimate(&w, Catalog::embedded());
        let o = e.option(OptionId::FirehoseDirect).unwrap();
        prop_assert_eq!(o.status, Status::NotEligible);
        prop_assert!(o.lines.is_empty());
    }

    /// The replication line is (RF − 1) × GB written × $0.02 whenever the brokers span
    /// at least RF AZs (us-east-1's $0.01 each way), shown as the bill shows it: twice
    /// the GB that cross (out of one AZ, into another) at $0.01.
    #[test]
    fn replication_line_is_rf_minus_one_times_gb_written(
        rps in 1.0f64..100_000.0,
        size in 0.1f64..50.0,
        rf in 2u32..=3,
    ) {
        let c = Catalog::embedded();
        let w = Workload {
            records_per_s: rps,
            record_kb: size,
            replication_factor: rf,
            azs: 3,
            ..Workload::default()
        };
        let e = estimate(&w, c);
        let o = e.option(OptionId::KafkaEc2).unwrap();
        prop_assume!(o.status == Status::Priced);
        let l = o.lines.iter().find(|l| l.id == "cross_az_replication").unwrap();
        let gb = e.derived.gb_in_per_month * f64::from(rf - 1);
        prop_assert!((l.quantity - 2.0 * gb).abs() < 1e-6 * gb.max(1.0));
        prop_assert_eq!(l.unit_usd, 0.01);
        prop_assert_eq!(l.usage_type.as_deref(), Some("DataTransfer-Regional-Bytes"));
        prop_assert_eq!(l.usd_cents, (gb * 0.02 * 100.0).round() as i64);
    }
}
