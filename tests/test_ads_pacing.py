"""Budgets, pacing, bids: the rules a learner's spend must follow, and how results respond."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from sandbox import World
from sandbox.ads import AdsManager, Creative, Targeting
from sandbox.ads.pacing import daily_cap, hour_cutoff, lifetime_cap
from sandbox.params import DAILY_OVERSPEND, LEARNING_EVENTS

START = pd.Timestamp("2026-03-02")  # a Monday: the world's default start date


@pytest.fixture(scope="module")
def world() -> World:
    return World(seed=5, size=20_000)


def _spec(world: World, **kw) -> Targeting:
    panel = AdsManager(world).panel
    base = {"platforms": ["pixa"], "cities": [panel.brand_city], "interests": ["coffee", "food"]}
    base.update(kw)
    return Targeting(**base)


def _run(world: World, objective: str = "traffic", creative: Creative | None = None, **ad_set):
    ads = AdsManager(world)
    camp = ads.create_campaign("c", objective=objective)
    targeting = ad_set.pop("targeting", None) or _spec(world)
    aset = camp.create_ad_set("s", targeting, **ad_set)
    aset.create_ad("a", creative or Creative(format="image", headline="Fresh today", visual_fit=0.7))
    return ads.run()


def test_daily_budget_never_overspends_a_day_by_more_than_25_percent_nor_a_week_beyond_7x():
    """Every day <= 1.25 x budget and every calendar week (Mon-Sun) <= 7 x budget, on several worlds."""
    for seed in (1, 2, 3):
        w = World(seed=seed, size=4_000)
        # a narrow, warm-ish audience and a big budget push pacing to its limits
        res = _run(w, daily_budget=40.0, start="2026-03-04", end="2026-04-12")
        daily = res.daily
        assert (daily["spend"] <= 40.0 * (1 + DAILY_OVERSPEND) + 1e-6).all()
        weeks = daily.groupby(daily["date"].dt.isocalendar().week)["spend"].sum()
        assert (weeks <= 7 * 40.0 + 1e-6).all(), weeks
        assert daily["spend"].max() > 40.0, "pacing should use the 25% allowance on good days"


def test_weekly_cap_binds_when_days_overspend(world):
    """When good days overspend, the week's last days are trimmed so the week stays within 7 x."""
    res = _run(world, daily_budget=30.0, end="2026-03-29")
    d = res.daily
    weeks = d.groupby(d["date"].dt.isocalendar().week)["spend"].sum()
    assert (weeks <= 210.0 + 1e-6).all()
    assert (weeks > 0.9 * 210.0).all(), "a deliverable audience should spend close to the weekly limit"
    f = res.explain("s").factors
    trimmed = f[f["cap"] < 30.0 * (1 + DAILY_OVERSPEND) - 1e-6]
    assert len(trimmed) > 0, "some day's cap should have been lowered by the weekly rule"
    assert (trimmed["spend"] <= trimmed["cap"] + 1e-9).all()


def test_lifetime_budget_is_never_exceeded_and_is_paced_over_the_flight(world):
    """$250 over 5 days: total <= $250, spread over every day, no day above 2x an even share."""
    res = _run(world, lifetime_budget=250.0, start="2026-03-03", end="2026-03-07")
    d = res.daily
    assert len(d) == 5
    assert d["spend"].sum() <= 250.0 + 1e-6
    assert d["spend"].sum() > 0.95 * 250.0
    assert (d["spend"] > 0.3 * 50.0).all(), d["spend"].tolist()
    assert (d["spend"] < 2 * 50.0 + 1e-6).all()


def test_lifetime_budget_with_hour_schedule_delivers_only_in_those_hours(world):
    res = _run(world, lifetime_budget=300.0, end="2026-03-10", hours=range(9, 18))
    hourly = res.hourly
    outside = hourly[~hourly["hour"].between(9, 17)]
    inside = hourly[hourly["hour"].between(9, 17)]
    assert outside["impressions"].sum() == 0 and outside["spend"].sum() == 0
    assert inside["impressions"].sum() > 0
    assert res.daily["spend"].sum() <= 300.0 + 1e-6
    # the hourly table adds up to the daily totals
    assert hourly["spend"].sum() == pytest.approx(res.daily["spend"].sum(), rel=1e-3)


def test_tiny_audience_cannot_spend_a_big_budget_and_explain_says_so(world):
    ads = AdsManager(world)
    visitors = ads.create_custom_audience("v30", "site_visitors", days=30)
    camp = ads.create_campaign("c", objective="traffic")
    aset = camp.create_ad_set(
        "tiny", _spec(world, interests=[], custom_audiences=[visitors]), daily_budget=500.0, end="2026-03-08"
    )
    aset.create_ad("a", Creative())
    res = ads.run()
    assert res.daily["spend"].max() < 500.0
    assert "too small" in str(res.explain("tiny"))


def test_day_cap_stops_delivery_within_the_day_and_is_never_exceeded():
    """Unit rules: the day's cap, the week's rest, the lifetime share, the hour cut-off."""
    assert daily_cap(100.0, 0.0) == pytest.approx(125.0)
    assert daily_cap(100.0, 650.0) == pytest.approx(50.0)
    assert daily_cap(100.0, 700.0) == 0.0
    assert lifetime_cap(250.0, 5) == pytest.approx(100.0)
    assert lifetime_cap(40.0, 1) == pytest.approx(40.0)
    keep, hour = hour_cutoff(np.full(24, 10.0), 95.0)
    assert hour == 9
    assert np.dot(keep, np.full(24, 10.0)) == pytest.approx(95.0)
    assert (keep[10:] == 0).all() and (keep[:9] == 1).all()
    keep, hour = hour_cutoff(np.full(24, 1.0), 95.0)
    assert hour is None and (keep == 1).all()


