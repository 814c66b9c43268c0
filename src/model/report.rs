//! Plain-text and JSON-shaped views of an estimate, shared by the CLI and exports.

use super::estimate::{Estimate, Line, OptionEstimate, Status};
use super::fields::with_params;
use super::link::InputMessage;
use super::units::{format_quantity, format_usd_cents};
use std::fmt::Write as _;

/// Unit prices print with enough decimals to show sub-cent rates (e.g. $0.0015).
pub fn format_unit_usd(usd: f64) -> String {
    let sign = if usd < 0.0 { "-" } else { "" };
    let mut s = super::fixed::fixed_abs(usd, 6);
    while s.ends_with('0') && s.len() - s.find('.').unwrap_or(0) > 3 {
        s.pop();
    }
    format!("{sign}${s}")
}

/// Quantity with a sensible number of decimals for its size.
pub fn format_line_quantity(q: f64) -> String {
    let decimals = if q >= 100.0 { 2 } else { 4 };
    format_quantity(q, decimals)
}

/// `quantity unit × $unit = $amount` for one line.
pub fn line_formula(line: &Line) -> String {
    format!(
        "{} {} × {} = {}",
        format_line_quantity(line.quantity),
        line.unit,
        format_unit_usd(line.unit_usd),
        format_usd_cents(line.usd_cents)
    )
}

/// AWS's pricing page for a rate (`<section>.<key>`), where a user finds the rates
/// the price book lacks.
pub fn pricing_page(rate: &str) -> &'static str {
    let rate = super::prices::split_rate_name(rate).1;
    match rate.split('.').next().unwrap_or("") {
        s if s.starts_with("kinesis") => "https://aws.amazon.com/kinesis/data-streams/pricing/",
        s if s.starts_with("msk") => "https://aws.amazon.com/msk/pricing/",
        "network" if rate.contains("nat_") => "https://aws.amazon.com/vpc/pricing/",
        "network" => "https://aws.amazon.com/privatelink/pricing/",
        _ => "https://aws.amazon.com/ec2/pricing/on-demand/#Data_Transfer",
    }
}

/// The headline of an option: its total or why it has none.
pub fn option_headline(o: &OptionEstimate) -> String {
    match o.status {
        super::Status::Priced => format!("{}/month", format_usd_cents(o.total_cents)),
        // (Nothing priced: not eligible whatever the rates, as a pipeline that needs a
        // stream is for Firehose Direct PUT.)
        super::Status::NotEligible if o.lines.is_empty() => "not eligible".to_string(),
        super::Status::NotEligible => {
            format!(
                "not eligible ({}/month if forced)",
                format_usd_cents(o.total_cents)
            )
        }
        super::Status::NotPriced => "not priced in this region".to_string(),
    }
}

/// The units and sizing rules every estimate assumes, in one short block: the page's
/// footer, and every export, state them from here.
pub const ASSUMPTIONS: [&str; 9] = [
    "1 KB = 1,024 bytes; 1 MB = 1,024 KB; 1 GB = 2^30 bytes; a month = 730 hours. Amounts are rounded to the cent per line; a total is the sum of its rounded lines.",
    "Kinesis provisioned shards = streams × ceil(max(peak write MB/s ÷ 1, peak records/s ÷ 1,000, (shared-read + replay MB/s) ÷ 2) ÷ streams), at least one per stream; enhanced fan-out consumers get their own 2 MB/s per shard.",
    "Kinesis on-demand bills ingest with each record rounded up to 1 KB; reads are not rounded.",
    "MSK Standard: brokers sized by AWS's sizing rule (sustained ingress per broker = min(EBS ÷ 6.5, NIC ÷ (1.5 × consumers + 5.7)) × 50 %), partitions per broker and storage (retained × RF × 2), in multiples of the AZ count; the cheapest broker type wins, and with “Tiered storage (Kafka)” on auto the cheaper of all data on EBS and tiered storage keeping 1 or 3 days on EBS (AWS allows tiered topics from 3 days of retention). Auto partitions: at least one per broker and per topic, at most 5 MB/s in and 10 MB/s out each.",
    "MSK Express: sustained ingress and egress per broker size from AWS's quotas, 3 AZs, multiples of 3. MSK Serverless: not eligible past its cluster or partition quotas.",
    "One sizing policy for every provisioned option, shown on each card: a target peak utilisation of the rated throughput (“Target peak utilisation”; by default shards at their limits, MSK Standard 50 % and 2× disk, Express 75 %: AWS's sizing script) and a “Disk headroom”. Quotas AWS raises on request are warnings; the fewest brokers within 3 % of the cheapest win; EBS throughput above a volume's 250 MiB/s is provisioned and priced.",
    "Client traffic that crosses AZs costs $0.01/GB on each side (producers (AZs−1)/AZs; applications too unless rack-aware; Lambda and Flink readers always; Firehose reads MSK through private connectivity). Replication between brokers is free.",
    "Bytes are billed after compression: Kafka producers' batch compression (“Compression ratio (Kafka producers)”) on MSK, what Kinesis producers compress themselves (“Compression ratio (Kinesis producers)”) on Kinesis; the workload is spread evenly over its streams or topics; Kinesis limits and per-record charges apply to records as Kinesis receives them (aggregates of whole records, assumed full, when producers aggregate); replays are read evenly over the month (a burst needs more read capacity than sized here).",
    "Kinesis's network path (“Network path to Kinesis”): an interface VPC endpoint or a NAT gateway in each AZ, per hour plus every GB written and every GB the applications in the VPC read; Firehose, Lambda and Flink read on the service side. Readers (applications, Firehose, Lambda, Flink) each read every record and count in every read limit. MSK clients sit in the cluster's VPC. On-demand Advantage bills at least its account-wide commitment (25 MiB/s in and 25 MiB/s out, per Region).",
];

