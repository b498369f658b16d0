"""Machine-written-style score on invented filler and invented wire copy."""

from __future__ import annotations

from newsprism.crosscheck.style import STYLE_THRESHOLD, score_style
from newsprism.model import AnalyzedArticle, Article, Reference

WIRE = (
    "Valdoria's parliament voted 112 to 87 on Tuesday to extend the state of emergency in the port city of "
    "Menasco by 60 days, the speaker's office said.\n"
    "Interior Minister Carla Rentova told lawmakers that police had detained 41 people since the unrest began on "
    "March 3, and that two officers were injured in clashes near the harbour on Sunday.\n"
    "Opposition leader Tomas Irribe said the extension was unnecessary. \"The streets are calm,\" he told "
    "reporters outside the chamber.\n"
    "The measure allows authorities to impose curfews and ban gatherings of more than 20 people, according to the "
    "text published in the official gazette.\n"
    "Rentova said the government would review the order after 30 days."
)

FILLER_BODY = (
    "In a series of recent developments, it has been announced that the Valdorian port dispute will be discussed "
    "at a regional forum. The forum is seen as a pivotal moment for the region, with implications that extend far "
    "beyond the harbour of Menasco.\n"
    "Interior Minister Carla Rentova has been actively engaging with partners. Analysts note that Interior Minister "
    "Carla Rentova plays a crucial role in navigating the complexities of the dispute, and Opposition Leader Tomas "
    "Irribe remains a key voice. Opposition Leader Tomas Irribe has called for calm.\n"
    "In summary, the forum aims to address the dispute, and it remains to be seen whether it will succeed. It is "
    "important to note that the outcome is a testament to the region's resilience.\n"
)
FILLER_REFS = (
    "[1] Harbour Times. (2024, May 2). Valdoria port dispute heads to regional forum. Retrieved from "
    "https://harbourtimes.example/2024/05/02/valdoria-port-forum\n"
)
FILLER_BULLETS = (
    "- The Valdorian port dispute will be discussed at a regional forum, a pivotal moment for the region.\n"
    "- Interior Minister Carla Rentova plays a crucial role in navigating the complexities of the dispute.\n"
)


def _analyzed(text: str, refs: list[Reference] | None = None) -> AnalyzedArticle:
    return AnalyzedArticle(article=Article(id="a-test", source="test.txt", text=text, references=refs or []))


def _filler() -> AnalyzedArticle:
    text = FILLER_BODY + FILLER_REFS + FILLER_BULLETS
    start = text.index("[1]")
    end = text.index("\n", start)
    ref = Reference(index=1, text=text[start:end], outlet="Harbour Times", date="2024-05-02",
                    title="Valdoria port dispute heads to regional forum",
                    url="https://harbourtimes.example/2024/05/02/valdoria-port-forum", start=start, end=end)
    return _analyzed(text, [ref])


def test_score_style_flags_filler_with_reasons():
    style = score_style(_filler())
    assert style.flagged and style.points >= STYLE_THRESHOLD
    names = {f.name for f in style.features}
    assert {"stock phrases", "summary opener", "bullet recap", "academic reference list",
            "repeated full names"} <= names
    text = _filler().article.text
    stock = next(f for f in style.features if f.name == "stock phrases")
    matched = {text[a:b].lower() for a, b in stock.spans}
    assert "pivotal moment" in matched and "implications that extend far beyond" in matched


def test_score_style_leaves_wire_copy_alone():
    style = score_style(_analyzed(WIRE))
    assert not style.flagged
    assert style.points == 0


def test_score_style_one_stock_phrase_is_not_enough():
    style = score_style(_analyzed(WIRE + "\nWhether the curfew holds remains to be seen."))
    assert [f.name for f in style.features] == ["stock phrases"]
    assert not style.flagged


def test_score_style_bullets_that_do_not_restate_the_body_are_no_recap():
    text = WIRE + "\n- Ferry timetable changes take effect on Monday.\n- Museum opening hours are extended.\n"
    assert "bullet recap" not in {f.name for f in score_style(_analyzed(text)).features}
