//! MSK provisioned with Express brokers: broker-hours, GB written, storage GB-months
//! (one logical copy, pay as you go) and cross-AZ client traffic. Express clusters
//! span 3 AZs and always replicate 3 ways.
//!
//! Auto-sizing: for each Express size, brokers = the most of peak ingress ÷ sustained
//! ingress per broker, peak egress ÷ sustained egress per broker, and partitions × 3 ÷
//! recommended partitions per broker; rounded up to a multiple of 3. Cheapest wins.

use super::{
    ceil_count, cluster_partitions, count_of, cross_az_lines, partitions, round_up_to_multiple,
};
use crate::model::catalog::broker_sort_key;
use crate::model::estimate::{Capacity, Ctx, Line, Priced};
use crate::model::units::HOURS_PER_MONTH;

pub fn estimate(ctx: &Ctx) -> Option<Priced> {
    let rates = ctx.region.msk_express.as_ref()?;
    let w = ctx.workload;
    let d = ctx.derived;
    let l = &ctx.limits.msk_express;
    let partitions = partitions(ctx);
    let mut warnings = Vec::new();
    let mut blockers = Vec::new();
    if w.azs != l.azs {
        blockers.push(format!(
            "Express brokers run in {} availability zones only; the workload asks for {}.",
            l.azs, w.azs
        ));
    }
    if w.replication_factor != l.replication_factor {
        warnings.push(format!(
            "Express always replicates {} ways; RF {} does not apply.",
            l.replication_factor, w.replication_factor
        ));
    }
    let multiple = u64::from(l.azs);
    let mut best: Option<(String, u32, u64, f64, f64)> = None;
    for (name, b) in &l.brokers {
        if w.express.as_ref().is_some_and(|chosen| chosen != name) {
            continue;
        }
        let Some(rate) = rates.broker_hour.get(name) else {
            continue;
        };
        let needed = ceil_count(d.peak_write_mb_per_s / b.ingress_mib_per_s)
            .max(ceil_count(d.peak_read_mb_per_s / b.egress_mib_per_s))
            .max(ceil_count(
                f64::from(partitions) * f64::from(l.replication_factor) / f64::from(b.partitions),
            ))
            .max(1);
        let needed = round_up_to_multiple(needed, multiple);
        let brokers = w
            .express_brokers
            .unwrap_or(needed.min(u64::from(u32::MAX)) as u32);
        let cost = f64::from(brokers) * rate.usd;
        let utilisation = (d.peak_write_mb_per_s / b.ingress_mib_per_s)
            .max(d.peak_read_mb_per_s / b.egress_mib_per_s)
            / f64::from(brokers)
            * 100.0;
        let fits = needed <= u64::from(l.max_brokers_per_cluster);
        let better = match &best {
            None => true,
            Some((bn, _, bneed, bcost, _)) => {
                let bfits = *bneed <= u64::from(l.max_brokers_per_cluster);
                (fits && !bfits)
                    || (fits == bfits
                        && (cost < *bcost
                            || (cost == *bcost && broker_sort_key(name) < broker_sort_key(bn))))
            }
        };
        if better {
            best = Some((name.to_string(), brokers, needed, cost, utilisation));
        }
    }
    let (name, brokers, needed, _, utilisation) = best?;
    if needed > u64::from(l.max_brokers_per_cluster) {
        blockers.push(format!(
            "Needs {needed} {name} brokers; a cluster holds at most {}.",
            l.max_brokers_per_cluster
        ));
    }
    if u64::from(brokers) < needed {
        warnings.push(format!(
            "{brokers} Express brokers are fewer than the {needed} the peak needs."
        ));
    }
    let (partitions, partitions_reason, partitions_warning) = cluster_partitions(ctx, brokers);
    warnings.extend(partitions_warning);
    let mut lines = vec![
        Line::new(
            "broker_hours",
            format!("Broker-hours ({brokers} × {name})"),
            f64::from(brokers) * HOURS_PER_MONTH,
            "broker-hour",
            &rates.broker_hour[&name],
        ),
        Line::new(
            "data_written",
            "Data written",
            d.gb_in_per_month,
            "GB",
            &rates.data_written_gb,
        ),
        Line::new(
            "storage",
            "Storage (retained data, one logical copy)",
            d.gb_retained,
            "GB-month",
            &rates.storage_gb_month,
        ),
    ];
    cross_az_lines(ctx, l.azs, &mut lines);
    Some(Priced {
        capacity: Capacity {
            summary: format!(
                "{brokers} × {name}; {} ({partitions_reason})",
                count_of(partitions, "partition", "partitions")
            ),
            brokers: Some(brokers),
            broker_type: Some(name),
            partitions: Some(partitions),
            utilisation_pct: Some(utilisation),
            ..Capacity::default()
        },
        lines,
        warnings,
        blockers,
    })
}
