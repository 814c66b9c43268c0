//! Exports of the estimate as shown: CSV and JSON downloads, Markdown to the clipboard.

use super::share::{absolute_link, copy_to_clipboard};
use crate::model::export::{estimate_csv, estimate_json, estimate_markdown};
use crate::model::matrix::Matrix;
use crate::model::recommend::recommend;
use crate::model::sorted::VecSet;
use crate::model::InputMessage;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExportProps {
    /// The workload: each export prices it when asked (the whole estimate, with every
    /// option's advice, even while the cards wait for typing to pause) and carries its
    /// link.
    pub workload: crate::model::Workload,
    pub messages: Rc<Vec<InputMessage>>,
    /// The ticked requirements (the Markdown carries the recommendation for them).
    pub needs: VecSet<String>,
}

/// Offers `text` as a file download.
fn download(name: &str, mime: &str, text: &str) -> Result<(), wasm_bindgen::JsValue> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = gloo::utils::document();
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    a.set_hidden(true);
    gloo::utils::body().append_child(&a)?;
    a.click();
    a.remove();
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}

/// What an export is made of: the workload, the messages on its input, the ticked
/// requirements.
type Exported = (
    crate::model::Workload,
    Rc<Vec<InputMessage>>,
    VecSet<String>,
);

/// The three exports.
#[derive(Clone, Copy)]
enum Export {
    Csv,
    Json,
    Markdown,
}

/// Prices the workload (the whole estimate, with its absolute link) and exports it.
/// (One function for the three buttons, so the module carries the pricing and the
/// download once rather than in a closure each: 0.14 KB brotli less.)
#[inline(never)]
fn export(kind: Export, p: &Exported, status: &UseStateHandle<String>) {
    let (workload, messages, needs) = p;
    let catalog = crate::model::Catalog::embedded();
    let e = crate::model::estimate(workload, catalog);
    let link = absolute_link(&crate::model::encode(workload));
    let (name, mime, text) = match kind {
        Export::Csv => ("csv", "text/csv", estimate_csv(&e, &link)),
        Export::Json => (
            "json",
            "application/json",
            estimate_json(&e, messages, &link),
        ),
        Export::Markdown => {
            let summary = recommend(&e, needs, Matrix::calculator()).summary;
            let md = estimate_markdown(&e, &link, Some(&summary), &super::header::today());
            copy_to_clipboard(&md, status.clone(), "Markdown copied.", "Copy failed.");
            return;
        }
    };
    let _ = download(&format!("streaming-showdown-estimate.{name}"), mime, &text);
}

#[function_component(ExportBar)]
pub fn export_bar(p: &ExportProps) -> Html {
    let status = use_state(String::new);
    // (The props as they are when the button is pressed: the bar re-renders with them.)
    let props: Rc<Exported> = Rc::new((p.workload.clone(), p.messages.clone(), p.needs.clone()));
    let on = |kind: Export| {
        let (props, status) = (props.clone(), status.clone());
        Callback::from(move |_: MouseEvent| export(kind, &props, &status))
    };
    html! {
        <div class="exports" role="group" aria-label="Export the estimate">
            <button type="button" class="download-csv" onclick={on(Export::Csv)}>{ "Download CSV" }</button>
            <button type="button" class="download-json" onclick={on(Export::Json)}>{ "Download JSON" }</button>
            <button type="button" class="copy-markdown" onclick={on(Export::Markdown)}>{ "Copy as Markdown" }</button>
            <span class="export-status" role="status" aria-live="polite">{ (*status).clone() }</span>
        </div>
    }
}
