//! The workload: everything the user typed, and the figures derived from it.
//!
//! The [`Workload`] is the only state of the app; estimates, charts and
//! recommendations are computed from it on every change.

use super::readers::Readers;
use super::units::{
    gb_over_hours, mb_per_s_to_gb_per_month, KB_PER_MB, MB_PER_GB, SECONDS_PER_MONTH,
};
use crate::model::sorted::{VecMap, VecSet};

/// Retention bounds accepted by the link and the form (1 hour to 10 years).
pub const MIN_RETENTION_HOURS: f64 = 1.0;
pub const MAX_RETENTION_HOURS: f64 = 87_600.0;

/// What the user typed. Field names carry their units; `None` means "auto".
#[derive(Clone, Debug, PartialEq)]
pub struct Workload {
    /// Average records written per second (`rps`).
    pub records_per_s: f64,
    /// Average record size in KB, 1 KB = 1,024 bytes (`size`).
    pub record_kb: f64,
    /// Peak ÷ average write rate, ≥ 1 (`peak`).
    pub peak_factor: f64,
    /// Consumer applications (consumer groups) that each read every record (`consumers`).
    pub consumers: u32,
    /// How many of those consumers use Kinesis enhanced fan-out (`efo`).
    pub efo_consumers: u32,
    /// Retention in hours (`retention`: `36h`, `7d` or a bare number of hours).
    pub retention_hours: f64,
    /// AWS region code (`region`).
    pub region: String,
    /// Kinesis provisioned shard count (`shards`).
    pub shards: Option<u32>,
    /// MSK Standard broker type, e.g. `kafka.m7g.large` (`broker`).
    pub broker: Option<String>,
    /// MSK Standard broker count (`brokers`).
    pub brokers: Option<u32>,
    /// MSK Standard EBS storage per broker, GB (`storage`).
    pub storage_gb_per_broker: Option<f64>,
    /// MSK Express broker type, e.g. `express.m7g.large` (`express`).
    pub express: Option<String>,
    /// MSK Express broker count (`express_brokers`).
    pub express_brokers: Option<u32>,
    /// Kafka partitions (`partitions`).
    pub partitions: Option<u32>,
    /// Availability zones for MSK, 2 or 3 (`azs`).
    pub azs: u32,
    /// Kafka replication factor (`rf`).
    pub replication_factor: u32,
    /// Consumers fetch from a follower in their own AZ (`rack_aware`).
    pub rack_aware: bool,
    /// Private discount in percent, applied to every line (`discount`).
    pub discount_pct: f64,
    /// MSK Standard tiered storage (`tiered`): chosen by auto-sizing, off, or a local
    /// retention (hours kept on broker storage, the rest in the tiered store).
    pub tiered: Tiered,
    /// Ticked requirement ids (`need=`, comma-separated), from the comparison model.
    pub needs: VecSet<String>,
    /// Streams (Kinesis) or topics (Kafka) the workload is spread over evenly (`streams`).
    pub streams: u32,
    /// Kinesis producer aggregation: user records packed into Kinesis records of this
    /// many KB (KPL aggregation or batching; `aggregate`); `None` = one Kinesis record
    /// per user record. No cost effect on Kafka, whose producers batch natively.
    pub aggregate_kb: Option<f64>,
    /// Compression ratio of what Kafka producers send (`compression`, 4 = 4:1): they
    /// compress batches natively (zstd, lz4) and brokers store the compressed batches, so
    /// AWS bills the compressed bytes. Links of format v1–v3 applied it to Kinesis too
    /// (the decoder copies it into [`Workload::kinesis_compression`]).
    pub compression: f64,
    /// What Kinesis producers compress themselves, record by record
    /// (`kinesis_compression`, link format v4; default 1 = not compressed).
    pub kinesis_compression: f64,
    /// Amazon Data Firehose deliveries to S3, each reading every record (`firehose`).
    pub firehose: u32,
    /// The Firehose deliveries convert records to Apache Parquet (`parquet`).
    pub parquet: bool,
    /// Lambda functions reading every record through event source mappings (`lambda`).
    pub lambda: u32,
    /// The Lambda functions' Kafka event source mappings use provisioned mode, billed
    /// per event poller unit (`lambda_provisioned`); on-demand pollers have no charge.
    pub lambda_provisioned: bool,
    /// KPUs of one Managed Service for Apache Flink application reading every record
    /// (`flink`; 0 = none).
    pub flink_kpus: u32,
    /// How many times a month one consumer re-reads the whole retained data
    /// (`replay`, e.g. 1 for a monthly audit re-read; 0 = never).
    pub replays: f64,
    /// How clients in a VPC reach Kinesis (`network`).
    pub network: NetworkPath,
    /// Which sizing rules provisioned options follow (`sizing`).
    pub sizing: SizingRules,
    /// Target peak utilisation of provisioned throughput, percent (`target`): one for
    /// every provisioned option, or each service's own; unset = each service's default
    /// ([`crate::model::options::policy`]).
    pub target: Targets,
    /// Storage headroom of provisioned disks, × the data held (`headroom`); `None` = the
    /// default (AWS's sizing script: 2).
    pub headroom: Option<f64>,
    /// What the user would pay a month to avoid one level of operational load (`ops`,
    /// USD): the recommendation weighs it; 0 = operations only break cost ties.
    pub ops_usd: f64,
    /// MSK Connect capacity, in MSK Connect Units (`connect`; 0 = none).
    pub connect_mcus: u32,
    /// The Region of a passive standby (`dr`): every option priced as an active/passive
    /// pair; `None` = one Region.
    pub dr_region: Option<String>,
    /// How MSK options replicate to the standby (`dr_replication`): MSK Replicator (the
    /// default) or MirrorMaker 2 on MSK Connect. Self-managed Kafka always uses
    /// MirrorMaker 2 (MSK Replicator reads MSK clusters only).
    pub mm2: bool,
    /// MirrorMaker 2's MSK Connect capacity (`mm2_mcus`); `None` = the smallest
    /// deployment (limits.toml [kafka]).
    pub mm2_mcus: Option<u32>,
    /// Rates the user gave for the workload's Region (`rate.<section>.<key>=<usd>`), by
    /// `<section>.<key>` as `data/prices.toml` names them: a rate the price book lacks,
    /// or a negotiated one. They replace the book's and are marked "your rate".
    pub rates: VecMap<String, f64>,
    /// The price book edition the link was priced with (`prices=`, a date) when it is
    /// older than today's: the estimate uses the book as it was then (the change log
    /// takes today's back). `None`: today's book.
    pub prices: Option<String>,
}

