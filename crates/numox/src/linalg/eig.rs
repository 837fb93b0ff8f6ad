//! Eigenvalues and eigenvectors: `eigh`/`eigvalsh` (Hermitian, faer's tridiagonal
//! divide-and-conquer) and `eig`/`eigvals` (general, faer's Hessenberg-Schur).

use super::batch::{
    cast_to, copy_tiled, dispatch_compute, from_values, scratch, shape_of, stack_of, Input, Output,
    Re, Work,
};
use super::bridge::{par_for, LinalgElem};
use crate::array::Array;
use crate::error::{Error, Result};
use crate::Complex64;
use faer::diag::Diag;
use faer::linalg::evd::{self_adjoint_evd, self_adjoint_evd_scratch, ComputeEigenvectors};
use faer::traits::math_utils::{conj, from_real, real};
use faer::{Mat, MatMut, MatRef};
use num_traits::Float;

/// Which triangle of a Hermitian matrix is read (`UPLO` of `numpy.linalg.eigh`).
///
/// ```
/// use numox::{array, linalg::{self, Uplo}};
/// let a = array![[1.0, 9.0], [0.0, 1.0]];
/// assert_eq!(linalg::eigvalsh(&a, Uplo::L).unwrap().to_vec::<f64>().unwrap(), vec![1.0, 1.0]);
/// assert_eq!(linalg::eigvalsh(&a, Uplo::U).unwrap().to_vec::<f64>().unwrap(), vec![-8.0, 10.0]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Uplo {
    /// The lower triangle (`UPLO='L'`, NumPy's default).
    #[default]
    L,
    /// The upper triangle (`UPLO='U'`).
    U,
}

/// The Hermitian matrix whose `uplo` triangle is that of `m` (the diagonal's imaginary part
/// dropped, as LAPACK's `heevd` does).
pub(crate) fn hermitian<T: LinalgElem>(m: MatRef<'_, T>, uplo: Uplo) -> Mat<T> {
    let n = m.nrows();
    Mat::from_fn(n, n, |i, j| {
        let (r, c) = if (i >= j) == (uplo == Uplo::L) {
            (i, j)
        } else {
            (j, i)
        };
        let v = m[(r, c)];
        if i == j {
            from_real(&real(&v))
        } else if (r, c) == (i, j) {
            v
        } else {
            conj(&v)
        }
    })
}

/// True when an order-`n` Hermitian problem takes numox's blocked float64 path, which reads
/// only the lower triangle.
fn blocked<T: LinalgElem>(n: usize) -> bool {
    n >= super::tridiag::BLOCKED_MIN && T::DTYPE == crate::DType::Float64
}

/// Eigenvalues (ascending) of a Hermitian matrix and, given `out`, its eigenvectors written
/// there (only its lower triangle is read on the [`blocked`] path).
fn eigh_one<T: LinalgElem>(h: MatRef<'_, T>, out: Option<MatMut<'_, T>>) -> Result<Vec<Re<T>>> {
    let n = h.nrows();
    let vectors = out.is_some();
    let mut s = Diag::<T>::zeros(n);
    if blocked::<T>(n) {
        // SAFETY: T is f64 (its dtype says so), so the views reinterpret f64 data as f64.
        let hf = unsafe {
            MatRef::<f64>::from_raw_parts(
                h.as_ptr() as *const f64,
                n,
                n,
                h.row_stride(),
                h.col_stride(),
            )
        };
        let mut u = if vectors {
            Some(Work::<f64>::new(n, n)?)
        } else {
            None
        };
        let mut w = vec![0.0f64; n];
        super::tridiag::eigh_blocked(hf, &mut w, u.as_mut().map(|u| u.as_mut()))?;
        for (i, x) in w.iter().enumerate() {
            s[i] = from_real(&<Re<T> as num_traits::NumCast>::from(*x).unwrap_or(Re::<T>::nan()));
        }
        if let (Some(u), Some(out)) = (u, out) {
            // SAFETY: T is f64, as above.
            let uf = unsafe {
                MatRef::<T>::from_raw_parts(u.as_ref().as_ptr() as *const T, n, n, 1, n as isize)
            };
            copy_tiled(out, uf);
        }
    } else if n > 0 {
        let mut u = Mat::<T>::zeros(if vectors { n } else { 0 }, if vectors { n } else { 0 });
        let par = par_for((n * n * n) as f64);
        let cv = if vectors {
            ComputeEigenvectors::Yes
        } else {
            ComputeEigenvectors::No
        };
        let mut mem = scratch(self_adjoint_evd_scratch::<T>(
            n,
            cv,
            par,
            Default::default(),
        ));
        self_adjoint_evd(
            h,
            s.as_mut(),
            vectors.then(|| u.as_mut()),
            par,
            stack_of(&mut mem),
            Default::default(),
        )
        .map_err(|_| Error::LinAlg("Eigenvalues did not converge".into()))?;
        if let Some(out) = out {
            copy_tiled(out, u.as_ref());
        }
    }
    let sv = s.column_vector();
    let w: Vec<Re<T>> = (0..n).map(|i| real(&sv[i])).collect();
    if w.iter().any(|x| x.is_nan()) {
        return Err(Error::LinAlg("Eigenvalues did not converge".into()));
    }
    Ok(w)
}

