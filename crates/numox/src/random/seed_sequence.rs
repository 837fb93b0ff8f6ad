//! NumPy's `SeedSequence` (numpy/random/bit_generator.pyx): mixes entropy (an integer of any size
//! or a sequence of integers) into a pool of 32-bit words, hands out generator states from it and
//! spawns independent children.

use crate::error::{Error, Result};

const DEFAULT_POOL_SIZE: usize = 4;
const INIT_A: u32 = 0x43b0_d7e5;
const MULT_A: u32 = 0x931e_8875;
const INIT_B: u32 = 0x8b51_f9dd;
const MULT_B: u32 = 0x58f3_8ded;
const MIX_MULT_L: u32 = 0xca01_f9dd;
const MIX_MULT_R: u32 = 0x4973_f715;
const XSHIFT: u32 = 16;

/// What a seed can be, as NumPy accepts it for `SeedSequence(entropy)` and `default_rng(seed)`.
///
/// Built with `From` from Rust integers, slices/vectors of integers, or a [`SeedSequence`].
///
/// ```
/// use numox::random::{Seed, SeedSequence};
/// let a: Seed = 42u64.into();
/// let b: Seed = vec![1i64, 2, 3].into();
/// assert!(matches!(a, Seed::Int(42)));
/// assert!(matches!(b, Seed::Array(_)));
/// let _s: Seed = SeedSequence::new(7).into();
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum Seed {
    /// Fresh entropy from the operating system (NumPy's `None`).
    None,
    /// One integer (negative ones are refused, as NumPy does).
    Int(i128),
    /// One non-negative integer of any size, given by its 32-bit words, least significant first.
    Words(Vec<u32>),
    /// A sequence of integers; each one contributes its own words.
    Array(Vec<i128>),
    /// A ready seed sequence.
    Sequence(SeedSequence),
}

macro_rules! seed_from_int {
    ($($t:ty),*) => {$(
        impl From<$t> for Seed {
            fn from(v: $t) -> Seed {
                Seed::Int(v as i128)
            }
        }
        impl From<&[$t]> for Seed {
            fn from(v: &[$t]) -> Seed {
                Seed::Array(v.iter().map(|&x| x as i128).collect())
            }
        }
        impl From<Vec<$t>> for Seed {
            fn from(v: Vec<$t>) -> Seed {
                Seed::Array(v.into_iter().map(|x| x as i128).collect())
            }
        }
        impl<const N: usize> From<[$t; N]> for Seed {
            fn from(v: [$t; N]) -> Seed {
                Seed::Array(v.iter().map(|&x| x as i128).collect())
            }
        }
    )*};
}
seed_from_int!(i8, i16, i32, i64, i128, u8, u16, u32, u64, usize, isize);

impl From<u128> for Seed {
    fn from(v: u128) -> Seed {
        Seed::Words(u128_words(v))
    }
}

impl From<SeedSequence> for Seed {
    fn from(v: SeedSequence) -> Seed {
        Seed::Sequence(v)
    }
}

impl From<Option<u64>> for Seed {
    fn from(v: Option<u64>) -> Seed {
        v.map_or(Seed::None, |x| Seed::Int(x as i128))
    }
}

/// The 32-bit words of a non-negative integer, least significant first (`[0]` for zero), as
/// NumPy's `_int_to_uint32_array`.
fn u128_words(mut n: u128) -> Vec<u32> {
    let mut out = Vec::new();
    if n == 0 {
        out.push(0);
    }
    while n > 0 {
        out.push(n as u32);
        n >>= 32;
    }
    out
}

fn int_words(n: i128) -> Result<Vec<u32>> {
    if n < 0 {
        return Err(Error::Value("expected non-negative integer".into()));
    }
    Ok(u128_words(n as u128))
}

/// Drops the high zero words of a Python-style integer given as words (keeping one for zero).
fn normalize_words(words: &[u32]) -> Vec<u32> {
    let len = words.iter().rposition(|&w| w != 0).map_or(1, |i| i + 1);
    let mut v: Vec<u32> = words.iter().copied().take(len).collect();
    if v.is_empty() {
        v.push(0);
    }
    v
}

/// 128 bits of fresh entropy from the operating system's hash keys and the clock.
fn os_entropy() -> Vec<u32> {
    use std::hash::{BuildHasher, Hasher};
    let mut words = Vec::with_capacity(4);
    for i in 0..2u64 {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u64(i);
        if let Ok(d) = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
            h.write_u128(d.as_nanos());
        }
        let v = h.finish();
        words.push(v as u32);
        words.push((v >> 32) as u32);
    }
    words
}

