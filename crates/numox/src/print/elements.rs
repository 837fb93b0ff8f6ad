//! Element text for every dtype: the values that will be shown (all of them, or the corners of a
//! summarised array) decide one shared format, which then turns each value into a word.

use super::digits::{PrintFloat, Scratch};
use super::dragon4::Digits;
use super::float_format::{ComplexFormat, FloatFormat};
use super::options::{PrintOptions, Sign};
use crate::array::Array;
use crate::dtype::Element;
use half::{bf16, f16};
use num_complex::Complex;
use std::fmt::Write;

/// The element words of an array, in C order, stored in one string.
pub(crate) struct Words {
    text: String,
    ends: Vec<usize>,
}

impl Words {
    fn with_capacity(n: usize, bytes: usize) -> Words {
        Words {
            text: String::with_capacity(bytes),
            ends: Vec::with_capacity(n),
        }
    }

    /// Marks the end of the word just written to `text`.
    fn end_word(&mut self) {
        self.ends.push(self.text.len());
    }

    /// The `i`-th word.
    pub(crate) fn get(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text[start..self.ends[i]]
    }
}

/// An element type the printer knows how to format.
pub(crate) trait PrintElement: Element {
    /// Formats `data` (every value that will be printed) with one shared layout. `zero_d` is
    /// set for 0-d arrays, which drop the alignment space some formats add.
    fn words(data: &[Self], zero_d: bool, opts: &PrintOptions) -> Words;
}

impl PrintElement for bool {
    fn words(data: &[bool], zero_d: bool, _opts: &PrintOptions) -> Words {
        let t = if zero_d { "True" } else { " True" };
        let mut w = Words::with_capacity(data.len(), data.len() * 5);
        for &x in data {
            w.text.push_str(if x { t } else { "False" });
            w.end_word();
        }
        w
    }
}

macro_rules! impl_int_print {
    ($($t:ty),*) => {$(
        impl PrintElement for $t {
            fn words(data: &[$t], _zero_d: bool, opts: &PrintOptions) -> Words {
                int_words(data, opts.sign)
            }
        }
    )*};
}
impl_int_print!(i8, i16, i32, i64, u8, u16, u32, u64);

/// NumPy's `IntegerFormat`: right-aligned to the widest of the largest and smallest value.
fn int_words<T: Copy + Ord + std::fmt::Display + Default>(data: &[T], sign: Sign) -> Words {
    let zero = T::default();
    let mut sign = sign;
    let mut width = 0;
    if let (Some(&lo), Some(&hi)) = (data.iter().min(), data.iter().max()) {
        let mut hi_len = hi.to_string().len();
        if sign == Sign::Space && lo < zero {
            sign = Sign::Minus;
        }
        if hi >= zero && sign != Sign::Minus {
            hi_len += 1;
        }
        width = hi_len.max(lo.to_string().len());
    }
    let mut w = Words::with_capacity(data.len(), data.len() * (width + 1));
    let mut buf = String::new();
    for &x in data {
        buf.clear();
        let nonneg = x >= zero;
        match sign {
            Sign::Plus if nonneg => buf.push('+'),
            Sign::Space if nonneg => buf.push(' '),
            _ => {}
        }
        let _ = write!(buf, "{x}");
        for _ in buf.len()..width {
            w.text.push(' ');
        }
        w.text.push_str(&buf);
        w.end_word();
    }
    w
}

macro_rules! impl_float_print {
    ($($t:ty),*) => {$(
        impl PrintElement for $t {
            fn words(data: &[$t], _zero_d: bool, opts: &PrintOptions) -> Words {
                float_words(data, opts)
            }
        }
    )*};
}
impl_float_print!(f16, f32, f64);

fn float_words<F: PrintFloat>(data: &[F], opts: &PrintOptions) -> Words {
    let mut scratch = Scratch::default();
    let fmt = FloatFormat::new(data, opts, opts.sign, &mut scratch);
    let mut d = Digits::default();
    let mut w = Words::with_capacity(data.len(), data.len() * 12);
    for (i, &x) in data.iter().enumerate() {
        fmt.write(i, x, &mut w.text, &mut scratch, &mut d);
        w.end_word();
    }
    w
}

macro_rules! impl_complex_print {
    ($($t:ty),*) => {$(
        impl PrintElement for Complex<$t> {
            fn words(data: &[Complex<$t>], _zero_d: bool, opts: &PrintOptions) -> Words {
                complex_words(data, opts)
            }
        }
    )*};
}
impl_complex_print!(f32, f64);

