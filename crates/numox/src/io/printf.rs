//! Python's `%` operator for the conversions `np.savetxt` uses: `%e %E %f %F %g %G %d %i %u %x
//! %X %o %s %c` with the flags `-+ 0#`, a width and a precision, applied to NumPy scalars
//! (floats go through `float()`, `%d` through `int()`, `%s` through `str()`).

use crate::dtype::Scalar;
use crate::error::{Error, Result};
use std::fmt::Write;

#[derive(Debug, Clone, Default)]
struct Spec {
    minus: bool,
    plus: bool,
    space: bool,
    zero: bool,
    alt: bool,
    width: usize,
    prec: Option<usize>,
    conv: u8,
}

#[derive(Debug, Clone)]
enum Piece {
    Lit(String),
    Conv(Spec),
}

/// A parsed `%` format string.
#[derive(Debug, Clone)]
pub(crate) struct Format {
    pieces: Vec<Piece>,
    /// The number of conversions (values taken).
    pub nconv: usize,
}

fn unsupported(c: char, at: usize) -> Error {
    Error::Value(format!(
        "unsupported format character '{c}' (0x{:x}) at index {at}",
        c as u32
    ))
}

impl Format {
    /// Parses a format string as Python's `%` operator reads it.
    pub fn parse(f: &str) -> Result<Format> {
        let mut pieces = Vec::new();
        let mut lit = String::new();
        let mut nconv = 0;
        let chars: Vec<(usize, char)> = f.char_indices().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i].1;
            if c != '%' {
                lit.push(c);
                i += 1;
                continue;
            }
            i += 1;
            let Some(&(_, first)) = chars.get(i) else {
                return Err(Error::Value("incomplete format".into()));
            };
            if first == '%' {
                lit.push('%');
                i += 1;
                continue;
            }
            let mut s = Spec::default();
            while let Some(&(_, fl)) = chars.get(i) {
                match fl {
                    '-' => s.minus = true,
                    '+' => s.plus = true,
                    ' ' => s.space = true,
                    '0' => s.zero = true,
                    '#' => s.alt = true,
                    _ => break,
                }
                i += 1;
            }
            while let Some(&(_, d)) = chars.get(i)
                && let Some(v) = d.to_digit(10)
            {
                s.width = s.width.saturating_mul(10).saturating_add(v as usize);
                i += 1;
            }
            if chars.get(i).map(|x| x.1) == Some('.') {
                i += 1;
                let mut p = 0usize;
                while let Some(&(_, d)) = chars.get(i)
                    && let Some(v) = d.to_digit(10)
                {
                    p = p.saturating_mul(10).saturating_add(v as usize);
                    i += 1;
                }
                s.prec = Some(p);
            }
            while matches!(chars.get(i).map(|x| x.1), Some('h' | 'l' | 'L')) {
                i += 1;
            }
            let Some(&(at, conv)) = chars.get(i) else {
                return Err(Error::Value("incomplete format".into()));
            };
            if !"diueEfFgGxXosrac".contains(conv) {
                return Err(unsupported(conv, at));
            }
            if s.width > 1 << 20 || s.prec.is_some_and(|p| p > 1 << 20) {
                return Err(Error::Value("width or precision too big".into()));
            }
            s.conv = conv as u8;
            if !lit.is_empty() {
                pieces.push(Piece::Lit(std::mem::take(&mut lit)));
            }
            pieces.push(Piece::Conv(s));
            nconv += 1;
            i += 1;
        }
        if !lit.is_empty() {
            pieces.push(Piece::Lit(lit));
        }
        Ok(Format { pieces, nconv })
    }

    /// Formats `values` (exactly `nconv` of them) into `out`. `Err(None)` flags a value the
    /// conversion does not take (Python's TypeError); `Err(Some(e))` another error.
    pub fn write(
        &self,
        values: &[Scalar],
        out: &mut String,
    ) -> std::result::Result<(), Option<Error>> {
        if values.len() != self.nconv {
            return Err(None);
        }
        let mut k = 0;
        for p in &self.pieces {
            match p {
                Piece::Lit(s) => out.push_str(s),
                Piece::Conv(s) => {
                    format_one(s, &values[k], out)?;
                    k += 1;
                }
            }
        }
        Ok(())
    }
}

