//! From a list of [`Idx`] to what it selects. Basic items (integers, slices, new axes, the
//! ellipsis) resolve into a [`Layout`] by [`select_layout`], a pure function of the layout; array
//! items become a [`Plan`]: that view, plus the integer index arrays applied to some of its axes
//! and where their broadcast dimensions land.

use super::item::Idx;
use crate::array::Array;
use crate::dtype::DType;
use crate::error::{fmt_shape, Error, Result};
use crate::layout::{broadcast_shapes, Dims, Layout, Strides};

/// A basic index item, as [`select_layout`] takes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basic {
    /// One position (negative from the end); removes the axis.
    Int(isize),
    /// `start:stop:step` with Python's rules.
    Slice(Option<isize>, Option<isize>, isize),
    /// A new axis of length 1.
    NewAxis,
    /// The ellipsis: full slices for the axes the other items leave.
    Ellipsis,
    /// An axis kept whole for an advanced (array) index applied afterwards.
    Keep,
    /// A new axis of length 1 kept for an advanced index (a 0-d boolean).
    NewKeep,
}

impl Basic {
    /// How many axes of the input the item consumes.
    fn consumes(self) -> usize {
        match self {
            Basic::Int(_) | Basic::Slice(..) | Basic::Keep => 1,
            _ => 0,
        }
    }
}

/// Where a [`Basic::Keep`] or [`Basic::NewKeep`] item ended up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kept {
    /// The axis of the resulting layout.
    pub axis: usize,
    /// The axis of the input layout (for error messages); a new axis reports the next one.
    pub source: usize,
}

/// Checks the count of consumed axes and ellipses (NumPy's messages).
fn check_counts(items: &[Basic], ndim: usize) -> Result<()> {
    let used: usize = items.iter().map(|b| b.consumes()).sum();
    if items.iter().filter(|b| **b == Basic::Ellipsis).count() > 1 {
        return Err(Error::IndexOther(
            "an index can only have a single ellipsis ('...')".into(),
        ));
    }
    if used > ndim {
        return Err(Error::IndexOther(format!(
            "too many indices for array: array is {ndim}-dimensional, but {used} were indexed"
        )));
    }
    Ok(())
}

/// Resolves basic items against a layout: the selected layout, and for every `Keep`/`NewKeep`
/// item (in order) where it landed. Axes the items do not reach are kept whole at the end.
///
/// ```
/// use numox::index::{select_layout, Basic};
/// use numox::layout::Layout;
/// let l = Layout::contiguous(&[4, 5]);
/// let (v, _) = select_layout(&l, &[Basic::Slice(None, None, -2), Basic::NewAxis, Basic::Int(-1)])
///     .unwrap();
/// assert_eq!((v.shape(), v.strides(), v.offset()), (&[2usize, 1][..], &[-10isize, 0][..], 19));
/// let e = select_layout(&l, &[Basic::Int(0), Basic::Int(5)]).unwrap_err();
/// assert_eq!(e.to_string(), "index 5 is out of bounds for axis 1 with size 5");
/// ```
pub fn select_layout(l: &Layout, items: &[Basic]) -> Result<(Layout, Vec<Kept>)> {
    let nd = l.ndim();
    check_counts(items, nd)?;
    let used: usize = items.iter().map(|b| b.consumes()).sum();
    let mut shape = Dims::new();
    let mut strides = Strides::new();
    let mut kept = Vec::new();
    let mut off = l.offset() as isize;
    let mut src = 0usize;
    let mut empty = false;
    let mut slices = Vec::new();
    for &item in items {
        match item {
            Basic::Int(i) => {
                let n = l.shape()[src];
                let j = if i < 0 { i + n as isize } else { i };
                if j < 0 || j >= n as isize {
                    return Err(Error::Index {
                        index: i as i64,
                        axis: src,
                        size: n,
                    });
                }
                off += j * l.strides()[src];
                src += 1;
            }
            Basic::Slice(start, stop, step) => {
                slices.push((shape.len(), start, stop, step));
                shape.push(l.shape()[src]);
                strides.push(l.strides()[src]);
                src += 1;
            }
            Basic::Keep => {
                kept.push(Kept {
                    axis: shape.len(),
                    source: src,
                });
                shape.push(l.shape()[src]);
                strides.push(l.strides()[src]);
                src += 1;
            }
            Basic::NewAxis | Basic::NewKeep => {
                if item == Basic::NewKeep {
                    kept.push(Kept {
                        axis: shape.len(),
                        source: src,
                    });
                }
                shape.push(1);
                strides.push(0);
            }
            Basic::Ellipsis => {
                for _ in 0..nd - used {
                    shape.push(l.shape()[src]);
                    strides.push(l.strides()[src]);
                    src += 1;
                }
            }
        }
    }
    while src < nd {
        shape.push(l.shape()[src]);
        strides.push(l.strides()[src]);
        src += 1;
    }
    // Slices are resolved once every axis is placed: an empty result keeps the input's offset
    // (it addresses nothing, and the offset must stay inside the buffer).
    for (axis, start, stop, step) in slices {
        let n = shape[axis];
        let (first, len) = crate::layout::slice_indices(n, start, stop, step)?;
        if len > 0 {
            off += first as isize * strides[axis];
        } else {
            empty = true;
        }
        shape[axis] = len;
        strides[axis] *= step;
    }
    if empty || shape.contains(&0) {
        // An empty view addresses nothing: keep the offset inside the buffer.
        off = l.offset() as isize;
    }
    Ok((Layout::from_parts(&shape, &strides, off as usize), kept))
}

