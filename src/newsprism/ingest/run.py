"""Ingest inputs into the store, batch by batch. STUB: issue #2 completes it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from newsprism.ingest.sources import IngestFailure, IngestOptions, ingest_inputs
from newsprism.store import Store


@dataclass
class IngestResult:
    added: int = 0
    duplicates: int = 0
    failures: list[IngestFailure] = field(default_factory=list)


def ingest_into_store(inputs: Iterable[str], *, db: str, options: IngestOptions | None = None,
                      progress: Callable[[str, int, int | None], None] | None = None) -> IngestResult:
    res = IngestResult()
    store = Store(db)
    try:
        arts = []
        for item in ingest_inputs(inputs, options):
            if isinstance(item, IngestFailure):
                res.failures.append(item)
            else:
                arts.append(item)
        res.added = store.add_articles(arts)
        res.duplicates = len(arts) - res.added
    finally:
        store.close()
    return res
