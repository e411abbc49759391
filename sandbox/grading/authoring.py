r"""Build nbgrader exercise notebooks with nbformat, cell by cell.

Exercise sources in ``graders/source/<assignment>/`` are committed ``.ipynb`` files; a short
script in ``graders/authoring/`` may write them with these helpers so that the nbgrader
metadata is always right (grade ids, points, locked cells, fixed cell ids, no outputs)::

    cells = [
        markdown("intro", "# Welcome"),
        code("student-id", 'STUDENT_ID = ""'),
        readonly("setup", "from sandbox.exercises import student_world"),
        solution("count_users", "def count_users(people, platform):\\n    ..."),
        tests("q1_pixa_users", 2, '\"\"\"Checks ...\"\"\"\\n...'),
    ]
    write_notebook("graders/source/00-welcome/00-welcome-exercise.ipynb", cells)
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import nbformat
from nbformat.notebooknode import NotebookNode

SCHEMA_VERSION = 3
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def _nbgrader(
    grade_id: str, *, grade: bool, solution: bool, locked: bool, points: float | None = None
) -> dict:
    meta = {
        "grade": grade,
        "grade_id": grade_id,
        "locked": locked,
        "schema_version": SCHEMA_VERSION,
        "solution": solution,
        "task": False,
    }
    if grade:
        meta["points"] = points
    return meta


def markdown(cell_id: str, text: str, *, locked: bool = True) -> NotebookNode:
    """Return a markdown cell; locked cells are read-only in the student copy.

    Args:
        cell_id: Fixed cell id (also the nbgrader grade id when locked).
        text: Markdown text.
        locked: Whether students may not edit it.

    Returns:
        The cell.
    """
    cell = nbformat.v4.new_markdown_cell(text.strip("\n"), id=cell_id)
    if locked:
        cell.metadata["nbgrader"] = _nbgrader(cell_id, grade=False, solution=False, locked=True)
    return cell


def code(cell_id: str, source: str) -> NotebookNode:
    """Return an ordinary code cell the learner may edit (no nbgrader metadata).

    Args:
        cell_id: Fixed cell id.
        source: Python code.

    Returns:
        The cell.
    """
    return nbformat.v4.new_code_cell(source.strip("\n"), id=cell_id)


def readonly(grade_id: str, source: str) -> NotebookNode:
    """Return a locked code cell: it runs, but the learner cannot change it.

    Args:
        grade_id: nbgrader id (also the cell id).
        source: Python code.

    Returns:
        The cell.
    """
    cell = nbformat.v4.new_code_cell(source.strip("\n"), id=grade_id)
    cell.metadata["nbgrader"] = _nbgrader(grade_id, grade=False, solution=False, locked=True)
    return cell


def solution(grade_id: str, source: str) -> NotebookNode:
    """Return an autograded-answer cell; put the answer between the solution markers.

    Keep the function's signature and docstring outside ``### BEGIN SOLUTION`` /
    ``### END SOLUTION`` so the student copy still shows them.

    Args:
        grade_id: nbgrader id (also the cell id).
        source: Python code with ``### BEGIN SOLUTION`` / ``### END SOLUTION``.

    Returns:
        The cell.

    Raises:
        ValueError: If the solution markers are missing.
    """
    if "### BEGIN SOLUTION" not in source or "### END SOLUTION" not in source:
        raise ValueError(f"solution cell {grade_id!r}: put the answer between ### BEGIN/END SOLUTION.")
    cell = nbformat.v4.new_code_cell(source.strip("\n"), id=grade_id)
    cell.metadata["nbgrader"] = _nbgrader(grade_id, grade=False, solution=True, locked=False)
    return cell


def tests(grade_id: str, points: float, source: str) -> NotebookNode:
    """Return a locked, graded test cell worth ``points``.

    The first line must be a docstring that says what the cell checks; hidden tests go
    between ``### BEGIN HIDDEN TESTS`` and ``### END HIDDEN TESTS``.

    Args:
        grade_id: nbgrader id saying what is graded, e.g. ``"q1_pixa_users"``.
        points: Points the cell is worth.
        source: Python code.

    Returns:
        The cell.

    Raises:
        ValueError: If the cell does not open with a docstring or the points are not positive.
    """
    text = source.strip("\n")
    if not text.startswith('"""'):
        raise ValueError(f"test cell {grade_id!r}: start with a docstring saying what it checks.")
    if not points > 0:
        raise ValueError(f"test cell {grade_id!r}: points must be positive, got {points!r}.")
    cell = nbformat.v4.new_code_cell(text, id=grade_id)
    cell.metadata["nbgrader"] = _nbgrader(grade_id, grade=True, solution=False, locked=True, points=points)
    return cell


def write_notebook(path: str | Path, cells: list[NotebookNode], *, format_code: bool = True) -> Path:
    """Write an exercise notebook (python3 kernel, no outputs) and check it is valid.

    Args:
        path: Where to write it.
        cells: The cells, in order.
        format_code: Format the code cells with ``ruff format`` (the project's style), when
            ruff is installed.

    Returns:
        The path written.
    """
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    nb.metadata["language_info"] = {"name": "python"}
    nbformat.validate(nb)
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(out))
    if format_code and importlib.util.find_spec("ruff") is not None:
        subprocess.run([sys.executable, "-m", "ruff", "format", "--quiet", str(out)], check=True)
    return out


STUDENT_ID_SOURCE = (
    '# Your student id, between the quotes (for example "jdoe42"). Then run this cell.\nSTUDENT_ID = ""'
)
"""What the learner's student-id cell holds in every exercise."""

SELF_CHECK_TEXT = """## Check your work

Save the notebook first (Ctrl+S). The cell below runs a fresh copy of the saved notebook
against the visible tests and prints your score and what to fix, part by part; your
instructor's grading also runs hidden tests. From a terminal, the same check is
`smm-lab check course/{assignment}/{assignment}-exercise.ipynb`."""
"""The closing "Check your work" text of every exercise (``{assignment}``: e.g. ``00-welcome``)."""


def student_id_cell() -> NotebookNode:
    """Return the editable cell where a learner writes their student id (``STUDENT_ID``).

    Returns:
        The cell (id ``student-id``).
    """
    return code("student-id", STUDENT_ID_SOURCE)


def self_check_cells(assignment: str) -> list[NotebookNode]:
    """Return an exercise's closing cells: the "Check your work" text and the self-check call.

    Args:
        assignment: The assignment (folder) name, e.g. ``00-welcome``; its notebook is
            ``<assignment>-exercise.ipynb``.

    Returns:
        The markdown cell and the locked code cell that runs ``sandbox.grading.self_check``.
    """
    return [
        markdown("check-your-work", SELF_CHECK_TEXT.format(assignment=assignment)),
        readonly(
            "self-check",
            f'from sandbox.grading import self_check\n\nself_check("{assignment}-exercise.ipynb")',
        ),
    ]
