"""Default worlds land inside every published range in ``sandbox.params``.

The ranges are the calibration targets (with their sources) in ``sandbox/params.py``; the
measurements are ``sandbox.calibration.calibration_report``. Ranges are never widened here: a
world that misses one is a modelling problem to fix in the parameters, with a reason.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from sandbox import NICHES, World
from sandbox.calibration import calibration_report, organic_benchmarks
from sandbox.params import PAID_FIGURES, PLATFORMS

TARGETS = [(slug, key) for slug, spec in PLATFORMS.items() for key in spec.targets]
SEEDS = range(5)


def _misses(report: pd.DataFrame) -> str:
    bad = report[~report["ok"]]
    return "\n".join(
        f"{r.platform} {r.figure}: {r.value:.5f} outside [{r.low}, {r.high}] ({r.source})"
        for r in bad.itertuples()
    )


@pytest.fixture(scope="module")
def seed_worlds(classroom_world: World) -> dict[int, World]:
    """The default niche and size for seeds 0-4 (seed 0 is the default world itself)."""
    return {0: classroom_world, **{seed: World(seed=seed) for seed in SEEDS if seed != 0}}


def test_report_covers_every_target_with_its_source(classroom_world: World) -> None:
    report = calibration_report(classroom_world)
    assert list(zip(report["platform"], report["figure"], strict=True)) == TARGETS
    assert (report["low"] <= report["target"]).all() and (report["target"] <= report["high"]).all()
    assert report["source"].str.len().gt(0).all() and report["method"].str.len().gt(0).all()
    assert np.isfinite(report["value"]).all()


def test_default_world_lands_in_every_range(classroom_world: World) -> None:
    assert World().seed == classroom_world.seed == 0 and classroom_world.size == World().size
    report = calibration_report(classroom_world)
    assert report["ok"].all(), _misses(report)


@pytest.mark.parametrize("seed", [s for s in SEEDS if s != 0])
def test_other_seeds_land_in_every_range(seed_worlds: dict[int, World], seed: int) -> None:
    report = calibration_report(seed_worlds[seed])
    assert report["ok"].all(), _misses(report)


@pytest.mark.parametrize("niche", [n for n in NICHES if n != "coffee_shop"])
def test_every_niche_lands_in_every_range(niche: str) -> None:
    report = calibration_report(World(seed=0, niche=niche))
    assert report["ok"].all(), _misses(report)


def test_report_measures_what_its_method_says(classroom_world: World) -> None:
    """Engagement per follower: per account, total engagements over summed followers; median."""
    posts = classroom_world.posts
    sums = posts.groupby(["platform", "brand_id"])[["engagements", "followers", "reach_followers"]].sum()
    by_hand = (sums["engagements"] / sums["followers"]).groupby(level="platform").median()
    reach = (sums["reach_followers"] / sums["followers"]).groupby(level="platform").median()
    measured = organic_benchmarks(classroom_world)
    for slug in PLATFORMS:
        assert measured.loc[slug, "er_followers"] == pytest.approx(by_hand[slug])
        assert measured.loc[slug, "organic_reach"] == pytest.approx(reach[slug])
    accounts = classroom_world.accounts.groupby("platform").size()
    assert (measured["accounts"] == accounts.reindex(measured.index)).all()


def _circles_posts_per_week(world: World) -> pd.Series:
    posts = world.posts
    counts = posts[posts["platform"] == "circles"].groupby("brand_id").size()
    accounts = world.accounts.query("platform == 'circles'")["brand_id"]
    return counts.reindex(accounts, fill_value=0) / (world.history_days / 7)


def test_brands_post_on_circles_about_as_often_as_on_facebook(seed_worlds: dict[int, World]) -> None:
    """Rival IQ: brands post about 4.7 times a week on Facebook (Circles' counterpart)."""
    figure = PAID_FIGURES["brand_posts_per_week"]
    default = _circles_posts_per_week(seed_worlds[0]).median()
    assert figure.low <= default <= figure.high, f"default world: {default:.2f} posts a week"
    pooled = pd.concat([_circles_posts_per_week(w) for w in seed_worlds.values()]).median()
    assert figure.low <= pooled <= figure.high, f"seeds 0-4: {pooled:.2f} posts a week"
