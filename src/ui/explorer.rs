//! The feature explorer, as static HTML: the comparison matrix with verdict badges per
//! option, notes, sources with dates and the corrections to the source documents, its
//! filters (only rows that differ, only my requirements) and search; then integrations,
//! deployment and management, the analogy and the TL;DR.
//!
//! It does not depend on the workload, so the build pre-renders it (`src/bin/prerender.rs`)
//! and the WebAssembly module carries neither this code nor the text:
//! - whole, as a page of its own ([`FEATURES_PAGE`]), readable without JavaScript;
//! - in the calculator's page, its three sections closed and empty ([`ExplorerProps::lazy`]):
//!   the page fetches their bodies from that page when the reader opens one or scrolls
//!   near (`scripts/loader.mjs`), so the first estimate does not wait for 12 KB it rarely
//!   shows.
//!
//! In the browser, `explorer_controls.rs` makes the filters, the search and the open
//! sections follow the link.

use crate::model::estimate::OptionId;
use crate::model::matrix::{Cell, Matrix, Row, Verdict};
use crate::model::view::RowFilter;
use yew::prelude::*;

fn badge(v: Verdict) -> Html {
    let text = match v {
        Verdict::Yes => "Yes",
        Verdict::Partial => "Partly",
        Verdict::No => "No",
        Verdict::Info => "Info",
    };
    html! { <span class={classes!("verdict", v.id())}>{ text }</span> }
}

/// A claim with the source documents' numbers (`000`, `001`) replaced by their titles
/// (the part of `seed_documents` before any parenthesis).
pub fn name_documents(claim: &str, matrix: &Matrix) -> String {
    let mut out = claim.to_string();
    for (number, what) in matrix.seed_documents.iter() {
        let title = what.split(" (").next().unwrap_or(what).trim();
        let mut next = String::with_capacity(out.len());
        let mut rest = out.as_str();
        while let Some(i) = rest.find(number) {
            let before = rest[..i].chars().next_back();
            let after = rest[i + number.len()..].chars().next();
            let standalone = !before.is_some_and(|c| c.is_ascii_alphanumeric() || c == ',')
                && !after.is_some_and(|c| c.is_ascii_alphanumeric());
            next.push_str(&rest[..i]);
            next.push_str(if standalone { title } else { number });
            rest = &rest[i + number.len()..];
        }
        next.push_str(rest);
        out = next;
    }
    out
}

/// What a source document claimed and what is true today, where they differ.
fn correction(claim: Option<&str>, fix: Option<&str>, matrix: &Matrix) -> Html {
    match (claim, fix) {
        (Some(claim), Some(fix)) => html! {
            <p class="correction"><span class="label">{ "The source documents said: " }</span>{ name_documents(claim, matrix) }<br/><span class="label">{ "Today: " }</span>{ fix }</p>
        },
        _ => Html::default(),
    }
}

fn cell_html(c: &Cell, matrix: &Matrix, span: usize) -> Html {
    let covers: Vec<&str> = c
        .options
        .iter()
        .filter_map(|o| OptionId::from_id(o).map(|id| id.name()))
        .collect();
    let source = matrix.sources.get(&c.source);
    html! {
        <td colspan={span.to_string()} class={classes!("cell", c.verdict.id())}>
            <span class="covers">{ covers.join(" · ") }</span>
            { badge(c.verdict) }{ " " }<strong class="value">{ &*c.value }</strong>
            <p class="note">{ &*c.note }</p>
            { correction(c.seed_claim.as_deref(), c.correction.as_deref(), matrix) }
            { for source.map(|s| html! {
                <p class="source"><a href={s.url.clone()} rel="noopener">{ "Source" }</a>{ format!(", {}", c.date) }</p>
            }) }
        </td>
    }
}

/// The matrix's columns: every streaming option (no stream at all is not compared
/// feature by feature).
fn columns() -> Vec<OptionId> {
    OptionId::ALL
        .into_iter()
        .filter(|&o| o != OptionId::FirehoseDirect)
        .collect()
}

