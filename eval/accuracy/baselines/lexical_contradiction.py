"""A lexical self-contradiction baseline: two near-identical sentences that differ by a negation or a number.

A baseline for the evaluation only, not a newsprism mechanism. Edited
self-contradictions often restate a sentence of the document with a "not"
added or a figure changed; this rule looks for exactly that and nothing
else. Two sentences of a document form a candidate pair when their content
words (lower-cased, stop words, negation words and numbers left out) overlap
by Jaccard similarity and one holds a negation word the other lacks, or both
hold numbers and the numbers differ. A document's score is the highest
Jaccard of its candidate pairs (0 without one); it is called contradictory
when the score reaches the threshold, which ``choose_threshold`` picks on the
tune split (best accuracy on a fixed grid). No library offers such a rule,
hence this small module.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from accuracy.metrics.detection import accuracy

# A sentence ends at . ! or ? before whitespace, or at a line break ("3.5" and "U.S." stay whole).
_BREAK = re.compile(r"(?<=[.!?])\s+|\n+")
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
NEGATIONS = frozenset("not no never none nobody nothing neither nor without cannot n't".split())
_STOP = frozenset(
    "a an the and or but if of in on at to for from by with as is are was were be been being has have had do "
    "does did this that these those it its he she they them his her their him we our you your i me my which who "
    "whom whose what when where while also than then there so such into onto over under after before about "
    "s".split())
# Sentences with fewer content words are skipped: two three-word lines match by chance.
MIN_CONTENT_WORDS = 4
# The thresholds choose_threshold tries.
GRID = tuple(round(0.05 * i, 2) for i in range(1, 20))


@dataclass(frozen=True)
class _Sentence:
    start: int
    end: int
    content: frozenset[str]
    negated: bool
    numbers: frozenset[str]


@dataclass(frozen=True)
class Candidate:
    """The document's best pair: its similarity and the two sentences' spans."""

    score: float
    first: tuple[int, int]
    second: tuple[int, int]


def _spans(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for m in _BREAK.finditer(text):
        bounds.append((start, m.start()))
        start = m.end()
    return bounds + [(start, len(text))]


def _sentences(text: str) -> list[_Sentence]:
    out = []
    for start, end in _spans(text):
        sentence = text[start:end]
        words = _WORD.findall(sentence.lower().replace("n't", " n't"))
        content = frozenset(w for w in words if w not in _STOP and w not in NEGATIONS and len(w) > 1)
        if len(content) >= MIN_CONTENT_WORDS:
            out.append(_Sentence(start, end, content, any(w in NEGATIONS for w in words),
                                 frozenset(_NUMBER.findall(sentence))))
    return out


def _differ(a: _Sentence, b: _Sentence) -> bool:
    return a.negated != b.negated or (bool(a.numbers) and bool(b.numbers) and a.numbers != b.numbers)


def best_pair(text: str) -> Candidate | None:
    """The most similar pair of sentences that differ by a negation or a number; None without one."""
    sents = _sentences(text)
    best: Candidate | None = None
    for i, a in enumerate(sents):
        for b in sents[i + 1:]:
            if not _differ(a, b):
                continue
            score = len(a.content & b.content) / len(a.content | b.content)
            if best is None or score > best.score:
                best = Candidate(score, (a.start, a.end), (b.start, b.end))
    return best


def predicts(candidate: Candidate | None, threshold: float) -> bool:
    return candidate is not None and candidate.score >= threshold


def choose_threshold(candidates: Sequence[Candidate | None], gold: Sequence[bool]) -> float:
    """The GRID threshold with the best accuracy on the documents given (the tune split's).

    Accuracy, not F1: with about a third of the documents contradictory, F1
    of 'contradictory' is highest when the rule fires on nearly everything,
    which turns it into the always-yes floor reported beside it. Ties go to
    the higher threshold, the rule that fires less often.
    """
    def correct(t: float) -> float:
        return accuracy(gold, [predicts(c, t) for c in candidates]) or 0.0

    return max(reversed(GRID), key=correct)
