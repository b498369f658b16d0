"""How each outlet labels the story's actors, places and the event itself. STUB: filled by issue #5."""

from __future__ import annotations

from newsprism.model import AnalyzedArticle, Framing, Story


def frame_story(story: Story, articles: list[AnalyzedArticle]) -> list[Framing]:
    return []
