//! How each dtype accumulates, as NumPy's `add` and `multiply` loops do when they reduce: float32
//! and float64 sum pairwise in their own type; float16 sums pairwise in float32 and rounds once
//! per run; bfloat16 (ml_dtypes' loop) rounds after every addition; complex sums pairwise per
//! part; integer sums and products widen to int64/uint64 (booleans to int64) and wrap. Products
//! run in order.

use super::pairwise::{pairwise, pairwise_complex};
use crate::dtype::Element;
use crate::kernels::classify::Classify;
use crate::kernels::elem::Arith;
use half::{bf16, f16};
use num_complex::{Complex32, Complex64};

/// A floating (or complex) type that sums runs of values mapped into it, NumPy's way.
pub(crate) trait FloatSum: Arith + Classify {
    /// `acc + Σ g(x)` over the run of `n` elements at `p` with stride `s`.
    ///
    /// # Safety
    /// `p` must be valid for `n` reads at stride `s`.
    unsafe fn sum_run<S: Copy + Sync, G: Fn(S) -> Self + Sync>(
        acc: Self,
        p: *const S,
        n: usize,
        s: isize,
        g: &G,
    ) -> Self;
    /// The value divided by a count, as NumPy's `true_divide(x, np.intp(n))`: in float64
    /// (complex128) and rounded back.
    fn div_count(self, n: f64) -> Self;
}

macro_rules! float_sum {
    ($($t:ty),*) => {$(
        impl FloatSum for $t {
            #[inline]
            unsafe fn sum_run<S: Copy + Sync, G: Fn(S) -> Self + Sync>(
                acc: Self, p: *const S, n: usize, s: isize, g: &G,
            ) -> Self {
                // SAFETY: the caller's run.
                acc + unsafe { pairwise(p, n, s, g) }
            }
            #[inline]
            fn div_count(self, n: f64) -> Self {
                (self as f64 / n) as $t
            }
        }
    )*};
}
float_sum!(f32, f64);

impl FloatSum for f16 {
    #[inline]
    unsafe fn sum_run<S: Copy + Sync, G: Fn(S) -> Self + Sync>(
        acc: Self,
        p: *const S,
        n: usize,
        s: isize,
        g: &G,
    ) -> Self {
        // SAFETY: the caller's run.
        let sum = unsafe { pairwise(p, n, s, &|x| g(x).to_f32()) };
        f16::from_f32(acc.to_f32() + sum)
    }
    #[inline]
    fn div_count(self, n: f64) -> Self {
        f16::from_f64(self.to_f64() / n)
    }
}

impl FloatSum for bf16 {
    #[inline]
    unsafe fn sum_run<S: Copy + Sync, G: Fn(S) -> Self + Sync>(
        mut acc: Self,
        p: *const S,
        n: usize,
        s: isize,
        g: &G,
    ) -> Self {
        for i in 0..n as isize {
            // SAFETY: the caller's run.
            acc = acc.add(g(unsafe { *p.offset(i * s) }));
        }
        acc
    }
    #[inline]
    fn div_count(self, n: f64) -> Self {
        bf16::from_f64(self.to_f64() / n)
    }
}

macro_rules! complex_sum {
    ($($t:ty => $f:ty),*) => {$(
        impl FloatSum for $t {
            #[inline]
            unsafe fn sum_run<S: Copy + Sync, G: Fn(S) -> Self + Sync>(
                acc: Self, p: *const S, n: usize, s: isize, g: &G,
            ) -> Self {
                // SAFETY: the caller's run.
                let z = unsafe { pairwise_complex(p, n, s, g) };
                <$t>::new(acc.re + z.re, acc.im + z.im)
            }
            #[inline]
            fn div_count(self, n: f64) -> Self {
                let z = Complex64::new(self.re as f64, self.im as f64).div(Complex64::new(n, 0.0));
                <$t>::new(z.re as $f, z.im as $f)
            }
        }
    )*};
}
complex_sum!(Complex32 => f32, Complex64 => f64);

