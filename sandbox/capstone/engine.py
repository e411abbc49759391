"""Running a capstone plan in the learner's world: posts, ads, the influencer deal, attribution.

``run(plan, brief)`` checks the plan against the brief, then runs everything in the brief's
world with the same tools the course used module by module (``world.run_plan``,
``AdsManager``, ``run_deals``, ``Attribution``) and returns an ``Outcome``: the goal's value,
the money spent, the cost per result and a channel table saying which channel brought what.
Everything is drawn from the world's seed: the same plan in the same world gives the same
outcome, every time.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..ads.attribution import CHANNEL_COLUMNS_ORDER, Attribution
from ..ads.campaigns import AdsManager
from ..ads.influencer_deals import Deal, DealResults, run_deals
from ..community import evaluate, moderation_queue, outcome_summary
from ..errors import SandboxInputError
from .brief import GOALS
from .campaign import CapstonePlan
from .moderation import ModerationRules, moderation_quality
from .rules import check_plan_type, committed_spend, validate

if TYPE_CHECKING:
    from ..ads.results import AdsResults
    from ..plan import PlanResult
    from ..world import World
    from .brief import Brief

REPORT_KPIS: dict[str, str] = {
    "spend": "money spent, USD: the channel table's cost column summed (ads + influencer + contest prizes)",
    "registrations": "registrations from every channel: the channel table's registrations summed",
    "purchases": "purchases from every channel: the channel table's purchases summed",
    "net_real_followers": "the channel table's net_real_followers summed (bots left out)",
    "cost_per_result": (
        "spend / the goal's value (e.g. cost per registration); None when the goal's value is 0"
    ),
    "best_channel": (
        "the channel that brought the most of the goal's result (the first in the table on a tie); None "
        "when no channel brought any"
    ),
    "romi": "(gross profit summed - spend) / spend, for the whole campaign; None when nothing was spent",
}
"""The KPIs of a campaign report, with how each is computed from ``Outcome.channels``."""


def _empty_channels() -> pd.DataFrame:
    cols: dict[str, Any] = {c: pd.Series([], dtype="float64") for c in CHANNEL_COLUMNS_ORDER}
    cols["channel"] = pd.Series([], dtype="str")
    for c in ("impressions", "clicks", "visits", "registrations", "purchases"):
        cols[c] = pd.Series([], dtype="int64")
    table = pd.DataFrame(cols)
    table["net_real_followers"] = pd.Series([], dtype="int64")
    return table


def _net_real(posts: pd.DataFrame) -> int:
    return int((posts["follows"] - posts["bot_follows"] - posts["unfollows"]).sum())


def channel_table(
    brief: Brief,
    plan_result: PlanResult | None,
    ads_result: AdsResults | None,
    deal_result: DealResults | None,
    prizes: float,
) -> pd.DataFrame:
    """Return one row per channel: cost, funnel counts, CPA, ROAS, ROMI and net real followers.

    Args:
        brief: The brief.
        plan_result: What the posts did (None without posts).
        ads_result: What the ads did (None without ads).
        deal_result: What the influencer deal did (None without a deal).
        prizes: Contest prizes, USD (added to the ``contest`` channel's cost).

    Returns:
        ``sandbox.ads.channel_report``'s table plus ``net_real_followers`` (follows - bot
        follows - unfollows: posts for ``organic`` and ``contest``, the deal for
        ``influencer``, 0 for ``ads``); no rows when nothing ran.
    """
    if plan_result is None and ads_result is None and deal_result is None:
        return _empty_channels()
    costs = {"contest": prizes} if prizes > 0 else None
    table = Attribution(
        brief.world, plan=plan_result, ads=ads_result, deals=deal_result, costs=costs
    ).channels.copy()
    net = dict.fromkeys(table["channel"], 0)
    if plan_result is not None:
        posts = plan_result.posts
        contest = posts["rubric"].astype("str") == "contest"
        net["organic"] = _net_real(posts[~contest]) if "organic" in net else 0
        if "contest" in net:
            net["contest"] = _net_real(posts[contest])
    if deal_result is not None:
        d = deal_result.deals
        for ch in ("influencer", "cross_promo"):
            if ch in net:
                net[ch] = _net_real(d[d["channel"] == ch])
    table["net_real_followers"] = np.array([net[c] for c in table["channel"]], dtype=np.int64)
    return table


MODERATION_EFFECTS: tuple[str, ...] = (
    "spam_toxic_removed",
    "spam_toxic_left_visible",
    "real_comments_removed",
    "unfollows_avoided",
    "trust_change",
)
"""What hiding comments did, from module 08's community model (``sandbox.community``)."""


