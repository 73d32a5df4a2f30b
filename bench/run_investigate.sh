#!/bin/bash
# shodo investigate benchmark (issue 7): 1 GB of access logs plus a webroot of
# 50,000 files (real PHP code: Debian's CMS packages, copied), end to end —
# acquisition into a fresh case, hunt, scan, correlation, every output —
# against `shodo hunt` alone on the same logs.
#
#   scripts/bootstrap --bench   # the CMS packages
#   bench/run_investigate.sh [SIZE]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_setup "${1:-1G}"
INV="$WORK/investigate"
mkdir -p "$INV/logs"

F="$WORK/access-$SIZE.log"
[ -f "$F" ] || "$GEN" --seed 1 --size "$SIZE" > "$F"
[ -f "$INV/logs/access.log" ] || ln "$F" "$INV/logs/access.log" 2>/dev/null || cp "$F" "$INV/logs/access.log"

SITE="$INV/site"
if [ ! -d "$SITE" ]; then
  rm -rf "$SITE.tmp" && mkdir -p "$SITE.tmp"
  for t in wordpress phpmyadmin mediawiki roundcube dokuwiki; do
    [ -d /usr/share/$t ] || { echo "missing /usr/share/$t: run scripts/bootstrap --bench" >&2; exit 2; }
    cp -a /usr/share/$t "$SITE.tmp/$t"
  done
  n=1
  while [ "$(find "$SITE.tmp" -type f | wc -l)" -lt 50000 ]; do
    cp -a /usr/share/wordpress "$SITE.tmp/wordpress-copy$n"; n=$((n + 1))
  done
  printf '<?php echo "shop";\n' > "$SITE.tmp/index.php"
  mv "$SITE.tmp" "$SITE"
fi
FILES=$(find "$SITE" -type f | wc -l)
cat "$F" > /dev/null
echo "logs: $F ($(stat -c %s "$F") bytes); webroot: $SITE ($FILES files)"

# A fresh case each run: acquisition is part of the job. The cases are
# deleted at the end, not before each run: ext4 skips inodes freed in the
# last minutes when it allocates, so deleting 50,000 vault files just before
# a run would slow the next one for a reason no investigation has.
rm -rf "$INV"/case-*
investigate() {
  "$SHODO" investigate -q --case "$INV/case-$(date +%s%N)" "$@"
}
report() { printf '%-60s %8s s\n' "$1" "$2"; }

report "shodo hunt -j2 (shipped rules + detectors)" "$(seconds "$SHODO" hunt -q -j2 "$INV/logs/access.log")"
report "shodo investigate -j2 logs only" "$(seconds investigate -j2 "$INV/logs")"
report "shodo investigate -j2 logs + webroot ($FILES files)" "$(seconds investigate -j2 "$INV/logs" "$SITE")"
rss=$( { /usr/bin/time -v "$SHODO" investigate -q -j2 --case "$INV/case-rss" "$INV/logs" "$SITE" > /dev/null; } 2>&1 |
      awk -F': ' '/Maximum resident/ {print $2}' || true)
echo "peak RSS (logs + webroot): $rss KB"
rm -rf "$INV"/case-*
