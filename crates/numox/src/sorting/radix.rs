//! A stable least-significant-digit radix sort on 64-bit keys (11-bit digits), skipping the
//! digits that every key shares, and splitting one big sort over the rayon threads: each thread
//! scatters its own chunk into offsets computed from every chunk's histogram, and counts the
//! next digit of what it writes, per destination chunk, on the way.

use rayon::prelude::*;
use std::mem::MaybeUninit;

/// Bits per digit: six passes cover 64 bits, and a digit's 2048 buckets stay in L2.
const BITS: usize = 11;
const RADIX: usize = 1 << BITS;
const DIGITS: usize = 64usize.div_ceil(BITS);
/// Below this many items one thread sorts (measured: splitting smaller sorts costs more in
/// scheduling than the second core gains).
const PAR_MIN: usize = 1 << 17;

type Hist = [usize; RADIX];

#[derive(Clone, Copy)]
pub(crate) struct SendPtr<T>(pub(crate) *mut T);
// SAFETY: the threads write disjoint positions (their own offsets) through the pointer.
unsafe impl<T> Send for SendPtr<T> {}
unsafe impl<T> Sync for SendPtr<T> {}

impl<T> SendPtr<T> {
    /// The pointer (a method, so closures capture the whole `Send` wrapper).
    #[inline(always)]
    pub(crate) fn get(self) -> *mut T {
        self.0
    }
}

#[inline(always)]
fn digit(k: u64, d: usize) -> usize {
    ((k >> (BITS * d)) as usize) & (RADIX - 1)
}

/// Sorts `v` stably by `key`, ascending; with `parallel`, a big `v` is split over the threads.
pub(crate) fn radix_sort<I, K>(v: &mut [I], key: K, parallel: bool)
where
    I: Copy + Send + Sync,
    K: Fn(&I) -> u64 + Sync,
{
    let n = v.len();
    if n < 2 {
        return;
    }
    let threads = if parallel && n >= PAR_MIN {
        rayon::current_num_threads().clamp(1, 16)
    } else {
        1
    };
    let chunk = n.div_ceil(threads);
    // The bits that differ between keys: digits without any are skipped.
    let bits = |c: &[I]| {
        c.iter().fold((u64::MAX, 0u64), |(and, or), x| {
            let k = key(x);
            (and & k, or | k)
        })
    };
    let (and, or) = if threads > 1 {
        v.par_chunks(chunk)
            .map(bits)
            .reduce(|| (u64::MAX, 0), |a, b| (a.0 & b.0, a.1 | b.1))
    } else {
        bits(v)
    };
    let passes: Vec<usize> = (0..DIGITS).filter(|&d| digit(and ^ or, d) != 0).collect();
    if passes.is_empty() {
        return;
    }
    // Every chunk's histogram of the first digit sorted on.
    let count = |c: &[I]| {
        let mut h = [0usize; RADIX];
        for x in c {
            h[digit(key(x), passes[0])] += 1;
        }
        h
    };
    let mut chunk_hist: Vec<Hist> = if threads > 1 {
        v.par_chunks(chunk).map(count).collect()
    } else {
        vec![count(v)]
    };
    let mut buf: Vec<MaybeUninit<I>> = Vec::with_capacity(n);
    // SAFETY: MaybeUninit needs no initialization.
    unsafe { buf.set_len(n) };
    let a = SendPtr(v.as_mut_ptr());
    let b = SendPtr(buf.as_mut_ptr() as *mut I);
    for (p, &d) in passes.iter().enumerate() {
        let (src, dst) = if p % 2 == 0 { (a, b) } else { (b, a) };
        let next = passes.get(p + 1).copied();
        // Offsets: every smaller bucket of every chunk, then this bucket of earlier chunks.
        let mut offs: Vec<Hist> = vec![[0; RADIX]; threads];
        let mut base = 0;
        for bucket in 0..RADIX {
            for (c, h) in chunk_hist.iter().enumerate() {
                offs[c][bucket] = base;
                base += h[bucket];
            }
        }
        let run = |c: usize, off: Hist| -> Vec<Hist> {
            let lo = c * chunk;
            let hi = n.min(lo + chunk);
            // SAFETY: the thread writes exactly the positions of its chunk's items, which the
            // offsets give it alone; src holds n initialized items.
            unsafe {
                scatter(
                    src.get(),
                    dst.get(),
                    lo,
                    hi,
                    off,
                    d,
                    next,
                    chunk,
                    threads,
                    &key,
                )
            }
        };
        let nexts: Vec<Vec<Hist>> = if threads > 1 {
            offs.into_par_iter()
                .enumerate()
                .map(|(c, o)| run(c, o))
                .collect()
        } else {
            vec![run(0, offs[0])]
        };
        chunk_hist = (0..threads)
            .map(|dc| {
                let mut h = [0usize; RADIX];
                for t in &nexts {
                    for (x, y) in h.iter_mut().zip(&t[dc]) {
                        *x += y;
                    }
                }
                h
            })
            .collect();
    }
    if passes.len() % 2 == 1 {
        // SAFETY: the last pass wrote all n items into buf.
        let sorted = unsafe { std::slice::from_raw_parts(b.get() as *const I, n) };
        if threads > 1 {
            v.par_chunks_mut(chunk)
                .zip(sorted.par_chunks(chunk))
                .for_each(|(d, s)| d.copy_from_slice(s));
        } else {
            v.copy_from_slice(sorted);
        }
    }
}

