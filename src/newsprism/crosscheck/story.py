"""Cross-check one story: run each mechanism and gather what they find.

Each mechanism runs behind its own guard: one that fails on an odd story
is logged and contributes nothing, and the rest of the report still comes
out. Events are aligned first because corroboration, both kinds of
contradiction and the flags all read them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from newsprism.crosscheck.align import AlignedEvent, align_events
from newsprism.crosscheck.attribution_graph import collect_attributions
from newsprism.crosscheck.conflicts import find_conflicts
from newsprism.crosscheck.corroborate import corroborate
from newsprism.crosscheck.flags import flag_articles
from newsprism.crosscheck.framing import frame_story
from newsprism.crosscheck.self_contradictions import find_self_contradictions
from newsprism.model import AnalyzedArticle, Conflict, CrossCheck, Story

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

T = TypeVar("T")


def crosscheck_story(story: Story, articles: list[AnalyzedArticle]) -> CrossCheck:
    """Aligned events with corroboration, contradictions, framing, attributions and flags for ``story``."""
    check = CrossCheck()
    aligned: list[AlignedEvent] = _guarded("event alignment", story, lambda: align_events(story, articles), [])
    _guarded("corroboration", story, lambda: corroborate(aligned, articles, entities=story.entities), None)
    check.events = [a.event for a in aligned]
    between = _guarded("conflicts between articles", story, lambda: find_conflicts(story, aligned, articles), [])
    within = _guarded("conflicts within articles", story,
                      lambda: find_self_contradictions(story, aligned, articles), [])
    check.conflicts = _unique(between + within)
    check.attributions = _guarded("attributions", story, lambda: collect_attributions(articles), [])
    check.framing = _guarded("framing", story, lambda: frame_story(story, articles), [])
    check.flags = _guarded("flags", story, lambda: flag_articles(story, articles, check.events, check.conflicts), [])
    return check


def _guarded(name: str, story: Story, run: Callable[[], T], empty: T) -> T:
    """Run one mechanism; on an unexpected error log it with the story id and yield ``empty``."""
    try:
        return run()
    except Exception:  # noqa: BLE001 - one mechanism must not sink the story's report
        log.exception("crosscheck: %s failed on story %s; leaving it empty", name, story.id)
        return empty


def _unique(conflicts: list[Conflict]) -> list[Conflict]:
    return list({c.id: c for c in conflicts}.values())
