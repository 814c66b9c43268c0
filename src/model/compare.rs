//! The comparison under the answer: every option's monthly total split into the same six
//! cost groups, its status, its biggest cost in words, and the sentences that say what
//! the workload is and why the cheapest option wins. Computed from an estimate; the page
//! and the CLI only print it.

use super::estimate::{Estimate, Line, OptionEstimate, OptionId, Status};
use super::fixed::shortest;
use super::units::{format_quantity, format_usd_cents};
use super::workload::{NetworkPath, Workload};

/// The cost groups every option's bill is split into, in the table's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    /// Shards, streams, brokers, controllers, clusters, partitions, commitments.
    Capacity,
    /// Retention beyond the included hours, broker storage, tiered storage.
    Storage,
    /// Data written and read, PUT units, enhanced fan-out, replays.
    Data,
    /// The VPC endpoint or NAT gateways, and traffic between AZs.
    Network,
    /// Firehose, Lambda pollers, Flink, MSK Connect.
    Readers,
    /// A DR pair's standby, replication and inter-Region transfer.
    Dr,
}

pub const GROUPS: [Group; 6] = [
    Group::Capacity,
    Group::Storage,
    Group::Data,
    Group::Network,
    Group::Readers,
    Group::Dr,
];

impl Group {
    /// The column heading.
    pub fn name(self) -> &'static str {
        match self {
            Group::Capacity => "Capacity",
            Group::Storage => "Storage",
            Group::Data => "Data in and out",
            Group::Network => "Network and cross-AZ",
            Group::Readers => "Readers and sinks",
            Group::Dr => "Disaster recovery",
        }
    }

    /// As a sentence names it ("most of the gap is in …").
    pub fn phrase(self) -> &'static str {
        match self {
            Group::Capacity => "capacity",
            Group::Storage => "storage",
            Group::Data => "data in and out",
            Group::Network => "network and cross-AZ traffic",
            Group::Readers => "readers and sinks",
            Group::Dr => "disaster recovery",
        }
    }

    /// As a terminal column heading, in at most 12 characters.
    pub fn short_name(self) -> &'static str {
        match self {
            Group::Data => "Data in/out",
            Group::Network => "Network/AZ",
            Group::Readers => "Readers",
            Group::Dr => "DR",
            g => g.name(),
        }
    }

    /// Its place in [`GROUPS`] (declared in that order; a test checks it) and in
    /// [`Row::groups`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// The group of a line and the cost item it belongs to, in words (lines of one item,
/// such as an endpoint's hours and its data, are summed into it).
pub fn classify(line: &Line) -> (Group, &'static str) {
    if line.standby {
        return (Group::Dr, "the DR standby");
    }
    match line.id {
        "shard_hours" => (Group::Capacity, "shard-hours"),
        "stream_hours" => (Group::Capacity, "stream-hours"),
        "commitment_ingest_shortfall" | "commitment_retrieval_shortfall" => {
            (Group::Capacity, "the unused commitment")
        }
        "broker_hours" => (Group::Capacity, "broker instances"),
        "controller_hours" => (Group::Capacity, "KRaft controllers"),
        "cluster_hours" => (Group::Capacity, "cluster-hours"),
        "partition_hours" => (Group::Capacity, "partition-hours"),
        "storage" | "storage_throughput" | "storage_iops" => (Group::Storage, "broker storage"),
        "tiered_storage" | "tiered_requests" | "tiered_retrieval" => {
            (Group::Storage, "tiered storage")
        }
        "extended_retention" => (Group::Storage, "extended retention"),
        "long_term_retention" => (Group::Storage, "long-term retention"),
        "long_term_retrieval" => (Group::Data, "long-term retrieval"),
        "put_payload_units" => (Group::Data, "PUT payload units"),
        "data_in" => (Group::Data, "data in"),
        "data_out" => (Group::Data, "data out"),
        "data_written" => (Group::Data, "data written"),
        "replay_data_out" => (Group::Data, "replays"),
        "efo_data_out" | "efo_consumer_shard_hours" => (Group::Data, "enhanced fan-out"),
        "cross_az_producers" | "cross_az_consumers" => (Group::Network, "cross-AZ client traffic"),
        "cross_az_replication" => (Group::Network, "cross-AZ replication"),
        id if id.starts_with("endpoint_") => (Group::Network, "the VPC endpoint"),
        id if id.starts_with("nat_") => (Group::Network, "NAT gateways"),
        id if id.starts_with("firehose_") => (Group::Readers, "Firehose"),
        id if id.starts_with("private_connectivity_") => {
            (Group::Readers, "multi-VPC private connectivity")
        }
        "lambda_epu_hours" => (Group::Readers, "Lambda event poller units"),
        "flink_kpu_hours" | "flink_storage" => (Group::Readers, "Managed Flink"),
        "msk_connect" => (Group::Readers, "MSK Connect"),
        "replicator_hours" | "data_replicated" => (Group::Dr, "MSK Replicator"),
        "mm2_mcu_hours" => (Group::Dr, "MirrorMaker 2"),
        "inter_region_transfer" => (Group::Dr, "inter-Region transfer"),
        _ => (Group::Capacity, OTHER),
    }
}

