"""The registry of accuracy tasks: one entry per task x corpus, run in this order by eval/run_all.py.

Each entry names a function ``run(ctx: Context) -> list[Figure]`` in a module
of this package. A module holds one task (clustering, dates, ...) and may
serve several corpora.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from accuracy.context import Context
from accuracy.results import Figure


@dataclass(frozen=True)
class TaskSpec:
    name: str  # "task/corpus", how the command line and the results files name it
    module: str
    function: str
    splits: tuple[str, ...] = ("check", "tune")  # the splits its figures carry ("smoke" for the seeds)

    def load(self) -> Callable[[Context], list[Figure]]:
        return getattr(importlib.import_module(f"accuracy.tasks.{self.module}"), self.function)


REGISTRY: list[TaskSpec] = [
    TaskSpec("crosscheck/seeds", "crosscheck_gold", "seeds", ("smoke",)),
    TaskSpec("crosscheck/crosscheck_dev", "crosscheck_gold", "crosscheck_dev"),
    TaskSpec("conflicts/ecbplus_conflicts", "crosscheck_gold", "ecbplus_conflicts"),
    TaskSpec("clustering/basil", "clustering", "basil"),
    TaskSpec("clustering/ecbplus", "clustering", "ecbplus"),
    TaskSpec("clustering/allsides", "clustering", "allsides"),
    TaskSpec("event_alignment/ecbplus", "event_alignment", "ecbplus"),
    TaskSpec("events/plover_gsr", "plover", "plover_gsr"),
    TaskSpec("attributions/polnear", "attributions", "polnear"),
    TaskSpec("dates/timebank", "dates", "timebank"),
    TaskSpec("brief/allsides", "brief", "allsides"),
    TaskSpec("self_contradiction/contradoc", "contradictions", "contradoc"),
    TaskSpec("machine_text/machine_text", "machine_text", "machine_text"),
]


def select(patterns: list[str] | None) -> list[TaskSpec]:
    """The registry entries whose name contains one of ``patterns`` (all when none is given)."""
    if not patterns:
        return list(REGISTRY)
    chosen = [t for t in REGISTRY if any(p in t.name for p in patterns)]
    if not chosen:
        raise SystemExit(f"no task matches {patterns}; tasks: {', '.join(t.name for t in REGISTRY)}")
    return chosen
