//! numpy.linalg decompositions replayed against NumPy (scripts/golden/linalg.py): each case's
//! inputs are stored .npy bases plus a view recipe; results are compared with NumPy's within the
//! case's tolerance (relative to the largest magnitude of the expected result). Factors that are
//! not unique (singular vectors, eigenvectors) are checked by invariants: reconstruction,
//! orthonormality, `A v = v diag(w)`; eigenvalues of general matrices as multisets.

mod recipes;

use numox::io::read_npy;
use numox::linalg::{self, NormOrd, Uplo};
use numox::{Array, Complex64, DType};
use recipes::apply;
use std::path::PathBuf;

fn data() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/linalg")
}

/// Values as complex128, C order.
fn cvals(a: &Array) -> Vec<Complex64> {
    a.astype(DType::Complex128)
        .unwrap()
        .to_vec::<Complex64>()
        .unwrap()
}

fn call(func: &str, args: &str, xs: &[Array]) -> numox::Result<Vec<Array>> {
    let opt = |s: &str| s.parse::<f64>().ok();
    Ok(match func {
        "inv" => vec![linalg::inv(&xs[0])?],
        "det" => vec![linalg::det(&xs[0])?],
        "slogdet" => {
            let (s, l) = linalg::slogdet(&xs[0])?;
            vec![s, l]
        }
        "solve" => vec![linalg::solve(&xs[0], &xs[1])?],
        "cholesky" => vec![linalg::cholesky(&xs[0], args == "1")?],
        "svd" => {
            let (u, s, vh) = linalg::svd(&xs[0], args == "1")?;
            vec![u, s, vh]
        }
        "svdvals" => vec![linalg::svdvals(&xs[0])?],
        "pinv" => vec![linalg::pinv(&xs[0], opt(args), args == "h")?],
        "matrix_rank" => vec![linalg::matrix_rank(&xs[0], opt(args), args == "h")?],
        "lstsq" => {
            let (x, r, rank, s) = linalg::lstsq(&xs[0], &xs[1], opt(args))?;
            vec![x, r, Array::scalar(rank as i64), s]
        }
        "eigh" | "eigvalsh" => {
            let uplo = if args == "U" { Uplo::U } else { Uplo::L };
            if func == "eigh" {
                let (w, v) = linalg::eigh(&xs[0], uplo)?;
                vec![w, v]
            } else {
                vec![linalg::eigvalsh(&xs[0], uplo)?]
            }
        }
        "eig" => {
            let (w, v) = linalg::eig(&xs[0])?;
            vec![w, v]
        }
        "eigvals" => vec![linalg::eigvals(&xs[0])?],
        "qr" => {
            let (q, r) = linalg::qr(&xs[0], args.parse()?)?;
            q.into_iter().chain([r]).collect()
        }
        "norm" => {
            let p: Vec<&str> = args.split('/').collect();
            let axes: Vec<isize> = recipes::nums(p[1]);
            let axis = (!p[1].is_empty()).then_some(axes.as_slice());
            vec![linalg::norm(&xs[0], ord(p[0]), axis, p[2] == "1")?]
        }
        "cond" => vec![linalg::cond(&xs[0], ord(args))?],
        other => panic!("unknown function {other}"),
    })
}

fn ord(s: &str) -> Option<NormOrd> {
    match s {
        "" => None,
        "fro" => Some(NormOrd::Fro),
        "nuc" => Some(NormOrd::Nuc),
        "inf" => Some(NormOrd::Num(f64::INFINITY)),
        "-inf" => Some(NormOrd::Num(f64::NEG_INFINITY)),
        p => Some(NormOrd::Num(p.parse().unwrap())),
    }
}

/// QR invariants: orthonormal `Q`, upper-triangular `R`, `Q R = A`; `|R|` equals NumPy's (the
/// rows of `R` are unique up to unit factors).
fn check_qr(a: &Array, got: &[Array], want: &[Array], tol: f64, ctx: &str) {
    let r = got.last().unwrap();
    let (count, rr, n, rv) = mats(r);
    for b in 0..count {
        for i in 0..rr {
            for j in 0..i.min(n) {
                assert_eq!(rv[b * rr * n + i * n + j].norm(), 0.0, "R upper, {ctx}");
            }
        }
    }
    let abs = |v: Vec<Complex64>| -> Vec<Complex64> {
        v.iter().map(|z| Complex64::new(z.norm(), 0.0)).collect()
    };
    close(
        &abs(rv.clone()),
        &abs(cvals(want.last().unwrap())),
        tol,
        ctx,
    );
    if got.len() == 2 {
        orthonormal_cols(&got[0], tol, ctx);
        let (_, m, qc, qv) = mats(&got[0]);
        let (_, _, _, av) = mats(a);
        for b in 0..count {
            let q = &qv[b * m * qc..(b + 1) * m * qc];
            let rec = mm(q, &rv[b * rr * n..(b + 1) * rr * n], m, qc, n);
            close(&rec, &av[b * m * n..(b + 1) * m * n], tol, ctx);
        }
    }
}

