"""Align event frames across a story's articles into story events.

Each article says "Putin spoke by phone with Xi" in its own words; the
report should list that call once, with every sentence that reports it.
Frames join when their types belong to one family (a phone call and talks,
a summit and a meeting), their participants coincide after alias merging
(one side may name fewer of them), and their dates are compatible (equal,
unknown, or one window containing the other). A call on Aug 8 and a meeting
on Aug 6 between the same people therefore stay apart.

Candidates come from an index keyed by (participant, type family), so the
cost grows with the frames that share a participant, not with all pairs.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field

from newsprism.crosscheck.values import Interval, fold, frame_interval, intervals_compatible, is_day
from newsprism.model import AnalyzedArticle, EventFrame, Evidence, Story, StoryEvent

# Types that describe the same kind of happening; a type may sit in several
# families ("talks" can be held by phone or in person). A type not listed is
# its own family.
TYPE_FAMILIES: dict[str, frozenset[str]] = {
    "phone_call": frozenset({"remote_contact"}),
    "call": frozenset({"remote_contact"}),
    "conversation": frozenset({"remote_contact", "in_person"}),
    "talks": frozenset({"remote_contact", "in_person"}),
    "briefing": frozenset({"remote_contact", "in_person"}),
    "consult": frozenset({"remote_contact", "in_person"}),
    "negotiation": frozenset({"remote_contact", "in_person"}),
    "meeting": frozenset({"in_person"}),
    "visit": frozenset({"in_person"}),
    "summit": frozenset({"in_person"}),
    "agreement": frozenset({"agreement"}),
    "deal": frozenset({"agreement"}),
    "treaty": frozenset({"agreement"}),
    "attack": frozenset({"attack"}),
    "airstrike": frozenset({"attack"}),
    "bombing": frozenset({"attack"}),
    "sanction": frozenset({"sanction"}),
    "protest": frozenset({"protest"}),
    "demonstration": frozenset({"protest"}),
}

# Event types that are two-sided by nature: "X called Y and Z" reports two
# calls, so a frame with several targets is split into one per target.
BILATERAL_TYPES = frozenset({"phone_call", "call", "briefing", "talks"})

# Two frames with the same type and the same participants but day dates this
# many days apart, never reported together by one article, are read as one
# happening with a disputed date (set on invented stories: misdated reports
# are off by a day or two; distinct rounds of talks are usually a week apart).
DATE_DISPUTE_MAX_DAYS = 3

# Index key under which every group is also filed, for frames that name no participant.
_ANY = "*"

_STATUS_SPECIFICITY = {"denied": 4, "threatened": 3, "planned": 2, "happened": 1, "unclear": 0}


@dataclass
class FrameRef:
    """One frame of one article, with its participants mapped to the story's canonical entities."""

    article: AnalyzedArticle
    frame: EventFrame
    actors: list[str]
    targets: list[str]
    interval: Interval | None

    @property
    def participants(self) -> frozenset[str]:
        return frozenset(self.actors) | frozenset(self.targets)

    @property
    def key(self) -> str:
        return f"{self.article.id}:{self.frame.start}:{self.frame.end}:{self.frame.trigger_start}"


@dataclass
class AlignedEvent:
    """A story event and the frames it was built from (the conflict checks read the frames)."""

    event: StoryEvent
    frames: list[FrameRef] = field(default_factory=list)


def canonical_index(story: Story) -> dict[tuple[str, str], str]:
    """(article id, article-local entity id) -> canonical entity id.

    A person the linker left under a bare surname ("Harmsen") is read as
    the one full name of the story ending in it ("Piet Harmsen"), when
    exactly one does: otherwise the same man's meeting splits in two.
    """
    by_surname: dict[str, list[str]] = {}
    for ent in story.entities:
        words = ent.name.split()
        if ent.type == "PERSON" and len(words) > 1:
            by_surname.setdefault(fold(words[-1]), []).append(ent.id)
    index: dict[tuple[str, str], str] = {}
    for ent in story.entities:
        target = ent.id
        if ent.type == "PERSON" and len(ent.name.split()) == 1:
            full = by_surname.get(fold(ent.name), [])
            target = full[0] if len(full) == 1 else ent.id
        for aid, locals_ in ent.members.items():
            for local in locals_:
                index[(aid, local)] = target
    return index


