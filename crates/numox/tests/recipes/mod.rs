//! Helpers shared by the golden tests that replay view recipes (views.rs, manip.rs,
//! manip2.rs).

use numox::{Array, Casting, DType, Order};

/// Comma-separated numbers (empty items skipped).
pub fn nums<T: std::str::FromStr>(s: &str) -> Vec<T>
where
    T::Err: std::fmt::Debug,
{
    s.split(',')
        .filter(|x| !x.is_empty())
        .map(|x| x.parse().unwrap())
        .collect()
}

/// Applies a view recipe of scripts/golden/views.py: space-separated ops `T` (transpose),
/// `p:axes`, `s:axis:start:stop:step`, `i:axis:index`, `r:shape`, `b:shape`.
pub fn apply(mut a: Array, recipe: &str) -> Array {
    for op in recipe.split_whitespace() {
        let p: Vec<&str> = op.split(':').collect();
        let opt = |s: &str| {
            if s.is_empty() {
                None
            } else {
                Some(s.parse::<isize>().unwrap())
            }
        };
        a = match p[0] {
            "T" => a.t(),
            "p" => a.permute_axes(&nums::<isize>(p[1])).unwrap(),
            "s" => {
                let step = opt(p[4]).unwrap_or(1);
                a.slice_axis(p[1].parse().unwrap(), opt(p[2]), opt(p[3]), step)
                    .unwrap()
            }
            "i" => a
                .index_axis(p[1].parse().unwrap(), p[2].parse().unwrap())
                .unwrap(),
            "r" => a.reshape(&nums::<isize>(p[1])).unwrap(),
            "b" => a.broadcast_to(&nums::<usize>(p[1])).unwrap(),
            other => panic!("unknown op {other}"),
        };
    }
    a
}

/// An input of scripts/golden/manip.py and index.py, `dtype/order/shape/recipe/offset[/nan]`:
/// arange(size) + offset cast to dtype, filled in order, NaN at the listed flat positions (a
/// float or complex dtype), then the view recipe applied.
#[allow(dead_code)] // views.rs builds its inputs itself
pub fn build(spec: &str) -> Array {
    let f: Vec<&str> = spec.split('/').collect();
    let dtype: DType = f[0].parse().unwrap();
    let order = if f[1] == "F" { Order::F } else { Order::C };
    let shape = nums::<usize>(f[2]);
    let off: i64 = f[4].parse().unwrap();
    let n: usize = shape.iter().product();
    let v: Vec<i64> = (0..n as i64).map(|k| k + off).collect();
    let base = match f.get(5) {
        // Integers cast from int64, so negative values wrap as NumPy's astype wraps them.
        None => Array::from_shape_vec_order(&shape, v, order).unwrap(),
        Some(nan) => {
            let mut v: Vec<f64> = v.into_iter().map(|x| x as f64).collect();
            for k in nums::<usize>(nan) {
                v[k] = f64::NAN;
            }
            Array::from_shape_vec_order(&shape, v, order).unwrap()
        }
    };
    apply(base.astype_with(dtype, Casting::Unsafe).unwrap(), f[3])
}

/// Replays a golden file of lines `function|arguments|inputs|results` (inputs for [`build`],
/// separated by ';'; results `shape:dtype:shares:values` separated by ';', or `ERR:message`)
/// through `call`, asserting each result; returns the number of cases and of error cases.
/// `shares` is NumPy's `np.shares_memory` of the result with any input, checked with
/// [`numox::shares_memory`]; `-` (NumPy gave a scalar, where numox gives a 0-d view) skips it.
#[allow(dead_code)] // views.rs has its own format
pub fn replay(
    text: &str,
    call: impl Fn(&str, &str, &[Array]) -> numox::Result<Vec<Array>>,
) -> (usize, usize) {
    let (mut n, mut errors) = (0, 0);
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let f: Vec<&str> = line.splitn(4, '|').collect();
        let xs: Vec<Array> = f[2].split(';').map(build).collect();
        let ctx = format!("case {line}");
        let got = call(f[0], f[1], &xs);
        n += 1;
        if let Some(msg) = f[3].strip_prefix("ERR:") {
            assert_eq!(
                got.err().map(|e| e.to_string()).as_deref(),
                Some(msg),
                "{ctx}"
            );
            errors += 1;
            continue;
        }
        let got = got.unwrap_or_else(|e| panic!("{e}: {ctx}"));
        let want: Vec<&str> = f[3].split(';').collect();
        assert_eq!(got.len(), want.len(), "{ctx}");
        for (r, w) in got.iter().zip(want) {
            let p: Vec<&str> = w.split(':').collect();
            assert_eq!(r.shape(), nums::<usize>(p[0]).as_slice(), "shape, {ctx}");
            assert_eq!(r.dtype().name(), p[1], "dtype, {ctx}");
            if p[2] != "-" {
                let shares = xs.iter().any(|x| numox::shares_memory(r, x));
                assert_eq!(shares, p[2] == "1", "sharing, {ctx}");
            }
            let vals = r
                .astype_with(DType::Int64, Casting::Unsafe)
                .unwrap()
                .to_vec::<i64>()
                .unwrap();
            assert_eq!(vals, nums::<i64>(p[3]), "values, {ctx}");
        }
    }
    (n, errors)
}

/// An array's values as (re, im) pairs (any dtype, through complex128).
#[allow(dead_code)] // used by the tests that compare printed values
pub fn pairs(a: &Array) -> Vec<(f64, f64)> {
    a.astype_with(DType::Complex128, Casting::Unsafe)
        .unwrap()
        .to_vec::<numox::Complex64>()
        .unwrap()
        .into_iter()
        .map(|c| (c.re, c.im))
        .collect()
}

/// Comma-separated numbers, complex ones written `rejim`, as (re, im) pairs.
#[allow(dead_code)] // used by the tests that compare printed values
pub fn parse_pairs(s: &str) -> Vec<(f64, f64)> {
    s.split(',')
        .filter(|x| !x.is_empty())
        .map(|x| match x.split_once('j') {
            Some((re, im)) => (re.parse().unwrap(), im.parse().unwrap()),
            None => (x.parse().unwrap(), 0.0),
        })
        .collect()
}
