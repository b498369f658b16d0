"""Attributions on PolNeAR: who said (wrote, thought) what, by cue place and source head.

The unit is an article of PolNeAR (US political news, 2016 campaign; train
is `tune`, dev is `check`), with every attribution relation annotated by
hand as source, cue and content. newsprism's per-article analysis yields
its attributions (`AnalyzedArticle.attributions`): one per source found,
with the source string, the cue span and the sentence span.

Scored: gold relations with a source span (the others cannot be checked for
a source). A prediction matches a gold relation, one-to-one by maximum
bipartite matching within an article, when its cue span overlaps the gold
cue and the source head agrees: the last word of the predicted source
string, lowercased and without a possessive "'s", is a word of the gold
source; or a mention of the predicted source's entity inside the
prediction's sentence overlaps the gold source span; or the gold source is a
bare pronoun ("he", "she", "who"). The last two take newsprism's
coreference on its word: newsprism names a resolved pronoun or description
by the entity's name ("he" -> the person last named), and PolNeAR has no
coreference gold to check the referent against; the note gives how many
source matches rest on a bare gold pronoun alone. A prediction without a
cue span (cue_start == cue_end) is placed by its sentence: it may match a
gold relation whose cue starts inside that sentence. An unmatched
prediction at the place of a gold relation without a source is left out of
precision.

Figures: precision, recall and F1 of that source-matched match (F1 is the
main figure); the same with the cue condition alone (did newsprism find the
attribution at all); and the source-matched recall split by cue type,
"say/tell/according" (a cue with a form of "say" or "tell" or the word
"according" among its words) against every other cue, which shows how much
of the corpus lies beyond the classic reporting verbs.

Baseline: the classic 'say'-subject rule (eval/accuracy/baselines/say_subject.py):
the `nsubj` of every verb with lemma "say" or "tell" and the object of
"according to", on a parse by newsprism's own spaCy pipeline, scored by the
same rule with the subject token as its head. It has no setting. Its parse
is a second pass over the text, so on `tune` it is run on every fourth
article (in file order) and the note gives newsprism's figure on the same
articles; on `check` it runs on every article.

Caveats: PolNeAR annotates far more than reported speech (beliefs,
intentions, "called for", "criticized", nouns such as "statement", a colon
before a quote), so recall is bounded well below 1 for any reporting-verb
extractor. newsprism keeps one attribution per distinct source in a sentence
and folds "citing X" into the citing source's chain, so a folded cited
source counts as a miss. An article whose attribution extractor crashed
during this run's analysis scores as having no attributions; the note says
how many (an analysis read from the cache cannot tell).
"""

from __future__ import annotations

from collections.abc import Sequence

from accuracy.baselines import say_subject
from accuracy.context import Context
from accuracy.corpora.polnear import PolnearDoc, read_corpus
from accuracy.metrics.attribution import (
    CUE_TYPES,
    EMPTY,
    AttributionScore,
    GoldAttribution,
    PredictedAttribution,
    head_word,
    score_article,
    score_corpus,
)
from accuracy.logged_errors import ErrorRecords, logged_errors
from accuracy.results import Figure
from newsprism.model import AnalyzedArticle

TASK, CORPUS = "attributions", "polnear"
BASELINE = "say-subject rule"
# Every this-many-th tune article is parsed for the baseline (a second spaCy pass over 840 articles
# costs minutes on a shared machine; the check split is small and fully parsed).
TUNE_BASELINE_STEP = 4


def gold_of(doc: PolnearDoc) -> list[GoldAttribution]:
    return [GoldAttribution(cue=r.cue.spans if r.cue else (), cue_text=r.cue.text if r.cue else "",
                            source=r.source.text if r.source else None,
                            source_spans=r.source.spans if r.source else ())
            for r in doc.relations]


