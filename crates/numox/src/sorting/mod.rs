//! Sorting, searching and set operations, as NumPy's `sort`, `argsort`, `partition`,
//! `argpartition`, `lexsort`, `searchsorted`, `unique`, `isin`, `intersect1d`, `union1d`,
//! `setdiff1d` and `setxor1d`.
//!
//! Every routine works lane by lane along its axis: the lanes are copied next to each other
//! (the axis moved last), each lane is sorted, and the result is viewed back with the axis in
//! its place. Real dtypes sort by a stable radix sort on an order-preserving 64-bit key (NaN
//! last, -0.0 equal to 0.0, both in their input order); complex numbers by a stable comparison
//! sort in NumPy's lexicographic order. One big lane is sorted by both cores; many lanes are
//! shared out between them.
//!
//! ```
//! use numox::{array, sort, argsort, SortKind};
//! let a = array![[3.0, f64::NAN, 1.0], [2.0, -1.0, 0.5]];
//! let s = sort(&a, Some(-1), SortKind::QuickSort).unwrap();
//! assert_eq!(s.get_as::<f64>(&[1, 0]).unwrap(), -1.0);
//! assert!(s.get_as::<f64>(&[0, 2]).unwrap().is_nan());
//! let i = argsort(&a, None, SortKind::Stable).unwrap();
//! assert_eq!(i.to_vec::<i64>().unwrap(), vec![4, 5, 2, 3, 0, 1]);
//! ```

mod lanes;
mod msd;
mod order;
mod partition;
mod radix;
mod search;
mod sets;
mod sort;
mod unique;

pub use partition::{argpartition, partition, Kth};
pub use search::{lexsort, searchsorted, Side};
pub use sets::{intersect1d, intersect1d_indices, isin, setdiff1d, setxor1d, union1d};
pub use sort::{argsort, sort};
pub use unique::{unique, unique_with, Unique, UniqueOpts};

use crate::error::{Error, Result};
use std::str::FromStr;

/// The `kind=` of a sort. Every kind gives NumPy's sorted order; numox's sorts are stable
/// whatever the kind, so `QuickSort` and `HeapSort` also keep equal elements in input order.
///
/// ```
/// use numox::SortKind;
/// assert_eq!("stable".parse::<SortKind>().unwrap(), SortKind::Stable);
/// assert_eq!("mergesort".parse::<SortKind>().unwrap(), SortKind::Stable);
/// assert_eq!(
///     "bogo".parse::<SortKind>().unwrap_err().to_string(),
///     "sort kind must be one of 'quick', 'heap', or 'stable' (got 'bogo')"
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKind {
    /// NumPy's default (`kind=None` or `'quicksort'`).
    #[default]
    QuickSort,
    /// `'heapsort'`.
    HeapSort,
    /// `'stable'` (also `'mergesort'`): equal elements keep their order.
    Stable,
}

impl FromStr for SortKind {
    type Err = Error;

    /// NumPy's names: the first letter decides, as in NumPy (`'q'`, `'h'`, `'s'` or `'m'`).
    fn from_str(s: &str) -> Result<SortKind> {
        match s.chars().next().map(|c| c.to_ascii_lowercase()) {
            Some('q') => Ok(SortKind::QuickSort),
            Some('h') => Ok(SortKind::HeapSort),
            Some('s') | Some('m') => Ok(SortKind::Stable),
            _ => Err(Error::Value(format!(
                "sort kind must be one of 'quick', 'heap', or 'stable' (got '{s}')"
            ))),
        }
    }
}
