//! Splitting an array into views along one axis: `split`, `array_split`, `vsplit`, `hsplit`,
//! `dsplit`. Every piece is a slice of the input (no copy), as in NumPy.

use crate::array::Array;
use crate::error::{Error, Result};

/// How to split an axis: into a number of sections, or at a list of indices.
///
/// `usize` converts to [`Sections::Count`] and an integer slice or array to
/// [`Sections::Indices`], so `split(&a, 3, 0)` and `split(&a, &[2, 5], 0)` read as in NumPy.
///
/// ```
/// use numox::Sections;
/// assert_eq!(Sections::from(3), Sections::Count(3));
/// assert_eq!(Sections::from(&[2, 5]), Sections::Indices(&[2, 5]));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sections<'a> {
    /// This many sections (NumPy's integer `indices_or_sections`).
    Count(usize),
    /// Split before each of these positions; they are slice bounds, so negative values count
    /// from the end and values past the end give empty pieces (NumPy's 1-D `indices_or_sections`).
    Indices(&'a [isize]),
}

impl From<usize> for Sections<'_> {
    fn from(n: usize) -> Self {
        Sections::Count(n)
    }
}

impl<'a> From<&'a [isize]> for Sections<'a> {
    fn from(v: &'a [isize]) -> Self {
        Sections::Indices(v)
    }
}

impl<'a, const N: usize> From<&'a [isize; N]> for Sections<'a> {
    fn from(v: &'a [isize; N]) -> Self {
        Sections::Indices(v)
    }
}

impl<'a> From<&'a Vec<isize>> for Sections<'a> {
    fn from(v: &'a Vec<isize>) -> Self {
        Sections::Indices(v)
    }
}

/// Splits `a` along `axis` into equal sections or at indices (`np.split`); the pieces are
/// views. A section count that does not divide the axis length is an error.
///
/// ```
/// use numox::{array, split};
/// let a = array![0, 1, 2, 3, 4, 5];
/// let p = split(&a, 3, 0).unwrap();
/// assert_eq!(p[1].to_vec::<i64>().unwrap(), vec![2, 3]);
/// assert!(p[1].shares_buffer(&a));
/// let q = split(&a, &[1, 4], 0).unwrap();
/// assert_eq!(q.iter().map(|x| x.size()).collect::<Vec<_>>(), vec![1, 3, 2]);
/// assert_eq!(
///     split(&a, 4, 0).unwrap_err().to_string(),
///     "array split does not result in an equal division"
/// );
/// ```
pub fn split<'a>(a: &Array, sections: impl Into<Sections<'a>>, axis: isize) -> Result<Vec<Array>> {
    let sections = sections.into();
    if let Sections::Count(k) = sections {
        let n = axis_len(a, axis)?;
        if k == 0 {
            return Err(Error::Value("integer modulo by zero".into()));
        }
        if n % k != 0 {
            return Err(Error::Value(
                "array split does not result in an equal division".into(),
            ));
        }
    }
    array_split(a, sections, axis)
}

/// Splits `a` along `axis` like [`split`], allowing a section count that does not divide the
/// axis: of `n` elements in `k` sections, the first `n % k` get one element more
/// (`np.array_split`).
///
/// ```
/// use numox::{array, array_split};
/// let a = array![0, 1, 2, 3, 4, 5, 6];
/// let p = array_split(&a, 3, 0).unwrap();
/// assert_eq!(p.iter().map(|x| x.size()).collect::<Vec<_>>(), vec![3, 2, 2]);
/// assert_eq!(
///     array_split(&a, 0, 0).unwrap_err().to_string(),
///     "number sections must be larger than 0."
/// );
/// ```
pub fn array_split<'a>(
    a: &Array,
    sections: impl Into<Sections<'a>>,
    axis: isize,
) -> Result<Vec<Array>> {
    let n = axis_len(a, axis)?;
    // `axis_len` checked the axis, so this cannot fail.
    let ax = crate::layout::normalize_axis(axis, a.ndim())?;
    let bounds: Vec<isize> = match sections.into() {
        Sections::Count(0) => {
            return Err(Error::Value(
                "number sections must be larger than 0.".into(),
            ))
        }
        Sections::Count(k) => {
            let (each, extra) = (n / k, n % k);
            let mut b = Vec::with_capacity(k + 1);
            let mut at = 0usize;
            b.push(0);
            for s in 0..k {
                at += each + usize::from(s < extra);
                b.push(at as isize);
            }
            b
        }
        Sections::Indices(idx) => {
            let mut b = Vec::with_capacity(idx.len() + 2);
            b.push(0);
            b.extend_from_slice(idx);
            b.push(n as isize);
            b
        }
    };
    bounds
        .windows(2)
        .map(|w| {
            let l = a.layout().sliced(ax, Some(w[0]), Some(w[1]), 1)?;
            Ok(a.with_layout(l))
        })
        .collect()
}

/// Splits row-wise, along axis 0 (`np.vsplit`); needs at least 2 dimensions.
///
/// ```
/// let a = numox::array![[1, 2], [3, 4]];
/// assert_eq!(numox::vsplit(&a, 2).unwrap()[1].to_vec::<i64>().unwrap(), vec![3, 4]);
/// ```
pub fn vsplit<'a>(a: &Array, sections: impl Into<Sections<'a>>) -> Result<Vec<Array>> {
    if a.ndim() < 2 {
        return Err(Error::Value(
            "vsplit only works on arrays of 2 or more dimensions".into(),
        ));
    }
    split(a, sections, 0)
}

/// Splits column-wise (`np.hsplit`): along axis 1, or axis 0 for 1-D input; needs at least 1
/// dimension.
///
/// ```
/// let a = numox::array![[1, 2], [3, 4]];
/// assert_eq!(numox::hsplit(&a, 2).unwrap()[1].to_vec::<i64>().unwrap(), vec![2, 4]);
/// ```
pub fn hsplit<'a>(a: &Array, sections: impl Into<Sections<'a>>) -> Result<Vec<Array>> {
    if a.ndim() == 0 {
        return Err(Error::Value(
            "hsplit only works on arrays of 1 or more dimensions".into(),
        ));
    }
    split(a, sections, if a.ndim() > 1 { 1 } else { 0 })
}

/// Splits depth-wise, along axis 2 (`np.dsplit`); needs at least 3 dimensions.
///
/// ```
/// let a = numox::Array::zeros(&[1, 2, 4], numox::DType::Int8).unwrap();
/// assert_eq!(numox::dsplit(&a, 2).unwrap()[0].shape(), &[1, 2, 2]);
/// ```
pub fn dsplit<'a>(a: &Array, sections: impl Into<Sections<'a>>) -> Result<Vec<Array>> {
    if a.ndim() < 3 {
        return Err(Error::Value(
            "dsplit only works on arrays of 3 or more dimensions".into(),
        ));
    }
    split(a, sections, 2)
}

/// The length of `axis`; an axis outside the array is NumPy's `ary.shape[axis]` IndexError.
fn axis_len(a: &Array, axis: isize) -> Result<usize> {
    let nd = a.ndim() as isize;
    if axis < -nd || axis >= nd {
        return Err(Error::IndexOther("tuple index out of range".into()));
    }
    Ok(a.shape()[axis.rem_euclid(nd) as usize])
}
