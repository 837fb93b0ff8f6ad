//! `RandomState`, NumPy's legacy random API on MT19937: the same seeds and calls give the same
//! numbers as `np.random.RandomState`, bit for bit.

use super::distributions::{
    legacy_gauss, legacy_random_binomial, legacy_standard_exponential, polar_pair, random_poisson,
    BinomialCache,
};
use super::mt19937::MT19937;
use super::{new_filled, BitGenerator};
use crate::array::Array;
use crate::creation::IntoShape;
use crate::dtype::DType;
use crate::error::{Error, Result};

/// The full legacy state (`RandomState.get_state()`): MT19937's key and position and the cached
/// Gaussian of the polar method.
///
/// ```
/// let rs = numox::random::RandomState::new(0).unwrap();
/// let st = rs.get_state();
/// assert_eq!((st.key.len(), st.pos, st.has_gauss), (624, 624, false));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct LegacyState {
    /// The 624 words of MT19937's state.
    pub key: Vec<u32>,
    /// The position of the next word in `key` (624 = regenerate first).
    pub pos: usize,
    /// Whether a second Gaussian is cached.
    pub has_gauss: bool,
    /// The cached Gaussian (0.0 when none).
    pub cached_gaussian: f64,
}

/// NumPy's `numpy.random.RandomState`: MT19937 with the legacy seeding and distributions.
///
/// ```
/// use numox::random::RandomState;
/// let mut rs = RandomState::new(42).unwrap();
/// let x = rs.rand(&[3]).unwrap();
/// assert_eq!(x.to_vec::<f64>().unwrap()[0], 0.3745401188473625); // np.random.RandomState(42).rand()
/// ```
#[derive(Clone, Debug)]
pub struct RandomState {
    bg: MT19937,
    gauss: Option<f64>,
    binomial: BinomialCache,
}

fn bounds_err(what: &str) -> Error {
    Error::Value(what.to_string())
}

fn check_nonneg(v: f64, name: &str) -> Result<()> {
    if !v.is_nan() && v.is_sign_negative() {
        return Err(Error::Value(format!("{name} < 0")));
    }
    Ok(())
}

/// Fills `out` from the masked rejection sampler of NumPy's legacy `randint` (`use_masked`):
/// values `off + v` with `v` uniform on `[0, rng]`, drawn from 64-bit words when `rng` needs
/// them, from 32-bit words for 32 bits and below (16 and 8 bits from a shared 32-bit buffer).
fn bounded_fill<T: Copy>(
    bg: &mut MT19937,
    bits: u32,
    off: u64,
    rng: u64,
    out: &mut [T],
    cast: impl Fn(u64) -> T,
) {
    let mask = if rng == 0 {
        0
    } else {
        u64::MAX >> rng.leading_zeros()
    };
    if rng == 0 {
        out.fill(cast(off));
    } else if bits > 32 && rng > 0xFFFF_FFFF {
        if rng == u64::MAX {
            out.iter_mut()
                .for_each(|o| *o = cast(off.wrapping_add(bg.next_u64())));
        } else {
            for o in out.iter_mut() {
                let v = loop {
                    let v = bg.next_u64() & mask;
                    if v <= rng {
                        break v;
                    }
                };
                *o = cast(off.wrapping_add(v));
            }
        }
    } else if bits >= 32 {
        let (rng, mask) = (rng as u32, mask as u32);
        if rng == u32::MAX {
            out.iter_mut()
                .for_each(|o| *o = cast(off.wrapping_add(bg.next_u32() as u64)));
        } else {
            for o in out.iter_mut() {
                let v = loop {
                    let v = bg.next_u32() & mask;
                    if v <= rng {
                        break v;
                    }
                };
                *o = cast(off.wrapping_add(v as u64));
            }
        }
    } else {
        // 16 or 8 bits from a 32-bit buffer, low part first.
        let per = 32 / bits;
        let wmask = (1u32 << bits) - 1;
        let (rng, mask) = (rng as u32, mask as u32);
        let (mut buf, mut cnt) = (0u32, 0u32);
        let mut next = || {
            if cnt == 0 {
                buf = bg.next_u32();
                cnt = per - 1;
            } else {
                buf >>= bits;
                cnt -= 1;
            }
            buf & wmask
        };
        for o in out.iter_mut() {
            let v = if rng == wmask {
                next()
            } else {
                loop {
                    let v = next() & mask;
                    if v <= rng {
                        break v;
                    }
                }
            };
            *o = cast(off.wrapping_add(v as u64));
        }
    }
}

