//! Do two arrays address common memory? [`may_share_memory`] compares the byte ranges the two
//! arrays span; [`shares_memory`] answers exactly, by solving the bounded linear Diophantine
//! problem NumPy's `np.shares_memory` solves.
//!
//! The exact problem: element `x` of `a` starts at byte `base_a + Σ s_i x_i` (`0 <= x_i < n_i`),
//! and likewise for `b`; two elements overlap when their starts differ by less than the other's
//! item size. After flipping negative strides and dropping axes of length 1 or stride 0, this is:
//! is some sum `Σ c_k z_k` with `c_k > 0`, `0 <= z_k <= r_k` inside an interval `[lo, hi]`?
//! Terms whose values together fill a contiguous range are merged first (equal strides, or a
//! stride that is a multiple of a smaller one no larger than its whole span: this folds
//! contiguous axes and the same axis seen from both arrays), then a depth-first search fixes the
//! largest coefficient first, pruning with the reachable range and the gcd of the rest. The
//! answer is always exact; the search is instant for views made by slicing, transposing and
//! reshaping, and its cost grows with the number of candidate positions only for interleaved
//! layouts whose strides share no structure.

use crate::array::Array;

/// True when the arrays address at least one common byte (`np.shares_memory`): exact, so two
/// disjoint slices of one buffer do not share, even when their byte ranges interleave. Empty
/// arrays share nothing.
///
/// ```
/// use numox::{array, shares_memory};
/// let a = array![0, 1, 2, 3, 4, 5];
/// let even = a.slice_axis(0, None, None, 2).unwrap();
/// let odd = a.slice_axis(0, Some(1), None, 2).unwrap();
/// assert!(!shares_memory(&even, &odd));
/// assert!(shares_memory(&even, &a.slice_axis(0, None, None, -1).unwrap()));
/// assert!(!shares_memory(&a, &a.copy()));
/// ```
pub fn shares_memory(a: &Array, b: &Array) -> bool {
    if !may_share_memory(a, b) {
        return false;
    }
    let (base_a, ext_a) = (start(a), a.itemsize() as i128);
    let (base_b, ext_b) = (start(b), b.itemsize() as i128);
    // Find p - q in [1 - ext_a, ext_b - 1], where p - q = base_a - base_b + Σ s x - Σ t y.
    let d = base_a - base_b;
    let mut lo = 1 - ext_a - d;
    let mut hi = ext_b - 1 - d;
    let mut terms: Vec<(i128, i128)> = Vec::new();
    for (x, sign) in [(a, 1i128), (b, -1i128)] {
        let item = x.itemsize() as i128;
        for (&n, &s) in x.shape().iter().zip(x.layout().strides()) {
            let c = sign * s as i128 * item;
            let r = n as i128 - 1;
            if c == 0 || r == 0 {
                continue;
            }
            if c < 0 {
                // c z = |c| (r - z) - |c| r: substitute z' = r - z and move the constant.
                lo += -c * r;
                hi += -c * r;
            }
            terms.push((c.abs(), r));
        }
    }
    let terms = merge_terms(terms);
    Search::new(terms).solve(0, lo, hi)
}

/// True when the byte ranges the two arrays span overlap (`np.may_share_memory`): a cheap,
/// conservative test; `false` means they certainly share nothing. Empty arrays share nothing.
///
/// ```
/// use numox::{array, may_share_memory};
/// let a = array![0, 1, 2, 3, 4, 5];
/// let even = a.slice_axis(0, None, None, 2).unwrap();
/// let odd = a.slice_axis(0, Some(1), None, 2).unwrap();
/// assert!(may_share_memory(&even, &odd)); // the ranges interleave
/// assert!(!may_share_memory(&a.slice_axis(0, None, Some(3), 1).unwrap(),
///                           &a.slice_axis(0, Some(3), None, 1).unwrap()));
/// ```
pub fn may_share_memory(a: &Array, b: &Array) -> bool {
    match (byte_range(a), byte_range(b)) {
        (Some((lo_a, hi_a)), Some((lo_b, hi_b))) => lo_a < hi_b && lo_b < hi_a,
        _ => false,
    }
}

/// Address of the array's first element (index 0 on every axis).
fn start(a: &Array) -> i128 {
    a.base_ptr() as usize as i128 + (a.layout().offset() * a.itemsize()) as i128
}

/// The bytes `[lo, hi)` the array's elements span, or `None` when it has no element.
fn byte_range(a: &Array) -> Option<(i128, i128)> {
    let (lo, hi) = a.layout().span()?;
    let item = a.itemsize() as i128;
    let base = a.base_ptr() as usize as i128;
    Some((base + lo as i128 * item, base + hi as i128 * item))
}

/// Merges terms `(c, r)` (values `c * z`, `0 <= z <= r`) whose sums fill a contiguous set of
/// multiples: `(c, r1)` and `(k c, r2)` with `k <= r1 + 1` give exactly `(c, r1 + k r2)`.
fn merge_terms(mut terms: Vec<(i128, i128)>) -> Vec<(i128, i128)> {
    'again: loop {
        terms.sort_unstable();
        for i in 0..terms.len() {
            for j in i + 1..terms.len() {
                let ((ci, ri), (cj, rj)) = (terms[i], terms[j]);
                if cj % ci == 0 && cj / ci <= ri + 1 {
                    terms[i] = (ci, ri + (cj / ci) * rj);
                    terms.remove(j);
                    continue 'again;
                }
            }
        }
        return terms;
    }
}

