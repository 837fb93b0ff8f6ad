//! NumPy for ML, step by step in numox: the usual NumPy-for-machine-learning roadmap, each step
//! as NumPy code (in the comments) and the numox code that does the same (every block here is
//! compiled and run as a doctest).
//!
//! # 1. Creating arrays
//! ```
//! use numox::{array, Array, DType};
//! let a = array![[1.0, 2.0], [3.0, 4.0]];                  // np.array([[1., 2.], [3., 4.]])
//! let z = Array::zeros(&[2, 3], DType::Float32).unwrap();  // np.zeros((2, 3), np.float32)
//! let r = numox::arange(0.0, 5.0, 1.0).unwrap();           // np.arange(5.0)
//! let l = numox::linspace(0.0, 1.0, 5).unwrap();           // np.linspace(0, 1, 5)
//! let i = numox::eye(3).unwrap();                          // np.eye(3)
//! assert_eq!((a.shape(), z.dtype(), r.size(), l.size()), (&[2usize, 2][..], DType::Float32, 5, 5));
//! assert_eq!(i.to_vec::<f64>().unwrap()[4], 1.0);
//! ```
//!
//! # 2. Indexing and slicing
//! ```
//! use numox::{array, s};
//! let a = numox::arange(0.0, 12.0, 1.0).unwrap().reshape(&[3, 4]).unwrap();
//! let row = a.index(&s![1]).unwrap();                      // a[1]
//! let rev = a.index(&s![.., ..;-1]).unwrap();              // a[:, ::-1]
//! let pick = a.index(&s![&array![0i64, 2]]).unwrap();      // a[[0, 2]]
//! assert_eq!(row.to_vec::<f64>().unwrap(), vec![4.0, 5.0, 6.0, 7.0]);
//! assert_eq!(rev.to_vec::<f64>().unwrap()[0], 3.0);
//! assert_eq!(pick.shape(), &[2, 4]);
//! ```
//!
//! # 3. Reshaping and joining
//! ```
//! let a = numox::arange(0.0, 6.0, 1.0).unwrap();
//! let m = a.reshape(&[2, -1]).unwrap();                    // a.reshape(2, -1)
//! let t = m.t();                                           // m.T
//! let c = numox::concatenate(&[&m, &m], Some(0)).unwrap(); // np.concatenate([m, m])
//! let s = numox::stack(&[&a, &a], 1).unwrap();             // np.stack([a, a], axis=1)
//! let e = numox::expand_dims(&a, &[0]).unwrap();           // a[np.newaxis]
//! assert_eq!((t.shape(), c.shape(), s.shape(), e.shape()),
//!            (&[3usize, 2][..], &[4usize, 3][..], &[6usize, 2][..], &[1usize, 6][..]));
//! ```
//!
//! # 4. Data types
//! ```
//! use numox::DType;
//! let a = numox::array![1.7, -2.2];
//! let i = a.astype(DType::Int32).unwrap();                 // a.astype(np.int32)
//! assert_eq!(i.to_vec::<i32>().unwrap(), vec![1, -2]);
//! let h = a.astype(DType::Float16).unwrap();               // a.astype(np.float16)
//! assert_eq!(h.itemsize(), 2);
//! // Mixed dtypes promote as in NumPy 2: int32 + float32 -> float64.
//! let f = numox::add(&i, &numox::array![0.5f32, 0.5]).unwrap();
//! assert_eq!(f.dtype(), DType::Float64);
//! ```
//!
//! # 5. Universal functions
//! ```
//! let x = numox::array![0.0, 1.0, 4.0];
//! let y = numox::sqrt(&x).unwrap();                        // np.sqrt(x)
//! let e = x.exp().unwrap();                                // np.exp(x)
//! let m = numox::maximum(&x, 2.0).unwrap();                // np.maximum(x, 2.0)
//! assert_eq!(y.to_vec::<f64>().unwrap(), vec![0.0, 1.0, 2.0]);
//! assert_eq!(e.to_vec::<f64>().unwrap()[0], 1.0);
//! assert_eq!(m.to_vec::<f64>().unwrap(), vec![2.0, 2.0, 4.0]);
//! ```
//!
//! # 6. Aggregation
//! ```
//! use numox::Axes;
//! let a = numox::array![[1.0, 5.0], [3.0, 2.0]];
//! assert_eq!(a.sum(None).unwrap().item_as::<f64>().unwrap(), 11.0);            // a.sum()
//! assert_eq!(a.mean(0).unwrap().to_vec::<f64>().unwrap(), vec![2.0, 3.5]);     // a.mean(axis=0)
//! assert_eq!(a.argmax(1).unwrap().to_vec::<i64>().unwrap(), vec![1, 0]);       // a.argmax(axis=1)
//! let k = a.max(Axes::from(1).keepdims()).unwrap();                            // a.max(1, keepdims=True)
//! assert_eq!(k.shape(), &[2, 1]);
//! ```
//!
//! # 7. Broadcasting
//! ```
//! let x = numox::arange(0.0, 6.0, 1.0).unwrap().reshape(&[2, 3]).unwrap();
//! let col_means = x.mean(0).unwrap();                      // shape (3,)
//! let centred = numox::subtract(&x, &col_means).unwrap();  // x - x.mean(axis=0)
//! assert_eq!(centred.to_vec::<f64>().unwrap(), vec![-1.5, -1.5, -1.5, 1.5, 1.5, 1.5]);
//! let bad = numox::add(&x, &numox::array![1.0, 2.0]);      // (2, 3) + (2,): an error, as in NumPy
//! assert_eq!(bad.unwrap_err().to_string(),
//!            "operands could not be broadcast together with shapes (2,3) (2,)");
//! ```
//!
//! # 8. Boolean masks
//! ```
//! use numox::s;
//! let mut a = numox::array![1.0, -2.0, 3.0, -4.0];
//! let pos = a.greater(0.0).unwrap();                       // a > 0
//! assert_eq!(a.index(&s![&pos]).unwrap().to_vec::<f64>().unwrap(), vec![1.0, 3.0]); // a[a > 0]
//! let neg = a.less(0.0).unwrap();
//! a.assign(&s![&neg], 0.0).unwrap();                       // a[a < 0] = 0
//! assert_eq!(a.to_vec::<f64>().unwrap(), vec![1.0, 0.0, 3.0, 0.0]);
//! let w = numox::where_(&pos, 1.0, -1.0).unwrap();         // np.where(pos, 1.0, -1.0)
//! assert_eq!(w.to_vec::<f64>().unwrap(), vec![1.0, -1.0, 1.0, -1.0]);
//! ```
//!
//! # 9. Linear algebra
//! ```
//! use numox::{array, linalg};
//! let a = array![[3.0, 1.0], [1.0, 2.0]];
//! let b = array![9.0, 8.0];
//! let x = linalg::solve(&a, &b).unwrap();                  // np.linalg.solve(a, b)
//! assert_eq!(x.to_vec::<f64>().unwrap(), vec![2.0, 3.0]);
//! let p = numox::matmul(&a, &x).unwrap();                  // a @ x
//! assert_eq!(p.to_vec::<f64>().unwrap(), vec![9.0, 8.0]);
//! let d = linalg::det(&a).unwrap().item_as::<f64>().unwrap(); // np.linalg.det(a)
//! assert!((d - 5.0).abs() < 1e-12);
//! let inv = linalg::inv(&a).unwrap();                      // np.linalg.inv(a)
//! assert_eq!(inv.shape(), &[2, 2]);
//! ```
//!
//! # 10. Random numbers (the same streams as NumPy)
//! ```
//! use numox::random;
//! let mut rng = random::default_rng(42u64).unwrap();       // rng = np.random.default_rng(42)
//! let w = rng.normal(0.0, 0.01, &[3, 2]).unwrap();         // rng.normal(0, 0.01, (3, 2))
//! let perm = rng.permutation(5).unwrap();                  // rng.permutation(5)
//! assert_eq!((w.shape(), perm.size()), (&[3usize, 2][..], 5));
//! // The first draw of default_rng(0).random() in NumPy is 0.6369616873214543.
//! let u = random::default_rng(0u64).unwrap().random(&[1]).unwrap();
//! assert_eq!(u.to_vec::<f64>().unwrap(), vec![0.6369616873214543]);
//! ```
//!
//! # 11. Vectorisation and memory layout
//! ```
//! use numox::Order;
//! let a = numox::arange(0.0, 6.0, 1.0).unwrap().reshape(&[2, 3]).unwrap();
//! assert_eq!(a.strides(), vec![24, 8]);                    // a.strides
//! let t = a.t();                                           // a view: no copy
//! assert!(!t.is_c_contiguous() && numox::shares_memory(&t, &a));
//! let f = a.copy_order(Order::F);                          // np.asfortranarray(a)
//! assert_eq!(f.strides(), vec![8, 16]);
//! // One vectorised expression instead of a Python loop: the row norms.
//! let norms = numox::sqrt(&numox::square(&a).unwrap().sum(1).unwrap()).unwrap();
//! assert_eq!(norms.shape(), &[2]);
//! ```
//!
//! # 12. Missing values (NaN)
//! ```
//! let a = numox::array![1.0, f64::NAN, 3.0];
//! assert!(a.mean(None).unwrap().item_as::<f64>().unwrap().is_nan());           // a.mean()
//! assert_eq!(numox::nanmean(&a, None).unwrap().item_as::<f64>().unwrap(), 2.0); // np.nanmean(a)
//! let n = numox::isnan(&a).unwrap().sum(None).unwrap().item_as::<i64>().unwrap();
//! assert_eq!(n, 1);                                                            // np.isnan(a).sum()
//! let filled = numox::nan_to_num(&a).unwrap();                                 // np.nan_to_num(a)
//! assert_eq!(filled.to_vec::<f64>().unwrap(), vec![1.0, 0.0, 3.0]);
//! let (imputed, _) = numox::ml::impute_mean(&a.reshape(&[3, 1]).unwrap()).unwrap();
//! assert_eq!(imputed.to_vec::<f64>().unwrap(), vec![1.0, 2.0, 3.0]);
//! ```
//!
//! # 13. Feature scaling
//! ```
//! use numox::ml::{MinMaxScaler, StandardScaler};
//! let x = numox::array![[1.0, 100.0], [2.0, 300.0], [3.0, 200.0]];
//! // (x - x.min(0)) / (x.max(0) - x.min(0))
//! let mm = MinMaxScaler::new().fit_transform(&x).unwrap();
//! assert_eq!(mm.to_vec::<f64>().unwrap(), vec![0.0, 0.0, 0.5, 1.0, 1.0, 0.5]);
//! // (x - x.mean(0)) / x.std(0)
//! let z = StandardScaler::new().fit_transform(&x).unwrap();
//! assert!(z.mean(0).unwrap().to_vec::<f64>().unwrap().iter().all(|m| m.abs() < 1e-15));
//! ```
//!
//! # 14. Cost functions
//! ```
//! let y = numox::array![1.0, 0.0, 1.0];
//! let y_hat = numox::array![0.9, 0.2, 0.6];
//! let mse = numox::ml::mse(&y, &y_hat).unwrap();           // np.mean((y - y_hat) ** 2)
//! assert!((mse - 0.07).abs() < 1e-12);
//! // Binary cross-entropy from logits, stable for any logit.
//! let z = numox::array![2.0, -1.0, 1000.0];
//! let bce = numox::ml::binary_cross_entropy_with_logits(&y, &z).unwrap();
//! assert!(bce.is_finite());
//! ```
//!
//! # 15. Gradients
//! ```
//! use numox::{array, ml};
//! // Linear model y = X w; MSE cost; analytic gradient 2/n X^T (X w - y).
//! let x = array![[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]];
//! let y = array![1.0, 2.0, 3.0];
//! let w = array![0.1, -0.2];
//! let cost = |w: &numox::Array| ml::mse(&y, &numox::matmul(&x, w)?);
//! let resid = numox::subtract(&numox::matmul(&x, &w).unwrap(), &y).unwrap();
//! let grad = numox::multiply(&numox::matmul(&x.t(), &resid).unwrap(), 2.0 / 3.0).unwrap();
//! let check = ml::gradient_check(cost, &grad, &w, 1e-6).unwrap();
//! assert!(check.passed(1e-7), "{check:?}");
//! // One gradient-descent step lowers the cost.
//! let w2 = numox::subtract(&w, &numox::multiply(&grad, 0.01).unwrap()).unwrap();
//! assert!(cost(&w2).unwrap() < cost(&w).unwrap());
//! ```