impl RandomState {
    /// `RandomState(seed)` for an integer seed in `[0, 2**32)`.
    ///
    /// ```
    /// use numox::random::RandomState;
    /// assert!(RandomState::new(-1).is_err());
    /// ```
    pub fn new(seed: i64) -> Result<Self> {
        Ok(Self::from_bit_generator(MT19937::from_seed(seed)?))
    }

    /// `RandomState(seed)` for an array of seeds (`init_by_array`).
    ///
    /// ```
    /// use numox::random::RandomState;
    /// let mut rs = RandomState::from_array(&[1, 2, 3]).unwrap();
    /// assert_eq!(rs.random_sample(()).unwrap().shape(), &[] as &[usize]);
    /// ```
    pub fn from_array(seed: &[i64]) -> Result<Self> {
        Ok(Self::from_bit_generator(MT19937::from_array(seed)?))
    }

    /// A `RandomState` drawing from a given MT19937.
    ///
    /// ```
    /// use numox::random::{MT19937, RandomState};
    /// let rs = RandomState::from_bit_generator(MT19937::new(7));
    /// assert_eq!(rs.get_state().key[0], 7);
    /// ```
    pub fn from_bit_generator(bg: MT19937) -> Self {
        RandomState {
            bg,
            gauss: None,
            binomial: BinomialCache::default(),
        }
    }

    /// `seed(seed)`: reseeds with an integer (and forgets the cached Gaussian).
    ///
    /// ```
    /// use numox::random::RandomState;
    /// let mut rs = RandomState::new(1).unwrap();
    /// rs.seed(0).unwrap();
    /// assert_eq!(rs.get_state(), RandomState::new(0).unwrap().get_state());
    /// ```
    pub fn seed(&mut self, seed: i64) -> Result<()> {
        *self = Self::new(seed)?;
        Ok(())
    }

    /// `seed(array)`: reseeds with an array of integers.
    ///
    /// ```
    /// use numox::random::RandomState;
    /// let mut rs = RandomState::new(1).unwrap();
    /// rs.seed_array(&[4, 5]).unwrap();
    /// assert_eq!(rs.get_state(), RandomState::from_array(&[4, 5]).unwrap().get_state());
    /// ```
    pub fn seed_array(&mut self, seed: &[i64]) -> Result<()> {
        *self = Self::from_array(seed)?;
        Ok(())
    }

    /// The underlying bit generator.
    ///
    /// ```
    /// use numox::random::{BitGenerator, RandomState};
    /// let mut rs = RandomState::new(0).unwrap();
    /// assert_eq!(rs.bit_generator().next_u32(), 2357136044);
    /// ```
    pub fn bit_generator(&mut self) -> &mut MT19937 {
        &mut self.bg
    }

    /// `get_state()`.
    ///
    /// ```
    /// use numox::random::RandomState;
    /// let mut rs = RandomState::new(0).unwrap();
    /// rs.randn(()).unwrap();
    /// assert!(rs.get_state().has_gauss);
    /// ```
    pub fn get_state(&self) -> LegacyState {
        let (key, pos) = self.bg.get_state();
        LegacyState {
            key,
            pos,
            has_gauss: self.gauss.is_some(),
            cached_gaussian: self.gauss.unwrap_or(0.0),
        }
    }

    /// `set_state(state)`.
    ///
    /// ```
    /// use numox::random::RandomState;
    /// let mut a = RandomState::new(0).unwrap();
    /// a.randn(()).unwrap();
    /// let st = a.get_state();
    /// let mut b = RandomState::new(5).unwrap();
    /// b.set_state(&st).unwrap();
    /// let x = a.randn(&[4]).unwrap().to_vec::<f64>().unwrap();
    /// assert_eq!(x, b.randn(&[4]).unwrap().to_vec::<f64>().unwrap());
    /// ```
    pub fn set_state(&mut self, state: &LegacyState) -> Result<()> {
        self.bg.set_state(&state.key, state.pos)?;
        self.gauss = state.has_gauss.then_some(state.cached_gaussian);
        Ok(())
    }

