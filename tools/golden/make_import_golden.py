#!/usr/bin/env python3
"""Make the golden files of the annotation importers (cyborg.web.annotate.imports): small COCO and
Label Studio exports, and the masks the reference implementations decode from them.

Usage (from the repository root):
    /usr/bin/python3 tools/golden/make_import_golden.py \
        --cocoapi /path/to/cocoapi --ls-converter /path/to/label-studio-converter \
        --out cyborg-web/src/test/resources/imports

References (read from checkouts, nothing of them is copied into cyborg):
  * COCO: pycocotools' C core, common/maskApi.c of github.com/cocodataset/cocoapi (tested at
    8c9bcc3c, 2020-02-20), compiled here with gcc into a temporary shared library and called with
    ctypes, following pycocotools' Python layer: COCO.annToRLE / annToMask (polygons: frPoly per
    polygon, rleToString/rleFrString, rleMerge union; uncompressed RLE: counts -> rleToString ->
    rleFrString; compressed RLE as is) and rleDecode (column-major). pycocotools itself is not
    installable here (no Debian package, no PyPI).
  * Label Studio: label_studio_converter/brush.py of github.com/HumanSignal/label-studio-converter
    (tested at 2ef54005, 2024-08-13), loaded as a file: decode_rle and the alpha channel
    reshape(h, w, 4)[:, :, 3] of decode_from_annotation, and encode_rle / mask2rle to make inputs.
    Inputs with literal runs and other word/run sizes (as Label Studio's frontend, thi.ng rle-pack,
    writes) come from a small encoder in this script; their expected masks are still decode_rle's.

Writes coco.json + coco_masks.json and labelstudio.json + labelstudio_masks.json. Each *_masks.json
maps "image|annotator" to {width, height, rows}, rows a list of strings of '0'/'1' (row-major). Each
case has its own annotator, except the cases that test OR-ing. The product never runs Python;
re-run only when the cases change.
"""
import argparse
import ctypes
import importlib.util
import json
import os
import random
import subprocess
import sys
import tempfile

import numpy as np


# ---------------------------------------------------------------- COCO via maskApi.c

class RLE(ctypes.Structure):
    _fields_ = [("h", ctypes.c_ulong), ("w", ctypes.c_ulong), ("m", ctypes.c_ulong),
                ("cnts", ctypes.POINTER(ctypes.c_uint))]


def load_mask_api(cocoapi):
    src = os.path.join(cocoapi, "common", "maskApi.c")
    out = os.path.join(tempfile.mkdtemp(), "libmaskapi.so")
    subprocess.run(["gcc", "-O0", "-shared", "-fPIC", "-o", out, src, "-lm"], check=True)
    lib = ctypes.CDLL(out)
    lib.rleToString.restype = ctypes.c_void_p
    return lib


