//! Parts of complex numbers: `real`, `imag`, `conjugate` (`conj`), `angle`, and the complex
//! loop of `absolute`.
//!
//! As in NumPy, `real` and `imag` of a complex array are views of its parts (float32 for
//! complex64, float64 for complex128); `real` of a real array is the array itself and `imag` of
//! it is zeros of its dtype.

use super::define::{call_unary, done, unary_ufuncs, UnaryOp};
use super::engine::unary_into;
use super::functions::multiply;
use super::operand::Operand;
use super::predicates::operand_array;
use crate::array::Array;
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::kernels::complex::{dispatch_complex_elem, ComplexElem, Conj};
use crate::kernels::elem::RealFloat;
use crate::layout::Layout;

/// `np.real(a)`: the real parts of a complex array as a view (float32 / float64), or a real
/// array itself.
///
/// ```
/// use numox::{array, Complex64, DType};
/// let z = array![Complex64::new(1.0, 2.0), Complex64::new(-3.0, 4.0)];
/// let r = numox::real(&z).unwrap();
/// assert_eq!(r.dtype(), DType::Float64);
/// assert_eq!(r.to_vec::<f64>().unwrap(), vec![1.0, -3.0]);
/// assert!(r.shares_buffer(&z));
/// let i = array![1i8, 2];
/// assert_eq!(numox::real(&i).unwrap().dtype(), DType::Int8);
/// ```
pub fn real<'a>(a: impl Into<Operand<'a>>) -> Result<Array> {
    let a = operand_array(&a.into())?;
    Ok(if a.dtype().is_complex() {
        part_view(&a, 0)
    } else {
        a
    })
}

/// `np.imag(a)`: the imaginary parts of a complex array as a view, or zeros of a real array's
/// dtype and shape.
///
/// ```
/// use numox::{array, Complex32, DType};
/// let z = array![Complex32::new(1.0, 2.0), Complex32::new(-3.0, -0.0)];
/// let r = numox::imag(&z).unwrap();
/// assert_eq!(r.dtype(), DType::Float32);
/// assert_eq!(r.to_vec::<f32>().unwrap(), vec![2.0, -0.0]);
/// let i = numox::imag(&array![5u16, 7]).unwrap();
/// assert_eq!((i.dtype(), i.to_vec::<u16>().unwrap()), (DType::UInt16, vec![0, 0]));
/// ```
pub fn imag<'a>(a: impl Into<Operand<'a>>) -> Result<Array> {
    let a = operand_array(&a.into())?;
    if a.dtype().is_complex() {
        Ok(part_view(&a, 1))
    } else {
        Array::zeros(a.shape(), a.dtype())
    }
}

/// The view of part `k` (0 real, 1 imaginary) of a complex array: each complex element is two
/// elements of the real dtype, so strides and offset double.
fn part_view(a: &Array, k: usize) -> Array {
    let l = a.layout();
    let strides: Vec<isize> = l.strides().iter().map(|s| s * 2).collect();
    let layout = Layout::from_parts(l.shape(), &strides, l.offset() * 2 + k);
    a.with_dtype_layout(a.dtype().real_dtype(), layout)
}

/// The complex loop of `np.absolute`: `out` (float32 / float64) = |a| with NumPy's formula.
pub(crate) fn absolute_complex(a: &Array, out: &mut Array) -> Result<()> {
    dispatch_complex_elem!(a.dtype(), T => unary_into::<T, <T as ComplexElem>::Real>(
        a, out, |z| z.abs_scaled()
    ), else d => Err(Error::DType(format!("internal: complex absolute of {d}"))))
}

/// `np.conjugate` and `np.angle`'s loop.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Part {
    Conjugate,
    /// `arctan2(imag, real)` (for a real array: `arctan2(0, a)`).
    Angle,
}

