//! Scores and pairwise geometry: `sklearn.metrics` and `sklearn.metrics.pairwise`.

use super::{as_float, check_same_len};
use crate::{Array, Axes, DType, Error, Result, Side};

fn labels_pair(y_true: &Array, y_pred: &Array) -> Result<()> {
    check_same_len(y_true, y_pred)?;
    if y_true.ndim() != 1 || y_pred.ndim() != 1 {
        return Err(Error::Value(format!(
            "y_true and y_pred must be 1-D, got shapes {:?} and {:?}",
            y_true.shape(),
            y_pred.shape()
        )));
    }
    super::check_nonempty(y_true)?;
    Ok(())
}

/// The fraction of predictions equal to the truth (`sklearn.metrics.accuracy_score`).
///
/// ```
/// let a = numox::ml::accuracy(&numox::array![0, 1, 2, 1], &numox::array![0, 2, 2, 1]).unwrap();
/// assert_eq!(a, 0.75);
/// ```
pub fn accuracy(y_true: &Array, y_pred: &Array) -> Result<f64> {
    labels_pair(y_true, y_pred)?;
    crate::mean(&crate::equal(y_true, y_pred)?, None)?.item_as::<f64>()
}

/// The confusion matrix (`sklearn.metrics.confusion_matrix`): entry (i, j) counts the samples
/// of class `labels[i]` predicted as `labels[j]`, where `labels` are the sorted distinct values
/// of both inputs; int64 of shape (k, k).
///
/// ```
/// let m = numox::ml::confusion_matrix(&numox::array![0, 1, 1, 2], &numox::array![0, 1, 2, 2]).unwrap();
/// assert_eq!(m.to_vec::<i64>().unwrap(), vec![1, 0, 0, 0, 1, 1, 0, 0, 1]);
/// ```
pub fn confusion_matrix(y_true: &Array, y_pred: &Array) -> Result<Array> {
    labels_pair(y_true, y_pred)?;
    let labels = crate::unique(&crate::concatenate(&[y_true, y_pred], Some(0))?)?;
    let k = labels.size();
    let it = crate::searchsorted(&labels, y_true, Side::Left, None)?.to_vec::<i64>()?;
    let ip = crate::searchsorted(&labels, y_pred, Side::Left, None)?.to_vec::<i64>()?;
    let mut m = vec![0i64; k * k];
    for (t, p) in it.iter().zip(&ip) {
        m[*t as usize * k + *p as usize] += 1;
    }
    Array::from_shape_vec(&[k, k], m)
}

/// The coefficient of determination `1 - SS_res / SS_tot` (`sklearn.metrics.r2_score`); a
/// constant `y_true` gives 1.0 for a perfect prediction and 0.0 otherwise, as scikit-learn's
/// default `force_finite=True` does.
///
/// ```
/// let r2 = numox::ml::r2_score(&numox::array![1.0, 2.0, 3.0], &numox::array![1.0, 2.0, 4.0]).unwrap();
/// assert_eq!(r2, 0.5);
/// ```
pub fn r2_score(y_true: &Array, y_pred: &Array) -> Result<f64> {
    labels_pair(y_true, y_pred)?;
    let (t, p) = (as_float(y_true)?, as_float(y_pred)?);
    let res = crate::sum(&crate::square(&crate::subtract(&t, &p)?)?, None)?.item_as::<f64>()?;
    let dev = crate::subtract(&t, &crate::mean(&t, None)?)?;
    let tot = crate::sum(&crate::square(&dev)?, None)?.item_as::<f64>()?;
    Ok(if tot != 0.0 {
        1.0 - res / tot
    } else if res == 0.0 {
        1.0
    } else {
        0.0
    })
}

fn check_rows(a: &Array, b: &Array) -> Result<()> {
    if a.ndim() != 2 || b.ndim() != 2 {
        return Err(Error::Value(format!(
            "Expected 2D arrays, got shapes {:?} and {:?}",
            a.shape(),
            b.shape()
        )));
    }
    if a.shape()[1] != b.shape()[1] {
        return Err(Error::Value(format!(
            "Incompatible dimension for X and Y matrices: X.shape[1] == {} while Y.shape[1] == {}",
            a.shape()[1],
            b.shape()[1]
        )));
    }
    Ok(())
}

/// Rows scaled to unit length; zero rows stay zero (`sklearn.preprocessing.normalize`).
fn unit_rows(a: &Array) -> Result<Array> {
    let n = crate::sqrt(&crate::sum(&crate::square(a)?, Axes::from(1).keepdims())?)?;
    let n = crate::where_(&crate::equal(&n, 0.0)?, 1.0, &n)?;
    crate::divide(a, &n)
}

/// Cosine similarity of every row of `a` with every row of `b`: `a_n @ b_n.T` with the rows
/// normalised first (`sklearn.metrics.pairwise.cosine_similarity`); a zero row has similarity 0
/// with everything. Shape (a rows, b rows).
///
/// ```
/// let a = numox::array![[1.0, 0.0], [1.0, 1.0]];
/// let s = numox::ml::cosine_similarity(&a, &a).unwrap();
/// let v = s.to_vec::<f64>().unwrap();
/// assert!((v[0] - 1.0).abs() < 1e-15 && (v[1] - 0.5f64.sqrt()).abs() < 1e-15);
/// ```
pub fn cosine_similarity(a: &Array, b: &Array) -> Result<Array> {
    check_rows(a, b)?;
    let (a, b) = (as_float(a)?, as_float(b)?);
    crate::matmul(&unit_rows(&a)?, &unit_rows(&b)?.t())
}

/// Euclidean distance of every row of `a` to every row of `b`, by scikit-learn's formula
/// `sqrt(max(|a|² - 2 a·b + |b|², 0))` (one matrix product; the clamp removes the small
/// negative values rounding leaves). When `a` and `b` are the same array object the diagonal is
/// exactly 0, as in `sklearn.metrics.pairwise.euclidean_distances(X)`.
///
/// ```
/// let a = numox::array![[0.0, 0.0], [3.0, 4.0]];
/// let d = numox::ml::euclidean_distances(&a, &a).unwrap();
/// assert_eq!(d.to_vec::<f64>().unwrap(), vec![0.0, 5.0, 5.0, 0.0]);
/// ```
pub fn euclidean_distances(a: &Array, b: &Array) -> Result<Array> {
    check_rows(a, b)?;
    let same = std::ptr::eq(a, b);
    let (a, b) = (as_float(a)?, as_float(b)?);
    let aa = crate::sum(&crate::square(&a)?, Axes::from(1).keepdims())?;
    let bb = crate::sum(&crate::square(&b)?, Axes::from(1))?;
    let ab = crate::matmul(&a, &b.t())?;
    let d2 = crate::add(&crate::subtract(&aa, &crate::multiply(&ab, 2.0)?)?, &bb)?;
    let d = crate::sqrt(&crate::maximum(&d2, 0.0)?)?;
    if same {
        let n = d.shape()[0];
        let mask = crate::eye(n)?.astype(DType::Bool)?;
        return crate::where_(&mask, 0.0, &d);
    }
    Ok(d)
}
