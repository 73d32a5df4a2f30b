#!/usr/bin/env bash
# Detection quality of the shipped rules on the labelled evaluation set:
# per-request recall per attack class and overall, and the false-positive
# rate on benign requests. Usage: bench/eval/run_eval.sh [BUILD_DIR] [SEED]
#   BUILD_DIR  a build with shodo and shodo_gen_eval (default: build)
#   SEED       generator seed (default: 1)
# Writes EVAL_DIR (default /tmp/shodo-eval)/results.md and prints it.
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD=${1:-build}
SEED=${2:-1}
WORK=${EVAL_DIR:-/tmp/shodo-eval}
mkdir -p "$WORK"

"$BUILD/bench/eval/shodo_gen_eval" --seed "$SEED" --out "$WORK"
# hunt exits 1 when it reports findings: that is success here.
status=0
"$BUILD/src/cli/shodo" hunt --quiet --format jsonl --tz +09:00 --log-format combined \
  "$WORK/access.log" > "$WORK/findings.jsonl" || status=$?
if [ "$status" -gt 1 ]; then
  echo "shodo hunt failed with exit code $status" >&2
  exit "$status"
fi

python3 - "$WORK/labels.tsv" "$WORK/findings.jsonl" "$WORK/results.md" <<'PY'
import json, sys
from collections import Counter, defaultdict

labels_path, findings_path, out_path = sys.argv[1:4]
label = {}
for row in open(labels_path):
    line, cls = row.rstrip("\n").split("\t")
    label[int(line)] = cls

def lines_of(f):
    """The access-log lines a finding cites (its own and related ones)."""
    cites = []
    for key in ("cite", "citation"):
        if isinstance(f.get(key), dict):
            cites.append(f[key])
    for key in ("related", "citations"):
        if isinstance(f.get(key), list):
            cites += [c for c in f[key] if isinstance(c, dict)]
    out = {c.get("line") for c in cites}
    out.add(f.get("log.file.line"))
    out.add(f.get("line"))
    return {int(x) for x in out if isinstance(x, (int, str)) and str(x).isdigit()}

hit = defaultdict(set)  # line -> rule titles
for raw in open(findings_path):
    raw = raw.strip()
    if not raw:
        continue
    f = json.loads(raw)
    rule = f.get("rule_id") or f.get("rule.id") or f.get("rule")
    if not rule:
        continue  # not a finding (file summary, ...)
    title = f.get("title") or str(rule)
    for line in lines_of(f):
        hit[line].add(title)

total, found, fp_rules = Counter(), Counter(), Counter()
for line, cls in label.items():
    total[cls] += 1
    if hit.get(line):
        found[cls] += 1
        if cls == "benign":
            fp_rules.update(hit[line])

attack = [c for c in total if c != "benign"]
rows = ["| class | requests | detected | recall |", "|---|---:|---:|---:|"]
for c in sorted(attack):
    rows.append(f"| {c} | {total[c]} | {found[c]} | {100 * found[c] / total[c]:.1f}% |")
n_att = sum(total[c] for c in attack)
n_hit = sum(found[c] for c in attack)
rows.append(f"| **all attacks** | {n_att} | {n_hit} | **{100 * n_hit / max(n_att, 1):.2f}%** |")
b = total["benign"]
rows.append("")
rows.append(f"False positives: {found['benign']} of {b} benign requests "
            f"(**{100 * found['benign'] / max(b, 1):.3f}%**)")
if fp_rules:
    rows.append("")
    rows.append("Rules firing on benign requests:")
    rows += [f"- {n} x {t}" for t, n in fp_rules.most_common(10)]
text = "\n".join(rows) + "\n"
open(out_path, "w").write(text)
print(text, end="")
PY
