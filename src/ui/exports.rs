//! Exports of the estimate as shown: CSV and JSON downloads, Markdown to the clipboard.

use super::share::{absolute_link, copy_to_clipboard};
use crate::model::export::{estimate_csv, estimate_json, estimate_markdown};
use crate::model::matrix::Matrix;
use crate::model::recommend::recommend;
use crate::model::{Estimate, InputMessage};
use std::collections::BTreeSet;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExportProps {
    pub estimate: Rc<Estimate>,
    /// The workload's link query (without `?`).
    pub link: AttrValue,
    pub messages: Rc<Vec<InputMessage>>,
    /// The ticked requirements (the Markdown carries the recommendation for them).
    pub needs: BTreeSet<String>,
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

#[function_component(ExportBar)]
pub fn export_bar(p: &ExportProps) -> Html {
    let status = use_state(String::new);
    let on_csv = {
        let (e, link) = (p.estimate.clone(), p.link.clone());
        Callback::from(move |_| {
            let _ = download(
                "streaming-showdown-estimate.csv",
                "text/csv",
                &estimate_csv(&e, &absolute_link(&link)),
            );
        })
    };
    let on_json = {
        let (e, link, messages) = (p.estimate.clone(), p.link.clone(), p.messages.clone());
        Callback::from(move |_| {
            let text = estimate_json(&e, &messages, &absolute_link(&link));
            let _ = download(
                "streaming-showdown-estimate.json",
                "application/json",
                &text,
            );
        })
    };
    let on_md = {
        let (e, needs, status, link) = (
            p.estimate.clone(),
            p.needs.clone(),
            status.clone(),
            p.link.clone(),
        );
        Callback::from(move |_| {
            let href = absolute_link(&link);
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
