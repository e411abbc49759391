"""Results per day and per week across channels, a week's KPI table, and a weekly report in HTML.

Every channel's results (organic posts and contests from ``World.run_plan``, ads from
``AdsManager.run``, influencer deals and post swaps from ``run_deals``) become one table with
a row per day and channel (``channel_daily``), then one row per day (``daily_results``) and
one row per week (``weekly_results``); rates are always computed from the sums, never averaged.
``write_weekly_report`` builds a small report notebook (headline, KPI table, dashboard,
channel table, notes) and writes it as HTML with nbconvert's ``HTMLExporter``::

    from sandbox import reporting
    from sandbox.scenarios import run_month

    month = run_month(world)
    daily = reporting.daily_results(world, month.plan, month.ads, month.deals, month.costs)
    weekly = reporting.weekly_results(daily)
    reporting.week_kpi_table(weekly, week=2)
    reporting.write_weekly_report("reports/week-2.html", weekly, week=2, channels=month.attribution.channels)
"""

from __future__ import annotations

import base64
import io
from collections.abc import Mapping, Sequence
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .errors import SandboxInputError, check_positive_int

if TYPE_CHECKING:
    from nbformat.notebooknode import NotebookNode

    from .ads import AdsResults, DealResults
    from .plan import PlanResult
    from .world import World

CHANNEL_DAILY_COLUMNS: dict[str, str] = {
    "date": "the day",
    "channel": "organic, contest, ads, influencer or cross_promo",
    "reach": "people reached that day (per channel; summed over posts, ad sets or deals)",
    "impressions": "views",
    "engagements": "likes, comments, shares and saves (your posts; influencer posts for deals; 0 for ads)",
    "clicks": "link clicks",
    "follows": "new followers of your brand (bots included)",
    "unfollows": "followers lost",
    "registrations": "registrations that happened that day, attributed to the channel (last click)",
    "purchases": "purchases that happened that day, attributed to the channel",
    "revenue": "revenue of those purchases, USD",
    "cost": "spend that day: ad spend, deal prices on the deal's day, extra costs spread evenly, USD",
}
"""Columns of ``channel_daily``."""

DAILY_RESULT_COLUMNS: dict[str, str] = {
    "date": "the day (one row per day of the period)",
    "reach": "people reached by every channel, summed (a person reached twice counts twice)",
    "impressions": "views, every channel",
    "post_reach": "reach of your own posts (organic and contest): the engagement rate's denominator",
    "post_engagements": "engagements on your own posts",
    "er_reach": "post_engagements / post_reach: engagement rate BY REACH of your posts",
    "clicks": "link clicks, every channel",
    "ctr": "clicks / impressions",
    "follows": "new followers (bots included), every channel",
    "unfollows": "followers lost",
    "net_followers": "follows - unfollows",
    "followers": "your followers at the end of the day, all platforms",
    "registrations": "registrations that day",
    "purchases": "purchases that day",
    "revenue": "revenue that day, USD",
    "spend": "money spent that day, every channel, USD",
    "cost_per_registration": "spend / registrations, USD (NaN without registrations)",
}
"""Columns of ``daily_results`` (``weekly_results`` has the same per week, plus ``week``,
``week_start``, ``followers_start``, ``follower_growth``, ``cpa``, ``roas`` and, given a margin, ``romi``)."""

KPI_LABELS: dict[str, str] = {
    "reach": "Reach (people, all channels)",
    "post_reach": "Reach of your posts (people)",
    "er_reach": "Engagement rate by reach (your posts)",
    "net_followers": "Net new followers",
    "follower_growth": "Follower growth (net / followers at start)",
    "clicks": "Link clicks",
    "ctr": "CTR (clicks / impressions)",
    "registrations": "Registrations",
    "purchases": "Purchases",
    "revenue": "Revenue (USD)",
    "spend": "Spend (USD)",
    "cost_per_registration": "Cost per registration (USD)",
    "roas": "ROAS (revenue / spend)",
}
"""The KPIs of the weekly KPI table, with their labels (units and denominators)."""

_SUMS = ("reach", "impressions", "engagements", "clicks", "follows", "unfollows")
_RATES = {"er_reach", "ctr", "follower_growth", "roas"}


def _div(a: pd.Series | np.ndarray, b: pd.Series | np.ndarray) -> np.ndarray:
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(b > 0, a / np.where(b > 0, b, 1.0), np.nan)


