"""sandbox.community_widgets: rule toggles move precision/recall; the delay slider moves outcomes."""

from __future__ import annotations

import ipywidgets as w
import pytest

from sandbox import World
from sandbox import community as C  # noqa: N812
from sandbox.community_widgets import DELAYS, ResponseTimeExplorer, TriageExplorer


@pytest.fixture(scope="module")
def queue():
    world = World(seed=3, niche="coffee_shop", size=2_000)
    return C.moderation_queue(world.run_plan(C.season_plan(world)))


def test_rule_toggles_change_precision_and_recall(queue):
    tool = TriageExplorer(queue)
    assert isinstance(tool.widget, w.VBox)
    full = tool.scores.loc["spam", "recall"]
    assert tool.scores.equals(C.triage_scores(queue["label"], C.apply_rules(queue)))
    html = tool.table.value
    tool.controls["bot_account"].value = False
    tool.controls["shouting"].value = False
    assert tool.scores.loc["spam", "recall"] < full
    assert tool.scores.loc["spam", "precision"] == 1.0  # links alone never hit a real comment here
    assert tool.table.value != html
    assert "miss" in tool.mistakes.value
    tool.controls["link"].value = False
    assert tool.scores.loc["spam", "flagged"] == 0
    assert "–" in tool.table.value  # precision of nothing flagged is shown as a dash, not NaN


def test_bad_words_box_feeds_the_toxic_rule(queue):
    tool = TriageExplorer(queue)
    tool.controls["troll_account"].value = False
    before = tool.scores.loc["toxic", "recall"]
    tool.controls["bad_words"].value = tool.controls["bad_words"].value + ", shut up, pathetic, losers, worst"
    assert tool.bad_words[-1] == "worst"
    assert tool.scores.loc["toxic", "recall"] > before
    tool.controls["bad_words"].value = ""
    assert tool.scores.loc["toxic", "flagged"] == 0


def test_delay_slider_lowers_conversions_and_raises_negativity(queue):
    tool = ResponseTimeExplorer(queue, draw=False)
    assert tool.controls["delay"].value == 10
    fast = tool.current.copy()
    html = tool.summary.value
    tool.controls["delay"].value = 240
    slow = tool.current
    assert slow["questions_converted"] < fast["questions_converted"]
    assert slow["customers_recovered"] < fast["customers_recovered"]
    assert slow["public_negativity"] > fast["public_negativity"]
    assert tool.summary.value != html and "240 minutes" in tool.summary.value
    assert list(tool.sweep.index) == [float(d) for d in DELAYS]


def test_complaint_handling_dropdown_changes_recoveries(queue):
    tool = ResponseTimeExplorer(queue, draw=False)
    right = tool.current["customers_recovered"]
    tool.controls["fix"].value = "reply_only"
    assert tool.current["customers_recovered"] < right
    tool.controls["fix"].value = "right_service"
    assert tool.current["customers_recovered"] == right


def test_the_chart_has_a_title_and_labelled_axes(queue):
    tool = ResponseTimeExplorer(queue, draw=False)
    ax = tool.plot()
    assert ax.get_title() and "minutes" in ax.get_xlabel() and ax.get_ylabel() == "people"
    import matplotlib.pyplot as plt

    plt.close(ax.figure)
