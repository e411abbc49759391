"""The course folder follows the conventions: numbered modules, one lesson each, no stray notebooks."""

from __future__ import annotations

import re
import subprocess

import nbformat

from notebook_runner import ROOT

COURSE = ROOT / "course"
SOURCE = ROOT / "graders" / "source"
MODULE_RE = re.compile(r"^(\d{2})-[a-z0-9]+(-[a-z0-9]+)*$")


def module_dirs():
    return sorted(p for p in COURSE.iterdir() if p.is_dir() and not p.name.startswith("."))


def test_modules_are_zero_padded_and_consecutive():
    names = [p.name for p in module_dirs()]
    assert names, "course/ has no module folders"
    bad = [n for n in names if not MODULE_RE.match(n)]
    assert not bad, f"module folders must be named NN-slug (two digits, lowercase slug): {bad}"
    numbers = [int(n[:2]) for n in names]
    assert numbers == list(range(len(numbers))), (
        f"module numbers must run 00, 01, 02, ... without gaps: {names}"
    )


def test_each_module_has_exactly_one_lesson_named_after_it():
    for d in module_dirs():
        lessons = sorted(d.glob("*-lesson.ipynb"))
        assert [p.name for p in lessons] == [f"{d.name}-lesson.ipynb"], (
            f"{d.name}: expected exactly one lesson named {d.name}-lesson.ipynb, found {[p.name for p in lessons]}"
        )


def test_no_stray_notebooks():
    """Every notebook in course/ is a module's lesson or the student copy of an nbgrader source."""
    stray = []
    for nb in COURSE.rglob("*.ipynb"):
        rel = nb.relative_to(COURSE)
        if ".ipynb_checkpoints" in rel.parts:
            stray.append(str(rel))
            continue
        if len(rel.parts) != 2:
            stray.append(str(rel))
            continue
        module, name = rel.parts
        if name == f"{module}-lesson.ipynb":
            continue
        if not (SOURCE / module / name).exists():
            stray.append(str(rel))
    assert not stray, f"notebooks that are neither a lesson nor a student copy of graders/source: {stray}"


def test_committed_notebooks_are_valid_and_clean():
    files = subprocess.run(
        ["git", "ls-files", "*.ipynb"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    assert files, "no notebooks are tracked by git"
    for name in files:
        nb = nbformat.read(ROOT / name, as_version=4)
        nbformat.validate(nb)
        assert nb.metadata.get("kernelspec", {}).get("name") == "python3", (
            f"{name}: kernelspec must be python3"
        )
        for cell in nb.cells:
            if cell.cell_type == "code":
                assert not cell.get("outputs"), f"{name}: committed with outputs"
                assert cell.get("execution_count") is None, f"{name}: committed with execution counts"
