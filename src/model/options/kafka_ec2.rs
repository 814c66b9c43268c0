//! Self-managed Apache Kafka on EC2 (KRaft): instance-hours at EC2 on-demand rates,
//! gp3 volumes, the KRaft controllers, and the data transfer MSK does not charge.
//!
//! Brokers are sized by the same rules as MSK Standard (AWS's MSK sizing script's
//! per-instance figures are those of the same m5 and m7g EC2 instances) and the same
//! `target=`/`headroom=` inputs: [`super::msk_standard::counts`]. Each broker has one gp3
//! volume; gp3 includes 3,000 IOPS and 125 MiB/s, and a broker whose peak disk I/O
//! (ingress × the sizing script's I/O factor) needs more provisions throughput up to the
//! volume's 1,000 MiB/s, with the IOPS that gp3's ratio of 0.25 MiB/s per IOPS requires
//! (limits.toml [kafka_ec2]).
//!
//! Replication: every byte written is copied to RF − 1 followers; with rack-aware
//! replica placement (`broker.rack`) the followers sit in other AZs, and EC2 bills each
//! GB that crosses AZs on both sides. MSK waives it ("no data transfer charges for
//! in-cluster traffic used for replication"). Clients cross AZs as on MSK
//! ([`super::cross_az_lines`]).

use super::msk_standard::{cluster_order, counts, layouts, tiered_gb, Counts};
use super::{
    cluster_partitions, count_of, cross_az_lines, durability_warnings, partitions, policy,
    Provisioned,
};
use crate::model::fixed::shortest;
use crate::model::link::format_retention;
use crate::model::priced::{Capacity, Ctx, Line, Priced};
use crate::model::prices::{KafkaEc2Rates, MISSING_SOURCE};
use crate::model::units::{format_quantity, HOURS_PER_MONTH};
use crate::model::workload::Tiered;

/// One sized cluster of an instance type and storage layout.
struct Sizing {
    instance: String,
    /// Hours kept on the brokers' gp3 volumes with tiered storage in S3 (`None`: all).
    local_hours: Option<f64>,
    counts: Counts,
    /// gp3 throughput and IOPS provisioned per broker above the included baseline.
    extra_mib_per_s: f64,
    extra_iops: f64,
    monthly_usd: f64,
}

/// Throughput (MiB/s) and IOPS a broker's gp3 volume needs provisioned above the
/// included baseline, for its peak disk I/O.
pub fn gp3_extra(ctx: &Ctx, brokers: u32, ebs_mib_per_s: f64, tiered: bool) -> (f64, f64) {
    let k = &ctx.limits.kafka_ec2;
    let io = ctx.derived.peak_write_mb_per_s / f64::from(brokers.max(1))
        * ctx.limits.msk_standard.storage_factor(tiered);
    if io <= k.gp3_included_mib_per_s {
        return (0.0, 0.0);
    }
    let mib = io
        .ceil()
        .min(k.gp3_max_mib_per_s)
        .min(ebs_mib_per_s.max(k.gp3_included_mib_per_s));
    let iops = (mib / k.gp3_mib_per_s_per_iops)
        .ceil()
        .max(k.gp3_included_iops);
    (mib - k.gp3_included_mib_per_s, iops - k.gp3_included_iops)
}

/// Followers of each partition in another AZ than its leader, on average: RF − 1 when
/// there are at least RF AZs; with fewer, the replicas are spread over the AZs as
/// evenly as rack-aware placement puts them, and those sharing the leader's AZ don't
/// cross.
pub fn cross_az_followers(rf: u32, azs: u32) -> f64 {
    if rf == 0 || azs <= 1 {
        return 0.0;
    }
    let (per, extra) = (rf / azs, rf % azs);
    // AZs holding per + 1 replicas (extra of them) and per replicas (the rest).
    let same: f64 = [(per + 1, extra), (per, azs - extra)]
        .iter()
        .map(|&(n, count)| {
            let n = f64::from(n);
            f64::from(count) * n / f64::from(rf) * (n - 1.0).max(0.0)
        })
        .sum();
    f64::from(rf - 1) - same
}

/// S3 PUT-class requests a month, in thousands: every segment written is copied.
fn s3_puts_thousand(ctx: &Ctx) -> f64 {
    ctx.derived.gb_in_per_month * ctx.limits.kafka_ec2.s3_puts_per_gb / 1000.0
}

