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
    section_html(id, class, html! { { summary } }, open, ontoggle, body)
}

/// [`section`] with a summary of markup.
pub fn section_html(
    id: &str,
    class: Classes,
    summary: Html,
    open: bool,
    ontoggle: &Callback<(String, bool)>,
    body: impl FnOnce() -> Html,
) -> Html {
    let section = id.to_string();
    let id = id.to_string();
    let ontoggle = ontoggle.reform(move |e: Event| {
        let el: web_sys::HtmlDetailsElement = e.target_unchecked_into();
        (id.clone(), el.open())
    });
    html! {
        <details {class} {open} {ontoggle} data-section={section}>
            <summary>{ summary }</summary>
            { if open { body() } else { Html::default() } }
        </details>
    }
}
