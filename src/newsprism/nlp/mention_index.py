"""Find which article-local entity a token or phrase refers to.

Attributions, quotes and events all need to turn a parse node ("Putin",
"the Russian president", "he") into an entity id. They do it through the
entities' mention spans, never through names, so a descriptor or a pronoun
that the entity linker resolved counts exactly like the name.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from newsprism.model import Entity

_PERSONAL_PRONOUNS = {"he", "she", "him", "her"}
# Role nouns a news text uses in place of a person's name ("the president said").
ROLE_NOUNS = frozenset({
    "president", "minister", "premier", "chancellor", "leader", "envoy", "aide", "spokesperson",
    "spokesman", "spokeswoman", "secretary", "ambassador", "king", "queen", "governor", "mayor",
    "general", "commander", "chief", "adviser", "advisor", "counterpart", "dictator", "senator",
})


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    entity: Entity


class MentionIndex:
    """Mention spans of an article's entities, sorted by start offset."""

    def __init__(self, entities: list[Entity]) -> None:
        hits = [_Hit(m.start, m.end, e) for e in entities for m in e.mentions]
        hits.sort(key=lambda h: (h.start, -h.end))
        self._hits = hits
        self._starts = [h.start for h in hits]

    def at(self, start: int, end: int) -> Entity | None:
        """The entity whose mention overlaps [start, end), the tightest one first."""
        best: _Hit | None = None
        i = bisect_right(self._starts, end)
        for h in reversed(self._hits[max(0, i - 40):i]):
            if h.start < end and h.end > start:
                if best is None or (h.end - h.start) < (best.end - best.start):
                    best = h
        return best.entity if best else None

    def within(self, start: int, end: int) -> list[Entity]:
        """Entities with a mention inside [start, end), in text order, once each."""
        out: list[Entity] = []
        i = bisect_right(self._starts, end)
        for h in self._hits[:i]:
            if h.start >= start and h.end <= end and h.entity not in out:
                out.append(h.entity)
        return out

    def last_before(self, offset: int, types: tuple[str, ...] = ("PERSON",)) -> Entity | None:
        """The entity of the given types mentioned most recently before ``offset``."""
        i = bisect_right(self._starts, offset)
        for h in reversed(self._hits[:i]):
            if h.end <= offset and h.entity.type in types:
                return h.entity
        return None


    def by_role(self, token) -> Entity | None:
        """The person an unlinked role phrase names: "the U.S. president" -> the person labelled so.

        Among PERSON entities whose labels contain the role noun and every
        modifier of the phrase ("U.S.", "Russian"), the one mentioned most
        recently before the phrase (else first after it) wins.
        """
        role = token.lower_
        mods = [c.lower_ for c in token.children if c.dep_ in ("compound", "amod", "nmod")]
        best: tuple[int, Entity] | None = None
        for ent in {h.entity.id: h.entity for h in self._hits}.values():
            if ent.type != "PERSON":
                continue
            labels = [m.text.lower() for m in [*ent.labels, *ent.mentions]]
            if not any(role in lab.split() and all(m in lab for m in mods) for lab in labels):
                continue
            before = [m.end for m in ent.mentions if m.end <= token.idx]
            rank = max(before) if before else -min(m.start for m in ent.mentions)
            if best is None or rank > best[0]:
                best = (rank, ent)
        return best[1] if best else None


def resolve_token(index: MentionIndex, token) -> Entity | None:
    """The entity a single token stands for; a bare he/she goes to the last person named.

    The pronoun rule (most recent PERSON mention) is deliberately simple: in
    news prose a reporting "he said" almost always continues the person the
    previous clause named, and the entity linker may already have attached
    the pronoun as a mention, which ``at`` then finds first.
    """
    start = token.idx
    ent = index.at(start, start + len(token.text))
    if ent is None and token.lower_ in _PERSONAL_PRONOUNS:
        ent = index.last_before(start)
    if ent is None and token.pos_ == "NOUN" and token.lower_ in ROLE_NOUNS:
        ent = index.by_role(token)
    return ent
