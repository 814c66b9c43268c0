//! Exports of the estimate as shown: CSV and JSON downloads, Markdown to the clipboard.

use super::share::{absolute_link, copy_to_clipboard};
use crate::model::export::{estimate_csv, estimate_json, estimate_markdown};
use crate::model::matrix::Matrix;
use crate::model::recommend::recommend;
use crate::model::sorted::VecSet;
use crate::model::{Estimate, InputMessage};
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

/// The workload's whole estimate and its absolute link, as every export carries them.
fn priced(w: &crate::model::Workload) -> (Estimate, String) {
    let catalog = crate::model::Catalog::embedded();
    (
        crate::model::estimate(w, catalog),
        absolute_link(&crate::model::encode(w)),
    )
}

#[function_component(ExportBar)]
pub fn export_bar(p: &ExportProps) -> Html {
    let status = use_state(String::new);
    let on_csv = {
        let w = p.workload.clone();
        Callback::from(move |_| {
            let (e, link) = priced(&w);
            let _ = download(
                "streaming-showdown-estimate.csv",
                "text/csv",
                &estimate_csv(&e, &link),
            );
        })
    };
    let on_json = {
        let (w, messages) = (p.workload.clone(), p.messages.clone());
        Callback::from(move |_| {
            let (e, link) = priced(&w);
            let text = estimate_json(&e, &messages, &link);
            let _ = download(
                "streaming-showdown-estimate.json",
                "application/json",
                &text,
            );
        })
    };
    let on_md = {
        let (w, needs, status) = (p.workload.clone(), p.needs.clone(), status.clone());
        Callback::from(move |_| {
            let (e, href) = priced(&w);
            let summary = recommend(&e, &needs, Matrix::calculator()).summary;
            let md = estimate_markdown(&e, &href, Some(&summary), &super::header::today());
            copy_to_clipboard(&md, status.clone(), "Markdown copied.", "Copy failed.");
        })
    };
    html! {
        <div class="exports" role="group" aria-label="Export the estimate">
            <button type="button" class="download-csv" onclick={on_csv}>{ "Download CSV" }</button>
            <button type="button" class="download-json" onclick={on_json}>{ "Download JSON" }</button>
            <button type="button" class="copy-markdown" onclick={on_md}>{ "Copy as Markdown" }</button>
            <span class="export-status" role="status" aria-live="polite">{ (*status).clone() }</span>
        </div>
    }
}
