#!/usr/bin/env bash
# Scaling of `cyborg spark score` on this machine, measured side by side on the same images:
# images/s of plain `cyborg score`, `spark score --master local[1]` and `--master local[2]`, and the
# fixed costs a Spark job and each executor pay (JVM start, Spark start, PyTorch start, model load,
# writing the tables, unpacking the PyTorch natives into an empty DJL cache).
#
#   bash tools/bench/spark-scaling.sh                       (about 5 minutes on 2 cores)
#   REPS=5 ARCHS="smallresnet resnet50" bash tools/bench/spark-scaling.sh
#   CYBORG=/path/to/a/cyborg-launcher bash tools/bench/spark-scaling.sh
#   CLUSTER=0 bash tools/bench/spark-scaling.sh             (skip the local-cluster runs)
#
# With CLUSTER=1 (the default) each repetition also submits the application jar with
# tools/spark/spark-submit to local-cluster[2,1,1024]: a standalone master, a worker and two executor
# JVMs of one core each, launched from a Spark home ($WORK/spark-home, whose jars/ links Spark's jars
# from Maven) as a standalone worker launches them; the model is shipped with the job. Its overheads
# are a real executor's: JVM start, Spark executor start, PyTorch start and model load per executor.
#
# Data: `cyborg synth` at the demo's size (64 px) with the demo's open set (TEST_PER_SOURCE=150:
# 600 test images), and for resnet50 the same at 224 px with TEST_PER_SOURCE_224 (default 50: 200
# images). An arch written ARCH@1024 (e.g. ARCHS="resnet50@1024 smallresnet@1024") scores large
# photos instead: `cyborg synth --size 1024` faces (TEST_PER_SOURCE_1024, default 50) saved as
# 1024 px JPEGs of quality 90 by tools/bench/large-jpegs.py (Debian's python3-pil), mean 148 KB, as
# face photos of that size are; the model is ARCH's. Models: smallresnet (64 px) and resnet50 (224 px) trained one epoch on a small training
# set: speed does not depend on what the weights learnt. Each repetition runs every configuration
# once, interleaved, so that all see the same machine state; the table gives medians.
# Run it on a quiet machine (nothing else busy: check `uptime`); results: $WORK/results.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CYBORG="${CYBORG:-$ROOT/cyborg}"
WORK="${BENCH_DIR:-/tmp/cyborg-spark-bench}"
REPS="${REPS:-3}"
ARCHS="${ARCHS:-smallresnet}"
CLUSTER="${CLUSTER:-1}"
PER_SOURCE="${TEST_PER_SOURCE:-150}"
PER_SOURCE_224="${TEST_PER_SOURCE_224:-50}"
mkdir -p "$WORK"
"$CYBORG" --version >/dev/null   # builds when needed, outside the timings

