//! Writing through an index (NumPy's `a[idx] = value`): the value is cast to the target's dtype,
//! broadcast to the selection, and stored; with repeated indices the last write wins.

use super::gather::{frame, plan_offsets, Frame, PAR_MIN};
use super::item::Idx;
use super::resolve::{select, Selection};
use crate::array::Array;
use crate::dtype::{DType, Element, Scalar};
use crate::error::{fmt_shape, Error, Result};
use crate::iter::NdIter;
use crate::layout::{broadcast_shapes, Layout};
use crate::promote::{can_cast, Casting, ScalarKind};
use crate::ufunc::Operand;
use rayon::prelude::*;

/// The value of an assignment, brought to the target's dtype.
enum Value {
    One(Scalar),
    Many(Array),
}

/// Converts the value: a Rust scalar as NumPy stores a Python scalar, an array cast under the
/// rule (NumPy's `setitem` casts arrays unsafely).
fn prepare(value: Operand, dtype: DType, casting: Casting) -> Result<Value> {
    match value {
        Operand::Scalar(s) => {
            let weak = ScalarKind::of(&s);
            let target = ScalarKind::of_dtype(dtype);
            let refused = match casting {
                Casting::Unsafe => false,
                Casting::Safe | Casting::SameKind => weak > target,
                _ => !can_cast(weak.default_dtype(), dtype, casting),
            };
            if refused {
                return Err(Error::DType(format!(
                    "Cannot cast scalar from dtype('{}') to dtype('{dtype}') according to the rule '{}'",
                    weak.default_dtype(),
                    casting.name()
                )));
            }
            Ok(Value::One(s.coerce(dtype)?))
        }
        other => {
            let Some(a) = other.array() else {
                return Err(Error::Value("missing value".into()));
            };
            if a.dtype() == dtype {
                return Ok(Value::Many(a.clone()));
            }
            if !can_cast(a.dtype(), dtype, casting) {
                return Err(Error::Casting {
                    from: a.dtype(),
                    to: dtype,
                    rule: casting.name(),
                });
            }
            Ok(Value::Many(a.astype_with(dtype, Casting::Unsafe)?))
        }
    }
}

/// The value broadcast to `shape` after dropping leading length-1 axes it has beyond the target's
/// rank (NumPy accepts `a[0] = [[1, 2, 3]]` for a row).
fn fit(v: &Array, shape: &[usize], err: impl Fn() -> Error) -> Result<Array> {
    let mut v = v.clone();
    while v.ndim() > shape.len() && v.shape()[0] == 1 {
        v = v.index_axis(0, 0)?;
    }
    match broadcast_shapes(&[v.shape(), shape]) {
        Ok(b) if b.as_slice() == shape => v.broadcast_to(shape),
        _ => Err(err()),
    }
}

/// `target[items] = value` on the elements of `layout` over the buffer at `base`.
///
/// # Safety
/// `base` must be writable for every element of `layout`, with dtype `dtype`, and no other
/// reference may access those bytes meanwhile (index and value arrays use other buffers).
pub(crate) unsafe fn assign_raw(
    base: *mut u8,
    layout: &Layout,
    dtype: DType,
    items: &[Idx],
    value: Operand,
    casting: Casting,
) -> Result<()> {
    let sel = select(layout, items)?;
    let value = prepare(value, dtype, casting)?;
    match sel {
        Selection::View(l) => match value {
            Value::One(s) => crate::dispatch_scalar!(s, x => {
                // SAFETY: the view's layout is a sub-layout of `layout` (caller's guarantee).
                unsafe { crate::array::fill_runs(base, &l, x) }
            }),
            Value::Many(v) => {
                let v = fit(&v, l.shape(), || {
                    Error::Value(format!(
                        "could not broadcast input array from shape {} into shape {}",
                        fmt_shape(v.shape()),
                        fmt_shape(l.shape())
                    ))
                })?;
                crate::dispatch_dtype!(dtype, T => {
                    // SAFETY: as above; `v` is a broadcast view of another buffer, of dtype T.
                    unsafe { copy_into::<T>(base as *mut T, &l, &v) }
                });
            }
        },
        Selection::Mask(m) => {
            if let Value::Many(v) = &value {
                let count = super::nonzero::count_nonzero(&m);
                let fits = {
                    let mut s = v.shape();
                    while s.len() > 1 && s[0] == 1 {
                        s = &s[1..];
                    }
                    s.len() <= 1 && (s.is_empty() || s[0] == 1 || s[0] == count)
                };
                if !fits {
                    return Err(Error::Value(if v.ndim() > 1 {
                        format!("NumPy boolean array indexing assignment requires a 0 or 1-dimensional input, input has {} dimensions", v.ndim())
                    } else {
                        format!("NumPy boolean array indexing assignment cannot assign {} input values to the {count} output values where the mask is true", v.size())
                    }));
                }
            }
            match value {
                Value::One(s) if layout.is_c_contiguous() => {
                    let m = if m.is_c_contiguous() { m } else { m.copy() };
                    crate::dispatch_scalar!(s, x => {
                        // SAFETY: as above; the target is C-contiguous with the mask's size.
                        unsafe { fill_mask(base, layout.offset(), &m, x)? }
                    })
                }
                value => {
                    let items = [Idx::Array(m)];
                    let Selection::Plan(plan) = super::resolve::select_plan(layout, &items)? else {
                        return Err(Error::Value("mask plan".into()));
                    };
                    // SAFETY: as above.
                    unsafe { scatter(base, dtype, &plan, value)? }
                }
            }
        }
        // SAFETY: as above.
        Selection::Plan(plan) => unsafe { scatter(base, dtype, &plan, value)? },
    }
    Ok(())
}

