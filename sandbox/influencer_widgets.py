"""The influencer picker: set your rules, see the shortlist ranked by price per real reach.

``InfluencerPicker(world).widget`` shows sliders for the audience rules (share in your
city, share interested in your niche, highest fake-follower share), platform and tier
choices, a price cap and the deal type. It redraws the ranked shortlist (with the engagement
rate by both denominators) and a bar chart of the price per 1,000 people really reached.
Controls are plain ipywidgets, so a test can set ``picker.controls["max_fake_share"].value``
and read ``picker.result``.
"""

from __future__ import annotations

import math
from html import escape
from typing import TYPE_CHECKING, Any

import ipywidgets as w
import matplotlib.pyplot as plt
import pandas as pd

from .influencer_analysis import DEAL_KINDS, TIERS, score_influencers, shortlist
from .params import PLATFORMS

if TYPE_CHECKING:
    from .world import World

SHOWN_COLUMNS = {
    "influencer_id": "id",
    "handle": "handle",
    "platform": "platform",
    "tier": "tier",
    "followers": "followers",
    "fake_follower_share": "fake share",
    "er_followers": "ER by followers",
    "er_real_followers": "ER by real followers",
    "audience_in_brand_city": "in your city",
    "audience_interested": "interested",
    "price": "price, USD",
    "expected_reach": "expected real reach",
    "price_per_1000_reach": "USD per 1,000 real reach",
}
"""Columns of the picker's table and their headings."""


class InfluencerPicker:
    """Filter the influencer marketplace by your rules and rank it by price per real reach.

    Args:
        world: The world (its ``marketplace`` is built once).
        market: A marketplace table to use instead (``sandbox.ads.marketplace(world)``).
        top: How many influencers the table and chart show at most.

    Attributes:
        controls: The widgets by name: ``min_city_share``, ``min_interested``,
            ``max_fake_share``, ``platforms``, ``tiers``, ``max_price``, ``kind``.
        table: HTML table of the ranked shortlist.
        output: Where the price-per-real-reach chart is drawn.
        result: The last shortlist (a DataFrame, cheapest real reach first).
        widget: The whole tool, to display.
    """

    def __init__(self, world: World | None = None, market: pd.DataFrame | None = None, top: int = 10) -> None:
        if market is None:
            if world is None:
                raise ValueError("InfluencerPicker needs a world or a market table.")
            from .ads import marketplace

            market = marketplace(world)
        self.market = market
        self.top = int(top)
        slider = {"continuous_update": False, "style": {"description_width": "150px"}, "step": 0.05}
        max_price = float(max(market["price_per_post"].max() * 2, 100))
        self.controls: dict[str, Any] = {
            "min_city_share": w.FloatSlider(
                value=0.0, min=0, max=1, description="min. share in city", **slider
            ),
            "min_interested": w.FloatSlider(
                value=0.5, min=0, max=1, description="min. share interested", **slider
            ),
            "max_fake_share": w.FloatSlider(
                value=0.2, min=0, max=1, description="fake share under", **slider
            ),
            "platforms": w.SelectMultiple(
                options=[(p.name, slug) for slug, p in PLATFORMS.items()],
                value=tuple(PLATFORMS),
                description="platforms",
                rows=6,
            ),
            "tiers": w.SelectMultiple(options=list(TIERS), value=tuple(TIERS), description="tiers", rows=4),
            "max_price": w.FloatLogSlider(
                value=max_price,
                base=10,
                min=1,
                max=math.ceil(math.log10(max_price)),
                description="max. price, USD",
                continuous_update=False,
                style={"description_width": "150px"},
            ),
            "kind": w.Dropdown(options=list(DEAL_KINDS), value="paid_post", description="deal type"),
        }
        self.table = w.HTML()
        self.output = w.Output()
        self.result = pd.DataFrame()
        for c in self.controls.values():
            c.observe(lambda _change: self.refresh(), names="value")
        c = self.controls
        self.widget = w.VBox(
            [
                w.HBox(
                    [
                        w.VBox(
                            [c["min_city_share"], c["min_interested"], c["max_fake_share"], c["max_price"]]
                        ),
                        w.VBox([c["kind"], c["tiers"]]),
                        c["platforms"],
                    ]
                ),
                self.table,
                self.output,
            ]
        )
        self.refresh()

    def rules(self) -> dict[str, Any]:
        """Return the current rules as ``shortlist`` keyword arguments.

        Returns:
            The rules.
        """
        c = self.controls
        return {
            "min_city_share": round(float(c["min_city_share"].value), 4),
            "min_interested": round(float(c["min_interested"].value), 4),
            "max_fake_share": round(float(c["max_fake_share"].value), 4),
            "platforms": list(c["platforms"].value),
            "tiers": list(c["tiers"].value),
            "max_price": float(c["max_price"].value),
            "kind": c["kind"].value,
        }

    def refresh(self) -> None:
        """Recompute the shortlist for the current rules and redraw the table and chart."""
        rules = self.rules()
        self.result = shortlist(self.market, **rules)
        passed = len(self.result)
        self.output.clear_output(wait=True)
        if passed == 0:
            scored = score_influencers(self.market, rules["kind"])
            self.table.value = (
                f"<p><b>No influencer passes these rules</b> (0 of {len(scored)}). Loosen one rule: "
                "a lower minimum share, a higher fake-share limit, more platforms or tiers, "
                "or a higher price cap.</p>"
            )
            return
        shown = self.result.head(self.top)[list(SHOWN_COLUMNS)].rename(columns=SHOWN_COLUMNS)
        fmt = {
            "fake share": "{:.0%}".format,
            "ER by followers": "{:.2%}".format,
            "ER by real followers": "{:.2%}".format,
            "in your city": "{:.0%}".format,
            "interested": "{:.0%}".format,
            "price, USD": "{:,.0f}".format,
            "expected real reach": "{:,}".format,
            "USD per 1,000 real reach": "{:,.2f}".format,
            "followers": "{:,}".format,
        }
        for col, f in fmt.items():
            shown[col] = shown[col].map(f)
        self.table.value = (
            f"<p><b>{passed} of {len(self.market)} influencers pass your rules</b> "
            f"({escape(rules['kind'])}, cheapest real reach first; showing {len(shown)}).</p>"
            + shown.to_html(index=False, border=0)
        )
        with self.output:
            ax = self.chart()
            plt.show()
            plt.close(ax.figure)

    def chart(self, ax: plt.Axes | None = None) -> plt.Axes:
        """Draw the shortlist's price per 1,000 people really reached, cheapest at the top.

        Args:
            ax: Axes to draw on (a new figure when None).

        Returns:
            The axes.
        """
        top = self.result.head(self.top)
        if ax is None:
            _, ax = plt.subplots(figsize=(8, 0.35 * max(len(top), 3) + 1))
        labels = [
            f"{h} ({t}, {p})" for h, t, p in zip(top["handle"], top["tier"], top["platform"], strict=True)
        ]
        ax.barh(labels[::-1], top["price_per_1000_reach"].to_numpy()[::-1], color="tab:purple")
        ax.set_title(f"Price per 1,000 people really reached ({self.controls['kind'].value})")
        ax.set_xlabel("USD per 1,000 real reach (price / (real followers x reach rate) x 1,000)")
        ax.set_ylabel("influencer")
        ax.grid(axis="x", alpha=0.3)
        return ax

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)