    fn f64_array(
        &mut self,
        size: impl IntoShape,
        fill: impl FnOnce(&mut Self, &mut [f64]),
    ) -> Result<Array> {
        let shape = size.into_shape()?;
        new_filled(&shape, |out: &mut [f64]| fill(self, out))
    }

    /// `random_sample(size)`: doubles uniform on `[0, 1)` (shape `()` for one value).
    ///
    /// ```
    /// use numox::random::RandomState;
    /// let mut rs = RandomState::new(0).unwrap();
    /// let x = rs.random_sample(&[2, 3]).unwrap();
    /// assert_eq!(x.shape(), &[2, 3]);
    /// assert_eq!(
    ///     rs.random_sample(&[-1]).unwrap_err().to_string(),
    ///     "negative dimensions are not allowed"
    /// );
    /// ```
    pub fn random_sample(&mut self, size: impl IntoShape) -> Result<Array> {
        self.f64_array(size, |s, out| s.bg.fill_f64(out))
    }

    /// `random(size)`: the same as [`RandomState::random_sample`].
    ///
    /// ```
    /// use numox::random::RandomState;
    /// let (mut a, mut b) = (RandomState::new(3).unwrap(), RandomState::new(3).unwrap());
    /// let x = a.random(5).unwrap().to_vec::<f64>().unwrap();
    /// assert_eq!(x, b.random_sample(5).unwrap().to_vec::<f64>().unwrap());
    /// ```
    pub fn random(&mut self, size: impl IntoShape) -> Result<Array> {
        self.random_sample(size)
    }

    /// `rand(d0, d1, ...)`: uniform doubles of the given dimensions.
    ///
    /// ```
    /// use numox::random::RandomState;
    /// let mut rs = RandomState::new(0).unwrap();
    /// assert_eq!(rs.rand(&[1]).unwrap().to_vec::<f64>().unwrap(), vec![0.5488135039273248]);
    /// ```
    pub fn rand(&mut self, dims: impl IntoShape) -> Result<Array> {
        self.random_sample(dims)
    }

    /// Fills `out` with legacy Gaussians (the cache first, then polar pairs).
    fn fill_gauss(&mut self, out: &mut [f64]) {
        let mut rest = out;
        if !rest.is_empty()
            && let Some(g) = self.gauss.take()
        {
            rest[0] = g;
            rest = &mut rest[1..];
        }
        let mut pairs = rest.chunks_exact_mut(2);
        for pair in &mut pairs {
            let (f, x1, x2) = polar_pair(&mut self.bg);
            pair[0] = f * x2;
            pair[1] = f * x1;
        }
        if let [last] = pairs.into_remainder() {
            *last = legacy_gauss(&mut self.bg, &mut self.gauss);
        }
    }

    /// `standard_normal(size)`: legacy Gaussians (polar method, one value cached between calls).
    ///
    /// ```
    /// use numox::random::RandomState;
    /// let mut rs = RandomState::new(0).unwrap();
    /// assert_eq!(rs.standard_normal(()).unwrap().item_as::<f64>().unwrap(), 1.764052345967664);
    /// ```
    pub fn standard_normal(&mut self, size: impl IntoShape) -> Result<Array> {
        self.f64_array(size, |s, out| s.fill_gauss(out))
    }

    /// `randn(d0, d1, ...)`: standard normal values of the given dimensions.
    ///
    /// ```
    /// use numox::random::RandomState;
    /// let mut rs = RandomState::new(0).unwrap();
    /// assert_eq!(rs.randn(&[2, 2]).unwrap().shape(), &[2, 2]);
    /// ```
    pub fn randn(&mut self, dims: impl IntoShape) -> Result<Array> {
        self.standard_normal(dims)
    }

    /// `normal(loc, scale, size)`: `loc + scale * gauss`; `scale` must not be negative.
    ///
    /// ```
    /// use numox::random::RandomState;
    /// let mut rs = RandomState::new(0).unwrap();
    /// assert_eq!(rs.normal(0.0, -1.0, 3).unwrap_err().to_string(), "scale < 0");
    /// ```
    pub fn normal(&mut self, loc: f64, scale: f64, size: impl IntoShape) -> Result<Array> {
        check_nonneg(scale, "scale")?;
        self.f64_array(size, |s, out| {
            s.fill_gauss(out);
            out.iter_mut().for_each(|x| *x = loc + scale * *x);
        })
    }

