"""The paid-side widgets react to their controls: set a value in Python, the output changes."""

from __future__ import annotations

import numpy as np
import pytest

from sandbox import World
from sandbox.ads import AdsManager, Creative, Targeting
from sandbox.ads_widgets import BudgetPlanner, TargetingBuilder


@pytest.fixture(scope="module")
def world():
    return World(seed=3, niche="coffee_shop", size=2_000)


@pytest.fixture()
def builder(world):
    return TargetingBuilder(world)


def test_builder_starts_from_the_brands_city_and_shows_an_estimate(builder, world):
    assert builder.controls["cities"].value == (builder.ads.panel.brand_city,)
    assert builder.estimate is not None and builder.estimate.size > 0
    assert "Estimated audience" in builder.summary.value
    assert builder.estimate.status in builder.summary.value


def test_each_control_changes_the_estimate_and_the_text(builder):
    before_size, before_text = builder.estimate.size, builder.summary.value
    builder.controls["interests"].value = ("coffee",)
    assert builder.estimate.size < before_size
    assert builder.summary.value != before_text
    assert "interests: coffee" in builder.summary.value
    size = builder.estimate.size
    builder.controls["ages"].value = (25, 34)
    assert builder.estimate.size < size
    size = builder.estimate.size
    builder.controls["genders"].value = "women"
    assert builder.estimate.size < size
    assert builder.spec.genders == ("female",)
    size = builder.estimate.size
    builder.controls["platforms"].value = ("pixa", "loop")
    assert builder.estimate.size > size  # another platform adds people
    assert set(builder.estimate.by_platform) == {"pixa", "loop"}
    assert len(builder.tried) >= 5


def test_narrowing_never_grows_the_audience(world):
    """Random sequences of narrowing moves: every step keeps or shrinks the estimate."""
    rng = np.random.default_rng(0)
    tool = TargetingBuilder(world)
    cities = list(tool.controls["cities"].options)
    for _trial in range(6):
        c = tool.controls
        c["platforms"].value = ("pixa", "circles", "loop", "chirp")
        c["cities"].value = tuple(cities[:5])
        c["countries"].value = ()
        c["ages"].value = (13, 65)
        c["genders"].value = "all"
        c["interests"].value = ("coffee", "food", "music", "books")
        size = tool.estimate.size
        for _step in range(10):
            move = rng.integers(0, 5)
            if move == 0 and len(c["platforms"].value) > 1:
                c["platforms"].value = c["platforms"].value[:-1]
            elif move == 1 and len(c["cities"].value) > 1:
                c["cities"].value = c["cities"].value[1:]
            elif move == 2:
                lo, hi = c["ages"].value
                if hi - lo > 2:
                    c["ages"].value = (lo + int(rng.integers(0, 3)), hi - int(rng.integers(0, 3)))
            elif move == 3:
                c["genders"].value = (
                    str(rng.choice(["women", "men"])) if c["genders"].value == "all" else c["genders"].value
                )
            elif move == 4 and len(c["interests"].value) > 1:
                c["interests"].value = c["interests"].value[:-1]
            assert tool.error is None, tool.error
            assert tool.estimate.size <= size, f"narrowing grew the audience: {tool.spec.describe()}"
            size = tool.estimate.size


def test_too_narrow_specs_show_the_warning(world):
    tool = TargetingBuilder(world)
    c = tool.controls
    c["platforms"].value = ("linkup",)
    c["ages"].value = (30, 30)
    c["genders"].value = "men"
    c["interests"].value = ("fitness",)  # about one panel person in this world
    assert tool.estimate.status == "too narrow"
    assert tool.estimate.warnings
    assert "too narrow" in tool.summary.value
    assert "<li>" in tool.summary.value  # the warning is listed


def test_an_invalid_spec_is_explained_not_raised(builder):
    builder.controls["platforms"].value = ()
    assert builder.spec is None and builder.estimate is None
    assert "platforms" in builder.error
    assert "Not a valid spec" in builder.summary.value
    builder.controls["platforms"].value = ("pixa",)
    builder.controls["cities"].value = ()
    assert "countries" in builder.error  # no place at all
    builder.controls["countries"].value = (builder.ads.panel.brand_country,)
    assert builder.error is None and builder.estimate.size > 0


def test_overlap_with_an_existing_ad_set_is_warned(world):
    ads = AdsManager(world)
    city = ads.panel.brand_city
    camp = ads.create_campaign("c", objective="traffic")
    aset = camp.create_ad_set("city", Targeting(platforms=["pixa"], cities=[city]), daily_budget=10)
    aset.create_ad("a", Creative(format="image"))
    tool = TargetingBuilder(ads)
    assert any("overlaps" in x for x in tool.estimate.warnings)
    assert "overlaps" in tool.summary.value


def test_builder_starts_from_a_given_spec(world):
    spec = Targeting(
        platforms=["loop"], countries=["United States"], age_min=20, age_max=30, interests=["music"]
    )
    tool = TargetingBuilder(world, spec)
    assert tool.spec == spec
    assert tool.controls["ages"].value == (20, 30)


@pytest.fixture()
def planner():
    return BudgetPlanner(goal=200, cpc=1.0, ctr=0.01, landing_rate=0.8, registration_rate=0.1)


def test_planner_works_backwards_from_the_goal(planner):
    plan = planner.plan
    assert plan["clicks"] == pytest.approx(200 / (0.8 * 0.1))
    assert plan["budget"] == pytest.approx(2500)
    assert plan["impressions"] == pytest.approx(250_000)
    assert "$2,500.00" in planner.summary.value


def test_goal_and_prices_move_the_budget(planner):
    text = planner.summary.value
    planner.controls["goal"].value = 400
    assert planner.plan["budget"] == pytest.approx(5000)
    assert planner.summary.value != text
    planner.controls["cpc"].value = 2.0
    assert planner.plan["budget"] == pytest.approx(10_000)
    planner.controls["registration"].value = 20.0
    assert planner.plan["budget"] == pytest.approx(5000)
    planner.controls["ctr"].value = 2.0
    assert planner.plan["budget"] == pytest.approx(5000)  # CTR changes impressions, not the click budget
    assert planner.plan["impressions"] == pytest.approx(2500 / 0.02)


def test_shares_split_the_budget_and_the_learning_check_reacts(planner):
    planner.controls["share_pixa"].value = 60
    planner.controls["share_circles"].value = 40
    planner.controls["share_loop"].value = 0
    split = planner.split
    assert split["budget"].sum() == pytest.approx(planner.plan["budget"], abs=0.005)
    assert split.loc["pixa", "budget"] == pytest.approx(1500, abs=0.01)
    assert split.loc["loop", "learning"] == "not used"
    assert split.loc["pixa", "learning"].startswith("stays in learning")
    table = planner.table.value
    planner.controls["goal"].value = 2000
    assert planner.split.loc["pixa", "learning"].startswith("leaves learning")
    assert planner.table.value != table


def test_planner_from_a_test_row_and_bad_inputs():
    tool = BudgetPlanner.from_test(
        {"cpc": 1.5, "ctr": 0.008, "landing_rate": 0.75, "registration_rate": 0.06}, goal=100
    )
    assert tool.controls["cpc"].value == pytest.approx(1.5)
    assert tool.plan["budget"] == pytest.approx(100 / (0.75 * 0.06) * 1.5)
    with pytest.raises(ValueError, match="registration_rate"):
        BudgetPlanner(registration_rate=1.5)
    with pytest.raises(ValueError, match="platforms"):
        BudgetPlanner(platforms=["myspace"])