/// Target peak utilisation per provisioned service, percent (`target=80`, or
/// `target=kinesis:80,standard:50,express:75`); `None` = the service's default.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Targets {
    /// Kinesis provisioned shards.
    pub kinesis: Option<f64>,
    /// MSK Standard brokers.
    pub standard: Option<f64>,
    /// MSK Express brokers.
    pub express: Option<f64>,
}

impl Targets {
    /// The services' link names, in the order the link writes them.
    pub const SERVICES: [&'static str; 3] = ["kinesis", "standard", "express"];

    /// One target for every provisioned service.
    pub fn all(pct: f64) -> Self {
        Self {
            kinesis: Some(pct),
            standard: Some(pct),
            express: Some(pct),
        }
    }

    /// A service's target, by its link name.
    pub fn get(&self, service: &str) -> Option<f64> {
        match service {
            "kinesis" => self.kinesis,
            "standard" => self.standard,
            "express" => self.express,
            _ => None,
        }
    }

    /// Sets a service's target by its link name (`false` for an unknown name).
    pub fn set(&mut self, service: &str, pct: Option<f64>) -> bool {
        match service {
            "kinesis" => self.kinesis = pct,
            "standard" => self.standard = pct,
            "express" => self.express = pct,
            _ => return false,
        }
        true
    }

    /// The one target every service shares, when they share one.
    pub fn shared(&self) -> Option<f64> {
        match (self.kinesis, self.standard, self.express) {
            (Some(k), Some(s), Some(e)) if k == s && s == e => Some(k),
            _ => None,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.kinesis.is_none() && self.standard.is_none() && self.express.is_none()
    }
}

/// The sizing rules of provisioned options.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SizingRules {
    /// Links of format v1 and v2 (`sizing=v2`): Express sized to its full sustained
    /// throughput, more than 60 brokers not eligible, the cheapest cluster wins,
    /// storage throughput not priced.
    V2,
    /// Links of format v3 (`sizing=v3`): each service's default target from AWS's
    /// guidance (Express 75 %), the brokers-per-cluster quota a warning, the fewest
    /// brokers within 3 % of the cheapest, provisioned storage throughput priced; MSK
    /// Serverless auto partitions sized for throughput only.
    V3,
    /// Today's (`sizing=aws`, link format v4): v3's rules, and MSK Serverless auto
    /// partitions also enough that no partition holds more than the topic's default
    /// `retention.bytes` (250 GiB), which would otherwise delete data before the
    /// retention ends.
    Aws,
}

impl SizingRules {
    pub fn id(self) -> &'static str {
        match self {
            SizingRules::V2 => "v2",
            SizingRules::V3 => "v3",
            SizingRules::Aws => "aws",
        }
    }
}

