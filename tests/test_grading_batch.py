"""The bad-submission suite: one class, graded in one batch, every case with the right status and score.

Good submissions sit before, between and after the bad ones and must keep full marks; every
bad case gets its own status (nobody's failure is a silent 0); hostile code cannot read or
write the gradebook, the sources or other students' work, nor reach the network; limits on
time per cell and per notebook, memory and output hold. nbgrader is real, kernels are real.
"""

from __future__ import annotations

import copy
import csv
import os
import socket
import time

import nbformat
import pytest
from grading_support import (
    autograded_nb,
    cell_by_id,
    cell_text,
    completed_student_copy,
    index_of,
    make_course,
    remove_course,
    submit,
    tree_hashes,
)

from sandbox.grading.autograde import GradingOptions, autograde
from sandbox.grading.users import can_isolate

A = "00-welcome"
NB = "00-welcome-exercise"
FULL = 12.0
OPTIONS = GradingOptions(workers=2, cell_timeout=20, notebook_timeout=60)

HOSTILE = """
STUDENT_ID = "s16-hostile"
import os, socket, subprocess
for _label, _path in {targets!r}:
    try:
        with open(_path, "rb") as _fh:
            print("LEAK read", _label, len(_fh.read(200)))
    except OSError as _e:
        print("BLOCKED read", _label, type(_e).__name__)
    try:
        with open(_path, "ab") as _fh:
            _fh.write(b"PWNED")
        print("LEAK write", _label)
    except OSError as _e:
        print("BLOCKED write", _label, type(_e).__name__)
try:
    print("LEAK list", os.listdir({submitted!r}))
except OSError as _e:
    print("BLOCKED list", type(_e).__name__)
try:
    socket.create_connection(("127.0.0.1", {port}), timeout=3)
    print("LEAK network")
except OSError as _e:
    print("BLOCKED network", type(_e).__name__)
subprocess.Popen(["sleep", "{sleeper}"], start_new_session=True)  # try to outlive the grading
"""


SLEEPER = f"{600 + os.getpid() % 1000}.{int(time.time() * 1000) % 100000}"
"""A sleep only this test session's student code starts (other sessions may grade at the same time)."""


def _sleepers() -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                cmd = open(f"/proc/{entry}/cmdline", "rb").read().split(b"\0")
            except OSError:
                continue
            if cmd[:2] == [b"sleep", SLEEPER.encode()]:
                found.append(int(entry))
    return found


def _assert_no_sleeper_left():
    for _ in range(40):
        if not _sleepers():
            return
        time.sleep(0.25)
    raise AssertionError(f"student code outlived its grading: {_sleepers()}")


def _set_id(nb, student):
    cell_by_id(nb, "student-id").source = f'STUDENT_ID = "{student}"'
    return nb


def _prepend(nb, grade_id, code):
    cell = cell_by_id(nb, grade_id)
    cell.source = code + "\n" + cell.source


