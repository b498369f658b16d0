from html import unescape
from html.parser import HTMLParser

import pytest

from newsprism.report.highlight import highlight, span_id

TEXT = "Mayor Ana Ferro said on Monday that 300 homes in Lindqvist were flooded <again>."


class _Nesting(HTMLParser):
    """Fails on a closing tag that does not match the innermost open one."""

    def __init__(self):
        super().__init__()
        self.stack, self.ids, self.text = [], [], []

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        self.ids += [v for k, v in attrs if k == "id"]

    def handle_endtag(self, tag):
        assert self.stack and self.stack.pop() == tag

    def handle_data(self, data):
        self.text.append(data)


def _parse(html: str) -> _Nesting:
    p = _Nesting()
    p.feed(html)
    p.close()
    assert p.stack == []
    return p


@pytest.mark.parametrize("spans", [
    {(0, 20): {"event"}, (6, 14): {"framing"}},                     # nested
    {(0, 30): {"event"}, (20, 60): {"conflict"}},                   # crossing
    {(0, 30): {"event"}, (20, 60): {"conflict"}, (25, 45): {"flag"}, (25, 46): {"brief"}, (30, 31): {"framing"}},
    {(0, len(TEXT)): {"attribution"}, (36, 45): {"conflict"}, (40, 70): {"event"}},
])
def test_highlight_nests_overlapping_spans_and_keeps_the_text(spans):
    html = highlight(TEXT, "a-1", spans)
    parsed = _parse(html)
    assert unescape("".join(parsed.text)) == TEXT
    assert sorted(parsed.ids) == sorted(span_id("a-1", s, e) for s, e in spans)


def test_highlight_gives_a_crossing_span_one_id_and_continuation_pieces():
    html = highlight(TEXT, "a-1", {(0, 30): {"event"}, (20, 60): {"conflict"}})
    assert html.count('id="m-a-1-20-60"') == 1
    assert 'data-for="m-a-1-20-60"' in html


def test_highlight_merges_identical_spans_into_one_mark_with_every_kind():
    html = highlight(TEXT, "a-1", {(36, 45): {"conflict", "brief"}})
    assert html.count("<mark") == 1
    assert 'class="hl hl-brief hl-conflict"' in html


def test_highlight_escapes_the_text():
    assert "&lt;again&gt;" in highlight(TEXT, "a-1", {})