/// A type `sum` and `prod` accept, with NumPy's accumulator dtype.
pub(crate) trait Summable: Element + Classify + Arith {
    /// The result dtype of `sum` and `prod`.
    type Acc: Element + Arith;
    /// `acc + Σ m(x)` over a run.
    ///
    /// # Safety
    /// `p` must be valid for `n` reads at stride `s`.
    unsafe fn add_run<M: Fn(Self) -> Self + Sync>(
        acc: Self::Acc,
        p: *const Self,
        n: usize,
        s: isize,
        m: &M,
    ) -> Self::Acc;
    /// `acc + x`.
    fn add_elem(acc: Self::Acc, x: Self) -> Self::Acc;
    /// `acc · Π m(x)` over a run, in order.
    ///
    /// # Safety
    /// `p` must be valid for `n` reads at stride `s`.
    unsafe fn mul_run<M: Fn(Self) -> Self + Sync>(
        mut acc: Self::Acc,
        p: *const Self,
        n: usize,
        s: isize,
        m: &M,
    ) -> Self::Acc {
        for i in 0..n as isize {
            // SAFETY: the caller's run.
            acc = Self::mul_elem(acc, m(unsafe { *p.offset(i * s) }));
        }
        acc
    }
    /// `acc · x`.
    fn mul_elem(acc: Self::Acc, x: Self) -> Self::Acc;
}

macro_rules! int_summable {
    ($($t:ty => $acc:ty),*) => {$(
        impl Summable for $t {
            type Acc = $acc;
            #[inline]
            unsafe fn add_run<M: Fn(Self) -> Self + Sync>(
                acc: $acc, p: *const Self, n: usize, s: isize, _m: &M,
            ) -> $acc {
                let mut r: $acc = 0;
                if s == 1 {
                    // SAFETY: the caller's run.
                    let v = unsafe { std::slice::from_raw_parts(p, n) };
                    for &x in v {
                        r = r.wrapping_add(x as $acc);
                    }
                } else {
                    for i in 0..n as isize {
                        // SAFETY: the caller's run.
                        r = r.wrapping_add(unsafe { *p.offset(i * s) } as $acc);
                    }
                }
                acc.wrapping_add(r)
            }
            #[inline(always)]
            fn add_elem(acc: $acc, x: Self) -> $acc {
                acc.wrapping_add(x as $acc)
            }
            #[inline(always)]
            fn mul_elem(acc: $acc, x: Self) -> $acc {
                acc.wrapping_mul(x as $acc)
            }
        }
    )*};
}
int_summable!(bool => i64, i8 => i64, i16 => i64, i32 => i64, i64 => i64,
    u8 => u64, u16 => u64, u32 => u64, u64 => u64);

macro_rules! float_summable {
    ($($t:ty),*) => {$(
        impl Summable for $t {
            type Acc = $t;
            #[inline]
            unsafe fn add_run<M: Fn(Self) -> Self + Sync>(
                acc: $t, p: *const Self, n: usize, s: isize, m: &M,
            ) -> $t {
                // SAFETY: the caller's run.
                unsafe { <$t as FloatSum>::sum_run(acc, p, n, s, m) }
            }
            #[inline(always)]
            fn add_elem(acc: $t, x: Self) -> $t {
                acc.add(x)
            }
            #[inline(always)]
            fn mul_elem(acc: $t, x: Self) -> $t {
                acc.mul(x)
            }
        }
    )*};
}
float_summable!(f32, f64, bf16);

