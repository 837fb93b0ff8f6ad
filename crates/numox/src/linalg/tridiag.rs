//! The eigen-decomposition of a real symmetric matrix with a blocked Householder
//! tridiagonalisation (LAPACK's `dsytrd`/`dlatrd`), then faer's divide-and-conquer on the
//! tridiagonal matrix and its blocked back-transformation.
//!
//! faer's own tridiagonalisation updates the whole trailing matrix after every column, which
//! streams it through the cache twice per column. Here a panel of [`NB`] columns only reads the
//! trailing matrix (one symmetric matrix-vector product per column, on both cores for big
//! matrices), and the panel's rank-2k update is one level-3 product, so half of the work runs
//! at matrix-product speed.

use super::batch::{scratch, stack_of, Work};
use super::bridge::par_for;
use crate::kernels::loops::has_avx2;
use faer::diag::Diag;
use faer::linalg::evd::{
    self_adjoint_evd_scratch, tridiagonal_self_adjoint_evd, ComputeEigenvectors, EvdError,
};
use faer::linalg::householder;
use faer::linalg::matmul::triangular::{matmul as tri_matmul, BlockStructure};
use faer::linalg::qr::no_pivoting::factor::recommended_block_size;
use faer::{Accum, Conj, Mat, MatMut, MatRef, Par};
use std::ops::Range;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::OnceLock;

/// Columns per panel.
const NB: usize = 32;

/// Trailing sizes from which the symmetric matrix-vector product is split across two threads.
const SYMV_PAR_MIN: usize = 192;

/// Sizes from which [`eigh_blocked`] is used (faer's unblocked reduction is as fast below).
pub(crate) const BLOCKED_MIN: usize = 64;

/// A symmetric `q x q` matrix by its lower triangle in `s` (column-major, column stride `cs`).
#[derive(Clone, Copy)]
struct Lower<'a> {
    s: &'a [f64],
    cs: usize,
    q: usize,
}

/// `y[j..] += s[j..] * x[j]` and `y[j] += s[j..] . x[j..]` for every column `j` of the lower
/// triangle of `s` (`q x q`, column-major with column stride `cs`): `y += S x` for the
/// symmetric `S`.
#[inline(always)]
fn symv_cols(m: Lower<'_>, cols: Range<usize>, x: &[f64], y: &mut [f64]) {
    let Lower { s, cs, q } = m;
    for j in cols {
        let col = &s[j * cs + j..j * cs + q];
        let xj = x[j];
        let (c0, rest) = col.split_at(1);
        let mut acc = [0.0f64; 8];
        let xs = &x[j + 1..q];
        let (ys_head, ys) = y[j..q].split_at_mut(1);
        let mut ca = rest.chunks_exact(8);
        let mut xa = xs.chunks_exact(8);
        let mut ya = ys.chunks_exact_mut(8);
        for ((c, xv), yv) in (&mut ca).zip(&mut xa).zip(&mut ya) {
            for i in 0..8 {
                acc[i] = c[i].mul_add(xv[i], acc[i]);
                yv[i] = c[i].mul_add(xj, yv[i]);
            }
        }
        let mut t = 0.0;
        for ((c, xv), yv) in ca
            .remainder()
            .iter()
            .zip(xa.remainder())
            .zip(ya.into_remainder())
        {
            t = c.mul_add(*xv, t);
            *yv = c.mul_add(xj, *yv);
        }
        let s4 = [
            acc[0] + acc[4],
            acc[1] + acc[5],
            acc[2] + acc[6],
            acc[3] + acc[7],
        ];
        ys_head[0] += c0[0] * xj + ((s4[0] + s4[2]) + (s4[1] + s4[3])) + t;
    }
}

/// [`symv_cols`] with AVX2 and FMA.
///
/// # Safety
/// The CPU has AVX2 and FMA.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn symv_cols_fma(m: Lower<'_>, cols: Range<usize>, x: &[f64], y: &mut [f64]) {
    symv_cols(m, cols, x, y)
}

/// [`symv_cols`] with the best instructions the CPU has.
fn symv_range(m: Lower<'_>, cols: Range<usize>, x: &[f64], y: &mut [f64]) {
    #[cfg(target_arch = "x86_64")]
    if has_avx2() {
        // SAFETY: the CPU has AVX2 and FMA.
        return unsafe { symv_cols_fma(m, cols, x, y) };
    }
    symv_cols(m, cols, x, y)
}