def channel_daily(
    world: World,
    plan: PlanResult | None = None,
    ads: AdsResults | None = None,
    deals: DealResults | None = None,
    costs: Mapping[str, float] | None = None,
    days: int = 28,
) -> pd.DataFrame:
    """Return one row per day and channel with reach, engagements, clicks, follows, conversions and cost.

    Args:
        world: The world the results come from.
        plan: A ``PlanResult`` (channels ``organic`` and ``contest``).
        ads: An ``AdsResults`` (channel ``ads``).
        deals: A ``DealResults`` (channels ``influencer`` and ``cross_promo``).
        costs: Extra costs per channel for the whole period, USD (spread evenly over the days).
        days: Length of the period from ``world.start_date``.

    Returns:
        Columns ``CHANNEL_DAILY_COLUMNS``, sorted by date and channel; a day without activity
        in a channel has no row.

    Raises:
        SandboxInputError: If no results are given or ``days`` is not a positive whole number.
    """
    from .ads import Attribution
    from .ads.funnel import CHANNELS

    days = check_positive_int("days", days)
    if plan is None and ads is None and deals is None:
        raise SandboxInputError("plan", "give at least one of plan=..., ads=..., deals=....")
    start = world.start_date
    dates = pd.date_range(start, periods=days, freq="D")
    parts = []
    if plan is not None:
        p = plan.posts
        parts.append(
            pd.DataFrame(
                {
                    "date": pd.DatetimeIndex(p["time"]).normalize(),
                    "channel": np.where(p["rubric"].astype(str) == "contest", "contest", "organic"),
                    **{c: p[c].to_numpy(dtype=np.int64) for c in _SUMS},
                    "cost": 0.0,
                }
            )
        )
    if ads is not None:
        a = ads.daily
        parts.append(
            pd.DataFrame(
                {
                    "date": pd.to_datetime(a["date"]),
                    "channel": "ads",
                    "reach": a["reach"].to_numpy(dtype=np.int64),
                    "impressions": a["impressions"].to_numpy(dtype=np.int64),
                    "engagements": 0,
                    "clicks": a["clicks"].to_numpy(dtype=np.int64),
                    "follows": 0,
                    "unfollows": 0,
                    "cost": a["spend"].to_numpy(dtype=np.float64),
                }
            )
        )
    if deals is not None:
        d = deals.deals
        parts.append(
            pd.DataFrame(
                {
                    "date": pd.to_datetime(d["date"]).dt.normalize(),
                    "channel": d["channel"].astype(str).to_numpy(),
                    **{c: d[c].to_numpy(dtype=np.int64) for c in _SUMS},
                    "cost": d["cost"].to_numpy(dtype=np.float64),
                }
            )
        )
    for ch, amount in (costs or {}).items():
        parts.append(
            pd.DataFrame(
                {"date": dates, "channel": ch, **dict.fromkeys(_SUMS, 0), "cost": float(amount) / days}
            )
        )
    table = pd.concat(parts, ignore_index=True)
    table = table[(table["date"] >= dates[0]) & (table["date"] <= dates[-1])]
    grouped = table.groupby(["date", "channel"])[[*_SUMS, "cost"]].sum()

    conv = Attribution(world, plan=plan, ads=ads, deals=deals, costs=costs).conversions
    conv = conv[(conv["date"] >= dates[0]) & (conv["date"] <= dates[-1])]
    events = (
        conv.assign(
            registrations=(conv["event"] == "registration").astype(np.int64),
            purchases=(conv["event"] == "purchase").astype(np.int64),
        )
        .groupby(["date", "channel"])[["registrations", "purchases", "revenue"]]
        .sum()
    )
    out = grouped.join(events, how="outer").fillna(0)
    out = out.reset_index()
    order = {c: i for i, c in enumerate(CHANNELS)}
    out["_o"] = out["channel"].map(order).fillna(len(order))
    out = out.sort_values(["date", "_o"], kind="stable").drop(columns="_o")
    for c in (*_SUMS, "registrations", "purchases"):
        out[c] = out[c].astype(np.int64)
    out["channel"] = out["channel"].astype("str")
    out["cost"] = out["cost"].astype(np.float64)
    out["revenue"] = out["revenue"].astype(np.float64)
    return out[list(CHANNEL_DAILY_COLUMNS)].reset_index(drop=True)


