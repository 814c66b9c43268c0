//! The app: one reducer holding the workload; the estimate is computed from it on
//! every render; the link (query string) is rewritten after each change.

use super::answer::{answer, AnswerProps};
use super::charts::{chart_table, BreakEvenChart};
use super::comparison::comparison;
use super::cost_cards::{cost_cards, CardsProps, RateFields};
use super::decision::{DecisionHelper, NEEDS_SECTION};
use super::derived::{derived_figures, DerivedProps};
use super::explorer_controls::ExplorerControls;
use super::exports::ExportBar;
use super::header::Header;
use super::notices::{self, LegacyProps, NoticesProps, OlderPricesProps};
use super::section::section;
use super::share::ShareBar;
use super::state::{Action, State};
use super::workload_form::{workload_form, FormProps};
use crate::model::matrix::Matrix;
use crate::model::recommend::recommend;
use crate::model::sweep::{sweep, Axis, CHART_POINTS};
use crate::model::{encode_link, estimate, Catalog};
use std::rc::Rc;
use yew::prelude::*;

/// How long the link waits after the last keystroke.
const LINK_DEBOUNCE_MS: u32 = 150;
/// How long the charts and the decision helper's ranking wait after the last keystroke
/// (longer than the gap between keystrokes of steady typing, so that redrawing them, the
/// longest work on the page, does not delay the next keystroke).
const SETTLE_MS: u32 = 400;

fn current_query() -> String {
    gloo::utils::window()
        .location()
        .search()
        .unwrap_or_default()
}

/// The query the page was opened with, without `?` ("" when pre-rendering at build
/// time, which renders the default page).
pub fn initial_query() -> String {
    if cfg!(target_arch = "wasm32") {
        current_query().trim_start_matches('?').to_string()
    } else {
        String::new()
    }
}

