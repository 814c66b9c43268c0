//! Kinesis Data Streams, on-demand (Standard) mode: stream-hours, GB in (each record
//! rounded up to 1 KB), GB out for shared-throughput consumers, EFO GB, extended and
//! long-term retention GB-months. No shards to size.
//!
//! On-demand Advantage bills the same quantities without the stream-hour, at its own
//! rates ([`super::kinesis_on_demand_advantage`]); both use [`priced`].

use super::{count_of, kinesis_limits, kinesis_long_term_line, kinesis_retention_windows};
use crate::model::fixed::shortest;
use crate::model::priced::{Capacity, Ctx, Line, Priced};
use crate::model::prices::Rate;
use crate::model::units::{format_quantity, HOURS_PER_MONTH, KB_PER_GB, SECONDS_PER_MONTH};

/// The rates of one on-demand mode.
pub struct OnDemandRates<'a> {
    /// Per stream-hour (On-demand Standard only).
    pub stream_hour: Option<&'a Rate>,
    pub data_in_gb: &'a Rate,
    pub data_out_gb: &'a Rate,
    pub efo_data_out_gb: &'a Rate,
    pub extended_retention_gb_month: &'a Rate,
    pub long_term_retention_gb_month: &'a Rate,
    /// Enhanced fan-out consumers a stream may register in this mode.
    pub max_efo_consumers: u32,
}

pub fn estimate(ctx: &Ctx) -> Option<Priced> {
    let r = ctx.region.kinesis_on_demand.as_ref()?;
    Some(priced(
        ctx,
        &OnDemandRates {
            stream_hour: Some(&r.stream_hour),
            data_in_gb: &r.data_in_gb,
            data_out_gb: &r.data_out_gb,
            efo_data_out_gb: &r.efo_data_out_gb,
            extended_retention_gb_month: &r.extended_retention_gb_month,
            long_term_retention_gb_month: &r.long_term_retention_gb_month,
            max_efo_consumers: ctx.limits.kinesis.max_efo_consumers,
        },
    ))
}

/// GB ingested as on-demand bills it: each Kinesis record (compressed, or aggregated)
/// rounded up to whole KB.
pub fn billed_gb_in(ctx: &Ctx) -> f64 {
    let d = ctx.derived;
    d.kinesis_records_per_s * d.kinesis_record_kb.ceil() * SECONDS_PER_MONTH / KB_PER_GB
}

