#!/usr/bin/env bash
# Issue 12's acceptance, end to end on the embedded benchmark: annotate a few images in Chromium,
# export, and train with --maps on the export.
#
#   bash tools/acceptance/annotate-demo.sh        (about 3 minutes; needs Debian's chromium and
#                                                   chromium-driver, which .ci/run installs)
# 1. writes a small `cyborg synth` benchmark (128 px) without its simulated human maps in use,
# 2. starts `cyborg annotate` on its training split (pair mode, a fresh database),
# 3. two annotators annotate TASKS pairs each through the page in headless Chromium
#    (cyborg.web.annotate.AnnotateSession: pick a face, paint a stroke, save),
# 4. `cyborg annotate export` writes their masks and the agreement report,
# 5. `cyborg train --maps` trains a smallresnet on the benchmark with the exported maps.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="${WORK:-$(mktemp -d /tmp/cyborg-annotate-demo.XXXX)}"
TASKS="${TASKS:-3}"
PORT="${PORT:-8931}"
cd "$ROOT"
./cyborg --version >/dev/null
./cyborg synth --out "$WORK/data" --size 128 --train-per-class 6 --val-per-class 4 --test-per-source 2 >/dev/null
./cyborg annotate --csv "$WORK/data/split.csv" --images "$WORK/data/images" --split train \
  --db "$WORK/annotations.db" --port "$PORT" > "$WORK/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$PORT/" >/dev/null && break; sleep 1; done
mvn -o -q test-compile dependency:build-classpath -pl cyborg-web -am \
  -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/web-cp.txt" >/dev/null
CP="cyborg-web/target/test-classes:cyborg-web/target/classes:$(cat "$WORK/web-cp.txt")"
for who in ada grace; do
  java -cp "$CP" cyborg.web.annotate.AnnotateSession "http://127.0.0.1:$PORT/" "$who" "$TASKS"
done
kill "$server"; wait "$server" 2>/dev/null || true
./cyborg annotate export --db "$WORK/annotations.db" --maps "$WORK/maps" --jsonl "$WORK/annotations.jsonl"
find "$WORK/maps" -name '*.png' | sort
./cyborg train --csv "$WORK/data/split.csv" --images "$WORK/data/images" --maps "$WORK/maps" \
  --arch smallresnet --size 64 --epochs 2 --batch 4 --loss cyborg --out "$WORK/run" 2>&1 | grep -i "human maps\|best\|epoch 2/2 "
echo "work folder: $WORK"