fn eigh_stack<T: LinalgElem>(x: &Input, uplo: Uplo, vectors: bool) -> Result<(Array, Array)> {
    let n = x.s.rows;
    // Every element of the vectors is written below.
    let mut vo = Output::uninit(&x.lead, if vectors { n } else { 0 }, n, T::DTYPE)?;
    let mut ws = Vec::with_capacity(x.s.offsets.len() * n);
    for (i, &off) in x.s.offsets.iter().enumerate() {
        let m = x.mat::<T>(off);
        let out = vectors.then(|| vo.mat::<T>(i));
        let w = if blocked::<T>(n) {
            // A real matrix's upper triangle is its transpose's lower one: no copy.
            eigh_one(if uplo == Uplo::L { m } else { m.transpose() }, out)?
        } else {
            eigh_one(hermitian(m, uplo).as_ref(), out)?
        };
        ws.extend(w);
    }
    Ok((
        from_values(&shape_of(&x.lead, &[n]), ws, x.res)?,
        cast_to(vo.a, x.res)?,
    ))
}

/// The eigenvalues (real, ascending) and eigenvectors (the columns of `v`) of each Hermitian
/// matrix of `a`, read from its `uplo` triangle (`numpy.linalg.eigh(a, UPLO)`).
///
/// ```
/// use numox::{array, linalg};
/// let (w, v) = linalg::eigh(&array![[2.0, 1.0], [1.0, 2.0]], linalg::Uplo::L).unwrap();
/// let w = w.to_vec::<f64>().unwrap();
/// assert!((w[0] - 1.0).abs() < 1e-12 && (w[1] - 3.0).abs() < 1e-12);
/// assert_eq!(v.shape(), &[2, 2]);
/// ```
pub fn eigh(a: &Array, uplo: Uplo) -> Result<(Array, Array)> {
    let x = Input::new(a, true)?;
    dispatch_compute!(x.dtype(), T => eigh_stack::<T>(&x, uplo, true))
}

/// The eigenvalues (real, ascending) of each Hermitian matrix of `a`, read from its `uplo`
/// triangle (`numpy.linalg.eigvalsh(a, UPLO)`).
///
/// ```
/// use numox::{array, linalg};
/// let w = linalg::eigvalsh(&array![[2.0, 0.0], [5.0, 1.0]], linalg::Uplo::U).unwrap();
/// assert_eq!(w.to_vec::<f64>().unwrap(), vec![1.0, 2.0]);
/// ```
pub fn eigvalsh(a: &Array, uplo: Uplo) -> Result<Array> {
    let x = Input::new(a, true)?;
    dispatch_compute!(x.dtype(), T => Ok(eigh_stack::<T>(&x, uplo, false)?.0))
}

