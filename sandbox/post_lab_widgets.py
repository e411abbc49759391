"""The post tester: try a post idea on many simulated copies and see what to expect.

Pick a platform, format, rubric, call to action, text length, hashtags, hour and (if you
like) a trend and the day you join it; the tester publishes the post ``copies`` times (each
copy with its own luck, see ``sandbox.post_lab.test_post``) and shows the average outcome,
the model's factors behind it, and every copy's reach. "Pin" keeps the current result so you
can change one thing and see the difference. The copies keep their post ids from one setting
to the next, so they keep their luck: a difference between two settings comes from the change,
not from luck (a replay only a simulator can do).

Controls are plain ipywidgets, so a test can set ``tester.controls["format"].value`` and read
``tester.means`` or ``tester.summary.value``.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

import ipywidgets as w
import matplotlib.pyplot as plt
import pandas as pd

from .errors import SandboxInputError, check_choice
from .params import PLATFORMS
from .post_lab import FACTOR_MEANINGS, LabResult, test_post, trends_in_period
from .taxonomy import CTAS, RUBRICS

if TYPE_CHECKING:
    from .world import World

NO_TREND = ""
SHOWN = ("reach", "reach_non_followers", "engagements", "comments", "clicks", "follows", "bot_follows")
"""Per-post averages the tester shows, besides the engagement rates."""


class PostTester:
    """Test one post idea on many simulated copies (reach, engagement, factors).

    Args:
        world: The world to test in (your brand's accounts there).
        copies: Copies to average over at first (the ``copies`` slider changes it).
        platform: Platform to start with.

    Attributes:
        controls: The widgets by name: platform, format, rubric, cta, text_length,
            hashtags, hour, trend, trend_day, copies.
        pin_button: Keeps the current result as the baseline to compare with.
        summary: HTML headline of the current averages (or of the problem, if any).
        table: HTML table: current averages, pinned averages and the change.
        factors: HTML table of the model's average factors.
        output: Where the chart of every copy's reach is drawn.
        result: The last ``LabResult`` (None if the last setting was not allowed).
        means: The last averages (one row of ``LabResult.summary()``), or None.
        pinned: The pinned averages, or None.
        widget: The whole tool, to display.
    """

    def __init__(self, world: World, copies: int = 20, platform: str = "pixa") -> None:
        check_choice("platform", platform, PLATFORMS)
        self.world = world
        self.result: LabResult | None = None
        self.means: pd.Series | None = None
        self.pinned: pd.Series | None = None
        self._pinned_label = ""
        self._busy = False
        trends = trends_in_period(world)
        trend_options = [("no trend", NO_TREND)] + [
            (f"{t.trend_id} {t.name} ({t.platforms}; starts {t.start:%d %b})", t.trend_id)
            for t in trends.itertuples()
        ]
        platform_options = [(f"{p.name} ({p.archetype})", slug) for slug, p in PLATFORMS.items()]
        slider = {"continuous_update": False, "style": {"description_width": "90px"}}
        drop = {"style": {"description_width": "90px"}}
        self.controls: dict[str, Any] = {
            "platform": w.Dropdown(options=platform_options, value=platform, description="platform", **drop),
            "format": w.Dropdown(options=["image"], description="format", **drop),
            "rubric": w.Dropdown(options=list(RUBRICS), value="informative", description="rubric", **drop),
            "cta": w.Dropdown(options=list(CTAS), value="none", description="CTA", **drop),
            "text_length": w.IntSlider(
                value=200, min=10, max=3000, step=10, description="text chars", **slider
            ),
            "hashtags": w.IntSlider(value=3, min=0, max=30, description="hashtags", **slider),
            "hour": w.IntSlider(value=11, min=0, max=23, description="hour", **slider),
            "trend": w.Dropdown(options=trend_options, value=NO_TREND, description="trend", **drop),
            "trend_day": w.IntSlider(
                value=2, min=-2, max=20, description="trend day", disabled=True, **slider
            ),
            "copies": w.IntSlider(value=copies, min=5, max=56, description="copies", **slider),
        }
        self.pin_button = w.Button(
            description="Pin as baseline", tooltip="compare the next changes with this"
        )
        self.pin_button.on_click(lambda _b: self.pin())
        self.summary = w.HTML()
        self.table = w.HTML()
        self.factors = w.HTML()
        self.output = w.Output()
        self._set_platform_limits()
        p = PLATFORMS[platform]
        self.controls["format"].value = max(p.formats, key=p.formats.get)
        for c in self.controls.values():
            c.observe(self._on_change, names="value")
        c = self.controls
        left = w.VBox([c["platform"], c["format"], c["rubric"], c["cta"], c["trend"]])
        right = w.VBox([c["text_length"], c["hashtags"], c["hour"], c["trend_day"], c["copies"]])
        self.widget = w.VBox(
            [
                w.HBox([left, right]),
                w.HBox([self.pin_button, self.summary]),
                w.HBox([self.table, self.factors]),
                self.output,
            ]
        )
        self.refresh()

    # --- controls ------------------------------------------------------------------------
    def _set_platform_limits(self) -> None:
        """Fit the format list and the text slider to the chosen platform."""
        p = PLATFORMS[self.controls["platform"].value]
        native = max(p.formats, key=p.formats.get)
        fmt = self.controls["format"]
        keep = fmt.value if fmt.value in p.formats else native
        fmt.options = list(p.formats)
        fmt.value = keep
        text = self.controls["text_length"]
        text.max = min(p.max_chars, 3000)
        text.value = min(text.value, text.max)
        text.tooltip = f"{p.name} shows {p.show_more_chars} characters before 'show more'"

    def _on_change(self, change: dict) -> None:
        if self._busy:
            return
        self._busy = True
        try:
            if change.get("owner") is self.controls["platform"]:
                self._set_platform_limits()
            self.controls["trend_day"].disabled = self.controls["trend"].value == NO_TREND
        finally:
            self._busy = False
        self.refresh()

    def post(self) -> dict[str, Any]:
        """Return the post the controls describe (a partial plan row).

        Returns:
            Platform, format, rubric, cta, text_length, hashtags and trend_id.
        """
        c = {k: v.value for k, v in self.controls.items()}
        return {
            "platform": c["platform"],
            "format": c["format"],
            "rubric": c["rubric"],
            "cta": c["cta"],
            "text_length": int(c["text_length"]),
            "hashtags": int(c["hashtags"]),
            "trend_id": c["trend"],
        }

    def describe(self) -> str:
        """Return the current post in a few words (used to label the pinned baseline)."""
        p = self.post()
        c = self.controls
        words = (
            f"{PLATFORMS[p['platform']].name} {p['format']}, {p['rubric']}, CTA {p['cta']}, "
            f"{p['text_length']} chars, {p['hashtags']} hashtags, {c['hour'].value:02d}:00"
        )
        if p["trend_id"]:
            words += f", {p['trend_id']} day {c['trend_day'].value}"
        return words

    # --- running -------------------------------------------------------------------------
    def run(self) -> LabResult:
        """Simulate the current post's copies (without redrawing).

        Returns:
            The copies' results.

        Raises:
            SandboxInputError: If the settings are not allowed (e.g. a trend day outside the
                plan period).
        """
        c = self.controls
        trend_day = c["trend_day"].value if c["trend"].value != NO_TREND else None
        return test_post(
            self.world,
            self.post(),
            copies=int(c["copies"].value),
            hour=int(c["hour"].value),
            trend_day=trend_day,
        )

    def refresh(self) -> None:
        """Rerun the copies for the current settings and redraw everything."""
        try:
            self.result = self.run()
        except SandboxInputError as exc:
            self.result, self.means = None, None
            self.summary.value = f"<span style='color:#b00'>Not allowed: {escape(str(exc))}</span>"
            self.table.value = self.factors.value = ""
            self.output.clear_output()
            return
        self.means = self.result.summary().iloc[0]
        m = self.means
        self.summary.value = (
            f"Average of <b>{int(m['posts'])}</b> copies: reach <b>{m['reach']:,.0f}</b> "
            f"(± {2 * m['reach_se']:,.0f}), engagements <b>{m['engagements']:.1f}</b>, "
            f"comments <b>{m['comments']:.2f}</b>, clicks <b>{m['clicks']:.2f}</b>, "
            f"ER by reach <b>{m['er_reach']:.2%}</b>, ER by followers <b>{m['er_followers']:.2%}</b>"
        )
        self.table.value = self._table_html()
        self.factors.value = self._factors_html()
        self._draw()

    def pin(self) -> None:
        """Keep the current averages as the baseline the table compares with."""
        if self.means is not None:
            self.pinned = self.means.copy()
            self._pinned_label = self.describe()
            self.table.value = self._table_html()
            self._draw()

    # --- drawing -------------------------------------------------------------------------
    def _table_html(self) -> str:
        m = self.means
        if m is None:
            return ""
        rows = {k: m[k] for k in SHOWN}
        rows["er_reach (%)"] = m["er_reach"] * 100
        rows["er_followers (%)"] = m["er_followers"] * 100
        df = pd.DataFrame({"now (per post)": pd.Series(rows)})
        if self.pinned is not None:
            p = self.pinned
            base = {k: p[k] for k in SHOWN}
            base["er_reach (%)"] = p["er_reach"] * 100
            base["er_followers (%)"] = p["er_followers"] * 100
            df["pinned"] = pd.Series(base)
            change = (df["now (per post)"] / df["pinned"].where(df["pinned"] != 0) - 1) * 100
            df["change"] = [f"{v:+.0f}%" if pd.notna(v) else "" for v in change]
        out = df.copy()
        for col in ("now (per post)", "pinned"):
            if col in out:
                out[col] = [f"{v:,.2f}" for v in df[col]]
        caption = "<b>Averages per post</b>"
        if self.pinned is not None:
            caption += f" vs pinned: {escape(self._pinned_label)}"
        return caption + out.to_html(border=0)

    def _factors_html(self) -> str:
        if self.result is None:
            return ""
        f = self.result.mean_factors().iloc[0]
        df = pd.DataFrame(
            {
                "x": [f"{f[k]:.2f}" for k in FACTOR_MEANINGS],
                "what it multiplies": list(FACTOR_MEANINGS.values()),
            },
            index=list(FACTOR_MEANINGS),
        )
        return "<b>Why: the model's average factors (1.00 = no effect)</b>" + df.to_html(border=0)

    def _draw(self) -> None:
        self.output.clear_output(wait=True)
        if self.result is None:
            return
        with self.output:
            reach = self.result.posts["reach"].to_numpy()
            fig, ax = plt.subplots(figsize=(8, 2.6))
            ax.plot(range(1, len(reach) + 1), reach, "o", ms=4, alpha=0.7, label="each copy")
            ax.axhline(float(reach.mean()), color="C1", label=f"average {reach.mean():,.0f}")
            if self.pinned is not None:
                ax.axhline(float(self.pinned["reach"]), color="grey", ls="--", label="pinned average")
            ax.set_xlabel("copy of the post (each with its own luck)")
            ax.set_ylabel("reach (people)")
            ax.set_title("One post proves nothing: reach of every copy of the same post")
            ax.set_ylim(bottom=0)
            ax.legend(loc="upper right", fontsize=8)
            fig.tight_layout()
            plt.show()

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)
