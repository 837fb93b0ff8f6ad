//! NumPy's `Generator` (numpy/random/_generator.pyx) and `default_rng`: distributions drawn from a
//! [`BitGenerator`] with NumPy's algorithms, so that the same seed gives the same numbers.

use super::bounded::integers;
use super::distributions::{random_binomial, random_poisson, BinomialCache};
use super::pcg64::{Pcg64, Pcg64Dxsm};
use super::seed_sequence::Seed;
use super::ziggurat::{
    next_f32, standard_exponential_f32, standard_exponential_f64, standard_normal_f32,
    standard_normal_f64,
};
use super::{new_filled, BitGenerator};
use crate::array::Array;
use crate::dtype::{DType, Element};
use crate::error::{Error, Result};

/// A bit generator that can spawn independent children through its seed sequence.
///
/// ```
/// use numox::random::{Pcg64, SpawnBitGenerator};
/// let mut g = Pcg64::new(1u64).unwrap();
/// assert_eq!(g.spawn_children(3).unwrap().len(), 3);
/// ```
pub trait SpawnBitGenerator: BitGenerator + Sized {
    /// `bit_generator.spawn(n_children)`.
    fn spawn_children(&mut self, n_children: usize) -> Result<Vec<Self>>;
}

impl SpawnBitGenerator for Pcg64 {
    fn spawn_children(&mut self, n_children: usize) -> Result<Vec<Self>> {
        self.spawn(n_children)
    }
}

impl SpawnBitGenerator for Pcg64Dxsm {
    fn spawn_children(&mut self, n_children: usize) -> Result<Vec<Self>> {
        self.spawn(n_children)
    }
}

/// Options of [`Generator::integers_with`]: NumPy's `dtype` (int64 by default; every integer
/// dtype and bool) and `endpoint` (include `high`).
///
/// ```
/// use numox::random::IntegersOpts;
/// let o = IntegersOpts { endpoint: true, ..Default::default() };
/// assert_eq!(o.dtype, numox::DType::Int64);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct IntegersOpts {
    /// The output dtype.
    pub dtype: DType,
    /// Whether `high` is included.
    pub endpoint: bool,
}

impl Default for IntegersOpts {
    fn default() -> Self {
        IntegersOpts {
            dtype: DType::Int64,
            endpoint: false,
        }
    }
}

/// `np.random.default_rng(seed)`: a [`Generator`] over [`Pcg64`] seeded through a
/// [`SeedSequence`](super::SeedSequence) (`Seed::None` draws fresh entropy).
///
/// ```
/// let mut rng = numox::random::default_rng(0u64).unwrap();
/// let x = rng.random(&[3]).unwrap();
/// // np.random.default_rng(0).random(3)[0]
/// assert_eq!(x.to_vec::<f64>().unwrap()[0], 0.6369616873214543);
/// ```
pub fn default_rng(seed: impl Into<Seed>) -> Result<Generator<Pcg64>> {
    Ok(Generator::new(Pcg64::new(seed)?))
}

/// NumPy's `Generator`: distributions over a bit generator (PCG64 by default).
///
/// ```
/// use numox::random::{Generator, Pcg64Dxsm};
/// let mut rng = Generator::new(Pcg64Dxsm::new(1u64).unwrap());
/// assert_eq!(rng.integers(0, Some(10), &[5]).unwrap().shape(), &[5]);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Generator<B = Pcg64> {
    pub(crate) bit_generator: B,
    binomial: BinomialCache,
}

/// NumPy's `POISSON_LAM_MAX`: int64's maximum less ten of its square roots.
fn poisson_lam_max() -> f64 {
    i64::MAX as f64 - (i64::MAX as f64).sqrt() * 10.0
}

/// NumPy's check of a non-negative parameter: a negative value (or -0.0) other than NaN fails.
pub(crate) fn check_non_negative(v: f64, name: &str) -> Result<()> {
    if !v.is_nan() && v.is_sign_negative() {
        return Err(Error::Value(format!("{name} < 0")));
    }
    Ok(())
}

fn unsupported(dtype: DType, what: &str) -> Error {
    Error::DType(format!(
        "Unsupported dtype dtype('{}') for {what}",
        dtype.name()
    ))
}

