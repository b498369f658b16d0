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


SUMMARY_HEADER = ("task", "corpus", "metric", "check", "tune", "baseline", "baseline check", "baseline tune", "n check")


def summary_rows(figures: Sequence[Figure], headline: dict[str, tuple[str, ...]]) -> list[tuple[str, ...]]:
    """One row per task, corpus, headline metric and baseline: check and tune side by side."""
    rows: dict[tuple[str, str, str, str], dict[str, Figure]] = {}
    for f in ordered(figures):
        if f.metric in headline.get(f.task, ()):
            rows.setdefault((f.task, f.corpus, f.metric, f.baseline or "-"), {})[f.split] = f
    out = []
    for (task, corpus, metric, base), by_split in rows.items():
        check, tune = by_split.get("check"), by_split.get("tune")
        smoke = by_split.get("smoke")
        first = check or smoke or tune
        out.append((task, corpus if not smoke else f"{corpus} (smoke)", metric,
                    _fmt((check or smoke).value) if (check or smoke) else "-",
                    _fmt(tune.value) if tune else "-", base,
                    _fmt(check.baseline_value) if check and check.baseline else "-",
                    _fmt(tune.baseline_value) if tune and tune.baseline else "-",
                    str(first.n) if first else "-"))
    return out


def summary_markdown(figures: Sequence[Figure], headline: dict[str, tuple[str, ...]]) -> str:
    lines = ["| " + " | ".join(SUMMARY_HEADER) + " |", "|" + "---|" * len(SUMMARY_HEADER)]
    lines += ["| " + " | ".join(c.replace("|", "/") for c in row) + " |" for row in summary_rows(figures, headline)]
    return "\n".join(lines) + "\n"


def print_terminal(figures: Sequence[Figure], headline: dict[str, tuple[str, ...]]) -> None:
    """The headline table through rich; every figure is in docs/accuracy.md and out/eval/results."""
    from rich.console import Console
    from rich.table import Table

    table = Table(*SUMMARY_HEADER, show_lines=False)
    for row in summary_rows(figures, headline):
        table.add_row(*row)
    import sys

    Console(width=None if sys.stdout.isatty() else 200).print(table)
