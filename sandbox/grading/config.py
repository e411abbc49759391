"""The nbgrader configuration of the course; ``graders/nbgrader_config.py`` calls ``configure``.

Keeping the settings here (not in the config file) lets the commands, the tests and the
formgrader all use the same ones.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .course import COURSE_ID, Course

CELL_TIMEOUT = 60
"""Seconds a single cell may run while autograding."""

NOTEBOOK_TIMEOUT = 300
"""Seconds a whole notebook may run while autograding."""

MEMORY_MB = 3072
"""Address-space limit of a grading kernel."""

MAX_OUTPUT_LINES = 1000
"""Lines of printed output kept per cell in graded notebooks (nbgrader's LimitOutput)."""

CODE_STUB = "# YOUR CODE HERE\nraise NotImplementedError()"
"""What replaces a solution in the student copy."""


def private_paths(root: str | Path) -> list[str]:
    """Return what student code must never see: the course root and its repository's history.

    A course kept in a git repository has its sources (solutions, hidden tests) in the
    repository's ``.git`` too.

    Args:
        root: The course root.

    Returns:
        Absolute paths.
    """
    root = Path(root).resolve()
    found = [str(root)]
    for folder in [root, *root.parents]:
        if (folder / ".git").exists():
            found.append(str(folder / ".git"))
            break
    return found


def configure(c: Any, root: str | Path) -> None:
    """Fill an nbgrader config object for the course at ``root``.

    Args:
        c: The traitlets config (``get_config()`` in ``nbgrader_config.py``).
        root: The course root.
    """
    from nbconvert.preprocessors import ClearMetadataPreprocessor
    from nbgrader.preprocessors import (
        AssignLatePenalties,
        CheckCellMetadata,
        IgnorePattern,
        LimitOutput,
        SaveAutoGrades,
    )

    from .execute import SandboxedExecute

    course = Course(Path(root).resolve())
    c.CourseDirectory.course_id = COURSE_ID
    c.CourseDirectory.root = str(course.root)
    c.CourseDirectory.db_url = course.db_url
    c.Exchange.root = str(course.exchange)
    c.ClearSolutions.code_stub = {"python": CODE_STUB}
    # nbgrader's autograde pipeline with the jailed, limited Execute in place of its own
    c.Autograde.autograde_preprocessors = [
        SandboxedExecute,
        IgnorePattern,
        ClearMetadataPreprocessor,
        LimitOutput,
        SaveAutoGrades,
        AssignLatePenalties,
        CheckCellMetadata,
    ]
    c.SandboxedExecute.timeout = CELL_TIMEOUT
    c.SandboxedExecute.notebook_timeout = NOTEBOOK_TIMEOUT
    c.SandboxedExecute.memory_mb = MEMORY_MB
    c.SandboxedExecute.private_paths = private_paths(course.root)
    c.LimitOutput.max_lines = MAX_OUTPUT_LINES
