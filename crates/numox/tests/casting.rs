//! Casting checked against NumPy 2.4 (ml_dtypes for bfloat16): `astype` for every (src, dst)
//! pair over tricky values, bit for bit, and how a Python scalar is stored into each dtype
//! (`a[0] = x`), from `scripts/golden/casting.py`. Where NumPy's float → int result is
//! undefined (NaN, ±inf, out of range) numox must error. Then layouts: F order, negative
//! strides, non-contiguous, broadcast, empty and 0-d inputs, and the parallel path.

use numox::cast::{cast_slice, CastElement};
use numox::promote::Casting;
use numox::{array, bf16, f16, Array, Complex32, Complex64, DType, Error, Scalar};

/// Element types built from and shown as their little-endian bytes.
trait Bits: CastElement {
    fn from_le(b: &[u8]) -> Self;
    fn to_le(self) -> Vec<u8>;
    fn nan(self) -> bool;
    /// Sign bit of the (real part of the) value, for NaN comparisons.
    fn neg(self) -> bool;
}

macro_rules! bits_prim {
    ($($t:ty, $n:expr, $nan:expr, $neg:expr;)*) => {$(
        impl Bits for $t {
            fn from_le(b: &[u8]) -> Self {
                <$t>::from_le_bytes(b[..$n].try_into().unwrap())
            }
            fn to_le(self) -> Vec<u8> {
                self.to_le_bytes().to_vec()
            }
            fn nan(self) -> bool {
                let f: fn($t) -> bool = $nan;
                f(self)
            }
            fn neg(self) -> bool {
                let f: fn($t) -> bool = $neg;
                f(self)
            }
        }
    )*};
}

bits_prim! {
    i8, 1, |_| false, |v| v < 0;
    i16, 2, |_| false, |v| v < 0;
    i32, 4, |_| false, |v| v < 0;
    i64, 8, |_| false, |v| v < 0;
    u8, 1, |_| false, |_| false;
    u16, 2, |_| false, |_| false;
    u32, 4, |_| false, |_| false;
    u64, 8, |_| false, |_| false;
    f16, 2, |v| v.is_nan(), |v| v.is_sign_negative();
    bf16, 2, |v| v.is_nan(), |v| v.is_sign_negative();
    f32, 4, |v| v.is_nan(), |v| v.is_sign_negative();
    f64, 8, |v| v.is_nan(), |v| v.is_sign_negative();
}

impl Bits for bool {
    fn from_le(b: &[u8]) -> Self {
        b[0] != 0
    }
    fn to_le(self) -> Vec<u8> {
        vec![self as u8]
    }
    fn nan(self) -> bool {
        false
    }
    fn neg(self) -> bool {
        false
    }
}

macro_rules! bits_complex {
    ($($t:ty, $f:ty, $n:expr;)*) => {$(
        impl Bits for $t {
            fn from_le(b: &[u8]) -> Self {
                <$t>::new(<$f>::from_le(&b[..$n]), <$f>::from_le(&b[$n..]))
            }
            fn to_le(self) -> Vec<u8> {
                let mut v = self.re.to_le();
                v.extend(self.im.to_le());
                v
            }
            fn nan(self) -> bool {
                self.re.is_nan() || self.im.is_nan()
            }
            fn neg(self) -> bool {
                self.re.is_sign_negative()
            }
        }
    )*};
}
bits_complex! { Complex32, f32, 4; Complex64, f64, 8; }

