"""Cross-check one story. STUB: issue #5 replaces it."""

from __future__ import annotations

from newsprism.model import AnalyzedArticle, CrossCheck, Story


def crosscheck_story(story: Story, articles: list[AnalyzedArticle]) -> CrossCheck:
    return CrossCheck()
