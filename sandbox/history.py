"""The public post history of every brand account before the learner takes over."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .brands import AccountStyle
from .params import PLATFORMS
from .seeding import stream
from .taxonomy import INTERESTS, NICHES

_CTA_FOR_RUBRIC = {
    "informative": ("learn_more", "comment_below", "follow_us"),
    "entertaining": ("comment_below", "follow_us"),
    "commercial": ("shop_now", "learn_more", "sign_up"),
    "contest": ("comment_below", "follow_us"),
}


def generate_history_posts(
    seed: int,
    niche: str,
    styles: dict[tuple[int, str], AccountStyle],
    trends: pd.DataFrame,
    first_day: pd.Timestamp,
    days: int,
) -> pd.DataFrame:
    """Draw what every brand posted, following each account's habits.

    Args:
        seed: The world's seed.
        niche: Niche slug (topics come mostly from its interests).
        styles: Posting style per ``(brand_id, platform)``.
        trends: Trends (brands sometimes join those running on their platforms).
        first_day: First day of history.
        days: Number of days of history.

    Returns:
        The planned posts (without results), one row per post.
    """
    spec = NICHES[niche]
    topics = list(spec.core_interests) * 3 + list(spec.adjacent_interests)
    rows = []
    for (brand_id, slug), st in sorted(styles.items()):
        rng = stream(seed, "history", brand_id, slug)
        per_day = rng.poisson(st.posts_per_week / 7.0, days)
        day = np.repeat(np.arange(days), per_day)
        m = day.size
        if m == 0:
            continue
        hours = np.clip(rng.normal(st.hour, st.hour_spread, m), 0, 23.9)
        times = (
            first_day
            + pd.to_timedelta(day, unit="D")
            + pd.to_timedelta(np.round(hours * 60 / 5) * 5, unit="min")
        )
        fmts = list(st.formats)
        fw = np.array(list(st.formats.values()))
        rubs = list(st.rubrics)
        rw = np.array(list(st.rubrics.values()))
        fmt = np.array(fmts, dtype=object)[rng.choice(len(fmts), m, p=fw / fw.sum())]
        rub = np.array(rubs, dtype=object)[rng.choice(len(rubs), m, p=rw / rw.sum())]
        topic = np.array(topics, dtype=object)[rng.integers(0, len(topics), m)]
        off = rng.random(m) < 0.12  # sometimes off-niche
        topic[off] = np.array(INTERESTS, dtype=object)[rng.integers(0, len(INTERESTS), int(off.sum()))]
        max_chars = PLATFORMS[slug].max_chars
        text_len = np.clip(np.round(rng.lognormal(np.log(st.text_length), 0.45, m)), 10, max_chars)
        tags = np.minimum(rng.poisson(st.hashtags, m), 30)
        has_cta = rng.random(m) < st.cta_rate
        cta = np.array(["none"] * m, dtype=object)
        for i in np.flatnonzero(has_cta):
            opts = _CTA_FOR_RUBRIC[rub[i]]
            cta[i] = opts[int(rng.integers(len(opts)))]
        trend_id = np.array([""] * m, dtype=object)
        running = trends[trends["platforms"].str.contains(slug, regex=False)]
        t_start = running["start"].to_numpy(dtype="datetime64[ns]")
        t_end = running["end"].to_numpy(dtype="datetime64[ns]")
        t_ids = running["trend_id"].to_numpy(dtype=object)
        t_topics = running["topic"].to_numpy(dtype=object)
        post_times = times.to_numpy(dtype="datetime64[ns]")
        joins = rng.random(m) < st.trend_rate
        for i in np.flatnonzero(joins):
            live = np.flatnonzero((t_start <= post_times[i]) & (t_end > post_times[i]))
            if live.size:
                j = live[int(rng.integers(live.size))]
                trend_id[i] = t_ids[j]
                topic[i] = t_topics[j]
        rows.append(
            pd.DataFrame(
                {
                    "brand_id": brand_id,
                    "platform": slug,
                    "time": times,
                    "format": fmt,
                    "rubric": rub,
                    "topic": topic,
                    "text_length": text_len.astype(np.int64),
                    "hashtags": tags.astype(np.int64),
                    "cta": cta,
                    "trend_id": trend_id,
                }
            )
        )
    posts = pd.concat(rows, ignore_index=True)
    posts = posts.sort_values(["time", "brand_id", "platform"], kind="stable").reset_index(drop=True)
    posts.insert(0, "uid", np.arange(len(posts), dtype=np.int64))
    for col in ("platform", "format", "rubric", "topic", "cta", "trend_id"):
        posts[col] = posts[col].astype("str")
    return posts
