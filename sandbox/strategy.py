"""Strategy arithmetic: goals, the KPIs that measure them, platform choice and SMART targets.

A strategy starts from what the business wants (a goal), picks the numbers that show
progress towards it (KPIs), chooses the platforms where the target audience is and whose
mechanics serve the goal, and turns the goal into a target that is specific, measurable,
achievable, relevant and time-bound. Every function here works on the sandbox's own tables,
so the same KPI is computed the same way on the public history and on a plan's results.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .analysis import platform_shares
from .errors import SandboxInputError, check_choice
from .params import COMMENT_LABEL_BASE, PLATFORMS
from .taxonomy import INTERESTS, NICHES

if TYPE_CHECKING:
    from .plan import PlanResult
    from .world import World


@dataclass(frozen=True)
class Kpi:
    """A number to track, and exactly how it is computed.

    Attributes:
        slug: Name used in code and in the weekly table's columns.
        label: Name shown to people.
        unit: Unit of one weekly value ("people", "clicks", "%", ...).
        formula: How one week's value is computed.
        source: Where the inputs come from in the sandbox's tables.
        higher_is_better: False for KPIs you want to push down (negative comments).
        is_share: True when the value is a fraction (shown as a percentage).
    """

    slug: str
    label: str
    unit: str
    formula: str
    source: str
    higher_is_better: bool = True
    is_share: bool = False


KPIS: dict[str, Kpi] = {
    k.slug: k
    for k in (
        Kpi(
            "reach",
            "reach per week",
            "people",
            "sum of the week's posts' reach (a person reached by two posts counts twice)",
            "daily table: reach",
        ),
        Kpi(
            "impressions",
            "impressions per week",
            "views",
            "sum of the week's impressions (every view counts)",
            "daily table: impressions",
        ),
        Kpi(
            "follower_growth",
            "follower growth per week",
            "%",
            "(follows - unfollows) / followers at the start of the week",
            "daily table: follows, unfollows, followers_start",
            is_share=True,
        ),
        Kpi(
            "net_followers",
            "net new followers per week",
            "people",
            "follows - unfollows in the week",
            "daily table: follows, unfollows",
        ),
        Kpi(
            "er_reach",
            "engagement rate by reach",
            "%",
            "engagements / reach, week totals (denominator: people reached)",
            "daily table: engagements, reach",
            is_share=True,
        ),
        Kpi(
            "comments_per_post",
            "comments per post",
            "comments",
            "comments on the week's posts / posts published",
            "posts table: comments; daily table: posts",
        ),
        Kpi(
            "clicks",
            "link clicks per week",
            "clicks",
            "sum of the week's link clicks (visits to the site)",
            "daily table: clicks",
        ),
        Kpi(
            "ctr",
            "click-through rate",
            "%",
            "clicks / impressions, week totals",
            "daily table: clicks, impressions",
            is_share=True,
        ),
        Kpi(
            "commercial_clicks",
            "clicks on commercial posts per week",
            "clicks",
            "link clicks on posts with rubric 'commercial'",
            "posts table: clicks, rubric",
        ),
        Kpi(
            "questions",
            "questions in comments per week",
            "comments",
            "comments labelled 'question' (prices, opening hours, delivery: potential buyers)",
            "comments table: label",
        ),
        Kpi(
            "negative_share",
            "share of negative comments",
            "%",
            "comments labelled 'complaint' or 'toxic' / all comments on the week's posts",
            "comments table: label",
            higher_is_better=False,
            is_share=True,
        ),
    )
}
"""Every KPI the strategy tools compute, by slug."""


@dataclass(frozen=True)
class Goal:
    """A business goal for social media, with the KPIs that show progress towards it.

    Attributes:
        slug: Name used in code.
        label: Name shown to people.
        question: What the business asks for, in its own words.
        kpis: KPI slugs (keys of ``KPIS``), the main one first.
        mechanics: What a platform must do well to serve the goal, and how it is measured.
    """

    slug: str
    label: str
    question: str
    kpis: tuple[str, ...]
    mechanics: str


GOALS: dict[str, Goal] = {
    g.slug: g
    for g in (
        Goal(
            "awareness",
            "awareness and reputation",
            "More people should know us, and think well of us.",
            ("reach", "impressions", "follower_growth", "negative_share"),
            "people reached per follower per post: organic reach x (1 + discovery)",
        ),
        Goal(
            "traffic",
            "traffic to the site",
            "Send more visitors to our website.",
            ("clicks", "ctr", "reach"),
            "link clicks per follower per post: organic reach x (1 + discovery) x click rate",
        ),
        Goal(
            "sales",
            "sales and leads",
            "Bring us buyers: orders, bookings, enquiries.",
            ("commercial_clicks", "questions", "ctr"),
            "buying actions per person reached: click rate + questions in comments per person reached",
        ),
        Goal(
            "community",
            "community",
            "Build a group of regulars who talk to us and to each other.",
            ("er_reach", "comments_per_post", "net_followers", "negative_share"),
            "comments per person reached: engagement per reach x share of engagements that are comments",
        ),
    )
}
"""The goals a strategy can pursue, by slug."""

GOAL_METRIC: dict[str, str] = {
    "awareness": "people reached per follower per post",
    "traffic": "link clicks per follower per post",
    "sales": "clicks + questions per person reached",
    "community": "comments per person reached",
}
"""What the ``mechanics`` column of ``platform_scores`` measures for each goal."""

_WEEK_SUMS = ("posts", "reach", "impressions", "engagements", "clicks", "follows", "unfollows")


def check_goal(goal: str) -> Goal:
    """Return the goal named ``goal``.

    Args:
        goal: A key of ``GOALS``.

    Returns:
        The goal.

    Raises:
        SandboxInputError: If there is no such goal.
    """
    return GOALS[check_choice("goal", goal, GOALS)]


def target_audience(
    world: World,
    ages: tuple[int, int] | None = None,
    interests: Iterable[str] | None = None,
    local: bool | None = None,
) -> pd.DataFrame:
    """Return the people a brand wants to reach: its niche's interests, ages and (for local shops) city.

    Args:
        world: The world.
        ages: Youngest and oldest age, inclusive; None: the niche's mean age +/- 9 years.
        interests: People holding at least one of these interests; None: the niche's core interests.
        local: Keep only people in the brand's city; None: yes for local niches (a coffee shop),
            no for online ones (a bag store).

    Returns:
        Rows of ``world.people`` (bots, spammers and trolls left out).

    Raises:
        SandboxInputError: If ``ages`` is not a (young, old) pair between 13 and 65.
    """
    spec = NICHES[world.niche]
    if ages is None:
        ages = (max(13, round(spec.age_mean) - 9), min(65, round(spec.age_mean) + 9))
    if (
        not isinstance(ages, tuple | list)
        or len(ages) != 2
        or not all(isinstance(a, int | np.integer) for a in ages)
        or not 13 <= ages[0] <= ages[1] <= 65
    ):
        raise SandboxInputError("ages", f"must be a pair (youngest, oldest) between 13 and 65, got {ages!r}.")
    chosen = tuple(spec.core_interests if interests is None else interests)
    for i in chosen:
        check_choice("interests", i, INTERESTS)
    if not chosen:
        raise SandboxInputError("interests", "is empty; give at least one interest, or None for the niche's.")
    people = world.people
    held = people["interests"].str.split(", ")
    mask = held.map(lambda xs: any(i in xs for i in chosen)).astype(bool)
    mask &= people["age"].between(ages[0], ages[1])
    mask &= people["role"].isin(["regular", "influencer"])
    if spec.local if local is None else local:
        mask &= people["city"] == world.brands["city"].iloc[0]
    return people[mask].reset_index(drop=True)


def mechanics_table() -> pd.DataFrame:
    """Return how well each platform's mechanics serve each goal (platform averages).

    The values come from the platforms' constants (``world.platforms`` and
    ``sandbox.params.PLATFORMS``): organic reach, discovery, click rate, engagement per
    person reached and the share of engagements that are comments. ``GOAL_METRIC`` says
    what each column measures.

    Returns:
        One row per platform, one column per goal.
    """
    rows = {}
    for slug, p in PLATFORMS.items():
        reach_per_follower = p.organic_reach * (1.0 + p.discovery)
        comments_per_reach = p.engagement_per_reach * p.action_mix[1]
        rows[slug] = {
            "awareness": reach_per_follower,
            "traffic": reach_per_follower * p.click_rate,
            "sales": p.click_rate + comments_per_reach * COMMENT_LABEL_BASE["question"],
            "community": comments_per_reach,
        }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "platform"
    return table


def platform_scores(world: World, goal: str, people: pd.DataFrame | None = None) -> pd.DataFrame:
    """Rank the platforms for a goal: audience fit x how the platform's mechanics serve the goal.

    ``score = audience_share x fit``, where ``audience_share`` is the share of the target
    audience using the platform and ``fit`` is the platform's goal mechanics relative to the
    best platform for that goal (1.0 = the best).

    Args:
        world: The world.
        goal: A key of ``GOALS``.
        people: The target audience; None: ``target_audience(world)``.

    Returns:
        One row per platform, best first: ``name``, ``audience_share``, ``your_followers``,
        ``mechanics`` (see ``GOAL_METRIC``), ``fit``, ``score`` and ``rank``.
    """
    check_goal(goal)
    if people is None:
        people = target_audience(world)
    mech = mechanics_table()[goal]
    acc = world.accounts
    mine = acc[acc["brand_id"] == 0].set_index("platform")["followers"]
    names = world.platforms.set_index("platform")["name"]
    table = pd.DataFrame(
        {
            "name": names.reindex(mech.index),
            "audience_share": platform_shares(people).reindex(mech.index).fillna(0.0),
            "your_followers": mine.reindex(mech.index, fill_value=0).astype(np.int64),
            "mechanics": mech,
            "fit": mech / mech.max(),
        }
    )
    table["score"] = table["audience_share"] * table["fit"]
    table = table.sort_values("score", ascending=False, kind="stable")
    table["rank"] = np.arange(1, len(table) + 1)
    return table


def weekly_kpis(
    daily: pd.DataFrame,
    posts: pd.DataFrame,
    comments: pd.DataFrame,
    start: str | pd.Timestamp,
    weeks: int,
    platforms: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Return one row per week with the week's totals and every KPI in ``KPIS``.

    Works on the public history (``world.history_daily``, ``world.posts``,
    ``world.comments``, filtered to one brand) and on a plan's results
    (``result.daily``, ``result.posts``, ``result.comments``) alike.

    Args:
        daily: One row per day and platform of one brand.
        posts: That brand's posts (``time``, ``platform``, ``rubric``, ``clicks``, ``comments``).
        comments: Comments on those posts (``post_id``, ``label``).
        start: First day of week 1 (weeks run 7 days from there).
        weeks: Number of weeks.
        platforms: Keep only these platforms; None: all.

    Returns:
        Columns ``week`` (1, 2, ...), ``week_start``, the week's totals and one column per KPI
        slug. A ratio whose denominator is 0 (no comments that week) is NaN.
    """
    start = pd.Timestamp(start).normalize()
    if platforms is not None:
        keep = list(platforms)
        for p in keep:
            check_choice("platforms", p, PLATFORMS)
        daily = daily[daily["platform"].isin(keep)]
        posts = posts[posts["platform"].isin(keep)]
        comments = comments[comments["post_id"].isin(posts["post_id"])]
    index = pd.RangeIndex(1, weeks + 1, name="week")

    def week_of(times: pd.Series) -> pd.Series:
        return (pd.to_datetime(times) - start).dt.days // 7 + 1

    d = daily.assign(week=week_of(daily["date"]))
    d = d[d["week"].between(1, weeks)]
    sums = d.groupby("week")[list(_WEEK_SUMS)].sum().reindex(index, fill_value=0)
    first_day = d.groupby(["week", "date"])["followers_start"].sum().groupby("week").first()
    last_day = d.groupby(["week", "date"])["followers_end"].sum().groupby("week").last()

    p = posts.assign(week=week_of(posts["time"]))
    p = p[p["week"].between(1, weeks)]
    commercial = p[p["rubric"] == "commercial"].groupby("week")["clicks"].sum()
    n_comments = p.groupby("week")["comments"].sum()
    c = comments.merge(p[["post_id", "week"]], on="post_id", how="inner")
    questions = c[c["label"] == "question"].groupby("week").size()
    negative = c[c["label"].isin(["complaint", "toxic"])].groupby("week").size()
    labelled = c.groupby("week").size()

    out = sums.astype(np.int64)
    out.insert(0, "week_start", start + pd.to_timedelta((index.to_numpy() - 1) * 7, unit="D"))
    out["followers_start"] = first_day.reindex(index).fillna(0).astype(np.int64)
    out["followers_end"] = last_day.reindex(index).fillna(0).astype(np.int64)
    out["comments"] = n_comments.reindex(index, fill_value=0).astype(np.int64)
    out["commercial_clicks"] = commercial.reindex(index, fill_value=0).astype(np.int64)
    out["questions"] = questions.reindex(index, fill_value=0).astype(np.int64)
    out["negative_comments"] = negative.reindex(index, fill_value=0).astype(np.int64)

    def ratio(num: pd.Series, den: pd.Series) -> pd.Series:
        den = den.astype(np.float64)
        return (num.astype(np.float64) / den.where(den > 0)).astype(np.float64)

    out["net_followers"] = out["follows"] - out["unfollows"]
    out["follower_growth"] = ratio(out["net_followers"], out["followers_start"])
    out["er_reach"] = ratio(out["engagements"], out["reach"])
    out["comments_per_post"] = ratio(out["comments"], out["posts"])
    out["ctr"] = ratio(out["clicks"], out["impressions"])
    out["negative_share"] = ratio(out["negative_comments"], labelled.reindex(index, fill_value=0))
    return out.reset_index()


