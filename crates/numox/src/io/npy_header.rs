//! The `.npy` header: its preamble (magic string, version, header length) and the dictionary
//! `{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }`, parsed as the small subset of
//! Python literals NumPy writes, with NumPy's checks and error messages. Nothing here trusts the
//! header: lengths are bounded before anything is read, and the array size is checked for
//! overflow.

use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::layout::checked_size;

/// The magic string every `.npy` file starts with.
pub(crate) const MAGIC: &[u8; 6] = b"\x93NUMPY";

/// NumPy's default `max_header_size`: longer headers are refused as possibly unsafe.
pub(crate) const MAX_HEADER_SIZE: usize = 10_000;

/// Deepest nesting of brackets the literal parser follows.
const MAX_DEPTH: usize = 16;

fn value_err(msg: String) -> Error {
    Error::Value(msg)
}

/// What the preamble says: the format version and the header's length in bytes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Preamble {
    pub(crate) major: u8,
    pub(crate) header_len: usize,
    /// Bytes taken by magic, version and length field (10 or 12).
    pub(crate) size: usize,
}

/// Parses the fixed-size start of a `.npy` file: `start` must hold at least 12 bytes, or all of
/// the file if it is shorter.
pub(crate) fn parse_preamble(start: &[u8]) -> Result<Preamble> {
    let n = start.len().min(6);
    if start[..n] != MAGIC[..n] {
        return Err(value_err(format!(
            "the magic string is not correct; expected b'\\x93NUMPY', got {}",
            py_bytes(&start[..n])
        )));
    }
    if start.len() < 8 {
        return Err(value_err(format!(
            "EOF: reading magic string, expected 8 bytes got {}",
            start.len()
        )));
    }
    let (major, minor) = (start[6], start[7]);
    let (len_bytes, size) = match (major, minor) {
        (1, 0) => (2, 10),
        (2, 0) | (3, 0) => (4, 12),
        _ => {
            return Err(value_err(format!(
                "we only support format version (1,0), (2,0), and (3,0), not ({major}, {minor})"
            )));
        }
    };
    if start.len() < size {
        return Err(value_err(format!(
            "EOF: reading array header length, expected {len_bytes} bytes got {}",
            start.len() - 8
        )));
    }
    let header_len = if len_bytes == 2 {
        u16::from_le_bytes([start[8], start[9]]) as usize
    } else {
        u32::from_le_bytes([start[8], start[9], start[10], start[11]]) as usize
    };
    Ok(Preamble {
        major,
        header_len,
        size,
    })
}

/// NumPy's limit on the header's length, checked once the header is known to be there (NumPy
/// reports a header shorter than its stated length first).
pub(crate) fn check_header_size(header_len: usize) -> Result<()> {
    if header_len > MAX_HEADER_SIZE {
        return Err(value_err(format!(
            "Header info length ({header_len}) is large and may not be safe to load securely.\n\
             To allow loading, adjust `max_header_size` or fully trust the `.npy` file using \
             `allow_pickle=True`.\nFor safety against large resource use or crashes, sandboxing \
             may be necessary."
        )));
    }
    Ok(())
}

/// Python's `repr` of a bytes object (for error messages).
fn py_bytes(b: &[u8]) -> String {
    let mut s = String::from("b'");
    for &c in b {
        match c {
            b'\\' => s.push_str("\\\\"),
            b'\'' => s.push_str("\\'"),
            b'\n' => s.push_str("\\n"),
            b'\r' => s.push_str("\\r"),
            b'\t' => s.push_str("\\t"),
            0x20..=0x7e => s.push(c as char),
            _ => s.push_str(&format!("\\x{c:02x}")),
        }
    }
    s.push('\'');
    s
}

/// The header's meaning.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Header {
    pub(crate) dtype: DType,
    /// The data is big-endian and must be byte-swapped.
    pub(crate) swap: bool,
    pub(crate) fortran: bool,
    pub(crate) shape: Vec<usize>,
    /// Bytes of array data that follow the header.
    pub(crate) nbytes: usize,
}

