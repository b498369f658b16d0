"""The regression gate: a small fixed sample of `check` units per task, held against stored floors.

`make test` runs it (tests/eval/test_gate.py) in about two minutes. Each task
in eval/gate_floors.json is run with ``Context(splits=("check",), sample=N)``:
its first N check units in the task's fixed order, newsprism only (no
baselines). A figure below its floor, or one that could not be measured, is
a failure. Floors are edited by hand in a reviewed change, never written by
code: `--show` prints the figures beside them to help such a change.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from accuracy.cache import AnalysisCache
from accuracy.context import Context, Progress
from accuracy.paths import OUT, REPO, corpora_dir
from accuracy.results import Figure
from accuracy.tasks import REGISTRY

FLOORS = REPO / "eval" / "gate_floors.json"


@dataclass(frozen=True)
class GateTask:
    name: str  # registry name, "task/corpus"
    sample: int
    floors: dict[str, float]  # metric -> lowest acceptable check figure


def read_floors(path: Path = FLOORS) -> list[GateTask]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [GateTask(name, spec["sample"], dict(spec["floors"])) for name, spec in data["tasks"].items()]


def compare(task: GateTask, figures: list[Figure]) -> list[str]:
    """One line per floor that is not held: a lower figure, or no figure at all."""
    got = {f.metric: f for f in figures if f.split == "check"}
    failures = []
    for metric, floor in task.floors.items():
        fig = got.get(metric)
        if fig is None or fig.value is None:
            why = fig.note if fig is not None else "no such figure"
            failures.append(f"{task.name} {metric}: not measured ({why}), floor {floor}")
        elif fig.value < floor:
            failures.append(f"{task.name} {metric}: {fig.value:.4f} < floor {floor}")
    return failures


def run_gate(tasks: list[GateTask], *, progress: bool = False) -> tuple[list[str], list[Figure]]:
    from accuracy.run import run_task

    specs = {s.name: s for s in REGISTRY}
    cache = AnalysisCache(OUT / "analyses.sqlite")
    failures: list[str] = []
    figures: list[Figure] = []
    try:
        for task in tasks:
            if task.name not in specs:
                failures.append(f"{task.name}: no such task in the registry")
                continue
            ctx = Context(corpora=corpora_dir(), cache=cache, progress=Progress(enabled=progress),
                          splits=("check",), sample=task.sample)
            got = run_task(specs[task.name], ctx)
            figures += got
            failures += compare(task, got)
    finally:
        cache.close()
    return failures, figures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 epilog="example: .venv/bin/python eval/gate.py --show")
    ap.add_argument("--show", action="store_true", help="print every figure of the sample beside its floor")
    args = ap.parse_args(argv)
    if not corpora_dir().is_dir():
        print(f"gate: the shared corpora are not at {corpora_dir()} (set NEWSPRISM_CORPORA)", file=sys.stderr)
        return 2
    tasks = read_floors()
    failures, figures = run_gate(tasks, progress=True)
    if args.show:
        floors = {(t.name, m): v for t in tasks for m, v in t.floors.items()}
        for f in figures:
            floor = floors.get((f"{f.task}/{f.corpus}", f.metric), "-")
            value = "not measured" if f.value is None else f"{f.value:.4f}"
            print(f"{f.task}/{f.corpus} {f.metric}: {value} (floor {floor}, n={f.n})")
    for line in failures:
        print("REGRESSION", line)
    return 1 if failures else 0
