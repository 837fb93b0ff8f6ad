//! Per-lane order statistics with NumPy's arithmetic: `_median`'s mean of the middle values,
//! `_quantile`'s index rule and `_lerp`.

use crate::cast::CastElement;
use crate::dtype::{DType, Element};
use crate::kernels::elem::Arith;
use std::cmp::Ordering;

/// The element types the order statistics run on (every real dtype).
pub(crate) trait QElem: Element + PartialOrd + CastElement + Arith {}
impl<T: Element + PartialOrd + CastElement + Arith> QElem for T {}

/// How the quantile of one lane is formed (NumPy's `method`, see `QuantileMethod`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Rule {
    Linear,
    Lower,
    Higher,
    Nearest,
    Midpoint,
}

impl Rule {
    /// Whether the result is an element of the lane (no interpolation, input dtype kept).
    pub(crate) fn takes(self) -> bool {
        matches!(self, Rule::Lower | Rule::Higher | Rule::Nearest)
    }
}

/// NumPy's sort order: NaN after everything else.
#[inline]
fn cmp<T: PartialOrd>(a: &T, b: &T) -> Ordering {
    a.partial_cmp(b).unwrap_or_else(|| {
        #[allow(clippy::eq_op)]
        let (na, nb) = (a != a, b != b);
        na.cmp(&nb)
    })
}

/// Whether NumPy's median and quantile check lanes for NaN (`np.inexact` dtypes; bfloat16 is
/// not one of them).
pub(crate) fn checks_nan(d: DType) -> bool {
    matches!(d, DType::Float16 | DType::Float32 | DType::Float64)
}

#[inline]
pub(crate) fn is_nan<T: PartialEq>(x: T) -> bool {
    #[allow(clippy::eq_op)]
    let nan = x != x;
    nan
}

/// `x` rounded to `T`'s precision (for a float `T`).
#[inline]
fn rnd<T: CastElement>(x: f64) -> f64 {
    T::from_f64(x).real_f64()
}

/// Whether a lane holds a NaN.
pub(crate) fn has_nan<T: QElem>(lane: &[T]) -> bool {
    checks_nan(T::DTYPE) && lane.iter().any(|&x| is_nan(x))
}

/// Moves the NaNs of a lane to its end; returns how many values are not NaN.
pub(crate) fn drop_nans<T: QElem>(lane: &mut [T]) -> usize {
    if !T::DTYPE.is_float() {
        return lane.len();
    }
    let mut k = 0;
    for i in 0..lane.len() {
        if !is_nan(lane[i]) {
            lane.swap(k, i);
            k += 1;
        }
    }
    k
}

/// Puts the order statistics at the sorted positions `ks` (ascending, deduplicated) in place.
pub(crate) fn select_many<T: QElem>(lane: &mut [T], ks: &[usize]) {
    let mut start = 0;
    for &k in ks {
        if k < start {
            continue;
        }
        lane[start..].select_nth_unstable_by(k - start, cmp);
        start = k + 1;
    }
}

/// `np.mean` of the two middle values `a <= b`, in `mean`'s accumulator: float16 adds in
/// float32, other floats in themselves, integers and booleans in float64.
/// With `in_t` (the masked-array median behind `nanmedian` along an axis) floats add and halve
/// in their own dtype.
pub(crate) fn mean2<T: QElem>(a: T, b: T, in_t: bool) -> f64 {
    // `add.reduce` adds the rest of the row to the first element, and the rest sums from +0.0.
    let s = a.real_f64() + (0.0 + b.real_f64());
    match T::DTYPE {
        DType::Float16 if !in_t => rnd::<T>(rnd::<f32>(s) / 2.0),
        d if d.is_float() => rnd::<T>(rnd::<T>(s) / 2.0),
        _ => s / 2.0,
    }
}

/// The median of a lane without NaN (NaN for an empty lane); the lane is reordered.
pub(crate) fn median_lane<T: QElem>(lane: &mut [T], in_t: bool) -> f64 {
    let n = lane.len();
    if n == 0 {
        return f64::NAN;
    }
    let h = n / 2;
    if n % 2 == 1 {
        select_many(lane, &[h]);
        if in_t && T::DTYPE.is_float() {
            mean2(lane[h], lane[h], true)
        } else {
            lane[h].real_f64()
        }
    } else {
        select_many(lane, &[h - 1, h]);
        mean2(lane[h - 1], lane[h], in_t)
    }
}

