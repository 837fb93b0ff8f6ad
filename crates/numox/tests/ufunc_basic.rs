//! Golden tests of the first ufuncs against NumPy (data: scripts/golden/ufunc_basic.py): every
//! dtype, the full promotion table of add/divide/less, weak scalars on either side, broadcasting,
//! views, integer overflow, special values and the errors.

mod ufunc_golden;

use numox::DType;
use ufunc_golden::{Arg, Call, Harness, Out};

fn call(c: &Call) -> Option<numox::Result<Out>> {
    let a = |k: usize| c.operand(k);
    let r = match c.func.as_str() {
        "add" => numox::add(a(0), a(1)),
        "subtract" => numox::subtract(a(0), a(1)),
        "multiply" => numox::multiply(a(0), a(1)),
        "divide" => numox::divide(a(0), a(1)),
        "maximum" => numox::maximum(a(0), a(1)),
        "minimum" => numox::minimum(a(0), a(1)),
        "equal" => numox::equal(a(0), a(1)),
        "not_equal" => numox::not_equal(a(0), a(1)),
        "less" => numox::less(a(0), a(1)),
        "less_equal" => numox::less_equal(a(0), a(1)),
        "greater" => numox::greater(a(0), a(1)),
        "greater_equal" => numox::greater_equal(a(0), a(1)),
        "negative" => numox::negative(a(0)),
        "absolute" => numox::absolute(a(0)),
        "square" => numox::square(a(0)),
        "sqrt" => numox::sqrt(a(0)),
        "exp" => numox::exp(a(0)),
        "log" => numox::log(a(0)),
        "where" => numox::where_(a(0), a(1), a(2)),
        _ => return None,
    };
    Some(r.map(Out::from))
}

/// exp and log are not correctly rounded, in NumPy (its SIMD loops) or in numox.
fn tolerance(c: &Call, dt: DType) -> u64 {
    match (c.func.as_str(), dt) {
        ("exp" | "log", DType::Float32 | DType::Float64) => 2,
        ("exp" | "log", DType::Float16 | DType::BFloat16) => 1,
        _ => 0,
    }
}

/// ml_dtypes' bfloat16 (NumPy has none) does not take part in NEP 50: a Python float makes
/// it float32 and a Python int beyond C long fails to convert. numox treats bfloat16 like
/// float16 (the array's dtype wins; see the casting goldens).
fn skip(c: &Call) -> Option<&'static str> {
    let bf16 = c
        .args
        .iter()
        .any(|a| a.as_array().is_some_and(|a| a.dtype() == DType::BFloat16));
    let py_float = c
        .args
        .iter()
        .any(|a| matches!(a, Arg::Float(_) | Arg::Int(_)));
    (bf16 && py_float && (c.name.contains("_f") || c.name.contains("ibig")))
        .then_some("ml_dtypes' bfloat16 ignores NEP 50 weak scalars")
}

#[test]
fn golden_basic_ufuncs() {
    let n = Harness::new("ufunc_basic")
        .tolerance(tolerance)
        .skip(skip)
        .run(call);
    assert!(n > 1000);
}
