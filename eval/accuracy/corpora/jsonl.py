"""JSON Lines files of the shared corpora, read one record at a time."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def records(path: Path, corpus: str) -> Iterator[dict[str, Any]]:
    """Each line of ``path`` as a dict; FileNotFoundError naming ``corpus`` when the file is absent."""
    if not path.is_file():
        raise FileNotFoundError(f"{corpus} not found at {path}")
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)
