"""Every assignment in graders/source: solution full marks, blank copy zero, validate, no leaks, in sync.

Generic over the assignments, so a new module's exercise is checked as soon as its source
is added (and its student copy built with ``smm-lab course build``). The expensive parts run
once for all assignments: one class autograded by two workers, and one ``nbgrader validate``
run for all sources next to one for all student copies.
"""

from __future__ import annotations

import re
import threading

import nbformat
import pytest
from grading_support import (
    COURSE_OUT,
    GRADERS,
    hidden_and_solution_lines,
    make_course,
    release_nb,
    remove_course,
    source_nb,
    submit,
)

from sandbox.grading.autograde import GradingOptions, autograde
from sandbox.grading.course import Course
from sandbox.grading.nbgrader_run import run_nbgrader
from sandbox.grading.student_copies import out_of_sync

ASSIGNMENTS = Course(GRADERS).assignments()
NOTEBOOKS = [(a, nb) for a in ASSIGNMENTS for nb in Course(GRADERS).notebooks(a)]


@pytest.fixture(scope="module")
def course():
    c = make_course()
    yield c
    remove_course(c)


@pytest.fixture(scope="module")
def graded(course):
    """The solution and the blank copy of every assignment, autograded in one run."""
    for assignment, notebook in NOTEBOOKS:
        submit(course, "solution", assignment, source_nb(course, assignment, notebook))
        submit(course, "blank", assignment, release_nb(course, assignment, notebook))
    statuses = autograde(course, ASSIGNMENTS, options=GradingOptions(workers=2), progress=lambda _: None)
    return {(s.assignment, s.student_id, s.notebook): s for s in statuses}


def _validations(output: str) -> dict[str, str]:
    """Split `nbgrader validate` output into each notebook's part."""
    parts = re.split(r"Validating '([^']+)'", output)
    return {parts[i]: parts[i + 1] for i in range(1, len(parts) - 1, 2)}


@pytest.fixture(scope="module")
def validated(course):
    """`nbgrader validate` on every source, and `--invert` on every student copy, side by side."""
    sources = [str(course.source / a / f"{nb}.ipynb") for a, nb in NOTEBOOKS]
    copies = [str(course.release / a / f"{nb}.ipynb") for a, nb in NOTEBOOKS]
    results = {}

    def run(key, args):
        results[key] = run_nbgrader(course, ["validate", *args])

    threads = [
        threading.Thread(target=run, args=("source", sources)),
        threading.Thread(target=run, args=("student", ["--invert", *copies])),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return {key: _validations(r.output) for key, r in results.items()}


def test_there_is_at_least_one_assignment_with_three_graded_parts_and_ten_points():
    assert ASSIGNMENTS, "graders/source has no assignment"
    for assignment, notebook in NOTEBOOKS:
        nb = nbformat.read(str(GRADERS / "source" / assignment / f"{notebook}.ipynb"), as_version=4)
        graded = [c.metadata["nbgrader"] for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")]
        assert len(graded) >= 3, f"{notebook}: at least 3 graded parts"
        assert sum(g["points"] for g in graded) >= 10, f"{notebook}: at least 10 points"
        for cell in nb.cells:
            meta = cell.metadata.get("nbgrader", {})
            if meta.get("grade") and cell.cell_type == "code":
                assert cell.source.startswith('"""'), f"{meta['grade_id']}: test cells open with a docstring"
            if meta.get("solution") and cell.cell_type == "code":
                before = cell.source.split("### BEGIN SOLUTION")[0]
                assert "def " in before, f"{meta['grade_id']}: the signature stays outside the solution"


@pytest.mark.slow
@pytest.mark.parametrize(("assignment", "notebook"), NOTEBOOKS)
def test_solution_scores_full_marks_and_blank_copy_zero_without_errors(course, graded, assignment, notebook):
    solution = graded[(assignment, "solution", notebook)]
    assert solution.status == "graded", solution.detail
    assert solution.score == solution.max_score > 0, solution.detail
    # the whole source (solution, visible and hidden tests) runs in a fresh kernel in time
    assert solution.seconds < 60, f"grading the solution took {solution.seconds} s (limit 60 s)"
    blank = graded[(assignment, "blank", notebook)]
    assert blank.status == "graded", blank.detail  # a blank copy is graded, not an error
    assert blank.score == 0
    for student in ("solution", "blank"):
        log = (course.work / "logs" / assignment / f"{student}.log").read_text()
        assert "[ERROR]" not in log, log


@pytest.mark.slow
@pytest.mark.parametrize(("assignment", "notebook"), NOTEBOOKS)
def test_nbgrader_validate_passes_the_source_and_fails_the_student_copy(
    course, validated, assignment, notebook
):
    src = str(course.source / assignment / f"{notebook}.ipynb")
    student = str(course.release / assignment / f"{notebook}.ipynb")
    assert "Success! Your notebook passes all the tests." in validated["source"][src], validated["source"][
        src
    ]
    assert "Success! The notebook does not pass any tests." in validated["student"][student]


@pytest.mark.parametrize(("assignment", "notebook"), NOTEBOOKS)
def test_no_solution_or_hidden_test_line_reaches_a_student(course, assignment, notebook):
    secret = hidden_and_solution_lines(source_nb(course, assignment, notebook))
    assert secret, "the source has solution and hidden-test regions"
    copies = {
        "release": course.release / assignment / f"{notebook}.ipynb",
        "course/": COURSE_OUT / assignment / f"{notebook}.ipynb",
    }
    for where, path in copies.items():
        text = path.read_text()
        nb = nbformat.reads(text, as_version=4)
        lines = {ln.strip() for cell in nb.cells for ln in cell.source.splitlines()}
        leaked = secret & lines
        assert not leaked, f"{where} copy leaks: {sorted(leaked)[:5]}"
        for marker in ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS"):
            assert marker not in text, f"{where} copy contains {marker!r}"


def test_student_copies_in_course_are_in_sync_with_the_sources():
    problems = out_of_sync(Course(GRADERS))
    assert not problems, "\n".join(problems) + "\nRun `smm-lab course build` and commit course/."
