//! Link format v1: the public contract. Names, units and defaults; the decoder never
//! fails as a whole; decode(encode(w)) == w; the decoder survives any string.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use std::collections::BTreeMap;
use stream_showdown::model::link::{
    decode, edit, encode, field_value, format_retention, parse_retention, parse_size_kb,
    percent_decode, query_part, todays_defaults, PARAMS,
};
use stream_showdown::model::matrix::Matrix;
use stream_showdown::model::prices::SECTIONS;
use stream_showdown::model::workload::{NetworkPath, SizingRules, Targets, Tiered};
use stream_showdown::model::{estimate, Catalog, Workload};

fn c() -> &'static Catalog {
    Catalog::embedded()
}

#[test]
fn defaults_are_the_contract() {
    let w = Workload::default();
    assert_eq!(w.records_per_s, 1000.0);
    assert_eq!(w.record_kb, 1.0);
    assert_eq!(w.peak_factor, 1.0);
    assert_eq!(w.consumers, 1);
    assert_eq!(w.efo_consumers, 0);
    assert_eq!(w.retention_hours, 24.0);
    assert_eq!(w.region, "us-east-1");
    assert_eq!(w.azs, 3);
    assert_eq!(w.replication_factor, 3);
    assert!(!w.rack_aware);
    assert_eq!(w.discount_pct, 0.0);
    assert_eq!(encode(&w), "");
    assert_eq!(decode("", c()).workload, w);
}

#[test]
fn parameter_names_are_the_contract() {
    assert_eq!(
        PARAMS,
        [
            "rps",
            "size",
            "peak",
            "consumers",
            "efo",
            "retention",
            "region",
            "shards",
            "broker",
            "brokers",
            "storage",
            "express",
            "express_brokers",
            "partitions",
            "azs",
            "rf",
            "rack_aware",
            "discount",
            "tiered",
            "streams",
            "aggregate",
            "compression",
            "replay",
            "network",
            "sizing",
            "target",
            "headroom",
            "ops",
            "connect",
            "dr",
            "dr_replication",
            "mm2_mcus",
            "need",
            "kinesis_compression",
            "firehose",
            "parquet",
            "lambda",
            "lambda_provisioned",
            "flink"
        ]
    );
}

#[test]
fn every_parameter_decodes_and_encodes_in_a_stable_order() {
    let q = "tiered=12h&discount=5&rack_aware=true&rf=2&azs=2&partitions=12&express_brokers=6&express=express.m7g.xlarge&storage=500&brokers=4&broker=kafka.m5.large&shards=7&region=eu-west-1&retention=36h&efo=1&consumers=3&peak=2.5&size=2&rps=5000";
    let d = decode(q, c());
    assert!(d.messages.is_empty(), "{:?}", d.messages);
    let w = &d.workload;
    assert_eq!(w.records_per_s, 5000.0);
    assert_eq!(w.record_kb, 2.0);
    assert_eq!(w.peak_factor, 2.5);
    assert_eq!(w.consumers, 3);
    assert_eq!(w.efo_consumers, 1);
    assert_eq!(w.retention_hours, 36.0);
    assert_eq!(w.region, "eu-west-1");
    assert_eq!(w.shards, Some(7));
    assert_eq!(w.broker.as_deref(), Some("kafka.m5.large"));
    assert_eq!(w.brokers, Some(4));
    assert_eq!(w.storage_gb_per_broker, Some(500.0));
    assert_eq!(w.express.as_deref(), Some("express.m7g.xlarge"));
    assert_eq!(w.express_brokers, Some(6));
    assert_eq!(w.partitions, Some(12));
    assert_eq!(w.azs, 2);
    assert_eq!(w.replication_factor, 2);
    assert!(w.rack_aware);
    assert_eq!(w.discount_pct, 5.0);
    assert_eq!(w.tiered, Tiered::Local(12.0));
    // A v1 link (no `v=`): the network path it left out keeps v1's default, and the
    // encoder writes it out so the v2 link means the same.
    assert_eq!(w.network, NetworkPath::None);
    assert_eq!(d.version, 1);
    assert_eq!(d.legacy, ["network", "sizing"]);
    assert_eq!(
        encode(w),
        dated("v=4&rps=5000&size=2&peak=2.5&consumers=3&efo=1&retention=36h&region=eu-west-1&shards=7&broker=kafka.m5.large&brokers=4&storage=500&express=express.m7g.xlarge&express_brokers=6&partitions=12&azs=2&rf=2&rack_aware=true&discount=5&tiered=12h&network=none&sizing=v2")
    );
}

