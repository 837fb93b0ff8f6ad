//! Reductions: NumPy's `sum`, `mean`, `std`, `min`, `argmax`, ... with `axis` and `keepdims`.

mod axes;

pub use axes::{Axes, AxisList};
