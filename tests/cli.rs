//! The `showdown` binary: table and JSON output, messages on stderr, exit codes.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

fn showdown(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_showdown"))
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn json_answers_for_every_option() {
    let (code, out, err) = showdown(&[
        "--json",
        "https://example.org/app/?rps=5000&size=2&colour=red",
    ]);
    assert_eq!(code, 0);
    assert!(err.contains("colour"), "stderr: {err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["region"], "us-east-1");
    assert!(v["prices_as_of"].as_str().unwrap().starts_with("20"));
    let ids: Vec<&str> = v["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "kinesis-on-demand",
            "kinesis-on-demand-advantage",
            "kinesis-provisioned",
            "msk-standard",
            "msk-express",
            "msk-serverless",
            "kafka-ec2",
            "firehose-direct"
        ]
    );
    let kp = &v["options"][2];
    assert_eq!(kp["capacity"]["shards"], 10);
    assert_eq!(kp["eligible"], true);
    let lines = kp["lines"].as_array().unwrap();
    let sum: f64 = lines.iter().map(|l| l["usd"].as_f64().unwrap()).sum();
    assert!((sum - kp["monthly_usd"].as_f64().unwrap()).abs() < 0.005);
    for l in lines {
        for key in ["id", "label", "quantity", "unit", "unit_usd", "usd"] {
            assert!(!l[key].is_null(), "line without {key}: {l}");
        }
    }
    assert_eq!(v["input_messages"][0]["param"], "colour");
}

#[test]
fn table_names_every_option_and_the_cheapest() {
    let (code, out, _) = showdown(&["rps=5120&size=2&consumers=3&retention=7d"]);
    assert_eq!(code, 0);
    for name in [
        "kinesis-on-demand",
        "kinesis-on-demand-advantage",
        "kinesis-provisioned",
        "msk-standard",
        "msk-express",
        "msk-serverless",
    ] {
        assert!(out.contains(name), "{out}");
    }
    assert!(out.contains("15 shards"));
    assert!(out.contains("← cheapest"));
}

#[test]
fn a_url_without_a_query_is_an_error() {
    let (code, _, err) = showdown(&["https://example.org/path=x"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn matrix_prints_the_features_and_the_recommendation() {
    let q = "rps=20000&size=1&consumers=4&retention=7d&need=migrate-on-prem-kafka,exactly-once";
    let (code, out, _) = showdown(&["--matrix", q]);
    assert_eq!(code, 0);
    assert!(out.contains("## Protocol / API"));
    assert!(out.contains("the source document said"));
    assert!(out.contains("## Recommendation"));
    let (code, out, _) = showdown(&["--matrix", "--json", q]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v["rows"].as_array().unwrap().len() >= 30);
    let top = v["recommendation"]["top"].as_str().unwrap();
    assert!(top == "msk-express" || top == "msk-standard", "{top}");
    assert_eq!(v["recommendation"]["ranking"].as_array().unwrap().len(), 8);
}

/// An older link (no `v=`): the CLI prices it as it was made (a query means the same
/// estimate in the CLI as on the page), says in the report itself (text and JSON) that it
/// is an older link and what today's defaults change, and prints the link in today's
/// format with the old assumptions written out.
#[test]
fn an_older_link_says_what_todays_defaults_change() {
    let (code, out, _) = showdown(&["rps=30720&consumers=4&retention=3d"]);
    assert_eq!(code, 0);
    assert!(out.contains("$2,663.25/month"), "{out}");
    assert!(
        out.contains(&format!(
            "v=4&prices={}&rps=30720&consumers=4&retention=3d&tiered=off&network=none&sizing=v2",
            stream_showdown::model::Catalog::embedded().edition()
        )),
        "{out}"
    );
    assert!(
        out.starts_with("Note: An older link (link format v1; today's is v4"),
        "{out}"
    );
    assert!(out.contains("network=none (today: endpoint)"), "{out}");
    assert!(
        out.contains("Kinesis Data Streams, provisioned: $2,663.25/month → $6,534.76/month"),
        "{out}"
    );
    let (_, json, _) = showdown(&["--json", "rps=30720&consumers=4&retention=3d"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["older_link"]["version"], 1);
    assert_eq!(v["older_link"]["todays_version"], 4);
    assert!(v["older_link"]["notice"]
        .as_str()
        .unwrap()
        .contains("Add v=4 to read it with today's defaults"));
    assert!(v["older_link"]["kept"]
        .as_array()
        .unwrap()
        .iter()
        .any(|k| k["param"] == "network" && k["value"] == "none" && k["today"] == "endpoint"));
    // A v3 link keeps v3's sizing rules: MSK Serverless's 31 partitions for 7,593.75 GB
    // retained (250 GiB each) are today's rule only.
    let (_, out, _) = showdown(&["v=3&rps=30720&consumers=4&retention=3d"]);
    assert!(
        out.starts_with("Note: An older link (link format v3; today's is v4")
            && out.contains("sizing=v3 (today: aws)")
            && out.contains("MSK Serverless: $24,417.68/month → $24,438.49/month"),
        "{out}"
    );
    // Today's link: no notice, in text or JSON.
    let (_, out, err) = showdown(&["v=4&rps=30720&consumers=4&retention=3d"]);
    assert!(
        !out.contains("older link") && !err.contains("older link"),
        "{out}{err}"
    );
    let (_, json, _) = showdown(&["--json", "v=4&rps=30720&consumers=4&retention=3d"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(v.get("older_link").is_none());
}

/// Where an option is not priced (Kinesis in eu-west-1), the cheapest is named as the
/// cheapest of the options priced, in the same sentence as what is not priced: in the
/// text report, the JSON (`caveat` beside `cheapest`, and in the recommendation) and the
/// Markdown a page exports (tests/export.rs).
#[test]
fn the_cheapest_is_named_among_the_options_priced() {
    let q = "v=3&region=eu-west-1&rps=20480&size=2&consumers=3&retention=3d";
    let (code, out, _) = showdown(&[q]);
    assert_eq!(code, 0);
    assert!(
        out.contains("Cheapest of the options priced in eu-west-1: MSK"),
        "{out}"
    );
    assert!(
        out.contains("; Kinesis (3 options) is not priced in eu-west-1: add its rates to compare."),
        "{out}"
    );
    assert!(out.contains("← cheapest of those priced"), "{out}");
    let (_, json, _) = showdown(&["--json", q]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        v["caveat"],
        "Kinesis (3 options) is not priced in eu-west-1: add its rates to compare"
    );
    let (_, json, _) = showdown(&["--json", "--matrix", &format!("{q}&need=exactly-once")]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        v["recommendation"]["caveat"],
        "Kinesis (3 options) is not priced in eu-west-1: add its rates to compare"
    );
    assert!(v["recommendation"]["summary"]
        .as_str()
        .unwrap()
        .contains("is the best fit of the options priced here"));
    // Every option priced: no caveat.
    let (_, json, _) = showdown(&["--json", "v=3&rps=20480&size=2&consumers=3&retention=3d"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(v["caveat"].is_null());
    let (_, out, _) = showdown(&["v=3&rps=20480&size=2&consumers=3&retention=3d"]);
    assert!(out.contains("\nCheapest: "), "{out}");
}

/// A link priced with a book older than the change log's start: the CLI says so before
/// the report and in `--json` (`older_prices`), prices it with the oldest book it can
/// rebuild, and keeps the link's `prices=`.
#[test]
fn a_link_with_older_prices_says_so() {
    let (code, out, err) = showdown(&["v=4&prices=2026-06-01&rps=2000"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("Note: This link was priced with the price book of 2026-06-01"),
        "{out}"
    );
    assert!(out.contains("cannot be rebuilt"), "{out}");
    assert!(
        out.contains("Link: ?v=4&prices=2026-06-01&rps=2000"),
        "{out}"
    );
    assert!(out.contains("price book of 2026-06-01)"), "{out}");
    let (_, json, _) = showdown(&["--json", "v=4&prices=2026-06-01&rps=2000"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["older_prices"]["price_book"], "2026-06-01");
    assert_eq!(v["price_book"], "2026-06-01");
    assert_eq!(
        v["older_prices"]["todays_price_book"],
        stream_showdown::model::Catalog::embedded().edition()
    );
    // A bad date: a message on stderr, and the link read as one that records no book.
    let (code, _, err) = showdown(&["v=4&prices=June&rps=2000"]);
    assert_eq!(code, 0);
    assert!(err.contains("prices=\"June\": not a date"), "{err}");
}
