"""What a marketer relies on: the organic model rewards good decisions on average.

Every comparison runs two plans in the classroom world that differ in one decision only, with
the same post ids, so each pair of posts shares its luck; and it averages over dozens of
posts, so no single lucky draw decides the outcome.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd
import pytest

from sandbox import INTERESTS, NICHES, PLATFORMS, World
from sandbox.engagement import audience_profile, simulate_posts

SLUGS = list(PLATFORMS)


# --- helpers -----------------------------------------------------------------------------------------


def peak_hour(world: World, platform: str) -> int:
    """The hour at which the brand's followers on the platform are most often online."""
    return int(world.activity(world.audience("you", platform), platform).mean(axis=0).idxmax())


def every_day(
    world: World,
    platform: str,
    hour: float,
    n_days: int | None = None,
    first_id: int = 0,
    every: int = 1,
    **values: Any,
) -> list[dict[str, Any]]:
    """One post every ``every`` days at ``hour`` on ``platform``; post ids from ``first_id``."""
    days = pd.date_range(world.start_date, periods=n_days or world.horizon_days, freq=f"{every}D")
    return [
        {"post_id": first_id + i, "platform": platform, "time": d + pd.Timedelta(hours=hour), **values}
        for i, d in enumerate(days)
    ]


def all_platforms_every_day(world: World, hour_of, **values: Any) -> list[dict[str, Any]]:
    """One post a day on every platform; ``hour_of(platform)`` gives the hour."""
    rows = []
    for k, p in enumerate(SLUGS):
        rows += every_day(world, p, hour_of(p), first_id=1000 * k, **values)
    return rows


def per_platform(posts: pd.DataFrame, column: str) -> pd.Series:
    return posts.groupby("platform")[column].mean()


@pytest.fixture(scope="module")
def world(classroom_world: World) -> World:
    return classroom_world


@pytest.fixture(scope="module")
def peaks(world: World) -> dict[str, int]:
    return {p: peak_hour(world, p) for p in SLUGS}


@pytest.fixture(scope="module")
def at_peak(world: World, peaks):
    """One informative post a day on every platform at its audience's peak hour."""
    return world.run_plan(all_platforms_every_day(world, peaks.get))


# --- time of day ---------------------------------------------------------------------------------------


def test_activity_is_relative_to_the_groups_average(world: World, peaks) -> None:
    for p in SLUGS:
        table = world.activity(world.audience("you", p), p)
        assert table.shape == (7, 24)
        assert table.to_numpy().mean() == pytest.approx(1, abs=2e-3)
        assert table[peaks[p]].mean() > 1.5, f"{p}: the audience's peak hour is not busy"
        assert table[4].mean() < 0.5, f"{p}: 4am should be quiet"


def test_posting_at_the_audience_peak_beats_4am(world: World, at_peak) -> None:
    at_4am = world.run_plan(all_platforms_every_day(world, lambda p: 4))
    peak_reach, night_reach = per_platform(at_peak.posts, "reach"), per_platform(at_4am.posts, "reach")
    for p in SLUGS:
        assert peak_reach[p] > 1.5 * night_reach[p], (
            f"{p}: peak {peak_reach[p]:.0f} vs 4am {night_reach[p]:.0f}"
        )
    assert at_peak.posts["engagements"].sum() > 1.5 * at_4am.posts["engagements"].sum()
    assert (at_peak.factors["time_of_day"] > 1).all() and (at_4am.factors["time_of_day"] < 1).all()


# --- format fit ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("platform", "good", "bad"), [("loop", "short_video", "image"), ("pixa", "carousel", "story")]
)
def test_a_format_that_fits_the_platform_beats_one_that_does_not(world, peaks, platform, good, bad) -> None:
    fit = world.run_plan(every_day(world, platform, peaks[platform], format=good)).posts
    misfit = world.run_plan(every_day(world, platform, peaks[platform], format=bad)).posts
    assert fit["reach"].mean() > 1.3 * misfit["reach"].mean()
    assert fit["engagements"].sum() > 1.3 * misfit["engagements"].sum()
    assert fit["follows"].sum() > misfit["follows"].sum()


