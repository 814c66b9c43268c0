//! The page's one piece of state: the workload, plus what the user typed that is not
//! (yet) valid and the notices from the link. No estimate is stored: it is computed
//! from the workload on every render.

use crate::model::estimate::OptionId;
pub use crate::model::fields::{label, FIELDS};
use crate::model::link::{
    display_value, edit, edit_anchored, field_value, followed_value, linked_fields,
    todays_defaults, Anchor, FORM_ONLY, PARAMS, RATE_PREFIX,
};
use crate::model::sorted::VecMap;
use crate::model::view::{RowFilter, MAX_SEARCH_CHARS};
use crate::model::{decode, Catalog, InputMessage, View, Workload};
use std::rc::Rc;
use yew::Reducible;

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub workload: Workload,
    /// Parameter → the text in its field (what the user typed).
    pub fields: VecMap<&'static str, String>,
    /// Parameter → why its field's text was refused.
    pub errors: VecMap<&'static str, String>,
    /// Parameters of the opened link that were ignored or adjusted.
    pub link_messages: Rc<Vec<InputMessage>>,
    pub notice_dismissed: bool,
    /// Which sections are open (part of the link).
    pub view: View,
    /// Parameters an older link left out whose default has changed since (the link
    /// keeps its old default; the page offers today's). Emptied by adopting today's
    /// defaults; a parameter leaves it when the user sets it.
    pub legacy: Vec<&'static str>,
    /// The address is still the older link as opened: not rewritten until the user
    /// changes something, so that reloading it shows the same notice.
    pub legacy_link: bool,
    /// Rate name (`<section>.<key>`) → the text in its field on a card.
    pub rate_fields: Rc<VecMap<String, String>>,
    /// Rate name → why its field's text was refused.
    pub rate_errors: Rc<VecMap<String, String>>,
    /// Which of records/s and MB/s the user typed last (a record size change keeps it).
    pub anchor: Anchor,
    /// The last field that changed because another did, in a sentence ("Write
    /// throughput follows: 40 MB/s …"): shown under the throughput fields and announced
    /// politely.
    pub followed: Option<String>,
}

impl State {
    /// The state for a page opened with `query`.
    pub fn from_query(query: &str, catalog: &Catalog) -> Self {
        let decoded = decode(query, catalog);
        let keep_link = !decoded.legacy.is_empty() || decoded.workload.prices.is_some();
        Self {
            fields: fields_of(&decoded.workload),
            workload: decoded.workload,
            errors: VecMap::new(),
            link_messages: Rc::new(decoded.messages),
            notice_dismissed: false,
            view: decoded.view,
            legacy_link: keep_link,
            legacy: decoded.legacy,
            rate_fields: Rc::default(),
            rate_errors: Rc::default(),
            anchor: Anchor::default(),
            followed: None,
        }
    }

    /// The text shown in a field.
    pub fn field(&self, name: &str) -> &str {
        self.fields.get(name).map(String::as_str).unwrap_or("")
    }

    /// For each field whose text is not valid, one sentence saying so and which value
    /// the estimate on the page is for (its last valid value), in the form's order.
    pub fn stale(&self) -> Vec<String> {
        FIELDS
            .iter()
            .filter_map(|&(name, label, unit)| {
                let reason = self.errors.get(name)?;
                let text = self.field(name).trim();
                let what = if text.is_empty() {
                    format!("{label} is empty")
                } else {
                    format!("{label} “{}”: {reason}", shorten(text))
                };
                let value = field_value(&self.workload, name);
                let value = match (value.is_empty(), unit) {
                    (true, _) => "auto".to_string(),
                    (false, "") => value,
                    (false, unit) => format!("{value} {unit}"),
                };
                Some(format!(
                    "{what}. Showing the estimate for the last valid {}: {value}.",
                    label.to_ascii_lowercase()
                ))
            })
            .collect()
    }
}

/// At most 24 characters of what the user typed, for a sentence.
fn shorten(text: &str) -> String {
    if text.chars().count() <= 24 {
        text.to_string()
    } else {
        text.chars().take(24).chain(['…']).collect()
    }
}

fn fields_of(w: &Workload) -> VecMap<&'static str, String> {
    PARAMS
        .iter()
        .map(|&p| (p, field_value(w, p)))
        .chain(FORM_ONLY.iter().map(|&p| (p, followed_value(w, p))))
        .collect()
}

/// The sentence that says a field followed another: which figure, its value rounded for
/// reading, and what it follows from.
pub fn follow_sentence(w: &Workload, field: &str) -> String {
    let size = crate::model::fixed::trimmed(w.record_kb, 3);
    let mbps = followed_value(w, "mbps");
    let rps = crate::model::units::format_quantity(w.records_per_s, 2);
    if field == "rps" {
        format!(
            "{} follows: {rps} records/s, for {mbps} MB/s of {size} KB records.",
            label("rps")
        )
    } else {
        format!(
            "{} follows: {mbps} MB/s, for {rps} records/s of {size} KB.",
            label("mbps")
        )
    }
}

/// The requirement whose ticking prices every option as a DR pair.
pub const CROSS_REGION_NEED: &str = "multi-region-replication";

