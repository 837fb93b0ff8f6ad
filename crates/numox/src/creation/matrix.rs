//! Matrices: `eye`, `identity`, `diag`, `diagflat`, `tri`, `tril`, `triu`.

use super::args::{dim, negative_dims, IntArg};
use super::{memory_pos, memory_slice_mut};
use crate::array::Array;
use crate::dtype::{DType, Element};
use crate::error::{Error, Result};
use crate::layout::{Layout, Order};

/// Optional arguments of [`eye_with`] and [`tri_with`]: the column count `m` (default: the row
/// count), the diagonal offset `k` (positive above the main diagonal), the dtype (default
/// `float64`) and the memory order.
///
/// ```
/// use numox::{creation::MatrixOpts, DType};
/// let o = MatrixOpts::new().m(4).k(-1).dtype(DType::Int32);
/// assert_eq!((o.m, o.k, o.dtype), (Some(4), -1, Some(DType::Int32)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MatrixOpts {
    /// Number of columns; `None` makes the matrix square.
    pub m: Option<i128>,
    /// Index of the diagonal: 0 the main one, positive above, negative below.
    pub k: i128,
    /// The dtype; `None` is `float64`.
    pub dtype: Option<DType>,
    /// C (default) or F memory order.
    pub order: Order,
}

impl MatrixOpts {
    /// NumPy's defaults.
    ///
    /// ```
    /// assert_eq!(numox::creation::MatrixOpts::new().k, 0);
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the number of columns.
    ///
    /// ```
    /// assert_eq!(numox::creation::MatrixOpts::new().m(3usize).m, Some(3));
    /// ```
    pub fn m(mut self, m: impl IntArg) -> Self {
        self.m = Some(m.to_i128());
        self
    }

    /// Sets the diagonal offset.
    ///
    /// ```
    /// assert_eq!(numox::creation::MatrixOpts::new().k(2).k, 2);
    /// ```
    pub fn k(mut self, k: impl IntArg) -> Self {
        self.k = k.to_i128();
        self
    }

    /// Sets the dtype.
    ///
    /// ```
    /// use numox::{creation::MatrixOpts, DType};
    /// assert_eq!(MatrixOpts::new().dtype(DType::Bool).dtype, Some(DType::Bool));
    /// ```
    pub fn dtype(mut self, dtype: DType) -> Self {
        self.dtype = Some(dtype);
        self
    }

    /// Sets the memory order.
    ///
    /// ```
    /// use numox::{creation::MatrixOpts, Order};
    /// assert_eq!(MatrixOpts::new().order(Order::F).order, Order::F);
    /// ```
    pub fn order(mut self, order: Order) -> Self {
        self.order = order;
        self
    }
}

impl From<DType> for MatrixOpts {
    fn from(dtype: DType) -> Self {
        MatrixOpts::new().dtype(dtype)
    }
}

/// The `n`×`n` `float64` identity matrix (`np.eye(n)`).
///
/// ```
/// let a = numox::eye(2).unwrap();
/// assert_eq!(a.to_vec::<f64>().unwrap(), vec![1.0, 0.0, 0.0, 1.0]);
/// assert_eq!(numox::eye(-1).unwrap_err().to_string(), "negative dimensions are not allowed");
/// ```
pub fn eye(n: impl IntArg) -> Result<Array> {
    eye_with(n, MatrixOpts::new())
}

/// `np.eye(n, m, k, dtype, order)`: ones on the `k`-th diagonal of an `n`×`m` matrix; a `k`
/// beyond the matrix gives all zeros.
///
/// ```
/// use numox::{eye_with, creation::MatrixOpts, DType};
/// let a = eye_with(2, MatrixOpts::new().m(3).k(1).dtype(DType::Int8)).unwrap();
/// assert_eq!(a.to_vec::<i8>().unwrap(), vec![0, 1, 0, 0, 0, 1]);
/// ```
pub fn eye_with(n: impl IntArg, opts: impl Into<MatrixOpts>) -> Result<Array> {
    let opts = opts.into();
    let rows = dim(n)?;
    let cols = match opts.m {
        Some(m) if m < 0 => return Err(negative_dims()),
        Some(m) => dim(m)?,
        None => rows,
    };
    let dtype = opts.dtype.unwrap_or(DType::Float64);
    let mut a = Array::zeros_order(&[rows, cols], dtype, opts.order)?;
    let k = offset(opts.k);
    crate::dispatch_dtype!(dtype, T => mark::<T>(&mut a, |i| (i as i128 + k, i as i128 + k + 1)))?;
    Ok(a)
}

