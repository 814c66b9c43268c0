//! Exports: the JSON parses and equals the estimate; the CSV has every line; the
//! Markdown names every option.
#![cfg(not(target_arch = "wasm32"))]

use stream_showdown::model::export::{estimate_csv, estimate_json, estimate_markdown, json_str};
use stream_showdown::model::report::{ASSUMPTIONS, NOT_INCLUDED};
use stream_showdown::model::{decode, encode, estimate, Catalog};

fn setup(
    q: &str,
) -> (
    stream_showdown::model::Estimate,
    String,
    Vec<stream_showdown::model::InputMessage>,
) {
    let c = Catalog::embedded();
    let d = decode(q, c);
    (estimate(&d.workload, c), encode(&d.workload), d.messages)
}

#[test]
fn json_is_valid_and_carries_every_line() {
    for q in [
        "",
        "rps=20000&size=4.5&peak=2&consumers=4&efo=2&retention=30d&discount=12.5",
        "region=sa-east-1&colour=\"blue\"",
        "retention=400d",
    ] {
        let (e, link, messages) = setup(q);
        let v: serde_json::Value =
            serde_json::from_str(&estimate_json(&e, &messages, &link)).expect("valid JSON");
        for (o, j) in e.options.iter().zip(v["options"].as_array().unwrap()) {
            assert_eq!(j["id"], o.id.id());
            let lines = j["lines"].as_array().unwrap();
            assert_eq!(lines.len(), o.all_lines().count());
            for (l, jl) in o.all_lines().zip(lines) {
                assert_eq!(jl["id"], l.id);
                assert_eq!(
                    (jl["usd"].as_f64().unwrap() * 100.0).round() as i64,
                    l.usd_cents
                );
            }
        }
        assert_eq!(
            v["input_messages"].as_array().unwrap().len(),
            messages.len()
        );
    }
    assert_eq!(json_str("a\"b\\c\n\u{1}"), "\"a\\\"b\\\\c\\n\\u0001\"");
}

#[test]
fn csv_has_a_row_per_line_and_a_total_per_priced_option() {
    let (e, link, _) = setup("rps=5120&size=2&consumers=3&retention=7d&discount=10");
    let url = format!("https://example.org/stream-showdown/?{link}");
    let csv = estimate_csv(&e, &url);
    let rows: Vec<&str> = csv.lines().collect();
    let lines: usize = e.options.iter().map(|o| o.all_lines().count()).sum();
    // Each option's warnings and reasons, and its sizing policy where it has one.
    let notes: usize = e
        .options
        .iter()
        .map(|o| o.warnings.len() + o.reasons.len() + usize::from(o.capacity.sizing.is_some()))
        .sum();
    // Per priced option: its monthly total, annual total, zero-traffic part and cost
    // per GB written; then the assumptions, what is included and what is not.
    let priced = e
        .options
        .iter()
        .filter(|o| o.status != stream_showdown::model::Status::NotPriced)
        .count();
    assert_eq!(
        rows.len(),
        1 + lines + 4 * priced + notes + ASSUMPTIONS.len() + 1 + NOT_INCLUDED.len()
    );
    assert!(csv.contains(",not-included,taxes,"));
    // Every row carries the absolute link: it means something in a spreadsheet.
    assert!(rows[1..].iter().all(|r| r.starts_with(
        "https://example.org/stream-showdown/?v=4&rps=5120&size=2&consumers=3&retention=7d&discount=10&tiered=off&network=none&sizing=v2,us-east-1,"
    )));
    assert!(csv.contains(
        "kinesis-provisioned,\"Kinesis Data Streams, provisioned\",priced,total,Monthly total,,,,"
    ));
}

/// What the numbers depend on travels with them: each option's warnings, the units and
/// sizing rules, the prices date and the absolute link, in the CSV and the Markdown.
#[test]
fn exports_carry_warnings_assumptions_and_the_link() {
    // 7 days of retention at 100 MB/s: options warn (tiered storage, quotas...).
    let (e, link, _) = setup("rps=102400&size=1&consumers=3&retention=7d");
    let warned: Vec<_> = e
        .options
        .iter()
        .filter(|o| !o.warnings.is_empty())
        .collect();
    assert!(!warned.is_empty(), "the case must have warnings to test");
    let url = format!("https://example.org/?{link}");
    let csv = estimate_csv(&e, &url);
    let md = estimate_markdown(&e, &url, None, "2026-12-02");
    for o in &warned {
        for w in &o.warnings {
            assert!(md.contains(&format!("- {}: {w}", o.id.name())), "{w}");
            assert!(
                csv.lines()
                    .any(|r| r.contains(",warning,") && r.contains(w.split(',').next().unwrap())),
                "{w}"
            );
        }
    }
    for a in ASSUMPTIONS {
        assert!(md.contains(&format!("- {a}")));
        assert!(csv
            .lines()
            .any(|r| r.contains(",assumption,") && r.contains(a.split(',').next().unwrap())));
    }
    assert!(md.contains(&format!("AWS list prices as of {}", e.prices_as_of)));
    assert!(md.contains(&format!("[Open this estimate]({url})")));
}

