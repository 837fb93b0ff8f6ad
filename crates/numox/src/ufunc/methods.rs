//! Method forms of the elementwise functions written by hand (`clip`, `round`, `real`,
//! `divmod`, `isclose`, …): `a.clip(lo, hi)?` calls `numox::clip(&a, lo, hi)`. The functions
//! that `binary_ufuncs!` and `unary_ufuncs!` define get their methods from those macros.
//!
//! ```
//! let a = numox::array![-1.5, 0.25, 4.0];
//! let r = a.maximum(0.0).unwrap().sqrt().unwrap().clip(None, Some(1.0.into())).unwrap();
//! assert_eq!(r.to_vec::<f64>().unwrap(), vec![0.0, 0.5, 1.0]);
//! ```

use super::closeness::CloseOpts;
use super::operand::Operand;
use super::predicates::NanToNumOpts;
use crate::array::Array;
use crate::error::Result;

/// Stamps out `Array::name(&self, args…)` calling `crate::name(self, args…)`, with the doc line
/// "Method form of …" naming NumPy's call (and NumPy's method, if given) above the example given.
macro_rules! array_methods {
    ($($(#[$doc:meta])*
       fn $name:ident $(<$lt:lifetime>)? ($($arg:ident: $ty:ty),*) -> $ret:ty,
       $np:literal $(, $alt:literal)?;)*) => {
        impl Array {$(
            #[doc = concat!(
                "Method form of [`crate::", stringify!($name), "`] (`", $np, "`",
                $(" / `", $alt, "`",)? ")."
            )]
            ///
            $(#[$doc])*
            pub fn $name $(<$lt>)? (&$($lt)? self $(, $arg: $ty)*) -> $ret {
                crate::$name(self $(, $arg)*)
            }
        )*}
    };
}

array_methods! {
    /// ```
    /// let a = numox::array![-1.0, 0.5, 2.0];
    /// let r = a.clip(Some(0.0.into()), Some(1.0.into())).unwrap();
    /// assert_eq!(r.to_vec::<f64>().unwrap(), vec![0.0, 0.5, 1.0]);
    /// ```
    fn clip<'a>(a_min: Option<Operand<'a>>, a_max: Option<Operand<'a>>) -> Result<Array>,
        "np.clip(a, a_min, a_max)", "a.clip(a_min, a_max)";
    /// ```
    /// let r = numox::array![1.25, -2.75].round(1).unwrap();
    /// assert_eq!(r.to_vec::<f64>().unwrap(), vec![1.2, -2.8]);
    /// ```
    fn round(decimals: i32) -> Result<Array>, "np.round(a, decimals)", "a.round(decimals)";
    /// ```
    /// let r = numox::array![0.5, 1.5].around(0).unwrap();
    /// assert_eq!(r.to_vec::<f64>().unwrap(), vec![0.0, 2.0]);
    /// ```
    fn around(decimals: i32) -> Result<Array>, "np.around(a, decimals)";
    /// ```
    /// let z = numox::array![numox::Complex64::new(0.0, 1.0)];
    /// assert_eq!(z.angle(true).unwrap().to_vec::<f64>().unwrap(), vec![90.0]);
    /// ```
    fn angle(deg: bool) -> Result<Array>, "np.angle(a, deg)";
    /// ```
    /// let z = numox::array![numox::Complex64::new(1.0, 2.0)];
    /// assert_eq!(z.real().unwrap().to_vec::<f64>().unwrap(), vec![1.0]);
    /// ```
    fn real() -> Result<Array>, "np.real(a)", "a.real";
    /// ```
    /// let z = numox::array![numox::Complex64::new(1.0, 2.0)];
    /// assert_eq!(z.imag().unwrap().to_vec::<f64>().unwrap(), vec![2.0]);
    /// ```
    fn imag() -> Result<Array>, "np.imag(a)", "a.imag";
    /// ```
    /// let (q, r) = numox::array![7, -7].divmod(2).unwrap();
    /// assert_eq!(q.to_vec::<i64>().unwrap(), vec![3, -4]);
    /// assert_eq!(r.to_vec::<i64>().unwrap(), vec![1, 1]);
    /// ```
    fn divmod<'a>(b: impl Into<Operand<'a>>) -> Result<(Array, Array)>, "np.divmod(a, b)",
        "divmod(a, b)";
    /// ```
    /// let r = numox::array![1.0, 1.1].isclose(1.0).unwrap();
    /// assert_eq!(r.to_vec::<bool>().unwrap(), vec![true, false]);
    /// ```
    fn isclose<'a>(b: impl Into<Operand<'a>>) -> Result<Array>, "np.isclose(a, b)";
    /// ```
    /// let o = numox::CloseOpts::new().atol(0.0);
    /// let r = numox::array![1e-100].isclose_with(0.0, o).unwrap();
    /// assert_eq!(r.to_vec::<bool>().unwrap(), vec![false]);
    /// ```
    fn isclose_with<'a>(b: impl Into<Operand<'a>>, opts: CloseOpts) -> Result<Array>,
        "np.isclose(a, b, rtol, atol, equal_nan)";
    /// ```
    /// let r = numox::array![f64::NAN, 1.0].nan_to_num().unwrap();
    /// assert_eq!(r.to_vec::<f64>().unwrap(), vec![0.0, 1.0]);
    /// ```
    fn nan_to_num() -> Result<Array>, "np.nan_to_num(a)";
    /// ```
    /// let o = numox::NanToNumOpts::new().nan(-1.0);
    /// let r = numox::array![f64::NAN].nan_to_num_with(o).unwrap();
    /// assert_eq!(r.to_vec::<f64>().unwrap(), vec![-1.0]);
    /// ```
    fn nan_to_num_with(opts: NanToNumOpts) -> Result<Array>,
        "np.nan_to_num(a, nan, posinf, neginf)";
}

