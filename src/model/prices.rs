//! The price book: every rate the cost engine uses, per region, each with its source.
//!
//! The data lives in `data/prices.toml`; build.rs checks it and embeds it in a compact
//! binary form (see `catalog.rs`); this module holds its typed shape. Code never carries
//! a price literal. This file is also compiled into build.rs: it may use only serde,
//! toml and its sibling data modules.

use super::data_types::{Map, Text};
use serde::{Deserialize, Serialize};

/// One unit price, with where it comes from. The default, with an empty source, is a
/// rate nobody has given (see [`RegionPrices::complete`]).
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Rate {
    /// USD per unit.
    pub usd: f64,
    /// Key into [`PriceBook::sources`].
    pub source: Text,
    /// Why this figure is uncertain, if it is; the UI shows it.
    #[serde(default)]
    pub uncertain: Option<Text>,
    /// AWS's usage type for this rate without the Region's prefix, where AWS's price
    /// file gives it (`Kafka.m7g.large` for `USE1-Kafka.m7g.large`): exports carry the
    /// whole usage type so that an estimate reconciles with a bill.
    #[serde(default)]
    pub usage_type: Option<Text>,
}

/// A source of figures: a page or data file, and the date it states.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub title: Text,
    pub url: Text,
    /// The date the source states (publication date, or the date it was read when it
    /// states none; `note` says which).
    pub date: Text,
    /// A: AWS-authored or AWS price-list data; B: AWS Pricing Calculator output; C: third party.
    pub grade: Text,
    #[serde(default)]
    pub note: Option<Text>,
}

/// Drops the sources' notes. A note documents a figure for whoever reviews the data
/// files; nothing in the app or the CLI shows it, so the built-in data leaves the notes
/// out (build.rs) and they stay in the TOML files.
pub fn drop_notes(sources: &mut Map<Source>) {
    for (_, s) in sources.0.to_mut().iter_mut() {
        s.note = None;
    }
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct KinesisOnDemandRates {
    pub stream_hour: Rate,
    pub data_in_gb: Rate,
    pub data_out_gb: Rate,
    pub efo_data_out_gb: Rate,
    pub extended_retention_gb_month: Rate,
    pub long_term_retention_gb_month: Rate,
}

/// On-demand Advantage: no stream-hour; per-GB rates, with an account-level minimum
/// throughput commitment (limits.toml) whose shortfall is billed at the same rates.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct KinesisAdvantageRates {
    pub data_in_gb: Rate,
    pub data_out_gb: Rate,
    pub efo_data_out_gb: Rate,
    pub extended_retention_gb_month: Rate,
    pub long_term_retention_gb_month: Rate,
}

