"""Render a Report as one self-contained HTML file. STUB: issue #6 fills it."""

from __future__ import annotations

from html import escape

from newsprism.model import Report


def render_html(report: Report) -> str:
    body = "".join(f"<h2>{escape(s.title)}</h2>" for s in report.stories)
    return f"<!doctype html><html><head><meta charset='utf-8'><title>newsprism report</title></head><body>{body}</body></html>"
