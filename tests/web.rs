//! Browser tests of the components (`cargo test --target wasm32-unknown-unknown`, run
//! in headless Chromium by wasm-bindgen-test-runner).
#![cfg(target_arch = "wasm32")]

use stream_showdown::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Lets Yew finish what it has scheduled (its scheduler defers work and yields to the
/// browser), then lets due timers run, then finishes what they scheduled.
async fn settle() {
    yew::scheduler::flush().await;
    gloo::timers::future::TimeoutFuture::new(30).await;
    yew::scheduler::flush().await;
}

/// How long a wait may last: generous, because a busy machine is slow, and a wait that
/// is met returns at once.
const WAIT_MS: f64 = 15_000.0;

fn waited(started: f64) -> bool {
    js_sys::Date::now() - started > WAIT_MS
}

/// Waits until `selector` matches inside `root`.
async fn until(root: &Element, selector: &str) {
    let started = js_sys::Date::now();
    while !waited(started) {
        if root.query_selector(selector).ok().flatten().is_some() {
            return;
        }
        settle().await;
    }
    panic!("timed out waiting for {selector}");
}

/// Waits until the text of `selector` is `expected`.
async fn until_text(root: &Element, selector: &str, expected: &str) {
    let started = js_sys::Date::now();
    while !waited(started) {
        let now = root
            .query_selector(selector)
            .ok()
            .flatten()
            .and_then(|e| e.text_content());
        if now.as_deref() == Some(expected) {
            return;
        }
        settle().await;
    }
    assert_eq!(
        text(root, selector),
        expected,
        "timed out waiting for {selector}"
    );
}

/// The page as no earlier test left it: every component an earlier test mounted is
/// gone (Yew's scheduler has run its destruction, and with it every timer it held), the
/// address has no query, storage is empty, the theme is the page's own, and no element
/// an earlier test added (one that failed half-way, say) is left.
async fn fresh_page() {
    yew::scheduler::flush().await;
    let window = gloo::utils::window();
    let path = window.location().pathname().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path))
        .unwrap();
    if let Ok(Some(storage)) = window.local_storage() {
        storage.clear().unwrap();
    }
    let document = gloo::utils::document();
    let html = document.document_element().unwrap();
    html.set_class_name("");
    let left = document.query_selector_all(".test-root").unwrap();
    for i in 0..left.length() {
        if let Some(node) = left.item(i) {
            node.dyn_into::<Element>().unwrap().remove();
        }
    }
}

/// A fresh page and an element of this test's own to render into.
async fn root() -> Element {
    fresh_page().await;
    element()
}

/// One more element of this test's own (after [`root`]).
fn element() -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    root.set_class_name("test-root");
    document.body().unwrap().append_child(&root).unwrap();
    root
}

/// The app, on a fresh page.
async fn mount() -> (Element, yew::AppHandle<App>) {
    let root = root().await;
    let handle = yew::Renderer::<App>::with_root(root.clone()).render();
    (root, handle)
}

/// Ends a test's component: destroys it, lets Yew's scheduler run the destruction (a
/// destroyed component's timers, debounced work and listeners end with it), and removes
/// its element.
async fn unmount<C: yew::BaseComponent>(handle: yew::AppHandle<C>, root: Element) {
    handle.destroy();
    yew::scheduler::flush().await;
    assert_eq!(
        root.child_element_count(),
        0,
        "a destroyed component leaves nothing"
    );
    root.remove();
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element {selector}"))
        .text_content()
        .unwrap_or_default()
}

/// The input element `selector` names.
fn input(root: &Element, selector: &str) -> HtmlInputElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element {selector}"))
        .dyn_into()
        .unwrap()
}

fn type_into(root: &Element, selector: &str, value: &str) {
    let input = input(root, selector);
    input.set_value(value);
    let event = web_sys::InputEvent::new("input").unwrap();
    input.dispatch_event(&event).unwrap();
}

/// Opens a group of the form as a person does (a click on its summary), and waits for
/// its fields (they render when it is open).
async fn open_group(root: &Element, id: &str, field: &str) {
    let summary: web_sys::HtmlElement = root
        .query_selector(&format!("details[data-section={id}] > summary"))
        .unwrap()
        .unwrap_or_else(|| panic!("no group {id}"))
        .dyn_into()
        .unwrap();
    summary.click();
    until(root, field).await;
}

/// Opens an option card's line items (they render when opened).
fn open_lines(root: &Element, id: &str) {
    let summary: web_sys::HtmlElement = root
        .query_selector(&format!("[data-option={id}] details.lines summary"))
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    summary.click();
}

#[wasm_bindgen_test]
async fn renders_every_option_for_the_default_workload() {
    let (root, app) = mount().await;
    until(&root, ".card .amount").await;
    let cards = root.query_selector_all(".card").unwrap();
    assert_eq!(cards.length(), 8);
    assert_eq!(
        text(&root, "[data-option=kinesis-provisioned] .capacity"),
        "1 shard"
    );
    assert!(text(&root, ".prices-date").starts_with("Prices as of 20"));
    unmount(app, root).await;
}

