"""Running a content plan: defaults, input forms, the shape of the results, and invariants that
hold for any valid plan (checked with hypothesis)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pandas.testing import assert_frame_equal

from sandbox import CTAS, INTERESTS, NICHES, PLAN_COLUMNS, PLATFORMS, RUBRICS, Explanation, Post, World

SLUGS = list(PLATFORMS)
COUNTS = (
    "reach",
    "reach_followers",
    "reach_non_followers",
    "impressions",
    "likes",
    "comments",
    "shares",
    "saves",
    "clicks",
    "engagements",
    "follows",
    "bot_follows",
    "unfollows",
)
PROPERTIES = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def at(world: World, days: float, hours: float = 0) -> pd.Timestamp:
    return world.start_date + pd.Timedelta(days=days, hours=hours)


# --- defaults and input forms ------------------------------------------------------------------------


def test_only_platform_and_time_are_needed(small_world: World) -> None:
    rows = [{"platform": p, "time": at(small_world, k, 12)} for k, p in enumerate(SLUGS)]
    result = small_world.run_plan(rows)
    plan = result.plan.set_index("platform")
    for p in SLUGS:
        assert plan.loc[p, "format"] == max(PLATFORMS[p].formats, key=PLATFORMS[p].formats.get)
    assert (plan["rubric"] == "informative").all()
    assert (plan["topic"] == NICHES[small_world.niche].core_interests[0]).all()
    assert (plan["text_length"] == 200).all() and (plan["hashtags"] == 3).all()
    assert (plan["cta"] == "none").all() and (plan["trend_id"] == "").all()
    assert sorted(result.plan["post_id"]) == list(range(len(SLUGS)))
    assert list(result.plan.columns) == list(PLAN_COLUMNS)


def test_dataframe_dicts_and_post_objects_give_the_same_result(small_world: World) -> None:
    dicts = [
        {"platform": "pixa", "time": "2026-03-03 11:00", "format": "carousel", "rubric": "entertaining"},
        {"platform": "loop", "time": "2026-03-04 16:30", "hashtags": 4, "cta": "follow_us"},
        {"platform": "circles", "time": "2026-03-04 10:00", "format": "poll", "topic": "books"},
    ]
    posts = [Post(**d) for d in dicts]
    frame = pd.DataFrame(dicts)
    frame_before = frame.copy()
    results = [small_world.run_plan(p) for p in (dicts, posts, frame)]
    assert_frame_equal(frame, frame_before, obj="the plan passed in")  # left as it was
    for other in results[1:]:
        assert_frame_equal(other.posts, results[0].posts)
        assert_frame_equal(other.daily, results[0].daily)


def test_posts_come_back_in_time_order_with_their_ids(small_world: World) -> None:
    rows = [
        {"post_id": 30, "platform": "pixa", "time": "2026-03-10 12:00"},
        {"post_id": 10, "platform": "beacon", "time": "2026-03-03 21:00"},
        {"post_id": 20, "platform": "pixa", "time": "2026-03-05 12:00"},
    ]
    result = small_world.run_plan(rows)
    assert result.posts["post_id"].tolist() == [10, 20, 30]
    assert result.posts["time"].is_monotonic_increasing
    assert result.posts.set_index("post_id").loc[30, "time"] == pd.Timestamp("2026-03-10 12:00")


def test_results_have_a_row_per_day_and_platform(small_world: World) -> None:
    result = small_world.run_plan(
        [{"platform": "pixa", "time": at(small_world, d, 12)} for d in range(0, 20, 3)]
    )
    days = small_world.horizon_days
    assert len(result.daily) == days * len(SLUGS)
    assert result.daily.groupby("date").size().eq(len(SLUGS)).all()
    assert result.followers.shape == (days, len(SLUGS))
    pixa = result.daily[result.daily["platform"] == "pixa"]
    assert pixa["posts"].sum() == 7 and result.daily["posts"].sum() == 7
    assert pixa["reach"].sum() == result.posts["reach"].sum()


def test_summary_adds_up_the_posts(small_world: World) -> None:
    rows = [
        {"platform": p, "time": at(small_world, d, 11), "rubric": "contest"} for d in range(4) for p in SLUGS
    ]
    result = small_world.run_plan(rows)
    summary = result.summary()
    totals = result.posts.groupby("platform")[
        ["reach", "engagements", "clicks", "follows", "unfollows"]
    ].sum()
    assert_frame_equal(summary[totals.columns], totals)
    assert (summary["posts"] == 4).all()
    assert (summary["net_followers"] == summary["follows"] - summary["unfollows"]).all()
    assert f"{len(rows)} posts" in repr(result)


def test_explain_describes_a_plan_post(small_world: World) -> None:
    result = small_world.run_plan([{"post_id": 7, "platform": "linkup", "time": "2026-03-04 10:00"}])
    explanation = result.explain(7)
    assert isinstance(explanation, Explanation)
    assert "Post 7" in str(explanation) and "Linkup" in str(explanation)
    assert explanation.post["post_id"] == 7
    assert {"factor", "multiplier", "meaning"} == set(explanation.factors.columns)
    assert "<pre" in explanation._repr_html_()


# --- any valid plan ------------------------------------------------------------------------------------


def draw_plan(data: st.DataObject, world: World) -> list[dict[str, Any]]:
    """Draw a valid plan: any platform, its formats, any time in the period, any values."""
    n = data.draw(st.integers(1, 10), label="posts")
    ids = data.draw(
        st.none() | st.lists(st.integers(0, 10**9), min_size=n, max_size=n, unique=True), label="ids"
    )
    minutes = world.horizon_days * 24 * 60
    trend_ids = ["", *world.trends["trend_id"]]
    rows = []
    for i in range(n):
        platform = data.draw(st.sampled_from(SLUGS))
        spec = PLATFORMS[platform]
        row: dict[str, Any] = {
            "platform": platform,
            "time": world.start_date + pd.Timedelta(minutes=data.draw(st.integers(0, minutes - 1))),
        }
        optional = {
            "format": st.sampled_from(list(spec.formats)),
            "rubric": st.sampled_from(RUBRICS),
            "topic": st.sampled_from(INTERESTS),
            "text_length": st.integers(1, spec.max_chars),
            "hashtags": st.integers(0, 30),
            "cta": st.sampled_from(CTAS),
            "trend_id": st.sampled_from(trend_ids),
        }
        for column, values in optional.items():
            if data.draw(st.booleans()):
                row[column] = data.draw(values, label=column)
        if ids is not None:
            row["post_id"] = ids[i]
        rows.append(row)
    return rows


@PROPERTIES
@given(data=st.data())
def test_any_valid_plan_runs_and_its_numbers_hang_together(small_world: World, data: st.DataObject) -> None:
    rows = draw_plan(data, small_world)
    result = small_world.run_plan(rows)
    posts = result.posts
    assert len(posts) == len(rows)
    expected_ids = [r.get("post_id", i) for i, r in enumerate(rows)]
    assert sorted(posts["post_id"]) == sorted(expected_ids)
    for col in COUNTS:
        assert pd.api.types.is_integer_dtype(posts[col].dtype), col
        assert (posts[col] >= 0).all(), col
    assert (posts["reach"] == posts["reach_followers"] + posts["reach_non_followers"]).all()
    assert (posts["reach"] >= posts["reach_followers"]).all()
    assert (posts["reach_followers"] <= posts["followers"]).all()
    assert (posts["impressions"] >= posts["reach"]).all()
    assert (posts["engagements"] == posts[["likes", "comments", "shares", "saves"]].sum(axis=1)).all()
    assert (posts["follows"] >= posts["bot_follows"]).all()
    assert (posts.loc[posts["rubric"] != "contest", "bot_follows"] == 0).all()
    with np.errstate(divide="ignore", invalid="ignore"):
        er = np.where(posts["followers"] > 0, posts["engagements"] / posts["followers"], 0.0)
    assert np.allclose(posts["er_followers"], er)
    # what was planned is what ran
    by_id = posts.set_index("post_id")
    for i, row in enumerate(rows):
        got = by_id.loc[row.get("post_id", i)]
        for column, value in row.items():
            if column != "post_id":
                want = pd.Timestamp(value) if column == "time" else value
                assert got[column] == want, column
    # the day table adds up the posts, and followers carry over
    assert result.daily["posts"].sum() == len(rows)
    assert result.daily["reach"].sum() == posts["reach"].sum()
    assert len(result.comments) == posts["comments"].sum()
    for _, days in result.daily.groupby("platform"):
        assert (days["followers_end"].to_numpy()[:-1] == days["followers_start"].to_numpy()[1:]).all()
    factors = result.factors.drop(columns=["trend_intensity", "trend_freshness", "interest_share"])
    assert np.isfinite(factors.to_numpy()).all() and (factors.to_numpy() >= 0).all()
    assert (result.factors["luck"] > 0).all()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_what_if_on_any_plan_leaves_other_platforms_alone(small_world: World, data: st.DataObject) -> None:
    rows = draw_plan(data, small_world)
    before = small_world.run_plan(rows)
    target = data.draw(st.sampled_from(before.plan["post_id"].tolist()), label="changed post")
    rubric = data.draw(st.sampled_from(RUBRICS), label="new rubric")
    after = before.what_if(target, rubric=rubric)
    a, b = before.posts.set_index("post_id"), after.posts.set_index("post_id")
    platform = a.loc[target, "platform"]
    elsewhere = a.index[a["platform"] != platform]
    assert_frame_equal(b.loc[elsewhere], a.loc[elsewhere])
    earlier = a.index[
        (a["platform"] == platform) & (a["time"].dt.normalize() < a.loc[target, "time"].normalize())
    ]
    assert_frame_equal(b.loc[earlier], a.loc[earlier])
    assert b.loc[target, "rubric"] == rubric
    assert after.factors.loc[target, "luck"] == before.factors.loc[target, "luck"]