/// The workload's derived figures in one line (CLI table and Markdown export).
pub fn workload_summary(d: &super::workload::Derived) -> String {
    let mut s = format!(
        "{} MB/s average write, {} MB/s peak, {} MB/s peak read; {} GB in per month; {} GB retained",
        format_quantity(d.avg_write_mb_per_s, 3),
        format_quantity(d.peak_write_mb_per_s, 3),
        format_quantity(d.peak_read_mb_per_s, 3),
        format_quantity(d.gb_in_per_month, 2),
        format_quantity(d.gb_retained, 2)
    );
    if d.raw_avg_write_mb_per_s != d.avg_write_mb_per_s {
        s += &format!(
            " (compressed; {} MB/s before compression)",
            format_quantity(d.raw_avg_write_mb_per_s, 3)
        );
    }
    if d.streams > 1 {
        s += &format!("; over {} streams or topics", d.streams);
    }
    s
}

/// [`workload_summary`] of an estimate: Kafka's figures, and Kinesis's where its
/// producers compress differently (`kinesis_compression`).
pub fn estimate_summary(e: &Estimate) -> String {
    let mut s = workload_summary(&e.derived);
    let k = &e.kinesis_derived;
    if k.avg_write_mb_per_s != e.derived.avg_write_mb_per_s {
        s += &format!(
            "; Kinesis (what its producers compress): {} MB/s average write, {} GB in per month",
            format_quantity(k.avg_write_mb_per_s, 3),
            format_quantity(k.gb_in_per_month, 2)
        );
    }
    s
}

/// The answer in one sentence: the cheapest option priced, its monthly total and, where
/// an option is not priced, the caveat ([`Estimate::caveat`]); the option's name between
/// `emphasis` marks (`**` in Markdown). `None` when nothing is priced and eligible and
/// nothing is missing.
pub fn cheapest_sentence(e: &Estimate, emphasis: &str) -> Option<String> {
    let caveat = e.caveat();
    match (e.cheapest().and_then(|id| e.option(id)), caveat) {
        (Some(o), c) => Some(format!(
            "{}: {emphasis}{}{emphasis}, {} / month{}{}.",
            e.cheapest_label(),
            o.id.name(),
            format_usd_cents(o.total_cents),
            e.no_stream().map(|s| format!(": {s}")).unwrap_or_default(),
            c.map(|c| format!("; {c}")).unwrap_or_default()
        )),
        (None, Some(c)) => Some(format!("No option priced here is eligible; {c}.")),
        (None, None) => None,
    }
}

