//! `Array::astype`: a converted copy laid out as NumPy's `order='K'` does, cast in parallel for
//! large arrays.

use super::{cast_walk, complex_to_real_error, drops_imaginary, first_undefined, CastElement};
use crate::array::Array;
use crate::buffer::Buffer;
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::layout::{Dims, Layout, Strides};
use crate::promote::{can_cast, Casting};
use rayon::prelude::*;

/// Output elements from which a cast is split across threads.
const PAR_MIN: usize = 1 << 20;

impl Array {
    /// A copy converted to `dtype` (`a.astype(dtype)`), with NumPy's conversions: integers wrap,
    /// floats round to nearest, float → int truncates toward zero, nonzero → `true`.
    ///
    /// The copy keeps the source's memory order as NumPy's default `order='K'` does:
    /// F-contiguous input gives F-contiguous output, other strided input gets its axes in the
    /// source's stride order with positive strides.
    ///
    /// Errors where NumPy's result is undefined (float NaN, ±inf or out-of-range values to an
    /// integer dtype), and for complex → real, which discards the imaginary part: ask for it
    /// with [`Array::astype_with`] and [`Casting::Unsafe`].
    ///
    /// ```
    /// use numox::{array, DType};
    /// let a = array![300, -1];
    /// assert_eq!(a.astype(DType::Int8).unwrap().to_vec::<i8>().unwrap(), vec![44, -1]);
    /// assert_eq!(a.astype(DType::UInt8).unwrap().to_vec::<u8>().unwrap(), vec![44, 255]);
    /// let f = array![2.7, -2.7, 0.5];
    /// assert_eq!(f.astype(DType::Int32).unwrap().to_vec::<i32>().unwrap(), vec![2, -2, 0]);
    /// assert_eq!(
    ///     array![f64::NAN].astype(DType::Int64).unwrap_err().to_string(),
    ///     "cannot convert float NaN to integer"
    /// );
    /// let t = array![[1.0, 2.0], [3.0, 4.0]].t(); // F-contiguous
    /// assert!(t.astype(DType::Float32).unwrap().is_f_contiguous());
    /// ```
    pub fn astype(&self, dtype: DType) -> Result<Array> {
        if drops_imaginary(self.dtype(), dtype) {
            return Err(complex_to_real_error());
        }
        self.cast_k(dtype)
    }

    /// Like [`Array::astype`] under an explicit casting rule (`a.astype(dtype, casting=...)`):
    /// errors with [`Error::Casting`] when the rule forbids the conversion. Under
    /// [`Casting::Unsafe`] complex → real takes the real part.
    ///
    /// ```
    /// use numox::{array, promote::Casting, Complex64, DType};
    /// let a = array![1.5, 2.5];
    /// assert!(a.astype_with(DType::Float32, Casting::SameKind).is_ok());
    /// assert_eq!(
    ///     a.astype_with(DType::Int32, Casting::Safe).unwrap_err().to_string(),
    ///     "Cannot cast array data from dtype('float64') to dtype('int32') according to the rule 'safe'"
    /// );
    /// let c = numox::Array::from_vec(vec![Complex64::new(1.5, 2.0)]);
    /// let re = c.astype_with(DType::Float64, Casting::Unsafe).unwrap();
    /// assert_eq!(re.to_vec::<f64>().unwrap(), vec![1.5]);
    /// assert!(c.astype(DType::Float64).is_err());
    /// ```
    pub fn astype_with(&self, dtype: DType, casting: Casting) -> Result<Array> {
        check_rule(self.dtype(), dtype, casting)?;
        self.cast_k(dtype)
    }

