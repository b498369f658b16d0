"""Contradictions between articles: one slot of one aligned event, incompatible values.

Only values of the same event are compared (the alignment put them
together), so "40 dead in the quake" and "12 arrested at the protest" never
meet. A pair is a contradiction only when no reading reconciles it: dates
at day precision that differ (a window containing the other is fine),
figures whose qualifiers leave no common value ("at least 34" and 40 agree),
places neither of which lies inside the other, happened against denied.

Two readings soften a contradiction without hiding it: a later-dated
article that moves a figure is an ``update``; values each credited to a
different source ("organisers said 50,000; police said 12,000") are an
``attributed`` disagreement.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass

from newsprism.crosscheck.align import AlignedEvent, FrameRef
from newsprism.crosscheck.values import (
    fold,
    intervals_compatible,
    is_day,
    learn_containment,
    numbers_compatible,
    places_compatible,
    source_key,
)
from newsprism.model import (
    AnalyzedArticle,
    Conflict,
    ConflictValue,
    Evidence,
    Quantity,
    Story,
)

# Happenings whose status is a plain yes or no (signed or not, met or not). Speech and stance
# ("said", "supported", "pledged") are negated in passing too often to read "not" as a denial;
# set on the 50-article benchmark story, where those types gave every false status conflict.
STATUS_CHECKED_TYPES = frozenset({
    "agreement", "deal", "treaty", "meeting", "summit", "visit", "phone_call", "call", "attack", "airstrike",
    "bombing", "arrest", "resignation", "election", "vote", "release", "sanction", "tariff", "ceasefire",
    "strike", "protest", "acquisition", "merger", "disaster",
})

# Words that say a figure has moved since an earlier report: "the toll rose to 40".
UPDATE_CUE = re.compile(r"\b(?:rose|risen|rising|climbed|jumped|increased|grew|revised|updated|now stands?|"
                         r"has reached|reached|climbing)\b", re.I)

# What a count is of, read from the words right after the figure or the sentence's toll nouns.
_COUNT_KINDS = [
    ("death toll", re.compile(r"\b(?:death toll|toll|killed|killing|kills|dead|deaths|died|fatalities)\b", re.I)),
    ("number of injured", re.compile(r"\b(?:injured|injuring|wounded|wounding|hurt)\b", re.I)),
    ("number of arrests", re.compile(r"\b(?:arrested|arresting|detained|detaining|arrests|detentions)\b", re.I)),
]
# A word before a figure that makes it another slot: "an additional 25%" is not "a total of 50%".
_SLOT_MODIFIER = re.compile(r"\b(additional|extra|another|further|total|combined|cumulative|overall|"
                            r"initial|previous|earlier)\b", re.I)
_DURATION_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year"})
# Words after a figure that are not what it counts ("12,000 took part", "40 were").
_NOT_A_NOUN = frozenset({"were", "was", "are", "is", "have", "had", "has", "took", "of", "in", "on", "at", "and",
                         "or", "to", "more", "from", "by", "who", "which", "that"})


@dataclass
class _Value:
    """One article's value for a slot, with the frame that gives it."""

    text: str
    ref: FrameRef
    quantity: Quantity | None = None
    attributed_to: str | None = None


def find_conflicts(story: Story, aligned: list[AlignedEvent], articles: list[AnalyzedArticle]) -> list[Conflict]:
    """Contradictions between the articles of ``story`` over its aligned events."""
    containment = learn_containment([r.frame.place for ev in aligned for r in ev.frames if r.frame.place]
                                    + [e.name for a in articles for e in a.entities
                                       if e.type in ("GPE", "LOC") and "," in e.name])
    names = {e.id: e for e in story.entities}
    out: list[Conflict] = []
    for ev in aligned:
        if len({_root(r.article) for r in ev.frames}) < 2:
            continue
        label = event_label(ev, names)
        out += _date_conflicts(ev, label)
        out += _place_conflicts(ev, label, containment)
        out += _number_conflicts(ev, label)
        out += _status_conflicts(ev, label)
    return out


def event_label(ev: AlignedEvent, names: dict) -> str:
    """'the Trump–Putin summit': the event's type named after its participants."""
    who = []
    for eid in ev.event.actors + ev.event.targets:
        ent = names.get(eid)
        if ent is None or ent.type == "NORP":  # "Russian" names a people, not a party to the event
            continue
        who.append(ent.name.split()[-1] if ent.type == "PERSON" else ent.name)
    kind = ev.event.type.replace("_", " ")
    return f"the {'–'.join(who[:3])} {kind}" if who else f"the {kind}"


