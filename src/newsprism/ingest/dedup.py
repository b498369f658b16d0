"""Near-duplicates: syndicated copies, re-posts and lightly edited versions of one article.

Every article is summarised by a MinHash of its word 5-gram shingles (the
headline is not part of the text, so a new headline changes nothing); an LSH
index finds candidate pairs in about constant time per article, and a
candidate is a duplicate when the estimated Jaccard similarity of the two
shingle sets reaches ``DUPLICATE_JACCARD``.

Within a group of copies the original is the earliest published, then the
longest (the fullest version), then the smallest id (stable); every other
member gets ``duplicate_of`` = the original. ``DuplicateIndex`` keeps the
groups across ingests: its signatures are stored, so a later ``ingest``
marks new copies against articles already in the store, and re-points
stored copies when an earlier original arrives.
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
_PUNCT = str.maketrans({c: " " for c in "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00ab\u00bb"})
_SEED = 1
_SCHEME = "affine64"


@dataclass
class _Entry:
    published: str | None
    words: int
    signature: np.ndarray


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



class _Signature:
    """What MinHashLSH reads of a MinHash (its hash values and length), without copying a MinHash per call."""

    __slots__ = ("hashvalues",)

    def __init__(self, hashvalues: np.ndarray):
        self.hashvalues = hashvalues

    def __len__(self) -> int:
        return len(self.hashvalues)


def _identity(value: int) -> int:
    return value


def _jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / len(a)


class DuplicateIndex:
    """The near-duplicate groups of every article seen so far (in this run, or in a store)."""

    def __init__(self, threshold: float = DUPLICATE_JACCARD):
        self.threshold = threshold
        self._hasher = _Hasher()
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._entries: dict[str, _Entry] = {}
        self._original: dict[str, str] = {}
        self._members: dict[str, list[str]] = {}
        self._moved: set[str] = set()  # ids whose original changed during the current add()

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._entries

    def __len__(self) -> int:
        return len(self._entries)

    @classmethod
    def from_store(cls, store: Store, threshold: float = DUPLICATE_JACCARD) -> DuplicateIndex:
        """Rebuild the index from a store's saved signatures (computing and saving any that are missing)."""
        index = cls(threshold)
        missing: list[tuple[str, bytes]] = []
        for aid, published, words, duplicate_of, blob in store.dedup_rows():
            if blob is None:
                art = store.get_article(aid)
                sig = index._hasher.signature(art.text if art else "")
                missing.append((aid, sig.tobytes()))
            else:
                sig = np.frombuffer(blob, dtype=np.uint64).copy()
            index._insert(aid, _Entry(published, words, sig), duplicate_of)
        if missing:
            store.put_signatures(missing)
        return index

    def _insert(self, aid: str, entry: _Entry, original: str | None) -> None:
        self._entries[aid] = entry
        self._lsh.insert(aid, _Signature(entry.signature), check_duplication=False)
        root = original or aid
        self._original[aid] = root
        self._members.setdefault(root, []).append(aid)
        if root != aid and root not in self._original:  # original not (yet) indexed: it roots its own group
            self._original[root] = root

    def _rank(self, aid: str) -> tuple[bool, str, int, str]:
        e = self._entries.get(aid)
        if e is None:
            return (True, "", 0, aid)
        return (e.published is None, e.published or "", -e.words, aid)

    def add(self, articles: Iterable[Article]) -> dict[str, str | None]:
        """Index ``articles`` and set their ``duplicate_of``; return changes to articles indexed before.

        An article whose id is already indexed is an exact copy and is left
        alone. The returned dict maps an earlier article's id to its new
        ``duplicate_of`` (None: it became an original), for the caller to save.
        """
        new: list[Article] = []
        self._moved: set[str] = set()
        for art in articles:
            if art.id in self._entries:
                continue
            entry = _Entry(art.published, art.words, self._hasher.signature(art.text))
            roots: set[str] = set()
            for cand in self._lsh.query(_Signature(entry.signature)):
                root = self._original[cand]
                # one verified member per group is enough to join it
                if root not in roots and _jaccard(entry.signature, self._entries[cand].signature) >= self.threshold:
                    roots.add(root)
            self._insert(art.id, entry, None)
            for root in roots:
                self._merge(root, art.id)
            new.append(art)
        for art in new:
            root = self._original[art.id]
            art.duplicate_of = root if root != art.id else None
        new_ids = {a.id for a in new}
        changes: dict[str, str | None] = {}
        for aid in self._moved - new_ids:
            if aid in self._entries:
                changes[aid] = self._original[aid] if self._original[aid] != aid else None
        return changes

    def _merge(self, a: str, b: str) -> None:
        """Join the groups rooted at ``self._original[a]`` and ``[b]`` under the better-ranked root."""
        ra, rb = self._original[a], self._original[b]
        if ra == rb:
            return
        keep, drop = sorted((ra, rb), key=self._rank)
        for member in self._members.pop(drop, [drop]):
            self._original[member] = keep
            self._moved.add(member)
            self._members[keep].append(member)

    def signatures(self, ids: Iterable[str]) -> Iterator[tuple[str, bytes]]:
        """(id, signature bytes) for saving the given indexed articles' signatures in the store."""
        for aid in ids:
            entry = self._entries.get(aid)
            if entry is not None:
                yield aid, entry.signature.tobytes()


def mark_duplicates(articles: list[Article]) -> None:
    """Set ``duplicate_of`` on every near-duplicate copy among ``articles`` (in place)."""
    DuplicateIndex().add(articles)
