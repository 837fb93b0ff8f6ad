//! The exponential and logarithmic ufuncs beyond `exp`/`log` (`exp2`, `expm1`, `log2`, `log10`,
//! `log1p`) and the two-argument real functions (`logaddexp`, `logaddexp2`, `arctan2`, `hypot`),
//! plus the shared machinery of the transcendental ufuncs: their dtype rule and the complex
//! loops. The trigonometric and hyperbolic functions are in `trig.rs`.
//!
//! Dtypes as NumPy's: the loops are float16, float32, float64 (and complex64/complex128 for the
//! unary functions), so booleans and 8-bit integers compute in float16, 16-bit integers in
//! float32 and wider integers in float64; float16/bfloat16 compute in float32 and round back.
//! Real values come from the platform's libm (as NumPy's scalar loops), complex values from
//! [`crate::kernels::cmath`] (glibc's algorithms and special values, which NumPy uses on Linux).

use super::define::{binary_ufuncs, no_loop, unary_ufuncs, BinaryOp, UnaryOp};
use super::engine::{binary_into, operand_dtype, unary_into};
use super::operand::Operand;
use crate::array::Array;
use crate::dtype::{DType, Kind};
use crate::error::Result;
use crate::kernels::cmath;
use crate::kernels::elem::RealFloat;
use crate::kernels::rmath::{self, Real2};
use crate::promote::promote_types;
use num_complex::{Complex, Complex32, Complex64};

/// The loop dtype of a transcendental function for an input of dtype `dt`: floats (and
/// complex numbers when `complex` is true) compute in their own dtype, booleans and integers in
/// the smallest float that holds them (float16, float32 or float64).
pub(super) fn float_loop(name: &str, dt: DType, complex: bool) -> Result<(DType, DType)> {
    let loop_dt = match dt.kind() {
        Kind::Float => dt,
        Kind::Complex if complex => dt,
        Kind::Complex => return Err(no_loop(name)),
        _ => promote_types(dt, DType::Float16)?,
    };
    Ok((loop_dt, loop_dt))
}

/// A real function for float64 and for float32 (float16/bfloat16 go through the latter).
pub(super) type RealFns = (fn(f64) -> f64, fn(f32) -> f32);

/// A binary real function for float64 and for float32.
type Real2Fns = (fn(f64, f64) -> f64, fn(f32, f32) -> f32);

/// A complex function, written once over the part type.
pub(super) type CFn<T> = fn(Complex<T>) -> Complex<T>;

/// Runs the complex function `f` (instantiated for complex64 and complex128) over `a`.
pub(super) fn complex_into(
    name: &str,
    a: &Array,
    out: &mut Array,
    f: CFn<f32>,
    g: CFn<f64>,
) -> Result<()> {
    match a.dtype() {
        DType::Complex64 => unary_into::<Complex32, Complex32>(a, out, f),
        DType::Complex128 => unary_into::<Complex64, Complex64>(a, out, g),
        _ => Err(no_loop(name)),
    }
}

/// Runs the real function `f` (float64) / `g` (float32, and float16/bfloat16 through it).
pub(super) fn real_into(
    name: &str,
    a: &Array,
    out: &mut Array,
    f: fn(f64) -> f64,
    g: fn(f32) -> f32,
) -> Result<()> {
    crate::dispatch_float!(a.dtype(), T => unary_into::<T, T>(a, out, |x| x.map_f64(f, g)),
        else _ => Err(no_loop(name)))
}

/// The exponential and logarithmic functions of this module.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum ExpLog {
    Exp2,
    Expm1,
    Log2,
    Log10,
    Log1p,
}

