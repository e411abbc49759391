"""Write graders/source/05-content-trends/05-content-trends-exercise.ipynb (the instructor version).

Run from the repository root after changing this file, then rebuild the student copies:

    .venv/bin/python graders/authoring/build_05_content_trends.py
    .venv/bin/smm-lab course build
"""

from __future__ import annotations

from pathlib import Path

from sandbox.grading.authoring import (
    markdown,
    readonly,
    self_check_cells,
    solution,
    student_id_cell,
    tests,
    write_notebook,
)

OUT = (
    Path(__file__).resolve().parents[1] / "source" / "05-content-trends" / "05-content-trends-exercise.ipynb"
)

INTRO = """
# Content and trends exercise: test, fix, time and count

Your content plan says what goes out and when; this week you decide *how* the posts are made.
In this exercise you do four things an SMM specialist does all the time: choose the format
for each platform from a fair test instead of a hunch, fix a colleague's draft before it goes
out, pick the day to join a trend, and report honestly what a giveaway brought. You work on
**your own world**: it is built from your student id, so your brand, its accounts, its trends
and every test result are yours and differ from your classmates'. The lesson for this module
is `05-content-trends-lesson.ipynb` in this folder; everything used here is shown there.

**How this notebook works**

1. Write the id your instructor gave you in the next cell and run it. Working on your own?
   Any id you like works; leave it empty to use the practice world.
2. Run the cell after it: it builds your world (a few seconds).
3. Each part says what to write and how many points it is worth. Replace
   `raise NotImplementedError()` with your code; keep the function's name and arguments.
   Some parts start with a locked cell that runs a test or sets up the data: run it first.
4. Run the test cell under each part. A quiet test cell means your answer passed the visible
   checks; an error tells you what was expected and gives a hint. When your instructor grades
   the notebook, hidden tests also check your answers against your world and a few edge cases
   (other platforms, other trends, small made-up tables), so write code that works for any
   input, not just for yours.
5. Save the notebook (Ctrl+S) and run the last cell to check your work.
"""

SETUP = """
import numpy as np
import pandas as pd

from sandbox.exercises import student_world
from sandbox.post_checklist import GOAL_CTAS, check_post  # noqa: F401 - GOAL_CTAS: for your answer
from sandbox.post_lab import compare_posts, trends_in_period
from sandbox.trends import freshness, intensity  # noqa: F401 - intensity: for your answer

world = student_world(STUDENT_ID)
print(f"Your brand: {world.you} ({world.niche.replace('_', ' ')}); plans start {world.start_date:%d %b %Y}.")
world.accounts[world.accounts["brand"] == world.you][["platform", "followers", "bot_share"]]
"""

P1 = """
## Part 1 · Choose the format for each platform from a test (3 points)

The locked cell below runs a format test in your world, as in the lesson: every format on
every platform, 28 copies each, published on the same days at the same hour, so that the
format is the only thing that changes. `format_results` has one row per platform and format,
with `reach` (the average number of people one post reached) and `reach_se` (the standard
error of that average: a difference smaller than about two of them may be luck).

Your accounts are small, so luck is large, and a careful specialist does not switch formats on
luck. The team's rule, for each platform:

- start from the platform's **native format** (the `native_format` column of `world.platforms`);
- find the test's **winner**: the format with the highest average `reach` on that platform;
- switch to the winner only if its average reach beats the native format's average reach by
  **more than 2 × the winner's `reach_se`** (a rule of thumb: the uncertainty of a difference is
  larger than either SE); otherwise keep the native format.

Write `choose_formats(summary, platforms)`: it returns a dict `{platform: format}` with one
entry for every platform in `summary`, for example `{"pixa": "short_video", ...}`. It must work
for any table with the columns `platform`, `format`, `reach` and `reach_se` that has a row for
the native format of each of its platforms.

Hint: `summary[summary["platform"] == p].set_index("format")` gives one platform's rows indexed
by format; `.idxmax()` on its `reach` column names the winner.
"""

EXPERIMENT = """
variants = [
    {"platform": row.platform, "format": fmt}
    for row in world.platforms.itertuples()
    for fmt in row.formats.split(", ")
]
format_lab = compare_posts(world, variants, copies=28)
format_results = format_lab.summary().reset_index()[["platform", "format", "posts", "reach", "reach_se"]]
format_results.round(2)
"""

