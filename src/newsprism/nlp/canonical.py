"""One canonical entity per real-world referent across the articles of a story.

Outlets spell the same referent differently: transliterations (Yury/Yuri,
Dmitri/Dmitry, -sky/-skyy), first-name forms (Steve/Stephen), place
spellings (two romanisations of one city). Names are compared on a
transliteration key (accents stripped, common romanisation alternations
collapsed) with rapidfuzz, given and family names separately for people.
Two rules keep it from over-merging: entities an article keeps apart (its
own coreference found two referents) are never merged, and a fuzzy match of
places or organisations must share context (other entities the articles
mention).
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from newsprism.model import AnalyzedArticle, CanonicalEntity, Entity, EntityType

# Family names whose keys score at least this (rapidfuzz ratio, 0-100) are
# one name: Petrenko/Petrenco (92) pass, Ivanov/Ivanova (92) pass by design
# (the given name still has to agree), Ivanov/Ivashov (83) do not. Set on
# invented transliteration pairs in tests/nlp/test_canonical.py.
SURNAME_MIN_RATIO = 88
# Given names: Aleksandr/Alexander keys score 95, Sergey/Sergei are equal keys;
# Michael/Michelle (86) and Mikhail/Michael (77) stay apart.
GIVEN_MIN_RATIO = 88
# Places and organisations: whole-name keys at or above this are one name.
PLACE_MIN_RATIO = 88
# A short form is a nickname of a longer given name when it is this short
# and shares this many leading letters (Steve/Stephen, Rob/Robert), which
# keeps Michael/Michelle apart.
NICKNAME_MAX_LEN = 5
NICKNAME_PREFIX = 3
# Other entities two articles must both mention before a fuzzy place or
# organisation match is trusted.
CONTEXT_MIN_SHARED = 2

_TYPE_GROUP = {"GPE": "PLACE", "LOC": "PLACE"}
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "gen", "sen", "rep", "gov"})
# Romanisation alternations, applied in order to a lowercased accent-free word.
_TRANSLIT = (
    (re.compile(r"x"), "ks"), (re.compile(r"ph"), "f"), (re.compile(r"kh"), "h"), (re.compile(r"tz"), "ts"),
    (re.compile(r"j"), "y"), (re.compile(r"w"), "v"), (re.compile(r"ck"), "k"), (re.compile(r"q"), "k"),
    (re.compile(r"yy$"), "y"), (re.compile(r"(iy|ii|yi|ij)$"), "y"), (re.compile(r"ey$"), "ei"),
    (re.compile(r"y$"), "i"), (re.compile(r"(.)\1"), r"\1"),
)
# Letters NFKD does not split into base + accent.
_UNDECOMPOSED = str.maketrans({"đ": "d", "ø": "o", "ł": "l", "ß": "ss", "æ": "ae", "ı": "i", "œ": "oe", "þ": "th"})
_INITIALS = {"j": "y", "w": "v", "q": "k", "x": "k"}
_VOWELS = re.compile(r"[aeiouy]")
_NAME_SPLIT = re.compile(r"[\s\-]+")
_INITIAL = re.compile(r"[A-Z]\.?")


@functools.lru_cache(maxsize=65536)
def translit_key(word: str) -> str:
    """Normalise one word so that its romanisation variants collide ("Zelenskyy" -> "zelenski").

    Cached: a story's names repeat across its articles and mentions, and the
    dozen regex passes below were a tenth of cross-checking.
    """
    text = unicodedata.normalize("NFKD", word.lower().translate(_UNDECOMPOSED))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[^a-z]", "", text)
    if len(text) == 1:
        return _INITIALS.get(text, text)  # an initial: only the letter alternations apply
    for rx, rep in _TRANSLIT:
        text = rx.sub(rep, text)
    return text


@functools.lru_cache(maxsize=65536)
def _name_words(name: str) -> tuple[str, ...]:
    """The words of a name that identify it; cached (a tuple) as each name is split once per
    article that mentions it, twice more to name its cluster, and again per acronym comparison."""
    words = [w for w in _NAME_SPLIT.split(name) if w]
    words = [w for w in words if translit_key(w) and translit_key(w) not in _HONORIFICS]
    if words and words[0].lower() == "the":
        words = words[1:]
    return tuple([w for w in words if not _INITIAL.fullmatch(w)] or words)  # drop middle initials


@functools.lru_cache(maxsize=65536)
def _skeleton(key: str) -> str:
    """Cached: ``_fuzzy_merge`` compares every pair of a story's clusters, so each key comes back often."""
    return _VOWELS.sub("", key)


