//! MSK provisioned with Standard brokers: broker-hours, EBS storage GB-months and
//! cross-AZ client traffic.
//!
//! Auto-sizing (AWS's MSK sizing script, `data/limits.toml` [msk_standard]): for each
//! broker type, brokers = the most of
//! - peak ingress ÷ per-broker sustainable ingress, where that is
//!   min(EBS MiB/s ÷ 6.5, NIC MiB/s ÷ (1.5 × consumer groups + 5.7)) × 50 %;
//! - partitions × RF ÷ recommended partitions per broker;
//! - retained GB × RF × 2 (50 % headroom) ÷ 16,384 GB per broker;
//!
//! rounded up to a multiple of the AZ count (at least one per AZ and at least RF).
//! EBS per broker = retained GB × RF × 2 ÷ brokers. The cheapest type wins.
//!
//! Tiered storage (`tiered=` local retention): brokers keep only the local retention on
//! EBS; the rest of the retention is one copy in the tiered store, billed per GB-month;
//! the throughput factors grow by 1.5 (AWS's sizing script). Retrieval ($/GB read from
//! the tiered store) is priced for replays (`replay=`); other consumers are assumed to
//! read recent data, from the brokers.

use super::{ceil_count, count_of, cross_az_lines, partitions, round_up_to_multiple};
use crate::model::catalog::broker_sort_key;
use crate::model::estimate::{Capacity, Ctx, Line, Priced};
use crate::model::fixed::shortest;
use crate::model::limits::StandardBroker;
use crate::model::link::format_retention;
use crate::model::units::{format_quantity, gb_over_hours, HOURS_PER_MONTH};

/// One sized cluster of a broker type.
#[derive(Clone, Debug, PartialEq)]
pub struct Sizing {
    pub broker_type: String,
    pub brokers: u32,
    /// Brokers the workload needs (before a user override).
    pub brokers_needed: u64,
    pub storage_gb_per_broker: f64,
    pub monthly_usd: f64,
    pub ingress_per_broker_mb_per_s: Option<f64>,
}

/// GB kept on broker storage (one copy): the local retention with tiered storage on.
fn local_retained_gb(ctx: &Ctx) -> f64 {
    match ctx.workload.tiered_local_hours {
        Some(h) => gb_over_hours(
            ctx.derived.avg_write_mb_per_s,
            h.min(ctx.workload.retention_hours),
        ),
        None => ctx.derived.gb_retained,
    }
}

fn size_one(
    ctx: &Ctx,
    name: &str,
    broker: &StandardBroker,
    rate_usd: f64,
    storage_usd: f64,
    partitions: u32,
) -> Sizing {
    let w = ctx.workload;
    let d = ctx.derived;
    let l = &ctx.limits.msk_standard;
    let rf = f64::from(w.replication_factor);
    let tiered = w.tiered_local_hours.is_some();
    let per_broker = (broker.ebs_mib_per_s > 0.0)
        .then(|| l.ingress_per_broker_mb_per_s(broker, w.consumers, tiered));
    let for_throughput = per_broker.map_or(0, |p| ceil_count(d.peak_write_mb_per_s / p));
    let for_partitions = ceil_count(f64::from(partitions) * rf / f64::from(broker.partitions));
    let stored_gb = local_retained_gb(ctx) * rf * l.storage_headroom;
    let for_storage = ceil_count(stored_gb / l.max_storage_gb_per_broker);
    let needed = for_throughput
        .max(for_partitions)
        .max(for_storage)
        .max(u64::from(w.replication_factor))
        .max(1);
    let needed = round_up_to_multiple(needed, u64::from(w.azs));
    let brokers = w.brokers.unwrap_or(needed.min(u64::from(u32::MAX)) as u32);
    let storage = w.storage_gb_per_broker.unwrap_or_else(|| {
        (stored_gb / f64::from(brokers))
            .ceil()
            .max(l.min_storage_gb_per_broker)
            .min(l.max_storage_gb_per_broker)
    });
    let monthly_usd = f64::from(brokers) * HOURS_PER_MONTH * rate_usd
        + f64::from(brokers) * storage * storage_usd;
    Sizing {
        broker_type: name.to_string(),
        brokers,
        brokers_needed: needed,
        storage_gb_per_broker: storage,
        monthly_usd,
        ingress_per_broker_mb_per_s: per_broker,
    }
}