/// The answer echoes the workload and says why; the comparison under it lists every
/// option cheapest first, with the same total as its card; the groups are closed.
#[wasm_bindgen_test]
async fn the_answer_and_the_comparison_lead_the_page() {
    let (root, app) = mount().await;
    until(&root, ".card .amount").await;
    type_into(&root, "#f-mbps", "20");
    type_into(&root, "#f-size", "2");
    type_into(&root, "#f-consumers", "3");
    type_into(&root, "#f-retention", "3d");
    until_text(
        &root,
        ".answer-echo",
        "20 MB/s of 2 KB records, 3 readers, 3 days, us-east-1",
    )
    .await;
    assert!(text(&root, ".answer-why")
        .contains("The VPC endpoint is 64 % of Kinesis provisioned's bill"));
    let rows = root.query_selector_all("#comparison tbody tr").unwrap();
    assert_eq!(rows.length(), 8);
    let first: Element = rows.get(0).unwrap().dyn_into().unwrap();
    assert_eq!(
        first.get_attribute("data-row").as_deref(),
        Some("kinesis-provisioned")
    );
    assert!(first.class_name().contains("is-cheapest"));
    for i in 0..rows.length() {
        let row: Element = rows.get(i).unwrap().dyn_into().unwrap();
        let id = row.get_attribute("data-row").unwrap();
        if let Some(total) = row.query_selector(".total[data-total-cents]").unwrap() {
            let card = root
                .query_selector(&format!("[data-option={id}] .amount"))
                .unwrap()
                .unwrap();
            assert_eq!(
                total.get_attribute("data-total-cents"),
                card.get_attribute("data-total-cents"),
                "{id}"
            );
        }
    }
    // Five fields, and the groups closed.
    assert_eq!(
        root.query_selector_all(".workload > .fields > .field")
            .unwrap()
            .length(),
        5
    );
    assert_eq!(
        root.query_selector_all(".groups details[open]")
            .unwrap()
            .length(),
        0
    );
    assert_eq!(
        root.query_selector_all(".groups details").unwrap().length(),
        7
    );
    unmount(app, root).await;
}

#[wasm_bindgen_test]
async fn typing_a_workload_recomputes_the_shards() {
    let (root, app) = mount().await;
    until(&root, ".card .amount").await;
    open_group(&root, "traffic", "#f-rps").await;
    type_into(&root, "#f-rps", "5000");
    type_into(&root, "#f-size", "2");
    until_text(
        &root,
        "[data-option=kinesis-provisioned] .capacity",
        "10 shards",
    )
    .await;
    // Line items render when their section is opened.
    open_lines(&root, "kinesis-provisioned");
    until_text(
        &root,
        "[data-option=kinesis-provisioned] [data-line=shard_hours] td:last-child",
        "$109.50",
    )
    .await;
    unmount(app, root).await;
}

/// The Readers group: a Flink application typed into it prices its line on a Kinesis
/// card and an MSK card alike; text where a count goes is named at the field.
#[wasm_bindgen_test]
async fn the_readers_group_prices_a_flink_application_on_both_platforms() {
    let (root, app) = mount().await;
    until(&root, ".card .amount").await;
    assert!(text(&root, "details[data-section=readers] > summary").starts_with("Readers"));
    assert!(
        root.query_selector("#f-flink").unwrap().is_none(),
        "closed by default"
    );
    open_group(&root, "readers", "#f-flink").await;
    type_into(&root, "#f-flink", "four");
    until(&root, "#f-flink-error").await;
    type_into(&root, "#f-flink", "4");
    for id in ["kinesis-provisioned", "msk-standard"] {
        open_lines(&root, id);
        // (4 + 1 orchestration KPU) × 730 h × $0.11 = $401.50, us-east-1.
        until_text(
            &root,
            &format!("[data-option={id}] [data-line=flink_kpu_hours] td:last-child"),
            "$401.50",
        )
        .await;
    }
    unmount(app, root).await;
}

/// The alternatives: with one S3 delivery as the only reader, no stream at all becomes
/// eligible, and the answer says a stream may be unnecessary; self-managed Kafka's card
/// then asks for its S3 sink's size.
#[wasm_bindgen_test]
async fn an_s3_only_pipeline_is_answered_with_no_stream() {
    let (root, app) = mount().await;
    until(&root, ".card .amount").await;
    assert!(text(&root, "[data-option=firehose-direct] .reasons")
        .contains("Real-time readers need a stream"));
    open_group(&root, "traffic", "#f-rps").await;
    open_group(&root, "readers", "#f-firehose").await;
    type_into(&root, "#f-rps", "50");
    type_into(&root, "#f-size", "3");
    type_into(&root, "#f-firehose", "1");
    type_into(&root, "#f-consumers", "0");
    until(&root, ".answer .no-stream").await;
    assert!(text(&root, ".answer").contains("No stream: Firehose Direct PUT to S3"));
    // The card names the field in words, as a link that opens and focuses it.
    assert!(text(&root, "[data-option=kafka-ec2]").contains("Give its size in MCUs as MSK Connect"));
    let link: web_sys::HtmlElement = root
        .query_selector("[data-option=kafka-ec2] a.field-link[href='#f-connect']")
        .unwrap()
        .expect("a link to the MSK Connect field")
        .dyn_into()
        .unwrap();
    // Its group closed again: the link opens it.
    let summary: web_sys::HtmlElement = root
        .query_selector("details[data-section=readers] > summary")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    summary.click();
    let started = js_sys::Date::now();
    while root.query_selector("#f-connect").unwrap().is_some() {
        assert!(!waited(started), "the group did not close");
        settle().await;
    }
    link.click();
    let started = js_sys::Date::now();
    loop {
        let focused = gloo::utils::document().active_element().map(|e| e.id());
        if focused.as_deref() == Some("f-connect") {
            break;
        }
        assert!(!waited(started), "the field was not focused: {focused:?}");
        settle().await;
    }
    unmount(app, root).await;
}

