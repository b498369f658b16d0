"""The data every stage passes to the next, and its JSON form.

Each stage is a plain function over these dataclasses (``Article`` ->
``AnalyzedArticle`` -> ``Story`` -> ``CrossCheck`` -> ``Report``), so the
same functions run in-process, in a process pool or on Dask. Every fact
points back at an article id and a character span of ``Article.text``, the
normalised text that ``newsprism show`` prints: nothing is asserted without
a place a reader can click.

Nothing here does work beyond (de)serialisation; the stages live in their
own packages.
"""

from __future__ import annotations

import dataclasses
import functools
import json
from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA_VERSION = 1

PublishedBasis = Literal["metadata", "header", "dateline", "inferred"]
EntityType = Literal["PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "OTHER"]
EventStatus = Literal["happened", "planned", "threatened", "denied", "unclear"]
ConflictKind = Literal["date", "time", "number", "place", "person", "status", "other"]
FlagKind = Literal[
    "internal_contradiction",
    "unverifiable_reference",
    "anachronistic_reference",
    "unattributed_claim",
    "machine_generated_style",
    "other",
]


def to_plain(obj: Any) -> Any:
    """Turn dataclasses (recursively) into JSON-ready dicts and lists."""
    kind = _plain_kind(type(obj))
    if kind == "dataclass":
        return {name: to_plain(getattr(obj, name)) for name in _field_names(type(obj))}
    if kind == "sequence":
        return [to_plain(x) for x in obj]
    if kind == "mapping":
        return {str(k): to_plain(v) for k, v in obj.items()}
    return obj


@functools.lru_cache(maxsize=None)
def _plain_kind(cls: type) -> str:
    """How ``to_plain`` turns an instance of ``cls`` plain, decided once per type: the checks, run on
    each of the quarter million values of a batch's story records, were a third of ``to_plain``."""
    if dataclasses.is_dataclass(cls) and not issubclass(cls, type):
        return "dataclass"
    if issubclass(cls, (list, tuple)):
        return "sequence"
    if issubclass(cls, dict):
        return "mapping"
    return "leaf"


@functools.lru_cache(maxsize=None)
def _field_names(cls: type) -> tuple[str, ...]:
    """The field names of dataclass ``cls``, looked up once: ``dataclasses.fields`` per object was a
    tenth of a batch worker's cross-check time."""
    return tuple(f.name for f in dataclasses.fields(cls))


@functools.lru_cache(maxsize=None)
def _field_set(cls: type) -> frozenset[str]:
    """The field names of dataclass ``cls`` as a set, for ``_build``'s check of a dict's keys."""
    return frozenset(_field_names(cls))


def _build(cls: type, data: dict[str, Any]) -> Any:
    """Build dataclass ``cls`` from a dict, ignoring unknown keys (forward compatible).

    A dict with no unknown key (the usual case) is passed as it is: filtering
    it key by key was a sixth of the time spent reading a stored analysis.
    """
    names = _field_set(cls)
    if names.issuperset(data):
        return cls(**data)
    return cls(**{k: v for k, v in data.items() if k in names})


# --------------------------------------------------------------------------- ingest


@dataclass
class Reference:
    """One entry of an article's reference list ("[1] BBC News. (2025, August 1). ...").

    Kept apart from the body so that a fabricated reference can be checked
    (its date against the event it describes, its URL against its date).
    """

    index: int | None
    text: str
    outlet: str | None = None
    date: str | None = None  # ISO date the reference claims
    title: str | None = None
    url: str | None = None
    start: int = 0  # span in Article.text (references are kept at the end of text)
    end: int = 0


@dataclass
class Article:
    """One news article, as ingested: the unit every later stage reads.

    ``text`` is the normalised body (NFC, unified whitespace and quotes left
    as written); all offsets anywhere in newsprism index into it.
    """

    id: str
    source: str
    text: str
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    published_basis: PublishedBasis | None = None
    language: str = "en"
    url: str | None = None
    byline: str | None = None
    dateline: str | None = None
    references: list[Reference] = field(default_factory=list)
    duplicate_of: str | None = None
    format: str = "text"

    @property
    def words(self) -> int:
        return len(self.text.split())

    def to_dict(self) -> dict[str, Any]:
        return to_plain(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        art = _build(cls, data)
        art.references = [_build(Reference, r) for r in data.get("references") or []]
        return art


# --------------------------------------------------------------------------- per-article analysis


@dataclass
class Sentence:
    start: int
    end: int
    text: str


@dataclass
class Mention:
    """One place in the text where an entity is named or described."""

    start: int
    end: int
    text: str
    kind: Literal["name", "descriptor", "pronoun"] = "name"


@dataclass
class Entity:
    """An entity inside one article, with all its mentions resolved to it.

    ``labels`` are the descriptors the article attaches to it ("Belarusian
    dictator", "Kremlin aide"): the raw material of framing.
    """

    id: str  # article-local id, e.g. "a-xxx:e3"
    name: str  # the longest proper name used
    type: EntityType
    mentions: list[Mention] = field(default_factory=list)
    labels: list[Mention] = field(default_factory=list)

    @property
    def aliases(self) -> list[str]:
        seen: dict[str, None] = {}
        for m in self.mentions:
            if m.kind == "name":
                seen.setdefault(m.text, None)
        return list(seen)


@dataclass
class TimeExpr:
    """A temporal expression resolved against the publication date.

    ``value`` is ISO at the given precision (``2025-08-08``, ``2025-08``,
    ``2025``); a window ("next week") also has ``end``. ``direction`` says
    whether it points before, at or after publication.
    """

    start: int
    end: int
    text: str
    value: str | None
    precision: Literal["day", "week", "month", "year", "time", "unknown"] = "day"
    direction: Literal["past", "present", "future", "unknown"] = "unknown"
    window_end: str | None = None


@dataclass
class Quantity:
    start: int
    end: int
    text: str
    value: float
    unit: str | None = None  # "percent", "USD", "km", "hour", "person", ...
    qualifier: Literal["exact", "at least", "about", "up to", "more than", "less than"] = "exact"


@dataclass
class Quote:
    start: int
    end: int
    text: str
    speaker: str | None = None
    speaker_entity: str | None = None  # article-local entity id


@dataclass
class Attribution:
    """"According to Al Jazeera", "Belta reported", "TASS said, citing the Kremlin".

    ``chain`` lists the upstream sources from nearest to furthest
    (["TASS", "Kremlin"]); ``source`` is the nearest one.
    """

    source: str
    start: int  # the sentence's span
    end: int
    sentence: str
    cue: str = ""
    cue_start: int = 0
    cue_end: int = 0
    chain: list[str] = field(default_factory=list)
    source_kind: Literal["outlet", "person", "organisation", "description", "document"] = "description"
    source_entity: str | None = None


@dataclass
class EventFrame:
    """Who did what to whom, when, where, and whether it happened, in one sentence."""

    id: str
    type: str  # project vocabulary: phone_call, meeting, summit, tariff, ...
    plover: str | None
    trigger: str
    trigger_start: int
    trigger_end: int
    start: int  # sentence span
    end: int
    sentence: str
    summary: str = ""
    actors: list[str] = field(default_factory=list)  # article-local entity ids
    targets: list[str] = field(default_factory=list)
    date: str | None = None
    date_text: str | None = None
    place: str | None = None
    status: EventStatus = "happened"
    attributed_to: str | None = None
    quantities: list[Quantity] = field(default_factory=list)


@dataclass
class AnalyzedArticle:
    """An article plus every fact the per-article analysis found in it."""

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    dates: list[TimeExpr] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    events: list[EventFrame] = field(default_factory=list)
    analyzer: str = ""

    @property
    def id(self) -> str:
        return self.article.id

    def entity(self, local_id: str) -> Entity | None:
        for ent in self.entities:
            if ent.id == local_id:
                return ent
        return None

    def to_dict(self) -> dict[str, Any]:
        return to_plain(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AnalyzedArticle:
        def ents(d: dict[str, Any]) -> Entity:
            e = _build(Entity, d)
            e.mentions = [_build(Mention, m) for m in d.get("mentions") or []]
            e.labels = [_build(Mention, m) for m in d.get("labels") or []]
            return e

        def event(d: dict[str, Any]) -> EventFrame:
            ev = _build(EventFrame, d)
            ev.quantities = [_build(Quantity, q) for q in d.get("quantities") or []]
            return ev

        return cls(
            article=Article.from_dict(data["article"]),
            sentences=[_build(Sentence, s) for s in data.get("sentences") or []],
            entities=[ents(e) for e in data.get("entities") or []],
            dates=[_build(TimeExpr, t) for t in data.get("dates") or []],
            quantities=[_build(Quantity, q) for q in data.get("quantities") or []],
            quotes=[_build(Quote, q) for q in data.get("quotes") or []],
            attributions=[_build(Attribution, a) for a in data.get("attributions") or []],
            events=[event(e) for e in data.get("events") or []],
            analyzer=data.get("analyzer", ""),
        )


# --------------------------------------------------------------------------- stories and cross-check


@dataclass
class CanonicalEntity:
    """One real-world referent across the articles of a story, with its aliases.

    ``members`` maps article id -> the article-local entity ids merged into it.
    """

    id: str
    name: str
    type: EntityType
    aliases: list[str] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    members: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class Story:
    """Articles that report the same story (duplicates included)."""

    id: str
    title: str
    article_ids: list[str]
    entities: list[CanonicalEntity] = field(default_factory=list)


@dataclass
class Evidence:
    article_id: str
    sentence: str
    start: int
    end: int
    attributed_to: str | None = None


@dataclass
class StoryEvent:
    id: str
    type: str
    plover: str | None
    summary: str
    actors: list[str]  # canonical entity ids
    targets: list[str]
    date: str | None
    place: str | None
    status: EventStatus
    article_ids: list[str]
    independent_sources: int
    evidence: list[Evidence] = field(default_factory=list)
    relays: list[dict[str, Any]] = field(default_factory=list)  # upstream source -> relaying articles


@dataclass
class ConflictValue:
    value: str
    article_ids: list[str]
    evidence: list[Evidence] = field(default_factory=list)
    attributed_to: str | None = None


@dataclass
class Conflict:
    id: str
    kind: ConflictKind
    subject: str
    within_article: bool
    values: list[ConflictValue]
    resolution: Literal["conflict", "update", "attributed"] = "conflict"


@dataclass
class FramingVariant:
    term: str
    article_ids: list[str]
    loaded: bool = False
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Framing:
    subject: str
    variants: list[FramingVariant]
    aspect: Literal["label", "name", "event"] = "label"


@dataclass
class StoryAttribution:
    article_id: str
    source: str
    sentence: str
    start: int
    end: int
    chain: list[str] = field(default_factory=list)


@dataclass
class FlagEvidence:
    sentence: str
    start: int
    end: int


@dataclass
class Flag:
    article_id: str
    kind: FlagKind
    detail: str
    evidence: list[FlagEvidence] = field(default_factory=list)
    score: float | None = None


@dataclass
class CrossCheck:
    """Everything the cross-check finds in one story."""

    events: list[StoryEvent] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    framing: list[Framing] = field(default_factory=list)
    attributions: list[StoryAttribution] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)


# --------------------------------------------------------------------------- report


@dataclass
class TimelineEntry:
    date: str
    event_ids: list[str]
    planned: bool = False  # every event on this date is planned or threatened, not done


@dataclass
class SummarySentence:
    text: str
    article_ids: list[str]
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class ReportArticle:
    id: str
    source: str
    outlet: str | None
    title: str | None
    published: str | None
    published_basis: str | None
    language: str
    words: int
    duplicate_of: str | None
    url: str | None = None


@dataclass
class ReportStory:
    id: str
    title: str
    article_ids: list[str]
    entities: list[dict[str, Any]] = field(default_factory=list)
    events: list[StoryEvent] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    framing: list[Framing] = field(default_factory=list)
    attributions: list[StoryAttribution] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    summary: list[SummarySentence] = field(default_factory=list)


@dataclass
class Report:
    """The product's contract (see docs/report-contract.md): what every interface renders."""

    generator: str
    articles: list[ReportArticle] = field(default_factory=list)
    stories: list[ReportStory] = field(default_factory=list)
    schema_version: int = SCHEMA_VERSION
    texts: dict[str, str] = field(default_factory=dict)  # article id -> normalised text (not in JSON)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": self.schema_version,
            "generator": self.generator,
            "articles": to_plain(self.articles),
            "stories": to_plain(self.stories),
        }

    def to_json(self, *, indent: int | None = 1) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def article(self, article_id: str) -> ReportArticle | None:
        for a in self.articles:
            if a.id == article_id:
                return a
        return None

    def to_frames(self) -> dict[str, Any]:
        """One pandas DataFrame per finding (events, evidence, conflicts, ...); needs pandas installed."""
        from newsprism.report.frames import to_frames

        return to_frames(self)


def from_plain(cls: Any, data: Any) -> Any:
    """Rebuild a dataclass (recursively, lists and dicts included) from its ``to_plain`` form.

    Used where a stage's output crosses a process or a file (the batch runner,
    the web app reading stored reports). Unknown keys are ignored so older
    readers accept newer data.
    """
    import typing

    origin = typing.get_origin(cls)
    if origin is list:
        (item,) = typing.get_args(cls) or (Any,)
        return [from_plain(item, x) for x in data or []]
    if origin is dict:
        _, val = typing.get_args(cls) or (Any, Any)
        return {k: from_plain(val, v) for k, v in (data or {}).items()}
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        args = [a for a in typing.get_args(cls) if a is not type(None)]
        if data is None or len(args) != 1:
            return data
        return from_plain(args[0], data)
    if dataclasses.is_dataclass(cls) and isinstance(data, dict):
        kwargs = {name: from_plain(hint, data[name]) for name, hint in _init_fields(cls) if name in data}
        return cls(**kwargs)
    return data


@functools.lru_cache(maxsize=None)
def _init_fields(cls: type) -> tuple[tuple[str, Any], ...]:
    """(name, resolved type) of each init field of ``cls``: resolving the hints per object cost the
    batch driver more than reading its files."""
    import typing

    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls) if f.init)