/// How clients in a VPC reach a service's public API: an interface VPC endpoint
/// (AWS PrivateLink) in each AZ, or a NAT gateway in each AZ.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct NetworkRates {
    /// Per endpoint per AZ per hour.
    pub interface_endpoint_hour: Rate,
    /// Data processed per GB, by monthly tier (limits.toml [network] sets the tier sizes).
    pub interface_endpoint_gb_first_tier: Rate,
    pub interface_endpoint_gb_second_tier: Rate,
    pub interface_endpoint_gb_third_tier: Rate,
    pub nat_gateway_hour: Rate,
    pub nat_gateway_gb: Rate,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct KinesisProvisionedRates {
    pub shard_hour: Rate,
    pub put_payload_units_million: Rate,
    pub extended_retention_shard_hour: Rate,
    pub long_term_retention_gb_month: Rate,
    pub efo_consumer_shard_hour: Rate,
    pub efo_data_out_gb: Rate,
    /// Reading data held beyond 7 days, per GB.
    pub long_term_retrieval_gb: Rate,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct MskStandardRates {
    /// Broker type (e.g. `kafka.m7g.large`) → USD per broker-hour.
    pub broker_hour: Map<Rate>,
    pub storage_gb_month: Rate,
    pub storage_throughput_mib_per_s_month: Rate,
    pub tiered_storage_gb_month: Rate,
    pub tiered_retrieval_gb: Rate,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct MskExpressRates {
    /// Broker type (e.g. `express.m7g.large`) → USD per broker-hour.
    pub broker_hour: Map<Rate>,
    pub data_written_gb: Rate,
    pub storage_gb_month: Rate,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct MskServerlessRates {
    pub cluster_hour: Rate,
    pub partition_hour: Rate,
    pub data_in_gb: Rate,
    pub data_out_gb: Rate,
    pub storage_gb_month: Rate,
}

/// MSK Connect: per MSK Connect Unit (MCU: 1 vCPU, 4 GiB) per hour.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct MskConnectRates {
    pub mcu_hour: Rate,
}

/// MSK Replicator: per replicator-hour, and per GB replicated across Regions.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct MskReplicatorRates {
    pub replicator_hour: Rate,
    pub data_replicated_gb: Rate,
}

/// Amazon Data Firehose: ingestion per GB by monthly tier (Direct PUT and a Kinesis
/// stream as source: each record rounded up to a multiple of 5 KB; limits.toml [readers]
/// sets the tier sizes), record format conversion per GB (of the rounded GB), and an MSK
/// cluster as source per GB (no rounding).
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct FirehoseRates {
    pub ingest_gb_first_tier: Rate,
    pub ingest_gb_second_tier: Rate,
    pub ingest_gb_third_tier: Rate,
    pub format_conversion_gb: Rate,
    pub msk_source_gb: Rate,
}

/// Amazon Managed Service for Apache Flink: per KPU-hour, and running application
/// storage per GB-month (limits.toml [readers] gives the GB per KPU).
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct FlinkRates {
    pub kpu_hour: Rate,
    pub running_storage_gb_month: Rate,
}

/// AWS Lambda event source mappings: a Kafka mapping in provisioned mode, per event
/// poller unit (EPU) hour.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct LambdaRates {
    pub kafka_epu_hour: Rate,
}

/// MSK multi-VPC private connectivity (how Firehose reads a provisioned MSK cluster):
/// per broker per authentication scheme per hour, and per GB processed.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct MskConnectivityRates {
    pub broker_hour: Rate,
    pub gb_processed: Rate,
}

/// Self-managed Apache Kafka on EC2: instances by type (on-demand, Linux) and the gp3
/// volumes the brokers and controllers use (what is provisioned above gp3's included
/// 3,000 IOPS and 125 MiB/s is billed per IOPS-month and per MiB/s-month).
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct KafkaEc2Rates {
    /// EC2 instance type (e.g. `m7g.large`) → USD per instance-hour.
    pub instance_hour: Map<Rate>,
    pub gp3_gb_month: Rate,
    pub gp3_iops_month: Rate,
    pub gp3_throughput_mib_per_s_month: Rate,
    /// Kafka's tiered storage in S3 Standard: GB-month, and PUT-class requests per 1,000.
    pub s3_gb_month: Rate,
    pub s3_put_thousand: Rate,
}

/// Data transfer between availability zones in one region (billed on each side).
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DataTransferRates {
    pub cross_az_gb_each_direction: Rate,
    /// Data sent from this Region to another AWS Region, per GB (billed on the sending
    /// side), when no rate to that Region is listed in `inter_region_gb_to`.
    #[serde(default)]
    pub inter_region_gb: Option<Rate>,
    /// Destination Region → per GB, where AWS lists a different rate.
    #[serde(default)]
    pub inter_region_gb_to: Map<Rate>,
}

/// Every rate of one region. A rate a table leaves out (or a table left out) is not
/// given: an option whose lines need it is "not priced in this region", with the reason
/// from `not_priced`, until the user gives it.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RegionPrices {
    pub name: Text,
    /// The Region's prefix of AWS usage types (`USE1`): a rate's `usage_type` is the part
    /// after `<prefix>-`.
    #[serde(default)]
    pub usage_type_prefix: Option<Text>,
    #[serde(default)]
    pub kinesis_on_demand: Option<KinesisOnDemandRates>,
    #[serde(default)]
    pub kinesis_on_demand_advantage: Option<KinesisAdvantageRates>,
    #[serde(default)]
    pub kinesis_provisioned: Option<KinesisProvisionedRates>,
    #[serde(default)]
    pub msk_standard: Option<MskStandardRates>,
    #[serde(default)]
    pub msk_express: Option<MskExpressRates>,
    #[serde(default)]
    pub msk_serverless: Option<MskServerlessRates>,
    #[serde(default)]
    pub msk_connect: Option<MskConnectRates>,
    #[serde(default)]
    pub msk_replicator: Option<MskReplicatorRates>,
    #[serde(default)]
    pub msk_private_connectivity: Option<MskConnectivityRates>,
    #[serde(default)]
    pub data_transfer: Option<DataTransferRates>,
    #[serde(default)]
    pub network: Option<NetworkRates>,
    #[serde(default)]
    pub firehose: Option<FirehoseRates>,
    #[serde(default)]
    pub flink: Option<FlinkRates>,
    #[serde(default)]
    pub lambda: Option<LambdaRates>,
    #[serde(default)]
    pub kafka_ec2: Option<KafkaEc2Rates>,
    /// Option id → why it has no rates here.
    #[serde(default)]
    pub not_priced: Map<Text>,
}

