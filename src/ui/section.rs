//! A collapsible section whose open state is part of the link (`open=`): every toggle
//! is reported as (section id, open), and a closed section builds only its summary, so
//! the page stays light until the reader opens it.

use yew::prelude::*;

/// `<details>` with `class` and `summary`; `body` is built only when `open`.
pub fn section(
    id: &str,
    class: Classes,
    summary: String,
    open: bool,
    ontoggle: &Callback<(String, bool)>,
    body: impl FnOnce() -> Html,
) -> Html {
    let id = id.to_string();
    let ontoggle = ontoggle.reform(move |e: Event| {
        let el: web_sys::HtmlDetailsElement = e.target_unchecked_into();
        (id.clone(), el.open())
    });
    html! {
        <details {class} {open} {ontoggle}>
            <summary>{ summary }</summary>
            { if open { body() } else { Html::default() } }
        </details>
    }
}
