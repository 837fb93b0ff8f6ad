//! NumPy's discrete distributions shared by the legacy and the `Generator` APIs (binomial by
//! inversion + BTPE, poisson by multiplication + PTRS), the legacy-only variants
//! (`legacy_random_binomial`, the polar Gaussian with its cached second value, the `-log(1-U)`
//! exponential) and the log-gamma helper they need. Every function follows NumPy's C code
//! operation for operation, so the streams are bit-identical.

use super::BitGenerator;

/// The cached set-up of the binomial samplers (NumPy's `binomial_t`): recomputed only when
/// `n` or `p` change between draws.
///
/// ```
/// use numox::random::BinomialCache;
/// let cache = BinomialCache::default();
/// assert!(!cache.is_set());
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct BinomialCache {
    has: bool,
    nsave: i64,
    psave: f64,
    m: i64,
    r: f64,
    q: f64,
    fm: f64,
    p1: f64,
    xm: f64,
    xl: f64,
    xr: f64,
    c: f64,
    laml: f64,
    lamr: f64,
    p2: f64,
    p3: f64,
    p4: f64,
}

impl BinomialCache {
    /// Whether a set-up is cached.
    ///
    /// ```
    /// use numox::random::{BinomialCache, MT19937, legacy_random_binomial};
    /// let mut bg = MT19937::new(0);
    /// let mut cache = BinomialCache::default();
    /// legacy_random_binomial(&mut bg, 0.5, 10, &mut cache);
    /// assert!(cache.is_set());
    /// ```
    pub fn is_set(&self) -> bool {
        self.has
    }

    fn stale(&self, n: i64, p: f64) -> bool {
        !self.has || self.nsave != n || self.psave != p
    }
}

/// NumPy's `random_loggam`: log-gamma by SPECFUN's series (used by PTRS).
///
/// ```
/// use numox::random::random_loggam;
/// assert_eq!(random_loggam(1.0), 0.0);
/// assert!((random_loggam(5.0) - 24f64.ln()).abs() < 1e-12);
/// ```
pub fn random_loggam(x: f64) -> f64 {
    const A: [f64; 10] = [
        8.333333333333333e-02,
        -2.777777777777778e-03,
        7.936507936507937e-04,
        -5.952380952380952e-04,
        8.417508417508418e-04,
        -1.917526917526918e-03,
        6.41025641025641e-03,
        -2.955065359477124e-02,
        1.796443723688307e-01,
        -1.39243221690590e+00,
    ];
    if x == 1.0 || x == 2.0 {
        return 0.0;
    }
    let n: i64 = if x < 7.0 { (7.0 - x) as i64 } else { 0 };
    let mut x0 = x + n as f64;
    let x2 = (1.0 / x0) * (1.0 / x0);
    let lg2pi = 1.8378770664093453e+00;
    let mut gl0 = A[9];
    for k in (0..9).rev() {
        gl0 *= x2;
        gl0 += A[k];
    }
    let mut gl = gl0 / x0 + 0.5 * lg2pi + (x0 - 0.5) * x0.ln() - x0;
    if x < 7.0 {
        for _ in 1..=n {
            gl -= (x0 - 1.0).ln();
            x0 -= 1.0;
        }
    }
    gl
}

fn poisson_mult<B: BitGenerator + ?Sized>(bg: &mut B, lam: f64) -> i64 {
    let enlam = (-lam).exp();
    let mut x = 0i64;
    let mut prod = 1.0f64;
    loop {
        prod *= bg.next_f64();
        if prod > enlam {
            x += 1;
        } else {
            return x;
        }
    }
}

fn poisson_ptrs<B: BitGenerator + ?Sized>(bg: &mut B, lam: f64) -> i64 {
    let slam = lam.sqrt();
    let loglam = lam.ln();
    let b = 0.931 + 2.53 * slam;
    let a = -0.059 + 0.02483 * b;
    let invalpha = 1.1239 + 1.1328 / (b - 3.4);
    let vr = 0.9277 - 3.6224 / (b - 2.0);
    loop {
        let u = bg.next_f64() - 0.5;
        let v = bg.next_f64();
        let us = 0.5 - u.abs();
        let k = ((2.0 * a / us + b) * u + lam + 0.43).floor() as i64;
        if us >= 0.07 && v <= vr {
            return k;
        }
        if k < 0 || (us < 0.013 && v > us) {
            continue;
        }
        if (v.ln() + invalpha.ln() - (a / (us * us) + b).ln())
            <= (-lam + k as f64 * loglam - random_loggam(k as f64 + 1.0))
        {
            return k;
        }
    }
}

