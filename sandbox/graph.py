"""The follow graph between people, and the influencers at its heavy tail."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .params import (
    FOLLOWS_PER_PERSON_MEDIAN,
    INFLUENCER_SHARE,
    INFLUENCER_TIER_SHARES,
    INFLUENCER_TIERS,
    PLATFORMS,
    POPULARITY_ALPHA,
)
from .people import ROLE_ORDER, PeopleArrays
from .seeding import faker_for, stream
from .taxonomy import INTERESTS

PLATFORM_SLUGS = tuple(PLATFORMS)
_INFLUENCER_HOME_WEIGHT = {
    "pixa": 4.0,
    "loop": 4.0,
    "chirp": 1.5,
    "circles": 1.0,
    "beacon": 1.5,
    "linkup": 1.0,
}


def _sorted_unique(values: np.ndarray) -> np.ndarray:
    """Return the sorted distinct values, like ``np.unique`` but by sorting in place.

    numpy 2's hash-based ``np.unique`` is about ten times slower than a sort on tens of
    millions of int64 keys; the result is the same. The keys arrive in runs (one per
    follower), which the stable sort exploits: several times faster than the default here.
    """
    values.sort(kind="stable")
    if values.size == 0:
        return values
    keep = np.empty(values.size, dtype=bool)
    keep[0] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


_SEARCH_CHUNK = 1 << 16


def _search_cdf(cdf: np.ndarray, u: np.ndarray) -> np.ndarray:
    """Return ``np.searchsorted(cdf, u, side="right")`` for a normalised CDF, several times faster.

    A guide table gives each draw a starting index at or before its answer: bucket
    ``b = floor(u * g)`` starts where the CDF passes ``(b - 0.5) / g``, a level below every
    draw of the bucket whatever the rounding. Short vectorised steps forward then stop exactly
    where a binary search would, so the result is identical. (Binary search over a large CDF
    misses the cache at every step, which is what makes ``searchsorted`` slow here.)

    Args:
        cdf: Non-decreasing cumulative weights ending at exactly 1.0.
        u: Uniform draws in [0, 1).

    Returns:
        For each draw, the first index whose CDF value is greater than it.
    """
    g = 4 * cdf.size
    guide = np.searchsorted(cdf, (np.arange(g + 1) - 0.5) / g, side="right")
    out = np.empty(u.size, dtype=np.intp)
    for lo in range(0, u.size, _SEARCH_CHUNK):  # chunks keep the temporaries in cache
        part = u[lo : lo + _SEARCH_CHUNK]
        idx = guide[(part * g).astype(np.intp)]
        pos = np.flatnonzero(cdf[idx] <= part)
        while pos.size:  # step forward while the CDF has not passed the draw
            idx[pos] += 1
            pos = pos[cdf[idx[pos]] <= part[pos]]
        out[lo : lo + _SEARCH_CHUNK] = idx
    return out


def _median_of_counts(hist: np.ndarray) -> np.ndarray:
    """Return each row's median from value counts (row ``g``, column ``v``: how many ``v``).

    Reads the middle value (the mean of the two middle ones for an even count), as
    ``groupby(...).median()`` does on the values themselves; NaN for an empty row.
    """
    cum = hist.cumsum(axis=1)
    count = cum[:, -1]
    lower = (cum <= ((count - 1) // 2)[:, None]).sum(axis=1)
    upper = (cum <= (count // 2)[:, None]).sum(axis=1)
    with np.errstate(invalid="ignore"):
        return np.where(count > 0, (lower + upper) / 2.0, np.nan)


def build_popularity(seed: int, arrays: PeopleArrays) -> np.ndarray:
    """Return each person's popularity (how likely others follow them), heavy-tailed.

    Args:
        seed: The world's seed.
        arrays: The people's arrays.

    Returns:
        Positive weights with a Pareto tail.
    """
    rng = stream(seed, "popularity")
    n = arrays.age.size
    pop = rng.pareto(POPULARITY_ALPHA, n) + 1.0
    bots = arrays.role_code == ROLE_ORDER.index("bot")
    pop[bots] = 1.0  # nobody seeks out bots
    return pop


def choose_influencers(arrays: PeopleArrays, popularity: np.ndarray) -> np.ndarray:
    """Mark the most popular regular accounts as influencers (in place) and return their ids.

    Args:
        arrays: The people's arrays; ``role_code`` is updated.
        popularity: Popularity weights.

    Returns:
        Person ids of the influencers, most popular first.
    """
    n = popularity.size
    k = min(max(40, int(round(n * INFLUENCER_SHARE))), max(1, n // 10))
    regular = np.flatnonzero(arrays.role_code == ROLE_ORDER.index("regular"))
    order = regular[np.argsort(-popularity[regular], kind="stable")][:k]
    arrays.role_code[order] = ROLE_ORDER.index("influencer")
    return order


def build_follows(seed: int, arrays: PeopleArrays, popularity: np.ndarray) -> pd.DataFrame:
    """Return the follow edges: who follows whom on which platform.

    Each member of a platform follows a log-normal number of other members, chosen with
    probability proportional to their popularity, so a few accounts gather most follows.

    Args:
        seed: The world's seed.
        arrays: The people's arrays.
        popularity: Popularity weights.

    Returns:
        A DataFrame with ``follower_id``, ``followee_id`` (int32) and ``platform``
        (categorical), without duplicates or self-follows.
    """
    n = popularity.size
    rng = stream(seed, "follows")
    n_platforms = np.bitwise_count(arrays.platform_mask.astype(np.uint16)).astype(float)
    total_out = rng.lognormal(np.log(FOLLOWS_PER_PERSON_MEDIAN), 0.8, n)
    total_out[arrays.role_code == ROLE_ORDER.index("bot")] *= 3  # bots follow a lot
    keys: dict[int, np.ndarray] = {}
    for k, _slug in enumerate(PLATFORM_SLUGS):
        members = np.flatnonzero((arrays.platform_mask >> k) & 1).astype(np.int32)
        if members.size < 2:
            continue
        out = rng.poisson(total_out[members] / np.maximum(n_platforms[members], 1.0))
        out = np.minimum(out, members.size - 1)
        src = np.repeat(members, out)
        w = popularity[members]
        cdf = np.cumsum(w)
        cdf /= cdf[-1]
        dst = members[_search_cdf(cdf, rng.random(src.size)).clip(0, members.size - 1)]
        key = src.astype(np.int64) * n + dst
        keys[k] = _sorted_unique(key[src != dst])
    # write the ids straight into the frame's one int32 block (no concatenation, no copies)
    ids = np.empty((2, sum(key.size for key in keys.values())), dtype=np.int32)
    codes = np.empty(ids.shape[1], dtype=np.int8)
    at = 0
    for k, key in keys.items():
        np.floor_divide(key, n, out=ids[0, at : at + key.size], casting="unsafe")
        np.remainder(key, n, out=ids[1, at : at + key.size], casting="unsafe")
        codes[at : at + key.size] = k
        at += key.size
    frame = pd.DataFrame(ids.T, columns=["follower_id", "followee_id"], copy=False)
    frame["platform"] = pd.Categorical.from_codes(codes, categories=list(PLATFORM_SLUGS))
    return frame


def build_influencers(
    seed: int,
    locale: str,
    arrays: PeopleArrays,
    influencer_ids: np.ndarray,
    follows: pd.DataFrame,
    people: pd.DataFrame,
) -> pd.DataFrame:
    """Return the influencer marketplace: tier, followers, fake share, engagement, price.

    Reported follower counts are platform-wide totals (most of an influencer's followers
    live outside the simulated panel); the audience columns are measured on the followers
    who are in the world.

    Args:
        seed: The world's seed.
        locale: Locale for handles.
        arrays: The people's arrays.
        influencer_ids: Person ids of influencers, most popular first.
        follows: The follow edges.
        people: The people table.

    Returns:
        One row per influencer (columns in ``sandbox.columns.INFLUENCER_COLUMNS``).
    """
    rng = stream(seed, "influencers")
    k = influencer_ids.size
    tiers = list(INFLUENCER_TIER_SHARES)
    counts = np.floor(np.array([INFLUENCER_TIER_SHARES[t] for t in reversed(tiers)]) * k)
    counts = np.maximum(counts.astype(int), 1)
    tier_of = np.empty(k, dtype=object)
    start = 0
    for t, c in zip(reversed(tiers), counts, strict=True):  # mega first: most popular
        tier_of[start : start + c] = t
        start += c
    tier_of[start:] = "nano"

    followers = np.empty(k, dtype=np.int64)
    er_real = np.empty(k)
    for t in tiers:
        idx = np.flatnonzero(tier_of == t)
        lo, hi, rate = INFLUENCER_TIERS[t]
        draws = np.sort(np.exp(rng.uniform(np.log(lo), np.log(hi), idx.size)))[::-1]
        followers[idx] = np.round(draws).astype(np.int64)
        er_real[idx] = rate * rng.lognormal(0.0, 0.3, idx.size)
    bought = rng.random(k) < 0.18
    fake_share = np.where(bought, rng.beta(5, 6, k), rng.beta(2, 16, k))
    real_followers = np.round(followers * (1 - fake_share)).astype(np.int64)
    avg_engagements = np.round(real_followers * er_real).astype(np.int64)
    price = np.round(followers / 1000 * rng.uniform(8, 22, k) + 20, -1)

    # home platform: one the person is on, image and video networks preferred
    home = np.empty(k, dtype=object)
    for i, pid in enumerate(influencer_ids):
        on = [s for j, s in enumerate(PLATFORM_SLUGS) if (int(arrays.platform_mask[pid]) >> j) & 1]
        w = np.array([_INFLUENCER_HOME_WEIGHT[s] for s in on])
        home[i] = on[int(rng.choice(len(on), p=w / w.sum()))]
    # topic: one of the person's interests
    topic = np.empty(k, dtype=object)
    for i, pid in enumerate(influencer_ids):
        held = [s for j, s in enumerate(INTERESTS) if (int(arrays.interest_mask[pid]) >> j) & 1]
        topic[i] = held[int(rng.integers(0, len(held)))]

    # audience measured on the in-world followers: one pass counting (influencer, sex, age)
    slot = np.full(arrays.age.size, k, dtype=np.int32)  # row k collects everyone else's followers
    slot[influencer_ids] = np.arange(k, dtype=np.int32)
    width = int(arrays.age.max()) + 1
    fan_code = (arrays.female.astype(np.int32) * width + arrays.age).astype(np.int32)  # per person
    cell = slot[follows["followee_id"].to_numpy()] * (2 * width) + fan_code[follows["follower_id"].to_numpy()]
    counts = np.bincount(cell, minlength=(k + 1) * 2 * width).reshape(k + 1, 2, width)[:k]
    panel = counts.sum(axis=(1, 2))
    with np.errstate(invalid="ignore", divide="ignore"):
        female_share = counts[:, 1].sum(axis=1) / panel
    stats = pd.DataFrame(
        {
            "panel_followers": panel,
            "female_share": female_share,
            "median_age": _median_of_counts(counts.sum(axis=1)),
        }
    )

    fake = faker_for(locale if locale == "en_US" else "en_US", seed, "handles")
    handles = [f"@{fake.user_name()}{int(d)}" for d in rng.integers(1, 99, k)]
    table = pd.DataFrame(
        {
            "influencer_id": np.arange(k, dtype=np.int64),
            "person_id": influencer_ids.astype(np.int64),
            "handle": pd.array(handles, dtype="str"),
            "name": people["name"].to_numpy()[influencer_ids],
            "platform": pd.array(home, dtype="str"),
            "topic": pd.array(topic, dtype="str"),
            "tier": pd.array(tier_of, dtype="str"),
            "followers": followers,
            "fake_follower_share": np.round(fake_share, 3),
            "real_followers": real_followers,
            "avg_engagements": avg_engagements,
            "engagement_rate": np.round(avg_engagements / followers, 5),
            "real_engagement_rate": np.round(er_real, 5),
            "price_per_post": price,
            "audience_female_share": np.round(stats["female_share"].fillna(0.5).to_numpy(), 3),
            "audience_median_age": stats["median_age"].fillna(30.0).to_numpy(),
            "audience_city": people["city"].to_numpy()[influencer_ids],
            "panel_followers": stats["panel_followers"].fillna(0).astype(np.int64).to_numpy(),
        }
    )
    table["name"] = table["name"].astype("str")
    table["audience_city"] = table["audience_city"].astype("str")
    return table
