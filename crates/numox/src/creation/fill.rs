//! `zeros`, `ones`, `empty`, `full` and their `*_like` forms.

use super::args::IntoShape;
use super::{alloc_strided, memory_slice_mut, par_fill};
use crate::array::{Array, Leaf};
use crate::dtype::{DType, Element, Scalar};
use crate::error::Result;
use crate::layout::{c_strides, f_strides, Layout, Order, Strides};
use crate::promote::Casting;

/// Optional arguments of [`zeros_with`], [`ones_with`], [`empty_with`] and [`full_with`]: the
/// dtype (default `float64`, or the fill value's dtype for `full`) and the memory order.
///
/// Converts from a [`DType`], an [`Order`] or both, so calls stay short:
///
/// ```
/// use numox::{ones_with, DType, Order};
/// let a = ones_with([2, 3], (DType::Int8, Order::F)).unwrap();
/// assert_eq!(a.dtype(), DType::Int8);
/// assert!(a.is_f_contiguous());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FillOpts {
    /// The dtype; `None` is NumPy's default.
    pub dtype: Option<DType>,
    /// C (row-major, the default) or F (column-major).
    pub order: Order,
}

impl FillOpts {
    /// NumPy's defaults.
    ///
    /// ```
    /// assert_eq!(numox::creation::FillOpts::new().dtype, None);
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the dtype.
    ///
    /// ```
    /// use numox::{creation::FillOpts, DType};
    /// assert_eq!(FillOpts::new().dtype(DType::Bool).dtype, Some(DType::Bool));
    /// ```
    pub fn dtype(mut self, dtype: DType) -> Self {
        self.dtype = Some(dtype);
        self
    }

    /// Sets the memory order.
    ///
    /// ```
    /// use numox::{creation::FillOpts, Order};
    /// assert_eq!(FillOpts::new().order(Order::F).order, Order::F);
    /// ```
    pub fn order(mut self, order: Order) -> Self {
        self.order = order;
        self
    }
}

impl From<DType> for FillOpts {
    fn from(dtype: DType) -> Self {
        FillOpts::new().dtype(dtype)
    }
}

impl From<Order> for FillOpts {
    fn from(order: Order) -> Self {
        FillOpts::new().order(order)
    }
}

impl From<(DType, Order)> for FillOpts {
    fn from((dtype, order): (DType, Order)) -> Self {
        FillOpts::new().dtype(dtype).order(order)
    }
}

/// The memory order of a `*_like` result or an [`array`](crate::array())` copy: NumPy's `order`
/// argument with its four values.
///
/// ```
/// use numox::creation::LikeOrder;
/// assert_eq!(LikeOrder::default(), LikeOrder::K);
/// assert_eq!(LikeOrder::from(numox::Order::F), LikeOrder::F);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LikeOrder {
    /// Row-major.
    C,
    /// Column-major.
    F,
    /// F when the source is F-contiguous (and not C-contiguous), C otherwise.
    A,
    /// Keep the source's memory order as closely as possible (the default).
    #[default]
    K,
}

impl From<Order> for LikeOrder {
    fn from(o: Order) -> Self {
        match o {
            Order::C => LikeOrder::C,
            Order::F => LikeOrder::F,
        }
    }
}

/// Optional arguments of the `*_like` functions: dtype (default: the source's), memory order
/// (default: K, the source's) and a replacement shape.
///
/// ```
/// use numox::{creation::LikeOpts, zeros_like_with, DType, Order};
/// let a = numox::array![[1, 2], [3, 4]];
/// let z = zeros_like_with(&a, LikeOpts::new().dtype(DType::Float32).shape(&[3])).unwrap();
/// assert_eq!((z.dtype(), z.shape()), (DType::Float32, &[3usize][..]));
/// assert!(zeros_like_with(&a, Order::F).unwrap().is_f_contiguous());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LikeOpts {
    /// The dtype; `None` keeps the source's.
    pub dtype: Option<DType>,
    /// The memory order (default K).
    pub order: LikeOrder,
    /// A shape replacing the source's (NumPy's `shape` argument).
    pub shape: Option<Vec<usize>>,
}

impl LikeOpts {
    /// NumPy's defaults.
    ///
    /// ```
    /// assert_eq!(numox::creation::LikeOpts::new().shape, None);
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the dtype.
    ///
    /// ```
    /// use numox::{creation::LikeOpts, DType};
    /// assert_eq!(LikeOpts::new().dtype(DType::Int8).dtype, Some(DType::Int8));
    /// ```
    pub fn dtype(mut self, dtype: DType) -> Self {
        self.dtype = Some(dtype);
        self
    }

