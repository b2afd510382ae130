#!/usr/bin/env bash
# Issue 25's acceptance, end to end on the embedded benchmark: a two-annotator study with overlap 2,
# reviewed, exported and reported.
#
#   bash tools/acceptance/annotate-study.sh       (about 2 minutes; needs Debian's chromium and
#                                                   chromium-driver, which .ci/run installs, and python3)
# 1. writes a small `cyborg synth` benchmark (64 px, with its simulated human maps),
# 2. adds a reviewer, writes the study's instructions and a gold list (the first Real and Synthetic
#    training images),
# 3. starts `cyborg annotate` on the training split as a study: --instructions, --practice 1,
#    --gold 0.3 --gold-images, --maps, --per-image 2 --overlap 2,
# 4. two annotators work through the page in headless Chromium (cyborg.web.annotate.AnnotateSession:
#    instructions, the practice pair and its feedback, then tasks; both pick the synthetic face, so
#    both mask the same images; ada skips one task),
# 5. the reviewer rejects one of ada's masks of an image grace masked too (POST /api/v1/annotate/review),
# 6. `cyborg annotate export` leaves the rejected mask out; `cyborg annotate report` writes the study
#    report, whose agreement lines are printed: every image masked by two people has IoU and SSIM.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="${WORK:-$(mktemp -d /tmp/cyborg-annotate-study.XXXX)}"
PORT="${PORT:-8932}"
URL="http://127.0.0.1:$PORT"
cd "$ROOT"
./cyborg --version >/dev/null
./cyborg synth --out "$WORK/data" --size 64 --seed 3 --train-per-class 16 --val-per-class 6 \
  --test-per-source 6 >/dev/null 2>&1
REVIEWER="$(./cyborg annotate add-reviewer --db "$WORK/study.db" lead | tail -n 1)"
cat > "$WORK/study.md" <<'EOF'
# Our study

Two faces: one is made by a GAN. Click it, then paint the regions that gave the fake away.

Skip a pair when you cannot decide.
EOF
{
  echo "# the lead's gold pair"
  grep -m1 '^train,Real,' "$WORK/data/split.csv" | cut -d, -f3 | sed 's#^/##'
  grep -m1 '^train,Synthetic,' "$WORK/data/split.csv" | cut -d, -f3 | sed 's#^/##'
} > "$WORK/gold.txt"

./cyborg annotate --csv "$WORK/data/split.csv" --images "$WORK/data/images" --split train \
  --db "$WORK/study.db" --per-image 2 --overlap 2 --practice 1 --gold 0.3 --gold-images "$WORK/gold.txt" \
  --maps "$WORK/data/maps" --instructions "$WORK/study.md" --port "$PORT" > "$WORK/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "$URL/" >/dev/null && break; sleep 1; done
grep -i "map\|gold" "$WORK/server.log" || true

mvn -B -o -q test-compile dependency:build-classpath -pl cyborg-web -am \
  -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/web-cp.txt" >/dev/null
CP="cyborg-web/target/test-classes:cyborg-web/target/classes:$(cat "$WORK/web-cp.txt")"
# ada saves 5 (gold pairs among them, which the page does not tell apart) and skips her 2nd task
# after practice; grace saves 4 and paints a little lower, so their masks overlap in part
java -cp "$CP" cyborg.web.annotate.AnnotateSession "$URL/" ada 5 --synthetic-from "$WORK/study.db" --skip 2
java -cp "$CP" cyborg.web.annotate.AnnotateSession "$URL/" grace 4 --synthetic-from "$WORK/study.db" \
  --stroke-at 0.45

# the reviewer rejects ada's first mask of an image grace masked too
review="$(curl -sf -H "X-Reviewer-Token: $REVIEWER" "$URL/api/v1/annotate/review?by=image")"
target="$(python3 -c '
import json, sys
for a in json.load(sys.stdin)["items"]:
    if a["annotator"] == "ada" and any(o["annotator"] == "grace" for o in a["others"]):
        print(a["id"]); break' <<< "$review")"
curl -sf -H "X-Reviewer-Token: $REVIEWER" -H "Origin: $URL" -H 'Content-Type: application/json' \
  -d "{\"annotation\": $target, \"verdict\": \"reject\", \"reason\": \"paints the background\"}" \
  "$URL/api/v1/annotate/review" >/dev/null
echo "lead rejected annotation $target"
kill "$server"; wait "$server" 2>/dev/null || true

./cyborg annotate export --db "$WORK/study.db" --maps "$WORK/maps"
echo "exported maps: $(find "$WORK/maps" -name '*.png' | wc -l)"
./cyborg annotate report --db "$WORK/study.db" --out "$WORK/report" --images "$WORK/data/images" \
  --maps "$WORK/data/maps" >/dev/null
sed -n '/^## Summary/,/^## /p' "$WORK/report/report.md" | grep '^- '
python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
for i in r["agreement"]["images"]:
    if i["masks"] >= 2:
        print("agreement: %s (%s): %d masks, IoU %.3f, SSIM %.3f" % (i["name"], i["label"], i["masks"], i["iou"], i["ssim"]))
' "$WORK/report/report.json"
ls "$WORK/report"
echo "work folder: $WORK"
