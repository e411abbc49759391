"""Autograde a class safely: sanitize each submission, grade it alone, record its status.

``smm-lab course autograde ASSIGNMENT`` runs this. For each student:

1. the submission is copied into a scratch folder (``.grading/scratch/``, root-only) and
   repaired there (``sanitize.py``); ``submitted/`` is never modified;
2. nbgrader autogrades that student alone (its ``autograde`` for one student, reading the
   scratch copy) in a worker process (``worker.py``) with a hard time limit: a worker that
   hangs or dies is killed with its kernels and replaced, so nothing one submission does can
   stop the others; student code runs in the jail (``execute.py``) with limits;
3. the student's status per notebook (``status.py``) is saved and printed with the score.

Students with nothing gradable (missing or unreadable notebooks) are not run: their grades
are set to 0 in the gradebook, and their status says why. With ``workers`` > 1 several
students are graded at once (nbgrader itself grades one notebook at a time); they share the
gradebook, which waits for locks instead of failing.
"""

from __future__ import annotations

import json
import os
import queue
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..errors import SandboxInputError
from ..progress import progress as progress_bar_for
from . import config as defaults
from .course import Course
from .jail import lock_private_paths
from .nbgrader_run import kill_kernels_of, nbgrader_env
from .sanitize import Reference, sanitize_submission
from .status import NotebookStatus, StatusStore, attach_scores, classify, id_check, write_csv
from .users import GradingUser


@dataclass
class GradingOptions:
    """Limits and parallelism for one autograde run.

    Attributes:
        workers: Students graded at once.
        cell_timeout: Seconds per cell.
        notebook_timeout: Seconds per notebook.
        memory_mb: Address-space limit of a kernel.
        isolation: ``auto``, ``on`` or ``off`` (see ``SandboxedExecute.isolation``).
        grace_seconds: Seconds a student's grading may run beyond its notebooks' time limits
            (nbgrader's own work) before it is killed.
    """

    workers: int = 1
    cell_timeout: int = defaults.CELL_TIMEOUT
    notebook_timeout: int = defaults.NOTEBOOK_TIMEOUT
    memory_mb: int = defaults.MEMORY_MB
    isolation: str = "auto"
    grace_seconds: int = 120

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
    """End the processes and remove the kernel folders of a grading that was killed."""
    tmp = Path(tempfile.gettempdir()).resolve()
    for marker in report_dir.glob("*.folders.json"):
        try:
            info = json.loads(marker.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            info = {}
        if info.get("user"):
            # taking the user ends whatever it still runs; if another grader holds it, that
            # grader already did so when it took it
            user = GradingUser.acquire(info["user"], wait=False)
            if user is not None:
                user.release()
        for folder in info.get("folders", []):
            path = Path(folder).resolve()
            if path.parent == tmp and path.name.startswith("smmlab-"):
                shutil.rmtree(path, ignore_errors=True)
        marker.unlink(missing_ok=True)


class Worker:
    """A grading worker process (``worker.py``), restarted when it hangs or dies."""

    def __init__(self, course: Course, overrides: dict, log_path: Path) -> None:
        self.course = course
        self.overrides = overrides
        self.log_path = log_path
        self.proc: subprocess.Popen | None = None
        self.replies = None

    def _start(self) -> None:
        read_fd, write_fd = os.pipe()
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = self.log_path.open("ab")
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "sandbox.grading.worker",
                str(self.course.root),
                json.dumps(self.overrides),
                str(write_fd),
            ],
            cwd=self.course.root,
            env=nbgrader_env(),
            stdin=subprocess.PIPE,
            stdout=log,
            stderr=log,
            pass_fds=(write_fd,),
            start_new_session=True,
        )
        log.close()
        os.close(write_fd)
        self.replies = os.fdopen(read_fd, "r", encoding="utf-8")
        ready = self._read(180)
        if not ready or not ready.get("ready"):
            self.kill()
            raise RuntimeError(f"the grading worker did not start; see {self.log_path}")

    def _read(self, timeout: float) -> dict | None:
        assert self.replies is not None
        readable, _, _ = select.select([self.replies], [], [], timeout)
        if not readable:
            return None
        line = self.replies.readline()
        return json.loads(line) if line else {}

    def grade(self, assignment: str, student: str, timeout: float) -> tuple[dict | None, bool]:
        """Autograde one student; return nbgrader's result (None if none) and whether it timed out.

        Args:
            assignment: The assignment.
            student: The student id.
            timeout: Seconds before the worker is killed.

        Returns:
            ``(result, timed_out)``.
        """
        if self.proc is None or self.proc.poll() is not None:
            self._start()
        assert self.proc is not None and self.proc.stdin is not None
        try:
            job = json.dumps({"assignment": assignment, "student": student}) + "\n"
            self.proc.stdin.write(job.encode())
            self.proc.stdin.flush()
        except BrokenPipeError:
            self.kill()
            return None, False
        reply = self._read(timeout)
        if reply is None:
            self.kill()
            return None, True
        if not reply:  # the worker died
            self.kill()
            return None, False
        return reply, False

    def kill(self) -> None:
        """Kill the worker and every kernel it started."""
        if self.proc is not None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            kill_kernels_of(self.proc.pid)
            self.proc.wait()
            if self.proc.stdin:
                self.proc.stdin.close()
        if self.replies is not None:
            self.replies.close()
        self.proc, self.replies = None, None

    def close(self) -> None:
        """Stop the worker (it exits when its input closes)."""
        if self.proc is not None and self.proc.stdin is not None:
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                pass
        self.kill()