/// The version marker: new links carry `v=2`; a link without it was made before it
/// existed and keeps v1's defaults for what it left out (no network path for Kinesis,
/// tiered storage off), and says so; a bare address or a sections-only link is today's.
#[test]
fn links_carry_their_version_and_old_links_keep_their_defaults() {
    // New links.
    let w = Workload {
        records_per_s: 30_720.0,
        ..Workload::default()
    };
    assert_eq!(encode(&w), dated("v=4&rps=30720"));
    assert_eq!(encode(&Workload::default()), "");
    let d = decode("v=4&rps=30720", c());
    assert_eq!(d.version, 4);
    assert!(d.legacy.is_empty());
    assert_eq!(d.workload.network, NetworkPath::Endpoint);
    assert_eq!(d.workload.tiered, Tiered::Auto);
    assert_eq!(d.workload.sizing, SizingRules::Aws);
    // An old link (v1).
    let d = decode("rps=30720&consumers=4&retention=3d", c());
    assert_eq!(d.version, 1);
    assert!(d.messages.is_empty(), "{:?}", d.messages);
    assert_eq!(d.workload.network, NetworkPath::None);
    assert_eq!(d.workload.tiered, Tiered::Off);
    assert_eq!(d.workload.sizing, SizingRules::V2);
    assert_eq!(d.legacy, ["network", "tiered", "sizing"]);
    // Re-encoded, it says so explicitly and reads back the same.
    let again = encode(&d.workload);
    assert_eq!(
        again,
        dated("v=4&rps=30720&consumers=4&retention=3d&tiered=off&network=none&sizing=v2")
    );
    assert_eq!(decode(&again, c()).workload, d.workload);
    // Today's defaults, one step.
    let today = todays_defaults(&d.workload, &d.legacy);
    assert_eq!(today.network, NetworkPath::Endpoint);
    assert_eq!(today.tiered, Tiered::Auto);
    assert_eq!(today.sizing, SizingRules::Aws);
    assert_eq!(
        encode(&today),
        dated("v=4&rps=30720&consumers=4&retention=3d")
    );
    // A v3 link: the sizing rules changed since (MSK Serverless's partitions), and
    // `compression` applies to Kinesis too, as it did (`kinesis_compression` follows it).
    let d = decode("v=3&rps=30720&compression=4", c());
    assert_eq!(d.version, 3);
    assert_eq!(d.workload.sizing, SizingRules::V3);
    assert_eq!(d.workload.kinesis_compression, 4.0);
    assert_eq!(d.legacy, ["sizing", "kinesis_compression"]);
    assert_eq!(
        encode(&d.workload),
        dated("v=4&rps=30720&compression=4&sizing=v3&kinesis_compression=4")
    );
    assert_eq!(decode(&encode(&d.workload), c()).workload, d.workload);
    let today = todays_defaults(&d.workload, &d.legacy);
    assert_eq!(
        (today.sizing, today.kinesis_compression),
        (SizingRules::Aws, 1.0)
    );
    // A v2 link: only the sizing rules changed since.
    let d = decode("v=2&rps=30720", c());
    assert_eq!((d.version, d.workload.network), (2, NetworkPath::Endpoint));
    assert_eq!(d.legacy, ["sizing"]);
    assert_eq!(encode(&d.workload), dated("v=4&rps=30720&sizing=v2"));
    // What an old link set itself stays; `tiered=auto` meant "off" in v1.
    let d = decode("rps=5&tiered=1d&retention=7d", c());
    assert_eq!(d.workload.tiered, Tiered::Local(24.0));
    assert_eq!(d.legacy, ["network", "sizing"]);
    assert_eq!(
        decode("rps=5&tiered=auto", c()).workload.tiered,
        Tiered::Off
    );
    assert_eq!(
        decode("v=2&rps=5&tiered=auto", c()).workload.tiered,
        Tiered::Auto
    );
    assert_eq!(decode("v=1&network=nat", c()).legacy, ["tiered", "sizing"]);
    // Sections only, or nothing: today's defaults.
    let d = decode("open=needs", c());
    assert_eq!((d.version, d.workload.network), (4, NetworkPath::Endpoint));
    // A newer or broken marker: a message, and the rest applies.
    let d = decode("v=5&rps=7", c());
    assert_eq!(d.version, 4);
    assert_eq!(d.workload.records_per_s, 7.0);
    assert!(d.messages[0].reason.contains("newer"), "{:?}", d.messages);
    let d = decode("v=two&rps=7", c());
    assert_eq!(d.version, 1);
    assert!(d.messages[0].reason.contains("not a link format version"));
}

#[test]
fn the_network_path_decodes_and_refuses_unknown_values() {
    for (q, n) in [
        ("v=4&network=endpoint", NetworkPath::Endpoint),
        ("v=4&network=NAT", NetworkPath::Nat),
        ("v=4&network=none", NetworkPath::None),
    ] {
        let d = decode(q, c());
        assert!(d.messages.is_empty(), "{q}: {:?}", d.messages);
        assert_eq!(d.workload.network, n, "{q}");
    }
    let d = decode("v=4&network=vpn", c());
    assert_eq!(d.workload.network, NetworkPath::Endpoint);
    assert_eq!(d.messages[0].param, "network");
    assert!(d.messages[0].reason.contains("endpoint, nat or none"));
}

#[test]
fn retention_takes_hours_or_days() {
    assert_eq!(parse_retention("36"), Ok(36.0));
    assert_eq!(parse_retention("36h"), Ok(36.0));
    assert_eq!(parse_retention("7d"), Ok(168.0));
    assert_eq!(parse_retention("1.5d"), Ok(36.0));
    assert!(parse_retention("7w").is_err());
    assert!(parse_retention("0").is_err());
    assert!(parse_retention("4000d").is_err());
    assert_eq!(format_retention(168.0), "7d");
    assert_eq!(format_retention(36.0), "36h");
    assert_eq!(format_retention(24.0), "1d");
}

