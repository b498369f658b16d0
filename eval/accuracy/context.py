"""What every task receives: where the corpora are, the analysis cache, progress, and the sample size.

A task reads its corpus, keeps the units of ``ctx.splits`` (and, for the gate,
only the first ``ctx.sample`` check units in a fixed order), runs newsprism and
its baseline on the same units, and returns Figures.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from accuracy.cache import AnalysisCache

T = TypeVar("T")


@dataclass
class Progress:
    """One line per step on stderr, rewritten in place on a terminal; quiet when ``enabled`` is False."""

    enabled: bool = True
    _last: float = field(default=0.0, repr=False)

    def __call__(self, what: str, done: int, total: int | None = None) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        final = total is not None and done >= total
        if not final and now - self._last < 1.0:
            return
        self._last = now
        count = f"{done}/{total}" if total is not None else str(done)
        end = "\n" if final or not sys.stderr.isatty() else "\r"
        print(f"  {what}: {count}", end=end, file=sys.stderr, flush=True)

    def note(self, text: str) -> None:
        if self.enabled:
            print(f"  {text}", file=sys.stderr, flush=True)


@dataclass
class Context:
    corpora: Path
    cache: AnalysisCache
    progress: Progress
    splits: tuple[str, ...] = ("check", "tune")
    sample: int | None = None  # the gate: at most this many check units per task

    def units(self, split: str, units: Sequence[T]) -> list[T]:
        """The units of ``split`` to score: all of them, or the gate's fixed sample (the first ``sample``)."""
        items = list(units)
        return items[: self.sample] if self.sample is not None and split == "check" else items

    def wanted(self, splits: Iterable[str]) -> list[str]:
        """The splits to measure, in ``self.splits`` order, among those a corpus has."""
        have = set(splits)
        return [s for s in self.splits if s in have]
