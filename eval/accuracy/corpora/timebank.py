"""TimeBank 1.2 (TempEval-3 cleaned, ../shared/corpora/timebank/tml): documents as Articles with gold TIMEX3s.

A document's text is the content of its <TEXT> element with the inline tags
(EVENT, TIMEX3, SIGNAL) removed and XML entities decoded, less the leading
and trailing whitespace; each TIMEX3 inside it becomes a gold expression whose
offsets index that text. The publication date is the value of the TIMEX3
with functionInDocument="CREATION_TIME" inside <DCT>, the date TimeML
resolves every relative expression against. The split is by document.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from accuracy.splits import Split, hashed_split
from newsprism.model import Article


@dataclass(frozen=True)
class GoldTimex:
    start: int  # character span in Article.text
    end: int
    text: str
    type: str  # DATE, TIME, DURATION or SET
    value: str


@dataclass
class TimebankDoc:
    article: Article
    dct: str  # ISO date
    split: Split
    timexes: list[GoldTimex] = field(default_factory=list)


def split_of_doc(stem: str) -> Split:
    return hashed_split("timebank", stem)


def _flatten(elem: ET.Element, parts: list[str], found: list[tuple[ET.Element, int, int]]) -> None:
    """Append the text of ``elem``'s content to ``parts``; record each TIMEX3 with its span."""
    if elem.text:
        parts.append(elem.text)
    for child in elem:
        start = sum(map(len, parts))
        _flatten(child, parts, found)
        if child.tag == "TIMEX3":
            found.append((child, start, sum(map(len, parts))))
        if child.tail:
            parts.append(child.tail)


def creation_date(root: ET.Element) -> str:
    dct = root.find("DCT")
    for timex in dct.iter("TIMEX3") if dct is not None else []:
        if timex.get("functionInDocument") == "CREATION_TIME":
            return (timex.get("value") or "")[:10]
    raise ValueError("no TIMEX3 with functionInDocument=CREATION_TIME in <DCT>")


def parse_timeml(xml: str, stem: str) -> TimebankDoc:
    """One TimeML document (its XML text) as an Article with its gold TIMEX3s; ``stem`` names it."""
    root = ET.fromstring(xml)
    body = root.find("TEXT")
    if body is None:
        raise ValueError(f"{stem}: no <TEXT>")
    parts: list[str] = []
    found: list[tuple[ET.Element, int, int]] = []
    _flatten(body, parts, found)
    raw = "".join(parts)
    lead = len(raw) - len(raw.lstrip())
    text = raw.strip()
    timexes = [GoldTimex(s - lead, e - lead, text[s - lead:e - lead], t.get("type", ""), t.get("value", ""))
               for t, s, e in sorted(found, key=lambda x: x[1])]
    dct = creation_date(root)
    article = Article(id="timebank-" + stem, source=f"timebank/{stem}.tml", text=text, published=dct)
    return TimebankDoc(article=article, dct=dct, split=split_of_doc(stem), timexes=timexes)


def read_corpus(corpora: Path) -> list[TimebankDoc]:
    root = corpora / "timebank" / "tml"
    if not root.is_dir():
        raise FileNotFoundError(f"TimeBank documents not found at {root}")
    return [parse_timeml(p.read_text(encoding="utf-8"), p.stem) for p in sorted(root.glob("*.tml"))]