def moderation_outcome(
    world: World, plan_result: PlanResult | None, rules: ModerationRules
) -> dict[str, float]:
    """Apply moderation rules to the campaign's comments and measure what they did.

    The rules' precision and recall come from ``moderation_quality``; what hiding did (spam and
    toxic comments removed or left visible, real people's comments removed, unfollows avoided
    against ignoring everything, trust change) from ``sandbox.community.evaluate`` with every
    hidden comment's decision ``hide`` and every other ``ignore``.

    Args:
        world: The world.
        plan_result: The posts' result (None without posts: no comments).
        rules: The moderation rules.

    Returns:
        ``moderation_quality``'s figures plus ``MODERATION_EFFECTS``.
    """
    if plan_result is None:
        out = moderation_quality(world.comments.iloc[0:0], rules)
        return {**out, **dict.fromkeys(MODERATION_EFFECTS, 0)}
    out = moderation_quality(plan_result.comments, rules)
    queue = moderation_queue(plan_result)
    hidden = rules.hides(queue["text"]).to_numpy()
    decisions = {int(c): "hide" for c in queue["comment_id"].to_numpy()[hidden]}
    summary = outcome_summary(evaluate(queue, decisions))
    for key in MODERATION_EFFECTS:
        out[key] = float(summary[key]) if key == "trust_change" else int(summary[key])
    return out


@dataclass
class Outcome:
    """What a capstone plan achieved in its world.

    Attributes:
        name: The plan's name.
        goal: The brief's goal (a key of ``GOALS``).
        budget: The brief's budget, USD.
        channels: One row per channel (``channel_table``): cost, impressions, clicks, visits,
            registrations, purchases, revenue, gross profit, CPC, cost per registration, CPA,
            ROAS, ROMI and net real followers.
        committed: Money the plan committed before running, by channel (``committed_spend``).
        moderation: The moderation rules on the campaign's comments
            (``moderation_outcome``: precision, recall and what hiding did).
        plan_result: ``world.run_plan``'s result, or None without posts.
        ads_result: ``AdsManager.run``'s result, or None without ads.
        deal_result: ``run_deals``'s result, or None without a deal.
    """

    name: str
    goal: str
    budget: float
    channels: pd.DataFrame
    committed: dict[str, float]
    moderation: dict[str, float]
    plan_result: PlanResult | None = field(default=None, repr=False)
    ads_result: AdsResults | None = field(default=None, repr=False)
    deal_result: DealResults | None = field(default=None, repr=False)

    @property
    def spend(self) -> float:
        """Money spent, USD (ads actually charged + the deal + contest prizes)."""
        return round(float(self.channels["cost"].sum()), 2)

    @property
    def registrations(self) -> int:
        """Registrations from every channel."""
        return int(self.channels["registrations"].sum())

    @property
    def purchases(self) -> int:
        """Purchases from every channel."""
        return int(self.channels["purchases"].sum())

    @property
    def net_real_followers(self) -> int:
        """Follows - bot follows - unfollows from the posts and the influencer deal."""
        return int(self.channels["net_real_followers"].sum())

    @property
    def goal_value(self) -> int:
        """The goal's value: registrations, purchases or net real followers."""
        return int(getattr(self, self.goal))

    @property
    def cost_per_result(self) -> float:
        """Spend per unit of the goal (e.g. cost per registration), NaN when the goal's value is 0."""
        return self.spend / self.goal_value if self.goal_value > 0 else float("nan")

    @property
    def best_channel(self) -> str | None:
        """The channel that brought the most of the goal's result (first in table order on a tie)."""
        col = self.channels[self.goal]
        if len(col) == 0 or col.max() <= 0:
            return None
        return str(self.channels["channel"].iloc[int(np.argmax(col.to_numpy()))])

    @property
    def romi(self) -> float:
        """Return on marketing investment: (gross profit - spend) / spend, NaN without spend."""
        if self.spend <= 0:
            return float("nan")
        return (float(self.channels["gross_profit"].sum()) - self.spend) / self.spend

    def summary(self) -> pd.Series:
        """Return the outcome's headline numbers as one Series.

        Returns:
            Goal, goal value, spend, budget, cost per result and the other KPIs.
        """
        return pd.Series(
            {
                "plan": self.name,
                "goal": self.goal,
                "goal_value": self.goal_value,
                "spend": self.spend,
                "budget": self.budget,
                "cost_per_result": self.cost_per_result,
                "registrations": self.registrations,
                "purchases": self.purchases,
                "net_real_followers": self.net_real_followers,
                "best_channel": self.best_channel,
                "romi": self.romi,
                "moderation_recall": self.moderation["recall"],
                "moderation_precision": self.moderation["precision"],
            },
            name=self.name,
        )

    def __repr__(self) -> str:
        cpr = self.cost_per_result
        cost = "n/a" if math.isnan(cpr) else f"${cpr:,.2f}"
        return (
            f"Outcome({self.name!r}): {self.goal_value:,} {self.goal.replace('_', ' ')}, spent "
            f"${self.spend:,.2f} of ${self.budget:,.2f}, cost per result {cost}, best channel "
            f"{self.best_channel}. See .channels and .summary()."
        )


