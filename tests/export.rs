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
    // Per priced option: its monthly total, steady year, year one, zero-traffic part and
    // cost per GB written; then the assumptions, what is included and what is not.
    let priced = e
        .options
        .iter()
        .filter(|o| o.status != stream_showdown::model::Status::NotPriced)
        .count();
    assert_eq!(
        rows.len(),
        1 + lines + 5 * priced + notes + ASSUMPTIONS.len() + 1 + NOT_INCLUDED.len()
    );
    assert!(csv.contains(",not-included,,taxes,"));
    // Every row carries the absolute link: it means something in a spreadsheet.
    let link = format!(
        "https://example.org/stream-showdown/?v=4&prices={}&rps=5120&size=2&consumers=3&retention=7d&discount=10&tiered=off&network=none&sizing=v2,us-east-1,",
        Catalog::embedded().edition()
    );
    assert!(
        rows[1..].iter().all(|r| r.starts_with(&link)),
        "{}",
        rows[1]
    );
    assert!(csv.contains(
        "kinesis-provisioned,\"Kinesis Data Streams, provisioned\",priced,total,,Monthly total,,,,"
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
    assert!(md.contains(
        "| Option | Capacity | Monthly cost | Annual | Year one | With no traffic | Per GB in | Status |"
    ));
    // Each option's line items, the table a design doc quotes.
    for o in e.options.iter().filter(|o| !o.lines.is_empty()) {
        assert!(md.contains(&format!("{} — line items", o.id.name())));
        for l in o.all_lines() {
            assert!(md.contains(&format!("| {} |", l.label)), "{}", l.label);
        }
    }
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
    assert_eq!(width, 14);
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

/// A pivot table can't misread the CSV: for every option, the `usd` of its `line` and
/// `discount` rows add up to its `total` row; every row says what it is.
#[test]
fn csv_rows_say_what_they_are_and_lines_add_up_to_the_total() {
    for q in [
        "v=4&rps=20000&size=4.5&peak=2&consumers=4&efo=2&retention=30d&discount=12.5",
        "v=4&rps=10240&size=2&consumers=3&retention=7d&dr=us-west-2&firehose=1&flink=2",
        "v=4&region=eu-west-1&rps=5120&retention=365d&discount=3",
    ] {
        let (e, link, _) = setup(q);
        let csv = estimate_csv(&e, &format!("https://example.org/?{link}"));
        let mut lines = csv.lines();
        let header: Vec<&str> = lines.next().unwrap().split(',').collect();
        let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
        let (id, kind, usd) = (col("option_id"), col("row_type"), col("usd"));
        let mut sums = std::collections::BTreeMap::<String, i64>::new();
        let mut totals = std::collections::BTreeMap::<String, i64>::new();
        let known = [
            "line",
            "discount",
            "total",
            "annual",
            "year_one",
            "fixed",
            "per_gb_in",
            "sizing",
            "warning",
            "reason",
            "assumption",
            "included",
            "not-included",
        ];
        for row in lines {
            // (A quoted field may hold commas: split the CSV properly.)
            let fields = split_csv(row);
            assert_eq!(fields.len(), header.len(), "{row}");
            assert!(known.contains(&fields[kind].as_str()), "{row}");
            let cents = || (fields[usd].parse::<f64>().unwrap() * 100.0).round() as i64;
            match fields[kind].as_str() {
                "line" | "discount" => *sums.entry(fields[id].clone()).or_default() += cents(),
                "total" => {
                    totals.insert(fields[id].clone(), cents());
                }
                _ => {}
            }
        }
        assert!(!totals.is_empty());
        for (o, t) in &totals {
            assert_eq!(sums.get(o).copied().unwrap_or(0), *t, "{q}: {o}");
        }
    }
}

fn split_csv(row: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    let mut chars = row.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                out.last_mut().unwrap().push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => out.push(String::new()),
            (c, _) => out.last_mut().unwrap().push(c),
        }
    }
    out
}

/// Year one beside a steady year. With 365 days of retention, data held grows from zero:
/// a line billed on the data aged 0 to 8,760 hours costs, over the first year,
/// ∫₀⁸⁷⁶⁰ t ÷ 8,760 dt = 4,380 hours' worth, 6 months of its steady amount (not 12);
/// a line on the data aged 168 to 8,760 hours (Kinesis long-term retention, beyond
/// 7 days), ∫ (t − 168) ÷ 8,592 dt = 8,592 ÷ 2 = 4,296 hours, 5.8849 months. Lines
/// billed by the hour stay at 12 months.
#[test]
fn year_one_grows_the_data_held_from_zero() {
    use stream_showdown::model::report::finops;
    use stream_showdown::model::OptionId;
    let (e, _, _) = setup("v=4&rps=1000&size=1&retention=365d");
    let serverless = e.option(OptionId::MskServerless).unwrap();
    let storage = serverless.lines.iter().find(|l| l.id == "storage").unwrap();
    assert_eq!(storage.year_one_months(), 6.0);
    let f = finops(serverless, e.derived.gb_in_per_month);
    let others: i64 = serverless
        .lines
        .iter()
        .filter(|l| l.id != "storage")
        .map(|l| 12 * l.usd_cents)
        .sum();
    assert_eq!(f.year_one_cents, others + 6 * storage.usd_cents);
    assert_eq!(f.annual_cents, others + 12 * storage.usd_cents);
    let provisioned = e.option(OptionId::KinesisProvisioned).unwrap();
    let long_term = provisioned
        .lines
        .iter()
        .find(|l| l.id == "long_term_retention")
        .unwrap();
    assert!((long_term.year_one_months() - 4296.0 / 730.0).abs() < 1e-12);
    // Shard-hours and extended retention per shard-hour: billed whole from the start.
    for l in provisioned
        .lines
        .iter()
        .filter(|l| l.id != "long_term_retention")
    {
        assert_eq!(l.year_one_months(), 12.0, "{}", l.id);
    }
    // One day of retention: the data held is full within the first month's first day,
    // year one within a cent or so of the steady year.
    let (e, _, _) = setup("v=4&rps=1000&size=1&retention=1d");
    let o = e.option(OptionId::MskServerless).unwrap();
    let f = finops(o, e.derived.gb_in_per_month);
    let storage = o.lines.iter().find(|l| l.id == "storage").unwrap();
    // ∫₀⁸⁷⁶⁰ min(t ÷ 24, 1) dt = 8,760 − 12 hours: 12 months less 12 ÷ 730.
    assert!((storage.year_one_months() - (12.0 - 12.0 / 730.0)).abs() < 1e-12);
    assert!(f.annual_cents - f.year_one_cents <= storage.usd_cents);
}
