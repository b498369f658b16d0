"""The article store: SQLite in WAL mode, the one place that talks SQL.

STUB: minimal schema; issue #2 adds migrations, raw sources, references and
batch transactions.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsprism.model import Article


class Store:
    def __init__(self, path: str | Path):
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path, timeout=30)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("CREATE TABLE IF NOT EXISTS articles (id TEXT PRIMARY KEY, data TEXT NOT NULL)")

    def add_articles(self, articles: Iterable[Article]) -> int:
        n = 0
        with self.db:
            for a in articles:
                cur = self.db.execute("INSERT OR IGNORE INTO articles VALUES (?, ?)", (a.id, json.dumps(a.to_dict())))
                n += cur.rowcount
        return n

    def articles(self) -> Iterator[Article]:
        for (data,) in self.db.execute("SELECT data FROM articles ORDER BY id"):
            yield Article.from_dict(json.loads(data))

    def get_article(self, article_id: str) -> Article | None:
        row = self.db.execute("SELECT data FROM articles WHERE id = ?", (article_id,)).fetchone()
        return Article.from_dict(json.loads(row[0])) if row else None

    def close(self) -> None:
        self.db.close()
