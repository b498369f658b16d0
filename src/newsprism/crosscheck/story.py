"""Cross-check one story: run each mechanism and gather what they find."""

from __future__ import annotations

from newsprism.crosscheck.flags import flag_articles
from newsprism.crosscheck.framing import frame_story
from newsprism.model import AnalyzedArticle, CrossCheck, Story


def crosscheck_story(story: Story, articles: list[AnalyzedArticle]) -> CrossCheck:
    check = CrossCheck()
    check.framing = frame_story(story, articles)
    check.flags = flag_articles(story, articles, check.events, check.conflicts)
    return check
