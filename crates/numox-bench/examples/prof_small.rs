use std::hint::black_box;
fn main() {
    let a = numox::Array::from_vec((0..10).map(|i| i as f64).collect::<Vec<_>>());
    let b = a.clone();
    let zeros = std::env::args().nth(1).is_some();
    for _ in 0..20_000_000 {
        if zeros {
            drop(black_box(
                numox::Array::zeros(&[10], numox::DType::Float64).unwrap(),
            ));
        } else {
            drop(black_box((black_box(&a) + black_box(&b)).unwrap()));
        }
    }
}
