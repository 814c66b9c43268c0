//! Pre-renders the default page into a built `index.html` (Yew server-side rendering),
//! so that a visitor, a link preview and a reader without JavaScript see the comparison
//! and the default estimate before the WebAssembly module runs; the browser then
//! hydrates it. A `<noscript>` block carries the full comparison tables.
//!
//! Usage: `prerender dist/index.html` (run by scripts/build.sh).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use stream_showdown::model::view::View;
    use stream_showdown::ui::explorer::{Explorer, ExplorerProps};
    use stream_showdown::ui::App;
    use yew::{Callback, ServerRenderer};

    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: prerender <dist/index.html>");
        std::process::exit(2);
    };
    let html = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let marker = "<div id=\"app\">";
    let Some(start) = html.find(marker) else {
        panic!("{path}: no <div id=\"app\"> to render into");
    };
    let end = start
        + html[start..]
            .find("</div>")
            .unwrap_or_else(|| panic!("{path}: <div id=\"app\"> is not closed"))
        + "</div>".len();
    let app = futures::executor::block_on(ServerRenderer::<App>::new().render());
    let open: std::collections::BTreeSet<String> = ["matrix", "integrations", "deployment"]
        .into_iter()
        .map(String::from)
        .collect();
    let tables = futures::executor::block_on(
        ServerRenderer::<Explorer>::with_props(move || ExplorerProps {
            view: View {
                open: open.clone(),
                ..View::default()
            },
            needs: Default::default(),
            onfilter: Callback::noop(),
            onsearch: Callback::noop(),
            ontoggle: Callback::noop(),
        })
        .hydratable(false)
        .render(),
    );
    let out = format!(
        "{}<div id=\"app\" data-prerendered=\"true\">{app}</div>\n<noscript><main class=\"noscript\"><p>Streaming Showdown computes estimates in your browser with WebAssembly; enable JavaScript for the calculator. The comparison:</p>{tables}</main></noscript>{}",
        &html[..start],
        &html[end..]
    );
    std::fs::write(&path, out).unwrap_or_else(|e| panic!("{path}: {e}"));
    println!(
        "prerender: {path}: {} KB of pre-rendered HTML",
        (app.len() + tables.len()) / 1024
    );
}

#[cfg(target_arch = "wasm32")]
fn main() {}
