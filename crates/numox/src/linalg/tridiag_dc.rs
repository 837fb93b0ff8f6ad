//! Cuppen's divide and conquer for the eigenvalues and eigenvectors of a symmetric tridiagonal
//! matrix, as LAPACK's `dstedc` (`dlaed0`..`dlaed4`).
//!
//! The matrix is torn into two halves by a rank-one correction; each half is solved (by faer's
//! QR algorithm below [`LEAF`] rows, as LAPACK switches at 25; recursively above, the two halves
//! on two threads at the top), and the halves are merged by the eigen-decomposition of
//! `D + rho z z^T`:
//! - deflation: a negligible `z_j` or two nearly equal `d_j` (after a Givens rotation) leave an
//!   eigenpair unchanged;
//! - the other eigenvalues are the roots of the secular equation `1/rho + sum z_j^2/(d_j - x)`,
//!   found by the "middle way" rational iteration of `dlaed4` (two poles fitted at each step,
//!   safeguarded by a bracket), each root relative to its nearest pole so the differences
//!   `d_j - lambda` keep full accuracy;
//! - Gu and Eisenstat's recomputed `z` (Löwner's formula) makes the eigenvectors orthogonal;
//! - the merged eigenvectors are two matrix products that skip the zero blocks.
//!
//! The roots, Löwner's products and the products are split between two threads at the top.

use super::batch::{scratch, stack_of, Work};
use crate::error::{Error, Result};
use crate::kernels::loops::has_avx2;
use faer::linalg::evd::{
    self_adjoint_evd_scratch, tridiagonal_self_adjoint_evd, ComputeEigenvectors, EvdError,
};
use faer::linalg::matmul::matmul;
use faer::reborrow::{Reborrow, ReborrowMut};
use faer::{Accum, ColMut, ColRef, MatMut, Par};
use rayon::prelude::*;

/// Below this order a problem goes to faer's tridiagonal QR algorithm.
const LEAF: usize = 32;

/// The eigenvalues (ascending, into `s`) and eigenvectors (into `u`, `n x n`) of the symmetric
/// tridiagonal matrix with diagonal `d` (`n`) and off-diagonal `e` (`n - 1`). `par` splits the
/// work between two threads.
pub(crate) fn tridiag_evd(
    d: &[f64],
    e: &[f64],
    s: &mut [f64],
    mut u: MatMut<'_, f64>,
    par: bool,
) -> Result<()> {
    let n = d.len();
    if n < LEAF {
        return leaf(d, e, s, u);
    }
    let n1 = n / 2;
    let beta = e[n1 - 1];
    let mut d0 = d[..n1].to_vec();
    d0[n1 - 1] -= beta.abs();
    let mut d1 = d[n1..].to_vec();
    d1[0] -= beta.abs();
    u.fill(0.0);
    {
        let (s0, s1) = s.split_at_mut(n1);
        let (u00, _, _, u11) = u.rb_mut().split_at_mut(n1, n1);
        let first = || tridiag_evd(&d0, &e[..n1 - 1], s0, u00, false);
        let second = || tridiag_evd(&d1, &e[n1..], s1, u11, false);
        let (r0, r1) = if par {
            rayon::join(first, second)
        } else {
            (first(), second())
        };
        r0?;
        r1?;
    }
    merge(s, u, n1, beta, par)
}

/// faer's QR algorithm on a small problem.
fn leaf(d: &[f64], e: &[f64], s: &mut [f64], u: MatMut<'_, f64>) -> Result<()> {
    let n = d.len();
    let mut sub = e.to_vec();
    sub.push(0.0);
    let mut mem = scratch(self_adjoint_evd_scratch::<f64>(
        n,
        ComputeEigenvectors::Yes,
        Par::Seq,
        Default::default(),
    ));
    tridiagonal_self_adjoint_evd(
        ColRef::from_slice(d).as_diagonal(),
        ColRef::from_slice(&sub).as_diagonal(),
        ColMut::from_slice_mut(s).as_diagonal_mut(),
        Some(u),
        Par::Seq,
        stack_of(&mut mem),
        Default::default(),
    )
    .map_err(|_: EvdError| Error::LinAlg("Eigenvalues did not converge".into()))
}