@pytest.fixture(scope="module")
def graded_class():
    course = make_course(only=A)
    good = completed_student_copy(course, A, NB)
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    port = listener.getsockname()[1]

    def case(student):
        return _set_id(copy.deepcopy(good), student)

    submit(course, "s01-good", A, case("s01-good"))
    submit(course, "s02-malformed-json", A, b'{"cells": [{"cell_type": "code", "source": "x = 1"')
    submit(course, "s03-empty", A, b"")
    nb = case("s04-deleted-test")
    del nb.cells[index_of(nb, "q2_top_platform")]
    submit(course, "s04-deleted-test", A, nb)
    nb = case("s05-stripped-metadata")
    del cell_by_id(nb, "q3_median_er_by_followers").metadata["nbgrader"]
    submit(course, "s05-stripped-metadata", A, nb)
    nb = case("s06-duplicated")
    i = index_of(nb, "q1_pixa_users")
    twin = copy.deepcopy(nb.cells[i])
    twin.id = "twin"
    nb.cells.insert(i + 1, twin)
    submit(course, "s06-duplicated", A, nb)
    nb = case("s07-edited-test")
    cell_by_id(nb, "count_users").source = "def count_users(people, platform):\n    return 0\n"
    cell_by_id(nb, "q1_pixa_users").source = '"""Checks that count_users works."""\npass'
    submit(course, "s07-edited-test", A, nb)
    nb = case("s08-raised-points")
    cell_by_id(nb, "q1_pixa_users").metadata["nbgrader"]["points"] = 100
    cell_by_id(nb, "q4_first_week_plan").metadata["nbgrader"]["points"] = 40
    submit(course, "s08-raised-points", A, nb)
    submit(course, "s09-good", A, case("s09-good"))
    nb = case("s10-infinite-loop")
    cell_by_id(
        nb, "top_platform"
    ).source = "def top_platform(accounts, brand):\n    while True:\n        pass\n"
    submit(course, "s10-infinite-loop", A, nb)
    nb = case("s11-kernel-exits")
    _prepend(nb, "median_er", "import os\nos._exit(3)")
    submit(course, "s11-kernel-exits", A, nb)
    nb = case("s12-output-flood")
    cell_by_id(nb, "count_users").source += '\nfor _i in range(300_000):\n    print("spam", _i)\n'
    submit(course, "s12-output-flood", A, nb)
    submit(course, "s13-renamed", A, case("s13-renamed"), name=f"{NB} (1).ipynb")
    submit(course, "s14-missing", A, None)
    (course.submitted / "s14-missing" / A / "notes.txt").write_text("I will send it tomorrow")
    submit(course, "s15-garbage-timestamp", A, case("s15-garbage-timestamp"), timestamp="\x00\x01 yesterday?")
    targets = [
        ("gradebook", str(course.gradebook)),
        ("source", str(course.source / A / f"{NB}.ipynb")),
        ("other submission", str(course.submitted / "s01-good" / A / f"{NB}.ipynb")),
        ("other graded", str(course.autograded / "s01-good" / A / f"{NB}.ipynb")),
    ]
    if ISOLATED:  # without the jail, hostile code would really damage the test course
        nb = case("s16-hostile")
        cell_by_id(nb, "student-id").source = HOSTILE.format(
            targets=targets, submitted=str(course.submitted), port=port, sleeper=SLEEPER
        ).strip()
        submit(course, "s16-hostile", A, nb)
    nb = case("s17-memory-hog")
    cell_by_id(nb, "student-id").source += "\n_hog = bytearray(8 * 1024**3)"
    submit(course, "s17-memory-hog", A, nb)
    nb = case("s18-slow-notebook")
    at = index_of(nb, "student-id") + 1
    for i in range(6):  # each cell stays under the cell limit; together they pass the notebook's
        nb.cells.insert(at, nbformat.v4.new_code_cell("import time\ntime.sleep(15)", id=f"pause-{i}"))
    submit(course, "s18-slow-notebook", A, nb)
    submit(course, "s19-good", A, case("s19-good"))

    source_before = tree_hashes(course.source)
    submitted_before = tree_hashes(course.submitted)
    lines: list[str] = []
    statuses = autograde(course, A, options=OPTIONS, progress=lines.append)
    listener.close()
    yield {
        "course": course,
        "statuses": {s.student_id: s for s in statuses},
        "lines": lines,
        "source_before": source_before,
        "submitted_before": submitted_before,
    }
    remove_course(course)