impl UnaryOp for Part {
    fn name(self) -> &'static str {
        match self {
            Part::Conjugate => "conjugate",
            Part::Angle => "arctan2",
        }
    }

    fn resolve(self, dt: DType) -> Result<(DType, DType)> {
        Ok(match (self, dt.kind()) {
            // NumPy has no boolean conjugate loop: booleans go to int8.
            (Part::Conjugate, _) if dt == DType::Bool => (DType::Int8, DType::Int8),
            (Part::Conjugate, _) => (dt, dt),
            (Part::Angle, _) if dt.is_complex() => (dt, dt.real_dtype()),
            (Part::Angle, _) if dt.is_float() => (dt, dt),
            // `arctan2(0, a)`: the Python 0 makes a boolean array int64, then int64 → float64.
            (Part::Angle, _) if dt == DType::Bool => (DType::Float64, DType::Float64),
            // arctan2's loops start at float16: an integer goes to the smallest float holding it.
            (Part::Angle, _) => {
                let f = crate::promote::promote_types(dt, DType::Float16)?;
                (f, f)
            }
        })
    }

    fn run(self, a: &Array, out: &mut Array) -> Result<()> {
        let dt = a.dtype();
        match self {
            Part::Conjugate => {
                crate::dispatch_dtype!(dt, T => unary_into::<T, T>(a, out, |x| x.conj_()))
            }
            Part::Angle => {
                dispatch_complex_elem!(dt, T => unary_into::<T, <T as ComplexElem>::Real>(
                a, out, |z| z.angle_()
            ), else d => crate::dispatch_float!(d, T => unary_into::<T, T>(
                a, out, |x| x.map_f64(|v| 0f64.atan2(v), |v| 0f32.atan2(v))
            ), else d => Err(Error::DType(format!("internal: angle of {d}")))))
            }
        }
    }
}

unary_ufuncs! {
    Part;
    /// `np.conjugate`: the complex conjugate; real values are unchanged (booleans become
    /// int8, as NumPy has no boolean loop).
    ///
    /// ```
    /// use numox::{array, Complex64};
    /// let z = array![Complex64::new(1.0, 2.0)];
    /// let r = numox::conjugate(&z).unwrap();
    /// assert_eq!(r.to_vec::<Complex64>().unwrap(), vec![Complex64::new(1.0, -2.0)]);
    /// assert_eq!(numox::conjugate(&array![true]).unwrap().dtype(), numox::DType::Int8);
    /// ```
    conjugate, conjugate_out => Conjugate;
    /// `np.conj`, the same ufunc as [`conjugate`].
    ///
    /// ```
    /// let r = numox::conj(&numox::array![numox::Complex32::new(0.0, -1.0)]).unwrap();
    /// assert_eq!(r.to_vec::<numox::Complex32>().unwrap(), vec![numox::Complex32::new(0.0, 1.0)]);
    /// ```
    conj, conj_out => Conjugate;
}