impl<B: BitGenerator> Generator<B> {
    /// `Generator(bit_generator)`.
    ///
    /// ```
    /// use numox::random::{Generator, Pcg64};
    /// let rng = Generator::new(Pcg64::new(3u64).unwrap());
    /// assert!(rng.bit_generator().seed_sequence().is_some());
    /// ```
    pub fn new(bit_generator: B) -> Generator<B> {
        Generator {
            bit_generator,
            binomial: BinomialCache::default(),
        }
    }

    /// The bit generator.
    ///
    /// ```
    /// let rng = numox::random::default_rng(3u64).unwrap();
    /// assert!(!rng.bit_generator().state().has_uint32);
    /// ```
    pub fn bit_generator(&self) -> &B {
        &self.bit_generator
    }

    /// The bit generator, mutably (to draw raw bits or advance it).
    ///
    /// ```
    /// use numox::random::BitGenerator;
    /// let mut rng = numox::random::default_rng(3u64).unwrap();
    /// let _ = rng.bit_generator_mut().next_u64();
    /// ```
    pub fn bit_generator_mut(&mut self) -> &mut B {
        &mut self.bit_generator
    }

    /// Fills a new array of `shape` with `f` drawn once per element, in C order.
    #[inline(always)]
    fn fill<T: Element>(
        &mut self,
        shape: &[usize],
        mut f: impl FnMut(&mut B) -> T,
    ) -> Result<Array> {
        let b = &mut self.bit_generator;
        new_filled(shape, |out: &mut [T]| {
            out.iter_mut().for_each(|o| *o = f(b))
        })
    }

    /// `random(size)`: float64 uniform on `[0, 1)`.
    ///
    /// ```
    /// let mut rng = numox::random::default_rng(42u64).unwrap();
    /// let x = rng.random(&[2, 2]).unwrap();
    /// assert_eq!(x.dtype(), numox::DType::Float64);
    /// ```
    pub fn random(&mut self, shape: &[usize]) -> Result<Array> {
        self.fill(shape, |b| b.next_f64())
    }

    /// `random(size, dtype)`: float64 or float32 (float32 takes 24 bits of a 32-bit draw).
    ///
    /// ```
    /// use numox::DType;
    /// let mut rng = numox::random::default_rng(42u64).unwrap();
    /// assert_eq!(rng.random_with(&[3], DType::Float32).unwrap().dtype(), DType::Float32);
    /// assert_eq!(
    ///     rng.random_with(&[3], DType::Int64).unwrap_err().to_string(),
    ///     "Unsupported dtype dtype('int64') for random"
    /// );
    /// ```
    pub fn random_with(&mut self, shape: &[usize], dtype: DType) -> Result<Array> {
        match dtype {
            DType::Float64 => self.random(shape),
            DType::Float32 => self.fill(shape, next_f32),
            d => Err(unsupported(d, "random")),
        }
    }

    /// `standard_normal(size)`: float64 by NumPy's ziggurat.
    ///
    /// ```
    /// let mut rng = numox::random::default_rng(0u64).unwrap();
    /// assert_eq!(rng.standard_normal(&[4]).unwrap().shape(), &[4]);
    /// ```
    pub fn standard_normal(&mut self, shape: &[usize]) -> Result<Array> {
        self.fill(shape, standard_normal_f64)
    }

    /// `standard_normal(size, dtype)`: float64 or float32 (its own float32 ziggurat).
    ///
    /// ```
    /// use numox::DType;
    /// let mut rng = numox::random::default_rng(0u64).unwrap();
    /// assert_eq!(rng.standard_normal_with(&[4], DType::Float32).unwrap().dtype(), DType::Float32);
    /// ```
    pub fn standard_normal_with(&mut self, shape: &[usize], dtype: DType) -> Result<Array> {
        match dtype {
            DType::Float64 => self.standard_normal(shape),
            DType::Float32 => self.fill(shape, standard_normal_f32),
            d => Err(unsupported(d, "standard_normal")),
        }
    }

