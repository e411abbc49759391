"""The ghosts: baseline strategies the course runs through the same engine as your plan.

A score means little without something to compare with. Each ghost is a strategy a brand
might really follow, run in *your* world under *your* brief:

- ``do nothing``: no posts, no ads, no deal;
- ``ads only``: the whole budget on one broad ad set (the whole country, ages 18-65,
  optimised for clicks, a stock creative), no posts, no deal: pressing "boost";
- ``posting spree``: 4 selling posts a day on the brand's 3 biggest platforms, no money;
- ``textbook plan``: the course's plan, built from the brief the way the lessons teach:
  posts at the followers' peak hours with a rubric mix, one ad set optimised for
  registrations on the niche's audience, one well-fitting influencer, moderation of links
  and spam words.

Ghosts are baselines, not entries: they run even where they break the brief's rules (the
leaderboard shows how many they break).
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .. import params as P  # noqa: N812
from ..ads.creative import Creative
from ..ads.influencer_deals import Deal, marketplace
from ..ads.panel import market_panel
from ..ads.targeting import Targeting
from ..content_plan import audience_peak_hours, build_plan
from ..taxonomy import NICHES
from .campaign import AdSetSpec, CapstonePlan
from .moderation import ModerationRules

if TYPE_CHECKING:
    from ..world import World
    from .brief import Brief
    from .engine import Outcome

GHOSTS: dict[str, str] = {
    "do nothing": "no posts, no ads, no deal: what the weeks bring without you",
    "ads only": (
        "the whole budget on one broad ad set (the whole country, ages 18-65, optimised for clicks, a "
        "stock creative); no posts, no deal"
    ),
    "posting spree": "4 selling posts a day on your 3 biggest platforms; no money spent",
    "textbook plan": (
        "posts at your followers' peak hours, one ad set optimised for registrations on your niche's "
        "audience, one well-fitting influencer, moderation of links and spam words"
    ),
}
"""The ghosts, with what each does."""

TEXTBOOK_HIDE_WORDS: tuple[str, ...] = (
    "free",
    "giveaway",
    "followers cheap",
    "$",
    "dm me",
    "garbage",
    "idiot",
    "trash",
    "losers",
    "pathetic",
    "shut up",
    "бесплатн",
    "заработок",
    "накрутка",
    "идиот",
    "отстой",
    "жалк",
    "надоели",
)
"""Words the textbook plan's moderation hides (English and Russian spam and insults)."""

TEXTBOOK_SHARES: dict[str, float] = {"influencer": 0.15, "contest_prize": 0.02}
"""The textbook plan's split: at most 15% of the budget for the influencer, 2% per contest
prize; everything left goes to the ad set."""


def _accounts_by_size(world: World) -> list[str]:
    acc = world.accounts
    mine = acc[acc["brand_id"] == 0].sort_values(["followers", "platform"], ascending=[False, True])
    return mine["platform"].astype("str").tolist()


def _place(world: World) -> dict[str, list[str]]:
    panel = market_panel(world)
    if NICHES[world.niche].local:
        return {"cities": [panel.brand_city]}
    return {"countries": [panel.brand_country]}


def _best_format(platform: str) -> str:
    formats = P.AD_PLATFORMS[platform].ad_formats
    return max(formats, key=formats.get)


def do_nothing(brief: Brief) -> CapstonePlan:
    """Return the "do nothing" ghost: an empty plan.

    Args:
        brief: The brief.

    Returns:
        The plan.
    """
    return CapstonePlan(name="do nothing", moderation=ModerationRules(hide_links=False))


def ads_only(brief: Brief) -> CapstonePlan:
    """Return the "ads only" ghost: the whole budget on one broad traffic ad set.

    Args:
        brief: The brief.

    Returns:
        The plan.
    """
    world = brief.world
    main = _accounts_by_size(world)[0]
    fmt = (
        "image" if "image" in P.AD_PLATFORMS[main].ad_formats else next(iter(P.AD_PLATFORMS[main].ad_formats))
    )
    spec = AdSetSpec(
        "boost",
        Targeting(platforms=[main], countries=[market_panel(world).brand_country]),
        lifetime_budget=float(brief.budget),
        objective="traffic",
        creative=Creative(format=fmt, visual_fit=0.5),
    )
    return CapstonePlan(ad_sets=[spec], name="ads only", moderation=ModerationRules(hide_links=False))


