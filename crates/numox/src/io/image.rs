//! PNG and JPEG images as arrays, matching `np.asarray(PIL.Image.open(p))`.
//!
//! [`read_image`] / [`decode_image`] tell the format by its signature and return:
//!
//! | file | array |
//! |---|---|
//! | PNG gray, 1 bit | `bool` (H, W), as Pillow's mode `"1"` |
//! | PNG gray, 2 or 4 bits | `uint8` (H, W), scaled to 0..255 (x 85, x 17) as Pillow does |
//! | PNG gray, 8 / 16 bits | `uint8` / `uint16` (H, W) |
//! | PNG gray+alpha, RGB, RGBA, 8 bits | `uint8` (H, W, 2 / 3 / 4) |
//! | PNG gray+alpha, RGB, RGBA, 16 bits | `uint16` (H, W, 2 / 3 / 4): all 16 bits are kept (Pillow keeps the high 8 and makes gray+alpha RGBA) |
//! | PNG palette, any depth | `uint8` (H, W, 3), or (H, W, 4) when the file has a `tRNS` chunk (entries past it are opaque), as Pillow's `convert("RGB")` / `convert("RGBA")` |
//! | JPEG gray | `uint8` (H, W) |
//! | JPEG YCbCr (baseline or progressive, any subsampling) | `uint8` (H, W, 3) RGB |
//!
//! A `tRNS` chunk of a gray or RGB PNG is ignored, as in Pillow's array. A palette image without
//! a `PLTE` chunk is an error (Pillow reads it as black); palette indices past the end of the
//! palette read as black, as in Pillow. CMYK and YCCK JPEGs are
//! an error (numox does not convert ink to light). JPEG pixels may differ from libjpeg-turbo's
//! (Pillow's) by a few levels: the integer IDCT and the chroma upsampling are the same kind, not
//! bit-identical. On the golden images the largest difference is 1 for gray, 2 at 4:4:4 and 3
//! with 4:2:2 / 4:2:0 chroma subsampling (about 70-99% of the samples equal exactly); the tests
//! assert at most 3.
//!
//! Malformed input is an error, never a panic. A header is checked against the size of the file
//! before anything is allocated for the pixels: a PNG's raw data can be at most about 1032 times
//! its compressed size (deflate's limit) and a JPEG needs at least one bit per 8x8 block in its
//! first scan, so a header that declares more pixels than the file could hold is rejected.
//!
//! [`write_png`] / [`encode_png`] write `uint8` or `uint16` arrays of shape (H, W), (H, W, 1),
//! (H, W, 2), (H, W, 3) or (H, W, 4) as gray, gray, gray+alpha, RGB or RGBA PNGs at 8 or 16
//! bits, and `bool` (H, W) arrays as 1-bit gray, from any layout.

use crate::array::Array;
use crate::dtype::DType;
use crate::error::{fmt_shape, Error, Result};
use std::path::Path;

const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
const JPEG_SIGNATURE: &[u8] = b"\xff\xd8\xff";
/// Deflate cannot expand a byte into more than this many (258-byte matches at 2 bits each).
const DEFLATE_MAX_RATIO: usize = 1032;

/// Reads a PNG or JPEG file as an array (`np.asarray(PIL.Image.open(path))`); see the
/// [`decode_image`] for the dtype and shape of each kind of image.
///
/// ```
/// let a = numox::array![[0u8, 128], [200, 255]];
/// let path = std::env::temp_dir().join("numox_doc_read_image.png");
/// numox::io::write_png(&path, &a).unwrap();
/// let b = numox::io::read_image(&path).unwrap();
/// assert_eq!(b.shape(), &[2, 2]);
/// assert_eq!(b.to_vec::<u8>().unwrap(), vec![0, 128, 200, 255]);
/// # std::fs::remove_file(&path).unwrap();
/// ```
pub fn read_image<P: AsRef<Path>>(path: P) -> Result<Array> {
    let path = path.as_ref();
    let bytes = std::fs::read(path).map_err(|e| {
        Error::Io(format!(
            "[Errno {}] {}: '{}'",
            e.raw_os_error().unwrap_or(0),
            e,
            path.display()
        ))
    })?;
    decode_image(&bytes)
}

