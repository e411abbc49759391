"""Checks for exercise test cells whose failures teach.

A failing check raises ``CheckFailed`` (an ``AssertionError``, so nbgrader scores the cell 0)
with a message that says what was checked, what was expected, what the code gave, and a
hint. In a notebook the traceback stops at the test cell: the frames of these helpers are
hidden (``__tracebackhide__``), so the learner reads the message, not this module.

Example, in a test cell::

    from sandbox.grading.feedback import check_equal
    check_equal(count_users(people, "pixa"), 2, what='count_users(people, "pixa")',
                hint="Count the rows where the on_pixa column is True.")

Visible tests should check shape, type and range only; compare with expected values in
hidden tests, so the visible feedback never gives the answer away.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable
from typing import Any

_MAX_REPR = 160


class CheckFailed(AssertionError):  # noqa: N818 - reads well in a learner's traceback
    """A graded check failed; the message says what was expected and how to get there."""


def _short(value: Any) -> str:
    text = repr(value)
    if len(text) > _MAX_REPR:
        text = text[: _MAX_REPR - 5] + " ...)"
    return text


def _kind(value: Any) -> str:
    return type(value).__name__


def fail(what: str, problem: str, hint: str = "") -> None:
    """Raise ``CheckFailed`` with a readable message.

    Args:
        what: The thing checked, e.g. ``'count_users(people, "pixa")'``.
        problem: What went wrong, e.g. ``"expected 12, got 10"``.
        hint: How to fix it (one or two sentences).

    Raises:
        CheckFailed: Always.
    """
    __tracebackhide__ = True
    message = f"{what}: {problem}"
    if hint:
        message += f"\nHint: {hint}"
    raise CheckFailed(message)


def check_equal(actual: Any, expected: Any, *, what: str, hint: str = "") -> None:
    """Check that ``actual == expected``.

    Args:
        actual: What the learner's code gave.
        expected: The right answer.
        what: The thing checked.
        hint: How to fix it.

    Raises:
        CheckFailed: If they differ.
    """
    __tracebackhide__ = True
    try:
        same = bool(actual == expected)
    except (TypeError, ValueError):
        same = False
    if not same:
        fail(what, f"expected {_short(expected)}, but got {_short(actual)}.", hint)


def check_close(
    actual: Any, expected: float, *, what: str, hint: str = "", rel: float = 1e-6, abs_tol: float = 1e-9
) -> None:
    """Check that a number is close to the expected one.

    Args:
        actual: What the learner's code gave.
        expected: The right answer.
        what: The thing checked.
        hint: How to fix it.
        rel: Relative tolerance.
        abs_tol: Absolute tolerance.

    Raises:
        CheckFailed: If ``actual`` is not a number or is not close to ``expected``.
    """
    __tracebackhide__ = True
    check_number(actual, what=what, hint=hint)
    if not math.isclose(float(actual), float(expected), rel_tol=rel, abs_tol=abs_tol):
        fail(what, f"expected about {expected:.6g}, but got {float(actual):.6g}.", hint)


def check_type(value: Any, types: type | tuple[type, ...], *, what: str, hint: str = "") -> None:
    """Check that a value has one of the given types.

    Args:
        value: What the learner's code gave.
        types: A type or a tuple of types.
        what: The thing checked.
        hint: How to fix it.

    Raises:
        CheckFailed: If the type is not one of ``types``.
    """
    __tracebackhide__ = True
    wanted = types if isinstance(types, tuple) else (types,)
    if not isinstance(value, wanted):
        names = " or ".join(t.__name__ for t in wanted)
        fail(what, f"should be a {names}, but it is a {_kind(value)} ({_short(value)}).", hint)


def check_number(value: Any, *, what: str, hint: str = "") -> None:
    """Check that a value is a real number (not text, not None, not NaN).

    Args:
        value: What the learner's code gave.
        what: The thing checked.
        hint: How to fix it.

    Raises:
        CheckFailed: If it is not a finite real number.
    """
    __tracebackhide__ = True
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        fail(what, f"should be a number, but it is a {_kind(value)} ({_short(value)}).", hint)
    if math.isnan(float(value)):
        fail(what, "should be a number, but it is NaN (not a number).", hint)


def check_whole_number(value: Any, *, what: str, hint: str = "") -> None:
    """Check that a value is a whole number (``int`` or a numpy integer).

    Args:
        value: What the learner's code gave.
        what: The thing checked.
        hint: How to fix it.

    Raises:
        CheckFailed: If it is not a whole number.
    """
    __tracebackhide__ = True
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        fail(what, f"should be a whole number, but it is a {_kind(value)} ({_short(value)}).", hint)


def check_between(value: Any, low: float, high: float, *, what: str, hint: str = "") -> None:
    """Check that a number lies between ``low`` and ``high`` (both included).

    Args:
        value: What the learner's code gave.
        low: Smallest allowed value.
        high: Largest allowed value.
        what: The thing checked.
        hint: How to fix it.

    Raises:
        CheckFailed: If it is not a number in the range.
    """
    __tracebackhide__ = True
    check_number(value, what=what, hint=hint)
    if not low <= float(value) <= high:
        fail(what, f"should be between {low:g} and {high:g}, but it is {float(value):g}.", hint)


def check_in(value: Any, allowed: Iterable[Any], *, what: str, hint: str = "") -> None:
    """Check that a value is one of the allowed values.

    Args:
        value: What the learner's code gave.
        allowed: The allowed values.
        what: The thing checked.
        hint: How to fix it.

    Raises:
        CheckFailed: If it is not allowed.
    """
    __tracebackhide__ = True
    options = list(allowed)
    if value not in options:
        fail(what, f"should be one of {', '.join(map(_short, options))}, but it is {_short(value)}.", hint)


def check_true(condition: Any, *, what: str, problem: str, hint: str = "") -> None:
    """Check that a rule holds.

    Args:
        condition: The rule's truth value.
        what: The thing checked.
        problem: What is wrong when the rule does not hold.
        hint: How to fix it.

    Raises:
        CheckFailed: If ``condition`` is false.
    """
    __tracebackhide__ = True
    if not condition:
        fail(what, problem, hint)