pub fn estimate(ctx: &Ctx) -> Option<Priced> {
    let rates = ctx.region.msk_standard.as_ref()?;
    let w = ctx.workload;
    let d = ctx.derived;
    let l = &ctx.limits.msk_standard;
    let partitions = partitions(ctx);
    let mut warnings = Vec::new();
    let mut blockers = Vec::new();

    let mut candidates: Vec<Sizing> = l
        .brokers
        .iter()
        .filter(|(name, b)| match &w.broker {
            Some(chosen) => *name == chosen,
            None => b.auto,
        })
        .filter_map(|(name, b)| {
            let rate = rates.broker_hour.get(name)?;
            Some(size_one(
                ctx,
                name,
                b,
                rate.usd,
                rates.storage_gb_month.usd,
                partitions,
            ))
        })
        .collect();
    candidates.sort_by(|a, b| {
        let fits_a = a.brokers_needed <= u64::from(l.max_brokers_per_cluster);
        let fits_b = b.brokers_needed <= u64::from(l.max_brokers_per_cluster);
        fits_b
            .cmp(&fits_a)
            .then(a.monthly_usd.total_cmp(&b.monthly_usd))
            .then_with(|| broker_sort_key(&a.broker_type).cmp(&broker_sort_key(&b.broker_type)))
    });
    let best = candidates.into_iter().next()?;
    let broker = &l.brokers[&best.broker_type];
    let broker_rate = &rates.broker_hour[&best.broker_type];

    if best.brokers_needed > u64::from(l.max_brokers_per_cluster) {
        blockers.push(format!(
            "Needs {} {} brokers; a cluster holds at most {}. Split the workload across clusters.",
            best.brokers_needed, best.broker_type, l.max_brokers_per_cluster
        ));
    }
    if u64::from(best.brokers) < best.brokers_needed {
        warnings.push(format!(
            "{} brokers are fewer than the {} this workload needs (throughput, partitions and storage with AWS's sizing headroom).",
            best.brokers, best.brokers_needed
        ));
    }
    if best.brokers < w.replication_factor {
        warnings.push(format!(
            "Replication factor {} needs at least {} brokers.",
            w.replication_factor, w.replication_factor
        ));
    }
    let held = local_retained_gb(ctx) * f64::from(w.replication_factor);
    let provisioned = best.storage_gb_per_broker * f64::from(best.brokers);
    if held > provisioned {
        warnings.push(format!(
            "{} GB of storage cannot hold {} GB of retained data × RF {}.",
            format_quantity(provisioned, 0),
            format_quantity(local_retained_gb(ctx), 0),
            w.replication_factor
        ));
    }
    if w.tiered_local_hours.is_some() && !broker.tiered {
        blockers.push(format!(
            "{} brokers do not support tiered storage.",
            best.broker_type
        ));
    }
    if let Some(note) = &broker.note {
        warnings.push(format!("{}: {note}", best.broker_type));
    }

    let mut lines = vec![
        Line::new(
            "broker_hours",
            format!("Broker-hours ({} × {})", best.brokers, best.broker_type),
            f64::from(best.brokers) * HOURS_PER_MONTH,
            "broker-hour",
            broker_rate,
        ),
        Line::new(
            "storage",
            format!(
                "EBS storage ({} × {} GB)",
                best.brokers,
                format_quantity(best.storage_gb_per_broker, 0)
            ),
            f64::from(best.brokers) * best.storage_gb_per_broker,
            "GB-month",
            &rates.storage_gb_month,
        ),
    ];
    if let Some(h) = w.tiered_local_hours {
        let tiered_gb = (d.gb_retained - local_retained_gb(ctx)).max(0.0);
        lines.push(Line::new(
            "tiered_storage",
            format!(
                "Tiered storage (data held beyond {} on brokers)",
                format_retention(h)
            ),
            tiered_gb,
            "GB-month",
            &rates.tiered_storage_gb_month,
        ));
        // Replays read the older data back from the tiered store.
        if w.replays > 0.0 {
            lines.push(Line::new(
                "tiered_retrieval",
                format!(
                    "Tiered storage retrieval (replays: {} × the tiered data)",
                    shortest(w.replays)
                ),
                w.replays * tiered_gb,
                "GB",
                &rates.tiered_retrieval_gb,
            ));
        }
    }
    cross_az_lines(ctx, w.azs, &mut lines);

    let utilisation = best
        .ingress_per_broker_mb_per_s
        .map(|p| d.peak_write_mb_per_s / (p * f64::from(best.brokers)) * 100.0);
    Some(Priced {
        capacity: Capacity {
            summary: format!(
                "{} × {}, {} GB each; {}",
                best.brokers,
                best.broker_type,
                format_quantity(best.storage_gb_per_broker, 0),
                count_of(partitions, "partition", "partitions")
            ),
            brokers: Some(best.brokers),
            broker_type: Some(best.broker_type.clone()),
            storage_gb_per_broker: Some(best.storage_gb_per_broker),
            partitions: Some(partitions),
            utilisation_pct: utilisation,
            ..Capacity::default()
        },
        lines,
        warnings,
        blockers,
    })
}
