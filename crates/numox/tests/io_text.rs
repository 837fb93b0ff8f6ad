//! Text I/O against NumPy: `np.loadtxt` and `np.genfromtxt` results on the committed inputs,
//! `np.savetxt` output byte for byte, and NumPy's error messages (scripts/golden/io_text.py).

use numox::io::{
    genfromtxt, genfromtxt_from, loadtxt, loadtxt_from, read_npy, savetxt_to, FillingValues,
    GenFromTxtOpts, LoadTxtOpts, SaveTxtOpts, TxtFmt,
};
use numox::{Array, DType};
use std::path::PathBuf;

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/io_text")
        .join(name)
}

fn unquote(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            let h = u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap();
            out.push(h);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

struct Case {
    name: String,
    input: String,
    opts: Vec<(String, String)>,
    result: String,
}

impl Case {
    fn get(&self, k: &str) -> Option<&str> {
        self.opts
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.as_str())
    }
    fn all(&self, k: &str) -> Vec<String> {
        self.opts
            .iter()
            .filter(|(key, _)| key == k)
            .map(|(_, v)| v.clone())
            .collect()
    }
    fn num<T: std::str::FromStr>(&self, k: &str) -> Option<T>
    where
        T::Err: std::fmt::Debug,
    {
        self.get(k).map(|v| v.parse().unwrap())
    }
    fn cols(&self) -> Option<Vec<isize>> {
        self.get("usecols").map(|v| {
            v.split(',')
                .filter(|x| !x.is_empty())
                .map(|x| x.parse().unwrap())
                .collect()
        })
    }
}

fn manifest(name: &str) -> Vec<Case> {
    std::fs::read_to_string(data(name))
        .unwrap()
        .lines()
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let opts = f[2]
                .split('&')
                .filter(|x| !x.is_empty())
                .map(|kv| {
                    let (k, v) = kv.split_once('=').unwrap();
                    (k.to_string(), unquote(v))
                })
                .collect();
            Case {
                name: f[0].into(),
                input: f[1].into(),
                opts,
                result: f[3].into(),
            }
        })
        .collect()
}

/// Equal dtype, shape and bits (any NaN equals any NaN).
fn assert_same(got: &Array, want: &Array, ctx: &str) {
    assert_eq!(got.dtype(), want.dtype(), "dtype, {ctx}");
    assert_eq!(got.shape(), want.shape(), "shape, {ctx}");
    let real = |a: &Array| -> Vec<f64> {
        let a = if a.dtype().is_complex() {
            let v = a.to_vec::<numox::Complex64>();
            let v = v.unwrap_or_else(|_| {
                a.to_vec::<numox::Complex32>()
                    .unwrap()
                    .into_iter()
                    .map(|c| numox::Complex64::new(c.re as f64, c.im as f64))
                    .collect()
            });
            return v.into_iter().flat_map(|c| [c.re, c.im]).collect();
        } else {
            a.astype_with(DType::Float64, numox::Casting::Unsafe)
                .unwrap()
        };
        a.to_vec::<f64>().unwrap()
    };
    if got.dtype().is_integer() {
        let g = got
            .astype_with(DType::Int64, numox::Casting::Unsafe)
            .unwrap();
        let w = want
            .astype_with(DType::Int64, numox::Casting::Unsafe)
            .unwrap();
        assert_eq!(
            g.to_vec::<i64>().unwrap(),
            w.to_vec::<i64>().unwrap(),
            "{ctx}"
        );
        return;
    }
    for (k, (g, w)) in real(got).iter().zip(real(want)).enumerate() {
        assert!(
            g.to_bits() == w.to_bits() || (g.is_nan() && w.is_nan()),
            "element {k}: {g:e} != {w:e}, {ctx}"
        );
    }
}

fn load_opts(c: &Case) -> LoadTxtOpts {
    let comments = if c.get("comments_none").is_some() {
        Vec::new()
    } else if c.get("comments").is_some() {
        c.all("comments")
    } else {
        vec!["#".into()]
    };
    LoadTxtOpts {
        delimiter: c.get("delimiter").map(String::from),
        comments,
        skiprows: c.num("skiprows").unwrap_or(0),
        usecols: c.cols(),
        dtype: c
            .get("dtype")
            .map_or(DType::Float64, |d| d.parse().unwrap()),
        max_rows: c.num("max_rows"),
        ndmin: c.num("ndmin").unwrap_or(0),
        unpack: c.get("unpack") == Some("1"),
        quotechar: c.get("quotechar").and_then(|q| q.chars().next()),
    }
}

