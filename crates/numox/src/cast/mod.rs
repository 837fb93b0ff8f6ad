//! Casting values between dtypes: [`Array::astype`](crate::Array::astype),
//! [`Array::astype_with`](crate::Array::astype_with), [`Scalar::cast`](crate::Scalar::cast),
//! [`Scalar::coerce`](crate::Scalar::coerce) and [`Array::set`](crate::Array::set).
//!
//! One generic kernel, [`cast_slice`], converts a run of `S` into a run of `D`; the array level
//! reaches it through two nested dtype dispatches. Semantics are NumPy's `astype`:
//!
//! | from → to | result |
//! |---|---|
//! | int → int | wraps (`300 → int8` is 44, `-1 → uint8` is 255) |
//! | int → float | rounds to nearest-even |
//! | float → int | truncates toward zero; NaN, ±inf and out-of-range values are an error |
//! | float → float | rounds to nearest-even (float16 correctly from float64) |
//! | anything → bool | nonzero (and NaN) is `true` |
//! | complex → real | the real part, only with [`Casting::Unsafe`](crate::promote::Casting) |
//!
//! NumPy leaves float → int undefined for NaN, infinities and values whose truncation does not
//! fit the target (the result depends on the CPU); numox reports those as `Error::Value`
//! instead of returning a platform-specific number.

mod array;
mod elem;
mod scalar;

pub use elem::{CastElement, CastTarget};

use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::layout::{for_each_run, Layout};

/// Converts `src` into `dst` element by element (`dst[i] = src[i] as D` with NumPy's `astype`
/// semantics). The slices must have equal lengths. Errors, leaving `dst` partly written, when a
/// float → integer conversion is undefined (NaN, ±inf, out of range).
///
/// ```
/// use numox::cast::cast_slice;
/// let mut out = [0i8; 4];
/// cast_slice(&[1.9f64, -1.9, 127.5, -128.9], &mut out).unwrap();
/// assert_eq!(out, [1, -1, 127, -128]);
/// let e = cast_slice(&[f64::NAN], &mut [0i32]).unwrap_err();
/// assert_eq!(e.to_string(), "cannot convert float NaN to integer");
/// let mut w = [0u8; 2];
/// cast_slice(&[300i64, -1], &mut w).unwrap();
/// assert_eq!(w, [44, 255]);
/// ```
pub fn cast_slice<S: CastElement, D: CastElement>(src: &[S], dst: &mut [D]) -> Result<()> {
    if src.len() != dst.len() {
        return Err(Error::Value(format!(
            "cast_slice: the source has {} elements and the destination {}",
            src.len(),
            dst.len()
        )));
    }
    if cast_contiguous(src, dst) {
        Ok(())
    } else {
        Err(first_undefined::<S, D>(src.iter().copied()))
    }
}

/// The tight loop: the compiler vectorises it for the primitive pairs. Returns false when some
/// conversion was undefined.
#[inline]
fn cast_contiguous<S: CastElement, D: CastElement>(src: &[S], dst: &mut [D]) -> bool {
    if S::DTYPE == D::DTYPE {
        // SAFETY: one element type per dtype (the `Element` trait is sealed), so S and D are the
        // same type; both slices hold `dst.len()` elements and do not overlap (one is `&mut`).
        unsafe {
            std::ptr::copy_nonoverlapping(
                src.as_ptr() as *const D,
                dst.as_mut_ptr(),
                dst.len().min(src.len()),
            )
        };
        return true;
    }
    if src.len() < PREFETCH_MIN {
        return cast_block(src, dst);
    }
    // Long runs go block by block, asking for the source a few pages ahead: the hardware
    // prefetcher stops at 4 KiB page boundaries, which costs ~10% on inputs that do not sit in
    // huge pages (vectors handed over by `Array::from_vec`).
    let block = (4096 / std::mem::size_of::<S>()).max(1);
    let ahead = 2 * block;
    let mut ok = true;
    for (k, (s, d)) in src.chunks(block).zip(dst.chunks_mut(block)).enumerate() {
        prefetch(src, (k * block + ahead)..(k * block + ahead + block));
        ok &= cast_block(s, d);
    }
    ok
}

