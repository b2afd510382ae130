#!/usr/bin/env python3
"""Make the lossy WebP golden files: small lossy WebPs covering the decoder's paths and PIL's
Image.convert("RGB") pixels of each, which cyborg must reproduce exactly (tolerance 0).

Usage (from the repository root):
    /usr/bin/python3 tools/golden/make_webp_golden.py \
        --out cyborg-core/src/test/resources/cyborg/image/webp

Writes the images and webp.json: for each image its file, size, what it covers, the encoder
settings, PIL's mode on opening and PIL's RGB pixels (base64 of Image.tobytes()). The product
never runs Python; re-run only when the cases change.

Most cases are encoded by PIL itself. PIL's encoder always uses libwebp's normal ("strong") loop
filter with its default sharpness, so the cases of the simple filter, sharpness, no filter and
one segment are encoded by cwebp (Debian package webp), which links the same libwebp, and the
case of several token partitions through libwebp's own API (ctypes). Decoding
is always PIL's: PIL calls libwebp's WebPAnimDecoder (RGBA, non-premultiplied), i.e. WebPDecode
with default options: fancy chroma upsampling and libwebp's fixed-point YUV->RGB.

Written against Pillow 9.4 and libwebp 1.2.4 (Debian 12: python3-pil, webp).
"""
import argparse
import base64
import ctypes
import io
import json
import os
import random
import subprocess
import tempfile

import PIL
from PIL import Image, features


def content(w, h, kind, seed):
    """Test content: smooth ramps (small chroma steps), noise (every mode and large
    coefficients), saturated blocks (sharp chroma edges, where upsampling matters most), or a
    flat field with one small square (macroblocks without coefficients, coded as skipped)."""
    rnd = random.Random(seed)
    im = Image.new("RGB", (w, h))
    px = im.load()
    for y in range(h):
        for x in range(w):
            if kind == "smooth":
                px[x, y] = ((40 + x * 6) % 256, (60 + y * 5) % 256, (200 - x * 3 - y * 2) % 256)
            elif kind == "flat":
                px[x, y] = (200, 30, 90) if 20 <= x < 26 and 10 <= y < 15 else (90, 140, 60)
            elif kind == "noise":
                px[x, y] = (rnd.randrange(256), rnd.randrange(256), rnd.randrange(256))
            else:
                px[x, y] = (255, 0, 0) if (x // 5 + y // 7) % 2 else (0, (x * 20) % 256, 255)
    return im


def with_alpha(im):
    rgba = im.convert("RGBA")
    rgba.putalpha(Image.linear_gradient("L").resize(im.size))
    return rgba


def pil_webp(im, **kw):
    buf = io.BytesIO()
    im.save(buf, "WEBP", **kw)
    return buf.getvalue()


def cwebp(im, args):
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = os.path.join(tmp, "in.png"), os.path.join(tmp, "out.webp")
        im.save(src)
        subprocess.run(["cwebp", "-quiet", *args, src, "-o", dst], check=True)
        with open(dst, "rb") as f:
            return f.read()


class _Config(ctypes.Structure):
    """libwebp 1.2.4's WebPConfig (encoder ABI 0x020f; WebPConfigInitInternal refuses another)."""
    _fields_ = [(n, ctypes.c_float if n in ("quality", "target_PSNR") else ctypes.c_int) for n in (
        "lossless", "quality", "method", "image_hint", "target_size", "target_PSNR", "segments",
        "sns_strength", "filter_strength", "filter_sharpness", "filter_type", "autofilter",
        "alpha_compression", "alpha_filtering", "alpha_quality", "pass_", "show_compressed",
        "preprocessing", "partitions", "partition_limit", "emulate_jpeg_size", "thread_level",
        "low_memory", "near_lossless", "exact", "use_delta_palette", "use_sharp_yuv", "qmin", "qmax")]


_WRITER = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_size_t, ctypes.c_void_p)


class _Picture(ctypes.Structure):
    """libwebp 1.2.4's WebPPicture, up to the fields set here, then its padding and internals."""
    _fields_ = [
        ("use_argb", ctypes.c_int), ("colorspace", ctypes.c_int), ("width", ctypes.c_int),
        ("height", ctypes.c_int), ("y", ctypes.c_void_p), ("u", ctypes.c_void_p), ("v", ctypes.c_void_p),
        ("y_stride", ctypes.c_int), ("uv_stride", ctypes.c_int), ("a", ctypes.c_void_p),
        ("a_stride", ctypes.c_int), ("pad1", ctypes.c_uint32 * 2), ("argb", ctypes.c_void_p),
        ("argb_stride", ctypes.c_int), ("pad2", ctypes.c_uint32 * 3), ("writer", _WRITER),
        ("custom_ptr", ctypes.c_void_p), ("extra_info_type", ctypes.c_int), ("extra_info", ctypes.c_void_p),
        ("stats", ctypes.c_void_p), ("error_code", ctypes.c_int), ("progress_hook", ctypes.c_void_p),
        ("user_data", ctypes.c_void_p), ("pad3", ctypes.c_uint32 * 3), ("pad4", ctypes.c_void_p),
        ("pad5", ctypes.c_void_p), ("pad6", ctypes.c_uint32 * 8), ("memory_", ctypes.c_void_p),
        ("memory_argb_", ctypes.c_void_p), ("pad7", ctypes.c_void_p * 2)]


