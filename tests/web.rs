//! Browser tests of the components (`cargo test --target wasm32-unknown-unknown`, run
//! in headless Chromium by wasm-bindgen-test-runner).
#![cfg(target_arch = "wasm32")]

use stream_showdown::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Lets Yew render (it schedules work on the microtask queue and timers).
async fn settle() {
    gloo::timers::future::TimeoutFuture::new(30).await;
}

fn mount() -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    root
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element {selector}"))
        .text_content()
        .unwrap_or_default()
}

fn type_into(root: &Element, selector: &str, value: &str) {
    let input: HtmlInputElement = root
        .query_selector(selector)
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    input.set_value(value);
    let event = web_sys::InputEvent::new("input").unwrap();
    input.dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn renders_every_option_for_the_default_workload() {
    let root = mount();
    settle().await;
    let cards = root.query_selector_all(".card").unwrap();
    assert_eq!(cards.length(), 5);
    assert_eq!(
        text(&root, "[data-option=kinesis-provisioned] .capacity"),
        "1 shard"
    );
    assert!(text(&root, ".prices-date").starts_with("Prices as of 20"));
    root.remove();
}

#[wasm_bindgen_test]
async fn typing_a_workload_recomputes_the_shards() {
    let root = mount();
    settle().await;
    type_into(&root, "#f-rps", "5000");
    type_into(&root, "#f-size", "2");
    settle().await;
    assert_eq!(
        text(&root, "[data-option=kinesis-provisioned] .capacity"),
        "10 shards"
    );
    assert_eq!(
        text(
            &root,
            "[data-option=kinesis-provisioned] [data-line=shard_hours] td:last-child"
        ),
        "$109.50"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn a_bad_value_is_marked_and_the_last_valid_estimate_stays() {
    let root = mount();
    settle().await;
    type_into(&root, "#f-rps", "5000");
    settle().await;
    let before = text(&root, "[data-option=kinesis-provisioned] .amount");
    type_into(&root, "#f-rps", "lots");
    settle().await;
    assert!(text(&root, "#f-rps-error").contains("not a number"));
    assert_eq!(
        text(&root, "[data-option=kinesis-provisioned] .amount"),
        before
    );
    assert!(!root.inner_html().contains("NaN"));
    root.remove();
}
