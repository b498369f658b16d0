"""Single-pass story clustering over a stream of articles in publication order.

Feeds deliver articles one at a time, so each article joins the most
similar open story or starts a new one, and never waits for the rest of the
corpus. A story is represented by the sum of its members' unit vectors (its
centroid), its date range and its most salient features in the index; all
three grow with it. Only stories whose date range lies within
``WINDOW_DAYS`` of the article are compared, which is also what lets closed
stories drop their centroid and leave the index: memory and time stay
proportional to the stories open at once. A closing story is re-checked
(``refine.split_groups``) and split if one bridging article chained two
events into it; ``finish`` closes what is still open when the stream ends.

Determinism: given the same sequence of articles the result is the same;
``cluster_stories`` feeds a batch in (published, id) order and then calls
``finish``, so a batch run equals the stream of the same articles, the
re-check included (it runs when a story closes in both).
"""

from __future__ import annotations

import hashlib
import heapq
from dataclasses import dataclass, field

from newsprism.stories.features import ArticleFeatures, DocumentFrequency, weigh
from newsprism.stories.index import StoryIndex
from newsprism.stories.refine import split_groups
from newsprism.stories.similarity import group_norms, group_similarity

# Similarity (``similarity.group_similarity``) between an article and a story
# centroid above which the article joins the story. Set with the similarity's
# weights and the IDF background on the development halves of BASIL and ECB+
# with the NLP analysis on (eval/stories_*.py --split dev; grid 0.10-0.18):
# the best mean B-cubed F1 of the two (0.968) among the values that keep the
# look-alike events of tests/stories apart; 0.12 scored 0.970 but joined two
# fraud trials of different defendants in one city (similarity 0.14).
JOIN_THRESHOLD = 0.15

# Undated articles have no time window to rule out look-alike stories, and a
# short undated one (a headline and a lead) passes the similarity on one
# shared name alone: its entity group is that name, so the entity cosine is
# near 1 ("Trump" joined 878 AllSides articles of 495 stories into one). So
# an undated article joins a story only on evidence that it reports the same
# event: the terms it shares with the story's members must be rare, and not
# only names. A term's rarity is its idf above ``IDF_FLOOR`` (a prominent
# name or a topic word counts for next to nothing; a name seen once in
# thousands of documents about 5), taken once per term whichever groups
# carry it. The evidence is the mean over the story's members of the rarity
# shared with each (one count per term of the story, so no all-pairs), so a
# story does not grow through one member that happens to share a name: the
# article must share rare terms with the story as a whole. It must reach
# ``EVIDENCE_UNDATED`` over all terms and ``WORD_EVIDENCE_UNDATED`` over
# the terms that are not among the article's names (an event is a name *and*
# what happened to it). Chosen on the tune splits (eval/sweep_clustering.py;
# AllSides undated short articles, ECB+ undated long ones, BASIL dated):
# floor {2, 3, 4}, evidence {2-18}, word evidence {2-7}; the best AllSides
# B-cubed F1 among the settings within 0.005 of ECB+ and BASIL without the
# test. A dated article joining a dated story is not tested: their window
# already does this job; either side undated is.
IDF_FLOOR = 3.0
EVIDENCE_UNDATED = 6.0
WORD_EVIDENCE_UNDATED = 4.0

# Days beyond a story's date range within which an article may still join
# it. Follow-ups of one story run for days (BASIL's three outlets are at most
# four days apart); the same actors meeting again a month later is news of
# its own.
WINDOW_DAYS = 7

# Strongest article features used to look up candidate stories and stored
# in the index for the story the article joins.
INDEX_FEATURES = 12

# Features kept in a story centroid; older, weaker ones fall off so that a
# long-running story stays small.
MAX_CENTROID_FEATURES = 400

# Features kept from a closed story's centroid, for its title.
SUMMARY_FEATURES = 12


