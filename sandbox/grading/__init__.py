"""Grading for SMM Lab: the nbgrader course tooling, safe autograding and the self-check.

Modules, each with one job:

- ``feedback``: checks used by exercise test cells, whose failures say what was expected
  and give a hint.
- ``authoring``: build exercise notebooks cell by cell with the right nbgrader metadata.
- ``config``: the nbgrader configuration of the course (``graders/nbgrader_config.py``).
- ``course``: where the course lives and which assignments and notebooks it has.
- ``nbgrader_run``: runs nbgrader commands as subprocesses.
- ``student_copies``: builds the student copies in ``course/`` from ``graders/source``.
- ``sanitize``: repairs a scratch copy of a submission so one broken notebook never stops a batch.
- ``jail`` / ``kernel_launcher`` / ``users`` / ``execute``: run student code as an unprivileged
  user with resource limits, without network, away from the gradebook and the sources.
- ``worker``: a process that keeps nbgrader loaded and autogrades one student per request.
- ``status``: the explicit status of every student and notebook, exported as a CSV.
- ``autograde``: sanitize, grade (optionally in parallel) and record statuses for a class.
- ``selfcheck``: score a learner's notebook against the visible tests.
- ``cli``: ``smm-lab course ...`` and ``smm-lab check``.

Per-student worlds for the exercises are in ``sandbox.exercises``.
"""

from __future__ import annotations

from typing import Any

__all__ = ["self_check"]


def __getattr__(name: str) -> Any:
    if name == "self_check":
        from .selfcheck import self_check

        return self_check
    raise AttributeError(name)
