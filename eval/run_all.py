"""Run every accuracy script under eval/ in turn and print their figures (`make eval`).

Each script reads the annotated corpora in ../shared/corpora (or
$NEWSPRISM_CORPORA) and prints its own figures; this runner only sequences
them and reports which failed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = ["seeds_score.py", "seeds_events.py", "plover_events.py", "stories_basil.py", "stories_ecbplus.py",
           "crosscheck_seeds.py", "framing_basil.py", "flags_seeds.py"]


def main() -> int:
    failed = []
    for name in SCRIPTS:
        print(f"\n===== eval/{name}", flush=True)
        if subprocess.run([sys.executable, str(HERE / name)]).returncode != 0:
            failed.append(name)
    if failed:
        print("\nfailed:", ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
