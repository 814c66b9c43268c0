//! Makes the pre-rendered feature explorer (`explorer.rs`, static HTML in the page)
//! follow the link: which rows show (filter and search, `rows=` and `q=`), which of its
//! sections are open (`open=`), and reports the reader's changes to them. It renders
//! nothing itself; it finds the explorer in the page once and updates it in place.
//!
//! What a reader did to the explorer before the app started (open a section, type a
//! search, pick a filter) is kept: the app takes it into the link rather than undoing it.
//!
//! The page fetches the sections' bodies when first needed (`explorer.rs`): when they
//! arrive (`explorer-loaded`), the rows, the filter and the search are found again and
//! shown as the link says.

use crate::model::matrix::Matrix;
use crate::model::sorted::VecSet;
use crate::model::view::{row_shown, RowFilter, View};
use gloo::events::EventListener;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlDetailsElement, HtmlInputElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExplorerControlsProps {
    pub view: View,
    pub needs: VecSet<String>,
    pub onfilter: Callback<RowFilter>,
    pub onsearch: Callback<String>,
    pub ontoggle: Callback<(String, bool)>,
}

/// One row of the matrix as the page holds it.
struct PageRow {
    el: Element,
    id: String,
    differs: bool,
    /// [`Row::search_text`](crate::model::matrix::Row::search_text), read from the page.
    text: String,
}

/// The explorer's elements, found once.
struct Page {
    /// The `explorer-loaded` count it was found at.
    generation: u32,
    rows: Vec<PageRow>,
    count: Option<Element>,
    radios: Vec<HtmlInputElement>,
    search: Option<HtmlInputElement>,
    sections: Vec<(String, HtmlDetailsElement)>,
    _listeners: Vec<EventListener>,
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

/// The search text of a row element: its `th`, then each `.value` and `.note`, in
/// document order, one per line, lower-cased.
pub fn page_row_text(row: &Element) -> String {
    all(row, "th, .value, .note")
        .iter()
        .map(|e| e.text_content().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
        .to_ascii_lowercase()
}

type Callbacks = (
    Callback<RowFilter>,
    Callback<String>,
    Callback<(String, bool)>,
);

fn find(callbacks: &Rc<RefCell<Callbacks>>, generation: u32) -> Option<Page> {
    let root = gloo::utils::document().query_selector(".explorer").ok()??;
    let rows = all(&root, "tr[data-row]")
        .into_iter()
        .map(|el| PageRow {
            id: el.get_attribute("data-row").unwrap_or_default(),
            differs: el.has_attribute("data-differs"),
            text: page_row_text(&el),
            el,
        })
        .collect();
    let radios: Vec<HtmlInputElement> = all(&root, "input[name=rows]")
        .into_iter()
        .filter_map(|e| e.dyn_into().ok())
        .collect();
    let search: Option<HtmlInputElement> = root
        .query_selector("#explorer-search")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into().ok());
    let sections: Vec<(String, HtmlDetailsElement)> = all(&root, "details[data-section]")
        .into_iter()
        .filter_map(|e| {
            let id = e.get_attribute("data-section")?;
            Some((id, e.dyn_into().ok()?))
        })
        .collect();

    let mut listeners = Vec::new();
    for radio in &radios {
        let callbacks = callbacks.clone();
        let r = radio.clone();
        listeners.push(EventListener::new(radio, "change", move |_| {
            if let Some(f) = RowFilter::from_id(&r.value()) {
                callbacks.borrow().0.emit(f);
            }
        }));
    }
    if let Some(input) = &search {
        let callbacks = callbacks.clone();
        let i = input.clone();
        listeners.push(EventListener::new(input, "input", move |_| {
            callbacks.borrow().1.emit(i.value());
        }));
    }
    for (id, details) in &sections {
        let callbacks = callbacks.clone();
        let (id, d) = (id.clone(), details.clone());
        listeners.push(EventListener::new(details, "toggle", move |_| {
            callbacks.borrow().2.emit((id.clone(), d.open()));
        }));
    }

    Some(Page {
        generation,
        rows,
        count: root.query_selector(".row-count").ok().flatten(),
        radios,
        search,
        sections,
        _listeners: listeners,
    })
}

/// What the reader did to the explorer before the app started (a section opened, a
/// search typed, a filter picked), as changes to `view`: kept rather than undone.
fn reader_changes(page: &Page, view: &View) -> Vec<Change> {
    let mut changes = Vec::new();
    for (id, details) in &page.sections {
        if details.open() && !view.is_open(id) {
            changes.push(Change::Open(id.clone()));
        }
    }
    if let Some(input) = &page.search {
        if view.search.is_empty() && !input.value().trim().is_empty() {
            changes.push(Change::Search(input.value()));
        }
    }
    if view.rows == RowFilter::All {
        if let Some(f) = page
            .radios
            .iter()
            .find(|r| r.checked())
            .and_then(|r| RowFilter::from_id(&r.value()))
            .filter(|f| *f != RowFilter::All)
        {
            changes.push(Change::Filter(f));
        }
    }
    changes
}

enum Change {
    Open(String),
    Search(String),
    Filter(RowFilter),
}

impl Change {
    fn apply_to(&self, view: &mut View) {
        match self {
            Change::Open(id) => view.set_open(id, true),
            Change::Search(q) => view.search = q.clone(),
            Change::Filter(f) => view.rows = *f,
        }
    }