    /// The converted copy in `order='K'` layout, without rule checks.
    pub(crate) fn cast_k(&self, dtype: DType) -> Result<Array> {
        let perm = k_order(self.layout());
        let shape = self.shape();
        // Output strides: contiguous in the order of `perm` (outermost first).
        let mut strides: Strides = smallvec::smallvec![0; shape.len()];
        let mut s = 1isize;
        for &ax in perm.iter().rev() {
            strides[ax] = s;
            s *= shape[ax] as isize;
        }
        let out_layout = Layout::from_parts(shape, &strides, 0);
        // Walking the source with its axes in `perm` order visits the output in memory order.
        let walk = Layout::from_parts(
            &perm.iter().map(|&a| shape[a]).collect::<Dims>(),
            &perm
                .iter()
                .map(|&a| self.layout().strides()[a])
                .collect::<Strides>(),
            self.layout().offset(),
        );
        let n = self.size();
        let buf = Buffer::for_overwrite(n * dtype.itemsize())?;
        let base = self.base_ptr();
        let ok = crate::dispatch_dtype!(self.dtype(), S => crate::dispatch_dtype!(dtype, D => {
            // SAFETY: the buffer is fresh, aligned for D and holds n elements of D; nothing else
            // references it yet. Every byte is written below before the array is returned.
            let out = unsafe { std::slice::from_raw_parts_mut(buf.as_mut_ptr() as *mut D, n) };
            // SAFETY: `walk` permutes this array's layout, which stays inside its buffer
            // (checked at construction), and the dtype is S; `out` has walk.size() elements.
            let ok = unsafe { cast_layout::<S, D>(base as *const S, &walk, out) }?;
            if !ok {
                // SAFETY: as above, reading the same elements again.
                return Err(unsafe { walk_error::<S, D>(base as *const S, &walk) });
            }
            ok
        }));
        debug_assert!(ok);
        Ok(Array::from_buffer(buf, dtype, out_layout))
    }
}

/// Checks a casting rule, with NumPy's error.
pub(crate) fn check_rule(from: DType, to: DType, casting: Casting) -> Result<()> {
    if can_cast(from, to, casting) {
        Ok(())
    } else {
        Err(Error::Casting {
            from,
            to,
            rule: casting.name(),
        })
    }
}

/// The axes of `l` from outermost to innermost in memory, as NumPy's `order='K'` picks them:
/// C order for C-contiguous input, F order for F-contiguous input, otherwise sorted by
/// decreasing absolute stride (ties keep axis order).
pub(crate) fn k_order(l: &Layout) -> Dims {
    let nd = l.ndim();
    let mut perm: Dims = (0..nd).collect();
    if nd <= 1 || l.is_c_contiguous() {
        return perm;
    }
    if l.is_f_contiguous() {
        perm.reverse();
        return perm;
    }
    let st = l.strides();
    perm.sort_by_key(|&a| std::cmp::Reverse(st[a].unsigned_abs()));
    perm
}

/// A pointer that may cross to rayon's threads: the workers only read through it.
struct SharedPtr<S>(*const S);
// SAFETY: the pointee is only read, and the buffer outlives the parallel scope (it is borrowed
// by the caller for the whole call).
unsafe impl<S> Send for SharedPtr<S> {}
// SAFETY: as above.
unsafe impl<S> Sync for SharedPtr<S> {}
impl<S> SharedPtr<S> {
    fn get(&self) -> *const S {
        self.0
    }
}

