//! Project 3: a two-layer perceptron (64 -> 64 ReLU -> 10 softmax) on the digits, written with
//! matrix operations: forward pass, backpropagation by hand, mini-batch SGD with momentum.

use crate::plot;
use crate::report::Report;
use crate::util::{f64s, progress, scalar, Res, Settings, Summary};
use numox::ml::{
    accuracy, categorical_cross_entropy_with_logits, confusion_matrix, gradient_check, one_hot,
    relu, softmax, train_test_split,
};
use numox::{matmul, Array, TakeMode};

/// The digits: (1797, 64) pixels scaled to [0, 1] and (1797,) int64 labels.
pub fn load_digits() -> Res<(Array, Array)> {
    let t = crate::util::load_table("digits.csv", Some(","), 0)?;
    let (x, y) = crate::util::features_labels(&t, 64)?;
    Ok((numox::divide(&x, 16.0)?, y))
}

/// The network's parameters.
#[derive(Clone)]
struct Net {
    w1: Array,
    b1: Array,
    w2: Array,
    b2: Array,
}

/// What the forward pass keeps for the backward pass.
struct Cache {
    hpre: Array,
    h: Array,
    logits: Array,
}

fn forward(net: &Net, x: &Array) -> Res<Cache> {
    let hpre = (matmul(x, &net.w1)? + &net.b1)?;
    let h = relu(&hpre)?;
    let logits = (matmul(&h, &net.w2)? + &net.b2)?;
    Ok(Cache { hpre, h, logits })
}

/// Gradients of the mean cross-entropy with respect to (w1, b1, w2, b2).
fn backward(net: &Net, x: &Array, y: &Array, c: &Cache) -> Res<Net> {
    let n = x.shape()[0] as f64;
    let p = softmax(&c.logits, -1)?;
    let dlogits = numox::divide(&(p - one_hot(y, 10)?)?, n)?;
    let w2 = matmul(&c.h.t(), &dlogits)?;
    let b2 = numox::sum(&dlogits, 0)?;
    let dh = matmul(&dlogits, &net.w2.t())?;
    let dhpre = numox::multiply(&dh, &numox::greater(&c.hpre, 0.0)?)?;
    let w1 = matmul(&x.t(), &dhpre)?;
    let b1 = numox::sum(&dhpre, 0)?;
    Ok(Net { w1, b1, w2, b2 })
}

fn loss(net: &Net, x: &Array, y: &Array) -> Res<f64> {
    Ok(categorical_cross_entropy_with_logits(
        y,
        &forward(net, x)?.logits,
    )?)
}

fn predict(net: &Net, x: &Array) -> Res<Array> {
    Ok(numox::argmax(&forward(net, x)?.logits, 1)?)
}