/// One advanced index: an integer array applied to an axis of the plan's view.
pub(crate) struct Advanced {
    /// Axis of the view it indexes.
    pub axis: usize,
    /// Axis of the input (for error messages).
    pub source: usize,
    /// The index values (any integer dtype, any shape broadcastable to the plan's).
    pub index: Array,
}

/// What a mixed index selects: the basic view, the advanced indices on some of its axes, their
/// broadcast shape, and where that shape lands in the result.
pub(crate) struct Plan {
    /// The layout after the basic items; advanced axes are kept whole.
    pub view: Layout,
    /// The advanced indices, in increasing `axis` order.
    pub adv: Vec<Advanced>,
    /// Their broadcast shape.
    pub bshape: Dims,
    /// Result position of the broadcast dimensions: the first advanced axis when the advanced
    /// indices are adjacent, else 0 (NumPy's rule).
    pub at: usize,
}

/// What an index selects: a view (basic items only), a whole-array boolean mask, or a plan.
pub(crate) enum Selection {
    /// Basic items only: this layout.
    View(Layout),
    /// One boolean array of the array's own shape (`a[mask]`), C-ordered selection.
    Mask(Array),
    /// Anything with an integer or partial boolean array.
    Plan(Plan),
}

pub(crate) fn not_integer() -> Error {
    Error::IndexOther("arrays used as indices must be of integer (or boolean) type".into())
}

/// Parses an index against a layout.
pub(crate) fn select(l: &Layout, items: &[Idx]) -> Result<Selection> {
    select_with(l, items, true)
}

/// Parses an index into a plan even for a whole-array mask (or a view for basic items).
pub(crate) fn select_plan(l: &Layout, items: &[Idx]) -> Result<Selection> {
    select_with(l, items, false)
}

fn select_with(l: &Layout, items: &[Idx], mask_ok: bool) -> Result<Selection> {
    let has_array = items.iter().any(Idx::is_advanced);
    if !has_array {
        let basic: Vec<Basic> = items.iter().map(to_basic).collect();
        return Ok(Selection::View(select_layout(l, &basic)?.0));
    }
    // A single boolean array covering the whole array (possibly followed by `...`).
    if let (true, [Idx::Array(m), rest @ ..]) = (mask_ok, items)
        && m.dtype() == DType::Bool
        && m.ndim() > 0
        && m.shape() == l.shape()
        && rest.iter().all(|i| matches!(i, Idx::Ellipsis))
        && rest.len() <= 1
    {
        return Ok(Selection::Mask(m.clone()));
    }
    let mut basic = Vec::with_capacity(items.len());
    // Per Keep/NewKeep item in order: the integer array it takes, or the mask and which of its
    // dimensions, or a 0-d bool's value.
    enum Src<'a> {
        Ints(Array),
        MaskDim(&'a Array),
        Bool0(bool),
    }
    let mut srcs = Vec::new();
    for item in items {
        match item {
            Idx::Array(a) if a.dtype() == DType::Bool && a.ndim() == 0 => {
                basic.push(Basic::NewKeep);
                srcs.push(Src::Bool0(a.item_as::<bool>()?));
            }
            Idx::Array(a) if a.dtype() == DType::Bool => {
                for _ in 0..a.ndim() {
                    basic.push(Basic::Keep);
                    srcs.push(Src::MaskDim(a));
                }
            }
            Idx::Array(a) if a.dtype().is_integer() => {
                basic.push(Basic::Keep);
                srcs.push(Src::Ints(a.clone()));
            }
            Idx::Array(_) => return Err(not_integer()),
            Idx::Int(i) => {
                basic.push(Basic::Keep);
                srcs.push(Src::Ints(Array::scalar(*i as i64)));
            }
            other => basic.push(to_basic(other)),
        }
    }
    let (view, kept) = select_layout(l, &basic)?;
    // Masks: check their shape against the axes they cover, then take their nonzero positions.
    let mut adv: Vec<Advanced> = Vec::with_capacity(kept.len());
    let mut k = 0;
    while k < kept.len() {
        match &srcs[k] {
            Src::Ints(a) => {
                adv.push(Advanced {
                    axis: kept[k].axis,
                    source: kept[k].source,
                    index: a.clone(),
                });
                k += 1;
            }
            Src::Bool0(b) => {
                let idx = Array::from_vec(if *b { vec![0i64] } else { vec![] });
                adv.push(Advanced {
                    axis: kept[k].axis,
                    source: kept[k].source,
                    index: idx,
                });
                k += 1;
            }
            Src::MaskDim(m) => {
                for d in 0..m.ndim() {
                    let (n, mb) = (view.shape()[kept[k + d].axis], m.shape()[d]);
                    if n != mb {
                        return Err(Error::IndexOther(format!(
                            "boolean index did not match indexed array along axis {}; size of axis is {n} but size of corresponding boolean axis is {mb}",
                            kept[k + d].source
                        )));
                    }
                }
                let nz = super::nonzero::nonzero(m)?;
                for (d, idx) in nz.into_iter().enumerate() {
                    adv.push(Advanced {
                        axis: kept[k + d].axis,
                        source: kept[k + d].source,
                        index: idx,
                    });
                }
                k += m.ndim();
            }
        }
    }
    let shapes: Vec<&[usize]> = adv.iter().map(|a| a.index.shape()).collect();
    let bshape = broadcast_shapes(&shapes).map_err(|_| {
        let parts: Vec<String> = shapes.iter().map(|s| fmt_shape(s)).collect();
        Error::IndexOther(format!(
            "shape mismatch: indexing arrays could not be broadcast together with shapes {} ",
            parts.join(" ")
        ))
    })?;
    let first = adv.first().map_or(0, |a| a.axis);
    let adjacent = adv.iter().enumerate().all(|(j, a)| a.axis == first + j);
    Ok(Selection::Plan(Plan {
        view,
        adv,
        bshape,
        at: if adjacent { first } else { 0 },
    }))
}

