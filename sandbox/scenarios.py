"""A ready-made month of marketing in a world: organic posts, a contest, ads, influencers, a post swap.

Analytics needs something to analyse. ``run_month(world)`` plays one month of a typical small
brand's marketing, every decision taken from the world itself (your biggest platforms, your
followers' peak hours, your city and niche, the influencer market), and returns every result
table with the costs, ready for dashboards, reports and end-to-end analytics::

    from sandbox.scenarios import run_month

    month = run_month(world)
    month.plan.posts          # organic posts (and contest posts) with their outcomes
    month.ads.daily           # ad sets per day
    month.deals.deals         # influencer deals and the cross-promotion
    month.attribution.channels  # cost, conversions, CPA, ROAS, ROMI per channel

What the month holds (weeks run 7 days from ``world.start_date``):

- organic: the two platforms where you have most followers, 5 posts a week each at your
  followers' peak hours, the usual rubric mix with a contest now and then; content costs
  ``CONTENT_COST_PER_POST`` a post and each contest a prize of ``CONTEST_PRIZE``;
- ads (objective sales): a prospecting ad set on your biggest platform (your city, or your
  country when the niche sells everywhere; the niche's interests), its daily budget raised
  in week 3, and a retargeting ad set for last month's site visitors;
- influencers: a paid post in week 2 by the micro blogger with the cheapest real reach
  among those with under 25% fake followers, and an affiliate deal in week 4 with a nano
  blogger; a post swap with a partner community in week 3.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from . import params as P  # noqa: N812
from .content_plan import audience_peak_hours, build_plan
from .errors import check_positive_int
from .taxonomy import NICHES

if TYPE_CHECKING:
    from .ads import AdsResults, Attribution, DealResults
    from .plan import PlanResult
    from .world import World

CONTENT_COST_PER_POST = 25.0
"""USD of content production per organic post (photos, copy; an assumption for the scenario)."""

CONTEST_PRIZE = 50.0
"""USD prize of each contest post (an assumption for the scenario)."""

PROSPECTING_BUDGET = 15.0
"""Daily budget of the prospecting ad set, USD; raised by half from week 3."""

RETARGETING_BUDGET = 5.0
"""Daily budget of the retargeting ad set, USD."""


@dataclass
class Month:
    """Everything a month of marketing produced, and what it cost.

    Attributes:
        world: The world it ran in.
        weeks: Number of weeks.
        plan: The organic plan's results (``PlanResult``).
        ads: The ads' results (``AdsResults``).
        deals: The influencer deals and the cross-promotion (``DealResults``).
        costs: Extra costs per channel, USD (content production, contest prizes).
        attribution: Conversions attributed to channels (``Attribution``).
    """

    world: World
    weeks: int
    plan: PlanResult
    ads: AdsResults
    deals: DealResults
    costs: dict[str, float]
    attribution: Attribution

    @property
    def start(self) -> pd.Timestamp:
        """First day of the month."""
        return self.world.start_date

    @property
    def days(self) -> int:
        """Number of days (7 x weeks)."""
        return 7 * self.weeks

    def __repr__(self) -> str:
        ch = self.attribution.channels
        return (
            f"Month of {self.world.you}: {self.weeks} weeks from {self.start.date()}, "
            f"{len(self.plan.posts)} posts, {len(self.ads.ad_sets)} ad sets, {len(self.deals.deals)} deals; "
            f"cost ${ch['cost'].sum():,.0f}, {int(ch['registrations'].sum())} registrations, "
            f"{int(ch['purchases'].sum())} purchases. See .plan, .ads, .deals, .costs, .attribution."
        )


_CACHE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def run_month(world: World, weeks: int = 4) -> Month:
    """Play a month of organic posts, ads, influencer deals and a post swap in a world.

    The result is cached per world object (running it twice in the same world gives the same
    object back).

    Args:
        world: The world.
        weeks: How many weeks (1 to 8; the world's horizon must hold them).

    Returns:
        The ``Month``.

    Raises:
        SandboxInputError: If ``weeks`` is not a whole number from 1 to 8, or the world's
            horizon is shorter than the month.
    """
    from .ads import AdsManager, Attribution, CrossPromo, Deal, Targeting, marketplace, partner_communities
    from .ads.creative import Creative
    from .errors import SandboxInputError
    from .influencer_analysis import shortlist

    weeks = check_positive_int("weeks", weeks)
    if weeks > 8:
        raise SandboxInputError("weeks", f"from 1 to 8, got {weeks}.")
    if 7 * weeks > world.horizon_days:
        raise SandboxInputError(
            "weeks", f"{weeks} weeks do not fit the world's horizon of {world.horizon_days} days."
        )
    cached = _CACHE.get(world, {}).get(weeks)
    if cached is not None:
        return cached

    start = world.start_date
    last = start + pd.Timedelta(days=7 * weeks - 1)
    mine = world.accounts[world.accounts["brand_id"] == 0]
    platforms = mine.sort_values(["followers", "platform"], ascending=[False, True])["platform"].tolist()[:2]

    # organic: 5 posts a week on the two biggest platforms, at the followers' peak hours
    hours = {p: audience_peak_hours(world, p, n=2) for p in platforms}
    plan = build_plan(start, weeks, dict.fromkeys(platforms, 5), hours)
    plan_result = world.run_plan(plan)
    contests = int((plan["rubric"] == "contest").sum())
    costs = {
        "organic": CONTENT_COST_PER_POST * (len(plan) - contests),
        "contest": (CONTENT_COST_PER_POST + CONTEST_PRIZE) * contests,
    }
    if contests == 0:
        del costs["contest"]

    # ads: prospecting in the brand's city (or country) with the niche's interests, plus retargeting
    spec = NICHES[world.niche]
    brand = world.brands.iloc[0]
    place = {"cities": [str(brand["city"])]} if spec.local else {"countries": [str(brand["country"])]}
    top = platforms[0]
    formats = P.AD_PLATFORMS[top].ad_formats
    creative = Creative(
        format=max(formats, key=formats.get), headline=f"{world.you}: see what's new", cta="shop_now"
    )
    ads = AdsManager(world)
    prospecting = ads.create_campaign("Prospecting", objective="sales").create_ad_set(
        "interests",
        Targeting(platforms=[top], age_min=18, age_max=55, interests=list(spec.core_interests), **place),
        daily_budget=PROSPECTING_BUDGET,
        end=last,
        budget_changes={start + pd.Timedelta(days=14): PROSPECTING_BUDGET * 1.5},
    )
    prospecting.create_ad("offer", creative)
    visitors = ads.create_custom_audience("site visitors 30d", "site_visitors", days=30)
    retargeting = ads.create_campaign("Retargeting", objective="sales").create_ad_set(
        "visitors",
        Targeting(platforms=[top], custom_audiences=[visitors], **place),
        daily_budget=RETARGETING_BUDGET,
        end=last,
    )
    retargeting.create_ad("come back", creative)
    ads_result = ads.run(until=last)

    # influencers and a post swap
    market = marketplace(world)
    micro = shortlist(market, tiers=["micro"], max_fake_share=0.25)
    if micro.empty:
        micro = shortlist(market, tiers=["micro", "nano"])
    nano = shortlist(market, tiers=["nano"], max_fake_share=0.25)
    if nano.empty:
        nano = shortlist(market, tiers=["nano", "micro"])
    deals = [
        Deal(int(micro["influencer_id"].iloc[0]), "paid_post", start + pd.Timedelta(days=8), name="paid post")
    ]
    if weeks >= 4:
        deals.append(
            Deal(
                int(nano["influencer_id"].iloc[0]),
                "affiliate",
                start + pd.Timedelta(days=22),
                name="affiliate",
            )
        )
    if weeks >= 3:
        partner = int(partner_communities(world)["partner_id"].iloc[0])
        deals.append(CrossPromo(partner, start + pd.Timedelta(days=16), name="post swap"))
    from .ads import run_deals

    deal_result = run_deals(world, deals)
    attribution = Attribution(world, plan=plan_result, ads=ads_result, deals=deal_result, costs=costs)
    month = Month(world, weeks, plan_result, ads_result, deal_result, costs, attribution)
    _CACHE.setdefault(world, {})[weeks] = month
    return month
