//! Index items ([`Idx`]) and the [`s!`](crate::s) macro that builds a list of them.

use crate::array::Array;
use std::ops::{Range, RangeFrom, RangeFull, RangeInclusive, RangeTo, RangeToInclusive};

/// One item of an index, as one entry of NumPy's index tuple `a[i, 1:3, None, ..., idx]`.
///
/// Integers and slices select without copying; [`Idx::Array`] holds an integer array (fancy
/// indexing) or a boolean array (a mask), which make the result a copy. Lists of items are
/// usually built with [`s!`](crate::s), or at run time as a `Vec<Idx>`.
///
/// ```
/// use numox::{array, index::Idx};
/// let a = array![[1, 2, 3], [4, 5, 6]];
/// let items = vec![Idx::Int(-1), Idx::slice(None, None, -1)];
/// assert_eq!(a.index(&items).unwrap().to_vec::<i64>().unwrap(), vec![6, 5, 4]);
/// ```
#[derive(Clone)]
pub enum Idx {
    /// One position along an axis (negative counts from the end); removes the axis.
    Int(isize),
    /// `start:stop:step` with Python's rules (`None` bounds are the ends for the step's sign).
    Slice {
        /// First position, or `None`.
        start: Option<isize>,
        /// Position not reached, or `None`.
        stop: Option<isize>,
        /// Distance between positions; nonzero, negative walks backwards.
        step: isize,
    },
    /// A new axis of length 1 (`np.newaxis`, `None`).
    NewAxis,
    /// As many full slices as the other items leave axes (`...`).
    Ellipsis,
    /// An integer array (fancy index) or a boolean array (mask).
    Array(Array),
}

impl std::fmt::Debug for Idx {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Idx::Int(i) => write!(f, "Int({i})"),
            Idx::Slice { start, stop, step } => write!(f, "Slice({start:?}, {stop:?}, {step})"),
            Idx::NewAxis => write!(f, "NewAxis"),
            Idx::Ellipsis => write!(f, "Ellipsis"),
            Idx::Array(a) => write!(f, "Array({:?}, {})", a.shape(), a.dtype()),
        }
    }
}

impl Idx {
    /// The slice `start:stop:step`.
    ///
    /// ```
    /// use numox::{array, index::Idx};
    /// let a = array![0, 1, 2, 3, 4];
    /// let r = a.index(&[Idx::slice(Some(1), None, 2)]).unwrap();
    /// assert_eq!(r.to_vec::<i64>().unwrap(), vec![1, 3]);
    /// ```
    pub fn slice(start: Option<isize>, stop: Option<isize>, step: isize) -> Idx {
        Idx::Slice { start, stop, step }
    }

    /// The full slice `:`.
    ///
    /// ```
    /// assert!(matches!(numox::index::Idx::full(), numox::index::Idx::Slice { step: 1, .. }));
    /// ```
    pub fn full() -> Idx {
        Idx::slice(None, None, 1)
    }

    /// A range with a step (`s![a..b;step]`): the range's bounds with `step`.
    ///
    /// ```
    /// use numox::index::Idx;
    /// assert!(matches!(Idx::stepped(1.., -2), Idx::Slice { start: Some(1), stop: None, step: -2 }));
    /// ```
    pub fn stepped(range: impl IntoSlice, step: isize) -> Idx {
        let (start, stop) = range.bounds();
        Idx::Slice { start, stop, step }
    }

    /// True for the items that make a copy (arrays).
    ///
    /// ```
    /// assert!(!numox::index::Idx::Int(0).is_advanced());
    /// ```
    pub fn is_advanced(&self) -> bool {
        matches!(self, Idx::Array(_))
    }
}

/// The marker for a new axis (NumPy's `np.newaxis`) in [`s!`](crate::s).
///
/// ```
/// use numox::{array, s, NewAxis};
/// assert_eq!(array![1, 2].index(&s![NewAxis, ..]).unwrap().shape(), &[1, 2]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NewAxis;

/// The marker for `...` in [`s!`](crate::s) (`s![...]` works too).
///
/// ```
/// use numox::{array, s, Ellipsis};
/// let a = array![[1, 2], [3, 4]];
/// assert_eq!(a.index(&s![Ellipsis, 0]).unwrap().to_vec::<i64>().unwrap(), vec![1, 3]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ellipsis;

impl From<NewAxis> for Idx {
    fn from(_: NewAxis) -> Idx {
        Idx::NewAxis
    }
}

impl From<Ellipsis> for Idx {
    fn from(_: Ellipsis) -> Idx {
        Idx::Ellipsis
    }
}

impl From<Array> for Idx {
    fn from(a: Array) -> Idx {
        Idx::Array(a)
    }
}

impl From<&Array> for Idx {
    fn from(a: &Array) -> Idx {
        Idx::Array(a.clone())
    }
}

