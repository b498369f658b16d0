"""Render a Report as Markdown: the brief with citation links, then every finding as tables.

Markdown is what users paste into a ticket, a wiki or a newsletter draft,
so each citation marker [n] links to the article list at the end and every
article-derived string is escaped (no raw HTML from an article survives,
and a ``|`` cannot break a table).
"""

from __future__ import annotations

import re

from newsprism.model import Report, ReportStory, StoryEvent
from newsprism.report.views import article_numbers, outlet_label, relayed_sources, story_outlets


def render_markdown(report: Report) -> str:
    """The whole report as one Markdown document."""
    numbers = article_numbers(report)
    n_events = sum(len(s.events) for s in report.stories)
    lines = ["# newsprism report", "",
             f"{len(report.stories)} stories, {len(report.articles)} articles, {n_events} events "
             f"({_esc(report.generator)})", ""]
    for story in report.stories:
        lines += _story(report, story, numbers)
    lines += ["## Articles", ""]
    for a in report.articles:
        meta = [outlet_label(a)] + ([a.published] if a.published else []) + [a.url or a.source]
        if a.duplicate_of:
            meta.append(f"copy of [{numbers.get(a.duplicate_of, '?')}]")
        lines.append(f'{numbers[a.id]}. <a id="article-{numbers[a.id]}"></a>**{_esc(a.title or a.id)}** '
                     f"({_esc(' · '.join(meta))}) `{a.id}`")
    return "\n".join(lines) + "\n"


def _story(report: Report, story: ReportStory, numbers: dict[str, int]) -> list[str]:
    events = {e.id: e for e in story.events}
    out = [f"## {_esc(story.title)}", "",
           f"{len(story.article_ids)} articles · {len(story.events)} events · {len(story.conflicts)} conflicts · "
           f"{len(story.flags)} flags", "", "### Brief", ""]
    out += [f"{i}. {_esc(s.text)} {_cites(s.article_ids, numbers)}" for i, s in enumerate(story.summary, 1)] \
        or ["_No corroborated event to summarise._"]
    out += ["", "### Timeline", ""]
    for entry in story.timeline:
        tag = " (planned)" if entry.planned else ""
        names = "; ".join(_esc(events[v].summary or events[v].type) for v in entry.event_ids if v in events)
        out.append(f"- **{entry.date}**{tag}: {names}")
    if not story.timeline:
        out.append("_No dated event._")
    out += ["", "### Events", ""]
    if story.events:
        out += ["| type | summary | date | status | independent sources | outlets |", "|---|---|---|---|---|---|"]
        out += [_event_row(report, e, numbers) for e in story.events]
    else:
        out.append("_No event found._")
    out += ["", "### Conflicts", ""] + (_conflicts(report, story, numbers) or ["_No contradiction found._"])
    out += ["", "### Framing by outlet", ""] + (_framing(report, story) or ["_No difference in framing found._"])
    out += ["", "### Attributions", ""]
    for a in story.attributions:
        chain = " → ".join([a.source] + [c for c in a.chain if c != a.source])
        out.append(f"- {_esc(outlet_label(report.article(a.article_id), a.article_id))} cites **{_esc(chain)}**: "
                   f"“{_esc(a.sentence)}” {_cites([a.article_id], numbers)}")
    if not story.attributions:
        out.append("_No attribution found._")
    out += ["", "### Flags", ""]
    for f in story.flags:
        score = f" (score {f.score:.2f})" if f.score is not None else ""
        quotes = "; ".join(f"“{_esc(e.sentence)}”" for e in f.evidence)
        out.append(f"- `{f.kind}` {_esc(outlet_label(report.article(f.article_id), f.article_id))} "
                   f"{_cites([f.article_id], numbers)}: {_esc(f.detail)}{score}" + (f". Evidence: {quotes}" if quotes else ""))
    if not story.flags:
        out.append("_No red flag._")
    return out + [""]


def _event_row(report: Report, ev: StoryEvent, numbers: dict[str, int]) -> str:
    relays = relayed_sources(ev, report)
    who = []
    for aid in ev.article_ids:
        name = outlet_label(report.article(aid), aid)
        who.append(f"{name} (relays {relays[aid]})" if aid in relays else name)
    cells = [ev.type, ev.summary, ev.date or "", ev.status, str(ev.independent_sources), ", ".join(who)]
    return "| " + " | ".join(_cell(c) for c in cells) + " " + _cites(ev.article_ids, numbers) + " |"


def _conflicts(report: Report, story: ReportStory, numbers: dict[str, int]) -> list[str]:
    out = []
    for c in story.conflicts:
        how = "within one article" if c.within_article else c.resolution
        out += [f"**{_esc(c.subject)}** ({c.kind}, {how})", "", "| value | reported by | evidence |", "|---|---|---|"]
        for v in c.values:
            who = ", ".join(dict.fromkeys(outlet_label(report.article(a), a) for a in v.article_ids))
            if v.attributed_to:
                who += f", according to {v.attributed_to}"
            quotes = " / ".join(f"“{e.sentence}”" for e in v.evidence)
            out.append(f"| {_cell(v.value)} | {_cell(who)} {_cites(v.article_ids, numbers)} | {_cell(quotes)} |")
        out.append("")
    return out


def _framing(report: Report, story: ReportStory) -> list[str]:
    if not story.framing:
        return []
    outlets = story_outlets(report, story)
    out = ["| subject | " + " | ".join(_cell(name) for name, _ in outlets) + " |",
           "|---|" + "---|" * len(outlets)]
    for f in story.framing:
        cells = []
        for _, aids in outlets:
            terms = [(f"**{_cell(v.term)}** (loaded)" if v.loaded else _cell(v.term))
                     for v in f.variants if any(a in v.article_ids for a in aids)]
            cells.append(", ".join(terms))
        out.append(f"| {_cell(f.subject)} | " + " | ".join(cells) + " |")
    return out + ["", "Terms in bold are loaded."]


def _cites(article_ids: list[str], numbers: dict[str, int]) -> str:
    nums = sorted({numbers[a] for a in article_ids if a in numbers})
    return "".join(f"[[{n}]](#article-{n})" for n in nums)


def _esc(text: str) -> str:
    """Text that Markdown shows as written: no raw HTML, no accidental emphasis or links."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([\\`*_\[\]])", r"\\\1", text)


def _cell(text: str) -> str:
    return _esc(" ".join(text.split())).replace("|", "\\|")
