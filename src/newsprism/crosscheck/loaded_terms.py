"""Tell loaded wording ("dictator", "regime", "phony", "henchmen") from neutral wording.

Framing is only useful to a reader if it says which of two outlets' words
carries a judgement. The detector is a lexicon of word stems with weights,
learned from the lexical-bias spans that BASIL's annotators marked (word
log-odds of appearing inside a loaded span rather than elsewhere in the same
articles; see ``eval/build_loaded_lexicon.py``), plus a short hand-written
list of political labels that are loaded in any outlet's mouth. Only stems
and weights are stored, never the annotated sentences.

The learner lives here too (``learn_weights``) so that the build script and
the held-out evaluation (``eval/framing_basil.py``) train exactly the same way.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

LEXICON_PATH = Path(__file__).resolve().parent.parent / "data" / "loaded_lexicon.json"

# A phrase is loaded when its strongest word reaches this weight. Set with
# eval/framing_basil.py (train on some BASIL years, test on the others): 1.0 is
# where span recall stops rising faster than token precision falls.
LOADED_THRESHOLD = 1.0

# Learner settings, chosen with the same cross-validation (`--grid`): keeping
# stems seen in a single span, but only with z >= MIN_Z under the pooled prior,
# nearly doubles held-out span recall over requiring two spans (0.18 vs 0.10)
# at no loss of word precision (0.053 vs 0.049).
MIN_SPAN_COUNT = 1
MIN_Z = 1.96
PRIOR_STRENGTH = 500.0

# Political labels and verbs of judgement that are loaded whoever uses them
# (hand-written from general usage, not from any corpus). Weight 2.0 puts them
# above the threshold whatever the learned lexicon says.
HAND_LOADED: dict[str, float] = {w: 2.0 for w in (
    "dictator", "dictatorship", "regime", "strongman", "tyrant", "tyranny", "despot", "autocrat",
    "junta", "puppet", "stooge", "henchman", "henchmen", "thug", "terrorist", "terrorism",
    "extremist", "fanatic", "zealot", "warmonger", "warlord", "propaganda", "mouthpiece",
    "butcher", "slaughter", "massacre", "atrocity", "barbaric", "brutal", "savage",
    "illegitimate", "sham", "phony", "bogus", "rogue", "pariah", "radical", "oligarch",
    "crony", "cronies", "lackey", "jihadist", "insurgent", "occupier", "aggressor", "unprovoked",
    "criminal", "genocidal", "authoritarian", "totalitarian", "hardline", "hardliner",
)}

# Function words never carry the judgement even when they sit inside a span.
_STOP = frozenset(
    "a an the of in on at to for from by with and or but not no nor as is are was were be been being "
    "it its this that these those he she they them his her their our we you i me my your who whom "
    "which what when where why how than then there here so if also very just about into over after "
    "before up down out off has have had do does did will would can could should may might must "
    "said says say s t".split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")


@dataclass(frozen=True)
class LexiconStats:
    """What a training run saw, printed by the build and eval scripts."""

    spans: int
    span_tokens: int
    other_tokens: int
    kept: int


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Reduce a word to a crude stem ("complained" -> "complain", "regimes" -> "regime").

    A light suffix stripper keeps the detector free of spaCy, so the cross-check
    stays cheap; it only has to make inflections of one word meet. Cached: a
    story's sentences share most of their words (on BASIL + ECB+, six calls per distinct word).
    """
    w = word.lower().strip("'-")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
    elif len(w) > 4 and w.endswith("ed"):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "ls":
        w = w[:-1]  # "stopped" -> "stopp" -> "stop"
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]  # "praise" and "praised" both -> "prais"
    return w


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Content words of ``text`` as (stem, start, end), stopwords dropped."""
    out = []
    for m in _WORD.finditer(text):
        word = m.group()
        if word.lower() not in _STOP:
            out.append((stem(word), m.start(), m.end()))
    return out


def learn_weights(
    docs: Iterable[tuple[str, list[tuple[int, int]]]],
    *,
    min_span_count: int = MIN_SPAN_COUNT,
    min_z: float = MIN_Z,
) -> tuple[dict[str, float], LexiconStats]:
    """Learn stem -> weight from texts with their loaded spans.

    ``docs`` yields (text, [(start, end), ...]) where the spans are the
    annotated loaded wording. Weight is the log-odds ratio of a stem inside
    spans vs outside them, with an informative Dirichlet prior from the
    pooled counts (Monroe et al. 2008), kept when its z-score passes ``min_z``.
    """
    inside: Counter[str] = Counter()
    outside: Counter[str] = Counter()
    span_hits: Counter[str] = Counter()
    n_spans = 0
    for text, spans in docs:
        n_spans += len(spans)
        for st, s0, s1 in tokens(text):
            if any(a <= s0 and s1 <= b for a, b in spans):
                inside[st] += 1
            else:
                outside[st] += 1
        for a, b in spans:
            for st in {t for t, _, _ in tokens(text[a:b])}:
                span_hits[st] += 1
    n_in, n_out = sum(inside.values()), sum(outside.values())
    pooled = inside + outside
    n_all = n_in + n_out
    weights: dict[str, float] = {}
    for st, hits in span_hits.items():
        if hits < min_span_count:
            continue
        alpha = PRIOR_STRENGTH * pooled[st] / n_all
        a0 = PRIOR_STRENGTH
        y_in, y_out = inside[st], outside[st]
        delta = math.log((y_in + alpha) / (n_in + a0 - y_in - alpha)) - math.log(
            (y_out + alpha) / (n_out + a0 - y_out - alpha))
        z = delta / math.sqrt(1.0 / (y_in + alpha) + 1.0 / (y_out + alpha))
        if z >= min_z:
            weights[st] = round(delta, 3)
    stats = LexiconStats(spans=n_spans, span_tokens=n_in, other_tokens=n_out, kept=len(weights))
    return weights, stats


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, float]:
    """The learned weights merged with the hand list (the stronger weight wins)."""
    learned: dict[str, float] = {}
    if LEXICON_PATH.is_file():
        learned = json.loads(LEXICON_PATH.read_text(encoding="utf-8")).get("weights", {})
    merged = dict(learned)
    for word, w in HAND_LOADED.items():
        st = stem(word)
        merged[st] = max(merged.get(st, 0.0), w)
    return merged


def word_weights(text: str, lexicon: dict[str, float] | None = None) -> list[tuple[str, int, int, float]]:
    """Each content word of ``text`` with its loaded weight (0 when neutral)."""
    lex = _lexicon() if lexicon is None else lexicon
    return [(text[s:e], s, e, lex.get(st, 0.0)) for st, s, e in tokens(text)]


def loaded_score(text: str, lexicon: dict[str, float] | None = None) -> float:
    """The weight of the most loaded word in ``text`` (0.0 for neutral wording).

    The stems of ``tokens`` without their offsets: ``findall`` makes no match
    objects, and the brief scores every evidence sentence of every event.
    """
    lex = _lexicon() if lexicon is None else lexicon
    return max((lex.get(stem(w), 0.0) for w in _WORD.findall(text) if w.lower() not in _STOP), default=0.0)


def is_loaded(term: str, lexicon: dict[str, float] | None = None) -> bool:
    """Whether ``term`` carries a judgement ("Belarusian dictator": yes; "Belarusian President": no)."""
    return loaded_score(term, lexicon) >= LOADED_THRESHOLD