/// The `n`×`n` `float64` identity matrix (`np.identity(n)`).
///
/// ```
/// assert_eq!(numox::identity(3).unwrap().shape(), &[3, 3]);
/// ```
pub fn identity(n: impl IntArg) -> Result<Array> {
    eye(n)
}

/// `np.identity(n, dtype)`.
///
/// ```
/// use numox::{identity_with, DType};
/// let a = identity_with(2, DType::Bool).unwrap();
/// assert_eq!(a.to_vec::<bool>().unwrap(), vec![true, false, false, true]);
/// ```
pub fn identity_with(n: impl IntArg, dtype: DType) -> Result<Array> {
    eye_with(n, dtype)
}

/// An `n`×`n` `float64` matrix with ones at and below the main diagonal (`np.tri(n)`).
///
/// ```
/// let a = numox::tri(2).unwrap();
/// assert_eq!(a.to_vec::<f64>().unwrap(), vec![1.0, 0.0, 1.0, 1.0]);
/// ```
pub fn tri(n: impl IntArg) -> Result<Array> {
    tri_with(n, MatrixOpts::new())
}

/// `np.tri(n, m, k, dtype)`: ones where `j <= i + k`. As in NumPy, a negative `n` or `m` gives
/// an empty axis. numox also honours `order`, which NumPy's `tri` lacks.
///
/// ```
/// use numox::{tri_with, creation::MatrixOpts, DType};
/// let a = tri_with(2, MatrixOpts::new().m(3).k(1).dtype(DType::Int64)).unwrap();
/// assert_eq!(a.to_vec::<i64>().unwrap(), vec![1, 1, 0, 1, 1, 1]);
/// ```
pub fn tri_with(n: impl IntArg, opts: impl Into<MatrixOpts>) -> Result<Array> {
    let opts = opts.into();
    let n = n.to_i128();
    let clamp = |x: i128| dim(x.max(0));
    let rows = clamp(n)?;
    let cols = clamp(opts.m.unwrap_or(n))?;
    let dtype = opts.dtype.unwrap_or(DType::Float64);
    let mut a = Array::zeros_order(&[rows, cols], dtype, opts.order)?;
    let k = offset(opts.k);
    crate::dispatch_dtype!(dtype, T => mark::<T>(&mut a, |i| (0, i as i128 + k + 1)))?;
    Ok(a)
}

/// A diagonal offset limited to +-2**64, beyond every possible axis length, so that index
/// arithmetic on it cannot overflow.
fn offset(k: i128) -> i128 {
    k.clamp(-(1 << 64), 1 << 64)
}

/// Sets to one the elements `(i, j)` of a fresh 2-D array with `lo <= j < hi` for
/// `(lo, hi) = cols(i)` (clipped to the matrix).
fn mark<T: Element>(a: &mut Array, cols: impl Fn(usize) -> (i128, i128)) -> Result<()> {
    let (nrows, ncols) = (a.shape()[0], a.shape()[1]);
    let layout = a.layout().clone();
    let out = memory_slice_mut::<T>(a)?;
    for i in 0..nrows {
        let (lo, hi) = cols(i);
        for j in clip(lo, ncols)..clip(hi, ncols) {
            out[memory_pos(&layout, &[i, j])] = T::one();
        }
    }
    Ok(())
}

/// A column bound clipped to `0..=ncols`.
fn clip(x: i128, ncols: usize) -> usize {
    x.clamp(0, ncols as i128) as usize
}

