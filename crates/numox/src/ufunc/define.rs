//! How an elementwise operation is defined: a small `Copy` type (usually an enum of related
//! operations) implementing [`BinaryOp`] or [`UnaryOp`] — its name, its dtype resolution and its
//! typed loop — and the shared call path that every operation goes through (NEP 50 resolution,
//! operand casts, broadcasting, `out=` checks, the output allocation). The macros
//! `binary_ufuncs!` and `unary_ufuncs!` stamp out
//! the public `f(a, b)` / `f_out(a, b, &mut out)` functions and the method form `a.f(b)` with
//! their documentation.

use super::engine::{
    assign_cast, broadcast, check_out, check_out_cast, check_out_shape, new_contiguous_like,
    new_output, operand_dtype, same_shape, to_loop_dtype,
};
use super::operand::Operand;
use crate::array::Array;
use crate::dtype::DType;
use crate::error::{Error, Result};

/// A binary elementwise operation.
pub(crate) trait BinaryOp: Copy {
    /// NumPy's name of the ufunc (used in error messages).
    fn name(self) -> &'static str;

    /// The common dtype of the operands (NEP 50: arrays strong, scalars weak). Operations whose
    /// dtype rule differs (for example comparisons against out-of-range scalars) override it.
    fn common_dtype(self, a: &Operand, b: &Operand) -> Result<DType> {
        operand_dtype(&[a, b])
    }

    /// `(loop dtype, result dtype)` for operands whose common dtype is `dt`, or NumPy's error.
    fn resolve(self, dt: DType) -> Result<(DType, DType)>;

    /// A boolean result that every element shares, known from the operands alone (a comparison
    /// of an integer array with a Python integer outside its dtype's range), or `None`.
    fn decided(self, _a: &Operand, _b: &Operand) -> Option<bool> {
        None
    }

    /// Runs the loop: `a` and `b` have the loop dtype, `out` the result dtype and the output
    /// shape (the inputs broadcast to it), and `out` is held uniquely.
    fn run(self, a: &Array, b: &Array, out: &mut Array) -> Result<()>;
}

/// A unary elementwise operation.
pub(crate) trait UnaryOp: Copy {
    /// NumPy's name of the ufunc.
    fn name(self) -> &'static str;

    /// `(loop dtype, result dtype)` for an input of dtype `dt`, or NumPy's error.
    fn resolve(self, dt: DType) -> Result<(DType, DType)>;

    /// Runs the loop: `a` has the loop dtype, `out` the result dtype and the output shape.
    fn run(self, a: &Array, out: &mut Array) -> Result<()>;
}

/// Calls a binary operation without `out=`. Two borrowed arrays of one dtype and one
/// C-contiguous shape (the common small case) go straight to the loop, with no promotion,
/// broadcasting or walk to set up and no wrapper around the result; everything else takes
/// [`call_binary`].
#[inline]
pub(crate) fn call_binary_new<'a, Op: BinaryOp>(
    op: Op,
    a: Operand<'a>,
    b: Operand<'a>,
) -> Result<Array> {
    if let (Operand::Array(x), Operand::Array(y)) = (&a, &b) {
        let dt = x.dtype();
        if same_flat(x, y)
            && let Ok((loop_dt, res_dt)) = op.resolve(dt)
            && loop_dt == dt
        {
            let mut r = new_contiguous_like(x, res_dt)?;
            op.run(x, y, &mut r)?;
            return Ok(r);
        }
    }
    call_binary_general(op, a, b)
}

/// True for two arrays of one dtype and one C-contiguous shape: the case that needs no
/// promotion, broadcasting or walk.
#[inline(always)]
fn same_flat(x: &Array, y: &Array) -> bool {
    x.dtype() == y.dtype()
        && same_shape(x.shape(), y.shape())
        && x.is_c_contiguous()
        && y.is_c_contiguous()
}

#[inline(never)]
fn call_binary_general<'a, Op: BinaryOp>(op: Op, a: Operand<'a>, b: Operand<'a>) -> Result<Array> {
    done(call_binary(op, a, b, None))
}

