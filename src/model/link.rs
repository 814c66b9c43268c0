//! The link codec: the only code that knows the query parameter names.
//!
//! The link format is a public contract (see README, "Link format"): names and units
//! never change meaning; new versions add parameters. A new default applies to new
//! links only: the encoder writes the format's version (`v=2`), and a link without it
//! opens with the defaults of the version it was made with ([`Workload::defaults_of_version`]),
//! and says which of today's defaults differ ([`Decoded::legacy`]). The decoder never
//! fails as a whole: each bad parameter becomes an [`InputMessage`] and the rest apply.

use super::catalog::Catalog;
use super::fixed::shortest;
use super::matrix::Matrix;
use super::number::parse_f64;
use super::prices::SECTIONS;
use super::units::{HOURS_PER_DAY, KB_PER_MB};
use super::view::{self, View, VIEW_PARAMS};
use super::workload::{
    NetworkPath, SizingRules, Targets, Tiered, Workload, MAX_RETENTION_HOURS, MIN_RETENTION_HOURS,
};
use crate::model::sorted::VecSet;
use std::fmt::Write as _;

/// The link format's version, written by the encoder as `v=4` (absent = v1).
pub const LINK_VERSION: u32 = 4;
/// The version marker's parameter name.
pub const VERSION_PARAM: &str = "v";
/// The price book edition a link was priced with (`prices=2026-12-03`): written after the
/// version marker on every link the page or the CLI writes (README, "Links keep their
/// prices").
pub const PRICES_PARAM: &str = "prices";

/// Parameters whose default changed, with the version that changed it: a link of an
/// earlier version that leaves one out opens with that version's default
/// ([`Workload::defaults_of_version`]).
pub const CHANGED_DEFAULTS: [(u32, &str); 5] = [
    (2, "network"),
    (2, "tiered"),
    (3, "sizing"),
    (4, "sizing"),
    (4, "kinesis_compression"),
];

/// Workload parameter names, in the order the encoder writes them (after `v`).
pub const PARAMS: [&str; 39] = [
    "rps",
    "size",
    "peak",
    "consumers",
    "efo",
    "retention",
    "region",
    "shards",
    "broker",
    "brokers",
    "storage",
    "express",
    "express_brokers",
    "partitions",
    "azs",
    "rf",
    "rack_aware",
    "discount",
    "tiered",
    "streams",
    "aggregate",
    "compression",
    "replay",
    "network",
    "sizing",
    "target",
    "headroom",
    "ops",
    "connect",
    "dr",
    "dr_replication",
    "mm2_mcus",
    "need",
    "kinesis_compression",
    "firehose",
    "parquet",
    "lambda",
    "lambda_provisioned",
    "flink",
];

/// The prefix of a rate the user gives: `rate.<section>.<key>=<usd>`, with the section
/// and key of `data/prices.toml` for the link's Region (broker-hour rates as
/// `rate.msk_standard.broker_hour.<broker type>`).
pub const RATE_PREFIX: &str = "rate.";
/// The highest rate accepted, USD per unit.
pub const MAX_RATE_USD: f64 = 1e6;

/// Upper bounds that keep every figure finite and meaningful.
pub const MAX_RECORDS_PER_S: f64 = 1e9;
pub const MAX_RECORD_KB: f64 = 1_048_576.0; // 1 GB
pub const MAX_PEAK_FACTOR: f64 = 100.0;
pub const MAX_CONSUMERS: u32 = 1000;
pub const MAX_SHARDS: u32 = 1_000_000;
pub const MAX_BROKERS: u32 = 1000;
pub const MAX_STORAGE_GB: f64 = 16_384.0;
pub const MAX_PARTITIONS: u32 = 1_000_000;
pub const MAX_STREAMS: u32 = 100_000;
/// Largest aggregated Kinesis record: 1 MiB, Kinesis's default maximum record size.
pub const MAX_AGGREGATE_KB: f64 = 1024.0;
pub const MAX_COMPRESSION: f64 = 100.0;
/// Most KPUs of the Flink application a link may give.
pub const MAX_FLINK_KPUS: u32 = 10_000;
/// The Region the page proposes for a standby when the user asks for cross-Region
/// replication without naming one: the other US East Region for the US East Regions,
/// else the first other Region of the price book.
pub fn dr_partner(region: &str, catalog: &Catalog) -> Option<String> {
    match region {
        "us-east-1" => Some("us-east-2".to_string()),
        "us-east-2" => Some("us-east-1".to_string()),
        _ => catalog
            .region_codes()
            .into_iter()
            .find(|c| *c != region)
            .map(str::to_string),
    }
}

/// Most MSK Connect Units (MCUs) a link may ask for.
pub const MAX_CONNECT_MCUS: u32 = 10_000;
/// Most replays a month (about one an hour).
pub const MAX_REPLAYS: f64 = 1000.0;
/// Longest value echoed back in a message; the rest is cut with an ellipsis.
const MAX_ECHO_CHARS: usize = 40;

/// One rejected or adjusted parameter: which, what it said, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputMessage {
    pub param: String,
    pub value: String,
    pub reason: String,
}

impl InputMessage {
    fn new(param: &str, value: &str, reason: impl Into<String>) -> Self {
        Self {
            param: shorten(param),
            value: shorten(value),
            reason: reason.into(),
        }
    }
}

