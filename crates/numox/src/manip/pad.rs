//! `pad`: a new array with elements added before and after each axis, filled by a constant or
//! taken from the array (edge, reflect, symmetric, wrap).
//!
//! The output is written once, in C order. Along the last axis a row is its source row (one
//! strided walk) with its pads; along an outer axis the rows of the original extent are written
//! first, then each pad row is a whole-row copy of the output row it mirrors (or, for constants,
//! one row written and copied). The pads of a later axis span the pads of the earlier ones, so a
//! corner of constant padding takes the later axis' value, as in NumPy.

use super::tile::{new_written, replicate};
use crate::array::Array;
use crate::dtype::{Element, Scalar};
use crate::error::{Error, Result};
use crate::layout::Layout;

/// How [`pad`] fills the new elements (NumPy's `mode`).
///
/// ```
/// use numox::{array, pad, PadMode};
/// let a = array![1, 2, 3];
/// let p = |m: PadMode| pad(&a, &[(2, 2)], m).unwrap().to_vec::<i64>().unwrap();
/// assert_eq!(p(PadMode::constant(9)), vec![9, 9, 1, 2, 3, 9, 9]);
/// assert_eq!(p(PadMode::Edge), vec![1, 1, 1, 2, 3, 3, 3]);
/// assert_eq!(p(PadMode::Reflect), vec![3, 2, 1, 2, 3, 2, 1]);
/// assert_eq!(p(PadMode::Symmetric), vec![2, 1, 1, 2, 3, 3, 2]);
/// assert_eq!(p(PadMode::Wrap), vec![2, 3, 1, 2, 3, 1, 2]);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum PadMode {
    /// Constant values (NumPy's `constant_values`): one `(before, after)` pair for every axis,
    /// or one pair per axis. They are stored as NumPy stores Python scalars
    /// ([`Scalar::coerce`]): `2.7` becomes `2` in an integer array, `300` is an error for int8.
    Constant(Vec<(Scalar, Scalar)>),
    /// The edge value of the axis repeated.
    Edge,
    /// The mirror image without the edge value (`[1, 2, 3]` continues `2, 1, 2, 3, ...`).
    Reflect,
    /// The mirror image with the edge value (`[1, 2, 3]` continues `3, 3, 2, 1, 1, ...`).
    Symmetric,
    /// The axis repeated periodically (`[1, 2, 3]` continues `1, 2, 3, ...`).
    Wrap,
}

impl PadMode {
    /// One constant before and after every axis (`mode='constant', constant_values=value`).
    ///
    /// ```
    /// use numox::{PadMode, Scalar};
    /// assert_eq!(PadMode::constant(1.5), PadMode::Constant(vec![(Scalar::from(1.5), Scalar::from(1.5))]));
    /// ```
    pub fn constant(value: impl Into<Scalar>) -> PadMode {
        let v = value.into();
        PadMode::Constant(vec![(v, v)])
    }
}

impl Default for PadMode {
    /// Zeros: NumPy's default `mode='constant', constant_values=0`.
    ///
    /// ```
    /// assert_eq!(numox::PadMode::default(), numox::PadMode::constant(0i64));
    /// ```
    fn default() -> Self {
        PadMode::constant(0i64)
    }
}

