"""Publication dates: parsing, past-tense inference, and year-less dates resolved from the batch."""

from __future__ import annotations

from newsprism.ingest.published import date_mentions, infer_from_text, infer_missing_years, is_date_line, parse_date
from newsprism.ingest.text import read_text
from newsprism.model import Article

from .ingest_samples import TEXT_NO_HEADER


def test_parse_date_common_shapes():
    assert parse_date("12 March 2024 - 18:40") == "2024-03-12"
    assert parse_date("Mar 13, 2024") == "2024-03-13"
    assert parse_date("2024-03-12T09:30:00Z") == "2024-03-12"
    assert parse_date("Tue, 12 Mar 2024 09:30:00 GMT") == "2024-03-12"
    assert parse_date("13.03.2024 10:15") == "2024-03-13"
    assert parse_date("next harvest") is None


def test_is_date_line_only_for_lines_that_are_dates():
    assert is_date_line("Mar 13, 2024")
    assert is_date_line("Wednesday, 13 March 2024, 10:40 GMT")
    assert is_date_line("13.03.2024 10:15")
    assert not is_date_line("March 13, 2024 was a tense day in Velden")


def test_future_and_deadline_dates_do_not_bound_publication():
    text = ("The minister met union leaders on May 3, 2024. A vote is scheduled for May 20, 2024, "
            "and the contract will expire on June 1, 2024.")
    mentions = date_mentions(text)
    assert [(m.month, m.day, m.future) for m in mentions] == [(5, 3, False), (5, 20, True), (6, 1, True)]
    assert infer_from_text(text) == ("2024-05-03", "inferred")


def test_abbreviated_months_with_periods_are_found():
    text = "Officials said the ferry sank on Sept. 4, days before the inquiry expected on Sept. 20."
    assert [(m.month, m.day) for m in date_mentions(text)] == [(9, 4), (9, 20)]


def test_yearless_report_takes_its_year_from_dated_siblings():
    undated = read_text(TEXT_NO_HEADER, "lede.txt")
    assert undated.published is None
    dated = Article(id="a-1", source="x.txt", text="...", published="2024-03-13", published_basis="header")
    assert infer_missing_years([undated, dated]) == 1
    # latest past-tense date is March 12; March 19 is scheduled, so it does not count
    assert (undated.published, undated.published_basis) == ("2024-03-12", "inferred")


def test_yearless_report_stays_undated_without_a_nearby_sibling():
    undated = read_text(TEXT_NO_HEADER, "lede.txt")
    far = Article(id="a-1", source="x.txt", text="...", published="2019-09-30", published_basis="header")
    assert infer_missing_years([undated, far]) == 0
    assert undated.published is None


def test_bare_years_in_background_do_not_date_a_report():
    text = "The governor, in office since 2009, visited the flooded district on Oct. 2. The levee was built in 1988."
    assert infer_from_text(text) == (None, None)


def test_yearless_report_stays_undated_when_two_years_fit():
    undated = read_text(TEXT_NO_HEADER, "lede.txt")
    siblings = [Article(id=f"a-{y}", source="x.txt", text="...", published=f"{y}-03-14", published_basis="header")
                for y in (2023, 2024)]
    assert infer_missing_years([undated, *siblings]) == 0
    assert undated.published is None
