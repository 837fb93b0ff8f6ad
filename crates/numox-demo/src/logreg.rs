//! Project 6: logistic regression on the breast-cancer data: standardised features, binary
//! cross-entropy from logits, batch gradient descent.

use crate::plot;
use crate::report::Report;
use crate::util::{f64s, features_labels, load_table, progress, scalar, Res, Settings, Summary};
use numox::ml::{
    accuracy, binary_cross_entropy_with_logits, sigmoid, train_test_split, StandardScaler,
};
use numox::{matmul, Array, DType};

fn accuracy_of(x: &Array, w: &Array, b: f64, y: &Array) -> Res<f64> {
    let logits = numox::add(&matmul(x, w)?, b)?;
    let pred = numox::greater(&logits, 0.0)?.astype(DType::Int64)?;
    Ok(accuracy(y, &pred)?)
}

pub fn run(r: &mut Report, s: Settings) -> Res<Summary> {
    let mut sum = Summary::new("logreg");
    r.section("6. Logistic regression (breast cancer)");
    let t = load_table("breast_cancer.csv", Some(","), 1)?;
    let (x, y) = features_labels(&t, 30)?;
    let (xtr, xte, ytr, yte) = train_test_split(&x, &y, 0.2, 0)?;
    let mut scaler = StandardScaler::new();
    let ztr = scaler.fit_transform(&xtr)?;
    let zte = scaler.transform(&xte)?;
    let ytr_f = ytr.astype(DType::Float64)?;
    let yte_f = yte.astype(DType::Float64)?;
    r.para(&format!(
        "{} tumours, {} features, standardised with the training rows' mean and std; {} train, {} test.",
        x.shape()[0],
        x.shape()[1],
        xtr.shape()[0],
        xte.shape()[0]
    ));
    let epochs = if s.reduced { 100 } else { 1000 };
    let lr = 0.5;
    let n = ztr.shape()[0] as f64;
    let mut w = Array::zeros(&[ztr.shape()[1]], DType::Float64)?;
    let mut b = 0.0f64;
    let (mut train_loss, mut test_loss) = (Vec::new(), Vec::new());
    let zt = ztr.t();
    let pb = progress("logreg GD", epochs as u64, s.reduced)?;
    for epoch in 0..epochs {
        let logits = numox::add(&matmul(&ztr, &w)?, b)?;
        let l = binary_cross_entropy_with_logits(&ytr_f, &logits)?;
        train_loss.push(l);
        test_loss.push(binary_cross_entropy_with_logits(
            &yte_f,
            &numox::add(&matmul(&zte, &w)?, b)?,
        )?);
        let err = (sigmoid(&logits)? - &ytr_f)?;
        let gw = numox::divide(&matmul(&zt, &err)?, n)?;
        let gb = scalar(&numox::mean(&err, None::<isize>)?)?;
        w = (&w - numox::multiply(&gw, lr)?)?;
        b -= lr * gb;
        if epoch % 20 == 0 {
            pb.set_position(epoch as u64);
            pb.set_message(format!("loss {l:.4}"));
        }
    }
    pb.finish_and_clear();
    let acc_tr = accuracy_of(&ztr, &w, b, &ytr)?;
    let acc_te = accuracy_of(&zte, &w, b, &yte)?;
    r.para(&format!(
        "{epochs} epochs of gradient descent (lr {lr}): final train loss {:.4}, test loss {:.4}; \
         train accuracy {acc_tr:.4}, test accuracy {acc_te:.4}.",
        train_loss.last().copied().unwrap_or(f64::NAN),
        test_loss.last().copied().unwrap_or(f64::NAN)
    ));
    // The largest weights (standardised features).
    let wv = f64s(&w)?;
    let mut order: Vec<usize> = (0..wv.len()).collect();
    order.sort_by(|&i, &j| wv[j].abs().total_cmp(&wv[i].abs()));
    let top: Vec<String> = order
        .iter()
        .take(5)
        .map(|&j| format!("feature {j}: {:+.3}", wv[j]))
        .collect();
    r.para(&format!(
        "Largest weights (negative: towards malignant): {}.",
        top.join(", ")
    ));
    let png = r.dir().join("logreg_loss.png");
    plot::lines(
        &png,
        "Breast cancer: binary cross-entropy per epoch",
        "epoch",
        "loss",
        &[("train", &train_loss), ("test", &test_loss)],
        true,
    )?;
    r.image("logistic regression loss curves", &png);
    sum.metric("train_accuracy", acc_tr);
    sum.metric("test_accuracy", acc_te);
    sum.files.push(png);
    Ok(sum)
}
