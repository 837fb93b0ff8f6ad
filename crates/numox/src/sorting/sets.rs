//! Set operations on flattened arrays, as NumPy composes them from `unique` and sorting:
//! `isin`, `intersect1d`, `union1d`, `setdiff1d`, `setxor1d`. Two inputs are compared in their
//! common dtype; equality is NumPy's `==` (NaN equals nothing, -0.0 equals 0.0).

use super::order::SortElem;
use super::search::typed;
use super::sort::{argsort_lane, sort_lane};
use super::unique::unique_vec;
use crate::array::Array;
use crate::error::Result;
use crate::index::Idx;
use crate::layout::Order;
use crate::manip::ravel;
use crate::promote::promote_types;

/// NumPy's `a == b` on sorted neighbours.
#[inline(always)]
fn eq<T: SortElem>(a: T, b: T) -> bool {
    !a.is_nan() && T::cmp_np(a, b).is_eq()
}

/// The flat elements of `a` as `T`.
fn flat<T: SortElem>(a: &Array) -> Result<Vec<T>> {
    typed::<T>(&ravel(a, Order::C))
}

/// The distinct sorted values of `v` (NaNs as one), or `v` itself when it is known unique.
fn uniq<T: SortElem>(v: Vec<T>, assume_unique: bool) -> Vec<T> {
    if assume_unique {
        v
    } else {
        unique_vec(v, false, false, true).values
    }
}

/// Whether each element of `element` occurs in `test_elements` (`np.isin(element,
/// test_elements, assume_unique, invert)`), as bool of `element`'s shape; `invert` negates.
/// `assume_unique` is a promise NumPy uses for speed; the result is the same.
///
/// ```
/// use numox::{array, isin};
/// let m = isin(&array![[1, 5], [3, 2]], &array![2.0, 3.0, f64::NAN], false, false).unwrap();
/// assert_eq!(m.to_vec::<bool>().unwrap(), vec![false, false, true, true]);
/// let nan = isin(&array![f64::NAN], &array![f64::NAN], false, true).unwrap();
/// assert_eq!(nan.to_vec::<bool>().unwrap(), vec![true]);
/// ```
pub fn isin(
    element: &Array,
    test_elements: &Array,
    assume_unique: bool,
    invert: bool,
) -> Result<Array> {
    let _ = assume_unique;
    let dt = promote_types(element.dtype(), test_elements.dtype())?;
    let found = crate::dispatch_dtype!(dt, T => {
        let mut test = flat::<T>(test_elements)?;
        sort_lane(&mut test, true);
        let e = flat::<T>(element)?;
        e.iter()
            .map(|&x| {
                let i = test.partition_point(|&y| T::less(y, x));
                (i < test.len() && eq(test[i], x)) != invert
            })
            .collect::<Vec<bool>>()
    });
    Array::from_shape_vec(element.shape(), found)
}

/// The intersection as NumPy computes it, with the first indices in each input when asked.
fn intersect<T: SortElem>(
    a: Vec<T>,
    b: Vec<T>,
    assume_unique: bool,
    with_idx: bool,
) -> (Vec<T>, Vec<i64>, Vec<i64>) {
    let part = |v: Vec<T>| {
        if assume_unique {
            let idx = (0..v.len() as i64).collect();
            (v, idx)
        } else {
            let p = unique_vec(v, with_idx, false, true);
            (p.values, p.index)
        }
    };
    let (a, ia) = part(a);
    let (b, ib) = part(b);
    let n1 = a.len() as i64;
    let mut aux = a;
    aux.extend(b);
    let order = if with_idx {
        let mut order = vec![0i64; aux.len()];
        argsort_lane(&aux, &mut order, true);
        aux = order.iter().map(|&i| aux[i as usize]).collect();
        order
    } else {
        sort_lane(&mut aux, true);
        Vec::new()
    };
    let (mut vals, mut i1, mut i2) = (Vec::new(), Vec::new(), Vec::new());
    for i in 1..aux.len() {
        if eq(aux[i], aux[i - 1]) {
            vals.push(aux[i - 1]);
            if with_idx {
                i1.push(ia[order[i - 1] as usize]);
                i2.push(ib[(order[i] - n1) as usize]);
            }
        }
    }
    (vals, i1, i2)
}