def newsprism_predictions(analysis: AnalyzedArticle) -> list[PredictedAttribution]:
    """newsprism's attributions for the metric; the source entity's mentions in the sentence are its places."""
    out = []
    for att in analysis.attributions:
        ent = analysis.entity(att.source_entity) if att.source_entity else None
        places = tuple((m.start, m.end) for m in ent.mentions
                       if att.start <= m.start < att.end) if ent else ()
        cue = (att.cue_start, att.cue_end) if att.cue_end > att.cue_start else None
        out.append(PredictedAttribution(cue=cue, sentence=(att.start, att.end), head=head_word(att.source),
                                        source_spans=places))
    return out


def baseline_predictions(relations: Sequence[say_subject.SayRelation]) -> list[PredictedAttribution]:
    return [PredictedAttribution(cue=(r.cue_start, r.cue_end), sentence=(r.sentence_start, r.sentence_end),
                                 head=head_word(r.head), source_spans=((r.head_start, r.head_end),))
            for r in relations]


def _crashed_articles(errors: ErrorRecords) -> set[str]:
    """Articles whose attribution extractor raised (the analysis logs "%s failed on article %s")."""
    return {str(r.args[1]) for r in errors.records
            if isinstance(r.args, tuple) and len(r.args) >= 2 and r.args[0] == "attributions"}


def _baseline(ctx: Context, docs: Sequence[PolnearDoc]) -> AttributionScore:
    parsed = say_subject.parse((d.article.text for d in docs), ctx.progress, len(docs))
    return score_corpus([(gold_of(d), baseline_predictions(say_subject.relations(doc)))
                         for d, doc in zip(docs, parsed, strict=True)])


def _figures(split: str, ours: AttributionScore, base: AttributionScore | None, note: str) -> list[Figure]:
    """The figures of one split; the source-matched ones also say how many matches rest on a gold pronoun."""
    pronouns = f"{ours.pronoun_credit} of {ours.source.tp} source matches rest on a bare gold pronoun"

    def fig(metric: str, value: float | None, n: int, base_value: float | None, by_source: bool) -> Figure:
        return Figure(TASK, CORPUS, split, metric, value, n, baseline=BASELINE if base else None,
                      baseline_value=base_value if base else None,
                      note="; ".join(x for x in (note, pronouns if by_source else "") if x))

    out = []
    for label, by_source in (("source head", True), ("cue only", False)):
        p = ours.source if by_source else ours.cue
        b = (base.source if by_source else base.cue) if base else None
        out += [fig(f"F1 ({label})", p.f1, p.n_gold, b.f1 if b else None, by_source),
                fig(f"precision ({label})", p.precision, p.n_pred, b.precision if b else None, by_source),
                fig(f"recall ({label})", p.recall, p.n_gold, b.recall if b else None, by_source)]
    for kind in CUE_TYPES:
        out.append(fig(f"recall, {kind} cues (source head)", ours.recall_of(kind), ours.due_of(kind),
                       base.recall_of(kind) if base else None, True))
    return out


def polnear(ctx: Context) -> list[Figure]:
    docs = read_corpus(ctx.corpora)
    figures: list[Figure] = []
    for split in ctx.wanted(("check", "tune")):
        units = ctx.units(split, [d for d in docs if d.split == split])
        with logged_errors("newsprism.nlp.analyze") as errors:
            analyses = ctx.cache.analyse([d.article for d in units], ctx.progress, f"polnear {split}")
        scores = [score_article(gold_of(d), newsprism_predictions(a)) for d, a in zip(units, analyses, strict=True)]
        ours = sum(scores, EMPTY)
        notes = [f"{len(units)} articles"]
        crashed = _crashed_articles(errors)
        if crashed:
            notes.append(f"attribution extractor crashed on {len(crashed)} (scored as empty)")
        base = None
        if ctx.sample is None:
            step = TUNE_BASELINE_STEP if split == "tune" else 1
            picked = list(range(0, len(units), step))
            base = _baseline(ctx, [units[i] for i in picked])
            if step > 1:
                same = sum((scores[i] for i in picked), EMPTY)
                notes.append(f"baseline on every {step}th article ({len(picked)}); newsprism there: "
                             f"F1 {same.source.f1:.3f} (source head), {same.cue.f1:.3f} (cue only)")
        figures += _figures(split, ours, base, "; ".join(notes))
    return figures
