"""Turn an analysed article into the sparse features that tell stories apart.

Two reports of one story share more than topic words: they name the same
people, places and organisations, repeat the same numbers (a magnitude, a
death toll, a year) and are published within days of each other. Two
look-alike events (two earthquakes, two trials for the same crime) share the
topic words but differ exactly on those specifics. So an article becomes a
bag of prefixed features, each group with its own weight:

* ``w:`` content words of the body (lowercased, stopwords removed, plurals
  folded);
* ``t:`` the same for the title, counted again because a headline states
  what the story is about;
* ``e:`` the tokens of named entities (from the analysis stage when it found
  any, otherwise capitalised words that do not open a sentence), which are
  the most distinctive cue between look-alike events;
* ``n:`` numbers (years, magnitudes, tolls), which separate two events of the
  same kind;
* ``v:`` event types found by the analysis stage.

Weights are TF-IDF-like: ``(1 + log tf) * idf * group weight`` with the
document frequency counted over a background of general English and the
articles seen so far (see ``DocumentFrequency``), so one streaming pass needs
no second look at the corpus.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from newsprism.model import AnalyzedArticle

# Group weights. They rank an article's features for the two cuts made
# after weighting (the MAX_ARTICLE_FEATURES kept, the strongest used as index
# keys), favouring entity tokens and numbers, which tell look-alike events
# apart. They do not weigh groups against each other in the similarity,
# which takes one cosine per group (similarity.py, SIMILARITY_WEIGHTS). Set
# on the development halves (grid {1,2,3} per group) with the former
# single-cosine similarity, and kept.
WEIGHT_WORD = 1.0
WEIGHT_TITLE = 1.0
WEIGHT_ENTITY = 3.0
WEIGHT_NUMBER = 2.0
WEIGHT_EVENT_TYPE = 0.5

# Entity types whose names identify a story (dates and "OTHER" do not).
_NAMED_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT"})

# Features kept per article after weighting: enough to describe a news story,
# few enough to keep centroids small at a million articles.
MAX_ARTICLE_FEATURES = 150

WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]|\d+(?:[.,]\d+)*")
# A capitalised word, with the sentence end before it captured when there is one.
_CAPITALISED_RE = re.compile(r"([.!?:;\"“”\n]\s*)?\b([A-Z][A-Za-z'’\-]*[A-Za-z])")

_STOPWORDS = frozenset(
    """a about above according across after afterwards again against ago all almost alone along already also
    although always am among amongst an and another any anyone anything anyway anywhere are around as at back be
    became because become becomes been before beforehand behind being below beside besides between beyond both
    but by can cannot could did do does doing done down due during each either else elsewhere enough even ever
    every everyone everything everywhere except few first for former formerly from further get gets got had has
    have having he her here hers herself him himself his how however i if in including inside into is it its
    itself just last latter least less like made make many may me meanwhile might mine more moreover most mostly
    much must my myself near neither never nevertheless new next no nobody none nor not nothing now nowhere of off
    often on once one only onto or other others otherwise our ours ourselves out over own per perhaps put rather
    re really said same say says see seem seemed seems several she should show since so some someone something
    sometime sometimes somewhere still such than that the their theirs them themselves then there thereafter
    thereby therefore these they this those though through throughout thus to together too told toward towards
    under until up upon us used very via was we well were what whatever when whenever where whereas wherever
    whether which while who whoever whole whom whose why will with within without would yet you your yours
    yourself yourselves mr mrs ms dr s t don didn doesn isn wasn weren won wouldn couldn shouldn ll ve d m
    year years day days week weeks month months time times people percent monday tuesday wednesday thursday
    friday saturday sunday january february march april june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec today yesterday tomorrow tonight news report reports
    reported reporting http https www com html htm article story""".split()
)


@dataclass
class ArticleFeatures:
    """Raw feature counts of one article, before weighting (see ``weigh``)."""

    id: str
    day: int | None  # proleptic ordinal of the publication date, None when unknown
    counts: Counter[str]
    duplicate_of: str | None = None


# The background the document frequencies start from: a run of four
# articles knows nothing of which words are common, so "trial" and "court"
# weigh as much as a defendant's name, and two trials in one city read as one
# story. wordfreq's English list (Wikipedia, news, books, subtitles, web text)
# says how common each word is; it counts as BACKGROUND_DOCS documents of
# BACKGROUND_DOC_WORDS words, enough to steer a small run and soon outweighed
# by a large one. Set on the development halves of BASIL and ECB+ with the
# join threshold (eval/stories_*.py --split dev; grid {300, 1000, 3000}
# documents): the best mean B-cubed F1 among the settings that keep the
# look-alike events of tests/stories apart.
BACKGROUND_DOCS = 3000
BACKGROUND_DOC_WORDS = 500


@lru_cache(maxsize=1 << 18)
def background_share(feature: str) -> float:
    """Share of background documents that hold the feature's word: 1 - exp(-words per document * frequency).

    Numbers and event types have no background: they are 0.

    wordfreq is imported here, not with the module: only the clusterer asks
    for background shares, while ``newsprism batch``'s workers import this
    module to count features, and the fork server that every worker waits
    for would spend 0.15 s importing it.
    """
    if feature[0] not in "wte":
        return 0.0
    from wordfreq import word_frequency

    return 1.0 - math.exp(-BACKGROUND_DOC_WORDS * word_frequency(feature[2:], "en"))


class DocumentFrequency:
    """Document frequencies over the background and the articles seen so far, for streaming IDF.

    Counting as articles arrive keeps one pass enough and makes a batch run
    equal to a stream of the same articles; the background (see
    ``BACKGROUND_DOCS``) gives the first articles sensible weights.
    """

    def __init__(self) -> None:
        self.docs = 0
        self.df: Counter[str] = Counter()

    def add(self, features: ArticleFeatures) -> None:
        self.docs += 1
        self.df.update(features.counts.keys())

    def idf(self, feature: str) -> float:
        seen = self.df.get(feature, 0) + BACKGROUND_DOCS * background_share(feature)
        return math.log((self.docs + BACKGROUND_DOCS) / (seen + 1)) + 1.0


_GROUP_WEIGHTS = {
    "w": WEIGHT_WORD,
    "t": WEIGHT_TITLE,
    "e": WEIGHT_ENTITY,
    "n": WEIGHT_NUMBER,
    "v": WEIGHT_EVENT_TYPE,
}


def weigh(features: ArticleFeatures, df: DocumentFrequency) -> dict[str, float]:
    """Return the unit-length TF-IDF vector of ``features``, its strongest features only."""
    vec = {
        f: (1.0 + math.log(tf)) * df.idf(f) * _GROUP_WEIGHTS[f[0]]
        for f, tf in features.counts.items()
    }
    if len(vec) > MAX_ARTICLE_FEATURES:
        vec = dict(sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_ARTICLE_FEATURES])
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {f: v / norm for f, v in vec.items()}


def extract_features(analyzed: AnalyzedArticle) -> ArticleFeatures:
    """Count the word, title, entity, number and event-type features of one article."""
    art = analyzed.article
    counts: Counter[str] = Counter()
    text = art.text or ""
    for tok, n in Counter(WORD_RE.findall(text)).items():
        key = _term(tok)
        if key:
            counts[key] += n
    for tok in WORD_RE.findall(art.title or ""):
        key = _term(tok)
        if key and key[0] == "w":
            counts["t:" + key[2:]] += 1
    entity_counts = _entity_counts(analyzed)
    counts.update(entity_counts)
    for ev in analyzed.events:
        if ev.type:
            counts["v:" + ev.type] += 1
    return ArticleFeatures(id=art.id, day=parse_day(art.published), counts=counts, duplicate_of=art.duplicate_of)


def parse_day(published: str | None) -> int | None:
    """Return the date ordinal of an ISO date or datetime string, None if absent or unreadable."""
    if not published or len(published) < 10:
        return None
    try:
        return date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


def fold_word(word: str) -> str:
    """Lowercase and fold plurals and possessives so "quakes" meets "quake"."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'-")
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


