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
//! Tiered storage (`tiered=`): with a local retention, brokers keep only that on EBS;
//! the rest of the retention is one copy in the tiered store, billed per GB-month; the
//! throughput factors grow by 1.5 (AWS's sizing script). Retrieval ($/GB read from
//! the tiered store) is priced for replays (`replay=`); other consumers are assumed to
//! read recent data, from the brokers. With `tiered=auto` (link format v2's default)
//! each broker type is sized with all data on EBS and with each local retention of
//! limits.toml's candidates (1 and 3 days, where the retention is at least the 3 days
//! AWS requires of a tiered topic), and the cheapest that fits wins.

use super::{
    ceil_count, cluster_partitions, count_of, cross_az_lines, durability_warnings, partitions,
    pick_cluster, policy, quota_warnings, round_up_to_multiple, Policy, Provisioned,
};
use crate::model::catalog::broker_sort_key;
use crate::model::fixed::shortest;
use crate::model::limits::StandardBroker;
use crate::model::link::format_retention;
use crate::model::priced::{Capacity, Ctx, Line, Priced};
use crate::model::prices::MskStandardRates;
use crate::model::units::{
    format_quantity, format_usd_cents, gb_over_hours, usd_to_cents as usd_cents, HOURS_PER_MONTH,
};
use crate::model::workload::{SizingRules, Tiered};

/// One sized cluster of a broker type.
#[derive(Clone, Debug, PartialEq)]
pub struct Sizing {
    pub broker_type: String,
    pub brokers: u32,
    /// Brokers the workload needs (before a user override).
    pub brokers_needed: u64,
    pub storage_gb_per_broker: f64,
    /// Hours kept on broker storage when tiered storage is on.
    pub local_hours: Option<f64>,
    /// Brokers, EBS, tiered storage and its retrieval, provisioned storage throughput,
    /// USD a month.
    pub monthly_usd: f64,
    /// Sustainable ingress per broker at 100 % (the rated throughput), MB/s.
    pub ingress_per_broker_mb_per_s: Option<f64>,
    /// Provisioned storage throughput per broker, MiB/s (sizing rules v3; 0 = none).
    pub storage_throughput_mib_per_s: f64,
}

/// GB kept on broker storage (one copy): the local retention with tiered storage on.
pub fn local_retained_gb(ctx: &Ctx, local_hours: Option<f64>) -> f64 {
    match local_hours {
        Some(h) => gb_over_hours(
            ctx.derived.avg_write_mb_per_s,
            h.min(ctx.workload.retention_hours),
        ),
        None => ctx.derived.gb_retained,
    }
}

/// GB in the tiered store (one copy).
pub fn tiered_gb(ctx: &Ctx, local_hours: Option<f64>) -> f64 {
    match local_hours {
        Some(_) => (ctx.derived.gb_retained - local_retained_gb(ctx, local_hours)).max(0.0),
        None => 0.0,
    }
}

/// The storage layouts to size: the user's, or with `tiered=auto` all-local and each
/// candidate local retention that tiered storage allows for this retention.
pub fn layouts(ctx: &Ctx) -> Vec<Option<f64>> {
    let l = &ctx.limits.msk_standard;
    let retention = ctx.workload.retention_hours;
    match ctx.workload.tiered {
        Tiered::Off => vec![None],
        Tiered::Local(h) => vec![Some(h)],
        Tiered::Auto => {
            let mut v = vec![None];
            if retention >= l.tiered_min_retention_hours {
                v.extend(
                    l.tiered_local_candidates_hours
                        .iter()
                        .filter(|&&h| h < retention)
                        .map(|&h| Some(h)),
                );
            }
            v
        }
    }
}

/// Provisioned storage throughput a broker needs, MiB/s (0 = none): the sizing assumes
/// the broker's EBS bandwidth carries its peak ingress × the EBS I/O factor (AWS's
/// sizing script); an EBS volume gives 250 MiB/s without provisioned throughput.
fn storage_throughput_needed(
    ctx: &Ctx,
    broker: &StandardBroker,
    brokers: u32,
    tiered: bool,
) -> f64 {
    let l = &ctx.limits.msk_standard;
    let io = ctx.derived.peak_write_mb_per_s / f64::from(brokers.max(1)) * l.storage_factor(tiered);
    if io > l.volume_baseline_mib_per_s {
        io.ceil()
            .min(broker.ebs_mib_per_s)
            .min(l.max_storage_throughput_mib_per_s)
    } else {
        0.0
    }
}

