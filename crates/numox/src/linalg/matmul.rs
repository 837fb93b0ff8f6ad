//! `matmul` (NumPy's `@`): 1-D operands promoted to matrices, stacks broadcast over their
//! leading axes, the result in the promoted dtype. float32, float64 and the complex types
//! multiply on faer's kernels; float16 and bfloat16 in float32 (rounded back once); integers and
//! booleans with a generic kernel in their own dtype (integers wrap, booleans or their ands).

use super::bridge::{dispatch_linalg, mat_ref, par_for, LinalgElem, Stack};
use crate::array::Array;
use crate::dtype::{DType, Element};
use crate::error::{fmt_shape, Error, Result};
use crate::kernels::elem::Arith;
use crate::layout::broadcast_shapes;
use crate::promote::promote_types;
use crate::ufunc::engine::new_contiguous;
use faer::linalg::matmul::triangular::{self, BlockStructure};
use faer::{Accum, MatMut, Par};
use rayon::prelude::*;

/// The gufunc signature NumPy's errors quote.
const SIG: &str = "(n?,k),(k,m?)->(n?,m?)";

/// Operations per matrix below which a stack is split across threads by matrices (each product
/// on one core) rather than inside each product.
const BATCH_PAR_MAX: f64 = 5e7;

/// Total operations above which a stack of small products uses both cores.
const BATCH_PAR_MIN: f64 = 2e6;

/// The matrix product of two arrays (`np.matmul(a, b)`, `a @ b`).
///
/// A 1-D `a` is a row vector and a 1-D `b` a column vector, and the added axis is removed from
/// the result; arrays with more than two dimensions are stacks of matrices in their last two
/// axes, broadcast against each other. The result dtype is NumPy's promotion of the two dtypes.
///
/// ```
/// use numox::{array, matmul};
/// let a = array![[1.0, 2.0], [3.0, 4.0]];
/// let b = array![[5.0, 6.0], [7.0, 8.0]];
/// assert_eq!(matmul(&a, &b).unwrap().to_vec::<f64>().unwrap(), vec![19.0, 22.0, 43.0, 50.0]);
/// let v = array![1i32, 1];
/// assert_eq!(matmul(&a, &v).unwrap().to_vec::<f64>().unwrap(), vec![3.0, 7.0]);
/// assert_eq!(matmul(&v, &v).unwrap().shape(), &[] as &[usize]);
/// let e = matmul(&a, &array![1.0, 2.0, 3.0]).unwrap_err();
/// assert_eq!(
///     e.to_string(),
///     "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature \
///      (n?,k),(k,m?)->(n?,m?) (size 3 is different from 2)"
/// );
/// ```
pub fn matmul(a: &Array, b: &Array) -> Result<Array> {
    for (i, x) in [a, b].into_iter().enumerate() {
        if x.ndim() == 0 {
            return Err(Error::Value(format!(
                "matmul: Input operand {i} does not have enough dimensions (has 0, gufunc core \
                 with signature {SIG} requires 1)"
            )));
        }
    }
    let dt = promote_types(a.dtype(), b.dtype())?;
    let a2 = if a.ndim() == 1 {
        a.reshape(&[1, -1])?
    } else {
        a.clone()
    };
    let b2 = if b.ndim() == 1 {
        b.reshape(&[-1, 1])?
    } else {
        b.clone()
    };
    let (na, nb) = (a2.ndim(), b2.ndim());
    let (n, k) = (a2.shape()[na - 2], a2.shape()[na - 1]);
    let (k2, m) = (b2.shape()[nb - 2], b2.shape()[nb - 1]);
    if k != k2 {
        return Err(Error::Value(format!(
            "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc \
             signature {SIG} (size {k2} is different from {k})"
        )));
    }
    let batch = broadcast_shapes(&[&a2.shape()[..na - 2], &b2.shape()[..nb - 2]])
        .map_err(|_| batch_error(a, b, &a2, &b2))?;
    let mut full: Vec<usize> = batch.to_vec();
    full.extend([n, m]);
    let mut shape: Vec<usize> = batch.to_vec();
    if a.ndim() > 1 {
        shape.push(n);
    }
    if b.ndim() > 1 {
        shape.push(m);
    }
    let out = product(&a2, &b2, &full, dt)?;
    let dims: Vec<isize> = shape.iter().map(|&d| d as isize).collect();
    out.reshape(&dims)
}

/// NumPy's error for stacks whose leading axes do not broadcast.
fn batch_error(a: &Array, b: &Array, a2: &Array, b2: &Array) -> Error {
    let remap = |x: &Array, x2: &Array| {
        let lead = &x2.shape()[..x2.ndim() - 2];
        let mut r: Vec<String> = lead.iter().map(|d| d.to_string()).collect();
        r.extend(
            x.shape()[x.ndim() - x.ndim().min(2)..]
                .iter()
                .map(|_| "newaxis".into()),
        );
        let joined = if r.len() == 1 {
            format!("{},", r[0])
        } else {
            r.join(",")
        };
        format!("{}->({joined})", fmt_shape(x.shape()))
    };
    Error::Value(format!(
        "operands could not be broadcast together with remapped shapes \
         [original->remapped]: {} {}  and requested shape ({})",
        remap(a, a2),
        remap(b, b2),
        core_shape(a, b, a2, b2)
    ))
}

