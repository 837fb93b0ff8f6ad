//! NumPy's pairwise summation (`@TYPE@_pairwise_sum` in numpy/_core/src/umath/loops_utils.h.src),
//! reproduced operation for operation so that sums have NumPy's bits: fewer than 8 elements are
//! added in order from -0.0; up to 128 elements go into 8 accumulators (element `i` into
//! accumulator `i % 8`, the remainder after the last full block added in order at the end) that
//! combine as `((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))`; longer runs split at half the
//! length rounded down to a multiple of 8. Complex sums count parts (2 per element) and keep 4
//! accumulators per part.
//!
//! The 8-accumulator loop is compiled for AVX2 as well (the accumulators are independent lanes,
//! so vectorising changes no bit), and long runs evaluate the top of the tree on two threads.

use num_complex::Complex;
use std::ops::Add;

/// Runs at or above which the two halves of the tree are summed on two threads.
const PAR_MIN: usize = 1 << 18;

/// A real accumulator type.
pub(crate) trait Lane: Copy + Send + Sync + Add<Output = Self> + 'static {
    /// -0.0, the start of a short sum.
    const NEG_ZERO: Self;
}
impl Lane for f32 {
    const NEG_ZERO: f32 = -0.0;
}
impl Lane for f64 {
    const NEG_ZERO: f64 = -0.0;
}