/// NumPy's `_lerp(a, b, t)`: `a + (b - a) * t`, or `b - (b - a) * (1 - t)` where `t >= 0.5`.
/// `b - a` is taken in the input dtype (integers wrap); `weak` (a Python-float `q` and a float
/// input) rounds every step to the input's precision, otherwise the rest is float64.
pub(crate) fn lerp<T: QElem>(a: T, b: T, g: f64, weak: bool) -> f64 {
    let r = |x: f64| match T::DTYPE {
        // NumPy does not count bfloat16 as inexact: past `b - a` it computes in float32.
        DType::BFloat16 if weak => rnd::<f32>(x),
        d if weak && d.is_float() => rnd::<T>(x),
        _ => x,
    };
    let diff = b.sub(a).real_f64();
    if g >= 0.5 {
        r(b.real_f64() - r(diff * r(1.0 - g)))
    } else {
        r(a.real_f64() + r(diff * r(g)))
    }
}

/// One quantile position in a lane of `n` values: the neighbouring indices and the weight, as
/// `_get_indexes` and `_get_gamma` form them (an index past the end reads the last value with
/// a weight measured from -1, as NumPy's clipped `previous_indexes` do).
pub(crate) fn position(rule: Rule, n: usize, q: f64) -> (usize, usize, f64) {
    let m = (n - 1) as f64;
    let v = m * q;
    let last = n - 1;
    let take = |i: f64| {
        let i = i as usize;
        (i.min(last), i.min(last), 0.0)
    };
    match rule {
        Rule::Lower => take(v.floor()),
        Rule::Higher => take(v.ceil()),
        Rule::Nearest => take(v.round_ties_even()),
        Rule::Linear | Rule::Midpoint => {
            let (v, fixed) = if rule == Rule::Midpoint {
                let v = 0.5 * (v.floor() + v.ceil());
                (v, Some(if v % 1.0 == 0.0 { 0.0 } else { 0.5 }))
            } else {
                (v, None)
            };
            let (prev, next, pf) = if v >= m {
                (last, last, -1.0)
            } else {
                let p = v.floor();
                (p as usize, p as usize + 1, p)
            };
            (prev, next, fixed.unwrap_or(v - pf))
        }
    }
}

/// The quantiles `qs` of a lane without NaN, for an interpolating rule, into `out` (f64 values
/// exactly representable in the result dtype). The lane must not be empty; it is reordered.
pub(crate) fn quantile_lane<T: QElem>(
    lane: &mut [T],
    qs: &[f64],
    rule: Rule,
    weak: bool,
    out: &mut [f64],
) {
    let n = lane.len();
    let pos: Vec<(usize, usize, f64)> = qs.iter().map(|&q| position(rule, n, q)).collect();
    select_positions(lane, &pos);
    for (o, &(p, x, g)) in out.iter_mut().zip(&pos) {
        *o = lerp(lane[p], lane[x], g, weak);
    }
}

/// The quantiles `qs` of a lane without NaN for a rule that takes an element (`lower`,
/// `higher`, `nearest`). The lane must not be empty; it is reordered.
pub(crate) fn take_lane<T: QElem>(lane: &mut [T], qs: &[f64], rule: Rule, out: &mut [T]) {
    let n = lane.len();
    let pos: Vec<(usize, usize, f64)> = qs.iter().map(|&q| position(rule, n, q)).collect();
    select_positions(lane, &pos);
    for (o, &(p, _, _)) in out.iter_mut().zip(&pos) {
        *o = lane[p];
    }
}

fn select_positions<T: QElem>(lane: &mut [T], pos: &[(usize, usize, f64)]) {
    let mut ks: Vec<usize> = pos.iter().flat_map(|&(p, x, _)| [p, x]).collect();
    ks.sort_unstable();
    ks.dedup();
    select_many(lane, &ks);
}