@dataclass
class _Node:
    """One article-local entity, with the keys used to compare it."""

    article_id: str
    entity: Entity
    group: str
    keys: list[str]
    context: frozenset[str] = frozenset()

    @functools.cached_property
    def full_key(self) -> str:
        """Cached: read for every pair of clusters ``_fuzzy_merge`` scores."""
        return " ".join(self.keys)


@dataclass
class _Cluster:
    nodes: list[_Node] = field(default_factory=list)

    @property
    def articles(self) -> set[str]:
        return {n.article_id for n in self.nodes}

    @property
    def context(self) -> frozenset[str]:
        return frozenset().union(*(n.context for n in self.nodes))


def link_story_entities(articles: list[AnalyzedArticle]) -> list[CanonicalEntity]:
    """Merge the articles' entities into one CanonicalEntity per referent, largest first."""
    nodes = _nodes(articles)
    clusters = _exact_clusters(nodes)
    clusters = _fuzzy_merge(clusters)
    clusters = _attach_single_names(clusters)
    out = [_canonical(c) for c in clusters]
    out.sort(key=lambda c: (-len(c.article_ids), c.name))
    return out


def _nodes(articles: list[AnalyzedArticle]) -> list[_Node]:
    out: list[_Node] = []
    for art in articles:
        keys_here = {translit_key(w) for e in art.entities for w in [e.name] if e.type != "NORP"}
        for ent in art.entities:
            words = _name_words(ent.name)
            keys = [translit_key(w) for w in words]
            keys = [k for k in keys if k]
            if not keys:
                continue
            out.append(_Node(article_id=art.id, entity=ent, group=_TYPE_GROUP.get(ent.type, ent.type), keys=keys,
                             context=frozenset(keys_here - {translit_key(ent.name)})))
    return out


def _exact_clusters(nodes: list[_Node]) -> list[_Cluster]:
    by_key: dict[tuple[str, str], _Cluster] = {}
    for n in nodes:
        by_key.setdefault((n.group, n.full_key), _Cluster()).nodes.append(n)
    return list(by_key.values())


def _compatible(a: _Cluster, b: _Cluster) -> bool:
    """Entities one article keeps apart are different referents: never merge such clusters."""
    return not (a.articles & b.articles)


