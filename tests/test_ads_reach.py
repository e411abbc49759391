"""Ad-set reach counts unique people: a person on two platforms of an ad set is reached once."""

from __future__ import annotations

import pytest

from sandbox import World
from sandbox.ads import AdsManager, Creative, Targeting


@pytest.fixture(scope="module")
def run():
    world = World(seed=11, niche="coffee_shop", size=4_000)
    ads = AdsManager(world)
    city = ads.panel.brand_city
    visitors = ads.create_custom_audience("visitors", "site_visitors", days=180)
    camp = ads.create_campaign("reach test", objective="traffic")
    warm = camp.create_ad_set(
        "warm two platforms",
        Targeting(platforms=["pixa", "circles"], cities=[city], custom_audiences=[visitors]),
        daily_budget=15,
        end="2026-03-22",
    )
    warm.create_ad("a", Creative(format="image"))
    cold = camp.create_ad_set(
        "cold two platforms",
        Targeting(platforms=["pixa", "circles"], cities=[city], age_min=25, age_max=30, interests=["coffee"]),
        daily_budget=40,
        end="2026-03-22",
    )
    cold.create_ad("a", Creative(format="image"))
    return ads.run()


def test_reach_never_exceeds_the_audience(run):
    """A warm audience on two platforms gets many impressions each: reach stays under its people."""
    sets = run.ad_sets.set_index("ad_set")
    for name, row in sets.iterrows():
        assert 0 < row["reach"] <= row["audience_size"], name
        assert row["frequency"] >= 1.0, name
    warm = sets.loc["warm two platforms"]
    assert warm["impressions"] > 3 * warm["audience_size"]  # saturated: the test would catch double counting
    daily = run.daily.merge(run.ad_sets[["ad_set", "audience_size"]], on="ad_set")
    assert (daily["reach"] <= daily["audience_size"]).all()
    assert (daily["frequency_to_date"] >= 1.0).all()
