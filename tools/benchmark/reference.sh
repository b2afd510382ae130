#!/usr/bin/env bash
# One design run of the embedded benchmark (docs/benchmark.md, "How version 3 was fixed"): the
# shortcut-free reference (CE on split-ceiling.csv) on a benchmark seed, scored on the open set in
# the training style (split.csv), on the unseen styles (split-styles.csv) and on validation, then
# summarised by reference_auc.py (pooled shared-mechanism AUC, per family, styles, val per family).
# Only the reference and the design seed may change the design; guided methods never do.
#
#   tools/benchmark/reference.sh OUT [SEEDS] [-- TRAIN OPTIONS...]
#   tools/benchmark/reference.sh design/e11 "1 2 3" -- --arch smallresnet-s2 --epochs 6
#
# Environment (defaults in brackets):
#   CYBORG          the launcher [./cyborg at the repository root]
#   BENCHMARK_SEED  the benchmark seed [1, the design seed]
#   SYNTH_OPTS      options for `cyborg synth` [the demo's sizes, without split-4x.csv:
#                   --train-per-class 1000 --no-more-data]
#   SPLIT           the training split [split-ceiling.csv]
# The training options default to the demo's recipe; an option after `--` replaces the recipe's
# value of that option or is added (write `--opt value`, not `--opt=value`). Bash 4 or later.
# Reruns reuse the benchmark (OUT/bench) and every finished run (OUT/run-<seed>).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CYBORG="${CYBORG:-$ROOT/cyborg}"
OUT="${1:?usage: reference.sh OUT [SEEDS] [-- TRAIN OPTIONS...]}"; shift
SEEDS="1"
if [ $# -gt 0 ] && [ "$1" != "--" ]; then
  [[ "$1" =~ ^[0-9\ ]+$ ]] || { echo "reference.sh: SEEDS must be numbers, got '$1' (training options go after --)" >&2; exit 2; }
  SEEDS="$1"; shift
fi
if [ $# -gt 0 ] && [ "$1" = "--" ]; then shift; fi
SPLIT="${SPLIT:-split-ceiling.csv}"
B="$OUT/bench"
mkdir -p "$OUT"
if [ ! -f "$B/benchmark.json" ]; then
  # shellcheck disable=SC2086
  "$CYBORG" synth --out "$B" --seed "${BENCHMARK_SEED:-1}" ${SYNTH_OPTS:---train-per-class 1000 --no-more-data} \
    > "$OUT/synth.log" 2>&1 || { tail -5 "$OUT/synth.log"; exit 1; }
fi
# the recipe as option -> value (picocli refuses an option given twice, so overrides replace)
declare -A OPT=([--loss]=ce [--arch]=smallresnet-s2 [--size]=96 [--epochs]=6 [--batch]=20 [--optimizer]=adam
  [--lr]=0.001 [--lr-step]=5)
ORDER=(--loss --arch --size --epochs --batch --optimizer --lr --lr-step)
while [ $# -gt 0 ]; do
  name="$1"; shift
  case "$name" in --*) ;; *) echo "reference.sh: expected an option after --, got '$name'" >&2; exit 2 ;; esac
  value=""
  if [ $# -gt 0 ] && [[ "$1" != --* ]]; then value="$1"; shift; fi
  [ -n "${OPT[$name]+set}" ] || ORDER+=("$name")
  OPT[$name]="$value"
done
RECIPE=()
for name in "${ORDER[@]}"; do
  RECIPE+=("$name"); [ -z "${OPT[$name]}" ] || RECIPE+=("${OPT[$name]}")
done
for s in $SEEDS; do
  R="$OUT/run-$s"
  t0=$(date +%s)
  if [ ! -f "$R/scores.csv" ] || [ ! -f "$R/scores-styles.csv" ] || [ ! -f "$R/scores-val.csv" ]; then
    DATA=(--csv "$B/$SPLIT" --images "$B/images" --maps "$B/maps" --out "$R")
    if [ -d "$R/checkpoint" ]; then
      # an interrupted (or finished, unscored) run: --resume continues it from its last epoch with
      # the settings it was started with, which it keeps (only the data options may be given again)
      "$CYBORG" train "${DATA[@]}" --resume >> "$R.log" 2>&1 || { tail -5 "$R.log"; exit 1; }
    else
      "$CYBORG" train "${DATA[@]}" "${RECIPE[@]}" --seed "$s" > "$R.log" 2>&1 || { tail -5 "$R.log"; exit 1; }
    fi
    t1=$(date +%s)
    for part in "split.csv test scores.csv" "split-styles.csv test scores-styles.csv" "$SPLIT val scores-val.csv"; do
      read -r csv split file <<< "$part"
      [ -f "$R/$file" ] || "$CYBORG" score --model "$R" --csv "$B/$csv" --split "$split" --images "$B/images" \
        --out "$R/$file" >> "$R.log" 2>&1 || { tail -5 "$R.log"; exit 1; }
    done
    echo "seed $s: train $((t1 - t0)) s, score $(($(date +%s) - t1)) s"
  fi
  echo "seed $s: $(python3 "$ROOT/tools/benchmark/reference_auc.py" "$B" "$R" "$SPLIT")"
done
