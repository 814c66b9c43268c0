//! The app: one reducer holding the workload; the estimate is computed from it on
//! every render; the link (query string) is rewritten after each change.

use super::charts::{BreakEvenChart, ChartTable};
use super::cost_cards::CostCards;
use super::decision::DecisionHelper;
use super::derived::DerivedFigures;
use super::explorer::Explorer;
use super::exports::ExportBar;
use super::footer::Footer;
use super::header::Header;
use super::notices::Notices;
use super::share::ShareBar;
use super::state::{Action, State};
use super::workload_form::WorkloadForm;
use crate::model::matrix::Matrix;
use crate::model::recommend::recommend;
use crate::model::sweep::{sweep, Axis, CHART_POINTS};
use crate::model::{encode, encode_link, estimate, Catalog};
use yew::prelude::*;

/// How long the link (and the charts) wait after the last keystroke.
const LINK_DEBOUNCE_MS: u32 = 150;

fn current_query() -> String {
    gloo::utils::window()
        .location()
        .search()
        .unwrap_or_default()
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

#[function_component(App)]
pub fn app() -> Html {
    let catalog = Catalog::embedded();
    // The first render is the default page (what the build pre-rendered, so hydration
    // matches); the link's own query is loaded right after, in place.
    let state = use_reducer(|| State::from_query("", catalog));
    let loaded = use_state(|| false);
    let workload = state.workload.clone();
    let estimate = use_memo(workload.clone(), |w| estimate(w, catalog));
    let recommendation = use_memo((estimate.clone(), workload.needs.clone()), |(e, needs)| {
        recommend(e, needs, Matrix::embedded())
    });
    // The charts follow the workload once typing pauses (48 estimates per chart), and
    // are first drawn just after the first estimate is on screen.
    let settled = use_state(|| None::<crate::model::Workload>);
    let sweeps = use_memo((*settled).clone(), |w| {
        w.as_ref().map(|w| {
            (
                sweep(w, Axis::Throughput, CHART_POINTS, catalog),
                sweep(w, Axis::Retention, CHART_POINTS, catalog),
            )
        })
    });

    // Keep the link in step with the workload (debounced), and settle the charts.
    {
        let view = state.view.clone();
        let settled = settled.clone();
        let ready = *loaded;
        use_effect_with((workload.clone(), view, ready), move |(w, v, ready)| {
            let ready = *ready;
            let query = encode_link(w, v);
            let w = w.clone();
            let timer = gloo::timers::callback::Timeout::new(LINK_DEBOUNCE_MS, move || {
                if !ready {
                    return;
                }
                if current_query().trim_start_matches('?') != query {
                    replace_query(&query);
                }
                if settled.as_ref() != Some(&w) {
                    settled.set(Some(w));
                }
            });
            move || drop(timer)
        });
    }
    // Mark the first estimate on screen (read by the performance script), then draw the
    // charts in the next task.
    {
        let state = state.clone();
        let loaded_flag = loaded.clone();
        use_effect_with((), move |_| {
            let query = current_query();
            if !query.trim_start_matches('?').is_empty() {
                state.dispatch(Action::Load(query));
            }
            loaded_flag.set(true);
        });
    }
    {
        let settled = settled.clone();
        let first = workload.clone();
        use_effect_with(*loaded, move |loaded| {
            if *loaded {
                if let Some(perf) = gloo::utils::window().performance() {
                    let _ = perf.mark("first-estimate");
                }
                gloo::timers::callback::Timeout::new(0, move || settled.set(Some(first))).forget();
            }
        });
    }

    let onedit = {
        let state = state.clone();
        Callback::from(move |(name, text): (&'static str, String)| {
            state.dispatch(Action::Edit(name, text))
        })
    };
    let dispatch = |make: fn(String, bool) -> Action| {
        let state = state.clone();
        Callback::from(move |(id, on): (String, bool)| state.dispatch(make(id, on)))
    };
    let ontoggle = dispatch(Action::ToggleSection);
    let ontoggle_need = dispatch(Action::ToggleNeed);
    let onfilter = {
        let state = state.clone();
        Callback::from(move |f| state.dispatch(Action::SetRowFilter(f)))
    };
    let onsearch = {
        let state = state.clone();
        Callback::from(move |q| state.dispatch(Action::SetSearch(q)))
    };
    let ontoggle_option = {
        let state = state.clone();
        Callback::from(move |(o, hide): (crate::model::OptionId, bool)| {
            state.dispatch(Action::SetHidden(o, hide))
        })
    };
    let ondismiss = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::DismissNotice))
    };
    let messages = if state.notice_dismissed {
        Vec::new()
    } else {
        state.link_messages.clone()
    };
    html! {
        <>
            <Header prices_as_of={AttrValue::from(estimate.prices_as_of.clone())} />
            <main id="main">
                <Notices {messages} {ondismiss} />
                <div class="layout">
                    <div class="inputs">
                        <WorkloadForm state={(*state).clone()} {onedit} ontoggle={ontoggle.clone()} />
                        <DerivedFigures derived={estimate.derived.clone()} />
                        <ShareBar />
                        <ExportBar estimate={(*estimate).clone()} link={encode(&state.workload)}
                            messages={state.link_messages.clone()} summary={recommendation.summary.clone()} />
                    </div>
                    <div class="outputs">
                        <CostCards estimate={(*estimate).clone()} view={state.view.clone()} ontoggle={ontoggle.clone()} />
                        <DecisionHelper needs={state.workload.needs.clone()} recommendation={(*recommendation).clone()} ontoggle={ontoggle_need} />
                    </div>
                </div>
                { match sweeps.as_ref() { Some(sweeps) => html! {
                <section class="charts" aria-labelledby="charts-title">
                    <h2 id="charts-title">{ "Break-even: where each option wins" }</h2>
                    <div class="chart-grid">
                        <BreakEvenChart sweep={sweeps.0.clone()} hidden={state.view.hidden.clone()} ontoggle_option={ontoggle_option.clone()} />
                        <BreakEvenChart sweep={sweeps.1.clone()} hidden={state.view.hidden.clone()} {ontoggle_option} />
                    </div>
                    <details class="charts-data" open={state.view.is_open("charts-data")} ontoggle={
                        let t = ontoggle.clone();
                        Callback::from(move |e: Event| {
                            let el: web_sys::HtmlDetailsElement = e.target_unchecked_into();
                            t.emit(("charts-data".to_string(), el.open()))
                        })
                    }>
                        <summary>{ "The numbers behind the charts" }</summary>
                        <ChartTable sweep={sweeps.0.clone()} />
                        <ChartTable sweep={sweeps.1.clone()} />
                    </details>
                </section>
                }, None => html! {
                    <section class="charts" aria-labelledby="charts-title">
                        <h2 id="charts-title">{ "Break-even: where each option wins" }</h2>
                        <p class="charts-loading">{ "Drawing the charts…" }</p>
                    </section>
                }}}
                <Explorer view={state.view.clone()} needs={state.workload.needs.clone()} {onfilter} {onsearch} ontoggle={ontoggle} />
            </main>
            <Footer />
        </>
    }
}