    /// Sets the memory order.
    ///
    /// ```
    /// use numox::creation::{LikeOpts, LikeOrder};
    /// assert_eq!(LikeOpts::new().order(LikeOrder::A).order, LikeOrder::A);
    /// ```
    pub fn order(mut self, order: impl Into<LikeOrder>) -> Self {
        self.order = order.into();
        self
    }

    /// Sets the shape.
    ///
    /// ```
    /// assert_eq!(numox::creation::LikeOpts::new().shape(&[2]).shape, Some(vec![2]));
    /// ```
    pub fn shape(mut self, shape: &[usize]) -> Self {
        self.shape = Some(shape.to_vec());
        self
    }
}

impl From<DType> for LikeOpts {
    fn from(dtype: DType) -> Self {
        LikeOpts::new().dtype(dtype)
    }
}

impl From<Order> for LikeOpts {
    fn from(order: Order) -> Self {
        LikeOpts::new().order(order)
    }
}

impl From<LikeOrder> for LikeOpts {
    fn from(order: LikeOrder) -> Self {
        LikeOpts::new().order(order)
    }
}

/// A `float64` array of zeros (`np.zeros(shape)`). The memory is mapped lazily, so this costs no
/// pass over it, as NumPy's `calloc`.
///
/// ```
/// let a = numox::zeros([2, 3]).unwrap();
/// assert_eq!(a.to_vec::<f64>().unwrap(), vec![0.0; 6]);
/// assert_eq!(
///     numox::zeros([2, -3]).unwrap_err().to_string(),
///     "negative dimensions are not allowed"
/// );
/// ```
pub fn zeros(shape: impl IntoShape) -> Result<Array> {
    zeros_with(shape, FillOpts::new())
}

/// `np.zeros(shape, dtype, order)`.
///
/// ```
/// use numox::{zeros_with, DType};
/// assert_eq!(zeros_with(3, DType::Bool).unwrap().to_vec::<bool>().unwrap(), vec![false; 3]);
/// ```
pub fn zeros_with(shape: impl IntoShape, opts: impl Into<FillOpts>) -> Result<Array> {
    let opts = opts.into();
    let shape = shape.into_shape()?;
    Array::zeros_order(&shape, opts.dtype.unwrap_or(DType::Float64), opts.order)
}

/// A `float64` array of ones (`np.ones(shape)`).
///
/// ```
/// assert_eq!(numox::ones(2).unwrap().to_vec::<f64>().unwrap(), vec![1.0, 1.0]);
/// ```
pub fn ones(shape: impl IntoShape) -> Result<Array> {
    ones_with(shape, FillOpts::new())
}

/// `np.ones(shape, dtype, order)`.
///
/// ```
/// use numox::{ones_with, DType};
/// assert_eq!(ones_with([2], DType::Bool).unwrap().to_vec::<bool>().unwrap(), vec![true; 2]);
/// ```
pub fn ones_with(shape: impl IntoShape, opts: impl Into<FillOpts>) -> Result<Array> {
    let mut a = zeros_with(shape, opts)?;
    crate::dispatch_dtype!(a.dtype(), T => fill_value::<T>(&mut a, T::one()))?;
    Ok(a)
}

/// `np.empty(shape)`: numox never hands out uninitialised memory, so this is [`zeros`].
///
/// ```
/// assert_eq!(numox::empty([2, 2]).unwrap().size(), 4);
/// ```
pub fn empty(shape: impl IntoShape) -> Result<Array> {
    zeros(shape)
}

/// `np.empty(shape, dtype, order)`, zero-filled.
///
/// ```
/// use numox::{empty_with, DType};
/// assert_eq!(empty_with(3, DType::UInt8).unwrap().dtype(), DType::UInt8);
/// ```
pub fn empty_with(shape: impl IntoShape, opts: impl Into<FillOpts>) -> Result<Array> {
    zeros_with(shape, opts)
}

/// An array filled with `value` (`np.full(shape, value)`). The dtype is the value's, with Rust's
/// unsuffixed integers (`i32`) stored as `int64` as NumPy stores Python ints.
///
/// ```
/// use numox::{full, DType};
/// let a = full([2, 2], 7).unwrap();
/// assert_eq!((a.dtype(), a.to_vec::<i64>().unwrap()), (DType::Int64, vec![7; 4]));
/// assert_eq!(full(3, 2.5f32).unwrap().dtype(), DType::Float32);
/// ```
pub fn full<V: Leaf>(shape: impl IntoShape, value: V) -> Result<Array> {
    full_with(shape, value, FillOpts::new())
}