EXPECTED = {
    # student: (status, score, a phrase the details must contain)
    "s01-good": ("graded", FULL, ""),
    "s02-malformed-json": ("unreadable", 0, "is not valid JSON"),
    "s03-empty": ("unreadable", 0, "is empty"),
    "s04-deleted-test": ("graded", FULL, "test cell 'q2_top_platform' had been deleted: restored"),
    "s05-stripped-metadata": (
        "graded",
        FULL,
        "cell 'q3_median_er_by_followers' had lost its grading metadata",
    ),
    "s06-duplicated": ("graded", FULL, "duplicated cell 'q1_pixa_users': only the last copy is graded"),
    "s07-edited-test": ("graded", FULL - 2, "test cell 'q1_pixa_users' was edited: restored"),
    "s08-raised-points": ("graded", FULL, "points of 'q1_pixa_users' were changed to 100: restored to 2"),
    "s09-good": ("graded", FULL, ""),
    "s10-infinite-loop": ("timed out", FULL - 3, "q2_top_platform ran out of time"),
    "s11-kernel-exits": ("kernel died", 5, "kernel exited with code 3 in median_er"),
    "s12-output-flood": ("over a resource limit", FULL, "output limit reached in count_users"),
    "s13-renamed": ("renamed", FULL, f"graded '{NB} (1).ipynb' as '{NB}.ipynb'"),
    "s14-missing": ("missing", 0, f"{NB}.ipynb was not submitted"),
    "s15-garbage-timestamp": ("graded", FULL, "timestamp unreadable: graded as on time"),
    "s16-hostile": ("graded", FULL, ""),
    "s17-memory-hog": ("over a resource limit", FULL, "memory limit reached in student-id"),
    "s18-slow-notebook": ("timed out", 0, "the notebook ran out of time"),
    "s19-good": ("graded", FULL, ""),
}
ISOLATED, WHY_NOT = can_isolate()
if not ISOLATED:
    del EXPECTED["s16-hostile"]


@pytest.mark.slow
@pytest.mark.parametrize("student", sorted(EXPECTED))
def test_every_case_gets_its_status_and_score(graded_class, student):
    status, score, phrase = EXPECTED[student]
    got = graded_class["statuses"][student]
    assert (got.status, got.score, got.max_score) == (status, score, FULL), got.detail
    assert phrase in got.detail


@pytest.mark.slow
def test_the_status_csv_lists_every_student_with_status_and_score(graded_class):
    path = graded_class["course"].root / "grading_status.csv"
    with path.open() as fh:
        rows = {r["student_id"]: r for r in csv.DictReader(fh)}
    assert set(rows) == set(EXPECTED)
    for student, (status, score, _) in EXPECTED.items():
        assert rows[student]["status"] == status
        assert float(rows[student]["score"]) == score
        assert float(rows[student]["max_score"]) == FULL
        assert rows[student]["notebook"] == NB
    assert rows["s01-good"]["id_check"] == "ok"
    for student in EXPECTED:
        assert any(student in line for line in graded_class["lines"]), student


@pytest.mark.slow
def test_submissions_and_sources_are_never_modified(graded_class):
    course = graded_class["course"]
    assert tree_hashes(course.submitted) == graded_class["submitted_before"]
    assert tree_hashes(course.source) == graded_class["source_before"]
    assert b"PWNED" not in course.gradebook.read_bytes()


@pytest.mark.slow
def test_hostile_code_cannot_reach_private_files_other_students_or_the_network(graded_class):
    if not ISOLATED:
        pytest.skip(f"isolation needs root on Linux: {WHY_NOT}")
    course = graded_class["course"]
    text = cell_text(cell_by_id(autograded_nb(course, "s16-hostile", A), "student-id"))
    assert "LEAK" not in text, text
    for what in ("gradebook", "source", "other submission", "other graded"):
        assert f"BLOCKED read {what}" in text
        assert f"BLOCKED write {what}" in text
    assert "BLOCKED list" in text
    assert "BLOCKED network" in text
    _assert_no_sleeper_left()  # nothing the student started outlives the grading


