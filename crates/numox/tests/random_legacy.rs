//! NumPy's legacy random API replayed (scripts/golden/random_legacy.py): sessions of interleaved
//! calls on one RandomState; every result must equal NumPy's bit for bit (dtype and shape
//! included), every state (key, position, cached Gaussian) too, and errors carry NumPy's words.

use numox::io::{read_npy, write_npy_to};
use numox::random::{LegacyState, RandomState};
use numox::{Array, DType, Result};
use std::path::PathBuf;

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/random_legacy")
        .join(name)
}

/// The npy bytes of an array: dtype, shape and data in one comparable value.
fn npy_bytes(a: &Array) -> Vec<u8> {
    let mut v = Vec::new();
    write_npy_to(&mut v, a).unwrap();
    v
}

fn shape(s: &str) -> Vec<usize> {
    shape_i(s).into_iter().map(|x| x as usize).collect()
}

fn shape_i(s: &str) -> Vec<i64> {
    let s = s.strip_prefix("s=").unwrap();
    s.split(',')
        .filter(|x| !x.is_empty())
        .map(|x| x.parse().unwrap())
        .collect()
}

fn floats(s: &str) -> Option<Vec<f64>> {
    (s != "None").then(|| s.split(',').map(|x| x.parse().unwrap()).collect())
}

fn f(s: &str) -> f64 {
    s.parse().unwrap()
}

fn arange(n: usize, dtype: DType, shape: &[usize]) -> Array {
    Array::from_shape_vec(shape, (0..n as i64).collect::<Vec<i64>>())
        .unwrap()
        .astype(dtype)
        .unwrap()
}

fn shuffled(rs: &mut RandomState, mut a: Array) -> Result<Array> {
    rs.shuffle(&mut a)?;
    Ok(a)
}

/// Runs one call line (`OP ARG..`) on `rs`.
fn run(rs: &mut RandomState, call: &str) -> Result<Array> {
    let w: Vec<&str> = call.split(' ').collect();
    let last = *w.last().unwrap();
    match w[0] {
        "rand" => rs.rand(shape(w[1]).as_slice()),
        "randn" => rs.randn(shape(w[1]).as_slice()),
        "random_sample" => rs.random_sample(shape(w[1]).as_slice()),
        "standard_normal" => rs.standard_normal(shape(w[1]).as_slice()),
        "normal" => rs.normal(f(w[1]), f(w[2]), shape(w[3]).as_slice()),
        "uniform" => rs.uniform(f(w[1]), f(w[2]), shape(w[3]).as_slice()),
        "exponential" => rs.exponential(f(w[1]), shape(w[2]).as_slice()),
        "randint" => {
            let high = (w[2] != "None").then(|| w[2].parse::<i128>().unwrap());
            let dtype: DType = w[3].parse().unwrap();
            rs.randint_dtype(w[1].parse().unwrap(), high, shape_i(w[4]).as_slice(), dtype)
        }
        "binomial" => rs.binomial(w[1].parse().unwrap(), f(w[2]), shape(w[3]).as_slice()),
        "poisson" => rs.poisson(f(w[1]), shape(w[2]).as_slice()),
        "choice" => {
            let p = floats(w[4]);
            let sh = shape(w[2]);
            rs.choice(
                w[1].parse().unwrap(),
                sh.as_slice(),
                w[3] == "True",
                p.as_deref(),
            )
        }
        "choice_arr" => {
            let vals: Vec<i64> = w[1].split(',').map(|x| x.parse().unwrap()).collect();
            let p = floats(w[4]);
            let sh = shape(w[2]);
            rs.choice_array(
                &Array::from_vec(vals),
                sh.as_slice(),
                w[3] == "True",
                p.as_deref(),
            )
        }
        "choice_float" => {
            rs.choice_array(&Array::scalar(f(w[1])), shape(w[2]).as_slice(), true, None)
        }
        "choice_2d" => {
            let a = Array::zeros(&[2, 2], DType::Float64).unwrap();
            rs.choice_array(&a, shape(w[1]).as_slice(), true, None)
        }
        "shuffle" | "shuffle_f4" | "shuffle_u1" => {
            let sh = shape(last);
            let n = sh.iter().product();
            let dtype = match w[0] {
                "shuffle_f4" => DType::Float32,
                "shuffle_u1" => DType::UInt8,
                _ => DType::Int64,
            };
            shuffled(rs, arange(n, dtype, &sh))
        }
        "permutation" => rs.permutation(w[1].parse().unwrap()),
        "permutation_arr" => {
            let sh = shape(w[1]);
            rs.permutation_array(&arange(sh.iter().product(), DType::Int64, &sh))
        }
        op => panic!("unknown op {op}"),
    }
}

