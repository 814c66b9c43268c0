//! "Copy link": copies the page's URL (which always holds the whole workload).

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

#[function_component(ShareBar)]
pub fn share_bar() -> Html {
    let status = use_state(String::new);
    let onclick = {
        let status = status.clone();
        Callback::from(move |_| {
            let href = gloo::utils::window().location().href().unwrap_or_default();
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
