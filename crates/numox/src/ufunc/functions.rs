//! The elementwise functions, each with NumPy's name, dtype rules and errors.

use super::define::{binary_ufuncs, no_loop, unary_ufuncs, BinaryOp, UnaryOp};
use super::engine::{
    binary_into, broadcast, compare_into, new_output, operand_dtype, ternary_into, to_loop_dtype,
    unary_into, unary_slice_into,
};
use super::math::complex_into;
use super::operand::Operand;
use crate::array::Array;
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::kernels::cmath::{cexp, clog, csqrt};
use crate::kernels::compare::Cmp;
use crate::kernels::elem::{Arith, RealFloat};

/// The binary operations of this module.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Bin {
    Add,
    Subtract,
    Multiply,
    Divide,
    Maximum,
    Minimum,
    Equal,
    NotEqual,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
}

impl Bin {
    /// The comparison this is, for the float kernels of `kernels::compare`.
    fn simd_cmp(self) -> Option<Cmp> {
        Some(match self {
            Bin::Equal => Cmp::Eq,
            Bin::NotEqual => Cmp::Ne,
            Bin::Less => Cmp::Lt,
            Bin::LessEqual => Cmp::Le,
            Bin::Greater => Cmp::Gt,
            Bin::GreaterEqual => Cmp::Ge,
            _ => return None,
        })
    }

    fn is_comparison(self) -> bool {
        matches!(
            self,
            Bin::Equal
                | Bin::NotEqual
                | Bin::Less
                | Bin::LessEqual
                | Bin::Greater
                | Bin::GreaterEqual
        )
    }
}

impl BinaryOp for Bin {
    fn name(self) -> &'static str {
        match self {
            Bin::Add => "add",
            Bin::Subtract => "subtract",
            Bin::Multiply => "multiply",
            Bin::Divide => "divide",
            Bin::Maximum => "maximum",
            Bin::Minimum => "minimum",
            Bin::Equal => "equal",
            Bin::NotEqual => "not_equal",
            Bin::Less => "less",
            Bin::LessEqual => "less_equal",
            Bin::Greater => "greater",
            Bin::GreaterEqual => "greater_equal",
        }
    }

    fn resolve(self, dt: DType) -> Result<(DType, DType)> {
        match self {
            Bin::Subtract if dt == DType::Bool => Err(Error::DType(
                "numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.".into(),
            )),
            Bin::Divide if !dt.is_inexact() => Ok((DType::Float64, DType::Float64)),
            b if b.is_comparison() => Ok((dt, DType::Bool)),
            _ => Ok((dt, dt)),
        }
    }

    /// NumPy 2 compares an integer array with a Python integer outside the array's range by
    /// value: every element is below (or above) it.
    fn decided(self, a: &Operand, b: &Operand) -> Option<bool> {
        use std::cmp::Ordering;
        if !self.is_comparison() {
            return None;
        }
        let (arr, s, scalar_first) = match (a, b) {
            (Operand::Scalar(s), x) => (x.array()?, s, true),
            (x, Operand::Scalar(s)) => (x.array()?, s, false),
            _ => return None,
        };
        let d = arr.dtype();
        let v = crate::promote::int_value(s)?;
        let (lo, hi) = crate::promote::int_range(d);
        if !d.is_integer() || (lo..=hi).contains(&v) {
            return None;
        }
        // How an array element compares with the scalar, then how `a` compares with `b`.
        let ord = if v > hi {
            Ordering::Less
        } else {
            Ordering::Greater
        };
        let ord = if scalar_first { ord.reverse() } else { ord };
        Some(match self {
            Bin::Equal => false,
            Bin::NotEqual => true,
            Bin::Less => ord == Ordering::Less,
            Bin::LessEqual => ord != Ordering::Greater,
            Bin::Greater => ord == Ordering::Greater,
            _ => ord != Ordering::Less,
        })
    }

    fn run(self, a: &Array, b: &Array, out: &mut Array) -> Result<()> {
        let dt = a.dtype();
        if let Some(cmp) = self.simd_cmp() {
            match dt {
                DType::Float64 => {
                    return compare_into::<f64>(a, b, out, cmp, |x, y| cmp.eval(x, y))
                }
                DType::Float32 => {
                    return compare_into::<f32>(a, b, out, cmp, |x, y| cmp.eval(x, y))
                }
                _ => {}
            }
        }
        crate::dispatch_dtype!(dt, T => match self {
            Bin::Add => binary_into::<T, T>(a, b, out, |x, y| x.add(y)),
            Bin::Subtract => binary_into::<T, T>(a, b, out, |x, y| x.sub(y)),
            Bin::Multiply => binary_into::<T, T>(a, b, out, |x, y| x.mul(y)),
            Bin::Divide => binary_into::<T, T>(a, b, out, |x, y| x.div(y)),
            Bin::Maximum => binary_into::<T, T>(a, b, out, |x, y| x.max_nan(y)),
            Bin::Minimum => binary_into::<T, T>(a, b, out, |x, y| x.min_nan(y)),
            Bin::Equal => binary_into::<T, bool>(a, b, out, |x, y| x.eq_(y)),
            Bin::NotEqual => binary_into::<T, bool>(a, b, out, |x, y| !x.eq_(y)),
            Bin::Less => binary_into::<T, bool>(a, b, out, |x, y| x.lt_(y)),
            Bin::LessEqual => binary_into::<T, bool>(a, b, out, |x, y| x.le_(y)),
            Bin::Greater => binary_into::<T, bool>(a, b, out, |x, y| y.lt_(x)),
            Bin::GreaterEqual => binary_into::<T, bool>(a, b, out, |x, y| y.le_(x)),
        })
    }
}

