//! NumPy's `.npy` format (versions 1.0, 2.0 and 3.0): a magic string, a Python-literal header
//! `{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }` padded to a multiple of 64
//! bytes, then the raw elements in C or F order.
//!
//! numox writes little-endian data, version 1.0 when the header fits (2.0 otherwise), as `np.save`
//! does. It reads both byte orders. `bfloat16` is stored as `'<V2'`, which is what `np.save`
//! writes for an `ml_dtypes.bfloat16` array; numox reads a 2-byte void back as bfloat16.
//!
//! Reading never trusts the header: its length is bounded, the array size is checked for
//! overflow, and a file whose data is shorter than the header claims is refused before any
//! memory is set aside for it (a stream is read in bounded steps instead). Object arrays (pickled
//! payloads) and structured dtypes are refused; nothing is ever unpickled.

use super::npy_header::{
    check_header_size, header_bytes, parse_header_bytes, parse_preamble, Header, MAX_HEADER_SIZE,
};
use crate::array::Array;
use crate::buffer::Buffer;
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::layout::{Layout, Order};
use std::fs::File;
use std::io::{Read, Write};
use std::path::Path;

pub(crate) fn io_err(e: std::io::Error) -> Error {
    Error::Io(e.to_string())
}

pub(crate) fn path_err(path: &Path, e: std::io::Error) -> Error {
    Error::Io(format!("{}: {e}", path.display()))
}

/// Data larger than this is read or written on two threads.
const PAR_BYTES: usize = 64 << 20;
/// A stream's data is read in pieces of this many bytes.
const STREAM_CHUNK: usize = 64 << 10;

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
    let f = File::open(path).map_err(|e| path_err(path, e))?;
    let file_len = f.metadata().map_err(|e| path_err(path, e))?.len();
    read_npy_at(&f, 0, file_len)
}

/// Reads the `.npy` image stored in `f` at `start..start + len` (a file, or a member of an
/// uncompressed `.npz`), reading the data straight into the array's buffer.
pub(crate) fn read_npy_at(f: &File, start: u64, len: u64) -> Result<Array> {
    read_npy_impl(f, start, len, false).map(|(a, _)| a)
}

/// As [`read_npy_at`], also returning the CRC-32 of the whole `.npy` image as stored (for a
/// member of an archive).
pub(crate) fn read_npy_crc_at(f: &File, start: u64, len: u64) -> Result<(Array, u32)> {
    read_npy_impl(f, start, len, true)
}

fn read_npy_impl(f: &File, start: u64, len: u64, want_crc: bool) -> Result<(Array, u32)> {
    let mut pre = [0u8; 12];
    let got = read_at_most(f, start, &mut pre[..len.min(12) as usize])?;
    let p = parse_preamble(&pre[..got])?;
    let hlen = p.size + p.header_len;
    if (hlen as u64) > len {
        return Err(eof(
            "array header",
            p.header_len,
            len as usize - p.size.min(len as usize),
        ));
    }
    check_header_size(p.header_len)?;
    let mut hb = vec![0u8; p.header_len];
    read_exact_at(f, start + p.size as u64, &mut hb)?;
    let h = parse_header_bytes(&hb, p.major)?;
    let avail = len - hlen as u64;
    if (h.nbytes as u64) > avail {
        return Err(eof("array data", h.nbytes, avail as usize));
    }
    let buf = Buffer::for_overwrite(h.nbytes)?;
    if h.nbytes > 0 {
        // SAFETY: the buffer is fresh and unshared and holds `nbytes` bytes of initialised
        // memory (see `Buffer::for_overwrite`), all overwritten by the read below.
        let bytes = unsafe { std::slice::from_raw_parts_mut(buf.as_mut_ptr(), h.nbytes) };
        read_exact_at(f, start + hlen as u64, bytes)?;
    }
    let mut crc = 0;
    if want_crc {
        let mut hasher = crc32fast::Hasher::new();
        hasher.update(&pre[..p.size]);
        hasher.update(&hb);
        // SAFETY: as above; the bytes are initialised and nothing writes them meanwhile.
        let data = unsafe { std::slice::from_raw_parts(buf.as_ptr(), h.nbytes) };
        hasher.combine(&crc_parallel(data));
        // Bytes of the file beyond the array (if any) are part of the member too.
        let rest = len - (hlen + h.nbytes) as u64;
        if rest > 0 {
            let mut tail = vec![0u8; rest.min(1 << 20) as usize];
            let mut at = start + (hlen + h.nbytes) as u64;
            let end = start + len;
            while at < end {
                let k = ((end - at) as usize).min(tail.len());
                read_exact_at(f, at, &mut tail[..k])?;
                hasher.update(&tail[..k]);
                at += k as u64;
            }
        }
        crc = hasher.finalize();
    }
    Ok((finish(buf, h)?, crc))
}

