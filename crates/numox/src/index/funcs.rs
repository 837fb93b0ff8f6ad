//! `take`, `put`, `take_along_axis`, `put_along_axis`, `compress` and `extract`, built on the
//! advanced indexing of [`Array::index`] and [`Array::assign`].

use super::item::Idx;
use super::nonzero::{flat_positions, nonzero, unravel};
use crate::array::Array;
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::layout::{normalize_axis, Order};
use crate::promote::Casting;
use crate::ufunc::Operand;

/// What [`take`] and [`put`] do with an index outside the axis (NumPy's `mode`).
///
/// ```
/// use numox::{array, take, TakeMode};
/// let a = array![10, 20, 30];
/// let i = array![4, -5];
/// assert_eq!(take(&a, &i, None, TakeMode::Wrap).unwrap().to_vec::<i64>().unwrap(), vec![20, 20]);
/// assert_eq!(take(&a, &i, None, TakeMode::Clip).unwrap().to_vec::<i64>().unwrap(), vec![30, 10]);
/// assert!(take(&a, &i, None, TakeMode::Raise).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TakeMode {
    /// An error (`IndexError`); negative indices count from the end.
    #[default]
    Raise,
    /// Wrapped around (modulo the length).
    Wrap,
    /// Clipped to the range (negative indices become 0).
    Clip,
}

/// The index values as int64, cast as NumPy casts indices for `take`/`put` (`safe` to intp).
fn index_values(ind: &Array) -> Result<Array> {
    if ind.dtype() == DType::Int64 {
        return Ok(ind.clone());
    }
    if !crate::promote::can_cast(ind.dtype(), DType::Int64, Casting::Safe)
        && !ind.dtype().is_integer()
    {
        return Err(Error::DType(format!(
            "Cannot cast array data from dtype('{}') to dtype('int64') according to the rule 'safe'",
            ind.dtype()
        )));
    }
    ind.astype_with(DType::Int64, Casting::Unsafe)
}

/// Applies a wrap/clip mode to index values for an axis of length `n` (raise leaves them).
fn apply_mode(ind: &Array, n: usize, mode: TakeMode) -> Result<Array> {
    let ind = index_values(ind)?;
    if mode == TakeMode::Raise {
        return Ok(ind);
    }
    let n = n as i64;
    let v: Vec<i64> = ind
        .to_vec::<i64>()?
        .into_iter()
        .map(|i| match mode {
            TakeMode::Wrap => i.rem_euclid(n.max(1)),
            _ => i.clamp(0, (n - 1).max(0)),
        })
        .collect();
    Array::from_shape_vec(ind.shape(), v)
}

/// Elements of `a` at `indices` along an axis (`np.take(a, indices, axis, mode=...)`); with
/// `axis = None` the array is read flattened. The result has `a`'s shape with that axis replaced
/// by `indices`' shape.
///
/// ```
/// use numox::{array, take, TakeMode};
/// let a = array![[1, 2, 3], [4, 5, 6]];
/// let r = take(&a, &array![[2, 0]], Some(1), TakeMode::Raise).unwrap();
/// assert_eq!(r.shape(), &[2, 1, 2]);
/// assert_eq!(r.to_vec::<i64>().unwrap(), vec![3, 1, 6, 4]);
/// assert_eq!(
///     take(&a, &array![7], None, TakeMode::Raise).unwrap_err().to_string(),
///     "index 7 is out of bounds for axis 0 with size 6"
/// );
/// ```
pub fn take(a: &Array, indices: &Array, axis: Option<isize>, mode: TakeMode) -> Result<Array> {
    let (a, ax) = match axis {
        None => (crate::ravel(a, Order::C), 0),
        Some(ax) => (a.clone(), normalize_axis(ax, a.ndim())?),
    };
    let n = a.shape()[ax];
    if n == 0 && indices.size() > 0 {
        return Err(Error::IndexOther(
            "cannot do a non-empty take from an empty axes.".into(),
        ));
    }
    let ind = apply_mode(indices, n, mode)?;
    let mut items = vec![Idx::full(); ax];
    items.push(Idx::Array(ind));
    a.index(&items)
}

