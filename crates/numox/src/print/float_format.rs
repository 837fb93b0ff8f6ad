//! NumPy's `FloatingFormat` and `ComplexFloatingFormat`: one look over the values to choose
//! positional or scientific notation, digit counts and padding, then the same layout for every
//! element so the columns align.

use super::digits::{shortest, PrintFloat, Scratch, Shortest};
use super::dragon4::Digits;
use super::float_text::{FloatText, Trim};
use super::options::{FloatMode, PrintOptions, Sign};

/// The layout shared by all elements of one float array.
pub(crate) struct FloatFormat<'o> {
    text: FloatText,
    /// Shortest digits of each finite value, computed once for both passes.
    cache: Vec<Option<Shortest>>,
    sign: Sign,
    pad_left: i32,
    pad_right: i32,
    nanstr: &'o str,
    infstr: &'o str,
}

impl<'o> FloatFormat<'o> {
    /// Chooses the layout from the values that will be printed.
    pub(crate) fn new<F: PrintFloat>(
        data: &[F],
        opts: &'o PrintOptions,
        sign: Sign,
        scratch: &mut Scratch,
    ) -> FloatFormat<'o> {
        let floatmode = opts.floatmode;
        let precision = if floatmode == FloatMode::Unique {
            -1
        } else {
            opts.precision.min(i32::MAX as usize) as i32
        };
        let plus = sign == Sign::Plus;

        // Scientific notation when the finite non-zero magnitudes are too large, or (unless
        // suppressed) too small or too spread out. The comparisons run in the dtype, as NumPy's
        // do with its Python-float constants.
        let mut finite = 0usize;
        let mut any_negative_finite = false;
        let mut nonzero: Option<(F, F)> = None;
        for &x in data {
            if !x.is_finite() {
                continue;
            }
            finite += 1;
            any_negative_finite |= x.sign_negative();
            if x.to_f64() != 0.0 {
                let a = x.abs();
                nonzero = Some(match nonzero {
                    None => (a, a),
                    Some((lo, hi)) => (if a < lo { a } else { lo }, if a > hi { a } else { hi }),
                });
            }
        }
        let mut exp_format = false;
        if let Some((min_val, max_val)) = nonzero {
            let cutoff = F::from_f64(10f64.powi(F::FINFO_PRECISION.min(8)));
            exp_format = max_val >= cutoff
                || (!opts.suppress
                    && (min_val < F::from_f64(0.0001)
                        || max_val.div(min_val) > F::from_f64(1000.0)));
        }

