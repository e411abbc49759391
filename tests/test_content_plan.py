import pandas as pd
import pytest

from sandbox import PLATFORMS, SandboxInputError, World
from sandbox import content_plan as cp


@pytest.fixture(scope="module")
def world():
    return World(seed=3, niche="coffee_shop", size=2_000)


def test_spread_days_spreads_posts_over_the_week():
    assert cp.spread_days(1) == [0]
    assert cp.spread_days(3) == [0, 2, 4]
    assert cp.spread_days(7) == list(range(7))
    days = cp.spread_days(14)
    assert all(days.count(d) == 2 for d in range(7))
    for bad in (0, 71, 2.5, True):
        with pytest.raises(SandboxInputError) as exc:
            cp.spread_days(bad)
        assert exc.value.parameter == "posts_per_week"


def test_rubric_sequence_follows_the_mix_interleaved():
    seq = cp.rubric_sequence({"informative": 0.5, "entertaining": 0.3, "commercial": 0.2}, 20)
    assert seq.count("informative") == 10
    assert seq.count("entertaining") == 6
    assert seq.count("commercial") == 4
    assert "commercial" in seq[:6]  # not all in one block at the end
    seq = cp.rubric_sequence({"informative": 3, "contest": 1}, 8)
    assert seq.count("contest") == 2
    with pytest.raises(SandboxInputError):
        cp.rubric_sequence({"memes": 1.0}, 4)
    with pytest.raises(SandboxInputError):
        cp.rubric_sequence({"informative": 0}, 4)


def test_build_plan_places_posts_where_asked(world):
    plan = cp.build_plan(
        "2026-03-02",
        4,
        {"pixa": 5, "beacon": 14},
        {"pixa": [12, 19], "beacon": [9, 21]},
        rubric_mix={"informative": 0.5, "commercial": 0.5},
    )
    assert len(plan) == (5 + 14) * 4
    assert plan["post_id"].is_unique
    assert plan["time"].is_monotonic_increasing
    week = (plan["time"] - pd.Timestamp("2026-03-02")).dt.days // 7
    assert (plan[plan["platform"] == "pixa"].groupby(week[plan["platform"] == "pixa"]).size() == 5).all()
    assert set(plan.loc[plan["platform"] == "pixa", "time"].dt.hour) == {12, 19}
    beacon = plan[plan["platform"] == "beacon"]
    assert (beacon.groupby(beacon["time"].dt.date).size() == 2).all()
    assert set(plan.loc[plan["platform"] == "pixa", "format"]) == {cp.native_format("pixa")}
    assert (plan.loc[plan["rubric"] == "commercial", "cta"] == "shop_now").all()
    assert plan["rubric"].value_counts()["commercial"] == len(plan) / 2
    result = world.run_plan(plan)
    assert len(result.posts) == len(plan)


def test_build_plan_formats_topic_and_cta(world):
    plan = cp.build_plan(
        world.start_date,
        1,
        {"beacon": 3},
        {"beacon": [21]},
        formats={"beacon": "text"},
        topic="books",
        cta={"informative": "none"},
        rubric_mix={"informative": 1},
    )
    assert set(plan["format"]) == {"text"}
    assert set(plan["topic"]) == {"books"}
    assert set(plan["cta"]) == {"none"}
    world.run_plan(plan)


@pytest.mark.parametrize(
    ("kwargs", "parameter"),
    [
        ({"posts_per_week": {"tiktok": 3}, "hours": {"tiktok": [10]}}, "posts_per_week"),
        ({"posts_per_week": {"pixa": 3}, "hours": {}}, "hours"),
        ({"posts_per_week": {"pixa": 3}, "hours": {"pixa": [25]}}, "hours"),
        ({"posts_per_week": {"pixa": 14}, "hours": {"pixa": [12]}}, "hours"),
        ({"posts_per_week": {"pixa": 3}, "hours": {"pixa": [12]}, "formats": {"pixa": "poll"}}, "formats"),
        ({"posts_per_week": {}, "hours": {}}, "posts_per_week"),
    ],
)
def test_build_plan_rejects_bad_input(kwargs, parameter):
    with pytest.raises(SandboxInputError) as exc:
        cp.build_plan("2026-03-02", 2, **kwargs)
    assert exc.value.parameter == parameter


def test_audience_peak_hours_are_the_busiest_and_apart(world):
    hours = cp.audience_peak_hours(world, "pixa", n=2, min_gap=3)
    assert len(hours) == 2 and hours == sorted(hours)
    assert abs(hours[0] - hours[1]) >= 3
    activity = world.activity(world.audience("you", "pixa"), platform="pixa").mean(axis=0)
    assert int(activity.idxmax()) in hours
    with pytest.raises(SandboxInputError):
        cp.audience_peak_hours(world, "pixa", n=0)


def test_with_random_hours_keeps_days_and_changes_hours():
    plan = cp.build_plan("2026-03-02", 2, {"pixa": 7}, {"pixa": [12]})
    rnd = cp.with_random_hours(plan, seed=1, hours=range(8, 23))
    assert sorted(rnd["time"].dt.date) == sorted(plan["time"].dt.date)
    assert rnd["time"].dt.hour.between(8, 22).all()
    assert rnd["time"].dt.hour.nunique() > 1
    pd.testing.assert_frame_equal(rnd, cp.with_random_hours(plan, seed=1, hours=range(8, 23)))
    assert not rnd["time"].equals(cp.with_random_hours(plan, seed=2)["time"])


def test_peak_hours_beat_random_hours_in_the_sandbox(world):
    hours = {p: cp.audience_peak_hours(world, p, 2) for p in ("pixa", "loop", "beacon")}
    plan = cp.build_plan(world.start_date, 4, {"pixa": 5, "loop": 4, "beacon": 7}, hours)
    table = cp.compare_plans(
        {"peak": world.run_plan(plan), "random": world.run_plan(cp.with_random_hours(plan, seed=1))}
    )
    assert table.loc["peak", "reach"] > table.loc["random", "reach"]


def test_compare_plans_sums_the_results(world):
    plan = cp.build_plan(world.start_date, 1, {"pixa": 7}, {"pixa": [12]})
    r = world.run_plan(plan)
    table = cp.compare_plans({"a": r})
    posts = r.posts
    assert table.loc["a", "posts"] == 7
    assert table.loc["a", "reach"] == posts["reach"].sum()
    assert table.loc["a", "er_reach"] == pytest.approx(posts["engagements"].sum() / posts["reach"].sum())
    assert table.loc["a", "net_followers"] == posts["follows"].sum() - posts["unfollows"].sum()
    assert table.loc["a", "followers_end"] == r.followers.iloc[-1].sum()


def test_native_format_is_the_best_fit():
    for slug, p in PLATFORMS.items():
        assert p.formats[cp.native_format(slug)] == max(p.formats.values())
