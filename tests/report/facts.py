"""Checks the report tests share: is a brief sentence backed by the articles it cites?

Written independently of ``newsprism.report.brief`` so that the test does not
trust the code it checks.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from newsprism.model import Report, SummarySentence

#: Capitalised words the brief's own templates write ("Outlets disagree on ...").
TEMPLATE_WORDS = {"Outlets", "Sources", "Reports", "One", "It", "The"}
_NUMBERS = re.compile(r"\d+(?:[.,:]\d+)*")
_CAPITALISED = re.compile(r"\b[A-Z][A-Za-z'’.-]*[A-Za-z]|\b[A-Z]\b")


def unbacked_facts(report: Report, sent: SummarySentence) -> list[str]:
    """Numbers, dates and names in ``sent`` found in none of its cited articles (text or outlet/title)."""
    sources = []
    for aid in sent.article_ids:
        sources.append(report.texts[aid])
        art = report.article(aid)
        sources += [x for x in (art.outlet, art.title, PurePath(art.source).name) if x]
    corpus = "\n".join(sources).lower()
    facts = _NUMBERS.findall(sent.text) + [w for w in _CAPITALISED.findall(sent.text) if w not in TEMPLATE_WORDS]
    return [f for f in facts if not re.search(r"(?<!\w)" + re.escape(f.lower()) + r"(?!\w)", corpus)]


def html_link_targets(html: str) -> tuple[set[str], set[str]]:
    """(in-page link targets, ids defined) of an HTML document."""
    targets = set(re.findall(r"href=['\"]#([^'\"]+)['\"]", html))
    ids = set(re.findall(r"\bid=['\"]([^'\"]+)['\"]", html))
    return targets, ids
