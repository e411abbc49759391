"""The dashboard week selector: pick a week, see its KPIs next to the week before and the dashboard.

``DashboardViewer(daily).widget`` shows a week slider and a "per week / per day" toggle. It
redraws the week's KPI table (this week, previous week, change; see
``reporting.week_kpi_table``), the alerts the week fires (``adjustments.kpi_alerts``) and
the KPI dashboard with the chosen week shaded. Controls are plain ipywidgets, so a test can
set ``viewer.controls["week"].value`` and read ``viewer.week_table``.
"""

from __future__ import annotations

from html import escape
from typing import Any

import ipywidgets as w
import matplotlib.pyplot as plt
import pandas as pd

from .adjustments import kpi_alerts
from .dashboards import kpi_dashboard
from .errors import SandboxInputError
from .reporting import formatted_kpi_table, week_kpi_table, weekly_results


class DashboardViewer:
    """Browse a period's KPIs week by week.

    Args:
        daily: ``reporting.daily_results(...)``.
        margin: Gross margin share (adds ROMI to the weekly table), or None.
        title: Title of the dashboard figure.

    Attributes:
        weekly: The weekly table (``reporting.weekly_results``).
        controls: ``week`` (slider) and ``view`` ("per week" or "per day").
        table: HTML: the chosen week's KPI table and alerts.
        output: Where the dashboard is drawn.
        week_table: The chosen week's KPI table (a DataFrame).
        alerts: The alerts the chosen week fires (a DataFrame).
        widget: The whole tool, to display.
    """

    def __init__(
        self, daily: pd.DataFrame, margin: float | None = None, title: str = "KPI dashboard"
    ) -> None:
        if not isinstance(daily, pd.DataFrame) or "date" not in daily.columns:
            raise SandboxInputError(
                "daily", "must be reporting.daily_results(...) (a table with a 'date' column)."
            )
        self.daily = daily
        self.weekly = weekly_results(daily, margin=margin)
        self.title = title
        weeks = [int(x) for x in self.weekly["week"]]
        self.controls: dict[str, Any] = {
            "week": w.IntSlider(
                value=weeks[-1], min=weeks[0], max=weeks[-1], description="week", continuous_update=False
            ),
            "view": w.ToggleButtons(
                options=["per week", "per day"], value="per week", description="dashboard"
            ),
        }
        self.table = w.HTML()
        self.output = w.Output()
        self.week_table = pd.DataFrame()
        self.alerts = pd.DataFrame()
        for c in self.controls.values():
            c.observe(lambda _change: self.refresh(), names="value")
        self.widget = w.VBox([w.HBox(list(self.controls.values())), self.table, self.output])
        self.refresh()

    def week_days(self) -> pd.DataFrame:
        """Return the daily rows of the chosen week.

        Returns:
            Rows of ``daily`` from the week's first to its last day.
        """
        row = self.weekly.set_index("week").loc[int(self.controls["week"].value)]
        start = pd.Timestamp(row["week_start"])
        dates = pd.to_datetime(self.daily["date"])
        return self.daily[(dates >= start) & (dates < start + pd.Timedelta(days=7))]

    def figure(self) -> plt.Figure:
        """Draw the dashboard for the current controls (weeks, or the chosen week's days).

        Returns:
            The figure.
        """
        week = int(self.controls["week"].value)
        if self.controls["view"].value == "per week":
            return kpi_dashboard(self.weekly, title=f"{self.title}: week {week} shaded", highlight=week)
        return kpi_dashboard(self.week_days(), title=f"{self.title}: the days of week {week}")

    def refresh(self) -> None:
        """Recompute the week's table and alerts and redraw the dashboard."""
        week = int(self.controls["week"].value)
        self.week_table = week_kpi_table(self.weekly, week)
        alerts = kpi_alerts(self.weekly)
        self.alerts = alerts[alerts["week"] == week].reset_index(drop=True)
        shown = formatted_kpi_table(self.week_table).to_html(index=False, border=0)
        if len(self.alerts):
            items = "".join(
                f"<li><b>{escape(r.rule)}</b>: {escape(r.action)}</li>" for r in self.alerts.itertuples()
            )
            alert_html = f"<p><b>Alerts this week</b></p><ul>{items}</ul>"
        else:
            alert_html = "<p><b>Alerts this week:</b> none of the rules fired.</p>"
        self.table.value = f"<p><b>Week {week} against the week before</b></p>{shown}{alert_html}"
        self.output.clear_output(wait=True)
        with self.output:
            fig = self.figure()
            plt.show()
            plt.close(fig)

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)
