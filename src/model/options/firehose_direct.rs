//! No stream at all: Amazon Data Firehose Direct PUT delivering to S3. Producers write
//! to Firehose, which buffers and writes objects to S3; there is no retention to replay
//! and no real-time reader. Eligible only when every reader is an S3 delivery
//! (`firehose` ≥ 1, and no applications, enhanced fan-out, replays, Lambda, Flink,
//! Kafka Connect or DR pair).
//!
//! Lines ([`crate::model::pipeline::firehose_record_lines`]): ingestion per GB with each
//! record rounded up to 5 KB, in monthly tiers, for each delivery (producers write each
//! record to each Firehose stream), and Parquet conversion on the same GB. Direct PUT and
//! a Kinesis stream as the source share Firehose's ingestion price table (AWS Firehose
//! pricing). The records are as producers send them: the Kinesis figures (their own
//! compression, `kinesis_compression=`, and packing, `aggregate=`). Producers in a VPC
//! reach Firehose's API through the same network path as Kinesis's (`network=`).

use crate::model::pipeline::firehose_record_lines;
use crate::model::priced::{Capacity, Ctx, Priced};
use crate::model::readers::needs_a_stream;
use crate::model::units::count_of;

pub fn estimate(ctx: &Ctx) -> Option<Priced> {
    let w = ctx.workload;
    let blockers = needs_a_stream(
        ctx.derived.readers,
        w.replays,
        w.connect_mcus,
        w.dr_region.is_some(),
    );
    // A pipeline that needs a stream rules it out, whatever the rates: not eligible, with
    // nothing priced (no "if forced" figure for an option that cannot do the job).
    if !blockers.is_empty() {
        return Some(Priced {
            capacity: Capacity::default(),
            lines: Vec::new(),
            warnings: Vec::new(),
            blockers,
        });
    }
    let rates = ctx.region.firehose.as_ref()?;
    let deliveries = count_of(
        ctx.derived.readers.firehose.max(1),
        "delivery",
        "deliveries",
    );
    let lines = firehose_record_lines(ctx, rates, &deliveries, "(Direct PUT)");
    let mut warnings = vec![
        "No stream: records reach S3 after Firehose's buffering (seconds to minutes), are not retained for replay, and no application reads them in real time."
            .to_string(),
    ];
    if w.retention_hours > 0.0 {
        warnings.push(
            "Retention is what S3 keeps (its storage is the same for every option that lands in S3 and is not priced); S3 Object Lock can make it immutable."
                .to_string(),
        );
    }
    Some(Priced {
        capacity: Capacity {
            summary: format!("Firehose Direct PUT, {deliveries} to S3"),
            ..Capacity::default()
        },
        lines,
        warnings,
        blockers,
    })
}
