//! `Generator.choice`, `shuffle`, `permutation` and `permuted` with NumPy's algorithms
//! (numpy/random/_generator.pyx): Floyd's sampling with a hash set or a tail shuffle for choices
//! without replacement, inverse-CDF search for weighted ones, Fisher-Yates with NumPy's
//! `random_interval` for shuffles.

use super::bounded::{bounded_u64, shape_size};
use super::generator::Generator;
use super::legacy_choice::{kahan_sum, normalised_cdf, search_right};
use super::BitGenerator;
use crate::array::Array;
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::{moveaxis, take, TakeMode};

/// Options of [`Generator::choice`] (NumPy's defaults: with replacement, uniform, axis 0,
/// shuffled).
///
/// ```
/// let o = numox::random::ChoiceOpts::default();
/// assert!(o.replace && o.shuffle && o.p.is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChoiceOpts<'a> {
    /// Sample with replacement.
    pub replace: bool,
    /// The probabilities of the entries (`None`: uniform).
    pub p: Option<&'a [f64]>,
    /// The axis of `a` to choose along.
    pub axis: isize,
    /// Shuffle a sample taken without replacement.
    pub shuffle: bool,
}

impl Default for ChoiceOpts<'_> {
    fn default() -> Self {
        ChoiceOpts {
            replace: true,
            p: None,
            axis: 0,
            shuffle: true,
        }
    }
}

/// NumPy's `random_interval`: a masked draw in `[0, max]`.
#[inline]
fn random_interval<B: BitGenerator>(b: &mut B, max: u64) -> u64 {
    if max == 0 {
        return 0;
    }
    let mask = gen_mask(max);
    if max <= 0xFFFF_FFFF {
        loop {
            let v = b.next_u32() as u64 & mask;
            if v <= max {
                return v;
            }
        }
    }
    loop {
        let v = b.next_u64() & mask;
        if v <= max {
            return v;
        }
    }
}

/// The smallest all-ones mask covering `max`.
fn gen_mask(max: u64) -> u64 {
    let mut m = max;
    m |= m >> 1;
    m |= m >> 2;
    m |= m >> 4;
    m |= m >> 8;
    m |= m >> 16;
    m | m >> 32
}

/// `_shuffle_int`: swaps from `n - 1` down to `first` with `random_bounded_uint64` draws.
fn shuffle_int<B: BitGenerator>(b: &mut B, first: usize, data: &mut [i64]) {
    for i in (first..data.len()).rev() {
        let j = bounded_u64(b, 0, i as u64) as usize;
        data.swap(i, j);
    }
}

fn normalize_axis(axis: isize, ndim: usize) -> Result<usize> {
    let a = if axis < 0 { axis + ndim as isize } else { axis };
    if a < 0 || a >= ndim as isize {
        return Err(Error::Axis {
            axis: axis as i64,
            ndim,
        });
    }
    Ok(a as usize)
}

fn searchsorted_right(cdf: &[f64], x: f64) -> i64 {
    search_right(cdf, x) as i64
}

impl<B: BitGenerator> Generator<B> {
    /// The permutation the shuffle of `n` rows applies: row `k` of the result is row `perm[k]`.
    fn shuffle_perm(&mut self, n: usize) -> Vec<i64> {
        let mut idx: Vec<i64> = (0..n as i64).collect();
        for i in (1..n).rev() {
            let j = random_interval(&mut self.bit_generator, i as u64) as usize;
            idx.swap(i, j);
        }
        idx
    }

    /// `shuffle(x)`: shuffles the rows (axis 0) of `a` in place.
    ///
    /// ```
    /// let mut rng = numox::random::default_rng(0u64).unwrap();
    /// let mut a = numox::Array::from_vec(vec![1i64, 2, 3, 4]);
    /// rng.shuffle(&mut a).unwrap();
    /// let mut v = a.to_vec::<i64>().unwrap();
    /// v.sort();
    /// assert_eq!(v, vec![1, 2, 3, 4]);
    /// ```
    pub fn shuffle(&mut self, a: &mut Array) -> Result<()> {
        if a.ndim() == 0 {
            return Err(Error::DType("len() of unsized object".into()));
        }
        if a.size() == 0 {
            return Ok(());
        }
        let perm = self.shuffle_perm(a.shape()[0]);
        *a = take(a, &Array::from_vec(perm), Some(0), TakeMode::Raise)?;
        Ok(())
    }

    /// `permutation(n)`: a shuffled `arange(n)` (int64; empty for `n <= 0`).
    ///
    /// ```
    /// let mut rng = numox::random::default_rng(0u64).unwrap();
    /// assert_eq!(rng.permutation(5).unwrap().shape(), &[5]);
    /// ```
    pub fn permutation(&mut self, n: i64) -> Result<Array> {
        Ok(Array::from_vec(self.shuffle_perm(n.max(0) as usize)))
    }

