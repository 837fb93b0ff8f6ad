//! The trigonometric and hyperbolic ufuncs and their inverses (`sin` … `arctanh`), and the
//! degree/radian conversions (`deg2rad`, `rad2deg`, `degrees`, `radians`). Dtype rules and
//! loops are shared with `math.rs`: integers and booleans compute in the smallest float that
//! holds them, float16/bfloat16 through float32; the conversions have no complex loop (as in
//! NumPy), the others take complex input with the C library's branch cuts.

use super::define::{unary_ufuncs, UnaryOp};
use super::math::{complex_into, float_loop, real_into, CFn, RealFns};
use crate::array::Array;
use crate::dtype::DType;
use crate::error::Result;
use crate::kernels::{catrig, cmath, rmath};

/// The operations of this module.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Trig {
    Sin,
    Cos,
    Tan,
    Arcsin,
    Arccos,
    Arctan,
    Sinh,
    Cosh,
    Tanh,
    Arcsinh,
    Arccosh,
    Arctanh,
    Deg2rad,
    Rad2deg,
    Degrees,
    Radians,
}

impl Trig {
    /// The complex function, or `None` for the conversions (NumPy has no complex loop).
    fn complex(self) -> Option<(CFn<f32>, CFn<f64>)> {
        Some(match self {
            Trig::Sin => (cmath::csin, cmath::csin),
            Trig::Cos => (cmath::ccos, cmath::ccos),
            Trig::Tan => (cmath::ctan, cmath::ctan),
            Trig::Arcsin => (catrig::casin, catrig::casin),
            Trig::Arccos => (catrig::cacos, catrig::cacos),
            Trig::Arctan => (catrig::catan, catrig::catan),
            Trig::Sinh => (cmath::csinh, cmath::csinh),
            Trig::Cosh => (cmath::ccosh, cmath::ccosh),
            Trig::Tanh => (cmath::ctanh, cmath::ctanh),
            Trig::Arcsinh => (catrig::casinh, catrig::casinh),
            Trig::Arccosh => (catrig::cacosh, catrig::cacosh),
            Trig::Arctanh => (catrig::catanh, catrig::catanh),
            Trig::Deg2rad | Trig::Rad2deg | Trig::Degrees | Trig::Radians => return None,
        })
    }

    /// The real function for float64 and float32.
    fn real(self) -> RealFns {
        match self {
            Trig::Sin => (f64::sin, f32::sin),
            Trig::Cos => (f64::cos, f32::cos),
            Trig::Tan => (f64::tan, f32::tan),
            Trig::Arcsin => (f64::asin, f32::asin),
            Trig::Arccos => (f64::acos, f32::acos),
            Trig::Arctan => (f64::atan, f32::atan),
            Trig::Sinh => (f64::sinh, f32::sinh),
            Trig::Cosh => (f64::cosh, f32::cosh),
            Trig::Tanh => (f64::tanh, f32::tanh),
            Trig::Arcsinh => (rmath::asinh, rmath::asinh),
            Trig::Arccosh => (rmath::acosh, rmath::acosh),
            Trig::Arctanh => (rmath::atanh, rmath::atanh),
            Trig::Deg2rad | Trig::Radians => (rmath::deg2rad, rmath::deg2rad),
            Trig::Rad2deg | Trig::Degrees => (rmath::rad2deg, rmath::rad2deg),
        }
    }
}

impl UnaryOp for Trig {
    fn name(self) -> &'static str {
        match self {
            Trig::Sin => "sin",
            Trig::Cos => "cos",
            Trig::Tan => "tan",
            Trig::Arcsin => "arcsin",
            Trig::Arccos => "arccos",
            Trig::Arctan => "arctan",
            Trig::Sinh => "sinh",
            Trig::Cosh => "cosh",
            Trig::Tanh => "tanh",
            Trig::Arcsinh => "arcsinh",
            Trig::Arccosh => "arccosh",
            Trig::Arctanh => "arctanh",
            Trig::Deg2rad => "deg2rad",
            Trig::Rad2deg => "rad2deg",
            Trig::Degrees => "degrees",
            Trig::Radians => "radians",
        }
    }

    fn resolve(self, dt: DType) -> Result<(DType, DType)> {
        float_loop(self.name(), dt, self.complex().is_some())
    }

    fn run(self, a: &Array, out: &mut Array) -> Result<()> {
        match self.complex() {
            Some((f, g)) if a.dtype().is_complex() => complex_into(self.name(), a, out, f, g),
            _ => {
                let (f, g) = self.real();
                real_into(self.name(), a, out, f, g)
            }
        }
    }
}

