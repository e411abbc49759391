"""The explicit status of every student and notebook, next to the grades.

Nobody's failure is a silent 0: each row says what happened to one student's notebook,
with the score from the gradebook and the details an instructor needs to act on it.

Statuses, from worst to best:

============================  ==========================================================
``missing``                   no notebook submitted (or no submission at all)
``unreadable``                the file is empty, not JSON, or not a notebook
``error``                     grading failed for another reason (see ``detail`` and the log)
``kernel died``               the kernel crashed or exited; parts graded before still count
``over a resource limit``     memory, CPU time, file size or output limit reached
``timed out``                 a cell or the whole notebook ran out of time
``renamed``                   graded, from a notebook submitted under another name
``graded``                    graded normally
============================  ==========================================================

``id_check`` compares the ``STUDENT_ID`` written in the notebook with the owner:
``ok``, ``mismatch``, ``not set`` (empty) or blank (the notebook has no ``STUDENT_ID``).
"""

from __future__ import annotations

import csv
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..exercises import same_student
from .course import Course
from .sanitize import NotebookOutcome

STATUSES = (
    "missing",
    "unreadable",
    "error",
    "kernel died",
    "over a resource limit",
    "timed out",
    "renamed",
    "graded",
)
"""Every status, worst first."""

CSV_COLUMNS = (
    "student_id",
    "assignment",
    "notebook",
    "status",
    "score",
    "max_score",
    "detail",
    "notebook_student_id",
    "id_check",
    "seconds",
    "graded_at",
)


@dataclass
class NotebookStatus:
    """One student's result for one notebook of an assignment."""

    student_id: str
    assignment: str
    notebook: str
    status: str
    score: float | None = None
    max_score: float | None = None
    details: list[str] = field(default_factory=list)
    notebook_student_id: str | None = None
    id_check: str = ""
    seconds: float | None = None
    graded_at: str = ""

    @property
    def detail(self) -> str:
        """The details as one line."""
        return "; ".join(self.details)

    def row(self) -> dict[str, Any]:
        """Return the CSV row."""
        data = asdict(self)
        data.pop("details")
        data["detail"] = self.detail
        data["notebook_student_id"] = self.notebook_student_id or ""
        data["score"] = "" if self.score is None else f"{self.score:g}"
        data["max_score"] = "" if self.max_score is None else f"{self.max_score:g}"
        data["seconds"] = "" if self.seconds is None else f"{self.seconds:.1f}"
        return {k: data[k] for k in CSV_COLUMNS}


def id_check(written: str | None, owner: str) -> str:
    """Compare the ``STUDENT_ID`` written in a notebook with the submission's owner.

    Args:
        written: The id written (None if the notebook has no ``STUDENT_ID``).
        owner: The nbgrader student id.

    Returns:
        ``"ok"``, ``"mismatch"``, ``"not set"`` or ``""``.
    """
    if written is None:
        return ""
    if not written.strip():
        return "not set"
    return "ok" if same_student(written, owner) else "mismatch"