/// NumPy's `random_poisson` (also the legacy one): multiplication below `lam = 10`, PTRS above.
/// The caller checks `lam >= 0`.
///
/// ```
/// use numox::random::{MT19937, random_poisson};
/// let mut bg = MT19937::new(0);
/// assert_eq!(random_poisson(&mut bg, 0.0), 0);
/// assert!(random_poisson(&mut bg, 100.0) > 50);
/// ```
pub fn random_poisson<B: BitGenerator + ?Sized>(bg: &mut B, lam: f64) -> i64 {
    if lam >= 10.0 {
        poisson_ptrs(bg, lam)
    } else if lam == 0.0 {
        0
    } else {
        poisson_mult(bg, lam)
    }
}

/// NumPy's `random_binomial_btpe` (Kachitvichyanukul and Schmeiser's BTPE), shared by both APIs.
fn binomial_btpe<B: BitGenerator + ?Sized>(
    bg: &mut B,
    n: i64,
    p: f64,
    cache: &mut BinomialCache,
) -> i64 {
    let nf = n as f64;
    if cache.stale(n, p) {
        let r = p.min(1.0 - p);
        let q = 1.0 - r;
        let fm = nf * r + r;
        let m = fm.floor() as i64;
        let p1 = (2.195 * (nf * r * q).sqrt() - 4.6 * q).floor() + 0.5;
        let xm = m as f64 + 0.5;
        let xl = xm - p1;
        let xr = xm + p1;
        let c = 0.134 + 20.5 / (15.3 + m as f64);
        let a = (fm - xl) / (fm - xl * r);
        let laml = a * (1.0 + a / 2.0);
        let a = (xr - fm) / (xr * q);
        let lamr = a * (1.0 + a / 2.0);
        let p2 = p1 * (1.0 + 2.0 * c);
        let p3 = p2 + c / laml;
        let p4 = p3 + c / lamr;
        *cache = BinomialCache {
            has: true,
            nsave: n,
            psave: p,
            m,
            r,
            q,
            fm,
            p1,
            xm,
            xl,
            xr,
            c,
            laml,
            lamr,
            p2,
            p3,
            p4,
        };
    }
    let BinomialCache {
        m,
        r,
        q,
        p1,
        xm,
        xl,
        xr,
        c,
        laml,
        lamr,
        p2,
        p3,
        p4,
        ..
    } = *cache;
    let mf = m as f64;
    let nrq = nf * r * q;
    let y = 'draw: loop {
        let u = bg.next_f64() * p4;
        let mut v = bg.next_f64();
        let y: i64;
        if u <= p1 {
            break 'draw (xm - p1 * v + u).floor() as i64;
        } else if u <= p2 {
            let x = xl + (u - p1) / c;
            v = v * c + 1.0 - (mf - x + 0.5).abs() / p1;
            if v > 1.0 {
                continue;
            }
            y = x.floor() as i64;
        } else if u <= p3 {
            y = (xl + v.ln() / laml).floor() as i64;
            if y < 0 || v == 0.0 {
                continue;
            }
            v = v * (u - p2) * laml;
        } else {
            y = (xr - v.ln() / lamr).floor() as i64;
            if y > n || v == 0.0 {
                continue;
            }
            v = v * (u - p3) * lamr;
        }
        // Step 50.
        let k = (y - m).abs();
        if !(k > 20 && (k as f64) < nrq / 2.0 - 1.0) {
            let s = r / q;
            let a = s * (nf + 1.0);
            let mut f = 1.0f64;
            if m < y {
                for i in (m + 1)..=y {
                    f *= a / i as f64 - s;
                }
            } else if m > y {
                for i in (y + 1)..=m {
                    f /= a / i as f64 - s;
                }
            }
            if v > f {
                continue;
            }
            break 'draw y;
        }
        // Step 52.
        let kf = k as f64;
        let rho = (kf / nrq) * ((kf * (kf / 3.0 + 0.625) + 0.16666666666666666) / nrq + 0.5);
        let t = (-k * k) as f64 / (2.0 * nrq);
        let big_a = v.ln();
        if big_a < t - rho {
            break 'draw y;
        }
        if big_a > t + rho {
            continue;
        }
        let x1 = y as f64 + 1.0;
        let f1 = mf + 1.0;
        let z = nf + 1.0 - mf;
        let w = nf - y as f64 + 1.0;
        let (x2, f2, z2, w2) = (x1 * x1, f1 * f1, z * z, w * w);
        let corr = |d: f64, d2: f64| {
            (13680. - (462. - (132. - (99. - 140. / d2) / d2) / d2) / d2) / d / 166320.
        };
        let bound = xm * (f1 / x1).ln()
            + ((n - m) as f64 + 0.5) * (z / w).ln()
            + (y - m) as f64 * (w * r / (x1 * q)).ln()
            + corr(f1, f2)
            + corr(z, z2)
            + corr(x1, x2)
            + corr(w, w2);
        if big_a > bound {
            continue;
        }
        break 'draw y;
    };
    if p > 0.5 {
        n - y
    } else {
        y
    }
}

