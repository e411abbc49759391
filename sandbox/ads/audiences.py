"""Custom audiences (retargeting) and lookalikes, derived deterministically from the world.

* site visitors of the last 30, 60, 90 or 180 days, engagers and followers come from the
  brand's public history and the people's interest in the niche (``panel.py``);
* an uploaded customer list (emails, names or person ids) is matched to platform users at a
  match rate, the same person always matching or not;
* a lookalike ranks a country's people by how much they resemble a seed audience and keeps
  the top 1-10%.

Custom audiences hold the individuals themselves; a lookalike holds cold cells (each person
and the real users who look like them), minus the seed audience's own people.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .. import params as P  # noqa: N812
from ..errors import SandboxInputError, check_choice
from ..seeding import uniforms
from ..taxonomy import INTERESTS
from .panel import PLATFORM_SLUGS, MarketPanel, market_panel

if TYPE_CHECKING:
    from ..world import World

SITE_VISITOR_WINDOWS = (30, 60, 90, 180)
SOURCES = ("site_visitors", "engagers", "followers", "customer_list")


@dataclass(frozen=True, eq=False)
class CustomAudience:
    """A custom audience or a lookalike.

    Attributes:
        name: Your name for it (unique in an ``AdsManager``).
        kind: ``site_visitors``, ``engagers``, ``followers``, ``customer_list`` or
            ``lookalike``.
        person_ids: Members (sorted person ids).
        size: Real people in it (for a lookalike, including the users each member stands for).
        details: What it is, in words.
        is_lookalike: True for lookalikes.
        excluded_ids: For a lookalike, the seed audience's people (left out).
    """

    name: str
    kind: str
    person_ids: np.ndarray
    size: int
    details: str
    is_lookalike: bool = False
    excluded_ids: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int64))

    @property
    def too_small(self) -> bool:
        """True when under the minimum size a platform delivers to (``MIN_CUSTOM_AUDIENCE``)."""
        return self.size < P.MIN_CUSTOM_AUDIENCE

    def __repr__(self) -> str:
        note = f" (under the minimum of {P.MIN_CUSTOM_AUDIENCE}: will not deliver)" if self.too_small else ""
        return f"CustomAudience({self.name!r}: {self.kind}, {self.size:,} people{note}; {self.details})"


def _check_name(name: Any) -> str:
    if not isinstance(name, str) or not name.strip():
        raise SandboxInputError("name", f"must be a non-empty text, got {name!r}.")
    return name.strip()


def site_visitors(world: World, name: str, days: int = 30) -> CustomAudience:
    """People who visited the brand's site in the last ``days`` days before the start date.

    Args:
        world: The world.
        name: Audience name.
        days: 30, 60, 90 or 180.

    Returns:
        The audience.

    Raises:
        SandboxInputError: For another window.
    """
    if days not in SITE_VISITOR_WINDOWS:
        raise SandboxInputError(
            "days",
            f"site-visitor windows are {', '.join(map(str, SITE_VISITOR_WINDOWS))} days, got {days!r}.",
        )
    panel = market_panel(world)
    ids = np.flatnonzero(panel.visit_days_ago <= days)
    return CustomAudience(
        _check_name(name), "site_visitors", ids, int(ids.size), f"visited the site in the last {days} days"
    )


def engagers(world: World, name: str) -> CustomAudience:
    """People who liked, commented, shared or saved the brand's posts in the history.

    Args:
        world: The world.
        name: Audience name.

    Returns:
        The audience.
    """
    ids = np.flatnonzero(market_panel(world).engager)
    return CustomAudience(_check_name(name), "engagers", ids, int(ids.size), "engaged with the brand's posts")


def followers(world: World, name: str) -> CustomAudience:
    """People who follow the brand on any platform.

    Args:
        world: The world.
        name: Audience name.

    Returns:
        The audience.
    """
    ids = np.flatnonzero(market_panel(world).follower)
    return CustomAudience(_check_name(name), "followers", ids, int(ids.size), "follow the brand")


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z]+", ".", ascii_text.lower()).strip(".") or "client"


def customer_export(world: World) -> pd.DataFrame:
    """Return the brand's customer list as its shop system would export it (for uploading).

    Args:
        world: The world.

    Returns:
        One row per past customer: ``customer_id``, ``name``, ``email``, ``city``.
    """
    panel = market_panel(world)
    ids = np.flatnonzero(panel.warmth == 3)
    people = world._people()[0]
    names = people["name"].to_numpy(dtype=object)[ids]
    emails = [f"{_slug(n)}.{int(i) % 997}@example.com" for n, i in zip(names, ids, strict=True)]
    return pd.DataFrame(
        {
            "customer_id": np.arange(1, ids.size + 1, dtype=np.int64),
            "name": pd.array(names, dtype="str"),
            "email": pd.array(emails, dtype="str"),
            "city": pd.array(panel.cities[panel.city_code[ids]], dtype="str"),
        }
    )


def customer_list(world: World, name: str, customers: Any) -> CustomAudience:
    """Upload a customer list; the platform matches part of it to its users.

    Args:
        world: The world.
        name: Audience name.
        customers: A DataFrame with an ``email``, ``person_id`` or ``name`` column (the
            first found is used), or a list of emails, names or person ids.

    Returns:
        The audience of matched people.

    Raises:
        SandboxInputError: For an empty or unreadable list.
    """
    panel = market_panel(world)
    if isinstance(customers, pd.DataFrame):
        for col in ("email", "person_id", "name"):
            if col in customers.columns:
                values, kind = customers[col].tolist(), col
                break
        else:
            raise SandboxInputError(
                "customers",
                "the table needs an 'email', 'person_id' or 'name' column (see ads.customer_export()).",
            )
    elif isinstance(customers, Iterable) and not isinstance(customers, str | bytes):
        values = list(customers)
        if values and all(isinstance(v, int | np.integer) and not isinstance(v, bool) for v in values):
            kind = "person_id"
        else:
            kind = "email" if values and all(isinstance(v, str) and "@" in v for v in values) else "name"
    else:
        raise SandboxInputError(
            "customers", f"must be a DataFrame or a list, got {type(customers).__name__}."
        )
    if not values:
        raise SandboxInputError("customers", "the list is empty; upload at least one customer.")
    if kind == "person_id":
        ids = np.array([int(v) for v in values if 0 <= int(v) < panel.size], dtype=np.int64)
    elif kind == "email":
        export = customer_export(world)
        found = dict(zip(export["email"], np.flatnonzero(panel.warmth == 3), strict=True))
        ids = np.array(
            [found[v.strip().lower()] for v in values if isinstance(v, str) and v.strip().lower() in found]
        )
    else:
        people = world._people()[0]
        first = pd.Series(np.arange(panel.size), index=people["name"].to_numpy(dtype=object))
        first = first[~first.index.duplicated()]
        ids = np.array([int(first[v]) for v in values if v in first.index], dtype=np.int64)
    ids = np.unique(ids.astype(np.int64))
    matched = ids[uniforms(panel.seed, "ads-customer-match", ids, 1)[:, 0] < P.CUSTOMER_MATCH_RATE]
    return CustomAudience(
        _check_name(name),
        "customer_list",
        matched,
        int(matched.size),
        f"uploaded {len(values):,} {kind}s, {ids.size:,} recognised, "
        f"{matched.size:,} matched to platform users",
    )


def _similarity(panel: MarketPanel, seed_ids: np.ndarray, pool: np.ndarray) -> np.ndarray:
    """Naive-Bayes log-likelihood ratio of looking like the seed rather than the country."""
    score = np.zeros(pool.size)

    def categorical(values: np.ndarray, k: int) -> None:
        nonlocal score
        s = np.bincount(values[seed_ids], minlength=k) + 1.0
        c = np.bincount(values[pool], minlength=k) + 1.0
        score += np.log(s / s.sum())[values[pool]] - np.log(c / c.sum())[values[pool]]

    categorical(panel.band.astype(np.int64), 6)
    categorical(panel.female.astype(np.int64), 2)
    categorical(panel.city_code.astype(np.int64), int(panel.cities.size))
    for mask, width in ((panel.interest_mask, len(INTERESTS)), (panel.platform_mask, len(PLATFORM_SLUGS))):
        for j in range(width):
            bit_seed = ((mask[seed_ids] >> j) & 1).astype(bool)
            bit_pool = ((mask[pool] >> j) & 1).astype(bool)
            ps = (bit_seed.sum() + 1.0) / (seed_ids.size + 2.0)
            pc = (bit_pool.sum() + 1.0) / (pool.size + 2.0)
            score += np.where(bit_pool, np.log(ps / pc), np.log((1 - ps) / (1 - pc)))
    return score


def lookalike(
    world: World, name: str, seed: CustomAudience, percent: int = 1, country: str | None = None
) -> CustomAudience:
    """Build a lookalike: the ``percent``% of a country's people most like the seed audience.

    Args:
        world: The world.
        name: Audience name.
        seed: A custom audience with at least ``MIN_CUSTOM_AUDIENCE`` people.
        percent: 1 to 10 (1% is the closest match, 10% the broadest).
        country: Country (default: the brand's country).

    Returns:
        The lookalike audience (seed people left out).

    Raises:
        SandboxInputError: For a small seed, a percent outside 1-10 or an unknown country.
    """
    panel = market_panel(world)
    lo, hi = P.LOOKALIKE_PERCENT
    if isinstance(percent, bool) or not isinstance(percent, int | np.integer) or not lo <= percent <= hi:
        raise SandboxInputError(
            "percent", f"must be a whole number from {lo} to {hi} (% of the country), got {percent!r}."
        )
    if not isinstance(seed, CustomAudience) or seed.is_lookalike:
        raise SandboxInputError(
            "seed", "must be a custom audience (site visitors, engagers, followers or a customer list)."
        )
    if seed.size < P.MIN_CUSTOM_AUDIENCE:
        raise SandboxInputError(
            "seed",
            f"{seed.name!r} has {seed.size} people; a lookalike needs a seed of at least "
            f"{P.MIN_CUSTOM_AUDIENCE}. "
            "Use a longer site-visitor window or a bigger list.",
        )
    country = panel.brand_country if country is None else country
    check_choice("country", country, panel.countries)
    pool = np.flatnonzero(panel.country_code == panel.countries.index(country))
    score = _similarity(panel, seed.person_ids, pool)
    score = score + 1e-9 * uniforms(panel.seed, "ads-lookalike-ties", pool, 1)[:, 0]
    k = int(round(pool.size * percent / 100.0))
    k = max(k, 1)
    top = np.sort(pool[np.argsort(-score, kind="stable")[:k]])
    excluded = np.intersect1d(top, seed.person_ids)
    weight = np.full(top.size, panel.scale) - np.isin(top, excluded)
    top = top[weight > 0]
    size = int(round(weight[weight > 0].sum()))
    return CustomAudience(
        _check_name(name),
        "lookalike",
        top,
        size,
        f"{percent}% of {country} most like {seed.name!r}",
        is_lookalike=True,
        excluded_ids=excluded,
    )
