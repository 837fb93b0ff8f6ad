//! NumPy's `.npy` format (versions 1.0, 2.0 and 3.0): a magic string, a Python-literal header
//! `{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }` padded to a multiple of 64
//! bytes, then the raw elements in C or F order.
//!
//! numox writes little-endian data, version 1.0 when the header fits (2.0 otherwise), as `np.save`
//! does. It reads both byte orders. `bfloat16` is stored as `'<V2'`, which is what `np.save`
//! writes for an `ml_dtypes.bfloat16` array; numox reads a 2-byte void back as bfloat16.

use crate::array::Array;
use crate::buffer::Buffer;
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::layout::{checked_size, Layout, Order};
use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::Path;

const MAGIC: &[u8; 6] = b"\x93NUMPY";

fn io_err(e: std::io::Error) -> Error {
    Error::Io(e.to_string())
}

/// Reads an array from a `.npy` file (`np.load` for `.npy`).
///
/// ```
/// let dir = std::env::temp_dir().join(format!("numox-doc-read-{}", std::process::id()));
/// std::fs::create_dir_all(&dir).unwrap();
/// let path = dir.join("a.npy");
/// numox::io::write_npy(&path, &numox::array![[1.0, 2.0], [3.0, 4.0]]).unwrap();
/// let a = numox::io::read_npy(&path).unwrap();
/// assert_eq!(a.shape(), &[2, 2]);
/// assert_eq!(a.to_vec::<f64>().unwrap(), vec![1.0, 2.0, 3.0, 4.0]);
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
pub fn read_npy(path: impl AsRef<Path>) -> Result<Array> {
    let path = path.as_ref();
    let f = File::open(path).map_err(|e| Error::Io(format!("{}: {e}", path.display())))?;
    read_npy_from(BufReader::new(f))
}

/// Writes an array to a `.npy` file (`np.save`).
///
/// ```
/// let path = std::env::temp_dir().join(format!("numox-doc-write-{}.npy", std::process::id()));
/// numox::io::write_npy(&path, &numox::array![1u8, 2, 3]).unwrap();
/// assert_eq!(numox::io::read_npy(&path).unwrap().to_vec::<u8>().unwrap(), vec![1, 2, 3]);
/// # std::fs::remove_file(&path).unwrap();
/// ```
pub fn write_npy(path: impl AsRef<Path>, a: &Array) -> Result<()> {
    let path = path.as_ref();
    let f = File::create(path).map_err(|e| Error::Io(format!("{}: {e}", path.display())))?;
    let mut w = BufWriter::with_capacity(1 << 20, f);
    write_npy_to(&mut w, a)?;
    w.flush().map_err(io_err)
}

/// Reads a `.npy` stream from any reader.
///
/// ```
/// let mut bytes = Vec::new();
/// numox::io::write_npy_to(&mut bytes, &numox::Array::scalar(2.5f32)).unwrap();
/// let a = numox::io::read_npy_from(&bytes[..]).unwrap();
/// assert_eq!(a.ndim(), 0);
/// assert!(numox::io::read_npy_from(&b"not an npy"[..]).is_err());
/// ```
pub fn read_npy_from(mut r: impl Read) -> Result<Array> {
    let mut pre = [0u8; 8];
    r.read_exact(&mut pre)
        .map_err(|_| Error::Io("the file is too short to be a .npy file".into()))?;
    if &pre[..6] != MAGIC {
        return Err(Error::Io(
            "the magic string is not correct; expected b'\\x93NUMPY'".into(),
        ));
    }
    let major = pre[6];
    let header_len = match major {
        1 => {
            let mut b = [0u8; 2];
            r.read_exact(&mut b).map_err(io_err)?;
            u16::from_le_bytes(b) as usize
        }
        2 | 3 => {
            let mut b = [0u8; 4];
            r.read_exact(&mut b).map_err(io_err)?;
            u32::from_le_bytes(b) as usize
        }
        v => {
            return Err(Error::Io(format!(
                "we only support format version (1,0), (2,0) and (3,0), not ({v}, {})",
                pre[7]
            )))
        }
    };
    let mut header = vec![0u8; header_len];
    r.read_exact(&mut header).map_err(io_err)?;
    let header = String::from_utf8(header)
        .map_err(|_| Error::Io("the .npy header is not valid text".into()))?;
    let h = parse_header(&header)?;
    let n = checked_size(&h.shape, h.dtype.itemsize())?;
    let nbytes = n * h.dtype.itemsize();
    let buf = Buffer::zeroed(nbytes)?;
    // SAFETY: the buffer is fresh and unshared; its `nbytes` bytes are initialised (zeroed).
    let bytes = unsafe { std::slice::from_raw_parts_mut(buf.as_mut_ptr(), nbytes) };
    r.read_exact(bytes).map_err(|_| {
        Error::Io(format!(
            "the .npy data is shorter than its header says ({nbytes} bytes)"
        ))
    })?;
    if h.swap {
        byteswap(bytes, h.dtype);
    }
    if h.dtype == DType::Bool && bytes.iter().any(|&b| b > 1) {
        return Err(Error::Io(
            "the .npy file holds bool values other than 0 and 1".into(),
        ));
    }
    let order = if h.fortran { Order::F } else { Order::C };
    Ok(Array::from_buffer(
        buf,
        h.dtype,
        Layout::with_order(&h.shape, order),
    ))
}

