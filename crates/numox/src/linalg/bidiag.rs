//! Householder bidiagonalisation `A = Q_L B Q_R^T` of a real column-major matrix, on two
//! threads: faer's one-sided fused algorithm (each column's rank-2 update of the trailing matrix
//! fused with the next product `A^T u`, then `A v`), with both passes over the trailing matrix
//! split between the threads by blocks of columns.
//!
//! faer runs the same algorithm with a rayon fork per pass, which costs more than the pass for
//! all but the first columns; here the second thread spins on an atomic between passes, and
//! the main thread takes over a pass the helper has not started (so a descheduled helper never
//! stalls the reduction).

use crate::kernels::loops::has_avx2;
use faer::linalg::householder::{make_householder_in_place, upgrade_householder_factor};
use faer::reborrow::ReborrowMut;
use faer::{ColMut, MatMut, MatRef, Par};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Columns per block of the split between the threads.
const CB: usize = 8;

/// Spins before a waiting helper yields its core.
const SPINS: usize = 1 << 12;

/// Bidiagonalises the `m x n` column-major `a` (`m >= n >= 2`, leading dimension `m`) in place,
/// in faer's layout: the diagonal and superdiagonal hold `B`, the left reflectors' essential
/// parts lie below the diagonal and the right ones' right of the superdiagonal; `hl` (`bs x n`)
/// and `hr` (`bs x (n - 1)`) receive their block factors.
pub(crate) fn bidiagonalize(
    a: &mut [f64],
    m: usize,
    n: usize,
    hl: MatMut<'_, f64>,
    hr: MatMut<'_, f64>,
    par: bool,
) {
    debug_assert!(m >= n && n >= 2 && a.len() == m * n);
    let mut y = vec![0.0f64; n];
    let mut z = vec![0.0f64; m];
    let mut zp = vec![0.0f64; 2 * m];
    let mut tl = vec![0.0f64; n];
    let mut tr = vec![0.0f64; n - 1];
    let ctx = Ctx {
        a: a.as_mut_ptr(),
        y: y.as_mut_ptr(),
        z: z.as_mut_ptr(),
        zp: zp.as_mut_ptr(),
        m,
        n,
        epoch: AtomicUsize::new(0),
        claimed: AtomicUsize::new(0),
        done: AtomicUsize::new(0),
        job: AtomicUsize::new(0),
        stop: AtomicBool::new(false),
    };
    if par {
        rayon::join(
            || {
                // SAFETY: the pointers cover `a`, `y`, `z`, `zp`, borrowed for this call.
                unsafe { reduce(&ctx, &mut tl, &mut tr, true) };
                ctx.stop.store(true, Ordering::Release);
            },
            || ctx.serve(),
        );
    } else {
        // SAFETY: as above.
        unsafe { reduce(&ctx, &mut tl, &mut tr, false) };
    }
    // The block factors, as faer builds them.
    let am = MatRef::from_column_major_slice(a, m, n);
    block_factors(hl, am, &tl);
    let n1 = n - 1;
    block_factors(hr, am.submatrix(0, 1, n1, n1).transpose(), &tr);
}

/// Fills `h` (`bs x k`) with the block factors of the Householder sequence whose essential
/// parts lie below the diagonal of `basis` (`r x k`) and whose coefficients are `taus`, in
/// blocks of `bs` columns (faer's layout for its block reflector products).
pub(crate) fn block_factors(mut h: MatMut<'_, f64>, basis: MatRef<'_, f64>, taus: &[f64]) {
    let (r, k) = (basis.nrows(), basis.ncols());
    let bs = h.nrows();
    let mut j = 0;
    while j < k {
        let b = bs.min(k - j);
        let mut hb = h.rb_mut().submatrix_mut(0, j, b, b);
        for (c, &t) in taus[j..j + b].iter().enumerate() {
            hb[(c, c)] = t;
        }
        // About 2 b^2 r flops per block: a rayon fork costs more than it saves.
        upgrade_householder_factor(hb, basis.submatrix(j, j, r - j, b), b, 1, Par::Seq);
        j += b;
    }
}