/// Replaces the elements at flat (C-order) positions `indices` of `a` with `values`, repeated as
/// needed (`np.put(a, indices, values, mode=...)`); the values are cast unsafely to `a`'s dtype.
///
/// ```
/// use numox::{array, put, TakeMode};
/// let mut a = array![[0, 0], [0, 0]];
/// put(&mut a, &array![0, 3, -2], &array![7, 8], TakeMode::Raise).unwrap();
/// assert_eq!(a.to_vec::<i64>().unwrap(), vec![7, 0, 7, 8]);
/// ```
pub fn put<'a>(
    a: &mut Array,
    indices: &Array,
    values: impl Into<Operand<'a>>,
    mode: TakeMode,
) -> Result<()> {
    let n = a.size();
    if n == 0 && indices.size() > 0 {
        return Err(Error::IndexOther(
            "cannot replace elements of an empty array".into(),
        ));
    }
    let vals = match values.into() {
        Operand::Scalar(s) => {
            let v = s.coerce(a.dtype())?;
            crate::dispatch_scalar!(v, x => Array::scalar(x))
        }
        other => match other.array() {
            Some(v) => v.astype_with(a.dtype(), Casting::Unsafe)?,
            None => return Err(Error::Value("missing values".into())),
        },
    };
    let vals = crate::ravel(&vals, Order::C);
    if vals.size() == 0 || indices.size() == 0 {
        return Ok(());
    }
    let ind = crate::ravel(&apply_mode(indices, n, mode)?, Order::C);
    let count = ind.size();
    // The k-th index takes value k modulo the number of values.
    let reps = count.div_ceil(vals.size());
    let tiled = crate::concatenate(&vec![&vals; reps], Some(0))?;
    let tiled = tiled.slice_axis(0, None, Some(count as isize), 1)?;
    if a.ndim() == 0 {
        // Every index is 0 (checked above): the last value wins.
        return a.assign(&[], &tiled.index_axis(0, -1)?);
    }
    // Bounds are those of the flat axis; then the positions become one index per dimension.
    let flat: Vec<i64> = ind
        .to_vec::<i64>()?
        .into_iter()
        .map(|i| {
            let j = if i < 0 { i + n as i64 } else { i };
            if j < 0 || j >= n as i64 {
                Err(Error::Index {
                    index: i,
                    axis: 0,
                    size: n,
                })
            } else {
                Ok(j)
            }
        })
        .collect::<Result<_>>()?;
    let items: Vec<Idx> = unravel(&flat, a.shape())
        .into_iter()
        .map(Idx::Array)
        .collect();
    a.assign(&items, &tiled)
}

/// The fancy index `take_along_axis`/`put_along_axis` build: `indices` on `axis`, an `arange`
/// shaped to broadcast on every other axis.
fn along_axis_items(arr: &Array, indices: &Array, ax: usize) -> Result<Vec<Idx>> {
    if !indices.dtype().is_integer() {
        return Err(Error::IndexOther(
            "`indices` must be an integer array".into(),
        ));
    }
    if indices.ndim() != arr.ndim() {
        return Err(Error::Value(
            "`indices` and `arr` must have the same number of dimensions".into(),
        ));
    }
    let nd = arr.ndim();
    (0..nd)
        .map(|d| {
            if d == ax {
                return Ok(Idx::Array(indices.clone()));
            }
            let mut shape = vec![1isize; nd];
            shape[d] = arr.shape()[d] as isize;
            let r = crate::arange(0, arr.shape()[d] as i64, 1)?;
            Ok(Idx::Array(r.reshape(&shape)?))
        })
        .collect()
}

/// Values of `arr` at `indices` along an axis, matched index by index on the other axes
/// (`np.take_along_axis`); `axis = None` reads `arr` flattened and takes 1-D `indices`.
///
/// ```
/// use numox::{array, take_along_axis};
/// let a = array![[10, 30, 20], [60, 40, 50]];
/// let i = array![[0, 2], [1, 1]];
/// let r = take_along_axis(&a, &i, Some(1)).unwrap();
/// assert_eq!(r.to_vec::<i64>().unwrap(), vec![10, 20, 40, 40]);
/// ```
pub fn take_along_axis(arr: &Array, indices: &Array, axis: Option<isize>) -> Result<Array> {
    let (arr, ax) = match axis {
        None => {
            if indices.ndim() != 1 {
                return Err(Error::Value(
                    "when axis=None, `indices` must have a single dimension.".into(),
                ));
            }
            (crate::ravel(arr, Order::C), 0)
        }
        Some(ax) => (arr.clone(), normalize_axis(ax, arr.ndim())?),
    };
    let items = along_axis_items(&arr, indices, ax)?;
    arr.index(&items)
}

