//! Random numbers whose streams are bit-identical to NumPy's for the same seed and calls.
//!
//! Two APIs, as in NumPy:
//! - the legacy one (`np.random.*`, `RandomState`): MT19937 with NumPy's seeding;
//! - the `Generator` one (`np.random.default_rng`): SeedSequence seeding PCG64 (or PCG64DXSM).
//!
//! Both draw from a [`BitGenerator`], the counterpart of NumPy's `bitgen_t`.

/// A source of raw random bits, as NumPy's `bitgen_t`: what every distribution draws from.
///
/// ```
/// use numox::random::BitGenerator;
/// /// A toy counter, only to show the interface.
/// struct Count(u64);
/// impl BitGenerator for Count {
///     fn next_u64(&mut self) -> u64 {
///         self.0 += 1;
///         self.0
///     }
///     fn next_u32(&mut self) -> u32 {
///         self.next_u64() as u32
///     }
///     fn next_f64(&mut self) -> f64 {
///         (self.next_u64() >> 11) as f64 * (1.0 / 9007199254740992.0)
///     }
/// }
/// let mut c = Count(0);
/// assert_eq!(c.next_u64(), 1);
/// assert_eq!(c.next_u32(), 2);
/// ```
pub trait BitGenerator {
    /// The next 64 random bits (NumPy's `next_uint64`).
    fn next_u64(&mut self) -> u64;
    /// The next 32 random bits (NumPy's `next_uint32`; a 64-bit generator hands out the two
    /// halves of one draw, low half first, as NumPy's PCG64 does).
    fn next_u32(&mut self) -> u32;
    /// A double uniform on `[0, 1)` (NumPy's `next_double`).
    fn next_f64(&mut self) -> f64;
}

mod bounded;
mod distributions;
mod generator;
mod legacy;
mod legacy_choice;
mod legacy_global;
mod mt19937;
mod pcg64;
mod sampling;
mod seed_sequence;
mod ziggurat;
mod ziggurat_tables;

pub use distributions::{
    legacy_gauss, legacy_random_binomial, legacy_standard_exponential, random_binomial,
    random_loggam, random_poisson, BinomialCache,
};
pub use generator::{default_rng, Generator, IntegersOpts, SpawnBitGenerator};
pub use legacy::{LegacyState, RandomState};
pub use legacy_global::{
    binomial, choice, choice_array, exponential, get_state, normal, permutation, permutation_array,
    poisson, rand, randint, randn, random_sample, seed, seed_array, set_state, shuffle,
    standard_normal, uniform,
};
pub use mt19937::{MT19937, MT_N};
pub use pcg64::{Pcg64, Pcg64Dxsm, PcgState};
pub use sampling::ChoiceOpts;
pub use seed_sequence::{Seed, SeedSequence};

/// A new C-contiguous array of `shape` whose every element `fill` writes, in C order. The
/// buffer is not cleared first (a large one comes from the cache of freed maps, its pages
/// already in place).
pub(crate) fn new_filled<T: crate::dtype::Element>(
    shape: &[usize],
    fill: impl FnOnce(&mut [T]),
) -> crate::error::Result<crate::Array> {
    bounded::shape_size(shape)?;
    let mut a = crate::ufunc::engine::new_contiguous(shape, T::DTYPE)?;
    if a.size() > 0 {
        fill(a.as_slice_mut::<T>()?);
    }
    Ok(a)
}
