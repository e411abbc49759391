"""What the learner fills in: the capstone plan (posts, ad sets, one influencer deal, moderation).

A ``CapstonePlan`` gathers every decision of the campaign in one object:

- ``posts``: the content calendar, a DataFrame with the columns of ``sandbox.PLAN_COLUMNS``
  (as for ``world.run_plan``);
- ``ad_sets``: a list of ``AdSetSpec`` (targeting, budget, objective, creative, flight);
- ``deal``: one ``sandbox.ads.Deal`` with an influencer from ``marketplace(world)``;
- ``contest_prize``: the prize of each contest post, in USD;
- ``moderation``: the ``ModerationRules`` applied to the campaign's comments.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field, fields
from typing import TYPE_CHECKING, Any

import pandas as pd

from .. import params as P  # noqa: N812
from ..ads.campaigns import AdSet, AdsManager
from ..ads.creative import Creative
from ..ads.influencer_deals import Deal
from ..ads.targeting import Targeting
from ..errors import SandboxInputError, check_date
from ..plan import Post
from .moderation import ModerationRules

if TYPE_CHECKING:
    from .brief import Brief


def _is_money(value: Any) -> bool:
    return (
        not isinstance(value, bool) and isinstance(value, numbers.Real) and math.isfinite(value) and value > 0
    )


@dataclass(frozen=True)
class AdSetSpec:
    """One ad set of the capstone plan (it runs in its own campaign with one ad).

    Attributes:
        name: Unique name of the ad set.
        targeting: A ``sandbox.ads.Targeting`` (or a dict of its fields).
        daily_budget: USD a day (give this or ``lifetime_budget``).
        lifetime_budget: USD over the whole flight (never exceeded).
        objective: ``reach``, ``traffic``, ``leads`` or ``sales``.
        creative: A ``sandbox.ads.Creative`` (or a dict of its fields); None: an image (or the
            first format every chosen platform runs) with default text.
        start: First day (None: the campaign's first day).
        end: Last day, inclusive (None: the campaign's last day).
        bid_cap: Highest bid per result in USD, or None for lowest-cost bidding.
    """

    name: str
    targeting: Targeting | Mapping[str, Any]
    daily_budget: float | None = None
    lifetime_budget: float | None = None
    objective: str = "leads"
    creative: Creative | Mapping[str, Any] | None = None
    start: str | pd.Timestamp | None = None
    end: str | pd.Timestamp | None = None
    bid_cap: float | None = None

    def flight(self, brief: Brief) -> tuple[pd.Timestamp, pd.Timestamp]:
        """Return the first and last day of delivery (defaults: the campaign's first and last day).

        Args:
            brief: The brief.

        Returns:
            ``(start, end)``, both inclusive.

        Raises:
            SandboxInputError: If a date cannot be read.
        """
        out = []
        for name, value, default in (("start", self.start, brief.start), ("end", self.end, brief.last_day)):
            if value is None:
                out.append(default)
                continue
            out.append(check_date(name, value))
        return out[0], out[1]

    def max_spend(self, brief: Brief) -> float:
        """Return the most this ad set can spend over its flight, in USD.

        A lifetime budget is never exceeded. A daily budget may spend up to 25% more on a day
        but at most 7 x the budget in a calendar week (Monday to Sunday), so over a flight
        the most is, week by week, ``min(7, 1.25 x flight days in that week) x budget``.

        Args:
            brief: The brief (for the default flight).

        Returns:
            USD; 0 if the budget is missing or not a positive number.
        """
        if self.lifetime_budget is not None:
            return float(self.lifetime_budget) if _is_money(self.lifetime_budget) else 0.0
        if not _is_money(self.daily_budget):
            return 0.0
        start, end = self.flight(brief)
        if end < start:
            return 0.0
        days = pd.date_range(start, end, freq="D")
        per_week = pd.Series(1, index=days).groupby(days.to_period("W-SUN")).size()
        factor = sum(min(P.WEEK_BUDGET_DAYS, (1.0 + P.DAILY_OVERSPEND) * n) for n in per_week)
        return float(self.daily_budget) * float(factor)

    def add_to(self, manager: AdsManager, brief: Brief) -> AdSet:
        """Create this ad set (in a campaign of the same name, with one ad) in an Ads Manager.

        Args:
            manager: The Ads Manager of the brief's world.
            brief: The brief (default flight).

        Returns:
            The ad set.

        Raises:
            SandboxInputError: For anything the Ads Manager refuses, naming the field.
        """
        start, end = self.flight(brief)
        camp = manager.create_campaign(self.name, objective=self.objective)
        aset = camp.create_ad_set(
            self.name,
            self.targeting_spec(),
            daily_budget=self.daily_budget,
            lifetime_budget=self.lifetime_budget,
            start=start,
            end=end,
            bid_cap=self.bid_cap,
        )
        aset.create_ad("ad", self.make_creative())
        return aset

    def make_creative(self) -> Creative:
        """Return the ad's creative (built from a dict, or a default that fits the platforms).

        Returns:
            The creative.

        Raises:
            SandboxInputError: For a dict with unknown fields or bad values.
        """
        if isinstance(self.creative, Creative):
            return self.creative
        if isinstance(self.creative, Mapping):
            try:
                return Creative(**self.creative)
            except TypeError as exc:
                raise SandboxInputError(
                    "creative", f"{exc}. Fields: format, text_length, headline, cta, visual_fit."
                ) from None
        if self.creative is not None:
            raise SandboxInputError(
                "creative", f"must be a Creative or a dict of its fields, got {type(self.creative).__name__}."
            )
        platforms = self.targeting_spec().platforms
        shared = [
            f
            for f in P.AD_PLATFORMS[platforms[0]].ad_formats
            if all(f in P.AD_PLATFORMS[p].ad_formats for p in platforms)
        ]
        fmt = "image" if "image" in shared else (shared[0] if shared else "image")
        return Creative(format=fmt)

    def targeting_spec(self) -> Targeting:
        """Return the targeting as a ``Targeting`` (built from a dict if needed).

        Returns:
            The targeting spec.

        Raises:
            SandboxInputError: For unknown fields or bad values.
        """
        if isinstance(self.targeting, Targeting):
            return self.targeting
        if isinstance(self.targeting, Mapping):
            try:
                return Targeting(**self.targeting)
            except TypeError as exc:
                raise SandboxInputError(
                    "targeting",
                    f"{exc}. Fields: platforms, countries, cities, age_min, age_max, genders, interests, "
                    "jobs, placements, custom_audiences, exclude.",
                ) from None
        raise SandboxInputError(
            "targeting", f"must be a Targeting or a dict of its fields, got {type(self.targeting).__name__}."
        )


def as_ad_set_spec(item: AdSetSpec | Mapping[str, Any], position: int) -> AdSetSpec:
    """Return an ``AdSetSpec`` from a spec or a dict of its fields.

    Args:
        item: The spec or a dict like ``{"name": ..., "targeting": ..., "daily_budget": ...}``.
        position: Its position in the plan's list (for the error message).

    Returns:
        The spec.

    Raises:
        SandboxInputError: Naming ``ad_sets`` for anything else or unknown keys.
    """
    if isinstance(item, AdSetSpec):
        return item
    if isinstance(item, Mapping):
        allowed = [f.name for f in fields(AdSetSpec)]
        unknown = [k for k in item if k not in allowed]
        if unknown or "name" not in item or "targeting" not in item:
            raise SandboxInputError(
                "ad_sets",
                f"item {position} has unknown keys {unknown} or lacks 'name'/'targeting'. "
                f"Allowed keys: {', '.join(allowed)}.",
            )
        return AdSetSpec(**dict(item))
    raise SandboxInputError(
        "ad_sets", f"item {position} is a {type(item).__name__}; use AdSetSpec(...) or a dict of its fields."
    )


@dataclass
class CapstonePlan:
    """Your capstone campaign: content calendar, ad sets, one influencer deal, prizes, moderation.

    Attributes:
        posts: The content calendar: a DataFrame (columns of ``sandbox.PLAN_COLUMNS``) or a
            list of ``Post`` objects or dicts; None or empty for no posts.
        ad_sets: ``AdSetSpec`` objects (or dicts of their fields); empty for no ads.
        deal: One influencer ``Deal`` (kind ``paid_post``, ``giveaway`` or ``takeover``).
        contest_prize: Prize of each contest post (rubric ``contest``), USD.
        moderation: Which comments to hide.
        name: Name of the plan on the leaderboard.
    """

    posts: pd.DataFrame | list[Post | Mapping[str, Any]] | None = None
    ad_sets: list[AdSetSpec | Mapping[str, Any]] = field(default_factory=list)
    deal: Deal | None = None
    contest_prize: float = 0.0
    moderation: ModerationRules = field(default_factory=ModerationRules)
    name: str = "your plan"

    def posts_table(self) -> pd.DataFrame:
        """Return the content calendar as a DataFrame (empty when there are no posts).

        Returns:
            The posts, one row each, as given (not yet checked).

        Raises:
            SandboxInputError: If ``posts`` is neither a DataFrame nor a list of posts.
        """
        if self.posts is None:
            return pd.DataFrame(columns=["platform", "time"])
        if isinstance(self.posts, pd.DataFrame):
            return self.posts.copy()
        if isinstance(self.posts, str | bytes) or not isinstance(self.posts, Iterable):
            raise SandboxInputError(
                "posts", f"must be a DataFrame or a list of posts, got {type(self.posts).__name__}."
            )
        rows = []
        for i, p in enumerate(self.posts):
            if not isinstance(p, Post | Mapping):
                raise SandboxInputError("posts", f"row {i} is a {type(p).__name__}; use a Post or a dict.")
            rows.append(asdict(p) if isinstance(p, Post) else dict(p))
        return pd.DataFrame(rows) if rows else pd.DataFrame(columns=["platform", "time"])

    def ad_set_specs(self) -> list[AdSetSpec]:
        """Return the ad sets as ``AdSetSpec`` objects.

        Returns:
            The specs, in order.

        Raises:
            SandboxInputError: If ``ad_sets`` is not a list of specs or dicts.
        """
        if isinstance(self.ad_sets, AdSetSpec | Mapping | str) or not isinstance(self.ad_sets, Iterable):
            raise SandboxInputError("ad_sets", "must be a list of AdSetSpec objects (or dicts), e.g. [spec].")
        return [as_ad_set_spec(item, i) for i, item in enumerate(self.ad_sets)]

    def contests(self) -> int:
        """Return the number of contest posts (rubric ``contest``) in the calendar.

        Returns:
            A count.
        """
        posts = self.posts_table()
        if "rubric" not in posts.columns:
            return 0
        return int((posts["rubric"].astype("str") == "contest").sum())

    def __repr__(self) -> str:
        try:
            n_posts: int | str = len(self.posts_table())
        except SandboxInputError:
            n_posts = "?"
        prize = self.contest_prize
        prize_text = f"${prize:,.2f}" if isinstance(prize, int | float) else repr(prize)
        mod = self.moderation
        mod_text = (
            f"links {'hidden' if mod.hide_links else 'kept'}, {len(mod.hide_words)} word(s)"
            if isinstance(mod, ModerationRules)
            else repr(mod)
        )
        deal = (
            f"{self.deal.kind} with influencer {self.deal.influencer_id}"
            if isinstance(self.deal, Deal)
            else "none"
        )
        n_sets = len(self.ad_sets) if isinstance(self.ad_sets, list | tuple) else "?"
        return (
            f"CapstonePlan({self.name!r}: {n_posts} posts, {n_sets} ad set(s), deal: {deal}, "
            f"contest prize {prize_text}, moderation: {mod_text})"
        )
