//! Indexing and assignment with NumPy's rules: index items ([`Idx`], built with
//! [`s!`](crate::s)), basic indexing into views ([`Array::index`](crate::Array::index),
//! [`Array::slice`](crate::Array::slice), [`Array::slice_mut`](crate::Array::slice_mut)),
//! advanced indexing with integer arrays and boolean masks (copies), assignment through every
//! index kind ([`Array::assign`](crate::Array::assign)), and the functions `take`, `put`,
//! `take_along_axis`, `put_along_axis`, `compress`, `extract`, `nonzero`, `argwhere`,
//! `flatnonzero`.
//!
//! | NumPy | numox |
//! |---|---|
//! | `a[1:, ::-1]` | `a.index(&s![1.., ..;-1])?` (a view) |
//! | `a[:, np.newaxis, -1]` | `a.index(&s![.., NewAxis, -1])?` |
//! | `a[idx]`, `a[[0, 2], 1:]` | `a.index(&s![&idx])?`, `a.index(&s![&array![0, 2], 1..])?` |
//! | `a[a > 0.5]` | `a.index(&s![&a.greater(0.5)?])?` |
//! | `a[1:, 0] = 5` | `a.assign(&s![1.., 0], 5)?` |
//! | `a[a > 5] = 0` | `a.assign(&s![&a.greater(5)?], 0)?` |
//!
//! ```
//! use numox::{arange, s, NewAxis};
//! let a = arange(0, 12, 1).unwrap().reshape(&[3, 4]).unwrap();
//! let v = a.index(&s![1.., ..;-2, NewAxis]).unwrap();
//! assert_eq!(v.shape(), &[2, 2, 1]);
//! assert_eq!(v.to_vec::<i64>().unwrap(), vec![7, 5, 11, 9]);
//! ```

mod funcs;
mod gather;
mod item;
mod methods;
mod nonzero;
mod resolve;
mod scatter;

pub use funcs::{compress, extract, put, put_along_axis, take, take_along_axis, TakeMode};
pub use item::{Ellipsis, Idx, IntoSlice, NewAxis};
pub use nonzero::{argwhere, count_nonzero, flatnonzero, nonzero};
pub use resolve::{select_layout, Basic, Kept};
