"""nbgrader's Execute step, with student code in the jail and within limits.

``SandboxedExecute`` replaces nbgrader's ``Execute`` in the course's autograde pipeline
(``graders/nbgrader_config.py``), so every way of autograding the course uses it, the
formgrader's button included. For each notebook it:

- takes a grading user from the pool and starts the kernel through ``kernel_launcher.py``
  (new namespaces, hidden private paths, resource limits, unprivileged user; see ``jail.py``),
  talking to it over Unix sockets in the kernel's own folder;
- exports ``SMM_LAB_STUDENT_ID`` (the nbgrader student id) so the exercise builds the owner's
  world;
- limits time per cell (``timeout``, interrupting the kernel) and per notebook
  (``notebook_timeout``: cells after it are not run and score 0);
- caps the output kept per cell and per notebook while it arrives;
- survives a kernel that dies: the cells already graded keep their grades, the rest are
  marked as not run, and nbgrader goes on to save the grades;
- writes a report per notebook (timeouts, limits hit, how the kernel ended) that
  ``smm-lab course autograde`` turns into the student's status.
"""

from __future__ import annotations

import json
import math
import os
import sys
import time
from pathlib import Path
from typing import Any

from jupyter_client.manager import AsyncKernelManager
from nbclient.exceptions import DeadKernelError
from nbformat.notebooknode import NotebookNode
from nbgrader.preprocessors import Execute
from traitlets import Bool, Integer, List, Unicode

from .jail import LAUNCHER, KernelFolder, Limits, kernel_environment, lock_private_paths, plan_mounts
from .users import GradingUser, can_isolate

RESOURCE_ERRORS = {
    "MemoryError": "memory",
}
"""Exceptions that mean student code hit a resource limit, and which limit."""

SIGNAL_LIMITS = {24: "CPU time", 25: "file size"}
"""Signals (SIGXCPU, SIGXFSZ) that mean the kernel was stopped by a limit."""


class SandboxedKernelManager(AsyncKernelManager):
    """A kernel manager that starts the kernel through the jail's launcher."""

    launcher_config = Unicode("", help="The launcher's config file; empty starts the kernel directly.")

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        """Return the kernel command, wrapped in the launcher when a jail is set up.

        Args:
            extra_arguments: Extra kernel arguments.

        Returns:
            The command.
        """
        cmd = super().format_kernel_cmd(extra_arguments)
        if not self.launcher_config:
            return cmd
        return [sys.executable, "-I", "-S", str(LAUNCHER), self.launcher_config, "--", *cmd]


def _error_output(ename: str, evalue: str) -> NotebookNode:
    return NotebookNode(
        output_type="error", ename=ename, evalue=evalue, traceback=[f"\x1b[0;31m{ename}\x1b[0m: {evalue}"]
    )


def _cell_name(cell: NotebookNode, index: int) -> str:
    grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
    return str(grade_id or cell.get("id") or f"cell {index}")


def _output_size(msg: dict[str, Any]) -> int:
    content = msg.get("content", {})
    size = len(content.get("text", "") or "")
    for value in (content.get("data") or {}).values():
        size += len(value) if isinstance(value, str) else len(json.dumps(value))
    size += sum(len(line) for line in content.get("traceback", []) or [])
    return size