impl std::fmt::Display for InputMessage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}=\"{}\": {}", self.param, self.value, self.reason)
    }
}

/// A decoded link: the workload and what was wrong with the link.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    pub workload: Workload,
    /// Open sections of the page (they change no figure).
    pub view: View,
    pub messages: Vec<InputMessage>,
    /// The link format version the link was read as.
    pub version: u32,
    /// Parameters the link left out that took an older version's default, which
    /// differs from today's (see [`todays_defaults`]).
    pub legacy: Vec<&'static str>,
}

/// The workload with today's defaults for the `legacy` parameters (the ones an older
/// link left out), everything else as it is.
pub fn todays_defaults(w: &Workload, legacy: &[&str]) -> Workload {
    let today = Workload::default();
    let mut out = w.clone();
    for name in legacy {
        match *name {
            "network" => out.network = today.network,
            "tiered" => out.tiered = today.tiered,
            "sizing" => out.sizing = today.sizing,
            "kinesis_compression" => out.kinesis_compression = today.kinesis_compression,
            _ => {}
        }
    }
    out
}

/// The version a link is read as: its `v=` marker; without one, v1 if it sets any
/// workload parameter (it was made before the marker existed), else today's version
/// (a bare address, or a link that only opens sections).
fn link_version(query: &str, messages: &mut Vec<InputMessage>) -> (u32, bool) {
    let mut version = None;
    let mut workload_params = false;
    for pair in query.trim_start_matches('?').split('&') {
        let (raw_name, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let name = percent_decode(raw_name).unwrap_or_default();
        if name == VERSION_PARAM {
            let value = percent_decode(raw_value).unwrap_or_default();
            match value.trim().parse::<u32>() {
                Ok(v) if (1..=LINK_VERSION).contains(&v) => version = Some(v),
                Ok(v) if v > LINK_VERSION => {
                    messages.push(InputMessage::new(
                        VERSION_PARAM,
                        &value,
                        format!("made by a newer version of this page; read as v{LINK_VERSION}"),
                    ));
                    version = Some(LINK_VERSION);
                }
                _ => messages.push(InputMessage::new(
                    VERSION_PARAM,
                    &value,
                    format!("not a link format version (1 to {LINK_VERSION}); ignored"),
                )),
            }
        } else if PARAMS.contains(&name.as_str()) || name.starts_with(RATE_PREFIX) {
            workload_params = true;
        }
    }
    (
        version.unwrap_or(if workload_params { 1 } else { LINK_VERSION }),
        workload_params,
    )
}

/// The edition a link is priced with ([`Workload::prices`]): `prices=` when it names a
/// book no newer than today's (`None` when it is today's); a link without it that sets
/// the workload was made before links recorded their book, and is read with the first
/// book the change log holds (its start); a bare address, today's.
fn link_prices(
    given: Option<String>,
    workload_params: bool,
    catalog: &Catalog,
    messages: &mut Vec<InputMessage>,
) -> Option<String> {
    let today = catalog.edition();
    let start = &*catalog.log.start;
    let undated = (workload_params && start < today).then(|| start.to_string());
    let Some(given) = given else {
        return undated;
    };
    let value = given.trim();
    match super::price_log::check_date(value) {
        Err(why) => {
            messages.push(InputMessage::new(
                PRICES_PARAM,
                &given,
                format!("{why}; read as a link that records no price book"),
            ));
            undated
        }
        Ok(()) if value > today => {
            messages.push(InputMessage::new(
                PRICES_PARAM,
                &given,
                format!("a newer price book than this page's ({today}); today's prices used"),
            ));
            None
        }
        Ok(()) if value == today => None,
        Ok(()) => Some(value.to_string()),
    }
}

fn shorten(s: &str) -> String {
    if s.chars().count() <= MAX_ECHO_CHARS {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(MAX_ECHO_CHARS).collect();
        out.push('…');
        out
    }
}

/// The query part of a bare query (`rps=1&size=2`, `?rps=1`) or a whole URL
/// (`https://host/path/?rps=1#top`). Returns `None` if a URL has no query at all.
pub fn query_part(input: &str) -> Option<&str> {
    let input = input.trim();
    let input = input.split('#').next().unwrap_or("");
    if let Some((_, q)) = input.split_once('?') {
        return Some(q);
    }
    if input.contains("://") || input.starts_with('/') {
        return if input.contains('=') { None } else { Some("") };
    }
    Some(input)
}

/// Percent-decodes a query component (`+` is a space). `None` on a bad escape or
/// bytes that are not UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes.get(i + 1..i + 3)?;
                let hex = std::str::from_utf8(hex).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

/// Percent-encodes a value for a query (unreserved characters stay as they are).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b',' | b':') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

fn parse_number(value: &str, min: f64, max: f64, min_inclusive: bool) -> Result<f64, String> {
    let x = parse_f64(value.trim()).ok_or_else(|| "not a number".to_string())?;
    if !x.is_finite() {
        return Err("not a finite number".into());
    }
    let low_ok = if min_inclusive { x >= min } else { x > min };
    if !low_ok {
        let op = if min_inclusive {
            "at least"
        } else {
            "more than"
        };
        return Err(format!("must be {op} {}", shortest(min)));
    }
    if x > max {
        return Err(format!("must be at most {}", shortest(max)));
    }
    Ok(x)
}

fn parse_count(value: &str, min: u32, max: u32) -> Result<u32, String> {
    let v = value.trim();
    let n: u64 = v.parse().map_err(|_| {
        if parse_f64(v).is_some() {
            "must be a whole number".to_string()
        } else {
            "not a number".to_string()
        }
    })?;
    if n < u64::from(min) || n > u64::from(max) {
        return Err(format!("must be between {min} and {max}"));
    }
    Ok(n as u32)
}

/// Parses a retention: `36h`, `7d`, or a bare number of hours.
pub fn parse_retention(value: &str) -> Result<f64, String> {
    let v = value.trim();
    let (num, factor) = if let Some(n) = v.strip_suffix(['d', 'D']) {
        (n, HOURS_PER_DAY)
    } else if let Some(n) = v.strip_suffix(['h', 'H']) {
        (n, 1.0)
    } else {
        (v, 1.0)
    };
    let x = parse_f64(num.trim())
        .ok_or_else(|| "not a duration (use hours like 36h or days like 7d)".to_string())?;
    let hours = x * factor;
    if !hours.is_finite() {
        return Err("not a finite duration".into());
    }
    if !(MIN_RETENTION_HOURS..=MAX_RETENTION_HOURS).contains(&hours) {
        return Err("must be between 1h and 3650d".into());
    }
    Ok(hours)
}

/// Formats a retention as the encoder writes it: whole days as `7d`, else `36h`.
pub fn format_retention(hours: f64) -> String {
    let days = hours / HOURS_PER_DAY;
    if days.fract() == 0.0 && days * HOURS_PER_DAY == hours {
        format!("{}d", shortest(days))
    } else {
        format!("{}h", shortest(hours))
    }
}

fn parse_bool(value: &str) -> Result<bool, String> {
    match value.trim().to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" | "on" => Ok(true),
        "false" | "0" | "no" | "off" => Ok(false),
        _ => Err("must be true or false".into()),
    }
}

