#!/usr/bin/env bash
# Detection benchmark (issue 3): shodo hunt with every shipped rule plus 500
# generated Sigma rules, against grep on the same file.
# Usage: bench/run_detect.sh [SIZE] [BIG_SIZE]
#   SIZE      size of the speed test file (default 1G)
#   BIG_SIZE  size of the memory test file (default 5G; 0 to skip)
# Needs a build in ./build (README quick start; SHODO_BIN=path/to/shodo to time
# another build) and ./scripts/bootstrap --bench
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
bench_setup "$@"
SHODO=${SHODO_BIN:-$SHODO}

F="$WORK/access-$SIZE.log"
[ -f "$F" ] || "$GEN" --seed 1 --size "$SIZE" > "$F"
RULES="$WORK/rules500"
[ -d "$RULES" ] || python3 bench/gen_sigma_rules.py "$RULES" 500 1
# Compile once so the timed runs load the cached Hyperscan databases.
"$SHODO" rules lint --rules "$RULES" | head -1
cat "$F" > /dev/null   # page cache warm
BYTES=$(stat -c %s "$F")
LINES=$(wc -l < "$F")
echo "file: $F  bytes=$BYTES lines=$LINES"

report() { # name "wall cpu"
  local wall cpu
  read -r wall cpu <<< "$2"
  printf '%-48s %7.2f s wall %6.2f M lines/s   %7.2f s CPU %6.2f M lines/CPU-s\n' "$1" \
    "$wall" "$(echo "$LINES / $wall / 1000000" | bc -l)" \
    "$cpu" "$(echo "$LINES / $cpu / 1000000" | bc -l)"
}

report "grep -c -iE 'union.*select'" "$(timings grep -c -iE 'union.*select' "$F")"
report "hunt -j1 (ingest only: no rules, no detectors)" \
  "$(timings "$SHODO" hunt -q -j1 --no-default-rules --no-detectors "$F")"
report "hunt -j1 shipped+500 rules, no detectors" \
  "$(timings "$SHODO" hunt -q -j1 --rules "$RULES" --no-detectors "$F")"
report "hunt -j2 shipped+500 rules, no detectors" \
  "$(timings "$SHODO" hunt -q -j2 --rules "$RULES" --no-detectors "$F")"
report "hunt -j1 shipped+500 rules + detectors" \
  "$(timings "$SHODO" hunt -q -j1 --rules "$RULES" "$F")"
report "hunt -j2 shipped+500 rules + detectors" \
  "$(timings "$SHODO" hunt -q -j2 --rules "$RULES" "$F")"

if [ "$BIG" != 0 ]; then
  B="$WORK/access-$BIG.log"
  [ -f "$B" ] || "$GEN" --seed 2 --size "$BIG" > "$B"
  /usr/bin/time -f "hunt -j2 shipped+500 rules + detectors on $BIG: %e s, peak RSS %M KB" \
    "$SHODO" hunt -q -j2 --rules "$RULES" "$B" > /dev/null || true
fi
