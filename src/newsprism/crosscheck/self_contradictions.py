"""Contradictions inside one article: a slot it both fills and declares unknown, or fills twice.

An article that schedules "the summit for 12 May in Valletta" and later
says "the venue has not been announced" contradicts itself, whichever
sentence is right. So does one that gives two incompatible death tolls for
the same disaster without saying the figure moved. Two figures credited to
different sources in one article ("organisers said 50,000; police said
12,000") are not a self-contradiction: they are an attributed disagreement
the article reports, kept with each value's source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsprism.crosscheck.align import TYPE_FAMILIES, AlignedEvent, FrameRef
from newsprism.crosscheck.conflicts import (
    UPDATE_CUE,
    CountSlot,
    count_slot,
    event_label,
    evidence_of,
    make_conflict,
)
from newsprism.crosscheck.values import fold, is_day, numbers_compatible, source_key
from newsprism.model import (
    AnalyzedArticle,
    Attribution,
    Conflict,
    ConflictValue,
    Evidence,
    Quantity,
    Sentence,
    Story,
)

# Nouns that name a slot of an event, by the conflict kind they belong to.
_SLOT_NOUNS = {
    "place": r"location|venue|place|site|host city|city",
    "date": r"dates?|timing",
    "number": r"toll|death toll|number|figure|count",
}
# Slots whose figures name what they count by themselves ("the toll", "killed").
_NAMED_SLOTS = frozenset({"death toll", "number of injured", "number of arrests"})
# How far after the event's noun its place or date may be stated ("the summit, scheduled for
# 12 May 2031, in Valletta" puts the place ~40 characters on; "will focus on the dispute over
# fishing rights in Malta" ~70 characters on is about something else); set on invented sentences.
STATED_SLOT_WINDOW = 50
_FUNCTION_WORDS = frozenset({"the", "a", "an", "of", "for", "to", "in", "on", "at", "and", "this", "that", "its",
                             "their", "next", "upcoming", "planned", "proposed", "new"})
_SLOT_SUBJECT = {"place": "location", "date": "date", "number": "figure"}

_NOT_YET = (r"(?:not|n't)\s+(?:yet\s+)?(?:been\s+)?(?:yet\s+)?"
            r"(?:announced|disclosed|decided|determined|confirmed|set|revealed|released|made public|"
            r"finali[sz]ed|fixed|agreed(?: on| upon)?|specified|named)(?:\s+yet)?")
_UNKNOWN = r"(?:unknown|undisclosed|unclear|undecided|unannounced|to be (?:determined|decided|announced|confirmed))"
_AUX = r"(?:has|have|had|is|are|was|were|remains?|remained|still)"

# A word every pattern below needs: most sentences have none, and this one scan skips the six.
_UNDISCLOSED_CUE = re.compile(r"\b(?:not|unknown|undisclosed|unclear|undecided|unannounced|to be|no)\b|n't", re.I)
# "the location ... has not been announced yet", "the date remains unknown", "no venue has been set"
_UNDISCLOSED = [
    re.compile(rf"\b(?P<slot>{nouns})\b(?:(?!\.\s)[^;:]){{0,80}}?"
               rf"\b(?P<neg>{_AUX}(?:\s+still)?\s*(?:{_NOT_YET}|{_UNKNOWN}))", re.I)
    for nouns in _SLOT_NOUNS.values()
] + [
    re.compile(rf"\b(?P<neg>no\s+(?:final\s+)?(?P<slot>{nouns})\s+(?:has|have)\s+(?:yet\s+)?been\s+"
               rf"(?:set|announced|decided|fixed|agreed|named|disclosed))", re.I)
    for nouns in _SLOT_NOUNS.values()
]


@dataclass
class _Statement:
    """A sentence saying a slot is not known yet."""

    kind: str
    sentence: Sentence
    phrase: str
    qualifier: str  # what the slot noun is "of" or "for", when the sentence says it


def find_self_contradictions(story: Story, aligned: list[AlignedEvent],
                             articles: list[AnalyzedArticle]) -> list[Conflict]:
    """Within-article contradictions, plus the attributed disagreements single articles report."""
    names = {e.id: e for e in story.entities}
    main = _main_planned(aligned)
    by_article: dict[str, list[AlignedEvent]] = {}
    for ev in aligned:
        for aid in dict.fromkeys(r.article.id for r in ev.frames):
            by_article.setdefault(aid, []).append(ev)
    out: list[Conflict] = []
    for article in articles:
        mine = by_article.get(article.id, [])
        for st in _undisclosed_statements(article):
            named = _events_named(st.sentence.text, article, mine)
            if not named and main and _may_mean(st, main):
                named = [main]
            conflict = next((c for ev in named if (c := _filled_vs_unknown(st, ev, article,
                                                                              event_label(ev, names)))), None)
            conflict = conflict or _stated_in_text(st, article, main)
            if conflict:
                out.append(conflict)
        for ev in mine:
            out += _figures_in_article(ev, article, event_label(ev, names))
    return out


def _kind_of(slot: str) -> str:
    slot = slot.lower()
    for kind, nouns in _SLOT_NOUNS.items():
        if re.fullmatch(nouns, slot):
            return kind
    return "other"


def _undisclosed_statements(article: AnalyzedArticle) -> list[_Statement]:
    found = []
    sentences = article.sentences or [Sentence(0, len(article.article.text), article.article.text)]
    for s in sentences:
        if not _UNDISCLOSED_CUE.search(s.text):
            continue
        for rx in _UNDISCLOSED:
            m = rx.search(s.text)
            if m:
                gap = s.text[m.end("slot"):m.start("neg")] if m.end("slot") <= m.start("neg") else ""
                qualifier = re.match(r"\s*(?:of|for)\s+(.+)", gap)
                found.append(_Statement(kind=_kind_of(m.group("slot")), sentence=s,
                                        phrase=re.sub(r"\s+", " ", m.group("neg")).strip(),
                                        qualifier=qualifier.group(1) if qualifier else ""))
                break
    return found


def _main_planned(aligned: list[AlignedEvent]) -> AlignedEvent | None:
    """The story's most reported planned event: what an unqualified 'the venue' usually means."""
    planned = [ev for ev in aligned if ev.event.status == "planned"]
    return max(planned, key=lambda ev: (len(ev.event.article_ids), len(ev.frames)), default=None)


