//! Units used everywhere in the model. The README and the page footer state them.
//!
//! - 1 KB = 1,024 bytes; 1 MB = 1,024 KB; 1 GB = 2^30 bytes (AWS bills "GB" as GiB).
//! - A month is 730 hours (AWS's convention in its pricing pages and calculator).

/// Hours in a billing month.
pub const HOURS_PER_MONTH: f64 = 730.0;
/// Seconds in a billing month (730 h).
pub const SECONDS_PER_MONTH: f64 = HOURS_PER_MONTH * 3600.0;
/// KB in one MB.
pub const KB_PER_MB: f64 = 1024.0;
/// MB in one GB.
pub const MB_PER_GB: f64 = 1024.0;
/// KB in one GB.
pub const KB_PER_GB: f64 = KB_PER_MB * MB_PER_GB;
/// Hours in a day.
pub const HOURS_PER_DAY: f64 = 24.0;

/// MB/s sustained for a whole month, in GB.
pub fn mb_per_s_to_gb_per_month(mb_per_s: f64) -> f64 {
    mb_per_s * SECONDS_PER_MONTH / MB_PER_GB
}

/// GB accumulated over `hours` at `mb_per_s`.
pub fn gb_over_hours(mb_per_s: f64, hours: f64) -> f64 {
    mb_per_s * hours * 3600.0 / MB_PER_GB
}

/// The largest amount the model carries, in cents ($10 trillion): far beyond any real
/// bill, small enough that sums of lines can never overflow.
pub const MAX_CENTS: i64 = 1_000_000_000_000_000;

/// Rounds a dollar amount to whole cents (half away from zero). A first rounding to
/// 1e-6 cent removes binary noise such as 730 × 0.015 = 10.949999…. Clamped to
/// ±[`MAX_CENTS`]; not-a-number is 0.
pub fn usd_to_cents(usd: f64) -> i64 {
    if usd.is_nan() {
        return 0;
    }
    let micro = (usd * 1e8).round() / 1e6;
    // (max/min rather than clamp: clamp carries a float-formatting assertion.)
    micro.round().max(-(MAX_CENTS as f64)).min(MAX_CENTS as f64) as i64
}

/// Formats cents as `$1,234.56`.
pub fn format_usd_cents(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    format!("{sign}${}.{:02}", group_thousands(abs / 100), abs % 100)
}

/// Formats a whole number with thousands separators: `12,345`.
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// Formats a quantity compactly with up to `max_decimals` decimals, trailing zeros
/// trimmed and thousands grouped: `1,234.5`. Never prints NaN or infinity.
pub fn format_quantity(x: f64, max_decimals: usize) -> String {
    if !x.is_finite() {
        return "0".to_string();
    }
    let s = super::fixed::fixed_abs(x, max_decimals);
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, f.trim_end_matches('0')),
        None => (s.as_str(), ""),
    };
    let int: u64 = int.parse().unwrap_or(0);
    let sign = if x < 0.0 && (int > 0 || !frac.is_empty()) {
        "-"
    } else {
        ""
    };
    if frac.is_empty() {
        format!("{sign}{}", group_thousands(int))
    } else {
        format!("{sign}{}.{frac}", group_thousands(int))
    }
}

/// A count with its noun, singular for one ("1 consumer", "3 consumers").
pub fn count_of(n: u32, singular: &str, plural: &str) -> String {
    if n == 1 {
        format!("1 {singular}")
    } else {
        format!("{n} {plural}")
    }
}

/// A utilisation percentage for reading: whole percent, "under 1" for a small non-zero
/// share (never "0 %" for a workload that uses some capacity).
pub fn utilisation_text(pct: f64) -> String {
    if pct > 0.0 && pct < 0.5 {
        "under 1".to_string()
    } else {
        format_quantity(pct, 0)
    }
}

/// A monthly quantity split over tiered rates: what falls in the first tier (`first` GB),
/// the second (`second` GB), and everything above.
pub fn split_tiers(total: f64, first: f64, second: f64) -> (f64, f64, f64) {
    let a = total.min(first);
    let b = (total - a).min(second);
    (a, b, total - a - b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_is_730_hours() {
        assert_eq!(SECONDS_PER_MONTH, 2_628_000.0);
    }

    #[test]
    fn one_mb_per_s_for_a_month_is_2566_gb() {
        // 2,628,000 MB / 1,024 = 2,566.40625 GB
        assert_eq!(mb_per_s_to_gb_per_month(1.0), 2_566.406_25);
    }

    #[test]
    fn cents_round_half_away_and_remove_binary_noise() {
        assert_eq!(usd_to_cents(730.0 * 0.015), 1095);
        assert_eq!(usd_to_cents(0.005), 1);
        assert_eq!(usd_to_cents(0.0049), 0);
        assert_eq!(usd_to_cents(1.00499), 100);
        assert_eq!(usd_to_cents(f64::NAN), 0);
        assert_eq!(usd_to_cents(1e300), MAX_CENTS);
        assert_eq!(usd_to_cents(f64::INFINITY), MAX_CENTS);
        assert_eq!(usd_to_cents(1.0049999999), 101); // binary noise below 1e-6 cent
    }

    #[test]
    fn formats_money_and_quantities() {
        assert_eq!(format_usd_cents(123_456_789), "$1,234,567.89");
        assert_eq!(format_usd_cents(5), "$0.05");
        assert_eq!(format_usd_cents(-1050), "-$10.50");
        assert_eq!(format_quantity(1234.5, 3), "1,234.5");
        assert_eq!(format_quantity(730.0, 2), "730");
        assert_eq!(format_quantity(f64::NAN, 2), "0");
        assert_eq!(format_quantity(0.0001, 2), "0");
    }
}
