//! `qr`: the QR factorisation by blocked Householder reflections (faer), as LAPACK's `geqrf`.

use super::batch::{cast_to, copy_tiled, dispatch_compute, Input, Output};
use super::bridge::LinalgElem;
use crate::array::Array;
use crate::error::{Error, Result};
use faer::linalg::solvers::Qr;

/// The modes of [`qr`] (`mode` of `numpy.linalg.qr`).
///
/// ```
/// use numox::{array, linalg::{self, QrMode}};
/// let (q, r) = linalg::qr(&array![[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], QrMode::Complete).unwrap();
/// assert_eq!((q.unwrap().shape(), r.shape()), (&[3, 3][..], &[3, 2][..]));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum QrMode {
    /// `Q` `(M, K)` and `R` `(K, N)`, `K = min(M, N)` (NumPy's default).
    #[default]
    Reduced,
    /// `Q` `(M, M)` and `R` `(M, N)`.
    Complete,
    /// Only `R` `(K, N)`.
    R,
}

impl std::str::FromStr for QrMode {
    type Err = Error;

    /// NumPy's mode names `"reduced"`, `"complete"`, `"r"`.
    ///
    /// ```
    /// use numox::linalg::QrMode;
    /// assert_eq!("complete".parse::<QrMode>().unwrap(), QrMode::Complete);
    /// assert!("full".parse::<QrMode>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<QrMode> {
        match s {
            "reduced" => Ok(QrMode::Reduced),
            "complete" => Ok(QrMode::Complete),
            "r" => Ok(QrMode::R),
            _ => Err(Error::Value(format!("Unrecognized mode '{s}'"))),
        }
    }
}

/// The QR factorisation of each matrix of `a` (`numpy.linalg.qr(a, mode)`): `(Some(Q), R)` with
/// `a = Q @ R`, `Q` with orthonormal columns and `R` upper triangular; `(None, R)` for
/// [`QrMode::R`]. The signs of `R`'s diagonal may differ from LAPACK's.
///
/// ```
/// use numox::{array, linalg};
/// let (q, r) = linalg::qr(&array![[3.0, 1.0], [4.0, 2.0], [0.0, 0.0]], linalg::QrMode::Reduced).unwrap();
/// assert_eq!((q.unwrap().shape(), r.shape()), (&[3, 2][..], &[2, 2][..]));
/// assert!((r.get_as::<f64>(&[0, 0]).unwrap().abs() - 5.0).abs() < 1e-12);
/// ```
pub fn qr(a: &Array, mode: QrMode) -> Result<(Option<Array>, Array)> {
    let x = Input::new(a, false)?;
    dispatch_compute!(x.dtype(), T => qr_stack::<T>(&x, mode))
}

fn qr_stack<T: LinalgElem>(x: &Input, mode: QrMode) -> Result<(Option<Array>, Array)> {
    let (m, n) = (x.s.rows, x.s.cols);
    let k = m.min(n);
    let (qc, rr) = match mode {
        QrMode::Complete => (m, m),
        _ => (k, k),
    };
    let mut qo = Output::new(&x.lead, m, qc, T::DTYPE)?;
    let mut ro = Output::new(&x.lead, rr, n, T::DTYPE)?;
    for (i, &off) in x.s.offsets.iter().enumerate() {
        if k == 0 {
            let mut q = qo.mat::<T>(i);
            for d in 0..qc.min(m) {
                q[(d, d)] = faer::traits::math_utils::one::<T>();
            }
            continue;
        }
        let f = Qr::new(x.mat::<T>(off));
        ro.mat::<T>(i).get_mut(..k, ..).copy_from(f.thin_R());
        if mode != QrMode::R {
            let q = if mode == QrMode::Complete {
                f.compute_Q()
            } else {
                f.compute_thin_Q()
            };
            copy_tiled(qo.mat::<T>(i), q.as_ref());
        }
    }
    let r = cast_to(ro.a, x.res)?;
    if mode == QrMode::R {
        return Ok((None, r));
    }
    Ok((Some(cast_to(qo.a, x.res)?), r))
}
