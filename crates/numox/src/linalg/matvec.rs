//! Matrix-vector products of float32 and float64 matrices with unit-stride rows: the product
//! only streams the matrix once, so it is bound by memory bandwidth. Both cores take halves of
//! the rows, four rows per pass share the loads of the vector, and each row's dot product runs
//! in independent FMA lanes (AVX2+FMA when the CPU has it).

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

/// The dot products of `R` equal-length rows with `x`, in `L` accumulators per row summed as a
/// tree: the row streams share each load of `x`, so the loop is bound by the matrix's bandwidth
/// only. `madd` is the lane update (a fused or a plain multiply-add).
#[inline(always)]
fn dot_rows<T: Fma, const R: usize, const L: usize>(
    rows: [&[T]; R],
    x: &[T],
    madd: impl Fn(T, T, T) -> T,
) -> [T; R] {
    let k = x.len();
    let mut acc = [[T::default(); L]; R];
    let full = k - k % L;
    let mut j = 0;
    while j < full {
        let xv = &x[j..j + L];
        for (r, row) in rows.iter().enumerate() {
            let rv = &row[j..j + L];
            for i in 0..L {
                acc[r][i] = madd(rv[i], xv[i], acc[r][i]);
            }
        }
        j += L;
    }
    let mut out = [T::default(); R];
    for (r, row) in rows.iter().enumerate() {
        let mut w = L;
        let a = &mut acc[r];
        while w > 1 {
            w /= 2;
            for i in 0..w {
                a[i] = a[i] + a[i + w];
            }
        }
        let mut tail = T::default();
        for (&p, &q) in row[full..k].iter().zip(&x[full..k]) {
            tail = madd(p, q, tail);
        }
        out[r] = a[0] + tail;
    }
    out
}

/// `out[i] = row(i) . x` for the rows of one block, four at a time.
#[inline(always)]
fn block<'a, T: Fma + 'a, const L: usize>(
    out: &mut [T],
    row: impl Fn(usize) -> &'a [T],
    x: &[T],
    madd: impl Fn(T, T, T) -> T + Copy,
) {
    let mut quads = out.chunks_exact_mut(4);
    let mut i = 0;
    for q in &mut quads {
        q.copy_from_slice(&dot_rows::<T, 4, L>(
            [row(i), row(i + 1), row(i + 2), row(i + 3)],
            x,
            madd,
        ));
        i += 4;
    }
    for d in quads.into_remainder() {
        [*d] = dot_rows::<T, 1, L>([row(i)], x, madd);
        i += 1;
    }
}

/// [`block`] with FMA instructions.
///
/// # Safety
/// The CPU has AVX2 and FMA.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn block_fma<'a, T: Fma + 'a, const L: usize>(
    out: &mut [T],
    row: impl Fn(usize) -> &'a [T],
    x: &[T],
) {
    block::<T, L>(out, row, x, T::fma)
}

/// [`block`] with the best instructions the CPU has.
fn block_best<'a, T: Fma + 'a, const L: usize>(
    out: &mut [T],
    row: impl Fn(usize) -> &'a [T],
    x: &[T],
    fma: bool,
) {
    #[cfg(target_arch = "x86_64")]
    if fma {
        // SAFETY: `fma` is set only when the CPU has AVX2 and FMA.
        return unsafe { block_fma::<T, L>(out, row, x) };
    }
    let _ = fma;
    block::<T, L>(out, row, x, |p, q, c| p * q + c)
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
        DType::Float32 => Some(matvec::<f32, 16>(a, x, out, &sa, &sx)),
        DType::Float64 => Some(matvec::<f64, 8>(a, x, out, &sa, &sx)),
        _ => None,
    }
}

/// `out = a @ x`; `L` accumulators per row (two AVX2 registers of `T`).
fn matvec<T: Fma, const L: usize>(
    a: &Array,
    x: &Array,
    out: &mut Array,
    sa: &Stack,
    sx: &Stack,
) -> Result<()> {
    let (n, k) = (sa.rows, sa.cols);
    let fma = has_avx2();
    // SAFETY: the stacks describe `a` and `x`, which hold T: x's k elements are contiguous from
    // its offset, and row i of `a` holds k contiguous elements from offset + i * row_stride.
    let xs =
        unsafe { std::slice::from_raw_parts((x.base_ptr() as *const T).offset(sx.offsets[0]), k) };
    let base = a.base_ptr() as usize;
    let (off, rs) = (sa.offsets[0], sa.row_stride);
    let dst = out.as_slice_mut::<T>()?;
    if n * k >= PAR_MIN {
        dst.par_chunks_mut(ROWS_PER_TASK)
            .enumerate()
            .for_each(|(c, ch)| {
                let first = c * ROWS_PER_TASK;
                // SAFETY: as above; first + i < n.
                let row = |i: usize| unsafe {
                    let p = (base as *const T).offset(off + (first + i) as isize * rs);
                    std::slice::from_raw_parts(p, k)
                };
                block_best::<T, L>(ch, row, xs, fma);
            });
    } else {
        // SAFETY: as above; i < n.
        let row = |i: usize| unsafe {
            let p = (base as *const T).offset(off + i as isize * rs);
            std::slice::from_raw_parts(p, k)
        };
        block_best::<T, L>(dst, row, xs, fma);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::Array;

    /// The kernel (four rows at a time, remainders, the threaded path) against plain sums.
    #[test]
    fn matvec_matches_naive_sums() {
        for &(n, k) in &[
            (1, 1),
            (3, 7),
            (4, 8),
            (5, 9),
            (9, 17),
            (13, 33),
            (600, 500),
        ] {
            let av: Vec<f64> = (0..n * k)
                .map(|i| ((i * 7919) % 101) as f64 / 7.0 - 5.0)
                .collect();
            let xv: Vec<f64> = (0..k).map(|i| ((i * 31) % 13) as f64 - 6.0).collect();
            let want: Vec<f64> = (0..n)
                .map(|r| (0..k).map(|c| av[r * k + c] * xv[c]).sum())
                .collect();
            let a = Array::from_shape_vec(&[n, k], av.clone()).unwrap();
            let x = Array::from_vec(xv.clone());
            let got = crate::matmul(&a, &x).unwrap().to_vec::<f64>().unwrap();
            for (g, w) in got.iter().zip(&want) {
                assert!(
                    (g - w).abs() <= 1e-9 * (1.0 + w.abs()),
                    "{n}x{k}: {g} vs {w}"
                );
            }
            let a32 = a.astype(crate::DType::Float32).unwrap();
            let x32 = x.astype(crate::DType::Float32).unwrap();
            let got = crate::matmul(&a32, &x32).unwrap().to_vec::<f32>().unwrap();
            for (g, w) in got.iter().zip(&want) {
                assert!(
                    (*g as f64 - w).abs() <= 1e-3 * (1.0 + w.abs()),
                    "{n}x{k} f32"
                );
            }
        }
    }
}
