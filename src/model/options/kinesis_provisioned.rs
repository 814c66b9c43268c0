//! Kinesis Data Streams, provisioned mode: shard-hours, PUT payload units (25 KB
//! chunks), extended retention per shard-hour, long-term retention GB-months, EFO
//! consumer-shard-hours and EFO GB.
//!
//! Shards (auto) = ceil(max(peak write MB/s ÷ 1, peak records/s ÷ 1000, shared read
//! MB/s ÷ 2)), at least 1. EFO consumers get their own 2 MB/s per shard.

use super::{
    kinesis_limits, kinesis_long_term_line, kinesis_retention_windows, policy, Provisioned,
};
use crate::model::fixed::shortest;
use crate::model::limits::KinesisLimits;
use crate::model::priced::{Capacity, Ctx, Line, Priced};
use crate::model::units::{format_quantity, HOURS_PER_MONTH, SECONDS_PER_MONTH};
use crate::model::workload::Derived;

/// Shards the peak needs, as a fraction (before rounding up), all streams together.
pub fn shards_needed(d: &Derived, k: &KinesisLimits) -> f64 {
    let write = d.peak_write_mb_per_s / k.shard_write_mb_per_s;
    let records = d.kinesis_peak_records_per_s / k.shard_write_records_per_s;
    let read = (d.peak_write_mb_per_s * f64::from(d.shared_consumers) + d.replay_read_mb_per_s)
        / k.shard_read_mb_per_s;
    write.max(records).max(read)
}

/// Whole shards for the workload at a target utilisation (share of the shard limits):
/// each stream needs whole shards for its share of the peak, at least 1 (shards =
/// streams × ceil(need ÷ utilisation ÷ streams)).
pub fn auto_shards(d: &Derived, k: &KinesisLimits, utilisation: f64) -> u32 {
    let streams = f64::from(d.streams.max(1));
    let per_stream = (shards_needed(d, k) / utilisation / streams).ceil();
    let per_stream = if per_stream.is_finite() && per_stream >= 1.0 {
        per_stream
    } else {
        1.0
    };
    (per_stream * streams).min(f64::from(u32::MAX)) as u32
}

/// PUT payload units per record: one per started 25 KB.
pub fn put_units_per_record(record_kb: f64, unit_kb: f64) -> f64 {
    (record_kb / unit_kb).ceil().max(1.0)
}

pub fn estimate(ctx: &Ctx) -> Option<Priced> {
    let rates = ctx.region.kinesis_provisioned.as_ref()?;
    let w = ctx.workload;
    let d = ctx.derived;
    let k = &ctx.limits.kinesis;
    let mut warnings = Vec::new();
    let mut blockers = Vec::new();
    kinesis_limits(
        ctx,
        ctx.limits.kinesis.max_efo_consumers,
        &mut warnings,
        &mut blockers,
    );

    let needed = shards_needed(d, k);
    let policy = policy(ctx, Provisioned::KinesisShards);
    let auto = auto_shards(d, k, policy.utilisation);
    let shards = w.shards.unwrap_or(auto);
    if shards < auto {
        warnings.push(format!(
            "{shards} shards are fewer than the {auto} the peak needs at the target utilisation{}.",
            if shards < auto_shards(d, k, 1.0) {
                ": writes or reads will be throttled"
            } else {
                ""
            }
        ));
    }
    let quota = k.shard_quota(ctx.region_code);
    if shards > quota {
        warnings.push(format!(
            "{shards} shards exceed the default account quota of {quota} shards in {}; request an increase.",
            ctx.region_code
        ));
    }
    let shard_hours = f64::from(shards) * HOURS_PER_MONTH;
    // Per Kinesis record as it is put (compressed, or aggregated).
    let units_per_record = put_units_per_record(d.kinesis_record_kb, k.put_payload_unit_kb);
    let put_units_million = d.kinesis_records_per_s * units_per_record * SECONDS_PER_MONTH / 1e6;
    let windows = kinesis_retention_windows(ctx);
    let long_term_gb = windows.long_term_gb;

    let mut lines = vec![
        Line::new(
            "shard_hours",
            format!("Shard-hours ({shards} shards × 730 h)"),
            shard_hours,
            "shard-hour",
            &rates.shard_hour,
        ),
        Line::new(
            "put_payload_units",
            format!(
                "PUT payload units ({} per record, 25 KB each)",
                format_quantity(units_per_record, 0)
            ),
            put_units_million,
            "million units",
            &rates.put_payload_units_million,
        ),
    ];
    if w.retention_hours > k.min_retention_hours {
        lines.push(Line::new(
            "extended_retention",
            "Extended retention beyond 24 h (per shard-hour)",
            shard_hours,
            "shard-hour",
            &rates.extended_retention_shard_hour,
        ));
    }
    lines.extend(kinesis_long_term_line(
        &windows,
        &rates.long_term_retention_gb_month,
    ));
    if w.replays > 0.0 && long_term_gb > 0.0 {
        lines.push(Line::new(
            "long_term_retrieval",
            format!(
                "Long-term retrieval (replays: {} × the data held beyond 7 d)",
                shortest(w.replays)
            ),
            w.replays * long_term_gb,
            "GB",
            &rates.long_term_retrieval_gb,
        ));
    }
    if w.efo_consumers > 0 {
        lines.push(Line::new(
            "efo_consumer_shard_hours",
            format!(
                "Enhanced fan-out consumer-shard-hours ({} × {shards} shards)",
                w.efo_consumers
            ),
            shard_hours * f64::from(w.efo_consumers),
            "consumer-shard-hour",
            &rates.efo_consumer_shard_hour,
        ));
        lines.push(Line::new(
            "efo_data_out",
            format!(
                "Enhanced fan-out data out ({})",
                crate::model::units::count_of(w.efo_consumers, "consumer", "consumers")
            ),
            d.gb_in_per_month * f64::from(w.efo_consumers),
            "GB",
            &rates.efo_data_out_gb,
        ));
    }
    let plural = if shards == 1 { "shard" } else { "shards" };
    Some(Priced {
        capacity: Capacity {
            summary: if d.streams > 1 {
                format!("{shards} {plural} over {} streams", d.streams)
            } else {
                format!("{shards} {plural}")
            },
            shards: Some(shards),
            utilisation_pct: Some(needed / f64::from(shards) * 100.0),
            sizing: Some(policy.text),
            ..Capacity::default()
        },
        lines,
        warnings,
        blockers,
    })
}
