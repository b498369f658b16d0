"""One measured figure, with its baseline from the same run on the same input."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass
class Figure:
    """``value`` None means the task could not be measured (``note`` says why): 'not checked', never 0.

    ``n`` counts the scored units (documents, stories, relations, pairs) so a
    reader can judge how far a figure can be trusted.
    """

    task: str
    corpus: str
    split: str
    metric: str
    value: float | None
    n: int
    baseline: str | None = None
    baseline_value: float | None = None
    note: str = ""

    @property
    def key(self) -> str:
        """task/corpus/metric: how the gate's floors name a figure."""
        return f"{self.task}/{self.corpus}/{self.metric}"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def not_checked(task: str, corpus: str, split: str, metric: str, why: str, *, baseline: str | None = None) -> Figure:
    """A figure that could not be measured: shown as 'not checked' with the reason."""
    return Figure(task, corpus, split, metric, None, 0, baseline=baseline, note=f"not checked: {why}")
