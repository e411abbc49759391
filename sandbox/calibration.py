"""Measure a world against the calibration figures in ``sandbox.params``."""

from __future__ import annotations

import pandas as pd

from .params import PLATFORMS
from .world import World


def organic_benchmarks(world: World) -> pd.DataFrame:
    """Measure engagement and organic reach per platform the way the sources do.

    Per brand account, the average engagement per follower per post (total engagements over
    the sum of follower counts at posting time), then the median across accounts, as Rival IQ
    reports "median brand" figures; the same for organic reach (followers reached over
    followers) and engagement per impression.

    Args:
        world: The world to measure.

    Returns:
        One row per platform with the measured figures.
    """
    posts = world.posts
    per_account = posts.groupby(["brand_id", "platform"]).agg(
        engagements=("engagements", "sum"),
        followers=("followers", "sum"),
        reach_followers=("reach_followers", "sum"),
        impressions=("impressions", "sum"),
        posts=("post_id", "size"),
    )
    per_account["er_followers"] = per_account["engagements"] / per_account["followers"]
    per_account["organic_reach"] = per_account["reach_followers"] / per_account["followers"]
    per_account["er_impressions"] = per_account["engagements"] / per_account["impressions"]
    out = per_account.groupby(level="platform")[["er_followers", "organic_reach", "er_impressions"]].median()
    out["accounts"] = per_account.groupby(level="platform").size()
    return out.reindex([p for p in PLATFORMS if p in out.index])


def calibration_report(world: World) -> pd.DataFrame:
    """Compare a world's measured figures with every target range in ``params``.

    Args:
        world: The world to measure.

    Returns:
        One row per (platform, figure) with ``value``, ``low``, ``high``, ``ok``, ``source``.
    """
    measured = organic_benchmarks(world)
    rows = []
    for slug, p in PLATFORMS.items():
        for key, fig in p.targets.items():
            value = float(measured.loc[slug, key]) if slug in measured.index else float("nan")
            rows.append(
                {
                    "platform": slug,
                    "figure": key,
                    "value": value,
                    "target": fig.value,
                    "low": fig.low,
                    "high": fig.high,
                    "ok": fig.low <= value <= fig.high,
                    "method": fig.method,
                    "source": fig.source,
                }
            )
    return pd.DataFrame(rows)
