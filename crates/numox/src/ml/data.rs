//! Preparing data: one-hot labels, a seeded train/test split on numox's NumPy-identical
//! permutation, and mini-batches.

use super::check_same_len;
use crate::{Array, DType, Error, Result, TakeMode};

/// Integer class labels as int64 indices, each checked to lie in `0..k`.
pub(crate) fn class_indices(labels: &Array, k: usize) -> Result<Array> {
    if labels.dtype().is_inexact() {
        // Float labels are fine when they are whole numbers (as after a float loadtxt).
        let r = crate::round(labels, 0)?;
        if !crate::array_equal(&r, labels, false)? {
            return Err(Error::Value("class labels must be whole numbers".into()));
        }
    }
    let idx = labels.astype(DType::Int64)?;
    for &c in &idx.to_vec::<i64>()? {
        if c < 0 || c as usize >= k {
            return Err(Error::Value(format!(
                "class label {c} is out of range for {k} classes"
            )));
        }
    }
    Ok(idx)
}

/// One-hot rows (`np.eye(k)[labels]`): float64 of shape (n, k) from integer labels in `0..k`.
///
/// ```
/// let y = numox::ml::one_hot(&numox::array![0i64, 2, 1], 3).unwrap();
/// assert_eq!(y.shape(), &[3, 3]);
/// assert_eq!(y.to_vec::<f64>().unwrap(), vec![1., 0., 0., 0., 0., 1., 0., 1., 0.]);
/// assert!(numox::ml::one_hot(&numox::array![3i64], 3).is_err());
/// ```
pub fn one_hot(labels: &Array, k: usize) -> Result<Array> {
    if labels.ndim() != 1 {
        return Err(Error::Value(format!(
            "labels must be 1-D, got shape {:?}",
            labels.shape()
        )));
    }
    let idx = class_indices(labels, k)?;
    let eye = crate::eye(k)?;
    crate::take(&eye, &idx, Some(0), TakeMode::Raise)
}

/// Row indices of a train/test split.
///
/// ```
/// let s = numox::ml::split_indices(10, 0.3, 0).unwrap();
/// assert_eq!((s.train.size(), s.test.size()), (7, 3));
/// ```
#[derive(Debug, Clone)]
pub struct Split {
    /// Indices of the training rows (int64).
    pub train: Array,
    /// Indices of the test rows (int64).
    pub test: Array,
}

/// The indices of a seeded split of `n` samples: `perm = default_rng(seed).permutation(n)`,
/// `n_test = ceil(test_size * n)`, test = `perm[:n_test]`, train = `perm[n_test:]`. The same
/// seed gives the same split as that NumPy code, bit for bit.
///
/// ```
/// let s = numox::ml::split_indices(5, 0.2, 0).unwrap();
/// assert_eq!(s.test.size(), 1);
/// assert!(numox::ml::split_indices(5, 1.5, 0).is_err());
/// assert!(numox::ml::split_indices(1, 0.5, 0).is_err()); // the train set would be empty
/// ```
pub fn split_indices(n: usize, test_size: f64, seed: u64) -> Result<Split> {
    if test_size.is_nan() || test_size <= 0.0 || test_size >= 1.0 {
        return Err(Error::Value(format!(
            "test_size={test_size} should be a float in the (0, 1) range"
        )));
    }
    let n_test = (test_size * n as f64).ceil() as usize;
    if n_test >= n {
        return Err(Error::Value(format!(
            "With n_samples={n}, test_size={test_size} and train_size=None, the resulting train \
             set will be empty. Adjust any of the aforementioned parameters."
        )));
    }
    let perm = crate::random::default_rng(seed)?.permutation(n as i64)?;
    Ok(Split {
        test: perm.slice_axis(0, None, Some(n_test as isize), 1)?,
        train: perm.slice_axis(0, Some(n_test as isize), None, 1)?,
    })
}

/// Splits samples `x` (rows) and targets `y` alike with [`split_indices`]; returns
/// `(x_train, x_test, y_train, y_test)` as `sklearn.model_selection.train_test_split` does.
///
/// ```
/// let x = numox::arange(0.0, 20.0, 1.0).unwrap().reshape(&[10, 2]).unwrap();
/// let y = numox::arange(0.0, 10.0, 1.0).unwrap();
/// let (xtr, xte, ytr, yte) = numox::ml::train_test_split(&x, &y, 0.2, 42).unwrap();
/// assert_eq!((xtr.shape(), xte.shape()), (&[8usize, 2][..], &[2usize, 2][..]));
/// // Rows stay with their targets.
/// assert_eq!(xte.to_vec::<f64>().unwrap()[0], 2.0 * yte.to_vec::<f64>().unwrap()[0]);
/// assert_eq!(ytr.size(), 8);
/// ```
pub fn train_test_split(
    x: &Array,
    y: &Array,
    test_size: f64,
    seed: u64,
) -> Result<(Array, Array, Array, Array)> {
    check_same_len(x, y)?;
    if x.ndim() == 0 {
        return Err(Error::Value(
            "Singleton array cannot be considered a valid collection.".into(),
        ));
    }
    let s = split_indices(x.shape()[0], test_size, seed)?;
    let rows = |a: &Array, i: &Array| crate::take(a, i, Some(0), TakeMode::Raise);
    Ok((
        rows(x, &s.train)?,
        rows(x, &s.test)?,
        rows(y, &s.train)?,
        rows(y, &s.test)?,
    ))
}

/// Consecutive mini-batches of rows: views `a[0:b]`, `a[b:2b]`, ..., the last one shorter when
/// `b` does not divide the length. Shuffle first (with `take` and a permutation) for SGD.
///
/// ```
/// let a = numox::arange(0.0, 5.0, 1.0).unwrap();
/// let sizes: Vec<usize> = numox::ml::batches(&a, 2).unwrap().map(|b| b.size()).collect();
/// assert_eq!(sizes, vec![2, 2, 1]);
/// assert!(numox::ml::batches(&a, 0).is_err());
/// ```
pub fn batches(a: &Array, batch_size: usize) -> Result<Batches> {
    if batch_size == 0 {
        return Err(Error::Value("batch_size must be positive".into()));
    }
    if a.ndim() == 0 {
        return Err(Error::Value(
            "cannot batch a 0-d array: it has no rows".into(),
        ));
    }
    Ok(Batches {
        a: a.clone(),
        size: batch_size,
        pos: 0,
    })
}

/// The iterator of [`batches`]: each item is a view of the next rows.
///
/// ```
/// let a = numox::Array::zeros(&[7, 3], numox::DType::Float32).unwrap();
/// let b = numox::ml::batches(&a, 4).unwrap();
/// assert_eq!(b.len(), 2);
/// ```
#[derive(Debug, Clone)]
pub struct Batches {
    a: Array,
    size: usize,
    pos: usize,
}

impl Iterator for Batches {
    type Item = Array;

    fn next(&mut self) -> Option<Array> {
        let n = self.a.shape()[0];
        if self.pos >= n {
            return None;
        }
        let end = (self.pos + self.size).min(n);
        let v = self
            .a
            .slice_axis(0, Some(self.pos as isize), Some(end as isize), 1)
            .ok()?;
        self.pos = end;
        Some(v)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = (self.a.shape()[0] - self.pos).div_ceil(self.size);
        (left, Some(left))
    }
}

impl ExactSizeIterator for Batches {}