#[test]
fn bad_parameters_become_messages_and_the_rest_apply() {
    let d = decode(
        "rps=abc&size=-2&region=mars-1&colour=blue&consumers=3&broker=kafka.x9.huge&azs=4&rack_aware=maybe&discount=100",
        c(),
    );
    assert_eq!(d.workload.consumers, 3);
    assert_eq!(d.workload.records_per_s, 1000.0);
    assert_eq!(d.workload.region, "us-east-1");
    let named: Vec<&str> = d.messages.iter().map(|m| m.param.as_str()).collect();
    assert_eq!(
        named,
        [
            "rps",
            "size",
            "region",
            "colour",
            "broker",
            "azs",
            "rack_aware",
            "discount"
        ]
    );
    assert!(d.messages[0].reason.contains("not a number"));
    assert!(d.messages[2].reason.contains("unknown region"));
    assert!(d.messages[3].reason.contains("newer version"));
}

#[test]
fn relations_between_parameters_are_checked() {
    let d = decode(
        "consumers=2&efo=5&brokers=4&express_brokers=4&tiered=2d",
        c(),
    );
    assert_eq!(d.workload.efo_consumers, 2);
    assert_eq!(d.workload.brokers, None);
    assert_eq!(d.workload.express_brokers, None);
    assert_eq!(d.workload.tiered, Tiered::Off); // not shorter than the 24 h retention
    assert_eq!(d.messages.len(), 4);
}

#[test]
fn hostile_inputs_are_messages_never_panics() {
    let long = "9".repeat(100 * 1024);
    let cases = [
        "rps=1e308",
        "rps=inf",
        "rps=NaN",
        "size=-1",
        "rps=",
        "rps=1&rps=2&rps=3",
        "rps=%ZZ",
        "rps=%E0%A4%A",
        "%FF=1",
        &format!("rps={long}"),
        &format!("region={long}"),
        "region=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "broker=<img src=x onerror=alert(1)>",
        "rps=١٠٠٠",
        "retention=∞d",
        "&&&===&",
        "shards=0&brokers=0&partitions=0",
        "shards=99999999999999999999",
        "discount=-0&peak=0.5",
    ];
    for q in cases {
        let d = decode(q, c());
        assert!(
            !d.messages.is_empty() || q.contains("-0"),
            "{q}: no message"
        );
        for m in &d.messages {
            assert!(
                m.value.chars().count() <= 41,
                "{q}: echoed value not shortened"
            );
        }
        let e = estimate(&d.workload, c());
        for o in &e.options {
            assert!(o.total_cents >= 0, "{q}: negative total");
        }
    }
    let d = decode("rps=1&rps=2&rps=3", c());
    assert_eq!(d.workload.records_per_s, 3.0);
}

#[test]
fn the_cli_reads_a_bare_query_or_a_whole_url() {
    assert_eq!(query_part("rps=1&size=2"), Some("rps=1&size=2"));
    assert_eq!(query_part("?rps=1"), Some("rps=1"));
    assert_eq!(
        query_part("https://example.org/stream-showdown/?rps=1#cards"),
        Some("rps=1")
    );
    assert_eq!(query_part("https://example.org/stream-showdown/"), Some(""));
    assert_eq!(percent_decode("a%20b+c"), Some("a b c".to_string()));
    assert_eq!(percent_decode("%zz"), None);
}

#[test]
fn editing_a_field_keeps_the_last_valid_workload_on_error() {
    let w = Workload::default();
    assert!(edit(&w, "rps", "abc", c()).is_err());
    assert!(edit(&w, "rps", "", c()).is_err());
    assert_eq!(edit(&w, "shards", "", c()).unwrap().shards, None);
    assert_eq!(edit(&w, "shards", "12", c()).unwrap().shards, Some(12));
    assert!(edit(&w, "efo", "2", c()).is_err()); // more than the 1 consumer
}

/// The record size field takes a number of KB or a number with a unit; the link keeps
/// `size=` as a plain number of KB (1 KB = 1,024 bytes, 1 MB = 1,024 KB: the units the
/// whole model uses, stated in the README and the footer).
#[test]
fn record_size_is_typed_with_units_and_lands_in_the_link_as_kb() {
    assert_eq!(parse_size_kb("0.2"), Ok(0.2));
    assert_eq!(parse_size_kb("200B"), Ok(200.0 / 1024.0));
    assert_eq!(parse_size_kb("200 bytes"), Ok(200.0 / 1024.0));
    assert_eq!(parse_size_kb("2KB"), Ok(2.0));
    assert_eq!(parse_size_kb("1.5KiB"), Ok(1.5));
    assert_eq!(parse_size_kb("1.5kib"), Ok(1.5));
    assert_eq!(parse_size_kb("1MB"), Ok(1024.0));
    assert_eq!(parse_size_kb(" 1 MiB "), Ok(1024.0));
    assert_eq!(parse_size_kb("1e3"), Ok(1000.0));
    for (text, why) in [
        ("", "not a number"),
        ("B", "not a number"),
        ("NaN", "not a number"),
        ("2GB", "unknown unit “GB” (use B, KB, KiB, MB or MiB)"),
        ("200Bx", "unknown unit “Bx” (use B, KB, KiB, MB or MiB)"),
        ("0", "must be more than 0"),
        ("0B", "must be more than 0"),
        ("-2KB", "must be more than 0"),
        ("1025MB", "must be at most 1,048,576 KB (1 GB)"),
        ("1e400", "not a finite number"),
        ("0.", "must be more than 0"),
        ("2..", "not a number"),
    ] {
        assert_eq!(parse_size_kb(text), Err(why.to_string()), "{text:?}");
    }
    let w = Workload::default();
    let typed = edit(&w, "size", "200B", c()).unwrap();
    assert_eq!(typed.record_kb, 0.1953125);
    assert_eq!(encode(&typed), dated("v=4&size=0.1953125"));
    assert_eq!(
        encode(&edit(&w, "size", "0.2", c()).unwrap()),
        dated("v=4&size=0.2")
    );
    // A link's size= stays a plain number: a unit in a hand-edited link is refused (with
    // its message) as before, never read another way.
    let d = decode("size=200B", c());
    assert_eq!(d.workload.record_kb, 1.0);
    assert_eq!(d.messages[0].reason, "not a number; default used");
}

