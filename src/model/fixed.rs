//! Decimal text of an `f64` without the standard library's float formatting (several
//! kilobytes of WebAssembly): [`fixed`] prints digit for digit what
//! `format!("{:.d$}", x)` prints, and [`shortest`] the shortest text that reads back as
//! the same number, as `x.to_string()` does. Both work from the number's exact decimal
//! expansion, computed with integers. Every figure the app and the CLI print, and every
//! number in a link or an export, goes through here.

/// `|x|` written out exactly: `digits × 10^-scale` (`digits` has no leading zero; "0"
/// for zero).
struct Exact {
    digits: Vec<u8>,
    scale: usize,
}

/// Little-endian base-10^9 limbs.
const BASE: u64 = 1_000_000_000;

fn limbs_of(n: u64) -> Vec<u64> {
    vec![n % BASE, (n / BASE) % BASE, n / BASE / BASE]
}

/// Multiplies by `factor^times` (`factor` is 2 or 5), 13 factors at a time (5^13 and 2^13
/// times a limb stay below 2^64).
fn mul_small(limbs: &mut Vec<u64>, factor: u64, mut times: u32) {
    while times > 0 {
        let n = times.min(13);
        times -= n;
        let m = factor.pow(n);
        let mut carry = 0;
        for limb in limbs.iter_mut() {
            let v = *limb * m + carry;
            *limb = v % BASE;
            carry = v / BASE;
        }
        while carry > 0 {
            limbs.push(carry % BASE);
            carry /= BASE;
        }
    }
}

fn digits_of(limbs: &[u64]) -> Vec<u8> {
    let mut out = Vec::with_capacity(limbs.len() * 9);
    for limb in limbs.iter().rev() {
        let mut v = *limb;
        let mut nine = [0u8; 9];
        for d in nine.iter_mut().rev() {
            *d = (v % 10) as u8;
            v /= 10;
        }
        out.extend_from_slice(&nine);
    }
    let first = out.iter().position(|&d| d != 0).unwrap_or(out.len() - 1);
    out.drain(..first);
    out
}

/// `|x| = mant × 2^e` exactly (`x` finite).
fn decompose(x: f64) -> (u64, i32) {
    let bits = x.abs().to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp - 1075)
    }
}

fn exact(x: f64) -> Exact {
    let (mant, e) = decompose(x);
    let mut limbs = limbs_of(mant);
    if e >= 0 {
        mul_small(&mut limbs, 2, e as u32);
        Exact {
            digits: digits_of(&limbs),
            scale: 0,
        }
    } else {
        // mant / 2^k = mant × 5^k / 10^k
        let k = (-e) as u32;
        mul_small(&mut limbs, 5, k);
        Exact {
            digits: digits_of(&limbs),
            scale: k as usize,
        }
    }
}

impl Exact {
    /// Rounded (half to even) to `decimals` decimals: the digits of the result × 10^decimals.
    fn round_to(&self, decimals: usize) -> Vec<u8> {
        self.round_to_mode(decimals, Round::Nearest)
    }

    fn round_to_mode(&self, decimals: usize, mode: Round) -> Vec<u8> {
        if decimals >= self.scale {
            let mut d = self.digits.clone();
            d.extend(std::iter::repeat_n(0, decimals - self.scale));
            return d;
        }
        let drop = self.scale - decimals;
        let n = self.digits.len();
        let (kept, dropped) = if drop >= n {
            (Vec::new(), self.digits.as_slice())
        } else {
            (self.digits[..n - drop].to_vec(), &self.digits[n - drop..])
        };
        // Compare what is dropped with one half of the last kept digit.
        let padded_half = dropped.len() == drop;
        let first = if padded_half { dropped[0] } else { 0 };
        let rest_nonzero = if padded_half {
            dropped[1..].iter().any(|&d| d > 0)
        } else {
            dropped.iter().any(|&d| d > 0)
        };
        let last_odd = kept.last().is_some_and(|d| d % 2 == 1);
        let up = match mode {
            Round::Nearest => {
                padded_half && (first > 5 || (first == 5 && (rest_nonzero || last_odd)))
            }
            Round::Down => false,
            Round::Up => dropped.iter().any(|&d| d > 0),
        };
        let mut kept = if kept.is_empty() { vec![0] } else { kept };
        if up {
            let mut i = kept.len();
            loop {
                if i == 0 {
                    kept.insert(0, 1);
                    break;
                }
                i -= 1;
                if kept[i] == 9 {
                    kept[i] = 0;
                } else {
                    kept[i] += 1;
                    break;
                }
            }
        }
        kept
    }
}

#[derive(Clone, Copy)]
enum Round {
    /// Half to even.
    Nearest,
    /// Toward zero.
    Down,
    /// Away from zero.
    Up,
}

impl Exact {
    /// Rounded to `significant` significant digits, as plain text without trailing zeros
    /// after the point.
    fn significant_text(&self, significant: usize, mode: Round) -> String {
        let n = self.digits.len();
        if self.scale + significant >= n {
            let decimals = self.scale + significant - n;
            trimmed_text(&self.round_to_mode(decimals, mode), decimals)
        } else {
            // Round to a multiple of 10^k, then write the k zeros back.
            let k = n - self.scale - significant;
            let scaled = Exact {
                digits: self.digits.clone(),
                scale: self.scale + k,
            };
            let mut digits = scaled.round_to_mode(0, mode);
            digits.extend(std::iter::repeat_n(0, k));
            trimmed_text(&digits, 0)
        }
    }
}