/// `float()` of a real scalar (`None` for complex).
fn as_f64(v: &Scalar) -> Option<f64> {
    match v.cast(crate::DType::Float64) {
        Ok(Scalar::Float64(x)) => Some(x),
        _ => None,
    }
}

/// `int()` of an integer or bool scalar (`None` for the others).
fn as_int(v: &Scalar) -> Option<i128> {
    match *v {
        Scalar::Bool(b) => Some(b as i128),
        ref other => crate::promote::int_value(other),
    }
}

/// Pads `sign + prefix + body` to the spec's width as Python does.
fn pad(s: &Spec, neg: bool, prefix: &str, body: &str, zero_ok: bool, out: &mut String) {
    let sign = if neg {
        "-"
    } else if s.plus {
        "+"
    } else if s.space {
        " "
    } else {
        ""
    };
    let len = sign.len() + prefix.len() + body.chars().count();
    let fill = s.width.saturating_sub(len);
    if s.minus {
        out.push_str(sign);
        out.push_str(prefix);
        out.push_str(body);
        out.extend(std::iter::repeat_n(' ', fill));
    } else if s.zero && zero_ok {
        out.push_str(sign);
        out.push_str(prefix);
        out.extend(std::iter::repeat_n('0', fill));
        out.push_str(body);
    } else {
        out.extend(std::iter::repeat_n(' ', fill));
        out.push_str(sign);
        out.push_str(prefix);
        out.push_str(body);
    }
}

/// `x` (finite, non-negative) in `%e` form with `prec` digits after the point: mantissa text
/// and decimal exponent.
fn exp_parts(x: f64, prec: usize) -> (String, i32) {
    let s = format!("{x:.prec$e}");
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    (m.to_string(), e.parse().unwrap_or(0))
}

fn push_exp(m: &str, e: i32, upper: bool, out: &mut String) {
    out.push_str(m);
    out.push(if upper { 'E' } else { 'e' });
    out.push(if e < 0 { '-' } else { '+' });
    let _ = write!(out, "{:02}", e.unsigned_abs());
}

fn format_float(s: &Spec, x: f64, out: &mut String) {
    let neg = x.is_sign_negative();
    let upper = s.conv.is_ascii_uppercase();
    let a = x.abs();
    if !x.is_finite() {
        let body = match (x.is_nan(), upper) {
            (true, false) => "nan",
            (true, true) => "NAN",
            (false, false) => "inf",
            (false, true) => "INF",
        };
        pad(s, neg, "", body, true, out);
        return;
    }
    let mut body = String::new();
    match s.conv.to_ascii_lowercase() {
        b'e' => {
            let p = s.prec.unwrap_or(6);
            let (mut m, e) = exp_parts(a, p);
            if s.alt && p == 0 {
                m.push('.');
            }
            push_exp(&m, e, upper, &mut body);
        }
        b'f' => {
            let p = s.prec.unwrap_or(6);
            let _ = write!(body, "{a:.p$}");
            if s.alt && p == 0 {
                body.push('.');
            }
        }
        _ => {
            let p = s.prec.unwrap_or(6).max(1);
            let (_, x_exp) = exp_parts(a, p - 1);
            if a != 0.0 && (x_exp < -4 || x_exp >= p as i32) {
                let (mut m, e) = exp_parts(a, p - 1);
                if !s.alt {
                    m = strip_zeros(m);
                } else if !m.contains('.') {
                    m.push('.');
                }
                push_exp(&m, e, upper, &mut body);
            } else {
                let x_exp = if a == 0.0 { 0 } else { x_exp };
                let fp = (p as i32 - 1 - x_exp).max(0) as usize;
                let mut f = format!("{a:.fp$}");
                if !s.alt {
                    f = strip_zeros(f);
                } else if !f.contains('.') {
                    f.push('.');
                }
                body = f;
            }
        }
    }
    pad(s, neg, "", &body, true, out);
}

