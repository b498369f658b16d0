import json

import pytest
from invented_story import build_inputs

from newsprism.report import build_report
from newsprism.report.validate import ReportSchemaError, report_schema, validate_report


def _data():
    return json.loads(build_report(*build_inputs()).to_json())


def test_validate_report_names_the_missing_key_and_its_path():
    data = _data()
    del data["stories"][0]["events"][0]["independent_sources"]
    with pytest.raises(ReportSchemaError, match=r"/stories/0/events/0: 'independent_sources' is a required"):
        validate_report(data)


def test_validate_report_rejects_a_summary_sentence_without_citation():
    data = _data()
    data["stories"][0]["summary"][0]["article_ids"] = []
    with pytest.raises(ReportSchemaError, match="summary/0/article_ids"):
        validate_report(data)


def test_validate_report_rejects_dangling_ids():
    data = _data()
    data["stories"][0]["timeline"][0]["event_ids"].append("v-missing")
    with pytest.raises(ReportSchemaError, match="unknown event id 'v-missing'"):
        validate_report(data)


def test_validate_report_allows_extra_fields():
    data = _data()
    data["stories"][0]["events"][0]["confidence"] = 0.9
    validate_report(data)


def test_report_schema_requires_every_contract_key():
    story = report_schema()["$defs"]["story"]
    assert set(story["required"]) == {"id", "title", "article_ids", "entities", "events", "conflicts", "framing",
                                      "attributions", "flags", "timeline", "summary"}