#[inline]
fn hashmix(value: u32, hash_const: &mut u32) -> u32 {
    let mut value = value ^ *hash_const;
    *hash_const = hash_const.wrapping_mul(MULT_A);
    value = value.wrapping_mul(*hash_const);
    value ^ (value >> XSHIFT)
}

#[inline]
fn mix(x: u32, y: u32) -> u32 {
    let r = MIX_MULT_L
        .wrapping_mul(x)
        .wrapping_sub(MIX_MULT_R.wrapping_mul(y));
    r ^ (r >> XSHIFT)
}

/// NumPy's `SeedSequence`: reproducible mixing of entropy into generator states.
///
/// ```
/// use numox::random::SeedSequence;
/// let ss = SeedSequence::new(0);
/// // np.random.SeedSequence(0).generate_state(2)
/// assert_eq!(ss.generate_state_u32(2), vec![2968811710, 3677149159]);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct SeedSequence {
    entropy: Vec<u32>,
    spawn_key: Vec<u128>,
    pool_size: usize,
    n_children_spawned: usize,
    pool: Vec<u32>,
}

impl SeedSequence {
    /// A seed sequence from one non-negative integer (`SeedSequence(n)`).
    ///
    /// ```
    /// use numox::random::SeedSequence;
    /// assert_eq!(SeedSequence::new(5).entropy_words(), &[5]);
    /// ```
    pub fn new(entropy: u128) -> SeedSequence {
        SeedSequence::build(u128_words(entropy), Vec::new(), DEFAULT_POOL_SIZE, 0)
    }

    /// A seed sequence from any [`Seed`] (`SeedSequence(entropy)`; `Seed::None` draws fresh
    /// entropy). Negative integers are refused with NumPy's words.
    ///
    /// ```
    /// use numox::random::SeedSequence;
    /// let ss = SeedSequence::from_seed(vec![1i64, 2]).unwrap();
    /// assert_eq!(ss.entropy_words(), &[1, 2]);
    /// let err = SeedSequence::from_seed(-1i64).unwrap_err();
    /// assert_eq!(err.to_string(), "expected non-negative integer");
    /// ```
    pub fn from_seed(seed: impl Into<Seed>) -> Result<SeedSequence> {
        SeedSequence::with_options(seed, &[], DEFAULT_POOL_SIZE)
    }

    /// `SeedSequence(entropy, spawn_key=..., pool_size=...)`. A `Seed::Sequence` is returned as
    /// it is (as `default_rng(seed_sequence)` uses it).
    ///
    /// ```
    /// use numox::random::SeedSequence;
    /// let ss = SeedSequence::with_options(3u64, &[1, 2], 4).unwrap();
    /// assert_eq!(ss.spawn_key(), &[1, 2]);
    /// let err = SeedSequence::with_options(3u64, &[], 2).unwrap_err();
    /// assert_eq!(err.to_string(), "The size of the entropy pool should be at least 4");
    /// ```
    pub fn with_options(
        seed: impl Into<Seed>,
        spawn_key: &[u128],
        pool_size: usize,
    ) -> Result<SeedSequence> {
        if pool_size < DEFAULT_POOL_SIZE {
            return Err(Error::Value(format!(
                "The size of the entropy pool should be at least {DEFAULT_POOL_SIZE}"
            )));
        }
        let entropy = match seed.into() {
            Seed::None => os_entropy(),
            Seed::Int(n) => int_words(n)?,
            Seed::Words(w) => normalize_words(&w),
            Seed::Array(v) => {
                let mut out = Vec::new();
                for n in v {
                    out.extend(int_words(n)?);
                }
                out
            }
            Seed::Sequence(s) => return Ok(s),
        };
        Ok(SeedSequence::build(
            entropy,
            spawn_key.to_vec(),
            pool_size,
            0,
        ))
    }

    fn build(
        entropy: Vec<u32>,
        spawn_key: Vec<u128>,
        pool_size: usize,
        n_children_spawned: usize,
    ) -> SeedSequence {
        let mut ss = SeedSequence {
            entropy,
            spawn_key,
            pool_size,
            n_children_spawned,
            pool: vec![0; pool_size],
        };
        let assembled = ss.assembled_entropy();
        mix_entropy(&mut ss.pool, &assembled);
        ss
    }

    fn assembled_entropy(&self) -> Vec<u32> {
        let mut run = self.entropy.clone();
        let mut spawn = Vec::new();
        for &k in &self.spawn_key {
            spawn.extend(u128_words(k));
        }
        if !spawn.is_empty() && run.len() < self.pool_size {
            run.resize(self.pool_size, 0);
        }
        run.extend(spawn);
        run
    }

