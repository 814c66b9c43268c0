//! The types every deployment option takes and returns, below the option modules: the
//! option ids, a priced line, capacity, what an option's module returns ([`Priced`]) and
//! the context it is given ([`Ctx`]); and one option's finished estimate. The entry
//! point that calls every option ([`super::estimate`]) sits above them: data flows down
//! only.

use super::catalog::Catalog;
use super::limits::Limits;
use super::prices::{Rate, RegionPrices};
use super::units::usd_to_cents;
use super::workload::{Derived, Workload};
/// The deployment options, with their stable ids (used in links, exports and JSON).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum OptionId {
    KinesisOnDemand,
    KinesisOnDemandAdvantage,
    KinesisProvisioned,
    MskStandard,
    MskExpress,
    MskServerless,
    KafkaEc2,
    FirehoseDirect,
}

impl OptionId {
    pub const ALL: [OptionId; 8] = [
        OptionId::KinesisOnDemand,
        OptionId::KinesisOnDemandAdvantage,
        OptionId::KinesisProvisioned,
        OptionId::MskStandard,
        OptionId::MskExpress,
        OptionId::MskServerless,
        OptionId::KafkaEc2,
        OptionId::FirehoseDirect,
    ];

    /// The stable id.
    pub fn id(self) -> &'static str {
        match self {
            OptionId::KinesisOnDemand => "kinesis-on-demand",
            OptionId::KinesisOnDemandAdvantage => "kinesis-on-demand-advantage",
            OptionId::KinesisProvisioned => "kinesis-provisioned",
            OptionId::MskStandard => "msk-standard",
            OptionId::MskExpress => "msk-express",
            OptionId::MskServerless => "msk-serverless",
            OptionId::KafkaEc2 => "kafka-ec2",
            OptionId::FirehoseDirect => "firehose-direct",
        }
    }

    /// The display name.
    pub fn name(self) -> &'static str {
        match self {
            OptionId::KinesisOnDemand => "Kinesis Data Streams, on-demand",
            OptionId::KinesisOnDemandAdvantage => "Kinesis Data Streams, On-demand Advantage",
            OptionId::KinesisProvisioned => "Kinesis Data Streams, provisioned",
            OptionId::MskStandard => "MSK provisioned, Standard brokers",
            OptionId::MskExpress => "MSK provisioned, Express brokers",
            OptionId::MskServerless => "MSK Serverless",
            OptionId::KafkaEc2 => "Apache Kafka on EC2, self-managed",
            OptionId::FirehoseDirect => "No stream: Firehose Direct PUT to S3",
        }
    }

    /// The name in a table or a sentence that names several options.
    pub fn short_name(self) -> &'static str {
        match self {
            OptionId::KinesisOnDemand => "Kinesis on-demand",
            OptionId::KinesisOnDemandAdvantage => "Kinesis On-demand Advantage",
            OptionId::KinesisProvisioned => "Kinesis provisioned",
            OptionId::MskStandard => "MSK Standard",
            OptionId::MskExpress => "MSK Express",
            OptionId::MskServerless => "MSK Serverless",
            OptionId::KafkaEc2 => "Kafka on EC2",
            OptionId::FirehoseDirect => "No stream (Firehose)",
        }
    }

    /// Kinesis Data Streams, in any mode.
    pub fn is_kinesis(self) -> bool {
        matches!(
            self,
            OptionId::KinesisOnDemand
                | OptionId::KinesisOnDemandAdvantage
                | OptionId::KinesisProvisioned
        )
    }

    /// Amazon MSK, in any mode.
    pub fn is_msk(self) -> bool {
        matches!(
            self,
            OptionId::MskStandard | OptionId::MskExpress | OptionId::MskServerless
        )
    }

    /// Priced with the records as Kinesis producers send them (their own compression and
    /// packing): the Kinesis modes, and Firehose Direct PUT, which producers call alike.
    pub fn kinesis_bytes(self) -> bool {
        self.is_kinesis() || self == OptionId::FirehoseDirect
    }

    pub fn from_id(id: &str) -> Option<OptionId> {
        OptionId::ALL.into_iter().find(|o| o.id() == id)
    }
}

/// A rate an option's lines use that the user gave or must give.
#[derive(Clone, Debug, PartialEq)]
pub struct RateInput {
    /// `<section>.<key>` (the link's `rate.<section>.<key>=`).
    pub name: String,
    /// The unit it is per ("shard-hour", "GB").
    pub unit: &'static str,
    /// What it prices, in words: the label of the first line that uses it, without its
    /// figures in brackets ("Shard-hours").
    pub label: String,
    /// Neither the price book nor the user gives it.
    pub missing: bool,
}

/// How the reason that lists the rates an option lacks begins (the page's cards show
/// the rates panel instead; the CLI and the exports print it).
pub const MISSING_RATES: &str = "Rates this workload needs that the price book lacks in";

