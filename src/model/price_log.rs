//! The price book's change log (`data/price_changes.toml`): every rate the book changed
//! since the log began, with the old and new value, the date and the sources. A link
//! records the book it was priced with (`prices=<edition>`, the date of the book's last
//! change); the log takes today's book back to that edition, so that a link keeps its
//! prices after a refresh and the page can say what changed since.
//!
//! The refresh command appends to the log on every change (`refresh-prices`,
//! [`diff`]); a hand edit of a rate is recorded with `refresh-prices --record OLD_BOOK`.
//! `tests/data.rs` checks that the book's rates are those the log last recorded
//! ([`PriceLog::digest`]). Like `prices.rs`, this file is also compiled into build.rs.

use super::data_types::{List, Text};
#[cfg(not(target_arch = "wasm32"))]
use super::prices::PriceBook;
use super::prices::{Rate, RegionPrices};
use serde::{Deserialize, Serialize};

/// One change of one rate.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RateChange {
    /// The day of the change (`YYYY-MM-DD`): the edition of the book it made.
    pub date: Text,
    /// The rate's name, with its Region (`us-east-1.kinesis_provisioned.shard_hour`).
    pub rate: Text,
    /// USD before; `None`: the rate was added.
    #[serde(default)]
    pub old: Option<f64>,
    /// USD after; `None`: the rate was removed.
    #[serde(default)]
    pub new: Option<f64>,
    /// The source key before (when it was another than after).
    #[serde(default)]
    pub old_source: Option<Text>,
    /// The source key after.
    #[serde(default)]
    pub source: Option<Text>,
    /// The usage type before, when it was another than after (a removed rate's).
    #[serde(default)]
    pub old_usage_type: Option<Text>,
    /// The uncertainty note before, if it had one.
    #[serde(default)]
    pub old_uncertain: Option<Text>,
}

/// The change log.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PriceLog {
    pub schema: u32,
    /// The first edition the log can rebuild: the book as it was on that day. A link
    /// without `prices=` was made with a book no later than this one, and is read with it.
    pub start: Text,
    /// [`PriceBook::rates_digest`] of the book after the last change: a rate edited
    /// without an entry here fails `tests/data.rs`.
    pub digest: Text,
    /// Oldest first.
    #[serde(default)]
    pub change: List<RateChange>,
}

impl PriceLog {
    /// Parses a change log from TOML (native builds and build.rs).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn parse(text: &str) -> Result<Self, String> {
        toml::from_str(text).map_err(|e| e.to_string())
    }

    /// Today's edition: the date of the last change, or the start.
    pub fn edition(&self) -> &str {
        self.change.last().map_or(&*self.start, |c| &*c.date)
    }

    /// The changes made after `edition`, oldest first.
    pub fn since<'a>(&'a self, edition: &'a str) -> impl Iterator<Item = &'a RateChange> + 'a {
        self.change.iter().filter(move |c| *c.date > *edition)
    }

    /// Takes Region `code`'s rates back to the book of `edition`: every change made
    /// after it undone, newest first (a rate added since is removed; a rate removed
    /// since comes back with its old value and source).
    pub fn revert(&self, code: &str, prices: &mut RegionPrices, edition: &str) {
        let changes: Vec<&RateChange> = self.since(edition).collect();
        for c in changes.into_iter().rev() {
            let Some((region, name)) = c.rate.split_once('.') else {
                continue;
            };
            if region != code {
                continue;
            }
            match c.old {
                None => prices.remove_rate(name),
                Some(usd) => {
                    if let Some(r) = prices.rate_mut(name) {
                        let source = c.old_source.clone().or_else(|| c.source.clone());
                        *r = Rate {
                            usd,
                            source: source.unwrap_or_default(),
                            uncertain: c.old_uncertain.clone(),
                            usage_type: c.old_usage_type.clone().or(r.usage_type.take()),
                        };
                    }
                }
            }
        }
    }
}

/// A date `YYYY-MM-DD` with a real month and day, or why not.
pub fn check_date(s: &str) -> Result<(), &'static str> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10
        || b[4] != b'-'
        || b[7] != b'-'
        || !digits(0..4)
        || !digits(5..7)
        || !digits(8..10)
    {
        return Err("not a date (YYYY-MM-DD)");
    }
    let num =
        |r: std::ops::Range<usize>| b[r].iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
    let (year, month, day) = (num(0..4), num(5..7), num(8..10));
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return Err("not a date (YYYY-MM-DD): no such month"),
    };
    if day == 0 || day > days {
        return Err("not a date (YYYY-MM-DD): no such day");
    }
    Ok(())
}

