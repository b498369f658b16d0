"""Report assembly and its renderers (JSON, Markdown, HTML, terminal)."""

from newsprism.report.build import build_report
from newsprism.report.html import render_html
from newsprism.report.markdown import render_markdown
from newsprism.report.terminal import print_summary

__all__ = ["build_report", "print_summary", "render_html", "render_markdown"]
