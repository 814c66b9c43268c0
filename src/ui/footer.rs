//! Footer: units, sizing rules and the sources of every figure.
//!
//! The calculator's page carries the units and rules, and only the heading of the
//! sources ([`FooterProps::lazy`]): their list (every source's title, link, date and
//! grade) is fetched from `features.html`, which carries the whole footer, when the
//! reader scrolls near it or follows a link to it (a line item's "source", the header's
//! "Prices as of"), by the page's loader (`scripts/loader.mjs`), with the comparison's
//! sections.

use super::explorer::lazy_body;
use crate::model::report::ASSUMPTIONS;
use crate::model::Catalog;
use yew::prelude::*;

#[derive(Properties, PartialEq, Default)]
pub struct FooterProps {
    /// The list of sources is left out, for the page to fetch (the calculator's page).
    #[prop_or_default]
    pub lazy: bool,
    /// The site's public URL, before the link to [`super::explorer::FEATURES_PAGE`] (as the explorer's).
    #[prop_or_default]
    pub base: AttrValue,
}

#[function_component(Footer)]
pub fn footer(p: &FooterProps) -> Html {
    let catalog = Catalog::embedded();
    html! {
        <footer class="site-footer">
            <section aria-labelledby="units-title">
                <h2 id="units-title">{ "Units and rules" }</h2>
                <ul>
                    { for ASSUMPTIONS.iter().map(|a| html! { <li>{ *a }</li> }) }
                </ul>
            </section>
            <section id="sources" aria-labelledby="sources-title" data-lazy={p.lazy.then_some("")}>
                <h2 id="sources-title">{ format!("Sources (prices as of {})", catalog.prices.as_of) }</h2>
                if p.lazy {
                    { lazy_body("Loading the sources… ", &p.base, "sources", "The source and date of every figure, on a page of their own".to_string()) }
                } else {
                    <ul class="sources">
                        { for catalog.prices.sources.iter().chain(catalog.limits.sources.iter()).map(|(key, s)| html! {
                            <li id={format!("src-{key}")} data-source={key.to_string()}><a href={s.url.clone()} rel="noopener">{ &*s.title }</a>{ format!(" — {} (grade {})", s.date, s.grade) }</li>
                        }) }
                    </ul>
                }
            </section>
        </footer>
    }
}
