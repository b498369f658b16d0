"""Quantities: numbers with units, currencies and percentages, normalised to value + unit + qualifier.

spaCy finds the spans (CARDINAL, MONEY, PERCENT, QUANTITY, and DATE/TIME
spans that are lengths of time); this module widens them to the currency
sign and hedge words NER leaves out ("US$", "at least") and reads them:
"$2.3 billion" and "US$2.3bn" are both 2.3e9 USD, "25 per cent" and "25%"
both 25 percent, so a cross-check can compare figures across outlets.
"""

from __future__ import annotations

import math
import re

from spacy.tokens import Doc, Span

from newsprism.model import Quantity
from newsprism.nlp.temporal import _DURATION, _MONTH_ONLY, split_at_dash

_SMALL = {
    "zero": 0, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "dozen": 12, "dozens": 24, "several": 3, "hundreds": 200, "thousands": 2000,
}
_SCALES = {"hundred": 1e2, "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "mln": 1e6,
           "billion": 1e9, "bn": 1e9, "b": 1e9, "bln": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12}
_FRACTIONS = {"half": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25, "quarters": 0.25,
              "fifth": 0.2, "fifths": 0.2, "tenth": 0.1, "tenths": 0.1}
_CURRENCY_SIGNS = {"us$": "USD", "$": "USD", "a$": "AUD", "c$": "CAD", "hk$": "HKD", "€": "EUR", "£": "GBP",
                   "¥": "JPY", "₹": "INR", "₽": "RUB", "₴": "UAH"}
_CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP",
                   "pounds": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
                   "ruble": "RUB", "rubles": "RUB", "rouble": "RUB", "roubles": "RUB", "rupee": "INR",
                   "rupees": "INR", "hryvnia": "UAH", "hryvnias": "UAH", "francs": "CHF", "won": "KRW"}
_UNIT_WORDS = {
    "km": "km", "kilometer": "km", "kilometers": "km", "kilometre": "km", "kilometres": "km",
    "mile": "mile", "miles": "mile", "meter": "m", "meters": "m", "metre": "m", "metres": "m",
    "kg": "kg", "kilogram": "kg", "kilograms": "kg", "ton": "tonne", "tons": "tonne", "tonne": "tonne",
    "tonnes": "tonne", "barrel": "barrel", "barrels": "barrel", "bpd": "barrel/day",
    "second": "second", "seconds": "second", "minute": "minute", "minutes": "minute", "hour": "hour",
    "hours": "hour", "day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
    "months": "month", "year": "year", "years": "year", "decade": "decade", "decades": "decade",
    "people": "person", "persons": "person", "person": "person",
}
_QUALIFIERS = (  # longest first: "no more than" before "more than"
    ("no more than", "up to"), ("no fewer than", "at least"), ("no less than", "at least"),
    ("at least", "at least"), ("a minimum of", "at least"), ("as many as", "up to"), ("as much as", "up to"),
    ("up to", "up to"), ("at most", "up to"), ("more than", "more than"), ("over", "more than"),
    ("above", "more than"), ("exceeding", "more than"), ("upwards of", "more than"),
    ("less than", "less than"), ("fewer than", "less than"), ("under", "less than"), ("below", "less than"),
    ("about", "about"), ("around", "about"), ("roughly", "about"), ("approximately", "about"),
    ("nearly", "about"), ("almost", "about"), ("some", "about"), ("an estimated", "about"),
    ("estimated", "about"), ("close to", "about"), ("circa", "about"), ("approx.", "about"),
)
_NUMBER = re.compile(r"(?P<num>\d[\d,]*(?:\.\d+)?|\.\d+)\s*(?P<scale>[a-z]+)?", re.I)
_PERCENT = re.compile(r"%|\bper\s?cent\b|\bpct\b|\bpercentage points?\b", re.I)
_YEAR_LIKE = re.compile(r"(?:19|20)\d{2}")
_SPAN_LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
# Words written just before a span that belong to it as its currency.
_SIGN_WORDS = frozenset(_CURRENCY_SIGNS) | {"us"}
# Signs longest first: "us$" must be found before "$".
_SIGNS_LONGEST_FIRST = sorted(_CURRENCY_SIGNS, key=len, reverse=True)


def extract_quantities(doc: Doc, *, end: int | None = None) -> list[Quantity]:
    """Return every quantity in ``doc`` (up to ``end``) with its value, unit and qualifier."""
    limit = len(doc.text) if end is None else end
    out: list[Quantity] = []
    for whole in doc.ents:
        if whole.end_char > limit:
            break
        ent = whole
        tail = split_at_dash(whole)[1] if whole.label_ in ("DATE", "TIME") else None
        if tail is not None and not _MONTH_ONLY.search(tail.text):  # "May 19 - June 3" is a range of dates
            ent = tail  # "May 19 - At least 12" tagged DATE: the figure after the dash is a count
        elif ent.label_ not in _SPAN_LABELS and not (ent.label_ in ("DATE", "TIME") and _DURATION.match(ent.text)):
            continue
        span = _widen(ent)
        q = parse_quantity(span.text)
        if q is None:
            continue
        value, unit, qualifier = q
        if unit is None and ent.label_ == "CARDINAL" and _YEAR_LIKE.fullmatch(span.text):
            continue  # "in 2022" tagged CARDINAL: a year, which temporal.py reads
        if unit is None:
            unit = _counted_noun(span)
        out.append(Quantity(start=span.start_char, end=span.end_char, text=span.text, value=value, unit=unit,
                            qualifier=qualifier))  # type: ignore[arg-type]
    return out


