"""Assemble the Report. STUB: issue #6 replaces it."""

from __future__ import annotations

import newsprism
from newsprism.model import AnalyzedArticle, CrossCheck, Report, ReportArticle, ReportStory, Story


def build_report(articles: list[AnalyzedArticle], stories: list[Story], checks: dict[str, CrossCheck]) -> Report:
    rep = Report(generator=f"newsprism {newsprism.__version__}")
    for a in articles:
        art = a.article
        rep.articles.append(ReportArticle(id=art.id, source=art.source, outlet=art.outlet, title=art.title,
                                          published=art.published, published_basis=art.published_basis,
                                          language=art.language, words=art.words, duplicate_of=art.duplicate_of,
                                          url=art.url))
        rep.texts[art.id] = art.text
    for s in stories:
        rep.stories.append(ReportStory(id=s.id, title=s.title, article_ids=s.article_ids))
    return rep
