//! `unique`: the sorted distinct elements, with the first index, the inverse and the count of
//! each.

use super::order::SortElem;
use super::search::typed;
use super::sort::{argsort_lane, sort_lane};
use crate::array::Array;
use crate::error::Result;
use crate::layout::Order;
use crate::manip::ravel;

/// The options of [`unique_with`], NumPy's `return_index=`, `return_inverse=`,
/// `return_counts=` and `equal_nan=` (true by default: every NaN is one value).
///
/// ```
/// use numox::UniqueOpts;
/// let o = UniqueOpts::new().return_counts(true);
/// assert!(o.equal_nan && o.return_counts && !o.return_index);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UniqueOpts {
    /// Also give the index of each value's first occurrence.
    pub return_index: bool,
    /// Also give, for each input element, the index of its value in the result.
    pub return_inverse: bool,
    /// Also give how often each value occurs.
    pub return_counts: bool,
    /// NaNs (complex: any NaN part) count as one value.
    pub equal_nan: bool,
}

impl Default for UniqueOpts {
    fn default() -> UniqueOpts {
        UniqueOpts {
            return_index: false,
            return_inverse: false,
            return_counts: false,
            equal_nan: true,
        }
    }
}

impl UniqueOpts {
    /// NumPy's defaults: nothing more than the values, NaNs equal.
    ///
    /// ```
    /// assert_eq!(numox::UniqueOpts::new(), numox::UniqueOpts::default());
    /// ```
    pub fn new() -> UniqueOpts {
        UniqueOpts::default()
    }

    /// Sets `return_index`.
    ///
    /// ```
    /// assert!(numox::UniqueOpts::new().return_index(true).return_index);
    /// ```
    pub fn return_index(mut self, on: bool) -> UniqueOpts {
        self.return_index = on;
        self
    }

    /// Sets `return_inverse`.
    ///
    /// ```
    /// assert!(numox::UniqueOpts::new().return_inverse(true).return_inverse);
    /// ```
    pub fn return_inverse(mut self, on: bool) -> UniqueOpts {
        self.return_inverse = on;
        self
    }

    /// Sets `return_counts`.
    ///
    /// ```
    /// assert!(numox::UniqueOpts::new().return_counts(true).return_counts);
    /// ```
    pub fn return_counts(mut self, on: bool) -> UniqueOpts {
        self.return_counts = on;
        self
    }

    /// Sets `equal_nan`.
    ///
    /// ```
    /// assert!(!numox::UniqueOpts::new().equal_nan(false).equal_nan);
    /// ```
    pub fn equal_nan(mut self, on: bool) -> UniqueOpts {
        self.equal_nan = on;
        self
    }
}

/// The result of [`unique_with`]: the values and whichever of the optional arrays were asked
/// for (all int64).
#[derive(Clone)]
pub struct Unique {
    /// The sorted distinct values (1-D, the input's dtype).
    pub values: Array,
    /// The flat index of each value's first occurrence.
    pub index: Option<Array>,
    /// For each input element, the index of its value in `values` (the input's shape, as
    /// NumPy 2 gives it).
    pub inverse: Option<Array>,
    /// How often each value occurs.
    pub counts: Option<Array>,
}

/// The typed parts of a unique: values, first indices, inverse, counts.
pub(crate) struct UniqueParts<T> {
    pub(crate) values: Vec<T>,
    pub(crate) index: Vec<i64>,
    pub(crate) inverse: Vec<i64>,
    pub(crate) counts: Vec<i64>,
}

/// True when sorted neighbours `a` and `b` are one value.
#[inline(always)]
fn same<T: SortElem>(a: T, b: T, equal_nan: bool) -> bool {
    if a.is_nan() && b.is_nan() {
        equal_nan
    } else {
        T::cmp_np(a, b).is_eq()
    }
}

/// The unique of a flat vector; `index` and `inverse` are filled only when `with_index` (they
/// need the stable order of the input), `counts` only when `with_counts`.
pub(crate) fn unique_vec<T: SortElem>(
    mut v: Vec<T>,
    with_index: bool,
    with_counts: bool,
    equal_nan: bool,
) -> UniqueParts<T> {
    let n = v.len();
    let mut parts = UniqueParts {
        values: Vec::new(),
        index: Vec::new(),
        inverse: Vec::new(),
        counts: Vec::new(),
    };
    if !with_index && !with_counts {
        // NumPy takes this path with a hash table: the NaN it keeps is the first in input order.
        let first_nan = if equal_nan && T::DTYPE.is_inexact() {
            v.iter().copied().find(|x| x.is_nan())
        } else {
            None
        };
        sort_lane(&mut v, true);
        v.dedup_by(|x, prev| same(*prev, *x, equal_nan));
        if let (Some(nan), Some(last)) = (first_nan, v.last_mut()) {
            *last = nan;
        }
        parts.values = v;
        return parts;
    }
    let order = if with_index {
        let mut order = vec![0i64; n];
        argsort_lane(&v, &mut order, true);
        v = order.iter().map(|&i| v[i as usize]).collect();
        parts.inverse = vec![0i64; n];
        order
    } else {
        sort_lane(&mut v, true);
        Vec::new()
    };
    let mut group = -1i64;
    for i in 0..n {
        let first = i == 0 || !same(v[i - 1], v[i], equal_nan);
        if first {
            group += 1;
            parts.values.push(v[i]);
            if with_index {
                parts.index.push(order[i]);
            }
            if with_counts {
                parts.counts.push(0);
            }
        }
        if with_index {
            parts.inverse[order[i] as usize] = group;
        }
        if with_counts {
            parts.counts[group as usize] += 1;
        }
    }
    parts
}

/// The sorted distinct elements of `a`, flattened (`np.unique(a)`); NaNs count as one value.
///
/// ```
/// use numox::{array, unique};
/// let u = unique(&array![[3, 1], [3, 2]]).unwrap();
/// assert_eq!(u.to_vec::<i64>().unwrap(), vec![1, 2, 3]);
/// ```
pub fn unique(a: &Array) -> Result<Array> {
    Ok(unique_with(a, UniqueOpts::new())?.values)
}

/// `np.unique(a, return_index=, return_inverse=, return_counts=, equal_nan=)` (axis=None).
///
/// ```
/// use numox::{array, unique_with, UniqueOpts};
/// let a = array![[2.0, f64::NAN], [2.0, f64::NAN]];
/// let u = unique_with(&a, UniqueOpts::new().return_inverse(true).return_counts(true)).unwrap();
/// assert_eq!(u.values.size(), 2);
/// assert_eq!(u.inverse.unwrap().shape(), &[2, 2]);
/// assert_eq!(u.counts.unwrap().to_vec::<i64>().unwrap(), vec![2, 2]);
/// assert!(u.index.is_none());
/// ```
pub fn unique_with(a: &Array, opts: UniqueOpts) -> Result<Unique> {
    let with_index = opts.return_index || opts.return_inverse;
    crate::dispatch_dtype!(a.dtype(), T => {
        let flat = ravel(a, Order::C);
        let v = typed::<T>(&flat)?;
        let p = unique_vec(v, with_index, opts.return_counts, opts.equal_nan);
        let vec1 = |x: Vec<i64>| Array::from_vec(x);
        Ok(Unique {
            values: Array::from_vec(p.values),
            index: opts.return_index.then(|| vec1(p.index.clone())),
            inverse: if opts.return_inverse {
                Some(Array::from_shape_vec(a.shape(), p.inverse)?)
            } else {
                None
            },
            counts: opts.return_counts.then(|| vec1(p.counts)),
        })
    })
}