/// A helper thread that computes one part of each symmetric matrix-vector product of the
/// reduction. Its handshakes are atomics it spins on (a rayon join per column costs more than
/// the product itself when the other core has gone to sleep); it parks when no product comes
/// for a while, as during a panel's trailing update.
/// Its fields sit on their own cache lines, away from either thread's other data: a line the
/// helper polls must not be one the main thread writes between jobs.
#[repr(align(128))]
struct Pair {
    /// Bumped by the main thread for each job; `usize::MAX` stops the helper.
    epoch: Line<AtomicUsize>,
    /// The epoch of the last finished job.
    done: Line<AtomicUsize>,
    /// The epoch of the last job one of the threads took.
    claimed: Line<AtomicUsize>,
    parked: Line<AtomicBool>,
    helper: OnceLock<std::thread::Thread>,
    /// The job: [`SYMV`] or [`RANK2K`], then the arguments of `symv_job` or `rank2k_job`.
    job: [AtomicUsize; 8],
}

/// A value alone on a (pair of) cache line(s).
#[repr(align(128))]
struct Line<T>(T);

impl<T> std::ops::Deref for Line<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// Spins before the helper parks.
const SPINS: usize = 1 << 14;

impl Pair {
    fn new() -> Pair {
        Pair {
            epoch: Line(AtomicUsize::new(0)),
            done: Line(AtomicUsize::new(0)),
            claimed: Line(AtomicUsize::new(0)),
            parked: Line(AtomicBool::new(false)),
            helper: OnceLock::new(),
            job: Default::default(),
        }
    }

    /// The helper's loop, until [`Pair::stop`].
    fn serve(&self) {
        let _ = self.helper.set(std::thread::current());
        let mut seen = 0;
        loop {
            let mut spins = 0;
            let e = loop {
                let e = self.epoch.load(Ordering::Acquire);
                if e != seen {
                    break e;
                }
                spins += 1;
                if spins < SPINS {
                    std::hint::spin_loop();
                } else {
                    self.parked.store(true, Ordering::SeqCst);
                    if self.epoch.load(Ordering::SeqCst) == seen {
                        std::thread::park();
                    }
                    self.parked.store(false, Ordering::SeqCst);
                    spins = 0;
                }
            };
            if e == usize::MAX {
                return;
            }
            seen = e;
            // The main thread may have claimed the job itself (it does when it finds the job
            // untouched after its own part, as when this thread is descheduled).
            if self.claim(e) {
                let job = self.job.each_ref().map(|j| j.load(Ordering::Relaxed));
                run(job);
                self.done.store(e, Ordering::Release);
            }
        }
    }

    /// Takes the job of epoch `e`; false when the other thread already has.
    fn claim(&self, e: usize) -> bool {
        self.claimed
            .compare_exchange(e - 1, e, Ordering::AcqRel, Ordering::Acquire)
            .is_ok()
    }

    /// Hands `job` to the helper; returns its epoch for [`Pair::finish`].
    fn post(&self, job: [usize; 8]) -> usize {
        for (slot, v) in self.job.iter().zip(job) {
            slot.store(v, Ordering::Relaxed);
        }
        let e = self.epoch.fetch_add(1, Ordering::SeqCst) + 1;
        self.wake();
        e
    }

    /// Waits until the helper finished the job of epoch `e`.
    /// Finishes the job `job` of epoch `e`: runs it here if the helper has not taken it yet,
    /// otherwise waits for the helper. So a descheduled helper never stalls the reduction.
    fn finish(&self, e: usize, job: [usize; 8]) {
        if self.claim(e) {
            run(job);
            return;
        }
        while self.done.load(Ordering::Acquire) != e {
            std::hint::spin_loop();
        }
    }

    fn wake(&self) {
        if self.parked.load(Ordering::SeqCst)
            && let Some(h) = self.helper.get()
        {
            h.unpark();
        }
    }

    /// Ends [`Pair::serve`].
    fn stop(&self) {
        self.epoch.store(usize::MAX, Ordering::SeqCst);
        self.wake();
        if let Some(h) = self.helper.get() {
            h.unpark();
        }
    }
}

