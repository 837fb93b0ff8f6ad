//! Machine-learning building blocks: small, honest compositions of numox operations, with the
//! semantics of the NumPy/scikit-learn code an ML engineer would otherwise write.
//!
//! | numox | NumPy / scikit-learn |
//! |---|---|
//! | [`MinMaxScaler`], [`StandardScaler`] | `sklearn.preprocessing.MinMaxScaler`, `StandardScaler` |
//! | [`impute_mean`], [`impute_median`] | `SimpleImputer(strategy="mean" / "median")` |
//! | [`sigmoid`], [`relu`], [`tanh`](crate::tanh), [`softmax`], [`log_softmax`] | `scipy.special.expit`, `np.maximum(x, 0)`, `np.tanh`, `scipy.special.softmax`, `log_softmax` |
//! | [`mse`], [`mae`], [`binary_cross_entropy`], [`binary_cross_entropy_with_logits`], [`categorical_cross_entropy_with_logits`] | `mean_squared_error`, `mean_absolute_error`, `log_loss`, the stable forms from logits |
//! | [`numerical_gradient`], [`gradient_check`] | central differences, as in every from-scratch course |
//! | [`one_hot`], [`train_test_split`], [`split_indices`], [`batches`] | `np.eye(k)[y]`, `train_test_split` (numox's NumPy-identical permutation), mini-batches |
//! | [`accuracy`], [`confusion_matrix`], [`r2_score`] | `sklearn.metrics` |
//! | [`cosine_similarity`], [`euclidean_distances`] | `sklearn.metrics.pairwise` |
//!
//! Inputs of an integer or bool dtype are computed in float64, as scikit-learn does. Bad input
//! (mismatched lengths, empty data, an unfitted scaler) is an error worded as scikit-learn words
//! it.
//!
//! ```
//! use numox::ml::{StandardScaler, softmax};
//! let x = numox::array![[1.0, 10.0], [3.0, 10.0]];
//! let mut s = StandardScaler::new();
//! let z = s.fit_transform(&x).unwrap();
//! assert_eq!(z.to_vec::<f64>().unwrap(), vec![-1.0, 0.0, 1.0, 0.0]);
//! let p = softmax(&numox::array![[0.0, 0.0]], -1).unwrap();
//! assert_eq!(p.to_vec::<f64>().unwrap(), vec![0.5, 0.5]);
//! ```

mod activations;
mod data;
mod grad;
mod losses;
mod metrics;
mod scale;

pub use activations::{log_softmax, relu, sigmoid, softmax};
pub use data::{batches, one_hot, split_indices, train_test_split, Batches, Split};
pub use grad::{gradient_check, numerical_gradient, GradCheck};
pub use losses::{
    binary_cross_entropy, binary_cross_entropy_with_logits, categorical_cross_entropy_with_logits,
    mae, mse,
};
pub use metrics::{accuracy, confusion_matrix, cosine_similarity, euclidean_distances, r2_score};
pub use scale::{impute_mean, impute_median, MinMaxScaler, StandardScaler};

use crate::{Array, DType, Error, Result};

/// The array as a float array: float dtypes stay, the others become float64 (scikit-learn's
/// `check_array` with `FLOAT_DTYPES`).
pub(crate) fn as_float(a: &Array) -> Result<Array> {
    if a.dtype().is_inexact() && !a.dtype().is_complex() {
        Ok(a.clone())
    } else if a.dtype().is_complex() {
        Err(Error::DType("Complex data not supported".into()))
    } else {
        a.astype(DType::Float64)
    }
}

/// scikit-learn's check that a 2-D input has samples: `Expected 2D array` / `Found array with
/// 0 sample(s)`.
pub(crate) fn check_2d(a: &Array, who: &str) -> Result<()> {
    if a.ndim() != 2 {
        return Err(Error::Value(format!(
            "Expected 2D array, got {}D array instead",
            a.ndim()
        )));
    }
    if a.shape()[0] == 0 {
        return Err(Error::Value(format!(
            "Found array with 0 sample(s) (shape=({}, {})) while a minimum of 1 is required by {who}.",
            a.shape()[0],
            a.shape()[1]
        )));
    }
    Ok(())
}

/// scikit-learn's refusal of empty input.
pub(crate) fn check_nonempty(a: &Array) -> Result<()> {
    if a.size() == 0 {
        return Err(Error::Value(
            "Found array with 0 sample(s) while a minimum of 1 is required.".into(),
        ));
    }
    Ok(())
}

/// scikit-learn's `check_consistent_length` on the first axes.
pub(crate) fn check_same_len(a: &Array, b: &Array) -> Result<()> {
    let n = |x: &Array| if x.ndim() == 0 { 1 } else { x.shape()[0] };
    if n(a) != n(b) {
        return Err(Error::Value(format!(
            "Found input variables with inconsistent numbers of samples: [{}, {}]",
            n(a),
            n(b)
        )));
    }
    Ok(())
}
