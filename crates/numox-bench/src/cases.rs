//! The case registry: one entry per benchmark case, keyed by its name `op_dtype_size`.
//!
//! The NumPy side of each case is the entry of the same name in `scripts/bench_numpy.py`'s
//! `CASES`. To add a case, add one [`Case`] to [`CASES`] here and one entry there.
//!
//! Each implementation is a *setup* function: it builds the inputs (untimed) and returns the
//! operation as a closure, which the timer then calls many times. The closure passes its result
//! through [`black_box`] so the work cannot be optimised away, and drops it inside the timed region
//! (NumPy frees its results inside the timed region too).
//!
//! A case whose numox operation has not landed yet has `numox: pending("...")`: it is still
//! listed and NumPy and ndarray still run it. Switching it on means replacing `pending(...)` by
//! `run(...)` with the setup closure (the intended one is written out in a comment beside it).

use std::hint::black_box;

use ndarray::{Array1, Axis};
use numox::{Array, DType};
use rayon::prelude::*;

/// The timed operation, as returned by a setup function.
pub type Bench = Box<dyn FnMut()>;

/// One implementation of a case.
#[derive(Clone, Copy)]
pub enum Impl {
    /// Runs: the setup function builds the inputs and returns the timed operation.
    Run(fn() -> Bench),
    /// Registered but not runnable yet (the reason says what it waits for).
    #[allow(dead_code)] // no case waits right now; kept for the next one that does
    Pending(&'static str),
    /// This implementation has no such operation.
    Absent,
}

/// One benchmark case.
pub struct Case {
    /// `op_dtype_size`, the same name as in `scripts/bench_numpy.py`.
    pub name: &'static str,
    /// Bytes the operation must read plus write once; 0 when the case is not memory-bound.
    /// numox's achieved bandwidth is `bytes / median time`.
    pub bytes: u64,
    /// The numox implementation (for the STREAM triad: plain Rust with rayon).
    pub numox: Impl,
    /// The ndarray crate's implementation.
    pub ndarray: Impl,
}

impl Case {
    /// The implementations by the names the runner reports them under.
    pub fn impls(&self) -> [(&'static str, Impl); 2] {
        [("ndarray", self.ndarray), ("numox", self.numox)]
    }
}

pub(crate) const fn run(setup: fn() -> Bench) -> Impl {
    Impl::Run(setup)
}

#[allow(dead_code)] // see `Impl::Pending`
const fn pending(reason: &'static str) -> Impl {
    Impl::Pending(reason)
}

const N: usize = 10_000_000;
const F64: u64 = 8;
const F32: u64 = 4;

/// The name of the case that measures the machine's memory bandwidth.
pub const TRIAD: &str = "stream_triad_f64_2e7";
const TRIAD_N: usize = 20_000_000;

/// Every case, in report order. The triad comes first: it gives the machine's bandwidth.
pub static CASES: &[Case] = &[
    Case {
        name: TRIAD,
        bytes: 3 * F64 * TRIAD_N as u64,
        numox: run(stream_triad),
        ndarray: Impl::Absent,
    },
    Case {
        // Both sides map zeroed pages lazily: this times allocation, not a pass over memory.
        name: "zeros_f64_1e7",
        bytes: 0,
        numox: run(|| {
            Box::new(|| {
                drop(black_box(
                    Array::zeros(&[black_box(N)], DType::Float64).unwrap(),
                ))
            })
        }),
        ndarray: run(|| Box::new(|| drop(black_box(Array1::<f64>::zeros(black_box(N)))))),
    },
    Case {
        name: "arange_f64_1e7",
        bytes: F64 * N as u64,
        numox: run(|| {
            Box::new(|| {
                drop(black_box(
                    numox::arange(0.0, black_box(N) as f64, 1.0).unwrap(),
                ))
            })
        }),
        ndarray: run(|| Box::new(|| drop(black_box(Array1::range(0.0, black_box(N) as f64, 1.0))))),
    },
    Case {
        name: "linspace_f64_1e7",
        bytes: F64 * N as u64,
        numox: run(|| {
            Box::new(|| drop(black_box(numox::linspace(0.0, 1.0, black_box(N)).unwrap())))
        }),
        ndarray: run(|| Box::new(|| drop(black_box(Array1::linspace(0.0, 1.0, black_box(N)))))),
    },
    Case {
        name: "astype_f64_to_f32_1e7",
        bytes: (F64 + F32) * N as u64,
        numox: run(|| {
            let a = numox_ramp(N);
            Box::new(move || drop(black_box(black_box(&a).astype(DType::Float32).unwrap())))
        }),
        ndarray: run(|| {
            let a = ndarray_ramp(N);
            Box::new(move || drop(black_box(black_box(&a).mapv(|x| x as f32))))
        }),
    },
    Case {
        name: "copy_f64_1e7",
        bytes: 2 * F64 * N as u64,
        numox: run(|| {
            let a = numox_ramp(N);
            Box::new(move || drop(black_box(black_box(&a).copy())))
        }),
        ndarray: run(|| {
            let a = ndarray_ramp(N);
            Box::new(move || drop(black_box(black_box(&a).to_owned())))
        }),
    },
    Case {
        // repr of i / 7 for i in 0..1000, as NumPy's `repr(np.arange(1000) / 7)`: every element
        // printed (1000 is NumPy's summarisation threshold). ndarray elides long arrays.
        name: "repr_f64_1000",
        bytes: 0,
        numox: run(|| {
            let a = numox_sevenths(1000);
            Box::new(move || drop(black_box(format!("{:?}", black_box(&a)))))
        }),
        ndarray: Impl::Absent,
    },
    // ---- elementwise (issue 3). Inputs: x_i = frac(i * golden ratio), the same on both sides.
    Case {
        name: "add_f64_1e7",
        bytes: 3 * F64 * N as u64,
        numox: run(|| {
            let (a, b) = (numox_frac(N, 0), numox_frac(N, 1));
            Box::new(move || drop(black_box((black_box(&a) + black_box(&b)).unwrap())))
        }),
        ndarray: run(|| {
            let (a, b) = (ndarray_frac(N, 0), ndarray_frac(N, 1));
            Box::new(move || drop(black_box(black_box(&a) + black_box(&b))))
        }),
    },
    Case {
        name: "add_out_f64_1e7",
        bytes: 3 * F64 * N as u64,
        numox: run(|| {
            let (a, b) = (numox_frac(N, 0), numox_frac(N, 1));
            let mut o = numox_frac(N, 2);
            Box::new(move || {
                numox::add_out(black_box(&a), black_box(&b), black_box(&mut o)).unwrap()
            })
        }),
        ndarray: run(|| {
            let (a, b) = (ndarray_frac(N, 0), ndarray_frac(N, 1));
            let mut o = ndarray_frac(N, 2);
            Box::new(move || {
                ndarray::Zip::from(black_box(&mut o))
                    .and(&a)
                    .and(&b)
                    .par_for_each(|o, &x, &y| *o = x + y)
            })
        }),
    },
    Case {
        name: "fma_f64_1e7",
        bytes: 4 * F64 * N as u64,
        numox: run(|| {
            let (a, b, c) = (numox_frac(N, 0), numox_frac(N, 1), numox_frac(N, 2));
            Box::new(move || {
                drop(black_box(
                    (black_box(&a) * black_box(&b) + black_box(&c)).unwrap(),
                ))
            })
        }),
        ndarray: run(|| {
            let (a, b, c) = (ndarray_frac(N, 0), ndarray_frac(N, 1), ndarray_frac(N, 2));
            Box::new(move || drop(black_box(&(black_box(&a) * black_box(&b)) + black_box(&c))))
        }),
    },
    Case {
        name: "exp_f64_1e7",
        bytes: 2 * F64 * N as u64,
        numox: run(|| {
            let a = numox_frac(N, 0);
            Box::new(move || drop(black_box(numox::exp(black_box(&a)).unwrap())))
        }),
        ndarray: run(|| {
            let a = ndarray_frac(N, 0);
            Box::new(move || drop(black_box(black_box(&a).mapv(f64::exp))))
        }),
    },
    Case {
        name: "exp_f32_1e7",
        bytes: 2 * F32 * N as u64,
        numox: run(|| {
            let a = numox_frac(N, 0).astype(DType::Float32).unwrap();
            Box::new(move || drop(black_box(numox::exp(black_box(&a)).unwrap())))
        }),
        ndarray: run(|| {
            let a = ndarray_frac(N, 0).mapv(|x| x as f32);
            Box::new(move || drop(black_box(black_box(&a).mapv(f32::exp))))
        }),
    },
    Case {
        name: "sqrt_f64_1e7",
        bytes: 2 * F64 * N as u64,
        numox: run(|| {
            let a = numox_frac(N, 0);
            Box::new(move || drop(black_box(numox::sqrt(black_box(&a)).unwrap())))
        }),
        ndarray: run(|| {
            let a = ndarray_frac(N, 0);
            Box::new(move || drop(black_box(black_box(&a).mapv(f64::sqrt))))
        }),
    },
    Case {
        name: "gt_f64_1e7",
        bytes: (F64 + 1) * N as u64,
        numox: run(|| {
            let a = numox_frac(N, 0);
            Box::new(move || drop(black_box(numox::greater(black_box(&a), 0.5).unwrap())))
        }),
        ndarray: run(|| {
            let a = ndarray_frac(N, 0);
            Box::new(move || drop(black_box(black_box(&a).mapv(|x| x > 0.5))))
        }),
    },
    Case {
        name: "where_f64_1e7",
        bytes: (3 * F64 + 1) * N as u64,
        numox: run(|| {
            let (a, b) = (numox_frac(N, 0), numox_frac(N, 1));
            let m = numox::greater(&a, 0.5).unwrap();
            Box::new(move || drop(black_box(numox::where_(black_box(&m), &a, &b).unwrap())))
        }),
        ndarray: run(|| {
            let (a, b) = (ndarray_frac(N, 0), ndarray_frac(N, 1));
            let m = a.mapv(|x| x > 0.5);
            Box::new(move || {
                drop(black_box(
                    ndarray::Zip::from(black_box(&m))
                        .and(&a)
                        .and(&b)
                        .map_collect(|&k, &x, &y| if k { x } else { y }),
                ))
            })
        }),
    },
    Case {
        name: "add_f64_1e5",
        bytes: 3 * F64 * 100_000,
        numox: run(|| {
            let (a, b) = (numox_frac(100_000, 0), numox_frac(100_000, 1));
            Box::new(move || drop(black_box((black_box(&a) + black_box(&b)).unwrap())))
        }),
        ndarray: run(|| {
            let (a, b) = (ndarray_frac(100_000, 0), ndarray_frac(100_000, 1));
            Box::new(move || drop(black_box(black_box(&a) + black_box(&b))))
        }),
    },
    Case {
        // Per-call overhead.
        name: "add_f64_10",
        bytes: 0,
        numox: run(|| {
            let (a, b) = (numox_frac(10, 0), numox_frac(10, 1));
            Box::new(move || drop(black_box((black_box(&a) + black_box(&b)).unwrap())))
        }),
        ndarray: run(|| {
            let (a, b) = (ndarray_frac(10, 0), ndarray_frac(10, 1));
            Box::new(move || drop(black_box(black_box(&a) + black_box(&b))))
        }),
    },
    Case {
        // A (1000, 1000) matrix plus a (1000,) row vector.
        name: "add_bcast_f64_1000x1000",
        bytes: 2 * F64 * 1_000_000,
        numox: run(|| {
            let m = numox_frac(1_000_000, 0).reshape(&[1000, 1000]).unwrap();
            let r = numox_frac(1000, 1);
            Box::new(move || drop(black_box((black_box(&m) + black_box(&r)).unwrap())))
        }),
        ndarray: run(|| {
            let m = ndarray_frac(1_000_000, 0)
                .into_shape_with_order((1000, 1000))
                .unwrap();
            let r = ndarray_frac(1000, 1);
            Box::new(move || drop(black_box(black_box(&m) + black_box(&r))))
        }),
    },
    // ---- copies of views and joins (issue 4)
    Case {
        // `a.T.copy()`: a C-order copy of the transpose (cache-blocked).
        name: "transpose_copy_f64_4000x4000",
        bytes: 2 * F64 * 16_000_000,
        numox: run(|| {
            let m = numox_frac(16_000_000, 0).reshape(&[4000, 4000]).unwrap();
            Box::new(move || drop(black_box(black_box(&m).t().copy())))
        }),
        ndarray: run(|| {
            let m = ndarray_frac(16_000_000, 0)
                .into_shape_with_order((4000, 4000))
                .unwrap();
            Box::new(move || drop(black_box(black_box(&m).t().to_owned())))
        }),
    },
    Case {
        // Two 5e6 float64 arrays joined into one.
        name: "concatenate_f64_2x5e6",
        bytes: 2 * F64 * N as u64,
        numox: run(|| {
            let (a, b) = (numox_frac(N / 2, 0), numox_frac(N / 2, 1));
            Box::new(move || drop(black_box(numox::concatenate(&[&a, &b], Some(0)).unwrap())))
        }),
        ndarray: run(|| {
            let (a, b) = (ndarray_frac(N / 2, 0), ndarray_frac(N / 2, 1));
            Box::new(move || {
                drop(black_box(
                    ndarray::concatenate(ndarray::Axis(0), &[a.view(), b.view()]).unwrap(),
                ))
            })
        }),
    },
    Case {
        // `a[::-3].copy()`: every third element from the end, into a new array.
        name: "slice_step_f64_1e7",
        bytes: F64 * (N + N / 3) as u64,
        numox: run(|| {
            let a = numox_frac(N, 0);
            Box::new(move || {
                drop(black_box(
                    black_box(&a).slice_axis(0, None, None, -3).unwrap().copy(),
                ))
            })
        }),
        ndarray: run(|| {
            let a = ndarray_frac(N, 0);
            Box::new(move || {
                drop(black_box(
                    black_box(&a).slice(ndarray::s![..;-3]).to_owned(),
                ))
            })
        }),
    },
    // ---- indexing (issue 4)
    Case {
        // `a[idx]`: 1e6 int64 indices spread over 1e7 float64 (a deterministic scramble).
        name: "take_f64_1e7_1e6",
        bytes: (2 * F64 + 8) * TAKE_M as u64,
        numox: run(|| {
            // The data in numox's own buffer (huge pages, as NumPy's allocator gives its arrays):
            // random reads over 80 MB are bound by address translation as much as by memory.
            let a = numox_frac(N, 0).copy();
            let idx = Array::from_vec((0..TAKE_M).map(take_index).collect::<Vec<i64>>());
            Box::new(move || {
                drop(black_box(
                    black_box(&a).index(&numox::s![black_box(&idx)]).unwrap(),
                ))
            })
        }),
        ndarray: run(|| {
            let a = ndarray_frac(N, 0);
            let idx: Vec<usize> = (0..TAKE_M).map(|i| take_index(i) as usize).collect();
            Box::new(move || drop(black_box(black_box(&a).select(ndarray::Axis(0), &idx))))
        }),
    },
    Case {
        // `a[a > 0.5]`, the comparison included.
        name: "mask_f64_1e7",
        bytes: (2 * F64 + 2) * N as u64,
        numox: run(|| {
            let a = numox_frac(N, 0);
            Box::new(move || {
                let m = numox::greater(black_box(&a), 0.5).unwrap();
                drop(black_box(a.index(&numox::s![m]).unwrap()))
            })
        }),
        ndarray: run(|| {
            let a = ndarray_frac(N, 0);
            Box::new(move || {
                let v: Vec<f64> = black_box(&a).iter().copied().filter(|&x| x > 0.5).collect();
                drop(black_box(Array1::from_vec(v)))
            })
        }),
    },
    Case {
        // `a[a > 0.5] = 0` in place, the comparison included.
        name: "setmask_f64_1e7",
        bytes: (2 * F64 + 2) * N as u64,
        numox: run(|| {
            let mut a = numox_frac(N, 0);
            Box::new(move || {
                let m = numox::greater(black_box(&a), 0.5).unwrap();
                a.assign(&numox::s![m], 0.0).unwrap();
                black_box(&mut a);
            })
        }),
        ndarray: run(|| {
            let mut a = ndarray_frac(N, 0);
            Box::new(move || {
                black_box(&mut a).mapv_inplace(|x| if x > 0.5 { 0.0 } else { x });
            })
        }),
    }, // ---- sorting (issue 5): inputs from a splitmix64 hash of the index (random uniform).
    Case {
        // `np.sort(a)` of 1e7 values uniform in [0, 1).
        name: "sort_f64_1e7",
        bytes: 0,
        numox: run(|| {
            let a = Array::from_vec((0..N).map(uniform).collect::<Vec<f64>>());
            Box::new(move || {
                let s = numox::sort(black_box(&a), Some(-1), numox::SortKind::QuickSort);
                drop(black_box(s.unwrap()))
            })
        }),
        ndarray: Impl::Absent,
    },
    Case {
        // `np.argsort(a)` of 1e6 values uniform in [0, 1).
        name: "argsort_f64_1e6",
        bytes: 0,
        numox: run(|| {
            let a = Array::from_vec((0..1_000_000).map(uniform).collect::<Vec<f64>>());
            Box::new(move || {
                let s = numox::argsort(black_box(&a), Some(-1), numox::SortKind::QuickSort);
                drop(black_box(s.unwrap()))
            })
        }),
        ndarray: Impl::Absent,
    },
    Case {
        // `np.unique(a)` of 1e7 int64 drawn from 0..1e6 (about 1e6 distinct values).
        name: "unique_i64_1e7",
        bytes: 0,
        numox: run(|| {
            let a = Array::from_vec((0..N).map(|i| (mix(i) % 1_000_000) as i64).collect());
            Box::new(move || drop(black_box(numox::unique(black_box(&a)).unwrap())))
        }),
        ndarray: Impl::Absent,
    },
    Case {
        // `np.median(a)` of scrambled values (a selection, not a sort).
        name: "median_f64_1e7",
        bytes: F64 * N as u64,
        numox: run(|| {
            let a = numox_frac(N, 0);
            Box::new(move || drop(black_box(numox::median(black_box(&a), None).unwrap())))
        }),
        ndarray: Impl::Absent,
    },
    // ---- reductions (issue 5); inputs as the elementwise cases.
    Case {
        name: "sum_f64_1e7",
        bytes: F64 * N as u64,
        numox: run(|| {
            let a = numox_buf(N, 0);
            Box::new(move || drop(black_box(black_box(&a).sum(None).unwrap())))
        }),
        ndarray: run(|| {
            let a = ndarray_frac(N, 0);
            Box::new(move || {
                black_box(black_box(&a).sum());
            })
        }),
    },
    Case {
        name: "sum_f32_1e7",
        bytes: F32 * N as u64,
        numox: run(|| {
            let a = numox_buf(N, 0).astype(DType::Float32).unwrap();
            Box::new(move || drop(black_box(black_box(&a).sum(None).unwrap())))
        }),
        ndarray: run(|| {
            let a = ndarray_frac(N, 0).mapv(|x| x as f32);
            Box::new(move || {
                black_box(black_box(&a).sum());
            })
        }),
    },
    Case {
        name: "mean_f64_1e7",
        bytes: F64 * N as u64,
        numox: run(|| {
            let a = numox_buf(N, 0);
            Box::new(move || drop(black_box(black_box(&a).mean(None).unwrap())))
        }),
        ndarray: run(|| {
            let a = ndarray_frac(N, 0);
            Box::new(move || {
                black_box(black_box(&a).mean());
            })
        }),
    },
    Case {
        // Two passes: the mean, then the squared deviations.
        name: "std_f64_1e7",
        bytes: 2 * F64 * N as u64,
        numox: run(|| {
            let a = numox_buf(N, 0);
            Box::new(move || drop(black_box(black_box(&a).std(None, 0).unwrap())))
        }),
        ndarray: run(|| {
            let a = ndarray_frac(N, 0);
            Box::new(move || {
                black_box(black_box(&a).std(0.0));
            })
        }),
    },
    Case {
        name: "min_f64_1e7",
        bytes: F64 * N as u64,
        numox: run(|| {
            let a = numox_buf(N, 0);
            Box::new(move || drop(black_box(black_box(&a).min(None).unwrap())))
        }),
        ndarray: Impl::Absent,
    },
    Case {
        name: "argmax_f64_1e7",
        bytes: F64 * N as u64,
        numox: run(|| {
            let a = numox_buf(N, 0);
            Box::new(move || drop(black_box(black_box(&a).argmax(None).unwrap())))
        }),
        ndarray: Impl::Absent,
    },
    Case {
        name: "sum_axis0_f64_4000x2500",
        bytes: F64 * N as u64,
        numox: run(|| {
            let a = numox_buf(N, 0).reshape(&[4000, 2500]).unwrap();
            Box::new(move || drop(black_box(black_box(&a).sum(0).unwrap())))
        }),
        ndarray: run(|| {
            let a = ndarray_frac(N, 0)
                .into_shape_with_order((4000, 2500))
                .unwrap();
            Box::new(move || drop(black_box(black_box(&a).sum_axis(Axis(0)))))
        }),
    },
    Case {
        name: "sum_axis1_f64_4000x2500",
        bytes: F64 * N as u64,
        numox: run(|| {
            let a = numox_buf(N, 0).reshape(&[4000, 2500]).unwrap();
            Box::new(move || drop(black_box(black_box(&a).sum(1).unwrap())))
        }),
        ndarray: run(|| {
            let a = ndarray_frac(N, 0)
                .into_shape_with_order((4000, 2500))
                .unwrap();
            Box::new(move || drop(black_box(black_box(&a).sum_axis(Axis(1)))))
        }),
    },
    Case {
        name: "std_axis0_f64_10000x1000",
        bytes: 2 * F64 * N as u64,
        numox: run(|| {
            let a = numox_buf(N, 0).reshape(&[10000, 1000]).unwrap();
            Box::new(move || drop(black_box(black_box(&a).std(0, 0).unwrap())))
        }),
        ndarray: run(|| {
            let a = ndarray_frac(N, 0)
                .into_shape_with_order((10000, 1000))
                .unwrap();
            Box::new(move || drop(black_box(black_box(&a).std_axis(Axis(0), 0.0))))
        }),
    },
    Case {
        // `(X - X.mean(0)) / X.std(0)`: column standardisation.
        name: "scale_f64_10000x1000",
        bytes: 6 * F64 * N as u64,
        numox: run(|| {
            let x = numox_buf(N, 0).reshape(&[10000, 1000]).unwrap();
            Box::new(move || {
                let x = black_box(&x);
                let c = numox::subtract(x, x.mean(0).unwrap()).unwrap();
                drop(black_box(numox::divide(&c, x.std(0, 0).unwrap()).unwrap()))
            })
        }),
        ndarray: run(|| {
            let x = ndarray_frac(N, 0)
                .into_shape_with_order((10000, 1000))
                .unwrap();
            Box::new(move || {
                let x = black_box(&x);
                let c = x - &x.mean_axis(Axis(0)).unwrap();
                drop(black_box(c / &x.std_axis(Axis(0), 0.0)))
            })
        }),
    },
    Case {
        // Every 10th value NaN.
        name: "nanmean_f64_1e7",
        bytes: 2 * F64 * N as u64,
        numox: run(|| {
            let a = Array::from_vec(
                (0..N)
                    .map(|i| {
                        if i % 10 == 0 {
                            f64::NAN
                        } else {
                            frac_value(i, 0)
                        }
                    })
                    .collect::<Vec<f64>>(),
            )
            .copy();
            Box::new(move || drop(black_box(numox::nanmean(black_box(&a), None).unwrap())))
        }),
        ndarray: Impl::Absent,
    },
    // ---- numpy.linalg decompositions (issue 6): matrices of `uniform` values, C order.
    Case {
        // `np.linalg.solve(a, b)`, a (1000, 1000), b (1000,).
        name: "solve_f64_1000",
        bytes: 0,
        numox: run(|| {
            let (a, b) = (uniform_matrix(1000, 1000, 0), uniform_matrix(1000, 1, 1));
            let b = b.reshape(&[1000]).unwrap();
            Box::new(move || drop(black_box(numox::linalg::solve(black_box(&a), &b).unwrap())))
        }),
        ndarray: Impl::Absent,
    },
    Case {
        // `np.linalg.inv(a)`, a (1000, 1000).
        name: "inv_f64_1000",
        bytes: 0,
        numox: run(|| {
            let a = uniform_matrix(1000, 1000, 0);
            Box::new(move || drop(black_box(numox::linalg::inv(black_box(&a)).unwrap())))
        }),
        ndarray: Impl::Absent,
    },
    Case {
        // `np.linalg.det(a)`, a (1000, 1000).
        name: "det_f64_1000",
        bytes: 0,
        numox: run(|| {
            let a = uniform_matrix(1000, 1000, 0);
            Box::new(move || drop(black_box(numox::linalg::det(black_box(&a)).unwrap())))
        }),
        ndarray: Impl::Absent,
    },
    Case {
        // `np.linalg.svd(a)` (U, S, Vh; full_matrices=True), a (500, 500).
        name: "svd_f64_500",
        bytes: 0,
        numox: run(|| {
            let a = uniform_matrix(500, 500, 0);
            Box::new(move || drop(black_box(numox::linalg::svd(black_box(&a), true).unwrap())))
        }),
        ndarray: Impl::Absent,
    },
    Case {
        // `np.linalg.eigh(a + a.T)`, (500, 500).
        name: "eigh_f64_500",
        bytes: 0,
        numox: run(|| {
            let a = uniform_matrix(500, 500, 0);
            let a = numox::add(&a, a.t()).unwrap();
            Box::new(move || {
                let r = numox::linalg::eigh(black_box(&a), numox::linalg::Uplo::L);
                drop(black_box(r.unwrap()))
            })
        }),
        ndarray: Impl::Absent,
    },
    Case {
        // `np.linalg.lstsq(a, b)`, a (2000, 100), b (2000,).
        name: "lstsq_f64_2000x100",
        bytes: 0,
        numox: run(|| {
            let (a, b) = (uniform_matrix(2000, 100, 0), uniform_matrix(2000, 1, 1));
            let b = b.reshape(&[2000]).unwrap();
            Box::new(move || {
                drop(black_box(
                    numox::linalg::lstsq(black_box(&a), &b, None).unwrap(),
                ))
            })
        }),
        ndarray: Impl::Absent,
    },
];

/// An `r x c` float64 matrix of `uniform(k * 1_000_003 + i)` values in C order (as
/// bench_numpy.py's `_umat`).
fn uniform_matrix(r: usize, c: usize, k: usize) -> Array {
    let v: Vec<f64> = (0..r * c).map(|i| uniform(k * 1_000_003 + i)).collect();
    Array::from_shape_vec(&[r, c], v).unwrap()
}

/// splitmix64's finalizer of `i` (as bench_numpy.py's `_mix`).
fn mix(i: usize) -> u64 {
    let mut z = (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A uniform value in [0, 1) from the top 53 bits of `mix(i)`.
fn uniform(i: usize) -> f64 {
    (mix(i) >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
}

/// Indices of `take_f64_1e7_1e6`.
const TAKE_M: usize = 1_000_000;

/// The i-th index of `take_f64_1e7_1e6`: `i * 2654435761 mod 1e7` (as bench_numpy.py's).
fn take_index(i: usize) -> i64 {
    (i as i64 * 2_654_435_761) % N as i64
}

/// `frac((i + k) * golden ratio)` for `i` in `0..n`: values spread over [0, 1).
fn frac_value(i: usize, k: usize) -> f64 {
    ((i + k * 7) as f64 * 0.618_033_988_749_894_9).fract()
}

/// `numox_frac` in numox's own buffer (huge pages, as NumPy's allocator gives its arrays), the
/// way data made by numox operations is held; `from_vec` adopts the Vec's 4 KiB pages.
pub(crate) fn numox_buf(n: usize, k: usize) -> Array {
    numox_frac(n, k).copy()
}

fn numox_frac(n: usize, k: usize) -> Array {
    Array::from_vec((0..n).map(|i| frac_value(i, k)).collect::<Vec<f64>>())
}

pub(crate) fn ndarray_frac(n: usize, k: usize) -> Array1<f64> {
    Array1::from_iter((0..n).map(|i| frac_value(i, k)))
}

/// `0.0, 1.0, 2.0, ...` as a numox array.
fn numox_ramp(n: usize) -> Array {
    Array::from_vec((0..n).map(|i| i as f64).collect::<Vec<f64>>())
}

/// `0.0, 1.0, 2.0, ...` as an ndarray array.
fn ndarray_ramp(n: usize) -> Array1<f64> {
    Array1::from_iter((0..n).map(|i| i as f64))
}

/// `i / 7` for `i` in `0..n` (varied digits for the printing cases).
fn numox_sevenths(n: usize) -> Array {
    Array::from_vec((0..n).map(|i| i as f64 / 7.0).collect::<Vec<f64>>())
}

/// STREAM's triad `a[i] = b[i] + s * c[i]` on both cores: 24 bytes per element.
fn stream_triad() -> Bench {
    const CHUNK: usize = 1 << 16;
    let b = vec![1.0f64; TRIAD_N];
    let c = vec![2.0f64; TRIAD_N];
    let mut a = vec![0.0f64; TRIAD_N];
    // Touch `a` so its page faults are not timed (STREAM reuses its arrays too).
    a.par_chunks_mut(CHUNK).for_each(|ch| ch.fill(0.5));
    Box::new(move || {
        let s = black_box(3.0f64);
        a.par_chunks_mut(CHUNK)
            .zip(b.par_chunks(CHUNK))
            .zip(c.par_chunks(CHUNK))
            .for_each(|((a, b), c)| {
                for ((a, &b), &c) in a.iter_mut().zip(b).zip(c) {
                    *a = b + s * c;
                }
            });
        black_box(&mut a);
    })
}

/// Every case: [`CASES`], then the linear algebra, random number, `.npy`/`.npz` and text I/O ones.
pub fn all() -> impl Iterator<Item = &'static Case> {
    CASES
        .iter()
        .chain(crate::cases_linalg::LINALG)
        .chain(crate::cases_random::RANDOM_LEGACY)
        .chain(crate::cases_rng::RNG_GEN)
        .chain(crate::cases_npy::NPY)
        .chain(crate::cases_io::IO_TEXT)
}

/// The cases whose name contains `filter` (or one of its comma-separated parts), plus the triad (always measured: it is the bandwidth
/// every other case is compared with).
pub fn select(filter: Option<&str>) -> Vec<&'static Case> {
    all()
        .filter(|c| match filter {
            Some(f) => c.name == TRIAD || f.split(',').any(|f| c.name.contains(f)),
            None => true,
        })
        .collect()
}
