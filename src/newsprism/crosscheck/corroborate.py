"""Count the independent sources behind each story event and show who relays whom.

Five articles that all say "according to TASS" are one source, not five;
a syndicated copy is its original. An article that reports the event in
its own voice counts for its outlet (once per outlet, however many of its
articles the story holds). An article that reports it only on someone's
word counts for the furthest upstream source of that word ("TASS said,
citing the Kremlin" counts for the Kremlin), so that it and an article
quoting "the Kremlin said" count once together.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsprism.crosscheck.align import AlignedEvent, FrameRef
from newsprism.crosscheck.values import fold, source_key
from newsprism.model import AnalyzedArticle, Attribution, CanonicalEntity


@dataclass
class _Origin:
    """Where one article's report of an event comes from."""

    key: str  # what counts once
    source: str | None  # the upstream source's name, None when the article speaks for itself
    chain: list[str]


def corroborate(aligned: list[AlignedEvent], articles: list[AnalyzedArticle], *,
                entities: list[CanonicalEntity] = ()) -> None:
    """Fill ``independent_sources`` and ``relays`` of every event in place.

    ``entities`` (the story's canonical entities) let "Dmitri Orlov", "Orlov"
    and "presidential envoy Dmitri Orlov" count as one source.
    """
    by_id = {a.id: a for a in articles}
    names = _entity_names(entities)
    for ev in aligned:
        origins: dict[str, _Origin] = {}
        relays: dict[str, dict] = {}
        for aid in ev.event.article_ids:
            refs = sorted((r for r in ev.frames if r.article.id == aid), key=lambda r: r.frame.start)
            found = _origins(refs, by_id, names)
            if found:
                # One article is one report: it counts once, for its own voice or its first-cited source.
                origins.setdefault(found[0].key, found[0])
            for origin in found:
                if origin.source is None:
                    continue
                relay = relays.setdefault(origin.key, {"source": origin.source, "article_ids": [], "chains": []})
                if aid not in relay["article_ids"]:
                    relay["article_ids"].append(aid)
                if len(origin.chain) > 1 and origin.chain not in relay["chains"]:
                    relay["chains"].append(origin.chain)
        ev.event.independent_sources = len(origins)
        ev.event.relays = sorted(relays.values(), key=lambda r: (-len(r["article_ids"]), r["source"]))


def _entity_names(entities: list[CanonicalEntity]) -> dict[str, str]:
    """Folded name, alias or (when unique) surname of a canonical entity -> its key."""
    names: dict[str, str] = {}
    surnames: dict[str, set[str]] = {}
    for ent in entities:
        for n in [ent.name, *ent.aliases]:
            names.setdefault(fold(n), "ent:" + ent.id)
        words = fold(ent.name).split()
        if ent.type == "PERSON" and len(words) > 1:
            surnames.setdefault(words[-1], set()).add("ent:" + ent.id)
    for surname, ids in surnames.items():
        if len(ids) == 1:
            names.setdefault(surname, next(iter(ids)))
    return names


def _source_identity(name: str, names: dict[str, str]) -> str:
    """The entity a source names, read from its end ("Kremlin aide Yuri Ushakov" -> Yuri Ushakov)."""
    words = fold(name).split()
    for i in range(len(words)):
        hit = names.get(" ".join(words[i:]))
        if hit:
            return hit
    return "src:" + source_key(name)


def _origins(refs: list[FrameRef], by_id: dict[str, AnalyzedArticle], names: dict[str, str]) -> list[_Origin]:
    """One origin when any sentence reports the event unattributed; else one per upstream source, in text order."""
    article = refs[0].article
    own: list[_Origin] = []
    relayed: list[_Origin] = []
    for r in refs:
        chain = _chain(article, r)
        if not chain:
            own.append(_own_origin(article, by_id))
        else:
            relayed.append(_Origin(key=_source_identity(chain[-1], names), source=chain[-1], chain=chain))
    if own:
        return own[:1]
    unique: dict[str, _Origin] = {}
    for o in relayed:
        unique.setdefault(o.key, o)
    return list(unique.values())


def _own_origin(article: AnalyzedArticle, by_id: dict[str, AnalyzedArticle]) -> _Origin:
    """The outlet the article speaks for; a near-duplicate speaks for its original."""
    root = article
    seen = {root.id}
    while root.article.duplicate_of and root.article.duplicate_of in by_id and root.article.duplicate_of not in seen:
        root = by_id[root.article.duplicate_of]
        seen.add(root.id)
    if root.article.duplicate_of and root.article.duplicate_of not in by_id:
        return _Origin(key="art:" + root.article.duplicate_of, source=None, chain=[])
    outlet = source_key(root.article.outlet)
    # An outlet is also a source others cite: "according to Al Jazeera" and Al Jazeera's own report meet.
    return _Origin(key="src:" + outlet if outlet else "art:" + root.id, source=None, chain=[])


def _chain(article: AnalyzedArticle, ref: FrameRef) -> list[str]:
    """The frame's sources, nearest first: its sentence's attribution chain, or its ``attributed_to`` alone."""
    att = _covering_attribution(article.attributions, ref)
    if att is not None:
        return [att.source] + [c for c in att.chain if source_key(c) != source_key(att.source)]
    return [ref.frame.attributed_to] if ref.frame.attributed_to else []


def _covering_attribution(attributions: list[Attribution], ref: FrameRef) -> Attribution | None:
    """The attribution of the frame's sentence: the one naming ``attributed_to``, else the outermost relay."""
    covering = [a for a in attributions if a.start <= ref.frame.start and ref.frame.end <= a.end]
    if ref.frame.attributed_to:
        want = source_key(ref.frame.attributed_to)
        named = [a for a in covering if want in {source_key(a.source), *map(source_key, a.chain)}]
        if not named:
            return None
        covering = named
    return max(covering, key=lambda a: len(a.chain), default=None)
