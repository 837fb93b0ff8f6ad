//! The elementwise driver: resolve the loop dtype, bring each operand to it, broadcast, allocate
//! (or check) the output, then walk all operands with [`NdIter`] and call a typed 1-D kernel on
//! every run — on both cores above a size threshold.

use super::operand::Operand;
use crate::array::Array;
use crate::buffer::Buffer;
use crate::dtype::{DType, Element};
use crate::error::{fmt_shape, Error, Result};
use crate::iter::{k_order_strides, NdIter};
use crate::kernels::compare::{Cmp, SimdCmp};
use crate::kernels::loops;
use crate::kernels::stream::{streamed, STREAM_MIN_BYTES};
use crate::layout::{broadcast_shapes, Dims, Layout};
use crate::promote::{result_type, ScalarKind};
use smallvec::SmallVec;

/// Elements at or above which a cheap loop (a few cycles per element: arithmetic, comparisons,
/// copies) is split across threads. Below it, waking the second core costs more than it saves
/// (measured: `add` on 1e5 float64 elements takes 28 µs on one core, ~50 µs on two).
const PAR_MIN: usize = 1 << 16;

/// The same threshold for costly loops (transcendental functions: tens of cycles per element).
const PAR_MIN_HEAVY: usize = 1 << 13;

/// The NEP 50 result dtype of the operands (arrays strong, scalars weak).
pub(crate) fn operand_dtype(ops: &[&Operand]) -> Result<DType> {
    let mut arrays: SmallVec<[DType; 4]> = SmallVec::new();
    let mut scalars: SmallVec<[ScalarKind; 4]> = SmallVec::new();
    for op in ops {
        match op {
            Operand::Scalar(s) => scalars.push(ScalarKind::of(s)),
            other => {
                if let Some(a) = other.array() {
                    arrays.push(a.dtype());
                }
            }
        }
    }
    result_type(&arrays, &scalars)
}

/// An operand brought to the loop dtype (a view when no cast is needed).
pub(crate) fn to_loop_dtype(op: &Operand, dt: DType) -> Result<Array> {
    match op {
        Operand::Scalar(s) => {
            let v = s.coerce(dt)?;
            Ok(crate::dispatch_scalar!(v, x => Array::scalar(x)))
        }
        other => match other.array() {
            Some(a) if a.dtype() == dt => Ok(a.clone()),
            Some(a) => a.astype_with(dt, crate::promote::Casting::Unsafe),
            None => Err(Error::Value("missing operand".into())),
        },
    }
}

/// The broadcast shape of the inputs.
pub(crate) fn broadcast(inputs: &[&Array]) -> Result<Dims> {
    let shapes: SmallVec<[&[usize]; 4]> = inputs.iter().map(|a| a.shape()).collect();
    broadcast_shapes(&shapes)
}

/// A fresh output for `shape`, laid out in the inputs' memory order (NumPy's order 'K'). Every
/// element is written by the loop that follows.
pub(crate) fn new_output(shape: &[usize], dtype: DType, inputs: &[&Array]) -> Result<Array> {
    let n = crate::layout::checked_size(shape, dtype.itemsize())?;
    let buf = Buffer::shared(n * dtype.itemsize(), false)?;
    let layout = if inputs
        .iter()
        .all(|a| a.is_c_contiguous() || a.ndim() != shape.len())
    {
        Layout::contiguous(shape)
    } else {
        let refs: SmallVec<[&Layout; 4]> = inputs
            .iter()
            .filter(|a| a.ndim() == shape.len())
            .map(|a| a.layout())
            .collect();
        Layout::from_parts(shape, &k_order_strides(shape, &refs), 0)
    };
    Ok(Array::from_shared(buf, dtype, layout))
}

/// A fresh C-contiguous output whose every element the caller writes.
#[inline]
pub(crate) fn new_contiguous(shape: &[usize], dtype: DType) -> Result<Array> {
    let n = crate::layout::checked_size(shape, dtype.itemsize())?;
    let buf = Buffer::shared(n * dtype.itemsize(), false)?;
    Ok(Array::from_shared(buf, dtype, Layout::contiguous(shape)))
}

/// A new C-contiguous array of `x`'s shape (which is C-contiguous): a 1-D `x` at offset 0 lends
/// its layout, which saves building one on the small-array path.
#[inline(always)]
pub(crate) fn new_contiguous_like(x: &Array, dtype: DType) -> Result<Array> {
    if x.ndim() != 1 || x.layout().offset() != 0 || x.layout().strides()[0] != 1 {
        return new_contiguous(x.shape(), dtype);
    }
    let buf = Buffer::shared(x.size() * dtype.itemsize(), false)?;
    Ok(Array::from_shared(buf, dtype, x.layout().clone()))
}

