//! The singular value family: `svd`, `svdvals`, `pinv`, `matrix_rank` and `lstsq` (faer's
//! divide-and-conquer SVD, as LAPACK's `gesdd`/`gelsd` that NumPy calls).

use super::batch::{
    cast_to, common_type, copy_tiled, dispatch_compute, from_values, scratch, shape_of, stack_of,
    Input, Output, Re,
};
use super::bridge::{check_2d, par_for, LinalgElem};
use crate::array::Array;
use crate::dtype::{DType, Element};
use crate::error::{Error, Result};
use faer::diag::Diag;
use faer::dyn_stack::StackReq;
use faer::linalg::householder;
use faer::linalg::qr::no_pivoting::factor as qr_factor;
use faer::linalg::svd::{svd as faer_svd, svd_scratch, ComputeSvdVectors};
use faer::traits::math_utils::{abs2, from_real, real, zero};
use faer::{Conj, Mat, MatRef, Par};
use num_traits::{Float, ToPrimitive};

/// The SVD of one matrix: `A = U diag(s) V^H`, singular values descending.
pub(crate) struct SvdParts<T: LinalgElem> {
    pub(crate) u: Mat<T>,
    pub(crate) s: Vec<Re<T>>,
    pub(crate) v: Mat<T>,
}

/// The SVD of `m`; `vecs` says which singular vectors (none, the first min(M, N), all).
pub(crate) fn svd_one<T: LinalgElem>(
    m: MatRef<'_, T>,
    vecs: ComputeSvdVectors,
) -> Result<SvdParts<T>> {
    let (r, c) = (m.nrows(), m.ncols());
    let k = r.min(c);
    let (ucols, vcols) = match vecs {
        ComputeSvdVectors::No => (0, 0),
        ComputeSvdVectors::Thin => (k, k),
        ComputeSvdVectors::Full => (r, c),
    };
    let want = vecs != ComputeSvdVectors::No;
    if want && dense_dc::<T>(r, c) {
        return svd_dc(m, vecs == ComputeSvdVectors::Full);
    }
    let mut u = Mat::<T>::zeros(if want { r } else { 0 }, ucols);
    let mut v = Mat::<T>::zeros(if want { c } else { 0 }, vcols);
    let mut s = Diag::<T>::zeros(k);
    if k > 0 {
        let par = par_for((r * c * k) as f64);
        let mut mem = scratch(svd_scratch::<T>(r, c, vecs, vecs, par, Default::default()));
        faer_svd(
            m,
            s.as_mut(),
            want.then(|| u.as_mut()),
            want.then(|| v.as_mut()),
            par,
            stack_of(&mut mem),
            Default::default(),
        )
        .map_err(|_| Error::LinAlg("SVD did not converge".into()))?;
    }
    let sv = s.column_vector();
    let s: Vec<Re<T>> = (0..k).map(|i| real(&sv[i])).collect();
    if s.iter().any(|x| x.is_nan()) {
        return Err(Error::LinAlg("SVD did not converge".into()));
    }
    Ok(SvdParts { u, s, v })
}

/// True when an `r x c` SVD with vectors takes numox's float64 divide and conquer: squareish
/// (faer takes a QR first when one side is much longer) and not too small.
fn dense_dc<T: LinalgElem>(r: usize, c: usize) -> bool {
    let (lo, hi) = (r.min(c), r.max(c));
    T::DTYPE == DType::Float64 && lo >= 64 && hi * 6 <= lo * 11
}

