//! The notices about the opened link: its ignored or adjusted parameters, and, for a
//! link made with an older link format, what today's defaults would change.
//! (Plain functions: rarely on the page, and cheap to render.)

use crate::model::report::{price_notice_head, LegacyNotice, PriceNotice};
use crate::model::InputMessage;
use yew::prelude::*;

#[derive(PartialEq)]
pub struct LegacyProps {
    pub notice: LegacyNotice,
    pub onadopt: Callback<()>,
}

/// "This link was made before …": the parameters whose default changed, each option
/// whose total would change, and one button to adopt today's defaults.
pub fn legacy_defaults(p: &LegacyProps) -> Html {
    let adopt = p.onadopt.reform(|_: MouseEvent| ());
    let params: Vec<String> = p
        .notice
        .params
        .iter()
        .map(|(name, then, now)| {
            use crate::model::fields::{label, value_words};
            format!(
                "{}: {} (today: {})",
                label(name),
                value_words(name, then),
                value_words(name, now)
            )
        })
        .collect();
    html! {
        <section class="legacy-notice" role="status" aria-label="Older link">
            <div class="notice-head">
                <strong>{ "This link was made with an earlier version of the page; it opens with the assumptions it was made with: " }{ params.join("; ") }{ "." }</strong>
                <button type="button" class="adopt" onclick={adopt}>{ "Use today's defaults" }</button>
            </div>
            if p.notice.changes.is_empty() {
                <p>{ "Today's defaults change no total for this workload." }</p>
            } else {
                <ul>
                    { for p.notice.changes.iter().map(|(name, then, now)| html! {
                        <li>{ format!("{name}: {then} → {now}") }</li>
                    }) }
                </ul>
            }
        </section>
    }
}

#[derive(PartialEq)]
pub struct OlderPricesProps {
    pub notice: PriceNotice,
    pub onadopt: Callback<()>,
}

/// "This link was priced with the price book of …": the rates changed since in the
/// workload's Regions, each option whose total differs at today's prices, and one button
/// to price it with today's book.
pub fn older_prices(p: &OlderPricesProps) -> Html {
    let adopt = p.onadopt.reform(|_: MouseEvent| ());
    let n = &p.notice;
    html! {
        <section class="legacy-notice" role="status" aria-label="Older prices">
            <div class="notice-head">
                <strong>{ price_notice_head(n) }</strong>
                <button type="button" class="adopt" onclick={adopt}>{ "Use today's prices" }</button>
            </div>
            if !n.changes.is_empty() {
                <ul>
                    { for n.changes.iter().map(|(name, then, now)| html! {
                        <li>{ format!("{name}: {then} → {now}") }</li>
                    }) }
                </ul>
            }
            if !n.rates.is_empty() {
                <details>
                    <summary>{ format!("Rates changed since {} in this workload's Regions ({})", n.edition, n.rates.len()) }</summary>
                    <ul>{ for n.rates.iter().map(|r| html! { <li>{ r }</li> }) }</ul>
                </details>
            }
        </section>
    }
}

#[derive(PartialEq)]
pub struct NoticesProps {
    pub messages: Vec<InputMessage>,
    pub ondismiss: Callback<()>,
}

pub fn notices(props: &NoticesProps) -> Html {
    if props.messages.is_empty() {
        return html! {};
    }
    let dismiss = props.ondismiss.reform(|_: MouseEvent| ());
    html! {
        <section class="notice" role="status" aria-label="Link problems">
            <div class="notice-head">
                <strong>{ "Some parts of this link were ignored; everything else applies." }</strong>
                <button type="button" class="dismiss" onclick={dismiss}>{ "Dismiss" }</button>
            </div>
            <ul>
                { for props.messages.iter().map(|m| html! {
                    <li><code>{ format!("{}={}", m.param, m.value) }</code>{ ": " }{ &*m.reason }</li>
                }) }
            </ul>
        </section>
    }
}
