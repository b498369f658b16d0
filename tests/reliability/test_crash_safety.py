"""SIGKILL ``newsprism ingest`` at several random moments over one store: nothing committed is ever lost or garbled.

tests/ingest/test_run.py kills one in-process ingest once; this kills the real
CLI repeatedly on the same store (each restart resuming the last), so a kill
can land in start-up, mid-parse, mid-commit or in the WAL checkpoint. After
every kill the store must pass ``PRAGMA integrity_check``, every stored text
must still hash to its id, and every article seen before must still be there
unchanged; a final clean run must add exactly the rest, with no duplicates.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsprism.ingest.run import ingest_into_store

N_ARTICLES = 2500
KILLS = 3
_CLI = [sys.executable, "-c", "from newsprism.cli import main; main()"]

_TOWNS = ["Arnholt", "Bexmoor", "Calvera", "Dunmere", "Elsway", "Fornby", "Gratz", "Hallow"]
_BODIES = ["the regional water board", "the district council", "the transport ministry", "the port authority"]
_VERBS = ["approved", "postponed", "rejected", "reviewed", "announced"]
_THINGS = ["a flood barrier", "a bus depot", "a tram extension", "new berths", "a school merger"]


def _article(i: int) -> str:
    """The i-th distinct invented article (its serial number makes every text unique)."""
    rnd = random.Random(i)
    town, body = rnd.choice(_TOWNS), rnd.choice(_BODIES)
    sentences = [f"{body.capitalize()} {rnd.choice(_VERBS)} {rnd.choice(_THINGS)} for {town} on Tuesday.",
                 f"The plan, filed as case {i}, would cost about {rnd.randint(2, 900)} million crowns.",
                 f"Residents of {town} were divided, and {rnd.randint(3, 60)} objections were lodged.",
                 f"A spokesperson for {body} said a final decision was expected within weeks."]
    return f"Title: {town} decision {i}\n\n" + " ".join(sentences[:2]) + "\n\n" + " ".join(sentences[2:])


def _snapshot(db: Path) -> dict[str, str]:
    """id -> text of every stored article, after checking the file's integrity and every id's hash."""
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = dict(con.execute("SELECT id, text FROM articles").fetchall())
    except sqlite3.OperationalError as exc:  # killed before the schema was written
        assert "no such table" in str(exc)
        return {}
    finally:
        con.close()
    for aid, text in rows.items():
        assert aid == "a-" + hashlib.sha1(text.encode()).hexdigest()[:16], aid
    return rows


def _count(db: Path) -> int:
    try:
        con = sqlite3.connect(db, timeout=1)
        try:
            return con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        finally:
            con.close()
    except sqlite3.OperationalError:
        return 0


def _kill_after(src: Path, db: Path, target: int, extra_s: float) -> bool:
    """Run the CLI until ``target`` articles are stored, wait ``extra_s`` more, SIGKILL it. False if it finished."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    child = subprocess.Popen([*_CLI, "ingest", str(src), "--db", str(db)], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 240
        while child.poll() is None and time.monotonic() < deadline:
            if db.exists() and _count(db) >= target:
                break
            time.sleep(0.02)
        time.sleep(extra_s)
        if child.poll() is not None:
            return False
        child.send_signal(signal.SIGKILL)
        return True
    finally:
        child.wait()


@pytest.mark.slow
def test_repeated_sigkill_of_cli_ingest_never_loses_or_garbles_a_committed_article(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for i in range(N_ARTICLES):
        (src / f"{i:05d}.txt").write_text(_article(i))
    db = tmp_path / "s.db"
    rng = random.Random(os.environ.get("NEWSPRISM_KILL_SEED", "9"))
    seen: dict[str, str] = {}
    kills = 0
    for k in range(KILLS):
        # Each run resumes the last; aim the kill at a random point of the work still to do.
        target = rng.randint(0, N_ARTICLES * (k + 1) // (KILLS + 1))
        kills += _kill_after(src, db, target, rng.uniform(0, 0.4))
        now = _snapshot(db)
        assert all(now.get(aid) == text for aid, text in seen.items()), "a committed article was lost or changed"
        seen = now
    assert kills >= 2, "ingest finished before it could be killed"
    assert len(seen) < N_ARTICLES
    res = ingest_into_store([str(src)], db=db)
    assert (res.added, res.duplicates, res.failures) == (N_ARTICLES - len(seen), len(seen), [])
    final = _snapshot(db)
    assert len(final) == N_ARTICLES and len(set(final.values())) == N_ARTICLES
    assert all(final[aid] == text for aid, text in seen.items())
