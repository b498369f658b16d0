"""What the workers of ``newsprism batch`` run: a partition's analysis, a batch of stories' records.

Kept apart from ``batch.py`` so that a worker imports only what these need
(the extractors, the cross-check, the report): the driver's ingest and
Parquet modules cost 1.7 s more to import, and the local pool's fork
server imports this module for every worker before any can start.
"""

from __future__ import annotations

import json
from typing import Any

from newsprism.crosscheck import crosscheck_story
from newsprism.model import AnalyzedArticle, Article, Story, to_plain
from newsprism.nlp import analyze_articles, link_story_entities
from newsprism.report import build_report


def analyze_partition(article_dicts: list[dict[str, Any]]) -> list[str]:
    """Worker side: analyse one partition (the pipeline is loaded once per process).

    Returns one JSON line per analysis, as the partition file stores it: the
    worker serialises, so the driver only writes strings (unpickling nested
    dicts and encoding them again cost the driver more).
    """
    arts = [Article.from_dict(d) for d in article_dicts]
    return [json.dumps(a.to_dict(), ensure_ascii=False) for a in analyze_articles(arts)]


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
