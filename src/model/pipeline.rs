//! The lines the service-side readers add to each option ([`super::readers`] decides
//! where every reader counts; this module prices what each one bills on its own), in one
//! place for every option:
//! - **Firehose** deliveries to S3 (`firehose=`, `parquet=`):
//!   - from a Kinesis stream: ingestion per GB, each record rounded up to a multiple of
//!     5 KB, in monthly tiers summed over the deliveries; format conversion on the same
//!     rounded GB;
//!   - from an MSK cluster: ingestion per GB on the larger of bytes ingested and bytes
//!     delivered (the records as delivered, uncompressed), no rounding; on a provisioned
//!     cluster, MSK multi-VPC private connectivity (per broker per hour for the one
//!     authentication scheme Firehose uses, IAM, and per GB processed);
//! - **Lambda** event source mappings (`lambda=`): no charge of their own on either
//!   platform in on-demand mode; a Kafka mapping in provisioned mode
//!   (`lambda_provisioned=true`) bills event poller units (EPU-hours). Lambda's own
//!   compute is the same on both platforms and is named, not priced;
//! - a **Managed Service for Apache Flink** application (`flink=<KPUs>`): KPU-hours with
//!   the orchestration KPU, and running application storage per KPU, identical on every
//!   option.
//!
//! S3 storage of what the deliveries write is the same for every option and is not
//! priced.

use super::priced::{Ctx, Line, OptionId, Priced};
use super::prices::FirehoseRates;
use super::units::{count_of, format_quantity, HOURS_PER_MONTH, KB_PER_MB, MB_PER_GB};
use super::units::{mb_per_s_to_gb_per_month, SECONDS_PER_MONTH};
use crate::model::fixed::shortest;

/// GB a month one Firehose delivery is billed for reading a Kinesis stream: every
/// record as the stream holds it, rounded up to a multiple of the increment (5 KB).
pub fn firehose_kinesis_gb(ctx: &Ctx) -> f64 {
    let d = ctx.derived;
    let step = ctx.limits.readers.firehose_record_increment_kb;
    let billed_kb = (d.kinesis_record_kb / step).ceil().max(1.0) * step;
    d.kinesis_records_per_s * billed_kb * SECONDS_PER_MONTH / (KB_PER_MB * MB_PER_GB)
}

/// Firehose ingestion billed per record rounded up to 5 KB, in monthly tiers over the
/// deliveries, and Parquet conversion on the same GB: a Kinesis stream as the source,
/// or Direct PUT (`firehose-direct`). `from` says which ("from the stream").
pub fn firehose_record_lines(
    ctx: &Ctx,
    rates: &FirehoseRates,
    deliveries: &str,
    from: &str,
) -> Vec<Line> {
    let w = ctx.workload;
    let d = ctx.derived;
    let l = &ctx.limits.readers;
    let mut lines = Vec::new();
    let gb = firehose_kinesis_gb(ctx) * f64::from(w.firehose);
    let (first, second, third) =
        super::units::split_tiers(gb, l.firehose_first_tier_gb, l.firehose_second_tier_gb);
    let rounded = d.kinesis_record_kb % l.firehose_record_increment_kb != 0.0;
    lines.push(Line::new(
        "firehose_ingest",
        format!(
            "Firehose ingestion {from} ({deliveries}{}{})",
            if rounded {
                format!(
                    ", {} KB records billed as {} KB",
                    format_quantity(d.kinesis_record_kb, 2),
                    shortest(
                        (d.kinesis_record_kb / l.firehose_record_increment_kb)
                            .ceil()
                            .max(1.0)
                            * l.firehose_record_increment_kb
                    )
                )
            } else {
                String::new()
            },
            if second > 0.0 { ", first 500 TB" } else { "" }
        ),
        first,
        "GB",
        &rates.ingest_gb_first_tier,
    ));
    if second > 0.0 {
        lines.push(Line::new(
            "firehose_ingest_next",
            "Firehose ingestion, next 1.5 PB",
            second,
            "GB",
            &rates.ingest_gb_second_tier,
        ));
    }
    if third > 0.0 {
        lines.push(Line::new(
            "firehose_ingest_over",
            "Firehose ingestion, over 2 PB",
            third,
            "GB",
            &rates.ingest_gb_third_tier,
        ));
    }
    if w.parquet {
        lines.push(Line::new(
            "firehose_parquet",
            "Firehose record format conversion to Parquet (GB ingested, 5 KB increments)",
            gb,
            "GB",
            &rates.format_conversion_gb,
        ));
    }
    lines
}

/// Adds the service-side readers' lines and notes to an option's priced result.
pub fn reader_lines(id: OptionId, ctx: &Ctx, priced: &mut Priced) {
    let w = ctx.workload;
    if w.firehose > 0 {
        firehose(id, ctx, priced);
    }
    if w.lambda > 0 {
        lambda(id, ctx, priced);
    }
    if w.flink_kpus > 0 {
        flink(ctx, priced);
    }
}

