//! The `showdown` command-line tool (native only): decode, estimate, print.

use crate::model::link::query_part;
use crate::model::matrix::Matrix;
use crate::model::recommend::{recommend, Recommendation};
use crate::model::report::{matrix_report, text_report};
use crate::model::{decode, encode, estimate, Catalog, InputMessage};
use serde_json::{json, Value};

const USAGE: &str =
    "usage: showdown [--json | --csv] [--matrix | --crossovers] '<query or share URL>'\n  --csv         the CSV the page downloads (given the page's URL, the same link column)\n  --matrix      the feature matrix and the recommendation for the link's need= list\n  --crossovers  where the cheapest option changes along throughput and retention";

/// Runs the CLI with the process arguments.
pub fn main() {
    let mut json_out = false;
    let mut csv_out = false;
    let mut matrix_out = false;
    let mut crossovers_out = false;
    let mut input: Option<String> = None;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--json" => json_out = true,
            "--csv" => csv_out = true,
            "--matrix" => matrix_out = true,
            "--crossovers" => crossovers_out = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return;
            }
            _ if input.is_none() => input = Some(arg),
            _ => {
                eprintln!("{USAGE}");
                std::process::exit(2);
            }
        }
    }
    let input = input.unwrap_or_default();
    let Some(query) = query_part(&input) else {
        eprintln!("showdown: {input:?} is a URL without a query; {USAGE}");
        std::process::exit(2);
    };
    let catalog = Catalog::embedded();
    let decoded = decode(query, catalog);
    for m in &decoded.messages {
        eprintln!("showdown: ignored {m}");
    }
    // A query without today's version marker is read as the page reads it: as a link
    // made with that earlier version, with that version's defaults (a link means the
    // same estimate everywhere). The report itself says so, in text and in JSON.
    let older = older_link_notice(&decoded, catalog);
    let prices = older_prices_notice(&decoded, catalog);
    let e = estimate(&decoded.workload, catalog);
    let link = encode(&decoded.workload);
    if crossovers_out {
        // The break-even charts' sentences, as the page writes them under each chart.
        use crate::model::sweep::{describe, sweep, Axis, CHART_POINTS};
        for axis in [Axis::Throughput, Axis::Retention] {
            let s = sweep(&decoded.workload, axis, CHART_POINTS, catalog);
            println!("{}: {}", axis.id(), describe(&s));
        }
        return;
    }
    // The link the exports carry: the page's absolute link when given its URL (the part
    // before `?`, then the workload's query, as the page writes it), else the query.
    let link_url = match input.split_once('?') {
        Some((base, _)) if base.contains("://") => format!("{base}?{link}"),
        _ => format!("?{link}"),
    };
    if csv_out {
        print!("{}", crate::model::export::estimate_csv(&e, &link_url));
        return;
    }
    let matrix = Matrix::embedded();
    let needs = &decoded.workload.needs;
    match (json_out, matrix_out) {
        (true, false) => {
            // The same JSON as the page's "Download JSON", pretty-printed.
            let text = crate::model::export::estimate_json(&e, &decoded.messages, &link_url);
            let mut v: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
            if let (Some(o), Some(map)) = (&older, v.as_object_mut()) {
                map.insert("older_link".to_string(), o.json.clone());
            }
            if let (Some(o), Some(map)) = (&prices, v.as_object_mut()) {
                map.insert("older_prices".to_string(), o.json.clone());
            }
            println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
        }
        (false, false) => {
            if let Some(o) = &older {
                println!("{}\n", o.text);
            }
            if let Some(o) = &prices {
                println!("{}\n", o.text);
            }
            print!("{}", text_report(&e, &decoded.messages, &link));
        }
        (true, true) => {
            let rec = recommend(&e, needs, matrix);
            let v = matrix_json(matrix, needs, &rec, &decoded.messages);
            println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
        }
        (false, true) => {
            let rec = recommend(&e, needs, matrix);
            print!("{}", matrix_report(matrix, &e, needs, &rec));
        }
    }
}

/// What the report says of a link made with an earlier version of the link format.
pub struct OlderLink {
    /// Sentences for the text report.
    pub text: String,
    /// `{"version", "todays_version", "kept": [{"param", "value", "today"}],
    /// "changes_with_todays_defaults": [{"option", "then", "today"}], "notice"}`.
    pub json: Value,
}