/// Brokers and EBS per broker of one broker type and storage layout, by AWS's sizing
/// script's rules (shared with self-managed Kafka on the same EC2 families).
pub struct Counts {
    /// Sustainable ingress per broker at 100 %, MB/s (none for burstable types).
    pub rated: Option<f64>,
    /// Brokers the workload needs (before a user override).
    pub needed: u64,
    pub brokers: u32,
    pub storage_gb_per_broker: f64,
}

/// [`Counts`] for a broker; `overrides`: the user's broker count and EBS size apply
/// (MSK Standard's layout inputs).
pub fn counts(
    ctx: &Ctx,
    broker: &StandardBroker,
    partitions: u32,
    local_hours: Option<f64>,
    policy: &Policy,
    overrides: bool,
) -> Counts {
    let w = ctx.workload;
    let d = ctx.derived;
    let l = &ctx.limits.msk_standard;
    let rf = f64::from(w.replication_factor);
    let tiered = local_hours.is_some();
    let rated = (broker.ebs_mib_per_s > 0.0)
        .then(|| l.ingress_per_broker_mb_per_s(broker, d.readers.all(), tiered, 1.0));
    let for_throughput = rated.map_or(0, |p| {
        ceil_count(d.peak_write_mb_per_s / (p * policy.utilisation))
    });
    let for_partitions = ceil_count(f64::from(partitions) * rf / f64::from(broker.partitions));
    let stored_gb = local_retained_gb(ctx, local_hours) * rf * policy.headroom;
    let for_storage = ceil_count(stored_gb / l.max_storage_gb_per_broker);
    let needed = for_throughput
        .max(for_partitions)
        .max(for_storage)
        .max(u64::from(w.replication_factor))
        .max(1);
    let needed = round_up_to_multiple(needed, u64::from(w.azs));
    let auto = needed.min(u64::from(u32::MAX)) as u32;
    let brokers = if overrides { w.brokers } else { None }.unwrap_or(auto);
    let auto_storage = (stored_gb / f64::from(brokers))
        .ceil()
        .max(l.min_storage_gb_per_broker)
        .min(l.max_storage_gb_per_broker);
    let storage_gb_per_broker = if overrides {
        w.storage_gb_per_broker
    } else {
        None
    }
    .unwrap_or(auto_storage);
    Counts {
        rated,
        needed,
        brokers,
        storage_gb_per_broker,
    }
}

#[allow(clippy::too_many_arguments)]
fn size_one(
    ctx: &Ctx,
    name: &str,
    broker: &StandardBroker,
    rate_usd: f64,
    rates: &MskStandardRates,
    partitions: u32,
    local_hours: Option<f64>,
    policy: &Policy,
) -> Sizing {
    let w = ctx.workload;
    let tiered = local_hours.is_some();
    let Counts {
        rated,
        needed,
        brokers,
        storage_gb_per_broker: storage,
    } = counts(ctx, broker, partitions, local_hours, policy, true);
    let tiered_gb = tiered_gb(ctx, local_hours);
    let pst = match w.sizing {
        SizingRules::Aws | SizingRules::V3 => {
            storage_throughput_needed(ctx, broker, brokers, tiered)
        }
        SizingRules::V2 => 0.0,
    };
    let monthly_usd = f64::from(brokers) * HOURS_PER_MONTH * rate_usd
        + f64::from(brokers) * storage * rates.storage_gb_month.usd
        + tiered_gb * rates.tiered_storage_gb_month.usd
        + w.replays * tiered_gb * rates.tiered_retrieval_gb.usd
        + f64::from(brokers) * pst * rates.storage_throughput_mib_per_s_month.usd;
    Sizing {
        broker_type: name.to_string(),
        brokers,
        brokers_needed: needed,
        storage_gb_per_broker: storage,
        local_hours,
        monthly_usd,
        ingress_per_broker_mb_per_s: rated,
        storage_throughput_mib_per_s: pst,
    }
}

