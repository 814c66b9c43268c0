//! One card per deployment option: total, capacity, utilisation, warnings, status, and
//! its line items (quantity × unit price = amount), exactly as the CLI prints them.

use super::section::section;
use super::{maybe, rich};
use crate::model::fixed::shortest;
use crate::model::report::{
    finops, format_line_quantity, format_unit_usd, pricing_page, INCLUDED, NOT_INCLUDED,
};
use crate::model::sorted::VecMap;
use crate::model::units::format_usd_cents;
use crate::model::{Estimate, OptionEstimate, Status, View};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(PartialEq)]
pub struct CardsProps {
    pub estimate: Rc<Estimate>,
    pub view: View,
    pub ontoggle: Callback<(String, bool)>,
    /// The rates the user gave, and the text and error of each rate field.
    pub rates: Rc<RateFields>,
    pub onrate: Callback<(String, String)>,
    pub onremove: Callback<String>,
    /// "Use us-east-1's rates for the missing ones".
    pub onfill: Callback<()>,
    /// Opens a field named in a sentence.
    pub onreveal: Callback<&'static str>,
}

/// What the rate fields of the cards show: the user's rates, what was typed, and why
/// a text was refused, by rate name.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RateFields {
    pub given: VecMap<String, f64>,
    pub text: Rc<VecMap<String, String>>,
    pub errors: Rc<VecMap<String, String>>,
}

struct CardProps<'a> {
    option: &'a OptionEstimate,
    /// GB written a month (the cost per GB).
    gb_in_per_month: f64,
    cheapest: bool,
    /// Some option is not priced here: the badge says "of those priced".
    partial: bool,
    lines_open: bool,
    ontoggle: &'a Callback<(String, bool)>,
    region: &'a str,
    onreveal: &'a Callback<&'static str>,
    /// The warnings are an earlier workload's, until its advice follows.
    pending: bool,
}

/// Warnings in view on a card (the model ranks them by the money at stake); the rest
/// are behind "n more".
const WARNINGS_SHOWN: usize = 2;

/// One rate the panel asks for: what it prices and which options use it.
struct PanelRate<'a> {
    input: &'a crate::model::estimate::RateInput,
    options: Vec<&'static str>,
}

/// "Your rates for <Region>": one panel per Region of the estimate (the link's own, a
/// DR standby's) with one field per rate the options need that the book lacks there,
/// or that the user gave, in plain words with the unit and AWS's pricing page; each rate
/// asked once, however many cards use it. Keyed by rate name, so that a field keeps its
/// focus while the cards change from "not priced" to a total.
fn rates_panel(p: &CardsProps) -> Html {
    let e = &p.estimate;
    // Region → its rates, in the order the cards use them.
    let mut regions: Vec<(String, Vec<PanelRate>)> = Vec::new();
    for o in &e.options {
        for r in &o.user_rates {
            let region = crate::model::prices::split_rate_name(&r.name)
                .0
                .unwrap_or(&e.region)
                .to_string();
            let at = match regions.iter().position(|(g, _)| *g == region) {
                Some(i) => i,
                None => {
                    regions.push((region, Vec::new()));
                    regions.len() - 1
                }
            };
            let list = &mut regions[at].1;
            match list.iter_mut().find(|x| x.input.name == r.name) {
                Some(x) => x.options.push(o.id.name()),
                None => list.push(PanelRate {
                    input: r,
                    options: vec![o.id.name()],
                }),
            }
        }
    }
    html! {
        <div class="rates-panels">
            { for regions.iter().map(|(region, rates)| {
                let missing = rates.iter().any(|r| r.input.missing);
                let mut pages: Vec<&'static str> = rates.iter().map(|r| pricing_page(&r.input.name)).collect();
                pages.dedup();
                html! {
                    <section class="rates-panel" id={format!("rates-{region}")} aria-labelledby={format!("rates-{region}-title")}>
                        <h3 id={format!("rates-{region}-title")}>{ if missing { format!("Add your rates for {region}") } else { format!("Your rates for {region}") } }</h3>
                        <p>{ if missing {
                            format!("The price book has no AWS-sourced rate for these in {region}. Type them in USD from ")
                        } else {
                            "Priced at your rates (the list rates are on ".to_string()
                        } }{ for pages.iter().enumerate().map(|(i, page)| html! { <>
                            { if i > 0 { ", " } else { "" } }<a href={*page} rel="noopener" target="_blank">{ "AWS's pricing page" }</a>
                        </> }) }{ if missing { " or your agreement." } else { ")." } }</p>
                        <div class="fields">
                        { for rates.iter().map(|pr| {
                            let r = pr.input;
                            let name = r.name.clone();
                            let id = format!("r-{name}");
                            let err = p.rates.errors.get(&name);
                            let value = p.rates.text.get(&name).cloned().or_else(|| p.rates.given.get(&name).map(|&u| shortest(u))).unwrap_or_default();
                            let n = name.clone();
                            let oninput = p.onrate.reform(move |e: InputEvent| {
                                let input: HtmlInputElement = e.target_unchecked_into();
                                (n.clone(), input.value())
                            });
                            let n = name.clone();
                            let onclick = p.onremove.reform(move |_: MouseEvent| n.clone());
                            html! {
                                <div key={name.clone()} class={classes!("field", "rate", err.map(|_| "invalid"))}>
                                    <label for={id.clone()}>{ format!("{}, USD per {}", r.label, r.unit) }</label>
                                    <input id={id} type="text" inputmode="decimal" {value} placeholder="USD per unit" autocomplete="off" spellcheck="false"
                                        aria-invalid={err.is_some().to_string()} {oninput} />
                                    <small class="hint">{ format!("Used by {}.", pr.options.join(", ")) }</small>
                                    { maybe((!r.missing).then(|| html! { <button type="button" class="remove" {onclick}>{ "Remove your rate" }</button> })) }
                                    { maybe(err.map(|e| html! { <small class="error">{ format!("{}: {e}.{}", r.label,
                                        p.rates.given.get(&name).map_or(String::new(), |&u| format!(" Priced at the last valid rate, {}.", shortest(u)))) }</small> })) }
                                </div>
                            }
                        }) }
                        </div>
                    </section>
                }
            }) }
        </div>
    }
}