    /// `permutation(x, axis)`: a copy of `a` with its slices along `axis` shuffled.
    ///
    /// ```
    /// let mut rng = numox::random::default_rng(0u64).unwrap();
    /// let a = numox::Array::from_shape_vec(&[2, 3], vec![1.0f64, 2., 3., 4., 5., 6.]).unwrap();
    /// assert_eq!(rng.permutation_array(&a, 1).unwrap().shape(), &[2, 3]);
    /// ```
    pub fn permutation_array(&mut self, a: &Array, axis: isize) -> Result<Array> {
        if a.ndim() == 0 {
            return Err(Error::Value(
                "x must be an integer or at least 1-dimensional".into(),
            ));
        }
        let ax = normalize_axis(axis, a.ndim())?;
        let perm = self.shuffle_perm(a.shape()[ax]);
        take(
            a,
            &Array::from_vec(perm),
            Some(ax as isize),
            TakeMode::Raise,
        )
    }

    /// `permuted(x, axis)`: a copy with each slice along `axis` shuffled independently (lanes
    /// in C order); with `axis` `None`, all elements shuffled in C order.
    ///
    /// ```
    /// let mut rng = numox::random::default_rng(0u64).unwrap();
    /// let a = numox::Array::from_shape_vec(&[2, 3], vec![1i32, 2, 3, 4, 5, 6]).unwrap();
    /// let p = rng.permuted(&a, Some(1)).unwrap();
    /// assert_eq!(p.shape(), &[2, 3]);
    /// ```
    pub fn permuted(&mut self, a: &Array, axis: Option<isize>) -> Result<Array> {
        let shape: Vec<isize> = a.shape().iter().map(|&d| d as isize).collect();
        let Some(axis) = axis else {
            if a.ndim() == 0 {
                return Ok(a.copy());
            }
            let flat = a.reshape(&[-1])?;
            let perm = self.shuffle_perm(flat.size());
            let out = take(&flat, &Array::from_vec(perm), Some(0), TakeMode::Raise)?;
            return out.reshape(&shape);
        };
        let ax = normalize_axis(axis, a.ndim())?;
        let len = a.shape()[ax];
        if a.size() == 0 {
            return Ok(a.copy());
        }
        let moved = moveaxis(a, &[ax as isize], &[-1])?;
        let lanes = moved.size() / len;
        let mut gather = Vec::with_capacity(moved.size());
        for lane in 0..lanes {
            let base = (lane * len) as i64;
            gather.extend(self.shuffle_perm(len).into_iter().map(|k| base + k));
        }
        let flat = moved.reshape(&[-1])?;
        let out = take(&flat, &Array::from_vec(gather), Some(0), TakeMode::Raise)?;
        let mshape: Vec<isize> = moved.shape().iter().map(|&d| d as isize).collect();
        moveaxis(&out.reshape(&mshape)?, &[-1], &[ax as isize])
    }

    /// `choice(a, size, replace, p, shuffle)` for an integer population `a` (`arange(a)`):
    /// int64 indices; `size` `None` gives a 0-d result.
    ///
    /// ```
    /// use numox::random::ChoiceOpts;
    /// let mut rng = numox::random::default_rng(0u64).unwrap();
    /// let no = ChoiceOpts { replace: false, ..Default::default() };
    /// assert_eq!(rng.choice_int(10, Some(&[4]), no).unwrap().shape(), &[4]);
    /// assert_eq!(
    ///     rng.choice_int(3, Some(&[4]), no).unwrap_err().to_string(),
    ///     "Cannot take a larger sample than population when replace is False"
    /// );
    /// ```
    pub fn choice_int(
        &mut self,
        a: i64,
        size: Option<&[usize]>,
        opts: ChoiceOpts<'_>,
    ) -> Result<Array> {
        let n = size.map_or(Ok(1), shape_size)?;
        if a <= 0 && n != 0 {
            return Err(Error::Value(
                "a must be a positive integer unless no samples are taken".into(),
            ));
        }
        let shape = size.unwrap_or(&[]);
        let idx = self.choice_indices(a.max(0) as u64, shape, n, opts)?;
        Array::from_shape_vec(shape, idx)
    }

    /// `choice(a, size, replace, p, axis, shuffle)` for an array: the chosen slices of `a`
    /// along `axis` (a 0-d `a` is an integer population).
    ///
    /// ```
    /// use numox::random::ChoiceOpts;
    /// let mut rng = numox::random::default_rng(0u64).unwrap();
    /// let a = numox::Array::from_vec(vec![10.0f64, 20.0, 30.0]);
    /// let p = [0.1, 0.2, 0.7];
    /// let o = ChoiceOpts { p: Some(&p), ..Default::default() };
    /// assert_eq!(rng.choice(&a, Some(&[5]), o).unwrap().shape(), &[5]);
    /// let bad = [0.1, 0.2, 0.6];
    /// let o = ChoiceOpts { p: Some(&bad), ..Default::default() };
    /// assert!(rng.choice(&a, Some(&[5]), o).unwrap_err().to_string().starts_with(
    ///     "Probabilities do not sum to 1"
    /// ));
    /// ```
    pub fn choice(
        &mut self,
        a: &Array,
        size: Option<&[usize]>,
        opts: ChoiceOpts<'_>,
    ) -> Result<Array> {
        if a.ndim() == 0 {
            let pop = match a.dtype() {
                DType::Float16 | DType::BFloat16 | DType::Float32 | DType::Float64 => {
                    return Err(Error::Value(
                        "a must be a sequence or an integer, not <class 'numpy.ndarray'>".into(),
                    ));
                }
                _ => a.astype(DType::Int64)?.item_as::<i64>()?,
            };
            return self.choice_int(pop, size, opts);
        }
        let ax = normalize_axis(opts.axis, a.ndim())?;
        let pop = a.shape()[ax];
        let n = size.map_or(Ok(1), shape_size)?;
        if pop == 0 && n != 0 {
            return Err(Error::Value(
                "a cannot be empty unless no samples are taken".into(),
            ));
        }
        let shape = size.unwrap_or(&[]);
        let idx = self.choice_indices(pop as u64, shape, n, opts)?;
        let idx = Array::from_shape_vec(shape, idx)?;
        take(a, &idx, Some(ax as isize), TakeMode::Raise)
    }

