//! NumPy's ziggurat samplers (numpy/random/src/distributions/distributions.c):
//! `random_standard_normal[_f]` and `random_standard_exponential[_f]`, over the tables in
//! `ziggurat_tables.rs`. Generic over the bit generator so loops keep its state in registers.

use super::ziggurat_tables::*;
use super::BitGenerator;

/// NumPy's `next_float`: the upper 24 bits of a 32-bit draw, scaled to `[0, 1)`.
#[inline(always)]
pub(crate) fn next_f32<B: BitGenerator>(b: &mut B) -> f32 {
    (b.next_u32() >> 8) as f32 * (1.0f32 / 16777216.0f32)
}

/// `random_standard_normal`.
#[inline(always)]
pub(crate) fn standard_normal_f64<B: BitGenerator>(b: &mut B) -> f64 {
    loop {
        let mut r = b.next_u64();
        let idx = (r & 0xff) as usize;
        r >>= 8;
        let sign = r & 1;
        let rabs = (r >> 1) & 0x000f_ffff_ffff_ffff;
        let mut x = rabs as f64 * WI_DOUBLE[idx];
        if sign == 1 {
            x = -x;
        }
        if rabs < KI_DOUBLE[idx] {
            return x;
        }
        if let Some(v) = normal_f64_unlikely(b, idx, rabs, x) {
            return v;
        }
    }
}

#[cold]
#[inline(never)]
fn normal_f64_unlikely<B: BitGenerator>(b: &mut B, idx: usize, rabs: u64, x: f64) -> Option<f64> {
    if idx == 0 {
        loop {
            let xx = -ZIGGURAT_NOR_INV_R * (-b.next_f64()).ln_1p();
            let yy = -(-b.next_f64()).ln_1p();
            if yy + yy > xx * xx {
                return Some(if (rabs >> 8) & 1 == 1 {
                    -(ZIGGURAT_NOR_R + xx)
                } else {
                    ZIGGURAT_NOR_R + xx
                });
            }
        }
    }
    let u = b.next_f64();
    if (FI_DOUBLE[idx - 1] - FI_DOUBLE[idx]) * u + FI_DOUBLE[idx] < (-0.5 * x * x).exp() {
        return Some(x);
    }
    None
}

/// `random_standard_normal_f`.
#[inline(always)]
pub(crate) fn standard_normal_f32<B: BitGenerator>(b: &mut B) -> f32 {
    loop {
        let r = b.next_u32();
        let idx = (r & 0xff) as usize;
        let sign = (r >> 8) & 1;
        let rabs = (r >> 9) & 0x007f_ffff;
        let mut x = rabs as f32 * WI_FLOAT[idx];
        if sign == 1 {
            x = -x;
        }
        if rabs < KI_FLOAT[idx] {
            return x;
        }
        if let Some(v) = normal_f32_unlikely(b, idx, rabs, x) {
            return v;
        }
    }
}

#[cold]
#[inline(never)]
fn normal_f32_unlikely<B: BitGenerator>(b: &mut B, idx: usize, rabs: u32, x: f32) -> Option<f32> {
    if idx == 0 {
        loop {
            let xx = -ZIGGURAT_NOR_INV_R_F * (-next_f32(b)).ln_1p();
            let yy = -(-next_f32(b)).ln_1p();
            if yy + yy > xx * xx {
                return Some(if (rabs >> 8) & 1 == 1 {
                    -(ZIGGURAT_NOR_R_F + xx)
                } else {
                    ZIGGURAT_NOR_R_F + xx
                });
            }
        }
    }
    let u = next_f32(b);
    // NumPy compares the float expression against the double `exp(-0.5 * x * x)`.
    let lhs = (FI_FLOAT[idx - 1] - FI_FLOAT[idx]) * u + FI_FLOAT[idx];
    let xd = x as f64;
    if (lhs as f64) < (-0.5 * xd * xd).exp() {
        return Some(x);
    }
    None
}

/// `random_standard_exponential`.
#[inline(always)]
pub(crate) fn standard_exponential_f64<B: BitGenerator>(b: &mut B) -> f64 {
    loop {
        let mut ri = b.next_u64();
        ri >>= 3;
        let idx = (ri & 0xff) as usize;
        ri >>= 8;
        let x = ri as f64 * WE_DOUBLE[idx];
        if ri < KE_DOUBLE[idx] {
            return x;
        }
        if let Some(v) = exponential_f64_unlikely(b, idx, x) {
            return v;
        }
    }
}

#[cold]
#[inline(never)]
fn exponential_f64_unlikely<B: BitGenerator>(b: &mut B, idx: usize, x: f64) -> Option<f64> {
    if idx == 0 {
        return Some(ZIGGURAT_EXP_R - (-b.next_f64()).ln_1p());
    }
    let u = b.next_f64();
    if (FE_DOUBLE[idx - 1] - FE_DOUBLE[idx]) * u + FE_DOUBLE[idx] < (-x).exp() {
        return Some(x);
    }
    None
}

/// `random_standard_exponential_f`.
#[inline(always)]
pub(crate) fn standard_exponential_f32<B: BitGenerator>(b: &mut B) -> f32 {
    loop {
        let mut ri = b.next_u32();
        ri >>= 1;
        let idx = (ri & 0xff) as usize;
        ri >>= 8;
        let x = ri as f32 * WE_FLOAT[idx];
        if ri < KE_FLOAT[idx] {
            return x;
        }
        if let Some(v) = exponential_f32_unlikely(b, idx, x) {
            return v;
        }
    }
}

#[cold]
#[inline(never)]
fn exponential_f32_unlikely<B: BitGenerator>(b: &mut B, idx: usize, x: f32) -> Option<f32> {
    if idx == 0 {
        return Some(ZIGGURAT_EXP_R_F - (-next_f32(b)).ln_1p());
    }
    let u = next_f32(b);
    if (FE_FLOAT[idx - 1] - FE_FLOAT[idx]) * u + FE_FLOAT[idx] < (-x).exp() {
        return Some(x);
    }
    None
}
