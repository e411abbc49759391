"""Audience and competitor helpers in sandbox.analysis: the numbers lessons 01 and 02 rely on."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from sandbox import PLATFORMS, World, analysis
from sandbox.errors import SandboxInputError


@pytest.fixture(scope="module")
def world():
    return World(seed=3, niche="pet_shop", size=3_000)


@pytest.fixture(scope="module")
def followers(world):
    return world.audience("you").drop_duplicates("person_id")


def _posts(rows):
    """A tiny hand-made posts table with the columns the helpers read."""
    df = pd.DataFrame(
        rows, columns=["brand", "platform", "time", "engagements", "followers", "reach", "impressions"]
    )
    df["time"] = pd.to_datetime(df["time"])
    df["brand"] = df["brand"].astype("str")
    df["platform"] = df["platform"].astype("str")
    return df


# --- audience -------------------------------------------------------------------------------


def test_share_vs_reference_of_a_group_with_itself_is_index_100(world):
    people = world.people
    table = analysis.share_vs_reference(people, people, "age_band")
    assert np.allclose(table["index"], 100)
    assert table["group"].sum() == pytest.approx(1.0)


def test_local_brand_followers_over_index_its_home_city(world, followers):
    table = analysis.share_vs_reference(followers, world.people, "city")
    home = world.brands.loc[0, "city"]
    assert table.index[0] == home, "a local brand's followers live mostly in its home city"
    assert table.loc[home, "index"] > 150
    assert table["group"].sum() == pytest.approx(1.0)
    assert table["reference"].sum() == pytest.approx(1.0)


def test_share_vs_reference_names_a_missing_column(world, followers):
    with pytest.raises(SandboxInputError, match="column"):
        analysis.share_vs_reference(followers, world.people, "hometown")


def test_platform_shares_are_the_share_of_on_columns(world):
    people = world.people.head(200)
    shares = analysis.platform_shares(people)
    assert list(shares.index) == list(PLATFORMS)
    for slug in PLATFORMS:
        assert shares[slug] == pytest.approx(people[f"on_{slug}"].mean())


def test_persona_summary_reads_the_group(world):
    people = world.people
    city = people["city"].value_counts().index[0]
    group = people[
        (people["gender"] == "female") & (people["age_band"] == "25-34") & (people["city"] == city)
    ]
    persona = analysis.persona_summary(world, group)
    assert persona["people"] == len(group)
    assert persona["female_share"] == 1.0
    assert persona["main_age_band"] == "25-34" and persona["main_age_band_share"] == 1.0
    assert 25 <= persona["median_age"] <= 34
    assert persona["main_city"] == city and persona["main_city_share"] == 1.0
    main = analysis.platform_shares(group).idxmax()
    assert persona["main_platform"] == main
    activity = world.activity(group, platform=main)
    assert persona["peak_hour"] == int(activity.mean(axis=0).idxmax())
    top = analysis.interest_shares(group)
    assert persona["top_interests"] == ", ".join(top.index[:3])
    assert persona["top_interest_share"] == pytest.approx(top.iloc[0])


def test_persona_summary_of_no_one_is_a_clear_error(world):
    with pytest.raises(SandboxInputError, match="people"):
        analysis.persona_summary(world, world.people.head(0))


def test_segment_profiles_one_row_per_segment(world, followers):
    segments = followers["age_band"].map({"13-17": "young", "18-24": "young", "25-34": "adults"})
    table = analysis.segment_profiles(world, followers, segments)
    assert set(table.index) == {"young", "adults"}, "unlabelled rows (35+) are left out"
    assert table["people"].sum() == segments.notna().sum()
    assert table["share"].sum() == pytest.approx(1.0)
    assert table.loc["young", "median_age"] < table.loc["adults", "median_age"]


def test_segment_profiles_needs_labels_for_the_same_rows(world, followers):
    with pytest.raises(SandboxInputError, match="segments"):
        analysis.segment_profiles(world, followers, followers["age_band"].reset_index(drop=True).iloc[:10])


# --- competitors ------------------------------------------------------------------------------


def test_posts_per_week_counts_over_the_given_days():
    rows = [("A", "pixa", f"2026-01-{d:02d} 10:00", 1, 100, 10, 12) for d in range(1, 15)]
    rows += [("B", "loop", "2026-01-03 10:00", 1, 100, 10, 12)]
    posts = _posts(rows)
    wide = analysis.posts_per_week(posts, days=14)
    assert wide.loc["A", "pixa"] == pytest.approx(7.0)
    assert wide.loc["A", "loop"] == 0.0, "a brand that never posted there gets 0"
    assert wide.loc["B", "loop"] == pytest.approx(0.5)
    assert list(wide.columns) == ["pixa", "loop"], "platforms keep their usual order"
    total = analysis.posts_per_week(posts, days=28, columns=None)
    assert total.loc["A", "posts_per_week"] == pytest.approx(3.5)
    inferred = analysis.posts_per_week(posts)
    assert inferred.loc["A", "pixa"] == pytest.approx(7.0), "days default to first..last post day"
    with pytest.raises(SandboxInputError, match="days"):
        analysis.posts_per_week(posts, days=0)


def test_engagement_rate_uses_the_named_denominator():
    posts = _posts(
        [
            ("A", "pixa", "2026-01-01 10:00", 10, 1000, 100, 200),
            ("A", "pixa", "2026-01-02 10:00", 30, 1000, 300, 400),
            ("B", "pixa", "2026-01-01 10:00", 5, 100, 0, 0),
        ]
    )
    by_followers = analysis.engagement_rate(posts, "followers")
    assert by_followers["A"] == pytest.approx((0.01 + 0.03) / 2)
    assert by_followers["B"] == pytest.approx(0.05)
    by_reach = analysis.engagement_rate(posts, "reach")
    assert by_reach["A"] == pytest.approx(0.1)
    assert "B" not in by_reach.index, "posts that reached no one are left out, not counted as 0"
    assert analysis.engagement_rate(posts, "impressions", by=None) == pytest.approx((10 / 200 + 30 / 400) / 2)
    assert analysis.engagement_rate(posts, "followers", stat="median", by=None) == pytest.approx(0.03)
    with pytest.raises(SandboxInputError, match="denominator"):
        analysis.engagement_rate(posts, "likes")
    with pytest.raises(SandboxInputError, match="stat"):
        analysis.engagement_rate(posts, stat="max")


def test_er_rankings_show_the_ranking_change_between_denominators():
    # A moves a big share of its followers (wide reach); B's posts reach few but engage them
    posts = _posts(
        [
            ("A", "pixa", "2026-01-01 10:00", 20, 1000, 800, 900),
            ("B", "pixa", "2026-01-01 10:00", 10, 1000, 100, 110),
        ]
    )
    table = analysis.er_rankings(posts)
    assert table.loc["A", "rank_followers"] == 1 and table.loc["B", "rank_followers"] == 2
    assert table.loc["B", "rank_reach"] == 1 and table.loc["A", "rank_reach"] == 2
    assert table.loc["A", "er_followers"] == pytest.approx(0.02)
    assert list(table.index) == ["A", "B"], "sorted by the first denominator's rank"


def test_content_mix_rows_sum_to_one_in_taxonomy_order(world):
    mix = analysis.content_mix(world.posts, "rubric")
    assert np.allclose(mix.sum(axis=1), 1.0)
    assert list(mix.columns) == [
        r for r in ("informative", "entertaining", "commercial", "contest") if r in mix
    ]
    by_account = analysis.content_mix(world.posts, "format", by=["brand", "platform"])
    assert by_account.index.nlevels == 2
    with pytest.raises(SandboxInputError, match="column"):
        analysis.content_mix(world.posts, "colour")


def test_format_fit_reads_the_platform_table():
    posts = pd.DataFrame({"platform": ["loop", "loop", "pixa"], "format": ["short_video", "image", "story"]})
    fit = analysis.format_fit(posts)
    assert list(fit) == [PLATFORMS["loop"].formats["short_video"], PLATFORMS["loop"].formats["image"], 0.7]
    assert fit.iloc[1] < 1.0, "a photo on the short-video platform is a poor fit"


def test_mark_off_peak_compares_post_hours_with_the_account_audience(world):
    acc = world.accounts.iloc[0]
    bid, platform = int(acc["brand_id"]), str(acc["platform"])
    ids = world.brand_followers.query("brand_id == @bid and platform == @platform")["person_id"]
    activity = world.activity(ids.to_numpy(), platform=platform)
    peak = int(activity.loc["Tue"].idxmax())
    posts = pd.DataFrame(
        {
            "brand_id": [bid, bid],
            "platform": pd.array([platform, platform], dtype="str"),
            "time": pd.to_datetime(["2026-01-06 03:10", f"2026-01-06 {peak:02d}:30"]),  # a Tuesday
        }
    )
    marked = analysis.mark_off_peak(world, posts)
    assert marked["audience_online"].tolist() == pytest.approx(
        [activity.loc["Tue", 3], activity.loc["Tue", peak]]
    )
    assert marked["off_peak"].tolist() == [True, False]
    assert "audience_online" not in posts.columns, "the input is not modified"
    with pytest.raises(SandboxInputError, match="threshold"):
        analysis.mark_off_peak(world, posts, threshold=0)


def test_top_posts_flags_the_top_share_within_each_platform(world):
    posts = world.posts
    flag = analysis.top_posts(posts, "er_followers", share=0.1)
    for _, g in posts.groupby("platform"):
        n_top = int(flag[g.index].sum())
        assert n_top == int(np.floor(len(g) * 0.1 + 1e-9)) or n_top == int(np.ceil(len(g) * 0.1))
        if n_top:
            assert g.loc[flag[g.index], "er_followers"].min() >= g.loc[~flag[g.index], "er_followers"].max()
    overall = analysis.top_posts(posts, "reach", share=0.05, within=None)
    assert overall.sum() == pytest.approx(0.05 * len(posts), abs=1)
    with pytest.raises(SandboxInputError, match="share"):
        analysis.top_posts(posts, share=1.5)
    with pytest.raises(SandboxInputError, match="by"):
        analysis.top_posts(posts, by="virality")


def test_competitor_summary_one_row_per_brand_consistent_with_the_tables(world):
    table = analysis.competitor_summary(world)
    brands = world.brands
    assert list(table.index) == brands["name"].tolist()
    assert table["is_you"].tolist() == brands["is_you"].tolist()
    posts, accounts, comments = world.posts, world.accounts, world.comments
    for name, row in table.iterrows():
        acc = accounts[accounts["brand"] == name]
        assert row["platforms"] == len(acc)
        assert set(filter(None, row["absent_from"].split(", "))) == set(PLATFORMS) - set(acc["platform"])
        assert row["followers"] == acc["followers"].sum()
        mine = posts[posts["brand"] == name]
        assert row["posts_per_week"] == pytest.approx(len(mine) / (world.history_days / 7))
        bid = int(brands.loc[brands["name"] == name, "brand_id"].iloc[0])
        asks = comments[(comments["brand_id"] == bid) & comments["needs_reply"]]
        assert row["needs_reply_per_100_posts"] == pytest.approx(100 * len(asks) / len(mine))
        assert row["er_followers"] == pytest.approx((mine["engagements"] / mine["followers"]).mean())
        assert 0 <= row["off_peak_share"] <= 1 and 0 <= row["weak_format_share"] <= 1
    stricter = analysis.competitor_summary(world, off_peak_threshold=1.5)
    assert (stricter["off_peak_share"] >= table["off_peak_share"]).all()
