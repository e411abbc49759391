"""A grading worker: nbgrader loaded once, autograding one student per request.

Starting nbgrader costs about three CPU-seconds, as much as grading a small notebook, so
``autograde.py`` keeps one worker process per parallel grader and sends it students one at a
time. Each request runs nbgrader's own ``autograde`` for that student alone (through
``nbgrader.apps.NbGraderAPI``), with the course configuration and the run's limits. If a
student's grading hangs or the worker dies, the parent kills the worker (and its kernels) and
starts a new one for the next student: one submission never stops the batch.

Protocol (one JSON object per line): the parent writes ``{"assignment": ..., "student": ...}``
to the worker's stdin, the worker answers ``{"success": ..., "log": ..., "error": ...}`` on
the file descriptor given as its last argument. ``python -m sandbox.grading.worker ROOT
CONFIG_JSON FD``.
"""

from __future__ import annotations

import json
import os
import sys
import time
from typing import Any


def load_config(root: str, overrides: dict[str, Any]) -> Any:
    """Return the course's nbgrader config with dotted overrides applied.

    Args:
        root: The course root.
        overrides: ``{"SandboxedExecute.timeout": 20, ...}``.

    Returns:
        A traitlets ``Config``.
    """
    from traitlets.config import Config

    from .config import configure

    config = Config()
    configure(config, root)
    for key, value in overrides.items():
        section, name = key.rsplit(".", 1)
        config[section][name] = value
    return config


def serve(root: str, overrides: dict[str, Any], reply_fd: int) -> None:
    """Answer grading requests from stdin until it closes.

    Args:
        root: The course root.
        overrides: Config overrides for the whole run.
        reply_fd: Where answers go (stdout stays free for whatever nbgrader prints).
    """
    import logging
    import warnings

    warnings.filterwarnings("ignore")
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory

    config = load_config(root, overrides)
    os.chdir(root)
    out = os.fdopen(reply_fd, "w", buffering=1, encoding="utf-8")
    out.write(json.dumps({"ready": True}) + "\n")
    for line in sys.stdin:
        if not line.strip():
            continue
        job = json.loads(line)
        started = time.monotonic()
        coursedir = CourseDirectory(config=config)
        api = NbGraderAPI(coursedir=coursedir, config=config)
        api.log.setLevel(logging.INFO)
        try:
            result = api.autograde(job["assignment"], job["student"], force=True, create=True)
        except Exception as exc:  # noqa: BLE001 - reported to the parent, the worker goes on
            result = {"success": False, "error": f"{type(exc).__name__}: {exc}"}
        result["seconds"] = round(time.monotonic() - started, 2)
        out.write(json.dumps(result) + "\n")


def main(argv: list[str]) -> int:
    """Run a worker.

    Args:
        argv: ``ROOT CONFIG_JSON FD``.

    Returns:
        0 when stdin closes.
    """
    root, overrides, fd = argv[0], json.loads(argv[1]), int(argv[2])
    serve(root, overrides, fd)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
