from newsprism.model import StoryEvent
from newsprism.report.timeline import build_timeline


def _event(eid: str, date: str | None, status: str = "happened") -> StoryEvent:
    return StoryEvent(id=eid, type="meeting", plover=None, summary=eid, actors=[], targets=[], date=date,
                      place=None, status=status, article_ids=["a-1"], independent_sources=1)


def test_build_timeline_groups_by_date_and_sorts_month_before_its_days():
    entries = build_timeline([_event("v-late", "2025-09-02"), _event("v-month", "2025-09"),
                              _event("v-a", "2025-08-30"), _event("v-b", "2025-08-30"), _event("v-none", None)])
    assert [(t.date, t.event_ids) for t in entries] == [
        ("2025-08-30", ["v-a", "v-b"]), ("2025-09", ["v-month"]), ("2025-09-02", ["v-late"])]


def test_build_timeline_planned_only_when_every_event_of_the_day_is_future():
    entries = build_timeline([_event("v-talks", "2025-10-01", "planned"), _event("v-walkout", "2025-10-01"),
                              _event("v-summit", "2025-10-09", "planned"), _event("v-strike", "2025-10-09", "threatened")])
    assert [t.planned for t in entries] == [False, True]