unary_ufuncs! {
    Trig;
    /// `np.sin` (radians).
    ///
    /// ```
    /// let r = numox::sin(&numox::array![0.0, -0.0, std::f64::consts::FRAC_PI_2]).unwrap();
    /// assert_eq!(r.to_vec::<f64>().unwrap(), vec![0.0, -0.0, 1.0]);
    /// assert_eq!(numox::sin(&numox::array![1i16]).unwrap().dtype(), numox::DType::Float32);
    /// ```
    sin, sin_out => Sin;
    /// `np.cos` (radians).
    ///
    /// ```
    /// let r = numox::cos(&numox::array![0.0, std::f64::consts::PI]).unwrap();
    /// assert_eq!(r.to_vec::<f64>().unwrap(), vec![1.0, -1.0]);
    /// ```
    cos, cos_out => Cos;
    /// `np.tan` (radians).
    ///
    /// ```
    /// let r = numox::tan(&numox::array![0.0, std::f64::consts::FRAC_PI_4]).unwrap();
    /// assert_eq!(r.to_vec::<f64>().unwrap(), vec![0.0, 0.9999999999999999]);
    /// ```
    tan, tan_out => Tan;
    /// `np.arcsin`: in `[-π/2, π/2]`, NaN outside `[-1, 1]` (complex input follows C's branch
    /// cuts: `arcsin(2+0j) = π/2 + 1.3169…j`, `arcsin(2-0j)` the conjugate).
    ///
    /// ```
    /// let r = numox::arcsin(&numox::array![1.0, 2.0]).unwrap();
    /// let v = r.to_vec::<f64>().unwrap();
    /// assert!(v[0] == std::f64::consts::FRAC_PI_2 && v[1].is_nan());
    /// ```
    arcsin, arcsin_out => Arcsin;
    /// `np.arccos`: in `[0, π]`, NaN outside `[-1, 1]`.
    ///
    /// ```
    /// let r = numox::arccos(&numox::array![1.0, -1.0]).unwrap();
    /// assert_eq!(r.to_vec::<f64>().unwrap(), vec![0.0, std::f64::consts::PI]);
    /// ```
    arccos, arccos_out => Arccos;
    /// `np.arctan`: in `[-π/2, π/2]`.
    ///
    /// ```
    /// let r = numox::arctan(&numox::array![f64::INFINITY, 0.0]).unwrap();
    /// assert_eq!(r.to_vec::<f64>().unwrap(), vec![std::f64::consts::FRAC_PI_2, 0.0]);
    /// ```
    arctan, arctan_out => Arctan;
    /// `np.sinh`.
    ///
    /// ```
    /// let r = numox::sinh(&numox::array![0.0, 1000.0]).unwrap();
    /// assert_eq!(r.to_vec::<f64>().unwrap(), vec![0.0, f64::INFINITY]);
    /// ```
    sinh, sinh_out => Sinh;
    /// `np.cosh`.
    ///
    /// ```
    /// let r = numox::cosh(&numox::array![0.0, -1000.0]).unwrap();
    /// assert_eq!(r.to_vec::<f64>().unwrap(), vec![1.0, f64::INFINITY]);
    /// ```
    cosh, cosh_out => Cosh;
    /// `np.tanh`.
    ///
    /// ```
    /// let r = numox::tanh(&numox::array![0.0, 1000.0, -1000.0]).unwrap();
    /// assert_eq!(r.to_vec::<f64>().unwrap(), vec![0.0, 1.0, -1.0]);
    /// ```
    tanh, tanh_out => Tanh;
    /// `np.arcsinh`.
    ///
    /// ```
    /// let r = numox::arcsinh(&numox::array![0.0, -1e-300, f64::NEG_INFINITY]).unwrap();
    /// assert_eq!(r.to_vec::<f64>().unwrap(), vec![0.0, -1e-300, f64::NEG_INFINITY]);
    /// ```
    arcsinh, arcsinh_out => Arcsinh;
    /// `np.arccosh`: NaN below 1.
    ///
    /// ```
    /// let r = numox::arccosh(&numox::array![1.0, 0.5]).unwrap();
    /// let v = r.to_vec::<f64>().unwrap();
    /// assert!(v[0] == 0.0 && v[1].is_nan());
    /// ```
    arccosh, arccosh_out => Arccosh;
    /// `np.arctanh`: ±inf at ±1, NaN beyond.
    ///
    /// ```
    /// let r = numox::arctanh(&numox::array![0.0, 1.0, -1.0]).unwrap();
    /// assert_eq!(r.to_vec::<f64>().unwrap(), vec![0.0, f64::INFINITY, f64::NEG_INFINITY]);
    /// ```
    arctanh, arctanh_out => Arctanh;
    /// `np.deg2rad`: `x · π/180` (no complex loop, as in NumPy).
    ///
    /// ```
    /// let r = numox::deg2rad(&numox::array![180.0, -90.0]).unwrap();
    /// use std::f64::consts::{FRAC_PI_2, PI};
    /// assert_eq!(r.to_vec::<f64>().unwrap(), vec![PI, -FRAC_PI_2]);
    /// assert!(numox::deg2rad(&numox::array![numox::Complex64::new(1.0, 0.0)]).is_err());
    /// ```
    deg2rad, deg2rad_out => Deg2rad;
    /// `np.rad2deg`: `x · 180/π`.
    ///
    /// ```
    /// let r = numox::rad2deg(&numox::array![std::f64::consts::PI, 0.0]).unwrap();
    /// assert_eq!(r.to_vec::<f64>().unwrap(), vec![180.0, 0.0]);
    /// ```
    rad2deg, rad2deg_out => Rad2deg;
    /// `np.degrees`, the same function as [`rad2deg`].
    ///
    /// ```
    /// let r = numox::degrees(&numox::array![std::f32::consts::PI]).unwrap();
    /// assert_eq!(r.to_vec::<f32>().unwrap(), vec![180.0]);
    /// ```
    degrees, degrees_out => Degrees;
    /// `np.radians`, the same function as [`deg2rad`].
    ///
    /// ```
    /// let r = numox::radians(&numox::array![90i16]).unwrap();
    /// assert_eq!(r.dtype(), numox::DType::Float32);
    /// assert_eq!(r.to_vec::<f32>().unwrap(), vec![std::f32::consts::FRAC_PI_2]);
    /// ```
    radians, radians_out => Radians;
}

