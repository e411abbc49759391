"""Helpers for the grading tests: throw-away copies of the course, submissions, scores."""

from __future__ import annotations

import copy
import hashlib
import os
import re
import shutil
import tempfile
from pathlib import Path

import nbformat
from nbformat.notebooknode import NotebookNode

from sandbox.grading.course import Course
from sandbox.grading.student_copies import generate

ROOT = Path(__file__).resolve().parents[1]
GRADERS = ROOT / "graders"
COURSE_OUT = ROOT / "course"

SOLUTION_RE = re.compile(r"^[ \t]*### BEGIN SOLUTION[^\n]*\n(.*?)^[ \t]*### END SOLUTION[^\n]*$", re.M | re.S)
HIDDEN_RE = re.compile(
    r"^[ \t]*### BEGIN HIDDEN TESTS[^\n]*\n(.*?)^[ \t]*### END HIDDEN TESTS[^\n]*$", re.M | re.S
)


def make_course(*, only: str | None = None, generate_all: bool = True) -> Course:
    """Copy the course (config and sources, or one assignment's source) to a new folder and generate it.

    The folder is world-readable on purpose (``/tmp/smmlab-test-*/course``), so that tests of
    the grading jail prove the course's own protections, not those of a private temporary
    folder. Remove it with ``remove_course``.
    """
    base = Path(tempfile.mkdtemp(prefix="smmlab-test-"))
    base.chmod(0o755)
    root = base / "course"
    root.mkdir()
    shutil.copy2(GRADERS / "nbgrader_config.py", root / "nbgrader_config.py")
    if only:
        shutil.copytree(GRADERS / "source" / only, root / "source" / only)
    else:
        shutil.copytree(GRADERS / "source", root / "source")
    course = Course(root)
    if generate_all:
        generate(course)
    return course


def remove_course(course: Course) -> None:
    shutil.rmtree(course.root.parent, ignore_errors=True)


def source_nb(course: Course, assignment: str, notebook: str) -> NotebookNode:
    return nbformat.read(str(course.source / assignment / f"{notebook}.ipynb"), as_version=4)


def release_nb(course: Course, assignment: str, notebook: str) -> NotebookNode:
    return nbformat.read(str(course.release / assignment / f"{notebook}.ipynb"), as_version=4)


def completed_student_copy(course: Course, assignment: str, notebook: str) -> NotebookNode:
    """The student copy with every answer cell filled in from the solution (markers removed)."""
    nb = release_nb(course, assignment, notebook)
    answers = {}
    for cell in source_nb(course, assignment, notebook).cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("solution"):
            answers[meta["grade_id"]] = re.sub(
                r"^[ \t]*### (BEGIN|END) SOLUTION[^\n]*\n", "", cell.source, flags=re.M
            )
    for cell in nb.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        if gid in answers:
            cell.source = answers[gid]
    return nb


def cell_by_id(nb: NotebookNode, grade_id: str) -> NotebookNode:
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == grade_id or cell.get("id") == grade_id:
            return cell
    raise KeyError(grade_id)


def index_of(nb: NotebookNode, grade_id: str) -> int:
    return nb.cells.index(cell_by_id(nb, grade_id))


def submit(
    course: Course,
    student: str,
    assignment: str,
    content: NotebookNode | bytes | None,
    *,
    name: str | None = None,
    timestamp: str | None = "2026-03-01 10:00:00.000000 UTC",
) -> Path:
    """Put a submission in ``submitted/<student>/<assignment>/`` (as ``nbgrader collect`` does)."""
    folder = course.submitted / student / assignment
    folder.mkdir(parents=True, exist_ok=True)
    notebook = course.notebooks(assignment)[0]
    path = folder / (name or f"{notebook}.ipynb")
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        nbformat.write(copy.deepcopy(content), str(path))
    if timestamp is not None:
        (folder / "timestamp.txt").write_text(timestamp)
    return path


def tree_hashes(folder: Path) -> dict[str, str]:
    """Hash every file under a folder (links not followed)."""
    out = {}
    for dirpath, _, filenames in os.walk(folder):
        for name in filenames:
            path = Path(dirpath) / name
            if path.is_symlink():
                out[str(path)] = "link:" + os.readlink(path)
            else:
                out[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def scores(course: Course, assignment: str) -> dict[str, tuple[float, float]]:
    with course.open_gradebook() as gb:
        return {
            s.student_id: (float(s.score), float(s.max_score)) for s in gb.assignment_submissions(assignment)
        }


def hidden_and_solution_lines(nb: NotebookNode) -> set[str]:
    """Lines that only appear inside solution or hidden-test regions of a source notebook."""
    inside, outside = set(), set()
    for cell in nb.cells:
        regions = SOLUTION_RE.findall(cell.source) + HIDDEN_RE.findall(cell.source)
        rest = HIDDEN_RE.sub("", SOLUTION_RE.sub("", cell.source))
        for block in regions:
            inside |= {ln.strip() for ln in block.splitlines() if len(ln.strip()) > 3}
        outside |= {ln.strip() for ln in rest.splitlines()}
    return inside - outside


def autograded_nb(course: Course, student: str, assignment: str) -> NotebookNode:
    notebook = course.notebooks(assignment)[0]
    return nbformat.read(str(course.autograded / student / assignment / f"{notebook}.ipynb"), as_version=4)


def cell_text(cell: NotebookNode) -> str:
    parts = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream":
            parts.append(out.get("text", ""))
        elif out.get("output_type") == "error":
            parts.append(f"{out.get('ename')}: {out.get('evalue')}")
    return "".join(parts)