/// Which rows of a column of the block-diagonal eigenvector matrix can be nonzero.
#[derive(Clone, Copy, PartialEq)]
enum Rows {
    Top,
    Bottom,
    All,
}

/// Merges the solved halves: `s[..n1]`, `u[..n1, ..n1]` and `s[n1..]`, `u[n1.., n1..]` (the
/// off-diagonal blocks zero) become the eigen-decomposition of the whole matrix, whose two
/// halves were coupled by `beta`.
fn merge(s: &mut [f64], mut u: MatMut<'_, f64>, n1: usize, beta: f64, par: bool) -> Result<()> {
    let n = s.len();
    let rho = 2.0 * beta.abs();
    let h = std::f64::consts::FRAC_1_SQRT_2;
    let mut z: Vec<f64> = (0..n)
        .map(|j| {
            let v = if j < n1 {
                u[(n1 - 1, j)]
            } else if beta < 0.0 {
                -u[(n1, j)]
            } else {
                u[(n1, j)]
            };
            v * h
        })
        .collect();
    let mut rows: Vec<Rows> = (0..n)
        .map(|j| if j < n1 { Rows::Top } else { Rows::Bottom })
        .collect();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| s[a].total_cmp(&s[b]));
    let dmax = s.iter().fold(0.0f64, |m, x| m.max(x.abs()));
    let zmax = z.iter().fold(0.0f64, |m, x| m.max(x.abs()));
    let tol = 8.0 * f64::EPSILON * dmax.max(zmax);
    let dv = s;
    // Deflation, in ascending order of d.
    let mut kept: Vec<usize> = Vec::with_capacity(n);
    let mut done: Vec<(f64, usize)> = Vec::with_capacity(n);
    let mut prev: Option<usize> = None;
    for &c in &order {
        if rho * z[c].abs() <= tol {
            done.push((dv[c], c));
            continue;
        }
        if let Some(p) = prev {
            let tau = z[p].hypot(z[c]);
            let (cs, sn) = (z[c] / tau, -z[p] / tau);
            if ((dv[c] - dv[p]) * cs * sn).abs() <= tol {
                // Rotate columns p and c so that z[p] vanishes: (d[p], column p) deflates.
                z[c] = tau;
                z[p] = 0.0;
                for i in 0..n {
                    let (x, y) = (u[(i, p)], u[(i, c)]);
                    u[(i, p)] = cs * x + sn * y;
                    u[(i, c)] = cs * y - sn * x;
                }
                if rows[p] != rows[c] {
                    rows[p] = Rows::All;
                    rows[c] = Rows::All;
                }
                let (dp, dc) = (dv[p], dv[c]);
                dv[p] = dp * cs * cs + dc * sn * sn;
                dv[c] = dp * sn * sn + dc * cs * cs;
                done.push((dv[p], p));
                prev = Some(c);
                continue;
            }
            kept.push(p);
        }
        prev = Some(c);
    }
    if let Some(p) = prev {
        kept.push(p);
    }
    let k = kept.len();
    let dk: Vec<f64> = kept.iter().map(|&c| dv[c]).collect();
    let zk: Vec<f64> = kept.iter().map(|&c| z[c]).collect();
    let (mut v, lam, zh) = secular_solve(&dk, &zk, rho, par);
    // Eigenvectors of D + rho z z^T: v_i[j] = zh_j / (d_j - lambda_i), normalised.
    let vectors = |col: &mut [f64]| cauchy_unit(col, &zh);
    if par && k >= 64 {
        v.par_chunks_mut(k.max(1)).for_each(vectors);
    } else {
        v.chunks_mut(k.max(1)).for_each(vectors);
    }
    // The new eigenvectors: [U_top; U_bottom] columns `kept` times V, skipping zero blocks.
    let vm = faer::MatRef::from_column_major_slice(&v, k, k);
    let ur = u.rb();
    // The work matrices are written whole before they are read.
    let product = |r0: usize, r1: usize, side: Rows| -> Result<Work<f64>> {
        let idx: Vec<usize> = (0..k)
            .filter(|&i| rows[kept[i]] == side || rows[kept[i]] == Rows::All)
            .collect();
        let mut q = Work::new(r1 - r0, idx.len())?;
        let mut w = Work::new(idx.len(), k)?;
        for (j, &i) in idx.iter().enumerate() {
            q.as_mut()
                .col_mut(j)
                .copy_from(ur.col(kept[i]).subrows(r0, r1 - r0));
            w.as_mut().row_mut(j).copy_from(vm.row(i));
        }
        let mut out = Work::new(r1 - r0, k)?;
        matmul(
            out.as_mut(),
            Accum::Replace,
            q.as_ref(),
            w.as_ref(),
            1.0,
            Par::Seq,
        );
        Ok(out)
    };
    let (top, bottom) = if par {
        rayon::join(
            || product(0, n1, Rows::Top),
            || product(n1, n, Rows::Bottom),
        )
    } else {
        (product(0, n1, Rows::Top), product(n1, n, Rows::Bottom))
    };
    let (top, bottom) = (top?, bottom?);
    let (top, bottom) = (top.as_ref(), bottom.as_ref());
    // All eigenpairs, ascending: the roots (columns of the products) and the deflated pairs
    // (their old columns, by position in `done`).
    let mut all: Vec<(f64, usize, bool)> = lam
        .iter()
        .enumerate()
        .map(|(i, &l)| (l, i, true))
        .chain(done.iter().enumerate().map(|(i, &(d, _))| (d, i, false)))
        .collect();
    all.sort_by(|a, b| a.0.total_cmp(&b.0));
    // Only the deflated columns are kept from the old matrix.
    let mut old = Work::<f64>::new(n, done.len())?;
    for (i, &(_, c)) in done.iter().enumerate() {
        old.as_mut().col_mut(i).copy_from(u.rb().col(c));
    }
    let old = old.as_ref();
    for (j, &(val, src, new)) in all.iter().enumerate() {
        dv[j] = val;
        let mut col = u.rb_mut().col_mut(j);
        if new {
            col.rb_mut().subrows_mut(0, n1).copy_from(top.col(src));
            col.subrows_mut(n1, n - n1).copy_from(bottom.col(src));
        } else {
            col.copy_from(old.col(src));
        }
    }
    Ok(())
}

