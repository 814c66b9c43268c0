//! The `showdown` command-line tool (native only): decode, estimate, print.

use crate::model::link::query_part;
use crate::model::matrix::Matrix;
use crate::model::recommend::{recommend, Recommendation};
use crate::model::report::{matrix_report, text_report};
use crate::model::{decode, encode, estimate, Catalog, InputMessage};
use serde_json::{json, Value};

const USAGE: &str =
    "usage: showdown [--json] [--matrix | --crossovers] '<query or share URL>'\n  --matrix      the feature matrix and the recommendation for the link's need= list\n  --crossovers  where the cheapest option changes along throughput and retention";

/// Runs the CLI with the process arguments.
pub fn main() {
    let mut json_out = false;
    let mut matrix_out = false;
    let mut crossovers_out = false;
    let mut input: Option<String> = None;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--json" => json_out = true,
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
    if let Some(n) =
        crate::model::report::legacy_notice(&decoded.workload, &decoded.legacy, catalog)
    {
        let params: Vec<String> = n
            .params
            .iter()
            .map(|(p, then, now)| format!("{p}={then} (today: {now})"))
            .collect();
        eprintln!(
            "showdown: an older link (link format v{}; today's is v{}): it keeps the assumptions it was made with, {}.",
            decoded.version,
            crate::model::link::LINK_VERSION,
            params.join(", ")
        );
        for (name, then, now) in &n.changes {
            eprintln!("showdown:   with today's defaults, {name}: {then} → {now}");
        }
    }
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
    let matrix = Matrix::embedded();
    let needs = &decoded.workload.needs;
    match (json_out, matrix_out) {
        (true, false) => {
            // The same JSON as the page's "Download JSON", pretty-printed.
            let text = crate::model::export::estimate_json(&e, &decoded.messages, &link);
            let v: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
            println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
        }
        (false, false) => print!("{}", text_report(&e, &decoded.messages, &link)),
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

/// The feature matrix and the recommendation as JSON.
pub fn matrix_json(
    matrix: &Matrix,
    needs: &std::collections::BTreeSet<String>,
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
            "ranking": ranking,
        },
        "input_messages": messages.iter().map(|m| json!({"param": m.param, "value": m.value, "reason": m.reason})).collect::<Vec<_>>(),
    })
}
