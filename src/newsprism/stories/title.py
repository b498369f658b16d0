"""Give each story a neutral title.

Choice: the headline of the member article that best matches what the story
is about (its title words weighed by the story's strongest features, so an
outlier headline or a teaser loses to one that names the story), cleaned of
quotation marks, of the outlet's sensational vocabulary and of a trailing
"| Outlet" or " - Outlet" tag. A real headline reads better than a phrase
assembled from entities, and the cleaning removes what makes one headline
more loaded than another. With no headline at all the title is built from
the story's most salient names.
"""

from __future__ import annotations

import re

from newsprism.stories.features import WORD_RE, fold_word

# General sensational vocabulary that headlines use to charge an event, not
# to describe it ("slams", "shocking", "bombshell"). Dropped from titles.
_LOADED = frozenset(
    """shocking shock shocked slams slam slammed blasts blast blasted rips ripped destroys destroyed epic
    bombshell outrage outrageous outraged stunning stunned brutal disgraceful disgusting horrific horrifying
    explosive furious fury meltdown chaos chaotic scandalous insane crazy unbelievable incredible amazing
    disastrous heartbreaking devastating terrifying absurd ridiculous pathetic humiliating humiliated breaking exclusive
    watch video""".split()
)
_QUOTES_RE = re.compile(r"[\"“”‘’«»]|(?<!\w)'|'(?!\w)")
_OUTLET_TAG_RE = re.compile(r"\s+[|–—-]\s+[^|–—-]{2,40}$")
_SPACES_RE = re.compile(r"\s{2,}")


def neutral_title(titles: list[str | None], summary: dict[str, float]) -> str:
    """Return a neutral title for a story from its members' headlines and its salient features."""
    best, best_score = None, -1.0
    for title in titles:
        if not title or not title.strip():
            continue
        score = _title_score(title, summary)
        if score > best_score:
            best, best_score = title, score
    if best is None:
        names = [f[2:] for f in summary if f.startswith("e:")][:4]
        words = names or [f[2:] for f in summary if f[0] in "wt"][:4]
        return " ".join(w.title() for w in words) or "Untitled story"
    return clean_title(best)


def clean_title(title: str) -> str:
    """Strip quotes, an outlet tag and loaded words from a headline."""
    text = _OUTLET_TAG_RE.sub("", title.strip())
    text = _QUOTES_RE.sub("", text)
    kept = [w for w in text.split() if w.strip(".,:;!?").lower() not in _LOADED]
    text = " ".join(kept).strip(" :;,-–—")
    text = re.sub(r"!+", "", text)
    return _SPACES_RE.sub(" ", text) or title.strip()


def _title_score(title: str, summary: dict[str, float]) -> float:
    toks = [fold_word(t) for t in WORD_RE.findall(title)]
    if not toks:
        return 0.0
    total = sum(max(summary.get("t:" + t, 0.0), summary.get("w:" + t, 0.0), summary.get("e:" + t, 0.0))
                for t in toks)
    return total / len(toks)
