//! `array` and `asarray` from existing arrays: copies in a chosen memory order, conversions, and
//! sharing the buffer when nothing needs to change.

use super::fill::{like_strides, LikeOrder};
use super::{alloc_strided, cast_to, memory_slice_mut};
use crate::array::{copy_runs, Array};
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::layout::Order;

/// Optional arguments of [`array_with`]: NumPy's `dtype`, `copy`, `order` and `ndmin`.
///
/// `copy` is NumPy 2's three-way switch: `Some(true)` always copies (the default), `None` copies
/// only when the dtype or order requires it, `Some(false)` never copies and is an error when a
/// copy would be needed.
///
/// ```
/// use numox::{creation::ArrayOpts, Order};
/// let o = ArrayOpts::new().order(Order::F).ndmin(2).copy(None);
/// assert_eq!((o.ndmin, o.copy), (2, None));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArrayOpts {
    /// The dtype; `None` keeps the source's.
    pub dtype: Option<DType>,
    /// Whether to copy (see the type's documentation).
    pub copy: Option<bool>,
    /// The memory order of a copy (default K: the source's).
    pub order: LikeOrder,
    /// The minimum number of dimensions; missing ones are prepended with length 1.
    pub ndmin: usize,
}

impl Default for ArrayOpts {
    fn default() -> Self {
        ArrayOpts {
            dtype: None,
            copy: Some(true),
            order: LikeOrder::K,
            ndmin: 0,
        }
    }
}

impl ArrayOpts {
    /// NumPy's defaults (`copy=True`, `order='K'`).
    ///
    /// ```
    /// assert_eq!(numox::creation::ArrayOpts::new().copy, Some(true));
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the dtype.
    ///
    /// ```
    /// use numox::{creation::ArrayOpts, DType};
    /// assert_eq!(ArrayOpts::new().dtype(DType::Int8).dtype, Some(DType::Int8));
    /// ```
    pub fn dtype(mut self, dtype: DType) -> Self {
        self.dtype = Some(dtype);
        self
    }

    /// Sets `copy`.
    ///
    /// ```
    /// assert_eq!(numox::creation::ArrayOpts::new().copy(Some(false)).copy, Some(false));
    /// ```
    pub fn copy(mut self, copy: Option<bool>) -> Self {
        self.copy = copy;
        self
    }

    /// Sets the memory order.
    ///
    /// ```
    /// use numox::creation::{ArrayOpts, LikeOrder};
    /// assert_eq!(ArrayOpts::new().order(LikeOrder::A).order, LikeOrder::A);
    /// ```
    pub fn order(mut self, order: impl Into<LikeOrder>) -> Self {
        self.order = order.into();
        self
    }

    /// Sets `ndmin`.
    ///
    /// ```
    /// assert_eq!(numox::creation::ArrayOpts::new().ndmin(3).ndmin, 3);
    /// ```
    pub fn ndmin(mut self, ndmin: usize) -> Self {
        self.ndmin = ndmin;
        self
    }
}

impl From<DType> for ArrayOpts {
    fn from(dtype: DType) -> Self {
        ArrayOpts::new().dtype(dtype)
    }
}

impl From<Order> for ArrayOpts {
    fn from(order: Order) -> Self {
        ArrayOpts::new().order(order)
    }
}

/// Optional arguments of [`asarray_with`]: the dtype and the memory order the result must have.
///
/// ```
/// use numox::{creation::AsArrayOpts, DType, Order};
/// assert_eq!(AsArrayOpts::from(DType::Int8).dtype, Some(DType::Int8));
/// assert_eq!(AsArrayOpts::from(Order::F).order, numox::creation::LikeOrder::F);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AsArrayOpts {
    /// The dtype; `None` keeps the source's.
    pub dtype: Option<DType>,
    /// The memory order the result must have (default K: any).
    pub order: LikeOrder,
}

impl AsArrayOpts {
    /// NumPy's defaults.
    ///
    /// ```
    /// assert_eq!(numox::creation::AsArrayOpts::new().dtype, None);
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the dtype.
    ///
    /// ```
    /// use numox::{creation::AsArrayOpts, DType};
    /// assert_eq!(AsArrayOpts::new().dtype(DType::Int8).dtype, Some(DType::Int8));
    /// ```
    pub fn dtype(mut self, dtype: DType) -> Self {
        self.dtype = Some(dtype);
        self
    }

    /// Sets the memory order.
    ///
    /// ```
    /// use numox::{creation::{AsArrayOpts, LikeOrder}, Order};
    /// assert_eq!(AsArrayOpts::new().order(Order::C).order, LikeOrder::C);
    /// ```
    pub fn order(mut self, order: impl Into<LikeOrder>) -> Self {
        self.order = order.into();
        self
    }
}

impl From<DType> for AsArrayOpts {
    fn from(dtype: DType) -> Self {
        AsArrayOpts::new().dtype(dtype)
    }
}

impl From<Order> for AsArrayOpts {
    fn from(order: Order) -> Self {
        AsArrayOpts::new().order(order)
    }
}

/// A copy of `a` that owns its data, in `a`'s memory order (`np.array(a)`, order 'K'): a
/// transposed or F-ordered source gives an F-ordered copy.
///
/// ```
/// let a = numox::array![[1, 2, 3], [4, 5, 6]];
/// let c = numox::array(&a.t());
/// assert!(c.is_f_contiguous() && c.flags().owndata);
/// assert!(!c.shares_buffer(&a));
/// ```
pub fn array(a: &Array) -> Array {
    copy_with_strides(a, &like_strides(a, a.shape(), LikeOrder::K))
}

