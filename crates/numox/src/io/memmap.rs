//! Memory-mapped `.npy` files (NumPy's `np.load(mmap_mode=...)` and `open_memmap`): the array's
//! buffer is the file itself, paged in and out by the operating system, so arrays larger than
//! memory can be sliced, written and reduced chunk by chunk.
//!
//! A mapped array is an ordinary [`Array`]. Reads of any view of it read the file. Writes reach
//! the file when they go through [`Array::view_mut`] (and views made from it) or through the
//! array's own handle while no other handle shares it; a write through a handle that shares the
//! buffer copies it first, as for every numox array, and so would not reach the file.

use super::npy::{path_err, read_at_most};
use super::npy_header::{
    check_header_size, header_bytes, parse_header_bytes, parse_preamble, Header,
};
use crate::array::Array;
use crate::buffer::Buffer;
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::layout::{checked_size, Layout, Order};
use std::fs::{File, OpenOptions};
use std::path::Path;
use std::ptr::NonNull;

/// How a `.npy` file is mapped (NumPy's `mmap_mode`).
///
/// ```
/// assert_eq!(numox::io::MmapMode::default(), numox::io::MmapMode::ReadOnly);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MmapMode {
    /// `"r"`: read-only; writes are refused ("assignment destination is read-only").
    #[default]
    ReadOnly,
    /// `"r+"`: read and write; writes reach the file.
    ReadWrite,
    /// `"c"`: copy-on-write; writes stay in memory and never reach the file.
    CopyOnWrite,
}

/// A file mapping, unmapped when the last array over it is dropped.
struct Mapping {
    base: usize,
    len: usize,
}

impl Drop for Mapping {
    fn drop(&mut self) {
        // SAFETY: `base..base+len` is a mapping made by `map_file` and used by no one now.
        unsafe {
            libc::munmap(self.base as *mut libc::c_void, self.len);
        }
    }
}

/// Maps `len` bytes of `f` from offset 0.
fn map_file(f: &File, len: usize, mode: MmapMode) -> Result<Mapping> {
    use std::os::unix::io::AsRawFd;
    let (prot, flags) = match mode {
        MmapMode::ReadOnly => (libc::PROT_READ, libc::MAP_SHARED),
        MmapMode::ReadWrite => (libc::PROT_READ | libc::PROT_WRITE, libc::MAP_SHARED),
        MmapMode::CopyOnWrite => (libc::PROT_READ | libc::PROT_WRITE, libc::MAP_PRIVATE),
    };
    // SAFETY: a fresh mapping of an open file with no address hint; the result is checked.
    let base = unsafe { libc::mmap(std::ptr::null_mut(), len, prot, flags, f.as_raw_fd(), 0) };
    if base == libc::MAP_FAILED {
        return Err(Error::Io(format!(
            "cannot map the file: {}",
            std::io::Error::last_os_error()
        )));
    }
    Ok(Mapping {
        base: base as usize,
        len,
    })
}

/// The array over the mapped file, whose data starts at `offset`.
fn mapped_array(f: &File, h: Header, offset: usize, mode: MmapMode) -> Result<Array> {
    let order = if h.fortran { Order::F } else { Order::C };
    let layout = Layout::with_order(&h.shape, order);
    if h.nbytes == 0 {
        return Ok(Array::from_buffer(Buffer::zeroed(0)?, h.dtype, layout));
    }
    let m = map_file(f, offset + h.nbytes, mode)?;
    let ptr = NonNull::new((m.base + offset) as *mut u8)
        .ok_or_else(|| Error::Io("cannot map the file".into()))?;
    // SAFETY: the mapping covers `offset..offset + nbytes` and lives as long as the owner,
    // which the buffer keeps; the data offset is a multiple of 16 (the header is padded to 64
    // bytes), so it is aligned for every dtype. A shared writeable map can also be written by
    // other processes, as with NumPy's memmap.
    let buf = unsafe { Buffer::foreign(ptr, h.nbytes, mode != MmapMode::ReadOnly, Box::new(m)) };
    Ok(Array::from_buffer(buf, h.dtype, layout))
}

