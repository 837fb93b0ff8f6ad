//! Shape manipulation, as NumPy's `ravel`, `transpose`, `squeeze`, `flip`, `concatenate`,
//! `stack` and friends. Views share the input's buffer wherever NumPy returns a view; joins
//! copy each input with one strided walk into its slice of the output.
//!
//! ```
//! let a = numox::array![[1, 2, 3], [4, 5, 6]];
//! let t = numox::transpose(&a, None).unwrap();
//! assert!(t.shares_buffer(&a));
//! let c = numox::concatenate(&[&a, &a], Some(1)).unwrap();
//! assert_eq!(c.shape(), &[2, 6]);
//! ```

mod dims;
mod join;
mod memory;
mod pad;
mod reshape;
mod roll;
mod split;
mod tile;
mod views;

pub use dims::{
    ascontiguousarray, asfortranarray, atleast_1d, atleast_2d, atleast_3d, broadcast_arrays,
    broadcast_to, expand_dims, squeeze,
};
pub use join::{column_stack, concatenate, dstack, hstack, stack, vstack};
pub use memory::{may_share_memory, shares_memory};
pub use pad::{pad, PadMode};
pub use reshape::reshape;
pub use roll::{roll, rot90};
pub use split::{array_split, dsplit, hsplit, split, vsplit, Sections};
pub use tile::{repeat, tile};
pub use views::{flatten, flip, fliplr, flipud, moveaxis, ravel, swapaxes, transpose};

use crate::error::{Error, Result};
use crate::layout::normalize_axis;

/// Normalizes several axes against `ndim`, rejecting repeats with `repeated` as the message, and
/// prefixing out-of-range errors with `prefix` as NumPy's `normalize_axis_tuple(argname=...)`.
pub(crate) fn normalize_axes(
    axes: &[isize],
    ndim: usize,
    prefix: Option<&str>,
    repeated: &str,
) -> Result<Vec<usize>> {
    let mut out = Vec::with_capacity(axes.len());
    for &a in axes {
        let ax = normalize_axis(a, ndim).map_err(|e| match prefix {
            Some(p) => Error::IndexOther(format!("{p}: {e}")),
            None => e,
        })?;
        if out.contains(&ax) {
            return Err(Error::Value(repeated.to_string()));
        }
        out.push(ax);
    }
    Ok(out)
}
