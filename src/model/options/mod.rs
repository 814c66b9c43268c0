//! The deployment options, one file each, all with the same small interface:
//! `estimate(&Ctx) -> Option<Priced>` (`None` when the region has no rates for it).
//! Shared maths (retention windows, partitions, cross-AZ traffic) lives here.

pub mod firehose_direct;
pub mod kafka_ec2;
pub mod kinesis_on_demand;
pub mod kinesis_on_demand_advantage;
pub mod kinesis_provisioned;
pub mod msk_express;
pub mod msk_serverless;
pub mod msk_standard;

use super::priced::{Ctx, Line, OptionId, Priced};
use super::units::{format_quantity, gb_over_hours, HOURS_PER_MONTH};
use super::workload::SizingRules;
use crate::model::fixed::shortest;

/// The options that make you provision capacity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Provisioned {
    KinesisShards,
    MskStandard,
    MskExpress,
    /// Self-managed Kafka on EC2: MSK Standard's policy (the same instances and rules).
    KafkaEc2,
}

/// One sizing policy for every provisioned option: the target peak utilisation of the
/// capacity's rated throughput and the storage headroom, the user's (`target=`,
/// `headroom=`) or each service's default from AWS's guidance; and the sentence the
/// card shows next to the capacity.
#[derive(Clone, Debug, PartialEq)]
pub struct Policy {
    /// Share of the rated throughput the peak may use (0–1].
    pub utilisation: f64,
    /// Disk provisioned per byte held (MSK Standard's EBS).
    pub headroom: f64,
    pub text: String,
}

pub fn policy(ctx: &Ctx, kind: Provisioned) -> Policy {
    let w = ctx.workload;
    let l = ctx.limits;
    let (default, source) = match kind {
        Provisioned::KinesisShards => (
            l.kinesis.provisioned_utilisation,
            "the shard limits, AWS's Kinesis quotas page gives no headroom guidance",
        ),
        Provisioned::MskStandard | Provisioned::KafkaEc2 => {
            (l.msk_standard.utilisation, "AWS MSK sizing guidance")
        }
        Provisioned::MskExpress => match w.sizing {
            SizingRules::Aws | SizingRules::V3 => {
                (l.msk_express.utilisation, "AWS MSK sizing guidance")
            }
            SizingRules::V2 => (1.0, "Express's full sustained throughput, the sizing rules of links made before December 2026"),
        },
    };
    let target = match kind {
        Provisioned::KinesisShards => w.target.kinesis,
        Provisioned::MskStandard | Provisioned::KafkaEc2 => w.target.standard,
        Provisioned::MskExpress => w.target.express,
    };
    let utilisation = target.map_or(default, |t| t / 100.0);
    let headroom = w.headroom.unwrap_or(l.msk_standard.storage_headroom);
    let source = if target.is_some() {
        "your target"
    } else {
        source
    };
    let disk = if matches!(kind, Provisioned::MskStandard | Provisioned::KafkaEc2) {
        format!(
            ", {}× disk{}",
            shortest(headroom),
            if w.headroom.is_some() { " (yours)" } else { "" }
        )
    } else {
        String::new()
    };
    Policy {
        utilisation,
        headroom,
        text: format!(
            "Sized for {} % peak utilisation{disk} ({source})",
            format_quantity(utilisation * 100.0, 1)
        ),
    }
}

/// Picks a cluster from sized candidates in preference order (fitting clusters first,
/// then the cheaper): with sizing rules v2 the first; today, among the candidates that
/// fit as the first does and cost at most `tolerance` more, the fewest brokers (then the
/// cheaper). Shared by MSK Standard and Express.
pub fn pick_cluster<T: Clone>(
    sorted: Vec<T>,
    rules: SizingRules,
    tolerance: f64,
    fits: impl Fn(&T) -> bool,
    monthly_usd: impl Fn(&T) -> f64,
    brokers: impl Fn(&T) -> u32,
) -> Option<T> {
    let first = sorted.first()?.clone();
    if rules == SizingRules::V2 {
        return Some(first);
    }
    let first_fits = fits(&first);
    let limit = monthly_usd(&first) * (1.0 + tolerance);
    sorted
        .into_iter()
        .filter(|c| fits(c) == first_fits && monthly_usd(c) <= limit)
        .min_by(|a, b| {
            brokers(a)
                .cmp(&brokers(b))
                .then(monthly_usd(a).total_cmp(&monthly_usd(b)))
        })
        .or(Some(first))
}