#[cfg(test)]
mod tests {
    use crate::{array, Array, DType};

    /// Every method gives its function's result, operators and in-place forms untouched.
    #[test]
    fn methods_match_functions() {
        let a = array![[1.0, -2.0], [3.5, f64::NAN]];
        let row = array![2.0, 0.5];
        let same = |x: Array, y: Array| crate::array_equal(&x, &y, true).unwrap();
        assert!(same(a.add(&row).unwrap(), crate::add(&a, &row).unwrap()));
        assert!(same(a.add(&row).unwrap(), (&a + &row).unwrap()));
        assert!(same(a.power(2).unwrap(), crate::power(&a, 2).unwrap()));
        assert!(same(a.mod_(1.5).unwrap(), (&a % 1.5).unwrap()));
        assert!(same(a.exp().unwrap(), crate::exp(&a).unwrap()));
        assert!(same(a.negative().unwrap(), (-&a).unwrap()));
        assert_eq!(a.isnan().unwrap().dtype(), DType::Bool);
        assert!(same(
            a.clip(Some((-1).into()), Some(3.into())).unwrap(),
            crate::clip(&a, Some((-1).into()), Some(3.into())).unwrap()
        ));
        let i = array![12, 5];
        assert!(same(i.bitwise_and(6).unwrap(), (&i & 6).unwrap()));
        assert!(same(i.invert().unwrap(), (!&i).unwrap()));
        // errors come back as from the functions
        assert_eq!(
            a.bitwise_or(1).unwrap_err().to_string(),
            crate::bitwise_or(&a, 1).unwrap_err().to_string()
        );
        assert!(a.add(array![1.0, 2.0, 3.0]).is_err());
        // a chain of methods
        let r = a.absolute().unwrap().minimum(3.0).unwrap();
        assert_eq!(r.to_vec::<f64>().unwrap()[..3], [1.0, 2.0, 3.0]);
    }

    /// With `std::ops::Add` in scope, `x.add(y)` on an owned array is the operator (it takes `x`
    /// by value); the method is then `Array::add(&x, y)`. Both give the same `Result<Array>`.
    #[test]
    fn methods_and_operator_traits_agree() {
        use std::ops::Add;
        let a = array![1, 2];
        let by_ref = Array::add(&a, &a).unwrap();
        let by_value = a.clone().add(&a).unwrap();
        assert_eq!(
            by_ref.to_vec::<i64>().unwrap(),
            by_value.to_vec::<i64>().unwrap()
        );
    }
}