/// The CRC-32 state of `data`, computed on two threads for large inputs.
fn crc_parallel(data: &[u8]) -> crc32fast::Hasher {
    let one = |d: &[u8]| {
        let mut h = crc32fast::Hasher::new();
        h.update(d);
        h
    };
    if data.len() < PAR_BYTES || rayon::current_num_threads() < 2 {
        return one(data);
    }
    let (a, b) = data.split_at(data.len() / 2);
    let (mut ha, hb) = rayon::join(|| one(a), || one(b));
    ha.combine(&hb);
    ha
}

/// NumPy's message for data that ends early.
fn eof(what: &str, expected: usize, got: usize) -> Error {
    Error::Value(format!(
        "EOF: reading {what}, expected {expected} bytes got {got}"
    ))
}

/// Reads into `buf` from `offset` until it is full or the file ends; the count read.
pub(crate) fn read_at_most(f: &File, offset: u64, buf: &mut [u8]) -> Result<usize> {
    let mut done = 0;
    while done < buf.len() {
        match read_at(f, &mut buf[done..], offset + done as u64) {
            Ok(0) => break,
            Ok(n) => done += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(io_err(e)),
        }
    }
    Ok(done)
}

#[cfg(unix)]
fn read_at(f: &File, buf: &mut [u8], offset: u64) -> std::io::Result<usize> {
    std::os::unix::fs::FileExt::read_at(f, buf, offset)
}

#[cfg(windows)]
fn read_at(f: &File, buf: &mut [u8], offset: u64) -> std::io::Result<usize> {
    std::os::windows::fs::FileExt::seek_read(f, buf, offset)
}

/// Fills `buf` from `offset` (two threads for large reads); an error if the file ends first.
pub(crate) fn read_exact_at(f: &File, offset: u64, buf: &mut [u8]) -> Result<()> {
    let want = buf.len();
    let got = if want >= PAR_BYTES && rayon::current_num_threads() > 1 {
        let (a, b) = buf.split_at_mut(want / 2);
        let mid = offset + a.len() as u64;
        let (ra, rb) = rayon::join(|| read_at_most(f, offset, a), || read_at_most(f, mid, b));
        let (ga, gb) = (ra?, rb?);
        if ga < a.len() {
            ga
        } else {
            ga + gb
        }
    } else {
        read_at_most(f, offset, buf)?
    };
    if got < want {
        return Err(eof("array data", want, got));
    }
    Ok(())
}

/// Byte-swaps big-endian data, makes every bool a 0 or 1 byte, and wraps the buffer.
fn finish(buf: Buffer, h: Header) -> Result<Array> {
    if h.nbytes > 0 && (h.swap || h.dtype == DType::Bool) {
        // SAFETY: the buffer is unshared and its `nbytes` bytes are initialised (read above).
        let bytes = unsafe { std::slice::from_raw_parts_mut(buf.as_mut_ptr(), h.nbytes) };
        if h.swap {
            byteswap(bytes, h.dtype);
        }
        if h.dtype == DType::Bool {
            // NumPy reads any byte; a non-zero one is True.
            bytes.iter_mut().for_each(|b| *b = (*b != 0) as u8);
        }
    }
    let order = if h.fortran { Order::F } else { Order::C };
    Ok(Array::from_buffer(
        buf,
        h.dtype,
        Layout::with_order(&h.shape, order),
    ))
}

