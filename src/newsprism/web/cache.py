"""Rendered pages and JSON kept until the store changes.

Why: a team reading the same stories asks for the same pages again and
again, and rendering a large story costs milliseconds of pure Python on a
2-core server. A rendered page stays valid exactly as long as the store is
unchanged, and SQLite in WAL mode appends every commit to the ``-wal`` file
(and a checkpoint rewrites the main file), so the files' size and mtime make
a stamp that moves on every write, from this process or any other (a CLI
ingest into the same store included), for the cost of two ``stat`` calls.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

# Entries kept; a page is 10-200 KB, so this bounds the cache near 100 MB at worst
# and comfortably holds every story page of a team-sized store.
MAX_ENTRIES = 512


class StoreStamp:
    """A value that changes whenever the store at ``path`` is written."""

    def __init__(self, path: str):
        self.path = path
        self._generation = 0

    def bump(self) -> None:
        """Mark a change this process made (the only signal for an in-memory store)."""
        self._generation += 1

    def __call__(self) -> tuple[int, ...]:
        parts = [self._generation]
        if self.path != ":memory:":
            for suffix in ("", "-wal"):
                try:
                    st = os.stat(self.path + suffix)
                except OSError:
                    parts += [0, 0]
                    continue
                parts += [st.st_mtime_ns, st.st_size]
        return tuple(parts)


class PageCache:
    """A small LRU of values computed from the store, dropped when the stamp moves."""

    def __init__(self, stamp: StoreStamp, *, max_entries: int = MAX_ENTRIES):
        self.stamp = stamp
        self.max_entries = max_entries
        self._items: OrderedDict[Any, tuple[tuple[int, ...], Any]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Any) -> Any | None:
        """The cached value for ``key`` if computed since the last write, else None."""
        now = self.stamp()
        with self._lock:
            hit = self._items.get(key)
            if hit is None or hit[0] != now:
                return None
            self._items.move_to_end(key)
            return hit[1]

    def put(self, key: Any, value: Any, stamp: tuple[int, ...]) -> None:
        """Keep ``value``, computed when the store had ``stamp`` (taken before reading it)."""
        with self._lock:
            self._items[key] = (stamp, value)
            self._items.move_to_end(key)
            while len(self._items) > self.max_entries:
                self._items.popitem(last=False)

    def compute(self, key: Any, make: Callable[[], Any]) -> Any:
        """Return the cached value or compute, keep and return it."""
        hit = self.get(key)
        if hit is not None:
            return hit
        stamp = self.stamp()
        value = make()
        if value is not None:
            self.put(key, value, stamp)
        return value


CACHEABLE = "newsprism.cacheable"  # scope key a route sets when its GET response depends only on the store


class CachedResponses:
    """ASGI middleware: answer a repeated GET from the cache without routing it again.

    Routes whose answer depends only on the URL and the store set
    ``scope[CACHEABLE]``; their 200 responses are kept, keyed by path and
    query and checked against the store stamp like every cache entry. A hit
    costs a dictionary lookup instead of FastAPI's routing and parameter
    parsing, which is most of a cached request's time: it is what lets one
    process on 2 cores serve a team of hundreds (benchmarks/load_web.py).
    """

    def __init__(self, app: Any, *, cache: PageCache):
        self.app = app
        self.cache = cache

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        key = ("response", scope["path"], scope["query_string"])
        hit = self.cache.get(key)
        if hit is not None:
            status, headers, body = hit
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        stamp = self.cache.stamp()
        start: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def capture(message: Any) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
            await send(message)

        await self.app(scope, receive, capture)
        if scope.get(CACHEABLE) and start.get("status") == 200:
            self.cache.put(key, (200, list(start.get("headers", [])), b"".join(chunks)), stamp)
