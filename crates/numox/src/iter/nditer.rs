//! [`NdIter`]: walks N operands of one (broadcast) shape together as a sequence of 1-D runs.
//!
//! Construction follows NumPy's nditer: drop length-1 axes, flip axes on which every operand
//! walks backwards, order the axes so the innermost is the one with the smallest strides, and
//! coalesce neighbouring axes that are contiguous with each other in every operand. Contiguous
//! operands of any rank then form a single run, and a kernel sees one long 1-D loop with a
//! stride per operand. The element range can be split into pieces for threads
//! ([`NdIter::for_each_range`]).

use crate::layout::{Layout, Strides};
use smallvec::SmallVec;

type Axes = SmallVec<[usize; 8]>;
type Steps = SmallVec<[isize; 8]>;

/// N operands walked together. Operand strides and offsets are in elements of each operand.
pub(crate) struct NdIter<const N: usize> {
    /// Axis lengths after ordering and coalescing, outermost first; empty for a single element.
    shape: Axes,
    /// Per operand, the stride of each axis in `shape`.
    strides: [Steps; N],
    /// Per operand, the position of the first element visited.
    offsets: [isize; N],
    size: usize,
}

impl<const N: usize> NdIter<N> {
    /// Builds the walk. Every layout must already have `shape` (broadcast with stride 0).
    pub(crate) fn new(shape: &[usize], layouts: [&Layout; N]) -> NdIter<N> {
        NdIter::build(shape, layouts, true)
    }

    /// Like [`NdIter::new`] but never flips an axis (NumPy's reductions walk with
    /// `NPY_ITER_DONT_NEGATE_STRIDES`, which fixes their summation order).
    pub(crate) fn new_unflipped(shape: &[usize], layouts: [&Layout; N]) -> NdIter<N> {
        NdIter::build(shape, layouts, false)
    }

    fn build(shape: &[usize], layouts: [&Layout; N], allow_flip: bool) -> NdIter<N> {
        let size: usize = shape.iter().product();
        let mut offsets = [0isize; N];
        for (o, l) in offsets.iter_mut().zip(layouts.iter()) {
            *o = l.offset() as isize;
        }
        // Axes of length > 1 in C order, with each operand's strides.
        let mut axes: Axes = (0..shape.len()).filter(|&a| shape[a] > 1).collect();
        let mut strides: [Steps; N] = std::array::from_fn(|_| Steps::new());
        if size == 0 {
            return NdIter {
                shape: Axes::new(),
                strides,
                offsets,
                size,
            };
        }
        // Flip axes that every operand walks backwards (or not at all).
        let mut flipped: SmallVec<[bool; 8]> = SmallVec::new();
        for &a in &axes {
            let all_neg = allow_flip
                && layouts.iter().all(|l| l.strides()[a] <= 0)
                && layouts.iter().any(|l| l.strides()[a] < 0);
            flipped.push(all_neg);
        }
        // Order axes outermost first: insertion sort, moving an axis inward past another when the
        // operands agree it has the smaller strides (ambiguous pairs keep C order).
        let abs = |op: usize, a: usize| layouts[op].strides()[a].unsigned_abs();
        let mut order: Axes = SmallVec::new();
        for &a in &axes {
            let mut pos = order.len();
            while pos > 0 {
                let b = order[pos - 1];
                // Should `a` (currently inner) move outside `b`?
                let (mut outward, mut inward) = (false, false);
                for op in 0..N {
                    let (sa, sb) = (abs(op, a), abs(op, b));
                    if sa == 0 || sb == 0 {
                        continue;
                    }
                    if sa > sb {
                        outward = true;
                    } else if sa < sb {
                        inward = true;
                    }
                }
                if outward && !inward {
                    pos -= 1;
                } else {
                    break;
                }
            }
            order.insert(pos, a);
        }
        let flip_of = |a: usize| flipped[axes.iter().position(|&x| x == a).unwrap_or(0)];
        for &a in &order {
            let flip = flip_of(a);
            for op in 0..N {
                let s = layouts[op].strides()[a];
                if flip {
                    offsets[op] += (shape[a] as isize - 1) * s;
                    strides[op].push(-s);
                } else {
                    strides[op].push(s);
                }
            }
        }
        axes = order.iter().map(|&a| shape[a]).collect();
        // Coalesce: merge an outer axis into the next inner one when contiguous for everyone.
        let mut k = axes.len();
        while k >= 2 {
            let (outer, inner) = (k - 2, k - 1);
            let mergeable =
                (0..N).all(|op| strides[op][outer] == strides[op][inner] * axes[inner] as isize);
            if mergeable {
                axes[outer] *= axes[inner];
                axes.remove(inner);
                for s in strides.iter_mut() {
                    let si = s[inner];
                    s[outer] = si;
                    s.remove(inner);
                }
            }
            k -= 1;
        }
        NdIter {
            shape: axes,
            strides,
            offsets,
            size,
        }
    }

