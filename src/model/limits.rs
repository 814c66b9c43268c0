//! Service limits and sizing rules (`data/limits.toml`): what decides capacity,
//! warnings and eligibility. Like prices, these are data with sources, not code.

use super::data_types::{List, Map, Text};
use super::prices::Source;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct KinesisLimits {
    pub sources: List<Text>,
    pub shard_write_mb_per_s: f64,
    pub shard_write_records_per_s: f64,
    pub shard_read_mb_per_s: f64,
    pub max_efo_consumers: u32,
    pub default_max_record_kb: f64,
    pub max_record_kb: f64,
    pub min_retention_hours: f64,
    pub extended_retention_max_hours: f64,
    pub max_retention_hours: f64,
    pub put_payload_unit_kb: f64,
    pub on_demand_initial_write_mb_per_s: f64,
    /// GetRecords calls per second per shard, shared by the shared-throughput consumers.
    pub shard_read_transactions_per_s: f64,
    /// On-demand streams per account by default.
    pub on_demand_streams_quota: u32,
    pub on_demand_max_write_mb_per_s_default: f64,
    pub on_demand_max_write_mb_per_s: Map<f64>,
    pub shard_quota_default: u32,
    pub shard_quota: Map<u32>,
    /// On-demand Advantage: the account's minimum throughput commitment, MB/s of ingest
    /// and, separately, MB/s of retrieval (per account and Region).
    pub advantage_commitment_mb_per_s: f64,
    /// Enhanced fan-out consumers per stream with On-demand Advantage.
    pub advantage_max_efo_consumers: u32,
    /// Default target utilisation of provisioned shards (share of their limits).
    pub provisioned_utilisation: f64,
}

impl KinesisLimits {
    /// On-demand write ceiling of a region, MB/s.
    pub fn on_demand_max_write_mb_per_s(&self, region: &str) -> f64 {
        self.on_demand_max_write_mb_per_s
            .get(region)
            .copied()
            .unwrap_or(self.on_demand_max_write_mb_per_s_default)
    }

    /// Default shard quota per account in a region.
    pub fn shard_quota(&self, region: &str) -> u32 {
        self.shard_quota
            .get(region)
            .copied()
            .unwrap_or(self.shard_quota_default)
    }
}

/// The network path's pricing structure: the sizes of AWS PrivateLink's monthly
/// data-processing tiers (the third tier is everything above the first two).
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct NetworkLimits {
    pub sources: List<Text>,
    pub interface_endpoint_first_tier_gb: f64,
    pub interface_endpoint_second_tier_gb: f64,
}

/// Self-managed Kafka on EC2 ([`super::options::kafka_ec2`]): the KRaft controllers and
/// gp3's included and maximum performance.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct KafkaEc2Limits {
    pub sources: List<Text>,
    pub controllers: u32,
    /// EC2 instance type of each controller.
    pub controller_instance: Text,
    pub controller_volume_gb: f64,
    pub gp3_included_iops: f64,
    pub gp3_included_mib_per_s: f64,
    pub gp3_max_mib_per_s: f64,
    /// gp3's largest ratio of provisioned throughput to IOPS.
    pub gp3_mib_per_s_per_iops: f64,
    /// S3 PUT-class requests per GiB copied to tiered storage.
    pub s3_puts_per_gb: f64,
}

/// How the readers' services bill and scale ([`super::pipeline`]).
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ReaderLimits {
    pub sources: List<Text>,
    /// Firehose (Direct PUT, Kinesis source) bills each record rounded up to a multiple
    /// of this many KB.
    pub firehose_record_increment_kb: f64,
    /// Firehose's monthly ingestion tiers: the first and the second (the third is
    /// everything above).
    pub firehose_first_tier_gb: f64,
    pub firehose_second_tier_gb: f64,
    /// Managed Service for Apache Flink: KPUs added to every application for
    /// orchestration, and running application storage per KPU (GB).
    pub flink_orchestration_kpus: f64,
    pub flink_storage_gb_per_kpu: f64,
    /// Lambda's Kafka event source mapping in provisioned mode: throughput of one event
    /// poller unit (MB/s).
    pub lambda_epu_mb_per_s: f64,
}

#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct KafkaLimits {
    pub sources: List<Text>,
    pub partition_target_in_mb_per_s: f64,
    pub partition_target_out_mb_per_s: f64,
    /// MirrorMaker 2's MSK Connect capacity when the link gives none: its connectors at
    /// MSK Connect's smallest size (1 worker of 1 MCU each).
    pub mm2_default_mcus: u32,
}

