#!/usr/bin/env python3
"""Draws docs/benchmark-examples.png: four images per source of a generated benchmark and the
three annotators' maps of the first one. Documentation only; cyborg itself never runs Python.

    ./cyborg synth --out /tmp/bench --seed 1 --train-per-class 12 --val-per-class 2 --test-per-source 8 --no-more-data
    python3 tools/docs/benchmark_grid.py /tmp/bench docs/benchmark-examples.png
"""
import glob
import sys

from PIL import Image, ImageDraw

SOURCES = [
    ("train/real/wild", "wild (train, real)"),
    ("train/synthetic/upsample-eyes-mouth", "upsample-eyes-mouth (train)"),
    ("train/synthetic/smeared-mouth-nose", "smeared-mouth-nose (train)"),
    ("train/synthetic/iris-cast", "iris-cast (train)"),
    ("test/unmarked/real/wild", "wild (open set, real)"),
    ("test/styles/real/studio", "studio (unseen style, real)"),
    ("test/styles/real/soft", "soft (unseen style, real)"),
    ("test/unmarked/synthetic/upsample-nose", "upsample-nose (test)"),
    ("test/unmarked/synthetic/smeared-eyes", "smeared-eyes (test)"),
    ("test/unmarked/synthetic/brow-cast", "brow-cast (test)"),
    ("test/unmarked/synthetic/hairline-seam", "hairline-seam (test)"),
    ("test/unmarked/synthetic/droplet", "droplet (test)"),
]
TILE = 96
LABEL = 200


def main(bench, out):
    grid = Image.new("RGB", (LABEL + 7 * TILE, len(SOURCES) * TILE), "white")
    draw = ImageDraw.Draw(grid)
    for row, (folder, title) in enumerate(SOURCES):
        files = sorted(glob.glob(f"{bench}/images/{folder}/*.png"))[:4]
        draw.text((6, row * TILE + TILE // 2 - 6), title, fill="black")
        for col, f in enumerate(files):
            grid.paste(Image.open(f).convert("RGB").resize((TILE, TILE), Image.NEAREST), (LABEL + col * TILE, row * TILE))
        stem = files[0].rsplit("/", 1)[1][:-4]
        for k in range(3):
            m = Image.open(f"{bench}/maps/{stem}.{k + 1}.png").convert("RGB").resize((TILE, TILE), Image.BILINEAR)
            grid.paste(m, (LABEL + (4 + k) * TILE, row * TILE))
    grid.save(out, optimize=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
