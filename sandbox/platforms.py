"""Platform archetypes as a table, and their hourly activity rhythms."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .params import PLATFORMS, PlatformParams
from .taxonomy import WEEKDAYS

PLATFORM_SLUGS: tuple[str, ...] = tuple(PLATFORMS)

WEEKEND_SHIFT_HOURS = 2
"""How much later the weekend's rhythm runs than the weekdays' (assumption)."""


def hourly_curve(params: PlatformParams) -> np.ndarray:
    """Return the platform's activity by hour of day (24 values, mean 1).

    Args:
        params: The platform's constants.

    Returns:
        Relative share of the day's activity in each hour, averaging 1.0.
    """
    hours = np.arange(24, dtype=float)
    curve = np.full(24, 0.06)
    for centre, width, height in params.peaks:
        # circular distance so that a peak at 23h spills into 0h
        d = np.minimum(np.abs(hours - centre), 24 - np.abs(hours - centre))
        curve += height * np.exp(-0.5 * (d / width) ** 2)
    # daytime plateau: people are awake 7h-23h, asleep from 1h to 6h
    awake = 0.25 + 0.75 / (1 + np.exp(-(hours - 7.0) * 1.5)) - 0.6 / (1 + np.exp(-(hours - 23.5) * 2))
    curve *= np.clip(awake, 0.05, None)
    curve[1:6] *= 0.35
    return curve / curve.mean()


def weekly_activity(params: PlatformParams, shift_hours: float = 0.0) -> np.ndarray:
    """Return activity by weekday and hour, shape (7, 24), mean 1.

    At weekends people sleep in and stay up later: the weekend curve runs two hours later.

    Args:
        params: The platform's constants.
        shift_hours: Personal chronotype shift (positive = later).

    Returns:
        Relative activity, Monday first.
    """
    base = hourly_curve(params)
    curve = np.roll(base, int(round(shift_hours)))
    weekend = np.roll(base, int(round(shift_hours)) + WEEKEND_SHIFT_HOURS)
    week = np.asarray(params.weekday)[:, None] * np.vstack([np.tile(curve, (5, 1)), np.tile(weekend, (2, 1))])
    return week / week.mean()


def platforms_table() -> pd.DataFrame:
    """Return one row per platform archetype, with the model's constants.

    Returns:
        A DataFrame documented in ``sandbox.columns.PLATFORM_COLUMNS``.
    """
    rows = []
    for slug, p in PLATFORMS.items():
        curve = hourly_curve(p)
        peak_hours = sorted(int(h) for h in np.argsort(curve)[-3:])
        best_days = [WEEKDAYS[i] for i in np.argsort(p.weekday)[::-1][:3]]
        rows.append(
            {
                "platform": slug,
                "name": p.name,
                "archetype": p.archetype,
                "resembles": p.resembles,
                "formats": ", ".join(p.formats),
                "native_format": max(p.formats, key=p.formats.get),
                "reach_mechanics": p.reach_mechanics,
                "organic_reach": p.organic_reach,
                "discovery": p.discovery,
                "engagement_per_reach": p.engagement_per_reach,
                "impressions_per_reach": p.impressions_per_reach,
                "peak_hours": ", ".join(f"{h:02d}:00" for h in peak_hours),
                "best_days": ", ".join(best_days),
                "show_more_chars": p.show_more_chars,
                "max_chars": p.max_chars,
                "best_hashtags": p.best_hashtags,
                "sustainable_posts_per_day": p.sustainable_posts_per_day,
            }
        )
    df = pd.DataFrame(rows)
    for col in df.columns:
        if df[col].dtype == object:
            df[col] = df[col].astype("str")
    return df
