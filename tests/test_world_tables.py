"""The tables a world hands out: documented, well typed, and shaped like the real thing."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from sandbox import COMMENT_LABELS, INTERESTS, PLATFORMS, World
from sandbox.columns import COMMENT_COLUMNS, DAILY_COLUMNS, FACTOR_COLUMNS, POST_COLUMNS, TABLES
from sandbox.params import AGE_BANDS, INFLUENCER_TIERS
from sandbox.taxonomy import ROLES
from sandbox.trends import freshness, intensity

CYRILLIC_NAME = re.compile(r"^[А-ЯЁ][а-яё]+(-[А-ЯЁ][а-яё]+)? [А-ЯЁ][а-яё]+(-[А-ЯЁ][а-яё]+)?$")
LATIN_NAME = re.compile(r"^[A-Z][A-Za-z'.-]+( [A-Za-z'.-]+)+$")
TIER_ORDER = ("nano", "micro", "macro", "mega")
# calibration.md: nano (<10k), micro (10k-100k), macro (100k-1M), mega (>1M)
TIER_RANGES = {
    "nano": (0, 10_000),
    "micro": (10_000, 100_000),
    "macro": (100_000, 1_000_000),
    "mega": (1_000_000, None),
}


@pytest.fixture(scope="module", params=["small", "classroom", "small_ru"])
def any_world(request, small_world: World, classroom_world: World, small_world_ru: World) -> World:
    return {"small": small_world, "classroom": classroom_world, "small_ru": small_world_ru}[request.param]


@pytest.fixture(scope="module")
def plan_result(small_world: World):
    rows = [
        {"platform": p, "time": small_world.start_date + pd.Timedelta(days=d, hours=12), "rubric": "contest"}
        for d in range(7)
        for p in PLATFORMS
    ]
    return small_world.run_plan(rows)


# --- the data dictionary ---------------------------------------------------------------------------------


def test_every_world_table_is_documented_column_by_column(any_world: World) -> None:
    for name, documented in TABLES.items():
        table = getattr(any_world, name)
        assert list(table.columns) == list(documented), f"{name}: columns differ from sandbox.columns.TABLES"


def test_plan_results_are_documented(plan_result) -> None:
    assert set(plan_result.posts.columns) == set(POST_COLUMNS)
    assert list(plan_result.daily.columns) == [c for c in DAILY_COLUMNS if c != "brand"]
    assert list(plan_result.comments.columns) == list(COMMENT_COLUMNS)
    assert list(plan_result.factors.columns) == list(FACTOR_COLUMNS)
    assert len(plan_result.comments) > 0


def _all_tables(world: World, result) -> dict[str, pd.DataFrame]:
    tables = {name: getattr(world, name) for name in TABLES}
    tables.update({"plan.posts": result.posts, "plan.daily": result.daily, "plan.comments": result.comments})
    return tables


def test_text_columns_are_strings_and_ids_are_integers(small_world: World, plan_result) -> None:
    for name, table in _all_tables(small_world, plan_result).items():
        for col in table.columns:
            dtype = table[col].dtype
            where = f"{name}.{col} ({dtype})"
            assert not pd.api.types.is_object_dtype(dtype), f"{where}: no object columns; text uses str"
            if col.endswith("_id") and col != "trend_id":
                assert pd.api.types.is_integer_dtype(dtype), f"{where}: ids are integers"
            elif not (
                pd.api.types.is_numeric_dtype(dtype)
                or pd.api.types.is_bool_dtype(dtype)
                or pd.api.types.is_datetime64_dtype(dtype)
            ):
                if isinstance(dtype, pd.CategoricalDtype):  # follows.platform: millions of rows
                    dtype = dtype.categories.dtype
                assert pd.api.types.is_string_dtype(dtype), f"{where}: text columns use a string dtype"
    counts = [c for c in POST_COLUMNS if c not in ("er_followers", "er_reach")]
    for col in counts[counts.index("posts_that_day") :]:
        assert pd.api.types.is_integer_dtype(small_world.posts[col].dtype), f"posts.{col} counts are integers"


# --- people and the follow graph -------------------------------------------------------------------------


def test_people_are_teenagers_to_65_and_use_at_least_one_platform(any_world: World) -> None:
    people = any_world.people
    assert people["person_id"].tolist() == list(range(any_world.size))
    assert people["age"].between(13, 65).all()
    assert people["age"].min() <= 17 and people["age"].max() >= 55
    band = pd.cut(
        people["age"], [lo - 1 for lo, _ in AGE_BANDS] + [65], labels=[f"{a}-{b}" for a, b in AGE_BANDS]
    )
    assert (band.astype(str) == people["age_band"].astype(str)).all()
    on = people[[f"on_{p}" for p in PLATFORMS]]
    assert on.any(axis=1).all(), "someone uses no platform"
    listed = people["platforms"].str.split(", ")
    assert listed.explode().isin(list(PLATFORMS)).all()
    for p in PLATFORMS:
        assert (listed.map(lambda ps, p=p: p in ps) == people[f"on_{p}"]).all(), f"platforms vs on_{p}"
    assert set(people["gender"]) == {"female", "male"}
    assert set(people["role"]) == set(ROLES)
    held = people["interests"].str.split(", ").explode()
    assert held.isin(INTERESTS).all() and (people["interests"].str.len() > 0).all()


def test_bots_spammers_and_trolls_are_among_the_people(any_world: World) -> None:
    roles = any_world.people["role"].value_counts(normalize=True)
    for role in ("bot", "spammer", "troll", "influencer"):
        assert roles.get(role, 0) > 0.002, f"too few {role}s: {roles.get(role, 0):.2%}"
    assert roles["regular"] > 0.85


def test_follows_have_no_self_loops_or_duplicates(any_world: World) -> None:
    follows = any_world.follows
    assert len(follows) > 10 * any_world.size
    assert (follows["follower_id"] != follows["followee_id"]).all()
    assert not follows.duplicated(["follower_id", "followee_id", "platform"]).any()
    people = any_world.people
    for p in PLATFORMS:
        edges = follows[follows["platform"] == p]
        members = people[f"on_{p}"].to_numpy()
        assert members[edges["follower_id"]].all() and members[edges["followee_id"]].all(), (
            f"non-member on {p}"
        )
    assert (people["followers"] == np.bincount(follows["followee_id"], minlength=any_world.size)).all()
    assert (people["following"] == np.bincount(follows["follower_id"], minlength=any_world.size)).all()


def test_popularity_is_heavy_tailed(any_world: World) -> None:
    in_degree = np.sort(any_world.people["followers"].to_numpy())[::-1]
    top = in_degree[: max(1, any_world.size // 100)].sum()
    assert top > 0.10 * in_degree.sum(), "the top 1% of accounts should hold more than 10% of follows"
    assert in_degree[0] > 20 * np.median(in_degree)


# --- influencers -------------------------------------------------------------------------------------------


def test_influencers_cover_every_tier_within_its_follower_range(any_world: World) -> None:
    infl = any_world.influencers
    assert set(infl["tier"]) == set(TIER_ORDER)
    for tier, (low, high) in TIER_RANGES.items():
        followers = infl.loc[infl["tier"] == tier, "followers"]
        assert (followers >= max(low, INFLUENCER_TIERS[tier][0])).all(), tier
        if high is not None:
            assert (followers < high).all(), f"{tier} influencers must have fewer than {high:,} followers"
    people = any_world.people.set_index("person_id")
    assert (people.loc[infl["person_id"], "role"] == "influencer").all()
    on_home = [people.loc[pid, f"on_{p}"] for pid, p in zip(infl["person_id"], infl["platform"], strict=True)]
    assert all(on_home), "an influencer's home platform is one they use"


def test_engagement_rate_falls_as_the_tier_rises(any_world: World) -> None:
    median = any_world.influencers.groupby("tier")["engagement_rate"].median().reindex(TIER_ORDER)
    assert median.is_monotonic_decreasing and median.nunique() == 4, median.to_dict()


def test_fake_followers_are_measured_and_lower_the_visible_rate(any_world: World) -> None:
    infl = any_world.influencers
    fake = infl["fake_follower_share"]
    assert fake.between(0, 1).all()
    assert (fake > 0.3).sum() >= 2, "some influencers should have more than 30% fake followers"
    assert (fake < 0.15).sum() >= len(infl) // 3, "most influencers are mostly real"
    assert np.allclose(infl["real_followers"], infl["followers"] * (1 - fake), rtol=0.002, atol=1)
    assert np.allclose(infl["engagement_rate"], infl["avg_engagements"] / infl["followers"], atol=1e-5)
    assert (infl["engagement_rate"] <= infl["real_engagement_rate"] + 1e-5).all()
    heavy = infl[fake > 0.3]
    assert (heavy["engagement_rate"] < 0.75 * heavy["real_engagement_rate"]).all()


# --- brands and their history --------------------------------------------------------------------------


def test_you_and_at_least_three_competitors(any_world: World) -> None:
    brands = any_world.brands
    assert brands["brand_id"].tolist() == list(range(1 + any_world.competitors))
    assert len(brands) >= 4 and brands["is_you"].tolist() == [True] + [False] * (len(brands) - 1)
    assert brands["name"].iloc[0] == any_world.you and brands["name"].is_unique
    assert (brands["niche"] == any_world.niche).all()
    accounts = any_world.accounts
    assert set(accounts.loc[accounts["brand_id"] == 0, "platform"]) == set(PLATFORMS)
    assert accounts.groupby("brand_id").size().min() >= 3
    assert accounts["bot_share"].between(0, 1).all() and (accounts["followers"] > 0).all()


def test_every_brand_has_at_least_90_days_of_posts(any_world: World) -> None:
    posts = any_world.posts
    assert posts["time"].min() >= any_world.history_start and posts["time"].max() < any_world.start_date
    assert any_world.history_days >= 90
    for brand, times in posts.groupby("brand_id")["time"]:
        assert times.min() < any_world.history_start + pd.Timedelta(days=10), f"brand {brand} starts late"
        assert times.max() >= any_world.start_date - pd.Timedelta(days=10), f"brand {brand} stops early"
        assert times.dt.normalize().nunique() >= 30, f"brand {brand} posted on too few days"
    daily = any_world.history_daily
    per_account = daily.groupby(["brand_id", "platform"])["date"].nunique()
    assert (per_account == any_world.history_days).all()
    assert len(per_account) == len(any_world.accounts)


def test_history_posts_are_valid_posts(any_world: World) -> None:
    posts = any_world.posts
    assert posts["post_id"].is_unique
    for p, group in posts.groupby("platform"):
        assert group["format"].isin(list(PLATFORMS[p].formats)).all(), p
        assert group["text_length"].between(1, PLATFORMS[p].max_chars).all(), p
    assert posts["topic"].isin(INTERESTS).all()
    joined = posts.loc[posts["trend_id"] != "", "trend_id"]
    assert len(joined) > 0 and joined.isin(any_world.trends["trend_id"]).all()
    assert (posts["reach"] == posts["reach_followers"] + posts["reach_non_followers"]).all()
    assert (posts["reach_followers"] <= posts["followers"]).all()
    assert (posts["impressions"] >= posts["reach"]).all()
    assert (posts["engagements"] == posts[["likes", "comments", "shares", "saves"]].sum(axis=1)).all()
    assert np.allclose(posts["er_followers"], posts["engagements"] / posts["followers"])


def test_brand_followers_use_the_platform(any_world: World) -> None:
    followers = any_world.brand_followers
    assert not followers.duplicated().any()
    people = any_world.people
    for p, group in followers.groupby("platform"):
        assert people[f"on_{p}"].to_numpy()[group["person_id"]].all(), p


# --- comments -----------------------------------------------------------------------------------------


def test_comments_carry_all_five_labels(classroom_world: World) -> None:
    comments = classroom_world.comments
    assert set(comments["label"]) == set(COMMENT_LABELS)
    assert (comments["needs_reply"] == comments["label"].isin(["question", "complaint"])).all()
    spam_authors = comments.loc[comments["label"] == "spam", "author_role"]
    assert spam_authors.isin(["spammer", "bot"]).all()
    toxic_authors = comments.loc[comments["label"] == "toxic", "author_role"]
    assert (toxic_authors == "troll").mean() > 0.5


@pytest.mark.parametrize("which", ["history", "plan"])
def test_comments_belong_to_their_posts(
    which: str, classroom_world: World, small_world: World, plan_result
) -> None:
    if which == "history":
        posts, comments = classroom_world.posts, classroom_world.comments
    else:
        posts, comments = plan_result.posts, plan_result.comments
    assert comments["comment_id"].tolist() == list(range(len(comments)))
    assert len(comments) == posts["comments"].sum()
    per_post = comments.groupby("post_id").size()
    assert (per_post == posts.set_index("post_id")["comments"].reindex(per_post.index)).all()
    joined = comments.merge(
        posts[["post_id", "brand_id", "platform", "time"]], on="post_id", suffixes=("", "_post")
    )
    assert len(joined) == len(comments)
    assert (joined["brand_id"] == joined["brand_id_post"]).all()
    assert (joined["platform"] == joined["platform_post"]).all()
    assert (joined["time"] >= joined["time_post"]).all()
    assert comments["text"].str.len().gt(0).all()


# --- trends ----------------------------------------------------------------------------------------------


def test_trends_rise_and_fade(any_world: World) -> None:
    trends = any_world.trends
    assert trends["trend_id"].is_unique and len(trends) >= 3
    assert ((trends["start"] < trends["peak"]) & (trends["peak"] < trends["end"])).all()
    assert trends["platforms"].str.split(", ").explode().isin(list(PLATFORMS)).all()
    assert trends["topic"].isin(INTERESTS).all()
    peak_day = trends["peak_day"].to_numpy()
    length = ((trends["end"] - trends["start"]) / pd.Timedelta(days=1)).to_numpy()
    assert np.allclose(length, 4 * peak_day, atol=0.1)
    assert np.allclose(intensity(np.zeros_like(peak_day), peak_day), 0)
    assert np.allclose(intensity(peak_day, peak_day), 1)
    assert (intensity(length, peak_day) < 0.02).all()
    grid = np.linspace(0, 1, 60)[:, None] * length[None, :]
    fresh = freshness(grid, np.broadcast_to(peak_day, grid.shape))
    assert np.allclose(fresh[0], 1) and (fresh[-1] < 0.01).all()
    assert (np.diff(fresh, axis=0) < 0).all(), "freshness must fall all the way from start to end"
    covered = (trends["start"] < any_world.period_end) & (trends["end"] > any_world.start_date)
    assert covered.sum() >= 3, "a plan period needs live trends to join"


# --- platforms and locales ------------------------------------------------------------------------------


def test_platforms_table_matches_the_parameters(small_world: World) -> None:
    table = small_world.platforms.set_index("platform")
    assert list(table.index) == list(PLATFORMS)
    for slug, spec in PLATFORMS.items():
        assert table.loc[slug, "formats"] == ", ".join(spec.formats)
        assert table.loc[slug, "native_format"] == max(spec.formats, key=spec.formats.get)
        assert table.loc[slug, "name"] == spec.name
        assert len(table.loc[slug, "peak_hours"].split(", ")) == 3


def test_russian_worlds_speak_russian(small_world_ru: World) -> None:
    people = small_world_ru.people
    assert people["name"].str.match(CYRILLIC_NAME).all(), people.loc[
        ~people["name"].str.match(CYRILLIC_NAME), "name"
    ]
    cyrillic = re.compile("[А-Яа-яЁё]")
    assert people["city"].str.contains(cyrillic).all()
    assert people["job"].str.contains(cyrillic).mean() > 0.95
    assert small_world_ru.comments["text"].str.contains(cyrillic).mean() > 0.9
    assert set(people["country"]) <= {"Russia", "Kazakhstan", "Belarus"}


def test_english_worlds_speak_english(small_world: World) -> None:
    people = small_world.people
    assert people["name"].str.match(LATIN_NAME).all(), people.loc[
        ~people["name"].str.match(LATIN_NAME), "name"
    ]
    assert not small_world.comments["text"].str.contains("[А-Яа-яЁё]").any()
    assert set(people["country"]) <= {"United States", "Canada", "United Kingdom", "India"}