/// Decodes a query (see [`query_part`] for URLs) into a workload. Never fails: every
/// bad parameter becomes a message and its default applies.
pub fn decode(query: &str, catalog: &Catalog) -> Decoded {
    let mut messages = Vec::new();
    let (version, workload_params) = link_version(query, &mut messages);
    let mut prices_given: Option<String> = None;
    let mut w = Workload::defaults_of_version(version);
    let mut v = View::default();
    let mut seen: Vec<(String, usize)> = Vec::new();
    let mut applied_params: Vec<String> = Vec::new();
    for pair in query.trim_start_matches('?').split('&') {
        if pair.is_empty() {
            continue;
        }
        let (raw_name, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let Some(name) = percent_decode(raw_name) else {
            messages.push(InputMessage::new(
                raw_name,
                raw_value,
                "bad percent-encoding in the name; ignored",
            ));
            continue;
        };
        let Some(value) = percent_decode(raw_value) else {
            messages.push(InputMessage::new(
                &name,
                raw_value,
                "bad percent-encoding; default used",
            ));
            continue;
        };
        if name == VERSION_PARAM {
            continue;
        }
        if name == PRICES_PARAM {
            prices_given = Some(value);
            continue;
        }
        let rate = name.starts_with(RATE_PREFIX);
        if !rate && !PARAMS.contains(&name.as_str()) && !VIEW_PARAMS.contains(&name.as_str()) {
            messages.push(InputMessage::new(
                &name,
                &value,
                "unknown parameter (perhaps from a newer version); ignored",
            ));
            continue;
        }
        match seen.iter_mut().find(|(n, _)| *n == name) {
            Some((_, count)) => *count += 1,
            None => seen.push((name.clone(), 1)),
        }
        if value.trim().is_empty() {
            let what = if rate { "not applied" } else { "default used" };
            messages.push(InputMessage::new(&name, &value, format!("empty; {what}")));
            continue;
        }
        let applied = if VIEW_PARAMS.contains(&name.as_str()) {
            view::apply(&mut v, &name, &value).map_err(|r| format!("{r}; ignored"))
        } else {
            apply(&mut w, &name, &value, catalog).map_err(|r| {
                // `need=` keeps the ids it knows; the message names the others.
                if name == "need" {
                    r
                } else if rate {
                    format!("{r}; not applied")
                } else {
                    format!("{r}; default used")
                }
            })
        };
        match applied {
            Err(reason) => messages.push(InputMessage::new(&name, &value, reason)),
            Ok(()) => applied_params.push(name),
        }
        // In v1, `tiered=auto` meant what it said then: tiered storage off.
        if version <= 1 && w.tiered == Tiered::Auto {
            w.tiered = Tiered::Off;
        }
    }
    for (name, count) in seen {
        if count > 1 {
            messages.push(InputMessage::new(
                &name,
                "",
                format!("given {count} times; the last valid value is used"),
            ));
        }
    }
    // Before v4, `compression` applied to Kinesis too: such a link keeps it there.
    if version <= 3 && !applied_params.iter().any(|a| a == "kinesis_compression") {
        w.kinesis_compression = w.compression;
    }
    check_relations(&mut w, &mut messages);
    w.prices = link_prices(prices_given, workload_params, catalog, &mut messages);
    let today = Workload::default();
    let legacy = if version < LINK_VERSION {
        CHANGED_DEFAULTS
            .into_iter()
            .filter(|&(v, _)| v > version)
            .map(|(_, p)| p)
            .fold(Vec::new(), |mut seen, p| {
                if !seen.contains(&p) {
                    seen.push(p);
                }
                seen
            })
            .into_iter()
            .filter(|p| !applied_params.iter().any(|a| a == p))
            .filter(|p| display_value(&w, p) != display_value(&today, p))
            .collect()
    } else {
        Vec::new()
    };
    Decoded {
        workload: w,
        view: v,
        messages,
        version,
        legacy,
    }
}

/// A Region code of the price book (`region=`, `dr=`), or why not.
fn known_region(value: &str, catalog: &Catalog) -> Result<String, String> {
    let code = value.trim();
    if catalog.has_region(code) {
        Ok(code.to_string())
    } else {
        Err(format!(
            "unknown region (known: {})",
            catalog.region_codes().join(", ")
        ))
    }
}

/// Checks the `<section>.<key>` of a rate parameter against the price book's names.
fn check_rate_name(name: &str, catalog: &Catalog) -> Result<(), String> {
    // `rate.<region>.<section>.<key>`: a rate for that Region of the estimate (the link's
    // own, or a DR standby's).
    let (region, name) = super::prices::split_rate_name(name);
    if let Some(r) = region {
        if !catalog.has_region(r) {
            return Err(format!(
                "unknown Region {} (known: {})",
                shorten(r),
                catalog.region_codes().join(", ")
            ));
        }
    }
    let (section, key) = name.split_once('.').unwrap_or((name, ""));
    let Some((_, keys)) = SECTIONS.iter().find(|(s, _)| *s == section) else {
        let known: Vec<&str> = SECTIONS.iter().map(|(s, _)| *s).collect();
        let what = if section.is_empty() {
            "no price book section (rate.<section>.<key>=<usd>)".to_string()
        } else {
            format!("unknown price book section {}", shorten(section))
        };
        return Err(format!("{what} (known: {})", known.join(", ")));
    };
    let known = match (section, key.split_once('.')) {
        ("msk_standard", Some(("broker_hour", b))) => catalog.is_standard_broker(b),
        ("msk_express", Some(("broker_hour", b))) => catalog.is_express_broker(b),
        ("kafka_ec2", Some(("instance_hour", b))) => catalog.is_ec2_broker(b),
        ("data_transfer", Some(("inter_region_gb_to", r))) => catalog.has_region(r),
        ("data_transfer", None) if key == "inter_region_gb" => true,
        _ => keys.contains(&key),
    };
    if known {
        Ok(())
    } else {
        let mut names = keys.join(", ");
        if section.starts_with("msk_s") || section.starts_with("msk_e") {
            names.push_str(", broker_hour.<broker type>");
        }
        if section == "kafka_ec2" {
            names.push_str(", instance_hour.<instance type>");
        }
        if section == "data_transfer" {
            names.push_str(", inter_region_gb, inter_region_gb_to.<region>");
        }
        Err(format!(
            "unknown rate {} in {section} (known: {names})",
            shorten(key)
        ))
    }
}

/// Applies one parameter to the workload, or says why it can't.
pub fn apply(w: &mut Workload, name: &str, value: &str, catalog: &Catalog) -> Result<(), String> {
    if let Some(rate) = name.strip_prefix(RATE_PREFIX) {
        check_rate_name(rate, catalog)?;
        let usd = parse_number(value, 0.0, MAX_RATE_USD, true)?;
        w.rates.insert(rate.to_string(), usd);
        return Ok(());
    }
    let auto = value.trim().eq_ignore_ascii_case("auto");
    match name {
        "rps" => w.records_per_s = parse_number(value, 0.0, MAX_RECORDS_PER_S, true)?,
        "size" => w.record_kb = parse_number(value, 0.0, MAX_RECORD_KB, false)?,
        "peak" => w.peak_factor = parse_number(value, 1.0, MAX_PEAK_FACTOR, true)?,
        "consumers" => w.consumers = parse_count(value, 0, MAX_CONSUMERS)?,
        "efo" => w.efo_consumers = parse_count(value, 0, MAX_CONSUMERS)?,
        "retention" => w.retention_hours = parse_retention(value)?,
        "region" => w.region = known_region(value, catalog)?,
        "shards" if auto => w.shards = None,
        "shards" => w.shards = Some(parse_count(value, 1, MAX_SHARDS)?),
        "broker" if auto => w.broker = None,
        "broker" => {
            let b = value.trim();
            if !catalog.is_standard_broker(b) {
                return Err(format!(
                    "unknown MSK Standard broker type (known: {})",
                    catalog.standard_broker_names().join(", ")
                ));
            }
            w.broker = Some(b.to_string());
        }
        "brokers" if auto => w.brokers = None,
        "brokers" => w.brokers = Some(parse_count(value, 1, MAX_BROKERS)?),
        "storage" if auto => w.storage_gb_per_broker = None,
        "storage" => {
            w.storage_gb_per_broker = Some(parse_number(value, 1.0, MAX_STORAGE_GB, true)?)
        }
        "express" if auto => w.express = None,
        "express" => {
            let b = value.trim();
            if !catalog.is_express_broker(b) {
                return Err(format!(
                    "unknown MSK Express broker type (known: {})",
                    catalog.express_broker_names().join(", ")
                ));
            }
            w.express = Some(b.to_string());
        }
        "express_brokers" if auto => w.express_brokers = None,
        "express_brokers" => w.express_brokers = Some(parse_count(value, 3, MAX_BROKERS)?),
        "partitions" if auto => w.partitions = None,
        "partitions" => w.partitions = Some(parse_count(value, 1, MAX_PARTITIONS)?),
        "azs" => w.azs = parse_count(value, 2, 3)?,
        "rf" => w.replication_factor = parse_count(value, 1, 3)?,
        "rack_aware" => w.rack_aware = parse_bool(value)?,
        "discount" => {
            let d = parse_number(value, 0.0, 100.0, true)?;
            if d >= 100.0 {
                return Err("must be below 100".into());
            }
            // + 0.0 turns -0 into 0, so "discount=-0" is the default, as written.
            w.discount_pct = d + 0.0;
        }
        "tiered" if auto => w.tiered = Tiered::Auto,
        "tiered" if value.trim().eq_ignore_ascii_case("off") => w.tiered = Tiered::Off,
        "tiered" => w.tiered = Tiered::Local(parse_retention(value)?),
        "streams" => w.streams = parse_count(value, 1, MAX_STREAMS)?,
        "aggregate" if auto || value.trim().eq_ignore_ascii_case("off") => w.aggregate_kb = None,
        "aggregate" => w.aggregate_kb = Some(parse_number(value, 0.0, MAX_AGGREGATE_KB, false)?),
        "compression" => w.compression = parse_number(value, 1.0, MAX_COMPRESSION, true)?,
        "kinesis_compression" => {
            w.kinesis_compression = parse_number(value, 1.0, MAX_COMPRESSION, true)?
        }
        "firehose" => w.firehose = parse_count(value, 0, MAX_CONSUMERS)?,
        "parquet" => w.parquet = parse_bool(value)?,
        "lambda" => w.lambda = parse_count(value, 0, MAX_CONSUMERS)?,
        "lambda_provisioned" => w.lambda_provisioned = parse_bool(value)?,
        "flink" => w.flink_kpus = parse_count(value, 0, MAX_FLINK_KPUS)?,
        // (+ 0.0: "replay=-0" is the default, as written.)
        "replay" => w.replays = parse_number(value, 0.0, MAX_REPLAYS, true)? + 0.0,
        "network" => {
            w.network = NetworkPath::from_id(&value.trim().to_ascii_lowercase())
                .ok_or("must be endpoint, nat or none")?
        }
        "sizing" => {
            w.sizing = match value.trim().to_ascii_lowercase().as_str() {
                "aws" => SizingRules::Aws,
                "v3" => SizingRules::V3,
                "v2" => SizingRules::V2,
                _ => return Err("must be aws, v3 or v2".into()),
            }
        }
        "target" if auto => w.target = Targets::default(),
        "target" => w.target = parse_targets(value)?,
        "headroom" if auto => w.headroom = None,
        "headroom" => w.headroom = Some(parse_number(value, 1.0, 10.0, true)?),
        "ops" => w.ops_usd = parse_number(value, 0.0, 1e7, true)? + 0.0,
        "connect" => w.connect_mcus = parse_count(value, 0, MAX_CONNECT_MCUS)?,
        "dr" if auto || value.trim().eq_ignore_ascii_case("none") => w.dr_region = None,
        "dr" => w.dr_region = Some(known_region(value, catalog)?),
        "dr_replication" => {
            w.mm2 = match value.trim().to_ascii_lowercase().as_str() {
                "replicator" | "" => false,
                "mm2" => true,
                _ => return Err("must be replicator or mm2".into()),
            }
        }
        "mm2_mcus" if auto => w.mm2_mcus = None,
        "mm2_mcus" => w.mm2_mcus = Some(parse_count(value, 1, MAX_CONNECT_MCUS)?),
        "need" => {
            let matrix = Matrix::calculator();
            let mut needs = VecSet::new();
            let mut unknown = Vec::new();
            for id in value.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                if matrix.requirement(id).is_some() {
                    needs.insert(id.to_string());
                } else {
                    unknown.push(shorten(id));
                }
            }
            w.needs = needs;
            if !unknown.is_empty() {
                return Err(format!(
                    "unknown requirement {} (the others apply)",
                    unknown.join(", ")
                ));
            }
        }
        _ => return Err("unknown parameter".into()),
    }
    Ok(())
}

