"""ECB+ (topics 1-35 in ../shared/corpora/ecbplus): documents as Articles, with the gold story and event chains.

A document's gold story is (topic, sub-topic): the file suffix `ecb` or
`ecbplus` says which of the topic's two look-alike events it reports. The text
is rebuilt from the tokens, one sentence a line, with the offsets of every
token kept so gold mentions can be placed in the text newsprism analyses.
Event mentions are the ACTION_* and NEG_ACTION_* markables; their chain is the
instance id (the `note`) of the CROSS_DOC_COREF relation that holds them, and
a mention in no relation is a chain of its own.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from accuracy.splits import Split, hashed_split
from newsprism.model import Article

# Tokens written without a space before them when the text is rebuilt.
_NO_SPACE_BEFORE = {".", ",", ";", ":", "!", "?", ")", "'s", "n't", "%", "''"}
_EVENT_TAG = re.compile(r"^(NEG_)?ACTION_")


@dataclass
class EventMention:
    m_id: str
    start: int  # character span in Article.text, first to last anchored token
    end: int
    text: str
    chain: str  # cross-document instance id, or "<doc>:<m_id>" for a singleton


@dataclass
class EcbDoc:
    article: Article
    topic: str
    story: str  # "TOPIC/ecb" or "TOPIC/ecbplus"
    split: Split
    events: list[EventMention] = field(default_factory=list)


def split_of_topic(topic: str) -> Split:
    """ECB+ is split by topic (both sub-topics together); the ECB+ conflicts use the same rule."""
    return hashed_split("ecbplus", topic)


def read_doc(path: Path) -> EcbDoc:
    root = ET.parse(path).getroot()
    offsets: dict[str, tuple[int, int]] = {}
    lines: list[str] = []
    current, line = None, ""
    for tok in root.iter("token"):
        sent = tok.get("sentence")
        word = tok.text or ""
        if sent != current:
            if current is not None:
                lines.append(line)
            current, line = sent, ""
        base = sum(len(x) + 1 for x in lines)
        if line and word not in _NO_SPACE_BEFORE:
            line += " "
        offsets[tok.get("t_id", "")] = (base + len(line), base + len(line) + len(word))
        line += word
    if current is not None:
        lines.append(line)
    text = "\n".join(lines)
    chains: dict[str, str] = {}
    for rel in root.iter("CROSS_DOC_COREF"):
        for src in rel.findall("source"):
            chains[src.get("m_id", "")] = rel.get("note", "")
    events: list[EventMention] = []
    markables = root.find("Markables")
    for mk in markables if markables is not None else []:
        anchors = [a.get("t_id", "") for a in mk.findall("token_anchor")]
        spans = [offsets[t] for t in anchors if t in offsets]
        if not _EVENT_TAG.match(mk.tag) or not spans:
            continue
        m_id = mk.get("m_id", "")
        start, end = min(s for s, _ in spans), max(e for _, e in spans)
        events.append(EventMention(m_id, start, end, text[start:end], chains.get(m_id) or f"{path.stem}:{m_id}"))
    topic = path.parent.name
    sub = "ecbplus" if path.stem.endswith("ecbplus") else "ecb"
    article = Article(id="ecb-" + path.stem, source=str(path), text=text)
    return EcbDoc(article=article, topic=topic, story=f"{topic}/{sub}", split=split_of_topic(topic), events=events)


def read_corpus(corpora: Path) -> list[EcbDoc]:
    root = corpora / "ecbplus" / "ECB+"
    if not root.is_dir():
        raise FileNotFoundError(f"ECB+ documents not found at {root}")
    paths = sorted(root.glob("*/*.xml"), key=lambda p: (int(p.parent.name), p.stem))
    return [read_doc(p) for p in paths]