/// The roots of the secular equation `1/rho + sum z_j^2 / (d_j - x)` (`d` ascending):
/// `(w, x, zh)` with column `i` of `w` (`k x k`, column-major) holding `d_j - x_i`, the roots
/// `x` ascending, and Gu and Eisenstat's `zh`, the `z` for which the computed roots are exact
/// (for `rho = 1`; otherwise scaled by a common factor). `par` splits the work between two
/// threads.
pub(crate) fn secular_solve(
    d: &[f64],
    z: &[f64],
    rho: f64,
    par: bool,
) -> (Vec<f64>, Vec<f64>, Vec<f64>) {
    let k = d.len();
    let mut w = vec![0.0f64; k * k];
    let mut lam = vec![0.0f64; k];
    let root = |(i, (col, l)): (usize, (&mut [f64], &mut f64))| {
        *l = secular_root(i, d, z, rho, col);
    };
    let wide = par && k >= 64;
    if wide {
        w.par_chunks_mut(k.max(1))
            .zip(lam.par_iter_mut())
            .enumerate()
            .with_min_len(16)
            .for_each(root);
    } else {
        w.chunks_mut(k.max(1))
            .zip(lam.iter_mut())
            .enumerate()
            .for_each(root);
    }
    let mut zh = vec![0.0f64; k];
    let lowner = |(c, out): (usize, &mut [f64])| lowner_rows(c * LOWNER_ROWS, out, d, z, &w);
    if wide {
        zh.par_chunks_mut(LOWNER_ROWS).enumerate().for_each(lowner);
    } else {
        zh.chunks_mut(LOWNER_ROWS).enumerate().for_each(lowner);
    }
    (w, lam, zh)
}

/// `col[j] = zh[j] / col[j]`, then `col` scaled to unit length.
fn cauchy_unit(col: &mut [f64], zh: &[f64]) {
    #[cfg(target_arch = "x86_64")]
    if has_avx2() {
        // SAFETY: the CPU has AVX2 and FMA.
        return unsafe { cauchy_unit_fma(col, zh) };
    }
    cauchy_unit_with(col, zh)
}

/// [`cauchy_unit_with`] compiled for AVX2 and FMA.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn cauchy_unit_fma(col: &mut [f64], zh: &[f64]) {
    cauchy_unit_with(col, zh)
}