def grade_student(
    course: Course,
    assignment: str,
    student: str,
    references: dict[str, Reference],
    scratch_rel: str,
    options: GradingOptions,
    worker: Worker,
) -> list[NotebookStatus]:
    """Sanitize and autograde one student's submission; return a status per notebook.

    Args:
        course: The course.
        assignment: The assignment.
        student: The student id.
        references: Released notebooks, by notebook id.
        scratch_rel: The scratch folder, relative to the course root.
        options: Limits.
        worker: The grading worker to use.

    Returns:
        The statuses (scores not yet attached).
    """
    started = time.monotonic()
    scratch = course.root / scratch_rel
    student_reports = course.work / "reports" / assignment / student
    shutil.rmtree(student_reports, ignore_errors=True)
    outcome = sanitize_submission(
        course.submitted / student / assignment,
        scratch / student / assignment,
        references,
        student=student,
        assignment=assignment,
    )
    gradable = [o for o in outcome.notebooks.values() if o.state in ("ok", "renamed")]
    reply, timed_out, seconds = None, False, 0.0
    if gradable:
        limit = options.notebook_timeout * len(gradable) + options.grace_seconds
        t0 = time.monotonic()
        reply, timed_out = worker.grade(assignment, student, limit)
        seconds = time.monotonic() - t0
        log = (reply or {}).get("log", "") + (reply or {}).get("error", "")
        log_path = course.work / "logs" / assignment / f"{student}.log"
        log_path.parent.mkdir(parents=True, exist_ok=True)
        log_path.write_text(log or "(no log: the grading worker was stopped)\n", encoding="utf-8")
        if timed_out:
            _clean_leftovers(student_reports)
    graded_ok = bool(reply and reply.get("success"))
    if not gradable or not graded_ok:
        _zero_grades(course, assignment, student)
    errors = None
    if gradable and not graded_ok and not timed_out:
        text = (reply or {}).get("log", "") + "\n" + (reply or {}).get("error", "")
        errors = [ln.strip() for ln in text.splitlines() if "[ERROR]" in ln or "Error:" in ln][-3:]
        errors = errors or ["the grading worker stopped unexpectedly"]
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
            graded_ok=graded_ok,
            stopped_after=seconds if timed_out else None,
            errors=errors,
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
    # Only this assignment's folder: the same student's other assignments may be grading now
    # in another worker (several assignments share one scratch folder); the whole scratch
    # folder is removed when the run ends.
    shutil.rmtree(scratch / student / assignment, ignore_errors=True)
    return statuses


