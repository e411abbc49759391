"""Measure a world's ad prices and rates against calibration.md's paid-side figures.

A *standard campaign* is what a sensible small business runs on each platform: a traffic
objective, the brand's country (and its city, for local niches), ages 18-65, the niche's core
interests, the platform's native ad format with an ordinary creative, $50 a day for 28 days.
Its CPM, CTR, CPC and conversion rate (registrations per click) must land inside the ranges
recorded in ``params.AD_PLATFORMS[...].targets``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from .. import params as P  # noqa: N812
from ..taxonomy import NICHES
from .campaigns import AdsManager
from .creative import Creative
from .targeting import Targeting

if TYPE_CHECKING:
    from ..world import World
    from .results import AdsResults


def standard_campaign(
    world: World, platforms: tuple[str, ...] | None = None, days: int = 28, daily_budget: float = 50.0
) -> AdsResults:
    """Run one standard traffic ad set per platform (they never share auctions).

    Args:
        world: The world.
        platforms: Platforms to measure (default: all).
        days: Flight length.
        daily_budget: USD a day per ad set.

    Returns:
        The run's results (one ad set per platform, named after it).
    """
    ads = AdsManager(world)
    panel = ads.panel
    spec = NICHES[world.niche]
    camp = ads.create_campaign("standard", objective="traffic")
    end = world.start_date + pd.Timedelta(days=days - 1)
    for slug in platforms or tuple(P.AD_PLATFORMS):
        ap = P.AD_PLATFORMS[slug]
        targeting = Targeting(
            platforms=[slug],
            countries=[] if spec.local else [panel.brand_country],
            cities=[panel.brand_city] if spec.local else [],
            interests=list(spec.core_interests),
        )
        aset = camp.create_ad_set(slug, targeting, daily_budget=daily_budget, end=end)
        fmt = max(ap.ad_formats, key=ap.ad_formats.get) if slug != "pixa" else "image"
        aset.create_ad(
            "standard",
            Creative(
                format=fmt,
                text_length=min(90, ap.max_text),
                headline="See what is new this week" if ap.headline_max else "",
                cta="learn_more",
                visual_fit=0.6,
            ),
        )
    return ads.run()


def paid_benchmarks(world: World, days: int = 28, daily_budget: float = 50.0) -> pd.DataFrame:
    """Measure CPM, CTR, CPC and conversion rate per platform with the standard campaign.

    Args:
        world: The world.
        days: Flight length.
        daily_budget: USD a day per platform.

    Returns:
        One row per platform: ``cpm``, ``ctr``, ``cpc``, ``cvr`` and the totals behind them.
    """
    res = standard_campaign(world, days=days, daily_budget=daily_budget).ad_sets
    out = res.set_index("ad_set")[
        ["spend", "impressions", "clicks", "registrations", "cpm", "ctr", "cpc", "cvr"]
    ]
    out.index.name = "platform"
    return out


def paid_calibration_report(world: World, days: int = 28, daily_budget: float = 50.0) -> pd.DataFrame:
    """Compare a world's standard campaigns with every paid target range in ``params``.

    Args:
        world: The world.
        days: Flight length.
        daily_budget: USD a day per platform.

    Returns:
        One row per (platform, figure): ``value``, ``target``, ``low``, ``high``, ``ok``,
        ``method``, ``source``.
    """
    measured = paid_benchmarks(world, days, daily_budget)
    rows = []
    for slug, ap in P.AD_PLATFORMS.items():
        for key, fig in ap.targets.items():
            value = float(measured.loc[slug, key])
            rows.append(
                {
                    "platform": slug,
                    "resembles": P.PLATFORMS[slug].resembles,
                    "figure": key,
                    "value": value,
                    "target": fig.value,
                    "low": fig.low,
                    "high": fig.high,
                    "ok": bool(fig.low <= value <= fig.high),
                    "method": fig.method,
                    "source": fig.source,
                }
            )
    df = pd.DataFrame(rows)
    for c in ("platform", "resembles", "figure", "method", "source"):
        df[c] = df[c].astype("str")
    return df
