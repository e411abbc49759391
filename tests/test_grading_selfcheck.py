"""Self-check: a learner's notebook scored against the visible tests, per-part feedback, nothing revealed."""

from __future__ import annotations

import os
import subprocess
import sys

import nbformat
import pytest
from grading_support import (
    COURSE_OUT,
    cell_by_id,
    completed_student_copy,
    hidden_and_solution_lines,
    make_course,
    remove_course,
    source_nb,
)

from sandbox.cli import main
from sandbox.grading.selfcheck import check_notebook, self_check

A = "00-welcome"
NB = "00-welcome-exercise"


@pytest.fixture(scope="module")
def course():
    c = make_course(only=A)
    yield c
    remove_course(c)


@pytest.mark.slow
def test_a_finished_notebook_passes_every_visible_test(course, tmp_path, capsys):
    path = tmp_path / f"{NB}.ipynb"
    nbformat.write(completed_student_copy(course, A, NB), str(path))
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Score on the visible tests: 12 / 12" in out
    assert out.count("passed") >= 4


@pytest.mark.slow
def test_the_blank_copy_scores_zero_and_each_part_says_what_to_do(tmp_path, capsys):
    path = tmp_path / f"{NB}.ipynb"
    path.write_bytes((COURSE_OUT / A / f"{NB}.ipynb").read_bytes())
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "Score on the visible tests: 0 / 12" in out
    assert out.count("Not answered yet") >= 2
    assert "Part 1 · How many people use Pixa? (2 points)" in out


@pytest.mark.slow
def test_feedback_teaches_and_reveals_no_solution_or_hidden_test(course, tmp_path):
    nb = completed_student_copy(course, A, NB)
    cell_by_id(nb, "median_er").source = (
        "def median_er_by_followers(posts, brand, platform):\n"
        "    mine = posts[(posts['brand'] == brand) & (posts['platform'] == platform)]\n"
        "    return 100 * float((mine['engagements'] / mine['followers']).median()) + 5\n"
    )
    test_cell = cell_by_id(nb, "q1_pixa_users")
    test_cell.source = test_cell.source.replace("check_whole_number(", "pass  # check_whole_number(", 1)
    path = tmp_path / f"{NB}.ipynb"
    nbformat.write(nb, str(path))
    result = check_notebook(path)
    report = result.report()
    parts = {p.grade_id: p for p in result.parts}
    assert not parts["q3_median_er_by_followers"].passed
    assert "should be between 0 and 1" in report
    assert "Hint: Engagement rate is a fraction" in report
    assert not parts["q1_pixa_users"].passed  # an edited test cell does not count
    assert "was edited" in report
    assert result.score == 7 and result.max_score == 12
    secret = hidden_and_solution_lines(source_nb(course, A, NB))
    assert not [line for line in secret if line in report]
    assert "reference_world" not in report


def test_the_notebook_call_does_nothing_while_grading(monkeypatch, capsys):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    assert self_check("whatever.ipynb") is None
    assert "does not run while this notebook is being checked or graded" in capsys.readouterr().out


@pytest.mark.slow
def test_the_one_line_notebook_call_prints_the_report(course, tmp_path):
    path = tmp_path / f"{NB}.ipynb"
    nbformat.write(completed_student_copy(course, A, NB), str(path))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NBGRADER", "SMM_LAB"))}
    code = f'from sandbox.grading import self_check; self_check("{NB}.ipynb")'
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stderr
    assert "Score on the visible tests: 12 / 12" in proc.stdout


def test_check_explains_a_wrong_path(tmp_path, capsys):
    assert main(["check", str(tmp_path / "nope.ipynb")]) == 2
    assert "does not exist" in capsys.readouterr().out
    path = tmp_path / "plain.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1")]), str(path))
    assert main(["check", str(path)]) == 2
    assert "has no graded parts" in capsys.readouterr().out
