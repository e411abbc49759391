"""The Ads-Manager-like API: campaigns, ad sets, ads, audiences, estimates and a run.

Example:
    >>> from sandbox import World
    >>> from sandbox.ads import AdsManager, Creative, Targeting
    >>> world = World(seed=7, size=5_000)
    >>> ads = AdsManager(world)
    >>> camp = ads.create_campaign("Spring", objective="traffic")
    >>> spec = Targeting(platforms=["pixa"], countries=["United States"], interests=["coffee"])
    >>> aset = camp.create_ad_set("coffee lovers", spec, daily_budget=20, end="2026-03-08")
    >>> _ = aset.create_ad("latte", Creative(format="image", headline="Your latte is ready"))
    >>> results = ads.run()
    >>> int(results.ad_sets["spend"].iloc[0]) > 0
    True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .. import params as P  # noqa: N812
from ..errors import SandboxInputError, check_choice, check_date
from . import audiences as A  # noqa: N812
from .creative import Creative
from .estimate import AudienceEstimate, estimate_audience, overlap_table
from .panel import MarketPanel, market_panel
from .targeting import Targeting

if TYPE_CHECKING:
    from ..world import World
    from .results import AdsResults

OBJECTIVES: tuple[str, ...] = tuple(P.OBJECTIVES)
BID_STRATEGIES: tuple[str, ...] = ("lowest_cost", "bid_cap")


def _check_name(parameter: str, name: Any, taken: Iterable[str]) -> str:
    if not isinstance(name, str) or not name.strip():
        raise SandboxInputError(parameter, f"must be a non-empty text, got {name!r}.")
    name = name.strip()
    if "/" in name:
        raise SandboxInputError(parameter, f"{name!r} contains '/'; use a name without slashes.")
    if name in set(taken):
        raise SandboxInputError(parameter, f"{name!r} is already used here; give each one its own name.")
    return name


def _money(parameter: str, value: Any) -> float:
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float | np.integer | np.floating)
        or np.isnan(value)
    ):
        raise SandboxInputError(parameter, f"must be an amount in USD, got {value!r}.")
    if value <= 0:
        raise SandboxInputError(
            parameter, f"must be more than 0 USD, got {value!r}. Set a positive amount, e.g. {parameter}=20."
        )
    return float(value)


class Ad:
    """One ad: a creative inside an ad set.

    Attributes:
        name: The ad's name (unique within its ad set).
        creative: What it shows.
        ad_set: The ad set it belongs to.
    """

    def __init__(self, name: str, creative: Creative, ad_set: AdSet) -> None:
        self.name = name
        self.creative = creative
        self.ad_set = ad_set

    def __repr__(self) -> str:
        c = self.creative
        return (
            f"Ad({self.name!r}: {c.format}, {c.text_length} chars, CTA {c.cta}, visual fit {c.visual_fit:g})"
        )


class AdSet:
    """An ad set: who to reach (targeting), how much to spend, when, and how to bid.

    Create ad sets with ``Campaign.create_ad_set``; the attributes are read-only views of
    what was checked there.

    Attributes:
        name: The ad set's name (unique in the ``AdsManager``).
        campaign: The campaign it belongs to.
        targeting: The targeting spec.
        daily_budget: USD a day, or None.
        lifetime_budget: USD over the whole flight, or None.
        start: First day of delivery.
        end: Last day of delivery (inclusive), or None to run to the end of the simulation.
        hours: Hours of the day ads may show (lifetime budgets only), or None for all day.
        bid_strategy: ``"lowest_cost"`` or ``"bid_cap"``.
        bid_cap: Highest bid per result (per 1000 impressions for reach), or None.
        budget_changes: Date -> new daily budget from that day on.
        ads: The ads.
    """

    def __init__(self, campaign: Campaign, name: str, targeting: Targeting, **kw: Any) -> None:
        self.campaign = campaign
        self.name = name
        self.targeting = targeting
        self.daily_budget: float | None = kw["daily_budget"]
        self.lifetime_budget: float | None = kw["lifetime_budget"]
        self.start: pd.Timestamp = kw["start"]
        self.end: pd.Timestamp | None = kw["end"]
        self.hours: tuple[int, ...] | None = kw["hours"]
        self.bid_strategy: str = kw["bid_strategy"]
        self.bid_cap: float | None = kw["bid_cap"]
        self.budget_changes: dict[pd.Timestamp, float] = kw["budget_changes"]
        self.ads: list[Ad] = []

    @property
    def key(self) -> str:
        """Stable id of the ad set for randomness: ``"campaign/ad set"``."""
        return f"{self.campaign.name}/{self.name}"

    @property
    def objective(self) -> str:
        """The campaign's objective."""
        return self.campaign.objective

    @property
    def budget_type(self) -> str:
        """``"daily"`` or ``"lifetime"``."""
        return "daily" if self.daily_budget is not None else "lifetime"

    def daily_budget_on(self, day: pd.Timestamp) -> float:
        """Return the daily budget in effect on a day (after scheduled changes).

        Args:
            day: The day.

        Returns:
            USD.
        """
        budget = float(self.daily_budget or 0.0)
        for when in sorted(self.budget_changes):
            if when <= day:
                budget = self.budget_changes[when]
        return budget

    def create_ad(self, name: str, creative: Creative | None = None, **creative_fields: Any) -> Ad:
        """Add an ad with a creative (or the creative's fields as keyword arguments).

        Args:
            name: The ad's name.
            creative: A ``Creative``; or pass its fields, e.g. ``format="carousel"``.
            **creative_fields: Fields of ``Creative`` when ``creative`` is None.

        Returns:
            The ad.

        Raises:
            SandboxInputError: For a duplicate name or a creative a platform cannot run.
        """
        name = _check_name("name", name, [a.name for a in self.ads])
        if creative is None:
            try:
                creative = Creative(**creative_fields)
            except TypeError as exc:
                raise SandboxInputError(
                    "creative", f"{exc}. Fields: format, text_length, headline, cta, visual_fit."
                ) from None
        elif creative_fields:
            raise SandboxInputError("creative", "give a Creative or its fields, not both.")
        if not isinstance(creative, Creative):
            raise SandboxInputError("creative", f"must be a Creative, got {type(creative).__name__}.")
        for p in self.targeting.platforms:
            creative.check_platform(p)
        ad = Ad(name, creative, self)
        self.ads.append(ad)
        return ad

    def __repr__(self) -> str:
        budget = (
            f"${self.daily_budget:,.2f}/day"
            if self.daily_budget is not None
            else f"${self.lifetime_budget:,.2f} lifetime"
        )
        end = self.end.date() if self.end is not None else "open"
        return (
            f"AdSet({self.name!r} in {self.campaign.name!r}: {budget}, {self.start.date()} to {end}, "
            f"{self.bid_strategy}{'' if self.bid_cap is None else f' ${self.bid_cap:g}'}, "
            f"{len(self.ads)} ad(s); "
            f"{self.targeting.describe()})"
        )