/// Writes an array as a `.npy` stream. C- or F-contiguous arrays are written as they lie in
/// memory; other views are written in C order.
///
/// ```
/// let mut bytes = Vec::new();
/// numox::io::write_npy_to(&mut bytes, &numox::array![1i64, 2]).unwrap();
/// assert_eq!(&bytes[..6], b"\x93NUMPY");
/// assert_eq!(bytes.len() % 64, 16 % 64); // 64-byte aligned header, then 16 data bytes
/// ```
pub fn write_npy_to(mut w: impl Write, a: &Array) -> Result<()> {
    let fortran = !a.is_c_contiguous() && a.is_f_contiguous();
    let src = if a.is_c_contiguous() || fortran {
        a.clone()
    } else {
        a.copy()
    };
    let descr = a.dtype().type_str().unwrap_or("<V2");
    let shape = match a.shape() {
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
    // Pad with spaces so that magic + version + length + header is a multiple of 64, ending in \n.
    let (version, len_bytes) = if dict.len() + 11 < 65536 {
        (1u8, 2usize)
    } else {
        (2u8, 4usize)
    };
    let total = 6 + 2 + len_bytes + dict.len() + 1;
    dict.push_str(&" ".repeat((64 - total % 64) % 64));
    dict.push('\n');
    w.write_all(MAGIC).map_err(io_err)?;
    w.write_all(&[version, 0]).map_err(io_err)?;
    if version == 1 {
        w.write_all(&(dict.len() as u16).to_le_bytes())
            .map_err(io_err)?;
    } else {
        w.write_all(&(dict.len() as u32).to_le_bytes())
            .map_err(io_err)?;
    }
    w.write_all(dict.as_bytes()).map_err(io_err)?;
    if let Some((lo, hi)) = src.layout().span() {
        let item = src.itemsize();
        // SAFETY: `src` is contiguous (C or F), so its elements fill exactly [lo, hi) of the
        // buffer, which is initialised memory of at least `hi * item` bytes.
        let bytes =
            unsafe { std::slice::from_raw_parts(src.base_ptr().add(lo * item), (hi - lo) * item) };
        w.write_all(bytes).map_err(io_err)?;
    }
    Ok(())
}

struct Header {
    dtype: DType,
    swap: bool,
    fortran: bool,
    shape: Vec<usize>,
}

/// Parses the header dictionary. It is a Python literal with three keys; numox accepts any key
/// order and spacing.
fn parse_header(h: &str) -> Result<Header> {
    let bad = |what: &str| Error::Io(format!("cannot parse the .npy header ({what}): {h:?}"));
    let value_after = |key: &str| -> Result<&str> {
        let pos = h.find(key).ok_or_else(|| bad(key))?;
        let rest = &h[pos + key.len()..];
        let rest = rest.trim_start();
        let rest = rest.strip_prefix(':').ok_or_else(|| bad(key))?;
        Ok(rest.trim_start())
    };
    // descr: a quoted string (structured dtypes, given as lists, are not supported).
    let d = value_after("'descr'")?;
    let quote = d.chars().next().ok_or_else(|| bad("descr"))?;
    if quote != '\'' && quote != '"' {
        return Err(Error::Io(
            "structured dtypes in .npy files are not supported".into(),
        ));
    }
    let end = d[1..].find(quote).ok_or_else(|| bad("descr"))?;
    let descr = &d[1..1 + end];
    let (order_char, code) = match descr.chars().next() {
        Some(c @ ('<' | '>' | '|' | '=')) => (c, &descr[1..]),
        _ => ('|', descr),
    };
    let dtype = match code {
        "V2" => DType::BFloat16,
        _ => code.parse::<DType>().map_err(|_| {
            Error::Io(format!(
                "data type '{descr}' in the .npy file is not supported"
            ))
        })?,
    };
    let swap = order_char == '>' && dtype.itemsize() > 1;
    let f = value_after("'fortran_order'")?;
    let fortran = if f.starts_with("True") {
        true
    } else if f.starts_with("False") {
        false
    } else {
        return Err(bad("fortran_order"));
    };
    let s = value_after("'shape'")?;
    let s = s.strip_prefix('(').ok_or_else(|| bad("shape"))?;
    let close = s.find(')').ok_or_else(|| bad("shape"))?;
    let mut shape = Vec::new();
    for part in s[..close].split(',') {
        let p = part.trim().trim_end_matches('L');
        if p.is_empty() {
            continue;
        }
        shape.push(p.parse::<usize>().map_err(|_| bad("shape"))?);
    }
    Ok(Header {
        dtype,
        swap,
        fortran,
        shape,
    })
}

/// Reverses the bytes of each element (of each part, for complex numbers).
fn byteswap(bytes: &mut [u8], dtype: DType) {
    let width = if dtype.is_complex() {
        dtype.itemsize() / 2
    } else {
        dtype.itemsize()
    };
    for chunk in bytes.chunks_exact_mut(width) {
        chunk.reverse();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_variants_parse() {
        let h = parse_header("{'descr': '>i4', 'fortran_order': True, 'shape': (1, 2), }").unwrap();
        assert_eq!(
            (h.dtype, h.swap, h.fortran, h.shape),
            (DType::Int32, true, true, vec![1, 2])
        );
        let h = parse_header("{'shape': (), 'fortran_order': False, 'descr': '|b1'}").unwrap();
        assert_eq!((h.dtype, h.shape.len()), (DType::Bool, 0));
        let h = parse_header("{'descr': '<V2', 'fortran_order': False, 'shape': (3,), }").unwrap();
        assert_eq!(h.dtype, DType::BFloat16);
        assert!(
            parse_header("{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (3,), }")
                .is_err()
        );
        assert!(
            parse_header("{'descr': '<f16', 'fortran_order': False, 'shape': (3,), }").is_err()
        );
    }

    #[test]
    fn roundtrip_every_dtype_and_order() {
        for d in DType::ALL {
            let a = Array::zeros_order(&[2, 3], d, Order::F).unwrap();
            let mut bytes = Vec::new();
            write_npy_to(&mut bytes, &a).unwrap();
            let b = read_npy_from(&bytes[..]).unwrap();
            assert_eq!(
                (b.dtype(), b.shape(), b.is_f_contiguous()),
                (d, &[2usize, 3][..], true)
            );
        }
    }

    #[test]
    fn big_endian_is_swapped_and_views_are_written_in_c_order() {
        let a = crate::array![[1i32, 2], [3, 4]];
        let t = a.t().slice_axis(0, None, None, -1).unwrap();
        let mut bytes = Vec::new();
        write_npy_to(&mut bytes, &t).unwrap();
        let b = read_npy_from(&bytes[..]).unwrap();
        assert_eq!(b.to_vec::<i64>().unwrap(), t.to_vec::<i64>().unwrap());

        let mut be = b"\x93NUMPY\x01\x00".to_vec();
        let mut dict = "{'descr': '>u2', 'fortran_order': False, 'shape': (2,), }".to_string();
        while !(10 + dict.len() + 1).is_multiple_of(64) {
            dict.push(' ');
        }
        dict.push('\n');
        be.extend((dict.len() as u16).to_le_bytes());
        be.extend(dict.as_bytes());
        be.extend([0x01, 0x02, 0x00, 0xff]);
        let c = read_npy_from(&be[..]).unwrap();
        assert_eq!(c.to_vec::<u16>().unwrap(), vec![0x0102, 0x00ff]);
    }

    #[test]
    fn truncated_data_and_bad_bools_are_errors() {
        let mut bytes = Vec::new();
        write_npy_to(&mut bytes, &crate::array![true, false]).unwrap();
        let n = bytes.len();
        assert!(read_npy_from(&bytes[..n - 1]).is_err());
        bytes[n - 1] = 7;
        assert!(read_npy_from(&bytes[..]).is_err());
    }
}
