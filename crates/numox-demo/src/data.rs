//! Loading the data bundled in the repository's `data/` folder.

use numox::Array;
use std::path::{Path, PathBuf};

/// The repository's `data/` folder, found from the working directory or the crate's location.
pub fn data_dir() -> PathBuf {
    let here = Path::new("data");
    if here.join("iris.csv").exists() {
        return here.to_path_buf();
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data")
}

/// Fisher's iris data: a (150, 4) float64 feature matrix, the (150,) int64 class labels and the
/// class names. The file's first line is `n_samples,n_features,names...`.
pub fn load_iris() -> Result<(Array, Array, Vec<String>), String> {
    let path = data_dir().join("iris.csv");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut lines = text.lines();
    let header: Vec<&str> = lines
        .next()
        .ok_or("iris.csv is empty")?
        .split(',')
        .collect();
    let n: usize = header[0].parse().map_err(|_| "bad iris header")?;
    let d: usize = header[1].parse().map_err(|_| "bad iris header")?;
    let names = header[2..].iter().map(|s| s.to_string()).collect();
    let mut x = Vec::with_capacity(n * d);
    let mut y = Vec::with_capacity(n);
    for line in lines.filter(|l| !l.trim().is_empty()) {
        let f: Vec<&str> = line.split(',').collect();
        if f.len() != d + 1 {
            return Err(format!("iris.csv: expected {} fields in {line:?}", d + 1));
        }
        for v in &f[..d] {
            x.push(
                v.trim()
                    .parse::<f64>()
                    .map_err(|e| format!("iris.csv: {e}"))?,
            );
        }
        y.push(
            f[d].trim()
                .parse::<i64>()
                .map_err(|e| format!("iris.csv: {e}"))?,
        );
    }
    let x = Array::from_shape_vec(&[n, d], x).map_err(|e| e.to_string())?;
    Ok((x, Array::from_vec(y), names))
}
