//! Images written by Pillow and by scripts/golden/io_image.py read back in numox as Pillow reads
//! them (`np.asarray(Image.open(p))`), numox's PNGs round-trip, and broken files are errors.

use numox::io::{decode_image, encode_png, read_image, read_npy, write_png};
use numox::{Array, DType};
use std::path::PathBuf;

/// The largest difference allowed between numox's JPEG pixels and libjpeg-turbo's (Pillow's).
const JPEG_MAX_DIFF: i32 = 3;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/io_image")
}

fn files(ext: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    v.sort();
    v
}

fn name(p: &std::path::Path) -> String {
    p.file_name().unwrap().to_string_lossy().into_owned()
}

/// The elements as i64 (bool, uint8 or uint16).
fn values(a: &Array) -> Vec<i64> {
    match a.dtype() {
        DType::Bool => a
            .to_vec::<bool>()
            .unwrap()
            .into_iter()
            .map(i64::from)
            .collect(),
        DType::UInt8 => a
            .to_vec::<u8>()
            .unwrap()
            .into_iter()
            .map(i64::from)
            .collect(),
        DType::UInt16 => a
            .to_vec::<u16>()
            .unwrap()
            .into_iter()
            .map(i64::from)
            .collect(),
        d => panic!("unexpected dtype {d:?}"),
    }
}

#[test]
fn every_png_equals_pillow() {
    let mut checked = 0;
    for p in files("png") {
        let n = name(&p);
        if n.starts_with("bad_") {
            continue;
        }
        let got = read_image(&p).unwrap_or_else(|e| panic!("{n}: {e}"));
        let want = read_npy(p.with_extension("npy")).unwrap();
        assert_eq!(got.dtype(), want.dtype(), "{n}");
        assert_eq!(got.shape(), want.shape(), "{n}");
        assert_eq!(values(&got), values(&want), "{n}");
        checked += 1;
    }
    assert_eq!(checked, 42);
}

#[test]
fn every_jpeg_is_within_the_bound_of_pillow() {
    let mut diffs = Vec::new();
    for p in files("jpg") {
        let n = name(&p);
        if n.starts_with("bad_") || n == "cmyk.jpg" {
            continue;
        }
        let got = read_image(&p).unwrap_or_else(|e| panic!("{n}: {e}"));
        let want = read_npy(p.with_extension("npy")).unwrap();
        assert_eq!(got.dtype(), DType::UInt8, "{n}");
        assert_eq!(got.shape(), want.shape(), "{n}");
        let (g, w) = (values(&got), values(&want));
        let diff = g.iter().zip(&w).map(|(a, b)| (a - b).abs()).max().unwrap() as i32;
        let exact = g.iter().zip(&w).filter(|(a, b)| a == b).count();
        println!(
            "{n}: max |numox - Pillow| = {diff}, {exact} of {} equal",
            g.len()
        );
        diffs.push((n, diff));
    }
    assert_eq!(diffs.len(), 8);
    for (n, diff) in diffs {
        assert!(diff <= JPEG_MAX_DIFF, "{n}: max difference {diff}");
    }
}

#[test]
fn cmyk_jpeg_is_an_error() {
    let e = read_image(dir().join("cmyk.jpg")).unwrap_err().to_string();
    assert_eq!(
        e,
        "cannot read a CMYK JPEG: numox reads gray and YCbCr JPEGs only"
    );
}

#[test]
fn malformed_files_are_errors() {
    let cases = [
        ("bad_huge.png", "declares 100000x100000 pixels"),
        ("bad_zero_width.png", "broken PNG file"),
        ("bad_depth.png", "broken PNG file"),
        ("bad_crc.png", "broken PNG file"),
        ("bad_truncated.png", "broken PNG file"),
        ("bad_no_idat.png", "broken PNG file"),
        ("bad_palette_missing.png", "broken PNG file"),
        ("bad_signature.png", "cannot identify image file"),
        ("bad_huge.jpg", "declares 65535x65535 pixels"),
        ("bad_truncated.jpg", "broken JPEG file"),
        ("bad_header_only.jpg", "broken JPEG file"),
    ];
    for (f, msg) in cases {
        let e = read_image(dir().join(f))
            .map(|a| panic!("{f}: read as {:?}", a.shape()))
            .unwrap_err()
            .to_string();
        assert!(e.contains(msg), "{f}: {e}");
    }
    assert_eq!(
        files("png")
            .iter()
            .filter(|p| name(p).starts_with("bad_"))
            .count(),
        8
    );
    let missing = read_image(dir().join("no_such_file.png"))
        .unwrap_err()
        .to_string();
    assert!(missing.starts_with("[Errno 2] "), "{missing}");
}