def make_conflict(kind: str, subject: str, values: list[ConflictValue], *, within_article: bool = False,
                  resolution: str = "conflict") -> Conflict:
    """A Conflict with a content-hash id (same input, same id)."""
    key = "|".join([kind, fold(subject), str(within_article)]
                   + sorted(f"{fold(v.value)}@{','.join(sorted(v.article_ids))}" for v in values))
    return Conflict(id="c-" + hashlib.sha1(key.encode()).hexdigest()[:12], kind=kind, subject=subject,
                    within_article=within_article, values=values, resolution=resolution)


def evidence_of(ref: FrameRef) -> Evidence:
    return Evidence(article_id=ref.article.id, sentence=ref.frame.sentence, start=ref.frame.start,
                    end=ref.frame.end, attributed_to=ref.frame.attributed_to)


def _root(article: AnalyzedArticle) -> str:
    return article.article.duplicate_of or article.id


def _group_values(values: list[_Value], same: Callable[[_Value, _Value], bool]) -> list[list[_Value]]:
    """Cluster values that agree; each cluster becomes one ConflictValue."""
    groups: list[list[_Value]] = []
    for v in values:
        for g in groups:
            if same(g[0], v):
                g.append(v)
                break
        else:
            groups.append([v])
    return groups


def _conflict_values(groups: list[list[_Value]]) -> list[ConflictValue]:
    out = []
    for g in groups:
        best = max(g, key=lambda v: len(v.text))
        sources = {v.attributed_to for v in g}
        out.append(ConflictValue(value=best.text, article_ids=list(dict.fromkeys(v.ref.article.id for v in g)),
                                 evidence=_unique_evidence(g),
                                 attributed_to=sources.pop() if len(sources) == 1 else None))
    return out


def _unique_evidence(values: list[_Value]) -> list[Evidence]:
    seen: dict[tuple[str, int], Evidence] = {}
    for v in values:
        seen.setdefault((v.ref.article.id, v.ref.frame.start), evidence_of(v.ref))
    return list(seen.values())


def _spans_articles(groups: list[list[_Value]]) -> bool:
    """A contradiction between articles needs values from at least two unrelated articles."""
    roots = [{_root(v.ref.article) for v in g} for g in groups]
    return any(x != y for i, a in enumerate(roots) for b in roots[i + 1:] for x in a for y in b)


def _resolution(groups: list[list[_Value]]) -> str:
    """'attributed' when each side rests on a different named source, else a plain conflict."""
    sides = [{source_key(v.attributed_to) for v in g} for g in groups]
    if all(len(s) == 1 and "" not in s for s in sides) and len(set().union(*sides)) == len(sides):
        return "attributed"
    return "conflict"


def _date_conflicts(ev: AlignedEvent, label: str) -> list[Conflict]:
    # Only dates the text states outright ("June 4", "4/6/2031"): a relative one ("on Friday", "in the
    # coming days") resolved against two publication dates may differ without anyone disagreeing.
    values = [_Value(text=r.frame.date_text or r.frame.date or "", ref=r, attributed_to=r.frame.attributed_to)
              for r in ev.frames if is_day(r.interval) and (r.frame.date_text is None
                                                            or re.search(r"\d", r.frame.date_text))]
    groups = _group_values(values, lambda a, b: intervals_compatible(a.ref.interval, b.ref.interval))
    if len(groups) < 2 or not _spans_articles(groups):
        return []
    # windows ("next week") that contain both days do not make a dispute, but they do not settle it either
    cvalues = _conflict_values(groups)
    for cv, g in zip(cvalues, groups):
        cv.value = f"{g[0].ref.frame.date} ({cv.value})" if g[0].ref.frame.date not in cv.value else cv.value
    return [make_conflict("date", f"date of {label}", cvalues, resolution=_resolution(groups))]


def _place_conflicts(ev: AlignedEvent, label: str, containment: dict[str, set[str]]) -> list[Conflict]:
    values = [_Value(text=r.frame.place, ref=r, attributed_to=r.frame.attributed_to)
              for r in ev.frames if r.frame.place]
    groups = _group_values(values, lambda a, b: places_compatible(a.text, b.text, containment))
    if len(groups) < 2 or not _spans_articles(groups):
        return []
    if _mentions_other(groups):
        return []
    return [make_conflict("place", f"location of {label}", _conflict_values(groups), resolution=_resolution(groups))]


