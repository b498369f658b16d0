"""NeuS / AllSides (../shared/corpora/allsides): articles as Articles, the gold story and its neutral target.

Each article is a headline and the short lead AllSides shows for it, never
the full text. It is given to newsprism as a JSONL record would be ingested:
the lead is the text, the headline the title; an article whose lead is
empty upstream (22 of them) gets its headline as text, since newsprism
refuses an empty body. The outlet is kept where upstream knows it (a null
one stays null, i.e. unknown). The articles are undated: `published` in the
corpus is the date of AllSides' story page, known for a third of them, so it
is not passed on, and every run sees the same undated stream. The upstream
train/val split is kept (train -> tune, val -> check).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from accuracy.corpora.jsonl import records
from accuracy.splits import Split, official_split
from newsprism.ingest.build import clean_body
from newsprism.model import Article


@dataclass
class AllSidesDoc:
    article: Article
    cluster: str  # the gold story
    split: Split


@dataclass
class Target:
    """AllSides' neutral roundup of one story; ``target`` is "Title. Body", the form NeuS scores against."""

    title: str
    body: str
    target: str


def _folder(corpora: Path) -> Path:
    root = corpora / "allsides"
    if not (root / "articles.jsonl").is_file():
        raise FileNotFoundError(f"AllSides articles not found at {root}")
    return root


def read_articles(corpora: Path) -> list[AllSidesDoc]:
    """Every article, in file order (cluster, then slot)."""
    docs: list[AllSidesDoc] = []
    for rec in records(_folder(corpora) / "articles.jsonl", "AllSides articles"):
        title = clean_body(rec.get("title") or "") or None
        text = clean_body(rec.get("text") or "") or (title or "")
        article = Article(id=rec["id"], source=f"allsides/{rec['id']}", text=text, outlet=rec.get("outlet"),
                          title=title)
        docs.append(AllSidesDoc(article=article, cluster=rec["cluster"],
                                split=official_split("allsides", rec["split"])))
    return docs


def read_targets(corpora: Path) -> dict[str, Target]:
    """cluster -> its neutral target."""
    data = json.loads((_folder(corpora) / "targets.json").read_text(encoding="utf-8"))
    return {c: Target(title=t["title"], body=t["body"], target=t["target"]) for c, t in data.items()}
