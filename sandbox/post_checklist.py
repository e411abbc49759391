"""A pre-publish checklist: the questions to ask of a post before it goes out.

``check_post`` runs one planned post through the checklist against the world's platforms,
your audience and the trends; ``check_plan`` does it for a whole plan. Each answer is ``ok``,
``fix`` (the sandbox's model says this costs you) or ``think`` (a judgement call the model
cannot make for you, e.g. whether the picture fits the text).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .errors import SandboxInputError, check_choice
from .params import HASHTAG_SPAM_FROM, PLATFORMS
from .trends import freshness, intensity

if TYPE_CHECKING:
    from .world import World

GOAL_CTAS: dict[str, tuple[str, ...]] = {
    "traffic": ("learn_more", "shop_now", "sign_up"),
    "sales": ("shop_now",),
    "leads": ("sign_up",),
    "comments": ("comment_below",),
    "followers": ("follow_us",),
    "engagement": ("none", "comment_below"),
}
"""Calls to action that serve each goal."""

TEXT_HEAVY_PLATFORMS: tuple[str, ...] = ("circles", "linkup", "chirp")
"""Platforms where the reader meets the text first (the "show more" cut costs engagement)."""

CHECK_COLUMNS: tuple[str, ...] = ("item", "status", "advice")


def _row(item: str, status: str, advice: str) -> dict[str, str]:
    return {"item": item, "status": status, "advice": advice}


def _busiest_hours(world: World, platform: str) -> list[int]:
    aud = world.audience("you", platform)
    act = world.activity(aud if len(aud) else None, platform=platform)
    return sorted(int(h) for h in np.argsort(act.to_numpy().mean(axis=0))[-3:])


def check_post(
    world: World,
    post: Mapping[str, Any],
    *,
    goal: str | None = None,
    posts_that_day: int = 1,
    _hours: dict[str, list[int]] | None = None,
) -> pd.DataFrame:
    """Run one planned post through the pre-publish checklist.

    Args:
        world: The world (platforms, your audience, trends).
        post: A plan row: ``platform`` required; ``format``, ``text_length``, ``hashtags``,
            ``cta``, ``rubric``, ``trend_id`` and ``time`` are checked when present.
        goal: What the post is for: one of ``GOAL_CTAS`` (None: not checked).
        posts_that_day: Your posts on that platform that day, this one included.

    Returns:
        One row per checklist item with ``item``, ``status`` (ok / fix / think) and ``advice``.

    Raises:
        SandboxInputError: For an unknown platform, format or goal.
    """
    if "platform" not in post:
        raise SandboxInputError("post", "has no 'platform'; every post needs one.")
    slug = check_choice("platform", post["platform"], PLATFORMS)
    p = PLATFORMS[slug]
    if goal is not None:
        check_choice("goal", goal, GOAL_CTAS)
    native = max(p.formats, key=p.formats.get)
    fmt = post.get("format") or native
    check_choice("format", fmt, p.formats)
    rows = []

    fit = p.formats[fmt]
    if fit >= p.formats[native]:
        rows.append(_row("format", "ok", f"'{fmt}' is the best fit on {p.name}."))
    elif fit >= 1.0:
        rows.append(
            _row(
                "format",
                "ok",
                f"'{fmt}' fits {p.name} (x{fit:.2f}); '{native}' fits best (x{p.formats[native]:.2f}).",
            )
        )
    else:
        rows.append(
            _row(
                "format",
                "fix",
                f"'{fmt}' fits {p.name} poorly (x{fit:.2f} reach); "
                f"use '{native}' (x{p.formats[native]:.2f}).",
            )
        )
    rows.append(
        _row(
            "picture fits the text",
            "think",
            "Does the visual say the same thing as the first line? The sandbox cannot judge it.",
        )
    )

    length = int(post.get("text_length", 200))
    text_heavy = slug in TEXT_HEAVY_PLATFORMS or fmt in ("text", "link")
    if length > p.max_chars:
        rows.append(
            _row("text length", "fix", f"{length} characters; {p.name} accepts at most {p.max_chars}.")
        )
    elif text_heavy and length > p.show_more_chars:
        rows.append(
            _row(
                "text length",
                "fix",
                f"{length} characters runs past {p.name}'s 'show more' cut at {p.show_more_chars}: "
                f"shorten it, or make the first {p.show_more_chars} characters carry the message.",
            )
        )
    elif text_heavy and length < 40:
        rows.append(_row("text length", "fix", f"{length} characters is too thin for a text-first platform."))
    else:
        rows.append(
            _row(
                "text length",
                "ok",
                f"{length} characters; {p.name} shows {p.show_more_chars} before 'show more' "
                "(put the hook in the first line anyway).",
            )
        )

    tags = int(post.get("hashtags", 3))
    if tags > HASHTAG_SPAM_FROM:
        rows.append(
            _row(
                "hashtags",
                "fix",
                f"{tags} hashtags looks like spam (more than {HASHTAG_SPAM_FROM}); use {p.best_hashtags}.",
            )
        )
    elif tags < p.best_hashtags:
        rows.append(
            _row(
                "hashtags",
                "fix",
                f"{tags} hashtag(s); up to {p.best_hashtags} bring more non-followers on {p.name}.",
            )
        )
    elif tags > p.best_hashtags:
        rows.append(
            _row(
                "hashtags",
                "ok",
                f"{tags} hashtags; more than {p.best_hashtags} adds nothing on {p.name} "
                f"(harmless up to {HASHTAG_SPAM_FROM}).",
            )
        )
    else:
        rows.append(_row("hashtags", "ok", f"{tags} hashtag(s): the best count on {p.name}."))

    cta = str(post.get("cta", "none"))
    if goal is None:
        status = "think" if cta == "none" else "ok"
        rows.append(
            _row("call to action", status, f"CTA '{cta}': what should the reader do next? Name the goal.")
        )
    elif cta in GOAL_CTAS[goal]:
        rows.append(_row("call to action", "ok", f"CTA '{cta}' serves the goal '{goal}'."))
    else:
        rows.append(
            _row(
                "call to action",
                "fix",
                f"CTA '{cta}' does not serve '{goal}'; use {' or '.join(GOAL_CTAS[goal])}.",
            )
        )

    if post.get("rubric") == "contest":
        rows.append(
            _row(
                "giveaway",
                "think",
                "Giveaways bring comments and follows, and bots too: count bot_follows, report real "
                "followers, and expect the engagement rate per follower to drop afterwards.",
            )
        )

    time = post.get("time")
    t = pd.Timestamp(time) if time is not None and not pd.isna(time) else None
    trend_id = post.get("trend_id") or ""
    if trend_id:
        trends = world.trends.set_index("trend_id")
        if trend_id not in trends.index:
            raise SandboxInputError("trend_id", f"unknown trend {trend_id!r}; see world.trends.")
        tr = trends.loc[trend_id]
        if slug not in str(tr["platforms"]).split(", "):
            rows.append(
                _row("trend", "fix", f"{trend_id} runs on {tr['platforms']}, not on {p.name}: no boost here.")
            )
        elif t is None:
            rows.append(_row("trend", "think", f"Set a time to check where {trend_id} will be in its life."))
        else:
            days = (t - tr["start"]) / pd.Timedelta(days=1)
            inten = float(intensity(np.array([days]), np.array([tr["peak_day"]]))[0])
            fresh = float(freshness(np.array([days]), np.array([tr["peak_day"]]))[0])
            if inten < 0.05:
                rows.append(
                    _row(
                        "trend",
                        "fix",
                        f"{trend_id} is not running at {t:%d %b %H:%M} (before it starts or after it fades).",
                    )
                )
            elif t < tr["peak"]:
                rows.append(
                    _row(
                        "trend",
                        "ok",
                        f"Early, on the rise: {inten:.0%} of the peak, {fresh:.0%} still to come.",
                    )
                )
            else:
                status = "ok" if fresh >= 0.3 else "fix"
                rows.append(
                    _row(
                        "trend",
                        status,
                        f"After the peak: {inten:.0%} of the peak, only {fresh:.0%} still to come; "
                        "join earlier next time.",
                    )
                )

    if t is not None:
        if _hours is None:
            _hours = {}
        if slug not in _hours:
            _hours[slug] = _busiest_hours(world, slug)
        busy = _hours[slug]
        near = any(min(abs(t.hour - h), 24 - abs(t.hour - h)) <= 1 for h in busy)
        hours = ", ".join(f"{h:02d}:00" for h in busy)
        rows.append(
            _row(
                "time",
                "ok" if near else "fix",
                f"{t:%a %H:%M}; your followers on {p.name} are busiest around {hours}.",
            )
        )
    if posts_that_day > p.sustainable_posts_per_day:
        rows.append(
            _row(
                "frequency",
                "fix",
                f"{posts_that_day} posts on {p.name} that day; the audience takes "
                f"{p.sustainable_posts_per_day:g} without tiring.",
            )
        )
    rows.append(
        _row(
            "geotag", "think", "Add a place if it helps local customers; the sandbox does not model geotags."
        )
    )
    return pd.DataFrame(rows, columns=list(CHECK_COLUMNS)).astype("str")


def check_plan(
    world: World, plan: pd.DataFrame | Iterable[Mapping[str, Any]], *, goal: str | None = None
) -> pd.DataFrame:
    """Run every post of a plan through the checklist.

    Args:
        world: The world.
        plan: A plan DataFrame or list of dicts (see ``sandbox.plan.PLAN_COLUMNS``).
        goal: What the posts are for (see ``GOAL_CTAS``), or None.

    Returns:
        One row per post and item: ``post_id`` (the row number if the plan has none),
        ``item``, ``status`` and ``advice``.
    """
    df = plan.copy() if isinstance(plan, pd.DataFrame) else pd.DataFrame([dict(r) for r in plan])
    df = df.reset_index(drop=True)
    if "post_id" not in df.columns:
        df["post_id"] = np.arange(len(df))
    if "time" in df.columns:
        day = pd.to_datetime(df["time"]).dt.normalize()
        per_day = df.assign(_day=day).groupby(["platform", "_day"])["post_id"].transform("size")
    else:
        per_day = pd.Series(1, index=df.index)
    hours: dict[str, list[int]] = {}
    parts = []
    for i, row in df.iterrows():
        post = {k: v for k, v in row.items() if not (np.isscalar(v) and pd.isna(v))}
        checks = check_post(world, post, goal=goal, posts_that_day=int(per_day.loc[i]), _hours=hours)
        checks.insert(0, "post_id", row["post_id"])
        parts.append(checks)
    return pd.concat(parts, ignore_index=True)