binary_ufuncs! {
    Bin;
    /// `np.add`: elementwise sum (integers wrap; `bool + bool` is logical or).
    ///
    /// ```
    /// let r = numox::add(&numox::array![1i8, 127], 1).unwrap();
    /// assert_eq!(r.to_vec::<i8>().unwrap(), vec![2, -128]);
    /// ```
    add, add_out => Add, op "a + b";
    /// `np.subtract` (an error for two booleans, as in NumPy).
    ///
    /// ```
    /// let r = numox::subtract(10.0, &numox::array![1.0, 2.0]).unwrap();
    /// assert_eq!(r.to_vec::<f64>().unwrap(), vec![9.0, 8.0]);
    /// assert!(numox::subtract(&numox::array![true], &numox::array![false]).is_err());
    /// ```
    subtract, subtract_out => Subtract, op "a - b";
    /// `np.multiply`.
    ///
    /// ```
    /// let r = numox::multiply(&numox::array![1.5f32, 2.0], 2).unwrap();
    /// assert_eq!(r.to_vec::<f32>().unwrap(), vec![3.0, 4.0]);
    /// ```
    multiply, multiply_out => Multiply, op "a * b";
    /// `np.divide` (true division): integers and booleans divide as float64.
    ///
    /// ```
    /// let r = numox::divide(&numox::array![1, 3], 2).unwrap();
    /// assert_eq!(r.to_vec::<f64>().unwrap(), vec![0.5, 1.5]);
    /// ```
    divide, divide_out => Divide, op "a / b";
    /// `np.maximum`: elementwise maximum, NaN-propagating.
    ///
    /// ```
    /// let r = numox::maximum(&numox::array![1.0, f64::NAN], 2.0).unwrap();
    /// let v = r.to_vec::<f64>().unwrap();
    /// assert!(v[0] == 2.0 && v[1].is_nan());
    /// ```
    maximum, maximum_out => Maximum;
    /// `np.minimum`: elementwise minimum, NaN-propagating.
    ///
    /// ```
    /// let r = numox::minimum(&numox::array![1, 5], 3).unwrap();
    /// assert_eq!(r.to_vec::<i64>().unwrap(), vec![1, 3]);
    /// ```
    minimum, minimum_out => Minimum;
    /// `np.equal` (`==`), a boolean array.
    ///
    /// ```
    /// let r = numox::equal(&numox::array![1, 2], 2).unwrap();
    /// assert_eq!(r.to_vec::<bool>().unwrap(), vec![false, true]);
    /// ```
    equal, equal_out => Equal;
    /// `np.not_equal` (`!=`); NaN is not equal to itself.
    ///
    /// ```
    /// let r = numox::not_equal(&numox::array![f64::NAN], f64::NAN).unwrap();
    /// assert_eq!(r.to_vec::<bool>().unwrap(), vec![true]);
    /// ```
    not_equal, not_equal_out => NotEqual;
    /// `np.less` (`<`).
    ///
    /// ```
    /// let r = numox::less(&numox::array![1.0, 3.0], 2.0).unwrap();
    /// assert_eq!(r.to_vec::<bool>().unwrap(), vec![true, false]);
    /// ```
    less, less_out => Less;
    /// `np.less_equal` (`<=`).
    ///
    /// ```
    /// let r = numox::less_equal(&numox::array![2.0], 2.0).unwrap();
    /// assert_eq!(r.to_vec::<bool>().unwrap(), vec![true]);
    /// ```
    less_equal, less_equal_out => LessEqual;
    /// `np.greater` (`>`).
    ///
    /// ```
    /// let r = numox::greater(&numox::array![0.2, 0.7], 0.5).unwrap();
    /// assert_eq!(r.to_vec::<bool>().unwrap(), vec![false, true]);
    /// ```
    greater, greater_out => Greater;
    /// `np.greater_equal` (`>=`).
    ///
    /// ```
    /// let r = numox::greater_equal(&numox::array![1u8, 2], 2).unwrap();
    /// assert_eq!(r.to_vec::<bool>().unwrap(), vec![false, true]);
    /// ```
    greater_equal, greater_equal_out => GreaterEqual;
}

