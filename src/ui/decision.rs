//! The decision helper: requirement toggles (the link's `need=`), the ranked
//! recommendation with its reasons, and the source documents' presets as links.
//! Each part is its own component so that a keystroke (which changes the ranking's
//! costs) re-renders the ranking only.

use crate::model::matrix::Matrix;
use crate::model::recommend::Recommendation;
use crate::model::units::format_usd_cents;
use std::collections::BTreeSet;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DecisionProps {
    pub needs: BTreeSet<String>,
    pub recommendation: Rc<Recommendation>,
    pub ontoggle: Callback<(String, bool)>,
}

#[function_component(DecisionHelper)]
pub fn decision_helper(p: &DecisionProps) -> Html {
    html! {
        <section class="decision" aria-labelledby="decision-title">
            <h2 id="decision-title">{ "Decision helper" }</h2>
            <div class="decision-grid">
                <Needs needs={p.needs.clone()} ontoggle={p.ontoggle.clone()} />
                <div class="recommendation" aria-live="polite">
                    <Ranking recommendation={p.recommendation.clone()} />
                    <Presets />
                </div>
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct NeedsProps {
    needs: BTreeSet<String>,
    ontoggle: Callback<(String, bool)>,
}

/// The requirement checkboxes.
#[function_component(Needs)]
fn needs(p: &NeedsProps) -> Html {
    html! {
        <fieldset class="needs">
            <legend>{ "What must the platform do? Tick your must-haves." }</legend>
            { for Matrix::calculator().requirements.iter().map(|r| {
                let id = r.id.clone();
                let onchange = p.ontoggle.reform(move |e: Event| {
                    let input: HtmlInputElement = e.target_unchecked_into();
                    (id.to_string(), input.checked())
                });
                let input_id = format!("need-{}", r.id);
                html! {
                    <div class="need">
                        <input type="checkbox" id={input_id.clone()} value={r.id.clone()}
                            checked={p.needs.contains(&*r.id)} {onchange} />
                        <label for={input_id}>{ &*r.label }</label>
                    </div>
                }
            }) }
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
struct RankingProps {
    recommendation: Rc<Recommendation>,
}

/// The summary sentence and every option, best first, with why it is not first.
#[function_component(Ranking)]
fn ranking(p: &RankingProps) -> Html {
    let rec = &p.recommendation;
    let top = rec.top().map(|t| t.id);
    html! {
        <>
            <p class="summary">{ &*rec.summary }</p>
            <ol class="ranking">
                { for rec.ranking.iter().map(|r| {
                    let why = rec.others.iter().find(|(id, _)| *id == r.id).map(|(_, w)| w.clone())
                        .unwrap_or_else(|| "Top choice.".to_string());
                    let cost = r.monthly_cents.map_or_else(|| "not priced".to_string(), |c| format!("{}/month", format_usd_cents(c)));
                    html! {
                        <li data-option={r.id.id()} class={classes!(r.ruled_out().then_some("ruled-out"), (Some(r.id) == top).then_some("top"))}>
                            <strong>{ r.id.name() }</strong>{ format!(" — {cost}. ") }<span class="why">{ why }</span>
                        </li>
                    }
                }) }
            </ol>
        </>
    }
}

/// The source documents' "when to use what" presets, as links.
#[function_component(Presets)]
fn presets() -> Html {
    html! {
        <div class="presets">
            <h3>{ "When to use what (from the source documents)" }</h3>
            <ul>
                { for Matrix::calculator().presets.iter().map(|preset| html! {
                    <li>
                        <a href={format!("?{}", preset.link())} data-preset={preset.id.clone()}>{ &*preset.label }</a>
                        <span class="preset-items">{ format!(" {}", preset.items.join("; ")) }</span>
                    </li>
                }) }
            </ul>
        </div>
    }
}
