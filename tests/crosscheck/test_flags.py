"""Red flags on invented articles: what must be flagged, and what must stay clean."""

from __future__ import annotations

from newsprism.crosscheck import style
from newsprism.crosscheck.flags import flag_articles
from newsprism.crosscheck.style import StyleModel
from newsprism.crosscheck.style_features import Vocabulary, feature_names
from newsprism.model import (
    AnalyzedArticle,
    Article,
    Attribution,
    Conflict,
    ConflictValue,
    Evidence,
    Reference,
    Story,
)

REPORT = (
    "Foreign ministers of Norland and Estavia agreed on Monday to meet in Port Aurel on May 20 for talks on "
    "fishing rights, the Norland foreign ministry said.\n"
    "Estavian officials confirmed the date but said the agenda was still being drafted."
)

FABRICATED_BODY = (
    "In a series of recent developments, it has been announced that the ministers of Norland and Estavia will meet "
    "in Port Aurel. The meeting is a pivotal moment for the region, with implications that extend far beyond the "
    "fishing grounds.\n"
    "The venue for the meeting has not been announced yet.\n"
    "In summary, the talks will address fishing rights, and it remains to be seen whether they will succeed.\n"
)


def _article(aid: str, text: str, *, published: str | None = None, refs=None, attributions=None) -> AnalyzedArticle:
    return AnalyzedArticle(article=Article(id=aid, source=f"{aid}.txt", text=text, published=published,
                                           references=refs or []),
                           attributions=attributions or [])


def _with_refs(body: str, entries: list[tuple[str, str, str]]) -> tuple[str, list[Reference]]:
    text, refs = body, []
    for i, (when, title, url) in enumerate(entries, 1):
        line = f"[{i}] Harbour Times. ({when}). {title}. Retrieved from {url}"
        refs.append(Reference(index=i, text=line, outlet="Harbour Times", date=when, title=title, url=url,
                              start=len(text), end=len(text) + len(line)))
        text += line + "\n"
    return text, refs


def _story(*arts: AnalyzedArticle) -> Story:
    return Story(id="s-test", title="ministers to meet", article_ids=[a.id for a in arts])


def _reporter() -> AnalyzedArticle:
    src = Attribution(source="Norland foreign ministry", start=0, end=len(REPORT.splitlines()[0]),
                      sentence=REPORT.splitlines()[0])
    return _article("a-report", REPORT, published="2031-05-05", attributions=[src])


def _test_style_model(monkeypatch) -> None:
    """A style model written for the test: one learnt n-gram, weighted so that a single occurrence flags."""
    vocab = Vocabulary(function_words=(), machine_ngrams=("pivotal moment",), human_ngrams=())
    names = tuple(feature_names(vocab))
    weights = tuple(5.0 if n == "machine-leaning n-grams" else 0.0 for n in names)
    model = StyleModel(names, weights, 0.0, (0.0,) * len(names), (1.0,) * len(names), (0.0,) * len(names),
                       0.9, vocab)
    monkeypatch.setattr(style, "_MODEL", model)


def test_flag_articles_fabricated_article_gets_reference_and_style_flags(monkeypatch):
    _test_style_model(monkeypatch)
    text, refs = _with_refs(FABRICATED_BODY, [
        ("2031-05-01", "Norland and Estavia ministers to meet in Port Aurel for fishing talks",
         "https://harbourtimes.example/news/world-31022233"),
        ("2031-05-02", "Estavia agrees fishing talks with Norland in Port Aurel",
         "https://harbourtimes.example/2031/05/02/estavia-norland-fishing-talks"),
    ])
    fake, report = _article("a-fake", text, refs=refs), _reporter()
    flags = flag_articles(_story(report, fake), [report, fake], [], [])
    kinds = {(f.article_id, f.kind) for f in flags}
    assert kinds == {("a-fake", "anachronistic_reference"), ("a-fake", "unverifiable_reference"),
                     ("a-fake", "machine_generated_style")}
    for f in flags:
        assert f.evidence and f.detail and f.score is not None
        for e in f.evidence:
            assert text[e.start:e.end] in e.sentence or e.sentence in text[e.start:e.end]


def test_flag_articles_clean_article_with_proper_references_has_no_flag():
    text, refs = _with_refs(REPORT + "\n", [
        ("2031-05-05", "Norland and Estavia ministers to meet in Port Aurel",
         "https://harbourtimes.example/2031/05/05/norland-estavia-ministers-meet"),
    ])
    cited = _article("a-cited", text, published="2031-05-06", refs=refs,
                     attributions=[Attribution(source="Norland foreign ministry", start=0, end=10, sentence="x")])
    report = _reporter()
    assert flag_articles(_story(report, cited), [report, cited], [], []) == []


def test_flag_articles_within_article_conflict_becomes_internal_contradiction():
    fake = _article("a-fake", FABRICATED_BODY)
    place_at = FABRICATED_BODY.index("meet in Port Aurel")
    venue_at = FABRICATED_BODY.index("The venue")
    conflict = Conflict(id="c-1", kind="place", subject="place of the meeting", within_article=True, values=[
        ConflictValue("Port Aurel", ["a-fake"], [Evidence("a-fake", "meet in Port Aurel", place_at, place_at + 18)]),
        ConflictValue("not announced", ["a-fake"], [Evidence("a-fake", "The venue ...", venue_at, venue_at + 9)]),
    ])
    between = Conflict(id="c-2", kind="date", subject="date", within_article=False, values=[
        ConflictValue("May 20", ["a-report"]), ConflictValue("May 21", ["a-fake"])])
    flags = [f for f in flag_articles(_story(fake), [fake], [], [conflict, between])
             if f.kind == "internal_contradiction"]
    assert len(flags) == 1
    assert flags[0].article_id == "a-fake" and "'Port Aurel' vs 'not announced'" in flags[0].detail
    assert [(e.start, e.end) for e in flags[0].evidence] == [(place_at, place_at + 18), (venue_at, venue_at + 9)]


UNSOURCED = (
    "Security forces killed 230 civilians in Menasco last week in the deadliest crackdown ever recorded there.\n"
    "The governor orchestrated the raids and was responsible for the torture of detainees.\n"
    "At least 40 children were among the dead, and the city's hospitals were shelled.\n"
    "Markets reopened on Friday."
)


def test_flag_articles_unattributed_strong_claims():
    art = _article("a-unsourced", UNSOURCED)
    flags = flag_articles(_story(art), [art], [], [])
    assert [f.kind for f in flags] == ["unattributed_claim"]
    assert len(flags[0].evidence) == 3


def test_flag_articles_same_claims_with_sources_are_not_flagged():
    sourced = UNSOURCED.replace("there.\n", "there, a rights group said.\n")
    art = _article("a-sourced", sourced)
    assert flag_articles(_story(art), [art], [], []) == []
