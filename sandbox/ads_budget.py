"""Budget arithmetic for paid campaigns: plan backwards from a goal, split, learning-phase floor.

The funnel of a campaign is impressions -> link clicks -> site visits -> registrations:

- clicks = impressions x CTR, visits = clicks x landing rate, registrations = visits x
  registration rate;
- so, backwards, the clicks needed for a goal = goal / (landing rate x registration rate),
  and the budget = clicks x CPC (= impressions x CPM / 1000, since CPM = CPC x CTR x 1000).

``budget_for_goal`` does that arithmetic; ``split_budget`` divides an amount by weights in
whole cents; ``learning_budget`` is the daily budget an ad set needs to collect the ~50
optimisation events of the learning phase in a week. ``practice_charges`` builds a practice
spend report with a few days that break the pacing rules, for the budget lesson's audit.

Example:
    >>> plan = budget_for_goal(200, cpc=1.2, ctr=0.009, landing_rate=0.8, registration_rate=0.08)
    >>> round(float(plan["budget"]), 2)
    3750.0
    >>> split_budget(100, {"pixa": 2, "loop": 1}).tolist()
    [66.67, 33.33]
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from . import params as P  # noqa: N812
from .ads import AdsManager, Targeting
from .ads_trials import default_creative
from .errors import SandboxInputError
from .seeding import stream
from .taxonomy import NICHES

if TYPE_CHECKING:
    from .world import World

PLAN_ROWS: tuple[str, ...] = (
    "registrations",
    "visits",
    "clicks",
    "impressions",
    "budget",
    "cpm",
    "cost_per_registration",
)
"""Index of ``budget_for_goal``'s result, in funnel order."""

CHARGES_COLUMNS: tuple[str, ...] = ("date", "ad_set", "budget_type", "budget", "spend")
"""Columns of ``practice_charges``."""


def _number(parameter: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | np.integer | np.floating):
        raise SandboxInputError(parameter, f"must be a number, got {value!r}.")
    value = float(value)
    if not np.isfinite(value):
        raise SandboxInputError(parameter, f"must be a finite number, got {value!r}.")
    return value


def _positive(parameter: str, value: Any) -> float:
    value = _number(parameter, value)
    if value <= 0:
        raise SandboxInputError(parameter, f"must be more than 0, got {value!r}.")
    return value


def _rate(parameter: str, value: Any) -> float:
    value = _number(parameter, value)
    if not 0 < value <= 1:
        raise SandboxInputError(
            parameter, f"must be a fraction above 0 and at most 1 (0.9% is 0.009), got {value!r}."
        )
    return value


def budget_for_goal(
    goal: float, *, cpc: float, ctr: float, landing_rate: float, registration_rate: float
) -> pd.Series:
    """Work backwards from a registrations goal to the clicks, impressions and budget it needs.

    Args:
        goal: Registrations wanted.
        cpc: Cost per link click, USD.
        ctr: Link clicks per impression, a fraction (0.009 = 0.9%).
        landing_rate: Site visits per click (the landing page loaded), a fraction.
        registration_rate: Registrations per site visit, a fraction.

    Returns:
        ``PLAN_ROWS``: registrations, visits, clicks, impressions needed (not rounded), the
        budget in USD, the CPM those prices imply (CPC x CTR x 1000) and the cost per
        registration (budget / goal).

    Raises:
        SandboxInputError: For a goal or CPC of 0 or less, or a rate outside (0, 1].
    """
    goal = _positive("goal", goal)
    cpc = _positive("cpc", cpc)
    ctr = _rate("ctr", ctr)
    landing_rate = _rate("landing_rate", landing_rate)
    registration_rate = _rate("registration_rate", registration_rate)
    visits = goal / registration_rate
    clicks = visits / landing_rate
    budget = clicks * cpc
    return pd.Series(
        {
            "registrations": goal,
            "visits": visits,
            "clicks": clicks,
            "impressions": clicks / ctr,
            "budget": budget,
            "cpm": cpc * ctr * 1000,
            "cost_per_registration": budget / goal,
        },
        name="plan",
    )


def split_budget(total: float, weights: Mapping[str, float]) -> pd.Series:
    """Split an amount by weights, in whole cents that add up to the amount exactly.

    Args:
        total: USD to split.
        weights: Name -> weight (shares, scores, expected results...); 0 gets nothing.

    Returns:
        USD per name (rounded to cents, largest remainders get the leftover cents), in
        the order of ``weights``.

    Raises:
        SandboxInputError: For a negative total or weight, or weights that are all 0.
    """
    total = _number("total", total)
    if total < 0:
        raise SandboxInputError("total", f"must be 0 or more USD, got {total!r}.")
    if not isinstance(weights, Mapping) or not weights:
        raise SandboxInputError("weights", 'give a dict of name -> weight, e.g. {"pixa": 0.6, "loop": 0.4}.')
    w = np.array([_number(f"weights[{k!r}]", v) for k, v in weights.items()])
    if (w < 0).any():
        raise SandboxInputError("weights", "must all be 0 or more.")
    if w.sum() <= 0:
        raise SandboxInputError("weights", "are all 0; give at least one positive weight.")
    cents = int(round(total * 100))
    raw = cents * w / w.sum()
    base = np.floor(raw).astype(np.int64)
    rest = cents - int(base.sum())
    if rest > 0:
        base[np.argsort(-(raw - base), kind="stable")[:rest]] += 1
    return pd.Series(base / 100.0, index=pd.Index(list(weights), dtype="str"), name="budget")


