"""Golden images for numox's image reading (area io_image).

PNG files come from two writers: Pillow (its own zlib, pinned with the wheel) for the modes it
writes, and a small writer below for what Pillow cannot write (gray at 2 and 4 bits, 16-bit
gray+alpha/RGB/RGBA, palettes with a short tRNS, Adam7 interlacing, every filter type, several
IDAT chunks). The writer stores its deflate stream uncompressed (level 0), so its bytes do not
depend on the zlib version. Next to every `<name>.png` / `<name>.jpg` lies `<name>.npy`, the
array numox must return:

- `np.asarray(Image.open(p))` for gray at 1 bit (bool), 2/4 bits (scaled to 0..255 as Pillow
  does: x 85, x 17), 8 and 16 bits, gray+alpha, RGB and RGBA at 8 bits;
- `np.asarray(Image.open(p).convert("RGB"))` for palette images, `"RGBA"` when they have tRNS;
- the written samples as uint16 for 16-bit gray+alpha, RGB and RGBA, which Pillow cuts to 8 bits
  (the generator checks that Pillow's array is exactly the high bytes of the golden one).

JPEGs are written by Pillow (libjpeg-turbo) and the golden array is Pillow's decoding; numox's
decoder may differ by a few levels (the Rust test states the bound). `bad_*` files are malformed
inputs that must be rejected (the Rust test lists the expected errors).
"""
import io
import os
import struct
import zlib

import numpy as np
from PIL import Image

SIG = b"\x89PNG\r\n\x1a\n"


def chunk(kind, data):
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def pack_row(samples, bits):
    """Packs one row of samples (ints) at `bits` per sample, big-endian, as PNG stores them."""
    if bits == 16:
        return b"".join(struct.pack(">H", int(v)) for v in samples)
    if bits == 8:
        return bytes(int(v) for v in samples)
    out, acc, n = bytearray(), 0, 0
    for v in samples:
        acc = (acc << bits) | int(v)
        n += bits
        if n == 8:
            out.append(acc)
            acc, n = 0, 0
    if n:
        out.append(acc << (8 - n))
    return bytes(out)


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def filter_rows(rows, bpp):
    """Filters each row with type (row index % 5): none, sub, up, average, paeth."""
    out, prev = [], bytes(len(rows[0])) if rows else b""
    for y, row in enumerate(rows):
        ft = y % 5
        f = bytearray()
        for i, x in enumerate(row):
            a = row[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            pred = [0, a, b, (a + b) // 2, paeth(a, b, c)][ft]
            f.append((x - pred) & 0xFF)
        out.append(bytes([ft]) + bytes(f))
        prev = row
    return out


ADAM7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2),
         (0, 1, 1, 2)]


