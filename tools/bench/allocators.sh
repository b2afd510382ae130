#!/usr/bin/env bash
# Does a fresh machine train as fast as one with jemalloc? ResNet-50 at 224 px, batch 20, CYBORG
# training step (cyborg bench), REPS rounds interleaved over three allocators:
#   fresh     what ./cyborg does with no jemalloc installed (its glibc tunables)
#   jemalloc  libjemalloc2 preloaded by ./cyborg
#   glibc     plain glibc malloc, no tunables
#
#   bash tools/bench/allocators.sh            (about 7 minutes on 2 cores; needs root for apt)
# Installs Debian's libjemalloc2 when absent and removes it again afterwards, so the machine is
# left as it was found.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
REPS="${REPS:-3}"
LIB=/usr/lib/x86_64-linux-gnu/libjemalloc.so.2
installed_here=0
if [ ! -f "$LIB" ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libjemalloc2 >&2
  installed_here=1
fi
cleanup() { [ "$installed_here" = 1 ] && DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq libjemalloc2 >&2 || true; }
trap cleanup EXIT
cd "$ROOT"
./cyborg --version >/dev/null   # builds when needed, outside the timings
out="$(mktemp)"
for rep in $(seq 1 "$REPS"); do
  for mode in fresh jemalloc glibc; do
    case "$mode" in
      fresh) envs=(CYBORG_JEMALLOC=0) ;;
      jemalloc) envs=() ;;
      glibc) envs=(CYBORG_JEMALLOC=0 GLIBC_TUNABLES=glibc.malloc.check=0) ;;  # set, so the launcher adds none
    esac
    rate=$(env "${envs[@]}" ./cyborg bench --arch resnet50 --batch 20 --steps 4 2>/dev/null \
             | awk -F'|' '/^\| resnet50/ {gsub(/ /, "", $5); print $5}')
    echo "$mode $rate" | tee -a "$out" >&2
  done
done
python3 - "$out" <<'PYEOF'
import sys, statistics
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
med = {}
print("| allocator | ResNet-50 training img/s (min / median / max) |")
print("|---|---|")
for mode in ("fresh", "jemalloc", "glibc"):
    v = [float(r[1]) for r in rows if r[0] == mode]
    med[mode] = statistics.median(v)
    print("| %s | %.1f / %.1f / %.1f |" % (mode, min(v), med[mode], max(v)))
print("\nfresh / jemalloc = %.2f; fresh / plain glibc = %.2f" % (med["fresh"] / med["jemalloc"], med["fresh"] / med["glibc"]))
PYEOF