fn monthly(
    ctx: &Ctx,
    rates: &KafkaEc2Rates,
    rate_usd: f64,
    s: &Counts,
    extra: (f64, f64),
    local_hours: Option<f64>,
) -> f64 {
    let tiered = match local_hours {
        Some(_) => {
            tiered_gb(ctx, local_hours) * rates.s3_gb_month.usd
                + s3_puts_thousand(ctx) * rates.s3_put_thousand.usd
        }
        None => 0.0,
    };
    f64::from(s.brokers)
        * (HOURS_PER_MONTH * rate_usd
            + s.storage_gb_per_broker * rates.gp3_gb_month.usd
            + extra.0 * rates.gp3_throughput_mib_per_s_month.usd
            + extra.1 * rates.gp3_iops_month.usd)
        + tiered
}

pub fn estimate(ctx: &Ctx) -> Option<Priced> {
    let rates = ctx.region.kafka_ec2.as_ref()?;
    let w = ctx.workload;
    let d = ctx.derived;
    let l = &ctx.limits.msk_standard;
    let k = &ctx.limits.kafka_ec2;
    let partitions = partitions(ctx);
    let policy = policy(ctx, Provisioned::KafkaEc2);
    // Tiered storage in S3 where the book has S3's rates (`tiered=auto` compares it as on
    // MSK Standard); a local retention set by hand is priced, or names the rates missing.
    let s3_known = [&rates.s3_gb_month, &rates.s3_put_thousand]
        .iter()
        .all(|r| !r.source.is_empty() && !r.source.starts_with(MISSING_SOURCE));
    let layouts: Vec<Option<f64>> = layouts(ctx)
        .into_iter()
        .filter(|l| l.is_none() || s3_known || w.tiered != Tiered::Auto)
        .collect();
    let mut candidates: Vec<Sizing> = l
        .brokers
        .iter()
        .filter(|(_, b)| b.auto)
        .filter_map(|(name, b)| Some((name.strip_prefix("kafka.")?, b)))
        .filter_map(|(instance, b)| Some((instance, b, rates.instance_hour.get(instance)?)))
        .flat_map(|(instance, b, rate)| {
            let (policy, layouts) = (&policy, &layouts);
            layouts.iter().map(move |&local| {
                let c = counts(ctx, b, partitions, local, policy, false);
                let extra = gp3_extra(ctx, c.brokers, b.ebs_mib_per_s, local.is_some());
                Sizing {
                    instance: instance.to_string(),
                    local_hours: local,
                    monthly_usd: monthly(ctx, rates, rate.usd, &c, extra, local),
                    counts: c,
                    extra_mib_per_s: extra.0,
                    extra_iops: extra.1,
                }
            })
        })
        .collect();
    crate::model::sort::sort_by(&mut candidates, |a, b| {
        cluster_order(
            (a.counts.needed, a.monthly_usd, a.local_hours, &a.instance),
            (b.counts.needed, b.monthly_usd, b.local_hours, &b.instance),
            l.max_brokers_per_cluster,
        )
    });
    let best = candidates.into_iter().next()?;
    let c = &best.counts;
    let brokers = f64::from(c.brokers);
    let (partitions, partitions_reason, _) = cluster_partitions(ctx, c.brokers);
    let mut warnings = vec![String::from(
        "Not included: the engineers who run it (patching the OS and Kafka, upgrades, replacing failed brokers, rebalancing partitions), monitoring and backups. MSK's premium over this bill buys those: AWS replaces brokers, patches them and runs the controllers, and does not charge for replication between AZs."
    )];
    durability_warnings(ctx, &mut warnings);
    if best.extra_mib_per_s > 0.0 {
        warnings.push(format!(
            "Each broker carries {} MiB/s of disk I/O at peak (ingress × AWS's I/O factor): above gp3's included {} MiB/s, so throughput{} is provisioned.",
            format_quantity(best.extra_mib_per_s + k.gp3_included_mib_per_s, 0),
            shortest(k.gp3_included_mib_per_s),
            if best.extra_iops > 0.0 { " and IOPS" } else { "" }
        ));
    }
    match (best.local_hours, w.tiered) {
        (Some(h), _) => warnings.push(format!(
            "Tiered storage (Kafka 3.6+): {} on the brokers, the rest in S3 through a remote storage plugin you run (Apache ships none); S3 requests counted as the open-source Aiven plugin makes them.",
            format_retention(h)
        )),
        (None, Tiered::Auto) if !s3_known => warnings.push(
            "All data on the brokers' gp3 volumes: the book has no S3 rates for this Region, so tiered storage in S3 is not compared (set “Tiered storage (Kafka)” to a retention on the brokers, and give the S3 rates the card then asks for)."
                .to_string(),
        ),
        _ => {}
    }

    let instance_rate = &rates.instance_hour[best.instance.as_str()];
    let mut lines = vec![Line::new(
        "broker_hours",
        format!("Broker instance-hours ({} × {})", c.brokers, best.instance),
        brokers * HOURS_PER_MONTH,
        "instance-hour",
        instance_rate,
    )];
    let controller = k.controller_instance.as_ref();
    match rates.instance_hour.get(controller) {
        Some(r) => lines.push(Line::new(
            "controller_hours",
            format!(
                "KRaft controller instance-hours ({} × {controller})",
                k.controllers
            ),
            f64::from(k.controllers) * HOURS_PER_MONTH,
            "instance-hour",
            r,
        )),
        None => warnings.push(format!(
            "No {controller} rate for the KRaft controllers here: they are not in this total."
        )),
    }
    lines.push(Line::new(
        "storage",
        format!(
            "gp3 volumes ({} × {} GB brokers, {} × {} GB controllers)",
            c.brokers,
            format_quantity(c.storage_gb_per_broker, 0),
            k.controllers,
            shortest(k.controller_volume_gb)
        ),
        brokers * c.storage_gb_per_broker + f64::from(k.controllers) * k.controller_volume_gb,
        "GB-month",
        &rates.gp3_gb_month,
    ));
    if best.extra_mib_per_s > 0.0 {
        lines.push(Line::new(
            "storage_throughput",
            format!(
                "gp3 throughput above the included {} MiB/s ({} × {} MiB/s)",
                shortest(k.gp3_included_mib_per_s),
                c.brokers,
                format_quantity(best.extra_mib_per_s, 0)
            ),
            brokers * best.extra_mib_per_s,
            "MiB/s-month",
            &rates.gp3_throughput_mib_per_s_month,
        ));
    }
    if best.extra_iops > 0.0 {
        lines.push(Line::new(
            "storage_iops",
            format!(
                "gp3 IOPS above the included {} ({} × {})",
                shortest(k.gp3_included_iops),
                c.brokers,
                format_quantity(best.extra_iops, 0)
            ),
            brokers * best.extra_iops,
            "IOPS-month",
            &rates.gp3_iops_month,
        ));
    }
    if let Some(h) = best.local_hours {
        lines.push(
            Line::new(
                "tiered_storage",
                format!(
                    "Tiered storage in S3 (data held beyond {} on brokers, one copy)",
                    format_retention(h)
                ),
                tiered_gb(ctx, best.local_hours),
                "GB-month",
                &rates.s3_gb_month,
            )
            .holding(h, w.retention_hours),
        );
        lines.push(Line::new(
            "tiered_requests",
            format!(
                "S3 PUT requests (every segment copied: {} per GiB written)",
                shortest(k.s3_puts_per_gb)
            ),
            s3_puts_thousand(ctx),
            "1,000 requests",
            &rates.s3_put_thousand,
        ));
    }
    if let Some(transfer) = &ctx.region.data_transfer {
        let followers = cross_az_followers(w.replication_factor, w.azs);
        if followers > 0.0 {
            let rate = &transfer.cross_az_gb_each_direction;
            lines.push(Line::new(
                "cross_az_replication",
                format!(
                    "Replication between brokers across AZs ({} follower{} in other AZs × GB in, counted out of one AZ and into another)",
                    format_quantity(followers, 2),
                    if followers == 1.0 { "" } else { "s" }
                ),
                2.0 * d.gb_in_per_month * followers,
                "GB",
                rate,
            ));
        }
    }
    cross_az_lines(ctx, w.azs, &mut lines);

    let utilisation = c
        .rated
        .map(|p| d.peak_write_mb_per_s / (p * brokers) * 100.0);
    Some(Priced {
        capacity: Capacity {
            summary: format!(
                "{} × {} brokers, {} GB gp3 each{}, {} × {controller} KRaft controllers; {} ({partitions_reason})",
                c.brokers,
                best.instance,
                format_quantity(c.storage_gb_per_broker, 0),
                match best.local_hours {
                    Some(h) => format!(", tiered storage in S3 beyond {}", format_retention(h)),
                    None => String::new(),
                },
                k.controllers,
                count_of(partitions, "partition", "partitions")
            ),
            brokers: Some(c.brokers),
            broker_type: Some(best.instance.clone()),
            storage_gb_per_broker: Some(c.storage_gb_per_broker),
            partitions: Some(partitions),
            utilisation_pct: utilisation,
            sizing: Some(policy.text),
            ..Capacity::default()
        },
        lines,
        warnings,
        blockers: Vec::new(),
    })
}