def _may_mean(st: _Statement, ev: AlignedEvent) -> bool:
    """'The venue has not been announced' may mean the main event; 'the venue for the fair' may not."""
    if not st.qualifier:
        return True
    words = set(fold(st.qualifier).split())
    fams = TYPE_FAMILIES.get(ev.event.type, frozenset())
    kin = {t for t, f in TYPE_FAMILIES.items() if f & fams}  # "the meeting" may name a summit
    cues = {t.replace("_", " ") for t in kin | {ev.event.type}} | {fold(r.frame.trigger) for r in ev.frames}
    return any(c and set(c.split()) <= words for c in cues)


def _events_named(text: str, article: AnalyzedArticle, aligned: list[AlignedEvent]) -> list[AlignedEvent]:
    """Events of this article whose type or trigger word the sentence uses ('the summit')."""
    words = set(fold(text).split())
    named = []
    for ev in aligned:
        refs = [r for r in ev.frames if r.article.id == article.id]
        if not refs:
            continue
        cues = {ev.event.type.replace("_", " ")} | {fold(r.frame.trigger) for r in refs}
        if any(c and set(c.split()) <= words for c in cues):
            named.append(ev)
    return sorted(named, key=lambda ev: -len(ev.frames))


def _filled_vs_unknown(st: _Statement, ev: AlignedEvent, article: AnalyzedArticle, label: str) -> Conflict | None:
    refs = [r for r in ev.frames if r.article.id == article.id
            and not (r.frame.start <= st.sentence.start < r.frame.end)]
    filled: dict[str, list[FrameRef]] = {}
    for r in refs:
        value = _slot_value(r, st.kind)
        if value:
            filled.setdefault(value, []).append(r)
    if not filled:
        return None
    values = [ConflictValue(value=v, article_ids=[article.id], evidence=_evidence(rs)) for v, rs in filled.items()]
    values.append(ConflictValue(value=st.phrase, article_ids=[article.id],
                                evidence=[Evidence(article_id=article.id, sentence=st.sentence.text,
                                                   start=st.sentence.start, end=st.sentence.end)]))
    return make_conflict(st.kind, f"{_SLOT_SUBJECT.get(st.kind, st.kind)} of {label}", values, within_article=True)


def _stated_in_text(st: _Statement, article: AnalyzedArticle, main: AlignedEvent | None) -> Conflict | None:
    """The slot stated next to the event's noun elsewhere in the article, when no frame carries it.

    Nominal events ("the summit, scheduled for 12 May in Valletta") often
    reach the frames without their place or date; the article's own place
    entities and resolved dates right after the noun still state the slot.
    """
    noun = _event_noun(st, main)
    if noun is None or st.kind not in ("place", "date"):
        return None
    rx = re.compile(rf"\b{re.escape(noun)}\b", re.I)
    text = article.article.text
    for sent in article.sentences:
        if sent.start == st.sentence.start:
            continue
        for m in rx.finditer(sent.text):
            lo, hi = sent.start + m.end(), min(sent.end, sent.start + m.end() + STATED_SLOT_WINDOW)
            value = _place_after(article, text, lo, hi) if st.kind == "place" else _day_after(article, lo, hi)
            if value:
                stated = ConflictValue(value=value, article_ids=[article.id], evidence=[
                    Evidence(article_id=article.id, sentence=sent.text, start=sent.start, end=sent.end)])
                negative = ConflictValue(value=st.phrase, article_ids=[article.id], evidence=[
                    Evidence(article_id=article.id, sentence=st.sentence.text, start=st.sentence.start,
                             end=st.sentence.end)])
                subject = f"{_SLOT_SUBJECT[st.kind]} of the {noun}"
                return make_conflict(st.kind, subject, [stated, negative], within_article=True)
    return None


