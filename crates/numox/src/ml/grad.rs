//! Numerical gradients by central differences, and the gradient check that compares them with
//! an analytic gradient (how a from-scratch backpropagation is verified).

use crate::{Array, DType, Error, Result};

/// The gradient of a scalar function `f` at `x` by central differences:
/// `(f(x + h e_i) - f(x - h e_i)) / 2h` for every element `i`, in float64, with the shape of
/// `x`. Costs `2 * x.size()` calls of `f`; meant for checking, not for training.
///
/// ```
/// // f(x) = sum(x²) has gradient 2x.
/// let f = |x: &numox::Array| numox::sum(&numox::square(x)?, None)?.item_as::<f64>();
/// let g = numox::ml::numerical_gradient(f, &numox::array![1.0, -2.0], 1e-5).unwrap();
/// let g = g.to_vec::<f64>().unwrap();
/// assert!((g[0] - 2.0).abs() < 1e-8 && (g[1] + 4.0).abs() < 1e-8);
/// ```
pub fn numerical_gradient(
    mut f: impl FnMut(&Array) -> Result<f64>,
    x: &Array,
    h: f64,
) -> Result<Array> {
    if h.is_nan() || h <= 0.0 || h.is_infinite() {
        return Err(Error::Value(format!(
            "the step h must be positive and finite, got {h}"
        )));
    }
    let shape = x.shape().to_vec();
    let mut v = x.astype(DType::Float64)?.to_vec::<f64>()?;
    let mut grad = Vec::with_capacity(v.len());
    for i in 0..v.len() {
        let orig = v[i];
        v[i] = orig + h;
        let up = f(&Array::from_shape_vec(&shape, v.clone())?)?;
        v[i] = orig - h;
        let down = f(&Array::from_shape_vec(&shape, v.clone())?)?;
        v[i] = orig;
        grad.push((up - down) / (2.0 * h));
    }
    Array::from_shape_vec(&shape, grad)
}

/// What [`gradient_check`] found.
///
/// ```
/// let c = numox::ml::GradCheck { max_abs_diff: 0.0, relative_error: 0.0 };
/// assert!(c.passed(1e-7));
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GradCheck {
    /// The largest `|numerical - analytic|` over the elements.
    pub max_abs_diff: f64,
    /// `‖numerical - analytic‖ / (‖numerical‖ + ‖analytic‖)` (0 when both are 0): about 1e-9
    /// or less for a correct gradient of a smooth function in float64.
    pub relative_error: f64,
}

impl GradCheck {
    /// True when the relative error is at most `tol`.
    ///
    /// ```
    /// let c = numox::ml::GradCheck { max_abs_diff: 1e-3, relative_error: 1e-2 };
    /// assert!(!c.passed(1e-6));
    /// ```
    pub fn passed(&self, tol: f64) -> bool {
        self.relative_error <= tol
    }
}

/// Compares an analytic gradient with [`numerical_gradient`] of `f` at `x` (step `h`).
///
/// ```
/// use numox::ml::gradient_check;
/// let f = |x: &numox::Array| numox::sum(&numox::square(x)?, None)?.item_as::<f64>();
/// let x = numox::array![[0.5, -1.0], [2.0, 3.0]];
/// let good = numox::multiply(&x, 2.0).unwrap();
/// assert!(gradient_check(f, &good, &x, 1e-5).unwrap().passed(1e-8));
/// let bad = numox::multiply(&x, 3.0).unwrap();
/// assert!(!gradient_check(f, &bad, &x, 1e-5).unwrap().passed(1e-3));
/// ```
pub fn gradient_check(
    f: impl FnMut(&Array) -> Result<f64>,
    analytic: &Array,
    x: &Array,
    h: f64,
) -> Result<GradCheck> {
    if analytic.shape() != x.shape() {
        return Err(Error::Value(format!(
            "the analytic gradient has shape {:?}, but x has shape {:?}",
            analytic.shape(),
            x.shape()
        )));
    }
    let num = numerical_gradient(f, x, h)?.to_vec::<f64>()?;
    let ana = analytic.astype(DType::Float64)?.to_vec::<f64>()?;
    let (mut max_abs, mut diff2, mut n2, mut a2) = (0.0f64, 0.0, 0.0, 0.0);
    for (n, a) in num.iter().zip(&ana) {
        let d = n - a;
        max_abs = max_abs.max(d.abs());
        diff2 += d * d;
        n2 += n * n;
        a2 += a * a;
    }
    let denom = n2.sqrt() + a2.sqrt();
    let relative_error = if denom == 0.0 {
        0.0
    } else {
        diff2.sqrt() / denom
    };
    Ok(GradCheck {
        max_abs_diff: max_abs,
        relative_error,
    })
}