/// The brokers-per-cluster quota (60 for KRaft clusters, adjustable): with sizing rules
/// v2 a blocker, as it was; today a warning that offers splitting as the alternative.
/// Also the ZooKeeper-mode cap (KRaft is assumed) and the brokers-per-account quota.
pub fn quota_warnings(
    ctx: &Ctx,
    broker_type: &str,
    needed: u64,
    max_per_cluster: u32,
    warnings: &mut Vec<String>,
    blockers: &mut Vec<String>,
) {
    let l = &ctx.limits.msk_standard;
    if needed > u64::from(max_per_cluster) {
        match ctx.workload.sizing {
            SizingRules::V2 => blockers.push(format!(
                "Needs {needed} {broker_type} brokers; a cluster holds at most {max_per_cluster}. Split the workload across clusters."
            )),
            SizingRules::Aws | SizingRules::V3 => warnings.push(format!(
                "Needs {needed} {broker_type} brokers: above the default quota of {max_per_cluster} brokers per cluster, which AWS raises on request (priced as one cluster); or split the workload over {} clusters.",
                needed.div_ceil(u64::from(max_per_cluster))
            )),
        }
    }
    if needed > u64::from(l.zookeeper_max_brokers_per_cluster) {
        warnings.push(format!(
            "KRaft mode assumed: a ZooKeeper-mode cluster holds at most {} brokers.",
            l.zookeeper_max_brokers_per_cluster
        ));
    }
    if needed > u64::from(l.max_brokers_per_account) {
        warnings.push(format!(
            "{needed} brokers are above the default quota of {} brokers per account in a Region (adjustable), which every MSK cluster of the account shares.",
            l.max_brokers_per_account
        ));
    }
}

/// What a cheaper, less durable MSK Standard layout gives up (RF below 3, 2 AZs).
pub fn durability_warnings(ctx: &Ctx, warnings: &mut Vec<String>) {
    let w = ctx.workload;
    match w.replication_factor {
        1 => warnings.push(
            "Replication factor 1: one broker failure loses data, and every broker restart (AWS patches brokers one at a time) takes its partitions offline."
                .to_string(),
        ),
        2 => warnings.push(
            "Replication factor 2: while one replica is down (a failure, or a rolling patch) a second failure loses data; AWS recommends RF 3 with min.insync.replicas 2."
                .to_string(),
        ),
        _ => {}
    }
    if w.azs == 2 {
        warnings.push(
            "2 AZs: with one AZ down half the brokers are gone, and a partition whose replicas sat there keeps fewer copies until it returns; AWS recommends 3 AZs."
                .to_string(),
        );
    }
}

/// Whether a Standard cluster is less durable than a managed three-AZ service.
pub fn less_durable(w: &crate::model::Workload) -> bool {
    w.replication_factor < 3 || w.azs < 3
}

/// MSK Connect (`connect=` MCUs): MCU-hours on every MSK option; on Kinesis options, what
/// the equivalent path is, unpriced.
pub fn connect_lines(id: OptionId, ctx: &Ctx, priced: &mut Priced) {
    let n = ctx.workload.connect_mcus;
    if n == 0 {
        return;
    }
    if id.is_kinesis() {
        priced.warnings.push(format!(
            "Kafka Connect (“MSK Connect”: {n} MCUs) needs a Kafka cluster: with Kinesis the usual counterparts are “Firehose deliveries to S3” (priced on every option), Lambda or a KCL application."
        ));
        return;
    }
    match &ctx.region.msk_connect {
        Some(r) => priced.lines.push(Line::new(
            "msk_connect",
            format!("MSK Connect ({n} MCUs × 730 h)"),
            f64::from(n) * HOURS_PER_MONTH,
            "MCU-hour",
            &r.mcu_hour,
        )),
        None => priced.warnings.push(format!(
            "No MSK Connect rate for {} was found: the {n} MCUs of “MSK Connect” are not in this total.",
            ctx.region_code
        )),
    }
}

/// Kinesis's retention windows for the workload's retention (at least 24 h, at most the
/// maximum): the GB held in its extended window (24 h → 7 d) and its long-term window
/// (beyond 7 d), and the ages (hours) of the data each holds.
pub struct RetentionWindows {
    pub extended_gb: f64,
    pub extended_ages: (f64, f64),
    pub long_term_gb: f64,
    pub long_term_ages: (f64, f64),
}

