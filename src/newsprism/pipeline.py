"""The whole job, stage after stage: ingest -> store -> analyze -> cluster -> crosscheck -> report.

The CLI, the Python API and the batch runner all call these functions, so
they render the same Report.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsprism.crosscheck import crosscheck_story
from newsprism.ingest import IngestFailure, IngestOptions, infer_missing_years, ingest_inputs, mark_duplicates
from newsprism.model import AnalyzedArticle, Article, CrossCheck, Report
from newsprism.nlp.pipeline import analyzer_version
from newsprism.nlp import analyze_articles, link_story_entities
from newsprism.report import build_report
from newsprism.stories import cluster_stories
from newsprism.store import Store

Progress = Callable[[str, int, int | None], None]


@dataclass
class RunResult:
    report: Report
    failures: list[IngestFailure] = field(default_factory=list)
    articles_new: int = 0


def _quiet(stage: str, done: int, total: int | None) -> None:
    return None


def _analyses(articles: Sequence[Article], store: Store | None, progress: Progress) -> list[AnalyzedArticle]:
    """Analyse ``articles``, reusing analyses the store holds for this analyzer version."""
    version = analyzer_version()
    cached: dict[str, AnalyzedArticle] = {}
    if store is not None:
        for art in articles:
            data = store.get_analysis(art.id, version)
            if data is not None:
                done = AnalyzedArticle.from_dict(json.loads(data))
                done.article = art  # dates and duplicate marks may have changed since
                cached[art.id] = done
    todo = [a for a in articles if a.id not in cached]
    fresh: dict[str, AnalyzedArticle] = {}
    for a in analyze_articles(todo):
        fresh[a.id] = a
        progress("analyze", len(cached) + len(fresh), len(articles))
    if store is not None and fresh:
        store.put_analyses((a.id, version, json.dumps(a.to_dict(), ensure_ascii=False)) for a in fresh.values())
    progress("analyze", len(articles), len(articles))
    return [cached.get(a.id) or fresh[a.id] for a in articles]


def analyze_stored(articles: Sequence[Article], *, store: Store | None = None,
                   progress: Progress = _quiet) -> Report:
    """Run analysis, clustering, cross-check and report assembly over ``articles``.

    With a ``store``, per-article analyses are cached in it (keyed by the
    analyzer version) and the resulting stories are saved for the web app.
    """
    report = report_from_analyses(_analyses(articles, store, progress), progress=progress)
    if store is not None:
        store.put_report(report)
    return report


def report_from_analyses(analyzed: list[AnalyzedArticle], *, progress: Progress = _quiet) -> Report:
    """Cluster, cross-check and assemble the report from per-article analyses already made.

    The stages after the analysis, in one place: the pipeline and the
    accuracy harness (which keeps its own analysis cache) both call it.
    """
    stories = cluster_stories(analyzed)
    by_id = {a.id: a for a in analyzed}
    checks: dict[str, CrossCheck] = {}
    for i, story in enumerate(stories, 1):
        members = [by_id[x] for x in story.article_ids]
        story.entities = link_story_entities(members)
        checks[story.id] = crosscheck_story(story, members)
        progress("crosscheck", i, len(stories))
    return build_report(analyzed, stories, checks)


def run(inputs: Iterable[str], *, db: str | Path = ":memory:", options: IngestOptions | None = None,
        progress: Progress = _quiet) -> RunResult:
    """Ingest ``inputs`` into the store at ``db`` and analyse exactly those articles."""
    store = Store(db)
    failures: list[IngestFailure] = []
    batch: list[Article] = []
    try:
        for item in ingest_inputs(inputs, options):
            if isinstance(item, IngestFailure):
                failures.append(item)
            else:
                batch.append(item)
            progress("ingest", len(batch), None)
        infer_missing_years(batch, store.published_dates())
        mark_duplicates(batch)
        new = store.add_articles(batch)
        seen: dict[str, Article] = {}
        for a in batch:
            seen.setdefault(a.id, a)
        report = analyze_stored(list(seen.values()), store=store, progress=progress)
    finally:
        store.close()
    return RunResult(report=report, failures=failures, articles_new=new)


def analyze(inputs: Iterable[str] | str, *, db: str | Path = ":memory:", options: IngestOptions | None = None) -> Report:
    """Analyse files, folders or URLs and return the Report (the Python front door)."""
    if isinstance(inputs, (str, Path)):
        inputs = [str(inputs)]
    return run(inputs, db=db, options=options).report