/// Throughput typed as MB/s maps onto `rps` for the current record size, and the
/// MB/s field shows the throughput of any workload.
#[test]
fn throughput_in_mb_per_s_sets_records_per_second() {
    let w = Workload::default();
    // 30 MB/s of 1 KB records = 30 × 1,024 = 30,720 records/s.
    let typed = edit(&w, "mbps", "30", c()).unwrap();
    assert_eq!(typed.records_per_s, 30720.0);
    assert_eq!(encode(&typed), dated("v=4&rps=30720"));
    // 30 MB/s of 4 KB records = 7,680 records/s.
    let four = edit(&edit(&w, "size", "4", c()).unwrap(), "mbps", "30", c()).unwrap();
    assert_eq!(four.records_per_s, 7680.0);
    // The default: 1,000 records/s of 1 KB = 1,000 / 1,024 MB/s.
    assert_eq!(field_value(&w, "mbps"), "0.9765625");
    assert_eq!(field_value(&typed, "mbps"), "30");
    assert!(edit(&w, "mbps", "", c()).is_err());
    assert!(edit(&w, "mbps", "-1", c()).is_err());
    assert!(edit(&w, "mbps", "abc", c()).is_err());
    assert_eq!(
        edit(&edit(&w, "size", "1B", c()).unwrap(), "mbps", "1e7", c()),
        Err("more than 1000000000 records/s at 0.0009765625 KB a record".to_string())
    );
    // MB/s is what producers hand over, before compression, both ways: 1,000 records/s of
    // 1 KB compressed 4:1 still shows 0.9765625 MB/s, and typing 1 sets 1,024 records/s.
    let compressed = decode("compression=4", c()).workload;
    assert_eq!(field_value(&compressed, "mbps"), "0.9765625");
    assert_eq!(
        edit(&compressed, "mbps", "1", c()).unwrap().records_per_s,
        1024.0
    );
    // Not a link parameter: a link that names it is told so.
    assert!(decode("mbps=30", c()).messages[0]
        .reason
        .starts_with("unknown parameter"));
}

fn region() -> impl Strategy<Value = String> {
    prop::sample::select(c().region_codes()).prop_map(str::to_string)
}

fn opt_of<T: std::fmt::Debug + Clone + 'static>(
    s: impl Strategy<Value = T> + 'static,
) -> impl Strategy<Value = Option<T>> {
    prop::option::of(s)
}

type V3Params = (
    (bool, NetworkPath),
    SizingRules,
    Option<f64>,
    Option<f64>,
    f64,
    u32,
    Option<String>,
    BTreeMap<String, f64>,
);

/// Names of rates a link can give (`rate.<name>=`): every flat key of the price book and
/// a broker-hour rate of each kind.
fn rate_names() -> Vec<String> {
    let mut names: Vec<String> = SECTIONS
        .iter()
        .flat_map(|(s, keys)| keys.iter().map(move |k| format!("{s}.{k}")))
        .collect();
    names.push("msk_standard.broker_hour.kafka.m7g.large".into());
    names.push("msk_express.broker_hour.express.m7g.xlarge".into());
    names.push("data_transfer.inter_region_gb".into());
    names.push("data_transfer.inter_region_gb_to.eu-west-1".into());
    names
}

/// The parameters of link formats v2 and v3 (one strategy: a flat list this long
/// overflows the test thread's stack in debug builds).
fn v3_params() -> impl Strategy<Value = V3Params> {
    (
        (
            any::<bool>(),
            prop::sample::select(NetworkPath::ALL.to_vec()),
        ),
        prop::sample::select(vec![SizingRules::Aws, SizingRules::V3, SizingRules::V2]),
        opt_of(1.0f64..=100.0),
        opt_of(1.0f64..=10.0),
        prop_oneof![Just(0.0), 0.0f64..10_000.0],
        prop_oneof![Just(0u32), 0u32..100],
        opt_of(prop::sample::select(vec![
            "us-east-1".to_string(),
            "us-east-2".to_string(),
            "eu-west-1".to_string(),
        ])),
        prop::collection::btree_map(
            prop::sample::select(rate_names()),
            prop_oneof![Just(0.0), 0.0f64..1000.0],
            0..4,
        ),
    )
}

type V4Params = (
    f64,
    (u32, bool),
    (u32, bool),
    u32,
    (Option<f64>, Option<f64>, Option<f64>),
);

