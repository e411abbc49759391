"""Glass box for ads: why an ad set spent and delivered what it did, in words and numbers."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .. import params as P  # noqa: N812
from ..explain import Explanation
from .creative import quality_label

if TYPE_CHECKING:
    from .delivery import _SetState
    from .results import AdsResults

_UNIT = {
    "reach": "per 1000 impressions",
    "traffic": "per link click",
    "leads": "per registration",
    "sales": "per purchase",
}
_EVENT = {"traffic": "link clicks", "leads": "registrations", "sales": "purchases"}


def _n(x: float) -> str:
    if x >= 1e6:
        return f"{x / 1e6:.1f}M"
    if x >= 1e4:
        return f"{x / 1e3:.0f}k"
    return f"{x:,.0f}"


def _num(x: float) -> str:
    return f"{x:.2f}" if np.isfinite(x) else "n/a"


def _usd(x: float) -> str:
    return f"${x:,.2f}" if np.isfinite(x) else "n/a"


def _pct(x: float) -> str:
    if not np.isfinite(x):
        return "n/a"
    return f"{100 * x:.2f}%" if x < 0.1 else f"{100 * x:.0f}%"


def explain_ad_set(results: AdsResults, st: _SetState) -> Explanation:
    """Explain one ad set's delivery: auctions, price, pacing, frequency, learning, quality.

    Args:
        results: The run's results.
        st: The ad set's simulation state.

    Returns:
        The explanation; ``factors`` has one row per day with the numbers behind it.
    """
    s = st.ad_set
    row = results.ad_sets.set_index("ad_set").loc[s.name]
    days = pd.DataFrame(st.days)
    first = results.first
    budget = (
        f"daily budget ${s.daily_budget:,.2f}"
        if s.daily_budget is not None
        else f"lifetime budget ${s.lifetime_budget:,.2f}"
    )
    bid = (
        "automatic lowest-cost bidding"
        if s.bid_cap is None
        else f"bid cap ${s.bid_cap:,.2f} {_UNIT[s.objective]}"
    )
    lines = [
        f"Ad set {s.name!r} (campaign {s.campaign.name!r}, objective {s.objective}, {budget}, {bid}); "
        f"{len(days)} day(s) from {days['date'].min():%Y-%m-%d} to {days['date'].max():%Y-%m-%d}.",
        f"Audience: about {st.audience_size:,} people ({s.targeting.describe()}).",
        "",
    ]
    if s.hours:
        lines.insert(2, f"Hour schedule: ads shown only at {', '.join(f'{h:02d}' for h in s.hours)} h.")

    # --- auctions
    auctions = float(days["auctions"].sum())
    shared = float(days["auctions_shared"].sum())
    entered = float(days["auctions_entered"].sum())
    won = float(days["auctions_won"].sum())
    lines.append(
        f"Auctions: the audience offered {_n(auctions)} ad auctions; {_n(shared)} "
        f"({_pct(shared / auctions if auctions else 0)}) "
        f"went to your other ad sets that target the same people; it entered {_n(entered)} and won {_n(won)} "
        f"({_pct(won / entered if entered else 0)}), losing {_n(max(entered - won, 0))} to higher total "
        "values "
        "(bid x estimated action rate + ad quality)."
    )
    imps = float(row["impressions"])
    spend = float(row["spend"])
    cpm = spend / imps * 1000 if imps else float("nan")
    market = float(np.average(days["market_cpm"], weights=np.maximum(days["auctions"], 1e-9)))
    won_value = float(np.average(days["avg_value_cpm"], weights=np.maximum(days["auctions_won"], 1e-9)))
    limited_by_cap = s.bid_cap is not None and bool((days["bid"] < days["bid_needed"] - 1e-12).any())
    cannot = int((~days["can_spend"]).sum())
    if imps:
        lines.append(
            f"Price: it paid ${cpm:,.2f} per 1000 impressions (CPM) where the market's median for this "
            f"audience was ${market:,.2f}; its total value on the auctions it won averaged "
            f"${won_value:,.2f} per 1000. The winner pays what it needs to beat the runner-up, less its "
            "quality bonus."
        )
    bids = days.loc[days["auctions_won"] > 0, "bid"]
    if len(bids):
        lines.append(
            f"Bid: the pacer bid ${bids.median():,.3f} {_UNIT[s.objective]} on a typical day "
            f"(from ${bids.min():,.3f} to ${bids.max():,.3f})"
            + (
                f"; your bid cap ${s.bid_cap:,.2f} held it below what the budget needed on "
                f"{int((days['bid'] < days['bid_needed'] - 1e-12).sum())} day(s), so it spent less."
                if limited_by_cap
                else "; a low bid wins only the cheapest auctions, a higher one pays more for the extra ones."
            )
        )
    elif s.bid_cap is not None:
        lines.append(
            f"It won no auction: with the bid cap ${s.bid_cap:,.2f} {_UNIT[s.objective]}, its total value "
            f"(bid x estimated action rate + quality) stayed under the floor price of this market "
            f"(about {P.RESERVE_PRICE:.0%} of the ${market:,.2f} median per 1000 impressions). Raise the "
            f"bid cap to at least ${float(days['bid_needed'].median()):,.2f} or use lowest-cost bidding."
        )
    else:
        lines.append("It won no auction: nothing was worth showing at any bid automatic bidding would use.")
    if cannot:
        lines.append(
            f"On {cannot} day(s) even the highest bid automatic bidding uses could not spend the target: the "
            "audience is too small (or too tired) for the budget. Widen it or lower the budget."
        )

    # --- pacing
    lines.append("")
    if s.daily_budget is not None:
        caps = 1.0 + P.DAILY_OVERSPEND
        weeks = days.groupby(days["date"].dt.isocalendar().week)["spend"].sum()
        lines.append(
            f"Pacing: days spent ${days['spend'].min():,.2f} to ${days['spend'].max():,.2f} against the "
            "daily budget "
            f"(a day may spend up to {caps:.0%} of it: ${caps * days['budget'].max():,.2f}; a calendar week "
            "at most "
            f"7 x the daily budget). Weeks spent: " + ", ".join(f"${v:,.2f}" for v in weeks) + "."
        )
    else:
        lines.append(
            f"Pacing: the lifetime budget ${s.lifetime_budget:,.2f} was spread over the flight by each day's "
            f"opportunities; days spent "
            + ", ".join(f"${v:,.2f}" for v in days["spend"])
            + f" (total ${spend:,.2f})."
        )
    hits = days[days["cap_hit_hour"].notna()]
    if len(hits):
        examples = ", ".join(
            f"{r.date:%Y-%m-%d} at {int(r.cap_hit_hour):02d}:00" for r in hits.head(3).itertuples()
        )
        lines.append(
            f"The day's cap was reached on {len(hits)} day(s) ({examples}); delivery stopped for the rest "
            "of the day. "
            f"Overdelivery not charged: ${days['credit'].sum():,.2f}."
        )
    under = days[(days["spend"] < 0.8 * days["target"]) & (days["target"] > 0)]
    if len(under):
        lines.append(f"It spent under 80% of the day's target on {len(under)} day(s).")

    # --- frequency and fatigue
    freq = results.frequency[results.frequency["ad_set"] == s.name].set_index("frequency_band")
    lines.append("")
    lines.append(
        f"Frequency: {int(imps):,} impressions reached {int(row['reach']):,} people (frequency "
        f"{_num(row['frequency'])}). Fatigue starts near {P.FATIGUE_ONSET_COLD:g} views for cold people and "
        f"{P.FATIGUE_ONSET_WARM:g} for warm ones."
    )
    shown = freq[freq["impressions"] >= 200]
    if len(shown) >= 2:
        lines.append(
            "  CTR by views already seen: "
            + ", ".join(f"{b}: {_pct(r.ctr)} ({int(r.impressions):,} imp.)" for b, r in shown.iterrows())
            + "."
        )
    fat = days["fatigue"].dropna()
    if len(fat):
        lines.append(
            f"  Fatigue kept {_pct(float(fat.iloc[0]))} of the fresh CTR on the first day and "
            f"{_pct(float(fat.iloc[-1]))} on the last."
        )

    # --- learning and quality
    lines.append("")
    if not st.learning.enabled:
        lines.append("Learning phase: none for the reach objective (impressions are known at once).")
    else:
        ev = _EVENT[s.objective]
        for day, reason in st.learning.restarts:
            lines.append(f"Learning restarted on {first + pd.Timedelta(days=day):%Y-%m-%d}: {reason}.")
        if st.learning.ended_day is not None:
            start = st.learning.started_day
            lines.append(
                f"Learning phase: ended on {first + pd.Timedelta(days=st.learning.ended_day):%Y-%m-%d} after "
                f"{P.LEARNING_EVENTS} {ev} ({st.learning.ended_day - start + 1} day(s) after it started)."
            )
        else:
            lines.append(
                f"Learning phase: still {days['learning'].iloc[-1]}: {st.learning.events} {ev} since it "
                "started, "
                f"{P.LEARNING_EVENTS} are needed (within {P.LEARNING_DAYS} days). While learning, delivery "
                "cannot yet tell who will act and bids almost the same for everyone."
            )
    hides = int(days["hides"].sum())
    lines.append(
        f"Ad quality: {quality_label(st.quality)} (score {st.quality:+.2f}); negative feedback {hides:,} "
        "hides "
        f"({_pct(hides / imps if imps else 0)} of impressions). Quality adds to total value and lowers the "
        "price."
    )
    lines += [
        "",
        f"Results: {int(row['clicks']):,} link clicks (CTR {_pct(row['ctr'])}, CPC "
        f"{_usd(row['cpc'])}), {int(row['visits']):,} site visits, {int(row['registrations']):,} "
        "registrations, "
        f"{int(row['purchases']):,} purchases (${row['revenue']:,.2f} revenue; ROAS {_num(row['roas'])}).",
    ]
    factors = days[
        [
            "date",
            "budget",
            "target",
            "cap",
            "spend",
            "credit",
            "auctions",
            "auctions_shared",
            "auctions_entered",
            "auctions_won",
            "participation",
            "bid",
            "bid_needed",
            "market_cpm",
            "avg_value_cpm",
            "cap_hit_hour",
            "learning",
            "events",
            "quality",
            "fatigue",
            "frequency_avg",
        ]
    ].copy()
    factors["learning"] = factors["learning"].astype("str")
    factors["cap_hit_hour"] = factors["cap_hit_hour"].astype("Int64")
    return Explanation(row, factors, "\n".join(lines))
