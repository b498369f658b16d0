"""Quotes and speakers on invented sentences."""

from __future__ import annotations

import pytest

from newsprism.nlp.entities import extract_entities
from newsprism.nlp.quote_spans import quoted_spans
from newsprism.nlp.quotes import extract_quotes


def test_quoted_spans_curly_straight_and_unbalanced():
    text = 'He said “no deal” and "maybe later".\n”Talks will go on,” she added.'
    got = [text[s:e] for s, e in quoted_spans(text)]
    assert got == ["no deal", "maybe later", "Talks will go on,"]


def test_quoted_spans_unclosed_quote_ends_at_line():
    text = "The minister wrote: “We will not retreat from this plan\nNext paragraph."
    assert [text[s:e] for s, e in quoted_spans(text)] == ["We will not retreat from this plan"]


@pytest.mark.slow
def test_quotes_speaker_from_same_sentence(nlp):
    text = "“The port will reopen within a week,” Harbour Minister Lena Vogt told reporters on Monday."
    doc = nlp(text)
    quotes = extract_quotes(doc, extract_entities(doc, "a-test"))
    assert len(quotes) == 1
    assert quotes[0].text.startswith("The port will reopen")
    assert quotes[0].speaker is not None and "Lena Vogt" in quotes[0].speaker
    assert quotes[0].speaker_entity is not None


@pytest.mark.slow
def test_quotes_speaker_from_colon_introduction(nlp):
    text = "Taking to social media, Senator Paulo Reis wrote: “The vote is a disgrace and we will appeal it.”"
    doc = nlp(text)
    quotes = extract_quotes(doc, extract_entities(doc, "a-test"))
    assert quotes and quotes[0].speaker and "Reis" in quotes[0].speaker


@pytest.mark.slow
def test_quotes_without_attribution_have_no_speaker(nlp):
    text = "Crowds chanted “free elections now and forever” outside the palace."
    doc = nlp(text)
    quotes = extract_quotes(doc, extract_entities(doc, "a-test"))
    assert [q.speaker for q in quotes] == [None]
