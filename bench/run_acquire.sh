#!/bin/bash
# Evidence acquisition speed and memory (issue 4): `shodo acquire` of one big
# file (SHA-256 + SHA-1 + MD5 + AES-256-GCM, one read) against
# `sha256sum F && md5sum F && sha1sum F`, and `shodo verify` of the item.
# The file is in the page cache for every run. Usage: bench/run_acquire.sh [SIZE]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_setup "${1:-4G}"
F="$WORK/acquire-$SIZE.bin"
CASES="$WORK/acquire-cases"
if [ ! -f "$F" ]; then
  echo "writing $F ($SIZE of random data)"
  head -c "$SIZE" /dev/urandom > "$F"
fi
cat "$F" > /dev/null  # warm the page cache

fresh_case() {
  rm -rf "$CASES"
  "$SHODO" case init "$CASES" --number BENCH > /dev/null
}
acquire() {
  fresh_case
  "$SHODO" acquire --case "$CASES" "$F"
}

echo "file: $F ($(stat -c %s "$F") bytes)"
echo "sha256sum && md5sum && sha1sum: $(seconds sh -c "sha256sum '$F' && md5sum '$F' && sha1sum '$F'") s"
echo "shodo acquire (fresh case each run): $(seconds acquire) s"
echo "shodo verify: $(seconds "$SHODO" verify --case "$CASES") s"
for cmd in acquire verify; do
  if [ $cmd = acquire ]; then fresh_case; fi
  rss=$(/usr/bin/time -v "$SHODO" $cmd --case "$CASES" $([ $cmd = acquire ] && echo "$F") 2>&1 >/dev/null |
        awk -F': ' '/Maximum resident/ {print $2}')
  echo "shodo $cmd peak RSS: $rss KB"
done
rm -rf "$CASES"
