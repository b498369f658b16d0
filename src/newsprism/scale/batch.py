"""`newsprism batch`: the same stage functions over an archive, in parallel and resumable.

What runs where, and why:

- ingest, year inference and near-duplicate marking run on the driver over
  the whole run, exactly as ``pipeline.run`` does (they are cheap: thousands
  of articles a second), which then cuts the articles into partitions of
  ``PARTITION_SIZE``;
- the per-article analysis (spaCy, >90% of the cost) runs on the workers, one
  partition a task, and each finished partition is written to
  ``OUT/state/`` at once (atomically), so a killed run resumes where it
  stopped: a partition whose file exists is not analysed again;
- clustering runs on the driver over the analysed articles in publication
  order (it is the incremental, indexed clusterer of ``newsprism.stories``,
  linear in the number of articles), so the stories are exactly those of the
  local path on the same input;
- cross-checking runs on the workers again, a batch of stories a task.

Output: Parquet tables (articles, entities, events, conflicts, stories; every
row with its ``story_id``) that DuckDB, pandas and Polars read, the contract
report ``report.json`` and one ``stories/<id>.json`` per story.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsprism.crosscheck import crosscheck_story
from newsprism.ingest import IngestFailure, IngestOptions, infer_missing_years, ingest_inputs, mark_duplicates
from newsprism.model import AnalyzedArticle, Article, CrossCheck, Report, Story, from_plain, to_plain
from newsprism.nlp import analyze_articles, link_story_entities
from newsprism.report import build_report
from newsprism.scale.engines import Engine, make_engine
from newsprism.scale.tables import write_tables
from newsprism.stories import cluster_stories

# Most articles per worker task: large enough that Dask's ~2 ms per-task
# overhead is noise next to ~30 ms of analysis per article, small enough that
# a killed run loses little work. Smaller runs are cut so that every worker
# gets at least two partitions (MIN_PARTITION at least).
PARTITION_SIZE = 200
MIN_PARTITION = 10
# Stories per cross-check task.
STORY_BATCH = 50

Progress = Callable[[str, int, int | None], None]


@dataclass
class BatchResult:
    articles: int = 0
    partitions: int = 0
    partitions_resumed: int = 0
    stories: int = 0
    failures: list[IngestFailure] = field(default_factory=list)
    out_dir: str = ""


def _quiet(stage: str, done: int, total: int | None) -> None:
    return None


def _partition_key(articles: list[Article]) -> str:
    h = hashlib.sha1()
    for a in articles:
        h.update(a.id.encode())
    return h.hexdigest()[:16]


def _analyze_partition(article_dicts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Worker side: analyse one partition (the pipeline is loaded once per process)."""
    arts = [Article.from_dict(d) for d in article_dicts]
    return [a.to_dict() for a in analyze_articles(arts)]


def _crosscheck_batch(items: list[tuple[dict[str, Any], list[dict[str, Any]]]]) -> list[tuple[dict, dict]]:
    """Worker side: link entities and cross-check a batch of stories."""
    out = []
    for story_d, members_d in items:
        members = [AnalyzedArticle.from_dict(m) for m in members_d]
        story = Story(id=story_d["id"], title=story_d["title"], article_ids=story_d["article_ids"])
        story.entities = link_story_entities(members)
        check = crosscheck_story(story, members)
        out.append((to_plain(story), to_plain(check)))
    return out