#[inline(always)]
fn cauchy_unit_with(col: &mut [f64], zh: &[f64]) {
    let mut acc = [0.0f64; 4];
    let mut cc = col.chunks_exact_mut(4);
    let mut zc = zh.chunks_exact(4);
    for (c, z) in (&mut cc).zip(&mut zc) {
        for l in 0..4 {
            c[l] = z[l] / c[l];
            acc[l] = c[l].mul_add(c[l], acc[l]);
        }
    }
    for (x, &zj) in cc.into_remainder().iter_mut().zip(zc.remainder()) {
        *x = zj / *x;
        acc[0] = x.mul_add(*x, acc[0]);
    }
    let r = 1.0 / ((acc[0] + acc[2]) + (acc[1] + acc[3])).sqrt();
    col.iter_mut().for_each(|x| *x *= r);
}

/// Rows of Löwner's `zh` one task computes.
const LOWNER_ROWS: usize = 64;

/// Löwner's `zh[i] = sign(z_i) sqrt(|prod_j (d_i - x_j) / prod_{j != i} (d_i - d_j)|)` for the
/// rows `i0..i0 + out.len()`, with `w` as [`secular_solve`] returns it; column by column, so
/// that the divisions run four lanes at a time.
fn lowner_rows(i0: usize, out: &mut [f64], d: &[f64], z: &[f64], w: &[f64]) {
    #[cfg(target_arch = "x86_64")]
    if has_avx2() {
        // SAFETY: the CPU has AVX2 and FMA.
        return unsafe { lowner_rows_fma(i0, out, d, z, w) };
    }
    lowner_rows_with(i0, out, d, z, w)
}

/// [`lowner_rows_with`] compiled for AVX2 and FMA.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn lowner_rows_fma(i0: usize, out: &mut [f64], d: &[f64], z: &[f64], w: &[f64]) {
    lowner_rows_with(i0, out, d, z, w)
}

#[inline(always)]
fn lowner_rows_with(i0: usize, out: &mut [f64], d: &[f64], z: &[f64], w: &[f64]) {
    let k = d.len();
    let i1 = i0 + out.len();
    let di = &d[i0..i1];
    out.fill(1.0);
    for (j, &dj) in d.iter().enumerate() {
        let col = &w[j * k + i0..j * k + i1];
        if (i0..i1).contains(&j) {
            // Row j's own factor has no pole difference.
            let r = j - i0;
            mul_ratios(&mut out[..r], &col[..r], &di[..r], dj);
            out[r] *= col[r];
            mul_ratios(&mut out[r + 1..], &col[r + 1..], &di[r + 1..], dj);
        } else {
            mul_ratios(out, col, di, dj);
        }
    }
    for (o, &zi) in out.iter_mut().zip(&z[i0..i1]) {
        *o = (-*o).abs().sqrt().copysign(zi);
    }
}

/// `out[i] *= col[i] / (di[i] - dj)`.
#[inline(always)]
fn mul_ratios(out: &mut [f64], col: &[f64], di: &[f64], dj: f64) {
    for ((p, &x), &dd) in out.iter_mut().zip(col).zip(di) {
        *p *= x / (dd - dj);
    }
}

/// The root in `(lo, hi)` of `c t^2 - a t + b = 0` (the secular equation with only its two
/// nearest poles and the rest of the sum held at `c`), if it has one.
#[inline(always)]
fn two_pole(c: f64, a: f64, b: f64, lo: f64, hi: f64) -> Option<f64> {
    let inside = |t: f64| (t > lo && t < hi).then_some(t);
    if c == 0.0 {
        return if a == 0.0 { None } else { inside(b / a) };
    }
    let disc = (a * a - 4.0 * b * c).max(0.0).sqrt();
    // The root of larger magnitude without cancellation, then the other from their product.
    let q = 0.5 * (a + disc.copysign(a));
    let t1 = q / c;
    let t2 = if q == 0.0 { t1 } else { b / q };
    inside(t2).or_else(|| inside(t1))
}