/// The inversion sampler; `legacy` selects NumPy 1.16's `exp(n * log(q))` for `q^n` instead of
/// `exp(n * log1p(-p))`.
fn binomial_inversion<B: BitGenerator + ?Sized>(
    bg: &mut B,
    n: i64,
    p: f64,
    cache: &mut BinomialCache,
    legacy: bool,
) -> i64 {
    let nf = n as f64;
    if cache.stale(n, p) {
        let q = 1.0 - p;
        let qn = if legacy {
            (nf * q.ln()).exp()
        } else {
            (nf * (-p).ln_1p()).exp()
        };
        let np = nf * p;
        let b = np + 10.0 * (np * q + 1.0).sqrt();
        let bound = if nf < b { n } else { b as i64 };
        *cache = BinomialCache {
            has: true,
            nsave: n,
            psave: p,
            q,
            r: qn,
            c: np,
            m: bound,
            ..BinomialCache::default()
        };
    }
    let (q, qn, bound) = (cache.q, cache.r, cache.m);
    let mut x = 0i64;
    let mut px = qn;
    let mut u = bg.next_f64();
    while u > px {
        x += 1;
        if x > bound {
            x = 0;
            px = qn;
            u = bg.next_f64();
        } else {
            u -= px;
            px = ((n - x + 1) as f64 * p * px) / (x as f64 * q);
        }
    }
    x
}

fn binomial_dispatch<B: BitGenerator + ?Sized>(
    bg: &mut B,
    p: f64,
    n: i64,
    cache: &mut BinomialCache,
    legacy: bool,
) -> i64 {
    let nf = n as f64;
    if p <= 0.5 {
        if p * nf <= 30.0 {
            binomial_inversion(bg, n, p, cache, legacy)
        } else {
            binomial_btpe(bg, n, p, cache)
        }
    } else {
        let q = 1.0 - p;
        if q * nf <= 30.0 {
            n - binomial_inversion(bg, n, q, cache, legacy)
        } else {
            n - binomial_btpe(bg, n, q, cache)
        }
    }
}

/// NumPy's `random_binomial` (the `Generator` one): 0 for `n == 0` or `p == 0` without a draw,
/// else inversion when `min(p, 1-p) * n <= 30` and BTPE above. The caller checks `n >= 0` and
/// `0 <= p <= 1`.
///
/// ```
/// use numox::random::{BinomialCache, MT19937, random_binomial};
/// let mut bg = MT19937::new(0);
/// let mut cache = BinomialCache::default();
/// assert_eq!(random_binomial(&mut bg, 0.0, 10, &mut cache), 0);
/// let k = random_binomial(&mut bg, 0.3, 1000, &mut cache);
/// assert!((200..400).contains(&k));
/// ```
pub fn random_binomial<B: BitGenerator + ?Sized>(
    bg: &mut B,
    p: f64,
    n: i64,
    cache: &mut BinomialCache,
) -> i64 {
    if n == 0 || p == 0.0 {
        return 0;
    }
    binomial_dispatch(bg, p, n, cache, false)
}

