"""Analysis helpers the lessons and exercises share: small, named, documented."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .errors import SandboxInputError, check_choice, check_positive_int
from .params import PLATFORMS
from .taxonomy import CTAS, FORMATS, INTERESTS, RUBRICS

if TYPE_CHECKING:
    from .world import World


def interest_shares(people: pd.DataFrame) -> pd.Series:
    """Return the share of people holding each interest, largest first.

    Args:
        people: Rows of the people table.

    Returns:
        Share (0..1) per interest.
    """
    if len(people) == 0:
        return pd.Series(0.0, index=list(INTERESTS))
    held = people["interests"].str.split(", ").explode()
    return (
        (held.value_counts() / len(people))
        .reindex(list(INTERESTS), fill_value=0.0)
        .sort_values(ascending=False)
        .astype(np.float64)
    )


# --- audience: who follows a brand, compared with everyone (lesson 01) ----------------------


def share_vs_reference(group: pd.DataFrame, reference: pd.DataFrame, column: str) -> pd.DataFrame:
    """Compare how often each value of a column occurs in a group and in a reference population.

    The ``index`` column is the affinity index marketers use: 100 means the value is as common
    in the group as in the reference, 200 twice as common, 50 half as common.

    Args:
        group: Rows of the people table, e.g. a brand's followers.
        reference: Rows of the people table to compare with, e.g. ``world.people``.
        column: A column of both tables, e.g. ``"age_band"``, ``"gender"`` or ``"city"``.

    Returns:
        One row per value, with ``group`` and ``reference`` shares (0..1) and ``index``,
        largest group share first.

    Raises:
        SandboxInputError: If ``column`` is missing from either table.
    """
    for name, table in (("group", group), ("reference", reference)):
        if column not in table.columns:
            raise SandboxInputError(
                "column",
                f"{column!r} is not a column of {name}. Columns: {', '.join(map(str, table.columns))}.",
            )
    out = pd.DataFrame(
        {
            "group": group[column].value_counts(normalize=True),
            "reference": reference[column].value_counts(normalize=True),
        }
    ).fillna(0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        out["index"] = np.where(out["reference"] > 0, out["group"] / out["reference"] * 100, np.nan)
    out.index.name = column
    return out.sort_values(["group", "reference"], ascending=False).astype(np.float64)


def platform_shares(people: pd.DataFrame) -> pd.Series:
    """Return the share of people who use each platform.

    Args:
        people: Rows of the people table (with the ``on_<platform>`` columns).

    Returns:
        Share (0..1) per platform slug, in the platforms' usual order.
    """
    cols = [f"on_{slug}" for slug in PLATFORMS]
    if len(people) == 0:
        return pd.Series(0.0, index=list(PLATFORMS), name="share")
    shares = people[cols].mean().astype(np.float64)
    shares.index = list(PLATFORMS)
    shares.name = "share"
    return shares


def persona_summary(world: World, people: pd.DataFrame, top_interests: int = 3) -> pd.Series:
    """Describe a group of people as a persona: the numbers behind a marketer's portrait.

    Args:
        world: The world the people live in (for their online hours).
        people: Rows of the people table: a segment of a brand's followers, say. Take bots
            out first if they should not shape the portrait.
        top_interests: How many interests to list.

    Returns:
        ``people`` (count), ``median_age``, ``main_age_band`` and its ``main_age_band_share``,
        ``female_share``, ``main_city`` and ``main_city_share``, ``top_interests`` (comma-
        separated, most common first) and ``top_interest_share`` (share holding the first one),
        ``main_platform`` (slug of the platform most of them use) and ``main_platform_share``,
        ``peak_hour`` (their busiest hour there, averaged over the week) and ``best_day``
        (their busiest weekday there).

    Raises:
        SandboxInputError: If ``people`` is empty or ``top_interests`` is not a positive whole number.
    """
    if len(people) == 0:
        raise SandboxInputError("people", "is empty; a persona needs at least one person.")
    top_interests = check_positive_int("top_interests", top_interests)
    bands = people["age_band"].value_counts(normalize=True)
    cities = people["city"].value_counts(normalize=True)
    interests = interest_shares(people)
    platforms = platform_shares(people)
    main_platform = str(platforms.idxmax())
    activity = world.activity(people, platform=main_platform)
    return pd.Series(
        {
            "people": len(people),
            "median_age": int(np.median(people["age"])),
            "main_age_band": str(bands.index[0]),
            "main_age_band_share": float(bands.iloc[0]),
            "female_share": float((people["gender"] == "female").mean()),
            "main_city": str(cities.index[0]),
            "main_city_share": float(cities.iloc[0]),
            "top_interests": ", ".join(interests.index[:top_interests]),
            "top_interest_share": float(interests.iloc[0]),
            "main_platform": main_platform,
            "main_platform_share": float(platforms.max()),
            "peak_hour": int(activity.mean(axis=0).idxmax()),
            "best_day": str(activity.mean(axis=1).idxmax()),
        },
        dtype=object,
        name="persona",
    )


def segment_profiles(world: World, people: pd.DataFrame, segments: pd.Series) -> pd.DataFrame:
    """Compare segments side by side: one persona summary per segment.

    Args:
        world: The world the people live in.
        people: Rows of the people table.
        segments: Segment label of each row of ``people`` (same index), e.g. built with
            ``people["age_band"].map({...})``. Rows with a missing label are left out.

    Returns:
        One row per segment (largest first) with ``share`` (of the labelled people) and the
        columns of :func:`persona_summary`.

    Raises:
        SandboxInputError: If ``segments`` does not label the rows of ``people``.
    """
    if not segments.index.equals(people.index):
        raise SandboxInputError(
            "segments", "must have the same index as people; build it from a column of people."
        )
    labelled = segments.dropna()
    if labelled.empty:
        raise SandboxInputError("segments", "labels no one; every value is missing.")
    rows = {
        str(label): persona_summary(world, people.loc[labelled.index[labelled == label]])
        for label in labelled.value_counts().index
    }
    out = pd.DataFrame(rows).T
    out.insert(0, "share", out["people"].astype(np.float64) / len(labelled))
    out.index.name = "segment"
    return out


# --- competitors: frequency, mix, engagement, timing, formats (lesson 02) --------------------

ER_DENOMINATORS: tuple[str, ...] = ("followers", "reach", "impressions")
"""What an engagement rate can be divided by."""


def posts_per_week(
    posts: pd.DataFrame, days: int | None = None, columns: str | None = "platform"
) -> pd.DataFrame:
    """Return how many posts a week each brand publishes (per platform by default).

    Args:
        posts: Rows of a posts table (``world.posts``).
        days: Length of the period the posts cover, in days (``world.history_days`` for the
            history). None: from the first post's day to the last post's day.
        columns: Column to spread across (``"platform"``), or None for one total per brand.

    Returns:
        Posts per week: brands as rows, one column per ``columns`` value (0 where a brand
        never posted), or a single ``posts_per_week`` column.

    Raises:
        SandboxInputError: If ``days`` is not a positive whole number.
    """
    if days is None:
        if len(posts) == 0:
            days = 1
        else:
            t = pd.to_datetime(posts["time"])
            days = int((t.max().normalize() - t.min().normalize()).days) + 1
    days = check_positive_int("days", days)
    weeks = days / 7.0
    if columns is None:
        out = posts.groupby("brand").size().to_frame("posts_per_week") / weeks
    else:
        out = posts.groupby(["brand", columns]).size().unstack(fill_value=0) / weeks
        if columns == "platform":
            out = out.reindex(columns=[p for p in PLATFORMS if p in out.columns])
        out.columns.name = columns
    return out.astype(np.float64)


def engagement_rate(
    posts: pd.DataFrame,
    denominator: str = "followers",
    by: str | list[str] | None = "brand",
    stat: str = "mean",
) -> pd.Series | float:
    """Return the engagement rate per post, summarised per group, with an explicit denominator.

    Each post's rate is engagements (likes + comments + shares + saves) divided by the
    denominator; posts whose denominator is 0 are left out. ``"followers"`` tells how much of
    the audience a brand moves (the usual benchmark); ``"reach"`` and ``"impressions"`` tell
    how engaging a post was for the people who actually saw it.

    Args:
        posts: Rows of a posts table.
        denominator: ``"followers"``, ``"reach"`` or ``"impressions"``.
        by: Column(s) to group by, or None for all posts together.
        stat: ``"mean"`` (average post) or ``"median"`` (typical post; often 0 for small
            accounts, where most posts get no reaction at all).

    Returns:
        Engagement rate (0.01 = 1%) per group, or one number when ``by`` is None.

    Raises:
        SandboxInputError: For an unknown denominator or stat.
    """
    check_choice("denominator", denominator, ER_DENOMINATORS)
    check_choice("stat", stat, ("mean", "median"))
    den = posts[denominator].to_numpy(dtype=np.float64)
    keep = den > 0
    rate = pd.Series(
        posts["engagements"].to_numpy(dtype=np.float64)[keep] / den[keep], index=posts.index[keep]
    )
    if by is None:
        return float(getattr(rate, stat)()) if len(rate) else float("nan")
    keys = [by] if isinstance(by, str) else list(by)
    groupers = [posts.loc[keep, k] for k in keys]
    grouped = rate.groupby(groupers[0] if len(groupers) == 1 else groupers)
    out = getattr(grouped, stat)().astype(np.float64)
    out.name = f"er_{denominator}"
    return out


def er_rankings(
    posts: pd.DataFrame,
    by: str = "brand",
    denominators: tuple[str, ...] = ("followers", "reach"),
    stat: str = "mean",
) -> pd.DataFrame:
    """Rank groups (brands by default) by engagement rate under several denominators.

    Args:
        posts: Rows of a posts table.
        by: Column to group by.
        denominators: Denominators to compare (see :func:`engagement_rate`).
        stat: ``"mean"`` or ``"median"`` per post.

    Returns:
        One row per group: ``er_<denominator>`` and ``rank_<denominator>`` (1 = highest) for
        each denominator, sorted by the first denominator's rank.
    """
    out = pd.DataFrame(index=pd.Index(sorted(posts[by].unique()), name=by))
    for d in denominators:
        er = engagement_rate(posts, d, by=by, stat=stat)
        out[f"er_{d}"] = er
        out[f"rank_{d}"] = er.rank(ascending=False, method="min").astype("Int64")
    return out.sort_values(f"rank_{denominators[0]}")


def content_mix(posts: pd.DataFrame, column: str = "rubric", by: str | list[str] = "brand") -> pd.DataFrame:
    """Return each group's share of posts per rubric (or format, topic, CTA).

    Args:
        posts: Rows of a posts table.
        column: What to count: ``"rubric"``, ``"format"``, ``"topic"`` or ``"cta"``.
        by: Column(s) to group by.

    Returns:
        Shares (each row sums to 1), one column per value; rubrics and formats in the
        taxonomy's order.

    Raises:
        SandboxInputError: If ``column`` is not one of the allowed columns.
    """
    check_choice("column", column, ("rubric", "format", "topic", "cta"))
    keys = [by] if isinstance(by, str) else list(by)
    mix = pd.crosstab([posts[k] for k in keys], posts[column], normalize="index")
    order = {"rubric": RUBRICS, "format": FORMATS, "cta": CTAS, "topic": INTERESTS}[column]
    mix = mix.reindex(columns=[v for v in order if v in mix.columns])
    mix.columns.name = column
    return mix.astype(np.float64)


def format_fit(posts: pd.DataFrame) -> pd.Series:
    """Return how well each post's format suits its platform.

    The value is the platform's reach multiplier for the format (``sandbox.PLATFORMS[slug].formats``):
    1.0 is a standard fit, above 1 a format the platform favours, below 1 a format that
    reaches fewer people there (a photo on a short-video platform, say).

    Args:
        posts: Rows of a posts table (``platform`` and ``format``).

    Returns:
        Format fit per post, indexed like ``posts``.
    """
    fit = [
        PLATFORMS[p].formats.get(f, np.nan) for p, f in zip(posts["platform"], posts["format"], strict=True)
    ]
    return pd.Series(fit, index=posts.index, name="format_fit", dtype=np.float64)


def mark_off_peak(world: World, posts: pd.DataFrame, threshold: float = 1.0) -> pd.DataFrame:
    """Add when each post went out relative to its account's audience: online level and off-peak flag.

    ``audience_online`` is how many of the account's followers are online at the post's
    weekday and hour (from ``world.activity``): 1.0 is an average hour, 2.0 twice as many,
    0.3 an hour when most of them sleep.

    Args:
        world: The world the posts belong to.
        posts: Rows of ``world.posts`` (``brand_id``, ``platform``, ``time``).
        threshold: A post is ``off_peak`` when ``audience_online`` is below this (1.0: fewer
            people online than in an average hour; 0.5: most of them asleep or at work).

    Returns:
        A copy of ``posts`` with ``audience_online`` and ``off_peak`` columns.

    Raises:
        SandboxInputError: If ``threshold`` is not a positive number.
    """
    if isinstance(threshold, bool) or not isinstance(threshold, int | float) or threshold <= 0:
        raise SandboxInputError("threshold", f"must be a positive number such as 1.0, got {threshold!r}.")
    out = posts.copy()
    times = pd.DatetimeIndex(out["time"])
    day = times.day_of_week.to_numpy()
    hour = times.hour.to_numpy()
    followers = world.brand_followers
    panel = {k: g["person_id"].to_numpy() for k, g in followers.groupby(["brand_id", "platform"])}
    online = np.full(len(out), np.nan)
    groups = pd.Series(np.arange(len(out))).groupby(
        [out["brand_id"].to_numpy(dtype=np.int64), out["platform"].to_numpy(dtype=object)]
    )
    for (brand_id, platform), rows in groups:
        ids = panel.get((int(brand_id), str(platform)))
        table = world.activity(ids if ids is not None and ids.size else None, platform=str(platform))
        pos = rows.to_numpy()
        online[pos] = table.to_numpy()[day[pos], hour[pos]]
    out["audience_online"] = online
    out["off_peak"] = online < threshold
    return out


def top_posts(
    posts: pd.DataFrame, by: str = "er_followers", share: float = 0.1, within: str | None = "platform"
) -> pd.Series:
    """Flag the best posts: the top ``share`` by a metric, within each platform by default.

    Ranking within a platform is fairer: engagement rates differ between platforms far more
    than between brands, so an overall ranking would list one platform's posts only.

    Args:
        posts: Rows of a posts table.
        by: Column to rank by (``"er_followers"``, ``"er_reach"``, ``"reach"`` ...).
        share: Share of posts to flag, between 0 and 1 (0.1 = the top 10%).
        within: Column to rank within, or None to rank all posts together.

    Returns:
        True for the top posts, indexed like ``posts``.

    Raises:
        SandboxInputError: If ``by`` is not a column or ``share`` is outside (0, 1].
    """
    if by not in posts.columns:
        raise SandboxInputError("by", f"{by!r} is not a column of posts. Try 'er_followers' or 'er_reach'.")
    if isinstance(share, bool) or not isinstance(share, int | float) or not 0 < share <= 1:
        raise SandboxInputError("share", f"must be between 0 and 1 (0.1 = top 10%), got {share!r}.")
    values = posts[by].astype(np.float64)
    if within is None:
        pct = values.rank(pct=True, method="first", ascending=True)
    else:
        pct = values.groupby(posts[within]).rank(pct=True, method="first", ascending=True)
    flag = pct > 1 - share
    flag.name = "top"
    return flag


def competitor_summary(world: World, off_peak_threshold: float = 1.0, weak_fit: float = 0.8) -> pd.DataFrame:
    """Summarise every brand of the world in one table, the way a competitor report does.

    Args:
        world: The world whose brands (yours included, as a benchmark) to summarise.
        off_peak_threshold: Audience-online level below which a post counts as off-peak
            (see :func:`mark_off_peak`).
        weak_fit: Format fit below which a post's format counts as a poor fit for its
            platform (see :func:`format_fit`).

    Returns:
        One row per brand (yours first): ``is_you``, ``platforms`` (accounts), ``absent_from``
        (platforms without an account), ``followers`` (all accounts), ``posts_per_week``,
        ``main_rubric`` and ``main_rubric_share``, ``main_format`` and ``main_format_share``,
        ``er_followers`` and ``er_reach`` (mean per post), ``off_peak_share`` (posts at
        off-peak hours), ``weak_format_share`` (posts in a poorly fitting format) and
        ``needs_reply_per_100_posts`` (questions and complaints in comments).
    """
    brands = world.brands
    accounts = world.accounts
    posts = mark_off_peak(world, world.posts, off_peak_threshold)
    posts["weak_format"] = format_fit(posts) < weak_fit
    comments = world.comments
    replies = comments[comments["needs_reply"]].groupby("brand_id").size()
    rubric = content_mix(posts, "rubric")
    fmt = content_mix(posts, "format")
    freq = posts_per_week(posts, world.history_days, columns=None)["posts_per_week"]
    er_f = engagement_rate(posts, "followers")
    er_r = engagement_rate(posts, "reach")
    rows = []
    for b in brands.itertuples(index=False):
        name = str(b.name)
        acc = accounts[accounts["brand_id"] == b.brand_id]
        mine = posts[posts["brand_id"] == b.brand_id]
        has_posts = name in rubric.index
        rows.append(
            {
                "brand": name,
                "is_you": bool(b.is_you),
                "platforms": len(acc),
                "absent_from": ", ".join(p for p in PLATFORMS if p not in set(acc["platform"])),
                "followers": int(acc["followers"].sum()),
                "posts_per_week": float(freq.get(name, 0.0)),
                "main_rubric": str(rubric.loc[name].idxmax()) if has_posts else "",
                "main_rubric_share": float(rubric.loc[name].max()) if has_posts else np.nan,
                "main_format": str(fmt.loc[name].idxmax()) if has_posts else "",
                "main_format_share": float(fmt.loc[name].max()) if has_posts else np.nan,
                "er_followers": float(er_f.get(name, np.nan)),
                "er_reach": float(er_r.get(name, np.nan)),
                "off_peak_share": float(mine["off_peak"].mean()) if len(mine) else np.nan,
                "weak_format_share": float(mine["weak_format"].mean()) if len(mine) else np.nan,
                "needs_reply_per_100_posts": float(100 * replies.get(b.brand_id, 0) / len(mine))
                if len(mine)
                else np.nan,
            }
        )
    out = pd.DataFrame(rows).set_index("brand")
    for col in ("absent_from", "main_rubric", "main_format"):
        out[col] = out[col].astype("str")
    return out