/// The cells of a row in option order, adjacent options sharing a cell merged.
fn row_cells(row: &Row, matrix: &Matrix) -> Html {
    let mut out = Vec::new();
    let mut i = 0;
    let ids = columns();
    while i < ids.len() {
        let cell = row.cell_for(ids[i].id());
        let mut span = 1;
        while i + span < ids.len() && row.cell_for(ids[i + span].id()) == cell {
            span += 1;
        }
        out.push(match cell {
            Some(c) => cell_html(c, matrix, span),
            // (Self-managed Kafka is compared on operations and cost; elsewhere it is
            // the same Apache Kafka as MSK Standard.)
            None if ids[i] == OptionId::KafkaEc2 => html! {
                <td colspan={span.to_string()} class="cell not-compared">{ "Not compared: Apache Kafka as on MSK Standard, without MSK's AWS features" }</td>
            },
            None => html! { <td colspan={span.to_string()}>{ "—" }</td> },
        });
        i += span;
    }
    out.into_iter().collect()
}

/// The explorer as a page of its own (built beside `index.html`), from which the
/// calculator's page fetches the bodies of its sections.
pub const FEATURES_PAGE: &str = "features.html";

/// What the page shows in place of a part it fetches from [`FEATURES_PAGE`] (a section
/// of the comparison, the footer's sources): `loading` until it arrives (the loader,
/// `scripts/loader.mjs`, writes a failure into `.loading`), and a link to `#anchor` on
/// that page, for a reader without JavaScript or if the fetch fails.
pub fn lazy_body(loading: &str, base: &str, anchor: &str, link: String) -> Html {
    html! {
        <p class="lazy-body" role="status"><span class="loading">{ loading.to_string() }</span>
            <a href={format!("{base}{FEATURES_PAGE}#{anchor}")}>{ link }</a></p>
    }
}

/// A section of the explorer: `<details data-section={id}>`, closed (the link's `open=`
/// opens it in the app). Whole, its body follows the summary and its id is the section's
/// (`features.html#matrix`); lazy, the body is left
/// for the page to fetch (`data-lazy`), with a link to the page that holds it for a
/// reader without JavaScript or if the fetch fails.
fn details(
    id: &'static str,
    summary: &str,
    lazy: Option<&str>,
    body: impl FnOnce() -> Html,
) -> Html {
    html! {
        <details class={classes!("explorer-section", id)} data-section={id} data-lazy={lazy.map(|_| "")}
            id={lazy.is_none().then_some(id)}>
            <summary>{ summary.to_string() }</summary>
            if let Some(base) = lazy {
                { lazy_body("Loading this section… ", base, id, format!("{summary}, on a page of its own")) }
            } else {
                { body() }
            }
        </details>
    }
}

