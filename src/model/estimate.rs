//! The cost engine's output types and entry point: a workload in, every deployment
//! option's monthly estimate out.

use super::catalog::Catalog;
use super::fixed::shortest;
use super::options;
pub use super::priced::{
    Capacity, Ctx, Line, OptionEstimate, OptionId, Priced, RateInput, Status, MISSING_RATES,
    YOUR_RATE,
};
use super::prices::{RegionPrices, MISSING_SOURCE, USER_SOURCE};
use super::units::{format_quantity, format_usd_cents};
use super::workload::{Derived, NetworkPath, Workload};

/// The estimate of every option for one workload.
#[derive(Clone, Debug, PartialEq)]
pub struct Estimate {
    pub region: String,
    pub prices_as_of: String,
    /// The price book edition the estimate used (`prices=`: the link's, or today's).
    pub price_book: String,
    /// The options' warnings are those of an earlier workload, shown until its advice
    /// follows ([`with_earlier_advice`]): the page marks them as updating.
    pub advice_pending: bool,
    /// Options known but not priced anywhere: (name, reason).
    pub not_priced: Vec<(String, String)>,
    /// The derived figures for Kafka (MSK options: `compression`).
    pub derived: Derived,
    /// The derived figures for Kinesis (`kinesis_compression`).
    pub kinesis_derived: Derived,
    pub options: Vec<OptionEstimate>,
    /// What the user would pay a month to avoid one level of operational load (`ops=`);
    /// the recommendation weighs it.
    pub ops_usd: f64,
    /// What MSK Standard gives up in durability here ("RF 2", "2 AZs"), if anything.
    pub standard_durability: Option<String>,
    /// Every option is priced as an active/passive pair across two Regions (`dr=`).
    pub dr_pair: bool,
}

impl Estimate {
    /// The cheapest eligible option, if any.
    pub fn cheapest(&self) -> Option<OptionId> {
        self.options
            .iter()
            .filter(|o| o.eligible())
            .min_by_key(|o| o.total_cents)
            .map(|o| o.id)
    }

    /// The derived figures an option was priced with (Kinesis or Kafka compression).
    pub fn derived_for(&self, id: OptionId) -> &Derived {
        if id.kinesis_bytes() {
            &self.kinesis_derived
        } else {
            &self.derived
        }
    }

    pub fn option(&self, id: OptionId) -> Option<&OptionEstimate> {
        self.options.iter().find(|o| o.id == id)
    }

    /// When an option is not priced here, the caveat every answer carries in the same
    /// sentence as its cheapest and its recommendation: which options are missing and
    /// what to do ("Kinesis (3 options) is not priced in eu-west-1: add its rates to
    /// compare"). `None` when every option is priced (or not eligible).
    pub fn caveat(&self) -> Option<String> {
        let missing: Vec<OptionId> = self
            .options
            .iter()
            .filter(|o| o.status == Status::NotPriced)
            .map(|o| o.id)
            .collect();
        let mut parts = Vec::new();
        for (platform, kinesis) in [("Kinesis", true), ("MSK", false)] {
            let group: Vec<&OptionId> = missing
                .iter()
                .filter(|o| if kinesis { o.is_kinesis() } else { o.is_msk() })
                .collect();
            match group.as_slice() {
                [] => {}
                [one] => parts.push(one.name().to_string()),
                many => parts.push(format!("{platform} ({} options)", many.len())),
            }
        }
        // (The alternatives, each by its name.)
        parts.extend(
            missing
                .iter()
                .filter(|o| !o.is_kinesis() && !o.is_msk())
                .map(|o| o.name().to_string()),
        );
        let (verb, whose) = match parts.len() {
            0 => return None,
            1 => ("is", "its"),
            _ => ("are", "their"),
        };
        // The Regions whose rates are missing (a DR standby's too).
        let mut regions: Vec<String> = Vec::new();
        for o in self
            .options
            .iter()
            .filter(|o| o.status == Status::NotPriced)
        {
            let mut of = missing_regions(&o.user_rates, &self.region);
            if of.is_empty() {
                of.push(self.region.clone());
            }
            for r in of {
                if !regions.contains(&r) {
                    regions.push(r);
                }
            }
        }
        Some(format!(
            "{} {verb} not priced in {}: add {whose} rates to compare",
            parts.join(" and "),
            regions.join(" and ")
        ))
    }

