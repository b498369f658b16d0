"""Story clustering on ECB+: gold story = (topic, ecb|ecbplus), all ~780 documents clustered together.

Each ECB+ topic holds two look-alike events (two earthquakes, two rehab
stays), so this measures whether the clusterer keeps them apart. Documents
carry no publication date; the text is the document's tokens, one sentence
a line.

Run: .venv/bin/python eval/stories_ecbplus.py [--no-nlp] [--split dev|test] [--sweep]
dev = odd topics, test = even topics.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

from stories_common import main

from newsprism.errors import IngestError
from newsprism.model import Article

_TOKEN_RE = re.compile(r'<token[^>]*\bsentence="(\d+)"[^>]*>([^<]*)</token>')
_NO_SPACE_BEFORE = {".", ",", ";", ":", "!", "?", ")", "'s", "n't", "%", "''"}


def load_ecbplus(corpora: Path, split: str) -> tuple[list[Article], dict[str, str]]:
    """Read ECB+ token XML as ``Article`` objects and the gold (topic, sub-topic) of each."""
    root = corpora / "ecbplus" / "ECB+"
    if not root.is_dir():
        raise IngestError(f"ECB+ documents not found at {root}")
    articles: list[Article] = []
    gold: dict[str, str] = {}
    for path in sorted(root.glob("*/*.xml")):
        topic = int(path.parent.name)
        if (split == "dev" and not topic % 2) or (split == "test" and topic % 2):
            continue
        sub = "ecbplus" if path.stem.endswith("ecbplus") else "ecb"
        aid = "ecb-" + path.stem
        articles.append(Article(id=aid, source=str(path), text=_detokenise(path.read_text(encoding="utf-8"))))
        gold[aid] = f"{topic}/{sub}"
    return articles, gold


def _detokenise(xml: str) -> str:
    sentences: dict[int, list[str]] = {}
    for sent, tok in _TOKEN_RE.findall(xml):
        sentences.setdefault(int(sent), []).append(unescape(tok))
    lines = []
    for n in sorted(sentences):
        out = ""
        for tok in sentences[n]:
            out += tok if (not out or tok in _NO_SPACE_BEFORE) else " " + tok
        lines.append(out)
    return "\n".join(lines)


if __name__ == "__main__":
    main("ecbplus", load_ecbplus)
