//! Decimal text to `f64`, exactly as `str::parse::<f64>` reads it (the same syntax, the
//! value correctly rounded, ties to even), written out so that the WebAssembly module
//! does not carry the standard library's float parser and its tables (about 10 KB
//! brotli; README, "Performance budget"). Short inputs take the exact fast path (at
//! most 15 significant digits and a power of ten within 10^±22: one correctly rounded
//! IEEE operation); others are rounded with exact big-integer arithmetic. Property
//! tests compare it with the standard parser (tests/properties.rs).

/// A non-negative big integer, 32-bit limbs, least significant first.
#[derive(Clone)]
struct Big(Vec<u32>);

impl Big {
    fn from_u64(x: u64) -> Big {
        let mut b = Big(vec![x as u32, (x >> 32) as u32]);
        b.trim();
        b
    }

    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    fn is_zero(&self) -> bool {
        self.0.is_empty()
    }

    fn bits(&self) -> u32 {
        match self.0.last() {
            None => 0,
            Some(&top) => (self.0.len() as u32 - 1) * 32 + (32 - top.leading_zeros()),
        }
    }

    fn bit(&self, i: u32) -> bool {
        self.0
            .get((i / 32) as usize)
            .is_some_and(|l| (l >> (i % 32)) & 1 == 1)
    }

    /// Any bit below `i` set.
    fn any_below(&self, i: u32) -> bool {
        let (limb, bit) = ((i / 32) as usize, i % 32);
        self.0.iter().take(limb).any(|&l| l != 0)
            || (bit > 0 && self.0.get(limb).is_some_and(|&l| l & ((1 << bit) - 1) != 0))
    }

    /// The bits from `i` up, as a u64 (at most 64 of them).
    fn bits_from(&self, i: u32) -> u64 {
        (0..64).fold(0u64, |acc, k| acc | (u64::from(self.bit(i + k)) << k))
    }