    /// The entropy as 32-bit words, least significant first (what NumPy's
    /// `_coerce_to_uint32_array` makes of it).
    ///
    /// ```
    /// use numox::random::SeedSequence;
    /// assert_eq!(SeedSequence::new(1 << 32).entropy_words(), &[0, 1]);
    /// ```
    pub fn entropy_words(&self) -> &[u32] {
        &self.entropy
    }

    /// The spawn key: the child indices from the root down to this sequence.
    ///
    /// ```
    /// use numox::random::SeedSequence;
    /// let mut ss = SeedSequence::new(1);
    /// assert_eq!(ss.spawn(2)[1].spawn_key(), &[1]);
    /// ```
    pub fn spawn_key(&self) -> &[u128] {
        &self.spawn_key
    }

    /// The pool size (4 by default).
    ///
    /// ```
    /// assert_eq!(numox::random::SeedSequence::new(1).pool_size(), 4);
    /// ```
    pub fn pool_size(&self) -> usize {
        self.pool_size
    }

    /// How many children were spawned so far.
    ///
    /// ```
    /// let mut ss = numox::random::SeedSequence::new(1);
    /// ss.spawn(3);
    /// assert_eq!(ss.n_children_spawned(), 3);
    /// ```
    pub fn n_children_spawned(&self) -> usize {
        self.n_children_spawned
    }

    /// The mixed entropy pool.
    ///
    /// ```
    /// assert_eq!(numox::random::SeedSequence::new(1).pool().len(), 4);
    /// ```
    pub fn pool(&self) -> &[u32] {
        &self.pool
    }

    /// `generate_state(n_words, np.uint32)`.
    ///
    /// ```
    /// let ss = numox::random::SeedSequence::new(0);
    /// assert_eq!(ss.generate_state_u32(3).len(), 3);
    /// ```
    pub fn generate_state_u32(&self, n_words: usize) -> Vec<u32> {
        let mut hash_const = INIT_B;
        (0..n_words)
            .map(|i| {
                let mut v = self.pool[i % self.pool.len()];
                v ^= hash_const;
                hash_const = hash_const.wrapping_mul(MULT_B);
                v = v.wrapping_mul(hash_const);
                v ^ (v >> XSHIFT)
            })
            .collect()
    }

    /// `generate_state(n_words, np.uint64)`: pairs of 32-bit words, low word first.
    ///
    /// ```
    /// let ss = numox::random::SeedSequence::new(0);
    /// let w = ss.generate_state_u32(2);
    /// assert_eq!(ss.generate_state_u64(1)[0], w[0] as u64 | (w[1] as u64) << 32);
    /// ```
    pub fn generate_state_u64(&self, n_words: usize) -> Vec<u64> {
        self.generate_state_u32(2 * n_words)
            .chunks_exact(2)
            .map(|c| c[0] as u64 | (c[1] as u64) << 32)
            .collect()
    }

    /// `spawn(n_children)`: children whose spawn keys extend this one's by their index.
    ///
    /// ```
    /// let mut ss = numox::random::SeedSequence::new(0);
    /// let kids = ss.spawn(2);
    /// assert_ne!(kids[0].generate_state_u32(1), kids[1].generate_state_u32(1));
    /// ```
    pub fn spawn(&mut self, n_children: usize) -> Vec<SeedSequence> {
        let start = self.n_children_spawned;
        let kids = (start..start + n_children)
            .map(|i| {
                let mut key = self.spawn_key.clone();
                key.push(i as u128);
                SeedSequence::build(self.entropy.clone(), key, self.pool_size, 0)
            })
            .collect();
        self.n_children_spawned += n_children;
        kids
    }
}

fn mix_entropy(mixer: &mut [u32], entropy: &[u32]) {
    let mut hash_const = INIT_A;
    for (i, m) in mixer.iter_mut().enumerate() {
        *m = hashmix(entropy.get(i).copied().unwrap_or(0), &mut hash_const);
    }
    let n = mixer.len();
    for i_src in 0..n {
        for i_dst in 0..n {
            if i_src != i_dst {
                let h = hashmix(mixer[i_src], &mut hash_const);
                mixer[i_dst] = mix(mixer[i_dst], h);
            }
        }
    }
    for &e in entropy.iter().skip(n) {
        for m in mixer.iter_mut() {
            let h = hashmix(e, &mut hash_const);
            *m = mix(*m, h);
        }
    }
}