    /// What the answer adds when no stream at all is cheapest: every reader is an S3
    /// delivery, so a stream may be unnecessary.
    pub fn no_stream(&self) -> Option<&'static str> {
        (self.cheapest() == Some(OptionId::FirehoseDirect)).then_some(
            "every reader is an S3 delivery, so a stream may be unnecessary: Firehose Direct PUT writes to S3 without one",
        )
    }

    /// How the answer names its cheapest option: "Cheapest" when every option is
    /// priced, else "Cheapest of the options priced in <region>" (with [`Self::caveat`]).
    pub fn cheapest_label(&self) -> String {
        match self.caveat() {
            None => "Cheapest".to_string(),
            Some(_) => format!("Cheapest of the options priced in {}", self.region),
        }
    }
}

/// Prices every deployment option for a workload, and says on each option where one
/// input would change its bill (see [`advice`]).
pub fn estimate(workload: &Workload, catalog: &Catalog) -> Estimate {
    let region = region_prices(workload, catalog);
    let mut e = estimate_in(workload, catalog, region.as_ref());
    if let Some(region) = &region {
        let d = &e.derived;
        for o in e.options.iter_mut().filter(|o| o.status == Status::Priced) {
            let advice = advice(o.id, o.total_cents, workload, d, region, catalog);
            o.warnings = ranked(std::mem::take(&mut o.warnings), advice);
        }
    }
    e
}

/// An estimate priced now without advice (`quick`, [`estimate_only`]) with each option's
/// warnings as the last estimate with advice gave them (`advised`, of an earlier workload,
/// while typing has not paused): every card keeps its sentences, marked as updating, until
/// the advice follows, so that nothing moves under the reader's eyes. (An option priced in
/// one and not the other keeps its own.)
pub fn with_earlier_advice(mut quick: Estimate, advised: &Estimate) -> Estimate {
    for o in quick.options.iter_mut() {
        if let Some(a) = advised.option(o.id) {
            if a.status == Status::Priced && o.status == Status::Priced {
                o.warnings.clone_from(&a.warnings);
            }
        }
    }
    quick.advice_pending = true;
    quick
}

/// What a warning says when part of the bill could not be priced.
pub const NOT_IN_TOTAL: &str = "not in this total";

/// An option's warnings ranked by the money at stake: first what the total leaves out
/// (a cost of unknown size), then the advice by the monthly amount it would change, then
/// the notes with no amount, in the order the option gave them.
fn ranked(notes: Vec<String>, mut advice: Vec<(i64, String)>) -> Vec<String> {
    let (missing, notes): (Vec<String>, Vec<String>) =
        notes.into_iter().partition(|w| w.contains(NOT_IN_TOTAL));
    // (Stable: equal amounts keep the advice's order.)
    super::sort::sort_by_key(&mut advice, |(cents, _)| std::cmp::Reverse(*cents));
    missing
        .into_iter()
        .chain(advice.into_iter().map(|(_, w)| w))
        .chain(notes)
        .collect()
}

