"""Per-story cross-check: events, corroboration, conflicts, framing, attributions, flags."""

from newsprism.crosscheck.story import crosscheck_story

__all__ = ["crosscheck_story"]
