#!/usr/bin/env python3
"""Generate the golden files that cyborg.image's Java tests compare against.

The reference is what the Python training code sees: PIL decoding, PIL's
Image.resize(..., BILINEAR) (torchvision's Resize on PIL images),
convert('L'), and torchvision ToTensor()+Normalize (reproduced here with
numpy float32, because torch is not needed to get the same float32 ops).

Usage (from the repository root):
    /usr/bin/python3 tools/golden/make_image_golden.py \
        --shared ../shared \
        --out cyborg-core/src/test/resources/cyborg/image/golden

The product never runs Python; re-run this only when the golden cases change.
Inputs are read from the shared data directory and are never copied into the
repository (except PIL's *decoded* pixels of one JPEG, which the tests need so
that the resize comparison is not blurred by JPEG decoder differences).

Written against Pillow 9.4 / numpy 1.24 (Debian 12).
"""
import argparse
import hashlib
import os
import struct

import numpy as np
import PIL
from PIL import Image

BILINEAR = Image.BILINEAR
SAMPLES = ["000170", "000174", "000180", "000188", "000193",
           "000208", "000231", "000240", "000288", "000437"]
IMAGENET_MEAN = np.array([0.485, 0.456, 0.406], dtype=np.float32)
IMAGENET_STD = np.array([0.229, 0.224, 0.225], dtype=np.float32)


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_floats(path, arr):
    """Float map golden: 'CYGF', int32 width, int32 height, int32 channels, then float32 LE."""
    arr = np.ascontiguousarray(arr, dtype="<f4")
    if arr.ndim == 2:
        h, w, c = arr.shape[0], arr.shape[1], 1
    else:
        c, h, w = arr.shape
    with open(path, "wb") as f:
        f.write(b"CYGF" + struct.pack("<iii", w, h, c) + arr.tobytes())


class Golden:
    def __init__(self, shared, out):
        self.shared = shared
        self.out = out
        self.rows = []

    def src(self, rel):
        if rel.startswith("golden:"):
            return os.path.join(self.out, rel[len("golden:"):])
        return os.path.join(self.shared, rel)

    def open_rgb(self, rel):
        with Image.open(self.src(rel)) as im:
            return im.convert("RGB")

    def resize_case(self, name, rel, mode, w, h, store):
        im = self.open_rgb(rel)
        if mode == "L":
            im = im.convert("L")
        out = im.resize((w, h), BILINEAR)
        raw = out.tobytes()
        fname = "-"
        if store:
            fname = f"resize/{name}.png"
            out.save(os.path.join(self.out, fname))
        self.rows.append(["resize", name, rel, mode, str(w), str(h), sha(raw), fname])

    def luminance_case(self, name, rel):
        L = self.open_rgb(rel).convert("L")
        self.rows.append(["luma", name, rel, "L", str(L.width), str(L.height), sha(L.tobytes()), "-"])

    def write_manifest(self):
        with open(os.path.join(self.out, "manifest.tsv"), "w") as f:
            f.write("# kind\tname\tsource\tmode\twidth\theight\tsha256_of_raw_pixels\tstored_file\n")
            f.write(f"# generated with Pillow {PIL.__version__}, numpy {np.__version__}\n")
            for r in self.rows:
                f.write("\t".join(r) + "\n")


def float_cases(g):
    """PIL mode 'F' bilinear resize = the reference for saliency-map resizing."""
    os.makedirs(os.path.join(g.out, "float"), exist_ok=True)
    rng = np.random.default_rng(20240607)
    rnd = rng.random((23, 31), dtype=np.float32)  # h=23, w=31
    write_floats(os.path.join(g.out, "float", "random_31x23.bin"), rnd)
    # The Java test rebuilds this 224x224 map as Luminance.toFloat(sample) = L / 255f.
    L = np.asarray(g.open_rgb("data/cyborg-gan-samples/000170.png").convert("L"), dtype=np.float32)
    sal = L / np.float32(255.0)
    cases = [("random_31x23", rnd, [(7, 7), (2, 2), (100, 80), (31, 5), (9, 23), (1, 1)]),
             ("luma_000170", sal, [(7, 7), (2, 2), (14, 14), (60, 45)])]
    for base, arr, sizes in cases:
        im = Image.fromarray(arr, "F")
        for (w, h) in sizes:
            out = np.asarray(im.resize((w, h), BILINEAR), dtype=np.float32)
            fname = f"float/{base}_to_{w}x{h}.bin"
            write_floats(os.path.join(g.out, fname), out)
            g.rows.append(["float", f"{base}_to_{w}x{h}", base, "F", str(w), str(h),
                           sha(out.astype("<f4").tobytes()), fname])


def tensor_case(g):
    """torchvision: ToTensor() = uint8/255 in float32, Normalize = (x - mean) / std in float32."""
    im = g.open_rgb("data/cyborg-gan-samples/000170.png").resize((32, 32), BILINEAR)
    x = np.asarray(im, dtype=np.uint8).astype(np.float32) / np.float32(255.0)  # HWC
    x = x.transpose(2, 0, 1)  # CHW
    x = (x - IMAGENET_MEAN[:, None, None]) / IMAGENET_STD[:, None, None]
    fname = "tensor/000170_32x32_imagenet.bin"
    os.makedirs(os.path.join(g.out, "tensor"), exist_ok=True)
    write_floats(os.path.join(g.out, fname), x.astype(np.float32))
    g.rows.append(["tensor", "000170_32x32_imagenet", "data/cyborg-gan-samples/000170.png",
                   "RGB", "32", "32", sha(x.astype("<f4").tobytes()), fname])


