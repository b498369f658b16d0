"""Cross-document event alignment on ECB+: are mentions of one real event put into one event of the report?

Unit: a gold story (an ECB+ topic and sub-topic; its documents form one
Story, since clustering is scored by its own task), split by topic. Each
story runs through newsprism's own stages: the per-article analysis,
entity linking, and the cross-check, whose event alignment groups the
articles' event frames into story events. A frame's story event is the one
whose alignment holds it (a frame split into one per counterpart takes the
first, best supported, of its events).

Gold: the ECB+ action mentions, each in its cross-document chain; a mention
in no chain is a singleton. A gold mention is found when a frame's trigger
overlaps its span (the frame with the largest overlap wins); its predicted
cluster is that frame's story event. A mention no trigger overlaps is a
singleton of the prediction. This is the predicted-mentions setting: every
score is over all gold mentions, so missed mentions cost recall as missed
links do.

- mention_recall: gold mentions found. mention_precision: distinct triggers
  overlapping a gold mention, over the triggers in sentences that hold at
  least one gold action mention (ECB+ annotates a selection of sentences,
  and its list of them is not in the shared copy).
- pair_f1: mention pairs from different documents of one story put in one
  cluster, against the gold chains (precision and recall in the note).
- conll_f1: the mean of MUC, B-cubed and CEAF-e F1 over the gold mentions of
  all stories of the split, singletons included (components in the note).

Baselines, run on the same stories: for the mention rows, every token
spaCy tags VERB as a trigger. For pair_f1 and conll_f1, same head lemma
(the last token's lemma from newsprism's spaCy pipeline) within a story,
given only the mentions newsprism found, the others being singletons: the
same mentions as newsprism, so the row compares the grouping alone. The
*_vs_gold_mentions rows give the same baseline all gold mentions, the
gold-mention setting in which published ECB+ systems are quoted; there
newsprism's figure is still its predicted-mentions one. Nothing is tuned.

Caveats: newsprism's event frames cover a fixed vocabulary of political and
diplomatic types (meetings, calls, attacks, statements...), so most ECB+
actions (arrests, deaths, acquisitions) have no trigger, and mention recall
bounds everything else. The gold chains come from ECB+'s cross-document
relations only, so a chain annotated within one document alone is split
into singletons: conll_f1 then counts newsprism's joining of such mentions
as an error, pair_f1 (cross-document pairs only) does not. A story on which
newsprism crashes counts every mention of it as missed (the note says how
many).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable
from dataclasses import dataclass, field

from accuracy.baselines.same_lemma import Token, head_lemma, parse, same_lemma_clusters, verb_spans
from accuracy.context import Context
from accuracy.corpora.ecbplus import EcbDoc, read_corpus
from accuracy.metrics.coreference import Conll, conll, cross_document_pairs
from accuracy.metrics.prf import PRF
from accuracy.results import Figure
from newsprism.crosscheck import crosscheck_story
from newsprism.crosscheck.align import align_events
from newsprism.model import AnalyzedArticle, EventFrame, Story
from newsprism.nlp import link_story_entities
from newsprism.nlp.pipeline import load_pipeline

TASK, CORPUS = "event_alignment", "ecbplus"
LEMMA = "same head lemma, on newsprism's found mentions"
LEMMA_GOLD = "same head lemma, on all gold mentions"
VERBS = "spaCy VERB tokens"

MentionKey = tuple[str, str]  # (article id, ECB+ m_id)
Span = tuple[int, int]


@dataclass
class GoldStory:
    id: str  # "TOPIC/ecb" or "TOPIC/ecbplus"
    docs: list[EcbDoc]


@dataclass(frozen=True)
class Detection:
    """Mention detection counts: a trigger may hit several gold mentions and a mention several triggers,
    so recall counts mentions found and precision triggers that hit one."""

    found: int = 0
    gold: int = 0
    hits: int = 0
    triggers: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        """As ``PRF``: no trigger where none was due is 1.0, none where some were due 0.0."""
        return self.hits / self.triggers if self.triggers else (1.0 if not self.gold else 0.0)

    def __add__(self, other: Detection) -> Detection:
        return Detection(self.found + other.found, self.gold + other.gold, self.hits + other.hits,
                         self.triggers + other.triggers)


@dataclass
class Scored:
    """What one split's stories yield, pooled: clusterings over the gold mentions and detection counts."""

    gold: dict[MentionKey, Hashable] = field(default_factory=dict)
    document: dict[MentionKey, str] = field(default_factory=dict)
    response: dict[MentionKey, Hashable] = field(default_factory=dict)
    found: set[MentionKey] = field(default_factory=set)  # gold mentions a trigger overlaps
    detection: Detection = field(default_factory=Detection)
    crashed: int = 0


