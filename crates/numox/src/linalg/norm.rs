//! `norm` (vector and matrix norms) and `cond` (condition numbers), composed as NumPy composes
//! them from ufuncs, reductions and the SVD.

use super::svd::svdvals;
use crate::array::Array;
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::layout::normalize_axis;
use crate::reduce::Axes;

/// The order of a norm (`ord` of `numpy.linalg.norm`, `p` of `cond`): a number (`inf`, `-inf`,
/// `0`, `1`, `-1`, `2`, `-2` or any `p` for vectors), or `"fro"`/`"nuc"` for matrices.
///
/// ```
/// use numox::{array, linalg::{self, NormOrd}};
/// let n = linalg::norm(&array![3.0, -4.0], Some(NormOrd::Num(f64::INFINITY)), None, false);
/// assert_eq!(n.unwrap().item_as::<f64>().unwrap(), 4.0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NormOrd {
    /// A numeric order (`f64::INFINITY` for `inf`).
    Num(f64),
    /// The Frobenius norm (`'fro'`).
    Fro,
    /// The nuclear norm, the sum of the singular values (`'nuc'`).
    Nuc,
}

impl From<f64> for NormOrd {
    /// A numeric order.
    ///
    /// ```
    /// use numox::linalg::NormOrd;
    /// assert_eq!(NormOrd::from(1.0), NormOrd::Num(1.0));
    /// ```
    fn from(p: f64) -> NormOrd {
        NormOrd::Num(p)
    }
}

/// The real dtype of `x`'s norms: float64 for bool and integers, the real part's type otherwise.
fn real_dtype(dt: DType) -> DType {
    match dt {
        DType::Complex64 => DType::Float32,
        DType::Complex128 => DType::Float64,
        d if d.is_float() => d,
        _ => DType::Float64,
    }
}

/// `|x|^2` elementwise, real.
fn abs2(x: &Array) -> Result<Array> {
    if x.dtype().is_complex() {
        crate::real(&crate::multiply(&crate::conj(x)?, x)?)
    } else {
        crate::multiply(x, x)
    }
}

fn vector_norm(x: &Array, ord: Option<NormOrd>, axes: Axes) -> Result<Array> {
    let p = match ord {
        None => 2.0,
        Some(NormOrd::Num(p)) => p,
        Some(NormOrd::Fro) => bail_ord("fro")?,
        Some(NormOrd::Nuc) => bail_ord("nuc")?,
    };
    let ax = crate::absolute(x)?;
    if p == f64::INFINITY {
        crate::max(&ax, axes)
    } else if p == f64::NEG_INFINITY {
        crate::min(&ax, axes)
    } else if p == 0.0 {
        let nz = crate::not_equal(x, 0i64)?.astype(real_dtype(x.dtype()))?;
        crate::sum(&nz, axes)
    } else if p == 1.0 {
        crate::sum(&ax, axes)
    } else if p == 2.0 {
        crate::sqrt(&crate::sum(&abs2(x)?, axes)?)
    } else {
        let s = crate::sum(&crate::power(&ax, p)?, axes)?;
        crate::power(&s, 1.0 / p)
    }
}

fn bail_ord(name: &str) -> Result<f64> {
    Err(Error::Value(format!(
        "Invalid norm order '{name}' for vectors"
    )))
}

/// `x` with axes `r` and `c` moved last (in that order).
fn rows_cols_last(x: &Array, r: usize, c: usize) -> Result<Array> {
    let nd = x.ndim();
    let mut axes: Vec<isize> = (0..nd)
        .filter(|&a| a != r && a != c)
        .map(|a| a as isize)
        .collect();
    axes.push(r as isize);
    axes.push(c as isize);
    x.permute_axes(&axes)
}

fn matrix_norm(x: &Array, ord: Option<NormOrd>, r: usize, c: usize) -> Result<Array> {
    let last = |a: Array, f: fn(&Array, Axes) -> Result<Array>| f(&a, Axes::from(-1));
    match ord {
        None | Some(NormOrd::Fro) => {
            let s = crate::sum(&abs2(x)?, Axes::from([r as isize, c as isize]))?;
            crate::sqrt(&s)
        }
        Some(NormOrd::Nuc) => last(svdvals(&rows_cols_last(x, r, c)?)?, crate::sum),
        Some(NormOrd::Num(p)) if p == 2.0 || p == -2.0 => {
            let s = svdvals(&rows_cols_last(x, r, c)?)?;
            last(s, if p > 0.0 { crate::max } else { crate::min })
        }
        Some(NormOrd::Num(p)) if p.abs() == 1.0 || p.abs() == f64::INFINITY => {
            // 1: the largest column sum (sum over rows); inf: the largest row sum.
            let (sum_ax, mut keep_ax) = if p.abs() == 1.0 { (r, c) } else { (c, r) };
            let s = crate::sum(&crate::absolute(x)?, sum_ax as isize)?;
            if keep_ax > sum_ax {
                keep_ax -= 1;
            }
            let f = if p > 0.0 { crate::max } else { crate::min };
            f(&s, Axes::from(keep_ax as isize))
        }
        _ => Err(Error::Value("Invalid norm order for matrices.".into())),
    }
}