/// `target=`: one percentage for every provisioned service (`80`), or each service's own
/// (`kinesis:80,standard:50,express:75`; services left out keep their default).
fn parse_targets(value: &str) -> Result<Targets, String> {
    if !value.contains(':') {
        return Ok(Targets::all(parse_number(value, 1.0, 100.0, true)?));
    }
    let mut t = Targets::default();
    for part in value.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let Some((service, pct)) = part.split_once(':') else {
            return Err(format!(
                "{} names no service (kinesis:80,standard:50,express:75)",
                shorten(part)
            ));
        };
        let service = service.trim().to_ascii_lowercase();
        if !Targets::SERVICES.contains(&service.as_str()) {
            return Err(format!(
                "unknown service {} (known: {})",
                shorten(&service),
                Targets::SERVICES.join(", ")
            ));
        }
        let pct = parse_number(pct, 1.0, 100.0, true).map_err(|e| format!("{service}: {e}"))?;
        t.set(&service, Some(pct));
    }
    Ok(t)
}

/// The text of `target=`: one number when every service shares it, else each service's
/// own; "" when none is set.
fn format_targets(t: &Targets) -> String {
    if let Some(all) = t.shared() {
        return shortest(all);
    }
    Targets::SERVICES
        .iter()
        .filter_map(|s| t.get(s).map(|pct| format!("{s}:{}", shortest(pct))))
        .collect::<Vec<_>>()
        .join(",")
}