def ecbplus(ctx: Context) -> list[Figure]:
    by_story: dict[str, list[EcbDoc]] = defaultdict(list)
    for doc in read_corpus(ctx.corpora):
        by_story[doc.story].append(doc)
    ordered = sorted(by_story, key=lambda s: (int(s.split("/")[0]), s))
    figures: list[Figure] = []
    nlp = None
    for split in ctx.wanted(("check", "tune")):
        units = ctx.units(split, [GoldStory(s, by_story[s]) for s in ordered if by_story[s][0].split == split])
        scored = _run_newsprism(ctx, split, units)
        if ctx.sample is None:
            nlp = nlp or load_pipeline()
            tokens = parse([d.article.text for u in units for d in u.docs], nlp)
            figures += _figures(split, units, scored, _Baselines.of(units, scored, tokens))
        else:
            figures += _figures(split, units, scored, None)
    return figures


def _run_newsprism(ctx: Context, split: str, units: list[GoldStory]) -> Scored:
    articles = [d.article for u in units for d in u.docs]
    analyses = ctx.cache.analyse(articles, ctx.progress, f"{CORPUS} {split}")
    by_id = {a.id: a for a in analyses}
    out = Scored()
    for n, unit in enumerate(units, 1):
        members = [by_id[d.article.id] for d in unit.docs]
        try:
            event_of = _story_events(unit.id, members)
        except Exception:  # noqa: BLE001 - a crash is a miss of the whole story, counted in the note
            event_of, members = {}, [AnalyzedArticle(article=m.article) for m in members]
            out.crashed += 1
        for doc, analysis in zip(unit.docs, members, strict=True):
            out.detection += _detection(doc, [(f.trigger_start, f.trigger_end) for f in analysis.events])
            for m in doc.events:
                key = (doc.article.id, m.m_id)
                out.gold[key] = (unit.id, m.chain)
                out.document[key] = doc.article.id
                frame = _frame_for(analysis.events, m.start, m.end)
                if frame is None:
                    out.response[key] = ("alone", key)
                else:
                    out.response[key] = (unit.id, event_of[(doc.article.id, frame.id)])
                    out.found.add(key)
        ctx.progress(f"{CORPUS} {split} stories", n, len(units))
    return out


def _story_events(story_id: str, members: list[AnalyzedArticle]) -> dict[tuple[str, str], int]:
    """(article id, frame id) -> index of the story event of the cross-check's report that holds the frame.

    The cross-check keeps only the StoryEvents, so the alignment is run again
    beside it (it is deterministic) to know which frames each event holds;
    the two must list the same events in the same order.
    """
    story = Story(id=f"ecb-{story_id}", title=story_id, article_ids=[a.id for a in members])
    story.entities = link_story_entities(members)
    check = crosscheck_story(story, members)
    aligned = align_events(story, members)
    if [a.event.id for a in aligned] != [e.id for e in check.events]:
        raise RuntimeError(f"{story_id}: the alignment does not reproduce the cross-check's events")
    event_of: dict[tuple[str, str], int] = {}
    for i, event in enumerate(aligned):
        for ref in event.frames:
            event_of.setdefault((ref.article.id, ref.frame.id), i)
    return event_of


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _frame_for(frames: list[EventFrame], start: int, end: int) -> EventFrame | None:
    """The frame whose trigger overlaps [start, end) most (earliest trigger on a tie), or None."""
    best = max(frames, default=None,
               key=lambda f: (_overlap((f.trigger_start, f.trigger_end), (start, end)), -f.trigger_start))
    return best if best and _overlap((best.trigger_start, best.trigger_end), (start, end)) else None


