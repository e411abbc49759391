"""Errors the sandbox raises for bad input, and helpers that word them well.

Every error names the parameter that is wrong, what was given, and what is allowed or how
to fix it, so that a learner can correct the call without reading the source.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable
from typing import Any

import pandas as pd


class SandboxInputError(ValueError):
    """A value given to the sandbox is not allowed.

    Attributes:
        parameter: Name of the parameter (or plan column) that is wrong.
    """

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(f"{parameter}: {message}")
        self.parameter = parameter


def check_choice(parameter: str, value: Any, allowed: Iterable[str]) -> str:
    """Return ``value`` if it is one of ``allowed``; raise a helpful error otherwise.

    Args:
        parameter: Name shown in the error.
        value: The value given.
        allowed: The allowed values.

    Returns:
        The value, unchanged.

    Raises:
        SandboxInputError: If ``value`` is not in ``allowed``.
    """
    options = list(allowed)
    if value not in options:
        hint = ""
        if isinstance(value, str):
            close = [o for o in options if o.lower() == value.lower().strip()]
            if close:
                hint = f" Did you mean {close[0]!r}?"
        raise SandboxInputError(
            parameter,
            f"unknown value {value!r}. Allowed values: {', '.join(map(repr, options))}.{hint}",
        )
    return value


def check_positive_int(parameter: str, value: Any, *, minimum: int = 1) -> int:
    """Return ``value`` as an int if it is a whole number of at least ``minimum``.

    Args:
        parameter: Name shown in the error.
        value: The value given.
        minimum: Smallest allowed value.

    Returns:
        The value as a Python int.

    Raises:
        SandboxInputError: If the value is not a whole number or is too small.
    """
    if (
        isinstance(value, bool)
        or not isinstance(value, numbers.Real)  # numpy integers and floats are Real too
        or not math.isfinite(value)
        or int(value) != value
    ):
        raise SandboxInputError(parameter, f"must be a whole number of at least {minimum}, got {value!r}.")
    if value < minimum:
        raise SandboxInputError(
            parameter, f"must be at least {minimum}, got {value!r}. Use a positive whole number."
        )
    return int(value)


def check_date(parameter: str, value: Any, *, example: str = "2026-03-09") -> pd.Timestamp:
    """Return ``value`` as a date (midnight, no time zone); raise a helpful error otherwise.

    Args:
        parameter: Name shown in the error.
        value: The value given: a string like ``"2026-03-09"``, a ``datetime`` or a ``Timestamp``.
        example: A date to show in the error, written the way the learner should write it.

    Returns:
        The date as a ``pd.Timestamp`` at midnight, without a time zone.

    Raises:
        SandboxInputError: If ``value`` cannot be read as a date, or is missing.
    """
    try:
        ts = pd.Timestamp(value)
    except (ValueError, TypeError):
        raise SandboxInputError(
            parameter, f"could not read {value!r} as a date; write it like '{example}'."
        ) from None
    if pd.isna(ts):
        raise SandboxInputError(parameter, f"is missing; write a date like '{example}'.")
    return ts.tz_localize(None).normalize() if ts.tzinfo else ts.normalize()
