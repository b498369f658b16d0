"""The short summary printed after `newsprism analyze`: what was found, at a glance."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from newsprism.model import Report

#: Events listed per story in the terminal; the full list is in the report files.
TOP_EVENTS = 3


def print_summary(report: Report, console: Console) -> None:
    """Print totals, one row per story, and each story's best-corroborated events."""
    events = sum(len(s.events) for s in report.stories)
    conflicts = sum(len(s.conflicts) for s in report.stories)
    flags = sum(len(s.flags) for s in report.stories)
    console.print(f"[bold]{len(report.stories)}[/] stories, [bold]{len(report.articles)}[/] articles, "
                  f"[bold]{events}[/] events, [bold]{conflicts}[/] conflicts, [bold]{flags}[/] flags")
    table = Table(show_header=True, header_style="bold")
    for col in ("story", "articles", "events", "conflicts", "flags"):
        table.add_column(col, justify="left" if col == "story" else "right")
    for s in report.stories:
        table.add_row(escape(s.title), str(len(s.article_ids)), str(len(s.events)), str(len(s.conflicts)),
                      str(len(s.flags)))
    console.print(table)
    for s in report.stories:
        if not s.events:
            continue
        console.print(f"[bold]{escape(s.title)}[/]: top events")
        for ev in s.events[:TOP_EVENTS]:
            when = f" {ev.date}" if ev.date else ""
            status = "" if ev.status == "happened" else f" ({ev.status})"
            console.print(f"  • {escape(ev.summary or ev.type)}{when}{status}: "
                          f"[bold]{ev.independent_sources}[/] independent of {len(ev.article_ids)} reports")