/// Runs from this many elements are cast with software prefetching.
const PREFETCH_MIN: usize = 1 << 16;

/// The plain loop, which the compiler vectorises for the primitive pairs.
#[inline(always)]
fn cast_block<S: CastElement, D: CastElement>(src: &[S], dst: &mut [D]) -> bool {
    let mut ok = true;
    for (d, &s) in dst.iter_mut().zip(src) {
        ok &= s.cast_defined::<D>();
        *d = s.cast_to::<D>();
    }
    ok
}

/// Hints the CPU to load `src[range]` into cache, one request per 64-byte line; the part of the
/// range past the slice's end is ignored.
#[inline(always)]
fn prefetch<S>(src: &[S], range: std::ops::Range<usize>) {
    #[cfg(target_arch = "x86_64")]
    {
        let Some(part) = src.get(range.start.min(src.len())..range.end.min(src.len())) else {
            return;
        };
        let step = (64 / std::mem::size_of::<S>().max(1)).max(1);
        for x in part.iter().step_by(step) {
            // SAFETY: a prefetch has no effect on memory or program state; the address is that
            // of an element of the slice, and SSE (which provides the instruction) is part of
            // the x86-64 baseline.
            unsafe {
                std::arch::x86_64::_mm_prefetch(
                    x as *const S as *const i8,
                    std::arch::x86_64::_MM_HINT_T0,
                )
            };
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = (src, range);
}

/// Casts the elements of `walk` (a layout over the buffer at `base`), visited in C order, into
/// `dst`. Returns false when some conversion was undefined.
///
/// # Safety
/// `base` must be valid for reads of every element `walk` addresses, with element type `S`, and
/// `dst.len()` must equal `walk.size()`.
pub(crate) unsafe fn cast_walk<S: CastElement, D: CastElement>(
    base: *const S,
    walk: &Layout,
    dst: &mut [D],
) -> bool {
    debug_assert_eq!(dst.len(), walk.size());
    let mut ok = true;
    let mut k = 0usize;
    for_each_run(walk, |r| {
        let out = &mut dst[k..k + r.len];
        k += r.len;
        // SAFETY: the caller guarantees every element of the run is readable.
        unsafe {
            let p = base.add(r.offset);
            if r.stride == 1 {
                ok &= cast_contiguous(std::slice::from_raw_parts(p, r.len), out);
            } else {
                let mut q = p;
                for d in out.iter_mut() {
                    let s = *q;
                    ok &= s.cast_defined::<D>();
                    *d = s.cast_to::<D>();
                    q = q.offset(r.stride);
                }
            }
        }
    });
    ok
}

/// The error for the first value of `values` whose conversion to `D` is undefined.
pub(crate) fn first_undefined<S: CastElement, D: CastElement>(
    values: impl IntoIterator<Item = S>,
) -> Error {
    match values.into_iter().find(|v| !v.cast_defined::<D>()) {
        Some(v) => undefined_error(v.real_f64(), D::DTYPE),
        None => Error::Value(format!("cannot convert to {}", D::DTYPE)),
    }
}

/// The error for a float `x` that has no defined conversion to the integer dtype `to`.
pub(crate) fn undefined_error(x: f64, to: DType) -> Error {
    if x.is_nan() {
        Error::Value("cannot convert float NaN to integer".into())
    } else if x.is_infinite() {
        Error::Value("cannot convert float infinity to integer".into())
    } else {
        Error::Value(format!("cannot convert float {x:?} to {to}: out of bounds"))
    }
}

/// The error of plain `astype` for complex → real, which NumPy only warns about.
pub(crate) fn complex_to_real_error() -> Error {
    Error::DType(
        "Casting complex values to real discards the imaginary part; use astype_with(dtype, \
         Casting::Unsafe) to take the real part"
            .into(),
    )
}

/// Whether a plain `astype`/`cast` from `from` to `to` drops an imaginary part.
pub(crate) fn drops_imaginary(from: DType, to: DType) -> bool {
    from.is_complex() && !to.is_complex() && to != DType::Bool
}