/// The lines, capacity and warnings of an on-demand mode at `rates`.
pub fn priced(ctx: &Ctx, rates: &OnDemandRates) -> Priced {
    let w = ctx.workload;
    let d = ctx.derived;
    let k = &ctx.limits.kinesis;
    let advantage = rates.stream_hour.is_none();
    let mut warnings = Vec::new();
    let mut blockers = Vec::new();
    kinesis_limits(ctx, rates.max_efo_consumers, &mut warnings, &mut blockers);

    // Write limits are per stream; the workload is spread evenly over its streams.
    let streams = d.streams;
    let per_stream_peak = d.peak_write_mb_per_s / f64::from(streams);
    let max_write = k.on_demand_max_write_mb_per_s(ctx.region_code);
    let absolute_max = k
        .on_demand_max_write_mb_per_s
        .values()
        .copied()
        .fold(max_write, f64::max);
    if per_stream_peak > absolute_max {
        blockers.push(format!(
            "Peak write of {} MB/s is above the on-demand maximum of {} MB/s per stream.",
            format_quantity(per_stream_peak, 1),
            format_quantity(absolute_max, 0)
        ));
    } else if per_stream_peak > max_write {
        warnings.push(format!(
            "Peak write of {} MB/s is above this region's on-demand default maximum of {} MB/s; it needs a quota increase.",
            format_quantity(per_stream_peak, 1),
            format_quantity(max_write, 0)
        ));
    }
    if per_stream_peak > k.on_demand_initial_write_mb_per_s && advantage {
        warnings.push(format!(
            "A new on-demand stream starts at {} MB/s write; set its warm throughput to {} MB/s (no charge with On-demand Advantage) to take the peak from day one.",
            shortest(k.on_demand_initial_write_mb_per_s),
            format_quantity(per_stream_peak, 1)
        ));
    } else if per_stream_peak > k.on_demand_initial_write_mb_per_s {
        warnings.push(format!(
            "A new on-demand stream starts at {} MB/s write and adapts to twice its previous 30-day peak; warm it up or start provisioned to take {} MB/s from day one.",
            shortest(k.on_demand_initial_write_mb_per_s),
            format_quantity(per_stream_peak, 1)
        ));
    }
    if streams > k.on_demand_streams_quota {
        warnings.push(format!(
            "{streams} on-demand streams exceed the default quota of {} per account; request an increase.",
            k.on_demand_streams_quota
        ));
    }
    if w.peak_factor > 2.0 && !advantage {
        warnings.push(
            "Peaks above twice the previous peak within 15 minutes can be throttled in on-demand mode."
                .to_string(),
        );
    }

    // Each Kinesis record (compressed, or aggregated) is rounded up to whole KB.
    let billed_kb = d.kinesis_record_kb.ceil();
    let gb_in_billed = billed_gb_in(ctx);
    let windows = kinesis_retention_windows(ctx);
    let (extended_gb, long_term_gb) = (windows.extended_gb, windows.long_term_gb);

    let mut lines = Vec::new();
    if let Some(rate) = rates.stream_hour {
        lines.push(Line::new(
            "stream_hours",
            format!("Stream-hours ({})", count_of(streams, "stream", "streams")),
            HOURS_PER_MONTH * f64::from(streams),
            "stream-hour",
            rate,
        ));
    }
    lines.push(Line::new(
        "data_in",
        format!(
            "Data in (records rounded up to {} KB)",
            format_quantity(billed_kb, 0)
        ),
        gb_in_billed,
        "GB",
        rates.data_in_gb,
    ));
    if d.shared_consumers > 0 {
        lines.push(Line::new(
            "data_out",
            format!(
                "Data out, shared throughput ({})",
                crate::model::units::count_of(d.shared_consumers, "consumer", "consumers")
            ),
            d.gb_in_per_month * f64::from(d.shared_consumers),
            "GB",
            rates.data_out_gb,
        ));
    }
    if w.efo_consumers > 0 {
        lines.push(Line::new(
            "efo_data_out",
            format!(
                "Data out, enhanced fan-out ({})",
                crate::model::units::count_of(w.efo_consumers, "consumer", "consumers")
            ),
            d.gb_in_per_month * f64::from(w.efo_consumers),
            "GB",
            rates.efo_data_out_gb,
        ));
    }
    if w.replays > 0.0 {
        lines.push(Line::new(
            "replay_data_out",
            format!(
                "Data out, replays ({} × the retained data)",
                shortest(w.replays)
            ),
            d.replay_gb_per_month,
            "GB",
            rates.data_out_gb,
        ));
        if long_term_gb > 0.0 {
            let provisioned = ctx
                .region
                .kinesis_provisioned
                .as_ref()
                .map(|p| {
                    format!(
                        " (provisioned streams pay ${}/GB here)",
                        shortest(p.long_term_retrieval_gb.usd)
                    )
                })
                .unwrap_or_default();
            warnings.push(format!(
                "Replays re-read data older than 7 days: no AWS rate for on-demand long-term retrieval was found, so it is not in this total{provisioned}."
            ));
        }
    }
    if extended_gb > 0.0 {
        lines.push(
            Line::new(
                "extended_retention",
                "Extended retention (data held 24 h–7 d)",
                extended_gb,
                "GB-month",
                rates.extended_retention_gb_month,
            )
            .holding(windows.extended_ages.0, windows.extended_ages.1),
        );
    }
    lines.extend(kinesis_long_term_line(
        &windows,
        rates.long_term_retention_gb_month,
    ));
    Priced {
        capacity: Capacity {
            summary: format!(
                "{}{}, {} MB/s peak write",
                if advantage {
                    "On-demand Advantage"
                } else {
                    "On-demand"
                },
                if streams > 1 {
                    format!(", {streams} streams")
                } else {
                    " stream".to_string()
                },
                format_quantity(d.peak_write_mb_per_s, 2)
            ),
            ..Capacity::default()
        },
        lines,
        warnings,
        blockers,
    }
}