/// The array padded by `widths[k] = (before, after)` elements along axis `k` (`np.pad`). As in
/// NumPy, one pair applies to every axis: `&[(n, n)]` is NumPy's `pad_width=n` and `&[(b, a)]`
/// its `(b, a)`. Padding an empty axis needs [`PadMode::Constant`]. The result is a new
/// C-ordered array of the input's dtype.
///
/// ```
/// use numox::{array, pad, PadMode, Scalar};
/// let a = array![[1, 2], [3, 4]];
/// let p = pad(&a, &[(1, 0), (0, 1)], PadMode::Edge).unwrap();
/// assert_eq!(p.shape(), &[3, 3]);
/// assert_eq!(p.to_vec::<i64>().unwrap(), vec![1, 2, 2, 1, 2, 2, 3, 4, 4]);
/// let v = PadMode::Constant(vec![(Scalar::from(7), Scalar::from(8)), (Scalar::from(0), Scalar::from(9))]);
/// let c = pad(&a, &[(1, 1)], v).unwrap();
/// assert_eq!(c.index_axis(0, 0).unwrap().to_vec::<i64>().unwrap(), vec![0, 7, 7, 9]);
/// assert_eq!(
///     pad(&a, &[(1, 1), (1, 1), (1, 1)], PadMode::Wrap).unwrap_err().to_string(),
///     "operands could not be broadcast together with remapped shapes [original->remapped]: \
///      (3,2)  and requested shape (2,2)"
/// );
/// ```
pub fn pad(a: &Array, widths: &[(usize, usize)], mode: PadMode) -> Result<Array> {
    let nd = a.ndim();
    let widths = as_pairs(widths, nd)?;
    let values = match &mode {
        PadMode::Constant(v) => {
            // NumPy stores each value into the array as it pads: coerce them in that order.
            let mut vals = Array::zeros(&[nd, 2], a.dtype())?;
            for (k, (before, after)) in as_pairs(v, nd)?.into_iter().enumerate() {
                vals.set(&[k as isize, 0], before)?;
                vals.set(&[k as isize, 1], after)?;
            }
            Some(vals)
        }
        _ => None,
    };
    if values.is_none()
        && a.size() == 0
        && let Some(k) = (0..nd).find(|&k| a.shape()[k] == 0 && widths[k] != (0, 0))
    {
        return Err(Error::Value(format!(
            "can't extend empty axis {k} using modes other than 'constant' or 'empty'"
        )));
    }
    if nd == 0 {
        return Ok(a.copy());
    }
    let shape: Vec<usize> = a
        .shape()
        .iter()
        .zip(&widths)
        .map(|(&n, &(b, e))| n.checked_add(b).and_then(|x| x.checked_add(e)))
        .collect::<Option<_>>()
        .ok_or_else(|| Error::Value("array is too big".into()))?;
    let fill = match mode {
        PadMode::Constant(_) => Fill::Constant,
        PadMode::Edge => Fill::Map(edge),
        PadMode::Reflect => Fill::Map(reflect),
        PadMode::Symmetric => Fill::Map(symmetric),
        PadMode::Wrap => Fill::Map(wrap),
    };
    new_written(&shape, a.dtype(), |dst| {
        crate::dispatch_dtype!(a.dtype(), T => {
            let consts = match &values {
                Some(v) => v.to_vec::<T>()?,
                None => Vec::new(),
            };
            let p = Padder { src: a.base_ptr(), layout: a.layout(), widths: &widths, out_shape: &shape, fill };
            let start = Src::Strided(a.layout().offset() as isize);
            // SAFETY: `dst` is the fresh C-ordered output of dtype T and shape `shape` (each
            // axis widened by its pads); the source layout addresses elements of `a`'s buffer
            // of dtype T; `consts` holds a (before, after) pair per axis for constant padding,
            // and the map modes only run on axes of nonzero length (empty axes with pads were
            // refused above, and `new_written` skips a size-0 output).
            unsafe { p.fill::<T>(0, start, &consts, dst as *mut T) }
        });
        Ok(())
    })
}

/// `x` broadcast to one pair per axis as NumPy's `_as_pairs` does: one pair for all, or `nd`.
fn as_pairs<P: Copy>(x: &[P], nd: usize) -> Result<Vec<P>> {
    match x {
        [p] => Ok(vec![*p; nd]),
        _ if x.len() == nd => Ok(x.to_vec()),
        _ => Err(Error::Value(format!(
            "operands could not be broadcast together with remapped shapes \
             [original->remapped]: ({},2)  and requested shape ({nd},2)",
            x.len()
        ))),
    }
}

