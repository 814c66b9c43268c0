//! Decimal text of an `f64` with a fixed number of decimals, digit for digit what
//! `format!("{:.d$}", x)` prints (the exact binary value, rounded half to even), but from
//! integer arithmetic: the web app then carries none of the standard library's float
//! formatting (several kilobytes of WebAssembly). Every figure the app and the CLI print
//! goes through here.

/// `|x|` with exactly `decimals` decimals (at most [`MAX_DECIMALS`]). Not finite: "0".
pub fn fixed_abs(x: f64, decimals: usize) -> String {
    let decimals = decimals.min(MAX_DECIMALS);
    if !x.is_finite() {
        return "0".to_string();
    }
    let bits = x.abs().to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    // |x| = mant × 2^e exactly.
    let (mant, e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp - 1075)
    };
    if e >= 0 {
        // A whole number (possibly larger than any integer type): its digits, exactly.
        let mut s = shifted_digits(mant, e as u32);
        if decimals > 0 {
            s.push('.');
            s.extend(std::iter::repeat_n('0', decimals));
        }
        return s;
    }
    // |x| × 10^decimals = mant × 10^decimals / 2^k, rounded half to even.
    let k = (-e) as u32;
    let scaled = u128::from(mant) * 10u128.pow(decimals as u32);
    let digits = if k >= 128 {
        0 // scaled < 2^120, so below 2^-8 of the last digit: rounds to zero
    } else {
        let q = scaled >> k;
        let rem = scaled & ((1u128 << k) - 1);
        let half = 1u128 << (k - 1);
        if rem > half || (rem == half && q % 2 == 1) {
            q + 1
        } else {
            q
        }
    };
    let s = digits.to_string();
    if decimals == 0 {
        return s;
    }
    let s = format!("{s:0>width$}", width = decimals + 1);
    let (int, frac) = s.split_at(s.len() - decimals);
    format!("{int}.{frac}")
}

/// At most this many decimals (mantissa × 10^decimals fits in 128 bits).
pub const MAX_DECIMALS: usize = 20;

/// `x` with exactly `decimals` decimals and its sign, as `format!("{:.d$}", x)`
/// prints it ("-0.00" for a small negative number, as it does).
pub fn fixed(x: f64, decimals: usize) -> String {
    let abs = fixed_abs(x, decimals);
    if x.is_sign_negative() && x.is_finite() {
        format!("-{abs}")
    } else {
        abs
    }
}

/// `x` with up to `max_decimals` decimals, trailing zeros (and a trailing point) removed,
/// "-0" written as "0": compact text for SVG coordinates and JSON numbers.
pub fn trimmed(x: f64, max_decimals: usize) -> String {
    let mut s = fixed(x, max_decimals);
    if s.contains('.') {
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
    }
    if s == "-0" {
        s = "0".to_string();
    }
    s
}

/// The shortest decimal text (fixed notation, at most [`MAX_DECIMALS`] decimals) that
/// reads back as `x`: what `x.to_string()` prints for the numbers an estimate holds.
/// Not finite: "0". For JSON exports.
pub fn shortest(x: f64) -> String {
    if !x.is_finite() {
        return "0".to_string();
    }
    (0..=MAX_DECIMALS)
        .map(|d| trimmed(x, d))
        .find(|s| s.parse::<f64>() == Ok(x) || (x == 0.0 && s == "0"))
        .unwrap_or_else(|| trimmed(x, MAX_DECIMALS))
}

/// Decimal digits of `mant × 2^shift` (a whole number of up to about 310 digits).
fn shifted_digits(mant: u64, shift: u32) -> String {
    if shift < 64 {
        return (u128::from(mant) << shift).to_string();
    }
    // Little-endian base-10^9 limbs, doubled `shift` times.
    const BASE: u64 = 1_000_000_000;
    let mut limbs = vec![mant % BASE, (mant / BASE) % BASE, mant / BASE / BASE];
    for _ in 0..shift {
        let mut carry = 0;
        for limb in limbs.iter_mut() {
            let v = *limb * 2 + carry;
            *limb = v % BASE;
            carry = v / BASE;
        }
        if carry > 0 {
            limbs.push(carry);
        }
    }
    while limbs.len() > 1 && limbs.last() == Some(&0) {
        limbs.pop();
    }
    let mut s = limbs.last().map(u64::to_string).unwrap_or_default();
    for limb in limbs.iter().rev().skip(1) {
        s.push_str(&format!("{limb:09}"));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_what_format_prints() {
        let values = [
            0.0,
            -0.0,
            0.25,
            0.5,
            1.5,
            2.5,
            0.125,
            0.375,
            1.005,
            2.675,
            730.0,
            1234.5,
            0.000_1,
            1e-7,
            5e-324,
            1e15,
            1e16,
            123_456_789.987_654_3,
            1e21,
            1e300,
            f64::MAX,
            f64::MIN_POSITIVE,
            -3.75,
            -0.004,
            9.995,
            0.1 + 0.2,
        ];
        for x in values {
            for d in 0..=MAX_DECIMALS {
                assert_eq!(fixed(x, d), format!("{x:.d$}"), "{x} with {d} decimals");
            }
        }
    }

    #[test]
    fn never_prints_nan_or_infinity() {
        for x in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(fixed(x, 2), "0");
            assert_eq!(trimmed(x, 2), "0");
        }
    }

    #[test]
    fn trims_trailing_zeros() {
        assert_eq!(trimmed(12.50, 2), "12.5");
        assert_eq!(trimmed(730.0, 6), "730");
        assert_eq!(trimmed(-0.000_01, 2), "0");
        assert_eq!(trimmed(-1.25, 1), "-1.2");
    }
}