def libwebp_partitions(im, log2_parts, quality):
    """Encodes with 2^log2_parts token partitions, which neither PIL nor cwebp can ask for,
    through libwebp's advanced API (the libwebp.so.7 PIL links). Method 2: from method 3 on,
    libwebp buffers tokens and then writes a single partition whatever is asked."""
    lib = ctypes.CDLL("libwebp.so.7")
    out = bytearray()

    @_WRITER
    def write(data, size, _pic):
        out.extend(ctypes.string_at(data, size))
        return 1

    cfg = _Config()
    assert lib.WebPConfigInitInternal(ctypes.byref(cfg), 0, ctypes.c_float(quality), 0x020f), "libwebp ABI"
    cfg.partitions, cfg.method = log2_parts, 2
    assert lib.WebPValidateConfig(ctypes.byref(cfg))
    pic = _Picture()
    assert lib.WebPPictureInitInternal(ctypes.byref(pic), 0x020f), "libwebp ABI"
    pic.width, pic.height = im.size
    pic.writer = write
    assert lib.WebPPictureImportRGB(ctypes.byref(pic), im.tobytes(), im.size[0] * 3)
    ok = lib.WebPEncode(ctypes.byref(cfg), ctypes.byref(pic))
    lib.WebPPictureFree(ctypes.byref(pic))
    assert ok, "WebPEncode failed: error %d" % pic.error_code
    return bytes(out)


def cases():
    """(file, what it covers, encoder and settings, image bytes)."""
    out = []
    pil = [
        ("1x1", 1, 1, "noise", 80, False, "a single pixel: one macroblock, one chroma sample"),
        ("2x2-alpha", 2, 2, "noise", 80, True, "alpha (VP8X + ALPH), one chroma sample per 2x2"),
        ("7x5", 7, 5, "smooth", 90, False, "odd width and height: the last column and row have no pair"),
        ("16x16", 16, 16, "blocks", 75, False, "exactly one macroblock, even size"),
        ("17x9", 17, 9, "noise", 50, False, "one pixel into a second macroblock column"),
        ("33x31-alpha", 33, 31, "blocks", 60, True, "odd sizes with alpha, sharp chroma edges"),
        ("48x40", 48, 40, "noise", 10, False, "quality 10: strong loop filter, large quantiser"),
        ("40x34-q95", 40, 34, "smooth", 95, False, "quality 95: small quantiser, weak filter"),
        ("37x29-m0", 37, 29, "blocks", 70, False, "method 0: the encoder's fast mode choice"),
        ("64x48-flat-m0", 64, 48, "flat", 50, False,
         "method 0 on a flat field: macroblocks coded as skipped (skip probability)"),
    ]
    for name, w, h, kind, q, alpha, why in pil:
        im = content(w, h, kind, seed=len(out))
        if alpha:
            im = with_alpha(im)
        kw = {"quality": q, "method": 0 if name.endswith("m0") else 4}
        out.append((name + ".webp", why, "PIL " + json.dumps(kw), pil_webp(im, **kw)))
    cw = [
        ("simple-filter", 35, 27, "noise", ["-q", "40", "-nostrong", "-f", "80"],
         "the simple loop filter (luma only)"),
        ("simple-sharp", 24, 24, "blocks", ["-q", "30", "-nostrong", "-sharpness", "3"],
         "the simple loop filter with sharpness 3"),
        ("strong-sharp7", 29, 21, "smooth", ["-q", "20", "-strong", "-sharpness", "7", "-f", "100"],
         "the normal loop filter at sharpness 7 and full strength"),
        ("no-filter", 19, 23, "noise", ["-q", "60", "-f", "0"], "no loop filter"),
        ("one-segment", 45, 30, "blocks", ["-q", "25", "-segments", "1", "-sns", "0"],
         "segmentation off"),
        ("alpha-simple", 26, 18, "smooth", ["-q", "35", "-nostrong", "-alpha_q", "50"],
         "lossy alpha with the simple filter"),
    ]
    for name, w, h, kind, args, why in cw:
        im = content(w, h, kind, seed=len(out))
        if name.startswith("alpha"):
            im = with_alpha(im)
        out.append((name + ".webp", why, "cwebp " + " ".join(args), cwebp(im, args)))
    im = content(70, 90, "noise", seed=len(out))
    out.append(("partitions-8.webp", "8 token partitions (macroblock rows take turns)",
                "libwebp API: partitions=3, method=2, quality 50", libwebp_partitions(im, 3, 50)))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    golden = {"pillow": PIL.__version__, "libwebp": features.version("webp"), "cases": []}
    for name, why, encoder, data in cases():
        assert data[12:16] in (b"VP8 ", b"VP8X"), name + " is not lossy"
        with open(os.path.join(args.out, name), "wb") as f:
            f.write(data)
        with Image.open(io.BytesIO(data)) as im:
            mode = im.mode
            rgb = im.convert("RGB")
        golden["cases"].append({
            "file": name, "width": rgb.width, "height": rgb.height, "pilMode": mode,
            "why": why, "encoder": encoder,
            "rgb": base64.b64encode(rgb.tobytes()).decode("ascii"),
        })
    with open(os.path.join(args.out, "webp.json"), "w") as f:
        json.dump(golden, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