def _widen(ent: Span) -> Span:
    """Take in a currency sign and a hedge ("more than", "at least") written just before the span."""
    doc, start = ent.doc, ent.start
    if start > 0 and doc[start - 1].text.lower() in _SIGN_WORDS:
        start -= 1
    before = doc[max(0, start - 3) : start].text.lower()
    own = ent.text.lower()  # once, not per qualifier: Span.text joins the tokens on every access
    for phrase, _ in _QUALIFIERS:
        if before.endswith(phrase) and not own.startswith(phrase):
            n = len(phrase.split())
            if start - n >= 0 and doc[start - n : start].text.lower() == phrase:
                start -= n
            break
    end = ent.end
    if end < len(doc) and not doc[end - 1].whitespace_ and doc[end].lower_ in _SCALES:
        end += 1  # "€3m": the scale suffix NER leaves outside
    return doc[start:end]


def parse_quantity(text: str) -> tuple[float, str | None, str] | None:
    """Read "at least $2.3bn" as (2.3e9, "USD", "at least"); None when no number is in it."""
    low = " ".join(text.lower().replace("\u2011", "-").split())
    qualifier = "exact"
    for phrase, kind in _QUALIFIERS:
        if low.startswith(phrase + " "):
            qualifier, low = kind, low[len(phrase) + 1 :]
            break
    unit = _unit(low)
    value = _number(low)
    if value is None or not math.isfinite(value):
        return None  # a 300-digit "number" is noise, not a figure anyone can compare
    if unit == "fraction" and value >= 1:
        unit = None  # "two and a half million": a count with a fraction in it, not a share
    return value, unit, qualifier


def _unit(low: str) -> str | None:
    if _PERCENT.search(low):
        return "percent"
    for sign in _SIGNS_LONGEST_FIRST:
        if sign in low:
            return _CURRENCY_SIGNS[sign]
    words = re.findall(r"[a-z]+", low)
    for w in words:
        if w in _CURRENCY_WORDS:
            return _CURRENCY_WORDS[w]
    for w in words:
        if w in _UNIT_WORDS:
            return _UNIT_WORDS[w]
    fraction = re.search(r"\b(?:half|thirds?|quarters?|fifths?|tenths?)\b", low)
    return "fraction" if fraction and not re.search(r"\d", low) else None


def _number(low: str) -> float | None:
    m = _NUMBER.search(low)
    if m:
        value = float(m["num"].replace(",", ""))
        scale = (m["scale"] or "").lower()
        if scale in _SCALES:
            value *= _SCALES[scale]
        else:
            rest = low[m.end() :].split()
            if rest and rest[0] in _SCALES:
                value *= _SCALES[rest[0]]
        return value
    return _words_number(low)


def _words_number(low: str) -> float | None:
    """"three", "one-third", "two-thirds", "two and a half million", "half"."""
    tokens = re.findall(r"[a-z]+", low)
    total, current, seen = 0.0, 0.0, False
    i = 0
    while i < len(tokens):
        tok, nxt = tokens[i], tokens[i + 1] if i + 1 < len(tokens) else ""
        if tok in ("a", "an") and seen and nxt == "half":
            current, i = current + 0.5, i + 2  # "two and a half"
            continue
        if tok in ("a", "an") and (nxt in _FRACTIONS or nxt in _SCALES):
            current, seen = 1.0, True  # "a third", "a million"
        elif tok in _FRACTIONS:
            current = (current if seen and current else 1.0) * _FRACTIONS[tok]
            seen = True
        elif tok in _SMALL and tok not in ("a", "an"):
            current, seen = current + _SMALL[tok], True
        elif tok in _SCALES and len(tok) > 2 and seen:
            current = (current or 1.0) * _SCALES[tok]
            if _SCALES[tok] >= 1e3:
                total, current = total + current, 0.0
        elif tok != "and" and seen:
            break
        i += 1
    return total + current if seen else None


def _counted_noun(span: Span) -> str | None:
    """For a bare number, the noun it counts ("34 people" -> "person", "120 troops" -> "troop")."""
    root = span.root
    head = root.head if root.dep_ in ("nummod", "quantmod", "amod", "compound") else None
    if head is None or head.pos_ != "NOUN" or head.i < span.start:
        return None
    lemma = head.lemma_.lower()
    return _UNIT_WORDS.get(head.lower_, lemma)