/// The other way of running the same workload that would change an option's bill,
/// priced: multiplexing many streams into one; aggregating small records for Kinesis;
/// enhanced fan-out when several consumers share each shard's read calls; an interface
/// endpoint instead of NAT gateways; rack-aware consumers on MSK (or what they save when
/// on). One sentence each, only where it applies (and, for savings, only where it saves
/// at least a dollar a month).
fn advice(
    id: OptionId,
    total_cents: i64,
    w: &Workload,
    d: &Derived,
    region: &RegionPrices,
    catalog: &Catalog,
) -> Vec<(i64, String)> {
    let kinesis = id.is_kinesis();
    let k = &catalog.limits.kinesis;
    let priced = |alt: Workload| {
        let d = alt.derived_for(id.kinesis_bytes());
        let ctx = Ctx {
            workload: &alt,
            derived: &d,
            region_code: &w.region,
            region,
            limits: &catalog.limits,
            catalog,
        };
        let o = finish(id, &ctx);
        (o.status == Status::Priced).then_some(o.total_cents)
    };
    let mut out: Vec<(i64, String)> = Vec::new();
    let saving = |alt: Option<i64>| alt.filter(|&a| total_cents - a >= 100);
    if w.streams > 1 {
        if let Some(alt) = saving(priced(Workload {
            streams: 1,
            ..w.clone()
        })) {
            out.push((total_cents - alt, format!(
                "Multiplexing the {} streams into one (consumers filter by event type) would cost {} less a month: {}.",
                w.streams,
                format_usd_cents(total_cents - alt),
                format_usd_cents(alt)
            )));
        }
    }
    if kinesis && d.kinesis_record_kb < k.put_payload_unit_kb {
        if let Some(alt) = saving(priced(Workload {
            aggregate_kb: Some(k.put_payload_unit_kb),
            ..w.clone()
        })) {
            out.push((total_cents - alt, format!(
                "Small records: aggregating them into {} KB Kinesis records (KPL aggregation or batching; set “Kinesis aggregation” to {} KB) would cost {} less a month: {}.",
                shortest(k.put_payload_unit_kb),
                shortest(k.put_payload_unit_kb),
                format_usd_cents(total_cents - alt),
                format_usd_cents(alt)
            )));
        }
    }
    if kinesis && d.shared_consumers >= 3 && w.consumers <= k.max_efo_consumers {
        if let Some(alt) = priced(Workload {
            efo_consumers: w.consumers,
            ..w.clone()
        }) {
            let (word, diff) = if alt >= total_cents {
                ("more", alt - total_cents)
            } else {
                ("less", total_cents - alt)
            };
            let change = if diff == 0 {
                "the same".to_string()
            } else {
                format!("{} {word}", format_usd_cents(diff))
            };
            out.push((diff, format!(
                "Enhanced fan-out for all {} consumers (set “Enhanced fan-out consumers” to {}): {} a month, {change}.",
                w.consumers,
                w.consumers,
                format_usd_cents(alt),
            )));
        }
    }
    if kinesis && w.network == NetworkPath::Nat {
        if let Some(alt) = saving(priced(Workload {
            network: NetworkPath::Endpoint,
            ..w.clone()
        })) {
            out.push((total_cents - alt, format!(
                "An interface VPC endpoint in each AZ instead of NAT gateways (the “Network path to Kinesis”) would cost {} less a month: {}.",
                format_usd_cents(total_cents - alt),
                format_usd_cents(alt)
            )));
        }
    }
    // Rack-aware consumers (follower fetching) read from a replica in their own AZ.
    let reads = w.consumers > 0 || w.replays > 0.0;
    if matches!(
        id,
        OptionId::MskStandard | OptionId::MskExpress | OptionId::KafkaEc2
    ) && reads
    {
        if !w.rack_aware {
            if let Some(alt) = saving(priced(Workload {
                rack_aware: true,
                ..w.clone()
            })) {
                out.push((total_cents - alt, format!(
                    "“Rack-aware consumers” (follower fetching) read from their own AZ: {} less a month, {}.",
                    format_usd_cents(total_cents - alt),
                    format_usd_cents(alt)
                )));
            }
        } else if let Some(alt) = priced(Workload {
            rack_aware: false,
            ..w.clone()
        }) {
            if alt > total_cents {
                out.push((alt - total_cents, format!(
                    "“Rack-aware consumers” save {} a month of cross-AZ traffic here (without: {}).",
                    format_usd_cents(alt - total_cents),
                    format_usd_cents(alt)
                )));
            }
        }
    }
    out
}

/// Prices every deployment option, without [`advice`] (the charts' sweeps, which price
/// many workloads, and advice's own alternatives).
pub fn estimate_only(workload: &Workload, catalog: &Catalog) -> Estimate {
    estimate_in(workload, catalog, region_prices(workload, catalog).as_ref())
}

/// [`estimate_only`] with the workload's Region prices ([`region_prices`]) given.
fn estimate_in(workload: &Workload, catalog: &Catalog, region: Option<&RegionPrices>) -> Estimate {
    let derived = workload.derived();
    let kinesis_derived = workload.derived_for(true);
    let options = match region {
        None => OptionId::ALL
            .into_iter()
            .map(|id| {
                OptionEstimate::not_priced(id, format!("unknown region \"{}\"", workload.region))
            })
            .collect(),
        Some(region) => OptionId::ALL
            .into_iter()
            .map(|id| {
                let ctx = Ctx {
                    workload,
                    derived: if id.kinesis_bytes() {
                        &kinesis_derived
                    } else {
                        &derived
                    },
                    region_code: &workload.region,
                    region,
                    limits: &catalog.limits,
                    catalog,
                };
                finish(id, &ctx)
            })
            .collect(),
    };
    Estimate {
        region: workload.region.clone(),
        prices_as_of: catalog.prices.as_of.to_string(),
        price_book: workload
            .prices
            .clone()
            .unwrap_or_else(|| catalog.edition().to_string()),
        advice_pending: false,
        not_priced: catalog
            .prices
            .not_priced_options
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        derived,
        kinesis_derived,
        options,
        ops_usd: workload.ops_usd,
        dr_pair: workload.dr_region.is_some(),
        standard_durability: options::less_durable(workload).then(|| {
            let mut parts = Vec::new();
            if workload.replication_factor < 3 {
                parts.push(format!("RF {}", workload.replication_factor));
            }
            if workload.azs < 3 {
                parts.push(format!("{} AZs", workload.azs));
            }
            parts.join(" in ")
        }),
    }
}