def run(plan: CapstonePlan, brief: Brief, *, check: bool = True) -> Outcome:
    """Run a capstone plan in the brief's world and return what it achieved.

    The posts run with ``world.run_plan``, the ad sets in one ``AdsManager`` (each in a
    campaign of its own name, with one ad), the deal with ``run_deals``; ``Attribution``
    gives every registration and purchase to its channel (last click) and the contest prizes
    are added to the ``contest`` channel's cost.

    Args:
        plan: The plan.
        brief: The brief.
        check: Refuse a plan that breaks the brief's rules (the course's ghosts run with
            ``check=False``: they are baselines, not entries).

    Returns:
        The outcome.

    Raises:
        SandboxInputError: Naming ``plan`` and every broken rule, if ``check`` and the plan
            breaks a rule.
    """
    check_plan_type(plan)
    if check:
        problems = validate(plan, brief)
        if problems:
            raise SandboxInputError(
                "plan",
                f"breaks {len(problems)} rule(s) of the brief, so it cannot run:\n- " + "\n- ".join(problems),
            )
    world = brief.world
    posts = plan.posts_table()
    plan_result = world.run_plan(posts) if len(posts) else None
    specs = plan.ad_set_specs()
    ads_result = None
    if specs:
        manager = AdsManager(world)
        for spec in specs:
            spec.add_to(manager, brief)
        ads_result = manager.run(until=brief.last_day)
    deal_result = None
    if isinstance(plan.deal, Deal):
        deal = plan.deal
        if deal.date is None:
            deal = replace(deal, date=brief.start)
        deal_result = run_deals(world, [deal])
    committed = committed_spend(plan, brief)
    channels = channel_table(brief, plan_result, ads_result, deal_result, committed["contest"])
    rules = plan.moderation if isinstance(plan.moderation, ModerationRules) else ModerationRules()
    return Outcome(
        name=str(plan.name),
        goal=brief.goal,
        budget=brief.budget,
        channels=channels,
        committed=committed,
        moderation=moderation_outcome(world, plan_result, rules),
        plan_result=plan_result,
        ads_result=ads_result,
        deal_result=deal_result,
    )


__all__ = [
    "GOALS",
    "MODERATION_EFFECTS",
    "REPORT_KPIS",
    "Outcome",
    "channel_table",
    "moderation_outcome",
    "run",
]