fn complex_words<F: PrintFloat>(data: &[Complex<F>], opts: &PrintOptions) -> Words {
    let mut scratch = Scratch::default();
    let re: Vec<F> = data.iter().map(|c| c.re).collect();
    let im: Vec<F> = data.iter().map(|c| c.im).collect();
    let fmt = ComplexFormat::new(&re, &im, opts, &mut scratch);
    let mut d = Digits::default();
    let mut w = Words::with_capacity(data.len(), data.len() * 24);
    for (i, c) in data.iter().enumerate() {
        fmt.write(i, c.re, c.im, &mut w.text, &mut scratch, &mut d);
        w.end_word();
    }
    w
}

impl PrintElement for bf16 {
    /// `ml_dtypes.bfloat16` is no NumPy float subtype: NumPy prints each element with its own
    /// `repr`, which is C's `%g` (six significant digits), without alignment.
    fn words(data: &[bf16], _zero_d: bool, _opts: &PrintOptions) -> Words {
        let mut w = Words::with_capacity(data.len(), data.len() * 8);
        for &x in data {
            write_g6(x.to_f64(), &mut w.text);
            w.end_word();
        }
        w
    }
}

/// C's `printf("%g", x)` as ml_dtypes uses it: six significant digits, positional for exponents
/// -4..6, trailing zeros removed, NaN unsigned.
pub(crate) fn write_g6(x: f64, out: &mut String) {
    if x.is_nan() {
        // ml_dtypes prints a NaN without its sign.
        out.push_str("nan");
        return;
    }
    if x.is_infinite() {
        out.push_str(if x < 0.0 { "-inf" } else { "inf" });
        return;
    }
    if x == 0.0 {
        out.push_str(if x.is_sign_negative() { "-0" } else { "0" });
        return;
    }
    let sci = format!("{x:.5e}");
    let (mant, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    if (-4..6).contains(&exp) {
        let fixed = format!("{:.*}", (5 - exp) as usize, x);
        out.push_str(strip_fraction_zeros(&fixed));
    } else {
        out.push_str(strip_fraction_zeros(mant));
        out.push('e');
        out.push(if exp < 0 { '-' } else { '+' });
        let _ = write!(out, "{:02}", exp.unsigned_abs());
    }
}

fn strip_fraction_zeros(s: &str) -> &str {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        s
    }
}

/// The values to print: all of them, or with every axis longer than `2 * edgeitems` cut to its
/// first and last `edgeitems` (NumPy's `_leading_trailing`). Returns the values in C order and
/// the shape they form.
pub(crate) fn shown_values<T: Element>(
    a: &Array,
    summarize: bool,
    edge: usize,
) -> (Vec<T>, Vec<usize>) {
    if !summarize {
        // The dtype is T (the caller dispatched on it), so this cannot fail.
        return (a.to_vec::<T>().unwrap_or_default(), a.shape().to_vec());
    }
    // Per axis, the kept indices. NumPy's `a[-0:]` is the whole axis, so edgeitems=0 keeps it.
    let keep: Vec<Vec<usize>> = a
        .shape()
        .iter()
        .map(|&n| {
            if edge > 0 && n > edge.saturating_mul(2) {
                (0..edge).chain(n - edge..n).collect()
            } else {
                (0..n).collect()
            }
        })
        .collect();
    let shape: Vec<usize> = keep.iter().map(Vec::len).collect();
    let total: usize = shape.iter().product();
    let mut out = Vec::with_capacity(total);
    let mut pos = vec![0usize; shape.len()];
    let mut idx = vec![0isize; shape.len()];
    for _ in 0..total {
        for (k, p) in pos.iter().enumerate() {
            idx[k] = keep[k][*p] as isize;
        }
        out.push(a.get_as::<T>(&idx).unwrap_or_default());
        for k in (0..pos.len()).rev() {
            pos[k] += 1;
            if pos[k] < shape[k] {
                break;
            }
            pos[k] = 0;
        }
    }
    (out, shape)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn g6_matches_c_printf() {
        let cases = [
            (0.100_097_656_25, "0.100098"),
            (1.00136e-05, "1.00136e-05"),
            (123392.0, "123392"),
            (999424.0, "999424"),
            (1.0027e7, "1.0027e+07"),
            (0.001953125, "0.00195312"),
            (0.01171875, "0.0117188"),
            (-7.0, "-7"),
            (2.5, "2.5"),
        ];
        for (x, want) in cases {
            let mut s = String::new();
            write_g6(x, &mut s);
            assert_eq!(s, want);
        }
    }

    #[test]
    fn int_alignment() {
        let w = int_words(&[-5i8, 100, 7], Sign::Minus);
        assert_eq!((w.get(0), w.get(1), w.get(2)), (" -5", "100", "  7"));
        let w = int_words(&[5u8, 10], Sign::Plus);
        assert_eq!((w.get(0), w.get(1)), (" +5", "+10"));
    }
}
