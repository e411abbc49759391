"""Choosing influencers and reading deal results: real engagement, fake followers, price per real reach.

A blogger's profile shows followers, and some of them are fake (bought, or bots). Two
engagement rates tell the story: by **reported followers** (what the profile seems to
achieve) and by **real followers** (what the people who exist actually do). A price is worth
comparing per person the post will really reach: ``price / (real followers x reach rate)``,
where the reach rate is the number of people a typical post on that platform reaches per
real follower, non-followers it is shown to included (``reach_rates``).

The helpers work on ``sandbox.ads.marketplace(world)`` (or ``world.influencers``, for the
columns that need no audience check) and on ``run_deals(...).deals``::

    from sandbox.ads import marketplace
    from sandbox import influencer_analysis as ia

    market = ia.score_influencers(marketplace(world))
    ia.shortlist(market, min_city_share=0.5, min_interested=0.6, max_fake_share=0.2)
    ia.bought_follower_suspects(market)          # ER by followers far below the tier's median
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from . import params as P  # noqa: N812
from .errors import SandboxInputError, check_choice

DEAL_KINDS: tuple[str, ...] = tuple(P.DEAL_TYPES)
"""Deal types the marketplace sells: paid_post, giveaway, takeover, affiliate."""

TIERS: tuple[str, ...] = tuple(P.INFLUENCER_TIERS)
"""Influencer tiers, smallest first."""

DEAL_KIND_NOTES: dict[str, tuple[str, str]] = {
    "paid_post": (
        "one sponsored post or story: reach in the blogger's audience, some link clicks",
        "the simplest deal to compare; ask for the post's reach and clicks afterwards",
    ),
    "giveaway": (
        "a prize draw with 'follow us to win': many new followers and comments, few clicks",
        "prize hunters and their bots follow, then leave; count real follows only",
    ),
    "takeover": (
        "the blogger runs your account (or you theirs) for a day: more reach and follows",
        "the dearest deal; it pays off when the blogger's audience fits yours closely",
    ),
    "affiliate": (
        "no fee: the blogger earns a share of the sales their link brings",
        "the blogger promotes it less (less reach), but you pay only for results",
    ),
}
"""What each deal type buys, and what to watch for."""

_NEEDS_AUDIENCE = ("audience_in_brand_city", "audience_interested")


def reach_rates() -> pd.Series:
    """Return each platform's reach rate: people a typical post reaches per real follower.

    A post reaches a share of the account's followers (``organic_reach``) plus non-followers
    (``discovery`` x that), so the rate is ``organic_reach x (1 + discovery)``; on short-video
    platforms it comes close to 1, on community platforms it is a few percent.

    Returns:
        One value per platform slug, named ``reach_rate``.
    """
    rates = {slug: p.organic_reach * (1 + p.discovery) for slug, p in P.PLATFORMS.items()}
    return pd.Series(rates, name="reach_rate", dtype=np.float64)


def _check_columns(table: pd.DataFrame, columns: Iterable[str], name: str, fix: str) -> None:
    if not isinstance(table, pd.DataFrame):
        raise SandboxInputError(name, f"must be a DataFrame, got {type(table).__name__}. {fix}")
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise SandboxInputError(name, f"has no column(s) {missing}. {fix}")


def _div(a: pd.Series | np.ndarray, b: pd.Series | np.ndarray) -> np.ndarray:
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(b > 0, a / np.where(b > 0, b, 1.0), np.nan)


def score_influencers(market: pd.DataFrame, kind: str = "paid_post") -> pd.DataFrame:
    """Add engagement rates by both denominators, expected real reach and prices per result.

    Args:
        market: ``marketplace(world)`` or ``world.influencers``.
        kind: The deal type to price: ``paid_post``, ``giveaway``, ``takeover`` or ``affiliate``.

    Returns:
        A copy of ``market`` with these columns added:

        - ``er_followers``: avg_engagements / followers (the profile's reported followers);
        - ``er_real_followers``: avg_engagements / real_followers;
        - ``tier_median_er``: the median ``er_followers`` of the influencer's tier;
        - ``er_vs_tier``: ``er_followers / tier_median_er`` (well under 1: suspicious);
        - ``reach_rate``: the platform's reach rate x the deal type's reach multiplier;
        - ``expected_reach``: real_followers x reach_rate, people;
        - ``price``: the deal's price, USD (the price per post x the type's price multiple;
          0 for affiliate deals, which pay a commission on sales instead);
        - ``price_per_real_reach``: price / expected_reach, USD per person reached;
        - ``price_per_1000_reach``: the same per 1,000 people (compare with an ad's cost per
          1,000 people reached, CPM x frequency: close to its CPM when frequency is near 1);
        - ``price_per_engagement``: price / avg_engagements, USD.

    Raises:
        SandboxInputError: If the table lacks the influencer columns or ``kind`` is unknown.
    """
    check_choice("kind", kind, DEAL_KINDS)
    _check_columns(
        market,
        ("influencer_id", "platform", "tier", "followers", "real_followers", "avg_engagements"),
        "market",
        "Pass marketplace(world) or world.influencers.",
    )
    out = market.copy()
    out["er_followers"] = _div(out["avg_engagements"], out["followers"])
    out["er_real_followers"] = _div(out["avg_engagements"], out["real_followers"])
    medians = out.groupby("tier")["er_followers"].transform("median")
    out["tier_median_er"] = medians.astype(np.float64)
    out["er_vs_tier"] = _div(out["er_followers"], out["tier_median_er"])
    spec = P.DEAL_TYPES[kind]
    rates = reach_rates()
    out["reach_rate"] = out["platform"].astype(str).map(rates).astype(np.float64) * spec["reach"]
    out["expected_reach"] = (out["real_followers"] * out["reach_rate"]).round().astype(np.int64)
    price_per_post = out["price_per_post"] if "price_per_post" in out.columns else np.nan
    out["price"] = (price_per_post * spec["price"]).astype(np.float64)
    if kind == "giveaway" and "price_giveaway" in out.columns:
        out["price"] = out["price_giveaway"].astype(np.float64)
    if kind == "takeover" and "price_takeover" in out.columns:
        out["price"] = out["price_takeover"].astype(np.float64)
    out["price_per_real_reach"] = _div(out["price"], out["expected_reach"])
    out["price_per_1000_reach"] = out["price_per_real_reach"] * 1000
    out["price_per_engagement"] = _div(out["price"], out["avg_engagements"])
    return out


def shortlist(
    market: pd.DataFrame,
    *,
    min_city_share: float = 0.0,
    min_interested: float = 0.0,
    max_fake_share: float = 1.0,
    platforms: Iterable[str] | None = None,
    tiers: Iterable[str] | None = None,
    max_price: float | None = None,
    kind: str = "paid_post",
) -> pd.DataFrame:
    """Keep the influencers that pass your rules and rank them by price per real reach.

    Rules: at least ``min_city_share`` of the audience in your brand's city, at least
    ``min_interested`` holding your niche's core interests, a fake-follower share *under*
    ``max_fake_share``, on one of ``platforms``, in one of ``tiers``, and a deal price of at
    most ``max_price``.

    Args:
        market: ``marketplace(world)`` (scored or not).
        min_city_share: Smallest share of the audience in your city (0 to 1).
        min_interested: Smallest share of the audience interested in your niche (0 to 1).
        max_fake_share: Fake-follower share must be below this (0 to 1; 1 keeps everyone).
        platforms: Platform slugs to keep; None: all.
        tiers: Tiers to keep (nano, micro, macro, mega); None: all.
        max_price: Highest deal price in USD; None: no limit.
        kind: The deal type to price (see ``score_influencers``).

    Returns:
        The scored rows that pass, cheapest real reach first (ties: lower influencer_id);
        empty (with the same columns) when nobody passes.

    Raises:
        SandboxInputError: For a threshold outside 0..1, an unknown platform or tier, or a
            table without the marketplace's audience check.
    """
    _check_columns(
        market, _NEEDS_AUDIENCE, "market", "Use sandbox.ads.marketplace(world): it adds the audience check."
    )
    for name, value in (
        ("min_city_share", min_city_share),
        ("min_interested", min_interested),
        ("max_fake_share", max_fake_share),
    ):
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
            raise SandboxInputError(name, f"must be a share from 0 to 1 (0.2 means 20%), got {value!r}.")
    if max_price is not None and (
        isinstance(max_price, bool) or not isinstance(max_price, int | float) or max_price < 0
    ):
        raise SandboxInputError(
            "max_price", f"must be an amount of 0 USD or more, or None; got {max_price!r}."
        )
    scored = score_influencers(market, kind)
    keep = (
        (scored["audience_in_brand_city"] >= min_city_share)
        & (scored["audience_interested"] >= min_interested)
        & (scored["fake_follower_share"] < max_fake_share)
    )
    if platforms is not None:
        chosen = [check_choice("platforms", p, P.PLATFORMS) for p in platforms]
        keep &= scored["platform"].isin(chosen)
    if tiers is not None:
        chosen = [check_choice("tiers", t, TIERS) for t in tiers]
        keep &= scored["tier"].isin(chosen)
    if max_price is not None:
        keep &= scored["price"] <= max_price
    out = scored[keep]
    return out.sort_values(["price_per_real_reach", "influencer_id"], kind="stable").reset_index(drop=True)


def bought_follower_suspects(market: pd.DataFrame, ratio: float = 0.6) -> pd.DataFrame:
    """Flag influencers whose engagement rate by followers is far below their tier's median.

    Without an audit tool you cannot see fake followers, but you can see their effect: fake
    followers never engage, so a profile padded with them shows an engagement rate (by
    reported followers) well below other bloggers of the same size.

    Args:
        market: ``marketplace(world)`` or ``world.influencers`` (scored or not).
        ratio: Flag when ``er_followers`` is below ``ratio`` x the tier's median.

    Returns:
        The flagged rows (``influencer_id``, ``handle``, ``tier``, ``followers``,
        ``er_followers``, ``tier_median_er``, ``er_vs_tier``, ``fake_follower_share``),
        most suspicious first.

    Raises:
        SandboxInputError: If ``ratio`` is not between 0 and 1.
    """
    if isinstance(ratio, bool) or not isinstance(ratio, int | float) or not 0 < ratio <= 1:
        raise SandboxInputError("ratio", f"must be a number above 0 and at most 1, got {ratio!r}.")
    scored = market if "er_vs_tier" in market.columns else score_influencers(market)
    cols = [
        "influencer_id",
        "handle",
        "tier",
        "followers",
        "er_followers",
        "tier_median_er",
        "er_vs_tier",
        "fake_follower_share",
    ]
    out = scored.loc[scored["er_vs_tier"] < ratio, [c for c in cols if c in scored.columns]]
    return out.sort_values(["er_vs_tier", "influencer_id"], kind="stable").reset_index(drop=True)


def detection_check(market: pd.DataFrame, ratio: float = 0.6, bought_above: float = 0.3) -> pd.DataFrame:
    """Compare the engagement-rate flag with the truth the sandbox knows (glass box).

    Args:
        market: ``marketplace(world)`` or ``world.influencers``.
        ratio: The flag's threshold (see ``bought_follower_suspects``).
        bought_above: Call an influencer's followers "bought" above this fake share.

    Returns:
        A 2 x 2 count table: rows "flagged" / "not flagged", columns "bought followers" /
        "mostly real".
    """
    scored = market if "er_vs_tier" in market.columns else score_influencers(market)
    flagged = np.where(scored["er_vs_tier"] < ratio, "flagged", "not flagged")
    truth = np.where(scored["fake_follower_share"] > bought_above, "bought followers", "mostly real")
    table = pd.crosstab(pd.Series(flagged, name="ER flag"), pd.Series(truth, name="truth"))
    return table.reindex(
        index=["flagged", "not flagged"], columns=["bought followers", "mostly real"], fill_value=0
    )


def deal_kinds() -> pd.DataFrame:
    """Return the deal types side by side: price and effects relative to a paid post, and what each buys.

    Returns:
        One row per deal type (``paid_post``, ``giveaway``, ``takeover``, ``affiliate``).
    """
    rows = []
    for kind, spec in P.DEAL_TYPES.items():
        buys, watch = DEAL_KIND_NOTES[kind]
        rows.append(
            {
                "kind": kind,
                "price_x": spec["price"],
                "reach_x": spec["reach"],
                "clicks_x": spec["clicks"],
                "follows_x": spec["follows"],
                "what it buys": buys,
                "watch out for": watch,
            }
        )
    out = pd.DataFrame(rows).set_index("kind")
    for c in ("what it buys", "watch out for"):
        out[c] = out[c].astype("str")
    return out


def deal_summary(deals: pd.DataFrame, by: str | None = None, margin: float | None = None) -> pd.DataFrame:
    """Return each deal's results (or each group's totals) and the cost per result.

    Args:
        deals: ``run_deals(world, [...]).deals``.
        by: A column to total the deals by first (``"partner"``: one row per blogger or
            community, over all their deals; ``"kind"``: one row per deal type), or None for
            one row per deal.
        margin: Gross margin share of your niche (``NICHES[world.niche].margin``), to compute
            ROMI of grouped rows; one row per deal keeps the deal's own ROMI.

    Returns:
        One row per deal (or group): ``deal`` and ``kind`` (per deal) or the ``by`` column and
        ``deals`` (the number of deals), then ``partner``, ``platform``, ``cost``, ``reach``,
        ``engagements``, ``follows``, ``bot_follows``, ``real_follows``, ``bot_share`` (of the
        follows), ``clicks``, ``registrations``, ``purchases``, ``revenue``, and the costs per
        result: ``cost_per_1000_reach``, ``cost_per_real_follow``, ``cost_per_click``,
        ``cost_per_registration``, ``cpa`` (per purchase), and ``romi`` = (revenue x margin -
        cost) / cost. A cost per result is NaN when there was no such result.

    Raises:
        SandboxInputError: If the table is not a deals table or ``by`` is not one of its columns.
    """
    _check_columns(
        deals,
        ("deal", "kind", "cost", "reach", "follows", "bot_follows", "clicks", "registrations", "purchases"),
        "deals",
        "Pass run_deals(world, [...]).deals.",
    )
    sums = ["cost", "reach", "engagements", "follows", "bot_follows", "clicks", "registrations", "purchases"]
    sums += ["revenue"]
    sums = [c for c in sums if c in deals.columns]
    if by is None:
        keep = ["deal", "kind", "partner", "platform", *sums]
        out = deals[[c for c in keep if c in deals.columns]].copy()
    else:
        check_choice("by", by, [c for c in ("partner", "kind", "platform", "channel") if c in deals.columns])
        grouped = deals.groupby(by, sort=False)
        out = grouped[sums].sum()
        out.insert(0, "deals", grouped.size())
        for c in ("partner", "platform"):
            if c in deals.columns and c != by:
                out.insert(
                    1, c, grouped[c].agg(lambda v: ", ".join(dict.fromkeys(map(str, v)))).astype("str")
                )
        out = out.reset_index()
    out.insert(out.columns.get_loc("bot_follows") + 1, "real_follows", out["follows"] - out["bot_follows"])
    out.insert(out.columns.get_loc("real_follows") + 1, "bot_share", _div(out["bot_follows"], out["follows"]))
    cost = out["cost"]
    out["cost_per_1000_reach"] = _div(cost * 1000, out["reach"])
    out["cost_per_real_follow"] = _div(cost, out["real_follows"])
    out["cost_per_click"] = _div(cost, out["clicks"])
    out["cost_per_registration"] = _div(cost, out["registrations"])
    out["cpa"] = _div(cost, out["purchases"])
    if by is None and "romi" in deals.columns:
        out["romi"] = deals["romi"].to_numpy(dtype=np.float64)
    elif margin is not None and "revenue" in out.columns:
        out["romi"] = _div(out["revenue"] * margin - cost, cost)
    return out.reset_index(drop=True)


def expected_vs_actual(scored: pd.DataFrame, deals: pd.DataFrame) -> pd.DataFrame:
    """Compare each influencer deal's real reach with the reach you expected when choosing.

    Args:
        scored: ``score_influencers(marketplace(world))`` (paid-post pricing).
        deals: ``run_deals(...).deals``.

    Returns:
        One row per influencer deal: ``deal``, ``kind``, ``partner``, ``expected_reach`` (for
        that deal type), ``reach``, ``reach_vs_expected``. Cross-promotions are left out.
    """
    rows = []
    inf = deals[deals["channel"] == "influencer"] if "channel" in deals.columns else deals
    for _, d in inf.iterrows():
        kind = str(d["kind"])
        row = scored.loc[scored["influencer_id"] == int(d["partner_id"])]
        if row.empty:
            continue
        base = float(row["real_followers"].iloc[0]) * float(reach_rates()[str(row["platform"].iloc[0])])
        expected = base * P.DEAL_TYPES[kind]["reach"]
        rows.append(
            {
                "deal": d["deal"],
                "kind": kind,
                "partner": d["partner"],
                "expected_reach": int(round(expected)),
                "reach": int(d["reach"]),
                "reach_vs_expected": float(d["reach"]) / expected if expected > 0 else np.nan,
            }
        )
    out = pd.DataFrame(
        rows, columns=["deal", "kind", "partner", "expected_reach", "reach", "reach_vs_expected"]
    )
    for c in ("deal", "kind", "partner"):
        out[c] = out[c].astype("str")
    return out
