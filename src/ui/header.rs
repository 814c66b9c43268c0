//! Page header: product name, prices date, theme toggle.

use super::maybe;
use yew::prelude::*;

const THEME_KEY: &str = "streaming-showdown-theme";

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub prices_as_of: AttrValue,
}

fn apply_theme(theme: &str) {
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = root.set_attribute("data-theme", theme);
    }
}

fn storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

fn initial_theme() -> String {
    let saved = storage().and_then(|s| s.get_item(THEME_KEY).ok().flatten());
    // (Earlier builds stored the value JSON-quoted: `"dark"`.)
    if let Some(saved) = saved.as_deref().map(|s| s.trim_matches('"')) {
        if saved == "dark" || saved == "light" {
            return saved.to_string();
        }
    }
    let dark = gloo::utils::window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    if dark { "dark" } else { "light" }.to_string()
}

#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    // Unknown until the browser says (the pre-rendered page follows the system's
    // colour scheme through CSS alone).
    let theme = use_state(|| None::<String>);
    {
        let theme = theme.clone();
        use_effect_with((*theme).clone(), move |current| match current {
            Some(t) => apply_theme(t),
            None => theme.set(Some(initial_theme())),
        });
    }
    let dark = theme.as_deref() == Some("dark");
    let toggle = {
        let theme = theme.clone();
        Callback::from(move |_| {
            let next = if dark { "light" } else { "dark" };
            if let Some(s) = storage() {
                let _ = s.set_item(THEME_KEY, next);
            }
            theme.set(Some(next.to_string()));
        })
    };
    let label = if dark { "Light theme" } else { "Dark theme" };
    html! {
        <header class="site-header">
            <div class="brand">
                <h1>{ "Streaming Showdown" }</h1>
                <p class="tagline">{ "Kinesis Data Streams vs Amazon MSK: what your workload costs on each, line by line." }</p>
            </div>
            <div class="header-tools">
                <a class="prices-date" href="#sources">{ format!("Prices as of {}", props.prices_as_of) }
                    { maybe(crate::model::report::prices_older_than_six_months(&props.prices_as_of, &today()).then(|| html! {
                        <span class="stale-prices">{ " (older than six months)" }</span>
                    })) }</a>
                <button type="button" class="theme-toggle" onclick={toggle} aria-pressed={dark.to_string()}>{ label }</button>
            </div>
        </header>
    }
}

/// Today's date, `YYYY-MM-DD` (the browser's clock; the build's when pre-rendering).
pub fn today() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        String::from(js_sys::Date::new_0().to_iso_string())
            .chars()
            .take(10)
            .collect()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        crate::model::price_log::today_utc()
    }
}
