//! Project 5: an image pipeline on a photograph (float conversion, grayscale, bilinear resize,
//! centre crop, flip, per-channel standardisation, NCHW batch) and a picture of digits.

use crate::report::Report;
use crate::util::{f64s, to_u8_image, Res, Settings, Summary};
use numox::{Array, DType, TakeMode};

/// Bilinear resize of an (H, W) or (H, W, C) float image to (oh, ow), half-pixel centres (as
/// OpenCV and PIL), written with gathers (`take`) and broadcasting.
fn resize_bilinear(img: &Array, oh: usize, ow: usize) -> Res<Array> {
    let (h, w) = (img.shape()[0], img.shape()[1]);
    // Source coordinates, the two neighbours and the weight of the second one, per axis.
    let coords = |n_in: usize, n_out: usize| {
        let scale = n_in as f64 / n_out as f64;
        let mut i0 = Vec::with_capacity(n_out);
        let mut i1 = Vec::with_capacity(n_out);
        let mut t = Vec::with_capacity(n_out);
        for o in 0..n_out {
            let src = ((o as f64 + 0.5) * scale - 0.5).clamp(0.0, (n_in - 1) as f64);
            let lo = src.floor() as usize;
            let hi = (lo + 1).min(n_in - 1);
            i0.push(lo as i64);
            i1.push(hi as i64);
            t.push(src - lo as f64);
        }
        (Array::from_vec(i0), Array::from_vec(i1), t)
    };
    let (y0, y1, ty) = coords(h, oh);
    let (x0, x1, tx) = coords(w, ow);
    // Weights shaped to broadcast: rows (oh, 1[, 1]), columns (ow[, 1]).
    let extra = img.ndim() - 2;
    let mut wy_shape = vec![oh as isize, 1];
    let mut wx_shape = vec![ow as isize];
    for _ in 0..extra {
        wy_shape.push(1);
        wx_shape.push(1);
    }
    let wy = Array::from_vec(ty).reshape(&wy_shape)?;
    let wx = Array::from_vec(tx).reshape(&wx_shape)?;
    let lerp = |a: &Array, b: &Array, t: &Array| -> Res<Array> {
        Ok((a + &numox::multiply(&(b - a)?, t)?)?)
    };
    let rows0 = numox::take(img, &y0, Some(0), TakeMode::Raise)?;
    let rows1 = numox::take(img, &y1, Some(0), TakeMode::Raise)?;
    let top = lerp(
        &numox::take(&rows0, &x0, Some(1), TakeMode::Raise)?,
        &numox::take(&rows0, &x1, Some(1), TakeMode::Raise)?,
        &wx,
    )?;
    let bottom = lerp(
        &numox::take(&rows1, &x0, Some(1), TakeMode::Raise)?,
        &numox::take(&rows1, &x1, Some(1), TakeMode::Raise)?,
        &wx,
    )?;
    lerp(&top, &bottom, &wy)
}

