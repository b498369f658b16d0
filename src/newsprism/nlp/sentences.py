"""Sentences with offsets into Article.text."""

from __future__ import annotations

from spacy.tokens import Doc

from newsprism.model import Sentence


def extract_sentences(doc: Doc, *, end: int | None = None, text: str | None = None) -> list[Sentence]:
    """Return the parser's sentences that start before ``end``, trimmed of surrounding whitespace.

    Offsets are those of ``doc.text`` (the article text), so a sentence can be
    highlighted as is; blank "sentences" (paragraph breaks) are dropped.
    ``text`` is ``doc.text`` when the caller has built it already: Doc
    rebuilds that string on every access, at a cost near the whole extractor's.
    """
    if text is None:
        text = doc.text
    limit = len(text) if end is None else end
    out: list[Sentence] = []
    for sent in doc.sents:
        if sent.start_char >= limit:
            break
        raw = text[sent.start_char:min(sent.end_char, limit)]
        stripped = raw.strip()
        if not stripped:
            continue
        start = sent.start_char + (len(raw) - len(raw.lstrip()))
        out.append(Sentence(start=start, end=start + len(stripped), text=stripped))
    return out
