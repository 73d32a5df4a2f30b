#!/bin/bash
# Disk timeline speed and memory (issue 5): `shodo disk timeline --format csv`
# (sorted by time, Timesketch fields) against The Sleuth Kit's own
# `fls -r -m / IMAGE | mactime -b - -d` (sorted by time, CSV) on the same ext4
# image, built here: FILES files (default 200000) in 400 folders, 1% of them
# deleted with debugfs, in an image of SIZE (default 2G). Best of 3 wall
# times (image in the page cache), then peak RSS of each with /usr/bin/time.
# Usage: bench/run_timeline.sh [FILES] [SIZE]   (SHODO=path/to/shodo to
# use another build; needs Debian's sleuthkit and e2fsprogs)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
bench_setup
SHODO=${SHODO_BIN:-$SHODO}
FILES=${1:-200000}
IMG_SIZE=${2:-2G}
IMG="$WORK/timeline-$FILES.img"

if [ ! -f "$IMG" ]; then
  STAGE="$WORK/timeline-staging"
  rm -rf "$STAGE"
  python3 - "$STAGE" "$FILES" <<'PY'
import os, sys
root, n = sys.argv[1], int(sys.argv[2])
for i in range(n):
    d = os.path.join(root, "srv", "d%03d" % (i % 400))
    if i < 400:
        os.makedirs(d)
    p = os.path.join(d, "file%06d.php" % i)
    with open(p, "w") as f:
        f.write("<?php // %d\n" % i + "x" * (i % 3000))
    t = 1700000000 + i * 37
    os.utime(p, (t + 5, t))
PY
  mke2fs -q -F -t ext4 -N $((FILES + 10000)) -d "$STAGE" "$IMG" "$IMG_SIZE"
  # Delete 1% so that the timeline has deleted entries too.
  python3 -c "
import sys
n = int(sys.argv[1])
for i in range(0, n, 100):
    print('rm /srv/d%03d/file%06d.php' % (i % 400, i))
" "$FILES" > "$WORK/timeline-rm.txt"
  debugfs -w -f "$WORK/timeline-rm.txt" "$IMG" > /dev/null 2>&1
  rm -rf "$STAGE"
fi
cat "$IMG" > /dev/null  # page cache warm
echo "image: $IMG  $(stat -c %s "$IMG") bytes, $(fls -r -p "$IMG" | wc -l) entries (fls -r)"

tsk() { fls -r -m / "$IMG" | mactime -b - -d > /dev/null; }
shodo_csv() { "$SHODO" disk timeline "$IMG" --format csv > /dev/null; }
shodo_body() { "$SHODO" disk timeline "$IMG" --format body > /dev/null; }
fls_only() { fls -r -m / "$IMG" > /dev/null; }
printf '%-52s %8s s\n' "fls -r -m / IMG | mactime -b - -d (sorted CSV)" "$(seconds tsk)"
printf '%-52s %8s s\n' "shodo disk timeline IMG --format csv (sorted)" "$(seconds shodo_csv)"
printf '%-52s %8s s\n' "fls -r -m / IMG (body, unsorted)" "$(seconds fls_only)"
printf '%-52s %8s s\n' "shodo disk timeline IMG --format body (unsorted)" "$(seconds shodo_body)"
/usr/bin/time -f "fls | mactime: peak RSS %M KiB (largest process)" \
  sh -c "fls -r -m / '$IMG' | mactime -b - -d > /dev/null"
/usr/bin/time -f "shodo disk timeline --format csv: peak RSS %M KiB" \
  "$SHODO" disk timeline "$IMG" --format csv > /dev/null