def classify(
    outcome: NotebookOutcome,
    report: dict[str, Any] | None,
    *,
    graded_ok: bool,
    stopped_after: float | None = None,
    errors: list[str] | None = None,
) -> tuple[str, list[str]]:
    """Decide a notebook's status from what sanitizing found and how grading went.

    Args:
        outcome: The sanitizing outcome.
        report: The grading kernel's report (None if the notebook was not run).
        graded_ok: Whether nbgrader finished without an error.
        stopped_after: Seconds after which grading was stopped for taking too long, if it was.
        errors: nbgrader's error lines.

    Returns:
        The status and its details.
    """
    details = list(outcome.notes)
    if outcome.state in ("missing", "unreadable"):
        return outcome.state, details
    if stopped_after is not None:
        return "timed out", [f"grading was stopped after {stopped_after:.0f} s", *details]
    if report is None or not graded_ok:
        why = errors or ["nbgrader failed; see the log"]
        if report and report.get("kernel_exit", {}) and report["kernel_exit"].get("launch_error"):
            why = [f"the grading kernel could not start: {report['kernel_exit']['launch_error']}"]
        return "error", [*why, *details]
    found: list[tuple[str, str]] = []
    death = report.get("kernel_death")
    if death:
        cause = f"kernel {death.get('cause', 'stopped')} in {death.get('cell', '?')}"
        found.append(("over a resource limit" if death.get("limit") else "kernel died", cause))
    for item in report.get("resource_errors", []):
        found.append(("over a resource limit", f"{item['limit']} limit reached in {item['cell']}"))
    for cell in report.get("output_capped", []):
        found.append(("over a resource limit", f"output limit reached in {cell}"))
    if report.get("notebook_timeout"):
        found.append(("timed out", "the notebook ran out of time"))
    for cell in report.get("timed_out", []):
        found.append(("timed out", f"{cell} ran out of time"))
    if report.get("not_run"):
        found.append(
            (
                "timed out" if report.get("notebook_timeout") else "kernel died",
                f"{len(report['not_run'])} cells not run",
            )
        )
    if report.get("isolation") == "none":
        details.append(f"graded without isolation ({report.get('isolation_note', '')})")
    if not found:
        return ("renamed" if outcome.state == "renamed" else "graded"), details
    found.sort(key=lambda item: STATUSES.index(item[0]))
    return found[0][0], [text for _, text in found] + details


class StatusStore:
    """Statuses saved per assignment and student under the course's working folder."""

    def __init__(self, course: Course) -> None:
        self.course = course
        self.root = course.work / "status"

    def path(self, assignment: str, student: str) -> Path:
        """Return the file of one student's statuses for an assignment."""
        return self.root / assignment / f"{student}.json"

    def save(self, statuses: list[NotebookStatus]) -> None:
        """Save statuses (all of one student and assignment, or several).

        Args:
            statuses: The statuses.
        """
        groups: dict[tuple[str, str], list[NotebookStatus]] = {}
        for s in statuses:
            groups.setdefault((s.assignment, s.student_id), []).append(s)
        for (assignment, student), items in groups.items():
            path = self.path(assignment, student)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps([asdict(s) for s in items], indent=1), encoding="utf-8")

    def load(self, assignment: str | None = None) -> list[NotebookStatus]:
        """Load saved statuses.

        Args:
            assignment: One assignment, or None for all.

        Returns:
            The statuses, sorted by assignment, student and notebook.
        """
        pattern = f"{assignment}/*.json" if assignment else "*/*.json"
        found = []
        for path in sorted(self.root.glob(pattern)):
            try:
                items = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            found += [NotebookStatus(**item) for item in items]
        return sorted(found, key=lambda s: (s.assignment, s.student_id, s.notebook))


def attach_scores(course: Course, statuses: list[NotebookStatus]) -> None:
    """Fill ``score`` and ``max_score`` from the gradebook (its current values).

    Args:
        course: The course.
        statuses: Statuses to update in place.
    """
    from nbgrader.api import MissingEntry

    if not course.gradebook.exists():
        return
    with course.open_gradebook() as gb:
        for s in statuses:
            try:
                sub = gb.find_submission_notebook(s.notebook, s.assignment, s.student_id)
                s.score, s.max_score = float(sub.score), float(sub.max_score)
            except MissingEntry:
                try:
                    nb = gb.find_notebook(s.notebook, s.assignment)
                    s.score, s.max_score = 0.0, float(nb.max_score)
                except MissingEntry:
                    s.score = 0.0


def write_csv(statuses: list[NotebookStatus], path: str | Path) -> Path:
    """Write the statuses as a CSV (columns ``CSV_COLUMNS``).

    Args:
        statuses: The statuses.
        path: Where to write.

    Returns:
        The path.
    """
    out = Path(path)
    with out.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(CSV_COLUMNS))
        writer.writeheader()
        for s in statuses:
            writer.writerow(s.row())
    return out