impl UnaryOp for ExpLog {
    fn name(self) -> &'static str {
        match self {
            ExpLog::Exp2 => "exp2",
            ExpLog::Expm1 => "expm1",
            ExpLog::Log2 => "log2",
            ExpLog::Log10 => "log10",
            ExpLog::Log1p => "log1p",
        }
    }

    fn resolve(self, dt: DType) -> Result<(DType, DType)> {
        float_loop(self.name(), dt, true)
    }

    fn run(self, a: &Array, out: &mut Array) -> Result<()> {
        let name = self.name();
        if a.dtype().is_complex() {
            let (f, g): (CFn<f32>, CFn<f64>) = match self {
                ExpLog::Exp2 => (cmath::cexp2, cmath::cexp2),
                ExpLog::Expm1 => (cmath::cexpm1, cmath::cexpm1),
                ExpLog::Log2 => (cmath::clog2, cmath::clog2),
                ExpLog::Log10 => (cmath::clog10, cmath::clog10),
                ExpLog::Log1p => (cmath::clog1p, cmath::clog1p),
            };
            return complex_into(name, a, out, f, g);
        }
        let (f, g): RealFns = match self {
            ExpLog::Exp2 => (f64::exp2, f32::exp2),
            ExpLog::Expm1 => (f64::exp_m1, f32::exp_m1),
            ExpLog::Log2 => (f64::log2, f32::log2),
            ExpLog::Log10 => (f64::log10, f32::log10),
            ExpLog::Log1p => (f64::ln_1p, f32::ln_1p),
        };
        real_into(name, a, out, f, g)
    }
}

unary_ufuncs! {
    ExpLog;
    /// `np.exp2`: `2**x` (complex: `exp(x·ln 2)`, as NumPy).
    ///
    /// ```
    /// let r = numox::exp2(&numox::array![3.0, -1.0, f64::NEG_INFINITY]).unwrap();
    /// assert_eq!(r.to_vec::<f64>().unwrap(), vec![8.0, 0.5, 0.0]);
    /// assert_eq!(numox::exp2(&numox::array![3i16]).unwrap().dtype(), numox::DType::Float32);
    /// ```
    exp2, exp2_out => Exp2;
    /// `np.expm1`: `exp(x) - 1`, accurate for small `x`.
    ///
    /// ```
    /// let r = numox::expm1(&numox::array![1e-20, 0.0]).unwrap();
    /// assert_eq!(r.to_vec::<f64>().unwrap(), vec![1e-20, 0.0]);
    /// ```
    expm1, expm1_out => Expm1;
    /// `np.log2` (`log2(0) = -inf`, negative input gives NaN; complex: `log(z)·log2(e)`).
    ///
    /// ```
    /// let r = numox::log2(&numox::array![8.0, 0.0]).unwrap();
    /// assert_eq!(r.to_vec::<f64>().unwrap(), vec![3.0, f64::NEG_INFINITY]);
    /// assert_eq!(numox::log2(&numox::array![8u8]).unwrap().dtype(), numox::DType::Float16);
    /// ```
    log2, log2_out => Log2;
    /// `np.log10`.
    ///
    /// ```
    /// let r = numox::log10(&numox::array![1000.0f32, 1.0]).unwrap();
    /// assert_eq!(r.to_vec::<f32>().unwrap(), vec![3.0, 0.0]);
    /// ```
    log10, log10_out => Log10;
    /// `np.log1p`: `log(1 + x)`, accurate for small `x`.
    ///
    /// ```
    /// let r = numox::log1p(&numox::array![1e-20, -1.0]).unwrap();
    /// assert_eq!(r.to_vec::<f64>().unwrap(), vec![1e-20, f64::NEG_INFINITY]);
    /// ```
    log1p, log1p_out => Log1p;
}

/// The binary real functions of this module.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Real2Op {
    LogAddExp,
    LogAddExp2,
    Arctan2,
    Hypot,
}

