"""The results table: Markdown for docs/accuracy.md, and the same rows on the terminal."""

from __future__ import annotations

from collections.abc import Sequence

from accuracy.results import Figure

HEADER = ("task", "corpus", "split", "metric", "n", "newsprism", "baseline", "baseline value", "note")


def _fmt(v: float | None) -> str:
    return "not checked" if v is None else f"{v:.3f}"


def cells(f: Figure) -> tuple[str, ...]:
    return (f.task, f.corpus, f.split, f.metric, str(f.n), _fmt(f.value), f.baseline or "-",
            "-" if f.baseline is None else _fmt(f.baseline_value), f.note)


def ordered(figures: Sequence[Figure]) -> list[Figure]:
    """Task and corpus in run order; within one metric, check before tune (the figure to quote first)."""
    order = {(f.task, f.corpus): i for i, f in reversed(list(enumerate(figures)))}
    metric_order = {(f.task, f.corpus, f.metric): i for i, f in reversed(list(enumerate(figures)))}
    return sorted(figures, key=lambda f: (order[(f.task, f.corpus)], metric_order[(f.task, f.corpus, f.metric)],
                                          f.split != "check", f.split != "tune"))


def markdown(figures: Sequence[Figure]) -> str:
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    for f in ordered(figures):
        lines.append("| " + " | ".join(c.replace("|", "/") for c in cells(f)) + " |")
    return "\n".join(lines) + "\n"


def print_terminal(figures: Sequence[Figure]) -> None:
    """The same table through rich (wraps to the terminal's width)."""
    from rich.console import Console
    from rich.table import Table

    table = Table(*HEADER, show_lines=False)
    for f in ordered(figures):
        table.add_row(*cells(f))
    import sys

    Console(width=None if sys.stdout.isatty() else 200).print(table)
