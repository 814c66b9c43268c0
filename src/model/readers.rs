//! What reads the stream, in one place every option asks: applications in the VPC
//! (`consumers=`), Amazon Data Firehose deliveries to S3 (`firehose=`), Lambda functions
//! through event source mappings (`lambda=`) and a Managed Service for Apache Flink
//! application (`flink=<KPUs>`). Each reads every record.
//!
//! The rules here decide where each reader counts:
//! - **read throughput and read calls** (shards, enhanced fan-out, broker egress,
//!   Serverless out): every reader;
//! - **the network path** (Kinesis's VPC endpoint or NAT gateway): only applications in
//!   the VPC. Firehose and Lambda's event source mappings read on the service side
//!   (Firehose: "Kinesis Data Firehose reads data from your Kinesis data stream";
//!   Lambda: "Lambda reads records from the data stream" through its own pollers); a
//!   Flink application reads through the service's network unless you configure it for
//!   a VPC;
//! - **cross-AZ traffic on MSK**: only applications that set `client.rack`
//!   (`rack_aware=`) fetch from a same-AZ follower. Lambda's Kafka event source mapping
//!   and Flink's Kafka source run where the service places them, with no AZ to match:
//!   they are priced as crossing AZs like any client that is not rack-aware. Firehose
//!   reads an MSK cluster through MSK multi-VPC private connectivity, priced per GB
//!   processed (see [`super::pipeline`]), with no cross-AZ line.
//!
//! The priced lines each reader adds are in [`super::pipeline`].

/// The readers of a workload (counts; each reads every record).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Readers {
    /// Applications in the VPC (custom code on EC2 or containers), `consumers=`.
    pub apps: u32,
    /// How many of the applications use Kinesis enhanced fan-out (`efo=`).
    pub efo: u32,
    /// Firehose deliveries to S3 (`firehose=`).
    pub firehose: u32,
    /// Lambda functions reading through event source mappings (`lambda=`).
    pub lambda: u32,
    /// KPUs of one Managed Service for Apache Flink application (`flink=`; 0 = none).
    pub flink_kpus: u32,
}

impl Readers {
    /// Flink applications (one when `flink=` gives it KPUs).
    pub fn flink_apps(self) -> u32 {
        u32::from(self.flink_kpus > 0)
    }

    /// Every reader of every record.
    pub fn all(self) -> u32 {
        self.apps
            .saturating_add(self.firehose)
            .saturating_add(self.lambda)
            .saturating_add(self.flink_apps())
    }

    /// Readers that poll Kinesis shards with shared throughput (GetRecords): every reader
    /// but the applications on enhanced fan-out.
    pub fn shared_kinesis(self) -> u32 {
        self.all().saturating_sub(self.efo.min(self.apps))
    }

    /// Readers whose reads pass the customer's VPC path to Kinesis (endpoint or NAT).
    pub fn through_vpc_path(self) -> u32 {
        self.apps
    }

    /// Readers of an MSK cluster that cross AZs (two thirds of their reads in three AZs):
    /// applications unless rack-aware, Lambda and Flink always; Firehose never (it reads
    /// through private connectivity).
    pub fn crossing_azs(self, rack_aware: bool) -> u32 {
        let apps = if rack_aware { 0 } else { self.apps };
        apps.saturating_add(self.lambda)
            .saturating_add(self.flink_apps())
    }

    /// Readers on the service side (not applications): they have lines of their own.
    pub fn services(self) -> u32 {
        self.all() - self.apps
    }
}

/// Why the workload needs a stream, if it does (Firehose Direct PUT, no stream at all,
/// is eligible only when every reader is an S3 delivery).
pub fn needs_a_stream(r: Readers, replays: f64, connect_mcus: u32, dr_pair: bool) -> Vec<String> {
    use super::units::count_of;
    let mut why = Vec::new();
    if r.firehose == 0 {
        why.push("No S3 delivery (“Firehose deliveries to S3”) to send records to: with no stream, Firehose Direct PUT is the whole pipeline.".to_string());
    }
    let mut real_time = Vec::new();
    if r.apps > 0 {
        real_time.push(count_of(r.apps, "application", "applications"));
    }
    if r.lambda > 0 {
        real_time.push(count_of(r.lambda, "Lambda function", "Lambda functions"));
    }
    if r.flink_kpus > 0 {
        real_time.push("a Flink application".to_string());
    }
    if replays > 0.0 {
        real_time.push("replays".to_string());
    }
    if connect_mcus > 0 {
        real_time.push("Kafka Connect".to_string());
    }
    if !real_time.is_empty() {
        why.push(format!(
            "Real-time readers need a stream: {} read records as they arrive.",
            real_time.join(", ")
        ));
    }
    if dr_pair {
        why.push("A DR pair replicates a stream: with no stream, S3 Replication copies the bucket (not priced here).".to_string());
    }
    why
}
