"""Every lesson runs top to bottom in a fresh kernel, fast, cleanly, with a chart and a widget."""

from __future__ import annotations

import pytest

from notebook_runner import ROOT, run_notebook

LESSONS = sorted((ROOT / "course").glob("[0-9][0-9]-*/*-lesson.ipynb"))


def test_there_are_lessons():
    assert LESSONS, "no lesson notebooks found under course/NN-slug/NN-slug-lesson.ipynb"


@pytest.mark.parametrize("path", LESSONS, ids=[p.parent.name for p in LESSONS])
def test_lesson_runs_cleanly(path):
    report = run_notebook(path)
    assert not report.errors, f"{path.name} raised errors: {report.errors}"
    assert not report.warnings, f"{path.name} printed warnings: {report.warnings}"
    assert report.seconds < 60, (
        f"{path.name} took {report.seconds:.1f} s (limit 60 s); slowest cells: {report.slowest()}"
    )
    assert report.images >= 1, f"{path.name} shows no chart"
    assert report.widgets >= 1, f"{path.name} shows no interactive widget"
