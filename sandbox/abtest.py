"""Reading an A/B test of posts correctly: many posts per variant, a difference of means with a CI.

One post of each variant proves nothing: in the sandbox two identical posts differ by about
±35% by luck alone. Compare the means of many posts, and say how sure you are with a
bootstrap confidence interval of the difference. Randomness comes from
``sandbox.seeding.stream`` so every result is reproducible.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from .errors import SandboxInputError
from .seeding import stream


@dataclass(frozen=True, eq=False)
class MeanDifference:
    """The difference of two variants' means, with a bootstrap confidence interval.

    Attributes:
        label_a: Name of variant A.
        label_b: Name of variant B.
        n_a: Posts of A.
        n_b: Posts of B.
        mean_a: Mean of A.
        mean_b: Mean of B.
        diff: ``mean_b - mean_a``.
        low: Lower end of the interval of ``diff``.
        high: Upper end of the interval of ``diff``.
        level: Confidence level, e.g. 0.95.
        boot: The bootstrap differences (for a histogram).
    """

    label_a: str
    label_b: str
    n_a: int
    n_b: int
    mean_a: float
    mean_b: float
    diff: float
    low: float
    high: float
    level: float
    boot: np.ndarray = field(repr=False)

    @property
    def relative(self) -> float:
        """Return the difference as a share of A's mean (0.2 = B is 20% higher)."""
        return self.diff / self.mean_a if self.mean_a else float("nan")

    @property
    def clear(self) -> bool:
        """Return True when the interval excludes 0: the data say which variant is better."""
        return self.low > 0 or self.high < 0

    def __str__(self) -> str:
        small = max(abs(self.mean_a), abs(self.mean_b)) < 1

        def num(x: float, sign: str = "") -> str:
            return f"{x:{sign},.4f}" if small else f"{x:{sign},.1f}"

        verdict = (
            f"{self.label_b if self.diff > 0 else self.label_a} is better"
            if self.clear
            else "no clear winner: the interval includes 0"
        )
        return (
            f"{self.label_a}: mean {num(self.mean_a)} over {self.n_a} posts; {self.label_b}: mean "
            f"{num(self.mean_b)} over {self.n_b} posts.\n"
            f"Difference ({self.label_b} - {self.label_a}): {num(self.diff, '+')} ({self.relative:+.0%}), "
            f"{self.level:.0%} interval {num(self.low, '+')} to {num(self.high, '+')}: {verdict}."
        )

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:
        p.text(str(self))


def _values(x: Sequence[float] | np.ndarray | pd.Series, name: str) -> np.ndarray:
    arr = np.asarray(x, dtype=np.float64)
    if arr.ndim != 1 or arr.size < 2:
        raise SandboxInputError(name, f"needs at least 2 numbers (one per post), got {arr.size}.")
    if not np.isfinite(arr).all():
        raise SandboxInputError(name, "contains missing or infinite values; drop them first.")
    return arr


def bootstrap_mean_diff(
    a: Sequence[float] | np.ndarray | pd.Series,
    b: Sequence[float] | np.ndarray | pd.Series,
    *,
    labels: tuple[str, str] = ("A", "B"),
    n_boot: int = 5000,
    level: float = 0.95,
    seed: int = 0,
) -> MeanDifference:
    """Compare two variants' means with a percentile bootstrap confidence interval.

    The bootstrap asks "if we ran the test again with posts like these, how much could the
    difference move?": it resamples each variant's posts with replacement ``n_boot`` times
    and reads the middle ``level`` of the resampled differences.

    Args:
        a: One value per post of variant A (e.g. reach).
        b: One value per post of variant B.
        labels: Names of A and B, for the printout.
        n_boot: Number of resamples (at least 200).
        level: Confidence level between 0.5 and 0.999.
        seed: Seed of the resampling.

    Returns:
        The difference ``mean(b) - mean(a)`` with its interval.

    Raises:
        SandboxInputError: For fewer than 2 values per variant, missing values, or bad
            ``n_boot`` / ``level``.
    """
    va, vb = _values(a, "a"), _values(b, "b")
    if isinstance(n_boot, bool) or not isinstance(n_boot, int | np.integer) or n_boot < 200:
        raise SandboxInputError("n_boot", f"must be a whole number of at least 200, got {n_boot!r}.")
    if not isinstance(level, float | int) or not 0.5 <= level <= 0.999:
        raise SandboxInputError("level", f"must be between 0.5 and 0.999 (0.95 = 95%), got {level!r}.")
    rng = stream(seed, "abtest", "bootstrap")
    ia = rng.integers(0, va.size, size=(int(n_boot), va.size))
    ib = rng.integers(0, vb.size, size=(int(n_boot), vb.size))
    boot = vb[ib].mean(axis=1) - va[ia].mean(axis=1)
    tail = (1.0 - float(level)) / 2.0
    low, high = np.quantile(boot, [tail, 1.0 - tail])
    return MeanDifference(
        label_a=str(labels[0]),
        label_b=str(labels[1]),
        n_a=int(va.size),
        n_b=int(vb.size),
        mean_a=float(va.mean()),
        mean_b=float(vb.mean()),
        diff=float(vb.mean() - va.mean()),
        low=float(low),
        high=float(high),
        level=float(level),
        boot=boot,
    )