/// Rewrites the page's query without adding a history entry.
fn replace_query(query: &str) {
    let window = gloo::utils::window();
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let url = if query.is_empty() {
        format!("{path}{hash}")
    } else {
        format!("{path}?{query}{hash}")
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// How much of the page is rendered (see the comment in [`app`]).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Stage {
    Estimate,
    Decision,
    Whole,
}

/// `to` takes `from`'s workload one task later (a task of its own).
#[hook]
fn use_follow(
    from: Option<crate::model::Workload>,
    to: UseStateHandle<Option<crate::model::Workload>>,
) {
    use_effect_with(from, move |w| {
        let w = w.clone();
        let timer = gloo::timers::callback::Timeout::new(0, move || {
            if w.is_some() {
                to.set(w);
            }
        });
        move || drop(timer)
    });
}

/// The app's callbacks to its children: each dispatches one action.
#[derive(Clone)]
struct Handlers {
    onedit: Callback<(&'static str, String)>,
    ontoggle: Callback<(String, bool)>,
    ontoggle_need: Callback<(String, bool)>,
    onfilter: Callback<crate::model::view::RowFilter>,
    onsearch: Callback<String>,
    ontoggle_option: Callback<(crate::model::OptionId, bool)>,
    onpreset: Callback<Vec<String>>,
    onadopt_prices: Callback<()>,
    onadopt: Callback<()>,
    onrate: Callback<(String, String)>,
    onremove: Callback<String>,
    onfill: Callback<()>,
    ondismiss: Callback<()>,
    onreveal: Callback<&'static str>,
}

/// A callback that dispatches the action `action` makes of its argument.
fn dispatching<T: 'static>(
    d: &UseReducerDispatcher<State>,
    action: impl Fn(T) -> Action + 'static,
) -> Callback<T> {
    let d = d.clone();
    Callback::from(move |x| d.dispatch(action(x)))
}

impl Handlers {
    fn new(d: UseReducerDispatcher<State>) -> Self {
        Self {
            onedit: dispatching(&d, |(name, text)| Action::Edit(name, text)),
            ontoggle: dispatching(&d, |(id, on)| Action::ToggleSection(id, on)),
            ontoggle_need: dispatching(&d, |(id, on)| Action::ToggleNeed(id, on)),
            onfilter: dispatching(&d, Action::SetRowFilter),
            onsearch: dispatching(&d, Action::SetSearch),
            ontoggle_option: dispatching(&d, |(o, hide)| Action::SetHidden(o, hide)),
            onpreset: dispatching(&d, Action::SetNeeds),
            onadopt_prices: dispatching(&d, |()| Action::AdoptTodaysPrices),
            onadopt: dispatching(&d, |()| Action::AdoptTodaysDefaults),
            onrate: dispatching(&d, |(name, text)| Action::EditRate(name, text)),
            onremove: dispatching(&d, Action::RemoveRate),
            onfill: dispatching(&d, |()| Action::FillMissingRates),
            ondismiss: dispatching(&d, |()| Action::DismissNotice),
            // A field named in a sentence: open its group, then focus it (once the
            // group's fields are on the page).
            onreveal: Callback::from(move |field: &'static str| {
                if let Some(group) = super::workload_form::group_of(field) {
                    d.dispatch(Action::ToggleSection(group.to_string(), true));
                }
                gloo::timers::callback::Timeout::new(0, move || {
                    use wasm_bindgen::JsCast;
                    if let Some(el) = gloo::utils::document()
                        .get_element_by_id(&format!("f-{field}"))
                        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
                    {
                        let _ = el.focus();
                    }
                })
                .forget();
            }),
        }
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let catalog = Catalog::embedded();
    // The first render is the link's estimate (with no query: the default page that the
    // build pre-rendered, rendered again in its place).
    let state = use_reducer(|| State::from_query(&initial_query(), catalog));
    let workload = state.workload.clone();
    // The charts follow the workload once typing pauses (48 estimates per chart), and
    // are first drawn just after the first estimate is on screen.
    let settled = use_state(|| None::<crate::model::Workload>);
    // Each option's advice (five more estimates of each option) follows the workload once
    // typing pauses too: a keystroke prices the options without it, and each card keeps
    // the last advice, marked as updating, so that nothing moves under the reader's eyes
    // (`with_earlier_advice`).
    let advised_for = (*settled).clone().unwrap_or_else(|| workload.clone());
    let advised = use_memo(advised_for.clone(), |w| estimate(w, catalog));
    let estimate = use_memo(
        (workload.clone(), advised_for.clone(), advised.clone()),
        |(w, advised_for, advised)| {
            if w == advised_for {
                (**advised).clone()
            } else {
                crate::model::estimate::with_earlier_advice(
                    crate::model::estimate::estimate_only(w, catalog),
                    advised,
                )
            }
        },
    );
    // A link renders its estimate first; the decision helper, then the feature
    // comparison's controls, then the charts follow, each in a task of its own so that
    // none blocks input for long. (The default page is rendered whole, in one task: it
    // replaces the same page pre-rendered, which must not lose a section between two
    // paints. The comparison itself and the footer
    // are static HTML after the app, pre-rendered for every link.)
    let stage = use_state(|| {
        if initial_query().is_empty() {
            Stage::Whole
        } else {
            Stage::Estimate
        }
    });
    // So does the decision helper's ranking, from the same estimate with advice (a
    // keystroke repaints the cards only); it follows ticked requirements at once.
    // (Computed once the decision helper is on the page.)
    let shown = *stage >= Stage::Decision;
    let recommendation = use_memo(
        (advised.clone(), workload.needs.clone(), shown),
        |(advised, needs, shown)| {
            shown.then(|| Rc::new(recommend(advised, needs, Matrix::calculator())))
        },
    );
    // The charts follow the settled workload one task after it, one chart per task (48
    // estimates each), so that no task holds the page for long (the advice and the
    // ranking take the settling task; each chart its own).
    // They are first drawn when the reader scrolls near them (`charts-near`, sent by the
    // page's loader, scripts/loader.mjs): a reader who never scrolls down does not wait
    // for 96 estimates, nor does a page left unscrolled redraw them each time typing pauses.
    let near = super::use_window_event_count("charts-near") > 0;
    let charted = use_state(|| None::<crate::model::Workload>);
    let charted_retention = use_state(|| None::<crate::model::Workload>);
    use_follow((*settled).clone().filter(|_| near), charted.clone());
    use_follow((*charted).clone(), charted_retention.clone());
    let sweep_throughput = use_memo((*charted).clone(), |w| {
        w.as_ref()
            .map(|w| sweep(w, Axis::Throughput, CHART_POINTS, catalog))
    });
    let sweep_retention = use_memo((*charted_retention).clone(), |w| {
        w.as_ref()
            .map(|w| sweep(w, Axis::Retention, CHART_POINTS, catalog))
    });
    let sweeps = match (sweep_throughput.as_ref(), sweep_retention.as_ref()) {
        (Some(t), Some(r)) => Some((t.clone(), r.clone())),
        _ => None,
    };

    // What today's defaults would change for a link of an older format (two more
    // estimates: like the charts, it follows the workload once typing pauses).
    let legacy = use_memo(
        (advised_for.clone(), state.legacy.clone()),
        |(w, legacy)| crate::model::report::legacy_notice(w, legacy, catalog),
    );

    // A link priced with an older price book: the rates changed since, and the totals
    // at today's prices (one more estimate, only for such a link).
    let older_prices = use_memo(advised_for.clone(), |w| {
        crate::model::report::price_notice(w, catalog)
    });

    // Keep the link in step with the workload, and settle the charts (both debounced).
    // (An older link stays as it was opened until the user changes something: it means
    // the same estimate, and reloading it shows the same notice.)
    {
        let view = state.view.clone();
        let settled = settled.clone();
        let keep = state.legacy_link;
        use_effect_with((workload.clone(), view, keep), move |(w, v, keep)| {
            let (w, v) = (w.clone(), v.clone());
            let keep = *keep;
            let written = w.clone();
            let link = gloo::timers::callback::Timeout::new(LINK_DEBOUNCE_MS, move || {
                // (Encoded once typing pauses, not on every keystroke.)
                let query = encode_link(&written, &v);
                if !keep && current_query().trim_start_matches('?') != query {
                    replace_query(&query);
                }
            });
            let settle = gloo::timers::callback::Timeout::new(SETTLE_MS, move || {
                if settled.as_ref() != Some(&w) {
                    settled.set(Some(w));
                }
            });
            move || drop((link, settle))
        });
    }
    // Mark the first estimate on screen (read by the performance script), then draw the
    // rest.
    let pending = use_mut_ref(Vec::<gloo::timers::callback::Timeout>::new);
    {
        let settled = settled.clone();
        let stage = stage.clone();
        let first = workload.clone();
        let pending = pending.clone();
        use_effect_with((), move |_| {
            if let Some(perf) = gloo::utils::window().performance() {
                let _ = perf.mark("first-estimate");
            }
            // The link's own estimate is on the page: show it (the loader hid the
            // pre-rendered default figures for a link with a query).
            // (The root element's classes are the loader's alone.)
            if let Some(root) = gloo::utils::document().document_element() {
                root.set_class_name("");
            }
            // Each step is a timer the app holds: when the app is gone, the timer is
            // dropped (cancelled) with it, and nothing runs after.
            let steps = pending.clone();
            let next = move |f: Box<dyn FnOnce()>| {
                let timer = gloo::timers::callback::Timeout::new(0, f);
                steps.borrow_mut().push(timer);
            };
            let then = next.clone();
            next(Box::new(move || {
                stage.set(Stage::Decision);
                let last = then.clone();
                then(Box::new(move || {
                    stage.set(Stage::Whole);
                    last(Box::new(move || settled.set(Some(first))));
                }));
            }));
            // Unmounted: every timer still pending is cancelled.
            move || pending.borrow_mut().clear()
        });
    }

    // The callbacks are made once (the dispatcher never changes), so a child whose other
    // props did not change is not re-rendered on a keystroke. (One memo for all of them:
    // a hook each would cost the module a copy of the hook's code each.)
    let handlers = {
        let dispatcher = state.dispatcher();
        use_memo((), move |_| Handlers::new(dispatcher))
    };
    let Handlers {
        onedit,
        ontoggle,
        ontoggle_need,
        onfilter,
        onsearch,
        ontoggle_option,
        onpreset,
        onadopt_prices,
        onadopt,
        onrate,
        onremove,
        onfill,
        ondismiss,
        onreveal,
    } = (*handlers).clone();
    let cmp = use_memo(estimate.clone(), |e| crate::model::compare::compare(e));
    // What a screen reader hears once typing pauses: the new cheapest total (nothing on
    // the page as opened).
    let opened = use_state(|| workload.clone());
    let announcement = use_memo((*settled).clone(), {
        let estimate = estimate.clone();
        let opened = opened.clone();
        move |settled| match settled {
            Some(w) if *w != *opened => {
                crate::model::report::cheapest_sentence(&estimate, "").unwrap_or_default()
            }
            _ => String::new(),
        }
    });
    let rates = Rc::new(RateFields {
        given: state.workload.rates.clone(),
        text: state.rate_fields.clone(),
        errors: state.rate_errors.clone(),
    });
    let stale = state.stale();
    let messages = if state.notice_dismissed {
        Vec::new()
    } else {
        (*state.link_messages).clone()
    };
    html! {
        <>
            <a class="skip-link" href="#answer">{ "Skip to the results" }</a>
            <Header prices_as_of={AttrValue::from(estimate.prices_as_of.clone())} />
            <main id="main">
                { notices::notices(&NoticesProps { messages, ondismiss }) }
                <div class="layout">
                { answer(AnswerProps { estimate: &estimate, workload: &state.workload, comparison: &cmp,
                    recommendation: recommendation.as_deref(), stale: &stale, onreveal: &onreveal,
                    announcement: (*announcement).clone(),
                    tools: html! { <>
                        <ShareBar workload={state.workload.clone()} view={state.view.clone()} />
                        <ExportBar workload={state.workload.clone()}
                            messages={state.link_messages.clone()} needs={state.workload.needs.clone()} />
                    </> } }) }
                { comparison(&cmp, &estimate.region, &onreveal) }
                    <div class="inputs">
                        { workload_form(&FormProps { state: &state, onedit: &onedit, ontoggle: &ontoggle }) }
                        { derived_figures(&DerivedProps { derived: estimate.derived.clone(), kinesis: estimate.kinesis_derived.clone() }) }
                    </div>
                    <div class="outputs">
                        if let Some(notice) = (*older_prices).clone() {
                            { notices::older_prices(&OlderPricesProps { notice, onadopt: onadopt_prices }) }
                        }
                        if let Some(notice) = (*legacy).clone() {
                            { notices::legacy_defaults(&LegacyProps { notice, onadopt }) }
                        }
                        { cost_cards(&CardsProps { estimate: estimate.clone(), view: state.view.clone(), ontoggle: ontoggle.clone(), rates, onrate, onremove, onfill, onreveal: onreveal.clone() }) }
                        if let Some(recommendation) = (*recommendation).clone() {
                            <DecisionHelper needs={state.workload.needs.clone()} {recommendation} ontoggle={ontoggle_need} onreveal={onreveal.clone()}
                                {onpreset} needs_open={state.view.is_open(NEEDS_SECTION)} ontoggle_section={ontoggle.clone()} />
                        }
                    </div>
                </div>
                { match sweeps.as_ref() { Some(sweeps) => html! {
                <section class="charts" aria-labelledby="charts-title">
                    <h2 id="charts-title">{ "Break-even: where each option wins" }</h2>
                    <div class="chart-grid">
                        <BreakEvenChart sweep={sweeps.0.clone()} hidden={state.view.hidden.clone()} ontoggle_option={ontoggle_option.clone()} />
                        <BreakEvenChart sweep={sweeps.1.clone()} hidden={state.view.hidden.clone()} {ontoggle_option} />
                    </div>
                    { section("charts-data", classes!("charts-data"), "The numbers behind the charts".to_string(), state.view.is_open("charts-data"), &ontoggle, || html! {
                        <>
                            { chart_table(&sweeps.0) }
                            { chart_table(&sweeps.1) }
                        </>
                    }) }
                </section>
                }, None => html! {
                    <section class="charts" aria-labelledby="charts-title">
                        <h2 id="charts-title">{ "Break-even: where each option wins" }</h2>
                        <p class="charts-loading">{ "Drawing the charts…" }</p>
                    </section>
                }}}
                if *stage == Stage::Whole {
                    <ExplorerControls view={state.view.clone()} needs={state.workload.needs.clone()} {onfilter} {onsearch} ontoggle={ontoggle} />
                }
            </main>
        </>
    }
}
