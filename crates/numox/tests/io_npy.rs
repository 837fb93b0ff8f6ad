//! The `.npy`/`.npz` corpus written by NumPy (scripts/golden/io_npy.py): every dtype in both
//! byte orders and both memory orders, the three format versions, odd shapes, `np.savez`
//! archives, and malformed files, which must give errors (NumPy's words where numox reproduces
//! them) and never panic. Plus numox-written files read back, and compressed fixtures.

use numox::io::{self, Loaded, MmapMode, NpzFile};
use numox::{Array, Complex64, DType};
use serde_json_lite::{parse, Json};
use std::path::PathBuf;

#[path = "io_support/json.rs"]
mod serde_json_lite;

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/io_npy")
        .join(name)
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/io")
        .join(name)
}

fn temp(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("numox-io-npy-{}-{name}", std::process::id()))
}

/// The elements of `a` in C order as NumPy's repr texts, comparable with the manifests.
fn texts(a: &Array) -> Vec<String> {
    let fmt = |x: f64| {
        if x.is_nan() {
            "nan".to_string()
        } else if x.is_infinite() {
            if x > 0.0 { "inf" } else { "-inf" }.to_string()
        } else {
            format!("{x:?}")
        }
    };
    match a.dtype() {
        DType::Bool => a
            .to_vec::<bool>()
            .unwrap()
            .iter()
            .map(|&b| if b { "True" } else { "False" }.to_string())
            .collect(),
        d if d.is_complex() => a
            .astype(DType::Complex128)
            .unwrap()
            .to_vec::<Complex64>()
            .unwrap()
            .iter()
            .map(|c| format!("{},{}", fmt(c.re), fmt(c.im)))
            .collect(),
        DType::UInt64 => a
            .to_vec::<u64>()
            .unwrap()
            .iter()
            .map(|v| v.to_string())
            .collect(),
        d if d.is_integer() => a
            .astype(DType::Int64)
            .unwrap()
            .to_vec::<i64>()
            .unwrap()
            .iter()
            .map(|v| v.to_string())
            .collect(),
        _ => a
            .astype(DType::Float64)
            .unwrap()
            .to_vec::<f64>()
            .unwrap()
            .iter()
            .map(|&x| fmt(x))
            .collect(),
    }
}

/// Python's float repr and Rust's `{:?}` differ in spelling (`1e-05` vs `1e-5`); compare values.
fn same_text(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let parts = |s: &str| s.split(',').map(|p| p.parse::<f64>()).collect::<Vec<_>>();
    let (pa, pb) = (parts(a), parts(b));
    pa.len() == pb.len()
        && pa.iter().zip(&pb).all(|(x, y)| match (x, y) {
            (Ok(x), Ok(y)) => x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan()),
            _ => false,
        })
}

fn check_entry(e: &Json, a: &Array, what: &str) {
    let dtype: DType = e.get("dtype").str().parse().unwrap();
    let shape: Vec<usize> = e
        .get("shape")
        .arr()
        .iter()
        .map(|v| v.num() as usize)
        .collect();
    let fortran = e.get("fortran").bool();
    assert_eq!(a.dtype(), dtype, "{what}");
    assert_eq!(a.shape(), &shape[..], "{what}");
    assert_eq!(
        a.is_f_contiguous() && !a.is_c_contiguous(),
        fortran,
        "{what}"
    );
    let want: Vec<&str> = e.get("values").arr().iter().map(|v| v.str()).collect();
    let got = texts(a);
    assert_eq!(got.len(), want.len(), "{what}");
    for (i, (g, w)) in got.iter().zip(&want).enumerate() {
        assert!(same_text(g, w), "{what} element {i}: numox {g}, NumPy {w}");
    }
}

