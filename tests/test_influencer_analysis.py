"""Influencer analysis: both engagement rates, price per real reach, shortlist rules, suspects, deal results."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from sandbox import World
from sandbox import influencer_analysis as ia
from sandbox.ads import Deal, marketplace, run_deals
from sandbox.errors import SandboxInputError
from sandbox.params import DEAL_TYPES, PLATFORMS


@pytest.fixture(scope="module")
def world():
    return World(seed=11, niche="coffee_shop", size=3_000)


@pytest.fixture(scope="module")
def market(world):
    return marketplace(world)


def _toy() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "influencer_id": [0, 1, 2, 3],
            "handle": ["@a", "@b", "@c", "@d"],
            "platform": ["pixa", "loop", "circles", "pixa"],
            "tier": ["nano", "nano", "nano", "micro"],
            "followers": [1000, 2000, 4000, 20000],
            "fake_follower_share": [0.0, 0.5, 0.1, 0.2],
            "real_followers": [1000, 1000, 3600, 16000],
            "avg_engagements": [50, 50, 180, 400],
            "price_per_post": [100.0, 100.0, 50.0, 300.0],
            "audience_in_brand_city": [0.9, 0.2, 0.7, 0.5],
            "audience_interested": [0.8, 0.8, 0.4, 0.6],
        }
    )


def test_reach_rate_is_organic_reach_times_one_plus_discovery():
    rates = ia.reach_rates()
    assert set(rates.index) == set(PLATFORMS)
    for slug, p in PLATFORMS.items():
        assert rates[slug] == pytest.approx(p.organic_reach * (1 + p.discovery))


def test_scores_use_the_stated_denominators_and_prices():
    s = ia.score_influencers(_toy()).set_index("influencer_id")
    assert s.loc[1, "er_followers"] == pytest.approx(50 / 2000)
    assert s.loc[1, "er_real_followers"] == pytest.approx(50 / 1000)
    # the bought followers halve the rate by reported followers, not the real one
    assert s.loc[1, "er_real_followers"] == pytest.approx(s.loc[0, "er_real_followers"])
    rate = PLATFORMS["loop"].organic_reach * (1 + PLATFORMS["loop"].discovery)
    assert s.loc[1, "expected_reach"] == round(1000 * rate)
    assert s.loc[1, "price_per_real_reach"] == pytest.approx(100 / round(1000 * rate))
    assert s.loc[1, "price_per_1000_reach"] == pytest.approx(1000 * 100 / round(1000 * rate))
    assert s.loc[2, "price_per_engagement"] == pytest.approx(50 / 180)
    # tier medians per tier: nano rates are 0.05, 0.025, 0.045
    assert s.loc[0, "tier_median_er"] == pytest.approx(0.045)
    assert s.loc[3, "er_vs_tier"] == pytest.approx(1.0)


def test_deal_kind_changes_price_and_reach():
    post = ia.score_influencers(_toy(), "paid_post").set_index("influencer_id")
    take = ia.score_influencers(_toy(), "takeover").set_index("influencer_id")
    aff = ia.score_influencers(_toy(), "affiliate").set_index("influencer_id")
    assert take.loc[0, "price"] == pytest.approx(100 * DEAL_TYPES["takeover"]["price"])
    assert take.loc[0, "reach_rate"] == pytest.approx(
        post.loc[0, "reach_rate"] * DEAL_TYPES["takeover"]["reach"]
    )
    assert (aff["price"] == 0).all() and (aff["price_per_real_reach"] == 0).all()


def test_shortlist_applies_every_rule_and_ranks_by_price_per_real_reach():
    out = ia.shortlist(_toy(), min_city_share=0.5, min_interested=0.6, max_fake_share=0.3)
    assert list(out["influencer_id"]) == sorted(
        [0, 3],
        key=lambda i: ia.score_influencers(_toy()).set_index("influencer_id").loc[i, "price_per_real_reach"],
    )
    # the fake-share limit is strict: 0.2 is not under 0.2
    out = ia.shortlist(_toy(), max_fake_share=0.2)
    assert set(out["influencer_id"]) == {0, 2}
    assert set(ia.shortlist(_toy(), platforms=["pixa"])["influencer_id"]) == {0, 3}
    assert set(ia.shortlist(_toy(), tiers=["micro"])["influencer_id"]) == {3}
    assert set(ia.shortlist(_toy(), max_price=99)["influencer_id"]) == {2}
    empty = ia.shortlist(_toy(), min_city_share=1.0)
    assert empty.empty and "price_per_real_reach" in empty.columns


def test_shortlist_on_a_world_keeps_only_rows_that_pass(market):
    out = ia.shortlist(market, min_city_share=0.3, min_interested=0.5, max_fake_share=0.2)
    assert len(out) > 0
    assert (out["audience_in_brand_city"] >= 0.3).all()
    assert (out["audience_interested"] >= 0.5).all()
    assert (out["fake_follower_share"] < 0.2).all()
    assert out["price_per_real_reach"].is_monotonic_increasing


@pytest.mark.parametrize(
    ("kwargs", "parameter"),
    [
        ({"min_city_share": 1.5}, "min_city_share"),
        ({"max_fake_share": -0.1}, "max_fake_share"),
        ({"min_interested": "half"}, "min_interested"),
        ({"platforms": ["instagram"]}, "platforms"),
        ({"tiers": ["huge"]}, "tiers"),
        ({"max_price": -5}, "max_price"),
        ({"kind": "sponsorship"}, "kind"),
    ],
)
def test_bad_rules_name_the_parameter(kwargs, parameter):
    with pytest.raises(SandboxInputError) as err:
        ia.shortlist(_toy(), **kwargs)
    assert err.value.parameter == parameter


def test_shortlist_needs_the_audience_check(world):
    with pytest.raises(SandboxInputError, match="marketplace"):
        ia.shortlist(world.influencers)


def test_suspects_are_below_the_ratio_of_their_tier_median(market):
    scored = ia.score_influencers(market)
    sus = ia.bought_follower_suspects(scored, ratio=0.6)
    assert (sus["er_vs_tier"] < 0.6).all()
    assert sus["er_vs_tier"].is_monotonic_increasing
    others = scored[~scored["influencer_id"].isin(sus["influencer_id"])]
    assert (others["er_vs_tier"] >= 0.6).all()
    # a flagged influencer has, on average, a far larger fake share than the rest
    if len(sus):
        assert sus["fake_follower_share"].mean() > others["fake_follower_share"].mean()
    with pytest.raises(SandboxInputError):
        ia.bought_follower_suspects(market, ratio=0)


def test_detection_check_counts_every_influencer(market):
    table = ia.detection_check(market)
    assert table.shape == (2, 2)
    assert int(table.to_numpy().sum()) == len(market)


def test_deal_kinds_table_covers_every_type():
    kinds = ia.deal_kinds()
    assert list(kinds.index) == list(DEAL_TYPES)
    assert kinds.loc["affiliate", "price_x"] == 0
    assert kinds["what it buys"].str.len().min() > 10


def test_deal_summary_costs_per_result(world, market):
    ids = market.sort_values("followers")["influencer_id"].tolist()
    res = run_deals(
        world,
        [
            Deal(int(ids[-5]), "paid_post", name="post"),
            Deal(int(ids[-5]), "giveaway", prize_value=50, name="give"),
            Deal(int(ids[0]), "affiliate", name="aff"),
        ],
    )
    s = ia.deal_summary(res.deals).set_index("deal")
    d = res.deals.set_index("deal")
    for name in s.index:
        real = d.loc[name, "follows"] - d.loc[name, "bot_follows"]
        assert s.loc[name, "real_follows"] == real
        cost = d.loc[name, "cost"]
        if d.loc[name, "reach"] > 0:
            assert s.loc[name, "cost_per_1000_reach"] == pytest.approx(cost * 1000 / d.loc[name, "reach"])
        if d.loc[name, "registrations"] > 0:
            assert s.loc[name, "cost_per_registration"] == pytest.approx(cost / d.loc[name, "registrations"])
        else:
            assert np.isnan(s.loc[name, "cost_per_registration"])
    assert s.loc["give", "bot_follows"] >= 0
    assert s.loc["aff", "cost"] == d.loc["aff", "commission"]


def test_expected_vs_actual_uses_the_deal_type(world, market):
    scored = ia.score_influencers(market)
    iid = int(scored.sort_values("followers")["influencer_id"].iloc[-6])
    res = run_deals(world, [Deal(iid, "paid_post", name="p"), Deal(iid, "affiliate", name="a")])
    cmp = ia.expected_vs_actual(scored, res.deals).set_index("deal")
    assert cmp.loc["a", "expected_reach"] < cmp.loc["p", "expected_reach"]
    assert cmp.loc["p", "reach_vs_expected"] == pytest.approx(
        cmp.loc["p", "reach"] / cmp.loc["p", "expected_reach"], rel=1e-3
    )


def test_deal_summary_by_partner_totals_the_deals_first(world, market):
    iid = int(market.sort_values("followers")["influencer_id"].iloc[-8])
    res = run_deals(world, [Deal(iid, "paid_post", f"2026-03-{d:02d}", name=f"w{d}") for d in (3, 10, 17)])
    per_deal = ia.deal_summary(res.deals)
    grouped = ia.deal_summary(res.deals, by="partner", margin=0.5)
    assert len(grouped) == 1 and grouped["deals"].iloc[0] == 3
    row = grouped.iloc[0]
    assert row["reach"] == per_deal["reach"].sum()
    assert row["cost"] == pytest.approx(per_deal["cost"].sum())
    assert row["cost_per_1000_reach"] == pytest.approx(
        1000 * per_deal["cost"].sum() / per_deal["reach"].sum()
    )
    assert row["romi"] == pytest.approx((per_deal["revenue"].sum() * 0.5 - row["cost"]) / row["cost"])
    with pytest.raises(SandboxInputError):
        ia.deal_summary(res.deals, by="reach")
