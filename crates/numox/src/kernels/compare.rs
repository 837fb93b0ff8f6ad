//! Comparisons of float32/float64 runs into bool outputs with AVX2: compare four or eight lanes
//! at a time, pack the lane masks down to bytes and store sixteen or thirty-two booleans at once.
//! Written out by hand because the compiler's own vectorisation of a `bool` store packs poorly
//! (about a cycle per element instead of a fifth).
//!
//! NaN follows IEEE (and NumPy): every comparison with NaN is false except `!=`.

/// The six comparisons, as AVX `vcmpp*` predicates (ordered and quiet, unordered for `!=`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Cmp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

/// A float type with an AVX2 comparison kernel.
pub(crate) trait SimdCmp: Copy + PartialOrd {
    /// `o[i] = a[i] op b[i]` over `n` elements, where `sa` and `sb` are 0 (a scalar) or 1.
    ///
    /// # Safety
    /// The CPU must have AVX2; `a`, `b` valid for `n` reads at their strides, `o` for `n` writes.
    unsafe fn cmp_avx2(
        op: Cmp,
        a: *const Self,
        sa: isize,
        b: *const Self,
        sb: isize,
        o: *mut bool,
        n: usize,
    );
}

impl Cmp {
    /// `x op y` for one pair.
    #[inline(always)]
    pub(crate) fn eval<T: PartialOrd>(self, x: T, y: T) -> bool {
        match self {
            Cmp::Eq => x == y,
            Cmp::Ne => x != y,
            Cmp::Lt => x < y,
            Cmp::Le => x <= y,
            Cmp::Gt => x > y,
            Cmp::Ge => x >= y,
        }
    }
}

#[cfg(target_arch = "x86_64")]
mod avx2 {
    use super::{Cmp, SimdCmp};
    use std::arch::x86_64::*;

    /// Runs `$body` with `$P` bound to the predicate of `op` (a const generic argument).
    macro_rules! with_predicate {
        ($op:expr, $P:ident => $body:expr) => {
            match $op {
                Cmp::Eq => {
                    const $P: i32 = _CMP_EQ_OQ;
                    $body
                }
                Cmp::Ne => {
                    const $P: i32 = _CMP_NEQ_UQ;
                    $body
                }
                Cmp::Lt => {
                    const $P: i32 = _CMP_LT_OQ;
                    $body
                }
                Cmp::Le => {
                    const $P: i32 = _CMP_LE_OQ;
                    $body
                }
                Cmp::Gt => {
                    const $P: i32 = _CMP_GT_OQ;
                    $body
                }
                Cmp::Ge => {
                    const $P: i32 = _CMP_GE_OQ;
                    $body
                }
            }
        };
    }

    /// Loads 4 (f64) or 8 (f32) lanes at `p + i`, or the broadcast scalar when the stride is 0.
    #[inline(always)]
    unsafe fn ld_pd(p: *const f64, s: isize, i: usize, splat: __m256d) -> __m256d {
        // SAFETY: the caller keeps `i + 4 <= n` for a stride-1 operand.
        if s == 0 {
            splat
        } else {
            unsafe { _mm256_loadu_pd(p.add(i)) }
        }
    }

    #[inline(always)]
    unsafe fn ld_ps(p: *const f32, s: isize, i: usize, splat: __m256) -> __m256 {
        // SAFETY: the caller keeps `i + 8 <= n` for a stride-1 operand.
        if s == 0 {
            splat
        } else {
            unsafe { _mm256_loadu_ps(p.add(i)) }
        }
    }

