//! A stable most-significant-digit radix sort on 64-bit keys, for big lanes.
//!
//! The first pass reads the source lane and scatters the items it makes (keys, or key and index
//! pairs) by the top 11 bits in which the keys differ, split over the threads. Each bucket is then
//! sorted on its own (buckets shared between the threads): another scatter by the next digit,
//! whose width follows the bucket's size so that the next buckets hold a few items each, until a
//! bucket is small enough for an insertion sort. The passes alternate between two buffers; a
//! finished bucket is handed to the caller's `leaf`, which writes it out while it is in cache.
//! Buckets stay in cache after the first pass, so a sort costs about two passes over memory
//! instead of one per digit.

use super::radix::SendPtr;
use rayon::prelude::*;

/// Buckets of at most this many items are finished by a comparison sort.
const SMALL: usize = 12;
/// Bits of the first digit: 2048 buckets.
const TOP_BITS: u32 = 11;
/// The widest digit of the later passes (16384 buckets, whose counts stay in L2; measured).
const DIGIT_MAX: u32 = 14;
/// Below this many items one thread does the first pass (measured in the radix sort).
const PAR_MIN: usize = 1 << 17;

/// What the sort moves: a key, or a key with the index it came from. `Ord` must order by the key
/// first (equal keys of different items are then ordered as they came, for a stable result).
pub(crate) trait Item: Copy + Send + Sync + Ord {
    /// The 64-bit sort key.
    fn key(&self) -> u64;
}

impl Item for u64 {
    #[inline(always)]
    fn key(&self) -> u64 {
        *self
    }
}

/// A key and the position it came from (ordered by key, then position).
#[repr(C)]
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Debug)]
pub(crate) struct Pair {
    pub(crate) key: u64,
    pub(crate) idx: u64,
}

impl Item for Pair {
    #[inline(always)]
    fn key(&self) -> u64 {
        self.key
    }
}

/// The AND and OR of every key of `v`: the bits that differ are set in their XOR.
#[inline(always)]
fn and_or<I: Item>(v: &[I]) -> (u64, u64) {
    let mut a = [u64::MAX; 4];
    let mut o = [0u64; 4];
    let mut it = v.chunks_exact(4);
    for c in &mut it {
        for j in 0..4 {
            let k = c[j].key();
            a[j] &= k;
            o[j] |= k;
        }
    }
    for x in it.remainder() {
        a[0] &= x.key();
        o[0] |= x.key();
    }
    (a[0] & a[1] & a[2] & a[3], o[0] | o[1] | o[2] | o[3])
}

/// The first digit: `bits` bits at `shift`.
#[derive(Clone, Copy)]
struct Digit {
    shift: u32,
    mask: u64,
}

impl Digit {
    /// The `want` bits below the top bit in which `and` and `or` differ (`None`: all equal).
    fn top(and: u64, or: u64, want: u32) -> Option<Digit> {
        let diff = and ^ or;
        if diff == 0 {
            return None;
        }
        let top = 64 - diff.leading_zeros();
        let bits = want.min(top);
        Some(Digit {
            shift: top - bits,
            mask: (1u64 << bits) - 1,
        })
    }

    #[inline(always)]
    fn of(self, k: u64) -> usize {
        ((k >> self.shift) & self.mask) as usize
    }

    fn buckets(self) -> usize {
        self.mask as usize + 1
    }
}

/// What the first pass found: the bucket bounds (one more than the buckets, the last being the
/// number of items placed), whether there is more than one bucket (with one, every key is equal
/// and the items are in input order), and the OR of `flag` over the elements.
pub(crate) struct Placed {
    pub(crate) bounds: Vec<usize>,
    pub(crate) split: bool,
    pub(crate) flags: u8,
}