def _mentions_other(groups: list[list[_Value]]) -> bool:
    """An article that also names the other place elsewhere is most likely not contradicting it."""
    for g in groups:
        for other in groups:
            if other is g:
                continue
            for v in g:
                text = fold(v.ref.article.article.text)
                if any(f" {fold(o.text)} " in f" {text} " for o in other):
                    return True
    return False


def _number_conflicts(ev: AlignedEvent, label: str) -> list[Conflict]:
    by_slot: dict[str, list[_Value]] = {}
    names: dict[str, str] = {}
    for r in ev.frames:
        for q in r.frame.quantities:
            slot = count_slot(r, q)
            names.setdefault(slot.key, slot.name)
            by_slot.setdefault(slot.key, []).append(
                _Value(text=q.text, ref=r, quantity=q, attributed_to=r.frame.attributed_to))
    out = []
    for key, values in by_slot.items():
        slot = names[key]
        # two figures for one slot inside one article are for the within-article check
        groups = _group_values(values, lambda a, b: numbers_compatible(a.quantity, b.quantity))
        if len(groups) < 2 or not _spans_articles(groups):
            continue
        resolution = _resolution(groups)
        if resolution == "conflict" and _is_update(groups):
            resolution = "update"
        out.append(make_conflict("number", f"{slot} of {label}", _conflict_values(groups), resolution=resolution))
    return out


@dataclass(frozen=True)
class CountSlot:
    """What a figure counts: only figures of one slot are compared."""

    key: str  # what must match: 'death toll', 'percentage:additional', 'USD'
    name: str  # readable: 'death toll', 'number of protesters'
    noun: str | None  # the word right after the figure, when it names what is counted


def count_slot(ref: FrameRef, q: Quantity) -> CountSlot:
    """Read the slot of a figure from its unit, the words after it and a modifier before it."""
    text = ref.article.article.text
    after = text[q.end:q.end + 40]
    word = re.match(r"\s*([a-z]+)", after)
    noun = word.group(1) if word and word.group(1) not in _NOT_A_NOUN and not word.group(1).endswith("ed") else None
    modifier = _SLOT_MODIFIER.search(" ".join(text[max(0, q.start - 40):q.start].split()[-3:]))
    if q.unit in _DURATION_UNITS:
        key, name = "duration", "duration"
    elif q.unit == "percent":
        key, name = "percentage", "percentage"
    elif q.unit and q.unit not in ("person", "people"):
        key, name = q.unit, "amount" if q.unit.isupper() else f"number of {q.unit}s"
    else:
        # what is counted is read after the figure ("12 people were killed"), or from the verb just
        # before it ("killing nine people")
        lead = " ".join(text[max(0, q.start - 30):q.start].split()[-2:])
        kind = next((k for k, rx in _COUNT_KINDS
                     if rx.search(after) or rx.search(lead) or rx.search(ref.frame.trigger)), None)
        key, name = (kind, kind) if kind else ("count", f"number of {noun}" if noun else "number of people")
    if modifier:
        key, name = f"{key}:{modifier.group(1).lower()}", f"{modifier.group(1).lower()} {name}"
    return CountSlot(key=key, name=name, noun=noun)


def _is_update(groups: list[list[_Value]]) -> bool:
    """A later-dated report, or one that says the figure rose, moves the figure on."""
    dates = [{v.ref.article.article.published for v in g} for g in groups]
    if all(len(d) == 1 and None not in d for d in dates) and len(set().union(*dates)) == len(groups):
        return True
    return any(UPDATE_CUE.search(v.ref.frame.sentence) for g in groups for v in g)


def _status_conflicts(ev: AlignedEvent, label: str) -> list[Conflict]:
    if ev.event.type not in STATUS_CHECKED_TYPES:
        return []
    values = [_Value(text=_status_text(r), ref=r, attributed_to=r.frame.attributed_to)
              for r in ev.frames if r.frame.status in ("happened", "denied")]
    groups = _group_values(values, lambda a, b: a.ref.frame.status == b.ref.frame.status)
    if len(groups) < 2 or not _spans_articles(groups):
        return []
    sides = [{v.ref.article.id for v in g} for g in groups]
    if sides[0] & sides[1]:
        return []  # an article on both sides narrates a denial or a retraction, it does not contradict
    return [make_conflict("status", f"whether {label} took place", _conflict_values(groups),
                          resolution=_resolution(groups))]


def _status_text(ref: FrameRef) -> str:
    trigger = ref.frame.trigger.lower()
    return trigger if ref.frame.status == "happened" else f"not {trigger} (denied)"