/// The comparison as a table for the terminal: each option's groups with a cost, its
/// total or status, its biggest cost.
pub fn comparison_text(cmp: &super::compare::Comparison) -> String {
    let mut out = String::from("\nComparison, USD a month:\n");
    let groups = cmp.used_groups();
    let _ = write!(out, "  {:<28}", "option");
    for g in &groups {
        let _ = write!(out, " {:>12}", g.short_name());
    }
    let _ = writeln!(out, " {:>12}  biggest cost", "total");
    for r in &cmp.rows {
        let _ = write!(out, "  {:<28}", r.id.short_name());
        match r.status {
            Status::Priced => {
                for g in &groups {
                    let _ = write!(out, " {:>12}", format_usd_cents(r.groups[g.index()]));
                }
                let _ = writeln!(
                    out,
                    " {:>12}  {}",
                    format_usd_cents(r.total_cents),
                    r.biggest
                        .as_ref()
                        .map(|b| format!("{} ({} %)", b.name, super::compare::pct_text(b.pct)))
                        .unwrap_or_default()
                );
            }
            Status::NotEligible => {
                let _ = writeln!(out, " not eligible: {}", with_params(&r.note));
            }
            Status::NotPriced => {
                let _ = writeln!(out, " not priced: {}", with_params(&r.note));
            }
        }
    }
    out
}

/// A readable table of every option, for the terminal.
pub fn text_report(estimate: &Estimate, messages: &[InputMessage], link: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Streaming Showdown estimate, {} (prices as of {}, price book of {})",
        estimate.region, estimate.prices_as_of, estimate.price_book
    );
    let _ = writeln!(out, "Link: ?{link}");
    let _ = writeln!(out, "Workload: {}", estimate_summary(estimate));
    let cheapest = estimate.cheapest();
    if let Some(s) = cheapest_sentence(estimate, "") {
        let _ = writeln!(out, "{s}");
    }
    let cmp = super::compare::compare(estimate);
    if let Some(why) = super::compare::why(&cmp) {
        let _ = writeln!(out, "Why: {why}");
    }
    let _ = write!(out, "{}", comparison_text(&cmp));
    let mark_text = if estimate.caveat().is_some() {
        "  ← cheapest of those priced"
    } else {
        "  ← cheapest"
    };
    for o in &estimate.options {
        let mark = if Some(o.id) == cheapest {
            mark_text
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "\n{} [{}]: {}{mark}",
            o.id.name(),
            o.id.id(),
            option_headline(o)
        );
        if !o.capacity.summary.is_empty() {
            let _ = writeln!(out, "  capacity: {}", o.capacity.summary);
        }
        if let Some(s) = &o.capacity.sizing {
            let _ = writeln!(out, "  sizing: {s}");
        }
        for r in &o.reasons {
            let _ = writeln!(out, "  ✗ {}", with_params(r));
        }
        for line in o.all_lines() {
            let flag = if line.uncertain.is_some() {
                " (uncertain rate)"
            } else {
                ""
            };
            let _ = writeln!(out, "  {:<58} {}{flag}", line.label, line_formula(line));
        }
        for w in &o.warnings {
            let _ = writeln!(out, "  ! {}", with_params(w));
        }
    }
    for (name, reason) in &estimate.not_priced {
        let _ = writeln!(out, "\n{name}: not priced. {reason}");
    }
    if !messages.is_empty() {
        let _ = writeln!(out, "\nIgnored or adjusted parameters:");
        for m in messages {
            let _ = writeln!(out, "  {m}");
        }
    }
    let _ = writeln!(
        out,
        "\nUnits: 1 KB = 1,024 bytes, 1 GB = 2^30 bytes, month = 730 hours. Amounts are rounded to the cent per line; totals are the sum of the rounded lines."
    );
    out
}

