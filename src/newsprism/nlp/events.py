"""Event frames: who did what to whom, when, where, status. STUB: filled by issue #3."""

from __future__ import annotations

from newsprism.model import Article, Attribution, Entity, EventFrame, Quantity, TimeExpr


def extract_events(doc, article: Article, entities: list[Entity], dates: list[TimeExpr],
                   quantities: list[Quantity], attributions: list[Attribution]) -> list[EventFrame]:
    return []
