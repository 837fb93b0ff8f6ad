//! `solve`, `inv`, `det` and `slogdet`: LU factorisation with partial pivoting (faer's blocked,
//! parallel LU), as LAPACK's `getrf` that NumPy calls.

use super::batch::{
    cast_to, common_type, dispatch_compute, from_values, owned, scratch, shape_of, stack_of, Input,
    Output, Re, Work,
};
use super::bridge::{check_square, par_for, LinalgElem};
use crate::array::Array;
use crate::error::{Error, Result};
use crate::layout::broadcast_shapes;
use faer::linalg::lu::partial_pivoting::{inverse, solve as lu_solve};
use faer::perm::PermRef;
use faer::traits::math_utils::{abs, from_real, infinity, one, zero};
use faer::{MatRef, Par};
use num_traits::Float;

/// An LU factorisation `P A = L U` of a square matrix (or of its transpose, when `transposed`:
/// a row-major matrix is factored as its column-major transpose), `L` and `U` packed in one
/// matrix.
pub(crate) struct Lu<T: LinalgElem> {
    transposed: bool,
    lu: Work<T>,
    perm: Vec<usize>,
    perm_inv: Vec<usize>,
    transpositions: usize,
}

impl<T: LinalgElem> Lu<T> {
    /// Factors `m` (square) with parallelism `par`, or its transpose when `m` is closer to
    /// row-major (faer's LU wants column-major; det(A^T) = det(A) and the solves and inverse
    /// account for it).
    pub(crate) fn new(m: MatRef<'_, T>, par: Par) -> Result<Lu<T>> {
        let transposed = m.row_stride().unsigned_abs() > m.col_stride().unsigned_abs();
        let m = if transposed { m.transpose() } else { m };
        let n = m.nrows();
        // Reused memory, written whole by the copy.
        let mut lu = Work::new(n, n)?;
        lu.as_mut().copy_from(m);
        let mut perm = vec![0usize; n];
        let mut perm_inv = vec![0usize; n];
        if n == 0 {
            return Ok(Lu {
                transposed,
                lu,
                perm,
                perm_inv,
                transpositions: 0,
            });
        }
        let transpositions =
            super::lu_blocked::lu_in_place(lu.as_mut(), &mut perm, &mut perm_inv, par);
        Ok(Lu {
            transposed,
            lu,
            perm,
            perm_inv,
            transpositions,
        })
    }

    /// True when a pivot is exactly zero (LAPACK's `info > 0`: NumPy's "Singular matrix").
    pub(crate) fn singular(&self) -> bool {
        (0..self.lu.as_ref().nrows()).any(|i| self.lu.as_ref()[(i, i)] == zero::<T>())
    }

    fn perm(&self) -> PermRef<'_, usize> {
        PermRef::new_checked(&self.perm, &self.perm_inv, self.perm.len())
    }

    /// Solves `A X = B` in place (`b` has the matrix's row count).
    pub(crate) fn solve_in_place(&self, b: faer::MatMut<'_, T>, par: Par) {
        let n = self.lu.as_ref().nrows();
        let mut mem = scratch(lu_solve::solve_in_place_scratch::<usize, T>(
            n,
            b.ncols(),
            par,
        ));
        let lu = self.lu.as_ref();
        if n == 0 {
            return;
        }
        if self.transposed {
            // A = (A^T)^T: solve with the transpose of the factored matrix.
            lu_solve::solve_transpose_in_place(lu, lu, self.perm(), b, par, stack_of(&mut mem));
        } else {
            lu_solve::solve_in_place(lu, lu, self.perm(), b, par, stack_of(&mut mem));
        }
    }

    /// Writes the inverse into `out`.
    pub(crate) fn inverse_into(&self, out: faer::MatMut<'_, T>, par: Par) {
        let n = self.lu.as_ref().nrows();
        if n == 0 {
            return;
        }
        let mut mem = scratch(inverse::inverse_scratch::<usize, T>(n, par));
        let lu = self.lu.as_ref();
        // inv(A)^T = inv(A^T).
        let out = if self.transposed {
            out.transpose_mut()
        } else {
            out
        };
        inverse::inverse(out, lu, lu, self.perm(), par, stack_of(&mut mem));
    }

    /// The determinant's sign (a unit complex number, or 0) and the log of its absolute value,
    /// as NumPy's slogdet (sign 0 and logabsdet -inf for a zero pivot).
    pub(crate) fn slogdet(&self) -> (T, Re<T>) {
        let mut sign: T = if self.transpositions % 2 == 1 {
            -one::<T>()
        } else {
            one::<T>()
        };
        let mut log = zero::<Re<T>>();
        for i in 0..self.lu.as_ref().nrows() {
            let u = self.lu.as_ref()[(i, i)];
            let a = abs(&u);
            if a == zero::<Re<T>>() {
                return (zero::<T>(), -infinity::<Re<T>>());
            }
            let (prev_sign, prev_log) = (sign, log);
            sign = prev_sign * (u / from_real::<T>(&a));
            log = prev_log + a.ln();
        }
        (sign, log)
    }

    /// The determinant: the product of the pivots with the permutation's sign.
    pub(crate) fn det(&self) -> T {
        let mut p: T = one::<T>();
        for i in 0..self.lu.as_ref().nrows() {
            let u = self.lu.as_ref()[(i, i)];
            // A zero pivot makes the determinant 0 (faer's later pivots may be NaN then).
            if u == zero::<T>() {
                return zero::<T>();
            }
            let prev = p;
            p = prev * u;
        }
        if self.transpositions % 2 == 1 {
            -p
        } else {
            p
        }
    }
}

