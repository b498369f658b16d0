"""Ingest and serve at once: readers hammer a live ``newsprism serve`` while batches are committed to its store.

Why: the store is SQLite in WAL mode, so readers must never see an error or a
half-written batch while the writer commits, and no committed article may
go missing. The writer ingests batches of invented articles (distinct
texts) through ``ingest_into_store``; N reader threads cycle through the
story list, the API and every article committed so far. At the end every
committed article sampled must be served by ``/api/articles/{id}`` and the
store must hold exactly the articles written (all distinct).

    .venv/bin/python fuzz/soak_web.py [--seconds 180] [--readers 8] [--batch 200] [--workdir DIR]

Prints one line of figures; exit status 1 on any error or lost article.
tests/reliability/test_concurrency.py runs it for ~20 s.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from newsprism.ingest.run import ingest_into_store
from newsprism.store import Store
from newsprism.web.launch import running_server

# Committed articles re-read over HTTP at the end (the store count covers the rest): enough to catch a
# systematic loss, few enough that the check stays seconds on a loaded 2-core machine.
VERIFY_SAMPLE = 200
_PLACES = ["Arnholt", "Bexmoor", "Calvera", "Dunmere", "Elsway", "Fornby", "Gratz", "Hallow", "Istra", "Jornvik"]


@dataclass
class SoakResult:
    seconds: float = 0.0
    requests: int = 0
    errors: list[str] = field(default_factory=list)
    written: int = 0
    stored: int = 0
    lost: list[str] = field(default_factory=list)
    batches: int = 0

    def line(self) -> str:
        return (f"seconds={self.seconds:.0f} requests={self.requests} rate={self.requests / max(self.seconds, 1e-9):.0f}/s "
                f"errors={len(self.errors)} batches={self.batches} written={self.written} stored={self.stored} "
                f"lost={len(self.lost)}")


def _article(i: int) -> str:
    rnd = random.Random(i)
    a, b = rnd.sample(_PLACES, 2)
    return (f"Title: Rail link {i} between {a} and {b}\n\n"
            f"The regional transport board approved a rail link between {a} and {b} on Monday, file {i} shows. "
            f"It is expected to cost {rnd.randint(20, 900)} million crowns.\n\n"
            f"Commuters in {b} welcomed the plan, while {rnd.randint(3, 90)} landowners lodged objections.")


def _stored_ids(db: Path) -> list[str]:
    con = sqlite3.connect(db, timeout=10)
    try:
        return [r[0] for r in con.execute("SELECT id FROM articles")]
    finally:
        con.close()


def run_soak(workdir: Path, *, seconds: float, readers: int = 8, batch: int = 200) -> SoakResult:
    """Write batches for ``seconds`` while ``readers`` threads read; then check nothing committed is missing."""
    db = workdir / "soak.db"
    Store(db).close()
    res = SoakResult()
    committed: list[str] = []
    lock = threading.Lock()
    stop = threading.Event()

    def reader(n: int, base: str) -> None:
        rnd = random.Random(n)
        with httpx.Client(base_url=base, timeout=30) as client:
            while not stop.is_set():
                with lock:
                    aid = rnd.choice(committed) if committed else None
                path = rnd.choice(["/", "/api/stories"] + ([f"/api/articles/{aid}", f"/articles/{aid}"] if aid else []))
                try:
                    r = client.get(path)
                    ok = r.status_code == 200
                    detail = f"{path}: HTTP {r.status_code}"
                except httpx.HTTPError as exc:
                    ok, detail = False, f"{path}: {type(exc).__name__}: {exc}"
                with lock:
                    res.requests += 1
                    if not ok:
                        res.errors.append(detail)

    with running_server(db) as served:
        base = served.base
        threads = [threading.Thread(target=reader, args=(n, base), daemon=True) for n in range(readers)]
        start = time.monotonic()
        for t in threads:
            t.start()
        while time.monotonic() - start < seconds:
            folder = workdir / f"batch-{res.batches:04d}"
            folder.mkdir()
            for i in range(res.written, res.written + batch):
                (folder / f"{i:07d}.txt").write_text(_article(i))
            ingest_into_store([str(folder)], db=db, batch_size=max(1, batch // 2))
            res.written += batch
            res.batches += 1
            ids = _stored_ids(db)
            with lock:
                committed[:] = ids
        stop.set()
        for t in threads:
            t.join(timeout=60)
        res.seconds = time.monotonic() - start
        with httpx.Client(base_url=base, timeout=30) as client:
            sample = random.Random(0).sample(committed, min(len(committed), VERIFY_SAMPLE))
            res.lost = [aid for aid in sample if client.get(f"/api/articles/{aid}").status_code != 200]
    res.stored = len(_stored_ids(db))
    if res.stored != res.written:
        res.lost.append(f"store holds {res.stored} articles, {res.written} were written")
    return res


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=180)
    ap.add_argument("--readers", type=int, default=8)
    ap.add_argument("--batch", type=int, default=200)
    ap.add_argument("--workdir", type=Path)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsprism-soak-") as tmp:
        res = run_soak(args.workdir or Path(tmp), seconds=args.seconds, readers=args.readers, batch=args.batch)
    print(res.line())
    for err in res.errors[:10] + res.lost[:10]:
        print("  ", err)
    return 1 if res.errors or res.lost else 0


if __name__ == "__main__":
    sys.exit(main())