/// What a line priced at a rate the user gave says after its label.
pub const YOUR_RATE: &str = " (your rate)";

/// One priced line: quantity × unit price = amount (rounded to the cent).
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub id: &'static str,
    pub label: String,
    pub quantity: f64,
    pub unit: &'static str,
    pub unit_usd: f64,
    pub usd_cents: i64,
    /// Source key of the rate (into the price book's sources).
    pub source: String,
    /// Why the rate is uncertain, if it is.
    pub uncertain: Option<String>,
    /// AWS's usage type of the rate, where the price file gives it.
    pub usage_type: Option<String>,
    /// A line of a DR pair's standby (in the other Region).
    pub standby: bool,
    /// For a line billed on the data held (GB-month of retained data): the ages of the
    /// data it bills, in hours (`from`, `to`). A new stream holds none yet, so in year
    /// one such a line grows from zero ([`Line::year_one_months`]).
    pub holds: Option<(f64, f64)>,
}

impl Line {
    /// A line priced at `rate` per unit.
    pub fn new(
        id: &'static str,
        label: impl Into<String>,
        quantity: f64,
        unit: &'static str,
        rate: &Rate,
    ) -> Self {
        Self::with_unit_price(id, label, quantity, unit, rate.usd, rate)
    }

    /// A line whose unit price is derived from `rate` (e.g. a rate billed on two sides).
    pub fn with_unit_price(
        id: &'static str,
        label: impl Into<String>,
        quantity: f64,
        unit: &'static str,
        unit_usd: f64,
        rate: &Rate,
    ) -> Self {
        let quantity = if quantity.is_finite() && quantity > 0.0 {
            quantity
        } else {
            0.0
        };
        Self {
            id,
            label: label.into(),
            quantity,
            unit,
            unit_usd,
            usd_cents: usd_to_cents(quantity * unit_usd),
            source: rate.source.to_string(),
            uncertain: rate.uncertain.as_ref().map(|u| u.to_string()),
            usage_type: rate.usage_type.as_ref().map(|u| u.to_string()),
            standby: false,
            holds: None,
        }
    }

    /// The line bills the data aged `from_h` to `to_h` hours.
    pub fn holding(mut self, from_h: f64, to_h: f64) -> Self {
        self.holds = Some((from_h, to_h));
        self
    }

    /// What the first year costs, in months of this line's steady amount: 12 for a line
    /// that does not depend on the data held; for one that does, the data aged `a` to `b`
    /// hours fills in as the stream ages, g(t) = clamp((t − a) ÷ (b − a), 0, 1), and the
    /// year is ∫₀⁸⁷⁶⁰ g(t) dt ÷ 730 (month by month, summed). 365 days of retention
    /// from age 0: 8,760² ÷ 2 ÷ 8,760 ÷ 730 = 6 months.
    pub fn year_one_months(&self) -> f64 {
        const YEAR_H: f64 = 8760.0;
        match self.holds {
            Some((a, b)) if b > a && a.is_finite() && b.is_finite() => {
                let t = YEAR_H;
                let g = if t <= a {
                    0.0
                } else if t <= b {
                    (t - a) * (t - a) / (2.0 * (b - a))
                } else {
                    (b - a) / 2.0 + (t - b)
                };
                g / super::units::HOURS_PER_MONTH
            }
            _ => 12.0,
        }
    }
}

/// The capacity an option needs (or was given) for the workload.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Capacity {
    /// One line for a card: "10 shards", "3 × kafka.m7g.large, 200 GB each".
    pub summary: String,
    pub shards: Option<u32>,
    pub brokers: Option<u32>,
    pub broker_type: Option<String>,
    pub storage_gb_per_broker: Option<f64>,
    pub partitions: Option<u32>,
    /// Peak load as a share of the capacity's rated throughput (before any target
    /// utilisation), percent: the same measure on every card.
    pub utilisation_pct: Option<f64>,
    /// The sizing policy, for provisioned options ("Sized for 50 % peak utilisation, 2×
    /// disk (AWS MSK sizing guidance)").
    pub sizing: Option<String>,
    /// What a commitment bills with no usage (On-demand Advantage), cents a month.
    pub commitment_cents: Option<i64>,
}

/// Whether an option is priced, beyond a limit, or has no rates in the region.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Priced,
    NotEligible,
    NotPriced,
}

impl Status {
    pub fn id(self) -> &'static str {
        match self {
            Status::Priced => "priced",
            Status::NotEligible => "not-eligible",
            Status::NotPriced => "not-priced",
        }
    }
}

/// One deployment option's monthly estimate.
#[derive(Clone, Debug, PartialEq)]
pub struct OptionEstimate {
    pub id: OptionId,
    pub status: Status,
    /// Why it is not eligible or not priced (empty when priced).
    pub reasons: Vec<String>,
    pub capacity: Capacity,
    /// List-price lines.
    pub lines: Vec<Line>,
    /// The private-discount line (negative), when a discount is set.
    pub discount: Option<Line>,
    /// Sum of the rounded lines, discount included.
    pub total_cents: i64,
    pub warnings: Vec<String>,
    /// The rates its lines use that the user gave or must give (the book lacks them),
    /// in line order: the card's rate fields. Any missing one leaves it not priced.
    pub user_rates: Vec<RateInput>,
}

