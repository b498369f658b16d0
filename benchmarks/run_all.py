"""Run every benchmark under benchmarks/ in turn (`make bench`); each prints its own figures."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = ["bench_ingest.py", "bench_nlp.py", "bench_cluster.py", "bench_crosscheck.py", "bench_batch.py"]


def main() -> int:
    failed = [n for n in SCRIPTS if print(f"\n===== benchmarks/{n}", flush=True) or
              subprocess.run([sys.executable, str(HERE / n)]).returncode != 0]
    if failed:
        print("\nfailed:", ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