/// Casts `walk` over `base` into `out` (C order of `walk`), in parallel for large outputs:
/// the outermost axis of the coalesced walk is split into chunks and each chunk writes its own
/// disjoint piece of `out`. Returns false when a conversion was undefined.
///
/// # Safety
/// As [`cast_walk`].
unsafe fn cast_layout<S: CastElement, D: CastElement>(
    base: *const S,
    walk: &Layout,
    out: &mut [D],
) -> Result<bool> {
    let n = out.len();
    if n < PAR_MIN || rayon::current_num_threads() < 2 {
        // SAFETY: forwarded from the caller.
        return Ok(unsafe { cast_walk(base, walk, out) });
    }
    let walk = coalesce(walk);
    let rows = walk.shape().first().copied().unwrap_or(1);
    if rows < 2 {
        // SAFETY: forwarded from the caller.
        return Ok(unsafe { cast_walk(base, &walk, out) });
    }
    let inner = n / rows;
    let chunks = (rayon::current_num_threads() * 4).min(rows);
    let rows_per = rows.div_ceil(chunks);
    let src = SharedPtr(base);
    out.par_chunks_mut(rows_per * inner)
        .enumerate()
        .map(|(i, piece)| {
            let start = (i * rows_per) as isize;
            let stop = start + (piece.len() / inner) as isize;
            let sub = walk.sliced(0, Some(start), Some(stop), 1)?;
            // SAFETY: `sub` addresses a subset of the caller's elements; `piece` is the part of
            // `out` those rows map to, disjoint from every other chunk.
            Ok(unsafe { cast_walk(src.get(), &sub, piece) })
        })
        .try_reduce(|| true, |a, b| Ok(a && b))
}

/// The error for the first undefined conversion met walking `walk` in C order.
///
/// # Safety
/// As [`cast_walk`].
unsafe fn walk_error<S: CastElement, D: CastElement>(base: *const S, walk: &Layout) -> Error {
    let mut bad = None;
    crate::layout::for_each_run(walk, |r| {
        if bad.is_some() {
            return;
        }
        let vals = (0..r.len).map(|j| {
            // SAFETY: an element of the walk, readable by the caller's guarantee.
            unsafe { *base.offset(r.offset as isize + j as isize * r.stride) }
        });
        if let Some(v) = vals.into_iter().find(|v| !v.cast_defined::<D>()) {
            bad = Some(v);
        }
    });
    first_undefined::<S, D>(bad)
}

/// The layout with length-1 axes dropped and neighbouring axes merged where the outer stride
/// equals the inner stride times the inner length, so a contiguous walk becomes 1-D.
fn coalesce(l: &Layout) -> Layout {
    let mut shape = Dims::new();
    let mut strides = Strides::new();
    for (&n, &s) in l.shape().iter().zip(l.strides()) {
        if n == 1 {
            continue;
        }
        if let (Some(last_n), Some(last_s)) = (shape.last_mut(), strides.last_mut())
            && *last_s == s * n as isize
        {
            *last_n *= n;
            *last_s = s;
            continue;
        }
        shape.push(n);
        strides.push(s);
    }
    Layout::from_parts(&shape, &strides, l.offset())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn k_order_follows_numpy() {
        let l = Layout::contiguous(&[2, 3, 4]);
        assert_eq!(k_order(&l).as_slice(), &[0, 1, 2]);
        assert_eq!(k_order(&l.transposed()).as_slice(), &[2, 1, 0]);
        // np.ones((2,3,4))[:, ::-1].transpose(2,0,1): strides (1, 12, -4) → order 1, 2, 0.
        let v = l
            .sliced(1, None, None, -1)
            .unwrap()
            .permuted(&[2, 0, 1])
            .unwrap();
        assert_eq!(k_order(&v).as_slice(), &[1, 2, 0]);
        // Broadcast axes (stride 0) go innermost.
        let b = Layout::contiguous(&[3]).broadcast_to(&[4, 3]).unwrap();
        assert_eq!(k_order(&b).as_slice(), &[1, 0]);
    }

    #[test]
    fn coalesce_merges_contiguous_axes() {
        let l = Layout::contiguous(&[2, 1, 3, 4]);
        let c = coalesce(&l);
        assert_eq!((c.shape(), c.strides()), (&[24usize][..], &[1isize][..]));
        let s = Layout::contiguous(&[4, 6])
            .sliced(1, None, Some(3), 1)
            .unwrap();
        let c = coalesce(&s);
        assert_eq!(
            (c.shape(), c.strides()),
            (&[4usize, 3][..], &[6isize, 1][..])
        );
    }
}
