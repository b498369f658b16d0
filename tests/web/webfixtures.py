"""A store holding a hand-built report over invented articles, for the web tests.

The report is written by hand (not by the analysis stages) so the web tests
check what the web app does with a report, whatever the analysis finds:
every span below is located in the article text it cites.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from newsprism.model import (
    Article,
    Conflict,
    ConflictValue,
    Evidence,
    Flag,
    FlagEvidence,
    Framing,
    FramingVariant,
    Report,
    ReportArticle,
    ReportStory,
    StoryAttribution,
    StoryEvent,
    SummarySentence,
    TimelineEntry,
)
from newsprism.store import Store

# Invented articles about an invented event (no corpus text).
TEXTS = {
    "harbour-times": (
        "Dockworkers walked off the job at the port of Velmar on Monday, halting container traffic.\n\n"
        "The strike was called by the Velmar Dockers Union after talks with the port authority collapsed, "
        "union chief Dana Orlov said.\n\n"
        "Orlov said about 1,200 workers had joined the stoppage by midday."
    ),
    "coastal-wire": (
        "Port workers in Velmar began a strike on Tuesday, according to the regional broadcaster RTV Sud.\n\n"
        "Firebrand union boss Dana Orlov told reporters the walkout would last until wages were restored.\n\n"
        "The port authority said 800 workers had stopped work."
    ),
    "meridian-daily": (
        "A strike by dockworkers closed the port of Velmar on Monday, the port authority said.\n\n"
        "Ships were diverted to Castra, officials said. The walkout could end next week, the union hinted.\n\n"
        "[1] Port statement (2019, March 3)."
    ),
}
OUTLETS = {"harbour-times": "Harbour Times", "coastal-wire": "Coastal Wire", "meridian-daily": "Meridian Daily"}
HOSTILE_TEXT = (
    "Officials denied <script>window.__pwned = 1</script> any role in the <img src=x onerror=\"window.__pwned=2\"> "
    "incident at the port of Velmar on Monday.\n\nThe port reopened later that day."
)
HOSTILE_TITLE = "<script>window.__pwned=3</script>Port denial"


def aid(text: str) -> str:
    return "a-" + hashlib.sha1(text.encode()).hexdigest()[:16]


def _span(text: str, sentence: str) -> tuple[int, int]:
    start = text.index(sentence)
    return start, start + len(sentence)


def _ev(text: str, article_id: str, sentence: str, attributed_to: str | None = None) -> Evidence:
    s, e = _span(text, sentence)
    return Evidence(article_id, sentence, s, e, attributed_to)


def build_fixture_report() -> tuple[Report, list[Article]]:
    """A two-story report: the Velmar strike (three outlets) and a hostile article alone."""
    ids = {k: aid(t) for k, t in TEXTS.items()}
    hostile_id = aid(HOSTILE_TEXT)
    articles = [Article(id=ids[k], source=f"{k}.txt", text=t, outlet=OUTLETS[k],
                        title=f"{OUTLETS[k]}: dock strike in Velmar", published="2031-05-1" + str(i),
                        published_basis="metadata")
                for i, (k, t) in enumerate(TEXTS.items())]
    articles.append(Article(id=hostile_id, source="hostile.html", text=HOSTILE_TEXT, outlet="<b>Evil</b> Outlet",
                            title=HOSTILE_TITLE, published="2031-06-02", published_basis="metadata"))
    ht, cw, md = TEXTS["harbour-times"], TEXTS["coastal-wire"], TEXTS["meridian-daily"]
    hid, cid, mid = ids["harbour-times"], ids["coastal-wire"], ids["meridian-daily"]
    strike = StoryEvent(
        id="v-0123456789ab", type="strike", plover="PROTEST", summary="Dockworkers went on strike at the port of Velmar",
        actors=["e-000000000001"], targets=["e-000000000002"], date="2031-05-10", place="Velmar", status="happened",
        article_ids=[hid, cid, mid], independent_sources=3,
        evidence=[_ev(ht, hid, "Dockworkers walked off the job at the port of Velmar on Monday, halting container traffic."),
                  _ev(cw, cid, "Port workers in Velmar began a strike on Tuesday, according to the regional broadcaster RTV Sud.",
                      "RTV Sud"),
                  _ev(md, mid, "A strike by dockworkers closed the port of Velmar on Monday, the port authority said.")])
    diverted = StoryEvent(
        id="v-abcdefabcdef", type="divert", plover=None, summary="Ships were diverted to Castra", actors=[],
        targets=[], date=None, place="Castra", status="happened", article_ids=[mid], independent_sources=1,
        evidence=[_ev(md, mid, "Ships were diverted to Castra, officials said.")])
    conflict = Conflict(id="c-00000000c0de", kind="number", subject="workers on strike", within_article=False,
                        values=[ConflictValue("1,200", [hid], [_ev(ht, hid, "Orlov said about 1,200 workers had joined the stoppage by midday.")]),
                                ConflictValue("800", [cid], [_ev(cw, cid, "The port authority said 800 workers had stopped work.")])])
    framing = Framing(subject="Dana Orlov", variants=[
        FramingVariant("union chief", [hid], evidence=[_ev(ht, hid, "union chief Dana Orlov")]),
        FramingVariant("Firebrand union boss", [cid], loaded=True,
                       evidence=[_ev(cw, cid, "Firebrand union boss Dana Orlov")])])
    ref = "[1] Port statement (2019, March 3)."
    flag = Flag(article_id=mid, kind="anachronistic_reference",
                detail="reference [1] is dated years before the strike it is cited for",
                evidence=[FlagEvidence(ref, *_span(md, ref))])
    attribution = StoryAttribution(cid, "RTV Sud", strike.evidence[1].sentence, strike.evidence[1].start,
                                   strike.evidence[1].end, ["RTV Sud"])
    story = ReportStory(
        id="s-00000000a11e", title="Dock strike at the port of Velmar", article_ids=[hid, cid, mid],
        entities=[{"id": "e-000000000001", "name": "Velmar Dockers Union", "type": "ORG", "aliases": [],
                   "article_ids": [hid]},
                  {"id": "e-000000000002", "name": "port authority", "type": "ORG", "aliases": [],
                   "article_ids": [hid, cid, mid]}],
        events=[strike, diverted], conflicts=[conflict], framing=[framing], attributions=[attribution], flags=[flag],
        timeline=[TimelineEntry("2031-05-10", [strike.id])],
        summary=[SummarySentence("Dockworkers struck at the port of Velmar.", [hid, mid],
                                 [strike.evidence[0], strike.evidence[2]])])
    hostile_sentence = HOSTILE_TEXT.split("\n\n")[0]
    hostile_story = ReportStory(
        id="s-00000000bad0", title="<script>window.__pwned=4</script>Port denial story", article_ids=[hostile_id],
        events=[StoryEvent(id="v-00000000bad1", type="deny", plover="REJECT",
                           summary="<img src=x onerror=\"window.__pwned=5\">Officials denied a role",
                           actors=[], targets=[], date="2031-06-02", place=None, status="denied",
                           article_ids=[hostile_id], independent_sources=1,
                           evidence=[_ev(HOSTILE_TEXT, hostile_id, hostile_sentence)])])
    report = Report(generator="newsprism test", stories=[story, hostile_story],
                    articles=[ReportArticle(a.id, a.source, a.outlet, a.title, a.published, a.published_basis,
                                            a.language, a.words, None) for a in articles],
                    texts={a.id: a.text for a in articles})
    return report, articles


def write_fixture_store(path: Path) -> Path:
    report, articles = build_fixture_report()
    with Store(path) as store:
        store.add_articles(articles)
        store.put_report(report)
    return path

STRIKE_ID = "s-00000000a11e"
HOSTILE_STORY_ID = "s-00000000bad0"

# Invented articles for the ingest tests: three outlets on one wildfire, and a
# fourth report of it to upload later and see it join their story.
WILDFIRE_FILES = {
    "valley-post.txt": (
        "valleypost.example\n\nPublish Date : 14 July 2031\n\n"
        "Wildfire forces evacuation of Brenholt\n\n"
        "BRENHOLT, July 14 (VP) - A wildfire in the Sarvel Valley forced the evacuation of about 3,000 residents "
        "of Brenholt on Monday, regional fire chief Inga Malmberg said.\n"
        "Malmberg said strong winds had pushed the fire across the Brenholt ridge overnight.\n"
        "Two schools in the town were opened as emergency shelters.\n"),
    "north-ledger.txt": (
        "northledger.example\n\nPublish Date : 14 July 2031\n\n"
        "Thousands flee Sarvel Valley wildfire\n\n"
        "About 3,000 people were evacuated from Brenholt on Monday as a wildfire spread through the Sarvel Valley, "
        "according to the regional fire service.\n"
        "Fire chief Inga Malmberg said winds had driven the blaze over the ridge above Brenholt.\n"
        "Emergency shelters were set up in two schools.\n"),
    "coast-courier.txt": (
        "coastcourier.example\n\nPublish Date : 15 July 2031\n\n"
        "Brenholt residents evacuated as wildfire spreads\n\n"
        "A wildfire in the Sarvel Valley led to the evacuation of some 2,500 Brenholt residents on Monday, "
        "local officials said.\n"
        "Regional fire chief Inga Malmberg said the fire jumped the Brenholt ridge in high winds.\n"
        "Residents were sheltering in two schools on Tuesday.\n"),
}
WILDFIRE_LATE = ("harbour-gazette.txt", (
    "harbourgazette.example\n\nPublish Date : 15 July 2031\n\n"
    "Sarvel Valley wildfire: Brenholt evacuees wait to return\n\n"
    "Evacuees from Brenholt waited in two school shelters on Tuesday as the Sarvel Valley wildfire burned "
    "for a second day, fire chief Inga Malmberg said.\n"
    "About 3,000 residents of Brenholt were evacuated on Monday after winds pushed the fire over the ridge.\n"))