macro_rules! trees {
    ($real:ident, $cplx:ident $(, #[$attr:meta])?) => {
        /// The pairwise sum of `g(x)` over `n` elements at `p` with stride `s` (`C`: `s == 1`).
        ///
        /// # Safety
        /// `p` must be valid for `n` reads at stride `s`.
        $(#[$attr])?
        unsafe fn $real<T: Copy, L: Lane, G: Fn(T) -> L, const C: bool>(
            p: *const T,
            n: usize,
            s: isize,
            g: &G,
        ) -> L {
            // SAFETY: every index is below n.
            let at = |i: usize| unsafe {
                g(if C { *p.add(i) } else { *p.offset(i as isize * s) })
            };
            if n < 8 {
                let mut r = L::NEG_ZERO;
                for i in 0..n {
                    r = r + at(i);
                }
                r
            } else if n <= 128 {
                let mut r: [L; 8] = std::array::from_fn(at);
                let full = n - n % 8;
                let mut i = 8;
                while i < full {
                    for (j, rj) in r.iter_mut().enumerate() {
                        *rj = *rj + at(i + j);
                    }
                    i += 8;
                }
                let mut res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
                for i in full..n {
                    res = res + at(i);
                }
                res
            } else {
                let n2 = n / 2;
                let n2 = n2 - n2 % 8;
                // SAFETY: both halves are inside the run.
                unsafe { $real::<T, L, G, C>(p, n2, s, g) + $real::<T, L, G, C>(p.offset(n2 as isize * s), n - n2, s, g) }
            }
        }

        /// The complex pairwise sum (NumPy counts the run in parts: `2 n`).
        ///
        /// # Safety
        /// `p` must be valid for `n` reads at stride `s`.
        $(#[$attr])?
        unsafe fn $cplx<T: Copy, L: Lane, G: Fn(T) -> Complex<L>>(
            p: *const T,
            n: usize,
            s: isize,
            g: &G,
        ) -> Complex<L> {
            // SAFETY: every index is below n.
            let at = |i: usize| unsafe { g(*p.offset(i as isize * s)) };
            let parts = 2 * n;
            if parts < 8 {
                let (mut re, mut im) = (L::NEG_ZERO, L::NEG_ZERO);
                for i in 0..n {
                    let z = at(i);
                    re = re + z.re;
                    im = im + z.im;
                }
                Complex::new(re, im)
            } else if parts <= 128 {
                let mut r: [Complex<L>; 4] = std::array::from_fn(at);
                let full = n - n % 4;
                let mut i = 4;
                while i < full {
                    for (j, rj) in r.iter_mut().enumerate() {
                        let z = at(i + j);
                        *rj = Complex::new(rj.re + z.re, rj.im + z.im);
                    }
                    i += 4;
                }
                let mut re = (r[0].re + r[1].re) + (r[2].re + r[3].re);
                let mut im = (r[0].im + r[1].im) + (r[2].im + r[3].im);
                for i in full..n {
                    let z = at(i);
                    re = re + z.re;
                    im = im + z.im;
                }
                Complex::new(re, im)
            } else {
                let n2 = parts / 2;
                let n2 = (n2 - n2 % 8) / 2;
                // SAFETY: both halves are inside the run.
                let (x, y) = unsafe { ($cplx(p, n2, s, g), $cplx(p.offset(n2 as isize * s), n - n2, s, g)) };
                Complex::new(x.re + y.re, x.im + y.im)
            }
        }
    };
}

trees!(real_base, cplx_base);
#[cfg(target_arch = "x86_64")]
trees!(real_avx2, cplx_avx2, #[target_feature(enable = "avx2,fma")]);

/// NumPy's pairwise sum of `g(x)` over the `n` elements at `p` with stride `s`.
///
/// # Safety
/// `p` must be valid for `n` reads at stride `s`.
pub(crate) unsafe fn pairwise<T: Copy + Sync, L: Lane, G: Fn(T) -> L + Sync>(
    p: *const T,
    n: usize,
    s: isize,
    g: &G,
) -> L {
    if n >= PAR_MIN && rayon::current_num_threads() >= 2 {
        let n2 = n / 2;
        let n2 = n2 - n2 % 8;
        let (a, b) = (p as usize, p.wrapping_offset(n2 as isize * s) as usize);
        // SAFETY: both halves are inside the run (the caller's contract).
        let (x, y) = rayon::join(
            || unsafe { pairwise(a as *const T, n2, s, g) },
            || unsafe { pairwise(b as *const T, n - n2, s, g) },
        );
        return x + y;
    }
    #[cfg(target_arch = "x86_64")]
    if crate::kernels::loops::has_avx2() {
        // SAFETY: the CPU has AVX2 and FMA; the run is the caller's.
        return unsafe {
            if s == 1 {
                real_avx2::<T, L, G, true>(p, n, s, g)
            } else {
                real_avx2::<T, L, G, false>(p, n, s, g)
            }
        };
    }
    // SAFETY: the run is the caller's.
    unsafe {
        if s == 1 {
            real_base::<T, L, G, true>(p, n, s, g)
        } else {
            real_base::<T, L, G, false>(p, n, s, g)
        }
    }
}

/// NumPy's complex pairwise sum of `g(x)` over the `n` elements at `p` with stride `s`.
///
/// # Safety
/// `p` must be valid for `n` reads at stride `s`.
pub(crate) unsafe fn pairwise_complex<T: Copy + Sync, L: Lane, G: Fn(T) -> Complex<L> + Sync>(
    p: *const T,
    n: usize,
    s: isize,
    g: &G,
) -> Complex<L> {
    #[cfg(target_arch = "x86_64")]
    if crate::kernels::loops::has_avx2() {
        // SAFETY: the CPU has AVX2 and FMA; the run is the caller's.
        return unsafe { cplx_avx2(p, n, s, g) };
    }
    // SAFETY: the run is the caller's.
    unsafe { cplx_base(p, n, s, g) }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// NumPy's algorithm written plainly, as the reference.
    fn reference(a: &[f32]) -> f32 {
        let n = a.len();
        if n < 8 {
            a.iter().fold(-0.0, |r, &x| r + x)
        } else if n <= 128 {
            let mut r = [0f32; 8];
            r.copy_from_slice(&a[..8]);
            let full = n - n % 8;
            for i in (8..full).step_by(8) {
                for j in 0..8 {
                    r[j] += a[i + j];
                }
            }
            let mut res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for &x in &a[full..] {
                res += x;
            }
            res
        } else {
            let n2 = n / 2 - (n / 2) % 8;
            reference(&a[..n2]) + reference(&a[n2..])
        }
    }

    #[test]
    fn matches_the_plain_algorithm() {
        let v: Vec<f32> = (0..300_000u32)
            .map(|k| ((k * 7919) % 1013) as f32 / 7.0 - 50.0)
            .collect();
        for n in [0, 1, 7, 8, 9, 127, 128, 129, 1000, 300_000] {
            // SAFETY: n elements of v.
            let got = unsafe { pairwise(v.as_ptr(), n, 1, &|x: f32| x) };
            assert_eq!(got.to_bits(), reference(&v[..n]).to_bits(), "n = {n}");
        }
        let strided: Vec<f32> = v.iter().step_by(3).copied().collect();
        // SAFETY: 100000 elements at stride 3 are inside v.
        let got = unsafe { pairwise(v.as_ptr(), 100_000, 3, &|x: f32| x) };
        assert_eq!(got.to_bits(), reference(&strided).to_bits());
    }

    #[test]
    fn complex_sum_counts_parts() {
        let v: Vec<Complex<f64>> = (0..200)
            .map(|k| Complex::new(k as f64 / 3.0, -(k as f64) / 7.0))
            .collect();
        // SAFETY: 200 elements of v.
        let z = unsafe { pairwise_complex(v.as_ptr(), 200, 1, &|x: Complex<f64>| x) };
        let re: f64 = v.iter().map(|z| z.re).sum();
        assert!((z.re - re).abs() < 1e-9);
    }
}