/// The first pass: makes an item of every element of `src` (`make` gives `None` for elements
/// left out) and scatters them into `dst` by their top digit, noting `flag` of every element on
/// the way.
pub(crate) fn first_pass<S, I, M, F>(
    src: &[S],
    make: M,
    flag: F,
    dst: &mut [I],
    parallel: bool,
) -> Placed
where
    S: Sync,
    I: Item,
    M: Fn(&S, usize) -> Option<I> + Sync,
    F: Fn(&S) -> u8 + Sync,
{
    let n = src.len();
    let threads = if parallel && n >= PAR_MIN {
        rayon::current_num_threads().clamp(1, 16)
    } else {
        1
    };
    let chunk = n.div_ceil(threads).max(1);
    let scan = |(c, s): (usize, &[S])| {
        let mut acc = (u64::MAX, 0u64, 0usize, 0u8);
        for (i, x) in s.iter().enumerate() {
            acc.3 |= flag(x);
            if let Some(it) = make(x, c * chunk + i) {
                acc.0 &= it.key();
                acc.1 |= it.key();
                acc.2 += 1;
            }
        }
        acc
    };
    let (and, or, m, flags) = if threads > 1 {
        src.par_chunks(chunk).enumerate().map(scan).reduce(
            || (u64::MAX, 0, 0, 0),
            |a, b| (a.0 & b.0, a.1 | b.1, a.2 + b.2, a.3 | b.3),
        )
    } else {
        scan((0, src))
    };
    let d = Digit::top(and, or, TOP_BITS).unwrap_or(Digit { shift: 0, mask: 0 });
    let nb = d.buckets();
    let hist = |(c, s): (usize, &[S])| {
        let mut h = vec![0usize; nb];
        for (i, x) in s.iter().enumerate() {
            if let Some(it) = make(x, c * chunk + i) {
                h[d.of(it.key())] += 1;
            }
        }
        h
    };
    let hists: Vec<Vec<usize>> = if threads > 1 {
        src.par_chunks(chunk).enumerate().map(hist).collect()
    } else {
        vec![hist((0, src))]
    };
    let mut offs = vec![vec![0usize; nb]; threads];
    let mut bounds = Vec::with_capacity(nb + 1);
    let mut base = 0;
    for b in 0..nb {
        bounds.push(base);
        for c in 0..threads {
            offs[c][b] = base;
            base += hists[c][b];
        }
    }
    bounds.push(m);
    let out = SendPtr(dst.as_mut_ptr());
    let len = dst.len();
    let run = |c: usize, mut off: Vec<usize>| {
        let lo = c * chunk;
        let hi = n.min(lo + chunk);
        for (i, x) in src[lo..hi].iter().enumerate() {
            if let Some(it) = make(x, lo + i) {
                let b = d.of(it.key());
                let p = off[b];
                debug_assert!(p < len);
                // SAFETY: the offsets give this chunk its own positions, all below `m`, which
                // fits in `dst` (the caller sizes it for every element).
                unsafe { out.get().add(p).write(it) };
                off[b] = p + 1;
            }
        }
    };
    if threads > 1 {
        offs.into_par_iter()
            .enumerate()
            .for_each(|(c, o)| run(c, o));
    } else if let Some(o) = offs.pop() {
        run(0, o);
    }
    Placed {
        bounds,
        split: nb > 1,
        flags,
    }
}

/// Sorts every bucket that [`first_pass`] left in `a` into the same positions of `b` (`a` is
/// then scratch), calling `leaf(sorted, lo)` on each sorted bucket of `b` (positions `lo..`)
/// while it is in cache. Without `split`, every key is equal and `a` is copied as it is.
pub(crate) fn finish<I, L>(
    a: &mut [I],
    b: &mut [I],
    bounds: &[usize],
    split: bool,
    parallel: bool,
    leaf: L,
) where
    I: Item,
    L: Fn(&mut [I], usize) + Sync,
{
    let m = bounds.last().copied().unwrap_or(0);
    let (a, b) = (&mut a[..m], &mut b[..m]);
    if !split {
        b.copy_from_slice(a);
        leaf(b, 0);
        return;
    }
    let mut jobs = Vec::with_capacity(bounds.len());
    let (mut ra, mut rb) = (a, b);
    for w in bounds.windows(2) {
        let len = w[1] - w[0];
        let (x, ra2) = ra.split_at_mut(len);
        let (y, rb2) = rb.split_at_mut(len);
        ra = ra2;
        rb = rb2;
        if len > 0 {
            jobs.push((x, y, w[0]));
        }
    }
    let job = |ws: &mut Vec<u32>, (x, y, lo): (&mut [I], &mut [I], usize)| {
        sort_into(x, y, ws);
        leaf(y, lo);
    };
    if parallel && m >= PAR_MIN {
        jobs.into_par_iter().for_each_init(Vec::new, job);
    } else {
        let mut ws = Vec::new();
        for j in jobs {
            job(&mut ws, j);
        }
    }
}

