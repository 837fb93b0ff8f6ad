//! Blocked kernels over contiguous float32/float64 runs for the extrema and arg-extrema: each
//! block of 8 lanes keeps its own running extreme (independent lanes, so the compiler vectorises
//! the loop for AVX2) and a NaN detector (`x - x` summed: NaN when a NaN or an infinity went by).
//! A block whose detector fired is redone element by element with the exact scalar rules, so
//! NaN propagation and first-occurrence ties are NumPy's.

use std::ops::{Add, Sub};

/// A float type with blocked kernels.
pub(crate) trait LaneFloat:
    Copy + PartialOrd + Add<Output = Self> + Sub<Output = Self> + Send + Sync + 'static
{
    /// Zero.
    const ZERO: Self;
    /// NaN test.
    fn nan(self) -> bool;
}
impl LaneFloat for f32 {
    const ZERO: f32 = 0.0;
    fn nan(self) -> bool {
        self.is_nan()
    }
}
impl LaneFloat for f64 {
    const ZERO: f64 = 0.0;
    fn nan(self) -> bool {
        self.is_nan()
    }
}

/// Elements per block of the arg kernels.
const BLOCK: usize = 256;

/// `a` beats `b` (strictly greater for max, strictly less for min).
#[inline(always)]
fn beats<T: LaneFloat, const MAX: bool>(a: T, b: T) -> bool {
    if MAX {
        a > b
    } else {
        a < b
    }
}

/// `x - x`: 0 for finite `x`, NaN for NaN and the infinities.
#[inline(always)]
#[allow(clippy::eq_op)]
fn zero_or_nan<T: LaneFloat>(x: T) -> T {
    x - x
}

/// The extreme of a block and whether it may hold a NaN (or an infinity).
#[inline(always)]
fn block_extreme<T: LaneFloat, const MAX: bool>(v: &[T]) -> (T, bool) {
    let mut m = [v[0]; 8];
    let mut d = [T::ZERO; 8];
    let chunks = v.chunks_exact(8);
    let rest = chunks.remainder();
    for c in chunks {
        for j in 0..8 {
            let x = c[j];
            d[j] = d[j] + zero_or_nan(x);
            m[j] = if beats::<T, MAX>(x, m[j]) { x } else { m[j] };
        }
    }
    let mut best = m[0];
    let mut det = T::ZERO;
    for j in 0..8 {
        det = det + d[j];
        if beats::<T, MAX>(m[j], best) {
            best = m[j];
        }
    }
    for &x in rest {
        det = det + zero_or_nan(x);
        if beats::<T, MAX>(x, best) {
            best = x;
        }
    }
    (best, det.nan())
}

macro_rules! kernels {
    ($ext:ident, $arg:ident $(, #[$attr:meta])?) => {
        /// The NaN-propagating extreme of `v` (non-empty).
        $(#[$attr])?
        fn $ext<T: LaneFloat, const MAX: bool>(v: &[T]) -> T {
            let mut best = v[0];
            for b in v.chunks(BLOCK) {
                let (m, maybe_nan) = block_extreme::<T, MAX>(b);
                if maybe_nan {
                    if let Some(&x) = b.iter().find(|x| x.nan()) {
                        return x;
                    }
                }
                if beats::<T, MAX>(m, best) {
                    best = m;
                }
            }
            best
        }

        /// The first index of the extreme of `v` (non-empty), or of its first NaN; with the
        /// value found.
        $(#[$attr])?
        fn $arg<T: LaneFloat, const MAX: bool>(v: &[T]) -> (usize, T) {
            let (mut best, mut at) = (v[0], 0);
            if best.nan() {
                return (0, best);
            }
            for (k, b) in v.chunks(BLOCK).enumerate() {
                let (m, maybe_nan) = block_extreme::<T, MAX>(b);
                if maybe_nan {
                    if let Some(i) = b.iter().position(|x| x.nan()) {
                        return (k * BLOCK + i, b[i]);
                    }
                }
                if beats::<T, MAX>(m, best) {
                    best = m;
                    at = k * BLOCK + b.iter().position(|&x| x == m).unwrap_or(0);
                }
            }
            (at, best)
        }
    };
}

kernels!(extreme_base, arg_base);
#[cfg(target_arch = "x86_64")]
kernels!(extreme_avx2, arg_avx2, #[target_feature(enable = "avx2,fma")]);

/// Elements at or above which a run is split across two threads.
const PAR_MIN: usize = 1 << 18;

/// The NaN-propagating maximum (`MAX`) or minimum of the non-empty `v`.
pub(crate) fn extreme<T: LaneFloat, const MAX: bool>(v: &[T]) -> T {
    if v.len() >= PAR_MIN && rayon::current_num_threads() >= 2 {
        let (l, r) = v.split_at(v.len() / 2);
        let (a, b) = rayon::join(|| extreme::<T, MAX>(l), || extreme::<T, MAX>(r));
        return if a.nan() || (!b.nan() && !beats::<T, MAX>(b, a)) {
            a
        } else {
            b
        };
    }
    #[cfg(target_arch = "x86_64")]
    if crate::kernels::loops::has_avx2() {
        // SAFETY: the CPU has AVX2 and FMA.
        return unsafe { extreme_avx2::<T, MAX>(v) };
    }
    extreme_base::<T, MAX>(v)
}

/// NumPy's argmax (`MAX`) or argmin of the non-empty `v`: the first extreme, or the first NaN.
pub(crate) fn arg<T: LaneFloat, const MAX: bool>(v: &[T]) -> usize {
    arg_val::<T, MAX>(v).0
}

fn arg_val<T: LaneFloat, const MAX: bool>(v: &[T]) -> (usize, T) {
    if v.len() >= PAR_MIN && rayon::current_num_threads() >= 2 {
        let h = v.len() / 2;
        let (l, r) = v.split_at(h);
        let (a, b) = rayon::join(|| arg_val::<T, MAX>(l), || arg_val::<T, MAX>(r));
        return if a.1.nan() || (!b.1.nan() && !beats::<T, MAX>(b.1, a.1)) {
            a
        } else {
            (b.0 + h, b.1)
        };
    }
    #[cfg(target_arch = "x86_64")]
    if crate::kernels::loops::has_avx2() {
        // SAFETY: the CPU has AVX2 and FMA.
        return unsafe { arg_avx2::<T, MAX>(v) };
    }
    arg_base::<T, MAX>(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_extreme_and_first_nan() {
        let mut v: Vec<f64> = (0..5000).map(|k| ((k * 7919) % 1013) as f64).collect();
        let m = v.iter().cloned().fold(f64::MIN, f64::max);
        let first = v.iter().position(|&x| x == m).unwrap();
        assert_eq!(arg::<f64, true>(&v), first);
        assert_eq!(extreme::<f64, true>(&v), m);
        assert_eq!(
            arg::<f64, false>(&v),
            v.iter().position(|&x| x == 0.0).unwrap()
        );
        v[3000] = f64::NAN;
        v[4000] = f64::NAN;
        assert_eq!(arg::<f64, true>(&v), 3000);
        assert!(extreme::<f64, false>(&v).is_nan());
        v[3000] = f64::INFINITY;
        v[4000] = 1.0;
        assert_eq!(arg::<f64, true>(&v), 3000);
        let big: Vec<f32> = (0..600_000).map(|k| (k % 1000) as f32).collect();
        assert_eq!(arg::<f32, true>(&big), 999);
        assert_eq!(extreme::<f32, false>(&big), 0.0);
    }
}