#[test]
fn every_numpy_written_file_reads_equal() {
    let manifest = parse(&std::fs::read_to_string(data("roundtrip/manifest.json")).unwrap());
    let entries = manifest.arr();
    assert!(entries.len() > 60);
    for e in entries {
        let name = e.get("file").str();
        let path = data(&format!("roundtrip/{name}"));
        let a = io::read_npy(&path).unwrap();
        check_entry(e, &a, name);
        // The same bytes through a reader, through `load`, and (little-endian only) mapped.
        let bytes = std::fs::read(&path).unwrap();
        check_entry(e, &io::read_npy_from(&bytes[..]).unwrap(), name);
        check_entry(e, &io::load(&path).unwrap().array().unwrap(), name);
        if !name.contains("_be_") {
            check_entry(
                e,
                &io::open_memmap(&path, MmapMode::ReadOnly).unwrap(),
                name,
            );
        }
        // numox writes it back; reading that gives the same array again.
        let mut out = Vec::new();
        io::write_npy_to(&mut out, &a).unwrap();
        check_entry(e, &io::read_npy_from(&out[..]).unwrap(), name);
    }
}

#[test]
fn numpy_savez_archives_read_member_by_member() {
    let manifest = parse(&std::fs::read_to_string(data("stored.json")).unwrap());
    let npz = NpzFile::open(data("stored.npz")).unwrap();
    let names: Vec<&str> = manifest.arr().iter().map(|e| e.get("name").str()).collect();
    assert_eq!(npz.files(), names);
    for e in manifest.arr() {
        let name = e.get("name").str();
        check_entry(e, &npz.get(name).unwrap(), name);
        check_entry(e, &npz.get(&format!("{name}.npy")).unwrap(), name);
    }
    let err = npz.get("nope").unwrap_err();
    assert_eq!(err.to_string(), "nope is not a file in the archive");
    assert!(matches!(err, numox::Error::Key(_)));
    // Compressed fixtures made once by np.savez_compressed (see tests/fixtures/io/README.md).
    let z = NpzFile::open(fixture("compressed.npz")).unwrap();
    for e in manifest.arr() {
        let name = e.get("name").str();
        check_entry(e, &z.get(name).unwrap(), name);
    }
}

#[test]
fn numox_archives_round_trip_and_load_dispatches() {
    let a = numox::creation::arange(0.0, 24.0, 1.0)
        .unwrap()
        .reshape(&[2, 3, 4])
        .unwrap();
    let views = [
        ("c", a.clone()),
        ("t", a.t()),
        ("rev", a.slice_axis(2, None, None, -1).unwrap()),
        ("f32", a.astype(DType::Float32).unwrap()),
        ("scalar", Array::scalar(3i8)),
    ];
    let refs: Vec<(&str, &Array)> = views.iter().map(|(n, v)| (*n, v)).collect();
    for (file, compressed) in [("s.npz", false), ("c.npz", true)] {
        let path = temp(file);
        if compressed {
            io::savez_compressed(&path, &refs).unwrap();
        } else {
            io::savez(&path, &refs).unwrap();
        }
        let Loaded::Npz(npz) = io::load(&path).unwrap() else {
            panic!("an archive loads as Npz")
        };
        for (name, v) in &views {
            let b = npz.get(name).unwrap();
            assert_eq!((b.dtype(), b.shape()), (v.dtype(), v.shape()));
            assert_eq!(texts(&b), texts(v), "{name}");
        }
        std::fs::remove_file(&path).unwrap();
    }
}

