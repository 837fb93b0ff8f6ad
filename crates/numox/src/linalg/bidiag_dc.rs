//! The singular value decomposition of an upper bidiagonal matrix by divide and conquer, as
//! LAPACK's `dbdsdc` (`dlasd0`..`dlasd4`).
//!
//! Row `k` in the middle of a `p x (p + sqre)` bidiagonal `B` couples the block above it
//! (`k x (k + 1)`) with the one below it. Once both are decomposed (by faer's SVD below
//! [`LEAF`] rows; recursively above, on two threads at the top), `B` is, in the bases of their
//! singular vectors, a matrix `M` with one full row `z` and a diagonal `d` with `d_0 = 0`:
//! `M^T M = D^2 + z z^T`. So its squared singular values are the roots of the secular equation
//! `1 + sum z_j^2 / (d_j^2 - x)`, found by the symmetric root finder of
//! [`super::tridiag_dc`]; its right singular vectors are `z_j / (d_j^2 - s^2)` and its left
//! ones `(-1, d_j z_j / (d_j^2 - s^2))`, with `z` recomputed by Löwner's formula (Gu and
//! Eisenstat) so both sets come out orthogonal. A negligible `z_j` or two nearly equal `d_j`
//! (after a Givens rotation on both sides) deflate, as in `dlasd2`.

use super::batch::{copy_tiled, scratch, stack_of};
use super::tridiag_dc::secular_solve;
use faer::linalg::householder;
use faer::linalg::matmul::matmul;
use faer::linalg::qr::no_pivoting::factor::recommended_block_size;
use faer::linalg::svd::{svd as faer_svd, svd_scratch, ComputeSvdVectors, SvdError};
use faer::reborrow::{Reborrow, ReborrowMut};
use faer::{Accum, Conj, Mat, MatMut, MatRef, Par};
use rayon::prelude::*;

/// Below this order a problem goes to faer's SVD.
const LEAF: usize = 32;

/// The singular values (ascending, into `s`) and vectors (`B = U diag(s) V^T`, into `u` and
/// `v`, both `n x n`) of the `n x n` upper bidiagonal matrix with diagonal `d` and
/// superdiagonal `e` (`n - 1`). `par` splits the work between two threads.
pub(crate) fn bidiag_svd(
    d: &[f64],
    e: &[f64],
    s: &mut [f64],
    mut u: MatMut<'_, f64>,
    mut v: MatMut<'_, f64>,
    par: bool,
) -> Result<(), SvdError> {
    let n = d.len();
    if d.iter().chain(e).any(|x| !x.is_finite()) {
        return Err(SvdError::NoConvergence);
    }
    let scale = d.iter().chain(e).fold(0.0f64, |m, x| m.max(x.abs()));
    if scale == 0.0 {
        s.fill(0.0);
        u.fill(0.0);
        v.fill(0.0);
        for i in 0..n {
            u[(i, i)] = 1.0;
            v[(i, i)] = 1.0;
        }
        return Ok(());
    }
    // Scaled to 1, as dbdsdc does, so the squares neither overflow nor underflow.
    let ds: Vec<f64> = d.iter().map(|x| x / scale).collect();
    let es: Vec<f64> = e.iter().map(|x| x / scale).collect();
    solve(&ds, &es, 0, s, u, v, par)?;
    s.iter_mut().for_each(|x| *x *= scale);
    Ok(())
}

