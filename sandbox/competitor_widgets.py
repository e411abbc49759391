"""Competitor explorer: pick a brand and a platform; see when it posts against when its audience is online.

The tool is a small ipywidgets control for the competitor-analysis lesson. Its controls are
plain widgets, so a test (or a curious learner) can set ``tool.controls["brand"].value`` and
read ``tool.summary.value``, ``tool.hours_table()`` or ``tool.mix_table()`` to see it react.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import ipywidgets as w
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from .analysis import content_mix, engagement_rate, mark_off_peak
from .errors import SandboxInputError, check_choice
from .params import PLATFORMS
from .plots import share_bars

if TYPE_CHECKING:
    from .world import World

MIX_CHOICES: tuple[str, ...] = ("rubric", "format")


def posting_hours(
    world: World, brand: int | str, platform: str, posts: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Return when a brand posts on a platform next to when that account's followers are online.

    Args:
        world: The world.
        brand: ``"you"``, a brand name or a brand id.
        platform: Platform slug where the brand has an account.
        posts: The posts to use (``world.posts`` when None).

    Returns:
        24 rows (hours 0..23): ``posts_share`` (share of the account's posts published in that
        hour, 0..1) and ``audience_online`` (the account's followers online in that hour,
        averaged over the week; 1.0 = an average hour).

    Raises:
        SandboxInputError: If the brand has no account on the platform.
    """
    bid = world.brand_id(brand)
    check_choice("platform", platform, PLATFORMS)
    followers = world.brand_followers
    ids = followers.loc[(followers["brand_id"] == bid) & (followers["platform"] == platform), "person_id"]
    if ids.empty:
        name = str(world.brands.loc[bid, "name"])
        have = world.accounts.loc[world.accounts["brand_id"] == bid, "platform"].tolist()
        raise SandboxInputError(
            "platform", f"{name} has no account on {platform!r}. Its platforms: {', '.join(have)}."
        )
    posts = world.posts if posts is None else posts
    mine = posts[(posts["brand_id"] == bid) & (posts["platform"] == platform)]
    hours = pd.DatetimeIndex(mine["time"]).hour
    counts = np.bincount(hours.to_numpy(), minlength=24).astype(np.float64)
    share = counts / counts.sum() if counts.sum() else counts
    online = world.activity(ids.to_numpy(), platform=platform).mean(axis=0).to_numpy(dtype=np.float64)
    out = pd.DataFrame(
        {"posts_share": share, "audience_online": online}, index=pd.RangeIndex(24, name="hour")
    )
    return out


