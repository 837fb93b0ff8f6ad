//! Costs: regression errors and cross-entropies, the latter also in the stable forms that take
//! logits (no `log(0)`, no overflow in `exp`).

use super::{as_float, check_same_len};
use crate::{Array, DType, Error, Result};

/// Same shape, not empty, float: the checks every loss makes.
fn pair(y_true: &Array, y_pred: &Array) -> Result<(Array, Array)> {
    check_same_len(y_true, y_pred)?;
    if y_true.shape() != y_pred.shape() {
        return Err(Error::Value(format!(
            "y_true and y_pred have different shapes: {:?} and {:?}",
            y_true.shape(),
            y_pred.shape()
        )));
    }
    super::check_nonempty(y_true)?;
    Ok((as_float(y_true)?, as_float(y_pred)?))
}

fn mean_f64(a: &Array) -> Result<f64> {
    crate::mean(a, None)?.item_as::<f64>()
}

/// Mean squared error `mean((y_true - y_pred)²)` (`sklearn.metrics.mean_squared_error`).
///
/// ```
/// let l = numox::ml::mse(&numox::array![1.0, 2.0], &numox::array![1.0, 4.0]).unwrap();
/// assert_eq!(l, 2.0);
/// assert!(numox::ml::mse(&numox::array![1.0], &numox::array![1.0, 2.0]).is_err());
/// ```
pub fn mse(y_true: &Array, y_pred: &Array) -> Result<f64> {
    let (t, p) = pair(y_true, y_pred)?;
    mean_f64(&crate::square(&crate::subtract(&t, &p)?)?)
}

/// Mean absolute error `mean(|y_true - y_pred|)` (`sklearn.metrics.mean_absolute_error`).
///
/// ```
/// let l = numox::ml::mae(&numox::array![1.0, 2.0], &numox::array![2.0, 4.0]).unwrap();
/// assert_eq!(l, 1.5);
/// ```
pub fn mae(y_true: &Array, y_pred: &Array) -> Result<f64> {
    let (t, p) = pair(y_true, y_pred)?;
    mean_f64(&crate::absolute(&crate::subtract(&t, &p)?)?)
}

/// Binary cross-entropy of probabilities, `-mean(y log p + (1 - y) log(1 - p))`, with `p`
/// clipped to `[eps, 1 - eps]` (`eps` = float64's machine epsilon) as
/// `sklearn.metrics.log_loss` clips it, so that a confident wrong answer costs a large finite
/// amount instead of infinity. Prefer [`binary_cross_entropy_with_logits`] in training.
///
/// ```
/// let l = numox::ml::binary_cross_entropy(&numox::array![1.0, 0.0], &numox::array![0.5, 0.5]).unwrap();
/// assert!((l - std::f64::consts::LN_2).abs() < 1e-15);
/// ```
pub fn binary_cross_entropy(y_true: &Array, p: &Array) -> Result<f64> {
    let (y, p) = pair(y_true, p)?;
    let eps = f64::EPSILON;
    let p = crate::clip(&p, Some(eps.into()), Some((1.0 - eps).into()))?;
    let pos = crate::multiply(&y, &crate::log(&p)?)?;
    let neg = crate::multiply(
        &crate::subtract(1.0, &y)?,
        &crate::log(&crate::subtract(1.0, &p)?)?,
    )?;
    Ok(-mean_f64(&crate::add(&pos, &neg)?)?)
}

/// Binary cross-entropy from logits `z` (the inputs of the sigmoid):
/// `mean(max(z, 0) - z y + log1p(exp(-|z|)))`, exact and finite for any finite `z`
/// (PyTorch's `BCEWithLogitsLoss`).
///
/// ```
/// let l = numox::ml::binary_cross_entropy_with_logits(
///     &numox::array![1.0, 0.0], &numox::array![0.0, 0.0]).unwrap();
/// assert!((l - std::f64::consts::LN_2).abs() < 1e-15);
/// let big = numox::ml::binary_cross_entropy_with_logits(
///     &numox::array![0.0], &numox::array![1000.0]).unwrap();
/// assert_eq!(big, 1000.0);
/// ```
pub fn binary_cross_entropy_with_logits(y_true: &Array, logits: &Array) -> Result<f64> {
    let (y, z) = pair(y_true, logits)?;
    let soft = crate::log1p(&crate::exp(&crate::negative(&crate::absolute(&z)?)?)?)?;
    let lin = crate::subtract(&crate::maximum(&z, 0.0)?, &crate::multiply(&z, &y)?)?;
    mean_f64(&crate::add(&lin, &soft)?)
}

/// Categorical cross-entropy from logits: `mean_i(-log_softmax(logits)[i, labels[i]])` for
/// logits of shape (n, k) and integer class labels of shape (n,) in `0..k`.
///
/// ```
/// let z = numox::array![[0.0, 0.0], [10.0, -10.0]];
/// let l = numox::ml::categorical_cross_entropy_with_logits(&numox::array![1i64, 0], &z).unwrap();
/// assert!((l - (std::f64::consts::LN_2 + (1.0f64 + (-20.0f64).exp()).ln()) / 2.0).abs() < 1e-15);
/// assert!(numox::ml::categorical_cross_entropy_with_logits(&numox::array![2i64, 0], &z).is_err());
/// ```
pub fn categorical_cross_entropy_with_logits(labels: &Array, logits: &Array) -> Result<f64> {
    check_same_len(labels, logits)?;
    if logits.ndim() != 2 || labels.ndim() != 1 {
        return Err(Error::Value(format!(
            "expected logits of shape (n, k) and labels of shape (n,), got {:?} and {:?}",
            logits.shape(),
            labels.shape()
        )));
    }
    super::check_nonempty(labels)?;
    let idx = super::data::class_indices(labels, logits.shape()[1])?;
    let ls = super::log_softmax(logits, 1)?;
    let picked = crate::take_along_axis(&ls, &idx.reshape(&[-1, 1])?, Some(1))?;
    Ok(-mean_f64(&picked.astype(DType::Float64)?)?)
}
