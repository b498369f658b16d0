"""The accuracy regression gate (see eval/accuracy/gate.py): a fixed check sample per task against eval/gate_floors.json."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from accuracy.gate import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
