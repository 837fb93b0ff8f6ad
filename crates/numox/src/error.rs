//! The one error type of numox, with messages worded like NumPy's exceptions.

use crate::dtype::DType;

/// Every fallible numox call returns this error. Variants follow the NumPy exception a user would
/// see for the same mistake (`ValueError`, `TypeError`, `IndexError`, `AxisError`, `LinAlgError`,
/// `OSError`), and their messages read like NumPy's.
///
/// ```
/// use numox::{Array, Error};
/// let err = Array::from_shape_vec(&[2, 3], vec![1.0f64; 5]).unwrap_err();
/// assert!(matches!(err, Error::Shape(_)));
/// assert_eq!(err.to_string(), "cannot reshape array of size 5 into shape (2,3)");
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    // === Shape errors (NumPy: ValueError) ===
    /// Shapes that do not broadcast together.
    #[error("operands could not be broadcast together with shapes {}", fmt_shapes(.shapes))]
    Broadcast {
        /// The shapes of the operands, in order.
        shapes: Vec<Vec<usize>>,
    },
    /// A shape that does not fit the data, a negative dimension, an overflowing size.
    #[error("{0}")]
    Shape(String),

    // === DType errors (NumPy: TypeError) ===
    /// An operation or conversion the dtype does not support.
    #[error("{0}")]
    DType(String),
    /// Typed access with the wrong Rust element type.
    #[error("dtype mismatch: the array holds {actual}, the caller asked for {requested}")]
    DTypeMismatch {
        /// The array's dtype.
        actual: DType,
        /// The dtype of the Rust type that was asked for.
        requested: DType,
    },
    /// A cast that the casting rule does not allow.
    #[error("Cannot cast array data from dtype('{from}') to dtype('{to}') according to the rule '{rule}'")]
    Casting {
        /// Source dtype.
        from: DType,
        /// Target dtype.
        to: DType,
        /// The casting rule's name (`"no"`, `"equiv"`, `"safe"`, `"same_kind"`, `"unsafe"`).
        rule: &'static str,
    },

    // === Index errors (NumPy: IndexError / AxisError) ===
    /// An index outside an axis.
    #[error("index {index} is out of bounds for axis {axis} with size {size}")]
    Index {
        /// The index as given.
        index: i64,
        /// The axis it was applied to.
        axis: usize,
        /// The axis length.
        size: usize,
    },
    /// Any other indexing mistake (too many indices, wrong index kind).
    #[error("{0}")]
    IndexOther(String),
    /// An axis outside the array's dimensions.
    #[error("axis {axis} is out of bounds for array of dimension {ndim}")]
    Axis {
        /// The axis as given.
        axis: i64,
        /// The number of dimensions.
        ndim: usize,
    },

    // === Value errors (NumPy: ValueError) ===
    /// A bad argument value.
    #[error("{0}")]
    Value(String),
    /// A Python-style integer that does not fit the target dtype (NumPy: OverflowError), as in
    /// `np.int8(1) + 300` or `a[0] = 300` on an int8 array.
    #[error("{0}")]
    Overflow(String),
    /// Writing to an array that is not writeable.
    #[error("assignment destination is read-only")]
    ReadOnly,

    // === Linear algebra (NumPy: LinAlgError) ===
    /// A numerical linear algebra failure.
    #[error("{0}")]
    LinAlg(String),

    // === I/O (NumPy: OSError / ValueError) ===
    /// A file or format error.
    #[error("{0}")]
    Io(String),
    /// A name that is not there (NumPy: KeyError), as a missing member of an `.npz` archive.
    #[error("{0}")]
    Key(String),
}

/// `Result` with numox's [`Error`].
///
/// ```
/// fn first(a: &numox::Array) -> numox::Result<f64> {
///     a.get_as::<f64>(&[0])
/// }
/// assert_eq!(first(&numox::Array::from_vec(vec![2.5f64])).unwrap(), 2.5);
/// ```
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Formats a shape the way NumPy prints a tuple: `(2,3)`, `(5,)`, `()`.
///
/// ```
/// assert_eq!(numox::error::fmt_shape(&[2, 3]), "(2,3)");
/// assert_eq!(numox::error::fmt_shape(&[5]), "(5,)");
/// assert_eq!(numox::error::fmt_shape(&[]), "()");
/// ```
pub fn fmt_shape(shape: &[usize]) -> String {
    match shape {
        [] => "()".to_string(),
        [n] => format!("({n},)"),
        _ => {
            let parts: Vec<String> = shape.iter().map(|d| d.to_string()).collect();
            format!("({})", parts.join(","))
        }
    }
}

fn fmt_shapes(shapes: &[Vec<usize>]) -> String {
    let parts: Vec<String> = shapes.iter().map(|s| fmt_shape(s)).collect();
    parts.join(" ")
}

/// Returns early with an error: `bail!(Value, "msg {}", x)` builds `Error::Value(format!(..))`.
#[macro_export]
#[doc(hidden)]
macro_rules! bail {
    ($kind:ident, $($arg:tt)*) => {
        return Err($crate::Error::$kind(format!($($arg)*)))
    };
}

/// Returns early with an error unless the condition holds.
#[macro_export]
#[doc(hidden)]
macro_rules! ensure {
    ($cond:expr, $kind:ident, $($arg:tt)*) => {
        if !$cond {
            $crate::bail!($kind, $($arg)*);
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broadcast_message_reads_like_numpy() {
        let e = Error::Broadcast {
            shapes: vec![vec![2, 3], vec![4]],
        };
        assert_eq!(
            e.to_string(),
            "operands could not be broadcast together with shapes (2,3) (4,)"
        );
    }

    #[test]
    fn axis_message() {
        let e = Error::Axis { axis: 3, ndim: 2 };
        assert_eq!(
            e.to_string(),
            "axis 3 is out of bounds for array of dimension 2"
        );
    }
}