/// Digits × 10^-decimals as text: "12.340" for ([1,2,3,4,0], 3).
fn text(digits: &[u8], decimals: usize) -> String {
    let mut s: String = digits.iter().map(|d| char::from(b'0' + d)).collect();
    if s.len() <= decimals {
        s = format!("{}{s}", "0".repeat(decimals + 1 - s.len()));
    }
    let (int, frac) = s.split_at(s.len() - decimals);
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    if decimals == 0 {
        int.to_string()
    } else {
        format!("{int}.{frac}")
    }
}

/// `|x|` with exactly `decimals` decimals. Not finite: "0".
pub fn fixed_abs(x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return "0".to_string();
    }
    if let Some(scaled) = fast_scaled(x, decimals) {
        let digits: Vec<u8> = scaled.to_string().bytes().map(|c| c - b'0').collect();
        return text(&digits, decimals);
    }
    text(&exact(x).round_to(decimals), decimals)
}

/// `|x| × 10^decimals` rounded half to even, with 128-bit integers, for the numbers a
/// page shows (up to 20 decimals, below 2^74): the common case, without big integers.
fn fast_scaled(x: f64, decimals: usize) -> Option<u128> {
    if decimals > 20 {
        return None;
    }
    let (mant, e) = decompose(x);
    // mant < 2^53 and 10^20 < 2^67: the product fits in 128 bits.
    let scaled = u128::from(mant) * 10u128.pow(decimals as u32);
    if e >= 0 {
        return (e < 128 - 120).then(|| scaled << e);
    }
    let k = (-e) as u32;
    if k >= 128 {
        return Some(0); // below 2^-8 of the last digit
    }
    let q = scaled >> k;
    let rem = scaled & ((1u128 << k) - 1);
    let half = 1u128 << (k - 1);
    Some(if rem > half || (rem == half && q % 2 == 1) {
        q + 1
    } else {
        q
    })
}

/// `x` with exactly `decimals` decimals and its sign, as `format!("{:.d$}", x)`
/// prints it ("-0.00" for a small negative number, as it does). Not finite: "0".
pub fn fixed(x: f64, decimals: usize) -> String {
    let abs = fixed_abs(x, decimals);
    if x.is_sign_negative() && x.is_finite() {
        format!("-{abs}")
    } else {
        abs
    }
}

/// `x` with up to `max_decimals` decimals, trailing zeros (and a trailing point) removed,
/// "-0" written as "0": compact text for SVG coordinates.
pub fn trimmed(x: f64, max_decimals: usize) -> String {
    let mut s = fixed(x, max_decimals);
    trim_fraction(&mut s);
    if s == "-0" {
        s = "0".to_string();
    }
    s
}

/// The shortest text in plain decimal notation that reads back as `x` (as
/// `x.to_string()` prints; where two such texts exist, the one rounded half to even).
/// "0" for zero, negative zero and what is not finite. For links and JSON.
pub fn shortest(x: f64) -> String {
    if !x.is_finite() || x == 0.0 {
        return "0".to_string();
    }
    let e = exact(x);
    let sign = if x < 0.0 { "-" } else { "" };
    // Fewest significant digits first (17 always suffice for an f64); at each count the
    // nearest text first, then its neighbours (at a power of two the numbers that read
    // back reach further above the value than below it, so the nearest may miss).
    for significant in 1..=17 {
        for mode in [Round::Nearest, Round::Down, Round::Up] {
            let s = format!("{sign}{}", e.significant_text(significant, mode));
            if super::number::parse_f64(&s) == Some(x) {
                return s;
            }
        }
    }
    format!("{sign}{}", trimmed_text(&e.digits, e.scale))
}

/// [`text`] without trailing zeros after the point.
fn trimmed_text(digits: &[u8], decimals: usize) -> String {
    let mut s = text(digits, decimals);
    trim_fraction(&mut s);
    s
}

/// Removes trailing zeros after the point, and the point if nothing follows it.
fn trim_fraction(s: &mut String) {
    if s.contains('.') {
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
    }
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
            0.95,
            99.5,
            999.999_5,
        ];
        for x in values {
            for d in 0..=30 {
                assert_eq!(fixed(x, d), format!("{x:.d$}"), "{x} with {d} decimals");
            }
        }
    }

    #[test]
    fn shortest_reads_back_at_every_magnitude() {
        for x in [
            1e-30,
            5e-324,
            f64::MIN_POSITIVE,
            0.1,
            1.0 / 3.0,
            730.0,
            2_566.406_25,
            1e21,
            1e23,
            f64::MAX,
            -994_697_951_986.281_2,
            // Powers of two, where the nearest text at the shortest length does not
            // read back but its neighbour does.
            2f64.powi(-24),
            2f64.powi(-44),
        ] {
            let s = shortest(x);
            assert_eq!(s.parse::<f64>(), Ok(x), "{x} printed {s}");
            assert!(!s.contains('e'), "{s}");
        }
        assert_eq!(shortest(0.1), "0.1");
        assert_eq!(shortest(1e-30), format!("{}", 1e-30));
        assert_eq!(shortest(730.0), "730");
        assert_eq!(shortest(-0.0), "0");
        for k in -1074..=1023 {
            let x = 2f64.powi(k);
            assert_eq!(shortest(x).len(), x.to_string().len(), "2^{k}");
        }
    }

    #[test]
    fn never_prints_nan_or_infinity() {
        for x in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(fixed(x, 2), "0");
            assert_eq!(trimmed(x, 2), "0");
            assert_eq!(shortest(x), "0");
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