/// Runs a job of [`Pair`].
fn run(job: [usize; 8]) {
    // SAFETY: the poster keeps the job's slices borrowed (the inputs shared, the output
    // exclusively for the job) until the job is finished.
    unsafe {
        if job[0] == SYMV {
            symv_job(job);
        } else {
            rank2k_job(job);
        }
    }
}

/// Job kinds of [`Pair`].
const SYMV: usize = 1;
const RANK2K: usize = 2;

/// The helper's part of [`symv`]: columns `split..q` into `t`.
///
/// # Safety
/// `job` is what [`symv`] posted, with its slices still borrowed.
unsafe fn symv_job(job: [usize; 8]) {
    let [_, sp, xp, tp, q, split, n, _] = job;
    // SAFETY: as the caller promises.
    unsafe {
        let s = std::slice::from_raw_parts(sp as *const f64, (q - 1) * n + q);
        let x = std::slice::from_raw_parts(xp as *const f64, q);
        let t = std::slice::from_raw_parts_mut(tp as *mut f64, q);
        t.fill(0.0);
        symv_range(Lower { s, cs: n, q }, split..q, x, t);
    }
}

/// `d -= v w^T + w v^T` on the lower triangle of the square `d`, with parallelism `par`.
fn rank2k_tri(d: MatMut<'_, f64>, v: MatRef<'_, f64>, w: MatRef<'_, f64>, par: Par) {
    let mut d = d;
    for (l, r) in [(v, w), (w, v)] {
        tri_matmul(
            d.as_mut(),
            BlockStructure::TriangularLower,
            Accum::Add,
            l,
            BlockStructure::Rectangular,
            r.transpose(),
            BlockStructure::Rectangular,
            -1.0,
            par,
        );
    }
}

/// The helper's part of [`rank2k`]: the lower triangle of `d[k1.., k1..]`.
///
/// # Safety
/// `job` is what [`rank2k`] posted, with its slices still borrowed.
unsafe fn rank2k_job(job: [usize; 8]) {
    let [_, dp, vp, wp, m, jn, n, k1] = job;
    // SAFETY: as the caller promises: the columns k1.. of d belong to the helper.
    unsafe {
        let d = MatMut::from_raw_parts_mut(dp as *mut f64, m - k1, m - k1, 1, n as isize);
        let v = MatRef::from_raw_parts(vp as *const f64, m - k1, jn, 1, n as isize);
        let w = MatRef::from_raw_parts(wp as *const f64, m - k1, jn, 1, n as isize);
        rank2k_tri(d, v, w, Par::Seq);
    }
}

/// `d -= v w^T + w v^T` on the lower triangle of `d` (`m x m`), `v` and `w` `m x jn`, all with
/// leading dimension `n`; with a helper, each thread takes columns holding half the triangle.
fn rank2k(
    d: MatMut<'_, f64>,
    v: MatRef<'_, f64>,
    w: MatRef<'_, f64>,
    n: usize,
    pair: Option<&Pair>,
) {
    let (m, jn) = (v.nrows(), v.ncols());
    let k1 = ((m as f64) * (1.0 - std::f64::consts::FRAC_1_SQRT_2)) as usize;
    match pair {
        Some(pair) if m >= SYMV_PAR_MIN => {
            let (left, mut right) = d.split_at_col_mut(k1);
            let right = right.as_mut().subrows_mut(k1, m - k1);
            let job = [
                RANK2K,
                right.as_ptr_mut() as usize,
                v.get(k1.., ..).as_ptr() as usize,
                w.get(k1.., ..).as_ptr() as usize,
                m,
                jn,
                n,
                k1,
            ];
            let e = pair.post(job);
            let (top, mut bottom) = left.split_at_row_mut(k1);
            rank2k_tri(top, v.get(..k1, ..), w.get(..k1, ..), Par::Seq);
            for (l, r) in [(v, w), (w, v)] {
                faer::linalg::matmul::matmul(
                    bottom.as_mut(),
                    Accum::Add,
                    l.get(k1.., ..),
                    r.get(..k1, ..).transpose(),
                    -1.0,
                    Par::Seq,
                );
            }
            pair.finish(e, job);
        }
        _ => rank2k_tri(d, v, w, par_for((2 * m * m * jn) as f64)),
    }
}

