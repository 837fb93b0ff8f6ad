//! What the projects share: the error type, settings, summaries, data loading helpers and
//! progress bars.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use numox::io::{loadtxt, LoadTxtOpts};
use numox::{Array, DType};
use std::path::PathBuf;

/// The demo's error: a message (numox, I/O and plotting errors are turned into their text).
#[derive(Debug)]
pub struct DemoError(pub String);

impl std::fmt::Display for DemoError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<numox::Error> for DemoError {
    fn from(e: numox::Error) -> Self {
        DemoError(e.to_string())
    }
}
impl From<std::io::Error> for DemoError {
    fn from(e: std::io::Error) -> Self {
        DemoError(e.to_string())
    }
}
impl From<String> for DemoError {
    fn from(e: String) -> Self {
        DemoError(e)
    }
}
impl From<&str> for DemoError {
    fn from(e: &str) -> Self {
        DemoError(e.to_string())
    }
}

pub type Res<T> = Result<T, DemoError>;

/// How much work the projects do.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// Fewer epochs and samples, so that all projects run in a few seconds in a debug build.
    pub reduced: bool,
}

/// What a project computed: named metrics and the files it wrote.
#[derive(Debug, Clone)]
pub struct Summary {
    pub project: &'static str,
    pub metrics: Vec<(String, f64)>,
    pub files: Vec<PathBuf>,
}

impl Summary {
    pub fn new(project: &'static str) -> Summary {
        Summary {
            project,
            metrics: Vec::new(),
            files: Vec::new(),
        }
    }

    pub fn metric(&mut self, name: &str, v: f64) {
        self.metrics.push((name.to_string(), v));
    }

    /// The metric of that name (NaN when missing, so that comparisons fail).
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn get(&self, name: &str) -> f64 {
        self.metrics
            .iter()
            .find(|(n, _)| n == name)
            .map_or(f64::NAN, |(_, v)| *v)
    }
}

/// Reads a CSV / whitespace table from `data/` as float64.
pub fn load_table(file: &str, delimiter: Option<&str>, skiprows: usize) -> Res<Array> {
    let path = crate::data::data_dir().join(file);
    let opts = LoadTxtOpts {
        delimiter: delimiter.map(str::to_string),
        skiprows,
        ..Default::default()
    };
    loadtxt(&path, &opts).map_err(|e| DemoError(format!("{file}: {e}")))
}

/// Splits a table into its first `d` columns (features, float64) and column `d` (int64 labels).
pub fn features_labels(t: &Array, d: usize) -> Res<(Array, Array)> {
    let x = t.slice_axis(1, None, Some(d as isize), 1)?.copy();
    let y = t.index_axis(1, d as isize)?.astype(DType::Int64)?;
    Ok((x, y))
}

/// The elements as float64 values.
pub fn f64s(a: &Array) -> Res<Vec<f64>> {
    Ok(a.astype(DType::Float64)?.to_vec::<f64>()?)
}

/// A float array's single value.
pub fn scalar(a: &Array) -> Res<f64> {
    Ok(a.astype(DType::Float64)?.item_as::<f64>()?)
}

/// A progress bar over `n` steps (hidden when `hidden`, e.g. in the reduced runs of the tests).
pub fn progress(label: &str, n: u64, hidden: bool) -> Res<ProgressBar> {
    let pb = ProgressBar::new(n);
    if hidden {
        pb.set_draw_target(ProgressDrawTarget::hidden());
    }
    let style = ProgressStyle::with_template(
        "{prefix:>14} [{bar:40.cyan/blue}] {pos:>5}/{len:5} {msg} ({elapsed})",
    )
    .map_err(|e| DemoError(e.to_string()))?
    .progress_chars("=> ");
    pb.set_style(style);
    pb.set_prefix(label.to_string());
    Ok(pb)
}

/// Numbers as a compact list.
pub fn fmt_list(v: &[f64], prec: usize) -> String {
    let parts: Vec<String> = v.iter().map(|x| format!("{x:.prec$}")).collect();
    format!("[{}]", parts.join(", "))
}

/// The largest absolute difference.
pub fn max_abs_diff(a: &[f64], b: &[f64]) -> f64 {
    a.iter()
        .zip(b)
        .map(|(x, y)| (x - y).abs())
        .fold(0.0, f64::max)
}

/// Float values in [0, 1] as uint8 pixels (rounded, clipped).
pub fn to_u8_image(a: &Array) -> Res<Array> {
    let s = numox::add(&numox::multiply(a, 255.0)?, 0.5)?;
    let s = numox::minimum(&numox::maximum(&s, 0.0)?, 255.0)?;
    Ok(s.astype(DType::UInt8)?)
}
