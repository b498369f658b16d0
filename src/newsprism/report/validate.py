"""Check a JSON report against the shipped JSON Schema of the contract.

Other tools read ``report.json``; a report that drifts from the contract
breaks them silently, so the tests (and anyone consuming a report) can
validate it against ``schema.json``, which ships in the package.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

import jsonschema

from newsprism.errors import NewsprismError


class ReportSchemaError(NewsprismError):
    """A report does not follow the contract; the message names the offending path."""


@lru_cache(maxsize=1)
def report_schema() -> dict[str, Any]:
    """The contract's JSON Schema (draft 2020-12), as shipped in the package."""
    return json.loads(resources.files("newsprism.report").joinpath("schema.json").read_text(encoding="utf-8"))


def validate_report(data: dict[str, Any]) -> None:
    """Raise ``ReportSchemaError`` naming every place where ``data`` breaks the contract.

    Beyond the schema, ids must resolve: a story, event, brief sentence or
    timeline entry that cites an article or event the report does not hold
    is a defect a schema cannot see.
    """
    validator = jsonschema.Draft202012Validator(report_schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    lines = [f"  at /{'/'.join(str(p) for p in e.absolute_path)}: {e.message}" for e in errors]
    if not errors:
        lines = _dangling_references(data)
    if lines:
        more = f"\n  ... and {len(lines) - 20} more" if len(lines) > 20 else ""
        raise ReportSchemaError("report does not follow the report contract (schema_version "
                                f"{data.get('schema_version') if isinstance(data, dict) else '?'}):\n"
                                + "\n".join(lines[:20]) + more)


def _dangling_references(data: dict[str, Any]) -> list[str]:
    """Article and event ids that a story cites but the report does not contain."""
    articles = {a["id"] for a in data["articles"]}
    out = []
    for i, story in enumerate(data["stories"]):
        here = f"/stories/{i}"
        events = {e["id"] for e in story["events"]}
        cited = [(f"{here}/article_ids", story["article_ids"])]
        cited += [(f"{here}/events/{j}/article_ids", e["article_ids"]) for j, e in enumerate(story["events"])]
        cited += [(f"{here}/summary/{j}/article_ids", s["article_ids"]) for j, s in enumerate(story["summary"])]
        for path, ids in cited:
            out += [f"  at {path}: unknown article id {x!r}" for x in ids if x not in articles]
        for j, entry in enumerate(story["timeline"]):
            out += [f"  at {here}/timeline/{j}/event_ids: unknown event id {x!r}"
                    for x in entry["event_ids"] if x not in events]
    return out
