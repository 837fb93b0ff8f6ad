//! The text I/O cases (issue 8): a file written in the set-up, one read per timed run.

use std::hint::black_box;

use numox::io::{loadtxt, savetxt, LoadTxtOpts, SaveTxtOpts};

use crate::cases::{run, Case, Impl};

/// The text I/O cases.
pub static IO_TEXT: &[Case] = &[Case {
    // `np.loadtxt(p, delimiter=',')` of a 100000 x 10 float64 file that
    // `np.savetxt(p, x, delimiter=',')` wrote (format '%.18e').
    name: "loadtxt_f64_1e5x10",
    bytes: 0,
    numox: run(|| {
        let (rows, cols) = (100_000, 10);
        // `np.random.default_rng(0).random((100000, 10))`, bit for bit.
        let a = numox::random::default_rng(0u64)
            .unwrap()
            .random(&[rows, cols])
            .unwrap();
        let path =
            std::env::temp_dir().join(format!("numox-bench-loadtxt-{}.csv", std::process::id()));
        let w = SaveTxtOpts {
            delimiter: ",".into(),
            ..Default::default()
        };
        savetxt(&path, &a, &w).unwrap();
        let opts = LoadTxtOpts {
            delimiter: Some(",".into()),
            ..Default::default()
        };
        Box::new(move || drop(black_box(loadtxt(&path, &opts).unwrap())))
    }),
    ndarray: Impl::Absent,
}];