/// Rules that involve two parameters, applied after all of them are read.
fn check_relations(w: &mut Workload, messages: &mut Vec<InputMessage>) {
    if w.efo_consumers > w.consumers {
        messages.push(InputMessage::new(
            "efo",
            &w.efo_consumers.to_string(),
            format!(
                "more than the {} consumers; set to {}",
                w.consumers, w.consumers
            ),
        ));
        w.efo_consumers = w.consumers;
    }
    if let Some(b) = w.brokers {
        if !b.is_multiple_of(w.azs) {
            messages.push(InputMessage::new(
                "brokers",
                &b.to_string(),
                format!("must be a multiple of azs ({}); auto used", w.azs),
            ));
            w.brokers = None;
        }
    }
    if let Tiered::Local(h) = w.tiered {
        if h >= w.retention_hours {
            messages.push(InputMessage::new(
                "tiered",
                &format_retention(h),
                format!(
                    "local retention must be shorter than the retention ({}); tiered storage off",
                    format_retention(w.retention_hours)
                ),
            ));
            w.tiered = Tiered::Off;
        }
    }
    if w.dr_region.as_deref() == Some(w.region.as_str()) {
        messages.push(InputMessage::new(
            "dr",
            w.dr_region.as_deref().unwrap_or(""),
            "the standby must be in another Region than the primary; no DR pair",
        ));
        w.dr_region = None;
    }
    if let Some(b) = w.express_brokers {
        if !b.is_multiple_of(3) {
            messages.push(InputMessage::new(
                "express_brokers",
                &b.to_string(),
                "must be a multiple of 3 (Express brokers span 3 AZs); auto used",
            ));
            w.express_brokers = None;
        }
    }
}