fn check_state(st: &LegacyState, rest: &str, line: &str) {
    let w: Vec<&str> = rest.split(' ').collect();
    let key = read_npy(data(&format!("{}.npy", w[0]))).unwrap();
    assert_eq!(st.key, key.to_vec::<u32>().unwrap(), "{line}: key");
    assert_eq!(st.pos, w[1].parse::<usize>().unwrap(), "{line}: pos");
    assert_eq!(st.has_gauss, w[2] == "1", "{line}: has_gauss");
    assert_eq!(
        st.cached_gaussian.to_bits(),
        f(w[3]).to_bits(),
        "{line}: gauss"
    );
}

#[test]
fn legacy_streams_match_numpy() {
    let calls = std::fs::read_to_string(data("calls.txt")).unwrap();
    let mut rs: Option<RandomState> = None;
    let mut saved: Option<LegacyState> = None;
    let (mut results, mut errors, mut states) = (0, 0, 0);
    for line in calls.lines() {
        if let Some(rest) = line
            .strip_prefix("new ")
            .or(line.strip_prefix("new_array "))
        {
            let (seed, err) = match rest.split_once(" !! ") {
                Some((s, e)) => (s, Some(e)),
                None => (rest, None),
            };
            let made = if line.starts_with("new_array") {
                let v: Vec<i64> = seed.split(',').map(|x| x.parse().unwrap()).collect();
                RandomState::from_array(&v)
            } else {
                RandomState::new(seed.parse().unwrap())
            };
            match err {
                Some(e) => {
                    assert_eq!(made.unwrap_err().to_string(), e, "{line}");
                    errors += 1;
                }
                None => rs = Some(made.unwrap()),
            }
            continue;
        }
        let r = rs.as_mut().unwrap();
        match line {
            "save" => saved = Some(r.get_state()),
            "restore" => r.set_state(saved.as_ref().unwrap()).unwrap(),
            _ => {
                if let Some(rest) = line.strip_prefix("state -> ") {
                    check_state(&r.get_state(), rest, line);
                    states += 1;
                } else if let Some((call, msg)) = line.split_once(" !! ") {
                    let err = run(r, call).expect_err(line);
                    assert_eq!(err.to_string(), msg, "{line}");
                    errors += 1;
                } else {
                    let (call, file) = line.split_once(" -> ").unwrap();
                    let got = run(r, call).unwrap_or_else(|e| panic!("{line}: {e}"));
                    let want = read_npy(data(&format!("{file}.npy"))).unwrap();
                    assert_eq!(got.dtype(), want.dtype(), "{line}: dtype");
                    assert_eq!(got.shape(), want.shape(), "{line}: shape");
                    assert!(npy_bytes(&got) == npy_bytes(&want), "{line}: values differ");
                    results += 1;
                }
            }
        }
    }
    assert!(
        results > 200 && errors > 20 && states > 20,
        "{results} {errors} {states}"
    );
}

#[test]
fn global_functions_follow_numpy_seed() {
    // The only test touching the global state in this binary.
    numox::random::seed(0).unwrap();
    let a = numox::random::rand([3]).unwrap();
    let b = numox::random::randn([3]).unwrap();
    let mut rs = RandomState::new(0).unwrap();
    assert_eq!(npy_bytes(&a), npy_bytes(&rs.rand([3]).unwrap()));
    assert_eq!(npy_bytes(&b), npy_bytes(&rs.randn([3]).unwrap()));
    assert_eq!(numox::random::get_state().unwrap(), rs.get_state());
    let st = rs.get_state();
    numox::random::set_state(&st).unwrap();
    let x = numox::random::randint(0, Some(10), 5, DType::Int64).unwrap();
    assert_eq!(
        npy_bytes(&x),
        npy_bytes(&rs.randint(0, Some(10), 5).unwrap())
    );
    assert_eq!(
        numox::random::seed(-1).unwrap_err().to_string(),
        "Seed must be between 0 and 2**32 - 1"
    );
}