        let mut text = FloatText {
            scientific: exp_format,
            unique: true,
            precision,
            min_digits: -1,
            trim: Trim::Zeros,
            sign: plus,
            pad_left: -1,
            pad_right: -1,
            exp_digits: -1,
        };
        let (mut pad_left, pad_right);
        let mut cache = Vec::new();
        if finite == 0 {
            pad_left = 0;
            pad_right = 0;
            text.trim = Trim::Zeros;
        } else {
            if floatmode == FloatMode::Fixed {
                text.trim = Trim::Keep;
                text.unique = false;
            }
            if text.unique {
                cache = data
                    .iter()
                    .map(|&x| {
                        if x.is_finite() {
                            shortest(x, scratch)
                        } else {
                            None
                        }
                    })
                    .collect();
            }
            // First pass: print every finite value bare and measure its parts.
            let (mut max_int, mut max_frac, mut max_exp) = (0usize, 0usize, 0usize);
            let mut s = String::new();
            let mut d = Digits::default();
            for (i, &x) in data.iter().enumerate() {
                if !x.is_finite() {
                    continue;
                }
                s.clear();
                let c = cache.get(i).copied().flatten();
                text.write_cached(x, &mut s, scratch, &mut d, c);
                // The text is `[sign]int.frac[e<sign>exp]` (the point is always there).
                let b = s.as_bytes();
                let e = b.iter().position(|&c| c == b'e').unwrap_or(b.len());
                let dot = b[..e].iter().position(|&c| c == b'.').unwrap_or(e);
                max_int = max_int.max(dot);
                max_frac = max_frac.max(e - (dot + 1).min(e));
                max_exp = max_exp.max(b.len().saturating_sub(e + 1));
            }
            pad_left = max_int as i32;
            if exp_format {
                let exp_size = max_exp as i32 - 1;
                text.exp_digits = exp_size;
                text.trim = Trim::Keep;
                text.precision = max_frac as i32;
                text.min_digits = max_frac as i32;
                pad_right = exp_size + 2 + max_frac as i32;
            } else {
                pad_right = max_frac as i32;
                if matches!(floatmode, FloatMode::Fixed | FloatMode::MaxPrecEqual) {
                    text.precision = pad_right;
                    text.min_digits = pad_right;
                    text.trim = Trim::Keep;
                } else {
                    text.trim = Trim::Zeros;
                    text.min_digits = 0;
                }
            }
        }
        if sign == Sign::Space && !any_negative_finite {
            pad_left += 1;
        }
        if finite != data.len() {
            let neginf = sign != Sign::Minus
                || data
                    .iter()
                    .any(|x| !x.is_finite() && !x.is_nan() && x.to_f64() < 0.0);
            let offset = pad_right + 1;
            pad_left = pad_left
                .max(opts.nanstr.chars().count() as i32 - offset)
                .max(opts.infstr.chars().count() as i32 + neginf as i32 - offset);
        }
        text.pad_left = pad_left;
        if !exp_format {
            text.pad_right = pad_right;
        }
        FloatFormat {
            text,
            cache,
            sign,
            pad_left,
            pad_right,
            nanstr: &opts.nanstr,
            infstr: &opts.infstr,
        }
    }

    /// Appends the text of element `i` of the data the format was made from, `x`.
    pub(crate) fn write<F: PrintFloat>(
        &self,
        i: usize,
        x: F,
        out: &mut String,
        scratch: &mut Scratch,
        d: &mut Digits,
    ) {
        if x.is_finite() {
            let c = self.cache.get(i).copied().flatten();
            return self.text.write_cached(x, out, scratch, d, c);
        }
        let plus = self.sign == Sign::Plus;
        let (sign, word) = if x.is_nan() {
            (if plus { "+" } else { "" }, self.nanstr)
        } else if x.to_f64() < 0.0 {
            ("-", self.infstr)
        } else {
            (if plus { "+" } else { "" }, self.infstr)
        };
        let len = (sign.len() + word.chars().count()) as i32;
        for _ in 0..(self.pad_left + self.pad_right + 1 - len).max(0) {
            out.push(' ');
        }
        out.push_str(sign);
        out.push_str(word);
    }
}

/// A complex array's layout: one [`FloatFormat`] for the real parts and one, always signed, for
/// the imaginary parts.
pub(crate) struct ComplexFormat<'o> {
    re: FloatFormat<'o>,
    im: FloatFormat<'o>,
}

impl<'o> ComplexFormat<'o> {
    pub(crate) fn new<F: PrintFloat>(
        re: &[F],
        im: &[F],
        opts: &'o PrintOptions,
        scratch: &mut Scratch,
    ) -> ComplexFormat<'o> {
        ComplexFormat {
            re: FloatFormat::new(re, opts, opts.sign, scratch),
            im: FloatFormat::new(im, opts, Sign::Plus, scratch),
        }
    }

    /// Appends element `i`: `re` then `im` with the `j` placed before the imaginary part's right padding.
    pub(crate) fn write<F: PrintFloat>(
        &self,
        i: usize,
        re: F,
        im: F,
        out: &mut String,
        scratch: &mut Scratch,
        d: &mut Digits,
    ) {
        self.re.write(i, re, out, scratch, d);
        let start = out.len();
        self.im.write(i, im, out, scratch, d);
        let trimmed = out[start..].trim_end_matches(' ').len();
        out.insert(start + trimmed, 'j');
    }
}
