//! NumPy's bounded integers for `Generator.integers` (numpy/random/_bounded_integers.pyx.in and
//! `random_bounded_uint{64,32,16,8}_fill` / `random_bounded_bool_fill` in distributions.c), with
//! Lemire's rejection method (NumPy's default, `use_masked=False`). The 16- and 8-bit dtypes and
//! bool take their draws from a 32-bit buffer that each call starts afresh, as NumPy's do.

use super::BitGenerator;
use crate::array::Array;
use crate::dtype::{DType, Element};
use crate::error::{Error, Result};

/// The element count of a shape, with NumPy's error when it overflows.
pub(crate) fn shape_size(shape: &[usize]) -> Result<usize> {
    shape
        .iter()
        .try_fold(1usize, |acc, &d| acc.checked_mul(d))
        .ok_or_else(|| Error::Value("Maximum allowed size exceeded".into()))
}

/// `buffered_bounded_lemire_uint32` (no buffering for 32 bits).
#[inline(always)]
fn lemire32<B: BitGenerator>(b: &mut B, rng: u32) -> u32 {
    let rng_excl = rng.wrapping_add(1);
    let mut m = b.next_u32() as u64 * rng_excl as u64;
    let mut leftover = m as u32;
    if leftover < rng_excl {
        let threshold = (u32::MAX - rng) % rng_excl;
        while leftover < threshold {
            m = b.next_u32() as u64 * rng_excl as u64;
            leftover = m as u32;
        }
    }
    (m >> 32) as u32
}

/// `bounded_lemire_uint64`.
#[inline(always)]
fn lemire64<B: BitGenerator>(b: &mut B, rng: u64) -> u64 {
    let rng_excl = rng.wrapping_add(1);
    let mut m = b.next_u64() as u128 * rng_excl as u128;
    let mut leftover = m as u64;
    if leftover < rng_excl {
        let threshold = (u64::MAX - rng) % rng_excl;
        while leftover < threshold {
            m = b.next_u64() as u128 * rng_excl as u128;
            leftover = m as u64;
        }
    }
    (m >> 64) as u64
}

/// `random_bounded_uint64` with `use_masked=False`: one draw in `[off, off + rng]`.
#[inline(always)]
pub(crate) fn bounded_u64<B: BitGenerator>(b: &mut B, off: u64, rng: u64) -> u64 {
    if rng == 0 {
        off
    } else if rng <= 0xFFFF_FFFF {
        if rng == 0xFFFF_FFFF {
            off.wrapping_add(b.next_u32() as u64)
        } else {
            off.wrapping_add(lemire32(b, rng as u32) as u64)
        }
    } else if rng == u64::MAX {
        off.wrapping_add(b.next_u64())
    } else {
        off.wrapping_add(lemire64(b, rng))
    }
}

/// A 32-bit buffer handing out its 16- or 8-bit parts, lowest first (`buffered_uint16/8`).
struct Buf32 {
    buf: u32,
    bcnt: u32,
}

impl Buf32 {
    #[inline(always)]
    fn next<B: BitGenerator>(&mut self, b: &mut B, bits: u32) -> u32 {
        if self.bcnt == 0 {
            self.buf = b.next_u32();
            self.bcnt = 32 / bits - 1;
        } else {
            self.buf >>= bits;
            self.bcnt -= 1;
        }
        self.buf
    }
}

/// `buffered_bounded_lemire_uint16/8` on a `bits`-wide value (`rng` below the all-ones value).
#[inline(always)]
fn lemire_small<B: BitGenerator>(b: &mut B, buf: &mut Buf32, rng: u32, bits: u32) -> u32 {
    let mask = (1u32 << bits) - 1;
    let rng_excl = (rng + 1) & mask;
    let mut m = (buf.next(b, bits) & mask) * rng_excl;
    let mut leftover = m & mask;
    if leftover < rng_excl {
        let threshold = (mask - rng) % rng_excl;
        while leftover < threshold {
            m = (buf.next(b, bits) & mask) * rng_excl;
            leftover = m & mask;
        }
    }
    m >> bits
}

/// An integer dtype `Generator.integers` can produce, with its bounds and NumPy's fill routine.
pub(crate) trait BoundedInt: Element + Copy {
    /// The smallest value.
    const LO: i128;
    /// The largest value.
    const HI: i128;
    /// `n` draws in `[low, low + rng]`, `low` already checked to fit.
    fn fill<B: BitGenerator>(b: &mut B, low: i128, rng: u64, out: &mut [Self]);
}

