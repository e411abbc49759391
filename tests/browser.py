"""Helpers for the end-to-end browser tests: a real JupyterLab server and Debian's Chromium."""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class LabServer:
    root: Path
    port: int
    token: str
    process: subprocess.Popen
    log: Path

    def url(self, path: str) -> str:
        sep = "&" if "?" in path else "?"
        return f"http://127.0.0.1:{self.port}/{path.lstrip('/')}{sep}token={self.token}"

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


def start_lab(root: Path, home: Path, extra_args: list[str] | None = None) -> LabServer:
    """Start JupyterLab headless on a free localhost port with a random token, serving ``root``."""
    port = free_port()
    token = secrets.token_hex(16)
    env = dict(os.environ)
    env.update(
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
        HOME=str(home),
        JUPYTER_CONFIG_DIR=str(home / ".jupyter"),
        JUPYTER_RUNTIME_DIR=str(home / "runtime"),
        MPLBACKEND="module://matplotlib_inline.backend_inline",
    )
    log = home / "jupyterlab.log"
    cmd = [
        str(Path(sys.executable).parent / "jupyter"),
        "lab",
        "--no-browser",
        "--allow-root",
        f"--ServerApp.port={port}",
        "--ServerApp.ip=127.0.0.1",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}",
        f"--LabApp.workspaces_dir={home / 'workspaces'}",
        "--LabApp.news_url=",
        "--ServerApp.port_retries=0",
        *(extra_args or []),
    ]
    proc = subprocess.Popen(cmd, cwd=root, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)
    deadline = time.time() + 90
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"JupyterLab exited early:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status?token={token}", timeout=2):
                return LabServer(root, port, token, proc, log)
        except OSError:
            time.sleep(0.5)
    proc.kill()
    raise RuntimeError(f"JupyterLab did not start in 90 s:\n{log.read_text()[-3000:]}")


def copy_project(dest: Path, repo: Path) -> Path:
    """Copy what JupyterLab serves (course/, the nbgrader course sources and config) into ``dest``.

    The browser then never saves into the repository's notebooks, and the formgrader's
    gradebook and exchange live in the copy.
    """
    shutil.copytree(repo / "course", dest / "course", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    (dest / "graders").mkdir()
    shutil.copy2(repo / "graders" / "nbgrader_config.py", dest / "graders" / "nbgrader_config.py")
    shutil.copytree(repo / "graders" / "source", dest / "graders" / "source")
    (dest / "graders" / "exchange").mkdir()
    shutil.copy2(repo / "nbgrader_config.py", dest / "nbgrader_config.py")
    return dest


def solved_copy(student_copy: Path, source: Path, dest: Path) -> Path:
    """Write the student copy with its solution cells filled from the instructor source.

    This is what a learner who solved every part has in JupyterLab: the student copy's
    cells, with their answers typed in.
    """
    import nbformat

    student = nbformat.read(student_copy, as_version=4)
    answers = {
        c.metadata["nbgrader"]["grade_id"]: c.source
        for c in nbformat.read(source, as_version=4).cells
        if c.metadata.get("nbgrader", {}).get("solution")
    }
    for cell in student.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("solution") and meta.get("grade_id") in answers:
            kept = [
                ln
                for ln in answers[meta["grade_id"]].splitlines()
                if "### " not in ln or "SOLUTION" not in ln
            ]
            cell.source = "\n".join(kept)
    nbformat.write(student, dest)
    return dest


def copy_course(dest: Path, repo: Path) -> Path:
    """Copy course/ into ``dest`` so the browser never saves into the repository's notebooks."""
    shutil.copytree(repo / "course", dest / "course", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    return dest / "course"
