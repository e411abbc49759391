"""End-to-end analytics: every conversion attributed to its channel, and which channel paid off.

Organic posts (and contests) from ``World.run_plan``, ad campaigns from ``AdsManager.run``
and influencer or cross-promotion deals from ``run_deals`` all send clicks through the same
funnel (``funnel.py``). ``Attribution`` collects their conversions and costs and returns one
row per channel (or per source) with spend, impressions, clicks, visits, registrations,
purchases, revenue, CPA, ROAS and ROMI = (revenue x margin - cost) / cost.

Attribution is last click: every site visit comes from exactly one click, and the
registration and purchase that follow belong to that click's channel.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .. import params as P  # noqa: N812
from ..errors import SandboxInputError, check_choice
from ..seeding import uniforms
from ..taxonomy import NICHES
from .funnel import CHANNELS, EventLog, convert, intent
from .panel import market_panel

if TYPE_CHECKING:
    from ..plan import PlanResult
    from ..world import World
    from .influencer_deals import DealResults
    from .results import AdsResults

CHANNEL_COLUMNS_ORDER = (
    "channel",
    "cost",
    "impressions",
    "clicks",
    "visits",
    "registrations",
    "purchases",
    "revenue",
    "gross_profit",
    "cpc",
    "cost_per_registration",
    "cpa",
    "roas",
    "romi",
)


def organic_funnel(world: World, plan: PlanResult) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Send a plan's post clicks through the funnel.

    Clicks on the brand's posts come mostly from its followers: their registrations use the
    followers' fit with the niche, their share inside the brand's city (local niches) and
    the "aware" warmth; bots never convert.

    Args:
        world: The world the plan ran in.
        plan: The plan's result.

    Returns:
        ``(per_post, conversions)``: visits, registrations, purchases and revenue per post,
        and one row per conversion (channel ``organic`` or ``contest``).
    """
    panel = market_panel(world)
    posts = plan.posts
    followers = world._brands()[2]
    mine = followers[followers["brand_id"] == 0]
    fit, local, real = {}, {}, {}
    for slug, g in mine.groupby("platform"):
        ids = g["person_id"].to_numpy()
        fit[str(slug)] = float(panel.affinity[ids].mean())
        local[str(slug)] = float(panel.local[ids].mean())
        real[str(slug)] = 1.0 - float(panel.is_bot[ids].mean())
    funnel = P.FUNNEL[world.niche]
    plat = posts["platform"].astype(str).to_numpy()
    reg = np.array(
        [
            min(
                1.0,
                funnel.registration
                * intent(P.ORGANIC_CLICK_WARMTH, fit.get(p, 1.0), local.get(p, 1.0))
                * real.get(p, 1.0),
            )
            for p in plat
        ]
    )
    landing = np.array([P.AD_PLATFORMS[p].landing_rate for p in plat])
    ids = posts["post_id"].to_numpy(dtype=np.int64)
    u = uniforms(world.seed, "funnel-organic", ids, 3)
    clicks = posts["clicks"].to_numpy(dtype=np.int64)
    visits, regs, buys = convert(clicks, landing, reg, np.full(ids.size, funnel.purchase), u)
    channel = np.where(posts["rubric"].astype(str).to_numpy() == "contest", "contest", "organic")
    log = EventLog(world.seed, world.niche)
    dates = pd.DatetimeIndex(posts["time"]).normalize().to_numpy()
    for ch in ("organic", "contest"):
        sel = channel == ch
        if sel.any():
            log.add(
                f"organic:{ch}",
                ids[sel],
                dates[sel],
                regs[sel],
                buys[sel],
                channel=ch,
                source=np.array([f"post {i}" for i in ids[sel]], dtype=object),
                platform=plat[sel].astype(object),
            )
    per_post = pd.DataFrame(
        {
            "post_id": ids,
            "channel": pd.array(channel, dtype="str"),
            "platform": pd.array(plat, dtype="str"),
            "impressions": posts["impressions"].to_numpy(dtype=np.int64),
            "clicks": clicks,
            "visits": visits,
            "registrations": regs,
            "purchases": buys,
            "revenue": buys * NICHES[world.niche].order_value,
        }
    )
    return per_post, log.table()


def _div(a: np.ndarray | pd.Series, b: np.ndarray | pd.Series) -> np.ndarray:
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(b > 0, a / np.where(b > 0, b, 1.0), np.nan)