/// The state both threads see: raw views of the matrix and the vectors, and the handshake.
struct Ctx {
    a: *mut f64,
    y: *mut f64,
    z: *mut f64,
    /// Each thread's part of `A v` (`m` each).
    zp: *mut f64,
    m: usize,
    n: usize,
    /// Bumped by the main thread for each pass.
    epoch: AtomicUsize,
    /// The epoch of the last pass one of the threads took the helper's part of.
    claimed: AtomicUsize,
    /// The epoch of the last pass whose helper's part the helper finished.
    done: AtomicUsize,
    /// The pass: `2 k` for step `k`'s fused update, `2 k + 1` for its `A v`.
    job: AtomicUsize,
    stop: AtomicBool,
}

// SAFETY: the threads touch disjoint column blocks during a pass; the handshake orders the
// passes with the main thread's serial work.
unsafe impl Sync for Ctx {}

impl Ctx {
    /// The helper: takes the second part of each pass, until the reduction ends.
    fn serve(&self) {
        let mut seen = 0;
        loop {
            let mut spins = 0;
            let e = loop {
                let e = self.epoch.load(Ordering::Acquire);
                if e != seen {
                    break e;
                }
                if self.stop.load(Ordering::Acquire) {
                    return;
                }
                spins += 1;
                if spins < SPINS {
                    std::hint::spin_loop();
                } else {
                    std::thread::yield_now();
                }
            };
            seen = e;
            if self.claim(e) {
                let job = self.job.load(Ordering::Acquire);
                // SAFETY: the main thread posted this pass and waits for it.
                unsafe { pass(self, job, 1) };
                self.done.store(e, Ordering::Release);
            }
        }
    }

    fn claim(&self, e: usize) -> bool {
        self.claimed
            .compare_exchange(e - 1, e, Ordering::AcqRel, Ordering::Acquire)
            .is_ok()
    }

    /// Runs pass `job` on both parts: the first here, the second by the helper or here.
    ///
    /// # Safety
    /// Called by the main thread only, between its serial steps.
    unsafe fn both(&self, job: usize, par: bool) {
        if !par {
            // SAFETY: single-threaded.
            unsafe {
                pass(self, job, 0);
                pass(self, job, 1);
            }
            return;
        }
        self.job.store(job, Ordering::Release);
        let e = self.epoch.fetch_add(1, Ordering::AcqRel) + 1;
        // SAFETY: the parts touch disjoint columns.
        unsafe { pass(self, job, 0) };
        if self.claim(e) {
            // SAFETY: the helper did not take it.
            unsafe { pass(self, job, 1) };
            return;
        }
        while self.done.load(Ordering::Acquire) != e {
            std::hint::spin_loop();
        }
    }
}

/// One thread's part `t` of pass `job` over the trailing columns `k + 1..n` of its blocks.
///
/// # Safety
/// The caller holds the handshake for this pass.
unsafe fn pass(c: &Ctx, job: usize, t: usize) {
    #[cfg(target_arch = "x86_64")]
    if has_avx2() {
        // SAFETY: the CPU has AVX2 and FMA; the rest is the caller's promise.
        return unsafe { pass_fma(c, job, t) };
    }
    // SAFETY: the caller's promise.
    unsafe { pass_with(c, job, t, false) }
}

/// [`pass_with`] compiled for AVX2 and FMA.
///
/// # Safety
/// The CPU has AVX2 and FMA; see [`pass`].
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn pass_fma(c: &Ctx, job: usize, t: usize) {
    // SAFETY: the caller's promise.
    unsafe { pass_with(c, job, t, true) }
}