/// Sums `z_j t_j` and `t_j^2` with `t_j = z_j / (delta_j - tau)`, four lanes at a time.
/// `AVX`: the caller runs with AVX2 and FMA enabled (the compiler splits the portable loop's
/// divisions into two-lane ones).
#[inline(always)]
fn sums<const AVX: bool>(z: &[f64], delta: &[f64], tau: f64) -> (f64, f64) {
    #[cfg(target_arch = "x86_64")]
    if AVX {
        // SAFETY: with AVX set, the caller has checked that the CPU has AVX2 and FMA.
        return unsafe { sums_avx(z, delta, tau) };
    }
    sums_portable(z, delta, tau)
}

/// [`sums`] in AVX2 registers, two vectors at a time.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
#[inline]
unsafe fn sums_avx(z: &[f64], delta: &[f64], tau: f64) -> (f64, f64) {
    use std::arch::x86_64::*;
    let n = z.len().min(delta.len());
    let (zp, dp) = (z.as_ptr(), delta.as_ptr());
    let t = _mm256_set1_pd(tau);
    let (mut a0, mut a1, mut b0, mut b1) = (
        _mm256_setzero_pd(),
        _mm256_setzero_pd(),
        _mm256_setzero_pd(),
        _mm256_setzero_pd(),
    );
    let mut i = 0;
    // SAFETY: every load reads lanes i..i + 8 (or i..i + 4) below n.
    unsafe {
        while i + 8 <= n {
            let z0 = _mm256_loadu_pd(zp.add(i));
            let z1 = _mm256_loadu_pd(zp.add(i + 4));
            let q0 = _mm256_div_pd(z0, _mm256_sub_pd(_mm256_loadu_pd(dp.add(i)), t));
            let q1 = _mm256_div_pd(z1, _mm256_sub_pd(_mm256_loadu_pd(dp.add(i + 4)), t));
            a0 = _mm256_fmadd_pd(z0, q0, a0);
            a1 = _mm256_fmadd_pd(z1, q1, a1);
            b0 = _mm256_fmadd_pd(q0, q0, b0);
            b1 = _mm256_fmadd_pd(q1, q1, b1);
            i += 8;
        }
        if i + 4 <= n {
            let z0 = _mm256_loadu_pd(zp.add(i));
            let q0 = _mm256_div_pd(z0, _mm256_sub_pd(_mm256_loadu_pd(dp.add(i)), t));
            a0 = _mm256_fmadd_pd(z0, q0, a0);
            b0 = _mm256_fmadd_pd(q0, q0, b0);
            i += 4;
        }
    }
    let mut la = [0.0f64; 4];
    let mut lb = [0.0f64; 4];
    // SAFETY: the arrays hold four lanes each.
    unsafe {
        _mm256_storeu_pd(la.as_mut_ptr(), _mm256_add_pd(a0, a1));
        _mm256_storeu_pd(lb.as_mut_ptr(), _mm256_add_pd(b0, b1));
    }
    for (&zz, &dd) in z[i..n].iter().zip(&delta[i..n]) {
        let q = zz / (dd - tau);
        la[0] += zz * q;
        lb[0] += q * q;
    }
    (
        (la[0] + la[2]) + (la[1] + la[3]),
        (lb[0] + lb[2]) + (lb[1] + lb[3]),
    )
}

/// [`sums`] without explicit vector instructions.
#[inline(always)]
fn sums_portable(z: &[f64], delta: &[f64], tau: f64) -> (f64, f64) {
    let mut a = [0.0f64; 4];
    let mut b = [0.0f64; 4];
    let (zc, zr) = z.split_at(z.len() / 4 * 4);
    let (dc, dr) = delta.split_at(zc.len());
    for (zz, dd) in zc.chunks_exact(4).zip(dc.chunks_exact(4)) {
        for l in 0..4 {
            let t = zz[l] / (dd[l] - tau);
            a[l] += zz[l] * t;
            b[l] += t * t;
        }
    }
    for (&zz, &dd) in zr.iter().zip(dr) {
        let t = zz / (dd - tau);
        a[0] += zz * t;
        b[0] += t * t;
    }
    ((a[0] + a[2]) + (a[1] + a[3]), (b[0] + b[2]) + (b[1] + b[3]))
}

/// [`secular_root_with`] compiled for AVX2 and FMA.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn secular_root_fma(i: usize, d: &[f64], z: &[f64], rho: f64, delta: &mut [f64]) -> f64 {
    secular_root_with::<true>(i, d, z, rho, delta)
}