/// Writes an array to a `.npy` file (`np.save`).
///
/// An existing regular file is overwritten in place and then cut to the new length, rather than
/// truncated first: rewriting pages the page cache already holds is several times faster than
/// freeing them and allocating new ones (an 800 MB rewrite here: about 120 ms against 500+ ms).
/// The file ends up holding exactly what `np.save` would have written.
///
/// ```
/// let path = std::env::temp_dir().join(format!("numox-doc-write-{}.npy", std::process::id()));
/// numox::io::write_npy(&path, &numox::array![1u8, 2, 3]).unwrap();
/// assert_eq!(numox::io::read_npy(&path).unwrap().to_vec::<u8>().unwrap(), vec![1, 2, 3]);
/// # std::fs::remove_file(&path).unwrap();
/// ```
pub fn write_npy(path: impl AsRef<Path>, a: &Array) -> Result<()> {
    let path = path.as_ref();
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .map_err(|e| path_err(path, e))?;
    let (header, src) = npy_parts(a);
    let data = contiguous_bytes(&src);
    f.write_all(&header).map_err(io_err)?;
    f.write_all(data).map_err(io_err)?;
    // A FIFO or device has no length to set; a regular file loses what an older, longer content
    // left past the new end.
    if f.metadata().map_err(io_err)?.is_file() {
        f.set_len((header.len() + data.len()) as u64)
            .map_err(io_err)?;
    }
    Ok(())
}

/// Reads a `.npy` stream from any reader. The data is read in bounded steps, so a header that
/// claims more data than the stream holds costs no more memory than the stream's length.
///
/// ```
/// let mut bytes = Vec::new();
/// numox::io::write_npy_to(&mut bytes, &numox::Array::scalar(2.5f32)).unwrap();
/// let a = numox::io::read_npy_from(&bytes[..]).unwrap();
/// assert_eq!(a.ndim(), 0);
/// assert!(numox::io::read_npy_from(&b"not an npy"[..]).is_err());
/// ```
pub fn read_npy_from(mut r: impl Read) -> Result<Array> {
    let mut pre = [0u8; 12];
    // Magic and version first: they say whether the length field has 2 or 4 bytes.
    let mut got = read_up_to(&mut r, &mut pre[..8])?;
    if got == 8 {
        let len_bytes = if matches!(pre[6], 2 | 3) { 4 } else { 2 };
        got += read_up_to(&mut r, &mut pre[8..8 + len_bytes])?;
    }
    let p = parse_preamble(&pre[..got])?;
    // At most one byte past NumPy's limit is read before the limit is checked.
    let mut hb = vec![0u8; p.header_len.min(MAX_HEADER_SIZE + 1)];
    let got = read_up_to(&mut r, &mut hb)?;
    if got < hb.len() {
        return Err(eof("array header", p.header_len, got));
    }
    check_header_size(p.header_len)?;
    let h = parse_header_bytes(&hb, p.major)?;
    // Read what arrives into a vector that grows with it, before trusting the claimed size.
    let mut data: Vec<u8> = Vec::with_capacity(h.nbytes.min(STREAM_CHUNK));
    let mut chunk = vec![0u8; h.nbytes.min(STREAM_CHUNK)];
    while data.len() < h.nbytes {
        let want = (h.nbytes - data.len()).min(chunk.len());
        let got = read_up_to(&mut r, &mut chunk[..want])?;
        data.extend_from_slice(&chunk[..got]);
        if got < want {
            return Err(eof("array data", h.nbytes, data.len()));
        }
    }
    let buf = Buffer::for_overwrite(h.nbytes)?;
    if h.nbytes > 0 {
        // SAFETY: the buffer is fresh, unshared and `nbytes` long; `data` holds `nbytes` bytes.
        unsafe { std::ptr::copy_nonoverlapping(data.as_ptr(), buf.as_mut_ptr(), h.nbytes) };
    }
    finish(buf, h)
}

