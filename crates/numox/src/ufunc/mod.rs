//! Universal functions: elementwise operations with NumPy 2's broadcasting and type promotion.
//!
//! Every function takes [`Operand`]s (arrays or weak Rust scalars) and returns a new array; the
//! `_out` forms write into an existing array instead (NumPy's `out=`). Each function is also a
//! method of [`Array`](crate::Array) returning `Result`: `a.add(&b)?`, `a.exp()?`,
//! `a.clip(lo, hi)?`. Operators (`+`, `-`, `*`, `/`, `%`) on `&Array`, `Array` and scalars return
//! `Result<Array>`, and can be chained on a `Result<Array>`: `(&a * &b + &c)?`. In-place updates
//! are methods (`a.iadd(&b)?`, `a.imul(2.0)?`, … `a.irshift(1)?`), and the compound assignment
//! operators `+= -= *= /= %= &= |= ^= <<= >>=` apply to a `Result<Array>`: an `Ok` array is
//! updated in its own buffer, a failure turns the result into the error, and an error stays
//! (right sides: `&Array`, `Array`, [`Scalar`](crate::Scalar) or [`Operand`]).
//!
//! ```
//! use numox::{array, DType};
//! let a = array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]];
//! let row = array![10.0, 20.0, 30.0];
//! let s = (&a + &row).unwrap(); // broadcast (2,3) + (3,)
//! assert_eq!(s.to_vec::<f64>().unwrap(), vec![11.0, 22.0, 33.0, 14.0, 25.0, 36.0]);
//! let m = numox::greater(&a, 2.5).unwrap();
//! assert_eq!(m.dtype(), DType::Bool);
//! assert_eq!(a.greater(2.5).unwrap().to_vec::<bool>().unwrap(), m.to_vec::<bool>().unwrap());
//! let mut r: numox::Result<numox::Array> = Ok(a);
//! r += &row; // in place, no temporary
//! r *= numox::Scalar::from(2.0);
//! assert_eq!(r.unwrap().to_vec::<f64>().unwrap()[..3], [22.0, 44.0, 66.0]);
//! ```

mod arith;
mod assign_ops;
mod bit_operators;
mod bitwise;
mod clip;
mod closeness;
mod complex_parts;
pub(crate) mod define;
pub(crate) mod engine;
mod functions;
mod inplace;
mod logical;
mod math;
mod methods;
mod operand;
mod operators;
mod predicates;
mod rounding;
mod trig;

pub use arith::*;
pub use bitwise::*;
pub use clip::*;
pub use closeness::*;
pub use complex_parts::*;
pub use functions::*;
pub use logical::*;
pub use math::*;
pub use operand::Operand;
pub use predicates::*;
pub use rounding::*;
pub use trig::*;