fn check_result(got: numox::Result<Array>, c: &Case) -> bool {
    let ctx = format!("case {}", c.name);
    if let Some(msg) = c.result.strip_prefix("ERR:") {
        assert_eq!(
            got.err().map(|e| e.to_string()),
            Some(unquote(msg)),
            "{ctx}"
        );
        return true;
    }
    let want = read_npy(data(c.result.strip_prefix("npy:").unwrap())).unwrap();
    let got = got.unwrap_or_else(|e| panic!("{e}: {ctx}"));
    assert_same(&got, &want, &ctx);
    false
}

#[test]
fn loadtxt_matches_numpy() {
    let (mut n, mut errs) = (0, 0);
    for c in manifest("loadtxt.txt") {
        let opts = load_opts(&c);
        let got = loadtxt(data(&c.input), &opts);
        // The reader entry point gives the same answer as the path one.
        let bytes = std::fs::read(data(&c.input)).unwrap();
        let again = loadtxt_from(&bytes[..], &opts);
        assert_eq!(
            got.as_ref()
                .map(|a| a.shape().to_vec())
                .map_err(|e| e.to_string()),
            again
                .as_ref()
                .map(|a| a.shape().to_vec())
                .map_err(|e| e.to_string()),
            "{}",
            c.name
        );
        errs += check_result(got, &c) as usize;
        n += 1;
    }
    assert!(n >= 120, "{n} cases");
    assert!(errs >= 50, "{errs} error cases");
}

#[test]
fn genfromtxt_matches_numpy() {
    let mut n = 0;
    for c in manifest("genfromtxt.txt") {
        let fills: Vec<f64> = c
            .all("filling_values")
            .iter()
            .map(|x| x.parse().unwrap())
            .collect();
        let filling = match fills.as_slice() {
            [] => FillingValues::Nan,
            [v] => FillingValues::One(*v),
            _ => FillingValues::PerColumn(fills),
        };
        let opts = GenFromTxtOpts {
            delimiter: c.get("delimiter").map(String::from),
            skip_header: c.num("skip_header").unwrap_or(0),
            skip_footer: c.num("skip_footer").unwrap_or(0),
            usecols: c.cols(),
            dtype: c
                .get("dtype")
                .map_or(DType::Float64, |d| d.parse().unwrap()),
            missing_values: c.all("missing_values"),
            filling_values: filling,
            invalid_raise: c.get("invalid_raise") != Some("0"),
            ndmin: c.num("ndmin").unwrap_or(0),
            unpack: c.get("unpack") == Some("1"),
            ..Default::default()
        };
        check_result(genfromtxt(data(&c.input), &opts).map(|r| r.0), &c);
        n += 1;
    }
    assert!(n >= 28, "{n} cases");
}

#[test]
fn savetxt_matches_numpy_byte_for_byte() {
    let (mut n, mut errs) = (0, 0);
    for c in manifest("savetxt.txt") {
        let a = read_npy(data(&c.input)).unwrap();
        let d = SaveTxtOpts::default();
        let cols = c.all("fmtcol");
        let opts = SaveTxtOpts {
            fmt: if cols.is_empty() {
                c.get("fmt").map_or(d.fmt.clone(), TxtFmt::from)
            } else {
                TxtFmt::PerColumn(cols.clone())
            },
            delimiter: c.get("delimiter").map_or(d.delimiter.clone(), String::from),
            newline: c.get("newline").map_or(d.newline.clone(), String::from),
            header: c.get("header").map_or(d.header.clone(), String::from),
            footer: c.get("footer").map_or(d.footer.clone(), String::from),
            comments: c.get("comments").map_or(d.comments.clone(), String::from),
        };
        let mut out = Vec::new();
        let got = savetxt_to(&mut out, &a, &opts);
        n += 1;
        if let Some(msg) = c.result.strip_prefix("ERR:") {
            assert_eq!(
                got.err().map(|e| e.to_string()),
                Some(unquote(msg)),
                "case {}",
                c.name
            );
            errs += 1;
            continue;
        }
        got.unwrap_or_else(|e| panic!("{e}: case {}", c.name));
        let want = std::fs::read(data(c.result.strip_prefix("txt:").unwrap())).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&out),
            String::from_utf8_lossy(&want),
            "case {}",
            c.name
        );
        // What numox writes with its default format, numox reads back unchanged.
        if c.get("fmt").is_none() && cols.is_empty() && a.size() > 0 && a.ndim() <= 2 {
            let back = loadtxt_from(
                &out[..],
                &LoadTxtOpts {
                    dtype: a.dtype(),
                    ndmin: a.ndim(),
                    ..Default::default()
                },
            );
            if a.dtype() != DType::Bool && !a.dtype().is_integer() {
                assert_same(&back.unwrap(), &a, &format!("round trip {}", c.name));
            }
        }
    }
    assert!(n >= 90, "{n} cases");
    assert!(errs >= 9, "{errs} error cases");
}

