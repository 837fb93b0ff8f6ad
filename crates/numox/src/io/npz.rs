//! `.npz` archives (`np.savez`, `np.savez_compressed`, `np.load` of an archive) and `load`, which
//! opens either kind of file as NumPy's `np.load` does. An archive's members are read only when
//! asked for; an uncompressed member is read straight from the file into the array's buffer.

use super::npy::{
    contiguous_bytes, npy_parts, path_err, read_at_most, read_npy_at, read_npy_crc_at,
    read_npy_from,
};
use super::zip::{check_crc, data_offset, read_directory, read_member, Entry, Method, ZipWriter};
use crate::array::Array;
use crate::error::{Error, Result};
use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};

/// An open `.npz` archive (NumPy's `NpzFile`): the names of its arrays, each read on demand.
///
/// ```
/// use numox::{array, io};
/// let path = std::env::temp_dir().join(format!("numox-doc-npzfile-{}.npz", std::process::id()));
/// io::savez(&path, &[("x", &array![1.0, 2.0]), ("y", &array![[1i32, 2], [3, 4]])]).unwrap();
/// let npz = io::NpzFile::open(&path).unwrap();
/// assert_eq!(npz.files(), vec!["x", "y"]);
/// assert_eq!(npz.get("y").unwrap().shape(), &[2, 2]);
/// # std::fs::remove_file(&path).unwrap();
/// ```
#[derive(Debug)]
pub struct NpzFile {
    file: File,
    len: u64,
    entries: Vec<Entry>,
    path: PathBuf,
}

impl NpzFile {
    /// Opens an archive and reads its directory (not its arrays).
    ///
    /// ```
    /// let e = numox::io::NpzFile::open("no-such-file.npz").unwrap_err();
    /// assert!(e.to_string().starts_with("no-such-file.npz: "));
    /// ```
    pub fn open(path: impl AsRef<Path>) -> Result<NpzFile> {
        let path = path.as_ref();
        let file = File::open(path).map_err(|e| path_err(path, e))?;
        let len = file.metadata().map_err(|e| path_err(path, e))?.len();
        let entries = read_directory(&file, len)?;
        Ok(NpzFile {
            file,
            len,
            entries,
            path: path.to_path_buf(),
        })
    }

    /// The array names, in archive order, without the `.npy` suffix (NumPy's `npz.files`).
    ///
    /// ```
    /// # let path = std::env::temp_dir().join(format!("numox-doc-npzfiles-{}.npz", std::process::id()));
    /// numox::io::savez(&path, &[("b", &numox::array![1]), ("a", &numox::array![2])]).unwrap();
    /// assert_eq!(numox::io::NpzFile::open(&path).unwrap().files(), vec!["b", "a"]);
    /// # std::fs::remove_file(&path).unwrap();
    /// ```
    pub fn files(&self) -> Vec<&str> {
        self.entries
            .iter()
            .map(|e| e.name.strip_suffix(".npy").unwrap_or(&e.name))
            .collect()
    }

    /// The number of members.
    ///
    /// ```
    /// # let path = std::env::temp_dir().join(format!("numox-doc-npzlen-{}.npz", std::process::id()));
    /// numox::io::savez(&path, &[("a", &numox::array![1])]).unwrap();
    /// assert_eq!(numox::io::NpzFile::open(&path).unwrap().len(), 1);
    /// # std::fs::remove_file(&path).unwrap();
    /// ```
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the archive has no members.
    ///
    /// ```
    /// # let path = std::env::temp_dir().join(format!("numox-doc-npzempty-{}.npz", std::process::id()));
    /// numox::io::savez(&path, &[]).unwrap();
    /// assert!(numox::io::NpzFile::open(&path).unwrap().is_empty());
    /// # std::fs::remove_file(&path).unwrap();
    /// ```
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Whether `key` (with or without `.npy`) names a member (`key in npz`).
    ///
    /// ```
    /// # let path = std::env::temp_dir().join(format!("numox-doc-npzin-{}.npz", std::process::id()));
    /// numox::io::savez(&path, &[("w", &numox::array![1])]).unwrap();
    /// let npz = numox::io::NpzFile::open(&path).unwrap();
    /// assert!(npz.contains("w") && npz.contains("w.npy") && !npz.contains("v"));
    /// # std::fs::remove_file(&path).unwrap();
    /// ```
    pub fn contains(&self, key: &str) -> bool {
        self.entry(key).is_some()
    }

