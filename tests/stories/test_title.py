"""Neutral story titles: a real headline, cleaned of what makes it loaded."""

from __future__ import annotations

from newsprism.stories.title import clean_title, neutral_title


def test_clean_title_strips_quotes_loaded_words_and_outlet_tag():
    assert clean_title("Senator SLAMS 'disastrous' port deal in shocking speech | The Harbour Gazette") == \
        "Senator port deal in speech"


def test_neutral_title_prefers_headline_that_names_the_story():
    summary = {"e:seltra": 2.0, "w:fire": 1.5, "e:lorvik": 1.4, "w:plant": 1.0}
    titles = ["You won't believe what happened next", "Fire at Seltra plant in Lorvik", None]
    assert neutral_title(titles, summary) == "Fire at Seltra plant in Lorvik"


def test_neutral_title_without_headlines_uses_names():
    summary = {"w:quake": 2.0, "e:halvik": 1.8, "e:semmeria": 1.2}
    assert neutral_title([None, ""], summary) == "Halvik Semmeria"