/// The rates an estimate in the workload's Region uses: the price book's, with the
/// user's rates ([`Workload::rates`]) in their place and every rate neither gives named
/// as missing ([`RegionPrices::complete`]). `None` for a Region the book lacks.
pub fn region_prices(workload: &Workload, catalog: &Catalog) -> Option<RegionPrices> {
    super::priced::rates_in(workload, catalog, &workload.region, true)
}

/// The Regions whose rates are missing, in order: a rate name without a Region is the
/// link's own Region's (`primary`).
pub fn missing_regions(rates: &[RateInput], primary: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for r in rates.iter().filter(|r| r.missing) {
        let region = super::prices::split_rate_name(&r.name)
            .0
            .unwrap_or(primary)
            .to_string();
        if !out.contains(&region) {
            out.push(region);
        }
    }
    out
}

fn not_priced_reason(id: OptionId, ctx: &Ctx) -> String {
    ctx.region
        .not_priced
        .get(id.id())
        .map(|r| r.to_string())
        .unwrap_or_else(|| format!("no rates for {} in {}", id.name(), ctx.region_code))
}

/// Runs one option's module and adds the lines every option of its kind shares: the
/// network path (Kinesis), MSK Connect (MSK). `Err`: why it has no rates here.
fn price(id: OptionId, ctx: &Ctx) -> Result<Priced, String> {
    let w = ctx.workload;
    // Firehose reads no self-managed Kafka: its S3 deliveries run as a Kafka Connect S3
    // sink, whose size AWS does not publish. Priced once the user gives it (connect=).
    if id == OptionId::KafkaEc2 && w.firehose > 0 && w.connect_mcus == 0 {
        return Err(format!(
            "Firehose reads Kinesis streams and MSK clusters, not self-managed Kafka: the {} to S3 would run as a Kafka Connect S3 sink. Give its size in MCUs as “MSK Connect” to price it",
            super::units::count_of(w.firehose, "delivery", "deliveries")
        ));
    }
    let priced = match id {
        OptionId::KinesisOnDemand => options::kinesis_on_demand::estimate(ctx),
        OptionId::KinesisOnDemandAdvantage => options::kinesis_on_demand_advantage::estimate(ctx),
        OptionId::KinesisProvisioned => options::kinesis_provisioned::estimate(ctx),
        OptionId::MskStandard => options::msk_standard::estimate(ctx),
        OptionId::MskExpress => options::msk_express::estimate(ctx),
        OptionId::MskServerless => options::msk_serverless::estimate(ctx),
        OptionId::KafkaEc2 => options::kafka_ec2::estimate(ctx),
        OptionId::FirehoseDirect => options::firehose_direct::estimate(ctx),
    };
    let Some(mut priced) = priced else {
        return Err(not_priced_reason(id, ctx));
    };
    // (No stream where one is needed: nothing to price.)
    if id == OptionId::FirehoseDirect && !priced.blockers.is_empty() {
        return Ok(priced);
    }
    // The network path, priced once for every Kinesis mode (and for producers calling
    // Firehose directly).
    if id.kinesis_bytes() {
        match super::network::kinesis_lines(ctx) {
            Ok(lines) => priced.lines.extend(lines),
            Err(w) => priced.warnings.push(w),
        }
    }
    if id == OptionId::FirehoseDirect {
        // (Its deliveries are its own lines; it has no other reader.)
        super::priced::usage_types(&mut priced.lines, ctx.region);
        return Ok(priced);
    }
    if !id.is_kinesis() {
        priced.warnings.extend(options::kafka_topic_warning(ctx));
    }
    // Firehose, Lambda and Flink readers' own lines, on every option.
    super::pipeline::reader_lines(id, ctx, &mut priced);
    options::connect_lines(id, ctx, &mut priced);
    super::priced::usage_types(&mut priced.lines, ctx.region);
    Ok(priced)
}

