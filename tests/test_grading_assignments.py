"""Every assignment in graders/source: solution full marks, blank copy zero, validate, no leaks, in sync.

Generic over the assignments, so a new module's exercise is checked as soon as its source
is added (and its student copy built with ``smm-lab course build``).
"""

from __future__ import annotations

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
@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_solution_scores_full_marks_and_blank_copy_zero_without_errors(course, assignment):
    for notebook in course.notebooks(assignment):
        submit(course, "solution", assignment, source_nb(course, assignment, notebook))
        submit(course, "blank", assignment, release_nb(course, assignment, notebook))
    statuses = autograde(course, assignment, options=GradingOptions(workers=2), progress=lambda _: None)
    by_student = {}
    for s in statuses:
        by_student.setdefault(s.student_id, []).append(s)
    for s in by_student["solution"]:
        assert s.status == "graded", s.detail
        assert s.score == s.max_score > 0, s.detail
    for s in by_student["blank"]:
        assert s.status == "graded", s.detail  # a blank copy is graded, not an error
        assert s.score == 0
    for student in ("solution", "blank"):
        log = (course.work / "logs" / assignment / f"{student}.log").read_text()
        assert "| ERROR]" not in log, log


@pytest.mark.slow
@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_nbgrader_validate_passes_the_source_and_fails_the_student_copy(course, assignment):
    for notebook in course.notebooks(assignment):
        src = course.source / assignment / f"{notebook}.ipynb"
        student = course.release / assignment / f"{notebook}.ipynb"
        result = run_nbgrader(course, ["validate", str(src)])
        assert "Success! Your notebook passes all the tests." in result.output, result.output[-3000:]
        result = run_nbgrader(course, ["validate", "--invert", str(student)])
        assert "Success! The notebook does not pass any tests." in result.output, result.output[-3000:]


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
