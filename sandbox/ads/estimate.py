"""Audience-size estimates with the warnings an ad tool gives.

The estimate counts real people (see ``params.MARKET_USERS``): a person on two platforms of
the spec counts once. Warnings: an audience too narrow to deliver, a custom audience under
the minimum size, and overlap with other ad sets on the same platforms.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .. import params as P  # noqa: N812
from .panel import PLATFORM_SLUGS, MarketPanel
from .targeting import Cells, Targeting, audience_cells


def _round2(x: float) -> int:
    """Round to two significant digits, the way ad tools show audience sizes."""
    if x <= 0:
        return 0
    digits = max(0, int(math.floor(math.log10(x))) - 1)
    return int(math.floor(x / 10**digits + 0.5) * 10**digits)


@dataclass
class AudienceEstimate:
    """How many people a spec can reach.

    Attributes:
        size: Estimated real people (unrounded, for analysis).
        low: Lower end of the range shown (size rounded down by 10%).
        high: Upper end of the range shown.
        by_platform: Real people per platform of the spec.
        panel_people: People of the world's panel in the audience.
        status: ``too narrow`` (under ``MIN_DELIVERABLE_AUDIENCE``), ``narrow`` (under 10 x
            that), ``broad`` (over 30% of the world's market) or ``balanced``.
        warnings: Warnings in words.
        spec: The spec estimated.
    """

    size: int
    low: int
    high: int
    by_platform: dict[str, int]
    panel_people: int
    status: str
    warnings: list[str] = field(default_factory=list)
    spec: Targeting | None = None

    def __str__(self) -> str:
        lines = [
            f"Estimated audience: {self.low:,}-{self.high:,} people ({self.status}).",
            "  " + ", ".join(f"{p}: {n:,}" for p, n in self.by_platform.items()),
        ]
        lines += [f"  Warning: {w}" for w in self.warnings]
        return "\n".join(lines)

    __repr__ = __str__


def person_weights(panel: MarketPanel, cells: Cells) -> np.ndarray:
    """Return the real people each person of the panel contributes to an audience.

    Args:
        panel: The market panel.
        cells: The audience's cells.

    Returns:
        One weight per person (0 outside the audience).
    """
    w = np.zeros(panel.size, dtype=np.float64)
    w[cells.pid] = cells.weight  # a person weighs the same on every platform of the spec
    return w


def estimate_audience(
    panel: MarketPanel, spec: Targeting, others: Sequence[tuple[str, Targeting]] = ()
) -> AudienceEstimate:
    """Estimate a spec's audience and collect warnings.

    Args:
        panel: The market panel.
        spec: The spec.
        others: ``(name, spec)`` of other ad sets, to warn about overlap.

    Returns:
        The estimate.
    """
    cells = audience_cells(panel, spec)
    weights = person_weights(panel, cells)
    size = int(round(weights.sum()))
    by_platform = {
        p: int(round(float(cells.weight[cells.plat == PLATFORM_SLUGS.index(p)].sum())))
        for p in spec.platforms
    }
    warnings = []
    if size == 0:
        status = "too narrow"
        warnings.append("no one matches this spec: the audience is empty. Widen ages, places or interests.")
    elif size < P.MIN_DELIVERABLE_AUDIENCE:
        status = "too narrow"
        warnings.append(
            f"too narrow to deliver: about {size:,} people, under {P.MIN_DELIVERABLE_AUDIENCE:,}. "
            "Widen the ages, add cities or interests, or use a longer site-visitor window."
        )
    elif size < 10 * P.MIN_DELIVERABLE_AUDIENCE:
        status = "narrow"
    elif size > 0.3 * panel.size * panel.scale:
        status = "broad"
    else:
        status = "balanced"
    for a in (*spec.custom_audiences, *spec.exclude):
        if a.too_small:
            warnings.append(
                f"custom audience {a.name!r} has {a.size} people, "
                f"under the minimum of {P.MIN_CUSTOM_AUDIENCE}: "
                "it will not deliver. Use a longer window or a bigger list."
            )
    for name, other in others:
        share = overlap_share(panel, cells, weights, other, spec)
        if share > P.OVERLAP_WARNING:
            warnings.append(
                f"overlaps {100 * share:.0f}% with ad set {name!r}: the two will split the same auctions. "
                "Exclude one audience from the other, or merge them."
            )
    return AudienceEstimate(
        size=size,
        low=_round2(size * 0.9),
        high=_round2(size * 1.1),
        by_platform=by_platform,
        panel_people=int((weights > 0).sum()),
        status=status,
        warnings=warnings,
        spec=spec,
    )


def _cell_keys(cells: Cells) -> np.ndarray:
    return cells.pid.astype(np.int64) * len(PLATFORM_SLUGS) + cells.plat


def overlap_share(
    panel: MarketPanel, cells: Cells, weights: np.ndarray, other: Targeting, spec: Targeting
) -> float:
    """Return the share of an audience's real people who are also in another spec (same platform).

    Args:
        panel: The market panel.
        cells: The audience's cells.
        weights: Its person weights (unused for cell-level overlap, kept for symmetry).
        other: The other spec.
        spec: The audience's own spec.

    Returns:
        Overlapping real people over the audience's real people (cell level, 0-1).
    """
    del weights
    if not set(other.platforms) & set(spec.platforms):
        return 0.0
    oc = audience_cells(panel, other)
    total = float(cells.weight.sum())
    if total <= 0 or len(oc) == 0:
        return 0.0
    keys, okeys = _cell_keys(cells), _cell_keys(oc)
    common, i, j = np.intersect1d(keys, okeys, assume_unique=True, return_indices=True)
    del common
    shared = np.minimum(cells.ind[i], oc.ind[j]) + np.minimum(cells.clones[i], oc.clones[j])
    return float(shared.sum()) / total


def overlap_table(panel: MarketPanel, sets: Sequence[tuple[str, Targeting]]) -> pd.DataFrame:
    """Return pairwise overlap shares between ad sets.

    Args:
        panel: The market panel.
        sets: ``(name, spec)`` per ad set.

    Returns:
        A square DataFrame (row's share inside column's audience).
    """
    names = [n for n, _ in sets]
    out = pd.DataFrame(0.0, index=pd.Index(names, name="ad_set"), columns=names)
    cells = {n: audience_cells(panel, s) for n, s in sets}
    for n, s in sets:
        for m, o in sets:
            if n == m:
                out.loc[n, m] = 1.0
            else:
                out.loc[n, m] = round(overlap_share(panel, cells[n], np.empty(0), o, s), 4)
    return out
