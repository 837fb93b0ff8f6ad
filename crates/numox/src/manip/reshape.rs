//! Reshaping in C or F index order: [`reshape`] and [`Array::reshape_order`].

use crate::array::Array;
use crate::error::Result;
use crate::layout::Order;

/// `a` with a new shape, its elements read and placed in `order` (`np.reshape(a, shape,
/// order)`): a view whenever NumPy gives one, otherwise a copy (C- or F-contiguous as `order`).
/// One dimension may be `-1` and is inferred.
///
/// ```
/// use numox::{array, reshape, Order};
/// let a = array![[0, 1, 2], [3, 4, 5]];
/// let f = reshape(&a, &[3, 2], Order::F).unwrap();
/// assert_eq!(f.to_vec::<i64>().unwrap(), vec![0, 4, 3, 2, 1, 5]);
/// assert!(!f.shares_buffer(&a)); // a C-ordered array read in F order needs a copy
/// assert!(reshape(&a.t(), &[-1], Order::F).unwrap().shares_buffer(&a));
/// assert_eq!(
///     reshape(&a, &[4], Order::C).unwrap_err().to_string(),
///     "cannot reshape array of size 6 into shape (4,)"
/// );
/// assert_eq!(
///     reshape(&a, &[-1, -1], Order::C).unwrap_err().to_string(),
///     "can only specify one unknown dimension"
/// );
/// ```
pub fn reshape(a: &Array, shape: &[isize], order: Order) -> Result<Array> {
    a.reshape_order(shape, order)
}

impl Array {
    /// The array with a new shape, elements read and placed in `order` (`a.reshape(shape,
    /// order=...)`); see [`reshape`]. `Order::C` is [`Array::reshape`].
    ///
    /// ```
    /// use numox::{array, Order};
    /// let a = array![0, 1, 2, 3, 4, 5];
    /// let b = a.reshape_order(&[2, -1], Order::F).unwrap();
    /// assert_eq!(b.shape(), &[2, 3]);
    /// assert_eq!(b.get_as::<i64>(&[1, 0]).unwrap(), 1);
    /// assert!(b.shares_buffer(&a));
    /// ```
    pub fn reshape_order(&self, shape: &[isize], order: Order) -> Result<Array> {
        if order == Order::C {
            return self.reshape(shape);
        }
        // Reading in F order is reading the transpose in C order: reshape the transpose to the
        // reversed shape (a view, or a C-ordered copy) and transpose back (then F-ordered).
        let rev: Vec<isize> = shape.iter().rev().copied().collect();
        // The sizes do not depend on the order: on error, report the shape as the caller gave it.
        let r = self
            .t()
            .reshape(&rev)
            .map_err(|e| self.reshape(shape).err().unwrap_or(e))?;
        Ok(r.t())
    }
}
