//! `np.bincount`, `np.histogram` and `np.histogram_bin_edges`.

use crate::array::Array;
use crate::cast::{CastElement, CastTarget};
use crate::creation::{linspace_with, LinspaceOpts};
use crate::dtype::{DType, Scalar};
use crate::error::{Error, Result};
use crate::kernels::elem::Arith;

/// NumPy's block length in `histogram`: weighted counts are summed per block, then added.
const BLOCK: usize = 65536;

/// `np.bincount(x, weights, minlength)`: how often each value `0..=max(x)` occurs in the 1-D
/// non-negative integer array `x` (int64), or the sum of the weights that fall on it (float64).
///
/// ```
/// use numox::{array, bincount};
/// let c = bincount(&array![0, 1, 1, 3], None, 0).unwrap();
/// assert_eq!(c.to_vec::<i64>().unwrap(), vec![1, 2, 0, 1]);
/// let w = bincount(&array![0, 1, 1], Some(&array![0.5, 1.0, 2.0]), 3).unwrap();
/// assert_eq!(w.to_vec::<f64>().unwrap(), vec![0.5, 3.0, 0.0]);
/// assert_eq!(
///     bincount(&array![-1, 2], None, 0).unwrap_err().to_string(),
///     "'list' argument must have no negative elements"
/// );
/// ```
pub fn bincount(x: &Array, weights: Option<&Array>, minlength: usize) -> Result<Array> {
    match x.ndim() {
        0 => {
            return Err(Error::Value(
                "object of too small depth for desired array".into(),
            ))
        }
        1 => {}
        _ => return Err(Error::Value("object too deep for desired array".into())),
    }
    let dt = x.dtype();
    if !(dt.is_integer() || dt == DType::Bool) {
        return Err(Error::Casting {
            from: dt,
            to: DType::Int64,
            rule: "safe",
        });
    }
    let idx: Vec<i128> = crate::dispatch_real!(dt, T => x.to_vec::<T>()?.into_iter().map(|v| v.cast_to::<f64>() as i128).collect(), else _ => Vec::new());
    let idx: Vec<i128> = if dt == DType::Int64 {
        x.to_vec::<i64>()?.into_iter().map(i128::from).collect()
    } else if dt == DType::UInt64 {
        x.to_vec::<u64>()?.into_iter().map(i128::from).collect()
    } else {
        idx
    };
    if idx.iter().any(|&v| v < 0) {
        return Err(Error::Value(
            "'list' argument must have no negative elements".into(),
        ));
    }
    let len = idx
        .iter()
        .max()
        .map_or(0, |&m| m as usize + 1)
        .max(minlength);
    match weights {
        // NumPy counts an empty input in int64 even with weights.
        _ if idx.is_empty() => Ok(Array::from_vec(vec![0i64; len])),
        None => {
            let mut c = vec![0i64; len];
            for &v in &idx {
                c[v as usize] += 1;
            }
            Ok(Array::from_vec(c))
        }
        Some(w) => {
            if w.size() != idx.len() || w.ndim() != 1 {
                return Err(Error::Value(
                    "The weights and list don't have the same length.".into(),
                ));
            }
            let w = w.astype(DType::Float64)?.to_vec::<f64>()?;
            let mut c = vec![0.0f64; len];
            for (&v, &wt) in idx.iter().zip(&w) {
                c[v as usize] += wt;
            }
            Ok(Array::from_vec(c))
        }
    }
}

/// The `bins` argument of [`histogram`]: a number of equal-width bins, or the bin edges.
///
/// ```
/// use numox::{array, Bins};
/// assert!(matches!(Bins::from(10usize), Bins::Count(10)));
/// let e = array![0.0, 1.0, 3.0];
/// assert!(matches!(Bins::from(&e), Bins::Edges(_)));
/// ```
#[derive(Debug, Clone, Copy)]
pub enum Bins<'a> {
    /// That many equal-width bins over the range.
    Count(usize),
    /// Monotonically increasing bin edges (1-D).
    Edges(&'a Array),
}

impl From<usize> for Bins<'_> {
    fn from(n: usize) -> Self {
        Bins::Count(n)
    }
}

impl<'a> From<&'a Array> for Bins<'a> {
    fn from(e: &'a Array) -> Self {
        Bins::Edges(e)
    }
}

/// The edges and, for equal-width bins, `(first, last, n, denominator, data-derived)`.
struct Edges {
    edges: Array,
    uniform: Option<(f64, f64, usize, f64, bool)>,
}

/// The float dtype of the edges: the input's float dtype, float64 for integers.
fn edge_dtype(d: DType) -> DType {
    if d.is_float() {
        d
    } else {
        DType::Float64
    }
}

fn fmt_in(x: f64, d: DType) -> String {
    crate::dispatch_float!(d, E => Scalar::from(E::from_f64(x)).to_string(), else _ => Scalar::from(x).to_string())
}