/// `np.full(shape, value, dtype, order)`. A value of another dtype is converted as NumPy does:
/// integer values must fit the dtype (they act as Python ints), floats are cast.
///
/// ```
/// use numox::{full_with, DType};
/// let a = full_with([2], 2.5, DType::Int32).unwrap();
/// assert_eq!(a.to_vec::<i32>().unwrap(), vec![2, 2]);
/// assert_eq!(
///     full_with([2], -1, DType::UInt8).unwrap_err().to_string(),
///     "Python integer -1 out of bounds for uint8"
/// );
/// ```
pub fn full_with<V: Leaf>(
    shape: impl IntoShape,
    value: V,
    opts: impl Into<FillOpts>,
) -> Result<Array> {
    let opts = opts.into();
    let value = value.leaf().into_scalar();
    let dtype = opts.dtype.unwrap_or(value.dtype());
    let mut a = zeros_with(
        shape,
        FillOpts {
            dtype: Some(dtype),
            ..opts
        },
    )?;
    fill_scalar(&mut a, value)?;
    Ok(a)
}

/// Zeros with the shape and dtype of `proto`, in its memory order (`np.zeros_like(a)`): an
/// F-contiguous source gives an F-contiguous result, any other strided source a result whose
/// axes are laid out in the same memory order (NumPy's `order='K'`).
///
/// ```
/// use numox::zeros_like;
/// let a = numox::array![[1, 2, 3], [4, 5, 6]];
/// let z = zeros_like(&a.t()).unwrap();
/// assert_eq!(z.shape(), &[3, 2]);
/// assert!(z.is_f_contiguous());
/// assert_eq!(z.to_vec::<i64>().unwrap(), vec![0; 6]);
/// ```
pub fn zeros_like(proto: &Array) -> Result<Array> {
    zeros_like_with(proto, LikeOpts::new())
}

/// `np.zeros_like(a, dtype, order, shape)`.
///
/// ```
/// use numox::{zeros_like_with, DType};
/// let z = zeros_like_with(&numox::array![1, 2], DType::Bool).unwrap();
/// assert_eq!(z.to_vec::<bool>().unwrap(), vec![false, false]);
/// ```
pub fn zeros_like_with(proto: &Array, opts: impl Into<LikeOpts>) -> Result<Array> {
    let opts = opts.into();
    let shape = opts.shape.as_deref().unwrap_or(proto.shape());
    let dtype = opts.dtype.unwrap_or(proto.dtype());
    let strides = like_strides(proto, shape, opts.order);
    alloc_strided(shape, &strides, dtype)
}

/// Ones with the shape, dtype and memory order of `proto` (`np.ones_like(a)`).
///
/// ```
/// let o = numox::ones_like(&numox::array![[1.5f32, 2.0]]).unwrap();
/// assert_eq!(o.to_vec::<f32>().unwrap(), vec![1.0, 1.0]);
/// ```
pub fn ones_like(proto: &Array) -> Result<Array> {
    ones_like_with(proto, LikeOpts::new())
}

/// `np.ones_like(a, dtype, order, shape)`.
///
/// ```
/// use numox::{ones_like_with, DType};
/// let o = ones_like_with(&numox::array![1.0, 2.0], DType::Int8).unwrap();
/// assert_eq!(o.to_vec::<i8>().unwrap(), vec![1, 1]);
/// ```
pub fn ones_like_with(proto: &Array, opts: impl Into<LikeOpts>) -> Result<Array> {
    let mut a = zeros_like_with(proto, opts)?;
    crate::dispatch_dtype!(a.dtype(), T => fill_value::<T>(&mut a, T::one()))?;
    Ok(a)
}

/// Like [`zeros_like`] (numox's `empty` memory is zero-filled).
///
/// ```
/// assert_eq!(numox::empty_like(&numox::array![1u8, 2]).unwrap().size(), 2);
/// ```
pub fn empty_like(proto: &Array) -> Result<Array> {
    zeros_like(proto)
}

