"""The results of running ads: tidy tables per day, ad set, ad, platform, hour and frequency.

Every column is described in ``sandbox.columns`` (``ADS_*_COLUMNS``). Rates are computed
from the sums (CTR = clicks / impressions, CPM = spend / impressions x 1000, CPC = spend /
clicks, CPA = spend / purchases, ROAS = revenue / spend, ROMI = (revenue x margin - spend) /
spend) and are NaN where the denominator is zero.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ..taxonomy import NICHES
from .creative import quality_label

if TYPE_CHECKING:
    from ..explain import Explanation
    from .campaigns import AdsManager
    from .delivery import _SetState

_RESULT_COLUMN = {"reach": "reach", "traffic": "clicks", "leads": "registrations", "sales": "purchases"}


def _div(a: pd.Series | np.ndarray | float, b: pd.Series | np.ndarray | float) -> np.ndarray:
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(b > 0, a / np.where(b > 0, b, 1.0), np.nan)


def add_rates(df: pd.DataFrame, margin: float | None = None) -> pd.DataFrame:
    """Add CTR, CPC, CPM (and, given a margin, CPA, ROAS, ROMI) from the sums of a table.

    Args:
        df: A table with ``spend``, ``impressions``, ``clicks`` (and ``purchases``,
            ``revenue``) columns.
        margin: Gross margin share for ROMI, or None to skip CPA, ROAS and ROMI.

    Returns:
        The same table with the rate columns added (in place and returned).
    """
    df["ctr"] = _div(df["clicks"], df["impressions"])
    df["cpc"] = _div(df["spend"], df["clicks"])
    df["cpm"] = _div(df["spend"] * 1000, df["impressions"])
    if margin is not None:
        df["cvr"] = _div(df["registrations"], df["clicks"])
        df["cpa"] = _div(df["spend"], df["purchases"])
        df["roas"] = _div(df["revenue"], df["spend"])
        df["romi"] = _div(df["revenue"] * margin - df["spend"], df["spend"])
    return df


class AdsResults:
    """What happened when the campaigns ran.

    Attributes:
        daily: One row per ad set and day.
        ad_sets: One row per ad set: totals and rates.
        ads: One row per ad: totals and rates.
        ads_daily: One row per ad and day.
        platforms: One row per ad set and platform.
        hourly: One row per ad set, day and hour: impressions and spend.
        frequency: One row per ad set and frequency band: impressions, clicks, CTR.
        conversions: One row per registration or purchase, attributed to its ad.
        opportunities: Ad auctions the audiences offered over the run (real users).
        cell_days: Person-platform cells simulated, summed over days.
    """

    def __init__(
        self,
        manager: AdsManager,
        states: list[_SetState],
        conversions: pd.DataFrame,
        first: pd.Timestamp,
        n_days: int,
        opportunities: float,
        cell_days: int,
    ) -> None:
        self._manager = manager
        self._states = {st.ad_set.name: st for st in states}
        self.conversions = conversions
        self.first = first
        self.n_days = n_days
        self.opportunities = opportunities
        self.cell_days = cell_days
        niche = NICHES[manager.world.niche]
        self._margin = niche.margin
        self.daily = self._daily(states)
        self.ad_sets = self._ad_sets(states)
        self.ads_daily, self.ads = self._ads(states)
        self.platforms = self._platforms(states)
        self.hourly = self._hourly(states)
        self.frequency = self._frequency(states)

    # --- tables ------------------------------------------------------------------------
    def _daily(self, states: list[_SetState]) -> pd.DataFrame:
        rows = []
        for st in states:
            s = st.ad_set
            for r in st.days:
                rows.append(
                    {
                        "date": r["date"],
                        "campaign": s.campaign.name,
                        "ad_set": s.name,
                        "objective": s.objective,
                        "budget_type": s.budget_type,
                        "budget": r["budget"],
                        "spend": r["spend"],
                        "impressions": r["impressions"],
                        "reach": r["reach"],
                        "clicks": r["clicks"],
                        "visits": r["visits"],
                        "registrations": r["registrations"],
                        "purchases": r["purchases"],
                        "revenue": r["revenue"],
                        "results": r["events"] if s.objective != "reach" else r["reach"],
                        "auctions": r["auctions"],
                        "auctions_entered": r["auctions_entered"],
                        "auctions_won": r["auctions_won"],
                        "bid": r["bid"],
                        "market_cpm": r["market_cpm"],
                        "learning": r["learning"],
                        "quality_ranking": quality_label(r["quality"]),
                        "budget_cap_hour": r["cap_hit_hour"],
                        "frequency_to_date": r["frequency_avg"],
                    }
                )
        df = (
            pd.DataFrame(rows, columns=list(_DAILY_ORDER))
            if rows
            else pd.DataFrame(columns=list(_DAILY_ORDER))
        )
        df["date"] = pd.to_datetime(df["date"])
        for c in ("campaign", "ad_set", "objective", "budget_type", "learning", "quality_ranking"):
            df[c] = df[c].astype("str")
        for c in ("impressions", "clicks", "visits", "registrations", "purchases", "auctions_won"):
            df[c] = df[c].astype(np.int64)
        df["budget_cap_hour"] = df["budget_cap_hour"].astype("Int64")
        df["reach"] = df["reach"].round().astype(np.int64)
        df["results"] = df["results"].round().astype(np.int64)
        for c in ("auctions", "auctions_entered"):
            df[c] = df[c].round().astype(np.int64)
        df["spend"] = df["spend"].round(2)
        df["frequency"] = _div(df["impressions"], df["reach"])
        df["win_rate"] = _div(df["auctions_won"], df["auctions_entered"])
        add_rates(df)
        df["cost_per_result"] = _div(df["spend"], df["results"])
        return df.sort_values(["date", "campaign", "ad_set"], kind="stable").reset_index(drop=True)

    def _ad_sets(self, states: list[_SetState]) -> pd.DataFrame:
        rows = []
        for st in states:
            s = st.ad_set
            d = pd.DataFrame(st.days)
            total = {c: float(d[c].sum()) if len(d) else 0.0 for c in _SUMS}
            end = st.learning.ended_day
            rows.append(
                {
                    "campaign": s.campaign.name,
                    "ad_set": s.name,
                    "objective": s.objective,
                    "budget_type": s.budget_type,
                    "budget": s.daily_budget if s.daily_budget is not None else s.lifetime_budget,
                    "bid_strategy": s.bid_strategy,
                    "audience_size": st.audience_size,
                    "days": len(st.days),
                    **total,
                    "reach": int(round(st.cum_reach)),
                    "learning_ended": (self.first + pd.Timedelta(days=end)) if end is not None else pd.NaT,
                    "learning_restarts": len(st.learning.restarts),
                    "status": st.days[-1]["learning"] if st.days else "not delivered",
                    "quality_ranking": quality_label(st.quality),
                }
            )
        df = pd.DataFrame(rows)
        for c in (
            "campaign",
            "ad_set",
            "objective",
            "budget_type",
            "bid_strategy",
            "status",
            "quality_ranking",
        ):
            df[c] = df[c].astype("str")
        for c in ("impressions", "clicks", "visits", "registrations", "purchases"):
            df[c] = df[c].round().astype(np.int64)
        df["spend"] = df["spend"].round(2)
        df["learning_ended"] = pd.to_datetime(df["learning_ended"])
        df["frequency"] = _div(df["impressions"], df["reach"])
        df["results"] = [
            int(r["reach"]) if r["objective"] == "reach" else int(r[_RESULT_COLUMN[r["objective"]]])
            for _, r in df.iterrows()
        ]
        df["cost_per_result"] = _div(df["spend"], df["results"])
        add_rates(df, self._margin)
        return df[list(_AD_SET_ORDER)]

    def _ads(self, states: list[_SetState]) -> tuple[pd.DataFrame, pd.DataFrame]:
        parts = []
        for st in states:
            s = st.ad_set
            if not st.ads_days:
                continue
            d = pd.DataFrame(st.ads_days)
            d.insert(1, "campaign", s.campaign.name)
            d.insert(2, "ad_set", s.name)
            parts.append(d)
        daily = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=list(_ADS_DAILY_ORDER))
        for c in ("campaign", "ad_set", "ad"):
            daily[c] = daily[c].astype("str")
        daily["spend"] = daily["spend"].astype(float).round(2)
        add_rates(daily)
        conv = self.conversions
        conv = conv[conv["channel"] == "ads"]
        counts = conv.pivot_table(
            index=["campaign", "ad_set", "ad"],
            columns="event",
            values="person_id",
            aggfunc="size",
            fill_value=0,
        )
        revenue = conv.groupby(["campaign", "ad_set", "ad"])["revenue"].sum()
        tot = daily.groupby(["campaign", "ad_set", "ad"], sort=False)[
            ["impressions", "clicks", "spend"]
        ].sum()
        for ev, col in (("registration", "registrations"), ("purchase", "purchases")):
            tot[col] = counts[ev].reindex(tot.index, fill_value=0) if ev in counts else 0
        tot["revenue"] = revenue.reindex(tot.index, fill_value=0.0)
        tot = tot.reset_index()
        creatives = {(st.ad_set.name, a.name): a.creative for st in states for a in st.ad_set.ads}
        tot.insert(
            3, "format", [creatives[(s, a)].format for s, a in zip(tot["ad_set"], tot["ad"], strict=True)]
        )
        tot.insert(4, "cta", [creatives[(s, a)].cta for s, a in zip(tot["ad_set"], tot["ad"], strict=True)])
        for c in ("campaign", "ad_set", "ad", "format", "cta"):
            tot[c] = tot[c].astype("str")
        for c in ("registrations", "purchases"):
            tot[c] = tot[c].astype(np.int64)
        tot["spend"] = tot["spend"].round(2)
        add_rates(tot)
        tot["cpa"] = _div(tot["spend"], tot["purchases"])
        tot["roas"] = _div(tot["revenue"], tot["spend"])
        return daily[list(_ADS_DAILY_ORDER)], tot

    def _platforms(self, states: list[_SetState]) -> pd.DataFrame:
        from .delivery import PLATFORM_SLUGS

        rows = []
        for st in states:
            for k, slug in enumerate(PLATFORM_SLUGS):
                if slug not in st.ad_set.targeting.platforms:
                    continue
                r = st.platform_rows[k]
                rows.append(
                    {
                        "campaign": st.ad_set.campaign.name,
                        "ad_set": st.ad_set.name,
                        "platform": slug,
                        "spend": round(float(r[5]), 2),
                        "impressions": int(r[0]),
                        "clicks": int(r[1]),
                        "visits": int(r[2]),
                        "registrations": int(r[3]),
                        "purchases": int(r[4]),
                    }
                )
        df = pd.DataFrame(rows)
        for c in ("campaign", "ad_set", "platform"):
            df[c] = df[c].astype("str")
        return add_rates(df)

    def _hourly(self, states: list[_SetState]) -> pd.DataFrame:
        parts = []
        for st in states:
            for date, imps, spend in st.hourly:
                parts.append(
                    pd.DataFrame(
                        {
                            "date": date,
                            "hour": np.arange(24, dtype=np.int64),
                            "campaign": st.ad_set.campaign.name,
                            "ad_set": st.ad_set.name,
                            "impressions": np.round(imps, 1),
                            "spend": np.round(spend, 2),
                        }
                    )
                )
        df = pd.concat(parts, ignore_index=True)
        for c in ("campaign", "ad_set"):
            df[c] = df[c].astype("str")
        return df

    def _frequency(self, states: list[_SetState]) -> pd.DataFrame:
        from .delivery import FREQ_LABELS

        parts = []
        for st in states:
            parts.append(
                pd.DataFrame(
                    {
                        "campaign": st.ad_set.campaign.name,
                        "ad_set": st.ad_set.name,
                        "frequency_band": list(FREQ_LABELS),
                        "impressions": st.freq_imps.round().astype(np.int64),
                        "clicks": st.freq_clicks.round().astype(np.int64),
                    }
                )
            )
        df = pd.concat(parts, ignore_index=True)
        for c in ("campaign", "ad_set", "frequency_band"):
            df[c] = df[c].astype("str")
        df["ctr"] = _div(df["clicks"], df["impressions"])
        return df

    # --- learner tools --------------------------------------------------------------------
    def explain(self, ad_set: str) -> Explanation:
        """Explain why an ad set spent and delivered what it did.

        Args:
            ad_set: The ad set's name.

        Returns:
            An ``Explanation`` (prints as text; ``.factors`` is a per-day table).
        """
        from ..errors import check_choice
        from .explain_ads import explain_ad_set

        check_choice("ad_set", ad_set, list(self._states))
        return explain_ad_set(self, self._states[ad_set])

    def by_channel(self) -> pd.DataFrame:
        """Return the paid channel's totals in the shape of ``attribution.channel_report``.

        Returns:
            One row (channel ``ads``).
        """
        from .attribution import channel_report

        return channel_report(self._manager.world, ads=self)

    def __repr__(self) -> str:
        t = self.ad_sets
        return (
            f"AdsResults: {len(t)} ad set(s) over {self.n_days} day(s), spend ${t['spend'].sum():,.2f}, "
            f"impressions {int(t['impressions'].sum()):,}, clicks {int(t['clicks'].sum()):,}, "
            f"registrations {int(t['registrations'].sum()):,}, purchases {int(t['purchases'].sum()):,}. "
            "See .daily, .ad_sets, .ads, .platforms, .hourly, .frequency, .conversions, .explain(name)."
        )


_SUMS = ("spend", "impressions", "clicks", "visits", "registrations", "purchases", "revenue", "credit")
_DAILY_ORDER = (
    "date",
    "campaign",
    "ad_set",
    "objective",
    "budget_type",
    "budget",
    "spend",
    "impressions",
    "reach",
    "clicks",
    "visits",
    "registrations",
    "purchases",
    "revenue",
    "results",
    "auctions",
    "auctions_entered",
    "auctions_won",
    "bid",
    "market_cpm",
    "learning",
    "quality_ranking",
    "budget_cap_hour",
    "frequency_to_date",
)
_AD_SET_ORDER = (
    "campaign",
    "ad_set",
    "objective",
    "budget_type",
    "budget",
    "bid_strategy",
    "audience_size",
    "days",
    "spend",
    "impressions",
    "reach",
    "frequency",
    "clicks",
    "ctr",
    "cpc",
    "cpm",
    "visits",
    "registrations",
    "cvr",
    "purchases",
    "revenue",
    "results",
    "cost_per_result",
    "cpa",
    "roas",
    "romi",
    "learning_ended",
    "learning_restarts",
    "status",
    "quality_ranking",
)
_ADS_DAILY_ORDER = (
    "date",
    "campaign",
    "ad_set",
    "ad",
    "impressions",
    "clicks",
    "spend",
    "share",
    "ctr",
    "cpc",
    "cpm",
)
