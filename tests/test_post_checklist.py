"""The pre-publish checklist flags what the model punishes and passes what it rewards."""

from __future__ import annotations

import pandas as pd
import pytest

from sandbox import SandboxInputError, World
from sandbox.post_checklist import check_plan, check_post
from sandbox.post_lab import trends_in_period


@pytest.fixture(scope="module")
def world() -> World:
    return World(seed=9, niche="coffee_shop", size=3_000)


def status(checks: pd.DataFrame) -> dict[str, str]:
    return dict(zip(checks["item"], checks["status"], strict=True))


def test_a_careless_post_gets_fixes(world):
    checks = check_post(
        world,
        {"platform": "circles", "format": "link", "text_length": 1500, "hashtags": 20, "cta": "none"},
        goal="traffic",
    )
    s = status(checks)
    assert s["format"] == s["text length"] == s["hashtags"] == s["call to action"] == "fix"
    assert "480" in checks.set_index("item").loc["text length", "advice"]
    assert s["geotag"] == "think", "geotags are not modelled: the checklist says so"


def test_a_careful_post_passes(world):
    checks = check_post(
        world,
        {"platform": "circles", "format": "poll", "text_length": 300, "hashtags": 1, "cta": "learn_more"},
        goal="traffic",
    )
    s = status(checks)
    assert s["format"] == s["text length"] == s["hashtags"] == s["call to action"] == "ok"


def test_caption_length_is_not_judged_on_image_first_feeds(world):
    s = status(check_post(world, {"platform": "pixa", "format": "image", "text_length": 1500}))
    assert s["text length"] == "ok"


def test_trend_checks(world):
    tr = trends_in_period(world).iloc[0]
    home = tr["platforms"].split(", ")[0]
    early = tr["start"] + (tr["peak"] - tr["start"]) * 0.7
    off = next(p for p in ("beacon", "linkup", "circles", "chirp") if p not in tr["platforms"])
    assert (
        status(check_post(world, {"platform": home, "trend_id": tr["trend_id"], "time": early}))["trend"]
        == "ok"
    )
    assert (
        status(check_post(world, {"platform": off, "trend_id": tr["trend_id"], "time": early}))["trend"]
        == "fix"
    )
    dead = tr["start"] + pd.Timedelta(days=float(tr["peak_day"]) * 3.9)
    assert (
        status(check_post(world, {"platform": home, "trend_id": tr["trend_id"], "time": dead}))["trend"]
        == "fix"
    )


def test_check_plan_counts_posts_per_day(world):
    plan = pd.DataFrame(
        {
            "platform": ["linkup", "linkup", "pixa"],
            "time": ["2026-03-03 10:00", "2026-03-03 17:00", "2026-03-03 03:00"],
            "hashtags": [3, 3, 8],
        }
    )
    checks = check_plan(world, plan)
    assert set(checks["post_id"]) == {0, 1, 2}
    freq = checks[checks["item"] == "frequency"]
    assert set(freq["post_id"]) == {0, 1}, "two Linkup posts in a day tire that audience"
    t = checks[(checks["item"] == "time")].set_index("post_id")["status"]
    assert t.loc[2] == "fix", "3 am is nobody's busy hour"


def test_bad_goal_names_the_parameter(world):
    with pytest.raises(SandboxInputError) as err:
        check_post(world, {"platform": "pixa"}, goal="fame")
    assert err.value.parameter == "goal"