/// Eigenvalues and (with `vectors`) right eigenvectors of a general matrix, complex.
fn eig_one<T>(m: MatRef<'_, T>, vectors: bool) -> Result<(Vec<Complex64>, Option<Mat<Complex64>>)>
where
    T: LinalgElem + faer::traits::ComplexField<Real = f64>,
{
    let err = |_| Error::LinAlg("Eigenvalues did not converge".into());
    if m.nrows() == 0 {
        return Ok((Vec::new(), vectors.then(|| Mat::zeros(0, 0))));
    }
    if vectors {
        let e = m.eigen().map_err(err)?;
        let s = e.S().column_vector();
        let w: Vec<Complex64> = (0..m.nrows()).map(|i| s[i]).collect();
        Ok((w, Some(e.U().to_owned())))
    } else {
        Ok((m.eigenvalues().map_err(err)?, None))
    }
}

fn eig_stack<T>(x: &Input, vectors: bool) -> Result<(Array, Array)>
where
    T: LinalgElem + faer::traits::ComplexField<Real = f64>,
{
    let n = x.s.rows;
    let mut vo = Output::new(
        &x.lead,
        if vectors { n } else { 0 },
        n,
        crate::DType::Complex128,
    )?;
    let mut ws = Vec::with_capacity(x.s.offsets.len() * n);
    for (i, &off) in x.s.offsets.iter().enumerate() {
        let m = x.mat::<T>(off);
        let finite =
            (0..n).all(|c| (0..n).all(|r| faer::traits::math_utils::is_finite(&m[(r, c)])));
        if !finite {
            return Err(Error::LinAlg("Array must not contain infs or NaNs".into()));
        }
        let (w, u) = eig_one(m, vectors)?;
        if w.iter().any(|z| z.re.is_nan() || z.im.is_nan()) {
            return Err(Error::LinAlg("Eigenvalues did not converge".into()));
        }
        ws.extend(w);
        if let Some(u) = u {
            vo.mat::<Complex64>(i).copy_from(u.as_ref());
        }
    }
    // NumPy: a real input whose eigenvalues are all real gives real results.
    let real_out = !T::DTYPE.is_complex() && ws.iter().all(|z| z.im == 0.0);
    let w = Array::from_shape_vec(&shape_of(&x.lead, &[n]), ws)?;
    let (w, v) = if real_out {
        (crate::real(&w)?.copy(), crate::real(&vo.a)?.copy())
    } else {
        (w, vo.a)
    };
    Ok((cast_to(w, x.res)?, cast_to(v, x.res)?))
}

/// The eigenvalues and right eigenvectors (the columns of `v`) of each square matrix of `a`
/// (`numpy.linalg.eig`). Complex results, except for a real input whose eigenvalues are all
/// real, which gives real ones (NumPy's rule). The order of the eigenvalues is unspecified.
///
/// ```
/// use numox::{array, linalg, DType};
/// let (w, v) = linalg::eig(&array![[2.0, 0.0], [0.0, 3.0]]).unwrap();
/// assert_eq!((w.dtype(), v.shape()), (DType::Float64, &[2, 2][..]));
/// let mut w = w.to_vec::<f64>().unwrap();
/// w.sort_by(f64::total_cmp);
/// assert_eq!(w, vec![2.0, 3.0]);
/// let (w, _) = linalg::eig(&array![[0.0, -1.0], [1.0, 0.0]]).unwrap();
/// assert_eq!(w.dtype(), DType::Complex128);
/// ```
pub fn eig(a: &Array) -> Result<(Array, Array)> {
    let x = Input::new(a, true)?;
    dispatch_compute!(x.dtype(), T => eig_stack::<T>(&x, true))
}

/// The eigenvalues of each square matrix of `a` (`numpy.linalg.eigvals`), typed as in [`eig`].
///
/// ```
/// use numox::{array, linalg};
/// let w = linalg::eigvals(&array![[1.0, 2.0], [0.0, 3.0]]).unwrap();
/// let mut w = w.to_vec::<f64>().unwrap();
/// w.sort_by(f64::total_cmp);
/// assert_eq!(w, vec![1.0, 3.0]);
/// ```
pub fn eigvals(a: &Array) -> Result<Array> {
    let x = Input::new(a, true)?;
    dispatch_compute!(x.dtype(), T => Ok(eig_stack::<T>(&x, false)?.0))
}
