//! Type promotion and casting rules, as NumPy 2 defines them (NEP 50).
//!
//! - [`can_cast`] answers `np.can_cast(from, to, casting)` for the five [`Casting`] rules.
//! - [`promote_types`] answers `np.promote_types(a, b)`: the smallest dtype both cast to safely.
//! - [`result_type`] answers `np.result_type(*arrays, *python_scalars)`: Rust scalars are *weak*
//!   like Python's `int`, `float`, `complex` and `bool` literals, so `int8 array + 1` stays `int8`
//!   and `float32 array * 2.0` stays `float32`.
//! - [`check_weak_int`] is NEP 50's overflow check for a weak integer scalar
//!   (`np.int8(1) + 300` raises `OverflowError`).
//!
//! ## bfloat16
//!
//! NumPy has no bfloat16; numox follows `ml_dtypes.bfloat16` wherever ml_dtypes defines an
//! answer: bool, int8 and uint8 cast safely to bfloat16; bfloat16 casts safely to float32,
//! float64 and both complex types; float16 → bfloat16 and (u)int16+ → bfloat16 are `same_kind`.
//! Two of ml_dtypes' `same_kind` answers break NumPy's kind order and numox keeps the order
//! instead: bfloat16 → float16 is `same_kind` (as every float → float cast is), complex →
//! bfloat16 is not (as complex → float16 is not).
//! Where ml_dtypes refuses to promote (bfloat16 with int16/uint16/int32/uint32/int64/uint64 and
//! float16), numox returns the smallest float that holds both exactly, which is also the rule
//! NumPy uses for every other pair: `float32` for float16 and the 16-bit integers, `float64` for
//! the 32- and 64-bit integers. A weak Python `float` keeps bfloat16 (as it keeps float16), and a
//! weak `complex` gives complex64, matching ml_dtypes' ufunc loops.

use crate::dtype::{DType, Kind, Scalar};
use crate::error::{Error, Result};
use std::fmt;

/// NumPy's casting rules, from strictest to loosest (`casting=` in NumPy).
///
/// ```
/// use numox::{promote::{can_cast, Casting}, DType};
/// assert!(can_cast(DType::Int32, DType::Float64, Casting::Safe));
/// assert!(!can_cast(DType::Float64, DType::Float32, Casting::Safe));
/// assert!(can_cast(DType::Float64, DType::Float32, Casting::SameKind));
/// assert_eq!(Casting::SameKind.name(), "same_kind");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Casting {
    /// `"no"`: only the identical dtype.
    No,
    /// `"equiv"`: the identical dtype or a byte-order change (numox stores native order only).
    Equiv,
    /// `"safe"`: casts that keep every value.
    Safe,
    /// `"same_kind"`: safe casts and casts within a kind order (bool < uint < int < float <
    /// complex), such as float64 to float32.
    SameKind,
    /// `"unsafe"`: any conversion.
    Unsafe,
}

impl Casting {
    /// The five rules, strictest first.
    ///
    /// ```
    /// assert_eq!(numox::promote::Casting::ALL.len(), 5);
    /// ```
    pub const ALL: [Casting; 5] = [
        Casting::No,
        Casting::Equiv,
        Casting::Safe,
        Casting::SameKind,
        Casting::Unsafe,
    ];

    /// The rule's name as NumPy spells it.
    ///
    /// ```
    /// assert_eq!(numox::promote::Casting::Unsafe.name(), "unsafe");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Casting::No => "no",
            Casting::Equiv => "equiv",
            Casting::Safe => "safe",
            Casting::SameKind => "same_kind",
            Casting::Unsafe => "unsafe",
        }
    }
}

impl fmt::Display for Casting {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for Casting {
    type Err = Error;

