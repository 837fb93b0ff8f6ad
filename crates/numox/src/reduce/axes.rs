//! [`Axes`]: the `axis=` and `keepdims=` arguments of NumPy's reductions, as one Rust value.
//!
//! Every reduction takes `axis: impl Into<Axes>`, so the NumPy spellings carry over:
//!
//! | NumPy | numox |
//! |---|---|
//! | `a.sum()` / `axis=None` | `a.sum(None)` |
//! | `axis=0`, `axis=-1` | `a.sum(0)`, `a.sum(-1)` |
//! | `axis=(0, 2)` | `a.sum([0, 2])` |
//! | `axis=1, keepdims=True` | `a.sum(Axes::from(1).keepdims())` |

use crate::error::{Error, Result};
use crate::layout::normalize_axis;
use smallvec::SmallVec;

/// Axis positions after normalisation: sorted, in `0..ndim`, no duplicates.
pub type AxisList = SmallVec<[usize; 8]>;

/// Which axes a reduction runs over (`None` = all of them) and whether the reduced axes stay as
/// length-1 dimensions (`keepdims`).
///
/// ```
/// use numox::Axes;
/// let all = Axes::from(None);
/// assert_eq!(all.resolve(3).unwrap().as_slice(), &[0, 1, 2]);
/// let last = Axes::from(-1).keepdims();
/// assert!(last.keeps_dims());
/// assert_eq!(last.resolve(3).unwrap().as_slice(), &[2]);
/// assert_eq!(Axes::from([2, 0]).resolve(3).unwrap().as_slice(), &[0, 2]);
/// assert_eq!(
///     Axes::from([0, -3]).resolve(3).unwrap_err().to_string(),
///     "duplicate value in 'axis'"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Axes {
    axes: Option<SmallVec<[isize; 4]>>,
    keepdims: bool,
}

impl Axes {
    /// Every axis (NumPy's `axis=None`).
    ///
    /// ```
    /// use numox::Axes;
    /// assert_eq!(Axes::all(), Axes::from(None));
    /// ```
    pub fn all() -> Axes {
        Axes::default()
    }

    /// The same axes with `keepdims=True`: reduced axes stay as length-1 dimensions.
    ///
    /// ```
    /// use numox::Axes;
    /// assert!(Axes::from(0).keepdims().keeps_dims());
    /// ```
    pub fn keepdims(mut self) -> Axes {
        self.keepdims = true;
        self
    }

    /// Sets `keepdims` to `keep`.
    ///
    /// ```
    /// use numox::Axes;
    /// assert!(!Axes::from(0).keepdims().with_keepdims(false).keeps_dims());
    /// ```
    pub fn with_keepdims(mut self, keep: bool) -> Axes {
        self.keepdims = keep;
        self
    }

    /// Whether reduced axes are kept as length-1 dimensions.
    ///
    /// ```
    /// use numox::Axes;
    /// assert!(!Axes::from(None).keeps_dims());
    /// ```
    pub fn keeps_dims(&self) -> bool {
        self.keepdims
    }

    /// `true` for `axis=None`.
    ///
    /// ```
    /// use numox::Axes;
    /// assert!(Axes::all().is_all());
    /// assert!(!Axes::from(0).is_all());
    /// ```
    pub fn is_all(&self) -> bool {
        self.axes.is_none()
    }

    /// The axes as given (`None` for all), before normalisation.
    ///
    /// ```
    /// use numox::Axes;
    /// assert_eq!(Axes::from(-1).given(), Some(&[-1isize][..]));
    /// ```
    pub fn given(&self) -> Option<&[isize]> {
        self.axes.as_deref()
    }

    /// The axes for an array of `ndim` dimensions: negative axes counted from the end, sorted,
    /// checked. Errors as NumPy's: an axis out of range is an `AxisError`
    /// ("axis 3 is out of bounds for array of dimension 2"), a repeated axis is
    /// "duplicate value in 'axis'".
    ///
    /// ```
    /// use numox::Axes;
    /// assert_eq!(
    ///     Axes::from(2).resolve(2).unwrap_err().to_string(),
    ///     "axis 2 is out of bounds for array of dimension 2"
    /// );
    /// assert!(Axes::from(None).resolve(0).unwrap().is_empty());
    /// ```
    pub fn resolve(&self, ndim: usize) -> Result<AxisList> {
        match &self.axes {
            None => Ok((0..ndim).collect()),
            Some(given) => {
                let mut out = AxisList::new();
                for &a in given {
                    let n = normalize_axis(a, ndim)?;
                    if out.contains(&n) {
                        return Err(Error::Value("duplicate value in 'axis'".into()));
                    }
                    out.push(n);
                }
                out.sort_unstable();
                Ok(out)
            }
        }
    }

