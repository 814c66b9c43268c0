//! The comparison model (`data/matrix.toml`): the feature matrix merged from both
//! source documents and reconciled with today's facts, deployment and management,
//! integrations, the analogy, the TL;DR, requirements with each option's fit, the
//! operational load of each option, and the "when to use what" presets. Like
//! `prices.rs`, this file is also compiled into build.rs.

use super::prices::Source;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

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
    pub doc: String,
    pub table: String,
    pub rows: Vec<String>,
}

/// One cell: what a feature looks like on some options.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Cell {
    /// Option ids this cell covers.
    pub options: Vec<String>,
    pub value: String,
    pub verdict: Verdict,
    pub note: String,
    pub source: String,
    pub date: String,
    /// What a source document claimed, where it differs from today's facts.
    #[serde(default)]
    pub seed_claim: Option<String>,
    /// Why that claim changed.
    #[serde(default)]
    pub correction: Option<String>,
}

/// One feature row.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Row {
    pub id: String,
    pub topic: String,
    pub group: String,
    /// The source documents' row names merged into this row.
    pub seed_rows: Vec<String>,
    pub cells: Vec<Cell>,
}

impl Row {
    /// The cell covering an option.
    pub fn cell_for(&self, option_id: &str) -> Option<&Cell> {
        self.cells
            .iter()
            .find(|c| c.options.iter().any(|o| o == option_id))
    }

    /// Whether the options differ on this row: their verdicts are not all the same
    /// (descriptive "info" cells differ when their values do).
    pub fn differs(&self) -> bool {
        let verdicts: std::collections::BTreeSet<Verdict> =
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
    pub id: String,
    pub topic: String,
    pub kinesis: String,
    pub msk: String,
    pub source: String,
    pub date: String,
}

#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct IntegrationCell {
    pub how: String,
    pub verdict: Verdict,
    pub source: String,
    pub date: String,
}

#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Integration {
    pub id: String,
    pub name: String,
    pub kinesis: IntegrationCell,
    pub msk: IntegrationCell,
    #[serde(default)]
    pub seed_claim: Option<String>,
    #[serde(default)]
    pub correction: Option<String>,
}

#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Pair {
    pub kinesis: String,
    pub msk: String,
    pub from: String,
}

/// One option's fit to a requirement.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Fit {
    pub verdict: Verdict,
    pub reason: String,
}

/// Something a user can require (`need=` in the link).
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    pub id: String,
    pub label: String,
    /// Ids of the matrix rows this requirement is about (the explorer's "my
    /// requirements" filter).
    pub rows: Vec<String>,
    /// Option id → fit.
    pub fit: BTreeMap<String, Fit>,
}

#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Preset {
    pub id: String,
    pub label: String,
    pub from: String,
    pub items: Vec<String>,
    pub needs: Vec<String>,
    /// A representative workload (link query without `need=`).
    pub query: String,
}

impl Preset {
    /// The preset as a link query: its workload and its requirements.
    pub fn link(&self) -> String {
        let mut needs = self.needs.clone();
        needs.sort();
        format!("{}&need={}", self.query, needs.join(","))
    }
}

#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct OperationalLoad {
    /// 1 (nothing to operate) to 3 (brokers, storage, partitions, upgrades).
    pub level: u8,
    pub reason: String,
}

/// The whole comparison model.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Matrix {
    pub schema: u32,
    pub as_of: String,
    pub sources: BTreeMap<String, Source>,
    pub seed_tables: Vec<SeedTable>,
    pub rows: Vec<Row>,
    pub deployment: Vec<DeploymentItem>,
    pub integrations: Vec<Integration>,
    pub analogy: Pair,
    pub tldr: Pair,
    pub requirements: Vec<Requirement>,
    pub presets: Vec<Preset>,
    pub operational_load: BTreeMap<String, OperationalLoad>,
}

impl Matrix {
    /// Parses the matrix from TOML (native builds and build.rs).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn parse(text: &str) -> Result<Self, String> {
        toml::from_str(text).map_err(|e| format!("data/matrix.toml: {e}"))
    }

    pub fn requirement(&self, id: &str) -> Option<&Requirement> {
        self.requirements.iter().find(|r| r.id == id)
    }

    pub fn requirement_ids(&self) -> Vec<&str> {
        self.requirements.iter().map(|r| r.id.as_str()).collect()
    }
}