@lru_cache(maxsize=1 << 18)
def _term(tok: str) -> str | None:
    """Map a raw token to its feature key: ``n:`` for numbers, ``w:`` for content words."""
    if tok[0].isdigit():
        value = tok.replace(",", "")
        if len(value) < 2:
            return None
        return "n:" + value
    w = fold_word(tok)
    if len(w) < 2 or w in _STOPWORDS:
        return None
    return "w:" + w


def _entity_counts(analyzed: AnalyzedArticle) -> Counter[str]:
    """Entity-token counts from the analysis, or from capitalised words when it found none."""
    counts: Counter[str] = Counter()
    named = [e for e in analyzed.entities if e.type in _NAMED_TYPES]
    if named:
        for ent in named:
            n = max(1, sum(1 for m in ent.mentions if m.kind == "name"))
            for tok in WORD_RE.findall(ent.name):
                w = fold_word(tok)
                if len(w) > 1 and w not in _STOPWORDS and not tok[0].isdigit():
                    counts["e:" + w] += n
        return counts
    return _capitalised_counts(analyzed.article.text or "")


def _capitalised_counts(text: str) -> Counter[str]:
    """Count capitalised words that do not open a sentence: a cheap stand-in for names."""
    counts: Counter[str] = Counter()
    for opener, tok in _CAPITALISED_RE.findall(text):
        if opener:
            continue
        key = _term(tok)
        if key and key[0] == "w":
            counts["e:" + key[2:]] += 1
    return counts
