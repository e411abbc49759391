"""Autograde time per submission for a class of 30 synthetic submissions.

Runs, on the same class (copies of one course with identical submissions):

1. serial ``nbgrader autograde`` with nbgrader's own Execute (no sanitize, no jail): the baseline;
2. ``smm-lab course autograde --workers 1``: sanitize, jail and statuses, one student at a time;
3. ``smm-lab course autograde --workers 2`` (or ``--workers N``): the same, N students at once.

Prints seconds per submission, the ratio of each against the baseline measured in the same
run, and checks that every run gave every student the same scores.

    .venv/bin/python benchmarks/bench_grading.py [--students 30] [--workers 2]
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from grading_support import cell_by_id, completed_student_copy, release_nb  # noqa: E402

from sandbox.grading.autograde import GradingOptions, autograde  # noqa: E402
from sandbox.grading.course import Course  # noqa: E402
from sandbox.grading.nbgrader_run import run_nbgrader  # noqa: E402
from sandbox.grading.student_copies import generate  # noqa: E402

A = "00-welcome"
NB = "00-welcome-exercise"

STOCK_CONFIG = """
import os
from sandbox.grading.config import configure
from nbconvert.preprocessors import ClearMetadataPreprocessor
from nbgrader.preprocessors import (AssignLatePenalties, CheckCellMetadata, Execute, IgnorePattern,
                                    LimitOutput, SaveAutoGrades)
c = get_config()
configure(c, os.path.dirname(os.path.abspath(__file__)))
c.Autograde.autograde_preprocessors = [Execute, IgnorePattern, ClearMetadataPreprocessor, LimitOutput,
                                       SaveAutoGrades, AssignLatePenalties, CheckCellMetadata]
c.Execute.timeout = 60
"""


def make_class(base: Path, students: int) -> Course:
    root = base / "course"
    root.mkdir(parents=True)
    shutil.copy2(ROOT / "graders" / "nbgrader_config.py", root / "nbgrader_config.py")
    shutil.copytree(ROOT / "graders" / "source" / A, root / "source" / A)
    course = Course(root)
    generate(course, A)
    full = completed_student_copy(course, A, NB)
    blank = release_nb(course, A, NB)
    for i in range(students):
        student = f"student{i + 1:02d}"
        kind = i % 3
        nb = copy.deepcopy(full if kind < 2 else blank)
        if kind == 1:  # one part wrong: the median as a percent
            cell_by_id(nb, "median_er").source = (
                "def median_er_by_followers(posts, brand, platform):\n"
                "    mine = posts[(posts['brand'] == brand) & (posts['platform'] == platform)]\n"
                "    return 100 * float((mine['engagements'] / mine['followers']).median())\n"
            )
        cell_by_id(nb, "student-id").source = f'STUDENT_ID = "{student}"'
        folder = course.submitted / student / A
        folder.mkdir(parents=True)
        nbformat.write(nb, str(folder / f"{NB}.ipynb"))
        (folder / "timestamp.txt").write_text("2026-03-01 10:00:00.000000 UTC")
    return course


def clone(course: Course, base: Path) -> Course:
    root = base / "course"
    shutil.copytree(course.root, root)
    return Course(root)


def scores(course: Course) -> dict[str, float]:
    with course.open_gradebook() as gb:
        return {s.student_id: float(s.score) for s in gb.assignment_submissions(A)}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", default=None, help="also write the figures to this file")
    args = parser.parse_args()
    n = args.students
    base = Path(tempfile.mkdtemp(prefix="smmlab-bench-"))
    try:
        template = make_class(base / "template", n)
        results = {}

        stock = clone(template, base / "stock")
        (stock.root / "nbgrader_config.py").write_text(STOCK_CONFIG)
        t0 = time.perf_counter()
        run = run_nbgrader(stock, ["autograde", A, "--log-level=ERROR"])
        results["serial nbgrader autograde (nbgrader's Execute)"] = (time.perf_counter() - t0, scores(stock))
        if not run.ok:
            print(run.output[-3000:])

        for workers in sorted({1, args.workers}):
            ours = clone(template, base / f"ours{workers}")
            t0 = time.perf_counter()
            autograde(ours, A, options=GradingOptions(workers=workers), progress=lambda _: None)
            label = f"smm-lab course autograde --workers {workers} (sanitize + jail + status)"
            results[label] = (time.perf_counter() - t0, scores(ours))

        baseline_label = next(iter(results))
        baseline_seconds, baseline_scores = results[baseline_label]
        print(f"class: {n} synthetic submissions of {A} (1 notebook each), {os.cpu_count()} CPUs")
        for label, (seconds, _) in results.items():
            ratio = baseline_seconds / seconds
            print(
                f"  {label:<62} {seconds:7.1f} s  {seconds / n:5.2f} s/submission  "
                f"x{ratio:.2f} vs serial nbgrader"
            )
        same = all(got == baseline_scores for _, got in results.values())
        graded = len(baseline_scores)
        print(f"scores identical across the runs: {'yes' if same else 'NO'} ({graded}/{n} students graded)")
        print(f"score distribution: {sorted(set(baseline_scores.values()))}")
        if args.json:
            Path(args.json).parent.mkdir(parents=True, exist_ok=True)
            Path(args.json).write_text(
                json.dumps(
                    {
                        "students": n,
                        "cpus": os.cpu_count(),
                        "runs": {
                            k: {"seconds": v[0], "per_submission": v[0] / n} for k, v in results.items()
                        },  # noqa: E501
                        "scores_identical": same,
                    },
                    indent=1,
                )
            )
        return 0 if same and graded == n else 1
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