    fn choice_indices(
        &mut self,
        pop: u64,
        shape: &[usize],
        n: usize,
        opts: ChoiceOpts<'_>,
    ) -> Result<Vec<i64>> {
        if let Some(p) = opts.p {
            if p.len() as u64 != pop {
                return Err(Error::Value("a and p must have same size".into()));
            }
            let sum = kahan_sum(p);
            if sum.is_nan() {
                return Err(Error::Value("Probabilities contain NaN".into()));
            }
            if p.iter().any(|&x| x < 0.0) {
                return Err(Error::Value("Probabilities are not non-negative".into()));
            }
            if (sum - 1.0).abs() > f64::EPSILON.sqrt() {
                return Err(Error::Value(
                    "Probabilities do not sum to 1. See Notes section of docstring for more \
                     information."
                        .into(),
                ));
            }
        }
        let b = &mut self.bit_generator;
        if opts.replace {
            if let Some(p) = opts.p {
                let cdf = normalised_cdf(p);
                return Ok((0..n)
                    .map(|_| searchsorted_right(&cdf, b.next_f64()))
                    .collect());
            }
            let a = integers_int64(b, pop, shape)?;
            return Ok(a);
        }
        if n as u64 > pop {
            return Err(Error::Value(
                "Cannot take a larger sample than population when replace is False".into(),
            ));
        }
        if let Some(p) = opts.p {
            if (p.iter().filter(|&&x| x > 0.0).count()) < n {
                return Err(Error::Value("Fewer non-zero entries in p than size".into()));
            }
            let mut p = p.to_vec();
            let mut found: Vec<i64> = Vec::with_capacity(n);
            while found.len() < n {
                let x: Vec<f64> = (0..n - found.len()).map(|_| b.next_f64()).collect();
                for &f in &found {
                    p[f as usize] = 0.0;
                }
                let cdf = normalised_cdf(&p);
                let new: Vec<i64> = x.iter().map(|&u| searchsorted_right(&cdf, u)).collect();
                // np.unique(new, return_index=True), the first occurrences in draw order.
                let mut seen = std::collections::HashSet::new();
                found.extend(new.into_iter().filter(|v| seen.insert(*v)));
            }
            return Ok(found);
        }
        let cutoff = if opts.shuffle { 50 } else { 20 };
        let (size_i, pop_i) = (n as u64, pop);
        if pop_i > 10000 && size_i > pop_i / cutoff {
            let mut idx: Vec<i64> = (0..pop_i as i64).collect();
            shuffle_int(b, (pop_i - size_i).max(1) as usize, &mut idx);
            return Ok(idx.split_off((pop_i - size_i) as usize));
        }
        let mut idx = vec![0i64; n];
        let set_size = (1.2 * size_i as f64) as u64;
        let mask = gen_mask(set_size);
        let mut hash_set = vec![u64::MAX; (mask + 1) as usize];
        for j in pop_i - size_i..pop_i {
            let val = bounded_u64(b, 0, j);
            let mut loc = (val & mask) as usize;
            while hash_set[loc] != u64::MAX && hash_set[loc] != val {
                loc = (loc + 1) & mask as usize;
            }
            let slot = (j + size_i - pop_i) as usize;
            if hash_set[loc] == u64::MAX {
                hash_set[loc] = val;
                idx[slot] = val as i64;
            } else {
                loc = (j & mask) as usize;
                while hash_set[loc] != u64::MAX {
                    loc = (loc + 1) & mask as usize;
                }
                hash_set[loc] = j;
                idx[slot] = j as i64;
            }
        }
        if opts.shuffle {
            shuffle_int(b, 1, &mut idx);
        }
        Ok(idx)
    }
}

/// `integers(0, pop, size=shape, dtype=int64)` as a vector (an empty `shape` product gives none).
fn integers_int64<B: BitGenerator>(b: &mut B, pop: u64, shape: &[usize]) -> Result<Vec<i64>> {
    let arr = super::bounded::rand_typed::<i64, B>(b, 0, pop as i128, shape, false)?;
    arr.to_vec::<i64>()
}