/// The pass; `fma` says the AVX2 kernels may run.
#[inline(always)]
unsafe fn pass_with(c: &Ctx, job: usize, t: usize, fma: bool) {
    let (k, second) = (job / 2, job % 2 == 1);
    let (m, n) = (c.m, c.n);
    let r0 = k + 1;
    let len = m - r0;
    // SAFETY: columns k - 1 and k and the vectors are only read during the pass; each thread
    // writes only its own columns and its own `zp` part.
    unsafe {
        let col = |j: usize| c.a.add(j * m + r0);
        let u = std::slice::from_raw_parts(col(k), len);
        let zt = std::slice::from_raw_parts_mut(c.zp.add(t * m + r0), len);
        if second {
            zt.fill(0.0);
        }
        let z = std::slice::from_raw_parts(c.z.add(r0) as *const f64, len);
        let up = (k > 0).then(|| std::slice::from_raw_parts(col(k - 1), len));
        let first_block = r0 / CB;
        // Blocks of CB columns alternate between the threads.
        let mut b = first_block;
        if b % 2 != t {
            b += 1;
        }
        while b * CB < n {
            for j in (b * CB).max(r0)..((b + 1) * CB).min(n) {
                let x = std::slice::from_raw_parts_mut(col(j), len);
                if second {
                    // z_t += A[:, j] * v_j, v in row k.
                    let vj = *c.a.add(j * m + k);
                    kernel!(fma, axpy(zt, x, vj));
                } else {
                    let yj = &mut *c.y.add(j);
                    if let Some(up) = up {
                        // The previous step's rank-2 update, fused with u^T A[:, j].
                        let vj = *c.a.add(j * m + k - 1);
                        *yj = kernel!(fma, fused(x, up, z, u, *yj, vj));
                    } else {
                        *yj = kernel!(fma, dot(x, u));
                    }
                }
            }
            b += 2;
        }
    }
}

/// Calls the AVX2 kernel `avx::$f` when `$fma`, else the portable `$f`.
macro_rules! kernel {
    ($fma:expr, $f:ident($($arg:expr),*)) => {{
        #[cfg(target_arch = "x86_64")]
        #[allow(unused_unsafe)]
        let r = if $fma {
            // SAFETY: `$fma` is only true on CPUs with AVX2 and FMA.
            unsafe { avx::$f($($arg),*) }
        } else {
            $f($($arg),*)
        };
        #[cfg(not(target_arch = "x86_64"))]
        let r = $f($($arg),*);
        r
    }};
}
use kernel;

/// `zt += x * v`.
#[inline(always)]
fn axpy(zt: &mut [f64], x: &[f64], v: f64) {
    for (o, &xv) in zt.iter_mut().zip(x) {
        *o += xv * v;
    }
}

/// The kernels with AVX2 and FMA: eight lanes per step, two accumulators.
#[cfg(target_arch = "x86_64")]
mod avx {
    use std::arch::x86_64::*;

    /// Sums the four lanes of `a`.
    #[inline(always)]
    unsafe fn hsum(a: __m256d) -> f64 {
        // SAFETY: AVX is enabled by the caller.
        unsafe {
            let lo = _mm256_castpd256_pd128(a);
            let hi = _mm256_extractf128_pd(a, 1);
            let s = _mm_add_pd(lo, hi);
            _mm_cvtsd_f64(_mm_add_sd(s, _mm_unpackhi_pd(s, s)))
        }
    }

    /// See [`super::fused`].
    ///
    /// # Safety
    /// The CPU has AVX2 and FMA; the slices are as long as `x`.
    #[target_feature(enable = "avx2,fma")]
    pub(super) unsafe fn fused(
        x: &mut [f64],
        up: &[f64],
        z: &[f64],
        u: &[f64],
        yj: f64,
        vj: f64,
    ) -> f64 {
        let n = x.len();
        debug_assert!(up.len() >= n && z.len() >= n && u.len() >= n);
        let (yv, vv) = (_mm256_set1_pd(yj), _mm256_set1_pd(vj));
        let (mut a0, mut a1) = (_mm256_setzero_pd(), _mm256_setzero_pd());
        let (px, pp, pz, pu) = (x.as_mut_ptr(), up.as_ptr(), z.as_ptr(), u.as_ptr());
        let mut i = 0;
        // SAFETY: i + 8 <= n, within every slice.
        unsafe {
            while i + 8 <= n {
                let mut x0 = _mm256_loadu_pd(px.add(i));
                let mut x1 = _mm256_loadu_pd(px.add(i + 4));
                x0 = _mm256_fnmadd_pd(_mm256_loadu_pd(pp.add(i)), yv, x0);
                x1 = _mm256_fnmadd_pd(_mm256_loadu_pd(pp.add(i + 4)), yv, x1);
                x0 = _mm256_fnmadd_pd(_mm256_loadu_pd(pz.add(i)), vv, x0);
                x1 = _mm256_fnmadd_pd(_mm256_loadu_pd(pz.add(i + 4)), vv, x1);
                _mm256_storeu_pd(px.add(i), x0);
                _mm256_storeu_pd(px.add(i + 4), x1);
                a0 = _mm256_fmadd_pd(_mm256_loadu_pd(pu.add(i)), x0, a0);
                a1 = _mm256_fmadd_pd(_mm256_loadu_pd(pu.add(i + 4)), x1, a1);
                i += 8;
            }
            let mut s = hsum(_mm256_add_pd(a0, a1));
            while i < n {
                let v = (*px.add(i) - *pp.add(i) * yj) - *pz.add(i) * vj;
                *px.add(i) = v;
                s += *pu.add(i) * v;
                i += 1;
            }
            s
        }
    }