/// Checks that the inputs' broadcast shape `shape` broadcasts to the output's shape.
pub(crate) fn check_out_shape(out: &[usize], shape: &[usize]) -> Result<()> {
    let fits = out == shape || broadcast_shapes(&[shape, out]).is_ok_and(|b| b.as_slice() == out);
    if !fits {
        return Err(Error::Value(format!(
            "non-broadcastable output operand with shape {} doesn't match the broadcast shape {}",
            fmt_shape(out),
            fmt_shape(shape)
        )));
    }
    Ok(())
}

/// Checks that a result of dtype `dtype` may be stored into an output of dtype `out` (NumPy's
/// default `same_kind` rule).
pub(crate) fn check_out_cast(name: &str, out: DType, dtype: DType) -> Result<()> {
    if out != dtype && !crate::promote::can_cast(dtype, out, crate::promote::Casting::SameKind) {
        return Err(Error::DType(format!(
            "Cannot cast ufunc '{name}' output from dtype('{dtype}') to dtype('{out}') with casting rule 'same_kind'"
        )));
    }
    Ok(())
}

/// Checks a caller's output array against the broadcast shape of the inputs (which must
/// broadcast to the output's shape, as in NumPy) and the result dtype (which must cast to the
/// output's under `same_kind`, as NumPy's default), and makes it writable. Returns true when the
/// result must be computed in `dtype` and cast into `out`.
pub(crate) fn check_out(
    name: &str,
    out: &mut Array,
    shape: &[usize],
    dtype: DType,
) -> Result<bool> {
    check_out_shape(out.shape(), shape)?;
    check_out_cast(name, out.dtype(), dtype)?;
    out.make_unique()?;
    Ok(out.dtype() != dtype)
}

/// Copies `src` (same shape) into `out`, casting to `out`'s dtype.
pub(crate) fn assign_cast(src: &Array, out: &mut Array) -> Result<()> {
    let src = if src.dtype() == out.dtype() {
        src.clone()
    } else {
        src.astype_with(out.dtype(), crate::promote::Casting::Unsafe)?
    };
    crate::dispatch_dtype!(out.dtype(), T => unary_into::<T, T>(&src, out, |x| x))
}

