"""An invented story (a port strike in a made-up city), cross-checked by hand.

The report tests need a story with every kind of finding before the real
cross-check exists, and one whose facts the tests know: four outlets, events
with relays, a disagreement between outlets, a contradiction inside one
article, loaded labels, attributions and flags. All text is invented.
"""

from __future__ import annotations

from newsprism.model import (
    AnalyzedArticle,
    Article,
    CanonicalEntity,
    Conflict,
    ConflictValue,
    CrossCheck,
    Evidence,
    Flag,
    FlagEvidence,
    Framing,
    FramingVariant,
    Story,
    StoryAttribution,
    StoryEvent,
)

HARBOURLINE = (
    "MERROWGATE, March 4 (Harbourline) - About 4,000 dockworkers walked off the job at the port of Merrowgate "
    "on Tuesday, halting container traffic for a second day.\n"
    "Labour Minister Priya Castell met union leader Tomas Reyna on March 3 for four hours, but the talks ended "
    "without an agreement.\n"
    "The union said its members would vote on the government's offer on March 10 at Merrowgate Hall.\n"
    "Shipping lines have diverted at least 12 vessels to Port Ellis, according to the Merrowgate Port Authority.\n"
    "The venue of the vote has not been announced, a union spokesperson said later.\n"
)
COASTAL = (
    "Union boss Tomas Reyna defied Labour Minister Priya Castell on Tuesday as 2,500 strikers kept the port "
    "of Merrowgate closed.\n"
    "Castell and Reyna met on March 3 in the capital, the ministry said.\n"
    "The militant union plans a ballot on the offer on March 10.\n"
    "The port authority said 12 ships had been sent to Port Ellis since the stoppage began.\n"
)
AGENCY = (
    "Labour Minister Priya Castell held talks with union leader Tomas Reyna on March 3, the ministry said in "
    "a statement.\n"
    "According to Coastal Wire, about 2,500 workers have joined the stoppage at the port of Merrowgate.\n"
    "The minister called on both sides to return to the table before the vote planned for March 10.\n"
)
FILLER = (
    "In summary, the Merrowgate port strike represents a pivotal moment with implications that extend far "
    "beyond the harbour.\n"
    "Minister Priya Castell met Tomas Reyna on March 3 to discuss the dispute over wages.\n"
    "References\n"
    "[1] Harbourline. (2026, February 20). Merrowgate strike begins.\n"
)


def _article(aid: str, outlet: str, title: str, text: str, published: str) -> Article:
    return Article(id=aid, source=f"invented/{aid}.txt", text=text, outlet=outlet, title=title,
                   published=published, published_basis="header")


ARTICLES = [
    _article("a-0000000000000001", "Harbourline", "Dockworkers' strike shuts Merrowgate port as talks stall",
             HARBOURLINE, "2026-03-04"),
    _article("a-0000000000000002", "Coastal Wire", "Union boss defies minister as port strike enters second day",
             COASTAL, "2026-03-04"),
    _article("a-0000000000000003", "State News Agency", "Government seeks calm at Merrowgate port",
             AGENCY, "2026-03-05"),
    _article("a-0000000000000004", "ProfitBot Daily", "Merrowgate strike: a pivotal moment", FILLER, "2026-03-05"),
]
A1, A2, A3, A4 = (a.id for a in ARTICLES)
TEXTS = {a.id: a.text for a in ARTICLES}


def ev(aid: str, phrase: str, attributed_to: str | None = None) -> Evidence:
    """Evidence for the line of article ``aid`` that contains ``phrase``."""
    text = TEXTS[aid]
    at = text.index(phrase)
    start = text.rfind("\n", 0, at) + 1
    end = text.index("\n", at)
    return Evidence(article_id=aid, sentence=text[start:end], start=start, end=end, attributed_to=attributed_to)


