"""Ingest inputs into the store batch by batch: memory stays flat however big the corpus.

Each batch (``BATCH_SIZE`` articles) is marked for near-duplicates against
everything already stored and committed in one transaction with its raw
sources and signatures, so a kill mid-ingest loses at most the batch in
flight, and re-running the same ingest adds exactly what is missing.
Year-less dates are resolved at the end, once the batch's dated siblings
are known (``published.infer_missing_years``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from newsprism.ingest.dedup import DuplicateIndex
from newsprism.ingest.items import IngestFailure, Ingested, IngestOptions
from newsprism.ingest.published import infer_missing_years, yearless_candidate
from newsprism.ingest.sources import ingest_items
from newsprism.store import BATCH_SIZE, Store

Progress = Callable[[str, int, int | None], None]


@dataclass
class IngestResult:
    added: int = 0
    duplicates: int = 0  # exact copies of stored articles (same id): nothing to add
    near_duplicates: int = 0  # new articles marked duplicate_of another
    dated_from_batch: int = 0  # year-less dates resolved from the batch (published basis dateline/inferred)
    failures: list[IngestFailure] = field(default_factory=list)


def _quiet(stage: str, done: int, total: int | None) -> None:
    return None


def ingest_into_store(inputs: Iterable[str], *, db: str | Path, options: IngestOptions | None = None,
                      progress: Progress | None = None, batch_size: int = BATCH_SIZE) -> IngestResult:
    """Read ``inputs`` into the store at ``db``, committing every ``batch_size`` articles."""
    report = progress or _quiet
    res = IngestResult()
    store = Store(db)
    try:
        index = DuplicateIndex.from_store(store)
        undated: list[str] = []
        dates: set[str] = set()  # publication dates of this run's articles: the context for year-less ones
        batch: list[Ingested] = []
        seen = 0
        for item in ingest_items(inputs, options):
            seen += 1
            if isinstance(item, IngestFailure):
                res.failures.append(item)
            else:
                batch.append(item)
                if len(batch) >= batch_size:
                    _commit(store, index, batch, res, undated, dates)
                    batch = []
            report("ingest", seen, None)
        _commit(store, index, batch, res, undated, dates)
        if undated:
            arts = list(store.articles(undated))
            res.dated_from_batch = infer_missing_years(arts, dates)
            store.update_articles({a.id: {"published": a.published, "published_basis": a.published_basis}
                                   for a in arts if a.published})
    finally:
        store.close()
    return res


def _commit(store: Store, index: DuplicateIndex, batch: list[Ingested], res: IngestResult,
            undated: list[str], dates: set[str]) -> None:
    if not batch:
        return
    arts = [b.article for b in batch]
    changes = index.add(arts)
    ids = index.last_added
    first = {a.id: a for a in reversed(arts)}  # the copy index.add saw first
    fresh = [first[i] for i in ids]
    added = store.add_batch(arts, raw={b.article.id: b.raw for b in batch if b.raw},
                            signatures=index.signatures(ids), bands=index.band_rows(ids),
                            updates={aid: {"duplicate_of": dup} for aid, dup in changes.items()})
    res.added += added
    res.duplicates += len(arts) - added
    res.near_duplicates += sum(1 for a in fresh if a.duplicate_of)
    undated.extend(a.id for a in fresh if yearless_candidate(a))
    dates.update(a.published for a in arts if a.published)
