//! Products replayed against NumPy (scripts/golden/products.py): matmul, dot, vdot, inner,
//! outer, tensordot, kron, trace, diagonal, cross, einsum and linalg.matrix_power for every dtype,
//! rank combination, layout and error; plus the paths the goldens are too small to reach
//! (products on both cores, stacks split across threads), checked against exact integer
//! products.

mod recipes;

use numox::linalg::matrix_power;
use numox::{Array, Casting, CrossAxes, DType, Result};
use recipes::{build, nums, pairs, parse_pairs};

const GOLDEN: &str = include_str!("data/products/products.txt");

fn call(f: &str, args: &str, xs: &[Array]) -> Result<Array> {
    let ints = nums::<isize>;
    match f {
        "matmul" => numox::matmul(&xs[0], &xs[1]),
        "dot" => numox::dot(&xs[0], &xs[1]),
        "vdot" => numox::vdot(&xs[0], &xs[1]),
        "inner" => numox::inner(&xs[0], &xs[1]),
        "outer" => numox::outer(&xs[0], &xs[1]),
        "kron" => numox::kron(&xs[0], &xs[1]),
        "tensordot" => match args.split_once('/') {
            Some((pa, pb)) => {
                numox::tensordot(&xs[0], &xs[1], (ints(pa).as_slice(), ints(pb).as_slice()))
            }
            None => numox::tensordot(&xs[0], &xs[1], args.parse::<usize>().unwrap()),
        },
        "trace" | "diagonal" => {
            let a = ints(args);
            let r = if f == "trace" {
                numox::trace(&xs[0], a[0], a[1], a[2])
            } else {
                numox::diagonal(&xs[0], a[0], a[1], a[2])
            };
            if let Ok(v) = &r
                && f == "diagonal"
                && v.size() > 0
            {
                assert!(v.shares_buffer(&xs[0]), "diagonal is a view");
            }
            r
        }
        "cross" => {
            let a = ints(args);
            let axes = CrossAxes {
                axisa: a[0],
                axisb: a[1],
                axisc: a[2],
            };
            numox::cross(&xs[0], &xs[1], axes)
        }
        "matrix_power" => matrix_power(&xs[0], args.parse().unwrap()),
        "einsum" => numox::einsum(args, &xs.iter().collect::<Vec<_>>()),
        other => panic!("unknown function {other}"),
    }
}

/// The relative tolerance of a float dtype's sums (relative to the case's scale).
fn rtol(dt: &str) -> f64 {
    match dt {
        "float16" => 4e-3,
        "bfloat16" => 3e-2,
        "float32" | "complex64" => 1e-5,
        _ => 1e-12,
    }
}

fn close(got: f64, want: f64, tol: f64) -> bool {
    (got.is_nan() && want.is_nan()) || got == want || (got - want).abs() <= tol
}

/// Compares one result with `shape:dtype:scale:values`.
fn check(r: &Array, want: &str, ctx: &str) {
    let p: Vec<&str> = want.splitn(4, ':').collect();
    assert_eq!(r.shape(), nums::<usize>(p[0]).as_slice(), "shape, {ctx}");
    assert_eq!(r.dtype().name(), p[1], "dtype, {ctx}");
    let dt = r.dtype();
    if dt.is_integer() || dt == DType::Bool {
        let got: Vec<String> = if dt == DType::UInt64 {
            r.to_vec::<u64>()
                .unwrap()
                .iter()
                .map(u64::to_string)
                .collect()
        } else {
            let v = r.astype_with(DType::Int64, Casting::Unsafe).unwrap();
            v.to_vec::<i64>()
                .unwrap()
                .iter()
                .map(i64::to_string)
                .collect()
        };
        let want: Vec<&str> = p[3].split(',').filter(|x| !x.is_empty()).collect();
        assert_eq!(got, want, "values, {ctx}");
        return;
    }
    let tol = rtol(p[1]) * p[2].parse::<f64>().unwrap();
    let (got, want) = (pairs(r), parse_pairs(p[3]));
    assert_eq!(got.len(), want.len(), "size, {ctx}");
    for (g, w) in got.iter().zip(&want) {
        assert!(
            close(g.0, w.0, tol) && close(g.1, w.1, tol),
            "got {g:?}, want {w:?} (tolerance {tol}), {ctx}"
        );
    }
}

#[test]
fn products_match_numpy() {
    let (mut n, mut errors) = (0, 0);
    let mut per_fn = std::collections::BTreeMap::<&str, usize>::new();
    let mut failures = Vec::new();
    for line in GOLDEN.lines().filter(|l| !l.starts_with('#')) {
        let f: Vec<&str> = line.splitn(4, '|').collect();
        let xs: Vec<Array> = f[2].split(';').map(build).collect();
        let ctx = format!("case {line}");
        n += 1;
        *per_fn.entry(f[0]).or_default() += 1;
        if f[3].starts_with("ERR:") {
            errors += 1;
        }
        // Every case runs; the failures are reported together.
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let got = call(f[0], f[1], &xs);
            if let Some(msg) = f[3].strip_prefix("ERR:") {
                let msg = msg.replace("\\n", "\n");
                assert_eq!(got.err().map(|e| e.to_string()), Some(msg), "{ctx}");
                return;
            }
            let got = got.unwrap_or_else(|e| panic!("{e}: {ctx}"));
            check(&got, f[3], &ctx);
        }));
        if outcome.is_err() {
            failures.push(line);
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(n > 400, "{n} cases");
    assert!(errors > 20, "{errors} error cases");
    assert_eq!(per_fn.len(), 12, "{per_fn:?}");
}