#[wasm_bindgen_test]
async fn a_bad_value_is_marked_and_the_last_valid_estimate_stays() {
    let (root, app) = mount().await;
    until(&root, ".card .amount").await;
    open_group(&root, "traffic", "#f-rps").await;
    type_into(&root, "#f-rps", "5000");
    until_text(
        &root,
        "[data-option=kinesis-provisioned] .capacity",
        "5 shards",
    )
    .await;
    let before = text(&root, "[data-option=kinesis-provisioned] .amount");
    type_into(&root, "#f-rps", "lots");
    until(&root, "#f-rps-error").await;
    assert!(text(&root, "#f-rps-error").contains("not a number"));
    assert_eq!(
        text(&root, "[data-option=kinesis-provisioned] .amount"),
        before
    );
    assert!(!root.inner_html().contains("NaN"));
    unmount(app, root).await;
}

/// A destroyed app does nothing afterwards: the link it was about to write (150 ms after
/// a render), the charts and ranking it was about to settle (400 ms) and the steps of its
/// first render (timers of 0 ms) all end with it. Destroyed at two moments: just after
/// its first render (its steps and its first link pending) and just after a keystroke.
#[wasm_bindgen_test]
async fn a_destroyed_app_does_nothing_afterwards() {
    let window = gloo::utils::window();
    for typed in [false, true] {
        let (root, app) = mount().await;
        yew::scheduler::flush().await;
        assert!(root.child_element_count() > 0, "rendered");
        if typed {
            type_into(&root, "#f-mbps", "50");
        }
        let query = window.location().search().unwrap();
        unmount(app, root.clone()).await;
        // Longer than every debounce and deferred step of the app.
        gloo::timers::future::TimeoutFuture::new(1_000).await;
        yew::scheduler::flush().await;
        assert_eq!(
            window.location().search().unwrap(),
            query,
            "a destroyed app wrote its link (typed: {typed})"
        );
        assert_eq!(root.child_element_count(), 0);
    }
}

/// The element stays the same one, and keeps the focus, while its value passes through
/// invalid and empty states (a message appearing beside it once made Yew re-create it).
#[wasm_bindgen_test]
async fn a_field_keeps_its_element_and_focus_through_invalid_values() {
    let (root, app) = mount().await;
    until(&root, ".card .amount").await;
    open_group(&root, "traffic", "#f-rps").await;
    for (id, texts) in [
        ("#f-rps", ["", "3", "3x"]),
        ("#f-size", ["0", "0.", "200Bx"]),
        ("#f-mbps", ["", "-", "30"]),
        ("#f-retention", ["7", "7x", ""]),
    ] {
        let input: web_sys::HtmlElement = root
            .query_selector(id)
            .unwrap()
            .unwrap()
            .dyn_into()
            .unwrap();
        input.focus().unwrap();
        for t in texts {
            type_into(&root, id, t);
            settle().await;
            let now = root.query_selector(id).unwrap().unwrap();
            assert!(now.is_same_node(Some(&input)), "{id} re-created at {t:?}");
            let active = gloo::utils::document().active_element().unwrap();
            assert!(
                active.is_same_node(Some(&input)),
                "{id} lost focus at {t:?}"
            );
            let value = now.dyn_into::<HtmlInputElement>().unwrap().value();
            assert_eq!(value, t, "{id} keeps the text as typed");
        }
    }
    // The answer says which values the estimate is for.
    assert!(text(&root, ".answer .stale").contains("Retention is empty"));
    unmount(app, root).await;
}

mod components {
    use super::*;
    use std::cell::RefCell;
    use std::rc::Rc;
    use stream_showdown::model::{decode, estimate, Catalog, InputMessage};
    use stream_showdown::ui::cost_cards::{cost_cards, CardsProps, RateFields};
    use stream_showdown::ui::derived::{derived_figures, DerivedProps};
    use stream_showdown::ui::header::{Header, HeaderProps};
    use stream_showdown::ui::notices::{
        legacy_defaults, notices, older_prices, LegacyProps, NoticesProps, OlderPricesProps,
    };

    /// Mounts what a plain view function rendered.
    #[derive(yew::Properties, PartialEq)]
    struct ShowProps {
        html: yew::Html,
    }

    #[yew::function_component(Show)]
    fn show(p: &ShowProps) -> yew::Html {
        p.html.clone()
    }
    use yew::Callback;

    fn click(root: &Element, selector: &str) {
        let el: web_sys::HtmlElement = root
            .query_selector(selector)
            .unwrap()
            .unwrap()
            .dyn_into()
            .unwrap();
        el.click();
    }

    #[wasm_bindgen_test]
    async fn notices_list_each_parameter_and_dismiss() {
        let root = root().await;
        let dismissed = Rc::new(RefCell::new(false));
        let flag = dismissed.clone();
        let props = NoticesProps {
            messages: vec![InputMessage {
                param: "rps".into(),
                value: "<b>abc</b>".into(),
                reason: "not a number; default used".into(),
            }],
            ondismiss: Callback::from(move |_| *flag.borrow_mut() = true),
        };
        let app_root = yew::Renderer::<Show>::with_root_and_props(
            root.clone(),
            ShowProps {
                html: notices(&props),
            },
        )
        .render();
        settle().await;
        assert!(text(&root, ".notice").contains("rps=<b>abc</b>: not a number"));
        assert!(
            root.query_selector("b").unwrap().is_none(),
            "value rendered as markup"
        );
        click(&root, ".notice button.dismiss");
        assert!(*dismissed.borrow());
        unmount(app_root, root).await;
    }

