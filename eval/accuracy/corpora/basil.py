"""BASIL (../shared/corpora/basil, years 2010-2016): articles as Articles, with the gold story (the triplet).

Each triplet is one event told by Fox News, The New York Times and HuffPost.
The text is the body paragraphs (each upstream a list of sentences) joined
by blank lines and cleaned as newsprism's ingest cleans any body; the title,
the outlet (lower-cased: upstream writes both `nyt` and `NYT`) and the
publication date come from the record's metadata, as a JSON ingest would
take them. The split is by triplet, so the three reports of one event are
on one side.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from accuracy.splits import Split, hashed_split
from newsprism.ingest.build import clean_body
from newsprism.model import Article


@dataclass
class BasilDoc:
    article: Article
    triplet: str  # the gold story
    split: Split


def read_corpus(corpora: Path) -> list[BasilDoc]:
    """Every article, in (year, file name) order."""
    root = corpora / "basil" / "articles"
    if not root.is_dir():
        raise FileNotFoundError(f"BASIL articles not found at {root}")
    docs: list[BasilDoc] = []
    for path in sorted(root.glob("*/*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        paragraphs = [" ".join(p) for p in data.get("body-paragraphs") or []]
        published = data.get("date") or None
        outlet = (data.get("source") or "").lower() or None
        article = Article(id="basil-" + path.stem, source=str(path), text=clean_body("\n\n".join(paragraphs)),
                          outlet=outlet, title=data.get("title") or None, published=published,
                          published_basis="metadata" if published else None)
        triplet = data["triplet-uuid"]
        docs.append(BasilDoc(article=article, triplet=triplet, split=hashed_split("basil", triplet)))
    return docs