/// The unary operations of this module.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Un {
    Negative,
    Absolute,
    Square,
    Sqrt,
    Exp,
    Log,
}

impl UnaryOp for Un {
    fn name(self) -> &'static str {
        match self {
            Un::Negative => "negative",
            Un::Absolute => "absolute",
            Un::Square => "square",
            Un::Sqrt => "sqrt",
            Un::Exp => "exp",
            Un::Log => "log",
        }
    }

    fn resolve(self, dt: DType) -> Result<(DType, DType)> {
        if self == Un::Absolute && dt.is_complex() {
            // |z| of complex64 / complex128 is float32 / float64.
            return Ok((dt, dt.real_dtype()));
        }
        let loop_dt = match self {
            Un::Negative if dt == DType::Bool => Err(Error::DType(
                "The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.".into(),
            )),
            // NumPy has no boolean square loop: booleans square as int8.
            Un::Square if dt == DType::Bool => Ok(DType::Int8),
            // NumPy's loops for these start at float16: ints and bools go to the smallest
            // float that holds them.
            Un::Sqrt | Un::Exp | Un::Log => Ok(super::math::float_loop(self.name(), dt, true)?.0),
            _ => Ok(dt),
        }?;
        Ok((loop_dt, loop_dt))
    }

    fn run(self, a: &Array, out: &mut Array) -> Result<()> {
        use crate::kernels::vmath;
        let dt = a.dtype();
        match self {
            Un::Sqrt if dt.is_complex() => complex_into(self.name(), a, out, csqrt, csqrt),
            Un::Exp if dt.is_complex() => complex_into(self.name(), a, out, cexp, cexp),
            Un::Log if dt.is_complex() => complex_into(self.name(), a, out, clog, clog),
            // Vectorised kernels over contiguous runs for the common float widths.
            Un::Exp if dt == DType::Float64 => unary_slice_into(a, out, vmath::exp_f64),
            Un::Exp if dt == DType::Float32 => unary_slice_into(a, out, vmath::exp_f32),
            Un::Log if dt == DType::Float64 => unary_slice_into(a, out, vmath::log_f64),
            Un::Log if dt == DType::Float32 => unary_slice_into(a, out, vmath::log_f32),
            Un::Negative => {
                crate::dispatch_dtype!(dt, T => unary_into::<T, T>(a, out, |x| x.neg()))
            }
            Un::Square => crate::dispatch_dtype!(dt, T => unary_into::<T, T>(a, out, |x| x.mul(x))),
            Un::Absolute if dt.is_complex() => super::complex_parts::absolute_complex(a, out),
            Un::Absolute => {
                crate::dispatch_dtype!(dt, T => unary_into::<T, T>(a, out, |x| x.abs_()))
            }
            Un::Sqrt => {
                crate::dispatch_float!(dt, T => unary_into::<T, T>(a, out, |x| x.map_f64(f64::sqrt, f32::sqrt)), else _ => Err(no_loop(self.name())))
            }
            Un::Exp => {
                crate::dispatch_float!(dt, T => unary_into::<T, T>(a, out, |x| x.map_f64(f64::exp, f32::exp)), else _ => Err(no_loop(self.name())))
            }
            Un::Log => {
                crate::dispatch_float!(dt, T => unary_into::<T, T>(a, out, |x| x.map_f64(f64::ln, f32::ln)), else _ => Err(no_loop(self.name())))
            }
        }
    }
}

