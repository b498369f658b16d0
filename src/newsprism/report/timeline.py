"""The story timeline: dated events grouped by date, oldest first.

A reader scans a timeline to see what happened in which order and what is
still only announced, so each entry says whether everything on that date is
planned (or threatened) rather than done.
"""

from __future__ import annotations

from newsprism.model import StoryEvent, TimelineEntry

#: Statuses that describe something that has not happened (yet).
FUTURE_STATUSES = frozenset({"planned", "threatened"})


def build_timeline(events: list[StoryEvent]) -> list[TimelineEntry]:
    """Group the dated events by date, ascending; undated events are left out.

    Dates are ISO at day, month or year precision, so plain string order is
    chronological and a month ("2025-08") sorts before its days. Within a
    date, events keep the order they have in ``events`` (most corroborated
    first).
    """
    by_date: dict[str, list[StoryEvent]] = {}
    for ev in events:
        if ev.date:
            by_date.setdefault(ev.date, []).append(ev)
    return [
        TimelineEntry(date=day, event_ids=[e.id for e in evs],
                      planned=all(e.status in FUTURE_STATUSES for e in evs))
        for day, evs in sorted(by_date.items())
    ]
