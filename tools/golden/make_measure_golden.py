#!/usr/bin/env python3
"""Generate the golden files that cyborg.explain's Java tests compare against.

The reference is scikit-image, which the published saliency-map analyses use:
skimage.measure.shannon_entropy(map) (base 2) and
skimage.metrics.structural_similarity(a, b) with its defaults on uint8 maps
(7x7 uniform window, K1=0.01, K2=0.03, sample covariance, data_range 255).
Maps are PNGs read back by PIL's Image.open(f).convert('L'), exactly as the
Python analysis code reads saliency maps.

Usage (from the repository root):
    /usr/bin/python3 tools/golden/make_measure_golden.py \
        --out cyborg-core/src/test/resources/cyborg/explain/golden

All inputs are synthetic (seeded), so re-running reproduces the same files.
The product never runs Python; re-run this only when the golden cases change.

Written against scikit-image 0.19.3 / scipy 1.10 / numpy 1.24 / Pillow 9.4 (Debian 12).
"""
import argparse
import os
import struct
import zlib

import numpy as np
import PIL
import scipy
import skimage
from PIL import Image
from skimage.measure import shannon_entropy
from skimage.metrics import structural_similarity


def blob(w, h, cx, cy, sx, sy, peak=255.0, floor=0.0):
    """A smooth Gaussian bump, like a saliency map's hot spot."""
    y, x = np.mgrid[0:h, 0:w].astype(np.float64)
    g = np.exp(-(((x - cx) / sx) ** 2 + ((y - cy) / sy) ** 2) / 2)
    return np.clip(np.rint(floor + (peak - floor) * g), 0, 255).astype(np.uint8)


def make_maps(rng):
    m = {}
    # 7x7: the smallest map SSIM accepts (one interior pixel), like a CAM at feature resolution.
    m["blob_7x7"] = blob(7, 7, 3.2, 2.6, 1.6, 2.1)
    m["noise_7x7"] = rng.integers(0, 256, (7, 7), dtype=np.uint8)
    m["const_7x7"] = np.full((7, 7), 128, np.uint8)
    two = np.zeros((7, 7), np.uint8)
    two[:, 4:] = 200
    m["two_values_7x7"] = two
    m["distinct_7x7"] = (np.arange(49, dtype=np.uint8) * 5).reshape(7, 7)
    m["blob_8x8"] = blob(8, 8, 4.5, 3.0, 2.0, 1.5)
    m["noise_8x8"] = rng.integers(0, 256, (8, 8), dtype=np.uint8)
    m["blob_10x10"] = blob(10, 10, 4.0, 6.0, 2.5, 2.0, floor=10)
    m["noise_10x10"] = rng.integers(0, 256, (10, 10), dtype=np.uint8)
    # Non-square in both orientations catches a swapped width/height.
    m["blob_12w_7h"] = blob(12, 7, 8.0, 3.0, 2.5, 1.5)
    m["noise_12w_7h"] = rng.integers(0, 256, (7, 12), dtype=np.uint8)
    m["blob_7w_12h"] = blob(7, 12, 2.0, 8.0, 1.5, 3.0)
    m["noise_7w_12h"] = rng.integers(0, 256, (12, 7), dtype=np.uint8)
    m["blob_32x32"] = blob(32, 32, 12.0, 18.0, 6.0, 4.0)
    m["noise_32x32"] = rng.integers(0, 256, (32, 32), dtype=np.uint8)
    m["blob_64x64"] = blob(64, 64, 30.0, 25.0, 10.0, 14.0)
    m["low_noise_64x64"] = rng.integers(0, 8, (64, 64), dtype=np.uint8)
    m["blob_224x224"] = blob(224, 224, 100.0, 120.0, 40.0, 30.0)
    noisy = m["blob_224x224"].astype(np.int32) + rng.integers(-20, 21, (224, 224))
    m["blob_224x224_noisy"] = np.clip(noisy, 0, 255).astype(np.uint8)
    for k in ["blob_7x7", "blob_10x10", "blob_32x32", "blob_64x64"]:
        base = m[k].astype(np.int32)
        m[k.replace("blob", "shifted")] = np.roll(m[k], (1, 2), axis=(0, 1))
        m[k.replace("blob", "inverted")] = (255 - m[k]).astype(np.uint8)
        m[k.replace("blob", "noisy")] = np.clip(base + rng.integers(-30, 31, base.shape), 0, 255).astype(np.uint8)
    return m


