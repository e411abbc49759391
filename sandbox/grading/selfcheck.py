"""Self-check for self-study learners: score an exercise notebook against its visible tests.

From a terminal: ``smm-lab check course/00-welcome/00-welcome-exercise.ipynb``. In the notebook
(last cell of every exercise)::

    from sandbox.grading import self_check

    self_check("00-welcome-exercise.ipynb")

The saved notebook is run from top to bottom in a fresh kernel; each graded part is scored
from its visible test cell (full points when the cell runs without an error), and the
learner reads, part by part, what passed and what each failing check said. Only what is in
the learner's own notebook runs: hidden tests are removed first (if the notebook has any)
and no solution is ever shown. A test cell that was edited is not counted.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import nbformat
from nbformat.notebooknode import NotebookNode

from ..errors import SandboxInputError
from .sanitize import strip_hidden_tests

SELF_CHECK_ENV = "SMM_LAB_SELF_CHECK"
"""Set in the kernel the self-check runs, so the notebook's own self-check cell does nothing."""

_ANSI = re.compile(r"\x1b\[[0-9;]*m")


@dataclass
class PartResult:
    """The self-check of one graded part."""

    grade_id: str
    title: str
    points: float
    score: float
    messages: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        """Whether the part got its points."""
        return self.score >= self.points


@dataclass
class SelfCheckResult:
    """The self-check of a notebook."""

    notebook: Path
    saved_at: str
    parts: list[PartResult]
    seconds: float

    @property
    def score(self) -> float:
        """Points on the visible tests."""
        return sum(p.score for p in self.parts)

    @property
    def max_score(self) -> float:
        """Points available."""
        return sum(p.points for p in self.parts)

    def report(self) -> str:
        """Return the report a learner reads."""
        lines = [f"Self-check of {self.notebook.name} (as saved at {self.saved_at}), visible tests only:", ""]
        for part in self.parts:
            mark = "passed" if part.passed else "not yet"
            lines.append(f"  [{mark:^7}] {part.title}  ({part.score:g}/{part.points:g})")
            for message in part.messages:
                for line in message.splitlines():
                    lines.append(f"              {line}")
        lines += [
            "",
            f"Score on the visible tests: {self.score:g} / {self.max_score:g}  ({self.seconds:.0f} s).",
            "Your instructor's grading also runs hidden tests (your own world's numbers and edge cases),",
            "so passing here is necessary, not sufficient.",
        ]
        return "\n".join(lines)


def _nbgrader(cell: NotebookNode) -> dict:
    meta = cell.get("metadata", {}).get("nbgrader")
    return meta if isinstance(meta, dict) else {}


def _titles(nb: NotebookNode) -> dict[int, str]:
    titles, current = {}, ""
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    current = line.lstrip("#").strip()
                    break
        titles[i] = current
    return titles


def _error_message(cell: NotebookNode) -> str | None:
    for out in cell.get("outputs", []):
        if out.get("output_type") == "error":
            ename, evalue = out.get("ename", "Error"), _ANSI.sub("", str(out.get("evalue", "")))
            if ename == "NotImplementedError":
                return "Not answered yet: the answer cell above still raises NotImplementedError."
            if ename == "CheckFailed":
                return evalue
            return f"{ename}: {evalue}".strip().rstrip(":")
    return None