def write_png(samples, color_type, bits, plte=None, trns=None, interlace=False, idat_parts=1):
    """A PNG of `samples` (H, W, C) ints; stored deflate, filters cycling through all five."""
    h, w, c = samples.shape
    bpp = max(1, c * bits // 8)
    if interlace:
        data = b""
        for x0, y0, dx, dy in ADAM7:
            sub = samples[y0::dy, x0::dx]
            if sub.shape[0] and sub.shape[1]:
                data += b"".join(filter_rows([pack_row(r.ravel(), bits) for r in sub], bpp))
    else:
        data = b"".join(filter_rows([pack_row(r.ravel(), bits) for r in samples], bpp))
    z = zlib.compress(data, 0)
    out = SIG + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, bits, color_type, 0, 0,
                                           1 if interlace else 0))
    if plte is not None:
        out += chunk(b"PLTE", bytes(plte))
    if trns is not None:
        out += chunk(b"tRNS", bytes(trns))
    step = -(-len(z) // idat_parts)
    for k in range(0, len(z), step):
        out += chunk(b"IDAT", z[k:k + step])
    return out + chunk(b"IEND", b"")


def pattern(h, w, c, top, seed):
    """Deterministic samples in 0..top: gradients plus a hashed texture."""
    y, x, k = np.meshgrid(np.arange(h), np.arange(w), np.arange(c), indexing="ij")
    v = (x * 7 + y * 13 + k * 29 + seed) * 2654435761 % 4294967291
    return (v % (top + 1)).astype(np.int64)


def smooth(h, w, c):
    """A photo-like image for JPEG: smooth gradients with a few edges."""
    y, x, k = np.meshgrid(np.arange(h), np.arange(w), np.arange(c), indexing="ij")
    v = 128 + 90 * np.sin(x / 5.0 + k) * np.cos(y / 7.0 - k) + 30 * ((x // 8 + y // 8) % 2)
    return np.clip(v, 0, 255).astype(np.uint8)


def save(out, name, data, expect):
    if expect.dtype == bool:
        # Pillow's mode "1" arrays hold 255 for True; store a canonical bool array.
        expect = expect.view(np.uint8) != 0
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)
    np.save(os.path.join(out, name.rsplit(".", 1)[0] + ".npy"), expect)


def pillow_array(data, convert=None):
    im = Image.open(io.BytesIO(data))
    if convert:
        im = im.convert(convert)
    return np.asarray(im)


def pil_bytes(im, fmt, **kw):
    buf = io.BytesIO()
    im.save(buf, fmt, **kw)
    return buf.getvalue()


def generate(out):
    h, w = 11, 13
    # ---- PNG by Pillow: 1-bit, L, LA, RGB, RGBA, I;16, palettes of 2..256 colours
    for mode, c, top in [("L", 1, 255), ("LA", 2, 255), ("RGB", 3, 255), ("RGBA", 4, 255)]:
        a = pattern(h, w, c, top, 1).astype(np.uint8)
        im = Image.fromarray(a[:, :, 0] if c == 1 else a, mode)
        data = pil_bytes(im, "PNG", optimize=True)
        assert (pillow_array(data) == (a[:, :, 0] if c == 1 else a)).all()
        save(out, f"pil_{mode.lower()}8.png", data, pillow_array(data))
    a1 = pattern(h, w, 1, 1, 2)[:, :, 0].astype(bool)
    data = pil_bytes(Image.fromarray(a1), "PNG")
    save(out, "pil_gray1.png", data, pillow_array(data))
    a16 = pattern(h, w, 1, 65535, 3)[:, :, 0].astype(np.uint16)
    data = pil_bytes(Image.fromarray(a16), "PNG")
    assert (pillow_array(data) == a16).all()
    save(out, "pil_gray16.png", data, pillow_array(data))
    for bits in (1, 2, 4, 8):
        n = 1 << bits
        idx = pattern(h, w, 1, n - 1, 4)[:, :, 0].astype(np.uint8)
        im = Image.fromarray(idx, "P")
        im.putpalette(list(pattern(n, 1, 3, 255, 5).ravel()))
        data = pil_bytes(im, "PNG", bits=bits)
        save(out, f"pil_palette{bits}.png", data, pillow_array(data, "RGB"))
        data = pil_bytes(im, "PNG", bits=bits, transparency=bytes((37 * k) % 256 for k in range(n)))
        save(out, f"pil_palette{bits}_trns.png", data, pillow_array(data, "RGBA"))
    # ---- PNG by the writer above
    for bits in (1, 2, 4, 8, 16):
        for interlace in (False, True):
            s = pattern(9, 17, 1, (1 << bits) - 1, bits)
            data = write_png(s, 0, bits, interlace=interlace, idat_parts=3)
            save(out, f"gray{bits}{'_adam7' if interlace else ''}.png", data, pillow_array(data))
    for ct, c, name in [(4, 2, "gray_alpha"), (2, 3, "rgb"), (6, 4, "rgba")]:
        for interlace in (False, True):
            s8 = pattern(10, 9, c, 255, c)
            data = write_png(s8, ct, 8, interlace=interlace)
            save(out, f"{name}8{'_adam7' if interlace else ''}.png", data, pillow_array(data))
            s16 = pattern(10, 9, c, 65535, c + 10)
            data = write_png(s16, ct, 16, interlace=interlace, idat_parts=2)
            # Pillow keeps 8 bits of these (and makes gray+alpha RGBA); numox keeps 16.
            pil = pillow_array(data)
            hi = (s16 >> 8).astype(np.uint8)
            assert (pil == (np.concatenate([hi[:, :, :1]] * 3 + [hi[:, :, 1:]], 2)
                            if c == 2 else hi)).all()
            save(out, f"{name}16{'_adam7' if interlace else ''}.png", data,
                 s16.astype(np.uint16))
    # A palette with a tRNS shorter than it (entries past it are opaque), and one unused entry.
    plte = pattern(6, 1, 3, 255, 9).ravel()
    s = pattern(7, 8, 1, 5, 6)
    data = write_png(s, 3, 4, plte=plte, trns=[0, 100, 200])
    save(out, "palette4_short_trns.png", data, pillow_array(data, "RGBA"))
    data = write_png(s, 3, 8, plte=plte, interlace=True)
    save(out, "palette8_adam7.png", data, pillow_array(data, "RGB"))
    # tRNS on gray and RGB: Pillow keeps it as metadata, the array has no alpha.
    data = write_png(pattern(4, 5, 1, 255, 7), 0, 8, trns=[0, 7])
    save(out, "gray8_trns.png", data, pillow_array(data))
    data = write_png(pattern(4, 5, 3, 255, 7), 2, 8, trns=[0, 1, 0, 2, 0, 3])
    save(out, "rgb8_trns.png", data, pillow_array(data))
    # Degenerate sizes.
    data = write_png(pattern(1, 1, 3, 255, 8), 2, 8)
    save(out, "rgb8_1x1.png", data, pillow_array(data))
    data = write_png(pattern(1, 37, 1, 1, 8), 0, 1, interlace=True)
    save(out, "gray1_1x37_adam7.png", data, pillow_array(data))
    # ---- JPEG by Pillow (libjpeg-turbo): golden = Pillow's decoding
    rgb = smooth(37, 45, 3)
    for name, kw in [("jpeg444", dict(quality=90, subsampling=0)),
                     ("jpeg422", dict(quality=90, subsampling=1)),
                     ("jpeg420", dict(quality=75, subsampling=2)),
                     ("jpeg420_progressive", dict(quality=85, subsampling=2, progressive=True)),
                     ("jpeg444_progressive", dict(quality=95, subsampling=0, progressive=True)),
                     ("jpeg420_restart", dict(quality=80, subsampling=2, restart_marker_blocks=2))]:
        data = pil_bytes(Image.fromarray(rgb), "JPEG", **kw)
        save(out, name + ".jpg", data, pillow_array(data))
    gray = smooth(29, 31, 1)[:, :, 0]
    data = pil_bytes(Image.fromarray(gray), "JPEG", quality=90)
    save(out, "jpeg_gray.jpg", data, pillow_array(data))
    data = pil_bytes(Image.fromarray(gray), "JPEG", quality=90, progressive=True)
    save(out, "jpeg_gray_progressive.jpg", data, pillow_array(data))
    data = pil_bytes(Image.fromarray(smooth(16, 16, 4), "CMYK"), "JPEG", quality=90)
    with open(os.path.join(out, "cmyk.jpg"), "wb") as f:
        f.write(data)
    # ---- malformed inputs
    good = write_png(pattern(4, 4, 3, 255, 1), 2, 8)
    bad = {
        # Declares 100000 x 100000 RGBA 16-bit (80 GB) over a few bytes of data.
        "bad_huge.png": SIG + chunk(b"IHDR", struct.pack(">IIBBBBB", 100000, 100000, 16, 6,
                                                         0, 0, 0))
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64, 0)) + chunk(b"IEND", b""),
        "bad_zero_width.png": SIG + chunk(b"IHDR", struct.pack(">IIBBBBB", 0, 4, 8, 0, 0, 0, 0))
        + chunk(b"IEND", b""),
        "bad_depth.png": SIG + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 3, 0, 0, 0, 0))
        + chunk(b"IEND", b""),
        "bad_crc.png": good[:29] + bytes([good[29] ^ 0xFF]) + good[30:],
        "bad_truncated.png": good[:len(good) // 2],
        "bad_no_idat.png": good[:33] + chunk(b"IEND", b""),
        "bad_palette_missing.png": write_png(pattern(2, 2, 1, 3, 1), 3, 8),
        "bad_signature.png": b"\x89PNX" + good[4:],
    }
    jpg = pil_bytes(Image.fromarray(rgb), "JPEG", quality=90)
    sof = jpg.index(b"\xff\xc0")
    bad["bad_huge.jpg"] = jpg[:sof + 5] + b"\xff\xff\xff\xff" + jpg[sof + 9:]
    bad["bad_truncated.jpg"] = jpg[:len(jpg) // 3]
    bad["bad_header_only.jpg"] = jpg[:sof]
    for name, data in bad.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
