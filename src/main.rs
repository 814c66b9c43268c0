//! The web entry point that Trunk builds: hydrates the page the build pre-rendered
//! (`src/bin/prerender.rs`), or renders it afresh when it was not (`trunk serve`).

#[cfg(target_arch = "wasm32")]
fn main() {
    stream_showdown::ui::panic::install_panic_hook();
    let root = gloo::utils::document()
        .get_element_by_id("app")
        .unwrap_or_else(|| gloo::utils::body().into());
    let renderer = yew::Renderer::<stream_showdown::ui::App>::with_root(root.clone());
    if root.has_attribute("data-prerendered") {
        renderer.hydrate();
    } else {
        renderer.render();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("stream-showdown is the web app: build it with `make serve` (Trunk). The CLI is `showdown`.");
}
