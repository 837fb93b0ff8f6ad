//! A small unsigned big integer with fixed capacity, just enough for exact binary-to-decimal
//! conversion of floats up to 64 bits (the largest value needed is below 2^1120).

use std::cmp::Ordering;

/// 40 limbs of 32 bits: 1280 bits, above the ~1110 bits that `f64` extremes need.
const LIMBS: usize = 40;

/// An unsigned integer `sum(d[i] << 32 i)` over the first `len` limbs (no leading zero limbs).
#[derive(Clone, Copy)]
pub(crate) struct Big {
    len: usize,
    d: [u32; LIMBS],
}

impl Big {
    pub(crate) fn from_u64(v: u64) -> Big {
        let mut b = Big {
            len: 0,
            d: [0; LIMBS],
        };
        b.d[0] = v as u32;
        b.d[1] = (v >> 32) as u32;
        b.len = if b.d[1] != 0 {
            2
        } else if b.d[0] != 0 {
            1
        } else {
            0
        };
        b
    }

    pub(crate) fn pow2(k: u32) -> Big {
        let mut b = Big::from_u64(1);
        b.shl(k);
        b
    }

    pub(crate) fn is_zero(&self) -> bool {
        self.len == 0
    }

    /// Appends a carry limb, dropping it only if capacity is exceeded (cannot happen for the
    /// float widths printed here; the debug assertion documents the bound).
    fn push(&mut self, limb: u32) {
        debug_assert!(self.len < LIMBS, "Big capacity exceeded");
        if self.len < LIMBS {
            self.d[self.len] = limb;
            self.len += 1;
        }
    }

    pub(crate) fn shl(&mut self, k: u32) {
        if self.len == 0 {
            return;
        }
        let limbs = (k / 32) as usize;
        let bits = k % 32;
        let old = self.len;
        if bits == 0 {
            for i in (0..old).rev() {
                if i + limbs < LIMBS {
                    self.d[i + limbs] = self.d[i];
                }
            }
        } else {
            let top = self.d[old - 1] >> (32 - bits);
            for i in (0..old).rev() {
                let lo = if i > 0 {
                    self.d[i - 1] >> (32 - bits)
                } else {
                    0
                };
                if i + limbs < LIMBS {
                    self.d[i + limbs] = (self.d[i] << bits) | lo;
                }
            }
            if top != 0 && old + limbs < LIMBS {
                self.d[old + limbs] = top;
                self.len += 1;
            }
        }
        for x in self.d.iter_mut().take(limbs) {
            *x = 0;
        }
        self.len = (self.len + limbs).min(LIMBS);
        debug_assert!(self.d[self.len - 1] != 0);
    }

    pub(crate) fn mul_small(&mut self, m: u32) {
        let mut carry = 0u64;
        for x in self.d.iter_mut().take(self.len) {
            let p = *x as u64 * m as u64 + carry;
            *x = p as u32;
            carry = p >> 32;
        }
        if carry != 0 {
            self.push(carry as u32);
        }
    }

    pub(crate) fn mul_pow10(&mut self, mut k: u32) {
        while k >= 9 {
            self.mul_small(1_000_000_000);
            k -= 9;
        }
        if k > 0 {
            self.mul_small(10u32.pow(k));
        }
    }

    pub(crate) fn add(&self, o: &Big) -> Big {
        let (a, b) = if self.len >= o.len {
            (self, o)
        } else {
            (o, self)
        };
        let mut r = *a;
        let mut carry = 0u64;
        for i in 0..a.len {
            let s = a.d[i] as u64 + if i < b.len { b.d[i] as u64 } else { 0 } + carry;
            r.d[i] = s as u32;
            carry = s >> 32;
        }
        if carry != 0 {
            r.push(carry as u32);
        }
        r
    }

    /// `self -= o`; requires `self >= o`.
    fn sub_assign(&mut self, o: &Big) {
        let mut borrow = 0i64;
        for i in 0..self.len {
            let mut v = self.d[i] as i64 - borrow - if i < o.len { o.d[i] as i64 } else { 0 };
            borrow = 0;
            if v < 0 {
                v += 1 << 32;
                borrow = 1;
            }
            self.d[i] = v as u32;
        }
        while self.len > 0 && self.d[self.len - 1] == 0 {
            self.len -= 1;
        }
    }

    pub(crate) fn cmp(&self, o: &Big) -> Ordering {
        if self.len != o.len {
            return self.len.cmp(&o.len);
        }
        for i in (0..self.len).rev() {
            if self.d[i] != o.d[i] {
                return self.d[i].cmp(&o.d[i]);
            }
        }
        Ordering::Equal
    }

    /// Replaces `self` by `self mod scale` and returns the quotient, which the caller guarantees
    /// to be below 10.
    pub(crate) fn div_rem_digit(&mut self, scale: &Big) -> u32 {
        let mut q = 0;
        while q < 9 && self.cmp(scale) != Ordering::Less {
            self.sub_assign(scale);
            q += 1;
        }
        q
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn to_u128(b: &Big) -> u128 {
        let mut v = 0u128;
        for i in (0..b.len).rev() {
            v = (v << 32) | b.d[i] as u128;
        }
        v
    }

    #[test]
    fn arithmetic_matches_u128() {
        let mut a = Big::from_u64(0xdead_beef_1234_5678);
        a.shl(17);
        assert_eq!(to_u128(&a), 0xdead_beef_1234_5678u128 << 17);
        a.mul_pow10(5);
        assert_eq!(to_u128(&a), (0xdead_beef_1234_5678u128 << 17) * 100_000);
        let b = Big::pow2(64);
        assert_eq!(to_u128(&b), 1u128 << 64);
        assert_eq!(to_u128(&a.add(&b)), to_u128(&a) + (1u128 << 64));
        let mut c = Big::from_u64(95);
        let q = c.div_rem_digit(&Big::from_u64(10));
        assert_eq!((q, to_u128(&c)), (9, 5));
        assert_eq!(Big::from_u64(3).cmp(&Big::from_u64(4)), Ordering::Less);
        assert!(Big::from_u64(0).is_zero());
    }
}