    /// The shape of the result for an input of `shape`: reduced axes dropped, or kept as 1 with
    /// `keepdims`.
    ///
    /// ```
    /// use numox::Axes;
    /// assert_eq!(Axes::from(1).out_shape(&[2, 3, 4]).unwrap().as_slice(), &[2, 4]);
    /// assert_eq!(
    ///     Axes::from(1).keepdims().out_shape(&[2, 3, 4]).unwrap().as_slice(),
    ///     &[2, 1, 4]
    /// );
    /// ```
    pub fn out_shape(&self, shape: &[usize]) -> Result<SmallVec<[usize; 8]>> {
        let axes = self.resolve(shape.len())?;
        Ok(shape
            .iter()
            .enumerate()
            .filter_map(|(i, &n)| match (axes.contains(&i), self.keepdims) {
                (false, _) => Some(n),
                (true, true) => Some(1),
                (true, false) => None,
            })
            .collect())
    }
}

impl From<Option<isize>> for Axes {
    fn from(a: Option<isize>) -> Axes {
        Axes {
            axes: a.map(|a| SmallVec::from_slice(&[a])),
            keepdims: false,
        }
    }
}

macro_rules! axes_from_int {
    ($($t:ty),*) => {$(
        impl From<$t> for Axes {
            fn from(a: $t) -> Axes {
                Axes { axes: Some(SmallVec::from_slice(&[a as isize])), keepdims: false }
            }
        }
    )*};
}
axes_from_int!(isize, i32, i64, usize);

impl<const N: usize> From<[isize; N]> for Axes {
    fn from(a: [isize; N]) -> Axes {
        Axes::from(&a[..])
    }
}

impl From<&[isize]> for Axes {
    fn from(a: &[isize]) -> Axes {
        Axes {
            axes: Some(SmallVec::from_slice(a)),
            keepdims: false,
        }
    }
}

impl From<&Vec<isize>> for Axes {
    fn from(a: &Vec<isize>) -> Axes {
        Axes::from(&a[..])
    }
}

impl From<Vec<isize>> for Axes {
    fn from(a: Vec<isize>) -> Axes {
        Axes::from(&a[..])
    }
}

impl From<&[usize]> for Axes {
    fn from(a: &[usize]) -> Axes {
        Axes {
            axes: Some(a.iter().map(|&x| x as isize).collect()),
            keepdims: false,
        }
    }
}

impl From<&Axes> for Axes {
    fn from(a: &Axes) -> Axes {
        a.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn takes(a: impl Into<Axes>) -> Axes {
        a.into()
    }

    #[test]
    fn spellings_infer() {
        assert!(takes(None).is_all());
        assert_eq!(takes(0).given(), Some(&[0isize][..]));
        assert_eq!(takes(-1).given(), Some(&[-1isize][..]));
        assert_eq!(takes([0, 1]).given(), Some(&[0isize, 1][..]));
        assert_eq!(takes(Some(2)).given(), Some(&[2isize][..]));
        let n: usize = 1;
        assert_eq!(takes(n).given(), Some(&[1isize][..]));
        assert_eq!(takes(Vec::<isize>::new()).resolve(2).unwrap().len(), 0);
    }

    #[test]
    fn resolve_errors() {
        assert_eq!(
            takes(-3).resolve(2).unwrap_err().to_string(),
            "axis -3 is out of bounds for array of dimension 2"
        );
        assert_eq!(
            takes([1, 1]).resolve(2).unwrap_err().to_string(),
            "duplicate value in 'axis'"
        );
        assert_eq!(
            takes(0).resolve(0).unwrap_err().to_string(),
            "axis 0 is out of bounds for array of dimension 0"
        );
    }

    #[test]
    fn out_shapes() {
        assert!(takes(None).out_shape(&[2, 3]).unwrap().is_empty());
        assert_eq!(
            takes(None)
                .keepdims()
                .out_shape(&[2, 3])
                .unwrap()
                .as_slice(),
            &[1, 1]
        );
        assert_eq!(
            takes([0, 2]).out_shape(&[2, 0, 4]).unwrap().as_slice(),
            &[0]
        );
    }
}