/// On a card whose rates are missing: where to give them.
fn rates_note(o: &OptionEstimate, region: &str) -> Html {
    let regions = crate::model::estimate::missing_regions(&o.user_rates, region);
    if regions.is_empty() {
        return html! {};
    }
    html! {
        <p class="rates-note">{ "Add its rates under " }
            { for regions.iter().enumerate().map(|(i, r)| html! { <>
                { if i > 0 { " and " } else { "" } }<a href={format!("#rates-{r}")}>{ format!("“Add your rates for {r}”") }</a>
            </> }) }{ "." }</p>
    }
}

/// The year, the cost per GB written and the cost with no traffic, in one line.
fn finops_line(o: &OptionEstimate, gb_in_per_month: f64) -> Html {
    let f = finops(o, gb_in_per_month);
    let year_one = if f.year_one_cents != f.annual_cents {
        format!(
            " (year one, the data held growing from zero: {})",
            format_usd_cents(f.year_one_cents)
        )
    } else {
        String::new()
    };
    html! { <p class="finops">{ format!("{} a year{year_one}{} · {} a month with no traffic",
    format_usd_cents(f.annual_cents),
    f.usd_per_gb_in.map_or(String::new(), |u| format!(" · ${} per GB written", crate::model::fixed::fixed_abs(u, 4))),
    format_usd_cents(f.fixed_cents)) }</p> }
}

