"""Attribution relations scored by cue placement and source head, one-to-one per article.

Matching rule. A predicted attribution and a gold relation match when

1. they sit at the same place: the predicted cue span overlaps one of the
   gold cue's pieces, or, for a prediction that carries no cue span, the gold
   cue starts inside the predicted sentence span; and
2. (for the source-matched score only) the sources agree: the predicted
   source's head word, the last word of its source string lowercased with a
   possessive "'s" dropped (a pronoun is its own head), is one of the words of
   the gold source text; or one of the places where the prediction says its
   source is mentioned (``source_spans``: an entity mention, the head token)
   overlaps the gold source span; or the gold source is a bare pronoun ("he",
   "they", "who"), whose referent the gold does not name: a system that
   resolves it names the referent instead, and without coreference gold any
   source at the gold cue is taken. ``pronoun_credit`` counts the matches
   that rest on this last case alone, so a reader can see its weight.

Pairs are matched one-to-one by maximum bipartite matching within an
article, so one gold relation never credits two predictions.

Convention. Only gold relations with a source span are due (the recall
denominator). A prediction left unmatched counts against precision, unless
its place holds a gold relation without a source span (a passive or
implicit one): annotators saw an attribution there, so the prediction is not
spurious, but no source can be checked, and it is left out of both counts.
Recall is also split by cue type: a gold cue with a form of "say" or "tell"
or the word "according" among its words ("said", "told reporters",
"according to", "said in a statement") is ``say/tell/according``; every other
cue (other verbs, nouns, punctuation) is ``other``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from accuracy.metrics.prf import PRF, prf

Span = tuple[int, int]  # [start, end) into the article text

SAY_TELL_ACCORDING = "say/tell/according"
OTHER_CUE = "other"
CUE_TYPES = (SAY_TELL_ACCORDING, OTHER_CUE)
_SAY_FORMS = frozenset({"say", "says", "said", "saying", "tell", "tells", "told", "telling", "according"})
_POSSESSIVE = re.compile(r"['\u2019]s\b")
_WORD = re.compile(r"\w+")
# Pronouns that stand alone as a source: personal, and the relative "who" / "which" / "that".
_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "it", "they", "me", "us", "him", "her", "them",
                       "who", "whom", "which", "that", "one", "someone", "somebody", "anyone", "everyone"})


@dataclass(frozen=True)
class GoldAttribution:
    """One annotated relation: its cue pieces and source (text and pieces); ``source`` None when unsourced."""

    cue: tuple[Span, ...]
    cue_text: str
    source: str | None
    source_spans: tuple[Span, ...] = ()


@dataclass(frozen=True)
class PredictedAttribution:
    """One predicted relation: ``cue`` None when the system gave no cue span; ``sentence`` places it then."""

    cue: Span | None
    sentence: Span
    head: str
    source_spans: tuple[Span, ...] = ()


@dataclass(frozen=True)
class AttributionScore:
    """Counts over one or more articles; ``by_cue_type`` maps a cue type to (matched, due) gold relations."""

    source: PRF
    cue: PRF
    by_cue_type: dict[str, tuple[int, int]] = field(default_factory=dict)
    pronoun_credit: int = 0  # source matches that rest only on a bare gold pronoun

    def recall_of(self, cue_type: str) -> float | None:
        hit, due = self.by_cue_type.get(cue_type, (0, 0))
        return hit / due if due else None

    def due_of(self, cue_type: str) -> int:
        return self.by_cue_type.get(cue_type, (0, 0))[1]

    def __add__(self, other: AttributionScore) -> AttributionScore:
        kinds = self.by_cue_type.keys() | other.by_cue_type.keys()
        merged = {k: tuple(a + b for a, b in zip(self.by_cue_type.get(k, (0, 0)),
                                                  other.by_cue_type.get(k, (0, 0)), strict=True))
                  for k in kinds}
        return AttributionScore(self.source + other.source, self.cue + other.cue, merged,  # type: ignore[arg-type]
                                self.pronoun_credit + other.pronoun_credit)


EMPTY = AttributionScore(PRF(0, 0, 0), PRF(0, 0, 0), {})


def words(text: str) -> list[str]:
    """Lowercased words with a possessive "'s" dropped: "Trump's aides" -> ["trump", "aides"]."""
    return _WORD.findall(_POSSESSIVE.sub("", text.lower()))


def head_word(source: str) -> str:
    """The head of an English noun phrase as a string: its last word ("" for none)."""
    ws = words(source)
    return ws[-1] if ws else ""


def cue_type(cue_text: str) -> str:
    return SAY_TELL_ACCORDING if set(words(cue_text)) & _SAY_FORMS else OTHER_CUE


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _placed(p: PredictedAttribution, g: GoldAttribution) -> bool:
    if not g.cue:
        return False
    if p.cue is not None:
        return any(_overlaps(p.cue, piece) for piece in g.cue)
    return p.sentence[0] <= g.cue[0][0] < p.sentence[1]


def _same_head(p: PredictedAttribution, g: GoldAttribution) -> bool:
    """The head-word or mention-place agreement (rule 2 without its pronoun case)."""
    if g.source is None:
        return False
    if p.head and p.head in words(g.source):
        return True
    return any(_overlaps(a, b) for a in p.source_spans for b in g.source_spans)


def _bare_pronoun(g: GoldAttribution) -> bool:
    ws = words(g.source or "")
    return len(ws) == 1 and ws[0] in _PRONOUNS


def _same_source(p: PredictedAttribution, g: GoldAttribution) -> bool:
    return _same_head(p, g) or _bare_pronoun(g)


def _max_matching(edges: list[list[int]], n_right: int) -> dict[int, int]:
    """Maximum bipartite matching (augmenting paths): left index -> right index."""
    owner: list[int | None] = [None] * n_right

    def augment(left: int, seen: set[int]) -> bool:
        for right in edges[left]:
            if right in seen:
                continue
            seen.add(right)
            if owner[right] is None or augment(owner[right], seen):  # type: ignore[arg-type]
                owner[right] = left
                return True
        return False

    for left in range(len(edges)):
        augment(left, set())
    return {left: right for right, left in enumerate(owner) if left is not None}


def _match(pred: Sequence[PredictedAttribution], gold: Sequence[GoldAttribution], due: list[int],
           unsourced: list[int], with_source: bool) -> tuple[PRF, dict[int, int]]:
    """The counts and the matching (prediction index -> gold index)."""
    edges = [[j for j, g in enumerate(due) if _placed(p, gold[g]) and (not with_source or _same_source(p, gold[g]))]
             for p in pred]
    matched = _max_matching(edges, len(due))
    neutral = sum(1 for i, p in enumerate(pred)
                  if i not in matched and any(_placed(p, gold[u]) for u in unsourced))
    return prf(len(matched), len(pred) - neutral, len(due)), {i: due[j] for i, j in matched.items()}


def score_article(gold: Sequence[GoldAttribution], pred: Sequence[PredictedAttribution]) -> AttributionScore:
    """The counts of one article (see the module docstring for the rule)."""
    due = [i for i, g in enumerate(gold) if g.source is not None]
    unsourced = [i for i, g in enumerate(gold) if g.source is None]
    source, pairs = _match(pred, gold, due, unsourced, with_source=True)
    cue, _ = _match(pred, gold, due, unsourced, with_source=False)
    hits = set(pairs.values())
    by_type: dict[str, tuple[int, int]] = {}
    for i in due:
        kind = cue_type(gold[i].cue_text)
        hit, n = by_type.get(kind, (0, 0))
        by_type[kind] = (hit + (i in hits), n + 1)
    credit = sum(1 for p, g in pairs.items() if not _same_head(pred[p], gold[g]))
    return AttributionScore(source, cue, by_type, credit)


def score_corpus(pairs: Sequence[tuple[Sequence[GoldAttribution], Sequence[PredictedAttribution]]]
                 ) -> AttributionScore:
    """The counts summed over articles, each scored on its own (matches never cross articles)."""
    total = EMPTY
    for gold, pred in pairs:
        total = total + score_article(gold, pred)
    return total
