"""The funnel, attribution across channels, influencer deals and cross-promotions."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from sandbox import NICHES, SandboxInputError, World
from sandbox.ads import AdsManager, Creative, Targeting
from sandbox.ads.attribution import Attribution, channel_report
from sandbox.ads.draws import binomial, poisson
from sandbox.ads.influencer_deals import CrossPromo, Deal, marketplace, run_deals
from sandbox.ads.partners import partner_communities
from sandbox.seeding import uniforms


@pytest.fixture(scope="module")
def world() -> World:
    return World(seed=13, size=20_000)


@pytest.fixture(scope="module")
def plan(world):
    posts = []
    for day in range(14):
        for platform, hour in (("pixa", 11), ("beacon", 9), ("loop", 17)):
            posts.append(
                {
                    "platform": platform,
                    "time": f"2026-03-{2 + day:02d} {hour}:00",
                    "rubric": "contest" if day % 7 == 3 else "commercial",
                    "cta": "shop_now",
                }
            )
    return world.run_plan(posts)


@pytest.fixture(scope="module")
def ads_results(world):
    ads = AdsManager(world)
    panel = ads.panel
    aset = ads.create_campaign("spring", objective="sales").create_ad_set(
        "city",
        Targeting(platforms=["pixa"], cities=[panel.brand_city], interests=["coffee"]),
        daily_budget=25.0,
        end="2026-03-15",
    )
    aset.create_ad("a", Creative(format="carousel", headline="Two for one", cta="shop_now", visual_fit=0.8))
    return ads.run()


@pytest.fixture(scope="module")
def deals(world):
    m = marketplace(world)
    nano = m[m["tier"] == "nano"]["influencer_id"].tolist()
    micro = m[m["tier"] == "micro"]["influencer_id"].tolist()
    return run_deals(
        world,
        [
            Deal(micro[0], "paid_post", "2026-03-05"),
            Deal(micro[1], "giveaway", "2026-03-06", prize_value=150, name="spring giveaway"),
            Deal(nano[0], "affiliate", "2026-03-07", commission=0.2),
            Deal(nano[1], "takeover", "2026-03-08"),
            CrossPromo(0, "2026-03-09"),
        ],
    )


def test_draws_are_unbiased_and_monotone_in_the_mean():
    u = uniforms(1, "test-draws", np.arange(200_000), 1)[:, 0]
    for lam in (0.05, 2.0, 35.0, 500.0):
        x = poisson(np.full(u.size, lam), u)
        assert x.mean() == pytest.approx(lam, rel=0.02)
        assert x.var() == pytest.approx(lam, rel=0.06)
    n = np.full(u.size, 40)
    for p in (0.01, 0.3, 0.97):
        x = binomial(n, np.full(u.size, p), u)
        assert x.mean() == pytest.approx(40 * p, rel=0.02)
        assert (x >= 0).all() and (x <= 40).all()
    big = binomial(np.full(u.size, 5000), np.full(u.size, 0.2), u)
    assert big.mean() == pytest.approx(1000, rel=0.01)
    lo, hi = poisson(np.full(u.size, 3.0), u), poisson(np.full(u.size, 3.3), u)
    assert (hi >= lo).all()


def test_organic_plan_clicks_feed_the_same_funnel_and_contests_are_their_own_channel(world, plan):
    att = Attribution(world, plan=plan)
    ch = att.channels.set_index("channel")
    assert set(ch.index) == {"organic", "contest"}
    posts = plan.posts
    is_contest = posts["rubric"] == "contest"
    assert ch.loc["organic", "clicks"] == posts.loc[~is_contest, "clicks"].sum()
    assert ch.loc["contest", "clicks"] == posts.loc[is_contest, "clicks"].sum()
    assert ch.loc["organic", "impressions"] == posts.loc[~is_contest, "impressions"].sum()
    for c in ch.index:
        assert (
            ch.loc[c, "clicks"] >= ch.loc[c, "visits"] >= ch.loc[c, "registrations"] >= ch.loc[c, "purchases"]
        )
    conv = att.conversions
    assert set(conv["channel"]) <= {"organic", "contest"}
    assert (conv["event"] == "registration").sum() == ch["registrations"].sum()
    assert ch["registrations"].sum() > 0
    assert np.isnan(ch.loc["organic", "romi"]), "no cost given: ROMI is undefined"


def test_channel_report_computes_cpa_roas_and_romi_per_channel(world, plan, ads_results, deals):
    table = channel_report(
        world, plan=plan, ads=ads_results, deals=deals, costs={"organic": 300.0, "contest": 150.0}
    )
    assert list(table["channel"]) == ["organic", "contest", "ads", "influencer", "cross_promo"]
    t = table.set_index("channel")
    margin = NICHES[world.niche].margin
    assert t.loc["ads", "cost"] == pytest.approx(ads_results.ad_sets["spend"].sum(), abs=0.01)
    assert t.loc["organic", "cost"] == 300.0 and t.loc["contest", "cost"] == 150.0
    assert t.loc["influencer", "cost"] == pytest.approx(
        deals.deals.query("channel == 'influencer'")["cost"].sum()
    )
    for c in t.index:
        r = t.loc[c]
        if r["cost"] > 0:
            assert r["romi"] == pytest.approx((r["revenue"] * margin - r["cost"]) / r["cost"])
            assert r["roas"] == pytest.approx(r["revenue"] / r["cost"])
        if r["purchases"] > 0:
            assert r["cpa"] == pytest.approx(r["cost"] / r["purchases"])
    assert t.loc["ads", "purchases"] == ads_results.ad_sets["purchases"].sum()
    att = Attribution(world, plan=plan, ads=ads_results, deals=deals)
    src = att.sources
    assert (
        src.groupby("channel")["registrations"].sum().to_dict()
        == att.channels.set_index("channel")["registrations"].to_dict()
    )
    assert set(att.conversions["channel"]) <= {"organic", "contest", "ads", "influencer", "cross_promo"}
    assert "ads" in ads_results.by_channel()["channel"].tolist()
    with pytest.raises(SandboxInputError, match="costs"):
        channel_report(world, plan=plan, costs={"tv": 10})
    with pytest.raises(SandboxInputError, match="plan"):
        Attribution(world)


def test_marketplace_checks_audiences_and_quotes_prices(world):
    m = marketplace(world)
    for col in (
        "tier",
        "price_per_post",
        "fake_follower_share",
        "real_engagement_rate",
        "audience_in_brand_city",
        "audience_interested",
        "audience_bots",
        "price_giveaway",
        "price_takeover",
        "affiliate_commission",
    ):
        assert col in m.columns
    core = list(NICHES[world.niche].core_interests)
    on_topic = m[m["topic"].isin(core)]["audience_interested"].mean()
    off_topic = m[~m["topic"].isin(core)]["audience_interested"].mean()
    assert on_topic > off_topic + 0.1
    assert (m["price_giveaway"] >= m["price_per_post"]).all()
    assert m["audience_in_brand_city"].between(0, 1).all()


def test_deals_bring_reach_follows_bots_for_giveaways_and_conversions(world, deals):
    d = deals.deals.set_index("deal")
    assert (d["reach"] > 0).all()
    assert d.loc["spring giveaway", "bot_follows"] > 0
    assert d.loc["spring giveaway", "follows"] > d.loc["deal 1", "follows"]
    assert (d.drop(index="spring giveaway")["bot_follows"] == 0).all()
    aff = d.loc["deal 3"]
    assert aff["cost"] == pytest.approx(0.2 * aff["revenue"], abs=0.01)
    assert d.loc["cross-promo 5", "channel"] == "cross_promo"
    assert (d["clicks"] >= d["visits"]).all() and (d["visits"] >= d["registrations"]).all()
    conv = deals.conversions
    for name, r in d.iterrows():
        mine = conv[conv["source"] == name]
        assert (mine["event"] == "purchase").sum() == r["purchases"]


def test_reach_follows_real_followers_not_the_follower_count(world):
    """On one platform, reach grows with real followers; fake followers add nothing."""
    m = marketplace(world)
    platform = m["platform"].value_counts().index[0]
    same = m[m["platform"] == platform]
    res = run_deals(
        world, [Deal(int(i), "paid_post", "2026-03-10", name=f"p{i}") for i in same["influencer_id"]]
    ).deals
    real = same["real_followers"].to_numpy()
    reach = res["reach"].to_numpy()
    rank = lambda a: np.argsort(np.argsort(a))  # noqa: E731
    assert np.corrcoef(rank(real), rank(reach))[0, 1] > 0.8
    # the ratio of reach to real followers does not grow with the share of fake followers
    ratio = np.log(reach / real)
    fake = same["fake_follower_share"].to_numpy()
    assert abs(np.corrcoef(fake, ratio)[0, 1]) < 0.5
    assert (reach < same["followers"].to_numpy()).mean() > 0.5


def test_deal_errors_name_the_field(world):
    with pytest.raises(SandboxInputError, match="^influencer_id"):
        run_deals(world, [Deal(10_000)])
    with pytest.raises(SandboxInputError, match="^kind"):
        run_deals(world, [Deal(0, kind="ambassador_forever")])
    with pytest.raises(SandboxInputError, match="^date"):
        run_deals(world, [Deal(0, date="2027-01-01")])
    with pytest.raises(SandboxInputError, match="^prize_value"):
        run_deals(world, [Deal(0, kind="giveaway", prize_value=-1)])
    with pytest.raises(SandboxInputError, match="^partner_id"):
        run_deals(world, [CrossPromo(99)])
    with pytest.raises(SandboxInputError, match="^deals"):
        run_deals(world, [])
    with pytest.raises(SandboxInputError, match="^name"):
        run_deals(world, [Deal(0, name="a"), Deal(1, name="a")])


def test_partner_communities_are_near_the_niche_and_deterministic(world):
    p = partner_communities(world)
    assert set(p["topic"]) == set(NICHES[world.niche].adjacent_interests)
    assert (p["fee"] >= 0).all() and (p["followers"] > 0).all()
    assert p.equals(partner_communities(World(seed=13, size=20_000)))
    assert "audience_local" not in p.columns


def test_deals_are_deterministic_and_keyed_by_their_own_name(world):
    a = run_deals(world, [Deal(3, name="one"), Deal(5, name="two")]).deals.set_index("deal")
    b = run_deals(world, [Deal(5, name="two")]).deals.set_index("deal")
    pd.testing.assert_series_equal(a.loc["two"], b.loc["two"])