/// A diagonal of a 2-D array as a new 1-D array, or a 2-D array with a 1-D array on a diagonal
/// (`np.diag(v, k)`). `k` selects the diagonal: 0 the main one, positive above, negative below.
/// A diagonal outside a 2-D array is empty.
///
/// NumPy returns a read-only view for 2-D input; numox returns a copy with the same values.
///
/// ```
/// use numox::{array, diag};
/// let m = array![[1, 2, 3], [4, 5, 6]];
/// assert_eq!(diag(&m, 1).unwrap().to_vec::<i64>().unwrap(), vec![2, 6]);
/// assert_eq!(diag(&m, -1).unwrap().to_vec::<i64>().unwrap(), vec![4]);
/// let d = diag(&array![7, 8], -1).unwrap();
/// assert_eq!(d.to_vec::<i64>().unwrap(), vec![0, 0, 0, 7, 0, 0, 0, 8, 0]);
/// assert_eq!(
///     diag(&numox::Array::scalar(1.0), 0).unwrap_err().to_string(),
///     "Input must be 1- or 2-d."
/// );
/// ```
pub fn diag(v: &Array, k: impl IntArg) -> Result<Array> {
    let k = offset(k.to_i128());
    match v.ndim() {
        1 => diag_from_1d(v, k),
        2 => Ok(diagonal_view(v, k).copy()),
        _ => Err(Error::Value("Input must be 1- or 2-d.".into())),
    }
}

/// The flattened input on the `k`-th diagonal of a square 2-D array (`np.diagflat(v, k)`).
///
/// ```
/// let d = numox::diagflat(&numox::array![[1, 2], [3, 4]], 0).unwrap();
/// assert_eq!(d.shape(), &[4, 4]);
/// assert_eq!(d.get_as::<i64>(&[3, 3]).unwrap(), 4);
/// ```
pub fn diagflat(v: &Array, k: impl IntArg) -> Result<Array> {
    diag_from_1d(&v.reshape(&[-1])?, offset(k.to_i128()))
}

fn diag_from_1d(v: &Array, k: i128) -> Result<Array> {
    let len = v.size();
    let n = dim(len as i128 + k.abs())?; // |k| <= 2**64 after `offset`
    let mut a = Array::zeros(&[n, n], v.dtype())?;
    let shift = usize::try_from(k.unsigned_abs()).map_err(|_| super::args::too_big())?;
    crate::dispatch_dtype!(v.dtype(), T => {
        let src = v.to_vec::<T>()?;
        let out = a.as_slice_mut::<T>()?;
        for (i, x) in src.into_iter().enumerate() {
            let (r, c) = if k >= 0 { (i, i + shift) } else { (i + shift, i) };
            out[r * n + c] = x;
        }
        Ok::<(), Error>(())
    })?;
    Ok(a)
}

/// The view of the `k`-th diagonal of a 2-D array (NumPy's `diagonal`).
fn diagonal_view(v: &Array, k: i128) -> Array {
    let (rows, cols) = (v.shape()[0] as i128, v.shape()[1] as i128);
    let (r0, c0) = if k >= 0 { (0, k) } else { (-k, 0) };
    let len = (rows - r0).min(cols - c0).max(0);
    let l = v.layout();
    let (offset, len) = if len > 0 {
        (l.offset_of(&[r0 as usize, c0 as usize]), len as usize)
    } else {
        (l.offset(), 0)
    };
    let stride = l.strides()[0] + l.strides()[1];
    v.with_layout(Layout::from_parts(&[len], &[stride], offset))
}

/// The lower triangle of a matrix or of each matrix in a stack (`np.tril(m, k)`): elements
/// above the `k`-th diagonal are zero. A 1-D input is broadcast to a square matrix first, as in
/// NumPy. The result is a new C-ordered array.
///
/// ```
/// use numox::{array, tril};
/// let m = array![[1, 2, 3], [4, 5, 6], [7, 8, 9]];
/// assert_eq!(tril(&m, 0).unwrap().to_vec::<i64>().unwrap(), vec![1, 0, 0, 4, 5, 0, 7, 8, 9]);
/// assert_eq!(tril(&array![1, 2], 0).unwrap().to_vec::<i64>().unwrap(), vec![1, 0, 1, 2]);
/// ```
pub fn tril(m: &Array, k: impl IntArg) -> Result<Array> {
    let k = offset(k.to_i128());
    triangle(m, "tril", |i| (i as i128 + k + 1, i128::MAX))
}

