//! `np.genfromtxt` for numeric CSV with gaps: missing and malformed fields take a filling value,
//! rows with the wrong number of fields raise NumPy's error or are skipped, and a
//! [`GenFromTxtReport`] lists every such field and row.

use super::text_parse::{is_space, parse_py_float};
use super::text_read::{finish_shape, next_line, read_path, skip_lines};
use crate::array::Array;
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::ufunc::engine::new_contiguous;
use std::fmt;
use std::io::Read;
use std::path::Path;

/// The `filling_values` argument of [`genfromtxt`]: what a missing or malformed field becomes.
///
/// ```
/// use numox::io::FillingValues;
/// let f = FillingValues::PerColumn(vec![0.0, -1.0]);
/// assert_ne!(f, FillingValues::One(0.0));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum FillingValues {
    /// NaN for every column (NumPy's default for floats).
    Nan,
    /// One value for every column.
    One(f64),
    /// One value per output column (columns past the end take NaN).
    PerColumn(Vec<f64>),
}

/// The options of [`genfromtxt`], NumPy's keyword arguments (defaults as NumPy's).
///
/// ```
/// let o = numox::io::GenFromTxtOpts::default();
/// assert!(o.invalid_raise);
/// assert_eq!(o.comments.as_deref(), Some("#"));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct GenFromTxtOpts {
    /// The field separator; `None` splits at runs of whitespace.
    pub delimiter: Option<String>,
    /// The comment marker (a line ends at it); `None` for none. Default `"#"`.
    pub comments: Option<String>,
    /// Lines skipped at the start.
    pub skip_header: usize,
    /// Rows dropped at the end (after reading, as NumPy counts them).
    pub skip_footer: usize,
    /// The columns to read, negative ones counting from the end of the first row.
    pub usecols: Option<Vec<isize>>,
    /// float64 (default) or float32.
    pub dtype: DType,
    /// Strings that mark a missing field, besides the empty field.
    pub missing_values: Vec<String>,
    /// What missing and malformed fields become.
    pub filling_values: FillingValues,
    /// Raise NumPy's error for rows with the wrong number of fields (default); when false they
    /// are skipped and reported.
    pub invalid_raise: bool,
    /// The minimum number of dimensions of the result: 0, 1 or 2.
    pub ndmin: usize,
    /// Return the transpose.
    pub unpack: bool,
}

impl Default for GenFromTxtOpts {
    fn default() -> Self {
        GenFromTxtOpts {
            delimiter: None,
            comments: Some("#".into()),
            skip_header: 0,
            skip_footer: 0,
            usecols: None,
            dtype: DType::Float64,
            missing_values: Vec::new(),
            filling_values: FillingValues::Nan,
            invalid_raise: true,
            ndmin: 0,
            unpack: false,
        }
    }
}

/// A field that did not parse: where it is and its text.
///
/// ```
/// let f = numox::io::FieldIssue { line: 3, row: 1, column: 0, text: "abc".into() };
/// assert_eq!(f.to_string(), "line 3, row 1, column 0: 'abc'");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldIssue {
    /// The line in the file, counted from 1.
    pub line: usize,
    /// The row of the result, counted from 0.
    pub row: usize,
    /// The column of the result, counted from 0.
    pub column: usize,
    /// The field as written.
    pub text: String,
}

impl fmt::Display for FieldIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, row {}, column {}: '{}'",
            self.line, self.row, self.column, self.text
        )
    }
}

/// A row left out for having the wrong number of fields, numbered as NumPy's message does.
///
/// ```
/// let r = numox::io::SkippedRow { line: 2, got: 2, expected: 3 };
/// assert_eq!(r.to_string(), "Line #2 (got 2 columns instead of 3)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedRow {
    /// NumPy's line number: `skip_header` + 1 + the line's index counted from the first line
    /// holding data.
    pub line: usize,
    /// The number of fields in the row.
    pub got: usize,
    /// The number expected.
    pub expected: usize,
}

impl fmt::Display for SkippedRow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Line #{} (got {} columns instead of {})",
            self.line, self.got, self.expected
        )
    }
}

/// Everything [`genfromtxt`] filled in or left out.
///
/// ```
/// use numox::io::{genfromtxt_from, GenFromTxtOpts};
/// let o = GenFromTxtOpts { delimiter: Some(",".into()), ..Default::default() };
/// let (_, rep) = genfromtxt_from(&b"1,2\n,x\n"[..], &o).unwrap();
/// assert_eq!(rep.to_string(), "1 missing, 1 malformed, 0 skipped\n  missing line 2, row 1, column 0: ''\n  malformed line 2, row 1, column 1: 'x'\n");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GenFromTxtReport {
    /// Empty fields and fields equal to one of `missing_values`.
    pub missing: Vec<FieldIssue>,
    /// Fields that are neither numbers nor missing markers.
    pub malformed: Vec<FieldIssue>,
    /// Rows skipped (with `invalid_raise` false).
    pub skipped: Vec<SkippedRow>,
}