    /// An older link's notice names what it keeps, each total today's defaults change,
    /// and adopts them with one button.
    #[wasm_bindgen_test]
    async fn an_older_link_notice_names_the_changes_and_adopts() {
        let root = root().await;
        let catalog = Catalog::embedded();
        let d = decode("rps=30720&consumers=4&retention=3d", catalog);
        let notice =
            stream_showdown::model::report::legacy_notice(&d.workload, &d.legacy, catalog).unwrap();
        let adopted = Rc::new(RefCell::new(0));
        let count = adopted.clone();
        let props = LegacyProps {
            notice,
            onadopt: Callback::from(move |_| *count.borrow_mut() += 1),
        };
        let app_root = yew::Renderer::<Show>::with_root_and_props(
            root.clone(),
            ShowProps {
                html: legacy_defaults(&props),
            },
        )
        .render();
        settle().await;
        let t = text(&root, ".legacy-notice");
        assert!(
            t.contains("Network path to Kinesis: none priced (today: interface VPC endpoint)"),
            "{t}"
        );
        assert!(
            t.contains("Kinesis Data Streams, provisioned: $2,663.25/month → $6,534.76/month"),
            "{t}"
        );
        assert!(
            !t.contains("MSK provisioned, Express brokers"),
            "unchanged totals are not listed: {t}"
        );
        click(&root, ".legacy-notice button.adopt");
        assert_eq!(*adopted.borrow(), 1);
        unmount(app_root, root).await;
    }

    /// A link priced with an older book: the notice names the book and today's, each
    /// total that today's prices change, the rates changed (behind a summary with their
    /// count), and prices it with today's book with one button.
    #[wasm_bindgen_test]
    async fn an_older_prices_notice_names_the_books_and_adopts_todays() {
        use stream_showdown::model::report::PriceNotice;
        let root = root().await;
        let adopted = Rc::new(RefCell::new(0));
        let count = adopted.clone();
        let props = OlderPricesProps {
            notice: PriceNotice {
                edition: "2026-12-03".into(),
                today: "2027-01-05".into(),
                before_log: None,
                rates: vec![
                    "us-east-1 Kinesis provisioned, shard hour: $0.015 → $0.018 (2027-01-05)"
                        .into(),
                ],
                changes: vec![(
                    "Kinesis Data Streams, provisioned",
                    "$43.80/month".into(),
                    "$52.56/month".into(),
                )],
            },
            onadopt: Callback::from(move |_| *count.borrow_mut() += 1),
        };
        let app_root = yew::Renderer::<Show>::with_root_and_props(
            root.clone(),
            ShowProps {
                html: older_prices(&props),
            },
        )
        .render();
        settle().await;
        let t = text(&root, ".legacy-notice");
        assert!(
            t.contains("priced with the price book of 2026-12-03; today's is of 2027-01-05"),
            "{t}"
        );
        assert!(
            t.contains("Kinesis Data Streams, provisioned: $43.80/month → $52.56/month"),
            "{t}"
        );
        assert!(
            t.contains("Rates changed since 2026-12-03 in this workload's Regions (1)"),
            "{t}"
        );
        assert!(t.contains("shard hour: $0.015 → $0.018"), "{t}");
        click(&root, ".legacy-notice button.adopt");
        assert_eq!(*adopted.borrow(), 1);
        unmount(app_root, root).await;
    }

    #[wasm_bindgen_test]
    async fn cost_cards_mark_the_cheapest_and_report_toggles() {
        let root = root().await;
        let catalog = Catalog::embedded();
        let d = decode(
            "rps=5120&size=2&consumers=3&retention=7d&open=msk-standard,kinesis-provisioned",
            catalog,
        );
        let toggled = Rc::new(RefCell::new(Vec::new()));
        let log = toggled.clone();
        let props = CardsProps {
            estimate: Rc::new(estimate(&d.workload, catalog)),
            view: d.view,
            ontoggle: Callback::from(move |t| log.borrow_mut().push(t)),
            rates: Rc::default(),
            onrate: Callback::noop(),
            onremove: Callback::noop(),
            onfill: Callback::noop(),
            onreveal: Callback::noop(),
        };
        let app_root = yew::Renderer::<Show>::with_root_and_props(
            root.clone(),
            ShowProps {
                html: cost_cards(&props),
            },
        )
        .render();
        settle().await;
        assert_eq!(root.query_selector_all(".card").unwrap().length(), 8);
        assert_eq!(
            root.query_selector_all(".badge.cheapest").unwrap().length(),
            1
        );
        assert_eq!(
            text(&root, ".is-cheapest h3"),
            "Kinesis Data Streams, provisioned"
        );
        let open: web_sys::HtmlDetailsElement = root
            .query_selector("[data-option=msk-standard] details")
            .unwrap()
            .unwrap()
            .dyn_into()
            .unwrap();
        assert!(open.open());
        assert_eq!(
            text(&root, "[data-option=kinesis-provisioned] tfoot td"),
            "$571.63"
        );
        click(&root, "[data-option=msk-express] details summary");
        settle().await;
        // (the browser also fires "toggle" for a section rendered open: same state, no change)
        assert_eq!(
            toggled.borrow().last(),
            Some(&("msk-express".to_string(), true))
        );
        assert!(toggled.borrow().iter().all(|(_, open)| *open));
        unmount(app_root, root).await;
    }