#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct StandardBroker {
    pub ebs_mib_per_s: f64,
    pub nic_mib_per_s: f64,
    /// Recommended maximum partitions per broker, replicas included.
    pub partitions: u32,
    /// Whether auto-sizing may pick it.
    #[serde(default = "yes")]
    pub auto: bool,
    /// Whether the type supports tiered storage.
    #[serde(default = "yes")]
    pub tiered: bool,
    #[serde(default)]
    pub note: Option<Text>,
}

fn yes() -> bool {
    true
}

#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct MskStandardLimits {
    pub sources: List<Text>,
    pub utilisation: f64,
    pub ebs_factor: f64,
    pub nic_fixed_factor: f64,
    pub nic_per_consumer_factor: f64,
    pub storage_headroom: f64,
    pub tiered_factor_increase: f64,
    /// The shortest total retention of a topic with tiered storage, hours.
    pub tiered_min_retention_hours: f64,
    /// Local retentions auto-sizing compares with all-local storage, hours.
    pub tiered_local_candidates_hours: List<f64>,
    pub min_storage_gb_per_broker: f64,
    pub max_storage_gb_per_broker: f64,
    pub max_brokers_per_cluster: u32,
    pub zookeeper_max_brokers_per_cluster: u32,
    pub max_brokers_per_account: u32,
    pub volume_baseline_mib_per_s: f64,
    pub max_storage_throughput_mib_per_s: f64,
    /// Sizing rules v3: the fewest brokers within this share of the cheapest total win.
    pub fewer_brokers_tolerance: f64,
    pub brokers: Map<StandardBroker>,
}

impl MskStandardLimits {
    /// The EBS I/O factor: MiB/s of disk I/O per MiB/s of client ingress (6.5, plus 1.5
    /// with tiered storage on).
    pub fn storage_factor(&self, tiered: bool) -> f64 {
        self.ebs_factor
            + if tiered {
                self.tiered_factor_increase
            } else {
                0.0
            }
    }

    /// Sustainable client ingress per broker, MB/s, by the AWS sizing script's rule:
    /// `min(EBS ÷ 6.5, NIC ÷ (1.5 × consumer groups + 5.7)) × utilisation` (50 % by
    /// default), with 1.5 added to both factors when tiered storage is on.
    pub fn ingress_per_broker_mb_per_s(
        &self,
        broker: &StandardBroker,
        consumers: u32,
        tiered: bool,
        utilisation: f64,
    ) -> f64 {
        let extra = if tiered {
            self.tiered_factor_increase
        } else {
            0.0
        };
        let ebs = broker.ebs_mib_per_s / self.storage_factor(tiered);
        let nic = broker.nic_mib_per_s
            / (self.nic_per_consumer_factor * f64::from(consumers) + self.nic_fixed_factor + extra);
        ebs.min(nic) * utilisation
    }
}

#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ExpressBroker {
    pub ingress_mib_per_s: f64,
    pub egress_mib_per_s: f64,
    pub partitions: u32,
}

#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct MskExpressLimits {
    pub sources: List<Text>,
    /// Default target utilisation of the sustained throughput (sizing rules v3).
    pub utilisation: f64,
    pub azs: u32,
    pub replication_factor: u32,
    pub max_brokers_per_cluster: u32,
    pub brokers: Map<ExpressBroker>,
}

#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct MskServerlessLimits {
    pub sources: List<Text>,
    pub max_in_mb_per_s: f64,
    pub max_out_mb_per_s: f64,
    pub partition_in_mb_per_s: f64,
    pub partition_out_mb_per_s: f64,
    pub max_partitions: u32,
    pub max_record_kb: f64,
    pub max_consumer_groups: u32,
    pub max_partition_retention_gb: f64,
}

/// All limits.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    pub schema: u32,
    pub sources: Map<Source>,
    pub kinesis: KinesisLimits,
    pub kafka: KafkaLimits,
    pub network: NetworkLimits,
    pub readers: ReaderLimits,
    pub msk_standard: MskStandardLimits,
    pub msk_express: MskExpressLimits,
    pub msk_serverless: MskServerlessLimits,
    pub kafka_ec2: KafkaEc2Limits,
}

impl Limits {
    /// Parses limits from TOML (native builds and build.rs).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn parse(text: &str) -> Result<Self, String> {
        toml::from_str(text).map_err(|e| e.to_string())
    }

    /// Every `sources` list in the file, with its section name.
    pub fn source_lists(&self) -> [(&'static str, &[Text]); 8] {
        [
            ("kinesis", &self.kinesis.sources),
            ("kafka", &self.kafka.sources),
            ("network", &self.network.sources),
            ("readers", &self.readers.sources),
            ("msk_standard", &self.msk_standard.sources),
            ("msk_express", &self.msk_express.sources),
            ("msk_serverless", &self.msk_serverless.sources),
            ("kafka_ec2", &self.kafka_ec2.sources),
        ]
    }
}
