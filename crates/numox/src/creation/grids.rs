//! Coordinate grids: `meshgrid`, `indices`, `fromfunction`.

use super::args::{IntoShape, Num};
use super::memory_slice_mut;
use super::numeric::RangeElem;
use super::ranges::arange_fill;
use crate::array::{copy_runs, Array};
use crate::dtype::{DType, Element};
use crate::error::Result;
use crate::layout::broadcast_shapes;

/// How [`meshgrid_with`] orders its output axes: `Xy` (Cartesian, NumPy's default: the first
/// two axes swapped) or `Ij` (matrix indexing).
///
/// ```
/// assert_eq!(numox::creation::Indexing::default(), numox::creation::Indexing::Xy);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Indexing {
    /// Cartesian: for inputs of lengths `m` and `n` the outputs are `n`×`m`.
    #[default]
    Xy,
    /// Matrix: for inputs of lengths `m` and `n` the outputs are `m`×`n`.
    Ij,
}

/// Optional arguments of [`meshgrid_with`]: NumPy's `indexing`, `sparse` and `copy`.
///
/// ```
/// use numox::creation::{Indexing, MeshgridOpts};
/// let o = MeshgridOpts::new().ij().sparse(true);
/// assert_eq!((o.indexing, o.sparse, o.copy), (Indexing::Ij, true, true));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MeshgridOpts {
    /// Cartesian (default) or matrix indexing.
    pub indexing: Indexing,
    /// Return each output with length 1 on every axis but its own, instead of broadcast.
    pub sparse: bool,
    /// Return new arrays (the default) instead of views of the inputs. Non-sparse views are
    /// read-only broadcasts.
    pub copy: bool,
}

impl Default for MeshgridOpts {
    fn default() -> Self {
        MeshgridOpts {
            indexing: Indexing::Xy,
            sparse: false,
            copy: true,
        }
    }
}

impl MeshgridOpts {
    /// NumPy's defaults: `indexing='xy'`, `sparse=False`, `copy=True`.
    ///
    /// ```
    /// assert!(numox::creation::MeshgridOpts::new().copy);
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the indexing.
    ///
    /// ```
    /// use numox::creation::{Indexing, MeshgridOpts};
    /// assert_eq!(MeshgridOpts::new().indexing(Indexing::Ij).indexing, Indexing::Ij);
    /// ```
    pub fn indexing(mut self, indexing: Indexing) -> Self {
        self.indexing = indexing;
        self
    }

    /// Matrix indexing (`indexing='ij'`).
    ///
    /// ```
    /// use numox::creation::{Indexing, MeshgridOpts};
    /// assert_eq!(MeshgridOpts::new().ij().indexing, Indexing::Ij);
    /// ```
    pub fn ij(self) -> Self {
        self.indexing(Indexing::Ij)
    }

    /// Cartesian indexing (`indexing='xy'`).
    ///
    /// ```
    /// use numox::creation::{Indexing, MeshgridOpts};
    /// assert_eq!(MeshgridOpts::new().ij().xy().indexing, Indexing::Xy);
    /// ```
    pub fn xy(self) -> Self {
        self.indexing(Indexing::Xy)
    }

    /// Sets `sparse`.
    ///
    /// ```
    /// assert!(numox::creation::MeshgridOpts::new().sparse(true).sparse);
    /// ```
    pub fn sparse(mut self, sparse: bool) -> Self {
        self.sparse = sparse;
        self
    }

    /// Sets `copy`.
    ///
    /// ```
    /// assert!(!numox::creation::MeshgridOpts::new().copy(false).copy);
    /// ```
    pub fn copy(mut self, copy: bool) -> Self {
        self.copy = copy;
        self
    }
}

impl From<Indexing> for MeshgridOpts {
    fn from(indexing: Indexing) -> Self {
        MeshgridOpts::new().indexing(indexing)
    }
}

/// Coordinate matrices from coordinate vectors (`np.meshgrid(*xs)`), Cartesian indexing: for
/// inputs of lengths `m` and `n` every output is `n`×`m`. Inputs of any shape are flattened.
///
/// ```
/// use numox::{array, meshgrid};
/// let g = meshgrid(&[&array![1, 2, 3], &array![10, 20]]).unwrap();
/// assert_eq!(g[0].shape(), &[2, 3]);
/// assert_eq!(g[0].to_vec::<i64>().unwrap(), vec![1, 2, 3, 1, 2, 3]);
/// assert_eq!(g[1].to_vec::<i64>().unwrap(), vec![10, 10, 10, 20, 20, 20]);
/// assert!(meshgrid(&[]).unwrap().is_empty());
/// ```
pub fn meshgrid(xs: &[&Array]) -> Result<Vec<Array>> {
    meshgrid_with(xs, MeshgridOpts::new())
}

