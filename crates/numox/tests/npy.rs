//! `.npy` files written by `np.save` read back in numox, and numox writes the same bytes.

use numox::io::{read_npy, write_npy_to};
use numox::{Complex64, DType};
use std::path::PathBuf;

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/npy")
        .join(name)
}

#[test]
fn every_dtype_reads_and_writes_back_byte_identical() {
    let mut checked = 0;
    for d in DType::ALL {
        let suffixes: &[&str] = if d == DType::BFloat16 {
            &["c"]
        } else {
            &["c", "f", "0d"]
        };
        for suffix in suffixes {
            let path = data(&format!("{}_{suffix}.npy", d.name()));
            let a = read_npy(&path).unwrap();
            assert_eq!(a.dtype(), d, "{}", path.display());
            let expect_shape: &[usize] = if *suffix == "0d" { &[] } else { &[2, 3] };
            assert_eq!(a.shape(), expect_shape);
            assert_eq!(a.is_f_contiguous() && !a.is_c_contiguous(), *suffix == "f");
            let mut out = Vec::new();
            write_npy_to(&mut out, &a).unwrap();
            assert_eq!(out, std::fs::read(&path).unwrap(), "{}", path.display());
            checked += 1;
        }
    }
    assert_eq!(checked, 43);
}

#[test]
fn values_survive_both_orders() {
    let c = read_npy(data("int64_c.npy")).unwrap();
    let f = read_npy(data("int64_f.npy")).unwrap();
    assert_eq!(c.to_vec::<i64>().unwrap(), vec![0, 1, 2, 3, 4, 5]);
    assert_eq!(f.to_vec::<i64>().unwrap(), vec![0, 1, 2, 3, 4, 5]);
    assert_eq!(
        read_npy(data("bool_c.npy"))
            .unwrap()
            .to_vec::<bool>()
            .unwrap(),
        vec![false, true, false, true, false, true]
    );
    let h = read_npy(data("float16_c.npy"))
        .unwrap()
        .to_vec::<numox::f16>()
        .unwrap();
    assert_eq!(
        h.iter().map(|x| x.to_f32()).collect::<Vec<_>>(),
        vec![0.0, 1.0, 2.0, 3.0, 4.0, 5.0]
    );
    let b = read_npy(data("bfloat16_c.npy"))
        .unwrap()
        .to_vec::<numox::bf16>()
        .unwrap();
    assert_eq!(
        b.iter().map(|x| x.to_f32()).collect::<Vec<_>>(),
        vec![0.0, 1.0, 2.0, 3.0, 4.0, 5.0]
    );
}

#[test]
fn special_values_big_endian_empty_and_v2() {
    let v = read_npy(data("values_f8.npy"))
        .unwrap()
        .to_vec::<f64>()
        .unwrap();
    assert_eq!(v[0].to_bits(), 0.0f64.to_bits());
    assert_eq!(v[1].to_bits(), (-0.0f64).to_bits());
    assert_eq!((v[2], v[3]), (f64::INFINITY, f64::NEG_INFINITY));
    assert!(v[4].is_nan());
    assert_eq!((v[5], v[6]), (1e-310, 1.5e300));

    let be = read_npy(data("bigendian_i4.npy")).unwrap();
    assert_eq!((be.dtype(), be.shape()), (DType::Int32, &[3usize, 2][..]));
    assert_eq!(be.to_vec::<i32>().unwrap(), vec![0, 1, 2, 3, 4, 5]);
    let bc = read_npy(data("bigendian_c16.npy"))
        .unwrap()
        .to_vec::<Complex64>()
        .unwrap();
    assert_eq!(
        bc,
        vec![
            Complex64::new(0.0, 0.0),
            Complex64::new(1.0, 2.0),
            Complex64::new(2.0, 4.0)
        ]
    );

    let e = read_npy(data("empty_0x3.npy")).unwrap();
    assert_eq!((e.shape(), e.dtype()), (&[0usize, 3][..], DType::Float64));
    let v2 = read_npy(data("v2_header.npy")).unwrap();
    assert_eq!(v2.to_vec::<f64>().unwrap(), vec![0.0, 1.0, 2.0, 3.0]);
}

#[test]
fn missing_file_is_an_io_error() {
    let e = read_npy(data("no_such_file.npy")).unwrap_err();
    assert!(matches!(e, numox::Error::Io(_)));
}