    #[target_feature(enable = "avx2")]
    unsafe fn f64_loop<const P: i32>(
        a: *const f64,
        sa: isize,
        b: *const f64,
        sb: isize,
        o: *mut bool,
        n: usize,
    ) {
        // SAFETY: every load and store below stays below `n` elements (16 per step, then one
        // element at a time); `o` holds `n` bytes.
        unsafe {
            let (sa0, sb0) = (_mm256_set1_pd(*a), _mm256_set1_pd(*b));
            let ones = _mm_set1_epi8(1);
            let mut i = 0;
            while i + 16 <= n {
                let m = |k: usize| {
                    _mm256_castpd_si256(_mm256_cmp_pd::<P>(
                        ld_pd(a, sa, i + k, sa0),
                        ld_pd(b, sb, i + k, sb0),
                    ))
                };
                // Four masks of 4 x i64 -> 16 x i8: pack pairs to i32, then to i16 and i8; the
                // 128-bit lanes interleave, so a final permute puts the bytes in order.
                let ab = _mm256_packs_epi32(m(0), m(4)); // a0 a1 b0 b1 | a2 a3 b2 b3 (as i32 pairs)
                let cd = _mm256_packs_epi32(m(8), m(12));
                let w = _mm256_packs_epi16(ab, cd);
                let w = _mm256_permutevar8x32_epi32(w, _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7));
                let bytes =
                    _mm_packs_epi16(_mm256_castsi256_si128(w), _mm256_extracti128_si256::<1>(w));
                _mm_storeu_si128(o.add(i).cast(), _mm_and_si128(bytes, ones));
                i += 16;
            }
            while i < n {
                let (x, y) = (*a.offset(i as isize * sa), *b.offset(i as isize * sb));
                *o.add(i) = pred_op::<P>().eval(x, y);
                i += 1;
            }
        }
    }

    #[target_feature(enable = "avx2")]
    unsafe fn f32_loop<const P: i32>(
        a: *const f32,
        sa: isize,
        b: *const f32,
        sb: isize,
        o: *mut bool,
        n: usize,
    ) {
        // SAFETY: as in `f64_loop` (32 elements per step).
        unsafe {
            let (sa0, sb0) = (_mm256_set1_ps(*a), _mm256_set1_ps(*b));
            let ones = _mm256_set1_epi8(1);
            let mut i = 0;
            while i + 32 <= n {
                let m = |k: usize| {
                    _mm256_castps_si256(_mm256_cmp_ps::<P>(
                        ld_ps(a, sa, i + k, sa0),
                        ld_ps(b, sb, i + k, sb0),
                    ))
                };
                let ab = _mm256_packs_epi32(m(0), m(8));
                let cd = _mm256_packs_epi32(m(16), m(24));
                let w = _mm256_packs_epi16(ab, cd);
                let w = _mm256_permutevar8x32_epi32(w, _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7));
                _mm256_storeu_si256(o.add(i).cast(), _mm256_and_si256(w, ones));
                i += 32;
            }
            while i < n {
                let (x, y) = (*a.offset(i as isize * sa), *b.offset(i as isize * sb));
                *o.add(i) = pred_op::<P>().eval(x, y);
                i += 1;
            }
        }
    }

    /// The comparison a predicate stands for (for the scalar tail).
    #[inline(always)]
    const fn pred_op<const P: i32>() -> Cmp {
        match P {
            _CMP_EQ_OQ => Cmp::Eq,
            _CMP_NEQ_UQ => Cmp::Ne,
            _CMP_LT_OQ => Cmp::Lt,
            _CMP_LE_OQ => Cmp::Le,
            _CMP_GT_OQ => Cmp::Gt,
            _ => Cmp::Ge,
        }
    }

    impl SimdCmp for f64 {
        unsafe fn cmp_avx2(
            op: Cmp,
            a: *const f64,
            sa: isize,
            b: *const f64,
            sb: isize,
            o: *mut bool,
            n: usize,
        ) {
            if n == 0 {
                return;
            }
            // SAFETY: forwarded from the caller.
            with_predicate!(op, P => unsafe { f64_loop::<P>(a, sa, b, sb, o, n) })
        }
    }

    impl SimdCmp for f32 {
        unsafe fn cmp_avx2(
            op: Cmp,
            a: *const f32,
            sa: isize,
            b: *const f32,
            sb: isize,
            o: *mut bool,
            n: usize,
        ) {
            if n == 0 {
                return;
            }
            // SAFETY: forwarded from the caller.
            with_predicate!(op, P => unsafe { f32_loop::<P>(a, sa, b, sb, o, n) })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Cmp, SimdCmp};

    /// Every comparison, against a scalar on either side and elementwise, over lengths around
    /// the vector widths and values with NaN, ±0 and ±inf, equals the scalar rule.
    #[test]
    fn kernels_match_the_scalar_rule() {
        if !crate::kernels::loops::has_avx2() {
            return;
        }
        let vals = [
            0.5,
            -0.0,
            0.0,
            f64::NAN,
            f64::INFINITY,
            -f64::INFINITY,
            1.0,
            0.25,
            0.5,
        ];
        let ops = [Cmp::Eq, Cmp::Ne, Cmp::Lt, Cmp::Le, Cmp::Gt, Cmp::Ge];
        for n in [0usize, 1, 15, 16, 17, 31, 32, 33, 70] {
            let a: Vec<f64> = (0..n).map(|i| vals[i % vals.len()]).collect();
            let b: Vec<f64> = (0..n).map(|i| vals[(i * 5 + 3) % vals.len()]).collect();
            let (a32, b32): (Vec<f32>, Vec<f32>) = (
                a.iter().map(|&x| x as f32).collect(),
                b.iter().map(|&x| x as f32).collect(),
            );
            for op in ops {
                for (sa, sb) in [(1isize, 1isize), (1, 0), (0, 1)] {
                    let mut o = vec![true; n];
                    let mut o32 = vec![true; n];
                    // SAFETY: AVX2 checked above; the vectors hold n elements (a stride-0
                    // operand reads its first element only, and n > 0 there).
                    unsafe {
                        if n > 0 {
                            f64::cmp_avx2(op, a.as_ptr(), sa, b.as_ptr(), sb, o.as_mut_ptr(), n);
                            f32::cmp_avx2(
                                op,
                                a32.as_ptr(),
                                sa,
                                b32.as_ptr(),
                                sb,
                                o32.as_mut_ptr(),
                                n,
                            );
                        }
                    }
                    for i in 0..n {
                        let (x, y) = (a[i * sa as usize], b[i * sb as usize]);
                        assert_eq!(o[i], op.eval(x, y), "{op:?} n {n} i {i} ({sa},{sb})");
                        assert_eq!(
                            o32[i],
                            op.eval(x as f32, y as f32),
                            "f32 {op:?} n {n} i {i}"
                        );
                    }
                }
            }
        }
    }
}
