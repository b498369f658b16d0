"""An inverted index from salient features to the open stories that carry them.

Comparing every article with every story costs quadratic time; an article
is only compared with the stories that share one of its strongest features
(a name, a rare word, a number). Features carried by very many open stories
say nothing about which story an article belongs to, so their postings are
not scanned. Closed stories (outside the time window) leave the index,
which keeps both its size and the cost of a look-up bounded by the number
of stories open at once, not by the length of the stream.
"""

from __future__ import annotations

from collections import Counter

# A feature shared by more open stories than this is not salient enough to
# propose candidates (set so a topic word like "election" does not make every
# political story a candidate; names and rare words stay far below it).
MAX_POSTING = 500

# Stories compared in full with an article: the ones sharing most features.
MAX_CANDIDATES = 10


class StoryIndex:
    """Postings feature -> open story numbers, with removal when a story closes."""

    def __init__(self) -> None:
        self._postings: dict[str, set[int]] = {}

    def add(self, story: int, features: list[str]) -> None:
        for f in features:
            self._postings.setdefault(f, set()).add(story)

    def remove(self, story: int, features: set[str]) -> None:
        for f in features:
            posting = self._postings.get(f)
            if posting is None:
                continue
            posting.discard(story)
            if not posting:
                del self._postings[f]

    def candidates(self, features: list[str]) -> list[int]:
        """Return the open stories sharing most of ``features``, best first (ties: oldest first)."""
        hits: Counter[int] = Counter()
        for f in features:
            posting = self._postings.get(f)
            if posting and len(posting) <= MAX_POSTING:
                hits.update(posting)
        ranked = sorted(hits.items(), key=lambda kv: (-kv[1], kv[0]))
        return [story for story, _ in ranked[:MAX_CANDIDATES]]

    def __len__(self) -> int:
        return len(self._postings)
