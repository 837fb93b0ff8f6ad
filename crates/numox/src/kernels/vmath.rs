//! Vectorised `exp` and `log` for float32 and float64 over contiguous slices: AVX2+FMA code
//! picked at run time (four float64 or eight float32 lanes), and the platform's scalar functions
//! otherwise.
//!
//! float64 `exp` reduces `x = n·ln2 + r` (Cody–Waite, `|r| ≤ ln2/2`), evaluates the Taylor
//! polynomial of degree 13 with FMAs and scales by `2^n` in two steps (gradual underflow rounds
//! once). float64 `log` is fdlibm's: `x = 2^k·m` with `m ∈ [√2/2, √2)`, `f = m − 1`,
//! `s = f/(2+f)` and a degree-14 odd polynomial in `s`. float32 uses the same schemes in
//! float32 (Taylor degree 7; musl's `logf`). All stay within one ulp of the platform's libm
//! (the unit tests measure it) and give IEEE results for ±0, ±inf, NaN, negative input of `log`,
//! overflow and subnormals.
//!
//! Every kernel has the signature `unsafe fn(src, dst, n)` and allows `dst == src`.

use super::loops::has_avx2;

/// A slice kernel: reads `n` elements at `src`, writes `n` at `dst` (which may equal `src`).
pub(crate) type SliceKernel<T> = unsafe fn(*const T, *mut T, usize);

