"""The store as the web app reads it: the Store's story methods, cached until the store changes.

Every read goes through here so that pages and the JSON API show the same
data and share one cache. Nothing is computed from the articles: the
stories, their findings and the spans are the report the pipeline stored.
"""

from __future__ import annotations

from typing import Any

from newsprism.model import SCHEMA_VERSION, Article, Report, from_plain
from newsprism.store import Store
from newsprism.web.cache import PageCache, StoreStamp


class StoreReader:
    """Read-only, cached access to a store shared by the web app's threads."""

    def __init__(self, db: str):
        self.db = db
        self.store = Store(db)
        self.stamp = StoreStamp(db)
        self.cache = PageCache(self.stamp)

    def close(self) -> None:
        self.store.close()

    def summaries(self, *, query: str | None = None, outlet: str | None = None, date_from: str | None = None,
                  date_to: str | None = None, sort: str = "coverage") -> list[dict[str, Any]]:
        """The story list (see ``Store.story_summaries``), filtered and sorted."""
        key = ("summaries", query, outlet, date_from, date_to, sort)
        return self.cache.compute(key, lambda: self.store.story_summaries(
            query=query, outlet=outlet, date_from=date_from, date_to=date_to, sort=sort))

    def outlets(self) -> list[str]:
        """Every outlet that appears in some story, for the filter menu."""
        def make() -> list[str]:
            return sorted({o for s in self.store.story_summaries() for o in s["outlets"]}, key=str.lower)
        return self.cache.compute(("outlets",), make)

    def story_report(self, story_id: str) -> dict[str, Any] | None:
        """The contract report of one story, or None if no such story is stored."""
        return self.cache.compute(("story", story_id), lambda: self.store.story_report(story_id))

    def story_report_object(self, story_id: str) -> Report | None:
        """The story's report as a ``Report`` with its article texts, what the report renderers take."""
        def make() -> Report | None:
            data = self.story_report(story_id)
            if data is None:
                return None
            report = from_plain(Report, data)
            report.texts = self.store.article_texts([a.id for a in report.articles])
            return report
        return self.cache.compute(("story-object", story_id), make)

    def article(self, article_id: str) -> Article | None:
        return self.cache.compute(("article", article_id), lambda: self.store.get_article(article_id))

    def article_text(self, article_id: str) -> str | None:
        """The normalised text of an article (from the articles table or the stored report)."""
        return self.store.article_texts([article_id]).get(article_id)

    def stories_of_article(self, article_id: str) -> list[str]:
        """Ids of the stored stories that contain ``article_id``."""
        return self._article_index().get(article_id, [])

    def _article_index(self) -> dict[str, list[str]]:
        """Article id -> story ids, built from every stored story once per store change."""
        def make() -> dict[str, list[str]]:
            index: dict[str, list[str]] = {}
            for s in self.store.story_summaries():
                rep = self.story_report(s["id"]) or {"stories": []}
                for story in rep["stories"]:
                    for aid in story.get("article_ids", []):
                        index.setdefault(aid, []).append(story["id"])
            return index
        return self.cache.compute(("article-index",), make)

    def full_report(self) -> dict[str, Any]:
        """The whole contract report: every stored story and the articles they cite."""
        def make() -> dict[str, Any]:
            articles: dict[str, dict[str, Any]] = {}
            stories = []
            generator = "newsprism"
            for s in self.store.story_summaries():
                rep = self.story_report(s["id"])
                if rep is None:
                    continue
                generator = rep.get("generator", generator)
                for a in rep["articles"]:
                    articles.setdefault(a["id"], a)
                stories += rep["stories"]
            return {"schema_version": SCHEMA_VERSION, "generator": generator,
                    "articles": list(articles.values()), "stories": stories}
        return self.cache.compute(("report",), make)
