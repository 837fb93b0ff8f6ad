//! Statistics: cumulative sums and products, differences, order statistics (median, percentile,
//! quantile and their NaN-ignoring forms), bincount and histogram.
//!
//! | NumPy | numox |
//! |---|---|
//! | `np.cumsum(a)`, `np.cumsum(a, axis=1)` | `cumsum(&a, None)?`, `cumsum(&a, Some(1))?` |
//! | `np.diff(a, n=2, axis=0)` | `diff(&a, 2, 0)?` |
//! | `np.median(a, axis=0, keepdims=True)` | `median(&a, Axes::from(0).keepdims())?` |
//! | `np.percentile(a, [25, 75], axis=1)` | `percentile(&a, &array![25.0, 75.0], 1)?` |
//! | `np.quantile(a, 0.3, method="lower")` | `quantile_with(&a, 0.3, None, QuantileMethod::Lower)?` |
//! | `np.bincount(x, minlength=5)` | `bincount(&x, None, 5)?` |
//! | `np.histogram(a, bins=10, range=(0, 1))` | `histogram(&a, Bins::Count(10), Some((0.0, 1.0)), None, false)?` |

mod cumulative;
mod diff;
mod histogram;
mod lanes;
mod quantile;
mod select;

pub use cumulative::{cumprod, cumprod_dtype, cumsum, cumsum_dtype, nancumprod, nancumsum};
pub use diff::{diff, diff_with};
pub use histogram::{bincount, histogram, histogram_bin_edges, Bins};
pub use quantile::{
    median, nanmedian, nanpercentile, nanpercentile_with, nanquantile, nanquantile_with,
    percentile, percentile_with, quantile, quantile_with, QuantileMethod, Quantiles,
};
