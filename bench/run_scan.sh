#!/bin/bash
# Webroot scan benchmark (issue 6): false positives per level and speed of
# `shodo scan` on the PHP code of Debian's CMS packages, against the `yara`
# command-line tool with the same shipped rules over the same trees.
#
#   scripts/bootstrap --bench   # installs yara and the CMS packages below
#   bench/run_scan.sh [BUILD_DIR] [THREADS]
set -euo pipefail
BUILD=${1:-build}
THREADS=${2:-2}
SHODO=$BUILD/src/cli/shodo
TREES=(/usr/share/wordpress /usr/share/phpmyadmin /usr/share/mediawiki /usr/share/roundcube
       /usr/share/dokuwiki /usr/share/php)
for t in "${TREES[@]}"; do
  [ -d "$t" ] || { echo "missing $t: run scripts/bootstrap --bench" >&2; exit 2; }
done
OUT=${BENCH_DIR:-/tmp/shodo-bench}/scan
mkdir -p "$OUT"

files=$(find "${TREES[@]}" -type f | wc -l)
bytes=$(find "${TREES[@]}" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
echo "corpus: $files files, $((bytes / 1048576)) MiB (${TREES[*]})"
# The machine is shared: the load says how far the timings can be trusted.
load() { echo "load average $1: $(cut -d' ' -f1-3 /proc/loadavg)"; }
load before

# False positives: every finding at low or above, counted per level.
"$SHODO" scan -q -j "$THREADS" --min-level low --format jsonl "${TREES[@]}" > "$OUT/findings.jsonl" || true
echo "findings per level:"
grep -o '"rule.level":"[a-z]*"' "$OUT/findings.jsonl" | sort | uniq -c || true
echo "medium and above:"
grep -E '"rule.level":"(medium|high|critical)"' "$OUT/findings.jsonl" || echo "  none"

# Speed: best of 3 wall times; CPU time of the last run.
best() {
  local b="" s e t
  for _ in 1 2 3; do
    s=$(date +%s.%N); "$@" > /dev/null 2>&1 || true; e=$(date +%s.%N)
    t=$(echo "$e - $s" | bc -l)
    if [ -z "$b" ] || [ "$(echo "$t < $b" | bc -l)" = 1 ]; then b=$t; fi
  done
  printf '%.2f' "$b"
}
cpu() { /usr/bin/time -f '%U+%S' "$@" > /dev/null 2> "$OUT/time" || true; tail -1 "$OUT/time" | bc -l; }
rate() { echo "files/s $(echo "$files / $1" | bc) MB/s $(echo "scale=1; $bytes / 1000000 / $1" | bc)"; }

# yara takes one target per run: one run per tree.
yara_all() { for t in "${TREES[@]}"; do yara -w -r -N -p "$THREADS" rules/yara/*.yar "$t"; done; }

s=$(best "$SHODO" scan -q -j "$THREADS" --min-level low --format jsonl "${TREES[@]}")
y=$(best yara_all)
echo "shodo scan -j $THREADS: ${s} s wall ($(rate "$s")), CPU $(cpu "$SHODO" scan -q -j "$THREADS" --format jsonl "${TREES[@]}") s"
echo "yara -r -p $THREADS:     ${y} s wall ($(rate "$y")), CPU $(cpu bash -c "$(declare -p TREES THREADS); $(declare -f yara_all); yara_all") s"
load after