/// Calls a binary operation: returns the new array, or `None` after writing into `out`.
pub(crate) fn call_binary<'a, Op: BinaryOp>(
    op: Op,
    mut a: Operand<'a>,
    mut b: Operand<'a>,
    out: Option<&mut Array>,
) -> Result<Option<Array>> {
    // Fast path for the common small case: two arrays of one dtype and one C-contiguous shape,
    // no out=: no promotion, broadcasting or walk to set up.
    let fast = match (a.array(), b.array(), out.is_none()) {
        (Some(x), Some(y), true) => same_flat(x, y),
        _ => false,
    };
    if fast && let Some(x) = a.array() {
        let dt = x.dtype();
        let (loop_dt, res_dt) = op.resolve(dt)?;
        if loop_dt == dt {
            if let Some(r) = run_reusing(op, &mut a, &mut b, loop_dt, res_dt)? {
                return Ok(Some(r));
            }
            if let (Some(x), Some(y)) = (a.array(), b.array()) {
                let mut r = new_contiguous_like(x, res_dt)?;
                op.run(x, y, &mut r)?;
                return Ok(Some(r));
            }
        }
    }
    if let Some(v) = op.decided(&a, &b) {
        return decided_result(op.name(), &a, &b, v, out);
    }
    let dt = op.common_dtype(&a, &b)?;
    let (loop_dt, res_dt) = op.resolve(dt)?;
    if out.is_none()
        && let Some(r) = run_reusing(op, &mut a, &mut b, loop_dt, res_dt)?
    {
        return Ok(Some(r));
    }
    let x = to_loop_dtype(&a, loop_dt)?;
    let y = to_loop_dtype(&b, loop_dt)?;
    let shape = broadcast(&[&x, &y])?;
    match out {
        None => {
            let mut r = new_output(&shape, res_dt, &[&x, &y])?;
            op.run(&x, &y, &mut r)?;
            Ok(Some(r))
        }
        Some(o) => {
            if check_out(op.name(), o, &shape, res_dt)? {
                let mut r = new_output(o.shape(), res_dt, &[&x, &y])?;
                op.run(&x, &y, &mut r)?;
                assign_cast(&r, o)?;
            } else {
                op.run(&x, &y, o)?;
            }
            Ok(None)
        }
    }
}

/// The result of a comparison that [`BinaryOp::decided`] answered: `v` everywhere.
fn decided_result(
    name: &str,
    a: &Operand,
    b: &Operand,
    v: bool,
    out: Option<&mut Array>,
) -> Result<Option<Array>> {
    let x = to_loop_dtype(a, a.array().map_or(DType::Bool, Array::dtype))?;
    let y = to_loop_dtype(b, b.array().map_or(DType::Bool, Array::dtype))?;
    let shape = broadcast(&[&x, &y])?;
    match out {
        None => crate::creation::full(shape.as_slice(), v).map(Some),
        Some(o) => {
            check_out(name, o, &shape, DType::Bool)?;
            assign_cast(&Array::scalar(v), o)?;
            Ok(None)
        }
    }
}

/// NumPy's temporary elision: an operand moved into the call (`Operand::Owned`) whose buffer
/// nobody else holds, already of the loop and result dtype and of the output's shape, becomes the
/// output, so `(&a * &b + &c)?` allocates one array instead of two. Returns `None` when no
/// operand qualifies.
fn run_reusing<'a, Op: BinaryOp>(
    op: Op,
    a: &mut Operand<'a>,
    b: &mut Operand<'a>,
    loop_dt: DType,
    res_dt: DType,
) -> Result<Option<Array>> {
    if loop_dt != res_dt {
        return Ok(None);
    }
    for first in [true, false] {
        let (t, o) = if first {
            (&mut *a, &*b)
        } else {
            (&mut *b, &*a)
        };
        let Operand::Owned(target) = t else { continue };
        if target.dtype() != res_dt || !target.is_unique() {
            continue;
        }
        let other = to_loop_dtype(o, loop_dt)?;
        let shape = broadcast(&[target, &other])?;
        if !same_shape(&shape, target.shape()) {
            continue;
        }
        // A second handle reads what the loop overwrites element by element, at the same
        // positions, so the aliasing is harmless.
        let input = target.clone();
        if first {
            op.run(&input, &other, target)?;
        } else {
            op.run(&other, &input, target)?;
        }
        return Ok(Some(input));
    }
    Ok(None)
}

/// Calls a unary operation: returns the new array, or `None` after writing into `out`.
pub(crate) fn call_unary<Op: UnaryOp>(
    op: Op,
    a: Operand,
    out: Option<&mut Array>,
) -> Result<Option<Array>> {
    let dt = operand_dtype(&[&a])?;
    let (loop_dt, res_dt) = op.resolve(dt)?;
    match (a, out) {
        (Operand::Owned(mut t), None) => {
            // Temporary elision, as in `run_reusing`: `exp(a * 2.0)` reuses the product's buffer.
            if t.dtype() == loop_dt && loop_dt == res_dt && t.is_unique() {
                let input = t.clone();
                op.run(&input, &mut t)?;
                drop(input);
                return Ok(Some(t));
            }
            call_unary_general(op, Operand::Owned(t), loop_dt, res_dt, None)
        }
        (a, out) => call_unary_general(op, a, loop_dt, res_dt, out),
    }
}

