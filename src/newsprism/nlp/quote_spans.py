"""Locate quoted passages by their quotation marks, balanced or not.

Kept apart from ``quotes.py`` because attributions also need it: a
reporting verb *inside* a quotation ("we will say no") is part of what was
said, not a new attribution.
"""

from __future__ import annotations

import re

_OPEN = "\u201c\u201e"  # “ „
_CLOSE = "\u201d"  # ”
_STRAIGHT = '"'
_MARK = re.compile("[" + re.escape(_OPEN + _CLOSE + _STRAIGHT) + "]")
# Shorter stretches between marks are scare quotes or titles, still quotes
# but too short to carry a claim on their own ("signals"); callers decide.
MIN_QUOTE_CHARS = 1


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each quoted passage, marks excluded.

    Curly marks pair by direction; straight marks pair in order of
    appearance within a line. A closing curly mark used as an opener (as
    some sites do: ”word”) is paired with the next closing mark on the line.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        spans.extend((pos + s, pos + e) for s, e in _line_spans(line))
        pos += len(line) + 1
    return spans


def _line_spans(line: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for m in _MARK.finditer(line):  # only the marks: a loop over every character cost more than the rest
        i, ch = m.start(), m.group()
        if open_at is None:
            if ch == _CLOSE and not _opens_here(line, i):
                continue
            open_at = i
        elif ch in _OPEN:
            open_at = i  # an unbalanced opener: restart at the newer one
        else:
            if i - open_at - 1 >= MIN_QUOTE_CHARS:
                spans.append((open_at + 1, i))
            open_at = None
    if open_at is not None and len(line) - open_at - 1 > MIN_QUOTE_CHARS:
        spans.append((open_at + 1, len(line.rstrip())))
    return spans


def _opens_here(line: str, i: int) -> bool:
    """A closing curly mark acts as an opener when a word starts right after it."""
    prev = line[i - 1] if i > 0 else " "
    nxt = line[i + 1] if i + 1 < len(line) else " "
    return (prev.isspace() or prev in "([:,") and (nxt.isalnum() or nxt in "'‘")
