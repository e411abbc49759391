"""Small chart helpers shared by lessons and widgets: titled, labelled, with units."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes


def activity_heatmap(activity: pd.DataFrame, title: str, ax: Axes | None = None) -> Axes:
    """Draw a weekday x hour activity table as a heatmap.

    Args:
        activity: A 7 x 24 table such as ``World.activity(...)`` returns.
        title: Chart title.
        ax: Axes to draw on (a new figure when None).

    Returns:
        The axes.
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(10, 3.2))
    im = ax.imshow(activity.to_numpy(), aspect="auto", cmap="YlOrRd")
    ax.set_yticks(range(len(activity.index)), list(activity.index))
    ax.set_xticks(range(0, 24, 2), [f"{h:02d}" for h in range(0, 24, 2)])
    ax.set_xlabel("hour of day (local time)")
    ax.set_ylabel("weekday")
    ax.set_title(title)
    ax.figure.colorbar(im, ax=ax, label="people online (1 = average hour)")
    return ax


def hourly_profile(
    activity: pd.DataFrame, title: str, ax: Axes | None = None, label: str | None = None
) -> Axes:
    """Draw the average activity per hour (over the whole week, weekends included) as a line.

    Args:
        activity: A 7 x 24 table such as ``World.activity(...)`` returns.
        title: Chart title.
        ax: Axes to draw on (a new figure when None).
        label: Legend label of the line.

    Returns:
        The axes.
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 3))
    hours = np.arange(24)
    ax.plot(hours, activity.to_numpy().mean(axis=0), marker="o", ms=3, label=label)
    ax.set_xticks(range(0, 24, 2))
    ax.set_xlabel("hour of day (local time)")
    ax.set_ylabel("people online (1 = average)")
    ax.set_title(title)
    ax.grid(alpha=0.3)
    if label:
        ax.legend()
    return ax


def share_bars(shares: pd.Series, title: str, xlabel: str, ax: Axes | None = None) -> Axes:
    """Draw shares (0..1) as horizontal bars labelled in percent.

    Args:
        shares: Values between 0 and 1, indexed by category.
        title: Chart title.
        xlabel: Label of the value axis.
        ax: Axes to draw on (a new figure when None).

    Returns:
        The axes.
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(7, max(2.0, 0.35 * len(shares) + 0.8)))
    s = shares.sort_values()
    ax.barh([str(i) for i in s.index], s.to_numpy() * 100, color="#4C72B0")
    for y, v in enumerate(s.to_numpy()):
        ax.text(v * 100, y, f" {v:.0%}", va="center", fontsize=8)
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    ax.set_xlim(0, max(5.0, float(s.max()) * 100 * 1.2))
    return ax