def plot_posting_hours(table: pd.DataFrame, title: str, ax: Axes | None = None) -> Axes:
    """Draw a brand's posting hours (bars) against its audience's online hours (line).

    Args:
        table: What :func:`posting_hours` returns.
        title: Chart title.
        ax: Axes to draw on (a new figure when None).

    Returns:
        The axes with the bars (the line is on a twin axis).
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 3.2))
    ax.bar(table.index, table["posts_share"] * 100, color="#DD8452", alpha=0.8, label="posts published")
    ax.set_xticks(range(0, 24, 2))
    ax.set_xlabel("hour of day (local time)")
    ax.set_ylabel("posts published (%)")
    ax.set_title(title)
    twin = ax.twinx()
    twin.plot(
        table.index, table["audience_online"], color="#4C72B0", marker="o", ms=3, label="followers online"
    )
    twin.set_ylabel("followers online (1 = average hour)")
    twin.set_ylim(0, max(2.5, float(table["audience_online"].max()) * 1.1))
    handles = ax.get_legend_handles_labels()[0] + twin.get_legend_handles_labels()[0]
    ax.legend(handles, [str(h.get_label()) for h in handles], loc="upper left", fontsize=8)
    return ax


class CompetitorExplorer:
    """Pick a brand and one of its platforms: posting hours vs audience hours, content mix, key figures.

    Args:
        world: The world to explore.
        brand: Brand shown first (a name or ``"you"``); the first competitor when None.
        off_peak_threshold: Audience-online level below which a post counts as off-peak.

    Attributes:
        controls: ``brand`` and ``platform`` (dropdowns) and ``mix`` (rubric or format).
        summary: HTML line with the account's key figures.
        output: Where the charts are drawn.
        widget: The whole tool, to display.
    """

    def __init__(self, world: World, brand: str | None = None, off_peak_threshold: float = 1.0) -> None:
        self.world = world
        self.posts = mark_off_peak(world, world.posts, off_peak_threshold)
        self.accounts = world.accounts
        names = world.brands["name"].astype(str).tolist()
        first = names[1] if brand is None else names[world.brand_id(brand)]
        self.controls: dict[str, w.ValueWidget] = {
            "brand": w.Dropdown(options=names, value=first, description="brand"),
            "platform": w.Dropdown(options=self._platforms_of(first), description="platform"),
            "mix": w.ToggleButtons(options=list(MIX_CHOICES), value="rubric", description="mix by"),
        }
        self.summary = w.HTML()
        self.output = w.Output()
        self._busy = False
        self.controls["brand"].observe(self._on_brand, names="value")
        self.controls["platform"].observe(self._on_change, names="value")
        self.controls["mix"].observe(self._on_change, names="value")
        self.widget = w.VBox(
            [
                w.HBox([self.controls["brand"], self.controls["platform"]]),
                self.controls["mix"],
                self.summary,
                self.output,
            ]
        )
        self.refresh()

    def _platforms_of(self, name: str) -> list[str]:
        acc = self.accounts[self.accounts["brand"] == name]
        return [p for p in PLATFORMS if p in set(acc["platform"])]

    def _on_brand(self, change: dict) -> None:
        self._busy = True
        try:
            options = self._platforms_of(change["new"])
            current = self.controls["platform"].value
            self.controls["platform"].options = options
            self.controls["platform"].value = current if current in options else options[0]
        finally:
            self._busy = False
        self.refresh()

    def _on_change(self, _change: dict) -> None:
        if not self._busy:
            self.refresh()

    def account_posts(self) -> pd.DataFrame:
        """Return the selected account's posts (with ``audience_online`` and ``off_peak``).

        Returns:
            Rows of ``world.posts``.
        """
        c = self.controls
        p = self.posts
        return p[(p["brand"] == c["brand"].value) & (p["platform"] == c["platform"].value)]

    def hours_table(self) -> pd.DataFrame:
        """Return the selected account's posting hours next to its audience's online hours.

        Returns:
            See :func:`posting_hours`.
        """
        c = self.controls
        return posting_hours(self.world, c["brand"].value, c["platform"].value, self.posts)

    def mix_table(self) -> pd.Series:
        """Return the selected account's content mix by the chosen column (rubric or format).

        Returns:
            Share of posts (0..1) per rubric or format.
        """
        posts = self.account_posts()
        column = self.controls["mix"].value
        if posts.empty:
            return pd.Series(dtype=np.float64, name=column)
        return content_mix(posts, column).iloc[0].rename(column)

    def refresh(self) -> None:
        """Recompute the figures and redraw the charts for the current selection."""
        c = self.controls
        brand, platform = c["brand"].value, c["platform"].value
        posts = self.account_posts()
        hours = self.hours_table()
        followers = int(
            self.accounts.loc[
                (self.accounts["brand"] == brand) & (self.accounts["platform"] == platform), "followers"
            ].sum()
        )
        pname = PLATFORMS[platform].name
        if posts.empty:
            self.summary.value = (
                f"<b>{brand}</b> on <b>{pname}</b>: {followers:,} followers, no posts in the history."
            )
        else:
            weeks = self.world.history_days / 7
            er_f = engagement_rate(posts, "followers", by=None)
            er_r = engagement_rate(posts, "reach", by=None)
            post_peak = int(hours["posts_share"].idxmax())
            audience_peak = int(hours["audience_online"].idxmax())
            self.summary.value = (
                f"<b>{brand}</b> on <b>{pname}</b>: {followers:,} followers · {len(posts)} posts "
                f"({len(posts) / weeks:.1f} a week) · most posts at {post_peak:02d}:00, "
                f"followers most online at {audience_peak:02d}:00 · "
                f"{posts['off_peak'].mean():.0%} of posts at below-average hours · "
                f"engagement rate per post {er_f:.2%} by followers, {er_r:.2%} by reach"
            )
        self.output.clear_output(wait=True)
        with self.output:
            fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 3.4), width_ratios=(3, 2))
            plot_posting_hours(hours, f"{brand} on {pname}: posting hours vs followers online", ax=ax1)
            mix = self.mix_table()
            if len(mix):
                share_bars(mix[mix > 0], f"Content mix by {c['mix'].value}", "share of posts (%)", ax=ax2)
            else:
                ax2.set_axis_off()
            fig.tight_layout()
            plt.show()
            plt.close(fig)

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)