/// MSK Standard tiered storage.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Tiered {
    /// Auto-sizing compares local-only storage with tiered storage and takes the
    /// cheaper (`tiered=auto`, the default of link format v2).
    Auto,
    /// Every byte on broker storage (`tiered=off`; link format v1's default).
    Off,
    /// Tiered storage on, with this many hours kept on broker storage (`tiered=1d`).
    Local(f64),
}

impl Tiered {
    /// The local retention, when the user set one.
    pub fn local_hours(self) -> Option<f64> {
        match self {
            Tiered::Local(h) => Some(h),
            _ => None,
        }
    }
}

/// How clients in a VPC reach Kinesis's API (Kafka clients sit in the cluster's VPC).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NetworkPath {
    /// An interface VPC endpoint (AWS PrivateLink) in each AZ (`network=endpoint`, the
    /// default of link format v2).
    Endpoint,
    /// A NAT gateway in each AZ (`network=nat`).
    Nat,
    /// No VPC path priced: public clients, or AWS services such as Lambda or Firehose
    /// read the stream (`network=none`; link format v1's default).
    None,
}

impl NetworkPath {
    pub const ALL: [NetworkPath; 3] = [NetworkPath::Endpoint, NetworkPath::Nat, NetworkPath::None];

    /// The link value.
    pub fn id(self) -> &'static str {
        match self {
            NetworkPath::Endpoint => "endpoint",
            NetworkPath::Nat => "nat",
            NetworkPath::None => "none",
        }
    }

    pub fn from_id(id: &str) -> Option<NetworkPath> {
        NetworkPath::ALL.into_iter().find(|n| n.id() == id)
    }
}

impl Default for Workload {
    fn default() -> Self {
        Self {
            records_per_s: 1000.0,
            record_kb: 1.0,
            peak_factor: 1.0,
            consumers: 1,
            efo_consumers: 0,
            retention_hours: 24.0,
            region: "us-east-1".to_string(),
            shards: None,
            broker: None,
            brokers: None,
            storage_gb_per_broker: None,
            express: None,
            express_brokers: None,
            partitions: None,
            azs: 3,
            replication_factor: 3,
            rack_aware: false,
            discount_pct: 0.0,
            tiered: Tiered::Auto,
            needs: VecSet::new(),
            streams: 1,
            aggregate_kb: None,
            compression: 1.0,
            kinesis_compression: 1.0,
            firehose: 0,
            parquet: false,
            lambda: 0,
            lambda_provisioned: false,
            flink_kpus: 0,
            replays: 0.0,
            network: NetworkPath::Endpoint,
            sizing: SizingRules::Aws,
            target: Targets::default(),
            headroom: None,
            ops_usd: 0.0,
            connect_mcus: 0,
            dr_region: None,
            mm2: false,
            mm2_mcus: None,
            rates: VecMap::new(),
            prices: None,
        }
    }
}

impl Workload {
    /// The defaults of a link format version: v1 links priced Kinesis with no network
    /// path and MSK Standard without tiered storage unless the link set it; v1 and v2
    /// links sized provisioned options by sizing rules v2; v3 is today's
    /// [`Workload::default`].
    pub fn defaults_of_version(version: u32) -> Workload {
        let today = Workload::default();
        match version {
            0 | 1 => Workload {
                tiered: Tiered::Off,
                network: NetworkPath::None,
                sizing: SizingRules::V2,
                ..today
            },
            2 => Workload {
                sizing: SizingRules::V2,
                ..today
            },
            3 => Workload {
                sizing: SizingRules::V3,
                ..today
            },
            _ => today,
        }
    }
}

/// Figures derived from a workload, shared by every deployment option: the one place
/// where compression, producer aggregation and the split over streams become the
/// bytes, records and streams that AWS bills and sizes for.
#[derive(Clone, Debug, PartialEq)]
pub struct Derived {
    /// Average write throughput as billed (after compression), MB/s (record size as
    /// written, not rounded).
    pub avg_write_mb_per_s: f64,
    /// Average write throughput before compression, MB/s (what producers hand over).
    pub raw_avg_write_mb_per_s: f64,
    /// Peak write throughput, MB/s.
    pub peak_write_mb_per_s: f64,
    /// The readers of every record.
    pub readers: Readers,
    /// Readers polling with shared throughput (every reader but the applications on
    /// enhanced fan-out).
    pub shared_consumers: u32,
    /// Peak read throughput of all readers together, MB/s (replays included, spread
    /// over the month).
    pub peak_read_mb_per_s: f64,
    /// GB written in a 730-hour month.
    pub gb_in_per_month: f64,
    /// GB read in a month by all readers together (replays included).
    pub gb_out_per_month: f64,
    /// GB read in a month through the customer's VPC path: the applications' reads and
    /// the replays (service-side readers don't pass it, [`Readers`]).
    pub vpc_gb_out_per_month: f64,
    /// GB re-read in a month by replays (`replays` × the retained GB).
    pub replay_gb_per_month: f64,
    /// The read throughput of the replays, spread over the month, MB/s.
    pub replay_read_mb_per_s: f64,
    /// GB held for the retention period (one copy).
    pub gb_retained: f64,
    /// Streams (Kinesis) or topics (Kafka), at least 1.
    pub streams: u32,
    /// One user record after compression, KB (what Kafka's message-size limits see).
    pub compressed_record_kb: f64,
    /// The size of a record as Kinesis receives it, KB: after compression and, with
    /// producer aggregation, the aggregated record (never smaller than one user record).
    pub kinesis_record_kb: f64,
    /// Kinesis records per second, average and peak, all streams together.
    pub kinesis_records_per_s: f64,
    pub kinesis_peak_records_per_s: f64,
}

