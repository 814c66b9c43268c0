//! The comparison model (`data/matrix.toml`): the feature matrix merged from both
//! source documents and reconciled with today's facts, deployment and management,
//! integrations, the analogy, the TL;DR, requirements with each option's fit, the
//! operational load of each option, and the "when to use what" presets. Like
//! `prices.rs`, this file is also compiled into build.rs.

use super::data_types::{List, Map, Text};
use super::prices::Source;
use serde::{Deserialize, Serialize};

/// A judgement on one option for one feature or requirement.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Yes,
    Partial,
    No,
    /// Descriptive: no judgement.
    Info,
}

impl Verdict {
    pub fn id(self) -> &'static str {
        match self {
            Verdict::Yes => "yes",
            Verdict::Partial => "partial",
            Verdict::No => "no",
            Verdict::Info => "info",
        }
    }
}

#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SeedTable {
    pub doc: Text,
    pub table: Text,
    pub rows: List<Text>,
}

/// One cell: what a feature looks like on some options.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Cell {
    /// Option ids this cell covers.
    pub options: List<Text>,
    pub value: Text,
    pub verdict: Verdict,
    pub note: Text,
    pub source: Text,
    pub date: Text,
    /// What a source document claimed, where it differs from today's facts.
    #[serde(default)]
    pub seed_claim: Option<Text>,
    /// Why that claim changed.
    #[serde(default)]
    pub correction: Option<Text>,
}

/// One feature row.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Row {
    pub id: Text,
    pub topic: Text,
    pub group: Text,
    /// The source documents' row names merged into this row.
    pub seed_rows: List<Text>,
    pub cells: List<Cell>,
}

impl Row {
    /// The cell covering an option.
    pub fn cell_for(&self, option_id: &str) -> Option<&Cell> {
        self.cells
            .iter()
            .find(|c| c.options.iter().any(|o| o == option_id))
    }

    /// The text that the explorer's search looks in, lower-cased (ASCII): the topic, then
    /// each cell's value and note, one per line. The page holds the same text in the
    /// row's `th`, `.value` and `.note` elements, in that order.
    pub fn search_text(&self) -> String {
        let mut parts = vec![&*self.topic];
        for c in self.cells.iter() {
            parts.push(&c.value);
            parts.push(&c.note);
        }
        parts.join("\n").to_ascii_lowercase()
    }

    /// Whether the options differ on this row: their verdicts are not all the same
    /// (descriptive "info" cells differ when their values do).
    pub fn differs(&self) -> bool {
        let verdicts: super::sorted::VecSet<Verdict> =
            self.cells.iter().map(|c| c.verdict).collect();
        if verdicts.iter().all(|v| *v == Verdict::Info) {
            return self.cells.len() > 1;
        }
        verdicts.len() > 1
    }
}

#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DeploymentItem {
    pub id: Text,
    pub topic: Text,
    pub kinesis: Text,
    pub msk: Text,
    pub source: Text,
    pub date: Text,
}

#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct IntegrationCell {
    pub how: Text,
    pub verdict: Verdict,
    pub source: Text,
    pub date: Text,
}

#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Integration {
    pub id: Text,
    pub name: Text,
    pub kinesis: IntegrationCell,
    pub msk: IntegrationCell,
    #[serde(default)]
    pub seed_claim: Option<Text>,
    #[serde(default)]
    pub correction: Option<Text>,
}

#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Pair {
    pub kinesis: Text,
    pub msk: Text,
    pub from: Text,
}

/// One option's fit to a requirement.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Fit {
    pub verdict: Verdict,
    pub reason: Text,
}

/// Something a user can require (`need=` in the link).
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    pub id: Text,
    pub label: Text,
    /// Ids of the matrix rows this requirement is about (the explorer's "my
    /// requirements" filter).
    pub rows: List<Text>,
    /// Option id → fit.
    pub fit: Map<Fit>,
}

#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Preset {
    pub id: Text,
    pub label: Text,
    pub from: Text,
    pub items: List<Text>,
    pub needs: List<Text>,
    /// A representative workload (link query without `need=`).
    pub query: Text,
}

#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct OperationalLoad {
    /// 1 (nothing to operate) to 3 (brokers, storage, partitions, upgrades).
    pub level: u8,
    pub reason: Text,
}

/// The whole comparison model.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Matrix {
    pub schema: u32,
    pub as_of: Text,
    pub sources: Map<Source>,
    /// The source documents' numbers (as a `seed_claim` names them) → what they are.
    #[serde(default)]
    pub seed_documents: Map<Text>,
    pub seed_tables: List<SeedTable>,
    pub rows: List<Row>,
    pub deployment: List<DeploymentItem>,
    pub integrations: List<Integration>,
    pub analogy: Pair,
    pub tldr: Pair,
    pub requirements: List<Requirement>,
    pub presets: List<Preset>,
    pub operational_load: Map<OperationalLoad>,
}

impl Matrix {
    /// Parses the matrix from TOML (native builds and build.rs).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn parse(text: &str) -> Result<Self, String> {
        toml::from_str(text).map_err(|e| format!("data/matrix.toml: {e}"))
    }

    /// The part of the model that the calculator computes with: requirements, presets
    /// and operational load. The feature matrix, integrations, deployment, the analogy,
    /// the TL;DR and their sources are left out: the build pre-renders them into the
    /// page as static HTML (`src/bin/prerender.rs`), so the WebAssembly module does not
    /// carry them (`Matrix::calculator`).
    pub fn calculator_part(&self) -> Matrix {
        let empty = Text::Borrowed("");
        Matrix {
            schema: self.schema,
            as_of: self.as_of.clone(),
            sources: Map::default(),
            seed_documents: Map::default(),
            seed_tables: List::Borrowed(&[]),
            rows: List::Borrowed(&[]),
            deployment: List::Borrowed(&[]),
            integrations: List::Borrowed(&[]),
            analogy: Pair {
                kinesis: empty.clone(),
                msk: empty.clone(),
                from: empty.clone(),
            },
            tldr: Pair {
                kinesis: empty.clone(),
                msk: empty.clone(),
                from: empty,
            },
            requirements: self.requirements.clone(),
            presets: self.presets.clone(),
            operational_load: self.operational_load.clone(),
        }
    }

    pub fn requirement(&self, id: &str) -> Option<&Requirement> {
        self.requirements.iter().find(|r| r.id == id)
    }

    pub fn requirement_ids(&self) -> Vec<&str> {
        self.requirements.iter().map(|r| &*r.id).collect()
    }
}
