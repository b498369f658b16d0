"""Group analysed articles into stories. STUB: issue #4 replaces it."""

from __future__ import annotations

import hashlib

from newsprism.model import AnalyzedArticle, Story


def cluster_stories(articles: list[AnalyzedArticle]) -> list[Story]:
    if not articles:
        return []
    ids = sorted(a.id for a in articles)
    sid = "s-" + hashlib.sha1("|".join(ids).encode()).hexdigest()[:12]
    title = next((a.article.title for a in articles if a.article.title), "Untitled story")
    return [Story(id=sid, title=title, article_ids=[a.id for a in articles])]