/// [`svd_one`] with vectors by [`super::bidiag_dc::svd_dense`] (`T` is f64).
fn svd_dc<T: LinalgElem>(m: MatRef<'_, T>, full: bool) -> Result<SvdParts<T>> {
    let back = |x: &Mat<f64>| {
        Mat::<T>::from_fn(x.nrows(), x.ncols(), |i, j| {
            from_real(&<Re<T> as num_traits::NumCast>::from(x[(i, j)]).unwrap_or(Re::<T>::nan()))
        })
    };
    let wide = m.nrows() < m.ncols();
    let x = if wide { m.transpose() } else { m };
    if T::DTYPE != DType::Float64 {
        return svd_one(
            m,
            if full {
                ComputeSvdVectors::Full
            } else {
                ComputeSvdVectors::Thin
            },
        );
    }
    // SAFETY: T is f64 (its dtype says so), so the view reinterprets f64 data as f64;
    // svd_dense copies it before any work.
    let a = unsafe {
        MatRef::<f64>::from_raw_parts(
            x.as_ptr() as *const f64,
            x.nrows(),
            x.ncols(),
            x.row_stride(),
            x.col_stride(),
        )
    };
    let (s, u, v) = super::bidiag_dc::svd_dense(a, full)
        .map_err(|_| Error::LinAlg("SVD did not converge".into()))?;
    let (u, v) = if wide { (v, u) } else { (u, v) };
    Ok(SvdParts {
        u: back(&u),
        s: s.iter()
            .map(|&x| <Re<T> as num_traits::NumCast>::from(x).unwrap_or(Re::<T>::nan()))
            .collect(),
        v: back(&v),
    })
}

/// The singular value decomposition of each matrix of `a` (`numpy.linalg.svd(a,
/// full_matrices)`): `(U, S, Vh)` with `a = U @ diag(S) @ Vh`, singular values descending. With
/// `full_matrices` `U` is `(M, M)` and `Vh` `(N, N)`, otherwise `(M, K)` and `(K, N)`,
/// `K = min(M, N)`. `S` is real.
///
/// ```
/// use numox::{array, linalg};
/// let (u, s, vh) = linalg::svd(&array![[3.0, 0.0], [0.0, -4.0], [0.0, 0.0]], true).unwrap();
/// assert_eq!((u.shape(), s.shape(), vh.shape()), (&[3, 3][..], &[2][..], &[2, 2][..]));
/// let s = s.to_vec::<f64>().unwrap();
/// assert!((s[0] - 4.0).abs() < 1e-12 && (s[1] - 3.0).abs() < 1e-12);
/// ```
pub fn svd(a: &Array, full_matrices: bool) -> Result<(Array, Array, Array)> {
    let x = Input::new(a, false)?;
    dispatch_compute!(x.dtype(), T => svd_stack::<T>(&x, full_matrices))
}

fn svd_stack<T: LinalgElem>(x: &Input, full: bool) -> Result<(Array, Array, Array)> {
    let (m, n) = (x.s.rows, x.s.cols);
    let k = m.min(n);
    let (uc, vr) = if full { (m, n) } else { (k, k) };
    let vecs = if full {
        ComputeSvdVectors::Full
    } else {
        ComputeSvdVectors::Thin
    };
    let mut uo = Output::new(&x.lead, m, uc, T::DTYPE)?;
    let mut vo = Output::new(&x.lead, vr, n, T::DTYPE)?;
    let mut sv = Vec::with_capacity(x.s.offsets.len() * k);
    for (i, &off) in x.s.offsets.iter().enumerate() {
        let p = svd_one(x.mat::<T>(off), vecs)?;
        copy_tiled(uo.mat::<T>(i), p.u.as_ref());
        vo.mat::<T>(i).copy_from(p.v.adjoint());
        sv.extend(p.s);
    }
    // Full vectors of an empty matrix: NumPy returns identities.
    if full && k == 0 {
        for i in 0..x.s.offsets.len() {
            let mut um = uo.mat::<T>(i);
            for d in 0..m {
                um[(d, d)] = faer::traits::math_utils::one::<T>();
            }
            let mut vm = vo.mat::<T>(i);
            for d in 0..n {
                vm[(d, d)] = faer::traits::math_utils::one::<T>();
            }
        }
    }
    Ok((
        cast_to(uo.a, x.res)?,
        from_values(&shape_of(&x.lead, &[k]), sv, x.res)?,
        cast_to(vo.a, x.res)?,
    ))
}