/// Sorts the items of `a` into `b` (as long; `a` is left scrambled). Each level scatters by a
/// digit about as wide as the log of the item count, so that most next buckets hold zero, one or
/// two items; `ws` is a stack of histograms that the recursion shares.
fn sort_into<I: Item>(a: &mut [I], b: &mut [I], ws: &mut Vec<u32>) {
    let n = a.len();
    if n <= SMALL {
        b.copy_from_slice(a);
        insertion_sort(b);
        return;
    }
    if n > u32::MAX as usize {
        a.sort_unstable();
        b.copy_from_slice(a);
        return;
    }
    let (and, or) = and_or(a);
    let want = (usize::BITS - (n - 1).leading_zeros()).clamp(2, DIGIT_MAX);
    let Some(d) = Digit::top(and, or, want) else {
        b.copy_from_slice(a);
        return;
    };
    let nb = d.buckets();
    let base = ws.len();
    ws.resize(base + 2 * nb, 0);
    {
        let (h, off) = ws[base..].split_at_mut(nb);
        for x in a.iter() {
            h[d.of(x.key())] += 1;
        }
        let mut s = 0u32;
        for (o, &c) in off.iter_mut().zip(h.iter()) {
            *o = s;
            s += c;
        }
        for x in a.iter() {
            let k = d.of(x.key());
            // SAFETY: the offsets of bucket k run below the start of bucket k + 1, at most n.
            unsafe { *b.get_unchecked_mut(off[k] as usize) = *x };
            off[k] += 1;
        }
    }
    let mut start = 0;
    for i in 0..nb {
        let len = ws[base + i] as usize;
        if len > SMALL {
            let r = start..start + len;
            sort_into(&mut b[r.clone()], &mut a[r.clone()], ws);
            b[r.clone()].copy_from_slice(&a[r]);
        } else if len > 1 {
            insertion_sort(&mut b[start..start + len]);
        }
        start += len;
    }
    ws.truncate(base);
}

/// Sorts a short run by `Ord` (keys, then positions).
#[inline]
fn insertion_sort<I: Item>(v: &mut [I]) {
    for i in 1..v.len() {
        let x = v[i];
        let mut j = i;
        while j > 0 && x < v[j - 1] {
            v[j] = v[j - 1];
            j -= 1;
        }
        v[j] = x;
    }
}

#[cfg(test)]
mod tests {
    use super::super::radix::tests::lcg;
    use super::*;

    fn sort_keys(v: &[u64], par: bool) -> Vec<u64> {
        let mut a = vec![0u64; v.len()];
        let mut b = vec![0u64; v.len()];
        let p = first_pass(v, |x, _| Some(*x), |_| 0, &mut a, par);
        let mut res = vec![0u64; v.len()];
        let r = SendPtr(res.as_mut_ptr());
        finish(&mut a, &mut b, &p.bounds, p.split, par, |s, lo| {
            for (i, x) in s.iter().enumerate() {
                // SAFETY: leaves cover disjoint ranges of res.
                unsafe { r.get().add(lo + i).write(*x) };
            }
        });
        res
    }

    #[test]
    fn sorts_keys_like_std() {
        for (n, mask) in [
            (0, u64::MAX),
            (1, u64::MAX),
            (5, 3),
            (1000, u64::MAX),
            (300_000, u64::MAX),
            (300_001, 0xfff0ff),
            (200_000, 0),
            (200_000, 1 << 40),
        ] {
            let v = lcg(n, mask);
            let mut want = v.clone();
            want.sort_unstable();
            for par in [false, true] {
                assert_eq!(sort_keys(&v, par), want, "n={n} mask={mask:x}");
            }
        }
    }

    #[test]
    fn pairs_are_stable_and_skipped_items_left_out() {
        let v = lcg(250_000, 0xff00);
        let mut want: Vec<(u64, u64)> = v
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 7 != 3)
            .map(|(i, &k)| (k, i as u64))
            .collect();
        want.sort_by_key(|p| p.0);
        for par in [false, true] {
            let mut a = vec![Pair::default(); v.len()];
            let mut b = vec![Pair::default(); v.len()];
            let make = |x: &u64, i: usize| {
                (i % 7 != 3).then_some(Pair {
                    key: *x,
                    idx: i as u64,
                })
            };
            let p = first_pass(&v, make, |x| ((x >> 8) & 1) as u8, &mut a, par);
            assert_eq!(p.flags, 1);
            let mut res = vec![(0u64, 0u64); want.len()];
            let r = SendPtr(res.as_mut_ptr());
            finish(&mut a, &mut b, &p.bounds, p.split, par, |s, lo| {
                for (i, q) in s.iter().enumerate() {
                    // SAFETY: leaves cover disjoint ranges of res.
                    unsafe { r.get().add(lo + i).write((q.key, q.idx)) };
                }
            });
            assert_eq!(res, want);
        }
    }
}
