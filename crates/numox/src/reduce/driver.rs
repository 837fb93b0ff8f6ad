//! The reduction driver. A reduction is an elementwise walk of the input together with an output
//! whose stride is 0 along the reduced axes (NumPy's reduction iterator). Each run of the walk is
//! either a run along a reduced axis — the fold reduces it into one output element (NumPy's inner
//! loop with a stride-0 output: pairwise for sums) — or a run along a kept axis, where each
//! output element takes one input element (`out[j] += a[i, j]`, row after row).
//!
//! Axes are not flipped for negative strides (NumPy's `NPY_ITER_DONT_NEGATE_STRIDES`), so the
//! order of every accumulation is NumPy's for contiguous (C or F) inputs. Large reductions split
//! the longest kept axis across two threads: each output element still sees its input in the
//! same order, so the bits do not depend on the split.

use super::axes::{Axes, AxisList};
use crate::array::Array;
use crate::dtype::Element;
use crate::error::Result;
use crate::iter::NdIter;
use crate::layout::{Dims, Layout};
use crate::ufunc::engine::new_contiguous;

/// Input elements at or above which a reduction with a kept axis is split across two threads.
pub(crate) const PAR_MIN: usize = 1 << 17;

/// One reduction's element combination.
pub(crate) trait Fold<T: Element>: Sync {
    /// The output element type.
    type Out: Element;
    /// A per-output value handed to every call (the mean, for the variance); `()` when unused.
    type Aux: Copy + Default + Send + Sync;
    /// `acc` combined with the reduction of the `n` elements at `p` with stride `s`.
    ///
    /// # Safety
    /// `p` must be valid for `n` reads at stride `s`.
    unsafe fn run(
        &self,
        acc: Self::Out,
        aux: Self::Aux,
        p: *const T,
        n: usize,
        s: isize,
    ) -> Self::Out;
    /// `acc` combined with one element.
    fn elem(&self, acc: Self::Out, aux: Self::Aux, x: T) -> Self::Out;
}

/// The axes and shapes of one reduction.
#[derive(Debug, Clone)]
pub(crate) struct Plan {
    /// The reduced axes, sorted.
    pub(crate) axes: AxisList,
    /// The output shape with the reduced axes kept as 1.
    pub(crate) keep: Dims,
    /// The shape of the result (`keep` without the reduced axes unless `keepdims`).
    pub(crate) out: Dims,
    /// Elements reduced into each output element.
    pub(crate) count: usize,
}

impl Plan {
    /// The plan for reducing `a` over `axes`.
    pub(crate) fn new(a: &Array, axes: &Axes) -> Result<Plan> {
        let list = axes.resolve(a.ndim())?;
        let shape = a.shape();
        let keep: Dims = (0..shape.len())
            .map(|i| if list.contains(&i) { 1 } else { shape[i] })
            .collect();
        let out: Dims = Dims::from_slice(&axes.out_shape(shape)?);
        let count = list.iter().map(|&i| shape[i]).product();
        Ok(Plan {
            axes: list,
            keep,
            out,
            count,
        })
    }

    /// A fresh output of the keepdims shape, every element `init`.
    pub(crate) fn new_out<O: Element>(&self, init: O) -> Result<Array> {
        let mut out = new_contiguous(&self.keep, O::DTYPE)?;
        out.as_slice_mut::<O>()?.fill(init);
        Ok(out)
    }

    /// The output reshaped to the result shape.
    pub(crate) fn finish(&self, out: Array) -> Array {
        out.with_owned_layout(Layout::contiguous(&self.out))
    }
}

/// Addresses as integers, so that rayon workers can share them.
#[derive(Clone, Copy)]
struct Ptrs(usize, usize);