/// The notice for a link of an earlier version (`None` for today's links).
pub fn older_link_notice(decoded: &crate::model::Decoded, catalog: &Catalog) -> Option<OlderLink> {
    let n = crate::model::report::legacy_notice(&decoded.workload, &decoded.legacy, catalog)?;
    let today = crate::model::link::LINK_VERSION;
    let params: Vec<String> = n
        .params
        .iter()
        .map(|(p, then, now)| format!("{p}={then} (today: {now})"))
        .collect();
    let notice = format!(
        "An older link (link format v{}; today's is v{today}, and a query without v= is read as v1): it keeps the assumptions it was made with, {}. Add v={today} to read it with today's defaults.",
        decoded.version,
        params.join(", ")
    );
    let mut text = format!("Note: {notice}");
    for (name, then, now) in &n.changes {
        text.push_str(&format!(
            "\n  with today's defaults, {name}: {then} → {now}"
        ));
    }
    let json = json!({
        "version": decoded.version,
        "todays_version": today,
        "notice": notice,
        "kept": n.params.iter().map(|(p, then, now)| json!({"param": p, "value": then, "today": now})).collect::<Vec<_>>(),
        "changes_with_todays_defaults": n.changes.iter().map(|(name, then, now)| json!({"option": name, "then": then, "today": now})).collect::<Vec<_>>(),
    });
    Some(OlderLink { text, json })
}

/// The notice for a link priced with an older price book (`None` for today's): the
/// book, the rates changed since in its Regions, and the totals at today's prices.
pub fn older_prices_notice(
    decoded: &crate::model::Decoded,
    catalog: &Catalog,
) -> Option<OlderLink> {
    use crate::model::report::{price_notice, price_notice_head};
    let n = price_notice(&decoded.workload, catalog)?;
    let mut text = format!(
        "Note: {} Give prices={} to price it with today's book.",
        price_notice_head(&n),
        n.today
    );
    for r in &n.rates {
        text.push_str(&format!("\n  changed since: {r}"));
    }
    for (name, then, now) in &n.changes {
        text.push_str(&format!("\n  at today's prices, {name}: {then} → {now}"));
    }
    let json = json!({
        "price_book": n.edition,
        "todays_price_book": n.today,
        "log_starts": n.before_log,
        "rates_changed_since": n.rates,
        "changes_with_todays_prices": n.changes.iter().map(|(name, then, now)| json!({"option": name, "then": then, "today": now})).collect::<Vec<_>>(),
        "notice": price_notice_head(&n),
    });
    Some(OlderLink { text, json })
}

/// The feature matrix and the recommendation as JSON.
pub fn matrix_json(
    matrix: &Matrix,
    needs: &crate::model::sorted::VecSet<String>,
    rec: &Recommendation,
    messages: &[InputMessage],
) -> Value {
    let rows: Vec<Value> = matrix
        .rows
        .iter()
        .map(|r| {
            let cells: Vec<Value> = r
                .cells
                .iter()
                .map(|c| {
                    let source = matrix.sources.get(&c.source);
                    json!({
                        "options": c.options,
                        "value": c.value,
                        "verdict": c.verdict.id(),
                        "note": c.note,
                        "source": source.map(|s| s.url.clone()),
                        "date": c.date,
                        "seed_claim": c.seed_claim,
                        "correction": c.correction,
                    })
                })
                .collect();
            json!({"id": r.id, "topic": r.topic, "group": r.group, "seed_rows": r.seed_rows, "cells": cells})
        })
        .collect();
    let integrations: Vec<Value> = matrix
        .integrations
        .iter()
        .map(|i| {
            json!({
                "id": i.id, "name": i.name,
                "kinesis": {"how": i.kinesis.how, "verdict": i.kinesis.verdict.id()},
                "msk": {"how": i.msk.how, "verdict": i.msk.verdict.id()},
                "seed_claim": i.seed_claim, "correction": i.correction,
            })
        })
        .collect();
    let ranking: Vec<Value> = rec
        .ranking
        .iter()
        .map(|r| {
            json!({
                "id": r.id.id(),
                "ruled_out": r.ruled_out(),
                "ruled_out_by": r.ruled_out_by,
                "partly": r.partly,
                "monthly_usd": r.monthly_cents.map(|c| c as f64 / 100.0),
                "operational_load": r.operational_load,
                "why_not": rec.others.iter().find(|(id, _)| *id == r.id).map(|(_, w)| w.clone()),
            })
        })
        .collect();
    json!({
        "facts_as_of": matrix.as_of,
        "rows": rows,
        "integrations": integrations,
        "analogy": {"kinesis": matrix.analogy.kinesis, "msk": matrix.analogy.msk},
        "tldr": {"kinesis": matrix.tldr.kinesis, "msk": matrix.tldr.msk},
        "needs": needs,
        "recommendation": {
            "top": rec.top().map(|t| t.id.id()),
            "summary": rec.summary,
            "caveat": rec.caveat,
            "ranking": ranking,
        },
        "input_messages": messages.iter().map(|m| json!({"param": m.param, "value": m.value, "reason": m.reason})).collect::<Vec<_>>(),
    })
}