/// faer's parallelism for an `n x n` factorisation.
pub(crate) fn par_n(n: usize) -> Par {
    par_for((n * n * n) as f64)
}

fn singular() -> Error {
    Error::LinAlg("Singular matrix".into())
}

/// The inverse of each matrix of `a` (`numpy.linalg.inv`).
///
/// Integer inputs compute in float64; float32 and complex64 give results of their precision.
/// A matrix with a zero pivot is an error, as in NumPy.
///
/// ```
/// use numox::{array, linalg};
/// let a = array![[4.0, 7.0], [2.0, 6.0]];
/// let inv = linalg::inv(&a).unwrap();
/// assert_eq!(inv.shape(), &[2, 2]);
/// assert!((inv.get_as::<f64>(&[0, 0]).unwrap() - 0.6).abs() < 1e-12);
/// let e = linalg::inv(&array![[1.0, 2.0], [2.0, 4.0]]).unwrap_err();
/// assert_eq!(e.to_string(), "Singular matrix");
/// ```
pub fn inv(a: &Array) -> Result<Array> {
    let x = Input::new(a, true)?;
    let n = x.s.rows;
    let r = dispatch_compute!(x.dtype(), T => inv_stack::<T>(&x, n, false))?;
    cast_to(r, x.res)
}

/// [`inv`] with NaN matrices for singular ones instead of an error (what `cond` uses, as
/// NumPy's inv gufunc does under `errstate(all='ignore')`).
pub(crate) fn inv_or_nan(a: &Array) -> Result<Array> {
    let x = Input::new(a, true)?;
    let n = x.s.rows;
    let r = dispatch_compute!(x.dtype(), T => inv_stack::<T>(&x, n, true))?;
    cast_to(r, x.res)
}

fn inv_stack<T: LinalgElem>(x: &Input, n: usize, nan_on_singular: bool) -> Result<Array> {
    let mut out = Output::new(&x.lead, n, n, T::DTYPE)?;
    let par = par_n(n);
    for (k, &off) in x.s.offsets.iter().enumerate() {
        let lu = Lu::new(x.mat::<T>(off), par)?;
        if lu.singular() {
            if !nan_on_singular {
                return Err(singular());
            }
            out.mat::<T>(k).fill(faer::traits::math_utils::nan::<T>());
            continue;
        }
        lu.inverse_into(out.mat::<T>(k), par);
    }
    Ok(out.a)
}

/// The determinant of each matrix of `a` (`numpy.linalg.det`); a 0-d array for one matrix.
///
/// ```
/// use numox::{array, linalg};
/// let d = linalg::det(&array![[1.0, 2.0], [3.0, 4.0]]).unwrap();
/// assert!((d.item_as::<f64>().unwrap() + 2.0).abs() < 1e-12);
/// ```
pub fn det(a: &Array) -> Result<Array> {
    let x = Input::new(a, true)?;
    dispatch_compute!(x.dtype(), T => {
        let par = par_n(x.s.rows);
        let v = x.s.offsets.iter().map(|&off| Ok(Lu::new(x.mat::<T>(off), par)?.det())).collect::<Result<Vec<T>>>()?;
        from_values(&x.lead, v, x.res)
    })
}

/// The sign and the natural log of the absolute value of the determinant of each matrix of `a`
/// (`numpy.linalg.slogdet`): `(sign, logabsdet)`; the sign of a complex matrix is complex, the
/// log is real. A singular matrix gives sign 0 and logabsdet -inf.
///
/// ```
/// use numox::{array, linalg};
/// let (sign, logdet) = linalg::slogdet(&array![[1.0, 2.0], [3.0, 4.0]]).unwrap();
/// assert_eq!(sign.item_as::<f64>().unwrap(), -1.0);
/// assert!((logdet.item_as::<f64>().unwrap() - 2f64.ln()).abs() < 1e-12);
/// ```
pub fn slogdet(a: &Array) -> Result<(Array, Array)> {
    let x = Input::new(a, true)?;
    dispatch_compute!(x.dtype(), T => {
        let par = par_n(x.s.rows);
        let pairs = x.s.offsets.iter().map(|&off| Ok(Lu::new(x.mat::<T>(off), par)?.slogdet())).collect::<Result<Vec<_>>>()?;
        let (signs, logs): (Vec<T>, Vec<Re<T>>) = pairs.into_iter().unzip();
        Ok((from_values(&x.lead, signs, x.res)?, from_values(&x.lead, logs, x.res)?))
    })
}

