//! MT19937, the Mersenne Twister behind NumPy's legacy `RandomState`, with NumPy's seeding
//! (`mt19937_seed` for an integer, `init_by_array` for an array of seeds), its 624-word
//! regeneration (AVX2 when the CPU has it), tempering and NumPy's 53-bit doubles.

use super::BitGenerator;
use crate::error::{Error, Result};

/// Number of 32-bit words in the state.
pub const MT_N: usize = 624;
const MT_M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER: u32 = 0x8000_0000;
const LOWER: u32 = 0x7fff_ffff;

/// The Mersenne Twister MT19937 as NumPy's `numpy.random.MT19937` (legacy seeding).
///
/// ```
/// use numox::random::{BitGenerator, MT19937};
/// let mut mt = MT19937::new(5489);
/// assert_eq!(mt.next_u32(), 3499211612); // the reference implementation's first output
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct MT19937 {
    key: [u32; MT_N],
    pos: usize,
}

#[inline(always)]
fn twist(a: u32, b: u32, c: u32) -> u32 {
    let y = (a & UPPER) | (b & LOWER);
    c ^ (y >> 1) ^ ((y & 1).wrapping_neg() & MATRIX_A)
}

#[inline(always)]
fn temper(mut y: u32) -> u32 {
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c_5680;
    y ^= (y << 15) & 0xefc6_0000;
    y ^ (y >> 18)
}

