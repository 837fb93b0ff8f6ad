//! Column scaling and imputation with scikit-learn's formulas (so results match it to the last
//! bit where the arithmetic is the same): `MinMaxScaler`, `StandardScaler`, `SimpleImputer`.

use super::{as_float, check_2d};
use crate::{Array, Axes, Error, Result};

fn not_fitted(who: &str) -> Error {
    Error::Value(format!(
        "This {who} instance is not fitted yet. Call 'fit' with appropriate arguments before using this estimator."
    ))
}

fn check_features(x: &Array, n: usize, who: &str) -> Result<()> {
    if x.ndim() != 2 {
        return Err(Error::Value(format!(
            "Expected 2D array, got {}D array instead",
            x.ndim()
        )));
    }
    if x.shape()[1] != n {
        return Err(Error::Value(format!(
            "X has {} features, but {who} is expecting {n} features as input.",
            x.shape()[1]
        )));
    }
    Ok(())
}

/// scikit-learn's `_handle_zeros_in_scale`: divisors that are (nearly) zero, or flagged
/// constant, become 1, so a constant column maps to a constant instead of NaN.
fn handle_zeros(scale: &Array, constant: Option<&Array>) -> Result<Array> {
    let mask = match constant {
        Some(m) => m.clone(),
        None => scale.less(10.0 * f64::EPSILON)?,
    };
    crate::where_(&mask, 1.0, scale)
}

/// Scales each column to a range (`sklearn.preprocessing.MinMaxScaler`): `x * scale_ + min_`
/// with `scale_ = (hi - lo) / (data_max - data_min)` and `min_ = lo - data_min * scale_`. NaN
/// is ignored when fitting and kept when transforming; a constant column maps to `lo`.
///
/// ```
/// use numox::ml::MinMaxScaler;
/// let x = numox::array![[1.0, 5.0], [3.0, 5.0], [2.0, 5.0]];
/// let mut s = MinMaxScaler::new();
/// let t = s.fit_transform(&x).unwrap();
/// assert_eq!(t.to_vec::<f64>().unwrap(), vec![0.0, 0.0, 1.0, 0.0, 0.5, 0.0]);
/// let back = s.inverse_transform(&t).unwrap();
/// assert_eq!(back.to_vec::<f64>().unwrap(), x.to_vec::<f64>().unwrap());
/// assert!(MinMaxScaler::new().transform(&x).is_err()); // not fitted
/// ```
#[derive(Debug, Clone)]
pub struct MinMaxScaler {
    range: (f64, f64),
    fitted: Option<MinMaxFit>,
}

#[derive(Debug, Clone)]
struct MinMaxFit {
    data_min: Array,
    data_max: Array,
    scale: Array,
    min: Array,
}

impl Default for MinMaxScaler {
    fn default() -> Self {
        Self::new()
    }
}

impl MinMaxScaler {
    /// A scaler to the range [0, 1].
    ///
    /// ```
    /// assert!(numox::ml::MinMaxScaler::new().data_min().is_none());
    /// ```
    pub fn new() -> Self {
        MinMaxScaler {
            range: (0.0, 1.0),
            fitted: None,
        }
    }

    /// A scaler to the range [lo, hi] (`feature_range=(lo, hi)`); `lo < hi` is required.
    ///
    /// ```
    /// let mut s = numox::ml::MinMaxScaler::with_range(-1.0, 1.0).unwrap();
    /// let t = s.fit_transform(&numox::array![[0.0], [4.0]]).unwrap();
    /// assert_eq!(t.to_vec::<f64>().unwrap(), vec![-1.0, 1.0]);
    /// assert!(numox::ml::MinMaxScaler::with_range(1.0, 0.0).is_err());
    /// ```
    pub fn with_range(lo: f64, hi: f64) -> Result<Self> {
        // NaN bounds fail this test too.
        if lo.partial_cmp(&hi) != Some(std::cmp::Ordering::Less) {
            return Err(Error::Value(format!(
                "Minimum of desired feature range must be smaller than maximum. Got ({lo}, {hi})."
            )));
        }
        Ok(MinMaxScaler {
            range: (lo, hi),
            fitted: None,
        })
    }

