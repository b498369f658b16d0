"""Render a Report as one self-contained HTML file, and story sections the web app reuses.

The HTML report is what a user shares: one file, no external assets, that
works offline. Every finding links to the highlighted span of article text
it rests on, so a reader can check any claim in one click. Everything that
comes from an article (titles, outlets, text, values) is escaped: an
article containing ``<script>`` shows it as text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html import escape

from newsprism.model import Evidence, Report, ReportStory, StoryEvent
from newsprism.report.assets import REPORT_CSS, REPORT_JS
from newsprism.report.highlight import article_anchor, highlight, span_id, story_spans, valid_span
from newsprism.report.views import article_numbers, outlet_label, relayed_sources, story_outlets

__all__ = ["REPORT_CSS", "REPORT_JS", "ArticleLink", "render_html", "render_story_section"]

#: ``article_link(article_id, start, end) -> href``: where a citation of an
#: article (or of its span ``start:end``; both None for the whole article)
#: points. The default points at the span's ``<mark>`` in the same page.
ArticleLink = Callable[[str, int | None, int | None], str]


@dataclass
class _Ctx:
    report: Report
    story: ReportStory
    numbers: dict[str, int]
    article_link: ArticleLink | None


def render_html(report: Report) -> str:
    """The whole report as one HTML document with inline CSS and script."""
    stories = "".join(render_story_section(report, s.id) for s in report.stories)
    in_story = {aid for s in report.stories for aid in s.article_ids}
    loose = [a for a in report.articles if a.id not in in_story]
    numbers = article_numbers(report)
    rest = ""
    if loose:
        rest = ("<section class='np-story'><h2>Articles in no story</h2>"
                + "".join(_article_block(report, a.id, numbers, {}) for a in loose) + "</section>")
    toc = "".join(f"<li><a href='#story-{escape(s.id)}'>{escape(s.title)}</a> "
                  f"<span class='np-muted'>({len(s.article_ids)} articles)</span></li>" for s in report.stories)
    n_events = sum(len(s.events) for s in report.stories)
    return (
        "<!doctype html>\n<html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{escape(_page_title(report))}</title><style>{REPORT_CSS}</style></head><body>"
        "<main class='np-page'><header><h1>newsprism report</h1>"
        f"<div class='np-muted'>{len(report.stories)} stories · {len(report.articles)} articles · "
        f"{n_events} events · {escape(report.generator)}</div>"
        f"{'<ol class=np-toc>' + toc + '</ol>' if len(report.stories) > 1 else ''}</header>"
        f"{stories}{rest}</main><script>{REPORT_JS}</script></body></html>\n"
    )


def render_story_section(report: Report, story_id: str, *, article_link: ArticleLink | None = None,
                         include_texts: bool = True) -> str:
    """One story as an HTML fragment: brief, timeline, coverage, events, conflicts, framing, sources, flags, texts.

    Pass ``article_link`` when the article texts live on another page (and
    ``include_texts=False`` to leave them out here).
    """
    story = next((s for s in report.stories if s.id == story_id), None)
    if story is None:
        raise KeyError(f"{story_id}: no such story in this report")
    ctx = _Ctx(report=report, story=story, numbers=article_numbers(report), article_link=article_link)
    outlets = story_outlets(report, story)
    parts = [
        f"<section class='np-story' id='story-{escape(story.id)}'>",
        f"<h2>{escape(story.title)}</h2>",
        f"<div class='np-meta'>{len(story.article_ids)} articles from {len(outlets)} outlets · "
        f"{len(story.events)} events · {len(story.conflicts)} conflicts · {len(story.flags)} flags</div>",
        _brief(ctx), _timeline(ctx), _coverage(ctx, outlets), _events(ctx), _conflicts(ctx),
        _framing(ctx, outlets), _attributions(ctx), _flags(ctx),
    ]
    if include_texts:
        spans = story_spans(story, report.texts)
        parts.append("<section class='np-articles'><h3>Articles</h3>"
                     + "".join(_article_block(report, aid, ctx.numbers, spans.get(aid, {}))
                               for aid in story.article_ids) + "</section>")
    parts.append("</section>")
    return "".join(parts)


# --------------------------------------------------------------------------- sections


def _brief(ctx: _Ctx) -> str:
    items = []
    for s in ctx.story.summary:
        generated = not any(_states(ctx, e, s.text) for e in s.evidence)
        cls = " class='np-gen' title='Wording by newsprism; every name and number in it is in the cited articles'" \
            if generated else ""
        chips = _chips(ctx, s.evidence, s.article_ids)
        items.append(f"<li><span{cls}>{escape(s.text)}</span>{chips}</li>")
    body = f"<ol>{''.join(items)}</ol>" if items else _empty("No corroborated event to summarise.")
    return f"<section class='np-brief'><h3>Brief</h3>{body}</section>"


def _timeline(ctx: _Ctx) -> str:
    events = {e.id: e for e in ctx.story.events}
    days = []
    for entry in ctx.story.timeline:
        rows = "".join(f"<li>{_event_line(ctx, events[v])}</li>" for v in entry.event_ids if v in events)
        planned = " np-planned" if entry.planned else ""
        tag = " <span class='np-status np-status-planned'>planned</span>" if entry.planned else ""
        days.append(f"<li class='np-day{planned}'><time datetime='{escape(entry.date)}'>{escape(entry.date)}</time>"
                    f"{tag}<ul>{rows}</ul></li>")
    body = f"<ol>{''.join(days)}</ol>" if days else _empty("No dated event.")
    return f"<section class='np-timeline'><h3>Timeline</h3>{body}</section>"


def _coverage(ctx: _Ctx, outlets: list[tuple[str, list[str]]]) -> str:
    if not ctx.story.events:
        return f"<section class='np-coverage'><h3>Coverage</h3>{_empty('No event found.')}</section>"
    head = "".join(_outlet_head(ctx, name, aids) for name, aids in outlets)
    rows = []
    for ev in ctx.story.events:
        relays = relayed_sources(ev, ctx.report)
        cells = "".join(f"<td>{_coverage_cell(ctx, ev, aids, relays)}</td>" for _, aids in outlets)
        rows.append(f"<tr><td>{escape(ev.summary or ev.type)} {_status(ev.status)}</td>{cells}"
                    f"<td>{ev.independent_sources}</td></tr>")
    legend = ("<div class='np-legend'><span class='np-cell np-direct'>●</span> reports it "
              "<span class='np-cell np-relay'>R</span> only relays another source (hover for which) "
              "<span class='np-cell np-dup'>D</span> a copy of another article</div>")
    return (f"<section class='np-coverage'><h3>Coverage: who reports what</h3><table class='np-matrix'>"
            f"<thead><tr><th>Event</th>{head}<th>Independent sources</th></tr></thead><tbody>{''.join(rows)}"
            f"</tbody></table>{legend}</section>")


def _coverage_cell(ctx: _Ctx, ev: StoryEvent, aids: list[str], relays: dict[str, str]) -> str:
    marks = []
    for aid in aids:
        if aid not in ev.article_ids:
            continue
        art = ctx.report.article(aid)
        ev_span = next((e for e in ev.evidence if e.article_id == aid), None)
        href = _href(ctx, aid, ev_span.start if ev_span else None, ev_span.end if ev_span else None)
        if art is not None and art.duplicate_of:
            label, cls, tip = "D", "np-dup", f"copy of article [{ctx.numbers.get(art.duplicate_of, '?')}]"
        elif aid in relays:
            label, cls, tip = "R", "np-relay", f"relays {relays[aid]}"
        else:
            label, cls, tip = "●", "np-direct", "reports it"
        tip = f"[{ctx.numbers.get(aid, '?')}] {tip}"
        marks.append(f"<a class='np-cell {cls}' href='{escape(href)}' title='{escape(tip)}'>{label}</a>")
    return " ".join(marks)


def _events(ctx: _Ctx) -> str:
    if not ctx.story.events:
        return ""
    rows = []
    for ev in ctx.story.events:
        outlets = sorted({outlet_label(ctx.report.article(a), a) for a in ev.article_ids})
        rows.append(f"<tr><td>{escape(ev.type)}</td><td>{escape(ev.summary)}</td><td>{escape(ev.date or '')}</td>"
                    f"<td>{escape(ev.place or '')}</td><td>{_status(ev.status)}</td>"
                    f"<td>{ev.independent_sources}</td><td>{escape(', '.join(outlets))}"
                    f"{_chips(ctx, ev.evidence, ev.article_ids)}</td></tr>")
    return ("<section class='np-events'><h3>Events</h3><table><thead><tr><th>Type</th><th>Summary</th><th>Date</th>"
            "<th>Place</th><th>Status</th><th>Independent</th><th>Reported by</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table></section>")


def _conflicts(ctx: _Ctx) -> str:
    if not ctx.story.conflicts:
        return f"<section class='np-conflicts'><h3>Conflicts</h3>{_empty('No contradiction found.')}</section>"
    cards = []
    for c in ctx.story.conflicts:
        how = "inside one article" if c.within_article else {
            "update": "a later report updates it", "attributed": "sources disagree"}.get(c.resolution, "between outlets")
        sides = []
        for v in c.values:
            who = ", ".join(dict.fromkeys(outlet_label(ctx.report.article(a), a) for a in v.article_ids))
            src = f" <span class='np-muted'>according to {escape(v.attributed_to)}</span>" if v.attributed_to else ""
            quotes = "".join(f"<blockquote>{escape(e.sentence)} {_chip(ctx, e.article_id, e.start, e.end)}</blockquote>"
                             for e in v.evidence)
            sides.append(f"<div class='np-side'><div class='np-value'>{escape(v.value)}</div>"
                         f"<div class='np-meta'>{escape(who)}{src}</div>{quotes}</div>")
        cards.append(f"<div class='np-conflict' id='{escape(c.id)}'><h4>{escape(c.subject)} "
                     f"<span class='np-status'>{escape(c.kind)}</span> <span class='np-meta'>{how}</span></h4>"
                     f"<div class='np-sides'>{''.join(sides)}</div></div>")
    return f"<section class='np-conflicts'><h3>Conflicts</h3>{''.join(cards)}</section>"


def _framing(ctx: _Ctx, outlets: list[tuple[str, list[str]]]) -> str:
    if not ctx.story.framing:
        return ""
    head = "".join(_outlet_head(ctx, name, aids) for name, aids in outlets)
    rows = []
    for f in ctx.story.framing:
        cells = []
        for _, aids in outlets:
            terms = []
            for var in f.variants:
                used = [a for a in aids if a in var.article_ids]
                if not used:
                    continue
                e = next((x for x in var.evidence if x.article_id in used), None)
                href = _href(ctx, used[0], e.start if e else None, e.end if e else None)
                cls = "np-loaded" if var.loaded else ""
                tip = "loaded term" if var.loaded else "term used"
                terms.append(f"<a class='{cls}' href='{escape(href)}' title='{tip}'>{escape(var.term)}</a>")
            cells.append(f"<td>{', '.join(terms)}</td>")
        rows.append(f"<tr><td>{escape(f.subject)} <span class='np-muted'>({escape(f.aspect)})</span></td>"
                    f"{''.join(cells)}</tr>")
    return (f"<section class='np-framing'><h3>Framing by outlet</h3><table><thead><tr><th>Subject</th>{head}</tr>"
            f"</thead><tbody>{''.join(rows)}</tbody></table><div class='np-legend'>"
            f"<span class='np-loaded'>underlined</span>: loaded term</div></section>")


def _attributions(ctx: _Ctx) -> str:
    """Who cites whom: one row per outlet, its sources with counts; the sentences fold out."""
    if not ctx.story.attributions:
        return ""
    by_outlet: dict[str, dict[str, list]] = {}
    for a in ctx.story.attributions:
        chain = " → ".join([a.source] + [c for c in a.chain if c != a.source])
        who = outlet_label(ctx.report.article(a.article_id), a.article_id)
        by_outlet.setdefault(who, {}).setdefault(chain, []).append(a)
    rows = []
    for who, sources in by_outlet.items():
        cited = ", ".join(
            f"<a href='{escape(_href(ctx, atts[0].article_id, atts[0].start, atts[0].end))}'>{escape(chain)}</a>"
            + (f" <span class='np-muted'>×{len(atts)}</span>" if len(atts) > 1 else "")
            for chain, atts in sorted(sources.items(), key=lambda kv: (-len(kv[1]), kv[0].lower())))
        sentences = "".join(f"<li><b>{escape(chain)}</b>: {escape(a.sentence)} {_chip(ctx, a.article_id, a.start, a.end)}</li>"
                            for chain, atts in sources.items() for a in atts)
        n = sum(len(v) for v in sources.values())
        rows.append(f"<tr><td>{escape(who)}</td><td>{cited}<details><summary class='np-muted'>{n} sentence{'s' if n > 1 else ''}"
                    f"</summary><ul>{sentences}</ul></details></td></tr>")
    return ("<section class='np-attributions'><h3>Who cites whom</h3><table><thead><tr><th>Outlet</th>"
            f"<th>Cites</th></tr></thead><tbody>{''.join(rows)}</tbody></table></section>")


def _flags(ctx: _Ctx) -> str:
    if not ctx.story.flags:
        return f"<section class='np-flags'><h3>Flags</h3>{_empty('No red flag.')}</section>"
    items = []
    for f in ctx.story.flags:
        who = outlet_label(ctx.report.article(f.article_id), f.article_id)
        score = f" <span class='np-muted'>score {f.score:.2f}</span>" if f.score is not None else ""
        links = _chip(ctx, f.article_id, None, None)
        if f.evidence:
            links += " <span class='np-muted'>evidence</span>" + "".join(
                f"<a class='np-chip' href='{escape(_href(ctx, f.article_id, e.start, e.end))}' "
                f"title='{escape(e.sentence)}'>{i}</a>" for i, e in enumerate(f.evidence, 1))
        items.append(f"<li><span class='np-flag-kind'>{escape(f.kind)}</span> <b>{escape(who)}</b>: "
                     f"{escape(f.detail)}{score}{links}</li>")
    return f"<section class='np-flags'><h3>Flags</h3><ul>{''.join(items)}</ul></section>"


def _article_block(report: Report, aid: str, numbers: dict[str, int],
                   spans: dict[tuple[int, int], set[str]]) -> str:
    art = report.article(aid)
    text = report.texts.get(aid, "")
    title = (art.title if art else None) or aid
    meta = [outlet_label(art, aid)] if art else []
    if art and art.published:
        meta.append(f"published {art.published}" + (f" ({art.published_basis})" if art.published_basis else ""))
    if art:
        meta.append(art.url or art.source)
        if art.duplicate_of:
            meta.append(f"copy of [{numbers.get(art.duplicate_of, '?')}]")
    return (f"<article class='np-article' id='{article_anchor(aid)}'><h4>[{numbers.get(aid, '?')}] {escape(title)}</h4>"
            f"<div class='np-meta'>{escape(' · '.join(meta))}</div>"
            f"<div class='np-text'>{highlight(text, aid, spans)}</div></article>")


# --------------------------------------------------------------------------- small pieces


def _event_line(ctx: _Ctx, ev: StoryEvent) -> str:
    return (f"{escape(ev.summary or ev.type)} {_status(ev.status)} "
            f"<span class='np-muted'>{ev.independent_sources} independent</span>{_chips(ctx, ev.evidence, ev.article_ids)}")


def _outlet_head(ctx: _Ctx, name: str, aids: list[str]) -> str:
    """A column head naming the outlet, with chips to its articles."""
    return f"<th>{escape(name)}<br>{''.join(_chip(ctx, a, None, None) for a in aids)}</th>"


def _status(status: str) -> str:
    return f"<span class='np-status np-status-{escape(status)}'>{escape(status)}</span>"


def _chips(ctx: _Ctx, evidence: Iterable[Evidence], article_ids: Iterable[str]) -> str:
    """One citation chip per article, pointing at its first evidence span (else at the article)."""
    first: dict[str, Evidence | None] = {}
    for e in evidence:
        first.setdefault(e.article_id, e)
    for aid in article_ids:
        first.setdefault(aid, None)
    ordered = sorted(first.items(), key=lambda kv: ctx.numbers.get(kv[0], 10**9))
    return "".join(_chip(ctx, aid, e.start if e else None, e.end if e else None) for aid, e in ordered)


def _chip(ctx: _Ctx, aid: str, start: int | None, end: int | None) -> str:
    art = ctx.report.article(aid)
    tip = outlet_label(art, aid) + (f": {art.title}" if art and art.title else "")
    return (f"<a class='np-chip' href='{escape(_href(ctx, aid, start, end))}' title='{escape(tip)}'>"
            f"[{ctx.numbers.get(aid, '?')}]</a>")


def _href(ctx: _Ctx, aid: str, start: int | None, end: int | None) -> str:
    """Where a citation points: the custom link, else the span's mark, else the article."""
    if ctx.article_link is not None:
        return ctx.article_link(aid, start, end)
    if start is not None and end is not None and valid_span(ctx.report.texts, aid, start, end) \
            and aid in ctx.story.article_ids:
        return "#" + span_id(aid, start, end)
    return "#" + article_anchor(aid)


def _states(ctx: _Ctx, e: Evidence, text: str) -> bool:
    """Whether a brief sentence is (a trimmed form of) its evidence sentence, i.e. not generated."""
    return text.rstrip(".").strip() in " ".join(ctx.report.texts.get(e.article_id, "").split())


def _empty(message: str) -> str:
    return f"<p class='np-empty'>{escape(message)}</p>"


def _page_title(report: Report) -> str:
    if len(report.stories) == 1:
        return f"{report.stories[0].title} · newsprism"
    return "newsprism report"