/// The parameters link format v4 added: Kinesis's own compression, the readers, and a
/// target per service.
fn v4_params() -> impl Strategy<Value = V4Params> {
    (
        prop_oneof![Just(1.0), 1.0f64..20.0],
        (prop_oneof![Just(0u32), 0u32..5], any::<bool>()),
        (prop_oneof![Just(0u32), 0u32..5], any::<bool>()),
        prop_oneof![Just(0u32), 0u32..64],
        (
            opt_of(1.0f64..=100.0),
            opt_of(1.0f64..=100.0),
            opt_of(1.0f64..=100.0),
        ),
    )
}

prop_compose! {
    fn workload()(
        rps in 0.0f64..1e7,
        size in 0.001f64..20_000.0,
        peak in 1.0f64..20.0,
        consumers in 0u32..30,
        efo_share in 0.0f64..1.0,
        retention in 1.0f64..87_600.0,
        region in region(),
        shards in opt_of(1u32..5000),
        broker in opt_of(prop::sample::select(c().standard_broker_names()).prop_map(str::to_string)),
        brokers3 in opt_of(1u32..20),
        storage in opt_of(1.0f64..16_384.0),
        express in opt_of(prop::sample::select(c().express_broker_names()).prop_map(str::to_string)),
        express3 in opt_of(1u32..20),
        partitions in opt_of(1u32..5000),
        azs in 2u32..=3,
        rf in 1u32..=3,
        rack_aware in any::<bool>(),
        discount in prop_oneof![Just(0.0), 0.0f64..99.0],
        tiered_share in opt_of(0.0f64..1.0),
        streams in prop_oneof![Just(1u32), 1u32..200],
        aggregate in opt_of(0.01f64..1024.0),
        compression in prop_oneof![Just(1.0), 1.0f64..20.0],
        replays in prop_oneof![Just(0.0), 0.0f64..30.0],
        v3 in v3_params(),
        v4 in v4_params(),
        mm2 in (any::<bool>(), opt_of(1u32..100)),
        prices in prop::option::of(prop::sample::select(vec!["2025-12-31", "2026-06-01", "2026-12-02"])),
        needs in prop::collection::btree_set(
            prop::sample::select(Matrix::embedded().requirement_ids()).prop_map(str::to_string),
            0..5,
        ),
    ) -> Workload {
        let ((tiered_auto, network), sizing, target, headroom, ops, connect, dr, rates) = v3;
        let (kinesis_compression, (firehose, parquet), (lambda, lambda_provisioned), flink_kpus, targets) = v4;
        let target = match (target, targets) {
            (Some(t), _) => Targets::all(t),
            (None, (k, s, e)) => Targets { kinesis: k, standard: s, express: e },
        };
        let region_copy = region.clone();
        let tiered = tiered_share
            .map(|s| (retention * s).max(1.0))
            .filter(|&h| h < retention);
        Workload {
            records_per_s: rps,
            record_kb: size,
            peak_factor: peak,
            consumers,
            efo_consumers: (f64::from(consumers) * efo_share) as u32,
            retention_hours: retention,
            region,
            shards,
            broker,
            brokers: brokers3.map(|b| b * azs),
            storage_gb_per_broker: storage,
            express,
            express_brokers: express3.map(|b| b * 3),
            partitions,
            azs,
            replication_factor: rf,
            rack_aware,
            discount_pct: discount,
            tiered: match tiered {
                Some(h) => Tiered::Local(h),
                None if tiered_auto => Tiered::Auto,
                None => Tiered::Off,
            },
            needs: needs.into_iter().collect(),
            streams,
            aggregate_kb: aggregate,
            compression,
            replays,
            network,
            sizing,
            target,
            kinesis_compression,
            firehose,
            parquet,
            lambda,
            lambda_provisioned,
            flink_kpus,
            headroom,
            ops_usd: ops,
            connect_mcus: connect,
            dr_region: dr.filter(|d| *d != region_copy),
            mm2: mm2.0,
            mm2_mcus: mm2.1,
            rates: rates.into_iter().collect(),
            prices: prices.map(str::to_string),
        }
    }
}

/// The round trip over every parameter. (The workload strategy is a deep tuple: in a
/// debug build, generating and shrinking it needs more stack than a test thread's 2 MiB,
/// so it runs on a thread of its own.)
#[test]
fn decode_of_encode_is_identity() {
    std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(|| {
            let mut runner =
                proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(400));
            runner
                .run(&workload(), |w| {
                    let d = decode(&encode(&w), c());
                    prop_assert!(d.messages.is_empty(), "{:?}", d.messages);
                    prop_assert_eq!(d.workload, w);
                    Ok(())
                })
                .unwrap();
        })
        .unwrap()
        .join()
        .unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn the_decoder_never_panics(s in ".{0,200}") {
        let d = decode(&s, c());
        let _ = estimate(&d.workload, c());
    }

    #[test]
    fn the_decoder_never_panics_on_near_miss_queries(
        pairs in prop::collection::vec((prop::sample::select(PARAMS.to_vec()), "[-0-9a-z.%+]{0,12}"), 0..8)
    ) {
        let q: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let d = decode(&q.join("&"), c());
        let _ = estimate(&d.workload, c());
    }

    /// A size typed with a unit reads as that many bytes, KB or MB, and lands in the link
    /// as the KB that the decoder reads back exactly.
    #[test]
    fn a_size_with_a_unit_reads_back_through_the_link(
        x in 1e-6f64..1e6,
        unit in prop::sample::select(vec![("B", 1.0 / 1024.0), ("KB", 1.0), ("KiB", 1.0), ("kb", 1.0), ("MB", 1024.0), ("MiB", 1024.0), ("", 1.0)]),
    ) {
        let text = format!("{}{}", stream_showdown::model::fixed::shortest(x), unit.0);
        let kb = x * unit.1;
        match parse_size_kb(&text) {
            Ok(v) => {
                prop_assert_eq!(v, kb);
                let w = edit(&Workload::default(), "size", &text, c()).unwrap();
                prop_assert_eq!(decode(&encode(&w), c()).workload.record_kb, kb);
            }
            Err(e) => prop_assert!(kb > 1_048_576.0 && e.contains("at most"), "{} {}", text, e),
        }
    }

    /// Any text in the size or MB/s field either gives a valid workload or a reason; never
    /// a panic, never a non-finite figure.
    #[test]
    fn any_text_in_a_form_only_way_of_entry_is_safe(s in ".{0,24}", name in prop::sample::select(vec!["size", "mbps"])) {
        if let Ok(w) = edit(&Workload::default(), name, &s, c()) {
            prop_assert!(w.records_per_s.is_finite() && w.record_kb.is_finite() && w.record_kb > 0.0);
            prop_assert!(decode(&encode(&w), c()).messages.is_empty());
        }
    }
}

