"""`newsprism batch`: same stories as the in-process path, readable Parquet, resumable."""

from __future__ import annotations

import duckdb
import pytest

from newsprism.pipeline import run
from newsprism.scale import batch as batch_mod
from newsprism.scale.batch import run_batch

pytestmark = pytest.mark.slow


def _story_sets(report_dict):
    return sorted(sorted(s["article_ids"]) for s in report_dict["stories"])


def test_batch_local_matches_pipeline_and_writes_parquet(demo_dir, tmp_path, monkeypatch):
    monkeypatch.setattr(batch_mod, "PARTITION_SIZE", 5)
    monkeypatch.setattr(batch_mod, "MIN_PARTITION", 5)
    res = run_batch([str(demo_dir)], out_dir=tmp_path / "b", workers=2, engine="local")
    assert res.partitions >= 3
    import json

    data = json.loads((tmp_path / "b" / "report.json").read_text())
    local = run([str(demo_dir)], db=tmp_path / "l.db").report.to_dict()
    assert _story_sets(data) == _story_sets(local)
    # not only the same groups: every story record (events, conflicts, framing, brief) and article record
    assert {s["id"]: s for s in data["stories"]} == {s["id"]: s for s in local["stories"]}
    assert data["articles"] == local["articles"]
    con = duckdb.connect()
    n = con.execute(f"SELECT count(*) FROM '{tmp_path / 'b' / 'articles.parquet'}'").fetchone()[0]
    assert n == len(local["articles"])
    missing = con.execute(
        f"SELECT count(*) FROM '{tmp_path / 'b' / 'articles.parquet'}' WHERE story_id IS NULL").fetchone()[0]
    assert missing == 0
    for s in data["stories"]:
        assert (tmp_path / "b" / "stories" / f"{s['id']}.json").exists()


class _Boom(RuntimeError):
    pass


def test_batch_resumes_after_interruption_without_duplicates(demo_dir, tmp_path, monkeypatch):
    monkeypatch.setattr(batch_mod, "PARTITION_SIZE", 4)
    monkeypatch.setattr(batch_mod, "MIN_PARTITION", 4)
    real = batch_mod._write_atomic
    calls = {"n": 0}

    def dying_write(path, rows):
        if calls["n"] == 2:
            raise _Boom("killed")
        calls["n"] += 1
        real(path, rows)

    monkeypatch.setattr(batch_mod, "_write_atomic", dying_write)
    with pytest.raises(_Boom):
        run_batch([str(demo_dir)], out_dir=tmp_path / "b", workers=1, engine="local")
    monkeypatch.setattr(batch_mod, "_write_atomic", real)
    res = run_batch([str(demo_dir)], out_dir=tmp_path / "b", workers=1, engine="local")
    assert res.partitions_resumed == 2
    con = duckdb.connect()
    total, distinct = con.execute(
        f"SELECT count(*), count(DISTINCT id) FROM '{tmp_path / 'b' / 'articles.parquet'}'").fetchone()
    assert total == distinct == res.articles
    # the partitions read back from disk give the same report as those the workers sent this run
    import json

    whole = run_batch([str(demo_dir)], out_dir=tmp_path / "w", workers=1, engine="local")
    assert whole.partitions_resumed == 0
    resumed = json.loads((tmp_path / "b" / "report.json").read_text())
    fresh = json.loads((tmp_path / "w" / "report.json").read_text())
    assert resumed["stories"] == fresh["stories"]
    assert resumed["articles"] == fresh["articles"]


def test_batch_dask_engine_gives_the_same_stories(demo_dir, tmp_path, monkeypatch):
    pytest.importorskip("distributed")
    monkeypatch.setattr(batch_mod, "PARTITION_SIZE", 7)
    monkeypatch.setattr(batch_mod, "MIN_PARTITION", 7)
    import json

    run_batch([str(demo_dir)], out_dir=tmp_path / "d", workers=1, engine="dask")
    run_batch([str(demo_dir)], out_dir=tmp_path / "l", workers=1, engine="local")
    d = json.loads((tmp_path / "d" / "report.json").read_text())
    loc = json.loads((tmp_path / "l" / "report.json").read_text())
    assert _story_sets(d) == _story_sets(loc)
