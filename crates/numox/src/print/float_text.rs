//! Laying out generated digits as text: NumPy's `format_float_positional` and
//! `format_float_scientific` with their trim and padding rules.

use super::digits::{gen_digits, PrintFloat, Scratch, Shortest};
use super::dragon4::{CutoffMode, Digits, Request};

/// What to do with trailing zeros and the decimal point (NumPy's `trim`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Trim {
    /// `'k'`: keep trailing zeros (padding up to the precision) and the point.
    Keep,
    /// `'.'`: drop trailing zeros, keep the point.
    Zeros,
    /// `'0'`: drop trailing zeros but keep one after the point.
    LeaveOneZero,
    /// `'-'`: drop trailing zeros and the point.
    DptZeros,
}

/// Parameters of one float-to-text conversion. `-1` means "not given" as in NumPy.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FloatText {
    pub scientific: bool,
    pub unique: bool,
    pub precision: i32,
    pub min_digits: i32,
    pub trim: Trim,
    /// Print `+` for non-negative values.
    pub sign: bool,
    pub pad_left: i32,
    pub pad_right: i32,
    pub exp_digits: i32,
}

impl FloatText {
    /// Unique digits, no cutoff, no padding.
    pub(crate) const PLAIN: FloatText = FloatText {
        scientific: false,
        unique: true,
        precision: -1,
        min_digits: -1,
        trim: Trim::Keep,
        sign: false,
        pad_left: -1,
        pad_right: -1,
        exp_digits: -1,
    };

    /// Appends the text of finite `x` to `out`.
    pub(crate) fn write<F: PrintFloat>(
        &self,
        x: F,
        out: &mut String,
        scratch: &mut Scratch,
        d: &mut Digits,
    ) {
        self.write_cached(x, out, scratch, d, None)
    }

    /// As [`FloatText::write`], reusing `x`'s shortest digits when the caller has them.
    pub(crate) fn write_cached<F: PrintFloat>(
        &self,
        x: F,
        out: &mut String,
        scratch: &mut Scratch,
        d: &mut Digits,
        cached: Option<Shortest>,
    ) {
        let sign = if x.sign_negative() {
            Some('-')
        } else if self.sign {
            Some('+')
        } else {
            None
        };
        if self.scientific {
            let req = Request {
                unique: self.unique,
                mode: CutoffMode::Total,
                max: if self.precision < 0 {
                    -1
                } else {
                    self.precision + 1
                },
                min: if self.min_digits < 0 {
                    -1
                } else {
                    self.min_digits + 1
                },
            };
            gen_digits(x, &req, scratch, d, cached);
            self.scientific_text(d, sign, out);
        } else {
            let req = Request {
                unique: self.unique,
                mode: CutoffMode::Fraction,
                max: self.precision,
                min: self.min_digits,
            };
            gen_digits(x, &req, scratch, d, cached);
            self.positional_text(d, sign, out);
        }
    }

    fn positional_text(&self, d: &Digits, sign: Option<char>, out: &mut String) {
        let has_sign = sign.is_some() as i32;
        let num_whole = if d.exp >= 0 { d.exp + 1 } else { 1 };
        push_n(out, ' ', self.pad_left - (num_whole + has_sign));
        if let Some(c) = sign {
            out.push(c);
        }
        let nd = d.digits.len() as i32;
        let digits = std::str::from_utf8(&d.digits).unwrap_or("0");
        let mut num_frac;
        if d.exp >= 0 {
            if nd <= num_whole {
                out.push_str(digits);
                push_n(out, '0', num_whole - nd);
                num_frac = 0;
            } else {
                let (w, f) = digits.split_at(num_whole as usize);
                out.push_str(w);
                out.push('.');
                out.push_str(f);
                num_frac = nd - num_whole;
            }
        } else {
            let zeros = -(d.exp + 1);
            out.push_str("0.");
            push_n(out, '0', zeros);
            out.push_str(digits);
            num_frac = nd + zeros;
        }
        if self.trim != Trim::DptZeros && num_frac == 0 {
            out.push('.');
        }
        let add = if self.unique {
            self.min_digits
        } else {
            self.precision
        };
        let desired = add.max(0);
        match self.trim {
            Trim::LeaveOneZero if num_frac == 0 => {
                out.push('0');
                num_frac = 1;
            }
            Trim::Keep if desired > num_frac => {
                push_n(out, '0', desired - num_frac);
                num_frac = desired;
            }
            _ => {}
        }
        if self.trim != Trim::Keep && num_frac > 0 {
            while out.ends_with('0') {
                out.pop();
                num_frac -= 1;
            }
            if out.ends_with('.') {
                match self.trim {
                    Trim::LeaveOneZero => {
                        out.push('0');
                        num_frac += 1;
                    }
                    Trim::DptZeros => {
                        out.pop();
                    }
                    _ => {}
                }
            }
        }
        if self.pad_right >= num_frac {
            if self.trim == Trim::DptZeros && num_frac == 0 {
                out.push(' ');
            }
            push_n(out, ' ', self.pad_right - num_frac);
        }
    }