    /// Learns each column's minimum and maximum (NaN ignored).
    ///
    /// ```
    /// let mut s = numox::ml::MinMaxScaler::new();
    /// s.fit(&numox::array![[1.0], [f64::NAN], [3.0]]).unwrap();
    /// assert_eq!(s.data_max().unwrap().to_vec::<f64>().unwrap(), vec![3.0]);
    /// assert!(s.fit(&numox::array![1.0, 2.0]).is_err()); // 1-D
    /// ```
    pub fn fit(&mut self, x: &Array) -> Result<&mut Self> {
        check_2d(x, "MinMaxScaler")?;
        let x = as_float(x)?;
        let data_min = crate::nanmin(&x, 0)?;
        let data_max = crate::nanmax(&x, 0)?;
        let range = crate::subtract(&data_max, &data_min)?;
        let scale = crate::divide(self.range.1 - self.range.0, &handle_zeros(&range, None)?)?;
        let min = crate::subtract(self.range.0, &crate::multiply(&data_min, &scale)?)?;
        self.fitted = Some(MinMaxFit {
            data_min,
            data_max,
            scale,
            min,
        });
        Ok(self)
    }

    fn state(&self) -> Result<&MinMaxFit> {
        self.fitted
            .as_ref()
            .ok_or_else(|| not_fitted("MinMaxScaler"))
    }

    /// `x * scale_ + min_`, column by column.
    ///
    /// ```
    /// let mut s = numox::ml::MinMaxScaler::new();
    /// s.fit(&numox::array![[0.0], [10.0]]).unwrap();
    /// let t = s.transform(&numox::array![[5.0], [20.0]]).unwrap();
    /// assert_eq!(t.to_vec::<f64>().unwrap(), vec![0.5, 2.0]);
    /// ```
    pub fn transform(&self, x: &Array) -> Result<Array> {
        let f = self.state()?;
        check_features(x, f.scale.size(), "MinMaxScaler")?;
        crate::add(&crate::multiply(&as_float(x)?, &f.scale)?, &f.min)
    }

    /// [`fit`](Self::fit) then [`transform`](Self::transform).
    ///
    /// ```
    /// let t = numox::ml::MinMaxScaler::new().fit_transform(&numox::array![[2.0], [4.0]]).unwrap();
    /// assert_eq!(t.to_vec::<f64>().unwrap(), vec![0.0, 1.0]);
    /// ```
    pub fn fit_transform(&mut self, x: &Array) -> Result<Array> {
        self.fit(x)?;
        self.transform(x)
    }

    /// Undoes the scaling: `(x - min_) / scale_`.
    ///
    /// ```
    /// let mut s = numox::ml::MinMaxScaler::new();
    /// s.fit(&numox::array![[0.0], [10.0]]).unwrap();
    /// let x = s.inverse_transform(&numox::array![[0.25]]).unwrap();
    /// assert_eq!(x.to_vec::<f64>().unwrap(), vec![2.5]);
    /// ```
    pub fn inverse_transform(&self, x: &Array) -> Result<Array> {
        let f = self.state()?;
        check_features(x, f.scale.size(), "MinMaxScaler")?;
        crate::divide(&crate::subtract(&as_float(x)?, &f.min)?, &f.scale)
    }

    /// The columns' minima seen by `fit` (`data_min_`), `None` before fitting.
    ///
    /// ```
    /// let mut s = numox::ml::MinMaxScaler::new();
    /// s.fit(&numox::array![[2.0, 7.0], [1.0, 9.0]]).unwrap();
    /// assert_eq!(s.data_min().unwrap().to_vec::<f64>().unwrap(), vec![1.0, 7.0]);
    /// ```
    pub fn data_min(&self) -> Option<&Array> {
        self.fitted.as_ref().map(|f| &f.data_min)
    }

    /// The columns' maxima seen by `fit` (`data_max_`).
    ///
    /// ```
    /// let mut s = numox::ml::MinMaxScaler::new();
    /// s.fit(&numox::array![[2.0], [1.0]]).unwrap();
    /// assert_eq!(s.data_max().unwrap().to_vec::<f64>().unwrap(), vec![2.0]);
    /// ```
    pub fn data_max(&self) -> Option<&Array> {
        self.fitted.as_ref().map(|f| &f.data_max)
    }

    /// The per-column factor (`scale_`).
    ///
    /// ```
    /// let mut s = numox::ml::MinMaxScaler::new();
    /// s.fit(&numox::array![[0.0], [4.0]]).unwrap();
    /// assert_eq!(s.scale().unwrap().to_vec::<f64>().unwrap(), vec![0.25]);
    /// ```
    pub fn scale(&self) -> Option<&Array> {
        self.fitted.as_ref().map(|f| &f.scale)
    }

