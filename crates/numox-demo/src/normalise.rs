//! Project 2: missing values and scaling on the wine data: NaNs injected with a seeded mask,
//! mean imputation, then min-max and standard scaling, with column statistics at each step.

use crate::report::Report;
use crate::util::{f64s, features_labels, load_table, Res, Settings, Summary};
use numox::ml::{impute_mean, MinMaxScaler, StandardScaler};
use numox::Array;

const NAMES: [&str; 13] = [
    "alcohol",
    "malic acid",
    "ash",
    "alcalinity",
    "magnesium",
    "phenols",
    "flavanoids",
    "nonflav. phenols",
    "proanthocyanins",
    "colour",
    "hue",
    "OD280/OD315",
    "proline",
];

/// Per-column (min, max, mean, std, NaN count), NaNs ignored in the statistics.
struct Stats {
    min: Vec<f64>,
    max: Vec<f64>,
    mean: Vec<f64>,
    std: Vec<f64>,
    nans: Vec<f64>,
}

fn stats(x: &Array) -> Res<Stats> {
    Ok(Stats {
        min: f64s(&numox::nanmin(x, 0)?)?,
        max: f64s(&numox::nanmax(x, 0)?)?,
        mean: f64s(&numox::nanmean(x, 0)?)?,
        std: f64s(&numox::nanstd(x, 0, 0)?)?,
        nans: f64s(&numox::count_nonzero_axis(&numox::isnan(x)?, 0)?)?,
    })
}

fn table(r: &mut Report, title: &str, st: &Stats) {
    r.para(&format!("**{title}**"));
    let rows: Vec<Vec<String>> = (0..st.min.len())
        .map(|j| {
            vec![
                NAMES.get(j).map_or(format!("col {j}"), |s| s.to_string()),
                format!("{:.4}", st.min[j]),
                format!("{:.4}", st.max[j]),
                format!("{:.4}", st.mean[j]),
                format!("{:.4}", st.std[j]),
                format!("{}", st.nans[j]),
            ]
        })
        .collect();
    r.table(&["feature", "min", "max", "mean", "std", "NaNs"], &rows);
}

pub fn run(r: &mut Report, _s: Settings) -> Res<Summary> {
    let mut sum = Summary::new("normalise");
    r.section("2. Missing values and scaling (wine)");
    let t = load_table("wine_data.csv", Some(","), 1)?;
    let (x, _) = features_labels(&t, 13)?;
    let mask = numox::less(&numox::random::default_rng(1u64)?.random(x.shape())?, 0.05)?;
    let injected = numox::count_nonzero(&mask);
    let xn = numox::where_(&mask, f64::NAN, &x)?;
    r.para(&format!(
        "{} wines x {} features. Mask `default_rng(1).random(shape) < 0.05` turned {injected} of {} \
         values into NaN.",
        x.shape()[0],
        x.shape()[1],
        x.size()
    ));
    let raw = stats(&xn)?;
    table(r, "with NaNs (statistics ignore them)", &raw);
    let (xi, fill) = impute_mean(&xn)?;
    r.para(&format!(
        "Imputed with the column means (`impute_mean`): {}.",
        crate::util::fmt_list(&f64s(&fill)?, 3)
    ));
    let imp = stats(&xi)?;
    table(r, "after mean imputation", &imp);
    let mm = MinMaxScaler::new().fit_transform(&xi)?;
    let mms = stats(&mm)?;
    table(r, "after MinMaxScaler", &mms);
    let st = StandardScaler::new().fit_transform(&xi)?;
    let sts = stats(&st)?;
    table(r, "after StandardScaler", &sts);

    let worst = |v: &[f64], target: f64| v.iter().map(|a| (a - target).abs()).fold(0.0, f64::max);
    let nan_after: f64 = imp.nans.iter().sum();
    r.para(&format!(
        "Checks: NaNs left after imputation {nan_after}; min-max range: max |min - 0| = {:.2e}, \
         max |max - 1| = {:.2e}; standardised: max |mean| = {:.2e}, max |std - 1| = {:.2e}.",
        worst(&mms.min, 0.0),
        worst(&mms.max, 1.0),
        worst(&sts.mean, 0.0),
        worst(&sts.std, 1.0)
    ));
    sum.metric("nans_injected", injected as f64);
    sum.metric("nans_after_impute", nan_after);
    sum.metric("std_mean_err", worst(&sts.mean, 0.0));
    sum.metric("std_std_err", worst(&sts.std, 1.0));
    sum.metric("minmax_err", worst(&mms.min, 0.0).max(worst(&mms.max, 1.0)));
    Ok(sum)
}