/// The whole price book.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PriceBook {
    pub schema: u32,
    /// "Prices as of": the publication date of the oldest price data in the book.
    pub as_of: Text,
    pub sources: Map<Source>,
    pub regions: Map<RegionPrices>,
    /// Deployment options known but not priced anywhere, with the reason (shown on
    /// the page and in the CLI's output).
    #[serde(default)]
    pub not_priced_options: Map<Text>,
}

impl PriceBook {
    /// Parses a price book from TOML (native builds and build.rs; the app reads the
    /// constants that build.rs writes).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn parse(text: &str) -> Result<Self, String> {
        toml::from_str(text).map_err(|e| e.to_string())
    }

    /// Every rate in the book, with a path naming it (`us-east-1.msk_standard.storage_gb_month`).
    pub fn all_rates(&self) -> Vec<(String, &Rate)> {
        self.regions
            .iter()
            .flat_map(|(code, r)| {
                r.rates()
                    .into_iter()
                    .map(move |(name, rate)| (format!("{code}.{name}"), rate))
            })
            .collect()
    }
}

/// Declares the price book's flat rate keys once: the list of sections and keys (the
/// names `data/prices.toml` and a link's `rate.<section>.<key>=` use) and the accessors
/// by name. Tables of rates by broker type or destination Region are added by hand.
macro_rules! sections {
    ($($section:ident { $($key:ident),* })*) => {
        /// Each section of a Region's rates with its flat keys.
        pub const SECTIONS: &[(&str, &[&str])] =
            &[$((stringify!($section), &[$(stringify!($key)),*])),*];

        impl RegionPrices {
            /// A flat rate by section and key, if the book has it.
            fn flat_rate(&self, section: &str, key: &str) -> Option<&Rate> {
                match section {
                    $(stringify!($section) => {
                        let t = self.$section.as_ref()?;
                        match key { $(stringify!($key) => Some(&t.$key),)* _ => None }
                    })*
                    _ => None,
                }
            }

            /// A flat rate by section and key, the section added (its rates not given)
            /// when the book has none; `None` for a key the book does not name.
            fn flat_rate_mut(&mut self, section: &str, key: &str) -> Option<&mut Rate> {
                match section {
                    $(stringify!($section) => match key {
                        $(stringify!($key) => {
                            Some(&mut self.$section.get_or_insert_with(Default::default).$key)
                        })*
                        _ => None,
                    },)*
                    _ => None,
                }
            }
        }
    };
}

sections! {
    kinesis_on_demand { stream_hour, data_in_gb, data_out_gb, efo_data_out_gb, extended_retention_gb_month, long_term_retention_gb_month }
    kinesis_on_demand_advantage { data_in_gb, data_out_gb, efo_data_out_gb, extended_retention_gb_month, long_term_retention_gb_month }
    kinesis_provisioned { shard_hour, put_payload_units_million, extended_retention_shard_hour, long_term_retention_gb_month, efo_consumer_shard_hour, efo_data_out_gb, long_term_retrieval_gb }
    msk_standard { storage_gb_month, storage_throughput_mib_per_s_month, tiered_storage_gb_month, tiered_retrieval_gb }
    msk_express { data_written_gb, storage_gb_month }
    msk_serverless { cluster_hour, partition_hour, data_in_gb, data_out_gb, storage_gb_month }
    msk_connect { mcu_hour }
    msk_replicator { replicator_hour, data_replicated_gb }
    msk_private_connectivity { broker_hour, gb_processed }
    data_transfer { cross_az_gb_each_direction }
    network { interface_endpoint_hour, interface_endpoint_gb_first_tier, interface_endpoint_gb_second_tier, interface_endpoint_gb_third_tier, nat_gateway_hour, nat_gateway_gb }
    firehose { ingest_gb_first_tier, ingest_gb_second_tier, ingest_gb_third_tier, format_conversion_gb, msk_source_gb }
    flink { kpu_hour, running_storage_gb_month }
    lambda { kafka_epu_hour }
    kafka_ec2 { gp3_gb_month, gp3_iops_month, gp3_throughput_mib_per_s_month, s3_gb_month, s3_put_thousand }
}

