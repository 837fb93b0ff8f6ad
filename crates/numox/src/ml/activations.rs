//! Activation functions, written to stay finite for any finite input.

use super::as_float;
use crate::{Array, Axes, Result};

/// The logistic function `1 / (1 + exp(-x))` (`scipy.special.expit`), computed as
/// `exp(min(x, 0)) / (1 + exp(-|x|))` so that no `exp` overflows: large negative inputs give
/// tiny positive values rather than 0/inf trouble.
///
/// ```
/// let s = numox::ml::sigmoid(&numox::array![0.0, 1000.0, -1000.0]).unwrap();
/// assert_eq!(s.to_vec::<f64>().unwrap(), vec![0.5, 1.0, 0.0]);
/// ```
pub fn sigmoid(x: &Array) -> Result<Array> {
    let x = as_float(x)?;
    let e = crate::exp(&crate::negative(&crate::absolute(&x)?)?)?;
    let num = crate::exp(&crate::minimum(&x, 0.0)?)?;
    crate::divide(&num, &crate::add(&e, 1.0)?)
}

/// The rectifier `max(x, 0)` (`np.maximum(x, 0)`; NaN stays NaN). Keeps the dtype of float
/// input; integers stay integers.
///
/// ```
/// let r = numox::ml::relu(&numox::array![-2.0, 0.0, 3.5]).unwrap();
/// assert_eq!(r.to_vec::<f64>().unwrap(), vec![0.0, 0.0, 3.5]);
/// ```
pub fn relu(x: &Array) -> Result<Array> {
    crate::maximum(x, 0)
}

/// `x - max(x, axis)`, the shift that makes `exp` safe.
fn shifted(x: &Array, axis: isize) -> Result<Array> {
    let x = as_float(x)?;
    let m = crate::max(&x, Axes::from(axis).keepdims())?;
    // An all -inf (or NaN) slice has a non-finite maximum: subtract 0 there so that the result
    // is NaN-free where NumPy/SciPy give NaN only for NaN input.
    let m = crate::where_(&crate::isfinite(&m)?, &m, 0.0)?;
    crate::subtract(&x, &m)
}

/// `exp(x) / sum(exp(x))` along `axis` (`scipy.special.softmax(x, axis)`), with the maximum
/// subtracted first so that large logits do not overflow.
///
/// ```
/// let p = numox::ml::softmax(&numox::array![[1000.0, 1000.0], [0.0, f64::NEG_INFINITY]], 1).unwrap();
/// assert_eq!(p.to_vec::<f64>().unwrap(), vec![0.5, 0.5, 1.0, 0.0]);
/// assert!(numox::ml::softmax(&numox::array![1.0], 1).is_err()); // no axis 1
/// ```
pub fn softmax(x: &Array, axis: isize) -> Result<Array> {
    let e = crate::exp(&shifted(x, axis)?)?;
    let s = crate::sum(&e, Axes::from(axis).keepdims())?;
    crate::divide(&e, &s)
}

/// `log(softmax(x))` along `axis` (`scipy.special.log_softmax`), computed as
/// `x - max - log(sum(exp(x - max)))`: finite where `softmax` underflows to 0.
///
/// ```
/// let l = numox::ml::log_softmax(&numox::array![0.0, -1000.0], 0).unwrap();
/// assert_eq!(l.to_vec::<f64>().unwrap(), vec![0.0, -1000.0]);
/// ```
pub fn log_softmax(x: &Array, axis: isize) -> Result<Array> {
    let s = shifted(x, axis)?;
    let lse = crate::log(&crate::sum(&crate::exp(&s)?, Axes::from(axis).keepdims())?)?;
    crate::subtract(&s, &lse)
}
