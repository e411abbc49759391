"""Statuses: every outcome of sanitizing and grading maps to an explicit status with its reason."""

from __future__ import annotations

import csv

from sandbox.grading.sanitize import NotebookOutcome
from sandbox.grading.status import STATUSES, NotebookStatus, classify, id_check, write_csv


def report(**changes):
    base = {
        "isolation": "user",
        "timed_out": [],
        "notebook_timeout": False,
        "not_run": [],
        "resource_errors": [],
        "output_capped": [],
        "kernel_death": None,
        "kernel_exit": {"exit_code": 0, "signal": None, "launch_error": ""},
    }
    base.update(changes)
    return base


def test_sanitize_outcomes_decide_before_grading():
    assert classify(NotebookOutcome("nb", "missing"), None, graded_ok=False)[0] == "missing"
    assert classify(NotebookOutcome("nb", "unreadable"), None, graded_ok=False)[0] == "unreadable"
    assert classify(NotebookOutcome("nb", "renamed"), report(), graded_ok=True)[0] == "renamed"
    assert classify(NotebookOutcome("nb"), report(), graded_ok=True) == ("graded", [])


def test_grading_failures_are_errors_with_the_reason():
    status, details = classify(NotebookOutcome("nb"), None, graded_ok=False, errors=["[ERROR] boom"])
    assert (status, details) == ("error", ["[ERROR] boom"])
    broken = report(kernel_exit={"launch_error": "OSError: unshare: Operation not permitted"})
    status, details = classify(NotebookOutcome("nb"), broken, graded_ok=False)
    assert status == "error" and "could not start: OSError: unshare" in details[0]
    status, details = classify(NotebookOutcome("nb"), None, graded_ok=False, stopped_after=301)
    assert status == "timed out" and details[0] == "grading was stopped after 301 s"


def test_kernel_deaths_and_limits():
    died = report(
        kernel_death={"cell": "q3", "cause": "exited with code 3", "limit": None}, not_run=["a", "b"]
    )
    assert classify(NotebookOutcome("nb"), died, graded_ok=True)[0] == "kernel died"
    cpu = report(kernel_death={"cell": "q3", "cause": "stopped by the CPU time limit", "limit": "CPU time"})
    status, details = classify(NotebookOutcome("nb"), cpu, graded_ok=True)
    assert status == "over a resource limit" and "CPU time limit" in details[0]
    memory = report(resource_errors=[{"cell": "q1", "limit": "memory"}], timed_out=["q2"])
    status, details = classify(NotebookOutcome("nb", "renamed"), memory, graded_ok=True)
    assert status == "over a resource limit"  # the worst problem names the status ...
    assert "q2 ran out of time" in details  # ... and every problem is listed
    late = report(notebook_timeout=True, not_run=["q4"], timed_out=["q3"])
    status, details = classify(NotebookOutcome("nb"), late, graded_ok=True)
    assert status == "timed out" and "the notebook ran out of time" in details


def test_grading_without_isolation_is_said():
    _, details = classify(
        NotebookOutcome("nb"), report(isolation="none", isolation_note="not root"), graded_ok=True
    )
    assert "graded without isolation (not root)" in details


def test_id_check():
    assert id_check(" JDoe42", "jdoe42") == "ok"
    assert id_check("bob", "jdoe42") == "mismatch"
    assert id_check("", "jdoe42") == "not set"
    assert id_check(None, "jdoe42") == ""


def test_csv_has_one_row_per_student_and_notebook(tmp_path):
    rows = [
        NotebookStatus("ada", "00-welcome", "nb", "graded", 12, 12, [], "ada", "ok", 4.2, "now"),
        NotebookStatus("bob", "00-welcome", "nb", "unreadable", 0, 12, ["nb.ipynb is empty"], None, ""),
    ]
    path = write_csv(rows, tmp_path / "s.csv")
    with path.open() as fh:
        got = list(csv.DictReader(fh))
    assert [r["status"] for r in got] == ["graded", "unreadable"]
    assert got[1]["detail"] == "nb.ipynb is empty" and got[1]["score"] == "0"
    assert got[0]["seconds"] == "4.2"
    assert set(STATUSES) >= {r["status"] for r in got}
