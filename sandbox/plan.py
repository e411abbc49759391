"""A learner's content plan: checking it, and the results of running it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .errors import SandboxInputError, check_choice
from .params import PLATFORMS
from .taxonomy import CTAS, INTERESTS, RUBRICS

if TYPE_CHECKING:
    from .explain import Explanation
    from .world import World

PLAN_COLUMNS: dict[str, str] = {
    "post_id": "your id for the post (whole number, unique); defaults to the row number",
    "platform": "platform slug, e.g. 'pixa' (required)",
    "time": "when to publish, e.g. '2026-03-03 11:00' (required)",
    "format": "post format; defaults to the platform's native format",
    "rubric": "informative, entertaining, commercial or contest; default informative",
    "topic": "an interest from the taxonomy; defaults to the niche's main interest",
    "text_length": "characters of text; default 200",
    "hashtags": "number of hashtags; default 3",
    "cta": "call to action; default 'none'",
    "trend_id": "id of a trend to join (see World.trends), or empty",
}
"""Columns a plan may have, with what each means."""

MAX_POST_ID = 999_999_999_999
"""Largest post id a plan may use (ids are mixed into random streams as 64-bit numbers)."""


@dataclass
class Post:
    """One planned post (a plan can also be a DataFrame with the same columns).

    Attributes:
        platform: Platform slug.
        time: When to publish.
        format: Post format (None: the platform's native format).
        rubric: Content rubric.
        topic: Topic from the interest taxonomy (None: the niche's main interest).
        text_length: Characters of text.
        hashtags: Number of hashtags.
        cta: Call to action.
        trend_id: Trend to join, or None.
        post_id: Your id for the post (None: its position in the plan).
    """

    platform: str
    time: str | pd.Timestamp
    format: str | None = None
    rubric: str = "informative"
    topic: str | None = None
    text_length: int = 200
    hashtags: int = 3
    cta: str = "none"
    trend_id: str | None = None
    post_id: int | None = None


def normalise_plan(
    plan: pd.DataFrame | Iterable[Post | Mapping[str, Any]],
    *,
    default_topic: str,
    period_start: pd.Timestamp,
    period_end: pd.Timestamp,
    trend_ids: Iterable[str],
) -> pd.DataFrame:
    """Check a plan and return it as a clean DataFrame with every column filled.

    Args:
        plan: A DataFrame, or a list of ``Post`` objects or dicts.
        default_topic: Topic used where none is given.
        period_start: First moment a post may be published.
        period_end: Moment after the last allowed publishing time.
        trend_ids: Ids of the world's trends.

    Returns:
        The plan with columns ``PLAN_COLUMNS`` in that order, sorted by time.

    Raises:
        SandboxInputError: Naming the column, the row and the fix, for any bad value.
    """
    if isinstance(plan, pd.DataFrame):
        df = plan.copy()
    elif isinstance(plan, str | bytes) or not isinstance(plan, Iterable):
        raise SandboxInputError(
            "plan", f"must be a DataFrame or a list of Post objects or dicts, got {type(plan).__name__}."
        )
    else:
        rows = []
        for i, p in enumerate(plan):
            if not isinstance(p, Post | Mapping):
                raise SandboxInputError(
                    "plan",
                    f"row {i} is a {type(p).__name__}; each post must be a Post or a dict like "
                    "{'platform': 'pixa', 'time': '2026-03-03 11:00'}.",
                )
            rows.append(asdict(p) if isinstance(p, Post) else dict(p))
        df = pd.DataFrame(rows)
    if len(df) == 0:
        raise SandboxInputError("plan", "is empty. Add at least one post (platform and time).")
    unknown = [c for c in df.columns if c not in PLAN_COLUMNS]
    if unknown:
        raise SandboxInputError(
            "plan", f"unknown column(s) {unknown}. Allowed columns: {', '.join(PLAN_COLUMNS)}."
        )
    for col in ("platform", "time"):
        if col not in df.columns:
            raise SandboxInputError(col, f"the plan has no {col!r} column; every post needs one.")
    df = df.reset_index(drop=True)

    def where(i: int) -> str:
        return f" (row {i})"

    if "post_id" not in df.columns or df["post_id"].isna().all():
        df["post_id"] = np.arange(len(df), dtype=np.int64)
    ids = df["post_id"]
    for i, v in enumerate(ids):
        if (
            isinstance(v, bool)
            or not isinstance(v, int | np.integer | float)
            or not 0 <= v <= MAX_POST_ID  # also rejects None, NaN and infinities
            or float(v) != int(v)
        ):
            raise SandboxInputError(
                "post_id", f"must be a whole number from 0 to {MAX_POST_ID:,}, got {v!r}{where(i)}."
            )
    df["post_id"] = ids.astype(np.int64)
    dup = df["post_id"][df["post_id"].duplicated()]
    if len(dup):
        raise SandboxInputError("post_id", f"ids must be unique; {int(dup.iloc[0])} appears twice.")

    platforms = list(PLATFORMS)
    for i, p in enumerate(df["platform"]):
        try:
            check_choice("platform", p, platforms)
        except SandboxInputError as exc:
            raise SandboxInputError("platform", str(exc).split(": ", 1)[1] + where(i)) from None

    try:
        times = pd.to_datetime(df["time"], errors="raise")
    except (ValueError, TypeError) as exc:
        raise SandboxInputError(
            "time", f"could not read a date and time ({exc}). Write times like '2026-03-03 11:00'."
        ) from None
    if getattr(times.dt, "tz", None) is not None:
        times = times.dt.tz_localize(None)
    for i, t in enumerate(times):
        if pd.isna(t):
            raise SandboxInputError("time", f"is missing{where(i)}. Every post needs a time.")
        if t < period_start or t >= period_end:
            raise SandboxInputError(
                "time",
                f"{t} is outside the simulated period{where(i)}. Plan posts from {period_start} "
                f"up to (not including) {period_end}.",
            )
    df["time"] = times.astype("datetime64[us]")

    defaults = {
        "rubric": "informative",
        "topic": default_topic,
        "text_length": 200,
        "hashtags": 3,
        "cta": "none",
        "trend_id": "",
    }
    for col, val in defaults.items():
        if col not in df.columns:
            df[col] = val
        else:
            df[col] = df[col].astype(object).where(df[col].notna(), val)
    if "format" not in df.columns:
        df["format"] = None
    fmts = []
    for i, (p, f) in enumerate(zip(df["platform"], df["format"], strict=True)):
        allowed = list(PLATFORMS[p].formats)
        if f is None or (isinstance(f, float) and np.isnan(f)) or f is pd.NA:
            fmts.append(max(PLATFORMS[p].formats, key=PLATFORMS[p].formats.get))
            continue
        if f not in allowed:
            raise SandboxInputError(
                "format",
                f"{PLATFORMS[p].name} ({p!r}) has no {f!r} posts{where(i)}. "
                f"Allowed on {p}: {', '.join(allowed)}.",
            )
        fmts.append(f)
    df["format"] = fmts
    for col, allowed in (("rubric", RUBRICS), ("topic", INTERESTS), ("cta", CTAS)):
        for i, v in enumerate(df[col]):
            try:
                check_choice(col, v, allowed)
            except SandboxInputError as exc:
                raise SandboxInputError(col, str(exc).split(": ", 1)[1] + where(i)) from None
    for col, lo, hi_fn in (
        ("text_length", 1, lambda p: PLATFORMS[p].max_chars),
        ("hashtags", 0, lambda p: 30),
    ):
        for i, (v, p) in enumerate(zip(df[col], df["platform"], strict=True)):
            hi = hi_fn(p)
            if (
                isinstance(v, bool)
                or not isinstance(v, int | float | np.integer | np.floating)
                or not lo <= v <= hi  # before int(): also rejects NaN and infinities
                or float(v) != int(v)
            ):
                raise SandboxInputError(
                    col, f"must be a whole number from {lo} to {hi} on {p}, got {v!r}{where(i)}."
                )
        df[col] = df[col].astype(np.int64)
    valid_trends = set(trend_ids)
    for i, v in enumerate(df["trend_id"]):
        if v not in ("", None) and (not isinstance(v, str) or v not in valid_trends):
            raise SandboxInputError(
                "trend_id",
                f"unknown trend {v!r}{where(i)}. See world.trends for the ids "
                f"({', '.join(sorted(valid_trends)[:5])}, ...), or leave it empty.",
            )
    df["trend_id"] = df["trend_id"].fillna("")
    for col in ("platform", "format", "rubric", "topic", "cta", "trend_id"):
        df[col] = df[col].astype("str")
    df = df[list(PLAN_COLUMNS)]
    return df.sort_values(["time", "post_id"], kind="stable").reset_index(drop=True)


class PlanResult:
    """What happened when a plan ran: posts, daily figures, followers, comments.

    Attributes:
        plan: The plan as it ran (clean, sorted by time).
        posts: One row per post with its outcome (``sandbox.columns.POST_COLUMNS``).
        daily: One row per day and platform (``sandbox.columns.DAILY_COLUMNS``).
        followers: Followers at the end of each day, one column per platform.
        comments: Comments on your posts, with ground-truth labels.
        factors: The model's factors behind each post (indexed by ``post_id``).
    """

    def __init__(
        self,
        world: World,
        plan: pd.DataFrame,
        posts: pd.DataFrame,
        daily: pd.DataFrame,
        comments: pd.DataFrame,
        factors: pd.DataFrame,
    ) -> None:
        self._world = world
        self.plan = plan
        self.posts = posts
        self.daily = daily
        self.comments = comments
        self.factors = factors
        self.followers = daily.pivot(index="date", columns="platform", values="followers_end")
        self.followers.columns.name = None

    def explain(self, post_id: int) -> Explanation:
        """Explain one post's result (see ``sandbox.explain``).

        Args:
            post_id: The post's id in the plan.

        Returns:
            The explanation.
        """
        from .explain import explain_post

        return explain_post(self._world, self.posts, self.factors, post_id)

    def what_if(self, post_id: int, **changes: Any) -> PlanResult:
        """Rerun the plan with one post changed; every other post keeps its own luck.

        Args:
            post_id: Which post to change.
            **changes: New values, e.g. ``time="2026-03-04 11:00"`` or ``format="carousel"``.

        Returns:
            The result of the changed plan.

        Raises:
            SandboxInputError: If the post id is unknown or a change is not a plan column.
        """
        if post_id not in set(self.plan["post_id"]):
            ids = sorted(int(i) for i in self.plan["post_id"])
            shown = ", ".join(map(str, ids[:12])) + (", ..." if len(ids) > 12 else "")
            raise SandboxInputError("post_id", f"no post {post_id!r} in this plan; its post ids are {shown}.")
        bad = [k for k in changes if k not in PLAN_COLUMNS or k == "post_id"]
        if bad:
            raise SandboxInputError(
                "changes", f"cannot change {bad}; change one of {', '.join(list(PLAN_COLUMNS)[1:])}."
            )
        new = self.plan.astype(object).copy()
        row = new.index[new["post_id"] == post_id][0]
        for k, v in changes.items():
            new.loc[row, k] = v
        return self._world.run_plan(new)

    def summary(self) -> pd.DataFrame:
        """Return totals per platform: posts, reach, engagements, clicks and net followers.

        Returns:
            One row per platform that had posts.
        """
        agg = self.posts.groupby("platform").agg(
            posts=("post_id", "size"),
            reach=("reach", "sum"),
            impressions=("impressions", "sum"),
            engagements=("engagements", "sum"),
            clicks=("clicks", "sum"),
            follows=("follows", "sum"),
            unfollows=("unfollows", "sum"),
            median_er_followers=("er_followers", "median"),
        )
        agg["net_followers"] = agg["follows"] - agg["unfollows"]
        return agg

    def __repr__(self) -> str:
        s = self.summary()
        return (
            f"PlanResult: {len(self.posts)} posts on {len(s)} platform(s), reach "
            f"{int(s['reach'].sum()):,}, engagements {int(s['engagements'].sum()):,}, net followers "
            f"{int(s['net_followers'].sum()):+,}. See .posts, .daily, .followers, .comments, "
            f".explain(post_id)."
        )
