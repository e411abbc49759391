"""Influencer deals and cross-promotions: reach, follows, bots and conversions.

The marketplace is ``World.influencers`` plus an audience check measured on each
influencer's followers who live in the world (share in the brand's city, share interested in
the niche, bots among them) and a price quote per deal type. A deal's post reaches the
influencer's *real* followers like any organic post on that platform (the platform's organic
reach and discovery, the audience-fit formula of ``sandbox.engagement``, the same luck
spread); its clicks go through the shared funnel (``funnel.py``); giveaways bring bots.

A cross-promotion swaps posts with a partner community (``partners.py``): their post brings
reach, follows and clicks from their audience; yours costs a few unfollows.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .. import params as P  # noqa: N812
from ..errors import SandboxInputError, check_choice
from ..seeding import uniforms
from ..taxonomy import INTERESTS, NICHES
from .draws import normal_ppf, poisson
from .funnel import EventLog, convert
from .panel import market_panel

if TYPE_CHECKING:
    from ..world import World

DEAL_KINDS: tuple[str, ...] = tuple(P.DEAL_TYPES)


@dataclass(frozen=True)
class Deal:
    """A deal with an influencer.

    Attributes:
        influencer_id: Id from ``marketplace(world)`` / ``world.influencers``.
        kind: ``paid_post``, ``giveaway``, ``takeover`` or ``affiliate``.
        date: Day of the post (default: the world's start date).
        prize_value: Prize in USD (giveaways).
        commission: Share of attributed revenue paid (affiliate deals).
        name: Your name for the deal (default ``"deal <n>"``).
    """

    influencer_id: int
    kind: str = "paid_post"
    date: str | pd.Timestamp | None = None
    prize_value: float = 0.0
    commission: float = P.AFFILIATE_COMMISSION
    name: str | None = None


@dataclass(frozen=True)
class CrossPromo:
    """A post swap with a partner community (see ``partners.partner_communities``).

    Attributes:
        partner_id: Id of the partner community.
        date: Day of the swap (default: the world's start date).
        name: Your name for it (default ``"cross-promo <n>"``).
    """

    partner_id: int
    date: str | pd.Timestamp | None = None
    name: str | None = None


def _audience_stats(world: World, person_ids: np.ndarray) -> pd.DataFrame:
    """Measure each account's in-world followers: city share, niche interest, fit, bots."""
    panel = market_panel(world)
    follows = world.follows
    slot = np.full(panel.size, -1, dtype=np.int64)
    slot[person_ids] = np.arange(person_ids.size)
    fs = slot[follows["followee_id"].to_numpy()]
    sel = fs >= 0
    group = fs[sel]
    fans = follows["follower_id"].to_numpy()[sel]
    k = person_ids.size
    count = np.bincount(group, minlength=k).astype(float)
    in_city = panel.cities[panel.city_code[fans]] == panel.brand_city
    core_bits = 0
    for i in NICHES[world.niche].core_interests:
        core_bits |= 1 << INTERESTS.index(i)
    interested = (panel.interest_mask[fans] & core_bits) != 0
    with np.errstate(invalid="ignore", divide="ignore"):
        out = pd.DataFrame(
            {
                "audience_in_brand_city": np.bincount(group, weights=in_city, minlength=k) / count,
                "audience_interested": np.bincount(group, weights=interested, minlength=k) / count,
                "audience_fit": np.bincount(group, weights=panel.affinity[fans], minlength=k) / count,
                "audience_bots": np.bincount(group, weights=panel.is_bot[fans], minlength=k) / count,
                "audience_local": np.bincount(group, weights=panel.local[fans], minlength=k) / count,
            }
        )
    defaults = {
        "audience_in_brand_city": 0.0,
        "audience_interested": 0.0,
        "audience_fit": 1.0,
        "audience_bots": 0.0,
    }
    return out.fillna({**defaults, "audience_local": P.LOCAL_OUTSIDE_CITY})


def marketplace(world: World) -> pd.DataFrame:
    """Return the influencer marketplace with an audience check and price quotes.

    Args:
        world: The world.

    Returns:
        ``world.influencers`` plus ``audience_in_brand_city``, ``audience_interested``
        (share holding the niche's core interests), ``audience_fit``, ``audience_bots``
        (among followers living in the world), ``price_giveaway``, ``price_takeover`` and
        ``affiliate_commission``.
    """
    return _marketplace(world).drop(columns="audience_local")


def _marketplace(world: World) -> pd.DataFrame:
    inf = world.influencers
    stats = _audience_stats(world, inf["person_id"].to_numpy(dtype=np.int64))
    stats = _adjust_for_topic_and_home(world, inf, stats)
    out = pd.concat([inf.reset_index(drop=True), stats.round(4)], axis=1)
    out["price_giveaway"] = (inf["price_per_post"] * P.DEAL_TYPES["giveaway"]["price"]).round(-1)
    out["price_takeover"] = (inf["price_per_post"] * P.DEAL_TYPES["takeover"]["price"]).round(-1)
    out["affiliate_commission"] = P.AFFILIATE_COMMISSION
    return out


def _adjust_for_topic_and_home(world: World, inf: pd.DataFrame, stats: pd.DataFrame) -> pd.DataFrame:
    """Blend the measured audience with what the influencer's topic and home city imply.

    The world's follow graph is drawn by popularity alone, so the in-world followers of
    every influencer look alike. Real audiences follow a blogger for their topic, and the
    followers of nano and micro bloggers mostly live in the blogger's city: the blend keeps
    a share of the measurement and takes the rest from the topic and home
    (``params.INFLUENCER_AUDIENCE_BLEND``).
    """
    spec = NICHES[world.niche]
    panel = market_panel(world)
    topic = inf["topic"].astype(str).to_numpy()
    blend = P.INFLUENCER_AUDIENCE_BLEND
    kept = blend["measured"]
    implied = np.where(
        np.isin(topic, spec.core_interests),
        blend["core_topic"],
        np.where(np.isin(topic, spec.adjacent_interests), blend["adjacent_topic"], np.nan),
    )
    measured = stats["audience_interested"].to_numpy()
    interested = np.where(np.isnan(implied), measured, kept * measured + (1 - kept) * np.nan_to_num(implied))
    local_tier = np.isin(inf["tier"].astype(str).to_numpy(), ("nano", "micro"))
    home = inf["audience_city"].astype(str).to_numpy() == panel.brand_city
    city = stats["audience_in_brand_city"].to_numpy()
    elsewhere = np.where(home, blend["home_city"], blend["other_city"])
    in_city = np.where(local_tier, kept * city + (1 - kept) * elsewhere, city)
    out = stats.copy()
    out["audience_interested"] = interested
    out["audience_in_brand_city"] = in_city
    out["audience_fit"] = (
        stats["audience_fit"] * (0.4 + 1.2 * interested) / (0.4 + 1.2 * np.maximum(measured, 1e-9))
    )
    out["audience_local"] = in_city + (1 - in_city) * P.LOCAL_OUTSIDE_CITY if spec.local else 1.0
    return out


def _key(name: str) -> int:
    return zlib.crc32(name.encode("utf-8"))


class DealResults:
    """What a set of influencer deals and cross-promotions brought.

    Attributes:
        deals: One row per deal (``sandbox.columns.DEAL_COLUMNS``).
        conversions: One row per registration or purchase (channels ``influencer`` and
            ``cross_promo``).
    """

    def __init__(self, deals: pd.DataFrame, conversions: pd.DataFrame) -> None:
        self.deals = deals
        self.conversions = conversions

    def __repr__(self) -> str:
        return f"DealResults: {len(self.deals)} deal(s). See .deals and .conversions.\n" + self.deals[
            [
                "deal",
                "kind",
                "partner",
                "cost",
                "reach",
                "follows",
                "bot_follows",
                "clicks",
                "purchases",
                "romi",
            ]
        ].to_string(index=False)


def run_deals(world: World, deals: Iterable[Deal | CrossPromo]) -> DealResults:
    """Run influencer deals and cross-promotions and return what they brought.

    Args:
        world: The world.
        deals: ``Deal`` and ``CrossPromo`` objects.

    Returns:
        The results.

    Raises:
        SandboxInputError: For an unknown influencer or partner, kind, date, or a bad price.
    """
    from .partners import _partner_communities

    deals = list(deals)
    if not deals:
        raise SandboxInputError("deals", "is empty; give at least one Deal or CrossPromo.")
    market_panel(world)  # build the panel (and check the world) before anything else
    spec = NICHES[world.niche]
    funnel = P.FUNNEL[world.niche]
    inf = _marketplace(world) if any(isinstance(d, Deal) for d in deals) else None
    partners = _partner_communities(world) if any(isinstance(d, CrossPromo) for d in deals) else None
    log = EventLog(world.seed, world.niche)
    rows: list[dict[str, Any]] = []
    names: set[str] = set()
    first, last = world.start_date, world.period_end - pd.Timedelta(days=1)
    for n, d in enumerate(deals):
        if not isinstance(d, Deal | CrossPromo):
            raise SandboxInputError(
                "deals", f"item {n} is a {type(d).__name__}; use Deal(...) or CrossPromo(...)."
            )
        is_deal = isinstance(d, Deal)
        name = d.name or (f"deal {n + 1}" if is_deal else f"cross-promo {n + 1}")
        if name in names:
            raise SandboxInputError("name", f"{name!r} is used twice; give each deal its own name.")
        names.add(name)
        try:
            date = pd.Timestamp(d.date if d.date is not None else first).normalize()
        except (ValueError, TypeError):
            raise SandboxInputError(
                "date", f"could not read {d.date!r}; write it like '2026-03-09'."
            ) from None
        if not first <= date <= last:
            raise SandboxInputError("date", f"{date.date()} is outside {first.date()} to {last.date()}.")
        u = uniforms(world.seed, "deals", np.array([_key(name)]), 10)[0]
        luck = float(np.exp(P.NOISE_SIGMA * normal_ppf(np.array([u[0]]))[0] - 0.5 * P.NOISE_SIGMA**2))
        if is_deal:
            check_choice("kind", d.kind, DEAL_KINDS)
            ids = inf["influencer_id"].to_numpy()
            if d.influencer_id not in set(ids.tolist()):
                raise SandboxInputError(
                    "influencer_id",
                    f"no influencer {d.influencer_id!r}; pick one from marketplace(world) (0-{ids.max()}).",
                )
            for field_name, value, hi in (
                ("prize_value", d.prize_value, None),
                ("commission", d.commission, 0.9),
            ):
                if (
                    isinstance(value, bool)
                    or not isinstance(value, int | float)
                    or value < 0
                    or (hi and value > hi)
                ):
                    raise SandboxInputError(
                        field_name, f"must be 0 or more{f' and at most {hi}' if hi else ''}, got {value!r}."
                    )
            row = inf.loc[inf["influencer_id"] == d.influencer_id].iloc[0]
            kind = P.DEAL_TYPES[d.kind]
            platform = str(row["platform"])
            pp = P.PLATFORMS[platform]
            interest = float(row["audience_interested"])
            fit_reach = P.AUDIENCE_FIT_FLOOR + P.AUDIENCE_FIT_SLOPE * interest
            reach_exp = (
                float(row["real_followers"])
                * pp.organic_reach
                * (1 + pp.discovery)
                * kind["reach"]
                * fit_reach
                * luck
            )
            fit = max(float(row["audience_fit"]), 0.05)
            local = float(row["audience_local"])
            clicks_exp = (
                reach_exp
                * P.SPONSORED_CLICK_RATE
                * kind["clicks"]
                * np.sqrt(fit)
                * local ** P.AD_AUDIENCE_EXPONENTS["ctr_local"]
            )
            follows_exp = (
                reach_exp
                * P.SPONSORED_FOLLOW_RATE
                * kind["follows"]
                * fit_reach
                * local ** P.AD_AUDIENCE_EXPONENTS["ctr_local"]
            )
            engagements_exp = float(row["avg_engagements"]) * kind["reach"] * P.SPONSORED_ENGAGEMENT * luck
            bot_share = (
                min(0.8, P.GIVEAWAY_BOT_SHARE + 0.5 * float(row["fake_follower_share"]))
                if d.kind == "giveaway"
                else 0.0
            )
            reg = min(1.0, funnel.registration * P.INFLUENCER_TRUST * np.sqrt(fit) * local)
            price = float(row["price_per_post"]) * kind["price"] + (
                float(d.prize_value) if d.kind == "giveaway" else 0.0
            )
            partner, channel, tier, unfollows_exp = str(row["handle"]), "influencer", str(row["tier"]), 0.0
            partner_id = int(d.influencer_id)
        else:
            ids = partners["partner_id"].to_numpy()
            if d.partner_id not in set(ids.tolist()):
                raise SandboxInputError(
                    "partner_id",
                    f"no partner {d.partner_id!r}; pick one from partner_communities(world) (0-{ids.max()}).",
                )
            row = partners.loc[partners["partner_id"] == d.partner_id].iloc[0]
            platform = str(row["platform"])
            pp = P.PLATFORMS[platform]
            interest = float(row["audience_interested"])
            fit_reach = P.AUDIENCE_FIT_FLOOR + P.AUDIENCE_FIT_SLOPE * interest
            reach_exp = float(row["followers"]) * pp.organic_reach * (1 + pp.discovery) * fit_reach * luck
            fit = max(float(row["audience_fit"]), 0.05)
            local = float(row["audience_local"])
            clicks_exp = reach_exp * pp.click_rate * 1.5 * np.sqrt(fit)
            follows_exp = (
                reach_exp
                * P.CROSS_PROMO_FOLLOW_RATE
                * fit_reach
                * local ** P.AD_AUDIENCE_EXPONENTS["ctr_local"]
            )
            engagements_exp = reach_exp * pp.engagement_per_reach * luck
            bot_share = 0.0
            reg = min(1.0, funnel.registration * P.WARMTH["aware"][1] * np.sqrt(fit) * local)
            price = float(row["fee"])
            own = world.accounts
            own = own[(own["brand_id"] == 0) & (own["platform"] == platform)]
            unfollows_exp = float(own["followers"].sum()) * pp.unfollow_rate * 3.0
            partner, channel, tier, partner_id = (
                str(row["name"]),
                "cross_promo",
                "community",
                int(d.partner_id),
            )
        reach = int(poisson(np.array([reach_exp]), np.array([u[1]]))[0])
        ratio = reach / reach_exp if reach_exp > 0 else 0.0
        clicks = int(poisson(np.array([clicks_exp * ratio]), np.array([u[2]]))[0])
        follows = int(poisson(np.array([follows_exp * ratio]), np.array([u[3]]))[0])
        bots = int(poisson(np.array([follows * bot_share / max(1 - bot_share, 1e-9)]), np.array([u[4]]))[0])
        unfollows = int(poisson(np.array([unfollows_exp]), np.array([u[5]]))[0])
        engagements = int(poisson(np.array([engagements_exp * ratio / luck]), np.array([u[6]]))[0])
        visits, regs, buys = convert(
            np.array([clicks]),
            np.array([P.AD_PLATFORMS[platform].landing_rate]),
            np.array([reg]),
            np.array([funnel.purchase]),
            u[None, 7:10],
        )
        revenue = float(buys[0]) * spec.order_value
        commission = float(d.commission) * revenue if is_deal and d.kind == "affiliate" else 0.0
        cost = price + commission
        log.add(
            f"deals:{name}",
            np.array([_key(name)]),
            np.array([date.to_datetime64()]),
            regs,
            buys,
            channel=channel,
            source=name,
            platform=platform,
        )
        rows.append(
            {
                "deal": name,
                "channel": channel,
                "kind": d.kind if is_deal else "cross_promo",
                "partner": partner,
                "partner_id": partner_id,
                "tier": tier,
                "platform": platform,
                "date": date,
                "cost": round(cost, 2),
                "commission": round(commission, 2),
                "reach": reach,
                "impressions": int(round(reach * pp.impressions_per_reach)),
                "engagements": engagements,
                "clicks": clicks,
                "visits": int(visits[0]),
                "registrations": int(regs[0]),
                "purchases": int(buys[0]),
                "revenue": revenue,
                "follows": follows + bots,
                "bot_follows": bots,
                "unfollows": unfollows,
            }
        )
    table = pd.DataFrame(rows)
    for c in ("deal", "channel", "kind", "partner", "tier", "platform"):
        table[c] = table[c].astype("str")
    margin = spec.margin
    with np.errstate(divide="ignore", invalid="ignore"):
        cost = table["cost"].to_numpy(dtype=float)
        real = (table["follows"] - table["bot_follows"]).to_numpy(dtype=float)
        table["cost_per_real_follow"] = np.where(real > 0, cost / np.where(real > 0, real, 1), np.nan)
        table["cpa"] = np.where(table["purchases"] > 0, cost / table["purchases"].clip(lower=1), np.nan)
        table["roas"] = np.where(cost > 0, table["revenue"] / np.where(cost > 0, cost, 1), np.nan)
        table["romi"] = np.where(
            cost > 0, (table["revenue"] * margin - cost) / np.where(cost > 0, cost, 1), np.nan
        )
    return DealResults(table, log.table())