S1 = '''
def choose_formats(summary, platforms):
    """Return {platform: format}: the native format unless the test's winner clearly beats it.

    Args:
        summary: One row per platform and format with columns platform, format, reach, reach_se.
        platforms: A table like world.platforms (platform, native_format).

    Returns:
        A dict with one format per platform in `summary`.
    """
    ### BEGIN SOLUTION
    native = platforms.set_index("platform")["native_format"]
    choice = {}
    for platform in summary["platform"].unique():
        rows = summary[summary["platform"] == platform].set_index("format")
        winner = rows["reach"].idxmax()
        home = native[platform]
        lead = rows.loc[winner, "reach"] - rows.loc[home, "reach"]
        choice[platform] = winner if lead > 2 * rows.loc[winner, "reach_se"] else home
    return choice
    ### END SOLUTION


my_formats = choose_formats(format_results, world.platforms)
my_formats
'''

T1 = '''
"""Checks that choose_formats gives one format the platform offers for every platform of the test."""
from sandbox.grading.feedback import check_equal, check_in, check_type

_choice = choose_formats(format_results, world.platforms)
check_type(_choice, dict, what="choose_formats(format_results, world.platforms)",
           hint='Return a dict such as {"pixa": "short_video", "loop": "short_video", ...}.')
check_equal(sorted(_choice), sorted(format_results["platform"].unique()),
            what="the platforms (keys) of your dict",
            hint="One key per platform in the summary: loop over summary['platform'].unique().")
_offered = world.platforms.set_index("platform")["formats"].str.split(", ")
for _p, _f in _choice.items():
    check_in(_f, _offered[_p], what=f"your format for {_p}",
             hint="Pick a format from the summary's rows for that platform (the `format` column), as text.")
### BEGIN HIDDEN TESTS
from sandbox.exercises import reference_world
from sandbox.post_lab import compare_posts as _compare_posts


def _rule(summary, platforms):
    native = platforms.set_index("platform")["native_format"]
    out = {}
    for p in summary["platform"].unique():
        rows = summary[summary["platform"] == p].set_index("format")
        win = rows["reach"].idxmax()
        lead = rows.loc[win, "reach"] - rows.loc[native[p], "reach"]
        out[p] = win if lead > 2 * rows.loc[win, "reach_se"] else native[p]
    return out


_w = reference_world(STUDENT_ID)
_variants = [
    {"platform": r.platform, "format": f} for r in _w.platforms.itertuples() for f in r.formats.split(", ")
]
_lab = _compare_posts(_w, _variants, copies=28)
_summary = _lab.summary().reset_index()
_theirs = choose_formats(_summary, _w.platforms)
for _p, _f in _rule(_summary, _w.platforms).items():
    _rows = _summary[_summary["platform"] == _p].set_index("format")
    check_equal(
        _theirs.get(_p), _f, what=f"your format for {_p} in your world's test",
        hint=f"On {_p} the winner is {_rows['reach'].idxmax()!r}; switch to it only if its reach beats the "
        "native format's by more than 2 x the winner's reach_se.",
    )
# A perfect test (reach exactly in proportion to the model's format fit, tiny errors) must pick the
# format that fits each platform best.
_fit = _lab.mean_factors()["format_fit"].rename("fit").reset_index()
_perfect = _fit.assign(reach=_fit["fit"] * 100.0, reach_se=0.01)
_best = _fit.loc[_fit.groupby("platform")["fit"].idxmax()].set_index("platform")["format"]
_chosen = choose_formats(_perfect, _w.platforms)
for _p, _f in _best.items():
    check_equal(_chosen.get(_p), _f,
                what=f"your format for {_p} when a perfect test measures the model's format fit",
                hint="When the winner is clearly ahead (lead far above 2 x reach_se), switch to it.")
_made_up = pd.DataFrame({
    "platform": ["pixa"] * 4 + ["loop"] * 3 + ["beacon"] * 2,
    "format": ["image", "carousel", "short_video", "story", "short_video", "image", "story", "text", "poll"],
    "reach": [50.0, 70.0, 60.0, 30.0, 50.0, 60.0, 40.0, 25.0, 30.0],
    "reach_se": [3.0, 4.0, 4.0, 2.0, 5.0, 10.0, 5.0, 2.0, 2.0],
})
_got = choose_formats(_made_up, _w.platforms)
check_equal(_got.get("pixa"), "carousel",
            what="a made-up test where carousel beats the native short_video by 10 with reach_se 4",
            hint="A lead of 10 is more than 2 x 4 = 8: switch to the winner.")
check_equal(_got.get("loop"), "short_video",
            what="a made-up test where image beats the native short_video by 10 with reach_se 10",
            hint="A lead of 10 is less than 2 x 10 = 20: it may be luck, keep the native format.")
check_equal(_got.get("beacon"), "poll", what="a made-up test where the native format (poll) wins",
            hint="When the native format has the highest reach, keep it.")
check_equal(sorted(_got), ["beacon", "loop", "pixa"], what="the keys for a test of three platforms",
            hint="Return one entry per platform in the summary you are given, no more.")
### END HIDDEN TESTS
'''

