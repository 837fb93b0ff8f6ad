//! A bounded fuzz run of the `.npy` header parser and the `.npy`/`.npz` readers: seeded
//! mutations (bit flips, byte changes, insertions, deletions, truncations, spliced numbers and
//! header text) of valid and malformed files. Every call must return, `Ok` or `Err`, without a
//! panic, and without heap allocations beyond a small multiple of the input's size: a lying
//! header must not make numox set memory aside for what it claims.
//!
//! `NUMOX_FUZZ_ITERS` sets the number of mutated inputs (default 6000); the seed is fixed, so a
//! failure reproduces.

use numox::io;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// Counts live heap bytes and their peak, to bound what one call allocates.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: defers to the system allocator; only counts.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let now = LIVE.fetch_add(l.size(), Ordering::Relaxed) + l.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        // SAFETY: forwarded unchanged.
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size(), Ordering::Relaxed);
        // SAFETY: forwarded unchanged.
        unsafe { System.dealloc(p, l) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// One test at a time measures the peak (the test harness runs tests on threads).
static MEASURE: Mutex<()> = Mutex::new(());

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // splitmix64
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Text that makes parsers work: numbers at the edges, brackets, quotes, keys.
const TOKENS: &[&[u8]] = &[
    b"4294967296",
    b"18446744073709551615",
    b"9223372036854775807",
    b"-1",
    b"0",
    b"(",
    b")",
    b"[",
    b"{",
    b"}",
    b"'",
    b"\"",
    b",",
    b"L",
    b"'descr'",
    b"'shape'",
    b"'fortran_order'",
    b"True",
    b"'<f8'",
    b"'>c16'",
    b"'|O'",
    b"\xff\xff\xff\xff",
    b"PK\x03\x04",
    b"PK\x05\x06",
    b"\x93NUMPY",
];

fn mutate(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    let mut v = seed.to_vec();
    for _ in 0..1 + rng.below(4) {
        let len = v.len();
        match rng.below(7) {
            0 if len > 0 => {
                let i = rng.below(len);
                v[i] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let i = rng.below(len);
                v[i] = rng.next() as u8;
            }
            2 => {
                let i = rng.below(len + 1);
                let t = TOKENS[rng.below(TOKENS.len())];
                v.splice(i..i, t.iter().copied());
            }
            3 if len > 0 => {
                let i = rng.below(len);
                let n = rng.below(16).min(len - i);
                v.drain(i..i + n);
            }
            4 => v.truncate(rng.below(len + 1)),
            5 if len > 0 => {
                // Overwrite a run with a token (keeps the length, so offsets stay plausible).
                let t = TOKENS[rng.below(TOKENS.len())];
                let i = rng.below(len);
                for (k, &b) in t.iter().enumerate() {
                    if i + k < len {
                        v[i + k] = b;
                    }
                }
            }
            _ => {
                // A little-endian length field rewritten (the 2- or 4-byte header length, or a
                // zip size/offset).
                if len >= 12 {
                    let i = rng.below(len - 4);
                    v[i..i + 4].copy_from_slice(&(rng.next() as u32).to_le_bytes());
                }
            }
        }
    }
    v
}

fn seeds() -> Vec<Vec<u8>> {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/io_npy");
    let mut out = Vec::new();
    for sub in ["roundtrip", "malformed"] {
        let mut names: Vec<_> = std::fs::read_dir(dir.join(sub))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "npy" || x == "npz"))
            .collect();
        names.sort();
        out.extend(names.iter().map(|p| std::fs::read(p).unwrap()));
    }
    out.push(std::fs::read(dir.join("stored.npz")).unwrap());
    let mut z = Vec::new();
    io::write_npy_to(&mut z, &numox::array![[1.5f32, 2.0], [3.0, 4.0]]).unwrap();
    out.push(z);
    out
}

/// Runs every reader on `bytes`; returns whether any of them accepted it.
fn run_readers(bytes: &[u8], path: &std::path::Path) -> bool {
    let mut ok = io::read_npy_from(bytes).is_ok();
    std::fs::write(path, bytes).unwrap();
    ok |= io::read_npy(path).is_ok();
    if let Ok(l) = io::load(path) {
        ok = true;
        if let io::Loaded::Npz(z) = l {
            for k in z.files() {
                let _ = z.get(k);
            }
        }
    }
    if let Ok(a) = io::open_memmap(path, io::MmapMode::ReadOnly) {
        ok = true;
        let _ = a.sum(None);
    }
    ok
}

#[test]
fn fuzz_npy_and_npz_readers() {
    let _guard = MEASURE.lock().unwrap_or_else(|e| e.into_inner());
    let iters: usize = std::env::var("NUMOX_FUZZ_ITERS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(6000);
    let seeds = seeds();
    assert!(seeds.len() > 90);
    let path = std::env::temp_dir().join(format!("numox-fuzz-{}.bin", std::process::id()));
    let mut rng = Rng(0x005E_ED0F_F022);
    let mut accepted = 0;
    for it in 0..iters {
        let seed = &seeds[rng.below(seeds.len())];
        let input = mutate(&mut rng, seed);
        let base = LIVE.load(Ordering::Relaxed);
        PEAK.store(base, Ordering::Relaxed);
        let r = std::panic::catch_unwind(|| run_readers(&input, &path));
        let Ok(ok) = r else {
            std::fs::write(std::env::temp_dir().join("numox-fuzz-crash.bin"), &input).unwrap();
            panic!("iteration {it}: a reader panicked (input saved as numox-fuzz-crash.bin)");
        };
        accepted += ok as usize;
        let extra = PEAK.load(Ordering::Relaxed).saturating_sub(base);
        assert!(
            extra <= 8 * input.len() + (1 << 20),
            "iteration {it}: {extra} heap bytes for a {}-byte input",
            input.len()
        );
    }
    std::fs::remove_file(&path).ok();
    // Some mutations leave files valid; most do not.
    assert!(
        accepted > 0 && accepted < iters,
        "{accepted} of {iters} accepted"
    );
}

#[test]
fn header_parser_survives_random_text() {
    let _guard = MEASURE.lock().unwrap_or_else(|e| e.into_inner());
    let mut rng = Rng(42);
    let base: &[u8] = b"{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }";
    for _ in 0..20_000 {
        let mut h = mutate(&mut rng, base);
        h.truncate(200);
        let mut bytes = b"\x93NUMPY\x01\x00".to_vec();
        bytes.extend((h.len() as u16).to_le_bytes());
        bytes.extend(&h);
        bytes.extend([0u8; 48]);
        let r = std::panic::catch_unwind(|| io::read_npy_from(&bytes[..]).map(|a| a.size()));
        assert!(
            r.is_ok(),
            "panic on header {:?}",
            String::from_utf8_lossy(&h)
        );
    }
}
