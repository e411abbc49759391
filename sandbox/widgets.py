"""Interactive tools for the lessons (ipywidgets): explore where exploring beats reading.

Each tool is a class whose ``.widget`` is shown in a notebook (or just put the object last in
a cell). Controls are plain ipywidgets, so a test can set ``tool.controls["age"].value`` and
read ``tool.summary.value`` to check that the tool reacts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import ipywidgets as w
import matplotlib.pyplot as plt
import pandas as pd

from .params import PLATFORMS
from .plots import hourly_profile, share_bars
from .taxonomy import INTERESTS, RUBRICS

if TYPE_CHECKING:
    from .plan import PlanResult
    from .world import World

ANY = "any"


class AudienceExplorer:
    """Filter the world's people (or a brand's followers) and see who they are and when they are online.

    Args:
        world: The world to explore.
        brand: ``None`` for everyone, or ``"you"`` / a brand name for that brand's followers.

    Attributes:
        controls: The filter widgets by name (platform, age, gender, interest, city).
        summary: HTML line with the count of people matching the filters.
        output: Where the charts are drawn.
        widget: The whole tool, to display.
    """

    def __init__(self, world: World, brand: str | None = None) -> None:
        self.world = world
        people = world.people if brand is None else world.audience(brand).drop_duplicates("person_id")
        self.people = people.reset_index(drop=True)
        top_cities = self.people["city"].value_counts().index[:12].tolist()
        self.controls: dict[str, w.ValueWidget] = {
            "platform": w.Dropdown(options=[ANY, *PLATFORMS], value=ANY, description="platform"),
            "age": w.IntRangeSlider(
                value=(13, 65), min=13, max=65, description="age", continuous_update=False
            ),
            "gender": w.ToggleButtons(options=[ANY, "female", "male"], value=ANY, description="gender"),
            "interest": w.Dropdown(options=[ANY, *INTERESTS], value=ANY, description="interest"),
            "city": w.Dropdown(options=[ANY, *top_cities], value=ANY, description="city"),
        }
        self.summary = w.HTML()
        self.output = w.Output()
        for c in self.controls.values():
            c.observe(self._on_change, names="value")
        self.widget = w.VBox(
            [
                w.HBox([self.controls["platform"], self.controls["gender"]]),
                w.HBox([self.controls["age"], self.controls["interest"], self.controls["city"]]),
                self.summary,
                self.output,
            ]
        )
        self.refresh()

    def selection(self) -> pd.DataFrame:
        """Return the people matching the current filters.

        Returns:
            Rows of the people table.
        """
        p = self.people
        c = {k: v.value for k, v in self.controls.items()}
        mask = p["age"].between(*c["age"])
        if c["platform"] != ANY:
            mask &= p[f"on_{c['platform']}"]
        if c["gender"] != ANY:
            mask &= p["gender"] == c["gender"]
        if c["interest"] != ANY:
            mask &= p["interests"].str.contains(c["interest"], regex=False)
        if c["city"] != ANY:
            mask &= p["city"] == c["city"]
        return p[mask]

    def _on_change(self, _change: dict) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Recount and redraw for the current filters."""
        sel = self.selection()
        n, total = len(sel), len(self.people)
        self.summary.value = (
            f"<b>{n:,}</b> people match ({n / total:.1%} of {total:,})"
            if n
            else "<b>0</b> people match: widen the filters"
        )
        self.output.clear_output(wait=True)
        with self.output:
            if n == 0:
                return
            platform = self.controls["platform"].value
            plat = platform if platform != ANY else "pixa"
            fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 3.2))
            hourly_profile(
                self.world.activity(sel, platform=plat),
                f"When they are online on {PLATFORMS[plat].name}",
                ax=ax1,
            )
            counts = sel["age_band"].value_counts(normalize=True).sort_index()
            share_bars(counts, "Age bands", "share of the selection (%)", ax=ax2)
            fig.tight_layout()
            plt.show()

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


class CalendarViewer:
    """Browse a content plan (or a plan's results) week by week.

    Args:
        plan: A plan DataFrame (``time``, ``platform``, ``rubric`` ...) or a ``PlanResult``.

    Attributes:
        controls: ``week`` (slider) and ``platform`` (dropdown).
        summary: HTML line with the week's counts and rubric mix.
        table: HTML table of the week's posts.
        widget: The whole tool, to display.
    """

    def __init__(self, plan: pd.DataFrame | PlanResult) -> None:
        df = plan.posts if hasattr(plan, "posts") else plan
        df = df.copy()
        df["time"] = pd.to_datetime(df["time"])
        self.posts = df.sort_values("time").reset_index(drop=True)
        first = self.posts["time"].min().normalize()
        self.posts["week"] = ((self.posts["time"] - first).dt.days // 7 + 1).astype(int)
        weeks = int(self.posts["week"].max()) if len(self.posts) else 1
        self.controls = {
            "week": w.IntSlider(value=1, min=1, max=max(1, weeks), description="week"),
            "platform": w.Dropdown(
                options=[ANY, *sorted(self.posts["platform"].unique())], value=ANY, description="platform"
            ),
        }
        self.summary = w.HTML()
        self.table = w.HTML()
        for c in self.controls.values():
            c.observe(lambda _ch: self.refresh(), names="value")
        self.widget = w.VBox([w.HBox(list(self.controls.values())), self.summary, self.table])
        self.refresh()

    def week_posts(self) -> pd.DataFrame:
        """Return the posts of the selected week (and platform).

        Returns:
            Rows of the plan.
        """
        sel = self.posts[self.posts["week"] == self.controls["week"].value]
        if self.controls["platform"].value != ANY:
            sel = sel[sel["platform"] == self.controls["platform"].value]
        return sel

    def refresh(self) -> None:
        """Redraw for the selected week."""
        sel = self.week_posts()
        if len(sel) == 0:
            self.summary.value = "No posts this week."
            self.table.value = ""
            return
        mix = sel["rubric"].value_counts(normalize=True).reindex(list(RUBRICS), fill_value=0.0)
        mix_text = ", ".join(f"{r} {v:.0%}" for r, v in mix.items() if v > 0)
        self.summary.value = f"<b>{len(sel)}</b> posts this week: {mix_text}"
        cols = [
            c
            for c in ("time", "platform", "format", "rubric", "topic", "reach", "engagements")
            if c in sel.columns
        ]
        shown = sel[cols].copy()
        shown["time"] = shown["time"].dt.strftime("%a %d %b %H:%M")
        self.table.value = shown.to_html(index=False, border=0)

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)
