#!/usr/bin/env bash
# Quick start: the whole cyborg workflow on generated data, about a minute after the first build.
#   1. writes a small procedural face data set with human maps (cyborg synth)
#   2. trains a ResNet-18 at 64 px twice: plain cross-entropy and the CYBORG loss
#   3. scores the test images with both models and evaluates them
# Everything goes to ./quickstart-out (override with the first argument).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-quickstart-out}"
CYBORG="$ROOT/cyborg"

"$CYBORG" synth --out "$OUT/data" --size 64 --per-class 60 --seed 1
for loss in ce cyborg; do
  echo "== training with --loss $loss"
  "$CYBORG" train --csv "$OUT/data/split.csv" --images "$OUT/data/images" --maps "$OUT/data/maps" \
    --arch resnet18 --size 64 --epochs 12 --lr 0.01 --lr-step 8 --loss "$loss" --seed 1 --out "$OUT/runs/$loss"
  "$CYBORG" score --model "$OUT/runs/$loss" --csv "$OUT/data/split.csv" --images "$OUT/data/images" \
    --split test --cams "$OUT/cams/$loss" --out "$OUT/runs/$loss/scores.csv"
done
for loss in ce cyborg; do
  echo
  echo "== test metrics, --loss $loss"
  "$CYBORG" evaluate --scores "$OUT/runs/$loss/scores.csv" --csv "$OUT/data/split.csv" --out "$OUT/eval/$loss"
done
echo
echo "Outputs in $OUT: runs/*/ (models, logs, curves), cams/*/ (CAM images), eval/*/ (metrics.json, roc.png)."