def align_events(story: Story, articles: list[AnalyzedArticle]) -> list[AlignedEvent]:
    """Group the frames of ``articles`` into story events, best supported first."""
    canon = canonical_index(story)
    refs = [r for a in articles for f in a.events for r in _frame_refs(a, f, canon)]
    refs.sort(key=lambda r: (-len(r.participants), r.interval is None, r.article.id, r.frame.start))
    groups: list[list[FrameRef]] = []
    by_key: dict[tuple[str, str], list[int]] = {}
    for ref in refs:
        gi = _best_group(ref, groups, by_key)
        if gi is None:
            groups.append([ref])
            gi = len(groups) - 1
        else:
            groups[gi].append(ref)
        for p in {*ref.participants, _ANY}:
            for fam in _families(ref.frame.type):
                ids = by_key.setdefault((p, fam), [])
                if gi not in ids:
                    ids.append(gi)
    groups = _merge_disputed_dates(groups)
    events = [AlignedEvent(event=_story_event(g, articles), frames=g) for g in groups]
    events.sort(key=lambda e: (-len(e.event.article_ids), -len(e.event.evidence), e.event.id))
    return events


def _families(event_type: str) -> frozenset[str]:
    return TYPE_FAMILIES.get(event_type, frozenset({event_type}))


def _frame_refs(article: AnalyzedArticle, frame: EventFrame, canon: dict[tuple[str, str], str]) -> list[FrameRef]:
    actors = _dedupe([_canonical(article, x, canon) for x in frame.actors])
    targets = [t for t in _dedupe([_canonical(article, x, canon) for x in frame.targets]) if t not in actors]
    interval = frame_interval(article, frame)
    if frame.type in BILATERAL_TYPES and len(actors) + len(targets) > 2 and (actors or targets):
        # "A spoke with B and C", "A, B and C held calls": one call per counterpart of the first named
        principal, *others = actors + targets
        return [FrameRef(article, frame, [principal], [t], interval) for t in others]
    return [FrameRef(article, frame, actors, targets, interval)]


def _canonical(article: AnalyzedArticle, local: str, canon: dict[tuple[str, str], str]) -> str:
    """The canonical id; an entity the linker left out keys on its folded name."""
    found = canon.get((article.id, local))
    if found:
        return found
    ent = article.entity(local)
    return "name:" + fold(ent.name if ent else local)