/// The scalar regeneration of words `from..to` (`key[i]` from `key[i]`, `key[i+1]` and
/// `key[(i+M) % N]`).
#[inline(always)]
fn gen_range(key: &mut [u32; MT_N], from: usize, to: usize) {
    for i in from..to {
        let j = if i + MT_M < MT_N {
            i + MT_M
        } else {
            i + MT_M - MT_N
        };
        key[i] = twist(key[i], key[(i + 1) % MT_N], key[j]);
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn gen_avx2(key: &mut [u32; MT_N]) {
    use std::arch::x86_64::*;
    // Word i depends on i, i+1 (old) and i+397 (old for i < 227, new for i >= 227, written
    // at least 227 words earlier), so blocks of 8 in increasing order see exactly the words the
    // scalar loop sees.
    let p = key.as_mut_ptr();
    let upper = _mm256_set1_epi32(UPPER as i32);
    let lower = _mm256_set1_epi32(LOWER as i32);
    let ma = _mm256_set1_epi32(MATRIX_A as i32);
    let one = _mm256_set1_epi32(1);
    let zero = _mm256_setzero_si256();
    let block = |i: usize, j: usize| {
        // SAFETY: callers keep i + 8 < MT_N and j + 8 <= MT_N.
        unsafe {
            let a = _mm256_loadu_si256(p.add(i) as *const __m256i);
            let b = _mm256_loadu_si256(p.add(i + 1) as *const __m256i);
            let c = _mm256_loadu_si256(p.add(j) as *const __m256i);
            let y = _mm256_or_si256(_mm256_and_si256(a, upper), _mm256_and_si256(b, lower));
            let odd = _mm256_sub_epi32(zero, _mm256_and_si256(y, one));
            let r = _mm256_xor_si256(
                _mm256_xor_si256(c, _mm256_srli_epi32::<1>(y)),
                _mm256_and_si256(odd, ma),
            );
            _mm256_storeu_si256(p.add(i) as *mut __m256i, r);
        }
    };
    let mut i = 0;
    while i + 8 <= MT_N - MT_M {
        block(i, i + MT_M);
        i += 8;
    }
    gen_range(key, i, MT_N - MT_M);
    let mut i = MT_N - MT_M;
    while i + 8 < MT_N {
        block(i, i + MT_M - MT_N);
        i += 8;
    }
    gen_range(key, i, MT_N);
}

impl MT19937 {
    /// Seeds with one 32-bit integer (NumPy's `mt19937_seed`, what `RandomState(seed)` does).
    ///
    /// ```
    /// use numox::random::{BitGenerator, MT19937};
    /// let mut mt = MT19937::new(0);
    /// assert_eq!(mt.next_u32(), 2357136044);
    /// ```
    pub fn new(seed: u32) -> Self {
        let mut key = [0u32; MT_N];
        let mut s = seed;
        for (pos, k) in key.iter_mut().enumerate() {
            *k = s;
            s = 1812433253u32
                .wrapping_mul(s ^ (s >> 30))
                .wrapping_add(pos as u32 + 1);
        }
        MT19937 { key, pos: MT_N }
    }

    /// Seeds as NumPy's `_legacy_seeding` does for an integer: an error unless `0 <= seed < 2**32`.
    ///
    /// ```
    /// use numox::random::MT19937;
    /// assert!(MT19937::from_seed(42).is_ok());
    /// let err = MT19937::from_seed(1 << 32).unwrap_err();
    /// assert_eq!(err.to_string(), "Seed must be between 0 and 2**32 - 1");
    /// ```
    pub fn from_seed(seed: i64) -> Result<Self> {
        u32::try_from(seed)
            .map(Self::new)
            .map_err(|_| Error::Value("Seed must be between 0 and 2**32 - 1".into()))
    }

    /// Seeds from an array as NumPy's `_legacy_seeding` does (`init_by_array`): the values must
    /// be in `[0, 2**32)` and the array non-empty.
    ///
    /// ```
    /// use numox::random::{BitGenerator, MT19937};
    /// let mut mt = MT19937::from_array(&[0x123, 0x234, 0x345, 0x456]).unwrap();
    /// assert_eq!(mt.next_u32(), 1067595299); // the reference implementation's first output
    /// assert!(MT19937::from_array(&[]).is_err());
    /// ```
    pub fn from_array(seed: &[i64]) -> Result<Self> {
        if seed.is_empty() {
            return Err(Error::Value("Seed must be non-empty".into()));
        }
        let words = seed
            .iter()
            .map(|&s| u32::try_from(s))
            .collect::<std::result::Result<Vec<u32>, _>>()
            .map_err(|_| Error::Value("Seed must be between 0 and 2**32 - 1".into()))?;
        Ok(Self::from_u32_array(&words))
    }

    fn from_u32_array(init: &[u32]) -> Self {
        let mut key = [0u32; MT_N];
        key[0] = 19650218;
        for i in 1..MT_N {
            key[i] = 1812433253u32
                .wrapping_mul(key[i - 1] ^ (key[i - 1] >> 30))
                .wrapping_add(i as u32);
        }
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..MT_N.max(init.len()) {
            key[i] = (key[i] ^ (key[i - 1] ^ (key[i - 1] >> 30)).wrapping_mul(1664525))
                .wrapping_add(init[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= MT_N {
                key[0] = key[MT_N - 1];
                i = 1;
            }
            if j >= init.len() {
                j = 0;
            }
        }
        for _ in 0..MT_N - 1 {
            key[i] = (key[i] ^ (key[i - 1] ^ (key[i - 1] >> 30)).wrapping_mul(1566083941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= MT_N {
                key[0] = key[MT_N - 1];
                i = 1;
            }
        }
        key[0] = 0x8000_0000;
        MT19937 { key, pos: MT_N }
    }

    /// The state as NumPy's `state['state']`: the 624 key words and the position.
    ///
    /// ```
    /// use numox::random::MT19937;
    /// let (key, pos) = MT19937::new(1).get_state();
    /// assert_eq!((key.len(), key[0], pos), (624, 1, 624));
    /// ```
    pub fn get_state(&self) -> (Vec<u32>, usize) {
        (self.key.to_vec(), self.pos)
    }

    /// Restores a state from 624 key words and a position in `0..=624`.
    ///
    /// ```
    /// use numox::random::{BitGenerator, MT19937};
    /// let mut a = MT19937::new(3);
    /// let (key, pos) = a.get_state();
    /// let mut b = MT19937::new(0);
    /// b.set_state(&key, pos).unwrap();
    /// assert_eq!(a.next_u64(), b.next_u64());
    /// assert!(b.set_state(&key[..5], 0).is_err());
    /// ```
    pub fn set_state(&mut self, key: &[u32], pos: usize) -> Result<()> {
        if key.len() != MT_N {
            return Err(Error::Value(format!(
                "the MT19937 key must have 624 words, not {}",
                key.len()
            )));
        }
        if pos > MT_N {
            return Err(Error::Value(format!("pos must be in [0, 624], not {pos}")));
        }
        self.key.copy_from_slice(key);
        self.pos = pos;
        Ok(())
    }

    /// Regenerates the 624 words (NumPy's `mt19937_gen`).
    #[inline(never)]
    fn generate(&mut self) {
        #[cfg(target_arch = "x86_64")]
        if crate::kernels::loops::has_avx2() {
            // SAFETY: the CPU supports AVX2 (checked at run time).
            unsafe { gen_avx2(&mut self.key) };
            self.pos = 0;
            return;
        }
        gen_range(&mut self.key, 0, MT_N);
        self.pos = 0;
    }

    /// Fills `out` with consecutive outputs of `next_u32` (the whole 624-word block at a time).
    ///
    /// ```
    /// use numox::random::{BitGenerator, MT19937};
    /// let (mut a, mut b) = (MT19937::new(9), MT19937::new(9));
    /// let mut buf = [0u32; 1000];
    /// a.fill_u32(&mut buf);
    /// assert!(buf.iter().all(|&x| x == b.next_u32()));
    /// ```
    pub fn fill_u32(&mut self, out: &mut [u32]) {
        let mut done = 0;
        while done < out.len() {
            if self.pos == MT_N {
                self.generate();
            }
            let take = (MT_N - self.pos).min(out.len() - done);
            let src = &self.key[self.pos..self.pos + take];
            for (o, &k) in out[done..done + take].iter_mut().zip(src) {
                *o = temper(k);
            }
            self.pos += take;
            done += take;
        }
    }

    /// Fills `out` with NumPy's doubles (`next_double` per element), uniform on `[0, 1)`.
    ///
    /// ```
    /// use numox::random::{BitGenerator, MT19937};
    /// let (mut a, mut b) = (MT19937::new(9), MT19937::new(9));
    /// let mut buf = [0f64; 333];
    /// a.fill_f64(&mut buf);
    /// assert!(buf.iter().all(|&x| x == b.next_f64()));
    /// ```
    pub fn fill_f64(&mut self, out: &mut [f64]) {
        let mut buf = [0u32; 2 * 512];
        for chunk in out.chunks_mut(512) {
            let words = &mut buf[..2 * chunk.len()];
            self.fill_u32(words);
            for (o, w) in chunk.iter_mut().zip(words.chunks_exact(2)) {
                *o = to_f64(w[0], w[1]);
            }
        }
    }
}

/// NumPy's `mt19937_next_double` from two words: `(a >> 5) * 2**26 + (b >> 6)` over `2**53`.
#[inline(always)]
pub(crate) fn to_f64(a: u32, b: u32) -> f64 {
    ((a >> 5) as f64 * 67108864.0 + (b >> 6) as f64) / 9007199254740992.0
}

impl BitGenerator for MT19937 {
    #[inline(always)]
    fn next_u32(&mut self) -> u32 {
        if self.pos == MT_N {
            self.generate();
        }
        let y = self.key[self.pos];
        self.pos += 1;
        temper(y)
    }

    #[inline(always)]
    fn next_u64(&mut self) -> u64 {
        let hi = self.next_u32() as u64;
        (hi << 32) | self.next_u32() as u64
    }

    #[inline(always)]
    fn next_f64(&mut self) -> f64 {
        let a = self.next_u32();
        let b = self.next_u32();
        to_f64(a, b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn avx2_and_scalar_regeneration_agree() {
        let mut a = MT19937::new(12345);
        let mut b = a.key;
        for _ in 0..5 {
            a.generate();
            gen_range(&mut b, 0, MT_N);
            assert_eq!(a.key, b);
        }
    }

    #[test]
    fn reference_outputs() {
        // mt19937ar.c with init_by_array({0x123, 0x234, 0x345, 0x456}): outputs 0..3 and 999.
        let mut mt = MT19937::from_array(&[0x123, 0x234, 0x345, 0x456]).unwrap();
        let first: Vec<u32> = (0..3).map(|_| mt.next_u32()).collect();
        assert_eq!(first, [1067595299, 955945823, 477289528]);
        for _ in 3..999 {
            mt.next_u32();
        }
        assert_eq!(mt.next_u32(), 3460025646);
    }
}
