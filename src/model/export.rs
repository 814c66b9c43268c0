//! Exports of an estimate exactly as shown: CSV, JSON (the same shape as
//! `showdown --json`) and a Markdown table for design docs. Written by hand so the
//! browser build needs no JSON library.

use super::estimate::{Estimate, Status};
use super::fixed::{fixed, shortest};
use super::link::InputMessage;
use super::report::{finops, ASSUMPTIONS, INCLUDED, NOT_INCLUDED};
use super::units::format_usd_cents;
use std::fmt::Write as _;

/// A JSON string literal.
pub fn json_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A JSON number (finite; anything else is 0).
pub fn json_num(x: f64) -> String {
    if x.is_finite() {
        // (The shortest text that reads back, without the standard float formatting.)
        shortest(x)
    } else {
        "0".into()
    }
}

fn json_opt_num(x: Option<f64>) -> String {
    x.map_or_else(|| "null".into(), json_num)
}

fn json_opt_str(x: Option<&str>) -> String {
    x.map_or_else(|| "null".into(), json_str)
}

fn json_list(items: &[String]) -> String {
    let inner: Vec<String> = items.iter().map(|s| json_str(s)).collect();
    format!("[{}]", inner.join(","))
}

fn cents_json(c: i64) -> String {
    json_num(c as f64 / 100.0)
}