    fn mul_add_small(&mut self, m: u32, add: u32) {
        let mut carry = u64::from(add);
        for l in &mut self.0 {
            let x = u64::from(*l) * u64::from(m) + carry;
            *l = x as u32;
            carry = x >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn mul_pow10(&mut self, mut n: u32) {
        while n > 0 {
            let k = n.min(9);
            self.mul_add_small(10u32.pow(k), 0);
            n -= k;
        }
    }

    fn shl(&mut self, n: u32) {
        let (limbs, bits) = ((n / 32) as usize, n % 32);
        if bits > 0 {
            let mut carry = 0u32;
            for l in &mut self.0 {
                let x = (*l << bits) | carry;
                carry = *l >> (32 - bits);
                *l = x;
            }
            if carry > 0 {
                self.0.push(carry);
            }
        }
        if limbs > 0 && !self.is_zero() {
            self.0.splice(0..0, std::iter::repeat_n(0, limbs));
        }
    }

    fn cmp(&self, o: &Big) -> std::cmp::Ordering {
        self.0
            .len()
            .cmp(&o.0.len())
            .then_with(|| self.0.iter().rev().cmp(o.0.iter().rev()))
    }

    /// self -= o (o ≤ self).
    fn sub(&mut self, o: &Big) {
        let mut borrow = 0i64;
        for (i, l) in self.0.iter_mut().enumerate() {
            let x = i64::from(*l) - i64::from(*o.0.get(i).unwrap_or(&0)) - borrow;
            borrow = i64::from(x < 0);
            *l = (x + (borrow << 32)) as u32;
        }
        self.trim();
    }
}

/// The powers of ten an f64 holds exactly.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// At most this many significant digits are used exactly; any non-zero digit beyond
/// them only makes the value a little larger (a sticky bit), which is enough to round
/// correctly (768 digits decide any f64 rounding).
const MAX_DIGITS: usize = 800;

/// Rounds `q × 2^shift` (plus a little more when `sticky`) to the nearest `f64`, ties to
/// even; `q` has at least 55 significant bits unless it is exact.
fn round(q: &Big, shift: i64, sticky: bool) -> f64 {
    if q.is_zero() {
        return 0.0;
    }
    let top = i64::from(q.bits()) - 1 + shift; // exponent of the top bit
    if top > 1023 {
        return f64::INFINITY;
    }
    let lo = (top - 52).max(-1074); // exponent of the lowest bit kept
    let drop = lo - shift; // bits of q below it
    let mut kept = if drop <= 0 {
        q.bits_from(0) << (-drop) as u32
    } else {
        let d = drop as u32;
        let mut k = q.bits_from(d);
        let half = q.bit(d - 1);
        let below = sticky || q.any_below(d - 1);
        if half && (below || k & 1 == 1) {
            k += 1;
        }
        k
    };
    if lo == -1074 {
        // Subnormal (or rounded up to the least normal number): the bits as they are.
        return f64::from_bits(kept);
    }
    let mut exp = top;
    if kept == 1 << 53 {
        kept >>= 1;
        exp += 1;
    }
    if exp > 1023 {
        return f64::INFINITY;
    }
    f64::from_bits((((exp + 1023) as u64) << 52) | (kept & ((1 << 52) - 1)))
}

/// Parses `s` as `str::parse::<f64>` does: an optional sign, then `inf`, `infinity` or
/// `nan` (any case), or decimal digits with an optional point (at least one digit) and
/// an optional exponent (`e` or `E`, an optional sign, digits). `None` otherwise.
pub fn parse_f64(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    let (neg, rest) = match b.first() {
        Some(b'-') => (true, &b[1..]),
        Some(b'+') => (false, &b[1..]),
        _ => (false, b),
    };
    let sign = if neg { -1.0 } else { 1.0 };
    let lower = std::str::from_utf8(rest).ok()?.to_ascii_lowercase();
    match lower.as_str() {
        "inf" | "infinity" => return Some(sign * f64::INFINITY),
        "nan" => return Some(f64::NAN),
        _ => {}
    }
    let mut i = 0;
    let mut digits: Vec<u8> = Vec::new();
    let mut sticky = false;
    let mut exp10: i64 = 0;
    let mut seen_digit = false;
    let mut push = |d: u8, exp10: &mut i64, after_point: bool| {
        if digits.is_empty() && d == 0 {
            // A leading zero: only its place counts.
            if after_point {
                *exp10 -= 1;
            }
        } else if digits.len() < MAX_DIGITS {
            digits.push(d);
            if after_point {
                *exp10 -= 1;
            }
        } else {
            sticky |= d != 0;
            if !after_point {
                *exp10 += 1;
            }
        }
    };
    while i < rest.len() && rest[i].is_ascii_digit() {
        push(rest[i] - b'0', &mut exp10, false);
        seen_digit = true;
        i += 1;
    }
    if i < rest.len() && rest[i] == b'.' {
        i += 1;
        while i < rest.len() && rest[i].is_ascii_digit() {
            push(rest[i] - b'0', &mut exp10, true);
            seen_digit = true;
            i += 1;
        }
    }
    if !seen_digit {
        return None;
    }
    if i < rest.len() && (rest[i] == b'e' || rest[i] == b'E') {
        i += 1;
        let eneg = match rest.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let start = i;
        let mut e: i64 = 0;
        while i < rest.len() && rest[i].is_ascii_digit() {
            e = (e * 10 + i64::from(rest[i] - b'0')).min(1_000_000_000);
            i += 1;
        }
        if i == start {
            return None;
        }
        exp10 += if eneg { -e } else { e };
    }
    if i != rest.len() {
        return None;
    }
    // Trailing zeros only scale.
    while digits.last() == Some(&0) {
        digits.pop();
        exp10 += 1;
    }
    if digits.is_empty() {
        return Some(sign * 0.0);
    }
    let n = digits.len() as i64;
    // Far out of range either way.
    if n + exp10 > 310 {
        return Some(sign * f64::INFINITY);
    }
    if n + exp10 < -330 {
        return Some(sign * 0.0);
    }
    // The fast path: both factors exact, one rounding.
    if n <= 15 && !sticky && (-22..=22).contains(&exp10) {
        let m = digits.iter().fold(0u64, |a, &d| a * 10 + u64::from(d)) as f64;
        let p = POW10[exp10.unsigned_abs() as usize];
        return Some(sign * if exp10 >= 0 { m * p } else { m / p });
    }
    let mut big = Big(Vec::new());
    for &d in &digits {
        big.mul_add_small(10, u32::from(d));
    }
    let value = if exp10 >= 0 {
        big.mul_pow10(exp10 as u32);
        round(&big, 0, sticky)
    } else {
        // q = floor(D × 2^-s / 10^-e) with 56 or 57 significant bits: the value is
        // q × 2^s, plus what the remainder adds.
        let mut den = Big::from_u64(1);
        den.mul_pow10((-exp10) as u32);
        let s = i64::from(big.bits()) - i64::from(den.bits()) - 56;
        if s < 0 {
            big.shl((-s) as u32);
        } else {
            den.shl(s as u32);
        }
        let qbits = big.bits().saturating_sub(den.bits()) + 1;
        let mut q = 0u64;
        for bit in (0..qbits.min(63)).rev() {
            let mut d = den.clone();
            d.shl(bit);
            if big.cmp(&d) != std::cmp::Ordering::Less {
                big.sub(&d);
                q |= 1 << bit;
            }
        }
        round(&Big::from_u64(q), s, sticky || !big.is_zero())
    };
    Some(sign * value)
}
