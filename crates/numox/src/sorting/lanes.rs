//! The lanes of an array along an axis: a fresh C-ordered copy with the axis moved last (or
//! the flattened array), worked on one lane at a time, then viewed back with the axis in place.

use crate::array::Array;
use crate::dtype::Element;
use crate::error::Result;
use crate::layout::{normalize_axis, Order};
use crate::manip::{moveaxis, ravel};
use rayon::prelude::*;

/// Below this many elements in all, lanes are worked on by one thread.
const PAR_LANES_MIN: usize = 1 << 15;

/// The lanes of `a`: a fresh C-ordered array with `axis` moved last, or the flattened array for
/// `None`; with the axis it came from (`None`: the result stays flat).
pub(crate) struct Lanes {
    pub(crate) work: Array,
    pub(crate) axis: Option<usize>,
}

impl Lanes {
    /// Copies the lanes of `a` along `axis` (NumPy's axis rules: `None` flattens, a 0-d array
    /// has no axis -1).
    pub(crate) fn new(a: &Array, axis: Option<isize>) -> Result<Lanes> {
        match axis {
            None => {
                let flat = ravel(a, Order::C);
                let work = if flat.shares_buffer(a) {
                    flat.copy()
                } else {
                    flat
                };
                Ok(Lanes { work, axis: None })
            }
            Some(ax) => {
                let ax = normalize_axis(ax, a.ndim())?;
                let work = if ax + 1 == a.ndim() {
                    a.copy()
                } else {
                    moveaxis(a, &[ax as isize], &[-1])?.copy()
                };
                Ok(Lanes {
                    work,
                    axis: Some(ax),
                })
            }
        }
    }

    /// The length of one lane.
    pub(crate) fn len(&self) -> usize {
        self.work.shape().last().copied().unwrap_or(1)
    }

    /// Views `r`, an array of the lanes' shape, with the axis back in its place.
    pub(crate) fn restore(&self, r: Array) -> Result<Array> {
        match self.axis {
            Some(ax) if ax + 1 != r.ndim() => moveaxis(&r, &[-1], &[ax as isize]),
            _ => Ok(r),
        }
    }
}

/// Runs `f` on every lane of `len` elements of `v` (with the lane's index), sharing the lanes
/// between threads when there are many elements, and telling `f` whether it is the only lane
/// (which may then use every thread itself).
pub(crate) fn for_lanes<T: Element>(
    v: &mut [T],
    len: usize,
    f: impl Fn(usize, &mut [T], bool) + Sync + Send,
) {
    if len == 0 || v.is_empty() {
        return;
    }
    if v.len() == len {
        f(0, v, true);
    } else if v.len() >= PAR_LANES_MIN {
        v.par_chunks_mut(len)
            .enumerate()
            .for_each(|(i, lane)| f(i, lane, false));
    } else {
        for (i, lane) in v.chunks_mut(len).enumerate() {
            f(i, lane, false);
        }
    }
}
