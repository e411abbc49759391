import numpy as np
import pandas as pd
import pytest

from sandbox import SandboxInputError
from sandbox import abtest as ab
from sandbox import content_plan as cp
from sandbox.seeding import stream


def test_bootstrap_finds_a_real_difference():
    rng = stream(1, "test")
    a = rng.lognormal(np.log(100), 0.35, 60)
    b = rng.lognormal(np.log(150), 0.35, 60)
    d = ab.bootstrap_mean_diff(a, b, labels=("image", "carousel"))
    assert d.diff == pytest.approx(b.mean() - a.mean())
    assert d.low < d.diff < d.high
    assert d.clear and d.low > 0
    assert d.relative == pytest.approx(d.diff / a.mean())
    assert "carousel is better" in str(d)
    assert d.boot.shape == (5000,)


def test_bootstrap_is_unsure_with_few_noisy_posts():
    rng = stream(2, "test")
    a = rng.lognormal(np.log(100), 0.35, 3)
    b = rng.lognormal(np.log(110), 0.35, 3)
    d = ab.bootstrap_mean_diff(a, b)
    assert not d.clear
    assert "no clear winner" in str(d)


def test_bootstrap_interval_narrows_with_more_posts():
    rng = stream(3, "test")
    a = rng.lognormal(np.log(100), 0.35, 200)
    b = rng.lognormal(np.log(120), 0.35, 200)
    few = ab.bootstrap_mean_diff(a[:10], b[:10])
    many = ab.bootstrap_mean_diff(a, b)
    assert (many.high - many.low) < (few.high - few.low) / 2


def test_bootstrap_is_reproducible_and_seeded():
    a, b = [1.0, 2.0, 3.0, 4.0], [2.0, 3.0, 5.0, 4.0]
    d1 = ab.bootstrap_mean_diff(a, b, seed=5)
    d2 = ab.bootstrap_mean_diff(a, b, seed=5)
    d3 = ab.bootstrap_mean_diff(a, b, seed=6)
    assert (d1.low, d1.high) == (d2.low, d2.high)
    assert not np.array_equal(d1.boot, d3.boot)


@pytest.mark.parametrize(
    ("kwargs", "parameter"),
    [
        ({"a": [1.0], "b": [1.0, 2.0]}, "a"),
        ({"a": [1.0, 2.0], "b": [1.0, float("nan")]}, "b"),
        ({"a": [1.0, 2.0], "b": [1.0, 2.0], "n_boot": 10}, "n_boot"),
        ({"a": [1.0, 2.0], "b": [1.0, 2.0], "level": 95}, "level"),
    ],
)
def test_bootstrap_rejects_bad_input(kwargs, parameter):
    with pytest.raises(SandboxInputError) as exc:
        ab.bootstrap_mean_diff(**kwargs)
    assert exc.value.parameter == parameter


def test_one_post_each_win_rate():
    assert ab.one_post_each_win_rate([1, 2], [3, 4]) == 1.0
    assert ab.one_post_each_win_rate([3, 4], [1, 2]) == 0.0
    assert ab.one_post_each_win_rate([1, 2, 3], [1, 2, 3]) == 0.5
    assert ab.one_post_each_win_rate([1, 4], [2, 3]) == 0.5


def test_assign_variants_balances_every_slot():
    plan = cp.build_plan("2026-03-02", 4, {"pixa": 14, "circles": 7}, {"pixa": [12, 20], "circles": [11]})
    out = ab.assign_variants(plan, "format", "image", "carousel", seed=1)
    assert set(out["format"]) == {"image", "carousel"}
    week = (out["time"] - out["time"].min().normalize()).dt.days // 7
    counts = (
        out.groupby([out["platform"], out["time"].dt.hour, week])["format"]
        .value_counts()
        .unstack(fill_value=0)
    )
    assert ((counts["image"] - counts["carousel"]).abs() <= 1).all()
    pd.testing.assert_frame_equal(out.drop(columns="format"), plan.drop(columns="format"))
    again = ab.assign_variants(plan, "format", "image", "carousel", seed=1)
    assert out["format"].equals(again["format"])
    with pytest.raises(SandboxInputError) as exc:
        ab.assign_variants(plan, "time", "a", "b")
    assert exc.value.parameter == "column"


def test_random_halves_split_without_overlap():
    values = pd.Series(range(11), index=[f"p{i}" for i in range(11)], dtype=float)
    first, second = ab.random_halves(values, seed=2)
    assert len(first) == 5 and len(second) == 6
    assert set(first.index) | set(second.index) == set(values.index)
    assert not set(first.index) & set(second.index)
    again, _ = ab.random_halves(values, seed=2)
    assert again.index.equals(first.index)
    other, _ = ab.random_halves(values, seed=3)
    assert not other.index.equals(first.index)
    with pytest.raises(SandboxInputError):
        ab.random_halves([1.0, 2.0, 3.0])
