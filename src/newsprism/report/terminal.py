"""The short summary printed after `newsprism analyze`."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from newsprism.model import Report


def print_summary(report: Report, console: Console) -> None:
    events = sum(len(s.events) for s in report.stories)
    conflicts = sum(len(s.conflicts) for s in report.stories)
    flags = sum(len(s.flags) for s in report.stories)
    console.print(f"[bold]{len(report.stories)}[/] stories, [bold]{len(report.articles)}[/] articles, "
                  f"[bold]{events}[/] events, [bold]{conflicts}[/] conflicts, [bold]{flags}[/] flags")
    table = Table(show_header=True, header_style="bold")
    for col in ("story", "articles", "events", "conflicts", "flags"):
        table.add_column(col)
    for s in report.stories:
        table.add_row(s.title, str(len(s.article_ids)), str(len(s.events)), str(len(s.conflicts)), str(len(s.flags)))
    console.print(table)