/// The core dimensions NumPy lists as the requested shape in [`batch_error`].
fn core_shape(a: &Array, b: &Array, a2: &Array, b2: &Array) -> String {
    let mut d = Vec::new();
    if a.ndim() > 1 {
        d.push(a2.shape()[a2.ndim() - 2]);
    }
    if b.ndim() > 1 {
        d.push(b2.shape()[b2.ndim() - 1]);
    }
    match d.as_slice() {
        [x] => format!("{x},"),
        _ => d
            .iter()
            .map(|x| x.to_string())
            .collect::<Vec<_>>()
            .join(","),
    }
}

/// The stack of products of `a` (…, n, k) and `b` (…, k, m) as a fresh C-contiguous array of
/// shape `full` (the broadcast batch, n, m) and dtype `dt`.
pub(crate) fn product(a: &Array, b: &Array, full: &[usize], dt: DType) -> Result<Array> {
    let nd = full.len();
    let (n, m) = (full[nd - 2], full[nd - 1]);
    let k = a.shape()[a.ndim() - 1];
    if k == 0 || full.contains(&0) {
        return Array::zeros(full, dt);
    }
    let cd = match dt {
        DType::Float16 | DType::BFloat16 => DType::Float32,
        d => d,
    };
    let cast = |x: &Array| {
        if x.dtype() == cd {
            Ok(x.clone())
        } else {
            x.astype(cd)
        }
    };
    let (mut a, mut b) = (cast(a)?, cast(b)?);
    // A stack times one matrix whose rows lie evenly in memory is one taller product.
    if b.ndim() == 2 && a.ndim() > 2 && full.len() == a.ndim() {
        let rows = (a.size() / k) as isize;
        if let Some(l) = a.layout().reshaped(&[rows as usize, k]) {
            a = a.with_layout(l);
            let mut out = new_contiguous(&[rows as usize, m], cd)?;
            multiply_stack(&a, &b, &mut out, cd)?;
            let out = out.with_layout(crate::layout::Layout::contiguous(full));
            return finish(out, dt);
        }
    }
    let mut ashape = full[..nd - 2].to_vec();
    ashape.extend([n, k]);
    let mut bshape = full[..nd - 2].to_vec();
    bshape.extend([k, m]);
    a = a.broadcast_to(&ashape)?;
    b = b.broadcast_to(&bshape)?;
    let mut out = new_contiguous(full, cd)?;
    multiply_stack(&a, &b, &mut out, cd)?;
    finish(out, dt)
}

/// The result in its dtype (float16 and bfloat16 were computed in float32).
fn finish(out: Array, dt: DType) -> Result<Array> {
    if out.dtype() == dt {
        Ok(out)
    } else {
        out.astype(dt)
    }
}

/// Writes the products of the matrices of `a` and `b` (same stack shape, dtype `cd`) into the
/// fresh C-contiguous `out`.
fn multiply_stack(a: &Array, b: &Array, out: &mut Array, cd: DType) -> Result<()> {
    if let Some(r) = super::matvec::try_matvec(a, b, out, cd) {
        return r;
    }
    dispatch_linalg!(cd, T => gemm_stack::<T>(a, b, out),
        else _ => crate::dispatch_real!(cd, T => generic_stack::<T>(a, b, out),
            else other => Err(Error::DType(format!("matmul does not support {other}")))))
}

/// An output pointer that may cross threads: every thread writes its own matrices.
#[derive(Clone, Copy)]
struct OutPtr(*mut u8);
// SAFETY: the threads that share it write disjoint matrices of one fresh buffer.
unsafe impl Send for OutPtr {}
unsafe impl Sync for OutPtr {}

impl OutPtr {
    /// The pointer (a method, so closures capture the whole `Send` wrapper).
    fn get(self) -> *mut u8 {
        self.0
    }
}

