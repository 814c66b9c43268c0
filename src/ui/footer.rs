//! Footer: units, sizing rules and the sources of every figure.

use crate::model::report::ASSUMPTIONS;
use crate::model::Catalog;
use yew::prelude::*;

#[function_component(Footer)]
pub fn footer() -> Html {
    let catalog = Catalog::embedded();
    html! {
        <footer class="site-footer">
            <section aria-labelledby="units-title">
                <h2 id="units-title">{ "Units and rules" }</h2>
                <ul>
                    { for ASSUMPTIONS.iter().map(|a| html! { <li>{ *a }</li> }) }
                </ul>
            </section>
            <section id="sources" aria-labelledby="sources-title">
                <h2 id="sources-title">{ format!("Sources (prices as of {})", catalog.prices.as_of) }</h2>
                <ul class="sources">
                    { for catalog.prices.sources.iter().chain(catalog.limits.sources.iter()).map(|(key, s)| html! {
                        <li id={format!("src-{key}")} data-source={key.to_string()}><a href={s.url.clone()} rel="noopener">{ &*s.title }</a>{ format!(" — {} (grade {})", s.date, s.grade) }</li>
                    }) }
                </ul>
            </section>
        </footer>
    }
}
