//! `dot`, `vdot`, `inner`, `outer` and `tensordot`: sums of products over chosen axes, all
//! computed as one (possibly batched) [`matmul`] after moving and merging axes.

use super::matmul::matmul;
use crate::array::Array;
use crate::error::{fmt_shape, Error, Result};
use crate::layout::normalize_axis;
use crate::layout::Order;
use crate::manip::ravel;
use crate::{conjugate, multiply};

/// NumPy's "not aligned" error of `dot` and `inner` (`b` given as `dot` sees it).
fn not_aligned(a: &[usize], b: &[usize], da: usize, db: usize) -> Error {
    Error::Value(format!(
        "shapes {} and {} not aligned: {} (dim {da}) != {} (dim {db})",
        fmt_shape(a),
        fmt_shape(b),
        a[da],
        b[db]
    ))
}

/// The dot product (`np.dot(a, b)`): a scalar (0-d) operand multiplies elementwise; 1-D and
/// 2-D operands give the inner product or the matrix product; otherwise the sum runs over the
/// last axis of `a` and the second-to-last of `b` (the last, when `b` is 1-D), and the result
/// has the remaining axes of `a` followed by those of `b`.
///
/// ```
/// use numox::{array, dot, Array};
/// let a = array![[1, 2], [3, 4]];
/// assert_eq!(dot(&a, &array![1, 1]).unwrap().to_vec::<i64>().unwrap(), vec![3, 7]);
/// assert_eq!(dot(&array![1.0, 2.0], &array![3.0, 4.0]).unwrap().item_as::<f64>().unwrap(), 11.0);
/// let b = Array::zeros(&[3, 2, 4], numox::DType::Float32).unwrap();
/// assert_eq!(dot(&a, &b).unwrap().shape(), &[2, 3, 4]);
/// assert_eq!(
///     dot(&b, &b).unwrap_err().to_string(),
///     "shapes (3,2,4) and (3,2,4) not aligned: 4 (dim 2) != 2 (dim 1)"
/// );
/// ```
pub fn dot(a: &Array, b: &Array) -> Result<Array> {
    if a.ndim() == 0 || b.ndim() == 0 {
        return multiply(a, b);
    }
    let da = a.ndim() - 1;
    let db = b.ndim().saturating_sub(2);
    if a.shape()[da] != b.shape()[db] {
        return Err(not_aligned(a.shape(), b.shape(), da, db));
    }
    if b.ndim() <= 2 {
        return matmul(a, b);
    }
    contract(a, b, &[da], &[db])
}

impl Array {
    /// Method form of [`dot`] (`a.dot(b)`).
    ///
    /// ```
    /// let a = numox::array![[1.0, 0.0], [0.0, 2.0]];
    /// assert_eq!(a.dot(&a).unwrap().to_vec::<f64>().unwrap(), vec![1.0, 0.0, 0.0, 4.0]);
    /// ```
    pub fn dot(&self, other: &Array) -> Result<Array> {
        dot(self, other)
    }
}

/// The dot product of the flattened arrays, conjugating the first (`np.vdot(a, b)`); a 0-d
/// result.
///
/// ```
/// use numox::{array, vdot, Complex64};
/// let a = array![[1.0, 2.0], [3.0, 4.0]];
/// assert_eq!(vdot(&a, &a).unwrap().item_as::<f64>().unwrap(), 30.0);
/// let z = numox::Array::from_vec(vec![Complex64::new(0.0, 1.0)]);
/// assert_eq!(vdot(&z, &z).unwrap().item_as::<Complex64>().unwrap(), Complex64::new(1.0, 0.0));
/// assert_eq!(vdot(&a, &array![1.0]).unwrap_err().to_string(), "cannot reshape array of size 1 into shape (4,)");
/// ```
pub fn vdot(a: &Array, b: &Array) -> Result<Array> {
    let x = ravel(a, Order::C);
    let x = if x.dtype().is_complex() {
        conjugate(&x)?
    } else {
        x
    };
    let y = ravel(b, Order::C);
    if x.size() != y.size() {
        return Err(Error::Shape(format!(
            "cannot reshape array of size {} into shape ({},)",
            y.size(),
            x.size()
        )));
    }
    matmul(&x, &y)
}

/// The inner product over the last axes (`np.inner(a, b)`): the result has the leading axes of
/// `a` followed by those of `b`; a 0-d operand multiplies elementwise.
///
/// ```
/// use numox::{array, inner};
/// let a = array![[1, 2], [3, 4]];
/// assert_eq!(inner(&a, &a).unwrap().to_vec::<i64>().unwrap(), vec![5, 11, 11, 25]);
/// assert_eq!(
///     inner(&a, &array![1, 2, 3]).unwrap_err().to_string(),
///     "shapes (2,2) and (3,) not aligned: 2 (dim 1) != 3 (dim 0)"
/// );
/// assert_eq!(
///     inner(&a, &numox::Array::zeros(&[3, 4], numox::DType::Int64).unwrap()).unwrap_err().to_string(),
///     "shapes (2,2) and (4,3) not aligned: 2 (dim 1) != 4 (dim 0)"
/// );
/// ```
pub fn inner(a: &Array, b: &Array) -> Result<Array> {
    if a.ndim() == 0 || b.ndim() == 0 {
        return multiply(a, b);
    }
    let (da, db) = (a.ndim() - 1, b.ndim() - 1);
    if a.shape()[da] != b.shape()[db] {
        // NumPy reports `b` with its last two axes swapped, as `dot` would see it.
        let mut sb = b.shape().to_vec();
        let n = sb.len();
        if n >= 2 {
            sb.swap(n - 1, n - 2);
        }
        return Err(not_aligned(a.shape(), &sb, da, n.saturating_sub(2)));
    }
    contract(a, b, &[da], &[db])
}