#[cfg(not(target_arch = "wasm32"))]
impl PriceBook {
    /// A fingerprint of every rate's name and value (FNV-1a, 64 bits, hex): what the
    /// change log records after each change.
    pub fn rates_digest(&self) -> String {
        let mut rates: Vec<(String, f64)> = self
            .all_rates()
            .into_iter()
            .map(|(n, r)| (n, r.usd))
            .collect();
        rates.sort_by(|a, b| a.0.cmp(&b.0));
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for (name, usd) in rates {
            for byte in name
                .bytes()
                .chain([b'='])
                .chain(usd.to_bits().to_le_bytes())
            {
                h ^= u64::from(byte);
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
        }
        format!("{h:016x}")
    }
}

/// The rates that differ between two books (value, presence or source), as changes
/// dated `date`, in name order.
#[cfg(not(target_arch = "wasm32"))]
pub fn diff(old: &PriceBook, new: &PriceBook, date: &str) -> Vec<RateChange> {
    use std::collections::BTreeMap;
    let rates = |b: &PriceBook| -> BTreeMap<String, Rate> {
        b.all_rates()
            .into_iter()
            .map(|(n, r)| (n, r.clone()))
            .collect()
    };
    let (before, after) = (rates(old), rates(new));
    let mut names: Vec<&String> = before.keys().chain(after.keys()).collect();
    names.sort();
    names.dedup();
    let mut out = Vec::new();
    for name in names {
        let (a, b) = (before.get(name), after.get(name));
        let same = match (a, b) {
            (Some(a), Some(b)) => a.usd == b.usd && a.source == b.source,
            _ => false,
        };
        if same {
            continue;
        }
        // (A removed rate's source is the one it had.)
        let source = b.or(a).map(|r| r.source.clone());
        let old_source = a
            .map(|a| a.source.clone())
            .filter(|s| Some(s) != source.as_ref());
        let old_usage_type = a
            .and_then(|a| a.usage_type.clone())
            .filter(|u| b.is_none_or(|b| b.usage_type.as_ref() != Some(u)));
        let old_uncertain = a.and_then(|a| a.uncertain.clone());
        out.push(RateChange {
            date: date.to_string().into(),
            rate: name.clone().into(),
            old: a.map(|a| a.usd),
            new: b.map(|b| b.usd),
            old_source,
            source,
            old_usage_type,
            old_uncertain,
        });
    }
    out
}

/// The log's text with `changes` appended and its digest set to `digest`; the rest of
/// the text (comments, layout) as it was.
#[cfg(not(target_arch = "wasm32"))]
pub fn append(log_text: &str, changes: &[RateChange], digest: &str) -> String {
    let mut out = String::with_capacity(log_text.len() + changes.len() * 160);
    for line in log_text.lines() {
        if line.starts_with("digest = ") {
            out.push_str(&format!("digest = \"{digest}\""));
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    let num = |x: f64| {
        let s = format!("{x}");
        if s.contains('.') || s.contains('e') {
            s
        } else {
            format!("{s}.0")
        }
    };
    for c in changes {
        out.push_str(&format!(
            "\n[[change]]\ndate = \"{}\"\nrate = \"{}\"\n",
            c.date, c.rate
        ));
        if let Some(old) = c.old {
            out.push_str(&format!("old = {}\n", num(old)));
        }
        if let Some(new) = c.new {
            out.push_str(&format!("new = {}\n", num(new)));
        }
        if let Some(s) = &c.old_source {
            out.push_str(&format!("old_source = \"{s}\"\n"));
        }
        if let Some(s) = &c.source {
            out.push_str(&format!("source = \"{s}\"\n"));
        }
        if let Some(s) = &c.old_usage_type {
            out.push_str(&format!("old_usage_type = \"{s}\"\n"));
        }
        if let Some(s) = &c.old_uncertain {
            out.push_str(&format!("old_uncertain = {}\n", toml_string(s)));
        }
    }
    out
}

/// A TOML basic string.
#[cfg(not(target_arch = "wasm32"))]
fn toml_string(s: &str) -> String {
    let mut out = String::from('"');
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Today's date (UTC) as `YYYY-MM-DD`, from the system clock (the refresh's default date).
#[cfg(not(target_arch = "wasm32"))]
pub fn today_utc() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    civil_date((secs / 86_400) as i64)
}

/// The day after `date` (`YYYY-MM-DD`).
#[cfg(not(target_arch = "wasm32"))]
pub fn next_day(date: &str) -> String {
    let num =
        |r: std::ops::Range<usize>| date.get(r).and_then(|t| t.parse::<i64>().ok()).unwrap_or(1);
    let (y, m, d) = (num(0..4), num(5..7), num(8..10));
    // (Howard Hinnant's `days_from_civil`.)
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    civil_date(era * 146_097 + doe - 719_468 + 1)
}

/// Records the rates that differ between two books in the log's text: the changes dated
/// `today`, or the day after the log's edition when that is not earlier (an edition
/// names one book: a link priced before a change never shares its date), and the new
/// digest. Returns the log's new text and the changes (none: the text as it was).
#[cfg(not(target_arch = "wasm32"))]
pub fn record(
    old: &PriceBook,
    new: &PriceBook,
    log_text: &str,
    today: &str,
) -> Result<(String, Vec<RateChange>), String> {
    let log = PriceLog::parse(log_text).map_err(|e| format!("the change log: {e}"))?;
    check_date(today).map_err(|e| format!("--date {today}: {e}"))?;
    let edition = log.edition();
    let date = if today > edition {
        today.to_string()
    } else {
        next_day(edition)
    };
    let changes = diff(old, new, &date);
    if changes.is_empty() {
        return Ok((log_text.to_string(), changes));
    }
    let text = append(log_text, &changes, &new.rates_digest());
    let check =
        PriceLog::parse(&text).map_err(|e| format!("the new change log does not parse: {e}"))?;
    if check.edition() != date {
        return Err("the new change log's edition is not the change's date".into());
    }
    Ok((text, changes))
}

/// The calendar date of a day counted from 1970-01-01 (Howard Hinnant's `civil_from_days`).
#[cfg(not(target_arch = "wasm32"))]
pub fn civil_date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}