    /// Number of elements walked.
    pub(crate) fn size(&self) -> usize {
        self.size
    }

    /// Number of (coalesced) axes; 1 means one long run.
    #[allow(dead_code)]
    pub(crate) fn ndim(&self) -> usize {
        self.shape.len()
    }

    /// Calls `f(offsets, len, strides)` for every run, covering elements `start..end` of the walk
    /// order (runs are cut at the range's ends).
    pub(crate) fn for_each_range(
        &self,
        start: usize,
        end: usize,
        mut f: impl FnMut([isize; N], usize, [isize; N]),
    ) {
        let end = end.min(self.size);
        if start >= end {
            return;
        }
        let nd = self.shape.len();
        if nd == 0 {
            f(self.offsets, 1, [0; N]);
            return;
        }
        let inner_len = self.shape[nd - 1];
        let inner: [isize; N] = std::array::from_fn(|op| self.strides[op][nd - 1]);
        // Unravel `start` into a multi-index and the matching offsets.
        let mut idx: SmallVec<[usize; 8]> = SmallVec::from_elem(0, nd);
        let mut rem = start;
        for k in (0..nd).rev() {
            idx[k] = rem % self.shape[k];
            rem /= self.shape[k];
        }
        let mut off = self.offsets;
        for (k, &i) in idx.iter().enumerate() {
            for (op, o) in off.iter_mut().enumerate() {
                *o += i as isize * self.strides[op][k];
            }
        }
        let mut pos = start;
        while pos < end {
            let j = idx[nd - 1];
            let len = (inner_len - j).min(end - pos);
            f(off, len, inner);
            pos += len;
            if pos >= end {
                break;
            }
            // Move to the start of the next run.
            for (op, o) in off.iter_mut().enumerate() {
                *o += (inner_len - j) as isize * self.strides[op][nd - 1]
                    - inner_len as isize * self.strides[op][nd - 1];
            }
            idx[nd - 1] = 0;
            let mut k = nd - 1;
            loop {
                if k == 0 {
                    return;
                }
                k -= 1;
                idx[k] += 1;
                for (op, o) in off.iter_mut().enumerate() {
                    *o += self.strides[op][k];
                }
                if idx[k] < self.shape[k] {
                    break;
                }
                for (op, o) in off.iter_mut().enumerate() {
                    *o -= self.shape[k] as isize * self.strides[op][k];
                }
                idx[k] = 0;
            }
        }
    }

    /// Calls `f` for every run of the whole walk.
    #[allow(dead_code)]
    pub(crate) fn for_each(&self, f: impl FnMut([isize; N], usize, [isize; N])) {
        self.for_each_range(0, self.size, f)
    }
}