/// The outer product of the flattened arrays (`np.outer(a, b)`): `r[i, j] = a[i] * b[j]`.
///
/// ```
/// use numox::{array, outer};
/// let r = outer(&array![1, 2], &array![[1, 10, 100]]).unwrap();
/// assert_eq!(r.shape(), &[2, 3]);
/// assert_eq!(r.to_vec::<i64>().unwrap(), vec![1, 10, 100, 2, 20, 200]);
/// ```
pub fn outer(a: &Array, b: &Array) -> Result<Array> {
    let x = ravel(a, Order::C).reshape(&[-1, 1])?;
    let y = ravel(b, Order::C).reshape(&[1, -1])?;
    multiply(&x, &y)
}

/// The axes [`tensordot`] sums over: the last `n` of `a` with the first `n` of `b`, or two lists
/// of axes paired in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TensorAxes {
    /// The last `n` axes of `a` and the first `n` of `b` (`axes=n`).
    Count(usize),
    /// Axes of `a` and of `b`, paired in order (`axes=([..], [..])`).
    Pairs(Vec<isize>, Vec<isize>),
}

impl From<usize> for TensorAxes {
    fn from(n: usize) -> TensorAxes {
        TensorAxes::Count(n)
    }
}

impl<const N: usize> From<([isize; N], [isize; N])> for TensorAxes {
    fn from((a, b): ([isize; N], [isize; N])) -> TensorAxes {
        TensorAxes::Pairs(a.to_vec(), b.to_vec())
    }
}

impl From<(&[isize], &[isize])> for TensorAxes {
    fn from((a, b): (&[isize], &[isize])) -> TensorAxes {
        TensorAxes::Pairs(a.to_vec(), b.to_vec())
    }
}

/// The tensor dot product (`np.tensordot(a, b, axes)`): sums the products over the given axes;
/// the result has the remaining axes of `a` followed by those of `b`.
///
/// ```
/// use numox::{arange, tensordot};
/// let a = arange(0i64, 24i64, 1i64).unwrap().reshape(&[2, 3, 4]).unwrap();
/// let b = arange(0i64, 12i64, 1i64).unwrap().reshape(&[3, 4]).unwrap();
/// let r = tensordot(&a, &b, 2usize).unwrap();
/// assert_eq!(r.to_vec::<i64>().unwrap(), vec![506, 1298]);
/// let r = tensordot(&a, &b, ([1], [0])).unwrap();
/// assert_eq!(r.shape(), &[2, 4, 4]);
/// assert_eq!(tensordot(&a, &b, ([0], [0])).unwrap_err().to_string(), "shape-mismatch for sum");
/// ```
pub fn tensordot(a: &Array, b: &Array, axes: impl Into<TensorAxes>) -> Result<Array> {
    let (xa, xb) = match axes.into() {
        TensorAxes::Count(n) => {
            if n > a.ndim() || n > b.ndim() {
                return Err(out_of_range());
            }
            let xa: Vec<usize> = (a.ndim() - n..a.ndim()).collect();
            (xa, (0..n).collect())
        }
        TensorAxes::Pairs(pa, pb) => {
            if pa.len() != pb.len() {
                return Err(Error::Value("shape-mismatch for sum".into()));
            }
            let norm = |v: &[isize], nd: usize| -> Result<Vec<usize>> {
                v.iter()
                    .map(|&x| normalize_axis(x, nd).map_err(|_| out_of_range()))
                    .collect()
            };
            (norm(&pa, a.ndim())?, norm(&pb, b.ndim())?)
        }
    };
    if xa
        .iter()
        .zip(&xb)
        .any(|(&i, &j)| a.shape()[i] != b.shape()[j])
    {
        return Err(Error::Value("shape-mismatch for sum".into()));
    }
    contract(a, b, &xa, &xb)
}

/// NumPy's error for a summed axis outside an operand (its shape tuple is indexed with it).
fn out_of_range() -> Error {
    Error::IndexOther("tuple index out of range".into())
}

/// Sums the products of `a` and `b` over the paired axes `xa`, `xb` (checked to match): moves
/// them to the end of `a` and the front of `b`, merges them, and multiplies the two matrices.
fn contract(a: &Array, b: &Array, xa: &[usize], xb: &[usize]) -> Result<Array> {
    let keep_a: Vec<usize> = (0..a.ndim()).filter(|i| !xa.contains(i)).collect();
    let keep_b: Vec<usize> = (0..b.ndim()).filter(|i| !xb.contains(i)).collect();
    let k: usize = xa.iter().map(|&i| a.shape()[i]).product();
    let perm_a: Vec<isize> = keep_a.iter().chain(xa).map(|&i| i as isize).collect();
    let perm_b: Vec<isize> = xb.iter().chain(&keep_b).map(|&i| i as isize).collect();
    let rows: usize = keep_a.iter().map(|&i| a.shape()[i]).product();
    let cols: usize = keep_b.iter().map(|&i| b.shape()[i]).product();
    let at = a
        .permute_axes(&perm_a)?
        .reshape(&[rows as isize, k as isize])?;
    let bt = b
        .permute_axes(&perm_b)?
        .reshape(&[k as isize, cols as isize])?;
    let r = matmul(&at, &bt)?;
    let shape: Vec<isize> = keep_a
        .iter()
        .map(|&i| a.shape()[i])
        .chain(keep_b.iter().map(|&i| b.shape()[i]))
        .map(|d| d as isize)
        .collect();
    r.reshape(&shape)
}
