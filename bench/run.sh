#!/usr/bin/env bash
# Ingest benchmark: shodo hunt against wc -l, zcat and GoAccess on the same
# generated access log. Usage: bench/run.sh [SIZE] [BIG_SIZE]
#   SIZE      size of the speed test file (default 1G)
#   BIG_SIZE  size of the memory test file (default 5G; 0 to skip)
# Needs a build in ./build (README quick start) and ./scripts/bootstrap --bench
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
bench_setup "$@"

F="$WORK/access-$SIZE.log"
[ -f "$F" ] || "$GEN" --seed 1 --size "$SIZE" > "$F"
[ -f "$F.gz" ] || gzip -c -6 "$F" > "$F.gz"
cat "$F" "$F.gz" > /dev/null   # page cache warm
BYTES=$(stat -c %s "$F")
LINES=$(wc -l < "$F")
echo "file: $F  bytes=$BYTES lines=$LINES"

report() { # name seconds
  local mbs lps
  mbs=$(echo "$BYTES / $2 / 1000000" | bc -l)
  lps=$(echo "$LINES / $2 / 1000000" | bc -l)
  printf '%-34s %8.3f s  %7.0f MB/s  %6.2f M lines/s\n' "$1" "$2" "$mbs" "$lps"
}

report "wc -l" "$(seconds wc -l "$F")"
report "shodo hunt -j1" "$(seconds "$SHODO" hunt -q -j1 "$F")"
report "shodo hunt -j2" "$(seconds "$SHODO" hunt -q -j2 "$F")"
report "zcat > /dev/null" "$(seconds zcat "$F.gz")"
report "shodo hunt -j2 (.gz)" "$(seconds "$SHODO" hunt -q -j2 "$F.gz")"
if command -v goaccess > /dev/null && [ "${SKIP_GOACCESS:-0}" = 0 ]; then
  # Once, not best of three: it takes minutes. stdin must not look like a pipe.
  s=$(date +%s.%N)
  goaccess "$F" --log-format=COMBINED --no-progress -o "$WORK/goaccess.json" < /dev/null > /dev/null
  e=$(date +%s.%N)
  report "goaccess (COMBINED, JSON report)" "$(echo "$e - $s" | bc -l)"
fi

if [ "$BIG" != 0 ]; then
  B="$WORK/access-$BIG.log"
  [ -f "$B" ] || "$GEN" --seed 2 --size "$BIG" > "$B"
  echo "memory: $B ($(stat -c %s "$B") bytes)"
  /usr/bin/time -f "shodo hunt -j2: %e s, peak RSS %M KiB" "$SHODO" hunt -q -j2 "$B" > /dev/null
fi
