//! "Copy link": copies the page's link, which holds the whole workload and view.

use yew::prelude::*;

/// Copies `text` to the clipboard, then sets `status` to `done` or `failed`.
pub fn copy_to_clipboard(
    text: &str,
    status: UseStateHandle<String>,
    done: &'static str,
    failed: &'static str,
) {
    let promise = gloo::utils::window()
        .navigator()
        .clipboard()
        .write_text(text);
    wasm_bindgen_futures::spawn_local(async move {
        let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        status.set(if ok { done } else { failed }.to_string());
    });
}

/// The absolute link of this page for a query (`query`, without `?`): what "Copy link"
/// and every export carry, whatever the address bar shows while the link follows the
/// typing (it is rewritten a moment after the last change).
pub fn absolute_link(query: &str) -> String {
    let location = gloo::utils::window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    if query.is_empty() {
        format!("{origin}{path}")
    } else {
        format!("{origin}{path}?{query}")
    }
}

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    /// The workload and the view the link holds (encoded when the link is copied, not on
    /// every keystroke).
    pub workload: crate::model::Workload,
    pub view: crate::model::View,
}

#[function_component(ShareBar)]
pub fn share_bar(p: &ShareProps) -> Html {
    let status = use_state(String::new);
    let onclick = {
        let (status, w, v) = (status.clone(), p.workload.clone(), p.view.clone());
        Callback::from(move |_| {
            let href = absolute_link(&crate::model::encode_link(&w, &v));
            copy_to_clipboard(
                &href,
                status.clone(),
                "Link copied.",
                "Copy failed: copy the address bar instead.",
            );
        })
    };
    html! {
        <div class="share">
            <button type="button" class="copy-link" {onclick}>{ "Copy link" }</button>
            <span class="copy-status" role="status" aria-live="polite">{ (*status).clone() }</span>
        </div>
    }
}