fn bin_edges(a: &Array, vals: &[f64], bins: Bins, range: Option<(f64, f64)>) -> Result<Edges> {
    let n = match bins {
        Bins::Edges(e) => {
            if e.ndim() != 1 {
                return Err(Error::Value("`bins` must be 1d, when an array".into()));
            }
            let v = e.astype(DType::Float64)?.to_vec::<f64>()?;
            if v.windows(2).any(|w| w[0] > w[1]) {
                return Err(Error::Value(
                    "`bins` must increase monotonically, when an array".into(),
                ));
            }
            return Ok(Edges {
                edges: e.clone(),
                uniform: None,
            });
        }
        Bins::Count(0) => {
            return Err(Error::Value(
                "`bins` must be positive, when an integer".into(),
            ))
        }
        Bins::Count(n) => n,
    };
    let ed = edge_dtype(a.dtype());
    let rnd =
        |x: f64| -> f64 { crate::dispatch_float!(ed, E => E::from_f64(x).real_f64(), else _ => x) };
    let from_data = range.is_none();
    let (mut first, mut last) = match range {
        Some((lo, hi)) => {
            if lo > hi {
                return Err(Error::Value(
                    "max must be larger than min in range parameter.".into(),
                ));
            }
            if !(lo.is_finite() && hi.is_finite()) {
                return Err(Error::Value(format!(
                    "supplied range of [{}, {}] is not finite",
                    Scalar::from(lo),
                    Scalar::from(hi)
                )));
            }
            (lo, hi)
        }
        None if vals.is_empty() => (0.0, 1.0),
        None => {
            let lo = vals.iter().copied().fold(f64::INFINITY, |m, x| {
                if x < m || x.is_nan() || m.is_nan() {
                    if m.is_nan() {
                        m
                    } else {
                        x
                    }
                } else {
                    m
                }
            });
            let hi = vals.iter().copied().fold(f64::NEG_INFINITY, |m, x| {
                if x > m || x.is_nan() || m.is_nan() {
                    if m.is_nan() {
                        m
                    } else {
                        x
                    }
                } else {
                    m
                }
            });
            if !(lo.is_finite() && hi.is_finite()) {
                return Err(Error::Value(format!(
                    "autodetected range of [{}, {}] is not finite",
                    fmt_in(lo, a.dtype()),
                    fmt_in(hi, a.dtype())
                )));
            }
            (lo, hi)
        }
    };
    // Data-derived edges are scalars of the input dtype (float input: arithmetic in it).
    let in_e = |x: f64| {
        if from_data && a.dtype().is_float() {
            rnd(x)
        } else {
            x
        }
    };
    if first == last {
        first = in_e(first - 0.5);
        last = in_e(last + 0.5);
    }
    // `_unsigned_subtract(last, first)`: float64 for Python floats, the input dtype otherwise.
    let denom = if from_data && a.dtype().is_float() {
        rnd(last - first)
    } else {
        last - first
    };
    // NumPy's linspace runs in the edges' dtype when they come from the data.
    let edges = if from_data && a.dtype().is_float() {
        crate::dispatch_float!(ed, E => linspace_with(
            Scalar::from(E::from_f64(first)),
            Scalar::from(E::from_f64(last)),
            n + 1,
            LinspaceOpts::new().dtype(ed),
        )?, else _ => linspace_with(first, last, n + 1, LinspaceOpts::new().dtype(ed))?)
    } else {
        linspace_with(first, last, n + 1, LinspaceOpts::new().dtype(ed))?
    };
    let ev = edges.astype(DType::Float64)?.to_vec::<f64>()?;
    if ev.windows(2).any(|w| w[0] >= w[1]) {
        return Err(Error::Value(format!(
            "Too many bins for data range. Cannot create {n} finite-sized bins."
        )));
    }
    Ok(Edges {
        edges,
        uniform: Some((first, last, n, denom, from_data)),
    })
}

/// `np.histogram_bin_edges(a, bins, range)`: the edges [`histogram`] would use.
///
/// ```
/// use numox::{array, histogram_bin_edges};
/// let e = histogram_bin_edges(&array![0.0, 1.0], 4usize, None).unwrap();
/// assert_eq!(e.to_vec::<f64>().unwrap(), vec![0.0, 0.25, 0.5, 0.75, 1.0]);
/// ```
pub fn histogram_bin_edges<'b>(
    a: &Array,
    bins: impl Into<Bins<'b>>,
    range: Option<(f64, f64)>,
) -> Result<Array> {
    let vals = values(a)?;
    Ok(bin_edges(a, &vals, bins.into(), range)?.edges)
}

fn values(a: &Array) -> Result<Vec<f64>> {
    if a.dtype().is_complex() {
        return Err(Error::DType("a must be an array of real numbers".into()));
    }
    a.astype(DType::Float64)?.to_vec::<f64>()
}

/// NumPy's pairwise summation of float64 values (`np.sum`).
fn pairwise(v: &[f64]) -> f64 {
    if v.len() < 8 {
        return v.iter().fold(-0.0, |s, &x| s + x);
    }
    if v.len() <= 128 {
        let mut r = [0.0f64; 8];
        r.copy_from_slice(&v[..8]);
        let mut i = 8;
        while i + 8 <= v.len() {
            for k in 0..8 {
                r[k] += v[i + k];
            }
            i += 8;
        }
        let mut s = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for &x in &v[i..] {
            s += x;
        }
        return s;
    }
    let mut h = v.len() / 2;
    h -= h % 8;
    pairwise(&v[..h]) + pairwise(&v[h..])
}

