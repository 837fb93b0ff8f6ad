//! Reading and writing arrays: NumPy's `.npy` files (read, write, memory-map) and `.npz`
//! archives, [`load`], which opens either as `np.load` does, and the text formats of
//! `np.loadtxt`, `np.savetxt` and `np.genfromtxt`, and PNG and JPEG images. Reading never trusts a file: headers and
//! archive directories are checked before any memory is set aside for what they claim, and
//! pickled payloads are refused.

mod genfromtxt;
mod image;
mod memmap;
mod npy;
mod npy_header;
mod npz;
mod printf;
mod text_parse;
mod text_read;
mod text_write;
mod zip;

pub use genfromtxt::{
    genfromtxt, genfromtxt_from, FieldIssue, FillingValues, GenFromTxtOpts, GenFromTxtReport,
    SkippedRow,
};
pub use image::{decode_image, encode_png, read_image, write_png};
pub use memmap::{create_memmap, flush_memmap, open_memmap, MmapMode};
pub use npy::{read_npy, read_npy_from, write_npy, write_npy_to};
pub use npz::{load, savez, savez_compressed, Loaded, NpzFile};
pub use text_read::{loadtxt, loadtxt_from, LoadTxtOpts};
pub use text_write::{savetxt, savetxt_to, SaveTxtOpts, TxtFmt};
