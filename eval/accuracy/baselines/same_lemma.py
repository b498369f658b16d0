"""The same-lemma baseline of the ECB+ literature, and verbs as event triggers.

Same lemma (Cybulska & Vossen, 2014; Upadhyay et al., 2016): within a
story, event mentions whose head lemma is the same form one cluster. The
head is the mention's last token and its lemma comes from newsprism's own
spaCy pipeline run on the whole document, so the baseline and newsprism read
the same tokens. It is a handful of lines over a parse, which no library
ships on its own. A mention with no lemma (not given to the baseline) is a
cluster of its own.

Verbs as triggers: every token spaCy tags VERB is an event mention, the
mention-detection baseline that asks nothing of an event lexicon.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

from spacy.language import Language


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    lemma: str
    pos: str


def parse(texts: Sequence[str], nlp: Language) -> list[list[Token]]:
    """The tokens of each text, with lower-cased lemma and coarse part of speech."""
    return [[Token(t.idx, t.idx + len(t.text), t.lemma_.lower(), t.pos_) for t in doc] for doc in nlp.pipe(texts)]


def head_lemma(tokens: Sequence[Token], start: int, end: int) -> str | None:
    """The lemma of the last token overlapping [start, end), or None when none does."""
    i = bisect_left([t.start for t in tokens], end) - 1
    return tokens[i].lemma if i >= 0 and tokens[i].end > start else None


def same_lemma_clusters(mentions: Iterable[tuple[Hashable, Hashable, str | None]]) -> dict[Hashable, Hashable]:
    """(mention, story, head lemma or None) -> mention -> cluster: one cluster per story and lemma."""
    return {m: (story, lemma) if lemma is not None else ("alone", m) for m, story, lemma in mentions}


def verb_spans(tokens: Iterable[Token]) -> list[tuple[int, int]]:
    return [(t.start, t.end) for t in tokens if t.pos == "VERB"]
