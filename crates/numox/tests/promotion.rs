//! Promotion and casting rules checked cell by cell against NumPy 2.4 (and ml_dtypes for
//! bfloat16): `np.promote_types`, `np.can_cast` under all five rules, and `np.result_type` with
//! weak Python scalars. Tables come from `scripts/golden/casting.py`; the `expect` column differs
//! from NumPy's answer only in the documented bfloat16 cases.

use numox::promote::{
    can_cast, check_weak_int, promote_all, promote_types, promote_with_scalar, result_type,
    Casting, ScalarKind,
};
use numox::{DType, Error, Scalar};

fn data(name: &str) -> String {
    let path = format!("{}/tests/data/casting/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn records(name: &str) -> Vec<Vec<String>> {
    data(name)
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split_whitespace().map(str::to_string).collect())
        .collect()
}

fn dt(s: &str) -> DType {
    s.parse().unwrap_or_else(|_| panic!("bad dtype {s}"))
}

fn report(what: &str, checked: usize, bad: Vec<String>) {
    assert!(checked > 0, "{what}: no records");
    assert!(
        bad.is_empty(),
        "{what}: {} of {checked} cells differ from NumPy:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn promote_types_table() {
    let recs = records("promote_types.txt");
    assert_eq!(recs.len(), 225);
    let mut bad = vec![];
    for r in &recs {
        let (a, b, expect) = (dt(&r[0]), dt(&r[1]), dt(&r[3]));
        match promote_types(a, b) {
            Ok(got) if got == expect => {}
            other => bad.push(format!(
                "promote_types({a}, {b}): numox {other:?}, expected {expect} (numpy: {})",
                r[2]
            )),
        }
    }
    report("promote_types", recs.len(), bad);
}

#[test]
fn can_cast_tables_for_all_rules() {
    let recs = records("can_cast.txt");
    assert_eq!(recs.len(), 225);
    let mut bad = vec![];
    for r in &recs {
        let (a, b) = (dt(&r[0]), dt(&r[1]));
        let (numpy, expect) = (r[2].as_bytes(), r[3].as_bytes());
        for (k, casting) in Casting::ALL.into_iter().enumerate() {
            let got = can_cast(a, b, casting);
            if got != (expect[k] == b'1') {
                bad.push(format!(
                    "can_cast({a}, {b}, '{casting}'): numox {got}, expected {} (numpy: {})",
                    expect[k] == b'1',
                    numpy[k] == b'1'
                ));
            }
        }
    }
    report("can_cast", recs.len() * 5, bad);
}

fn kind(s: &str) -> ScalarKind {
    match s {
        "bool" => ScalarKind::Bool,
        "int" => ScalarKind::Int,
        "float" => ScalarKind::Float,
        "complex" => ScalarKind::Complex,
        _ => panic!("bad scalar kind {s}"),
    }
}

fn list<T>(s: &str, f: impl Fn(&str) -> T) -> Vec<T> {
    if s == "-" {
        vec![]
    } else {
        s.split(',').map(f).collect()
    }
}

#[test]
fn result_type_with_weak_scalars() {
    let recs = records("result_type.txt");
    let mut bad = vec![];
    for r in &recs {
        let arrays = list(&r[0], dt);
        let scalars = list(&r[1], kind);
        let expect = dt(&r[3]);
        match result_type(&arrays, &scalars) {
            Ok(got) if got == expect => {}
            other => bad.push(format!(
                "result_type({arrays:?}, {scalars:?}): numox {other:?}, expected {expect} (numpy: {})",
                r[2]
            )),
        }
    }
    report("result_type", recs.len(), bad);
}

#[test]
fn nep50_examples() {
    use DType::*;
    use ScalarKind as K;
    let rt = |a: &[DType], s: &[ScalarKind]| result_type(a, s).unwrap();
    assert_eq!(rt(&[Int8], &[K::Int]), Int8);
    assert_eq!(rt(&[UInt8], &[K::Int]), UInt8);
    assert_eq!(rt(&[Float32], &[K::Float]), Float32);
    assert_eq!(rt(&[Int64], &[K::Float]), Float64);
    assert_eq!(rt(&[Float32], &[K::Complex]), Complex64);
    assert_eq!(rt(&[Float64], &[K::Complex]), Complex128);
    assert_eq!(rt(&[Bool], &[K::Int]), Int64);
    assert_eq!(rt(&[Bool], &[K::Bool]), Bool);
    assert_eq!(rt(&[Float16], &[K::Int, K::Float]), Float16);
    assert_eq!(rt(&[], &[K::Bool, K::Int]), Int64);
    assert_eq!(rt(&[], &[K::Complex]), Complex128);
    assert_eq!(promote_with_scalar(BFloat16, K::Float), BFloat16);
    assert_eq!(promote_with_scalar(BFloat16, K::Complex), Complex64);
    assert_eq!(
        promote_all(&[Int8, UInt16, Float16]).unwrap(),
        Float32,
        "n-ary promotion is not a pairwise fold"
    );
    assert_eq!(
        promote_types(promote_types(Int8, UInt16).unwrap(), Float16).unwrap(),
        Float64
    );
    // Scalar kinds follow the value's kind, not its width.
    assert_eq!(ScalarKind::of(&Scalar::from(1u64)), K::Int);
    assert_eq!(ScalarKind::of(&Scalar::from(numox::f16::ONE)), K::Float);
}

#[test]
fn weak_int_overflow_check() {
    let msg = |v: Scalar, d: DType| check_weak_int(&v, d).unwrap_err().to_string();
    assert_eq!(
        msg(Scalar::from(300i64), DType::Int8),
        "Python integer 300 out of bounds for int8"
    );
    assert_eq!(
        msg(Scalar::from(-1i64), DType::UInt64),
        "Python integer -1 out of bounds for uint64"
    );
    assert_eq!(
        msg(Scalar::from(1u64 << 63), DType::Int64),
        "Python int too large to convert to C long"
    );
    assert_eq!(
        msg(Scalar::from(u64::MAX), DType::Int8),
        "Python int too large to convert to C long"
    );
    assert!(matches!(
        check_weak_int(&Scalar::from(256u16), DType::UInt8),
        Err(Error::Overflow(_))
    ));
    for d in DType::ALL {
        // In range, or not an integer target, or not an integer scalar: no error.
        assert!(check_weak_int(&Scalar::from(0i8), d).is_ok());
        assert!(check_weak_int(&Scalar::from(true), d).is_ok());
        assert!(check_weak_int(&Scalar::from(1e300), d).is_ok());
    }
    assert!(check_weak_int(&Scalar::from(u64::MAX), DType::UInt64).is_ok());
    assert!(check_weak_int(&Scalar::from(i64::MIN), DType::Int64).is_ok());
    assert!(check_weak_int(&Scalar::from(300i64), DType::Float16).is_ok());
}

#[test]
fn casting_names_parse() {
    for c in Casting::ALL {
        assert_eq!(c.name().parse::<Casting>().unwrap(), c);
    }
    assert!("sometimes".parse::<Casting>().is_err());
}