    /// Parses `"no"`, `"equiv"`, `"safe"`, `"same_kind"` or `"unsafe"`.
    fn from_str(s: &str) -> Result<Casting> {
        Casting::ALL
            .into_iter()
            .find(|c| c.name() == s)
            .ok_or_else(|| {
                Error::Value(format!(
                    "casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe' (got '{s}')"
                ))
            })
    }
}

/// Whether `from` converts to `to` under the `casting` rule (`np.can_cast(from, to, casting)`).
///
/// ```
/// use numox::{promote::{can_cast, Casting}, DType};
/// assert!(can_cast(DType::UInt8, DType::Int16, Casting::Safe));
/// assert!(!can_cast(DType::Int64, DType::UInt64, Casting::SameKind));
/// assert!(can_cast(DType::UInt64, DType::Int8, Casting::SameKind));
/// assert!(can_cast(DType::Complex128, DType::Bool, Casting::Unsafe));
/// assert!(!can_cast(DType::Int8, DType::Int16, Casting::No));
/// ```
pub fn can_cast(from: DType, to: DType, casting: Casting) -> bool {
    match casting {
        Casting::No | Casting::Equiv => from as u8 == to as u8,
        Casting::Safe => SAFE[from as usize][to as usize],
        Casting::SameKind => {
            SAFE[from as usize][to as usize] || kind_rank(from.kind()) <= kind_rank(to.kind())
        }
        Casting::Unsafe => true,
    }
}

/// The smallest dtype that both `a` and `b` cast to safely (`np.promote_types(a, b)`).
/// Every pair of numox dtypes has one, so this never fails today; it returns `Result` for dtypes
/// that do not promote (as NumPy raises `DTypePromotionError` for them).
///
/// ```
/// use numox::{promote::promote_types, DType};
/// assert_eq!(promote_types(DType::Int8, DType::UInt8).unwrap(), DType::Int16);
/// assert_eq!(promote_types(DType::Int64, DType::UInt64).unwrap(), DType::Float64);
/// assert_eq!(promote_types(DType::Float16, DType::Int16).unwrap(), DType::Float32);
/// assert_eq!(promote_types(DType::Complex64, DType::Float64).unwrap(), DType::Complex128);
/// assert_eq!(promote_types(DType::BFloat16, DType::Int8).unwrap(), DType::BFloat16);
/// assert_eq!(promote_types(DType::BFloat16, DType::Float16).unwrap(), DType::Float32);
/// ```
pub fn promote_types(a: DType, b: DType) -> Result<DType> {
    common_safe(SAFE_TO[a as usize] & SAFE_TO[b as usize], &[a, b])
}

/// The promoted dtype of any number of dtypes (`np.result_type(*dtypes)`): the first dtype in
/// NumPy's type order that all of them cast to safely. This is not always a pairwise fold of
/// [`promote_types`]: NumPy gives float32 for int8, uint16 and float16, while promoting int8
/// with uint16 first would give int32 and then float64.
///
/// ```
/// use numox::{promote::promote_all, DType};
/// let d = promote_all(&[DType::Int8, DType::UInt16, DType::Float16]).unwrap();
/// assert_eq!(d, DType::Float32);
/// assert_eq!(promote_all(&[DType::Bool]).unwrap(), DType::Bool);
/// assert!(promote_all(&[]).is_err());
/// ```
pub fn promote_all(dtypes: &[DType]) -> Result<DType> {
    if dtypes.is_empty() {
        return Err(Error::Value(
            "at least one array or dtype is required".into(),
        ));
    }
    let mask = dtypes
        .iter()
        .fold(u16::MAX, |m, &d| m & SAFE_TO[d as usize]);
    common_safe(mask, dtypes)
}

/// The first dtype of [`DType::ALL`] in a mask of candidates.
fn common_safe(mask: u16, dtypes: &[DType]) -> Result<DType> {
    match DType::ALL.get(mask.trailing_zeros() as usize) {
        Some(&d) => Ok(d),
        None => {
            let names: Vec<String> = dtypes.iter().map(|d| format!("dtype('{d}')")).collect();
            Err(Error::DType(format!(
                "The DTypes {} do not have a common DType.",
                names.join(", ")
            )))
        }
    }
}

/// The kind of a weak scalar operand: a Python `bool`, `int`, `float` or `complex` literal in
/// NumPy, any Rust scalar in numox. Its dtype does not take part in promotion, only its kind.
///
/// ```
/// use numox::{promote::ScalarKind, Scalar};
/// assert_eq!(ScalarKind::of(&Scalar::from(3u8)), ScalarKind::Int);
/// assert_eq!(ScalarKind::of(&Scalar::from(2.5f32)), ScalarKind::Float);
/// assert_eq!(ScalarKind::from(Scalar::from(true)), ScalarKind::Bool);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ScalarKind {
    /// A Python `bool`.
    Bool,
    /// A Python `int` (any Rust integer).
    Int,
    /// A Python `float` (any Rust float).
    Float,
    /// A Python `complex` (any Rust complex).
    Complex,
}

