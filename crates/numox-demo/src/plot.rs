//! Plots drawn with `plotters` into an RGB buffer (text in the DejaVu Sans font bundled in
//! `data/fonts/`, so nothing depends on the system's fonts) and written with numox's PNG writer.

use crate::util::{DemoError, Res};
use numox::Array;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::FontStyle;
use std::path::Path;
use std::sync::OnceLock;

const FONT: &[u8] = include_bytes!("../../../data/fonts/DejaVuSans.ttf");
const W: u32 = 800;
const H: u32 = 520;

/// Registers the bundled font as plotters' "sans-serif" family (once).
fn font() -> Res<()> {
    static DONE: OnceLock<bool> = OnceLock::new();
    let ok = *DONE.get_or_init(|| {
        plotters::style::register_font("sans-serif", FontStyle::Normal, FONT).is_ok()
    });
    if ok {
        Ok(())
    } else {
        Err(DemoError("the bundled font could not be loaded".into()))
    }
}

fn err<E: std::fmt::Display>(e: E) -> DemoError {
    DemoError(format!("plot: {e}"))
}

/// Renders into a fresh RGB buffer and writes it as a PNG.
fn render(
    path: &Path,
    (w, h): (u32, u32),
    draw: impl FnOnce(DrawingArea<BitMapBackend, plotters::coord::Shift>) -> Res<()>,
) -> Res<()> {
    font()?;
    let mut buf = vec![0u8; (w * h * 3) as usize];
    {
        let backend =
            BitMapBackend::<plotters::backend::RGBPixel>::with_buffer_and_format(&mut buf, (w, h))
                .map_err(err)?;
        let root = backend.into_drawing_area();
        root.fill(&WHITE).map_err(err)?;
        draw(root.clone())?;
        root.present().map_err(err)?;
    }
    let img = Array::from_shape_vec(&[h as usize, w as usize, 3], buf)?;
    numox::io::write_png(path, &img)?;
    Ok(())
}

/// A tick label with at most four significant digits and no float noise.
fn tick(v: f64) -> String {
    if v == 0.0 || !v.is_finite() {
        return format!("{v}");
    }
    if v.abs() < 1e-3 || v.abs() >= 1e5 {
        return format!("{v:.1e}");
    }
    let decimals = (3 - v.abs().log10().floor() as i32).max(0) as usize;
    let s = format!("{v:.decimals$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

fn range(vals: impl Iterator<Item = f64>) -> (f64, f64) {
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for v in vals.filter(|v| v.is_finite()) {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if !lo.is_finite() {
        return (0.0, 1.0);
    }
    if hi - lo < 1e-12 {
        return (lo - 0.5, hi + 0.5);
    }
    let pad = (hi - lo) * 0.05;
    (lo - pad, hi + pad)
}

/// Line plot of one or more series against the epoch (1, 2, ...), on a logarithmic y axis when
/// `log_y` (then non-positive values are left out).
pub fn lines(
    path: &Path,
    title: &str,
    xlabel: &str,
    ylabel: &str,
    series: &[(&str, &[f64])],
    log_y: bool,
) -> Res<()> {
    let keep = |v: f64| v.is_finite() && (!log_y || v > 0.0);
    let n = series
        .iter()
        .map(|(_, s)| s.len())
        .max()
        .unwrap_or(1)
        .max(2);
    let colors = [BLUE, RED, GREEN, MAGENTA];
    render(path, (W, H), |root| {
        let mut builder = ChartBuilder::on(&root);
        builder
            .caption(title, ("sans-serif", 24))
            .margin(12)
            .x_label_area_size(45)
            .y_label_area_size(70);
        // The same drawing for both y axes (their coordinate types differ).
        macro_rules! draw {
            ($chart:expr) => {{
                let mut chart = $chart;
                chart
                    .configure_mesh()
                    .x_desc(xlabel)
                    .y_desc(ylabel)
                    .x_label_formatter(&|v| format!("{v:.0}"))
                    .y_label_formatter(&|v: &f64| tick(*v))
                    .label_style(("sans-serif", 14))
                    .draw()
                    .map_err(err)?;
                for (i, (name, s)) in series.iter().enumerate() {
                    let c = colors[i % colors.len()];
                    chart
                        .draw_series(LineSeries::new(
                            s.iter()
                                .enumerate()
                                .filter(|(_, v)| keep(**v))
                                .map(|(k, v)| ((k + 1) as f64, *v)),
                            c.stroke_width(2),
                        ))
                        .map_err(err)?
                        .label(*name)
                        .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], c));
                }
                chart
                    .configure_series_labels()
                    .position(SeriesLabelPosition::UpperRight)
                    .label_font(("sans-serif", 16))
                    .background_style(WHITE.mix(0.8))
                    .border_style(BLACK)
                    .draw()
                    .map_err(err)?;
            }};
        }
        let vals = || {
            series
                .iter()
                .flat_map(|(_, s)| s.iter().copied())
                .filter(|&v| keep(v))
        };
        if log_y {
            let lo = vals().fold(f64::INFINITY, f64::min);
            let hi = vals().fold(f64::NEG_INFINITY, f64::max);
            let (lo, hi) = if lo.is_finite() && hi > lo {
                (lo / 1.2, hi * 1.2)
            } else {
                (1e-3, 1.0)
            };
            draw!(builder
                .build_cartesian_2d(1f64..n as f64, (lo..hi).log_scale())
                .map_err(err)?);
        } else {
            let (lo, hi) = range(vals());
            draw!(builder
                .build_cartesian_2d(1f64..n as f64, lo..hi)
                .map_err(err)?);
        }
        Ok(())
    })
}