fn push(out: &mut String, name: &str, value: &str) {
    if !out.is_empty() {
        out.push('&');
    }
    out.push_str(name);
    out.push('=');
    out.push_str(&percent_encode(value));
}

/// Encodes a workload: the version marker and the price book's edition, then only what
/// differs from today's defaults, in [`PARAMS`] order, each value written as
/// [`display_value`] shows it. A workload of today's defaults, priced today, is the
/// empty query.
pub fn encode(w: &Workload) -> String {
    let d = Workload::default();
    let mut out = String::new();
    for name in PARAMS {
        let value = display_value(w, name);
        if !value.is_empty() && value != display_value(&d, name) {
            push(&mut out, name, &value);
        }
    }
    for (name, &usd) in &w.rates {
        push(&mut out, &format!("{RATE_PREFIX}{name}"), &shortest(usd));
    }
    if out.is_empty() && w.prices.is_none() {
        return out;
    }
    let mut head = format!("{VERSION_PARAM}={LINK_VERSION}");
    push(&mut head, PRICES_PARAM, &edition_of(w));
    if !out.is_empty() {
        head.push('&');
        head.push_str(&out);
    }
    head
}

/// The edition a workload is priced with: its own, or today's.
pub fn edition_of(w: &Workload) -> String {
    w.prices
        .clone()
        .unwrap_or_else(|| Catalog::embedded().edition().to_string())
}