/// The singular values of each matrix of `a`, descending (`numpy.linalg.svdvals`, the same as
/// `numpy.linalg.svd(a, compute_uv=False)`).
///
/// ```
/// use numox::{array, linalg};
/// let s = linalg::svdvals(&array![[0.0, 2.0], [1.0, 0.0]]).unwrap();
/// assert_eq!(s.to_vec::<f64>().unwrap(), vec![2.0, 1.0]);
/// ```
pub fn svdvals(a: &Array) -> Result<Array> {
    let x = Input::new(a, false)?;
    dispatch_compute!(x.dtype(), T => {
        let k = x.s.rows.min(x.s.cols);
        let mut sv: Vec<Re<T>> = Vec::with_capacity(x.s.offsets.len() * k);
        for &off in &x.s.offsets {
            sv.extend(svd_one(x.mat::<T>(off), ComputeSvdVectors::No)?.s);
        }
        from_values(&shape_of(&x.lead, &[k]), sv, x.res)
    })
}

/// [`svd_one`] of `m`, or with `hermitian` of the Hermitian matrix of its lower triangle (what
/// `hermitian=True` reads).
fn svd_of<T: LinalgElem>(
    m: MatRef<'_, T>,
    hermitian: bool,
    vecs: ComputeSvdVectors,
) -> Result<SvdParts<T>> {
    if hermitian {
        svd_one(super::eig::hermitian(m, super::eig::Uplo::L).as_ref(), vecs)
    } else {
        svd_one(m, vecs)
    }
}

/// The Moore-Penrose pseudo-inverse of each matrix of `a` (`numpy.linalg.pinv(a, rcond,
/// hermitian)`): singular values at most `rcond` times the largest are treated as zero; `None`
/// is NumPy's default `1e-15`. With `hermitian` the matrices are taken as Hermitian (only their
/// lower triangle is read).
///
/// ```
/// use numox::{array, linalg};
/// let p = linalg::pinv(&array![[1.0, 0.0], [0.0, 2.0], [0.0, 0.0]], None, false).unwrap();
/// assert_eq!(p.shape(), &[2, 3]);
/// assert!((p.get_as::<f64>(&[1, 1]).unwrap() - 0.5).abs() < 1e-12);
/// ```
pub fn pinv(a: &Array, rcond: Option<f64>, hermitian: bool) -> Result<Array> {
    let rcond = rcond.unwrap_or(1e-15);
    check_2d(a)?;
    let sh = a.shape();
    let (m, n) = (sh[sh.len() - 2], sh[sh.len() - 1]);
    if hermitian && m != n {
        return Err(Error::LinAlg(
            "Last 2 dimensions of the array must be square".into(),
        ));
    }
    if m == 0 || n == 0 {
        // NumPy returns before looking at the dtype.
        let lead = &sh[..sh.len() - 2];
        return Array::zeros(&shape_of(lead, &[n, m]), a.dtype());
    }
    let x = Input::new(a, false)?;
    let r = dispatch_compute!(x.dtype(), T => {
        let mut out = Output::new(&x.lead, n, m, T::DTYPE)?;
        for (i, &off) in x.s.offsets.iter().enumerate() {
            let p = svd_of(x.mat::<T>(off), hermitian, ComputeSvdVectors::Thin)?;
            let cutoff = <Re<T> as num_traits::NumCast>::from(rcond).unwrap_or(zero()) * p.s[0];
            // pinv = V diag(1/s) U^H over the singular values above the cutoff.
            let mut vs = p.v.clone();
            for (j, &s) in p.s.iter().enumerate() {
                let f = if s > cutoff { s.recip() } else { zero() };
                let fr = from_real::<T>(&f);
                for r in 0..n {
                    let v = vs[(r, j)];
                    vs[(r, j)] = v * fr;
                }
            }
            let res = vs.as_ref() * p.u.adjoint();
            out.mat::<T>(i).copy_from(res.as_ref());
        }
        Ok::<Array, Error>(out.a)
    })?;
    cast_to(r, x.res)
}