/// Integer-valued float matrix (small values, so every product and sum is exact).
fn small_ints(shape: &[usize], seed: i64, dt: DType) -> Array {
    let n: usize = shape.iter().product();
    let v: Vec<i64> = (0..n as i64).map(|i| (i * 7 + seed) % 11 - 5).collect();
    Array::from_shape_vec(shape, v).unwrap().astype(dt).unwrap()
}

#[test]
fn big_products_on_both_cores_are_exact() {
    // Big enough for faer's parallel path; integer values keep float sums exact, so the float
    // kernels must equal the integer kernel bit for bit.
    for (sa, sb) in [
        (vec![300, 200], vec![200, 250]),
        (vec![600, 500], vec![500]),
        (vec![500], vec![500, 400]),
        (vec![3, 100, 120], vec![120, 90]),
    ] {
        let exact = numox::matmul(
            &small_ints(&sa, 1, DType::Int64),
            &small_ints(&sb, 2, DType::Int64),
        )
        .unwrap();
        let want = exact.astype(DType::Float64).unwrap();
        for dt in [DType::Float64, DType::Float32, DType::Complex128] {
            let a = small_ints(&sa, 1, dt);
            let b = small_ints(&sb, 2, dt);
            let r = numox::matmul(&a, &b).unwrap();
            assert_eq!(r.dtype(), dt);
            let r = r.astype_with(DType::Float64, Casting::Unsafe).unwrap();
            assert_eq!(
                r.to_vec::<f64>().unwrap(),
                want.to_vec::<f64>().unwrap(),
                "{sa:?} @ {sb:?} {dt}"
            );
        }
        // F-order and reversed inputs take other strides through faer.
        let a = small_ints(&sa, 1, DType::Float64).copy_order(numox::Order::F);
        let r = numox::matmul(&a, &small_ints(&sb, 2, DType::Float64)).unwrap();
        assert_eq!(r.to_vec::<f64>().unwrap(), want.to_vec::<f64>().unwrap());
    }
}

#[test]
fn stacks_split_across_threads_equal_single_products() {
    // 40 products of 32x32: split by matrices across the cores.
    for dt in [DType::Float32, DType::Float64, DType::Int32] {
        let a = small_ints(&[40, 32, 32], 3, dt);
        let b = small_ints(&[40, 32, 32], 4, dt);
        let r = numox::matmul(&a, &b).unwrap();
        assert_eq!(r.shape(), &[40, 32, 32]);
        for i in [0isize, 17, 39] {
            let one =
                numox::matmul(&a.index_axis(0, i).unwrap(), &b.index_axis(0, i).unwrap()).unwrap();
            let got = r.index_axis(0, i).unwrap().astype(DType::Float64).unwrap();
            let want = one.astype(DType::Float64).unwrap();
            assert_eq!(
                got.to_vec::<f64>().unwrap(),
                want.to_vec::<f64>().unwrap(),
                "{dt} {i}"
            );
        }
    }
    // A broadcast stack: one matrix of b against every matrix of a reversed a.
    let a = small_ints(&[40, 32, 32], 5, DType::Float64)
        .slice_axis(0, None, None, -1)
        .unwrap();
    let b = small_ints(&[1, 32, 32], 6, DType::Float64);
    let r = numox::matmul(&a, &b).unwrap();
    let one = numox::matmul(&a.index_axis(0, 3).unwrap(), &b.index_axis(0, 0).unwrap()).unwrap();
    assert_eq!(
        r.index_axis(0, 3).unwrap().to_vec::<f64>().unwrap(),
        one.to_vec::<f64>().unwrap()
    );
}

#[test]
fn gram_products_equal_general_products() {
    // `x @ x.T` computes half and mirrors it; the integer kernel gives the exact answer.
    for dt in [DType::Float64, DType::Float32, DType::Complex64] {
        let x = small_ints(&[130, 70], 9, dt);
        let r = numox::matmul(&x, &x.t()).unwrap();
        let xi = small_ints(&[130, 70], 9, DType::Int64);
        let want = numox::matmul(&xi, &xi.t())
            .unwrap()
            .astype(DType::Float64)
            .unwrap();
        let got = r.astype_with(DType::Float64, Casting::Unsafe).unwrap();
        assert_eq!(
            got.to_vec::<f64>().unwrap(),
            want.to_vec::<f64>().unwrap(),
            "{dt}"
        );
    }
}

#[test]
fn negative_matrix_power_inverts_first() {
    let a = numox::array![[2i64, 1], [1, 1]];
    // inv(a) = [[1, -1], [-1, 2]] (float64, as NumPy's inv of an integer matrix).
    let r = matrix_power(&a, -2).unwrap();
    assert_eq!(r.dtype(), DType::Float64);
    let want = [2.0, -3.0, -3.0, 5.0];
    for (g, w) in r.to_vec::<f64>().unwrap().iter().zip(want) {
        assert!((g - w).abs() < 1e-12, "{g} vs {w}");
    }
    let s = numox::array![[1.0, 2.0], [2.0, 4.0]];
    assert_eq!(
        matrix_power(&s, -1).unwrap_err().to_string(),
        "Singular matrix"
    );
}

#[test]
fn method_forms_match_functions() {
    let a = small_ints(&[3, 4], 1, DType::Float64);
    let b = small_ints(&[4, 2], 2, DType::Float64);
    let want = numox::matmul(&a, &b).unwrap().to_vec::<f64>().unwrap();
    assert_eq!(a.matmul(&b).unwrap().to_vec::<f64>().unwrap(), want);
    assert_eq!(a.dot(&b).unwrap().to_vec::<f64>().unwrap(), want);
}