class Campaign:
    """A campaign: one objective, any number of ad sets.

    Attributes:
        name: The campaign's name.
        objective: ``reach``, ``traffic``, ``leads`` or ``sales``.
        ad_sets: Its ad sets.
        manager: The ``AdsManager`` it belongs to.
    """

    def __init__(self, manager: AdsManager, name: str, objective: str) -> None:
        self.manager = manager
        self.name = name
        self.objective = objective
        self.ad_sets: list[AdSet] = []

    def create_ad_set(
        self,
        name: str,
        targeting: Targeting | Mapping[str, Any],
        *,
        daily_budget: float | None = None,
        lifetime_budget: float | None = None,
        start: str | pd.Timestamp | None = None,
        end: str | pd.Timestamp | None = None,
        hours: Iterable[int] | None = None,
        bid_strategy: str | None = None,
        bid_cap: float | None = None,
        budget_changes: Mapping[str | pd.Timestamp, float] | None = None,
    ) -> AdSet:
        """Add an ad set.

        Args:
            name: Unique name.
            targeting: A ``Targeting`` (or a dict of its fields).
            daily_budget: USD a day (give this or ``lifetime_budget``).
            lifetime_budget: USD over the flight (needs ``end``).
            start: First day (default: the world's start date).
            end: Last day, inclusive (default: run to the end of the simulation).
            hours: Hours of the day to show ads (0-23); lifetime budgets only.
            bid_strategy: ``"lowest_cost"`` (automatic) or ``"bid_cap"``; default
                ``"bid_cap"`` when ``bid_cap`` is given.
            bid_cap: Highest bid per result (USD; per 1000 impressions for reach).
            budget_changes: ``{date: new daily budget}`` scheduled edits.

        Returns:
            The ad set.

        Raises:
            SandboxInputError: Naming the field and the fix for any bad value, including
                an audience nobody in the world matches.
        """
        m = self.manager
        name = _check_name("name", name, [s.name for s in m.ad_sets])
        if isinstance(targeting, Mapping):
            targeting = Targeting(**targeting)
        if not isinstance(targeting, Targeting):
            raise SandboxInputError("targeting", f"must be a Targeting, got {type(targeting).__name__}.")
        if (daily_budget is None) == (lifetime_budget is None):
            raise SandboxInputError(
                "daily_budget",
                "give exactly one budget: daily_budget=... or lifetime_budget=... (with an end date).",
            )
        daily = None if daily_budget is None else _money("daily_budget", daily_budget)
        lifetime = None if lifetime_budget is None else _money("lifetime_budget", lifetime_budget)
        start_ts = m._date("start", start if start is not None else m.world.start_date)
        end_ts = None if end is None else m._date("end", end)
        if lifetime is not None and end_ts is None:
            raise SandboxInputError(
                "end",
                "a lifetime budget needs an end date, e.g. end='2026-03-15' (or use daily_budget instead).",
            )
        if end_ts is not None and end_ts < start_ts:
            raise SandboxInputError(
                "end", f"{end_ts.date()} is before start {start_ts.date()}; end on or after the start."
            )
        hrs = None
        if hours is not None:
            if lifetime is None:
                raise SandboxInputError(
                    "hours",
                    "hour schedules need a lifetime budget (as in Meta); "
                    "use lifetime_budget=... with an end date.",
                )
            hrs = tuple(sorted(set(hours))) if isinstance(hours, Iterable) else ()
            if not hrs or any(
                isinstance(h, bool) or not isinstance(h, int | np.integer) or not 0 <= h <= 23 for h in hrs
            ):
                raise SandboxInputError(
                    "hours", f"must be hours from 0 to 23, e.g. hours=range(8, 22), got {hours!r}."
                )
            hrs = tuple(int(h) for h in hrs)
        if bid_strategy is None:
            bid_strategy = "bid_cap" if bid_cap is not None else "lowest_cost"
        check_choice("bid_strategy", bid_strategy, BID_STRATEGIES)
        if bid_strategy == "bid_cap" and bid_cap is None:
            raise SandboxInputError(
                "bid_cap", "bid_strategy 'bid_cap' needs a bid_cap in USD per result, e.g. bid_cap=1.5."
            )
        if bid_strategy == "lowest_cost" and bid_cap is not None:
            raise SandboxInputError(
                "bid_strategy", "is 'lowest_cost' but a bid_cap was given; use bid_strategy='bid_cap'."
            )
        cap = None if bid_cap is None else _money("bid_cap", bid_cap)
        changes: dict[pd.Timestamp, float] = {}
        for when, amount in (budget_changes or {}).items():
            if daily is None:
                raise SandboxInputError(
                    "budget_changes", "are for daily budgets; a lifetime budget is paced by itself."
                )
            ts = m._date("budget_changes", when)
            if ts <= start_ts or (end_ts is not None and ts > end_ts):
                raise SandboxInputError(
                    "budget_changes", f"{ts.date()} is not a day inside the flight after the start."
                )
            changes[ts] = _money("budget_changes", amount)
        est = m.estimate(targeting)
        if est.size == 0:
            raise SandboxInputError(
                "targeting",
                f"no one in this world matches this spec ({targeting.describe()}): the audience is empty. "
                "Widen it: more ages, cities or interests, fewer exclusions, or another platform.",
            )
        ad_set = AdSet(
            self,
            name,
            targeting,
            daily_budget=daily,
            lifetime_budget=lifetime,
            start=start_ts,
            end=end_ts,
            hours=hrs,
            bid_strategy=bid_strategy,
            bid_cap=cap,
            budget_changes=changes,
        )
        self.ad_sets.append(ad_set)
        return ad_set

    def __repr__(self) -> str:
        return f"Campaign({self.name!r}: {self.objective}, {len(self.ad_sets)} ad set(s))"


