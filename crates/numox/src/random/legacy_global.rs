//! NumPy's module-level legacy functions (`np.random.seed`, `np.random.rand`, ...): one global
//! [`RandomState`] behind a mutex, seeded from the process's entropy until `seed` is called.

use super::legacy::{LegacyState, RandomState};
use super::mt19937::MT19937;
use crate::array::Array;
use crate::creation::IntoShape;
use crate::dtype::DType;
use crate::error::{Error, Result};
use std::sync::Mutex;

static GLOBAL: Mutex<Option<RandomState>> = Mutex::new(None);

fn entropy_seed() -> u32 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0),
    );
    h.finish() as u32
}

/// Runs `f` on the global `RandomState` (created on first use).
fn with_global<R>(f: impl FnOnce(&mut RandomState) -> Result<R>) -> Result<R> {
    let mut guard = GLOBAL
        .lock()
        .map_err(|_| Error::Value("the global RandomState's lock is poisoned".into()))?;
    let rs =
        guard.get_or_insert_with(|| RandomState::from_bit_generator(MT19937::new(entropy_seed())));
    f(rs)
}

/// `np.random.seed(seed)`.
///
/// ```
/// numox::random::seed(0).unwrap();
/// assert_eq!(
///     numox::random::seed(1 << 32).unwrap_err().to_string(),
///     "Seed must be between 0 and 2**32 - 1"
/// );
/// ```
pub fn seed(seed: i64) -> Result<()> {
    with_global(|rs| rs.seed(seed))
}

/// `np.random.seed(array)`.
///
/// ```
/// numox::random::seed_array(&[1, 2]).unwrap();
/// ```
pub fn seed_array(seed: &[i64]) -> Result<()> {
    with_global(|rs| rs.seed_array(seed))
}

/// `np.random.get_state()`.
///
/// ```
/// assert_eq!(numox::random::get_state().unwrap().key.len(), 624);
/// ```
pub fn get_state() -> Result<LegacyState> {
    with_global(|rs| Ok(rs.get_state()))
}

/// `np.random.set_state(state)`.
///
/// ```
/// let st = numox::random::RandomState::new(9).unwrap().get_state();
/// numox::random::set_state(&st).unwrap();
/// ```
pub fn set_state(state: &LegacyState) -> Result<()> {
    with_global(|rs| rs.set_state(state))
}

/// `np.random.rand(d0, d1, ...)`.
///
/// ```
/// assert_eq!(numox::random::rand(&[2, 3]).unwrap().shape(), &[2, 3]);
/// ```
pub fn rand(dims: impl IntoShape) -> Result<Array> {
    let shape = dims.into_shape()?;
    with_global(|rs| rs.rand(shape.as_slice()))
}

/// `np.random.random_sample(size)` (also `np.random.random`).
///
/// ```
/// assert_eq!(numox::random::random_sample(4).unwrap().shape(), &[4]);
/// ```
pub fn random_sample(size: impl IntoShape) -> Result<Array> {
    let shape = size.into_shape()?;
    with_global(|rs| rs.random_sample(shape.as_slice()))
}

/// `np.random.randn(d0, d1, ...)`.
///
/// ```
/// assert_eq!(numox::random::randn(&[5]).unwrap().shape(), &[5]);
/// ```
pub fn randn(dims: impl IntoShape) -> Result<Array> {
    let shape = dims.into_shape()?;
    with_global(|rs| rs.randn(shape.as_slice()))
}

/// `np.random.standard_normal(size)`.
///
/// ```
/// assert_eq!(numox::random::standard_normal(()).unwrap().ndim(), 0);
/// ```
pub fn standard_normal(size: impl IntoShape) -> Result<Array> {
    let shape = size.into_shape()?;
    with_global(|rs| rs.standard_normal(shape.as_slice()))
}

/// `np.random.normal(loc, scale, size)`.
///
/// ```
/// assert_eq!(numox::random::normal(1.0, 2.0, 3).unwrap().shape(), &[3]);
/// ```
pub fn normal(loc: f64, scale: f64, size: impl IntoShape) -> Result<Array> {
    let shape = size.into_shape()?;
    with_global(|rs| rs.normal(loc, scale, shape.as_slice()))
}

