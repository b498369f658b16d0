"""The features of the machine-written-style detector, shared by its build script and its runtime.

eval/build_style_model.py computes these features on the tune split to fit
the model in data/style_model.json; score_style computes the same features on
an article to apply it, so training and use cannot drift. Every feature is a
rate or an average, so it does not grow with the length of the text (human
news runs to about 600 words, the machine-written texts to about 200).

Two kinds: general ones (word frequency against wordfreq's English list,
word and sentence lengths and their spread, vocabulary variety, punctuation,
repetition) and rates of items the build script learnt from tune data and
stores in the model file (the most frequent words, as a function-word
profile; word n-grams far more common in machine-written than in human text,
and the reverse), both made of common English words only (COMMON_ZIPF) so
they carry style rather than topic. Nothing here names a phrase. Layout
(line breaks, the '(AGENCY) --' opening of the machine news prompts) is left
out on purpose: it is how a corpus was stored, not how a text was written.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
_SENTENCE_END = re.compile(r"[.!?]+[\"”’)]*(?=\s|$)|\n+")
# Moving-average type-token ratio window (words): a length-free vocabulary variety.
MATTR_WINDOW = 50
# Repetition is measured over the first words only, so long texts are not penalised.
REPEAT_WINDOW = 150
# A word below this Zipf value (about 1 per million words) counts as rare.
RARE_ZIPF = 3.0
# Learnt words and n-grams are made of words at least this common in general English (wordfreq;
# "the", "it", "said", "there"), so they profile style, not topic: the tune corpora's topics differ
# (the machine news is about international politics, the human news about US politics).
COMMON_ZIPF = 5.5

# Characters whose rate per word makes the punctuation profile.
PUNCTUATION = {
    "comma": ",", "period": ".", "semicolon": ";", "colon": ":", "exclamation": "!", "question": "?",
    "double quote": "\"“”", "parenthesis": "()", "dash": "—–", "digit": "0123456789",
}

# Plain words for each general feature, shown with a flag.
GENERAL = {
    "mean word frequency": "how common its words are (mean Zipf frequency in wordfreq's English list)",
    "word frequency spread": "spread of its word frequencies (standard deviation of Zipf frequency)",
    "rare word share": "share of rare words (under one per million)",
    "unknown word share": "share of words unknown to wordfreq's list",
    "mean word length": "mean word length (letters)",
    "mean sentence length": "mean sentence length (words)",
    "sentence length burstiness": "variation of sentence length (coefficient of variation; human prose varies more)",
    "words of frequency 3-4": "share of words of Zipf frequency 3 to 4 (1 to 10 per million)",
    "words of frequency 4-5": "share of words of Zipf frequency 4 to 5 (10 to 100 per million)",
    "words of frequency 5-6": "share of words of Zipf frequency 5 to 6 (100 to 1,000 per million)",
    "words of frequency 6-7": "share of words of Zipf frequency 6 to 7 (0.1% to 1%)",
    "vocabulary variety": f"vocabulary variety (type-token ratio over {MATTR_WINDOW}-word windows)",
    "repeated trigrams": f"share of word trigrams repeated within the first {REPEAT_WINDOW} words",
    "capitalised word share": "share of capitalised words",
}


@dataclass(frozen=True)
class Vocabulary:
    """What the build script learnt from tune and stored in the model file."""

    function_words: tuple[str, ...]
    machine_ngrams: tuple[str, ...]
    human_ngrams: tuple[str, ...]


@dataclass(frozen=True)
class Words:
    """The words of a text (lower-cased) with their character spans."""

    tokens: list[str]
    spans: list[tuple[int, int]]


def words_of(text: str) -> Words:
    found = list(WORD.finditer(text))
    return Words([m.group().lower().replace("’", "'") for m in found], [m.span() for m in found])


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """wordfreq's Zipf frequency of an English word (0 when unknown); imported lazily, it loads a list."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def sentence_lengths(text: str) -> list[int]:
    """Words per sentence, splitting on end punctuation and line breaks."""
    out, pos = [], 0
    for m in list(_SENTENCE_END.finditer(text)) + [None]:
        end = m.end() if m else len(text)
        n = len(WORD.findall(text[pos:end]))
        if n:
            out.append(n)
        pos = end
    return out