/// The SVD of the `p x (p + sqre)` upper bidiagonal (`d`, `e`): `s` ascending, `u` `p x p`,
/// `v` `(p + sqre) x (p + sqre)` whose last column is the null vector when `sqre` is 1.
fn solve(
    d: &[f64],
    e: &[f64],
    sqre: usize,
    s: &mut [f64],
    mut u: MatMut<'_, f64>,
    mut v: MatMut<'_, f64>,
    par: bool,
) -> Result<(), SvdError> {
    let p = d.len();
    if p < LEAF {
        return leaf(d, e, sqre, s, u, v);
    }
    let k = p / 2;
    let p2 = p - k - 1;
    let (alpha, beta) = (d[k], e[k]);
    u.fill(0.0);
    v.fill(0.0);
    {
        let (s1, rest) = s.split_at_mut(k);
        let s2 = &mut rest[1..];
        let (u1, _, _, u2) = u.rb_mut().split_at_mut(k, k);
        let u2 = u2.submatrix_mut(1, 1, p2, p2);
        let (v1, _, _, v2) = v.rb_mut().split_at_mut(k + 1, k + 1);
        let first = || solve(&d[..k], &e[..k], 1, s1, u1, v1, false);
        let second = || solve(&d[k + 1..], &e[k + 1..], sqre, s2, u2, v2, false);
        let (r1, r2) = if par {
            rayon::join(first, second)
        } else {
            (first(), second())
        };
        r1?;
        r2?;
    }
    u[(k, k)] = 1.0;
    merge(s, u, v, k, sqre, alpha, beta, par);
    Ok(())
}

/// faer's SVD of a small bidiagonal, in [`solve`]'s layout.
fn leaf(
    d: &[f64],
    e: &[f64],
    sqre: usize,
    s: &mut [f64],
    mut u: MatMut<'_, f64>,
    mut v: MatMut<'_, f64>,
) -> Result<(), SvdError> {
    let p = d.len();
    let q = p + sqre;
    let b = Mat::<f64>::from_fn(p, q, |i, j| {
        if i == j {
            d[i]
        } else if j == i + 1 {
            e[i]
        } else {
            0.0
        }
    });
    let mut fs = faer::diag::Diag::<f64>::zeros(p);
    let mut fu = Mat::<f64>::zeros(p, p);
    let mut fv = Mat::<f64>::zeros(q, q);
    let full = ComputeSvdVectors::Full;
    let mut mem = scratch(svd_scratch::<f64>(
        p,
        q,
        full,
        full,
        Par::Seq,
        Default::default(),
    ));
    faer_svd(
        b.as_ref(),
        fs.as_mut(),
        Some(fu.as_mut()),
        Some(fv.as_mut()),
        Par::Seq,
        stack_of(&mut mem),
        Default::default(),
    )?;
    // faer's order is descending; the null vector stays last.
    for j in 0..p {
        s[j] = fs[p - 1 - j];
        u.rb_mut().col_mut(j).copy_from(fu.col(p - 1 - j));
        v.rb_mut().col_mut(j).copy_from(fv.col(p - 1 - j));
    }
    if sqre == 1 {
        v.col_mut(p).copy_from(fv.col(p));
    }
    Ok(())
}

/// Which rows of a column of the block singular vector matrices can be nonzero.
#[derive(Clone, Copy, PartialEq)]
enum Rows {
    Top,
    Bottom,
    All,
    /// Only the coupling row (the left vector of the zero pole).
    Mid,
}

