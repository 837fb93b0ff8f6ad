//! `np.loadtxt`: a delimited text file into an array, with NumPy 2's shape rules and errors.
//!
//! Large inputs parse on every core: the text splits at line starts into chunks, each chunk
//! parses into its own vector, and the chunks join in order; the first error in file order wins,
//! with the row number NumPy reports.

use super::text_parse::{control_char, Dialect, TextElem};
use crate::array::Array;
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::ufunc::engine::new_contiguous;
use rayon::prelude::*;
use std::io::Read;
use std::path::Path;

/// Inputs at least this long (bytes) parse in parallel.
const PAR_MIN: usize = 1 << 18;

/// The options of [`loadtxt`], NumPy's keyword arguments (defaults as NumPy's).
///
/// ```
/// let o = numox::io::LoadTxtOpts { delimiter: Some(",".into()), ..Default::default() };
/// assert_eq!(o.comments, vec!["#".to_string()]);
/// assert_eq!(o.dtype, numox::DType::Float64);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct LoadTxtOpts {
    /// The field separator, one character; `None` splits at runs of whitespace.
    pub delimiter: Option<String>,
    /// Comment markers (a line ends at the first one); empty for none. Default `["#"]`.
    pub comments: Vec<String>,
    /// Lines skipped at the start (counted before comments and blank lines are dropped).
    pub skiprows: usize,
    /// The columns to read, negative ones counting from the end; `None` reads all.
    pub usecols: Option<Vec<isize>>,
    /// The element type (default float64).
    pub dtype: DType,
    /// Read at most this many rows of data (blank and comment lines do not count).
    pub max_rows: Option<usize>,
    /// The minimum number of dimensions of the result: 0, 1 or 2.
    pub ndmin: usize,
    /// Return the transpose, so that columns come out as rows.
    pub unpack: bool,
    /// The quote character: a field starting with it may hold delimiters and comment markers,
    /// and a doubled quote inside stands for one. `None` (default) disables quoting.
    pub quotechar: Option<char>,
}

impl Default for LoadTxtOpts {
    fn default() -> Self {
        LoadTxtOpts {
            delimiter: None,
            comments: vec!["#".to_string()],
            skiprows: 0,
            usecols: None,
            dtype: DType::Float64,
            max_rows: None,
            ndmin: 0,
            unpack: false,
            quotechar: None,
        }
    }
}

/// Reads a text file into an array (`np.loadtxt`).
///
/// ```
/// let path = std::env::temp_dir().join(format!("numox-doc-loadtxt-{}.csv", std::process::id()));
/// std::fs::write(&path, "1,2,3\n4,5,6\n").unwrap();
/// let opts = numox::io::LoadTxtOpts { delimiter: Some(",".into()), ..Default::default() };
/// let a = numox::io::loadtxt(&path, &opts).unwrap();
/// assert_eq!(a.shape(), &[2, 3]);
/// assert_eq!(a.to_vec::<f64>().unwrap(), vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);
/// # std::fs::remove_file(&path).unwrap();
/// ```
pub fn loadtxt(path: impl AsRef<Path>, opts: &LoadTxtOpts) -> Result<Array> {
    let bytes = read_path(path.as_ref())?;
    load_bytes(&bytes, opts)
}

/// Reads text from any reader into an array (`np.loadtxt` on a file object).
///
/// ```
/// use numox::io::{loadtxt_from, LoadTxtOpts};
/// let a = loadtxt_from(&b"# x y\n1 2\n3 4\n"[..], &LoadTxtOpts::default()).unwrap();
/// assert_eq!(a.shape(), &[2, 2]);
/// let err = loadtxt_from(&b"1 2\n3 x\n"[..], &LoadTxtOpts::default()).unwrap_err();
/// assert_eq!(err.to_string(), "could not convert string 'x' to float64 at row 1, column 2.");
/// ```
pub fn loadtxt_from(mut reader: impl Read, opts: &LoadTxtOpts) -> Result<Array> {
    let mut bytes = Vec::new();
    reader
        .read_to_end(&mut bytes)
        .map_err(|e| Error::Io(e.to_string()))?;
    load_bytes(&bytes, opts)
}

pub(crate) fn read_path(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| Error::Io(format!("{}: {e}", path.display())))
}

