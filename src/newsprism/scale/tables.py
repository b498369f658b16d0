"""Parquet tables of a report: one file per kind of row, each row with its ``story_id``.

Flat columns (lists as Arrow lists, nested values as JSON strings) so that
DuckDB (`SELECT * FROM 'events.parquet'`), pandas and Polars read them with
no schema of ours.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

_SCHEMAS = {
    "articles": pa.schema([("id", pa.string()), ("story_id", pa.string()), ("source", pa.string()),
                           ("outlet", pa.string()), ("title", pa.string()), ("published", pa.string()),
                           ("published_basis", pa.string()), ("language", pa.string()), ("words", pa.int64()),
                           ("duplicate_of", pa.string())]),
    "stories": pa.schema([("story_id", pa.string()), ("title", pa.string()), ("n_articles", pa.int64()),
                          ("n_events", pa.int64()), ("n_conflicts", pa.int64()), ("n_flags", pa.int64()),
                          ("first_published", pa.string()), ("last_published", pa.string())]),
    "entities": pa.schema([("story_id", pa.string()), ("id", pa.string()), ("name", pa.string()),
                           ("type", pa.string()), ("aliases", pa.list_(pa.string())),
                           ("article_ids", pa.list_(pa.string()))]),
    "events": pa.schema([("story_id", pa.string()), ("id", pa.string()), ("type", pa.string()),
                         ("plover", pa.string()), ("summary", pa.string()), ("date", pa.string()),
                         ("place", pa.string()), ("status", pa.string()), ("independent_sources", pa.int64()),
                         ("article_ids", pa.list_(pa.string())), ("actors", pa.list_(pa.string())),
                         ("targets", pa.list_(pa.string()))]),
    "conflicts": pa.schema([("story_id", pa.string()), ("id", pa.string()), ("kind", pa.string()),
                            ("subject", pa.string()), ("within_article", pa.bool_()), ("values", pa.string())]),
}


def report_rows(data: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Flatten a contract report dict into rows per table."""
    story_of: dict[str, str] = {}
    rows: dict[str, list[dict[str, Any]]] = {k: [] for k in _SCHEMAS}
    arts = {a["id"]: a for a in data.get("articles", [])}
    for s in data.get("stories", []):
        sid = s["id"]
        for aid in s["article_ids"]:
            story_of.setdefault(aid, sid)
        dates = sorted(arts[a]["published"] for a in s["article_ids"] if a in arts and arts[a].get("published"))
        rows["stories"].append({"story_id": sid, "title": s["title"], "n_articles": len(s["article_ids"]),
                                "n_events": len(s["events"]), "n_conflicts": len(s["conflicts"]),
                                "n_flags": len(s["flags"]), "first_published": dates[0] if dates else None,
                                "last_published": dates[-1] if dates else None})
        for e in s["entities"]:
            rows["entities"].append({"story_id": sid, "id": e["id"], "name": e["name"], "type": e["type"],
                                     "aliases": list(e.get("aliases") or []),
                                     "article_ids": list(e.get("article_ids") or [])})
        for v in s["events"]:
            rows["events"].append({"story_id": sid, **{k: v.get(k) for k in (
                "id", "type", "plover", "summary", "date", "place", "status", "independent_sources",
                "article_ids", "actors", "targets")}})
        for c in s["conflicts"]:
            rows["conflicts"].append({"story_id": sid, "id": c["id"], "kind": c["kind"], "subject": c["subject"],
                                      "within_article": bool(c["within_article"]),
                                      "values": json.dumps(c["values"], ensure_ascii=False)})
    for a in data.get("articles", []):
        rows["articles"].append({"story_id": story_of.get(a["id"]),
                                 **{k: a.get(k) for k in _SCHEMAS["articles"].names if k != "story_id"}})
    return rows


def write_tables(data: dict[str, Any], out: Path) -> dict[str, Path]:
    """Write one Parquet file per table into ``out``; returns their paths."""
    paths = {}
    for name, rows in report_rows(data).items():
        schema = _SCHEMAS[name]
        table = pa.Table.from_pylist(rows, schema=schema)
        path = out / f"{name}.parquet"
        pq.write_table(table, path)
        paths[name] = path
    return paths
