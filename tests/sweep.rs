//! Break-even sweeps: crossovers found by the model match the estimates around them.
#![cfg(not(target_arch = "wasm32"))]

use stream_showdown::model::sweep::{describe, round_for_text, sweep, Axis};
use stream_showdown::model::{decode, estimate, Catalog};

#[test]
fn throughput_sweep_has_gaps_where_an_option_is_not_eligible() {
    let c = Catalog::embedded();
    let w = decode("size=2&consumers=3&retention=7d", c).workload;
    let s = sweep(&w, Axis::Throughput, 60, c);
    assert_eq!(s.xs.len(), 60);
    assert!((s.xs[0] - 0.1).abs() < 1e-12 && (s.xs[59] - 1024.0).abs() < 1e-9);
    let serverless = s
        .series
        .iter()
        .find(|x| x.id.id() == "msk-serverless")
        .unwrap();
    assert!(serverless.cents[0].is_some());
    assert!(
        serverless.cents[59].is_none(),
        "1 GB/s is past the Serverless quota"
    );
}

#[test]
fn crossovers_are_where_the_cheapest_option_changes() {
    let c = Catalog::embedded();
    // Small records and rack-aware consumers: Kinesis's per-record PUT units and MSK's
    // lack of consumer cross-AZ traffic make MSK cheaper at high throughput.
    let w = decode("size=0.1&consumers=3&rack_aware=true", c).workload;
    let s = sweep(&w, Axis::Throughput, 80, c);
    assert!(!s.crossovers.is_empty());
    for x in &s.crossovers {
        // just below and just above the crossover, the named options are the cheapest
        let below = estimate(&Axis::Throughput.apply(&w, x.at / 1.02), c);
        let above = estimate(&Axis::Throughput.apply(&w, x.at * 1.02), c);
        let near_from = below.cheapest() == Some(x.from) || above.cheapest() == Some(x.from);
        let near_to = below.cheapest() == Some(x.to) || above.cheapest() == Some(x.to);
        assert!(near_from || near_to, "{x:?}");
    }
    let text = describe(&s);
    assert!(text.contains("is cheapest below"), "{text}");
    assert!(text.contains(s.crossovers[0].from.name()));
}

#[test]
fn retention_sweep_runs_from_a_day_to_a_year() {
    let c = Catalog::embedded();
    let w = decode("rps=5120&size=2&consumers=3", c).workload;
    let s = sweep(&w, Axis::Retention, 40, c);
    assert_eq!(s.marker, 1.0);
    assert!((s.xs[39] - 365.0).abs() < 1e-9);
    assert!(!describe(&s).is_empty());
}

#[test]
fn axis_values_read_well() {
    assert_eq!(round_for_text(1.8234), "1.8");
    assert_eq!(round_for_text(64.4), "64");
    assert_eq!(round_for_text(0.1234), "0.12");
    assert_eq!(round_for_text(1234.0), "1,200");
}

/// With link format v2's tiered=auto, MSK Standard at long retention is a cluster with
/// tiered storage, not "not eligible" (v1 links, all on EBS, run out of brokers).
#[test]
fn retention_sweep_prices_standard_with_tiered_storage_at_long_retention() {
    let c = Catalog::embedded();
    let standard = |q: &str| {
        let w = decode(q, c).workload;
        sweep(&w, Axis::Retention, 24, c)
            .series
            .into_iter()
            .find(|x| x.id.id() == "msk-standard")
            .unwrap()
    };
    let v2 = standard("v=2&rps=20480");
    assert!(v2.cents.iter().all(Option::is_some), "{:?}", v2.cents);
    let v1 = standard("rps=20480");
    assert!(
        v1.cents.last().unwrap().is_none(),
        "v1: all on EBS at the longest retention"
    );
}
