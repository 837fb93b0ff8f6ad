//! `np.diff`: n-th discrete differences along an axis, with optional prepend/append.

use crate::array::Array;
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::layout::normalize_axis;
use crate::manip::concatenate;

/// `np.diff(a, n, axis)`: `a[1:] - a[:-1]` along `axis`, `n` times. Booleans give
/// `a[1:] != a[:-1]`; integers wrap as NumPy's subtraction does. `n = 0` returns the input.
///
/// ```
/// use numox::{array, diff};
/// let d = diff(&array![1, 4, 9, 16], 1, -1).unwrap();
/// assert_eq!(d.to_vec::<i64>().unwrap(), vec![3, 5, 7]);
/// assert_eq!(diff(&array![1, 4, 9, 16], 2, 0).unwrap().to_vec::<i64>().unwrap(), vec![2, 2]);
/// assert_eq!(
///     diff(&array![1, 2], -1, 0).unwrap_err().to_string(),
///     "order must be non-negative but got -1"
/// );
/// ```
pub fn diff(a: &Array, n: isize, axis: isize) -> Result<Array> {
    diff_with(a, n, axis, None, None)
}

/// `np.diff(a, n, axis, prepend=..., append=...)`: the values joined before and after `a` along
/// `axis` first (a 0-d value is broadcast to one slice).
///
/// ```
/// use numox::{array, diff_with, Array};
/// let d = diff_with(&array![1.0, 3.0], 1, 0, Some(&Array::scalar(0.0)), None).unwrap();
/// assert_eq!(d.to_vec::<f64>().unwrap(), vec![1.0, 2.0]);
/// assert_eq!(
///     diff_with(&Array::scalar(1.0), 1, 0, None, None).unwrap_err().to_string(),
///     "diff requires input that is at least one dimensional"
/// );
/// ```
pub fn diff_with(
    a: &Array,
    n: isize,
    axis: isize,
    prepend: Option<&Array>,
    append: Option<&Array>,
) -> Result<Array> {
    if n == 0 {
        return Ok(a.clone());
    }
    if n < 0 {
        return Err(Error::Value(format!(
            "order must be non-negative but got {n}"
        )));
    }
    if a.ndim() == 0 {
        return Err(Error::Value(
            "diff requires input that is at least one dimensional".into(),
        ));
    }
    let ax = normalize_axis(axis, a.ndim())?;
    let edge = |v: &Array| -> Result<Array> {
        if v.ndim() == 0 {
            let mut shape = a.shape().to_vec();
            shape[ax] = 1;
            v.broadcast_to(&shape)
        } else {
            Ok(v.clone())
        }
    };
    let mut cur = if prepend.is_some() || append.is_some() {
        let mut parts = Vec::new();
        if let Some(p) = prepend {
            parts.push(edge(p)?);
        }
        parts.push(a.clone());
        if let Some(p) = append {
            parts.push(edge(p)?);
        }
        let refs: Vec<&Array> = parts.iter().collect();
        concatenate(&refs, Some(ax as isize))?
    } else {
        a.clone()
    };
    let axi = ax as isize;
    for _ in 0..n {
        let hi = cur.slice_axis(axi, Some(1), None, 1)?;
        let lo = cur.slice_axis(axi, None, Some(-1), 1)?;
        cur = if cur.dtype() == DType::Bool {
            crate::not_equal(&hi, &lo)?
        } else {
            crate::subtract(&hi, &lo)?
        };
    }
    Ok(cur)
}
