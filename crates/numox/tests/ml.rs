//! `numox::ml` against scikit-learn, SciPy and NumPy (scripts/golden/ml.py): the scalers and
//! imputers on the bundled wine data with NaNs injected by numox's own NumPy-identical
//! generator, activations, losses, metrics, pairwise geometry, one-hot, and the seeded split
//! that linear regression on the bundled diabetes data uses (checked against scikit-learn's
//! `LinearRegression` to 1e-6 relative). Also the errors of bad input.

use numox::io::{self, LoadTxtOpts};
use numox::ml::{self, MinMaxScaler, StandardScaler};
use numox::{Array, DType};
use std::path::PathBuf;

fn golden(name: &str) -> Array {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("tests/data/ml/{name}.npy"));
    io::read_npy(&p).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn data_file(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../data")
        .join(name)
}

fn f64s(a: &Array) -> Vec<f64> {
    a.astype(DType::Float64).unwrap().to_vec::<f64>().unwrap()
}

/// Element by element within `rel` relative (absolute near 0); NaN equals NaN.
fn close(got: &Array, want: &Array, rel: f64, what: &str) {
    assert_eq!(got.shape(), want.shape(), "{what}: shape");
    for (i, (g, w)) in f64s(got).iter().zip(f64s(want)).enumerate() {
        let ok = (g.is_nan() && w.is_nan()) || (g - w).abs() <= rel * w.abs().max(1.0);
        assert!(ok, "{what}[{i}]: numox {g}, reference {w}");
    }
}

fn exact(got: &Array, want: &Array, what: &str) {
    assert_eq!(got.shape(), want.shape(), "{what}: shape");
    let (g, w) = (f64s(got), f64s(want));
    for (i, (a, b)) in g.iter().zip(&w).enumerate() {
        assert!(
            a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()),
            "{what}[{i}]: numox {a:e}, reference {b:e}"
        );
    }
}

fn scalar(name: &str) -> f64 {
    golden(name).item_as::<f64>().unwrap()
}

fn wine_with_nans() -> Array {
    let opts = LoadTxtOpts {
        delimiter: Some(",".into()),
        skiprows: 1,
        usecols: Some((0..13).collect()),
        ..Default::default()
    };
    let x = io::loadtxt(data_file("wine_data.csv"), &opts).unwrap();
    assert_eq!(x.shape(), &[178, 13]);
    // The mask comes from numox's generator: the same stream as NumPy's default_rng(1).
    let mask = numox::random::default_rng(1u64)
        .unwrap()
        .random(&[178, 13])
        .unwrap()
        .less(0.05)
        .unwrap();
    exact(&mask, &golden("wine_nan_mask"), "NaN mask");
    numox::where_(&mask, f64::NAN, &x).unwrap()
}

#[test]
fn imputers_and_scalers_match_scikit_learn_on_wine() {
    let xn = wine_with_nans();
    let (mean_filled, mean_stats) = ml::impute_mean(&xn).unwrap();
    close(
        &mean_stats,
        &golden("wine_impute_mean_stats"),
        1e-13,
        "mean statistics",
    );
    close(
        &mean_filled,
        &golden("wine_impute_mean"),
        1e-13,
        "mean-imputed",
    );
    let (med_filled, med_stats) = ml::impute_median(&xn).unwrap();
    exact(
        &med_stats,
        &golden("wine_impute_median_stats"),
        "median statistics",
    );
    exact(&med_filled, &golden("wine_impute_median"), "median-imputed");

    // The scalers are fitted on scikit-learn's imputed data, so their own arithmetic is compared.
    let x = golden("wine_impute_mean");
    let mut mm = MinMaxScaler::new();
    let t = mm.fit_transform(&x).unwrap();
    exact(
        mm.data_min().unwrap(),
        &golden("wine_minmax_data_min"),
        "data_min_",
    );
    exact(
        mm.data_max().unwrap(),
        &golden("wine_minmax_data_max"),
        "data_max_",
    );
    exact(
        mm.scale().unwrap(),
        &golden("wine_minmax_scale"),
        "MinMax scale_",
    );
    exact(mm.min().unwrap(), &golden("wine_minmax_min"), "min_");
    exact(&t, &golden("wine_minmax"), "min-max transformed");
    close(
        &mm.inverse_transform(&t).unwrap(),
        &x,
        1e-14,
        "min-max inverse",
    );

    let mut ss = StandardScaler::new();
    let z = ss.fit_transform(&x).unwrap();
    close(
        ss.mean().unwrap(),
        &golden("wine_standard_mean"),
        1e-14,
        "mean_",
    );
    close(
        ss.var().unwrap(),
        &golden("wine_standard_var"),
        1e-12,
        "var_",
    );
    close(
        ss.scale().unwrap(),
        &golden("wine_standard_scale"),
        1e-12,
        "Standard scale_",
    );
    close(&z, &golden("wine_standard"), 1e-11, "standardised");
    close(
        &ss.inverse_transform(&z).unwrap(),
        &x,
        1e-13,
        "standard inverse",
    );
    // Column statistics after scaling: [0, 1] ranges, zero means, unit deviations.
    close(
        &numox::max(&t, 0).unwrap(),
        &numox::ones(13).unwrap(),
        1e-15,
        "max after min-max",
    );
    close(
        &numox::std(&z, 0, 0).unwrap(),
        &numox::ones(13).unwrap(),
        1e-12,
        "std after z-score",
    );
}