def one_post_each_win_rate(
    a: Sequence[float] | np.ndarray | pd.Series, b: Sequence[float] | np.ndarray | pd.Series
) -> float:
    """Return how often B beats A when you compare one post of each (over every pair).

    If you had published one post of each variant and crowned the one with more reach, this is
    the chance that B would have won. With a real but modest difference it is far from 100%:
    that is why one post each proves nothing.

    Args:
        a: One value per post of variant A.
        b: One value per post of variant B.

    Returns:
        Share (0..1) of (A post, B post) pairs where B's value is higher; ties count half.
    """
    va, vb = _values(a, "a"), _values(b, "b")
    gt = (vb[None, :] > va[:, None]).mean()
    eq = (vb[None, :] == va[:, None]).mean()
    return float(gt + 0.5 * eq)


def assign_variants(plan: pd.DataFrame, column: str, a: object, b: object, seed: int = 0) -> pd.DataFrame:
    """Split a plan's posts between two variants fairly: half A, half B in every slot.

    Within each group of posts on the same platform at the same hour in the same week, half
    the posts (chosen at random) get value ``a`` in ``column`` and the rest get ``b``. So both
    variants see the same platforms, hours and weeks (and, on average, days), and the only
    systematic difference left is the one you are testing.

    Args:
        plan: A plan DataFrame (``platform`` and ``time`` columns).
        column: The plan column to vary, e.g. ``"format"`` or ``"cta"``.
        a: Value of variant A.
        b: Value of variant B.
        seed: Seed of the random split.

    Returns:
        A copy of the plan with ``column`` set to ``a`` or ``b`` on every row.

    Raises:
        SandboxInputError: If ``column`` is ``platform``, ``time`` or ``post_id``.
    """
    if column in ("platform", "time", "post_id"):
        raise SandboxInputError("column", f"cannot vary {column!r}; vary e.g. 'format', 'cta' or 'rubric'.")
    rng = stream(seed, "abtest", "assign", column)
    out = plan.copy()
    times = pd.to_datetime(out["time"])
    hour = times.dt.hour
    week = (times.dt.normalize() - times.min().normalize()).dt.days // 7
    values = np.empty(len(out), dtype=object)
    for _, idx in out.groupby([out["platform"], hour, week], sort=True).indices.items():
        order = rng.permutation(idx)
        half = len(order) // 2 + (int(rng.integers(2)) if len(order) % 2 else 0)
        values[order[:half]] = a
        values[order[half:]] = b
    out[column] = pd.array(values, dtype="str") if isinstance(a, str) and isinstance(b, str) else values
    return out


def random_halves(
    values: pd.Series | Sequence[float] | np.ndarray, seed: int = 0
) -> tuple[pd.Series, pd.Series]:
    """Split values into two random halves, e.g. for an A/A test of one variant against itself.

    An A/A test compares two groups that got exactly the same treatment: any "difference" is
    luck, so a good test should usually find no clear winner.

    Args:
        values: One value per post (a Series keeps its index).
        seed: Seed of the random split.

    Returns:
        ``(first_half, second_half)``; with an odd count the second half has one more value.

    Raises:
        SandboxInputError: For fewer than 4 values.
    """
    s = values if isinstance(values, pd.Series) else pd.Series(np.asarray(values, dtype=np.float64))
    if len(s) < 4:
        raise SandboxInputError("values", f"needs at least 4 values to split in two halves, got {len(s)}.")
    order = stream(seed, "abtest", "halves").permutation(len(s))
    half = len(s) // 2
    return s.iloc[np.sort(order[:half])], s.iloc[np.sort(order[half:])]
