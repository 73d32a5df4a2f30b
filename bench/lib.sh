# Shared by the benchmark scripts: sourced, not run.

# Reads [SIZE] [BIG_SIZE] and sets the paths every script uses.
bench_setup() {
  SIZE=${1:-1G}
  BIG=${2:-5G}
  WORK=${BENCH_DIR:-/tmp/shodo-bench}
  SHODO=./build/src/cli/shodo
  GEN=./build/bench/shodo_gen_traffic
  mkdir -p "$WORK"
}

# Runs a command and prints its wall time in seconds, best of 3. The exit
# status is ignored (shodo hunt exits 1 when it reports findings).
seconds() {
  local best="" s e t
  for _ in 1 2 3; do
    s=$(date +%s.%N)
    "$@" > /dev/null || true
    e=$(date +%s.%N)
    t=$(echo "$e - $s" | bc -l)
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
  done
  printf '%.3f' "$best"
}

# Runs a command 3 times and prints "WALL CPU": its best wall time and its
# best CPU time (user + system), in seconds. On a shared virtual machine
# whose speed swings, CPU time is the steadier measure of work done.
timings() {
  local best_w="" best_c="" out w u s c
  out=$(mktemp)
  for _ in 1 2 3; do
    /usr/bin/time -o "$out" -f '%e %U %S' "$@" > /dev/null 2>&1 || true
    read -r w u s < <(tail -1 "$out")
    c=$(echo "$u + $s" | bc -l)
    if [ -z "$best_w" ] || [ "$(echo "$w < $best_w" | bc -l)" = 1 ]; then best_w=$w; fi
    if [ -z "$best_c" ] || [ "$(echo "$c < $best_c" | bc -l)" = 1 ]; then best_c=$c; fi
  done
  rm -f "$out"
  printf '%.2f %.2f' "$best_w" "$best_c"
}
