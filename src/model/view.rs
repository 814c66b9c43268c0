//! The view part of a link: which sections are open, the feature explorer's filter and
//! search, and the options hidden from the charts. It changes no figure; it lets a link
//! reopen the page exactly as it was shared.

use super::estimate::OptionId;
use super::matrix::Matrix;
use crate::model::sorted::VecSet;

/// Link parameters that belong to the view (after the workload's, in encoder order).
pub const VIEW_PARAMS: [&str; 4] = ["open", "rows", "q", "hide"];

/// Section ids that `open=` accepts besides the option ids (their line items).
pub const SECTIONS: [&str; 13] = [
    "advanced",
    "traffic",
    "readers",
    "network",
    "kafka",
    "dr",
    "prices",
    "sizing",
    "needs",
    "matrix",
    "integrations",
    "deployment",
    "charts-data",
];

/// The form's groups that hold what "Advanced" held (`open=advanced` in older links).
pub const ADVANCED_GROUPS: [&str; 4] = ["kafka", "dr", "prices", "sizing"];

/// Longest search text kept from a link.
pub const MAX_SEARCH_CHARS: usize = 100;

/// Which rows the feature explorer shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RowFilter {
    #[default]
    All,
    /// Only rows where the options differ.
    Differ,
    /// Only rows about the ticked requirements.
    Mine,
}

impl RowFilter {
    pub fn id(self) -> &'static str {
        match self {
            RowFilter::All => "all",
            RowFilter::Differ => "diff",
            RowFilter::Mine => "mine",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        [RowFilter::All, RowFilter::Differ, RowFilter::Mine]
            .into_iter()
            .find(|f| f.id() == id)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct View {
    /// Open sections: one of [`SECTIONS`], or an option id for its line items.
    pub open: VecSet<String>,
    pub rows: RowFilter,
    /// Text search in the feature explorer.
    pub search: String,
    /// Options hidden from the charts.
    pub hidden: VecSet<String>,
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

    pub fn set_hidden(&mut self, option: OptionId, hidden: bool) {
        if hidden {
            self.hidden.insert(option.id().to_string());
        } else {
            self.hidden.remove(option.id());
        }
    }

    /// (name, value) pairs the encoder writes, in [`VIEW_PARAMS`] order.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if !self.open.is_empty() {
            out.push(("open", join(&self.open)));
        }
        if self.rows != RowFilter::All {
            out.push(("rows", self.rows.id().to_string()));
        }
        if !self.search.is_empty() {
            out.push(("q", self.search.clone()));
        }
        if !self.hidden.is_empty() {
            out.push(("hide", join(&self.hidden)));
        }
        out
    }
}

fn join(set: &VecSet<String>) -> String {
    set.iter().cloned().collect::<Vec<_>>().join(",")
}

/// Whether the feature explorer shows a row, from what the page knows of it: its id,
/// whether its options differ ([`Row::differs`](super::matrix::Row::differs)) and its
/// search text ([`Row::search_text`](super::matrix::Row::search_text)). Requirements
/// come from `matrix` (the "only my requirements" filter); the search is
/// case-insensitive for ASCII letters and looks in one line of the text at a time.
pub fn row_shown(
    row_id: &str,
    differs: bool,
    search_text: &str,
    view: &View,
    needs: &VecSet<String>,
    matrix: &Matrix,
) -> bool {
    let filter_ok = match view.rows {
        RowFilter::All => true,
        RowFilter::Differ => differs,
        RowFilter::Mine => needs
            .iter()
            .filter_map(|n| matrix.requirement(n))
            .any(|r| r.rows.iter().any(|id| id == row_id)),
    };
    let q = view.search.trim().to_ascii_lowercase();
    filter_ok && (q.is_empty() || search_text.split('\n').any(|line| line.contains(&q)))
}

/// Whether `id` names a section.
pub fn is_section(id: &str) -> bool {
    SECTIONS.contains(&id) || OptionId::from_id(id).is_some()
}

fn id_list(value: &str, valid: impl Fn(&str) -> bool) -> (VecSet<String>, Vec<String>) {
    let mut ok = VecSet::new();
    let mut unknown = Vec::new();
    for id in value.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        if valid(id) {
            ok.insert(id.to_string());
        } else {
            unknown.push(id.chars().take(40).collect());
        }
    }
    (ok, unknown)
}

/// Applies a view parameter. Unknown ids are refused by name; the known ones apply.
pub fn apply(view: &mut View, name: &str, value: &str) -> Result<(), String> {
    match name {
        "open" => {
            let (mut ok, unknown) = id_list(value, is_section);
            // "Advanced" held what the groups below hold now: a link that opened it
            // opens them.
            if ok.remove("advanced") {
                for id in ADVANCED_GROUPS {
                    ok.insert(id.to_string());
                }
            }
            view.open = ok;
            if !unknown.is_empty() {
                return Err(format!("unknown section {}", unknown.join(", ")));
            }
        }
        "hide" => {
            let (ok, unknown) = id_list(value, |id| OptionId::from_id(id).is_some());
            view.hidden = ok;
            if !unknown.is_empty() {
                return Err(format!("unknown option {}", unknown.join(", ")));
            }
        }
        "rows" => {
            view.rows = RowFilter::from_id(value.trim())
                .ok_or_else(|| "must be all, diff or mine".to_string())?;
        }
        "q" => {
            let text = value.trim();
            if text.chars().count() > MAX_SEARCH_CHARS {
                return Err(format!("longer than {MAX_SEARCH_CHARS} characters"));
            }
            view.search = text.to_string();
        }
        _ => return Err("unknown parameter".into()),
    }
    Ok(())
}