    /// `uniform(low, high, size)`: `low + (high - low) * U`.
    ///
    /// ```
    /// use numox::random::RandomState;
    /// let mut rs = RandomState::new(0).unwrap();
    /// let x = rs.uniform(-1.0, 1.0, 100).unwrap();
    /// assert!(x.to_vec::<f64>().unwrap().iter().all(|v| (-1.0..1.0).contains(v)));
    /// ```
    pub fn uniform(&mut self, low: f64, high: f64, size: impl IntoShape) -> Result<Array> {
        let range = high - low;
        if !range.is_finite() {
            return Err(Error::Overflow("Range exceeds valid bounds".into()));
        }
        self.f64_array(size, |s, out| {
            s.bg.fill_f64(out);
            out.iter_mut().for_each(|x| *x = low + range * *x);
        })
    }

    /// `exponential(scale, size)`: `scale * -log(1 - U)`.
    ///
    /// ```
    /// use numox::random::RandomState;
    /// let mut rs = RandomState::new(0).unwrap();
    /// assert!(rs.exponential(2.0, 10).unwrap().to_vec::<f64>().unwrap().iter().all(|&v| v >= 0.0));
    /// ```
    pub fn exponential(&mut self, scale: f64, size: impl IntoShape) -> Result<Array> {
        check_nonneg(scale, "scale")?;
        self.f64_array(size, |s, out| {
            out.iter_mut()
                .for_each(|x| *x = scale * legacy_standard_exponential(&mut s.bg));
        })
    }

    /// `binomial(n, p, size)` (int64 results), NumPy's legacy sampler.
    ///
    /// ```
    /// use numox::random::RandomState;
    /// let mut rs = RandomState::new(0).unwrap();
    /// assert_eq!(rs.binomial(10, 0.5, 4).unwrap().dtype(), numox::DType::Int64);
    /// assert_eq!(rs.binomial(-1, 0.5, 4).unwrap_err().to_string(), "n < 0");
    /// assert_eq!(rs.binomial(1, 1.5, 4).unwrap_err().to_string(), "p < 0, p > 1 or p is NaN");
    /// ```
    pub fn binomial(&mut self, n: i64, p: f64, size: impl IntoShape) -> Result<Array> {
        if !(0.0..=1.0).contains(&p) {
            return Err(bounds_err("p < 0, p > 1 or p is NaN"));
        }
        if n < 0 {
            return Err(bounds_err("n < 0"));
        }
        let shape = size.into_shape()?;
        let (bg, cache) = (&mut self.bg, &mut self.binomial);
        new_filled(&shape, |out: &mut [i64]| {
            out.iter_mut()
                .for_each(|o| *o = legacy_random_binomial(bg, p, n, cache))
        })
    }

    /// `poisson(lam, size)` (int64 results).
    ///
    /// ```
    /// use numox::random::RandomState;
    /// let mut rs = RandomState::new(0).unwrap();
    /// assert_eq!(rs.poisson(-1.0, 3).unwrap_err().to_string(), "lam < 0 or lam is NaN");
    /// ```
    pub fn poisson(&mut self, lam: f64, size: impl IntoShape) -> Result<Array> {
        if lam.is_nan() || lam < 0.0 {
            return Err(bounds_err("lam < 0 or lam is NaN"));
        }
        let max = i64::MAX as f64 - (i64::MAX as f64).sqrt() * 10.0;
        if lam > max {
            return Err(bounds_err("lam value too large"));
        }
        let shape = size.into_shape()?;
        let bg = &mut self.bg;
        new_filled(&shape, |out: &mut [i64]| {
            out.iter_mut().for_each(|o| *o = random_poisson(bg, lam))
        })
    }