def _fuzzy_merge(clusters: list[_Cluster]) -> list[_Cluster]:
    """Merge clusters of the same type group whose names match, best matches first."""
    pairs: list[tuple[float, int, int]] = []
    for i, a in enumerate(clusters):
        for j in range(i + 1, len(clusters)):
            b = clusters[j]
            if a.nodes[0].group != b.nodes[0].group:
                continue
            score = _match_score(a, b)
            if score is not None:
                pairs.append((score, i, j))
    pairs.sort(reverse=True)
    parent = list(range(len(clusters)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for _, i, j in pairs:
        ri, rj = find(i), find(j)
        if ri == rj or not _compatible(clusters[ri], clusters[rj]):
            continue
        clusters[ri].nodes.extend(clusters[rj].nodes)
        clusters[rj].nodes = []
        parent[rj] = ri
    return [c for c in clusters if c.nodes]


def _match_score(a: _Cluster, b: _Cluster) -> float | None:
    ka, kb = a.nodes[0].keys, b.nodes[0].keys
    group = a.nodes[0].group
    if group == "PERSON":
        if len(ka) < 2 or len(kb) < 2:
            return None  # lone surnames are attached afterwards, only when unambiguous
        return person_match(ka, kb)
    fa, fb = a.nodes[0].full_key, b.nodes[0].full_key
    score = fuzz.ratio(fa, fb)
    if score < PLACE_MIN_RATIO and not _same_skeleton(fa, fb):
        score = _acronym_score(a, b)
        if score is None:
            return None
    if len(a.context & b.context) < CONTEXT_MIN_SHARED:
        return None
    return score


def _same_skeleton(a: str, b: str) -> bool:
    """Kyiv/Kiev, Lviv/Lvov: same consonants in order, same first letter, similar length."""
    sa, sb = _skeleton(a), _skeleton(b)
    return len(sa) >= 2 and sa == sb and a[0] == b[0] and abs(len(a) - len(b)) <= 2


def _acronym_score(a: _Cluster, b: _Cluster) -> float | None:
    for x, y in ((a, b), (b, a)):
        name = x.nodes[0].entity.name.replace(".", "")
        if name.isupper() and len(y.nodes[0].keys) > 1:
            initials = "".join(w[0] for w in _name_words(y.nodes[0].entity.name)
                               if w.lower() not in ("of", "the", "and", "for") and w[:1].isupper())
            if initials == name:
                return 90.0
    return None


def person_match(ka: list[str], kb: list[str]) -> float | None:
    """Score two multi-word person names (transliteration keys), None when they are different people."""
    surname = fuzz.ratio(ka[-1], kb[-1])
    if surname < SURNAME_MIN_RATIO:
        return None
    ga, gb = ka[0], kb[0]
    given = fuzz.ratio(ga, gb)
    if given >= GIVEN_MIN_RATIO:
        return (surname + given) / 2
    if len(ga) == 1 or len(gb) == 1:
        return surname if ga[0] == gb[0] else None  # "J. Roe" and "Jane Roe"
    short, long_ = sorted((ga, gb), key=len)
    if len(short) <= NICKNAME_MAX_LEN and long_[:NICKNAME_PREFIX] == short[:NICKNAME_PREFIX]:
        return surname - 10  # nickname: weaker than a spelling variant
    return None


def _attach_single_names(clusters: list[_Cluster]) -> list[_Cluster]:
    """A bare "Roe" from an article that never gives a full name joins the one "<given> Roe" of the story."""
    multi = [c for c in clusters if c.nodes[0].group == "PERSON" and len(c.nodes[0].keys) > 1]
    for c in clusters:
        first = c.nodes[0]
        if first.group != "PERSON" or len(first.keys) != 1 or not c.nodes:
            continue
        word = first.keys[0]
        cands = [m for m in multi if m.nodes and _compatible(m, c)
                 and (fuzz.ratio(m.nodes[0].keys[-1], word) >= SURNAME_MIN_RATIO or m.nodes[0].keys[0] == word)]
        if len(cands) == 1:
            cands[0].nodes.extend(c.nodes)
            c.nodes = []
    return [c for c in clusters if c.nodes]


def _canonical(c: _Cluster) -> CanonicalEntity:
    names = Counter(n.entity.name for n in c.nodes)
    types = Counter(n.entity.type for n in c.nodes)
    etype: EntityType = types.most_common(1)[0][0]
    longest = max(len(_name_words(x)) for x in names)
    full = [x for x in names if len(_name_words(x)) == longest] if etype == "PERSON" else list(names)
    name = max(full, key=lambda x: (names[x], len(x)))
    aliases: Counter[str] = Counter()
    members: dict[str, list[str]] = {}
    for n in c.nodes:
        for alias in n.entity.aliases or [n.entity.name]:
            aliases[alias] += 1
        members.setdefault(n.article_id, []).append(n.entity.id)
    key = " ".join(translit_key(w) for w in _name_words(name))
    cid = "e-" + hashlib.sha1(f"{etype}:{key}".encode()).hexdigest()[:12]
    return CanonicalEntity(id=cid, name=name, type=etype,
                           aliases=[a for a, _ in sorted(aliases.items(), key=lambda kv: (-kv[1], kv[0]))],
                           article_ids=sorted(members), members=members)
