//! The I/O cases (issue 8): `.npy` save and load of 800 MB, `.npz` load of 80 MB. The files live
//! in the temporary directory under names of their own (NumPy's runner uses others), made in the
//! set-up; the save case rewrites its file on every call. ndarray has no counterpart.

use std::hint::black_box;
use std::path::PathBuf;

use numox::io;

use crate::cases::{numox_buf, run, Case, Impl};

fn temp(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("numox-bench-rs-{name}"))
}

/// The .npy and .npz cases.
pub static NPY: &[Case] = &[
    Case {
        // `np.save(path, a)` with `a` 10**8 float64.
        name: "npy_save_f64_1e8",
        bytes: 800_000_000,
        numox: run(|| {
            let a = numox_buf(100_000_000, 0);
            let path = temp("1e8.npy");
            Box::new(move || io::write_npy(&path, black_box(&a)).unwrap())
        }),
        ndarray: Impl::Absent,
    },
    Case {
        // `np.load(path)` of that file.
        name: "npy_load_f64_1e8",
        bytes: 800_000_000,
        numox: run(|| {
            let path = temp("1e8.npy");
            io::write_npy(&path, &numox_buf(100_000_000, 0)).unwrap();
            Box::new(move || drop(black_box(io::read_npy(&path).unwrap())))
        }),
        ndarray: Impl::Absent,
    },
    Case {
        // `np.load(path)['a']` of an `np.savez(path, a=a)` archive, `a` 10**7 float64.
        name: "npz_load_f64_1e7",
        bytes: 80_000_000,
        numox: run(|| {
            let path = temp("1e7.npz");
            io::savez(&path, &[("a", &numox_buf(10_000_000, 0))]).unwrap();
            Box::new(move || {
                let z = io::NpzFile::open(&path).unwrap();
                drop(black_box(z.get("a").unwrap()))
            })
        }),
        ndarray: Impl::Absent,
    },
];