macro_rules! dispatch_kernel {
    ($(#[$doc:meta])* $name:ident, $t:ty, $avx:ident, $scalar:expr) => {
        $(#[$doc])*
        ///
        /// # Safety
        /// `src` must be valid for `n` reads and `dst` for `n` writes; they are either the same
        /// pointer or do not overlap.
        pub(crate) unsafe fn $name(src: *const $t, dst: *mut $t, n: usize) {
            #[cfg(target_arch = "x86_64")]
            if has_avx2() {
                // SAFETY: the CPU has AVX2 and FMA; the pointer contract is the caller's.
                return unsafe { avx2::$avx(src, dst, n) };
            }
            let f: fn($t) -> $t = $scalar;
            for i in 0..n {
                // SAFETY: `i < n`, within both ranges; reading before writing keeps `dst == src`
                // correct.
                unsafe { *dst.add(i) = f(*src.add(i)) };
            }
        }
    };
}

dispatch_kernel!(
    /// `dst[i] = exp(src[i])` for float64.
    exp_f64, f64, exp_f64, f64::exp
);
dispatch_kernel!(
    /// `dst[i] = exp(src[i])` for float32.
    exp_f32, f32, exp_f32, f32::exp
);
dispatch_kernel!(
    /// `dst[i] = ln(src[i])` for float64.
    log_f64, f64, log_f64, f64::ln
);
dispatch_kernel!(
    /// `dst[i] = ln(src[i])` for float32.
    log_f32, f32, log_f32, f32::ln
);

#[cfg(target_arch = "x86_64")]
// The constants are fdlibm's and musl's decimal literals, kept as published.
#[allow(clippy::excessive_precision)]
mod avx2 {
    use std::arch::x86_64::*;

    const LOG2E: f64 = std::f64::consts::LOG2_E;
    /// ln 2 split so that `n · LN2_HI` is exact for `|n| < 2^20` (fdlibm's constants).
    const LN2_HI: f64 = 6.931_471_803_691_238_164_9e-1;
    const LN2_LO: f64 = 1.908_214_929_270_587_700_02e-10;
    /// 2^52 + 2^51: adding it to a small integral double leaves the integer in the low bits.
    const MAGIC: f64 = 6_755_399_441_055_744.0;

    /// 1/k! for k = 13 down to 2.
    const INV_FACT: [f64; 12] = [
        1.0 / 6_227_020_800.0,
        1.0 / 479_001_600.0,
        1.0 / 39_916_800.0,
        1.0 / 3_628_800.0,
        1.0 / 362_880.0,
        1.0 / 40_320.0,
        1.0 / 5_040.0,
        1.0 / 720.0,
        1.0 / 120.0,
        1.0 / 24.0,
        1.0 / 6.0,
        0.5,
    ];

    /// `2^k` for integral doubles `k` in [-1022, 1023].
    #[inline]
    #[target_feature(enable = "avx2,fma")]
    fn pow2(k: __m256d) -> __m256d {
        let m = _mm256_set1_pd(MAGIC);
        let bits = _mm256_sub_epi64(
            _mm256_castpd_si256(_mm256_add_pd(k, m)),
            _mm256_castpd_si256(m),
        );
        _mm256_castsi256_pd(_mm256_slli_epi64::<52>(_mm256_add_epi64(
            bits,
            _mm256_set1_epi64x(1023),
        )))
    }

    /// exp of four doubles; `terms` Taylor coefficients from the end of `INV_FACT` are used
    /// (12 for float64, 7 for float32 inputs).
    #[inline]
    #[target_feature(enable = "avx2,fma")]
    unsafe fn exp4(x: __m256d, terms: usize) -> __m256d {
        let n = _mm256_round_pd::<{ _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC }>(
            _mm256_mul_pd(x, _mm256_set1_pd(LOG2E)),
        );
        // Clamped so both halves of 2^n stay normal; NaN lanes stay NaN through `r`.
        let n = _mm256_min_pd(
            _mm256_max_pd(n, _mm256_set1_pd(-1100.0)),
            _mm256_set1_pd(1100.0),
        );
        let r = _mm256_fnmadd_pd(n, _mm256_set1_pd(LN2_HI), x);
        let r = _mm256_fnmadd_pd(n, _mm256_set1_pd(LN2_LO), r);
        let c = &INV_FACT[INV_FACT.len() - terms..];
        let mut q = _mm256_set1_pd(c[0]);
        for &k in &c[1..] {
            q = _mm256_fmadd_pd(q, r, _mm256_set1_pd(k));
        }
        // 1 + r + r²·q, adding the 1 last.
        let p = _mm256_add_pd(
            _mm256_fmadd_pd(_mm256_mul_pd(r, r), q, r),
            _mm256_set1_pd(1.0),
        );
        let n1 = _mm256_floor_pd(_mm256_mul_pd(n, _mm256_set1_pd(0.5)));
        let n2 = _mm256_sub_pd(n, n1);
        let y = _mm256_mul_pd(_mm256_mul_pd(p, pow2(n1)), pow2(n2));
        // Far outside the range the polynomial is meaningless: inf above, 0 below.
        let big = _mm256_cmp_pd::<_CMP_GT_OQ>(x, _mm256_set1_pd(710.0));
        let small = _mm256_cmp_pd::<_CMP_LT_OQ>(x, _mm256_set1_pd(-746.0));
        let y = _mm256_blendv_pd(y, _mm256_set1_pd(f64::INFINITY), big);
        _mm256_blendv_pd(y, _mm256_setzero_pd(), small)
    }

    // fdlibm's log coefficients.
    const LG1: f64 = 6.666_666_666_666_735_13e-1;
    const LG2: f64 = 3.999_999_999_940_941_908e-1;
    const LG3: f64 = 2.857_142_874_366_239_149e-1;
    const LG4: f64 = 2.222_219_843_214_978_396e-1;
    const LG5: f64 = 1.818_357_216_161_805_012e-1;
    const LG6: f64 = 1.531_383_769_920_937_332e-1;
    const LG7: f64 = 1.479_819_860_511_658_591e-1;

    /// ln of four doubles.
    #[inline]
    #[target_feature(enable = "avx2,fma")]
    unsafe fn log4(x: __m256d) -> __m256d {
        // Subnormals: scale by 2^54 and correct the exponent.
        let sub = _mm256_cmp_pd::<_CMP_LT_OQ>(x, _mm256_set1_pd(f64::MIN_POSITIVE));
        let xs = _mm256_blendv_pd(
            x,
            _mm256_mul_pd(x, _mm256_set1_pd(18_014_398_509_481_984.0)),
            sub,
        );
        let kadj = _mm256_and_pd(sub, _mm256_set1_pd(-54.0));
        // Move m into [√2/2, √2): bias the high word as musl does.
        let hx = _mm256_add_epi64(
            _mm256_castpd_si256(xs),
            _mm256_set1_epi64x((0x3ff0_0000_i64 - 0x3fe6_a09e) << 32),
        );
        let k = _mm256_sub_epi64(_mm256_srli_epi64::<52>(hx), _mm256_set1_epi64x(0x3ff));
        let mbits = _mm256_add_epi64(
            _mm256_and_si256(hx, _mm256_set1_epi64x(0x000f_ffff_ffff_ffff)),
            _mm256_set1_epi64x(0x3fe6_a09e_i64 << 32),
        );
        let m = _mm256_castsi256_pd(mbits);
        // k (small, signed) as a double through the magic constant.
        let magic = _mm256_set1_pd(MAGIC);
        let dk = _mm256_sub_pd(
            _mm256_castsi256_pd(_mm256_add_epi64(k, _mm256_castpd_si256(magic))),
            magic,
        );
        let dk = _mm256_add_pd(dk, kadj);
        let f = _mm256_sub_pd(m, _mm256_set1_pd(1.0));
        let hfsq = _mm256_mul_pd(_mm256_set1_pd(0.5), _mm256_mul_pd(f, f));
        let s = _mm256_div_pd(f, _mm256_add_pd(_mm256_set1_pd(2.0), f));
        let z = _mm256_mul_pd(s, s);
        let w = _mm256_mul_pd(z, z);
        let set = |v: f64| _mm256_set1_pd(v);
        let t1 = _mm256_mul_pd(
            w,
            _mm256_fmadd_pd(w, _mm256_fmadd_pd(w, set(LG6), set(LG4)), set(LG2)),
        );
        let t2 = _mm256_mul_pd(
            z,
            _mm256_fmadd_pd(
                w,
                _mm256_fmadd_pd(w, _mm256_fmadd_pd(w, set(LG7), set(LG5)), set(LG3)),
                set(LG1),
            ),
        );
        let r = _mm256_add_pd(t2, t1);
        // s·(hfsq + R) + k·ln2_lo − hfsq + f + k·ln2_hi
        let a = _mm256_fmadd_pd(dk, set(LN2_LO), _mm256_mul_pd(s, _mm256_add_pd(hfsq, r)));
        let y = _mm256_fmadd_pd(dk, set(LN2_HI), _mm256_add_pd(_mm256_sub_pd(a, hfsq), f));
        // Special inputs: log(±0) = −inf, log(x < 0) = NaN, log(inf) = inf, NaN stays.
        let zero = _mm256_cmp_pd::<_CMP_EQ_OQ>(x, _mm256_setzero_pd());
        let neg = _mm256_cmp_pd::<_CMP_LT_OQ>(x, _mm256_setzero_pd());
        let inf = _mm256_cmp_pd::<_CMP_EQ_OQ>(x, set(f64::INFINITY));
        let nan = _mm256_cmp_pd::<_CMP_UNORD_Q>(x, x);
        let y = _mm256_blendv_pd(y, set(f64::NEG_INFINITY), zero);
        let y = _mm256_blendv_pd(y, set(f64::NAN), neg);
        _mm256_blendv_pd(y, x, _mm256_or_pd(inf, nan))
    }

    /// Runs `body` over blocks of four doubles; the tail goes through a padded block so every
    /// element sees the same arithmetic.
    macro_rules! f64_driver {
        ($name:ident, $f:ident $(, $arg:expr)?) => {
            #[target_feature(enable = "avx2,fma")]
            pub(super) unsafe fn $name(src: *const f64, dst: *mut f64, n: usize) {
                // SAFETY: AVX2 and FMA are enabled on this function.
                let f = |x| unsafe { $f(x $(, $arg)?) };
                let mut i = 0;
                while i + 8 <= n {
                    // SAFETY: `i + 8 <= n`; loads happen before the stores.
                    unsafe {
                        let a = f(_mm256_loadu_pd(src.add(i)));
                        let b = f(_mm256_loadu_pd(src.add(i + 4)));
                        _mm256_storeu_pd(dst.add(i), a);
                        _mm256_storeu_pd(dst.add(i + 4), b);
                    }
                    i += 8;
                }
                while i < n {
                    let m = (n - i).min(4);
                    let mut buf = [1.0f64; 4];
                    // SAFETY: `m` elements remain at `i` in both ranges.
                    unsafe {
                        std::ptr::copy_nonoverlapping(src.add(i), buf.as_mut_ptr(), m);
                        let y = f(_mm256_loadu_pd(buf.as_ptr()));
                        _mm256_storeu_pd(buf.as_mut_ptr(), y);
                        std::ptr::copy_nonoverlapping(buf.as_ptr(), dst.add(i), m);
                    }
                    i += m;
                }
            }
        };
    }

    /// Runs an eight-lane float32 body over the slice, the tail through a padded block.
    macro_rules! f32_driver {
        ($name:ident, $f:ident) => {
            #[target_feature(enable = "avx2,fma")]
            pub(super) unsafe fn $name(src: *const f32, dst: *mut f32, n: usize) {
                // SAFETY: AVX2 and FMA are enabled on this function.
                let f = |x| unsafe { $f(x) };
                let mut i = 0;
                while i + 16 <= n {
                    // SAFETY: `i + 16 <= n`; loads happen before the stores.
                    unsafe {
                        let a = f(_mm256_loadu_ps(src.add(i)));
                        let b = f(_mm256_loadu_ps(src.add(i + 8)));
                        _mm256_storeu_ps(dst.add(i), a);
                        _mm256_storeu_ps(dst.add(i + 8), b);
                    }
                    i += 16;
                }
                while i < n {
                    let m = (n - i).min(8);
                    let mut buf = [1.0f32; 8];
                    // SAFETY: `m` elements remain at `i` in both ranges.
                    unsafe {
                        std::ptr::copy_nonoverlapping(src.add(i), buf.as_mut_ptr(), m);
                        let y = f(_mm256_loadu_ps(buf.as_ptr()));
                        _mm256_storeu_ps(buf.as_mut_ptr(), y);
                        std::ptr::copy_nonoverlapping(buf.as_ptr(), dst.add(i), m);
                    }
                    i += m;
                }
            }
        };
    }

    /// `2^k` for integers `k` in [-126, 127] (eight lanes).
    #[inline]
    #[target_feature(enable = "avx2,fma")]
    fn pow2f(k: __m256i) -> __m256 {
        _mm256_castsi256_ps(_mm256_slli_epi32::<23>(_mm256_add_epi32(
            k,
            _mm256_set1_epi32(127),
        )))
    }

    /// float32 exp in float32: Cody–Waite reduction with a short ln 2, Taylor degree 7.
    #[inline]
    #[target_feature(enable = "avx2,fma")]
    unsafe fn exp8f(x: __m256) -> __m256 {
        let set = |v: f32| _mm256_set1_ps(v);
        let n = _mm256_round_ps::<{ _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC }>(
            _mm256_mul_ps(x, set(std::f32::consts::LOG2_E)),
        );
        let n = _mm256_min_ps(_mm256_max_ps(n, set(-160.0)), set(160.0));
        let r = _mm256_fnmadd_ps(n, set(0.693_359_375), x);
        let r = _mm256_fnmadd_ps(n, set(-2.121_944_4e-4), r);
        let mut q = set(1.0 / 5040.0);
        for k in [1.0 / 720.0, 1.0 / 120.0, 1.0 / 24.0, 1.0 / 6.0, 0.5] {
            q = _mm256_fmadd_ps(q, r, set(k));
        }
        let p = _mm256_add_ps(_mm256_fmadd_ps(_mm256_mul_ps(r, r), q, r), set(1.0));
        let ni = _mm256_cvtps_epi32(n);
        let n1 = _mm256_srai_epi32::<1>(ni);
        let n2 = _mm256_sub_epi32(ni, n1);
        let y = _mm256_mul_ps(_mm256_mul_ps(p, pow2f(n1)), pow2f(n2));
        let big = _mm256_cmp_ps::<_CMP_GT_OQ>(x, set(88.8));
        let small = _mm256_cmp_ps::<_CMP_LT_OQ>(x, set(-104.0));
        let y = _mm256_blendv_ps(y, set(f32::INFINITY), big);
        _mm256_blendv_ps(y, _mm256_setzero_ps(), small)
    }

    /// float32 log in float32 (musl's logf).
    #[inline]
    #[target_feature(enable = "avx2,fma")]
    unsafe fn log8f(x: __m256) -> __m256 {
        let set = |v: f32| _mm256_set1_ps(v);
        let sub = _mm256_cmp_ps::<_CMP_LT_OQ>(x, set(f32::MIN_POSITIVE));
        let xs = _mm256_blendv_ps(x, _mm256_mul_ps(x, set(33_554_432.0)), sub);
        let kadj = _mm256_and_ps(sub, set(-25.0));
        let ix = _mm256_add_epi32(
            _mm256_castps_si256(xs),
            _mm256_set1_epi32(0x3f80_0000 - 0x3f35_04f3),
        );
        let k = _mm256_sub_epi32(_mm256_srli_epi32::<23>(ix), _mm256_set1_epi32(0x7f));
        let m = _mm256_castsi256_ps(_mm256_add_epi32(
            _mm256_and_si256(ix, _mm256_set1_epi32(0x007f_ffff)),
            _mm256_set1_epi32(0x3f35_04f3),
        ));
        let dk = _mm256_add_ps(_mm256_cvtepi32_ps(k), kadj);
        let f = _mm256_sub_ps(m, set(1.0));
        let hfsq = _mm256_mul_ps(set(0.5), _mm256_mul_ps(f, f));
        let s = _mm256_div_ps(f, _mm256_add_ps(set(2.0), f));
        let z = _mm256_mul_ps(s, s);
        let w = _mm256_mul_ps(z, z);
        let t1 = _mm256_mul_ps(w, _mm256_fmadd_ps(w, set(0.242_790_79), set(0.400_009_72)));
        let t2 = _mm256_mul_ps(z, _mm256_fmadd_ps(w, set(0.284_987_87), set(0.666_666_63)));
        let r = _mm256_add_ps(t2, t1);
        let a = _mm256_fmadd_ps(
            dk,
            set(9.058_000_6e-6),
            _mm256_mul_ps(s, _mm256_add_ps(hfsq, r)),
        );
        let y = _mm256_fmadd_ps(
            dk,
            set(6.931_381_2e-1),
            _mm256_add_ps(_mm256_sub_ps(a, hfsq), f),
        );
        let zero = _mm256_cmp_ps::<_CMP_EQ_OQ>(x, _mm256_setzero_ps());
        let neg = _mm256_cmp_ps::<_CMP_LT_OQ>(x, _mm256_setzero_ps());
        let inf = _mm256_cmp_ps::<_CMP_EQ_OQ>(x, set(f32::INFINITY));
        let nan = _mm256_cmp_ps::<_CMP_UNORD_Q>(x, x);
        let y = _mm256_blendv_ps(y, set(f32::NEG_INFINITY), zero);
        let y = _mm256_blendv_ps(y, set(f32::NAN), neg);
        _mm256_blendv_ps(y, x, _mm256_or_ps(inf, nan))
    }

    f64_driver!(exp_f64, exp4, 12);
    f64_driver!(log_f64, log4);
    f32_driver!(exp_f32, exp8f);
    f32_driver!(log_f32, log8f);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Distance in ulps between two doubles of one sign (or both NaN: 0).
    fn ulps64(a: f64, b: f64) -> u64 {
        if a.is_nan() && b.is_nan() || a == b {
            return 0;
        }
        let key = |x: f64| {
            let b = x.to_bits() as i64;
            if b < 0 {
                i64::MIN - b
            } else {
                b
            }
        };
        (key(a) as i128 - key(b) as i128).unsigned_abs() as u64
    }

    fn ulps32(a: f32, b: f32) -> u64 {
        if a.is_nan() && b.is_nan() || a == b {
            return 0;
        }
        let key = |x: f32| {
            let b = x.to_bits() as i32;
            if b < 0 {
                i32::MIN - b
            } else {
                b
            }
        };
        (key(a) as i64 - key(b) as i64).unsigned_abs()
    }

    /// Inputs: special values, then a deterministic spread over the whole range.
    fn inputs(lo: f64, hi: f64) -> Vec<f64> {
        let mut v = vec![
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.5,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            709.78,
            709.79,
            -708.4,
            -745.1,
            -745.2,
            1e-300,
            5e-324,
            f64::MIN_POSITIVE,
            f64::MAX,
            88.7,
            88.8,
            -103.9,
            -87.3,
            1e-45,
            1e-40,
        ];
        let mut s = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..20_000 {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            let t = (s >> 11) as f64 / (1u64 << 53) as f64;
            v.push(lo + (hi - lo) * t);
        }
        v
    }

    fn check64(k: SliceKernel<f64>, f: fn(f64) -> f64, xs: &[f64]) -> u64 {
        let mut out = vec![0.0; xs.len()];
        // SAFETY: both slices hold `xs.len()` elements.
        unsafe { k(xs.as_ptr(), out.as_mut_ptr(), xs.len()) };
        xs.iter()
            .zip(&out)
            .map(|(&x, &y)| {
                let u = ulps64(y, f(x));
                assert!(u <= 1, "x = {x:e}: {y:e} vs {:e}", f(x));
                u
            })
            .max()
            .unwrap_or(0)
    }

    fn check32(k: SliceKernel<f32>, f: fn(f32) -> f32, xs: &[f64]) -> u64 {
        let xs: Vec<f32> = xs.iter().map(|&x| x as f32).collect();
        let mut out = xs.clone();
        // In place, as the engine may call it.
        // SAFETY: `out` holds `out.len()` elements; `dst == src` is allowed.
        unsafe { k(out.as_ptr(), out.as_mut_ptr(), out.len()) };
        xs.iter()
            .zip(&out)
            .map(|(&x, &y)| {
                let u = ulps32(y, f(x));
                assert!(u <= 1, "x = {x:e}: {y:e} vs {:e}", f(x));
                u
            })
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn exp_within_one_ulp_of_the_platform_libm() {
        check64(exp_f64, f64::exp, &inputs(-750.0, 712.0));
        check64(exp_f64, f64::exp, &inputs(-1.0, 1.0));
        check32(exp_f32, f32::exp, &inputs(-110.0, 90.0));
        check32(exp_f32, f32::exp, &inputs(-1.0, 1.0));
    }

    #[test]
    fn log_within_one_ulp_of_the_platform_libm() {
        check64(log_f64, f64::ln, &inputs(-1.0, 1e300));
        check64(log_f64, f64::ln, &inputs(0.5, 2.0));
        check64(log_f64, f64::ln, &inputs(0.0, 1e-300));
        check32(log_f32, f32::ln, &inputs(-1.0, 3e38));
        check32(log_f32, f32::ln, &inputs(0.5, 2.0));
        check32(log_f32, f32::ln, &inputs(0.0, 1e-38));
    }

    #[test]
    fn every_length_and_tail_is_covered() {
        for n in 0..20 {
            let xs: Vec<f64> = (0..n).map(|i| i as f64 * 0.37 - 2.0).collect();
            let mut out = vec![0.0; n];
            // SAFETY: both hold `n` elements.
            unsafe { exp_f64(xs.as_ptr(), out.as_mut_ptr(), n) };
            for (x, y) in xs.iter().zip(&out) {
                assert!(ulps64(*y, x.exp()) <= 1);
            }
        }
    }
}