/// Decodes the header bytes (latin-1 for versions 1 and 2, UTF-8 for version 3) and parses them.
pub(crate) fn parse_header_bytes(bytes: &[u8], major: u8) -> Result<Header> {
    let text: String = if major == 3 {
        String::from_utf8(bytes.to_vec())
            .map_err(|_| value_err("the .npy header is not valid UTF-8".into()))?
    } else {
        bytes.iter().map(|&b| b as char).collect()
    };
    parse_header(&text)
}

/// A Python literal, as far as `.npy` headers use them.
#[derive(Debug, Clone, PartialEq)]
enum Lit {
    Str(String),
    Bool(bool),
    Int(i128),
    None,
    Tuple(Vec<Lit>),
    List(Vec<Lit>),
    Dict(Vec<(Lit, Lit)>),
}

impl Lit {
    /// Python's `repr`, for error messages.
    fn repr(&self) -> String {
        let join = |v: &[Lit]| v.iter().map(Lit::repr).collect::<Vec<_>>().join(", ");
        match self {
            Lit::Str(s) => format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'")),
            Lit::Bool(b) => if *b { "True" } else { "False" }.into(),
            Lit::Int(i) => i.to_string(),
            Lit::None => "None".into(),
            Lit::Tuple(v) if v.len() == 1 => format!("({},)", v[0].repr()),
            Lit::Tuple(v) => format!("({})", join(v)),
            Lit::List(v) => format!("[{}]", join(v)),
            Lit::Dict(kv) => format!(
                "{{{}}}",
                kv.iter()
                    .map(|(k, v)| format!("{}: {}", k.repr(), v.repr()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }
}

/// A recursive-descent parser over the header text.
struct Parser<'a> {
    s: &'a [u8],
    pos: usize,
}

impl Parser<'_> {
    fn skip_ws(&mut self) {
        while self.pos < self.s.len() && matches!(self.s[self.pos], b' ' | b'\t' | b'\n' | b'\r') {
            self.pos += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.skip_ws();
        self.s.get(self.pos).copied()
    }

    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn value(&mut self, depth: usize) -> Option<Lit> {
        if depth > MAX_DEPTH {
            return None;
        }
        match self.peek()? {
            b'\'' | b'"' => self.string(),
            b'(' => {
                self.pos += 1;
                let (items, trailing) = self.items(b')', depth)?;
                // `(x)` is just x; `(x,)` and `()` are tuples.
                if items.len() == 1 && !trailing {
                    items.into_iter().next()
                } else {
                    Some(Lit::Tuple(items))
                }
            }
            b'[' => {
                self.pos += 1;
                Some(Lit::List(self.items(b']', depth)?.0))
            }
            b'{' => {
                self.pos += 1;
                let mut kv = Vec::new();
                loop {
                    if self.eat(b'}') {
                        return Some(Lit::Dict(kv));
                    }
                    let k = self.value(depth + 1)?;
                    if !self.eat(b':') {
                        return None;
                    }
                    let v = self.value(depth + 1)?;
                    kv.push((k, v));
                    if !self.eat(b',') {
                        return self.eat(b'}').then_some(Lit::Dict(kv));
                    }
                }
            }
            c if c == b'-' || c == b'+' || c.is_ascii_digit() => self.int(),
            _ => self.word(),
        }
    }

    /// Comma-separated values up to `close`; also says whether a trailing comma was present.
    fn items(&mut self, close: u8, depth: usize) -> Option<(Vec<Lit>, bool)> {
        let mut v = Vec::new();
        loop {
            if self.eat(close) {
                return Some((v, true));
            }
            v.push(self.value(depth + 1)?);
            if !self.eat(b',') {
                return self.eat(close).then_some((v, false));
            }
        }
    }

    fn string(&mut self) -> Option<Lit> {
        let q = self.s[self.pos];
        self.pos += 1;
        let mut out = Vec::new();
        while self.pos < self.s.len() {
            let c = self.s[self.pos];
            self.pos += 1;
            if c == q {
                return String::from_utf8(out).ok().map(Lit::Str);
            }
            if c == b'\\' {
                let e = *self.s.get(self.pos)?;
                self.pos += 1;
                out.push(match e {
                    b'n' => b'\n',
                    b't' => b'\t',
                    b'r' => b'\r',
                    b'0' => 0,
                    _ => e,
                });
            } else if c == b'\n' {
                return None;
            } else {
                out.push(c);
            }
        }
        None
    }

    fn int(&mut self) -> Option<Lit> {
        let start = self.pos;
        if matches!(self.s[self.pos], b'-' | b'+') {
            self.pos += 1;
        }
        while self.pos < self.s.len() && self.s[self.pos].is_ascii_digit() {
            self.pos += 1;
        }
        let text = std::str::from_utf8(&self.s[start..self.pos]).ok()?;
        let v = text.parse::<i128>().ok()?;
        // Python 2 wrote long integers with an `L` suffix; NumPy still reads them.
        if self.pos < self.s.len() && self.s[self.pos] == b'L' {
            self.pos += 1;
        }
        Some(Lit::Int(v))
    }

    fn word(&mut self) -> Option<Lit> {
        let start = self.pos;
        while self.pos < self.s.len() && self.s[self.pos].is_ascii_alphabetic() {
            self.pos += 1;
        }
        match &self.s[start..self.pos] {
            b"True" => Some(Lit::Bool(true)),
            b"False" => Some(Lit::Bool(false)),
            b"None" => Some(Lit::None),
            _ => None,
        }
    }
}

/// Parses and checks the header dictionary as NumPy's `_read_array_header` does.
pub(crate) fn parse_header(h: &str) -> Result<Header> {
    let mut p = Parser {
        s: h.as_bytes(),
        pos: 0,
    };
    let lit = p.value(0).filter(|_| p.peek().is_none()).ok_or_else(|| {
        value_err(format!(
            "Cannot parse header: {}",
            Lit::Str(h.to_string()).repr()
        ))
    })?;
    let Lit::Dict(kv) = &lit else {
        return Err(value_err(format!(
            "Header is not a dictionary: {}",
            lit.repr()
        )));
    };
    let get = |key: &str| {
        kv.iter()
            .rev()
            .find(|(k, _)| *k == Lit::Str(key.into()))
            .map(|(_, v)| v)
    };
    let mut keys: Vec<String> = kv.iter().map(|(k, _)| k.repr()).collect();
    keys.sort();
    keys.dedup();
    let (Some(descr), Some(fortran), Some(shape)) =
        (get("descr"), get("fortran_order"), get("shape"))
    else {
        return Err(value_err(format!(
            "Header does not contain the correct keys: [{}]",
            keys.join(", ")
        )));
    };
    if keys.len() != 3 {
        return Err(value_err(format!(
            "Header does not contain the correct keys: [{}]",
            keys.join(", ")
        )));
    }
    let shape = match shape {
        Lit::Tuple(dims) if dims.iter().all(|d| matches!(d, Lit::Int(_))) => dims
            .iter()
            .map(|d| match d {
                Lit::Int(i) => usize::try_from(*i)
                    .map_err(|_| value_err("negative dimensions are not allowed".into())),
                _ => Err(value_err("shape is not valid".into())),
            })
            .collect::<Result<Vec<usize>>>()?,
        other => return Err(value_err(format!("shape is not valid: {}", other.repr()))),
    };
    let fortran = match fortran {
        Lit::Bool(b) => *b,
        other => {
            return Err(value_err(format!(
                "fortran_order is not a valid bool: {}",
                other.repr()
            )));
        }
    };
    let (dtype, swap) = descr_to_dtype(descr)?;
    let n = checked_size(&shape, dtype.itemsize())?;
    Ok(Header {
        dtype,
        swap,
        fortran,
        shape,
        nbytes: n * dtype.itemsize(),
    })
}

/// The dtype a `descr` names, and whether its data is big-endian.
fn descr_to_dtype(descr: &Lit) -> Result<(DType, bool)> {
    let s = match descr {
        Lit::Str(s) => s.as_str(),
        Lit::List(_) => {
            return Err(Error::DType(
                "structured dtypes in .npy files are not supported by numox".into(),
            ));
        }
        other => {
            return Err(value_err(format!(
                "descr is not a valid dtype descriptor: {}",
                other.repr()
            )));
        }
    };
    let (big, code) = match s.as_bytes().first() {
        Some(b'>') => (true, &s[1..]),
        Some(b'<' | b'|' | b'=') => (false, &s[1..]),
        _ => (false, s),
    };
    if code.starts_with('O') {
        return Err(value_err(
            "Object arrays cannot be loaded when allow_pickle=False".into(),
        ));
    }
    let dtype = match code {
        // `np.save` writes an ml_dtypes.bfloat16 array as a two-byte void.
        "V2" => DType::BFloat16,
        _ => code.parse::<DType>().map_err(|_| {
            // Kinds NumPy has and numox does not: strings, bytes, voids, datetimes.
            if code.starts_with(['S', 'a', 'U', 'V', 'M', 'm']) {
                Error::DType(format!(
                    "data type {} in the .npy file is not supported by numox",
                    Lit::Str(s.into()).repr()
                ))
            } else {
                value_err(format!(
                    "descr is not a valid dtype descriptor: {}",
                    Lit::Str(s.into()).repr()
                ))
            }
        })?,
    };
    Ok((dtype, big && dtype.itemsize() > 1))
}

/// The header numox writes for `dtype`, `shape` and order: version 1.0 when it fits, else 2.0;
/// the whole preamble and dictionary padded with spaces to a multiple of 64 bytes, ending in a
/// newline, as `np.save` writes it.
pub(crate) fn header_bytes(dtype: DType, shape: &[usize], fortran: bool) -> Vec<u8> {
    let descr = dtype.type_str().unwrap_or("<V2");
    let shape = match shape {
        [] => "()".to_string(),
        [n] => format!("({n},)"),
        s => format!(
            "({})",
            s.iter()
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    let mut dict = format!(
        "{{'descr': '{descr}', 'fortran_order': {}, 'shape': {shape}, }}",
        if fortran { "True" } else { "False" }
    );
    let (version, len_bytes) = if dict.len() + 11 < 65536 {
        (1u8, 2usize)
    } else {
        (2u8, 4usize)
    };
    let total = 6 + 2 + len_bytes + dict.len() + 1;
    dict.push_str(&" ".repeat((64 - total % 64) % 64));
    dict.push('\n');
    let mut out = Vec::with_capacity(12 + dict.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&[version, 0]);
    if version == 1 {
        out.extend_from_slice(&(dict.len() as u16).to_le_bytes());
    } else {
        out.extend_from_slice(&(dict.len() as u32).to_le_bytes());
    }
    out.extend_from_slice(dict.as_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_variants_parse() {
        let h = parse_header("{'descr': '>i4', 'fortran_order': True, 'shape': (1, 2), }").unwrap();
        assert_eq!(
            (h.dtype, h.swap, h.fortran, h.shape, h.nbytes),
            (DType::Int32, true, true, vec![1, 2], 8)
        );
        let h = parse_header("{'shape': (), 'fortran_order': False, 'descr': '|b1'}").unwrap();
        assert_eq!((h.dtype, h.shape.len(), h.nbytes), (DType::Bool, 0, 1));
        let h = parse_header("{\"descr\": \"<V2\", \"fortran_order\": False, \"shape\": (3L,)}")
            .unwrap();
        assert_eq!((h.dtype, h.shape), (DType::BFloat16, vec![3]));
        let h = parse_header("{'descr':'>u1','fortran_order':False,'shape':(0, 5)}").unwrap();
        assert_eq!((h.swap, h.nbytes), (false, 0));
    }

    #[test]
    fn header_errors_read_like_numpy() {
        let err = |h: &str| parse_header(h).unwrap_err().to_string();
        assert_eq!(err("[1, 2]"), "Header is not a dictionary: [1, 2]");
        assert_eq!(
            err("{'descr': '<f8', 'shape': (3,)}"),
            "Header does not contain the correct keys: ['descr', 'shape']"
        );
        assert_eq!(
            err("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), 'x': 1}"),
            "Header does not contain the correct keys: ['descr', 'fortran_order', 'shape', 'x']"
        );
        assert_eq!(
            err("{'descr': '<f8', 'fortran_order': 0, 'shape': (3,)}"),
            "fortran_order is not a valid bool: 0"
        );
        assert_eq!(
            err("{'descr': '<f8', 'fortran_order': False, 'shape': [3]}"),
            "shape is not valid: [3]"
        );
        assert_eq!(
            err("{'descr': '<f8', 'fortran_order': False, 'shape': (-3,)}"),
            "negative dimensions are not allowed"
        );
        assert_eq!(
            err("{'descr': '|O', 'fortran_order': False, 'shape': (3,)}"),
            "Object arrays cannot be loaded when allow_pickle=False"
        );
        assert_eq!(
            err("{'descr': '<q9', 'fortran_order': False, 'shape': (3,)}"),
            "descr is not a valid dtype descriptor: '<q9'"
        );
        assert!(
            err("{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (3,)}")
                .contains("structured")
        );
        assert!(
            err("{'descr': '<U3', 'fortran_order': False, 'shape': (3,)}")
                .contains("not supported")
        );
        assert!(err(
            "{'descr': '<f8', 'fortran_order': False, 'shape': (4294967296, 4294967296, 4)}"
        )
        .starts_with("array is too big"));
        assert!(err("{'descr': '<f8'").starts_with("Cannot parse header"));
        let deep = format!("{}{}", "(".repeat(100), ")".repeat(100));
        assert!(err(&deep).starts_with("Cannot parse header"));
    }

    #[test]
    fn preamble_checks() {
        let e = parse_preamble(b"\x93NUMPX\x01\x00\x10\x00").unwrap_err();
        assert_eq!(
            e.to_string(),
            "the magic string is not correct; expected b'\\x93NUMPY', got b'\\x93NUMPX'"
        );
        let e = parse_preamble(b"\x93NUMPY\x04\x00\x10\x00").unwrap_err();
        assert_eq!(
            e.to_string(),
            "we only support format version (1,0), (2,0), and (3,0), not (4, 0)"
        );
        let e = parse_preamble(b"\x93NUM").unwrap_err();
        assert_eq!(
            e.to_string(),
            "EOF: reading magic string, expected 8 bytes got 4"
        );
        let e = parse_preamble(b"\x93NUMPY\x01\x00\x10").unwrap_err();
        assert_eq!(
            e.to_string(),
            "EOF: reading array header length, expected 2 bytes got 1"
        );
        // The preamble parses; the length check comes after the reader has the header bytes.
        let p = parse_preamble(b"\x93NUMPY\x02\x00\xff\xff\xff\x7f").unwrap();
        assert_eq!(p.header_len, 2147483647);
        let e = check_header_size(p.header_len).unwrap_err();
        assert!(e
            .to_string()
            .starts_with("Header info length (2147483647) is large"));
        let p = parse_preamble(b"\x93NUMPY\x03\x00\x40\x00\x00\x00").unwrap();
        assert_eq!((p.major, p.header_len, p.size), (3, 64, 12));
    }

    #[test]
    fn written_headers_parse_back() {
        for (shape, fortran) in [(vec![], false), (vec![7], true), (vec![2, 0, 3], false)] {
            let b = header_bytes(DType::Complex64, &shape, fortran);
            assert_eq!(b.len() % 64, 0);
            let p = parse_preamble(&b).unwrap();
            let h = parse_header_bytes(&b[p.size..p.size + p.header_len], p.major).unwrap();
            assert_eq!(
                (h.dtype, h.shape, h.fortran),
                (DType::Complex64, shape, fortran)
            );
        }
    }
}
