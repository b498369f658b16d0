import dataclasses
import re

from invented_story import ARTICLES, build_inputs

from newsprism.report import build_report, render_markdown


def test_render_markdown_citations_point_at_the_article_list():
    md = render_markdown(build_report(*build_inputs()))
    cited = set(re.findall(r"\]\(#(article-\d+)\)", md))
    anchors = set(re.findall(r'<a id="(article-\d+)"></a>', md))
    assert cited and cited <= anchors


def test_render_markdown_has_every_section_and_the_brief_first():
    md = render_markdown(build_report(*build_inputs()))
    heads = re.findall(r"^### (.+)$", md, flags=re.M)
    assert heads == ["Brief", "Timeline", "Events", "Conflicts", "Framing by outlet", "Attributions", "Flags"]
    assert "- **2026-03-10** (planned): Union members vote on the offer" in md
    assert "**Union boss** (loaded)" in md


def test_render_markdown_escapes_hostile_titles_and_table_pipes():
    evil = [dataclasses.replace(a, title="<script>alert(1)</script>", outlet="Wire | News") for a in ARTICLES]
    md = render_markdown(build_report(*build_inputs(evil)))
    assert "<script>" not in md
    assert "Wire \\| News" in md
