//! A right-looking blocked LU factorisation with partial pivoting and one panel of look-ahead,
//! for two threads (LAPACK's `getrf` with the look-ahead of its multithreaded variants).
//!
//! Each step factors a panel of `nb` columns, then applies its row interchanges, the triangular
//! solve for the panel's rows of `U` and the rank-`nb` update to the columns on its right. The
//! columns of the next panel are updated first and that panel is factored at once, by one
//! thread, while the other thread (and then both) update the remaining columns in chunks claimed
//! from an atomic counter. The interchanges on the columns of `L` wait until the end, where each
//! column gathers its rows once through the composed permutation of the later panels (swapping
//! them panel by panel passed over the whole factored part of the matrix once per panel, and
//! took a quarter of the time).

use super::bridge::LinalgElem;
use faer::linalg::lu::partial_pivoting::factor;
use faer::linalg::matmul::matmul;
use faer::linalg::triangular_solve::solve_unit_lower_triangular_in_place;
use faer::reborrow::{Reborrow, ReborrowMut};
use faer::traits::math_utils::one;
use faer::{Accum, MatMut, Par};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Below this order the whole factorisation is faer's serial recursive LU.
const BLOCKED_MIN: usize = 192;
/// Columns per claimed chunk of the trailing update.
const CHUNK: usize = 64;

/// The column-major `n x n` matrix being factored, shared by the two threads; every access
/// touches the columns the caller owns at that moment.
#[derive(Clone, Copy)]
struct Shared<T> {
    ptr: *mut T,
    n: usize,
    ld: isize,
}
// SAFETY: the threads write disjoint column ranges and only read columns no one writes.
unsafe impl<T: Send> Send for Shared<T> {}
unsafe impl<T: Send> Sync for Shared<T> {}

impl<T: LinalgElem> Shared<T> {
    /// Columns `c0..c1`, all rows.
    ///
    /// # Safety
    /// No other live view may write these columns.
    unsafe fn cols(&self, c0: usize, c1: usize) -> MatMut<'_, T> {
        // SAFETY: c0 <= c1 <= n inside a column-major n x n allocation with stride ld.
        unsafe {
            MatMut::from_raw_parts_mut(
                self.ptr.offset(c0 as isize * self.ld),
                self.n,
                c1 - c0,
                1,
                self.ld,
            )
        }
    }
}

/// Swaps rows `i` and `trans[i]` (absolute indices, `trans[i] >= i`) for `i` in `rows`, in
/// order, in every column of `m`.
fn swap_rows<T: LinalgElem>(mut m: MatMut<'_, T>, rows: std::ops::Range<usize>, trans: &[usize]) {
    let moves = || rows.clone().map(|i| (i, trans[i])).filter(|&(i, t)| t != i);
    for j in 0..m.ncols() {
        let mut col = m.rb_mut().col_mut(j);
        if let Some(c) = col.rb_mut().try_as_col_major_mut() {
            let c = c.as_slice_mut();
            moves().for_each(|(i, t)| c.swap(i, t));
        } else {
            for (i, t) in moves() {
                let x = col[i];
                col[i] = col[t];
                col[t] = x;
            }
        }
    }
}

/// The interchanges of the later panels, applied to the columns of each panel of `L` at the
/// end (LAPACK applies them panel by panel, which passes over the whole factored part of the
/// matrix once per panel): each column gathers its rows through the composed permutation once.
///
/// # Safety
/// No other view of the matrix is live.
unsafe fn swap_left<T: LinalgElem>(a: Shared<T>, nb: usize, trans: &[usize], two: bool) {
    let n = a.n;
    let panels: Vec<usize> = (0..n).step_by(nb).filter(|&k| k + nb < n).collect();
    let one_panel = |k: usize| {
        let end = k + nb;
        // g[r]: the row (relative to end) whose value ends at row end + r.
        let mut g: Vec<usize> = (0..n - end).collect();
        for (i, &t) in trans.iter().enumerate().skip(end) {
            if t != i {
                g.swap(i - end, t - end);
            }
        }
        if g.iter().enumerate().all(|(r, &x)| r == x) {
            return;
        }
        let mut tmp: Vec<T> = Vec::with_capacity(n - end);
        // SAFETY: each panel's columns k..end are written by this call alone (the caller's
        // guarantee, and the panels are disjoint).
        let mut cols = unsafe { a.cols(k, end) };
        for j in 0..nb {
            let mut col = cols.rb_mut().col_mut(j).subrows_mut(end, n - end);
            tmp.clear();
            tmp.extend(g.iter().map(|&r| col[r]));
            for (r, &x) in tmp.iter().enumerate() {
                col[r] = x;
            }
        }
    };
    if two && panels.len() > 1 {
        // The first panels are the tall ones: alternate them between the threads.
        rayon::join(
            || panels.iter().step_by(2).for_each(|&k| one_panel(k)),
            || panels.iter().skip(1).step_by(2).for_each(|&k| one_panel(k)),
        );
    } else {
        panels.iter().for_each(|&k| one_panel(k));
    }
}