/// The sorted values found in both inputs (`np.intersect1d(a, b, assume_unique)`), in their
/// common dtype; NaN is never in it.
///
/// ```
/// use numox::{array, intersect1d};
/// let r = intersect1d(&array![3, 1, 2, 3], &array![3.0, 1.0, 5.0], false).unwrap();
/// assert_eq!(r.to_vec::<f64>().unwrap(), vec![1.0, 3.0]);
/// ```
pub fn intersect1d(a: &Array, b: &Array, assume_unique: bool) -> Result<Array> {
    let dt = promote_types(a.dtype(), b.dtype())?;
    crate::dispatch_dtype!(dt, T => {
        let (v, _, _) = intersect::<T>(flat(a)?, flat(b)?, assume_unique, false);
        Ok(Array::from_vec(v))
    })
}

/// [`intersect1d`] with `return_indices=True`: the values, and the flat index of each value's
/// first occurrence in `a` and in `b` (int64).
///
/// ```
/// use numox::{array, intersect1d_indices};
/// let (v, ia, ib) = intersect1d_indices(&array![5, 1, 5], &array![1, 5], false).unwrap();
/// assert_eq!(v.to_vec::<i64>().unwrap(), vec![1, 5]);
/// assert_eq!(ia.to_vec::<i64>().unwrap(), vec![1, 0]);
/// assert_eq!(ib.to_vec::<i64>().unwrap(), vec![0, 1]);
/// ```
pub fn intersect1d_indices(
    a: &Array,
    b: &Array,
    assume_unique: bool,
) -> Result<(Array, Array, Array)> {
    let dt = promote_types(a.dtype(), b.dtype())?;
    crate::dispatch_dtype!(dt, T => {
        let (v, i1, i2) = intersect::<T>(flat(a)?, flat(b)?, assume_unique, true);
        Ok((Array::from_vec(v), Array::from_vec(i1), Array::from_vec(i2)))
    })
}

/// The sorted values in either input (`np.union1d(a, b)`), in their common dtype.
///
/// ```
/// use numox::{array, union1d};
/// let r = union1d(&array![3, 1], &array![[2, 3]]).unwrap();
/// assert_eq!(r.to_vec::<i64>().unwrap(), vec![1, 2, 3]);
/// ```
pub fn union1d(a: &Array, b: &Array) -> Result<Array> {
    let dt = promote_types(a.dtype(), b.dtype())?;
    crate::dispatch_dtype!(dt, T => {
        let mut v = flat::<T>(a)?;
        v.extend(flat::<T>(b)?);
        Ok(Array::from_vec(uniq(v, false)))
    })
}

/// The sorted distinct values of `a` that are not in `b` (`np.setdiff1d(a, b,
/// assume_unique)`), in `a`'s dtype; with `assume_unique`, `a`'s values in their order.
///
/// ```
/// use numox::{array, setdiff1d};
/// let r = setdiff1d(&array![5, 1, 3, 1], &array![3, 4], false).unwrap();
/// assert_eq!(r.to_vec::<i64>().unwrap(), vec![1, 5]);
/// ```
pub fn setdiff1d(a: &Array, b: &Array, assume_unique: bool) -> Result<Array> {
    let (a1, b1) = if assume_unique {
        (ravel(a, Order::C), ravel(b, Order::C))
    } else {
        (super::unique(a)?, super::unique(b)?)
    };
    let keep = isin(&a1, &b1, true, true)?;
    a1.index(&[Idx::Array(keep)])
}

/// The sorted values in exactly one of the inputs (`np.setxor1d(a, b, assume_unique)`), in
/// their common dtype.
///
/// ```
/// use numox::{array, setxor1d};
/// let r = setxor1d(&array![1, 2, 3], &array![2, 3, 4, 4], false).unwrap();
/// assert_eq!(r.to_vec::<i64>().unwrap(), vec![1, 4]);
/// ```
pub fn setxor1d(a: &Array, b: &Array, assume_unique: bool) -> Result<Array> {
    let dt = promote_types(a.dtype(), b.dtype())?;
    crate::dispatch_dtype!(dt, T => {
        let mut aux = uniq(flat::<T>(a)?, assume_unique);
        aux.extend(uniq(flat::<T>(b)?, assume_unique));
        sort_lane(&mut aux, true);
        let n = aux.len();
        let out: Vec<T> = (0..n)
            .filter(|&i| (i == 0 || !eq(aux[i], aux[i - 1])) && (i + 1 == n || !eq(aux[i + 1], aux[i])))
            .map(|i| aux[i])
            .collect();
        Ok(Array::from_vec(out))
    })
}
