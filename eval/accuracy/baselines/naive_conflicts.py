"""A straw-man conflict finder: figures of the same unit and counted noun that differ between two articles.

It knows nothing of events, sources, hedges or updates, so the gap between
it and newsprism is what alignment and typed comparison add.
"""

from __future__ import annotations

import re
from typing import Any

from newsprism.model import AnalyzedArticle

_WORD = re.compile(r"[A-Za-z]+")


def _counted_noun(text: str, end: int) -> str:
    """The first word after a figure, lower-cased without a plural s: 'killed', 'people', 'hours'."""
    m = _WORD.search(text, end, end + 40)
    return m.group().lower().rstrip("s") if m else ""


def number_conflicts(articles: list[AnalyzedArticle]) -> list[dict[str, Any]]:
    """Report-shaped conflicts: for each (unit, counted noun), the distinct values when two articles differ."""
    groups: dict[tuple[str, str], dict[float, dict[str, str]]] = {}
    for art in articles:
        for q in art.quantities:
            key = (q.unit or "", _counted_noun(art.article.text, q.end))
            if not key[1]:
                continue
            groups.setdefault(key, {}).setdefault(q.value, {}).setdefault(art.id, q.text)
    out = []
    for (unit, noun), values in sorted(groups.items()):
        arts = {a for per in values.values() for a in per}
        if len(values) < 2 or len(arts) < 2:
            continue
        out.append({"id": f"baseline-{unit}-{noun}", "kind": "number", "subject": f"{noun} ({unit})".strip(),
                    "within_article": False, "resolution": "conflict",
                    "values": [{"value": f"{next(iter(per.values()))} {noun}", "article_ids": sorted(per),
                                "evidence": [], "attributed_to": None} for _, per in sorted(values.items())]})
    return out