fn call_unary_general<Op: UnaryOp>(
    op: Op,
    a: Operand,
    loop_dt: DType,
    res_dt: DType,
    out: Option<&mut Array>,
) -> Result<Option<Array>> {
    let x = to_loop_dtype(&a, loop_dt)?;
    drop(a);
    match out {
        None => {
            let mut r = new_output(x.shape(), res_dt, &[&x])?;
            op.run(&x, &mut r)?;
            Ok(Some(r))
        }
        Some(o) => {
            if check_out(op.name(), o, x.shape(), res_dt)? {
                let mut r = new_output(o.shape(), res_dt, &[&x])?;
                op.run(&x, &mut r)?;
                assign_cast(&r, o)?;
            } else {
                op.run(&x, o)?;
            }
            Ok(None)
        }
    }
}

/// Applies a binary operation in place, `target = op(target, b)` (NumPy's `target += b`): `b`
/// must broadcast to `target`'s shape and the result cast to its dtype under `same_kind`. No
/// temporary is made unless a cast needs one (or `target` shares its buffer and is copied first).
pub(crate) fn call_binary_inplace<Op: BinaryOp>(
    op: Op,
    target: &mut Array,
    b: Operand,
) -> Result<()> {
    target.make_unique()?;
    // A second handle on the (now unique) buffer reads what the loop overwrites element by
    // element; the loop writes each element after reading it, so the aliasing is harmless.
    let me = target.clone();
    let a = Operand::Array(&me);
    let dt = op.common_dtype(&a, &b)?;
    let (loop_dt, res_dt) = op.resolve(dt)?;
    let x = to_loop_dtype(&a, loop_dt)?;
    let y = to_loop_dtype(&b, loop_dt)?;
    let shape = broadcast(&[&x, &y])?;
    check_out_shape(target.shape(), &shape)?;
    check_out_cast(op.name(), target.dtype(), res_dt)?;
    if target.dtype() != res_dt {
        let mut r = new_output(target.shape(), res_dt, &[&x, &y])?;
        op.run(&x, &y, &mut r)?;
        drop(me);
        assign_cast(&r, target)
    } else {
        op.run(&x, &y, target)
    }
}

/// The array a call without `out=` returned.
#[inline(always)]
pub(crate) fn done(r: Result<Option<Array>>) -> Result<Array> {
    r?.ok_or_else(|| Error::Value("internal: no result".into()))
}

/// NumPy's error for operands whose dtype the ufunc `name` has no loop for (word for word
/// NumPy's message, which names no dtype).
pub(crate) fn no_loop(name: &str) -> Error {
    Error::DType(format!(
        "ufunc '{name}' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''"
    ))
}

/// Stamps out `pub fn name(a, b) -> Result<Array>`, `pub fn name_out(a, b, &mut out)` and the
/// method `Array::name(&self, b)` for variants of a [`BinaryOp`] type. The doc comments given
/// become the function's docs; the `_out` and method examples use float64 values unless
/// `Op, "1, 2", Int64;` names other example elements and their dtype. An entry may end in
/// `, np "mod"` (NumPy's name, where the Rust one differs) and `, op "a % b"` (the operator),
/// which the method's doc line names.
macro_rules! binary_ufuncs {
    ($Op:ident; $($rest:tt)*) => {
        $crate::ufunc::define::binary_ufuncs!($Op, "1.0, 2.0", Float64; $($rest)*);
    };
    ($Op:ident, $vals:literal, $dt:ident;
     $($(#[$doc:meta])* $name:ident, $name_out:ident => $variant:ident
       $(, np $np:literal)? $(, op $op:literal)?;)*) => {$(
        $(#[$doc])*
        pub fn $name<'a>(
            a: impl Into<$crate::ufunc::Operand<'a>>,
            b: impl Into<$crate::ufunc::Operand<'a>>,
        ) -> $crate::Result<$crate::Array> {
            // The generic shell converts; the non-generic body is compiled once, in numox.
            fn inner(
                a: $crate::ufunc::Operand<'_>,
                b: $crate::ufunc::Operand<'_>,
            ) -> $crate::Result<$crate::Array> {
                $crate::ufunc::define::call_binary_new($Op::$variant, a, b)
            }
            inner(a.into(), b.into())
        }

        impl $crate::Array {
            #[doc = concat!(
                "Method form of [`crate::", stringify!($name), "`] (`np.",
                $crate::ufunc::define::np_name!($name $(, $np)?), "(a, b)`",
                $(" / `", $op, "`",)? ")."
            )]
            ///
            /// ```
            #[doc = concat!("let a = numox::array![", $vals, "];")]
            #[doc = concat!("let r = a.", stringify!($name), "(&a).unwrap();")]
            #[doc = concat!("assert!(numox::array_equal(&r, &numox::", stringify!($name), "(&a, &a).unwrap(), true).unwrap());")]
            /// ```
            pub fn $name<'a>(
                &'a self,
                b: impl Into<$crate::ufunc::Operand<'a>>,
            ) -> $crate::Result<$crate::Array> {
                $name(self, b)
            }
        }

        #[doc = concat!("`np.", stringify!($name), "(a, b, out=out)`: writes the result into `out`, whose shape the inputs must broadcast to; the result is cast to `out`'s dtype under `same_kind`.")]
        ///
        /// ```
        #[doc = concat!("let a = numox::array![", $vals, "];")]
        #[doc = concat!("let mut out = numox::Array::zeros(&[2, 2], numox::DType::", stringify!($dt), ").unwrap();")]
        #[doc = concat!("numox::", stringify!($name_out), "(&a, &a, &mut out).unwrap();")]
        /// assert_eq!(out.shape(), &[2, 2]);
        /// ```
        pub fn $name_out<'a>(
            a: impl Into<$crate::ufunc::Operand<'a>>,
            b: impl Into<$crate::ufunc::Operand<'a>>,
            out: &mut $crate::Array,
        ) -> $crate::Result<()> {
            fn inner(
                a: $crate::ufunc::Operand<'_>,
                b: $crate::ufunc::Operand<'_>,
                out: &mut $crate::Array,
            ) -> $crate::Result<()> {
                $crate::ufunc::define::call_binary($Op::$variant, a, b, Some(out)).map(|_| ())
            }
            inner(a.into(), b.into(), out)
        }
    )*};
}

