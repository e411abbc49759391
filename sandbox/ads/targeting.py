"""Targeting specs: who an ad set may show ads to, checked with errors that teach.

A spec filters the world's people by age, gender, location (countries and cities), interests
(any of them), jobs (any of them) and platforms; custom audiences and lookalikes narrow it to
their members, exclusions take people out. The result is a set of *cells*: one per person and
platform, each standing for the person themselves plus, in cold audiences, the real users who
look like them (see ``params.MARKET_USERS``).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from .. import params as P  # noqa: N812
from ..errors import SandboxInputError, check_choice
from ..taxonomy import GENDERS, INTERESTS
from .panel import PLATFORM_SLUGS, MarketPanel, jobs_of

if TYPE_CHECKING:
    from .audiences import CustomAudience

AGE_LIMITS = (13, 65)


def _as_tuple(parameter: str, value: Any) -> tuple:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, Iterable):
        return tuple(value)
    raise SandboxInputError(parameter, f"must be a list, got {type(value).__name__}.")


def _check_age(parameter: str, value: Any) -> int:
    lo, hi = AGE_LIMITS
    if isinstance(value, bool) or not isinstance(value, int | float | np.integer) or int(value) != value:
        raise SandboxInputError(
            parameter, f"must be a whole number of years from {lo} to {hi}, got {value!r}."
        )
    if not lo <= value <= hi:
        raise SandboxInputError(
            parameter, f"must be from {lo} to {hi} (the ages ad tools allow), got {value}. Use {lo}-{hi}."
        )
    return int(value)


@dataclass(frozen=True)
class Targeting:
    """Who an ad set may reach.

    Dimensions combine with AND; the values inside one list combine with OR (someone with
    any of the interests). Countries and cities together are one list of places.

    Attributes:
        platforms: Platform slugs to advertise on (at least one), e.g. ``["pixa"]``.
        countries: Countries (at least one country or one city is required).
        cities: Cities (see ``world.people["city"]``).
        age_min: Youngest age, 13-65 (default 18).
        age_max: Oldest age, 13-65 (default 65).
        genders: ``"female"``, ``"male"`` or both (default both).
        interests: Interests from ``sandbox.INTERESTS``; empty means no interest filter.
        jobs: Job titles from ``world.people["job"]``; empty means no job filter.
        placements: Placement names (e.g. ``"feed"``, ``"stories"``); empty means every
            placement of the chosen platforms (automatic placements).
        custom_audiences: Custom audiences or lookalikes; when given, only their members.
        exclude: Custom audiences or lookalikes whose members are left out.

    Raises:
        SandboxInputError: For an unknown platform, interest, gender or placement, or ages
            outside 13-65 or in the wrong order.
    """

    platforms: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    cities: tuple[str, ...] = ()
    age_min: int = 18
    age_max: int = 65
    genders: tuple[str, ...] = GENDERS
    interests: tuple[str, ...] = ()
    jobs: tuple[str, ...] = ()
    placements: tuple[str, ...] = ()
    custom_audiences: tuple[CustomAudience, ...] = field(default=())
    exclude: tuple[CustomAudience, ...] = field(default=())

    def __post_init__(self) -> None:
        for name in ("platforms", "countries", "cities", "genders", "interests", "jobs", "placements"):
            object.__setattr__(self, name, _as_tuple(name, getattr(self, name)))
        for name in ("custom_audiences", "exclude"):
            value = getattr(self, name)
            if value is None:
                value = ()
            elif not isinstance(value, list | tuple):
                value = (value,)
            object.__setattr__(self, name, tuple(value))
        if not self.platforms:
            raise SandboxInputError(
                "platforms",
                f"choose at least one platform, e.g. platforms=['pixa']. Allowed: {_quote(PLATFORM_SLUGS)}.",
            )
        for p in self.platforms:
            check_choice("platforms", p, PLATFORM_SLUGS)
        if len(set(self.platforms)) != len(self.platforms):
            raise SandboxInputError("platforms", "lists a platform twice; name each platform once.")
        lo = _check_age("age_min", self.age_min)
        hi = _check_age("age_max", self.age_max)
        if lo > hi:
            raise SandboxInputError(
                "age_min",
                f"is {lo}, above age_max {hi}. Set age_min to at most age_max (e.g. age_min={hi}, "
                f"age_max={lo} if you swapped them).",
            )
        object.__setattr__(self, "age_min", lo)
        object.__setattr__(self, "age_max", hi)
        if not self.genders:
            raise SandboxInputError("genders", "is empty; use ['female'], ['male'] or both.")
        for g in self.genders:
            check_choice("genders", g, GENDERS)
        for i in self.interests:
            check_choice("interests", i, INTERESTS)
        allowed = {pl for p in self.platforms for pl in P.AD_PLATFORMS[p].placements}
        for pl in self.placements:
            if pl not in allowed:
                by_platform = "; ".join(
                    f"{p}: {', '.join(P.AD_PLATFORMS[p].placements)}" for p in self.platforms
                )
                raise SandboxInputError(
                    "placements",
                    f"unknown placement {pl!r} for these platforms. "
                    f"Allowed ({by_platform}), or leave it empty.",
                )
        if self.placements:
            for p in self.platforms:
                if not set(self.placements) & set(P.AD_PLATFORMS[p].placements):
                    raise SandboxInputError(
                        "placements",
                        f"none of {list(self.placements)} exists on {p}; add one of "
                        f"{', '.join(P.AD_PLATFORMS[p].placements)} or drop {p} from platforms.",
                    )
        for name in ("custom_audiences", "exclude"):
            for a in getattr(self, name):
                if not hasattr(a, "person_ids"):
                    raise SandboxInputError(
                        name,
                        f"needs custom audience objects (from ads.create_custom_audience or "
                        f"ads.create_lookalike), got {a!r}.",
                    )

    def placement_mix(self, platform: str) -> tuple[float, float, float]:
        """Return (share of the platform's ad slots, CTR multiplier, price multiplier).

        Args:
            platform: A platform of the spec.

        Returns:
            The slot share of the chosen placements and their slot-weighted multipliers.
        """
        table = P.AD_PLATFORMS[platform].placements
        chosen = [pl for pl in table if not self.placements or pl in self.placements]
        share = sum(table[pl][0] for pl in chosen)
        ctr = sum(table[pl][0] * table[pl][1] for pl in chosen) / share
        price = sum(table[pl][0] * table[pl][2] for pl in chosen) / share
        return share, ctr, price

    def describe(self) -> str:
        """Return the spec in one line of words.

        Returns:
            A description such as ``"pixa; United States; 18-65; coffee"``.
        """
        parts = [", ".join(self.platforms)]
        places = list(self.countries) + list(self.cities)
        parts.append(", ".join(places) if places else "no location")
        parts.append(f"ages {self.age_min}-{self.age_max}")
        if set(self.genders) != set(GENDERS):
            parts.append(", ".join(self.genders))
        if self.interests:
            parts.append("interests: " + " or ".join(self.interests))
        if self.jobs:
            parts.append("jobs: " + " or ".join(self.jobs))
        if self.placements:
            parts.append("placements: " + ", ".join(self.placements))
        if self.custom_audiences:
            parts.append("audiences: " + ", ".join(a.name for a in self.custom_audiences))
        if self.exclude:
            parts.append("excluding: " + ", ".join(a.name for a in self.exclude))
        return "; ".join(parts)


def _quote(values: Iterable[str]) -> str:
    return ", ".join(repr(v) for v in values)


@dataclass
class Cells:
    """Person-platform cells of an audience.

    Attributes:
        pid: Person id of each cell.
        plat: Platform index of each cell.
        ind: 1 when the person themselves is in the audience, else 0.
        clones: Real users who look like the person and are in the audience (cold only).
    """

    pid: np.ndarray
    plat: np.ndarray
    ind: np.ndarray
    clones: np.ndarray

    @property
    def weight(self) -> np.ndarray:
        """Real users a cell stands for."""
        return self.ind + self.clones

    def __len__(self) -> int:
        return int(self.pid.size)


def person_mask(panel: MarketPanel, spec: Targeting) -> np.ndarray:
    """Return who passes the spec's demographic, place, interest and job filters.

    Args:
        panel: The world's market panel.
        spec: The targeting spec.

    Returns:
        A boolean mask over people.

    Raises:
        SandboxInputError: For an unknown country, city or job, or no place at all.
    """
    if not spec.countries and not spec.cities:
        raise SandboxInputError(
            "countries",
            "a spec needs a location: at least one country or city, "
            f"e.g. countries=[{panel.brand_country!r}]. "
            f"Countries of this world: {_quote(panel.countries)}.",
        )
    place = np.zeros(panel.size, dtype=bool)
    for c in spec.countries:
        if c not in panel.countries:
            raise SandboxInputError(
                "countries", f"unknown country {c!r}. Countries of this world: {_quote(panel.countries)}."
            )
        place |= panel.country_code == panel.countries.index(c)
    city_names = panel.cities
    for c in spec.cities:
        codes = np.flatnonzero(city_names == c)
        if codes.size == 0:
            close = difflib.get_close_matches(str(c), list(dict.fromkeys(city_names.tolist())), n=3)
            hint = f" Did you mean {_quote(close)}?" if close else ""
            raise SandboxInputError(
                "cities",
                f"unknown city {c!r}.{hint} Pick cities from world.people['city'] "
                f"(the brand's city is {panel.brand_city!r}).",
            )
        place |= np.isin(panel.city_code, codes)
    mask = place & (panel.age >= spec.age_min) & (panel.age <= spec.age_max)
    if set(spec.genders) != set(GENDERS):
        mask &= panel.female if spec.genders == ("female",) else ~panel.female
    if spec.interests:
        bits = 0
        for i in spec.interests:
            bits |= 1 << INTERESTS.index(i)
        mask &= (panel.interest_mask & bits) != 0
    if spec.jobs:
        codes, titles = jobs_of(panel.world)
        lookup = {t.lower(): k for k, t in enumerate(titles)}
        wanted = []
        for j in spec.jobs:
            k = lookup.get(str(j).strip().lower())
            if k is None:
                close = [t for t in titles if str(j).strip().lower() in t.lower()][:4]
                close = close or difflib.get_close_matches(str(j), list(titles), n=3)
                hint = f" Titles that look close: {_quote(close)}." if close else ""
                raise SandboxInputError(
                    "jobs", f"unknown job title {j!r}.{hint} Pick titles from world.people['job'].unique()."
                )
            wanted.append(k)
        mask &= np.isin(codes, wanted)
    return mask


def audience_cells(panel: MarketPanel, spec: Targeting) -> Cells:
    """Return the cells of everyone a spec can reach, with the real users each stands for.

    Args:
        panel: The world's market panel.
        spec: The targeting spec.

    Returns:
        The cells, ordered by platform then person.

    Raises:
        SandboxInputError: For an unknown country, city or job (an empty result is not an
            error here; see ``AdsManager`` for that).
    """
    mask = person_mask(panel, spec)
    n = panel.size
    s = panel.scale
    ind = np.ones(n, dtype=np.float32)
    clones = np.full(n, s - 1.0, dtype=np.float32)
    if spec.custom_audiences:
        member = np.zeros(n, dtype=bool)
        whole = np.zeros(n, dtype=bool)
        for a in spec.custom_audiences:
            member[a.person_ids] = True
            if a.is_lookalike:
                whole[a.person_ids] = True
        mask &= member
        clones = np.where(whole, clones, 0.0).astype(np.float32)
        # a lookalike leaves out the people of its seed audience (their look-alikes stay),
        # unless the spec also includes them through a custom audience
        listed = _members(spec.custom_audiences, n, lookalike=False)
        for a in spec.custom_audiences:
            if a.is_lookalike and a.excluded_ids.size:
                ex = a.excluded_ids[~listed[a.excluded_ids]]
                ind[ex] = 0.0
    for a in spec.exclude:
        if a.is_lookalike:
            ind[a.person_ids] = 0.0
            clones[a.person_ids] = 0.0
        else:
            ind[a.person_ids] = 0.0
    weight = ind + clones
    mask &= weight > 0
    pid_parts, plat_parts = [], []
    for p in spec.platforms:
        k = PLATFORM_SLUGS.index(p)
        ids = np.flatnonzero(mask & panel.on_platform(k)).astype(np.int32)
        pid_parts.append(ids)
        plat_parts.append(np.full(ids.size, k, dtype=np.int8))
    pid = np.concatenate(pid_parts)
    return Cells(
        pid=pid,
        plat=np.concatenate(plat_parts),
        ind=ind[pid],
        clones=clones[pid],
    )


def _members(audiences: Iterable[CustomAudience], n: int, lookalike: bool) -> np.ndarray:
    out = np.zeros(n, dtype=bool)
    for a in audiences:
        if a.is_lookalike == lookalike:
            out[a.person_ids] = True
    return out
