"""sandbox.community_replies: reply teams, response-time figures, priorities under a time budget."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pandas as pd
import pytest

from sandbox import World
from sandbox import community as C  # noqa: N812
from sandbox import community_replies as R  # noqa: N812
from sandbox import params as P  # noqa: N812
from sandbox.errors import SandboxInputError


@pytest.fixture(scope="module")
def queue():
    world = World(seed=5, niche="bag_store", size=3_000)
    return C.moderation_queue(world.run_plan(C.season_plan(world)))


# --- response times -------------------------------------------------------------------------------


def test_teams_answer_on_duty_and_faster_teams_are_faster(queue):
    logs = {t: R.team_response(queue, t) for t in P.REPLY_TEAMS}
    stats = {t: R.response_stats(log) for t, log in logs.items()}
    assert stats["bank_style"]["median_minutes"] < stats["daily_shift"]["median_minutes"]
    assert stats["daily_shift"]["median_minutes"] < stats["office_hours"]["median_minutes"]
    assert stats["bank_style"]["share_within"] > stats["office_hours"]["share_within"]
    office = logs["office_hours"].dropna()
    t = office["replied_at"]
    assert (t.dt.day_of_week < 5).all()
    assert ((t.dt.hour >= 9) & ((t.dt.hour < 18) | ((t.dt.hour == 18) & (t.dt.minute == 0)))).all()
    assert (office["replied_at"] >= office["commented_at"]).all()
    assert len(logs["daily_shift"]) == int(queue["needs_reply"].sum())
    assert logs["bank_style"]["replied_at"].notna().all()
    assert logs["office_hours"]["replied_at"].isna().any()
    # the same comment gets the same handling time whichever 24/7 team answers it
    fast = R.team_response(queue, {"days": range(7), "start": 0, "end": 24, "median_minutes": 7.0})
    pd.testing.assert_frame_equal(fast, logs["bank_style"])


def test_response_stats_count_never_answered_as_late():
    log = pd.DataFrame({"response_minutes": [2.0, 8.0, 30.0, np.nan]})
    s = R.response_stats(log)
    assert s["median_minutes"] == 8.0
    assert s["share_within"] == 0.5 and s["never_answered"] == 0.25 and s["answered"] == 3
    empty = R.response_stats(log.iloc[:0])
    assert empty["comments"] == 0 and math.isnan(empty["median_minutes"])


def test_bad_team_is_a_clear_error(queue):
    for bad, match in (
        ("night_owls", "team"),
        ({"days": [0]}, "keys"),
        ({**P.REPLY_TEAMS["daily_shift"], "end": 30}, "end"),
    ):
        with pytest.raises(SandboxInputError, match=match):
            R.team_response(queue, bad)
    with pytest.raises(SandboxInputError, match="comment_ids"):
        R.team_response(queue, comment_ids=[10**9])


# --- priorities under a time budget -----------------------------------------------------------------


def test_practice_backlog_mixes_questions_and_complaints(queue):
    b = R.practice_backlog(queue, 8, max_wait=30)
    assert len(b) == 8 and b["comment_id"].is_unique
    assert (b["label"] == "complaint").sum() == 4
    assert b["waited_minutes"].between(0, 30).all()
    assert set(b["work_minutes"]) <= {P.WORK_MINUTES["reply"], P.WORK_MINUTES["escalate"]}
    assert (b.loc[b["label"] == "complaint", "service"] != "").all()
    with pytest.raises(SandboxInputError, match="n"):
        R.practice_backlog(queue, 10_000)


def test_best_reply_order_is_the_exact_optimum_and_beats_oldest_first(queue):
    b = R.practice_backlog(queue, 6)
    items = list(zip(b["comment_id"], b["label"], b["waited_minutes"], b["work_minutes"], strict=True))

    def value(perm):
        clock, total = 0.0, 0.0
        for _, label, waited, work in perm:
            clock += work
            total += (
                C.question_conversion(waited + clock)
                if label == "question"
                else C.complaint_recovery(waited + clock)
            )
        return total

    for budget in (0, 12, 26, 100):
        best = R.best_reply_order(b, budget)
        assert b.set_index("comment_id").loc[best, "work_minutes"].sum() <= budget
        brute = max(
            value(p)
            for k in range(len(items) + 1)
            for p in itertools.permutations(items, k)
            if sum(x[3] for x in p) <= budget
        )
        assert R.plan_value(b, best) == pytest.approx(brute)
        assert R.plan_value(b, best) >= R.plan_value(b, R.oldest_first(b, budget)) - 1e-12
    assert R.best_reply_order(b, 0) == [] and R.plan_value(b, []) == 0
    with pytest.raises(SandboxInputError, match="order"):
        R.plan_value(b, [int(b["comment_id"].iloc[0])] * 2)
    with pytest.raises(SandboxInputError, match="order"):
        R.plan_value(b, [10**9])
