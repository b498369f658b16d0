"""The report as flat tables, for notebooks: ``report.to_frames()`` gives pandas DataFrames.

A researcher comparing outlets wants to group and count, not walk nested
JSON; one row per event report, conflict value, framing term, attribution,
flag and brief sentence makes that a one-liner. pandas is not a dependency
of newsprism: it is imported only when frames are asked for.
"""

from __future__ import annotations

from typing import Any

from newsprism.errors import ConfigError
from newsprism.model import Report, to_plain


def report_tables(report: Report) -> dict[str, list[dict[str, Any]]]:
    """Plain rows per table; every row of a story's table carries its ``story_id``."""
    tables: dict[str, list[dict[str, Any]]] = {
        name: [] for name in ("articles", "stories", "events", "evidence", "conflicts", "framing",
                              "attributions", "flags", "timeline", "summary")}
    tables["articles"] = [to_plain(a) for a in report.articles]
    for s in report.stories:
        sid = s.id
        tables["stories"].append({"story_id": sid, "title": s.title, "articles": len(s.article_ids),
                                  "events": len(s.events), "conflicts": len(s.conflicts), "flags": len(s.flags)})
        for e in s.events:
            tables["events"].append({"story_id": sid, "event_id": e.id, "type": e.type, "plover": e.plover,
                                     "summary": e.summary, "date": e.date, "place": e.place, "status": e.status,
                                     "reports": len(e.article_ids), "independent_sources": e.independent_sources})
            tables["evidence"] += [{"story_id": sid, "event_id": e.id, **to_plain(ev)} for ev in e.evidence]
        for c in s.conflicts:
            tables["conflicts"] += [{"story_id": sid, "conflict_id": c.id, "kind": c.kind, "subject": c.subject,
                                     "within_article": c.within_article, "resolution": c.resolution,
                                     "value": v.value, "article_id": aid, "attributed_to": v.attributed_to}
                                    for v in c.values for aid in v.article_ids]
        for f in s.framing:
            tables["framing"] += [{"story_id": sid, "subject": f.subject, "aspect": f.aspect, "term": v.term,
                                   "loaded": v.loaded, "article_id": aid}
                                  for v in f.variants for aid in v.article_ids]
        tables["attributions"] += [{"story_id": sid, **to_plain(a)} for a in s.attributions]
        tables["flags"] += [{"story_id": sid, "article_id": f.article_id, "kind": f.kind, "detail": f.detail,
                             "score": f.score} for f in s.flags]
        tables["timeline"] += [{"story_id": sid, "date": t.date, "event_id": v, "planned": t.planned}
                               for t in s.timeline for v in t.event_ids]
        tables["summary"] += [{"story_id": sid, "position": i, "text": x.text, "article_ids": list(x.article_ids)}
                              for i, x in enumerate(s.summary)]
    return tables


def to_frames(report: Report) -> dict[str, Any]:
    """One pandas DataFrame per table of ``report_tables``.

    Raises ConfigError when pandas is not installed (it is optional).
    """
    try:
        import pandas as pd
    except ImportError as exc:
        raise ConfigError("Report.to_frames() needs pandas, which newsprism does not install: "
                          "pip install pandas (or use newsprism.report.frames.report_tables for plain rows)") from exc
    return {name: pd.DataFrame(rows) for name, rows in report_tables(report).items()}