    /// The per-column offset (`min_`).
    ///
    /// ```
    /// let mut s = numox::ml::MinMaxScaler::new();
    /// s.fit(&numox::array![[2.0], [4.0]]).unwrap();
    /// assert_eq!(s.min().unwrap().to_vec::<f64>().unwrap(), vec![-1.0]);
    /// ```
    pub fn min(&self) -> Option<&Array> {
        self.fitted.as_ref().map(|f| &f.min)
    }
}

/// Standardises each column (`sklearn.preprocessing.StandardScaler`): `(x - mean_) / scale_`
/// with `scale_` the population standard deviation (`ddof=0`). NaN is ignored when fitting and
/// kept when transforming; a constant column (variance within rounding of zero, scikit-learn's
/// test) gets `scale_ = 1` and maps to 0.
///
/// ```
/// use numox::ml::StandardScaler;
/// let x = numox::array![[0.0, 3.0], [2.0, 3.0]];
/// let mut s = StandardScaler::new();
/// let z = s.fit_transform(&x).unwrap();
/// assert_eq!(z.to_vec::<f64>().unwrap(), vec![-1.0, 0.0, 1.0, 0.0]);
/// assert_eq!(s.var().unwrap().to_vec::<f64>().unwrap(), vec![1.0, 0.0]);
/// ```
#[derive(Debug, Clone, Default)]
pub struct StandardScaler {
    fitted: Option<StandardFit>,
}

#[derive(Debug, Clone)]
struct StandardFit {
    mean: Array,
    var: Array,
    scale: Array,
}

impl StandardScaler {
    /// An unfitted scaler (`with_mean=True, with_std=True`).
    ///
    /// ```
    /// assert!(numox::ml::StandardScaler::new().mean().is_none());
    /// ```
    pub fn new() -> Self {
        StandardScaler { fitted: None }
    }

    /// Learns each column's mean and variance (NaN ignored).
    ///
    /// ```
    /// let mut s = numox::ml::StandardScaler::new();
    /// s.fit(&numox::array![[1.0], [3.0], [f64::NAN]]).unwrap();
    /// assert_eq!(s.mean().unwrap().to_vec::<f64>().unwrap(), vec![2.0]);
    /// assert!(s.fit(&numox::Array::zeros(&[0, 2], numox::DType::Float64).unwrap()).is_err());
    /// ```
    pub fn fit(&mut self, x: &Array) -> Result<&mut Self> {
        check_2d(x, "StandardScaler")?;
        let x = as_float(x)?;
        let mean = crate::nanmean(&x, 0)?;
        let var = crate::nanvar(&x, 0, 0)?;
        // scikit-learn's _is_constant_feature: var <= n*eps*var + (n*mean*eps)^2, with n the
        // number of non-NaN samples of the column.
        let eps = f64::EPSILON;
        let n = crate::count_nonzero_axis(&crate::logical_not(&crate::isnan(&x)?)?, 0)?
            .astype(var.dtype())?;
        let bound = crate::add(
            &crate::multiply(&crate::multiply(&n, eps)?, &var)?,
            &crate::square(&crate::multiply(&crate::multiply(&n, &mean)?, eps)?)?,
        )?;
        let constant = crate::less_equal(&var, &bound)?;
        let scale = handle_zeros(&crate::sqrt(&var)?, Some(&constant))?;
        self.fitted = Some(StandardFit { mean, var, scale });
        Ok(self)
    }

    fn state(&self) -> Result<&StandardFit> {
        self.fitted
            .as_ref()
            .ok_or_else(|| not_fitted("StandardScaler"))
    }

    /// `(x - mean_) / scale_`, column by column.
    ///
    /// ```
    /// let mut s = numox::ml::StandardScaler::new();
    /// s.fit(&numox::array![[0.0], [2.0]]).unwrap();
    /// assert_eq!(s.transform(&numox::array![[4.0]]).unwrap().to_vec::<f64>().unwrap(), vec![3.0]);
    /// ```
    pub fn transform(&self, x: &Array) -> Result<Array> {
        let f = self.state()?;
        check_features(x, f.scale.size(), "StandardScaler")?;
        crate::divide(&crate::subtract(&as_float(x)?, &f.mean)?, &f.scale)
    }

    /// [`fit`](Self::fit) then [`transform`](Self::transform).
    ///
    /// ```
    /// let z = numox::ml::StandardScaler::new().fit_transform(&numox::array![[1.0], [3.0]]).unwrap();
    /// assert_eq!(z.to_vec::<f64>().unwrap(), vec![-1.0, 1.0]);
    /// ```
    pub fn fit_transform(&mut self, x: &Array) -> Result<Array> {
        self.fit(x)?;
        self.transform(x)
    }

