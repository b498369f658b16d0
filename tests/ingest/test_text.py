"""Plain-text articles: header lines out of the text, datelines and references recorded, dates with basis."""

from __future__ import annotations

from newsprism.ingest.decode import article_id
from newsprism.ingest.text import read_text

from .ingest_samples import PARAGRAPHS, TEXT_NO_HEADER, TEXT_WIRE, TEXT_WITH_HEADER, TEXT_WITH_REFERENCES


def test_text_header_lines_become_metadata_not_text():
    art = read_text(TEXT_WITH_HEADER, "strike.txt")
    assert art.outlet == "velden-courier.example"
    assert art.title == "Velden dockworkers strike over night-shift pay"
    assert (art.published, art.published_basis) == ("2024-03-12", "header")
    assert art.text.startswith("VELDEN (Courier) -\nDockworkers at the port")
    assert "News ID" not in art.text and "Publish Date" not in art.text and art.title not in art.text
    assert art.dateline == "VELDEN (Courier) -"
    assert art.id == article_id(art.text)


def test_text_standalone_date_line_is_a_header_and_dateline_is_kept_in_body():
    art = read_text(TEXT_WIRE, "wire.txt")
    assert art.title == "Minister offers to mediate in Velden port strike"
    assert (art.published, art.published_basis) == ("2024-03-13", "header")
    assert art.dateline == "Velden [Norland], March 13 :"
    assert art.text.startswith("Velden [Norland], March 13 : Transport Minister")
    assert "https://social.example/runge/status/4411" in art.text  # bare URL lines stay in the body


def test_text_dateline_year_comes_from_the_text_when_no_header():
    body = ("RONDALE, April 2 (Norpress) - The city council of Rondale approved a new tram line on Tuesday. "
            "Construction, first proposed on January 15, 2023, is due to start in the autumn.")
    art = read_text(body, "tram.txt")
    assert art.dateline == "RONDALE, April 2 (Norpress) -"
    assert (art.published, art.published_basis) == ("2023-04-02", "dateline")


def test_text_without_title_line_starts_with_the_lede():
    art = read_text(TEXT_NO_HEADER, "lede.txt")
    assert art.title is None
    assert art.text.startswith("On March 12, dockworkers")


def test_text_byline_is_recorded_and_removed():
    art = read_text("Velden strike enters second day\nBy Anna Kowal and Piet Mersk\n\n" + "\n".join(PARAGRAPHS),
                    "byline.txt")
    assert art.byline == "Anna Kowal and Piet Mersk"
    assert art.text.startswith("Dockworkers at the port")


def test_text_references_are_parsed_with_spans_into_the_text():
    art = read_text(TEXT_WITH_REFERENCES, "refs.txt")
    assert [r.index for r in art.references] == [1, 2]
    first, second = art.references
    assert (first.outlet, first.date, first.title) == ("Norland Herald", "2024-03-02",
                                                       "Port unions warn of action over pay")
    assert first.url == "https://herald.example/2024/03/02/port-unions"
    assert second.date == "2024-02-27"
    assert art.text[first.start:first.end].startswith("[1] Norland Herald. (2024, March 2).")
    assert art.text[second.start:second.end].endswith("velden-night-shifts")
    # the only body date is a future one and the reference dates are not the article's: no date
    assert art.published is None


def test_dateline_with_country_and_date_is_recognised():
    from newsprism.ingest.dateline import find_dateline

    line = find_dateline("TARSK, Velora, May 4 - At least nine people died.")
    assert line is not None and line.place == "TARSK, Velora" and line.date == "May 4"
    assert find_dateline("Velora, Tarsk and Orvan agreed on May 3 - a first step.") is None
