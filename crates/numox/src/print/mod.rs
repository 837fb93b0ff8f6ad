//! Printing arrays character for character as NumPy 2 does.
//!
//! `Display` of an [`Array`] is NumPy's `str(a)` and `Debug` is `repr(a)`, both following the
//! process-wide options of [`set_printoptions`]. [`array_str`] and [`array_repr`] take explicit
//! options instead.
//!
//! ```
//! use numox::{array, Array};
//! let a = array![[1.0, 2.5], [-3.0, 4.0]];
//! assert_eq!(a.to_string(), "[[ 1.   2.5]\n [-3.   4. ]]");
//! assert_eq!(format!("{a:?}"), "array([[ 1. ,  2.5],\n       [-3. ,  4. ]])");
//! assert_eq!(format!("{:?}", Array::from_vec(vec![1i32, 2])), "array([1, 2], dtype=int32)");
//! let e = Array::zeros(&[0, 3], numox::DType::Float64).unwrap();
//! assert_eq!(format!("{e:?}"), "array([], shape=(0, 3), dtype=float64)");
//! ```
//!
//! The rules are NumPy's `arrayprint`: floats print with the fewest digits that identify them
//! (Dragon4), at most `precision` after the point, aligned on the decimal point; scientific
//! notation is used when magnitudes are at least `1e8` (`1e6` for float32, `1e3` for float16) or,
//! unless `suppress` is set, below `1e-4` or spread over more than a factor 1000. Arrays with more
//! than `threshold` elements show `edgeitems` items at each end of long axes around `...`. Lines
//! wrap at `linewidth`. `repr` adds the `shape=` of summarised and empty arrays and the `dtype=`
//! unless it is float64, int64, bool or complex128. bfloat16 elements print as `ml_dtypes` does,
//! each with C's `%g`.

mod bigint;
mod digits;
mod dragon4;
mod elements;
mod float_format;
mod float_text;
mod options;
mod scalar;
mod wrap;

pub use options::{get_printoptions, set_printoptions, FloatMode, PrintOptions, Sign};

use crate::array::Array;
use crate::dtype::DType;
use elements::{shown_values, PrintElement, Words};
use std::fmt;

/// NumPy's `np.array2string(a, separator=..., prefix=..., suffix=...)`: the bracketed elements
/// only. `prefix` is the text the caller will put before the result (it sets the indent of
/// wrapped lines), `suffix` what follows it (it shortens the line width).
///
/// ```
/// use numox::print::{array2string, PrintOptions};
/// let a = numox::array![1.0, 2.0, 3.0];
/// assert_eq!(array2string(&a, &PrintOptions::default(), ", ", "", ""), "[1., 2., 3.]");
/// ```
pub fn array2string(
    a: &Array,
    opts: &PrintOptions,
    separator: &str,
    prefix: &str,
    suffix: &str,
) -> String {
    let width = opts.linewidth.saturating_sub(suffix.chars().count());
    if a.size() == 0 {
        return "[]".to_string();
    }
    let summarize = a.size() > opts.threshold;
    let edge = opts.edgeitems;
    let (words, shape) = crate::dispatch_dtype!(a.dtype(), T => {
        words_of::<T>(a, summarize, edge, opts)
    });
    let summarized: Vec<bool> = a
        .shape()
        .iter()
        .map(|&n| summarize && edge.saturating_mul(2) < n)
        .collect();
    let grid = wrap::Grid {
        words: &words,
        shape: &shape,
        summarized: &summarized,
        edge,
        separator,
    };
    grid.layout(prefix.chars().count(), width)
}

fn words_of<T: PrintElement>(
    a: &Array,
    summarize: bool,
    edge: usize,
    opts: &PrintOptions,
) -> (Words, Vec<usize>) {
    let (data, shape) = shown_values::<T>(a, summarize, edge);
    (T::words(&data, a.ndim() == 0, opts), shape)
}