#[test]
fn every_prefix_and_every_flipped_byte_is_an_error_or_an_image() {
    // Never a panic or a hang: every truncation of every good file, and a byte flip at each
    // position of a few of them.
    let mut errors = 0;
    for p in files("png").into_iter().chain(files("jpg")) {
        let bytes = std::fs::read(&p).unwrap();
        for k in 0..bytes.len() {
            if decode_image(&bytes[..k]).is_err() {
                errors += 1;
            }
        }
    }
    for f in [
        "rgb8.png",
        "palette4_short_trns.png",
        "jpeg420_progressive.jpg",
        "jpeg444.jpg",
    ] {
        let bytes = std::fs::read(dir().join(f)).unwrap();
        for k in 0..bytes.len() {
            let mut b = bytes.clone();
            b[k] ^= 0x55;
            if let Ok(a) = decode_image(&b) {
                assert!(
                    a.size() <= 64 * 64 * 4,
                    "{f} flipped at {k}: {:?}",
                    a.shape()
                );
            }
        }
    }
    assert!(errors > 10_000);
}

#[test]
fn png_round_trips_every_colour_type_and_depth() {
    let mut n = 0;
    for (h, w) in [(1, 1), (3, 7), (9, 17)] {
        for c in [0, 1, 2, 3, 4] {
            let mut shape = vec![h, w];
            if c > 0 {
                shape.push(c);
            }
            let size: usize = shape.iter().product();
            let v8: Vec<u8> = (0..size).map(|k| (k * 37 % 256) as u8).collect();
            let v16: Vec<u16> = (0..size).map(|k| (k * 40503 % 65536) as u16).collect();
            for a in [
                Array::from_shape_vec(&shape, v8).unwrap(),
                Array::from_shape_vec(&shape, v16).unwrap(),
            ] {
                let b = decode_image(&encode_png(&a).unwrap()).unwrap();
                let want: Vec<usize> = if c == 1 { vec![h, w] } else { shape.clone() };
                assert_eq!(b.shape(), &want[..]);
                assert_eq!(b.dtype(), a.dtype());
                assert_eq!(values(&b), values(&a));
                n += 1;
            }
        }
        let bits: Vec<bool> = (0..h * w).map(|k| k % 3 == 0).collect();
        let a = Array::from_shape_vec(&[h, w], bits).unwrap();
        let b = decode_image(&encode_png(&a).unwrap()).unwrap();
        assert_eq!(b.dtype(), DType::Bool);
        assert_eq!(values(&b), values(&a));
        n += 1;
    }
    assert_eq!(n, 33);
}

#[test]
fn png_writes_views_in_any_layout() {
    let v: Vec<u16> = (0..4 * 5 * 3).map(|k| k as u16 * 1000).collect();
    let a = Array::from_shape_vec(&[4, 5, 3], v).unwrap();
    let views = [
        a.slice_axis(0, None, None, -1).unwrap(),
        a.slice_axis(1, Some(1), None, 2).unwrap(),
        a.permute_axes(&[1, 0, 2]).unwrap(),
        a.copy_order(numox::Order::F),
        a.index_axis(2, 1).unwrap(),
    ];
    for view in views {
        let path = std::env::temp_dir().join(format!("numox_io_image_{}.png", std::process::id()));
        write_png(&path, &view).unwrap();
        let b = read_image(&path).unwrap();
        std::fs::remove_file(&path).unwrap();
        assert_eq!(b.shape(), view.shape());
        assert_eq!(values(&b), values(&view));
    }
}

#[test]
fn png_write_errors() {
    let err = |a: &Array| encode_png(a).unwrap_err().to_string();
    assert_eq!(
        err(&numox::array![[1.0f32]]),
        "cannot write an array of dtype float32 as PNG; convert it to uint8 or uint16 first"
    );
    assert_eq!(
        err(&Array::from_shape_vec(&[1, 1], vec![1i32]).unwrap()),
        "cannot write an array of dtype int32 as PNG; convert it to uint8 or uint16 first"
    );
    assert_eq!(
        err(&Array::zeros(&[2, 2, 5], DType::UInt8).unwrap()),
        "cannot write an array of shape (2,2,5) as PNG; it needs shape (H, W) or (H, W, C) with C in 1..4"
    );
    assert_eq!(
        err(&Array::zeros(&[4], DType::UInt8).unwrap()),
        "cannot write an array of shape (4,) as PNG; it needs shape (H, W) or (H, W, C) with C in 1..4"
    );
    assert_eq!(
        err(&Array::scalar(3u8)),
        "cannot write an array of shape () as PNG; it needs shape (H, W) or (H, W, C) with C in 1..4"
    );
    assert_eq!(
        err(&Array::zeros(&[2, 2, 3], DType::Bool).unwrap()),
        "cannot write an array of dtype bool as PNG; convert it to uint8 or uint16 first"
    );
    assert_eq!(
        err(&Array::zeros(&[0, 3], DType::UInt8).unwrap()),
        "cannot write an empty image of shape (0,3) as PNG"
    );
    let dir_err = write_png(std::env::temp_dir(), &numox::array![[1u8]])
        .unwrap_err()
        .to_string();
    assert!(dir_err.starts_with("[Errno 21] "), "{dir_err}");
}