/// Folds `a` into `out` (the plan's keepdims shape, C-contiguous, held uniquely, filled with the
/// initial values). `aux` is empty or holds one value per output element.
pub(crate) fn fold_into<T: Element, F: Fold<T>>(
    a: &Array,
    plan: &Plan,
    out: &mut Array,
    aux: &[F::Aux],
    f: &F,
) -> Result<()> {
    a.check_dtype::<T>()?;
    out.make_unique()?;
    let shape = a.shape();
    let lo = Layout::contiguous(&plan.keep).broadcast_to(shape)?;
    let p = Ptrs(out.base_ptr_mut() as usize, a.base_ptr() as usize);
    let walk = |lo: &Layout, la: &Layout| {
        let it = NdIter::new_unflipped(lo.shape(), [lo, la]);
        it.for_each(|off, len, st| {
            let (o, x) = (p.0 as *mut F::Out, p.1 as *const T);
            let aux_at = |k: isize| aux.get(k as usize).copied().unwrap_or_default();
            // SAFETY: the walk stays inside both layouts, which stay inside their buffers; the
            // output is held uniquely and the two halves of a split write disjoint elements.
            unsafe {
                let (o, x) = (o.offset(off[0]), x.offset(off[1]));
                if st[0] == 0 {
                    *o = f.run(*o, aux_at(off[0]), x, len, st[1]);
                } else if st[0] == 1 && st[1] == 1 && aux.is_empty() {
                    let (o, x) = (
                        std::slice::from_raw_parts_mut(o, len),
                        std::slice::from_raw_parts(x, len),
                    );
                    for (o, &x) in o.iter_mut().zip(x) {
                        *o = f.elem(*o, F::Aux::default(), x);
                    }
                } else if st[0] == 1 && st[1] == 1 {
                    let at = off[0] as usize;
                    let (o, x) = (
                        std::slice::from_raw_parts_mut(o, len),
                        std::slice::from_raw_parts(x, len),
                    );
                    for ((o, &x), &m) in o.iter_mut().zip(x).zip(&aux[at..at + len]) {
                        *o = f.elem(*o, m, x);
                    }
                } else {
                    for k in 0..len as isize {
                        let ok = o.offset(k * st[0]);
                        *ok = f.elem(*ok, aux_at(off[0] + k * st[0]), *x.offset(k * st[1]));
                    }
                }
            }
        });
    };
    // A C-contiguous input reduced over leading axes (`X.sum(0)`): rows folded four at a time,
    // so the output is loaded and stored once per four rows; each column still sees its rows in
    // order, as NumPy's loop does.
    let k = plan.axes.len();
    if aux.is_empty()
        && a.is_c_contiguous()
        && k < shape.len()
        && plan.axes.iter().enumerate().all(|(i, &ax)| i == ax)
    {
        let rows: usize = shape[..k].iter().product();
        let cols: usize = shape[k..].iter().product();
        let fold_cols = |c0: usize, c1: usize| {
            let (o, x) = (p.0 as *mut F::Out, p.1 as *const T);
            // SAFETY: the input is C-contiguous with `rows * cols` elements from its base
            // pointer; the output holds `cols` elements, held uniquely, and the column ranges
            // of the two threads are disjoint.
            unsafe {
                let o = std::slice::from_raw_parts_mut(o.add(c0), c1 - c0);
                let row = |r: usize| std::slice::from_raw_parts(x.add(r * cols + c0), c1 - c0);
                let mut r = 0;
                while r + 4 <= rows {
                    let (x0, x1, x2, x3) = (row(r), row(r + 1), row(r + 2), row(r + 3));
                    for j in 0..o.len() {
                        let d = F::Aux::default();
                        let v = f.elem(f.elem(o[j], d, x0[j]), d, x1[j]);
                        o[j] = f.elem(f.elem(v, d, x2[j]), d, x3[j]);
                    }
                    r += 4;
                }
                for r in r..rows {
                    for (o, &x) in o.iter_mut().zip(row(r)) {
                        *o = f.elem(*o, F::Aux::default(), x);
                    }
                }
            }
        };
        if a.size() >= PAR_MIN && cols >= 16 && rayon::current_num_threads() >= 2 {
            let h = cols / 2;
            rayon::join(|| fold_cols(0, h), || fold_cols(h, cols));
        } else {
            fold_cols(0, cols);
        }
        return Ok(());
    }
    let split = (0..shape.len())
        .filter(|i| !plan.axes.contains(i) && shape[*i] >= 2)
        .max_by_key(|&i| shape[i]);
    match split {
        Some(ax) if a.size() >= PAR_MIN && rayon::current_num_threads() >= 2 => {
            let h = (shape[ax] / 2) as isize;
            let half = |l: &Layout, lo: bool| {
                let (s, e) = if lo { (None, Some(h)) } else { (Some(h), None) };
                l.sliced(ax, s, e, 1)
            };
            let (o1, o2) = (half(&lo, true)?, half(&lo, false)?);
            let (a1, a2) = (half(a.layout(), true)?, half(a.layout(), false)?);
            rayon::join(|| walk(&o1, &a1), || walk(&o2, &a2));
        }
        _ => walk(&lo, a.layout()),
    }
    Ok(())
}

/// Reduces `a` over `axes` with `f`, every output element starting at `init`.
pub(crate) fn reduce<T: Element, F: Fold<T>>(
    a: &Array,
    axes: &Axes,
    init: F::Out,
    f: &F,
) -> Result<Array> {
    let plan = Plan::new(a, axes)?;
    let mut out = plan.new_out(init)?;
    fold_into(a, &plan, &mut out, &[], f)?;
    Ok(plan.finish(out))
}

/// The NumPy error for a reduction without identity over nothing.
pub(crate) fn no_identity(name: &str) -> crate::error::Error {
    crate::error::Error::Value(format!(
        "zero-size array to reduction operation {name} which has no identity"
    ))
}
