"""The capstone brief: your brand, a fixed budget, one goal, four weeks and the rules of the game.

A brief is what a client or a manager hands an SMM specialist before a campaign: how much
money there is (in USD, for everything: ads, the influencer and contest prizes), what counts
as success (registrations on the site, purchases, or real new followers), how long the
campaign runs, and the house rules (how often to post, at least one influencer, moderation).
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..errors import SandboxInputError, check_choice

if TYPE_CHECKING:
    from ..world import World

GOALS: dict[str, str] = {
    "registrations": "registrations on your site from every channel (last-click attribution)",
    "purchases": "purchases on your site from every channel (last-click attribution)",
    "net_real_followers": (
        "new followers minus lost followers, bots left out, from your posts and the influencer deal"
    ),
}
"""Goals a brief can set, with how each is counted."""

DEAL_KINDS: tuple[str, ...] = ("paid_post", "giveaway", "takeover")
"""Influencer deal kinds a capstone plan may use (an affiliate deal's commission depends on
sales, so its cost cannot be fixed in advance against a budget)."""

RULE_ORDER: tuple[str, ...] = (
    "posts_valid",
    "posts_per_week",
    "posts_per_day",
    "ad_sets",
    "influencer_deal",
    "contest_prizes",
    "budget",
    "moderation",
)
"""The rules of a brief, in the order they are checked."""


def _number(parameter: str, value: Any, low: float, high: float) -> float:
    if (
        isinstance(value, bool)
        or not isinstance(value, numbers.Real)
        or not math.isfinite(value)
        or not low <= value <= high
    ):
        raise SandboxInputError(parameter, f"must be a number from {low:g} to {high:g}, got {value!r}.")
    return float(value)


def _whole(parameter: str, value: Any, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or not low <= int(value) <= high:
        raise SandboxInputError(parameter, f"must be a whole number from {low} to {high}, got {value!r}.")
    return int(value)


@dataclass(frozen=True, eq=False)
class Brief:
    """The capstone brief: a campaign for your brand, in your world.

    Args:
        world: The world your brand lives in (``brand`` is ``world.you``).
        budget: Total money for the campaign in USD: ads, the influencer deal and contest
            prizes together may never spend more.
        goal: What counts as success, one of ``GOALS``.
        weeks: Campaign length in weeks, from ``world.start_date``.
        max_posts_per_day: Most posts a day on any one platform.
        min_posts_per_week: Fewest posts in every week (all platforms together).
        min_moderation_recall: Share of spam and toxic comments in ``world.comments`` your
            moderation rules must hide, at least.
        min_moderation_precision: Share of the comments your rules hide that must really be
            spam or toxic, at least.

    Raises:
        SandboxInputError: For any value outside its allowed range, naming it.

    Example:
        >>> from sandbox import World
        >>> from sandbox.capstone import Brief
        >>> brief = Brief(World(seed=1, size=2_000), budget=1_000)
        >>> brief.days
        28
    """

    world: World = field(repr=False)
    budget: float = 1_500.0
    goal: str = "registrations"
    weeks: int = 4
    max_posts_per_day: int = 2
    min_posts_per_week: int = 5
    min_moderation_recall: float = 0.8
    min_moderation_precision: float = 0.8

    def __post_init__(self) -> None:
        from ..world import World

        if not isinstance(self.world, World):
            raise SandboxInputError("world", f"must be a sandbox World, got {type(self.world).__name__}.")
        object.__setattr__(self, "budget", _number("budget", self.budget, 1.0, 10_000_000.0))
        check_choice("goal", self.goal, GOALS)
        object.__setattr__(self, "weeks", _whole("weeks", self.weeks, 1, self.world.horizon_days // 7))
        object.__setattr__(
            self, "max_posts_per_day", _whole("max_posts_per_day", self.max_posts_per_day, 1, 10)
        )
        object.__setattr__(
            self, "min_posts_per_week", _whole("min_posts_per_week", self.min_posts_per_week, 0, 70)
        )
        for name in ("min_moderation_recall", "min_moderation_precision"):
            object.__setattr__(self, name, _number(name, getattr(self, name), 0.0, 1.0))

    # --- dates ------------------------------------------------------------------------------
    @property
    def brand(self) -> str:
        """Your brand's name."""
        return self.world.you

    @property
    def start(self) -> pd.Timestamp:
        """First day of the campaign (``world.start_date``)."""
        return self.world.start_date

    @property
    def end(self) -> pd.Timestamp:
        """Moment after the campaign: posts go out before it."""
        return self.start + pd.Timedelta(days=7 * self.weeks)

    @property
    def last_day(self) -> pd.Timestamp:
        """Last day of the campaign (ads and deals may run on it)."""
        return self.end - pd.Timedelta(days=1)

    @property
    def days(self) -> int:
        """Length of the campaign in days."""
        return 7 * self.weeks

    @property
    def key(self) -> tuple:
        """Everything that defines the brief except the world (used to cache the ghosts' runs)."""
        return (
            self.budget,
            self.goal,
            self.weeks,
            self.max_posts_per_day,
            self.min_posts_per_week,
            self.min_moderation_recall,
            self.min_moderation_precision,
        )

    def week_of(self, times: pd.Series) -> pd.Series:
        """Return the campaign week (1, 2, ...) of each time; 0 or less before, above ``weeks`` after.

        Args:
            times: Times or dates.

        Returns:
            Week numbers.
        """
        return (pd.to_datetime(times).dt.normalize() - self.start).dt.days // 7 + 1

    # --- the rules --------------------------------------------------------------------------
    def requirements(self) -> dict[str, str]:
        """Return what each rule of the brief asks, in words.

        Returns:
            Rule name -> requirement.
        """
        return {
            "posts_valid": (
                f"every post is one the world can run (platform, format, rubric, topic, CTA ...), "
                f"published from {self.start:%Y-%m-%d} up to (not including) {self.end:%Y-%m-%d}"
            ),
            "posts_per_week": (
                f"at least {self.min_posts_per_week} posts in every one of the {self.weeks} weeks"
            ),
            "posts_per_day": f"at most {self.max_posts_per_day} posts a day on any one platform",
            "ad_sets": (
                "every ad set can run (targeting, one budget, a creative the platforms accept) and its "
                f"flight lies within {self.start:%Y-%m-%d} to {self.last_day:%Y-%m-%d}"
            ),
            "influencer_deal": (
                f"exactly one influencer deal ({', '.join(DEAL_KINDS)}) with an influencer from the "
                "marketplace, dated inside the campaign"
            ),
            "contest_prizes": "if the plan has contest posts, each has a prize (contest_prize above 0 USD)",
            "budget": (
                f"ads (the most their budgets can spend) + the influencer deal + contest prizes "
                f"<= ${self.budget:,.2f}"
            ),
            "moderation": (
                f"your moderation rules hide at least {self.min_moderation_recall:.0%} of the spam and "
                f"toxic comments in world.comments, and at least {self.min_moderation_precision:.0%} "
                "of what they hide is spam or toxic"
            ),
        }

    def rules(self) -> pd.DataFrame:
        """Return the brief's rules as a table.

        Returns:
            Columns ``rule`` and ``requirement``, in the order they are checked.
        """
        req = self.requirements()
        table = pd.DataFrame({"rule": list(RULE_ORDER), "requirement": [req[r] for r in RULE_ORDER]})
        return table.astype({"rule": "str", "requirement": "str"})

    def describe(self) -> str:
        """Return the brief in words, as a client would hand it over.

        Returns:
            A few lines of text.
        """
        lines = [
            f"Brief for {self.brand} ({self.world.niche.replace('_', ' ')}):",
            f"  goal: as many {self.goal.replace('_', ' ')} as possible ({GOALS[self.goal]})",
            f"  budget: ${self.budget:,.2f} in total for ads, the influencer deal and contest prizes",
            f"  dates: {self.weeks} weeks, {self.start:%Y-%m-%d} to {self.last_day:%Y-%m-%d}",
            "  rules:",
        ]
        lines += [f"    - {r}: {text}" for r, text in self.requirements().items()]
        return "\n".join(lines)

    def __repr__(self) -> str:
        return (
            f"Brief({self.brand!r}: goal {self.goal}, budget ${self.budget:,.2f}, {self.weeks} weeks from "
            f"{self.start:%Y-%m-%d}; see .describe() and .rules())"
        )
