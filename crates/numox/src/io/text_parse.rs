//! Field-level pieces shared by the text readers: the dialect (delimiter, comments, quote), the
//! line tokenizer, and the parsers that turn one field's bytes into an element as NumPy's
//! `loadtxt` does (`could not convert string ...` when they fail).

use crate::dtype::Element;
use crate::error::{Error, Result};
use half::{bf16, f16};
use num_complex::{Complex32, Complex64};

/// How a line splits into fields.
#[derive(Debug, Clone)]
pub(crate) struct Dialect {
    /// `None`: runs of whitespace separate fields (leading and trailing ones ignored).
    pub delim: Option<u8>,
    /// Comment markers; a line ends at the first one found.
    pub comments: Vec<Vec<u8>>,
    /// The quote character (only at the start of a field), `""` inside quotes is one quote.
    pub quote: Option<u8>,
}

/// Whitespace as the whitespace splitter sees it (not the line ends).
#[inline(always)]
pub(crate) fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\x0b' | b'\x0c')
}

/// Checks a control character given as a string: NumPy takes exactly one character.
pub(crate) fn control_char(s: &str) -> Result<u8> {
    let mut it = s.chars();
    match (it.next(), it.next()) {
        (Some(c), None) if c.is_ascii() => Ok(c as u8),
        _ => Err(Error::Value(format!(
            "Text reading control character must be a single unicode character or None; but got: '{s}'"
        ))),
    }
}

impl Dialect {
    /// The line without its comment (everything from the first comment marker on).
    #[inline]
    pub fn cut_comment<'a>(&self, line: &'a [u8]) -> &'a [u8] {
        match self.comments.as_slice() {
            [] => line,
            [c] if c.len() == 1 => match line.iter().position(|&b| b == c[0]) {
                Some(p) => &line[..p],
                None => line,
            },
            cs => {
                let mut end = line.len();
                for c in cs {
                    if c.is_empty() {
                        continue;
                    }
                    if let Some(p) = line.windows(c.len()).position(|w| w == c.as_slice()) {
                        end = end.min(p);
                    }
                }
                &line[..end]
            }
        }
    }

    /// Splits a line (comment already cut) into field ranges. Without a quote character the
    /// ranges index `line`; with one, the unquoted field bytes are written to `scratch` and the
    /// ranges index `scratch`. Returns true when the ranges index `scratch`.
    pub fn split(
        &self,
        line: &[u8],
        fields: &mut Vec<(usize, usize)>,
        scratch: &mut Vec<u8>,
    ) -> bool {
        fields.clear();
        if let Some(q) = self.quote {
            self.split_quoted(line, q, fields, scratch);
            return true;
        }
        match self.delim {
            None => {
                let mut i = 0;
                let n = line.len();
                loop {
                    while i < n && is_space(line[i]) {
                        i += 1;
                    }
                    if i == n {
                        break;
                    }
                    let s = i;
                    while i < n && !is_space(line[i]) {
                        i += 1;
                    }
                    fields.push((s, i));
                }
            }
            Some(d) => {
                if line.is_empty() {
                    return false;
                }
                let mut s = 0;
                for (i, &b) in line.iter().enumerate() {
                    if b == d {
                        fields.push((s, i));
                        s = i + 1;
                    }
                }
                fields.push((s, line.len()));
            }
        }
        false
    }

    /// True when a comment marker starts at `line[i..]`.
    fn at_comment(&self, line: &[u8], i: usize) -> bool {
        self.comments
            .iter()
            .any(|c| !c.is_empty() && line[i..].starts_with(c))
    }

    /// Where the logical line starting at `pos` ends when quoting is on: a line end inside a
    /// quoted field belongs to the field, as in NumPy's tokenizer. Returns (end, next start).
    pub fn quoted_line_end(&self, b: &[u8], pos: usize, q: u8) -> (usize, usize) {
        let n = b.len();
        let (mut i, mut field_start, mut in_quote) = (pos, true, false);
        while i < n {
            let c = b[i];
            if in_quote {
                if c == q {
                    if b.get(i + 1) == Some(&q) {
                        i += 1;
                    } else {
                        in_quote = false;
                    }
                }
            } else if c == b'\n' || c == b'\r' {
                let next = if c == b'\r' && b.get(i + 1) == Some(&b'\n') {
                    i + 2
                } else {
                    i + 1
                };
                return (i, next);
            } else if field_start && c == q {
                in_quote = true;
                field_start = false;
            } else if Some(c) == self.delim || (self.delim.is_none() && is_space(c)) {
                field_start = true;
            } else if self.at_comment(b, i) {
                // The rest of the physical line is a comment.
                let (e, next) = super::text_read::next_line(b, i);
                return (e, next);
            } else {
                field_start = false;
            }
            i += 1;
        }
        (n, n)
    }

    /// The quoting tokenizer; it also ends the line at an unquoted comment marker (the caller
    /// does not cut comments first, so a marker inside quotes stays).
    fn split_quoted(
        &self,
        line: &[u8],
        q: u8,
        fields: &mut Vec<(usize, usize)>,
        scratch: &mut Vec<u8>,
    ) {
        scratch.clear();
        let n = line.len();
        let mut i = 0;
        if self.delim.is_some() && (n == 0 || self.at_comment(line, 0)) {
            return;
        }
        loop {
            if self.delim.is_none() {
                while i < n && is_space(line[i]) {
                    i += 1;
                }
                if i == n || self.at_comment(line, i) {
                    return;
                }
            }
            let start = scratch.len();
            let mut in_quote = i < n && line[i] == q;
            if in_quote {
                i += 1;
            }
            let mut ended_by_delim = false;
            while i < n {
                let b = line[i];
                if in_quote {
                    if b == q {
                        if i + 1 < n && line[i + 1] == q {
                            scratch.push(q);
                            i += 2;
                            continue;
                        }
                        in_quote = false;
                        i += 1;
                        continue;
                    }
                } else if (self.delim.is_none() && is_space(b)) || Some(b) == self.delim {
                    ended_by_delim = true;
                    i += 1;
                    break;
                } else if self.at_comment(line, i) {
                    i = n;
                    break;
                }
                scratch.push(b);
                i += 1;
            }
            fields.push((start, scratch.len()));
            if !ended_by_delim {
                return;
            }
            if self.delim.is_some() && (i == n || self.at_comment(line, i)) {
                fields.push((scratch.len(), scratch.len()));
                return;
            }
        }
    }
}

