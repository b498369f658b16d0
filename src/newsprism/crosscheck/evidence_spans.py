"""Find the sentence around a span, so every finding can show where it came from.

The per-article analysis gives sentences; an article analysed without them
(a stub, a cached older analysis) still gets a sentence from a plain split
on end punctuation and line breaks.
"""

from __future__ import annotations

import re

from newsprism.model import AnalyzedArticle, Sentence

_BOUNDARY = re.compile(r"(?<=[.!?\"”])\s+(?=[A-Z\"“(\[])|\n+")


def sentences_of(analyzed: AnalyzedArticle) -> list[Sentence]:
    """The article's sentences: the analysis's own, else a punctuation split."""
    if analyzed.sentences:
        return analyzed.sentences
    text = analyzed.article.text
    out, pos = [], 0
    for m in list(_BOUNDARY.finditer(text)) + [None]:
        end = m.start() if m else len(text)
        raw = text[pos:end]
        if raw.strip():
            start = pos + len(raw) - len(raw.lstrip())
            out.append(Sentence(start=start, end=start + len(raw.strip()), text=raw.strip()))
        pos = m.end() if m else len(text)
    return out


def sentence_at(analyzed: AnalyzedArticle, start: int, end: int | None = None) -> Sentence:
    """The sentence holding ``start`` (a one-line span of the text when none does)."""
    for s in sentences_of(analyzed):
        if s.start <= start < s.end or (s.start == start == s.end):
            return s
    text = analyzed.article.text
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end if end is not None else start)
    b = len(text) if b < 0 else b
    return Sentence(start=a, end=b, text=text[a:b])