def _mean(xs: Sequence[float]) -> float:
    return sum(xs) / len(xs) if xs else 0.0


def _std(xs: Sequence[float]) -> float:
    if len(xs) < 2:
        return 0.0
    m = _mean(xs)
    return math.sqrt(sum((x - m) ** 2 for x in xs) / len(xs))


def mattr(tokens: Sequence[str], window: int = MATTR_WINDOW) -> float:
    """Moving-average type-token ratio; the plain ratio for a text shorter than the window."""
    if not tokens:
        return 0.0
    if len(tokens) <= window:
        return len(set(tokens)) / len(tokens)
    counts: dict[str, int] = {}
    for w in tokens[:window]:
        counts[w] = counts.get(w, 0) + 1
    total = len(counts)
    for i in range(window, len(tokens)):
        out_w, in_w = tokens[i - window], tokens[i]
        counts[out_w] -= 1
        if not counts[out_w]:
            del counts[out_w]
        counts[in_w] = counts.get(in_w, 0) + 1
        total += len(counts)
    return total / ((len(tokens) - window + 1) * window)


def is_common(gram: str) -> bool:
    """Whether every word of a word or n-gram is common enough to be learnt as style."""
    return all(zipf(w) >= COMMON_ZIPF for w in gram.split())


def ngrams(tokens: Sequence[str], n: int) -> list[str]:
    return [" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1)]


def ngram_matches(words: Words, phrases: Iterable[str]) -> list[tuple[str, tuple[int, int]]]:
    """Each occurrence of a stored n-gram (2 or 3 words) with its character span."""
    wanted = set(phrases)
    out = []
    for n in (2, 3):
        for i, gram in enumerate(ngrams(words.tokens, n)):
            if gram in wanted:
                out.append((gram, (words.spans[i][0], words.spans[i + n - 1][1])))
    return out


def _repeated_trigrams(tokens: Sequence[str]) -> float:
    grams = ngrams(tokens[:REPEAT_WINDOW], 3)
    return 1 - len(set(grams)) / len(grams) if grams else 0.0


def feature_names(vocab: Vocabulary) -> list[str]:
    return (list(GENERAL) + [f"{c} rate" for c in PUNCTUATION]
            + [f"word '{w}' rate" for w in vocab.function_words]
            + ["machine-leaning n-grams", "human-leaning n-grams"])


def features(text: str, vocab: Vocabulary) -> dict[str, float]:
    """Every feature of ``text``, in feature_names order; rates are per word (n-grams per 100 words)."""
    words = words_of(text)
    toks = words.tokens
    n = max(1, len(toks))
    z = [zipf(w) for w in toks]
    sents = sentence_lengths(text)
    sent_mean = _mean(sents)
    out = {
        "mean word frequency": _mean(z),
        "word frequency spread": _std(z),
        "rare word share": sum(0 < x < RARE_ZIPF for x in z) / n,
        "unknown word share": sum(x == 0 for x in z) / n,
        "mean word length": _mean([len(w) for w in toks]),
        "mean sentence length": sent_mean,
        "sentence length burstiness": _std(sents) / sent_mean if sent_mean else 0.0,
        **{f"words of frequency {b}-{b + 1}": sum(b <= x < b + 1 for x in z) / n for b in (3, 4, 5, 6)},
        "vocabulary variety": mattr(toks),
        "repeated trigrams": _repeated_trigrams(toks),
        "capitalised word share": sum(text[a].isupper() for a, _ in words.spans) / n,
    }
    for name, chars in PUNCTUATION.items():
        out[f"{name} rate"] = sum(text.count(c) for c in chars) / n
    counts: dict[str, int] = {}
    for w in toks:
        counts[w] = counts.get(w, 0) + 1
    for w in vocab.function_words:
        out[f"word '{w}' rate"] = counts.get(w, 0) / n
    out["machine-leaning n-grams"] = 100 * len(ngram_matches(words, vocab.machine_ngrams)) / n
    out["human-leaning n-grams"] = 100 * len(ngram_matches(words, vocab.human_ngrams)) / n
    return out