PER_SOURCE_1024="${TEST_PER_SOURCE_1024:-50}"
data_for() {
  case "$1" in
    *@1024) echo "$WORK/data1024" ;;
    resnet50) echo "$WORK/data224" ;;
    *) echo "$WORK/data64" ;;
  esac
}
prepare() {
  local arch=$1 data size per
  data=$(data_for "$arch")
  if [[ "$arch" == *@1024 ]]; then
    prepare "${arch%@*}"
    [ -f "$data/split.csv" ] && return 0
    [ -f "$WORK/synth1024/split.csv" ] || "$CYBORG" synth --out "$WORK/synth1024" --size 1024 --train-per-class 2 \
        --val-per-class 1 --test-per-source "$PER_SOURCE_1024" --no-more-data >/dev/null
    /usr/bin/python3 "$ROOT/tools/bench/large-jpegs.py" "$WORK/synth1024" "$data" --size 1024 --quality 90
    return 0
  fi
  if [ "$arch" = resnet50 ]; then size=224; per=$PER_SOURCE_224; else size=64; per=$PER_SOURCE; fi
  [ -f "$data/split.csv" ] || "$CYBORG" synth --out "$data" --size "$size" --train-per-class 20 --val-per-class 10 \
      --test-per-source "$per" >/dev/null
  [ -f "$WORK/model-$arch/model.json" ] || "$CYBORG" train --csv "$data/split.csv" --images "$data/images" \
      --arch "$arch" --size "$size" --epochs 1 --batch 8 --loss ce --out "$WORK/model-$arch" >/dev/null
}
for arch in $ARCHS; do prepare "$arch"; done
if [ "$CLUSTER" = 1 ]; then
  APP_JAR="$ROOT/cyborg-spark-app/target/cyborg-spark-app.jar"
  [ -f "$APP_JAR" ] && [ -f "$ROOT/cyborg-spark-app/target/spark-classpath.txt" ] \
      || (cd "$ROOT" && mvn -q -B -pl cyborg-spark-app -am generate-test-resources) >&2
  rm -rf "$WORK/spark-home"; mkdir -p "$WORK/spark-home/jars"
  tr ':' '\n' < "$ROOT/cyborg-spark-app/target/spark-classpath.txt" | while read -r jar; do
    ln -s "$jar" "$WORK/spark-home/jars/"
  done
fi