/// NumPy's `np.array_str(a)` (what `str(a)` gives) with explicit options. A 0-d array prints as
/// its scalar.
///
/// ```
/// use numox::print::{array_str, PrintOptions};
/// let o = PrintOptions { precision: 3, ..PrintOptions::default() };
/// assert_eq!(array_str(&numox::array![1.0 / 3.0, 2.0], &o), "[0.333 2.   ]");
/// assert_eq!(array_str(&numox::Array::scalar(1.0 / 3.0), &o), "0.3333333333333333");
/// ```
pub fn array_str(a: &Array, opts: &PrintOptions) -> String {
    if a.ndim() == 0
        && let Ok(s) = a.item()
    {
        return s.to_string();
    }
    array2string(a, opts, " ", "", "")
}

/// NumPy's `np.array_repr(a)` (what `repr(a)` gives) with explicit options.
///
/// ```
/// use numox::print::{array_repr, PrintOptions};
/// let o = PrintOptions { threshold: 4, ..PrintOptions::default() };
/// let a = numox::Array::from_vec((0..10i64).collect());
/// assert_eq!(array_repr(&a, &o), "array([0, 1, 2, ..., 7, 8, 9], shape=(10,))");
/// ```
pub fn array_repr(a: &Array, opts: &PrintOptions) -> String {
    const PREFIX: &str = "array(";
    let body = array2string(a, opts, ", ", PREFIX, ")");
    let mut extras: Vec<String> = Vec::new();
    let size = a.size();
    if (size == 0 && a.shape() != [0]) || size > opts.threshold {
        extras.push(format!("shape={}", shape_tuple(a.shape())));
    }
    if !dtype_is_implied(a.dtype()) || size == 0 {
        extras.push(format!("dtype={}", a.dtype().name()));
    }
    if extras.is_empty() {
        return format!("{PREFIX}{body})");
    }
    let mut out = format!("{PREFIX}{body},");
    let extra = extras.join(", ") + ")";
    let last_line = out.len() - out.rfind('\n').map_or(0, |p| p + 1);
    if last_line + extra.len() + 1 > opts.linewidth {
        out.push('\n');
        out.push_str(&" ".repeat(PREFIX.len()));
    } else {
        out.push(' ');
    }
    out.push_str(&extra);
    out
}

/// A shape as Python prints a tuple: `()`, `(5,)`, `(2, 3)`.
fn shape_tuple(shape: &[usize]) -> String {
    match shape {
        [n] => format!("({n},)"),
        _ => {
            let parts: Vec<String> = shape.iter().map(usize::to_string).collect();
            format!("({})", parts.join(", "))
        }
    }
}

/// The dtypes `repr` leaves out because the element text implies them.
fn dtype_is_implied(d: DType) -> bool {
    matches!(
        d,
        DType::Float64 | DType::Int64 | DType::Bool | DType::Complex128
    )
}

/// Formats with the global options, or with their precision replaced by the formatter's
/// (`{:.3}`).
fn with_format_options(f: &fmt::Formatter<'_>, print: impl Fn(&PrintOptions) -> String) -> String {
    options::with_options(|o| match f.precision() {
        Some(p) => print(&PrintOptions {
            precision: p,
            ..o.clone()
        }),
        None => print(o),
    })
}

impl fmt::Display for Array {
    /// NumPy's `str(a)` under the global print options; a precision in the format string
    /// (`{:.3}`) overrides the `precision` option.
    ///
    /// ```
    /// let a = numox::array![[1.0, 2.0], [3.0, 1.0 / 3.0]];
    /// assert_eq!(a.to_string(), "[[1.         2.        ]\n [3.         0.33333333]]");
    /// assert_eq!(format!("{a:.2}"), "[[1.   2.  ]\n [3.   0.33]]");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = with_format_options(f, |o| array_str(self, o));
        f.write_str(&s)
    }
}

impl fmt::Debug for Array {
    /// NumPy's `repr(a)` under the global print options; a precision in the format string
    /// (`{:.3?}`) overrides the `precision` option.
    ///
    /// ```
    /// assert_eq!(format!("{:?}", numox::array![0.5f32]), "array([0.5], dtype=float32)");
    /// assert_eq!(format!("{:.1?}", numox::array![0.25, 1.0]), "array([0.2, 1. ])");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = with_format_options(f, |o| array_repr(self, o));
        f.write_str(&s)
    }
}

pub(crate) use scalar::write_scalar;
