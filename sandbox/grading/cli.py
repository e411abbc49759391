"""``smm-lab course ...`` for instructors and ``smm-lab check`` for learners.

``smm-lab course`` subcommands cover the whole nbgrader cycle, each a thin layer over nbgrader
run in the course root (``graders/``, or ``--course-dir``):

- ``build``: generate the student copies into ``course/`` (``--check`` only compares);
- ``release A``: generate and release an assignment to the local exchange;
- ``collect A``: collect submissions from the exchange into ``submitted/``;
- ``autograde A``: sanitize, grade safely (``--workers`` at once), record statuses;
- ``feedback A``: generate feedback and return it through the exchange;
- ``export``: write ``grades.csv`` (nbgrader) and ``grading_status.csv`` (status per notebook);
- ``status [A]``: print the status of every student and notebook.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import SandboxInputError


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``course`` and ``check`` subcommands.

    Args:
        sub: The subparsers of ``smm-lab``.
    """
    from . import config as defaults

    course = sub.add_parser("course", help="instructor commands: build, release, collect, autograde, ...")
    course.add_argument(
        "--course-dir", default=None, help="the nbgrader course root (default: graders/ of SMM Lab)"
    )
    steps = course.add_subparsers(dest="step", metavar="STEP")
    steps.required = True

    p = steps.add_parser("build", help="generate the student copies into course/")
    p.add_argument("assignments", nargs="*", help="assignments (default: all in source/)")
    p.add_argument("--out", default=None, help="the learners' course folder (default: course/)")
    p.add_argument("--check", action="store_true", help="only report copies that are out of sync")
    p.set_defaults(func=run_build)

    p = steps.add_parser("release", help="generate an assignment and release it to the exchange")
    p.add_argument("assignment")
    p.set_defaults(func=run_release)

    p = steps.add_parser("collect", help="collect submissions from the exchange into submitted/")
    p.add_argument("assignment")
    p.set_defaults(func=run_collect)

    p = steps.add_parser("autograde", help="sanitize and autograde submissions safely, with a status each")
    p.add_argument("assignment", nargs="+", help="one or more assignments")
    p.add_argument("--student", action="append", default=None, help="grade only this student (repeatable)")
    p.add_argument("--workers", type=int, default=1, help="students graded at once (default 1)")
    p.add_argument("--cell-timeout", type=int, default=defaults.CELL_TIMEOUT, help="seconds per cell")
    p.add_argument(
        "--notebook-timeout", type=int, default=defaults.NOTEBOOK_TIMEOUT, help="seconds per notebook"
    )
    p.add_argument("--memory-mb", type=int, default=defaults.MEMORY_MB, help="memory limit per kernel, MiB")
    p.add_argument(
        "--isolation",
        choices=("auto", "on", "off"),
        default="auto",
        help="run student code as an unprivileged user without network (auto: when root)",
    )
    p.set_defaults(func=run_autograde)

    p = steps.add_parser("feedback", help="generate feedback and return it through the exchange")
    p.add_argument("assignment")
    p.set_defaults(func=run_feedback)

    p = steps.add_parser("export", help="write grades.csv and grading_status.csv")
    p.add_argument("--to", default=None, help="folder for the CSV files (default: the course root)")
    p.set_defaults(func=run_export)

    p = steps.add_parser("status", help="print the status of every student and notebook")
    p.add_argument("assignment", nargs="?", default=None)
    p.set_defaults(func=run_status)

    check = sub.add_parser("check", help="self-check an exercise notebook against its visible tests")
    check.add_argument("notebook", help="the saved exercise notebook")
    check.add_argument("--timeout", type=int, default=120, help="seconds a cell may run (default 120)")
    check.set_defaults(func=run_check)


def _course(args: argparse.Namespace):  # noqa: ANN202 - Course, imported lazily
    from .course import Course

    return Course.at(args.course_dir)


def _nbgrader(course, args: list[str], what: str) -> None:  # noqa: ANN001
    from .nbgrader_run import run_nbgrader

    result = run_nbgrader(course, [*args, "--log-level=WARN"])
    if not result.ok:
        detail = "\n".join(result.errors(10)) or result.output[-2000:]
        raise SandboxInputError(what, f"nbgrader {args[0]} failed:\n{detail}")


def run_build(args: argparse.Namespace) -> int:
    """``smm-lab course build``."""
    from .student_copies import build, out_of_sync

    course = _course(args)
    out = Path(args.out).resolve() if args.out else None
    if args.check:
        problems = out_of_sync(course, out)
        for line in problems:
            print(f"out of sync: {line}")
        print("student copies are in sync" if not problems else "run `smm-lab course build` to update them")
        return 1 if problems else 0
    build(course, out, args.assignments or None)
    return 0


