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
- clustering runs on the driver over the analysed articles in publication
  order (it is the incremental, indexed clusterer of ``newsprism.stories``,
  linear in the number of articles), so the stories are exactly those of the
  local path on the same input;
- cross-checking and each story's report record run on the workers again, a
  batch of stories a task; the driver collects the plain records and writes
  them.

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
from newsprism.crosscheck import crosscheck_story
from newsprism.ingest import IngestFailure, IngestOptions, infer_missing_years, ingest_inputs, mark_duplicates
from newsprism.model import SCHEMA_VERSION, AnalyzedArticle, Article, Story, to_plain
from newsprism.nlp import analyze_articles, link_story_entities
from newsprism.report import build_report
from newsprism.report.build import report_article
from newsprism.scale.engines import Engine, make_engine
from newsprism.scale.tables import write_tables
from newsprism.stories import cluster_stories

# Most articles per worker task: large enough that Dask's ~2 ms per-task
# overhead is noise next to ~30 ms of analysis per article, small enough that
# a killed run loses little work. Smaller runs are cut so that every worker
# gets PARTS_PER_WORKER partitions (MIN_PARTITION articles at least): with
# few partitions a worker sits idle at the end (5 partitions on 2 workers
# leave one worker idle for a fifth of the run), with four per worker at most
# an eighth. Large runs always use PARTITION_SIZE, whatever the number of
# workers, so a run resumed with another --workers finds its partitions.
PARTITION_SIZE = 200
MIN_PARTITION = 10
PARTS_PER_WORKER = 4
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


def _analyze_partition(article_dicts: list[dict[str, Any]]) -> list[str]:
    """Worker side: analyse one partition (the pipeline is loaded once per process).

    Returns one JSON line per analysis, as the partition file stores it: the
    worker serialises, so the driver only writes strings (unpickling nested
    dicts and encoding them again cost the driver more).
    """
    arts = [Article.from_dict(d) for d in article_dicts]
    return [json.dumps(a.to_dict(), ensure_ascii=False) for a in analyze_articles(arts)]


def _report_stories(items: list[tuple[dict[str, Any], list[str], list[int]]]) -> list[dict[str, Any]]:
    """Worker side: link entities, cross-check and write the contract's record of a batch of stories.

    Each item is a story, its members' analyses as the JSON lines of the
    partition files (in the story's order), and each member's position in the
    run. The record is what ``build_report`` makes of the whole run, built
    here from the story's members alone (it reads nothing else), so the
    driver only collects plain records.
    """
    out = []
    for story_d, lines, positions in items:
        members = [AnalyzedArticle.from_dict(json.loads(line)) for line in lines]
        story = Story(id=story_d["id"], title=story_d["title"], article_ids=story_d["article_ids"])
        story.entities = link_story_entities(members)
        check = crosscheck_story(story, members)
        in_run_order = [a for _, a in sorted(zip(positions, members), key=lambda pa: pa[0])]
        out.append(to_plain(build_report(in_run_order, [story], {story.id: check}).stories[0]))
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


def _read_partition(path: Path, fresh: dict[str, Article]) -> Iterator[tuple[AnalyzedArticle, str]]:
    """Yield each analysis of a partition file with its JSON line, this run's article metadata applied.

    The run's dates and duplicate marks win over those stored with the
    analysis (they are decided over the whole run, which may have grown
    since the partition was analysed); the line is rewritten only then.
    """
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            a = AnalyzedArticle.from_dict(json.loads(line))
            art = fresh.get(a.id)
            if art is not None and art != a.article:
                a.article = art
                line = json.dumps(a.to_dict(), ensure_ascii=False)
            yield a, line.rstrip("\n")


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
    size = max(MIN_PARTITION, min(PARTITION_SIZE, -(-len(arts) // (PARTS_PER_WORKER * max(1, workers)))))
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
    for i, lines in eng.map_partitions(_analyze_partition, payload):
        _write_atomic(todo[i][0], lines)
        done += 1
        progress("analyze", done, result.partitions)
    del payload

    analyzed: list[AnalyzedArticle] = []
    lines: dict[str, str] = {}
    for p in parts:
        fresh = {art.id: art for art in p}
        for a, line in _read_partition(state / f"part-{_partition_key(p)}.jsonl.gz", fresh):
            analyzed.append(a)
            lines[a.id] = line
    stories = cluster_stories(analyzed)
    result.stories = len(stories)
    position = {a.id: i for i, a in enumerate(analyzed)}
    per_task = max(1, min(STORY_BATCH, -(-len(stories) // (PARTS_PER_WORKER * max(1, workers)))))
    batches = [stories[i:i + per_task] for i in range(0, len(stories), per_task)]
    items = [[({"id": s.id, "title": s.title, "article_ids": s.article_ids},
               [lines[x] for x in s.article_ids], [position[x] for x in s.article_ids]) for s in b]
             for b in batches]
    del lines
    records: dict[str, dict[str, Any]] = {}
    for _, batch_records in eng.map_partitions(_report_stories, items):
        for record in batch_records:
            records[record["id"]] = record
        progress("crosscheck", len(records), len(stories))
    data = {"schema_version": SCHEMA_VERSION, "generator": f"newsprism {newsprism.__version__}",
            "articles": [to_plain(report_article(a)) for a in analyzed],
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
