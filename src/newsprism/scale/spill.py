"""A scratch table on disk for the analyses' JSON lines between clustering and cross-checking.

The driver clusters each partition as it arrives, but a story's members can
only be cross-checked once the story is complete, which for the last
stories is the end of the run. Holding every analysis in memory until then
grows with the archive (about 17 KB an article: 17 GB for a million); a
SQLite file in the run's state folder holds them instead, and each batch of
stories reads back just its members. It is scratch, rebuilt by every run:
no journal, no fsync.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

# Ids per IN (...) query: below SQLite's default limit of host parameters.
_CHUNK = 500


class LineSpill:
    """id -> JSON line, on disk; ``add`` while clustering, ``get`` per story batch."""

    def __init__(self, path: Path):
        self.path = path
        path.unlink(missing_ok=True)
        self._db = sqlite3.connect(path)
        self._db.execute("PRAGMA journal_mode = OFF")
        self._db.execute("PRAGMA synchronous = OFF")
        self._db.execute("CREATE TABLE lines (id TEXT PRIMARY KEY, line TEXT NOT NULL)")

    def add(self, rows: Iterable[tuple[str, str]]) -> None:
        self._db.executemany("INSERT OR REPLACE INTO lines VALUES (?, ?)", rows)

    def get(self, ids: list[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for k in range(0, len(ids), _CHUNK):
            chunk = ids[k:k + _CHUNK]
            marks = ",".join("?" * len(chunk))
            found.update(self._db.execute(f"SELECT id, line FROM lines WHERE id IN ({marks})", chunk))
        return found

    def close(self) -> None:
        """Close and delete the file: nothing in it outlives the run."""
        self._db.close()
        self.path.unlink(missing_ok=True)