/// The item of a line [`classify`] does not know (a test keeps it unused).
pub const OTHER: &str = "other charges";

/// An option's biggest cost item.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub name: &'static str,
    /// After the discount, like the total.
    pub cents: i64,
    /// Share of the option's bill, percent.
    pub pct: f64,
}

/// One row of the comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub id: OptionId,
    pub status: Status,
    pub total_cents: i64,
    /// Cents per group in [`GROUPS`] order, after the discount (it applies to every line,
    /// so each group carries its share); they add up to the total.
    pub groups: [i64; 6],
    pub biggest: Option<Item>,
    /// Why it is not eligible or not priced ("" when priced).
    pub note: String,
}

/// The comparison: rows cheapest first (the eligible by total, then the not eligible,
/// then those not priced), and which groups any option has a cost in.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub rows: Vec<Row>,
    pub used: [bool; 6],
}

impl Comparison {
    pub fn row(&self, id: OptionId) -> Option<&Row> {
        self.rows.iter().find(|r| r.id == id)
    }

    /// The groups some priced option pays, in [`GROUPS`] order: the table's columns.
    pub fn used_groups(&self) -> Vec<Group> {
        GROUPS
            .iter()
            .zip(self.used)
            .filter(|(_, u)| *u)
            .map(|(g, _)| *g)
            .collect()
    }
}

