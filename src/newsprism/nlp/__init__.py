"""Per-article analysis: sentences, entities, dates, quantities, quotes, attributions, events."""

from newsprism.nlp.analyze import analyze_articles

__all__ = ["analyze_articles"]