impl ScalarKind {
    /// The four kinds, in promotion order.
    ///
    /// ```
    /// assert_eq!(numox::promote::ScalarKind::ALL.len(), 4);
    /// ```
    pub const ALL: [ScalarKind; 4] = [
        ScalarKind::Bool,
        ScalarKind::Int,
        ScalarKind::Float,
        ScalarKind::Complex,
    ];

    /// The kind of a scalar value.
    ///
    /// ```
    /// use numox::{promote::ScalarKind, Scalar, Complex64};
    /// assert_eq!(ScalarKind::of(&Scalar::from(Complex64::new(0.0, 1.0))), ScalarKind::Complex);
    /// ```
    pub fn of(s: &Scalar) -> ScalarKind {
        ScalarKind::of_dtype(s.dtype())
    }

    /// The kind a value of this dtype has when used as a weak scalar.
    ///
    /// ```
    /// use numox::{promote::ScalarKind, DType};
    /// assert_eq!(ScalarKind::of_dtype(DType::UInt64), ScalarKind::Int);
    /// ```
    pub fn of_dtype(d: DType) -> ScalarKind {
        match d.kind() {
            Kind::Bool => ScalarKind::Bool,
            Kind::Int | Kind::UInt => ScalarKind::Int,
            Kind::Float => ScalarKind::Float,
            Kind::Complex => ScalarKind::Complex,
        }
    }

    /// The dtype NumPy gives a lone Python scalar of this kind (`np.result_type(1)` is int64).
    ///
    /// ```
    /// use numox::{promote::ScalarKind, DType};
    /// assert_eq!(ScalarKind::Float.default_dtype(), DType::Float64);
    /// ```
    pub fn default_dtype(self) -> DType {
        match self {
            ScalarKind::Bool => DType::Bool,
            ScalarKind::Int => DType::Int64,
            ScalarKind::Float => DType::Float64,
            ScalarKind::Complex => DType::Complex128,
        }
    }
}

impl From<Scalar> for ScalarKind {
    fn from(s: Scalar) -> ScalarKind {
        ScalarKind::of(&s)
    }
}

impl From<&Scalar> for ScalarKind {
    fn from(s: &Scalar) -> ScalarKind {
        ScalarKind::of(s)
    }
}