/// What the user can do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// A field's text changed.
    Edit(&'static str, String),
    DismissNotice,
    /// Today's defaults for what an older link left out.
    AdoptTodaysDefaults,
    /// Price the workload with today's price book (a link made with an older one).
    AdoptTodaysPrices,
    /// A section (`advanced`, or an option id's line items) opened or closed.
    ToggleSection(String, bool),
    /// A requirement ticked or unticked.
    ToggleNeed(String, bool),
    /// A preset's requirements replace the ticked ones (the workload stays).
    SetNeeds(Vec<String>),
    /// The feature explorer's row filter.
    SetRowFilter(RowFilter),
    /// The feature explorer's search text.
    SetSearch(String),
    /// An option shown or hidden in the charts.
    SetHidden(OptionId, bool),
    /// A rate's field on a card changed (`<section>.<key>`, text).
    EditRate(String, String),
    /// The user's rate removed (the book's applies again, if it has one).
    RemoveRate(String),
    /// Every rate the estimate lacks, given as your rates from the reference Region's
    /// list prices ([`crate::model::link::fill_missing_rates`]).
    FillMissingRates,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        if action != Action::DismissNotice {
            next.legacy_link = false;
        }
        match action {
            Action::Edit(name, text) => {
                next.anchor = self.anchor.after_edit(name);
                if !matches!(name, "rps" | "mbps" | "size") {
                    next.followed = None;
                }
                match edit_anchored(
                    &self.workload,
                    name,
                    &text,
                    Catalog::embedded(),
                    next.anchor,
                ) {
                    Ok(w) => {
                        next.errors.remove(name);
                        next.workload = w;
                        // A field that another way of entering the same value maps
                        // onto follows it (records/s ↔ MB/s), rounded for reading; it
                        // is valid again, and the page says that it followed.
                        for &other in linked_fields(name, next.anchor) {
                            next.errors.remove(other);
                            let shown = followed_value(&next.workload, other);
                            if next.fields.get(other) != Some(&shown) {
                                next.followed = Some(follow_sentence(&next.workload, other));
                            }
                            next.fields.insert(other, shown);
                        }
                    }
                    Err(reason) => {
                        next.errors.insert(name, reason);
                    }
                }
                next.fields.insert(name, text);
                next.legacy.retain(|&p| p != name);
                // Rates are for the Region they were typed in (`edit` drops those that
                // name no Region; those naming theirs stay).
                if next.workload.region != self.workload.region {
                    let keep =
                        |name: &String| crate::model::prices::split_rate_name(name).0.is_some();
                    Rc::make_mut(&mut next.rate_fields).retain(|n, _| keep(n));
                    Rc::make_mut(&mut next.rate_errors).retain(|n, _| keep(n));
                }
            }
            Action::DismissNotice => next.notice_dismissed = true,
            Action::AdoptTodaysDefaults => {
                next.workload = todays_defaults(&self.workload, &self.legacy);
                for p in std::mem::take(&mut next.legacy) {
                    next.errors.remove(p);
                    next.fields.insert(p, field_value(&next.workload, p));
                }
            }
            Action::AdoptTodaysPrices => next.workload.prices = None,
            Action::ToggleSection(section, open) => next.view.set_open(&section, open),
            Action::ToggleNeed(id, on) => {
                // Cross-Region replication is priced as a pair: propose a standby Region.
                if on && id == CROSS_REGION_NEED && next.workload.dr_region.is_none() {
                    next.workload.dr_region =
                        crate::model::link::dr_partner(&next.workload.region, Catalog::embedded());
                    next.fields
                        .insert("dr", display_value(&next.workload, "dr"));
                }
                if on {
                    next.workload.needs.insert(id);
                } else {
                    next.workload.needs.remove(&id);
                }
                next.fields
                    .insert("need", display_value(&next.workload, "need"));
            }
            Action::SetNeeds(ids) => {
                // (One insert at a time: collecting into a set would bring a sort
                // routine into the module for this one use.)
                next.workload.needs.clear();
                for id in ids {
                    next.workload.needs.insert(id);
                }
                next.fields
                    .insert("need", display_value(&next.workload, "need"));
            }
            Action::SetRowFilter(f) => next.view.rows = f,
            Action::SetSearch(text) => {
                next.view.search = text.chars().take(MAX_SEARCH_CHARS).collect();
            }
            Action::SetHidden(option, hidden) => next.view.set_hidden(option, hidden),
            Action::EditRate(name, text) => {
                let param = format!("{RATE_PREFIX}{name}");
                match edit(&self.workload, &param, &text, Catalog::embedded()) {
                    Ok(w) => {
                        Rc::make_mut(&mut next.rate_errors).remove(&name);
                        next.workload = w;
                    }
                    Err(reason) => {
                        Rc::make_mut(&mut next.rate_errors).insert(name.clone(), reason);
                    }
                }
                Rc::make_mut(&mut next.rate_fields).insert(name, text);
            }
            Action::FillMissingRates => {
                let catalog = Catalog::embedded();
                let e = crate::model::estimate(&self.workload, catalog);
                next.workload = crate::model::link::fill_missing_rates(
                    &self.workload,
                    &e,
                    crate::model::link::REFERENCE_REGION,
                    catalog,
                );
            }
            Action::RemoveRate(name) => {
                next.workload.rates.remove(&name);
                Rc::make_mut(&mut next.rate_fields).remove(&name);
                Rc::make_mut(&mut next.rate_errors).remove(&name);
            }
        }
        Rc::new(next)
    }
}
