"""Machine-learning references from scikit-learn 1.7.2 (and scipy.special) on the bundled data.

numox's ml tests implement the same recipes and compare against these files. All arrays are
written by np.save; floats are float64, integers int64, the one mask bool; "0-d" means a 0-d
float64 array. Data files are read from data/ at the repo root with np.loadtxt.

Split of diabetes (X = np.loadtxt("data/diabetes_data_raw.csv"), shape (442, 10);
y = np.loadtxt("data/diabetes_target.csv"), shape (442,)):
    perm = np.random.default_rng(0).permutation(n)        # n = 442
    n_test = ceil(0.2 * n)                                # 89
    test = perm[:n_test]; train = perm[n_test:]           # int64
  split_diabetes_test_idx.npy    test indices, (89,) int64
  split_diabetes_train_idx.npy   train indices, (353,) int64

Linear regression: m = sklearn LinearRegression().fit(X[train], y[train]) (least squares with
an intercept: sklearn centres X and y on the training means, solves with scipy.linalg.lstsq,
then intercept = mean(y) - mean(X) @ coef):
  linreg_coef.npy        m.coef_, (10,)
  linreg_intercept.npy   m.intercept_, 0-d
  linreg_r2_train.npy    r2_score(y[train], m.predict(X[train])), 0-d
  linreg_r2_test.npy     r2_score(y[test], m.predict(X[test])), 0-d

Wine: X = np.loadtxt("data/wine_data.csv", delimiter=",", skiprows=1)[:, :13] (the 13
features, class column dropped), shape (178, 13). NaN injection:
    mask = np.random.default_rng(1).random(X.shape) < 0.05
    Xn = X.copy(); Xn[mask] = nan
  wine_nan_mask.npy             mask, (178, 13) bool
  wine_impute_mean.npy          SimpleImputer(strategy="mean").fit_transform(Xn)
  wine_impute_mean_stats.npy    its statistics_ (per-column mean of the non-NaN values), (13,)
  wine_impute_median.npy        SimpleImputer(strategy="median").fit_transform(Xn)
  wine_impute_median_stats.npy  its statistics_ (per-column median of the non-NaN values;
                                mean of the two middle values for an even count), (13,)
On Xm = the mean-imputed data:
  wine_minmax.npy               MinMaxScaler().fit_transform(Xm)   (feature_range (0, 1))
  wine_minmax_data_min.npy      data_min_ (column min), (13,)
  wine_minmax_data_max.npy      data_max_ (column max), (13,)
  wine_minmax_scale.npy         scale_ = 1 / (data_max - data_min), (13,)
  wine_minmax_min.npy           min_ = -data_min * scale_, (13,); sklearn transforms as
                                X * scale_ + min_ (not (X - data_min) / range), which is what
                                fixes the last bits (e.g. 0.9999999999999999 for a column max)
  wine_standard.npy             StandardScaler().fit_transform(Xm) = (X - mean_) / scale_
  wine_standard_mean.npy        mean_, (13,); equal to wine_impute_mean_stats mathematically
                                but not always in the last bit (different summation)
  wine_standard_var.npy         var_ (population variance, ddof=0), (13,)
  wine_standard_scale.npy       scale_ = sqrt(var_), (13,)
Constant column: C = np.arange(15.0).reshape(5, 3); C[:, 1] = 4.0 (columns 0,3,..,12 /
4.0 everywhere / 2,5,..,14). sklearn treats a zero range / zero variance as a divisor of 1
(MinMax: scale_ = 1, min_ = -4; Standard: scale_ = 1), so the constant column maps to 0.0
under both scalers; column 2 shows the X * scale_ + min_ rounding (0.24999999999999997,
0.9999999999999999):
  const_input.npy               C, (5, 3)
  const_minmax.npy              MinMaxScaler().fit_transform(C)
  const_standard.npy            StandardScaler().fit_transform(C)

Activations on z = [[1, -2, 0.5, 3], [1000, -1000, 0, 2], [-0.5, -0.5, -0.5, -0.5]]:
  act_input.npy                 z, (3, 4)
  act_sigmoid.npy               scipy.special.expit(z)
  act_relu.npy                  np.maximum(z, 0.0)
  act_tanh.npy                  np.tanh(z)
  act_softmax_axis1.npy         scipy.special.softmax(z, axis=1)
  act_log_softmax_axis1.npy     scipy.special.log_softmax(z, axis=1)

Regression losses/metrics, y_true = [3, -0.5, 2, 7, 4.2], y_pred = [2.5, 0, 2, 8, 4]:
  reg_y_true.npy, reg_y_pred.npy   the inputs, (5,)
  loss_mse.npy                  sklearn.metrics.mean_squared_error, 0-d
  loss_mae.npy                  sklearn.metrics.mean_absolute_error, 0-d
  metric_r2.npy                 sklearn.metrics.r2_score, 0-d

Binary cross-entropy, labels y = [1, 0, 1, 1, 0, 0], logits s = [2, -1, 0.3, 40, -40, 0]:
  bce_labels.npy                y as float64, (6,)
  bce_logits.npy                s, (6,)
  loss_bce_logits.npy           exact reference, float64 numpy:
                                mean(max(s, 0) - s * y + log1p(exp(-|s|))), 0-d
  loss_bce_sklearn.npy          sklearn.metrics.log_loss(y, expit(s)), 0-d. NOT the
                                reference: log_loss clips p to [eps, 1 - eps] (eps = 2**-52);
                                expit(40) rounds to 1.0 and expit(-40) ~ 4e-18 < eps, so
                                both saturated samples contribute ~eps instead of ~exp(-40);
                                it is ~6e-17 above loss_bce_logits (0.28128...).
Categorical cross-entropy on logits z (above), labels [3, 0, 2]:
  cce_labels.npy                the labels, (3,) int64
  loss_cce_logits.npy           mean(-scipy.special.log_softmax(z, axis=1)[i, label_i]), 0-d

Classification, y_true = [0, 1, 2, 2, 1, 0, 2, 1], y_pred = [0, 2, 2, 2, 1, 0, 1, 1]:
  cls_y_true.npy, cls_y_pred.npy   the inputs, (8,) int64
  metric_accuracy.npy           sklearn.metrics.accuracy_score, 0-d
  metric_confusion.npy          sklearn.metrics.confusion_matrix (rows true, columns
                                predicted, classes 0..2), (3, 3) int64

Geometry: D = np.loadtxt("data/digits.csv", delimiter=",")[:, :64] (pixel columns, label
column dropped); A = D[0:6] / 16, B = D[6:10] / 16:
  geo_A.npy, geo_B.npy          the inputs, (6, 64) and (4, 64)
  geo_cosine_AB.npy             sklearn cosine_similarity(A, B), (6, 4)
  geo_euclid_AB.npy             sklearn euclidean_distances(A, B), (6, 4); sklearn computes
                                sqrt(max(|a|^2 - 2 a.b + |b|^2, 0)), so compare with a
                                tolerance, not bit for bit
  geo_euclid_AA.npy             sklearn euclidean_distances(A, A) (the same object twice, so
                                sklearn sets the diagonal to exactly 0.0), (6, 6)

One-hot: labels [0, 2, 1, 2], 3 classes:
  one_hot_labels.npy            the labels, (4,) int64
  one_hot.npy                   np.eye(3)[labels], (4, 3) float64

meta.json: package versions and a few counts (n, n_test, NaN count), for humans.
"""
import json
import math
import os
import pathlib