/// `np.random.uniform(low, high, size)`.
///
/// ```
/// assert_eq!(numox::random::uniform(0.0, 2.0, 3).unwrap().shape(), &[3]);
/// ```
pub fn uniform(low: f64, high: f64, size: impl IntoShape) -> Result<Array> {
    let shape = size.into_shape()?;
    with_global(|rs| rs.uniform(low, high, shape.as_slice()))
}

/// `np.random.exponential(scale, size)`.
///
/// ```
/// assert_eq!(numox::random::exponential(1.0, 3).unwrap().shape(), &[3]);
/// ```
pub fn exponential(scale: f64, size: impl IntoShape) -> Result<Array> {
    let shape = size.into_shape()?;
    with_global(|rs| rs.exponential(scale, shape.as_slice()))
}

/// `np.random.randint(low, high, size, dtype)`.
///
/// ```
/// let x = numox::random::randint(0, Some(10), 4, numox::DType::Int16).unwrap();
/// assert_eq!(x.dtype(), numox::DType::Int16);
/// ```
pub fn randint(low: i128, high: Option<i128>, size: impl IntoShape, dtype: DType) -> Result<Array> {
    let shape = size.into_shape()?;
    with_global(|rs| rs.randint_dtype(low, high, shape.as_slice(), dtype))
}

/// `np.random.binomial(n, p, size)`.
///
/// ```
/// assert_eq!(numox::random::binomial(5, 0.5, 3).unwrap().shape(), &[3]);
/// ```
pub fn binomial(n: i64, p: f64, size: impl IntoShape) -> Result<Array> {
    let shape = size.into_shape()?;
    with_global(|rs| rs.binomial(n, p, shape.as_slice()))
}

/// `np.random.poisson(lam, size)`.
///
/// ```
/// assert_eq!(numox::random::poisson(2.0, 3).unwrap().shape(), &[3]);
/// ```
pub fn poisson(lam: f64, size: impl IntoShape) -> Result<Array> {
    let shape = size.into_shape()?;
    with_global(|rs| rs.poisson(lam, shape.as_slice()))
}

/// `np.random.choice(a, size, replace, p)` with an integer `a`.
///
/// ```
/// assert_eq!(numox::random::choice(10, 3, false, None).unwrap().shape(), &[3]);
/// ```
pub fn choice(a: i64, size: impl IntoShape, replace: bool, p: Option<&[f64]>) -> Result<Array> {
    let shape = size.into_shape()?;
    with_global(|rs| rs.choice(a, shape.as_slice(), replace, p))
}

/// `np.random.choice(a, size, replace, p)` with an array `a`.
///
/// ```
/// let a = numox::Array::from_vec(vec![1u8, 2, 3]);
/// assert_eq!(numox::random::choice_array(&a, 2, true, None).unwrap().shape(), &[2]);
/// ```
pub fn choice_array(
    a: &Array,
    size: impl IntoShape,
    replace: bool,
    p: Option<&[f64]>,
) -> Result<Array> {
    let shape = size.into_shape()?;
    with_global(|rs| rs.choice_array(a, shape.as_slice(), replace, p))
}

/// `np.random.shuffle(x)`.
///
/// ```
/// let mut x = numox::Array::from_vec(vec![1u8, 2, 3]);
/// numox::random::shuffle(&mut x).unwrap();
/// ```
pub fn shuffle(x: &mut Array) -> Result<()> {
    with_global(|rs| rs.shuffle(x))
}

/// `np.random.permutation(n)`.
///
/// ```
/// assert_eq!(numox::random::permutation(6).unwrap().shape(), &[6]);
/// ```
pub fn permutation(n: i64) -> Result<Array> {
    with_global(|rs| rs.permutation(n))
}

/// `np.random.permutation(x)` for an array.
///
/// ```
/// let x = numox::Array::from_vec(vec![1u8, 2, 3]);
/// assert_eq!(numox::random::permutation_array(&x).unwrap().shape(), &[3]);
/// ```
pub fn permutation_array(x: &Array) -> Result<Array> {
    with_global(|rs| rs.permutation_array(x))
}