/// Reads until `buf` is full or the stream ends; the count read.
fn read_up_to(r: &mut impl Read, buf: &mut [u8]) -> Result<usize> {
    let mut done = 0;
    while done < buf.len() {
        match r.read(&mut buf[done..]) {
            Ok(0) => break,
            Ok(n) => done += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(io_err(e)),
        }
    }
    Ok(done)
}

/// The header of `a` as written to a file, and the contiguous array whose memory is written
/// after it (`a` itself when it is C- or F-contiguous, else a C-ordered copy).
pub(crate) fn npy_parts(a: &Array) -> (Vec<u8>, Array) {
    let fortran = !a.is_c_contiguous() && a.is_f_contiguous();
    let src = if a.is_c_contiguous() || fortran {
        a.clone()
    } else {
        a.copy()
    };
    (header_bytes(a.dtype(), a.shape(), fortran), src)
}

/// The bytes of a C- or F-contiguous array, in memory order.
pub(crate) fn contiguous_bytes(src: &Array) -> &[u8] {
    match src.layout().span() {
        Some((lo, hi)) => {
            let item = src.itemsize();
            // SAFETY: `src` is contiguous (C or F), so its elements fill exactly [lo, hi) of
            // the buffer, which is initialised memory of at least `hi * item` bytes.
            unsafe { std::slice::from_raw_parts(src.base_ptr().add(lo * item), (hi - lo) * item) }
        }
        None => &[],
    }
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
    let (header, src) = npy_parts(a);
    w.write_all(&header).map_err(io_err)?;
    w.write_all(contiguous_bytes(&src)).map_err(io_err)?;
    w.flush().map_err(io_err)
}

/// Reverses the bytes of each element (of each part, for complex numbers).
fn byteswap(bytes: &mut [u8], dtype: DType) {
    let width = if dtype.is_complex() {
        dtype.itemsize() / 2
    } else {
        dtype.itemsize()
    };
    bytes.chunks_exact_mut(width).for_each(|c| c.reverse());
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn rewriting_a_longer_file_leaves_exactly_the_new_one() {
        let path =
            std::env::temp_dir().join(format!("numox-npy-rewrite-{}.npy", std::process::id()));
        write_npy(&path, &Array::zeros(&[1000], DType::Float64).unwrap()).unwrap();
        let small = crate::array![[1i16, 2], [3, 4]];
        write_npy(&path, &small).unwrap();
        let mut expect = Vec::new();
        write_npy_to(&mut expect, &small).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), expect);
        assert_eq!(
            read_npy(&path).unwrap().to_vec::<i16>().unwrap(),
            vec![1, 2, 3, 4]
        );
        std::fs::remove_file(&path).unwrap();
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
    fn truncated_data_is_an_error_and_bool_bytes_are_normalised() {
        let mut bytes = Vec::new();
        write_npy_to(&mut bytes, &crate::array![true, false]).unwrap();
        let n = bytes.len();
        assert_eq!(
            read_npy_from(&bytes[..n - 1]).unwrap_err().to_string(),
            "EOF: reading array data, expected 2 bytes got 1"
        );
        bytes[n - 2] = 7;
        let a = read_npy_from(&bytes[..]).unwrap();
        assert_eq!(a.to_vec::<bool>().unwrap(), vec![true, false]);
    }

    #[test]
    fn a_lying_header_is_refused_before_allocating() {
        // Claims 2**40 float64 values, holds 8 bytes.
        let mut bytes = header_bytes(DType::Float64, &[1 << 40], false);
        bytes.extend([0u8; 8]);
        let e = read_npy_from(&bytes[..]).unwrap_err();
        assert_eq!(
            e.to_string(),
            format!(
                "EOF: reading array data, expected {} bytes got 8",
                8u64 << 40
            )
        );
        let path = std::env::temp_dir().join(format!("numox-lying-{}.npy", std::process::id()));
        std::fs::write(&path, &bytes).unwrap();
        let e = read_npy(&path).unwrap_err();
        std::fs::remove_file(&path).unwrap();
        assert!(e.to_string().starts_with("EOF: reading array data"));
    }
}
