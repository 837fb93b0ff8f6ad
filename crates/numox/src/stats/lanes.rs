//! Lanes of a reduction: the reduced axes moved last and merged, copied C-contiguous so each
//! lane is one slice.

use crate::array::Array;
use crate::dtype::Element;
use crate::error::Result;

/// The elements of `a` with the axes `axes` (sorted, in range) moved last, in C order, so lane
/// `i` is `data[i * n..(i + 1) * n]`. Returns the data, the shape of the kept axes and `n`.
pub(crate) fn gather_lanes<T: Element>(
    a: &Array,
    axes: &[usize],
) -> Result<(Vec<T>, Vec<usize>, usize)> {
    let kept: Vec<usize> = (0..a.ndim()).filter(|i| !axes.contains(i)).collect();
    let kept_shape: Vec<usize> = kept.iter().map(|&i| a.shape()[i]).collect();
    let n: usize = axes.iter().map(|&i| a.shape()[i]).product();
    let perm: Vec<isize> = kept.iter().chain(axes).map(|&i| i as isize).collect();
    let data = a.permute_axes(&perm)?.to_vec::<T>()?;
    Ok((data, kept_shape, n))
}

/// The result shape of a reduction over `axes`: `prefix` (the shape of `q` for quantiles), then
/// the kept axes, with the reduced ones as length 1 under `keepdims`.
pub(crate) fn reduced_shape(
    shape: &[usize],
    axes: &[usize],
    keepdims: bool,
    prefix: &[usize],
) -> Vec<usize> {
    let mut out = prefix.to_vec();
    for (i, &n) in shape.iter().enumerate() {
        if !axes.contains(&i) {
            out.push(n);
        } else if keepdims {
            out.push(1);
        }
    }
    out
}
