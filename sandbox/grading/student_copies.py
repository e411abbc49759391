"""Build the student copies in ``course/`` from ``graders/source``, and check they are in sync.

The student copy of an assignment is exactly what ``nbgrader generate_assignment`` puts in
``release/<assignment>/`` (solutions replaced by stubs, hidden tests removed, read-only
cells locked); ``build`` copies it to ``course/<assignment>/``, next to the lesson notebooks
other modules keep there. ``out_of_sync`` regenerates every assignment in a throw-away copy
of the course and lists the student copies that differ, so a test fails when someone edits
a source without rebuilding.
"""

from __future__ import annotations

import filecmp
import json
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..errors import SandboxInputError
from .course import Course, repository_root
from .nbgrader_run import run_nbgrader


def default_course_out() -> Path:
    """Return the folder learners open: ``course/`` of the repository."""
    return repository_root() / "course"


def generate(course: Course, assignment: str | None = None) -> None:
    """Run ``nbgrader generate_assignment`` (fills ``release/`` and the gradebook).

    Args:
        course: The course.
        assignment: The assignment, or None for every assignment (in one nbgrader run).

    Raises:
        RuntimeError: With nbgrader's errors, if it fails.
    """
    if assignment is None:
        if not course.assignments():
            raise SandboxInputError("assignments", f"there are no assignments in {course.source}.")
        target = "*"
    else:
        target = course.check_assignment(assignment)
    result = run_nbgrader(course, ["generate_assignment", target, "--force", "--log-level=WARN"])
    if not result.ok:
        raise RuntimeError(
            f"nbgrader generate_assignment {target} failed:\n"
            + "\n".join(result.errors(20) or [result.output])
        )


def released_files(course: Course, assignment: str) -> list[Path]:
    """Return the files of an assignment's student version, relative to its release folder.

    Args:
        course: The course.
        assignment: The assignment.

    Returns:
        Relative paths, sorted.
    """
    base = course.release / assignment
    return sorted(
        p.relative_to(base)
        for p in base.rglob("*")
        if p.is_file() and ".ipynb_checkpoints" not in p.parts and "__pycache__" not in p.parts
    )


def build(
    course: Course,
    out_dir: Path | None = None,
    assignments: list[str] | None = None,
    progress: Callable[[str], None] = print,
) -> list[Path]:
    """Generate the student versions and copy them to ``out_dir/<assignment>/``.

    Args:
        course: The course.
        out_dir: The learners' course folder (default: ``course/`` of the repository).
        assignments: Which assignments (default: all in ``source/``).
        progress: Where progress lines go.

    Returns:
        The files written.
    """
    out = out_dir or default_course_out()
    names = assignments or course.assignments()
    if not names:
        raise SandboxInputError("assignments", f"there are no assignments in {course.source}.")
    if assignments:
        for assignment in names:
            generate(course, assignment)
    else:
        generate(course)
    written = []
    for assignment in names:
        files = []
        for rel in released_files(course, assignment):
            target = out / assignment / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(course.release / assignment / rel, target)
            target.chmod(0o644)
            files.append(target)
        written += files
        progress(f"built {assignment}: {', '.join(str(p.relative_to(out)) for p in files)}")
    return written


def _same(a: Path, b: Path) -> bool:
    if a.suffix == ".ipynb":
        try:
            return json.loads(a.read_text(encoding="utf-8")) == json.loads(b.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
    return filecmp.cmp(a, b, shallow=False)


def out_of_sync(course: Course, out_dir: Path | None = None) -> list[str]:
    """Regenerate every assignment in a scratch copy of the course and compare with ``out_dir``.

    Args:
        course: The course (only ``nbgrader_config.py`` and ``source/`` are used).
        out_dir: The learners' course folder (default: ``course/`` of the repository).

    Returns:
        One line per student copy that is missing or differs (empty when in sync).
    """
    out = out_dir or default_course_out()
    problems = []
    with tempfile.TemporaryDirectory(prefix="smmlab-sync-") as tmp:
        scratch = Path(tmp) / "course"
        scratch.mkdir()
        shutil.copy2(course.root / "nbgrader_config.py", scratch / "nbgrader_config.py")
        shutil.copytree(course.source, scratch / "source")
        copy = Course(scratch)
        generate(copy)
        for assignment in copy.assignments():
            for rel in released_files(copy, assignment):
                fresh = copy.release / assignment / rel
                committed = out / assignment / rel
                if not committed.is_file():
                    problems.append(f"{committed} is missing")
                elif not _same(fresh, committed):
                    problems.append(f"{committed} differs from what graders/source/{assignment} generates")
    return problems