    /// `randint(low, high, size)` with NumPy's default dtype (int64); `high = None` draws from
    /// `[0, low)`.
    ///
    /// ```
    /// use numox::random::RandomState;
    /// let mut rs = RandomState::new(0).unwrap();
    /// assert_eq!(rs.randint(0, Some(10), 5).unwrap().to_vec::<i64>().unwrap(), vec![5, 0, 3, 3, 7]);
    /// assert_eq!(rs.randint(3, Some(3), 5).unwrap_err().to_string(), "low >= high");
    /// ```
    pub fn randint(
        &mut self,
        low: i128,
        high: Option<i128>,
        size: impl IntoShape,
    ) -> Result<Array> {
        self.randint_dtype(low, high, size, DType::Int64)
    }

    /// `randint(low, high, size, dtype)` for bool and every integer dtype (masked rejection
    /// sampling, 32-bit draws for dtypes up to 32 bits, as NumPy's legacy `randint`).
    ///
    /// ```
    /// use numox::{random::RandomState, DType};
    /// let mut rs = RandomState::new(0).unwrap();
    /// let x = rs.randint_dtype(0, Some(256), 4, DType::UInt8).unwrap();
    /// assert_eq!(x.dtype(), DType::UInt8);
    /// assert_eq!(
    ///     rs.randint_dtype(0, Some(257), 4, DType::UInt8).unwrap_err().to_string(),
    ///     "high is out of bounds for uint8"
    /// );
    /// ```
    pub fn randint_dtype(
        &mut self,
        low: i128,
        high: Option<i128>,
        size: impl IntoShape,
        dtype: DType,
    ) -> Result<Array> {
        let (low, high) = match high {
            Some(h) => (low, h),
            None => (0, low),
        };
        let shape = size.into_shape()?;
        let cnt: usize = shape.iter().product();
        if cnt == 0 && !shape.is_empty() {
            return Array::zeros(&shape, dtype);
        }
        let (lb, ub, bits, name): (i128, i128, u32, &str) = match dtype {
            DType::Bool => (0, 1, 1, "bool"),
            d => crate::dispatch_int!(d, T => (T::MIN as i128, T::MAX as i128, T::BITS,
                d.name()), else _ => {
                return Err(Error::DType(format!("Unsupported dtype {} for randint", d.name())));
            }),
        };
        let high = high - 1;
        if low < lb {
            return Err(bounds_err(&format!("low is out of bounds for {name}")));
        }
        if high > ub {
            return Err(bounds_err(&format!("high is out of bounds for {name}")));
        }
        if low > high {
            return Err(bounds_err(if low == 0 {
                "high <= 0"
            } else {
                "low >= high"
            }));
        }
        let rng = (high - low) as u64;
        let off = low as u64;
        if dtype == DType::Bool {
            let bg = &mut self.bg;
            return new_filled(&shape, |v: &mut [bool]| {
                let (mut buf, mut bcnt) = (0u32, 0u32);
                for o in v.iter_mut() {
                    *o = if rng == 0 {
                        off != 0
                    } else {
                        if bcnt == 0 {
                            buf = bg.next_u32();
                            bcnt = 31;
                        } else {
                            buf >>= 1;
                            bcnt -= 1;
                        }
                        buf & 1 != 0
                    };
                }
            });
        }
        let bg = &mut self.bg;
        crate::dispatch_int!(dtype, T => new_filled(&shape, |v: &mut [T]| {
            bounded_fill(bg, bits, off, rng, v, |u| u as T)
        }), else _ => unreachable!())
    }

    /// NumPy's `random_interval(max)`: uniform on `[0, max]` by masked rejection (32-bit draws
    /// when `max` fits).
    #[inline(always)]
    fn interval(&mut self, max: u64) -> u64 {
        random_interval(&mut self.bg, max)
    }