/// Lanes at least this long are selected by sampling on both cores ([`select_big`]).
pub(crate) const BIG_LANE: usize = 1 << 20;

/// Whether a long lane holds a NaN, checked on both cores.
pub(crate) fn has_nan_par<T: QElem>(data: &[T]) -> bool {
    use rayon::prelude::*;
    checks_nan(T::DTYPE)
        && data
            .par_chunks(1 << 16)
            .any(|c| c.iter().any(|&x| is_nan(x)))
}

/// The order statistics at the sorted ranks `ks` of a long lane without NaN, without copying
/// the lane: a sorted sample brackets the ranks, one pass on both cores counts the values below
/// the bracket and gathers those inside it, and the selection runs on the gathered values only.
/// `None` when the bracket missed (the caller then selects on a copy).
pub(crate) fn select_big<T: QElem>(data: &[T], ks: &[usize]) -> Option<Vec<T>> {
    use rayon::prelude::*;
    let n = data.len();
    let (&k_lo, &k_hi) = (ks.first()?, ks.last()?);
    const SAMPLE: usize = 1 << 14;
    if n < 4 * SAMPLE {
        return None;
    }
    let step = n / SAMPLE;
    let mut sample: Vec<T> = (0..SAMPLE)
        .map(|i| data[i * step + (i * 7919) % step])
        .collect();
    sample.sort_unstable_by(cmp);
    let margin = 4 * (SAMPLE as f64).sqrt() as usize;
    let at = |k: usize| k * SAMPLE / n;
    let lo = sample[at(k_lo).saturating_sub(margin)];
    let hi = sample[(at(k_hi) + margin).min(SAMPLE - 1)];
    let (below, mut cand) = data
        .par_chunks(1 << 16)
        .map(|c| {
            let mut below = 0usize;
            let mut cand = Vec::new();
            for &x in c {
                if x < lo {
                    below += 1;
                } else if x <= hi {
                    cand.push(x);
                }
            }
            (below, cand)
        })
        .reduce(
            || (0, Vec::new()),
            |(b1, mut c1), (b2, c2)| {
                c1.extend_from_slice(&c2);
                (b1 + b2, c1)
            },
        );
    if below > k_lo || below + cand.len() <= k_hi {
        return None;
    }
    let local: Vec<usize> = ks.iter().map(|&k| k - below).collect();
    select_many(&mut cand, &local);
    Some(local.iter().map(|&k| cand[k]).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_follow_numpy() {
        assert_eq!(position(Rule::Linear, 10, 1.0), (9, 9, 10.0));
        assert_eq!(position(Rule::Linear, 1, 0.5), (0, 0, 1.0));
        assert_eq!(position(Rule::Linear, 5, 0.5), (2, 3, 0.0));
        assert_eq!(position(Rule::Midpoint, 4, 0.5), (1, 2, 0.5));
        assert_eq!(position(Rule::Nearest, 6, 0.5), (2, 2, 0.0));
        let mut l = vec![3.0f64, 1.0, 2.0, 4.0];
        assert_eq!(median_lane(&mut l, false), 2.5);
        assert_eq!(lerp(-128i8, 127i8, 0.3, true), -128.0 - 0.3);
        assert_eq!(drop_nans(&mut [f64::NAN, 1.0, f64::NAN]), 1);
    }

    #[test]
    fn sampled_selection_matches_sorting() {
        let n = 1 << 17;
        let data: Vec<f64> = (0..n).map(|i| ((i * 7919) % 1009) as f64 / 7.0).collect();
        let mut sorted = data.clone();
        sorted.sort_by(|a, b| a.partial_cmp(b).unwrap());
        let ks = [0, n / 2 - 1, n / 2, n - 1];
        let got = select_big(&data, &ks[1..3]).unwrap();
        assert_eq!(got, vec![sorted[n / 2 - 1], sorted[n / 2]]);
        // A bracket that misses the extremes falls back.
        assert!(
            select_big(&data, &ks).is_none() || select_big(&data, &ks).unwrap()[3] == sorted[n - 1]
        );
        assert!(select_big(&data[..100], &ks[..1]).is_none());
    }
}
