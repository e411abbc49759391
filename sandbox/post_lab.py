"""Post lab: test a post idea on many simulated copies, so that luck averages out.

One post proves nothing: the same post published twice differs by about ±35% from luck
alone. The functions here run many copies of a post, or of several variants that differ in
one thing only, through ``World.run_plan`` and return averages, so that a learner compares
ideas instead of luck.

* ``compare_posts`` runs each variant as its own plan: ``copies`` posts, one a day at the
  same hour over the same days, each copy with its own luck. Variants on different platforms
  share a run (each platform is a separate account, so they cannot affect each other).
* ``repeat_plan`` runs one plan several times with fresh luck (e.g. one post on each day of
  a trend, repeated).
* ``test_post`` is one post idea, as the post tester widget uses it.

Example:
    >>> from sandbox import World
    >>> from sandbox.post_lab import compare_posts
    >>> world = World(seed=1, niche="coffee_shop", size=2_000)
    >>> lab = compare_posts(world, [{"platform": "loop", "format": f} for f in ("short_video", "image")])
    >>> lab.summary()["reach"].idxmax()
    'short_video'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from .columns import POST_COLUMNS
from .errors import SandboxInputError, check_choice, check_positive_int
from .explain import Explanation
from .params import PLATFORMS
from .plan import PLAN_COLUMNS, PlanResult
from .world import World

VARIANT_FIELDS: tuple[str, ...] = tuple(c for c in PLAN_COLUMNS if c not in ("post_id", "time"))
"""Plan columns a variant may set (everything but ``post_id`` and ``time``)."""

OUTCOMES: tuple[str, ...] = (
    "reach",
    "reach_non_followers",
    "impressions",
    "engagements",
    "likes",
    "comments",
    "shares",
    "saves",
    "clicks",
    "follows",
    "bot_follows",
    "unfollows",
)
"""Per-post outcomes that ``LabResult.summary`` averages."""

FACTOR_MEANINGS: dict[str, str] = {
    "time_of_day": "followers online at that hour vs an average hour (reach)",
    "audience_fit": "how many followers care about the topic (reach)",
    "format_fit": "how well the format suits the platform (reach)",
    "fatigue": "reach kept after posting more than the audience takes",
    "trend": "joining a trend: early on the rise pays, late or off-platform costs (reach)",
    "quality": "the brand's craft (reach)",
    "luck": "random variation; averages to about 1 over many copies",
    "hashtags": "discovery by non-followers: up to the platform's best count, spammy past 15",
    "text_length": "text cut by 'show more' on text-heavy platforms (engagement)",
    "rubric": "informative / entertaining / commercial / contest (engagement)",
    "cta": "the call to action (engagement)",
    "real_share": "share of followers who are real people; bots never react (engagement)",
}
"""The model factors a post test reports, with what each multiplies."""

MAX_COPIES = 500


@dataclass
class LabResult:
    """Many simulated copies of one or more post variants.

    Attributes:
        posts: One row per simulated copy: the plan columns, the outcomes
            (``sandbox.columns.POST_COLUMNS``), ``variant`` (the variant's number, or the
            plan row's ``post_id`` for ``repeat_plan``) and ``copy`` (0, 1, ...).
        factors: The model's factors per copy (``sandbox.columns.FACTOR_COLUMNS``), same
            index as ``posts``.
        keys: The plan columns the variants were described by (used to label summaries).
        comments: Comments on the copies, with ground-truth labels
            (``sandbox.columns.COMMENT_COLUMNS``) and the copy's ``variant`` and ``copy``.
        runs: The ``PlanResult`` of every run, for ``explain``.
    """

    posts: pd.DataFrame
    factors: pd.DataFrame
    keys: list[str]
    comments: pd.DataFrame
    runs: list[PlanResult] = field(default_factory=list, repr=False)

    def _by(self, by: str | list[str] | None) -> list[str]:
        if by is None:
            return list(self.keys) or ["variant"]
        cols = [by] if isinstance(by, str) else list(by)
        bad = [c for c in cols if c not in self.posts.columns]
        if bad:
            raise SandboxInputError(
                "by", f"unknown column(s) {bad}; group by columns of .posts, e.g. {self.keys or ['variant']}."
            )
        return cols

    def summary(self, by: str | list[str] | None = None) -> pd.DataFrame:
        """Average the copies' outcomes per variant.

        Means are per post. ``er_reach`` is engagements / reach and ``er_followers`` is
        engagements / followers, both pooled over the copies (total engagements divided by
        total reach or followers), which is steadier than averaging each post's rate.
        ``reach_se`` is the standard error of the mean reach: differences smaller than about
        two of them may be luck.

        Args:
            by: Column(s) of ``posts`` to group by; default: the columns the variants set.

        Returns:
            One row per group with ``posts`` (copies), the mean of each outcome in
            ``OUTCOMES``, ``reach_se``, ``er_reach`` and ``er_followers``.
        """
        cols = self._by(by)
        g = self.posts.groupby(cols, sort=False)
        out = g[list(OUTCOMES)].mean()
        out.insert(0, "posts", g.size())
        out["reach_se"] = g["reach"].std(ddof=1).fillna(0.0) / np.sqrt(out["posts"])
        sums = g[["engagements", "reach", "followers"]].sum()
        out["er_reach"] = (sums["engagements"] / sums["reach"].where(sums["reach"] > 0)).fillna(0.0)
        out["er_followers"] = (sums["engagements"] / sums["followers"].where(sums["followers"] > 0)).fillna(
            0.0
        )
        return out

    def mean_factors(self, by: str | list[str] | None = None) -> pd.DataFrame:
        """Average the model's factors per variant (the glass box behind ``summary``).

        Args:
            by: Column(s) of ``posts`` to group by; default: the columns the variants set.

        Returns:
            One row per group, one column per factor in ``FACTOR_MEANINGS``.
        """
        cols = self._by(by)
        keys = [self.posts[c] for c in cols]
        return self.factors[list(FACTOR_MEANINGS)].groupby(keys, sort=False).mean()

    def explain(self, post_id: int) -> Explanation:
        """Explain one simulated copy (see ``World.explain``).

        Args:
            post_id: The copy's ``post_id`` (a value of ``posts["post_id"]``).

        Returns:
            The explanation.

        Raises:
            SandboxInputError: If no copy has that id.
        """
        for run in self.runs:
            if post_id in set(run.posts["post_id"]):
                return run.explain(post_id)
        raise SandboxInputError("post_id", f"no copy {post_id!r} here; pick one from .posts['post_id'].")


def per_day(platform: str) -> int:
    """Return how many copies of a post can go out on one day without tiring the audience.

    Args:
        platform: Platform slug.

    Returns:
        The platform's sustainable posts per day, rounded down (at least 1).
    """
    return max(1, int(PLATFORMS[platform].sustainable_posts_per_day))


def _check_copies(copies: Any, name: str = "copies") -> int:
    n = check_positive_int(name, copies)
    if n > MAX_COPIES:
        raise SandboxInputError(name, f"at most {MAX_COPIES}, got {n}; 20-60 copies are plenty.")
    return n


def _check_hour(hour: Any) -> int:
    if isinstance(hour, bool) or not isinstance(hour, int | np.integer) or not 0 <= hour <= 23:
        raise SandboxInputError("hour", f"must be a whole hour from 0 to 23, got {hour!r}.")
    return int(hour)


def _collect(runs: list[PlanResult], labels: dict[int, tuple[int, int]], keys: list[str]) -> LabResult:
    posts = pd.concat([r.posts for r in runs], ignore_index=True)
    factors = pd.concat([r.factors.loc[r.posts["post_id"].to_numpy()] for r in runs], ignore_index=True)
    ids = posts["post_id"].to_numpy()
    variant = np.array([labels[int(i)][0] for i in ids], dtype=np.int64)
    copy = np.array([labels[int(i)][1] for i in ids], dtype=np.int64)
    order = np.lexsort((copy, variant))
    posts = posts.assign(variant=variant, copy=copy).iloc[order].reset_index(drop=True)
    factors = factors.iloc[order].reset_index(drop=True)
    parts = [r.comments for r in runs if len(r.comments)] or [runs[0].comments]
    comments = pd.concat(parts, ignore_index=True)
    cid = comments["post_id"].to_numpy()
    comments["variant"] = np.array([labels[int(i)][0] for i in cid], dtype=np.int64)
    comments["copy"] = np.array([labels[int(i)][1] for i in cid], dtype=np.int64)
    return LabResult(posts, factors, keys, comments, runs)


def compare_posts(
    world: World,
    variants: Iterable[Mapping[str, Any]] | pd.DataFrame,
    *,
    copies: int = 28,
    hour: int = 11,
    first_id: int = 0,
) -> LabResult:
    """Run each variant as its own plan of ``copies`` posts and collect the results.

    Each variant's copies go out at ``hour`` from the first day of the plan period on, as
    many a day as the platform's audience takes without tiring (``per_day``: 1 on Circles
    and Linkup, 2 on Pixa, 3 on Loop and Beacon, 4 on Chirp), continuing into extra runs when
    they do not fit into the period. Every variant of a platform meets the same days and
    weekdays; only the one thing you changed differs. Each copy gets its own post id, so its
    own luck. Variants on different platforms share a run, because each platform is a
    separate account.

    Args:
        world: The world to test in.
        variants: Partial posts (dicts, or a DataFrame's rows) with any of
            ``VARIANT_FIELDS``; ``platform`` is required. Missing fields take the plan
            defaults (native format, informative, the niche's main topic, 200 characters,
            3 hashtags, no CTA, no trend).
        copies: Copies per variant (1 to 500).
        hour: Publishing hour, 0-23 (local time).
        first_id: First post id to use; change it to rerun the test with fresh luck.

    Returns:
        A ``LabResult``; ``summary()`` averages the copies per variant.

    Raises:
        SandboxInputError: For bad arguments or a variant with a bad value.
    """
    n = _check_copies(copies)
    h = _check_hour(hour)
    if isinstance(first_id, bool) or not isinstance(first_id, int | np.integer) or first_id < 0:
        raise SandboxInputError("first_id", f"must be a whole number of 0 or more, got {first_id!r}.")
    specs = variants.to_dict("records") if isinstance(variants, pd.DataFrame) else [dict(v) for v in variants]
    if not specs:
        raise SandboxInputError(
            "variants", "is empty; give at least one partial post, e.g. {'platform': 'pixa'}."
        )
    keys: list[str] = []
    for i, spec in enumerate(specs):
        if "platform" not in spec:
            raise SandboxInputError("variants", f"variant {i} has no 'platform'; every variant needs one.")
        bad = [k for k in spec if k not in VARIANT_FIELDS]
        if bad:
            raise SandboxInputError(
                "variants",
                f"variant {i} sets {bad}; a variant may set {', '.join(VARIANT_FIELDS)} "
                "(the lab chooses times and post ids itself).",
            )
        check_choice("platform", spec["platform"], PLATFORMS)
        keys += [k for k in spec if k not in keys]
    # only the fields that differ between variants label the summary
    varying = [k for k in keys if len({repr(s.get(k)) for s in specs}) > 1]
    days = world.horizon_days
    start = world.start_date + pd.Timedelta(hours=h)
    rank: dict[str, int] = {}
    rows: dict[tuple[int, int], list[dict[str, Any]]] = {}
    labels: dict[int, tuple[int, int]] = {}
    next_id = int(first_id)
    for v, spec in enumerate(specs):
        r = rank.get(spec["platform"], 0)
        rank[spec["platform"]] = r + 1
        for c in range(n):
            block, day = divmod(c // per_day(spec["platform"]), days)
            post = {**spec, "time": start + pd.Timedelta(days=day), "post_id": next_id}
            rows.setdefault((r, block), []).append(post)
            labels[next_id] = (v, c)
            next_id += 1
    runs = [world.run_plan(pd.DataFrame(rows[k])) for k in sorted(rows)]
    return _collect(runs, labels, varying or ["platform", "format"])


def _copies_per_run(plan: pd.DataFrame) -> int:
    """How many copies of a plan fit into one run without tiring any audience."""
    if "time" not in plan.columns or "platform" not in plan.columns:
        return 1
    try:
        day = pd.to_datetime(plan["time"]).dt.normalize()
    except (ValueError, TypeError):
        return 1  # run_plan will explain the bad time
    most = plan.assign(_day=day).groupby(["platform", "_day"]).size().groupby(level="platform").max()
    if not set(most.index) <= set(PLATFORMS):
        return 1  # run_plan will explain the bad platform
    return max(1, min(int(PLATFORMS[p].sustainable_posts_per_day // m) for p, m in most.items()))


def repeat_plan(
    world: World, plan: pd.DataFrame | Iterable[Mapping[str, Any]], *, repeats: int = 10, first_id: int = 0
) -> LabResult:
    """Run the same plan several times, each time with fresh luck.

    Copies of the plan share a run when the audience can take them (e.g. three copies of a
    one-post-a-day Loop plan go out together: Loop's audience takes three posts a day), so
    no copy is penalised for crowding and fewer runs are needed.

    Args:
        world: The world to run in.
        plan: A plan (see ``sandbox.plan.PLAN_COLUMNS``). Its ``post_id`` values (or row
            numbers) label the rows: they come back in the ``variant`` column. Extra
            columns (your labels, e.g. ``day``) are kept and come back in ``posts``.
        repeats: How many times to run it (1 to 500).
        first_id: First post id to use; change it to rerun with fresh luck.

    Returns:
        A ``LabResult`` whose ``variant`` is the plan row's post id and ``copy`` the repeat.

    Raises:
        SandboxInputError: For bad arguments or a bad plan.
    """
    n = _check_copies(repeats, "repeats")
    df = plan.copy() if isinstance(plan, pd.DataFrame) else pd.DataFrame([dict(p) for p in plan])
    if len(df) == 0:
        raise SandboxInputError("plan", "is empty. Add at least one post (platform and time).")
    df = df.reset_index(drop=True)
    if "post_id" not in df.columns:
        df["post_id"] = np.arange(len(df), dtype=np.int64)
    extra = [c for c in df.columns if c not in PLAN_COLUMNS]
    clash = [c for c in extra if c in POST_COLUMNS or c in ("variant", "copy")]
    if clash:
        raise SandboxInputError(
            "plan", f"label column(s) {clash} clash with result columns; rename them (e.g. 'my_{clash[0]}')."
        )
    slots = df["post_id"].to_numpy()
    together = _copies_per_run(df)
    runs, labels = [], {}
    next_id = int(first_id)
    for first in range(0, n, together):
        parts = []
        for rep in range(first, min(n, first + together)):
            ids = np.arange(next_id, next_id + len(df), dtype=np.int64)
            for s, i in zip(slots, ids, strict=True):
                labels[int(i)] = (int(s), rep)
            parts.append(df.drop(columns=extra).assign(post_id=ids))
            next_id += len(df)
        runs.append(world.run_plan(pd.concat(parts, ignore_index=True)))
    lab = _collect(runs, labels, ["variant"])
    if extra:
        lookup = df.set_index("post_id")[extra]
        for c in extra:
            lab.posts[c] = lookup[c].reindex(lab.posts["variant"].to_numpy()).to_numpy()
    return lab


def trend_time(world: World, trend_id: str, day: float, hour: int = 11) -> pd.Timestamp:
    """Return the publishing time ``day`` days after a trend starts, at ``hour``.

    Args:
        world: The world.
        trend_id: A trend id from ``world.trends``.
        day: Days since the trend's start (the day the trend starts is day 0; may be negative).
        hour: Publishing hour, 0-23.

    Returns:
        The time.

    Raises:
        SandboxInputError: For an unknown trend or a time outside the plan period.
    """
    h = _check_hour(hour)
    trends = world.trends.set_index("trend_id")
    if trend_id not in trends.index:
        raise SandboxInputError(
            "trend_id", f"unknown trend {trend_id!r}; see world.trends ({', '.join(trends.index[:5])}, ...)."
        )
    t = trends.loc[trend_id, "start"].normalize() + pd.Timedelta(days=float(day), hours=h)
    if not world.start_date <= t < world.period_end:
        raise SandboxInputError(
            "day",
            f"day {day:g} of {trend_id} is {t:%Y-%m-%d %H:%M}, outside the plan period "
            f"{world.start_date:%Y-%m-%d} to {world.period_end - pd.Timedelta(days=1):%Y-%m-%d}. "
            "Pick another day or a trend inside the period (trends_in_period(world)).",
        )
    return t


def trends_in_period(world: World) -> pd.DataFrame:
    """Return the trends you can still join: those that start inside the plan period.

    Args:
        world: The world.

    Returns:
        Rows of ``world.trends``, earliest first.
    """
    t = world.trends
    return t[(t["start"] >= world.start_date) & (t["start"] < world.period_end)].reset_index(drop=True)


def test_post(
    world: World,
    post: Mapping[str, Any] | None = None,
    *,
    copies: int = 20,
    hour: int = 11,
    trend_day: float | None = None,
    first_id: int = 0,
    **fields: Any,
) -> LabResult:
    """Publish one post idea many times over and return the copies' results.

    Without ``trend_day`` the copies go out at ``hour`` from the first day of the plan
    period on (``compare_posts`` with one variant). With ``trend_day`` every copy goes out at
    the same moment, ``trend_day`` days after the post's trend started, spread over as many
    runs as it takes for no copy to crowd another.

    Args:
        world: The world to test in.
        post: A partial post (see ``VARIANT_FIELDS``); ``platform`` is required.
        copies: How many copies to average over (1 to 500).
        hour: Publishing hour, 0-23.
        trend_day: Days after the trend's start to publish (needs ``trend_id``).
        first_id: First post id; change it for fresh luck.
        **fields: More post fields, e.g. ``format="carousel"`` (override ``post``).

    Returns:
        A ``LabResult`` with one variant; ``summary().iloc[0]`` holds the averages.

    Raises:
        SandboxInputError: For bad arguments (naming the parameter and the fix).
    """
    spec = {**(dict(post) if post else {}), **fields}
    if trend_day is None:
        return compare_posts(world, [spec], copies=copies, hour=hour, first_id=first_id)
    if not spec.get("trend_id"):
        raise SandboxInputError("trend_day", "needs a trend: set trend_id too (see trends_in_period(world)).")
    n = _check_copies(copies)
    bad = [k for k in spec if k not in VARIANT_FIELDS]
    if bad:
        raise SandboxInputError(
            "post", f"unknown field(s) {bad}; a post may set {', '.join(VARIANT_FIELDS)}."
        )
    t = trend_time(world, str(spec["trend_id"]), trend_day, hour)
    lab = repeat_plan(world, [{**spec, "time": t, "post_id": 0}], repeats=n, first_id=first_id)
    lab.keys = ["platform", "format"]
    return lab


test_post.__test__ = False  # not a pytest test, despite the name


def trend_schedule(
    world: World, trend_id: str, *, days_before: int = 2, peaks_after: float = 3.0, hour: int = 11
) -> pd.DataFrame:
    """Return one publishing time per day around a trend, inside the plan period.

    Args:
        world: The world.
        trend_id: A trend id from ``world.trends``.
        days_before: Days before the trend's start to begin.
        peaks_after: How long to go on, in multiples of the time from start to peak.
        hour: Publishing hour, 0-23.

    Returns:
        Columns ``day`` (days since the trend's start; 0 = the day it starts) and ``time``,
        only for times inside the plan period.

    Raises:
        SandboxInputError: For an unknown trend or a trend with no day inside the period.
    """
    h = _check_hour(hour)
    trends = world.trends.set_index("trend_id")
    if trend_id not in trends.index:
        raise SandboxInputError(
            "trend_id", f"unknown trend {trend_id!r}; see world.trends ({', '.join(trends.index[:5])}, ...)."
        )
    row = trends.loc[trend_id]
    last = int(np.ceil(float(row["peak_day"]) * peaks_after))
    days = np.arange(-int(days_before), last + 1)
    times = row["start"].normalize() + pd.to_timedelta(days, unit="D") + pd.Timedelta(hours=h)
    inside = (times >= world.start_date) & (times < world.period_end)
    if not inside.any():
        raise SandboxInputError(
            "trend_id",
            f"{trend_id} has no day inside the plan period; pick one from trends_in_period(world).",
        )
    return pd.DataFrame({"day": days[inside], "time": times[inside]}).reset_index(drop=True)
