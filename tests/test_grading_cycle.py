"""The instructor's whole cycle through `smm-lab course`: build, release, collect, autograde, feedback, export."""

from __future__ import annotations

import csv
import subprocess
import sys

import nbformat
import pytest
from grading_support import (
    cell_by_id,
    completed_student_copy,
    hidden_and_solution_lines,
    make_course,
    remove_course,
    source_nb,
)

from sandbox.cli import main
from sandbox.grading.nbgrader_run import nbgrader_env

A = "00-welcome"
NB = "00-welcome-exercise"


def student_nbgrader(course, cwd, *args):
    """Run nbgrader as a student would, from their own folder, with the course's exchange."""
    cmd = [
        sys.executable,
        "-m",
        "nbgrader",
        *args,
        f"--Exchange.root={course.exchange}",
        "--CourseDirectory.course_id=smm-lab",
    ]
    proc = subprocess.run(cmd, cwd=cwd, env=nbgrader_env(), capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc


@pytest.fixture()
def course():
    c = make_course(only=A, generate_all=False)
    yield c
    remove_course(c)


@pytest.mark.slow
def test_the_whole_cycle(course, tmp_path, capsys):
    root = ["course", "--course-dir", str(course.root)]
    out = tmp_path / "course"

    # build: student copies into course/, and --check notices a stale copy
    assert main([*root, "build", "--out", str(out)]) == 0
    copy_path = out / A / f"{NB}.ipynb"
    assert copy_path.is_file()
    nb = nbformat.read(str(copy_path), as_version=4)
    nb.cells[0].source += "\nedited by hand"
    nbformat.write(nb, str(copy_path))
    assert main([*root, "build", "--check", "--out", str(out)]) == 1
    assert "out of sync" in capsys.readouterr().out

    # release to the local exchange inside the course
    assert main([*root, "release", A]) == 0
    released = course.exchange / "smm-lab" / "outbound" / A / f"{NB}.ipynb"
    assert released.is_file()
    secret = hidden_and_solution_lines(source_nb(course, A, NB))
    lines = {
        ln.strip() for c in nbformat.read(str(released), as_version=4).cells for ln in c.source.splitlines()
    }
    assert not secret & lines

    # ada fetches, works and submits; bob submits the copy from course/ untouched
    for student in ("ada", "bob"):
        home = tmp_path / student
        work = home / A / f"{NB}.ipynb"
        if student == "ada":
            home.mkdir()
            student_nbgrader(course, home, "fetch_assignment", A)
            assert work.is_file()
            done = completed_student_copy(course, A, NB)
            cell_by_id(done, "student-id").source = 'STUDENT_ID = "ada"'
            nbformat.write(done, str(work))
        else:
            work.parent.mkdir(parents=True)
            work.write_bytes(released.read_bytes())
        student_nbgrader(course, home, "submit", A, f"--student={student}")

    assert main([*root, "collect", A]) == 0
    assert "collected: 2 submission(s)" in capsys.readouterr().out
    assert sorted(p.name for p in course.submitted.iterdir()) == ["ada", "bob"]

    assert main([*root, "autograde", A, "--workers", "2"]) == 0
    printed = capsys.readouterr()
    assert "ada" in printed.out and "12/12" in printed.out
    assert "done: 2 graded" in printed.out
    assert "grading" in printed.err and "2/2" in printed.err  # the class's progress bar

    assert main([*root, "feedback", A]) == 0
    assert (course.feedback / "ada" / A / f"{NB}.html").is_file()
    assert len(list((course.exchange / "smm-lab" / "feedback").glob("*.html"))) == 2

    assert main([*root, "export", "--to", str(tmp_path / "export")]) == 0
    with (tmp_path / "export" / "grades.csv").open() as fh:
        grades = {r["student_id"]: float(r["raw_score"]) for r in csv.DictReader(fh) if r["assignment"] == A}
    assert grades == {"ada": 12.0, "bob": 0.0}
    with (tmp_path / "export" / "grading_status.csv").open() as fh:
        rows = {r["student_id"]: r for r in csv.DictReader(fh)}
    assert rows["ada"]["status"] == "graded" and rows["ada"]["score"] == "12"
    assert rows["ada"]["id_check"] == "ok"
    assert rows["bob"]["status"] == "graded" and rows["bob"]["score"] == "0"
    assert rows["bob"]["id_check"] == "not set"

    capsys.readouterr()
    assert main([*root, "status", A]) == 0
    assert "ada" in capsys.readouterr().out


def test_commands_explain_bad_input(course, capsys):
    assert main(["course", "--course-dir", str(course.root), "autograde", "99-nothing"]) == 2
    assert "unknown assignment '99-nothing'" in capsys.readouterr().err
    assert main(["course", "--course-dir", str(course.root.parent), "status"]) == 2
    assert "is not an nbgrader course" in capsys.readouterr().err
    assert main(["course", "--course-dir", str(course.root), "autograde", A, "--workers", "0"]) == 2
    assert "workers" in capsys.readouterr().err
