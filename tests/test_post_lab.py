"""The post lab: many copies of a post through World.run_plan, averaged per variant."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from sandbox import SandboxInputError, World
from sandbox.params import HASHTAG_SPAM_FROM, PLATFORMS
from sandbox.post_lab import (
    compare_posts,
    per_day,
    repeat_plan,
    test_post,
    trend_schedule,
    trend_time,
    trends_in_period,
)


@pytest.fixture(scope="module")
def world() -> World:
    return World(seed=11, niche="coffee_shop", size=3_000)


def test_each_variant_gets_its_copies_on_the_same_days(world):
    lab = compare_posts(
        world, [{"platform": "pixa", "format": "image"}, {"platform": "pixa", "format": "story"}], copies=10
    )
    assert len(lab.posts) == 20
    days = lab.posts.groupby("format")["time"].apply(lambda t: tuple(t.dt.date))
    assert days["image"] == days["story"], "variants must meet the same days"
    counts = lab.posts.groupby(["format", lab.posts["time"].dt.date]).size()
    assert counts.max() == per_day("pixa") == 2, "as many copies a day as the audience takes"
    assert lab.posts["post_id"].is_unique, "each copy has its own luck (its own post id)"
    assert (lab.factors["fatigue"] == 1.0).all(), "copies must not crowd each other"


def test_fitting_format_beats_a_poor_fit_on_average(world):
    lab = compare_posts(
        world, [{"platform": "loop", "format": f} for f in ("short_video", "image")], copies=28
    )
    s = lab.summary()
    assert s.loc["short_video", "reach"] > s.loc["image", "reach"] + 2 * s["reach_se"].max()
    fit = lab.mean_factors()["format_fit"]
    assert fit["short_video"] == PLATFORMS["loop"].formats["short_video"]
    assert fit["image"] == PLATFORMS["loop"].formats["image"]


def test_summary_pools_rates_and_reports_uncertainty(world):
    lab = test_post(world, {"platform": "pixa"}, copies=12)
    row = lab.summary().iloc[0]
    p = lab.posts
    assert row["posts"] == 12
    assert row["reach"] == pytest.approx(p["reach"].mean())
    assert row["er_reach"] == pytest.approx(p["engagements"].sum() / p["reach"].sum())
    assert row["er_followers"] == pytest.approx(p["engagements"].sum() / p["followers"].sum())
    assert row["reach_se"] == pytest.approx(p["reach"].std(ddof=1) / np.sqrt(12))
    assert row["reach_se"] > 0, "copies differ by luck"


def test_platforms_share_runs_and_do_not_mix(world):
    variants = [{"platform": p} for p in ("pixa", "loop", "circles")]
    lab = compare_posts(world, variants, copies=5)
    assert len(lab.runs) == 1, "different platforms are separate accounts: one run is enough"
    assert set(lab.summary().index) == {"pixa", "loop", "circles"}


def test_copies_longer_than_the_period_spill_into_more_runs():
    small = World(seed=3, niche="bag_store", size=1_000, horizon_days=7)
    lab = compare_posts(small, [{"platform": "linkup"}, {"platform": "pixa"}], copies=16)
    assert len(lab.posts) == 32
    assert len(lab.runs) == 3, "16 Linkup posts at one a day need three 7-day runs; Pixa's fit in two"
    assert (lab.factors["fatigue"] == 1.0).all()


def test_repeat_plan_packs_copies_the_audience_can_take(world):
    plan = [
        {"platform": "loop", "time": "2026-03-03 16:00"},
        {"platform": "loop", "time": "2026-03-04 16:00"},
    ]
    lab = repeat_plan(world, plan, repeats=7)
    assert len(lab.posts) == 14
    assert len(lab.runs) == 3, "Loop takes three posts a day: 7 copies need 3 runs"
    assert (lab.factors["fatigue"] == 1.0).all()
    assert lab.posts.groupby("variant")["copy"].apply(sorted).tolist() == [list(range(7))] * 2


def test_first_id_gives_fresh_luck(world):
    a = test_post(world, {"platform": "pixa"}, copies=8)
    b = test_post(world, {"platform": "pixa"}, copies=8)
    c = test_post(world, {"platform": "pixa"}, copies=8, first_id=5_000)
    assert a.posts["reach"].tolist() == b.posts["reach"].tolist(), "same ids, same luck"
    assert a.posts["reach"].tolist() != c.posts["reach"].tolist()


def test_hashtags_past_fifteen_cut_discovery(world):
    lab = compare_posts(
        world, [{"platform": "loop", "hashtags": h} for h in (4, HASHTAG_SPAM_FROM + 5)], copies=20
    )
    f = lab.mean_factors()["hashtags"]
    assert f.loc[4] > 1.0 > f.loc[HASHTAG_SPAM_FROM + 5]
    s = lab.summary()
    assert s.loc[4, "reach_non_followers"] > s.loc[HASHTAG_SPAM_FROM + 5, "reach_non_followers"]


def test_contest_brings_bot_follows_and_comments(world):
    lab = compare_posts(
        world, [{"platform": "loop", "rubric": r} for r in ("informative", "contest")], copies=14
    )
    s = lab.summary()
    assert s.loc["informative", "bot_follows"] == 0
    assert s.loc["contest", "bot_follows"] > 0
    per_reach = s[["comments", "follows"]].div(s["reach"], axis=0)
    assert (per_reach.loc["contest"] > per_reach.loc["informative"]).all()
    assert set(lab.comments["variant"]) <= {0, 1} and len(lab.comments) == lab.posts["comments"].sum()


def test_trend_timing_early_beats_late_and_off_platform_does_nothing(world):
    tr = trends_in_period(world).iloc[0]
    home = tr["platforms"].split(", ")[0]
    off = next(p for p in PLATFORMS if p not in tr["platforms"].split(", "))
    peak = float(tr["peak_day"])
    rising = test_post(world, platform=home, trend_id=tr["trend_id"], trend_day=round(peak * 0.8), copies=3)
    late = test_post(world, platform=home, trend_id=tr["trend_id"], trend_day=round(peak * 2.5), copies=3)
    away = test_post(world, platform=off, trend_id=tr["trend_id"], trend_day=round(peak * 0.8), copies=3)
    f_rise = rising.mean_factors()["trend"].iloc[0]
    f_late = late.mean_factors()["trend"].iloc[0]
    assert f_rise > 1.5 > f_late
    assert away.mean_factors()["trend"].iloc[0] <= 1.0
    assert rising.posts["time"].nunique() == 1
    assert (rising.factors["fatigue"] == 1.0).all(), "copies at the same moment must not crowd each other"


def test_repeat_plan_keeps_label_columns(world):
    tr = trends_in_period(world).iloc[0]
    sched = trend_schedule(world, tr["trend_id"], days_before=1, peaks_after=1)
    plan = sched.assign(platform="pixa")
    lab = repeat_plan(world, plan, repeats=2)
    assert len(lab.posts) == 2 * len(plan)
    assert set(lab.posts["day"]) == set(sched["day"])
    assert lab.summary(by="day")["posts"].eq(2).all()


def test_trend_schedule_stays_inside_the_period(world):
    for tid in world.trends["trend_id"]:
        try:
            sched = trend_schedule(world, tid)
        except SandboxInputError:
            continue
        assert (sched["time"] >= world.start_date).all() and (sched["time"] < world.period_end).all()
        assert sched["day"].is_monotonic_increasing


def test_explain_a_copy(world):
    lab = test_post(world, {"platform": "circles", "format": "link"}, copies=3)
    text = str(lab.explain(int(lab.posts["post_id"].iloc[0])))
    assert "format fit" in text and "Circles" in text


@pytest.mark.parametrize(
    ("call", "parameter"),
    [
        (lambda w: compare_posts(w, [], copies=3), "variants"),
        (lambda w: compare_posts(w, [{"format": "image"}]), "variants"),
        (lambda w: compare_posts(w, [{"platform": "pixa", "time": "2026-03-03 10:00"}]), "variants"),
        (lambda w: compare_posts(w, [{"platform": "pixa"}], copies=0), "copies"),
        (lambda w: compare_posts(w, [{"platform": "pixa"}], hour=24), "hour"),
        (lambda w: compare_posts(w, [{"platform": "pixa", "format": "poll"}], copies=2), "format"),
        (lambda w: test_post(w, {"platform": "pixa"}, trend_day=2), "trend_day"),
        (lambda w: trend_time(w, "T99", 1), "trend_id"),
        (
            lambda w: repeat_plan(
                w, pd.DataFrame({"platform": ["pixa"], "time": ["2026-03-03 10:00"], "reach": [1]})
            ),
            "plan",
        ),
        (lambda w: test_post(w, {"platform": "pixa"}, copies=3).summary(by="colour"), "by"),
    ],
)
def test_bad_input_names_the_parameter(world, call, parameter):
    with pytest.raises(SandboxInputError) as err:
        call(world)
    assert err.value.parameter == parameter


def test_trend_day_outside_the_period_is_explained(world):
    tr = trends_in_period(world).iloc[-1]
    with pytest.raises(SandboxInputError, match="outside the plan period") as err:
        trend_time(world, tr["trend_id"], 400)
    assert err.value.parameter == "day"
