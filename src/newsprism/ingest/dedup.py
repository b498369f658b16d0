"""Near-duplicates: syndicated copies, re-posts and lightly edited versions of one article.

Every article is summarised by a datasketch MinHash of its word 5-gram
shingles (the headline is not part of the text, so a new headline changes
nothing). Locality-sensitive hashing finds candidate pairs in about
constant time per article: the signature is cut into the bands datasketch's
``MinHashLSH`` chooses for the threshold, and articles sharing a band are
candidates. A candidate is a duplicate when the estimated Jaccard
similarity of the two shingle sets reaches ``DUPLICATE_JACCARD``.

Within a group of copies the original is the earliest published, then the
longest (the fullest version), then the smallest id (stable); every other
member gets ``duplicate_of`` = the original (never a chain).

``DuplicateIndex`` works in memory (``mark_duplicates``) or on a store: then
its bands and signatures are rows of the store, written with each ingest
batch, so memory stays flat however large the store grows, a later
``ingest`` marks new copies against articles already stored, and stored
copies are re-pointed when an earlier original arrives.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

from newsprism.model import Article
from newsprism.store import Store

SHINGLE_WORDS = 5
NUM_PERM = 128

# Calibrated (docs/ingest.md): a copy with one paragraph dropped scores
# 0.58-0.70 for 3-paragraph articles, 0.61-0.79 for 4, 0.72-0.88 for 6 and
# 0.77-0.87 on the seed texts (7-14 lines). Distinct reports of one story by
# different outlets (the seeds) score at most 0.04 pairwise, and generated
# reports built from shared sentence templates at most 0.23. 0.5 sits in the
# gap, below the shortest copies.
DUPLICATE_JACCARD = 0.5

# Punctuation becomes a space before splitting on whitespace: "Aug. 8," and "Aug 8" shingle alike.
# (str.translate + split is ~3x faster than a \w+ regex over long texts.)
_PUNCT = str.maketrans({c: " " for c in "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
                                        "\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00ab\u00bb"})
_SEED = 1
_BAND_BASE = np.uint64(0x9E3779B97F4A7C15)  # odd 64-bit multiplier (golden ratio) for band keys
_SCHEME = "affine64"


@dataclass
class _Entry:
    """What ranking and verification need of an indexed article."""

    published: str | None
    words: int
    signature: np.ndarray
    duplicate_of: str | None = None
    keys: list[tuple[int, int]] | None = None


# Word -> stable 32-bit hash, cached: news vocabulary repeats, and hashing each
# shingle's bytes (datasketch's default SHA-1) cost more than all the parsing.
_word_hashes: dict[str, int] = {}
_WORD_CACHE_MAX = 500_000
_SHINGLE_BASE = np.uint64(1_000_003)  # odd multiplier for the polynomial shingle hash


def _word_hash(word: str) -> int:
    h = _word_hashes.get(word)
    if h is None:
        if len(_word_hashes) >= _WORD_CACHE_MAX:
            _word_hashes.clear()
        h = _word_hashes[word] = zlib.crc32(word.encode("utf-8"))
    return h


def shingle_hashes(text: str) -> list[int]:
    """64-bit hashes of the text's word 5-grams (lower-cased, punctuation ignored), computed vectorised."""
    cache = _word_hashes
    words = np.array([cache[w] if w in cache else _word_hash(w) for w in text.lower().translate(_PUNCT).split()],
                     dtype=np.uint64)
    if len(words) < SHINGLE_WORDS:
        words = np.concatenate([words, np.zeros(SHINGLE_WORDS - len(words), dtype=np.uint64)])
    n = len(words) - SHINGLE_WORDS + 1
    h = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(SHINGLE_WORDS):
            h = h * _SHINGLE_BASE + words[k:k + n]
    return h.tolist()


class _Hasher:
    """MinHash with its permutations drawn once (drawing them per article would cost more than hashing).

    The shingles arrive already hashed (``shingle_hashes``); datasketch's
    affine64 scheme mixes them (fmix) before permuting, so identity is the
    right ``hashfunc``.
    """

    def __init__(self) -> None:
        self._template = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME, hashfunc=_identity)

    def signature(self, text: str) -> np.ndarray:
        mh = self._template.copy()
        mh.update_batch(shingle_hashes(text))
        return mh.hashvalues.copy()


def _identity(value: int) -> int:
    return value


def _jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / len(a)


def _bands(threshold: float) -> tuple[int, int]:
    """(bands, rows per band) that datasketch's MinHashLSH picks for ``threshold`` and NUM_PERM."""
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    return lsh.b, lsh.r


