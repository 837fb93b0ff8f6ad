//! `RandomState.choice`: NumPy's legacy algorithm (randint or cdf + searchsorted with
//! replacement; a permutation's head, or repeated cdf rounds with `p`, without).

use super::legacy::RandomState;
use crate::array::Array;
use crate::creation::IntoShape;
use crate::error::{Error, Result};
use crate::index::TakeMode;

/// NumPy's `kahan_sum` (compensated sum, first element as the start).
pub(crate) fn kahan_sum(v: &[f64]) -> f64 {
    let Some((&first, rest)) = v.split_first() else {
        return 0.0;
    };
    let (mut sum, mut c) = (first, 0.0f64);
    for &x in rest {
        let y = x - c;
        let t = sum + y;
        c = (t - sum) - y;
        sum = t;
    }
    sum
}

/// `cumsum(p) / cumsum(p)[-1]`, as NumPy computes it.
pub(crate) fn normalised_cdf(p: &[f64]) -> Vec<f64> {
    let mut acc = 0.0;
    let mut cdf: Vec<f64> = p
        .iter()
        .map(|&x| {
            acc += x;
            acc
        })
        .collect();
    if let Some(&last) = cdf.last() {
        cdf.iter_mut().for_each(|c| *c /= last);
    }
    cdf
}

/// `searchsorted(cdf, x, side='right')`.
pub(crate) fn search_right(cdf: &[f64], x: f64) -> usize {
    cdf.partition_point(|&c| c <= x)
}

fn value_err(msg: &str) -> Error {
    Error::Value(msg.to_string())
}

impl RandomState {
    /// `choice(a, size, replace, p)` with an integer `a`: int64 indices drawn from `arange(a)`.
    ///
    /// ```
    /// use numox::random::RandomState;
    /// let mut rs = RandomState::new(0).unwrap();
    /// let x = rs.choice(5, 3, true, None).unwrap();
    /// assert_eq!(x.to_vec::<i64>().unwrap(), vec![4, 0, 3]);
    /// let p = [0.5, 0.5, 0.5];
    /// assert_eq!(
    ///     rs.choice(3, 2, true, Some(&p)).unwrap_err().to_string(),
    ///     "probabilities do not sum to 1"
    /// );
    /// assert_eq!(
    ///     rs.choice(3, 4, false, None).unwrap_err().to_string(),
    ///     "Cannot take a larger sample than population when 'replace=False'"
    /// );
    /// ```
    pub fn choice(
        &mut self,
        a: i64,
        size: impl IntoShape,
        replace: bool,
        p: Option<&[f64]>,
    ) -> Result<Array> {
        let shape = size.into_shape()?;
        let count: usize = shape.iter().product();
        if a <= 0 && count != 0 {
            return Err(value_err(
                "a must be greater than 0 unless no samples are taken",
            ));
        }
        self.choice_indices(a.max(0) as usize, &shape, replace, p)
    }

    /// `choice(a, size, replace, p)` with an array `a`: `a[indices]`. A 0-d integer `a` acts as
    /// `arange(a)`.
    ///
    /// ```
    /// use numox::random::RandomState;
    /// let mut rs = RandomState::new(0).unwrap();
    /// let a = numox::Array::from_vec(vec![1.5f32, 2.5, 3.5]);
    /// assert_eq!(rs.choice_array(&a, &[2, 2], true, None).unwrap().shape(), &[2, 2]);
    /// let bad = numox::Array::scalar(2.5f64);
    /// assert_eq!(
    ///     rs.choice_array(&bad, 1, true, None).unwrap_err().to_string(),
    ///     "a must be 1-dimensional or an integer"
    /// );
    /// ```
    pub fn choice_array(
        &mut self,
        a: &Array,
        size: impl IntoShape,
        replace: bool,
        p: Option<&[f64]>,
    ) -> Result<Array> {
        if a.ndim() == 0 {
            if !a.dtype().is_integer() {
                return Err(value_err("a must be 1-dimensional or an integer"));
            }
            let n = a.astype(crate::DType::Int64)?.item_as::<i64>()?;
            return self.choice(n, size, replace, p);
        }
        if a.ndim() != 1 {
            return Err(value_err("a must be 1-dimensional"));
        }
        let shape = size.into_shape()?;
        let count: usize = shape.iter().product();
        if a.shape()[0] == 0 && count != 0 {
            return Err(value_err("'a' cannot be empty unless no samples are taken"));
        }
        let idx = self.choice_indices(a.shape()[0], &shape, replace, p)?;
        a.take(&idx, Some(0), TakeMode::Raise)
    }

    fn choice_indices(
        &mut self,
        pop: usize,
        shape: &[usize],
        replace: bool,
        p: Option<&[f64]>,
    ) -> Result<Array> {
        if let Some(p) = p {
            if p.len() != pop {
                return Err(value_err("'a' and 'p' must have same size"));
            }
            let sum = kahan_sum(p);
            if sum.is_nan() {
                return Err(value_err("probabilities contain NaN"));
            }
            if p.iter().any(|&x| x < 0.0) {
                return Err(value_err("probabilities are not non-negative"));
            }
            if (sum - 1.0).abs() > f64::EPSILON.sqrt() {
                return Err(value_err("probabilities do not sum to 1"));
            }
        }
        let count: usize = shape.iter().product();
        if replace {
            let Some(p) = p else {
                return self.randint(0, Some(pop as i128), shape);
            };
            let cdf = normalised_cdf(p);
            let u = self.random_sample(shape)?;
            let idx: Vec<i64> = u
                .as_slice::<f64>()?
                .iter()
                .map(|&x| search_right(&cdf, x) as i64)
                .collect();
            return Array::from_shape_vec(shape, idx);
        }
        if count > pop {
            return Err(value_err(
                "Cannot take a larger sample than population when 'replace=False'",
            ));
        }
        let Some(p) = p else {
            let perm = self.permutation(pop as i64)?;
            let head = perm.as_slice::<i64>()?[..count].to_vec();
            return Array::from_shape_vec(shape, head);
        };
        if p.iter().filter(|&&x| x > 0.0).count() < count {
            return Err(value_err("Fewer non-zero entries in p than size"));
        }
        let mut p = p.to_vec();
        let mut found: Vec<i64> = Vec::with_capacity(count);
        let mut seen = vec![false; pop];
        while found.len() < count {
            let x = self.random_sample(count - found.len())?;
            for &f in &found {
                p[f as usize] = 0.0;
            }
            let cdf = normalised_cdf(&p);
            // The round's distinct values in order of first appearance (np.unique's
            // return_index, sorted); earlier rounds' values have p = 0 and cannot recur.
            for &u in x.as_slice::<f64>()? {
                let k = search_right(&cdf, u).min(pop - 1);
                if !seen[k] {
                    seen[k] = true;
                    found.push(k as i64);
                }
            }
        }
        Array::from_shape_vec(shape, found)
    }
}