#[test]
fn open_sections_travel_in_the_link() {
    use stream_showdown::model::encode_link;
    let d = decode("v=4&rps=5000&open=kinesis-provisioned,traffic", c());
    assert!(d.messages.is_empty(), "{:?}", d.messages);
    assert!(d.view.is_open("traffic") && d.view.is_open("kinesis-provisioned"));
    assert_eq!(
        encode_link(&d.workload, &d.view),
        dated("v=4&rps=5000&open=kinesis-provisioned,traffic")
    );
    // "Advanced" (links before the form's groups) opens the groups that hold its fields.
    let d = decode("v=4&rps=5000&open=kinesis-provisioned,advanced", c());
    assert!(d.messages.is_empty(), "{:?}", d.messages);
    for g in ["kafka", "dr", "prices", "sizing"] {
        assert!(d.view.is_open(g), "{g}");
    }
    assert!(!d.view.is_open("advanced"));
    assert_eq!(
        encode_link(&d.workload, &d.view),
        dated("v=4&rps=5000&open=dr,kafka,kinesis-provisioned,prices,sizing")
    );
    let d = decode("open=readers,charts-of-the-future", c());
    assert!(d.view.is_open("readers"));
    assert_eq!(d.messages.len(), 1);
    assert!(d.messages[0].reason.contains("charts-of-the-future"));
    let d = decode("open=network%2Cmsk-express", c());
    assert!(d.view.is_open("msk-express") && d.view.is_open("network"));
}

#[test]
fn needs_are_requirement_ids_and_unknown_ones_are_named() {
    let d = decode("v=4&need=kafka-api,exactly-once,teleportation", c());
    assert_eq!(
        d.workload
            .needs
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
        ["exactly-once", "kafka-api"]
    );
    assert_eq!(d.messages.len(), 1);
    assert!(d.messages[0].reason.contains("teleportation"));
    assert_eq!(
        encode(&d.workload),
        dated("v=4&need=exactly-once,kafka-api")
    );
}

#[test]
fn numbers_of_any_magnitude_survive_the_round_trip() {
    // The encoder writes numbers with the app's own formatting (model/fixed.rs): tiny
    // and huge values must come back exactly, in plain decimal notation.
    for query in [
        "rps=1e-30&size=1e-300",
        "rps=0.1&size=0.30000000000000004&peak=1.0000000000000002",
        "size=5e-324",
        "rps=123456.789&discount=99.99999999999999",
        "storage=1000.5&broker=kafka.m5.large&brokers=3",
    ] {
        let d = decode(query, c());
        assert!(d.messages.is_empty(), "{query}: {:?}", d.messages);
        let link = stream_showdown::model::encode_link(&d.workload, &d.view);
        let exponent = link
            .as_bytes()
            .windows(2)
            .any(|w| w[0].is_ascii_digit() && w[1] == b'e');
        assert!(!exponent, "plain decimal notation: {link}");
        let again = decode(&link, c());
        assert!(again.messages.is_empty(), "{link}: {:?}", again.messages);
        assert_eq!(again.workload, d.workload, "{query} -> {link}");
    }
}