class Attribution:
    """Conversions and costs of a period across channels, for end-to-end analytics.

    Args:
        world: The world.
        plan: A ``PlanResult`` (organic posts; contest posts form the ``contest`` channel).
        ads: An ``AdsResults``.
        deals: A ``DealResults`` (influencers and cross-promotions).
        costs: Extra costs per channel in USD, e.g. ``{"organic": 400, "contest": 150}``
            (content production, prizes); ads and deals bring their own costs.

    Attributes:
        conversions: One row per registration or purchase from every channel.
        channels: One row per channel (``channel_report``).
        sources: One row per source (post, ad set, deal).
    """

    def __init__(
        self,
        world: World,
        plan: PlanResult | None = None,
        ads: AdsResults | None = None,
        deals: DealResults | None = None,
        costs: Mapping[str, float] | None = None,
    ) -> None:
        if plan is None and ads is None and deals is None:
            raise SandboxInputError("plan", "give at least one of plan=..., ads=..., deals=... to attribute.")
        self.world = world
        margin = NICHES[world.niche].margin
        extra = dict(costs or {})
        for ch, amount in extra.items():
            check_choice("costs", ch, CHANNELS)
            if isinstance(amount, bool) or not isinstance(amount, int | float) or amount < 0:
                raise SandboxInputError("costs", f"{ch}: must be an amount of 0 USD or more, got {amount!r}.")
        parts, rows, src_rows = [], [], []
        if plan is not None:
            per_post, conv = organic_funnel(world, plan)
            parts.append(conv)
            for ch in ("organic", "contest"):
                sel = per_post[per_post["channel"] == ch]
                if len(sel):
                    rows.append(_row(ch, 0.0, sel))
                    src_rows.append(
                        pd.DataFrame(
                            {
                                "channel": ch,
                                "source": [f"post {i}" for i in sel["post_id"]],
                                "cost": 0.0,
                                **{c: sel[c].to_numpy() for c in _SUM_COLS},
                            }
                        )
                    )
        if ads is not None:
            conv = ads.conversions
            parts.append(conv)
            t = ads.ad_sets
            r = {c: float(t[c].sum()) for c in ("impressions", "clicks", "visits")}
            rows.append({"channel": "ads", "cost": float(t["spend"].sum()), **r, **_events(conv)})
            for _, a in t.iterrows():
                key = f"{a['campaign']}/{a['ad_set']}"
                rows_ev = _events(conv[conv["source"] == key])
                src_rows.append(
                    pd.DataFrame(
                        [
                            {
                                "channel": "ads",
                                "source": key,
                                "cost": float(a["spend"]),
                                "impressions": a["impressions"],
                                "clicks": a["clicks"],
                                "visits": a["visits"],
                                **rows_ev,
                            }
                        ]
                    )
                )
        if deals is not None:
            parts.append(deals.conversions)
            d = deals.deals
            for ch in ("influencer", "cross_promo"):
                sel = d[d["channel"] == ch]
                if len(sel):
                    rows.append(_row(ch, float(sel["cost"].sum()), sel))
                    src_rows.append(
                        pd.DataFrame(
                            {
                                "channel": ch,
                                "source": sel["deal"].to_numpy(),
                                "cost": sel["cost"].to_numpy(dtype=float),
                                **{c: sel[c].to_numpy() for c in _SUM_COLS},
                            }
                        )
                    )
        conv = (
            pd.concat([p for p in parts if len(p)], ignore_index=True)
            if any(len(p) for p in parts)
            else parts[0]
        )
        self.conversions = conv.sort_values(["date", "channel", "source"], kind="stable").reset_index(
            drop=True
        )
        table = pd.DataFrame(rows)
        for ch, amount in extra.items():
            if ch in set(table["channel"]):
                table.loc[table["channel"] == ch, "cost"] += float(amount)
            else:
                table = pd.concat(
                    [
                        table,
                        pd.DataFrame([{"channel": ch, "cost": float(amount), **dict.fromkeys(_SUM_COLS, 0)}]),
                    ],
                    ignore_index=True,
                )
        self.channels = _finish(table, margin)
        self.sources = _finish(pd.concat(src_rows, ignore_index=True), margin, keep=("channel", "source"))

    def __repr__(self) -> str:
        return (
            "Attribution: see .channels (one row per channel), .sources and .conversions.\n"
            + self.channels.to_string(index=False)
        )


_SUM_COLS = ("impressions", "clicks", "visits", "registrations", "purchases", "revenue")


def _events(conv: pd.DataFrame) -> dict[str, float]:
    return {
        "registrations": int((conv["event"] == "registration").sum()),
        "purchases": int((conv["event"] == "purchase").sum()),
        "revenue": float(conv["revenue"].sum()),
    }


def _row(channel: str, cost: float, table: pd.DataFrame) -> dict[str, float | str]:
    return {"channel": channel, "cost": cost, **{c: float(table[c].sum()) for c in _SUM_COLS}}


def _finish(table: pd.DataFrame, margin: float, keep: tuple[str, ...] = ("channel",)) -> pd.DataFrame:
    df = table.copy()
    for c in ("impressions", "clicks", "visits", "registrations", "purchases"):
        df[c] = df[c].astype(float).round().astype(np.int64)
    df["cost"] = df["cost"].astype(float).round(2)
    df["revenue"] = df["revenue"].astype(float).round(2)
    df["gross_profit"] = (df["revenue"] * margin).round(2)
    df["cpc"] = _div(df["cost"], df["clicks"])
    df["cost_per_registration"] = _div(df["cost"], df["registrations"])
    df["cpa"] = _div(df["cost"], df["purchases"])
    df["roas"] = _div(df["revenue"], df["cost"])
    df["romi"] = _div(df["revenue"] * margin - df["cost"], df["cost"])
    for c in keep:
        df[c] = df[c].astype("str")
    order = list(keep) + [c for c in CHANNEL_COLUMNS_ORDER if c != "channel"]
    if "channel" in keep:
        df["_o"] = [CHANNELS.index(c) for c in df["channel"]]
        df = df.sort_values(["_o", *keep[1:]], kind="stable").drop(columns="_o")
    return df[order].reset_index(drop=True)


def channel_report(
    world: World,
    plan: PlanResult | None = None,
    ads: AdsResults | None = None,
    deals: DealResults | None = None,
    costs: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """Return one row per channel with costs, funnel counts, CPA, ROAS and ROMI.

    The columns are cost, impressions, clicks, visits, registrations, purchases, revenue,
    gross profit, CPC, cost per registration, CPA, ROAS and ROMI (see ``Attribution``).

    Args:
        world: The world.
        plan: A ``PlanResult``.
        ads: An ``AdsResults``.
        deals: A ``DealResults``.
        costs: Extra costs per channel, USD.

    Returns:
        The per-channel table (``sandbox.columns.CHANNEL_COLUMNS``).
    """
    return Attribution(world, plan=plan, ads=ads, deals=deals, costs=costs).channels
