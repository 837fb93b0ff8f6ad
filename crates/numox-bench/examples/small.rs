use std::hint::black_box;
use std::time::Instant;
fn main() {
    let a = numox::Array::from_vec((0..10).map(|i| i as f64).collect::<Vec<_>>());
    let b = a.clone();
    let na = ndarray::Array1::from_iter((0..10).map(|i| i as f64));
    let nb = na.clone();
    for _ in 0..3 {
        let t = Instant::now();
        for _ in 0..1_000_000 {
            drop(black_box((black_box(&a) + black_box(&b)).unwrap()));
        }
        let x = t.elapsed().as_nanos() as f64 / 1e6;
        let t = Instant::now();
        for _ in 0..1_000_000 {
            drop(black_box(black_box(&na) + black_box(&nb)));
        }
        let y = t.elapsed().as_nanos() as f64 / 1e6;
        let t = Instant::now();
        for _ in 0..1_000_000 {
            drop(black_box(
                numox::Array::zeros(&[10], numox::DType::Float64).unwrap(),
            ));
        }
        let z = t.elapsed().as_nanos() as f64 / 1e6;
        println!("numox add {x:.0} ns  ndarray add {y:.0} ns  numox zeros {z:.0} ns");
    }
}