/// Shape equality without a `memcmp` call (shapes are short).
#[inline(always)]
pub(crate) fn same_shape(a: &[usize], b: &[usize]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

/// True when the operation touches more memory than the caches hold, so that its contiguous
/// output runs are written with streaming stores ([`streamed`]).
fn streams(out: &Array, inputs: &[&Array]) -> bool {
    inputs.iter().map(|a| a.nbytes()).sum::<usize>() + out.nbytes() >= STREAM_MIN_BYTES
}

/// Addresses as integers, so that rayon workers can share them.
#[derive(Clone, Copy)]
struct Ptrs<const N: usize>([usize; N]);

/// Runs `body(offsets, len, strides)` over the walk, splitting it across threads when large.
fn drive<const N: usize>(
    it: &NdIter<N>,
    min: usize,
    body: impl Fn([isize; N], usize, [isize; N]) + Sync,
) {
    let n = it.size();
    if n < min || rayon::current_num_threads() < 2 {
        it.for_each_range(0, n, &body);
        return;
    }
    let pieces = (rayon::current_num_threads() * 4).min(n / (min / 4)).max(2);
    let step = n.div_ceil(pieces);
    use rayon::prelude::*;
    (0..pieces).into_par_iter().for_each(|p| {
        it.for_each_range(p * step, ((p + 1) * step).min(n), &body);
    });
}

/// `out = f(a, b)` elementwise; `a` and `b` have dtype `T`, `out` has dtype `O` and the broadcast
/// shape, and is held uniquely.
pub(crate) fn binary_into<T: Element, O: Element>(
    a: &Array,
    b: &Array,
    out: &mut Array,
    f: impl Fn(T, T) -> O + Sync,
) -> Result<()> {
    binary_runs(a, b, out, |x, sx, y, sy, o, so, n| {
        // SAFETY: `binary_runs` passes runs inside the operands (its contract).
        unsafe { loops::binary(&f, x, sx, y, sy, o, so, n) }
    })
}

/// A comparison of float32/float64 operands: runs whose output is contiguous and whose inputs
/// are contiguous or scalars take the AVX2 kernel of `kernels::compare`, others the generic loop
/// with `f` (the same comparison).
pub(crate) fn compare_into<T: Element + SimdCmp>(
    a: &Array,
    b: &Array,
    out: &mut Array,
    op: Cmp,
    f: impl Fn(T, T) -> bool + Sync,
) -> Result<()> {
    if !loops::has_avx2() {
        return binary_into(a, b, out, f);
    }
    binary_runs(a, b, out, |x, sx, y, sy, o, so, n| {
        // SAFETY: `binary_runs` passes runs inside the operands; the CPU has AVX2.
        unsafe {
            if so == 1 && (sx == 0 || sx == 1) && (sy == 0 || sy == 1) {
                T::cmp_avx2(op, x, sx, y, sy, o, n)
            } else {
                loops::binary(&f, x, sx, y, sy, o, so, n)
            }
        }
    })
}

/// Walks `a`, `b` and `out` (as in [`binary_into`]) and hands every run to `run`: a small
/// contiguous operation is one run; large ones are split across threads, and their contiguous
/// output runs are streamed when the operation is larger than the caches. `run(a, stride, b,
/// stride, out, stride, len)` is called with pointers valid for `len` elements at their strides.
fn binary_runs<T: Element, O: Element>(
    a: &Array,
    b: &Array,
    out: &mut Array,
    run: impl Fn(*const T, isize, *const T, isize, *mut O, isize, usize) + Sync,
) -> Result<()> {
    let n = out.size();
    if n < PAR_MIN
        && same_shape(a.shape(), out.shape())
        && same_shape(b.shape(), out.shape())
        && out.is_c_contiguous()
        && a.is_c_contiguous()
        && b.is_c_contiguous()
    {
        // Small and contiguous: one run, no walk to set up.
        let (o, x, y) = (
            out.base_ptr_mut() as *mut O,
            a.base_ptr() as *const T,
            b.base_ptr() as *const T,
        );
        let (oo, ox, oy) = (
            out.layout().offset(),
            a.layout().offset(),
            b.layout().offset(),
        );
        // SAFETY (for `run`'s contract): the three C-contiguous views hold n elements from their
        // offsets inside their buffers; `out` is held uniquely; the dtypes are as the caller
        // states.
        unsafe { run(x.add(ox), 1, y.add(oy), 1, o.add(oo), 1, n) };
        return Ok(());
    }
    let shape: Dims = Dims::from_slice(out.shape());
    let la = a.layout().broadcast_to(&shape)?;
    let lb = b.layout().broadcast_to(&shape)?;
    let it = NdIter::new(&shape, [out.layout(), &la, &lb]);
    let p = Ptrs([
        out.base_ptr_mut() as usize,
        a.base_ptr() as usize,
        b.base_ptr() as usize,
    ]);
    let stream = streams(out, &[a, b]);
    drive(&it, PAR_MIN, |off, len, st| {
        let (o, x, y) = (p.0[0] as *mut O, p.0[1] as *const T, p.0[2] as *const T);
        // SAFETY: the walk stays inside each operand's layout, which stays inside its buffer;
        // `out` is held uniquely (check_out/new_output) and the pieces of the walk are disjoint,
        // so no two threads write one element; the dtypes are T and O as the caller states. A
        // streamed run asks for `m` elements from `i` on, which are inside the run.
        unsafe {
            let (x, y, o) = (x.offset(off[1]), y.offset(off[2]), o.offset(off[0]));
            if stream && st[0] == 1 {
                return streamed(o, len, |dst, i, m| {
                    let i = i as isize;
                    run(
                        x.offset(i * st[1]),
                        st[1],
                        y.offset(i * st[2]),
                        st[2],
                        dst,
                        1,
                        m,
                    )
                });
            }
            run(x, st[1], y, st[2], o, st[0], len)
        }
    });
    Ok(())
}

/// `out = f(a)` elementwise.
pub(crate) fn unary_into<T: Element, O: Element>(
    a: &Array,
    out: &mut Array,
    f: impl Fn(T) -> O + Sync,
) -> Result<()> {
    let shape: Dims = Dims::from_slice(out.shape());
    let la = a.layout().broadcast_to(&shape)?;
    let it = NdIter::new(&shape, [out.layout(), &la]);
    let p = Ptrs([out.base_ptr_mut() as usize, a.base_ptr() as usize]);
    let stream = streams(out, &[a]);
    drive(&it, PAR_MIN, |off, len, st| {
        let (o, x) = (p.0[0] as *mut O, p.0[1] as *const T);
        // SAFETY: as in `binary_into`.
        unsafe {
            let (x, o) = (x.offset(off[1]), o.offset(off[0]));
            if stream && st[0] == 1 {
                return streamed(o, len, |dst, i, m| {
                    loops::unary(&f, x.offset(i as isize * st[1]), st[1], dst, 1, m)
                });
            }
            loops::unary(&f, x, st[1], o, st[0], len)
        }
    });
    Ok(())
}

/// `out = f(c, x, y)` elementwise (`where`).
pub(crate) fn ternary_into<A: Element, T: Element>(
    c: &Array,
    x: &Array,
    y: &Array,
    out: &mut Array,
    f: impl Fn(A, T, T) -> T + Sync,
) -> Result<()> {
    let shape: Dims = Dims::from_slice(out.shape());
    let (lc, lx, ly) = (
        c.layout().broadcast_to(&shape)?,
        x.layout().broadcast_to(&shape)?,
        y.layout().broadcast_to(&shape)?,
    );
    let it = NdIter::new(&shape, [out.layout(), &lc, &lx, &ly]);
    let p = Ptrs([
        out.base_ptr_mut() as usize,
        c.base_ptr() as usize,
        x.base_ptr() as usize,
        y.base_ptr() as usize,
    ]);
    let stream = streams(out, &[c, x, y]);
    drive(&it, PAR_MIN, |off, len, st| {
        let (o, pc, px, py) = (
            p.0[0] as *mut T,
            p.0[1] as *const A,
            p.0[2] as *const T,
            p.0[3] as *const T,
        );
        // SAFETY: as in `binary_into`.
        unsafe {
            let (o, pc, px, py) = (
                o.offset(off[0]),
                pc.offset(off[1]),
                px.offset(off[2]),
                py.offset(off[3]),
            );
            let run = |dst: *mut T, i: usize, m: usize, so: isize| {
                let i = i as isize;
                loops::ternary(
                    &f,
                    pc.offset(i * st[1]),
                    st[1],
                    px.offset(i * st[2]),
                    st[2],
                    py.offset(i * st[3]),
                    st[3],
                    dst,
                    so,
                    m,
                )
            };
            if stream && st[0] == 1 {
                return streamed(o, len, |dst, i, m| run(dst, i, m, 1));
            }
            run(o, 0, len, st[0])
        }
    });
    Ok(())
}

/// Elements gathered per block when a slice kernel meets a strided run.
const GATHER: usize = 256;

/// `out = k(a)` with a kernel over contiguous elements (`k(src, dst, n)`, which allows `dst ==
/// src`): contiguous runs go straight to it; strided runs are gathered into a small buffer first.
pub(crate) fn unary_slice_into<T: Element>(
    a: &Array,
    out: &mut Array,
    k: crate::kernels::vmath::SliceKernel<T>,
) -> Result<()> {
    let shape: Dims = Dims::from_slice(out.shape());
    let la = a.layout().broadcast_to(&shape)?;
    let it = NdIter::new(&shape, [out.layout(), &la]);
    let p = Ptrs([out.base_ptr_mut() as usize, a.base_ptr() as usize]);
    let stream = streams(out, &[a]);
    drive(&it, PAR_MIN_HEAVY, |off, len, st| {
        // SAFETY: as in `binary_into`; the gather buffers hold `m <= GATHER` elements.
        unsafe {
            let (o, x) = (
                (p.0[0] as *mut T).offset(off[0]),
                (p.0[1] as *const T).offset(off[1]),
            );
            if st == [1, 1] {
                if stream {
                    return streamed(o, len, |dst, i, m| k(x.add(i), dst, m));
                }
                return k(x, o, len);
            }
            let mut buf = [T::default(); GATHER];
            let mut done = 0;
            while done < len {
                let m = GATHER.min(len - done);
                for (i, slot) in buf.iter_mut().enumerate().take(m) {
                    *slot = *x.offset((done + i) as isize * st[1]);
                }
                k(buf.as_ptr(), buf.as_mut_ptr(), m);
                for (i, v) in buf.iter().enumerate().take(m) {
                    *o.offset((done + i) as isize * st[0]) = *v;
                }
                done += m;
            }
        }
    });
    Ok(())
}

#[allow(dead_code)] // wired with the math kernels
/// `out = k(a, b)` with a kernel over contiguous elements (`k(a, b, dst, n)`, which allows `dst`
/// to equal either input): contiguous runs go straight to it; other runs are gathered first.
pub(crate) fn binary_slice_into<T: Element>(
    a: &Array,
    b: &Array,
    out: &mut Array,
    k: unsafe fn(*const T, *const T, *mut T, usize),
) -> Result<()> {
    let shape: Dims = Dims::from_slice(out.shape());
    let la = a.layout().broadcast_to(&shape)?;
    let lb = b.layout().broadcast_to(&shape)?;
    let it = NdIter::new(&shape, [out.layout(), &la, &lb]);
    let p = Ptrs([
        out.base_ptr_mut() as usize,
        a.base_ptr() as usize,
        b.base_ptr() as usize,
    ]);
    drive(&it, PAR_MIN_HEAVY, |off, len, st| {
        // SAFETY: as in `binary_into`; the gather buffers hold `m <= GATHER` elements.
        unsafe {
            let (o, x, y) = (
                (p.0[0] as *mut T).offset(off[0]),
                (p.0[1] as *const T).offset(off[1]),
                (p.0[2] as *const T).offset(off[2]),
            );
            if st == [1, 1, 1] {
                return k(x, y, o, len);
            }
            let mut bx = [T::default(); GATHER];
            let mut by = [T::default(); GATHER];
            let mut done = 0;
            while done < len {
                let m = GATHER.min(len - done);
                for i in 0..m {
                    bx[i] = *x.offset((done + i) as isize * st[1]);
                    by[i] = *y.offset((done + i) as isize * st[2]);
                }
                k(bx.as_ptr(), by.as_ptr(), bx.as_mut_ptr(), m);
                for (i, v) in bx.iter().enumerate().take(m) {
                    *o.offset((done + i) as isize * st[0]) = *v;
                }
                done += m;
            }
        }
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::{Array, DType};

    /// Operations touching more than the caches stream their output (`kernels::stream`): the
    /// values are those of the ordinary path, for contiguous, strided, in-place, bool and
    /// three-operand loops, on both threads.
    #[test]
    fn streamed_outputs_match_element_by_element() {
        let n = (1 << 21) + 13; // 2M float64 per operand: about 50 MB touched by a binary op
        let av: Vec<f64> = (0..n).map(|i| (i % 1000) as f64 / 1000.0).collect();
        let bv: Vec<f64> = (0..n).map(|i| (i % 777) as f64).collect();
        let (a, b) = (Array::from_vec(av.clone()), Array::from_vec(bv.clone()));
        let sum = crate::add(&a, &b).unwrap();
        let s = sum.as_slice::<f64>().unwrap();
        assert!((0..n).all(|i| s[i] == av[i] + bv[i]));

        let gt = crate::greater(&a, 0.5).unwrap();
        assert_eq!(gt.dtype(), DType::Bool);
        let g = gt.as_slice::<bool>().unwrap();
        assert!((0..n).all(|i| g[i] == (av[i] > 0.5)));

        // A reversed input (negative stride) into a fresh output.
        let r = a.slice_axis(0, None, None, -1).unwrap();
        let sq = crate::sqrt(&r).unwrap();
        let q = sq.to_vec::<f64>().unwrap();
        assert!((0..n).all(|i| q[i] == av[n - 1 - i].sqrt()));

        // In place: the output is one of the inputs.
        let mut c = a.copy();
        c.iadd(&b).unwrap();
        assert_eq!(c.as_slice::<f64>().unwrap(), s);

        // `out=` with an offset output, and `where`.
        let mut tail = Array::zeros(&[n + 1], DType::Float64)
            .unwrap()
            .slice_axis(0, Some(1), None, 1)
            .unwrap(); // held alone, so written in place, one element past the aligned start
        crate::multiply_out(&a, &b, &mut tail).unwrap();
        let t = tail.to_vec::<f64>().unwrap();
        assert!((0..n).all(|i| t[i] == av[i] * bv[i]));
        let w = crate::where_(&gt, &a, &b).unwrap();
        let wv = w.as_slice::<f64>().unwrap();
        assert!((0..n).all(|i| wv[i] == if g[i] { av[i] } else { bv[i] }));

        // The vectorised exp over contiguous runs.
        let e = crate::exp(&a).unwrap();
        let small = crate::exp(a.slice_axis(0, Some(0), Some(4096), 1).unwrap()).unwrap();
        assert_eq!(
            &e.as_slice::<f64>().unwrap()[..4096],
            small.as_slice::<f64>().unwrap()
        );
    }
}