/// Factors the panel of columns `k..k + kb` (rows `k..n`) and records its interchanges in
/// `trans` (absolute row indices) — faer's serial recursive LU on the panel.
fn factor_panel<T: LinalgElem>(panel: MatMut<'_, T>, k: usize, trans: &mut [usize]) {
    let m = panel.nrows();
    let kb = panel.ncols();
    let mut perm = vec![0usize; m];
    let mut perm_inv = vec![0usize; m];
    let mut mem = super::batch::scratch(factor::lu_in_place_scratch::<usize, T>(
        m,
        kb,
        Par::Seq,
        Default::default(),
    ));
    factor::lu_in_place(
        panel,
        &mut perm,
        &mut perm_inv,
        Par::Seq,
        super::batch::stack_of(&mut mem),
        Default::default(),
    );
    // faer returns the permutation: recover the interchanges that produced it. Row perm[i]
    // was moved to position i at step i, from wherever the earlier interchanges had put it.
    // at[r]: current position of row r; pos[p]: row currently at position p.
    let mut at: Vec<usize> = (0..m).collect();
    let mut pos = at.clone();
    for i in 0..kb {
        let r = perm[i];
        let p = at[r];
        trans[i] = k + p;
        let q = pos[i];
        pos.swap(i, p);
        at[r] = i;
        at[q] = p;
    }
}

/// Applies panel `k..k + kb`'s interchanges, triangular solve and rank-`kb` update to columns
/// `c0..c1` (right of the panel).
///
/// # Safety
/// The caller owns columns `c0..c1`; the panel's columns are final and not written.
unsafe fn update<T: LinalgElem>(
    a: Shared<T>,
    k: usize,
    kb: usize,
    trans: &[usize],
    c0: usize,
    c1: usize,
) {
    // SAFETY: the caller's guarantee.
    let mut cols = unsafe { a.cols(c0, c1) };
    swap_rows(cols.rb_mut(), k..k + kb, trans);
    // SAFETY: the panel's columns are read only while this step runs.
    let panel = unsafe { a.cols(k, k + kb) };
    let panel = panel.rb();
    let (_, rest) = cols.split_at_row_mut(k);
    let (mut u12, a22) = rest.split_at_row_mut(kb);
    solve_unit_lower_triangular_in_place(panel.get(k..k + kb, ..), u12.rb_mut(), Par::Seq);
    matmul(
        a22,
        Accum::Add,
        panel.get(k + kb.., ..),
        u12.rb(),
        -one::<T>(),
        Par::Seq,
    );
}

/// Factors the column-major square matrix `a` in place as `P A = L U`: fills `perm` and
/// `perm_inv` as faer's `lu_in_place` does and returns the number of interchanges.
pub(crate) fn lu_in_place<T: LinalgElem>(
    mut a: MatMut<'_, T>,
    perm: &mut [usize],
    perm_inv: &mut [usize],
    par: Par,
) -> usize {
    let n = a.nrows();
    if n < BLOCKED_MIN || a.row_stride() != 1 {
        let mut mem = super::batch::scratch(factor::lu_in_place_scratch::<usize, T>(
            n,
            n,
            par,
            Default::default(),
        ));
        let (info, _) = factor::lu_in_place(
            a,
            perm,
            perm_inv,
            par,
            super::batch::stack_of(&mut mem),
            Default::default(),
        );
        return info.transposition_count;
    }
    let nb = block_size(n);
    let two = matches!(par, Par::Rayon(t) if t.get() > 1);
    let shared = Shared {
        ptr: a.rb_mut().as_ptr_mut(),
        n,
        ld: a.col_stride(),
    };
    let mut trans = vec![0usize; n];
    // SAFETY: nothing else runs yet.
    factor_panel(
        unsafe { shared.cols(0, nb.min(n)) }.subrows_mut(0, n),
        0,
        &mut trans[..nb.min(n)],
    );
    let mut k = 0;
    while k < n {
        let kb = nb.min(n - k);
        let next = k + kb;
        let next_kb = nb.min(n - next);
        let (done, future) = trans.split_at_mut(next);
        let done: &[usize] = done;
        // Work after the next panel: the columns next+next_kb..n, in claimed chunks.
        let right = next + next_kb..n;
        let total = right.len();
        let counter = AtomicUsize::new(0);
        let claim = || loop {
            let v = counter.fetch_add(CHUNK, Ordering::Relaxed);
            if v >= total {
                break;
            }
            let c0 = right.start + v;
            let c1 = (c0 + CHUNK).min(n);
            // SAFETY: chunk c0..c1 was claimed by this thread alone.
            unsafe { update(shared, k, kb, done, c0, c1) };
        };
        let mut lead = || {
            if next_kb > 0 {
                // SAFETY: the next panel's columns belong to the lead thread this step.
                unsafe { update(shared, k, kb, done, next, next + next_kb) };
                let panel = unsafe { shared.cols(next, next + next_kb) };
                factor_panel(
                    panel.subrows_mut(next, n - next),
                    next,
                    &mut future[..next_kb],
                );
            }
            claim();
        };
        if two && total > CHUNK {
            rayon::join(lead, claim);
        } else {
            lead();
        }
        k = next;
    }
    // SAFETY: the factorisation is done; these calls own all the columns between them.
    unsafe { swap_left(shared, nb, &trans, two) };
    let mut count = 0;
    for (i, p) in perm.iter_mut().enumerate() {
        *p = i;
    }
    for (i, &t) in trans.iter().enumerate() {
        if t != i {
            perm.swap(i, t);
            count += 1;
        }
    }
    for (i, &p) in perm.iter().enumerate() {
        perm_inv[p] = i;
    }
    count
}

