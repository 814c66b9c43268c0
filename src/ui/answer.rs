//! The answer, first on the page (above the form on a phone): the cheapest eligible
//! option and its monthly total, the recommendation for the ticked must-haves once it
//! is computed, and, while a field holds text that is not valid, which values the
//! estimate shown is for.

use super::maybe;
use crate::model::recommend::Recommendation;
use crate::model::units::format_usd_cents;
use crate::model::Estimate;
use yew::prelude::*;

/// What the answer shows. (A plain function of the app's render rather than a
/// component: it changes with every estimate anyway, and a component of its own would
/// cost the module about 2 KB.)
pub struct AnswerProps<'a> {
    pub estimate: &'a Estimate,
    /// The ranking for the ticked requirements (`None` until it is computed).
    pub recommendation: Option<&'a Recommendation>,
    /// How many requirements are ticked.
    pub needs: usize,
    /// One sentence per field whose text is not valid (see `State::stale`).
    pub stale: &'a [String],
}

pub fn answer(p: AnswerProps) -> Html {
    let e = p.estimate;
    let cheapest = e.cheapest().and_then(|id| e.option(id));
    let caveat = e.caveat();
    let recommendation = match (p.recommendation, p.needs) {
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
                        { top.monthly_cents.map(|c| format!(", {} / month", format_usd_cents(c))).unwrap_or_default() }</p>
                },
                None => {
                    html! { <p class="answer-rec">{ format!("No option meets {musts}: see the decision helper.") }</p> }
                }
            }
        }
    };
    html! {
        <section class={classes!("answer", (!p.stale.is_empty()).then_some("is-stale"))} aria-label="The answer">
            { match cheapest {
                Some(o) => html! {
                    <p class="answer-cheapest">{ format!("{}: ", e.cheapest_label()) }<strong>{ o.id.name() }</strong>{ " " }
                        <span class="answer-total" data-total-cents={o.total_cents.to_string()}>{ format_usd_cents(o.total_cents) }</span>
                        { match caveat { Some(c) => format!(" / month; {c}."), None => format!(" / month in {}", e.region) } }
                        { maybe(e.no_stream().map(|s| html! { <span class="no-stream">{ format!(": {s}.") }</span> })) }</p>
                },
                None => html! { <p class="answer-cheapest">{ match caveat {
                    Some(c) => format!("No option priced in {} is eligible for this workload; {c}.", e.region),
                    None => format!("No option is eligible for this workload in {}: see the cards.", e.region),
                } }</p> },
            } }
            { recommendation }
            { maybe((!p.stale.is_empty()).then(|| html! {
                <div role="status"><ul class="stale">{ for p.stale.iter().map(|s| html! { <li>{ s }</li> }) }</ul></div>
            })) }
        </section>
    }
}
