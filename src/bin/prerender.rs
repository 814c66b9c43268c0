//! Pre-renders the page into a built `index.html` (Yew server-side rendering):
//! - the default estimate into `<div id="app">`, so that a visitor, a link preview and a
//!   reader without JavaScript see it before the WebAssembly module runs; the module
//!   then renders the link's page (the same page, with no query) in its place;
//! - after it, the feature comparison and the footer, which do not depend on the
//!   workload: static HTML for every link, that the module neither renders nor carries
//!   (`ui/explorer.rs`; `ui/explorer_controls.rs` makes them follow the link). The
//!   comparison's three sections and the footer's list of sources are left empty in the
//!   page, which fetches them when first opened, followed or scrolled near, from
//! - `features.html` beside it: the whole comparison and the whole footer, a page of its
//!   own (readable without JavaScript; the calculator's sections link to it).
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
    use stream_showdown::ui::explorer::{Explorer, ExplorerProps, FEATURES_PAGE};
    use stream_showdown::ui::footer::{Footer, FooterProps};
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
    // (Trunk gives its hooks the site's public URL.)
    let base = std::env::var("TRUNK_PUBLIC_URL").unwrap_or_default();
    let explorer = block_on(
        ServerRenderer::<Explorer>::with_props({
            let base = base.clone();
            move || ExplorerProps {
                lazy: true,
                base: base.into(),
            }
        })
        .hydratable(false)
        .render(),
    );
    let whole = block_on(ServerRenderer::<Explorer>::new().hydratable(false).render());
    let footer = block_on(
        ServerRenderer::<Footer>::with_props(move || FooterProps {
            lazy: true,
            base: base.into(),
        })
        .hydratable(false)
        .render(),
    );
    let whole_footer = block_on(ServerRenderer::<Footer>::new().hydratable(false).render());
    let out = format!(
        "{}<noscript><p class=\"noscript\">Streaming Showdown computes estimates in your browser with WebAssembly: enable JavaScript to price your own workload, or the workload of a link. The estimate below is the default workload's.</p></noscript>\n{PENDING}<div id=\"app\" data-prerendered=\"true\">{app}</div>\n{explorer}\n{footer}{}",
        &html[..start],
        &html[end..]
    );
    std::fs::write(&path, out).unwrap_or_else(|e| panic!("{path}: {e}"));
    let features = std::path::Path::new(&path).with_file_name(FEATURES_PAGE);
    std::fs::write(&features, features_page(&whole, &whole_footer))
        .unwrap_or_else(|e| panic!("{}: {e}", features.display()));
    println!(
        "prerender: {path}: {} KB of pre-rendered HTML",
        (app.len() + explorer.len() + footer.len()) / 1024
    );
}

/// The feature comparison as a page of its own: the sections open, a few rules of style
/// (the calculator's style sheet is inlined in its page), and the way back.
#[cfg(not(target_arch = "wasm32"))]
fn features_page(explorer: &str, footer: &str) -> String {
    let explorer = explorer.replace("<details ", "<details open ");
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta name=\"color-scheme\" content=\"light dark\">\n\
<title>Kinesis Data Streams vs Amazon MSK: feature comparison (Streaming Showdown)</title>\n\
<link rel=\"icon\" href=\"data:,\">\n\
<style>body{{font:16px/1.5 system-ui,sans-serif;margin:1rem auto;max-width:80rem;padding:0 1rem}}\
table{{border-collapse:collapse;margin:1rem 0;display:block;overflow-x:auto}}th,td{{border:1px solid #8886;padding:.4rem;text-align:left;vertical-align:top}}\
.verdict{{font-weight:600;margin-right:.3rem}}.covers{{display:block;font-size:.8rem;opacity:.75}}\
.note,.source,.correction{{margin:.3rem 0 0;font-size:.9rem}}.explorer-filters,.row-count{{display:none}}</style>\n\
</head>\n<body>\n<p><a href=\"./\">Streaming Showdown: price your workload on Kinesis Data Streams and Amazon MSK</a></p>\n\
<main>\n{explorer}\n{footer}\n</main>\n</body>\n</html>\n"
    )
}

#[cfg(target_arch = "wasm32")]
fn main() {}