/// The matrix products on faer: one product on both cores when it is big, a stack of small
/// ones split by matrices across the cores.
fn gemm_stack<T: LinalgElem>(a: &Array, b: &Array, out: &mut Array) -> Result<()> {
    let (sa, sb, so) = (Stack::of(a), Stack::of(b), Stack::of(out));
    let flops = 2.0 * sa.rows as f64 * sa.cols as f64 * sb.cols as f64;
    let count = so.offsets.len();
    let ptr = OutPtr(out.base_ptr_mut());
    let one = |i: usize, par: Par| {
        // SAFETY: the stacks describe `a`, `b` and `out`, which hold T; matrix i of `out` is
        // written by this call alone.
        unsafe {
            let lhs = mat_ref::<T>(a, &sa, sa.offsets[i]);
            let rhs = mat_ref::<T>(b, &sb, sb.offsets[i]);
            let p = (ptr.get() as *mut T).offset(so.offsets[i]);
            let dst = MatMut::from_raw_parts_mut(p, so.rows, so.cols, so.row_stride, so.col_stride);
            faer::linalg::matmul::matmul(dst, Accum::Replace, lhs, rhs, <T as Element>::one(), par);
        }
    };
    if count == 1 && is_gram(a, b, &sa, &sb) {
        // `x @ x.T`: the result is symmetric, so compute its lower half and mirror it (as
        // NumPy calls BLAS `syrk` for this product).
        // SAFETY: as above; the mirror stays inside the fresh n×n matrix of `out`.
        unsafe {
            let lhs = mat_ref::<T>(a, &sa, sa.offsets[0]);
            let rhs = mat_ref::<T>(b, &sb, sb.offsets[0]);
            let p = (ptr.get() as *mut T).offset(so.offsets[0]);
            let (rs, cs) = (so.row_stride, so.col_stride);
            let dst = MatMut::from_raw_parts_mut(p, so.rows, so.cols, rs, cs);
            let rect = BlockStructure::Rectangular;
            let lower = BlockStructure::TriangularLower;
            let one = <T as Element>::one();
            triangular::matmul(
                dst,
                lower,
                Accum::Replace,
                lhs,
                rect,
                rhs,
                rect,
                one,
                par_for(flops / 2.0),
            );
            mirror_lower(p, so.rows, rs, cs);
        }
        return Ok(());
    }
    if count > 1 && flops < BATCH_PAR_MAX && flops * count as f64 >= BATCH_PAR_MIN {
        (0..count).into_par_iter().for_each(|i| one(i, Par::Seq));
    } else {
        let par = par_for(flops);
        (0..count).for_each(|i| one(i, par));
    }
    Ok(())
}

/// Whether the single product `a @ b` is `x @ x.T` (`b` is the transposed view of `a`).
fn is_gram(a: &Array, b: &Array, sa: &Stack, sb: &Stack) -> bool {
    std::ptr::eq(a.base_ptr(), b.base_ptr())
        && sa.offsets == sb.offsets
        && sa.rows == sb.cols
        && sa.cols == sb.rows
        && sa.row_stride == sb.col_stride
        && sa.col_stride == sb.row_stride
        && sa.rows >= 64
}

/// Copies the lower triangle of the n×n matrix at `p` to its upper triangle, in cache blocks.
///
/// # Safety
/// `p` with strides `rs`, `cs` addresses an n×n matrix the caller holds alone.
unsafe fn mirror_lower<T: Copy>(p: *mut T, n: usize, rs: isize, cs: isize) {
    const B: usize = 64;
    for ib in (0..n).step_by(B) {
        for jb in (ib..n).step_by(B) {
            for i in ib..(ib + B).min(n) {
                for j in jb.max(i + 1)..(jb + B).min(n) {
                    // SAFETY: i, j < n.
                    unsafe {
                        *p.offset(i as isize * rs + j as isize * cs) =
                            *p.offset(j as isize * rs + i as isize * cs);
                    }
                }
            }
        }
    }
}

/// The matrix products in the dtype itself, for integers (wrapping) and booleans (or of ands):
/// row `i` of the result accumulates `a[i, p] * b[p, :]` over `p`.
fn generic_stack<T: Element + Arith>(a: &Array, b: &Array, out: &mut Array) -> Result<()> {
    let (sa, sb, so) = (Stack::of(a), Stack::of(b), Stack::of(out));
    let (n, k, m) = (sa.rows, sa.cols, sb.cols);
    let count = so.offsets.len();
    let ptr = OutPtr(out.base_ptr_mut());
    let pa = a.base_ptr() as *const T;
    let pb = b.base_ptr() as *const T;
    let (pa, pb) = (pa as usize, pb as usize);
    let one = |mi: usize| {
        for i in 0..n {
            // SAFETY: the stacks address elements inside the buffers of `a`, `b` and `out`;
            // `out` is C-contiguous and row i of matrix mi is written by this call alone.
            unsafe {
                let o = (ptr.get() as *mut T).offset(so.offsets[mi] + i as isize * so.row_stride);
                let row = std::slice::from_raw_parts_mut(o, m);
                row.fill(T::default());
                let arow = (pa as *const T).offset(sa.offsets[mi] + i as isize * sa.row_stride);
                for p in 0..k {
                    let x = *arow.offset(p as isize * sa.col_stride);
                    let brow = (pb as *const T).offset(sb.offsets[mi] + p as isize * sb.row_stride);
                    for (j, r) in row.iter_mut().enumerate() {
                        *r = r.add(x.mul(*brow.offset(j as isize * sb.col_stride)));
                    }
                }
            }
        }
    };
    if (n * k * m * count) as f64 >= BATCH_PAR_MIN && count > 1 {
        (0..count).into_par_iter().for_each(one);
    } else {
        (0..count).for_each(one);
    }
    Ok(())
}

impl Array {
    /// Method form of [`matmul`] (`a @ b`).
    ///
    /// ```
    /// let a = numox::array![[1i64, 2], [3, 4]];
    /// let r = a.matmul(&a).unwrap();
    /// assert_eq!(r.to_vec::<i64>().unwrap(), vec![7, 10, 15, 22]);
    /// ```
    pub fn matmul(&self, other: &Array) -> Result<Array> {
        matmul(self, other)
    }
}