    /// A card that is not eligible leads with why, and shows what it would cost if forced
    /// only behind a disclosure; where options are not priced (Kinesis in eu-west-1), the
    /// cheapest badge and the results say it is the cheapest of those priced.
    #[wasm_bindgen_test]
    async fn cards_lead_with_eligibility_and_say_what_is_not_priced() {
        let root = root().await;
        let catalog = Catalog::embedded();
        // 300,000 records/s of 1 KB: about 293 MB/s in, above MSK Serverless's quota.
        let d = decode("v=3&region=eu-west-1&rps=300000&size=1", catalog);
        let e = estimate(&d.workload, catalog);
        let serverless = e
            .option(stream_showdown::model::OptionId::MskServerless)
            .unwrap();
        assert_eq!(
            serverless.status,
            stream_showdown::model::Status::NotEligible
        );
        let props = CardsProps {
            estimate: Rc::new(e),
            view: d.view,
            ontoggle: Callback::noop(),
            rates: Rc::default(),
            onrate: Callback::noop(),
            onremove: Callback::noop(),
            onfill: Callback::noop(),
            onreveal: Callback::noop(),
        };
        let app_root = yew::Renderer::<Show>::with_root_and_props(
            root.clone(),
            ShowProps {
                html: cost_cards(&props),
            },
        )
        .render();
        settle().await;
        let card = "[data-option=msk-serverless]";
        assert_eq!(
            text(&root, &format!("{card} .total")),
            "Not eligible for this workload"
        );
        let forced = root
            .query_selector(&format!("{card} details.if-forced"))
            .unwrap()
            .expect("the figure if forced, behind a disclosure");
        assert!(!forced.has_attribute("open"), "closed by default");
        assert!(text(&root, &format!("{card} details.if-forced summary")).contains("if forced"));
        assert!(root
            .query_selector(&format!("{card} .total .amount"))
            .unwrap()
            .is_none());
        assert_eq!(text(&root, ".badge.cheapest"), "Cheapest of those priced");
        assert_eq!(
            text(&root, ".results .caveat"),
            "Kinesis (3 options) is not priced in eu-west-1: add its rates to compare. Use us-east-1's rates for the missing ones"
        );
        assert_eq!(
            text(&root, ".results .caveat button.fill-rates"),
            "Use us-east-1's rates for the missing ones"
        );
        unmount(app_root, root).await;
    }

