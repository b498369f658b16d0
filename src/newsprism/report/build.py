"""Assemble the Report (docs/report-contract.md) from the stages' output.

The report is the product's contract: the CLI, the web app and the API all
render this one object, so everything a reader sees is decided here: the
order of events (best corroborated first), the timeline, the neutral title
and the cited brief.
"""

from __future__ import annotations

import re
from typing import Any

import newsprism
from newsprism.model import (
    AnalyzedArticle,
    CanonicalEntity,
    CrossCheck,
    Report,
    ReportArticle,
    ReportStory,
    Story,
    StoryEvent,
)
from newsprism.report.brief import build_brief
from newsprism.report.timeline import build_timeline
from newsprism.report.wording import loaded_terms_of, loadedness

#: Weight of one unit of loadedness against headline coverage (0..1): a
#: headline with one loaded term must cover half the story better to win.
TITLE_LOADED_WEIGHT = 0.5
#: Headlines longer than this (in words) read as sentences, not titles.
MAX_TITLE_WORDS = 14
#: What such a long headline loses, in coverage units.
TITLE_LENGTH_PENALTY = 0.15
#: Function words that say nothing about what a headline is about.
_STOPWORDS = frozenset("""the and for with from that this into onto over under after before ahead about amid
against between during without within says said say will would could may might has have had was were are
its his her their they them our your new also than then just more most""".split())


def build_report(articles: list[AnalyzedArticle], stories: list[Story], checks: dict[str, CrossCheck]) -> Report:
    """Build the Report for ``stories`` of ``articles`` with their cross-checks (keyed by story id)."""
    rep = Report(generator=f"newsprism {newsprism.__version__}")
    for a in articles:
        rep.articles.append(report_article(a))
        rep.texts[a.id] = a.article.text
    titles = {a.id: a.article.title for a in articles}
    order = {a.id: i for i, a in enumerate(rep.articles)}
    for story in stories:
        members = [rep.articles[order[x]] for x in sorted(set(story.article_ids) & order.keys(), key=order.get)]
        rep.stories.append(_story(story, checks.get(story.id) or CrossCheck(), rep, titles, members))
    return rep


def report_article(a: AnalyzedArticle) -> ReportArticle:
    """The contract's view of one article (metadata only; the text stays in ``Report.texts``)."""
    art = a.article
    return ReportArticle(id=art.id, source=art.source, outlet=art.outlet, title=art.title,
                         published=art.published, published_basis=art.published_basis,
                         language=art.language, words=art.words, duplicate_of=art.duplicate_of, url=art.url)


def sort_events(events: list[StoryEvent]) -> list[StoryEvent]:
    """Most independently corroborated first, then by date (undated last), then by reach."""
    return sorted(events, key=lambda e: (-e.independent_sources, e.date is None, e.date or "",
                                         -len(e.article_ids), e.id))


def entity_record(ent: CanonicalEntity) -> dict[str, Any]:
    """A canonical entity in the contract's shape (``members`` is internal and left out)."""
    return {"id": ent.id, "name": ent.name, "type": ent.type, "aliases": list(ent.aliases),
            "article_ids": list(ent.article_ids)}


def _story(story: Story, check: CrossCheck, rep: Report, titles: dict[str, str | None],
           members: list[ReportArticle]) -> ReportStory:
    """The contract's record of one story; ``members`` are its articles in the report's order."""
    events = sort_events(check.events)
    entities = [entity_record(e) for e in story.entities]
    return ReportStory(
        id=story.id,
        title=_neutral_title(story, check, titles, rep.texts),
        article_ids=list(story.article_ids),
        entities=entities,
        events=events,
        conflicts=list(check.conflicts),
        framing=list(check.framing),
        attributions=list(check.attributions),
        flags=list(check.flags),
        timeline=build_timeline(events),
        summary=build_brief(events, check.conflicts, check.framing, texts=rep.texts, articles=members,
                            flags=check.flags, entities=entities),
    )


def _neutral_title(story: Story, check: CrossCheck, titles: dict[str, str | None], texts: dict[str, str]) -> str:
    """The headline that best stands for the whole story, preferring neutral wording.

    The story stage picks a representative headline, but one outlet's
    headline may tell its own angle ("... cementing gains") or carry loaded
    wording. Each candidate (the story's title and every article's headline)
    scores by how many of its content words the *other* articles contain,
    minus its loadedness; long headlines, often machine-written, lose a
    little. Ties keep the story's title.
    """
    terms = loaded_terms_of(check.framing)
    candidates: dict[str, str | None] = {}
    if story.title and story.title.strip():
        candidates[story.title.strip()] = None
    for aid in story.article_ids:
        if (t := titles.get(aid)) and t.strip():
            candidates.setdefault(t.strip(), aid)
    if not candidates:
        return story.title or "Untitled story"
    vocab = {aid: set(_content_words(texts.get(aid, ""))) for aid in story.article_ids}

    def score(item: tuple[int, tuple[str, str | None]]) -> tuple[float, int]:
        i, (title, own) = item
        words = set(_content_words(title))
        others = [v for aid, v in vocab.items() if aid != own] or list(vocab.values())
        cover = sum(len(words & v) / len(words) for v in others) / len(others) if words and others else 0.0
        long = TITLE_LENGTH_PENALTY if len(title.split()) > MAX_TITLE_WORDS else 0.0
        return (cover - TITLE_LOADED_WEIGHT * loadedness(title, terms) - long, -i)

    return max(enumerate(candidates.items()), key=score)[1][0]


def _content_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z][a-z'’-]+", text.lower().replace("’s", "").replace("'s", ""))
            if len(w) > 2 and w not in _STOPWORDS]