PAIRS = [
    ("identical_7x7", "blob_7x7", "blob_7x7"),
    ("const_vs_itself_7x7", "const_7x7", "const_7x7"),
    ("const_vs_blob_7x7", "const_7x7", "blob_7x7"),
    ("shifted_7x7", "blob_7x7", "shifted_7x7"),
    ("inverted_7x7", "blob_7x7", "inverted_7x7"),
    ("noisy_7x7", "blob_7x7", "noisy_7x7"),
    ("noise_vs_blob_7x7", "noise_7x7", "blob_7x7"),
    ("two_values_vs_distinct_7x7", "two_values_7x7", "distinct_7x7"),
    ("noise_8x8", "blob_8x8", "noise_8x8"),
    ("identical_10x10", "blob_10x10", "blob_10x10"),
    ("shifted_10x10", "blob_10x10", "shifted_10x10"),
    ("inverted_10x10", "blob_10x10", "inverted_10x10"),
    ("noisy_10x10", "blob_10x10", "noisy_10x10"),
    ("noise_vs_blob_10x10", "noise_10x10", "blob_10x10"),
    ("noise_12w_7h", "blob_12w_7h", "noise_12w_7h"),
    ("noise_7w_12h", "blob_7w_12h", "noise_7w_12h"),
    ("shifted_32x32", "blob_32x32", "shifted_32x32"),
    ("inverted_32x32", "blob_32x32", "inverted_32x32"),
    ("noisy_32x32", "blob_32x32", "noisy_32x32"),
    ("noise_vs_blob_32x32", "noise_32x32", "blob_32x32"),
    ("shifted_64x64", "blob_64x64", "shifted_64x64"),
    ("inverted_64x64", "blob_64x64", "inverted_64x64"),
    ("noisy_64x64", "blob_64x64", "noisy_64x64"),
    ("low_noise_vs_blob_64x64", "low_noise_64x64", "blob_64x64"),
    ("identical_224x224", "blob_224x224", "blob_224x224"),
    ("noisy_224x224", "blob_224x224", "blob_224x224_noisy"),
]