P2 = """
## Part 2 · Fix a draft before it goes out (4 points)

A colleague drafted the post in the locked cell below for your biggest platform (where your
brand has the most followers). Its goal is **traffic**: people should click through to the
site. The pre-publish checklist from the lesson (`check_post`) shows what is wrong with it.

Write `fix_draft(draft, platforms, goal)`: it returns a fixed copy of the draft that follows
these rules, using the row of `platforms` for the draft's platform:

- **text**: no longer than the platform's "show more" cut (`show_more_chars`). A longer text is
  cut to exactly the cut; a text that already fits keeps its length (don't throw away words that
  fit). This is the team's rule on every platform: on text-first platforms a text past the cut
  gets fewer reactions, and on Pixa and Loop, where the model does not penalise long captions,
  the team still wants the whole message seen without "show more".
- **hashtags**: exactly the platform's best count (`best_hashtags`): remove extra tags, and add
  tags if there are fewer (up to that count each tag brings more people who do not follow you yet).
- **call to action**: `goal` is one of the `GOAL_CTAS` keys: traffic, sales, leads, comments,
  followers, engagement (goals of a single post, not the strategy goals of module 03). Keep the
  draft's `cta` if it serves the goal, i.e. it is one of `GOAL_CTAS[goal]` (imported in the
  setup cell, e.g. `GOAL_CTAS["traffic"]` is `("learn_more", "shop_now", "sign_up")`); otherwise
  use the first one, `GOAL_CTAS[goal][0]`.
- a draft without `text_length`, `hashtags` or `cta` has the plan's defaults: 200 characters,
  3 hashtags, CTA `"none"`. The returned dict always has these three keys.
- everything else (platform, format, time, rubric, ...) stays as it is. Return a **new** dict
  and leave `draft` unchanged: `dict(draft)` makes a copy you can change.
"""

DRAFT = """
_mine = world.accounts[world.accounts["brand"] == world.you]
my_platform = _mine.sort_values(["followers", "platform"], ascending=[False, True])["platform"].iloc[0]
draft = {
    "platform": my_platform,
    "time": f"{world.start_date + pd.Timedelta(days=3):%Y-%m-%d} 11:00",
    "format": world.platforms.set_index("platform").loc[my_platform, "native_format"],
    "rubric": "commercial",
    "text_length": 900,
    "hashtags": 20,
    "cta": "follow_us",
}
GOAL = "traffic"
print(draft)
check_post(world, draft, goal=GOAL)
"""

S2 = '''
def fix_draft(draft, platforms, goal):
    """Return a fixed copy of `draft`: text within the cut, the best hashtag count, a CTA for `goal`.

    Args:
        draft: A planned post (a dict with at least "platform").
        platforms: A table like world.platforms (platform, show_more_chars, best_hashtags).
        goal: One of the GOAL_CTAS keys: traffic, sales, leads, comments, followers, engagement
            (goals of a single post, not the strategy goals of module 03).

    Returns:
        A new dict with the same keys as `draft`, plus text_length, hashtags and cta.
    """
    ### BEGIN SOLUTION
    row = platforms.set_index("platform").loc[draft["platform"]]
    fixed = dict(draft)
    fixed["text_length"] = min(int(draft.get("text_length", 200)), int(row["show_more_chars"]))
    fixed["hashtags"] = int(row["best_hashtags"])
    cta = draft.get("cta", "none")
    fixed["cta"] = cta if cta in GOAL_CTAS[goal] else GOAL_CTAS[goal][0]
    return fixed
    ### END SOLUTION


fixed_post = fix_draft(draft, world.platforms, GOAL)
print(fixed_post)
check_post(world, fixed_post, goal=GOAL)
'''

