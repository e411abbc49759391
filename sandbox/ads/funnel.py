"""The conversion funnel shared by every channel: clicks -> site visits -> registrations -> purchases.

Ads, organic posts, contests, influencer deals and cross-promotions all send clicks through
the same funnel: a share of clicks loads the landing page (a site visit, per platform), a
share of visits registers (per niche, higher for warm and well-fitting people), a share of
registrations buys after a delay (per niche). Every registration and purchase becomes one row
of a conversions table that names its channel and source (last-click attribution: each visit
comes from exactly one click).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .. import params as P  # noqa: N812
from ..seeding import uniforms
from ..taxonomy import NICHES
from .draws import binomial, geometric_days

CHANNELS: tuple[str, ...] = ("organic", "contest", "ads", "influencer", "cross_promo")
"""Channels conversions are attributed to."""

CONVERSION_COLUMNS_ORDER = (
    "date",
    "click_date",
    "channel",
    "source",
    "platform",
    "campaign",
    "ad_set",
    "ad",
    "person_id",
    "event",
    "revenue",
    "gross_profit",
)


def convert(
    clicks: np.ndarray,
    landing: np.ndarray,
    registration: np.ndarray,
    purchase: np.ndarray,
    u: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Draw site visits, registrations and purchases from clicks.

    Args:
        clicks: Clicks per row.
        landing: Share of clicks that become site visits, per row.
        registration: Registrations per visit, per row.
        purchase: Purchases per registration, per row.
        u: Uniforms, shape (rows, 3).

    Returns:
        ``(visits, registrations, purchases)``.
    """
    visits = binomial(clicks, landing, u[:, 0])
    regs = binomial(visits, registration, u[:, 1])
    buys = binomial(regs, purchase, u[:, 2])
    return visits, regs, buys


@dataclass
class EventLog:
    """Collects conversion events (registrations and purchases) from any channel.

    Attributes:
        seed: The world's seed.
        niche: The world's niche (order value, margin, purchase delay).
        parts: Column arrays collected so far.
    """

    seed: int
    niche: str
    parts: list[dict[str, np.ndarray]] = field(default_factory=list)

    def add(
        self,
        namespace: str,
        keys: np.ndarray,
        click_date: np.ndarray,
        registrations: np.ndarray,
        purchases: np.ndarray,
        *,
        channel: str,
        source: str | np.ndarray,
        platform: str | np.ndarray,
        person_id: np.ndarray | None = None,
        campaign: str = "",
        ad_set: str = "",
        ad: str | np.ndarray = "",
    ) -> None:
        """Add the events of some rows (one row = one group of clicks).

        Args:
            namespace: Randomness namespace of the purchase delays.
            keys: A stable non-negative id per row (for the delays).
            click_date: Date of each row's clicks.
            registrations: Registrations per row.
            purchases: Purchases per row (among the registrations).
            channel: One of ``CHANNELS``.
            source: What produced the clicks (post, ad set, deal), per row or for all.
            platform: Platform slug, per row or for all.
            person_id: The person behind each row (-1 when unknown).
            campaign: Campaign name (ads only).
            ad_set: Ad set name (ads only).
            ad: Ad name per row (ads only).
        """
        regs = np.asarray(registrations, dtype=np.int64)
        buys = np.asarray(purchases, dtype=np.int64)
        if regs.sum() == 0:
            return
        n = regs.size
        click_date = np.asarray(click_date, dtype="datetime64[us]")
        pid = np.full(n, -1, dtype=np.int64) if person_id is None else np.asarray(person_id, dtype=np.int64)

        def per_row(value: str | np.ndarray) -> np.ndarray:
            return (
                np.full(n, value, dtype=object) if isinstance(value, str) else np.asarray(value, dtype=object)
            )

        src, plat, ads = per_row(source), per_row(platform), per_row(ad)
        rows = np.concatenate([np.repeat(np.arange(n), regs), np.repeat(np.arange(n), buys)])
        event = np.concatenate(
            [np.full(int(regs.sum()), "registration"), np.full(int(buys.sum()), "purchase")]
        )
        nth = np.concatenate([_rank_within(regs), _rank_within(buys)])
        delay = np.zeros(rows.size, dtype=np.int64)
        is_buy = event == "purchase"
        if is_buy.any():
            ids = np.asarray(keys, dtype=np.int64)[rows[is_buy]] * 4096 + nth[is_buy]
            u = uniforms(self.seed, f"{namespace}:delay", ids, 1)[:, 0]
            delay[is_buy] = geometric_days(P.FUNNEL[self.niche].purchase_delay_days, u)
        spec = NICHES[self.niche]
        revenue = np.where(is_buy, spec.order_value, 0.0)
        self.parts.append(
            {
                "date": click_date[rows] + delay.astype("timedelta64[D]"),
                "click_date": click_date[rows],
                "channel": np.full(rows.size, channel, dtype=object),
                "source": src[rows],
                "platform": plat[rows],
                "campaign": np.full(rows.size, campaign, dtype=object),
                "ad_set": np.full(rows.size, ad_set, dtype=object),
                "ad": ads[rows],
                "person_id": pid[rows],
                "event": event.astype(object),
                "revenue": revenue,
                "gross_profit": revenue * spec.margin,
            }
        )

    def table(self) -> pd.DataFrame:
        """Return every event collected, one row each, sorted by date.

        Returns:
            A DataFrame documented in ``sandbox.columns.CONVERSION_COLUMNS``.
        """
        if self.parts:
            cols = {c: np.concatenate([p[c] for p in self.parts]) for c in CONVERSION_COLUMNS_ORDER}
        else:
            cols = {c: np.empty(0, dtype=object) for c in CONVERSION_COLUMNS_ORDER}
            for c in ("date", "click_date"):
                cols[c] = np.empty(0, dtype="datetime64[us]")
            cols["person_id"] = np.empty(0, dtype=np.int64)
            cols["revenue"] = cols["gross_profit"] = np.empty(0, dtype=float)
        df = pd.DataFrame(cols)
        for c in ("channel", "source", "platform", "campaign", "ad_set", "ad", "event"):
            df[c] = df[c].astype("str")
        df = df.sort_values(["date", "channel", "source", "event", "person_id"], kind="stable")
        return df.reset_index(drop=True)


def _rank_within(counts: np.ndarray) -> np.ndarray:
    """Return 0..c-1 for each row repeated ``c`` times (the event's number within its row)."""
    total = int(counts.sum())
    if total == 0:
        return np.empty(0, dtype=np.int64)
    starts = np.repeat(np.cumsum(counts) - counts, counts)
    return np.arange(total, dtype=np.int64) - starts


def intent(warmth: str, fit: float = 1.0, local: float = 1.0) -> float:
    """Return the registration multiplier of a group of people.

    Args:
        warmth: One of ``params.WARMTH``.
        fit: Niche affinity of the group (1 = the world's average person).
        local: Share of the group that can buy (local niches: inside the brand's city).

    Returns:
        A multiplier on the niche's registrations per visit.
    """
    return P.WARMTH[warmth][1] * float(np.sqrt(max(fit, 0.0))) * local