def daily_results(
    world: World,
    plan: PlanResult | None = None,
    ads: AdsResults | None = None,
    deals: DealResults | None = None,
    costs: Mapping[str, float] | None = None,
    days: int = 28,
) -> pd.DataFrame:
    """Return one row per day of the period with every channel's results and the day's KPIs.

    Args:
        world: The world the results come from.
        plan: A ``PlanResult``.
        ads: An ``AdsResults``.
        deals: A ``DealResults``.
        costs: Extra costs per channel for the whole period, USD.
        days: Length of the period from ``world.start_date``.

    Returns:
        Columns ``DAILY_RESULT_COLUMNS``, one row per day (days without activity are zeros).
    """
    per = channel_daily(world, plan, ads, deals, costs, days)
    dates = pd.date_range(world.start_date, periods=days, freq="D", name="date")
    cols = [*_SUMS, "registrations", "purchases", "revenue", "cost"]
    total = per.groupby("date")[cols].sum().reindex(dates, fill_value=0)
    own = per[per["channel"].isin(["organic", "contest"])].groupby("date")[["reach", "engagements"]].sum()
    own = own.reindex(dates, fill_value=0)
    out = pd.DataFrame(index=dates)
    out["reach"] = total["reach"].astype(np.int64)
    out["impressions"] = total["impressions"].astype(np.int64)
    out["post_reach"] = own["reach"].astype(np.int64)
    out["post_engagements"] = own["engagements"].astype(np.int64)
    out["er_reach"] = _div(out["post_engagements"], out["post_reach"])
    out["clicks"] = total["clicks"].astype(np.int64)
    out["ctr"] = _div(out["clicks"], out["impressions"])
    out["follows"] = total["follows"].astype(np.int64)
    out["unfollows"] = total["unfollows"].astype(np.int64)
    out["net_followers"] = out["follows"] - out["unfollows"]
    mine = world.accounts
    start_followers = int(mine.loc[mine["brand_id"] == 0, "followers"].sum())
    out["followers"] = start_followers + out["net_followers"].cumsum()
    out["registrations"] = total["registrations"].astype(np.int64)
    out["purchases"] = total["purchases"].astype(np.int64)
    out["revenue"] = total["revenue"].astype(np.float64)
    out["spend"] = total["cost"].astype(np.float64)
    out["cost_per_registration"] = _div(out["spend"], out["registrations"])
    return out.reset_index()


def weekly_results(
    daily: pd.DataFrame, start: str | pd.Timestamp | None = None, margin: float | None = None
) -> pd.DataFrame:
    """Add up a daily table per week (7 days from ``start``) and recompute every rate from the sums.

    Args:
        daily: ``daily_results(...)`` (or any table with its columns).
        start: First day of week 1; None: the table's first date.
        margin: Gross margin share of your niche, to add ROMI = (revenue x margin - spend) / spend.

    Returns:
        One row per week: ``week`` (1, 2, ...), ``week_start``, the week's sums, ``followers_start``
        and ``followers`` (end of the week), and the rates ``er_reach`` (post engagements / post
        reach), ``ctr``, ``follower_growth`` (net followers / followers at the start),
        ``cost_per_registration``, ``cpa`` (spend / purchases), ``roas`` (revenue / spend) and
        ``romi`` when a margin is given.

    Raises:
        SandboxInputError: If the table has no ``date`` column.
    """
    if not isinstance(daily, pd.DataFrame) or "date" not in daily.columns:
        raise SandboxInputError("daily", "must be a DataFrame with a 'date' column, like daily_results(...).")
    d = daily.copy()
    d["date"] = pd.to_datetime(d["date"])
    first = pd.Timestamp(start).normalize() if start is not None else d["date"].min()
    d["week"] = (d["date"] - first).dt.days // 7 + 1
    d = d[d["week"] >= 1]
    sums = [
        c
        for c in (
            "reach",
            "impressions",
            "post_reach",
            "post_engagements",
            "clicks",
            "follows",
            "unfollows",
            "net_followers",
            "registrations",
            "purchases",
            "revenue",
            "spend",
        )
        if c in d.columns
    ]
    g = d.groupby("week")
    out = g[sums].sum()
    out.insert(0, "week_start", first + pd.to_timedelta((out.index.to_numpy() - 1) * 7, unit="D"))
    if "followers" in d.columns:
        last = g["followers"].last()
        first_row = g.head(1).set_index("week")
        out["followers_start"] = (first_row["followers"] - first_row.get("net_followers", 0)).astype(np.int64)
        out["followers"] = last.astype(np.int64)
        if "net_followers" in out.columns:
            out["follower_growth"] = _div(out["net_followers"], out["followers_start"])
    if {"post_engagements", "post_reach"} <= set(out.columns):
        out["er_reach"] = _div(out["post_engagements"], out["post_reach"])
    if {"clicks", "impressions"} <= set(out.columns):
        out["ctr"] = _div(out["clicks"], out["impressions"])
    if "spend" in out.columns:
        if "registrations" in out.columns:
            out["cost_per_registration"] = _div(out["spend"], out["registrations"])
        if "purchases" in out.columns:
            out["cpa"] = _div(out["spend"], out["purchases"])
        if "revenue" in out.columns:
            out["roas"] = _div(out["revenue"], out["spend"])
            if margin is not None:
                out["romi"] = _div(out["revenue"] * margin - out["spend"], out["spend"])
    return out.reset_index()


