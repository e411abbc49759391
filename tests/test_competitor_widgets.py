"""The competitor explorer reacts to its controls: brand, platform and content-mix choice."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from sandbox import World  # noqa: E402
from sandbox.competitor_widgets import CompetitorExplorer, plot_posting_hours, posting_hours  # noqa: E402
from sandbox.errors import SandboxInputError  # noqa: E402


@pytest.fixture(scope="module")
def world():
    return World(seed=3, niche="pet_shop", size=3_000)


@pytest.fixture
def tool(world):
    t = CompetitorExplorer(world)
    yield t
    plt.close("all")


def platforms_of(world, name):
    acc = world.accounts
    return acc.loc[acc["brand"] == name, "platform"].tolist()


def test_starts_on_the_first_competitor_and_its_platforms(world, tool):
    first = world.brands.loc[1, "name"]
    assert tool.controls["brand"].value == first
    assert list(tool.controls["platform"].options) == platforms_of(world, first)
    assert first in tool.summary.value


def test_choosing_another_brand_offers_only_its_platforms(world, tool):
    names = world.brands["name"].tolist()
    before = tool.summary.value
    other = next(
        n for n in names[1:] if set(platforms_of(world, n)) != set(tool.controls["platform"].options)
    )
    tool.controls["brand"].value = other
    assert set(tool.controls["platform"].options) == set(platforms_of(world, other))
    assert tool.controls["platform"].value in platforms_of(world, other)
    assert other in tool.summary.value and tool.summary.value != before
    assert (tool.account_posts()["brand"] == other).all()


def test_choosing_another_platform_changes_the_hours_and_the_summary(world, tool):
    options = list(tool.controls["platform"].options)
    first_hours, first_summary = tool.hours_table(), tool.summary.value
    tool.controls["platform"].value = options[1]
    assert tool.summary.value != first_summary
    assert not first_hours.equals(tool.hours_table())
    assert (tool.account_posts()["platform"] == options[1]).all()


def test_mix_toggle_switches_between_rubrics_and_formats(world, tool):
    rubrics = tool.mix_table()
    assert set(rubrics.index) <= {"informative", "entertaining", "commercial", "contest"}
    assert rubrics.sum() == pytest.approx(1.0)
    tool.controls["mix"].value = "format"
    formats = tool.mix_table()
    platform = tool.controls["platform"].value
    assert set(formats.index) <= set(
        world.platforms.set_index("platform").loc[platform, "formats"].split(", ")
    )
    assert formats.sum() == pytest.approx(1.0)


def test_hours_table_counts_the_account_posts_per_hour(world, tool):
    posts = tool.account_posts()
    hours = tool.hours_table()
    assert len(hours) == 24
    assert hours["posts_share"].sum() == pytest.approx(1.0)
    expected = np.bincount(posts["time"].dt.hour, minlength=24) / len(posts)
    assert np.allclose(hours["posts_share"], expected)
    assert hours["audience_online"].mean() == pytest.approx(1.0, abs=0.02), "1 = an average hour"


def test_posting_hours_for_a_missing_account_names_the_platform(world):
    acc = world.accounts
    for name in world.brands["name"]:
        missing = [
            p for p in world.platforms["platform"] if p not in set(acc.loc[acc["brand"] == name, "platform"])
        ]
        if missing:
            with pytest.raises(SandboxInputError, match="platform"):
                posting_hours(world, name, missing[0])
            return
    pytest.skip("every brand is on every platform in this world")


def test_plot_posting_hours_is_titled_and_labelled(world):
    name = world.brands.loc[1, "name"]
    table = posting_hours(world, name, platforms_of(world, name)[0])
    ax = plot_posting_hours(table, "When they post")
    assert ax.get_title() == "When they post"
    assert "%" in ax.get_ylabel() and "hour" in ax.get_xlabel()
    plt.close("all")