fn firehose(id: OptionId, ctx: &Ctx, priced: &mut Priced) {
    let w = ctx.workload;
    let d = ctx.derived;
    let Some(rates) = &ctx.region.firehose else {
        return;
    };
    let n = w.firehose;
    let deliveries = count_of(n, "delivery", "deliveries");
    if id.is_kinesis() {
        priced.lines.extend(firehose_record_lines(
            ctx,
            rates,
            &deliveries,
            "from the stream",
        ));
        if w.aggregate_kb.is_some() {
            priced.warnings.push(
                "Firehose is billed per record as the stream holds it here (an aggregated record counted once, rounded up to 5 KB); AWS's page does not say how it bills KPL-aggregated records it de-aggregates."
                    .to_string(),
            );
        }
        return;
    }
    if id == OptionId::KafkaEc2 {
        priced.warnings.push(format!(
            "Firehose reads Kinesis streams and MSK clusters, not self-managed Kafka: the {deliveries} to S3 run as a Kafka Connect S3 sink, priced as the MSK Connect units you gave (“MSK Connect”)."
        ));
        return;
    }
    // An MSK source: the larger of bytes ingested and bytes delivered, i.e. the records
    // as delivered (Kafka consumers decompress the batches).
    let gb = mb_per_s_to_gb_per_month(d.raw_avg_write_mb_per_s) * f64::from(n);
    priced.lines.push(Line::new(
        "firehose_msk_source",
        format!("Firehose ingestion from MSK ({deliveries}, records as delivered, no rounding)"),
        gb,
        "GB",
        &rates.msk_source_gb,
    ));
    if w.parquet {
        priced.lines.push(Line::new(
            "firehose_parquet",
            "Firehose record format conversion to Parquet (GB ingested)",
            gb,
            "GB",
            &rates.format_conversion_gb,
        ));
    }
    if id == OptionId::MskServerless {
        priced.warnings.push(
            "Firehose reads MSK Serverless from the client VPCs the cluster is set up for; no multi-VPC private connectivity line (AWS prices that for provisioned clusters)."
                .to_string(),
        );
        return;
    }
    let Some(pc) = &ctx.region.msk_private_connectivity else {
        return;
    };
    let brokers = priced.capacity.brokers.unwrap_or(0);
    priced.lines.push(Line::new(
        "private_connectivity_hours",
        format!(
            "MSK multi-VPC private connectivity for Firehose ({} × 1 authentication scheme (IAM) × 730 h)",
            count_of(brokers, "broker", "brokers")
        ),
        f64::from(brokers) * HOURS_PER_MONTH,
        "broker-hour",
        &pc.broker_hour,
    ));
    // (What crosses the connection: the batches as the brokers hold them.)
    priced.lines.push(Line::new(
        "private_connectivity_data",
        "MSK multi-VPC private connectivity: data processed (Firehose's reads)",
        d.gb_in_per_month * f64::from(n),
        "GB",
        &pc.gb_processed,
    ));
}

fn lambda(id: OptionId, ctx: &Ctx, priced: &mut Priced) {
    let w = ctx.workload;
    let n = w.lambda;
    let functions = count_of(n, "Lambda function", "Lambda functions");
    if id.is_kinesis() || !w.lambda_provisioned {
        priced.warnings.push(format!(
            "{functions} read through event source mappings, which have no charge of their own{}; Lambda's compute (requests, GB-seconds) is the same on both platforms and is not priced.",
            if id.is_kinesis() {
                " (Kinesis bills the reads)"
            } else {
                " in on-demand mode"
            }
        ));
        return;
    }
    let Some(rates) = &ctx.region.lambda else {
        return;
    };
    // Each mapping reads every record: enough EPUs for the peak, at least one.
    let per_epu = ctx.limits.readers.lambda_epu_mb_per_s;
    let epus = (ctx.derived.peak_write_mb_per_s / per_epu).ceil().max(1.0);
    priced.lines.push(Line::new(
        "lambda_epu_hours",
        format!(
            "Lambda provisioned event pollers ({n} × {} EPU × 730 h; 1 EPU ≈ {} MB/s)",
            shortest(epus),
            shortest(per_epu)
        ),
        f64::from(n) * epus * HOURS_PER_MONTH,
        "EPU-hour",
        &rates.kafka_epu_hour,
    ));
    priced.warnings.push(format!(
        "{functions}' compute (requests, GB-seconds) is the same on both platforms and is not priced."
    ));
}

fn flink(ctx: &Ctx, priced: &mut Priced) {
    let kpus = ctx.workload.flink_kpus;
    let Some(rates) = &ctx.region.flink else {
        return;
    };
    let l = &ctx.limits.readers;
    let billed = f64::from(kpus) + l.flink_orchestration_kpus;
    priced.lines.push(Line::new(
        "flink_kpu_hours",
        format!(
            "Managed Service for Apache Flink ({kpus} KPUs + {} for orchestration × 730 h)",
            shortest(l.flink_orchestration_kpus)
        ),
        billed * HOURS_PER_MONTH,
        "KPU-hour",
        &rates.kpu_hour,
    ));
    priced.lines.push(Line::new(
        "flink_storage",
        format!(
            "Flink running application storage ({kpus} KPUs × {} GB)",
            shortest(l.flink_storage_gb_per_kpu)
        ),
        f64::from(kpus) * l.flink_storage_gb_per_kpu,
        "GB-month",
        &rates.running_storage_gb_month,
    ));
}
