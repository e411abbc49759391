"""Per-student worlds for the graded exercises.

Every exercise builds the learner's own world from their student id, so that each learner's
numbers are different and copying someone else's answers does not pay. The learner writes
their id in the exercise's first cell (``STUDENT_ID = "jdoe42"``) and the setup cell calls
``student_world(STUDENT_ID)``.

When an instructor autogrades a class, the grader tells the kernel who owns the submission
through the ``SMM_LAB_STUDENT_ID`` environment variable (``smm-lab course autograde`` sets
it to the nbgrader student id). While grading, the world is always the owner's, whatever
the notebook says, and the hidden tests build the expected answers from the same world
with ``reference_world``. A notebook whose ``STUDENT_ID`` is not its owner's id is flagged
in the grading status report.
"""

from __future__ import annotations

import functools
import os
import sys

from .seeding import seed_from_student_id
from .taxonomy import NICHES
from .world import World

OWNER_ENV = "SMM_LAB_STUDENT_ID"
"""Environment variable through which the grader names a submission's owner."""

PRACTICE_ID = "practice"
"""Student id used when a learner has not set one yet (outside grading)."""

EXERCISE_SIZE = 3_000
"""People in an exercise world: enough for real patterns, small enough to build in a second."""


def _initial_environ() -> dict[str, str]:
    """Return the environment the process started with (edits made later by code are ignored)."""
    try:
        with open(f"/proc/{os.getpid()}/environ", "rb") as fh:
            raw = fh.read()
    except OSError:
        return dict(os.environ)
    env = {}
    for item in raw.split(b"\0"):
        key, sep, value = item.partition(b"=")
        if sep:
            env[key.decode(errors="replace")] = value.decode(errors="replace")
    return env


def grading_owner() -> str | None:
    """Return the student id the grader says owns this notebook, or None outside grading.

    The id is read from the environment the kernel was started with, so code in the
    notebook cannot change it by editing ``os.environ``.

    Returns:
        The owner's student id, or None when the notebook is not being graded.
    """
    owner = _initial_environ().get(OWNER_ENV, "").strip()
    return owner or None


def same_student(a: str | None, b: str | None) -> bool:
    """Return True if two student ids name the same learner (case and spaces ignored).

    Args:
        a: A student id.
        b: Another student id.

    Returns:
        Whether they are the same id.
    """
    return (a or "").strip().lower() == (b or "").strip().lower()


def world_owner(student_id: str | None) -> str:
    """Return the id whose world an exercise uses: the grader's owner, the learner's id, or practice.

    Args:
        student_id: The ``STUDENT_ID`` written in the notebook (may be empty).

    Returns:
        The id the world is built from.
    """
    owner = grading_owner()
    if owner:
        return owner
    if student_id is not None and not isinstance(student_id, str):
        raise TypeError(f'STUDENT_ID must be text in quotes, like "jdoe42"; got {student_id!r}.')
    return student_id.strip() if student_id and student_id.strip() else PRACTICE_ID


def _new_world(owner: str, niche: str | None, size: int) -> World:
    seed = seed_from_student_id(owner)
    if niche is None:
        niches = sorted(NICHES)
        niche = niches[seed % len(niches)]
    return World(seed=seed, niche=niche, size=size)


# Two caches, so that what a learner's code does to its world never touches the reference.
_learner_world = functools.lru_cache(maxsize=4)(_new_world)
_reference_world = functools.lru_cache(maxsize=4)(_new_world)


def student_world(student_id: str | None, *, niche: str | None = None, size: int = EXERCISE_SIZE) -> World:
    """Return the learner's own world for an exercise, and say whose world it is.

    Args:
        student_id: The id your instructor gave you, e.g. ``"jdoe42"``. Empty while you
            practise: you then get the practice world, the same for everyone.
        niche: Your brand's niche; None picks one from your id (each learner's brand may
            work in a different niche).
        size: Number of people in the world.

    Returns:
        A ``World``. While an instructor grades your notebook it is always the world
        of the submission's owner.

    Raises:
        TypeError: If ``student_id`` is not text.
    """
    owner = world_owner(student_id)
    graded = grading_owner()
    if graded and student_id and not same_student(student_id, graded):
        print(
            f"Note for the grader: this notebook says STUDENT_ID = {student_id!r}, but it is graded as "
            f"{graded!r}; the exercise uses {graded!r}'s world.",
            file=sys.stderr,
        )
    elif owner == PRACTICE_ID:
        print(
            "STUDENT_ID is empty, so this is the practice world (the same for everyone). Write the id "
            'your instructor gave you in the first cell, e.g. STUDENT_ID = "jdoe42", and run again.'
        )
    return _learner_world(owner.strip().lower(), niche, size)


def reference_world(student_id: str | None, *, niche: str | None = None, size: int = EXERCISE_SIZE) -> World:
    """Return the world the hidden tests compute expected answers from.

    It is the same world ``student_world`` gives the owner of the notebook: the grader's
    owner while grading, otherwise the id written in the notebook.

    Args:
        student_id: The ``STUDENT_ID`` written in the notebook.
        niche: As in ``student_world``.
        size: As in ``student_world``.

    Returns:
        A ``World`` separate from the learner's (code in the notebook cannot change it).
    """
    return _reference_world(world_owner(student_id).strip().lower(), niche, size)