/// The whole comparison matrix and the recommendation, for the terminal.
pub fn matrix_report(
    matrix: &super::matrix::Matrix,
    estimate: &Estimate,
    needs: &crate::model::sorted::VecSet<String>,
    rec: &super::recommend::Recommendation,
) -> String {
    use super::estimate::OptionId;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Kinesis Data Streams vs Amazon MSK: feature matrix (facts as of {})",
        matrix.as_of
    );
    for row in matrix.rows.iter() {
        let _ = writeln!(out, "\n## {} [{}]", row.topic, row.id);
        for cell in row.cells.iter() {
            let who: Vec<&str> = cell
                .options
                .iter()
                .map(|o| OptionId::from_id(o).map_or(o.as_ref(), |id| id.name()))
                .collect();
            let _ = writeln!(
                out,
                "  {} — {} [{}]: {}",
                who.join(" / "),
                cell.value,
                cell.verdict.id(),
                cell.note
            );
            if let (Some(claim), Some(fix)) = (&cell.seed_claim, &cell.correction) {
                let _ = writeln!(out, "    the source document said: {claim}; now: {fix}");
            }
            let url = matrix.sources.get(&cell.source).map_or("", |s| &*s.url);
            let _ = writeln!(out, "    source: {url} ({})", cell.date);
        }
    }
    let _ = writeln!(out, "\n## Integrations");
    for i in matrix.integrations.iter() {
        let _ = writeln!(
            out,
            "  {}: Kinesis [{}] {}; MSK [{}] {}",
            i.name,
            i.kinesis.verdict.id(),
            i.kinesis.how,
            i.msk.verdict.id(),
            i.msk.how
        );
    }
    let _ = writeln!(
        out,
        "\nAnalogy: Kinesis is \"{}\"; MSK is \"{}\".\nTL;DR: {} {}",
        matrix.analogy.kinesis, matrix.analogy.msk, matrix.tldr.kinesis, matrix.tldr.msk
    );
    let _ = writeln!(out, "\n## Recommendation");
    let labels: Vec<&str> = needs
        .iter()
        .filter_map(|n| matrix.requirement(n).map(|r| &*r.label))
        .collect();
    let _ = writeln!(
        out,
        "Requirements: {}",
        if labels.is_empty() {
            "none ticked (need=…)".to_string()
        } else {
            labels.join("; ")
        }
    );
    let _ = writeln!(out, "{}", rec.summary);
    for (i, r) in rec.ranking.iter().enumerate() {
        let cost = estimate
            .option(r.id)
            .map(option_headline)
            .unwrap_or_default();
        let why = rec
            .others
            .iter()
            .find(|(id, _)| *id == r.id)
            .map_or("Top choice.", |(_, w)| w.as_str());
        let _ = writeln!(out, "  {}. {} — {cost}. {why}", i + 1, r.id.name());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_prices_keep_two_to_six_decimals() {
        assert_eq!(format_unit_usd(0.1), "$0.10");
        assert_eq!(format_unit_usd(0.0015), "$0.0015");
        assert_eq!(format_unit_usd(0.015), "$0.015");
        assert_eq!(format_unit_usd(13.056), "$13.056");
        assert_eq!(format_unit_usd(-0.1), "-$0.10");
        assert_eq!(format_unit_usd(2.0), "$2.00");
    }
}

