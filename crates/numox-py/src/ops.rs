//! The array object's operators: arithmetic, bitwise, comparison, matmul, their reflected forms
//! and the in-place forms, with NumPy 2's promotion and weak Python scalars.

// PyO3's #[pymethods] expanded inside macro_rules! trips the 2024 edition's lint on its own
// generated trampolines.
#![allow(unsafe_op_in_unsafe_fn)]

use crate::array::{write_all, Out, PyArr};
use crate::convert::{to_array, try_operand};
use crate::errors::IntoPyResult;
use numox::ufunc::Operand;
use numox::{Array, Result as NxResult};
use pyo3::prelude::*;

/// Arrays above this many elements are computed with the GIL released.
pub const DETACH_SIZE: usize = 1 << 15;

type BinFn = for<'a> fn(Operand<'a>, Operand<'a>) -> NxResult<Array>;

fn size_of(o: &Operand<'_>) -> usize {
    match o {
        Operand::Array(a) => a.size(),
        Operand::Owned(a) => a.size(),
        Operand::Scalar(_) => 1,
    }
}

/// Runs a binary function on two operands, without the GIL for large arrays.
pub fn run_binary(py: Python<'_>, f: BinFn, x: Operand<'_>, y: Operand<'_>) -> PyResult<Array> {
    if size_of(&x).max(size_of(&y)) >= DETACH_SIZE {
        py.detach(|| f(x, y)).py()
    } else {
        f(x, y).py()
    }
}

/// `self op other` (or `other op self` when `reflected`); `NotImplemented` for foreign types.
fn binary(
    slf: &Bound<'_, PyArr>,
    other: &Bound<'_, PyAny>,
    f: BinFn,
    reflected: bool,
) -> PyResult<Py<PyAny>> {
    let py = slf.py();
    let mut hold = None;
    let Some(o) = try_operand(other, &mut hold)? else {
        return Ok(py.NotImplemented());
    };
    let me = Operand::Array(&slf.get().a);
    let r = if reflected {
        run_binary(py, f, o, me)?
    } else {
        run_binary(py, f, me, o)?
    };
    Ok(crate::array::wrap(py, r)?.into_any())
}

/// `self op= other`: computed, then written into `self`'s memory (cast `same_kind`).
fn inplace(slf: &Bound<'_, PyArr>, other: &Bound<'_, PyAny>, f: BinFn) -> PyResult<()> {
    let py = slf.py();
    let mut hold = None;
    let Some(o) = try_operand(other, &mut hold)? else {
        return Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "unsupported operand type for an in-place operation: '{}'",
            other.get_type().name()?
        )));
    };
    let me = &slf.get().a;
    let r = run_binary(py, f, Operand::Array(me), o)?;
    if r.shape() != me.shape() {
        return Err(crate::errors::value_error(format!(
            "non-broadcastable output operand with shape {:?} doesn't match the broadcast shape {:?}",
            me.shape(),
            r.shape()
        )));
    }
    if !numox::promote::can_cast(r.dtype(), me.dtype(), numox::Casting::SameKind) {
        return Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "Cannot cast ufunc output from dtype('{}') to dtype('{}') with casting rule 'same_kind'",
            r.dtype(),
            me.dtype()
        )));
    }
    write_all(me, &r)
}

fn matmul_op<'a>(a: Operand<'a>, b: Operand<'a>) -> NxResult<Array> {
    match (a, b) {
        (Operand::Array(x), Operand::Array(y)) => numox::matmul(x, y),
        _ => Err(numox::Error::Value(
            "matmul: Input operand does not have enough dimensions".into(),
        )),
    }
}

macro_rules! f2 {
    ($f:path) => {{
        fn g<'a>(a: Operand<'a>, b: Operand<'a>) -> NxResult<Array> {
            $f(a, b)
        }
        g as BinFn
    }};
}

macro_rules! binops {
    ($($op:ident, $rop:ident, $iop:ident => $f:expr;)*) => {
        #[pymethods]
        impl PyArr {
            $(
                fn $op(slf: &Bound<'_, Self>, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
                    binary(slf, other, $f, false)
                }
                fn $rop(slf: &Bound<'_, Self>, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
                    binary(slf, other, $f, true)
                }
                fn $iop(slf: &Bound<'_, Self>, other: &Bound<'_, PyAny>) -> PyResult<()> {
                    inplace(slf, other, $f)
                }
            )*
        }
    };
}