/// A user's rate name (a link's `rate.` parameter without the prefix), split into the
/// Region it names, if any, and the rate's name there:
/// `eu-central-1.kinesis_provisioned.shard_hour` → (`Some("eu-central-1")`,
/// `kinesis_provisioned.shard_hour`); `kinesis_provisioned.shard_hour` → (`None`, same).
/// (Region codes hold a hyphen; section names never do.)
pub fn split_rate_name(name: &str) -> (Option<&str>, &str) {
    match name.split_once('.') {
        Some((first, rest)) if first.contains('-') => (Some(first), rest),
        _ => (None, name),
    }
}

/// The source of a rate the user gave (`rate.<section>.<key>=` in a link) is this prefix
/// and the rate's key (`user:kinesis_provisioned.shard_hour`): shown as "your rate".
pub const USER_SOURCE: &str = "user:";
/// The source of a rate nobody has given is this prefix and the rate's key
/// (`missing:kinesis_provisioned.shard_hour`): a line priced at it makes its option
/// "not priced", naming the rate.
pub const MISSING_SOURCE: &str = "missing:";

impl RegionPrices {
    /// Every rate of the Region, named `<section>.<key>` (`msk_standard.broker_hour.kafka.m7g.large`).
    pub fn rates(&self) -> Vec<(String, &Rate)> {
        let mut out = Vec::new();
        for &(section, keys) in SECTIONS {
            for key in keys {
                // (A rate a section leaves out is not given: see `complete`.)
                if let Some(r) = self
                    .flat_rate(section, key)
                    .filter(|r| !r.source.is_empty())
                {
                    out.push((format!("{section}.{key}"), r));
                }
            }
            let tables = match section {
                "msk_standard" => self
                    .msk_standard
                    .as_ref()
                    .map(|m| ("broker_hour", &m.broker_hour)),
                "msk_express" => self
                    .msk_express
                    .as_ref()
                    .map(|m| ("broker_hour", &m.broker_hour)),
                "kafka_ec2" => self
                    .kafka_ec2
                    .as_ref()
                    .map(|m| ("instance_hour", &m.instance_hour)),
                "data_transfer" => self.data_transfer.as_ref().map(|t| {
                    if let Some(r) = &t.inter_region_gb {
                        out.push(("data_transfer.inter_region_gb".to_string(), r));
                    }
                    ("inter_region_gb_to", &t.inter_region_gb_to)
                }),
                _ => None,
            };
            if let Some((table, map)) = tables {
                for (name, r) in map {
                    out.push((format!("{section}.{table}.{name}"), r));
                }
            }
        }
        out
    }

    /// The rate `<section>.<key>` as `rates` names it, added (not given) if the Region
    /// has none; `None` for a name the book does not know. Broker types and destination
    /// Regions are not checked here (the link codec checks them).
    pub fn rate_mut(&mut self, name: &str) -> Option<&mut Rate> {
        let (section, key) = name.split_once('.')?;
        // (An empty broker type or destination names no rate.)
        match (section, key.split_once('.')) {
            ("msk_standard", Some(("broker_hour", b))) if !b.is_empty() => Some(
                self.msk_standard
                    .get_or_insert_with(Default::default)
                    .broker_hour
                    .get_or_insert_default(b),
            ),
            ("msk_express", Some(("broker_hour", b))) if !b.is_empty() => Some(
                self.msk_express
                    .get_or_insert_with(Default::default)
                    .broker_hour
                    .get_or_insert_default(b),
            ),
            ("kafka_ec2", Some(("instance_hour", b))) if !b.is_empty() => Some(
                self.kafka_ec2
                    .get_or_insert_with(Default::default)
                    .instance_hour
                    .get_or_insert_default(b),
            ),
            ("data_transfer", Some(("inter_region_gb_to", to))) if !to.is_empty() => Some(
                self.data_transfer
                    .get_or_insert_with(Default::default)
                    .inter_region_gb_to
                    .get_or_insert_default(to),
            ),
            ("data_transfer", None) if key == "inter_region_gb" => Some(
                self.data_transfer
                    .get_or_insert_with(Default::default)
                    .inter_region_gb
                    .get_or_insert_with(Default::default),
            ),
            _ => self.flat_rate_mut(section, key),
        }
    }