/// `y = S x` for the symmetric `q x q` matrix whose lower triangle starts at `s[0]` (leading
/// dimension `n`). With a helper, the helper computes the columns past a split into `t`.
fn symv(
    s: &[f64],
    n: usize,
    q: usize,
    x: &[f64],
    y: &mut [f64],
    t: &mut [f64],
    pair: Option<&Pair>,
) {
    let s = &s[..(q - 1) * n + q];
    let (x, y) = (&x[..q], &mut y[..q]);
    y.fill(0.0);
    match pair {
        Some(pair) if q >= SYMV_PAR_MIN => {
            // Two column ranges holding equal halves of the triangle.
            let split = ((q as f64) * (1.0 - std::f64::consts::FRAC_1_SQRT_2)) as usize;
            let t = &mut t[..q];
            let job = [
                SYMV,
                s.as_ptr() as usize,
                x.as_ptr() as usize,
                t.as_mut_ptr() as usize,
                q,
                split,
                n,
                0,
            ];
            let e = pair.post(job);
            symv_range(Lower { s, cs: n, q }, 0..split, x, y);
            pair.finish(e, job);
            for (a, b) in y.iter_mut().zip(t.iter()) {
                *a += *b;
            }
        }
        _ => symv_range(Lower { s, cs: n, q }, 0..q, x, y),
    }
}

/// `y[i] += a * x[i]`.
#[inline(always)]
fn axpy(y: &mut [f64], a: f64, x: &[f64]) {
    for (y, x) in y.iter_mut().zip(x) {
        *y = x.mul_add(a, *y);
    }
}

/// `x . y` in four lanes.
#[inline(always)]
fn dot(x: &[f64], y: &[f64]) -> f64 {
    let mut acc = [0.0f64; 4];
    let (xc, yc) = (x.chunks_exact(4), y.chunks_exact(4));
    let t: f64 = xc
        .remainder()
        .iter()
        .zip(yc.remainder())
        .map(|(a, b)| a * b)
        .sum();
    for (a, b) in xc.zip(yc) {
        for i in 0..4 {
            acc[i] = a[i].mul_add(b[i], acc[i]);
        }
    }
    (acc[0] + acc[2]) + (acc[1] + acc[3]) + t
}

/// Reduces the symmetric matrix in the lower triangle of `a` (`n x n`, column-major, leading
/// dimension `n`) to tridiagonal form `Q^T A Q`, in faer's layout: the diagonal and subdiagonal
/// in place, the Householder vectors' essential parts below the subdiagonal, and faer's `tau`
/// of reflector `k` in `taus[k]` (`H = I - v v^T / tau`).
fn tridiagonalize(a: &mut [f64], n: usize, taus: &mut [f64]) {
    if n > SYMV_PAR_MIN && rayon::current_num_threads() > 1 {
        let pair = Box::new(Pair::new());
        std::thread::scope(|sc| {
            sc.spawn(|| pair.serve());
            reduce_best(a, n, taus, Some(&pair));
            pair.stop();
        });
    } else {
        reduce_best(a, n, taus, None);
    }
}

/// [`reduce`] with AVX2 and FMA when the CPU has them.
fn reduce_best(a: &mut [f64], n: usize, taus: &mut [f64], pair: Option<&Pair>) {
    #[cfg(target_arch = "x86_64")]
    if has_avx2() {
        // SAFETY: the CPU has AVX2 and FMA.
        return unsafe { reduce_fma(a, n, taus, pair) };
    }
    reduce(a, n, taus, pair)
}

/// [`reduce`] with AVX2 and FMA.
///
/// # Safety
/// The CPU has AVX2 and FMA.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn reduce_fma(a: &mut [f64], n: usize, taus: &mut [f64], pair: Option<&Pair>) {
    reduce(a, n, taus, pair)
}