impl BinaryOp for Real2Op {
    fn name(self) -> &'static str {
        match self {
            Real2Op::LogAddExp => "logaddexp",
            Real2Op::LogAddExp2 => "logaddexp2",
            Real2Op::Arctan2 => "arctan2",
            Real2Op::Hypot => "hypot",
        }
    }

    /// NumPy takes the first loop (float16, float32, float64) that both inputs cast to safely,
    /// which for mixed signed/unsigned integers is smaller than their common integer type's
    /// (`arctan2(int8, uint8)` is float16, not the float32 of int16).
    fn common_dtype(self, a: &Operand, b: &Operand) -> Result<DType> {
        let dt = operand_dtype(&[a, b])?;
        if dt.is_inexact() {
            return Ok(dt);
        }
        let mut loop_dt = DType::Float16;
        for op in [a, b] {
            // A weak scalar takes the other operand's dtype.
            let d = op.array().map_or(dt, Array::dtype);
            loop_dt = promote_types(loop_dt, promote_types(d, DType::Float16)?)?;
        }
        Ok(loop_dt)
    }

    fn resolve(self, dt: DType) -> Result<(DType, DType)> {
        float_loop(self.name(), dt, false)
    }

    fn run(self, a: &Array, b: &Array, out: &mut Array) -> Result<()> {
        let (f, g): Real2Fns = match self {
            Real2Op::LogAddExp => (rmath::logaddexp, rmath::logaddexp),
            Real2Op::LogAddExp2 => (rmath::logaddexp2, rmath::logaddexp2),
            Real2Op::Arctan2 => (f64::atan2, f32::atan2),
            Real2Op::Hypot => (f64::hypot, f32::hypot),
        };
        crate::dispatch_float!(a.dtype(), T => binary_into::<T, T>(a, b, out, |x, y| x.map2(y, f, g)),
            else _ => Err(no_loop(self.name())))
    }
}

binary_ufuncs! {
    Real2Op;
    /// `np.logaddexp`: `log(exp(a) + exp(b))` without overflow or underflow.
    ///
    /// ```
    /// let r = numox::logaddexp(&numox::array![1000.0, f64::NEG_INFINITY], 1000.0).unwrap();
    /// assert_eq!(r.to_vec::<f64>().unwrap(), vec![1000.0 + std::f64::consts::LN_2, 1000.0]);
    /// ```
    logaddexp, logaddexp_out => LogAddExp;
    /// `np.logaddexp2`: `log2(2**a + 2**b)` without overflow or underflow.
    ///
    /// ```
    /// let r = numox::logaddexp2(&numox::array![3.0, 1.0], &numox::array![3.0, 1.0]).unwrap();
    /// assert_eq!(r.to_vec::<f64>().unwrap(), vec![4.0, 2.0]);
    /// ```
    logaddexp2, logaddexp2_out => LogAddExp2;
    /// `np.arctan2(y, x)`: the angle of the point `(x, y)`, in `[-π, π]`, with the signs of
    /// zeros deciding the quadrant.
    ///
    /// ```
    /// use std::f64::consts::PI;
    /// let r = numox::arctan2(&numox::array![0.0, -0.0, 1.0], -1.0).unwrap();
    /// assert_eq!(r.to_vec::<f64>().unwrap(), vec![PI, -PI, 3.0 * PI / 4.0]);
    /// ```
    arctan2, arctan2_out => Arctan2;
    /// `np.hypot`: `sqrt(a² + b²)` without overflow (`hypot(inf, nan) = inf`).
    ///
    /// ```
    /// let r = numox::hypot(&numox::array![3i64, 1 << 40], 4).unwrap();
    /// assert_eq!(r.dtype(), numox::DType::Float64);
    /// assert_eq!(r.to_vec::<f64>().unwrap(), vec![5.0, (1u64 << 40) as f64]);
    /// ```
    hypot, hypot_out => Hypot;
}

#[cfg(test)]
mod tests {
    use crate::{array, Array, Complex32, Complex64, DType};

    fn f64s(a: &Array) -> Vec<f64> {
        a.to_vec::<f64>().unwrap()
    }