/// Root `i` (ascending) of `1/rho + sum z_j^2 / (d_j - x)` (`d` ascending); writes
/// `d_j - root` into `delta` and returns the root.
fn secular_root(i: usize, d: &[f64], z: &[f64], rho: f64, delta: &mut [f64]) -> f64 {
    #[cfg(target_arch = "x86_64")]
    if has_avx2() {
        // SAFETY: the CPU has AVX2 and FMA.
        return unsafe { secular_root_fma(i, d, z, rho, delta) };
    }
    secular_root_with::<false>(i, d, z, rho, delta)
}

#[inline(always)]
fn secular_root_with<const AVX: bool>(
    i: usize,
    d: &[f64],
    z: &[f64],
    rho: f64,
    delta: &mut [f64],
) -> f64 {
    let k = d.len();
    let rinv = 1.0 / rho;
    let last = i + 1 == k;
    let eps = f64::EPSILON;
    if last && k == 1 {
        let t = rho * z[0] * z[0];
        delta[0] = -t;
        return d[0] + t;
    }
    // The origin (the pole nearer the root), the bracket of tau = root - d[org] and a first
    // guess.
    let mut guess = None;
    let (org, mut lo, mut hi) = if last {
        let zz: f64 = z.iter().map(|x| x * x).sum();
        (i, 0.0, rho * zz)
    } else {
        let gap = d[i + 1] - d[i];
        if gap <= 0.0 {
            for (x, &dj) in delta.iter_mut().zip(d) {
                *x = dj - d[i];
            }
            return d[i];
        }
        let mid = gap / 2.0;
        for (x, &dj) in delta.iter_mut().zip(d) {
            *x = dj - d[i];
        }
        let (a, _) = sums::<AVX>(z, delta, mid);
        // The sum without the two nearest poles, taken as constant for the first guess.
        let (zi, zq) = (z[i] * z[i], z[i + 1] * z[i + 1]);
        let c = rinv + a + (zi - zq) / mid;
        if rinv + a >= 0.0 {
            // c + zi / (0 - t) + zq / (gap - t) = 0 for t in (0, mid).
            guess = two_pole(c, c * gap + zi + zq, zi * gap, 0.0, mid);
            (i, 0.0, mid)
        } else {
            // c + zi / (-gap - t) + zq / (0 - t) = 0 for t in (-mid, 0).
            guess = two_pole(c, -c * gap + zi + zq, -zq * gap, -mid, 0.0);
            (i + 1, -mid, 0.0)
        }
    };
    let base = d[org];
    for (x, &dj) in delta.iter_mut().zip(d) {
        *x = dj - base;
    }
    if last {
        // The same guess for the last root, from the sum at the bracket's middle (poles
        // k-2 at -g and k-1 at 0).
        let mid = 0.5 * hi;
        let (a, _) = sums::<AVX>(z, delta, mid);
        let g = -delta[k - 2];
        let (zp, zq) = (z[k - 2] * z[k - 2], z[k - 1] * z[k - 1]);
        let c = rinv + a - zp / (-g - mid) - zq / (-mid);
        if rinv + a <= 0.0 {
            lo = mid;
        } else {
            hi = mid;
        }
        if g > 0.0 {
            guess = two_pole(c, -c * g + zp + zq, -zq * g, lo, hi);
        }
    }
    // Poles left of the root: 0..=p; right: p+1..k.
    let p = i;
    let mut tau = guess.unwrap_or(0.5 * (lo + hi));
    for _ in 0..200 {
        let (psi, dpsi) = sums::<AVX>(&z[..=p], &delta[..=p], tau);
        let (phi, dphi) = sums::<AVX>(&z[p + 1..], &delta[p + 1..], tau);
        let w = rinv + psi + phi;
        let dw = dpsi + dphi;
        let err = 8.0 * (phi - psi) + 2.0 * rinv + tau.abs() * dw;
        if w.abs() <= eps * err {
            break;
        }
        if w < 0.0 {
            lo = tau;
        } else {
            hi = tau;
        }
        if hi - lo <= 2.0 * eps * lo.abs().max(hi.abs()) {
            break;
        }
        let dp = delta[p] - tau;
        let mut eta = if last {
            let c = w - dp * dpsi;
            if c > 0.0 {
                dp + dp * dp * dpsi / c
            } else {
                -w / dw
            }
        } else {
            let dq = delta[p + 1] - tau;
            let c = w - dp * dpsi - dq * dphi;
            let a = (dp + dq) * w - dp * dq * dw;
            let b = dp * dq * w;
            if c == 0.0 {
                if a == 0.0 {
                    -w / dw
                } else {
                    b / a
                }
            } else {
                let disc = (a * a - 4.0 * b * c).abs().sqrt();
                if a <= 0.0 {
                    (a - disc) / (2.0 * c)
                } else {
                    2.0 * b / (a + disc)
                }
            }
        };
        if w * eta >= 0.0 {
            eta = -w / dw;
        }
        let next = tau + eta;
        tau = if next > lo && next < hi {
            next
        } else {
            0.5 * (lo + hi)
        };
    }
    for x in delta.iter_mut() {
        *x -= tau;
    }
    base + tau
}

