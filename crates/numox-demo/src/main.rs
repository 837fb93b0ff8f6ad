//! `cargo run --release`: numox on the data bundled in the repository: a foundation
//! walk-through and six small machine-learning projects, writing `out/report.md` and PNG plots
//! into `out/`.

mod data;
mod foundation;
mod image;
mod knn;
mod linreg;
mod logreg;
mod mlp;
mod normalise;
mod plot;
mod report;
mod util;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;
use util::{Res, Settings, Summary};

fn main() -> ExitCode {
    let start = Instant::now();
    match run_all(Path::new("out"), Settings { reduced: false }) {
        Ok((path, _)) => {
            println!(
                "\nreport written to {} in {:.2} s",
                path.display(),
                start.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("demo failed: {e}");
            ExitCode::FAILURE
        }
    }
}

type Project = fn(&mut report::Report, Settings) -> Res<Summary>;

/// Runs the foundation section and the six projects, writing the report into `dir`.
fn run_all(dir: &Path, settings: Settings) -> Res<(PathBuf, Vec<Summary>)> {
    let mut r = report::Report::new(dir)?;
    let (x, y, names) = data::load_iris()?;
    foundation::run(&mut r, &x, &y, &names)?;
    let projects: [Project; 6] = [
        linreg::run,
        normalise::run,
        mlp::run,
        knn::run,
        image::run,
        logreg::run,
    ];
    let mut summaries = Vec::new();
    let mut times = Vec::new();
    for p in projects {
        let t = Instant::now();
        summaries.push(p(&mut r, settings)?);
        times.push(t.elapsed().as_secs_f64());
    }
    r.section("Summary");
    let rows: Vec<Vec<String>> = summaries
        .iter()
        .zip(&times)
        .map(|(s, t)| {
            let m: Vec<String> = s
                .metrics
                .iter()
                .map(|(k, v)| format!("{k} = {}", fmt_metric(*v)))
                .collect();
            vec![
                s.project.to_string(),
                m.join(", "),
                s.files.len().to_string(),
                format!("{t:.2}"),
            ]
        })
        .collect();
    r.table(&["project", "metrics", "pictures", "seconds"], &rows);
    Ok((r.finish()?, summaries))
}

fn fmt_metric(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e9 {
        format!("{v:.0}")
    } else if v != 0.0 && (v.abs() < 1e-3 || v.abs() >= 1e4) {
        format!("{v:.2e}")
    } else {
        format!("{v:.4}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_projects_reduced() {
        let tmp = tempfile::tempdir().expect("temporary directory");
        let (report, sums) =
            run_all(tmp.path(), Settings { reduced: true }).expect("the demo runs");
        assert!(report.exists());
        let text = std::fs::read_to_string(&report).expect("report readable");
        for s in &sums {
            for f in &s.files {
                assert!(f.exists(), "{} did not write {}", s.project, f.display());
                assert!(std::fs::metadata(f).expect("metadata").len() > 100);
                let name = f.file_name().expect("file name").to_string_lossy();
                assert!(text.contains(&*name), "the report does not link {name}");
            }
        }
        let get = |p: &str, m: &str| {
            sums.iter()
                .find(|s| s.project == p)
                .map_or(f64::NAN, |s| s.get(m))
        };
        assert!(get("linreg", "r2_train") > 0.3);
        assert!(get("linreg", "r2_test") > 0.3);
        assert!(get("linreg", "max_diff_lstsq") < 1e-6);
        assert!(get("linreg", "rel_diff_gd") < 0.05);
        assert!(get("normalise", "nans_injected") > 0.0);
        assert_eq!(get("normalise", "nans_after_impute"), 0.0);
        assert!(get("normalise", "std_mean_err") < 1e-9);
        assert!(get("normalise", "std_std_err") < 1e-9);
        assert!(get("normalise", "minmax_err") < 1e-12);
        assert!(get("mlp", "grad_check_rel_err") < 1e-6);
        assert!(get("mlp", "test_accuracy") > 0.8);
        assert!(get("knn", "acc_k1") > 0.8);
        assert!(get("knn", "acc_k5") > 0.8);
        assert!(get("image", "std_mean_err") < 1e-9);
        assert!(get("image", "std_std_err") < 1e-9);
        assert!(get("logreg", "train_accuracy") > 0.9);
        assert!(get("logreg", "test_accuracy") > 0.9);
        assert_eq!(sums.len(), 6);
    }

    /// The bar: the MLP at the demo's full settings reaches 95% on digits' test split.
    #[test]
    fn mlp_full_settings_reaches_95_percent() {
        let tmp = tempfile::tempdir().expect("temporary directory");
        let mut r = report::Report::new(tmp.path()).expect("report");
        let s = mlp::run(&mut r, Settings { reduced: false }).expect("the MLP trains");
        let acc = s.get("test_accuracy");
        assert!(acc >= 0.95, "test accuracy {acc}");
        assert!(s.get("grad_check_rel_err") < 1e-6);
    }
}