#[test]
fn constant_columns_map_to_a_constant() {
    let c = golden("const_input");
    exact(
        &MinMaxScaler::new().fit_transform(&c).unwrap(),
        &golden("const_minmax"),
        "min-max",
    );
    close(
        &StandardScaler::new().fit_transform(&c).unwrap(),
        &golden("const_standard"),
        1e-15,
        "standard",
    );
}

#[test]
fn activations_match_scipy() {
    let z = golden("act_input");
    close(
        &ml::sigmoid(&z).unwrap(),
        &golden("act_sigmoid"),
        1e-15,
        "sigmoid",
    );
    exact(&ml::relu(&z).unwrap(), &golden("act_relu"), "relu");
    exact(&numox::tanh(&z).unwrap(), &golden("act_tanh"), "tanh");
    close(
        &ml::softmax(&z, 1).unwrap(),
        &golden("act_softmax_axis1"),
        1e-15,
        "softmax",
    );
    close(
        &ml::log_softmax(&z, 1).unwrap(),
        &golden("act_log_softmax_axis1"),
        1e-15,
        "log_softmax",
    );
    // Rows sum to one.
    let rows = numox::sum(&ml::softmax(&z, -1).unwrap(), 1).unwrap();
    close(&rows, &numox::ones(3).unwrap(), 1e-15, "softmax rows");
}

#[test]
fn losses_and_metrics_match_scikit_learn() {
    let (t, p) = (golden("reg_y_true"), golden("reg_y_pred"));
    assert!((ml::mse(&t, &p).unwrap() - scalar("loss_mse")).abs() < 1e-15);
    assert!((ml::mae(&t, &p).unwrap() - scalar("loss_mae")).abs() < 1e-15);
    assert!((ml::r2_score(&t, &p).unwrap() - scalar("metric_r2")).abs() < 1e-15);

    let (y, z) = (golden("bce_labels"), golden("bce_logits"));
    let exact_bce = scalar("loss_bce_logits");
    assert!((ml::binary_cross_entropy_with_logits(&y, &z).unwrap() - exact_bce).abs() < 1e-15);
    let probs = ml::sigmoid(&z).unwrap();
    let clipped = ml::binary_cross_entropy(&y, &probs).unwrap();
    assert!(
        (clipped - scalar("loss_bce_sklearn")).abs() < 1e-15,
        "{clipped}"
    );

    let cce =
        ml::categorical_cross_entropy_with_logits(&golden("cce_labels"), &golden("act_input"));
    assert!((cce.unwrap() - scalar("loss_cce_logits")).abs() < 1e-14);

    let (ct, cp) = (golden("cls_y_true"), golden("cls_y_pred"));
    assert_eq!(ml::accuracy(&ct, &cp).unwrap(), scalar("metric_accuracy"));
    let m = ml::confusion_matrix(&ct, &cp).unwrap();
    assert_eq!(m.dtype(), DType::Int64);
    exact(&m, &golden("metric_confusion"), "confusion");
    exact(
        &ml::one_hot(&golden("one_hot_labels"), 3).unwrap(),
        &golden("one_hot"),
        "one_hot",
    );
}

#[test]
fn pairwise_geometry_matches_scikit_learn() {
    let (a, b) = (golden("geo_A"), golden("geo_B"));
    close(
        &ml::cosine_similarity(&a, &b).unwrap(),
        &golden("geo_cosine_AB"),
        1e-14,
        "cosine",
    );
    close(
        &ml::euclidean_distances(&a, &b).unwrap(),
        &golden("geo_euclid_AB"),
        1e-13,
        "euclid AB",
    );
    let aa = ml::euclidean_distances(&a, &a).unwrap();
    close(&aa, &golden("geo_euclid_AA"), 1e-13, "euclid AA");
    for i in 0..a.shape()[0] {
        assert_eq!(f64s(&aa)[i * a.shape()[0] + i], 0.0);
    }
}