/// Stamps out `pub fn name(a) -> Result<Array>`, `pub fn name_out(a, &mut out)` and the method
/// `Array::name(&self)` for variants of a [`UnaryOp`] type; the example elements and the
/// optional `, op "-a"` as in `binary_ufuncs!`.
macro_rules! unary_ufuncs {
    ($Op:ident; $($rest:tt)*) => {
        $crate::ufunc::define::unary_ufuncs!($Op, "1.0, 4.0", Float64; $($rest)*);
    };
    ($Op:ident, $vals:literal, $dt:ident;
     $($(#[$doc:meta])* $name:ident, $name_out:ident => $variant:ident $(, op $op:literal)?;)*) => {$(
        $(#[$doc])*
        pub fn $name<'a>(a: impl Into<$crate::ufunc::Operand<'a>>) -> $crate::Result<$crate::Array> {
            fn inner(a: $crate::ufunc::Operand<'_>) -> $crate::Result<$crate::Array> {
                $crate::ufunc::define::done($crate::ufunc::define::call_unary($Op::$variant, a, None))
            }
            inner(a.into())
        }

        impl $crate::Array {
            #[doc = concat!(
                "Method form of [`crate::", stringify!($name), "`] (`np.", stringify!($name),
                "(a)`", $(" / `", $op, "`",)? ")."
            )]
            ///
            /// ```
            #[doc = concat!("let a = numox::array![", $vals, "];")]
            #[doc = concat!("let r = a.", stringify!($name), "().unwrap();")]
            #[doc = concat!("assert!(numox::array_equal(&r, &numox::", stringify!($name), "(&a).unwrap(), true).unwrap());")]
            /// ```
            pub fn $name(&self) -> $crate::Result<$crate::Array> {
                $name(self)
            }
        }

        #[doc = concat!("`np.", stringify!($name), "(a, out=out)`: writes the result into `out`, whose shape the input must broadcast to; the result is cast to `out`'s dtype under `same_kind`.")]
        ///
        /// ```
        #[doc = concat!("let a = numox::array![", $vals, "];")]
        #[doc = concat!("let mut out = numox::Array::zeros(&[2], numox::DType::", stringify!($dt), ").unwrap();")]
        #[doc = concat!("numox::", stringify!($name_out), "(&a, &mut out).unwrap();")]
        /// assert_eq!(out.shape(), &[2]);
        /// ```
        pub fn $name_out<'a>(
            a: impl Into<$crate::ufunc::Operand<'a>>,
            out: &mut $crate::Array,
        ) -> $crate::Result<()> {
            fn inner(a: $crate::ufunc::Operand<'_>, out: &mut $crate::Array) -> $crate::Result<()> {
                $crate::ufunc::define::call_unary($Op::$variant, a, Some(out)).map(|_| ())
            }
            inner(a.into(), out)
        }
    )*};
}

/// NumPy's name of a function in the docs the macros write: the Rust name, or the one given
/// where they differ (`mod_` is `np.mod`).
macro_rules! np_name {
    ($name:ident) => {
        stringify!($name)
    };
    ($name:ident, $np:literal) => {
        $np
    };
}

pub(crate) use binary_ufuncs;
pub(crate) use np_name;
pub(crate) use unary_ufuncs;