#[test]
fn malformed_files_are_errors_in_numpys_words() {
    let expected = parse(&std::fs::read_to_string(data("malformed/errors.json")).unwrap());
    // Files whose NumPy error numox words identically.
    let same_words = [
        "hdr_bad_descr.npy",
        "hdr_bad_fortran.npy",
        "hdr_bad_shape.npy",
        "hdr_extra_key.npy",
        "hdr_missing_key.npy",
        "hdr_negative_dim.npy",
        "hdr_not_dict.npy",
        "hdr_object_descr.npy",
        "hdr_short_data.npy",
        "hdr_unknown_descr.npy",
        "header_len_lies.npy",
        "header_too_long.npy",
        "object_array.npy",
        "pickle.pkl",
        "bad_magic.npy",
        "trunc_127.npy",
        "trunc_175.npy",
        "trunc_30.npy",
        "version_1_1.npy",
        "version_4.npy",
        "zip_bad_crc.npz",
        "zip_no_end.npz",
        "zip_truncated.npz",
    ];
    let mut checked = 0;
    for (name, want) in expected.obj() {
        let path = data(&format!("malformed/{name}"));
        let got = io::load(&path).and_then(|l| match l {
            Loaded::Array(a) => Ok(vec![a]),
            Loaded::Npz(z) => z.files().iter().map(|k| z.get(k)).collect(),
        });
        match want {
            // NumPy reads these; numox refuses them (structured dtypes, bzip2 members).
            Json::Null => assert!(got.is_err(), "{name}"),
            w => {
                let e = got.expect_err(name).to_string();
                if same_words.contains(&name.as_str()) {
                    assert_eq!(e, w.arr()[1].str(), "{name}");
                }
            }
        }
        // Straight through the stream reader too.
        let bytes = std::fs::read(&path).unwrap();
        if name.ends_with(".npy") {
            assert!(io::read_npy_from(&bytes[..]).is_err(), "{name}");
            assert!(io::read_npy(&path).is_err(), "{name}");
        }
        checked += 1;
    }
    assert_eq!(checked, expected.obj().len());
    assert!(checked >= 35);
}

#[test]
fn memmap_write_then_read_in_chunks() {
    let path = temp("chunks.npy");
    let rows = 10_000;
    let mut m = io::create_memmap(&path, DType::Float64, &[rows, 16], numox::Order::C).unwrap();
    for start in (0..rows).step_by(1000) {
        let chunk = numox::creation::full([1000, 16], start as f64).unwrap();
        m.view_mut()
            .unwrap()
            .slice_axis(0, Some(start as isize), Some(start as isize + 1000), 1)
            .unwrap()
            .assign(&numox::s![..], &chunk)
            .unwrap();
    }
    io::flush_memmap(&m).unwrap();
    drop(m);
    let r = io::open_memmap(&path, MmapMode::ReadOnly).unwrap();
    let mut total = 0.0;
    for start in (0..rows).step_by(2500) {
        let part = r
            .slice_axis(0, Some(start as isize), Some(start as isize + 2500), 1)
            .unwrap();
        total += part.sum(None).unwrap().item_as::<f64>().unwrap();
    }
    // 16 columns x 1000 rows x (0 + 1000 + ... + 9000).
    assert_eq!(total, 16.0 * 1000.0 * 45_000.0);
    assert_eq!(io::read_npy(&path).unwrap().shape(), &[rows, 16]);
    drop(r);
    std::fs::remove_file(&path).unwrap();
}

/// numox writes every file of the NumPy corpus back, plus two views of each (the transpose and
/// the first axis reversed), as `.npy` files and as two archives, into
/// `$CARGO_TARGET_TMPDIR/numox_written/`. The test command then has NumPy load them all
/// (scripts/numpy_reads.py) and compare them with the corpus it wrote itself.
#[test]
fn numox_writes_the_corpus_for_numpy_to_read() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("numox_written");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let manifest = parse(&std::fs::read_to_string(data("roundtrip/manifest.json")).unwrap());
    let mut members: Vec<(String, Array)> = Vec::new();
    for e in manifest.arr() {
        let name = e.get("file").str();
        let stem = name.trim_end_matches(".npy");
        let a = io::read_npy(data(&format!("roundtrip/{name}"))).unwrap();
        let mut views = vec![("same", a.clone()), ("T", a.t())];
        if a.ndim() > 0 {
            views.push(("rev0", a.slice_axis(0, None, None, -1).unwrap()));
        }
        for (how, v) in views {
            let file = format!("{stem}.{how}.npy");
            io::write_npy(dir.join(&file), &v).unwrap();
            members.push((format!("{stem}.{how}"), v));
        }
    }
    let refs: Vec<(&str, &Array)> = members.iter().map(|(n, a)| (n.as_str(), a)).collect();
    io::savez(dir.join("all.npz"), &refs).unwrap();
    io::savez_compressed(dir.join("all_compressed.npz"), &refs).unwrap();
    assert!(members.len() > 150, "{} files", members.len());
}
