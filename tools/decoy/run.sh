#!/usr/bin/env bash
# The second shortcut task (docs/decoy.md): generates the Decoy-MNIST-style task, trains every
# method with three seeds, scores the test split (decoy random there), evaluates, prints the table.
#
#   tools/decoy/run.sh [OUT]                 # default OUT: decoy-out
#   METHODS="ce cyborg rrr counterfactual contrast" tools/decoy/run.sh   # add contrastive CAM
#
# Environment (defaults in brackets):
#   CYBORG     the launcher [./cyborg at the repository root]
#   SEEDS      training seeds ["1 2 3"]
#   TASK_SEED  seed of the generated task [1]
#   EPOCHS     training epochs [8]
#   METHODS    methods to train ["ce cyborg rrr counterfactual"]; the no-decoy ceiling always runs
#   OMP_NUM_THREADS  [1]: the runs are sequential, one thread each
#
# Methods (every run: --arch smallresnet --size 32 --epochs $EPOCHS --lr 0.01 --lr-step 7 --batch 20):
#   ce              --loss ce
#   cyborg          --loss cyborg                      (CAM-MSE to the human map)
#   rrr             --loss rrr                         (input-gradient penalty off the human map)
#   counterfactual  --loss ce --counterfactual 0.5     (unmarked part swapped with another image's)
#   contrast        --loss cyborg --cam-class contrast (optional)
#   cyborg+cf       --loss cyborg --counterfactual 0.5 (optional; the demo's recommended method)
#   nodecoy         --loss ce on split-nodecoy.csv     (decoy random in train too: the ceiling)
# Reruns reuse the task and every finished run (delete OUT to start over).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CYBORG="${CYBORG:-$ROOT/cyborg}"
OUT="${1:-decoy-out}"
SEEDS="${SEEDS:-1 2 3}"
TASK_SEED="${TASK_SEED:-1}"
EPOCHS="${EPOCHS:-8}"
METHODS="${METHODS:-ce cyborg rrr counterfactual}"
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
SIZE=32
TASK="$OUT/task"
COMMON=(--arch smallresnet --size "$SIZE" --epochs "$EPOCHS" --lr 0.01 --lr-step 7 --batch 20)

method_args() {
  case "$1" in
    ce) echo "--loss ce" ;;
    cyborg) echo "--loss cyborg" ;;
    rrr) echo "--loss rrr" ;;
    counterfactual) echo "--loss ce --counterfactual 0.5" ;;
    contrast) echo "--loss cyborg --cam-class contrast" ;;
    cyborg+cf) echo "--loss cyborg --counterfactual 0.5" ;;
    nodecoy) echo "--loss ce" ;;
    *) echo "unknown method '$1' (use: ce cyborg rrr counterfactual contrast cyborg+cf)" >&2; exit 2 ;;
  esac
}

start=$(date +%s)
if [ ! -f "$TASK/decoy.json" ]; then
  "$CYBORG" synth --task decoy --out "$TASK" --size "$SIZE" --seed "$TASK_SEED"
fi

for method in $METHODS nodecoy; do
  split="$TASK/split.csv"
  [ "$method" = nodecoy ] && split="$TASK/split-nodecoy.csv"
  for seed in $SEEDS; do
    run="$OUT/runs/$method/run-$seed"
    if [ ! -f "$run/scores.csv" ]; then
      echo "== $method seed $seed: $(method_args "$method")" >&2
      t0=$(date +%s)
      mkdir -p "$(dirname "$run")"
      if [ -f "$run/train.json" ]; then   # interrupted: continue from its last completed epoch
        "$CYBORG" train --out "$run" --resume > "$run.log" 2>&1 || { tail -5 "$run.log" >&2; exit 1; }
      else
        # shellcheck disable=SC2046
        "$CYBORG" train --csv "$split" --images "$TASK/images" --maps "$TASK/maps" "${COMMON[@]}" \
          $(method_args "$method") --seed "$seed" --out "$run" > "$run.log" 2>&1 || { tail -5 "$run.log" >&2; exit 1; }
      fi
      "$CYBORG" score --model "$run" --csv "$TASK/split.csv" --images "$TASK/images" --out "$run/scores.csv" >> "$run.log" 2>&1
      echo "   $(grep '^kept' "$run.log" | tail -1)  [$(( $(date +%s) - t0 )) s]" >&2
    fi
  done
done

auc() { awk '/^ROC AUC/ {print $3, $4, $5}' "$1"; }

# AUC of one score file against the labels the decoy implies (decoy-truth.csv). cyborg evaluate
# refuses that file (a source directory then holds both classes), so the rank-sum is computed here.
decoy_auc() {
  awk -F, 'NR == FNR { truth[substr($3, index($3, "/test/"))] = ($2 == "Synthetic"); next }
           { key = substr($1, index($1, "/test/")); if (key in truth) print $2, truth[key] }' \
      "$TASK/decoy-truth.csv" "$1" | sort -g -k1,1 | awk '
    { s[NR] = $1; y[NR] = $2 }
    END {
      i = 1
      while (i <= NR) {              # average ranks over ties
        j = i; while (j < NR && s[j + 1] == s[i]) j++
        for (k = i; k <= j; k++) if (y[k]) { rank += (i + j) / 2; pos++ }
        i = j + 1
      }
      neg = NR - pos
      printf "%.3f\n", (rank - pos * (pos + 1) / 2) / (pos * neg)
    }'
}

# mean ± population std of the numbers on stdin, as cyborg evaluate reports them
mean_std() { awk '{ x[NR] = $1; m += $1 } END { m /= NR; for (i = 1; i <= NR; i++) v += (x[i] - m) ^ 2;
  printf (NR > 1 ? "%.3f ± %.3f" : "%.3f"), m, sqrt(v / NR) }'; }
printf '\n%-16s %-8s %-16s %-16s %-24s %s\n' method seeds "test AUC" "decoy AUC" "per seed (test AUC)" "args" | tee "$OUT/table.txt"
for method in $METHODS nodecoy; do
  scores=()
  per=""
  decoy=""
  for seed in $SEEDS; do
    run="$OUT/runs/$method/run-$seed"
    scores+=("$run/scores.csv")
    decoy="$decoy $(decoy_auc "$run/scores.csv")"
    "$CYBORG" evaluate --scores "$run/scores.csv" --csv "$TASK/split.csv" --out "$run/eval" > "$run/eval.txt"
    per="$per $(awk '/^ROC AUC/ {print $3}' "$run/eval.txt")"
  done
  mkdir -p "$OUT/eval"
  "$CYBORG" evaluate --scores "${scores[@]}" --csv "$TASK/split.csv" --out "$OUT/eval/$method" > "$OUT/eval/$method.txt"
  args="$(method_args "$method")"
  [ "$method" = nodecoy ] && args="$args (split-nodecoy.csv: ceiling)"
  printf '%-16s %-8s %-16s %-16s %-24s %s\n' "$method" "$(echo "$SEEDS" | wc -w)" "$(auc "$OUT/eval/$method.txt")" \
    "$(echo $decoy | tr ' ' '\n' | mean_std)" "${per# }" "$args" | tee -a "$OUT/table.txt"
done
echo | tee -a "$OUT/table.txt"
echo "test AUC: against the true labels on the test split (decoy random). decoy AUC: the same scores against the" | tee -a "$OUT/table.txt"
echo "labels the decoy's shade implies (0.5 = the decoy is ignored, 1 = followed). mean ± std over seeds." | tee -a "$OUT/table.txt"
echo "total $(( $(date +%s) - start )) s; table in $OUT/table.txt" | tee -a "$OUT/table.txt"