class Coco:
    def __init__(self, lib):
        self.lib = lib

    def _rle(self, h, w, counts):
        r = RLE()
        arr = (ctypes.c_uint * len(counts))(*counts)
        self.lib.rleInit(ctypes.byref(r), ctypes.c_ulong(h), ctypes.c_ulong(w), ctypes.c_ulong(len(counts)), arr)
        return r

    def _counts(self, r):
        return [r.cnts[i] for i in range(r.m)]

    def to_string(self, r):
        p = self.lib.rleToString(ctypes.byref(r))
        return ctypes.string_at(p).decode("ascii")

    def fr_string(self, s, h, w):
        r = RLE()
        self.lib.rleFrString(ctypes.byref(r), ctypes.c_char_p(s.encode("ascii")), ctypes.c_ulong(h), ctypes.c_ulong(w))
        return r

    def fr_poly(self, xy, h, w):
        r = RLE()
        a = np.array(xy, dtype=np.double)
        self.lib.rleFrPoly(ctypes.byref(r), a.ctypes.data_as(ctypes.POINTER(ctypes.c_double)),
                           ctypes.c_ulong(len(xy) // 2), ctypes.c_ulong(h), ctypes.c_ulong(w))
        return r

    def merge(self, rles):
        arr = (RLE * len(rles))(*rles)
        m = RLE()
        self.lib.rleMerge(arr, ctypes.byref(m), ctypes.c_ulong(len(rles)), 0)
        return m

    def decode(self, r):
        buf = (ctypes.c_ubyte * (r.h * r.w))()
        self.lib.rleDecode(ctypes.byref(r), buf, ctypes.c_ulong(1))
        return np.frombuffer(buf, dtype=np.uint8).reshape((r.w, r.h)).T.copy()  # column-major

    def encode(self, mask):
        h, w = mask.shape
        m = np.asfortranarray(mask.astype(np.uint8))
        r = RLE()
        self.lib.rleEncode(ctypes.byref(r), m.ctypes.data_as(ctypes.POINTER(ctypes.c_ubyte)),
                           ctypes.c_ulong(h), ctypes.c_ulong(w), ctypes.c_ulong(1))
        return r

    def ann_to_mask(self, segm, h, w):
        """pycocotools COCO.annToRLE + maskUtils.decode."""
        if isinstance(segm, list):
            rles = [self.fr_string(self.to_string(self.fr_poly(p, h, w)), h, w) for p in segm]
            rle = self.merge(rles)
        elif isinstance(segm["counts"], list):
            rle = self.fr_string(self.to_string(self._rle(segm["size"][0], segm["size"][1], segm["counts"])),
                                 segm["size"][0], segm["size"][1])
        else:
            rle = self.fr_string(segm["counts"], segm["size"][0], segm["size"][1])
        return self.decode(rle)


def blob(rng, h, w, n):
    m = np.zeros((h, w), dtype=np.uint8)
    for _ in range(n):
        cy, cx, ry, rx = rng.uniform(0, h), rng.uniform(0, w), rng.uniform(1, h / 2), rng.uniform(1, w / 2)
        yy, xx = np.mgrid[0:h, 0:w]
        m |= (((yy - cy) / ry) ** 2 + ((xx - cx) / rx) ** 2 <= 1).astype(np.uint8)
    return m


def coco_cases(coco, rng):
    images, annotations, expected = [], [], {}
    polygons = {
        # name: (w, h, polygons)
        "poly-triangle": (13, 9, [[1.0, 1.0, 11.5, 2.0, 4.2, 8.0]]),
        "poly-square-int": (8, 6, [[2, 1, 6, 1, 6, 4, 2, 4]]),
        "poly-half-pixels": (10, 10, [[0.5, 0.5, 8.5, 0.5, 8.5, 7.5, 0.5, 7.5]]),
        "poly-full-frame": (7, 5, [[0, 0, 7, 0, 7, 5, 0, 5]]),
        "poly-outside-frame": (9, 7, [[-3.2, -2.0, 12.7, 1.3, 10.1, 9.9, -1.5, 8.2]]),
        "poly-concave": (16, 12, [[1, 1, 14, 1, 14, 10, 8, 4.5, 1, 10]]),
        "poly-bowtie": (12, 10, [[1, 1, 10, 8, 10, 1, 1, 8]]),
        "poly-two-parts-overlapping": (15, 11, [[0.3, 0.3, 9.7, 0.9, 6.1, 7.4], [4.4, 3.3, 14.2, 5.5, 9.9, 10.6]]),
        "poly-clockwise-fractional": (11, 13, [[2.26, 11.71, 9.49, 10.02, 8.77, 1.13, 3.05, 2.48]]),
        "poly-thin-sliver": (20, 6, [[0.2, 2.4, 19.8, 2.6, 19.8, 2.9, 0.2, 2.7]]),
        "poly-many-vertices": (17, 17, [[8.5 + 7.3 * np.cos(t), 8.5 + 6.1 * np.sin(t)] for t in np.linspace(0, 2 * np.pi, 23)[:-1]]),
    }
    next_id = [1]

    def add(name, w, h, segm, annotator=None, image_name=None):
        image_name = image_name or name + ".png"
        if not any(i["file_name"] == image_name for i in images):
            images.append({"id": len(images) + 1, "file_name": image_name, "width": w, "height": h})
        image_id = next(i["id"] for i in images if i["file_name"] == image_name)
        ann = {"id": next_id[0], "image_id": image_id, "category_id": 1, "segmentation": segm,
               "iscrowd": 0 if isinstance(segm, list) else 1,
               "attributes": {"annotator": annotator or name}}
        next_id[0] += 1
        annotations.append(ann)
        mask = coco.ann_to_mask(segm, h, w)
        key = image_name + "|" + (annotator or name)
        if key in expected:
            mask = np.maximum(mask, expected[key])
        expected[key] = mask

    for name, (w, h, polys) in polygons.items():
        if name == "poly-many-vertices":
            polys = [[float(round(v, 3)) for pt in polys for v in pt]]
        add(name, w, h, polys)

    # random polygons: fractional vertices, some beyond the frame, clockwise or not, self-crossing
    for k in range(24):
        w, h = rng.randrange(3, 26), rng.randrange(3, 26)
        n = rng.randrange(3, 9)
        parts = [[round(rng.uniform(-2, w + 2), rng.choice([0, 1, 2, 3])) if i % 2 == 0
                  else round(rng.uniform(-2, h + 2), rng.choice([0, 1, 2, 3])) for i in range(2 * n)]
                 for _ in range(rng.choice([1, 1, 2]))]
        add("poly-random-%02d" % k, w, h, parts)
    for k, (w, h) in enumerate([(5, 4), (13, 9), (31, 17)]):
        m = blob(rng, h, w, 2)
        r = coco.encode(m)
        add("rle-uncompressed-%d" % k, w, h, {"counts": coco._counts(r), "size": [h, w]})
        m = blob(rng, h, w, 3)
        r = coco.encode(m)
        add("rle-compressed-%d" % k, w, h, {"counts": coco.to_string(r), "size": [h, w]})
    # masks starting with a foreground pixel (first count 0), and all-foreground / empty
    m = np.ones((6, 7), dtype=np.uint8); m[3:, 4:] = 0
    add("rle-compressed-starts-on", 7, 6, {"counts": coco.to_string(coco.encode(m)), "size": [6, 7]})
    add("rle-uncompressed-full", 4, 3, {"counts": [0, 12], "size": [3, 4]})
    add("rle-compressed-empty", 4, 3, {"counts": coco.to_string(coco.encode(np.zeros((3, 4), np.uint8))), "size": [3, 4]})
    # a larger image, so compressed counts need several chars and negative deltas
    m = blob(rng, 120, 200, 4)
    add("rle-compressed-large", 200, 120, {"counts": coco.to_string(coco.encode(m)), "size": [120, 200]})
    # OR: one annotator, three annotations (polygon, uncompressed, compressed) of one image
    w, h = 12, 8
    add("or", w, h, [[0, 0, 5, 0, 5, 4]], annotator="ann-or", image_name="or.png")
    add("or", w, h, {"counts": coco._counts(coco.encode(blob(rng, h, w, 1))), "size": [h, w]},
        annotator="ann-or", image_name="or.png")
    add("or", w, h, {"counts": coco.to_string(coco.encode(blob(rng, h, w, 1))), "size": [h, w]},
        annotator="ann-or", image_name="or.png")
    # a second annotator on the same image stays separate
    add("or", w, h, [[6, 1, 11, 1, 11, 7, 6, 7]], annotator="ann-other", image_name="or.png")
    return {"images": images, "annotations": annotations, "categories": [{"id": 1, "name": "salient"}]}, expected


# ---------------------------------------------------------------- Label Studio via brush.py

def load_brush(converter):
    path = os.path.join(converter, "label_studio_converter", "brush.py")
    spec = importlib.util.spec_from_file_location("ls_brush", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def rle_pack(values, word_size, rle_sizes):
    """An encoder in the style of thi.ng rle-pack (what Label Studio's frontend runs): repeat runs of
    3+ equal values, literal runs otherwise, run lengths split to the largest rle size."""
    bits = [format(len(values), "032b"), format(word_size - 1, "05b")] + [format(s - 1, "04b") for s in rle_sizes]
    maxrun = 1 << max(rle_sizes)

    def header(flag, n):
        k = next(i for i, s in enumerate(rle_sizes) if n - 1 < (1 << s))
        return flag + format(k, "02b") + format(n - 1, "0%db" % rle_sizes[k])

    i, n = 0, len(values)
    while i < n:
        j = i
        while j < n and values[j] == values[i] and j - i < maxrun:
            j += 1
        if j - i >= 3:
            bits.append(header("1", j - i) + format(values[i], "0%db" % word_size))
            i = j
            continue
        j = i
        while j < n and j - i < maxrun and not (j + 2 < n and values[j] == values[j + 1] == values[j + 2]):
            j += 1
        j = max(j, i + 1)
        bits.append(header("0", j - i) + "".join(format(v, "0%db" % word_size) for v in values[i:j]))
        i = j
    s = "".join(bits)
    s += "0" * (-len(s) % 8)
    return [int(s[k:k + 8], 2) for k in range(0, len(s), 8)]


def ls_cases(brush, rng):
    tasks, expected = [], {}
    task_id = [100]

    def task(image_ref, annotations):
        task_id[0] += 1
        tasks.append({"id": task_id[0], "data": {"image": image_ref}, "annotations": annotations, "predictions": []})

    def brush_result(rle, w, h, label="salient"):
        return {"id": "r%d" % rng.randrange(10 ** 6), "type": "brushlabels", "from_name": "tag", "to_name": "image",
                "original_width": w, "original_height": h, "image_rotation": 0,
                "value": {"format": "rle", "rle": [int(b) for b in rle], "brushlabels": [label]}}

    def expect(name, who, w, h, rle):
        alpha = np.reshape(brush.decode_rle(rle), [h, w, 4])[:, :, 3]  # as decode_from_annotation
        key = name + "|" + who
        m = (alpha > 0).astype(np.uint8)
        expected[key] = np.maximum(m, expected[key]) if key in expected else m

    ann_id = [1]

    def annotation(who, results):
        ann_id[0] += 1
        return {"id": ann_id[0], "completed_by": who, "was_cancelled": False, "result": results}

    # masks made by the converter's own encoder (mask2rle: gray value repeated in all 4 channels)
    for k, (w, h) in enumerate([(5, 4), (17, 11), (64, 48)]):
        m = blob(rng, h, w, 2) * 255
        rle = brush.mask2rle(m.astype(np.uint8))
        name = "mask2rle-%d.png" % k
        task("/data/upload/3/%08x-%s" % (rng.randrange(16 ** 8), name), [annotation(k + 1, [brush_result(rle, w, h)])])
        expect(name, str(k + 1), w, h, rle)
    # RGBA with colour and varying alpha, converter encoder (encode_rle over the raw RGBA values)
    w, h = 9, 7
    rgba = np.zeros((h, w, 4), dtype=np.uint8)
    m = blob(rng, h, w, 2)
    rgba[..., 0] = 255 * m
    rgba[..., 3] = m * rng.choice([1, 128, 255])
    rgba[2, 2, :3] = [10, 20, 30]  # colour without alpha: not in the mask
    rle = brush.encode_rle(rgba.ravel())
    task("/data/upload/7/0a1b2c3d-rgba.png", [annotation({"id": 9, "email": "ann@example.org"}, [brush_result(rle, w, h)])])
    expect("rgba.png", "ann@example.org", w, h, rle)
    # frontend-style literal runs with other word/run sizes
    for k, (ws, sizes) in enumerate([(8, [3, 4, 8, 16]), (8, [1, 2, 5, 12]), (8, [2, 6, 10, 16]), (4, [2, 4, 8, 16])]):
        w, h = 11 + k, 6 + k
        rgba = np.zeros((h, w, 4), dtype=np.uint8)
        m = blob(rng, h, w, 2)
        top = (1 << ws) - 1
        rgba[..., 3] = m * top
        rgba[..., 1] = np.array([[rng.randrange(top + 1) for _ in range(w)] for _ in range(h)])  # noise: literal runs
        rle = rle_pack([int(v) for v in rgba.ravel()], ws, sizes)
        name = "literal-%d.png" % k
        task("http://localhost:8080/data/local-files/?d=faces%%2F%s" % name, [annotation(7, [brush_result(rle, w, h)])])
        expect(name, "7", w, h, rle)
    # OR: two results in one annotation, and a second annotation by the same annotator in another task
    w, h = 10, 8
    r1 = brush.mask2rle((blob(rng, h, w, 1) * 255).astype(np.uint8))
    r2 = brush.mask2rle((blob(rng, h, w, 1) * 255).astype(np.uint8))
    r3 = brush.mask2rle((blob(rng, h, w, 1) * 255).astype(np.uint8))
    r4 = brush.mask2rle((blob(rng, h, w, 1) * 255).astype(np.uint8))
    task("/data/upload/1/deadbeef-or.png", [annotation(5, [brush_result(r1, w, h), brush_result(r2, w, h)]),
                                            annotation(6, [brush_result(r4, w, h)])])
    task("s3://bucket/set/or.png", [annotation(5, [brush_result(r3, w, h)])])
    for r in (r1, r2, r3):
        expect("or.png", "5", w, h, r)
    expect("or.png", "6", w, h, r4)
    return tasks, expected


def rows(mask):
    return ["".join("1" if v else "0" for v in row) for row in mask]


def write_expected(path, expected):
    out = {k: {"width": int(m.shape[1]), "height": int(m.shape[0]), "rows": rows(m)} for k, m in expected.items()}
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cocoapi", required=True)
    ap.add_argument("--ls-converter", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(20261130)
    np.random.seed(20261130)

    coco = Coco(load_mask_api(args.cocoapi))
    data, expected = coco_cases(coco, rng)
    with open(os.path.join(args.out, "coco.json"), "w") as f:
        json.dump(data, f)
        f.write("\n")
    write_expected(os.path.join(args.out, "coco_masks.json"), expected)

    brush = load_brush(args.ls_converter)
    tasks, expected = ls_cases(brush, rng)
    with open(os.path.join(args.out, "labelstudio.json"), "w") as f:
        json.dump(tasks, f)
        f.write("\n")
    write_expected(os.path.join(args.out, "labelstudio_masks.json"), expected)
    print("wrote", args.out, file=sys.stderr)


if __name__ == "__main__":
    main()
