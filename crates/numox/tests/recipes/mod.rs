//! Helpers shared by the golden tests that replay view recipes (views.rs, manip.rs).

use numox::Array;

/// Comma-separated numbers (empty items skipped).
pub fn nums<T: std::str::FromStr>(s: &str) -> Vec<T>
where
    T::Err: std::fmt::Debug,
{
    s.split(',')
        .filter(|x| !x.is_empty())
        .map(|x| x.parse().unwrap())
        .collect()
}

/// Applies a view recipe of scripts/golden/views.py: space-separated ops `T` (transpose),
/// `p:axes`, `s:axis:start:stop:step`, `i:axis:index`, `r:shape`, `b:shape`.
pub fn apply(mut a: Array, recipe: &str) -> Array {
    for op in recipe.split_whitespace() {
        let p: Vec<&str> = op.split(':').collect();
        let opt = |s: &str| {
            if s.is_empty() {
                None
            } else {
                Some(s.parse::<isize>().unwrap())
            }
        };
        a = match p[0] {
            "T" => a.t(),
            "p" => a.permute_axes(&nums::<isize>(p[1])).unwrap(),
            "s" => {
                let step = opt(p[4]).unwrap_or(1);
                a.slice_axis(p[1].parse().unwrap(), opt(p[2]), opt(p[3]), step)
                    .unwrap()
            }
            "i" => a
                .index_axis(p[1].parse().unwrap(), p[2].parse().unwrap())
                .unwrap(),
            "r" => a.reshape(&nums::<isize>(p[1])).unwrap(),
            "b" => a.broadcast_to(&nums::<usize>(p[1])).unwrap(),
            other => panic!("unknown op {other}"),
        };
    }
    a
}