fn data(name: &str) -> String {
    let path = format!("{}/tests/data/casting/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Little-endian bytes from the generator's big-endian-written hex.
fn unhex(h: &str) -> Vec<u8> {
    let mut v: Vec<u8> = (0..h.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&h[i..i + 2], 16).unwrap())
        .collect();
    v.reverse();
    v
}

fn hex(le: &[u8]) -> String {
    le.iter().rev().map(|b| format!("{b:02x}")).collect()
}

fn build<T: Bits>(hexes: &[&str]) -> Array {
    Array::from_vec(
        hexes
            .iter()
            .map(|h| T::from_le(&unhex(h)))
            .collect::<Vec<T>>(),
    )
}

fn to_hexes<T: Bits>(a: &Array) -> Vec<String> {
    a.to_vec::<T>()
        .unwrap()
        .into_iter()
        .map(|v| hex(&v.to_le()))
        .collect()
}

/// Equal bytes, or both NaN with the same sign.
fn same<T: Bits>(got: &str, want: &str) -> bool {
    if got == want {
        return true;
    }
    let (g, w) = (T::from_le(&unhex(got)), T::from_le(&unhex(want)));
    g.nan() && w.nan() && g.neg() == w.neg()
}

fn same_dyn(d: DType, got: &str, want: &str) -> bool {
    numox::dispatch_dtype!(d, T => same::<T>(got, want))
}

fn scalar_hex(s: Scalar) -> String {
    numox::dispatch_scalar!(s, v => hex(&Bits::to_le(v)))
}

fn error_parts(e: &Error) -> (&'static str, String) {
    let v = match e {
        Error::Overflow(_) => "Overflow",
        Error::Value(_) => "Value",
        Error::DType(_) => "DType",
        Error::Casting { .. } => "Casting",
        _ => "Other",
    };
    (v, e.to_string())
}

fn report(what: &str, checked: usize, bad: Vec<String>) {
    assert!(checked > 0, "{what}: nothing checked");
    assert!(
        bad.is_empty(),
        "{what}: {} of {checked} cells differ from NumPy:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

/// Every (src, dst) pair over the tricky values: whole-array `astype_with(.., Unsafe)`, plain
/// `astype`, and `Scalar::cast_with` per value.
#[test]
fn astype_golden_every_pair() {
    let text = data("astype.txt");
    let mut lines = text.lines().filter(|l| !l.starts_with('#'));
    let (mut checked, mut bad) = (0usize, vec![]);
    let mut pairs = 0;
    while let Some(head) = lines.next() {
        let src: DType = head.strip_prefix("src ").unwrap().parse().unwrap();
        let values: Vec<&str> = lines.next().unwrap().split_whitespace().skip(1).collect();
        let a = numox::dispatch_dtype!(src, T => build::<T>(&values));
        for _ in 0..DType::ALL.len() {
            let line = lines.next().unwrap();
            let mut it = line.split_whitespace();
            let dst: DType = it.next().unwrap().parse().unwrap();
            let want: Vec<&str> = it.collect();
            assert_eq!(want.len(), values.len(), "{src} -> {dst}");
            pairs += 1;
            let all = a.astype_with(dst, Casting::Unsafe);
            let first_bad = want.iter().position(|w| *w == "E");
            match (&all, first_bad) {
                (Ok(out), None) => {
                    let got = numox::dispatch_dtype!(dst, T => to_hexes::<T>(out));
                    for (k, (g, w)) in got.iter().zip(&want).enumerate() {
                        checked += 1;
                        if !same_dyn(dst, g, w) {
                            bad.push(format!(
                                "{src} {} -> {dst}: numox {g}, numpy {w}",
                                values[k]
                            ));
                        }
                    }
                }
                (Err(Error::Value(_)), Some(_)) => checked += 1,
                (res, fb) => bad.push(format!(
                    "{src} -> {dst}: array cast gave {:?}, undefined value at {fb:?}",
                    res.as_ref().map(|_| ())
                )),
            }
            // Plain astype: the same, except complex -> real which it refuses.
            let plain = a.astype(dst);
            if src.is_complex() && !dst.is_complex() && dst != DType::Bool {
                if !matches!(plain, Err(Error::DType(_))) {
                    bad.push(format!("{src} -> {dst}: plain astype must refuse"));
                }
            } else if plain.is_ok() != all.is_ok() {
                bad.push(format!("{src} -> {dst}: astype and astype_with differ"));
            }
            // One value at a time through Scalar::cast_with.
            for (k, w) in want.iter().enumerate() {
                let s = a.get(&[k as isize]).unwrap();
                checked += 1;
                match (s.cast_with(dst, Casting::Unsafe), *w) {
                    (Err(Error::Value(_)), "E") => {}
                    (Ok(r), w) if w != "E" && same_dyn(dst, &scalar_hex(r), w) => {}
                    (r, w) => bad.push(format!(
                        "Scalar {src} {} -> {dst}: numox {:?}, numpy {w}",
                        values[k],
                        r.map(scalar_hex)
                    )),
                }
            }
        }
    }
    assert_eq!(pairs, 225);
    report("astype", checked, bad);
}

fn scalar_from(kind: &str, v: &str) -> Scalar {
    let f = |h: &str| f64::from_le(&unhex(h));
    match kind {
        "bool" => Scalar::Bool(v == "1"),
        "int" => {
            let x: i128 = v.parse().unwrap();
            match i64::try_from(x) {
                Ok(i) => Scalar::Int64(i),
                Err(_) => Scalar::UInt64(x as u64),
            }
        }
        "float" => Scalar::Float64(f(v)),
        "complex" => {
            let (re, im) = v.split_once(',').unwrap();
            Scalar::Complex128(Complex64::new(f(re), f(im)))
        }
        _ => panic!("bad kind {kind}"),
    }
}

/// The same Python value as narrower Rust scalars, which must behave identically (weak).
fn narrower(s: Scalar) -> Vec<Scalar> {
    let mut v = vec![];
    match s {
        Scalar::Int64(x) => {
            v.extend(i8::try_from(x).ok().map(Scalar::from));
            v.extend(i16::try_from(x).ok().map(Scalar::from));
            v.extend(i32::try_from(x).ok().map(Scalar::from));
            v.extend(u8::try_from(x).ok().map(Scalar::from));
            v.extend(u32::try_from(x).ok().map(Scalar::from));
        }
        Scalar::Float64(x) if (x as f32) as f64 == x || x.is_nan() => {
            v.push(Scalar::Float32(x as f32))
        }
        Scalar::Complex128(c) if (c.re as f32) as f64 == c.re && (c.im as f32) as f64 == c.im => {
            v.push(Scalar::Complex64(Complex32::new(c.re as f32, c.im as f32)))
        }
        _ => {}
    }
    v
}

#[test]
fn coerce_and_set_golden() {
    let text = data("coerce.txt");
    let (mut checked, mut bad) = (0usize, vec![]);
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let mut it = line.splitn(4, ' ');
        let (kind, val, dst, want) = (
            it.next().unwrap(),
            it.next().unwrap(),
            it.next().unwrap(),
            it.next().unwrap(),
        );
        let dst: DType = dst.parse().unwrap();
        let s = scalar_from(kind, val);
        for s in std::iter::once(s).chain(narrower(s)) {
            checked += 1;
            let got = s.coerce(dst);
            let ok = match (&got, want.strip_prefix("error ")) {
                (Err(e), Some(w)) => {
                    let (variant, msg) = error_parts(e);
                    w == format!("{variant} {msg}")
                }
                (Ok(r), None) => r.dtype() == dst && same_dyn(dst, &scalar_hex(*r), want),
                _ => false,
            };
            if !ok {
                bad.push(format!(
                    "coerce {s:?} into {dst}: numox {:?}, numpy {want}",
                    got.as_ref().map(|r| scalar_hex(*r)).map_err(error_parts)
                ));
                continue;
            }
            // Array::set stores the same element, or fails the same way.
            let mut a = Array::zeros(&[2], dst).unwrap();
            let set = a.set(&[1], s);
            let stored = a.get(&[1]).unwrap();
            match (&got, set) {
                (Ok(r), Ok(())) if scalar_hex(*r) == scalar_hex(stored) => {}
                (Err(e), Err(f)) if *e == f => {}
                (g, s2) => bad.push(format!("set {s:?} into {dst}: {g:?} vs {s2:?}")),
            }
        }
    }
    report("coerce", checked, bad);
}

// ------------------------------------------------------------------ layouts

fn arange(shape: &[usize]) -> Array {
    let n: usize = shape.iter().product();
    Array::from_shape_vec(shape, (0..n).map(|k| k as f64).collect()).unwrap()
}

/// Casts a view to float32 and int16 and checks the values (against a C-order copy) and
/// NumPy's output strides for `order='K'`.
fn check_view(v: &Array, strides_f32: &[isize]) {
    let want: Vec<f64> = v.to_vec::<f64>().unwrap();
    let f = v.astype(DType::Float32).unwrap();
    assert_eq!(f.shape(), v.shape());
    assert_eq!(
        f.strides(),
        strides_f32,
        "float32 strides of {:?}",
        v.strides()
    );
    assert!(f.flags().owndata && f.flags().writeable);
    let got: Vec<f64> = f
        .to_vec::<f32>()
        .unwrap()
        .iter()
        .map(|&x| x as f64)
        .collect();
    assert_eq!(got, want);
    let i = v.astype(DType::Int16).unwrap();
    let got: Vec<f64> = i
        .to_vec::<i16>()
        .unwrap()
        .iter()
        .map(|&x| x as f64)
        .collect();
    assert_eq!(got, want);
    // Same dtype: still a copy, not a view.
    let c = v.astype(DType::Float64).unwrap();
    assert!(!c.shares_buffer(v));
    assert_eq!(c.to_vec::<f64>().unwrap(), want);
}

#[test]
fn astype_keeps_layout_like_numpy_order_k() {
    // Strides NumPy 2.4 reports for `.astype(np.float32)` of each view.
    let a = arange(&[2, 3, 4]);
    check_view(&a, &[48, 16, 4]);
    let v = a
        .slice_axis(1, None, None, -1)
        .unwrap()
        .permute_axes(&[2, 0, 1])
        .unwrap();
    check_view(&v, &[4, 48, 16]);
    let v = a
        .slice_axis(1, None, None, 2)
        .unwrap()
        .permute_axes(&[2, 0, 1])
        .unwrap();
    check_view(&v, &[4, 32, 16]);
    check_view(&arange(&[4, 3]).t(), &[4, 12]);
    check_view(
        &arange(&[4, 1, 3]).permute_axes(&[1, 2, 0]).unwrap(),
        &[4, 4, 12],
    );
    check_view(
        &arange(&[4, 3]).slice_axis(1, None, Some(1), 1).unwrap(),
        &[4, 4],
    );
    let r = arange(&[3, 4])
        .slice_axis(0, None, None, -1)
        .unwrap()
        .slice_axis(1, None, None, -1)
        .unwrap();
    check_view(&r, &[16, 4]);
    check_view(
        &arange(&[3, 4, 5]).permute_axes(&[1, 0, 2]).unwrap(),
        &[20, 80, 4],
    );
    check_view(&arange(&[3]).broadcast_to(&[4, 3]).unwrap(), &[4, 16]);
    check_view(&arange(&[4, 1]).broadcast_to(&[4, 3]).unwrap(), &[12, 4]);
    // F-ordered input stays F-ordered.
    let f = Array::from_shape_vec_order(&[2, 3], vec![0.0f64, 1., 2., 3., 4., 5.], numox::Order::F)
        .unwrap();
    let g = f.astype(DType::Int32).unwrap();
    assert!(g.is_f_contiguous() && !g.is_c_contiguous());
    assert_eq!(g.to_vec::<i32>().unwrap(), vec![0, 2, 4, 1, 3, 5]);
}

#[test]
fn astype_empty_and_zero_d() {
    for shape in [&[0usize][..], &[3, 0], &[0, 4, 2]] {
        let e = Array::zeros(shape, DType::Float64).unwrap();
        for d in DType::ALL {
            let c = e.astype_with(d, Casting::Unsafe).unwrap();
            assert_eq!((c.shape(), c.dtype(), c.size()), (shape, d, 0));
        }
    }
    let s = Array::scalar(-2.5f64);
    let c = s.astype(DType::Int8).unwrap();
    assert_eq!(c.ndim(), 0);
    assert_eq!(c.item().unwrap(), Scalar::Int8(-2));
    assert_eq!(
        Array::scalar(f64::INFINITY)
            .astype(DType::UInt8)
            .unwrap_err()
            .to_string(),
        "cannot convert float infinity to integer"
    );
    let b = Array::scalar(f32::NAN).astype(DType::Bool).unwrap();
    assert_eq!(b.item().unwrap(), Scalar::Bool(true));
}

#[test]
fn astype_errors() {
    let a = array![1.0, 300.5, f64::NAN];
    assert_eq!(
        a.astype(DType::Int8).unwrap_err().to_string(),
        "cannot convert float 300.5 to int8: out of bounds"
    );
    assert_eq!(
        a.astype(DType::Int32).unwrap_err().to_string(),
        "cannot convert float NaN to integer"
    );
    // The first undefined value in C order is the one reported, also for strided input.
    let r = a.slice_axis(0, None, None, -1).unwrap();
    assert_eq!(
        r.astype(DType::Int32).unwrap_err().to_string(),
        "cannot convert float NaN to integer"
    );
    let e = a.astype_with(DType::Int64, Casting::SameKind).unwrap_err();
    assert_eq!(
        e.to_string(),
        "Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'same_kind'"
    );
    assert!(matches!(e, Error::Casting { .. }));
    assert!(array![1i64].astype_with(DType::Int64, Casting::No).is_ok());
    assert!(array![1i64]
        .astype_with(DType::Int32, Casting::Equiv)
        .is_err());
    let c = Array::from_vec(vec![Complex64::new(1.0, 2.0)]);
    assert!(matches!(c.astype(DType::Float32), Err(Error::DType(_))));
    assert_eq!(
        c.astype(DType::Bool).unwrap().to_vec::<bool>().unwrap(),
        vec![true]
    );
    assert_eq!(
        c.astype_with(DType::Int8, Casting::Unsafe)
            .unwrap()
            .to_vec::<i8>()
            .unwrap(),
        vec![1]
    );
}

#[test]
fn parallel_path_matches_serial() {
    // Above the threading threshold, contiguous and strided, with an error near the end.
    let n = 3 << 20;
    let v: Vec<f64> = (0..n).map(|k| (k as f64) * 0.75 - 1000.0).collect();
    let a = Array::from_vec(v.clone());
    let f = a.astype(DType::Float32).unwrap();
    let got = f.as_slice::<f32>().unwrap();
    assert!(got.iter().zip(&v).all(|(&g, &x)| g == x as f32));
    let i = a.astype(DType::Int64).unwrap();
    let got = i.as_slice::<i64>().unwrap();
    assert!(got.iter().zip(&v).all(|(&g, &x)| g == x as i64));
    // A strided 2-D view: every other column, reversed rows.
    let m = a
        .reshape(&[3072, 1024])
        .unwrap()
        .slice_axis(1, None, None, 2)
        .unwrap()
        .slice_axis(0, None, None, -1)
        .unwrap();
    let want = m.to_vec::<f64>().unwrap();
    let s = m.astype(DType::Float32).unwrap();
    assert!(s
        .to_vec::<f32>()
        .unwrap()
        .iter()
        .zip(&want)
        .all(|(&g, &x)| g == x as f32));
    let mut w = v;
    w[n - 3] = f64::NAN;
    w[n - 2] = 1e300;
    assert_eq!(
        Array::from_vec(w)
            .astype(DType::Int32)
            .unwrap_err()
            .to_string(),
        "cannot convert float NaN to integer"
    );
}

#[test]
fn cast_slice_semantics() {
    let mut out = [0u8; 3];
    cast_slice(&[true, false, true], &mut out).unwrap();
    assert_eq!(out, [1, 0, 1]);
    let mut h = [f16::ZERO; 2];
    cast_slice(&[65519.0f32, 65520.0], &mut h).unwrap();
    assert_eq!(h[0].to_f32(), 65504.0);
    assert!(h[1].is_infinite());
    let mut b = [bf16::ZERO; 1];
    cast_slice(&[257.5f64], &mut b).unwrap();
    assert_eq!(b[0].to_f32(), 258.0);
    assert!(cast_slice(&[1.0f64, 2.0], &mut [0i32; 3]).is_err());
}

#[test]
fn set_examples() {
    let mut a = Array::zeros(&[3], DType::Int64).unwrap();
    a.set(&[0], 2.7).unwrap();
    a.set(&[1], -2.7f32).unwrap();
    a.set(&[-1], true).unwrap();
    assert_eq!(a.to_vec::<i64>().unwrap(), vec![2, -2, 1]);
    let e = a.set(&[0], f64::NAN).unwrap_err();
    assert_eq!(e.to_string(), "cannot convert float NaN to integer");
    assert!(matches!(
        a.set(&[0], f64::INFINITY),
        Err(Error::Overflow(_))
    ));
    assert!(matches!(a.set(&[5], 1), Err(Error::Index { .. })));
    let mut f = Array::zeros(&[1], DType::Float32).unwrap();
    assert!(matches!(
        f.set(&[0], Complex64::new(1.0, 2.0)),
        Err(Error::DType(_))
    ));
    // Copy-on-write: a clone keeps the old value.
    let mut g = Array::zeros(&[2], DType::UInt8).unwrap();
    let keep = g.clone();
    g.set(&[0], 255).unwrap();
    assert_eq!(keep.to_vec::<u8>().unwrap(), vec![0, 0]);
    assert_eq!(g.to_vec::<u8>().unwrap(), vec![255, 0]);
    assert!(g.set(&[0], 256).is_err());
}