fn strip_zeros(m: String) -> String {
    if !m.contains('.') {
        return m;
    }
    m.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn format_int(s: &Spec, v: &Scalar, out: &mut String) -> std::result::Result<(), Option<Error>> {
    let c = s.conv;
    let (neg, digits) = if let Some(i) = as_int(v) {
        let m = i.unsigned_abs();
        let d = match c {
            b'x' => format!("{m:x}"),
            b'X' => format!("{m:X}"),
            b'o' => format!("{m:o}"),
            _ => m.to_string(),
        };
        (i < 0, d)
    } else {
        if matches!(c, b'x' | b'X' | b'o') {
            return Err(None);
        }
        let x = as_f64(v).ok_or(None)?;
        if x.is_nan() {
            return Err(Some(Error::Value(
                "cannot convert float NaN to integer".into(),
            )));
        }
        if x.is_infinite() {
            return Err(Some(Error::Overflow(
                "cannot convert float infinity to integer".into(),
            )));
        }
        let t = x.trunc();
        (t < 0.0, format!("{:.0}", t.abs()))
    };
    let digits = match s.prec {
        Some(p) if p > digits.len() => format!("{}{digits}", "0".repeat(p - digits.len())),
        _ => digits,
    };
    let prefix = match (s.alt, c) {
        (true, b'x') => "0x",
        (true, b'X') => "0X",
        (true, b'o') => "0o",
        _ => "",
    };
    pad(s, neg, prefix, &digits, true, out);
    Ok(())
}

fn format_one(s: &Spec, v: &Scalar, out: &mut String) -> std::result::Result<(), Option<Error>> {
    match s.conv {
        b'e' | b'E' | b'f' | b'F' | b'g' | b'G' => {
            format_float(s, as_f64(v).ok_or(None)?, out);
            Ok(())
        }
        b'd' | b'i' | b'u' | b'x' | b'X' | b'o' => format_int(s, v, out),
        b'c' => {
            let i = as_int(v).ok_or(None)?;
            let ch = u32::try_from(i)
                .ok()
                .and_then(char::from_u32)
                .ok_or_else(|| Some(Error::Overflow("%c arg not in range(0x110000)".into())))?;
            let plain = Spec {
                width: s.width,
                minus: s.minus,
                ..Spec::default()
            };
            pad(&plain, false, "", &ch.to_string(), false, out);
            Ok(())
        }
        _ => {
            // %s: NumPy's str() of the scalar; %r and %a: its repr(), `np.float64(0.5)`.
            let text = match (v, s.conv) {
                (Scalar::Bool(b), b's') => if *b { "True" } else { "False" }.to_string(),
                (Scalar::Bool(b), _) => if *b { "np.True_" } else { "np.False_" }.to_string(),
                (other, b's') => other.to_string(),
                (other, _) => format!("np.{}({other})", other.dtype()),
            };
            let text: String = match s.prec {
                Some(p) => text.chars().take(p).collect(),
                None => text,
            };
            let plain = Spec {
                width: s.width,
                minus: s.minus,
                ..Spec::default()
            };
            pad(&plain, false, "", &text, false, out);
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(fmt: &str, v: Scalar) -> String {
        let mut s = String::new();
        Format::parse(fmt).unwrap().write(&[v], &mut s).unwrap();
        s
    }

    #[test]
    fn python_percent_forms() {
        assert_eq!(f("%.18e", Scalar::from(1.0f64)), "1.000000000000000000e+00");
        assert_eq!(f("%g", Scalar::from(1234567.0f64)), "1.23457e+06");
        assert_eq!(f("%#.3g", Scalar::from(0.0001f64)), "0.000100");
        assert_eq!(f("%010.3f", Scalar::from(f64::NEG_INFINITY)), "-000000inf");
        assert_eq!(f("%#x", Scalar::from(-255i64)), "-0xff");
        assert_eq!(f("%+08d", Scalar::from(255i32)), "+0000255");
        assert_eq!(f("%.0f", Scalar::from(2.5f64)), "2");
        assert_eq!(f("%d", Scalar::from(-2.7f64)), "-2");
        assert_eq!(f("%-6s|", Scalar::from(2.0f64)), "2.0   |");
    }
}