/// `np.meshgrid(*xs, indexing, sparse, copy)`.
///
/// ```
/// use numox::{array, meshgrid_with, creation::MeshgridOpts};
/// let (x, y) = (array![1, 2, 3], array![10, 20]);
/// let g = meshgrid_with(&[&x, &y], MeshgridOpts::new().ij()).unwrap();
/// assert_eq!(g[0].shape(), &[3, 2]);
/// let s = meshgrid_with(&[&x, &y], MeshgridOpts::new().sparse(true)).unwrap();
/// assert_eq!((s[0].shape(), s[1].shape()), (&[1usize, 3][..], &[2usize, 1][..]));
/// let v = meshgrid_with(&[&x, &y], MeshgridOpts::new().copy(false)).unwrap();
/// assert!(v[0].shares_buffer(&x) && !v[0].is_writeable());
/// ```
pub fn meshgrid_with(xs: &[&Array], opts: impl Into<MeshgridOpts>) -> Result<Vec<Array>> {
    let opts = opts.into();
    let nd = xs.len();
    let swap = opts.indexing == Indexing::Xy && nd > 1;
    let mut out = Vec::with_capacity(nd);
    for (i, x) in xs.iter().enumerate() {
        let mut shape = vec![1isize; nd];
        // In xy indexing the first two inputs trade axes.
        let axis = match i {
            0 if swap => 1,
            1 if swap => 0,
            _ => i,
        };
        shape[axis] = -1;
        out.push(x.reshape(&shape)?);
    }
    if !opts.sparse {
        let shapes: Vec<&[usize]> = out.iter().map(|a| a.shape()).collect();
        let full = broadcast_shapes(&shapes)?;
        out = out
            .iter()
            .map(|a| a.broadcast_to(&full))
            .collect::<Result<_>>()?;
    }
    if opts.copy {
        out = out.iter().map(Array::copy).collect();
    }
    Ok(out)
}

/// The grid of indices of an array of `shape` (`np.indices(shape)`): an `int64` array of shape
/// `(ndim, *shape)` whose `k`-th entry holds each element's index along axis `k`.
///
/// ```
/// let ix = numox::indices([2, 3]).unwrap();
/// assert_eq!(ix.shape(), &[2, 2, 3]);
/// assert_eq!(ix.to_vec::<i64>().unwrap(), vec![0, 0, 0, 1, 1, 1, 0, 1, 2, 0, 1, 2]);
/// ```
pub fn indices(shape: impl IntoShape) -> Result<Array> {
    indices_with(shape, DType::Int64)
}

/// `np.indices(shape, dtype)`. Each axis's indices are `arange(n, dtype=dtype)`, so a narrow
/// integer dtype wraps around as in NumPy.
///
/// ```
/// use numox::{indices_with, DType};
/// let ix = indices_with([2], DType::Float32).unwrap();
/// assert_eq!(ix.to_vec::<f32>().unwrap(), vec![0.0, 1.0]);
/// ```
pub fn indices_with(shape: impl IntoShape, dtype: DType) -> Result<Array> {
    let shape = shape.into_shape()?;
    crate::dispatch_dtype!(dtype, T => indices_of::<T>(&shape))
}

fn indices_of<T: RangeElem>(shape: &[usize]) -> Result<Array> {
    let nd = shape.len();
    let mut full = vec![nd];
    full.extend_from_slice(shape);
    let mut res = Array::zeros(&full, T::DTYPE)?;
    let size: usize = shape.iter().product();
    let out = memory_slice_mut::<T>(&mut res)?;
    for (k, &n) in shape.iter().enumerate() {
        let r = arange_fill::<T>(n, Num::Int(0), Num::Int(1))?;
        let mut one = vec![1isize; nd];
        one[k] = -1;
        let b = r.reshape(&one)?.broadcast_to(shape)?;
        if size > 0 {
            // SAFETY: `b` is a view inside `r`'s buffer with `size` elements of T; the
            // destination block `k*size..(k+1)*size` lies inside `out`.
            unsafe { copy_runs::<T>(b.base_ptr(), b.layout(), out[k * size..].as_mut_ptr()) };
        }
    }
    Ok(res)
}

/// An array whose element at each index is `f(index)` (`np.fromfunction` with a function of
/// the indices). The dtype is the closure's return type; elements are produced in C order.
///
/// ```
/// let a = numox::fromfunction([2, 3], |ix| (10 * ix[0] + ix[1]) as i32).unwrap();
/// assert_eq!(a.to_vec::<i32>().unwrap(), vec![0, 1, 2, 10, 11, 12]);
/// ```
pub fn fromfunction<T: Element>(
    shape: impl IntoShape,
    mut f: impl FnMut(&[usize]) -> T,
) -> Result<Array> {
    let shape = shape.into_shape()?;
    let n = crate::layout::checked_size(&shape, T::DTYPE.itemsize())?;
    let mut values = Vec::with_capacity(n);
    let mut ix = vec![0usize; shape.len()];
    for _ in 0..n {
        values.push(f(&ix));
        // Advance the multi-index in C order.
        for k in (0..ix.len()).rev() {
            ix[k] += 1;
            if ix[k] < shape[k] {
                break;
            }
            ix[k] = 0;
        }
    }
    Array::from_shape_vec(&shape, values)
}

/// `np.fromfunction(function, shape, dtype)` as NumPy runs it: `f` receives one index array per
/// axis (the rows of [`indices_with`]), each of `shape` and `dtype`, and its result is returned
/// as is.
///
/// ```
/// use numox::{fromfunction_arrays, DType};
/// let shapes = fromfunction_arrays([2, 3], DType::Float64, |ix| {
///     (ix.len(), ix[1].to_vec::<f64>().unwrap())
/// })
/// .unwrap();
/// assert_eq!(shapes, (2, vec![0.0, 1.0, 2.0, 0.0, 1.0, 2.0]));
/// ```
pub fn fromfunction_arrays<R>(
    shape: impl IntoShape,
    dtype: DType,
    f: impl FnOnce(&[Array]) -> R,
) -> Result<R> {
    let shape = shape.into_shape()?;
    let ix = indices_with(&shape[..], dtype)?;
    let args = (0..shape.len() as isize)
        .map(|k| ix.index_axis(0, k))
        .collect::<Result<Vec<_>>>()?;
    Ok(f(&args))
}