/// Fitting clusters first (within the brokers-per-cluster limit), then the cheaper,
/// then all-local before tiered, then the smaller broker type.
fn better(a: &Sizing, b: &Sizing, max_brokers: u32) -> std::cmp::Ordering {
    cluster_order(
        (
            a.brokers_needed,
            a.monthly_usd,
            a.local_hours,
            &a.broker_type,
        ),
        (
            b.brokers_needed,
            b.monthly_usd,
            b.local_hours,
            &b.broker_type,
        ),
        max_brokers,
    )
}

/// The order of [`better`] on (brokers needed, USD a month, local hours, broker type):
/// shared by every option sized by these rules (self-managed Kafka too).
pub fn cluster_order(
    a: (u64, f64, Option<f64>, &str),
    b: (u64, f64, Option<f64>, &str),
    max_brokers: u32,
) -> std::cmp::Ordering {
    let fits = |needed: u64| needed <= u64::from(max_brokers);
    fits(b.0)
        .cmp(&fits(a.0))
        .then(a.1.total_cmp(&b.1))
        .then(a.2.is_some().cmp(&b.2.is_some()))
        .then_with(|| broker_sort_key(a.3).cmp(&broker_sort_key(b.3)))
}

pub fn estimate(ctx: &Ctx) -> Option<Priced> {
    let rates = ctx.region.msk_standard.as_ref()?;
    let w = ctx.workload;
    let d = ctx.derived;
    let l = &ctx.limits.msk_standard;
    let partitions = partitions(ctx);
    let mut warnings = Vec::new();
    let mut blockers = Vec::new();
    let auto_tiered = w.tiered == Tiered::Auto;

    let layouts = layouts(ctx);
    let policy = policy(ctx, Provisioned::MskStandard);
    let mut candidates: Vec<Sizing> = l
        .brokers
        .iter()
        .filter(|(name, b)| match &w.broker {
            Some(chosen) => *name == chosen,
            None => b.auto,
        })
        .filter_map(|(name, b)| Some((name, b, rates.broker_hour.get(name)?)))
        .flat_map(|(name, b, rate)| {
            layouts
                .iter()
                // (Auto never picks tiered storage for a type that lacks it.)
                .filter(move |local| !(auto_tiered && local.is_some() && !b.tiered))
                .map(|&local| size_one(ctx, name, b, rate.usd, rates, partitions, local, &policy))
        })
        .collect();
    crate::model::sort::sort_by(&mut candidates, |a, b| {
        better(a, b, l.max_brokers_per_cluster)
    });
    // The best all-local sizing, to say what tiered storage saves.
    let best_local = candidates.iter().find(|c| c.local_hours.is_none()).cloned();
    let max = u64::from(l.max_brokers_per_cluster);
    let best = pick_cluster(
        candidates,
        w.sizing,
        l.fewer_brokers_tolerance,
        |c| c.brokers_needed <= max,
        |c| c.monthly_usd,
        |c| c.brokers,
    )?;
    let broker = &l.brokers[&best.broker_type];
    let broker_rate = &rates.broker_hour[&best.broker_type];
    let local_hours = best.local_hours;
    let (partitions, partitions_reason, partitions_warning) = cluster_partitions(ctx, best.brokers);
    warnings.extend(partitions_warning);

    quota_warnings(
        ctx,
        &best.broker_type,
        best.brokers_needed,
        l.max_brokers_per_cluster,
        &mut warnings,
        &mut blockers,
    );
    durability_warnings(ctx, &mut warnings);
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
    let held = local_retained_gb(ctx, local_hours) * f64::from(w.replication_factor);
    let provisioned = best.storage_gb_per_broker * f64::from(best.brokers);
    if held > provisioned {
        warnings.push(format!(
            "{} GB of storage cannot hold {} GB of retained data × RF {}.",
            format_quantity(provisioned, 0),
            format_quantity(local_retained_gb(ctx, local_hours), 0),
            w.replication_factor
        ));
    }
    if local_hours.is_some() && !broker.tiered {
        blockers.push(format!(
            "{} brokers do not support tiered storage.",
            best.broker_type
        ));
    }
    if local_hours.is_some() && w.retention_hours < l.tiered_min_retention_hours {
        warnings.push(format!(
            "AWS requires a retention of at least {} on a topic with tiered storage; this one keeps {}.",
            format_retention(l.tiered_min_retention_hours),
            format_retention(w.retention_hours)
        ));
    }
    if auto_tiered {
        match (local_hours, &best_local) {
            (Some(h), Some(all_local)) => warnings.push(format!(
                "Tiered storage chosen by auto-sizing: {} on brokers, the rest in the tiered store. All on brokers would need {} × {}{}: brokers and storage {} a month, against {} here; “Tiered storage (Kafka)” set to off prices that.",
                format_retention(h),
                all_local.brokers_needed,
                all_local.broker_type,
                if all_local.brokers_needed > u64::from(l.max_brokers_per_cluster) {
                    format!(", above the {} a cluster holds by default", l.max_brokers_per_cluster)
                } else {
                    String::new()
                },
                format_usd_cents(usd_cents(all_local.monthly_usd)),
                format_usd_cents(usd_cents(best.monthly_usd)),
            )),
            (None, _) if layouts.len() > 1 => warnings.push(
                "Auto-sizing compared tiered storage (1 or 3 days on brokers) and kept all data on brokers: it is cheaper here."
                    .to_string(),
            ),
            _ => {}
        }
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
    if let Some(h) = local_hours {
        let tiered_gb = tiered_gb(ctx, local_hours);
        lines.push(
            Line::new(
                "tiered_storage",
                format!(
                    "Tiered storage (data held beyond {} on brokers)",
                    format_retention(h)
                ),
                tiered_gb,
                "GB-month",
                &rates.tiered_storage_gb_month,
            )
            .holding(h, w.retention_hours),
        );
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
    if best.storage_throughput_mib_per_s > 0.0 {
        let mut line = Line::new(
            "storage_throughput",
            format!(
                "Provisioned storage throughput ({} × {} MiB/s)",
                best.brokers,
                format_quantity(best.storage_throughput_mib_per_s, 0)
            ),
            f64::from(best.brokers) * best.storage_throughput_mib_per_s,
            "MiB/s-month",
            &rates.storage_throughput_mib_per_s_month,
        );
        line.uncertain = Some("priced as AWS's sizing script prices it, on the whole provisioned MiB/s; whether AWS bills only the part above the volume's 250 MiB/s baseline was not confirmed".into());
        lines.push(line);
        warnings.push(format!(
            "Each {} broker carries {} MiB/s of disk I/O at peak (ingress × AWS's I/O factor): above an EBS volume's {} MiB/s, so storage throughput is provisioned.",
            best.broker_type,
            format_quantity(best.storage_throughput_mib_per_s, 0),
            shortest(l.volume_baseline_mib_per_s)
        ));
    } else if w.sizing == SizingRules::V2 {
        let tiered = local_hours.is_some();
        if storage_throughput_needed(ctx, broker, best.brokers, tiered) > 0.0 {
            warnings.push(format!(
                "Each {} broker carries more than an EBS volume's {} MiB/s of disk I/O at peak: provisioned storage throughput, not priced by the “Sizing rules” of links made before December 2026 (today's price it).",
                best.broker_type,
                shortest(l.volume_baseline_mib_per_s)
            ));
        }
    }
    cross_az_lines(ctx, w.azs, &mut lines);

    // (Of the rated throughput, as on every card.)
    let utilisation = best
        .ingress_per_broker_mb_per_s
        .map(|p| d.peak_write_mb_per_s / (p * f64::from(best.brokers)) * 100.0);
    Some(Priced {
        capacity: Capacity {
            summary: format!(
                "{} × {}, {} GB each{}; {} ({partitions_reason})",
                best.brokers,
                best.broker_type,
                format_quantity(best.storage_gb_per_broker, 0),
                match local_hours {
                    Some(h) => format!(", tiered storage beyond {}", format_retention(h)),
                    None => String::new(),
                },
                count_of(partitions, "partition", "partitions")
            ),
            brokers: Some(best.brokers),
            broker_type: Some(best.broker_type.clone()),
            storage_gb_per_broker: Some(best.storage_gb_per_broker),
            partitions: Some(partitions),
            utilisation_pct: utilisation,
            sizing: Some(policy.text),
            ..Capacity::default()
        },
        lines,
        warnings,
        blockers,
    })
}
