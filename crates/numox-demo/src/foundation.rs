//! The foundation walk-through: building arrays, their attributes, views and printing, on the
//! iris measurements.

use crate::report::Report;
use numox::{array, Array, DType, Order};

pub fn run(r: &mut Report, x: &Array, y: &Array, names: &[String]) -> numox::Result<()> {
    r.section("Arrays, attributes and views (iris measurements)");
    r.para(&format!(
        "Loaded {} flowers with {} measurements each; classes: {}.",
        x.shape()[0],
        x.shape()[1],
        names.join(", ")
    ));
    r.code(
        "x: shape, ndim, size, dtype, itemsize, nbytes, strides",
        &format!(
            "shape={:?} ndim={} size={} dtype={} itemsize={} nbytes={} strides={:?}",
            x.shape(),
            x.ndim(),
            x.size(),
            x.dtype(),
            x.itemsize(),
            x.nbytes(),
            x.strides()
        ),
    );
    let head = x.slice_axis(0, None, Some(5), 1)?;
    r.code("x[:5]", &format!("{head:?}"));
    let t = head.t();
    r.code(
        "x[:5].T (a view: no copy)",
        &format!(
            "{t:?}\nstrides={:?} C-contiguous={} F-contiguous={}",
            t.strides(),
            t.is_c_contiguous(),
            t.is_f_contiguous()
        ),
    );
    let rev = x.slice_axis(0, None, None, -50)?;
    r.code(
        "x[::-50] (negative stride)",
        &format!("{rev:?}\nstrides={:?}", rev.strides()),
    );
    let petal = x.index_axis(1, 2)?;
    let v = petal.to_vec::<f64>()?;
    let mean = v.iter().sum::<f64>() / v.len() as f64;
    r.para(&format!(
        "Mean petal length (column 2, a strided view): {mean:.4} cm."
    ));
    let labels = y.to_vec::<i64>()?;
    let counts: Vec<usize> = (0..names.len() as i64)
        .map(|c| labels.iter().filter(|&&l| l == c).count())
        .collect();
    r.para(&format!("Flowers per class: {counts:?}."));

    r.section("Creation, casting and printing");
    let grid = numox::arange(0, 12, 1)?.reshape(&[3, 4])?;
    r.code("arange(12).reshape(3, 4)", &format!("{grid:?}"));
    let (xs, step) = numox::linspace_retstep(0.0, 1.0, 5, numox::creation::LinspaceOpts::new())?;
    r.code(
        "linspace(0, 1, 5, retstep=True)",
        &format!(
            "{xs:?}
step={step}"
        ),
    );
    r.code(
        "eye(3, k=1)",
        &format!(
            "{:?}",
            numox::eye_with(3, numox::creation::MatrixOpts::new().k(1))?
        ),
    );
    r.code(
        "logspace(0, 3, 4)",
        &format!("{:?}", numox::logspace(0.0, 3.0, 4)?),
    );
    let x32 = x.astype(DType::Float32)?;
    r.code(
        "x.astype(float32)[:3] (NumPy's casting)",
        &format!("{:?}", x32.slice_axis(0, None, Some(3), 1)?),
    );
    let ix = x.astype(DType::Int32)?.slice_axis(0, None, Some(3), 1)?;
    r.code(
        "x.astype(int32)[:3] (truncates toward zero)",
        &format!("{ix:?}"),
    );
    r.code(
        "promote_types(int8, uint8), promote_types(float16, int16)",
        &format!(
            "{} {}",
            numox::promote::promote_types(DType::Int8, DType::UInt8)?,
            numox::promote::promote_types(DType::Float16, DType::Int16)?
        ),
    );
    let big = numox::arange(0.0, 2000.0, 1.0)?.reshape(&[40, 50])?;
    r.code(
        "a 40x50 array is summarised (threshold 1000, edgeitems 3)",
        &format!("{big}"),
    );
    let z = Array::zeros_order(&[2, 3], DType::Float32, Order::F)?;
    r.code(
        "zeros((2, 3), float32, order='F')",
        &format!("{z:?}\nflags={:?}", z.flags()),
    );
    let m = array![[1.5, -2.0, 3.25], [f64::NAN, f64::INFINITY, 0.0]];
    r.code("array with NaN and inf", &format!("{m:?}"));
    let s = Array::scalar(42u8);
    r.code("0-d uint8", &format!("{s:?} item={}", s.item()?));
    Ok(())
}