/// The result dtype of an array of dtype `array` combined with one weak scalar (NEP 50): the
/// array's dtype wins unless the scalar's kind is higher (`int8 + 1.0` is float64,
/// `float32 + 1j` is complex64, `bool + 1` is int64).
///
/// ```
/// use numox::{promote::{promote_with_scalar, ScalarKind}, DType};
/// assert_eq!(promote_with_scalar(DType::Int8, ScalarKind::Int), DType::Int8);
/// assert_eq!(promote_with_scalar(DType::Int8, ScalarKind::Float), DType::Float64);
/// assert_eq!(promote_with_scalar(DType::Float16, ScalarKind::Complex), DType::Complex64);
/// ```
pub fn promote_with_scalar(array: DType, scalar: ScalarKind) -> DType {
    let k = array.kind();
    match scalar {
        ScalarKind::Bool => array,
        ScalarKind::Int if k == Kind::Bool => DType::Int64,
        ScalarKind::Float if matches!(k, Kind::Bool | Kind::Int | Kind::UInt) => DType::Float64,
        ScalarKind::Complex => match array {
            DType::Float16 | DType::BFloat16 | DType::Float32 | DType::Complex64 => {
                DType::Complex64
            }
            _ => DType::Complex128,
        },
        _ => array,
    }
}

/// `np.result_type(*arrays, *scalars)` with NEP 50 rules: the arrays' dtypes promote together
/// with [`promote_all`]; the scalars are weak and only raise the kind (see [`promote_with_scalar`]).
/// Scalars alone give their default dtypes (`int` → int64, `float` → float64). Errors when both
/// lists are empty, as NumPy does.
///
/// ```
/// use numox::{promote::{result_type, ScalarKind}, DType};
/// assert_eq!(result_type(&[DType::Int8], &[ScalarKind::Int]).unwrap(), DType::Int8);
/// assert_eq!(result_type(&[DType::Float32], &[ScalarKind::Float]).unwrap(), DType::Float32);
/// assert_eq!(result_type(&[DType::Int32], &[ScalarKind::Float]).unwrap(), DType::Float64);
/// assert_eq!(result_type(&[DType::Float32], &[ScalarKind::Complex]).unwrap(), DType::Complex64);
/// assert_eq!(result_type(&[DType::Bool], &[ScalarKind::Int]).unwrap(), DType::Int64);
/// assert_eq!(result_type(&[DType::Int8, DType::UInt8], &[ScalarKind::Int]).unwrap(), DType::Int16);
/// assert_eq!(result_type(&[], &[ScalarKind::Int, ScalarKind::Float]).unwrap(), DType::Float64);
/// assert_eq!(
///     result_type(&[], &[]).unwrap_err().to_string(),
///     "at least one array or dtype is required"
/// );
/// ```
pub fn result_type(arrays: &[DType], scalars: &[ScalarKind]) -> Result<DType> {
    if arrays.is_empty()
        && let Some(k) = scalars.iter().max()
    {
        return Ok(k.default_dtype());
    }
    let mut d = promote_all(arrays)?;
    for &k in scalars {
        d = promote_with_scalar(d, k);
    }
    Ok(d)
}

/// NEP 50's check on a weak integer scalar: when `dtype` is an integer dtype, the value must fit
/// it (`np.add(np.int8(1), 300)` raises `OverflowError`). Other scalars and other dtypes pass.
/// The ufunc layer calls this for each scalar operand after [`result_type`].
///
/// ```
/// use numox::{promote::check_weak_int, DType, Scalar, Error};
/// assert!(check_weak_int(&Scalar::from(100i64), DType::Int8).is_ok());
/// let e = check_weak_int(&Scalar::from(300i64), DType::Int8).unwrap_err();
/// assert!(matches!(e, Error::Overflow(_)));
/// assert_eq!(e.to_string(), "Python integer 300 out of bounds for int8");
/// assert_eq!(
///     check_weak_int(&Scalar::from(-1i32), DType::UInt8).unwrap_err().to_string(),
///     "Python integer -1 out of bounds for uint8"
/// );
/// assert!(check_weak_int(&Scalar::from(2.5f64), DType::Int8).is_ok());
/// ```
pub fn check_weak_int(value: &Scalar, dtype: DType) -> Result<()> {
    match int_value(value) {
        Some(v) if dtype.is_integer() => check_int_fits(v, dtype),
        _ => Ok(()),
    }
}

