"""What the workers of ``newsprism batch`` run: a partition's analysis, a batch of stories' records.

Kept apart from ``batch.py`` so that a worker imports only what these need
(the extractors, the cross-check, the report): the driver's ingest and
Parquet modules cost 1.7 s more to import, and the local pool's fork
server imports this module for every worker before any can start.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from newsprism.crosscheck import crosscheck_story
from newsprism.model import AnalyzedArticle, Article, Story, to_plain
from newsprism.nlp import analyze_articles, link_story_entities
from newsprism.report import build_report
from newsprism.report.build import report_article
from newsprism.stories import StreamItem, stream_item


@dataclass(frozen=True)
class AnalysedRow:
    """What the driver needs of one analysed article: the line it stores, what it clusters, what it reports.

    Why: the driver clusters each partition while the workers analyse the
    next, on the same cores. Rebuilding every analysis from its JSON line
    to take its features and report metadata cost the driver about a tenth
    of a core's time on BASIL + ECB+; the worker already holds the
    analysis, so it makes all three.
    """

    id: str
    line: str  # the analysis as one JSON line, as the partition file stores it
    item: StreamItem
    report: dict[str, Any]  # the contract's article record


def analysed_row(analyzed: AnalyzedArticle, line: str | None = None) -> AnalysedRow:
    """The row of one analysis (``line``: its JSON line when already encoded)."""
    if line is None:
        line = json.dumps(analyzed.to_dict(), ensure_ascii=False)
    return AnalysedRow(id=analyzed.id, line=line, item=stream_item(analyzed),
                       report=to_plain(report_article(analyzed)))


def analyze_partition(article_dicts: list[dict[str, Any]]) -> list[AnalysedRow]:
    """Worker side: analyse one partition (the pipeline is loaded once per process), one row per article.

    The worker serialises each analysis to the JSON line the partition file
    stores, so the driver only writes strings (unpickling nested dicts and
    encoding them again cost the driver more).
    """
    arts = [Article.from_dict(d) for d in article_dicts]
    return [analysed_row(a) for a in analyze_articles(arts)]


def report_stories(items: list[tuple[dict[str, Any], list[str], list[int]]]) -> list[dict[str, Any]]:
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