/// Stores the value into the elements a plan selects, in C order of the selection.
unsafe fn scatter(
    base: *mut u8,
    dtype: DType,
    plan: &super::resolve::Plan,
    value: Value,
) -> Result<()> {
    let shape = plan.result_shape();
    // The value's shape is checked before the indices' bounds, as NumPy does.
    let value = match value {
        Value::Many(v) => Value::Many(fit(&v, &shape, || {
            Error::Value(format!(
                "shape mismatch: value array of shape {} could not be broadcast to indexing result of shape {}",
                fmt_shape(v.shape()),
                fmt_shape(&shape)
            ))
        })?),
        one => one,
    };
    let offs = plan_offsets(plan)?;
    let fr = frame(plan);
    match value {
        Value::One(s) => crate::dispatch_scalar!(s, x => {
            // SAFETY: offsets and runs address elements of the target (`plan_offsets` checked).
            unsafe { scatter_frame(base as *mut _, &fr, &offs, |_| x) }
        }),
        Value::Many(v) => {
            let v = if v.is_c_contiguous() { v } else { v.copy() };
            crate::dispatch_dtype!(dtype, T => {
                let vals = v.as_slice::<T>()?;
                // SAFETY: as above; `vals` holds one value per selected position, in C order.
                unsafe { scatter_frame(base as *mut T, &fr, &offs, |k| vals[k]) }
            })
        }
    }
    Ok(())
}

/// Writes `value(k)` to the k-th selected element (C order of the selection).
unsafe fn scatter_frame<T: Element>(
    dst: *mut T,
    fr: &Frame,
    offs: &[isize],
    value: impl Fn(usize) -> T,
) {
    let mut k = 0usize;
    // SAFETY: guaranteed by the caller.
    unsafe {
        for &o in &fr.outer {
            for &b in offs {
                for &(rel, len, stride) in &fr.inner {
                    let mut p = dst.offset(o + b + rel);
                    for j in 0..len {
                        *p = value(k + j);
                        p = p.offset(stride);
                    }
                    k += len;
                }
            }
        }
    }
}

/// Copies `v` (already of `l`'s shape) into the elements of `l` over `dst`.
unsafe fn copy_into<T: Element>(dst: *mut T, l: &Layout, v: &Array) {
    let src = v.base_ptr() as *const T;
    let it = NdIter::new(l.shape(), [l, v.layout()]);
    it.for_each(|o, len, s| {
        // SAFETY: the walk stays inside both layouts (caller's guarantee for `dst`, the
        // array's own for `v`).
        unsafe {
            let (mut d, mut p) = (dst.offset(o[0]), src.offset(o[1]));
            for _ in 0..len {
                *d = *p;
                d = d.offset(s[0]);
                p = p.offset(s[1]);
            }
        }
    });
}

/// `a[mask] = x` on a C-contiguous target: a branch-free select over the whole array, on both
/// cores for large ones.
unsafe fn fill_mask<T: Element>(base: *mut u8, offset: usize, m: &Array, x: T) -> Result<()> {
    let ms = m.as_slice::<bool>()?;
    let n = ms.len();
    let (d, mp) = (
        unsafe { (base as *mut T).add(offset) } as usize,
        ms.as_ptr() as usize,
    );
    let run = |s: usize, e: usize| {
        // SAFETY: [s, e) is inside the target's n contiguous elements and the mask (bools read
        // as their 0/1 bytes); chunks
        // are disjoint.
        unsafe {
            let dst = std::slice::from_raw_parts_mut((d as *mut T).add(s), e - s);
            let mk = std::slice::from_raw_parts((mp as *const u8).add(s), e - s);
            // Blocks of 64 whose mask is all false are skipped without touching the target
            // (one read of 64 mask bytes); the others take a branch-free select.
            for (ys, ms) in dst.chunks_mut(64).zip(mk.chunks(64)) {
                if !any_set(ms) {
                    continue;
                }
                for (y, &b) in ys.iter_mut().zip(ms) {
                    *y = if b != 0 { x } else { *y };
                }
            }
        }
    };
    if n >= PAR_MIN {
        let parts = rayon::current_num_threads().max(1) * 4;
        let size = n.div_ceil(parts);
        (0..n)
            .step_by(size)
            .collect::<Vec<_>>()
            .par_iter()
            .for_each(|&s| run(s, (s + size).min(n)));
    } else {
        run(0, n);
    }
    Ok(())
}

/// True when some byte of a mask block is nonzero (read eight bytes at a time).
#[inline(always)]
fn any_set(m: &[u8]) -> bool {
    let (words, tail) = m.split_at(m.len() / 8 * 8);
    let mut acc = tail.iter().fold(0u64, |acc, &b| acc | b as u64);
    for w in words.chunks_exact(8) {
        let mut b = [0u8; 8];
        b.copy_from_slice(w);
        acc |= u64::from_ne_bytes(b);
    }
    acc != 0
}
