//! The web entry point that Trunk builds. The build pre-rendered the default page
//! (`src/bin/prerender.rs`); the app renders its page in place of it in one task, before
//! the browser paints again (with no query, the same page). It does not hydrate: Yew's
//! hydration would cost the module 13 KB brotli for the one page that needs none.

/// Talc instead of the default dlmalloc: smaller and faster in WebAssembly.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    stream_showdown::ui::panic::install_panic_hook();
    let root = gloo::utils::document()
        .get_element_by_id("app")
        .unwrap_or_else(|| gloo::utils::body().into());
    let renderer = yew::Renderer::<stream_showdown::ui::App>::with_root(root.clone());
    root.set_inner_html("");
    renderer.render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("stream-showdown is the web app: build it with `make serve` (Trunk). The CLI is `showdown`.");
}