def events() -> list[StoryEvent]:
    # Deliberately not in corroboration order: the report must sort them.
    return [
        StoryEvent(id="v-divert", type="diversion", plover=None, summary="Ships diverted to Port Ellis",
                   actors=[], targets=[], date=None, place="Port Ellis", status="happened",
                   article_ids=[A1, A2], independent_sources=1,
                   evidence=[ev(A1, "diverted", "Merrowgate Port Authority"), ev(A2, "12 ships", "port authority")],
                   relays=[{"source": "Merrowgate Port Authority", "article_ids": [A1, A2]}]),
        StoryEvent(id="v-vote", type="vote", plover=None, summary="Union members vote on the offer",
                   actors=["e-union"], targets=[], date="2026-03-10", place=None, status="planned",
                   article_ids=[A1, A2, A3], independent_sources=3,
                   evidence=[ev(A1, "would vote"), ev(A2, "plans a ballot"), ev(A3, "vote planned")]),
        StoryEvent(id="v-strike", type="strike", plover="PROTEST", summary="Dockworkers strike at Merrowgate port",
                   actors=["e-union"], targets=[], date="2026-03-03", place="Merrowgate", status="happened",
                   article_ids=[A1, A2, A3], independent_sources=2,
                   evidence=[ev(A1, "walked off"), ev(A2, "strikers kept"), ev(A3, "joined the stoppage", "Coastal Wire")],
                   relays=[{"source": "Coastal Wire", "article_ids": [A3]}]),
        StoryEvent(id="v-meet", type="meeting", plover="CONSULT", summary="Castell met Reyna",
                   actors=["e-castell"], targets=["e-reyna"], date="2026-03-03", place=None, status="happened",
                   article_ids=[A1, A2, A3, A4], independent_sources=3,
                   evidence=[ev(A1, "for four hours"), ev(A2, "Castell and Reyna met", "ministry"),
                             ev(A3, "held talks", "ministry"), ev(A4, "to discuss the dispute")],
                   relays=[{"source": "the ministry", "article_ids": [A2, A3]}]),
    ]


def conflicts() -> list[Conflict]:
    return [
        Conflict(id="c-venue", kind="place", subject="venue of the vote", within_article=True, values=[
            ConflictValue(value="Merrowgate Hall", article_ids=[A1], evidence=[ev(A1, "Merrowgate Hall")]),
            ConflictValue(value="has not been announced", article_ids=[A1], evidence=[ev(A1, "not been announced")]),
        ]),
        Conflict(id="c-strikers", kind="number", subject="number of strikers", within_article=False, values=[
            ConflictValue(value="4,000", article_ids=[A1], evidence=[ev(A1, "4,000")]),
            ConflictValue(value="2,500", article_ids=[A2, A3], evidence=[ev(A2, "2,500"), ev(A3, "2,500")]),
        ]),
    ]


def framing() -> list[Framing]:
    return [
        Framing(subject="Tomas Reyna", variants=[
            FramingVariant(term="union leader", article_ids=[A1, A3], evidence=[ev(A1, "union leader")]),
            FramingVariant(term="Union boss", article_ids=[A2], loaded=True, evidence=[ev(A2, "Union boss")]),
        ]),
        Framing(subject="the union", variants=[
            FramingVariant(term="militant union", article_ids=[A2], loaded=True, evidence=[ev(A2, "militant")]),
            FramingVariant(term="union", article_ids=[A1], evidence=[ev(A1, "The union said")]),
        ]),
    ]


def attributions() -> list[StoryAttribution]:
    out = []
    for aid, phrase, source in [(A1, "diverted", "Merrowgate Port Authority"), (A2, "Castell and Reyna", "the ministry"),
                                (A3, "held talks", "the ministry"), (A3, "According to Coastal Wire", "Coastal Wire")]:
        e = ev(aid, phrase)
        out.append(StoryAttribution(article_id=aid, source=source, sentence=e.sentence, start=e.start, end=e.end))
    return out


def flags() -> list[Flag]:
    ref = ev(A4, "[1] Harbourline")
    filler = ev(A4, "pivotal moment")
    return [
        Flag(article_id=A4, kind="anachronistic_reference",
             detail="reference [1] is dated 2026-02-20, before the strike it reports began",
             evidence=[FlagEvidence(sentence=ref.sentence, start=ref.start, end=ref.end)]),
        Flag(article_id=A4, kind="machine_generated_style", detail="stock filler phrases: 'In summary', 'pivotal moment'",
             evidence=[FlagEvidence(sentence=filler.sentence, start=filler.start, end=filler.end)], score=0.8),
    ]


def entities() -> list[CanonicalEntity]:
    return [
        CanonicalEntity(id="e-castell", name="Priya Castell", type="PERSON", aliases=["Priya Castell", "Castell"],
                        article_ids=[A1, A2, A3, A4]),
        CanonicalEntity(id="e-reyna", name="Tomas Reyna", type="PERSON", aliases=["Tomas Reyna", "Reyna"],
                        article_ids=[A1, A2, A3, A4]),
        CanonicalEntity(id="e-union", name="union", type="ORG", aliases=["union"], article_ids=[A1, A2]),
    ]


def build_inputs(articles: list[Article] | None = None):
    """(analysed articles, stories, checks) for ``build_report``."""
    arts = articles or ARTICLES
    analyzed = [AnalyzedArticle(article=a) for a in arts]
    story = Story(id="s-invented0001", title=arts[1].title or "", article_ids=[a.id for a in arts],
                  entities=entities())
    check = CrossCheck(events=events(), conflicts=conflicts(), framing=framing(), attributions=attributions(),
                       flags=flags())
    return analyzed, [story], {story.id: check}

