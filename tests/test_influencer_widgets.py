"""The influencer picker: its controls drive the shortlist, the table and the chart."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402

from sandbox import World  # noqa: E402
from sandbox.ads import marketplace  # noqa: E402
from sandbox.influencer_widgets import InfluencerPicker  # noqa: E402


@pytest.fixture(scope="module")
def picker():
    world = World(seed=5, niche="bag_store", size=2_000)
    return InfluencerPicker(market=marketplace(world), top=5)


def test_starts_with_a_ranked_shortlist(picker):
    assert len(picker.result) > 0
    assert picker.result["price_per_real_reach"].is_monotonic_increasing
    assert "pass your rules" in picker.table.value
    assert picker.table.value.count("<tr>") <= 5 + 1  # header + at most `top` rows


def test_fake_share_slider_filters(picker):
    picker.controls["max_fake_share"].value = 1.0
    loose = len(picker.result)
    picker.controls["max_fake_share"].value = 0.1
    assert len(picker.result) < loose
    assert (picker.result["fake_follower_share"] < 0.1).all()
    picker.controls["max_fake_share"].value = 0.2


def test_platform_and_tier_choices_filter(picker):
    picker.controls["platforms"].value = ("pixa",)
    assert set(picker.result["platform"]) <= {"pixa"}
    picker.controls["tiers"].value = ("nano",)
    assert set(picker.result["tier"]) <= {"nano"}
    picker.controls["platforms"].value = tuple(o[1] for o in picker.controls["platforms"].options)
    picker.controls["tiers"].value = tuple(picker.controls["tiers"].options)


def test_deal_type_changes_the_prices(picker):
    post = picker.result.set_index("influencer_id")["price"]
    picker.controls["kind"].value = "takeover"
    take = picker.result.set_index("influencer_id")["price"]
    common = post.index.intersection(take.index)
    assert len(common) and (take[common] > post[common]).all()
    assert "takeover" in picker.table.value
    picker.controls["kind"].value = "paid_post"


def test_no_one_passing_says_which_rule_to_loosen(picker):
    picker.controls["min_city_share"].value = 1.0
    picker.controls["min_interested"].value = 1.0
    assert picker.result.empty
    assert "No influencer passes" in picker.table.value
    picker.controls["min_city_share"].value = 0.0
    picker.controls["min_interested"].value = 0.5
    assert len(picker.result) > 0


def test_chart_has_title_units_and_one_bar_per_row(picker):
    ax = picker.chart()
    assert "Price per 1,000" in ax.get_title()
    assert "USD" in ax.get_xlabel()
    assert len(ax.patches) == min(len(picker.result), picker.top)
