"""Red flags per article. STUB: filled by issue #5."""

from __future__ import annotations

from newsprism.model import AnalyzedArticle, Conflict, Flag, Story, StoryEvent


def flag_articles(story: Story, articles: list[AnalyzedArticle], events: list[StoryEvent],
                  conflicts: list[Conflict]) -> list[Flag]:
    return []
