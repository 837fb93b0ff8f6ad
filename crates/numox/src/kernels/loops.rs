//! The 1-D loops every elementwise operation runs: one generic body per arity with fast paths for
//! contiguous operands and for a stride-0 (scalar) operand, compiled twice — for the baseline CPU
//! and with AVX2+FMA enabled — and picked at run time.
//!
//! The loops read and write through raw pointers, so an output may be the same memory as an
//! input (in-place operations).

use std::sync::atomic::{AtomicU8, Ordering};

/// 0 = unknown, 1 = no AVX2, 2 = AVX2 and FMA.
static LEVEL: AtomicU8 = AtomicU8::new(0);

/// True when the CPU has AVX2 and FMA (checked once).
#[inline]
pub(crate) fn has_avx2() -> bool {
    match LEVEL.load(Ordering::Relaxed) {
        0 => {
            #[cfg(target_arch = "x86_64")]
            let yes = is_x86_feature_detected!("avx2") && is_x86_feature_detected!("fma");
            #[cfg(not(target_arch = "x86_64"))]
            let yes = false;
            LEVEL.store(if yes { 2 } else { 1 }, Ordering::Relaxed);
            yes
        }
        l => l == 2,
    }
}

/// `o[i] = f(a[i], b[i])` for `n` elements with the given element strides.
///
/// # Safety
/// Each pointer must be valid for `n` elements at its stride (reads for `a`, `b`; writes for `o`).
#[inline(always)]
#[allow(clippy::too_many_arguments)]
unsafe fn binary_body<A: Copy, B: Copy, O, F: Fn(A, B) -> O>(
    f: &F,
    a: *const A,
    sa: isize,
    b: *const B,
    sb: isize,
    o: *mut O,
    so: isize,
    n: usize,
) {
    // SAFETY (all branches): offsets stay within the n elements the caller vouches for.
    unsafe {
        if so == 1 && sa == 1 && sb == 1 {
            for i in 0..n {
                *o.add(i) = f(*a.add(i), *b.add(i));
            }
        } else if so == 1 && sa == 1 && sb == 0 {
            let y = *b;
            for i in 0..n {
                *o.add(i) = f(*a.add(i), y);
            }
        } else if so == 1 && sa == 0 && sb == 1 {
            let x = *a;
            for i in 0..n {
                *o.add(i) = f(x, *b.add(i));
            }
        } else {
            let (mut pa, mut pb, mut po) = (a, b, o);
            for _ in 0..n {
                *po = f(*pa, *pb);
                pa = pa.offset(sa);
                pb = pb.offset(sb);
                po = po.offset(so);
            }
        }
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
#[allow(clippy::too_many_arguments)]
unsafe fn binary_avx2<A: Copy, B: Copy, O, F: Fn(A, B) -> O>(
    f: &F,
    a: *const A,
    sa: isize,
    b: *const B,
    sb: isize,
    o: *mut O,
    so: isize,
    n: usize,
) {
    // SAFETY: forwarded from the caller.
    unsafe { binary_body(f, a, sa, b, sb, o, so, n) }
}

/// Runs a binary loop, with AVX2 code when the CPU has it.
///
/// # Safety
/// As [`binary_body`].
#[inline]
#[allow(clippy::too_many_arguments)]
pub(crate) unsafe fn binary<A: Copy, B: Copy, O, F: Fn(A, B) -> O>(
    f: &F,
    a: *const A,
    sa: isize,
    b: *const B,
    sb: isize,
    o: *mut O,
    so: isize,
    n: usize,
) {
    #[cfg(target_arch = "x86_64")]
    if has_avx2() {
        // SAFETY: the CPU has AVX2 and FMA; pointer validity is the caller's.
        return unsafe { binary_avx2(f, a, sa, b, sb, o, so, n) };
    }
    // SAFETY: forwarded from the caller.
    unsafe { binary_body(f, a, sa, b, sb, o, so, n) }
}

/// `o[i] = f(a[i])` for `n` elements.
///
/// # Safety
/// As [`binary_body`].
#[inline(always)]
unsafe fn unary_body<A: Copy, O, F: Fn(A) -> O>(
    f: &F,
    a: *const A,
    sa: isize,
    o: *mut O,
    so: isize,
    n: usize,
) {
    // SAFETY: offsets stay within the n elements the caller vouches for.
    unsafe {
        if so == 1 && sa == 1 {
            for i in 0..n {
                *o.add(i) = f(*a.add(i));
            }
        } else {
            let (mut pa, mut po) = (a, o);
            for _ in 0..n {
                *po = f(*pa);
                pa = pa.offset(sa);
                po = po.offset(so);
            }
        }
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn unary_avx2<A: Copy, O, F: Fn(A) -> O>(
    f: &F,
    a: *const A,
    sa: isize,
    o: *mut O,
    so: isize,
    n: usize,
) {
    // SAFETY: forwarded from the caller.
    unsafe { unary_body(f, a, sa, o, so, n) }
}

/// Runs a unary loop, with AVX2 code when the CPU has it.
///
/// # Safety
/// As [`binary_body`].
#[inline]
pub(crate) unsafe fn unary<A: Copy, O, F: Fn(A) -> O>(
    f: &F,
    a: *const A,
    sa: isize,
    o: *mut O,
    so: isize,
    n: usize,
) {
    #[cfg(target_arch = "x86_64")]
    if has_avx2() {
        // SAFETY: the CPU has AVX2 and FMA; pointer validity is the caller's.
        return unsafe { unary_avx2(f, a, sa, o, so, n) };
    }
    // SAFETY: forwarded from the caller.
    unsafe { unary_body(f, a, sa, o, so, n) }
}

/// `o[i] = f(c[i], x[i], y[i])` (for `where`).
///
/// # Safety
/// As [`binary_body`], for three inputs.
#[inline(always)]
#[allow(clippy::too_many_arguments)]
pub(crate) unsafe fn ternary<A: Copy, B: Copy, C: Copy, O, F: Fn(A, B, C) -> O>(
    f: &F,
    a: *const A,
    sa: isize,
    b: *const B,
    sb: isize,
    c: *const C,
    sc: isize,
    o: *mut O,
    so: isize,
    n: usize,
) {
    // SAFETY: offsets stay within the n elements the caller vouches for.
    unsafe {
        if so == 1 && sa == 1 && sb == 1 && sc == 1 {
            for i in 0..n {
                *o.add(i) = f(*a.add(i), *b.add(i), *c.add(i));
            }
        } else {
            let (mut pa, mut pb, mut pc, mut po) = (a, b, c, o);
            for _ in 0..n {
                *po = f(*pa, *pb, *pc);
                pa = pa.offset(sa);
                pb = pb.offset(sb);
                pc = pc.offset(sc);
                po = po.offset(so);
            }
        }
    }
}