def posting_spree(brief: Brief) -> CapstonePlan:
    """Return the "posting spree" ghost: 4 selling posts a day on the 3 biggest platforms.

    Args:
        brief: The brief.

    Returns:
        The plan.
    """
    platforms = _accounts_by_size(brief.world)[:3]
    rows = [
        {
            "platform": p,
            "time": brief.start + pd.Timedelta(days=d, hours=h),
            "rubric": "commercial",
            "cta": "shop_now",
        }
        for d in range(brief.days)
        for p in platforms
        for h in (9, 12, 15, 18)
    ]
    return CapstonePlan(posts=pd.DataFrame(rows), name="posting spree", moderation=ModerationRules())


def pick_influencer(world: World, max_price: float) -> int:
    """Return the influencer the textbook plan hires: the most interested real fans within a price.

    Among influencers whose paid post costs at most ``max_price`` it takes the one with the
    most real followers who hold the niche's interests (and, for a local niche, live in the
    brand's city); when none is affordable, the cheapest.

    Args:
        world: The world.
        max_price: Highest price of a paid post, USD.

    Returns:
        An ``influencer_id`` from ``marketplace(world)``.
    """
    market = marketplace(world)
    fans = market["real_followers"] * market["audience_interested"]
    if NICHES[world.niche].local:
        fans = fans * market["audience_in_brand_city"]
    affordable = market["price_per_post"] <= max_price
    if not affordable.any():
        return int(market.loc[market["price_per_post"].idxmin(), "influencer_id"])
    best = fans.where(affordable, -np.inf)
    return int(market.loc[best.idxmax(), "influencer_id"])