fn matrix_table(matrix: &Matrix) -> Html {
    let filter_radio = |f: RowFilter, label: &str| {
        let id = format!("rows-{}", f.id());
        html! {
            <span class="radio">
                <input type="radio" name="rows" id={id.clone()} value={f.id()} checked={f == RowFilter::All} />
                <label for={id}>{ label.to_string() }</label>
            </span>
        }
    };
    let n = matrix.rows.len();
    html! {
        <>
            <div class="explorer-filters">
                <fieldset>
                    <legend>{ "Show" }</legend>
                    { filter_radio(RowFilter::All, "all rows") }
                    { filter_radio(RowFilter::Differ, "only rows that differ") }
                    { filter_radio(RowFilter::Mine, "only my requirements") }
                </fieldset>
                <div class="field search">
                    <label for="explorer-search">{ "Search the comparison" }</label>
                    <input id="explorer-search" type="search" autocomplete="off" />
                </div>
            </div>
            <p class="row-count" role="status">{ format!("{n} of {n} rows") }</p>
            <table class="matrix">
                <thead><tr>
                    <th scope="col">{ "Feature" }</th>
                    { for columns().iter().map(|o| html! { <th scope="col">{ o.name() }</th> }) }
                </tr></thead>
                <tbody>
                    { for matrix.rows.iter().map(|r| html! {
                        <tr data-row={r.id.clone()} data-differs={r.differs().then_some("")}>
                            <th scope="row">{ &*r.topic }</th>
                            { row_cells(r, matrix) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </>
    }
}

fn integrations(matrix: &Matrix) -> Html {
    html! {
        <table class="integrations">
            <thead><tr><th scope="col">{ "Service" }</th><th scope="col">{ "Kinesis Data Streams" }</th><th scope="col">{ "Amazon MSK" }</th></tr></thead>
            <tbody>
                { for matrix.integrations.iter().map(|i| html! {
                    <tr data-integration={i.id.clone()}>
                        <th scope="row">{ &*i.name }</th>
                        <td data-label="Kinesis Data Streams">{ badge(i.kinesis.verdict) }{ " " }{ &*i.kinesis.how }</td>
                        <td data-label="Amazon MSK">{ badge(i.msk.verdict) }{ " " }{ &*i.msk.how }
                            { correction(i.seed_claim.as_deref(), i.correction.as_deref(), matrix) }
                        </td>
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

fn deployment(matrix: &Matrix) -> Html {
    html! {
        <table class="deployment">
            <thead><tr><th scope="col">{ "Topic" }</th><th scope="col">{ "Kinesis Data Streams" }</th><th scope="col">{ "Amazon MSK" }</th></tr></thead>
            <tbody>
                { for matrix.deployment.iter().map(|d| html! {
                    <tr><th scope="row">{ &*d.topic }</th><td data-label="Kinesis Data Streams">{ &*d.kinesis }</td><td data-label="Amazon MSK">{ &*d.msk }</td></tr>
                }) }
            </tbody>
        </table>
    }
}

#[derive(Properties, PartialEq, Default)]
pub struct ExplorerProps {
    /// The sections' bodies are left out, for the page to fetch (the calculator's page).
    #[prop_or_default]
    pub lazy: bool,
    /// The site's public URL (`/`, `/stream-showdown/`), before the link to
    /// [`FEATURES_PAGE`] (so that it also holds on the copy served for any path); empty:
    /// relative.
    #[prop_or_default]
    pub base: AttrValue,
}

/// The whole explorer, as the page first shows it: every row, no search, every section
/// closed.
#[function_component(Explorer)]
pub fn explorer(p: &ExplorerProps) -> Html {
    let matrix = Matrix::embedded();
    let lazy = p.lazy.then_some(&*p.base);
    html! {
        <section class="explorer" id="features" aria-labelledby="explorer-title">
            <h2 id="explorer-title">{ format!("Feature comparison (facts as of {})", matrix.as_of) }</h2>
            <p class="seed-documents">{ "Corrections compare today's facts with what the two source documents of this comparison said: " }
                { matrix.seed_documents.iter().map(|(_, what)| what.to_string()).collect::<Vec<_>>().join("; and ") }{ "." }</p>
            <div class="tldr">
                <div><h3>{ "Kinesis, in short" }</h3><p>{ &*matrix.tldr.kinesis }</p><p class="analogy">{ format!("Analogy: {}", matrix.analogy.kinesis) }</p></div>
                <div><h3>{ "MSK, in short" }</h3><p>{ &*matrix.tldr.msk }</p><p class="analogy">{ format!("Analogy: {}", matrix.analogy.msk) }</p></div>
            </div>
            { details("matrix", "Feature matrix: every row, sourced and dated", lazy, || matrix_table(matrix)) }
            { details("integrations", "Integrations", lazy, || integrations(matrix)) }
            { details("deployment", "Deployment and management", lazy, || deployment(matrix)) }
        </section>
    }
}