pub fn run(r: &mut Report, s: Settings) -> Res<Summary> {
    let mut sum = Summary::new("mlp");
    r.section("3. A two-layer neural network by hand (digits)");
    let (x, y) = load_digits()?;
    let (xtr, xte, ytr, yte) = train_test_split(&x, &y, 0.2, 0)?;
    r.para(&format!(
        "{} images of 8x8 pixels (scaled by 1/16); {} train, {} test. Network 64 -> 64 (ReLU) -> 10 \
         (softmax), He-initialised with `default_rng(0)`.",
        x.shape()[0],
        xtr.shape()[0],
        xte.shape()[0]
    ));
    let mut rng = numox::random::default_rng(0u64)?;
    let hidden = 64;
    let mut net = Net {
        w1: numox::multiply(&rng.standard_normal(&[64, hidden])?, (2.0f64 / 64.0).sqrt())?,
        b1: Array::zeros(&[hidden], numox::DType::Float64)?,
        w2: numox::multiply(
            &rng.standard_normal(&[hidden, 10])?,
            (2.0 / hidden as f64).sqrt(),
        )?,
        b2: Array::zeros(&[10], numox::DType::Float64)?,
    };

    // Gradient check on a tiny batch, before training.
    let idx = Array::from_vec((0i64..8).collect::<Vec<_>>());
    let (xs, ys) = (
        numox::take(&xtr, &idx, Some(0), TakeMode::Raise)?,
        numox::take(&ytr, &idx, Some(0), TakeMode::Raise)?,
    );
    let g = backward(&net, &xs, &ys, &forward(&net, &xs)?)?;
    let mut worst = 0.0f64;
    let mut lines = Vec::new();
    for (name, analytic) in [("W1", &g.w1), ("b1", &g.b1), ("W2", &g.w2), ("b2", &g.b2)] {
        let base = net.clone();
        let theta = match name {
            "W1" => &base.w1,
            "b1" => &base.b1,
            "W2" => &base.w2,
            _ => &base.b2,
        };
        let f = |p: &Array| -> numox::Result<f64> {
            let mut n2 = base.clone();
            match name {
                "W1" => n2.w1 = p.clone(),
                "b1" => n2.b1 = p.clone(),
                "W2" => n2.w2 = p.clone(),
                _ => n2.b2 = p.clone(),
            }
            loss(&n2, &xs, &ys).map_err(|e| numox::Error::Value(e.0))
        };
        let chk = gradient_check(f, analytic, theta, 1e-5)?;
        worst = worst.max(chk.relative_error);
        lines.push(format!(
            "{name}: relative error {:.2e}, max |difference| {:.2e}",
            chk.relative_error, chk.max_abs_diff
        ));
    }
    r.code(
        "gradient_check (central differences, h = 1e-5, 8 samples)",
        &lines.join("\n"),
    );

    // Mini-batch SGD with momentum.
    let epochs = if s.reduced { 6 } else { 30 };
    let (lr, beta, bs) = (0.05, 0.9, 32usize);
    let zero = |a: &Array| {
        a.astype(numox::DType::Float64)
            .and_then(|b| numox::multiply(&b, 0.0))
    };
    let mut vel = Net {
        w1: zero(&net.w1)?,
        b1: zero(&net.b1)?,
        w2: zero(&net.w2)?,
        b2: zero(&net.b2)?,
    };
    let step = |p: &mut Array, v: &mut Array, g: &Array| -> Res<()> {
        *v = (numox::multiply(&*v, beta)? + g)?;
        *p = (&*p - numox::multiply(&*v, lr)?)?;
        Ok(())
    };
    let (mut train_loss, mut test_loss, mut test_acc) = (Vec::new(), Vec::new(), Vec::new());
    let pb = progress("MLP epochs", epochs as u64, s.reduced)?;
    for _ in 0..epochs {
        let perm = rng.permutation(xtr.shape()[0] as i64)?;
        let xp = numox::take(&xtr, &perm, Some(0), TakeMode::Raise)?;
        let yp = numox::take(&ytr, &perm, Some(0), TakeMode::Raise)?;
        for (xb, yb) in numox::ml::batches(&xp, bs)?.zip(numox::ml::batches(&yp, bs)?) {
            let c = forward(&net, &xb)?;
            let g = backward(&net, &xb, &yb, &c)?;
            step(&mut net.w1, &mut vel.w1, &g.w1)?;
            step(&mut net.b1, &mut vel.b1, &g.b1)?;
            step(&mut net.w2, &mut vel.w2, &g.w2)?;
            step(&mut net.b2, &mut vel.b2, &g.b2)?;
        }
        train_loss.push(loss(&net, &xtr, &ytr)?);
        test_loss.push(loss(&net, &xte, &yte)?);
        let acc = accuracy(&yte, &predict(&net, &xte)?)?;
        test_acc.push(acc);
        pb.set_message(format!("test acc {acc:.3}"));
        pb.inc(1);
    }
    pb.finish_and_clear();
    let pred_te = predict(&net, &xte)?;
    let acc_tr = accuracy(&ytr, &predict(&net, &xtr)?)?;
    let acc_te = accuracy(&yte, &pred_te)?;
    r.para(&format!(
        "{epochs} epochs of mini-batch SGD (batch {bs}, lr {lr}, momentum {beta}): train accuracy \
         {acc_tr:.4}, test accuracy {acc_te:.4}; final train loss {:.4}, test loss {:.4}.",
        train_loss.last().copied().unwrap_or(f64::NAN),
        test_loss.last().copied().unwrap_or(f64::NAN)
    ));
    let cm = confusion_matrix(&yte, &pred_te)?;
    r.code(
        "confusion matrix (rows: true digit, columns: predicted)",
        &format!("{cm:?}"),
    );
    let loss_png = r.dir().join("mlp_loss.png");
    plot::lines(
        &loss_png,
        "Digits MLP: cross-entropy per epoch",
        "epoch",
        "loss",
        &[("train", &train_loss), ("test", &test_loss)],
        true,
    )?;
    r.image("MLP loss curves", &loss_png);
    let k = cm.shape()[0];
    let cmv = f64s(&cm)?;
    let rows: Vec<Vec<f64>> = cmv.chunks(k.max(1)).map(<[f64]>::to_vec).collect();
    let cm_png = r.dir().join("mlp_confusion.png");
    plot::heatmap(&cm_png, "Digits MLP: confusion matrix (test)", &rows)?;
    r.image("confusion matrix heat map", &cm_png);
    let diag: f64 = (0..k).map(|i| cmv[i * k + i]).sum();
    r.para(&format!(
        "Diagonal of the confusion matrix: {diag} of {} test images.",
        scalar(&numox::sum(&cm, None::<isize>)?)?
    ));
    sum.metric("grad_check_rel_err", worst);
    sum.metric("train_accuracy", acc_tr);
    sum.metric("test_accuracy", acc_te);
    sum.files.extend([loss_png, cm_png]);
    Ok(sum)
}
