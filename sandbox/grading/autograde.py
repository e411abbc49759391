"""Autograde a class safely: sanitize each submission, grade it alone, record its status.

``smm-lab course autograde ASSIGNMENT`` runs this. For each student:

1. the submission is copied into a scratch folder (``.grading/scratch/``, root-only) and
   repaired there (``sanitize.py``); ``submitted/`` is never modified;
2. nbgrader autogrades that student alone (``nbgrader autograde A --student S``, reading the
   scratch copy), in a subprocess with a hard time limit, so nothing one submission does can
   stop the others; student code runs in the jail (``execute.py``) with limits;
3. the student's status per notebook (``status.py``) is saved and printed with the score.

Students with nothing gradable (missing or unreadable notebooks) are not run: their grades
are set to 0 in the gradebook, and their status says why. With ``workers`` > 1 several
students are graded at once (nbgrader itself grades one notebook at a time); they share the
gradebook, which waits for locks instead of failing.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..errors import SandboxInputError
from . import config as defaults
from .course import Course
from .jail import lock_private_paths
from .nbgrader_run import run_nbgrader
from .sanitize import Reference, sanitize_submission
from .status import NotebookStatus, StatusStore, attach_scores, classify, id_check, write_csv


@dataclass
class GradingOptions:
    """Limits and parallelism for one autograde run.

    Attributes:
        workers: Students graded at once.
        cell_timeout: Seconds per cell.
        notebook_timeout: Seconds per notebook.
        memory_mb: Address-space limit of a kernel.
        isolation: ``auto``, ``on`` or ``off`` (see ``SandboxedExecute.isolation``).
    """

    workers: int = 1
    cell_timeout: int = defaults.CELL_TIMEOUT
    notebook_timeout: int = defaults.NOTEBOOK_TIMEOUT
    memory_mb: int = defaults.MEMORY_MB
    isolation: str = "auto"

    def check(self) -> GradingOptions:
        """Return the options if they make sense; raise a helpful error otherwise.

        Returns:
            The options.

        Raises:
            SandboxInputError: Naming the option and the allowed values.
        """
        for name in ("workers", "cell_timeout", "notebook_timeout", "memory_mb"):
            value = getattr(self, name)
            if not isinstance(value, int) or value < 1:
                raise SandboxInputError(name, f"must be a whole number of at least 1, got {value!r}.")
        if self.isolation not in ("auto", "on", "off"):
            raise SandboxInputError("isolation", f"must be 'auto', 'on' or 'off', got {self.isolation!r}.")
        return self


def _references(course: Course, assignment: str) -> dict[str, Reference]:
    release = course.release / assignment
    refs = {}
    for nb_id in course.notebooks(assignment):
        path = release / f"{nb_id}.ipynb"
        if not path.is_file():
            raise SandboxInputError(
                "assignment",
                f"{assignment!r} has no student version in {release}. Run "
                f"`smm-lab course release {assignment}` (or `smm-lab course build`) first.",
            )
        refs[nb_id] = Reference.from_file(path)
    return refs


def _roster(course: Course) -> list[str]:
    if not course.gradebook.exists():
        return []
    with course.open_gradebook() as gb:
        return sorted(s.id for s in gb.students)


def _zero_grades(course: Course, assignment: str, student: str) -> None:
    """Record a submission with 0 points everywhere (nothing gradable was submitted)."""
    with course.open_gradebook() as gb:
        gb.update_or_create_student(student)
        sub = gb.update_or_create_submission(assignment, student)
        for nb in sub.notebooks:
            for grade in nb.grades:
                grade.auto_score = 0
                grade.needs_manual_grade = False
        gb.db.commit()
    for folder in (course.autograded / student / assignment, course.feedback / student / assignment):
        shutil.rmtree(folder, ignore_errors=True)


def _clean_leftovers(report_dir: Path) -> None:
    """Remove the kernel folders of a grading run that was killed."""
    tmp = Path(tempfile.gettempdir()).resolve()
    for marker in report_dir.glob("*.folders.json"):
        try:
            folders = json.loads(marker.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            folders = []
        for folder in folders:
            path = Path(folder).resolve()
            if path.parent == tmp and path.name.startswith("smmlab-"):
                shutil.rmtree(path, ignore_errors=True)
        marker.unlink(missing_ok=True)


def grade_student(
    course: Course,
    assignment: str,
    student: str,
    references: dict[str, Reference],
    scratch_rel: str,
    options: GradingOptions,
) -> list[NotebookStatus]:
    """Sanitize and autograde one student's submission; return a status per notebook.

    Args:
        course: The course.
        assignment: The assignment.
        student: The student id.
        references: Released notebooks, by notebook id.
        scratch_rel: The scratch folder, relative to the course root.
        options: Limits.

    Returns:
        The statuses (scores not yet attached).
    """
    started = time.monotonic()
    scratch = course.root / scratch_rel
    report_dir = course.work / "reports" / assignment
    student_reports = report_dir / student
    shutil.rmtree(student_reports, ignore_errors=True)
    outcome = sanitize_submission(
        course.submitted / student / assignment,
        scratch / student / assignment,
        references,
        student=student,
        assignment=assignment,
    )
    gradable = [o for o in outcome.notebooks.values() if o.state in ("ok", "renamed")]
    result = None
    if gradable:
        limit = options.notebook_timeout * len(gradable) + 120
        args = [
            "autograde",
            assignment,
            f"--student={student}",
            "--force",
            f"--CourseDirectory.submitted_directory={scratch_rel}",
            f"--SandboxedExecute.report_dir={report_dir}",
            f"--SandboxedExecute.timeout={options.cell_timeout}",
            f"--SandboxedExecute.notebook_timeout={options.notebook_timeout}",
            f"--SandboxedExecute.memory_mb={options.memory_mb}",
            f"--SandboxedExecute.isolation={options.isolation}",
            "--log-level=WARN",
        ]
        result = run_nbgrader(
            course, args, timeout=limit, log_path=course.work / "logs" / assignment / f"{student}.log"
        )
        if result.timed_out:
            _clean_leftovers(student_reports)
    if not gradable or (result is not None and not result.ok):
        _zero_grades(course, assignment, student)
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    statuses = []
    for nb_id, nb_outcome in sorted(outcome.notebooks.items()):
        report = None
        report_path = student_reports / f"{nb_id}.json"
        if report_path.is_file():
            report = json.loads(report_path.read_text(encoding="utf-8"))
        status, details = classify(
            nb_outcome,
            report,
            graded_ok=result is not None and result.ok,
            stopped_after=result.seconds if result is not None and result.timed_out else None,
            errors=result.errors() if result is not None else None,
        )
        if outcome.notes:
            details += outcome.notes
        statuses.append(
            NotebookStatus(
                student_id=student,
                assignment=assignment,
                notebook=nb_id,
                status=status,
                details=details,
                notebook_student_id=nb_outcome.notebook_student_id,
                id_check=id_check(nb_outcome.notebook_student_id, student),
                seconds=round(time.monotonic() - started, 1),
                graded_at=now,
            )
        )
    shutil.rmtree(scratch / student, ignore_errors=True)
    return statuses


def autograde(
    course: Course,
    assignment: str,
    *,
    students: list[str] | None = None,
    options: GradingOptions | None = None,
    progress: Callable[[str], None] = print,
) -> list[NotebookStatus]:
    """Autograde every submission of an assignment (or the given students), safely.

    Args:
        course: The course.
        assignment: The assignment.
        students: Student ids to grade (default: everyone with a submission; roster students
            without one are reported as missing).
        options: Limits and parallelism.
        progress: Where progress lines go.

    Returns:
        The status of every student and notebook, with scores.
    """
    options = (options or GradingOptions()).check()
    course.check_assignment(assignment)
    references = _references(course, assignment)
    course.work.mkdir(mode=0o700, exist_ok=True)
    lock_private_paths(course.root)
    submitted = course.submitted_students(assignment)
    roster = _roster(course)
    if students:
        todo = sorted(set(students))
        absent = [s for s in todo if s not in submitted]
        todo = [s for s in todo if s in submitted]
    else:
        todo = submitted
        absent = [s for s in roster if s not in submitted]
    run_id = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    scratch_rel = f"{course.work.name}/scratch/{run_id}"
    (course.root / scratch_rel).mkdir(parents=True, mode=0o700)
    lock = threading.Lock()
    done = [0]
    total = len(todo)
    progress(
        f"autograde {assignment}: {total} submission(s), {options.workers} at a time, "
        f"limits {options.cell_timeout} s/cell, {options.notebook_timeout} s/notebook, "
        f"{options.memory_mb} MiB"
    )
    store = StatusStore(course)

    def work(student: str) -> list[NotebookStatus]:
        try:
            statuses = grade_student(course, assignment, student, references, scratch_rel, options)
        except Exception as exc:  # noqa: BLE001 - one student's failure must not stop the class
            statuses = [
                NotebookStatus(student, assignment, nb, "error", details=[f"{type(exc).__name__}: {exc}"])
                for nb in references
            ]
        attach_scores(course, statuses)
        store.save(statuses)
        with lock:
            done[0] += 1
            for s in statuses:
                score = f"{s.score:g}/{s.max_score:g}" if s.score is not None and s.max_score else "-"
                extra = f"  {s.detail}" if s.status != "graded" and s.detail else ""
                progress(
                    f"[{done[0]:>3}/{total}] {student:<16} {s.notebook:<22} {s.status:<22} "
                    f"{score:>7}  {s.seconds or 0:5.1f} s{extra}"
                )
        return statuses

    everything: list[NotebookStatus] = []
    with ThreadPoolExecutor(max_workers=options.workers) as pool:
        for statuses in pool.map(work, todo):
            everything += statuses
    for student in absent:
        missing = [
            NotebookStatus(student, assignment, nb, "missing", details=["no submission"]) for nb in references
        ]
        attach_scores(course, missing)
        store.save(missing)
        everything += missing
    shutil.rmtree(course.root / scratch_rel, ignore_errors=True)
    counts: dict[str, int] = {}
    for s in everything:
        counts[s.status] = counts.get(s.status, 0) + 1
    csv_path = write_csv(store.load(), course.root / "grading_status.csv")
    progress(
        "done: "
        + ", ".join(f"{n} {k}" for k, n in sorted(counts.items()))
        + f". Statuses of every student: {csv_path}"
    )
    return sorted(everything, key=lambda s: (s.student_id, s.notebook))