    /// See [`super::dot`].
    ///
    /// # Safety
    /// The CPU has AVX2 and FMA; `u` is as long as `x`.
    #[target_feature(enable = "avx2,fma")]
    pub(super) unsafe fn dot(x: &[f64], u: &[f64]) -> f64 {
        let n = x.len();
        debug_assert!(u.len() >= n);
        let (mut a0, mut a1) = (_mm256_setzero_pd(), _mm256_setzero_pd());
        let (px, pu) = (x.as_ptr(), u.as_ptr());
        let mut i = 0;
        // SAFETY: i + 8 <= n, within both slices.
        unsafe {
            while i + 8 <= n {
                a0 = _mm256_fmadd_pd(_mm256_loadu_pd(px.add(i)), _mm256_loadu_pd(pu.add(i)), a0);
                a1 = _mm256_fmadd_pd(
                    _mm256_loadu_pd(px.add(i + 4)),
                    _mm256_loadu_pd(pu.add(i + 4)),
                    a1,
                );
                i += 8;
            }
            let mut s = hsum(_mm256_add_pd(a0, a1));
            while i < n {
                s += *px.add(i) * *pu.add(i);
                i += 1;
            }
            s
        }
    }

    /// See [`super::axpy`].
    ///
    /// # Safety
    /// The CPU has AVX2 and FMA; `x` is as long as `zt`.
    #[target_feature(enable = "avx2,fma")]
    pub(super) unsafe fn axpy(zt: &mut [f64], x: &[f64], v: f64) {
        let n = zt.len();
        debug_assert!(x.len() >= n);
        let vv = _mm256_set1_pd(v);
        let (pz, px) = (zt.as_mut_ptr(), x.as_ptr());
        let mut i = 0;
        // SAFETY: i + 8 <= n, within both slices.
        unsafe {
            while i + 8 <= n {
                let z0 =
                    _mm256_fmadd_pd(_mm256_loadu_pd(px.add(i)), vv, _mm256_loadu_pd(pz.add(i)));
                let z1 = _mm256_fmadd_pd(
                    _mm256_loadu_pd(px.add(i + 4)),
                    vv,
                    _mm256_loadu_pd(pz.add(i + 4)),
                );
                _mm256_storeu_pd(pz.add(i), z0);
                _mm256_storeu_pd(pz.add(i + 4), z1);
                i += 8;
            }
            while i < n {
                *pz.add(i) += *px.add(i) * v;
                i += 1;
            }
        }
    }
}

/// `x -= up * yj + z * vj`, then `u . x`.
#[inline(always)]
fn fused(x: &mut [f64], up: &[f64], z: &[f64], u: &[f64], yj: f64, vj: f64) -> f64 {
    let mut acc = [0.0f64; 4];
    let n4 = x.len() / 4 * 4;
    let (xc, xr) = x.split_at_mut(n4);
    for (((xx, pp), zz), uu) in xc
        .chunks_exact_mut(4)
        .zip(up.chunks_exact(4))
        .zip(z.chunks_exact(4))
        .zip(u.chunks_exact(4))
    {
        for l in 0..4 {
            let v = xx[l] - pp[l] * yj - zz[l] * vj;
            xx[l] = v;
            acc[l] += uu[l] * v;
        }
    }
    let mut s = (acc[0] + acc[2]) + (acc[1] + acc[3]);
    for (i, xx) in xr.iter_mut().enumerate() {
        let v = *xx - up[n4 + i] * yj - z[n4 + i] * vj;
        *xx = v;
        s += u[n4 + i] * v;
    }
    s
}

