//! The footer, rendered as the build pre-renders it (static HTML: the module neither
//! renders it nor carries the sources' titles and links).
#![cfg(not(target_arch = "wasm32"))]

use stream_showdown::model::Catalog;
use stream_showdown::ui::footer::Footer;

#[test]
fn footer_names_every_source_with_its_title_link_and_date() {
    let html = futures::executor::block_on(
        yew::ServerRenderer::<Footer>::new()
            .hydratable(false)
            .render(),
    );
    let c = Catalog::embedded();
    let sources: Vec<_> = c
        .prices
        .sources
        .iter()
        .chain(c.limits.sources.iter())
        .collect();
    assert!(sources.len() >= 10);
    assert_eq!(html.matches("data-source=").count(), sources.len());
    for (key, s) in sources {
        assert!(html.contains(&format!("data-source=\"{key}\"")), "{key}");
        assert!(html.contains(&*s.date), "{key}: date");
        assert!(html.contains(&*s.url), "{key}: link");
    }
    assert!(html.contains("730 hours"));
}