/// Panel width for an order-`n` matrix.
fn block_size(n: usize) -> usize {
    if n <= 1200 {
        64
    } else {
        96
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Complex32, Complex64};
    use faer::traits::math_utils::{abs, zero};
    use faer::Mat;

    /// A pseudo-random `n x n` matrix with entries in [-0.5, 0.5), built by `f` from two draws.
    fn mat<T: LinalgElem>(n: usize, seed: u64, f: impl Fn(f64, f64) -> T) -> Mat<T> {
        let mut s = seed;
        let mut draw = move || {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((s >> 11) as f64 / (1u64 << 53) as f64) - 0.5
        };
        Mat::from_fn(n, n, |_, _| {
            let (x, y) = (draw(), draw());
            f(x, y)
        })
    }

    /// `P A` equals `L U` within `tol` (relative to `n`), and the interchanges match faer's for
    /// the same matrix.
    fn check<T: LinalgElem>(n: usize, par: Par, tol: f64, f: impl Fn(f64, f64) -> T) {
        let a = mat(n, n as u64, f);
        let mut lu = a.clone();
        let (mut p, mut pi) = (vec![0; n], vec![0; n]);
        let count = lu_in_place(lu.as_mut(), &mut p, &mut pi, par);
        let mut fl = a.clone();
        let (mut fp, mut fpi) = (vec![0; n], vec![0; n]);
        let mut mem = crate::linalg::batch::scratch(factor::lu_in_place_scratch::<usize, T>(
            n,
            n,
            Par::Seq,
            Default::default(),
        ));
        let (info, _) = factor::lu_in_place(
            fl.as_mut(),
            &mut fp,
            &mut fpi,
            Par::Seq,
            crate::linalg::batch::stack_of(&mut mem),
            Default::default(),
        );
        assert_eq!(p, fp, "n={n}");
        assert_eq!(count, info.transposition_count, "n={n}");
        let l = Mat::from_fn(n, n, |i, j| match i.cmp(&j) {
            std::cmp::Ordering::Greater => lu[(i, j)],
            std::cmp::Ordering::Equal => one::<T>(),
            _ => zero::<T>(),
        });
        let u = Mat::from_fn(n, n, |i, j| if i <= j { lu[(i, j)] } else { zero::<T>() });
        let prod = &l * &u;
        for i in 0..n {
            assert_eq!(pi[p[i]], i);
            for j in 0..n {
                let d: f64 =
                    num_traits::cast(abs(&(prod[(i, j)] - a[(p[i], j)]))).unwrap_or(f64::NAN);
                assert!(d < tol * n as f64, "n={n} ({i},{j}) off by {d}");
            }
        }
    }

    #[test]
    fn reconstructs_and_matches_faer() {
        for &n in &[1usize, 5, 191, 192, 200, 257, 333, 517] {
            for par in [Par::Seq, Par::rayon(2)] {
                check(n, par, 1e-12, |x, _| x);
            }
        }
        for par in [Par::Seq, Par::rayon(2)] {
            check(260, par, 1e-4, |x, _| x as f32);
            check(300, par, 1e-12, Complex64::new);
            check(200, par, 1e-4, |x, y| Complex32::new(x as f32, y as f32));
        }
    }
}
