//! The indexing methods of [`Array`] and [`ArrayViewMut`]: `index` (NumPy's `a[idx]`), `slice`
//! (views only), `slice_mut`, and `assign` (NumPy's `a[idx] = value`).

use super::gather::{compress_mask, gather};
use super::item::Idx;
use super::resolve::{select, select_layout, Basic, Selection};
use super::scatter::assign_raw;
use crate::array::{Array, ArrayViewMut};
use crate::error::{Error, Result};
use crate::layout::Layout;
use crate::promote::Casting;
use crate::ufunc::Operand;

/// The basic items of an index, or an error naming the method that takes only those.
fn basic_only(items: &[Idx], method: &str) -> Result<Vec<Basic>> {
    items
        .iter()
        .map(|i| match *i {
            Idx::Int(k) => Ok(Basic::Int(k)),
            Idx::Slice { start, stop, step } => Ok(Basic::Slice(start, stop, step)),
            Idx::NewAxis => Ok(Basic::NewAxis),
            Idx::Ellipsis => Ok(Basic::Ellipsis),
            Idx::Array(_) => Err(Error::IndexOther(format!(
                "{method} takes integers, slices, NewAxis and Ellipsis only (arrays select copies: use index or assign)"
            ))),
        })
        .collect()
}

fn view_layout(l: &Layout, items: &[Idx], method: &str) -> Result<Layout> {
    Ok(select_layout(l, &basic_only(items, method)?)?.0)
}

impl Array {
    /// NumPy's `a[idx]`: a view when every item is basic (integers, slices, [`NewAxis`],
    /// [`Ellipsis`]), otherwise a new array (integer arrays index, boolean arrays mask, with
    /// NumPy's rules for broadcasting the index arrays and placing their dimensions).
    ///
    /// [`NewAxis`]: crate::NewAxis
    /// [`Ellipsis`]: crate::Ellipsis
    ///
    /// ```
    /// use numox::{array, s};
    /// let a = array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]];
    /// let v = a.index(&s![.., ..;-1]).unwrap(); // a[:, ::-1], a view
    /// assert!(v.shares_buffer(&a));
    /// assert_eq!(v.to_vec::<f64>().unwrap(), vec![3.0, 2.0, 1.0, 6.0, 5.0, 4.0]);
    /// let rows = array![1i64, 0, 1];
    /// let c = a.index(&s![&rows, 0]).unwrap(); // a[[1, 0, 1], 0], a copy
    /// assert_eq!(c.to_vec::<f64>().unwrap(), vec![4.0, 1.0, 4.0]);
    /// let big = a.index(&s![&a.greater(2.5).unwrap()]).unwrap(); // a[a > 2.5]
    /// assert_eq!(big.to_vec::<f64>().unwrap(), vec![3.0, 4.0, 5.0, 6.0]);
    /// assert_eq!(
    ///     a.index(&s![0, 0, 0]).unwrap_err().to_string(),
    ///     "too many indices for array: array is 2-dimensional, but 3 were indexed"
    /// );
    /// ```
    pub fn index(&self, items: &[Idx]) -> Result<Array> {
        match select(self.layout(), items)? {
            Selection::View(l) => Ok(self.with_layout(l)),
            Selection::Mask(m) => compress_mask(self, &m),
            Selection::Plan(p) => gather(self, &p),
        }
    }

    /// The view `a[idx]` for basic items only (integers, slices, `NewAxis`, `Ellipsis`); an
    /// array item is an error (use [`Array::index`]).
    ///
    /// ```
    /// use numox::{arange, s};
    /// let a = arange(0, 10, 1).unwrap();
    /// let v = a.slice(&s![2..;3]).unwrap();
    /// assert_eq!(v.to_vec::<i64>().unwrap(), vec![2, 5, 8]);
    /// assert!(a.slice(&s![&v]).is_err());
    /// ```
    pub fn slice(&self, items: &[Idx]) -> Result<Array> {
        Ok(self.with_layout(view_layout(self.layout(), items, "slice")?))
    }

