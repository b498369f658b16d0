"""Red flags per article, each with the spans that show it.

A flag is a reason for a reader to look twice, never a verdict: fabricated
or unverifiable references, an article contradicting itself, strong claims
with no source at all, and prose that reads as machine-written (a
calibrated, explained score). Each mechanism lives in its own module; this one turns
their findings into ``Flag`` objects with evidence.
"""

from __future__ import annotations

import re

from newsprism.crosscheck.evidence_spans import sentence_at, sentences_of
from newsprism.crosscheck.references import check_references
from newsprism.crosscheck.style import STYLE_SCALE, score_style
from newsprism.model import AnalyzedArticle, Conflict, Flag, FlagEvidence, Story, StoryEvent

# An article is flagged for unattributed claims only when it makes at least
# this many strong claims and names no source anywhere: wire copy attributes
# almost everything, so the flag stays off real reports (set by hand on BASIL and
# ECB+ reports; see docs/accuracy.md for what the flags score on the gold corpora).
UNATTRIBUTED_MIN_CLAIMS = 3

# Strong factual claims: tolls, accusations, superlatives, anonymous sourcing.
_STRONG_CLAIM = re.compile(
    r"\b(?:\d[\d,.]*\s+(?:people|civilians|soldiers|troops|children|protesters|dead|deaths|casualties)|"
    r"killed|massacred|slaughtered|executed|tortured|war crimes?|genocide|atrocit(?:y|ies)|"
    r"(?:was|were|is|are) (?:responsible|guilty)|orchestrated|rigged|fraud\w*|cover-up|"
    r"(?:the )?(?:largest|biggest|worst|deadliest|most \w+) (?:ever|in history|on record)|"
    r"sources (?:say|said|claim)|insiders (?:say|said))\b",
    re.IGNORECASE)
# Any sign that a sentence names where its claim comes from.
_SOURCED = re.compile(
    r"\b(?:according to|said|says|told|reported|reports|stated|announced|confirmed|claimed|"
    r"wrote|tweeted|posted|quoted|cited|citing|estimated|data from|figures from)\b|[\"“”]",
    re.IGNORECASE)


def _evidence(analyzed: AnalyzedArticle, start: int, end: int) -> FlagEvidence:
    sent = sentence_at(analyzed, start, end)
    return FlagEvidence(sentence=sent.text, start=start, end=end)


def _reference_flags(analyzed: AnalyzedArticle, events: list[StoryEvent],
                     articles: list[AnalyzedArticle]) -> list[Flag]:
    """One flag per kind, listing every reference of that kind."""
    flags = []
    issues = check_references(analyzed, events, articles)
    for kind in ("anachronistic_reference", "unverifiable_reference"):
        found = [i for i in issues if i.kind == kind]
        if not found:
            continue
        flags.append(Flag(
            article_id=analyzed.id, kind=kind,  # type: ignore[arg-type]
            detail="; ".join(i.detail for i in found),
            evidence=[FlagEvidence(sentence=i.reference.text, start=i.reference.start, end=i.reference.end)
                      for i in found],
            score=max(i.score for i in found)))
    return flags


def _contradiction_flags(conflicts: list[Conflict]) -> list[Flag]:
    flags = []
    for c in conflicts:
        if not c.within_article:
            continue
        article_ids = sorted({aid for v in c.values for aid in v.article_ids})
        if len(article_ids) != 1:
            continue
        values = " vs ".join(f"'{v.value}'" for v in c.values)
        flags.append(Flag(
            article_id=article_ids[0], kind="internal_contradiction",
            detail=f"the article contradicts itself on the {c.subject}: {values}",
            evidence=[FlagEvidence(sentence=e.sentence, start=e.start, end=e.end)
                      for v in c.values for e in v.evidence],
            score=1.0))
    return flags


def _unattributed_flag(analyzed: AnalyzedArticle) -> Flag | None:
    """Strong claims in an article that names no source at all."""
    if analyzed.attributions or analyzed.quotes:
        return None
    text = analyzed.article.text
    body_end = min([r.start for r in analyzed.article.references] or [len(text)])
    if _SOURCED.search(text[:body_end]):
        return None
    claims = [s for s in sentences_of(analyzed) if s.end <= body_end and _STRONG_CLAIM.search(s.text)]
    if len(claims) < UNATTRIBUTED_MIN_CLAIMS:
        return None
    return Flag(
        article_id=analyzed.id, kind="unattributed_claim",
        detail=f"{len(claims)} strong claims (tolls, accusations, superlatives) and no source named anywhere",
        evidence=[FlagEvidence(sentence=s.text, start=s.start, end=s.end) for s in claims],
        score=round(min(1.0, len(claims) / (2 * UNATTRIBUTED_MIN_CLAIMS)), 2))


def _style_flag(analyzed: AnalyzedArticle) -> Flag | None:
    """The style model's verdict with the features that drove it; none when unflagged or not checked.

    An unavailable model is logged by the style module and yields no flag: a flag claims a finding.
    """
    style = score_style(analyzed)
    if not style.flagged:
        return None
    reasons = "; ".join(f"{f.detail} (+{f.points:g} log-odds)" for f in style.features)
    spans = [s for f in style.features for s in f.spans] or [(s.start, s.end) for s in sentences_of(analyzed)[:1]]
    return Flag(
        article_id=analyzed.id, kind="machine_generated_style",
        detail=(f"reads like machine-written text: probability {style.points / STYLE_SCALE:.2f} "
                f"(flagged from {style.threshold / STYLE_SCALE:.2f}); driven by {reasons}"),
        evidence=[_evidence(analyzed, a, b) for a, b in spans],
        score=style.score)


def flag_articles(story: Story, articles: list[AnalyzedArticle], events: list[StoryEvent],
                  conflicts: list[Conflict]) -> list[Flag]:
    """Every red flag of every article of ``story``, with evidence spans."""
    flags: list[Flag] = []
    for analyzed in articles:
        flags.extend(_reference_flags(analyzed, events, articles))
        for flag in (_unattributed_flag(analyzed), _style_flag(analyzed)):
            if flag is not None:
                flags.append(flag)
    flags.extend(_contradiction_flags(conflicts))
    order = {a.id: i for i, a in enumerate(articles)}
    flags.sort(key=lambda f: (order.get(f.article_id, len(order)), f.kind))
    return flags
