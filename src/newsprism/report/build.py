"""Assemble the Report (docs/report-contract.md) from the stages' output.

The report is the product's contract: the CLI, the web app and the API all
render this one object, so everything a reader sees is decided here: the
order of events (best corroborated first), the timeline, the neutral title
and the cited brief.
"""

from __future__ import annotations

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


def build_report(articles: list[AnalyzedArticle], stories: list[Story], checks: dict[str, CrossCheck]) -> Report:
    """Build the Report for ``stories`` of ``articles`` with their cross-checks (keyed by story id)."""
    rep = Report(generator=f"newsprism {newsprism.__version__}")
    for a in articles:
        rep.articles.append(report_article(a))
        rep.texts[a.id] = a.article.text
    titles = {a.id: a.article.title for a in articles}
    for story in stories:
        rep.stories.append(_story(story, checks.get(story.id) or CrossCheck(), rep, titles))
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


def _story(story: Story, check: CrossCheck, rep: Report, titles: dict[str, str | None]) -> ReportStory:
    events = sort_events(check.events)
    members = [a for a in rep.articles if a.id in set(story.article_ids)]
    return ReportStory(
        id=story.id,
        title=_neutral_title(story, check, titles),
        article_ids=list(story.article_ids),
        entities=[entity_record(e) for e in story.entities],
        events=events,
        conflicts=list(check.conflicts),
        framing=list(check.framing),
        attributions=list(check.attributions),
        flags=list(check.flags),
        timeline=build_timeline(events),
        summary=build_brief(events, check.conflicts, check.framing, texts=rep.texts, articles=members,
                            flags=check.flags),
    )


def _neutral_title(story: Story, check: CrossCheck, titles: dict[str, str | None]) -> str:
    """The least loaded headline among the story's own and its articles' titles.

    The story stage picks a representative headline; if it carries loaded
    wording ("dictator", "regime") and another article's headline does not,
    the neutral one serves the reader better. Ties keep the story's title.
    """
    terms = loaded_terms_of(check.framing)
    candidates = [story.title] + [t for aid in story.article_ids if (t := titles.get(aid))]
    candidates = [c.strip() for c in candidates if c and c.strip()]
    if not candidates:
        return story.title or "Untitled story"
    return min(enumerate(candidates), key=lambda ic: (loadedness(ic[1], terms), ic[0]))[1]