impl fmt::Display for GenFromTxtReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} missing, {} malformed, {} skipped",
            self.missing.len(),
            self.malformed.len(),
            self.skipped.len()
        )?;
        for m in &self.missing {
            writeln!(f, "  missing {m}")?;
        }
        for m in &self.malformed {
            writeln!(f, "  malformed {m}")?;
        }
        for s in &self.skipped {
            writeln!(f, "  skipped {s}")?;
        }
        Ok(())
    }
}

/// Reads a text file with missing values (`np.genfromtxt`), returning the array and a report.
///
/// ```
/// use numox::io::{genfromtxt, GenFromTxtOpts, FillingValues};
/// let path = std::env::temp_dir().join(format!("numox-doc-gft-{}.csv", std::process::id()));
/// std::fs::write(&path, "1,2,3\n4,,6\n").unwrap();
/// let o = GenFromTxtOpts {
///     delimiter: Some(",".into()),
///     filling_values: FillingValues::One(-1.0),
///     ..Default::default()
/// };
/// let (a, rep) = genfromtxt(&path, &o).unwrap();
/// assert_eq!(a.to_vec::<f64>().unwrap(), vec![1.0, 2.0, 3.0, 4.0, -1.0, 6.0]);
/// assert_eq!(rep.missing.len(), 1);
/// # std::fs::remove_file(&path).unwrap();
/// ```
pub fn genfromtxt(
    path: impl AsRef<Path>,
    opts: &GenFromTxtOpts,
) -> Result<(Array, GenFromTxtReport)> {
    let bytes = read_path(path.as_ref())?;
    gen_bytes(&bytes, opts)
}

/// [`genfromtxt`] on any reader.
///
/// ```
/// use numox::io::{genfromtxt_from, GenFromTxtOpts};
/// let o = GenFromTxtOpts { delimiter: Some(",".into()), ..Default::default() };
/// let err = genfromtxt_from(&b"1,2,3\n4,5\n"[..], &o).unwrap_err();
/// assert_eq!(err.to_string(), "Some errors were detected !\n    Line #2 (got 2 columns instead of 3)");
/// ```
pub fn genfromtxt_from(
    mut reader: impl Read,
    opts: &GenFromTxtOpts,
) -> Result<(Array, GenFromTxtReport)> {
    let mut bytes = Vec::new();
    reader
        .read_to_end(&mut bytes)
        .map_err(|e| Error::Io(e.to_string()))?;
    gen_bytes(&bytes, opts)
}

/// genfromtxt's line splitter: cut the comment, strip `" \r\n"`, split.
fn split_line<'a>(line: &'a [u8], opts: &GenFromTxtOpts, out: &mut Vec<&'a [u8]>) {
    out.clear();
    let mut l = line;
    if let Some(c) = opts.comments.as_deref().filter(|c| !c.is_empty())
        && let Some(p) = l.windows(c.len()).position(|w| w == c.as_bytes())
    {
        l = &l[..p];
    }
    let strip = |b: &u8| matches!(b, b' ' | b'\r' | b'\n');
    let a = l.iter().position(|b| !strip(b)).unwrap_or(l.len());
    let e = l.iter().rposition(|b| !strip(b)).map_or(a, |p| p + 1);
    let l = &l[a..e.max(a)];
    if l.is_empty() {
        return;
    }
    match opts.delimiter.as_deref() {
        None => out.extend(
            l.split(|&b| is_space(b) || b == b'\r' || b == b'\n')
                .filter(|f| !f.is_empty()),
        ),
        Some("") => out.push(l),
        Some(d) => {
            let d = d.as_bytes();
            let mut s = 0;
            let mut i = 0;
            while i + d.len() <= l.len() {
                if &l[i..i + d.len()] == d {
                    out.push(&l[s..i]);
                    i += d.len();
                    s = i;
                } else {
                    i += 1;
                }
            }
            out.push(&l[s..]);
        }
    }
}

