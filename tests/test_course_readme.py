"""course/README.md lists every module and maps every SMM function to a lesson and its graded parts."""

from __future__ import annotations

import re

import nbformat

from notebook_runner import ROOT

README = ROOT / "course" / "README.md"


def graded_ids(module: str) -> set[str]:
    source = ROOT / "graders" / "source" / module / f"{module}-exercise.ipynb"
    if not source.exists():
        return set()
    nb = nbformat.read(source, as_version=4)
    return {
        c.metadata["nbgrader"]["grade_id"] for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")
    }


def modules() -> list[str]:
    return sorted(p.name for p in (ROOT / "course").iterdir() if p.is_dir() and re.match(r"^\d\d-", p.name))


def test_every_module_is_listed_with_its_time():
    text = README.read_text()
    for m in modules():
        assert f"]({m}/)" in text, f"course/README.md does not list {m}"
    assert text.count("about ") >= len(modules()), "every module's lesson time is given"


def test_every_smm_function_maps_to_a_lesson_and_its_graded_parts_in_sync_with_the_sources():
    text = README.read_text()
    rows = [line for line in text.splitlines() if re.match(r"^\| (\d+|1-10|start) \|", line)]
    numbers = [line.split("|")[1].strip() for line in rows]
    assert [n for n in numbers if n.isdigit()] == [str(n) for n in range(1, 11)], (
        "functions 1-10 each have a row"
    )
    listed = set(re.findall(r"`(q\d+_[a-z0-9_]+)`", text))
    for m in modules():
        ids = graded_ids(m)
        missing = {f"{m}:{g}" for g in ids if g not in listed}
        assert not missing, f"graded parts missing from course/README.md (regenerate it): {sorted(missing)}"
    every = set().union(*(graded_ids(m) for m in modules()))
    stale = listed - every
    assert not stale, f"course/README.md names graded parts that no exercise has: {sorted(stale)}"
