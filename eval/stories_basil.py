"""Story clustering on BASIL: gold story = the triplet (one event told by three outlets), all years together.

Run: .venv/bin/python eval/stories_basil.py [--no-nlp] [--split dev|test] [--sweep]
dev = even years, test = odd years.
"""

from __future__ import annotations

import json
from pathlib import Path

from stories_common import main

from newsprism.errors import IngestError
from newsprism.model import Article


def load_basil(corpora: Path, split: str) -> tuple[list[Article], dict[str, str]]:
    """Read BASIL articles as ``Article`` objects and their gold triplet."""
    root = corpora / "basil" / "articles"
    if not root.is_dir():
        raise IngestError(f"BASIL articles not found at {root}")
    articles: list[Article] = []
    gold: dict[str, str] = {}
    for path in sorted(root.glob("*/*.json")):
        year = int(path.parent.name)
        if (split == "dev" and year % 2) or (split == "test" and not year % 2):
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        paragraphs = [" ".join(p) for p in data.get("body-paragraphs") or []]
        aid = "basil-" + path.stem
        articles.append(Article(id=aid, source=str(path), text="\n\n".join(paragraphs), outlet=data.get("source"),
                                title=data.get("title"), published=data.get("date") or None))
        gold[aid] = data["triplet-uuid"]
    return articles, gold


if __name__ == "__main__":
    main("basil", load_basil)