/// The solution `x` of `a @ x = b` for each matrix of `a` (`numpy.linalg.solve`).
///
/// As in NumPy 2, `b` is a stack of vectors only when it is 1-D (shape `(M,)`); otherwise it is a
/// stack of `(M, K)` matrices, and the stacks of `a` and `b` broadcast together.
///
/// ```
/// use numox::{array, linalg};
/// let a = array![[3.0, 1.0], [1.0, 2.0]];
/// let x = linalg::solve(&a, &array![9.0, 8.0]).unwrap();
/// assert_eq!(x.shape(), &[2]);
/// assert!((x.get_as::<f64>(&[0]).unwrap() - 2.0).abs() < 1e-12);
/// assert!((x.get_as::<f64>(&[1]).unwrap() - 3.0).abs() < 1e-12);
/// ```
pub fn solve(a: &Array, b: &Array) -> Result<Array> {
    check_square(a)?;
    let (compute, res) = common_type(&[a.dtype(), b.dtype()])?;
    let n = a.shape()[a.ndim() - 1];
    let alead = &a.shape()[..a.ndim() - 2];
    let vector = b.ndim() == 1;
    let (m, k, blead) = if vector {
        (b.shape()[0], 1, &b.shape()[..0])
    } else if b.ndim() == 0 {
        return Err(Error::Value(
            "solve: Input operand 1 does not have enough dimensions (has 0, gufunc core with signature (m,m),(m,n)->(m,n) requires 2)".into(),
        ));
    } else {
        let bs = b.shape();
        (bs[bs.len() - 2], bs[bs.len() - 1], &bs[..bs.len() - 2])
    };
    if m != n {
        let sig = if vector {
            "(m,m),(m)->(m)"
        } else {
            "(m,m),(m,n)->(m,n)"
        };
        return Err(Error::Value(format!(
            "solve{}: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature {sig} (size {m} is different from {n})",
            if vector { "1" } else { "" }
        )));
    }
    let lead = broadcast_shapes(&[alead, blead])
        .map_err(|_| {
            // NumPy's gufunc words for stacks that do not broadcast.
            let remap = |sh: &[usize]| {
                let lead: Vec<String> = sh[..sh.len() - 2].iter().map(|d| d.to_string()).collect();
                let mut parts = lead;
                parts.extend(["newaxis".to_string(), "newaxis".to_string()]);
                format!("{}->({})", crate::error::fmt_shape(sh), parts.join(","))
            };
            Error::Value(format!(
                "operands could not be broadcast together with remapped shapes [original->remapped]: {} {}  and requested shape ({n},{k})",
                remap(a.shape()),
                remap(b.shape())
            ))
        })?
        .to_vec();
    let a2 = a.broadcast_to(&shape_of(&lead, &[n, n]))?;
    let b2 = if vector {
        b.reshape(&[n as isize, 1])?
    } else {
        b.clone()
    };
    let b2 = b2.broadcast_to(&shape_of(&lead, &[n, k]))?;
    let xa = Input::with(&a2, compute, res)?;
    let xb = Input::with(&b2, compute, res)?;
    let r = dispatch_compute!(compute, T => solve_stack::<T>(&xa, &xb, n, k))?;
    let shape = if vector {
        shape_of(&lead, &[n])
    } else {
        shape_of(&lead, &[n, k])
    };
    cast_to(r.into_shape(&shape)?, res)
}

fn solve_stack<T: LinalgElem>(xa: &Input, xb: &Input, n: usize, k: usize) -> Result<Output> {
    let mut out = Output::new(&xa.lead, n, k, T::DTYPE)?;
    let par = par_n(n);
    for (i, (&oa, &ob)) in xa.s.offsets.iter().zip(&xb.s.offsets).enumerate() {
        let lu = Lu::new(xa.mat::<T>(oa), par)?;
        if lu.singular() {
            return Err(singular());
        }
        let mut rhs = owned(xb.mat::<T>(ob));
        lu.solve_in_place(rhs.as_mut(), par);
        out.mat::<T>(i).copy_from(rhs.as_ref());
    }
    Ok(out)
}