    /// A mutable view `a[idx]` for basic items: writes through it reach this array.
    ///
    /// ```
    /// use numox::{array, s};
    /// let mut a = array![[1, 2, 3], [4, 5, 6]];
    /// a.slice_mut(&s![.., -1]).unwrap().fill(0i64).unwrap();
    /// assert_eq!(a.to_vec::<i64>().unwrap(), vec![1, 2, 0, 4, 5, 0]);
    /// ```
    pub fn slice_mut(&mut self, items: &[Idx]) -> Result<ArrayViewMut<'_>> {
        // Checked first, so an error leaves the array alone (no copy-on-write for nothing).
        view_layout(self.layout(), items, "slice_mut")?;
        // Copy-on-write may move the elements to a new layout: resolve against it.
        let mut v = self.view_mut()?;
        let (ptr, layout, dtype) = v.raw_parts();
        let l = view_layout(layout, items, "slice_mut")?;
        // SAFETY: `l` is a sub-layout of this array's layout over the buffer `view_mut` made
        // unique; the new view inherits the mutable borrow of `self`.
        Ok(unsafe { ArrayViewMut::new(ptr, dtype, l) })
    }

    /// NumPy's `a[idx] = value`, in place: the value (an array, or a Rust scalar taken as a
    /// Python scalar) is cast to this array's dtype as NumPy's assignment casts it (arrays
    /// unsafely, scalars by value: `300` into int8 and NaN into an integer array are errors),
    /// then broadcast to the selection. With repeated indices the last write wins.
    ///
    /// ```
    /// use numox::{array, s};
    /// let mut a = array![[1.0, 7.0], [f64::NAN, 9.0]];
    /// let big = a.greater(5.0).unwrap();
    /// a.assign(&s![&big], 0.0).unwrap(); // a[a > 5] = 0
    /// let nan = a.isnan().unwrap();
    /// a.assign(&s![&nan], -1.0).unwrap(); // a[np.isnan(a)] = -1
    /// assert_eq!(a.to_vec::<f64>().unwrap(), vec![1.0, 0.0, -1.0, 0.0]);
    /// a.assign(&s![.., 1], &array![5, 6]).unwrap(); // int64 values cast to float64
    /// assert_eq!(a.to_vec::<f64>().unwrap(), vec![1.0, 5.0, -1.0, 6.0]);
    /// let mut b = array![0i8, 0];
    /// assert_eq!(
    ///     b.assign(&s![0], 300).unwrap_err().to_string(),
    ///     "Python integer 300 out of bounds for int8"
    /// );
    /// ```
    pub fn assign<'a>(&mut self, items: &[Idx], value: impl Into<Operand<'a>>) -> Result<()> {
        self.assign_with(items, value, Casting::Unsafe)
    }

    /// [`Array::assign`] under a casting rule for the value (`np.copyto(a[idx], v,
    /// casting=...)`): `Casting::SameKind` refuses float values into an integer array.
    ///
    /// ```
    /// use numox::{array, s, Casting};
    /// let mut a = array![1i64, 2, 3];
    /// a.assign_with(&s![1..], &array![7i32, 8], Casting::SameKind).unwrap();
    /// assert_eq!(a.to_vec::<i64>().unwrap(), vec![1, 7, 8]);
    /// let e = a.assign_with(&s![..], &array![1.5], Casting::SameKind).unwrap_err();
    /// assert_eq!(
    ///     e.to_string(),
    ///     "Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'same_kind'"
    /// );
    /// ```
    pub fn assign_with<'a>(
        &mut self,
        items: &[Idx],
        value: impl Into<Operand<'a>>,
        casting: Casting,
    ) -> Result<()> {
        let mut v = self.view_mut()?;
        v.assign_with(items, value, casting)
    }
}

impl ArrayViewMut<'_> {
    /// A narrower mutable view `v[idx]` for basic items; it reborrows this one.
    ///
    /// ```
    /// use numox::{array, s};
    /// let mut a = array![[1, 2], [3, 4]];
    /// let mut v = a.view_mut().unwrap();
    /// v.slice_mut(&s![1, ..]).unwrap().fill(0i64).unwrap();
    /// assert_eq!(a.to_vec::<i64>().unwrap(), vec![1, 2, 0, 0]);
    /// ```
    pub fn slice_mut(&mut self, items: &[Idx]) -> Result<ArrayViewMut<'_>> {
        let l = view_layout(self.layout(), items, "slice_mut")?;
        let (ptr, _, dtype) = self.raw_parts();
        // SAFETY: `l` is a sub-layout of this view's; the reborrow keeps this view unused.
        Ok(unsafe { ArrayViewMut::new(ptr, dtype, l) })
    }

    /// `v[idx] = value` through the view: the writes reach the base array (see
    /// [`Array::assign`] for the casting and broadcasting rules).
    ///
    /// ```
    /// use numox::{array, s};
    /// let mut a = array![[1, 2, 3], [4, 5, 6]];
    /// let mut row = a.slice_mut(&s![1]).unwrap();
    /// row.assign(&s![&array![2i64, 0, 2]], 9).unwrap(); // repeated index: written twice
    /// assert_eq!(a.to_vec::<i64>().unwrap(), vec![1, 2, 3, 9, 5, 9]);
    /// ```
    pub fn assign<'a>(&mut self, items: &[Idx], value: impl Into<Operand<'a>>) -> Result<()> {
        self.assign_with(items, value, Casting::Unsafe)
    }

    /// [`ArrayViewMut::assign`] under a casting rule for the value.
    ///
    /// ```
    /// use numox::{array, s, Casting};
    /// let mut a = array![1.0f32, 2.0];
    /// let e = a.view_mut().unwrap().assign_with(&s![0], 1.5f64, Casting::Safe);
    /// assert!(e.is_ok());
    /// let mut b = array![1u8, 2];
    /// assert!(b.view_mut().unwrap().assign_with(&s![0], 1.5, Casting::SameKind).is_err());
    /// ```
    pub fn assign_with<'a>(
        &mut self,
        items: &[Idx],
        value: impl Into<Operand<'a>>,
        casting: Casting,
    ) -> Result<()> {
        let value = value.into();
        let (ptr, layout, dtype) = self.raw_parts();
        let layout = layout.clone();
        // SAFETY: the view holds its buffer uniquely for its lifetime and `layout` is its own;
        // index and value arrays cannot borrow that buffer (the view borrows it mutably).
        unsafe { assign_raw(ptr, &layout, dtype, items, value, casting) }
    }
}
