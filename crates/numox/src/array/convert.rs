//! Conversions from Rust values: vectors, nested fixed-size arrays (the `array!` macro), nested
//! vectors (checked for a rectangular shape).

use super::Array;
use crate::dtype::Element;
use crate::error::{Error, Result};
use half::{bf16, f16};
use num_complex::{Complex32, Complex64};

/// A leaf value of a nested literal. Unsuffixed integer literals are `i32` in Rust; as NumPy
/// makes Python ints `int64`, an `i32` leaf is stored as `int64`. Every other type keeps its
/// dtype.
///
/// ```
/// use numox::array::Leaf;
/// assert_eq!(<i32 as Leaf>::leaf(3), 3i64);
/// ```
pub trait Leaf: Copy {
    /// The element type the value is stored as.
    type Elem: Element;
    /// Converts the value.
    fn leaf(self) -> Self::Elem;
}

macro_rules! leaf_same {
    ($($t:ty),*) => {$(
        impl Leaf for $t {
            type Elem = $t;
            #[inline]
            fn leaf(self) -> $t { self }
        }
    )*};
}
leaf_same!(bool, i8, i16, i64, u8, u16, u32, u64, f16, bf16, f32, f64, Complex32, Complex64);

impl Leaf for i32 {
    type Elem = i64;
    #[inline]
    fn leaf(self) -> i64 {
        self as i64
    }
}

/// A rectangular nested literal: a leaf, or a fixed-size Rust array of them. Rectangular by
/// construction, so converting it cannot fail.
///
/// ```
/// use numox::array::Nested;
/// let x = [[1.0, 2.0], [3.0, 4.0]];
/// assert_eq!(Nested::shape(&x), vec![2, 2]);
/// ```
pub trait Nested {
    /// The element type.
    type Elem: Element;
    /// The shape of the literal.
    fn shape(&self) -> Vec<usize>;
    /// Appends the leaves in C order.
    fn flatten_into(&self, out: &mut Vec<Self::Elem>);
}

impl<L: Leaf> Nested for L {
    type Elem = L::Elem;
    fn shape(&self) -> Vec<usize> {
        Vec::new()
    }
    fn flatten_into(&self, out: &mut Vec<L::Elem>) {
        out.push(self.leaf());
    }
}

impl<T: Nested, const N: usize> Nested for [T; N] {
    type Elem = T::Elem;
    fn shape(&self) -> Vec<usize> {
        let mut s = vec![N];
        // An empty literal has no children to ask; NumPy gives shape (0,) for `[]`.
        if let Some(first) = self.first() {
            s.extend(first.shape());
        }
        s
    }
    fn flatten_into(&self, out: &mut Vec<T::Elem>) {
        for x in self {
            x.flatten_into(out);
        }
    }
}

impl Array {
    /// An array from a nested fixed-size literal (what [`array!`](crate::array!) expands to).
    ///
    /// ```
    /// let a = numox::Array::from_nested([[1u8, 2, 3], [4, 5, 6]]);
    /// assert_eq!(a.shape(), &[2, 3]);
    /// let s = numox::Array::from_nested(2.5f64);
    /// assert_eq!(s.ndim(), 0);
    /// ```
    pub fn from_nested<N: Nested>(x: N) -> Array {
        let shape = x.shape();
        let mut v = Vec::with_capacity(shape.iter().product());
        x.flatten_into(&mut v);
        let layout = crate::layout::Layout::contiguous(&shape);
        let a = Array::from_vec(v);
        a.with_layout_owned(layout)
    }

    /// An array from nested vectors (`np.array(list_of_lists)`), which must be rectangular.
    ///
    /// ```
    /// use numox::Array;
    /// let a = Array::from_vec2(vec![vec![1.0, 2.0], vec![3.0, 4.0]]).unwrap();
    /// assert_eq!(a.shape(), &[2, 2]);
    /// let e = Array::from_vec2(vec![vec![1.0], vec![3.0, 4.0]]).unwrap_err();
    /// assert!(e.to_string().starts_with("setting an array element with a sequence"));
    /// ```
    pub fn from_vec2<T: Element>(rows: Vec<Vec<T>>) -> Result<Array> {
        let ncols = rows.first().map_or(0, |r| r.len());
        if rows.iter().any(|r| r.len() != ncols) {
            return Err(Error::Value(
                "setting an array element with a sequence. The requested array has an inhomogeneous shape after 1 dimensions. The detected shape was (".to_string()
                    + &rows.len().to_string()
                    + ",) + inhomogeneous part.",
            ));
        }
        let nrows = rows.len();
        let flat: Vec<T> = rows.into_iter().flatten().collect();
        Array::from_shape_vec(&[nrows, ncols], flat)
    }

    /// Replaces the layout of a freshly built contiguous array (same element count).
    fn with_layout_owned(self, layout: crate::layout::Layout) -> Array {
        Array { layout, ..self }
    }
}

impl<T: Element> From<Vec<T>> for Array {
    /// ```
    /// let a: numox::Array = vec![1.0f64, 2.0].into();
    /// assert_eq!(a.shape(), &[2]);
    /// ```
    fn from(v: Vec<T>) -> Array {
        Array::from_vec(v)
    }
}

impl<T: Element> From<&[T]> for Array {
    /// ```
    /// let a: numox::Array = (&[1u8, 2, 3][..]).into();
    /// assert_eq!(a.size(), 3);
    /// ```
    fn from(v: &[T]) -> Array {
        Array::from_slice(v)
    }
}

/// Builds an [`Array`] from a nested literal, as `np.array([...])`.
///
/// Unsuffixed integers become `int64` and unsuffixed floats `float64`, as in NumPy; a suffix picks
/// another dtype (`1u8`, `2.0f32`). Rows must have equal lengths (Rust checks this at compile time).
///
/// ```
/// use numox::{array, DType};
/// let a = array![[1.0, 2.0], [3.0, 4.0]];
/// assert_eq!((a.shape(), a.dtype()), (&[2usize, 2][..], DType::Float64));
/// let b = array![1, 2, 3];
/// assert_eq!(b.dtype(), DType::Int64);
/// let c = array![[[true, false]]];
/// assert_eq!(c.shape(), &[1, 1, 2]);
/// ```
#[macro_export]
macro_rules! array {
    ($($x:expr),+ $(,)?) => {
        $crate::Array::from_nested([$($x),+])
    };
}
