#!/usr/bin/env python3
"""Copies a data set in the reference split layout (split.csv + images/) with every image resized
to SIZE x SIZE (Lanczos) and saved as a JPEG (quality Q, 4:2:0, as cameras and photo sites store
faces), and split.csv rewritten to the new names: the "1024 px JPEGs from an object store" case of
tools/bench/spark-scaling.sh, where decoding and resizing cost more than for 64 px PNGs.

    /usr/bin/python3 tools/bench/large-jpegs.py SRC_DIR DST_DIR [--size 1024] [--quality 90]

Uses Debian's python3-pil (data preparation only; cyborg never runs Python). Prints the mean file
size, to compare with real photos of that size.
"""
import argparse
import csv
import os
import sys

from PIL import Image


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("src")
    p.add_argument("dst")
    p.add_argument("--size", type=int, default=1024)
    p.add_argument("--quality", type=int, default=90)
    a = p.parse_args()
    # the reference split file: no header, rows split,class,relpath (relpath starts with "/")
    with open(os.path.join(a.src, "split.csv"), newline="") as f:
        rows = [r for r in csv.reader(f) if r]
    os.makedirs(a.dst, exist_ok=True)
    total = 0
    out_rows = []
    for split, label, rel in rows:
        new_rel = os.path.splitext(rel)[0] + ".jpg"
        target = os.path.join(a.dst, "images", new_rel.lstrip("/"))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with Image.open(os.path.join(a.src, "images", rel.lstrip("/"))) as im:
            im.convert("RGB").resize((a.size, a.size), Image.LANCZOS).save(
                target + ".tmp", "JPEG", quality=a.quality, subsampling=2)
        os.replace(target + ".tmp", target)
        total += os.path.getsize(target)
        out_rows.append([split, label, new_rel])
    tmp = os.path.join(a.dst, "split.csv.tmp")
    with open(tmp, "w", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(out_rows)
    os.replace(tmp, os.path.join(a.dst, "split.csv"))
    print("wrote %d JPEGs of %d px (quality %d), mean %.0f KB, to %s"
          % (len(rows), a.size, a.quality, total / max(1, len(rows)) / 1024, a.dst), file=sys.stderr)


if __name__ == "__main__":
    main()
