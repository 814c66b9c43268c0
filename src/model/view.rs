//! The view part of a link: which sections of the page are open. It does not change
//! any figure; it lets a link reopen the page exactly as it was shared.

use super::estimate::OptionId;
use std::collections::BTreeSet;

/// Link parameters that belong to the view (after the workload's, in encoder order).
pub const VIEW_PARAMS: [&str; 1] = ["open"];

/// Section ids that `open=` accepts besides the option ids (their line items).
pub const SECTIONS: [&str; 1] = ["advanced"];

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct View {
    /// Open sections: `advanced`, or an option id for its line items.
    pub open: BTreeSet<String>,
}

impl View {
    pub fn is_open(&self, section: &str) -> bool {
        self.open.contains(section)
    }

    pub fn set_open(&mut self, section: &str, open: bool) {
        if open {
            self.open.insert(section.to_string());
        } else {
            self.open.remove(section);
        }
    }

    /// The `open=` value, sections in a stable (sorted) order; empty when none.
    pub fn encode_open(&self) -> String {
        self.open.iter().cloned().collect::<Vec<_>>().join(",")
    }
}

/// Whether `id` names a section.
pub fn is_section(id: &str) -> bool {
    SECTIONS.contains(&id) || OptionId::from_id(id).is_some()
}

/// Applies a view parameter. Unknown section ids are refused by name.
pub fn apply(view: &mut View, name: &str, value: &str) -> Result<(), String> {
    match name {
        "open" => {
            let mut open = BTreeSet::new();
            let mut unknown = Vec::new();
            for id in value.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                if is_section(id) {
                    open.insert(id.to_string());
                } else {
                    unknown.push(id);
                }
            }
            view.open = open;
            if unknown.is_empty() {
                Ok(())
            } else {
                Err(format!("unknown section {}", unknown.join(", ")))
            }
        }
        _ => Err("unknown parameter".into()),
    }
}