unary_ufuncs! {
    Un;
    /// `np.negative` (unary `-`; integers wrap, booleans are an error).
    ///
    /// ```
    /// let r = numox::negative(&numox::array![1u8, 0]).unwrap();
    /// assert_eq!(r.to_vec::<u8>().unwrap(), vec![255, 0]);
    /// ```
    negative, negative_out => Negative, op "-a";
    /// `np.absolute` (`abs(int8(-128))` wraps to -128, as in NumPy); complex64 / complex128
    /// give float32 / float64 magnitudes, computed with NumPy's scaled formula.
    ///
    /// ```
    /// let r = numox::absolute(&numox::array![-1.5, 2.0, -0.0]).unwrap();
    /// assert_eq!(r.to_vec::<f64>().unwrap(), vec![1.5, 2.0, 0.0]);
    /// let z = numox::array![numox::Complex64::new(3.0, -4.0)];
    /// assert_eq!(numox::absolute(&z).unwrap().to_vec::<f64>().unwrap(), vec![5.0]);
    /// ```
    absolute, absolute_out => Absolute;
    /// `np.square`.
    ///
    /// ```
    /// let r = numox::square(&numox::array![3, -4]).unwrap();
    /// assert_eq!(r.to_vec::<i64>().unwrap(), vec![9, 16]);
    /// ```
    square, square_out => Square;
    /// `np.sqrt` (correctly rounded; integers go to the smallest float that holds them).
    ///
    /// ```
    /// let r = numox::sqrt(&numox::array![4.0f32, 2.0]).unwrap();
    /// assert_eq!(r.to_vec::<f32>().unwrap(), vec![2.0, 2.0f32.sqrt()]);
    /// assert_eq!(numox::sqrt(&numox::array![4i8]).unwrap().dtype(), numox::DType::Float16);
    /// ```
    sqrt, sqrt_out => Sqrt;
    /// `np.exp`.
    ///
    /// ```
    /// let v = numox::exp(&numox::array![0.0, 1.0]).unwrap().to_vec::<f64>().unwrap();
    /// assert_eq!(v[0], 1.0);
    /// assert!((v[1] - std::f64::consts::E).abs() <= f64::EPSILON * 3.0); // within 1 ulp
    /// ```
    exp, exp_out => Exp;
    /// `np.log` (natural logarithm; `log(0) = -inf`, negative input gives NaN).
    ///
    /// ```
    /// let r = numox::log(&numox::array![1.0, 0.0]).unwrap();
    /// assert_eq!(r.to_vec::<f64>().unwrap(), vec![0.0, f64::NEG_INFINITY]);
    /// ```
    log, log_out => Log;
}

/// `np.where(cond, x, y)`: elements of `x` where `cond` is true, else of `y`, broadcast together;
/// `x` and `y` promote to a common dtype.
///
/// ```
/// use numox::array;
/// let a = array![1.0, -2.0, 3.0];
/// let r = numox::where_(&numox::greater(&a, 0.0).unwrap(), &a, 0.0).unwrap();
/// assert_eq!(r.to_vec::<f64>().unwrap(), vec![1.0, 0.0, 3.0]);
/// ```
pub fn where_<'a>(
    cond: impl Into<Operand<'a>>,
    x: impl Into<Operand<'a>>,
    y: impl Into<Operand<'a>>,
) -> Result<Array> {
    let (c, x, y) = (cond.into(), x.into(), y.into());
    let dt = operand_dtype(&[&x, &y])?;
    let c = to_loop_dtype(&c, DType::Bool)?;
    let (x, y) = (to_loop_dtype(&x, dt)?, to_loop_dtype(&y, dt)?);
    let shape = broadcast(&[&c, &x, &y])?;
    let mut r = new_output(&shape, dt, &[&x, &y])?;
    crate::dispatch_dtype!(dt, T => ternary_into::<bool, T>(&c, &x, &y, &mut r, |k, p, q| if k { p } else { q }))?;
    Ok(r)
}