/// One option's card (a function, not a component: a keystroke changes every card's
/// figures, so a component's check for unchanged props would rarely spare one, and
/// each component type costs the module its own copy of Yew's lifecycle code).
fn cost_card(p: &CardProps) -> Html {
    let o = p.option;
    let id = o.id.id();
    let status_class = o.status.id();
    let total = match o.status {
        Status::Priced | Status::NotEligible => format_usd_cents(o.total_cents),
        Status::NotPriced => "—".to_string(),
    };
    let badge = match (o.status, p.cheapest) {
        (Status::Priced, true) => {
            html! { <span class="badge cheapest">{ if p.partial { "Cheapest of those priced" } else { "Cheapest" } }</span> }
        }
        (Status::NotEligible, _) => {
            html! { <span class="badge not-eligible">{ "Not eligible" }</span> }
        }
        (Status::NotPriced, _) => {
            html! { <span class="badge not-priced">{ "Not priced here" }</span> }
        }
        _ => html! {},
    };
    html! {
        <article class={classes!("card", status_class, p.cheapest.then_some("is-cheapest"))} data-option={id} aria-labelledby={format!("card-{id}")}>
            <header>
                <h3 id={format!("card-{id}")}>{ o.id.name() }</h3>
                { badge }
            </header>
            { if o.status == Status::NotEligible {
                // The reason first; the figure "if forced" behind a disclosure, never as
                // the card's headline.
                html! { <>
                    <p class="total ineligible">{ "Not eligible for this workload" }</p>
                    <ul class="reasons">{ for o.shown_reasons().map(|r| html! { <li>{ rich(r, p.onreveal) }</li> }) }</ul>
                    { maybe((!o.lines.is_empty()).then(|| html! {
                        <details class="if-forced">
                            <summary>{ "What it would cost if forced" }</summary>
                            <p class="forced-total"><span class="amount" data-total-cents={o.total_cents.to_string()}>{ total.clone() }</span>
                                <span class="per">{ " / month" }</span></p>
                            { finops_line(o, p.gb_in_per_month) }
                        </details>
                    })) }
                </> }
            } else {
                html! { <>
                    <p class="total"><span class="amount" data-total-cents={o.total_cents.to_string()}>{ total }</span>
                        { maybe((o.status != Status::NotPriced).then(|| html! { <span class="per">{ " / month" }</span> })) }</p>
                    { maybe((o.status != Status::NotPriced).then(|| finops_line(o, p.gb_in_per_month))) }
                    { maybe((!o.reasons.is_empty()).then(|| html! {
                        <ul class="reasons">{ for o.shown_reasons().map(|r| html! { <li>{ rich(r, p.onreveal) }</li> }) }</ul>
                    })) }
                </> }
            } }
            { maybe((!o.capacity.summary.is_empty()).then(|| html! { <p class="capacity">{ &*o.capacity.summary }</p> })) }
            { maybe(o.capacity.utilisation_pct.filter(|u| u.is_finite()).map(|u| html! {
                <p class="utilisation">{ format!("Peak uses {}% of rated capacity", crate::model::units::utilisation_text(u)) }
                    { maybe(o.capacity.sizing.as_ref().map(|s| html! { <span class="policy">{ format!(". {s}.") }</span> })) }</p>
            })) }
            { rates_note(o, p.region) }
            { maybe((!o.warnings.is_empty()).then(|| html! {
                <ul class={classes!("warnings", p.pending.then_some("pending"))} aria-busy={p.pending.then_some("true")}>{ for o.warnings.iter().take(WARNINGS_SHOWN).map(|w| html! { <li>{ rich(w, p.onreveal) }</li> }) }</ul>
            })) }
            { maybe(o.warnings.get(WARNINGS_SHOWN..).filter(|more| !more.is_empty()).map(|more| html! {
                <details class="more-warnings">
                    <summary>{ format!("{} more {}", more.len(), if more.len() == 1 { "note" } else { "notes" }) }</summary>
                    <ul class="warnings">{ for more.iter().map(|w| html! { <li>{ rich(w, p.onreveal) }</li> }) }</ul>
                </details>
            })) }
            { maybe((!o.lines.is_empty()).then(|| section(id, classes!("lines"), format!("{} line items", o.all_lines().count()), p.lines_open, p.ontoggle, || html! {
                <table>
                    <thead><tr><th scope="col">{ "Item" }</th><th scope="col" class="num">{ "Quantity" }</th><th scope="col" class="num">{ "Unit price" }</th><th scope="col" class="num">{ "Amount" }</th></tr></thead>
                    <tbody>
                        { for o.all_lines().map(|l| html! {
                            <tr data-line={l.id} data-cents={l.usd_cents.to_string()}>
                                <th scope="row">{ &*l.label }{ maybe(l.uncertain.as_ref().map(|u| html! { <span class="uncertain" title={u.clone()}>{ " (uncertain rate)" }</span> })) }
                                    { maybe((!l.source.starts_with("user:") && l.source != "workload").then(|| html! { <a class="src" href={format!("#src-{}", l.source)}>{ "source" }</a> })) }</th>
                                <td class="num">{ format!("{} {}", format_line_quantity(l.quantity), l.unit) }</td>
                                <td class="num">{ format_unit_usd(l.unit_usd) }</td>
                                <td class="num">{ format_usd_cents(l.usd_cents) }</td>
                            </tr>
                        }) }
                    </tbody>
                    <tfoot><tr><th scope="row" colspan="3">{ "Monthly total" }</th><td class="num">{ format_usd_cents(o.total_cents) }</td></tr></tfoot>
                </table>
            }))) }
        </article>
    }
}

/// The cards, the rates panel and what the totals include (a function, not a component:
/// its estimate changes on every keystroke, so a component's check for unchanged props
/// would spare nothing, and each component type costs the module its own copy of Yew's
/// lifecycle code).
pub fn cost_cards(p: &CardsProps) -> Html {
    let cheapest = p.estimate.cheapest();
    let caveat = p.estimate.caveat();
    let partial = caveat.is_some();
    html! {
        <section class="results" aria-labelledby="results-title">
            <h2 id="results-title">{ format!("Monthly cost in {}", p.estimate.region) }</h2>
            { maybe(caveat.map(|c| {
                let onclick = p.onfill.reform(|_: MouseEvent| ());
                html! { <p class="caveat">{ format!("{c}. ") }
                    <button type="button" class="fill-rates" {onclick}>{ format!("Use {}'s rates for the missing ones", crate::model::link::REFERENCE_REGION) }</button></p> }
            })) }
            <div class="cards">
                { for p.estimate.options.iter().map(|o| cost_card(&CardProps {
                    option: o, gb_in_per_month: p.estimate.derived_for(o.id).gb_in_per_month,
                    cheapest: Some(o.id) == cheapest, partial, lines_open: p.view.is_open(o.id.id()),
                    ontoggle: &p.ontoggle, region: &p.estimate.region, onreveal: &p.onreveal,
                    pending: p.estimate.advice_pending,
                })) }
            </div>
            { rates_panel(p) }
            { for p.estimate.not_priced.iter().map(|(name, reason)| html! {
                <p class="not-priced-option"><strong>{ format!("{name}: not priced. ") }</strong>{ reason }</p>
            }) }
            <div class="coverage">
                <p><strong>{ "Included: " }</strong>{ INCLUDED }</p>
                <p><strong>{ "Not included: " }</strong>{ NOT_INCLUDED.join("; ") }{ "." }</p>
            </div>
        </section>
    }
}
