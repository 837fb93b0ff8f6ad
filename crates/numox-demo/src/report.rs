//! The demo's report: a markdown file that each section appends to, echoed to the terminal.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Collects the report's markdown and writes it to `<dir>/report.md`.
pub struct Report {
    dir: PathBuf,
    text: String,
}

impl Report {
    /// A report that will be written into `dir` (created if missing).
    pub fn new(dir: &Path) -> std::io::Result<Report> {
        std::fs::create_dir_all(dir)?;
        Ok(Report {
            dir: dir.to_path_buf(),
            text: String::from("# numox demo report\n"),
        })
    }

    /// Starts a section.
    pub fn section(&mut self, title: &str) {
        println!("\n== {title} ==");
        let _ = write!(self.text, "\n## {title}\n\n");
    }

    /// A paragraph of prose.
    pub fn para(&mut self, s: &str) {
        println!("{s}");
        let _ = writeln!(self.text, "{s}\n");
    }

    /// A labelled code block (what numox printed).
    pub fn code(&mut self, label: &str, body: &str) {
        println!("{label}:\n{body}");
        let _ = writeln!(self.text, "{label}:\n\n```text\n{body}\n```\n");
    }

    /// Writes the report file and returns its path.
    pub fn finish(self) -> std::io::Result<PathBuf> {
        let path = self.dir.join("report.md");
        std::fs::write(&path, self.text)?;
        Ok(path)
    }
}
