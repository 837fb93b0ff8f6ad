//! Print options, NumPy's `np.set_printoptions` / `np.get_printoptions`, and the process-global
//! store they live in.

use std::borrow::Cow;
use std::sync::RwLock;

/// How the sign of positive numbers is printed (NumPy's `sign` option).
///
/// ```
/// use numox::print::{array_str, PrintOptions, Sign};
/// let a = numox::array![1.0, -2.0];
/// let o = PrintOptions { sign: Sign::Plus, ..PrintOptions::default() };
/// assert_eq!(array_str(&a, &o), "[+1. -2.]");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Sign {
    /// `'-'`: only negative numbers carry a sign (the default).
    #[default]
    Minus,
    /// `'+'`: positive numbers get a `+`.
    Plus,
    /// `' '`: positive numbers get a space where the sign would be.
    Space,
}

/// How many fractional digits floats get (NumPy's `floatmode` option).
///
/// ```
/// use numox::print::{array_str, FloatMode, PrintOptions};
/// let a = numox::array![0.5, 0.25];
/// let o = PrintOptions { floatmode: FloatMode::Fixed, precision: 3, ..PrintOptions::default() };
/// assert_eq!(array_str(&a, &o), "[0.500 0.250]");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum FloatMode {
    /// `'fixed'`: always exactly `precision` fractional digits.
    Fixed,
    /// `'unique'`: the fewest digits that identify each value; `precision` is ignored.
    Unique,
    /// `'maxprec'`: at most `precision` digits, fewer when a value needs fewer (the default).
    #[default]
    MaxPrec,
    /// `'maxprec_equal'`: at most `precision` digits, the same count for every element.
    MaxPrecEqual,
}

/// The options that control how arrays print, as NumPy's `np.set_printoptions` takes them.
///
/// The defaults are NumPy's: precision 8, threshold 1000, edgeitems 3, linewidth 75,
/// `suppress=False`, sign `'-'`, floatmode `'maxprec'`, `nanstr='nan'`, `infstr='inf'`.
///
/// ```
/// use numox::print::{array_repr, PrintOptions};
/// let a = numox::array![1.0e-10, 1.0, 2.0];
/// let o = PrintOptions { suppress: true, precision: 3, ..PrintOptions::default() };
/// assert_eq!(array_repr(&a, &o), "array([0., 1., 2.])");
/// assert_eq!(format!("{a:?}"), "array([1.e-10, 1.e+00, 2.e+00])");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PrintOptions {
    /// Digits after the decimal point for floats (ignored by [`FloatMode::Unique`]).
    pub precision: usize,
    /// Arrays with more elements than this are summarised with `...`.
    pub threshold: usize,
    /// Items kept at each end of a summarised axis.
    pub edgeitems: usize,
    /// Characters per line before wrapping.
    pub linewidth: usize,
    /// Print tiny floats as zero instead of switching to scientific notation.
    pub suppress: bool,
    /// Sign of positive numbers.
    pub sign: Sign,
    /// How many fractional digits floats get.
    pub floatmode: FloatMode,
    /// Text for NaN.
    pub nanstr: Cow<'static, str>,
    /// Text for infinity.
    pub infstr: Cow<'static, str>,
}

impl PrintOptions {
    /// NumPy's defaults, usable in `const` context.
    ///
    /// ```
    /// assert_eq!(numox::PrintOptions::DEFAULT.linewidth, 75);
    /// ```
    pub const DEFAULT: PrintOptions = PrintOptions {
        precision: 8,
        threshold: 1000,
        edgeitems: 3,
        linewidth: 75,
        suppress: false,
        sign: Sign::Minus,
        floatmode: FloatMode::MaxPrec,
        nanstr: Cow::Borrowed("nan"),
        infstr: Cow::Borrowed("inf"),
    };
}

impl Default for PrintOptions {
    fn default() -> Self {
        PrintOptions::DEFAULT
    }
}

static GLOBAL: RwLock<PrintOptions> = RwLock::new(PrintOptions::DEFAULT);

/// Sets the process-wide print options used by `Display` and `Debug` of arrays
/// (`np.set_printoptions`). Pass `PrintOptions::default()` to restore NumPy's defaults.
///
/// ```
/// use numox::{get_printoptions, set_printoptions, PrintOptions};
/// let old = get_printoptions();
/// set_printoptions(PrintOptions { precision: 2, ..old.clone() });
/// assert_eq!(numox::array![1.0 / 3.0].to_string(), "[0.33]");
/// set_printoptions(old);
/// ```
pub fn set_printoptions(opts: PrintOptions) {
    // A poisoned lock still holds a complete value: every write replaces it whole.
    let mut g = GLOBAL.write().unwrap_or_else(|e| e.into_inner());
    *g = opts;
}

/// The process-wide print options (`np.get_printoptions`).
///
/// ```
/// assert_eq!(numox::get_printoptions().threshold, 1000);
/// ```
pub fn get_printoptions() -> PrintOptions {
    with_options(|o| o.clone())
}

/// Runs `f` with the current global options without copying them.
pub(crate) fn with_options<R>(f: impl FnOnce(&PrintOptions) -> R) -> R {
    let g = GLOBAL.read().unwrap_or_else(|e| e.into_inner());
    f(&g)
}