class SandboxedExecute(Execute):
    """nbgrader's ``Execute`` with the kernel in the jail, per-notebook time and output caps."""

    notebook_timeout = Integer(300, help="Seconds the whole notebook may run; later cells are not run.").tag(
        config=True
    )
    memory_mb = Integer(3072, help="Address-space limit of the kernel, in MiB.").tag(config=True)
    cpu_seconds = Integer(0, help="CPU seconds the kernel may use (0: notebook_timeout + 30).").tag(
        config=True
    )
    file_mb = Integer(64, help="Largest file the kernel may write, in MiB.").tag(config=True)
    processes = Integer(256, help="Processes and threads the grading user may have.").tag(config=True)
    max_output_chars_per_cell = Integer(100_000, help="Output kept per cell, in characters.").tag(config=True)
    max_output_chars = Integer(1_000_000, help="Output kept per notebook, in characters.").tag(config=True)
    isolation = Unicode(
        "auto",
        help="'auto': run student code as an unprivileged user in namespaces when root on Linux, "
        "otherwise only with limits (with a warning); 'on': require it; 'off': limits only.",
    ).tag(config=True)
    grading_user = Unicode("", help="A specific grading user (default: a free one from the pool).").tag(
        config=True
    )
    private_paths = List(Unicode(), help="Paths the kernel must never see (the course root).").tag(
        config=True
    )
    report_dir = Unicode(
        "", help="Where to write a JSON report per graded notebook (<assignment>/<student>/<notebook>.json)."
    ).tag(config=True)
    lock_paths = Bool(True, help="Make the course's private folders owner-only before grading.").tag(
        config=True
    )

    def __init__(self, **kw: Any) -> None:
        kw.setdefault("kernel_manager_class", SandboxedKernelManager)
        super().__init__(**kw)
        self._folder: KernelFolder | None = None
        self._deadline = math.inf
        self._stopped: str = ""
        self._report: dict[str, Any] = {}
        self._cell_chars: dict[int, int] = {}
        self._capped: set[int] = set()
        self._notebook_chars = 0

    # --- isolation -------------------------------------------------------------------------
    def _isolation(self) -> tuple[bool, str]:
        if self.isolation == "off":
            return False, "isolation turned off in the configuration"
        ok, reason = can_isolate()
        if not ok and self.isolation == "on":
            raise RuntimeError(f"student code cannot be isolated: {reason}.")
        if not ok:
            self.log.warning(
                "Grading WITHOUT isolation (%s): student code runs as you, with limits only.", reason
            )
        return ok, reason

    def create_kernel_manager(self) -> Any:
        """Create the kernel manager, pointed at the jail's launcher and Unix sockets.

        Returns:
            The kernel manager.
        """
        km = super().create_kernel_manager()
        if self._folder is not None:
            km.transport = "ipc"
            km.connection_file = str(self._folder.connection_file)
            km.ip = str(self._folder.root / "kernel-ipc")
            if isinstance(km, SandboxedKernelManager):
                km.launcher_config = str(self._folder.config_file)
        return km

    # --- the notebook ----------------------------------------------------------------------
    def preprocess(
        self, nb: NotebookNode, resources: dict[str, Any] | None = None, km: Any = None
    ) -> tuple[NotebookNode, dict[str, Any]]:
        """Run the notebook in a fresh jailed kernel and record what happened.

        Args:
            nb: The notebook.
            resources: nbconvert resources (nbgrader's student, notebook and paths).
            km: Not supported (a kernel is always started here).

        Returns:
            The executed notebook and the resources.
        """
        resources = resources if resources is not None else {}
        info = resources.get("nbgrader", {})
        student = info.get("student")
        started = time.monotonic()
        self._deadline = started + self.notebook_timeout
        self._stopped = ""
        self._cell_chars, self._capped, self._notebook_chars = {}, set(), 0
        isolate, reason = self._isolation()
        if self.lock_paths:
            for path in self.private_paths:
                if os.path.isdir(path) and os.path.isfile(os.path.join(path, "nbgrader_config.py")):
                    lock_private_paths(path)
        self._report = {
            "student": student,
            "assignment": info.get("assignment"),
            "notebook": info.get("notebook"),
            "isolation": "user" if isolate else "none",
            "isolation_note": reason,
            "user": None,
            "timed_out": [],
            "notebook_timeout": False,
            "not_run": [],
            "resource_errors": [],
            "output_capped": [],
            "kernel_death": None,
            "kernel_exit": None,
        }
        user = GradingUser.acquire(self.grading_user) if isolate else None
        folder = KernelFolder.create((user.uid, user.gid) if user else None)
        self._folder = folder
        folders_file = self._report_path(".folders.json")
        if folders_file is not None:
            folders_file.parent.mkdir(parents=True, exist_ok=True)
            folders_file.write_text(
                json.dumps(
                    {"folders": [str(folder.root), str(folder.private)], "user": user.name if user else None}
                ),
                encoding="utf-8",
            )
        try:
            if user is not None:
                self._report["user"] = user.name
            source_dir = resources.get("metadata", {}).get("path")
            folder.copy_files(source_dir, Limits().files_mb)
            limits = Limits(
                memory_mb=self.memory_mb,
                cpu_seconds=self.cpu_seconds,
                file_mb=self.file_mb,
                processes=self.processes if isolate else 0,  # counts all the user's processes
            )
            config = {
                "isolate": isolate,
                "uid": user.uid if user else None,
                "gid": user.gid if user else None,
                "cwd": str(folder.root / "work"),
                "env": kernel_environment(folder, student),
                "limits": limits.launcher_limits(self.notebook_timeout),
                "tmp_size_mb": limits.tmp_mb,
                "exit_file": str(folder.exit_file),
                "chown": [str(folder.connection_file)] if isolate else [],
            }
            if isolate:
                config.update(plan_mounts(str(folder.root), list(self.private_paths)))
            folder.write_config(config)
            run_resources = dict(resources)
            run_resources["metadata"] = dict(resources.get("metadata", {}), path=str(folder.root / "work"))
            nb, run_resources = super().preprocess(nb, run_resources, km)
            resources.update({k: v for k, v in run_resources.items() if k != "metadata"})
        finally:
            self._report["kernel_exit"] = folder.read_exit()
            if self._report["kernel_death"] is not None:
                self._report["kernel_death"].update(self._describe_death(self._report["kernel_exit"]))
            self._report["seconds"] = round(time.monotonic() - started, 2)
            self._folder = None
            if user is not None:
                user.release()  # ends whatever the kernel left running, before its folder goes
            folder.remove()
            if folders_file is not None:
                folders_file.unlink(missing_ok=True)
            self._write_report()
        return nb, resources

    def _describe_death(self, record: dict | None) -> dict[str, Any]:
        death: dict[str, Any] = {"cause": "the kernel stopped", "limit": None}
        if record:
            sig = record.get("signal")
            if sig in SIGNAL_LIMITS:
                death = {"cause": f"stopped by the {SIGNAL_LIMITS[sig]} limit", "limit": SIGNAL_LIMITS[sig]}
            elif sig:
                death = {"cause": f"killed by signal {sig}", "limit": None}
            elif record.get("exit_code") is not None:
                death = {"cause": f"exited with code {record['exit_code']}", "limit": None}
            death["record"] = record
        return death

    def _get_timeout(self, cell: NotebookNode | None) -> int | None:
        timeout = super()._get_timeout(cell)
        remaining = max(1, int(math.ceil(self._deadline - time.monotonic())))
        return remaining if timeout is None else min(timeout, remaining)

    def preprocess_cell(
        self, cell: NotebookNode, resources: dict[str, Any], index: int
    ) -> tuple[NotebookNode, dict[str, Any]]:
        """Run one cell unless time is up or the kernel died; record timeouts and limits.

        Args:
            cell: The cell.
            resources: nbconvert resources.
            index: The cell's position.

        Returns:
            The cell and the resources.
        """
        if cell.cell_type != "code" or not cell.source.strip():
            return cell, resources
        name = _cell_name(cell, index)
        if not self._stopped and time.monotonic() >= self._deadline:
            self._stopped = "notebook_timeout"
            self._report["notebook_timeout"] = True
        if self._stopped:
            why = (
                f"the notebook ran out of time (limit: {self.notebook_timeout} s)"
                if self._stopped == "notebook_timeout"
                else "the kernel had stopped"
            )
            cell.outputs = [_error_output("NotRunError", f"This cell was not run: {why}.")]
            cell.execution_count = None
            self._report["not_run"].append(name)
            return cell, resources
        try:
            cell, resources = super().preprocess_cell(cell, resources, index)
        except DeadKernelError:
            self._stopped = "kernel_died"
            self._report["kernel_death"] = {"cell": name}
            cell.outputs.append(
                _error_output(
                    "KernelDied",
                    "The kernel stopped while running this cell (it crashed, exited or was killed "
                    "by a resource limit); the cells after it were not run.",
                )
            )
            return cell, resources
        for out in cell.get("outputs", []):
            if out.get("output_type") != "error":
                continue
            if out.get("ename") == "CellTimeoutError":
                self._report["timed_out"].append(name)
                if time.monotonic() >= self._deadline - 0.5:
                    self._report["notebook_timeout"] = True
            elif out.get("ename") in RESOURCE_ERRORS:
                self._report["resource_errors"].append({"cell": name, "limit": RESOURCE_ERRORS[out["ename"]]})
            elif "[Errno 27]" in str(out.get("evalue", "")):
                self._report["resource_errors"].append({"cell": name, "limit": "file size"})
        if index in self._capped:
            self._report["output_capped"].append(name)
        return cell, resources

    def output(
        self, outs: list[NotebookNode], msg: dict[str, Any], display_id: str | None, cell_index: int
    ) -> NotebookNode | None:
        """Keep an output unless the cell or the notebook is over its output cap.

        Args:
            outs: The cell's outputs so far.
            msg: The output message.
            display_id: Display id, if any.
            cell_index: The cell's position.

        Returns:
            The output kept, or None.
        """
        size = _output_size(msg)
        used = self._cell_chars.get(cell_index, 0) + size
        self._cell_chars[cell_index] = used
        self._notebook_chars += size
        if used > self.max_output_chars_per_cell or self._notebook_chars > self.max_output_chars:
            if cell_index not in self._capped:
                self._capped.add(cell_index)
                outs.append(
                    NotebookNode(
                        output_type="stream",
                        name="stderr",
                        text=f"\n[output cut: more than {self.max_output_chars_per_cell:,} characters in "
                        f"this cell or {self.max_output_chars:,} in the notebook]\n",
                    )
                )
            return None
        return super().output(outs, msg, display_id, cell_index)

    def _report_path(self, suffix: str) -> Path | None:
        if not self.report_dir or not self._report.get("student"):
            return None
        report = self._report
        folder = Path(self.report_dir) / str(report.get("assignment") or "-") / str(report["student"])
        return folder / f"{report['notebook']}{suffix}"

    def _write_report(self) -> None:
        path = self._report_path(".json")
        if path is None:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self._report, indent=1), encoding="utf-8")
