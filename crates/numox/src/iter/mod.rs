//! The multi-operand iterator behind every elementwise operation and reduction.

mod nditer;

pub(crate) use nditer::{k_order_strides, NdIter};