T2 = '''
"""Checks that fix_draft keeps the other fields and that the text, hashtag and CTA checks say ok."""
from sandbox.grading.feedback import check_equal, check_true, check_type

_draft = {**draft, "text_length": 900, "hashtags": 20, "cta": "follow_us"}  # the colleague's draft, afresh
_before = dict(_draft)
_fixed = fix_draft(_draft, world.platforms, GOAL)
check_equal(_draft, _before, what="the draft after fix_draft",
            hint="Do not change the draft itself: start from a copy, fixed = dict(draft), and change that.")
check_type(_fixed, dict, what="fix_draft(draft, world.platforms, GOAL)",
           hint="Return the fixed post as a dict.")
for _k in ("platform", "time", "format", "rubric"):
    check_equal(_fixed.get(_k), draft[_k], what=f"the {_k!r} of your fixed post",
                hint="Only text_length, hashtags and cta change; copy everything else from the draft.")
_checks = check_post(world, _fixed, goal=GOAL).set_index("item")
for _item in ("text length", "hashtags", "call to action"):
    check_true(_checks.loc[_item, "status"] == "ok",
               what=f"the checklist's {_item!r} item for your fixed post",
               problem=f"says {_checks.loc[_item, 'status']}: {_checks.loc[_item, 'advice']}",
               hint="Follow the rules of Part 2, using the row of `platforms` for the draft's platform.")
_cut = world.platforms.set_index("platform").loc[_draft["platform"], "show_more_chars"]
check_true(_fixed["text_length"] <= _cut, what="the text_length of your fixed post",
           problem=f"is {_fixed['text_length']}, past the 'show more' cut of {_draft['platform']} ({_cut}).",
           hint="The team keeps every text within the show_more_chars of the post's platform.")
### BEGIN HIDDEN TESTS
import copy as _copy

from sandbox.exercises import reference_world
from sandbox.post_checklist import GOAL_CTAS as _GOALS

_w = reference_world(STUDENT_ID)
_rows = _w.platforms.set_index("platform")
for _p, _row in _rows.iterrows():
    _cut, _best = int(_row["show_more_chars"]), int(_row["best_hashtags"])
    _cases = [
        ({"platform": _p, "format": _row["native_format"], "text_length": _cut * 3, "hashtags": 20,
          "cta": "follow_us", "rubric": "commercial", "time": "2026-03-05 11:00"}, "traffic",
         {"text_length": _cut, "hashtags": _best, "cta": "learn_more"}),
        ({"platform": _p, "text_length": 60, "hashtags": 0, "cta": "shop_now", "post_id": 7}, "sales",
         {"text_length": 60, "hashtags": _best, "cta": "shop_now"}),
        ({"platform": _p}, "comments",
         {"text_length": min(200, _cut), "hashtags": _best, "cta": "comment_below"}),
        ({"platform": _p, "text_length": _cut, "hashtags": _best + 1, "cta": "learn_more"}, "engagement",
         {"text_length": _cut, "hashtags": _best, "cta": "none"}),
        ({"platform": _p, "text_length": _cut + 1, "cta": "comment_below"}, "engagement",
         {"text_length": _cut, "hashtags": _best, "cta": "comment_below"}),
    ]
    for _draft, _goal, _want in _cases:
        _keep = _copy.deepcopy(_draft)
        _got = fix_draft(_draft, _w.platforms, _goal)
        _what = f"fix_draft({_keep}, world.platforms, {_goal!r})"
        check_equal(_draft, _keep, what=f"the draft after {_what}",
                    hint="Do not change the draft itself: fixed = dict(draft), then change the copy.")
        check_type(_got, dict, what=_what, hint="Return the fixed post as a dict.")
        check_equal(sorted(_got), sorted(set(_draft) | set(_want)), what=f"the keys of {_what}",
                    hint="Keep every key of the draft and always return text_length, hashtags and cta.")
        for _k, _v in _want.items():
            check_equal(_got[_k], _v, what=f"{_k!r} of {_what}",
                        hint={"text_length": f"Cut only a text longer than {_p}'s show_more_chars ({_cut}); "
                                             "a missing text_length means 200.",
                              "hashtags": f"Use {_p}'s best_hashtags ({_best}), whatever the draft had.",
                              "cta": f"Keep a CTA from GOAL_CTAS[{_goal!r}] = {_GOALS[_goal]}; "
                                     "otherwise use the first of them. A missing cta means 'none'."}[_k])
        for _k in _draft:
            if _k not in _want:
                check_equal(_got[_k], _draft[_k], what=f"{_k!r} of {_what}",
                            hint="Copy every other field from the draft unchanged.")
### END HIDDEN TESTS
'''

