"""The post tester widget reacts to its controls and tells fitting from poor formats."""

from __future__ import annotations

import matplotlib
import pytest

from sandbox import SandboxInputError, World
from sandbox.params import PLATFORMS
from sandbox.post_lab import trends_in_period
from sandbox.post_lab_widgets import PostTester

matplotlib.use("Agg")


@pytest.fixture(scope="module")
def world() -> World:
    return World(seed=5, niche="coffee_shop", size=3_000)


def test_starts_with_the_native_format_and_a_result(world):
    tester = PostTester(world, copies=8, platform="loop")
    assert tester.controls["format"].value == "short_video"
    assert tester.means is not None and tester.means["posts"] == 8
    assert "Average of <b>8</b> copies" in tester.summary.value
    assert "format_fit" in tester.factors.value


def test_fitting_format_beats_a_poor_fit(world):
    tester = PostTester(world, copies=20, platform="loop")
    native = tester.means["reach"]
    tester.controls["format"].value = "image"
    poor = tester.means["reach"]
    assert native > poor
    assert tester.result.mean_factors()["format_fit"].iloc[0] == PLATFORMS["loop"].formats["image"]


def test_changing_a_control_changes_the_output(world):
    tester = PostTester(world, copies=20)
    before = (tester.summary.value, tester.table.value, tester.means["clicks"])
    tester.controls["cta"].value = "shop_now"
    assert tester.summary.value != before[0]
    assert tester.table.value != before[1]
    assert tester.means["clicks"] > before[2], "a link CTA brings clicks"


def test_platform_change_refits_format_and_text_limits(world):
    tester = PostTester(world, copies=5, platform="pixa")
    tester.controls["format"].value = "carousel"
    tester.controls["text_length"].value = 1500
    tester.controls["platform"].value = "chirp"
    assert tester.controls["format"].value in PLATFORMS["chirp"].formats
    assert tester.controls["text_length"].max == PLATFORMS["chirp"].max_chars
    assert tester.controls["text_length"].value <= PLATFORMS["chirp"].max_chars
    assert tester.result.posts["platform"].eq("chirp").all()


def test_pin_compares_with_the_baseline(world):
    tester = PostTester(world, copies=6, platform="pixa")
    tester.pin_button.click()
    assert tester.pinned is not None
    tester.controls["hashtags"].value = 25
    assert "pinned" in tester.table.value and "change" in tester.table.value
    assert tester.means["reach_non_followers"] < tester.pinned["reach_non_followers"]


def test_trend_controls_and_not_allowed_settings(world):
    tr = trends_in_period(world).iloc[0]
    tester = PostTester(world, copies=4, platform=tr["platforms"].split(", ")[0])
    assert tester.controls["trend_day"].disabled
    tester.controls["trend"].value = tr["trend_id"]
    assert not tester.controls["trend_day"].disabled
    tester.controls["trend_day"].value = round(float(tr["peak_day"]) * 0.8)
    assert tester.result.mean_factors()["trend"].iloc[0] > 1.0
    tester.controls["hour"].value = 23
    tester.controls["trend_day"].value = 20
    if tester.result is None:  # the day fell outside the plan period
        assert "Not allowed" in tester.summary.value and tester.means is None


def test_unknown_platform_is_refused(world):
    with pytest.raises(SandboxInputError) as err:
        PostTester(world, platform="tiktok")
    assert err.value.parameter == "platform"