def story_id(first_article_id: str) -> str:
    """Return the stable story id: it depends only on the story's first article."""
    return "s-" + hashlib.sha1(first_article_id.encode("utf-8")).hexdigest()[:12]


@dataclass
class StoryState:
    """What the clusterer knows about one story while the stream runs."""

    seq: int
    id: str
    article_ids: list[str]
    centroid: dict[str, float] = field(default_factory=dict)
    norms: dict[str, float] = field(default_factory=dict)  # centroid length per feature group
    first_day: int | None = None
    last_day: int | None = None
    keys: set[str] = field(default_factory=set)
    support: dict[str, int] = field(default_factory=dict)  # term -> members carrying it (any group)
    vectors: list[dict[str, float]] = field(default_factory=list)
    open: bool = True

    def summary(self) -> dict[str, float]:
        """Return the strongest centroid features (what the story is about)."""
        top = sorted(self.centroid.items(), key=lambda kv: (-kv[1], kv[0]))[:SUMMARY_FEATURES]
        return dict(top)


class StoryClusterer:
    """Assign streamed articles to stories; call ``add`` in publication order."""

    def __init__(self) -> None:
        self.df = DocumentFrequency()
        self.stories: list[StoryState] = []
        self.story_of: dict[str, int] = {}
        self._index = StoryIndex()
        self._expiry: list[tuple[int, int]] = []  # (last_day + window, story seq), lazily updated
        self._summaries: dict[int, dict[str, float]] = {}

    def add(self, features: ArticleFeatures) -> str:
        """Place one article in a story and return that story's id."""
        if features.id in self.story_of:
            return self.stories[self.story_of[features.id]].id
        self.df.add(features)
        vec = weigh(features, self.df)
        if features.day is not None:
            self._close_expired(features.day)
        original = self.story_of.get(features.duplicate_of) if features.duplicate_of else None
        if original is not None:
            self._join(self.stories[original], features, vec)
            return self.stories[original].id
        keys = sorted(vec, key=lambda f: (-vec[f], f))[:INDEX_FEATURES]
        best, best_sim = None, JOIN_THRESHOLD
        vec_norms = group_norms(vec)
        evidence: tuple[dict[str, float], dict[str, float]] | None = None  # (all terms, non-name terms), once
        for seq in self._index.candidates(keys):
            story = self.stories[seq]
            if not _in_window(story, features.day):
                continue
            if features.day is None or story.first_day is None:  # no window between them: ask for evidence
                if evidence is None:
                    rarity = self._rarity(vec)
                    names = {f[2:] for f in vec if f[0] == "e"}
                    evidence = rarity, {t: r for t, r in rarity.items() if t not in names}
                if (_evidence(evidence[0], story) < EVIDENCE_UNDATED
                        or _evidence(evidence[1], story) < WORD_EVIDENCE_UNDATED):
                    continue
            sim = group_similarity(vec, vec_norms, story.centroid, story.norms)
            if sim >= best_sim:
                if sim > best_sim or best is None:
                    best, best_sim = story, sim
        if best is None:
            best = StoryState(seq=len(self.stories), id=story_id(features.id), article_ids=[])
            self.stories.append(best)
        self._join(best, features, vec, keys)
        return best.id

    def _rarity(self, vec: dict[str, float]) -> dict[str, float]:
        """Each term of the article (word, name or number, whatever its group) -> its idf above ``IDF_FLOOR``."""
        out: dict[str, float] = {}
        for f in vec:
            if f[0] == "v":
                continue
            r = self.df.idf(f) - IDF_FLOOR
            if r > out.get(f[2:], 0.0):
                out[f[2:]] = r
        return out

    def finish(self) -> None:
        """Close every open story (end of the stream): each is re-checked and split if it chained two events."""
        for story in list(self.stories):
            if story.open:
                self._close(story)

    def summary(self, seq: int) -> dict[str, float]:
        """Return the strongest features of a story, open or closed."""
        story = self.stories[seq]
        return story.summary() if story.open else self._summaries.get(seq, {})

    def _join(self, story: StoryState, features: ArticleFeatures, vec: dict[str, float],
              keys: list[str] | None = None) -> None:
        story.article_ids.append(features.id)
        self.story_of[features.id] = story.seq
        if not story.open:
            return
        story.vectors.append(vec)
        for f, v in vec.items():
            story.centroid[f] = story.centroid.get(f, 0.0) + v
        if len(story.centroid) > 2 * MAX_CENTROID_FEATURES:
            top = sorted(story.centroid.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_CENTROID_FEATURES]
            story.centroid = dict(top)
        story.norms = group_norms(story.centroid)
        for t in {f[2:] for f in vec if f[0] != "v"}:
            story.support[t] = story.support.get(t, 0) + 1
        if keys is None:
            keys = sorted(vec, key=lambda f: (-vec[f], f))[:INDEX_FEATURES]
        new_keys = [k for k in keys if k not in story.keys]
        story.keys.update(new_keys)
        self._index.add(story.seq, new_keys)
        if features.day is not None:
            story.first_day = features.day if story.first_day is None else min(story.first_day, features.day)
            story.last_day = features.day if story.last_day is None else max(story.last_day, features.day)
            heapq.heappush(self._expiry, (story.last_day + WINDOW_DAYS, story.seq))

    def _close_expired(self, day: int) -> None:
        """Close the stories whose window ended before ``day``: drop their centroid and index keys."""
        while self._expiry and self._expiry[0][0] < day:
            _, seq = heapq.heappop(self._expiry)
            story = self.stories[seq]
            if not story.open or story.last_day is None or story.last_day + WINDOW_DAYS >= day:
                continue
            self._close(story)

    def _close(self, story: StoryState) -> None:
        """Split the story if its members form separate groups, then drop its centroid, vectors and index keys.

        The split happens at close in a stream and in a batch alike (a batch is
        a stream followed by ``finish``), so both still give the same stories.
        The group holding the first article keeps the story id; each other
        group becomes a closed story whose id is that of its own first article.
        """
        groups = split_groups(story.vectors)
        ids, vectors = story.article_ids, story.vectors
        story.article_ids = [ids[i] for i in groups[0]]
        for group in groups[1:]:
            part = StoryState(seq=len(self.stories), id=story_id(ids[group[0]]),
                              article_ids=[ids[i] for i in group], open=False)
            self.stories.append(part)
            for aid in part.article_ids:
                self.story_of[aid] = part.seq
            self._summaries[part.seq] = _summary_of([vectors[i] for i in group])
        self._summaries[story.seq] = (_summary_of([vectors[i] for i in groups[0]]) if len(groups) > 1
                                      else story.summary())
        self._index.remove(story.seq, story.keys)
        story.open = False
        story.centroid = {}
        story.norms = {}
        story.support = {}
        story.keys = set()
        story.vectors = []


def _summary_of(vectors: list[dict[str, float]]) -> dict[str, float]:
    """The strongest features of the sum of ``vectors`` (the summary of a story split off at close)."""
    total: dict[str, float] = {}
    for vec in vectors:
        for f, v in vec.items():
            total[f] = total.get(f, 0.0) + v
    return dict(sorted(total.items(), key=lambda kv: (-kv[1], kv[0]))[:SUMMARY_FEATURES])


def _evidence(rarity: dict[str, float], story: StoryState) -> float:
    """Mean over the story's open members of the rarity of the terms the article shares with each."""
    n = len(story.vectors)
    return sum(r * story.support.get(t, 0) for t, r in rarity.items()) / n if n else 0.0


def _in_window(story: StoryState, day: int | None) -> bool:
    """Whether an article of ``day`` may join ``story`` (unknown dates are compatible with any)."""
    if day is None or story.first_day is None or story.last_day is None:
        return True
    return story.first_day - WINDOW_DAYS <= day <= story.last_day + WINDOW_DAYS
