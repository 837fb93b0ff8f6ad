//! `cargo run --release`: numox on the data bundled in the repository, writing a report into
//! `demo-output/`.

mod data;
mod foundation;
mod report;

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    match run() {
        Ok(path) => {
            println!("\nreport written to {}", path.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("demo failed: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<std::path::PathBuf, String> {
    let mut r = report::Report::new(Path::new("demo-output")).map_err(|e| e.to_string())?;
    let (x, y, names) = data::load_iris()?;
    foundation::run(&mut r, &x, &y, &names).map_err(|e| e.to_string())?;
    r.finish().map_err(|e| e.to_string())
}