    /// Undoes the standardisation: `x * scale_ + mean_`.
    ///
    /// ```
    /// let mut s = numox::ml::StandardScaler::new();
    /// s.fit(&numox::array![[0.0], [2.0]]).unwrap();
    /// assert_eq!(s.inverse_transform(&numox::array![[3.0]]).unwrap().to_vec::<f64>().unwrap(), vec![4.0]);
    /// ```
    pub fn inverse_transform(&self, x: &Array) -> Result<Array> {
        let f = self.state()?;
        check_features(x, f.scale.size(), "StandardScaler")?;
        crate::add(&crate::multiply(&as_float(x)?, &f.scale)?, &f.mean)
    }

    /// The columns' means (`mean_`), `None` before fitting.
    ///
    /// ```
    /// let mut s = numox::ml::StandardScaler::new();
    /// s.fit(&numox::array![[1.0, 0.0], [3.0, 0.0]]).unwrap();
    /// assert_eq!(s.mean().unwrap().to_vec::<f64>().unwrap(), vec![2.0, 0.0]);
    /// ```
    pub fn mean(&self) -> Option<&Array> {
        self.fitted.as_ref().map(|f| &f.mean)
    }

    /// The columns' population variances (`var_`).
    ///
    /// ```
    /// let mut s = numox::ml::StandardScaler::new();
    /// s.fit(&numox::array![[1.0], [3.0]]).unwrap();
    /// assert_eq!(s.var().unwrap().to_vec::<f64>().unwrap(), vec![1.0]);
    /// ```
    pub fn var(&self) -> Option<&Array> {
        self.fitted.as_ref().map(|f| &f.var)
    }

    /// The per-column divisor (`scale_`): the standard deviation, 1 for constant columns.
    ///
    /// ```
    /// let mut s = numox::ml::StandardScaler::new();
    /// s.fit(&numox::array![[5.0], [5.0]]).unwrap();
    /// assert_eq!(s.scale().unwrap().to_vec::<f64>().unwrap(), vec![1.0]);
    /// ```
    pub fn scale(&self) -> Option<&Array> {
        self.fitted.as_ref().map(|f| &f.scale)
    }
}

fn impute(x: &Array, stats: Array) -> Result<(Array, Array)> {
    let x = as_float(x)?;
    let filled = crate::where_(&crate::isnan(&x)?, &stats, &x)?;
    Ok((filled, stats))
}

/// Replaces each NaN by its column's mean over the other values (`SimpleImputer(strategy=
/// "mean")`); returns the filled array and the column means (`statistics_`). A column with no
/// value at all is an error (scikit-learn drops it; numox keeps shapes).
///
/// ```
/// let x = numox::array![[1.0, f64::NAN], [3.0, 4.0], [f64::NAN, 8.0]];
/// let (filled, means) = numox::ml::impute_mean(&x).unwrap();
/// assert_eq!(means.to_vec::<f64>().unwrap(), vec![2.0, 6.0]);
/// assert_eq!(filled.to_vec::<f64>().unwrap(), vec![1.0, 6.0, 3.0, 4.0, 2.0, 8.0]);
/// ```
pub fn impute_mean(x: &Array) -> Result<(Array, Array)> {
    check_2d(x, "SimpleImputer")?;
    let f = as_float(x)?;
    let stats = crate::nanmean(&f, 0)?;
    check_columns(&stats)?;
    impute(&f, stats)
}

/// Replaces each NaN by its column's median over the other values (`SimpleImputer(strategy=
/// "median")`); returns the filled array and the column medians.
///
/// ```
/// let x = numox::array![[1.0], [f64::NAN], [5.0], [2.0]];
/// let (filled, med) = numox::ml::impute_median(&x).unwrap();
/// assert_eq!(med.to_vec::<f64>().unwrap(), vec![2.0]);
/// assert_eq!(filled.to_vec::<f64>().unwrap(), vec![1.0, 2.0, 5.0, 2.0]);
/// ```
pub fn impute_median(x: &Array) -> Result<(Array, Array)> {
    check_2d(x, "SimpleImputer")?;
    let f = as_float(x)?;
    let stats = crate::nanmedian(&f, Axes::from(0))?;
    check_columns(&stats)?;
    impute(&f, stats)
}

fn check_columns(stats: &Array) -> Result<()> {
    let empty = crate::flatnonzero(&crate::isnan(stats)?);
    if empty.size() > 0 {
        return Err(Error::Value(format!(
            "cannot impute column {}: it holds no value, only NaN",
            empty.to_vec::<i64>()?[0]
        )));
    }
    Ok(())
}