/// The upper triangle of a matrix or of each matrix in a stack (`np.triu(m, k)`): elements
/// below the `k`-th diagonal are zero.
///
/// ```
/// use numox::{array, triu};
/// let m = array![[1, 2, 3], [4, 5, 6]];
/// assert_eq!(triu(&m, 1).unwrap().to_vec::<i64>().unwrap(), vec![0, 2, 3, 0, 0, 6]);
/// ```
pub fn triu(m: &Array, k: impl IntArg) -> Result<Array> {
    let k = offset(k.to_i128());
    triangle(m, "triu", |i| (0, i as i128 + k))
}

/// A C-ordered copy of `m` (a 1-D `m` broadcast to square) with the elements `(i, j)` where
/// `lo <= j < hi` for `(lo, hi) = zero(i)` set to zero in every matrix of the stack.
fn triangle(m: &Array, func: &str, zero: impl Fn(usize) -> (i128, i128)) -> Result<Array> {
    let src = match m.ndim() {
        0 => {
            return Err(Error::Value(format!(
                "{func}() requires an array of at least 1 dimension"
            )))
        }
        1 => m.broadcast_to(&[m.size(), m.size()])?,
        _ => m.clone(),
    };
    let mut out = src.copy();
    let nd = out.ndim();
    let (rows, cols) = (out.shape()[nd - 2], out.shape()[nd - 1]);
    crate::dispatch_dtype!(out.dtype(), T => {
        let s = out.as_slice_mut::<T>()?;
        if rows * cols > 0 {
            for mat in s.chunks_exact_mut(rows * cols) {
                for (i, row) in mat.chunks_exact_mut(cols).enumerate() {
                    let (lo, hi) = zero(i);
                    row[clip(lo, cols)..clip(hi, cols)].fill(T::default());
                }
            }
        }
        Ok::<(), Error>(())
    })?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eye_in_f_order_places_ones_by_index() {
        let a = eye_with(2, MatrixOpts::new().m(3).k(1).order(Order::F)).unwrap();
        assert!(a.is_f_contiguous());
        assert_eq!(a.get_as::<f64>(&[0, 1]).unwrap(), 1.0);
        assert_eq!(a.get_as::<f64>(&[1, 2]).unwrap(), 1.0);
        assert_eq!(a.get_as::<f64>(&[1, 1]).unwrap(), 0.0);
    }

    #[test]
    fn extreme_offsets() {
        let m = crate::array![[1, 2], [3, 4]];
        assert_eq!(
            tril(&m, i128::MAX).unwrap().to_vec::<i64>().unwrap(),
            vec![1, 2, 3, 4]
        );
        assert_eq!(
            triu(&m, i128::MIN).unwrap().to_vec::<i64>().unwrap(),
            vec![1, 2, 3, 4]
        );
        assert_eq!(diag(&m, i128::MIN).unwrap().size(), 0);
        let e = eye_with(2, MatrixOpts::new().k(i128::MAX)).unwrap();
        assert_eq!(e.to_vec::<f64>().unwrap(), vec![0.0; 4]);
        let t = tri_with(2, MatrixOpts::new().k(i128::MIN)).unwrap();
        assert_eq!(t.to_vec::<f64>().unwrap(), vec![0.0; 4]);
        assert!(diag(&crate::array![1], i64::MAX).is_err());
    }

    #[test]
    fn diagonal_of_reversed_view() {
        let m = crate::array![[1, 2], [3, 4]];
        let r = m.slice_axis(1, None, None, -1).unwrap();
        assert_eq!(diag(&r, 0).unwrap().to_vec::<i64>().unwrap(), vec![2, 3]);
        assert_eq!(diag(&r, 5).unwrap().size(), 0);
        assert_eq!(diag(&r, -5).unwrap().size(), 0);
    }
}
