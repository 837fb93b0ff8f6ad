use std::hint::black_box;
use std::time::Instant;
fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .map(|s| s.parse().unwrap())
        .unwrap_or(100_000);
    let a = numox::Array::from_vec((0..n).map(|i| i as f64 * 0.5).collect::<Vec<_>>());
    let b = a.clone();
    let mut o = numox::Array::zeros(&[n], numox::DType::Float64).unwrap();
    for _ in 0..3 {
        let reps = 2000;
        let t = Instant::now();
        for _ in 0..reps {
            drop(black_box((black_box(&a) + black_box(&b)).unwrap()));
        }
        let x = t.elapsed().as_nanos() as f64 / reps as f64 / 1e3;
        let t = Instant::now();
        for _ in 0..reps {
            numox::add_out(black_box(&a), black_box(&b), &mut o).unwrap();
        }
        let y = t.elapsed().as_nanos() as f64 / reps as f64 / 1e3;
        let t = Instant::now();
        for _ in 0..reps {
            drop(black_box(
                numox::Array::zeros(&[n], numox::DType::Float64).unwrap(),
            ));
        }
        let z = t.elapsed().as_nanos() as f64 / reps as f64 / 1e3;
        println!("n={n} add {x:.1} us  add_out {y:.1} us  zeros {z:.1} us");
    }
}
