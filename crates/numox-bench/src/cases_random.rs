//! The random number cases (issue 7), legacy API: `RandomState(0)` built in the setup, one call
//! per timed run. Part of the registry of [`crate::cases`]; ndarray has no counterpart.

use std::hint::black_box;

use numox::random::RandomState;

use crate::cases::{run, Case, Impl};

const N: usize = 10_000_000;

/// The legacy API's cases.
pub static RANDOM_LEGACY: &[Case] = &[
    Case {
        // `RandomState(0).rand(10**7)`.
        name: "rand_1e7",
        bytes: 0,
        numox: run(|| {
            let mut rs = RandomState::new(0).unwrap();
            Box::new(move || drop(black_box(rs.rand(N).unwrap())))
        }),
        ndarray: Impl::Absent,
    },
    Case {
        // `RandomState(0).randn(10**7)`.
        name: "randn_1e7",
        bytes: 0,
        numox: run(|| {
            let mut rs = RandomState::new(0).unwrap();
            Box::new(move || drop(black_box(rs.randn(N).unwrap())))
        }),
        ndarray: Impl::Absent,
    },
    Case {
        // `RandomState(0).randint(0, 1000, 10**7)`.
        name: "randint_1e7",
        bytes: 0,
        numox: run(|| {
            let mut rs = RandomState::new(0).unwrap();
            Box::new(move || drop(black_box(rs.randint(0, Some(1000), N).unwrap())))
        }),
        ndarray: Impl::Absent,
    },
    Case {
        // `RandomState(0).permutation(10**7)`.
        name: "permutation_1e7",
        bytes: 0,
        numox: run(|| {
            let mut rs = RandomState::new(0).unwrap();
            Box::new(move || drop(black_box(rs.permutation(N as i64).unwrap())))
        }),
        ndarray: Impl::Absent,
    },
];
