"""Attributions: who each sentence's claim is credited to. STUB: filled by issue #3."""

from __future__ import annotations

from newsprism.model import Attribution, Entity


def extract_attributions(doc, entities: list[Entity]) -> list[Attribution]:
    return []
