#!/usr/bin/env bash
# Side-by-side speed and memory of cyborg and the PyTorch reference it replaces, on this machine.
#
#   bash tools/bench/compare.sh            (10 to 25 minutes on 2 cores, by CPU; PEERS=0 for the old rows only)
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
# Peer rows (PEERS=1, the default; PEERS=0 leaves them out), what a user would compare cyborg with
# today, from a venv this script makes with the newest CPU PyTorch and ONNX Runtime of the
# machine's package mirror (pip config list; versions printed in the table's notes):
#   pytorch-fp32 / pytorch-bf16   the same reference code on the newer PyTorch, in float32 and in
#                   bfloat16 (training under torch.autocast, scoring with weights and input cast)
#   onnxruntime     score batched 8 through ONNX Runtime's CPU provider, the same weights exported
#                   by torch.onnx.export
# Peak RSS is /usr/bin/time's maximum resident set size of each process.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
REPS="${REPS:-3}"
IMAGES="${IMAGES:-200}"
STEPS="${STEPS:-3}"
WORK="${BENCH_DIR:-/tmp/cyborg-bench}"
PY=/usr/bin/python3
PEERS="${PEERS:-1}"
# bfloat16 rows only where the CPU computes bfloat16 (lscpu flags avx512_bf16 or amx_bf16): elsewhere
# PyTorch emulates it, 23x slower than float32 here (AMD EPYC without them, 2026-12-07), which no
# user would run. BF16=1 forces the rows, BF16=0 drops them.
if grep -qwE 'avx512_bf16|amx_bf16' /proc/cpuinfo; then BF16="${BF16:-1}"; else BF16="${BF16:-0}"; fi
PRECISIONS="fp32"; [ "$BF16" = 1 ] && PRECISIONS="fp32 bf16"
VENV="$WORK/venv"

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

if [ "$PEERS" = 1 ]; then
  if ! "$VENV/bin/python" -c "import torch, onnxruntime, onnx" 2>/dev/null; then
    echo "making the peer venv in $VENV (CPU PyTorch, ONNX Runtime) ..." >&2
    python3 -m venv "$VENV"
    # the CPU build of torch: the mirror's default torch wheel is a CUDA build (gigabytes of libraries
    # this machine has no use for); its torchvision wheels need that build, so reference.py uses its own ResNets
    cpu_torch=$(ls /opt/wheels/torch-*+cpu-*.whl 2>/dev/null | sort -V | tail -1 || true)
    # --retries 0: where the default index is unreachable and a local mirror is configured
    # (pip config list), each package would otherwise wait through five retries first
    "$VENV/bin/pip" install -q --retries 0 ${cpu_torch:-torch} onnx onnxruntime pillow numpy >&2
  fi
  [ -f "$WORK/resnet50.onnx" ] || "$VENV/bin/python" tools/bench/reference.py onnx --arch resnet50 \
      --weights "$WORK/resnet50.pth" --out "$WORK/resnet50.onnx" > /dev/null
  VPY="$VENV/bin/python"
fi

# run NAME IMPL CMD...: runs CMD under /usr/bin/time, appends "NAME IMPL value rss_kb" to the results
results="$WORK/results.txt"
: > "$results"
: > "$WORK/versions.txt"
run() {
  local name="$1" impl="$2"; shift 2
  local log="$WORK/last.log"
  /usr/bin/time -f "TIME %e %M" "$@" > "$log" 2>&1 || { cat "$log" >&2; exit 1; }
  local wall rss value
  grep -h '^VERSIONS' "$log" | sed "s/^VERSIONS/$impl:/" >> "$WORK/versions.txt" || true
  wall=$(awk '/^TIME/ {print $2}' "$log")
  rss=$(awk '/^TIME/ {print $3}' "$log")
  case "$name" in
    train*) if [ "$impl" != cyborg ]; then value=$(awk '/^RESULT/ {print $3}' "$log")
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
  if [ "$PEERS" = 1 ]; then
    for p in $PRECISIONS; do
      run "train RN50@224" "pytorch-$p" "$VPY" tools/bench/reference.py train --arch resnet50 --size 224 --batch 20 --steps "$STEPS" --precision "$p"
    done
  fi
  run "train RN18@64" reference $PY tools/bench/reference.py train --arch resnet18 --size 64 --batch 20 --steps $((STEPS * 10))
  run "train RN18@64" cyborg ./cyborg bench --arch resnet18 --size 64 --batch 20 --steps $((STEPS * 10))
  run "score vs test.py" reference $PY tools/bench/reference.py single --arch resnet50 --weights "$WORK/resnet50.pth" --list "$WORK/list.txt"
  run "score vs test.py" cyborg ./cyborg score --model "$WORK/resnet50.pth" --arch resnet50 --folder "$WORK/images" --out "$WORK/scores.csv"
  run "score batched 8" reference $PY tools/bench/reference.py batched --arch resnet50 --batch 8 --weights "$WORK/resnet50.pth" --list "$WORK/list.txt"
  run "score batched 8" cyborg ./cyborg score --model "$WORK/resnet50.pth" --arch resnet50 --folder "$WORK/images" --batch 8 --out "$WORK/scores.csv"
  if [ "$PEERS" = 1 ]; then
    for p in $PRECISIONS; do
      run "score batched 8" "pytorch-$p" "$VPY" tools/bench/reference.py batched --arch resnet50 --batch 8 --weights "$WORK/resnet50.pth" --list "$WORK/list.txt" --precision "$p"
    done
    run "score batched 8" onnxruntime "$VPY" tools/bench/reference.py batched --arch resnet50 --batch 8 --weights "$WORK/resnet50.pth" --list "$WORK/list.txt" --engine onnxruntime --onnx "$WORK/resnet50.onnx"
  fi
done

$PY - "$results" "$REPS" "$WORK/versions.txt" <<'PYEOF'
import sys, statistics
rows = [l.rstrip("\n").split("|") for l in open(sys.argv[1]) if l.strip()]
tasks = list(dict.fromkeys(r[0] for r in rows))
impls = list(dict.fromkeys(r[1] for r in rows))
print("| task | implementation | img/s (min / median / max) | cyborg's median / this | peak RSS (MB) |")
print("|---|---|---|---|---|")
for t in tasks:
    def vals(impl, col):
        return [float(r[col]) for r in rows if r[0] == t and r[1] == impl]
    c = statistics.median(vals("cyborg", 2))
    for impl in impls:
        v = vals(impl, 2)
        if not v:
            continue
        ratio = "–" if impl == "cyborg" else "%.2fx" % (c / statistics.median(v))
        print("| %s | %s | %.2f / %.2f / %.2f | %s | %.0f |" % (t, impl, min(v), statistics.median(v), max(v),
                                                            ratio, max(vals(impl, 3)) / 1024))
print("\n%s rounds, interleaved; `cyborg score` and the peers' scoring timed end to end (process start, model load,"
      " decoding). reference = Debian's PyTorch, as published; the peer rows ran:" % sys.argv[2])
import re
flags = open("/proc/cpuinfo").read()
if not re.search(r"\b(avx512_bf16|amx_bf16)\b", flags):
    print("- no bfloat16 rows: this CPU has neither avx512_bf16 nor amx_bf16 (BF16=1 forces them)")
for line in sorted(set(l.strip() for l in open(sys.argv[3]) if l.strip())):
    print("- " + line)
PYEOF