/// The workload's shape: `streams`, `aggregate`, `compression` (added after v1's first
/// parameters; absent, they are today's workload). Each bad value is a message naming
/// the parameter; the rest of the link applies.
#[test]
fn streams_aggregate_and_compression_decode_and_refuse_bad_values() {
    let d = decode("v=4&rps=5000&streams=40&aggregate=25&compression=4", c());
    assert!(d.messages.is_empty(), "{:?}", d.messages);
    assert_eq!(d.workload.streams, 40);
    assert_eq!(d.workload.aggregate_kb, Some(25.0));
    assert_eq!(d.workload.compression, 4.0);
    assert_eq!(
        encode(&d.workload),
        dated("v=4&rps=5000&streams=40&aggregate=25&compression=4")
    );
    assert_eq!(decode("aggregate=off", c()).workload.aggregate_kb, None);
    for (q, param, reason) in [
        (
            "streams=0",
            "streams",
            "must be between 1 and 100000; default used",
        ),
        (
            "streams=2.5",
            "streams",
            "must be a whole number; default used",
        ),
        ("streams=many", "streams", "not a number; default used"),
        (
            "compression=0.5",
            "compression",
            "must be at least 1; default used",
        ),
        (
            "compression=-4",
            "compression",
            "must be at least 1; default used",
        ),
        ("compression=x", "compression", "not a number; default used"),
        (
            "aggregate=2000",
            "aggregate",
            "must be at most 1024; default used",
        ),
        (
            "aggregate=-1",
            "aggregate",
            "must be more than 0; default used",
        ),
        (
            "aggregate=0",
            "aggregate",
            "must be more than 0; default used",
        ),
        ("replay=-1", "replay", "must be at least 0; default used"),
        (
            "replay=1001",
            "replay",
            "must be at most 1000; default used",
        ),
        ("replay=often", "replay", "not a number; default used"),
    ] {
        let d = decode(&format!("rps=5000&{q}"), c());
        assert_eq!(d.workload.records_per_s, 5000.0, "{q}: the rest applies");
        assert_eq!(d.messages.len(), 1, "{q}");
        assert_eq!(d.messages[0].param, param, "{q}");
        assert_eq!(d.messages[0].reason, reason, "{q}");
        assert_eq!(
            (
                d.workload.streams,
                d.workload.aggregate_kb,
                d.workload.compression,
                d.workload.replays
            ),
            (1, None, 1.0, 0.0),
            "{q}: defaults"
        );
    }
}

/// `rate.<section>.<key>=<usd>` (issue #16): a public contract, named as the price
/// book names its rates.
#[test]
fn rates_in_the_link() {
    let q = "v=4&region=eu-west-1&rate.kinesis_provisioned.shard_hour=0.0165&rate.msk_standard.broker_hour.kafka.m7g.large=0.2&rate.data_transfer.inter_region_gb_to.us-east-1=0.02";
    let d = decode(q, c());
    assert!(d.messages.is_empty(), "{:?}", d.messages);
    assert_eq!(d.workload.rates.len(), 3);
    assert_eq!(d.workload.rates["kinesis_provisioned.shard_hour"], 0.0165);
    assert_eq!(
        d.workload.rates["msk_standard.broker_hour.kafka.m7g.large"],
        0.2
    );
    // Round trip: the encoder writes them after the other parameters, by name.
    let e = encode(&d.workload);
    assert_eq!(
        e,
        dated("v=4&region=eu-west-1&rate.data_transfer.inter_region_gb_to.us-east-1=0.02&rate.kinesis_provisioned.shard_hour=0.0165&rate.msk_standard.broker_hour.kafka.m7g.large=0.2")
    );
    assert_eq!(decode(&e, c()).workload, d.workload);

    // Each bad rate is named, and the rest apply.
    let d = decode(
        "v=4&rate.kinesis.shard_hour=1&rate.kinesis_provisioned.shard_hours=1&rate.msk_standard.broker_hour.kafka.x9.large=1&rate.msk_connect.mcu_hour=-0.1&rate.network.nat_gateway_gb=cheap&rate.msk_serverless.cluster_hour=0.5&rate.msk_replicator.replicator_hour=NaN",
        c(),
    );
    let reasons: Vec<(&str, &str)> = d
        .messages
        .iter()
        .map(|m| (m.param.as_str(), m.reason.as_str()))
        .collect();
    assert_eq!(reasons.len(), 6, "{reasons:?}");
    assert!(reasons[0]
        .1
        .starts_with("unknown price book section kinesis (known: kinesis_on_demand,"));
    assert!(reasons[1]
        .1
        .starts_with("unknown rate shard_hours in kinesis_provisioned (known: shard_hour,"));
    assert!(reasons[2]
        .1
        .starts_with("unknown rate broker_hour.kafka.x9.large in msk_standard"));
    assert_eq!(
        reasons[3],
        (
            "rate.msk_connect.mcu_hour",
            "must be at least 0; not applied"
        )
    );
    assert_eq!(
        reasons[4],
        ("rate.network.nat_gateway_gb", "not a number; not applied")
    );
    assert_eq!(
        reasons[5],
        (
            "rate.msk_replicator.replicator_hour",
            "not a finite number; not applied"
        )
    );
    assert_eq!(d.workload.rates.len(), 1);
    assert_eq!(d.workload.rates["msk_serverless.cluster_hour"], 0.5);
    // An empty rate is reported and not applied; a repeated one keeps the last.
    let d = decode("v=4&rate.msk_connect.mcu_hour=&rate.msk_connect.mcu_hour=0.1&rate.msk_connect.mcu_hour=0.2", c());
    assert_eq!(d.workload.rates["msk_connect.mcu_hour"], 0.2);
    assert_eq!(d.messages.len(), 2);
    // A link that only gives rates, without `v=`, is an older link (v1 defaults).
    assert_eq!(decode("rate.msk_connect.mcu_hour=0.1", c()).version, 1);
}

