"""Per-article analysis: sentences, entities, dates, quantities, quotes, attributions, events."""

from newsprism.nlp.analyze import analyze_articles
from newsprism.nlp.canonical import link_story_entities

__all__ = ["analyze_articles", "link_story_entities"]