/// Decodes PNG or JPEG bytes held in memory, told apart by their signature.
///
/// | file | array |
/// |---|---|
/// | PNG gray, 1 bit | `bool` (H, W), as Pillow's mode `"1"` |
/// | PNG gray, 2 or 4 bits | `uint8` (H, W), scaled to 0..255 (x 85, x 17) as Pillow does |
/// | PNG gray, 8 / 16 bits | `uint8` / `uint16` (H, W) |
/// | PNG gray+alpha, RGB, RGBA, 8 bits | `uint8` (H, W, 2 / 3 / 4) |
/// | PNG gray+alpha, RGB, RGBA, 16 bits | `uint16` (H, W, 2 / 3 / 4): all 16 bits are kept (Pillow keeps the high 8 and makes gray+alpha RGBA) |
/// | PNG palette, any depth | `uint8` (H, W, 3), or (H, W, 4) when the file has a `tRNS` chunk (entries past it are opaque), as Pillow's `convert("RGB")` / `convert("RGBA")` |
/// | JPEG gray | `uint8` (H, W) |
/// | JPEG YCbCr (baseline or progressive, any subsampling) | `uint8` (H, W, 3) RGB |
///
/// A `tRNS` chunk of a gray or RGB PNG is ignored, as in Pillow's array. A palette image without
/// a `PLTE` chunk is an error (Pillow reads it as black); palette indices past the end of the
/// palette read as black, as in Pillow. CMYK and YCCK JPEGs are
/// an error (numox does not convert ink to light). JPEG pixels may differ from libjpeg-turbo's
/// (Pillow's) by a few levels: the integer IDCT and the chroma upsampling are the same kind, not
/// bit-identical. On the golden images the largest difference is 1 for gray, 2 at 4:4:4 and 3
/// with 4:2:2 / 4:2:0 chroma subsampling (about 70-99% of the samples equal exactly); the tests
/// assert at most 3.
///
/// Malformed input is an error, never a panic. A header is checked against the size of the file
/// before anything is allocated for the pixels: a PNG's raw data can be at most about 1032 times
/// its compressed size (deflate's limit) and a JPEG needs at least one bit per 8x8 block in its
/// first scan, so a header that declares more pixels than the file could hold is rejected.
///
/// ```
/// let png = numox::io::encode_png(&numox::array![[1u16, 65535]]).unwrap();
/// let a = numox::io::decode_image(&png).unwrap();
/// assert_eq!(a.dtype(), numox::DType::UInt16);
/// assert_eq!(a.to_vec::<u16>().unwrap(), vec![1, 65535]);
/// assert_eq!(
///     numox::io::decode_image(b"GIF89a").unwrap_err().to_string(),
///     "cannot identify image file: not a PNG or JPEG signature"
/// );
/// ```
pub fn decode_image(bytes: &[u8]) -> Result<Array> {
    if bytes.starts_with(PNG_SIGNATURE) {
        decode_png(bytes)
    } else if bytes.starts_with(JPEG_SIGNATURE) {
        decode_jpeg(bytes)
    } else {
        Err(Error::Io(
            "cannot identify image file: not a PNG or JPEG signature".into(),
        ))
    }
}

fn png_err(e: png::DecodingError) -> Error {
    Error::Io(format!("broken PNG file: {e}"))
}

fn decode_png(bytes: &[u8]) -> Result<Array> {
    use png::{BitDepth, ColorType};
    // Everything the decoder allocates is bounded by what deflate could inflate from the file.
    let bound = bytes
        .len()
        .saturating_mul(DEFLATE_MAX_RATIO)
        .saturating_add(1 << 16);
    let limits = png::Limits { bytes: bound };
    let mut dec = png::Decoder::new_with_limits(std::io::Cursor::new(bytes), limits);
    dec.set_transformations(png::Transformations::IDENTITY);
    let header = dec.read_header_info().map_err(png_err)?;
    let (w, h) = (header.width as usize, header.height as usize);
    if header.raw_bytes() > bound {
        return Err(Error::Io(format!(
            "broken PNG file: the header declares {w}x{h} pixels, more than {} bytes of data can hold",
            bytes.len()
        )));
    }
    let mut reader = dec.read_info().map_err(png_err)?;
    let size = reader
        .output_buffer_size()
        .ok_or_else(|| Error::Io("broken PNG file: image too large".into()))?;
    let mut raw = vec![0u8; size];
    let out = reader.next_frame(&mut raw).map_err(png_err)?;
    let info = reader.info();
    let line = out.line_size;
    let rows = || raw.chunks_exact(line.max(1)).take(h);
    let bits = out.bit_depth as usize;
    match (out.color_type, out.bit_depth) {
        (ColorType::Grayscale, BitDepth::One) => {
            let v: Vec<bool> = rows()
                .flat_map(|r| unpack(r, 1, w).map(|x| x != 0))
                .collect();
            Array::from_shape_vec(&[h, w], v)
        }
        (ColorType::Grayscale, BitDepth::Two | BitDepth::Four) => {
            let scale = (255 / ((1u16 << bits) - 1)) as u8;
            let v: Vec<u8> = rows()
                .flat_map(|r| unpack(r, bits, w).map(|x| x * scale))
                .collect();
            Array::from_shape_vec(&[h, w], v)
        }
        (ColorType::Indexed, _) => {
            let Some(palette) = info.palette.as_deref() else {
                return Err(Error::Io(
                    "broken PNG file: a palette image without a PLTE chunk".into(),
                ));
            };
            let trns = info.trns.as_deref();
            let c = if trns.is_some() { 4 } else { 3 };
            let mut v = Vec::with_capacity(h * w * c);
            for r in rows() {
                for i in unpack(r, bits, w) {
                    let i = i as usize;
                    // Pillow reads indices past the palette as black.
                    let rgb = palette.get(3 * i..3 * i + 3).unwrap_or(&[0, 0, 0]);
                    v.extend_from_slice(rgb);
                    if let Some(t) = trns {
                        v.push(t.get(i).copied().unwrap_or(255));
                    }
                }
            }
            Array::from_shape_vec(&[h, w, c], v)
        }
        (ct, BitDepth::Eight) => {
            let c = ct.samples();
            let mut v = Vec::with_capacity(h * w * c);
            for r in rows() {
                v.extend_from_slice(&r[..w * c]);
            }
            Array::from_shape_vec(&image_shape(h, w, c), v)
        }
        (ct, BitDepth::Sixteen) => {
            let c = ct.samples();
            let mut v = Vec::with_capacity(h * w * c);
            for r in rows() {
                v.extend(
                    r[..2 * w * c]
                        .chunks_exact(2)
                        .map(|b| u16::from_be_bytes([b[0], b[1]])),
                );
            }
            Array::from_shape_vec(&image_shape(h, w, c), v)
        }
        (ct, d) => Err(Error::Io(format!(
            "broken PNG file: colour type {ct:?} at bit depth {d:?}"
        ))),
    }
}