macro_rules! complex_summable {
    ($($t:ty),*) => {$(
        impl Summable for $t {
            type Acc = $t;
            #[inline]
            unsafe fn add_run<M: Fn(Self) -> Self + Sync>(
                acc: $t, p: *const Self, n: usize, s: isize, m: &M,
            ) -> $t {
                // SAFETY: the caller's run.
                unsafe { <$t as FloatSum>::sum_run(acc, p, n, s, m) }
            }
            #[inline(always)]
            fn add_elem(acc: $t, x: Self) -> $t {
                acc.add(x)
            }
            /// NumPy's complex multiply reduces a run with the plain formula (no fused
            /// products); its elementwise loop fuses them ([`Summable::mul_elem`]).
            unsafe fn mul_run<M: Fn(Self) -> Self + Sync>(
                mut a: $t, p: *const Self, n: usize, s: isize, m: &M,
            ) -> $t {
                for i in 0..n as isize {
                    // SAFETY: the caller's run.
                    let b = m(unsafe { *p.offset(i * s) });
                    a = <$t>::new(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re);
                }
                a
            }
            #[inline(always)]
            fn mul_elem(acc: $t, x: Self) -> $t {
                acc.mul(x)
            }
        }
    )*};
}
complex_summable!(Complex32, Complex64);

impl Summable for f16 {
    type Acc = f16;
    #[inline]
    unsafe fn add_run<M: Fn(Self) -> Self + Sync>(
        acc: f16,
        p: *const Self,
        n: usize,
        s: isize,
        m: &M,
    ) -> f16 {
        // SAFETY: the caller's run.
        unsafe { <f16 as FloatSum>::sum_run(acc, p, n, s, m) }
    }
    #[inline(always)]
    fn add_elem(acc: f16, x: Self) -> f16 {
        acc.add(x)
    }
    /// NumPy's half loop multiplies a run in float32 and rounds once.
    unsafe fn mul_run<M: Fn(Self) -> Self + Sync>(
        acc: f16,
        p: *const Self,
        n: usize,
        s: isize,
        m: &M,
    ) -> f16 {
        let mut r = acc.to_f32();
        for i in 0..n as isize {
            // SAFETY: the caller's run.
            r *= m(unsafe { *p.offset(i * s) }).to_f32();
        }
        f16::from_f32(r)
    }
    #[inline(always)]
    fn mul_elem(acc: f16, x: Self) -> f16 {
        acc.mul(x)
    }
}

/// A type `mean` accepts: the dtype NumPy sums it in and the dtype of the mean.
pub(crate) trait Meanable: Element + Classify {
    /// The dtype of the sum (float64 for integers and bool, float32 for float16).
    type Sum: FloatSum;
    /// The dtype of the mean (float64 for integers and bool).
    type Out: Element;
    /// The element in the sum's dtype.
    fn to_sum(self) -> Self::Sum;
    /// The mean from the sum.
    fn finish(sum: Self::Sum, n: f64) -> Self::Out;
}

macro_rules! int_meanable {
    ($($t:ty),*) => {$(
        impl Meanable for $t {
            type Sum = f64;
            type Out = f64;
            #[inline(always)]
            fn to_sum(self) -> f64 { self as f64 }
            #[inline(always)]
            fn finish(sum: f64, n: f64) -> f64 { sum / n }
        }
    )*};
}
int_meanable!(i8, i16, i32, i64, u8, u16, u32, u64);

impl Meanable for bool {
    type Sum = f64;
    type Out = f64;
    #[inline(always)]
    fn to_sum(self) -> f64 {
        self as u8 as f64
    }
    #[inline(always)]
    fn finish(sum: f64, n: f64) -> f64 {
        sum / n
    }
}

impl Meanable for f16 {
    type Sum = f32;
    type Out = f16;
    #[inline(always)]
    fn to_sum(self) -> f32 {
        self.to_f32()
    }
    #[inline(always)]
    fn finish(sum: f32, n: f64) -> f16 {
        f16::from_f32(sum.div_count(n))
    }
}

macro_rules! same_meanable {
    ($($t:ty),*) => {$(
        impl Meanable for $t {
            type Sum = $t;
            type Out = $t;
            #[inline(always)]
            fn to_sum(self) -> $t { self }
            #[inline(always)]
            fn finish(sum: $t, n: f64) -> $t { sum.div_count(n) }
        }
    )*};
}
same_meanable!(f32, f64, bf16, Complex32, Complex64);