    /// `shuffle(x)`: permutes `x` in place along axis 0 (rows of any rank), with NumPy's
    /// sequence of swaps.
    ///
    /// ```
    /// use numox::random::RandomState;
    /// let mut rs = RandomState::new(0).unwrap();
    /// let mut x = numox::Array::from_vec((0..10i64).collect());
    /// rs.shuffle(&mut x).unwrap();
    /// assert_eq!(x.to_vec::<i64>().unwrap(), vec![2, 8, 4, 9, 1, 6, 7, 3, 0, 5]);
    /// ```
    pub fn shuffle(&mut self, x: &mut Array) -> Result<()> {
        if x.ndim() == 0 {
            return Err(Error::DType("len() of unsized object".into()));
        }
        let n = x.shape()[0];
        if x.size() == 0 || n < 2 {
            return Ok(());
        }
        if !x.is_c_contiguous() {
            *x = x.copy();
        }
        x.make_unique()?;
        let row = x.size() / n * x.itemsize();
        let offset = x.layout().offset() * x.itemsize();
        // SAFETY: the buffer is unique and C-contiguous from `offset` for n rows of `row` bytes.
        unsafe {
            let base = x.base_ptr_mut().add(offset);
            match row {
                8 => self.shuffle_rows::<u64>(base as *mut u64, n),
                4 => self.shuffle_rows::<u32>(base as *mut u32, n),
                2 => self.shuffle_rows::<u16>(base as *mut u16, n),
                1 => self.shuffle_rows::<u8>(base, n),
                _ => {
                    for i in (1..n).rev() {
                        let j = self.interval(i as u64) as usize;
                        if i != j {
                            std::ptr::swap_nonoverlapping(
                                base.add(i * row),
                                base.add(j * row),
                                row,
                            );
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// The swaps of `shuffle` on `n` elements of one word each; the indices are drawn ahead in
    /// small batches and their rows prefetched, so the random accesses overlap.
    ///
    /// # Safety
    /// `base` must be valid for reads and writes of `n` elements.
    unsafe fn shuffle_rows<W: Copy>(&mut self, base: *mut W, n: usize) {
        const B: usize = 32;
        let mut js = [0usize; B];
        let mut i = n - 1;
        while i >= 1 {
            let cnt = B.min(i);
            for (k, j) in js[..cnt].iter_mut().enumerate() {
                *j = self.interval((i - k) as u64) as usize;
                #[cfg(target_arch = "x86_64")]
                // SAFETY: *j <= i - k < n; prefetch never faults anyway.
                unsafe {
                    use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
                    _mm_prefetch::<_MM_HINT_T0>(base.add(*j) as *const i8);
                }
            }
            for (k, &j) in js[..cnt].iter().enumerate() {
                // SAFETY: both indices are below n.
                unsafe { std::ptr::swap(base.add(i - k), base.add(j)) };
            }
            i -= cnt;
        }
    }

    /// `permutation(n)`: a shuffled `arange(n)` (int64; empty for `n <= 0`).
    ///
    /// ```
    /// use numox::random::RandomState;
    /// let mut rs = RandomState::new(0).unwrap();
    /// assert_eq!(rs.permutation(5).unwrap().to_vec::<i64>().unwrap(), vec![2, 0, 1, 3, 4]);
    /// ```
    pub fn permutation(&mut self, n: i64) -> Result<Array> {
        // As `np.arange(n)`: empty for n <= 0.
        let mut a = new_filled(&[n.max(0) as usize], |v: &mut [i64]| {
            v.iter_mut().zip(0..).for_each(|(o, i)| *o = i)
        })?;
        self.shuffle(&mut a)?;
        Ok(a)
    }

    /// `permutation(x)` for an array: a shuffled copy along axis 0.
    ///
    /// ```
    /// use numox::random::RandomState;
    /// let mut rs = RandomState::new(0).unwrap();
    /// let x = numox::Array::from_shape_vec(&[3, 2], vec![0u8, 1, 2, 3, 4, 5]).unwrap();
    /// let y = rs.permutation_array(&x).unwrap();
    /// assert_eq!(y.shape(), &[3, 2]);
    /// ```
    pub fn permutation_array(&mut self, x: &Array) -> Result<Array> {
        if x.ndim() == 0 {
            return Err(Error::IndexOther(
                "x must be an integer or at least 1-dimensional".into(),
            ));
        }
        let mut y = x.copy();
        self.shuffle(&mut y)?;
        Ok(y)
    }
}

/// NumPy's `random_interval(max)`.
#[inline(always)]
pub(crate) fn random_interval<B: BitGenerator + ?Sized>(bg: &mut B, max: u64) -> u64 {
    if max == 0 {
        return 0;
    }
    let mask = u64::MAX >> max.leading_zeros();
    if max <= 0xFFFF_FFFF {
        loop {
            let v = (bg.next_u32() as u64) & mask;
            if v <= max {
                return v;
            }
        }
    } else {
        loop {
            let v = bg.next_u64() & mask;
            if v <= max {
                return v;
            }
        }
    }
}