results="$WORK/runs.tsv"
: > "$results"
now() { date +%s.%N; }
# record ARCH CONFIG REP WALL LOGFILE
record() { printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" >> "$results"; }

for rep in $(seq 1 "$REPS"); do
  t0=$(now); "$CYBORG" --version > "$WORK/jvm.log"; t1=$(now)
  record - jvm "$rep" "$(echo "$t1 - $t0" | bc)" "$WORK/jvm.log"
  for arch in $ARCHS; do
    data=$(data_for "$arch"); model="$WORK/model-${arch%@*}"
    log="$WORK/score-$arch-$rep.log"
    t0=$(now)
    "$CYBORG" score --model "$model" --csv "$data/split.csv" --images "$data/images" --out "$WORK/score-$arch.csv" \
        > "$log" 2>/dev/null
    t1=$(now); record "$arch" "cyborg score" "$rep" "$(echo "$t1 - $t0" | bc)" "$log"
    for master in 'local[1]' 'local[2]'; do
      log="$WORK/spark-$arch-$master-$rep.log"
      rm -rf "$WORK/spark-$arch-$master"   # spark score refuses an --out that holds anything (--mode error)
      t0=$(now)
      "$CYBORG" spark score --master "$master" --model "$model" --csv "$data/split.csv" --images "$data/images" \
          --format csv --out "$WORK/spark-$arch-$master" > "$log" 2>/dev/null
      t1=$(now); record "$arch" "spark $master" "$rep" "$(echo "$t1 - $t0" | bc)" "$log"
      cmp -s "$WORK/spark-$arch-$master/scores.csv" "$WORK/score-$arch.csv" \
          || echo "note: spark $master scores.csv differs in text from cyborg score's ($arch)" >&2
    done
    if [ "$CLUSTER" = 1 ]; then
      master='local-cluster[2,1,1024]'; log="$WORK/spark-$arch-cluster-$rep.log"
      rm -rf "$WORK/spark-$arch-cluster"
      t0=$(now)
      SPARK_HOME="$WORK/spark-home" SPARK_SCALA_VERSION=2.13 "$ROOT/tools/spark/spark-submit" --master "$master" \
          --conf spark.executor.memory=768m --conf spark.ui.enabled=false --class cyborg.cli.CyborgCommand "$APP_JAR" \
          spark score --model "$model" --csv "$data/split.csv" --images "$data/images" --format csv \
          --out "$WORK/spark-$arch-cluster" > "$log" 2>/dev/null
      t1=$(now); record "$arch" "spark-submit $master" "$rep" "$(echo "$t1 - $t0" | bc)" "$log"
      cmp -s "$WORK/spark-$arch-cluster/scores.csv" "$WORK/score-$arch.csv" \
          || echo "note: spark-submit $master scores.csv differs in text from cyborg score's ($arch)" >&2
    fi
  done
done
# An executor's first start on a machine: the PyTorch natives are unpacked from the jar into an empty cache.
arch=$(echo "$ARCHS" | cut -d' ' -f1); data=$(data_for "$arch")
rm -rf "$WORK/fresh-djl-cache" "$WORK/spark-fresh"; log="$WORK/spark-fresh-cache.log"
t0=$(now)
DJL_CACHE_DIR="$WORK/fresh-djl-cache" "$CYBORG" spark score --master 'local[1]' --model "$WORK/model-${arch%@*}" \
    --csv "$data/split.csv" --images "$data/images" --format csv --out "$WORK/spark-fresh" > "$log" 2>/dev/null
t1=$(now); record "$arch" "spark local[1], empty DJL cache" 1 "$(echo "$t1 - $t0" | bc)" "$log"
rm -rf "$WORK/fresh-djl-cache"

python3 - "$results" "$WORK/results.md" <<'PYEOF'
import re, statistics, sys
from collections import OrderedDict
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
groups = OrderedDict()
for arch, config, rep, wall, log in rows:
    text = open(log).read()
    m = re.search(r"scoring: (\d+) images in ([\d.]+) s", text)
    o = re.search(r"Spark start ([\d.]+) s, model check on the driver ([\d.]+) s.*?(\d+) more model load\(s\) by the"
                  r" tasks ([\d.]+) s, writing ([\d.]+) s", text)
    n = re.search(r"scored (\d+) images", text)
    # where the tasks' time went (spark score), or cyborg score's own split of its scoring pass
    t = re.search(r"reading files ([\d.]+) s, decoding and resizing ([\d.]+) s, network ([\d.]+) s", text)
    c = re.search(r"network and outputs ([\d.]+) s, waiting for decoded images ([\d.]+) s", text)
    groups.setdefault((arch, config), []).append(dict(
        wall=float(wall), images=int(n.group(1)) if n else None,
        score=float(m.group(2)) if m else None,
        spark=float(o.group(1)) if o else None, check=float(o.group(2)) if o else None,
        loads=int(o.group(3)) if o else None, load=float(o.group(4)) if o else None,
        write=float(o.group(5)) if o else None,
        split=(f"{float(t.group(1)):.1f} / {float(t.group(2)):.1f} / {float(t.group(3)):.1f}" if t else
               f"network {float(c.group(1)):.1f}, waiting for decoding {float(c.group(2)):.1f}" if c else "")))
med = lambda xs: statistics.median(xs) if xs and None not in xs else None
f = lambda x, d=1: "" if x is None else f"{x:.{d}f}"
out = ["| model | run | images | wall s (whole command) | img/s end to end | img/s scoring pass | Spark start s"
       " | driver model check s (PyTorch start + load) | task model loads (s) | writing s"
       " | tasks' read / decode+resize / network s (summed, last rep) |",
       "|---|---|---|---|---|---|---|---|---|---|---|"]
for (arch, config), g in groups.items():
    wall = med([x["wall"] for x in g]); images = g[0]["images"]
    score = med([x["score"] for x in g])
    out.append("| " + " | ".join([arch, config, "" if images is None else str(images), f(wall, 2),
        f(images / wall if images else None), f(images / score if score else None), f(med([x["spark"] for x in g]), 2),
        f(med([x["check"] for x in g]), 2),
        "" if g[0]["loads"] is None else f"{g[0]['loads']} ({f(med([x['load'] for x in g]), 2)})",
        f(med([x["write"] for x in g]), 2), g[-1]["split"]]) + " |")
open(sys.argv[2], "w").write("\n".join(out) + "\n")
print("\n".join(out))
PYEOF
echo "reps: $REPS; raw runs: $results; table: $WORK/results.md"