#[test]
fn markdown_names_every_option() {
    let (e, _, _) = setup("rps=5120&size=2");
    let md = estimate_markdown(
        &e,
        "https://example.org/?rps=5120&size=2",
        Some("Pick X."),
        "2026-12-02",
    );
    for o in &e.options {
        assert!(md.contains(o.id.name()));
    }
    assert!(md.contains("| Option | Capacity | Monthly cost | Annual | Per GB in | Status |"));
    assert!(md.contains("Not included:\n- MSK public access and other private connectivity"));
    assert!(md.contains("Pick X."));
}

/// AWS's usage types travel with each line where AWS's price file gives them (every MSK
/// rate: AWS's MSK pricing data), so an estimate reconciles with a bill; the CSV stays
/// rectangular.
#[test]
fn exports_carry_aws_usage_types() {
    let (e, link, _) = setup("v=3&rps=5120&retention=7d&tiered=off");
    let csv = estimate_csv(&e, &format!("https://example.org/?{link}"));
    assert!(
        csv.contains(",broker_hours,") && csv.contains("USE1-Kafka.m7g.large"),
        "{csv}"
    );
    assert!(csv.contains("USE1-Kafka.Storage.GP2"));
    let width = csv.lines().next().unwrap().split(',').count();
    assert_eq!(width, 13);
    let json = stream_showdown::model::export::estimate_json(&e, &[], &link);
    assert!(json.contains("\"usage_type\":\"USE1-Express.In-Bytes\""));
}

/// The exports say what the screen says: each card's sizing policy (text, JSON, CSV,
/// Markdown), the price-date warning when the prices are older than six months (as the
/// page's header says it), and the caveat when an option is not priced.
#[test]
fn exports_say_what_the_screen_says() {
    let (e, link, _) = setup("v=3&rps=5120&size=2&consumers=3&retention=7d");
    let policy = e
        .option(stream_showdown::model::OptionId::MskStandard)
        .and_then(|o| o.capacity.sizing.clone())
        .expect("MSK Standard states its sizing policy");
    let url = format!("https://example.org/?{link}");
    let md = estimate_markdown(&e, &url, None, "2026-12-02");
    assert!(
        md.contains(&format!("- MSK provisioned, Standard brokers: {policy}")),
        "{md}"
    );
    let csv = estimate_csv(&e, &url);
    assert!(csv
        .lines()
        .any(|r| r.contains(",msk-standard,") && r.contains(",sizing,")));
    let json: serde_json::Value = serde_json::from_str(&estimate_json(&e, &[], &link)).unwrap();
    let standard = json["options"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] == "msk-standard")
        .unwrap();
    assert_eq!(standard["capacity"]["sizing"], policy.as_str());
    let text = stream_showdown::model::report::text_report(&e, &[], &link);
    assert!(text.contains(&format!("  sizing: {policy}")), "{text}");
    // The price date: older than six months on 2026-12-02 (the book is of 2025), not on
    // the book's own date.
    assert!(
        md.contains("> The prices are older than six months"),
        "{md}"
    );
    let fresh = estimate_markdown(&e, &url, None, &e.prices_as_of);
    assert!(!fresh.contains("older than six months"));
    // Every option priced here: "Cheapest", no caveat.
    assert!(md.contains("Cheapest: **"), "{md}");
    // eu-west-1: Kinesis is not priced; the Markdown says so in the same sentence.
    let (e, link, _) = setup("v=3&region=eu-west-1&rps=5120&size=2&consumers=3&retention=7d");
    let md = estimate_markdown(
        &e,
        &format!("https://example.org/?{link}"),
        None,
        "2026-12-02",
    );
    assert!(
        md.contains("Cheapest of the options priced in eu-west-1: **MSK"),
        "{md}"
    );
    assert!(
        md.contains("; Kinesis (3 options) is not priced in eu-west-1: add its rates to compare."),
        "{md}"
    );
    assert!(md.contains("| cheapest of those priced |"), "{md}");
}