def run_release(args: argparse.Namespace) -> int:
    """``smm-lab course release A``."""
    course = _course(args)
    course.check_assignment(args.assignment)
    print(f"generating the student version of {args.assignment} ...")
    _nbgrader(course, ["generate_assignment", args.assignment, "--force"], "release")
    print(f"releasing {args.assignment} to the exchange {course.exchange} ...")
    course.exchange.mkdir(exist_ok=True)
    course.exchange.chmod(0o777)
    _nbgrader(course, ["release_assignment", args.assignment, "--force"], "release")
    print(f"released {args.assignment}: students run `nbgrader fetch_assignment {args.assignment}`.")
    return 0


def run_collect(args: argparse.Namespace) -> int:
    """``smm-lab course collect A``."""
    course = _course(args)
    course.check_assignment(args.assignment)
    before = set(course.submitted_students(args.assignment))
    print(f"collecting {args.assignment} from {course.exchange} ...")
    _nbgrader(course, ["collect", args.assignment, "--update"], "collect")
    after = course.submitted_students(args.assignment)
    new = [s for s in after if s not in before]
    print(
        f"collected: {len(after)} submission(s) in {course.submitted} "
        f"({len(new)} new: {', '.join(new) or '-'})"
    )
    return 0


def run_autograde(args: argparse.Namespace) -> int:
    """``smm-lab course autograde A``."""
    from .autograde import GradingOptions, autograde

    course = _course(args)
    options = GradingOptions(
        workers=args.workers,
        cell_timeout=args.cell_timeout,
        notebook_timeout=args.notebook_timeout,
        memory_mb=args.memory_mb,
        isolation=args.isolation,
    )
    statuses = autograde(course, args.assignment, students=args.student, options=options)
    return 0 if all(s.status in ("graded", "renamed") for s in statuses) else 1


def run_feedback(args: argparse.Namespace) -> int:
    """``smm-lab course feedback A``."""
    course = _course(args)
    course.check_assignment(args.assignment)
    print(f"generating feedback for {args.assignment} ...")
    _nbgrader(course, ["generate_feedback", args.assignment, "--force"], "feedback")
    folders = sorted(p.parent for p in course.feedback.glob(f"*/{args.assignment}/*.html"))
    students = sorted({f.parent.name for f in folders})
    # nbgrader returns feedback by the submission's timestamp and secret; without them (a
    # submission not made with `nbgrader submit`) it would stop for everyone, so those wait
    ready = [
        s
        for s in students
        if all(
            (course.feedback / s / args.assignment / f).is_file()
            for f in ("timestamp.txt", "submission_secret.txt")
        )
    ]
    by_hand = [s for s in students if s not in ready]
    print(f"feedback pages for {len(students)} student(s) in {course.feedback}; returning them ...")
    if ready and not by_hand:
        _nbgrader(course, ["release_feedback", args.assignment], "feedback")
    else:
        for student in ready:
            _nbgrader(course, ["release_feedback", args.assignment, f"--student={student}"], "feedback")
    print(f"returned {len(ready)}: students run `nbgrader fetch_feedback {args.assignment}`.")
    for student in by_hand:
        print(
            f"not returned through the exchange (submitted without `nbgrader submit`): {student}; "
            f"hand over {course.feedback / student / args.assignment}"
        )
    return 0


def run_export(args: argparse.Namespace) -> int:
    """``smm-lab course export``."""
    from .status import StatusStore, attach_scores, write_csv

    course = _course(args)
    out = Path(args.to).resolve() if args.to else course.root
    out.mkdir(parents=True, exist_ok=True)
    grades = out / "grades.csv"
    _nbgrader(course, ["export", f"--to={grades}"], "export")
    statuses = StatusStore(course).load()
    attach_scores(course, statuses)
    status_csv = write_csv(statuses, out / "grading_status.csv")
    print(f"grades (nbgrader): {grades}")
    print(f"status of every student and notebook, with scores: {status_csv} ({len(statuses)} rows)")
    return 0


def run_status(args: argparse.Namespace) -> int:
    """``smm-lab course status [A]``."""
    from .status import StatusStore, attach_scores

    course = _course(args)
    statuses = StatusStore(course).load(args.assignment)
    if not statuses:
        print("no statuses yet: run `smm-lab course autograde ASSIGNMENT` first.")
        return 0
    attach_scores(course, statuses)
    for s in statuses:
        score = f"{s.score:g}/{s.max_score:g}" if s.score is not None and s.max_score else "-"
        flag = f" [STUDENT_ID mismatch: {s.notebook_student_id!r}]" if s.id_check == "mismatch" else ""
        print(
            f"{s.assignment:<12} {s.student_id:<16} {s.notebook:<22} {s.status:<22} {score:>7}{flag}  "
            f"{s.detail}"
        )
    return 0


def run_check(args: argparse.Namespace) -> int:
    """``smm-lab check NOTEBOOK``."""
    from .selfcheck import main

    return main([args.notebook, "--timeout", str(args.timeout)])
