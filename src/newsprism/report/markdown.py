"""Render a Report as Markdown. STUB: issue #6 fills it."""

from __future__ import annotations

from newsprism.model import Report


def render_markdown(report: Report) -> str:
    lines = [f"# newsprism report", "", f"{len(report.stories)} stories, {len(report.articles)} articles", ""]
    for s in report.stories:
        lines += [f"## {s.title}", ""]
    return "\n".join(lines) + "\n"