/// NumPy's `legacy_random_binomial` (RandomState's): no shortcut for `n == 0` or `p == 0` (a
/// draw is still consumed) and the inversion's `q^n` as `exp(n * log(q))`.
///
/// ```
/// use numox::random::{BinomialCache, MT19937, legacy_random_binomial};
/// let mut bg = MT19937::new(0);
/// let mut cache = BinomialCache::default();
/// assert_eq!(legacy_random_binomial(&mut bg, 1.0, 7, &mut cache), 7);
/// ```
pub fn legacy_random_binomial<B: BitGenerator + ?Sized>(
    bg: &mut B,
    p: f64,
    n: i64,
    cache: &mut BinomialCache,
) -> i64 {
    binomial_dispatch(bg, p, n, cache, true)
}

/// NumPy's `legacy_gauss`: the polar Box-Muller method; each accepted pair gives two values,
/// the second kept in `cache` for the next call.
///
/// ```
/// use numox::random::{MT19937, legacy_gauss};
/// let mut bg = MT19937::new(0);
/// let mut cache = None;
/// let a = legacy_gauss(&mut bg, &mut cache);
/// assert!(cache.is_some());
/// let b = legacy_gauss(&mut bg, &mut cache);
/// assert!(cache.is_none() && a != b);
/// ```
pub fn legacy_gauss<B: BitGenerator + ?Sized>(bg: &mut B, cache: &mut Option<f64>) -> f64 {
    if let Some(g) = cache.take() {
        return g;
    }
    let (f, x1, x2) = polar_pair(bg);
    *cache = Some(f * x1);
    f * x2
}

/// One accepted polar pair: `(f, x1, x2)` with the two Gaussians `f * x2` (returned first) and
/// `f * x1` (cached).
#[inline(always)]
pub(crate) fn polar_pair<B: BitGenerator + ?Sized>(bg: &mut B) -> (f64, f64, f64) {
    loop {
        let x1 = 2.0 * bg.next_f64() - 1.0;
        let x2 = 2.0 * bg.next_f64() - 1.0;
        let r2 = x1 * x1 + x2 * x2;
        if r2 < 1.0 && r2 != 0.0 {
            let f = (-2.0 * r2.ln() / r2).sqrt();
            return (f, x1, x2);
        }
    }
}

/// NumPy's `legacy_standard_exponential`: `-log(1 - U)`.
///
/// ```
/// use numox::random::{MT19937, legacy_standard_exponential};
/// let mut bg = MT19937::new(0);
/// assert!(legacy_standard_exponential(&mut bg) >= 0.0);
/// ```
pub fn legacy_standard_exponential<B: BitGenerator + ?Sized>(bg: &mut B) -> f64 {
    -(1.0 - bg.next_f64()).ln()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tiny deterministic generator (SplitMix64) to exercise every branch.
    struct Sm(u64);
    impl BitGenerator for Sm {
        fn next_u64(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9e3779b97f4a7c15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58476d1ce4e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d049bb133111eb);
            z ^ (z >> 31)
        }
        fn next_u32(&mut self) -> u32 {
            (self.next_u64() >> 32) as u32
        }
        fn next_f64(&mut self) -> f64 {
            (self.next_u64() >> 11) as f64 * (1.0 / 9007199254740992.0)
        }
    }

    #[test]
    fn binomial_means_are_close() {
        let mut bg = Sm(1);
        for &(n, p) in &[(10i64, 0.3f64), (1000, 0.4), (1000, 0.9), (50, 0.99)] {
            let mut cache = BinomialCache::default();
            let draws = 20000;
            let s: i64 = (0..draws)
                .map(|_| random_binomial(&mut bg, p, n, &mut cache))
                .sum();
            let mean = s as f64 / draws as f64;
            let sd = (n as f64 * p * (1.0 - p) / draws as f64).sqrt();
            assert!(
                (mean - n as f64 * p).abs() < 6.0 * sd + 1e-9,
                "{n} {p} {mean}"
            );
        }
    }

    #[test]
    fn poisson_means_are_close() {
        let mut bg = Sm(2);
        for &lam in &[0.5f64, 5.0, 10.0, 1000.0] {
            let draws = 20000;
            let s: i64 = (0..draws).map(|_| random_poisson(&mut bg, lam)).sum();
            let mean = s as f64 / draws as f64;
            assert!(
                (mean - lam).abs() < 6.0 * (lam / draws as f64).sqrt(),
                "{lam} {mean}"
            );
        }
    }

    #[test]
    fn loggam_matches_factorials() {
        let mut f = 1.0f64;
        for k in 1..30 {
            f *= k as f64;
            assert!((random_loggam(k as f64 + 1.0) - f.ln()).abs() < 1e-10);
        }
    }
}
