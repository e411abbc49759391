"""Shared fixtures: worlds built once per test session.

Building a world takes well under a second, but many tests read the same one, so each is
built once and shared. Tests must treat these worlds as read-only (the tables they hand out
are copies, except ``follows``, which is the world's own frame).
"""

from __future__ import annotations

import pytest

from sandbox import World

SMALL_SEED = 11
"""Seed of the small worlds (fixed so that failures reproduce)."""

SMALL_SIZE = 3_000
"""People in the small worlds: big enough for every table to be populated, fast to build."""


@pytest.fixture(scope="session")
def small_world() -> World:
    """A small English-language world, every table built."""
    return World(seed=SMALL_SEED, size=SMALL_SIZE).build()


@pytest.fixture(scope="session")
def small_world_ru() -> World:
    """The same small world in the Russian locale."""
    return World(seed=SMALL_SEED, size=SMALL_SIZE, locale="ru_RU").build()


@pytest.fixture(scope="session")
def classroom_world() -> World:
    """The default world a learner gets from ``World()``: seed 0, coffee shop, 20,000 people."""
    return World().build()