def week_kpi_table(weekly: pd.DataFrame, week: int | None = None) -> pd.DataFrame:
    """Return one week's KPIs next to the week before, with the change.

    Args:
        weekly: ``weekly_results(...)``.
        week: The week to report (1, 2, ...); None: the last week.

    Returns:
        One row per KPI of ``KPI_LABELS`` the table has (index: the KPI's slug) with
        ``kpi`` (its label), ``this_week``, ``previous_week`` (NaN for week 1) and
        ``change`` (relative change, e.g. 0.12 = +12%; NaN when the previous value is 0 or missing).

    Raises:
        SandboxInputError: If ``week`` is not one of the table's weeks.
    """
    weeks = [int(w) for w in weekly["week"]]
    if week is None:
        week = weeks[-1]
    if week not in weeks:
        raise SandboxInputError("week", f"no week {week!r}; the table has weeks {weeks[0]} to {weeks[-1]}.")
    t = weekly.set_index("week")
    this = t.loc[week]
    prev = t.loc[week - 1] if week - 1 in t.index else None
    rows = []
    for kpi, label in KPI_LABELS.items():
        if kpi not in t.columns:
            continue
        now = float(this[kpi])
        before = float(prev[kpi]) if prev is not None else np.nan
        change = (now - before) / abs(before) if before and not np.isnan(before) else np.nan
        rows.append(
            {"kpi_slug": kpi, "kpi": label, "this_week": now, "previous_week": before, "change": change}
        )
    out = pd.DataFrame(rows).set_index("kpi_slug")
    out.index.name = None
    out["kpi"] = out["kpi"].astype("str")
    return out


def format_kpi(kpi: str, value: float) -> str:
    """Return a KPI value as text for a report: rates in %, money in USD, counts with separators.

    Args:
        kpi: The KPI's slug (see ``KPI_LABELS``).
        value: Its value.

    Returns:
        The text ("—" for a missing value).
    """
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return "—"
    if kpi in ("er_reach", "ctr", "follower_growth"):
        return f"{value:.2%}"
    if kpi == "roas":
        return f"{value:.2f}"
    if kpi in ("revenue", "spend", "cost_per_registration"):
        return f"${value:,.2f}"
    return f"{value:,.0f}"


def formatted_kpi_table(table: pd.DataFrame) -> pd.DataFrame:
    """Return ``week_kpi_table(...)`` as text, ready to show or to put in a report.

    Args:
        table: ``week_kpi_table(...)``.

    Returns:
        Columns KPI, this week, previous week, change.
    """
    return pd.DataFrame(
        {
            "KPI": table["kpi"].to_numpy(),
            "this week": [format_kpi(k, v) for k, v in table["this_week"].items()],
            "previous week": [format_kpi(k, v) for k, v in table["previous_week"].items()],
            "change": ["—" if np.isnan(c) else f"{c:+.0%}" for c in table["change"]],
        }
    ).astype("str")


def _html_output(html: str) -> NotebookNode:
    import nbformat

    return nbformat.v4.new_output("display_data", data={"text/html": html, "text/plain": "(table)"})


def _png_output(fig: object) -> NotebookNode:
    import nbformat

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=90, bbox_inches="tight")
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    return nbformat.v4.new_output("display_data", data={"image/png": data, "text/plain": "(dashboard)"})


