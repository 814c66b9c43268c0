//! MSK provisioned with Express brokers: broker-hours, GB written, storage GB-months
//! (one logical copy, pay as you go) and cross-AZ client traffic. Express clusters
//! span 3 AZs and always replicate 3 ways.
//!
//! Auto-sizing: for each Express size, brokers = the most of peak ingress ÷ sustained
//! ingress per broker, peak egress ÷ sustained egress per broker, and partitions × 3 ÷
//! recommended partitions per broker; rounded up to a multiple of 3. Cheapest wins.

use super::{
    ceil_count, cluster_partitions, count_of, cross_az_lines, partitions, pick_cluster, policy,
    quota_warnings, round_up_to_multiple, Provisioned,
};
use crate::model::catalog::broker_sort_key;
use crate::model::priced::{Capacity, Ctx, Line, Priced};
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
    let policy = policy(ctx, Provisioned::MskExpress);
    let u = policy.utilisation;
    // (name, brokers, brokers needed, cost per hour, utilisation of the rated throughput)
    let mut candidates: Vec<(String, u32, u64, f64, f64)> = Vec::new();
    for (name, b) in &l.brokers {
        if w.express.as_ref().is_some_and(|chosen| chosen != name) {
            continue;
        }
        let Some(rate) = rates.broker_hour.get(name) else {
            continue;
        };
        let needed = ceil_count(d.peak_write_mb_per_s / (b.ingress_mib_per_s * u))
            .max(ceil_count(d.peak_read_mb_per_s / (b.egress_mib_per_s * u)))
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
        candidates.push((name.to_string(), brokers, needed, cost, utilisation));
    }
    // Fitting clusters first, then the cheaper, then the smaller size.
    let max = u64::from(l.max_brokers_per_cluster);
    crate::model::sort::sort_by(&mut candidates, |a, b| {
        (b.2 <= max)
            .cmp(&(a.2 <= max))
            .then(a.3.total_cmp(&b.3))
            .then_with(|| broker_sort_key(&a.0).cmp(&broker_sort_key(&b.0)))
    });
    let (name, brokers, needed, _, utilisation) = pick_cluster(
        candidates,
        w.sizing,
        ctx.limits.msk_standard.fewer_brokers_tolerance,
        |c| c.2 <= max,
        |c| c.3,
        |c| c.1,
    )?;
    quota_warnings(
        ctx,
        &name,
        needed,
        l.max_brokers_per_cluster,
        &mut warnings,
        &mut blockers,
    );
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
        )
        .holding(0.0, w.retention_hours),
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
            sizing: Some(policy.text),
            ..Capacity::default()
        },
        lines,
        warnings,
        blockers,
    })
}