/// What today's defaults would change for a link made with an older link format: the
/// parameters it left out whose default has changed (name, the old link's value,
/// today's), and each option whose headline changes (name, then, with today's).
#[derive(Clone, Debug, PartialEq)]
pub struct LegacyNotice {
    pub params: Vec<(&'static str, String, String)>,
    pub changes: Vec<(&'static str, String, String)>,
}

/// The notice for a link decoded with `legacy` parameters (see
/// [`super::link::Decoded::legacy`]); `None` when there are none.
pub fn legacy_notice(
    w: &super::workload::Workload,
    legacy: &[&'static str],
    catalog: &super::catalog::Catalog,
) -> Option<LegacyNotice> {
    use super::link::{display_value, todays_defaults};
    if legacy.is_empty() {
        return None;
    }
    let today = todays_defaults(w, legacy);
    let params = legacy
        .iter()
        .map(|&p| {
            let shown = |w| match display_value(w, p) {
                v if v.is_empty() => "auto".to_string(),
                v => v,
            };
            (p, shown(w), shown(&today))
        })
        .collect();
    let changes = headline_changes(w, &today, catalog);
    Some(LegacyNotice { params, changes })
}

/// Each option whose headline differs between two workloads (an older link's and the same
/// with today's defaults or prices): name, then, now.
fn headline_changes(
    then: &super::workload::Workload,
    now: &super::workload::Workload,
    catalog: &super::catalog::Catalog,
) -> Vec<(&'static str, String, String)> {
    let then = super::estimate::estimate_only(then, catalog);
    let now = super::estimate::estimate_only(now, catalog);
    then.options
        .iter()
        .zip(&now.options)
        .filter(|(a, b)| a.status != b.status || a.total_cents != b.total_cents)
        .map(|(a, b)| (a.id.name(), option_headline(a), option_headline(b)))
        .collect()
}

/// What the page and the CLI say of a link priced with an older price book
/// ([`super::workload::Workload::prices`]).
#[derive(Clone, Debug, PartialEq)]
pub struct PriceNotice {
    /// The book the link was priced with, and today's.
    pub edition: String,
    pub today: String,
    /// The change log's start, when the link's book is older: what changed before it
    /// cannot be rebuilt, and the estimate uses the book of that day.
    pub before_log: Option<String>,
    /// The rates of the workload's Regions changed since, in words, oldest first
    /// ("us-east-1 Kinesis provisioned, shard hour: $0.015 → $0.018 (2027-01-05)").
    pub rates: Vec<String>,
    /// Each option whose headline differs at today's prices: name, at the link's
    /// prices, at today's.
    pub changes: Vec<(&'static str, String, String)>,
}

/// A rate's name in words: `kinesis_provisioned.shard_hour` → "Kinesis provisioned,
/// shard hour"; `msk_standard.broker_hour.kafka.m7g.large` → "MSK Standard, broker hour
/// kafka.m7g.large".
pub fn rate_words(name: &str) -> String {
    let (section, key) = name.split_once('.').unwrap_or((name, ""));
    let service = match section {
        "kinesis_on_demand" => "Kinesis on-demand",
        "kinesis_on_demand_advantage" => "Kinesis On-demand Advantage",
        "kinesis_provisioned" => "Kinesis provisioned",
        "msk_standard" => "MSK Standard",
        "msk_express" => "MSK Express",
        "msk_serverless" => "MSK Serverless",
        "msk_connect" => "MSK Connect",
        "msk_replicator" => "MSK Replicator",
        "msk_private_connectivity" => "MSK private connectivity",
        "data_transfer" => "Data transfer",
        "network" => "VPC network",
        "firehose" => "Firehose",
        "flink" => "Managed Flink",
        "lambda" => "Lambda",
        "kafka_ec2" => "EC2 and EBS",
        s => s,
    };
    let (key, table_entry) = match key.split_once('.') {
        Some((k, entry)) => (k, Some(entry)),
        None => (key, None),
    };
    let mut out = format!("{service}, {}", key.replace('_', " "));
    if let Some(e) = table_entry {
        out.push(' ');
        out.push_str(e);
    }
    out
}

/// A rate in USD as the price book gives it ("$0.015", "$0.0000025").
fn rate_usd(usd: Option<f64>) -> String {
    match usd {
        Some(x) => format!("${}", super::fixed::shortest(x)),
        None => "none".to_string(),
    }
}

/// The notice for a link priced with an older book (`None` for today's).
pub fn price_notice(
    w: &super::workload::Workload,
    catalog: &super::catalog::Catalog,
) -> Option<PriceNotice> {
    let edition = w.prices.clone()?;
    let start = &*catalog.log.start;
    let mut regions = vec![w.region.as_str()];
    regions.extend(w.dr_region.as_deref());
    let rates = catalog
        .log
        .since(&edition)
        .filter_map(|c| {
            let (region, name) = c.rate.split_once('.')?;
            regions.contains(&region).then(|| {
                format!(
                    "{region} {}: {} → {} ({})",
                    rate_words(name),
                    rate_usd(c.old),
                    rate_usd(c.new),
                    c.date
                )
            })
        })
        .collect();
    let today = super::workload::Workload {
        prices: None,
        ..w.clone()
    };
    let changes = headline_changes(w, &today, catalog);
    Some(PriceNotice {
        before_log: (*edition < *start).then(|| start.to_string()),
        edition,
        today: catalog.edition().to_string(),
        rates,
        changes,
    })
}

/// The notice's first sentence: which book the link was priced with, and what the log
/// cannot rebuild.
pub fn price_notice_head(n: &PriceNotice) -> String {
    let mut out = format!(
        "This link was priced with the price book of {}; today's is of {}.",
        n.edition, n.today
    );
    if let Some(start) = &n.before_log {
        out.push_str(&format!(
            " Changes before {start} (when the price book's change log begins) cannot be rebuilt: it is shown with the book of {start}."
        ));
    }
    out.push_str(if n.changes.is_empty() {
        " Today's prices change no total of this workload."
    } else {
        " Its totals are at the link's prices; today's differ:"
    });
    out
}

/// What every estimate covers: shown near the totals and in every export, beside
/// [`NOT_INCLUDED`], so that nobody reads a partial bill as a whole one.
pub const INCLUDED: &str = "AWS list prices (less your “Private discount”) for each option's capacity (streams, shards, brokers, clusters), data in and out, retention and storage, cross-AZ client traffic, Kinesis's “Network path to Kinesis”, and, when asked, Firehose deliveries (with MSK private connectivity), Lambda's provisioned pollers, a Flink application, “MSK Connect” and a DR pair (“Standby Region (DR pair)”).";

/// What no estimate here covers.
pub const NOT_INCLUDED: [&str; 8] = [
    "MSK public access and other private connectivity",
    "compute of applications, producers and Lambda (the Kinesis DR replicator's too)",
    "sinks' storage (S3: the same on every option) and other sinks",
    "monitoring beyond the free tier (CloudWatch metrics, logs and alarms; MSK enhanced monitoring)",
    "encryption keys (AWS KMS keys and requests)",
    "data transfer to the internet or on premises (Direct Connect, VPN)",
    "AWS Support plans",
    "taxes",
];

/// FinOps figures of one option: a year, per GB ingested, and what is paid with no
/// traffic at all.
#[derive(Clone, Debug, PartialEq)]
pub struct FinOps {
    /// 12 × each line's monthly amount, summed (cents): a steady year.
    pub annual_cents: i64,
    /// The first year of a new stream, month by month: a line billed on the data held
    /// grows from zero as the data accumulates ([`Line::year_one_months`]); every other
    /// line is billed 12 times; discount applied. Equal to `annual_cents` when no line
    /// depends on the data held.
    pub year_one_cents: i64,
    /// The monthly total ÷ GB written a month, USD.
    pub usd_per_gb_in: Option<f64>,
    /// The part of the monthly total paid with zero traffic (cents): time-billed capacity
    /// (stream-, shard-, broker-, cluster-, endpoint-, gateway-, replicator- and MCU-hours),
    /// MSK Standard's provisioned EBS and storage throughput, and On-demand Advantage's
    /// commitment (billed whatever the usage); discount applied.
    pub fixed_cents: i64,
}

pub fn finops(o: &super::estimate::OptionEstimate, gb_in_per_month: f64) -> FinOps {
    use super::estimate::OptionId;
    let annual_cents = o.all_lines().map(|l| 12 * l.usd_cents).sum();
    let year_one_list: i64 = o
        .lines
        .iter()
        .map(|l| match l.holds {
            Some(_) => (l.usd_cents as f64 * l.year_one_months()).round() as i64,
            None => 12 * l.usd_cents,
        })
        .sum();
    let year_one_cents = match &o.discount {
        Some(d) => year_one_list - (year_one_list as f64 * -d.unit_usd).round() as i64,
        None => year_one_list,
    };
    let usd_per_gb_in = (gb_in_per_month > 0.0 && o.status != super::Status::NotPriced)
        .then(|| o.total_cents as f64 / 100.0 / gb_in_per_month);
    let fixed_line = |l: &Line| {
        l.unit.ends_with("hour")
            || (o.id == OptionId::MskStandard && matches!(l.id, "storage" | "storage_throughput"))
    };
    let mut fixed: i64 = o
        .lines
        .iter()
        .filter(|l| fixed_line(l))
        .map(|l| l.usd_cents)
        .sum();
    // With no traffic, a commitment is billed whole, as shortfall.
    fixed += o.capacity.commitment_cents.unwrap_or(0);
    let fixed = match &o.discount {
        Some(d) if d.quantity > 0.0 => {
            let pct = -d.unit_usd;
            fixed - (fixed as f64 * pct).round() as i64
        }
        _ => fixed,
    };
    FinOps {
        annual_cents,
        year_one_cents,
        usd_per_gb_in,
        fixed_cents: fixed.min(o.total_cents),
    }
}

/// Whether the price data is older than six months on `today` (both `YYYY-MM-DD`).
pub fn prices_older_than_six_months(as_of: &str, today: &str) -> bool {
    let ym = |d: &str| -> Option<i32> {
        let y: i32 = d.get(0..4)?.parse().ok()?;
        let m: i32 = d.get(5..7)?.parse().ok()?;
        let day: i32 = d.get(8..10)?.parse().ok()?;
        Some((y * 12 + m) * 31 + day)
    };
    match (ym(as_of), ym(today)) {
        (Some(a), Some(t)) => t - a > 6 * 31,
        _ => false,
    }
}
