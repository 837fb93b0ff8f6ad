//! `average`: the (weighted) mean, with NumPy's checks on the weights' shape.

use super::axes::Axes;
use super::sum::{mean, sum};
use crate::array::Array;
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::promote::promote_types;

/// The weighted average over the given axes (`np.average(a, axis, weights)`); without weights it
/// is [`mean`](crate::mean). Weights have `a`'s shape, or (with `axis`) the shape of the reduced
/// axes in the order given. Integer and boolean inputs average in at least float64.
///
/// Errors as NumPy's: "Axis must be specified when shapes of a and weights differ.", "Shape of
/// weights must be consistent with shape of a along specified axis.", "Weights sum to zero,
/// can't be normalized".
///
/// ```
/// use numox::{array, average};
/// let a = array![[1.0, 2.0], [3.0, 4.0]];
/// let w = array![3.0, 1.0];
/// let r = average(&a, 1, Some(&w)).unwrap();
/// assert_eq!(r.to_vec::<f64>().unwrap(), vec![1.25, 3.25]);
/// assert_eq!(average(&a, None, None).unwrap().item_as::<f64>().unwrap(), 2.5);
/// ```
pub fn average(a: &Array, axis: impl Into<Axes>, weights: Option<&Array>) -> Result<Array> {
    Ok(average_returned(a, axis, weights)?.0)
}

/// [`average`] with the sum of the weights (NumPy's `returned=True`), broadcast to the
/// average's shape.
///
/// ```
/// let a = numox::array![1.0, 2.0, 4.0];
/// let (avg, scl) = numox::average_returned(&a, None, Some(&numox::array![1.0, 1.0, 2.0])).unwrap();
/// assert_eq!(avg.item_as::<f64>().unwrap(), 2.75);
/// assert_eq!(scl.item_as::<f64>().unwrap(), 4.0);
/// ```
pub fn average_returned(
    a: &Array,
    axis: impl Into<Axes>,
    weights: Option<&Array>,
) -> Result<(Array, Array)> {
    let axes: Axes = axis.into();
    // NumPy's normalize_axis_tuple(axis, ndim, argname="axis") words these errors its way.
    if let Err(e) = axes.resolve(a.ndim()) {
        return Err(match e {
            Error::Value(_) => Error::Value("repeated axis in `axis` argument".into()),
            other => Error::Value(format!("axis: {other}")),
        });
    }
    let Some(w) = weights else {
        let avg = mean(a, &axes)?;
        if avg.size() == 0 {
            // NumPy's `a.size / avg.size` in Python.
            return Err(Error::Value("division by zero".into()));
        }
        let scl = (a.size() as f64 / avg.size() as f64).into_array(avg.dtype())?;
        let scl = scl.broadcast_to(avg.shape())?.copy();
        return Ok((avg, scl));
    };
    let mut wgt = w.clone();
    if a.shape() != w.shape() {
        let Some(given) = axes.given() else {
            return Err(Error::DType(
                "Axis must be specified when shapes of a and weights differ.".into(),
            ));
        };
        let norm: Vec<usize> = given
            .iter()
            .map(|&g| crate::layout::normalize_axis(g, a.ndim()))
            .collect::<Result<_>>()?;
        let want: Vec<usize> = norm.iter().map(|&ax| a.shape()[ax]).collect();
        if w.shape() != want.as_slice() {
            return Err(Error::Value(
                "Shape of weights must be consistent with shape of a along specified axis.".into(),
            ));
        }
        let mut order: Vec<isize> = (0..norm.len() as isize).collect();
        order.sort_by_key(|&k| norm[k as usize]);
        let shape: Vec<isize> = (0..a.ndim())
            .map(|ax| {
                if norm.contains(&ax) {
                    a.shape()[ax] as isize
                } else {
                    1
                }
            })
            .collect();
        wgt = wgt.permute_axes(&order)?.reshape(&shape)?;
    }
    let rd = if a.dtype().is_integer() || a.dtype() == DType::Bool {
        promote_types(promote_types(a.dtype(), w.dtype())?, DType::Float64)?
    } else {
        promote_types(a.dtype(), w.dtype())?
    };
    let wgt = wgt.astype(rd)?;
    let scl = sum(&wgt, &axes)?;
    if crate::any(&crate::equal(&scl, 0.0)?, None)?.item_as::<bool>()? {
        return Err(Error::Value(
            "Weights sum to zero, can't be normalized".into(),
        ));
    }
    let prod = crate::multiply(&a.astype(rd)?, &wgt)?;
    let avg = crate::divide(&sum(&prod, &axes)?, &scl)?;
    let scl = if scl.shape() != avg.shape() {
        scl.broadcast_to(avg.shape())?.copy()
    } else {
        scl
    };
    Ok((avg, scl))
}

/// A float as a 0-d array of `dtype`.
trait IntoArray {
    fn into_array(self, dtype: DType) -> Result<Array>;
}
impl IntoArray for f64 {
    fn into_array(self, dtype: DType) -> Result<Array> {
        Array::scalar(self).astype(dtype)
    }
}
