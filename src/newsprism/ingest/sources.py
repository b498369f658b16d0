"""Walk the user's inputs (files, folders, URLs) and hand each to the reader for its format.

The format is chosen by extension AND by sniffing the first bytes, because
real collections mislabel files (an ``.xml`` holding HTML, a ``.txt`` saved
from a browser, exports with no extension at all). Every problem becomes an
``IngestFailure`` naming the input, and the walk goes on: one bad file never
sinks a batch.
"""

from __future__ import annotations

import os
import re
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsprism.errors import IngestError
from newsprism.ingest.decode import decode_bytes, looks_binary
from newsprism.ingest.feeds import looks_like_feed, read_feed
from newsprism.ingest.html import looks_like_html, read_html
from newsprism.ingest.items import IngestFailure, Ingested, IngestOptions
from newsprism.ingest.records import read_csv, read_json, read_jsonl
from newsprism.ingest.text import read_text
from newsprism.ingest.urls import fetch_url, is_url
from newsprism.ingest.warc import read_warc
from newsprism.model import Article
from newsprism.store import RawSource

_EXTENSIONS = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".csv": "csv", ".tsv": "csv",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
    ".warc": "warc", ".arc": "warc",
}
# Streamed record by record, so the whole-file size cap does not apply (each record is capped instead).
_STREAMED = {"jsonl", "csv", "warc"}
_SNIFF = 4096


def ingest_items(inputs: Iterable[str], options: IngestOptions | None = None) -> Iterator[Ingested | IngestFailure]:
    """Every article (with its raw source) or failure found in ``inputs``, in input order, streamed."""
    opts = options or IngestOptions()
    for inp in inputs:
        if is_url(inp):
            yield from _from_url(inp, opts)
            continue
        path = Path(inp)
        if not path.exists():
            yield IngestFailure(inp, "no such file or directory")
        elif path.is_dir():
            for file in _walk(path):
                yield from _from_file(file, opts)
        else:
            yield from _from_file(path, opts)


def ingest_inputs(inputs: Iterable[str], options: IngestOptions | None = None) -> Iterator[Article | IngestFailure]:
    """Every article or failure in ``inputs``; an exact copy (same id) of an earlier article is dropped."""
    seen: set[str] = set()
    for item in ingest_items(inputs, options):
        if isinstance(item, IngestFailure):
            yield item
        elif item.article.id not in seen:
            seen.add(item.article.id)
            yield item.article


def _walk(root: Path) -> Iterator[Path]:
    """Files under ``root``, recursively, in a stable order; hidden files and folders skipped."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield Path(dirpath) / name


def _kind_by_extension(path: Path) -> str | None:
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    if suffixes and suffixes[-1] == ".gz":
        return "warc" if len(suffixes) == 2 and suffixes[0] in (".warc", ".arc") else None
    return _EXTENSIONS.get(suffixes[-1]) if suffixes else None


def _sniff(head: bytes) -> str:
    """The format the first bytes show (binary input is refused later by the decoder)."""
    if head.startswith(b"\x1f\x8b"):
        try:
            inner = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head)[:64]
        except zlib.error:
            return "binary"
        return "warc" if inner.startswith((b"WARC/", b"filedesc://")) else "binary"
    if head.startswith(b"WARC/"):
        return "warc"
    text = head.decode("utf-8", errors="ignore").lstrip("\ufeff \t\r\n")
    if looks_like_feed(text):
        return "feed"
    if looks_like_html(text) and text.startswith("<"):
        return "html"
    if re.match(r"\[\s*[{\[\"\]]", text):  # a JSON array, not "[Updated] ..." or "[1] Ref ..."
        return "json"
    if text.startswith("{"):
        first = text.split("\n", 1)[0].strip()
        return "jsonl" if first.endswith("}") and "\n{" in text else "json"
    return "text"


def _choose(by_ext: str | None, sniffed: str) -> str:
    """Extension and content together: content wins where the two plainly disagree."""
    if by_ext is None:
        return sniffed
    if by_ext == "warc" and sniffed != "warc":
        return "not-warc"
    if by_ext == "text" and sniffed in ("html", "feed", "warc"):
        return sniffed
    if by_ext == "feed" and sniffed == "html":
        return "html"
    if by_ext == "html" and sniffed == "feed":
        return "feed"
    if by_ext == "json" and sniffed == "jsonl":
        return "jsonl"
    return by_ext


def _from_file(path: Path, opts: IngestOptions) -> Iterator[Ingested | IngestFailure]:
    name = str(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(_SNIFF)
            if size == 0 or not head.strip():
                yield IngestFailure(name, "empty file")
                return
            kind = _choose(_kind_by_extension(path), _sniff(head))
            if kind not in _STREAMED and size > opts.max_bytes:
                yield IngestFailure(name, f"file is {size / 1e6:.0f} MB, over the {opts.max_bytes / 1e6:.0f} MB "
                                          "size cap")
                return
            if kind == "not-warc":
                yield IngestFailure(name, "not a WARC archive (no WARC/1.x header)")
                return
            if kind == "binary" or (kind != "warc" and looks_binary(head)):
                yield IngestFailure(name, "binary file, not text")
                return
            fh.seek(0)
            if kind == "jsonl":
                yield from read_jsonl(fh, name, opts)
            elif kind == "csv":
                yield from read_csv(fh, name, opts)
            elif kind == "warc":
                yield from read_warc(fh, name, opts)
            else:
                yield from _read_whole(fh.read(), name, kind, opts, "")
    except OSError as exc:
        yield IngestFailure(name, f"cannot read ({exc.strerror or exc})")


def _read_whole(data: bytes, name: str, kind: str, opts: IngestOptions, url: str) -> Iterator[Ingested | IngestFailure]:
    try:
        if kind == "feed":
            yield from read_feed(data, name)
            return
        text = decode_bytes(data, name)
        if kind == "json":
            yield from read_json(text, name, opts)
            return
        if kind == "html":
            art = read_html(text, name, url=url or None)
            ctype = "text/html"
        else:
            art = read_text(text, name)
            ctype = "text/plain"
        if url and not art.url:
            art.url = url
        yield Ingested(art, RawSource(source=url or name, data=data, content_type=ctype))
    except IngestError as exc:
        yield IngestFailure(exc.source, exc.reason)


def _from_url(url: str, opts: IngestOptions) -> Iterator[Ingested | IngestFailure]:
    try:
        got = fetch_url(url, opts)
    except IngestError as exc:
        yield IngestFailure(exc.source, exc.reason)
        return
    ctype = got.content_type.lower()
    if "rss" in ctype or "atom" in ctype:
        kind = "feed"
    elif "html" in ctype:
        kind = "html"
    elif "json" in ctype:
        kind = "json"
    else:
        kind = _sniff(got.content[:_SNIFF])
    if kind in ("binary", "warc", "jsonl", "csv") or looks_binary(got.content[:_SNIFF]):
        yield IngestFailure(url, f"unsupported content at URL ({got.content_type or 'unknown type'})")
        return
    yield from _read_whole(got.content, url, kind, opts, got.url)