P3 = """
## Part 3 · Pick the moment to join a trend (4 points)

The locked cell below picks a trend in your world that starts and peaks inside your plan
period, and the platform it runs on. Joining a trend pays in proportion to its **intensity**
(how much it is talked about now, 1 at the peak) times its **freshness** (how much of it is
still to come): `intensity(days, peak_day)` and `freshness(days, peak_day)` from
`sandbox.trends`, where `days` is the time since the trend started, in days.

The team's rules for joining, all of which your choice must meet:

- the post goes out at `hour`:00 (for example 11:00) on one of the trend's days;
- it goes out **after the trend's start and before its peak** (`start < time < peak`, the
  `start` and `peak` columns of `world.trends`): on the rise, not after the crowd;
- the trend is still fresh: `freshness` at that time is **at least `min_freshness`** (the team
  uses 0.8: at least 80% of the trend still to come, so the brand looks early, not late);
- among the moments that pass these rules, pick the one where **intensity × freshness** is largest.

Write `join_time(trends, trend_id, platform, min_freshness, hour=11)`: it returns the publishing
time as a `pd.Timestamp`, or `None` if the trend does not run on `platform` (its `platforms`
column, text like `"loop, pixa"`) or if no moment passes the rules. Two test cells grade it:
one the rules (2 points), one the best moment (2 points).

Hint: the candidates are `row["start"].normalize() + pd.Timedelta(days=d, hours=hour)` for
`d` in `range(int(row["peak_day"]) + 2)`. Days since the start:
`(time - row["start"]) / pd.Timedelta(days=1)`.
Both curve functions take a numpy array of days and give back an array, one value per candidate.
"""

TREND = """
MIN_FRESHNESS = 0.8
upcoming = trends_in_period(world)
my_trend = upcoming[upcoming["peak"] < world.period_end].iloc[0]
trend_platform = my_trend["platforms"].split(", ")[0]
print(f"{my_trend['trend_id']} {my_trend['name']} runs on {my_trend['platforms']}; post on {trend_platform}.")
my_trend[["trend_id", "name", "platforms", "start", "peak", "peak_day"]].to_frame().T
"""

S3 = '''
def join_time(trends, trend_id, platform, min_freshness, hour=11):
    """Return the best time to join a trend on a platform under the team's rules, or None.

    Args:
        trends: A table like world.trends (trend_id, platforms, start, peak, peak_day).
        trend_id: The trend, e.g. "T07".
        platform: The platform you would post on.
        min_freshness: Smallest freshness allowed, e.g. 0.8.
        hour: Publishing hour, 0-23.

    Returns:
        A pd.Timestamp at `hour`:00, or None.
    """
    ### BEGIN SOLUTION
    row = trends.set_index("trend_id").loc[trend_id]
    if platform not in row["platforms"].split(", "):
        return None
    first = row["start"].normalize() + pd.Timedelta(hours=hour)
    times = pd.DatetimeIndex([first + pd.Timedelta(days=d) for d in range(int(row["peak_day"]) + 2)])
    times = times[(times > row["start"]) & (times < row["peak"])]
    days = np.asarray((times - row["start"]) / pd.Timedelta(days=1), dtype=float)
    fresh = freshness(days, row["peak_day"])
    pays = intensity(days, row["peak_day"]) * fresh
    allowed = fresh >= min_freshness
    if not allowed.any():
        return None
    return times[allowed][int(np.argmax(pays[allowed]))]
    ### END SOLUTION


my_time = join_time(world.trends, my_trend["trend_id"], trend_platform, MIN_FRESHNESS)
print(f"Join {my_trend['trend_id']} on {trend_platform} at {my_time}")
'''