/// A rate is for the Region it was given in: a rate given for an option the Region's
/// book already prices is a negotiated rate and replaces the book's; changing the
/// Region in the form drops the rates given for the other one (they would be another
/// Region's prices), while a link is read whole, whatever the order of its parameters.
#[test]
fn rates_belong_to_their_region() {
    let d = decode(
        "v=4&rate.kinesis_provisioned.shard_hour=0.012&region=eu-west-1",
        c(),
    );
    assert_eq!(d.workload.region, "eu-west-1");
    assert_eq!(d.workload.rates.len(), 1);
    let moved = edit(&d.workload, "region", "us-east-1", c()).unwrap();
    assert!(moved.rates.is_empty());
    let same = edit(&d.workload, "region", "eu-west-1", c()).unwrap();
    assert_eq!(same.rates.len(), 1);
    // A rate's field is required while it is shown: empty is refused, not removed.
    assert!(edit(&d.workload, "rate.kinesis_provisioned.shard_hour", "", c()).is_err());
    let typed = edit(
        &d.workload,
        "rate.kinesis_provisioned.shard_hour",
        "0.0165",
        c(),
    )
    .unwrap();
    assert_eq!(typed.rates["kinesis_provisioned.shard_hour"], 0.0165);
    // us-east-1's book has the rate: the user's replaces it, marked as theirs.
    let us = decode("v=4&rate.kinesis_provisioned.shard_hour=0.012", c()).workload;
    let o = estimate(&us, c());
    let k = o
        .option(stream_showdown::model::OptionId::KinesisProvisioned)
        .unwrap();
    let shard = k.lines.iter().find(|l| l.id == "shard_hours").unwrap();
    assert_eq!(shard.unit_usd, 0.012);
    assert_eq!(shard.source, "user:kinesis_provisioned.shard_hour");
}

/// The form's throughput anchor: whichever of records/s and MB/s was typed last stays
/// when the record size changes; the other follows, shown rounded for reading, while
/// the workload (and so the link's `rps=`) keeps the exact value. Figures by hand:
/// 1 MB = 1,024 KB (the model's unit rule), so 20 MB/s of 2 KB records is
/// 20 × 1,024 ÷ 2 = 10,240 records/s; 5,000 records/s of 4 KB is 5,000 × 4 ÷ 1,024 =
/// 19.53125 MB/s.
#[test]
fn the_throughput_typed_last_is_the_one_kept_when_the_record_size_changes() {
    use stream_showdown::model::link::{edit_anchored, followed_value, linked_fields, Anchor};
    use stream_showdown::ui::state::{Action, State};
    use yew::Reducible;
    let w = Workload::default();
    assert_eq!(w.record_kb, 1.0);
    // MB/s typed, then the size: records/s follows.
    let a = Anchor::default().after_edit("mbps");
    assert_eq!(a, Anchor::Throughput);
    let w1 = edit_anchored(&w, "mbps", "20", c(), a).unwrap();
    assert_eq!(w1.records_per_s, 20_480.0);
    let w2 = edit_anchored(&w1, "size", "2", c(), a).unwrap();
    assert_eq!(w2.records_per_s, 10_240.0);
    assert_eq!(linked_fields("size", a), &["rps"]);
    // Records/s typed, then the size: MB/s follows, rounded for reading.
    let a = a.after_edit("rps");
    let w3 = edit_anchored(&w2, "rps", "5000", c(), a).unwrap();
    let w4 = edit_anchored(&w3, "size", "4", c(), a).unwrap();
    assert_eq!(w4.records_per_s, 5_000.0);
    assert_eq!(linked_fields("size", a), &["mbps"]);
    assert_eq!(w4.derived().raw_avg_write_mb_per_s, 19.53125);
    assert_eq!(followed_value(&w4, "mbps"), "19.53");
    // Small figures keep two significant digits (never "0").
    let tiny = edit_anchored(&w, "rps", "1", c(), Anchor::Records).unwrap();
    assert_eq!(followed_value(&tiny, "mbps"), "0.00098");
    // An exact records/s the size derives stays exact in the link: 20 MB/s of 3 KB.
    let w5 = edit_anchored(&w1, "size", "3", c(), Anchor::Throughput).unwrap();
    assert_eq!(w5.records_per_s, 20.0 * 1024.0 / 3.0);
    assert_eq!(followed_value(&w5, "rps"), "6826.67");
    assert!(stream_showdown::model::encode(&w5).contains("rps=6826.666666666667"));

    // The page's state: typed top to bottom (MB/s, then size), as the form is used.
    let s = std::rc::Rc::new(State::from_query("v=3", c()));
    let s = s.reduce(Action::Edit("mbps", "20".into()));
    let s = s.reduce(Action::Edit("size", String::new()));
    assert!(s.errors.contains_key("size"), "an empty size is refused");
    let s = s.reduce(Action::Edit("size", "2".into()));
    assert_eq!(s.workload.records_per_s, 10_240.0);
    assert_eq!(s.field("mbps"), "20");
    assert_eq!(s.field("rps"), "10240");
    assert_eq!(
        s.followed.as_deref(),
        Some("Records per second follows: 10,240 records/s, for 20 MB/s of 2 KB records.")
    );
    // A field that is not part of the throughput clears the note.
    let s = s.reduce(Action::Edit("retention", "3d".into()));
    assert_eq!(s.followed, None);
}

/// A link as the encoder writes it today: `v=4`, then today's price book edition
/// (`prices=`), then `rest` (which starts with `v=4&`). (Never a literal date: the
/// weekly price job's new editions must not break the tests.)
fn dated(rest: &str) -> String {
    rest.replacen("v=4&", &format!("v=4&prices={}&", c().edition()), 1)
}