/// Maps an existing `.npy` file (`np.load(path, mmap_mode=...)`). The header is checked as on
/// reading; the file must hold all the data it declares. Big-endian files cannot be mapped.
///
/// ```
/// use numox::io::{self, MmapMode};
/// let path = std::env::temp_dir().join(format!("numox-doc-mmap-{}.npy", std::process::id()));
/// io::write_npy(&path, &numox::array![[1.0, 2.0], [3.0, 4.0]]).unwrap();
/// let mut a = io::open_memmap(&path, MmapMode::ReadWrite).unwrap();
/// a.view_mut().unwrap().index_axis(0, 1).unwrap().fill(9.0).unwrap();
/// drop(a);
/// assert_eq!(io::read_npy(&path).unwrap().to_vec::<f64>().unwrap(), vec![1.0, 2.0, 9.0, 9.0]);
/// let r = io::open_memmap(&path, MmapMode::ReadOnly).unwrap();
/// assert_eq!(r.sum(None).unwrap().item_as::<f64>().unwrap(), 21.0);
/// # std::fs::remove_file(&path).unwrap();
/// ```
pub fn open_memmap(path: impl AsRef<Path>, mode: MmapMode) -> Result<Array> {
    let path = path.as_ref();
    let f = OpenOptions::new()
        .read(true)
        .write(mode == MmapMode::ReadWrite)
        .open(path)
        .map_err(|e| path_err(path, e))?;
    let len = f.metadata().map_err(|e| path_err(path, e))?.len();
    let mut pre = [0u8; 12];
    let got = read_at_most(&f, 0, &mut pre)?;
    let p = parse_preamble(&pre[..got])?;
    if (p.size + p.header_len) as u64 > len {
        return Err(Error::Value(format!(
            "EOF: reading array header, expected {} bytes got {}",
            p.header_len,
            len.saturating_sub(p.size as u64)
        )));
    }
    check_header_size(p.header_len)?;
    let mut hb = vec![0u8; p.header_len];
    if read_at_most(&f, p.size as u64, &mut hb)? < hb.len() {
        return Err(Error::Value("EOF: reading array header".into()));
    }
    let h = parse_header_bytes(&hb, p.major)?;
    if h.swap {
        return Err(Error::Value(
            "a big-endian .npy file cannot be memory-mapped by numox; read it with read_npy".into(),
        ));
    }
    let offset = p.size + p.header_len;
    if (offset + h.nbytes) as u64 > len {
        return Err(Error::Value("mmap length is greater than file size".into()));
    }
    if h.dtype == DType::Bool {
        check_bools(&f, offset, h.nbytes)?;
    }
    mapped_array(&f, h, offset, mode)
}

/// A bool array's bytes must be 0 or 1 for numox to view them as bools.
fn check_bools(f: &File, offset: usize, n: usize) -> Result<()> {
    let mut chunk = vec![0u8; n.min(1 << 20)];
    let mut at = 0;
    while at < n {
        let k = (n - at).min(chunk.len());
        read_at_most(f, (offset + at) as u64, &mut chunk[..k])?;
        if chunk[..k].iter().any(|&b| b > 1) {
            return Err(Error::Value(
                "the mapped bool data holds bytes other than 0 and 1; read it with read_npy".into(),
            ));
        }
        at += k;
    }
    Ok(())
}