/// A large input takes the parallel path; it must give what the one-thread path gives
/// (`max_rows` forces that path), and its errors must carry the row of the whole file.
#[test]
fn parallel_parse_equals_sequential() {
    let rows = 40_000;
    let v: Vec<f64> = (0..rows * 7)
        .map(|k| ((k as f64) * 0.618_033_988_7).sin() * 10f64.powi((k % 21) as i32 - 10))
        .collect();
    let a = Array::from_shape_vec(&[rows, 7], v).unwrap();
    let mut text = Vec::new();
    let opts_w = SaveTxtOpts {
        delimiter: ",".into(),
        ..Default::default()
    };
    savetxt_to(&mut text, &a, &opts_w).unwrap();
    assert!(text.len() > 1 << 20);
    let par = LoadTxtOpts {
        delimiter: Some(",".into()),
        ..Default::default()
    };
    let seq = LoadTxtOpts {
        max_rows: Some(usize::MAX),
        ..par.clone()
    };
    let p = loadtxt_from(&text[..], &par).unwrap();
    let s = loadtxt_from(&text[..], &seq).unwrap();
    assert_same(&p, &a, "parallel");
    assert_same(&s, &a, "sequential");
    // An error late in the file reports its row as the one-thread path does.
    let mut bad = text.clone();
    let at = bad.len() - 30;
    bad[at] = b'x';
    let ep = loadtxt_from(&bad[..], &par).unwrap_err().to_string();
    let es = loadtxt_from(&bad[..], &seq).unwrap_err().to_string();
    assert_eq!(ep, es);
    assert!(ep.contains(&format!("at row {}", rows - 1)), "{ep}");
    // A short row in the middle: the column count error names the row.
    let mut short = text.clone();
    let mid = short.len() / 2;
    let nl = mid + short[mid..].iter().position(|&b| b == b'\n').unwrap() + 1;
    let comma = nl + short[nl..].iter().position(|&b| b == b',').unwrap();
    short.truncate(comma);
    short.extend_from_slice(b"\n1,2,3,4,5,6,7\n");
    let line = short[..nl].iter().filter(|&&b| b == b'\n').count() + 1;
    assert_eq!(
        loadtxt_from(&short[..], &par).unwrap_err().to_string(),
        format!(
            "the number of columns changed from 7 to 1 at row {line}; use `usecols` to select a subset and avoid this error"
        )
    );
}

#[test]
fn genfromtxt_report_lists_every_field_and_row() {
    let text = b"1,2,3\n4,,6\n7,abc,9\n1,2\n5,N/A,5\n";
    let opts = GenFromTxtOpts {
        delimiter: Some(",".into()),
        missing_values: vec!["N/A".into()],
        invalid_raise: false,
        ..Default::default()
    };
    let (a, rep) = genfromtxt_from(&text[..], &opts).unwrap();
    assert_eq!(a.shape(), &[4, 3]);
    let lines: Vec<(usize, usize, usize)> = rep
        .missing
        .iter()
        .map(|f| (f.line, f.row, f.column))
        .collect();
    assert_eq!(lines, vec![(2, 1, 1), (5, 3, 1)]);
    assert_eq!(rep.malformed.len(), 1);
    assert_eq!(
        (rep.malformed[0].line, rep.malformed[0].text.as_str()),
        (3, "abc")
    );
    assert_eq!(rep.skipped.len(), 1);
    assert_eq!(
        rep.skipped[0].to_string(),
        "Line #4 (got 2 columns instead of 3)"
    );
    assert!(rep
        .to_string()
        .starts_with("2 missing, 1 malformed, 1 skipped\n"));
}

#[test]
fn malformed_input_never_panics() {
    let cases: [&[u8]; 8] = [
        b"\xff\xfe1,2\n",
        b"\"",
        b"\"\"\"\n,,,\n",
        b"\r\r\r\n\n",
        b"1e999999999999999999999\n",
        b"99999999999999999999999999999999999999999\n",
        b"(\n)\n",
        b"#\n#\n#",
    ];
    for dt in DType::ALL {
        for q in [None, Some('"')] {
            for d in [None, Some(",".to_string())] {
                let o = LoadTxtOpts {
                    delimiter: d.clone(),
                    dtype: dt,
                    quotechar: q,
                    ..Default::default()
                };
                for c in cases {
                    if let Err(e) = loadtxt_from(c, &o) {
                        assert!(matches!(e, numox::Error::Value(_)), "{e:?}");
                    }
                }
            }
        }
    }
    for c in cases {
        // Every field that is not a number becomes NaN; nothing here raises.
        let (a, _) = genfromtxt_from(c, &GenFromTxtOpts::default()).unwrap();
        assert_eq!(a.dtype(), DType::Float64);
    }
}