/// Source index for position `p` (relative to the first element; negative before it) on an axis
/// of `n > 0` elements.
fn edge(p: isize, n: isize) -> isize {
    p.clamp(0, n - 1)
}

fn reflect(p: isize, n: isize) -> isize {
    if n == 1 {
        return 0;
    }
    let period = 2 * n - 2;
    let q = p.rem_euclid(period);
    if q < n {
        q
    } else {
        period - q
    }
}

fn symmetric(p: isize, n: isize) -> isize {
    let q = p.rem_euclid(2 * n);
    if q < n {
        q
    } else {
        2 * n - 1 - q
    }
}

fn wrap(p: isize, n: isize) -> isize {
    p.rem_euclid(n)
}

#[derive(Clone, Copy)]
enum Fill {
    /// Constants per axis and side.
    Constant,
    /// Pad position -> source position along the axis.
    Map(fn(isize, isize) -> isize),
}

/// Where the elements of a slab come from: a source sub-array, or one constant (a pad row of an
/// earlier axis).
#[derive(Clone, Copy)]
enum Src<T> {
    Strided(isize),
    Const(T),
}

struct Padder<'a> {
    src: *const u8,
    layout: &'a Layout,
    widths: &'a [(usize, usize)],
    out_shape: &'a [usize],
    fill: Fill,
}

impl Padder<'_> {
    /// Writes the output slab of axes `m..` at `out` from `src`.
    ///
    /// # Safety
    /// `out` is valid for the slab (`out_shape[m..]` elements in C order); a strided source
    /// offset addresses the source sub-array of axes `m..`; `consts` has `2 * ndim` values for
    /// constant padding; map modes need `shape[m] > 0` wherever axis m has pads.
    unsafe fn fill<T: Element>(&self, m: usize, src: Src<T>, consts: &[T], out: *mut T) {
        let (shape, strides) = (self.layout.shape(), self.layout.strides());
        let (n, (b, e)) = (shape[m], self.widths[m]);
        let inner: usize = self.out_shape[m + 1..].iter().product();
        let last = m + 1 == shape.len();
        let base = self.src as *const T;
        // SAFETY (whole body): rows `b..b + n` take the source rows, rows `..b` and
        // `b + n..b + n + e` the pads; every row is `inner` elements inside the slab, and a
        // pad row copies from a distinct (middle) row.
        unsafe {
            let mid = out.add(b * inner);
            match src {
                Src::Strided(off) if last => {
                    let st = strides[m];
                    if st == 1 {
                        std::ptr::copy_nonoverlapping(base.offset(off), mid, n);
                    } else {
                        for i in 0..n {
                            mid.add(i).write(*base.offset(off + i as isize * st));
                        }
                    }
                }
                Src::Strided(off) => {
                    for i in 0..n {
                        let o = off + i as isize * strides[m];
                        self.fill(m + 1, Src::Strided(o), consts, mid.add(i * inner));
                    }
                }
                Src::Const(v) if last => {
                    for i in 0..n {
                        mid.add(i).write(v);
                    }
                }
                Src::Const(_) => {
                    if n > 0 {
                        self.fill(m + 1, src, consts, mid);
                        replicate(mid, inner, n);
                    }
                }
            }
            let after = out.add((b + n) * inner);
            match self.fill {
                Fill::Constant => {
                    for (at, count, v) in [(out, b, consts[2 * m]), (after, e, consts[2 * m + 1])] {
                        if count == 0 {
                            continue;
                        }
                        if last {
                            at.write(v);
                        } else {
                            self.fill(m + 1, Src::Const(v), consts, at);
                        }
                        replicate(at, inner, count);
                    }
                }
                Fill::Map(f) => {
                    let pads = (0..b).chain(b + n..b + n + e);
                    for i in pads {
                        let k = b as isize + f(i as isize - b as isize, n as isize);
                        let from = out.add(k as usize * inner);
                        std::ptr::copy_nonoverlapping(from, out.add(i * inner), inner);
                    }
                }
            }
        }
    }
}