/// The text a form field shows for a parameter: the value the encoder would write,
/// the default for a required parameter, and "" for "auto".
pub fn display_value(w: &Workload, name: &str) -> String {
    match name {
        "rps" => shortest(w.records_per_s),
        "size" => shortest(w.record_kb),
        "peak" => shortest(w.peak_factor),
        "consumers" => w.consumers.to_string(),
        "efo" => w.efo_consumers.to_string(),
        "retention" => format_retention(w.retention_hours),
        "region" => w.region.clone(),
        "shards" => w.shards.map(|v| v.to_string()).unwrap_or_default(),
        "broker" => w.broker.clone().unwrap_or_default(),
        "brokers" => w.brokers.map(|v| v.to_string()).unwrap_or_default(),
        "storage" => w.storage_gb_per_broker.map(shortest).unwrap_or_default(),
        "express" => w.express.clone().unwrap_or_default(),
        "express_brokers" => w.express_brokers.map(|v| v.to_string()).unwrap_or_default(),
        "partitions" => w.partitions.map(|v| v.to_string()).unwrap_or_default(),
        "azs" => w.azs.to_string(),
        "rf" => w.replication_factor.to_string(),
        "rack_aware" => w.rack_aware.to_string(),
        "discount" => shortest(w.discount_pct),
        "tiered" => match w.tiered {
            Tiered::Auto => String::new(),
            Tiered::Off => "off".to_string(),
            Tiered::Local(h) => format_retention(h),
        },
        "network" => w.network.id().to_string(),
        "sizing" => w.sizing.id().to_string(),
        "target" => format_targets(&w.target),
        "headroom" => w.headroom.map(shortest).unwrap_or_default(),
        "ops" => shortest(w.ops_usd),
        "connect" => w.connect_mcus.to_string(),
        "dr" => w.dr_region.clone().unwrap_or_default(),
        "dr_replication" => if w.mm2 { "mm2" } else { "replicator" }.to_string(),
        "mm2_mcus" => w.mm2_mcus.map(|v| v.to_string()).unwrap_or_default(),
        "need" => w.needs.iter().cloned().collect::<Vec<_>>().join(","),
        "streams" => w.streams.to_string(),
        "aggregate" => w.aggregate_kb.map(shortest).unwrap_or_default(),
        "compression" => shortest(w.compression),
        "kinesis_compression" => shortest(w.kinesis_compression),
        "firehose" => w.firehose.to_string(),
        "parquet" => w.parquet.to_string(),
        "lambda" => w.lambda.to_string(),
        "lambda_provisioned" => w.lambda_provisioned.to_string(),
        "flink" => w.flink_kpus.to_string(),
        "replay" => shortest(w.replays),
        _ => String::new(),
    }
}

/// Form fields that are not link parameters: another way of entering a value that maps
/// onto one (the link keeps only the parameter it maps onto).
/// - `mbps`: average write throughput in MB/s (1 MB = 1,024 KB); sets `rps` for the
///   current record size.
pub const FORM_ONLY: [&str; 1] = ["mbps"];

/// Which of records/s and MB/s the user typed last: the figure a change of the record
/// size keeps (the other one follows). A page opens anchored on records/s, the figure
/// its link holds (`rps=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Anchor {
    #[default]
    Records,
    Throughput,
}

impl Anchor {
    /// The anchor after the user typed into `name`.
    pub fn after_edit(self, name: &str) -> Self {
        match name {
            "rps" => Anchor::Records,
            "mbps" => Anchor::Throughput,
            _ => self,
        }
    }
}

/// The fields whose text follows from `name`'s value and is rewritten when it changes
/// (the field being edited always keeps the text the user typed): a record size change
/// re-derives whichever of records/s and MB/s is not the anchor.
pub fn linked_fields(name: &str, anchor: Anchor) -> &'static [&'static str] {
    match (name, anchor) {
        ("rps", _) | ("size", Anchor::Records) => &["mbps"],
        ("mbps", _) | ("size", Anchor::Throughput) => &["rps"],
        _ => &[],
    }
}

/// [`edit`] with the throughput anchor: with MB/s anchored (typed last), a new record
/// size keeps the MB/s and re-derives records/s; with records/s anchored, it keeps the
/// records/s (and the MB/s follows, as in [`edit`]).
pub fn edit_anchored(
    w: &Workload,
    name: &str,
    value: &str,
    catalog: &Catalog,
    anchor: Anchor,
) -> Result<Workload, String> {
    let next = edit(w, name, value, catalog)?;
    if name == "size" && anchor == Anchor::Throughput {
        let mb_per_s = w.derived().raw_avg_write_mb_per_s;
        return edit(&next, "mbps", &shortest(mb_per_s), catalog);
    }
    Ok(next)
}

/// The text of a field that follows another (records/s ↔ MB/s), rounded for reading:
/// two decimals, or two significant digits below 1 (36.62 MB/s, not 36.62109375). The
/// workload, and so the link, keeps the exact value.
pub fn followed_value(w: &Workload, name: &str) -> String {
    let x = match name {
        "mbps" => w.derived().raw_avg_write_mb_per_s,
        "rps" => w.records_per_s,
        _ => return field_value(w, name),
    };
    let mut decimals = 2;
    while decimals < 12 && x > 0.0 && x < 10f64.powi(1 - decimals as i32) {
        decimals += 1;
    }
    super::fixed::trimmed(x, decimals)
}

/// The text a form field shows: [`display_value`] for link parameters, and the value of
/// a [`FORM_ONLY`] field computed from the workload.
pub fn field_value(w: &Workload, name: &str) -> String {
    match name {
        // (What producers hand over, before compression: `edit` reads it so too.)
        "mbps" => shortest(w.derived().raw_avg_write_mb_per_s),
        _ => display_value(w, name),
    }
}

