//! Golden tests of the bitwise, logical, classification and complex-part functions against
//! NumPy (data: scripts/golden/ufunc_bits.py): every dtype, the promotion tables of bitwise_and,
//! left_shift and logical_and, weak scalars on either side, shift counts past the bit width,
//! broadcasting, views, 0-d and empty arrays, keyword arguments and the errors.

mod ufunc_golden;

use numox::{Array, CloseOpts, DType, NanToNumOpts};
use ufunc_golden::{Arg, Call, Harness, Out};

fn close_opts(c: &Call) -> CloseOpts {
    let mut o = CloseOpts::new();
    if let Some(v) = c.kw_f64("rtol") {
        o = o.rtol(v);
    }
    if let Some(v) = c.kw_f64("atol") {
        o = o.atol(v);
    }
    if let Some(v) = c.kw_bool("equal_nan") {
        o = o.equal_nan(v);
    }
    o
}

fn nan_opts(c: &Call) -> NanToNumOpts {
    let mut o = NanToNumOpts::new();
    if let Some(v) = c.kw_f64("nan") {
        o = o.nan(v);
    }
    if let Some(v) = c.kw_f64("posinf") {
        o = o.posinf(v);
    }
    if let Some(v) = c.kw_f64("neginf") {
        o = o.neginf(v);
    }
    o
}

/// `a <op> b` with the Rust operators, for an array and an array or a scalar on either side.
fn operator(c: &Call, f: impl Fn(&Array, &Array) -> numox::Result<Array>) -> numox::Result<Array> {
    let op = &c.func["op_".len()..];
    let apply_scalar = |a: &Array, s: &Arg, lhs: bool| -> numox::Result<Array> {
        match (op, s, lhs) {
            ("and", Arg::Int(v), false) => a & (*v as i64),
            ("or", Arg::Int(v), false) => a | (*v as i64),
            ("xor", Arg::Int(v), false) => a ^ (*v as i64),
            ("lshift", Arg::Int(v), false) => a << (*v as i64),
            ("rshift", Arg::Int(v), false) => a >> (*v as i64),
            ("and", Arg::Float(v), false) => a & *v,
            ("or", Arg::Float(v), false) => a | *v,
            ("xor", Arg::Float(v), false) => a ^ *v,
            ("lshift", Arg::Float(v), false) => a << *v,
            ("rshift", Arg::Float(v), false) => a >> *v,
            ("and", Arg::Int(v), true) => (*v as i64) & a,
            ("or", Arg::Int(v), true) => (*v as i64) | a,
            ("xor", Arg::Int(v), true) => (*v as i64) ^ a,
            ("lshift", Arg::Int(v), true) => (*v as i64) << a,
            ("rshift", Arg::Int(v), true) => (*v as i64) >> a,
            _ => panic!("operator case {}", c.name),
        }
    };
    match (&c.args[0], c.args.get(1)) {
        (Arg::Array(a), None) => !a,
        (Arg::Array(a), Some(Arg::Array(b))) => f(a, b),
        (Arg::Array(a), Some(s)) => apply_scalar(a, s, false),
        (s, Some(Arg::Array(b))) => apply_scalar(b, s, true),
        _ => panic!("operator case {}", c.name),
    }
}

fn call(c: &Call) -> Option<numox::Result<Out>> {
    let a = |k: usize| c.operand(k);
    let r = match c.func.as_str() {
        "bitwise_and" => numox::bitwise_and(a(0), a(1)),
        "bitwise_or" => numox::bitwise_or(a(0), a(1)),
        "bitwise_xor" => numox::bitwise_xor(a(0), a(1)),
        "left_shift" => numox::left_shift(a(0), a(1)),
        "right_shift" => numox::right_shift(a(0), a(1)),
        "invert" => numox::invert(a(0)),
        "bitwise_not" => numox::bitwise_not(a(0)),
        "logical_and" => numox::logical_and(a(0), a(1)),
        "logical_or" => numox::logical_or(a(0), a(1)),
        "logical_xor" => numox::logical_xor(a(0), a(1)),
        "logical_not" => numox::logical_not(a(0)),
        "isnan" => numox::isnan(a(0)),
        "isinf" => numox::isinf(a(0)),
        "isfinite" => numox::isfinite(a(0)),
        "isposinf" => numox::isposinf(a(0)),
        "isneginf" => numox::isneginf(a(0)),
        "signbit" => numox::signbit(a(0)),
        "nan_to_num" => numox::nan_to_num_with(a(0), nan_opts(c)),
        "isclose" => numox::isclose_with(a(0), a(1), close_opts(c)),
        "allclose" => return Some(numox::allclose_with(a(0), a(1), close_opts(c)).map(Out::from)),
        "array_equal" => {
            let nan = c.kw_bool("equal_nan").unwrap_or(false);
            return Some(numox::array_equal(a(0), a(1), nan).map(Out::from));
        }
        "array_equiv" => return Some(numox::array_equiv(a(0), a(1)).map(Out::from)),
        "real" => numox::real(a(0)),
        "imag" => numox::imag(a(0)),
        "conjugate" => numox::conjugate(a(0)),
        "conj" => numox::conj(a(0)),
        "angle" => numox::angle(a(0), c.kw_bool("deg").unwrap_or(false)),
        "absolute" => numox::absolute(a(0)),
        "op_and" => operator(c, |x, y| x & y),
        "op_or" => operator(c, |x, y| x | y),
        "op_xor" => operator(c, |x, y| x ^ y),
        "op_lshift" => operator(c, |x, y| x << y),
        "op_rshift" => operator(c, |x, y| x >> y),
        "op_invert" => operator(c, |x, _| !x),
        _ => return None,
    };
    Some(r.map(Out::from))
}

/// `angle` calls atan2, which NumPy computes with its own SIMD code (on CPUs with AVX-512) and
/// numox with the C library; `deg=True` adds one rounded multiplication.
fn tolerance(c: &Call, dt: DType) -> u64 {
    let deg = u64::from(c.kw_bool("deg").unwrap_or(false));
    match (c.func.as_str(), dt) {
        ("angle", DType::Float64) => 1 + deg,
        ("angle", DType::Float32) => 2 + deg,
        ("angle", DType::Float16 | DType::BFloat16) => 1,
        _ => 0,
    }
}

#[test]
fn golden_bits_logic_classes_parts() {
    let n = Harness::new("ufunc_bits").tolerance(tolerance).run(call);
    assert!(n > 1000);
}