pub fn kinesis_retention_windows(ctx: &Ctx) -> RetentionWindows {
    let k = &ctx.limits.kinesis;
    let hours = ctx
        .workload
        .retention_hours
        .max(k.min_retention_hours)
        .min(k.max_retention_hours);
    let extended_ages = (
        k.min_retention_hours,
        hours.min(k.extended_retention_max_hours),
    );
    let long_term_ages = (k.extended_retention_max_hours, hours);
    let mb_per_s = ctx.derived.avg_write_mb_per_s;
    RetentionWindows {
        extended_gb: gb_over_hours(mb_per_s, extended_ages.1 - extended_ages.0),
        extended_ages,
        long_term_gb: gb_over_hours(mb_per_s, (long_term_ages.1 - long_term_ages.0).max(0.0)),
        long_term_ages,
    }
}

/// The long-term retention line of a Kinesis mode (data held beyond 7 days, per
/// GB-month at the mode's rate), when it holds any.
pub fn kinesis_long_term_line(
    windows: &RetentionWindows,
    rate: &super::prices::Rate,
) -> Option<Line> {
    let (from, to) = windows.long_term_ages;
    (windows.long_term_gb > 0.0).then(|| {
        Line::new(
            "long_term_retention",
            "Long-term retention (data held beyond 7 d)",
            windows.long_term_gb,
            "GB-month",
            rate,
        )
        .holding(from, to)
    })
}

/// Warnings and blockers shared by the Kinesis modes (`max_efo`: enhanced fan-out
/// consumers a stream may register in the mode).
pub fn kinesis_limits(
    ctx: &Ctx,
    max_efo: u32,
    warnings: &mut Vec<String>,
    blockers: &mut Vec<String>,
) {
    let k = &ctx.limits.kinesis;
    let w = ctx.workload;
    if w.retention_hours < k.min_retention_hours {
        warnings.push(format!(
            "Kinesis keeps data at least {} hours; priced with {} hours of retention.",
            shortest(k.min_retention_hours),
            shortest(k.min_retention_hours)
        ));
    }
    if w.retention_hours > k.max_retention_hours {
        blockers.push(format!(
            "Retention of {} days is beyond Kinesis's maximum of {} days.",
            format_quantity(w.retention_hours / 24.0, 1),
            shortest(k.max_retention_hours / 24.0)
        ));
    }
    // (The record as Kinesis receives it: compressed, or aggregated.)
    let record_kb = ctx.derived.kinesis_record_kb;
    if record_kb > k.max_record_kb {
        blockers.push(format!(
            "Records of {} KB are larger than Kinesis's maximum of {} KB (10 MiB).",
            format_quantity(record_kb, 1),
            shortest(k.max_record_kb)
        ));
    } else if record_kb > k.default_max_record_kb {
        warnings.push(format!(
            "Records above {} KB (1 MiB) need the stream's maximum record size raised (UpdateMaxRecordSize, up to 10 MiB).",
            shortest(k.default_max_record_kb)
        ));
    }
    if w.efo_consumers > max_efo {
        blockers.push(format!(
            "{} enhanced fan-out consumers: a stream registers at most {max_efo} in this mode.",
            w.efo_consumers
        ));
    }
    // Read calls: each shard serves 5 GetRecords calls per second, shared by every
    // consumer without enhanced fan-out.
    let shared = ctx.derived.shared_consumers;
    if shared >= 3 {
        let every_ms = f64::from(shared) * 1000.0 / k.shard_read_transactions_per_s;
        warnings.push(format!(
            "{shared} readers share each shard's {} read calls per second: each can poll a shard only every {} ms, which adds latency; enhanced fan-out (“Enhanced fan-out consumers”) gives an application its own 2 MB/s per shard, pushed to it.",
            shortest(k.shard_read_transactions_per_s),
            format_quantity(every_ms, 0)
        ));
    }
}

/// Partitions: the user's count, or enough that none takes more than the target
/// throughput in or out at peak (at least 1).
pub fn partitions(ctx: &Ctx) -> u32 {
    if let Some(p) = ctx.workload.partitions {
        return p;
    }
    let k = &ctx.limits.kafka;
    let d = ctx.derived;
    // (At least one per topic.)
    let need = (d.peak_write_mb_per_s / k.partition_target_in_mb_per_s)
        .max(d.peak_read_mb_per_s / k.partition_target_out_mb_per_s)
        .ceil()
        .max(f64::from(d.streams));
    if need.is_finite() && need >= 1.0 {
        need.min(f64::from(u32::MAX)) as u32
    } else {
        1
    }
}