/// Asserts `got` matches `want` elementwise within `tol` times the largest expected magnitude
/// (at least 1); NaN matches NaN, infinities must be equal.
fn close(got: &[Complex64], want: &[Complex64], tol: f64, ctx: &str) {
    assert_eq!(got.len(), want.len(), "length, {ctx}");
    let scale = want
        .iter()
        .filter(|z| z.re.is_finite() && z.im.is_finite())
        .map(|z| z.norm())
        .fold(1.0f64, f64::max);
    for (k, (g, w)) in got.iter().zip(want).enumerate() {
        for (gv, wv) in [(g.re, w.re), (g.im, w.im)] {
            if wv.is_nan() {
                assert!(gv.is_nan(), "element {k}: {g} vs {w}, {ctx}");
            } else if wv.is_infinite() {
                assert_eq!(gv, wv, "element {k}, {ctx}");
            } else {
                assert!(
                    (gv - wv).abs() <= tol * scale,
                    "element {k}: {g} vs {w} (tol {tol}), {ctx}"
                );
            }
        }
    }
}

/// The matrices of a stack: (count, rows, cols, values).
fn mats(a: &Array) -> (usize, usize, usize, Vec<Complex64>) {
    let s = a.shape();
    let (r, c) = (s[s.len() - 2], s[s.len() - 1]);
    let count = s[..s.len() - 2].iter().product();
    (count, r, c, cvals(a))
}

/// `a @ b` of one pair of row-major matrices.
fn mm(a: &[Complex64], b: &[Complex64], n: usize, k: usize, m: usize) -> Vec<Complex64> {
    let mut out = vec![Complex64::new(0.0, 0.0); n * m];
    for i in 0..n {
        for l in 0..k {
            let x = a[i * k + l];
            for j in 0..m {
                out[i * m + j] += x * b[l * m + j];
            }
        }
    }
    out
}

/// The conjugate transpose of a row-major `r x c` matrix.
fn adj(a: &[Complex64], r: usize, c: usize) -> Vec<Complex64> {
    let mut out = vec![Complex64::new(0.0, 0.0); r * c];
    for i in 0..r {
        for j in 0..c {
            out[j * r + i] = a[i * c + j].conj();
        }
    }
    out
}

fn eye(n: usize) -> Vec<Complex64> {
    let mut e = vec![Complex64::new(0.0, 0.0); n * n];
    for i in 0..n {
        e[i * n + i] = Complex64::new(1.0, 0.0);
    }
    e
}

/// Checks the columns of each `r x c` matrix of `q` are orthonormal.
fn orthonormal_cols(q: &Array, tol: f64, ctx: &str) {
    let (count, r, c, v) = mats(q);
    for k in 0..count {
        let m = &v[k * r * c..(k + 1) * r * c];
        close(&mm(&adj(m, r, c), m, c, r, c), &eye(c), tol, ctx);
    }
}

/// SVD invariants: orthonormal U and Vh rows, `U[:, :K] diag(S) Vh[:K]` reconstructs `a`.
fn check_svd(a: &Array, got: &[Array], tol: f64, ctx: &str) {
    let (count, m, n, av) = mats(a);
    let (_, _, uc, uv) = mats(&got[0]);
    let (_, vr, _, vv) = mats(&got[2]);
    let s = cvals(&got[1]);
    let k = m.min(n);
    orthonormal_cols(&got[0], tol, ctx);
    let nd = got[2].ndim() as isize;
    let mut axes: Vec<isize> = (0..nd).collect();
    axes.swap(nd as usize - 2, nd as usize - 1);
    orthonormal_cols(&got[2].permute_axes(&axes).unwrap().copy(), tol, ctx);
    for b in 0..count {
        let sv = &s[b * k..(b + 1) * k];
        for w in sv.windows(2) {
            assert!(w[0].re >= w[1].re, "S descending, {ctx}");
        }
        let u = &uv[b * m * uc..(b + 1) * m * uc];
        let vh = &vv[b * vr * n..(b + 1) * vr * n];
        let mut us = vec![Complex64::new(0.0, 0.0); m * k];
        for i in 0..m {
            for j in 0..k {
                us[i * k + j] = u[i * uc + j] * sv[j];
            }
        }
        let rec = mm(&us, &vh[..k * n], m, k, n);
        close(&rec, &av[b * m * n..(b + 1) * m * n], tol, ctx);
    }
}

