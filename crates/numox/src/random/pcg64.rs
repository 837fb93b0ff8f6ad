//! NumPy's PCG64 (128-bit LCG, XSL-RR output) and PCG64DXSM (cheap-multiplier LCG, DXSM output),
//! seeded from a [`SeedSequence`] exactly as numpy/random/_pcg64.pyx does.

use super::seed_sequence::{Seed, SeedSequence};
use super::BitGenerator;
use crate::error::{Error, Result};

const PCG_DEFAULT_MULTIPLIER_128: u128 = (2549297995355413924u128 << 64) | 4865540595714422341u128;
const PCG_CHEAP_MULTIPLIER_64: u64 = 0xda94_2042_e4dd_58b5;
const JUMP_STEP: u128 = 0x9e37_79b9_7f4a_7c15_f39c_c060_5ced_c835;

/// The raw state of a PCG64 or PCG64DXSM generator (NumPy's `state` dict).
///
/// ```
/// use numox::random::Pcg64;
/// let g = Pcg64::new(0u64).unwrap();
/// let s = g.state();
/// assert_eq!(s.inc & 1, 1);
/// assert!(!s.has_uint32);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PcgState {
    /// The 128-bit LCG state.
    pub state: u128,
    /// The 128-bit increment (odd).
    pub inc: u128,
    /// Whether the upper half of the last 64-bit draw is buffered for `next_u32`.
    pub has_uint32: bool,
    /// The buffered 32 bits.
    pub uinteger: u32,
}

/// Jump-ahead of an LCG by `delta` steps (Brown's method, NumPy's `pcg_advance_lcg_128`).
fn advance_lcg_128(state: u128, mut delta: u128, mut cur_mult: u128, mut cur_plus: u128) -> u128 {
    let mut acc_mult: u128 = 1;
    let mut acc_plus: u128 = 0;
    while delta > 0 {
        if delta & 1 == 1 {
            acc_mult = acc_mult.wrapping_mul(cur_mult);
            acc_plus = acc_plus.wrapping_mul(cur_mult).wrapping_add(cur_plus);
        }
        cur_plus = cur_mult.wrapping_add(1).wrapping_mul(cur_plus);
        cur_mult = cur_mult.wrapping_mul(cur_mult);
        delta >>= 1;
    }
    acc_mult.wrapping_mul(state).wrapping_add(acc_plus)
}