binops! {
    __add__, __radd__, __iadd__ => f2!(numox::add);
    __sub__, __rsub__, __isub__ => f2!(numox::subtract);
    __mul__, __rmul__, __imul__ => f2!(numox::multiply);
    __truediv__, __rtruediv__, __itruediv__ => f2!(numox::divide);
    __floordiv__, __rfloordiv__, __ifloordiv__ => f2!(numox::floor_divide);
    __mod__, __rmod__, __imod__ => f2!(numox::remainder);
    __and__, __rand__, __iand__ => f2!(numox::bitwise_and);
    __or__, __ror__, __ior__ => f2!(numox::bitwise_or);
    __xor__, __rxor__, __ixor__ => f2!(numox::bitwise_xor);
    __lshift__, __rlshift__, __ilshift__ => f2!(numox::left_shift);
    __rshift__, __rrshift__, __irshift__ => f2!(numox::right_shift);
}

macro_rules! cmpops {
    ($($op:ident => $f:path;)*) => {
        #[pymethods]
        impl PyArr {
            $(
                fn $op(slf: &Bound<'_, Self>, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
                    binary(slf, other, f2!($f), false)
                }
            )*
        }
    };
}

cmpops! {
    __lt__ => numox::less;
    __le__ => numox::less_equal;
    __gt__ => numox::greater;
    __ge__ => numox::greater_equal;
    __eq__ => numox::equal;
    __ne__ => numox::not_equal;
}

type UnFn = for<'a> fn(Operand<'a>) -> NxResult<Array>;

/// A unary function on an array, without the GIL for large arrays.
pub fn run_unary(py: Python<'_>, f: UnFn, a: &Array) -> PyResult<Array> {
    if a.size() >= DETACH_SIZE {
        py.detach(|| f(Operand::Array(a))).py()
    } else {
        f(Operand::Array(a)).py()
    }
}

macro_rules! f1 {
    ($f:path) => {{
        fn g<'a>(a: Operand<'a>) -> NxResult<Array> {
            $f(a)
        }
        g as UnFn
    }};
}

#[pymethods]
impl PyArr {
    fn __neg__(&self, py: Python<'_>) -> PyResult<Out> {
        if self.a.dtype() == numox::DType::Bool {
            return Err(pyo3::exceptions::PyTypeError::new_err(
                "The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.",
            ));
        }
        Ok(Out(run_unary(py, f1!(numox::negative), &self.a)?))
    }

    fn __pos__(&self, py: Python<'_>) -> PyResult<Out> {
        Ok(Out(run_unary(py, f1!(numox::positive), &self.a)?))
    }

    fn __abs__(&self, py: Python<'_>) -> PyResult<Out> {
        Ok(Out(run_unary(py, f1!(numox::absolute), &self.a)?))
    }

    fn __invert__(&self, py: Python<'_>) -> PyResult<Out> {
        Ok(Out(run_unary(py, f1!(numox::invert), &self.a)?))
    }

    fn __pow__(
        slf: &Bound<'_, Self>,
        other: &Bound<'_, PyAny>,
        modulo: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let _ = modulo;
        binary(slf, other, f2!(numox::power), false)
    }

    fn __rpow__(
        slf: &Bound<'_, Self>,
        other: &Bound<'_, PyAny>,
        modulo: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let _ = modulo;
        binary(slf, other, f2!(numox::power), true)
    }

    fn __ipow__(
        slf: &Bound<'_, Self>,
        other: &Bound<'_, PyAny>,
        _modulo: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<()> {
        inplace(slf, other, f2!(numox::power))
    }

    fn __matmul__(slf: &Bound<'_, Self>, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        matmul_any(slf, other, false)
    }

    fn __rmatmul__(slf: &Bound<'_, Self>, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        matmul_any(slf, other, true)
    }

    fn __imatmul__(slf: &Bound<'_, Self>, other: &Bound<'_, PyAny>) -> PyResult<()> {
        inplace(slf, other, matmul_op as BinFn)
    }
}

fn matmul_any(
    slf: &Bound<'_, PyArr>,
    other: &Bound<'_, PyAny>,
    reflected: bool,
) -> PyResult<Py<PyAny>> {
    let py = slf.py();
    if crate::convert::py_scalar(other)?.is_some() || other.is_none() {
        return Ok(py.NotImplemented());
    }
    let o = match other.cast::<PyArr>() {
        Ok(b) => b.get().a.clone(),
        Err(_) => match to_array(other, None) {
            Ok(a) => a,
            Err(_) => return Ok(py.NotImplemented()),
        },
    };
    let me = &slf.get().a;
    let (x, y) = if reflected { (&o, me) } else { (me, &o) };
    let r = if x.size().max(y.size()) >= DETACH_SIZE {
        py.detach(|| numox::matmul(x, y)).py()?
    } else {
        numox::matmul(x, y).py()?
    };
    Ok(crate::array::wrap(py, r)?.into_any())
}