/// `A v = v diag(w)` for each matrix (`a` read as Hermitian from `uplo` when given).
fn check_eigvecs(a: &Array, w: &Array, v: &Array, herm: Option<&str>, tol: f64, ctx: &str) {
    let (count, n, _, mut av) = mats(a);
    let wv = cvals(w);
    let (_, _, _, vv) = mats(v);
    for b in 0..count {
        let am = &mut av[b * n * n..(b + 1) * n * n];
        if let Some(uplo) = herm {
            for i in 0..n {
                for j in 0..n {
                    let lower = i >= j;
                    if lower != (uplo == "L") && i != j {
                        am[i * n + j] = am[j * n + i].conj();
                    }
                }
                am[i * n + i] = Complex64::new(am[i * n + i].re, 0.0);
            }
        }
        let vm = &vv[b * n * n..(b + 1) * n * n];
        let lhs = mm(am, vm, n, n, n);
        let mut rhs = vm.to_vec();
        for i in 0..n {
            for j in 0..n {
                rhs[i * n + j] *= wv[b * n + j];
            }
        }
        close(&lhs, &rhs, tol, ctx);
    }
}

/// Eigenvalues of each matrix as multisets: every expected value has a distinct close match.
fn same_eigvals(got: &Array, want: &Array, tol: f64, ctx: &str) {
    let n = *want.shape().last().unwrap_or(&0);
    let (g, w) = (cvals(got), cvals(want));
    let scale = w.iter().map(|z| z.norm()).fold(1.0f64, f64::max);
    for b in 0..(w.len() / n.max(1)) {
        let mut used = vec![false; n];
        for wv in &w[b * n..(b + 1) * n] {
            let best = (0..n)
                .filter(|&j| !used[j])
                .min_by(|&i, &j| {
                    let di = (g[b * n + i] - wv).norm();
                    let dj = (g[b * n + j] - wv).norm();
                    di.total_cmp(&dj)
                })
                .unwrap();
            assert!(
                (g[b * n + best] - wv).norm() <= tol * scale,
                "eigenvalue {wv} not found, {ctx}"
            );
            used[best] = true;
        }
    }
}

#[test]
fn linalg_matches_numpy() {
    let text = std::fs::read_to_string(data().join("cases.txt")).unwrap();
    let (mut n, mut errors) = (0, 0);
    // Every case runs; the failures are listed together at the end.
    let mut failures = Vec::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        n += 1;
        let r = std::panic::catch_unwind(|| check_case(line));
        match r {
            Ok(err) => errors += usize::from(err),
            Err(e) => failures.push(
                e.downcast_ref::<String>()
                    .cloned()
                    .unwrap_or_else(|| line.to_string()),
            ),
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(n > 300 && errors > 40, "{n} cases, {errors} errors");
}

/// Runs one case line; true when it is an error case.
fn check_case(line: &str) -> bool {
    {
        let f: Vec<&str> = line.split('|').collect();
        let (id, func, args, tol) = (f[0], f[1], f[2], f[4].parse::<f64>().unwrap());
        let ctx = format!("case {line}");
        let xs: Vec<Array> = f[3]
            .split(';')
            .map(|spec| {
                let (file, recipe) = spec.split_once(':').unwrap();
                apply(read_npy(data().join(file)).unwrap(), recipe)
            })
            .collect();
        let got = call(func, args, &xs);
        if let Some(msg) = f[5].strip_prefix("ERR:") {
            assert_eq!(
                got.err().map(|e| e.to_string()).as_deref(),
                Some(msg),
                "{ctx}"
            );
            return true;
        }
        let got = got.unwrap_or_else(|e| panic!("{e}: {ctx}"));
        let count: usize = f[5].parse().unwrap();
        assert_eq!(got.len(), count, "{ctx}");
        let want: Vec<Array> = (0..count)
            .map(|k| read_npy(data().join(format!("out_{id}_{k}.npy"))).unwrap())
            .collect();
        for (g, w) in got.iter().zip(&want) {
            assert_eq!(g.shape(), w.shape(), "shape, {ctx}");
            assert_eq!(g.dtype(), w.dtype(), "dtype, {ctx}");
        }
        // Unique results compared by value; the others by invariants.
        match func {
            "svd" => {
                check_svd(&xs[0], &got, tol, &ctx);
                close(&cvals(&got[1]), &cvals(&want[1]), tol, &ctx);
            }
            "eigh" => {
                close(&cvals(&got[0]), &cvals(&want[0]), tol, &ctx);
                orthonormal_cols(&got[1], tol, &ctx);
                check_eigvecs(&xs[0], &got[0], &got[1], Some(args), tol, &ctx);
            }
            "eig" => {
                same_eigvals(&got[0], &want[0], tol, &ctx);
                check_eigvecs(&xs[0], &got[0], &got[1], None, tol, &ctx);
            }
            "eigvals" => same_eigvals(&got[0], &want[0], tol, &ctx),
            "qr" => check_qr(&xs[0], &got, &want, tol, &ctx),
            _ => {
                for (g, w) in got.iter().zip(&want) {
                    close(&cvals(g), &cvals(w), tol, &ctx);
                }
            }
        }
    }
    false
}
