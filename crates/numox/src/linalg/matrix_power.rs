//! `matrix_power`: a square matrix (or stack) raised to an integer power by repeated squaring.

use super::bridge::check_square;
use super::matmul::matmul;
use crate::array::Array;
use crate::creation::{eye_with, MatrixOpts};
use crate::error::{Error, Result};

/// The matrix `a` (or each matrix of a stack) to the power `n` (`np.linalg.matrix_power`):
/// the identity for `n == 0` (in `a`'s dtype), otherwise products by repeated squaring in
/// NumPy's order. A negative power inverts first (`inv(a)` to the power `-n`), as NumPy does.
///
/// ```
/// use numox::{array, linalg::matrix_power};
/// let a = array![[1i64, 1], [1, 0]];
/// assert_eq!(matrix_power(&a, 10).unwrap().to_vec::<i64>().unwrap(), vec![89, 55, 55, 34]);
/// assert_eq!(matrix_power(&a, 0).unwrap().to_vec::<i64>().unwrap(), vec![1, 0, 0, 1]);
/// let d = array![[2.0, 0.0], [0.0, 4.0]];
/// assert_eq!(matrix_power(&d, -2).unwrap().to_vec::<f64>().unwrap(), vec![0.25, 0.0, 0.0, 0.0625]);
/// assert_eq!(
///     matrix_power(&array![1.0, 2.0], 2).unwrap_err().to_string(),
///     "1-dimensional array given. Array must be at least two-dimensional"
/// );
/// ```
pub fn matrix_power(a: &Array, n: i64) -> Result<Array> {
    check_square(a)?;
    if n < 0 {
        let m = n
            .checked_neg()
            .ok_or_else(|| Error::Value(format!("matrix_power: exponent {n} is too large")))?;
        return matrix_power(&super::lu::inv(a)?, m);
    }
    if n == 0 {
        let m = a.shape()[a.ndim() - 1];
        let eye = eye_with(m, MatrixOpts::new().dtype(a.dtype()))?;
        return Ok(eye.broadcast_to(a.shape())?.copy());
    }
    match n {
        1 => return Ok(a.copy()),
        2 => return matmul(a, a),
        3 => return matmul(&matmul(a, a)?, a),
        _ => {}
    }
    let (mut n, mut z, mut result): (i64, Option<Array>, Option<Array>) = (n, None, None);
    while n > 0 {
        let zz = match &z {
            None => a.clone(),
            Some(z) => matmul(z, z)?,
        };
        let bit = n % 2;
        n /= 2;
        if bit == 1 {
            result = Some(match &result {
                None => zz.clone(),
                Some(r) => matmul(r, &zz)?,
            });
        }
        z = Some(zz);
    }
    result.ok_or_else(|| Error::Value("matrix_power: empty product".into()))
}
