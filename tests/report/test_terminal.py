from io import StringIO

from invented_story import build_inputs
from rich.console import Console

from newsprism.report import build_report, print_summary


def test_print_summary_lists_totals_and_top_events():
    out = StringIO()
    print_summary(build_report(*build_inputs()), Console(file=out, width=120, color_system=None))
    text = out.getvalue()
    assert "1 stories, 4 articles, 4 events, 2 conflicts, 2 flags" in text
    assert "Castell met Reyna 2026-03-03: 3 independent of 4 reports" in text
    assert "Ships diverted" not in text  # fourth event: beyond the top three
