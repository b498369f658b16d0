"""Temporal expressions: resolution rules (no model) and extraction with tense (spaCy)."""

from __future__ import annotations

import datetime as dt

import pytest

from newsprism.nlp.temporal import extract_dates, nearest_year_date, resolve_expression, resolve_weekday

FRI = dt.date(2025, 8, 8)  # a Friday


@pytest.mark.parametrize(("weekday", "base", "tense", "relative", "expected"), [
    (4, FRI, "past", "", dt.date(2025, 8, 8)),  # "on Friday", published Friday: that day
    (0, FRI, "past", "", dt.date(2025, 8, 4)),
    (0, FRI, "future", "", dt.date(2025, 8, 11)),
    (4, FRI, "past", "last", dt.date(2025, 8, 1)),
    (4, FRI, "unknown", "next", dt.date(2025, 8, 15)),
    (2, dt.date(2025, 3, 1), "past", "", dt.date(2025, 2, 26)),  # across a month boundary
    (3, dt.date(2026, 1, 2), "past", "", dt.date(2026, 1, 1)),
    (5, dt.date(2026, 1, 1), "past", "", dt.date(2025, 12, 27)),  # across a year boundary
    (1, dt.date(2025, 12, 31), "future", "", dt.date(2026, 1, 6)),
    (4, dt.date(2025, 8, 7), "unknown", "", dt.date(2025, 8, 8)),  # no tense: the nearer Friday
    (0, dt.date(2025, 8, 7), "unknown", "", dt.date(2025, 8, 4)),
])
def test_resolve_weekday_by_tense(weekday, base, tense, relative, expected):
    assert resolve_weekday(weekday, base, tense, relative) == expected


@pytest.mark.parametrize(("month", "day", "base", "tense", "expected"), [
    (7, 28, FRI, "past", dt.date(2025, 7, 28)),
    (12, 30, dt.date(2026, 1, 3), "past", dt.date(2025, 12, 30)),
    (1, 5, dt.date(2025, 12, 28), "future", dt.date(2026, 1, 5)),
    (1, 5, dt.date(2025, 12, 28), "unknown", dt.date(2026, 1, 5)),  # nearest
    (8, 20, FRI, "past", dt.date(2024, 8, 20)),  # a past-tense date after publication is last year's
    (2, 29, dt.date(2025, 3, 10), "past", dt.date(2024, 2, 29)),
])
def test_nearest_year_date(month, day, base, tense, expected):
    assert nearest_year_date(month, day, base, tense) == expected


@pytest.mark.parametrize(("text", "base", "value", "precision", "window_end"), [
    ("next week", FRI, "2025-08-11", "week", "2025-08-17"),
    ("last week", dt.date(2026, 1, 1), "2025-12-22", "week", "2025-12-28"),
    ("last month", dt.date(2026, 1, 15), "2025-12", "month", None),
    ("next month", dt.date(2025, 12, 15), "2026-01", "month", None),
    ("earlier this year", FRI, "2025", "year", None),
    ("last year", FRI, "2024", "year", None),
    ("08 August 2025", dt.date(2026, 2, 1), "2025-08-08", "day", None),
    ("Aug. 8, 2025", dt.date(2026, 2, 1), "2025-08-08", "day", None),
    ("August 2024", FRI, "2024-08", "month", None),
    ("yesterday", dt.date(2026, 1, 1), "2025-12-31", "day", None),
    ("three days ago", dt.date(2025, 3, 2), "2025-02-27", "day", None),
    ("late Monday", FRI, "2025-08-04", "day", None),
])
def test_resolve_expression(text, base, value, precision, window_end):
    got = resolve_expression(text, base, "past")
    assert (got.value, got.precision, got.window_end) == (value, precision, window_end)


def test_resolve_expression_bare_month_without_tense_is_past():
    assert resolve_expression("January", FRI).value == "2025-01"
    assert resolve_expression("January", FRI, "future").value == "2026-01"