#[test]
fn the_split_and_least_squares_reproduce_linear_regression() {
    let x = io::loadtxt(data_file("diabetes_data_raw.csv"), &LoadTxtOpts::default()).unwrap();
    let y = io::loadtxt(data_file("diabetes_target.csv"), &LoadTxtOpts::default()).unwrap();
    let s = ml::split_indices(442, 0.2, 0).unwrap();
    exact(
        &s.train,
        &golden("split_diabetes_train_idx"),
        "train indices",
    );
    exact(&s.test, &golden("split_diabetes_test_idx"), "test indices");
    let (xtr, xte, ytr, yte) = ml::train_test_split(&x, &y, 0.2, 0).unwrap();
    // Least squares with an intercept column.
    let design = |m: &Array| {
        let ones = numox::ones([m.shape()[0], 1]).unwrap();
        numox::concatenate(&[&ones, m], Some(1)).unwrap()
    };
    let (w, _, rank, _) = numox::linalg::lstsq(&design(&xtr), &ytr, None).unwrap();
    assert_eq!(rank, 11);
    let w = f64s(&w);
    let coef = Array::from_vec(w[1..].to_vec());
    close(&coef, &golden("linreg_coef"), 1e-6, "coefficients");
    assert!((w[0] - scalar("linreg_intercept")).abs() <= 1e-6 * scalar("linreg_intercept").abs());
    let predict = |m: &Array| numox::matmul(&design(m), &Array::from_vec(w.clone())).unwrap();
    let r2_train = ml::r2_score(&ytr, &predict(&xtr)).unwrap();
    let r2_test = ml::r2_score(&yte, &predict(&xte)).unwrap();
    assert!(
        (r2_train - scalar("linreg_r2_train")).abs() < 1e-9,
        "{r2_train}"
    );
    assert!(
        (r2_test - scalar("linreg_r2_test")).abs() < 1e-9,
        "{r2_test}"
    );
}

#[test]
fn bad_input_is_an_error_in_scikit_learns_words() {
    let x = numox::array![[1.0, 2.0], [3.0, 4.0]];
    let err = |r: numox::Result<Array>| r.unwrap_err().to_string();
    assert_eq!(
        err(MinMaxScaler::new().transform(&x)),
        "This MinMaxScaler instance is not fitted yet. Call 'fit' with appropriate arguments before using this estimator."
    );
    assert!(StandardScaler::new().inverse_transform(&x).is_err());
    let mut s = StandardScaler::new();
    s.fit(&x).unwrap();
    assert_eq!(
        err(s.transform(&numox::array![[1.0, 2.0, 3.0]])),
        "X has 3 features, but StandardScaler is expecting 2 features as input."
    );
    let empty = Array::zeros(&[0, 2], DType::Float64).unwrap();
    assert_eq!(
        MinMaxScaler::new().fit(&empty).unwrap_err().to_string(),
        "Found array with 0 sample(s) (shape=(0, 2)) while a minimum of 1 is required by MinMaxScaler."
    );
    assert_eq!(
        MinMaxScaler::new()
            .fit(&numox::array![1.0])
            .unwrap_err()
            .to_string(),
        "Expected 2D array, got 1D array instead"
    );
    assert_eq!(
        ml::mse(&numox::array![1.0, 2.0], &numox::array![1.0])
            .unwrap_err()
            .to_string(),
        "Found input variables with inconsistent numbers of samples: [2, 1]"
    );
    let none = Array::zeros(&[0], DType::Int64).unwrap();
    assert!(ml::accuracy(&none, &none).is_err());
    assert!(ml::one_hot(&numox::array![-1i64], 2).is_err());
    assert!(ml::one_hot(&numox::array![0.5], 2).is_err());
    assert!(ml::impute_mean(&numox::array![[f64::NAN], [f64::NAN]]).is_err());
    assert!(ml::cosine_similarity(&x, &numox::array![[1.0]]).is_err());
    assert!(ml::softmax(&x, 2).is_err());
    assert!(ml::train_test_split(&x, &numox::array![1.0], 0.5, 0).is_err());
    assert!(ml::numerical_gradient(|_| Ok(0.0), &x, 0.0).is_err());
    assert!(ml::gradient_check(|_| Ok(0.0), &numox::array![1.0], &x, 1e-5).is_err());
}