fn gen_bytes(b: &[u8], opts: &GenFromTxtOpts) -> Result<(Array, GenFromTxtReport)> {
    if !matches!(opts.dtype, DType::Float64 | DType::Float32) {
        return Err(Error::Value(format!(
            "genfromtxt in numox reads float64 or float32, not {}",
            opts.dtype
        )));
    }
    if opts.ndmin > 2 {
        return Err(Error::Value(format!(
            "Illegal value of ndmin keyword: {}",
            opts.ndmin
        )));
    }
    let mut report = GenFromTxtReport::default();
    let mut pos = skip_lines(b, opts.skip_header);
    let mut fields: Vec<&[u8]> = Vec::new();
    // The first line holding data fixes the number of columns.
    let mut first_ncols = None;
    while pos < b.len() {
        let (end, next) = next_line(b, pos);
        split_line(&b[pos..end], opts, &mut fields);
        if !fields.is_empty() {
            first_ncols = Some(fields.len());
            break;
        }
        pos = next;
    }
    let Some(first_ncols) = first_ncols else {
        let a = new_contiguous(&[0], opts.dtype)?;
        return Ok((a, report));
    };
    let usecols: Option<Vec<usize>> = opts.usecols.as_ref().map(|u| {
        u.iter()
            .map(|&c| {
                if c < 0 {
                    (c + first_ncols as isize).max(0) as usize
                } else {
                    c as usize
                }
            })
            .collect()
    });
    let ncols = usecols.as_ref().map_or(first_ncols, |u| u.len());
    let missing: Vec<&[u8]> = opts
        .missing_values
        .iter()
        .map(|m| m.trim().as_bytes())
        .collect();
    let fill = |col: usize| match &opts.filling_values {
        FillingValues::Nan => f64::NAN,
        FillingValues::One(v) => *v,
        FillingValues::PerColumn(v) => v.get(col).copied().unwrap_or(f64::NAN),
    };
    let mut data: Vec<f64> = Vec::new();
    let mut invalid: Vec<SkippedRow> = Vec::new();
    let mut rows = 0usize;
    let mut i = 0usize;
    let mut issues: Vec<(bool, FieldIssue)> = Vec::new();
    let mut line_no = b[..pos].iter().filter(|&&c| c == b'\n').count();
    while pos < b.len() {
        let (end, next) = next_line(b, pos);
        line_no += 1;
        split_line(&b[pos..end], opts, &mut fields);
        pos = next;
        if fields.is_empty() {
            i += 1;
            continue;
        }
        let n = fields.len();
        let npline = i + opts.skip_header + 1;
        i += 1;
        let picked: Vec<&[u8]> = match &usecols {
            Some(u) => {
                if u.iter().any(|&c| c >= n) {
                    invalid.push(SkippedRow {
                        line: npline,
                        got: n,
                        expected: ncols,
                    });
                    continue;
                }
                u.iter().map(|&c| fields[c]).collect()
            }
            None => {
                if n != ncols {
                    invalid.push(SkippedRow {
                        line: npline,
                        got: n,
                        expected: ncols,
                    });
                    continue;
                }
                fields.clone()
            }
        };
        for (col, f) in picked.iter().enumerate() {
            match parse_py_float(f) {
                Some(v) => data.push(v),
                None => {
                    let t = trim_ascii(f);
                    let is_missing = t.is_empty() || missing.contains(&t);
                    issues.push((
                        is_missing,
                        FieldIssue {
                            line: line_no,
                            row: rows,
                            column: col,
                            text: String::from_utf8_lossy(f).into_owned(),
                        },
                    ));
                    data.push(fill(col));
                }
            }
        }
        rows += 1;
    }
    // NumPy's bookkeeping of invalid rows against skip_footer.
    let mut skip_footer = opts.skip_footer;
    if !invalid.is_empty() {
        let nbrows = (rows + invalid.len()).saturating_sub(skip_footer);
        let skipped = if skip_footer > 0 {
            invalid
                .iter()
                .filter(|r| r.line > nbrows + opts.skip_header)
                .count()
        } else {
            0
        };
        invalid.truncate(invalid.len() - skipped);
        skip_footer = skip_footer.saturating_sub(skipped);
        if !invalid.is_empty() && opts.invalid_raise {
            let lines: Vec<String> = invalid.iter().map(|r| format!("    {r}")).collect();
            return Err(Error::Value(format!(
                "Some errors were detected !\n{}",
                lines.join("\n")
            )));
        }
    }
    report.skipped = invalid;
    let kept = rows.saturating_sub(skip_footer);
    data.truncate(kept * ncols);
    for (is_missing, f) in issues.into_iter().filter(|(_, f)| f.row < kept) {
        if is_missing {
            report.missing.push(f);
        } else {
            report.malformed.push(f);
        }
    }
    let mut a = new_contiguous(&[kept, ncols], opts.dtype)?;
    if opts.dtype == DType::Float32 {
        for (o, v) in a.as_slice_mut::<f32>()?.iter_mut().zip(&data) {
            *o = *v as f32;
        }
    } else {
        a.as_slice_mut::<f64>()?.copy_from_slice(&data);
    }
    Ok((finish_shape(a, opts.ndmin, opts.unpack)?, report))
}

fn trim_ascii(s: &[u8]) -> &[u8] {
    s.trim_ascii()
}