def _dedupe(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _best_group(ref: FrameRef, groups: list[list[FrameRef]], by_key: dict[tuple[str, str], list[int]]) -> int | None:
    """The one group this frame belongs to, or None when no group (or more than one, equally) fits."""
    fams = _families(ref.frame.type)
    cands: set[int] = set()
    for p in ref.participants or {_ANY}:
        for fam in fams:
            cands.update(by_key.get((p, fam), ()))
    scored: list[tuple[tuple[int, int], int]] = []
    for gi in cands:
        score = _fit(ref, groups[gi])
        if score > 0:
            # among equal fits, the group whose stated dates agree with this frame's
            dated = sum(1 for g in groups[gi] if ref.interval and g.interval) if ref.interval else 0
            scored.append(((score, dated), gi))
    if not scored:
        return None
    scored.sort(reverse=True)
    if len(scored) > 1 and scored[0][0] == scored[1][0]:
        return None  # ambiguous: "Putin held a call" when he held three that day
    return scored[0][1]


def _fit(ref: FrameRef, group: list[FrameRef]) -> int:
    """How well a frame fits a group (0: not at all): same participants beat a subset, same type beats family."""
    fams = _families(ref.frame.type)
    if any(not (fams & _families(g.frame.type)) for g in group):
        return 0
    if any(not intervals_compatible(ref.interval, g.interval) for g in group):
        return 0
    mine = ref.participants
    theirs = frozenset().union(*(g.participants for g in group))
    same_type = all(g.frame.type == ref.frame.type for g in group)
    if not mine and not theirs:
        # frames that name nobody ("the quake killed 12") pool only on the same type and a stated date
        return 4 if same_type and ref.interval and all(g.interval for g in group) else 0
    if not mine:
        # "The summit, scheduled for ..." names nobody: it joins the one summit of the story that does,
        # provided both say the same about whether it took place ("the two ministers met" is no planned summit)
        return 1 if any(g.frame.type == ref.frame.type and _status_compatible(ref, g) for g in group) else 0
    if mine == theirs:
        score = 4
    elif mine and theirs and (mine < theirs or theirs < mine):
        score = 2
    else:
        return 0
    if all(g.frame.type == ref.frame.type for g in group):
        score += 1
    return score


def _status_compatible(a: FrameRef, b: FrameRef) -> bool:
    sa, sb = a.frame.status, b.frame.status
    return sa == sb or "unclear" in (sa, sb)


def _merge_disputed_dates(groups: list[list[FrameRef]]) -> list[list[FrameRef]]:
    """Join groups that differ only by a nearby day date no single article gives both of."""
    merged: list[list[FrameRef]] = []
    by_sig: dict[tuple[str, frozenset[str]], list[int]] = {}
    for g in groups:
        sig = (g[0].frame.type, frozenset().union(*(r.participants for r in g)))
        target = None
        if len(sig[1]) >= 2 and all(r.frame.type == sig[0] for r in g):
            for mi in by_sig.get(sig, ()):
                if _date_disputed(merged[mi], g):
                    target = mi
                    break
        if target is None:
            merged.append(list(g))
            if len(sig[1]) >= 2:
                by_sig.setdefault(sig, []).append(len(merged) - 1)
        else:
            merged[target].extend(g)
    return merged


def _date_disputed(a: list[FrameRef], b: list[FrameRef]) -> bool:
    if {r.article.id for r in a} & {r.article.id for r in b}:
        return False
    da = {r.interval[0] for r in a if is_day(r.interval)}
    db = {r.interval[0] for r in b if is_day(r.interval)}
    if len(da) != 1 or len(db) != 1:
        return False
    gap = abs((next(iter(da)) - next(iter(db))).days)
    return 0 < gap <= DATE_DISPUTE_MAX_DAYS


def _story_event(group: list[FrameRef], articles: list[AnalyzedArticle]) -> StoryEvent:
    order = {a.id: i for i, a in enumerate(articles)}
    types = Counter(r.frame.type for r in group)
    etype = max(types, key=lambda t: (types[t], t))
    plovers = Counter(r.frame.plover for r in group if r.frame.plover)
    actors, targets = _roles(group)
    date = _best_date(group)
    evidence: list[Evidence] = []
    seen: set[tuple[str, int, int]] = set()
    for r in sorted(group, key=lambda r: (order.get(r.article.id, 0), r.frame.start)):
        k = (r.article.id, r.frame.start, r.frame.end)
        if k not in seen:
            seen.add(k)
            evidence.append(Evidence(article_id=r.article.id, sentence=r.frame.sentence, start=r.frame.start,
                                     end=r.frame.end, attributed_to=r.frame.attributed_to))
    article_ids = sorted({r.article.id for r in group}, key=lambda x: order.get(x, 0))
    family = min(_families(etype))
    digest = hashlib.sha1("|".join([family, *sorted(actors + targets), date or ""]).encode()).hexdigest()
    return StoryEvent(
        id="v-" + digest[:12], type=etype, plover=plovers.most_common(1)[0][0] if plovers else None,
        summary=_best_summary(group), actors=actors, targets=targets, date=date, place=_best_place(group),
        status=_best_status(group), article_ids=article_ids, independent_sources=len(article_ids),
        evidence=evidence)


def _roles(group: list[FrameRef]) -> tuple[list[str], list[str]]:
    """An entity is an actor where most frames make it one; ties go to actor."""
    as_actor: Counter[str] = Counter()
    as_target: Counter[str] = Counter()
    for r in group:
        as_actor.update(r.actors)
        as_target.update(r.targets)
    everyone = sorted(set(as_actor) | set(as_target), key=lambda e: (-(as_actor[e] + as_target[e]), e))
    actors = [e for e in everyone if as_actor[e] >= as_target[e]]
    targets = [e for e in everyone if as_actor[e] < as_target[e]]
    return actors, targets


def _best_date(group: list[FrameRef]) -> str | None:
    """The date most frames give, preferring day precision over month or window."""
    votes: Counter[str] = Counter()
    precise: dict[str, bool] = {}
    for r in group:
        if r.frame.date:
            votes[r.frame.date] += 1
            precise[r.frame.date] = precise.get(r.frame.date, False) or is_day(r.interval)
    if not votes:
        return None
    return max(votes, key=lambda d: (precise[d], votes[d], len(d), [-ord(c) for c in d]))


def _best_place(group: list[FrameRef]) -> str | None:
    votes: Counter[str] = Counter(r.frame.place for r in group if r.frame.place)
    if not votes:
        return None
    return max(votes, key=lambda p: (votes[p], len(p), p))


def _best_status(group: list[FrameRef]) -> str:
    votes: Counter[str] = Counter(r.frame.status for r in group)
    return max(votes, key=lambda s: (votes[s], _STATUS_SPECIFICITY.get(s, 0), s))


def _best_summary(group: list[FrameRef]) -> str:
    """The summary of the most complete frame: most participants, then a date, then the shortest."""
    best = max(group, key=lambda r: (bool(r.frame.summary), len(r.participants), r.frame.date is not None,
                                     -len(r.frame.summary or r.frame.sentence)))
    return best.frame.summary or best.frame.sentence.strip()
