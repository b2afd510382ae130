#!/usr/bin/env python3
"""Make the decode golden files: a few tiny images in the formats and colour modes that
cyborg must read like PIL, and PIL's Image.convert("RGB") pixels of each.

Usage (from the repository root):
    /usr/bin/python3 tools/golden/make_decode_golden.py \
        --out cyborg-core/src/test/resources/cyborg/image/decode

Writes the images and decode.json: for each image its file, size, PIL's mode on opening,
PIL's RGB pixels (base64 of Image.tobytes()), and the tolerance in levels the Java test
allows, with why. The product never runs Python; re-run only when the cases change.

Written against Pillow 9.4 (Debian 12, python3-pil), which has libjpeg-turbo, libwebp and
libtiff.
"""
import argparse
import base64
import io
import json
import os
import struct
import zlib

import PIL
from PIL import Image, ImageCms

W, H = 16, 12


def gradient_rgb():
    """Smooth colour ramps plus a few saturated blocks, so colour errors show."""
    im = Image.new("RGB", (W, H))
    px = im.load()
    for y in range(H):
        for x in range(W):
            px[x, y] = (x * 255 // (W - 1), y * 255 // (H - 1), (x * y * 7) % 256)
    for x, c in ((0, (255, 0, 0)), (4, (0, 255, 0)), (8, (0, 0, 255)), (12, (255, 255, 0))):
        for y in range(0, 4):
            for dx in range(4):
                px[x + dx, y] = c
    return im


def smooth_rgb():
    """Slow colour ramps, like skin and background in a photo: no sharp chroma edges."""
    im = Image.new("RGB", (32, 24))
    px = im.load()
    for y in range(24):
        for x in range(32):
            px[x, y] = (40 + x * 6, 60 + y * 5, 200 - x * 3 - y * 2)
    return im


def cmyk_image():
    """CMYK with all four inks in use, including pure black over colour."""
    im = Image.new("CMYK", (W, H))
    px = im.load()
    for y in range(H):
        for x in range(W):
            px[x, y] = (x * 17 % 256, y * 23 % 256, (x + y) * 9 % 256, (x * y * 5) % 200)
    return im


def png16_rgb():
    """A 48-bit RGB PNG written by hand (PIL cannot write one); PIL opens it as 8-bit RGB."""
    raw = b""
    for y in range(H):
        raw += b"\x00"
        for x in range(W):
            r, g, b = x * 4000 + 123, y * 5000 + 7, (x * y * 811) % 65536
            raw += struct.pack(">HHH", r, g, b)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", W, H, 16, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def save(im, fmt, **kw):
    buf = io.BytesIO()
    im.save(buf, fmt, **kw)
    return buf.getvalue()


JPEG_TOLERANCE = ("Java's JPEG decoder (IJG libjpeg 6b in the JDK) and PIL's libjpeg-turbo share the"
                  " islow IDCT and fancy upsampling but may round a few samples differently")


def cases():
    rgb = gradient_rgb()
    pal = rgb.convert("P", palette=Image.ADAPTIVE, colors=16)
    pal.info["transparency"] = 3
    rgba = rgb.copy()
    rgba.putalpha(Image.linear_gradient("L").resize((W, H)))
    la = rgb.convert("L").copy()
    la.putalpha(128)
    lab = ImageCms.ImageCmsProfile(ImageCms.createProfile("LAB")).tobytes()
    return [
        ("cmyk.jpg", save(cmyk_image(), "JPEG", quality=95), 2,
         "CMYK JPEG (PIL writes Adobe-inverted CMYK); " + JPEG_TOLERANCE),
        ("cmyk-420.jpg", save(cmyk_image(), "JPEG", quality=90, subsampling=2), 2,
         "CMYK JPEG with subsampled planes; " + JPEG_TOLERANCE),
        ("rgb.jpg", save(rgb, "JPEG", quality=90), 2, "YCbCr JPEG; " + JPEG_TOLERANCE),
        ("rgb-icc.jpg", save(rgb, "JPEG", quality=90, icc_profile=lab), 2,
         "YCbCr JPEG tagged with a non-sRGB ICC profile, which PIL ignores; " + JPEG_TOLERANCE),
        ("progressive.jpg", save(rgb, "JPEG", quality=90, progressive=True), 2,
         "progressive JPEG; " + JPEG_TOLERANCE),
        ("gray.jpg", save(rgb.convert("L"), "JPEG", quality=90), 2, "grayscale JPEG; " + JPEG_TOLERANCE),
        ("gray.png", save(rgb.convert("L"), "PNG"), 0, "lossless"),
        ("gray-alpha.png", save(la, "PNG"), 0, "lossless; alpha dropped, not composited"),
        ("palette-transparent.png", save(pal, "PNG", transparency=3), 0, "lossless; transparency ignored"),
        ("rgba.png", save(rgba, "PNG"), 0, "lossless; alpha dropped, not composited"),
        ("rgb16.png", png16_rgb(), 0, "lossless; PIL keeps the high byte of 16-bit RGB"),
        ("palette.gif", save(pal, "GIF"), 0, "lossless"),
        ("rgb-lzw.tif", save(rgb, "TIFF", compression="tiff_lzw"), 0, "lossless"),
        ("cmyk.tif", save(cmyk_image(), "TIFF"), 0, "lossless CMYK, converted with PIL's formula"),
        ("gray.tif", save(rgb.convert("L"), "TIFF"), 0, "lossless"),
        ("lossless.webp", save(rgb, "WEBP", lossless=True), 0, "lossless"),
        ("lossy.webp", save(smooth_rgb(), "WEBP", quality=90), 0,
         "lossy WebP: cyborg's VP8 decoder and libwebp's fancy upsampling reproduce libwebp"
         " exactly (more cases: make_webp_golden.py)"),
    ]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    golden = {"pillow": PIL.__version__, "cases": []}
    for name, data, tolerance, why in cases():
        with open(os.path.join(args.out, name), "wb") as f:
            f.write(data)
        with Image.open(io.BytesIO(data)) as im:
            mode = im.mode
            rgb = im.convert("RGB")
        golden["cases"].append({
            "file": name, "width": rgb.width, "height": rgb.height, "pilMode": mode,
            "tolerance": tolerance, "why": why,
            "rgb": base64.b64encode(rgb.tobytes()).decode("ascii"),
        })
    with open(os.path.join(args.out, "decode.json"), "w") as f:
        json.dump(golden, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