def report_notebook(
    weekly: pd.DataFrame,
    week: int | None = None,
    channels: pd.DataFrame | None = None,
    title: str | None = None,
    notes: Sequence[str] = (),
) -> NotebookNode:
    """Build a weekly report as a notebook whose outputs are already filled in (no kernel needed).

    Args:
        weekly: ``weekly_results(...)``.
        week: The week to report; None: the last week.
        channels: A channel table (``Attribution(...).channels``) to include, or None.
        title: The report's title; None: "Weekly report: week N".
        notes: Lines for a "What we change next" list (for example ``adjustments.kpi_alerts``).

    Returns:
        An nbformat v4 notebook: a headline, the KPI table (HTML ``id="kpi-table"``), the KPI
        dashboard with the week highlighted, the channel table (``id="channel-table"``) and
        the notes.
    """
    import matplotlib.pyplot as plt
    import nbformat  # imported here: it takes a second, and only reports need it

    from .dashboards import kpi_dashboard

    table = week_kpi_table(weekly, week)
    week = int(week if week is not None else weekly["week"].iloc[-1])
    row = weekly.set_index("week").loc[week]
    start = pd.Timestamp(row["week_start"])
    title = title or f"Weekly report: week {week}"
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
        "name": "python3",
    }
    nb.metadata["language_info"] = {"name": "python"}
    nb.cells.append(
        nbformat.v4.new_markdown_cell(
            f"# {escape(title)}\n\nWeek {week}: {start:%d %b %Y} to {start + pd.Timedelta(days=6):%d %b %Y}. "
            "Rates are computed from the week's totals; the engagement rate is by reach of your own posts."
        )
    )
    cell = nbformat.v4.new_code_cell("# KPI table")
    cell.outputs = [
        _html_output(
            formatted_kpi_table(table).to_html(index=False, border=0, table_id="kpi-table", escape=True)
        )
    ]
    nb.cells.append(nbformat.v4.new_markdown_cell("## KPIs this week"))
    nb.cells.append(cell)
    fig = kpi_dashboard(weekly, title=f"{title}: every week so far", highlight=week)
    cell = nbformat.v4.new_code_cell("# KPI dashboard")
    cell.outputs = [_png_output(fig)]
    plt.close(fig)
    nb.cells.append(nbformat.v4.new_markdown_cell("## Dashboard"))
    nb.cells.append(cell)
    if channels is not None:
        shown = channels.copy()
        for c in shown.columns:
            if shown[c].dtype.kind == "f":
                shown[c] = shown[c].round(2)
        cell = nbformat.v4.new_code_cell("# channel table")
        cell.outputs = [
            _html_output(shown.to_html(index=False, border=0, table_id="channel-table", na_rep="—"))
        ]
        nb.cells.append(nbformat.v4.new_markdown_cell("## Which channel paid off (whole period, last click)"))
        nb.cells.append(cell)
    if notes:
        items = "\n".join(f"- {escape(str(n))}" for n in notes)
        nb.cells.append(nbformat.v4.new_markdown_cell(f"## What we change next\n\n{items}"))
    nbformat.validate(nb)
    return nb


def export_html(nb: NotebookNode, path: str | Path) -> Path:
    """Write a notebook as a standalone HTML page with nbconvert's ``HTMLExporter`` (inputs hidden).

    Args:
        nb: The notebook (e.g. ``report_notebook(...)``).
        path: Where to write the ``.html`` file (folders are created).

    Returns:
        The path written.

    Raises:
        SandboxInputError: If the path does not end in ``.html``.
    """
    from nbconvert import HTMLExporter

    path = Path(path)
    if path.suffix.lower() != ".html":
        raise SandboxInputError("path", f"must end in .html, got {str(path)!r}.")
    exporter = HTMLExporter(template_name="lab", exclude_input=True, exclude_input_prompt=True)
    exporter.exclude_output_prompt = True
    body, _ = exporter.from_notebook_node(nb)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")
    return path


def write_weekly_report(
    path: str | Path,
    weekly: pd.DataFrame,
    week: int | None = None,
    channels: pd.DataFrame | None = None,
    title: str | None = None,
    notes: Sequence[str] = (),
) -> Path:
    """Build the weekly report (``report_notebook``) and write it as HTML (``export_html``).

    Args:
        path: Where to write the ``.html`` file.
        weekly: ``weekly_results(...)``.
        week: The week to report; None: the last week.
        channels: A channel table to include, or None.
        title: The report's title.
        notes: Lines for the "What we change next" list.

    Returns:
        The path written.
    """
    return export_html(report_notebook(weekly, week, channels, title, notes), path)
