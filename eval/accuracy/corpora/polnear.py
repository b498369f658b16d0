"""PolNeAR (train + dev in ../shared/corpora/polnear): articles as Articles, with their gold attribution relations.

``attributions.jsonl`` holds one article a line, its ``text`` already put
through newsprism's ingest normalisation, so gold offsets index the string
newsprism analyses. Each relation has a source, cue and content, each
``{text, spans}`` with ``[start, end)`` pieces (several for a discontinuous
span) or null; the relations may be stored as a Python-literal string, which
is parsed. The upstream split is kept: train -> tune, dev -> check.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from accuracy.corpora.jsonl import records
from accuracy.splits import Split, official_split
from newsprism.model import Article


@dataclass(frozen=True)
class AnnotatedSpan:
    text: str
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class GoldRelation:
    id: str
    source: AnnotatedSpan | None
    cue: AnnotatedSpan | None
    content: AnnotatedSpan | None


@dataclass
class PolnearDoc:
    article: Article
    split: Split
    relations: list[GoldRelation] = field(default_factory=list)


def _span(raw: dict[str, Any] | None) -> AnnotatedSpan | None:
    if not raw or not raw.get("spans"):
        return None
    return AnnotatedSpan(raw["text"], tuple((int(s), int(e)) for s, e in raw["spans"]))


def _relations(raw: list[dict[str, Any]] | str) -> list[GoldRelation]:
    items = ast.literal_eval(raw) if isinstance(raw, str) else raw
    return [GoldRelation(r["id"], _span(r.get("source")), _span(r.get("cue")), _span(r.get("content")))
            for r in items]


def read_record(record: dict[str, Any]) -> PolnearDoc:
    article = Article(id=record.get("newsprism_id") or record["id"], source=record.get("url") or record["id"],
                      text=record["text"], outlet=record.get("outlet"), title=record.get("title"),
                      published=record.get("published"))
    return PolnearDoc(article, official_split("polnear", record["split"]), _relations(record["attributions"]))


def read_corpus(corpora: Path) -> list[PolnearDoc]:
    """Every article in file order (train, then dev)."""
    return [read_record(rec) for rec in records(corpora / "polnear" / "attributions.jsonl", "PolNeAR attributions")]
