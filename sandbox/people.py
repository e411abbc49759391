"""The people of a world: demographics, interests, platforms, rhythm and role.

Faker is slow per row, so it is only asked for small pools of names, jobs and cities; numpy
then samples the pools for every person. A million people take a few seconds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa

from .params import AGE_BANDS, PLATFORMS, ROLE_SHARES
from .seeding import faker_for, stream
from .taxonomy import CITIES_PER_COUNTRY, FIXED_CITIES, INTERESTS, LOCALES, NICHES

PLATFORM_SLUGS = tuple(PLATFORMS)

# Base popularity of each interest and how gender and age shift it (assumption).
_INTEREST_BASE = {
    "coffee": 0.2,
    "food": 0.3,
    "fitness": 0.18,
    "health": 0.18,
    "sports": 0.16,
    "fashion": 0.14,
    "beauty": 0.12,
    "travel": 0.25,
    "languages": 0.08,
    "education": 0.12,
    "books": 0.12,
    "music": 0.3,
    "movies": 0.25,
    "gaming": 0.14,
    "tech": 0.14,
    "business": 0.1,
    "finance": 0.08,
    "parenting": 0.08,
    "pets": 0.15,
    "home": 0.1,
    "photography": 0.08,
    "art": 0.08,
    "outdoors": 0.12,
    "cars": 0.08,
}
_FEMALE_LEAN = {
    "beauty": 2.6,
    "fashion": 2.0,
    "parenting": 1.6,
    "home": 1.4,
    "languages": 1.3,
    "fitness": 1.1,
    "health": 1.2,
    "gaming": 0.45,
    "cars": 0.35,
    "tech": 0.6,
    "sports": 0.6,
    "finance": 0.8,
}
_YOUNG = {
    "gaming": 2.0,
    "music": 1.4,
    "fashion": 1.3,
    "beauty": 1.2,
    "languages": 1.4,
    "education": 1.6,
    "movies": 1.2,
}
_MIDDLE = {"parenting": 3.0, "business": 1.8, "finance": 1.6, "home": 1.6, "cars": 1.3}
_OLDER = {
    "health": 1.6,
    "home": 1.4,
    "books": 1.4,
    "outdoors": 1.3,
    "travel": 1.2,
    "gaming": 0.4,
    "fashion": 0.7,
}
PLATFORM_INTEREST_PULL: dict[str, tuple[str, ...]] = {
    "pixa": ("fashion", "beauty", "photography", "food", "travel", "art"),
    "circles": ("parenting", "home", "pets", "health", "outdoors"),
    "chirp": ("tech", "sports", "gaming", "movies", "finance"),
    "loop": ("music", "gaming", "beauty", "fitness", "pets"),
    "beacon": ("tech", "finance", "education", "languages", "books"),
    "linkup": ("business", "tech", "finance", "education", "languages"),
}
"""Interests that make people more likely to use a platform (assumption)."""

PLATFORM_PULL = 1.45
"""How much more likely (x) someone with one of those interests is to use the platform."""

AGE_BAND_LABELS = tuple(f"{lo}-{hi}" for lo, hi in AGE_BANDS)


@dataclass
class PeopleArrays:
    """Numeric arrays behind the people table, used by the simulator.

    Attributes:
        age: Age in years.
        female: True for women.
        city_code: Index into ``cities``.
        cities: City names (with their country in ``city_country``).
        city_country: Country of each city.
        interest_mask: Bit ``j`` set when the person holds ``INTERESTS[j]``.
        platform_mask: Bit ``k`` set when the person is on ``PLATFORM_SLUGS[k]``.
        role_code: Index into ``ROLES`` order used here (regular, influencer, bot, spammer,
            troll).
        shift: Chronotype shift in hours.
    """

    age: np.ndarray
    female: np.ndarray
    city_code: np.ndarray
    cities: np.ndarray
    city_country: np.ndarray
    interest_mask: np.ndarray
    platform_mask: np.ndarray
    role_code: np.ndarray
    shift: np.ndarray


ROLE_ORDER = ("regular", "influencer", "bot", "spammer", "troll")


def _pool(draw, size: int, max_tries: int | None = None) -> list[str]:
    """Draw up to ``size`` distinct values from a Faker method."""
    seen: dict[str, None] = {}
    tries = max_tries or size * 6
    for _ in range(tries):
        seen.setdefault(draw(), None)
        if len(seen) >= size:
            break
    return list(seen)


def _clean_city(name: str) -> str:
    return re.sub(r"\s*\(.*?\)", "", name).strip()


def _age_band(age: np.ndarray) -> np.ndarray:
    edges = np.array([lo for lo, _ in AGE_BANDS[1:]])
    return np.searchsorted(edges, age, side="right")


def _interest_weights(age: np.ndarray, female: np.ndarray, niche_boost: np.ndarray) -> np.ndarray:
    """Return (n, 24) probabilities of holding each interest (worked out once per age and sex)."""
    ages = np.arange(int(age.max()) + 1 if age.size else 1)
    table = _interest_table(np.repeat(ages, 2), np.tile([False, True], ages.size), niche_boost)
    return table[age.astype(np.int64) * 2 + female]


def _interest_table(age: np.ndarray, female: np.ndarray, niche_boost: np.ndarray) -> np.ndarray:
    """Return (len(age), 24) probabilities of holding each interest for each age and sex."""
    base = np.array([_INTEREST_BASE[i] for i in INTERESTS])
    fem = np.array([_FEMALE_LEAN.get(i, 1.0) for i in INTERESTS])
    young = np.array([_YOUNG.get(i, 1.0) for i in INTERESTS])
    middle = np.array([_MIDDLE.get(i, 1.0) for i in INTERESTS])
    older = np.array([_OLDER.get(i, 1.0) for i in INTERESTS])
    gender_factor = np.where(female[:, None], fem[None, :], 1.0 / np.sqrt(fem)[None, :])
    age_f = age[:, None].astype(float)
    w_young = np.clip((30 - age_f) / 12, 0, 1)
    w_middle = np.clip(1 - np.abs(age_f - 40) / 12, 0, 1)
    w_older = np.clip((age_f - 45) / 15, 0, 1)
    age_factor = 1 + w_young * (young - 1) + w_middle * (middle - 1) + w_older * (older - 1)
    p = base[None, :] * gender_factor * age_factor * niche_boost[None, :]
    return np.clip(p, 0.005, 0.9)


def build_people(seed: int, size: int, locale: str, niche: str) -> tuple[pd.DataFrame, PeopleArrays]:
    """Generate the people of a world.

    Args:
        seed: The world's seed.
        size: Number of people.
        locale: One of ``LOCALES``.
        niche: One of ``NICHES``; its audience is a little over-represented so that every
            world has a market for the brand.

    Returns:
        The people table (columns in ``sandbox.columns.PEOPLE_COLUMNS``) and its arrays.
    """
    spec = LOCALES[locale]
    rng = stream(seed, "people")
    n = size

    # --- where they live: countries, then Zipf-weighted cities within each country
    countries = list(spec.countries)
    shares = np.array([spec.countries[c][0] for c in countries])
    country_idx = rng.choice(len(countries), size=n, p=shares / shares.sum())
    cities: list[str] = []
    city_country: list[str] = []
    city_code = np.empty(n, dtype=np.int32)
    for ci, country in enumerate(countries):
        if country in FIXED_CITIES:
            names = list(FIXED_CITIES[country])
        else:
            fake_city = faker_for(spec.countries[country][1], seed, "cities", country)
            method = fake_city.city_name if hasattr(fake_city, "city_name") else fake_city.city
            names = [c for c in dict.fromkeys(_clean_city(method()) for _ in range(60)) if c]
            names = names[:CITIES_PER_COUNTRY]
        weights = 1.0 / np.arange(1, len(names) + 1) ** 1.1
        members = np.flatnonzero(country_idx == ci)
        picks = rng.choice(len(names), size=members.size, p=weights / weights.sum())
        city_code[members] = len(cities) + picks
        cities.extend(names)
        city_country.extend([country] * len(names))
    cities_arr = np.array(cities, dtype=object)
    city_country_arr = np.array(city_country, dtype=object)

    # --- who they are
    niche_spec = NICHES[niche]
    female = rng.random(n) < 0.52
    age = np.clip(np.round(rng.gamma(shape=6.0, scale=4.6, size=n) + 7), 13, 65).astype(np.int16)

    fake = faker_for(locale, seed, "names")
    first_f = _pool(fake.first_name_female, 300)
    first_m = _pool(fake.first_name_male, 300)
    if locale == "ru_RU":
        last_f = _pool(fake.last_name_female, 400)
        last_m = _pool(fake.last_name_male, 400)
    else:
        last_f = last_m = _pool(fake.last_name, 500)
    jobs = _pool(fake.job, 400)
    student = "Студент" if locale == "ru_RU" else "Student"
    pupil = "Школьник" if locale == "ru_RU" else "High school student"
    retired = "Пенсионер" if locale == "ru_RU" else "Retired"

    # names and jobs are kept as codes into their pools (see take_str); each name that occurs
    # is written once
    first_pool, last_pool = [*first_f, *first_m], [*last_f, *last_m]
    first_code = np.empty(n, dtype=np.int64)
    last_code = np.empty(n, dtype=np.int64)
    for mask, firsts, f_at, lasts, l_at in (
        (female, first_f, 0, last_f, 0),
        (~female, first_m, len(first_f), last_m, len(last_f)),
    ):
        idx = np.flatnonzero(mask)
        first_code[idx] = f_at + rng.integers(0, len(firsts), idx.size)
        last_code[idx] = l_at + rng.integers(0, len(lasts), idx.size)
    pair = first_code * len(last_pool) + last_code
    used = np.flatnonzero(np.bincount(pair, minlength=len(first_pool) * len(last_pool)))
    name_slot = np.zeros(len(first_pool) * len(last_pool), dtype=np.int64)
    name_slot[used] = np.arange(used.size)
    name_pool = [f"{first_pool[p // len(last_pool)]} {last_pool[p % len(last_pool)]}" for p in used.tolist()]
    name_code = name_slot[pair]

    job_pool = [*jobs, student, pupil, retired]
    job_code = rng.integers(0, len(jobs), n)
    u_job = rng.random(n)
    job_code[(age >= 18) & (age <= 23) & (u_job < 0.55)] = len(jobs)
    job_code[age < 18] = len(jobs) + 1
    job_code[(age >= 60) & (u_job < 0.6)] = len(jobs) + 2

    # --- interests (the niche's interests are a little more common so the brand has a market)
    niche_boost = np.ones(len(INTERESTS))
    for i in niche_spec.core_interests:
        niche_boost[INTERESTS.index(i)] = 1.6
    p_int = _interest_weights(age, female, niche_boost)
    has = rng.random(p_int.shape) < p_int
    none = ~has.any(axis=1)
    if none.any():
        best = np.argmax(p_int[none] * rng.random((int(none.sum()), len(INTERESTS))), axis=1)
        has[np.flatnonzero(none), best] = True
    interest_mask = (has.astype(np.int64) << np.arange(len(INTERESTS))).sum(axis=1).astype(np.int32)

    # --- platforms by age band, then by interests: people go where their interests are shown best
    band = _age_band(age)
    p_plat = np.stack([np.asarray(PLATFORMS[s].membership_by_age)[band] for s in PLATFORM_SLUGS], axis=1)
    for slug, interests in PLATFORM_INTEREST_PULL.items():
        k = PLATFORM_SLUGS.index(slug)
        pulled = np.zeros(n, dtype=bool)
        for i in interests:
            pulled |= has[:, INTERESTS.index(i)]
        p_plat[:, k] = np.where(pulled, np.minimum(p_plat[:, k] * PLATFORM_PULL, 0.95), p_plat[:, k])
    on = rng.random(p_plat.shape) < p_plat
    none = ~on.any(axis=1)
    if none.any():
        best = np.argmax(p_plat[none] * rng.random((int(none.sum()), len(PLATFORM_SLUGS))), axis=1)
        on[np.flatnonzero(none), best] = True
    platform_mask = (on.astype(np.int16) << np.arange(len(PLATFORM_SLUGS))).sum(axis=1)
    platform_mask = platform_mask.astype(np.int16)

    # --- rhythm: the younger, the later online (about an hour per 12 years); weekend and daily time differ
    shift = np.clip(
        np.round(rng.normal(0.0, 1.0, n) + np.clip((33.0 - age) / 12.0, -1.2, 1.5)),
        -3,
        3,
    ).astype(np.int8)
    daily_minutes = np.round(rng.lognormal(np.log(55), 0.5, n) * np.where(age < 25, 1.4, 1.0), 1)
    weekend_factor = np.round(rng.lognormal(0.0, 0.2, n), 3)

    # --- roles: bots, spammers, trolls (influencers are chosen by the follow graph)
    u_role = rng.random(n)
    role_code = np.zeros(n, dtype=np.int8)
    edge = 0.0
    for name in ("bot", "spammer", "troll"):
        share = ROLE_SHARES[name]
        role_code[(u_role >= edge) & (u_role < edge + share)] = ROLE_ORDER.index(name)
        edge += share

    arrays = PeopleArrays(
        age=age,
        female=female,
        city_code=city_code,
        cities=cities_arr,
        city_country=city_country_arr,
        interest_mask=interest_mask,
        platform_mask=platform_mask,
        role_code=role_code,
        shift=shift,
    )
    people = pd.DataFrame(
        {
            "person_id": np.arange(n, dtype=np.int64),
            "name": take_str(name_pool, name_code),
            "gender": take_str(("male", "female"), female.astype(np.int8)),
            "age": age.astype(np.int64),
            "age_band": take_str(AGE_BAND_LABELS, band),
            "country": take_str(city_country_arr, city_code),
            "city": take_str(cities_arr, city_code),
            "job": take_str(job_pool, job_code),
            "interests": take_str(*_distinct_labels(interest_mask, INTERESTS)),
            "platforms": take_str(*_distinct_labels(platform_mask, PLATFORM_SLUGS)),
        }
    )
    for k, slug in enumerate(PLATFORM_SLUGS):
        people[f"on_{slug}"] = on[:, k]
    people["role"] = take_str(ROLE_ORDER, role_code)
    people["chronotype_shift"] = shift.astype(np.int64)
    people["daily_minutes"] = daily_minutes
    people["weekend_factor"] = weekend_factor
    return people, arrays


def take_str(pool: Sequence[str] | np.ndarray, codes: np.ndarray) -> pd.api.extensions.ExtensionArray:
    """Return ``pool[codes]`` as a pandas ``"str"`` array, without a Python object per row.

    The same values and dtype as ``pd.array(np.asarray(pool, dtype=object)[codes], dtype="str")``,
    several times faster for a million rows (the pool is converted once, then Arrow takes).

    Args:
        pool: The distinct texts.
        codes: Index into ``pool`` for each row.

    Returns:
        A string array with one value per code.
    """
    texts = pa.array([str(t) for t in pool], type=pa.large_string())
    return pd.array(texts.take(pa.array(np.asarray(codes, dtype=np.int64))), dtype="str")


def _distinct_labels(mask: np.ndarray, labels: tuple[str, ...]) -> tuple[list[str], np.ndarray]:
    """Return the label text of each distinct mask, and each row's index into them."""
    uniq, inverse = np.unique(mask, return_inverse=True)
    # labels of each byte of the mask, looked up 8 bits at a time
    tables = [
        (lo, [tuple(lab for j, lab in enumerate(labels[lo : lo + 8]) if (v >> j) & 1) for v in range(256)])
        for lo in range(0, len(labels), 8)
    ]
    text = []
    for m in uniq.tolist():
        held: tuple[str, ...] = ()
        for lo, table in tables:
            held += table[(m >> lo) & 255]
        text.append(", ".join(held))
    return text, inverse.reshape(-1)


def mask_to_labels(mask: np.ndarray, labels: tuple[str, ...]) -> np.ndarray:
    """Turn bit masks into comma-separated labels, computing each distinct mask once.

    Args:
        mask: Integer bit masks.
        labels: Label of each bit.

    Returns:
        An object array of strings such as ``"coffee, travel"``.
    """
    text, inverse = _distinct_labels(mask, labels)
    return np.array(text, dtype=object)[inverse]


def interest_matrix(mask: np.ndarray) -> np.ndarray:
    """Return a boolean (n, len(INTERESTS)) matrix from interest bit masks.

    Args:
        mask: Interest bit masks.

    Returns:
        True where person ``i`` holds interest ``j``.
    """
    return ((mask[:, None].astype(np.int64) >> np.arange(len(INTERESTS))) & 1).astype(bool)