/// An element the text readers can parse from one field.
pub(crate) trait TextElem: Element {
    /// Parses the field as NumPy's `loadtxt` does, `None` when it cannot.
    fn parse_text(s: &[u8]) -> Option<Self>;
}

fn trim(s: &[u8]) -> &[u8] {
    let mut a = 0;
    let mut b = s.len();
    while a < b && s[a].is_ascii_whitespace() {
        a += 1;
    }
    while b > a && s[b - 1].is_ascii_whitespace() {
        b -= 1;
    }
    &s[a..b]
}

/// A float field: surrounding whitespace, an optional sign, decimal digits with an optional
/// point and exponent, or `inf`/`infinity`/`nan` in any case (what NumPy's parser accepts).
#[inline]
pub(crate) fn parse_f64(s: &[u8]) -> Option<f64> {
    let t = trim(s);
    // Rust's grammar equals NumPy's here, but Rust rejects nothing NumPy takes and takes
    // nothing NumPy rejects except a leading '+' before 'inf'/'nan' (both accept it).
    std::str::from_utf8(t).ok()?.parse::<f64>().ok()
}

fn parse_i128(s: &[u8]) -> Option<i128> {
    let t = trim(s);
    let (neg, digits) = match t.first()? {
        b'-' => (true, &t[1..]),
        b'+' => (false, &t[1..]),
        _ => (false, t),
    };
    if digits.is_empty() || digits.len() > 30 {
        // 30 digits exceed every 64-bit range, and a leading run of zeros that long is rare;
        // strip zeros first so `000...01` still parses.
        let z = digits.iter().take_while(|&&b| b == b'0').count();
        if digits.is_empty() || digits.len() - z > 30 {
            return None;
        }
        return parse_digits(&digits[z..]).map(|v| if neg { -v } else { v });
    }
    parse_digits(digits).map(|v| if neg { -v } else { v })
}

fn parse_digits(d: &[u8]) -> Option<i128> {
    let mut v: i128 = 0;
    for &b in d {
        if !b.is_ascii_digit() {
            return None;
        }
        v = v * 10 + (b - b'0') as i128;
    }
    Some(v)
}

macro_rules! int_text {
    ($($t:ty, $signed:expr;)*) => {$(
        impl TextElem for $t {
            #[inline]
            fn parse_text(s: &[u8]) -> Option<Self> {
                if !$signed && trim(s).first() == Some(&b'-') {
                    return None;
                }
                <$t>::try_from(parse_i128(s)?).ok()
            }
        }
    )*};
}

int_text! {
    i8, true; i16, true; i32, true; i64, true;
    u8, false; u16, false; u32, false; u64, false;
}

impl TextElem for bool {
    fn parse_text(s: &[u8]) -> Option<Self> {
        let v = parse_i128(s)?;
        (i64::try_from(v).is_ok() || u64::try_from(v).is_ok()).then_some(v != 0)
    }
}

impl TextElem for f64 {
    #[inline]
    fn parse_text(s: &[u8]) -> Option<Self> {
        parse_f64(s)
    }
}

impl TextElem for f32 {
    #[inline]
    fn parse_text(s: &[u8]) -> Option<Self> {
        parse_f64(s).map(|v| v as f32)
    }
}

impl TextElem for f16 {
    fn parse_text(s: &[u8]) -> Option<Self> {
        parse_f64(s).map(f16::from_f64)
    }
}

impl TextElem for bf16 {
    fn parse_text(s: &[u8]) -> Option<Self> {
        parse_f64(s).map(bf16::from_f64)
    }
}

