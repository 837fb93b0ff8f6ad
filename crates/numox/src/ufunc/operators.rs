//! `+ - * / %` and unary `-` on arrays and scalars. They return `Result<Array>` (an invalid
//! operation is an error, never a panic) and also apply to a `Result<Array>` next to an array, so
//! expressions of arrays chain: `(&a * &b + &c)?`. (Rust's orphan rule forbids `Result<Array> +
//! 2.0`; write `((&a * &b)? + 2.0)?` there.)

use super::arith::remainder;
use super::functions::{add, divide, multiply, negative, subtract};
use crate::array::Array;
use crate::error::Result;
use std::ops::{Add, Div, Mul, Neg, Rem, Sub};

macro_rules! binary_operator {
    ($($Trait:ident, $method:ident, $f:ident;)*) => {$(
        impl $Trait<&Array> for &Array {
            type Output = Result<Array>;
            fn $method(self, rhs: &Array) -> Result<Array> { $f(self, rhs) }
        }
        impl $Trait<Array> for &Array {
            type Output = Result<Array>;
            fn $method(self, rhs: Array) -> Result<Array> { $f(self, rhs) }
        }
        impl $Trait<&Array> for Array {
            type Output = Result<Array>;
            fn $method(self, rhs: &Array) -> Result<Array> { $f(self, rhs) }
        }
        impl $Trait<Array> for Array {
            type Output = Result<Array>;
            fn $method(self, rhs: Array) -> Result<Array> { $f(self, rhs) }
        }
        impl $Trait<&Array> for Result<Array> {
            type Output = Result<Array>;
            fn $method(self, rhs: &Array) -> Result<Array> { $f(self?, rhs) }
        }
        impl $Trait<Result<Array>> for &Array {
            type Output = Result<Array>;
            fn $method(self, rhs: Result<Array>) -> Result<Array> { $f(self, rhs?) }
        }
        binary_operator!(@scalars $Trait, $method, $f; bool, i64, f64);
        // One Rust type per scalar kind on either side, so that literals (`&a * 2.0`, `2 * &a`)
        // infer it; scalars are weak, so only the kind matters (functions take any width).
        binary_operator!(@lhs $Trait, $method, $f; bool, i64, f64);
    )*};
    (@scalars $Trait:ident, $method:ident, $f:ident; $($t:ty),*) => {$(
        impl $Trait<$t> for &Array {
            type Output = Result<Array>;
            fn $method(self, rhs: $t) -> Result<Array> { $f(self, rhs) }
        }
        impl $Trait<$t> for Array {
            type Output = Result<Array>;
            fn $method(self, rhs: $t) -> Result<Array> { $f(self, rhs) }
        }
    )*};
    (@lhs $Trait:ident, $method:ident, $f:ident; $($t:ty),*) => {$(
        impl $Trait<&Array> for $t {
            type Output = Result<Array>;
            fn $method(self, rhs: &Array) -> Result<Array> { $f(self, rhs) }
        }
    )*};
}

pub(super) use binary_operator;

binary_operator! {
    Add, add, add;
    Sub, sub, subtract;
    Mul, mul, multiply;
    Div, div, divide;
    Rem, rem, remainder;
}

impl Neg for &Array {
    type Output = Result<Array>;
    /// `-a` (`np.negative`).
    ///
    /// ```
    /// let a = numox::array![1.0, -2.0];
    /// assert_eq!((-&a).unwrap().to_vec::<f64>().unwrap(), vec![-1.0, 2.0]);
    /// ```
    fn neg(self) -> Result<Array> {
        negative(self)
    }
}

#[cfg(test)]
mod tests {
    use crate::array;

    #[test]
    fn chained_expressions() {
        let a = array![1.0, 2.0];
        let b = array![3.0, 4.0];
        let r = (&a * &b + &a).unwrap();
        assert_eq!(r.to_vec::<f64>().unwrap(), vec![4.0, 10.0]);
        let r = ((2.0 * &a).unwrap() - 1.0).unwrap();
        assert_eq!(r.to_vec::<f64>().unwrap(), vec![1.0, 3.0]);
        let r = ((2 * &a).unwrap() + 1).unwrap();
        assert_eq!(r.to_vec::<f64>().unwrap(), vec![3.0, 5.0]);
        assert!((&a + &array![1.0, 2.0, 3.0]).is_err());
    }

    #[test]
    fn rem_is_numpy_remainder() {
        let a = array![-7, 7];
        assert_eq!((&a % 3).unwrap().to_vec::<i64>().unwrap(), vec![2, 1]);
        assert_eq!(
            (-7.5 % &array![2.0]).unwrap().to_vec::<f64>().unwrap(),
            vec![0.5]
        );
        let r = (&a * 2 % &array![5, -5]).unwrap();
        assert_eq!(r.to_vec::<i64>().unwrap(), vec![1, -1]);
    }
}