/// Parses a record size as the form accepts it: a number of KB, or a number with a
/// unit, `B` (bytes), `KB` or `KiB`, `MB` or `MiB` (case-insensitive). As everywhere in
/// the model, 1 KB = 1 KiB = 1,024 bytes and 1 MB = 1 MiB = 1,024 KB. Returns KB.
/// (The link's `size=` stays a plain number of KB: the form maps a unit onto it.)
pub fn parse_size_kb(value: &str) -> Result<f64, String> {
    let v = value.trim();
    let number = v.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let unit = &v[number.len()..];
    let factor = match unit.to_ascii_lowercase().as_str() {
        "" | "k" | "kb" | "kib" => 1.0,
        "b" | "byte" | "bytes" => 1.0 / KB_PER_MB,
        "m" | "mb" | "mib" => KB_PER_MB,
        _ if number.trim().is_empty() => return Err("not a number".into()),
        _ => {
            return Err(format!(
                "unknown unit “{}” (use B, KB, KiB, MB or MiB)",
                shorten(unit)
            ))
        }
    };
    let x = parse_f64(number.trim()).ok_or_else(|| "not a number".to_string())?;
    let kb = x * factor;
    if !kb.is_finite() {
        return Err("not a finite number".into());
    }
    if kb <= 0.0 {
        return Err("must be more than 0".into());
    }
    if kb > MAX_RECORD_KB {
        return Err("must be at most 1,048,576 KB (1 GB)".into());
    }
    Ok(kb)
}

/// Whether a parameter may be left empty ("auto").
pub fn is_optional(name: &str) -> bool {
    matches!(
        name,
        "shards"
            | "broker"
            | "brokers"
            | "storage"
            | "express"
            | "express_brokers"
            | "partitions"
            | "tiered"
            | "aggregate"
            | "target"
            | "headroom"
            | "dr"
            | "mm2_mcus"
            | "need"
    )
}

/// Applies one edited field: empty means "auto" for optional parameters; relations
/// between parameters are checked as in [`decode`]. Returns the new workload or why the
/// value was refused (the caller keeps the last valid workload).
pub fn edit(w: &Workload, name: &str, value: &str, catalog: &Catalog) -> Result<Workload, String> {
    let mut next = w.clone();
    if value.trim().is_empty() {
        if FORM_ONLY.contains(&name) {
            return Err("required".into());
        }
        if is_optional(name) {
            apply(&mut next, name, "auto", catalog)?;
            return Ok(next);
        }
        return Err("required".into());
    }
    match name {
        "size" => next.record_kb = parse_size_kb(value)?,
        "mbps" => {
            let mb_per_s = parse_number(value, 0.0, f64::MAX, true)?;
            let rps = mb_per_s * KB_PER_MB / w.record_kb;
            if !rps.is_finite() || rps > MAX_RECORDS_PER_S {
                return Err(format!(
                    "more than {} records/s at {} KB a record",
                    shortest(MAX_RECORDS_PER_S),
                    shortest(w.record_kb)
                ));
            }
            next.records_per_s = rps;
        }
        _ => apply(&mut next, name, value, catalog)?,
    }
    // A user's rates are for the Region they were given in: those that name no Region
    // were the link's Region's and go with it; those that name theirs stay.
    if next.region != w.region {
        next.rates
            .retain(|name, _| super::prices::split_rate_name(name).0.is_some());
    }
    let mut messages = Vec::new();
    check_relations(&mut next, &mut messages);
    match messages.into_iter().next() {
        Some(m) if m.param == name => Err(m.reason),
        Some(m) => Err(format!("conflicts with {}: {}", m.param, m.reason)),
        None => Ok(next),
    }
}

/// Encodes a whole link: the workload, then the view.
pub fn encode_link(w: &Workload, v: &View) -> String {
    let mut out = encode(w);
    for (name, value) in v.params() {
        push(&mut out, name, &value);
    }
    out
}

/// (Here rather than in `matrix.rs`, which build.rs reads too: a preset's link is the
/// link format's business.)
impl super::matrix::Preset {
    /// The preset as a link query: its workload and its requirements.
    pub fn link(&self) -> String {
        let mut needs = self.needs.to_vec();
        needs.sort_unstable();
        // Today's link format: a link the page writes opens with today's defaults.
        format!(
            "{}={}&{}={}&{}&need={}",
            VERSION_PARAM,
            LINK_VERSION,
            PRICES_PARAM,
            Catalog::embedded().edition(),
            self.query,
            needs.join(",")
        )
    }
}

/// The Region whose list rates "Use us-east-1's rates for the missing ones" copies.
pub const REFERENCE_REGION: &str = "us-east-1";

/// The workload with every rate the estimate lacks given as the user's own, at `from`'s
/// rate in the price book: one click states the assumption "priced as in us-east-1"
/// (the lines say "(your rate)" everywhere, and the link carries each rate, named with
/// the Region it is for: `rate.eu-west-1.kinesis_provisioned.shard_hour=0.015`). A rate
/// `from` has not either stays missing.
pub fn fill_missing_rates(
    w: &Workload,
    e: &super::Estimate,
    from: &str,
    catalog: &Catalog,
) -> Workload {
    let mut next = w.clone();
    // (As the book of the link's edition has them.)
    let Some(source) = catalog.region_at(from, w.prices.as_deref()) else {
        return next;
    };
    let book: Vec<(String, f64)> = source
        .rates()
        .into_iter()
        .map(|(n, r)| (n, r.usd))
        .collect();
    for o in &e.options {
        for r in o.user_rates.iter().filter(|r| r.missing) {
            let (region, rate) = super::prices::split_rate_name(&r.name);
            let region = region.unwrap_or(&w.region);
            if let Some((_, usd)) = book.iter().find(|(n, _)| n == rate) {
                next.rates.insert(format!("{region}.{rate}"), *usd);
            }
        }
    }
    next
}
