import numpy as np
import pandas as pd
import pytest

from sandbox import NICHES, PLATFORMS, SandboxInputError, World
from sandbox import strategy as st


@pytest.fixture(scope="module")
def world():
    return World(seed=3, niche="coffee_shop", size=2_000)


@pytest.fixture(scope="module")
def weekly(world):
    return st.history_weeks(world)


def test_target_audience_matches_the_niche_ages_and_city(world):
    people = st.target_audience(world)
    spec = NICHES["coffee_shop"]
    assert len(people) > 0
    assert people["age"].between(round(spec.age_mean) - 9, round(spec.age_mean) + 9).all()
    assert people["interests"].map(lambda s: any(i in s.split(", ") for i in spec.core_interests)).all()
    assert (people["city"] == world.brands["city"].iloc[0]).all()
    assert people["role"].isin(["regular", "influencer"]).all()


def test_target_audience_is_not_local_for_an_online_shop():
    w = World(seed=3, niche="bag_store", size=2_000)
    people = st.target_audience(w, ages=(18, 40))
    assert people["city"].nunique() > 1
    assert people["age"].between(18, 40).all()


@pytest.mark.parametrize("ages", [(40, 20), (10, 30), "young", (18,)])
def test_target_audience_rejects_bad_ages(world, ages):
    with pytest.raises(SandboxInputError) as exc:
        st.target_audience(world, ages=ages)
    assert exc.value.parameter == "ages"


def test_target_audience_rejects_unknown_interest(world):
    with pytest.raises(SandboxInputError) as exc:
        st.target_audience(world, interests=["tea"])
    assert exc.value.parameter == "interests"


def test_mechanics_follow_the_platform_constants():
    m = st.mechanics_table()
    loop = PLATFORMS["loop"]
    assert m.loc["loop", "awareness"] == pytest.approx(loop.organic_reach * (1 + loop.discovery))
    assert m.loc["loop", "traffic"] == pytest.approx(m.loc["loop", "awareness"] * loop.click_rate)
    assert set(m.columns) == set(st.GOALS)


def test_goals_rank_platforms_differently(world):
    tops = {g: st.platform_scores(world, g).index[0] for g in st.GOALS}
    assert len(set(tops.values())) >= 3, tops


def test_platform_score_is_audience_share_times_fit(world):
    people = st.target_audience(world, ages=(13, 24))
    table = st.platform_scores(world, "awareness", people)
    assert table["score"].is_monotonic_decreasing
    assert list(table["rank"]) == list(range(1, 7))
    assert table["fit"].max() == pytest.approx(1.0)
    np.testing.assert_allclose(table["score"], table["audience_share"] * table["fit"])
    assert table.loc["loop", "audience_share"] == pytest.approx(people["on_loop"].mean())
    mine = world.accounts.query("brand_id == 0").set_index("platform")["followers"]
    assert table.loc["pixa", "your_followers"] == mine["pixa"]


def test_platform_scores_rejects_unknown_goal(world):
    with pytest.raises(SandboxInputError) as exc:
        st.platform_scores(world, "fame")
    assert exc.value.parameter == "goal"


def test_history_weeks_add_up_to_the_daily_history(world, weekly):
    n = world.history_days // 7
    assert list(weekly["week"]) == list(range(1, n + 1))
    assert weekly["week_start"].iloc[-1] == world.start_date - pd.Timedelta(days=7)
    daily = world.history_daily
    first = world.start_date - pd.Timedelta(days=7 * n)
    mine = daily[(daily["brand_id"] == 0) & (daily["date"] >= first)]
    for col in ("posts", "reach", "impressions", "clicks", "follows", "unfollows"):
        assert weekly[col].sum() == mine[col].sum(), col
    assert weekly["followers_end"].iloc[-1] == world.accounts.query("brand_id == 0")["followers"].sum()
    np.testing.assert_allclose(weekly["ctr"], weekly["clicks"] / weekly["impressions"])