/// Contiguous strides for a new array of `shape` whose memory order follows the inputs' (NumPy's
/// `order='K'`): C order unless the inputs prefer another axis order, never negative.
pub(crate) fn k_order_strides(shape: &[usize], inputs: &[&Layout]) -> Strides {
    let nd = shape.len();
    let mut order: Axes = SmallVec::new();
    for a in 0..nd {
        let mut pos = order.len();
        while pos > 0 {
            let b = order[pos - 1];
            let (mut outward, mut inward) = (false, false);
            for l in inputs {
                let (sa, sb) = (l.strides()[a].unsigned_abs(), l.strides()[b].unsigned_abs());
                if sa == 0 || sb == 0 || shape[a] <= 1 || shape[b] <= 1 {
                    continue;
                }
                if sa > sb {
                    outward = true;
                } else if sa < sb {
                    inward = true;
                }
            }
            if outward && !inward {
                pos -= 1;
            } else {
                break;
            }
        }
        order.insert(pos, a);
    }
    let mut strides: Strides = smallvec::smallvec![0; nd];
    let mut acc = 1isize;
    for &a in order.iter().rev() {
        strides[a] = acc;
        acc *= shape[a].max(1) as isize;
    }
    strides
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every (operand offsets) tuple visited, in walk order.
    fn visits<const N: usize>(it: &NdIter<N>, start: usize, end: usize) -> Vec<[isize; N]> {
        let mut v = vec![];
        it.for_each_range(start, end, |off, len, st| {
            for k in 0..len as isize {
                v.push(std::array::from_fn(|op| off[op] + k * st[op]));
            }
        });
        v
    }

    #[test]
    fn contiguous_operands_coalesce_to_one_run() {
        let l = Layout::contiguous(&[3, 4, 5]);
        let it = NdIter::new(&[3, 4, 5], [&l, &l]);
        assert_eq!(it.ndim(), 1);
        let mut runs = 0;
        it.for_each(|_, len, st| {
            runs += 1;
            assert_eq!((len, st), (60, [1, 1]));
        });
        assert_eq!(runs, 1);
    }

    #[test]
    fn f_order_operands_walk_in_memory_order() {
        let f = Layout::with_order(&[3, 4], crate::Order::F);
        let it = NdIter::new(&[3, 4], [&f, &f]);
        assert_eq!(it.ndim(), 1);
        let v = visits(&it, 0, 12);
        assert_eq!(v[1], [1, 1]);
    }

    #[test]
    fn reversed_operands_are_flipped() {
        let r = Layout::contiguous(&[6]).sliced(0, None, None, -1).unwrap();
        let it = NdIter::new(&[6], [&r]);
        let v = visits(&it, 0, 6);
        assert_eq!(v, (0..6).map(|k| [k]).collect::<Vec<_>>());
    }

    #[test]
    fn broadcast_and_mixed_layouts_visit_matching_elements() {
        // out C (2,3,4); a is F-ordered (2,3,4); b is a (4,) row broadcast.
        let shape = [2, 3, 4];
        let out = Layout::contiguous(&shape);
        let a = Layout::with_order(&shape, crate::Order::F);
        let b = Layout::contiguous(&[4]).broadcast_to(&shape).unwrap();
        let it = NdIter::new(&shape, [&out, &a, &b]);
        let mut seen = [false; 24];
        for [o, x, y] in visits(&it, 0, 24) {
            // Recover the multi-index from the C-order output offset and check the others.
            let (i, j, k) = (o / 12, (o / 4) % 3, o % 4);
            assert_eq!(x, i + 2 * j + 6 * k);
            assert_eq!(y, k);
            seen[o as usize] = true;
        }
        assert!(seen.iter().all(|&s| s));
    }

    #[test]
    fn ranges_split_anywhere_cover_everything_once() {
        let shape = [3, 5, 7];
        let a = Layout::contiguous(&[3, 5, 14])
            .sliced(2, None, None, 2)
            .unwrap();
        let b = Layout::contiguous(&shape)
            .transposed()
            .permuted(&[2, 1, 0])
            .unwrap();
        let it = NdIter::new(&shape, [&a, &b]);
        let whole = visits(&it, 0, 105);
        for cut in [1, 6, 7, 34, 35, 104] {
            let mut parts = visits(&it, 0, cut);
            parts.extend(visits(&it, cut, 105));
            assert_eq!(parts, whole, "cut at {cut}");
        }
    }

    #[test]
    fn zero_d_and_empty() {
        let z = Layout::contiguous(&[]);
        let it = NdIter::new(&[], [&z, &z]);
        assert_eq!(visits(&it, 0, 1), vec![[0, 0]]);
        let e = Layout::contiguous(&[3, 0]);
        let it = NdIter::new(&[3, 0], [&e]);
        assert_eq!(it.size(), 0);
        assert!(visits(&it, 0, 10).is_empty());
    }

    #[test]
    fn k_order_follows_the_inputs() {
        let f = Layout::with_order(&[3, 4], crate::Order::F);
        assert_eq!(k_order_strides(&[3, 4], &[&f, &f]).as_slice(), &[1, 3]);
        let c = Layout::contiguous(&[3, 4]);
        assert_eq!(k_order_strides(&[3, 4], &[&c, &f]).as_slice(), &[4, 1]);
        let r = Layout::contiguous(&[3, 4])
            .sliced(1, None, None, -1)
            .unwrap();
        assert_eq!(k_order_strides(&[3, 4], &[&r]).as_slice(), &[4, 1]);
        let b = Layout::contiguous(&[4]).broadcast_to(&[3, 4]).unwrap();
        assert_eq!(k_order_strides(&[3, 4], &[&b, &f]).as_slice(), &[1, 3]);
    }
}
