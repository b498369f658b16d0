import importlib.util

import pytest
from invented_story import A3, build_inputs

from newsprism.errors import ConfigError
from newsprism.report import build_report
from newsprism.report.frames import report_tables


def test_report_tables_one_row_per_report_of_each_finding():
    tables = report_tables(build_report(*build_inputs()))
    assert len(tables["events"]) == 4 and len(tables["evidence"]) == 12
    strikers = [r for r in tables["conflicts"] if r["subject"] == "number of strikers"]
    assert {(r["value"], r["article_id"]) for r in strikers} >= {("2,500", A3)}
    assert [r["planned"] for r in tables["timeline"]] == [False, False, True]
    assert {r["term"] for r in tables["framing"] if r["loaded"]} == {"Union boss", "militant union"}


@pytest.mark.skipif(importlib.util.find_spec("pandas") is not None, reason="pandas is installed")
def test_to_frames_without_pandas_says_how_to_get_it():
    with pytest.raises(ConfigError, match="pip install pandas"):
        build_report(*build_inputs()).to_frames()