    /// `normal(loc, scale, size)`: `loc + scale * standard_normal`.
    ///
    /// ```
    /// let mut rng = numox::random::default_rng(0u64).unwrap();
    /// assert_eq!(rng.normal(1.0, 2.0, &[3]).unwrap().shape(), &[3]);
    /// assert_eq!(rng.normal(0.0, -1.0, &[3]).unwrap_err().to_string(), "scale < 0");
    /// ```
    pub fn normal(&mut self, loc: f64, scale: f64, shape: &[usize]) -> Result<Array> {
        check_non_negative(scale, "scale")?;
        self.fill(shape, |b| loc + scale * standard_normal_f64(b))
    }

    /// `standard_exponential(size)`: float64 by NumPy's ziggurat.
    ///
    /// ```
    /// let mut rng = numox::random::default_rng(0u64).unwrap();
    /// assert!(rng.standard_exponential(&[5]).unwrap().to_vec::<f64>().unwrap().iter().all(|&x| x >= 0.0));
    /// ```
    pub fn standard_exponential(&mut self, shape: &[usize]) -> Result<Array> {
        self.fill(shape, standard_exponential_f64)
    }

    /// `standard_exponential(size, dtype)`: float64 or float32.
    ///
    /// ```
    /// use numox::DType;
    /// let mut rng = numox::random::default_rng(0u64).unwrap();
    /// let x = rng.standard_exponential_with(&[2], DType::Float32).unwrap();
    /// assert_eq!(x.dtype(), DType::Float32);
    /// ```
    pub fn standard_exponential_with(&mut self, shape: &[usize], dtype: DType) -> Result<Array> {
        match dtype {
            DType::Float64 => self.standard_exponential(shape),
            DType::Float32 => self.fill(shape, standard_exponential_f32),
            d => Err(unsupported(d, "standard_exponential")),
        }
    }

    /// `exponential(scale, size)`: `scale * standard_exponential`.
    ///
    /// ```
    /// let mut rng = numox::random::default_rng(0u64).unwrap();
    /// assert_eq!(rng.exponential(2.0, &[]).unwrap().ndim(), 0);
    /// assert_eq!(rng.exponential(-2.0, &[]).unwrap_err().to_string(), "scale < 0");
    /// ```
    pub fn exponential(&mut self, scale: f64, shape: &[usize]) -> Result<Array> {
        check_non_negative(scale, "scale")?;
        self.fill(shape, |b| scale * standard_exponential_f64(b))
    }

    /// `uniform(low, high, size)`: `low + (high - low) * random`.
    ///
    /// ```
    /// let mut rng = numox::random::default_rng(0u64).unwrap();
    /// let x = rng.uniform(2.0, 3.0, &[4]).unwrap().to_vec::<f64>().unwrap();
    /// assert!(x.iter().all(|&v| (2.0..3.0).contains(&v)));
    /// assert_eq!(
    ///     rng.uniform(0.0, f64::INFINITY, &[1]).unwrap_err().to_string(),
    ///     "high - low range exceeds valid bounds"
    /// );
    /// ```
    pub fn uniform(&mut self, low: f64, high: f64, shape: &[usize]) -> Result<Array> {
        let range = high - low;
        if !range.is_finite() {
            return Err(Error::Value("high - low range exceeds valid bounds".into()));
        }
        self.fill(shape, |b| low + range * b.next_f64())
    }

    /// `integers(low, high, size)`: int64 in `[low, high)`; with `high` `None`, in `[0, low)`.
    ///
    /// ```
    /// let mut rng = numox::random::default_rng(0u64).unwrap();
    /// let x = rng.integers(0, Some(1000), &[3]).unwrap();
    /// assert_eq!(x.dtype(), numox::DType::Int64);
    /// assert_eq!(rng.integers(0, None, &[3]).unwrap_err().to_string(), "high <= 0");
    /// assert_eq!(rng.integers(5, Some(5), &[3]).unwrap_err().to_string(), "low >= high");
    /// ```
    pub fn integers(&mut self, low: i128, high: Option<i128>, shape: &[usize]) -> Result<Array> {
        self.integers_with(low, high, shape, IntegersOpts::default())
    }

