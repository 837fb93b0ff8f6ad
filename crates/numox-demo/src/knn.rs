//! Project 4: nearest neighbours by cosine similarity on the digits (k = 1 and k = 5).

use crate::report::Report;
use crate::util::{f64s, Res, Settings, Summary};
use numox::ml::{accuracy, cosine_similarity, train_test_split};
use numox::{Array, TakeMode};

pub fn run(r: &mut Report, s: Settings) -> Res<Summary> {
    let mut sum = Summary::new("knn");
    r.section("4. Nearest neighbours by cosine similarity (digits)");
    let (x, y) = crate::mlp::load_digits()?;
    let (xtr, mut xte, ytr, mut yte) = train_test_split(&x, &y, 0.2, 0)?;
    if s.reduced {
        let idx = Array::from_vec((0i64..100).collect::<Vec<_>>());
        xte = numox::take(&xte, &idx, Some(0), TakeMode::Raise)?;
        yte = numox::take(&yte, &idx, Some(0), TakeMode::Raise)?;
    }
    let sim = cosine_similarity(&xte, &xtr)?;
    let (m, n) = (sim.shape()[0], sim.shape()[1]);
    r.para(&format!(
        "Cosine similarities of the {m} test images to the {n} training images: a ({m}, {n}) \
         matrix from one `cosine_similarity` call."
    ));
    let ytr_v = ytr.to_vec::<i64>()?;
    // k = 1: the argmax of each row.
    let nn1 = numox::argmax(&sim, 1)?.to_vec::<i64>()?;
    let pred1: Vec<i64> = nn1
        .iter()
        .map(|&j| ytr_v.get(j as usize).copied().unwrap_or(-1))
        .collect();
    // k = 5: the five most similar rows, majority vote (ties: the most similar neighbour's class).
    let order = numox::argsort(&numox::negative(&sim)?, Some(-1), numox::SortKind::Stable)?;
    let order = order.slice_axis(1, None, Some(5), 1)?.to_vec::<i64>()?;
    let pred5: Vec<i64> = order
        .chunks(5)
        .map(|nb| {
            let mut votes = [0usize; 10];
            let classes: Vec<i64> = nb
                .iter()
                .map(|&j| ytr_v.get(j as usize).copied().unwrap_or(-1))
                .collect();
            for &c in &classes {
                if (0..10).contains(&c) {
                    votes[c as usize] += 1;
                }
            }
            let best = votes.iter().copied().max().unwrap_or(0);
            classes
                .iter()
                .copied()
                .find(|&c| (0..10).contains(&c) && votes[c as usize] == best)
                .unwrap_or(-1)
        })
        .collect();
    let acc1 = accuracy(&yte, &Array::from_vec(pred1))?;
    let acc5 = accuracy(&yte, &Array::from_vec(pred5))?;
    let best_sim = f64s(&numox::max(&sim, 1)?)?;
    let mean_best = best_sim.iter().sum::<f64>() / best_sim.len().max(1) as f64;
    r.para(&format!(
        "k-NN accuracy on the test images: k = 1: {acc1:.4}, k = 5 (majority vote): {acc5:.4}. \
         Mean similarity to the nearest training image: {mean_best:.4}."
    ));
    sum.metric("acc_k1", acc1);
    sum.metric("acc_k5", acc5);
    Ok(sum)
}
