import pytest

from sandbox import World
from sandbox.strategy_widgets import StrategyPlanner


@pytest.fixture(scope="module")
def tool():
    return StrategyPlanner(World(seed=3, niche="coffee_shop", size=2_000))


def test_goal_changes_the_ranking_and_the_kpis(tool):
    tool.controls["goal"].value = "awareness"
    ranking, kpis = tool.ranking.value, tool.kpis.value
    top = tool.ranking_table().index[0]
    tool.controls["goal"].value = "community"
    assert tool.ranking.value != ranking
    assert tool.kpis.value != kpis
    assert tool.ranking_table().index[0] != top
    assert "comments per post" in tool.kpis.value
    assert "reach per week" not in tool.kpis.value


def test_growth_slider_moves_the_targets(tool):
    tool.controls["goal"].value = "traffic"
    tool.controls["growth"].value = 10
    low = tool.kpi_table().set_index("kpi").loc["clicks", "target"]
    html = tool.kpis.value
    tool.controls["growth"].value = 50
    high = tool.kpi_table().set_index("kpi").loc["clicks", "target"]
    assert high > low
    assert tool.kpis.value != html


def test_weeks_slider_changes_the_weekly_milestones(tool):
    tool.controls["weeks"].value = 4
    assert "w4:" in tool.summary.value and "w5:" not in tool.summary.value
    tool.controls["weeks"].value = 12
    assert "w12:" in tool.summary.value
    assert "12 weeks" in tool.summary.value
