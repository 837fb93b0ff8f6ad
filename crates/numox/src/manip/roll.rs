//! Rotating data: `roll` (a cyclic shift along axes, a copy) and `rot90` (a quarter turn in a
//! plane, a view).

use super::tile::new_written;
use super::views::{flip, ravel};
use crate::array::{copy_runs, Array};
use crate::dtype::Element;
use crate::error::{fmt_shape, Error, Result};
use crate::layout::{normalize_axis, Layout, Order};

/// The elements shifted cyclically by `shift` places along `axis` (`np.roll`): elements that
/// leave at the end come back at the start. `shift` and `axis` pair up (one of them may have a
/// single entry for all); shifts of a repeated axis add up. `axis = None` shifts the flattened
/// array and restores the shape. The result is always a new array.
///
/// ```
/// use numox::{array, roll};
/// let a = array![[0, 1, 2], [3, 4, 5]];
/// assert_eq!(roll(&a, &[1], None).unwrap().to_vec::<i64>().unwrap(), vec![5, 0, 1, 2, 3, 4]);
/// let r = roll(&a, &[1, -1], Some(&[0, 1])).unwrap();
/// assert_eq!(r.to_vec::<i64>().unwrap(), vec![4, 5, 3, 1, 2, 0]);
/// assert_eq!(
///     roll(&a, &[1, 2, 3], Some(&[0, 1])).unwrap_err().to_string(),
///     "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between \
///      arg 0 with shape (3,) and arg 1 with shape (2,)."
/// );
/// ```
pub fn roll(a: &Array, shift: &[isize], axis: Option<&[isize]>) -> Result<Array> {
    let Some(axis) = axis else {
        let r = roll(&ravel(a, Order::C), shift, Some(&[0]))?;
        // A fresh C-ordered array of the same size: any shape of that size is a view of it.
        return Ok(r.with_owned_layout(Layout::contiguous(a.shape())));
    };
    let nd = a.ndim();
    let axes = axis
        .iter()
        .map(|&ax| normalize_axis(ax, nd))
        .collect::<Result<Vec<_>>>()?;
    let (ns, na) = (shift.len(), axes.len());
    if ns != na && ns != 1 && na != 1 {
        return Err(Error::Value(format!(
            "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is \
             between arg 0 with shape {} and arg 1 with shape {}.",
            fmt_shape(&[ns]),
            fmt_shape(&[na])
        )));
    }
    let mut total = vec![0i128; nd];
    // Broadcast (shift, axis): a single entry pairs with every entry of the other.
    let pairs = if ns == 0 || na == 0 { 0 } else { ns.max(na) };
    for k in 0..pairs {
        total[axes[k.min(na - 1)]] += shift[k.min(ns - 1)] as i128;
    }
    let shifts: Vec<usize> = total
        .iter()
        .zip(a.shape())
        .map(|(&s, &n)| s.rem_euclid(n.max(1) as i128) as usize)
        .collect();
    new_written(a.shape(), a.dtype(), |dst| {
        crate::dispatch_dtype!(a.dtype(), T => {
            let r = Roller { src: a.base_ptr(), layout: a.layout(), shifts: &shifts };
            // SAFETY: `dst` is the fresh C-ordered output of dtype T and `a`'s shape; the
            // source layout addresses elements of `a`'s buffer of dtype T.
            unsafe { r.run::<T>(dst as *mut T) }
        });
        Ok(())
    })
}

/// Writes a cyclically shifted copy of one source layout into a C-ordered output.
struct Roller<'a> {
    src: *const u8,
    layout: &'a Layout,
    shifts: &'a [usize],
}

impl Roller<'_> {
    /// # Safety
    /// `out` is valid for the output's size; the source layout is inside the source buffer.
    unsafe fn run<T: Element>(&self, out: *mut T) {
        // SAFETY (both arms): the caller's contract.
        match self.shifts.iter().rposition(|&s| s != 0) {
            None => unsafe { copy_runs::<T>(self.src, self.layout, out) },
            Some(q) => unsafe { self.fill(0, q, self.layout.offset() as isize, out) },
        }
    }

    /// Writes the output slab of axes `m..` whose source sub-array starts at offset `off`;
    /// past the last shifted axis `q` every slab is two block copies.
    unsafe fn fill<T: Element>(&self, m: usize, q: usize, off: isize, out: *mut T) {
        let (shape, strides) = (self.layout.shape(), self.layout.strides());
        let (n, s, st) = (shape[m], self.shifts[m], strides[m]);
        let inner: usize = shape[m + 1..].iter().product();
        // SAFETY (whole body): output index i along axis m takes source index (i - s) mod n;
        // each write stays in this slab (`n * inner` elements at `out`), each read in the
        // source layout.
        unsafe {
            if m == q {
                // out[..s] = src[n - s..], out[s..] = src[..n - s]
                let mut dims = shape[m..].to_vec();
                dims[0] = s;
                let tail = off + (n - s) as isize * st;
                let block = Layout::from_parts(&dims, &strides[m..], tail as usize);
                copy_runs::<T>(self.src, &block, out);
                dims[0] = n - s;
                let head = Layout::from_parts(&dims, &strides[m..], off as usize);
                copy_runs::<T>(self.src, &head, out.add(s * inner));
                return;
            }
            for i in 0..n {
                let from = (i + n - s) % n;
                self.fill(m + 1, q, off + from as isize * st, out.add(i * inner));
            }
        }
    }
}

/// The view rotated by 90 degrees `k` times in the plane of `axes`, from the first axis
/// towards the second (`np.rot90`); negative `k` turns the other way.
///
/// ```
/// use numox::{array, rot90};
/// let a = array![[1, 2], [3, 4]];
/// let r = rot90(&a, 1, [0, 1]).unwrap();
/// assert_eq!(r.to_vec::<i64>().unwrap(), vec![2, 4, 1, 3]);
/// assert!(numox::shares_memory(&r, &a));
/// assert_eq!(rot90(&a, 1, [1, -1]).unwrap_err().to_string(), "Axes must be different.");
/// assert_eq!(
///     rot90(&a, 1, [0, 3]).unwrap_err().to_string(),
///     "Axes=(0, 3) out of range for array of ndim=2."
/// );
/// ```
pub fn rot90(a: &Array, k: isize, axes: [isize; 2]) -> Result<Array> {
    let nd = a.ndim() as isize;
    let [a0, a1] = axes;
    if a0 == a1 || (a0 as i128 - a1 as i128).abs() == nd as i128 {
        return Err(Error::Value("Axes must be different.".into()));
    }
    if a0 >= nd || a0 < -nd || a1 >= nd || a1 < -nd {
        return Err(Error::Value(format!(
            "Axes=({a0}, {a1}) out of range for array of ndim={nd}."
        )));
    }
    let (i, j) = (a0.rem_euclid(nd), a1.rem_euclid(nd));
    let mut perm: Vec<isize> = (0..nd).collect();
    perm.swap(i as usize, j as usize);
    match k.rem_euclid(4) {
        0 => Ok(a.with_layout(a.layout().clone())),
        1 => flip(a, Some(&[j]))?.permute_axes(&perm),
        2 => flip(a, Some(&[i, j])),
        _ => flip(&a.permute_axes(&perm)?, Some(&[j])),
    }
}
