//! The app: one reducer holding the workload; the estimate is computed from it on
//! every render; the link (query string) is rewritten after each change.

use super::cost_cards::CostCards;
use super::derived::DerivedFigures;
use super::footer::Footer;
use super::header::Header;
use super::notices::Notices;
use super::share::ShareBar;
use super::state::{Action, State};
use super::workload_form::WorkloadForm;
use crate::model::{encode_link, estimate, Catalog};
use yew::prelude::*;

/// How long the link waits after the last keystroke before it is rewritten.
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
    let state = use_reducer(|| State::from_query(&current_query(), catalog));
    let workload = state.workload.clone();
    let estimate = use_memo(workload.clone(), |w| estimate(w, catalog));

    // Keep the link in step with the workload (debounced).
    {
        let view = state.view.clone();
        use_effect_with((workload, view), move |(w, v)| {
            let query = encode_link(w, v);
            let timer = gloo::timers::callback::Timeout::new(LINK_DEBOUNCE_MS, move || {
                if current_query().trim_start_matches('?') != query {
                    replace_query(&query);
                }
            });
            move || drop(timer)
        });
    }
    // Mark the first estimate on screen (read by the performance script).
    use_effect_with((), |_| {
        if let Some(perf) = gloo::utils::window().performance() {
            let _ = perf.mark("first-estimate");
        }
    });

    let onedit = {
        let state = state.clone();
        Callback::from(move |(name, text): (&'static str, String)| {
            state.dispatch(Action::Edit(name, text))
        })
    };
    let ontoggle = {
        let state = state.clone();
        Callback::from(move |(section, open): (String, bool)| {
            state.dispatch(Action::ToggleSection(section, open))
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
                    </div>
                    <CostCards estimate={(*estimate).clone()} view={state.view.clone()} {ontoggle} />
                </div>
            </main>
            <Footer />
        </>
    }
}