def write_low_depth_gray_png(path, levels, bits):
    """A gray PNG at 1, 2 or 4 bits per pixel (PIL only writes 8-bit 'L'); levels < 2**bits."""
    h, w = levels.shape
    per_byte = 8 // bits
    raw = b""
    for row in levels:
        padded = list(row) + [0] * (-len(row) % per_byte)
        packed = bytes(sum(int(v) << (8 - bits * (k + 1)) for k, v in enumerate(padded[i:i + per_byte]))
                       for i in range(0, len(padded), per_byte))
        raw += b"\0" + packed

    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, bits, 0, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def write_format_cases(out, rng):
    """Files in other PNG colour models; expected = PIL's convert('L'), stored as binary PGM."""
    d = os.path.join(out, "formats")
    os.makedirs(d, exist_ok=True)
    rgb = rng.integers(0, 256, (9, 13, 3), dtype=np.uint8)  # h=9, w=13
    rgb[0, :3] = [[255, 255, 255], [0, 0, 0], [1, 2, 3]]
    alpha = rng.integers(0, 256, (9, 13), dtype=np.uint8)
    gray = rng.integers(0, 256, (9, 13), dtype=np.uint8)
    base = Image.fromarray(rgb, "RGB")
    writers = {
        "rgb.png": lambda p: base.save(p),
        "rgba.png": lambda p: Image.fromarray(np.dstack([rgb, alpha]), "RGBA").save(p),
        "gray.png": lambda p: Image.fromarray(gray, "L").save(p),
        "gray_alpha.png": lambda p: Image.merge("LA", (Image.fromarray(gray, "L"),
                                                       Image.fromarray(alpha, "L"))).save(p),
        "palette.png": lambda p: base.quantize(colors=23).save(p),
        "palette_4bit.png": lambda p: base.quantize(colors=11).save(p, bits=4),
        "bilevel.png": lambda p: Image.fromarray(gray, "L").convert("1").save(p),
        # PIL scales low-depth gray up to 0..255 (x17 for 4 bits, x85 for 2 bits).
        "gray_4bit.png": lambda p: write_low_depth_gray_png(p, gray >> 4, 4),
        "gray_2bit.png": lambda p: write_low_depth_gray_png(p, gray >> 6, 2),
    }
    rows = []
    for fname, writer in writers.items():
        p = os.path.join(d, fname)
        writer(p)
        with Image.open(p) as im:
            mode = im.mode
            L = im.convert("L")
        pgm = fname.rsplit(".", 1)[0] + ".pgm"
        with open(os.path.join(d, pgm), "wb") as f:
            f.write(b"P5\n%d %d\n255\n" % (L.width, L.height) + L.tobytes())
        rows.append((f"formats/{fname}", f"formats/{pgm}", mode))
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True, help="test resources dir cyborg/explain/golden")
    a = ap.parse_args()
    os.makedirs(os.path.join(a.out, "maps"), exist_ok=True)
    rng = np.random.default_rng(20240611)
    maps = make_maps(rng)
    read = {}
    for name, arr in maps.items():
        p = os.path.join(a.out, "maps", name + ".png")
        Image.fromarray(arr, "L").save(p, optimize=True)
        with Image.open(p) as im:  # measure what the analysis code would read back
            read[name] = np.asarray(im.convert("L"))
        assert np.array_equal(read[name], arr)

    versions = (f"# scikit-image {skimage.__version__}, scipy {scipy.__version__}, "
                f"numpy {np.__version__}, Pillow {PIL.__version__}\n")
    with open(os.path.join(a.out, "entropy.tsv"), "w") as f:
        f.write("# map\twidth\theight\tshannon_entropy_bits\tbits_over_log2_pixels\n" + versions)
        for name, arr in read.items():
            bits = shannon_entropy(arr)
            norm = bits / np.log2(arr.size)
            f.write(f"maps/{name}.png\t{arr.shape[1]}\t{arr.shape[0]}\t{float(bits)!r}\t{float(norm)!r}\n")

    with open(os.path.join(a.out, "ssim.tsv"), "w") as f:
        f.write("# case\tmap_a\tmap_b\tssim_uint8\tssim_float_over_255_range_1\tpearson\n" + versions)
        for case, x, y in PAIRS:
            A, B = read[x], read[y]
            s = structural_similarity(A, B)
            # Float maps (a/255 in float64) with data_range=1: the double[] overload.
            sf = structural_similarity(A / 255.0, B / 255.0, data_range=1.0)
            af, bf = A.astype(np.float64).ravel(), B.astype(np.float64).ravel()
            if af.std() == 0 or bf.std() == 0:
                r = 0.0  # cyborg's documented choice where numpy would give nan
            else:
                r = float(np.corrcoef(af, bf)[0, 1])
            f.write(f"{case}\tmaps/{x}.png\tmaps/{y}.png\t{float(s)!r}\t{float(sf)!r}\t{r!r}\n")

    with open(os.path.join(a.out, "formats.tsv"), "w") as f:
        f.write("# png\texpected_L_as_pgm\tpil_mode\n" + versions)
        for row in write_format_cases(a.out, rng):
            f.write("\t".join(row) + "\n")


if __name__ == "__main__":
    main()
