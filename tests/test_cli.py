"""The command line: every command documents itself with an example, and analyze writes its three files."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsprism.cli import main

COMMANDS = sorted(main.commands)


def test_cli_has_every_documented_command():
    assert {"ingest", "analyze", "extract", "stories", "show", "serve", "batch"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_cli_help_has_an_example(name):
    res = CliRunner().invoke(main, [name, "--help"])
    assert res.exit_code == 0, res.output
    assert "Example:" in res.output
    assert f"newsprism {name}" in res.output


def test_cli_analyze_writes_json_markdown_html(tmp_path, demo_dir):
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["analyze", str(demo_dir / "quakes"), "--out", str(out),
                                    "--json", str(tmp_path / "r.json"), "--db", str(tmp_path / "t.db")])
    assert res.exit_code == 0, res.output
    for name in ("report.json", "report.md", "report.html"):
        assert (out / name).stat().st_size > 0
    data = json.loads((tmp_path / "r.json").read_text())
    assert len(data["articles"]) == 5  # html, 2 csv rows, json, txt


def test_cli_show_prints_normalised_text_and_rejects_unknown_id(tmp_path, demo_dir):
    runner = CliRunner()
    db = str(tmp_path / "t.db")
    res = runner.invoke(main, ["ingest", str(demo_dir / "strike"), "--db", db])
    assert res.exit_code == 0, res.output
    from newsprism.store import Store

    store = Store(db)
    art = next(iter(store.articles()))
    store.close()
    shown = runner.invoke(main, ["show", art.id, "--db", db])
    assert shown.exit_code == 0
    assert shown.output == art.text
    missing = runner.invoke(main, ["show", "a-0000000000000000", "--db", db])
    assert missing.exit_code != 0
    assert "a-0000000000000000" in missing.output


def test_cli_ingest_reports_bad_input_and_keeps_the_rest(tmp_path, demo_dir):
    bad = tmp_path / "blob.txt"
    bad.write_bytes(b"\x00\x01\x02\xff" * 100)
    res = CliRunner().invoke(main, ["ingest", str(demo_dir / "strike"), str(bad), "--db", str(tmp_path / "t.db")])
    assert res.exit_code == 1
    assert "blob.txt" in res.output
