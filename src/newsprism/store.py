"""The article store: SQLite in WAL mode, the one place in newsprism that talks SQL.

Why SQLite: one file a user can copy, transactions that survive a kill
mid-ingest (WAL + one transaction per batch: a batch is either fully there or
not at all), and readers (the web app) that never block the writer.

The schema evolves through ordered, named migrations recorded in
``schema_version``; each runs in its own transaction, so a store opened by a
newer newsprism is upgraded in place and never left half-migrated.

One connection per ``Store``; every use of it holds ``self._lock``, so a
``Store`` may be shared between threads (the web app's worker threads).
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsprism.errors import StoreError
from newsprism.model import SCHEMA_VERSION, Article, Report, ReportStory, to_plain

# Articles per transaction in add_articles: large enough that commit (fsync)
# cost is amortised (~1 ms per commit vs ~0.1 ms per row), small enough that
# a kill loses at most this many uncommitted rows, which a re-run re-adds.
BATCH_SIZE = 500

# How long a writer waits for another process's write lock before failing.
BUSY_TIMEOUT_MS = 30_000

# Page size when streaming rows out, so iterating a big store stays flat in memory.
_PAGE = 500

_SORTS = {
    "coverage": "n_articles DESC, n_outlets DESC, last_date DESC, id",
    "recent": "last_date DESC, n_articles DESC, id",
    "oldest": "first_date ASC, id",
    "conflicts": "n_conflicts DESC, n_articles DESC, id",
    "flags": "n_flags DESC, n_articles DESC, id",
    "title": "title COLLATE NOCASE, id",
}


@dataclass(frozen=True)
class RawSource:
    """The bytes or text an article was read from, kept so a later version can re-read it."""

    source: str
    data: bytes | str
    content_type: str


def _m001_articles(db: sqlite3.Connection) -> None:
    db.execute("""CREATE TABLE articles (
        id TEXT PRIMARY KEY, source TEXT NOT NULL, outlet TEXT, title TEXT, published TEXT,
        published_basis TEXT, language TEXT NOT NULL DEFAULT 'en', words INTEGER NOT NULL DEFAULT 0,
        duplicate_of TEXT, url TEXT, format TEXT, text TEXT NOT NULL, data TEXT NOT NULL,
        ingested_at TEXT NOT NULL)""")
    db.execute("CREATE INDEX articles_published ON articles(published)")
    db.execute("CREATE INDEX articles_outlet ON articles(outlet)")
    db.execute("""CREATE TABLE raw_sources (
        article_id TEXT PRIMARY KEY REFERENCES articles(id), source TEXT NOT NULL, raw BLOB,
        content_type TEXT)""")
    db.execute("""CREATE TABLE article_references (
        article_id TEXT NOT NULL REFERENCES articles(id), idx INTEGER NOT NULL, json TEXT NOT NULL,
        PRIMARY KEY (article_id, idx))""")


def _m002_analyses(db: sqlite3.Connection) -> None:
    db.execute("""CREATE TABLE analyses (
        article_id TEXT NOT NULL, analyzer TEXT NOT NULL, json TEXT NOT NULL,
        PRIMARY KEY (article_id, analyzer))""")


def _m003_stories(db: sqlite3.Connection) -> None:
    db.execute("""CREATE TABLE stories (
        id TEXT PRIMARY KEY, title TEXT NOT NULL, generator TEXT NOT NULL, n_articles INTEGER NOT NULL,
        n_outlets INTEGER NOT NULL, outlets TEXT NOT NULL, first_date TEXT, last_date TEXT,
        n_events INTEGER NOT NULL, n_conflicts INTEGER NOT NULL, n_flags INTEGER NOT NULL,
        search TEXT NOT NULL, data TEXT NOT NULL, updated_at TEXT NOT NULL)""")
    db.execute("""CREATE TABLE story_articles (
        story_id TEXT NOT NULL, article_id TEXT NOT NULL, outlet TEXT, PRIMARY KEY (story_id, article_id))""")
    db.execute("CREATE INDEX story_articles_outlet ON story_articles(outlet)")
    db.execute("""CREATE TABLE report_articles (
        id TEXT PRIMARY KEY, data TEXT NOT NULL, text TEXT)""")


def _m004_minhashes(db: sqlite3.Connection) -> None:
    db.execute("CREATE TABLE minhashes (article_id TEXT PRIMARY KEY, signature BLOB NOT NULL)")


def _m005_lsh_bands(db: sqlite3.Connection) -> None:
    db.execute("CREATE TABLE lsh_bands (band INTEGER NOT NULL, key INTEGER NOT NULL, article_id TEXT NOT NULL, "
               "PRIMARY KEY (band, key, article_id)) WITHOUT ROWID")
    db.execute("CREATE INDEX articles_duplicate_of ON articles(duplicate_of)")


def _m006_story_redirects(db: sqlite3.Connection) -> None:
    # a story that re-clustering replaced keeps answering, with the story that took its articles
    db.execute("CREATE TABLE story_redirects (old_id TEXT PRIMARY KEY, new_id TEXT NOT NULL)")


# Ordered and append-only: a released migration is never edited, only followed.
MIGRATIONS: list[tuple[str, Callable[[sqlite3.Connection], None]]] = [
    ("001_articles_raw_references", _m001_articles),
    ("002_analysis_cache", _m002_analyses),
    ("003_stories_reports", _m003_stories),
    ("004_minhash_signatures", _m004_minhashes),
    ("005_lsh_bands", _m005_lsh_bands),
    ("006_story_redirects", _m006_story_redirects),
]


_MAX_REDIRECTS = 8  # a chain of re-clusterings longer than this is a loop


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class Store:
    """An open newsprism store (``:memory:`` or a file path, created if missing).

    Raises:
        StoreError: the file cannot be opened, is not a SQLite database, or
            was written by a newer newsprism whose schema this one lacks.
    """

    def __init__(self, path: str | Path):
        self.path = str(path)
        self._lock = threading.RLock()
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            # isolation_level=None: we issue BEGIN/COMMIT ourselves, so a batch is
            # exactly one transaction and a migration never auto-commits halfway.
            self.db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                                      check_same_thread=False)
            self.db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: durable across process kills
            self.db.execute("PRAGMA foreign_keys=OFF")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open the store: {exc}") from exc

    # ------------------------------------------------------------------ plumbing

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        """One IMMEDIATE transaction: takes the write lock up front, so two writers queue rather than deadlock."""
        with self._lock:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return self.db.execute(sql, params).fetchall()

    def _migrate(self) -> None:
        with self._tx() as db:
            db.execute("""CREATE TABLE IF NOT EXISTS schema_version (
                version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)""")
        applied = {name for (name,) in self._query("SELECT name FROM schema_version")}
        known = {name for name, _ in MIGRATIONS}
        if applied - known:
            raise StoreError(f"{self.path}: written by a newer newsprism (unknown migrations: "
                             f"{', '.join(sorted(applied - known))})")
        for version, (name, migration) in enumerate(MIGRATIONS, 1):
            if name in applied:
                continue
            with self._tx() as db:
                migration(db)
                db.execute("INSERT INTO schema_version VALUES (?, ?, ?)", (version, name, _now()))

    def schema_version(self) -> list[str]:
        """The names of the migrations applied, in order."""
        return [n for (n,) in self._query("SELECT name FROM schema_version ORDER BY version")]

    def close(self) -> None:
        with self._lock:
            self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ articles

    def add_articles(self, articles: Iterable[Article], *, raw: Mapping[str, RawSource] | None = None,
                     batch_size: int = BATCH_SIZE) -> int:
        """Insert articles not yet stored, ``batch_size`` per transaction; return how many were new.

        An article whose id is already stored is left untouched (INSERT OR
        IGNORE), so re-ingesting the same input changes nothing. ``raw`` maps
        article id -> the source it was read from.
        """
        return sum(self.add_batch(chunk, raw=raw) for chunk in _chunks(articles, batch_size))

    def add_batch(self, articles: Sequence[Article], *, raw: Mapping[str, RawSource] | None = None,
                  signatures: Iterable[tuple[str, bytes]] = (), bands: Iterable[tuple[int, int, str]] = (),
                  updates: Mapping[str, Mapping[str, Any]] | None = None) -> int:
        """Store one ingest batch in ONE transaction: its articles, raw sources, near-duplicate signatures
        and the changes it makes to stored articles. A kill leaves all of it or none of it.
        """
        with self._tx() as db:
            added = sum(self._insert_article(db, art, (raw or {}).get(art.id)) for art in articles)
            db.executemany("INSERT OR REPLACE INTO minhashes VALUES (?, ?)", signatures)
            db.executemany("INSERT OR IGNORE INTO lsh_bands VALUES (?, ?, ?)", bands)
            self._update(db, updates or {})
        return added

    def _insert_article(self, db: sqlite3.Connection, art: Article, raw: RawSource | None) -> int:
        data = art.to_dict()
        data.pop("text")
        cur = db.execute(
            "INSERT OR IGNORE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (art.id, art.source, art.outlet, art.title, art.published, art.published_basis, art.language,
             art.words, art.duplicate_of, art.url, art.format, art.text, json.dumps(data, ensure_ascii=False),
             _now()))
        if cur.rowcount == 0:
            return 0
        for i, ref in enumerate(art.references):
            db.execute("INSERT OR IGNORE INTO article_references VALUES (?, ?, ?)",
                       (art.id, ref.index if ref.index is not None else i, json.dumps(to_plain(ref))))
        if raw is not None:
            db.execute("INSERT OR IGNORE INTO raw_sources VALUES (?, ?, ?, ?)",
                       (art.id, raw.source, raw.data, raw.content_type))
        return 1

    def has_article(self, article_id: str) -> bool:
        return bool(self._query("SELECT 1 FROM articles WHERE id = ?", (article_id,)))

    def count(self) -> int:
        return int(self._query("SELECT COUNT(*) FROM articles")[0][0])

    def articles(self, ids: Iterable[str] | None = None) -> Iterator[Article]:
        """Stream every stored article (or those in ``ids``) by id, a page at a time."""
        if ids is not None:
            for chunk in _chunks(ids, _PAGE):
                marks = ",".join("?" * len(chunk))
                rows = self._query(f"SELECT text, data FROM articles WHERE id IN ({marks}) ORDER BY id", chunk)
                yield from (self._article(text, data) for text, data in rows)
            return
        last = ""
        while True:
            rows = self._query("SELECT id, text, data FROM articles WHERE id > ? ORDER BY id LIMIT ?", (last, _PAGE))
            if not rows:
                return
            for aid, text, data in rows:
                yield self._article(text, data)
            last = rows[-1][0]

    @staticmethod
    def _article(text: str, data: str) -> Article:
        d = json.loads(data)
        d["text"] = text
        return Article.from_dict(d)

    def get_article(self, article_id: str) -> Article | None:
        rows = self._query("SELECT text, data FROM articles WHERE id = ?", (article_id,))
        return self._article(*rows[0]) if rows else None

    def raw_source(self, article_id: str) -> RawSource | None:
        rows = self._query("SELECT source, raw, content_type FROM raw_sources WHERE article_id = ?", (article_id,))
        return RawSource(*rows[0]) if rows else None

    def update_articles(self, changes: Mapping[str, Mapping[str, Any]]) -> None:
        """Set ``published``/``published_basis``/``duplicate_of`` on stored articles (later ingest passes).

        ``changes`` maps article id -> {field: value}; other fields are refused,
        since the text and id of a stored article never change.
        """
        with self._tx() as db:
            self._update(db, changes)

    @staticmethod
    def _update(db: sqlite3.Connection, changes: Mapping[str, Mapping[str, Any]]) -> None:
        allowed = {"published", "published_basis", "duplicate_of"}
        for aid, fields in changes.items():
            bad = set(fields) - allowed
            if bad:
                raise StoreError(f"{aid}: cannot update {', '.join(sorted(bad))}")
            row = db.execute("SELECT data FROM articles WHERE id = ?", (aid,)).fetchone()
            if row is None:
                continue
            data = json.loads(row[0])
            data.update(fields)
            sets = ", ".join(f"{k} = ?" for k in fields)
            db.execute(f"UPDATE articles SET {sets}, data = ? WHERE id = ?",
                       (*fields.values(), json.dumps(data, ensure_ascii=False), aid))

    def published_dates(self) -> list[str]:
        """Every distinct publication date stored (for year inference; small: one row per day)."""
        return [d for (d,) in self._query("SELECT DISTINCT published FROM articles WHERE published IS NOT NULL")]

    # ------------------------------------------------------------------ near-duplicate index

    def band_candidates(self, keys: Sequence[tuple[int, int]]) -> set[str]:
        """Ids of stored articles sharing any (band, key) with a new article's signature."""
        if not keys:
            return set()
        where = " OR ".join("(band = ? AND key = ?)" for _ in keys)
        params = [v for pair in keys for v in pair]
        return {aid for (aid,) in self._query(f"SELECT article_id FROM lsh_bands WHERE {where}", params)}

    def dedup_entry(self, article_id: str) -> tuple[str | None, int, str | None, bytes] | None:
        """(published, words, duplicate_of, signature) of a stored, indexed article."""
        rows = self._query("SELECT a.published, a.words, a.duplicate_of, m.signature FROM articles a "
                           "JOIN minhashes m ON m.article_id = a.id WHERE a.id = ?", (article_id,))
        return rows[0] if rows else None

    def duplicates_of(self, article_id: str) -> list[str]:
        return [a for (a,) in self._query("SELECT id FROM articles WHERE duplicate_of = ?", (article_id,))]

    def unindexed_articles(self) -> list[str]:
        """Ids of stored articles without a near-duplicate signature (stored before the index existed)."""
        return [a for (a,) in self._query("SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM minhashes)"
                                          " ORDER BY id")]

    # ------------------------------------------------------------------ NLP cache

    def put_analysis(self, article_id: str, analyzer: str, json_str: str) -> None:
        with self._tx() as db:
            db.execute("INSERT OR REPLACE INTO analyses VALUES (?, ?, ?)", (article_id, analyzer, json_str))

    def put_analyses(self, rows: Iterable[tuple[str, str, str]]) -> None:
        """Save many (article_id, analyzer, json) analyses in one transaction."""
        with self._tx() as db:
            db.executemany("INSERT OR REPLACE INTO analyses VALUES (?, ?, ?)", list(rows))

    def get_analysis(self, article_id: str, analyzer: str) -> str | None:
        rows = self._query("SELECT json FROM analyses WHERE article_id = ? AND analyzer = ?", (article_id, analyzer))
        return rows[0][0] if rows else None

    # ------------------------------------------------------------------ stories (the web app reads these)

    def put_report(self, report: Report) -> None:
        """Store every story of ``report`` with the article rows and texts it cites.

        A story already stored under the same id is replaced, and a stored
        story that shares an article with one of the new stories is dropped
        (re-clustering merged or split it), so re-analysing a store refreshes
        its stories instead of piling up stale copies.
        """
        arts = {a.id: a for a in report.articles}
        new_ids = {s.id for s in report.stories}
        cited = [aid for s in report.stories for aid in s.article_ids]
        with self._tx() as db:
            stale: set[str] = set()
            for chunk in _chunks(cited, 500):
                marks = ",".join("?" * len(chunk))
                stale.update(r[0] for r in db.execute(
                    f"SELECT DISTINCT story_id FROM story_articles WHERE article_id IN ({marks})", chunk))
            heir = {aid: s.id for s in report.stories for aid in s.article_ids}
            for sid in stale - new_ids:
                members = [r[0] for r in db.execute("SELECT article_id FROM story_articles WHERE story_id = ?",
                                                    (sid,))]
                votes = [heir[a] for a in members if a in heir]
                if votes:  # readers holding the old id are sent to the story that took most of its articles
                    db.execute("INSERT OR REPLACE INTO story_redirects VALUES (?, ?)",
                               (sid, max(sorted(set(votes)), key=votes.count)))
                db.execute("DELETE FROM story_articles WHERE story_id = ?", (sid,))
                db.execute("DELETE FROM stories WHERE id = ?", (sid,))
            for sid in new_ids:
                db.execute("DELETE FROM story_redirects WHERE old_id = ?", (sid,))
            for a in report.articles:
                text = report.texts.get(a.id)
                db.execute("INSERT OR REPLACE INTO report_articles VALUES (?, ?, ?)",
                           (a.id, json.dumps(to_plain(a), ensure_ascii=False), text))
            for story in report.stories:
                self._put_story(db, story, arts, report.generator)

    @staticmethod
    def _put_story(db: sqlite3.Connection, story: ReportStory, arts: Mapping[str, Any], generator: str) -> None:
        members = [arts[x] for x in story.article_ids if x in arts]
        outlets = sorted({a.outlet for a in members if a.outlet})
        dates = sorted(a.published for a in members if a.published)
        search = " ".join([story.title, *(a.title or "" for a in members), *outlets]).lower()
        db.execute("DELETE FROM story_articles WHERE story_id = ?", (story.id,))
        db.execute("INSERT OR REPLACE INTO stories VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   (story.id, story.title, generator, len(story.article_ids), len(outlets), json.dumps(outlets),
                    dates[0] if dates else None, dates[-1] if dates else None, len(story.events),
                    len(story.conflicts), len(story.flags), search,
                    json.dumps(to_plain(story), ensure_ascii=False), _now()))
        db.executemany("INSERT OR IGNORE INTO story_articles VALUES (?, ?, ?)",
                       [(story.id, aid, arts[aid].outlet if aid in arts else None) for aid in story.article_ids])

    def story_summaries(self, *, query: str | None = None, outlet: str | None = None, date_from: str | None = None,
                        date_to: str | None = None, sort: str = "coverage") -> list[dict[str, Any]]:
        """One row per stored story, filtered and sorted for a listing page.

        ``query`` matches (case-insensitively) the story title, its articles'
        titles and outlets; ``outlet`` keeps stories with an article from that
        outlet; ``date_from``/``date_to`` (ISO) keep stories whose date range
        overlaps them. ``sort``: coverage, recent, oldest, conflicts, flags, title.
        """
        if sort not in _SORTS:
            raise StoreError(f"unknown sort {sort!r}: use one of {', '.join(_SORTS)}")
        where, params = [], []
        if query:
            where.append("search LIKE ? ESCAPE '\\'")
            esc = query.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            params.append(f"%{esc}%")
        if outlet:
            where.append("id IN (SELECT story_id FROM story_articles WHERE outlet = ?)")
            params.append(outlet)
        if date_from:
            where.append("(last_date IS NULL OR last_date >= ?)")
            params.append(date_from)
        if date_to:
            where.append("(first_date IS NULL OR first_date <= ?)")
            params.append(date_to)
        sql = ("SELECT id, title, n_articles, outlets, first_date, last_date, n_events, n_conflicts, n_flags "
               "FROM stories" + (" WHERE " + " AND ".join(where) if where else "") + f" ORDER BY {_SORTS[sort]}")
        keys = ("id", "title", "n_articles", "outlets", "first_date", "last_date", "n_events", "n_conflicts",
                "n_flags")
        out = []
        for row in self._query(sql, params):
            d = dict(zip(keys, row, strict=True))
            d["outlets"] = json.loads(d["outlets"])
            out.append(d)
        return out

    def story_report(self, story_id: str) -> dict[str, Any] | None:
        """A contract-valid report dict holding just this story and its articles, or None."""
        rows = self._query("SELECT generator, data FROM stories WHERE id = ?", (story_id,))
        for _ in range(_MAX_REDIRECTS):
            if rows:
                break
            moved = self._query("SELECT new_id FROM story_redirects WHERE old_id = ?", (story_id,))
            if not moved:
                return None
            story_id = moved[0][0]
            rows = self._query("SELECT generator, data FROM stories WHERE id = ?", (story_id,))
        if not rows:
            return None
        generator, data = rows[0]
        story = json.loads(data)
        ids = story.get("article_ids", [])
        found = {}
        for chunk in _chunks(ids, _PAGE):
            marks = ",".join("?" * len(chunk))
            for aid, adata in self._query(f"SELECT id, data FROM report_articles WHERE id IN ({marks})", chunk):
                found[aid] = json.loads(adata)
        return {"schema_version": SCHEMA_VERSION, "generator": generator,
                "articles": [found[a] for a in ids if a in found], "stories": [story]}

    def article_texts(self, ids: Iterable[str]) -> dict[str, str]:
        """id -> normalised text (the text every offset indexes), from the report rows or the articles table."""
        out: dict[str, str] = {}
        for chunk in _chunks(ids, _PAGE):
            marks = ",".join("?" * len(chunk))
            for aid, text in self._query(f"SELECT id, text FROM articles WHERE id IN ({marks})", chunk):
                out[aid] = text
            missing = [a for a in chunk if a not in out]
            if missing:
                marks = ",".join("?" * len(missing))
                for aid, text in self._query(f"SELECT id, text FROM report_articles WHERE id IN ({marks}) "
                                             "AND text IS NOT NULL", missing):
                    out[aid] = text
        return out
