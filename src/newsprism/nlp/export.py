"""The JSON line `newsprism extract` writes per article. STUB: issue #3 completes it."""

from __future__ import annotations

from typing import Any

from newsprism.model import AnalyzedArticle, to_plain


def extraction_record(a: AnalyzedArticle) -> dict[str, Any]:
    art = a.article
    return {"id": art.id, "source": art.source, "published": art.published,
            "entities": to_plain(a.entities), "events": to_plain(a.events), "dates": to_plain(a.dates),
            "quantities": to_plain(a.quantities), "quotes": to_plain(a.quotes),
            "attributions": to_plain(a.attributions)}
