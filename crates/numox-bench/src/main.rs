//! The Rust side of `scripts/bench`: runs the cases of [`cases::CASES`] for numox and the ndarray
//! crate and prints one machine-readable, tab-separated line per result.
//!
//! ```text
//! numox-bench list
//!     CASE <name> <bytes> <numox: run|pending|absent> <ndarray: run|pending|absent> <note>
//! numox-bench run [--filter SUBSTRING] [--cases a,b,...] [--samples K] [--min-sample-ms MS] [--round R]
//!     SAMPLE <case> <impl> <seconds per call>      (K lines per case and implementation)
//!     SKIP   <case> <impl> <reason>                (pending implementations)
//! ```
//! `--round R` only alternates which implementation of a case runs first (odd rounds: numox).
//! The driver (`scripts/bench_drive.py`) alternates this runner with the NumPy runner per round
//! and reports the medians.

mod cases;
mod cases_io;
mod cases_linalg;
mod cases_npy;
mod cases_random;
mod cases_rng;
mod timing;

use std::process::ExitCode;
use std::time::Duration;

use cases::Impl;
use timing::Plan;

fn main() -> ExitCode {
    match cli(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("numox-bench: {msg}");
            ExitCode::from(2)
        }
    }
}

fn cli(args: Vec<String>) -> Result<(), String> {
    let mut it = args.into_iter();
    let command = it.next().unwrap_or_default();
    let mut filter = None;
    let mut names: Option<Vec<String>> = None;
    let mut plan = Plan {
        samples: 5,
        min_sample: Duration::from_millis(10),
    };
    let mut round = 0usize;
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--filter" => filter = Some(value()?),
            "--cases" => names = Some(value()?.split(',').map(str::to_owned).collect()),
            "--samples" => plan.samples = number(&value()?)?,
            "--min-sample-ms" => plan.min_sample = Duration::from_millis(number(&value()?)? as u64),
            "--round" => round = number(&value()?)?,
            _ => return Err(format!("unknown argument {flag}")),
        }
    }
    let mut selected = cases::select(filter.as_deref());
    if let Some(names) = &names {
        if let Some(bad) = names.iter().find(|n| !cases::all().any(|c| c.name == **n)) {
            return Err(format!("unknown case {bad}"));
        }
        selected.retain(|c| names.iter().any(|n| n == c.name));
    }
    match command.as_str() {
        "list" => {
            for case in selected {
                let [(_, ndarray), (_, numox)] = case.impls();
                let note = match numox {
                    Impl::Pending(why) => format!("numox: not yet available: {why}"),
                    _ => String::new(),
                };
                println!(
                    "CASE\t{}\t{}\t{}\t{}\t{note}",
                    case.name,
                    case.bytes,
                    state(numox),
                    state(ndarray)
                );
            }
            Ok(())
        }
        "run" => {
            for case in selected {
                let mut impls = case.impls();
                if round % 2 == 1 {
                    impls.reverse();
                }
                for (who, imp) in impls {
                    match imp {
                        Impl::Run(setup) => {
                            let mut op = setup();
                            for s in timing::measure(&mut op, plan) {
                                println!("SAMPLE\t{}\t{who}\t{s:.6e}", case.name);
                            }
                        }
                        Impl::Pending(why) => {
                            println!("SKIP\t{}\t{who}\tnot yet available: {why}", case.name)
                        }
                        Impl::Absent => {}
                    }
                }
            }
            Ok(())
        }
        _ => Err(
            "usage: numox-bench list|run [--filter S] [--cases a,b] [--samples K] \
                  [--min-sample-ms MS] [--round R]"
                .into(),
        ),
    }
}

fn state(imp: Impl) -> &'static str {
    match imp {
        Impl::Run(_) => "run",
        Impl::Pending(_) => "pending",
        Impl::Absent => "absent",
    }
}

fn number(s: &str) -> Result<usize, String> {
    s.parse().map_err(|_| format!("not a number: {s}"))
}