    #[test]
    fn integer_inputs_take_numpy_loops() {
        let cases = [
            (DType::Bool, DType::Float16),
            (DType::Int8, DType::Float16),
            (DType::UInt8, DType::Float16),
            (DType::Int16, DType::Float32),
            (DType::UInt16, DType::Float32),
            (DType::Int32, DType::Float64),
            (DType::UInt64, DType::Float64),
            (DType::BFloat16, DType::BFloat16),
        ];
        for (d, want) in cases {
            let a = Array::zeros(&[2], d).unwrap();
            assert_eq!(crate::log1p(&a).unwrap().dtype(), want, "{d}");
            assert_eq!(crate::hypot(&a, &a).unwrap().dtype(), want, "{d}");
        }
        // A Python float with an int8 array is float64 (NEP 50).
        let i8s = array![1i8, 2];
        assert_eq!(crate::arctan2(&i8s, 2.5).unwrap().dtype(), DType::Float64);
        assert_eq!(crate::arctan2(&i8s, 2).unwrap().dtype(), DType::Float16);
        // Mixed signedness: both cast safely to float16 (the common int16 would give float32).
        let u8s = array![1u8, 2];
        assert_eq!(crate::hypot(&i8s, &u8s).unwrap().dtype(), DType::Float16);
        let u16s = array![1u16, 2];
        assert_eq!(
            crate::logaddexp(&u16s, &i8s).unwrap().dtype(),
            DType::Float32
        );
    }

    #[test]
    fn binary_functions_reject_complex() {
        let c = Array::zeros(&[1], DType::Complex64).unwrap();
        for r in [
            crate::logaddexp(&c, 1.0),
            crate::logaddexp2(1.0, &c),
            crate::arctan2(&c, &c),
            crate::hypot(array![1.0], Complex64::new(0.0, 1.0)),
        ] {
            let e = r.unwrap_err().to_string();
            assert!(e.contains("not supported for the input types"), "{e}");
        }
    }

    #[test]
    fn logaddexp_special_values() {
        // Values from NumPy 2.4.
        let inf = f64::INFINITY;
        let a = array![inf, -inf, inf, 0.0, f64::NAN, 1.0];
        let b = array![inf, -inf, -inf, 0.0, 1.0, 2.0];
        let r = f64s(&crate::logaddexp(&a, &b).unwrap());
        assert_eq!(r[..4], [inf, -inf, inf, std::f64::consts::LN_2]);
        assert!(r[4].is_nan());
        assert_eq!(r[5], 2.313_261_687_518_223);
        let r = f64s(&crate::logaddexp2(&a, &b).unwrap());
        assert_eq!(r[..4], [inf, -inf, inf, 1.0]);
        assert!(r[4].is_nan());
        assert_eq!(r[5], 2.584_962_500_721_156);
    }

    #[test]
    fn small_arguments_keep_precision() {
        assert_eq!(f64s(&crate::expm1(array![1e-300]).unwrap()), [1e-300]);
        assert_eq!(f64s(&crate::log1p(array![-1e-300]).unwrap()), [-1e-300]);
        let h = crate::exp2(array![crate::f16::from_f32(10.0)]).unwrap();
        assert_eq!(h.to_vec::<crate::f16>().unwrap()[0].to_f32(), 1024.0);
    }

    #[test]
    fn complex_exp_log_family() {
        // NumPy 2.4: np.log2(-8+0j), np.log10(1j), np.exp2(1j), np.log1p(-1+0j).
        let z = crate::log2(array![Complex64::new(-8.0, 0.0)]).unwrap();
        let v = z.to_vec::<Complex64>().unwrap()[0];
        assert_eq!(
            (v.re, v.im),
            (2.999_999_999_999_999_6, 4.532_360_141_827_193)
        );
        let v = crate::log10(array![Complex64::new(0.0, 1.0)])
            .unwrap()
            .to_vec::<Complex64>()
            .unwrap()[0];
        assert_eq!((v.re, v.im), (0.0, 0.682_188_176_920_920_6));
        let v = crate::exp2(array![Complex32::new(0.0, 1.0)])
            .unwrap()
            .to_vec::<Complex32>()
            .unwrap()[0];
        assert_eq!((v.re, v.im), (0.769_238_9, 0.638_961_26));
        let v = crate::log1p(array![Complex64::new(-1.0, 0.0)])
            .unwrap()
            .to_vec::<Complex64>()
            .unwrap()[0];
        assert_eq!((v.re, v.im), (f64::NEG_INFINITY, 0.0));
    }
}
