"""Running posts over days: followers change after each day and feed the next day's reach."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .engagement import AudienceProfile, simulate_posts
from .progress import LONG_PLAN_POSTS
from .progress import progress as bar

DAILY_SUMS = ("reach", "impressions", "engagements", "clicks", "follows", "unfollows")


def run_days(
    posts: pd.DataFrame,
    start_followers: dict[tuple[int, str], int],
    profiles: dict[tuple[int, str], AudienceProfile],
    quality: dict[int, float],
    trends: pd.DataFrame,
    seed: int,
    namespace: str,
    first_day: pd.Timestamp,
    days: int,
    *,
    day_by_day: bool = True,
    progress: bool | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Simulate posts over a period, carrying follower counts from day to day.

    With ``day_by_day`` (used for plans) each day's posts see the followers left by the days
    before. Without it (used for the long public histories) all posts are simulated in bulk
    passes, each with the follower counts the previous pass left, until the counts stop
    changing. Pass ``k`` gets day ``k`` right, so this ends with exactly the day-by-day result,
    usually after a handful of passes, and every post shows its day's starting followers.

    Args:
        posts: Posts to run (see ``engagement.simulate_posts``; ``followers`` and
            ``posts_that_day`` are filled in here).
        start_followers: Followers per ``(brand_id, platform)`` on the first day.
        profiles: Audience profile per ``(brand_id, platform)``.
        quality: Content quality per brand id.
        trends: The world's trends.
        seed: The world's seed.
        namespace: Randomness namespace (``"history"`` or ``"plan"``).
        first_day: First simulated day (midnight).
        days: Number of days.
        day_by_day: Step one day at a time instead of repeating bulk passes (same result).
        progress: Show a progress bar over the days (None: only for 1,000 posts or more).

    Returns:
        ``(posts_with_results, factors, daily)`` where ``daily`` has one row per day and
        account, with followers at the start and end of the day.
    """
    posts = posts.sort_values(["time", "uid"], kind="stable").reset_index(drop=True)
    keys = list(start_followers)
    key_index = {k: i for i, k in enumerate(keys)}
    acc = np.array(
        [key_index[(int(b), str(p))] for b, p in zip(posts["brand_id"], posts["platform"], strict=True)],
        dtype=np.int64,
    )
    day = ((posts["time"] - first_day) // pd.Timedelta(days=1)).to_numpy(dtype=np.int64)
    n_acc = len(keys)
    cell = day * n_acc + acc
    posts["posts_that_day"] = np.bincount(cell, minlength=days * n_acc)[cell].astype(np.int64)
    start = np.array([start_followers[k] for k in keys], dtype=np.int64)
    # bots among the followers: the panel's share at the start, plus the bots giveaways bring
    start_bots = np.array([profiles[k].bot_share * start_followers[k] for k in keys], dtype=float)

    def bots_by_day(res: pd.DataFrame) -> np.ndarray:
        grid = np.bincount(
            cell[res.index.to_numpy()], weights=res["bot_follows"].to_numpy(), minlength=days * n_acc
        ).reshape(days, n_acc)
        before_day = np.vstack([np.zeros((1, n_acc)), np.cumsum(grid, axis=0)[:-1]])
        return start_bots[None, :] + before_day

    def share(bots: np.ndarray, followers: np.ndarray) -> np.ndarray:
        return np.clip(bots / np.maximum(followers, 1), 0.0, 1.0)

    def net_by_day(res: pd.DataFrame) -> np.ndarray:
        net = (res["follows"] - res["unfollows"]).to_numpy()
        grid = np.bincount(cell[res.index.to_numpy()], weights=net, minlength=days * n_acc)
        return grid.reshape(days, n_acc).astype(np.int64)

    def carry(net: np.ndarray) -> np.ndarray:
        """Followers at the start of each day, from the first day's and each day's net change."""
        out = np.empty((days, n_acc), dtype=np.int64)
        current = start.copy()
        for d in range(days):
            out[d] = current
            current = np.maximum(0, current + net[d])
        return out

    if day_by_day:
        current = start.copy()
        bots = start_bots.copy()
        before = np.zeros((days, n_acc), dtype=np.int64)
        res_parts, fac_parts = [], []
        bounds = np.searchsorted(day, np.arange(days + 1))  # posts are sorted by time
        pbar = bar(days, "running the plan, day by day", progress, len(posts) >= LONG_PLAN_POSTS)
        for d in range(days):
            pbar.update(1)
            before[d] = current
            lo, hi = bounds[d], bounds[d + 1]
            if hi == lo:
                continue
            batch = posts.iloc[lo:hi].copy()
            batch["followers"] = current[acc[lo:hi]]
            batch["bot_share"] = share(bots[acc[lo:hi]], current[acc[lo:hi]])
            res, fac = simulate_posts(batch, profiles, quality, trends, seed, namespace)
            bots = bots + np.bincount(
                acc[lo:hi], weights=res["bot_follows"].to_numpy(), minlength=n_acc
            ).astype(np.int64)
            res_parts.append(res)
            fac_parts.append(fac)
            net = (res["follows"] - res["unfollows"]).to_numpy()
            current = np.maximum(
                0, current + np.bincount(acc[lo:hi], weights=net, minlength=n_acc).astype(np.int64)
            )
        pbar.close()
        if res_parts:
            results, factors = pd.concat(res_parts), pd.concat(fac_parts)
        else:
            results, factors = simulate_posts(
                posts.assign(followers=0), profiles, quality, trends, seed, namespace
            )
        followers_start = before
    else:
        followers_start = np.repeat(start[None, :], days, axis=0)
        bots_start = np.repeat(start_bots[None, :], days, axis=0)
        for _ in range(days + 1):
            results, factors = simulate_posts(
                posts.assign(
                    followers=followers_start[day, acc],
                    bot_share=share(bots_start[day, acc], followers_start[day, acc]),
                ),
                profiles,
                quality,
                trends,
                seed,
                namespace,
            )
            carried = carry(net_by_day(results))
            carried_bots = bots_by_day(results)
            if np.array_equal(carried, followers_start) and np.array_equal(carried_bots, bots_start):
                break
            followers_start, bots_start = carried, carried_bots

    out = posts.drop(columns=["bot_share"], errors="ignore").join(results)
    factors = factors.reindex(out.index)

    # daily table: one row per day and account
    sums = {
        c: np.bincount(cell, weights=out[c].to_numpy(), minlength=days * n_acc).reshape(days, n_acc)
        for c in DAILY_SUMS
    }
    n_posts = np.bincount(cell, minlength=days * n_acc).reshape(days, n_acc)
    net = sums["follows"] - sums["unfollows"]
    end = np.maximum(0, followers_start + net.astype(np.int64))
    daily = pd.DataFrame(
        {
            "date": np.repeat(first_day + pd.to_timedelta(np.arange(days), unit="D"), n_acc),
            "brand_id": np.tile(np.array([k[0] for k in keys], dtype=np.int64), days),
            "platform": pd.array(np.tile(np.array([k[1] for k in keys], dtype=object), days), dtype="str"),
            "followers_start": followers_start.reshape(-1).astype(np.int64),
            "posts": n_posts.reshape(-1).astype(np.int64),
            **{c: sums[c].reshape(-1).astype(np.int64) for c in DAILY_SUMS},
            "followers_end": end.reshape(-1).astype(np.int64),
        }
    )
    return out, factors, daily