/// `np.array(a, dtype, copy, order, ndmin)`.
///
/// ```
/// use numox::{array_with, creation::ArrayOpts, Order};
/// let a = numox::array![[1, 2], [3, 4]];
/// let f = array_with(&a, Order::F).unwrap();
/// assert!(f.is_f_contiguous());
/// let v = array_with(&a, ArrayOpts::new().copy(None).ndmin(3)).unwrap();
/// assert_eq!(v.shape(), &[1, 2, 2]);
/// assert!(v.shares_buffer(&a));
/// assert!(array_with(&a, ArrayOpts::new().order(Order::F).copy(Some(false))).is_err());
/// ```
pub fn array_with(a: &Array, opts: impl Into<ArrayOpts>) -> Result<Array> {
    let opts = opts.into();
    let dtype = opts.dtype.unwrap_or(a.dtype());
    let needed = dtype != a.dtype() || !order_holds(a, opts.order);
    let mut out = if opts.copy == Some(true) || needed {
        if opts.copy == Some(false) {
            return Err(Error::Value(
                "Unable to avoid copy while creating an array as requested.".into(),
            ));
        }
        // The layout follows the source, whatever layout the conversion produced.
        let strides = like_strides(a, a.shape(), opts.order);
        let converted = cast_to(a.clone(), Some(dtype))?;
        let fresh = !converted.shares_buffer(a)
            && converted.layout().strides() == strides.as_slice()
            && converted.layout().offset() == 0;
        if fresh {
            converted
        } else {
            copy_with_strides(&converted, &strides)
        }
    } else {
        a.clone()
    };
    if out.ndim() < opts.ndmin {
        let mut shape = vec![1isize; opts.ndmin - out.ndim()];
        shape.extend(out.shape().iter().map(|&d| d as isize));
        out = out.reshape(&shape)?;
    }
    Ok(out)
}

/// `a` itself, sharing its buffer (`np.asarray(a)` returns the same array).
///
/// ```
/// let a = numox::array![1.0, 2.0];
/// assert!(numox::asarray(&a).shares_buffer(&a));
/// ```
pub fn asarray(a: &Array) -> Array {
    a.clone()
}

/// `np.asarray(a, dtype, order)`: `a`'s buffer when it already has the dtype and the order,
/// a converted copy otherwise.
///
/// ```
/// use numox::{asarray_with, Order};
/// let a = numox::array![[1, 2], [3, 4]];
/// assert!(asarray_with(&a, Order::C).unwrap().shares_buffer(&a));
/// let f = asarray_with(&a, Order::F).unwrap();
/// assert!(f.is_f_contiguous() && !f.shares_buffer(&a));
/// ```
pub fn asarray_with(a: &Array, opts: impl Into<AsArrayOpts>) -> Result<Array> {
    let opts = opts.into();
    array_with(
        a,
        ArrayOpts {
            dtype: opts.dtype,
            copy: None,
            order: opts.order,
            ndmin: 0,
        },
    )
}

/// Whether `a` already satisfies a requested memory order.
fn order_holds(a: &Array, order: LikeOrder) -> bool {
    match order {
        LikeOrder::C => a.is_c_contiguous(),
        LikeOrder::F => a.is_f_contiguous(),
        LikeOrder::A => a.is_c_contiguous() || a.is_f_contiguous(),
        LikeOrder::K => true,
    }
}

/// A fresh copy of `a` with the given element strides, a permutation of contiguous ones (see
/// [`like_strides`]).
pub(crate) fn copy_with_strides(a: &Array, strides: &[isize]) -> Array {
    // Copying the source's axes in the new array's memory order (outermost first) writes the
    // new buffer front to back.
    let mut perm: Vec<isize> = (0..a.ndim() as isize).collect();
    perm.sort_by(|&x, &y| strides[y as usize].cmp(&strides[x as usize]));
    let result = (|| -> Result<Array> {
        let mut out = alloc_strided(a.shape(), strides, a.dtype())?;
        let src = a.layout().permuted(&perm)?;
        crate::dispatch_dtype!(a.dtype(), T => {
            let dst = memory_slice_mut::<T>(&mut out)?;
            debug_assert_eq!(dst.len(), a.size());
            // SAFETY: `src` is a permutation of `a`'s layout, inside `a`'s buffer; `dst` holds
            // exactly `a.size()` elements of T, each written once.
            unsafe { copy_runs::<T>(a.base_ptr(), &src, dst.as_mut_ptr()) };
            Ok::<(), Error>(())
        })?;
        Ok(out)
    })();
    // Nothing here fails but allocation, which `Array::copy` (like Rust's allocator) aborts on.
    result.unwrap_or_else(|_| a.copy())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn k_copy_keeps_permuted_order() {
        let a = crate::zeros([2, 3, 4])
            .unwrap()
            .permute_axes(&[2, 0, 1])
            .unwrap();
        let c = array(&a);
        assert_eq!(c.strides(), vec![8, 96, 32]);
        let r = crate::arange(0, 6, 1)
            .unwrap()
            .reshape(&[2, 3])
            .unwrap()
            .slice_axis(1, None, None, -1)
            .unwrap();
        let c = array(&r);
        assert!(c.is_c_contiguous());
        assert_eq!(c.to_vec::<i64>().unwrap(), vec![2, 1, 0, 5, 4, 3]);
    }
}
