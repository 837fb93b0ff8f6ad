//! The linear algebra cases (issue 6): matrix products, a matrix-vector product and pairwise
//! cosine similarity. Part of the registry of [`crate::cases`]; inputs are `frac_value` ramps.

use std::hint::black_box;

use ndarray::{Array1, Array2, Array3, Axis};
use numox::{Array, Axes, DType};

use crate::cases::{run, Bench, Case};

/// `frac_value` ramp of `rows * cols` values as a numox matrix of dtype `dt`.
fn numox_mat(shape: &[isize], k: usize, dt: DType) -> Array {
    let n: isize = shape.iter().product();
    crate::cases::numox_buf(n as usize, k)
        .astype(dt)
        .unwrap()
        .reshape(shape)
        .unwrap()
}

fn ndarray_mat<T: Copy>(rows: usize, cols: usize, k: usize, f: fn(f64) -> T) -> Array2<T> {
    crate::cases::ndarray_frac(rows * cols, k)
        .mapv(f)
        .into_shape_with_order((rows, cols))
        .unwrap()
}

fn numox_matmul(n: isize, dt: DType) -> Bench {
    let a = numox_mat(&[n, n], 0, dt);
    let b = numox_mat(&[n, n], 1, dt);
    Box::new(move || {
        drop(black_box(
            numox::matmul(black_box(&a), black_box(&b)).unwrap(),
        ))
    })
}

fn ndarray_matmul<T: ndarray::LinalgScalar>(n: usize, f: fn(f64) -> T) -> Bench {
    let a = ndarray_mat(n, n, 0, f);
    let b = ndarray_mat(n, n, 1, f);
    Box::new(move || drop(black_box(black_box(&a).dot(black_box(&b)))))
}

const F64_: fn(f64) -> f64 = |x| x;
const F32_: fn(f64) -> f32 = |x| x as f32;

/// The linear algebra cases, in report order.
pub static LINALG: &[Case] = &[
    Case {
        name: "matmul_f64_1024",
        bytes: 0,
        numox: run(|| numox_matmul(1024, DType::Float64)),
        ndarray: run(|| ndarray_matmul(1024, F64_)),
    },
    Case {
        name: "matmul_f64_2048",
        bytes: 0,
        numox: run(|| numox_matmul(2048, DType::Float64)),
        ndarray: run(|| ndarray_matmul(2048, F64_)),
    },
    Case {
        name: "matmul_f32_1024",
        bytes: 0,
        numox: run(|| numox_matmul(1024, DType::Float32)),
        ndarray: run(|| ndarray_matmul(1024, F32_)),
    },
    Case {
        name: "matmul_f32_2048",
        bytes: 0,
        numox: run(|| numox_matmul(2048, DType::Float32)),
        ndarray: run(|| ndarray_matmul(2048, F32_)),
    },
    Case {
        name: "matmul_batched_f32_64x128x128",
        bytes: 0,
        numox: run(|| {
            let a = numox_mat(&[64, 128, 128], 0, DType::Float32);
            let b = numox_mat(&[64, 128, 128], 1, DType::Float32);
            Box::new(move || {
                drop(black_box(
                    numox::matmul(black_box(&a), black_box(&b)).unwrap(),
                ))
            })
        }),
        ndarray: run(|| {
            let a: Array3<f32> = ndarray_mat(64 * 128, 128, 0, F32_)
                .into_shape_with_order((64, 128, 128))
                .unwrap();
            let b: Array3<f32> = ndarray_mat(64 * 128, 128, 1, F32_)
                .into_shape_with_order((64, 128, 128))
                .unwrap();
            // ndarray has no batched product: one `dot` per matrix into a fresh stack.
            Box::new(move || {
                let mut r = Array3::<f32>::zeros((64, 128, 128));
                for ((mut r, a), b) in r.outer_iter_mut().zip(a.outer_iter()).zip(b.outer_iter()) {
                    ndarray::linalg::general_mat_mul(1.0, &a, &b, 0.0, &mut r);
                }
                drop(black_box(r))
            })
        }),
    },
    Case {
        name: "matvec_f64_4096",
        bytes: 8 * (4096 * 4096 + 2 * 4096),
        numox: run(|| {
            let a = numox_mat(&[4096, 4096], 0, DType::Float64);
            let x = numox_mat(&[4096], 1, DType::Float64);
            Box::new(move || {
                drop(black_box(
                    numox::matmul(black_box(&a), black_box(&x)).unwrap(),
                ))
            })
        }),
        ndarray: run(|| {
            let a = ndarray_mat(4096, 4096, 0, F64_);
            let x: Array1<f64> = crate::cases::ndarray_frac(4096, 1);
            Box::new(move || drop(black_box(black_box(&a).dot(black_box(&x)))))
        }),
    },
    Case {
        // `Xn = X / np.linalg.norm(X, axis=1, keepdims=True); Xn @ Xn.T`
        name: "cosine_sim_f32_2000x512",
        bytes: 0,
        numox: run(|| {
            let x = numox_mat(&[2000, 512], 0, DType::Float32);
            Box::new(move || {
                let x = black_box(&x);
                let sq = numox::multiply(x, x).unwrap();
                let norm = numox::sqrt(sq.sum(Axes::from(1).keepdims()).unwrap()).unwrap();
                let xn = numox::divide(x, &norm).unwrap();
                drop(black_box(numox::matmul(&xn, &xn.t()).unwrap()))
            })
        }),
        ndarray: run(|| {
            let x = ndarray_mat(2000, 512, 0, F32_);
            Box::new(move || {
                let x = black_box(&x);
                let norm = x.mapv(|v| v * v).sum_axis(Axis(1)).mapv(f32::sqrt);
                let xn = x / &norm.insert_axis(Axis(1));
                drop(black_box(xn.dot(&xn.t())))
            })
        }),
    },
];