#[inline(always)]
fn reduce(a: &mut [f64], n: usize, taus: &mut [f64], pair: Option<&Pair>) {
    // The panel's V and W, column-major with leading dimension n (rows are absolute).
    let mut v = vec![0.0f64; n * NB];
    let mut w = vec![0.0f64; n * NB];
    let mut y = vec![0.0f64; n];
    let mut tmp = vec![0.0f64; n];
    let mut p = 0;
    while p + 1 < n {
        let pe = (p + NB).min(n - 1);
        v.fill(0.0);
        w.fill(0.0);
        for c in p..pe {
            let j = c - p;
            // Column c gets the panel's earlier rank-2 updates: a[c.., c] -= V W[c]^T + W V[c]^T.
            let col = &mut a[c * n + c..c * n + n];
            for l in 0..j {
                let (vl, wl) = (&v[l * n + c..l * n + n], &w[l * n + c..l * n + n]);
                axpy(col, -wl[0], vl);
                axpy(col, -vl[0], wl);
            }
            // The reflector that zeroes a[c+2.., c].
            let q = n - c - 1;
            let (head, tail) = col[1..].split_at_mut(1);
            let info = householder::make_householder_in_place(
                &mut head[0],
                faer::ColMut::from_slice_mut(tail),
            );
            taus[c] = info.tau;
            let tau_l = if info.tau.is_finite() {
                info.tau.recip()
            } else {
                0.0
            };
            // v = [1, essentials] on rows c+1..n.
            {
                let vj = &mut v[j * n + c + 1..j * n + n];
                vj[0] = 1.0;
                vj[1..].copy_from_slice(&a[c * n + c + 2..c * n + n]);
            }
            if tau_l == 0.0 {
                continue;
            }
            // w = tau (A22 v - V (W^T v) - W (V^T v)), A22 as at the panel's start.
            let (vcols, vrest) = v.split_at(j * n);
            let vcol = &vrest[c + 1..n];
            let s = &a[(c + 1) * (n + 1)..];
            symv(s, n, q, vcol, &mut y, &mut tmp, pair);
            let y = &mut y[..q];
            for l in 0..j {
                let (vl, wl) = (
                    &vcols[l * n + c + 1..l * n + n],
                    &w[l * n + c + 1..l * n + n],
                );
                let (hw, hv) = (dot(wl, vcol), dot(vl, vcol));
                axpy(y, -hw, vl);
                axpy(y, -hv, wl);
            }
            for x in y.iter_mut() {
                *x *= tau_l;
            }
            let alpha = -0.5 * tau_l * dot(y, vcol);
            let wj = &mut w[j * n + c + 1..j * n + n];
            for ((o, &yi), &vi) in wj.iter_mut().zip(y.iter()).zip(vcol) {
                *o = vi.mul_add(alpha, yi);
            }
        }
        // The trailing matrix: a[pe.., pe..] -= V W^T + W V^T (lower triangle).
        let jn = pe - p;
        let m = n - pe;
        let vb = MatRef::from_column_major_slice_with_stride(&v[pe..], m, jn, n);
        let wb = MatRef::from_column_major_slice_with_stride(&w[pe..], m, jn, n);
        let am = MatMut::from_column_major_slice_with_stride_mut(&mut a[pe * n + pe..], m, m, n);
        rank2k(am, vb, wb, n, pair);
        p = pe;
    }
}

/// NumPy's error for a symmetric eigensolver that did not converge.
fn not_converged(_: EvdError) -> crate::error::Error {
    crate::error::Error::LinAlg("Eigenvalues did not converge".into())
}

