"""Building a content plan as a DataFrame, and comparing the results of plans.

A content plan says what goes out where and when: platforms, days, hours, rubrics. The
helpers here build one from a few decisions (posts a week per platform, publishing hours,
rubric mix), make a variant with random hours to compare against, and summarise several
plans' results side by side. Every plan they return is an ordinary DataFrame with columns
from ``sandbox.plan.PLAN_COLUMNS``, ready for ``world.run_plan``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .errors import SandboxInputError, check_choice
from .params import PLATFORMS
from .seeding import stream
from .taxonomy import CTAS, RUBRICS

if TYPE_CHECKING:
    from .plan import PlanResult
    from .world import World

DEFAULT_RUBRIC_MIX: dict[str, float] = {
    "informative": 0.4,
    "entertaining": 0.35,
    "commercial": 0.2,
    "contest": 0.05,
}
"""A common starting mix: mostly useful and fun posts, some selling, a contest now and then."""

DEFAULT_CTA: dict[str, str] = {
    "informative": "learn_more",
    "entertaining": "comment_below",
    "commercial": "shop_now",
    "contest": "comment_below",
}
"""The call to action each rubric gets unless you say otherwise."""


def native_format(platform: str) -> str:
    """Return the format that fits a platform best.

    Args:
        platform: Platform slug.

    Returns:
        The format with the highest format fit there.
    """
    formats = PLATFORMS[check_choice("platform", platform, PLATFORMS)].formats
    return max(formats, key=formats.get)


def audience_peak_hours(
    world: World, platform: str, n: int = 2, brand: int | str = "you", min_gap: int = 3
) -> list[int]:
    """Return the hours when a brand's followers on a platform are most often online.

    Hours are ranked by the followers' average activity over the week (``world.activity``);
    each chosen hour is at least ``min_gap`` hours from the others, so two posts a day land in
    two different peaks rather than in one peak twice.

    Args:
        world: The world.
        platform: Platform slug.
        n: How many hours.
        brand: ``"you"``, a competitor's name, or a brand id.
        min_gap: Smallest distance between chosen hours, in hours.

    Returns:
        ``n`` hours (0-23), earliest first.

    Raises:
        SandboxInputError: For an unknown platform, or ``n`` outside 1..8.
    """
    check_choice("platform", platform, PLATFORMS)
    if isinstance(n, bool) or not isinstance(n, int | np.integer) or not 1 <= n <= 8:
        raise SandboxInputError("n", f"must be a whole number from 1 to 8, got {n!r}.")
    followers = world.audience(brand, platform)
    if len(followers) == 0:
        raise SandboxInputError("platform", f"the brand has no followers on {platform!r} to read hours from.")
    by_hour = world.activity(followers, platform=platform).mean(axis=0)
    chosen: list[int] = []
    for hour in by_hour.sort_values(ascending=False, kind="stable").index:
        h = int(hour)
        if all(min(abs(h - c), 24 - abs(h - c)) >= min_gap for c in chosen):
            chosen.append(h)
        if len(chosen) == n:
            break
    return sorted(chosen)


def spread_days(posts_per_week: int) -> list[int]:
    """Return the day of the week (0 = first day) of each post when spreading posts evenly.

    Args:
        posts_per_week: Posts in one week (1 to 70).

    Returns:
        ``posts_per_week`` day offsets, in order; above 7, some days get several posts.

    Raises:
        SandboxInputError: If ``posts_per_week`` is outside 1..70.
    """
    if isinstance(posts_per_week, bool) or not isinstance(posts_per_week, int | np.integer):
        raise SandboxInputError("posts_per_week", f"must be a whole number, got {posts_per_week!r}.")
    if not 1 <= posts_per_week <= 70:
        raise SandboxInputError("posts_per_week", f"must be from 1 to 70, got {posts_per_week}.")
    return [int(i * 7 // posts_per_week) for i in range(int(posts_per_week))]


def rubric_sequence(mix: Mapping[str, float], n: int) -> list[str]:
    """Return ``n`` rubrics following a mix, interleaved evenly (not in blocks).

    Uses smooth weighted round-robin: each step, every rubric earns its weight and the one
    with the most credit goes next. Over ``n`` posts each rubric's count is within one of
    ``n x its share``.

    Args:
        mix: Rubric -> weight (shares or counts; they need not sum to 1).
        n: Number of posts.

    Returns:
        The rubric of each post, in order.

    Raises:
        SandboxInputError: For an unknown rubric, a negative weight, or an empty mix.
    """
    for r, v in mix.items():
        check_choice("rubric_mix", r, RUBRICS)
        if isinstance(v, bool) or not isinstance(v, int | float) or v < 0:
            raise SandboxInputError("rubric_mix", f"weights must be numbers of 0 or more, got {r}={v!r}.")
    total = float(sum(mix.values()))
    if total <= 0:
        raise SandboxInputError("rubric_mix", "needs at least one rubric with a weight above 0.")
    names = [r for r in RUBRICS if mix.get(r, 0) > 0]
    weights = np.array([mix[r] / total for r in names])
    credit = np.zeros(len(names))
    out = []
    for _ in range(n):
        credit += weights
        i = int(np.argmax(credit))
        credit[i] -= 1.0
        out.append(names[i])
    return out


def build_plan(
    start: str | pd.Timestamp,
    weeks: int,
    posts_per_week: Mapping[str, int],
    hours: Mapping[str, Sequence[int]],
    rubric_mix: Mapping[str, float] | None = None,
    cta: Mapping[str, str] | None = None,
    topic: str | None = None,
    formats: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Build a content plan: N posts a week per platform, spread over the week, at given hours.

    Each platform's posts are spread evenly over the days of each week
    (``spread_days``); their hours cycle through that platform's ``hours``; rubrics follow
    ``rubric_mix`` interleaved (``rubric_sequence``); each post gets the platform's format
    (``formats``, or the native one) and its rubric's call to action.

    Args:
        start: First day of the plan (week 1 starts here).
        weeks: Number of weeks.
        posts_per_week: Platform slug -> posts a week on it.
        hours: Platform slug -> publishing hours (0-23); posts cycle through them.
        rubric_mix: Rubric -> share; None: ``DEFAULT_RUBRIC_MIX``.
        cta: Rubric -> call to action; None: ``DEFAULT_CTA``.
        topic: Topic of every post; None: the niche's main interest (the sandbox's default).
        formats: Platform slug -> format; platforms left out get their native format.

    Returns:
        A plan with columns ``post_id``, ``platform``, ``time``, ``format``, ``rubric``,
        ``cta`` (and ``topic`` if given), sorted by time.

    Raises:
        SandboxInputError: For an unknown platform, a platform without hours, an hour outside
            0-23, or more posts on one day than hours to put them at.
    """
    start = pd.Timestamp(start).normalize()
    if isinstance(weeks, bool) or not isinstance(weeks, int | np.integer) or weeks < 1:
        raise SandboxInputError("weeks", f"must be a whole number of at least 1, got {weeks!r}.")
    if not posts_per_week:
        raise SandboxInputError("posts_per_week", "is empty; give at least one platform, e.g. {'pixa': 5}.")
    mix = DEFAULT_RUBRIC_MIX if rubric_mix is None else rubric_mix
    ctas = {**DEFAULT_CTA, **(cta or {})}
    for platform in posts_per_week:
        check_choice("posts_per_week", platform, PLATFORMS)
    fmts = {**{p: native_format(p) for p in posts_per_week}, **(formats or {})}
    for p, f in fmts.items():
        check_choice("formats", p, PLATFORMS)
        check_choice("formats", f, PLATFORMS[p].formats)
    for r, c in ctas.items():
        check_choice("cta", c, CTAS)
        check_choice("cta", r, RUBRICS)
    rows = []
    for platform, n in posts_per_week.items():
        if platform not in hours or len(hours[platform]) == 0:
            raise SandboxInputError(
                "hours", f"no publishing hours for {platform!r}; add e.g. {platform!r}: [11]."
            )
        hs = [int(h) for h in hours[platform]]
        if any(not 0 <= h <= 23 for h in hs) or any(float(h) != int(h) for h in hours[platform]):
            raise SandboxInputError(
                "hours", f"hours must be whole numbers from 0 to 23, got {list(hours[platform])}."
            )
        days = spread_days(int(n))
        per_day = max(days.count(d) for d in set(days))
        if per_day > len(hs):
            raise SandboxInputError(
                "hours",
                f"{n} posts a week on {platform!r} means {per_day} a day on some days, but only "
                f"{len(hs)} hour(s) are given; give at least {per_day} hours.",
            )
        rubrics = rubric_sequence(mix, int(n) * int(weeks))
        k = 0
        for week in range(int(weeks)):
            used: dict[int, int] = {}
            for d in days:
                slot = used.get(d, 0)
                used[d] = slot + 1
                # the first post of a day cycles through the hours; later ones take the next hours
                hour = hs[(k + slot) % len(hs)] if per_day == 1 else hs[slot]
                t = start + pd.Timedelta(days=7 * week + d, hours=hour)
                rows.append((platform, t, fmts[platform], rubrics[k], ctas[rubrics[k]]))
                k += 1
    plan = pd.DataFrame(rows, columns=["platform", "time", "format", "rubric", "cta"])
    if topic is not None:
        plan["topic"] = topic
    plan = plan.sort_values(["time", "platform"], kind="stable").reset_index(drop=True)
    plan.insert(0, "post_id", np.arange(len(plan), dtype=np.int64))
    for col in ("platform", "format", "rubric", "cta", *(("topic",) if topic is not None else ())):
        plan[col] = plan[col].astype("str")
    return plan