/// Builds the dialect from NumPy-style arguments, with NumPy's checks.
pub(crate) fn dialect(
    delimiter: Option<&str>,
    comments: &[String],
    quotechar: Option<char>,
) -> Result<Dialect> {
    let delim = delimiter.map(control_char).transpose()?;
    let quote = quotechar
        .map(|c| control_char(c.encode_utf8(&mut [0; 4])))
        .transpose()?;
    let comments: Vec<Vec<u8>> = comments
        .iter()
        .filter(|c| !c.is_empty())
        .map(|c| c.as_bytes().to_vec())
        .collect();
    if let Some(d) = delim
        && comments.iter().any(|c| c.len() == 1 && c[0] == d)
    {
        return Err(Error::Value(
            "The values for control characters 'comment' and 'delimiter' are incompatible".into(),
        ));
    }
    Ok(Dialect {
        delim,
        comments,
        quote,
    })
}

/// The byte offset after the first `n` lines.
pub(crate) fn skip_lines(b: &[u8], n: usize) -> usize {
    let mut pos = 0;
    for _ in 0..n {
        if pos >= b.len() {
            break;
        }
        pos = next_line(b, pos).1;
    }
    pos
}

/// The line starting at `pos`: (end of its content, start of the next line). A line ends at
/// `\n`, `\r\n` or a lone `\r` (universal newlines).
#[inline]
pub(crate) fn next_line(b: &[u8], pos: usize) -> (usize, usize) {
    match b[pos..].iter().position(|&c| c == b'\n' || c == b'\r') {
        None => (b.len(), b.len()),
        Some(k) => {
            let e = pos + k;
            if b[e] == b'\r' && b.get(e + 1) == Some(&b'\n') {
                (e, e + 2)
            } else {
                (e, e + 1)
            }
        }
    }
}

/// Python's `repr()` of a str, as NumPy's error messages quote the field.
pub(crate) fn py_repr(bytes: &[u8]) -> String {
    let s = String::from_utf8_lossy(bytes);
    let q = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(q);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push(q);
    out
}

enum RowErr {
    Cols { from: usize, to: usize },
    Usecol { idx: isize, ncols: usize },
    Conv { text: String, col: usize },
}

struct Chunk<T> {
    data: Vec<T>,
    rows: usize,
    first_ncols: Option<usize>,
    err: Option<(usize, RowErr)>,
}

fn parse_chunk<T: TextElem>(
    b: &[u8],
    d: &Dialect,
    usecols: Option<&[isize]>,
    max_rows: Option<usize>,
) -> Chunk<T> {
    let mut out = Chunk {
        data: Vec::new(),
        rows: 0,
        first_ncols: None,
        err: None,
    };
    let mut fields: Vec<(usize, usize)> = Vec::new();
    let mut scratch = Vec::new();
    let mut pos = 0;
    while pos < b.len() {
        if max_rows.is_some_and(|m| out.rows >= m) {
            break;
        }
        let (end, next) = match d.quote {
            Some(q) => d.quoted_line_end(b, pos, q),
            None => next_line(b, pos),
        };
        let line = if d.quote.is_some() {
            &b[pos..end]
        } else {
            d.cut_comment(&b[pos..end])
        };
        pos = next;
        let in_scratch = d.split(line, &mut fields, &mut scratch);
        if fields.is_empty() {
            continue;
        }
        let base: &[u8] = if in_scratch { &scratch } else { line };
        let n = fields.len();
        let row = out.rows;
        let conv = |col: usize, data: &mut Vec<T>| -> Option<RowErr> {
            let (s, e) = fields[col];
            match T::parse_text(&base[s..e]) {
                Some(v) => {
                    data.push(v);
                    None
                }
                None => Some(RowErr::Conv {
                    text: py_repr(&base[s..e]),
                    col: col + 1,
                }),
            }
        };
        match usecols {
            None => {
                match out.first_ncols {
                    None => out.first_ncols = Some(n),
                    Some(f) if f != n => {
                        out.err = Some((row, RowErr::Cols { from: f, to: n }));
                        return out;
                    }
                    _ => {}
                }
                for col in 0..n {
                    if let Some(e) = conv(col, &mut out.data) {
                        out.err = Some((row, e));
                        return out;
                    }
                }
            }
            Some(uc) => {
                for &idx in uc {
                    let k = if idx < 0 { idx + n as isize } else { idx };
                    if k < 0 || k >= n as isize {
                        out.err = Some((row, RowErr::Usecol { idx, ncols: n }));
                        return out;
                    }
                    if let Some(e) = conv(k as usize, &mut out.data) {
                        out.err = Some((row, e));
                        return out;
                    }
                }
            }
        }
        out.rows += 1;
    }
    out
}