/// Stores `values` into `arr` at `indices` along an axis, matched index by index on the other
/// axes (`np.put_along_axis(arr, indices, values, axis)`).
///
/// ```
/// use numox::{array, put_along_axis};
/// let mut a = array![[1, 2, 3], [4, 5, 6]];
/// put_along_axis(&mut a, &array![[2], [0]], 0, 1).unwrap();
/// assert_eq!(a.to_vec::<i64>().unwrap(), vec![1, 2, 0, 0, 5, 6]);
/// ```
pub fn put_along_axis<'a>(
    arr: &mut Array,
    indices: &Array,
    values: impl Into<Operand<'a>>,
    axis: isize,
) -> Result<()> {
    let ax = normalize_axis(axis, arr.ndim())?;
    let items = along_axis_items(arr, indices, ax)?;
    arr.assign(&items, values)
}

/// The slices of `a` along an axis where `condition` (1-D, read as bool) is true
/// (`np.compress`); `axis = None` reads `a` flattened.
///
/// ```
/// use numox::{array, compress};
/// let a = array![[1, 2], [3, 4], [5, 6]];
/// let r = compress(&array![false, true, true], &a, Some(0)).unwrap();
/// assert_eq!(r.to_vec::<i64>().unwrap(), vec![3, 4, 5, 6]);
/// ```
pub fn compress(condition: &Array, a: &Array, axis: Option<isize>) -> Result<Array> {
    if condition.ndim() != 1 {
        return Err(Error::Value("condition must be a 1-d array".into()));
    }
    let picks = nonzero(condition)?.remove(0);
    take(a, &picks, axis, TakeMode::Raise)
}

/// The elements of `arr` where `condition` is nonzero, both read flattened (`np.extract`).
///
/// ```
/// use numox::{array, extract};
/// let a = array![[1, 2], [3, 4]];
/// let r = extract(&array![[true, false], [false, true]], &a).unwrap();
/// assert_eq!(r.to_vec::<i64>().unwrap(), vec![1, 4]);
/// ```
pub fn extract(condition: &Array, arr: &Array) -> Result<Array> {
    let picks = Array::from_vec(flat_positions(condition));
    take(&crate::ravel(arr, Order::C), &picks, None, TakeMode::Raise)
}

impl Array {
    /// Method form of [`take`].
    ///
    /// ```
    /// use numox::{array, TakeMode};
    /// let r = array![5, 6, 7].take(&array![2, 0], None, TakeMode::Raise).unwrap();
    /// assert_eq!(r.to_vec::<i64>().unwrap(), vec![7, 5]);
    /// ```
    pub fn take(&self, indices: &Array, axis: Option<isize>, mode: TakeMode) -> Result<Array> {
        take(self, indices, axis, mode)
    }

    /// Method form of [`put`].
    ///
    /// ```
    /// use numox::{array, TakeMode};
    /// let mut a = array![1.0, 2.0, 3.0];
    /// a.put(&array![5], 0.5, TakeMode::Wrap).unwrap();
    /// assert_eq!(a.to_vec::<f64>().unwrap(), vec![1.0, 2.0, 0.5]);
    /// ```
    pub fn put<'a>(
        &mut self,
        indices: &Array,
        values: impl Into<Operand<'a>>,
        mode: TakeMode,
    ) -> Result<()> {
        put(self, indices, values, mode)
    }

    /// Method form of [`compress`] (`a.compress(condition, axis)`).
    ///
    /// ```
    /// use numox::array;
    /// let r = array![1, 2, 3].compress(&array![true, false, true], None).unwrap();
    /// assert_eq!(r.to_vec::<i64>().unwrap(), vec![1, 3]);
    /// ```
    pub fn compress(&self, condition: &Array, axis: Option<isize>) -> Result<Array> {
        compress(condition, self, axis)
    }
}