/// Splits an option's bill into groups, and finds its biggest item.
fn row(o: &OptionEstimate) -> Row {
    let mut gross = [0_i64; 6];
    let mut items: Vec<(&'static str, i64)> = Vec::new();
    for l in &o.lines {
        let (g, item) = classify(l);
        gross[g.index()] += l.usd_cents;
        match items.iter_mut().find(|(n, _)| *n == item) {
            Some((_, c)) => *c += l.usd_cents,
            None => items.push((item, l.usd_cents)),
        }
    }
    let subtotal: i64 = gross.iter().sum();
    // The discount, shared by the groups in proportion (largest remainder), so that they
    // add up to the total to the cent.
    let discount = o.discount.as_ref().map_or(0, |d| d.usd_cents);
    let mut groups = gross;
    if discount != 0 && subtotal > 0 {
        // (In f64, exact for any bill below $10^13; no 128-bit arithmetic in the module.)
        let share = |c: i64| (c as f64 * discount as f64 / subtotal as f64).trunc() as i64;
        let mut given = 0;
        for (g, c) in groups.iter_mut().zip(gross) {
            let s = share(c);
            *g += s;
            given += s;
        }
        if let Some(big) = (0..6).max_by_key(|&i| gross[i]) {
            groups[big] += discount - given;
        }
    }
    let biggest = (subtotal > 0)
        .then(|| items.iter().max_by_key(|(_, c)| *c))
        .flatten()
        .map(|&(name, c)| Item {
            name,
            cents: (c as f64 * o.total_cents as f64 / subtotal as f64).round() as i64,
            pct: c as f64 * 100.0 / subtotal as f64,
        });
    let note = match o.status {
        Status::Priced => String::new(),
        _ => capitalise(
            o.shown_reasons()
                .next()
                .or(o.reasons.first())
                .map_or("", String::as_str),
        ),
    };
    Row {
        id: o.id,
        status: o.status,
        total_cents: o.total_cents,
        groups,
        biggest,
        note,
    }
}

/// The comparison of an estimate's options.
pub fn compare(e: &Estimate) -> Comparison {
    let mut rows: Vec<Row> = e.options.iter().map(row).collect();
    let rank = |r: &Row| match r.status {
        Status::Priced => 0,
        Status::NotEligible => 1,
        Status::NotPriced => 2,
    };
    // (Stable: equal totals keep the options' order.)
    super::sort::sort_by_key(&mut rows, |r| {
        (
            rank(r),
            if r.status == Status::Priced {
                r.total_cents
            } else {
                0
            },
        )
    });
    let mut used = [false; 6];
    for r in rows.iter().filter(|r| r.status == Status::Priced) {
        for (u, c) in used.iter_mut().zip(r.groups) {
            *u |= c != 0;
        }
    }
    Comparison { rows, used }
}

/// A whole percentage, or "< 1" (as an integer: no float formatting in the module).
pub fn pct_text(pct: f64) -> String {
    if pct < 1.0 {
        "< 1".to_string()
    } else {
        (pct.round() as i64).to_string()
    }
}

/// "the VPC endpoint is 64 % of Kinesis provisioned's bill".
fn item_phrase(r: &Row) -> Option<String> {
    let b = r.biggest.as_ref()?;
    Some(format!(
        "{} is {} % of {}'s bill",
        b.name,
        pct_text(b.pct),
        r.id.short_name()
    ))
}

/// The first letter in capitals (ASCII: the names here are; no Unicode case tables).
fn capitalise(s: &str) -> String {
    let mut out = s.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// Why the cheapest option wins, in one or two sentences: what the next cheapest pays
/// more for (the group with most of the gap), and the biggest line of each bill. `None`
/// when no option is eligible.
pub fn why(c: &Comparison) -> Option<String> {
    let mut priced = c.rows.iter().filter(|r| r.status == Status::Priced);
    let first = priced.next()?;
    let Some(next) = priced.next() else {
        return Some(format!(
            "It is the only option priced here that fits this workload{}.",
            item_phrase(first).map_or(String::new(), |p| format!("; {p}"))
        ));
    };
    let gap = next.total_cents - first.total_cents;
    let (g, most) = GROUPS
        .iter()
        .map(|&g| (g, next.groups[g.index()] - first.groups[g.index()]))
        .max_by_key(|&(_, d)| d)
        .unwrap_or((Group::Capacity, 0));
    let mut s = if gap == 0 {
        format!(
            "{} costs the same as {}.",
            first.id.short_name(),
            next.id.short_name()
        )
    } else if most > 0 {
        format!(
            "{}, next, costs {} more a month; the biggest difference is {}: {} against {}.",
            next.id.short_name(),
            format_usd_cents(gap),
            g.phrase(),
            format_usd_cents(next.groups[g.index()]),
            format_usd_cents(first.groups[g.index()])
        )
    } else {
        // (Cannot happen when the groups add up to the totals; kept honest anyway.)
        format!(
            "{}, next, costs {} more a month.",
            next.id.short_name(),
            format_usd_cents(gap)
        )
    };
    let parts: Vec<String> = [first, next]
        .iter()
        .filter_map(|r| item_phrase(r))
        .collect();
    if !parts.is_empty() {
        s.push(' ');
        s.push_str(&capitalise(&parts.join("; ")));
        s.push('.');
    }
    Some(s)
}

/// A record size for a sentence: "2 KB", "200 B", "1.5 MB".
fn size_text(kb: f64) -> String {
    if kb < 1.0 {
        format!("{} B", format_quantity(kb * 1024.0, 0))
    } else if kb >= 1024.0 {
        format!("{} MB", format_quantity(kb / 1024.0, 2))
    } else {
        format!("{} KB", format_quantity(kb, 2))
    }
}

/// A retention for a sentence: "3 days", "36 hours", "1 day".
pub fn retention_text(hours: f64) -> String {
    if hours >= 24.0 && (hours / 24.0).fract() == 0.0 {
        let d = hours / 24.0;
        format!("{} day{}", shortest(d), if d == 1.0 { "" } else { "s" })
    } else {
        format!(
            "{} hour{}",
            format_quantity(hours, 2),
            if hours == 1.0 { "" } else { "s" }
        )
    }
}

/// The workload in one phrase, as the answer echoes it: "20 MB/s of 2 KB records,
/// 3 readers, 3 days, us-east-1".
pub fn echo(w: &Workload) -> String {
    let d = w.derived();
    let readers = match d.readers.all() {
        0 => "no readers".to_string(),
        1 => "1 reader".to_string(),
        n => format!("{n} readers"),
    };
    let peak = if w.peak_factor != 1.0 {
        format!(" (peaks {}×)", format_quantity(w.peak_factor, 2))
    } else {
        String::new()
    };
    format!(
        "{} MB/s{peak} of {} records, {readers}, {}, {}",
        format_quantity(d.raw_avg_write_mb_per_s, 2),
        size_text(w.record_kb),
        retention_text(w.retention_hours),
        w.region
    )
}

/// The assumptions that move the bill most, in words, each with the field that changes
/// it: the page lists them beside the answer, each a link to its field.
pub fn assumptions(w: &Workload) -> Vec<(String, &'static str)> {
    let mut out = vec![
        (
            match w.network {
                NetworkPath::Endpoint => {
                    "clients in a VPC reach Kinesis through an interface VPC endpoint".to_string()
                }
                NetworkPath::Nat => {
                    "clients in a VPC reach Kinesis through NAT gateways".to_string()
                }
                NetworkPath::None => "no VPC path to Kinesis is priced".to_string(),
            },
            "network",
        ),
        (
            if w.rack_aware {
                "Kafka consumers read from their own AZ (rack-aware)".to_string()
            } else {
                "Kafka consumers read across AZs".to_string()
            },
            "rack_aware",
        ),
        (
            if w.compression == 1.0 {
                "Kafka producers do not compress".to_string()
            } else {
                format!(
                    "Kafka producers compress {}:1",
                    format_quantity(w.compression, 2)
                )
            },
            "compression",
        ),
        (
            if w.peak_factor == 1.0 {
                "a steady rate (peak = average)".to_string()
            } else {
                format!(
                    "peaks at {}× the average",
                    format_quantity(w.peak_factor, 2)
                )
            },
            "peak",
        ),
    ];
    if let Some(dr) = &w.dr_region {
        out.push((format!("a standby in {dr}"), "dr"));
    }
    out
}
