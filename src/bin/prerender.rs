//! Pre-renders the page into a built `index.html` (Yew server-side rendering):
//! - the default estimate into `<div id="app">`, so that a visitor, a link preview and a
//!   reader without JavaScript see it before the WebAssembly module runs; the module
//!   then renders the link's page (the same page, with no query) in its place;
//! - after it, the feature comparison and the footer, which do not depend on the
//!   workload: static HTML for every link, that the module neither renders nor carries
//!   (`ui/explorer.rs`; `ui/explorer_controls.rs` makes them follow the link).
//!
//! Usage: `prerender dist/index.html` (run by Trunk after each build: Trunk.toml).

/// Shown instead of the pre-rendered (default) estimate while a link's own estimate is
/// computed, and if it cannot be: a link never shows another workload's figures as its
/// own (`scripts/loader.mjs` sets the classes; `styles/main.css` shows and hides).
#[cfg(not(target_arch = "wasm32"))]
const PENDING: &str = "<div class=\"link-pending-note\" role=\"status\"><p class=\"pending-text\"><strong>Computing the estimate for this link…</strong></p><p class=\"failed-text\"><strong>This link's estimate could not be computed:</strong> the WebAssembly module did not load. Reload the page, or check that JavaScript and WebAssembly are allowed.</p><p>Workload in this link: <code id=\"link-query\"></code></p></div>\n";

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use futures::executor::block_on;
    use stream_showdown::ui::explorer::Explorer;
    use stream_showdown::ui::footer::Footer;
    use stream_showdown::ui::App;
    use yew::ServerRenderer;

    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: prerender <dist/index.html>");
        std::process::exit(2);
    };
    let html = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let marker = "<div id=\"app\"></div>";
    let Some(start) = html.find(marker) else {
        panic!("{path}: no empty <div id=\"app\"></div> to render into");
    };
    let end = start + marker.len();
    let app = block_on(ServerRenderer::<App>::new().hydratable(false).render());
    let explorer = block_on(ServerRenderer::<Explorer>::new().hydratable(false).render());
    let footer = block_on(ServerRenderer::<Footer>::new().hydratable(false).render());
    let out = format!(
        "{}<noscript><p class=\"noscript\">Streaming Showdown computes estimates in your browser with WebAssembly: enable JavaScript to price your own workload, or the workload of a link. The estimate below is the default workload's.</p></noscript>\n{PENDING}<div id=\"app\" data-prerendered=\"true\">{app}</div>\n{explorer}\n{footer}{}",
        &html[..start],
        &html[end..]
    );
    std::fs::write(&path, out).unwrap_or_else(|e| panic!("{path}: {e}"));
    println!(
        "prerender: {path}: {} KB of pre-rendered HTML",
        (app.len() + explorer.len() + footer.len()) / 1024
    );
}

#[cfg(target_arch = "wasm32")]
fn main() {}