def learning_budget(
    cost_per_event: float, *, events: int = P.LEARNING_EVENTS, days: int = P.LEARNING_DAYS
) -> float:
    """Return the daily budget that buys the learning phase's events within its days.

    Args:
        cost_per_event: What one optimisation event costs (CPC for traffic, cost per
            registration for leads, CPA for sales), USD.
        events: Events that end the learning phase (default 50).
        days: Days to collect them in (default 7).

    Returns:
        USD a day: ``events x cost_per_event / days``.
    """
    cost_per_event = _positive("cost_per_event", cost_per_event)
    return events * cost_per_event / days


def _practice_run(world: World) -> pd.DataFrame:
    ads = AdsManager(world)
    panel = ads.panel
    niche = NICHES[world.niche]
    place = {"cities": [panel.brand_city]} if niche.local else {"countries": [panel.brand_country]}
    first = world.start_date
    camp = ads.create_campaign("Spring", objective="traffic")
    sets = (
        ("feed daily", "pixa", {"daily_budget": 25.0, "end": first + pd.Timedelta(days=20)}),
        ("communities daily", "circles", {"daily_budget": 15.0, "end": first + pd.Timedelta(days=20)}),
        ("video lifetime", "loop", {"lifetime_budget": 300.0, "end": first + pd.Timedelta(days=13)}),
    )
    for name, platform, budget in sets:
        spec = Targeting(platforms=[platform], interests=list(niche.core_interests), **place)
        aset = camp.create_ad_set(name, spec, **budget)
        aset.create_ad("ad", default_creative([platform]))
    daily = ads.run().daily
    return daily[list(CHARGES_COLUMNS)].copy()


def practice_charges(world: World) -> pd.DataFrame:
    """Return a practice spend report to audit: a real run's daily charges, a few edited.

    Three ad sets ran in ``world``: two with daily budgets for three weeks and one with a
    lifetime budget for two. The sandbox keeps every pacing rule; in this report a few days
    were then edited (as if by a reseller's billing error), differently in every world: one
    day above 125% of its daily budget, one calendar week whose days each stay under 125%
    but add up to more than 7 x the daily budget, and a lifetime ad set charged more than
    its lifetime budget in total.

    Args:
        world: The world (the edits depend on its seed).

    Returns:
        One row per ad set and day: ``date``, ``ad_set``, ``budget_type`` (``daily`` or
        ``lifetime``), ``budget`` (the daily budget, or the whole lifetime budget) and
        ``spend`` (USD charged that day).
    """
    log = _practice_run(world)
    rng = stream(world.seed, "practice-charges")
    spend = log["spend"].to_numpy(dtype=float).copy()
    budget = log["budget"].to_numpy(dtype=float)
    dates = pd.DatetimeIndex(log["date"])
    week = np.asarray(dates.to_period("W").astype("str"))
    name = log["ad_set"].to_numpy(dtype=object)

    def full_weeks(ad_set: str) -> list[str]:
        counts = pd.Series(week[name == ad_set]).value_counts()
        return sorted(counts.index[counts == 7]) or sorted(counts.index)

    # one day far above 125% of the daily budget
    chosen = full_weeks("feed daily")
    rows = np.flatnonzero((name == "feed daily") & (week == chosen[int(rng.integers(0, len(chosen)))]))
    day = int(rng.choice(rows))
    spend[day] = budget[day] * rng.uniform(1.32, 1.6)
    # a week of days each just under 125%, more than 7 x the daily budget in total
    chosen = full_weeks("communities daily")
    rows = np.flatnonzero((name == "communities daily") & (week == chosen[int(rng.integers(0, len(chosen)))]))
    spend[rows] = budget[rows] * rng.uniform(1.14, 1.24, size=rows.size)
    # the lifetime budget overspent on the last days (6-15% over in total)
    rows = np.flatnonzero(name == "video lifetime")
    last = rows[-int(rng.integers(2, 5)) :]
    over = budget[rows[0]] * rng.uniform(1.06, 1.15) - spend[rows].sum()
    spend[last] += max(over, 0.0) * rng.dirichlet(np.ones(last.size))
    out = log.copy()
    out["spend"] = np.floor(spend * 100 + 1e-7) / 100
    return out.sort_values(["ad_set", "date"], kind="stable").reset_index(drop=True)