def history_weeks(
    world: World, brand: int | str = "you", platforms: Iterable[str] | None = None
) -> pd.DataFrame:
    """Return the weekly KPI table of a brand's public history (complete weeks only).

    Weeks end on the day before ``world.start_date``, so the last row is the week just before
    you take over.

    Args:
        world: The world.
        brand: ``"you"``, a competitor's name, or a brand id.
        platforms: Keep only these platforms; None: all the brand's accounts.

    Returns:
        See ``weekly_kpis``.
    """
    bid = world.brand_id(brand)
    weeks = world.history_days // 7
    start = world.start_date - pd.Timedelta(days=7 * weeks)
    daily = world.history_daily
    posts = world.posts
    comments = world.comments
    return weekly_kpis(
        daily[daily["brand_id"] == bid],
        posts[posts["brand_id"] == bid],
        comments[comments["brand_id"] == bid],
        start,
        weeks,
        platforms,
    )


def plan_weeks(
    result: PlanResult, weeks: int | None = None, platforms: Iterable[str] | None = None
) -> pd.DataFrame:
    """Return the weekly KPI table of a plan's results, from the plan's first day.

    Args:
        result: What ``world.run_plan`` returned.
        weeks: Number of weeks; None: the weeks the plan's posts cover.
        platforms: Keep only these platforms; None: all.

    Returns:
        See ``weekly_kpis``.
    """
    start = pd.Timestamp(result.daily["date"].min())
    if weeks is None:
        last = pd.to_datetime(result.posts["time"]).max()
        weeks = int((last.normalize() - start).days // 7 + 1)
    return weekly_kpis(result.daily, result.posts, result.comments, start, weeks, platforms)


def kpi_table(weekly: pd.DataFrame, goal: str, growth: float = 0.2) -> pd.DataFrame:
    """Turn a goal into numbers to track: baseline, target and how achievable the target is.

    The baseline is the mean weekly value over ``weekly`` (your history). The target moves
    each KPI by ``growth`` in the good direction (up, or down for negative comments).
    ``weeks_at_target`` says in how many past weeks you already did at least as well: a
    target you have met in several ordinary weeks is achievable; one you never met needs a
    new tactic, not just effort.

    Args:
        weekly: A weekly table from ``history_weeks`` (or ``weekly_kpis``).
        goal: A key of ``GOALS``.
        growth: Relative change wanted, e.g. 0.2 for +20% (0 to 5).

    Returns:
        One row per KPI of the goal: ``kpi``, ``label``, ``unit``, ``baseline``, ``best_week``,
        ``target``, ``weeks_at_target``, ``verdict``, ``how_computed``, ``source``.

    Raises:
        SandboxInputError: For an unknown goal or a growth outside 0..5.
    """
    g = check_goal(goal)
    if isinstance(growth, bool) or not isinstance(growth, int | float) or not 0 <= growth <= 5:
        raise SandboxInputError("growth", f"must be a number from 0 to 5 (0.2 = +20%), got {growth!r}.")
    rows = []
    for slug in g.kpis:
        k = KPIS[slug]
        values = weekly[slug].astype(np.float64).dropna()
        base = float(values.mean()) if len(values) else float("nan")
        if k.higher_is_better:
            target = base * (1 + growth) if base >= 0 else base * (1 - growth)
            best = float(values.max()) if len(values) else float("nan")
            hit = int((values >= target).sum())
        else:
            target = base * max(0.0, 1 - growth)
            best = float(values.min()) if len(values) else float("nan")
            hit = int((values <= target).sum())
        n = len(values)
        share = hit / n if n else 0.0
        if share >= 0.25:
            verdict = f"achievable: you did it in {hit} of {n} past weeks"
        elif hit:
            verdict = f"stretch: only {hit} of {n} past weeks got there"
        else:
            verdict = "beyond your history: needs a new tactic, not just effort"
        rows.append(
            {
                "kpi": slug,
                "label": k.label,
                "unit": k.unit,
                "baseline": base,
                "best_week": best,
                "target": target,
                "weeks_at_target": share,
                "verdict": verdict,
                "how_computed": k.formula,
                "source": k.source,
            }
        )
    table = pd.DataFrame(rows)
    for col in ("kpi", "label", "unit", "verdict", "how_computed", "source"):
        table[col] = table[col].astype("str")
    return table


def weekly_path(baseline: float, target: float, weeks: int) -> pd.Series:
    """Return the weekly milestones from a baseline to a target reached in ``weeks`` weeks.

    A straight line: week 1 moves one step from the baseline, week ``weeks`` lands on the
    target. It is what a time-bound target means week by week.

    Args:
        baseline: Where you are now (one week's value).
        target: Where you want one week's value to be at the deadline.
        weeks: Weeks until the deadline (at least 1).

    Returns:
        The milestone of each week, indexed 1..weeks.

    Raises:
        SandboxInputError: If ``weeks`` is not a whole number of at least 1.
    """
    if isinstance(weeks, bool) or not isinstance(weeks, int | np.integer) or weeks < 1:
        raise SandboxInputError("weeks", f"must be a whole number of at least 1, got {weeks!r}.")
    steps = np.arange(1, weeks + 1, dtype=np.float64)
    path = baseline + (target - baseline) * steps / weeks
    return pd.Series(path, index=pd.RangeIndex(1, weeks + 1, name="week"), name="milestone")


def format_kpi_value(kpi: str, value: float) -> str:
    """Return a KPI value written for people: percentages for shares, whole numbers otherwise.

    Args:
        kpi: A key of ``KPIS``.
        value: The value.

    Returns:
        The value as text, e.g. ``"1.8%"`` or ``"1,234"``.
    """
    k = KPIS[check_choice("kpi", kpi, KPIS)]
    if value != value:  # NaN
        return "n/a"
    if k.is_share:
        return f"{value * 100:.2f}%" if abs(value) < 0.1 else f"{value * 100:.1f}%"
    return f"{value:,.1f}" if abs(value) < 10 else f"{value:,.0f}"


def smart_goal(row: pd.Series, start: str | pd.Timestamp, weeks: int, brand: str = "we") -> str:
    """Write one KPI row as a SMART goal sentence.

    Args:
        row: A row of ``kpi_table``.
        start: First day of the period.
        weeks: Weeks until the deadline.
        brand: Who commits to the goal (e.g. the brand's name).

    Returns:
        A sentence with the KPI, the baseline, the target, how it is measured and the deadline.
    """
    deadline = (pd.Timestamp(start) + pd.Timedelta(days=7 * weeks - 1)).date()
    k = KPIS[row["kpi"]]
    verb = "raise" if k.higher_is_better else "bring down"
    base = format_kpi_value(k.slug, row["baseline"])
    target = format_kpi_value(k.slug, row["target"])
    return (
        f"{brand}: {verb} {k.label} from {base} (the history's average week) to {target} "
        f"in the week ending {deadline} ({weeks} weeks from now), measured as {k.formula}."
    )