/// The estimate as JSON: `{"prices_as_of", "price_book", "region", "link", "derived" (Kafka's bytes
/// after `compression`; `kinesis_*` after `kinesis_compression`), "cheapest",
/// "caveat" (which options are not priced here, or null: [`Estimate::caveat`]),
/// "options": [{"id", "name", "status", "eligible", "reasons", "monthly_usd",
/// "capacity", "lines": [{"id","label","quantity","unit","unit_usd","usd","source",
/// "uncertain"}], "warnings"}], "input_messages"}`.
pub fn estimate_json(e: &Estimate, messages: &[InputMessage], link_url: &str) -> String {
    let d = &e.derived;
    let options: Vec<String> = e
        .options
        .iter()
        .map(|o| {
            let lines: Vec<String> = o
                .all_lines()
                .map(|l| {
                    format!(
                        "{{\"id\":{},\"label\":{},\"quantity\":{},\"unit\":{},\"unit_usd\":{},\"usd\":{},\"source\":{},\"uncertain\":{},\"usage_type\":{}}}",
                        json_str(l.id),
                        json_str(&l.label),
                        json_num(l.quantity),
                        json_str(l.unit),
                        json_num(l.unit_usd),
                        cents_json(l.usd_cents),
                        json_str(&l.source),
                        json_opt_str(l.uncertain.as_deref()),
                        json_opt_str(l.usage_type.as_deref()),
                    )
                })
                .collect();
            let c = &o.capacity;
            let monthly = if o.status == Status::NotPriced {
                "null".to_string()
            } else {
                cents_json(o.total_cents)
            };
            let f = finops(o, e.derived_for(o.id).gb_in_per_month);
            let (annual, year_one, fixed_usd) = if o.status == Status::NotPriced {
                ("null".to_string(), "null".to_string(), "null".to_string())
            } else {
                (
                    cents_json(f.annual_cents),
                    cents_json(f.year_one_cents),
                    cents_json(f.fixed_cents),
                )
            };
            format!(
                "{{\"id\":{},\"name\":{},\"status\":{},\"eligible\":{},\"reasons\":{},\"monthly_usd\":{monthly},\"annual_usd\":{annual},\"year_one_usd\":{year_one},\"usd_per_gb_in\":{},\"fixed_usd\":{fixed_usd},\"capacity\":{{\"summary\":{},\"sizing\":{},\"shards\":{},\"brokers\":{},\"broker_type\":{},\"storage_gb_per_broker\":{},\"partitions\":{},\"utilisation_pct\":{}}},\"lines\":[{}],\"warnings\":{},\"missing_rates\":{}}}",
                json_str(o.id.id()),
                json_str(o.id.name()),
                json_str(o.status.id()),
                o.eligible(),
                json_list(&o.reasons),
                json_opt_num(f.usd_per_gb_in),
                json_str(&c.summary),
                json_opt_str(c.sizing.as_deref()),
                json_opt_num(c.shards.map(f64::from)),
                json_opt_num(c.brokers.map(f64::from)),
                json_opt_str(c.broker_type.as_deref()),
                json_opt_num(c.storage_gb_per_broker),
                json_opt_num(c.partitions.map(f64::from)),
                json_opt_num(c.utilisation_pct),
                lines.join(","),
                json_list(&o.warnings),
                json_list(
                    &o.user_rates
                        .iter()
                        .filter(|r| r.missing)
                        .map(|r| format!("rate.{}", r.name))
                        .collect::<Vec<_>>()
                ),
            )
        })
        .collect();
    let messages: Vec<String> = messages
        .iter()
        .map(|m| {
            format!(
                "{{\"param\":{},\"value\":{},\"reason\":{}}}",
                json_str(&m.param),
                json_str(&m.value),
                json_str(&m.reason)
            )
        })
        .collect();
    format!(
        "{{\"prices_as_of\":{},\"price_book\":{},\"region\":{},\"link\":{},\"derived\":{{\"avg_write_mb_per_s\":{},\"peak_write_mb_per_s\":{},\"peak_read_mb_per_s\":{},\"gb_in_per_month\":{},\"gb_out_per_month\":{},\"gb_retained\":{},\"raw_avg_write_mb_per_s\":{},\"streams\":{},\"kinesis_record_kb\":{},\"kinesis_records_per_s\":{},\"replay_gb_per_month\":{},\"kinesis_avg_write_mb_per_s\":{},\"kinesis_gb_in_per_month\":{}}},\"cheapest\":{},\"caveat\":{},\"options\":[{}],\"not_priced\":[{}],\"input_messages\":[{}],\"included\":{},\"not_included\":{}}}",
        json_str(&e.prices_as_of),
        json_str(&e.price_book),
        json_str(&e.region),
        json_str(link_url),
        json_num(d.avg_write_mb_per_s),
        json_num(d.peak_write_mb_per_s),
        json_num(d.peak_read_mb_per_s),
        json_num(d.gb_in_per_month),
        json_num(d.gb_out_per_month),
        json_num(d.gb_retained),
        json_num(d.raw_avg_write_mb_per_s),
        d.streams,
        json_num(e.kinesis_derived.kinesis_record_kb),
        json_num(e.kinesis_derived.kinesis_records_per_s),
        json_num(d.replay_gb_per_month),
        json_num(e.kinesis_derived.avg_write_mb_per_s),
        json_num(e.kinesis_derived.gb_in_per_month),
        json_opt_str(e.cheapest().map(|c| c.id())),
        json_opt_str(e.caveat().as_deref()),
        options.join(","),
        e.not_priced
            .iter()
            .map(|(n, r)| format!("{{\"name\":{},\"reason\":{}}}", json_str(n), json_str(r)))
            .collect::<Vec<_>>()
            .join(","),
        messages.join(","),
        json_str(INCLUDED),
        json_list(&NOT_INCLUDED.map(str::to_string)),
    )
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The estimate as CSV, for a spreadsheet or a pivot table. Each row says what it is
/// (`row_type`): `line` (a priced line item) and `discount` (the private discount, a
/// negative amount), whose `usd` add up to the option's `total`; then `total`, `annual`
/// (a steady year), `year_one` (the first year, the data held growing from zero),
/// `fixed` (paid with no traffic) and `per_gb_in`, which are figures about the option,
/// not more costs; then `sizing`, `warning` and `reason` notes, and last an
/// `assumption`, `included` and `not-included` row each. Summing `usd` over `line` and
/// `discount` rows gives each option's monthly total. Every row carries the absolute
/// link of the page it came from (`link_url`), the Region and the prices date.
pub fn estimate_csv(e: &Estimate, link_url: &str) -> String {
    let mut out = String::from(
        "link,region,prices_as_of,option_id,option,status,row_type,line_id,label,quantity,unit,unit_usd,usd,usage_type\n",
    );
    let page = [
        csv_field(link_url),
        csv_field(&e.region),
        csv_field(&e.prices_as_of),
    ]
    .join(",");
    let usd = |cents: i64| fixed(cents as f64 / 100.0, 2);
    for o in &e.options {
        let head = [
            page.clone(),
            csv_field(o.id.id()),
            csv_field(o.id.name()),
            csv_field(o.status.id()),
        ]
        .join(",");
        for l in o.all_lines() {
            let kind = if l.id == "discount" {
                "discount"
            } else {
                "line"
            };
            let _ = writeln!(
                out,
                "{head},{kind},{},{},{},{},{},{},{}",
                csv_field(l.id),
                csv_field(&l.label),
                json_num(l.quantity),
                csv_field(l.unit),
                json_num(l.unit_usd),
                usd(l.usd_cents),
                csv_field(l.usage_type.as_deref().unwrap_or(""))
            );
        }
        if o.status != Status::NotPriced {
            let f = finops(o, e.derived_for(o.id).gb_in_per_month);
            for (kind, label, cents) in [
                ("total", "Monthly total", o.total_cents),
                ("annual", "A steady year (12 × each line)", f.annual_cents),
                (
                    "year_one",
                    "The first year (data held growing from zero)",
                    f.year_one_cents,
                ),
                ("fixed", "Paid with zero traffic (a month)", f.fixed_cents),
            ] {
                let _ = writeln!(out, "{head},{kind},,{label},,,,{},", usd(cents));
            }
            if let Some(per_gb) = f.usd_per_gb_in {
                let _ = writeln!(
                    out,
                    "{head},per_gb_in,,Monthly total per GB written,{},GB,{},,",
                    json_num(e.derived_for(o.id).gb_in_per_month),
                    json_num(per_gb)
                );
            }
        }
        if let Some(s) = &o.capacity.sizing {
            let _ = writeln!(out, "{head},sizing,,{},,,,,", csv_field(s));
        }
        for w in &o.warnings {
            let _ = writeln!(out, "{head},warning,,{},,,,,", csv_field(w));
        }
        for r in &o.reasons {
            let _ = writeln!(out, "{head},reason,,{},,,,,", csv_field(r));
        }
    }
    for a in ASSUMPTIONS {
        let _ = writeln!(out, "{page},,,,assumption,,{},,,,,", csv_field(a));
    }
    let _ = writeln!(out, "{page},,,,included,,{},,,,,", csv_field(INCLUDED));
    for n in NOT_INCLUDED {
        let _ = writeln!(out, "{page},,,,not-included,,{},,,,,", csv_field(n));
    }
    out
}

/// A Markdown table of the estimate for a design doc, with each option's sizing policy
/// and warnings, the assumptions and the absolute link of the page it came from
/// (`link_url`). `today` (`YYYY-MM-DD`) says whether the prices are older than six
/// months, as the page's header does.
pub fn estimate_markdown(
    e: &Estimate,
    link_url: &str,
    recommendation: Option<&str>,
    today: &str,
) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "**Streaming Showdown estimate, {}** (AWS list prices as of {}, price book of {}; 730-hour month)\n",
        e.region, e.prices_as_of, e.price_book
    );
    if super::report::prices_older_than_six_months(&e.prices_as_of, today) {
        let _ = writeln!(
            out,
            "> The prices are older than six months (as of {}, read on {today}): check AWS's pricing pages before relying on them.\n",
            e.prices_as_of
        );
    }
    let _ = writeln!(out, "Workload: {}.\n", super::report::estimate_summary(e));
    if let Some(s) = super::report::cheapest_sentence(e, "**") {
        let _ = writeln!(out, "{s}\n");
    }
    out.push_str("| Option | Capacity | Monthly cost | Annual | Year one | With no traffic | Per GB in | Status |\n|---|---|---:|---:|---:|---:|---:|---|\n");
    let cheapest = e.cheapest();
    let cheapest_word = if e.caveat().is_some() {
        "cheapest of those priced"
    } else {
        "cheapest"
    };
    for o in &e.options {
        let cost = match o.status {
            Status::NotPriced => "—".to_string(),
            _ => format_usd_cents(o.total_cents),
        };
        let status = match o.status {
            Status::Priced if Some(o.id) == cheapest => cheapest_word.to_string(),
            Status::Priced => "eligible".to_string(),
            Status::NotEligible => format!("not eligible: {}", o.reasons.join("; ")),
            Status::NotPriced => "not priced in this region".to_string(),
        };
        let f = finops(o, e.derived_for(o.id).gb_in_per_month);
        let (annual, year_one, idle, per_gb) = match o.status {
            Status::NotPriced => (
                "—".to_string(),
                "—".to_string(),
                "—".to_string(),
                "—".to_string(),
            ),
            _ => (
                format_usd_cents(f.annual_cents),
                format_usd_cents(f.year_one_cents),
                format_usd_cents(f.fixed_cents),
                f.usd_per_gb_in.map_or("—".to_string(), |u| {
                    format!("${}", super::fixed::fixed_abs(u, 4))
                }),
            ),
        };
        let _ = writeln!(
            out,
            "| {} | {} | {cost} | {annual} | {year_one} | {idle} | {per_gb} | {} |",
            o.id.name(),
            o.capacity.summary.replace('|', "/"),
            status.replace('|', "/")
        );
    }
    if let Some(r) = recommendation {
        let _ = writeln!(out, "\n{r}");
    }
    // Each option's line items, as the page's cards show them.
    for o in e.options.iter().filter(|o| !o.lines.is_empty()) {
        let _ = writeln!(
            out,
            "\n{} — line items\n\n| Item | Quantity | Unit price | Amount | Usage type |\n|---|---:|---:|---:|---|",
            o.id.name()
        );
        for l in o.all_lines() {
            let _ = writeln!(
                out,
                "| {} | {} {} | {} | {} | {} |",
                l.label.replace('|', "/"),
                super::report::format_line_quantity(l.quantity),
                l.unit,
                super::report::format_unit_usd(l.unit_usd),
                format_usd_cents(l.usd_cents),
                l.usage_type.as_deref().unwrap_or("—")
            );
        }
        let _ = writeln!(
            out,
            "| **Monthly total** | | | **{}** | |",
            format_usd_cents(o.total_cents)
        );
    }
    let sizing: Vec<String> = e
        .options
        .iter()
        .filter_map(|o| {
            o.capacity
                .sizing
                .as_ref()
                .map(|s| format!("- {}: {s}", o.id.name()))
        })
        .collect();
    if !sizing.is_empty() {
        let _ = writeln!(out, "\nSizing policy:\n{}", sizing.join("\n"));
    }
    let warnings: Vec<String> = e
        .options
        .iter()
        .flat_map(|o| {
            o.warnings
                .iter()
                .map(move |w| format!("- {}: {w}", o.id.name()))
        })
        .collect();
    if !warnings.is_empty() {
        let _ = writeln!(out, "\nWarnings:\n{}", warnings.join("\n"));
    }
    let _ = writeln!(out, "\nAssumptions:");
    for a in ASSUMPTIONS {
        let _ = writeln!(out, "- {a}");
    }
    let _ = writeln!(out, "\nIncluded: {INCLUDED}\n\nNot included:");
    for n in NOT_INCLUDED {
        let _ = writeln!(out, "- {n}");
    }
    let _ = writeln!(out, "\n[Open this estimate]({link_url})");
    out
}
