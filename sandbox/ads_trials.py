"""Small ad tests for the paid-side lessons: run audiences side by side, read a CTR difference.

``compare_audiences`` runs one ad set per targeting spec, each in its own Ads Manager, so
the audiences never share auctions (in one Ads Manager, ad sets that target the same people
split those people's auctions). It returns one row per audience with the numbers a marketer
reads first: size, spend, reach, frequency, CTR, CPC, CPM and the funnel rates behind a
budget plan (landing rate, registration rate, cost per registration).

``creative_test`` runs a fair A/B (or A/B/C) test of creatives: one ad set per creative, the
same spec, budget and dates, in one Ads Manager, so the ad sets split the audience's auctions
evenly. ``ctr_difference`` says whether two ads' click-through rates differ by more than luck.

Example:
    >>> from sandbox import World
    >>> from sandbox.ads import Targeting
    >>> world = World(seed=7, size=3_000)
    >>> city = world.brands["city"].iloc[0]
    >>> table = compare_audiences(world, {"coffee": Targeting(platforms=["pixa"], cities=[city],
    ...                                                       interests=["coffee"])}, days=3)
    >>> list(table.index)
    ['coffee']
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from . import params as P  # noqa: N812
from .ads import AdsManager, Creative, Targeting
from .errors import SandboxInputError, check_choice, check_positive_int

if TYPE_CHECKING:
    from .ads import AdsResults
    from .world import World

FORMAT_PREFERENCE: tuple[str, ...] = ("image", "carousel", "short_video", "video", "text", "link", "story")
"""Formats tried, in order, for a default creative that every platform of a spec runs."""

COMPARE_COLUMNS: tuple[str, ...] = (
    "platforms",
    "audience_size",
    "spend",
    "impressions",
    "reach",
    "frequency",
    "clicks",
    "ctr",
    "cpc",
    "cpm",
    "visits",
    "landing_rate",
    "registrations",
    "registration_rate",
    "cost_per_registration",
    "purchases",
    "revenue",
    "roas",
    "learning",
)
"""Columns of ``compare_audiences``' table (its index is the audience's name)."""


def default_creative(platforms: list[str] | tuple[str, ...]) -> Creative:
    """Return an ordinary creative that every platform in ``platforms`` can run.

    Args:
        platforms: Platform slugs, e.g. ``["pixa", "circles"]``.

    Returns:
        A ``Creative`` with the first format of ``FORMAT_PREFERENCE`` that all of them run,
        90 characters of text, a short headline and a "learn more" button.

    Raises:
        SandboxInputError: If no format runs on all of them (e.g. Beacon runs text only,
            Loop no text): give a creative yourself, or test the platforms separately.
    """
    for p in platforms:
        check_choice("platforms", p, P.AD_PLATFORMS)
    for fmt in FORMAT_PREFERENCE:
        if all(fmt in P.AD_PLATFORMS[p].ad_formats for p in platforms):
            return Creative(format=fmt, text_length=90, headline="See what is new this week", visual_fit=0.6)
    raise SandboxInputError(
        "platforms",
        f"no ad format runs on all of {list(platforms)}; give a creative=... that they all run, "
        "or test those platforms in separate specs.",
    )


def _ratio(a: float, b: float) -> float:
    return float(a) / float(b) if b else float("nan")


def compare_audiences(
    world: World,
    specs: Mapping[str, Targeting | Mapping[str, Any]],
    *,
    daily_budget: float = 20.0,
    days: int = 14,
    objective: str = "traffic",
    creative: Creative | None = None,
    start: str | pd.Timestamp | None = None,
) -> pd.DataFrame:
    """Run one ad set per targeting spec, each alone, and compare what they delivered.

    Every audience gets the same budget, flight, objective and creative, so the differences
    come from the audiences. Each runs in its own ``AdsManager``: they never share auctions.

    Args:
        world: The world to advertise in.
        specs: Audience name -> ``Targeting`` (or a dict of its fields).
        daily_budget: USD a day for each audience.
        days: Days of delivery, from ``start``.
        objective: ``reach``, ``traffic``, ``leads`` or ``sales``.
        creative: The creative every audience sees (default: ``default_creative`` of each
            spec's platforms).
        start: First day (default: the world's start date).

    Returns:
        One row per audience (index: its name) with ``COMPARE_COLUMNS``: rates are
        fractions (CTR 0.009 = 0.9%), money in USD; ``landing_rate`` = visits / clicks,
        ``registration_rate`` = registrations / visits, ``cost_per_registration`` = spend /
        registrations, ``learning`` = the learning-phase status on the last day. Rates
        whose denominator is 0 are NaN.

    Raises:
        SandboxInputError: For an empty ``specs``, a bad spec, budget or date.
    """
    if not isinstance(specs, Mapping) or not specs:
        raise SandboxInputError(
            "specs", 'give a dict of audience name -> Targeting, e.g. {"coffee fans": Targeting(...)}.'
        )
    days = check_positive_int("days", days)
    check_choice("objective", objective, P.OBJECTIVES)
    rows = []
    for name, spec in specs.items():
        ads = AdsManager(world)
        first = ads._date("start", start if start is not None else world.start_date)
        end = ads._date("days", first + pd.Timedelta(days=days - 1))
        camp = ads.create_campaign("test", objective=objective)
        aset = camp.create_ad_set(str(name), spec, daily_budget=daily_budget, start=first, end=end)
        aset.create_ad("ad", creative if creative is not None else default_creative(aset.targeting.platforms))
        row = ads.run().ad_sets.iloc[0]
        rows.append(
            {
                "audience": str(name),
                "platforms": ", ".join(aset.targeting.platforms),
                "audience_size": int(row["audience_size"]),
                "spend": float(row["spend"]),
                "impressions": int(row["impressions"]),
                "reach": int(row["reach"]),
                "frequency": _ratio(row["impressions"], row["reach"]),
                "clicks": int(row["clicks"]),
                "ctr": _ratio(row["clicks"], row["impressions"]),
                "cpc": _ratio(row["spend"], row["clicks"]),
                "cpm": _ratio(1000 * row["spend"], row["impressions"]),
                "visits": int(row["visits"]),
                "landing_rate": _ratio(row["visits"], row["clicks"]),
                "registrations": int(row["registrations"]),
                "registration_rate": _ratio(row["registrations"], row["visits"]),
                "cost_per_registration": _ratio(row["spend"], row["registrations"]),
                "purchases": int(row["purchases"]),
                "revenue": float(row["revenue"]),
                "roas": _ratio(row["revenue"], row["spend"]),
                "learning": str(row["status"]),
            }
        )
    table = pd.DataFrame(rows).set_index("audience")
    for c in ("platforms", "learning"):
        table[c] = table[c].astype("str")
    table.index = table.index.astype("str")
    return table[list(COMPARE_COLUMNS)]


def creative_test(
    world: World,
    spec: Targeting | Mapping[str, Any],
    creatives: Mapping[str, Creative],
    *,
    daily_budget: float = 20.0,
    days: int = 10,
    objective: str = "traffic",
) -> AdsResults:
    """Run a fair test of creatives: one ad set per creative, same audience, budget and dates.

    The ad sets target the same people, so the sandbox splits those people's auctions evenly
    between them (they never bid against each other), as the A/B test tools of ad platforms
    do. Two ads inside one ad set would not be a fair test: delivery favours the one it
    expects to do better.

    Args:
        world: The world to advertise in.
        spec: The audience every creative is shown to.
        creatives: Name -> ``Creative`` (at least two); the names become the ad sets' and ads'
            names.
        daily_budget: USD a day for each creative.
        days: Days of delivery from the world's start date.
        objective: ``reach``, ``traffic``, ``leads`` or ``sales``.

    Returns:
        The run's ``AdsResults`` (``.ad_sets`` has one row per creative).

    Raises:
        SandboxInputError: For fewer than two creatives or a bad spec, budget or length.
    """
    if not isinstance(creatives, Mapping) or len(creatives) < 2:
        raise SandboxInputError(
            "creatives", 'give at least two, e.g. {"A": Creative(...), "B": Creative(...)}.'
        )
    days = check_positive_int("days", days)
    ads = AdsManager(world)
    end = ads._date("days", world.start_date + pd.Timedelta(days=days - 1))
    camp = ads.create_campaign("creative test", objective=objective)
    for name, creative in creatives.items():
        camp.create_ad_set(str(name), spec, daily_budget=daily_budget, end=end).create_ad(str(name), creative)
    return ads.run()


def ctr_difference(clicks_a: int, impressions_a: int, clicks_b: int, impressions_b: int) -> pd.Series:
    """Compare two click-through rates: the difference and its 95% interval.

    Uses the normal approximation for a difference of two proportions, which is fine once
    each ad has a few dozen clicks.

    Args:
        clicks_a: Clicks of ad A.
        impressions_a: Impressions of ad A.
        clicks_b: Clicks of ad B.
        impressions_b: Impressions of ad B.

    Returns:
        ``ctr_a``, ``ctr_b``, ``diff`` (B minus A, in CTR points as a fraction), ``low`` and
        ``high`` (the 95% interval of the difference) and ``clear`` (True when the interval
        does not include 0: the difference is more than luck).

    Raises:
        SandboxInputError: For negative counts, more clicks than impressions, or no
            impressions.
    """
    values = {
        "clicks_a": clicks_a,
        "impressions_a": impressions_a,
        "clicks_b": clicks_b,
        "impressions_b": impressions_b,
    }
    for name, v in values.items():
        if isinstance(v, bool) or not isinstance(v, int | float | np.integer | np.floating) or v < 0:
            raise SandboxInputError(name, f"must be a count of 0 or more, got {v!r}.")
    for c, n, side in ((clicks_a, impressions_a, "a"), (clicks_b, impressions_b, "b")):
        if n <= 0:
            raise SandboxInputError(
                f"impressions_{side}", "must be more than 0: an ad needs impressions to have a CTR."
            )
        if c > n:
            raise SandboxInputError(f"clicks_{side}", f"{c} clicks is more than {n} impressions.")
    pa, pb = clicks_a / impressions_a, clicks_b / impressions_b
    se = math.sqrt(pa * (1 - pa) / impressions_a + pb * (1 - pb) / impressions_b)
    diff = pb - pa
    low, high = diff - 1.96 * se, diff + 1.96 * se
    return pd.Series(
        {
            "ctr_a": pa,
            "ctr_b": pb,
            "diff": diff,
            "low": low,
            "high": high,
            "clear": bool(low > 0 or high < 0),
        },
        dtype=object,
        name="ctr difference",
    )
