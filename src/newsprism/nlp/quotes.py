"""Direct quotes and their speakers. STUB: filled by issue #3."""

from __future__ import annotations

from newsprism.model import Entity, Quote


def extract_quotes(doc, entities: list[Entity]) -> list[Quote]:
    return []
