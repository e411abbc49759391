"""Every date and time the sandbox returns has pandas 3's default resolution (microseconds).

A learner's own times (``pd.to_datetime("2026-03-03 11:00")``) are ``datetime64[us]``, and
``pd.merge_asof`` refuses keys of different resolutions, so one resolution everywhere lets a
learner line up comments, posts, trends and conversions with each other and with their own data.
"""

from __future__ import annotations

import pandas as pd
import pytest

from sandbox import World
from sandbox.capstone import Brief, run, textbook_plan

UNIT = "datetime64[us]"


def _frames(obj, prefix: str) -> dict[str, pd.DataFrame]:
    out = {}
    for name in dir(obj):
        if name.startswith("_"):
            continue
        try:
            value = getattr(obj, name)
        except Exception:  # noqa: BLE001 - properties that need more input are not tables
            continue
        if isinstance(value, pd.DataFrame):
            out[f"{prefix}.{name}"] = value
    return out


@pytest.fixture(scope="module")
def tables():
    world = World(seed=3, size=3_000)
    found = _frames(world, "world")
    plan = world.run_plan(
        [{"platform": "pixa", "time": "2026-03-03 11:00"}, {"platform": "pixa", "time": "2026-03-04 11:00"}]
    )
    found.update(_frames(plan, "run_plan"))
    brief = Brief(world)
    outcome = run(textbook_plan(brief), brief)
    found.update(_frames(outcome, "outcome"))
    found.update(_frames(outcome.ads_result, "outcome.ads_result"))
    found.update(_frames(outcome.plan_result, "outcome.plan_result"))
    return world, found


def test_every_datetime_column_is_in_microseconds(tables):
    _, found = tables
    columns = {
        f"{name}[{col}]": str(dtype)
        for name, df in found.items()
        for col, dtype in df.dtypes.items()
        if "datetime" in str(dtype)
    }
    assert len(columns) >= 8, sorted(columns)  # posts, comments, trends, history, plan, ads ...
    wrong = {k: v for k, v in columns.items() if v != UNIT}
    assert not wrong, wrong


def test_comments_line_up_with_posts_and_a_learners_own_times(tables):
    world, _ = tables
    comments = world.comments.sort_values("time").head(50)
    posts = world.posts[["time", "post_id"]].rename(columns={"post_id": "latest_post"}).sort_values("time")
    lined_up = pd.merge_asof(comments, posts, on="time")
    assert len(lined_up) == len(comments)
    mine = pd.DataFrame({"time": pd.to_datetime(["2025-12-01 09:00"]), "note": ["campaign brief"]})
    assert pd.merge_asof(comments, mine, on="time")["note"].notna().any()
