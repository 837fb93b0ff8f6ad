//! `np.savetxt`: an array written as text, byte for byte as NumPy writes it.

use super::printf::Format;
use crate::array::Array;
use crate::dtype::{Element, Scalar};
use crate::error::{Error, Result};
use std::io::Write;
use std::path::Path;

/// The `fmt` argument of [`savetxt`].
///
/// ```
/// use numox::io::TxtFmt;
/// let one = TxtFmt::from("%.3f");
/// let cols = TxtFmt::PerColumn(vec!["%d".into(), "%.2e".into()]);
/// assert_ne!(one, cols);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum TxtFmt {
    /// One string: a single conversion applied to every column (joined by the delimiter), or a
    /// whole-row format with one conversion per column (two per column for complex data).
    One(String),
    /// One format per column, joined by the delimiter.
    PerColumn(Vec<String>),
}

impl From<&str> for TxtFmt {
    fn from(s: &str) -> TxtFmt {
        TxtFmt::One(s.to_string())
    }
}

/// The options of [`savetxt`], NumPy's keyword arguments (defaults as NumPy's).
///
/// ```
/// let o = numox::io::SaveTxtOpts::default();
/// assert_eq!(o.fmt, numox::io::TxtFmt::One("%.18e".into()));
/// assert_eq!((o.delimiter.as_str(), o.newline.as_str(), o.comments.as_str()), (" ", "\n", "# "));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct SaveTxtOpts {
    /// The printf-style format (Python's `%` operator), default `"%.18e"`.
    pub fmt: TxtFmt,
    /// Written between columns (default `" "`).
    pub delimiter: String,
    /// Written after each row (default `"\n"`).
    pub newline: String,
    /// Written first, each of its lines prefixed with `comments` (nothing when empty).
    pub header: String,
    /// Written last, each of its lines prefixed with `comments` (nothing when empty).
    pub footer: String,
    /// The prefix of the header and footer lines (default `"# "`).
    pub comments: String,
}

impl Default for SaveTxtOpts {
    fn default() -> Self {
        SaveTxtOpts {
            fmt: TxtFmt::One("%.18e".into()),
            delimiter: " ".into(),
            newline: "\n".into(),
            header: String::new(),
            footer: String::new(),
            comments: "# ".into(),
        }
    }
}

/// Writes a 1-D or 2-D array to a text file (`np.savetxt`).
///
/// ```
/// use numox::io::{savetxt, SaveTxtOpts};
/// let path = std::env::temp_dir().join(format!("numox-doc-savetxt-{}.txt", std::process::id()));
/// let opts = SaveTxtOpts { fmt: "%d".into(), delimiter: ",".into(), ..Default::default() };
/// savetxt(&path, &numox::array![[1, 2], [3, 4]], &opts).unwrap();
/// assert_eq!(std::fs::read_to_string(&path).unwrap(), "1,2\n3,4\n");
/// # std::fs::remove_file(&path).unwrap();
/// ```
pub fn savetxt(path: impl AsRef<Path>, a: &Array, opts: &SaveTxtOpts) -> Result<()> {
    let path = path.as_ref();
    let mut buf = Vec::new();
    savetxt_to(&mut buf, a, opts)?;
    std::fs::write(path, buf).map_err(|e| Error::Io(format!("{}: {e}", path.display())))
}

/// Writes a 1-D or 2-D array as text to any writer (`np.savetxt` on a file object).
///
/// ```
/// use numox::io::{savetxt_to, SaveTxtOpts};
/// let mut out = Vec::new();
/// savetxt_to(&mut out, &numox::array![0.5, -2.0], &SaveTxtOpts::default()).unwrap();
/// assert_eq!(out, b"5.000000000000000000e-01\n-2.000000000000000000e+00\n");
/// let err = savetxt_to(&mut out, &numox::Array::scalar(1.0), &SaveTxtOpts::default());
/// assert_eq!(err.unwrap_err().to_string(), "Expected 1D or 2D array, got 0D array instead");
/// ```
pub fn savetxt_to(mut w: impl Write, a: &Array, opts: &SaveTxtOpts) -> Result<()> {
    if a.ndim() == 0 || a.ndim() > 2 {
        return Err(Error::Value(format!(
            "Expected 1D or 2D array, got {}D array instead",
            a.ndim()
        )));
    }
    let (nrows, ncol) = if a.ndim() == 1 {
        (a.shape()[0], 1)
    } else {
        (a.shape()[0], a.shape()[1])
    };
    let complex = a.dtype().is_complex();
    let format = row_format(&opts.fmt, &opts.delimiter, ncol, complex)?;
    let io = |e: std::io::Error| Error::Io(e.to_string());
    if !opts.header.is_empty() {
        let h = opts.header.replace('\n', &format!("\n{}", opts.comments));
        write!(w, "{}{h}{}", opts.comments, opts.newline).map_err(io)?;
    }
    let values: Vec<Scalar> = crate::dispatch_dtype!(a.dtype(), T => a.to_vec::<T>()?.into_iter().map(|v| v.into_scalar()).collect());
    let mut row: Vec<Scalar> = Vec::with_capacity(2 * ncol);
    let mut line = String::new();
    for r in 0..nrows {
        row.clear();
        for v in &values[r * ncol..(r + 1) * ncol] {
            match *v {
                Scalar::Complex64(c) => row.extend([Scalar::Float32(c.re), Scalar::Float32(c.im)]),
                Scalar::Complex128(c) => row.extend([Scalar::Float64(c.re), Scalar::Float64(c.im)]),
                other => row.push(other),
            }
        }
        line.clear();
        format.write(&row, &mut line).map_err(|e| {
            e.unwrap_or_else(|| {
                Error::DType(format!(
                    "Mismatch between array dtype ('{}') and format specifier ('{}')",
                    a.dtype(),
                    format.text
                ))
            })
        })?;
        line.push_str(&opts.newline);
        if complex {
            line = line.replace("+-", "-");
        }
        w.write_all(line.as_bytes()).map_err(io)?;
    }
    if !opts.footer.is_empty() {
        let f = opts.footer.replace('\n', &format!("\n{}", opts.comments));
        write!(w, "{}{f}{}", opts.comments, opts.newline).map_err(io)?;
    }
    Ok(())
}

struct RowFormat {
    fmt: Format,
    text: String,
}

impl RowFormat {
    fn write(&self, v: &[Scalar], out: &mut String) -> std::result::Result<(), Option<Error>> {
        self.fmt.write(v, out)
    }
}

/// NumPy's rules for turning `fmt` into one format for a whole row.
fn row_format(fmt: &TxtFmt, delimiter: &str, ncol: usize, complex: bool) -> Result<RowFormat> {
    let text = match fmt {
        TxtFmt::PerColumn(v) => {
            if v.len() != ncol {
                let items: Vec<String> = v.iter().map(|s| format!("'{s}'")).collect();
                return Err(Error::Value(format!(
                    "fmt has wrong shape.  [{}]",
                    items.join(", ")
                )));
            }
            v.join(delimiter)
        }
        TxtFmt::One(f) => {
            let n = f.matches('%').count();
            let bad = || Error::Value(format!("fmt has wrong number of % formats:  {f}"));
            if n == 1 {
                let one = if complex {
                    format!(" ({f}+{f}j)")
                } else {
                    f.clone()
                };
                vec![one; ncol].join(delimiter)
            } else if (complex && n != 2 * ncol) || (!complex && n != ncol) {
                return Err(bad());
            } else {
                f.clone()
            }
        }
    };
    Ok(RowFormat {
        fmt: Format::parse(&text)?,
        text,
    })
}
