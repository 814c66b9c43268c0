//! The catalog: the price book and the limits, parsed once from the embedded data.

use super::limits::Limits;
use super::matrix::Matrix;
use super::prices::{PriceBook, RegionPrices};
use serde::de::DeserializeOwned;
use std::sync::OnceLock;

/// The data files in the postcard form build.rs wrote (checked against the TOML by
/// `tests/data.rs`).
const PRICES_BIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/prices.bin"));
const LIMITS_BIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/limits.bin"));
const MATRIX_BIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/matrix.bin"));

fn decode_embedded<T: DeserializeOwned>(bytes: &[u8], name: &str) -> T {
    postcard::from_bytes(bytes)
        .unwrap_or_else(|e| panic!("embedded {name} is unreadable ({e}): rebuild"))
}

impl Matrix {
    /// The embedded comparison model, decoded on first use.
    pub fn embedded() -> &'static Matrix {
        static MATRIX: OnceLock<Matrix> = OnceLock::new();
        MATRIX.get_or_init(|| decode_embedded(MATRIX_BIN, "data/matrix.toml"))
    }
}

/// Everything the model reads from `data/`.
#[derive(Clone, Debug, PartialEq)]
pub struct Catalog {
    pub prices: PriceBook,
    pub limits: Limits,
}

impl Catalog {
    /// Parses a catalog from the two TOML texts (native builds).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn parse(prices: &str, limits: &str) -> Result<Self, String> {
        Ok(Self {
            prices: PriceBook::parse(prices).map_err(|e| format!("data/prices.toml: {e}"))?,
            limits: Limits::parse(limits).map_err(|e| format!("data/limits.toml: {e}"))?,
        })
    }

    /// The embedded catalog, decoded on first use (build.rs has parsed and checked
    /// the TOML; `tests/data.rs` validates it).
    pub fn embedded() -> &'static Catalog {
        static CATALOG: OnceLock<Catalog> = OnceLock::new();
        CATALOG.get_or_init(|| Catalog {
            prices: decode_embedded(PRICES_BIN, "data/prices.toml"),
            limits: decode_embedded(LIMITS_BIN, "data/limits.toml"),
        })
    }

    pub fn has_region(&self, code: &str) -> bool {
        self.prices.regions.contains_key(code)
    }

    pub fn region(&self, code: &str) -> Option<&RegionPrices> {
        self.prices.regions.get(code)
    }

    /// Region codes in the book, sorted.
    pub fn region_codes(&self) -> Vec<&str> {
        self.prices.regions.keys().map(String::as_str).collect()
    }

    pub fn is_standard_broker(&self, name: &str) -> bool {
        self.limits.msk_standard.brokers.contains_key(name)
    }

    pub fn is_express_broker(&self, name: &str) -> bool {
        self.limits.msk_express.brokers.contains_key(name)
    }

    /// Standard broker types, smallest first within each family.
    pub fn standard_broker_names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self
            .limits
            .msk_standard
            .brokers
            .keys()
            .map(String::as_str)
            .collect();
        names.sort_by_key(|n| broker_sort_key(n));
        names
    }

    /// Express broker types, smallest first.
    pub fn express_broker_names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self
            .limits
            .msk_express
            .brokers
            .keys()
            .map(String::as_str)
            .collect();
        names.sort_by_key(|n| broker_sort_key(n));
        names
    }
}

/// Orders `kafka.m5.large` < `kafka.m5.xlarge` < `kafka.m5.2xlarge` < … within a family.
pub fn broker_sort_key(name: &str) -> (String, u32) {
    let (family, size) = name.rsplit_once('.').unwrap_or((name, ""));
    let rank = match size {
        "small" => 0,
        "medium" => 1,
        "large" => 2,
        "xlarge" => 4,
        s => s
            .strip_suffix("xlarge")
            .and_then(|n| n.parse::<u32>().ok())
            .map_or(u32::MAX, |n| n * 4),
    };
    (family.to_string(), rank)
}
