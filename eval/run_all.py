"""`make eval`: every accuracy task on every annotated corpus, tune and check splits, with baselines.

See eval/accuracy/run.py; `--help` lists the options.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from accuracy.run import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
