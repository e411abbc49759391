"""Trends that rise and fade: challenges, flash mobs, memes.

A trend's intensity follows a rise-and-fade curve that peaks at 1. Joining pays in proportion
to the intensity *and* to how fresh the trend still is (the share of its total volume not yet
posted), so joining early on the rise beats joining after the peak, when everyone has posted.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .params import PLATFORMS
from .seeding import stream
from .taxonomy import INTERESTS

_KINDS = ("challenge", "flash mob", "meme", "news hook")
_WORDS_A = (
    "Silent",
    "Slow",
    "Tiny",
    "Sunrise",
    "Mirror",
    "Zero",
    "Retro",
    "Ten",
    "Secret",
    "Upside",
    "Neon",
    "Paper",
)
_WORDS_B = ("Sip", "Walk", "Swap", "Dance", "Desk", "Step", "Pose", "Box", "Smile", "Switch", "Week", "Shot")
_HOME_WEIGHTS = {"loop": 5.0, "pixa": 3.0, "chirp": 2.0, "circles": 1.0, "beacon": 0.6, "linkup": 0.4}
_SHAPE = 3.0  # gamma shape of the curve: larger is more symmetric


def intensity(days_since_start: np.ndarray, peak_day: np.ndarray) -> np.ndarray:
    """Return a trend's intensity (peak = 1) at a number of days since it started.

    Args:
        days_since_start: Days since the trend began (may be negative or fractional).
        peak_day: Day of the peak counted from the start.

    Returns:
        Intensity between 0 and 1; 0 before the start.
    """
    t = np.asarray(days_since_start, dtype=float)
    x = np.clip(t / np.asarray(peak_day, dtype=float), 0.0, None)
    with np.errstate(divide="ignore"):
        val = np.where(x > 0, x**_SHAPE * np.exp(_SHAPE * (1 - x)), 0.0)
    return val


def freshness(days_since_start: np.ndarray, peak_day: np.ndarray) -> np.ndarray:
    """Return the share of a trend's total volume still to come (1 at the start, 0 at the end).

    Args:
        days_since_start: Days since the trend began.
        peak_day: Day of the peak counted from the start.

    Returns:
        Values between 0 and 1.
    """
    t = np.atleast_1d(np.asarray(days_since_start, dtype=float))
    peak = np.broadcast_to(np.asarray(peak_day, dtype=float), t.shape)
    grid = np.linspace(0, 8, 801)  # in units of peak_day; the curve is ~0 after 8 peaks
    dens = grid**_SHAPE * np.exp(_SHAPE * (1 - grid))
    cum = np.cumsum(dens)
    cum /= cum[-1]
    x = np.clip(t / peak, 0, 8)
    return 1.0 - np.interp(x, grid, cum)


def build_trends(seed: int, first_day: pd.Timestamp, days: int) -> pd.DataFrame:
    """Return the trends of a world's whole period (history and plan horizon).

    Args:
        seed: The world's seed.
        first_day: First day of the world's history.
        days: Number of days covered.

    Returns:
        One row per trend (columns in ``sandbox.columns.TREND_COLUMNS``).
    """
    rng = stream(seed, "trends")
    n = max(3, days // 9)
    slugs = list(PLATFORMS)
    w = np.array([_HOME_WEIGHTS[s] for s in slugs])
    rows = []
    used: set[str] = set()
    starts = np.sort(rng.uniform(-5, days - 3, n))
    for i in range(n):
        while True:
            name = f"#{_WORDS_A[rng.integers(len(_WORDS_A))]}{_WORDS_B[rng.integers(len(_WORDS_B))]}"
            kind = _KINDS[int(rng.choice(len(_KINDS), p=[0.45, 0.2, 0.25, 0.1]))]
            if kind == "challenge":
                name += "Challenge"
            if name not in used:
                used.add(name)
                break
        n_plat = int(rng.integers(1, 4))
        plats = list(rng.choice(slugs, size=n_plat, replace=False, p=w / w.sum()))
        plats.sort(key=slugs.index)
        peak_day = float(np.round(rng.uniform(2.0, 7.0), 1))
        start = first_day + pd.Timedelta(hours=float(np.round(starts[i] * 24)))
        rows.append(
            {
                "trend_id": f"T{i + 1:02d}",
                "name": name,
                "kind": kind,
                "topic": INTERESTS[int(rng.integers(len(INTERESTS)))],
                "platforms": ", ".join(plats),
                "start": start.floor("h"),
                "peak": (start + pd.Timedelta(days=peak_day)).floor("h").as_unit("us"),
                "end": (start + pd.Timedelta(days=peak_day * 4)).floor("h").as_unit("us"),
                "peak_day": peak_day,
                "peak_boost": float(np.round(rng.uniform(0.6, 1.4), 2)),
            }
        )
    df = pd.DataFrame(rows)
    for col in ("trend_id", "name", "kind", "topic", "platforms"):
        df[col] = df[col].astype("str")
    return df


def trend_factor(
    trends: pd.DataFrame,
    trend_ids: np.ndarray,
    platforms: np.ndarray,
    times: pd.DatetimeIndex,
    boost: float,
    topics: np.ndarray | None = None,
    off_topic: float = 1.0,
    stale: float = 1.0,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return the reach multiplier of posts that join trends, with its two ingredients.

    The boost is ``boost x peak_boost x intensity x freshness``, scaled by ``off_topic`` when
    the post's topic is not the trend's. Joining before a trend starts, or on a platform
    where it does not run, does nothing (factor 1); joining once it has faded after its peak
    gives ``stale`` (the audience is tired of it).

    Args:
        trends: The trends table.
        trend_ids: Trend id per post, or an empty string / NA when the post joins none.
        platforms: Platform slug per post.
        times: Posting time per post.
        boost: Multiplier (minus one) for a fresh trend at its peak.
        topics: Topic per post (None: every post counts as on topic).
        off_topic: Share of the boost an off-topic post gets.
        stale: Factor for joining after the trend has faded.

    Returns:
        ``(factor, intensity, freshness)`` arrays; factor is 1 for posts joining no trend.
    """
    n = len(trend_ids)
    factor = np.ones(n)
    inten = np.zeros(n)
    fresh = np.zeros(n)
    if n == 0:
        return factor, inten, fresh
    tid = pd.Series(trend_ids, dtype="str").fillna("")
    joined = tid.ne("").to_numpy()
    if not joined.any():
        return factor, inten, fresh
    info = trends.set_index("trend_id")
    rows = info.reindex(tid[joined].to_numpy())
    days = (pd.DatetimeIndex(times)[joined] - pd.DatetimeIndex(rows["start"])) / pd.Timedelta(days=1)
    days = np.asarray(days, dtype=float)
    peak = rows["peak_day"].to_numpy(dtype=float)
    i_val = intensity(days, peak)
    f_val = freshness(days, peak)
    on_platform = np.array(
        [p in str(pl).split(", ") for p, pl in zip(platforms[joined], rows["platforms"], strict=True)]
    )
    relevance = np.ones(int(joined.sum()))
    if topics is not None:
        relevance = np.where(
            np.asarray(topics, dtype=object)[joined] == rows["topic"].to_numpy(dtype=object), 1.0, off_topic
        )
    val = 1 + boost * rows["peak_boost"].to_numpy(dtype=float) * i_val * f_val * relevance
    faded = (days > peak) & (i_val < 0.05)
    val = np.where(on_platform, np.where(faded, stale, val), 1.0)
    factor[joined] = val
    inten[joined] = np.where(on_platform, i_val, 0.0)
    fresh[joined] = np.where(on_platform, f_val, 0.0)
    return factor, inten, fresh
