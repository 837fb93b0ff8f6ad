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

    /// The folder the report and its pictures go into.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// A markdown table (echoed to the terminal as aligned text).
    pub fn table(&mut self, header: &[&str], rows: &[Vec<String>]) {
        let mut widths: Vec<usize> = header.iter().map(|h| h.len()).collect();
        for r in rows {
            for (w, c) in widths.iter_mut().zip(r) {
                *w = (*w).max(c.len());
            }
        }
        let line = |cells: Vec<&str>| {
            let padded: Vec<String> = cells
                .iter()
                .zip(&widths)
                .map(|(c, w)| format!("{c:>w$}"))
                .collect();
            padded.join("  ")
        };
        println!("{}", line(header.to_vec()));
        for r in rows {
            println!("{}", line(r.iter().map(String::as_str).collect()));
        }
        let _ = writeln!(self.text, "| {} |", header.join(" | "));
        let _ = writeln!(self.text, "|{}", "---|".repeat(header.len()));
        for r in rows {
            let _ = writeln!(self.text, "| {} |", r.join(" | "));
        }
        self.text.push('\n');
    }

    /// A picture written into the report's folder, linked by its file name.
    pub fn image(&mut self, alt: &str, file: &Path) {
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        println!("[picture] {alt}: {name}");
        let _ = writeln!(self.text, "![{alt}]({name})\n");
    }

    /// Writes the report file and returns its path.
    pub fn finish(self) -> std::io::Result<PathBuf> {
        let path = self.dir.join("report.md");
        std::fs::write(&path, self.text)?;
        Ok(path)
    }
}