def test_resolve_expression_unknown_words_give_none():
    assert resolve_expression("in recent times", FRI) is None


@pytest.mark.slow
def test_extract_dates_uses_sentence_tense(nlp):
    doc = nlp("The ministers met on Monday in Tallinn. They will meet again on Monday in Riga, "
              "and a treaty is expected to be signed next week.")
    dates = extract_dates(doc, "2025-08-06")  # a Wednesday
    by_text = [(d.text, d.value, d.direction) for d in dates]
    assert ("Monday", "2025-08-04", "past") in by_text
    assert ("Monday", "2025-08-11", "future") in by_text
    week = [d for d in dates if d.text == "next week"][0]
    assert (week.value, week.window_end, week.precision) == ("2025-08-11", "2025-08-17", "week")
    for d in dates:
        assert doc.text[d.start:d.end] == d.text


@pytest.mark.slow
def test_extract_dates_purpose_clause_shares_its_actions_past(nlp):
    """"fired ... to disperse them on Monday" happened; "agreed to meet on Monday" is ahead."""
    fired = extract_dates(nlp("Riot police fired tear gas to disperse the crowd on Monday."), "2025-08-06")
    assert [(d.text, d.value) for d in fired] == [("Monday", "2025-08-04")]
    agreed = extract_dates(nlp("The two ministers agreed to meet on Monday."), "2025-08-06")
    assert [(d.text, d.value) for d in agreed] == [("Monday", "2025-08-11")]


@pytest.mark.slow
def test_extract_dates_month_day_across_year_boundary(nlp):
    doc = nlp("The port was closed on Dec. 30, officials said, and the ferry will resume on Jan. 4.")
    dates = {d.text: d.value for d in extract_dates(doc, "2026-01-02")}
    assert dates["Dec. 30"] == "2025-12-30"
    assert dates["Jan. 4"] == "2026-01-04"


@pytest.mark.slow
def test_extract_dates_without_publication_keeps_expression(nlp):
    doc = nlp("The council voted on Thursday.")
    dates = extract_dates(doc, None)
    assert [(d.text, d.value) for d in dates] == [("Thursday", None)]
    full = extract_dates(nlp("The council voted on 3 March 2024."), None)
    assert [(d.text, d.value) for d in full] == [("3 March 2024", "2024-03-03")]


@pytest.mark.slow
def test_extract_dates_skips_durations(nlp):
    doc = nlp("The strike lasted 10 days and the talks took three hours.")
    assert extract_dates(doc, "2025-08-08") == []


@pytest.mark.slow
def test_extract_dates_in_verbless_headline(nlp):
    doc = nlp("Harbour talks in Gdansk, Friday\n\nFerry strike: day three")
    dates = extract_dates(doc, "2025-08-08")
    assert ("Friday", "2025-08-08") in [(d.text, d.value) for d in dates]


@pytest.mark.slow
def test_extract_dates_reported_plan_with_would_is_future(nlp):
    """"She said she would travel there on Wednesday": the coming Wednesday, not the last one."""
    text = "Governor Ines Ferro said she would travel to the flooded valley on Wednesday."
    found = {d.text: d.value for d in extract_dates(nlp(text), "2031-05-13")}  # a Tuesday
    assert found["Wednesday"] == "2031-05-14"


@pytest.mark.slow
def test_extract_dates_cut_a_dateline_date_at_the_dash(nlp):
    text = "TARSK, Velora, May 4 - At least 12 people died when a landslide buried a village on Sunday."
    found = [d.text for d in extract_dates(nlp(text), "2031-05-04")]
    assert all(" - " not in t and "12" not in t for t in found)


def test_resolve_expression_outside_the_calendar_is_none():
    """Found by fuzz/fuzz_ingest.py: "N weeks ago" with a 40-digit N overflowed the date arithmetic."""
    assert resolve_expression("9" * 40 + " weeks ago", dt.date(2031, 5, 4)) is None