def test_every_platforms_native_format_beats_its_worst(world: World, peaks) -> None:
    native = {p: max(s.formats, key=s.formats.get) for p, s in PLATFORMS.items()}
    worst = {p: min(s.formats, key=s.formats.get) for p, s in PLATFORMS.items()}
    rows_native, rows_worst = [], []
    for k, p in enumerate(SLUGS):
        rows_native += every_day(world, p, peaks[p], first_id=1000 * k, format=native[p])
        rows_worst += every_day(world, p, peaks[p], first_id=1000 * k, format=worst[p])
    good = per_platform(world.run_plan(rows_native).posts, "reach")
    bad = per_platform(world.run_plan(rows_worst).posts, "reach")
    for p in SLUGS:
        assert good[p] > 1.1 * bad[p], f"{p}: {native[p]} {good[p]:.0f} vs {worst[p]} {bad[p]:.0f}"


# --- posting frequency ---------------------------------------------------------------------------------


def test_ten_posts_a_day_lower_reach_per_post_and_raise_unfollows(world: World) -> None:
    # the same 50 time slots (8:00 to 17:00) either crammed into 5 days or spread over 50
    start = world.start_date
    crammed = [
        {"post_id": 10 * d + k, "platform": "pixa", "time": start + pd.Timedelta(days=d, hours=8 + k)}
        for d in range(5)
        for k in range(10)
    ]
    spread = [
        {
            "post_id": 10 * (i // 10) + i % 10,
            "platform": "pixa",
            "time": start + pd.Timedelta(days=i, hours=8 + i % 10),
        }
        for i in range(50)
    ]
    ten, one = world.run_plan(crammed), world.run_plan(spread)
    assert ten.posts["reach"].mean() < 0.6 * one.posts["reach"].mean()
    assert ten.posts["unfollows"].mean() > 3 * one.posts["unfollows"].mean()
    ten_days = ten.daily[(ten.daily["platform"] == "pixa") & (ten.daily["posts"] > 0)]
    one_days = one.daily[(one.daily["platform"] == "pixa") & (one.daily["posts"] > 0)]
    assert ten_days["unfollows"].mean() > 10 * one_days["unfollows"].mean()
    assert (ten.factors["fatigue"] < 1).all() and (one.factors["fatigue"] == 1).all()


# --- trends --------------------------------------------------------------------------------------------


def _first_slot(trend: pd.Series, hour: int, x_low: float, x_high: float) -> pd.Timestamp | None:
    """First time at ``hour`` when the trend is between x_low and x_high peak-times old."""
    start = pd.Timestamp(trend["start"])
    for d in range(40):
        t = start.normalize() + pd.Timedelta(days=d, hours=hour)
        x = (t - start) / pd.Timedelta(days=1) / float(trend["peak_day"])
        if x_low <= x <= x_high:
            return t
    return None


@pytest.fixture(scope="module")
def trend_world() -> World:
    """The classroom world with a half-year plan period, so that many trends run in it."""
    return World(horizon_days=182)


@pytest.fixture(scope="module")
def trend_slots(trend_world: World) -> pd.DataFrame:
    """(trend, platform) pairs of the plan period with a time on the rise, at the peak and late."""
    world = trend_world
    peaks = {p: peak_hour(world, p) for p in SLUGS}
    rows, used = [], set()
    trends = world.trends
    inside = trends[(trends["start"] >= world.start_date) & (trends["end"] < world.period_end)]
    for _, trend in inside.iterrows():
        for p in trend["platforms"].split(", "):
            slots = {
                "rising": _first_slot(trend, peaks[p], 0.4, 0.95),
                "peak": _first_slot(trend, peaks[p], 0.85, 1.25),
                "late": _first_slot(trend, peaks[p], 1.8, 3.2),
            }
            days = {(p, t.date()) for t in slots.values() if t is not None}
            if None in slots.values() or days & used:
                continue  # keep one post per platform and day, so that no fatigue mixes in
            used |= days
            rows.append({"trend_id": trend["trend_id"], "topic": trend["topic"], "platform": p, **slots})
    table = pd.DataFrame(rows)
    assert len(table) >= 8, "too few trends in the plan period to test them"
    return table


def _trend_plan(slots: pd.DataFrame, when: str, join: bool) -> list[dict[str, Any]]:
    return [
        {
            "post_id": i,
            "platform": r["platform"],
            "time": r[when],
            "topic": r["topic"],
            "trend_id": r["trend_id"] if join else "",
        }
        for i, r in enumerate(slots.to_dict("records"))
    ]


def test_joining_a_trend_early_beats_joining_after_the_peak(trend_world: World, trend_slots) -> None:
    world = trend_world
    early = world.run_plan(_trend_plan(trend_slots, "rising", join=True))
    late = world.run_plan(_trend_plan(trend_slots, "late", join=True))
    # the pairs run on different days, so weekday and follower counts differ a little too
    e, l_ = early.posts.set_index("post_id")["reach"], late.posts.set_index("post_id")["reach"]
    assert e.sum() > 1.25 * l_.sum()
    assert (e > l_.reindex(e.index)).mean() > 0.75
    assert early.factors["trend"].mean() > 1.5 * late.factors["trend"].mean()
    fresh_early, fresh_late = early.factors["trend_freshness"], late.factors["trend_freshness"]
    assert (fresh_early.sort_index() > fresh_late.sort_index()).all()


@pytest.mark.parametrize("when", ["rising", "peak"])
def test_joining_a_live_trend_beats_not_joining(trend_world: World, trend_slots, when: str) -> None:
    world = trend_world
    joined = world.run_plan(_trend_plan(trend_slots, when, join=True))
    skipped = world.run_plan(_trend_plan(trend_slots, when, join=False))
    assert joined.posts["reach"].sum() > 1.3 * skipped.posts["reach"].sum()
    assert joined.posts["follows"].sum() > skipped.posts["follows"].sum()
    assert (joined.factors["trend"] > 1).all()


def test_joining_a_trend_where_it_does_not_run_brings_nothing(trend_world: World, trend_slots) -> None:
    world = trend_world
    elsewhere = trend_slots.copy()
    elsewhere["platform"] = [
        next(p for p in ("circles", "beacon", "linkup", "chirp", "pixa", "loop") if p not in trend)
        for trend in world.trends.set_index("trend_id").loc[trend_slots["trend_id"], "platforms"]
    ]
    joined = world.run_plan(_trend_plan(elsewhere, "peak", join=True))
    skipped = world.run_plan(_trend_plan(elsewhere, "peak", join=False))
    assert (joined.factors["trend"] <= 1).all()
    assert joined.posts["reach"].sum() <= skipped.posts["reach"].sum()


def test_trend_intensity_rises_to_one_at_the_peak_and_fades(world: World) -> None:
    trends = world.trends
    trend = trends[(trends["start"] >= world.start_date) & (trends["end"] < world.period_end)].iloc[0]
    platform = trend["platforms"].split(", ")[0]
    start, peak, end = (pd.Timestamp(trend[c]) for c in ("start", "peak", "end"))
    times = pd.date_range(start, end, periods=25).floor("min")
    plan = [
        {"post_id": i, "platform": platform, "time": t, "trend_id": trend["trend_id"]}
        for i, t in enumerate(times)
    ]
    f = world.run_plan(plan).factors.sort_values("trend_freshness", ascending=False)
    assert f["trend_intensity"].iloc[0] < 0.01  # at the start
    assert f["trend_intensity"].iloc[-1] < 0.02  # at the end
    assert f["trend_intensity"].max() > 0.95
    rise = f["trend_intensity"].to_numpy()
    top = int(np.argmax(rise))
    assert (np.diff(rise[: top + 1]) >= 0).all() and (np.diff(rise[top:]) <= 0).all()
    assert (np.diff(f["trend_freshness"].to_numpy()) <= 0).all()
    assert abs((peak - start) / pd.Timedelta(days=1) - float(trend["peak_day"])) < 0.05


# --- topic and text ------------------------------------------------------------------------------------


def test_topics_the_audience_cares_about_beat_off_topic_posts(world: World, peaks) -> None:
    on_topic = NICHES[world.niche].core_interests[0]
    rows_on, rows_off = [], []
    for k, p in enumerate(SLUGS):
        held = world.audience("you", p)["interests"].str.split(", ").explode().value_counts()
        off_topic = min(INTERESTS, key=lambda i: held.get(i, 0))
        rows_on += every_day(world, p, peaks[p], first_id=1000 * k, topic=on_topic)
        rows_off += every_day(world, p, peaks[p], first_id=1000 * k, topic=off_topic)
    on, off = world.run_plan(rows_on).posts, world.run_plan(rows_off).posts
    on_reach, off_reach = per_platform(on, "reach"), per_platform(off, "reach")
    for p in SLUGS:
        assert on_reach[p] > 1.2 * off_reach[p], f"{p}: {on_reach[p]:.0f} vs {off_reach[p]:.0f}"
    assert on["engagements"].sum() > 1.3 * off["engagements"].sum()
    assert on["engagements"].sum() / on["reach"].sum() > off["engagements"].sum() / off["reach"].sum()
    assert on["follows"].sum() > off["follows"].sum()


def test_text_far_past_show_more_lowers_engagement_on_text_platforms(world: World, peaks) -> None:
    short_rows, long_rows = [], []
    for k, p in enumerate(("circles", "linkup")):
        cut = PLATFORMS[p].show_more_chars
        short_rows += every_day(world, p, peaks[p], first_id=1000 * k, text_length=cut // 2)
        long_rows += every_day(world, p, peaks[p], first_id=1000 * k, text_length=PLATFORMS[p].max_chars)
    short, long = world.run_plan(short_rows).posts, world.run_plan(long_rows).posts
    assert long["engagements"].sum() < 0.9 * short["engagements"].sum()
    assert long["engagements"].sum() / long["reach"].sum() < short["engagements"].sum() / short["reach"].sum()


# --- hashtags ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("platform", ["pixa", "loop"])
def test_more_than_fifteen_hashtags_lower_reach(world: World, peaks, platform: str) -> None:
    best = PLATFORMS[platform].best_hashtags
    normal = world.run_plan(every_day(world, platform, peaks[platform], hashtags=best)).posts
    few = world.run_plan(every_day(world, platform, peaks[platform], hashtags=2)).posts
    spammy = world.run_plan(every_day(world, platform, peaks[platform], hashtags=20)).posts
    assert spammy["reach"].sum() < 0.9 * normal["reach"].sum()
    assert spammy["reach"].sum() < few["reach"].sum()
    assert spammy["reach_non_followers"].sum() < 0.7 * normal["reach_non_followers"].sum()


# --- rubrics -------------------------------------------------------------------------------------------


def test_contests_bring_comments_follows_and_bots(world: World, peaks) -> None:
    # a weekly giveaway on every platform (daily giveaways snowball and swamp everything else)
    rows = {
        rubric: sum(
            (
                every_day(world, p, peaks[p], n_days=8, every=7, first_id=1000 * k, rubric=rubric)
                for k, p in enumerate(SLUGS)
            ),
            [],
        )
        for rubric in ("contest", "informative")
    }
    contest, informative = world.run_plan(rows["contest"]).posts, world.run_plan(rows["informative"]).posts
    assert contest["comments"].sum() > 3 * informative["comments"].sum()
    assert contest["follows"].sum() > 2 * informative["follows"].sum()
    assert contest["bot_follows"].sum() > 0
    assert informative["bot_follows"].sum() == 0
    assert (contest["bot_follows"] <= contest["follows"]).all()


def test_daily_giveaways_cannot_bring_more_followers_than_there_are_people(world: World, peaks) -> None:
    """Growth saturates: a brand cannot be followed by more people than use the platform."""
    result = world.run_plan(every_day(world, "loop", peaks["loop"], n_days=21, rubric="contest"))
    loop_users = int(world.people["on_loop"].sum())
    followers = result.followers["loop"]
    assert followers.max() <= loop_users
    # and the last week grows more slowly than the first (fewer people left to win)
    weekly = followers.iloc[[0, 7, 14, 20]].diff().dropna().to_numpy()
    assert weekly[-1] < weekly[0]


def test_commercial_posts_get_more_clicks_but_less_engagement(world: World, peaks) -> None:
    commercial = world.run_plan(all_platforms_every_day(world, peaks.get, rubric="commercial")).posts
    entertaining = world.run_plan(all_platforms_every_day(world, peaks.get, rubric="entertaining")).posts
    assert commercial["clicks"].sum() > 1.5 * entertaining["clicks"].sum()
    assert commercial["engagements"].sum() < 0.8 * entertaining["engagements"].sum()
    er_c = commercial["engagements"].sum() / commercial["reach"].sum()
    er_e = entertaining["engagements"].sum() / entertaining["reach"].sum()
    assert er_c < er_e


# --- bots ------------------------------------------------------------------------------------------------


def test_bots_among_followers_lower_the_engagement_rate(world: World, peaks) -> None:
    followers = world.audience("you", "pixa")
    held = followers["interests"].str.split(", ")
    interests = np.array([[i in h for i in INTERESTS] for h in held])
    shifts = followers["chronotype_shift"].to_numpy()
    weekend = followers["weekend_factor"].to_numpy()
    n = len(followers)
    bots = np.arange(n) < int(0.4 * n)
    clean = audience_profile("pixa", shifts, weekend, interests, np.zeros(n, dtype=bool))
    botty = audience_profile("pixa", shifts, weekend, interests, bots)
    posts = pd.DataFrame(
        {
            "uid": np.arange(200),
            "brand_id": 0,
            "platform": "pixa",
            "time": world.start_date
            + pd.to_timedelta(np.arange(200) % 50, unit="D")
            + pd.Timedelta(hours=peaks["pixa"]),
            "format": "carousel",
            "rubric": "informative",
            "topic": "coffee",
            "text_length": 100,
            "hashtags": 5,
            "cta": "none",
            "trend_id": "",
            "followers": 2_000,
            "posts_that_day": 1,
        }
    )
    args = ({0: 1.0}, world.trends, world.seed, "test-bots")
    real, _ = simulate_posts(posts, {(0, "pixa"): clean}, *args)
    fake, _ = simulate_posts(posts, {(0, "pixa"): botty}, *args)
    assert fake["er_followers"].mean() < 0.8 * real["er_followers"].mean()
    assert fake["engagements"].sum() < 0.8 * real["engagements"].sum()
    assert fake["clicks"].sum() < real["clicks"].sum()


def test_explain_counts_the_brands_own_bots(world: World, at_peak) -> None:
    bot_share = world.accounts.query("brand_id == 0").set_index("platform")["bot_share"]
    real = at_peak.factors.assign(platform=at_peak.posts.set_index("post_id")["platform"])
    for p, share in real.groupby("platform")["real_share"].first().items():
        assert share == pytest.approx(1 - bot_share[p], abs=1e-4)


# --- what-if -------------------------------------------------------------------------------------------


WHAT_IF_PLAN = [
    *({"post_id": 100 + d, "platform": "pixa", "time": f"2026-03-{3 + 2 * d:02d} 12:00"} for d in range(3)),
    *({"post_id": 200 + d, "platform": "loop", "time": f"2026-03-{3 + d:02d} 16:00"} for d in range(6)),
    *({"post_id": 300 + d, "platform": "beacon", "time": f"2026-03-{4 + 2 * d:02d} 21:00"} for d in range(2)),
    {"post_id": 400, "platform": "circles", "time": "2026-03-05 11:00", "rubric": "contest"},
]


@pytest.mark.parametrize("change", [{"format": "image"}, {"time": "2026-03-05 04:00"}, {"rubric": "contest"}])
def test_what_if_changes_one_post_and_keeps_the_rest(world: World, change: dict[str, Any]) -> None:
    before = world.run_plan(WHAT_IF_PLAN)
    after = before.what_if(202, **change)  # the loop post of 5 March
    a, b = before.posts.set_index("post_id"), after.posts.set_index("post_id")
    changed_day = pd.Timestamp("2026-03-05")
    unlinked = (a["platform"] != "loop") | (a["time"] < changed_day)
    pd.testing.assert_frame_equal(b.loc[unlinked[unlinked].index], a[unlinked])
    assert (
        a.loc[202, "reach"] != b.loc[202, "reach"] or a.loc[202, "engagements"] != b.loc[202, "engagements"]
    )
    for key, value in change.items():
        assert str(b.loc[202, key]) == str(pd.Timestamp(value) if key == "time" else value)
    # every post keeps its own luck, the changed one included
    pd.testing.assert_series_equal(after.factors["luck"].sort_index(), before.factors["luck"].sort_index())
    other_days = before.daily["platform"] != "loop"
    pd.testing.assert_frame_equal(after.daily[other_days], before.daily[other_days])


# --- followers carry from day to day ---------------------------------------------------------------


def _assert_followers_carry(posts: pd.DataFrame, daily: pd.DataFrame) -> None:
    for (brand, platform), days in daily.groupby(["brand_id", "platform"]):
        days = days.sort_values("date")
        start, end = days["followers_start"].to_numpy(), days["followers_end"].to_numpy()
        assert (end[:-1] == start[1:]).all(), f"{brand}/{platform}: end of a day is not the next day's start"
        net = np.maximum(0, start + days["follows"].to_numpy() - days["unfollows"].to_numpy())
        assert (end == net).all(), f"{brand}/{platform}: end != start + follows - unfollows"
    day_start = daily.set_index(["date", "brand_id", "platform"])["followers_start"]
    keys = pd.MultiIndex.from_arrays([posts["time"].dt.normalize(), posts["brand_id"], posts["platform"]])
    mismatch = posts["followers"].to_numpy() != day_start.reindex(keys).to_numpy()
    assert not mismatch.any(), f"{mismatch.sum()} posts show other follower counts than their day's start"


def test_plan_followers_carry_day_to_day(world: World, peaks) -> None:
    rows = all_platforms_every_day(world, peaks.get)
    rows += [
        {"post_id": 8000 + 10 * d + k, "platform": p, "time": at, "rubric": "contest"}
        for d in (3, 17, 31)
        for k, p in enumerate(SLUGS)
        for at in [world.start_date + pd.Timedelta(days=d, hours=20)]
    ]
    rows += [
        {
            "post_id": 9000 + k,
            "platform": "pixa",
            "time": world.start_date + pd.Timedelta(days=2, hours=8 + k),
        }
        for k in range(10)
    ]
    result = world.run_plan(rows)
    assert result.daily["follows"].sum() > 0 and result.daily["unfollows"].sum() > 0
    _assert_followers_carry(result.posts, result.daily)
    first = result.daily[result.daily["date"] == world.start_date].set_index("platform")["followers_start"]
    mine = world.accounts.query("brand_id == 0").set_index("platform")["followers"]
    pd.testing.assert_series_equal(first.sort_index(), mine.sort_index(), check_names=False)
    last = result.daily[result.daily["date"] == result.daily["date"].max()].set_index("platform")[
        "followers_end"
    ]
    pd.testing.assert_series_equal(
        result.followers.iloc[-1].sort_index(), last.sort_index(), check_names=False
    )


@pytest.mark.parametrize("which", ["small", "classroom"])
def test_history_followers_carry_day_to_day(which: str, small_world: World, classroom_world: World) -> None:
    world = small_world if which == "small" else classroom_world
    daily = world.history_daily
    assert daily["follows"].sum() > 0 and daily["unfollows"].sum() > 0
    _assert_followers_carry(world.posts, daily)
    panel = world.brand_followers.groupby(["brand_id", "platform"]).size()
    first = daily[daily["date"] == world.history_start].set_index(["brand_id", "platform"])["followers_start"]
    assert (first.reindex(panel.index) == panel).all(), "the history does not start from the follower panel"
    last = daily[daily["date"] == daily["date"].max()].set_index(["brand_id", "platform"])["followers_end"]
    accounts = world.accounts.set_index(["brand_id", "platform"])["followers"]
    assert (last.reindex(accounts.index) == accounts).all(), "accounts do not show the history's last day"


# --- explain ---------------------------------------------------------------------------------------------

FACTOR_WORDS = (
    "time of day",
    "audience fit",
    "format fit",
    "posting frequency",
    "trend",
    "content quality",
    "luck",
    "hashtags",
    "text length",
    "rubric",
    "call to action",
    "real followers",
)


def _reach_arithmetic(text: str) -> tuple[float, list[float], float]:
    """Read the follower-reach lines: the base, the multipliers and the expected reach."""
    lines = text.splitlines()
    i = next(k for k, line in enumerate(lines) if "Followers reached:" in line)
    base = float(re.search(r"= ([\d,]+), then:", lines[i]).group(1).replace(",", ""))
    multipliers = []
    for line in lines[i + 1 :]:
        hit = re.match(r"\s+x(\d+\.\d+)\s", line)
        if not hit:
            break
        multipliers.append(float(hit.group(1)))
    expected = float(
        re.search(r"= ([\d,]+) expected", lines[i + 1 + len(multipliers)]).group(1).replace(",", "")
    )
    return base, multipliers, expected


def _assert_explains(explanation, post: pd.Series, factors: pd.Series | None = None) -> None:
    text = str(explanation)
    for word in FACTOR_WORDS:
        assert word in text, f"explain() does not mention {word!r}"
    assert f"Reach {int(post['reach']):,} people" in text
    assert f"Engagements {int(post['engagements']):,}" in text
    base, multipliers, expected = _reach_arithmetic(text)
    assert len(multipliers) >= 7
    # the printed numbers are rounded; their exact values lie within half a unit of the last digit
    low = max(base - 0.5, 0) * np.prod([max(m - 0.005, 0) for m in multipliers])
    high = (base + 0.5) * np.prod([m + 0.005 for m in multipliers])
    assert low - 0.5 <= expected <= high + 0.5, f"{base} x {multipliers} does not give {expected}:\n{text}"
    if factors is None:
        return
    assert abs(expected - factors["expected_follower_reach"]) <= 0.5 + 1e-9
    table = explanation.factors.set_index("factor")["multiplier"]
    assert table["luck"] == pytest.approx(factors["luck"], abs=5e-4)
    assert table["time of day"] == pytest.approx(factors["time_of_day"], abs=5e-4)


def test_explain_adds_up_for_plan_posts(at_peak) -> None:
    posts = at_peak.posts.set_index("post_id", drop=False)
    expected = at_peak.factors["expected_follower_reach"].reindex(posts.index)
    capped = expected >= 0.95 * posts["followers"] - 1e-9
    assert capped.any(), "no post hit the follower cap; the cap case is untested"
    chosen = list(posts.index[capped][:10]) + list(posts.index[::17])
    for post_id in chosen:
        _assert_explains(at_peak.explain(int(post_id)), posts.loc[post_id], at_peak.factors.loc[post_id])


def test_explain_adds_up_for_history_posts(world: World) -> None:
    posts = world.posts.set_index("post_id", drop=False)
    for post_id in posts.index[::25]:
        _assert_explains(world.explain(int(post_id)), posts.loc[post_id])