    /// Removes the rate `<section>.<key>` as `rates` names it: a flat rate becomes not
    /// given (named as missing by [`Self::complete`]); a broker type's, instance type's or
    /// destination's rate leaves its table.
    pub fn remove_rate(&mut self, name: &str) {
        let Some((section, key)) = name.split_once('.') else {
            return;
        };
        let table = match (section, key.split_once('.')) {
            ("msk_standard", Some(("broker_hour", b))) => {
                self.msk_standard.as_mut().map(|t| (&mut t.broker_hour, b))
            }
            ("msk_express", Some(("broker_hour", b))) => {
                self.msk_express.as_mut().map(|t| (&mut t.broker_hour, b))
            }
            ("kafka_ec2", Some(("instance_hour", b))) => {
                self.kafka_ec2.as_mut().map(|t| (&mut t.instance_hour, b))
            }
            ("data_transfer", Some(("inter_region_gb_to", to))) => self
                .data_transfer
                .as_mut()
                .map(|t| (&mut t.inter_region_gb_to, to)),
            ("data_transfer", None) if key == "inter_region_gb" => {
                if let Some(t) = self.data_transfer.as_mut() {
                    t.inter_region_gb = None;
                }
                return;
            }
            _ => {
                if self.flat_rate(section, key).is_some() {
                    if let Some(r) = self.flat_rate_mut(section, key) {
                        *r = Rate::default();
                    }
                }
                return;
            }
        };
        if let Some((map, key)) = table {
            map.remove(key);
        }
    }

    /// Every flat rate of every section present, those the book lacks added with the
    /// source [`MISSING_SOURCE`] and their name: an option whose lines use one is not
    /// priced until the user gives it.
    pub fn complete(&mut self) {
        self.complete_as("");
    }

    /// [`Self::complete`], naming a missing rate with `qualifier` before it: "" for the
    /// link's own Region, `"<region>."` for another (a DR standby's), so that the rate a
    /// card asks for is `rate.<region>.<section>.<key>`.
    pub fn complete_as(&mut self, qualifier: &str) {
        for &(section, keys) in SECTIONS {
            for key in keys {
                if let Some(r) = self.flat_rate_mut(section, key) {
                    if r.source.is_empty() {
                        r.source = format!("{MISSING_SOURCE}{qualifier}{section}.{key}").into();
                    }
                }
            }
        }
    }

    /// Applies the user's rates (`rate.` names of a link) that are for Region `code`:
    /// those naming it (`eu-central-1.kinesis_provisioned.shard_hour`) and, when `code` is
    /// the link's own Region (`primary`), those naming none. A rate naming the Region wins
    /// over one naming none. Each applied rate's source is [`USER_SOURCE`] and the name
    /// the link gave it.
    pub fn apply_user_rates(
        &mut self,
        code: &str,
        primary: bool,
        rates: &super::sorted::VecMap<String, f64>,
    ) {
        // Unnamed first, so that a rate naming the Region is applied last and wins.
        for named in [false, true] {
            for (name, &usd) in rates {
                let (region, rate) = split_rate_name(name);
                let applies = match region {
                    Some(r) => named && r == code,
                    None => !named && primary,
                };
                if let Some(r) = applies.then(|| self.rate_mut(rate)).flatten() {
                    r.usd = usd;
                    r.source = format!("{USER_SOURCE}{name}").into();
                    r.uncertain = None;
                }
            }
        }
    }
}