/// Like [`zeros_like_with`].
///
/// ```
/// use numox::{empty_like_with, DType};
/// assert_eq!(empty_like_with(&numox::array![1], DType::Int16).unwrap().dtype(), DType::Int16);
/// ```
pub fn empty_like_with(proto: &Array, opts: impl Into<LikeOpts>) -> Result<Array> {
    zeros_like_with(proto, opts)
}

/// `value` in the shape, dtype and memory order of `proto` (`np.full_like(a, value)`); the value
/// is converted to `proto`'s dtype as [`full_with`] converts it.
///
/// ```
/// let f = numox::full_like(&numox::array![1, 2, 3], 2.5).unwrap();
/// assert_eq!(f.to_vec::<i64>().unwrap(), vec![2, 2, 2]);
/// ```
pub fn full_like<V: Leaf>(proto: &Array, value: V) -> Result<Array> {
    full_like_with(proto, value, LikeOpts::new())
}

/// `np.full_like(a, value, dtype, order, shape)`.
///
/// ```
/// use numox::{full_like_with, DType};
/// let f = full_like_with(&numox::array![1, 2], 0.5, DType::Float32).unwrap();
/// assert_eq!(f.to_vec::<f32>().unwrap(), vec![0.5, 0.5]);
/// ```
pub fn full_like_with<V: Leaf>(
    proto: &Array,
    value: V,
    opts: impl Into<LikeOpts>,
) -> Result<Array> {
    let mut a = zeros_like_with(proto, opts)?;
    fill_scalar(&mut a, value.leaf().into_scalar())?;
    Ok(a)
}

/// The element strides of a new array shaped `shape` in `order` relative to `proto`, with
/// NumPy's rules for 'A' and 'K' (`PyArray_NewLikeArray`): 'K' keeps C or F when `proto` is
/// contiguous that way, otherwise orders the axes by decreasing absolute stride (ties in axis
/// order); a shape of another rank falls back to C.
pub(crate) fn like_strides(proto: &Array, shape: &[usize], order: LikeOrder) -> Strides {
    let fortran = proto.is_f_contiguous() && !proto.is_c_contiguous();
    match order {
        LikeOrder::C => c_strides(shape),
        LikeOrder::F => f_strides(shape),
        LikeOrder::A if fortran => f_strides(shape),
        LikeOrder::A => c_strides(shape),
        LikeOrder::K => {
            if shape.len() != proto.ndim() || proto.ndim() <= 1 || proto.is_c_contiguous() {
                c_strides(shape)
            } else if proto.is_f_contiguous() {
                f_strides(shape)
            } else {
                k_strides(proto.layout(), shape)
            }
        }
    }
}

/// Contiguous strides for `shape` whose axes follow `proto`'s memory order.
fn k_strides(proto: &Layout, shape: &[usize]) -> Strides {
    let mut perm: Vec<usize> = (0..shape.len()).collect();
    // Outermost first: larger |stride| first; `sort_by` is stable, so ties keep axis order.
    perm.sort_by(|&a, &b| {
        proto.strides()[b]
            .unsigned_abs()
            .cmp(&proto.strides()[a].unsigned_abs())
    });
    let mut strides: Strides = smallvec::smallvec![0; shape.len()];
    let mut acc = 1isize;
    for &ax in perm.iter().rev() {
        strides[ax] = acc;
        acc *= shape[ax].max(1) as isize;
    }
    strides
}

/// Writes `value` (already of the array's dtype) to every element of a fresh array.
pub(crate) fn fill_value<T: Element>(a: &mut Array, value: T) -> Result<()> {
    let out = memory_slice_mut::<T>(a)?;
    par_fill(out, move |_| value);
    Ok(())
}

/// Fills a fresh array with a scalar of any dtype, converted as `np.full` converts its value.
pub(crate) fn fill_scalar(a: &mut Array, value: Scalar) -> Result<()> {
    let value = convert_fill(value, a.dtype())?;
    crate::dispatch_scalar!(value, v => fill_value(a, v))
}

/// NumPy's conversion of a fill value (`copyto(out, value, casting='unsafe')`): integers and
/// booleans act as Python ints and must fit the dtype; other values are cast as `astype` casts
/// them, complex to real keeping the real part.
fn convert_fill(value: Scalar, dtype: DType) -> Result<Scalar> {
    if value.dtype() == dtype {
        Ok(value)
    } else if value.dtype().is_integer() || value.dtype() == DType::Bool {
        value.coerce(dtype)
    } else {
        value.cast_with(dtype, Casting::Unsafe)
    }
}