def check_notebook(path: str | Path, *, timeout: int = 120) -> SelfCheckResult:
    """Run a saved exercise notebook against its visible tests and score it.

    Args:
        path: The notebook.
        timeout: Seconds a cell may run.

    Returns:
        The result (print ``result.report()``).

    Raises:
        SandboxInputError: If the file is not an exercise notebook.
    """
    from nbclient import NotebookClient
    from nbgrader.utils import compute_checksum

    nb_path = Path(path).resolve()
    if not nb_path.is_file():
        raise SandboxInputError(
            "notebook", f"{nb_path} does not exist. Give the path of your exercise notebook."
        )
    try:
        nb = nbformat.read(str(nb_path), as_version=4)
    except Exception as exc:  # noqa: BLE001 - any read failure is reported the same way
        raise SandboxInputError("notebook", f"{nb_path.name} cannot be read as a notebook ({exc}).") from None
    graded = [i for i, c in enumerate(nb.cells) if _nbgrader(c).get("grade") and c.cell_type == "code"]
    if not graded:
        raise SandboxInputError(
            "notebook", f"{nb_path.name} has no graded parts; is it an exercise notebook?"
        )
    titles = _titles(nb)
    edited = set()
    for i in graded:
        meta = _nbgrader(nb.cells[i])
        if meta.get("checksum") and compute_checksum(nb.cells[i]) != meta["checksum"]:
            edited.add(i)
        nb.cells[i].source = strip_hidden_tests(nb.cells[i].source)
    saved = datetime.fromtimestamp(nb_path.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    started = time.monotonic()
    old = os.environ.get(SELF_CHECK_ENV)
    os.environ[SELF_CHECK_ENV] = "1"
    try:
        client = NotebookClient(
            nb,
            timeout=timeout,
            kernel_name="python3",
            allow_errors=True,
            resources={"metadata": {"path": str(nb_path.parent)}},
        )
        client.execute()
    finally:
        if old is None:
            os.environ.pop(SELF_CHECK_ENV, None)
        else:
            os.environ[SELF_CHECK_ENV] = old
    parts = []
    for i in graded:
        cell = nb.cells[i]
        meta = _nbgrader(cell)
        points = float(meta.get("points") or 0)
        title = titles.get(i) or meta.get("grade_id", f"cell {i}")
        message = _error_message(cell)
        if i in edited:
            parts.append(
                PartResult(
                    meta["grade_id"],
                    title,
                    points,
                    0.0,
                    [
                        "This test cell was edited, so it is not counted. Put it back as it was "
                        "(for example from a fresh copy of the exercise)."
                    ],
                )
            )
        elif message:
            parts.append(PartResult(meta["grade_id"], title, points, 0.0, [message]))
        else:
            parts.append(PartResult(meta["grade_id"], title, points, points))
    return SelfCheckResult(nb_path, saved, parts, time.monotonic() - started)


def self_check(notebook: str | Path = "", timeout: int = 120) -> None:
    """Check your saved exercise notebook against its visible tests and print the result.

    Save the notebook first (Ctrl+S): the check runs the saved file in a fresh kernel.

    Args:
        notebook: The notebook's file name (in the current folder) or path.
        timeout: Seconds a cell may run.
    """
    if os.environ.get(SELF_CHECK_ENV) or os.environ.get("NBGRADER_EXECUTION"):
        print("(The self-check does not run while this notebook is being checked or graded.)")
        return
    if not notebook:
        found = [p for p in Path.cwd().glob("*.ipynb") if "exercise" in p.name]
        if len(found) != 1:
            print('Give the notebook\'s name, e.g. self_check("00-welcome-exercise.ipynb").')
            return
        notebook = found[0]
    print("Checking the saved notebook in a fresh kernel (this takes a few seconds)...", flush=True)
    proc = subprocess.run(
        [sys.executable, "-m", "sandbox.grading.selfcheck", str(notebook), "--timeout", str(timeout)],
        capture_output=True,
        text=True,
        check=False,
    )
    print(proc.stdout or proc.stderr)


def main(argv: list[str] | None = None) -> int:
    """Run the self-check from the command line; exit 0 when every visible test passes.

    Args:
        argv: Arguments.

    Returns:
        0 all passed, 1 some not yet, 2 the notebook could not be checked.
    """
    parser = argparse.ArgumentParser(prog="smm-lab check")
    parser.add_argument("notebook")
    parser.add_argument("--timeout", type=int, default=120)
    args = parser.parse_args(argv)
    try:
        result = check_notebook(args.notebook, timeout=args.timeout)
    except SandboxInputError as exc:
        print(f"smm-lab check: {exc}")
        return 2
    print(result.report())
    return 0 if result.score >= result.max_score else 1


if __name__ == "__main__":
    sys.exit(main())
