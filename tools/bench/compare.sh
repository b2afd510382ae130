#!/usr/bin/env bash
# Side-by-side speed and memory of cyborg and the PyTorch reference it replaces, on this machine.
#
#   bash tools/bench/compare.sh            (about 10 minutes on 2 cores)
#   REPS=5 IMAGES=400 bash tools/bench/compare.sh
#
# Installs what the reference needs when absent (Debian: python3-torch, python3-torchvision,
# python3-pil, time; needs root), builds cyborg through its launcher, then runs every task REPS
# times, interleaved (reference, cyborg, reference, ...), so that both see the same machine state.
# Tasks:
#   train RN50@224  CYBORG training step, ResNet-50, 224 px, batch 20, random inputs (cyborg bench
#                   vs tools/bench/reference.py train): images/s of the timed steps
#   train RN18@64   the same with ResNet-18 at 64 px
#   score vs test.py  200 PNGs end to end: the reference's test.py style, one image per forward
#                   (reference.py single), vs cyborg score as a user runs it (its default batch):
#                   images / wall time, process start and model load included
#   score batched   the same, both 8 images per forward (reference.py batched --batch 8, cyborg
#                   score --batch 8; 8 ran fastest for both here, 32 slower than 1)
# Peak RSS is /usr/bin/time's maximum resident set size of each process.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
REPS="${REPS:-3}"
IMAGES="${IMAGES:-200}"
STEPS="${STEPS:-3}"
WORK="${BENCH_DIR:-/tmp/cyborg-bench}"
PY=/usr/bin/python3

need=()
$PY -c "import torch" 2>/dev/null || need+=(python3-torch)
$PY -c "import torchvision" 2>/dev/null || need+=(python3-torchvision)
$PY -c "import PIL" 2>/dev/null || need+=(python3-pil)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]} ..." >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >&2
fi

cd "$ROOT"
./cyborg --version >/dev/null   # builds when needed, outside the timings
mkdir -p "$WORK/images/real/bench"
$PY - "$WORK" "$IMAGES" <<'PYEOF'
import os, sys, random
from PIL import Image, ImageFilter
work, n = sys.argv[1], int(sys.argv[2])
random.seed(1)
out = os.path.join(work, "images", "real", "bench")
with open(os.path.join(work, "list.txt"), "w") as listing:
    for i in range(n):
        path = os.path.join(out, "img-%04d.png" % i)
        if not os.path.exists(path):
            im = Image.effect_noise((300, 300), 40 + i % 20).convert("RGB").filter(ImageFilter.GaussianBlur(2))
            im.save(path)
        listing.write(path + "\n")
PYEOF
[ -f "$WORK/resnet50.pth" ] || $PY tools/bench/reference.py save --arch resnet50 --out "$WORK/resnet50.pth"

# run NAME IMPL CMD...: runs CMD under /usr/bin/time, appends "NAME IMPL value rss_kb" to the results
results="$WORK/results.txt"
: > "$results"
run() {
  local name="$1" impl="$2"; shift 2
  local log="$WORK/last.log"
  /usr/bin/time -f "TIME %e %M" "$@" > "$log" 2>&1 || { cat "$log" >&2; exit 1; }
  local wall rss value
  wall=$(awk '/^TIME/ {print $2}' "$log")
  rss=$(awk '/^TIME/ {print $3}' "$log")
  case "$name" in
    train*) if [ "$impl" = reference ]; then value=$(awk '/^RESULT/ {print $3}' "$log")
            else value=$(awk -F'|' '/^\| resnet/ {gsub(/ /, "", $5); print $5}' "$log"); fi ;;
    score*) value=$(awk -v n="$IMAGES" -v w="$wall" 'BEGIN {printf "%.3f", n / w}') ;;
  esac
  echo "$name|$impl|$value|$rss" >> "$results"
  echo "  $name $impl: $value img/s, peak RSS $((rss / 1024)) MB" >&2
}

for rep in $(seq 1 "$REPS"); do
  echo "== round $rep of $REPS" >&2
  run "train RN50@224" reference $PY tools/bench/reference.py train --arch resnet50 --size 224 --batch 20 --steps "$STEPS"
  run "train RN50@224" cyborg ./cyborg bench --arch resnet50 --batch 20 --steps "$STEPS"
  run "train RN18@64" reference $PY tools/bench/reference.py train --arch resnet18 --size 64 --batch 20 --steps $((STEPS * 10))
  run "train RN18@64" cyborg ./cyborg bench --arch resnet18 --size 64 --batch 20 --steps $((STEPS * 10))
  run "score vs test.py" reference $PY tools/bench/reference.py single --arch resnet50 --weights "$WORK/resnet50.pth" --list "$WORK/list.txt"
  run "score vs test.py" cyborg ./cyborg score --model "$WORK/resnet50.pth" --arch resnet50 --folder "$WORK/images" --out "$WORK/scores.csv"
  run "score batched 8" reference $PY tools/bench/reference.py batched --arch resnet50 --batch 8 --weights "$WORK/resnet50.pth" --list "$WORK/list.txt"
  run "score batched 8" cyborg ./cyborg score --model "$WORK/resnet50.pth" --arch resnet50 --folder "$WORK/images" --batch 8 --out "$WORK/scores.csv"
done

$PY - "$results" "$REPS" <<'PYEOF'
import sys, statistics
rows = [l.rstrip("\n").split("|") for l in open(sys.argv[1]) if l.strip()]
tasks = list(dict.fromkeys(r[0] for r in rows))
print("| task | cyborg img/s (min / median / max) | reference img/s (min / median / max) | ratio of medians | peak RSS cyborg / reference (MB) |")
print("|---|---|---|---|---|")
for t in tasks:
    def vals(impl, col):
        return [float(r[col]) for r in rows if r[0] == t and r[1] == impl]
    c, p = vals("cyborg", 2), vals("reference", 2)
    cr, pr = max(vals("cyborg", 3)) / 1024, max(vals("reference", 3)) / 1024
    fmt = lambda v: "%.2f / %.2f / %.2f" % (min(v), statistics.median(v), max(v))
    print("| %s | %s | %s | %.2fx | %.0f / %.0f |" % (t, fmt(c), fmt(p), statistics.median(c) / statistics.median(p), cr, pr))
print("\n%s rounds, interleaved; `cyborg score` and the reference's scoring timed end to end (process start, model load, decoding)." % sys.argv[2])
PYEOF
