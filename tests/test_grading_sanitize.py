"""Sanitize: a scratch copy of each submission is repaired so nbgrader can grade it; the original is untouched."""

from __future__ import annotations

import copy
import os

import nbformat
import pytest
from grading_support import (
    cell_by_id,
    completed_student_copy,
    index_of,
    make_course,
    release_nb,
    remove_course,
    source_nb,
    submit,
    tree_hashes,
)
from nbgrader.nbgraderformat import MetadataValidator

from sandbox.grading.jail import lock_private_paths, plan_mounts
from sandbox.grading.sanitize import (
    Reference,
    UnreadableError,
    read_notebook,
    repair,
    sanitize_submission,
)

A = "00-welcome"
NB = "00-welcome-exercise"


@pytest.fixture(scope="module")
def course():
    c = make_course(only=A)
    yield c
    remove_course(c)


@pytest.fixture(scope="module")
def ref(course):
    return Reference.from_file(course.release / A / f"{NB}.ipynb")


@pytest.fixture()
def good(course):
    return completed_student_copy(course, A, NB)


def ids(nb):
    return [c.metadata.get("nbgrader", {}).get("grade_id") for c in nb.cells]


def assert_nbgrader_accepts(nb):
    MetadataValidator().validate_nb(nb)  # what makes nbgrader abort a whole batch when it fails
    gids = [g for g in ids(nb) if g]
    assert len(gids) == len(set(gids))


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b"", "is empty"),
        (b"   \n", "is empty"),
        (b'{"cells": [', "is not valid JSON"),
        (b"[1, 2, 3]", "is JSON but not a notebook"),
        (b'{"metadata": {}}', "has no notebook cells"),
        (b"\xff\xfe\x00binary", "is not text"),
        (b'{"cells": [{"cell_type": "weird", "source": "x"}, 5], "nbformat": 4}', "has no cells"),
    ],
)
def test_unreadable_files_are_reported_with_the_reason(tmp_path, data, why):
    path = tmp_path / "x.ipynb"
    path.write_bytes(data)
    with pytest.raises(UnreadableError, match=why):
        read_notebook(path)


def test_damaged_cells_are_dropped_and_the_rest_rebuilt_valid(tmp_path, good):
    raw = nbformat.writes(good)
    import json

    data = json.loads(raw)
    data["cells"].insert(3, {"cell_type": "code", "source": 42})
    data["cells"].insert(4, "not a cell")
    data["cells"][0]["id"] = "bad id with spaces!"
    for cell in data["cells"]:
        if isinstance(cell, dict) and cell.get("cell_type") == "code" and isinstance(cell.get("source"), str):
            cell["outputs"] = [{"output_type": "weird"}]
    path = tmp_path / "x.ipynb"
    path.write_text(json.dumps(data))
    nb, notes = read_notebook(path)
    nbformat.validate(nb)
    assert len(nb.cells) == len(good.cells)
    assert any("dropped" in n for n in notes)


def test_a_clean_submission_needs_no_repair(good, ref):
    nb = copy.deepcopy(good)
    assert repair(nb, ref) == []
    assert_nbgrader_accepts(nb)


def test_duplicated_grade_cell_keeps_only_the_last_copy(good, ref):
    nb = copy.deepcopy(good)
    i = index_of(nb, "q1_pixa_users")
    twin = copy.deepcopy(nb.cells[i])
    twin.id = "twin"
    nb.cells.insert(i + 2, twin)
    notes = repair(nb, ref)
    assert ids(nb).count("q1_pixa_users") == 1
    assert nb.cells[i + 2].metadata["nbgrader"]["grade_id"] == "q1_pixa_users"
    assert "duplicated cell 'q1_pixa_users': only the last copy is graded" in notes
    assert_nbgrader_accepts(nb)


def test_deleted_test_cell_is_put_back_after_its_answer(good, ref):
    nb = copy.deepcopy(good)
    del nb.cells[index_of(nb, "q2_top_platform")]
    notes = repair(nb, ref)
    assert ids(nb).index("q2_top_platform") == ids(nb).index("top_platform") + 1
    assert "test cell 'q2_top_platform' had been deleted: restored" in notes
    assert_nbgrader_accepts(nb)


def test_stripped_metadata_is_restored_by_recognising_the_cell(good, ref):
    nb = copy.deepcopy(good)
    for gid in ("q3_median_er_by_followers", "median_er", "setup"):
        cell = cell_by_id(nb, gid)
        del cell.metadata["nbgrader"]
    notes = repair(nb, ref)
    for gid in ("q3_median_er_by_followers", "median_er", "setup"):
        assert gid in ids(nb)
        assert f"cell {gid!r} had lost its grading metadata: restored" in notes
    assert ids(nb).count("q3_median_er_by_followers") == 1
    assert_nbgrader_accepts(nb)