macro_rules! pcg_generator {
    ($(#[$doc:meta])* $name:ident, $npname:literal, $mult:expr, $step:ident, $output:ident, $pre:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq)]
        pub struct $name {
            state: u128,
            inc: u128,
            has_uint32: bool,
            uinteger: u32,
            seed_seq: Option<SeedSequence>,
        }

        impl $name {
            #[doc = concat!("`", $npname, "(seed)`: seeded through a [`SeedSequence`] (`seed` is anything a")]
            /// [`Seed`] is made from; `Seed::None` draws fresh entropy).
            ///
            /// ```
            #[doc = concat!("use numox::random::{", stringify!($name), ", BitGenerator};")]
            #[doc = concat!("let mut a = ", stringify!($name), "::new(42u64).unwrap();")]
            #[doc = concat!("let mut b = ", stringify!($name), "::new(42u64).unwrap();")]
            /// assert_eq!(a.next_u64(), b.next_u64());
            /// ```
            pub fn new(seed: impl Into<Seed>) -> Result<$name> {
                Ok($name::from_seed_sequence(SeedSequence::from_seed(seed)?))
            }

            /// Seeds from a seed sequence: `generate_state(4, uint64)` gives the initial state
            /// (words 0, 1: high, low) and the stream (words 2, 3).
            ///
            /// ```
            #[doc = concat!("use numox::random::{", stringify!($name), ", SeedSequence};")]
            #[doc = concat!("let g = ", stringify!($name), "::from_seed_sequence(SeedSequence::new(1));")]
            /// assert!(g.seed_sequence().is_some());
            /// ```
            pub fn from_seed_sequence(seed_seq: SeedSequence) -> $name {
                let v = seed_seq.generate_state_u64(4);
                let initstate = (v[0] as u128) << 64 | v[1] as u128;
                let initseq = (v[2] as u128) << 64 | v[3] as u128;
                // Both generators seed through `pcg64_set_seed`, i.e. with PCG64's own step.
                let inc = (initseq << 1) | 1;
                let step = |s: u128| s.wrapping_mul(PCG_DEFAULT_MULTIPLIER_128).wrapping_add(inc);
                $name {
                    state: step(step(0).wrapping_add(initstate)),
                    inc,
                    has_uint32: false,
                    uinteger: 0,
                    seed_seq: Some(seed_seq),
                }
            }

            /// A generator with the given raw state (no seed sequence, so it cannot spawn).
            ///
            /// ```
            #[doc = concat!("use numox::random::{", stringify!($name), ", BitGenerator};")]
            #[doc = concat!("let mut a = ", stringify!($name), "::new(3u64).unwrap();")]
            #[doc = concat!("let mut b = ", stringify!($name), "::from_state(a.state());")]
            /// assert_eq!(a.next_u64(), b.next_u64());
            /// ```
            pub fn from_state(s: PcgState) -> $name {
                $name {
                    state: s.state,
                    inc: s.inc,
                    has_uint32: s.has_uint32,
                    uinteger: s.uinteger,
                    seed_seq: None,
                }
            }

            /// The raw state.
            ///
            /// ```
            #[doc = concat!("let g = numox::random::", stringify!($name), "::new(0u64).unwrap();")]
            /// assert_eq!(g.state().inc & 1, 1);
            /// ```
            pub fn state(&self) -> PcgState {
                PcgState {
                    state: self.state,
                    inc: self.inc,
                    has_uint32: self.has_uint32,
                    uinteger: self.uinteger,
                }
            }

            /// The seed sequence this generator was seeded from, if any.
            ///
            /// ```
            #[doc = concat!("let g = numox::random::", stringify!($name), "::new(0u64).unwrap();")]
            /// assert_eq!(g.seed_sequence().unwrap().entropy_words(), &[0]);
            /// ```
            pub fn seed_sequence(&self) -> Option<&SeedSequence> {
                self.seed_seq.as_ref()
            }

            /// `advance(delta)`: moves the state as if `delta` 64-bit draws happened (mod 2**128;
            /// a "negative" delta goes the long way round) and drops the buffered 32 bits.
            ///
            /// ```
            #[doc = concat!("use numox::random::{", stringify!($name), ", BitGenerator};")]
            #[doc = concat!("let mut a = ", stringify!($name), "::new(5u64).unwrap();")]
            /// let mut b = a.clone();
            /// a.next_u64();
            /// b.advance(1);
            /// assert_eq!(a.next_u64(), b.next_u64());
            /// ```
            pub fn advance(&mut self, delta: u128) -> &mut $name {
                self.state = advance_lcg_128(self.state, delta, $mult, self.inc);
                self.has_uint32 = false;
                self.uinteger = 0;
                self
            }

            /// `jumped(jumps)`: a copy advanced by `jumps * 0x9e3779b97f4a7c15f39cc0605cedc835`
            /// steps (mod 2**128).
            ///
            /// ```
            #[doc = concat!("let g = numox::random::", stringify!($name), "::new(5u64).unwrap();")]
            /// assert_ne!(g.jumped(1).state(), g.state());
            /// ```
            pub fn jumped(&self, jumps: u128) -> $name {
                let mut g = self.clone();
                g.advance(JUMP_STEP.wrapping_mul(jumps));
                g
            }

            /// `spawn(n_children)`: generators seeded from children of this one's seed sequence.
            ///
            /// ```
            #[doc = concat!("let mut g = numox::random::", stringify!($name), "::new(5u64).unwrap();")]
            /// assert_eq!(g.spawn(2).unwrap().len(), 2);
            /// ```
            pub fn spawn(&mut self, n_children: usize) -> Result<Vec<$name>> {
                let ss = self.seed_seq.as_mut().ok_or_else(|| {
                    Error::Value(
                        "The underlying SeedSequence does not implement spawning.".into(),
                    )
                })?;
                Ok(ss.spawn(n_children).into_iter().map($name::from_seed_sequence).collect())
            }

            /// The next 64 bits (NumPy's `next_uint64`), inlined for tight loops.
            #[inline(always)]
            pub(crate) fn next64(&mut self) -> u64 {
                if $pre {
                    let r = $output(self.state);
                    self.$step();
                    r
                } else {
                    self.$step();
                    $output(self.state)
                }
            }
        }

        impl BitGenerator for $name {
            #[inline(always)]
            fn next_u64(&mut self) -> u64 {
                self.next64()
            }
            #[inline(always)]
            fn next_u32(&mut self) -> u32 {
                if self.has_uint32 {
                    self.has_uint32 = false;
                    return self.uinteger;
                }
                let next = self.next64();
                self.has_uint32 = true;
                self.uinteger = (next >> 32) as u32;
                next as u32
            }
            #[inline(always)]
            fn next_f64(&mut self) -> f64 {
                (self.next64() >> 11) as f64 * (1.0 / 9007199254740992.0)
            }
        }
    };
}

#[inline(always)]
fn output_xsl_rr(state: u128) -> u64 {
    (((state >> 64) as u64) ^ (state as u64)).rotate_right((state >> 122) as u32)
}

#[inline(always)]
fn output_dxsm(state: u128) -> u64 {
    let mut hi = (state >> 64) as u64;
    let lo = (state as u64) | 1;
    hi ^= hi >> 32;
    hi = hi.wrapping_mul(PCG_CHEAP_MULTIPLIER_64);
    hi ^= hi >> 48;
    hi.wrapping_mul(lo)
}

impl Pcg64 {
    #[inline(always)]
    fn step(&mut self) {
        self.state = self
            .state
            .wrapping_mul(PCG_DEFAULT_MULTIPLIER_128)
            .wrapping_add(self.inc);
    }
}

impl Pcg64Dxsm {
    #[inline(always)]
    fn cm_step(&mut self) {
        self.state = self
            .state
            .wrapping_mul(PCG_CHEAP_MULTIPLIER_64 as u128)
            .wrapping_add(self.inc);
    }
}

pcg_generator!(
    /// NumPy's `PCG64`: the bit generator of `default_rng`.
    ///
    /// ```
    /// use numox::random::{BitGenerator, Pcg64};
    /// let mut g = Pcg64::new(0u64).unwrap();
    /// // np.random.PCG64(0).random_raw()
    /// assert_eq!(g.next_u64(), 11749869230777074271);
    /// ```
    Pcg64,
    "PCG64",
    PCG_DEFAULT_MULTIPLIER_128,
    step,
    output_xsl_rr,
    false
);

pcg_generator!(
    /// NumPy's `PCG64DXSM`: PCG64 with the cheap multiplier and the DXSM output function.
    ///
    /// ```
    /// use numox::random::{BitGenerator, Pcg64Dxsm};
    /// let mut g = Pcg64Dxsm::new(0u64).unwrap();
    /// // np.random.PCG64DXSM(0).random_raw()
    /// assert_eq!(g.next_u64(), 15672045205194312304);
    /// ```
    Pcg64Dxsm,
    "PCG64DXSM",
    PCG_CHEAP_MULTIPLIER_64 as u128,
    cm_step,
    output_dxsm,
    true
);