    fn entry(&self, key: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.name == key).or_else(|| {
            self.entries
                .iter()
                .find(|e| e.name.strip_suffix(".npy") == Some(key))
        })
    }

    /// Reads one array (`npz[key]`); `key` may carry the `.npy` suffix or not.
    ///
    /// ```
    /// # let path = std::env::temp_dir().join(format!("numox-doc-npzget-{}.npz", std::process::id()));
    /// numox::io::savez_compressed(&path, &[("w", &numox::array![1.5f32, 2.5])]).unwrap();
    /// let npz = numox::io::NpzFile::open(&path).unwrap();
    /// assert_eq!(npz.get("w").unwrap().to_vec::<f32>().unwrap(), vec![1.5, 2.5]);
    /// assert_eq!(npz.get("v").unwrap_err().to_string(), "v is not a file in the archive");
    /// # std::fs::remove_file(&path).unwrap();
    /// ```
    pub fn get(&self, key: &str) -> Result<Array> {
        let e = self
            .entry(key)
            .ok_or_else(|| Error::Key(format!("{key} is not a file in the archive")))?;
        let in_member = |err: Error| match err {
            Error::Io(m) => Error::Io(format!("{} in {}: {m}", e.name, self.path.display())),
            other => other,
        };
        match e.method {
            Method::Stored => {
                let start = data_offset(&self.file, self.len, e)?;
                let (a, crc) = read_npy_crc_at(&self.file, start, e.size).map_err(in_member)?;
                check_crc(e, crc)?;
                Ok(a)
            }
            Method::Deflated => {
                let bytes = read_member(&self.file, self.len, e)?;
                read_npy_from(&bytes[..]).map_err(in_member)
            }
        }
    }
}

/// Writes `arrays` to an archive, stored or deflated.
fn save_archive(path: &Path, arrays: &[(&str, &Array)], deflate: bool) -> Result<()> {
    let f = File::create(path).map_err(|e| path_err(path, e))?;
    let mut z = ZipWriter::new(BufWriter::with_capacity(1 << 16, f));
    for (name, a) in arrays {
        let (header, src) = npy_parts(a);
        let member = format!("{name}.npy");
        z.add(&member, &[&header, contiguous_bytes(&src)], deflate)?;
    }
    z.finish()?;
    Ok(())
}

/// Saves arrays by name into an uncompressed `.npz` archive (`np.savez(path, name=a, ...)`).
/// Each member is `name.npy`.
///
/// ```
/// use numox::{array, io};
/// let path = std::env::temp_dir().join(format!("numox-doc-savez-{}.npz", std::process::id()));
/// io::savez(&path, &[("a", &array![1, 2, 3])]).unwrap();
/// let npz = io::NpzFile::open(&path).unwrap();
/// assert_eq!(npz.get("a").unwrap().to_vec::<i64>().unwrap(), vec![1, 2, 3]);
/// # std::fs::remove_file(&path).unwrap();
/// ```
pub fn savez(path: impl AsRef<Path>, arrays: &[(&str, &Array)]) -> Result<()> {
    save_archive(path.as_ref(), arrays, false)
}

/// Saves arrays by name into a deflate-compressed `.npz` archive (`np.savez_compressed`).
///
/// ```
/// use numox::io;
/// let path = std::env::temp_dir().join(format!("numox-doc-savezc-{}.npz", std::process::id()));
/// let zeros = numox::Array::zeros(&[1000], numox::DType::Float64).unwrap();
/// io::savez_compressed(&path, &[("z", &zeros)]).unwrap();
/// assert!(std::fs::metadata(&path).unwrap().len() < 1000);
/// # std::fs::remove_file(&path).unwrap();
/// ```
pub fn savez_compressed(path: impl AsRef<Path>, arrays: &[(&str, &Array)]) -> Result<()> {
    save_archive(path.as_ref(), arrays, true)
}

/// What [`load`] found in a file: one array (`.npy`) or an archive (`.npz`).
///
/// ```
/// let path = std::env::temp_dir().join(format!("numox-doc-loaded-{}.npy", std::process::id()));
/// numox::io::write_npy(&path, &numox::array![1u8]).unwrap();
/// assert!(matches!(numox::io::load(&path).unwrap(), numox::io::Loaded::Array(_)));
/// # std::fs::remove_file(&path).unwrap();
/// ```
#[derive(Debug)]
pub enum Loaded {
    /// The array of a `.npy` file.
    Array(Array),
    /// An open `.npz` archive.
    Npz(NpzFile),
}

impl Loaded {
    /// The array, or an error for an archive.
    ///
    /// ```
    /// let path = std::env::temp_dir().join(format!("numox-doc-loadarr-{}.npy", std::process::id()));
    /// numox::io::write_npy(&path, &numox::array![7i16]).unwrap();
    /// let a = numox::io::load(&path).unwrap().array().unwrap();
    /// assert_eq!(a.to_vec::<i16>().unwrap(), vec![7]);
    /// # std::fs::remove_file(&path).unwrap();
    /// ```
    pub fn array(self) -> Result<Array> {
        match self {
            Loaded::Array(a) => Ok(a),
            Loaded::Npz(_) => Err(Error::Value(
                "the file is an .npz archive, not a single array; use NpzFile::get".into(),
            )),
        }
    }