class DuplicateIndex:
    """The near-duplicate groups of every article seen so far: in memory, or in ``store``.

    With a store, commit each batch (``Store.add_batch(..., signatures=
    index.signatures(ids), bands=index.band_rows(ids))``) before the next
    ``add``: the index keeps only the batch in flight in memory.
    """

    def __init__(self, threshold: float = DUPLICATE_JACCARD, *, store: Store | None = None):
        self.threshold = threshold
        self._store = store
        self._hasher = _Hasher()
        self._b, self._r = _bands(threshold)
        self._entries: dict[str, _Entry] = {}  # in memory: everything; with a store: the batch in flight
        self._buckets: dict[tuple[int, int], list[str]] = {}
        self._stored: dict[str, _Entry] = {}  # stored articles looked up during the current add()
        self._changes: dict[str, str | None] = {}  # earlier articles re-pointed by the current add()
        self._batch: set[str] = set()  # ids added by the current add()
        self.last_added: list[str] = []  # the same, in order: what the caller must commit

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._entries or (self._store is not None and self._store.has_article(article_id))

    @classmethod
    def from_store(cls, store: Store, threshold: float = DUPLICATE_JACCARD) -> DuplicateIndex:
        """The index of a store; articles stored without signature (older stores) are indexed first."""
        index = cls(threshold, store=store)
        missing = store.unindexed_articles()
        for chunk in (missing[i:i + 500] for i in range(0, len(missing), 500)):
            rows = []
            for art in store.articles(chunk):
                sig = index._hasher.signature(art.text)
                rows.append((art.id, sig.tobytes(), index._band_keys(sig)))
            store.add_batch([], signatures=[(a, s) for a, s, _ in rows],
                            bands=[(band, key, a) for a, _, keys in rows for band, key in keys])
        return index

    def _band_keys(self, signature: np.ndarray) -> list[tuple[int, int]]:
        """(band number, 63-bit key) per band: a polynomial hash of the band's rows, stable across processes."""
        rows = signature[:self._b * self._r].reshape(self._b, self._r)
        key = np.zeros(self._b, dtype=np.uint64)
        with np.errstate(over="ignore"):
            for i in range(self._r):
                key = key * _BAND_BASE + rows[:, i]
        return list(enumerate((key >> np.uint64(1)).tolist()))

    def _candidates(self, keys: list[tuple[int, int]]) -> set[str]:
        found = {aid for key in keys for aid in self._buckets.get(key, ())}
        if self._store is not None:
            found |= self._store.band_candidates(keys)
        return found

    def _entry(self, aid: str) -> _Entry | None:
        entry = self._entries.get(aid) or self._stored.get(aid)
        if entry is None and self._store is not None:
            row = self._store.dedup_entry(aid)
            if row is not None:
                published, words, duplicate_of, blob = row
                entry = self._stored[aid] = _Entry(published, words, np.frombuffer(blob, dtype=np.uint64),
                                                   duplicate_of)
        return entry

    def _root(self, aid: str) -> str:
        if aid in self._changes:
            return self._changes[aid] or aid
        entry = self._entry(aid)
        return entry.duplicate_of if entry and entry.duplicate_of else aid

    def _rank(self, aid: str) -> tuple[bool, str, int, str]:
        e = self._entry(aid)
        if e is None:
            return (True, "", 0, aid)
        return (e.published is None, e.published or "", -e.words, aid)

    def add(self, articles: Iterable[Article]) -> dict[str, str | None]:
        """Index ``articles`` and set their ``duplicate_of``; return changes to articles indexed before.

        An article whose id is already indexed is an exact copy and is left
        alone. The returned dict maps an earlier article's id to its new
        ``duplicate_of`` (None: it became an original), for the caller to save.
        """
        if self._store is not None:  # the previous batch is committed: forget it
            self._entries.clear()
            self._buckets.clear()
        self._stored: dict[str, _Entry] = {}
        self._changes = {}
        self._batch: set[str] = set()
        self.last_added: list[str] = []
        new: list[Article] = []
        for art in articles:
            if art.id in self:
                continue
            sig = self._hasher.signature(art.text)
            keys = self._band_keys(sig)
            roots: set[str] = set()
            for cand in self._candidates(keys):
                root = self._root(cand)
                # one verified member per group is enough to join it
                if root not in roots and _jaccard(sig, self._entry(cand).signature) >= self.threshold:
                    roots.add(root)
            self._entries[art.id] = _Entry(art.published, art.words, sig, keys=keys)
            self._batch.add(art.id)
            self.last_added.append(art.id)
            for key in keys:
                self._buckets.setdefault(key, []).append(art.id)
            best = min(roots | {art.id}, key=self._rank)
            for root in roots | {art.id}:
                if root != best:
                    self._repoint(root, best)
            new.append(art)
        for art in new:
            art.duplicate_of = self._entries[art.id].duplicate_of
        return self._changes

    def _repoint(self, old_root: str, new_root: str) -> None:
        """Make every member of the group rooted at ``old_root`` (itself included) a copy of ``new_root``."""
        members = {old_root} | {aid for aid, e in self._entries.items() if e.duplicate_of == old_root}
        members |= {aid for aid, root in self._changes.items() if root == old_root}
        if self._store is not None:
            members |= {aid for aid in self._store.duplicates_of(old_root)
                        if aid not in self._changes or self._changes[aid] == old_root}
        for aid in members:
            if aid in self._entries:
                self._entries[aid].duplicate_of = new_root
            if aid not in self._batch:
                self._changes[aid] = new_root

    def signatures(self, ids: Iterable[str]) -> Iterator[tuple[str, bytes]]:
        """(id, signature bytes) of indexed articles, for ``Store.add_batch``."""
        for aid in ids:
            entry = self._entries.get(aid)
            if entry is not None:
                yield aid, entry.signature.tobytes()

    def band_rows(self, ids: Iterable[str]) -> Iterator[tuple[int, int, str]]:
        """(band, key, id) rows of indexed articles, for ``Store.add_batch``."""
        for aid in ids:
            entry = self._entries.get(aid)
            if entry is not None:
                for band, key in entry.keys or self._band_keys(entry.signature):
                    yield band, key, aid


def mark_duplicates(articles: list[Article]) -> None:
    """Set ``duplicate_of`` on every near-duplicate copy among ``articles`` (in place)."""
    DuplicateIndex().add(articles)
