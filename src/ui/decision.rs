//! The decision helper: requirement toggles (the link's `need=`), the ranked
//! recommendation with its reasons, and the source documents' presets as links.
//! (The ranking follows the workload once typing pauses, so a keystroke does not
//! re-render the helper: its parts are plain functions, the presets a component for
//! their status line.)

use super::section::section;
use crate::model::matrix::Matrix;
use crate::model::recommend::Recommendation;
use crate::model::sorted::VecSet;
use crate::model::units::format_usd_cents;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The requirement list's section id in `open=` (closed unless the link opens it).
pub const NEEDS_SECTION: &str = "needs";

#[derive(Properties, PartialEq)]
pub struct DecisionProps {
    pub needs: VecSet<String>,
    pub recommendation: Rc<Recommendation>,
    pub ontoggle: Callback<(String, bool)>,
    /// A preset's requirements, to replace the ticked ones.
    pub onpreset: Callback<Vec<String>>,
    /// Whether the requirement list is open (`open=needs`).
    pub needs_open: bool,
    pub ontoggle_section: Callback<(String, bool)>,
    /// Opens a field named in a sentence.
    pub onreveal: Callback<&'static str>,
}

#[function_component(DecisionHelper)]
pub fn decision_helper(p: &DecisionProps) -> Html {
    html! {
        <section class="decision" aria-labelledby="decision-title">
            <h2 id="decision-title">{ "Decision helper" }</h2>
            <div class="decision-grid">
                { needs(&p.needs, &p.ontoggle, p.needs_open, &p.ontoggle_section) }
                <div class="recommendation">
                    { ranking(&p.recommendation, &p.onreveal) }
                    <Presets onpreset={p.onpreset.clone()} />
                </div>
            </div>
        </section>
    }
}

/// The requirement checkboxes, in a section that folds away (a long list on a phone).
fn needs(
    ticked: &VecSet<String>,
    ontoggle: &Callback<(String, bool)>,
    open: bool,
    ontoggle_section: &Callback<(String, bool)>,
) -> Html {
    let requirements = &Matrix::calculator().requirements;
    let summary = match ticked.len() {
        0 => format!("Must-haves: none ticked of {}", requirements.len()),
        n => format!("Must-haves: {n} ticked of {}", requirements.len()),
    };
    section(
        NEEDS_SECTION,
        classes!("needs-section"),
        summary,
        open,
        ontoggle_section,
        || {
            html! {
                <fieldset class="needs">
                    <legend>{ "What must the platform do? Tick your must-haves." }</legend>
                    { for requirements.iter().map(|r| {
                        let id = r.id.clone();
                        let onchange = ontoggle.reform(move |e: Event| {
                            let input: HtmlInputElement = e.target_unchecked_into();
                            (id.to_string(), input.checked())
                        });
                        let input_id = format!("need-{}", r.id);
                        html! {
                            <div class="need">
                                <input type="checkbox" id={input_id.clone()} value={r.id.clone()}
                                    checked={ticked.contains(&*r.id)} {onchange} />
                                <label for={input_id}>{ &*r.label }</label>
                            </div>
                        }
                    }) }
                </fieldset>
            }
        },
    )
}

/// The summary sentence and every option, best first, with why it is not first.
fn ranking(rec: &Recommendation, onreveal: &Callback<&'static str>) -> Html {
    let top = rec.top().map(|t| t.id);
    html! {
        <>
            <p class="summary">{ super::rich(&rec.summary, onreveal) }</p>
            <ol class="ranking">
                { for rec.ranking.iter().map(|r| {
                    let why = rec.others.iter().find(|(id, _)| *id == r.id).map(|(_, w)| w.clone())
                        .unwrap_or_else(|| "Top choice.".to_string());
                    let cost = r.monthly_cents.map_or_else(|| "not priced".to_string(), |c| format!("{}/month", format_usd_cents(c)));
                    html! {
                        <li data-option={r.id.id()} class={classes!(r.ruled_out().then_some("ruled-out"), (Some(r.id) == top).then_some("top"))}>
                            <strong>{ r.id.name() }</strong>{ format!(" — {cost}. ") }<span class="why">{ super::rich(&why, onreveal) }</span>
                        </li>
                    }
                }) }
            </ol>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct PresetsProps {
    onpreset: Callback<Vec<String>>,
}

/// The source documents' "when to use what" presets: each ticks its requirements and
/// leaves the workload as it is; its example workload is a separate link, for a reader
/// who asks for it.
#[function_component(Presets)]
fn presets(p: &PresetsProps) -> Html {
    let status = use_state(String::new);
    let matrix = Matrix::calculator();
    html! {
        <div class="presets">
            <h3>{ "When to use what (from the source documents)" }</h3>
            <p class="hint">{ "Each button ticks requirements (below) and leaves your workload as it is. The ranking puts options that meet every ticked requirement fully before those that meet some only partly, and ranks by monthly cost within each." }</p>
            <ul>
                { for matrix.presets.iter().map(|preset| {
                    let needs: Vec<String> = preset.needs.iter().map(|n| n.to_string()).collect();
                    let labels: Vec<String> = needs.iter()
                        .map(|id| matrix.requirement(id).map_or_else(|| id.clone(), |r| r.label.to_string()))
                        .collect();
                    let onclick = {
                        let (onpreset, status) = (p.onpreset.clone(), status.clone());
                        let said = format!("{}: ticked {} (your workload is unchanged).", preset.label, labels.join("; "));
                        Callback::from(move |_: MouseEvent| {
                            onpreset.emit(needs.clone());
                            status.set(said.clone());
                        })
                    };
                    html! {
                        <li>
                            <button type="button" class="preset" data-preset={preset.id.clone()} {onclick}>{ &*preset.label }</button>
                            <span class="preset-items">{ format!(" {} ", preset.items.join("; ")) }</span>
                            <a class="preset-workload" href={format!("?{}", preset.link())}>{ "Open with its example workload" }</a>
                        </li>
                    }
                }) }
            </ul>
            <p class="preset-status" role="status" aria-live="polite">{ (*status).clone() }</p>
        </div>
    }
}
