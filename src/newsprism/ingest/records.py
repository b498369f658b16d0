"""Article records: JSON Lines, a JSON array or object, CSV.

Each record maps to an Article through a field mapping: the user's
``--map text=body`` first, then the usual names datasets give these fields
(``_ALIASES``). A record that fails (not JSON, no text) fails alone, named
``file.jsonl#N`` with N counted from 0; the rest of the file is still read.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from typing import IO, Any

from newsprism.errors import IngestError
from newsprism.ingest.build import make_article
from newsprism.ingest.decode import decode_bytes, detect_encoding, normalise_text
from newsprism.ingest.items import IngestFailure, Ingested, IngestOptions
from newsprism.store import RawSource

# Names that datasets use for each Article field, tried in order after the user's mapping.
_ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "maintext", "body_text", "full_text", "story", "description",
             "body-paragraphs", "paragraphs"),
    "title": ("title", "headline", "heading", "name"),
    "url": ("url", "link", "canonical_url", "source_url", "uri"),
    "outlet": ("outlet", "source", "publisher", "site", "sitename", "site_name", "domain", "publication", "media"),
    "published": ("published", "date", "published_at", "publish_date", "date_publish", "pubdate", "datetime",
                  "timestamp", "created_at"),
    "byline": ("byline", "author", "authors"),
}
# Keys under which a JSON object holds its list of records.
_LIST_KEYS = ("articles", "items", "records", "data", "results", "documents")


def _field(record: Mapping[str, Any], name: str, field_map: Mapping[str, str]) -> Any:
    keys = [field_map[name]] if name in field_map else []
    lower = {str(k).lower(): k for k in record}
    for key in (*keys, *_ALIASES[name]):
        actual = key if key in record else lower.get(key.lower())
        if actual is not None and record[actual] not in (None, "", []):
            return record[actual]
    return None


def _as_text(value: Any) -> str | None:
    """A field value as text: nested paragraph lists ("body-paragraphs") become paragraphs."""
    if value is None:
        return None
    if isinstance(value, list):
        parts = [_as_text(v) for v in value]
        return "\n\n".join(p for p in parts if p) or None
    if isinstance(value, dict):
        return _as_text(value.get("name") or value.get("text") or value.get("title"))
    return str(value)


def record_article(record: Any, source: str, options: IngestOptions, fmt: str) -> Ingested:
    """One record (a mapping) -> Ingested.

    Raises:
        IngestError: the record is not an object or has no text field.
    """
    if not isinstance(record, Mapping):
        raise IngestError(source, f"record is a JSON {type(record).__name__}, not an object")
    text = _as_text(_field(record, "text", options.field_map))
    if not text or not text.strip():
        wanted = options.field_map.get("text") or "/".join(_ALIASES["text"][:4])
        raise IngestError(source, f"record has no text (looked for {wanted}; use --map text=COLUMN)")
    if "<" in text and "</p>" in text.lower():
        from newsprism.ingest.feeds import html_to_text

        text = html_to_text(text)
    published = _field(record, "published", options.field_map)
    art = make_article(text, source, title=_as_text(_field(record, "title", options.field_map)),
                       outlet=_as_text(_field(record, "outlet", options.field_map)),
                       published=str(published) if published is not None else None, basis="metadata",
                       url=_as_text(_field(record, "url", options.field_map)),
                       byline=_as_text(_field(record, "byline", options.field_map)), fmt=fmt)
    raw = RawSource(source=source, data=json.dumps(record, ensure_ascii=False, default=str),
                    content_type="application/json")
    return Ingested(art, raw)


def _try(record: Any, source: str, options: IngestOptions, fmt: str) -> Ingested | IngestFailure:
    try:
        return record_article(record, source, options, fmt)
    except IngestError as exc:
        return IngestFailure(exc.source, exc.reason)


def read_jsonl(fh: IO[bytes], name: str, options: IngestOptions) -> Iterator[Ingested | IngestFailure]:
    """Stream a JSON Lines file one line at a time (memory stays flat however long the file)."""
    for n, line in enumerate(fh):
        source = f"{name}#{n}"
        if not line.strip():
            continue
        if len(line) > options.max_bytes:
            yield IngestFailure(source, f"record is {len(line) / 1e6:.0f} MB, over the "
                                        f"{options.max_bytes / 1e6:.0f} MB cap")
            continue
        try:
            record = json.loads(decode_bytes(line, source))
        except IngestError as exc:
            yield IngestFailure(exc.source, exc.reason)
            continue
        except json.JSONDecodeError as exc:
            yield IngestFailure(source, f"line is not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        yield _try(record, source, options, "jsonl")


def read_json(text: str, name: str, options: IngestOptions) -> Iterator[Ingested | IngestFailure]:
    """A JSON document: an array of records, an object holding one (``{"articles": [...]}``), or one record."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        yield IngestFailure(name, f"not valid JSON ({exc.msg} at line {exc.lineno})")
        return
    if isinstance(doc, dict):
        inner = next((doc[k] for k in _LIST_KEYS if isinstance(doc.get(k), list)), None)
        if inner is None:
            yield _try(doc, name, options, "json")
            return
        doc = inner
    if not isinstance(doc, list):
        yield IngestFailure(name, f"JSON holds a {type(doc).__name__}, not records")
        return
    for n, record in enumerate(doc):
        yield _try(record, f"{name}#{n}", options, "json")


def read_csv(fh: IO[bytes], name: str, options: IngestOptions) -> Iterator[Ingested | IngestFailure]:
    """A CSV (or TSV) file with a header row, streamed row by row."""
    head = fh.read(65536)
    fh.seek(0)
    try:
        encoding = "utf-8-sig" if _is_utf8(head) else _detected(head, name)
    except IngestError as exc:
        yield IngestFailure(exc.source, exc.reason)
        return
    text = io.TextIOWrapper(fh, encoding=encoding, errors="replace", newline="")
    delimiter = "\t" if name.lower().endswith(".tsv") or head.split(b"\n", 1)[0].count(b"\t") > \
        head.split(b"\n", 1)[0].count(b",") else ","
    csv.field_size_limit(options.max_bytes)
    reader = csv.DictReader(text, delimiter=delimiter)
    try:
        for n, row in enumerate(reader):
            record = {k: normalise_text(v) for k, v in row.items() if k is not None and v is not None}
            yield _try(record, f"{name}#{n}", options, "csv")
    except csv.Error as exc:
        yield IngestFailure(f"{name}#{reader.line_num}", f"malformed CSV ({exc})")
    finally:
        text.detach()


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start > len(data) - 4  # a multi-byte character cut by the 64 KB sniff window
    return True


def _detected(head: bytes, name: str) -> str:
    encoding = detect_encoding(head)
    if encoding is None:
        raise IngestError(name, "not valid UTF-8 and no other text encoding detected")
    return encoding
