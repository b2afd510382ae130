#!/usr/bin/python3
"""Times cyborg's one-call map measures against scikit-image in one Python process.

Generates 8-bit PNG maps (N of 7x7 and N of 224x224, and PAIRS pairs of each size), then runs
each task, interleaved REPEATS times:

  entropy  skimage.measure.shannon_entropy per map      vs  cyborg measure entropy DIR
  ssim     skimage.metrics.structural_similarity(a, b)  vs  cyborg measure ssim --pairs CSV
           (defaults on uint8 maps, the settings of tools/golden/make_measure_golden.py)

Both sides are timed as a whole process, wall clock, from launch to exit: the JVM's start
(about 0.4 s) counts in cyborg's time, and Python's start and the numpy/scipy/skimage imports in
scikit-image's, because that is what a user pays for one call. Maps are read as the analysis
code reads them, PIL.Image.open(f).convert('L'). The script also checks that both print the
same numbers (max abs difference).

Usage (from the repository root, after `mvn -o -q -DskipTests package`):
    /usr/bin/python3 tools/bench/measure_vs_skimage.py [--maps 200] [--pairs 100] [--repeats 3]

Installs python3-skimage and python3-pil with apt-get when they are missing (needs root).
Timings on a shared machine are rough: read min and median, not one run.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
import struct

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
JAR = os.path.join(ROOT, "cyborg-cli", "target", "cyborg-cli.jar")
PYTHON = "/usr/bin/python3"


def worker(task, listing, out):
    """One scikit-image process: measure every map or pair in LISTING, write CSV to OUT."""
    import numpy as np
    from PIL import Image
    from skimage.measure import shannon_entropy
    from skimage.metrics import structural_similarity

    def load(f):
        return np.asarray(Image.open(f).convert("L"))

    with open(listing) as src, open(out, "w") as dst:
        for line in src:
            cells = line.strip().split(",")
            if task == "entropy":
                dst.write("%s,%.10f\n" % (cells[0], shannon_entropy(load(cells[0]))))
            else:
                dst.write("%s,%s,%.10f\n" % (cells[0], cells[1], structural_similarity(load(cells[0]), load(cells[1]))))


def png(path, pixels, w, h):
    """An 8-bit grayscale PNG, written without PIL so generation does not depend on it."""
    raw = b"".join(b"\x00" + bytes(pixels[y * w:(y + 1) * w]) for y in range(h))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))


def saliency(rng, w, h):
    """A blurred blob plus noise, like a saliency map, values 0..255."""
    import math
    cx, cy = rng.uniform(0, w), rng.uniform(0, h)
    s = max(1.0, rng.uniform(0.15, 0.4) * w)
    return [max(0, min(255, int(255 * math.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2 * s * s)) + rng.randint(-20, 20))))
            for y in range(h) for x in range(w)]


def generate(work, n_maps, n_pairs):
    import random
    rng = random.Random(10)
    tasks = {}
    for side in (7, 224):
        d = os.path.join(work, "maps%d" % side)
        os.makedirs(d)
        files = []
        for i in range(n_maps):
            f = os.path.join(d, "m%04d.png" % i)
            png(f, saliency(rng, side, side), side, side)
            files.append(f)
        tasks["entropy %dx%d, %d maps" % (side, side, n_maps)] = ("entropy", d, files)
        pairs = [(files[i], files[(i + 1) % n_maps]) for i in range(n_pairs)]
        csv = os.path.join(work, "pairs%d.csv" % side)
        with open(csv, "w") as f:
            f.write("a,b\n" + "".join("%s,%s\n" % p for p in pairs))
        tasks["ssim %dx%d, %d pairs" % (side, side, n_pairs)] = ("ssim", csv, pairs)
    return tasks


def timed(cmd, stdout):
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=stdout)
    return time.perf_counter() - start


def read_values(path, column, header):
    with open(path) as f:
        rows = [l.rstrip("\n").split(",") for l in f if l.strip()]
    return [float(r[column]) for r in rows[1 if header else 0:]]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--maps", type=int, default=200)
    ap.add_argument("--pairs", type=int, default=100)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--worker", nargs=3, metavar=("TASK", "LIST", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(*args.worker)
        return
    if not os.path.exists(JAR):
        sys.exit("%s: not built; run `mvn -o -q -DskipTests package` from %s first" % (JAR, ROOT))
    if subprocess.run([PYTHON, "-c", "import skimage, PIL"], stderr=subprocess.DEVNULL).returncode != 0:
        subprocess.run(["apt-get", "install", "-y", "python3-skimage", "python3-pil"], check=True)
    java = [shutil.which("java") or "java", "-Dai.djl.offline=true", "-Djava.awt.headless=true", "-jar", JAR, "measure"]
    work = tempfile.mkdtemp(prefix="measure-bench-")
    try:
        tasks = generate(work, args.maps, args.pairs)
        times = {name: {"cyborg": [], "skimage": []} for name in tasks}
        diffs = {}
        for r in range(args.repeats):
            for name, (kind, source, items) in tasks.items():
                listing = os.path.join(work, "list.csv")
                with open(listing, "w") as f:
                    f.write("".join((i if kind == "entropy" else "%s,%s" % i) + "\n" for i in items))
                sk_out, cy_out = os.path.join(work, "sk.csv"), os.path.join(work, "cy.csv")
                cmd = java + (["entropy", source] if kind == "entropy" else ["ssim", "--pairs", source])
                with open(cy_out, "w") as out:
                    times[name]["cyborg"].append(timed(cmd, out))
                times[name]["skimage"].append(timed([PYTHON, os.path.abspath(__file__), "--worker", kind, listing, sk_out],
                                                    subprocess.DEVNULL))
                column = 1 if kind == "entropy" else 2
                ours, theirs = read_values(cy_out, column, True), read_values(sk_out, column, False)
                assert len(ours) == len(theirs), (name, len(ours), len(theirs))
                diffs[name] = max(abs(a - b) for a, b in zip(ours, theirs))
        print("rough timings on a shared machine, %d interleaved runs, whole process wall clock"
              " (JVM start counts for cyborg, Python start and imports for scikit-image)" % args.repeats)
        print("%-28s %20s %20s %8s %10s" % ("task", "cyborg s (min/med)", "skimage s (min/med)", "ratio", "max |diff|"))
        for name in tasks:
            c, s = times[name]["cyborg"], times[name]["skimage"]
            print("%-28s %9.2f / %7.2f %9.2f / %7.2f %7.1fx %10.1e" % (name, min(c), statistics.median(c), min(s),
                  statistics.median(s), statistics.median(s) / statistics.median(c), diffs[name]))
        print("ratio = skimage median / cyborg median (above 1: cyborg faster)")
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