/// `x . u`.
#[inline(always)]
fn dot(x: &[f64], u: &[f64]) -> f64 {
    let mut acc = [0.0f64; 4];
    let n4 = x.len() / 4 * 4;
    for (xx, uu) in x[..n4].chunks_exact(4).zip(u[..n4].chunks_exact(4)) {
        for l in 0..4 {
            acc[l] += xx[l] * uu[l];
        }
    }
    let mut s = (acc[0] + acc[2]) + (acc[1] + acc[3]);
    for i in n4..x.len() {
        s += x[i] * u[i];
    }
    s
}

/// The main thread's loop over the columns: the serial vector work, and the two passes.
///
/// # Safety
/// `c`'s pointers are valid for the whole reduction; only the main thread calls this.
unsafe fn reduce(c: &Ctx, tl: &mut [f64], tr: &mut [f64], par: bool) {
    let (m, n) = (c.m, c.n);
    // SAFETY: the helper only runs between `both`'s post and its return.
    unsafe {
        let at = |i: usize, j: usize| c.a.add(j * m + i);
        // y and z by pointer: the helper writes parts of them during the passes.
        let y = |j: usize| c.y.add(j);
        let z = |i: usize| c.z.add(i);
        let mut row = vec![0.0f64; n];
        for k in 0..n {
            if k > 0 {
                // Row k and column k take the previous step's rank-2 update.
                let up0 = *at(k, k - 1);
                let (y1, z1) = (*y(k), *z(k));
                *at(k, k) -= up0 * y1 + z1;
                for i in k + 1..m {
                    *at(i, k) -= *at(i, k - 1) * y1 + *z(i);
                }
                for j in k + 1..n {
                    *at(k, j) -= up0 * *y(j) + z1 * *at(k - 1, j);
                }
            }
            let tail = std::slice::from_raw_parts_mut(at(k + 1, k), m - k - 1);
            let info = make_householder_in_place(&mut *at(k, k), ColMut::from_slice_mut(tail));
            let tlk = info.tau;
            tl[k] = tlk;
            if k + 1 == n {
                break;
            }
            c.both(2 * k, par);
            let inv = 1.0 / tlk;
            let mut nrm = 0.0f64;
            for j in k + 1..n {
                let yj = (*y(j) + *at(k, j)) * inv;
                *y(j) = yj;
                let v = *at(k, j) - yj;
                *at(k, j) = v;
                nrm += v * v;
            }
            let norm = nrm.sqrt();
            if norm != 0.0 {
                let ni = 1.0 / norm;
                for j in k + 1..n {
                    *at(k, j) *= ni;
                }
            }
            c.both(2 * k + 1, par);
            let zp = std::slice::from_raw_parts(c.zp as *const f64, 2 * m);
            for i in k + 1..m {
                *z(i) = zp[i] + zp[m + i];
            }
            // The right reflector of row k (copied out: the row is strided).
            let w = n - k - 1;
            for (jj, r) in row[..w].iter_mut().enumerate() {
                *r = *at(k, k + 1 + jj);
            }
            let (head, tail) = row[..w].split_at_mut(1);
            let info = make_householder_in_place(&mut head[0], ColMut::from_slice_mut(tail));
            for (jj, &r) in row[..w].iter().enumerate() {
                *at(k, k + 1 + jj) = r;
            }
            let trk = info.tau;
            tr[k] = trk;
            let hb = info.head_with_beta_inv;
            let beta = *at(k, k + 1);
            *at(k, k + 1) = beta * norm;
            let mut bb = *y(k + 1);
            for j in k + 2..n {
                bb += *y(j) * *at(k, j);
            }
            let ti = 1.0 / trk;
            if hb.is_finite() {
                for i in k + 1..m {
                    *z(i) = ((*z(i) - *at(i, k + 1) * beta) * hb - *at(i, k) * bb) * ti;
                }
            } else {
                for i in k + 1..m {
                    *z(i) = (*at(i, k + 1) - *at(i, k) * bb) * ti;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use faer::dyn_stack::{MemBuffer, MemStack};
    use faer::linalg::householder::{
        apply_block_householder_sequence_on_the_left_in_place_scratch as apply_scratch,
        apply_block_householder_sequence_on_the_left_in_place_with_conj as apply,
    };
    use faer::{Conj, Mat};

    /// `Q_L B Q_R^T` rebuilds `A`, and `B`'s entries match faer's up to sign.
    #[test]
    fn reconstructs_and_matches_faer() {
        use faer::linalg::svd::bidiag::{bidiag_in_place, bidiag_in_place_scratch};
        for &(m, n) in &[
            (2usize, 2usize),
            (3, 2),
            (9, 9),
            (20, 20),
            (40, 33),
            (100, 64),
            (130, 129),
            (257, 200),
        ] {
            for par in [false, true] {
                let a = Mat::<f64>::from_fn(m, n, |i, j| {
                    ((i * 7 + j * 13) % 17) as f64 - 8.0 + (i as f64 * 0.37 + j as f64).sin()
                });
                let bs = 8;
                let mut data: Vec<f64> = (0..n)
                    .flat_map(|j| (0..m).map(move |i| (i, j)))
                    .map(|(i, j)| a[(i, j)])
                    .collect();
                let mut hl = Mat::<f64>::zeros(bs, n);
                let mut hr = Mat::<f64>::zeros(bs, n - 1);
                bidiagonalize(&mut data, m, n, hl.as_mut(), hr.as_mut(), par);
                let bid = MatRef::from_column_major_slice(&data, m, n);
                let mut fa = a.clone();
                let mut fhl = Mat::<f64>::zeros(bs, n);
                let mut fhr = Mat::<f64>::zeros(bs, n - 1);
                let mut mem = MemBuffer::new(bidiag_in_place_scratch::<f64>(
                    m,
                    n,
                    Par::Seq,
                    Default::default(),
                ));
                bidiag_in_place(
                    fa.as_mut(),
                    fhl.as_mut(),
                    fhr.as_mut(),
                    Par::Seq,
                    MemStack::new(&mut mem),
                    Default::default(),
                );
                let scale = 20.0 * (m as f64);
                for i in 0..n {
                    let d = (bid[(i, i)].abs() - fa[(i, i)].abs()).abs();
                    assert!(d <= 1e-12 * scale, "{m}x{n} par={par}: d[{i}] off by {d}");
                    if i + 1 < n {
                        let d = (bid[(i, i + 1)].abs() - fa[(i, i + 1)].abs()).abs();
                        assert!(d <= 1e-12 * scale, "{m}x{n} par={par}: e[{i}] off by {d}");
                    }
                }
                // X = B (m x n), then X = Q_L X and X^T = Q_R X^T.
                let mut x = Mat::<f64>::from_fn(m, n, |i, j| {
                    if j == i || j == i + 1 {
                        bid[(i, j)]
                    } else {
                        0.0
                    }
                });
                let mut mem = MemBuffer::new(apply_scratch::<f64>(m, bs, n));
                apply(
                    bid,
                    hl.as_ref(),
                    Conj::No,
                    x.as_mut(),
                    Par::Seq,
                    MemStack::new(&mut mem),
                );
                let n1 = n - 1;
                let vb =
                    Mat::<f64>::from_fn(n1, n1, |i, j| if i >= j { bid[(j, i + 1)] } else { 0.0 });
                let mut xt = x.transpose().to_owned();
                let mut mem = MemBuffer::new(apply_scratch::<f64>(n1, bs, m));
                apply(
                    vb.as_ref(),
                    hr.as_ref(),
                    Conj::No,
                    xt.as_mut().subrows_mut(1, n1),
                    Par::Seq,
                    MemStack::new(&mut mem),
                );
                for j in 0..n {
                    for i in 0..m {
                        let d = (xt[(j, i)] - a[(i, j)]).abs();
                        assert!(
                            d <= 1e-12 * scale,
                            "{m}x{n} par={par}: A[{i},{j}] rebuilt off by {d}"
                        );
                    }
                }
            }
        }
    }
}