pub fn run(r: &mut Report, _s: Settings) -> Res<Summary> {
    let mut sum = Summary::new("image");
    r.section("5. An image pipeline (chelsea.png) and a digits picture");
    let dir = r.dir().to_path_buf();
    let img = numox::io::read_image(crate::data::data_dir().join("chelsea.png"))?;
    r.para(&format!(
        "`read_image`: shape {:?}, dtype {}.",
        img.shape(),
        img.dtype()
    ));
    let f = numox::divide(&img.astype(DType::Float64)?, 255.0)?;
    let gray = numox::matmul(&f, &numox::array![0.299, 0.587, 0.114])?;
    let gray_png = dir.join("image_gray.png");
    numox::io::write_png(&gray_png, &to_u8_image(&gray)?)?;
    r.image("grayscale (0.299 R + 0.587 G + 0.114 B)", &gray_png);

    // Resize so that the short side is 128 (keeping the aspect ratio), then centre-crop 128x128.
    let (h, w) = (img.shape()[0], img.shape()[1]);
    let (oh, ow) = if h <= w {
        (128, (128 * w + h / 2) / h)
    } else {
        ((128 * h + w / 2) / w, 128)
    };
    let resized = resize_bilinear(&f, oh, ow)?;
    let resized_png = dir.join("image_resized.png");
    numox::io::write_png(&resized_png, &to_u8_image(&resized)?)?;
    r.image(&format!("bilinear resize to {oh}x{ow}"), &resized_png);
    let top = ((oh - 128) / 2) as isize;
    let left = ((ow - 128) / 2) as isize;
    let crop = resized
        .slice_axis(0, Some(top), Some(top + 128), 1)?
        .slice_axis(1, Some(left), Some(left + 128), 1)?;
    let flip = crop.slice_axis(1, None, None, -1)?;
    let crop_png = dir.join("image_crop.png");
    let flip_png = dir.join("image_flip.png");
    numox::io::write_png(&crop_png, &to_u8_image(&crop)?)?;
    numox::io::write_png(&flip_png, &to_u8_image(&flip)?)?;
    r.image("centre crop 128x128", &crop_png);
    r.image(
        "horizontal flip (a view with stride -3 elements along axis 1)",
        &flip_png,
    );
    r.code(
        "crop and flip",
        &format!(
            "crop: shape {:?} strides {:?}\nflip: shape {:?} strides {:?} (no copy)",
            crop.shape(),
            crop.strides(),
            flip.shape(),
            flip.strides()
        ),
    );

    // Per-channel standardisation over the batch of both images, then NHWC -> NCHW.
    let batch = numox::stack(&[&crop, &flip], 0)?;
    let axes: Vec<isize> = vec![0, 1, 2];
    let mean = numox::mean(&batch, numox::Axes::from(axes.clone()).keepdims())?;
    let std = numox::std(&batch, numox::Axes::from(axes.clone()).keepdims(), 0)?;
    let z = numox::divide(&(&batch - &mean)?, &std)?;
    let nchw = numox::transpose(&z, Some(&[0, 3, 1, 2]))?;
    let zmean = f64s(&numox::mean(&z, axes.clone())?)?;
    let zstd = f64s(&numox::std(&z, axes, 0)?)?;
    r.code(
        "per-channel standardisation and NCHW batch",
        &format!(
            "channel means before: {}\nchannel stds before:  {}\nafter: means {}, stds {}\n\
             batch NHWC {:?} -> NCHW {:?}, strides {:?}",
            crate::util::fmt_list(&f64s(&mean)?, 4),
            crate::util::fmt_list(&f64s(&std)?, 4),
            crate::util::fmt_list(&zmean, 4),
            crate::util::fmt_list(&zstd, 4),
            batch.shape(),
            nchw.shape(),
            nchw.strides()
        ),
    );
    // The standardised crop, shown by mapping [-2.5, 2.5] to [0, 1].
    let shown = numox::divide(&numox::add(&z.index_axis(0, 0)?, 2.5)?, 5.0)?;
    let std_png = dir.join("image_standardised.png");
    numox::io::write_png(&std_png, &to_u8_image(&shown)?)?;
    r.image(
        "standardised crop (values -2.5..2.5 shown as 0..255)",
        &std_png,
    );

    // Digits: the first 100 images arranged 10x10 with a 2-pixel gap, each pixel enlarged 3x.
    let (x, _) = crate::mlp::load_digits()?;
    let imgs = x.slice_axis(0, None, Some(100), 1)?.reshape(&[100, 8, 8])?;
    let imgs = numox::concatenate(
        &[&imgs, &Array::zeros(&[100, 8, 2], DType::Float64)?],
        Some(2),
    )?;
    let imgs = numox::concatenate(
        &[&imgs, &Array::zeros(&[100, 2, 10], DType::Float64)?],
        Some(1),
    )?;
    let grid = imgs
        .reshape(&[10, 10, 10, 10])?
        .permute_axes(&[0, 2, 1, 3])?
        .reshape(&[100, 100])?;
    let up = Array::from_vec((0i64..300).map(|i| i / 3).collect::<Vec<_>>());
    let big = numox::take(&grid, &up, Some(0), TakeMode::Raise)?;
    let big = numox::take(&big, &up, Some(1), TakeMode::Raise)?;
    let inverted = numox::subtract(1.0, &big)?;
    let digits_png = dir.join("digits_grid.png");
    numox::io::write_png(&digits_png, &to_u8_image(&inverted)?)?;
    r.image("the first 100 digits (8x8 each, enlarged 3x)", &digits_png);

    sum.metric(
        "std_mean_err",
        zmean.iter().fold(0.0f64, |m, v| m.max(v.abs())),
    );
    sum.metric(
        "std_std_err",
        zstd.iter().fold(0.0f64, |m, v| m.max((v - 1.0).abs())),
    );
    sum.files.extend([
        gray_png,
        resized_png,
        crop_png,
        flip_png,
        std_png,
        digits_png,
    ]);
    Ok(sum)
}