/// Runs one option's module, then applies the discount and the totals; with a DR Region
/// set, prices the active/passive pair ([`super::dr::pair`]).
fn finish(id: OptionId, ctx: &Ctx) -> OptionEstimate {
    // (No stream, no pair: Firehose Direct PUT says why it is not eligible.)
    let priced = match &ctx.workload.dr_region {
        Some(dr) if id != OptionId::FirehoseDirect => super::dr::pair(id, ctx, dr, price),
        _ => price(id, ctx),
    };
    match priced {
        Ok(mut priced) => {
            // A rate nobody gave, on a line of no quantity, costs nothing here.
            priced
                .lines
                .retain(|l| l.quantity > 0.0 || !l.source.starts_with(MISSING_SOURCE));
            let mut rates: Vec<RateInput> = Vec::new();
            for l in &mut priced.lines {
                // (The label without its workload's figures: "Shard-hours".)
                let label = l.label.split(" (").next().unwrap_or(&l.label).to_string();
                let (name, missing) = match (
                    l.source.strip_prefix(MISSING_SOURCE),
                    l.source.strip_prefix(USER_SOURCE),
                ) {
                    (Some(n), _) => (n, true),
                    (_, Some(n)) => {
                        l.label.push_str(YOUR_RATE);
                        (n, false)
                    }
                    _ => continue,
                };
                if !rates.iter().any(|r| r.name == name) {
                    rates.push(RateInput {
                        name: name.to_string(),
                        unit: l.unit,
                        label,
                        missing,
                    });
                }
            }
            let missing: Vec<String> = rates
                .iter()
                .filter(|r| r.missing)
                .map(|r| format!("rate.{} (USD per {})", r.name, r.unit))
                .collect();
            if missing.is_empty() {
                OptionEstimate {
                    user_rates: rates,
                    ..total(id, priced, ctx.workload.discount_pct)
                }
            } else {
                // Name the Regions that lack rates: the link's own, a DR standby's, or both.
                let regions = missing_regions(&rates, ctx.region_code);
                let reason = match regions.as_slice() {
                    [only] if only != ctx.region_code => ctx
                        .catalog
                        .region(only)
                        .and_then(|r| r.not_priced.get(id.id()))
                        .map(|r| format!("the standby in {only}: {r}"))
                        .unwrap_or_else(|| format!("no rates for the standby in {only}")),
                    _ => not_priced_reason(id, ctx),
                };
                let mut o = OptionEstimate::not_priced(id, reason);
                o.reasons.push(format!(
                    "{MISSING_RATES} {}: {}. Give them from AWS's pricing page or your agreement.",
                    regions.join(" and "),
                    missing.join(", ")
                ));
                OptionEstimate {
                    capacity: priced.capacity,
                    user_rates: rates,
                    ..o
                }
            }
        }
        Err(reason) => OptionEstimate::not_priced(id, reason),
    }
}

/// The discount and the totals of priced lines.
fn total(id: OptionId, priced: Priced, pct: f64) -> OptionEstimate {
    let subtotal: i64 = priced.lines.iter().map(|l| l.usd_cents).sum();
    let discount = (pct > 0.0 && !priced.lines.is_empty()).then(|| {
        let cents = (subtotal as f64 * pct / 100.0).round() as i64;
        Line {
            id: "discount",
            label: format!("Private discount ({}%)", format_quantity(pct, 4)),
            quantity: subtotal as f64 / 100.0,
            unit: "USD",
            unit_usd: -pct / 100.0,
            usd_cents: -cents,
            source: "workload".to_string(),
            uncertain: None,
            usage_type: None,
            standby: false,
            holds: None,
        }
    });
    let total_cents = subtotal + discount.as_ref().map_or(0, |d| d.usd_cents);
    let status = if priced.blockers.is_empty() {
        Status::Priced
    } else {
        Status::NotEligible
    };
    OptionEstimate {
        id,
        status,
        reasons: priced.blockers,
        capacity: priced.capacity,
        lines: priced.lines,
        discount,
        total_cents,
        warnings: priced.warnings,
        user_rates: Vec::new(),
    }
}
