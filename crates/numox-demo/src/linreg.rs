//! Project 1: linear regression from scratch on the diabetes data, three ways (normal
//! equation, least squares, gradient descent on standardised features).

use crate::plot;
use crate::report::Report;
use crate::util::{f64s, fmt_list, load_table, max_abs_diff, progress, Res, Settings, Summary};
use numox::ml::{r2_score, train_test_split, StandardScaler};
use numox::{matmul, Array};

/// `[1 | x]`: the design matrix with an intercept column.
fn design(x: &Array) -> Res<Array> {
    let ones = Array::from_vec(vec![1.0f64; x.shape()[0]]).reshape(&[-1, 1])?;
    Ok(numox::concatenate(&[&ones, x], Some(1))?)
}

pub fn run(r: &mut Report, s: Settings) -> Res<Summary> {
    let mut sum = Summary::new("linreg");
    r.section("1. Linear regression from scratch (diabetes)");
    let x = load_table("diabetes_data_raw.csv", None, 0)?;
    let y = load_table("diabetes_target.csv", None, 0)?;
    let (xtr, xte, ytr, yte) = train_test_split(&x, &y, 0.2, 0)?;
    r.para(&format!(
        "{} patients, {} raw features; `train_test_split(x, y, 0.2, seed 0)`: {} train, {} test rows.",
        x.shape()[0],
        x.shape()[1],
        xtr.shape()[0],
        xte.shape()[0]
    ));
    let (dtr, dte) = (design(&xtr)?, design(&xte)?);

    // (a) normal equation, (b) least squares.
    let xtx = matmul(&dtr.t(), &dtr)?;
    let xty = matmul(&dtr.t(), &ytr)?;
    let w_ne = numox::linalg::solve(&xtx, &xty)?;
    let (w_ls, _, rank, _) = numox::linalg::lstsq(&dtr, &ytr, None)?;

    // (c) batch gradient descent with momentum on the MSE of standardised features.
    let mut scaler = StandardScaler::new();
    let ztr = design(&scaler.fit_transform(&xtr)?)?;
    let n = ztr.shape()[0] as f64;
    let epochs = if s.reduced { 1000 } else { 5000 };
    let (lr, beta) = (0.05, 0.9);
    let mut w = Array::zeros(&[ztr.shape()[1]], numox::DType::Float64)?;
    let mut v = w.copy();
    let mut losses = Vec::with_capacity(epochs);
    let zt = ztr.t();
    let pb = progress("linreg GD", epochs as u64, s.reduced)?;
    for epoch in 0..epochs {
        let resid = (matmul(&ztr, &w)? - &ytr)?;
        let loss = f64s(&numox::mean(&numox::square(&resid)?, None)?)?[0];
        losses.push(loss);
        let grad = numox::multiply(&matmul(&zt, &resid)?, 2.0 / n)?;
        v = (numox::multiply(&v, beta)? + &grad)?;
        w = (&w - numox::multiply(&v, lr)?)?;
        if epoch % 100 == 0 {
            pb.set_position(epoch as u64);
            pb.set_message(format!("mse {loss:.1}"));
        }
    }
    pb.finish_and_clear();
    // Back to the original scale: w_j / s_j, intercept w_0 - sum_j w_j mu_j / s_j.
    let mu = f64s(scaler.mean().ok_or("scaler not fitted")?)?;
    let sd = f64s(scaler.scale().ok_or("scaler not fitted")?)?;
    let wz = f64s(&w)?;
    let mut w_gd = vec![wz[0]];
    for j in 0..mu.len() {
        w_gd.push(wz[j + 1] / sd[j]);
        w_gd[0] -= wz[j + 1] * mu[j] / sd[j];
    }

    let (ne, ls) = (f64s(&w_ne)?, f64s(&w_ls)?);
    let d_ls = max_abs_diff(&ne, &ls);
    let d_gd = max_abs_diff(&ne, &w_gd);
    let scale = ne.iter().fold(0.0f64, |m, v| m.max(v.abs()));
    let rel_gd = d_gd / scale;
    r.code(
        "coefficients [intercept, age, sex, bmi, bp, s1..s6]",
        &format!(
            "normal equation: {}\nlstsq (rank {rank}):  {}\ngradient descent: {}",
            fmt_list(&ne, 4),
            fmt_list(&ls, 4),
            fmt_list(&w_gd, 4)
        ),
    );
    r.para(&format!(
        "Max |difference| normal equation vs lstsq: {d_ls:.3e}; vs gradient descent ({epochs} epochs, \
         lr {lr}, momentum {beta}): {d_gd:.3e} ({rel_gd:.2e} of the largest coefficient). \
         Final training MSE (GD): {:.2}.",
        losses.last().copied().unwrap_or(f64::NAN)
    ));
    let w_gd_arr = Array::from_vec(w_gd.clone());
    let pred_tr = matmul(&dtr, &w_ne)?;
    let pred_te = matmul(&dte, &w_ne)?;
    let r2_tr = r2_score(&ytr, &pred_tr)?;
    let r2_te = r2_score(&yte, &pred_te)?;
    let r2_te_gd = r2_score(&yte, &matmul(&dte, &w_gd_arr)?)?;
    r.para(&format!(
        "R²: train {r2_tr:.4}, test {r2_te:.4} (normal equation); test {r2_te_gd:.4} (gradient descent)."
    ));

    let loss_png = r.dir().join("linreg_loss.png");
    let shown = &losses[..losses.len().min(300)];
    plot::lines(
        &loss_png,
        "Diabetes: gradient descent training MSE",
        "epoch",
        "MSE",
        &[("train MSE", shown)],
        true,
    )?;
    r.image(
        &format!("gradient-descent loss (first {} epochs)", shown.len()),
        &loss_png,
    );
    let pva_png = r.dir().join("linreg_pred_vs_actual.png");
    plot::predicted_vs_actual(
        &pva_png,
        "Diabetes: predicted vs actual (test)",
        &f64s(&yte)?,
        &f64s(&pred_te)?,
    )?;
    r.image("predicted vs actual, test set", &pva_png);

    sum.metric("r2_train", r2_tr);
    sum.metric("r2_test", r2_te);
    sum.metric("max_diff_lstsq", d_ls);
    sum.metric("rel_diff_gd", rel_gd);
    sum.files.extend([loss_png, pva_png]);
    Ok(sum)
}