/// Partitions of a provisioned cluster of `brokers`: the user's count, or the auto count
/// ([`partitions`]) raised to at least one per broker, so that every broker leads
/// partitions. With the reason, for the card; and a warning when a count the user set
/// leaves brokers without any.
pub fn cluster_partitions(ctx: &Ctx, brokers: u32) -> (u32, String, Option<String>) {
    let k = &ctx.limits.kafka;
    let d = ctx.derived;
    if let Some(p) = ctx.workload.partitions {
        let warning = (p < brokers).then(|| {
            format!(
                "{p} partitions on {brokers} brokers: {} brokers lead no partition and take no client traffic.",
                brokers - p
            )
        });
        return (p, "as set".to_string(), warning);
    }
    let p = partitions(ctx);
    let n = p.max(brokers);
    let reason = if brokers >= p && brokers > d.streams {
        "one per broker, so every broker leads partitions".to_string()
    } else if p == d.streams && d.streams > 1 {
        "one per topic".to_string()
    } else {
        format!(
            "so that none takes more than {} MB/s in or {} MB/s out at peak; a consumer group spreads its reads over up to that many consumers",
            shortest(k.partition_target_in_mb_per_s),
            shortest(k.partition_target_out_mb_per_s)
        )
    };
    (n, reason, None)
}

/// A partition count set below the number of topics (each topic needs at least one).
pub fn kafka_topic_warning(ctx: &Ctx) -> Option<String> {
    let streams = ctx.derived.streams;
    let p = ctx.workload.partitions?;
    (p < streams).then(|| {
        format!(
            "{p} partitions are fewer than the {streams} topics: each topic needs at least one."
        )
    })
}

/// Cross-AZ client traffic lines for provisioned MSK: producers always, consumers
/// unless rack-aware. A GB that crosses is billed on both sides, as the bill shows it:
/// data transfer (`DataTransfer-Regional-Bytes`), twice the GB that cross, at the
/// per-side rate ($0.01 a GB), not one side at $0.02.
pub fn cross_az_lines(ctx: &Ctx, azs: u32, lines: &mut Vec<Line>) {
    let Some(transfer) = &ctx.region.data_transfer else {
        return;
    };
    let rate = &transfer.cross_az_gb_each_direction;
    let share = f64::from(azs - 1) / f64::from(azs);
    lines.push(Line::new(
        "cross_az_producers",
        format!(
            "Cross-AZ producer traffic ({}/{} of GB in, counted out of one AZ and into another)",
            azs - 1,
            azs
        ),
        2.0 * ctx.derived.gb_in_per_month * share,
        "GB",
        rate,
    ));
    // Readers that are not rack-aware ([`crate::model::readers::Readers::crossing_azs`]),
    // and the replays of an application that is not.
    let d = ctx.derived;
    let rack_aware = ctx.workload.rack_aware;
    let crossing = d.readers.crossing_azs(rack_aware);
    let replay_gb = if rack_aware {
        0.0
    } else {
        d.replay_gb_per_month
    };
    let gb_out = d.gb_in_per_month * f64::from(crossing) + replay_gb;
    if crossing > 0 || replay_gb > 0.0 {
        let who = if crossing == d.readers.apps || d.readers.services() == 0 {
            "consumer"
        } else {
            "reader"
        };
        lines.push(Line::new(
            "cross_az_consumers",
            format!(
                "Cross-AZ {who} traffic ({}/{} of GB out, counted out of one AZ and into another)",
                azs - 1,
                azs
            ),
            2.0 * gb_out * share,
            "GB",
            rate,
        ));
    }
}

/// "1 partition", "3 partitions".
pub fn count_of(n: u32, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Rounds `n` up to a multiple of `m` (m ≥ 1).
pub fn round_up_to_multiple(n: u64, m: u64) -> u64 {
    n.div_ceil(m) * m
}

/// `ceil(x)` as a count, saturating; 0 for non-finite or negative input.
pub fn ceil_count(x: f64) -> u64 {
    if x.is_finite() && x > 0.0 {
        x.ceil().min(1e15) as u64
    } else {
        0
    }
}
