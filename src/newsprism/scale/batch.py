"""`newsprism batch`: the same stage functions over an archive, in parallel and resumable.

What runs where, and why:

- ingest, year inference and near-duplicate marking run on the driver over
  the whole run, exactly as ``pipeline.run`` does (they are cheap: thousands
  of articles a second), which then cuts the articles into partitions of
  ``PARTITION_SIZE``;
- the per-article analysis (spaCy, most of the cost) runs on the workers, one
  partition a task, and each finished partition is written to
  ``OUT/state/`` at once (atomically), so a killed run resumes where it
  stopped: a partition whose file exists is not analysed again;
- the partitions are cut from the run in publication order, so the driver
  clusters each one as soon as it and those before it are analysed, while
  the workers analyse the rest (the incremental, indexed clusterer of
  ``newsprism.stories``, linear in the number of articles): the stories are
  exactly those of the local path on the same input, and clustering no
  longer waits for the last partition;
- cross-checking and each story's report record run on the workers again, a
  batch of stories a task; the driver collects the plain records and writes
  them. Between the two, the analyses wait on disk (``spill.LineSpill``),
  not in the driver's memory, and the engines draw partitions and story
  batches only as workers free up.

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

import newsprism
from newsprism.ingest import IngestFailure, IngestOptions, infer_missing_years, ingest_inputs, mark_duplicates
from newsprism.model import SCHEMA_VERSION, AnalyzedArticle, Article, Story
from newsprism.scale.engines import Engine, make_engine
from newsprism.scale.spill import LineSpill
from newsprism.scale.tasks import AnalysedRow, analysed_row, analyze_partition, report_stories
from newsprism.scale.tables import write_tables
from newsprism.stories import StoryStream, stream_key

# Most articles per worker task: large enough that Dask's ~2 ms per-task
# overhead is noise next to ~30 ms of analysis per article, small enough that
# a killed run loses little work. Smaller runs are cut so that every worker
# gets PARTS_PER_WORKER partitions (MIN_PARTITION articles at least): the
# last partitions run while other workers have nothing left, so the smaller
# they are the less time a core idles at the end. On BASIL + ECB+ (982
# articles, 2 workers) four per worker left one core idle for the last 11 s
# of a 63 s analysis; sixteen per worker (31 articles each) ended the
# analysis 5 s sooner for the same CPU time. Large runs always use
# PARTITION_SIZE, whatever the number of workers, so a run resumed with
# another --workers finds its partitions.
PARTITION_SIZE = 200
MIN_PARTITION = 10
PARTS_PER_WORKER = 16
# Most stories per cross-check task; fewer when that leaves a worker fewer than PARTS_PER_WORKER tasks.
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


def story_batches(stories: list[Story], workers: int) -> list[list[Story]]:
    """Cut the stories into cross-check tasks of about equal work, the largest stories first.

    A story's cross-check costs about its number of articles (and more: it
    compares their pairs), and the run waits for the last task. So the
    stories go out largest first, each task filled up to an equal share of
    the articles (``PARTS_PER_WORKER`` tasks per worker, at most
    ``STORY_BATCH`` stories): the long tasks start while there is work to
    run beside them, and the run ends on small ones. A story larger than
    the share is a task of its own.
    """
    if not stories:
        return []
    share = -(-sum(len(s.article_ids) for s in stories) // (PARTS_PER_WORKER * max(1, workers)))
    out: list[list[Story]] = []
    batch: list[Story] = []
    size = 0
    for story in sorted(stories, key=lambda s: -len(s.article_ids)):  # stable: ties keep the run's order
        batch.append(story)
        size += len(story.article_ids)
        if size >= share or len(batch) == STORY_BATCH:
            out.append(batch)
            batch, size = [], 0
    if batch:
        out.append(batch)
    return out


def _write_atomic(path: Path, lines: list[str]) -> None:
    """Write a partition file whole or not at all (a killed run leaves no half file).

    gzip level 1: level 9 (the default) took six times as long on the BASIL
    analyses (0.33 s against 0.05 s) for a file a quarter smaller.
    """
    tmp = path.with_suffix(path.suffix + ".tmp")
    with gzip.open(tmp, "wt", encoding="utf-8", compresslevel=1) as fh:
        for line in lines:
            fh.write(line + "\n")
    os.replace(tmp, path)


def _read_partition(path: Path) -> list[str]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [line.rstrip("\n") for line in fh]


def _resumed_rows(lines: list[str], fresh: dict[str, Article]) -> Iterator[AnalysedRow]:
    """The rows of a partition analysed by an earlier run, with this run's article metadata applied.

    The run's dates and duplicate marks win over those stored with the
    analysis (they are decided over the whole run, which may have grown
    since the partition was analysed); the line is rewritten only then.
    A partition analysed in this run needs none of this: its worker was
    sent this run's articles and made the rows itself.
    """
    for line in lines:
        a = AnalyzedArticle.from_dict(json.loads(line))
        art = fresh.get(a.id)
        if art is not None and art != a.article:
            a.article = art
            line = json.dumps(a.to_dict(), ensure_ascii=False)
        yield analysed_row(a, line)


def _partitions(inputs: Iterable[str], options: IngestOptions | None, failures: list[IngestFailure],
                workers: int) -> tuple[list[list[Article]], list[str]]:
    """Ingest the inputs, date and de-duplicate them as the in-process path does, cut into partitions.

    Returns the partitions in publication order, and the articles' ids in
    the order the inputs gave them (the order of the report's articles).

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
    arts.sort(key=stream_key)  # partitions in publication order: each can be clustered once it and those before it are in
    size = max(MIN_PARTITION, min(PARTITION_SIZE, -(-len(arts) // (PARTS_PER_WORKER * max(1, workers)))))
    return [arts[i:i + size] for i in range(0, len(arts), size)], list(seen)


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
    parts, input_order = _partitions(inputs, options, result.failures, workers)
    result.partitions = len(parts)
    result.articles = sum(len(p) for p in parts)
    paths = [state / f"part-{_partition_key(p)}.jsonl.gz" for p in parts]
    ready: dict[int, list[AnalysedRow] | None] = {}  # analysed, not yet clustered (None: read it from its file)
    todo: list[int] = []
    for i, path in enumerate(paths):
        if path.exists():
            result.partitions_resumed += 1
            ready[i] = None
        else:
            todo.append(i)
    progress("analyze", result.partitions_resumed, result.partitions)
    done = result.partitions_resumed
    stream = StoryStream()
    report_articles: dict[str, dict[str, Any]] = {}
    spill = LineSpill(state / "lines.sqlite")
    clustered = 0

    def cluster_ready() -> int:
        """Cluster the analysed partitions that come next in publication order; return how far it got."""
        n = clustered
        while n in ready:
            rows = ready.pop(n)
            if rows is None:
                rows = list(_resumed_rows(_read_partition(paths[n]), {art.id: art for art in parts[n]}))
            for row in rows:
                stream.add_item(row.item)
                report_articles[row.id] = row.report
            spill.add([(row.id, row.line) for row in rows])
            parts[n] = []  # its articles now live in the spill and the stream: let their texts go
            n += 1
        return n

    try:
        clustered = cluster_ready()
        payload = ([a.to_dict() for a in parts[i]] for i in todo)  # drawn by the engine as workers free up
        for k, rows in eng.map_partitions(analyze_partition, payload):
            _write_atomic(paths[todo[k]], [row.line for row in rows])
            ready[todo[k]] = rows
            done += 1
            progress("analyze", done, result.partitions)
            clustered = cluster_ready()
        stories = stream.finish()
        result.stories = len(stories)
        position = {aid: i for i, aid in enumerate(input_order)}

        def items() -> Iterator[list[tuple[dict[str, Any], list[str], list[int]]]]:
            for batch in story_batches(stories, workers):
                lines = spill.get([x for s in batch for x in s.article_ids])
                yield [({"id": s.id, "title": s.title, "article_ids": s.article_ids},
                        [lines[x] for x in s.article_ids], [position[x] for x in s.article_ids]) for s in batch]

        records: dict[str, dict[str, Any]] = {}
        for _, batch_records in eng.map_partitions(report_stories, items()):
            for record in batch_records:
                records[record["id"]] = record
            progress("crosscheck", len(records), len(stories))
    finally:
        spill.close()
    data = {"schema_version": SCHEMA_VERSION, "generator": f"newsprism {newsprism.__version__}",
            "articles": [report_articles[aid] for aid in input_order if aid in report_articles],
            "stories": [records[s.id] for s in stories]}
    _write_outputs(data, out)


def _write_outputs(data: dict[str, Any], out: Path) -> None:
    """Write report.json, one JSON file per story and the Parquet tables from the report's plain form.

    The JSON is compact: bulk output is read by programs, and Python's JSON
    encoder runs in C only without indentation (indenting made writing the
    files cost a tenth of the analysis on a 210-article run).
    """
    (out / "report.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    sdir = out / "stories"
    sdir.mkdir(exist_ok=True)
    arts = {a["id"]: a for a in data["articles"]}
    for s in data["stories"]:
        one = {"schema_version": data["schema_version"], "generator": data["generator"],
               "articles": [arts[a] for a in s["article_ids"] if a in arts], "stories": [s]}
        (sdir / f"{s['id']}.json").write_text(json.dumps(one, ensure_ascii=False), encoding="utf-8")
    write_tables(data, out)
