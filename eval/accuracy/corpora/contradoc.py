"""ContraDoc (../shared/corpora/contradoc): documents, some edited to contradict themselves, with the evidence sentence.

The split unit is the source document (``group``): the unmodified text and
its edited versions are on one side. Each document becomes an Article the way
newsprism ingests plain text, so a Wikipedia title line ("= Name =") is read
as the headline and leaves the body. The gold evidence sentence is found
again in that body (whitespace and case folded), since ingest moves offsets.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from accuracy.corpora.jsonl import records
from accuracy.splits import Split, hashed_split
from newsprism.ingest.text import read_text
from newsprism.model import Article


@dataclass
class ContraDoc:
    id: str
    doc_type: str  # "wiki" or "story"
    article: Article
    contradictory: bool
    evidence_status: str  # "ok", "partial", "truncated" (cut away with the text's end) or "n/a"
    evidence: tuple[int, int] | None  # the gold evidence sentence in article.text, when it is there whole
    split: Split


def locate(text: str, sentence: str) -> tuple[int, int] | None:
    """Where ``sentence`` occurs in ``text``, any run of whitespace matching any other, case folded."""
    words = sentence.split()
    if not words:
        return None
    m = re.search(r"\s+".join(map(re.escape, words)), text, re.IGNORECASE)
    return (m.start(), m.end()) if m else None


def read_corpus(corpora: Path) -> list[ContraDoc]:
    """Every document, in a fixed order that mixes the classes (a hash of the id), so any prefix is a sample."""
    path = corpora / "contradoc" / "contradoc.jsonl"
    out: list[ContraDoc] = []
    for rec in records(path, "ContraDoc"):
        article = read_text(rec["text"], f"contradoc/{rec['id']}")
        whole = rec["evidence_status"] == "ok" and rec["evidence"]
        out.append(ContraDoc(id=rec["id"], doc_type=rec["doc_type"], article=article,
                             contradictory=rec["contradictory"] == "yes", evidence_status=rec["evidence_status"],
                             evidence=locate(article.text, rec["evidence"][0]) if whole else None,
                             split=hashed_split("contradoc", rec["group"])))
    return sorted(out, key=lambda d: hashlib.sha256(d.id.encode("utf-8")).hexdigest())
