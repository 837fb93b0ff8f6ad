//! `cross` (the cross product of 2- and 3-vectors) and `kron` (the Kronecker product).

use super::diagonal::named_axis;
use crate::array::Array;
use crate::error::{fmt_shape, Error, Result};
use crate::layout::broadcast_shapes;
use crate::manip::{moveaxis, stack};
use crate::{multiply, negative, subtract};

/// The axes of [`cross`]: where the vectors lie in `a`, in `b` and in the result (NumPy's
/// `axisa`, `axisb`, `axisc`, all -1 by default; [`CrossAxes::all`] is NumPy's `axis=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CrossAxes {
    /// The axis of `a` holding its vectors.
    pub axisa: isize,
    /// The axis of `b` holding its vectors.
    pub axisb: isize,
    /// The axis of the result holding its vectors.
    pub axisc: isize,
}

impl Default for CrossAxes {
    fn default() -> CrossAxes {
        CrossAxes::all(-1)
    }
}

impl CrossAxes {
    /// One axis for `a`, `b` and the result (`axis=` in NumPy).
    ///
    /// ```
    /// assert_eq!(numox::CrossAxes::all(0).axisb, 0);
    /// ```
    pub fn all(axis: isize) -> CrossAxes {
        CrossAxes {
            axisa: axis,
            axisb: axis,
            axisc: axis,
        }
    }
}

/// `x * y - z * w` of optional products: a missing product is a zero component, left out as
/// NumPy leaves it out (so no `0 * inf` appears).
fn minus(p: Option<(&Array, &Array)>, q: Option<(&Array, &Array)>) -> Result<Array> {
    match (p, q) {
        (Some((x, y)), Some((z, w))) => subtract(&multiply(x, y)?, &multiply(z, w)?),
        (Some((x, y)), None) => multiply(x, y),
        (None, Some((z, w))) => negative(&multiply(z, w)?),
        (None, None) => Err(Error::Value("empty cross product term".into())),
    }
}

/// The cross product of vectors in `a` and `b` (`np.cross(a, b, axisa, axisb, axisc)`): the
/// vectors lie along the given axes and have 2 or 3 components; the other axes broadcast. Two
/// 2-vectors give the z component alone (the vector axis is dropped); otherwise the result has
/// 3 components along `axisc`.
///
/// ```
/// use numox::{array, cross, CrossAxes};
/// let x = array![1.0, 0.0, 0.0];
/// let y = array![0.0, 1.0, 0.0];
/// assert_eq!(cross(&x, &y, CrossAxes::default()).unwrap().to_vec::<f64>().unwrap(), vec![0.0, 0.0, 1.0]);
/// let r = cross(&array![1, 2], &array![3, 4], CrossAxes::default()).unwrap();
/// assert_eq!(r.item_as::<i64>().unwrap(), -2);
/// assert_eq!(
///     cross(&array![1, 2, 3, 4], &x, CrossAxes::default()).unwrap_err().to_string(),
///     "incompatible dimensions for cross product\n(dimension must be 2 or 3)"
/// );
/// ```
pub fn cross(a: &Array, b: &Array, axes: CrossAxes) -> Result<Array> {
    let ia = named_axis("axisa", axes.axisa, a.ndim())?;
    let ib = named_axis("axisb", axes.axisb, b.ndim())?;
    let a = moveaxis(a, &[ia as isize], &[-1])?;
    let b = moveaxis(b, &[ib as isize], &[-1])?;
    let (da, db) = (a.shape()[a.ndim() - 1], b.shape()[b.ndim() - 1]);
    if !matches!(da, 2 | 3) || !matches!(db, 2 | 3) {
        return Err(Error::Value(
            "incompatible dimensions for cross product\n(dimension must be 2 or 3)".into(),
        ));
    }
    let (la, lb) = (&a.shape()[..a.ndim() - 1], &b.shape()[..b.ndim() - 1]);
    let shape = broadcast_shapes(&[la, lb]).map_err(|_| {
        Error::Value(format!(
            "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is \
             between arg 0 with shape {} and arg 1 with shape {}.",
            fmt_shape(la),
            fmt_shape(lb)
        ))
    })?;
    let comp = |x: &Array, d: usize| -> Result<Vec<Array>> {
        (0..d).map(|i| x.index_axis(-1, i as isize)).collect()
    };
    let (ca, cb) = (comp(&a, da)?, comp(&b, db)?);
    let (a0, a1, b0, b1) = (&ca[0], &ca[1], &cb[0], &cb[1]);
    let z = minus(Some((a0, b1)), Some((a1, b0)))?;
    if da == 2 && db == 2 {
        return z.broadcast_to(&shape).map(|v| v.copy());
    }
    let (a2, b2) = (ca.get(2), cb.get(2));
    let x = minus(b2.map(|b2| (a1, b2)), a2.map(|a2| (a2, b1)))?;
    let y = minus(a2.map(|a2| (a2, b0)), b2.map(|b2| (a0, b2)))?;
    let parts: Vec<Array> = [x, y, z]
        .iter()
        .map(|p| p.broadcast_to(&shape))
        .collect::<Result<_>>()?;
    let refs: Vec<&Array> = parts.iter().collect();
    let r = stack(&refs, -1)?;
    let ic = named_axis("axisc", axes.axisc, r.ndim())?;
    moveaxis(&r, &[-1], &[ic as isize])
}

/// The Kronecker product (`np.kron(a, b)`): blocks `a[i, j, ...] * b`, the shapes padded with
/// leading ones to the same length.
///
/// ```
/// use numox::{array, kron};
/// let r = kron(&array![[1, 2], [3, 4]], &array![1, 10]).unwrap();
/// assert_eq!(r.shape(), &[2, 4]);
/// assert_eq!(r.to_vec::<i64>().unwrap(), vec![1, 10, 2, 20, 3, 30, 4, 40]);
/// ```
pub fn kron(a: &Array, b: &Array) -> Result<Array> {
    let nd = a.ndim().max(b.ndim());
    let pad = |x: &Array| {
        let mut s = vec![1usize; nd - x.ndim()];
        s.extend_from_slice(x.shape());
        s
    };
    let (sa, sb) = (pad(a), pad(b));
    let mut ea = Vec::with_capacity(2 * nd);
    let mut eb = Vec::with_capacity(2 * nd);
    for (&x, &y) in sa.iter().zip(&sb) {
        ea.extend([x as isize, 1]);
        eb.extend([1, y as isize]);
    }
    let r = multiply(&a.reshape(&ea)?, &b.reshape(&eb)?)?;
    let shape: Vec<isize> = sa
        .iter()
        .zip(&sb)
        .map(|(&x, &y)| (x * y) as isize)
        .collect();
    r.reshape(&shape)
}
