//! The web entry point that Trunk builds: mounts the app into the page.

#[cfg(target_arch = "wasm32")]
fn main() {
    stream_showdown::ui::panic::install_panic_hook();
    let root = gloo::utils::document()
        .get_element_by_id("app")
        .unwrap_or_else(|| gloo::utils::body().into());
    yew::Renderer::<stream_showdown::ui::App>::with_root(root).render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("stream-showdown is the web app: build it with `make serve` (Trunk). The CLI is `showdown`.");
}