/// The value of an integer scalar (not bool), widened.
pub(crate) fn int_value(s: &Scalar) -> Option<i128> {
    Some(match *s {
        Scalar::Int8(v) => v as i128,
        Scalar::Int16(v) => v as i128,
        Scalar::Int32(v) => v as i128,
        Scalar::Int64(v) => v as i128,
        Scalar::UInt8(v) => v as i128,
        Scalar::UInt16(v) => v as i128,
        Scalar::UInt32(v) => v as i128,
        Scalar::UInt64(v) => v as i128,
        _ => return None,
    })
}

/// Checks that the Python-style integer `v` fits the integer dtype `d`, with NumPy's messages.
pub(crate) fn check_int_fits(v: i128, d: DType) -> Result<()> {
    let (lo, hi) = int_range(d);
    if lo <= v && v <= hi {
        return Ok(());
    }
    let c_long = i64::MIN as i128 <= v && v <= i64::MAX as i128;
    // NumPy reads the Python int as a C long first, or as an unsigned 64-bit value for uint32
    // and uint64; a value outside that gets the C-long message.
    let c_ulong = matches!(d, DType::UInt32 | DType::UInt64) && (0..=u64::MAX as i128).contains(&v);
    if !c_long && !c_ulong {
        return Err(Error::Overflow(
            "Python int too large to convert to C long".into(),
        ));
    }
    Err(Error::Overflow(format!(
        "Python integer {v} out of bounds for {d}"
    )))
}

/// The inclusive value range of an integer dtype (bool counts as 0..=1).
pub(crate) fn int_range(d: DType) -> (i128, i128) {
    crate::dispatch_int!(d, T => (T::MIN as i128, T::MAX as i128), else _ => (0, 1))
}

/// Order of the kinds for `same_kind`: b < u < i < f < c.
const fn kind_rank(k: Kind) -> u8 {
    match k {
        Kind::Bool => 0,
        Kind::UInt => 1,
        Kind::Int => 2,
        Kind::Float => 3,
        Kind::Complex => 4,
    }
}

/// How many integer bits a float or complex type holds exactly, in NumPy's coarse levels:
/// 1 = 8-bit ints (float16, bfloat16), 2 = 16-bit (float32, complex64), 3 = all (float64,
/// complex128; NumPy counts int64 → float64 as safe).
const fn int_capacity(d: DType) -> u8 {
    match d {
        DType::Float16 | DType::BFloat16 => 1,
        DType::Float32 | DType::Complex64 => 2,
        DType::Float64 | DType::Complex128 => 3,
        _ => 0,
    }
}

/// The level an integer needs in [`int_capacity`] terms.
const fn int_level(d: DType) -> u8 {
    match d.itemsize_const() {
        1 => 1,
        2 => 2,
        _ => 3,
    }
}

/// Precision rank of the real floats; float16 and bfloat16 share rank 1 but do not hold each
/// other.
const fn float_rank(d: DType) -> u8 {
    match d {
        DType::Float16 | DType::BFloat16 => 1,
        DType::Float32 | DType::Complex64 => 2,
        _ => 3,
    }
}

/// The safe-casting relation, evaluated at compile time into [`SAFE`].
const fn safe_cast(from: DType, to: DType) -> bool {
    if from as u8 == to as u8 {
        return true;
    }
    let (fk, tk) = (from.kind_const(), to.kind_const());
    match (fk, tk) {
        (Kind::Bool, _) => true,
        (_, Kind::Bool) => false,
        (Kind::Int, Kind::Int) | (Kind::UInt, Kind::UInt) => {
            from.itemsize_const() <= to.itemsize_const()
        }
        (Kind::UInt, Kind::Int) => from.itemsize_const() < to.itemsize_const(),
        (Kind::Int | Kind::UInt, Kind::Float | Kind::Complex) => {
            int_level(from) <= int_capacity(to)
        }
        (Kind::Float, Kind::Float) => float_rank(from) < float_rank(to),
        (Kind::Float, Kind::Complex) | (Kind::Complex, Kind::Complex) => {
            float_rank(from) <= float_rank(to)
        }
        _ => false,
    }
}

