"""Where the nbgrader course lives and what it holds.

The course root (``graders/`` in the repository) holds ``nbgrader_config.py`` and the
instructor notebooks in ``source/<assignment>/``. nbgrader writes ``release/``,
``submitted/``, ``autograded/``, ``feedback/``, ``exchange/`` and ``gradebook.db`` next to
them; SMM Lab writes its own working files under ``.grading/``. None of these is committed.
"""

from __future__ import annotations

import os
import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import SandboxInputError

COURSE_ID = "smm-lab"
"""nbgrader course id."""

COURSE_DIR_ENV = "SMM_LAB_COURSE_DIR"
"""Environment variable that points the commands at another course root."""

ASSIGNMENT_PATTERN = re.compile(r"^\d\d-[a-z0-9][a-z0-9-]*$")
"""Assignment folders are zero-padded module numbers and a slug: ``00-welcome``."""

WORK_DIR = ".grading"
"""SMM Lab's working folder inside the course root (scratch copies, statuses, logs)."""

PRIVATE_DIRS = ("source", "submitted", "autograded", "feedback", WORK_DIR)
"""Folders that must stay out of reach of student code while grading."""

PRIVATE_FILES = ("gradebook.db", "gradebook.db-journal", "gradebook.db-wal", "gradebook.db-shm")
"""Files that must stay out of reach of student code while grading."""


def repository_root() -> Path:
    """Return the folder that holds the ``sandbox`` package (the repository in a development install).

    Returns:
        The repository root.
    """
    return Path(__file__).resolve().parents[2]


def default_course_dir() -> Path:
    """Return the course root: ``$SMM_LAB_COURSE_DIR``, else ``./graders``, else the repository's.

    Returns:
        The course root path (it may not exist).
    """
    env = os.environ.get(COURSE_DIR_ENV)
    if env:
        return Path(env).resolve()
    here = Path.cwd() / "graders"
    if (here / "nbgrader_config.py").is_file():
        return here.resolve()
    return repository_root() / "graders"


@dataclass(frozen=True)
class Course:
    """An nbgrader course root and the paths SMM Lab uses inside it.

    Attributes:
        root: The course root (where ``nbgrader_config.py`` is).
    """

    root: Path

    @classmethod
    def at(cls, path: str | Path | None = None) -> Course:
        """Return the course at ``path`` (default: ``default_course_dir()``), checking it exists.

        Args:
            path: The course root, or None.

        Returns:
            The course.

        Raises:
            SandboxInputError: If there is no ``nbgrader_config.py`` there.
        """
        root = Path(path).resolve() if path is not None else default_course_dir()
        if not (root / "nbgrader_config.py").is_file():
            raise SandboxInputError(
                "course_dir",
                f"{root} is not an nbgrader course (no nbgrader_config.py). Point --course-dir at the "
                f"graders/ folder of SMM Lab, or set {COURSE_DIR_ENV}.",
            )
        return cls(root)

    # --- folders ---------------------------------------------------------------------------
    @property
    def source(self) -> Path:
        """Instructor notebooks: ``source/<assignment>/``."""
        return self.root / "source"

    @property
    def release(self) -> Path:
        """Student versions made by ``nbgrader generate_assignment``."""
        return self.root / "release"

    @property
    def submitted(self) -> Path:
        """Collected submissions: ``submitted/<student>/<assignment>/``."""
        return self.root / "submitted"

    @property
    def autograded(self) -> Path:
        """Graded copies: ``autograded/<student>/<assignment>/``."""
        return self.root / "autograded"

    @property
    def feedback(self) -> Path:
        """Feedback pages: ``feedback/<student>/<assignment>/``."""
        return self.root / "feedback"

    @property
    def exchange(self) -> Path:
        """The local exchange students fetch from and submit to."""
        return self.root / "exchange"

    @property
    def gradebook(self) -> Path:
        """The gradebook of nbgrader (SQLite)."""
        return self.root / "gradebook.db"

    @property
    def work(self) -> Path:
        """SMM Lab's working folder (scratch copies, statuses, logs)."""
        return self.root / WORK_DIR

    @property
    def db_url(self) -> str:
        """Gradebook URL; waits up to a minute for a lock so parallel graders can share it."""
        return f"sqlite:///{self.gradebook}?timeout=60"

    @contextmanager
    def open_gradebook(self) -> Iterator[Any]:
        """Open nbgrader's gradebook (``nbgrader.api.Gradebook``), closing it afterwards.

        Yields:
            The gradebook.
        """
        from nbgrader.api import Gradebook

        # nbgrader's own code triggers this SQLAlchemy warning on every new submission
        warnings.filterwarnings("ignore", message="Object of type <Submitted")
        with Gradebook(self.db_url, COURSE_ID) as gb:
            yield gb

    # --- contents --------------------------------------------------------------------------
    def assignments(self) -> list[str]:
        """Return the assignment names in ``source/``, sorted.

        Returns:
            Names such as ``["00-welcome"]``.
        """
        if not self.source.is_dir():
            return []
        return sorted(
            p.name for p in self.source.iterdir() if p.is_dir() and ASSIGNMENT_PATTERN.match(p.name)
        )

    def check_assignment(self, assignment: str) -> str:
        """Return ``assignment`` if the course has it; raise a helpful error otherwise.

        Args:
            assignment: An assignment name.

        Returns:
            The name.

        Raises:
            SandboxInputError: If there is no such assignment in ``source/``.
        """
        names = self.assignments()
        if assignment not in names:
            raise SandboxInputError(
                "assignment",
                f"unknown assignment {assignment!r}. Assignments in {self.source}: "
                f"{', '.join(map(repr, names)) or 'none'}.",
            )
        return assignment

    def notebooks(self, assignment: str) -> list[str]:
        """Return the notebook names (without ``.ipynb``) of an assignment's source, sorted.

        Args:
            assignment: An assignment name.

        Returns:
            Notebook ids such as ``["00-welcome-exercise"]``.
        """
        folder = self.source / assignment
        return sorted(p.stem for p in folder.glob("*.ipynb") if not p.name.startswith("."))

    def submitted_students(self, assignment: str) -> list[str]:
        """Return the students with a folder for ``assignment`` in ``submitted/``, sorted.

        Args:
            assignment: An assignment name.

        Returns:
            Student ids.
        """
        if not self.submitted.is_dir():
            return []
        return sorted(
            p.name
            for p in self.submitted.iterdir()
            if not p.name.startswith(".") and p.is_dir() and (p / assignment).is_dir()
        )
