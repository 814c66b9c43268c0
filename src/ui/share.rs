//! "Copy link": copies the page's URL (which always holds the whole workload).

use yew::prelude::*;

#[function_component(ShareBar)]
pub fn share_bar() -> Html {
    let status = use_state(String::new);
    let onclick = {
        let status = status.clone();
        Callback::from(move |_| {
            let window = gloo::utils::window();
            let href = window.location().href().unwrap_or_default();
            let promise = window.navigator().clipboard().write_text(&href);
            let status = status.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let done = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
                status.set(if done {
                    "Link copied.".to_string()
                } else {
                    "Copy failed: copy the address bar instead.".to_string()
                });
            });
        })
    };
    html! {
        <div class="share">
            <button type="button" class="copy-link" {onclick}>{ "Copy link" }</button>
            <span class="copy-status" role="status" aria-live="polite">{ (*status).clone() }</span>
        </div>
    }
}
