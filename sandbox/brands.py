"""Brands in the learner's niche: the learner's own and its competitors, and who follows them."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .params import PLATFORMS
from .people import ROLE_ORDER, PeopleArrays, interest_matrix
from .seeding import stream
from .taxonomy import INTERESTS, NICHES

PLATFORM_SLUGS = tuple(PLATFORMS)
_SUFFIXES = ("House", "Lab", "& Co", "Corner", "Studio", "Point", "Club", "Works", "Story", "Place")


@dataclass
class AccountStyle:
    """How a brand runs one platform account (drives its public post history).

    Attributes:
        posts_per_week: Average posts a week.
        hour: Typical posting hour.
        hour_spread: Standard deviation of the posting hour.
        formats: Format -> preference weight.
        rubrics: Rubric -> share of posts.
        hashtags: Average hashtags per post.
        text_length: Typical text length in characters.
        cta_rate: Share of posts with a call to action.
        trend_rate: Chance of joining a running trend with a post.
    """

    posts_per_week: float
    hour: float
    hour_spread: float
    formats: dict[str, float]
    rubrics: dict[str, float]
    hashtags: float
    text_length: float
    cta_rate: float
    trend_rate: float


def _brand_names(rng: np.random.Generator, niche: str, k: int, learner_name: str | None) -> list[str]:
    words = NICHES[niche].name_words
    names: list[str] = [learner_name] if learner_name else []
    while len(names) < k:
        cand = f"{words[rng.integers(len(words))]} {_SUFFIXES[rng.integers(len(_SUFFIXES))]}"
        if cand not in names:
            names.append(cand)
    return names


def _weighted_sample(rng: np.random.Generator, weights: np.ndarray, k: int) -> np.ndarray:
    """Sample ``k`` indices without replacement, with probability proportional to weights."""
    k = min(k, int((weights > 0).sum()))
    if k <= 0:
        return np.empty(0, dtype=np.int64)
    keys = np.log(rng.random(weights.size)) / np.where(weights > 0, weights, np.nan)
    keys = np.nan_to_num(keys, nan=-np.inf)
    return np.sort(np.argpartition(-keys, k - 1)[:k])


def build_brands(
    seed: int, niche: str, n_competitors: int, arrays: PeopleArrays, brand_name: str | None
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, dict[tuple[int, str], AccountStyle]]:
    """Create the learner's brand, its competitors, their accounts and their followers.

    Args:
        seed: The world's seed.
        niche: Niche slug.
        n_competitors: Number of competitors.
        arrays: The people's arrays.
        brand_name: The learner's brand name, or None for a generated one.

    Returns:
        ``(brands, accounts, brand_followers, styles)``; ``styles`` maps
        ``(brand_id, platform)`` to the account's posting style.
    """
    rng = stream(seed, "brands")
    spec = NICHES[niche]
    n_people = arrays.age.size
    k = 1 + n_competitors
    names = _brand_names(rng, niche, k, brand_name)

    # home city: the biggest city of the main country for everyone in a local niche
    counts = np.bincount(arrays.city_code, minlength=arrays.cities.size)
    top_city = int(np.argmax(counts))
    second = int(np.argsort(counts)[-2]) if arrays.cities.size > 1 else top_city
    city_code = np.full(k, top_city)
    if spec.local:
        city_code[(rng.random(k) < 0.2) & (np.arange(k) > 0)] = second

    quality = np.concatenate([[1.0], np.round(rng.lognormal(0.0, 0.15, n_competitors), 2)])
    brands = pd.DataFrame(
        {
            "brand_id": np.arange(k, dtype=np.int64),
            "name": pd.array(names, dtype="str"),
            "niche": pd.array([niche] * k, dtype="str"),
            "is_you": np.arange(k) == 0,
            "city": pd.array(arrays.cities[city_code], dtype="str"),
            "country": pd.array(arrays.city_country[city_code], dtype="str"),
            "content_quality": quality,
        }
    )

    inter = interest_matrix(arrays.interest_mask)
    core = np.zeros(n_people, dtype=bool)
    for i in spec.core_interests:
        core |= inter[:, INTERESTS.index(i)]
    adjacent = np.zeros(n_people, dtype=bool)
    for i in spec.adjacent_interests:
        adjacent |= inter[:, INTERESTS.index(i)]
    base_w = 0.15 + 4.0 * core + 0.6 * adjacent
    age_fit = np.exp(-0.5 * ((arrays.age - spec.age_mean) / 11.0) ** 2)
    sex_fit = np.where(arrays.female, spec.female_share, 1 - spec.female_share) * 2
    base_w = base_w * (0.3 + age_fit) * sex_fit
    is_bot = arrays.role_code == ROLE_ORDER.index("bot")
    is_spam = arrays.role_code == ROLE_ORDER.index("spammer")
    base_w = np.where(is_bot | is_spam, 1.2, base_w)

    acc_rows = []
    follower_parts = []
    styles: dict[tuple[int, str], AccountStyle] = {}
    for b in range(k):
        if spec.local:
            local_w = np.where(arrays.city_code == city_code[b], 6.0, 0.08)
        else:
            local_w = np.ones(n_people)
        if b == 0:
            platforms = list(PLATFORM_SLUGS)
        else:
            n_acc = int(rng.integers(3, 6))
            platforms = sorted(
                rng.choice(PLATFORM_SLUGS, n_acc, replace=False).tolist(), key=PLATFORM_SLUGS.index
            )
        size_scale = 0.6 if b == 0 else float(rng.lognormal(0.0, 0.6))
        for slug in platforms:
            j = PLATFORM_SLUGS.index(slug)
            members = ((arrays.platform_mask >> j) & 1).astype(bool)
            w = base_w * local_w * members
            reachable = float((w > 0).sum())
            share = 0.09 * size_scale * (0.4 if slug == "linkup" and niche != "language_school" else 1)
            n_follow = int(max(30, round(share * reachable * float(rng.lognormal(0, 0.35)))))
            chosen = _weighted_sample(rng, w, n_follow)
            follower_parts.append(
                pd.DataFrame(
                    {
                        "brand_id": np.full(chosen.size, b, dtype=np.int64),
                        "platform": slug,
                        "person_id": chosen.astype(np.int64),
                    }
                )
            )
            acc_rows.append(
                {
                    "brand_id": b,
                    "brand": names[b],
                    "platform": slug,
                    "followers": chosen.size,
                    "bot_share": float(np.round(is_bot[chosen].mean() if chosen.size else 0.0, 4)),
                }
            )
            styles[(b, slug)] = _style(rng, slug, b == 0)
    accounts = pd.DataFrame(acc_rows)
    accounts["brand"] = accounts["brand"].astype("str")
    accounts["platform"] = accounts["platform"].astype("str")
    accounts["posts_per_week"] = [
        styles[(b, p)].posts_per_week for b, p in zip(accounts["brand_id"], accounts["platform"], strict=True)
    ]
    followers = pd.concat(follower_parts, ignore_index=True)
    followers["platform"] = followers["platform"].astype("str")
    return brands, accounts, followers, styles


def _style(rng: np.random.Generator, slug: str, is_you: bool) -> AccountStyle:
    p = PLATFORMS[slug]
    fmts = list(p.formats)
    # competitors have habits, some of them bad (a gap the learner can exploit)
    fit = np.array([p.formats[f] for f in fmts])
    pref = rng.dirichlet(np.ones(len(fmts)) * 0.8) * fit**3
    pref = pref / pref.sum()
    rubric_mix = rng.dirichlet(np.array([3.0, 3.0, 2.5, 0.4]))
    good_hour = float(np.argmax(np.convolve(np.tile(_curve(slug), 2), np.ones(2), "same")[:24]))
    bad_timing = (not is_you) and rng.random() < 0.35
    hour = float(rng.choice([6.5, 22.5, 15.0])) if bad_timing else good_hour + rng.normal(0, 1.0)
    ppw = {"pixa": 5.0, "circles": 4.7, "chirp": 9.0, "loop": 4.0, "beacon": 7.0, "linkup": 2.5}[
        slug
    ] * float(np.clip(rng.lognormal(0, 0.45), 0.4, 2.2))
    if is_you:
        ppw = ppw * 0.7
    return AccountStyle(
        posts_per_week=float(np.round(ppw, 2)),
        hour=float(np.clip(hour, 0, 23.5)),
        hour_spread=float(rng.uniform(0.8, 2.5)),
        formats=dict(zip(fmts, pref.tolist(), strict=True)),
        rubrics=dict(
            zip(("informative", "entertaining", "commercial", "contest"), rubric_mix.tolist(), strict=True)
        ),
        hashtags=float(rng.uniform(0, 2 * p.best_hashtags + 3)),
        text_length=float(rng.lognormal(np.log(min(p.max_chars, p.show_more_chars * 1.3)), 0.5)),
        cta_rate=float(rng.uniform(0.1, 0.7)),
        trend_rate=float(rng.uniform(0.0, 0.5)),
    )


def _curve(slug: str) -> np.ndarray:
    from .platforms import hourly_curve

    return hourly_curve(PLATFORMS[slug])
