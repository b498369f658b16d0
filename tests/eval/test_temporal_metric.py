"""TempEval-3 timex scores, the TimeML reader, and the value mappings of newsprism and the baselines."""

from __future__ import annotations

import datetime as dt

import pytest

from accuracy.baselines.dates import dateparser_value, parse_heideltime
from accuracy.corpora.timebank import parse_timeml
from accuracy.metrics.temporal import Timex, normalise_value, relaxed_matches, score_corpus, score_document
from accuracy.tasks.dates import timeml_value
from newsprism.model import TimeExpr

GOLD = [Timex(0, 6, "2001-03-02"), Timex(20, 30, "2001-W09"), Timex(40, 45, "PRESENT_REF")]


def test_perfect_prediction_scores_one() -> None:
    s = score_document(GOLD, GOLD)
    assert (s.strict.f1, s.relaxed.f1, s.value.f1) == (1.0, 1.0, 1.0)


def test_empty_prediction_scores_zero() -> None:
    s = score_document([], GOLD)
    assert (s.strict.f1, s.relaxed.f1, s.value.f1) == (0.0, 0.0, 0.0)


def test_nothing_due_nothing_predicted_is_perfect() -> None:
    s = score_document([], [])
    assert (s.strict.f1, s.relaxed.f1, s.value.f1) == (1.0, 1.0, 1.0)


def test_partial_prediction_sits_between() -> None:
    # one exact with the right value, one overlapping with a wrong value, one spurious; one gold missed
    pred = [Timex(0, 6, "2001-03-02"), Timex(18, 25, "2001-W10"), Timex(60, 64, "2001")]
    s = score_document(pred, GOLD)
    assert (s.strict.tp, s.relaxed.tp, s.value.tp) == (1, 2, 1)
    assert s.relaxed.precision == pytest.approx(2 / 3) and s.relaxed.recall == pytest.approx(2 / 3)
    assert 0 < s.value.f1 < s.relaxed.f1 < 1


def test_relaxed_is_one_to_one() -> None:
    # two predictions inside one gold expression: one match, the other is a false positive
    pred = [Timex(20, 24, "2001-W09"), Timex(25, 30, "2001-W09")]
    s = score_document(pred, [Timex(20, 30, "2001-W09")])
    assert (s.relaxed.tp, s.relaxed.n_pred, s.value.tp) == (1, 2, 1)
    assert s.strict.tp == 0


def test_relaxed_matching_maximises_pairs_then_overlap() -> None:
    # pred 0 overlaps both gold; the only way to match both is pred0-gold0, pred1-gold1
    pred = [Timex(0, 10, None), Timex(9, 12, None)]
    gold = [Timex(0, 3, None), Timex(8, 12, None)]
    assert sorted(relaxed_matches(pred, gold)) == [(0, 0), (1, 1)]
    # one prediction over two gold: the one it shares more characters with
    assert relaxed_matches([Timex(0, 10, None)], [Timex(0, 2, None), Timex(4, 12, None)]) == [(0, 1)]


def test_touching_spans_do_not_overlap() -> None:
    assert score_document([Timex(0, 5, "2001")], [Timex(5, 9, "2001")]).relaxed.tp == 0


def test_value_needs_a_value_and_compares_case_blind() -> None:
    assert score_document([Timex(0, 4, None)], [Timex(0, 4, "2001")]).value.tp == 0
    assert score_document([Timex(0, 4, " present_ref")], [Timex(0, 4, "PRESENT_REF")]).value.tp == 1
    assert normalise_value("") is None


def test_strict_counts_duplicates_once_per_gold() -> None:
    s = score_document([Timex(0, 4, "2001"), Timex(0, 4, "2001")], [Timex(0, 4, "2001")])
    assert (s.strict.tp, s.strict.n_pred, s.value.tp) == (1, 2, 1)


def test_corpus_scores_are_micro_averaged() -> None:
    total = score_corpus([([Timex(0, 4, "2001")], [Timex(0, 4, "2001")]), ([], [Timex(0, 4, "2002")] * 3)])
    assert (total.relaxed.tp, total.relaxed.n_pred, total.relaxed.n_gold) == (1, 1, 4)


TIMEML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>demo</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2001-03-05" functionInDocument="CREATION_TIME">03/05/01</TIMEX3></DCT>
<TEXT>
The board <EVENT eid="e1" class="OCCURRENCE">met</EVENT> <TIMEX3 tid="t1" type="DATE" value="2001-03-02">on
Friday</TIMEX3> &amp; will vote <TIMEX3 tid="t2" type="DURATION" value="P2W">within two weeks</TIMEX3>.
</TEXT>
</TimeML>"""


def test_reader_strips_tags_and_keeps_offsets() -> None:
    doc = parse_timeml(TIMEML, "demo")
    text = doc.article.text
    assert text.startswith("The board met on") and "&" in text and "<" not in text
    assert doc.dct == "2001-03-05" and doc.article.published == "2001-03-05"
    assert [(t.type, t.value) for t in doc.timexes] == [("DATE", "2001-03-02"), ("DURATION", "P2W")]
    assert [text[t.start:t.end] for t in doc.timexes] == ["on\nFriday", "within two weeks"]


def test_newsprism_values_in_timeml_notation() -> None:
    week = TimeExpr(0, 9, "last week", "2001-02-26", "week", "past", "2001-03-04")
    assert timeml_value(week) == "2001-W09"
    assert timeml_value(TimeExpr(0, 5, "March", "2001-03", "month")) == "2001-03"
    assert timeml_value(TimeExpr(0, 6, "6 p.m.", None, "time")) is None


def test_dateparser_value_follows_the_finest_unit_named() -> None:
    when = dt.datetime(2001, 3, 2, 18, 0)
    assert dateparser_value("Friday", when) == ("DATE", "2001-03-02")
    assert dateparser_value("March 2", when) == ("DATE", "2001-03-02")
    assert dateparser_value("March", when) == ("DATE", "2001-03")
    assert dateparser_value("last week", when) == ("DATE", "2001-W09")
    assert dateparser_value("two years ago", when) == ("DATE", "2001")
    assert dateparser_value("1999", dt.datetime(1999, 3, 2)) == ("DATE", "1999")
    assert dateparser_value("6 p.m.", when) == ("TIME", "2001-03-02T18:00")


def test_heideltime_output_is_placed_in_the_input_text() -> None:
    text = "Sales rose & fell <sharply> on Friday.\nAt 3 p.m. today."
    out = ('<?xml version="1.0"?>\n<!DOCTYPE TimeML SYSTEM "TimeML.dtd">\n<TimeML>\n'
           'Sales rose & fell <sharply> on <TIMEX3 tid="t1" type="DATE" value="2001-03-02">Friday</TIMEX3>.\n'
           'At <TIMEX3 tid="t2" type="TIME" value="2001-03-05T15:00">3 p.m.</TIMEX3> '
           '<TIMEX3 tid="t3" type="DATE" value="2001-03-05">today</TIMEX3>.\n</TimeML>\n')
    tagged = parse_heideltime(out, text)
    assert tagged is not None
    assert [(text[t.start:t.end], t.type, t.value) for t in tagged] == [
        ("Friday", "DATE", "2001-03-02"), ("3 p.m.", "TIME", "2001-03-05T15:00"), ("today", "DATE", "2001-03-05")]
    assert parse_heideltime(out, "another text") is None