def textbook_plan(brief: Brief, name: str = "textbook plan") -> CapstonePlan:
    """Return the course's textbook plan for a brief (it follows every rule of the brief).

    - posts: the brand's two biggest platforms, 60% / 40% of the weekly posts (at least
      ``min_posts_per_week`` a week in all), at the followers' peak hours, the default rubric
      mix (a contest now and then, with a prize of 2% of the budget);
    - influencer: a paid post, in week 2, by the influencer with the most interested real fans
      among those costing at most 15% of the budget;
    - ads: everything left, as a lifetime budget, on one ad set optimised for registrations
      (``leads``; ``sales`` when the goal is purchases) on the main platform: the brand's
      city (local niches) or country, the niche's core interests and ages around the niche's
      mean, the platform's best format, a headline and a "sign up" button;
    - moderation: links and ``TEXTBOOK_HIDE_WORDS``.

    Args:
        brief: The brief.
        name: The plan's name.

    Returns:
        The plan.
    """
    world = brief.world
    niche = NICHES[world.niche]
    platforms = _accounts_by_size(world)[:2]
    per_week = max(brief.min_posts_per_week, 5)
    first = -(-per_week * 3 // 5)
    weekly = {platforms[0]: first, platforms[1]: per_week - first}
    hours = {p: audience_peak_hours(world, p, n=min(brief.max_posts_per_day, 3)) for p in platforms}
    posts = build_plan(brief.start, brief.weeks, weekly, hours)
    prize = round(TEXTBOOK_SHARES["contest_prize"] * brief.budget, 2)
    n_contests = int((posts["rubric"] == "contest").sum())
    influencer = pick_influencer(world, TEXTBOOK_SHARES["influencer"] * brief.budget)
    market = marketplace(world)
    price = float(market.loc[market["influencer_id"] == influencer, "price_per_post"].iloc[0])
    if price + prize * n_contests > brief.budget:  # a tiny budget: no contests
        posts.loc[posts["rubric"] == "contest", "rubric"] = "entertaining"
        n_contests = 0
    deal_day = brief.start + pd.Timedelta(days=min(7, brief.days - 1))
    deal = Deal(influencer, "paid_post", deal_day, name="textbook influencer")
    left = brief.budget - price - prize * n_contests
    ad_sets = []
    if left >= 1:
        main = platforms[0]
        age = round(niche.age_mean)
        spec = Targeting(
            platforms=[main],
            age_min=max(18, age - 10),
            age_max=min(65, age + 12),
            interests=list(niche.core_interests),
            **_place(world),
        )
        ad_sets.append(
            AdSetSpec(
                "textbook leads",
                spec,
                lifetime_budget=float(np.floor(left * 100) / 100),
                objective="sales" if brief.goal == "purchases" else "leads",
                creative=Creative(
                    format=_best_format(main),
                    text_length=90,
                    headline=f"Try {niche.products[0]}",
                    cta="sign_up",
                    visual_fit=0.8,
                ),
            )
        )
    return CapstonePlan(
        posts=posts,
        ad_sets=ad_sets,
        deal=deal,
        contest_prize=prize if n_contests else 0.0,
        moderation=ModerationRules(hide_words=TEXTBOOK_HIDE_WORDS),
        name=name,
    )


GHOST_BUILDERS = {
    "do nothing": do_nothing,
    "ads only": ads_only,
    "posting spree": posting_spree,
    "textbook plan": textbook_plan,
}


def ghost_plans(brief: Brief) -> dict[str, CapstonePlan]:
    """Return the ghosts' plans for a brief.

    Args:
        brief: The brief.

    Returns:
        Ghost name -> plan, in ``GHOSTS`` order.
    """
    return {name: GHOST_BUILDERS[name](brief) for name in GHOSTS}


_RUNS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def run_ghosts(brief: Brief) -> dict[str, Outcome]:
    """Run every ghost in the brief's world (once per world and brief; later calls reuse the runs).

    Args:
        brief: The brief.

    Returns:
        Ghost name -> outcome, in ``GHOSTS`` order.
    """
    from .engine import run

    per_world = _RUNS.setdefault(brief.world, {})
    if brief.key not in per_world:
        per_world[brief.key] = {
            name: run(plan, brief, check=False) for name, plan in ghost_plans(brief).items()
        }
    return dict(per_world[brief.key])


LIMIT_RULES: tuple[str, ...] = ("posts_per_day", "budget")
"""The brief's limits: rules that cap how much a plan does. A plan that breaks one gets its result
by doing more than the client allows (more posts a day, more money), so it cannot be compared
with plans that keep them. The other rules ask for something a plan must have."""


def _ghost_broken_rules(brief: Brief) -> dict[str, list[str]]:
    """Return the names of the rules each ghost breaks (computed once per world and brief)."""
    from .rules import check_rules

    per_world = _RUNS.setdefault(brief.world, {})
    key = ("rules", *brief.key)
    if key not in per_world:
        per_world[key] = {}
        for name, plan in ghost_plans(brief).items():
            table = check_rules(plan, brief)
            per_world[key][name] = list(table.loc[table["ok"].fillna(True).eq(False), "rule"])
    return {name: list(rules) for name, rules in per_world[key].items()}


def ghost_rules_broken(brief: Brief) -> dict[str, int]:
    """Return how many of the brief's rules each ghost breaks (computed once per world and brief).

    Args:
        brief: The brief.

    Returns:
        Ghost name -> number of broken rules.
    """
    return {name: len(rules) for name, rules in _ghost_broken_rules(brief).items()}


def ghosts_out_of_competition(brief: Brief) -> dict[str, list[str]]:
    """Return the ghosts that break one of the brief's limits (``LIMIT_RULES``), with those limits.

    Such a ghost (the "posting spree", which posts more a day than the brief allows) is shown
    on the leaderboard for comparison, but a plan that keeps the limits counts as beating it:
    more posts than the client allows is not a result you could have delivered.

    Args:
        brief: The brief.

    Returns:
        Ghost name -> the limits it breaks (only ghosts that break at least one).
    """
    out = {}
    for name, rules in _ghost_broken_rules(brief).items():
        limits = [r for r in rules if r in LIMIT_RULES]
        if limits:
            out[name] = limits
    return out
