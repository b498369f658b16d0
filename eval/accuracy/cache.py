"""Per-article analyses of the eval corpora, cached in SQLite and keyed by analyser version.

A re-run after a change of the cross-check (or of any later stage) reuses
every analysis; a change of the analyser (model or ANALYSIS_REVISION, see
newsprism.nlp.pipeline.analyzer_version) redoes them. The key includes a hash
of the text, so an edited loader never reads a stale analysis. SQLite in WAL
mode lets several eval processes share the cache.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path

from newsprism.model import AnalyzedArticle, Article

ProgressFn = Callable[[str, int, int | None], None]


def _text_key(article: Article) -> str:
    """The text and the publication date: relative dates in the analysis are resolved against the latter."""
    return hashlib.sha256(f"{article.published}\x00{article.text}".encode("utf-8")).hexdigest()[:24]


class AnalysisCache:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._db = sqlite3.connect(path, timeout=60)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS analysis (analyzer TEXT, article_id TEXT, text_key TEXT, "
                         "data TEXT, PRIMARY KEY (analyzer, article_id, text_key))")
        self._db.execute("CREATE TABLE IF NOT EXISTS score (scorer TEXT, text_key TEXT, value REAL, "
                         "PRIMARY KEY (scorer, text_key))")
        self._db.commit()

    def scores(self, scorer: str, texts: Sequence[str], score: Callable[[str], float],
               progress: ProgressFn | None = None) -> list[float]:
        """``score(text)`` for each text, cached under ``scorer`` (name and version of a baseline).

        Baselines that do not change between runs (a PyPI detector) cost their
        time once, so a re-run after a change of newsprism stays fast.
        """
        out: list[float] = []
        fresh: list[tuple[str, str, float]] = []
        for i, text in enumerate(texts, 1):
            key = hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]
            row = self._db.execute("SELECT value FROM score WHERE scorer=? AND text_key=?", (scorer, key)).fetchone()
            value = float(row[0]) if row is not None else score(text)
            if row is None:
                fresh.append((scorer, key, value))
            out.append(value)
            if progress:
                progress(scorer, i, len(texts))
            if len(fresh) >= 200 or (fresh and i == len(texts)):
                self._db.executemany("INSERT OR REPLACE INTO score VALUES (?, ?, ?)", fresh)
                self._db.commit()
                fresh.clear()
        return out

    def analyse(self, articles: Sequence[Article], progress: ProgressFn | None = None,
                label: str = "analyse") -> list[AnalyzedArticle]:
        """The analyses of ``articles`` in order: cached ones read, the others computed and stored.

        The article object handed in replaces the stored one, so metadata a loader
        sets (publication date, outlet) is always the loader's.
        """
        from newsprism.nlp import analyze_articles
        from newsprism.nlp.pipeline import analyzer_version

        version = analyzer_version()
        done: dict[int, AnalyzedArticle] = {}
        todo: list[int] = []
        for i, art in enumerate(articles):
            row = self._db.execute("SELECT data FROM analysis WHERE analyzer=? AND article_id=? AND text_key=?",
                                   (version, art.id, _text_key(art))).fetchone()
            if row is None:
                todo.append(i)
            else:
                done[i] = AnalyzedArticle.from_dict(json.loads(row[0]))
                done[i].article = art
        if todo:
            batch: list[tuple[str, str, str, str]] = []
            for n, (i, analysed) in enumerate(zip(todo, analyze_articles(articles[i] for i in todo), strict=True), 1):
                analysed.article = articles[i]
                done[i] = analysed
                batch.append((version, analysed.id, _text_key(articles[i]),
                              json.dumps(analysed.to_dict(), ensure_ascii=False)))
                if len(batch) >= 50 or n == len(todo):
                    self._db.executemany("INSERT OR REPLACE INTO analysis VALUES (?, ?, ?, ?)", batch)
                    self._db.commit()
                    batch.clear()
                if progress:
                    progress(f"{label} (new {len(todo)}, cached {len(articles) - len(todo)})", n, len(todo))
        return [done[i] for i in range(len(articles))]

    def close(self) -> None:
        self._db.close()
