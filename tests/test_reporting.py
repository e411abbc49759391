"""A month of marketing, results per day and week, the week's KPI table and the HTML report."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from sandbox import NICHES, World, reporting  # noqa: E402
from sandbox.errors import SandboxInputError  # noqa: E402
from sandbox.scenarios import run_month  # noqa: E402


@pytest.fixture(scope="module")
def world():
    return World(seed=21, niche="fitness_studio", size=2_500)


@pytest.fixture(scope="module")
def month(world):
    return run_month(world)


@pytest.fixture(scope="module")
def daily(world, month):
    return reporting.daily_results(world, month.plan, month.ads, month.deals, month.costs)


@pytest.fixture(scope="module")
def weekly(daily, world):
    return reporting.weekly_results(daily, margin=NICHES[world.niche].margin)


def test_month_has_every_channel_and_is_cached(world, month):
    channels = set(month.attribution.channels["channel"])
    assert {"organic", "ads", "influencer", "cross_promo"} <= channels
    assert run_month(world) is month
    assert month.days == 28
    dates = pd.to_datetime(month.deals.deals["date"])
    assert (dates >= world.start_date).all() and (dates < world.start_date + pd.Timedelta(days=28)).all()
    assert month.ads.daily["date"].max() <= world.start_date + pd.Timedelta(days=27)
    assert "registrations" in repr(month)


def test_month_is_the_same_in_a_rebuilt_world(month):
    again = run_month(World(seed=21, niche="fitness_studio", size=2_500))
    pd.testing.assert_frame_equal(again.attribution.channels, month.attribution.channels)


@pytest.mark.parametrize("weeks", [0, 9, 2.5, "4"])
def test_month_length_is_checked(world, weeks):
    with pytest.raises(SandboxInputError) as err:
        run_month(world, weeks=weeks)
    assert err.value.parameter == "weeks"


def test_channel_daily_adds_up_to_the_channel_table(world, month):
    per = reporting.channel_daily(world, month.plan, month.ads, month.deals, month.costs)
    totals = per.groupby("channel")[["cost", "clicks", "registrations", "purchases"]].sum()
    channels = month.attribution.channels.set_index("channel")
    for ch in totals.index:
        assert totals.loc[ch, "cost"] == pytest.approx(channels.loc[ch, "cost"], abs=0.01)
        assert totals.loc[ch, "clicks"] == channels.loc[ch, "clicks"]
        # conversions after the last day (purchase delays) belong to the channel table only
        assert totals.loc[ch, "registrations"] <= channels.loc[ch, "registrations"]
        assert totals.loc[ch, "purchases"] <= channels.loc[ch, "purchases"]
    assert list(per.columns) == list(reporting.CHANNEL_DAILY_COLUMNS)


def test_daily_results_one_row_per_day_with_rates_from_the_day(daily, month, world):
    assert len(daily) == 28
    assert daily["date"].is_monotonic_increasing
    assert daily["spend"].sum() == pytest.approx(month.attribution.channels["cost"].sum(), abs=0.01)
    posted = daily["post_reach"] > 0
    assert np.allclose(
        daily.loc[posted, "er_reach"], daily.loc[posted, "post_engagements"] / daily.loc[posted, "post_reach"]
    )
    assert daily.loc[~posted, "er_reach"].isna().all()
    start = int(world.accounts.query("brand_id == 0")["followers"].sum())
    assert daily["followers"].iloc[-1] == start + daily["net_followers"].sum()
    assert list(daily.columns) == list(reporting.DAILY_RESULT_COLUMNS)


def test_weekly_results_sum_the_days_and_recompute_rates(daily, weekly):
    assert list(weekly["week"]) == [1, 2, 3, 4]
    for col in ("reach", "clicks", "registrations", "spend", "net_followers"):
        assert weekly[col].sum() == pytest.approx(daily[col].sum())
    w2 = weekly.set_index("week").loc[2]
    assert w2["er_reach"] == pytest.approx(w2["post_engagements"] / w2["post_reach"])
    assert w2["cost_per_registration"] == pytest.approx(w2["spend"] / w2["registrations"])
    assert w2["followers_start"] == weekly.set_index("week").loc[1, "followers"]
    assert "romi" in weekly.columns


def test_weekly_rates_are_not_averages_of_daily_rates():
    toy = pd.DataFrame(
        {
            "date": pd.date_range("2026-03-02", periods=7),
            "post_reach": [1000, 10, 0, 0, 0, 0, 0],
            "post_engagements": [10, 5, 0, 0, 0, 0, 0],
        }
    )
    week = reporting.weekly_results(toy)
    assert week["er_reach"].iloc[0] == pytest.approx(15 / 1010)  # the mean of 1% and 50% would be 25.5%


def test_weekly_results_start_and_errors():
    toy = pd.DataFrame(
        {"date": pd.date_range("2026-03-01", periods=10), "clicks": range(10), "impressions": 100}
    )
    week = reporting.weekly_results(toy, start="2026-03-02")
    assert list(week["week"]) == [1, 2] and week["clicks"].tolist() == [sum(range(1, 8)), 8 + 9]
    with pytest.raises(SandboxInputError):
        reporting.weekly_results(pd.DataFrame({"day": [1]}))


def test_week_kpi_table_compares_with_the_week_before(weekly):
    t = reporting.week_kpi_table(weekly, 3)
    w = weekly.set_index("week")
    assert t.loc["reach", "this_week"] == w.loc[3, "reach"]
    assert t.loc["reach", "previous_week"] == w.loc[2, "reach"]
    assert t.loc["reach", "change"] == pytest.approx(w.loc[3, "reach"] / w.loc[2, "reach"] - 1)
    assert "by reach" in t.loc["er_reach", "kpi"]
    first = reporting.week_kpi_table(weekly, 1)
    assert first["previous_week"].isna().all() and first["change"].isna().all()
    assert reporting.week_kpi_table(weekly).equals(reporting.week_kpi_table(weekly, 4))
    with pytest.raises(SandboxInputError) as err:
        reporting.week_kpi_table(weekly, 9)
    assert err.value.parameter == "week"


def test_format_kpi_units():
    assert reporting.format_kpi("er_reach", 0.0345) == "3.45%"
    assert reporting.format_kpi("spend", 1234.5) == "$1,234.50"
    assert reporting.format_kpi("reach", 12345.0) == "12,345"
    assert reporting.format_kpi("roas", float("nan")) == "—"


def test_weekly_report_html_exists_and_holds_the_kpi_table(tmp_path, weekly, month):
    notes = ["Move 20% of the influencer budget to retargeting"]
    path = reporting.write_weekly_report(
        tmp_path / "reports" / "week-2.html", weekly, week=2, channels=month.attribution.channels, notes=notes
    )
    assert path.exists() and path.stat().st_size > 10_000
    html = path.read_text(encoding="utf-8")
    assert 'id="kpi-table"' in html and 'id="channel-table"' in html
    table = reporting.formatted_kpi_table(reporting.week_kpi_table(weekly, 2))
    for label, value in zip(table["KPI"], table["this week"], strict=True):
        assert label in html
        assert value.replace("$", "") in html
    assert "data:image/png;base64" in html  # the dashboard is embedded, the file stands alone
    assert notes[0] in html
    assert "Weekly report: week 2" in html
    # inputs are hidden: the code cells' comments do not show
    assert "# KPI table" not in html


def test_report_notebook_is_valid_and_path_is_checked(tmp_path, weekly):
    import nbformat

    nb = reporting.report_notebook(weekly, week=1, title="Spring report")
    nbformat.validate(nb)
    assert nb.cells[0].source.startswith("# Spring report")
    with pytest.raises(SandboxInputError) as err:
        reporting.export_html(nb, tmp_path / "report.pdf")
    assert err.value.parameter == "path"
