//! A memory-mapped `.npy` file larger than half of this machine's memory, created, written and
//! summed chunk by chunk without holding it in memory.
//!
//! ```sh
//! cargo run --release -p numox --example memmap_large -- [GIB] [DIR]
//! ```
//! GIB defaults to 60% of the machine's memory; DIR to the temporary directory. The file is
//! removed at the end. Prints the sizes, the times, the sum (checked against its closed form) and
//! the process's peak anonymous memory (its own, not the page cache) and peak resident memory.

use numox::io::{create_memmap, flush_memmap, open_memmap, MmapMode};
use numox::{DType, Order};
use std::time::Instant;

fn meminfo_kib(key: &str) -> Option<u64> {
    let text = std::fs::read_to_string("/proc/meminfo").ok()?;
    let line = text.lines().find(|l| l.starts_with(key))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// A field of /proc/self/status in KiB (Linux only).
fn status_kib(key: &str) -> Option<u64> {
    let text = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = text.lines().find(|l| l.starts_with(key))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() -> numox::Result<()> {
    let mut args = std::env::args().skip(1);
    let ram_gib = meminfo_kib("MemTotal:").unwrap_or(8 << 20) as f64 / (1 << 20) as f64;
    let gib: f64 = args
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0.6 * ram_gib);
    let dir = args
        .next()
        .map(Into::into)
        .unwrap_or_else(std::env::temp_dir);
    let path = dir.join(format!("numox-memmap-large-{}.npy", std::process::id()));
    const COLS: usize = 1 << 16; // one row = 512 KiB of float64
    let rows = ((gib * (1u64 << 30) as f64) / (COLS * 8) as f64) as usize;
    let chunk = 256; // rows per chunk: 128 MiB
                     // The process's own (anonymous) memory, sampled after every chunk: the file's pages are page
                     // cache, which the kernel writes back and drops as it needs to.
    let mut peak_anon = 0u64;
    let mut sample = || peak_anon = peak_anon.max(status_kib("RssAnon:").unwrap_or(0));
    println!(
        "memory {ram_gib:.1} GiB; file {:.1} GiB ({rows} x {COLS} float64) at {}",
        (rows * COLS * 8) as f64 / (1u64 << 30) as f64,
        path.display()
    );

    let t = Instant::now();
    let mut m = create_memmap(&path, DType::Float64, &[rows, COLS], Order::C)?;
    for start in (0..rows).step_by(chunk) {
        let end = (start + chunk).min(rows);
        // Row r holds the value r everywhere.
        let block = numox::creation::arange(start as f64, end as f64, 1.0)?
            .reshape(&[(end - start) as isize, 1])?;
        m.view_mut()?
            .slice_axis(0, Some(start as isize), Some(end as isize), 1)?
            .assign(&numox::s![..], &block)?;
        if (start / chunk) % 16 == 15 {
            flush_memmap(&m)?;
        }
        sample();
    }
    flush_memmap(&m)?;
    drop(m);
    println!("written in {:.1} s", t.elapsed().as_secs_f64());

    let t = Instant::now();
    let r = open_memmap(&path, MmapMode::ReadOnly)?;
    let mut total = 0.0;
    for start in (0..rows).step_by(chunk) {
        let end = (start + chunk).min(rows);
        let part = r.slice_axis(0, Some(start as isize), Some(end as isize), 1)?;
        total += part.sum(None)?.item_as::<f64>()?;
        sample();
    }
    drop(r);
    let expect = COLS as f64 * (rows as f64 - 1.0) * rows as f64 / 2.0;
    println!(
        "summed in {:.1} s: {total:e} (closed form {expect:e}, {})",
        t.elapsed().as_secs_f64(),
        if total == expect {
            "equal"
        } else {
            "DIFFERENT"
        }
    );
    println!(
        "peak anonymous memory {peak_anon} KiB; peak resident {:.2} GiB (the file's clean \
         page-cache pages count while mapped; the kernel drops them when memory is needed)",
        status_kib("VmHWM:").unwrap_or(0) as f64 / (1 << 20) as f64
    );
    std::fs::remove_file(&path).ok();
    Ok(())
}
