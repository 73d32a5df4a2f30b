#!/usr/bin/env python3
"""Writes N synthetic Sigma webserver rules (seeded) for the detection benchmark.

They are shaped like SigmaHQ's web rules (contains lists on cs-uri-query, user-agent
and path endings, a few regexes, `all`, filters under `not`) but look for random
tokens, so - like most real rules on most traffic - they rarely fire. What they cost
is what the benchmark measures. Usage: gen_sigma_rules.py OUT_DIR [N] [SEED]
"""
import os
import random
import sys
import uuid

out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 500
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
os.makedirs(out, exist_ok=True)

def token(lo=5, hi=12):
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789_-"
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(lo, hi)))

def quoted(s):
    return "'" + s.replace("'", "''") + "'"

for i in range(n):
    shape = rng.random()
    lines = []
    if shape < 0.45:
        lines += ["  selection:", "    cs-uri-query|contains:"]
        lines += ["      - " + quoted(rng.choice(["/", "=", ""]) + token()) for _ in range(rng.randint(1, 6))]
    elif shape < 0.6:
        lines += ["  selection:", "    c-useragent|contains:"]
        lines += ["      - " + quoted(token()) for _ in range(rng.randint(1, 4))]
    elif shape < 0.72:
        lines += ["  selection:", "    cs-uri-stem|endswith:"]
        lines += ["      - " + quoted("/" + token() + rng.choice([".php", ".jsp", ".asp", ""])) for _ in range(rng.randint(1, 4))]
        lines += ["    cs-method: " + rng.choice(["GET", "POST"])]
    elif shape < 0.84:
        lines += ["  selection:", "    cs-uri-query|contains|all:"]
        lines += ["      - " + quoted(token(4, 8)) for _ in range(2)]
    elif shape < 0.94:
        lines += ["  selection:", "    cs-uri-query|re: " + quoted(token(4, 6) + r"[=:/]\d{2,}" + token(3, 5))]
    else:
        lines += ["  selection:", "    cs-uri-stem|startswith: " + quoted("/" + token())]
        lines += ["  filter:", "    sc-status:", "      - 404", "      - 403"]
    condition = "selection and not filter" if any(l.startswith("  filter") for l in lines) else "selection"
    text = "\n".join([
        f"title: Synthetic benchmark rule {i}",
        f"id: {uuid.UUID(int=rng.getrandbits(128), version=4)}",
        "status: experimental",
        "logsource:",
        "  category: webserver",
        "detection:",
        *lines,
        f"  condition: {condition}",
        "level: " + rng.choice(["low", "medium", "high"]),
        "tags:",
        "  - attack.t1190",
        "",
    ])
    with open(os.path.join(out, f"synthetic_{i:04d}.yml"), "w") as f:
        f.write(text)