/// Merges the solved halves. On entry `s[..k]`, `u[..k, ..k]`, `v[..=k, ..=k]` hold the upper
/// block's SVD (its null vector in column `k` of `v`), `s[k+1..]`, `u[k+1.., k+1..]`,
/// `v[k+1.., k+1..]` the lower block's (its null vector in column `p` of `v` when `sqre` is
/// 1), and `u[(k, k)] = 1`; `alpha` and `beta` are row `k`'s entries of the bidiagonal.
#[allow(clippy::too_many_arguments)]
fn merge(
    s: &mut [f64],
    mut u: MatMut<'_, f64>,
    mut v: MatMut<'_, f64>,
    k: usize,
    sqre: usize,
    alpha: f64,
    beta: f64,
    par: bool,
) {
    let p = s.len();
    let q = p + sqre;
    let dv = s;
    dv[k] = 0.0;
    // Row k of B times the block right vectors.
    let mut z: Vec<f64> = (0..p)
        .map(|j| {
            if j <= k {
                alpha * v[(k, j)]
            } else {
                beta * v[(k + 1, j)]
            }
        })
        .collect();
    let mut vrows: Vec<Rows> = (0..p)
        .map(|j| if j <= k { Rows::Top } else { Rows::Bottom })
        .collect();
    let mut urows: Vec<Rows> = (0..p)
        .map(|j| match j.cmp(&k) {
            std::cmp::Ordering::Less => Rows::Top,
            std::cmp::Ordering::Equal => Rows::Mid,
            std::cmp::Ordering::Greater => Rows::Bottom,
        })
        .collect();
    if sqre == 1 {
        // Both null vectors meet row k: one rotation leaves the merged null vector in column p.
        let zb = beta * v[(k + 1, p)];
        let r = z[k].hypot(zb);
        if zb != 0.0 && r > 0.0 {
            let (c, sn) = (z[k] / r, zb / r);
            for i in 0..q {
                let (x, y) = (v[(i, k)], v[(i, p)]);
                v[(i, k)] = c * x + sn * y;
                v[(i, p)] = c * y - sn * x;
            }
            z[k] = r;
            vrows[k] = Rows::All;
        }
    }
    let dmax = dv.iter().fold(0.0f64, |m, x| m.max(x.abs()));
    let zmax = z.iter().fold(0.0f64, |m, x| m.max(x.abs()));
    let tol = 8.0 * f64::EPSILON * dmax.max(zmax);
    if z[k].abs() < tol {
        z[k] = tol.copysign(z[k]);
    }
    let mut order: Vec<usize> = (0..p).filter(|&j| j != k).collect();
    order.sort_by(|&a, &b| dv[a].total_cmp(&dv[b]));
    // Deflation, in ascending order of d; the zero pole (slot k) always stays.
    let mut kept: Vec<usize> = Vec::with_capacity(p);
    kept.push(k);
    let mut done: Vec<(f64, usize)> = Vec::with_capacity(p);
    let mut prev: Option<usize> = None;
    for &c in &order {
        if z[c].abs() <= tol {
            done.push((dv[c], c));
            continue;
        }
        if let Some(pv) = prev {
            let tau = z[pv].hypot(z[c]);
            let (cs, sn) = (z[c] / tau, -z[pv] / tau);
            if ((dv[c] - dv[pv]) * cs * sn).abs() <= tol {
                // Rotate columns pv and c of both sides so that z[pv] vanishes.
                z[c] = tau;
                z[pv] = 0.0;
                for (mut m, rows) in [(u.rb_mut(), &mut urows), (v.rb_mut(), &mut vrows)] {
                    for i in 0..m.nrows() {
                        let (x, y) = (m[(i, pv)], m[(i, c)]);
                        m[(i, pv)] = cs * x + sn * y;
                        m[(i, c)] = cs * y - sn * x;
                    }
                    if rows[pv] != rows[c] {
                        rows[pv] = Rows::All;
                        rows[c] = Rows::All;
                    }
                }
                let (dp, dc) = (dv[pv], dv[c]);
                dv[pv] = dp * cs * cs + dc * sn * sn;
                dv[c] = dp * sn * sn + dc * cs * cs;
                done.push((dv[pv], pv));
                prev = Some(c);
                continue;
            }
            kept.push(pv);
        }
        prev = Some(c);
    }
    if let Some(pv) = prev {
        kept.push(pv);
    }
    let kk = kept.len();
    // A pole too close to the zero pole moves away from it (dlasd2's hlftol).
    let mut dk: Vec<f64> = kept.iter().map(|&c| dv[c]).collect();
    for x in dk.iter_mut().skip(1) {
        *x = x.max(tol / 2.0);
    }
    let del: Vec<f64> = dk.iter().map(|x| x * x).collect();
    let zk: Vec<f64> = kept.iter().map(|&c| z[c]).collect();
    // Roots in x = s^2: column i of `w` holds d_j^2 - x_i.
    let (mut w, lam, zh) = secular_solve(&del, &zk, 1.0, par);
    let wide = par && kk >= 64;
    // Right vectors z_j / (d_j^2 - x_i) and left vectors (-1, d_j z_j / (d_j^2 - x_i)),
    // normalised; `w` becomes the right ones.
    let mut lw = vec![0.0f64; kk * kk];
    let vectors = |(col, lc): (&mut [f64], &mut [f64])| {
        let (mut nr, mut nl) = (0.0f64, 1.0f64);
        lc[0] = -1.0;
        for j in 0..kk {
            let r = zh[j] / col[j];
            col[j] = r;
            nr += r * r;
            if j > 0 {
                let l = dk[j] * r;
                lc[j] = l;
                nl += l * l;
            }
        }
        let (ir, il) = (1.0 / nr.sqrt(), 1.0 / nl.sqrt());
        col.iter_mut().for_each(|x| *x *= ir);
        lc.iter_mut().for_each(|x| *x *= il);
    };
    if wide {
        w.par_chunks_mut(kk)
            .zip(lw.par_chunks_mut(kk))
            .for_each(vectors);
    } else {
        w.chunks_mut(kk).zip(lw.chunks_mut(kk)).for_each(vectors);
    }
    let wr = MatRef::from_column_major_slice(&w, kk, kk);
    let wl = MatRef::from_column_major_slice(&lw, kk, kk);
    // The new vectors: the block vectors (columns `kept`) times these, skipping zero blocks.
    let product = |m: MatRef<'_, f64>, r0: usize, r1: usize, rows: &[Rows], side: Rows, x| {
        let x: MatRef<'_, f64> = x;
        let idx: Vec<usize> = (0..kk)
            .filter(|&i| rows[kept[i]] == side || rows[kept[i]] == Rows::All)
            .collect();
        let mut a = Mat::zeros(r1 - r0, idx.len());
        let mut b = Mat::zeros(idx.len(), kk);
        for (j, &i) in idx.iter().enumerate() {
            a.col_mut(j).copy_from(m.col(kept[i]).subrows(r0, r1 - r0));
            b.row_mut(j).copy_from(x.row(i));
        }
        let mut out = Mat::zeros(r1 - r0, kk);
        matmul(
            out.as_mut(),
            Accum::Replace,
            a.as_ref(),
            b.as_ref(),
            1.0,
            Par::Seq,
        );
        out
    };
    let (ur, vr) = (u.rb(), v.rb());
    let tops = || {
        (
            product(ur, 0, k, &urows, Rows::Top, wl),
            product(vr, 0, k + 1, &vrows, Rows::Top, wr),
        )
    };
    let bottoms = || {
        (
            product(ur, k + 1, p, &urows, Rows::Bottom, wl),
            product(vr, k + 1, q, &vrows, Rows::Bottom, wr),
        )
    };
    let ((ut, vt), (ub, vb)) = if par {
        rayon::join(tops, bottoms)
    } else {
        (tops(), bottoms())
    };
    // All triplets, ascending: the roots and the deflated ones (their old columns).
    let mut all: Vec<(f64, usize, bool)> = lam
        .iter()
        .enumerate()
        .map(|(i, &x)| (x.max(0.0).sqrt(), i, true))
        .chain(done.iter().enumerate().map(|(i, &(d, _))| (d, i, false)))
        .collect();
    all.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut old_u = Mat::<f64>::zeros(p, done.len());
    let mut old_v = Mat::<f64>::zeros(q, done.len());
    for (i, &(_, c)) in done.iter().enumerate() {
        old_u.col_mut(i).copy_from(u.rb().col(c));
        old_v.col_mut(i).copy_from(v.rb().col(c));
    }
    for (j, &(val, src, new)) in all.iter().enumerate() {
        dv[j] = val;
        let mut uc = u.rb_mut().col_mut(j);
        let mut vc = v.rb_mut().col_mut(j);
        if new {
            uc.rb_mut().subrows_mut(0, k).copy_from(ut.col(src));
            uc[k] = wl[(0, src)];
            uc.subrows_mut(k + 1, p - k - 1).copy_from(ub.col(src));
            vc.rb_mut().subrows_mut(0, k + 1).copy_from(vt.col(src));
            vc.subrows_mut(k + 1, q - k - 1).copy_from(vb.col(src));
        } else {
            uc.copy_from(old_u.col(src));
            vc.copy_from(old_v.col(src));
        }
    }
}