    /// The archive, or an error for a single array.
    ///
    /// ```
    /// let path = std::env::temp_dir().join(format!("numox-doc-loadnpz-{}.npz", std::process::id()));
    /// numox::io::savez(&path, &[("k", &numox::array![1])]).unwrap();
    /// assert_eq!(numox::io::load(&path).unwrap().npz().unwrap().files(), vec!["k"]);
    /// # std::fs::remove_file(&path).unwrap();
    /// ```
    pub fn npz(self) -> Result<NpzFile> {
        match self {
            Loaded::Npz(z) => Ok(z),
            Loaded::Array(_) => Err(Error::Value(
                "the file is a single .npy array, not an .npz archive".into(),
            )),
        }
    }
}

/// Opens a `.npy` or `.npz` file by its content, as `np.load` does (with `allow_pickle=False`):
/// a ZIP archive is an [`NpzFile`], a `.npy` file is read, anything else is refused (pickled
/// files included: numox never unpickles).
///
/// ```
/// let path = std::env::temp_dir().join(format!("numox-doc-load-{}.bin", std::process::id()));
/// std::fs::write(&path, b"\x80\x04\x95 a pickle").unwrap();
/// let e = numox::io::load(&path).unwrap_err();
/// assert!(e.to_string().starts_with("This file contains pickled (object) data."));
/// # std::fs::remove_file(&path).unwrap();
/// ```
pub fn load(path: impl AsRef<Path>) -> Result<Loaded> {
    let path = path.as_ref();
    let f = File::open(path).map_err(|e| path_err(path, e))?;
    let len = f.metadata().map_err(|e| path_err(path, e))?.len();
    let mut magic = [0u8; 6];
    let n = read_at_most(&f, 0, &mut magic)?;
    let magic = &magic[..n];
    if magic.starts_with(b"PK\x03\x04") || magic.starts_with(b"PK\x05\x06") {
        return NpzFile::open(path).map(Loaded::Npz);
    }
    if magic == super::npy_header::MAGIC {
        return read_npy_at(&f, 0, len).map(Loaded::Array);
    }
    Err(Error::Value(
        "This file contains pickled (object) data. If you trust the file you can load it \
         unsafely using the `allow_pickle=` keyword argument or `pickle.load()`."
            .into(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DType;

    fn temp(name: &str) -> PathBuf {
        std::env::temp_dir().join(format!("numox-npz-{}-{name}", std::process::id()))
    }

    #[test]
    fn every_dtype_round_trips_stored_and_compressed() {
        let arrays: Vec<(String, Array)> = DType::ALL
            .iter()
            .map(|&d| {
                let a = crate::creation::arange(0, 12, 1)
                    .unwrap()
                    .astype(d)
                    .unwrap();
                (d.name().to_string(), a.reshape(&[3, 4]).unwrap().t())
            })
            .collect();
        let refs: Vec<(&str, &Array)> = arrays.iter().map(|(n, a)| (n.as_str(), a)).collect();
        for compressed in [false, true] {
            let path = temp(if compressed { "c.npz" } else { "s.npz" });
            if compressed {
                savez_compressed(&path, &refs).unwrap();
            } else {
                savez(&path, &refs).unwrap();
            }
            let npz = load(&path).unwrap().npz().unwrap();
            assert_eq!(npz.len(), DType::ALL.len());
            for (name, a) in &arrays {
                let b = npz.get(name).unwrap();
                assert_eq!((b.dtype(), b.shape()), (a.dtype(), a.shape()));
                assert!(b.is_f_contiguous());
                assert_eq!(
                    b.astype(DType::Complex128)
                        .unwrap()
                        .to_vec::<num_complex::Complex64>()
                        .unwrap(),
                    a.astype(DType::Complex128)
                        .unwrap()
                        .to_vec::<num_complex::Complex64>()
                        .unwrap()
                );
            }
            std::fs::remove_file(&path).unwrap();
        }
        assert_eq!(super::super::zip::crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn corrupt_members_are_errors() {
        let path = temp("bad.npz");
        savez(&path, &[("a", &crate::array![1.0, 2.0])]).unwrap();
        let mut bytes = std::fs::read(&path).unwrap();
        let n = bytes.len();
        // The last data byte sits just before the central directory (46 + 5 name bytes) and
        // the end record (22 bytes).
        bytes[n - 22 - 51 - 1] ^= 0x40;
        std::fs::write(&path, &bytes).unwrap();
        let npz = NpzFile::open(&path).unwrap();
        assert_eq!(
            npz.get("a").unwrap_err().to_string(),
            "Bad CRC-32 for file 'a.npy'"
        );
        std::fs::remove_file(&path).unwrap();
    }
}
