"""Run nbgrader commands as subprocesses of the course, with a time limit and a log."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from .course import Course


@dataclass
class NbgraderResult:
    """How an nbgrader command ended.

    Attributes:
        args: The nbgrader arguments.
        returncode: Exit code (None if it was stopped for taking too long).
        output: Everything it printed (stdout and stderr).
        seconds: Wall time.
        timed_out: Whether it was stopped for taking too long.
    """

    args: list[str]
    returncode: int | None
    output: str
    seconds: float
    timed_out: bool = False

    @property
    def ok(self) -> bool:
        """Whether the command succeeded."""
        return self.returncode == 0 and not self.timed_out

    def errors(self, limit: int = 5) -> list[str]:
        """Return nbgrader's ERROR lines (the last ``limit``), without the noise.

        Args:
            limit: How many lines to return at most.

        Returns:
            The lines.
        """
        lines = [ln.strip() for ln in self.output.splitlines() if "| ERROR]" in ln or "Error:" in ln]
        return lines[-limit:]


def nbgrader_env() -> dict[str, str]:
    """Return the environment nbgrader runs with (its helper programs on PATH)."""
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([os.path.dirname(sys.executable), env.get("PATH", "")])
    env["PYTHONUNBUFFERED"] = "1"
    env["PYTHONWARNINGS"] = "ignore"
    return env


def kill_kernels_of(parent_pid: int) -> int:
    """Kill the kernels (and their process groups) that a killed nbgrader process started.

    Args:
        parent_pid: The nbgrader process id (kernels carry it as ``JPY_PARENT_PID``).

    Returns:
        How many process groups were killed.
    """
    needle = f"JPY_PARENT_PID={parent_pid}".encode()
    killed = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/environ", "rb") as fh:
                env = fh.read().split(b"\0")
        except OSError:
            continue
        if needle in env:
            try:
                os.killpg(os.getpgid(int(entry)), signal.SIGKILL)
                killed += 1
            except (ProcessLookupError, PermissionError):
                pass
    return killed


def run_nbgrader(
    course: Course, args: list[str], *, timeout: float | None = None, log_path: Path | None = None
) -> NbgraderResult:
    """Run ``nbgrader ARGS`` in the course root.

    Args:
        course: The course.
        args: nbgrader arguments, e.g. ``["generate_assignment", "00-welcome", "--force"]``.
        timeout: Seconds after which the command (and any kernel it started) is killed.
        log_path: Also write the output there.

    Returns:
        How it ended.
    """
    cmd = [sys.executable, "-m", "nbgrader", *args]
    started = time.monotonic()
    proc = subprocess.Popen(
        cmd,
        cwd=course.root,
        env=nbgrader_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    timed_out = False
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        kill_kernels_of(proc.pid)
        out, _ = proc.communicate()
    text = out.decode("utf-8", errors="replace")
    if log_path is not None:
        log_path.parent.mkdir(parents=True, exist_ok=True)
        log_path.write_text(f"$ nbgrader {' '.join(args)}\n{text}", encoding="utf-8")
    return NbgraderResult(
        list(args), None if timed_out else proc.returncode, text, time.monotonic() - started, timed_out
    )