/// Singular values, `U` and `V`.
type Triplets = (Vec<f64>, Mat<f64>, Mat<f64>);

/// The SVD of a dense `m x n` matrix, `m >= n`, by [`super::bidiag::bidiagonalize`], [`bidiag_svd`]
/// and the two Householder back-transformations (on two threads at once): singular values
/// descending, `U` `m x m` with `full` or else `m x n`, and `V` `n x n`.
pub(crate) fn svd_dense(a: MatRef<'_, f64>, full: bool) -> Result<Triplets, SvdError> {
    let (m, n) = (a.nrows(), a.ncols());
    debug_assert!(m >= n && n >= 2);
    let bs = recommended_block_size::<f64>(m, n);
    let mut data = vec![0.0f64; m * n];
    copy_tiled(MatMut::from_column_major_slice_mut(&mut data, m, n), a);
    let mut hl = Mat::<f64>::zeros(bs, n);
    let mut hr = Mat::<f64>::zeros(bs, n - 1);
    super::bidiag::bidiagonalize(&mut data, m, n, hl.as_mut(), hr.as_mut(), true);
    let bid = MatRef::from_column_major_slice(&data, m, n);
    let d: Vec<f64> = (0..n).map(|i| bid[(i, i)]).collect();
    let e: Vec<f64> = (0..n - 1).map(|i| bid[(i, i + 1)]).collect();
    let mut s = vec![0.0f64; n];
    let mut ub = Mat::<f64>::zeros(n, n);
    let mut vb = Mat::<f64>::zeros(n, n);
    bidiag_svd(&d, &e, &mut s, ub.as_mut(), vb.as_mut(), true)?;
    s.reverse();
    let mut u = Mat::<f64>::zeros(m, if full { m } else { n });
    let mut v = Mat::<f64>::zeros(n, n);
    for j in 0..n {
        u.col_mut(j).subrows_mut(0, n).copy_from(ub.col(n - 1 - j));
        v.col_mut(j).copy_from(vb.col(n - 1 - j));
    }
    for i in n..u.ncols() {
        u[(i, i)] = 1.0;
    }
    // The right reflectors live in the rows of the upper triangle: transposed into a basis.
    let n1 = n - 1;
    let vbasis = Mat::<f64>::from_fn(n1, n1, |i, j| if i >= j { bid[(j, i + 1)] } else { 0.0 });
    let apply = |basis: MatRef<'_, f64>, h: MatRef<'_, f64>, x: MatMut<'_, f64>| {
        let mut mem = scratch(
            householder::apply_block_householder_sequence_on_the_left_in_place_scratch::<f64>(
                basis.nrows(),
                bs,
                x.ncols(),
            ),
        );
        householder::apply_block_householder_sequence_on_the_left_in_place_with_conj(
            basis,
            h,
            Conj::No,
            x,
            Par::Seq,
            stack_of(&mut mem),
        );
    };
    rayon::join(
        || apply(bid.as_ref(), hl.as_ref(), u.as_mut()),
        || apply(vbasis.as_ref(), hr.as_ref(), v.as_mut().subrows_mut(1, n1)),
    );
    Ok((s, u, v))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A bidiagonal: random, graded, or with repeats, zeros and tiny couplings for deflation.
    fn problem(n: usize, kind: u32) -> (Vec<f64>, Vec<f64>) {
        let mut st = n as u64 * 13 + kind as u64;
        let mut r = move || {
            st = st
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (st >> 11) as f64 / (1u64 << 53) as f64
        };
        match kind {
            0 => (
                (0..n).map(|_| r() - 0.5).collect(),
                (0..n - 1).map(|_| r() - 0.5).collect(),
            ),
            1 => (
                (0..n).map(|i| 0.8f64.powi(i as i32 % 60)).collect(),
                (0..n - 1)
                    .map(|i| 1e-3 * 0.9f64.powi(i as i32 % 40))
                    .collect(),
            ),
            2 => (
                (0..n)
                    .map(|i| if i % 7 == 3 { 0.0 } else { (i % 3) as f64 })
                    .collect(),
                (0..n - 1)
                    .map(|i| if i % 5 == 0 { 1e-18 } else { r() })
                    .collect(),
            ),
            _ => (vec![1.0; n], vec![0.0; n - 1]),
        }
    }

    #[test]
    fn non_finite_input_is_an_error() {
        let mut a = Mat::<f64>::from_fn(70, 66, |i, j| ((i * 3 + j * 5) % 7) as f64);
        assert!(svd_dense(a.as_ref(), true).is_ok());
        for bad in [f64::NAN, f64::INFINITY] {
            a[(40, 9)] = bad;
            assert!(matches!(
                svd_dense(a.as_ref(), false),
                Err(SvdError::NoConvergence)
            ));
        }
        let (mut s, mut u, mut v) = (vec![0.0; 3], Mat::zeros(3, 3), Mat::zeros(3, 3));
        let r = bidiag_svd(
            &[1.0, f64::NAN, 2.0],
            &[0.5, 0.5],
            &mut s,
            u.as_mut(),
            v.as_mut(),
            false,
        );
        assert!(r.is_err());
    }

    #[test]
    fn triplets_reconstruct_and_are_orthonormal() {
        for &n in &[1usize, 2, 31, 32, 33, 64, 65, 100, 127, 200, 257] {
            for kind in 0..4 {
                for par in [false, true] {
                    let (d, e) = problem(n, kind);
                    let mut s = vec![0.0; n];
                    let mut u = Mat::<f64>::zeros(n, n);
                    let mut v = Mat::<f64>::zeros(n, n);
                    bidiag_svd(&d, &e, &mut s, u.as_mut(), v.as_mut(), par).unwrap();
                    let b = Mat::<f64>::from_fn(n, n, |i, j| {
                        if i == j {
                            d[i]
                        } else if j == i + 1 {
                            e[i]
                        } else {
                            0.0
                        }
                    });
                    let fs = b.as_ref().singular_values().unwrap();
                    let scale = fs[0].max(1e-300);
                    for i in 0..n {
                        assert!(i == 0 || s[i - 1] <= s[i], "n={n} kind={kind}: not sorted");
                        let want = fs[n - 1 - i];
                        assert!(
                            (s[i] - want).abs() <= 1e-13 * n as f64 * scale,
                            "n={n} kind={kind}: value {i}: {} vs {want}",
                            s[i]
                        );
                    }
                    let mut us = u.clone();
                    for (j, &sj) in s.iter().enumerate() {
                        us.col_mut(j).iter_mut().for_each(|x| *x *= sj);
                    }
                    let rec = &us * v.transpose();
                    for i in 0..n {
                        for j in 0..n {
                            let r = (rec[(i, j)] - b[(i, j)]).abs();
                            assert!(
                                r <= 1e-13 * n as f64 * scale,
                                "n={n} kind={kind}: B off by {r}"
                            );
                        }
                    }
                    for m in [&u, &v] {
                        let g = m.transpose() * m;
                        for i in 0..n {
                            for j in 0..n {
                                let want = if i == j { 1.0 } else { 0.0 };
                                let r = (g[(i, j)] - want).abs();
                                assert!(
                                    r <= 1e-13 * n as f64,
                                    "n={n} kind={kind}: not orthonormal, {r}"
                                );
                            }
                        }
                    }
                }
            }
        }
    }
}