macro_rules! bounded_wide {
    ($($t:ty, $u:ty;)*) => {$(
        impl BoundedInt for $t {
            const LO: i128 = <$t>::MIN as i128;
            const HI: i128 = <$t>::MAX as i128;
            fn fill<B: BitGenerator>(b: &mut B, low: i128, rng: u64, out: &mut [$t]) {
                let off = low as $u;
                if <$u>::BITS == 64 {
                    let off = off as u64;
                    if rng == 0 {
                        out.iter_mut().for_each(|o| *o = off as $t);
                    } else if rng == 0xFFFF_FFFF {
                        out.iter_mut().for_each(|o| *o = off.wrapping_add(b.next_u32() as u64) as $t);
                    } else if rng < 0xFFFF_FFFF {
                        let r = rng as u32;
                        out.iter_mut().for_each(|o| *o = off.wrapping_add(lemire32(b, r) as u64) as $t);
                    } else if rng == u64::MAX {
                        out.iter_mut().for_each(|o| *o = off.wrapping_add(b.next_u64()) as $t);
                    } else {
                        out.iter_mut().for_each(|o| *o = off.wrapping_add(lemire64(b, rng)) as $t);
                    }
                } else {
                    let off = off as u32;
                    let r = rng as u32;
                    if r == 0 {
                        out.iter_mut().for_each(|o| *o = off as $t);
                    } else if r == u32::MAX {
                        out.iter_mut().for_each(|o| *o = off.wrapping_add(b.next_u32()) as $t);
                    } else {
                        out.iter_mut().for_each(|o| *o = off.wrapping_add(lemire32(b, r)) as $t);
                    }
                }
            }
        }
    )*};
}
bounded_wide!(i64, u64; u64, u64; i32, u32; u32, u32;);

macro_rules! bounded_small {
    ($($t:ty, $u:ty, $bits:expr;)*) => {$(
        impl BoundedInt for $t {
            const LO: i128 = <$t>::MIN as i128;
            const HI: i128 = <$t>::MAX as i128;
            fn fill<B: BitGenerator>(b: &mut B, low: i128, rng: u64, out: &mut [$t]) {
                let off = low as $u;
                let r = rng as u32;
                let mut buf = Buf32 { buf: 0, bcnt: 0 };
                if r == 0 {
                    out.iter_mut().for_each(|o| *o = off as $t);
                } else if r == <$u>::MAX as u32 {
                    out.iter_mut().for_each(|o| *o = off.wrapping_add(buf.next(b, $bits) as $u) as $t);
                } else {
                    out.iter_mut().for_each(|o| *o = off.wrapping_add(lemire_small(b, &mut buf, r, $bits) as $u) as $t);
                }
            }
        }
    )*};
}
bounded_small!(i16, u16, 16; u16, u16, 16; i8, u8, 8; u8, u8, 8;);

impl BoundedInt for bool {
    const LO: i128 = 0;
    const HI: i128 = 1;
    fn fill<B: BitGenerator>(b: &mut B, low: i128, rng: u64, out: &mut [bool]) {
        let off = low != 0;
        if rng == 0 {
            out.fill(off);
            return;
        }
        let mut buf = Buf32 { buf: 0, bcnt: 0 };
        out.iter_mut().for_each(|o| *o = buf.next(b, 1) & 1 != 0);
    }
}

/// NumPy's `format_bounds_error`.
fn bounds_error(closed: bool, low: i128) -> Error {
    Error::Value(
        match (closed, low == 0) {
            (false, true) => "high <= 0",
            (false, false) => "low >= high",
            (true, true) => "high < 0",
            (true, false) => "low > high",
        }
        .into(),
    )
}

/// `_rand_<dtype>` for scalar bounds: checks as NumPy, then fills `shape`.
pub(crate) fn rand_typed<T: BoundedInt, B: BitGenerator>(
    b: &mut B,
    low: i128,
    high: i128,
    shape: &[usize],
    closed: bool,
) -> Result<Array> {
    let n = shape_size(shape)?;
    if n == 0 && !shape.is_empty() {
        return super::new_filled::<T>(shape, |_| {});
    }
    let high = if closed { high } else { high - 1 };
    let name = T::DTYPE.name();
    if low < T::LO {
        return Err(Error::Value(format!("low is out of bounds for {name}")));
    }
    if high > T::HI {
        return Err(Error::Value(format!("high is out of bounds for {name}")));
    }
    if low > high {
        return Err(bounds_error(closed, low));
    }
    let rng = (high - low) as u64;
    super::new_filled(shape, |out: &mut [T]| T::fill(b, low, rng, out))
}

/// `Generator.integers` for every integer dtype and bool.
pub(crate) fn integers<B: BitGenerator>(
    b: &mut B,
    low: i128,
    high: i128,
    shape: &[usize],
    dtype: DType,
    closed: bool,
) -> Result<Array> {
    crate::dispatch_int!(dtype, T => rand_typed::<T, B>(b, low, high, shape, closed),
    else other => match other {
        DType::Bool => rand_typed::<bool, B>(b, low, high, shape, closed),
        _ => Err(Error::DType(format!("Unsupported dtype dtype('{}') for integers", other.name()))),
    })
}