def test_edited_tests_raised_points_and_tampered_flags_are_restored(course, good, ref):
    nb = copy.deepcopy(good)
    q1 = cell_by_id(nb, "q1_pixa_users")
    q1.source = '"""Checks nothing."""\npass'
    q1.metadata["nbgrader"]["points"] = 100
    q4 = cell_by_id(nb, "q4_first_week_plan")
    q4.metadata["nbgrader"]["locked"] = False
    q4.metadata["nbgrader"]["schema_version"] = 99  # nbgrader would abort the batch on this
    setup = cell_by_id(nb, "setup")
    setup.cell_type = "markdown"
    notes = repair(nb, ref)
    released = {
        c.metadata["nbgrader"]["grade_id"]: c
        for c in release_nb(course, A, NB).cells
        if "nbgrader" in c.metadata
    }
    assert cell_by_id(nb, "q1_pixa_users").source == released["q1_pixa_users"].source
    assert cell_by_id(nb, "q1_pixa_users").metadata["nbgrader"]["points"] == 2
    assert cell_by_id(nb, "q4_first_week_plan").metadata["nbgrader"]["locked"] is True
    assert cell_by_id(nb, "setup").cell_type == "code"
    assert "test cell 'q1_pixa_users' was edited: restored" in notes
    assert "points of 'q1_pixa_users' were changed to 100: restored to 2" in notes
    assert_nbgrader_accepts(nb)


def test_unknown_grade_ids_become_ordinary_cells(good, ref):
    nb = copy.deepcopy(good)
    cell = nbformat.v4.new_code_cell("x = 1", id="mine")
    cell.metadata["nbgrader"] = {"grade_id": "q9_bonus", "grade": True, "points": 50, "schema_version": 3}
    nb.cells.append(cell)
    notes = repair(nb, ref)
    assert "nbgrader" not in nb.cells[-1].metadata
    assert any("q9_bonus" in n for n in notes)
    assert_nbgrader_accepts(nb)


def test_the_source_solution_is_not_reported_as_an_edited_test(course, ref):
    # the instructor notebook has hidden tests in its test cells; that is not an edit
    nb = source_nb(course, A, NB)
    assert not [n for n in repair(nb, ref) if "edited" in n]


def test_submission_copy_repairs_renames_and_never_touches_the_original(course, good, tmp_path):
    refs = {NB: Reference.from_file(course.release / A / f"{NB}.ipynb")}
    bad = copy.deepcopy(good)
    del bad.cells[index_of(bad, "q2_top_platform")]
    submit(course, "renamer", A, bad, name=f"{NB} (1).ipynb", timestamp="next tuesday, probably")
    folder = course.submitted / "renamer" / A
    (folder / "data.csv").write_text("a,b\n1,2\n")
    secret = tmp_path / "secret.txt"
    secret.write_text("the gradebook")
    os.symlink(secret, folder / "link.csv")
    before = tree_hashes(course.submitted)
    out = sanitize_submission(folder, tmp_path / "scratch", refs, student="renamer", assignment=A)
    assert tree_hashes(course.submitted) == before
    result = out.notebooks[NB]
    assert result.state == "renamed"
    assert f"graded '{NB} (1).ipynb' as '{NB}.ipynb'" in result.notes
    assert "test cell 'q2_top_platform' had been deleted: restored" in result.notes
    assert "timestamp unreadable: graded as on time" in out.notes
    assert "link 'link.csv' was ignored" in out.notes
    copied = sorted(p.name for p in (tmp_path / "scratch").iterdir())
    assert copied == [f"{NB}.ipynb", "data.csv"]  # no timestamp, no link
    assert_nbgrader_accepts(nbformat.read(str(tmp_path / "scratch" / f"{NB}.ipynb"), as_version=4))


def test_missing_and_unreadable_submissions_are_named(course, tmp_path):
    refs = {NB: Reference.from_file(course.release / A / f"{NB}.ipynb")}
    submit(course, "nobody", A, None)
    (course.submitted / "nobody" / A / "notes.txt").write_text("I forgot")
    out = sanitize_submission(
        course.submitted / "nobody" / A, tmp_path / "s1", refs, student="nobody", assignment=A
    )
    assert out.notebooks[NB].state == "missing"
    submit(course, "broken", A, b'{"cells": [')
    out = sanitize_submission(
        course.submitted / "broken" / A, tmp_path / "s2", refs, student="broken", assignment=A
    )
    assert out.notebooks[NB].state == "unreadable"
    assert "is not valid JSON" in out.notebooks[NB].notes[0]
    assert out.timestamp == "2026-03-01 10:00:00.000000 UTC"


def test_the_student_id_written_in_the_notebook_is_read(course, good, tmp_path):
    refs = {NB: Reference.from_file(course.release / A / f"{NB}.ipynb")}
    nb = copy.deepcopy(good)
    cell_by_id(nb, "student-id").source = 'STUDENT_ID = "  Ada42 "'
    submit(course, "ada42", A, nb)
    out = sanitize_submission(
        course.submitted / "ada42" / A, tmp_path / "s", refs, student="ada42", assignment=A
    )
    assert out.notebooks[NB].notebook_student_id == "Ada42"


def test_private_paths_are_locked_and_never_shown_to_a_kernel(course, tmp_path):
    (course.root / "submitted").mkdir(exist_ok=True)
    (course.root / "submitted").chmod(0o755)
    course.gradebook.chmod(0o644)
    changed = lock_private_paths(course.root)
    assert course.root / "submitted" in changed
    assert oct(course.gradebook.stat().st_mode & 0o777) == "0o600"
    assert oct(course.source.stat().st_mode & 0o777) == "0o700"
    kdir = tmp_path / "k"
    kdir.mkdir()
    plan = plan_mounts(str(kdir), [str(course.root)])
    assert str(course.root) in plan["hide_private"]
    assert not [p for p in plan["expose"] if p.startswith(str(course.root))]
    assert str(kdir.resolve()) in plan["expose"]