def all_colours_case(g):
    """Every 24-bit colour once (4096x4096, R major, then G, then B); Java rebuilds it."""
    r, gg, b = np.meshgrid(np.arange(256), np.arange(256), np.arange(256), indexing="ij")
    arr = np.stack([r, gg, b], -1).reshape(4096, 4096, 3).astype(np.uint8)
    L = Image.fromarray(arr, "RGB").convert("L")
    g.rows.append(["luma", "all_colours", "synthetic:all_colours", "L", "4096", "4096",
                   sha(L.tobytes()), "-"])


def format_cases(g):
    """Small files in several colour models; expected = PIL's convert('RGB') of the file."""
    d = os.path.join(g.out, "formats")
    os.makedirs(d, exist_ok=True)
    base = g.open_rgb("data/public-domain-faces/astronaut.png").crop((200, 60, 240, 90))  # 40x30
    alpha = Image.fromarray(np.tile(np.linspace(0, 255, 40, dtype=np.uint8), (30, 1)), "L")
    rgba = base.copy()
    rgba.putalpha(alpha)
    la = base.convert("L")
    la = Image.merge("LA", (la, alpha))
    g16 = np.asarray(base.convert("L"), dtype=np.uint16) * 257 + np.arange(40, dtype=np.uint16)[None, :]
    files = {
        "rgb.png": lambda p: base.save(p),
        "gray.png": lambda p: base.convert("L").save(p),
        "gray_alpha.png": lambda p: la.save(p),
        "rgba.png": lambda p: rgba.save(p),
        "palette.png": lambda p: base.quantize(colors=37).save(p),
        "bilevel.png": lambda p: base.convert("1").save(p),
        "gray16.png": lambda p: Image.fromarray(g16).save(p),
        "rgb.bmp": lambda p: base.save(p),
        "gray.bmp": lambda p: base.convert("L").save(p),
        "palette.gif": lambda p: base.quantize(colors=64).save(p),
    }
    for fname, writer in files.items():
        p = os.path.join(d, fname)
        writer(p)
        if fname == "gray16.png":
            # PIL clips 16-bit gray to 255 on convert('RGB'), which whitens real 16-bit
            # images; cyborg keeps the high byte instead (what PIL does for 48-bit RGB).
            hb = (g16 >> 8).astype(np.uint8)
            exp = np.stack([hb, hb, hb], -1)
        else:
            with Image.open(p) as im:
                exp = np.asarray(im.convert("RGB"))
        g.rows.append(["format", fname, "golden:formats/" + fname, "RGB", "40", "30",
                       sha(np.ascontiguousarray(exp).tobytes()), "-"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", required=True, help="the shared/ directory (holds data/...)")
    ap.add_argument("--out", required=True, help="test resources dir cyborg/image/golden")
    ap.add_argument("--store-all", action="store_true",
                    help="also store every resize output as PNG (for diagnosing; too big to commit)")
    a = ap.parse_args()
    os.makedirs(os.path.join(a.out, "resize"), exist_ok=True)
    g = Golden(a.shared, a.out)

    for s in SAMPLES:
        rel = f"data/cyborg-gan-samples/{s}.png"
        g.resize_case(f"{s}_64x64", rel, "RGB", 64, 64, True)
        g.resize_case(f"{s}_299x299", rel, "RGB", 299, 299, a.store_all)
        g.luminance_case(s, rel)
    first = "data/cyborg-gan-samples/000170.png"
    g.resize_case("000170_100x60", first, "RGB", 100, 60, True)
    g.resize_case("000174_60x100", "data/cyborg-gan-samples/000174.png", "RGB", 60, 100, True)
    g.resize_case("000170_224x112", first, "RGB", 224, 112, a.store_all)  # horizontal pass skipped
    g.resize_case("000170_97x224", first, "RGB", 97, 224, a.store_all)    # vertical pass skipped
    g.resize_case("000170_224x224", first, "RGB", 224, 224, False)        # both skipped: copy
    g.resize_case("000170_L_64x64", first, "L", 64, 64, True)
    g.resize_case("000170_L_100x60", first, "L", 100, 60, True)
    g.resize_case("000170_L_299x299", first, "L", 299, 299, a.store_all)
    astro = "data/public-domain-faces/astronaut.png"
    g.resize_case("astronaut_224x224", astro, "RGB", 224, 224, a.store_all)
    g.resize_case("astronaut_L_224x224", astro, "L", 224, 224, a.store_all)
    g.resize_case("astronaut_64x64", astro, "RGB", 64, 64, True)
    g.luminance_case("astronaut", astro)

    # JPEG: save PIL's decoded pixels so the Java resize sees exactly the same input.
    grace = "data/public-domain-faces/grace_hopper_512x512.jpg"
    os.makedirs(os.path.join(a.out, "jpeg"), exist_ok=True)
    g.open_rgb(grace).save(os.path.join(a.out, "jpeg", "grace_hopper_pil_decoded.png"), optimize=True)
    g.rows.append(["decode", "grace_hopper_pil_decoded", grace, "RGB", "512", "512",
                   sha(g.open_rgb(grace).tobytes()), "jpeg/grace_hopper_pil_decoded.png"])
    dec = "golden:jpeg/grace_hopper_pil_decoded.png"
    g.resize_case("grace_224x224", dec, "RGB", 224, 224, a.store_all)
    g.resize_case("grace_299x299", dec, "RGB", 299, 299, a.store_all)
    g.resize_case("grace_100x60", dec, "RGB", 100, 60, True)

    float_cases(g)
    tensor_case(g)
    all_colours_case(g)
    format_cases(g)
    g.write_manifest()


if __name__ == "__main__":
    main()
