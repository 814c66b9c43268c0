//! The price book: every rate the cost engine uses, per region, each with its source.
//!
//! The data lives in `data/prices.toml`; build.rs checks it and embeds it in a compact
//! binary form (see `catalog.rs`); this module holds its typed shape. Code never carries
//! a price literal. This file is also compiled into build.rs: it may use only serde,
//! toml and its sibling data modules.

use super::data_types::{Map, Text};
use serde::{Deserialize, Serialize};

/// One unit price, with where it comes from.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
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

#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
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
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct KinesisAdvantageRates {
    pub data_in_gb: Rate,
    pub data_out_gb: Rate,
    pub efo_data_out_gb: Rate,
    pub extended_retention_gb_month: Rate,
    pub long_term_retention_gb_month: Rate,
}

/// How clients in a VPC reach a service's public API: an interface VPC endpoint
/// (AWS PrivateLink) in each AZ, or a NAT gateway in each AZ.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
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

#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
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

#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct MskStandardRates {
    /// Broker type (e.g. `kafka.m7g.large`) → USD per broker-hour.
    pub broker_hour: Map<Rate>,
    pub storage_gb_month: Rate,
    pub storage_throughput_mib_per_s_month: Rate,
    pub tiered_storage_gb_month: Rate,
    pub tiered_retrieval_gb: Rate,
}

#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct MskExpressRates {
    /// Broker type (e.g. `express.m7g.large`) → USD per broker-hour.
    pub broker_hour: Map<Rate>,
    pub data_written_gb: Rate,
    pub storage_gb_month: Rate,
}

#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct MskServerlessRates {
    pub cluster_hour: Rate,
    pub partition_hour: Rate,
    pub data_in_gb: Rate,
    pub data_out_gb: Rate,
    pub storage_gb_month: Rate,
}

/// MSK Connect: per MSK Connect Unit (MCU: 1 vCPU, 4 GiB) per hour.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct MskConnectRates {
    pub mcu_hour: Rate,
}

/// MSK Replicator: per replicator-hour, and per GB replicated across Regions.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct MskReplicatorRates {
    pub replicator_hour: Rate,
    pub data_replicated_gb: Rate,
}

/// Data transfer between availability zones in one region (billed on each side).
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
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

/// Every rate of one region. An option whose table is absent is "not priced in this
/// region", with the reason from `not_priced`.
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
    pub data_transfer: Option<DataTransferRates>,
    #[serde(default)]
    pub network: Option<NetworkRates>,
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
        let mut out = Vec::new();
        for (code, r) in &self.regions {
            let mut add = |name: &str, rate| out.push((format!("{code}.{name}"), rate));
            if let Some(k) = &r.kinesis_on_demand {
                add("kinesis_on_demand.stream_hour", &k.stream_hour);
                add("kinesis_on_demand.data_in_gb", &k.data_in_gb);
                add("kinesis_on_demand.data_out_gb", &k.data_out_gb);
                add("kinesis_on_demand.efo_data_out_gb", &k.efo_data_out_gb);
                add(
                    "kinesis_on_demand.extended_retention_gb_month",
                    &k.extended_retention_gb_month,
                );
                add(
                    "kinesis_on_demand.long_term_retention_gb_month",
                    &k.long_term_retention_gb_month,
                );
            }
            if let Some(k) = &r.kinesis_on_demand_advantage {
                add("kinesis_on_demand_advantage.data_in_gb", &k.data_in_gb);
                add("kinesis_on_demand_advantage.data_out_gb", &k.data_out_gb);
                add(
                    "kinesis_on_demand_advantage.efo_data_out_gb",
                    &k.efo_data_out_gb,
                );
                add(
                    "kinesis_on_demand_advantage.extended_retention_gb_month",
                    &k.extended_retention_gb_month,
                );
                add(
                    "kinesis_on_demand_advantage.long_term_retention_gb_month",
                    &k.long_term_retention_gb_month,
                );
            }
            if let Some(k) = &r.kinesis_provisioned {
                add("kinesis_provisioned.shard_hour", &k.shard_hour);
                add(
                    "kinesis_provisioned.put_payload_units_million",
                    &k.put_payload_units_million,
                );
                add(
                    "kinesis_provisioned.extended_retention_shard_hour",
                    &k.extended_retention_shard_hour,
                );
                add(
                    "kinesis_provisioned.long_term_retention_gb_month",
                    &k.long_term_retention_gb_month,
                );
                add(
                    "kinesis_provisioned.efo_consumer_shard_hour",
                    &k.efo_consumer_shard_hour,
                );
                add("kinesis_provisioned.efo_data_out_gb", &k.efo_data_out_gb);
                add(
                    "kinesis_provisioned.long_term_retrieval_gb",
                    &k.long_term_retrieval_gb,
                );
            }
            if let Some(m) = &r.msk_standard {
                for (b, rate) in &m.broker_hour {
                    add(&format!("msk_standard.broker_hour.{b}"), rate);
                }
                add("msk_standard.storage_gb_month", &m.storage_gb_month);
                add(
                    "msk_standard.storage_throughput_mib_per_s_month",
                    &m.storage_throughput_mib_per_s_month,
                );
                add(
                    "msk_standard.tiered_storage_gb_month",
                    &m.tiered_storage_gb_month,
                );
                add("msk_standard.tiered_retrieval_gb", &m.tiered_retrieval_gb);
            }
            if let Some(m) = &r.msk_express {
                for (b, rate) in &m.broker_hour {
                    add(&format!("msk_express.broker_hour.{b}"), rate);
                }
                add("msk_express.data_written_gb", &m.data_written_gb);
                add("msk_express.storage_gb_month", &m.storage_gb_month);
            }
            if let Some(m) = &r.msk_serverless {
                add("msk_serverless.cluster_hour", &m.cluster_hour);
                add("msk_serverless.partition_hour", &m.partition_hour);
                add("msk_serverless.data_in_gb", &m.data_in_gb);
                add("msk_serverless.data_out_gb", &m.data_out_gb);
                add("msk_serverless.storage_gb_month", &m.storage_gb_month);
            }
            if let Some(m) = &r.msk_connect {
                add("msk_connect.mcu_hour", &m.mcu_hour);
            }
            if let Some(m) = &r.msk_replicator {
                add("msk_replicator.replicator_hour", &m.replicator_hour);
                add("msk_replicator.data_replicated_gb", &m.data_replicated_gb);
            }
            if let Some(t) = &r.data_transfer {
                add(
                    "data_transfer.cross_az_gb_each_direction",
                    &t.cross_az_gb_each_direction,
                );
                if let Some(x) = &t.inter_region_gb {
                    add("data_transfer.inter_region_gb", x);
                }
                for (to, x) in &t.inter_region_gb_to {
                    add(&format!("data_transfer.inter_region_gb_to.{to}"), x);
                }
            }
            if let Some(n) = &r.network {
                add(
                    "network.interface_endpoint_hour",
                    &n.interface_endpoint_hour,
                );
                add(
                    "network.interface_endpoint_gb_first_tier",
                    &n.interface_endpoint_gb_first_tier,
                );
                add(
                    "network.interface_endpoint_gb_second_tier",
                    &n.interface_endpoint_gb_second_tier,
                );
                add(
                    "network.interface_endpoint_gb_third_tier",
                    &n.interface_endpoint_gb_third_tier,
                );
                add("network.nat_gateway_hour", &n.nat_gateway_hour);
                add("network.nat_gateway_gb", &n.nat_gateway_gb);
            }
        }
        out
    }
}