/// Scatter plot of predicted against actual values, with the line y = x.
pub fn predicted_vs_actual(path: &Path, title: &str, actual: &[f64], pred: &[f64]) -> Res<()> {
    let (lo, hi) = range(actual.iter().chain(pred).copied());
    render(path, (W, H), |root| {
        let mut chart = ChartBuilder::on(&root)
            .caption(title, ("sans-serif", 24))
            .margin(12)
            .x_label_area_size(45)
            .y_label_area_size(60)
            .build_cartesian_2d(lo..hi, lo..hi)
            .map_err(err)?;
        chart
            .configure_mesh()
            .x_desc("actual")
            .y_desc("predicted")
            .label_style(("sans-serif", 14))
            .draw()
            .map_err(err)?;
        chart
            .draw_series(LineSeries::new(vec![(lo, lo), (hi, hi)], BLACK.mix(0.5)))
            .map_err(err)?;
        chart
            .draw_series(
                actual
                    .iter()
                    .zip(pred)
                    .map(|(a, p)| Circle::new((*a, *p), 3, BLUE.mix(0.6).filled())),
            )
            .map_err(err)?;
        Ok(())
    })
}

/// A heat map of a square count matrix (a confusion matrix), with the counts written in; row 0
/// at the top.
pub fn heatmap(path: &Path, title: &str, m: &[Vec<f64>]) -> Res<()> {
    let k = m.len() as i32;
    let max = m.iter().flatten().copied().fold(0.0f64, f64::max).max(1.0);
    render(path, (640, 640), |root| {
        let mut chart = ChartBuilder::on(&root)
            .caption(title, ("sans-serif", 24))
            .margin(12)
            .x_label_area_size(50)
            .y_label_area_size(50)
            .build_cartesian_2d((0..k - 1).into_segmented(), (0..k - 1).into_segmented())
            .map_err(err)?;
        let centre = |flip: bool| {
            move |v: &SegmentValue<i32>| match v {
                SegmentValue::CenterOf(c) => {
                    format!("{}", if flip { k - 1 - c } else { *c })
                }
                _ => String::new(),
            }
        };
        let (xf, yf) = (centre(false), centre(true));
        chart
            .configure_mesh()
            .disable_mesh()
            .x_desc("predicted")
            .y_desc("true")
            .x_labels(k as usize)
            .y_labels(k as usize)
            .x_label_formatter(&xf)
            .y_label_formatter(&yf)
            .label_style(("sans-serif", 15))
            .draw()
            .map_err(err)?;
        for (i, row) in m.iter().enumerate() {
            for (j, &v) in row.iter().enumerate() {
                let t = v / max;
                let shade = (255.0 * (1.0 - t)) as u8;
                let color = RGBColor(shade, shade, 255);
                let (x, y) = (j as i32, k - 1 - i as i32);
                chart
                    .draw_series(std::iter::once(Rectangle::new(
                        [
                            (SegmentValue::Exact(x), SegmentValue::Exact(y)),
                            (SegmentValue::Exact(x + 1), SegmentValue::Exact(y + 1)),
                        ],
                        color.filled(),
                    )))
                    .map_err(err)?;
                let text_color = if t > 0.5 { WHITE } else { BLACK };
                let style = ("sans-serif", 17)
                    .into_font()
                    .color(&text_color)
                    .pos(Pos::new(HPos::Center, VPos::Center));
                chart
                    .draw_series(std::iter::once(Text::new(
                        format!("{v}"),
                        (SegmentValue::CenterOf(x), SegmentValue::CenterOf(y)),
                        style,
                    )))
                    .map_err(err)?;
            }
        }
        Ok(())
    })
}