    fn report(self, (onfilter, onsearch, ontoggle): &Callbacks) {
        match self {
            Change::Open(id) => ontoggle.emit((id, true)),
            Change::Search(q) => onsearch.emit(q),
            Change::Filter(f) => onfilter.emit(f),
        }
    }
}

/// Shows the page as `view` and `needs` say.
fn apply(page: &Page, view: &View, needs: &VecSet<String>) {
    let matrix = Matrix::calculator();
    let mut shown = 0;
    for row in &page.rows {
        let show = row_shown(&row.id, row.differs, &row.text, view, needs, matrix);
        shown += usize::from(show);
        if row.el.has_attribute("hidden") == show {
            let _ = row.el.toggle_attribute_with_force("hidden", !show);
        }
    }
    if let Some(count) = &page.count {
        // (Only when it changes: it is a live region, read out on every change.)
        let text = format!("{shown} of {} rows", page.rows.len());
        if count.text_content().as_deref() != Some(text.as_str()) {
            count.set_text_content(Some(&text));
        }
    }
    for radio in &page.radios {
        let on = radio.value() == view.rows.id();
        if radio.checked() != on {
            radio.set_checked(on);
        }
    }
    if let Some(input) = &page.search {
        // Not while the reader types (the text in the box is theirs, spaces and all).
        if input.value().trim() != view.search.trim() {
            input.set_value(&view.search);
        }
    }
    for (id, details) in &page.sections {
        let open = view.is_open(id);
        if details.open() != open {
            details.set_open(open);
        }
    }
}

#[function_component(ExplorerControls)]
pub fn explorer_controls(p: &ExplorerControlsProps) -> Html {
    let callbacks = use_mut_ref(|| (p.onfilter.clone(), p.onsearch.clone(), p.ontoggle.clone()));
    *callbacks.borrow_mut() = (p.onfilter.clone(), p.onsearch.clone(), p.ontoggle.clone());
    // Found on the first run of the effect (never while pre-rendering: effects do not run
    // there); the listeners go with the component.
    let page = use_mut_ref(|| None::<Page>);
    // How many times the page has brought the sections' bodies (found again each time).
    let loaded = super::use_window_event_count("explorer-loaded");
    let sections: Vec<bool> = ["matrix", "integrations", "deployment"]
        .iter()
        .map(|id| p.view.is_open(id))
        .collect();
    let deps = (
        p.view.rows,
        p.view.search.clone(),
        p.needs.clone(),
        sections,
        loaded,
    );
    let (view, needs) = (p.view.clone(), p.needs.clone());
    let generation = loaded;
    use_effect_with(deps, move |_| {
        let mut view = view;
        let mut changes = Vec::new();
        {
            let mut page = page.borrow_mut();
            let first = page.is_none();
            let arrived = page.as_ref().is_some_and(|p| p.generation != generation);
            if first || arrived {
                *page = find(&callbacks, generation);
                // (Also when the sections' bodies have just arrived: a filter the reader
                // picked in them before they were found again is kept, not undone.)
                if let Some(found) = page.as_ref() {
                    changes = reader_changes(found, &view);
                }
            }
            for change in &changes {
                change.apply_to(&mut view);
            }
            if let Some(page) = page.as_ref() {
                apply(page, &view, &needs);
            }
        }
        // (Reported once the page is no longer borrowed: a report may re-render this.)
        let callbacks = callbacks.borrow().clone();
        for change in changes {
            change.report(&callbacks);
        }
    });
    Html::default()
}
