//! The reductions as methods on [`Array`], as NumPy's ndarray methods: `a.sum(axis)`,
//! `a.std(axis, ddof)`, ...

use super::axes::Axes;
use crate::array::Array;
use crate::error::Result;

macro_rules! reduce_methods {
    ($($(#[$doc:meta])* fn $name:ident($($arg:ident: $ty:ty),*), $np:literal;)*) => {
        impl Array {$(
            #[doc = concat!("Method form of [`crate::", stringify!($name), "`] (`", $np, "`).")]
            ///
            $(#[$doc])*
            pub fn $name(&self, axis: impl Into<Axes> $(, $arg: $ty)*) -> Result<Array> {
                crate::reduce::$name(self, axis $(, $arg)*)
            }
        )*}
    };
}

reduce_methods! {
    /// ```
    /// let a = numox::array![[1, 2], [3, 4]];
    /// assert_eq!(a.sum(0).unwrap().to_vec::<i64>().unwrap(), vec![4, 6]);
    /// ```
    fn sum(), "a.sum(axis)";
    /// ```
    /// assert_eq!(numox::array![2, 3].prod(None).unwrap().item_as::<i64>().unwrap(), 6);
    /// ```
    fn prod(), "a.prod(axis)";
    /// ```
    /// assert_eq!(numox::array![1.0, 2.0].mean(None).unwrap().item_as::<f64>().unwrap(), 1.5);
    /// ```
    fn mean(), "a.mean(axis)";
    /// ```
    /// assert_eq!(numox::array![1.0, 3.0].var(None, 1).unwrap().item_as::<f64>().unwrap(), 2.0);
    /// ```
    fn var(ddof: usize), "a.var(axis, ddof=ddof)";
    /// ```
    /// assert_eq!(numox::array![1.0, 3.0].std(None, 0).unwrap().item_as::<f64>().unwrap(), 1.0);
    /// ```
    fn std(ddof: usize), "a.std(axis, ddof=ddof)";
    /// ```
    /// assert_eq!(numox::array![4, -2].min(None).unwrap().item_as::<i64>().unwrap(), -2);
    /// ```
    fn min(), "a.min(axis)";
    /// ```
    /// assert_eq!(numox::array![4, -2].max(None).unwrap().item_as::<i64>().unwrap(), 4);
    /// ```
    fn max(), "a.max(axis)";
    /// ```
    /// assert_eq!(numox::array![4, -2].ptp(None).unwrap().item_as::<i64>().unwrap(), 6);
    /// ```
    fn ptp(), "np.ptp(a, axis)";
    /// ```
    /// assert_eq!(numox::array![4, -2].argmin(None).unwrap().item_as::<i64>().unwrap(), 1);
    /// ```
    fn argmin(), "a.argmin(axis)";
    /// ```
    /// assert_eq!(numox::array![4, -2].argmax(None).unwrap().item_as::<i64>().unwrap(), 0);
    /// ```
    fn argmax(), "a.argmax(axis)";
    /// ```
    /// assert!(numox::array![0, 3].any(None).unwrap().item_as::<bool>().unwrap());
    /// ```
    fn any(), "a.any(axis)";
    /// ```
    /// assert!(!numox::array![0, 3].all(None).unwrap().item_as::<bool>().unwrap());
    /// ```
    fn all(), "a.all(axis)";
}