def _event_noun(st: _Statement, main: AlignedEvent | None) -> str | None:
    """The noun the statement is about: 'summit' in 'the location for the US-Russia summit'."""
    words = [w for w in re.findall(r"[A-Za-z]+", st.qualifier) if w.islower() and w not in _FUNCTION_WORDS]
    known = [w for w in words if w in TYPE_FAMILIES]
    if known or words:
        return (known or words)[-1]
    return main.event.type.replace("_", " ") if main else None


def _place_after(article: AnalyzedArticle, text: str, lo: int, hi: int) -> str | None:
    """'in Valletta, Malta' right after the noun: the first place introduced by in/at, with its region."""
    places = sorted((m.start, m.end) for e in article.entities if e.type in ("GPE", "LOC") for m in e.mentions
                    if lo <= m.start < hi)
    for i, (start, end) in enumerate(places):
        if text[max(0, start - 3):start].lower() in ("in ", "at "):
            if i + 1 < len(places) and text[end:places[i + 1][0]] == ", ":
                end = places[i + 1][1]
            return text[start:end]
    return None


def _day_after(article: AnalyzedArticle, lo: int, hi: int) -> str | None:
    for t in article.dates:
        if lo <= t.start < hi and t.value and len(t.value) == 10 and not t.window_end:
            return f"{t.value} ({t.text})"
    return None


def _slot_value(ref: FrameRef, kind: str) -> str | None:
    if kind == "place":
        return ref.frame.place
    if kind == "date":
        return ref.frame.date if is_day(ref.interval) else None
    if kind == "number" and ref.frame.quantities:
        return ref.frame.quantities[0].text
    return None


def _evidence(refs: list[FrameRef]) -> list[Evidence]:
    seen: dict[int, Evidence] = {}
    for r in refs:
        seen.setdefault(r.frame.start, evidence_of(r))
    return list(seen.values())


@dataclass
class _Figure:
    ref: FrameRef
    quantity: Quantity
    slot: CountSlot
    source: str | None


def _figures_in_article(ev: AlignedEvent, article: AnalyzedArticle, label: str) -> list[Conflict]:
    """Two incompatible figures for one slot of one event in one article."""
    by_slot: dict[str, list[_Figure]] = {}
    names: dict[str, str] = {}
    for r in ev.frames:
        if r.article.id != article.id:
            continue
        for q in r.frame.quantities:
            slot = count_slot(r, q)
            names.setdefault(slot.key, slot.name)
            by_slot.setdefault(slot.key, []).append(_Figure(r, q, slot, _source_of(article, r, q)))
    out = []
    for key, figs in by_slot.items():
        slot = names[key]
        for i, a in enumerate(figs):
            clash = [b for b in figs[i + 1:] if not numbers_compatible(a.quantity, b.quantity)]
            for b in clash:
                conflict = _figure_conflict(a, b, f"{slot} of {label}")
                if conflict:
                    out.append(conflict)
                    break
            if clash:
                break
    return out


def _figure_conflict(a: _Figure, b: _Figure, subject: str) -> Conflict | None:
    values = [ConflictValue(value=f.quantity.text, article_ids=[f.ref.article.id], evidence=[evidence_of(f.ref)],
                            attributed_to=f.source) for f in (a, b)]
    if a.source and b.source and source_key(a.source) != source_key(b.source):
        return make_conflict("number", subject, values, resolution="attributed")
    same_sentence = a.ref.frame.start == b.ref.frame.start
    if a.slot.key not in _NAMED_SLOTS and (a.slot.noun is None or a.slot.noun != b.slot.noun):
        return None  # "25 per cent tariff" and "50 per cent" may well count different things
    places = {fold(f.ref.frame.place) for f in (a, b) if f.ref.frame.place}
    if same_sentence or len(places) > 1:
        return None  # a range, a breakdown, or two places: not one slot said twice
    if UPDATE_CUE.search(b.ref.frame.sentence) or UPDATE_CUE.search(a.ref.frame.sentence):
        return None  # the article itself tells how the figure moved
    return make_conflict("number", subject, values, within_article=True)


def _source_of(article: AnalyzedArticle, ref: FrameRef, q: Quantity) -> str | None:
    """The source nearest the figure in its sentence ('organisers said 50,000, police 12,000')."""
    cues: list[Attribution] = [a for a in article.attributions
                               if ref.frame.start <= a.start and a.end <= ref.frame.end]
    if len(cues) < 2:
        return ref.frame.attributed_to or (cues[0].source if cues else None)
    return min(cues, key=lambda a: abs(a.cue_start - q.start)).source