#[cfg(test)]
mod tests {
    use crate::{array, Array, Complex64, DType};

    fn c(a: &Array) -> Vec<(f64, f64)> {
        a.to_vec::<Complex64>()
            .unwrap()
            .iter()
            .map(|z| (z.re, z.im))
            .collect()
    }

    #[test]
    fn loop_dtypes_and_complex_support() {
        let z = Array::zeros(&[1], DType::Complex64).unwrap();
        assert_eq!(crate::arccosh(&z).unwrap().dtype(), DType::Complex64);
        for r in [
            crate::deg2rad(&z),
            crate::rad2deg(&z),
            crate::degrees(&z),
            crate::radians(&z),
        ] {
            let e = r.unwrap_err().to_string();
            assert!(e.starts_with("ufunc '"), "{e}");
            assert!(e.contains("not supported for the input types"), "{e}");
        }
        assert_eq!(crate::sin(array![true]).unwrap().dtype(), DType::Float16);
        assert_eq!(crate::tanh(array![1u32]).unwrap().dtype(), DType::Float64);
        assert_eq!(crate::cos(2.5).unwrap().dtype(), DType::Float64);
        assert_eq!(crate::cos(2).unwrap().dtype(), DType::Float64);
    }

    #[test]
    fn branch_cuts_follow_the_sign_of_zero() {
        // NumPy 2.4 (glibc): arcsin(2±0j), arccos(2±0j), arctanh(2±0j), arccosh(-2±0j).
        let z = array![Complex64::new(2.0, 0.0), Complex64::new(2.0, -0.0)];
        let h = 1.316_957_896_924_816_6;
        let p2 = std::f64::consts::FRAC_PI_2;
        assert_eq!(c(&crate::arcsin(&z).unwrap()), [(p2, h), (p2, -h)]);
        assert_eq!(c(&crate::arccos(&z).unwrap()), [(0.0, -h), (0.0, h)]);
        let t = c(&crate::arctanh(&z).unwrap());
        assert_eq!(
            t,
            [
                (0.549_306_144_334_054_9, p2),
                (0.549_306_144_334_054_9, -p2)
            ]
        );
        let m = array![Complex64::new(-2.0, 0.0), Complex64::new(-2.0, -0.0)];
        let pi = std::f64::consts::PI;
        assert_eq!(c(&crate::arccosh(&m).unwrap()), [(h, pi), (h, -pi)]);
    }

    #[test]
    fn real_inverse_hyperbolics_are_accurate_near_their_edges() {
        // NumPy 2.4 (AVX2 loops, which call glibc): arccosh(1 + 2^-40), arctanh(1 - 2^-40),
        // arcsinh(1e-10), arcsinh(-1e300) (its AVX-512 loop gives -691.4686750787737).
        let r = crate::arccosh(array![1.0 + 2f64.powi(-40)]).unwrap();
        assert_eq!(r.to_vec::<f64>().unwrap(), [1.348_699_152_348_506_8e-6]);
        let r = crate::arctanh(array![1.0 - 2f64.powi(-40)]).unwrap();
        assert_eq!(r.to_vec::<f64>().unwrap(), [14.209_517_201_478_65]);
        let r = crate::arcsinh(array![1e-10, -1e300]).unwrap();
        assert_eq!(r.to_vec::<f64>().unwrap(), [1e-10, -691.468_675_078_773_6]);
    }
}
