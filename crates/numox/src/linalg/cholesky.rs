//! `cholesky`: the Cholesky factor of Hermitian positive-definite matrices (faer's blocked LLT).

use super::batch::{cast_to, dispatch_compute, owned, scratch, stack_of, Input, Output};
use super::bridge::LinalgElem;
use super::lu::par_n;
use crate::array::Array;
use crate::error::{Error, Result};
use faer::linalg::cholesky::llt::factor;
use faer::traits::math_utils::zero;

/// The Cholesky factor of each matrix of `a` (`numpy.linalg.cholesky(a, upper=upper)`): the
/// lower-triangular `L` with `a = L @ L^H` read from `a`'s lower triangle, or with `upper` the
/// upper-triangular `U = L^H` read from its upper triangle.
///
/// ```
/// use numox::{array, linalg};
/// let l = linalg::cholesky(&array![[4.0, 2.0], [2.0, 5.0]], false).unwrap();
/// assert_eq!(l.to_vec::<f64>().unwrap(), vec![2.0, 0.0, 1.0, 2.0]);
/// let e = linalg::cholesky(&array![[1.0, 2.0], [2.0, 1.0]], false).unwrap_err();
/// assert_eq!(e.to_string(), "Matrix is not positive definite");
/// ```
pub fn cholesky(a: &Array, upper: bool) -> Result<Array> {
    let x = Input::new(a, true)?;
    let r = dispatch_compute!(x.dtype(), T => cholesky_stack::<T>(&x, upper))?;
    cast_to(r, x.res)
}

fn cholesky_stack<T: LinalgElem>(x: &Input, upper: bool) -> Result<Array> {
    let n = x.s.rows;
    let mut out = Output::new(&x.lead, n, n, T::DTYPE)?;
    if n == 0 {
        return Ok(out.a);
    }
    let par = par_n(n);
    let mut mem = scratch(factor::cholesky_in_place_scratch::<T>(
        n,
        par,
        Default::default(),
    ));
    for (k, &off) in x.s.offsets.iter().enumerate() {
        let m = x.mat::<T>(off);
        // The upper triangle of A is the lower one of A^H.
        let mut l = owned(m);
        if upper {
            l.as_mut().copy_from(m.adjoint());
        }
        factor::cholesky_in_place(
            l.as_mut(),
            Default::default(),
            par,
            stack_of(&mut mem),
            Default::default(),
        )
        .map_err(|_| Error::LinAlg("Matrix is not positive definite".into()))?;
        for j in 1..n {
            for i in 0..j {
                l[(i, j)] = zero::<T>();
            }
        }
        let mut o = out.mat::<T>(k);
        if upper {
            o.copy_from(l.adjoint());
        } else {
            o.copy_from(l.as_ref());
        }
    }
    Ok(out.a)
}
