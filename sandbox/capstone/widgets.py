"""Interactive budget split for the capstone: sliders -> projected spend by channel and a rule check.

``BudgetPlanner(brief).widget`` shows three sliders (the share of the budget for ads, the
most you would pay an influencer, the share for contest prizes) and the number of contest
posts. It redraws what each channel would spend, what is left, and whether the split keeps
the brief's money rules: the budget is not exceeded, the influencer money buys a deal, each
contest has a prize. Controls are plain ipywidgets, so a test can set
``tool.controls["ads"].value`` and read ``tool.table.value``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import ipywidgets as w
import pandas as pd

from ..ads.influencer_deals import Deal, marketplace
from .ghosts import pick_influencer

if TYPE_CHECKING:
    from .brief import Brief


class BudgetPlanner:
    """Split a brief's budget between ads, one influencer and contest prizes.

    Args:
        brief: The brief (its budget, days and world's marketplace).

    Attributes:
        controls: ``ads`` (% of the budget for ads), ``influencer`` (% at most for the
            influencer), ``prizes`` (% for contest prizes), ``contests`` (contest posts).
        table: HTML: planned spend by channel, with shares and what is left.
        checks_html: HTML: the money rules, met or broken.
        widget: The whole tool, to display.
    """

    def __init__(self, brief: Brief) -> None:
        self.brief = brief
        self.market = marketplace(brief.world)
        self.controls: dict[str, w.ValueWidget] = {
            "ads": w.IntSlider(
                value=70, min=0, max=100, step=5, description="ads %", continuous_update=False
            ),
            "influencer": w.IntSlider(
                value=15, min=0, max=60, step=1, description="influencer %", continuous_update=False
            ),
            "prizes": w.IntSlider(
                value=5, min=0, max=30, step=1, description="prizes %", continuous_update=False
            ),
            "contests": w.IntSlider(value=2, min=0, max=8, description="contests", continuous_update=False),
        }
        self.table = w.HTML()
        self.checks_html = w.HTML()
        for c in self.controls.values():
            c.observe(lambda _change: self.refresh(), names="value")
        self.widget = w.VBox(
            [
                w.HBox([self.controls["ads"], self.controls["influencer"]]),
                w.HBox([self.controls["prizes"], self.controls["contests"]]),
                w.HBox([self.table, self.checks_html]),
            ]
        )
        self.refresh()

    def influencer_pick(self) -> tuple[int | None, float]:
        """Return the influencer the influencer money buys (most interested real fans) and the price.

        Returns:
            ``(influencer_id, price of a paid post)``, or ``(None, 0.0)`` when the money buys none.
        """
        cap = self.controls["influencer"].value / 100 * self.brief.budget
        if cap < float(self.market["price_per_post"].min()):
            return None, 0.0
        iid = pick_influencer(self.brief.world, cap)
        price = float(self.market.loc[self.market["influencer_id"] == iid, "price_per_post"].iloc[0])
        return iid, price

    def split(self) -> pd.DataFrame:
        """Return the planned spend by channel for the current sliders.

        Returns:
            One row per channel (``ads``, ``influencer``, ``contest``, then ``total`` and
            ``left``): ``amount`` in USD and ``share`` of the budget.
        """
        b = self.brief.budget
        _, price = self.influencer_pick()
        ads = self.controls["ads"].value / 100 * b
        prizes = self.controls["prizes"].value / 100 * b if self.controls["contests"].value else 0.0
        amounts = {"ads": ads, "influencer": price, "contest": prizes}
        amounts["total"] = sum(amounts.values())
        amounts["left"] = b - amounts["total"]
        table = pd.DataFrame({"channel": list(amounts), "amount": [round(v, 2) for v in amounts.values()]})
        table["share"] = table["amount"] / b
        return table.astype({"channel": "str"})

    def checks(self) -> pd.DataFrame:
        """Return the brief's money rules for the current split.

        Returns:
            One row per rule (``budget``, ``influencer_deal``, ``contest_prizes``): ``ok`` and
            ``detail``.
        """
        s = self.split().set_index("channel")["amount"]
        b = self.brief.budget
        iid, price = self.influencer_pick()
        n = self.controls["contests"].value
        handle = self.market.loc[self.market["influencer_id"] == iid, "handle"]
        rows = [
            (
                "budget",
                s["total"] <= b + 1e-9,
                f"plans ${s['total']:,.2f} of ${b:,.2f}"
                + ("" if s["total"] <= b + 1e-9 else f": ${s['total'] - b:,.2f} over. Lower a slider."),
            ),
            (
                "influencer_deal",
                iid is not None,
                f"buys a paid post by {handle.iloc[0] if len(handle) else '?'} "
                f"(influencer {iid}) for ${price:,.2f}"
                if iid is not None
                else f"${self.controls['influencer'].value / 100 * b:,.2f} buys no influencer; the cheapest "
                f"paid post costs ${self.market['price_per_post'].min():,.2f}",
            ),
            (
                "contest_prizes",
                n == 0 or s["contest"] > 0,
                f"{n} contest(s) at ${s['contest'] / n:,.2f} each"
                if n and s["contest"] > 0
                else ("no contests" if n == 0 else f"{n} contest(s) without a prize: raise prizes %"),
            ),
        ]
        table = pd.DataFrame(rows, columns=["rule", "ok", "detail"])
        return table.astype({"rule": "str", "ok": "bool", "detail": "str"})

    def plan_parts(self) -> dict[str, Any]:
        """Return the split as pieces of a ``CapstonePlan``.

        Returns:
            ``lifetime_budget`` for one ad set over the whole campaign (USD), ``deal`` (a paid
            post ``Deal`` in week 2, or None) and ``contest_prize`` (USD per contest post).
        """
        s = self.split().set_index("channel")["amount"]
        iid, _ = self.influencer_pick()
        n = self.controls["contests"].value
        day = self.brief.start + pd.Timedelta(days=min(7, self.brief.days - 1))
        return {
            "lifetime_budget": float(s["ads"]),
            "deal": Deal(iid, "paid_post", day) if iid is not None else None,
            "contest_prize": round(float(s["contest"]) / n, 2) if n else 0.0,
        }

    def refresh(self) -> None:
        """Recompute and redraw for the current control values."""
        table = self.split()
        rows = "".join(
            f"<tr><td>{r.channel}</td><td style='text-align:right'>${r.amount:,.2f}</td>"
            f"<td style='text-align:right'>{r.share:.0%}</td>"
            f"<td><div style='background:{'#c0392b' if r.amount < 0 else '#2e86c1'};height:10px;"
            f"width:{min(abs(r.share), 1.5) * 160:.0f}px'></div></td></tr>"
            for r in table.itertuples()
        )
        self.table.value = (
            f"<b>Planned spend of ${self.brief.budget:,.2f} over {self.brief.days} days</b>"
            f"<table><tr><th>channel</th><th>USD</th><th>share</th><th></th></tr>{rows}</table>"
            f"<small>ads: ${table.loc[0, 'amount'] / self.brief.days:,.2f} a day</small>"
        )
        checks = self.checks()
        items = "".join(
            f"<li>{'&#10004;' if r.ok else '&#10008;'} <b>{r.rule}</b>: {r.detail}</li>"
            for r in checks.itertuples()
        )
        self.checks_html.value = f"<b>Money rules</b><ul>{items}</ul>"

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)