import numpy as np
import scipy
import scipy.special
import sklearn
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LinearRegression
from sklearn.metrics import (accuracy_score, confusion_matrix, log_loss, mean_absolute_error,
                             mean_squared_error, r2_score)
from sklearn.metrics.pairwise import cosine_similarity, euclidean_distances
from sklearn.preprocessing import MinMaxScaler, StandardScaler

DATA = pathlib.Path(__file__).resolve().parent.parent.parent / "data"


def f64(x):
    return np.asarray(x, dtype=np.float64)


def i64(x):
    return np.asarray(x, dtype=np.int64)


def generate(out):
    def save(name, a):
        a = np.asarray(a)
        assert a.dtype in (np.float64, np.int64, np.bool_), (name, a.dtype)
        np.save(os.path.join(out, name + ".npy"), a)

    meta = {"numpy": np.__version__, "scipy": scipy.__version__, "sklearn": sklearn.__version__}

    # --- diabetes: split + linear regression
    X = np.loadtxt(DATA / "diabetes_data_raw.csv")
    y = np.loadtxt(DATA / "diabetes_target.csv")
    n = X.shape[0]
    perm = np.random.default_rng(0).permutation(n)
    n_test = math.ceil(0.2 * n)
    test, train = i64(perm[:n_test]), i64(perm[n_test:])
    save("split_diabetes_train_idx", train)
    save("split_diabetes_test_idx", test)
    meta["diabetes"] = {"n": n, "n_features": X.shape[1], "n_test": n_test,
                        "n_train": n - n_test}
    m = LinearRegression().fit(X[train], y[train])
    save("linreg_coef", f64(m.coef_))
    save("linreg_intercept", f64(m.intercept_))
    save("linreg_r2_train", f64(r2_score(y[train], m.predict(X[train]))))
    save("linreg_r2_test", f64(r2_score(y[test], m.predict(X[test]))))

    # --- wine: NaN injection, imputation, scaling
    W = np.loadtxt(DATA / "wine_data.csv", delimiter=",", skiprows=1)[:, :13]
    mask = np.random.default_rng(1).random(W.shape) < 0.05
    Wn = W.copy()
    Wn[mask] = np.nan
    assert not mask.all(axis=0).any()  # SimpleImputer would drop an all-NaN column
    save("wine_nan_mask", mask)
    meta["wine"] = {"shape": list(W.shape), "n_nan": int(mask.sum())}
    imp = SimpleImputer(strategy="mean")
    Wm = imp.fit_transform(Wn)
    save("wine_impute_mean", f64(Wm))
    save("wine_impute_mean_stats", f64(imp.statistics_))
    imp = SimpleImputer(strategy="median")
    save("wine_impute_median", f64(imp.fit_transform(Wn)))
    save("wine_impute_median_stats", f64(imp.statistics_))
    sc = MinMaxScaler()
    save("wine_minmax", f64(sc.fit_transform(Wm)))
    save("wine_minmax_data_min", f64(sc.data_min_))
    save("wine_minmax_data_max", f64(sc.data_max_))
    save("wine_minmax_scale", f64(sc.scale_))
    save("wine_minmax_min", f64(sc.min_))
    sc = StandardScaler()
    save("wine_standard", f64(sc.fit_transform(Wm)))
    save("wine_standard_mean", f64(sc.mean_))
    save("wine_standard_var", f64(sc.var_))
    save("wine_standard_scale", f64(sc.scale_))

    C = np.arange(15.0).reshape(5, 3)
    C[:, 1] = 4.0
    save("const_input", C)
    save("const_minmax", f64(MinMaxScaler().fit_transform(C)))
    save("const_standard", f64(StandardScaler().fit_transform(C)))

    # --- activations
    z = f64([[1.0, -2.0, 0.5, 3.0], [1000.0, -1000.0, 0.0, 2.0], [-0.5, -0.5, -0.5, -0.5]])
    save("act_input", z)
    save("act_sigmoid", f64(scipy.special.expit(z)))
    save("act_relu", np.maximum(z, 0.0))
    save("act_tanh", np.tanh(z))
    save("act_softmax_axis1", f64(scipy.special.softmax(z, axis=1)))
    log_sm = f64(scipy.special.log_softmax(z, axis=1))
    save("act_log_softmax_axis1", log_sm)

    # --- regression losses / metrics
    yt = f64([3.0, -0.5, 2.0, 7.0, 4.2])
    yp = f64([2.5, 0.0, 2.0, 8.0, 4.0])
    save("reg_y_true", yt)
    save("reg_y_pred", yp)
    save("loss_mse", f64(mean_squared_error(yt, yp)))
    save("loss_mae", f64(mean_absolute_error(yt, yp)))
    save("metric_r2", f64(r2_score(yt, yp)))

    # --- binary cross-entropy
    bl = f64([1, 0, 1, 1, 0, 0])
    bs = f64([2.0, -1.0, 0.3, 40.0, -40.0, 0.0])
    save("bce_labels", bl)
    save("bce_logits", bs)
    save("loss_bce_logits",
         f64(np.mean(np.maximum(bs, 0.0) - bs * bl + np.log1p(np.exp(-np.abs(bs))))))
    save("loss_bce_sklearn", f64(log_loss(bl.astype(np.int64), scipy.special.expit(bs))))

    # --- categorical cross-entropy
    cl = i64([3, 0, 2])
    save("cce_labels", cl)
    save("loss_cce_logits", f64(np.mean(-log_sm[np.arange(3), cl])))

    # --- classification metrics
    ct = i64([0, 1, 2, 2, 1, 0, 2, 1])
    cp = i64([0, 2, 2, 2, 1, 0, 1, 1])
    save("cls_y_true", ct)
    save("cls_y_pred", cp)
    save("metric_accuracy", f64(accuracy_score(ct, cp)))
    save("metric_confusion", i64(confusion_matrix(ct, cp)))

    # --- geometry on digits
    D = np.loadtxt(DATA / "digits.csv", delimiter=",")[:, :64]
    A = D[0:6] / 16.0
    B = D[6:10] / 16.0
    save("geo_A", A)
    save("geo_B", B)
    save("geo_cosine_AB", f64(cosine_similarity(A, B)))
    save("geo_euclid_AB", f64(euclidean_distances(A, B)))
    save("geo_euclid_AA", f64(euclidean_distances(A, A)))

    # --- one-hot
    oh = i64([0, 2, 1, 2])
    save("one_hot_labels", oh)
    save("one_hot", np.eye(3)[oh])

    with open(os.path.join(out, "meta.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(meta, f, indent=1, sort_keys=True)
        f.write("\n")