def autograde(
    course: Course,
    assignment: str | list[str],
    *,
    students: list[str] | None = None,
    options: GradingOptions | None = None,
    progress: Callable[[str], None] = print,
    progress_bar: bool | None = None,
) -> list[NotebookStatus]:
    """Autograde every submission of one or more assignments (or the given students), safely.

    Args:
        course: The course.
        assignment: An assignment, or several (graded by the same workers).
        students: Student ids to grade (default: everyone with a submission; roster students
            without one are reported as missing).
        options: Limits and parallelism.
        progress: Where progress lines go (one line per graded notebook).
        progress_bar: Show a progress bar over the class (a widget in JupyterLab, text in a
            terminal): True or False to force; by default shown when progress lines are
            printed and there are at least two submissions.

    Returns:
        The status of every student and notebook, with scores.
    """
    options = (options or GradingOptions()).check()
    assignments = [assignment] if isinstance(assignment, str) else list(assignment)
    references = {}
    for name in assignments:
        course.check_assignment(name)
        references[name] = _references(course, name)
    course.work.mkdir(mode=0o700, exist_ok=True)
    lock_private_paths(course.root)
    roster = _roster(course)
    todo: list[tuple[str, str]] = []
    absent: list[tuple[str, str]] = []
    for name in assignments:
        submitted = course.submitted_students(name)
        wanted = sorted(set(students)) if students else submitted
        todo += [(name, s) for s in wanted if s in submitted]
        absent += [(name, s) for s in (wanted if students else roster) if s not in submitted]
    bar = progress_bar_for(
        total=len(todo), desc="grading", enabled=progress_bar, auto=progress is print and len(todo) >= 2
    )
    if not bar.disable and progress is print:
        progress = bar.write  # lines printed above the bar, not through it
    run_id = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    scratch_rel = f"{course.work.name}/scratch/{run_id}"
    (course.root / scratch_rel).mkdir(parents=True, mode=0o700)
    lock = threading.Lock()
    done = [0]
    total = len(todo)
    progress(
        f"autograde {', '.join(assignments)}: {total} submission(s), {options.workers} at a time, "
        f"limits {options.cell_timeout} s/cell, {options.notebook_timeout} s/notebook, "
        f"{options.memory_mb} MiB"
    )
    store = StatusStore(course)
    overrides = {
        "CourseDirectory.submitted_directory": scratch_rel,
        "SandboxedExecute.report_dir": str(course.work / "reports"),
        "SandboxedExecute.timeout": options.cell_timeout,
        "SandboxedExecute.notebook_timeout": options.notebook_timeout,
        "SandboxedExecute.memory_mb": options.memory_mb,
        "SandboxedExecute.isolation": options.isolation,
    }
    pool_of_workers: queue.Queue[Worker] = queue.Queue()
    workers = [
        Worker(course, overrides, course.work / "logs" / f"worker-{i + 1}.log")
        for i in range(min(options.workers, max(1, len(todo))))
    ]
    for w in workers:
        pool_of_workers.put(w)
    several = len(assignments) > 1

    def work(job: tuple[str, str]) -> list[NotebookStatus]:
        name, student = job
        worker = pool_of_workers.get()
        try:
            statuses = grade_student(course, name, student, references[name], scratch_rel, options, worker)
        except Exception as exc:  # noqa: BLE001 - one student's failure must not stop the class
            statuses = [
                NotebookStatus(student, name, nb, "error", details=[f"{type(exc).__name__}: {exc}"])
                for nb in references[name]
            ]
        finally:
            pool_of_workers.put(worker)
        attach_scores(course, statuses)
        store.save(statuses)
        with lock:
            done[0] += 1
            bar.update(1)
            for s in statuses:
                score = f"{s.score:g}/{s.max_score:g}" if s.score is not None and s.max_score else "-"
                extra = f"  {s.detail}" if s.status != "graded" and s.detail else ""
                who = f"{name} {student}" if several else student
                progress(
                    f"[{done[0]:>3}/{total}] {who:<16} {s.notebook:<22} {s.status:<22} "
                    f"{score:>7}  {s.seconds or 0:5.1f} s{extra}"
                )
        return statuses

    everything: list[NotebookStatus] = []
    try:
        with ThreadPoolExecutor(max_workers=len(workers)) as pool:
            for statuses in pool.map(work, todo):
                everything += statuses
    finally:
        bar.close()
        for w in workers:
            w.close()
    for name, student in absent:
        missing = [
            NotebookStatus(student, name, nb, "missing", details=["no submission"]) for nb in references[name]
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
    return sorted(everything, key=lambda s: (s.assignment, s.student_id, s.notebook))