/// (H, W) for one channel, (H, W, C) otherwise.
fn image_shape(h: usize, w: usize, c: usize) -> Vec<usize> {
    if c == 1 {
        vec![h, w]
    } else {
        vec![h, w, c]
    }
}

/// The first `n` samples of `bits` bits (1, 2, 4 or 8) packed big-endian in `row`.
fn unpack(row: &[u8], bits: usize, n: usize) -> impl Iterator<Item = u8> + '_ {
    let per = 8 / bits;
    let mask = ((1u16 << bits) - 1) as u8;
    (0..n).map(move |i| {
        let byte = row[i / per];
        let shift = 8 - bits * (i % per + 1);
        (byte >> shift) & mask
    })
}

fn decode_jpeg(bytes: &[u8]) -> Result<Array> {
    use zune_jpeg::zune_core::bytestream::ZCursor;
    use zune_jpeg::zune_core::colorspace::ColorSpace;
    use zune_jpeg::zune_core::options::DecoderOptions;
    let err = |e: zune_jpeg::errors::DecodeErrors| Error::Io(format!("broken JPEG file: {e}"));
    // JPEG's own limit on each side; the size is checked against the data below.
    let limits = DecoderOptions::default()
        .set_max_width(usize::from(u16::MAX))
        .set_max_height(usize::from(u16::MAX));
    let mut dec = zune_jpeg::JpegDecoder::new_with_options(ZCursor::new(bytes), limits);
    dec.decode_headers().map_err(err)?;
    let (w, h) = dec
        .dimensions()
        .ok_or_else(|| Error::Io("broken JPEG file: no frame header".into()))?;
    let out = match dec.input_colorspace() {
        Some(ColorSpace::Luma) => ColorSpace::Luma,
        Some(ColorSpace::YCbCr | ColorSpace::RGB) => ColorSpace::RGB,
        Some(cs) => {
            return Err(Error::Io(format!(
                "cannot read a {cs:?} JPEG: numox reads gray and YCbCr JPEGs only"
            )));
        }
        None => return Err(Error::Io("broken JPEG file: no frame header".into())),
    };
    // The first scan codes every 8x8 block of the first component with at least one bit.
    let blocks = w.div_ceil(8).saturating_mul(h.div_ceil(8));
    if blocks > bytes.len().saturating_mul(8) {
        return Err(Error::Io(format!(
            "broken JPEG file: the header declares {w}x{h} pixels, more than {} bytes of data can hold",
            bytes.len()
        )));
    }
    dec.set_options(limits.jpeg_set_out_colorspace(out));
    let size = dec
        .output_buffer_size()
        .ok_or_else(|| Error::Io("broken JPEG file: image too large".into()))?;
    let mut v = vec![0u8; size];
    dec.decode_into(&mut v).map_err(err)?;
    Array::from_shape_vec(&image_shape(h, w, out.num_components()), v)
}