def _detection(doc: EcbDoc, triggers: list[Span]) -> Detection:
    """Gold mentions found, and distinct triggers in sentences holding a gold mention that hit one."""
    text = doc.article.text
    gold = [(m.start, m.end) for m in doc.events]
    lines = {text.count("\n", 0, start) for start, _ in gold}
    scored = {t for t in triggers if text.count("\n", 0, t[0]) in lines}
    return Detection(found=sum(1 for g in gold if any(_overlap(g, t) for t in triggers)), gold=len(gold),
                     hits=sum(1 for t in scored if any(_overlap(g, t) for g in gold)), triggers=len(scored))


@dataclass
class _Baselines:
    verbs: Detection
    found: dict[MentionKey, Hashable]  # same head lemma over newsprism's found mentions
    gold: dict[MentionKey, Hashable]  # same head lemma over all gold mentions

    @classmethod
    def of(cls, units: list[GoldStory], scored: Scored, tokens: list[list[Token]]) -> _Baselines:
        verbs = Detection()
        found: list[tuple[MentionKey, str, str | None]] = []
        every: list[tuple[MentionKey, str, str | None]] = []
        docs = [(u, d) for u in units for d in u.docs]
        for (unit, doc), toks in zip(docs, tokens, strict=True):
            verbs += _detection(doc, verb_spans(toks))
            for m in doc.events:
                key = (doc.article.id, m.m_id)
                lemma = head_lemma(toks, m.start, m.end)
                every.append((key, unit.id, lemma))
                found.append((key, unit.id, lemma if key in scored.found else None))
        return cls(verbs, same_lemma_clusters(found), same_lemma_clusters(every))


def _figures(split: str, units: list[GoldStory], s: Scored, base: _Baselines | None) -> list[Figure]:
    where = f"{len(units)} stories, {sum(len(u.docs) for u in units)} documents"
    if s.crashed:
        where += f"; newsprism crashed on {s.crashed} of them"
    det, pairs, co = s.detection, cross_document_pairs(s.gold, s.response, s.document), conll(s.gold, s.response)

    def pr(x: PRF) -> str:
        return f"P {x.precision:.3f} R {x.recall:.3f}"

    def parts(x: Conll) -> str:
        return f"MUC {x.muc.f1:.3f} B3 {x.b_cubed.f1:.3f} CEAF-e {x.ceaf_e.f1:.3f}"

    def fig(metric: str, value: float, n: int, baseline: str | None, bvalue: float | None, note: str) -> Figure:
        return Figure(TASK, CORPUS, split, metric, value, n, baseline, bvalue, note)

    if base is None:
        return [fig("mention_recall", det.recall, det.gold, None, None, where),
                fig("mention_precision", det.precision, det.triggers, None, None, where),
                fig("pair_f1", pairs.f1, pairs.n_gold, None, None, f"{pr(pairs)}; {where}"),
                fig("conll_f1", co.f1, len(s.gold), None, None, f"{parts(co)}; {where}")]
    lemma_pairs = cross_document_pairs(s.gold, base.found, s.document)
    gold_pairs = cross_document_pairs(s.gold, base.gold, s.document)
    lemma_co, gold_co = conll(s.gold, base.found), conll(s.gold, base.gold)
    return [
        fig("mention_recall", det.recall, det.gold, VERBS, base.verbs.recall, where),
        fig("mention_precision", det.precision, det.triggers, VERBS, base.verbs.precision,
            f"baseline n {base.verbs.triggers}; {where}"),
        fig("pair_f1", pairs.f1, pairs.n_gold, LEMMA, lemma_pairs.f1,
            f"{pr(pairs)}; baseline {pr(lemma_pairs)}; {where}"),
        fig("pair_f1_vs_gold_mentions", pairs.f1, pairs.n_gold, LEMMA_GOLD, gold_pairs.f1,
            f"baseline {pr(gold_pairs)}; {where}"),
        fig("conll_f1", co.f1, len(s.gold), LEMMA, lemma_co.f1, f"{parts(co)}; baseline {parts(lemma_co)}; {where}"),
        fig("conll_f1_vs_gold_mentions", co.f1, len(s.gold), LEMMA_GOLD, gold_co.f1,
            f"baseline {parts(gold_co)}; {where}"),
    ]
