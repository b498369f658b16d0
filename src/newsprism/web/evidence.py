"""Which findings of a story point into an article, and the article's text cut at their spans.

The report already carries every span (events, conflicts, framing, flags,
attributions, summary); this module only reads them back per article so the
article page can highlight the exact characters each finding rests on and
link each highlight back to its finding. No analysis happens here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Finding:
    """One finding of a story that cites an article, with the spans it cites there.

    ``id`` is the finding's report id (events, conflicts) or a position id
    (``fr-2``: the story's third framing entry) for kinds that carry none;
    it is also the anchor of the finding on the story page.
    """

    id: str
    kind: str  # event, conflict, framing, flag, attribution, summary
    label: str
    story_id: str
    spans: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Segment:
    """A run of article text; ``findings`` lists the ids of the findings whose spans cover it.

    ``anchors`` names the findings that start here (their first span), so a
    link to ``#f-<id>`` scrolls to the finding's first highlight.
    """

    text: str
    start: int
    findings: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)
    active: bool = False


def article_findings(story: dict[str, Any], article_id: str) -> list[Finding]:
    """Every finding of ``story`` with at least one span in ``article_id``, in report order."""
    sid = story["id"]
    found: list[Finding] = []

    def add(fid: str, kind: str, label: str, evidence: list[dict[str, Any]], default_article: str | None = None):
        spans = [(int(ev.get("start", 0)), int(ev.get("end", 0))) for ev in evidence
                 if ev.get("article_id", default_article) == article_id]
        spans = [(s, e) for s, e in spans if e > s]
        if spans:
            found.append(Finding(fid, kind, label, sid, spans))

    for ev in story.get("events", []):
        add(ev["id"], "event", ev.get("summary") or ev.get("type", "event"), ev.get("evidence", []))
    for c in story.get("conflicts", []):
        evidence = [e for v in c.get("values", []) for e in v.get("evidence", [])]
        add(c["id"], "conflict", f"{c.get('kind', 'other')} conflict: {c.get('subject', '')}", evidence)
    for i, fr in enumerate(story.get("framing", [])):
        evidence = [e for v in fr.get("variants", []) for e in v.get("evidence", [])]
        terms = " / ".join(v.get("term", "") for v in fr.get("variants", []))
        add(f"fr-{i}", "framing", f"framing of {fr.get('subject', '')}: {terms}", evidence)
    for i, fl in enumerate(story.get("flags", [])):
        add(f"fl-{i}", "flag", f"{fl.get('kind', 'other')}: {fl.get('detail', '')}", fl.get("evidence", []),
            default_article=fl.get("article_id"))
    for i, at in enumerate(story.get("attributions", [])):
        add(f"at-{i}", "attribution", f"attributed to {at.get('source', '')}", [at])
    for i, su in enumerate(story.get("summary", [])):
        add(f"su-{i}", "summary", su.get("text", ""), su.get("evidence", []))
    return found


def segment_text(text: str, findings: list[Finding], *, active_finding: str | None = None,
                 active_span: tuple[int, int] | None = None) -> list[Segment]:
    """Cut ``text`` at every span boundary; each piece knows which findings cover it.

    Pieces covered by ``active_finding`` or inside ``active_span`` (the
    evidence the reader clicked) are marked active; ``active_span`` is also
    a cut, so it is highlighted even when no finding of this story cites it.

    Spans may overlap (an event and a conflict citing the same sentence), so
    the text is cut at every boundary rather than nested; spans outside the
    text are clipped, so a stale report cannot break the page.
    """
    n = len(text)
    spans = [(max(0, s), min(n, e), f) for f in findings for s, e in f.spans]
    spans = [(s, e, f) for s, e, f in spans if e > s]
    extra = [max(0, min(n, x)) for x in active_span] if active_span else []
    cuts = sorted({0, n, *extra, *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    segments = []
    anchored: set[str] = set()
    for a, b in zip(cuts, cuts[1:], strict=False):
        covering = [f for s, e, f in spans if s <= a and b <= e]
        ids = list(dict.fromkeys(f.id for f in covering))
        kinds = list(dict.fromkeys(f.kind for f in covering))
        anchors = [i for i in ids if i not in anchored]
        anchored.update(anchors)
        in_span = active_span is not None and active_span[0] <= a and b <= active_span[1]
        if in_span and a == active_span[0]:
            anchors.append(str(a))
        segments.append(Segment(text[a:b], a, ids, kinds, anchors, in_span or active_finding in ids))
    return segments