const N: usize = DType::ALL.len();

/// `SAFE[from as usize][to as usize]`.
static SAFE: [[bool; N]; N] = {
    let mut t = [[false; N]; N];
    let mut i = 0;
    while i < N {
        let mut j = 0;
        while j < N {
            let (a, b) = (DType::ALL[i], DType::ALL[j]);
            t[a as usize][b as usize] = safe_cast(a, b);
            j += 1;
        }
        i += 1;
    }
    t
};

/// `SAFE_TO[d as usize]`: bit `k` is set when `d` casts safely to `DType::ALL[k]`. The first
/// common bit of several dtypes is their promotion: this reproduces NumPy's promotion table
/// (and its n-ary `result_type`), and extends it to the bfloat16 pairs ml_dtypes leaves
/// undefined.
static SAFE_TO: [u16; N] = {
    let mut t = [0u16; N];
    let mut i = 0;
    while i < N {
        let mut k = 0;
        while k < N {
            let (a, c) = (DType::ALL[i], DType::ALL[k]);
            if safe_cast(a, c) {
                t[a as usize] |= 1 << k;
            }
            k += 1;
        }
        i += 1;
    }
    t
};

/// `const` twins of [`DType::kind`] and [`DType::itemsize`] for the tables above.
impl DType {
    const fn kind_const(self) -> Kind {
        match self {
            DType::Bool => Kind::Bool,
            DType::Int8 | DType::Int16 | DType::Int32 | DType::Int64 => Kind::Int,
            DType::UInt8 | DType::UInt16 | DType::UInt32 | DType::UInt64 => Kind::UInt,
            DType::Float16 | DType::BFloat16 | DType::Float32 | DType::Float64 => Kind::Float,
            DType::Complex64 | DType::Complex128 => Kind::Complex,
        }
    }

    const fn itemsize_const(self) -> usize {
        match self {
            DType::Bool | DType::Int8 | DType::UInt8 => 1,
            DType::Int16 | DType::UInt16 | DType::Float16 | DType::BFloat16 => 2,
            DType::Int32 | DType::UInt32 | DType::Float32 => 4,
            DType::Int64 | DType::UInt64 | DType::Float64 | DType::Complex64 => 8,
            DType::Complex128 => 16,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn const_twins_agree() {
        for d in DType::ALL {
            assert_eq!(d.kind_const(), d.kind());
            assert_eq!(d.itemsize_const(), d.itemsize());
        }
    }

    #[test]
    fn promotion_is_symmetric_and_idempotent() {
        for a in DType::ALL {
            assert_eq!(promote_types(a, a).unwrap(), a);
            for b in DType::ALL {
                assert_eq!(promote_types(a, b).unwrap(), promote_types(b, a).unwrap());
            }
        }
    }

    #[test]
    fn casting_rules_nest() {
        for a in DType::ALL {
            for b in DType::ALL {
                let ok: Vec<bool> = Casting::ALL.iter().map(|&c| can_cast(a, b, c)).collect();
                assert!(ok.windows(2).all(|w| !w[0] || w[1]), "{a} -> {b}: {ok:?}");
            }
        }
    }

    #[test]
    fn int_fit_messages() {
        let m = |v: i128, d| check_int_fits(v, d).unwrap_err().to_string();
        assert_eq!(
            m(1 << 63, DType::Int64),
            "Python int too large to convert to C long"
        );
        assert!(check_int_fits(1 << 63, DType::UInt64).is_ok());
        assert_eq!(
            m(-1, DType::UInt64),
            "Python integer -1 out of bounds for uint64"
        );
        assert_eq!(
            m(1 << 64, DType::UInt64),
            "Python int too large to convert to C long"
        );
    }
}