T3_RULES = '''
"""Checks that join_time picks a time on the rise of your trend, fresh enough, where joining boosts reach."""
from sandbox.grading.feedback import check_equal, check_true, check_type

_tid = my_trend["trend_id"]
_t = join_time(world.trends, _tid, trend_platform, 0.8)
check_type(_t, pd.Timestamp, what=f"join_time(world.trends, {_tid!r}, {trend_platform!r}, 0.8)",
           hint="Return one of the candidate times, a pd.Timestamp, e.g. row['start'].normalize() + "
           "pd.Timedelta(days=2, hours=11).")
_row = world.trends.set_index("trend_id").loc[_tid]
check_true(_t.hour == 11 and _t.minute == 0 and _t.second == 0, what=f"the time {_t}",
           problem="is not at 11:00, the hour asked for.", hint="Build the candidates at `hour`:00 exactly.")
check_true(_row["start"] < _t < _row["peak"], what=f"the time {_t}",
           problem=f"is not between the trend's start ({_row['start']}) and its peak ({_row['peak']}).",
           hint="Keep only candidates with start < time < peak.")
_fresh = float(freshness(np.array([(_t - _row["start"]) / pd.Timedelta(days=1)]), _row["peak_day"])[0])
check_true(_fresh >= 0.8, what=f"the trend's freshness at {_t}",
           problem=f"is {_fresh:.2f}, below the 0.8 the team asks for.",
           hint="Compute freshness(days since start, peak_day) per candidate; keep those >= min_freshness.")
_run = world.run_plan([{"platform": trend_platform, "time": _t, "trend_id": _tid}])
_factor = float(_run.factors["trend"].iloc[0])
check_true(_factor > 1.0, what=f"the model's trend factor for a post joining {_tid} at {_t}",
           problem=f"is {_factor:.2f}: joining then gives no boost.",
           hint="Join while the trend is running on that platform: after its start, before its peak.")
_elsewhere = next(p for p in world.platforms["platform"] if p not in _row["platforms"].split(", "))
check_equal(join_time(world.trends, _tid, _elsewhere, 0.8), None,
            what=f"join_time for {_tid} on {_elsewhere}, where the trend does not run",
            hint="Return None when `platform` is not in the trend's platforms column.")
### BEGIN HIDDEN TESTS
from sandbox.exercises import reference_world

_w = reference_world(STUDENT_ID)
_trends = _w.trends
for _r in _trends.itertuples():
    _plats = _r.platforms.split(", ")
    for _mf, _h in ((0.8, 11), (0.6, 20)):
        _got = join_time(_trends, _r.trend_id, _plats[-1], _mf, _h)
        _what = f"join_time(world.trends, {_r.trend_id!r}, {_plats[-1]!r}, {_mf}, hour={_h})"
        if _got is None:
            continue  # whether a moment exists is graded in the next cell
        check_type(_got, pd.Timestamp, what=_what, hint="Return a pd.Timestamp or None.")
        _d = (_got - _r.start) / pd.Timedelta(days=1)
        check_true(_got.hour == _h and _got.minute == 0, what=_what, problem=f"gave {_got}, not at {_h}:00.",
                   hint="Use the `hour` argument for the candidates' hour.")
        check_true(_r.start < _got < _r.peak, what=_what,
                   problem=f"gave {_got}, outside the rise ({_r.start} to {_r.peak}).",
                   hint="Keep only candidates with start < time < peak.")
        check_true(float(freshness(np.array([_d]), _r.peak_day)[0]) >= _mf, what=_what,
                   problem=f"gave {_got}, where freshness is below {_mf}.",
                   hint="Use the `min_freshness` argument, not a fixed 0.8.")
    _off = next(p for p in _w.platforms["platform"] if p not in _plats)
    check_equal(join_time(_trends, _r.trend_id, _off, 0.5), None,
                what=f"join_time for {_r.trend_id} on {_off}, where it does not run",
                hint="Return None when `platform` is not in the trend's platforms column.")
### END HIDDEN TESTS
'''

T3_BEST = '''
"""Checks that join_time picks, of the moments passing the rules, the one with most intensity x freshness."""
from sandbox.grading.feedback import check_type

check_type(join_time(world.trends, my_trend["trend_id"], trend_platform, 0.8), pd.Timestamp,
           what="join_time for your trend",
           hint="Your trend has moments that pass the rules: return the best one as a pd.Timestamp "
           "(None is only for a trend with no such moment).")
### BEGIN HIDDEN TESTS
from sandbox.exercises import reference_world
from sandbox.grading.feedback import check_equal
from sandbox.post_lab import trends_in_period as _in_period


def _best(row, platform, min_freshness, hour):
    if platform not in row.platforms.split(", "):
        return None
    best, value = None, -1.0
    for d in range(int(row.peak_day) + 2):
        t = row.start.normalize() + pd.Timedelta(days=d, hours=hour)
        if not row.start < t < row.peak:
            continue
        days = np.array([(t - row.start) / pd.Timedelta(days=1)])
        f = float(freshness(days, row.peak_day)[0])
        v = float(intensity(days, row.peak_day)[0]) * f
        if f >= min_freshness and v > value:
            best, value = t, v
    return best


_w = reference_world(STUDENT_ID)
_trends = _w.trends
_upcoming = _in_period(_w)
_first = _upcoming[_upcoming["peak"] < _w.period_end].iloc[0]["trend_id"]
_rows = {_r.trend_id: _r for _r in _trends.itertuples()}
for _tid in [_first] + [t for t in _rows if t != _first]:  # your trend first, then all the others
    _r = _rows[_tid]
    _p = _r.platforms.split(", ")[0]
    for _mf, _h in ((0.8, 11), (0.5, 11), (0.9, 8), (1.0, 11)):
        check_equal(
            join_time(_trends, _r.trend_id, _p, _mf, _h), _best(_r, _p, _mf, _h),
            what=f"join_time(world.trends, {_r.trend_id!r}, {_p!r}, {_mf}, hour={_h}) in your world",
            hint="Of the candidates with start < time < peak and freshness >= min_freshness, return the "
            "one with the largest intensity x freshness; None if there is none.",
        )
### END HIDDEN TESTS
'''