fn row_error(row: usize, e: RowErr, dtype: DType) -> Error {
    Error::Value(match e {
        RowErr::Cols { from, to } => format!(
            "the number of columns changed from {from} to {to} at row {}; use `usecols` to select a subset and avoid this error",
            row + 1
        ),
        RowErr::Usecol { idx, ncols } => format!(
            "invalid column index {idx} at row {} with {ncols} columns",
            row + 1
        ),
        RowErr::Conv { text, col } => {
            format!("could not convert string {text} to {dtype} at row {row}, column {col}.")
        }
    })
}

/// Splits `b` into about `k` pieces that each start at a line start.
pub(crate) fn line_chunks(b: &[u8], k: usize) -> Vec<&[u8]> {
    let mut out = Vec::with_capacity(k);
    let step = b.len().div_ceil(k.max(1)).max(1);
    let mut start = 0;
    while start < b.len() {
        let mut end = (start + step).min(b.len());
        if end < b.len() {
            end = match b[end..].iter().position(|&c| c == b'\n') {
                Some(p) => end + p + 1,
                None => b.len(),
            };
        }
        out.push(&b[start..end]);
        start = end;
    }
    out
}

fn load_typed<T: TextElem>(b: &[u8], d: &Dialect, opts: &LoadTxtOpts) -> Result<Array> {
    let usecols = opts.usecols.as_deref();
    let parallel = d.quote.is_none()
        && opts.max_rows.is_none()
        && b.len() >= PAR_MIN
        && rayon::current_num_threads() > 1;
    let chunks: Vec<Chunk<T>> = if parallel {
        line_chunks(b, rayon::current_num_threads() * 4)
            .into_par_iter()
            .map(|c| parse_chunk::<T>(c, d, usecols, None))
            .collect()
    } else {
        vec![parse_chunk::<T>(b, d, usecols, opts.max_rows)]
    };
    let mut chunks = chunks;
    let mut global: Option<usize> = None;
    let mut rows = 0;
    for c in &mut chunks {
        if usecols.is_none()
            && let Some(f) = c.first_ncols
        {
            match global {
                Some(g) if g != f => {
                    return Err(row_error(rows, RowErr::Cols { from: g, to: f }, T::DTYPE));
                }
                _ => global = Some(f),
            }
        }
        if let Some((r, e)) = c.err.take() {
            return Err(row_error(rows + r, e, T::DTYPE));
        }
        rows += c.rows;
    }
    let ncols = match usecols {
        Some(u) => u.len(),
        None => global.unwrap_or(1),
    };
    let mut a = new_contiguous(&[rows, ncols], T::DTYPE)?;
    let out = a.as_slice_mut::<T>()?;
    let mut at = 0;
    for c in &chunks {
        out[at..at + c.data.len()].copy_from_slice(&c.data);
        at += c.data.len();
    }
    finish_shape(a, opts.ndmin, opts.unpack)
}

/// NumPy's `_ensure_ndmin_ndarray` then `unpack`: squeeze down to `ndmin` dimensions (or pad up
/// to it, a 1-D result becoming one column), then transpose if asked.
pub(crate) fn finish_shape(a: Array, ndmin: usize, unpack: bool) -> Result<Array> {
    if ndmin > 2 {
        return Err(Error::Value(format!(
            "Illegal value of ndmin keyword: {ndmin}"
        )));
    }
    let mut shape: Vec<usize> = a.shape().to_vec();
    if shape.len() > ndmin {
        shape.retain(|&n| n != 1);
    }
    if shape.len() < ndmin {
        shape = match (ndmin, shape.as_slice()) {
            (1, _) => vec![1],
            (_, [n]) => vec![*n, 1],
            _ => vec![1, 1],
        };
    }
    let dims: Vec<isize> = shape.iter().map(|&n| n as isize).collect();
    let a = a.reshape(&dims)?;
    Ok(if unpack { a.t() } else { a })
}

fn load_bytes(bytes: &[u8], opts: &LoadTxtOpts) -> Result<Array> {
    if opts.ndmin > 2 {
        return Err(Error::Value(format!(
            "Illegal value of ndmin keyword: {}",
            opts.ndmin
        )));
    }
    let d = dialect(opts.delimiter.as_deref(), &opts.comments, opts.quotechar)?;
    let body = &bytes[skip_lines(bytes, opts.skiprows)..];
    crate::dispatch_dtype!(opts.dtype, T => load_typed::<T>(body, &d, opts))
}