    #[wasm_bindgen_test]
    async fn a_not_priced_card_asks_for_its_missing_rates() {
        let root = root().await;
        let catalog = Catalog::embedded();
        let d = decode(
            "v=3&region=eu-west-1&network=none&rate.kinesis_provisioned.shard_hour=0.0165",
            catalog,
        );
        let typed = Rc::new(RefCell::new(Vec::new()));
        let removed = Rc::new(RefCell::new(Vec::new()));
        let (t, r) = (typed.clone(), removed.clone());
        let props = CardsProps {
            estimate: Rc::new(estimate(&d.workload, catalog)),
            view: d.view,
            ontoggle: Callback::noop(),
            rates: Rc::new(RateFields {
                given: d.workload.rates.clone(),
                ..RateFields::default()
            }),
            onrate: Callback::from(move |x| t.borrow_mut().push(x)),
            onremove: Callback::from(move |x| r.borrow_mut().push(x)),
            onfill: Callback::noop(),
            onreveal: Callback::noop(),
        };
        let app_root = yew::Renderer::<Show>::with_root_and_props(
            root.clone(),
            ShowProps {
                html: cost_cards(&props),
            },
        )
        .render();
        settle().await;
        let card = "[data-option=kinesis-provisioned]";
        // The card says where its rates go; the Region's panel asks for each rate once.
        assert!(
            text(&root, &format!("{card} .rates-note")).contains("Add your rates for eu-west-1")
        );
        let panel = "#rates-eu-west-1";
        assert_eq!(
            text(&root, &format!("{panel} h3")),
            "Add your rates for eu-west-1"
        );
        assert!(text(&root, panel).contains("AWS's pricing page"));
        // The given rate shows its value and can be removed; the missing one is empty.
        let given: web_sys::HtmlInputElement = root
            .query_selector(&format!(
                "{panel} [id=\"r-kinesis_provisioned.shard_hour\"]"
            ))
            .unwrap()
            .unwrap()
            .dyn_into()
            .unwrap();
        assert_eq!(given.value(), "0.0165");
        let missing = format!("{panel} [id=\"r-kinesis_provisioned.put_payload_units_million\"]");
        type_into(&root, &missing, "0.0154");
        assert_eq!(
            typed.borrow().last(),
            Some(&(
                "kinesis_provisioned.put_payload_units_million".to_string(),
                "0.0154".to_string()
            ))
        );
        click(&root, &format!("{panel} button.remove"));
        assert_eq!(*removed.borrow(), ["kinesis_provisioned.shard_hour"]);
        // Plain words, the unit, and which options use each rate: asked once per page
        // (ids are unique), though several Kinesis cards need the endpoint's rates.
        let labels: Vec<String> = (0..root
            .query_selector_all(&format!("{panel} label"))
            .unwrap()
            .length())
            .map(|i| {
                root.query_selector_all(&format!("{panel} label"))
                    .unwrap()
                    .item(i)
                    .unwrap()
                    .text_content()
                    .unwrap_or_default()
            })
            .collect();
        assert!(
            labels.iter().all(|l| l.contains(", USD per ")),
            "{labels:?}"
        );
        let ids: Vec<String> = (0..root
            .query_selector_all(&format!("{panel} input"))
            .unwrap()
            .length())
            .map(|i| {
                root.query_selector_all(&format!("{panel} input"))
                    .unwrap()
                    .item(i)
                    .unwrap()
                    .dyn_into::<Element>()
                    .unwrap()
                    .id()
            })
            .collect();
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), ids.len(), "{ids:?}");
        // On-demand's own three rates are in the panel; MSK needs none, and says nothing.
        for r in [
            "kinesis_on_demand.stream_hour",
            "kinesis_on_demand.data_in_gb",
            "kinesis_on_demand.data_out_gb",
        ] {
            assert!(
                root.query_selector(&format!("[id=\"r-{r}\"]"))
                    .unwrap()
                    .is_some(),
                "{r}"
            );
        }
        assert!(root
            .query_selector("[data-option=msk-standard] .rates-note")
            .unwrap()
            .is_none());
        unmount(app_root, root).await;
    }

    #[wasm_bindgen_test]
    async fn derived_figures_show_throughput_and_volume() {
        let root = root().await;
        let d = decode("rps=5120&size=2&consumers=3", Catalog::embedded());
        let props = DerivedProps {
            derived: d.workload.derived(),
            kinesis: d.workload.derived_for(true),
        };
        let app_root = yew::Renderer::<Show>::with_root_and_props(
            root.clone(),
            ShowProps {
                html: derived_figures(&props),
            },
        )
        .render();
        settle().await;
        assert_eq!(text(&root, "[data-figure=write] dd"), "10 MB/s");
        assert_eq!(text(&root, "[data-figure=read] dd"), "30 MB/s");
        assert!(root
            .query_selector("[data-figure=kinesis-write]")
            .unwrap()
            .is_none());
        unmount(app_root, root).await;
        // Kafka compressed 5:1, Kinesis not: each platform's bytes, and Kinesis's
        // records as Kinesis receives them.
        let root = super::root().await;
        let d = decode(
            "v=4&rps=5120&size=2&consumers=3&compression=5",
            Catalog::embedded(),
        );
        let props = DerivedProps {
            derived: d.workload.derived(),
            kinesis: d.workload.derived_for(true),
        };
        let app_root = yew::Renderer::<Show>::with_root_and_props(
            root.clone(),
            ShowProps {
                html: derived_figures(&props),
            },
        )
        .render();
        settle().await;
        assert_eq!(
            text(&root, "[data-figure=write] dt"),
            "Write to MSK, average"
        );
        assert_eq!(text(&root, "[data-figure=write] dd"), "2 MB/s");
        assert_eq!(text(&root, "[data-figure=kinesis-write] dd"), "10 MB/s");
        assert_eq!(
            text(&root, "[data-figure=kinesis-records] dd"),
            "5,120/s of 2 KB"
        );
        unmount(app_root, root).await;
    }

    #[wasm_bindgen_test]
    async fn header_toggles_the_theme_and_shows_the_prices_date() {
        let root = root().await;
        let props = HeaderProps {
            prices_as_of: "2025-04-04".into(),
        };
        let app_root = yew::Renderer::<Header>::with_root_and_props(root.clone(), props).render();
        settle().await;
        // (Today is more than six months after 2025-04-04: the header says so.)
        assert_eq!(
            text(&root, ".prices-date"),
            "Prices as of 2025-04-04 (older than six months)"
        );
        let html = gloo::utils::document().document_element().unwrap();
        let before = html.get_attribute("data-theme").unwrap();
        click(&root, "button.theme-toggle");
        settle().await;
        let after = html.get_attribute("data-theme").unwrap();
        assert_ne!(before, after);
        click(&root, "button.theme-toggle");
        settle().await;
        assert_eq!(html.get_attribute("data-theme").unwrap(), before);
        unmount(app_root, root).await;
    }

    #[wasm_bindgen_test]
    async fn choosing_a_region_reprices_and_says_what_is_not_priced() {
        let (root, app) = mount().await;
        settle().await;
        let select: web_sys::HtmlSelectElement = root
            .query_selector("#f-region")
            .unwrap()
            .unwrap()
            .dyn_into()
            .unwrap();
        select.set_value("eu-west-1");
        select
            .dispatch_event(&web_sys::Event::new("change").unwrap())
            .unwrap();
        until_text(&root, "#results-title", "Monthly cost in eu-west-1").await;
        assert!(text(&root, "[data-option=kinesis-on-demand]").contains("Not priced here"));
        // The comparison says so too, on the option's row.
        assert!(
            text(&root, "#comparison [data-row=kinesis-on-demand] .total").contains("Not priced")
        );
        unmount(app, root).await;
    }

    #[wasm_bindgen_test]
    async fn decision_helper_ticks_requirements_and_ranks() {
        use stream_showdown::model::matrix::Matrix;
        use stream_showdown::model::recommend::recommend;
        use stream_showdown::ui::decision::{DecisionHelper, DecisionProps};
        let root = root().await;
        let c = Catalog::embedded();
        let d = decode("rps=5120&size=2&consumers=3&retention=7d&need=kafka-api", c);
        let e = estimate(&d.workload, c);
        let toggled = Rc::new(RefCell::new(Vec::new()));
        let log = toggled.clone();
        let presets = Rc::new(RefCell::new(Vec::new()));
        let preset_log = presets.clone();
        let props = DecisionProps {
            needs: d.workload.needs.clone(),
            recommendation: Rc::new(recommend(&e, &d.workload.needs, Matrix::embedded())),
            ontoggle: Callback::from(move |t| log.borrow_mut().push(t)),
            onpreset: Callback::from(move |n| preset_log.borrow_mut().push(n)),
            needs_open: true,
            ontoggle_section: Callback::noop(),
            onreveal: Callback::noop(),
        };
        let app_root =
            yew::Renderer::<DecisionHelper>::with_root_and_props(root.clone(), props).render();
        settle().await;
        assert_eq!(root.query_selector_all(".ranking li").unwrap().length(), 8);
        assert!(
            text(&root, ".summary").contains("MSK provisioned, Express brokers is the best fit")
        );
        let checked: HtmlInputElement = root
            .query_selector("#need-kafka-api")
            .unwrap()
            .unwrap()
            .dyn_into()
            .unwrap();
        assert!(checked.checked());
        click(&root, "#need-exactly-once");
        assert_eq!(
            toggled.borrow().as_slice(),
            [("exactly-once".to_string(), true)]
        );
        assert!(text(&root, ".needs-section > summary").contains("1 ticked of"));
        // A preset ticks its requirements (and says which); its example workload is a
        // separate link.
        assert!(
            root.query_selector_all(".presets a.preset-workload")
                .unwrap()
                .length()
                >= 2
        );
        click(&root, "button[data-preset=choose-msk]");
        settle().await;
        let set = presets.borrow().clone();
        assert_eq!(set.len(), 1);
        assert!(set[0].contains(&"exactly-once".to_string()));
        assert!(text(&root, ".preset-status").contains("your workload is unchanged"));
        unmount(app_root, root).await;
    }

    #[wasm_bindgen_test]
    async fn break_even_chart_is_accessible_and_toggles_options() {
        use stream_showdown::model::sweep::{sweep, Axis};
        use stream_showdown::ui::charts::{BreakEvenChart, ChartProps};
        let root = root().await;
        let c = Catalog::embedded();
        let w = decode("size=0.1&consumers=3&rack_aware=true", c).workload;
        let toggled = Rc::new(RefCell::new(Vec::new()));
        let log = toggled.clone();
        let props = ChartProps {
            sweep: sweep(&w, Axis::Throughput, 24, c),
            hidden: ["msk-serverless".to_string()].into_iter().collect(),
            ontoggle_option: Callback::from(move |t| log.borrow_mut().push(t)),
        };
        let app_root =
            yew::Renderer::<BreakEvenChart>::with_root_and_props(root.clone(), props).render();
        settle().await;
        assert!(text(&root, "svg title").contains("write throughput"));
        assert!(text(&root, "svg desc").contains("is cheapest below"));
        assert_eq!(root.query_selector_all(".series").unwrap().length(), 6);
        click(&root, ".legend-item.s-msk-express");
        assert_eq!(toggled.borrow().len(), 1);
        assert!(toggled.borrow()[0].1, "pressing a shown option hides it");
        assert!(!root.inner_html().contains("NaN"));
        unmount(app_root, root).await;
    }

    #[wasm_bindgen_test]
    async fn explorer_follows_the_link_and_reports_the_readers_changes() {
        use stream_showdown::model::matrix::Matrix;
        use stream_showdown::model::view::{RowFilter, View};
        use stream_showdown::ui::explorer::Explorer;
        use stream_showdown::ui::explorer_controls::{
            page_row_text, ExplorerControls, ExplorerControlsProps,
        };
        // The static explorer, as the build pre-renders it.
        let page = root().await;
        let app_page = yew::Renderer::<Explorer>::with_root(page.clone()).render();
        settle().await;
        let matrix = Matrix::embedded();
        let rows = page.query_selector_all("table.matrix tbody tr").unwrap();
        assert_eq!(rows.length() as usize, matrix.rows.len());
        for (i, row) in matrix.rows.iter().enumerate() {
            let el: Element = rows.item(i as u32).unwrap().dyn_into().unwrap();
            assert_eq!(el.get_attribute("data-row").as_deref(), Some(&*row.id));
            assert_eq!(
                el.has_attribute("data-differs"),
                row.differs(),
                "{}",
                row.id
            );
            assert_eq!(page_row_text(&el), row.search_text(), "{}", row.id);
        }
        assert!(
            page.query_selector_all("table.matrix .correction")
                .unwrap()
                .length()
                >= 5
        );
        assert!(
            page.query_selector_all("[data-integration]")
                .unwrap()
                .length()
                >= 6
        );
        assert!(text(&page, ".tldr").contains("Kinesis"));
        // A reader opened "deployment" before the app started.
        let deployment: web_sys::HtmlDetailsElement = page
            .query_selector("details[data-section=deployment]")
            .unwrap()
            .unwrap()
            .dyn_into()
            .unwrap();
        deployment.set_open(true);

        let toggled = Rc::new(RefCell::new(Vec::new()));
        let searched = Rc::new(RefCell::new(Vec::new()));
        let filtered = Rc::new(RefCell::new(Vec::new()));
        let view = View {
            rows: RowFilter::Mine,
            open: ["matrix".to_string()].into_iter().collect(),
            ..View::default()
        };
        let props = ExplorerControlsProps {
            view,
            needs: ["exactly-once".to_string()].into_iter().collect(),
            onfilter: {
                let f = filtered.clone();
                Callback::from(move |x| f.borrow_mut().push(x))
            },
            onsearch: {
                let f = searched.clone();
                Callback::from(move |x| f.borrow_mut().push(x))
            },
            ontoggle: {
                let f = toggled.clone();
                Callback::from(move |x| f.borrow_mut().push(x))
            },
        };
        let controls = element();
        let app_controls =
            yew::Renderer::<ExplorerControls>::with_root_and_props(controls.clone(), props)
                .render();
        settle().await;
        let shown = page
            .query_selector_all("table.matrix tbody tr:not([hidden])")
            .unwrap();
        assert_eq!(shown.length(), 1, "only the row about exactly-once");
        assert!(page
            .query_selector("[data-row=exactly-once]:not([hidden])")
            .unwrap()
            .is_some());
        assert_eq!(
            text(&page, ".row-count"),
            format!("1 of {} rows", matrix.rows.len())
        );
        assert!(input(&page, "#rows-mine").checked());
        assert!(page
            .query_selector("details[data-section=matrix][open]")
            .unwrap()
            .is_some());
        assert!(
            page.query_selector("details[data-section=deployment][open]")
                .unwrap()
                .is_some(),
            "the section the reader opened stays open"
        );
        assert!(
            toggled.borrow().contains(&("deployment".to_string(), true)),
            "the section the reader opened goes into the link: {:?}",
            toggled.borrow()
        );
        // The reader searches and picks a filter: both are reported.
        type_into(&page, "#explorer-search", "retention");
        assert_eq!(
            searched.borrow().last().map(String::as_str),
            Some("retention")
        );
        let diff: HtmlInputElement = page
            .query_selector("#rows-diff")
            .unwrap()
            .unwrap()
            .dyn_into()
            .unwrap();
        diff.click();
        assert_eq!(filtered.borrow().last(), Some(&RowFilter::Differ));
        assert!(!page.inner_html().contains("NaN"));
        unmount(app_controls, controls).await;
        unmount(app_page, page).await;
    }

    #[wasm_bindgen_test]
    async fn explorer_sections_that_arrive_later_follow_the_link() {
        use stream_showdown::model::view::{RowFilter, View};
        use stream_showdown::ui::explorer::{Explorer, ExplorerProps};
        use stream_showdown::ui::explorer_controls::{ExplorerControls, ExplorerControlsProps};
        // The explorer as the calculator's page holds it: the sections empty.
        let page = root().await;
        let app_page = yew::Renderer::<Explorer>::with_root_and_props(
            page.clone(),
            ExplorerProps {
                lazy: true,
                base: "/".into(),
            },
        )
        .render();
        settle().await;
        assert_eq!(page.query_selector_all("table").unwrap().length(), 0);
        assert_eq!(page.query_selector_all(".lazy-body").unwrap().length(), 3);
        assert!(page
            .query_selector(".lazy-body a[href='/features.html#matrix']")
            .unwrap()
            .is_some());
        let searched = Rc::new(RefCell::new(Vec::<String>::new()));
        let props = ExplorerControlsProps {
            view: View {
                rows: RowFilter::Mine,
                open: ["matrix".to_string()].into_iter().collect(),
                ..View::default()
            },
            needs: ["exactly-once".to_string()].into_iter().collect(),
            onfilter: Callback::noop(),
            onsearch: {
                let f = searched.clone();
                Callback::from(move |x| f.borrow_mut().push(x))
            },
            ontoggle: Callback::noop(),
        };
        let controls = element();
        let app_controls =
            yew::Renderer::<ExplorerControls>::with_root_and_props(controls.clone(), props)
                .render();
        settle().await;
        assert!(page
            .query_selector("details[data-section=matrix][open]")
            .unwrap()
            .is_some());
        // The bodies arrive as the page's loader moves them in (scripts/loader.mjs).
        let whole = element();
        let app_whole = yew::Renderer::<Explorer>::with_root(whole.clone()).render();
        settle().await;
        for id in ["matrix", "integrations", "deployment"] {
            let sel = format!("details[data-section={id}]");
            let to = page.query_selector(&sel).unwrap().unwrap();
            let from = whole.query_selector(&sel).unwrap().unwrap();
            to.query_selector(".lazy-body").unwrap().unwrap().remove();
            let nodes = from.child_nodes();
            let moved: Vec<web_sys::Node> = (0..nodes.length())
                .filter_map(|i| nodes.item(i))
                .filter(|n| n.node_name() != "SUMMARY")
                .collect();
            for n in moved {
                to.append_child(&n).unwrap();
            }
        }
        gloo::utils::window()
            .dispatch_event(&web_sys::Event::new("explorer-loaded").unwrap())
            .unwrap();
        settle().await;
        let rows = page
            .query_selector_all("table.matrix tbody tr")
            .unwrap()
            .length();
        assert!(rows >= 30, "{rows} rows arrived");
        assert_eq!(
            page.query_selector_all("table.matrix tbody tr:not([hidden])")
                .unwrap()
                .length(),
            1,
            "the link's filter applies to the rows that arrived"
        );
        assert_eq!(text(&page, ".row-count"), format!("1 of {rows} rows"));
        assert!(input(&page, "#rows-mine").checked());
        // The reader's search in the arrived body is reported.
        type_into(&page, "#explorer-search", "retention");
        assert_eq!(
            searched.borrow().last().map(String::as_str),
            Some("retention")
        );
        unmount(app_controls, controls).await;
        unmount(app_whole, whole).await;
        unmount(app_page, page).await;
    }
}