/// The rank of each matrix of `a` (`numpy.linalg.matrix_rank(A, tol, hermitian)`): the number
/// of singular values above `tol`, by default NumPy's `S.max() * max(M, N) * eps` (eps of the
/// result precision). A 1-D or 0-d `a` has rank 1 unless all its elements are zero. The result
/// is int64.
///
/// ```
/// use numox::{array, linalg};
/// let r = linalg::matrix_rank(&array![[1.0, 2.0], [2.0, 4.0]], None, false).unwrap();
/// assert_eq!(r.item_as::<i64>().unwrap(), 1);
/// ```
pub fn matrix_rank(a: &Array, tol: Option<f64>, hermitian: bool) -> Result<Array> {
    if a.ndim() < 2 {
        return Ok(Array::scalar(i64::from(crate::count_nonzero(a) > 0)));
    }
    let sh = a.shape();
    let (m, n) = (sh[sh.len() - 2], sh[sh.len() - 1]);
    if hermitian && m != n {
        return Err(Error::LinAlg(
            "Last 2 dimensions of the array must be square".into(),
        ));
    }
    let x = Input::new(a, false)?;
    if m.min(n) == 0 {
        // No singular values: rank 0.
        return Array::zeros(&x.lead, DType::Int64);
    }
    let eps = if matches!(x.res, DType::Float32 | DType::Complex64) {
        f32::EPSILON as f64
    } else {
        f64::EPSILON
    };
    dispatch_compute!(x.dtype(), T => {
        let mut ranks = Vec::with_capacity(x.s.offsets.len());
        for &off in &x.s.offsets {
            let s = svd_of(x.mat::<T>(off), hermitian, ComputeSvdVectors::No)?.s;
            // NumPy compares singular values of the result precision.
            let s: Vec<f64> = s
                .iter()
                .map(|v| {
                    let v = v.to_f64().unwrap_or(f64::NAN);
                    if eps == f64::EPSILON { v } else { v as f32 as f64 }
                })
                .collect();
            let t = tol.unwrap_or_else(|| s[0] * (m.max(n) as f64) * eps);
            ranks.push(s.iter().filter(|&&v| v > t).count() as i64);
        }
        Array::from_shape_vec(&x.lead, ranks)
    })
}

/// The least-squares solution of `a @ x = b` (`numpy.linalg.lstsq(a, b, rcond)`):
/// `(x, residuals, rank, s)`. `a` is `(M, N)`, `b` `(M,)` or `(M, K)`; singular values at most
/// `rcond` times the largest count as zero (`None`: NumPy's `eps * max(M, N)`). The residuals
/// (squared norms of `b - a @ x` per column) are given only when the rank is `N` and `M > N`,
/// otherwise they are empty. `s` are `a`'s singular values.
///
/// ```
/// use numox::{array, linalg};
/// let a = array![[1.0, 0.0], [1.0, 1.0], [1.0, 2.0]];
/// let (x, res, rank, s) = linalg::lstsq(&a, &array![1.0, 2.0, 2.0], None).unwrap();
/// assert_eq!(rank, 2);
/// assert_eq!((x.shape(), res.shape(), s.shape()), (&[2][..], &[1][..], &[2][..]));
/// ```
pub fn lstsq(a: &Array, b: &Array, rcond: Option<f64>) -> Result<(Array, Array, usize, Array)> {
    let vector = b.ndim() == 1;
    let b2 = if vector {
        b.reshape(&[b.shape()[0] as isize, 1])?
    } else {
        b.clone()
    };
    for arr in [a, &b2] {
        if arr.ndim() != 2 {
            return Err(Error::LinAlg(format!(
                "{}-dimensional array given. Array must be two-dimensional",
                arr.ndim()
            )));
        }
    }
    let (m, n) = (a.shape()[0], a.shape()[1]);
    let (m2, k) = (b2.shape()[0], b2.shape()[1]);
    if m != m2 {
        return Err(Error::LinAlg("Incompatible dimensions".into()));
    }
    let (compute, res) = common_type(&[a.dtype(), b.dtype()])?;
    let rcond = rcond.unwrap_or(f64::EPSILON * m.max(n) as f64);
    let xa = Input::with(a, compute, res)?;
    let xb = Input::with(&b2, compute, res)?;
    dispatch_compute!(compute, T => lstsq_one::<T>(&xa, &xb, rcond, vector, (m, n, k)))
}

/// `lstsq` reduces `a` by a QR factorisation first when it has at least this many times more
/// rows than columns (LAPACK's `gelsd` does the same), then works on the small `R`.
const QR_FIRST: f64 = 1.6;