P4 = """
## Part 4 · What did the giveaway really bring? (3 points)

"Comment and follow to win" brings comments and followers, and bots with them. The locked cell
below runs the same 42 posts on Loop (three a day for two weeks) twice: once as giveaways
(`rubric="contest"`) and once as ordinary informative posts. Both runs use **the same post
ids**, so each giveaway post and its ordinary twin had the same luck: the giveaway is the only
difference. `giveaway_posts` and `ordinary_posts` are the two runs' `posts` tables.

Write `giveaway_effect(giveaway, baseline)`: it returns a dict with three figures for the report.
Compare like with like: use only the posts whose `post_id` is in **both** tables.

- `"bot_share"`: the share of the giveaway posts' new followers that are bots: the sum of
  `bot_follows` divided by the sum of `follows` (`follows` counts every new follower, bots
  included), as a fraction (0.4, not 40). `None` if nobody followed.
- `"extra_real_follows"`: the real (non-bot) new followers of the giveaway posts
  (`follows - bot_follows`) minus the real new followers of the same posts without the giveaway,
  as a whole number. This is the growth you may honestly report.
- `"comments_uplift"`: the comments on the giveaway posts divided by the comments on the same
  posts without the giveaway (6.0 means six times as many). `None` if those got no comments.

Hint: `giveaway.merge(baseline, on="post_id", suffixes=("", "_base"))` puts each pair of posts on
one row, with columns such as `comments` and `comments_base`.
"""

GIVEAWAY = """
loop_times = [world.start_date + pd.Timedelta(days=d, hours=h) for d in range(14) for h in (12, 16, 21)]
loop_plan = pd.DataFrame({"post_id": range(1, 43), "platform": "loop", "time": loop_times})
giveaway_posts = world.run_plan(loop_plan.assign(rubric="contest")).posts
ordinary_posts = world.run_plan(loop_plan.assign(rubric="informative")).posts
columns = ["post_id", "time", "rubric", "followers", "reach", "comments", "follows", "bot_follows"]
giveaway_posts[columns].head()
"""

S4 = '''
def giveaway_effect(giveaway, baseline):
    """Return the giveaway's bot share, extra real follows and comments uplift against the baseline.

    Args:
        giveaway: Posts of the giveaway run (post_id, comments, follows, bot_follows).
        baseline: The same posts without the giveaway, with the same post ids.

    Returns:
        A dict with keys "bot_share", "extra_real_follows" and "comments_uplift".
    """
    ### BEGIN SOLUTION
    both = giveaway.merge(baseline, on="post_id", suffixes=("", "_base"))
    follows = both["follows"].sum()
    base_comments = both["comments_base"].sum()
    real = (both["follows"] - both["bot_follows"]).sum()
    real_base = (both["follows_base"] - both["bot_follows_base"]).sum()
    return {
        "bot_share": float(both["bot_follows"].sum() / follows) if follows > 0 else None,
        "extra_real_follows": int(real - real_base),
        "comments_uplift": float(both["comments"].sum() / base_comments) if base_comments > 0 else None,
    }
    ### END SOLUTION


giveaway_effect(giveaway_posts, ordinary_posts)
'''