class AdsManager:
    """Ads Manager for a world: campaigns, audiences, estimates, and running them.

    Args:
        world: The world to advertise in. Nothing about the world changes; running the
            same campaigns on the same world always gives the same results.

    Attributes:
        world: The world.
        campaigns: Campaigns created so far.
        audiences: Custom audiences and lookalikes by name.
    """

    def __init__(self, world: World) -> None:
        self.world = world
        self.campaigns: list[Campaign] = []
        self.audiences: dict[str, A.CustomAudience] = {}

    @property
    def panel(self) -> MarketPanel:
        """The world's market panel (built on first use)."""
        return market_panel(self.world)

    @property
    def ad_sets(self) -> list[AdSet]:
        """Every ad set of every campaign."""
        return [s for c in self.campaigns for s in c.ad_sets]

    def _date(self, parameter: str, value: Any) -> pd.Timestamp:
        ts = check_date(parameter, value)
        first = self.world.start_date
        last = self.world.period_end - pd.Timedelta(days=1)
        if not first <= ts <= last:
            raise SandboxInputError(
                parameter, f"{ts.date()} is outside the simulated period {first.date()} to {last.date()}."
            )
        return ts

    def create_campaign(self, name: str, objective: str = "traffic") -> Campaign:
        """Add a campaign.

        Args:
            name: Unique name.
            objective: ``reach``, ``traffic``, ``leads`` or ``sales``.

        Returns:
            The campaign.
        """
        name = _check_name("name", name, [c.name for c in self.campaigns])
        check_choice("objective", objective, OBJECTIVES)
        camp = Campaign(self, name, objective)
        self.campaigns.append(camp)
        return camp

    def ad_set(self, name: str) -> AdSet:
        """Return an ad set by name.

        Args:
            name: The ad set's name.

        Returns:
            The ad set.
        """
        for s in self.ad_sets:
            if s.name == name:
                return s
        return check_choice("ad_set", name, [s.name for s in self.ad_sets])

    def create_custom_audience(
        self, name: str, source: str = "site_visitors", *, days: int = 30, customers: Any = None
    ) -> A.CustomAudience:
        """Create a custom audience for retargeting.

        Args:
            name: Unique name.
            source: ``site_visitors`` (with ``days`` 30/60/90/180), ``engagers``,
                ``followers`` or ``customer_list`` (with ``customers``).
            days: Site-visitor window.
            customers: For a customer list: a DataFrame with ``email``/``person_id``/``name``
                or a list (see ``customer_export``).

        Returns:
            The audience (also kept in ``audiences``).
        """
        name = _check_name("name", name, self.audiences)
        check_choice("source", source, A.SOURCES)
        if source == "site_visitors":
            aud = A.site_visitors(self.world, name, days)
        elif source == "engagers":
            aud = A.engagers(self.world, name)
        elif source == "followers":
            aud = A.followers(self.world, name)
        else:
            if customers is None:
                raise SandboxInputError(
                    "customers", "a customer list needs customers=... (see ads.customer_export())."
                )
            aud = A.customer_list(self.world, name, customers)
        self.audiences[name] = aud
        return aud

    def create_lookalike(
        self, name: str, seed: A.CustomAudience | str, percent: int = 1, country: str | None = None
    ) -> A.CustomAudience:
        """Create a lookalike of a custom audience.

        Args:
            name: Unique name.
            seed: The source custom audience (object or name).
            percent: 1-10% of the country.
            country: Country (default: the brand's).

        Returns:
            The lookalike (also kept in ``audiences``).
        """
        name = _check_name("name", name, self.audiences)
        if isinstance(seed, str):
            seed = self.audiences[check_choice("seed", seed, list(self.audiences))]
        aud = A.lookalike(self.world, name, seed, percent, country)
        self.audiences[name] = aud
        return aud

    def customer_export(self) -> pd.DataFrame:
        """Return the brand's customer list (name, email, city) to upload as a custom audience.

        Returns:
            One row per past customer.
        """
        return A.customer_export(self.world)

    def estimate(self, targeting: Targeting | Mapping[str, Any]) -> AudienceEstimate:
        """Estimate how many people a spec reaches, with the warnings an ad tool gives.

        Args:
            targeting: The spec (or a dict of its fields).

        Returns:
            The estimate (prints as text; ``size``, ``low``, ``high``, ``warnings``).
        """
        if isinstance(targeting, Mapping):
            targeting = Targeting(**targeting)
        if not isinstance(targeting, Targeting):
            raise SandboxInputError("targeting", f"must be a Targeting, got {type(targeting).__name__}.")
        others = [(s.name, s.targeting) for s in self.ad_sets if s.targeting is not targeting]
        return estimate_audience(self.panel, targeting, others)

    def overlap(self) -> pd.DataFrame:
        """Return how much each ad set's audience lies inside each other's (same platforms).

        Returns:
            A square DataFrame: row ad set, column ad set, share of the row's audience.
        """
        return overlap_table(self.panel, [(s.name, s.targeting) for s in self.ad_sets])

    def run(self, until: str | pd.Timestamp | None = None) -> AdsResults:
        """Run every campaign day by day and return the results.

        Args:
            until: Last day to simulate (default: the last end date, or the end of the
                world's horizon for open-ended ad sets).

        Returns:
            ``AdsResults`` with daily, ad set, ad, platform, hourly, frequency and
            conversion tables, and ``explain(ad_set)``.

        Raises:
            SandboxInputError: If there is no ad set, or an ad set has no ads.
        """
        from .delivery import simulate

        sets = self.ad_sets
        if not sets:
            raise SandboxInputError(
                "campaigns", "there is nothing to run; create a campaign with an ad set and an ad."
            )
        for s in sets:
            if not s.ads:
                raise SandboxInputError(
                    "ads", f"ad set {s.name!r} has no ads; add one with ad_set.create_ad(...)."
                )
        last = self.world.period_end - pd.Timedelta(days=1)
        if until is not None:
            last = self._date("until", until)
        elif all(s.end is not None for s in sets):
            last = max(s.end for s in sets)
        return simulate(self, sets, last)

    def __repr__(self) -> str:
        return (
            f"AdsManager({self.world!r}: {len(self.campaigns)} campaign(s), {len(self.ad_sets)} ad set(s), "
            f"{len(self.audiences)} audience(s))"
        )