/// The eigenvalues (ascending, into `s`) and, into `u` when given, the eigenvectors of the
/// symmetric matrix whose lower triangle is that of `h` (`n x n`, `n >= 2`).
pub(crate) fn eigh_blocked(
    h: MatRef<'_, f64>,
    s: &mut [f64],
    u: Option<MatMut<'_, f64>>,
) -> crate::error::Result<()> {
    let n = h.nrows();
    // Only the lower triangle is written and read (the Householder vectors and the updates of
    // the reduction stay in it); the buffer is reused memory, not cleared.
    let mut work = Work::<f64>::new(n, n)?;
    let data = work.slice_mut();
    // The lower triangle, in 32 x 32 tiles (the input is usually row-major).
    for jb in (0..n).step_by(32) {
        for ib in (jb..n).step_by(32) {
            for j in jb..(jb + 32).min(n) {
                for i in ib.max(j)..(ib + 32).min(n) {
                    data[j * n + i] = h[(i, j)];
                }
            }
        }
    }
    let mut taus = vec![f64::INFINITY; n - 1];
    tridiagonalize(data, n, &mut taus);
    let a = work.as_ref();
    let mut diag = Diag::<f64>::zeros(n);
    let mut sub = Diag::<f64>::zeros(n);
    for i in 0..n {
        diag[i] = a[(i, i)];
        if i + 1 < n {
            sub[i] = a[(i + 1, i)];
        }
    }
    let par = par_for((n * n * n) as f64);
    let bs = recommended_block_size::<f64>(n, n);
    let mut u = u;
    if let Some(u) = u.as_mut() {
        let d: Vec<f64> = (0..n).map(|i| diag[i]).collect();
        let e: Vec<f64> = (0..n - 1).map(|i| sub[i]).collect();
        super::tridiag_dc::tridiag_evd(&d, &e, s, u.as_mut(), matches!(par, Par::Rayon(_)))?;
    } else {
        let mut sd = Diag::<f64>::zeros(n);
        let mut mem = scratch(self_adjoint_evd_scratch::<f64>(
            n,
            ComputeEigenvectors::No,
            par,
            Default::default(),
        ));
        tridiagonal_self_adjoint_evd(
            diag.as_ref(),
            sub.as_ref(),
            sd.as_mut(),
            None,
            par,
            stack_of(&mut mem),
            Default::default(),
        )
        .map_err(not_converged)?;
        for (i, x) in s.iter_mut().enumerate() {
            *x = sd[i];
        }
    }
    if let Some(mut u) = u {
        // The block reflectors of faer's layout, then U = Q Z.
        let n1 = n - 1;
        let mut hf = Mat::<f64>::zeros(bs, n1);
        let basis = a.as_ref().submatrix(1, 0, n1, n1);
        super::bidiag::block_factors(hf.as_mut(), basis, &taus);
        // Each thread applies the whole sequence to half of the columns: two large serial
        // products per block instead of faer's finely split parallel ones.
        let apply = |cols: MatMut<'_, f64>| {
            let mut mem = scratch(
                householder::apply_block_householder_sequence_on_the_left_in_place_scratch::<f64>(
                    n1,
                    bs,
                    cols.ncols(),
                ),
            );
            householder::apply_block_householder_sequence_on_the_left_in_place_with_conj(
                basis,
                hf.as_ref(),
                Conj::No,
                cols,
                Par::Seq,
                stack_of(&mut mem),
            );
        };
        let rows = u.as_mut().subrows_mut(1, n1);
        if matches!(par, Par::Rayon(_)) {
            let (left, right) = rows.split_at_col_mut(n / 2);
            rayon::join(|| apply(left), || apply(right));
        } else {
            apply(rows);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sym(n: usize) -> Mat<f64> {
        let f = |i: usize, j: usize| (((i * 31 + j * 17) % 97) as f64 / 97.0) - 0.5;
        Mat::from_fn(n, n, |i, j| f(i.max(j), i.min(j)))
    }

    #[test]
    fn matches_faer_and_reconstructs() {
        // Sizes around the panel width, the parallel symv threshold and odd remainders.
        for n in [2usize, 3, 31, 32, 33, 65, 100, 333] {
            let a = sym(n);
            let mut s = vec![0.0; n];
            let mut u = Mat::<f64>::zeros(n, n);
            eigh_blocked(a.as_ref(), &mut s, Some(u.as_mut())).unwrap();
            let e = a.as_ref().self_adjoint_eigen(faer::Side::Lower).unwrap();
            let scale = s.iter().fold(1.0f64, |m, x| m.max(x.abs()));
            for (i, &si) in s.iter().enumerate() {
                assert!(
                    (si - e.S()[i]).abs() < 1e-11 * scale * n as f64,
                    "n={n} i={i}"
                );
            }
            for w in s.windows(2) {
                assert!(w[0] <= w[1]);
            }
            // A U = U diag(s) and U^T U = I.
            let au = &a * &u;
            let utu = u.transpose() * &u;
            for j in 0..n {
                for i in 0..n {
                    assert!((au[(i, j)] - u[(i, j)] * s[j]).abs() < 1e-10 * scale * n as f64);
                    let id = if i == j { 1.0 } else { 0.0 };
                    assert!((utu[(i, j)] - id).abs() < 1e-11 * n as f64);
                }
            }
            let mut s2 = vec![0.0; n];
            eigh_blocked(a.as_ref(), &mut s2, None).unwrap();
            for i in 0..n {
                assert!((s2[i] - s[i]).abs() < 1e-11 * scale * n as f64);
            }
        }
    }
}