/// `np.histogram(a, bins, range, weights=..., density=...)`: the counts (int64, or the weights'
/// dtype) or densities (float64) of the flattened data in each bin, and the bin edges. Bins are
/// half-open except the last, which includes its right edge; equal-width bins place values on
/// an edge exactly where NumPy's index computation does.
///
/// ```
/// use numox::{array, histogram, Bins};
/// let (n, e) = histogram(&array![1.0, 2.0, 1.0], Bins::Count(2), None, None, false).unwrap();
/// assert_eq!(n.to_vec::<i64>().unwrap(), vec![2, 1]);
/// assert_eq!(e.to_vec::<f64>().unwrap(), vec![1.0, 1.5, 2.0]);
/// let edges = array![0, 1, 2, 3];
/// let (n, _) = histogram(&array![0, 1, 1, 3], &edges, None, None, false).unwrap();
/// assert_eq!(n.to_vec::<i64>().unwrap(), vec![1, 2, 1]);
/// assert_eq!(
///     histogram(&array![1.0], 2usize, Some((1.0, 0.0)), None, false)
///         .unwrap_err()
///         .to_string(),
///     "max must be larger than min in range parameter."
/// );
/// ```
pub fn histogram<'b>(
    a: &Array,
    bins: impl Into<Bins<'b>>,
    range: Option<(f64, f64)>,
    weights: Option<&Array>,
    density: bool,
) -> Result<(Array, Array)> {
    if let Some(w) = weights
        && w.shape() != a.shape()
    {
        return Err(Error::Value(
            "weights should have the same shape as a.".into(),
        ));
    }
    let vals = values(a)?;
    let Edges { edges, uniform } = bin_edges(a, &vals, bins.into(), range)?;
    let ev = edges.astype(DType::Float64)?.to_vec::<f64>()?;
    let nb = ev.len().saturating_sub(1);
    let ed = edge_dtype(a.dtype());
    let rnd =
        |x: f64| -> f64 { crate::dispatch_float!(ed, E => E::from_f64(x).real_f64(), else _ => x) };
    // The bin of each value (None: outside the range).
    let index = |x: f64| -> Option<usize> {
        match uniform {
            Some((first, last, n, denom, from_data)) => {
                let (f, l) = if ed == DType::Float64 {
                    (first, last)
                } else {
                    (rnd(first), rnd(last))
                };
                if !(x >= f && x <= l) {
                    return None;
                }
                let x = rnd(x);
                let d = |v: f64| if from_data { rnd(v) } else { v };
                let diff = rnd(x - rnd(first));
                let fi = d(d(diff / denom) * n as f64);
                let mut i = (fi as i64).clamp(0, n as i64) as usize;
                if i == n {
                    i -= 1;
                }
                if x < ev[i] {
                    i = i.saturating_sub(1);
                }
                if x >= ev[i + 1] && i != n - 1 {
                    i += 1;
                }
                Some(i)
            }
            None => {
                if nb == 0 || !(x >= ev[0] && x <= ev[nb]) {
                    return None;
                }
                let i = ev.partition_point(|&e| e <= x);
                Some(if i > nb { nb - 1 } else { i - 1 }.min(nb - 1))
            }
        }
    };
    let counts = match weights {
        None => {
            let mut c = vec![0i64; nb];
            for &x in &vals {
                if let Some(i) = index(x) {
                    c[i] += 1;
                }
            }
            Array::from_vec(c)
        }
        Some(w) => {
            let wd = w.dtype();
            let wv = w.astype(DType::Float64)?.to_vec::<f64>()?;
            let mut total = vec![0.0f64; nb];
            for (xs, ws) in vals.chunks(BLOCK).zip(wv.chunks(BLOCK)) {
                let mut blk = vec![0.0f64; nb];
                for (&x, &wt) in xs.iter().zip(ws) {
                    if let Some(i) = index(x) {
                        blk[i] += wt;
                    }
                }
                crate::dispatch_real!(wd, W => {
                    for (t, b) in total.iter_mut().zip(&blk) {
                        *t = W::from_f64(*t).add(W::from_f64(*b)).real_f64();
                    }
                }, else _ => return Err(Error::DType("a must be an array of real numbers".into())));
            }
            Array::from_vec(total).astype(wd)?
        }
    };
    if density {
        let c = counts.astype(DType::Float64)?.to_vec::<f64>()?;
        let sum = if weights.is_none() {
            c.iter().sum::<f64>()
        } else {
            pairwise(&c)
        };
        let d: Vec<f64> = c
            .iter()
            .zip(ev.windows(2))
            .map(|(&n, w)| n / (w[1] - w[0]) / sum)
            .collect();
        return Ok((Array::from_vec(d), edges));
    }
    Ok((counts, edges))
}