@pytest.mark.slow
def test_limits_cut_output_and_stop_runaway_code(graded_class):
    course = graded_class["course"]
    flood = cell_by_id(autograded_nb(course, "s12-output-flood", A), "count_users")
    text = cell_text(flood)
    assert "[output cut" in text or "Output truncated" in text  # ours while it arrives, then nbgrader's
    assert len(text) < 120_000
    loop = autograded_nb(course, "s10-infinite-loop", A)
    assert "CellTimeoutError" in cell_text(cell_by_id(loop, "q2_top_platform"))
    assert "CellTimeoutError" not in cell_text(cell_by_id(loop, "q3_median_er_by_followers"))
    slow = autograded_nb(course, "s18-slow-notebook", A)
    assert "NotRunError" in cell_text(cell_by_id(slow, "q4_first_week_plan"))
    died = autograded_nb(course, "s11-kernel-exits", A)
    assert "KernelDied" in cell_text(cell_by_id(died, "median_er"))
    assert "MemoryError" in cell_text(cell_by_id(autograded_nb(course, "s17-memory-hog", A), "student-id"))


@pytest.mark.slow
def test_failed_checks_in_graded_notebooks_say_what_was_expected(graded_class):
    course = graded_class["course"]
    nb = autograded_nb(course, "s07-edited-test", A)
    text = cell_text(cell_by_id(nb, "q1_pixa_users"))
    assert "CheckFailed" in text
    assert "expected" in text and "Hint:" in text
    assert nbformat.validate(nb) is None


@pytest.mark.slow
def test_feedback_and_export_work_for_the_messy_class(graded_class, capsys):
    from sandbox.cli import main

    course = graded_class["course"]
    root = ["course", "--course-dir", str(course.root)]
    assert main([*root, "feedback", A]) == 0
    printed = capsys.readouterr().out
    graded = [s for s, (status, _, _) in EXPECTED.items() if status not in ("missing", "unreadable")]
    for student in graded:
        assert (course.feedback / student / A / f"{NB}.html").is_file(), student
    # these submissions were not made with `nbgrader submit`, so they are handed over directly
    assert "not returned through the exchange" in printed
    html = (course.feedback / "s07-edited-test" / A / f"{NB}.html").read_text()
    assert "Hint:" in html
    assert main([*root, "export"]) == 0
    assert (course.root / "grades.csv").is_file()


@pytest.mark.slow
def test_a_hung_grading_is_killed_with_its_kernel_and_the_worker_replaced(graded_class):
    from grading_support import completed_student_copy

    from sandbox.grading.autograde import Worker, grade_student
    from sandbox.grading.sanitize import Reference

    course = graded_class["course"]
    nb = _set_id(completed_student_copy(course, A, NB), "s20-stubborn")
    _prepend(
        nb,
        "count_users",
        "import signal, subprocess\n"
        f"subprocess.Popen(['sleep', '{SLEEPER}'], start_new_session=True)\n"
        "signal.signal(signal.SIGINT, signal.SIG_IGN)\nwhile True:\n    pass",
    )
    submit(course, "s20-stubborn", A, nb)
    refs = {NB: Reference.from_file(course.release / A / f"{NB}.ipynb")}
    scratch = ".grading/scratch/hung"
    (course.root / scratch).mkdir(parents=True)
    overrides = {
        "CourseDirectory.submitted_directory": scratch,
        "SandboxedExecute.timeout": 600,
        "SandboxedExecute.report_dir": str(course.work / "reports"),
    }
    worker = Worker(course, overrides, course.work / "logs" / "hung-worker.log")
    try:
        tight = GradingOptions(notebook_timeout=1, grace_seconds=10)  # killed after 11 s
        normal = GradingOptions(cell_timeout=60, notebook_timeout=120)
        started = time.monotonic()
        statuses = grade_student(course, A, "s20-stubborn", refs, scratch, tight, worker)
        assert time.monotonic() - started < 60
        assert statuses[0].status == "timed out"
        assert "grading was stopped after" in statuses[0].detail
        assert statuses[0].score is None  # attached later; the gradebook holds 0
        _assert_no_sleeper_left()  # the kernel's whole user was ended, escaped children too
        after = grade_student(course, A, "s09-good", refs, scratch, normal, worker)  # a fresh worker
        assert after[0].status == "graded", after[0].detail
    finally:
        worker.close()
