//! Reductions: NumPy's `sum`, `prod`, `mean`, `var`, `std`, `min`, `max`, `ptp`, `argmin`,
//! `argmax`, `any`, `all`, `count_nonzero`, `average` and the NaN-ignoring forms, with `axis`
//! (`None`, one axis, several, negative) and `keepdims` given as one [`Axes`] value.
//!
//! Result dtypes, empty-input rules, errors and floating-point bits follow NumPy 2: sums of
//! contiguous float inputs are NumPy's pairwise sums to the last bit.

mod accumulate;
mod arg;
mod average;
mod axes;
mod driver;
mod extrema;
mod lanes;
mod logic;
mod methods;
mod moments;
mod pairwise;
mod sum;

pub use arg::{argmax, argmin, nanargmax, nanargmin};
pub use average::{average, average_returned};
pub use axes::{Axes, AxisList};
pub use extrema::{amax, amin, max, min, nanmax, nanmin, ptp};
pub use logic::{all, any, count_nonzero_axis};
pub use moments::{nanstd, nanvar, std, var};
pub use sum::{mean, nanmean, nanprod, nansum, prod, sum};