def with_random_hours(plan: pd.DataFrame, seed: int, hours: Iterable[int] = range(8, 23)) -> pd.DataFrame:
    """Return a copy of a plan with each post moved to a random hour of the same day.

    This is the "post whenever" plan to compare a timed plan against: same posts, same days,
    only the hours differ.

    Args:
        plan: A plan with a ``time`` column.
        seed: Seed of the random hours (the same seed gives the same hours).
        hours: Hours to draw from (default 8:00 to 22:00, waking hours).

    Returns:
        The plan with new times, sorted by time.
    """
    choices = np.array(list(hours), dtype=np.int64)
    if choices.size == 0 or choices.min() < 0 or choices.max() > 23:
        raise SandboxInputError("hours", f"must be hours from 0 to 23, got {choices.tolist()}.")
    rng = stream(seed, "content-plan", "random-hours")
    out = plan.copy()
    days = pd.to_datetime(out["time"]).dt.normalize()
    out["time"] = days + pd.to_timedelta(rng.choice(choices, len(out)), unit="h")
    return out.sort_values("time", kind="stable").reset_index(drop=True)


def compare_plans(results: Mapping[str, PlanResult]) -> pd.DataFrame:
    """Summarise several plans' results side by side.

    Args:
        results: Plan name -> the ``PlanResult`` of running it.

    Returns:
        One row per plan: ``posts``, ``reach`` (sum over posts), ``reach_per_post`` (mean),
        ``engagements``, ``er_reach`` (engagements / reach), ``clicks``, ``follows``,
        ``unfollows``, ``net_followers`` and ``followers_end`` (all platforms, last day).
    """
    rows = {}
    for name, r in results.items():
        p = r.posts
        reach = int(p["reach"].sum())
        rows[name] = {
            "posts": len(p),
            "reach": reach,
            "reach_per_post": float(p["reach"].mean()) if len(p) else 0.0,
            "engagements": int(p["engagements"].sum()),
            "er_reach": float(p["engagements"].sum() / reach) if reach else 0.0,
            "clicks": int(p["clicks"].sum()),
            "follows": int(p["follows"].sum()),
            "unfollows": int(p["unfollows"].sum()),
            "net_followers": int(p["follows"].sum() - p["unfollows"].sum()),
            "followers_end": int(r.followers.iloc[-1].sum()),
        }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "plan"
    return table
