//! Non-temporal output for loops over arrays larger than the caches.
//!
//! An ordinary store to a line that is not in cache first reads the line from memory (a
//! read-for-ownership), so `o = a + b` on float64 moves 32 bytes per element: 16 read, 8 written,
//! and 8 read back only to be overwritten. When the arrays cannot stay in cache anyway, a loop
//! computes each block of its output into a small L1-resident scratch and copies it out with
//! streaming (non-temporal) stores, which write whole lines without reading them: 24 bytes per
//! element, a quarter less traffic on a memory-bound loop.

/// Bytes an operation must touch (inputs and output) before its output is streamed: beyond the
/// last-level cache (32 MiB here), so nothing the stores bypass would have stayed cached.
pub(crate) const STREAM_MIN_BYTES: usize = 32 << 20;

/// Bytes of output computed per block into the scratch (well inside L1).
const BLOCK: usize = 4096;

/// The scratch block, aligned for 32-byte streaming stores.
#[repr(C, align(32))]
struct Scratch([u8; BLOCK]);

/// Writes the `n` contiguous elements at `o` that `fill(dst, start, len)` computes (`fill`
/// writes elements `start..start + len` of the output to `dst`, `len` contiguous slots), through
/// streaming stores when the CPU has AVX2 and `o` is aligned to its element; otherwise `fill`
/// writes to `o` directly.
///
/// # Safety
/// `o` must be valid for writes of `n` elements; `fill` must write exactly the `len` elements
/// it is asked for (and may rely on `dst` being valid for them).
#[inline]
pub(crate) unsafe fn streamed<O: Copy>(
    o: *mut O,
    n: usize,
    mut fill: impl FnMut(*mut O, usize, usize),
) {
    let size = std::mem::size_of::<O>();
    #[cfg(target_arch = "x86_64")]
    if super::loops::has_avx2()
        && size > 0
        && BLOCK.is_multiple_of(size)
        && (o as usize).is_multiple_of(std::mem::align_of::<O>())
        && (o as usize).is_multiple_of(size)
    {
        // Elements before the first 32-byte boundary go out with ordinary stores.
        let head = (((32 - (o as usize) % 32) % 32) / size).min(n);
        fill(o, 0, head);
        let per_block = BLOCK / size;
        let mut scratch = std::mem::MaybeUninit::<Scratch>::uninit();
        let tmp = scratch.as_mut_ptr().cast::<O>();
        let mut i = head;
        while i < n {
            let m = per_block.min(n - i);
            fill(tmp, i, m);
            // SAFETY: `o + i` is 32-byte aligned (past the head, every block is a multiple of
            // 32 bytes but the last); `tmp` holds the `m` elements `fill` just wrote; the
            // destination is inside the caller's `n` elements.
            unsafe { stream_copy(o.add(i).cast::<u8>(), tmp.cast::<u8>(), m * size) };
            i += m;
        }
        // SAFETY: SSE is part of x86_64; the fence orders the streaming stores before any later
        // store (and before another thread reads the output after this one finishes).
        unsafe { std::arch::x86_64::_mm_sfence() };
        return;
    }
    fill(o, 0, n);
}

/// Copies `bytes` bytes from `src` to the 32-byte aligned `dst`: whole 32-byte chunks with
/// streaming stores, the rest with ordinary ones.
///
/// # Safety
/// `dst` must be 32-byte aligned and valid for `bytes` bytes of writes, `src` valid for as many
/// reads and 32-byte aligned; the CPU must have AVX.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn stream_copy(dst: *mut u8, src: *const u8, bytes: usize) {
    use std::arch::x86_64::{__m256i, _mm256_load_si256, _mm256_stream_si256};
    let chunks = bytes / 32;
    // SAFETY: both pointers are 32-byte aligned and valid for `bytes` bytes (the caller's).
    unsafe {
        for c in 0..chunks {
            let v = _mm256_load_si256(src.add(c * 32).cast::<__m256i>());
            _mm256_stream_si256(dst.add(c * 32).cast::<__m256i>(), v);
        }
        let done = chunks * 32;
        std::ptr::copy_nonoverlapping(src.add(done), dst.add(done), bytes - done);
    }
}

#[cfg(test)]
mod tests {
    use super::streamed;

    /// Every element is written once with its value, for any start alignment and length,
    /// across block boundaries.
    #[test]
    fn streamed_writes_every_element() {
        for &(skip, n) in &[
            (0, 0),
            (0, 1),
            (1, 3),
            (3, 700),
            (0, 512),
            (5, 513),
            (2, 4099),
        ] {
            let mut buf = vec![0.0f64; skip + n + 1];
            let o = buf[skip..].as_mut_ptr();
            // SAFETY: `o` has room for n elements; `fill` writes exactly `len` of them.
            unsafe {
                streamed(o, n, |dst, start, len| {
                    for k in 0..len {
                        *dst.add(k) = (start + k) as f64 + 0.5;
                    }
                });
            }
            for k in 0..n {
                assert_eq!(buf[skip + k], k as f64 + 0.5, "skip {skip} n {n} k {k}");
            }
            assert_eq!(buf[skip + n], 0.0);
        }
        let mut bytes = vec![false; 9000];
        // SAFETY: as above, for bool elements.
        unsafe {
            streamed(bytes[1..].as_mut_ptr(), 8999, |dst, start, len| {
                for k in 0..len {
                    *dst.add(k) = (start + k) % 3 == 0;
                }
            });
        }
        assert!(bytes[1..]
            .iter()
            .enumerate()
            .all(|(k, &v)| v == (k % 3 == 0)));
    }
}
