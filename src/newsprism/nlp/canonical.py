"""One canonical entity per real-world referent across a story's articles. STUB: filled by issue #3."""

from __future__ import annotations

from newsprism.model import AnalyzedArticle, CanonicalEntity


def link_story_entities(articles: list[AnalyzedArticle]) -> list[CanonicalEntity]:
    return []
