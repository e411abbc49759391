"""The KPI dashboard: one matplotlib figure, one panel per KPI, per day or per week.

``kpi_dashboard(weekly)`` draws six panels from a ``reporting.weekly_results`` (or
``daily_results``) table: reach, engagement rate by reach (the denominator is in the
title), follower growth, link clicks, conversions (registrations and purchases) and spend.
Every panel has a title, axis labels and units; ``highlight`` shades one week or day.
``plotted_values(ax)`` reads back what a panel shows (for checks and tests).
"""

from __future__ import annotations

from typing import NamedTuple

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from .errors import SandboxInputError


class Panel(NamedTuple):
    """One panel of the dashboard.

    Attributes:
        columns: Columns drawn (the first is the panel's main series).
        title: Panel title.
        ylabel: Y axis label, with units.
        kind: ``"line"`` or ``"bar"``.
        scale: Multiply values by this before drawing (100 for percentages).
    """

    columns: tuple[str, ...]
    title: str
    ylabel: str
    kind: str
    scale: float = 1.0


PANELS: tuple[Panel, ...] = (
    Panel(("reach",), "Reach", "people reached (all channels)", "line"),
    Panel(
        ("er_reach",), "Engagement rate (by reach)", "engagements / reach of your posts (%)", "line", 100.0
    ),
    Panel(("net_followers",), "Follower growth", "new followers - unfollows (people)", "bar"),
    Panel(("clicks",), "Link clicks", "clicks (all channels)", "line"),
    Panel(("registrations", "purchases"), "Conversions", "registrations and purchases", "line"),
    Panel(("spend",), "Spend", "USD spent (all channels)", "bar"),
)
"""The dashboard's panels, in reading order (left to right, top to bottom)."""


def kpi_dashboard(
    table: pd.DataFrame,
    title: str | None = None,
    highlight: int | str | pd.Timestamp | None = None,
    panels: tuple[Panel, ...] = PANELS,
) -> Figure:
    """Draw the KPI dashboard: one figure, one panel per KPI.

    Args:
        table: ``weekly_results(...)`` (x axis: week) or ``daily_results(...)`` (x axis: date).
        title: The figure's title; None: "KPI dashboard".
        highlight: A week number (weekly tables) or a date (daily tables) to shade.
        panels: The panels to draw (default ``PANELS``).

    Returns:
        The figure (show it with ``plt.show()``; it has ``len(panels)`` axes).

    Raises:
        SandboxInputError: If the table lacks a column a panel needs.
    """
    if not isinstance(table, pd.DataFrame) or not ({"week", "date"} & set(table.columns)):
        raise SandboxInputError(
            "table", "must be weekly_results(...) or daily_results(...) (a 'week' or 'date' column)."
        )
    missing = sorted({c for p in panels for c in p.columns} - set(table.columns))
    if missing:
        raise SandboxInputError("table", f"has no column(s) {missing}; use reporting.weekly_results(...).")
    weekly = "week" in table.columns
    x = table["week"].to_numpy() if weekly else pd.to_datetime(table["date"]).to_numpy()
    ncols = 3
    nrows = int(np.ceil(len(panels) / ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(12, 3.1 * nrows), squeeze=False)
    for ax, panel in zip(axes.flat, panels, strict=False):
        for i, col in enumerate(panel.columns):
            y = table[col].to_numpy(dtype=np.float64) * panel.scale
            if panel.kind == "bar":
                width = 0.7 if weekly else 0.8
                color = np.where(y < 0, "tab:red", "tab:green") if col == "net_followers" else "tab:blue"
                ax.bar(x, y, width=width, color=color, label=col.replace("_", " "))
            else:
                ax.plot(x, y, marker="o", ms=3, label=col.replace("_", " "), color=f"C{i}")
        if len(panel.columns) > 1:
            ax.legend(fontsize=8)
        if highlight is not None:
            _shade(ax, highlight, weekly)
        ax.set_title(panel.title)
        ax.set_xlabel("week" if weekly else "date")
        ax.set_ylabel(panel.ylabel, fontsize=8)
        ax.grid(alpha=0.3)
        if weekly:
            ax.set_xticks(x)
        else:
            ax.tick_params(axis="x", labelrotation=45, labelsize=7)
    for ax in list(axes.flat)[len(panels) :]:
        fig.delaxes(ax)
    fig.suptitle(title or "KPI dashboard")
    fig.tight_layout()
    return fig


def _shade(ax: Axes, highlight: int | str | pd.Timestamp, weekly: bool) -> None:
    if weekly:
        ax.axvspan(float(highlight) - 0.5, float(highlight) + 0.5, color="gold", alpha=0.25, zorder=0)
    else:
        day = pd.Timestamp(highlight).normalize()
        ax.axvspan(
            day - pd.Timedelta(hours=12), day + pd.Timedelta(hours=12), color="gold", alpha=0.25, zorder=0
        )


def plotted_values(ax: Axes) -> np.ndarray:
    """Return the values a panel draws: its first line's y values, or its bars' heights.

    Args:
        ax: One axes of a figure.

    Returns:
        The values (empty when the panel draws nothing).
    """
    if ax.lines:
        return np.asarray(ax.lines[0].get_ydata(), dtype=np.float64)
    if ax.containers:
        return np.array([b.get_height() for b in ax.containers[0]], dtype=np.float64)
    bars = [p for p in ax.patches if hasattr(p, "get_height") and p.get_width() > 0]
    return np.array([b.get_height() for b in bars], dtype=np.float64)


def find_axes(fig: Figure, word: str) -> Axes | None:
    """Return the first axes of a figure whose title contains ``word`` (case ignored).

    Args:
        fig: The figure.
        word: Text to look for in the titles, e.g. ``"spend"``.

    Returns:
        The axes, or None.
    """
    for ax in fig.axes:
        if word.lower() in ax.get_title().lower():
            return ax
    return None
