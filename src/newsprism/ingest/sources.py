"""Walk the user's inputs and hand each one to the reader for its format.

STUB: reads plain-text files only; issue #2 replaces it.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsprism.model import Article


@dataclass(frozen=True)
class IngestOptions:
    field_map: dict[str, str] = field(default_factory=dict)
    allow_private: bool = False
    max_bytes: int = 50_000_000


@dataclass
class IngestFailure:
    source: str
    reason: str


def ingest_inputs(inputs: Iterable[str], options: IngestOptions | None = None) -> Iterator[Article | IngestFailure]:
    for inp in inputs:
        p = Path(inp)
        files = sorted(x for x in p.rglob("*") if x.is_file()) if p.is_dir() else [p]
        for f in files:
            text = unicodedata.normalize("NFC", f.read_text(encoding="utf-8", errors="replace"))
            aid = "a-" + hashlib.sha1(text.encode()).hexdigest()[:16]
            yield Article(id=aid, source=str(f), text=text)
