"""Score the whole pipeline on the seed articles with the shared scorer, and gate on floors.

Runs `newsprism analyze` over ../shared/corpora/seeds (or $NEWSPRISM_CORPORA/seeds),
scores the report with ../shared/eval/score.py against seeds-gold.json, prints
every figure, and exits 1 if a figure falls below its floor in
eval/baseline.json (lowering a floor is a deliberate edit of that file).

    .venv/bin/python eval/seeds_score.py [--verbose]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPORA = Path(os.environ.get("NEWSPRISM_CORPORA", REPO.parent / "shared" / "corpora"))
SHARED_EVAL = CORPORA.parent / "eval"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--verbose", "-v", action="store_true", help="list what was missed")
    args = ap.parse_args()
    seeds = CORPORA / "seeds"
    gold = SHARED_EVAL / "seeds-gold.json"
    if not seeds.is_dir() or not gold.is_file():
        print(f"seeds or gold not found under {CORPORA.parent}: set NEWSPRISM_CORPORA")
        return 2
    from newsprism.pipeline import run

    with tempfile.TemporaryDirectory() as tmp:
        report = run([str(seeds)], db=Path(tmp) / "seeds.db").report
        out = Path(tmp) / "report.json"
        out.write_text(report.to_json())
        cmd = [sys.executable, str(SHARED_EVAL / "score.py"), str(gold), str(out)] + (["-v"] if args.verbose else [])
        res = subprocess.run(cmd, capture_output=True, text=True)
    print(res.stdout, end="")
    if args.verbose:
        print(res.stderr, end="", file=sys.stderr)
    scores = {}
    for line in res.stdout.splitlines():
        name, _, value = line.partition(": ")
        try:
            scores[name] = float(value)
        except ValueError:
            pass
    floors = json.loads((REPO / "eval" / "baseline.json").read_text())["seeds"]
    failed = [f"{k}: {scores.get(k, 0.0):.4f} < floor {v}" for k, v in floors.items() if scores.get(k, 0.0) < v]
    for f in failed:
        print("REGRESSION", f)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
