"""Ad tests side by side (ads_trials) and budget arithmetic (ads_budget)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from sandbox import World
from sandbox.ads import Creative, Targeting
from sandbox.ads_budget import budget_for_goal, learning_budget, practice_charges, split_budget
from sandbox.ads_trials import (
    COMPARE_COLUMNS,
    compare_audiences,
    creative_test,
    ctr_difference,
    default_creative,
)
from sandbox.errors import SandboxInputError


@pytest.fixture(scope="module")
def world():
    return World(seed=21, niche="coffee_shop", size=3_000)


@pytest.fixture(scope="module")
def specs(world):
    city = world.brands["city"].iloc[0]
    return {
        "coffee": Targeting(platforms=["pixa"], cities=[city], interests=["coffee"]),
        "everyone": Targeting(platforms=["circles"], cities=[city]),
    }


@pytest.fixture(scope="module")
def table(world, specs):
    return compare_audiences(world, specs, daily_budget=20, days=7)


def test_compare_gives_one_row_per_audience_with_consistent_rates(table):
    assert list(table.index) == ["coffee", "everyone"]
    assert list(table.columns) == list(COMPARE_COLUMNS)
    for _, r in table.iterrows():
        assert r["spend"] > 0 and r["impressions"] > 0
        assert r["ctr"] == pytest.approx(r["clicks"] / r["impressions"])
        assert r["cpc"] == pytest.approx(r["spend"] / r["clicks"])
        assert r["cpm"] == pytest.approx(1000 * r["spend"] / r["impressions"])
        assert r["frequency"] == pytest.approx(r["impressions"] / r["reach"])
        assert r["landing_rate"] == pytest.approx(r["visits"] / r["clicks"])
        assert r["spend"] <= 7 * 20 + 1e-9  # a week never spends more than 7 daily budgets
    assert table.loc["coffee", "platforms"] == "pixa"


def test_each_audience_runs_alone(world, specs, table):
    """Running one audience by itself gives exactly its row: the others did not share its auctions."""
    alone = compare_audiences(world, {"coffee": specs["coffee"]}, daily_budget=20, days=7)
    pd.testing.assert_series_equal(alone.loc["coffee"], table.loc["coffee"])


def test_compare_rejects_bad_input(world, specs):
    with pytest.raises(SandboxInputError, match="specs"):
        compare_audiences(world, {})
    with pytest.raises(SandboxInputError, match="objective"):
        compare_audiences(world, specs, objective="likes")
    with pytest.raises(SandboxInputError, match="days"):
        compare_audiences(world, specs, days=0)
    with pytest.raises(SandboxInputError, match="days"):
        compare_audiences(world, specs, days=400)


def test_default_creative_runs_everywhere_it_can():
    assert default_creative(["pixa", "circles"]).format == "image"
    assert default_creative(["loop"]).format == "carousel"
    assert default_creative(["beacon"]).format == "text"
    for p in ("pixa", "circles", "chirp", "loop", "beacon", "linkup"):
        default_creative([p]).check_platform(p)
    with pytest.raises(SandboxInputError, match="creative"):
        default_creative(["beacon", "loop"])
    assert isinstance(default_creative(["pixa"]), Creative)


def test_creative_test_is_a_fair_split(world, specs):
    creatives = {
        "A plain": Creative(format="image", text_length=90, visual_fit=0.3),
        "B strong": Creative(format="image", text_length=90, headline="Two for one", visual_fit=0.9),
    }
    res = creative_test(world, specs["coffee"], creatives, daily_budget=20, days=10)
    sets = res.ad_sets.set_index("ad_set")
    assert list(sets.index) == ["A plain", "B strong"]
    assert sets.loc["B strong", "ctr"] > sets.loc["A plain", "ctr"]
    ratio = sets.loc["B strong", "impressions"] / sets.loc["A plain", "impressions"]
    assert 0.7 < ratio < 1.6  # the same budget buys a comparable share of the same audience
    assert abs(sets.loc["B strong", "spend"] - sets.loc["A plain", "spend"]) < 0.05 * sets["spend"].max()
    with pytest.raises(SandboxInputError, match="creatives"):
        creative_test(world, specs["coffee"], {"only": creatives["A plain"]})


def test_ctr_difference():
    big = ctr_difference(100, 20_000, 200, 20_000)
    assert big["diff"] == pytest.approx(0.005)
    se = math.sqrt(0.005 * 0.995 / 20_000 + 0.01 * 0.99 / 20_000)
    assert big["low"] == pytest.approx(0.005 - 1.96 * se)
    assert big["clear"] is True
    small = ctr_difference(100, 20_000, 110, 20_000)
    assert small["low"] < 0 < small["high"] and small["clear"] is False
    with pytest.raises(SandboxInputError, match="impressions_b"):
        ctr_difference(1, 10, 0, 0)
    with pytest.raises(SandboxInputError, match="clicks_a"):
        ctr_difference(20, 10, 0, 10)


def test_budget_for_goal_works_backwards():
    plan = budget_for_goal(200, cpc=1.2, ctr=0.009, landing_rate=0.8, registration_rate=0.08)
    assert plan["visits"] == pytest.approx(2500)
    assert plan["clicks"] == pytest.approx(3125)
    assert plan["impressions"] == pytest.approx(3125 / 0.009)
    assert plan["budget"] == pytest.approx(3750)
    assert plan["cpm"] == pytest.approx(1.2 * 0.009 * 1000)
    assert plan["budget"] == pytest.approx(plan["impressions"] * plan["cpm"] / 1000)
    assert plan["cost_per_registration"] == pytest.approx(18.75)
    for kw, name in (
        ({"ctr": 0.9 * 100}, "ctr"),
        ({"landing_rate": 0}, "landing_rate"),
        ({"cpc": -1}, "cpc"),
        ({"registration_rate": float("nan")}, "registration_rate"),
    ):
        args = {"cpc": 1.0, "ctr": 0.01, "landing_rate": 0.8, "registration_rate": 0.1, **kw}
        with pytest.raises(SandboxInputError, match=name):
            budget_for_goal(100, **args)
    with pytest.raises(SandboxInputError, match="goal"):
        budget_for_goal(0, cpc=1.0, ctr=0.01, landing_rate=0.8, registration_rate=0.1)


def test_split_budget_in_whole_cents():
    s = split_budget(100, {"pixa": 1, "circles": 1, "loop": 1})
    assert s.sum() == pytest.approx(100)
    assert sorted(s.tolist()) == [33.33, 33.33, 33.34]
    s = split_budget(1234.56, {"a": 0.7, "b": 0.2, "c": 0.1, "d": 0})
    assert s.sum() == pytest.approx(1234.56)
    assert s["d"] == 0 and list(s.index) == ["a", "b", "c", "d"]
    assert np.allclose(s * 100, np.round(s * 100))
    with pytest.raises(SandboxInputError, match="weights"):
        split_budget(10, {"a": 0})
    with pytest.raises(SandboxInputError, match="weights"):
        split_budget(10, {"a": -1, "b": 2})
    with pytest.raises(SandboxInputError, match="total"):
        split_budget(-5, {"a": 1})


def test_learning_budget():
    assert learning_budget(14) == pytest.approx(100)
    assert learning_budget(2, events=50, days=5) == pytest.approx(20)
    with pytest.raises(SandboxInputError, match="cost_per_event"):
        learning_budget(0)


def violations(log: pd.DataFrame) -> set[tuple[str, str, str]]:
    """The pacing rules, checked the way the budget exercise asks (amounts rounded to cents)."""
    out = set()
    for name, g in log.sort_values("date").groupby("ad_set"):
        if g["budget_type"].iloc[0] == "daily":
            for d in g.loc[g["spend"].round(2) > (1.25 * g["budget"]).round(2), "date"]:
                out.add((name, f"{d:%Y-%m-%d}", "day"))
            cum = g.groupby(g["date"].dt.to_period("W"))["spend"].cumsum().round(2)
            for d in g.loc[cum > (7 * g["budget"]).round(2), "date"]:
                out.add((name, f"{d:%Y-%m-%d}", "week"))
        else:
            cum = g["spend"].cumsum().round(2)
            for d in g.loc[cum > g["budget"].round(2), "date"]:
                out.add((name, f"{d:%Y-%m-%d}", "lifetime"))
    return out


def test_practice_charges_break_each_rule_and_are_deterministic(world):
    log = practice_charges(world)
    assert list(log.columns) == ["date", "ad_set", "budget_type", "budget", "spend"]
    found = violations(log)
    kinds = {k for _, _, k in found}
    assert kinds == {"day", "week", "lifetime"}
    assert {a for a, _, k in found if k == "day"} == {"feed daily"}
    # the edited week; an overspent day can break its week too (weeks are paced to exactly 7x)
    assert "communities daily" in {a for a, _, k in found if k == "week"}
    assert len(found) <= 12  # a few edited days, not a noisy report
    assert log.equals(practice_charges(world))
    other = practice_charges(World(seed=22, niche="bag_store", size=3_000))
    assert violations(other) != found


def test_real_runs_keep_every_rule(world):
    """Without the edits, the sandbox's own charges keep the rules the audit checks."""
    from sandbox.ads_budget import _practice_run

    assert violations(_practice_run(world)) == set()
