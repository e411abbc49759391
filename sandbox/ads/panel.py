"""The paid side's view of a world's people: who they are to advertisers and to the brand.

Built once per world (and cached): price multipliers, ad opportunities per platform, how well
each person fits the brand's niche, and each person's tie to the brand (follower, engager,
site visitor, customer) derived deterministically from the world's public history. The
people table itself is read without building the follow graph, so a million-person world
stays quick.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from .. import params as P  # noqa: N812
from ..people import ROLE_ORDER, interest_matrix
from ..seeding import uniforms
from ..taxonomy import INTERESTS, NICHES

if TYPE_CHECKING:
    from ..world import World

PLATFORM_SLUGS: tuple[str, ...] = tuple(P.PLATFORMS)
WARMTH_LEVELS: tuple[str, ...] = ("cold", "aware", "visitor", "customer")
HISTORY_WINDOW_DAYS = 180
_CACHE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


@dataclass
class MarketPanel:
    """Per-person arrays the ads simulator needs (one entry per person of the world).

    Attributes:
        seed: The world's seed.
        niche: The world's niche.
        size: People in the world.
        scale: Real users each person stands for in cold audiences (``MARKET_USERS / size``,
            at least 1).
        age: Age in years.
        band: Age band index (``params.AGE_BANDS``).
        female: True for women.
        city_code: Index into ``cities``.
        cities: City names.
        city_country: Country of each city.
        country_code: Index into ``countries`` per person.
        countries: Country names.
        interest_mask: Interest bit masks.
        platform_mask: Platform membership bit masks.
        is_bot: True for bot accounts.
        shift: Chronotype shift in hours.
        minutes: Daily minutes on social media.
        weekend: Weekend activity factor.
        affinity: Fit with the brand's niche (mean 1 over real people).
        local: 1 inside the brand's city (or for non-local niches), less outside.
        price: Competing advertisers' price multiplier (country x age band x gender).
        warmth: Index into ``WARMTH_LEVELS``.
        follower: Follows the brand somewhere.
        engager: Engaged with the brand's posts in the history.
        visit_days_ago: Days since the last site visit before the start date (inf if none
            in the last 180 days).
        brand_city: The brand's home city.
        brand_country: The brand's home country.
    """

    seed: int
    niche: str
    size: int
    scale: float
    age: np.ndarray
    band: np.ndarray
    female: np.ndarray
    city_code: np.ndarray
    cities: np.ndarray
    city_country: np.ndarray
    country_code: np.ndarray
    countries: tuple[str, ...]
    interest_mask: np.ndarray
    platform_mask: np.ndarray
    is_bot: np.ndarray
    shift: np.ndarray
    minutes: np.ndarray
    weekend: np.ndarray
    affinity: np.ndarray
    local: np.ndarray
    price: np.ndarray
    warmth: np.ndarray
    follower: np.ndarray
    engager: np.ndarray
    visit_days_ago: np.ndarray
    brand_city: str
    brand_country: str
    _world: weakref.ref

    @property
    def world(self) -> World:
        """The world this panel belongs to."""
        w = self._world()
        if w is None:  # pragma: no cover - the world owns the cache entry
            raise RuntimeError("the world of this panel no longer exists")
        return w

    def on_platform(self, k: int) -> np.ndarray:
        """Return a boolean mask of the members of platform ``PLATFORM_SLUGS[k]``.

        Args:
            k: Platform index.

        Returns:
            True for members.
        """
        return ((self.platform_mask >> k) & 1).astype(bool)

    def opportunities(self, k: int, ids: np.ndarray) -> np.ndarray:
        """Return ad slots a day for people ``ids`` on platform ``k`` (one real user each).

        A person's minutes are split over their platforms by each platform's share of
        attention; each minute meets the platform's ad slots.

        Args:
            k: Platform index.
            ids: Person ids (members of the platform).

        Returns:
            Ad auctions per person per average day.
        """
        shares = np.array([P.AD_PLATFORMS[s].minutes_share for s in PLATFORM_SLUGS])
        bits = (self.platform_mask[ids, None] >> np.arange(len(PLATFORM_SLUGS))) & 1
        total = (bits * shares[None, :]).sum(axis=1)
        ap = P.AD_PLATFORMS[PLATFORM_SLUGS[k]]
        return self.minutes[ids] * ap.minutes_share / np.maximum(total, 1e-9) * ap.slots_per_minute

    def warmth_name(self, ids: np.ndarray) -> np.ndarray:
        """Return the warmth level names of people ``ids``.

        Args:
            ids: Person ids.

        Returns:
            An object array of names from ``WARMTH_LEVELS``.
        """
        return np.array(WARMTH_LEVELS, dtype=object)[self.warmth[ids]]


def market_panel(world: World) -> MarketPanel:
    """Return the world's market panel, building it on first use.

    Args:
        world: The world.

    Returns:
        The panel (cached for the world's lifetime).
    """
    panel = _CACHE.get(world)
    if panel is None:
        panel = _build(world)
        _CACHE[world] = panel
    return panel


def _build(world: World) -> MarketPanel:
    people, arrays, _ = world._people()
    brands, _, followers, _ = world._brands()
    spec = NICHES[world.niche]
    n = world.size
    seed = world.seed
    ids = np.arange(n, dtype=np.int64)

    countries = tuple(dict.fromkeys(arrays.city_country.tolist()))
    c_index = {c: i for i, c in enumerate(countries)}
    city_country_code = np.array([c_index[c] for c in arrays.city_country], dtype=np.int16)
    country_code = city_country_code[arrays.city_code]
    edges = np.array([lo for lo, _ in P.AGE_BANDS[1:]])
    band = np.searchsorted(edges, arrays.age, side="right").astype(np.int8)

    inter = interest_matrix(arrays.interest_mask)
    core = np.zeros(n, dtype=bool)
    for i in spec.core_interests:
        core |= inter[:, INTERESTS.index(i)]
    adjacent = np.zeros(n, dtype=bool)
    for i in spec.adjacent_interests:
        adjacent |= inter[:, INTERESTS.index(i)]
    del inter
    is_bot = arrays.role_code == ROLE_ORDER.index("bot")
    na = P.NICHE_AFFINITY
    age_fit = np.exp(-0.5 * ((arrays.age - spec.age_mean) / na["age_sd"]) ** 2)
    sex_fit = np.where(arrays.female, spec.female_share, 1 - spec.female_share) * 2
    aff = (na["base"] + na["core"] * core + na["adjacent"] * adjacent) * (0.5 + age_fit) * sex_fit
    real = ~is_bot
    aff = (aff / aff[real].mean()).astype(np.float32)

    brand_city = str(brands["city"].iloc[0])
    brand_country = str(brands["country"].iloc[0])
    city_names = arrays.cities
    if spec.local:
        home = np.flatnonzero(city_names == brand_city)
        in_city = np.isin(arrays.city_code, home)
        local = np.where(in_city, 1.0, P.LOCAL_OUTSIDE_CITY).astype(np.float32)
    else:
        local = np.ones(n, dtype=np.float32)

    price = (
        np.array([P.COUNTRY_CPM.get(c, 1.0) for c in countries])[country_code]
        * np.asarray(P.AGE_BAND_CPM)[band]
        * np.where(arrays.female, P.GENDER_CPM["female"], P.GENDER_CPM["male"])
    ).astype(np.float32)

    # --- ties to the brand, from the public history -----------------------------------------
    mine = followers[followers["brand_id"] == 0]
    follower = np.zeros(n, dtype=bool)
    follower[mine["person_id"].to_numpy()] = True
    posts = world._history()[0]
    posts = posts[posts["brand_id"] == 0]
    engager = np.zeros(n, dtype=bool)
    click_rate = np.zeros(n)
    history_days = float(world.history_days)
    for slug, g in mine.groupby("platform"):
        pids = g["person_id"].to_numpy()
        on = posts[posts["platform"] == slug]
        per_follower = float(on["engagements"].sum()) / max(pids.size, 1)
        u = uniforms(seed, f"ads-engagers-{slug}", pids, 1)[:, 0]
        engager[pids[u < 1 - np.exp(-per_follower)]] = True
        clicks = float(on["clicks"].sum()) * P.AD_PLATFORMS[str(slug)].landing_rate
        click_rate[pids] += clicks / max(pids.size, 1) / history_days
    tie = np.where(follower, "follower", np.where(core, "core", np.where(adjacent, "adjacent", "other")))
    rate = np.select(
        [tie == "follower", tie == "core", tie == "adjacent"],
        [P.SITE_VISIT_RATE["follower"], P.SITE_VISIT_RATE["core"], P.SITE_VISIT_RATE["adjacent"]],
        P.SITE_VISIT_RATE["other"],
    )
    rate = (rate * local + click_rate) * real
    u2 = uniforms(seed, "ads-site-visits", ids, 2)
    with np.errstate(divide="ignore"):
        days_ago = np.where(rate > 0, -np.log(u2[:, 0]) / np.maximum(rate, 1e-30), np.inf)
    days_ago = np.where(days_ago <= HISTORY_WINDOW_DAYS, np.ceil(days_ago), np.inf).astype(np.float32)
    funnel = P.FUNNEL[world.niche]
    bought = rate * HISTORY_WINDOW_DAYS * funnel.registration * funnel.purchase * P.WARMTH["visitor"][1]
    customer = (u2[:, 1] < 1 - np.exp(-bought)) & np.isfinite(days_ago)
    warmth = np.zeros(n, dtype=np.int8)
    warmth[follower | engager] = 1
    warmth[np.isfinite(days_ago)] = 2
    warmth[customer] = 3

    return MarketPanel(
        seed=seed,
        niche=world.niche,
        size=n,
        scale=max(1.0, P.MARKET_USERS / n),
        age=arrays.age,
        band=band,
        female=arrays.female,
        city_code=arrays.city_code,
        cities=city_names,
        city_country=arrays.city_country,
        country_code=country_code,
        countries=countries,
        interest_mask=arrays.interest_mask,
        platform_mask=arrays.platform_mask,
        is_bot=is_bot,
        shift=arrays.shift,
        minutes=people["daily_minutes"].to_numpy(dtype=np.float32),
        weekend=people["weekend_factor"].to_numpy(dtype=np.float32),
        affinity=aff,
        local=local,
        price=price,
        warmth=warmth,
        follower=follower,
        engager=engager,
        visit_days_ago=days_ago,
        brand_city=brand_city,
        brand_country=brand_country,
        _world=weakref.ref(world),
    )


def jobs_of(world: World) -> tuple[np.ndarray, np.ndarray]:
    """Return (job code per person, job titles), codes indexing the titles.

    Args:
        world: The world.

    Returns:
        The codes (int32) and the distinct titles (object array).
    """
    hit = _JOBS.get(world)
    if hit is None:
        people = world._people()[0]
        titles, codes = np.unique(people["job"].to_numpy(dtype=object), return_inverse=True)
        hit = (codes.astype(np.int32), np.asarray(titles, dtype=object))
        _JOBS[world] = hit
    return hit


_JOBS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