/// Creates (or replaces) a `.npy` file of `dtype` and `shape`, filled with zeros, and maps it for
/// reading and writing (NumPy's `open_memmap(path, mode='w+', dtype=..., shape=...)`). The file
/// is sparse until written, so it can be larger than memory.
///
/// ```
/// use numox::{io, DType, Order};
/// let path = std::env::temp_dir().join(format!("numox-doc-create-{}.npy", std::process::id()));
/// let mut a = io::create_memmap(&path, DType::Int32, &[3, 4], Order::C).unwrap();
/// a.view_mut().unwrap().fill(7i32).unwrap();
/// io::flush_memmap(&a).unwrap();
/// assert_eq!(io::read_npy(&path).unwrap().sum(None).unwrap().item_as::<i64>().unwrap(), 84);
/// # drop(a);
/// # std::fs::remove_file(&path).unwrap();
/// ```
pub fn create_memmap(
    path: impl AsRef<Path>,
    dtype: DType,
    shape: &[usize],
    order: Order,
) -> Result<Array> {
    let path = path.as_ref();
    let n = checked_size(shape, dtype.itemsize())?;
    let fortran = order == Order::F && shape.len() > 1;
    let header = header_bytes(dtype, shape, fortran);
    let f = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(true)
        .open(path)
        .map_err(|e| path_err(path, e))?;
    use std::io::Write;
    (&f).write_all(&header).map_err(|e| path_err(path, e))?;
    let nbytes = n * dtype.itemsize();
    f.set_len((header.len() + nbytes) as u64)
        .map_err(|e| path_err(path, e))?;
    let h = Header {
        dtype,
        swap: false,
        fortran,
        shape: shape.to_vec(),
        nbytes,
    };
    mapped_array(&f, h, header.len(), MmapMode::ReadWrite)
}

/// Writes a mapped array's changed pages to its file now (`memmap.flush()`); for an array that
/// is not mapped from a file this does nothing.
///
/// ```
/// numox::io::flush_memmap(&numox::array![1, 2]).unwrap();
/// ```
pub fn flush_memmap(a: &Array) -> Result<()> {
    let Some(m) = a.buffer_owner::<Mapping>() else {
        return Ok(());
    };
    // SAFETY: the mapping is alive (the array holds it) and msync only reads its pages.
    let rc = unsafe { libc::msync(m.base as *mut libc::c_void, m.len, libc::MS_SYNC) };
    if rc != 0 {
        return Err(Error::Io(format!(
            "flush failed: {}",
            std::io::Error::last_os_error()
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> std::path::PathBuf {
        std::env::temp_dir().join(format!("numox-mmap-{}-{name}", std::process::id()))
    }

    #[test]
    fn modes_read_write_and_copy_on_write() {
        let path = temp("modes.npy");
        let mut a = create_memmap(&path, DType::Float64, &[1000, 3], Order::F).unwrap();
        assert!(a.is_f_contiguous());
        a.view_mut().unwrap().fill(1.5).unwrap();
        drop(a);
        let r = open_memmap(&path, MmapMode::ReadOnly).unwrap();
        assert_eq!(r.sum(None).unwrap().item_as::<f64>().unwrap(), 4500.0);
        let mut r2 = r.clone();
        assert!(r2.view_mut().is_err());
        let mut c = open_memmap(&path, MmapMode::CopyOnWrite).unwrap();
        c.view_mut().unwrap().fill(0.0).unwrap();
        assert_eq!(c.sum(None).unwrap().item_as::<f64>().unwrap(), 0.0);
        drop(c);
        assert_eq!(r.sum(None).unwrap().item_as::<f64>().unwrap(), 4500.0);
        let mut w = open_memmap(&path, MmapMode::ReadWrite).unwrap();
        w.view_mut()
            .unwrap()
            .slice_axis(0, Some(0), Some(10), 1)
            .unwrap()
            .fill(2.5)
            .unwrap();
        flush_memmap(&w).unwrap();
        // The read-only map of the same file sees the shared write.
        assert_eq!(r.sum(None).unwrap().item_as::<f64>().unwrap(), 4530.0);
        drop((w, r));
        std::fs::remove_file(&path).unwrap();
    }

    #[test]
    fn short_files_and_empty_arrays() {
        let path = temp("short.npy");
        crate::io::write_npy(&path, &crate::array![1i64, 2, 3]).unwrap();
        let full = std::fs::read(&path).unwrap();
        std::fs::write(&path, &full[..full.len() - 1]).unwrap();
        assert_eq!(
            open_memmap(&path, MmapMode::ReadOnly)
                .unwrap_err()
                .to_string(),
            "mmap length is greater than file size"
        );
        let e = create_memmap(&path, DType::UInt8, &[0, 4], Order::C).unwrap();
        assert_eq!(e.shape(), &[0, 4]);
        assert_eq!(open_memmap(&path, MmapMode::ReadOnly).unwrap().size(), 0);
        std::fs::remove_file(&path).unwrap();
    }
}
