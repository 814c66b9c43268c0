//! Exports: the JSON parses and equals the estimate; the CSV has every line; the
//! Markdown names every option.
#![cfg(not(target_arch = "wasm32"))]

use stream_showdown::model::export::{estimate_csv, estimate_json, estimate_markdown, json_str};
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
    let csv = estimate_csv(&e, &link);
    let rows: Vec<&str> = csv.lines().collect();
    let lines: usize = e.options.iter().map(|o| o.all_lines().count()).sum();
    assert_eq!(rows.len(), 1 + lines + e.options.len());
    assert!(rows[1].starts_with("?rps=5120&size=2&consumers=3&retention=7d&discount=10,us-east-1,"));
    assert!(csv.contains(
        "kinesis-provisioned,\"Kinesis Data Streams, provisioned\",priced,total,Monthly total,,,,"
    ));
}

#[test]
fn markdown_names_every_option() {
    let (e, _, _) = setup("rps=5120&size=2");
    let md = estimate_markdown(&e, "https://example.org/?rps=5120&size=2", Some("Pick X."));
    for o in &e.options {
        assert!(md.contains(o.id.name()));
    }
    assert!(md.contains("| Option | Capacity | Monthly cost | Status |"));
    assert!(md.contains("Pick X."));
}
