"""Streaming ingest into the store: idempotent, incremental duplicates, failures reported, safe to kill."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time

from newsprism.ingest.run import ingest_into_store
from newsprism.store import Store

from .ingest_samples import PARAGRAPHS, TEXT_NO_HEADER, TEXT_WIRE, TEXT_WITH_HEADER, generated_text


def _write(folder, files: dict[str, str]):
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text)
    return folder


def test_ingest_twice_changes_nothing(tmp_path):
    src = _write(tmp_path / "in", {"a.txt": TEXT_WITH_HEADER, "b.txt": TEXT_WIRE, "c.txt": TEXT_NO_HEADER})
    db = tmp_path / "s.db"
    first = ingest_into_store([str(src)], db=db)
    assert (first.added, first.duplicates, first.failures) == (3, 0, [])
    with Store(db) as store:
        before = [a.to_dict() for a in store.articles()]
    second = ingest_into_store([str(src)], db=db)
    assert (second.added, second.duplicates) == (0, 3)
    with Store(db) as store:
        assert [a.to_dict() for a in store.articles()] == before
        assert store.raw_source(before[0]["id"]).data.startswith(b"")


def test_ingest_dates_yearless_report_from_its_batch(tmp_path):
    src = _write(tmp_path / "in", {"a.txt": TEXT_WITH_HEADER, "c.txt": TEXT_NO_HEADER})
    res = ingest_into_store([str(src)], db=tmp_path / "s.db")
    assert res.dated_from_batch == 1
    with Store(tmp_path / "s.db") as store:
        undated = next(a for a in store.articles() if a.source.endswith("c.txt"))
    assert (undated.published, undated.published_basis) == ("2024-03-12", "inferred")


def test_incremental_ingest_marks_copies_of_stored_articles(tmp_path):
    db = tmp_path / "s.db"
    ingest_into_store([str(_write(tmp_path / "day1", {"orig.txt": TEXT_WITH_HEADER}))], db=db)
    copy = TEXT_WITH_HEADER.replace("Velden dockworkers strike over night-shift pay", "Harbour at a standstill")
    copy = copy.replace(PARAGRAPHS[4] + "\n", "")
    res = ingest_into_store([str(_write(tmp_path / "day2", {"copy.txt": copy}))], db=db)
    assert (res.added, res.near_duplicates) == (1, 1)
    with Store(db) as store:
        by_source = {a.source.rsplit("/", 1)[-1]: a for a in store.articles()}
    assert by_source["copy.txt"].duplicate_of == by_source["orig.txt"].id


def test_ingest_reports_failures_and_keeps_the_rest(tmp_path):
    src = _write(tmp_path / "in", {"a.txt": TEXT_WITH_HEADER, "empty.txt": ""})
    db = tmp_path / "s.db"
    res = ingest_into_store([str(src), str(tmp_path / "nowhere")], db=db)
    assert res.added == 1
    assert [(f.source.rsplit("/", 1)[-1], f.reason) for f in res.failures] == [
        ("empty.txt", "empty file"), ("nowhere", "no such file or directory")]


_CHILD = """
import sys
from newsprism.ingest.run import ingest_into_store
ingest_into_store([sys.argv[1]], db=sys.argv[2], batch_size=100)
"""


def _intact(db) -> int:
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = con.execute("SELECT id, text FROM articles").fetchall()
    finally:
        con.close()
    for aid, text in rows:
        assert aid == "a-" + hashlib.sha1(text.encode()).hexdigest()[:16]
    return len(rows)


def test_sigkill_mid_ingest_leaves_a_consistent_store_and_rerun_completes(tmp_path):
    n = 2000
    src = _write(tmp_path / "in", {f"{i:05d}.txt": generated_text(i) for i in range(n)})
    db = tmp_path / "s.db"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    child = subprocess.Popen([sys.executable, "-c", _CHILD, str(src), str(db)], env=env)
    try:
        deadline = time.monotonic() + 120
        committed = 0
        while time.monotonic() < deadline and child.poll() is None:
            time.sleep(0.05)
            if db.exists():
                try:
                    con = sqlite3.connect(db, timeout=1)
                    committed = con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
                    con.close()
                except sqlite3.OperationalError:
                    continue  # tables not created yet
                if committed >= 300:
                    break
        assert child.poll() is None, "ingest finished before it could be killed"
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait()
    survived = _intact(db)
    assert 300 <= survived < n and survived % 100 == 0  # whole batches only
    res = ingest_into_store([str(src)], db=db)
    assert (res.added, res.duplicates) == (n - survived, survived)
    assert _intact(db) == n


def test_cli_ingest_names_each_failure_and_exits_1(tmp_path):
    from click.testing import CliRunner

    from newsprism.cli import main

    src = _write(tmp_path / "in", {"a.txt": TEXT_WITH_HEADER, "b.jsonl": '{"text": "Ferry service resumes in '
                                   'Lindquay after two days of storms, the operator said on Friday."}\n{broken\n'})
    db = tmp_path / "s.db"
    result = CliRunner().invoke(main, ["ingest", str(src), str(tmp_path / "gone.txt"), "--db", str(db)])
    assert result.exit_code == 1
    assert f"error: {src / 'b.jsonl'}#1: line is not valid JSON" in result.output
    assert f"error: {tmp_path / 'gone.txt'}: no such file or directory" in result.output
    assert "2 new articles" in result.output
    again = CliRunner().invoke(main, ["ingest", str(src / "a.txt"), "--db", str(db)])
    assert again.exit_code == 0 and "0 new articles, 1 already stored" in again.output