#[cfg(test)]
mod tests {
    use super::*;
    use faer::Mat;

    /// A tridiagonal matrix: random, or with clusters and repeated values to force deflation.
    fn problem(n: usize, kind: u32) -> (Vec<f64>, Vec<f64>) {
        let mut s = n as u64 * 7 + kind as u64;
        let mut r = move || {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (s >> 11) as f64 / (1u64 << 53) as f64
        };
        match kind {
            0 => (
                (0..n).map(|_| r() - 0.5).collect(),
                (0..n - 1).map(|_| r()).collect(),
            ),
            // Wilkinson-like: nearly equal pairs of eigenvalues.
            1 => (
                (0..n).map(|i| (i as f64 - n as f64 / 2.0).abs()).collect(),
                vec![1.0; n - 1],
            ),
            // Repeated diagonal, tiny couplings: heavy deflation.
            _ => (
                (0..n).map(|i| (i % 3) as f64).collect(),
                (0..n - 1)
                    .map(|i| if i % 5 == 0 { 1e-18 } else { r() })
                    .collect(),
            ),
        }
    }

    #[test]
    fn eigenpairs_reconstruct_and_are_orthonormal() {
        for &n in &[2usize, 31, 32, 33, 64, 127, 200, 256, 300, 513] {
            for kind in 0..3 {
                for par in [false, true] {
                    let (d, e) = problem(n, kind);
                    let mut s = vec![0.0; n];
                    let mut u = Mat::<f64>::zeros(n, n);
                    tridiag_evd(&d, &e, &mut s, u.as_mut(), par).unwrap();
                    let mut fs = vec![0.0; n];
                    let mut fu = Mat::<f64>::zeros(n, n);
                    leaf(&d, &e, &mut fs, fu.as_mut()).unwrap();
                    let scale = s.iter().fold(1.0f64, |m, x| m.max(x.abs()));
                    for i in 0..n {
                        assert!(i == 0 || s[i - 1] <= s[i], "n={n} kind={kind}: not sorted");
                        assert!(
                            (s[i] - fs[i]).abs() <= 1e-13 * n as f64 * scale,
                            "n={n} kind={kind}: eigenvalue {i}: {} vs {}",
                            s[i],
                            fs[i]
                        );
                    }
                    // T u_j = s_j u_j and U^T U = I.
                    for j in 0..n {
                        for i in 0..n {
                            let mut t = d[i] * u[(i, j)];
                            if i > 0 {
                                t += e[i - 1] * u[(i - 1, j)];
                            }
                            if i + 1 < n {
                                t += e[i] * u[(i + 1, j)];
                            }
                            let r = (t - s[j] * u[(i, j)]).abs();
                            assert!(
                                r <= 1e-12 * n as f64 * scale,
                                "n={n} kind={kind}: residual {r}"
                            );
                        }
                    }
                    let g = u.transpose() * &u;
                    for i in 0..n {
                        for j in 0..n {
                            let want = if i == j { 1.0 } else { 0.0 };
                            let r = (g[(i, j)] - want).abs();
                            assert!(r <= 1e-12 * n as f64, "n={n} kind={kind}: U^T U off by {r}");
                        }
                    }
                }
            }
        }
    }
}
