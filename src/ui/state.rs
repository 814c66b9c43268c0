//! The page's one piece of state: the workload, plus what the user typed that is not
//! (yet) valid and the notices from the link. No estimate is stored: it is computed
//! from the workload on every render.

use crate::model::estimate::OptionId;
use crate::model::link::{display_value, edit, PARAMS};
use crate::model::view::{RowFilter, MAX_SEARCH_CHARS};
use crate::model::{decode, Catalog, InputMessage, View, Workload};
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::Reducible;

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub workload: Workload,
    /// Parameter → the text in its field (what the user typed).
    pub fields: BTreeMap<&'static str, String>,
    /// Parameter → why its field's text was refused.
    pub errors: BTreeMap<&'static str, String>,
    /// Parameters of the opened link that were ignored or adjusted.
    pub link_messages: Rc<Vec<InputMessage>>,
    pub notice_dismissed: bool,
    /// Which sections are open (part of the link).
    pub view: View,
}

impl State {
    /// The state for a page opened with `query`.
    pub fn from_query(query: &str, catalog: &Catalog) -> Self {
        let decoded = decode(query, catalog);
        Self {
            fields: fields_of(&decoded.workload),
            workload: decoded.workload,
            errors: BTreeMap::new(),
            link_messages: Rc::new(decoded.messages),
            notice_dismissed: false,
            view: decoded.view,
        }
    }

    /// The text shown in a field.
    pub fn field(&self, name: &str) -> &str {
        self.fields.get(name).map(String::as_str).unwrap_or("")
    }
}

fn fields_of(w: &Workload) -> BTreeMap<&'static str, String> {
    PARAMS.iter().map(|&p| (p, display_value(w, p))).collect()
}

/// What the user can do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// A field's text changed.
    Edit(&'static str, String),
    DismissNotice,
    /// A section (`advanced`, or an option id's line items) opened or closed.
    ToggleSection(String, bool),
    /// A requirement ticked or unticked.
    ToggleNeed(String, bool),
    /// The feature explorer's row filter.
    SetRowFilter(RowFilter),
    /// The feature explorer's search text.
    SetSearch(String),
    /// An option shown or hidden in the charts.
    SetHidden(OptionId, bool),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Edit(name, text) => {
                match edit(&self.workload, name, &text, Catalog::embedded()) {
                    Ok(w) => {
                        next.errors.remove(name);
                        next.workload = w;
                    }
                    Err(reason) => {
                        next.errors.insert(name, reason);
                    }
                }
                next.fields.insert(name, text);
            }
            Action::DismissNotice => next.notice_dismissed = true,
            Action::ToggleSection(section, open) => next.view.set_open(&section, open),
            Action::ToggleNeed(id, on) => {
                if on {
                    next.workload.needs.insert(id);
                } else {
                    next.workload.needs.remove(&id);
                }
                next.fields
                    .insert("need", display_value(&next.workload, "need"));
            }
            Action::SetRowFilter(f) => next.view.rows = f,
            Action::SetSearch(text) => {
                next.view.search = text.chars().take(MAX_SEARCH_CHARS).collect();
            }
            Action::SetHidden(option, hidden) => next.view.set_hidden(option, hidden),
        }
        Rc::new(next)
    }
}
