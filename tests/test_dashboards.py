"""The KPI dashboard figure, the budget rules and alerts, and the dashboard week selector."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from sandbox import adjustments, reporting  # noqa: E402
from sandbox.dashboard_widgets import DashboardViewer  # noqa: E402
from sandbox.dashboards import PANELS, find_axes, kpi_dashboard, plotted_values  # noqa: E402
from sandbox.errors import SandboxInputError  # noqa: E402


def _daily(days: int = 21) -> pd.DataFrame:
    rng = np.random.default_rng(4)
    reach = rng.integers(500, 2000, days)
    post_reach = (reach * 0.6).astype(int)
    follows = rng.integers(0, 20, days)
    unfollows = rng.integers(0, 25, days)
    clicks = rng.integers(5, 40, days)
    regs = rng.integers(0, 5, days)
    spend = np.round(rng.uniform(10, 60, days), 2)
    d = pd.DataFrame(
        {
            "date": pd.date_range("2026-03-02", periods=days),
            "reach": reach,
            "impressions": reach * 2,
            "post_reach": post_reach,
            "post_engagements": (post_reach * 0.03).astype(int),
            "clicks": clicks,
            "follows": follows,
            "unfollows": unfollows,
            "net_followers": follows - unfollows,
            "followers": 1000 + np.cumsum(follows - unfollows),
            "registrations": regs,
            "purchases": regs // 2,
            "revenue": (regs // 2) * 40.0,
            "spend": spend,
        }
    )
    d["er_reach"] = d["post_engagements"] / d["post_reach"]
    return d


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_dashboard_has_one_titled_labelled_panel_per_kpi():
    weekly = reporting.weekly_results(_daily())
    fig = kpi_dashboard(weekly, title="March")
    assert len(fig.axes) == len(PANELS) == 6
    assert fig._suptitle.get_text() == "March"
    for ax, panel in zip(fig.axes, PANELS, strict=True):
        assert ax.get_title() == panel.title
        assert ax.get_xlabel() == "week"
        assert ax.get_ylabel()
        values = plotted_values(ax)
        assert np.allclose(values, weekly[panel.columns[0]].to_numpy(dtype=float) * panel.scale)
    er = find_axes(fig, "engagement rate")
    assert "by reach" in er.get_title() and "%" in er.get_ylabel()
    assert len(find_axes(fig, "conversions").lines) == 2
    assert find_axes(fig, "no such panel") is None


def test_dashboard_per_day_and_highlight():
    daily = _daily(14)
    fig = kpi_dashboard(daily, highlight="2026-03-05")
    spend = find_axes(fig, "spend")
    assert spend.get_xlabel() == "date"
    assert np.allclose(plotted_values(spend), daily["spend"])
    assert len(spend.patches) == len(daily) + 1  # the bars and the shaded day
    weekly = reporting.weekly_results(daily)
    fig = kpi_dashboard(weekly, highlight=2)
    reach = find_axes(fig, "reach")
    assert len(reach.patches) == 1  # the shaded week behind the line


def test_dashboard_names_the_missing_column():
    with pytest.raises(SandboxInputError, match="er_reach"):
        kpi_dashboard(_daily().drop(columns="er_reach"))
    with pytest.raises(SandboxInputError):
        kpi_dashboard(pd.DataFrame({"x": [1]}))


def _channels(romi: list[float], cost: list[float]) -> pd.DataFrame:
    names = ["organic", "contest", "ads", "influencer", "cross_promo"][: len(romi)]
    return pd.DataFrame({"channel": names, "cost": cost, "romi": romi})


def test_budget_rules_cut_keep_grow_and_keep_the_total():
    t = adjustments.next_month_budget(_channels([-0.9, -0.2, 0.4, 1.2, np.nan], [100, 50, 200, 100, 0]))
    d = t.set_index("channel")
    assert list(d["decision"]) == ["cut", "keep", "grow", "grow", "no spend"]
    assert d.loc["organic", "next_budget"] == 50
    assert d.loc["contest", "next_budget"] == 50
    # the 50 cut is shared by the growing channels in proportion to their cost (200:100)
    assert d.loc["ads", "next_budget"] == pytest.approx(200 + 50 * 2 / 3, abs=0.01)
    assert d.loc["influencer", "next_budget"] == pytest.approx(100 + 50 / 3, abs=0.01)
    assert t["next_budget"].sum() == pytest.approx(t["cost"].sum(), abs=0.02)
    assert "below -0.50" in d.loc["organic", "reason"]


def test_budget_rules_when_nothing_pays_back_the_best_gets_the_cuts():
    t = adjustments.next_month_budget(
        _channels([-0.9, -0.95, -0.6, -0.99], [100, 40, 300, 60]), cut_share=0.5
    )
    d = t.set_index("channel")
    assert d.loc["ads", "decision"] == "grow"
    assert d.loc["ads", "next_budget"] == pytest.approx(300 + 50 + 20 + 30)
    assert "best of the paid channels" in d.loc["ads", "reason"]
    assert t["next_budget"].sum() == pytest.approx(t["cost"].sum())


@pytest.mark.parametrize(
    ("kwargs", "parameter"),
    [
        ({"cut_share": 1.5}, "cut_share"),
        ({"cut_below": "low"}, "cut_below"),
        ({"grow_above": -0.9}, "grow_above"),
    ],
)
def test_budget_rules_are_checked(kwargs, parameter):
    with pytest.raises(SandboxInputError) as err:
        adjustments.next_month_budget(_channels([0.1, 0.2], [10, 10]), **kwargs)
    assert err.value.parameter == parameter


def test_kpi_alerts_fire_on_stated_rules():
    weekly = pd.DataFrame(
        {
            "week": [1, 2, 3],
            "reach": [1000, 800, 790],
            "er_reach": [0.05, 0.035, 0.036],
            "cost_per_registration": [10.0, 12.0, 20.0],
            "net_followers": [5, -3, 2],
        }
    )
    alerts = adjustments.kpi_alerts(weekly)
    fired = set(zip(alerts["week"], alerts["kpi"], strict=True))
    assert fired == {(2, "reach"), (2, "er_reach"), (2, "net_followers"), (3, "cost_per_registration")}
    assert alerts["action"].str.len().min() > 10
    assert adjustments.kpi_alerts(weekly, reach_drop=0.5, er_drop=0.5, cost_rise=1.0)["kpi"].tolist() == [
        "net_followers"
    ]


def test_viewer_week_slider_and_view_toggle():
    daily = _daily(28)
    viewer = DashboardViewer(daily, margin=0.5)
    assert viewer.controls["week"].max == 4 and viewer.controls["week"].value == 4
    viewer.controls["week"].value = 2
    t = viewer.week_table
    w = viewer.weekly.set_index("week")
    assert t.loc["reach", "this_week"] == w.loc[2, "reach"]
    assert t.loc["reach", "previous_week"] == w.loc[1, "reach"]
    assert "Week 2 against the week before" in viewer.table.value
    assert (viewer.alerts["week"] == 2).all()
    viewer.controls["view"].value = "per day"
    days = viewer.week_days()
    assert len(days) == 7 and days["date"].min() == pd.Timestamp("2026-03-09")
    fig = viewer.figure()
    assert find_axes(fig, "reach").get_xlabel() == "date"
    with pytest.raises(SandboxInputError):
        DashboardViewer(pd.DataFrame({"x": [1]}))