/// The norm of `x` (`numpy.linalg.norm(x, ord, axis, keepdims)`).
///
/// With `axis` `None`, a 1-D `x` gets a vector norm and a 2-D one a matrix norm (`ord=None`
/// is the 2-norm of the flattened array for any dimension). One axis gives vector norms along
/// it, two axes matrix norms over them. Vector orders: `None`/2, 1, inf, -inf, 0 (count of
/// nonzeros), any p; matrix orders: `None`/fro, nuc, 1, -1, 2, -2, inf, -inf. The result is real
/// (float64 for integers).
///
/// ```
/// use numox::{array, linalg::{self, NormOrd}};
/// let a = array![[1.0, -2.0], [3.0, 4.0]];
/// let fro = linalg::norm(&a, None, None, false).unwrap();
/// assert!((fro.item_as::<f64>().unwrap() - 30f64.sqrt()).abs() < 1e-12);
/// let one = linalg::norm(&a, Some(NormOrd::Num(1.0)), None, false).unwrap();
/// assert_eq!(one.item_as::<f64>().unwrap(), 6.0);
/// let rows = linalg::norm(&a, Some(NormOrd::Num(f64::INFINITY)), Some(&[1]), true).unwrap();
/// assert_eq!(rows.shape(), &[2, 1]);
/// assert_eq!(rows.to_vec::<f64>().unwrap(), vec![2.0, 4.0]);
/// ```
pub fn norm(
    x: &Array,
    ord: Option<NormOrd>,
    axis: Option<&[isize]>,
    keepdims: bool,
) -> Result<Array> {
    let x = if x.dtype().is_float() || x.dtype().is_complex() {
        x.clone()
    } else {
        x.astype(DType::Float64)?
    };
    let nd = x.ndim();
    let rdt = real_dtype(x.dtype());
    let all: Vec<isize> = (0..nd as isize).collect();
    let axis: Vec<isize> = match axis {
        Some(a) => a.to_vec(),
        None => {
            let flat = ord.is_none()
                || (ord == Some(NormOrd::Fro) && nd == 2)
                || (ord == Some(NormOrd::Num(2.0)) && nd == 1);
            if flat {
                let s = crate::sqrt(&crate::sum(&abs2(&x)?, Axes::all())?)?;
                let s = s.astype(rdt)?;
                return if keepdims {
                    s.reshape(&vec![1; nd])
                } else {
                    Ok(s)
                };
            }
            all
        }
    };
    let r = match axis.len() {
        1 => {
            let ax = Axes::from(axis[0]);
            vector_norm(&x, ord, if keepdims { ax.keepdims() } else { ax })?
        }
        2 => {
            let r = normalize_axis(axis[0], nd)?;
            let c = normalize_axis(axis[1], nd)?;
            if r == c {
                return Err(Error::Value("Duplicate axes given.".into()));
            }
            let m = matrix_norm(&x, ord, r, c)?;
            if keepdims {
                let mut shape: Vec<isize> = x.shape().iter().map(|&d| d as isize).collect();
                shape[r] = 1;
                shape[c] = 1;
                m.reshape(&shape)?
            } else {
                m
            }
        }
        _ => {
            return Err(Error::Value(
                "Improper number of dimensions to norm.".into(),
            ))
        }
    };
    r.astype(rdt)
}

/// The condition number of each matrix of `x` (`numpy.linalg.cond(x, p)`): for `p` `None`/2/-2
/// the ratio of extreme singular values, otherwise `norm(x, p) * norm(inv(x), p)` (square
/// matrices only). A singular matrix gives inf.
///
/// ```
/// use numox::{array, linalg};
/// let c = linalg::cond(&array![[2.0, 0.0], [0.0, 0.5]], None).unwrap();
/// assert!((c.item_as::<f64>().unwrap() - 4.0).abs() < 1e-12);
/// ```
pub fn cond(x: &Array, p: Option<NormOrd>) -> Result<Array> {
    super::bridge::check_2d(x)?;
    let sh = x.shape();
    if x.size() == 0 && sh[sh.len() - 2] * sh[sh.len() - 1] == 0 {
        return Err(Error::LinAlg("cond is not defined on empty arrays".into()));
    }
    let rdt = real_dtype(super::batch::common_type(&[x.dtype()])?.1);
    let r = match p {
        None | Some(NormOrd::Num(2.0)) | Some(NormOrd::Num(-2.0)) => {
            let s = svdvals(x)?;
            let first = s.index_axis(-1, 0)?;
            let lastv = s.index_axis(-1, -1)?;
            if p == Some(NormOrd::Num(-2.0)) {
                crate::divide(&lastv, &first)?
            } else {
                crate::divide(&first, &lastv)?
            }
        }
        Some(p) => {
            super::bridge::check_square(x)?;
            let inv = super::lu::inv_or_nan(x)?;
            let ax: &[isize] = &[-2, -1];
            crate::multiply(
                &norm(x, Some(p), Some(ax), false)?,
                &norm(&inv, Some(p), Some(ax), false)?,
            )?
        }
    };
    // NaN from a singular matrix (not from NaN input) becomes inf.
    let r = r.astype(rdt)?;
    let x_nan = crate::any(&crate::isnan(x)?, Axes::from([-2isize, -1]))?;
    let nan = crate::logical_and(&crate::isnan(&r)?, &crate::logical_not(&x_nan)?)?;
    let mut r = r;
    let m = nan.to_vec::<bool>()?;
    if m.iter().any(|&b| b) {
        let mut v = r.astype(DType::Float64)?.to_vec::<f64>()?;
        for (val, &b) in v.iter_mut().zip(&m) {
            if b {
                *val = f64::INFINITY;
            }
        }
        r = Array::from_shape_vec(r.shape(), v)?.astype(rdt)?;
    }
    Ok(r)
}