T4 = '''
"""Checks that giveaway_effect returns the three figures, each of the right kind and in range."""
import numbers

from sandbox.grading.feedback import check_between, check_equal, check_true, check_type, check_whole_number

_eff = giveaway_effect(giveaway_posts, ordinary_posts)
check_type(_eff, dict, what="giveaway_effect(giveaway_posts, ordinary_posts)",
           hint='Return a dict: {"bot_share": ..., "extra_real_follows": ..., "comments_uplift": ...}.')
check_equal(sorted(_eff), ["bot_share", "comments_uplift", "extra_real_follows"],
            what="the keys of your dict",
            hint='Use exactly the keys "bot_share", "extra_real_follows" and "comments_uplift".')
check_between(_eff["bot_share"], 0, 1, what='"bot_share"',
              hint="A share is a fraction: bot follows divided by all follows, 0.4 rather than 40.")
check_whole_number(_eff["extra_real_follows"], what='"extra_real_follows"',
                   hint="Count people: a sum of follows minus a sum of follows, a whole number (int(...)).")
_up = _eff["comments_uplift"]
check_true(_up is None or (isinstance(_up, numbers.Real) and not isinstance(_up, bool) and _up >= 0),
           what='"comments_uplift"',
           problem=f"should be a number of 0 or more (or None), but it is {_up!r}.",
           hint="Divide the giveaway posts' comments by the ordinary posts' comments.")
### BEGIN HIDDEN TESTS
from sandbox.exercises import reference_world
from sandbox.grading.feedback import check_close

_w = reference_world(STUDENT_ID)
_times = [_w.start_date + pd.Timedelta(days=d, hours=h) for d in range(14) for h in (12, 16, 21)]
_plan = pd.DataFrame({"post_id": range(1, 43), "platform": "loop", "time": _times})
_g = _w.run_plan(_plan.assign(rubric="contest")).posts
_b = _w.run_plan(_plan.assign(rubric="informative")).posts
_eff = giveaway_effect(_g, _b)
check_close(_eff["bot_share"], _g["bot_follows"].sum() / _g["follows"].sum(),
            what='"bot_share" in your world', hint="Sum bot_follows, sum follows, divide.")
check_equal(_eff["extra_real_follows"],
            int((_g["follows"] - _g["bot_follows"]).sum() - (_b["follows"] - _b["bot_follows"]).sum()),
            what='"extra_real_follows" in your world',
            hint="Real follows are follows minus bot_follows; subtract the ordinary posts' real follows.")
_want = _g["comments"].sum() / _b["comments"].sum() if _b["comments"].sum() > 0 else None
if _want is None:
    check_equal(_eff["comments_uplift"], None, what='"comments_uplift" in your world',
                hint="The ordinary posts got no comments: return None.")
else:
    check_close(_eff["comments_uplift"], _want, what='"comments_uplift" in your world',
                hint="Total comments of the giveaway posts divided by total comments of the ordinary posts.")
_gt = pd.DataFrame(
    {"post_id": [1, 2, 3], "comments": [6, 4, 2], "follows": [10, 5, 5], "bot_follows": [4, 2, 2]}
)
_bt = pd.DataFrame({"post_id": [3, 2, 1, 9], "comments": [1, 1, 2, 50], "follows": [2, 1, 1, 40],
                    "bot_follows": [0, 0, 0, 0]})
_got = giveaway_effect(_gt, _bt)
check_close(_got["bot_share"], 0.4, what="bot_share of made-up posts with 8 bot follows out of 20 follows",
            hint="Divide the sum of bot_follows by the sum of follows.")
check_equal(_got["extra_real_follows"], 8,
            what="extra_real_follows of made-up posts (12 real vs 4; baseline post 9 is not in the giveaway)",
            hint="Use only post ids in both tables (merge on post_id): real follows minus the baseline's.")
check_close(_got["comments_uplift"], 3.0,
            what="comments_uplift of made-up posts (12 comments vs 4 on the same post ids)",
            hint="Match posts by post_id: the rows are in another order and the baseline has an extra post.")
_none = giveaway_effect(_gt.assign(follows=0, bot_follows=0), _bt.assign(comments=0))
check_equal(_none["bot_share"], None, what="bot_share when nobody followed",
            hint="Return None when the sum of follows is 0 (a share of nothing is undefined).")
check_equal(_none["comments_uplift"], None, what="comments_uplift when the ordinary posts got no comments",
            hint="Return None when the baseline's comments add up to 0.")
### END HIDDEN TESTS
'''


def build() -> Path:
    cells = [
        markdown("intro", INTRO),
        student_id_cell(),
        readonly("setup", SETUP),
        markdown("part1", P1),
        readonly("format_test", EXPERIMENT),
        solution("choose_formats", S1),
        tests("q1_format_choice", 3, T1),
        markdown("part2", P2),
        readonly("draft_post", DRAFT),
        solution("fix_draft", S2),
        tests("q2_fixed_draft", 4, T2),
        markdown("part3", P3),
        readonly("my_trend", TREND),
        solution("join_time", S3),
        tests("q3_trend_join_rules", 2, T3_RULES),
        tests("q3_trend_join_best", 2, T3_BEST),
        markdown("part4", P4),
        readonly("giveaway_runs", GIVEAWAY),
        solution("giveaway_effect", S4),
        tests("q4_giveaway_effect", 3, T4),
        *self_check_cells("05-content-trends"),
    ]
    return write_notebook(OUT, cells)


if __name__ == "__main__":
    print(f"wrote {build()}")