    /// `integers(low, high, size, dtype, endpoint)`: any integer dtype or bool, NumPy's
    /// bounded-integer algorithms (Lemire's method; 32-bit buffering for 16/8-bit and bool).
    ///
    /// ```
    /// use numox::{DType, random::IntegersOpts};
    /// let mut rng = numox::random::default_rng(0u64).unwrap();
    /// let o = IntegersOpts { dtype: DType::UInt8, endpoint: true };
    /// assert_eq!(rng.integers_with(0, Some(255), &[4], o).unwrap().dtype(), DType::UInt8);
    /// let e = rng.integers_with(0, Some(256), &[4], o).unwrap_err();
    /// assert_eq!(e.to_string(), "high is out of bounds for uint8");
    /// ```
    pub fn integers_with(
        &mut self,
        low: i128,
        high: Option<i128>,
        shape: &[usize],
        opts: IntegersOpts,
    ) -> Result<Array> {
        let (low, high) = match high {
            Some(h) => (low, h),
            None => (0, low),
        };
        integers(
            &mut self.bit_generator,
            low,
            high,
            shape,
            opts.dtype,
            opts.endpoint,
        )
    }
}

impl<B: BitGenerator> Generator<B> {
    /// `binomial(n, p, size)`: int64 draws by NumPy's `random_binomial` (inversion for small
    /// `n * p`, BTPE otherwise; its set-up is cached between calls as NumPy's is).
    ///
    /// ```
    /// let mut rng = numox::random::default_rng(0u64).unwrap();
    /// assert_eq!(rng.binomial(10, 0.5, &[3]).unwrap().dtype(), numox::DType::Int64);
    /// assert_eq!(rng.binomial(10, 1.5, &[3]).unwrap_err().to_string(), "p < 0, p > 1 or p is NaN");
    /// assert_eq!(rng.binomial(-1, 0.5, &[3]).unwrap_err().to_string(), "n < 0");
    /// ```
    pub fn binomial(&mut self, n: i64, p: f64, shape: &[usize]) -> Result<Array> {
        if !(0.0..=1.0).contains(&p) {
            return Err(Error::Value("p < 0, p > 1 or p is NaN".into()));
        }
        if n < 0 {
            return Err(Error::Value("n < 0".into()));
        }
        let (b, cache) = (&mut self.bit_generator, &mut self.binomial);
        new_filled(shape, |out: &mut [i64]| {
            out.iter_mut()
                .for_each(|o| *o = random_binomial(b, p, n, cache))
        })
    }

    /// `poisson(lam, size)`: int64 draws by NumPy's `random_poisson` (multiplication below 10,
    /// PTRS above).
    ///
    /// ```
    /// let mut rng = numox::random::default_rng(0u64).unwrap();
    /// assert_eq!(rng.poisson(3.0, &[2]).unwrap().shape(), &[2]);
    /// assert_eq!(rng.poisson(-1.0, &[2]).unwrap_err().to_string(), "lam < 0 or lam is NaN");
    /// assert_eq!(rng.poisson(1e19, &[2]).unwrap_err().to_string(), "lam value too large");
    /// ```
    pub fn poisson(&mut self, lam: f64, shape: &[usize]) -> Result<Array> {
        if lam.is_nan() || lam < 0.0 {
            return Err(Error::Value("lam < 0 or lam is NaN".into()));
        }
        if lam > poisson_lam_max() {
            return Err(Error::Value("lam value too large".into()));
        }
        self.fill(shape, |b| random_poisson(b, lam))
    }
}

impl<B: SpawnBitGenerator> Generator<B> {
    /// `spawn(n_children)`: generators over spawned children of the bit generator.
    ///
    /// ```
    /// let mut rng = numox::random::default_rng(0u64).unwrap();
    /// let kids = rng.spawn(2).unwrap();
    /// assert_eq!(kids.len(), 2);
    /// ```
    pub fn spawn(&mut self, n_children: usize) -> Result<Vec<Generator<B>>> {
        Ok(self
            .bit_generator
            .spawn_children(n_children)?
            .into_iter()
            .map(Generator::new)
            .collect())
    }
}
