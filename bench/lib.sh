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