/// Scatters `src[lo..hi]` by digit `d` to `dst` at `off`, returning the histogram of digit
/// `next` of the items written into each destination chunk.
///
/// # Safety
/// `src` holds initialized items at `lo..hi`; `off` gives this caller positions no other writer
/// uses, inside `dst`'s length.
#[allow(clippy::too_many_arguments)]
unsafe fn scatter<I: Copy, K: Fn(&I) -> u64>(
    src: *const I,
    dst: *mut I,
    lo: usize,
    hi: usize,
    mut off: Hist,
    d: usize,
    next: Option<usize>,
    chunk: usize,
    threads: usize,
    key: &K,
) -> Vec<Hist> {
    let mut nh = vec![[0usize; RADIX]; threads];
    match next {
        Some(nd) if threads > 1 => {
            // The destination chunk of each bucket's next position, and where it ends.
            let mut dc = [0usize; RADIX];
            let mut bound = [0usize; RADIX];
            for bkt in 0..RADIX {
                dc[bkt] = off[bkt] / chunk;
                bound[bkt] = (dc[bkt] + 1) * chunk;
            }
            for i in lo..hi {
                // SAFETY: i < hi inside src's items; off[bkt] is this caller's next position.
                unsafe {
                    let x = *src.add(i);
                    let k = key(&x);
                    let bkt = digit(k, d);
                    let pos = off[bkt];
                    if pos == bound[bkt] {
                        dc[bkt] += 1;
                        bound[bkt] += chunk;
                    }
                    dst.add(pos).write(x);
                    off[bkt] = pos + 1;
                    nh[dc[bkt]][digit(k, nd)] += 1;
                }
            }
        }
        _ => {
            let nd = next.unwrap_or(0);
            for i in lo..hi {
                // SAFETY: as above.
                unsafe {
                    let x = *src.add(i);
                    let k = key(&x);
                    let bkt = digit(k, d);
                    dst.add(off[bkt]).write(x);
                    off[bkt] += 1;
                    nh[0][digit(k, nd)] += 1;
                }
            }
        }
    }
    nh
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// `n` pseudo-random values masked by `mask`.
    pub(crate) fn lcg(n: usize, mask: u64) -> Vec<u64> {
        let mut s = 0x9E3779B97F4A7C15u64;
        (0..n)
            .map(|_| {
                s = s
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                (s >> 7) & mask
            })
            .collect()
    }

    #[test]
    fn sorts_like_std_serial_and_parallel() {
        for (n, mask) in [
            (1000, u64::MAX),
            (300_000, u64::MAX),
            (300_001, 0xfff0ff),
            (5, 3),
        ] {
            let v = lcg(n, mask);
            let mut want = v.clone();
            want.sort_unstable();
            let mut got = v.clone();
            radix_sort(&mut got, |x| *x, true);
            assert_eq!(got, want, "n={n}");
        }
    }

    #[test]
    fn stable_on_pairs() {
        let v: Vec<(u64, u64)> = lcg(200_000, 0xff00)
            .into_iter()
            .enumerate()
            .map(|(i, k)| (k, i as u64))
            .collect();
        let mut want = v.clone();
        want.sort_by_key(|p| p.0);
        let mut got = v;
        radix_sort(&mut got, |p| p.0, true);
        assert_eq!(got, want);
    }
}
