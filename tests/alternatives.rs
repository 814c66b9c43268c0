//! What teams weigh the managed services against (issue #27): self-managed Apache Kafka
//! on EC2. Every expected figure is worked by hand from AWS's published rates, named in
//! the comments:
//! - EC2 On-Demand, Linux: AWS's EC2 pricing-page data files (yeo/ec2.shop
//!   data/ec2/<region>-ondemand.json, publication 2025-04-04): m7g.large $0.0816/h in
//!   us-east-1, $0.091/h in eu-west-1;
//! - gp3: AWS's EBS pricing-page data file (yeo/ec2.shop data/ebs/ebs.json,
//!   2024-07-18): $0.08 per GB-month in us-east-1, $0.088 in eu-west-1; 3,000 IOPS and
//!   125 MiB/s included;
//! - data transfer across AZs: $0.01/GB in each direction (EC2 On-Demand pricing, "Data
//!   Transfer within the same AWS Region").
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{line, opt, run};
use proptest::prelude::*;
use stream_showdown::model::estimate::{estimate, OptionId, Status};
use stream_showdown::model::options::kafka_ec2::cross_az_followers;
use stream_showdown::model::{Catalog, Workload};

/// 1,000 records/s of 1 KB, one consumer, 24 h, us-east-1 (defaults: RF 3 over 3 AZs).
/// 0.9766 MiB/s × 2,628,000 s ÷ 1,024 = 2,506.26 GB in a month; 82.40 GB retained.
/// Brokers: 3 (one per AZ, at least RF; throughput needs fewer), m7g.large the cheapest
/// type; EBS per broker 82.40 × RF 3 × 2 headroom ÷ 3 = 164.8 → 165 GB.
/// - brokers: 3 × 730 h × $0.0816 = $178.704 → $178.70
/// - KRaft controllers: 3 × m7g.large, the same $178.70
/// - gp3: 3 × 165 + 3 × 64 = 687 GB × $0.08 = $54.96
/// - replication: 2 followers in other AZs × 2,506.26 GB = 5,012.51 GB × $0.02 = $100.25
/// - producers across AZs: ⅔ × 2,506.26 = 1,670.84 GB × $0.02 = $33.42
/// - the consumer across AZs (not rack-aware): the same $33.42
///
/// Total $579.45. MSK Standard for the same workload: $563.10 (MSK waives replication).
#[test]
fn self_managed_kafka_is_priced_by_hand() {
    let e = run("v=4&rps=1000&size=1");
    let o = opt(&e, OptionId::KafkaEc2);
    assert_eq!(o.status, Status::Priced);
    assert_eq!(o.capacity.brokers, Some(3));
    assert_eq!(o.capacity.broker_type.as_deref(), Some("m7g.large"));
    assert_eq!(o.capacity.storage_gb_per_broker, Some(165.0));
    let cents = |id: &str| line(o, id).usd_cents;
    assert_eq!(cents("broker_hours"), 17870);
    assert_eq!(cents("controller_hours"), 17870);
    assert_eq!(cents("storage"), 5496);
    assert_eq!(line(o, "storage").quantity, 687.0);
    assert_eq!(cents("cross_az_replication"), 10025);
    assert_eq!(cents("cross_az_producers"), 3342);
    assert_eq!(cents("cross_az_consumers"), 3342);
    assert_eq!(o.total_cents, 57945);
    assert_eq!(opt(&e, OptionId::MskStandard).total_cents, 56310);
    let said = o.warnings.join("\n");
    assert!(
        said.contains("Not included: the engineers who run it"),
        "{said}"
    );
}