/// The depth-first search over terms sorted by decreasing coefficient.
struct Search {
    terms: Vec<(i128, i128)>,
    /// `reach[k]`: the largest sum of terms `k..` (0 past the end).
    reach: Vec<i128>,
    /// `gcd[k]`: the gcd of the coefficients of terms `k..` (0 past the end).
    gcd: Vec<i128>,
}

impl Search {
    fn new(mut terms: Vec<(i128, i128)>) -> Search {
        terms.sort_unstable_by_key(|t| std::cmp::Reverse(t.0));
        let n = terms.len();
        let (mut reach, mut gcd) = (vec![0; n + 1], vec![0; n + 1]);
        for k in (0..n).rev() {
            reach[k] = reach[k + 1] + terms[k].0 * terms[k].1;
            gcd[k] = gcd_of(gcd[k + 1], terms[k].0);
        }
        Search { terms, reach, gcd }
    }

    /// Is some sum of terms `k..` inside `[lo, hi]`?
    fn solve(&self, k: usize, lo: i128, hi: i128) -> bool {
        let (lo, hi) = (lo.max(0), hi.min(self.reach[k]));
        if lo > hi {
            return false;
        }
        let g = self.gcd[k];
        if g == 0 {
            // No term left: the empty sum 0, which is in [lo, hi] here (lo = 0).
            return true;
        }
        // The sum is a multiple of g; the interval must hold one.
        if div_ceil(lo, g) * g > hi {
            return false;
        }
        if k + 1 == self.terms.len() {
            // One term: g is its coefficient and that multiple is at most c r (hi <= reach).
            return true;
        }
        let (c, r) = self.terms[k];
        let first = div_ceil(lo - self.reach[k + 1], c).max(0);
        let last = (hi / c).min(r);
        (first..=last).any(|z| self.solve(k + 1, lo - c * z, hi - c * z))
    }
}

fn gcd_of(mut a: i128, mut b: i128) -> i128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// `ceil(a / b)` for `b > 0`.
fn div_ceil(a: i128, b: i128) -> i128 {
    a.div_euclid(b) + i128::from(a.rem_euclid(b) != 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Layout;
    use crate::DType;
    use std::collections::HashSet;

    /// The bytes an array's elements cover, by enumeration.
    fn bytes(a: &Array) -> HashSet<i128> {
        let mut set = HashSet::new();
        let item = a.itemsize() as i128;
        let base = a.base_ptr() as usize as i128;
        crate::layout::for_each_run(a.layout(), |r| {
            for k in 0..r.len {
                let e = r.offset as i128 + k as i128 * r.stride as i128;
                for byte in 0..item {
                    set.insert(base + e * item + byte);
                }
            }
        });
        set
    }

    /// A small deterministic generator (xorshift) for the layouts below.
    struct Rng(u64);
    impl Rng {
        fn below(&mut self, n: u64) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0 % n
        }
    }

    /// A random view of `base` (a buffer of at least 64 elements): up to 3 axes, any strides,
    /// every element among the first 64.
    fn random_view(base: &Array, rng: &mut Rng) -> Array {
        let nd = rng.below(4) as usize;
        loop {
            let shape: Vec<usize> = (0..nd).map(|_| rng.below(4) as usize + 1).collect();
            let strides: Vec<isize> = (0..nd).map(|_| rng.below(13) as isize - 6).collect();
            let offset = rng.below(64) as isize;
            let reach = |f: fn(isize) -> isize| -> isize {
                shape
                    .iter()
                    .zip(&strides)
                    .map(|(&n, &s)| f(s) * (n as isize - 1))
                    .sum()
            };
            let (lo, hi) = (offset + reach(|s| s.min(0)), offset + reach(|s| s.max(0)));
            if lo >= 0 && hi < 64 {
                return base.with_layout(Layout::from_parts(&shape, &strides, offset as usize));
            }
        }
    }

    #[test]
    fn exact_answer_matches_enumeration() {
        let mut rng = Rng(0x9e3779b97f4a7c15);
        let base = Array::zeros(&[64], DType::Int16).unwrap();
        // The same buffer read as bytes and as 8-byte words: item sizes differ.
        let wide = base.with_dtype_layout(DType::Int64, Layout::contiguous(&[16]));
        let narrow = base.with_dtype_layout(DType::UInt8, Layout::contiguous(&[128]));
        for case in 0..4000 {
            let a = random_view(&base, &mut rng);
            let b = match case % 3 {
                0 => random_view(&base, &mut rng),
                1 => random_view(&narrow, &mut rng),
                _ => wide.clone(),
            };
            let want = !bytes(&a).is_disjoint(&bytes(&b));
            assert_eq!(
                shares_memory(&a, &b),
                want,
                "{:?} vs {:?}",
                a.layout(),
                b.layout()
            );
            assert!(!want || may_share_memory(&a, &b));
        }
    }

    #[test]
    fn large_disjoint_views_answer_fast() {
        let a = Array::zeros(&[1000, 1000], DType::Float64).unwrap();
        let left = a.slice_axis(1, None, Some(500), 1).unwrap();
        let right = a.slice_axis(1, Some(500), None, 1).unwrap();
        assert!(!shares_memory(&left, &right));
        assert!(shares_memory(&left, &a.t()));
        let even = a.slice_axis(1, None, None, 2).unwrap();
        let odd = a.slice_axis(1, Some(1), None, 2).unwrap();
        assert!(!shares_memory(&even, &odd));
        assert!(!shares_memory(
            &even.t(),
            &odd.slice_axis(0, None, None, -1).unwrap()
        ));
    }
}
