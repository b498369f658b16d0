"""Run every per-article extractor. STUB: issue #3 replaces it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from newsprism.model import AnalyzedArticle, Article


def analyze_articles(articles: Iterable[Article]) -> Iterator[AnalyzedArticle]:
    for art in articles:
        yield AnalyzedArticle(article=art)