/// The same workload in eu-west-1 (Kinesis has no rates there; self-managed Kafka does):
/// brokers and controllers 2 × 2,190 h × $0.091 = 2 × $199.29; gp3 687 GB × $0.088 =
/// $60.456 → $60.46; replication $100.25 and clients 2 × $33.42 as above. $626.13.
#[test]
fn self_managed_kafka_in_the_eu_uses_eu_rates() {
    let e = run("v=4&rps=1000&size=1&region=eu-west-1");
    let o = opt(&e, OptionId::KafkaEc2);
    assert_eq!(line(o, "broker_hours").usd_cents, 19929);
    assert_eq!(line(o, "controller_hours").usd_cents, 19929);
    assert_eq!(line(o, "storage").usd_cents, 6046);
    assert_eq!(o.total_cents, 62613);
}

/// Every Region the price book covers prices self-managed Kafka.
#[test]
fn self_managed_kafka_is_priced_in_every_region_of_the_book() {
    let c = Catalog::embedded();
    for region in c.region_codes() {
        let e = run(&format!("v=4&rps=1000&size=1&region={region}"));
        let o = opt(&e, OptionId::KafkaEc2);
        assert_eq!(o.status, Status::Priced, "{region}: {:?}", o.reasons);
    }
}

/// Rack-aware consumers skip the consumers' cross-AZ line, as on MSK; replication
/// between brokers stays (brokers always copy to followers in other AZs).
#[test]
fn rack_aware_consumers_do_not_remove_replication() {
    let e = run("v=4&rps=1000&size=1&rack_aware=true");
    let o = opt(&e, OptionId::KafkaEc2);
    assert!(!o.lines.iter().any(|l| l.id == "cross_az_consumers"));
    assert_eq!(line(o, "cross_az_replication").usd_cents, 10025);
    assert_eq!(o.total_cents, 57945 - 3342);
}

/// Followers in other AZs: RF − 1 when the AZs are at least RF; with RF 3 over 2 AZs
/// the replicas sit 2 + 1: a leader in the AZ of two (⅔ of partitions) has 1 follower
/// across, a leader alone (⅓) has 2: 4/3 on average. One AZ: none.
#[test]
fn followers_across_azs_by_hand() {
    assert_eq!(cross_az_followers(3, 3), 2.0);
    assert_eq!(cross_az_followers(2, 3), 1.0);
    assert!((cross_az_followers(3, 2) - 4.0 / 3.0).abs() < 1e-12);
    assert_eq!(cross_az_followers(3, 1), 0.0);
    assert_eq!(cross_az_followers(1, 3), 0.0);
}

/// Firehose reads no self-managed Kafka: the card says so, and prices no Firehose line.
#[test]
fn firehose_is_not_a_source_for_self_managed_kafka() {
    let e = run("v=4&rps=1000&size=1&firehose=1");
    let o = opt(&e, OptionId::KafkaEc2);
    assert!(!o.lines.iter().any(|l| l.id.starts_with("firehose")));
    assert!(o
        .warnings
        .iter()
        .any(|w| w
            .contains("Firehose reads Kinesis streams and MSK clusters, not self-managed Kafka")));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The replication line is (RF − 1) × GB written × $0.02 whenever the brokers span
    /// at least RF AZs (us-east-1's $0.01 each way).
    #[test]
    fn replication_line_is_rf_minus_one_times_gb_written(
        rps in 1.0f64..100_000.0,
        size in 0.1f64..50.0,
        rf in 2u32..=3,
    ) {
        let c = Catalog::embedded();
        let w = Workload {
            records_per_s: rps,
            record_kb: size,
            replication_factor: rf,
            azs: 3,
            ..Workload::default()
        };
        let e = estimate(&w, c);
        let o = e.option(OptionId::KafkaEc2).unwrap();
        prop_assume!(o.status == Status::Priced);
        let l = o.lines.iter().find(|l| l.id == "cross_az_replication").unwrap();
        let gb = e.derived.gb_in_per_month * f64::from(rf - 1);
        prop_assert!((l.quantity - gb).abs() < 1e-6 * gb.max(1.0));
        prop_assert_eq!(l.unit_usd, 0.02);
        prop_assert_eq!(l.usd_cents, (gb * 0.02 * 100.0).round() as i64);
    }
}
