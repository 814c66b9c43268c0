//! The answer, first on the page: the workload echoed, the cheapest eligible option and
//! its monthly total, why it wins, the assumptions that move the bill (each a link to
//! its field), the recommendation for the ticked must-haves once it is computed, and,
//! while a field holds text that is not valid, which values the estimate shown is for.
//! Copy link and the exports sit beside it.

use super::{field_link, maybe, rich};
use crate::model::compare::{assumptions, echo, Comparison};
use crate::model::recommend::Recommendation;
use crate::model::units::format_usd_cents;
use crate::model::{Estimate, Workload};
use yew::prelude::*;

/// What the answer shows. (A plain function of the app's render rather than a
/// component: it changes with every estimate anyway, and a component of its own would
/// cost the module about 2 KB.)
pub struct AnswerProps<'a> {
    pub estimate: &'a Estimate,
    pub workload: &'a Workload,
    pub comparison: &'a Comparison,
    /// The ranking for the ticked requirements (`None` until it is computed).
    pub recommendation: Option<&'a Recommendation>,
    /// One sentence per field whose text is not valid (see `State::stale`).
    pub stale: &'a [String],
    /// Opens a field's group and focuses the field.
    pub onreveal: &'a Callback<&'static str>,
    /// Copy link and the exports.
    pub tools: Html,
    /// What a screen reader hears once typing pauses (the new cheapest total).
    pub announcement: String,
}

pub fn answer(p: AnswerProps) -> Html {
    let e = p.estimate;
    let cheapest = e.cheapest().and_then(|id| e.option(id));
    let caveat = e.caveat();
    let needs = p.workload.needs.len();
    let recommendation = match (p.recommendation, needs) {
        (_, 0) | (None, _) => Html::default(),
        (Some(r), n) => {
            let musts = if n == 1 {
                "your must-have".to_string()
            } else {
                format!("your {n} must-haves")
            };
            let of_priced = if r.caveat.is_some() {
                " (of the options priced here)"
            } else {
                ""
            };
            match r.top() {
                Some(top) => html! {
                    <p class="answer-rec">{ format!("Recommended for {musts}{of_priced}: ") }<strong>{ top.id.name() }</strong>
                        { top.monthly_cents.map(|c| format!(", {} / month", format_usd_cents(c))).unwrap_or_default() }
                        { " " }<a href="#decision-title">{ "Why" }</a></p>
                },
                None => {
                    html! { <p class="answer-rec">{ format!("No option meets {musts}: see the ") }<a href="#decision-title">{ "decision helper" }</a>{ "." }</p> }
                }
            }
        }
    };
    let why = crate::model::compare::why(p.comparison);
    let assumed = assumptions(p.workload);
    let count = assumed.len();
    html! {
        <section id="answer" class={classes!("answer", (!p.stale.is_empty()).then_some("is-stale"))} aria-labelledby="answer-title" tabindex="-1">
            <h2 id="answer-title" class="answer-echo">{ echo(p.workload) }</h2>
            { match cheapest {
                Some(o) => html! {
                    <p class="answer-cheapest">{ format!("{}: ", e.cheapest_label()) }<strong>{ o.id.name() }</strong>{ ", " }
                        <span class="answer-total" data-total-cents={o.total_cents.to_string()}>{ format_usd_cents(o.total_cents) }</span>
                        { match caveat { Some(c) => format!(" / month; {c}."), None => " / month.".to_string() } }
                        { maybe(e.no_stream().map(|s| html! { <span class="no-stream">{ format!(" {}{}.", s[..1].to_ascii_uppercase(), &s[1..]) }</span> })) }</p>
                },
                None => html! { <p class="answer-cheapest">{ match caveat {
                    Some(c) => format!("No option priced in {} is eligible for this workload; {c}.", e.region),
                    None => format!("No option is eligible for this workload in {}: see the comparison.", e.region),
                } }</p> },
            } }
            { maybe(why.map(|w| html! { <p class="answer-why">{ w }</p> })) }
            <p class="assumptions">{ "Assumes " }{ for assumed.into_iter().enumerate().map(|(i, (text, field))| html! { <>
                { if i == 0 { "" } else if i + 1 == count { " and " } else { ", " } }
                { field_link(&text, field, p.onreveal) }
            </> }) }{ "." }</p>
            { recommendation }
            { maybe((!p.stale.is_empty()).then(|| html! {
                <ul class="stale">{ for p.stale.iter().map(|s| html! { <li>{ rich(s, p.onreveal) }</li> }) }</ul>
            })) }
            <div class="answer-tools">{ p.tools }</div>
            <p class="sr-only announce" aria-live="polite" aria-atomic="true">{ p.announcement }</p>
        </section>
    }
}
