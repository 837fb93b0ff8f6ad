//! Walking one layout in C order as a sequence of 1-D runs. Trailing axes that are contiguous with
//! each other are merged first, so a contiguous layout is a single run.

use super::Layout;

/// A 1-D stretch of elements: `len` elements starting at `offset`, `stride` apart.
///
/// ```
/// use numox::layout::{for_each_run, Layout, Run};
/// let mut runs = vec![];
/// for_each_run(&Layout::contiguous(&[2, 3]).transposed(), |r| runs.push(r));
/// assert_eq!(runs[0], Run { offset: 0, len: 2, stride: 3 });
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    /// Buffer position of the first element, in elements.
    pub offset: usize,
    /// Number of elements.
    pub len: usize,
    /// Distance between consecutive elements, in elements.
    pub stride: isize,
}

/// Calls `f` for each run of the layout, in C (row-major) order of the logical elements.
///
/// ```
/// use numox::layout::{for_each_run, Layout};
/// let l = Layout::contiguous(&[3, 4]).sliced(1, None, Some(2), 1).unwrap();
/// let mut runs = vec![];
/// for_each_run(&l, |r| runs.push((r.offset, r.len)));
/// assert_eq!(runs, vec![(0, 2), (4, 2), (8, 2)]);
/// ```
pub fn for_each_run(l: &Layout, mut f: impl FnMut(Run)) {
    let size = l.size();
    if size == 0 {
        return;
    }
    // Merge trailing axes while they are contiguous in C order (skipping length-1 axes).
    let mut shape: smallvec::SmallVec<[usize; 8]> = smallvec::SmallVec::new();
    let mut strides: smallvec::SmallVec<[isize; 8]> = smallvec::SmallVec::new();
    for (&n, &s) in l.shape().iter().zip(l.strides()) {
        if n == 1 {
            continue;
        }
        if let (Some(&pn), Some(&ps)) = (shape.last(), strides.last()) {
            let _ = pn;
            if ps == s * n as isize {
                let k = shape.len() - 1;
                shape[k] *= n;
                strides[k] = s;
                continue;
            }
        }
        shape.push(n);
        strides.push(s);
    }
    let Some((&inner_len, outer_shape)) = shape.split_last() else {
        f(Run {
            offset: l.offset(),
            len: 1,
            stride: 1,
        });
        return;
    };
    let inner_stride = strides[strides.len() - 1];
    let outer_strides = &strides[..strides.len() - 1];
    let nd = outer_shape.len();
    let mut idx: smallvec::SmallVec<[usize; 8]> = smallvec::smallvec![0; nd];
    let mut off = l.offset() as isize;
    loop {
        f(Run {
            offset: off as usize,
            len: inner_len,
            stride: inner_stride,
        });
        // Odometer increment over the outer axes.
        let mut k = nd;
        loop {
            if k == 0 {
                return;
            }
            k -= 1;
            idx[k] += 1;
            off += outer_strides[k];
            if idx[k] < outer_shape[k] {
                break;
            }
            off -= outer_strides[k] * outer_shape[k] as isize;
            idx[k] = 0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offsets(l: &Layout) -> Vec<usize> {
        let mut v = vec![];
        for_each_run(l, |r| {
            for k in 0..r.len {
                v.push((r.offset as isize + k as isize * r.stride) as usize)
            }
        });
        v
    }

    #[test]
    fn contiguous_is_one_run() {
        let mut n = 0;
        for_each_run(&Layout::contiguous(&[2, 3, 4]), |r| {
            n += 1;
            assert_eq!(r.len, 24);
        });
        assert_eq!(n, 1);
    }

    #[test]
    fn transposed_and_reversed_orders() {
        let t = Layout::contiguous(&[2, 3]).transposed();
        assert_eq!(offsets(&t), vec![0, 3, 1, 4, 2, 5]);
        let r = Layout::contiguous(&[2, 3])
            .sliced(0, None, None, -1)
            .unwrap();
        assert_eq!(offsets(&r), vec![3, 4, 5, 0, 1, 2]);
        let z = Layout::contiguous(&[]);
        assert_eq!(offsets(&z), vec![0]);
        let e = Layout::contiguous(&[3, 0]);
        assert_eq!(offsets(&e), Vec::<usize>::new());
        let b = Layout::contiguous(&[3]).broadcast_to(&[2, 3]).unwrap();
        assert_eq!(offsets(&b), vec![0, 1, 2, 0, 1, 2]);
    }
}
