"""The regression gate: how floors are held, and the gate itself on the check sample (needs ../shared)."""

from __future__ import annotations

import pytest

from accuracy.gate import GateTask, compare, read_floors
from accuracy.results import Figure, not_checked
from accuracy.tasks import REGISTRY


def _fig(metric: str, value: float | None, split: str = "check") -> Figure:
    return Figure("t", "c", split, metric, value, 10)


def test_compare_fails_a_figure_below_its_floor_and_passes_one_at_it():
    task = GateTask("t/c", 10, {"f1": 0.5, "recall": 0.4})
    assert compare(task, [_fig("f1", 0.5), _fig("recall", 0.41)]) == []
    failures = compare(task, [_fig("f1", 0.49), _fig("recall", 0.9)])
    assert len(failures) == 1 and "f1" in failures[0] and "0.4900 < floor 0.5" in failures[0]


def test_compare_fails_a_figure_that_was_not_measured_or_is_missing():
    task = GateTask("t/c", 10, {"f1": 0.5, "recall": 0.4})
    failures = compare(task, [not_checked("t", "c", "check", "f1", "corpus absent")])
    assert len(failures) == 2
    assert "not measured (not checked: corpus absent)" in failures[0] and "no such figure" in failures[1]


def test_compare_reads_check_figures_only():
    task = GateTask("t/c", 10, {"f1": 0.5})
    assert compare(task, [_fig("f1", 0.9, split="tune")]) != []


def test_stored_floors_name_registered_tasks_with_a_sample_and_bounded_floors():
    names = {s.name for s in REGISTRY}
    tasks = read_floors()
    assert tasks
    for t in tasks:
        assert t.name in names and not t.name.endswith("/seeds")
        assert t.sample > 0 and t.floors
        assert all(0.0 <= v for v in t.floors.values())


@pytest.mark.slow
def test_accuracy_gate_holds_every_floor_on_the_check_sample(corpora):
    from accuracy.gate import run_gate

    failures, figures = run_gate(read_floors())
    assert figures
    assert not failures, "\n".join(failures)
