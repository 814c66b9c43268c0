//! The notice listing the link's ignored or adjusted parameters.

use crate::model::InputMessage;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub messages: Vec<InputMessage>,
    pub ondismiss: Callback<()>,
}

#[function_component(Notices)]
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
