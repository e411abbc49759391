"""Interactive strategy control: pick a goal and a target, see the platforms and KPIs it implies.

``StrategyPlanner(world).widget`` shows a goal dropdown and two sliders (target change and
weeks to the deadline). It redraws the platform ranking, the KPI table with baseline and
target, and what the main target means week by week. Controls are plain ipywidgets, so a
test can set ``tool.controls["goal"].value`` and read ``tool.kpis.value``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import ipywidgets as w
import pandas as pd

from .strategy import (
    GOAL_METRIC,
    GOALS,
    format_kpi_value,
    history_weeks,
    kpi_table,
    platform_scores,
    smart_goal,
    target_audience,
    weekly_path,
)

if TYPE_CHECKING:
    from .world import World


class StrategyPlanner:
    """Choose a goal and a target; see the platform ranking, the KPI table and the weekly milestones.

    Args:
        world: The world (your brand's history is the baseline).
        people: The target audience; None: ``strategy.target_audience(world)``.

    Attributes:
        controls: ``goal`` (dropdown), ``growth`` (target change in %), ``weeks`` (to the deadline).
        ranking: HTML table of the platforms, best first, for the chosen goal.
        kpis: HTML table of the goal's KPIs with baseline, target and verdict.
        summary: HTML with the SMART sentence and the weekly milestones of the main KPI.
        widget: The whole tool, to display.
    """

    def __init__(self, world: World, people: pd.DataFrame | None = None) -> None:
        self.world = world
        self.people = target_audience(world) if people is None else people
        self.weekly = history_weeks(world)
        self.controls: dict[str, w.ValueWidget] = {
            "goal": w.Dropdown(
                options=[(g.label, slug) for slug, g in GOALS.items()], value="awareness", description="goal"
            ),
            "growth": w.IntSlider(
                value=20, min=0, max=100, step=5, description="target %", continuous_update=False
            ),
            "weeks": w.IntSlider(value=8, min=2, max=26, description="weeks", continuous_update=False),
        }
        self.ranking = w.HTML()
        self.kpis = w.HTML()
        self.summary = w.HTML()
        for c in self.controls.values():
            c.observe(lambda _change: self.refresh(), names="value")
        self.widget = w.VBox(
            [
                w.HBox(list(self.controls.values())),
                w.HBox([self.ranking, self.kpis]),
                self.summary,
            ]
        )
        self.refresh()

    def ranking_table(self) -> pd.DataFrame:
        """Return the platform ranking for the chosen goal (see ``strategy.platform_scores``).

        Returns:
            One row per platform, best first.
        """
        return platform_scores(self.world, self.controls["goal"].value, self.people)

    def kpi_table(self) -> pd.DataFrame:
        """Return the chosen goal's KPI table at the chosen target (see ``strategy.kpi_table``).

        Returns:
            One row per KPI.
        """
        return kpi_table(self.weekly, self.controls["goal"].value, self.controls["growth"].value / 100)

    def refresh(self) -> None:
        """Recompute and redraw for the current control values."""
        goal = self.controls["goal"].value
        weeks = int(self.controls["weeks"].value)
        rank = self.ranking_table()
        shown = pd.DataFrame(
            {
                "rank": rank["rank"],
                "platform": rank["name"],
                "audience": (rank["audience_share"] * 100).map("{:.0f}%".format),
                "fit": rank["fit"].map("{:.2f}".format),
                "score": rank["score"].map("{:.2f}".format),
            }
        )
        self.ranking.value = (
            f"<b>Platforms for {GOALS[goal].label}</b><br><small>fit = {GOAL_METRIC[goal]}, "
            f"relative to the best</small>" + shown.to_html(index=False, border=0)
        )
        table = self.kpi_table()
        shown_k = pd.DataFrame(
            {
                "KPI": table["label"],
                "baseline": [
                    format_kpi_value(k, v) for k, v in zip(table["kpi"], table["baseline"], strict=True)
                ],
                "target": [
                    format_kpi_value(k, v) for k, v in zip(table["kpi"], table["target"], strict=True)
                ],
                "verdict": table["verdict"],
            }
        )
        self.kpis.value = f"<b>KPIs: {GOALS[goal].question}</b>" + shown_k.to_html(index=False, border=0)
        main = table.iloc[0]
        path = weekly_path(float(main["baseline"]), float(main["target"]), weeks)
        steps = ", ".join(f"w{i}: {format_kpi_value(main['kpi'], v)}" for i, v in path.items())
        sentence = smart_goal(main, self.world.start_date, weeks, brand=self.world.you)
        self.summary.value = f"<p><b>SMART:</b> {sentence}</p><p><b>Week by week:</b> {steps}</p>"

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)
