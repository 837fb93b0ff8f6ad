//! The random number cases (issue 7, Generator API): a `default_rng(0)` made in the set-up, and
//! ten million draws timed per call, as NumPy's `rng.random(10**7)` and friends.

use std::hint::black_box;

use crate::cases::{run, Case, Impl};

const N: usize = 10_000_000;

/// The Generator cases.
pub static RNG_GEN: &[Case] = &[
    Case {
        name: "rng_random_1e7",
        bytes: 8 * N as u64,
        numox: run(|| {
            let mut rng = numox::random::default_rng(0u64).unwrap();
            Box::new(move || drop(black_box(rng.random(&[black_box(N)]).unwrap())))
        }),
        ndarray: Impl::Absent,
    },
    Case {
        name: "rng_standard_normal_1e7",
        bytes: 8 * N as u64,
        numox: run(|| {
            let mut rng = numox::random::default_rng(0u64).unwrap();
            Box::new(move || drop(black_box(rng.standard_normal(&[black_box(N)]).unwrap())))
        }),
        ndarray: Impl::Absent,
    },
    Case {
        name: "rng_integers_1e7",
        bytes: 8 * N as u64,
        numox: run(|| {
            let mut rng = numox::random::default_rng(0u64).unwrap();
            Box::new(move || {
                drop(black_box(
                    rng.integers(0, Some(1000), &[black_box(N)]).unwrap(),
                ))
            })
        }),
        ndarray: Impl::Absent,
    },
];
