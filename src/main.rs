//! The web entry point that Trunk builds. The build pre-rendered the default page
//! (`src/bin/prerender.rs`): with no query the app hydrates it; a link with a query
//! renders its own estimate in place of it in one pass (hydrating the default page and
//! then re-rendering it would do the work twice). Without a pre-rendered page
//! (`trunk serve`) the app renders afresh.

#[cfg(target_arch = "wasm32")]
fn main() {
    stream_showdown::ui::panic::install_panic_hook();
    let root = gloo::utils::document()
        .get_element_by_id("app")
        .unwrap_or_else(|| gloo::utils::body().into());
    let renderer = yew::Renderer::<stream_showdown::ui::App>::with_root(root.clone());
    if root.has_attribute("data-prerendered") && stream_showdown::ui::initial_query().is_empty() {
        renderer.hydrate();
    } else {
        root.set_inner_html("");
        renderer.render();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("stream-showdown is the web app: build it with `make serve` (Trunk). The CLI is `showdown`.");
}