def test_history_weeks_count_comment_labels(world, weekly):
    n = world.history_days // 7
    first = world.start_date - pd.Timedelta(days=7 * n)
    posts = world.posts.query("brand_id == 0")
    ids = posts.loc[posts["time"] >= first, "post_id"]
    c = world.comments
    c = c[c["post_id"].isin(ids)]
    assert weekly["questions"].sum() == (c["label"] == "question").sum()
    assert weekly["negative_comments"].sum() == c["label"].isin(["complaint", "toxic"]).sum()
    with_comments = weekly[weekly["comments"] > 0]
    np.testing.assert_allclose(
        with_comments["negative_share"], with_comments["negative_comments"] / with_comments["comments"]
    )


def test_history_weeks_of_one_platform(world):
    w = st.history_weeks(world, platforms=["loop"])
    daily = world.history_daily
    assert w["reach"].sum() <= daily.query("brand_id == 0 and platform == 'loop'")["reach"].sum()
    assert w["followers_start"].iloc[0] < st.history_weeks(world)["followers_start"].iloc[0]


def test_plan_weeks_measure_a_plan_like_the_history(world):
    plan = [{"platform": "pixa", "time": f"2026-03-{d:02d} 11:00", "cta": "learn_more"} for d in range(2, 16)]
    result = world.run_plan(plan)
    w = st.plan_weeks(result)
    assert len(w) == 2
    assert w["posts"].tolist() == [7, 7]
    assert w["reach"].sum() == result.posts["reach"].sum()
    assert w["clicks"].sum() == result.posts["clicks"].sum()


def test_kpi_table_sets_targets_from_the_baseline(world, weekly):
    table = st.kpi_table(weekly, "awareness", growth=0.2).set_index("kpi")
    assert list(table.index) == list(st.GOALS["awareness"].kpis)
    assert table.loc["reach", "baseline"] == pytest.approx(weekly["reach"].mean())
    assert table.loc["reach", "target"] == pytest.approx(weekly["reach"].mean() * 1.2)
    neg = weekly["negative_share"].dropna()
    assert table.loc["negative_share", "target"] == pytest.approx(neg.mean() * 0.8)
    assert table.loc["reach", "weeks_at_target"] == pytest.approx(
        (weekly["reach"] >= weekly["reach"].mean() * 1.2).mean()
    )
    assert table.loc["reach", "best_week"] == weekly["reach"].max()


def test_kpi_table_higher_targets_are_met_in_fewer_weeks(weekly):
    shares = [
        st.kpi_table(weekly, "traffic", g).set_index("kpi").loc["clicks", "weeks_at_target"]
        for g in (0, 0.3, 1, 3)
    ]
    assert shares == sorted(shares, reverse=True)
    assert shares[-1] == 0
    verdict = st.kpi_table(weekly, "traffic", 3).set_index("kpi").loc["clicks", "verdict"]
    assert verdict.startswith("beyond your history")


@pytest.mark.parametrize("growth", [-0.1, 6, "20%", True])
def test_kpi_table_rejects_bad_growth(weekly, growth):
    with pytest.raises(SandboxInputError) as exc:
        st.kpi_table(weekly, "traffic", growth)
    assert exc.value.parameter == "growth"


def test_weekly_path_ends_on_the_target():
    path = st.weekly_path(100.0, 120.0, 4)
    assert list(path.index) == [1, 2, 3, 4]
    assert path.tolist() == pytest.approx([105, 110, 115, 120])
    with pytest.raises(SandboxInputError):
        st.weekly_path(100.0, 120.0, 0)


def test_smart_goal_names_kpi_numbers_and_deadline(world, weekly):
    row = st.kpi_table(weekly, "traffic", 0.2).iloc[0]
    text = st.smart_goal(row, "2026-03-02", 8, brand="Shop")
    assert text.startswith("Shop: raise link clicks per week")
    assert "2026-04-26" in text
    assert st.format_kpi_value("clicks", row["target"]) in text


def test_format_kpi_value():
    assert st.format_kpi_value("ctr", 0.0123) == "1.23%"
    assert st.format_kpi_value("reach", 12345.4) == "12,345"
    assert st.format_kpi_value("reach", float("nan")) == "n/a"
