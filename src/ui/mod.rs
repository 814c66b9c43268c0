//! Yew components, one file per part of the page. They render what the model
//! computed; the state lives in one reducer ([`state`]).

pub mod answer;
pub mod app;
pub mod charts;
pub mod comparison;
pub mod cost_cards;
pub mod decision;
pub mod derived;
pub mod explorer;
pub mod explorer_controls;
pub mod exports;
pub mod footer;
pub mod header;
pub mod notices;
pub mod panic;
pub mod section;
pub mod share;
pub mod state;
pub mod workload_form;

pub use app::{initial_query, App};

use yew::Html;

/// A child that is shown or not, as exactly one child node either way.
///
/// Why: in `html!`, a child written `{ option }` or `{ for iter }` is spliced into its
/// parent's list of children, and Yew matches an unkeyed list of children from its end.
/// So a child that comes and goes shifts every sibling before it onto a different
/// element, and Yew re-creates them: a field whose error message appeared lost its
/// `<input>`, and with it the focus and the keys typed next. Every conditional child in
/// these components goes through this function (or is an `if` in `html!`, which is one
/// node too), so a list's length never depends on what is shown.
pub fn maybe(child: Option<Html>) -> Html {
    child.unwrap_or_default()
}

/// A link that opens a field's group and focuses the field (`onreveal`).
pub fn field_link(text: &str, field: &'static str, onreveal: &yew::Callback<&'static str>) -> Html {
    use yew::prelude::*;
    let onclick = onreveal.reform(move |e: MouseEvent| {
        e.prevent_default();
        field
    });
    html! { <a class="field-link" href={format!("#f-{field}")} {onclick}>{ text.to_string() }</a> }
}

/// A sentence of the model, its quoted field labels ([`crate::model::fields::quoted`])
/// turned into [`field_link`]s.
pub fn rich(text: &str, onreveal: &yew::Callback<&'static str>) -> Html {
    use yew::prelude::*;
    let pieces = crate::model::fields::pieces(text);
    html! { <>{ for pieces.into_iter().map(|(t, field)| match field {
        Some(f) => field_link(t, f, onreveal),
        None => html! { { t.to_string() } },
    }) }</> }
}

/// How many times the window has received the event `name`, a signal from the page's
/// loader (`scripts/loader.mjs`: `charts-near`, `explorer-loaded`): the component renders
/// again on each.
#[yew::hook]
pub fn use_window_event_count(name: &'static str) -> u32 {
    use yew::prelude::*;
    struct Count(u32);
    impl Reducible for Count {
        type Action = ();
        fn reduce(self: std::rc::Rc<Self>, _: ()) -> std::rc::Rc<Self> {
            std::rc::Rc::new(Count(self.0 + 1))
        }
    }
    let count = use_reducer(|| Count(0));
    {
        let add = count.dispatcher();
        use_effect_with((), move |_| {
            let listener =
                gloo::events::EventListener::new(&gloo::utils::window(), name, move |_| {
                    add.dispatch(())
                });
            move || drop(listener)
        });
    }
    count.0
}
