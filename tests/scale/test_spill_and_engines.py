"""The batch driver's memory bounds: lines spilled to disk, partitions drawn lazily by the engine."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsprism.scale.engines import IN_FLIGHT_PER_WORKER, LocalEngine, start_loading_local_workers
from newsprism.scale.spill import LineSpill


def test_line_spill_returns_what_was_added_past_one_query_and_deletes_its_file(tmp_path):
    spill = LineSpill(tmp_path / "lines.sqlite")
    rows = [(f"a-{i}", '{"text": "line ' + str(i) + ' \\u00e9"}') for i in range(1200)]
    spill.add(rows[:700])
    spill.add(rows[700:])
    wanted = [f"a-{i}" for i in range(0, 1200, 2)] + ["a-missing"]
    got = spill.get(wanted)
    assert got == {aid: line for aid, line in rows if aid in set(wanted)}
    assert (tmp_path / "lines.sqlite").exists()
    spill.close()
    assert not (tmp_path / "lines.sqlite").exists()


def test_line_spill_starts_empty_over_a_previous_runs_file(tmp_path):
    first = LineSpill(tmp_path / "lines.sqlite")
    first.add([("a-1", "old")])
    first._db.close()  # a killed run leaves its file behind
    second = LineSpill(tmp_path / "lines.sqlite")
    assert second.get(["a-1"]) == {}
    second.close()


@pytest.mark.slow
def test_local_engine_draws_partitions_only_as_workers_free_up():
    drawn: list[int] = []

    def parts():
        for i in range(40):
            drawn.append(i)
            yield -i

    engine = LocalEngine(1)
    try:
        results = engine.map_partitions(abs, parts())
        first = next(results)
        assert len(drawn) <= IN_FLIGHT_PER_WORKER + 1 < 40
        rest = [first, *results]
    finally:
        engine.close()
    assert sorted(rest) == [(i, i) for i in range(40)]


def _fork_servers_of_this_process() -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            cmdline = (stat.parent / "cmdline").read_bytes()
        except (OSError, IndexError, ValueError):
            continue
        if ppid == os.getpid() and b"forkserver" in cmdline:
            found.append(int(stat.parent.name))
    return found


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_fork_server_started_early_is_the_one_the_pool_forks_its_workers_from():
    before = dict(os.environ)
    start_loading_local_workers()
    assert dict(os.environ) == before  # the one-BLAS-thread setting went to the fork server only
    servers = _fork_servers_of_this_process()
    assert len(servers) == 1
    engine = LocalEngine(1)
    try:
        [(_, stat)] = list(engine.map_partitions(Path.read_text, [Path("/proc/self/stat")]))
        [(_, threads)] = list(engine.map_partitions(os.getenv, ["OPENBLAS_NUM_THREADS"]))
    finally:
        engine.close()
    assert int(stat.rsplit(")", 1)[1].split()[1]) == servers[0]  # the worker's parent
    assert threads == "1"


def test_story_batches_send_the_largest_stories_first_in_tasks_of_about_equal_work():
    from newsprism.model import Story
    from newsprism.scale.batch import PARTS_PER_WORKER, STORY_BATCH, story_batches

    sizes = [1] * 120 + [40, 3, 25, 2, 2, 9]
    stories = [Story(id=f"s-{i}", title="t", article_ids=[f"a-{i}-{k}" for k in range(n)])
               for i, n in enumerate(sizes)]
    batches = story_batches(stories, workers=2)
    assert sorted(s.id for b in batches for s in b) == sorted(s.id for s in stories)
    firsts = [len(b[0].article_ids) for b in batches]
    assert firsts == sorted(firsts, reverse=True) and firsts[0] == 40
    share = -(-sum(sizes) // (PARTS_PER_WORKER * 2))
    assert all(len(b) <= STORY_BATCH for b in batches)
    assert all(sum(len(s.article_ids) for s in b) - len(b[-1].article_ids) < share for b in batches)
    assert story_batches([], workers=2) == []
