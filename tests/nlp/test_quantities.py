"""Quantities: parsing of spellings (no model) and extraction spans (spaCy)."""

from __future__ import annotations

import pytest

from newsprism.nlp.quantities import extract_quantities, parse_quantity


@pytest.mark.parametrize(("text", "value", "unit", "qualifier"), [
    ("25 per cent", 25, "percent", "exact"),
    ("25%", 25, "percent", "exact"),
    ("$2.3 billion", 2.3e9, "USD", "exact"),
    ("US$2.3bn", 2.3e9, "USD", "exact"),
    ("€450m", 4.5e8, "EUR", "exact"),
    ("1,000-kilometer", 1000, "km", "exact"),
    ("three hours", 3, "hour", "exact"),
    ("about three hours", 3, "hour", "about"),
    ("one-third", 1 / 3, "fraction", "exact"),
    ("two-thirds", 2 / 3, "fraction", "exact"),
    ("at least 34", 34, None, "at least"),
    ("up to 100%", 100, "percent", "up to"),
    ("more than 1,200 troops", 1200, None, "more than"),
    ("no more than 40 km", 40, "km", "up to"),
    ("two and a half million", 2.5e6, None, "exact"),
    ("12 million roubles", 1.2e7, "RUB", "exact"),
])
def test_parse_quantity_spellings(text, value, unit, qualifier):
    got_value, got_unit, got_qualifier = parse_quantity(text)
    assert got_value == pytest.approx(value)
    assert (got_unit, got_qualifier) == (unit, qualifier)


def test_parse_quantity_without_number_is_none():
    assert parse_quantity("several officials") is not None  # "several" is a vague count
    assert parse_quantity("the officials") is None


@pytest.mark.slow
def test_extract_quantities_widens_to_sign_and_hedge(nlp):
    text = ("The lender approved US$2.3bn for the 1,000-kilometer railway, and at least 34 people were hurt "
            "when prices rose 25 per cent.")
    qs = extract_quantities(nlp(text))
    by_text = {q.text: q for q in qs}
    assert by_text["US$2.3bn"].value == pytest.approx(2.3e9) and by_text["US$2.3bn"].unit == "USD"
    assert by_text["at least 34"].qualifier == "at least" and by_text["at least 34"].unit == "person"
    assert by_text["25 per cent"].unit == "percent"
    assert by_text["1,000-kilometer"].unit == "km"
    for q in qs:
        assert text[q.start:q.end] == q.text


@pytest.mark.slow
def test_extract_quantities_ignores_dates(nlp):
    qs = extract_quantities(nlp("The treaty was signed on July 28, 2024. Exports have doubled since 2019."))
    assert qs == []


@pytest.mark.slow
def test_extract_quantities_finds_the_figure_after_a_dateline_dash(nlp):
    text = "TARSK, Velora, May 4 - At least 12 people died when a landslide buried a village on Sunday."
    found = [(q.value, q.qualifier) for q in extract_quantities(nlp(text))]
    assert (12.0, "at least") in found


def test_parse_quantity_of_an_absurdly_long_number_is_none_not_infinite():
    """Found by fuzz/fuzz_ingest.py: a 300-digit figure with a scale word overflowed to inf."""
    found = parse_quantity("2" + "9" * 320 + " billion")
    assert found is None or found[0] < float("inf")
    assert parse_quantity("9" * 400 + " billion") is None
