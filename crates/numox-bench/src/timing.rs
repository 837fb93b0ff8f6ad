//! Timing: warm up, pick how many calls one sample spans, then take samples.
//!
//! `scripts/bench_numpy.py` times NumPy the same way, so the two sides compare like for like.

use std::time::{Duration, Instant};

use crate::cases::Bench;

/// How to sample one implementation of one case.
#[derive(Clone, Copy, Debug)]
pub struct Plan {
    /// Samples to take.
    pub samples: usize,
    /// A sample spans enough calls to last at least this long (fast operations are timed in a
    /// loop; an operation slower than this is timed call by call).
    pub min_sample: Duration,
}

/// How long to warm up an operation before sampling it (the NumPy runner does the same).
const WARM_UP: Duration = Duration::from_millis(100);

/// Warm up `op`, then return `plan.samples` samples, each the mean seconds per call over a loop.
pub fn measure(op: &mut Bench, plan: Plan) -> Vec<f64> {
    // Warm-up: the first call pays page faults, lazy initialisation and cold caches.
    op();
    let t = Instant::now();
    op();
    let once = t.elapsed().max(Duration::from_nanos(1));
    let calls = (plan.min_sample.as_secs_f64() / once.as_secs_f64()).ceil() as usize;
    let calls = calls.clamp(1, 10_000_000);
    // Warm up over whole samples for at least `WARM_UP`: a process's first large allocations and
    // page faults, and the threads' first wake-ups, settle over tens of milliseconds.
    let warm = Instant::now();
    loop {
        for _ in 0..calls {
            op();
        }
        if warm.elapsed() >= WARM_UP {
            break;
        }
    }
    (0..plan.samples)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..calls {
                op();
            }
            t.elapsed().as_secs_f64() / calls as f64
        })
        .collect()
}
