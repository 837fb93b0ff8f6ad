//! Matrix-vector products of float32 and float64 matrices with unit-stride rows: the product
//! only streams the matrix once, so it is bound by memory bandwidth. Both cores take halves of
//! the rows, and each row's dot product runs in independent FMA lanes (AVX2+FMA when the CPU
//! has it).

use super::bridge::Stack;
use crate::array::Array;
use crate::dtype::{DType, Element};
use crate::error::Result;
use crate::kernels::loops::has_avx2;
use rayon::prelude::*;

/// Matrix elements at or above which the rows are split across threads.
const PAR_MIN: usize = 1 << 18;

/// Rows per task when splitting.
const ROWS_PER_TASK: usize = 64;

/// Lanes of the dot product's accumulator (8 AVX2 registers of float64, 4 of float32).
const LANES: usize = 32;

/// A float with a fused multiply-add.
pub(crate) trait Fma:
    Element + std::ops::Add<Output = Self> + std::ops::Mul<Output = Self>
{
    /// `a * b + c` rounded once.
    fn fma(a: Self, b: Self, c: Self) -> Self;
}

impl Fma for f32 {
    #[inline(always)]
    fn fma(a: f32, b: f32, c: f32) -> f32 {
        a.mul_add(b, c)
    }
}

impl Fma for f64 {
    #[inline(always)]
    fn fma(a: f64, b: f64, c: f64) -> f64 {
        a.mul_add(b, c)
    }
}

/// The dot product of two equal-length slices in [`LANES`] accumulators, summed as a tree.
/// `madd` is the lane update (a fused or a plain multiply-add).
#[inline(always)]
fn dot_lanes<T: Fma>(a: &[T], b: &[T], madd: impl Fn(T, T, T) -> T) -> T {
    let mut acc = [T::default(); LANES];
    let (ca, cb) = (a.chunks_exact(LANES), b.chunks_exact(LANES));
    let (ra, rb) = (ca.remainder(), cb.remainder());
    for (x, y) in ca.zip(cb) {
        for i in 0..LANES {
            acc[i] = madd(x[i], y[i], acc[i]);
        }
    }
    let mut tail = T::default();
    for (&x, &y) in ra.iter().zip(rb) {
        tail = madd(x, y, tail);
    }
    let mut w = LANES;
    while w > 1 {
        w /= 2;
        for i in 0..w {
            acc[i] = acc[i] + acc[i + w];
        }
    }
    acc[0] + tail
}

/// [`dot_lanes`] with FMA instructions.
///
/// # Safety
/// The CPU has AVX2 and FMA.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn dot_fma<T: Fma>(a: &[T], b: &[T]) -> T {
    dot_lanes(a, b, T::fma)
}

/// The dot product of two equal-length slices.
fn dot<T: Fma>(a: &[T], b: &[T], fma: bool) -> T {
    #[cfg(target_arch = "x86_64")]
    if fma {
        // SAFETY: `fma` is set only when the CPU has AVX2 and FMA.
        return unsafe { dot_fma(a, b) };
    }
    let _ = fma;
    dot_lanes(a, b, |x, y, c| x * y + c)
}

/// `out = a @ x` when `a` (the stack of one matrix) has unit-stride rows and `x` (a k×1
/// matrix) is contiguous; `None` (nothing written) for other layouts and dtypes.
pub(crate) fn try_matvec(a: &Array, x: &Array, out: &mut Array, cd: DType) -> Option<Result<()>> {
    let (sa, sx) = (Stack::of(a), Stack::of(x));
    let fits = sa.offsets.len() == 1
        && sx.offsets.len() == 1
        && sx.cols == 1
        && (sa.col_stride == 1 || sa.cols <= 1)
        && (sx.row_stride == 1 || sx.rows <= 1)
        && sa.row_stride >= 0
        && out.is_c_contiguous();
    if !fits {
        return None;
    }
    match cd {
        DType::Float32 => Some(matvec::<f32>(a, x, out, &sa, &sx)),
        DType::Float64 => Some(matvec::<f64>(a, x, out, &sa, &sx)),
        _ => None,
    }
}

fn matvec<T: Fma>(a: &Array, x: &Array, out: &mut Array, sa: &Stack, sx: &Stack) -> Result<()> {
    let (n, k) = (sa.rows, sa.cols);
    let fma = has_avx2();
    // SAFETY: the stacks describe `a` and `x`, which hold T: x's k elements are contiguous from
    // its offset, and row i of `a` holds k contiguous elements from offset + i * row_stride.
    let xs =
        unsafe { std::slice::from_raw_parts((x.base_ptr() as *const T).offset(sx.offsets[0]), k) };
    let base = a.base_ptr() as usize;
    let (off, rs) = (sa.offsets[0], sa.row_stride);
    let row = |i: usize| -> &[T] {
        // SAFETY: as above; i < n.
        unsafe {
            let p = (base as *const T).offset(off + i as isize * rs);
            std::slice::from_raw_parts(p, k)
        }
    };
    let dst = out.as_slice_mut::<T>()?;
    if n * k >= PAR_MIN {
        dst.par_chunks_mut(ROWS_PER_TASK)
            .enumerate()
            .for_each(|(c, ch)| {
                for (j, d) in ch.iter_mut().enumerate() {
                    *d = dot(row(c * ROWS_PER_TASK + j), xs, fma);
                }
            });
    } else {
        for (i, d) in dst.iter_mut().enumerate() {
            *d = dot(row(i), xs, fma);
        }
    }
    Ok(())
}