fn to_basic(i: &Idx) -> Basic {
    match *i {
        Idx::Int(k) => Basic::Int(k),
        Idx::Slice { start, stop, step } => Basic::Slice(start, stop, step),
        Idx::NewAxis => Basic::NewAxis,
        Idx::Ellipsis => Basic::Ellipsis,
        Idx::Array(_) => Basic::Keep,
    }
}

impl Plan {
    /// The axes of the view not indexed by an array, in order.
    pub(crate) fn rest_axes(&self) -> Vec<usize> {
        (0..self.view.ndim())
            .filter(|ax| !self.adv.iter().any(|a| a.axis == *ax))
            .collect()
    }

    /// The result shape: the rest axes with the broadcast shape inserted at `at`.
    pub(crate) fn result_shape(&self) -> Dims {
        let rest = self.rest_axes();
        let mut shape = Dims::new();
        let before = rest.iter().filter(|&&ax| ax < self.at).count();
        let before = if self.at == 0 { 0 } else { before };
        for &ax in &rest[..before] {
            shape.push(self.view.shape()[ax]);
        }
        shape.extend_from_slice(&self.bshape);
        for &ax in &rest[before..] {
            shape.push(self.view.shape()[ax]);
        }
        shape
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ellipsis_fills_the_middle_and_negative_steps_move_the_offset() {
        let l = Layout::contiguous(&[2, 3, 4]);
        let (v, _) = select_layout(
            &l,
            &[Basic::Int(1), Basic::Ellipsis, Basic::Slice(None, None, -1)],
        )
        .unwrap();
        assert_eq!(v.shape(), &[3, 4]);
        assert_eq!(v.strides(), &[4, -1]);
        assert_eq!(v.offset(), 15);
    }

    #[test]
    fn errors_read_like_numpy() {
        let l = Layout::contiguous(&[3]);
        let e = select_layout(&l, &[Basic::Int(0), Basic::Int(0)]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "too many indices for array: array is 1-dimensional, but 2 were indexed"
        );
        let e = select_layout(&l, &[Basic::Ellipsis, Basic::Ellipsis]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "an index can only have a single ellipsis ('...')"
        );
        let e = select_layout(&l, &[Basic::Slice(None, None, 0)]).unwrap_err();
        assert_eq!(e.to_string(), "slice step cannot be zero");
    }

    #[test]
    fn kept_axes_report_their_positions() {
        let l = Layout::contiguous(&[2, 3, 4]);
        let (v, kept) = select_layout(
            &l,
            &[Basic::NewAxis, Basic::Int(0), Basic::Keep, Basic::NewKeep],
        )
        .unwrap();
        assert_eq!(v.shape(), &[1, 3, 1, 4]);
        assert_eq!(
            kept,
            vec![Kept { axis: 1, source: 1 }, Kept { axis: 2, source: 2 }]
        );
    }

    #[test]
    fn empty_slices_keep_the_offset() {
        let l = Layout::from_parts(&[4], &[-1], 3);
        let (v, _) = select_layout(&l, &[Basic::Slice(Some(10), None, 1)]).unwrap();
        assert_eq!((v.shape(), v.offset()), (&[0usize][..], 3));
    }
}