fn lstsq_one<T: LinalgElem>(
    xa: &Input,
    xb: &Input,
    rcond: f64,
    vector: bool,
    (m, n, k): (usize, usize, usize),
) -> Result<(Array, Array, usize, Array)> {
    let am = xa.mat::<T>(xa.s.offsets[0]);
    let bm = xb.mat::<T>(xb.s.offsets[0]);
    // With A = Q R, min |A x - b| is min |R x - (Q^H b)[..n]|, and the residual of a full-rank
    // solution is |(Q^H b)[n..]|^2; R has A's singular values.
    let tall = n > 0 && m as f64 >= QR_FIRST * n as f64;
    let mut qhb = Mat::<T>::zeros(0, 0);
    let r_owned;
    let (sys, rhs) = if tall {
        // faer's parallel QR of a thin panel is slower than its serial one on two cores.
        let par = if n < 256 {
            Par::Seq
        } else {
            par_for((2 * m * n * n) as f64)
        };
        let bs = qr_factor::recommended_block_size::<T>(m, n);
        let mut qr = am.to_owned();
        let mut coeff = Mat::<T>::zeros(bs, n);
        let mut mem = scratch(StackReq::any_of(&[
            qr_factor::qr_in_place_scratch::<T>(m, n, bs, par, Default::default()),
            householder::apply_block_householder_sequence_transpose_on_the_left_in_place_scratch::<T>(
                m, bs, k,
            ),
        ]));
        qr_factor::qr_in_place(
            qr.as_mut(),
            coeff.as_mut(),
            par,
            stack_of(&mut mem),
            Default::default(),
        );
        qhb = bm.to_owned();
        householder::apply_block_householder_sequence_transpose_on_the_left_in_place_with_conj(
            qr.get(.., ..n),
            coeff.as_ref(),
            Conj::Yes,
            qhb.as_mut(),
            par,
            stack_of(&mut mem),
        );
        // R is the upper triangle of the factored matrix's first n rows.
        r_owned = Mat::from_fn(n, n, |i, j| if i <= j { qr[(i, j)] } else { zero() });
        (r_owned.as_ref(), qhb.get(..n, ..))
    } else {
        (am, bm)
    };
    let p = svd_one(sys, ComputeSvdVectors::Thin)
        .map_err(|_| Error::LinAlg("SVD did not converge in Linear Least Squares".into()))?;
    let cutoff = p.s.first().map_or(zero(), |&s0| {
        <Re<T> as num_traits::NumCast>::from(rcond).unwrap_or(zero()) * s0
    });
    let rank = p.s.iter().filter(|&&s| s > cutoff).count();
    // x = V diag(1/s) U^H b over the first `rank` singular values.
    let mut x = Mat::<T>::zeros(n, k);
    if rank > 0 && k > 0 {
        let mut c = p.u.get(.., ..rank).adjoint() * rhs;
        for (j, &s) in p.s[..rank].iter().enumerate() {
            let f = from_real::<T>(&s.recip());
            for col in 0..k {
                let v = c[(j, col)];
                c[(j, col)] = v * f;
            }
        }
        x = p.v.get(.., ..rank) * c.as_ref();
    }
    // The residual rows: (Q^H b)[n..] after a QR, b - A x otherwise.
    let resid: Vec<Re<T>> = if rank == n && m > n {
        let diff;
        let r = if tall {
            qhb.get(n.., ..)
        } else {
            diff = bm.to_owned() - am * x.as_ref();
            diff.as_ref()
        };
        (0..k)
            .map(|col| (0..r.nrows()).fold(zero(), |acc: Re<T>, row| acc + abs2(&r[(row, col)])))
            .collect()
    } else {
        Vec::new()
    };
    let mut xv = Vec::with_capacity(n * k);
    for row in 0..n {
        for col in 0..k {
            xv.push(x[(row, col)]);
        }
    }
    let xshape: Vec<usize> = if vector { vec![n] } else { vec![n, k] };
    let nres = resid.len();
    Ok((
        from_values(&xshape, xv, xa.res)?,
        from_values(&[nres], resid, xa.res)?,
        rank,
        from_values(&[p.s.len()], p.s, xa.res)?,
    ))
}