def _write_atomic(path: Path, rows: list[dict[str, Any]]) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    with gzip.open(tmp, "wt", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    os.replace(tmp, path)


def _read_partition(path: Path) -> Iterator[AnalyzedArticle]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            yield AnalyzedArticle.from_dict(json.loads(line))


def _partitions(inputs: Iterable[str], options: IngestOptions | None, failures: list[IngestFailure],
                workers: int) -> list[list[Article]]:
    """Ingest the inputs, date and de-duplicate them as the in-process path does, cut into partitions.

    Year-less dates and near-duplicates are decided over the whole run (as
    ``pipeline.run`` does), so the driver holds the ingested articles of the
    run; the analyses, which are ten times larger, stream to disk.
    """
    seen: dict[str, Article] = {}
    for item in ingest_inputs(inputs, options):
        if isinstance(item, IngestFailure):
            failures.append(item)
        else:
            seen.setdefault(item.id, item)
    arts = list(seen.values())
    infer_missing_years(arts)
    mark_duplicates(arts)
    size = max(MIN_PARTITION, min(PARTITION_SIZE, -(-len(arts) // (2 * max(1, workers)))))
    return [arts[i:i + size] for i in range(0, len(arts), size)]


def run_batch(inputs: Iterable[str], *, out_dir: str | Path, workers: int = 2, engine: str = "local",
              scheduler: str | None = None, options: IngestOptions | None = None,
              progress: Progress = _quiet) -> BatchResult:
    """Analyse ``inputs`` with ``workers`` processes and write Parquet tables and reports to ``out_dir``."""
    out = Path(out_dir)
    state = out / "state"
    state.mkdir(parents=True, exist_ok=True)
    result = BatchResult(out_dir=str(out))
    eng = make_engine(engine, workers, scheduler)  # first: the workers load spaCy while the driver ingests
    try:
        _run(inputs, out, state, result, eng, options, workers, progress)
    finally:
        eng.close()
    return result


def _run(inputs: Iterable[str], out: Path, state: Path, result: BatchResult, eng: Engine,
         options: IngestOptions | None, workers: int, progress: Progress) -> None:
    parts = _partitions(inputs, options, result.failures, workers)
    result.partitions = len(parts)
    result.articles = sum(len(p) for p in parts)
    todo: list[tuple[Path, list[Article]]] = []
    for p in parts:
        path = state / f"part-{_partition_key(p)}.jsonl.gz"
        if path.exists():
            result.partitions_resumed += 1
        else:
            todo.append((path, p))
    progress("analyze", result.partitions_resumed, result.partitions)
    done = result.partitions_resumed
    payload = [[a.to_dict() for a in p] for _, p in todo]
    for i, rows in eng.map_partitions(_analyze_partition, payload):
        _write_atomic(todo[i][0], rows)
        done += 1
        progress("analyze", done, result.partitions)
    del payload

    analyzed: list[AnalyzedArticle] = []
    for p in parts:
        fresh = {art.id: art for art in p}
        for a in _read_partition(state / f"part-{_partition_key(p)}.jsonl.gz"):
            a.article = fresh.get(a.id, a.article)  # this run's dates and duplicate marks win
            analyzed.append(a)
    stories = cluster_stories(analyzed)
    result.stories = len(stories)
    by_id = {a.id: a for a in analyzed}
    batches = [stories[i:i + STORY_BATCH] for i in range(0, len(stories), STORY_BATCH)]
    items = [[({"id": s.id, "title": s.title, "article_ids": s.article_ids},
               [by_id[x].to_dict() for x in s.article_ids]) for s in b] for b in batches]
    checks: dict[str, CrossCheck] = {}
    linked: dict[str, Story] = {}
    n = 0
    for _, pairs in eng.map_partitions(_crosscheck_batch, items):
        for story_d, check_d in pairs:
            story = from_plain(Story, story_d)
            linked[story.id] = story
            checks[story.id] = from_plain(CrossCheck, check_d)
            n += 1
        progress("crosscheck", n, len(stories))
    final_stories = [linked.get(s.id, s) for s in stories]
    report = build_report(analyzed, final_stories, checks)
    _write_outputs(report, out)


def _write_outputs(report: Report, out: Path) -> None:
    """Write report.json, one JSON file per story and the Parquet tables.

    The JSON is compact: bulk output is read by programs, and Python's JSON
    encoder runs in C only without indentation (indenting made writing the
    files cost a tenth of the analysis on a 210-article run).
    """
    data = report.to_dict()
    (out / "report.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    sdir = out / "stories"
    sdir.mkdir(exist_ok=True)
    arts = {a["id"]: a for a in data["articles"]}
    for s in data["stories"]:
        one = {"schema_version": data["schema_version"], "generator": data["generator"],
               "articles": [arts[a] for a in s["article_ids"] if a in arts], "stories": [s]}
        (sdir / f"{s['id']}.json").write_text(json.dumps(one, ensure_ascii=False), encoding="utf-8")
    write_tables(data, out)