/// The length of the longest float at the start of `s` (0 if none), as `strtod` scans it.
fn scan_float(s: &[u8]) -> usize {
    let mut i = 0;
    if matches!(s.first(), Some(b'+' | b'-')) {
        i = 1;
    }
    let rest = &s[i..];
    let starts = |w: &[u8]| rest.len() >= w.len() && rest[..w.len()].eq_ignore_ascii_case(w);
    if starts(b"infinity") {
        return i + 8;
    }
    if starts(b"inf") || starts(b"nan") {
        return i + 3;
    }
    let d0 = i;
    while i < s.len() && s[i].is_ascii_digit() {
        i += 1;
    }
    let mut nd = i - d0;
    if i < s.len() && s[i] == b'.' {
        let p = i;
        i += 1;
        while i < s.len() && s[i].is_ascii_digit() {
            i += 1;
        }
        nd += i - p - 1;
    }
    if nd == 0 {
        return 0;
    }
    if i < s.len() && (s[i] == b'e' || s[i] == b'E') {
        let mut j = i + 1;
        if matches!(s.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        let e0 = j;
        while j < s.len() && s[j].is_ascii_digit() {
            j += 1;
        }
        if j > e0 {
            i = j;
        }
    }
    i
}

/// A complex field: `1+2j`, `(3-4j)`, `5`, `6j`, `( 1+2j )`, with surrounding whitespace.
fn parse_c128(s: &[u8]) -> Option<Complex64> {
    let mut t = trim(s);
    let paren = t.first() == Some(&b'(');
    if paren {
        if t.last() != Some(&b')') {
            return None;
        }
        t = trim(&t[1..t.len() - 1]);
    }
    let num = |x: &[u8]| std::str::from_utf8(x).ok()?.parse::<f64>().ok();
    let n1 = scan_float(t);
    if n1 == 0 {
        return None;
    }
    let re = num(&t[..n1])?;
    let rest = &t[n1..];
    match rest {
        [] => Some(Complex64::new(re, 0.0)),
        [b'j'] => Some(Complex64::new(0.0, re)),
        [b'+' | b'-', ..] => {
            let n2 = scan_float(rest);
            if n2 == 0 || &rest[n2..] != b"j" {
                return None;
            }
            Some(Complex64::new(re, num(&rest[..n2])?))
        }
        _ => None,
    }
}

impl TextElem for Complex64 {
    fn parse_text(s: &[u8]) -> Option<Self> {
        parse_c128(s)
    }
}

impl TextElem for Complex32 {
    fn parse_text(s: &[u8]) -> Option<Self> {
        parse_c128(s).map(|c| Complex32::new(c.re as f32, c.im as f32))
    }
}

/// Python's `float()` of a string: whitespace around, `_` between digits, NumPy's spellings.
pub(crate) fn parse_py_float(s: &[u8]) -> Option<f64> {
    let t = trim(s);
    if !t.contains(&b'_') {
        return parse_f64(t);
    }
    let mut clean = Vec::with_capacity(t.len());
    for (i, &b) in t.iter().enumerate() {
        if b == b'_' {
            let ok = i > 0
                && t[i - 1].is_ascii_digit()
                && t.get(i + 1).is_some_and(|c| c.is_ascii_digit());
            if !ok {
                return None;
            }
        } else {
            clean.push(b);
        }
    }
    parse_f64(&clean)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_follow_numpy_grammar() {
        for (s, v) in [
            ("1.", 1.0),
            (" +.5", 0.5),
            ("1.e5", 1e5),
            ("-iNf", f64::NEG_INFINITY),
        ] {
            assert_eq!(parse_f64(s.as_bytes()), Some(v), "{s}");
        }
        for s in [
            "1e", "e5", ".e1", "1d5", ".", "+", "0x10", "1_000", "infx", "nan(1)",
        ] {
            assert_eq!(parse_f64(s.as_bytes()), None, "{s}");
        }
        assert_eq!(parse_py_float(b"1_000"), Some(1000.0));
        assert_eq!(parse_py_float(b"1__0"), None);
    }

    #[test]
    fn complex_forms() {
        let c = |s: &str| parse_c128(s.as_bytes());
        assert_eq!(c("1+2j"), Some(Complex64::new(1.0, 2.0)));
        assert_eq!(c("( 1+2j )"), Some(Complex64::new(1.0, 2.0)));
        assert_eq!(c("6j"), Some(Complex64::new(0.0, 6.0)));
        assert_eq!(c("1e5-3.5e-2j"), Some(Complex64::new(1e5, -0.035)));
        for s in ["1+j", "-j", "1 +2j", "+1-1J", "2j+1", "()", "(1+2j"] {
            assert_eq!(c(s), None, "{s}");
        }
    }

    #[test]
    fn ints_and_bools() {
        assert_eq!(i8::parse_text(b" -128 "), Some(-128));
        assert_eq!(i8::parse_text(b"128"), None);
        assert_eq!(u8::parse_text(b"-0"), None);
        assert_eq!(u64::parse_text(b"18446744073709551615"), Some(u64::MAX));
        assert_eq!(bool::parse_text(b"-3"), Some(true));
        assert_eq!(bool::parse_text(b"0.0"), None);
    }
}