def test_raising_a_bid_cap_never_lowers_auctions_won():
    """Auctions won grow (weakly) with the bid cap, averaged over seeds; no cap is the top."""
    caps = (0.4, 0.8, 1.6, 3.2)
    totals = np.zeros(len(caps) + 1)
    for seed in (11, 12):
        w = World(seed=seed, size=6_000)
        won = []
        for cap in caps:
            won.append(_run(w, daily_budget=40.0, end="2026-03-15", bid_cap=cap).daily["auctions_won"].sum())
        won.append(_run(w, daily_budget=40.0, end="2026-03-15").daily["auctions_won"].sum())
        assert all(b >= a for a, b in zip(won, won[1:], strict=False)), won
        totals += won
    assert totals[0] < totals[-1]


def test_doubling_the_budget_raises_results_with_diminishing_returns():
    """Link clicks rise with the budget but by less than the budget does (averaged over seeds)."""
    budgets = (15.0, 30.0, 60.0, 120.0)
    clicks = np.zeros(len(budgets))
    for seed in (21, 22, 23):
        w = World(seed=seed, size=6_000)
        clicks += [_run(w, daily_budget=b, end="2026-03-22").ad_sets["clicks"].iloc[0] for b in budgets]
    per_dollar = clicks / np.array(budgets)
    assert (np.diff(clicks) > 0).all(), clicks
    assert (np.diff(per_dollar) < 0).all(), per_dollar


def test_learning_phase_ends_after_about_50_events_and_restarts_on_a_big_budget_change(world):
    res = _run(world, daily_budget=30.0, end="2026-03-22", budget_changes={"2026-03-12": 45.0})
    row = res.ad_sets.iloc[0]
    assert row["learning_restarts"] == 1
    d = res.daily.set_index("date")
    assert d.loc["2026-03-12", "learning"] == "learning"
    # learning ended (again) once the clicks since the restart reached the threshold
    ended = row["learning_ended"]
    assert ended >= pd.Timestamp("2026-03-12")
    since = d.loc["2026-03-12":ended, "clicks"]
    assert since.sum() >= LEARNING_EVENTS
    assert since.iloc[:-1].sum() < LEARNING_EVENTS
    # a change under 20% does not restart it
    small = _run(world, daily_budget=30.0, end="2026-03-22", budget_changes={"2026-03-12": 33.0})
    assert small.ad_sets["learning_restarts"].iloc[0] == 0


def test_leads_campaign_too_small_for_50_events_stays_learning_limited(world):
    res = _run(world, objective="leads", daily_budget=5.0, end="2026-03-22")
    assert res.daily["learning"].iloc[-1] == "learning limited"
    assert "learning limited" in str(res.explain("s"))


def test_pacing_rules_hold_for_random_budgets_flights_and_budget_changes():
    """Random daily and lifetime ad sets: no day above 125%, no week above 7 x, no lifetime overrun."""
    w = World(seed=41, size=3_000)
    rng = np.random.default_rng(2026)  # the test's own choice of cases
    panel = AdsManager(w).panel
    for case in range(8):
        ads = AdsManager(w)
        camp = ads.create_campaign("c", objective=str(rng.choice(["reach", "traffic", "leads", "sales"])))
        start = START + pd.Timedelta(days=int(rng.integers(0, 10)))
        end = start + pd.Timedelta(days=int(rng.integers(1, 30)))
        spec = Targeting(platforms=[str(rng.choice(["pixa", "circles", "loop"]))], cities=[panel.brand_city])
        if case % 2 == 0:
            budget = float(rng.uniform(3, 150))
            change_day = start + pd.Timedelta(days=int(rng.integers(1, 40)))
            changes = {change_day: float(rng.uniform(3, 150))} if change_day <= end else {}
            aset = camp.create_ad_set(
                "s", spec, daily_budget=budget, start=start, end=end, budget_changes=changes
            )
        else:
            budget = float(rng.uniform(20, 800))
            hours = sorted(rng.choice(24, size=int(rng.integers(3, 24)), replace=False).tolist())
            aset = camp.create_ad_set("s", spec, lifetime_budget=budget, start=start, end=end, hours=hours)
        aset.create_ad("a", Creative(format="short_video" if "loop" in spec.platforms else "image"))
        daily = ads.run().daily
        if case % 2 == 0:
            assert (daily["spend"] <= daily["budget"] * (1 + DAILY_OVERSPEND) + 1e-6).all()
            for _, week in daily.groupby(daily["date"].dt.isocalendar().week):
                # a day that spends keeps the week so far within 7 x the budget in effect that day
                to_date = week["spend"].cumsum()
                spends = week["spend"] > 0
                assert (to_date[spends] <= 7 * week["budget"][spends] + 1e-6).all(), week
                if week["budget"].nunique() == 1:
                    assert week["spend"].sum() <= 7 * week["budget"].iloc[0] + 1e-6
        else:
            assert daily["spend"].sum() <= budget + 1e-6
            assert len(daily) == (end - start).days + 1