impl Workload {
    /// The readers of every record ([`Readers`]).
    pub fn readers(&self) -> Readers {
        Readers {
            apps: self.consumers,
            efo: self.efo_consumers,
            firehose: self.firehose,
            lambda: self.lambda,
            flink_kpus: self.flink_kpus,
        }
    }

    /// The derived figures of this workload for Kafka (MSK): bytes after Kafka producers'
    /// compression (`compression`).
    pub fn derived(&self) -> Derived {
        self.derived_with(self.compression)
    }

    /// The derived figures for one platform: Kinesis with what its producers compress
    /// (`kinesis_compression`), Kafka with `compression`.
    pub fn derived_for(&self, kinesis: bool) -> Derived {
        self.derived_with(if kinesis {
            self.kinesis_compression
        } else {
            self.compression
        })
    }

    fn derived_with(&self, compression: f64) -> Derived {
        let compression = compression.max(1.0);
        let readers = self.readers();
        let raw_avg_write = self.records_per_s * self.record_kb / KB_PER_MB;
        let avg_write = raw_avg_write / compression;
        let peak_write = avg_write * self.peak_factor;
        let gb_in = mb_per_s_to_gb_per_month(avg_write);
        let record_kb = self.record_kb / compression;
        // Aggregation packs whole user records into Kinesis records of at most the
        // aggregate size: n = floor(aggregate ÷ record) of them, each aggregate full (a
        // steady stream). With n < 2 (records larger than half the aggregate) each user
        // record is sent on its own.
        let per_aggregate = self.aggregate_kb.map_or(1.0, |a| (a / record_kb).floor());
        let (kinesis_record_kb, kinesis_records_per_s) =
            if per_aggregate >= 2.0 && per_aggregate.is_finite() {
                (
                    per_aggregate * record_kb,
                    self.records_per_s / per_aggregate,
                )
            } else {
                (record_kb, self.records_per_s)
            };
        // Replays re-read the retained data, spread over the month.
        let gb_retained = gb_over_hours(avg_write, self.retention_hours);
        let replay_gb = self.replays.max(0.0) * gb_retained;
        let replay_mb_per_s = replay_gb * MB_PER_GB / SECONDS_PER_MONTH;
        let all = f64::from(readers.all());
        Derived {
            avg_write_mb_per_s: avg_write,
            raw_avg_write_mb_per_s: raw_avg_write,
            peak_write_mb_per_s: peak_write,
            readers,
            shared_consumers: readers.shared_kinesis(),
            peak_read_mb_per_s: peak_write * all + replay_mb_per_s,
            gb_in_per_month: gb_in,
            gb_out_per_month: gb_in * all + replay_gb,
            vpc_gb_out_per_month: gb_in * f64::from(readers.through_vpc_path()) + replay_gb,
            replay_gb_per_month: replay_gb,
            replay_read_mb_per_s: replay_mb_per_s,
            gb_retained,
            streams: self.streams.max(1),
            compressed_record_kb: record_kb,
            kinesis_record_kb,
            kinesis_records_per_s,
            kinesis_peak_records_per_s: kinesis_records_per_s * self.peak_factor,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_workload_derives_about_one_mb_per_s() {
        let d = Workload::default().derived();
        assert!((d.avg_write_mb_per_s - 0.976_562_5).abs() < 1e-12);
        assert_eq!(d.shared_consumers, 1);
        // 1000 KB/s for 24 h = 86,400,000 KB = 82.397… GB
        assert!((d.gb_retained - 82.397_460_937_5).abs() < 1e-9);
    }

    #[test]
    fn efo_consumers_are_not_shared_readers() {
        let w = Workload {
            consumers: 3,
            efo_consumers: 2,
            ..Workload::default()
        };
        assert_eq!(w.derived().shared_consumers, 1);
    }
}
