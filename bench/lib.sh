# Shared by the benchmark scripts: sourced, not run.

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
