"""The whole job, stage after stage: ingest -> store -> analyze -> cluster -> crosscheck -> report.

The CLI, the Python API and the batch runner all call these functions, so
they render the same Report.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsprism.crosscheck import crosscheck_story
from newsprism.ingest import IngestFailure, IngestOptions, infer_missing_years, ingest_inputs, mark_duplicates
from newsprism.model import AnalyzedArticle, Article, CrossCheck, Report
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


def analyze_stored(articles: Sequence[Article], *, progress: Progress = _quiet) -> Report:
    """Run analysis, clustering, cross-check and report assembly over ``articles``."""
    analyzed: list[AnalyzedArticle] = []
    for a in analyze_articles(articles):
        analyzed.append(a)
        progress("analyze", len(analyzed), len(articles))
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
    finally:
        store.close()
    seen: dict[str, Article] = {}
    for a in batch:
        seen.setdefault(a.id, a)
    report = analyze_stored(list(seen.values()), progress=progress)
    return RunResult(report=report, failures=failures, articles_new=new)


def analyze(inputs: Iterable[str] | str, *, db: str | Path = ":memory:", options: IngestOptions | None = None) -> Report:
    """Analyse files, folders or URLs and return the Report (the Python front door)."""
    if isinstance(inputs, (str, Path)):
        inputs = [str(inputs)]
    return run(inputs, db=db, options=options).report