/// Writes a `uint8` / `uint16` array of shape (H, W) or (H, W, C), C in 1..=4, or a `bool`
/// (H, W) array as a PNG file; see [`encode_png`].
///
/// ```
/// let a = numox::array![[[255u8, 0, 0], [0, 255, 0]]];
/// let path = std::env::temp_dir().join("numox_doc_write_png.png");
/// numox::io::write_png(&path, &a).unwrap();
/// assert_eq!(numox::io::read_image(&path).unwrap().to_vec::<u8>().unwrap(), a.to_vec::<u8>().unwrap());
/// # std::fs::remove_file(&path).unwrap();
/// ```
pub fn write_png<P: AsRef<Path>>(path: P, a: &Array) -> Result<()> {
    let bytes = encode_png(a)?;
    let path = path.as_ref();
    std::fs::write(path, bytes).map_err(|e| {
        Error::Io(format!(
            "[Errno {}] {}: '{}'",
            e.raw_os_error().unwrap_or(0),
            e,
            path.display()
        ))
    })
}

/// Encodes an array as PNG bytes: `uint8` / `uint16` of shape (H, W) or (H, W, 1) as gray,
/// (H, W, 2) as gray+alpha, (H, W, 3) as RGB, (H, W, 4) as RGBA, at 8 / 16 bits; `bool` (H, W)
/// as 1-bit gray. Any layout (views, negative strides) is written in C order.
///
/// ```
/// use numox::io::{decode_image, encode_png};
/// let a = numox::array![[[1u8, 2], [3, 4]], [[5, 6], [7, 8]]]; // (2, 2, 2): gray+alpha
/// let flipped = a.slice_axis(1, None, None, -1).unwrap();
/// let b = decode_image(&encode_png(&flipped).unwrap()).unwrap();
/// assert_eq!(b.to_vec::<u8>().unwrap(), vec![3, 4, 1, 2, 7, 8, 5, 6]);
/// assert_eq!(
///     encode_png(&numox::array![[1.0, 2.0]]).unwrap_err().to_string(),
///     "cannot write an array of dtype float64 as PNG; convert it to uint8 or uint16 first"
/// );
/// ```
pub fn encode_png(a: &Array) -> Result<Vec<u8>> {
    use png::{BitDepth, ColorType};
    let dtype = a.dtype();
    let shape = a.shape();
    let depth = match dtype {
        DType::UInt8 => BitDepth::Eight,
        DType::UInt16 => BitDepth::Sixteen,
        DType::Bool if shape.len() == 2 => BitDepth::One,
        _ => {
            return Err(Error::DType(format!(
                "cannot write an array of dtype {} as PNG; convert it to uint8 or uint16 first",
                dtype.name()
            )));
        }
    };
    let (h, w, c) = match *shape {
        [h, w] => (h, w, 1),
        [h, w, c] if (1..=4).contains(&c) => (h, w, c),
        _ => {
            return Err(Error::Shape(format!(
                "cannot write an array of shape {} as PNG; it needs shape (H, W) or (H, W, C) with C in 1..4",
                fmt_shape(shape)
            )));
        }
    };
    let (Ok(w32), Ok(h32)) = (u32::try_from(w), u32::try_from(h)) else {
        return Err(Error::Value(format!(
            "cannot write an image of {w}x{h} pixels as PNG: at most 2**32 - 1 per side"
        )));
    };
    if w == 0 || h == 0 {
        return Err(Error::Value(format!(
            "cannot write an empty image of shape {} as PNG",
            fmt_shape(shape)
        )));
    }
    let color = [
        ColorType::Grayscale,
        ColorType::GrayscaleAlpha,
        ColorType::Rgb,
        ColorType::Rgba,
    ][c - 1];
    let data: Vec<u8> = match dtype {
        DType::UInt8 => a.to_vec::<u8>()?,
        DType::UInt16 => a
            .to_vec::<u16>()?
            .iter()
            .flat_map(|x| x.to_be_bytes())
            .collect(),
        _ => {
            let bits = a.to_vec::<bool>()?;
            let line = w.div_ceil(8);
            let mut packed = vec![0u8; line * h];
            for (k, &b) in bits.iter().enumerate() {
                if b {
                    let (y, x) = (k / w, k % w);
                    packed[y * line + x / 8] |= 0x80 >> (x % 8);
                }
            }
            packed
        }
    };
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, w32, h32);
    enc.set_color(color);
    enc.set_depth(depth);
    let err = |e: png::EncodingError| Error::Io(format!("cannot write PNG: {e}"));
    let mut writer = enc.write_header().map_err(err)?;
    writer.write_image_data(&data).map_err(err)?;
    writer.finish().map_err(err)?;
    Ok(out)
}