/// A Rust range read as the bounds of a slice (`1..3`, `..`, `2..`, `..=4`).
///
/// ```
/// use numox::index::IntoSlice;
/// assert_eq!((1..3).bounds(), (Some(1), Some(3)));
/// assert_eq!((..).bounds(), (None, None));
/// assert_eq!((-3..).bounds(), (Some(-3), None));
/// ```
pub trait IntoSlice {
    /// `(start, stop)` of the slice.
    fn bounds(self) -> (Option<isize>, Option<isize>);
}

impl IntoSlice for RangeFull {
    fn bounds(self) -> (Option<isize>, Option<isize>) {
        (None, None)
    }
}

impl From<RangeFull> for Idx {
    fn from(r: RangeFull) -> Idx {
        Idx::stepped(r, 1)
    }
}

/// An inclusive end `..=-1` means "to the end" (Python has no inclusive bound).
fn inclusive_stop(end: isize) -> Option<isize> {
    if end == -1 {
        None
    } else {
        Some(end + 1)
    }
}

macro_rules! int_items {
    ($($t:ty),*) => {$(
        impl From<$t> for Idx {
            fn from(i: $t) -> Idx {
                Idx::Int(i as isize)
            }
        }
        impl IntoSlice for Range<$t> {
            fn bounds(self) -> (Option<isize>, Option<isize>) {
                (Some(self.start as isize), Some(self.end as isize))
            }
        }
        impl IntoSlice for RangeFrom<$t> {
            fn bounds(self) -> (Option<isize>, Option<isize>) {
                (Some(self.start as isize), None)
            }
        }
        impl IntoSlice for RangeTo<$t> {
            fn bounds(self) -> (Option<isize>, Option<isize>) {
                (None, Some(self.end as isize))
            }
        }
        impl IntoSlice for RangeInclusive<$t> {
            fn bounds(self) -> (Option<isize>, Option<isize>) {
                (Some(*self.start() as isize), inclusive_stop(*self.end() as isize))
            }
        }
        impl IntoSlice for RangeToInclusive<$t> {
            fn bounds(self) -> (Option<isize>, Option<isize>) {
                (None, inclusive_stop(self.end as isize))
            }
        }
        impl From<Range<$t>> for Idx {
            fn from(r: Range<$t>) -> Idx { Idx::stepped(r, 1) }
        }
        impl From<RangeFrom<$t>> for Idx {
            fn from(r: RangeFrom<$t>) -> Idx { Idx::stepped(r, 1) }
        }
        impl From<RangeTo<$t>> for Idx {
            fn from(r: RangeTo<$t>) -> Idx { Idx::stepped(r, 1) }
        }
        impl From<RangeInclusive<$t>> for Idx {
            fn from(r: RangeInclusive<$t>) -> Idx { Idx::stepped(r, 1) }
        }
        impl From<RangeToInclusive<$t>> for Idx {
            fn from(r: RangeToInclusive<$t>) -> Idx { Idx::stepped(r, 1) }
        }
    )*};
}
int_items!(isize, i32, i64, usize);

/// Builds an index (a `Vec<`[`Idx`]`>`) the way NumPy's subscript reads:
/// `s![.., 1..;2, NewAxis, -1]` is `a[:, 1::2, np.newaxis, -1]`.
///
/// Each item is an integer expression, a range (`a..b`, `a..`, `..b`, `..`, `a..=b`) optionally
/// followed by `;step`, [`NewAxis`](crate::NewAxis), `...` or [`Ellipsis`](crate::Ellipsis),
/// or an array (`&idx` or `idx`: an integer array for fancy indexing, a bool array as a mask).
///
/// ```
/// use numox::{arange, s, NewAxis};
/// let a = arange(0, 24, 1).unwrap().reshape(&[2, 3, 4]).unwrap();
/// let v = a.index(&s![.., 1..;2, NewAxis, -1]).unwrap();
/// assert_eq!(v.shape(), &[2, 1, 1]);
/// assert_eq!(v.to_vec::<i64>().unwrap(), vec![7, 19]);
/// let r = a.index(&s![..;-1, ..., 0]).unwrap();
/// assert_eq!(r.to_vec::<i64>().unwrap(), vec![12, 16, 20, 0, 4, 8]);
/// let i = 2;
/// assert_eq!(a.index(&s![1, i, 3]).unwrap().item_as::<i64>().unwrap(), 23);
/// ```
#[macro_export]
macro_rules! s {
    (@items [$($acc:expr,)*]) => {
        ::std::vec![$($acc,)*]
    };
    (@items [$($acc:expr,)*] ... $(, $($rest:tt)*)?) => {
        $crate::s!(@items [$($acc,)* $crate::index::Idx::Ellipsis,] $($($rest)*)?)
    };
    (@items [$($acc:expr,)*] $r:expr ; $step:expr $(, $($rest:tt)*)?) => {
        $crate::s!(@items [$($acc,)* $crate::index::Idx::stepped($r, $step as isize),] $($($rest)*)?)
    };
    (@items [$($acc:expr,)*] $r:expr $(, $($rest:tt)*)?) => {
        $crate::s!(@items [$($acc,)* $crate::index::Idx::from($r),] $($($rest)*)?)
    };
    ($($t:tt)*) => {
        $crate::s!(@items [] $($t)*)
    };
}