/// `np.angle(z, deg)`: the argument `arctan2(imag, real)` of each element, in radians or (with
/// `deg`) degrees; float32 for complex64 and float32 input, float64 for complex128. A real array
/// computes `arctan2(0, a)` (π for negative numbers and -0.0), so integers go to the float
/// dtype NumPy's `arctan2` picks (int8 → float16, int16 → float32, int32 → float64) and
/// booleans to float64.
///
/// ```
/// use numox::{array, Complex64, DType};
/// let z = array![Complex64::new(0.0, 1.0), Complex64::new(-1.0, 0.0)];
/// let r = numox::angle(&z, false).unwrap();
/// assert_eq!(r.to_vec::<f64>().unwrap(), vec![std::f64::consts::FRAC_PI_2, std::f64::consts::PI]);
/// let d = numox::angle(&z, true).unwrap();
/// assert_eq!(d.to_vec::<f64>().unwrap(), vec![90.0, 180.0]);
/// assert_eq!(numox::angle(&array![-1i8], false).unwrap().dtype(), DType::Float16);
/// ```
pub fn angle<'a>(z: impl Into<Operand<'a>>, deg: bool) -> Result<Array> {
    let r = done(call_unary(Part::Angle, z.into(), None))?;
    if deg {
        // NumPy's `a *= 180 / pi`: the Python float is weak, so it rounds to the result dtype.
        multiply(r, 180.0 / std::f64::consts::PI)
    } else {
        Ok(r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{array, f16, Complex32, Complex64};

    #[test]
    fn parts_are_views_through_any_layout() {
        let z = Array::from_shape_vec(
            &[2, 2],
            vec![
                Complex64::new(1.0, -1.0),
                Complex64::new(2.0, -2.0),
                Complex64::new(3.0, -3.0),
                Complex64::new(4.0, -4.0),
            ],
        )
        .unwrap();
        let t = z.t().slice_axis(1, None, None, -1).unwrap();
        assert_eq!(
            real(&t).unwrap().to_vec::<f64>().unwrap(),
            vec![3.0, 1.0, 4.0, 2.0]
        );
        assert_eq!(
            imag(&t).unwrap().to_vec::<f64>().unwrap(),
            vec![-3.0, -1.0, -4.0, -2.0]
        );
        let im = imag(&z).unwrap();
        assert_eq!(im.strides(), vec![32, 16]);
        assert!(!im.flags().owndata);
        // writing to a part copies it first (copy-on-write): `z` is unchanged
        let mut re = real(&z).unwrap();
        re.set(&[0, 0], 9.0).unwrap();
        assert_eq!(
            z.get_as::<Complex64>(&[0, 0]).unwrap(),
            Complex64::new(1.0, -1.0)
        );
        assert_eq!(re.to_vec::<f64>().unwrap(), vec![9.0, 2.0, 3.0, 4.0]);
        // a real array is its own real part; scalars become 0-d arrays
        let a = array![1.5f32];
        assert!(real(&a).unwrap().shares_buffer(&a));
        let s = imag(Complex64::new(1.0, 2.0)).unwrap();
        assert_eq!((s.ndim(), s.item_as::<f64>().unwrap()), (0, 2.0));
    }

    #[test]
    fn absolute_of_complex_is_real() {
        let z = array![
            Complex32::new(3.0, 4.0),
            Complex32::new(f32::NAN, f32::INFINITY)
        ];
        let r = crate::absolute(&z).unwrap();
        assert_eq!(r.dtype(), DType::Float32);
        assert_eq!(r.to_vec::<f32>().unwrap(), vec![5.0, f32::INFINITY]);
        let mut out = Array::zeros(&[2], DType::Complex128).unwrap();
        crate::absolute_out(&z, &mut out).unwrap();
        assert_eq!(
            out.to_vec::<Complex64>().unwrap()[0],
            Complex64::new(5.0, 0.0)
        );
    }

    #[test]
    fn angle_dtypes_and_degrees() {
        let r = angle(array![-1.0f32, -0.0, 0.0], true).unwrap();
        assert_eq!(r.to_vec::<f32>().unwrap(), vec![180.0, 180.0, 0.0]);
        // np.angle(float16([-1]), deg=True) -> 179.9 (pi and 180/pi rounded to float16)
        let r = angle(array![f16::from_f32(-1.0)], true).unwrap();
        assert_eq!(r.to_vec::<f16>().unwrap(), vec![f16::from_f32(179.9)]);
        assert_eq!(angle(array![true], false).unwrap().dtype(), DType::Float64);
        assert_eq!(
            angle(Array::from_vec(vec![1i16]), false).unwrap().dtype(),
            DType::Float32
        );
        assert_eq!(
            angle(Array::from_vec(vec![1u64]), false).unwrap().dtype(),
            DType::Float64
        );
        let r = angle(-1, false).unwrap();
        assert_eq!(r.item_as::<f64>().unwrap(), std::f64::consts::PI);
        let r = angle(array![Complex32::new(0.0, 1.0)], false).unwrap();
        assert_eq!(r.dtype(), DType::Float32);
    }

    #[test]
    fn conjugate_keeps_real_dtypes() {
        assert_eq!(
            conj(array![1.5f32]).unwrap().to_vec::<f32>().unwrap(),
            vec![1.5]
        );
        let r = conjugate(array![true, false]).unwrap();
        assert_eq!(r.to_vec::<i8>().unwrap(), vec![1, 0]);
    }
}