    fn scientific_text(&self, d: &Digits, sign: Option<char>, out: &mut String) {
        let leftchars = 1 + sign.is_some() as i32;
        push_n(out, ' ', self.pad_left - leftchars);
        if let Some(c) = sign {
            out.push(c);
        }
        let digits = std::str::from_utf8(&d.digits).unwrap_or("0");
        let (first, rest) = digits.split_at(1);
        out.push_str(first);
        let mut num_frac = rest.len() as i32;
        if num_frac > 0 {
            out.push('.');
            out.push_str(rest);
        }
        if self.trim != Trim::DptZeros && num_frac == 0 {
            out.push('.');
        }
        let add = if self.unique {
            self.min_digits
        } else {
            self.precision
        }
        .max(0);
        match self.trim {
            Trim::LeaveOneZero if num_frac == 0 => {
                out.push('0');
                num_frac = 1;
            }
            Trim::Keep if add > num_frac => {
                push_n(out, '0', add - num_frac);
                num_frac = add;
            }
            _ => {}
        }
        if self.trim != Trim::Keep && num_frac > 0 {
            while out.ends_with('0') {
                out.pop();
            }
            if self.trim == Trim::LeaveOneZero && out.ends_with('.') {
                out.push('0');
            }
        }
        let exp_digits = match self.exp_digits {
            e if e < 0 => 2,
            e => e.min(5),
        } as usize;
        out.push('e');
        out.push(if d.exp >= 0 { '+' } else { '-' });
        let mag = d.exp.unsigned_abs().to_string();
        push_n(out, '0', exp_digits as i32 - mag.len() as i32);
        out.push_str(&mag);
    }
}

fn push_n(out: &mut String, c: char, n: i32) {
    for _ in 0..n.max(0) {
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(x: f64, precision: i32, unique: bool, trim: Trim) -> String {
        let t = FloatText {
            precision,
            unique,
            trim,
            ..FloatText::PLAIN
        };
        let mut s = String::new();
        t.write(x, &mut s, &mut Scratch::default(), &mut Digits::default());
        s
    }

    fn sci(x: f64, precision: i32, unique: bool, trim: Trim) -> String {
        let t = FloatText {
            scientific: true,
            precision,
            unique,
            trim,
            ..FloatText::PLAIN
        };
        let mut s = String::new();
        t.write(x, &mut s, &mut Scratch::default(), &mut Digits::default());
        s
    }

    /// `np.format_float_positional` / `np.format_float_scientific` of random and special
    /// float16/32/64 values under several parameter sets (scripts/golden/printing.py).
    #[test]
    fn golden_format_float() {
        let data = include_str!("../../tests/data/printing/floats.txt");
        let mut n = 0;
        for line in data.lines() {
            let f: Vec<&str> = line.splitn(11, ' ').collect();
            let num = |k: usize| f[k].parse::<i32>().unwrap();
            let bits = u64::from_str_radix(f[1], 16).unwrap();
            let sci = f[2] == "sci";
            let t = FloatText {
                scientific: sci,
                unique: f[4] == "1",
                precision: num(3),
                min_digits: num(9),
                trim: match f[5] {
                    "k" => Trim::Keep,
                    "." => Trim::Zeros,
                    "0" => Trim::LeaveOneZero,
                    _ => Trim::DptZeros,
                },
                sign: f[6] == "1",
                pad_left: num(7),
                pad_right: if sci { -1 } else { num(8) },
                exp_digits: if sci { num(8) } else { -1 },
            };
            let mut s = String::new();
            let (mut sc, mut d) = (Scratch::default(), Digits::default());
            match f[0] {
                "float16" => t.write(half::f16::from_bits(bits as u16), &mut s, &mut sc, &mut d),
                "float32" => t.write(f32::from_bits(bits as u32), &mut s, &mut sc, &mut d),
                _ => t.write(f64::from_bits(bits), &mut s, &mut sc, &mut d),
            }
            assert_eq!(s, f[10], "{line}");
            n += 1;
        }
        assert!(n > 300);
    }

    #[test]
    fn matches_numpy_format_float() {
        // Values from np.format_float_positional / np.format_float_scientific.
        assert_eq!(pos(0.125, 2, true, Trim::Keep), "0.12");
        assert_eq!(pos(0.375, 2, true, Trim::Keep), "0.38");
        assert_eq!(pos(2.5, 0, true, Trim::Keep), "2.");
        assert_eq!(pos(1e-10, 8, true, Trim::Zeros), "0.");
        assert_eq!(pos(-1e-10, 8, true, Trim::Zeros), "-0.");
        assert_eq!(pos(6e-9, 8, true, Trim::Zeros), "0.00000001");
        assert_eq!(pos(100.0, -1, true, Trim::LeaveOneZero), "100.0");
        assert_eq!(pos(0.1, 5, false, Trim::Keep), "0.10000");
        assert_eq!(sci(1e20, -1, true, Trim::DptZeros), "1e+20");
        assert_eq!(sci(1.5e-5, -1, true, Trim::Zeros), "1.5e-05");
        assert_eq!(sci(123456.0, 2, true, Trim::Keep), "1.23e+05");
        assert_eq!(sci(1e-100, -1, true, Trim::Zeros), "1.e-100");
    }
}
