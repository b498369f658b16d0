"""Reference checks on invented reference lists."""

from __future__ import annotations

from datetime import date

import pytest

from newsprism.crosscheck.references import check_references, url_date
from newsprism.model import AnalyzedArticle, Article, Evidence, Reference, StoryEvent

BODY = "The two foreign ministers will meet in Port Aurel next month, officials said.\n"


def _ref(i: int, when: str, title: str, url: str | None) -> Reference:
    return Reference(index=i, text=f"[{i}] Outlet. ({when}). {title}. Retrieved from {url}", date=when,
                     title=title, url=url, start=100 * i, end=100 * i + 50)


def _citing(refs: list[Reference], published: str | None = None) -> AnalyzedArticle:
    return AnalyzedArticle(article=Article(id="a-citing", source="c.txt", text=BODY, references=refs,
                                           published=published))


def _reporter(aid: str, published: str, text: str) -> AnalyzedArticle:
    return AnalyzedArticle(article=Article(id=aid, source=f"{aid}.txt", text=text, published=published))


SUMMIT_SENTENCE = "Foreign ministers of Norland and Estavia agreed on Monday to meet in Port Aurel for talks on fishing rights."
EVENT = StoryEvent(id="v-1", type="meeting", plover="CONSULT", summary="Norland and Estavia ministers to meet",
                   actors=[], targets=[], date="2031-05-20", place="Port Aurel", status="planned",
                   article_ids=["a-early", "a-later"], independent_sources=2,
                   evidence=[Evidence(article_id="a-early", sentence=SUMMIT_SENTENCE, start=0, end=10)])
REPORTERS = [_reporter("a-early", "2031-05-05", SUMMIT_SENTENCE),
             _reporter("a-later", "2031-05-07", "The Norland and Estavia ministers will meet in Port Aurel.")]


@pytest.mark.parametrize("url,expected", [
    ("https://paper.example/2031/05/02/world/port-aurel-talks.html", (date(2031, 5, 2), "day")),
    ("https://daily.example/world/2031/may/04/ministers-meet", (date(2031, 5, 4), "day")),
    ("https://wire.example/news/20310503-ministers", (date(2031, 5, 3), "day")),
    ("https://blog.example/2031/05/ministers/", (date(2031, 5, 1), "month")),
    ("https://broadcaster.example/news/world-48213377", None),
])
def test_url_date_reads_the_path(url, expected):
    assert url_date(url) == expected


def test_check_references_finds_reference_before_first_report():
    refs = [_ref(1, "2031-05-01", "Norland and Estavia ministers to meet in Port Aurel",
                 "https://paper.example/2031/05/01/norland-estavia-meet")]
    issues = check_references(_citing(refs), [EVENT], [_citing(refs)] + REPORTERS)
    kinds = [i.kind for i in issues]
    assert kinds == ["anachronistic_reference"]
    assert "4 days before" in issues[0].detail and "a-early" in issues[0].detail


def test_check_references_without_events_uses_story_sentences():
    refs = [_ref(1, "2031-05-01", "Norland and Estavia ministers to meet in Port Aurel",
                 "https://paper.example/2031/05/01/norland-estavia-meet")]
    issues = check_references(_citing(refs), [], [_citing(refs)] + REPORTERS)
    assert [i.kind for i in issues] == ["anachronistic_reference"]


def test_check_references_url_date_mismatch():
    refs = [_ref(1, "2031-05-06", "Ministers agree to meet", "https://paper.example/2029/11/14/ministers-agree-meet")]
    issues = check_references(_citing(refs), [], [_citing(refs)])
    assert [i.kind for i in issues] == ["unverifiable_reference"]
    assert "2029-11-14" in issues[0].detail


def test_check_references_ids_out_of_date_order():
    refs = [_ref(1, "2031-05-06", "Ministers agree to meet", "https://broadcaster.example/news/world-31000000"),
            _ref(2, "2031-04-01", "Fishing talks stall", "https://broadcaster.example/news/world-52000000")]
    issues = check_references(_citing(refs), [], [_citing(refs)])
    assert {i.kind for i in issues} == {"unverifiable_reference"}
    assert "opposite order" in issues[0].detail


def test_check_references_reference_after_the_article():
    refs = [_ref(1, "2031-06-30", "Ministers sign fishing accord", "https://paper.example/2031/06/30/accord")]
    issues = check_references(_citing(refs, published="2031-05-10"), [], [_citing(refs)])
    assert [i.kind for i in issues] == ["anachronistic_reference"]


def test_check_references_clean_list_has_no_issue():
    refs = [_ref(1, "2031-05-06", "Norland and Estavia ministers to meet in Port Aurel",
                 "https://paper.example/2031/05/06/norland-estavia-ministers-meet"),
            _ref(2, "2031-05-08", "Fishing quotas explained", "https://broadcaster.example/news/world-52000000")]
    citing = _citing(refs, published="2031-05-09")
    assert check_references(citing, [EVENT], [citing] + REPORTERS) == []


def test_check_references_undated_url_reported_only_beside_a_proven_problem():
    opaque = _ref(2, "2031-05-02", "Fishing quotas explained", "https://broadcaster.example/news/world-52000000")
    clean = _citing([opaque])
    assert check_references(clean, [EVENT], [clean] + REPORTERS) == []
    bad = _ref(1, "2031-05-01", "Norland and Estavia ministers to meet in Port Aurel",
               "https://paper.example/2031/05/01/norland-estavia-meet")
    citing = _citing([bad, opaque])
    issues = check_references(citing, [EVENT], [citing] + REPORTERS)
    assert [(i.kind, i.reference.index) for i in issues] == [("anachronistic_reference", 1),
                                                            ("unverifiable_reference", 2)]