impl OptionEstimate {
    pub fn eligible(&self) -> bool {
        self.status == Status::Priced
    }

    /// Every line, the discount last.
    pub fn all_lines(&self) -> impl Iterator<Item = &Line> {
        self.lines.iter().chain(self.discount.iter())
    }

    /// The reasons the page shows: all but the list of missing rates ([`MISSING_RATES`]),
    /// which the rates panel asks for field by field.
    pub fn shown_reasons(&self) -> impl Iterator<Item = &String> {
        self.reasons
            .iter()
            .filter(|r| !r.starts_with(MISSING_RATES))
    }

    pub(super) fn not_priced(id: OptionId, reason: String) -> Self {
        Self {
            id,
            status: Status::NotPriced,
            reasons: vec![reason],
            capacity: Capacity::default(),
            lines: Vec::new(),
            discount: None,
            total_cents: 0,
            warnings: Vec::new(),
            user_rates: Vec::new(),
        }
    }
}

/// What an option's module returns before the discount and totals are applied.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Priced {
    pub capacity: Capacity,
    pub lines: Vec<Line>,
    pub warnings: Vec<String>,
    /// Limits the workload exceeds: each makes the option not eligible.
    pub blockers: Vec<String>,
}

/// Everything an option's module needs.
pub struct Ctx<'a> {
    pub workload: &'a Workload,
    pub derived: &'a Derived,
    pub region_code: &'a str,
    pub region: &'a RegionPrices,
    pub limits: &'a Limits,
    /// The whole catalog (a DR pair prices its standby in another Region).
    pub catalog: &'a Catalog,
}

/// Completes the lines' AWS usage types with the Region's prefix (once per line: each
/// line is priced in one Region), by AWS's rule: every usage type starts with its
/// Region's code ("EU-Kafka.m7g.large", "APS1-VpcEndpoint-Hours", "EU-BoxUsage:m7g.large")
/// except, in us-east-1, those of Kinesis, EC2, EBS, S3, VPC endpoints, NAT gateways and
/// data transfer, which have none ("Extended-ShardHour": the verbatim Kinesis price-list
/// entry in tests/fixtures/pricefiles; "VpcEndpoint-Hours", us-east-1: the source
/// aws-vpc-endpoint-price-list). MSK's do ("USE1-Kafka.Storage.GP2"), and so, for want of
/// a us-east-1 price-file entry saying otherwise, do Firehose's and Flink's.
pub fn usage_types(lines: &mut [Line], region: &RegionPrices) {
    for l in lines {
        if let (Some(suffix), Some(prefix)) = (&l.usage_type, &region.usage_type_prefix) {
            if prefix == UNPREFIXED_REGION && !prefixed_in_use1(suffix) {
                continue;
            }
            l.usage_type = Some(format!("{prefix}-{suffix}"));
        }
    }
}

/// The prefix of the Region where some services' usage types carry none (us-east-1).
pub const UNPREFIXED_REGION: &str = "USE1";

/// The usage types (by how they begin) that carry no Region code in us-east-1.
const UNPREFIXED_IN_USE1: [&str; 14] = [
    "OnDemand-",
    "Storage-ShardHour",
    "PutRequestPayloadUnits",
    "Extended-ShardHour",
    "LongTermRetention-",
    "EnhancedFanout",
    "ReadBytes",
    "VpcEndpoint-",
    "NatGateway-",
    "DataTransfer-",
    "BoxUsage:",
    "EBS:",
    "TimedStorage-",
    "Requests-Tier",
];

/// Whether a usage type keeps the Region's code in us-east-1.
fn prefixed_in_use1(suffix: &str) -> bool {
    !UNPREFIXED_IN_USE1.iter().any(|p| suffix.starts_with(p))
}

/// The rates an estimate uses in Region `code` (the workload's own, `primary`, or a DR
/// standby's): the price book's as of the link's edition ([`Workload::prices`], through
/// the change log), the user's rates in their place, and every rate neither gives named
/// as missing, with the Region when it is not the link's own (`<dr>.<section>.<key>`: a
/// line at one makes the option not priced, never $0, and the card asks for exactly that
/// rate). `None` for a Region the book lacks.
pub fn rates_in(
    workload: &super::workload::Workload,
    catalog: &super::catalog::Catalog,
    code: &str,
    primary: bool,
) -> Option<super::prices::RegionPrices> {
    let mut region = catalog.region_at(code, workload.prices.as_deref())?;
    region.apply_user_rates(code, primary, &workload.rates);
    if primary {
        region.complete();
    } else {
        region.complete_as(&format!("{code}."));
    }
    Some(region)
}
