"""Write graders/source/04-content-plan/04-content-plan-exercise.ipynb (the instructor version).

Run from the repository root after changing this file, then rebuild the student copies:

    .venv/bin/python graders/authoring/build_04_content_plan.py
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

OUT = Path(__file__).resolve().parents[1] / "source" / "04-content-plan" / "04-content-plan-exercise.ipynb"

INTRO = """
# Content plan exercise: a month of posts, its results, and an A/B test

The strategy is agreed; now the month has to be filled. In this exercise you do three things
an SMM specialist does every month: build a four-week content plan that follows the team's
rules (how often, when, in which formats, with which mix of rubrics), read what the plan
achieved, and read an A/B test without fooling yourself. You work on **your own world**: it is
built from your student id, so your brand, its platforms and its audience's hours are yours
and differ from your classmates'. The lesson for this module is `04-content-plan-lesson.ipynb`
in this folder; everything used here is shown there.

**How this notebook works**

1. Write the id your instructor gave you in the next cell and run it. Working on your own?
   Any id you like works; leave it empty to use the practice world.
2. Run the cell after it: it builds your world (a few seconds).
3. Each part says what to write and how many points it is worth. Replace
   `raise NotImplementedError()` with your code; keep the function's name and arguments.
4. Run the test cell under each part. A quiet test cell means your answer passed the visible
   checks; an error tells you what was expected and gives a hint. When your instructor grades
   the notebook, hidden tests also check your answers against your world and a few edge cases
   (other platforms, other brands, other tables), so write code that works for any input, not
   just for yours.
5. Save the notebook (Ctrl+S) and run the last cell to check your work.
"""

SETUP = """
import pandas as pd

import sandbox
from sandbox import abtest, content_plan
from sandbox.exercises import student_world

world = student_world(STUDENT_ID)

# The platforms of your plan: your brand's three biggest accounts, the biggest (your main platform) first.
_mine = world.accounts[world.accounts["brand"] == world.you]
_mine = _mine.sort_values(["followers", "platform"], ascending=[False, True])
PLAN_PLATFORMS = _mine["platform"].head(3).tolist()

print(f"Your brand: {world.you} ({world.niche.replace('_', ' ')}).")
print(f"Your plan starts on {world.start_date:%Y-%m-%d}.")
print(f"Your plan's platforms: {PLAN_PLATFORMS} (main platform: {PLAN_PLATFORMS[0]!r}).")
world.platforms.set_index("platform").loc[PLAN_PLATFORMS, ["name", "formats", "sustainable_posts_per_day"]]
"""

P1 = """
## Part 1 · Plan the month (5 points)

A plan is a table with one row per post (lesson, section 3). Your team's rules for a month:

1. a DataFrame with at least the columns `platform`, `time`, `format` and `rubric` (other
   columns of `sandbox.PLAN_COLUMNS` are allowed);
2. **4 weeks**: every post goes out from `world.start_date` up to (not including) 28 days later;
   week 1 is the first 7 days, week 2 the next 7, and so on;
3. **posts per week**: in each of the 4 weeks, at least 7 posts on the first platform of
   `platforms` (your main platform), 3 to 5 posts on each of the others, and none anywhere
   else;
4. **timing**: every post goes out on the hour, at one of the 3 hours when *your followers* on
   that platform are most online: `content_plan.audience_peak_hours(world, platform, n=3)`;
5. **frequency**: on no day more posts on a platform than its `sustainable_posts_per_day`
   (`world.platforms`) rounded down (1.5 means 1 a day), and never two posts on one platform
   at the same time;
6. **formats**: every post's format is one the platform supports (the `formats` column of
   `world.platforms`);
7. **rubric mix** over the month, all platforms together: informative 30–50 %,
   entertaining 25–45 %, commercial 10–25 %, contest at most 10 %;
8. the world can run it: `world.run_plan(plan)` works without an error.

Write `plan_month(world, platforms)`: it returns such a plan for the platforms it is given (the
first is the main platform). It must work for any world and any 3 platforms, not only yours.
`content_plan.build_plan` does most of the work (look at its arguments with
`help(content_plan.build_plan)`); your job is to choose its inputs so that every rule holds.
"""

S1 = '''
def plan_month(world, platforms):
    """Return a 4-week content plan for `platforms` (the first is the main one) following the rules.

    Args:
        world: The world (use world.start_date, world.platforms and the audience's peak hours).
        platforms: A list of 3 platform slugs, the main platform first.

    Returns:
        A DataFrame with one row per post (columns platform, time, format, rubric, ...).
    """
    ### BEGIN SOLUTION
    main, *others = platforms
    posts_per_week = {main: 7, **{p: 4 for p in others}}
    hours = {p: content_plan.audience_peak_hours(world, p, n=3) for p in platforms}
    mix = {"informative": 0.4, "entertaining": 0.35, "commercial": 0.2, "contest": 0.05}
    return content_plan.build_plan(world.start_date, 4, posts_per_week, hours, rubric_mix=mix)
    ### END SOLUTION


my_plan = plan_month(world, PLAN_PLATFORMS)
result = world.run_plan(my_plan)
print(result)
pd.crosstab(my_plan["platform"], my_plan["rubric"], margins=True)
'''

T1 = '''
"""Checks that plan_month gives a plan for your 3 platforms that follows rules 1 to 8."""
import math

from sandbox.grading.feedback import check_between, check_true, check_type, fail

MIX_BOUNDS = {"informative": (0.30, 0.50), "entertaining": (0.25, 0.45), "commercial": (0.10, 0.25),
              "contest": (0.0, 0.10)}


def _check_plan(plan, world, platforms, what):
    check_type(plan, pd.DataFrame, what=what, hint="Return a DataFrame with one row per post.")
    for col in ("platform", "time", "format", "rubric"):
        check_true(col in plan.columns, what=what, problem=f"has no {col!r} column.",
                   hint="Rule 1: a plan needs the columns platform, time, format and rubric.")
    check_true(len(plan) > 0, what=what, problem="has no posts.", hint="Plan 4 weeks of posts.")
    world.run_plan(plan)  # rule 8: a plan the world cannot run raises an error that says what to fix
    plan = plan.reset_index(drop=True)
    times = pd.to_datetime(plan["time"])
    start, end = world.start_date, world.start_date + pd.Timedelta(days=28)
    info = world.platforms.set_index("platform")

    outside = times[(times < start) | (times >= end)]
    if len(outside):
        fail(what, f"has a post at {outside.iloc[0]}, outside the 4 weeks ({start:%Y-%m-%d} to "
             f"{end:%Y-%m-%d}, not included).",
             "Rule 2: start at world.start_date and plan exactly 4 weeks (weeks=4).")
    extra = sorted(set(plan["platform"]) - set(platforms))
    if extra:
        fail(what, f"has posts on {extra}, which are not among the platforms {platforms}.",
             "Rule 3: post only on the platforms you are given.")
    week = (times.dt.normalize() - start).dt.days // 7 + 1
    counts = pd.crosstab(plan["platform"], week).reindex(index=platforms, columns=range(1, 5), fill_value=0)
    for p in platforms:
        low, high = (7, math.inf) if p == platforms[0] else (3, 5)
        for w in range(1, 5):
            n = int(counts.loc[p, w])
            if not low <= n <= high:
                rule = "at least 7 (main platform)" if p == platforms[0] else "3 to 5"
                fail(what, f"has {n} posts on {p!r} in week {w}; the rule is {rule} every week.",
                     "Rule 3: the first platform is the main one (7 or more a week), the others get 3 to 5.")
    peak_hours = {p: content_plan.audience_peak_hours(world, p, n=3) for p in platforms}
    for i, (p, t) in enumerate(zip(plan["platform"], times, strict=True)):
        peaks = peak_hours[p]
        if t.minute or t.second or t.hour not in peaks:
            fail(what, f"has a post on {p!r} at {t:%Y-%m-%d %H:%M} (row {i}), not on the hour at one of your "
                 f"followers' peak hours there: {', '.join(f'{h}:00' for h in peaks)}.",
                 "Rule 4: use content_plan.audience_peak_hours(world, platform, n=3) for each platform.")
    per_day = plan.groupby([plan["platform"], times.dt.date]).size()
    for (p, day), n in per_day.items():
        cap = math.floor(info.loc[p, "sustainable_posts_per_day"])
        if n > cap:
            fail(what, f"has {n} posts on {p!r} on {day}, more than {cap} a day (sustainable_posts_per_day "
                 f"{info.loc[p, 'sustainable_posts_per_day']} rounded down).",
                 "Rule 5: spread the posts over the week; fewer posts a week on that platform may help.")
    same = plan[plan.assign(_t=times).duplicated(["platform", "_t"])]
    if len(same):
        fail(what, f"has two posts on {same['platform'].iloc[0]!r} at {times[same.index[0]]}.",
             "Rule 5: give posts of the same day different hours.")
    for i, (p, f) in enumerate(zip(plan["platform"], plan["format"], strict=True)):
        allowed = info.loc[p, "formats"].split(", ")
        check_true(f in allowed, what=f"the format of row {i} ({p!r})",
                   problem=f"is {f!r}, which {p} does not support.",
                   hint=f"Rule 6: formats on {p}: {', '.join(allowed)}.")
    shares = plan["rubric"].value_counts(normalize=True)
    for rubric, (low, high) in MIX_BOUNDS.items():
        check_between(float(shares.get(rubric, 0.0)), low, high,
                      what=f"the share of {rubric} posts in {what}",
                      hint="Rule 7: set the rubric mix (rubric_mix=...) so every share is within its bounds.")


_check_plan(plan_month(world, PLAN_PLATFORMS), world, PLAN_PLATFORMS, "plan_month(world, PLAN_PLATFORMS)")
### BEGIN HIDDEN TESTS
from sandbox.exercises import reference_world

_w = reference_world(STUDENT_ID)
_check_plan(plan_month(_w, PLAN_PLATFORMS), _w, PLAN_PLATFORMS,
            "plan_month(world, PLAN_PLATFORMS) in your world")
_acc = _w.accounts[_w.accounts["brand"] == _w.you]
_acc = _acc.sort_values(["followers", "platform"], ascending=[False, True])
_others = _acc["platform"].tail(3).tolist()[::-1]
_check_plan(plan_month(_w, _others), _w, _others, f"plan_month(world, {_others})")
### END HIDDEN TESTS
'''

P2 = """
## Part 2 · What did the plan achieve, rubric by rubric? (3 points)

A month later, you look at what each rubric did, to adjust next month's mix. Engagement rate
**by reach** (engagements ÷ the people reached) says how engaging a post was for those who
actually saw it, so a post that reached more people is not favoured. The median says what a
typical post did, without one viral post pulling it up. And a rubric with only a couple of
posts says little: leave it out.

Write `median_er_by_rubric(posts, min_posts=5)`: it returns a pandas Series indexed by rubric:

- for each rubric, the median over its posts of `engagements` ÷ `reach`, as a fraction
  (0.034, not 3.4 %); posts that reached nobody (`reach` 0) are left out;
- only rubrics with at least `min_posts` posts (after leaving those out);
- sorted from the highest rate to the lowest; on a tie, alphabetical order of the rubrics;
- a table with no posts gives an empty Series.

It must work on any posts table with the columns `rubric`, `engagements` and `reach`: your
plan's `result.posts`, or the history in `world.posts`.
"""

S2 = '''
def median_er_by_rubric(posts, min_posts=5):
    """Return the median engagement rate by reach of each rubric, highest first.

    Args:
        posts: A posts table (rubric, engagements, reach), e.g. result.posts.
        min_posts: Fewest posts a rubric needs to be shown.

    Returns:
        A pandas Series indexed by rubric (fractions, such as 0.034).
    """
    ### BEGIN SOLUTION
    seen = posts[posts["reach"] > 0]
    rate = seen["engagements"] / seen["reach"]
    grouped = rate.groupby(seen["rubric"])
    medians = grouped.median()[grouped.size() >= min_posts]
    return medians.sort_index().sort_values(ascending=False, kind="stable")
    ### END SOLUTION


median_er_by_rubric(result.posts)
'''

T2 = '''
"""Checks that median_er_by_rubric gives fractions by rubric, highest first, on your brand's history."""
from sandbox.grading.feedback import check_between, check_in, check_true, check_type

_history = world.posts[world.posts["brand"] == world.you]
_er = median_er_by_rubric(_history)
_what = "median_er_by_rubric(your brand's posts in world.posts)"
check_type(_er, pd.Series, what=_what, hint="Return a pandas Series: index = rubric, values = median rates.")
check_true(len(_er) > 0, what=_what, problem="is empty, but your brand has many posts of each rubric.",
           hint="Group the posts by rubric; keep rubrics with at least min_posts posts.")
for _r, _v in _er.items():
    check_in(_r, list(sandbox.RUBRICS), what=f"the index of {_what}",
             hint="Index the result by the rubric's name.")
    check_between(_v, 0, 1, what=f"the rate of {_r!r}",
                  hint="Engagement rate by reach is a fraction: engagements / reach (0.034 means 3.4 %).")
check_true(_er.is_monotonic_decreasing, what=_what,
           problem="is not sorted from the highest rate to the lowest.",
           hint="Sort with .sort_values(ascending=False).")
### BEGIN HIDDEN TESTS
from sandbox.exercises import reference_world
from sandbox.grading.feedback import check_close, check_equal


def _expected(posts, min_posts):
    seen = posts[posts["reach"] > 0]
    rows = []
    for r, g in seen.groupby("rubric"):
        if len(g) >= min_posts:
            rows.append((-float((g["engagements"] / g["reach"]).median()), str(r)))
    return [(r, -m) for m, r in sorted(rows)]


def _same(posts, min_posts, what):
    got = median_er_by_rubric(posts, min_posts=min_posts)
    want = _expected(posts, min_posts)
    check_type(got, pd.Series, what=what, hint="Return a pandas Series indexed by rubric.")
    check_equal(sorted(map(str, got.index)), sorted(r for r, _ in want), what=f"the rubrics in {what}",
                hint="Leave out posts with reach 0 first, then keep the rubrics with at least min_posts "
                     "posts.")
    for r, m in want:
        check_close(got.loc[r], m, what=f"the rate of {r!r} in {what}", rel=1e-9,
                    hint="For each rubric: the median of engagements / reach over its posts with reach "
                         "above 0.")
    check_equal([str(r) for r in got.index], [r for r, _ in want], what=f"the order of {what}",
                hint="Highest rate first; on a tie, alphabetical order.")


_w = reference_world(STUDENT_ID)
for _b in _w.brands["name"]:
    _same(_w.posts[_w.posts["brand"] == _b], 5, f"median_er_by_rubric(the posts of {_b!r})")
_same(_w.posts, 300, "median_er_by_rubric(world.posts, min_posts=300)")
_hours = {PLAN_PLATFORMS[0]: content_plan.audience_peak_hours(_w, PLAN_PLATFORMS[0], n=2)}
_run = _w.run_plan(content_plan.build_plan(_w.start_date, 4, {PLAN_PLATFORMS[0]: 7}, _hours))
_same(_run.posts, 2, "median_er_by_rubric(the posts of a 4-week plan's result, min_posts=2)")
_tiny = pd.DataFrame({
    "rubric": [
        "informative", "informative", "informative", "commercial", "commercial", "contest", "entertaining"
    ],
    "engagements": [3, 10, 50, 4, 2, 9, 3],
    "reach": [100, 100, 0, 100, 100, 30, 10],
})
_same(_tiny, 2, "median_er_by_rubric on 7 posts (one with reach 0), min_posts=2")
_same(_tiny, 1, "median_er_by_rubric on 7 posts where contest and entertaining tie, min_posts=1")
_empty = median_er_by_rubric(_tiny.iloc[0:0])
check_type(_empty, pd.Series, what="median_er_by_rubric on an empty table", hint="Return an empty Series.")
check_equal(len(_empty), 0, what="the length of median_er_by_rubric on an empty table",
            hint="No posts, no rubrics.")
### END HIDDEN TESTS
'''

P3_INTRO = """
## Part 3 · Read an A/B test (4 points)

Your team ran a fair test on your main platform for 6 weeks: the same hours, rubric mix and topic
for both variants, and the posts split at random between two formats, half and half in every hour
slot and week (`abtest.assign_variants`). The cell below runs it in your world; `test_posts` has
one row per post, with its `format` and its results.
"""

P3_DATA = """
TEST_FORMATS = {
    "pixa": ("image", "carousel"),
    "circles": ("text", "image"),
    "chirp": ("text", "image"),
    "loop": ("image", "short_video"),
    "beacon": ("text", "image"),
    "linkup": ("image", "carousel"),
}
TEST_PLATFORM = PLAN_PLATFORMS[0]
VARIANT_A, VARIANT_B = TEST_FORMATS[TEST_PLATFORM]


def run_format_test(world, platform, a, b):
    \"\"\"Run the 6-week A/B test of formats a and b on platform; return the posts.\"\"\"
    cap = int(world.platforms.set_index("platform").loc[platform, "sustainable_posts_per_day"])
    hours = content_plan.audience_peak_hours(world, platform, n=2)
    plan = content_plan.build_plan(world.start_date, 6, {platform: 7 * min(cap, 2)}, {platform: hours})
    return world.run_plan(abtest.assign_variants(plan, "format", a, b, seed=1)).posts


test_posts = run_format_test(world, TEST_PLATFORM, VARIANT_A, VARIANT_B)
print(f"A/B test on {TEST_PLATFORM}: A = {VARIANT_A!r}, B = {VARIANT_B!r}, {len(test_posts)} posts.")
test_posts.groupby("format")["reach"].describe().round(1)
"""

P3 = """
The two variants' posts overlap a lot: plenty of A posts beat plenty of B posts, by luck alone.
So compare the **means** of many posts and say how sure you are with a bootstrap confidence
interval of the difference (lesson, section 7).

Write `read_ab_test(posts, column, a, b, metric="reach", min_posts=10)`. Variant A's posts are
the rows whose `column` equals `a`, variant B's those whose `column` equals `b`; each post
counts with its value of `metric`. It returns a dict with exactly these keys:

- `"diff"`, `"low"`, `"high"`: the difference of means **B − A** and the ends of its 95 %
  interval, from `abtest.bootstrap_mean_diff(values_of_a, values_of_b)` with its default
  settings (`.diff`, `.low`, `.high`);
- `"winner"`: your decision, by this rule:
  - `"B"` if the whole interval is above 0 (`low > 0`),
  - `"A"` if the whole interval is below 0 (`high < 0`),
  - `"no clear winner"` otherwise: the interval includes 0, so the test cannot tell them apart;
- a test with fewer than `min_posts` posts in either variant is not read at all: then
  `"diff"`, `"low"` and `"high"` are `None` and `"winner"` is `"no clear winner"`.
"""

S3 = '''
def read_ab_test(posts, column, a, b, metric="reach", min_posts=10):
    """Compare variants a and b of `column` on `metric` and decide the winner by the rule above.

    Args:
        posts: A posts table with the columns `column` and `metric`.
        column: The column that differs between the variants, e.g. "format".
        a: Variant A's value in that column.
        b: Variant B's value in that column.
        metric: The column to compare, e.g. "reach".
        min_posts: Fewest posts each variant needs for the test to be read.

    Returns:
        A dict with the keys "diff", "low", "high" and "winner".
    """
    ### BEGIN SOLUTION
    values_a = posts.loc[posts[column] == a, metric]
    values_b = posts.loc[posts[column] == b, metric]
    if len(values_a) < min_posts or len(values_b) < min_posts:
        return {"diff": None, "low": None, "high": None, "winner": "no clear winner"}
    d = abtest.bootstrap_mean_diff(values_a, values_b)
    if d.low > 0:
        winner = "B"
    elif d.high < 0:
        winner = "A"
    else:
        winner = "no clear winner"
    return {"diff": d.diff, "low": d.low, "high": d.high, "winner": winner}
    ### END SOLUTION


read_ab_test(test_posts, "format", VARIANT_A, VARIANT_B)
'''

T3 = '''
"""Checks that read_ab_test gives a difference inside its interval and a winner that follows the rule."""
from sandbox.grading.feedback import check_equal, check_in, check_number, check_true, check_type

WINNERS = ["A", "B", "no clear winner"]


def _check_reading(reading, what):
    check_type(reading, dict, what=what,
               hint='Return a dict: {"diff": ..., "low": ..., "high": ..., "winner": ...}.')
    check_equal(sorted(reading), ["diff", "high", "low", "winner"], what=f"the keys of {what}",
                hint='Use exactly the keys "diff", "low", "high" and "winner".')
    check_in(reading["winner"], WINNERS, what=f'{what}["winner"]',
             hint='Answer "A", "B" or "no clear winner".')
    if reading["diff"] is None:
        unread = reading["low"] is None and reading["high"] is None and reading["winner"] == "no clear winner"
        check_true(unread,
                   what=what, problem="has no difference, but has an interval or a winner.",
                   hint='A test that is not read has diff, low and high None and winner "no clear winner".')
        return
    for key in ("diff", "low", "high"):
        check_number(reading[key], what=f'{what}["{key}"]',
                     hint="Use .diff, .low and .high of the bootstrap result.")
    low, diff, high = reading["low"], reading["diff"], reading["high"]
    check_true(low <= diff <= high, what=what,
               problem=f"has diff {diff:.4g} outside its interval {low:.4g} to {high:.4g}.",
               hint="diff is mean(B) - mean(A); low and high are the ends of its interval.")
    rule = "B" if low > 0 else "A" if high < 0 else "no clear winner"
    check_equal(reading["winner"], rule, what=f'{what}["winner"] for the interval {low:.4g} to {high:.4g}',
                hint='"B" when the whole interval is above 0, "A" when it is below 0, otherwise '
                     '"no clear winner".')


_check_reading(read_ab_test(test_posts, "format", VARIANT_A, VARIANT_B),
               "read_ab_test(test_posts, 'format', VARIANT_A, VARIANT_B)")
### BEGIN HIDDEN TESTS
import numpy as np

from sandbox.exercises import reference_world
from sandbox.grading.feedback import check_close


def _same_reading(posts, column, a, b, what, metric="reach", min_posts=10):
    got = read_ab_test(posts, column, a, b, metric=metric, min_posts=min_posts)
    _check_reading(got, what)
    va = posts.loc[posts[column] == a, metric]
    vb = posts.loc[posts[column] == b, metric]
    if len(va) < min_posts or len(vb) < min_posts:
        check_true(got["diff"] is None, what=what,
                   problem=f"was read, but a variant has fewer than {min_posts} posts ({len(va)} and "
                           f"{len(vb)}).",
                   hint='With too few posts, return None for diff, low and high and "no clear winner".')
        return
    want = abtest.bootstrap_mean_diff(va, vb)
    check_true(got["diff"] is not None, what=what,
               problem=f"was not read, but both variants have {min_posts} posts or more.",
               hint="Read the test when each variant has at least min_posts posts.")
    tol = 0.05 * (want.high - want.low) + 1e-9
    check_close(got["diff"], want.diff, what=f'{what}["diff"]', rel=1e-9, abs_tol=1e-9,
                hint="diff = mean of B's values - mean of A's values (B minus A).")
    check_close(got["low"], want.low, what=f'{what}["low"]', rel=0, abs_tol=tol,
                hint="Use abtest.bootstrap_mean_diff(values_of_a, values_of_b) with its defaults, A first.")
    check_close(got["high"], want.high, what=f'{what}["high"]', rel=0, abs_tol=tol,
                hint="Use abtest.bootstrap_mean_diff(values_of_a, values_of_b) with its defaults, A first.")


_w = reference_world(STUDENT_ID)
_posts = run_format_test(_w, TEST_PLATFORM, VARIANT_A, VARIANT_B)
_same_reading(_posts, "format", VARIANT_A, VARIANT_B, "read_ab_test on your A/B test")
_same_reading(_posts, "format", VARIANT_B, VARIANT_A, "read_ab_test on your A/B test with A and B swapped")
_same_reading(_posts, "format", VARIANT_A, VARIANT_B, "read_ab_test on your A/B test, metric='engagements'",
              metric="engagements")
_same_reading(_posts, "format", VARIANT_A, VARIANT_B, "read_ab_test on your A/B test, min_posts=1000",
              min_posts=1000)
_base = 100 + 10 * np.sin(np.arange(30))
_toy = pd.DataFrame({
    "cta": ["none"] * 30 + ["shop_now"] * 30 + ["learn_more"] * 30 + ["sign_up"] * 5,
    "clicks": np.concatenate([_base, _base + 30, 100 + 10 * np.sin(np.arange(30) + 0.5), _base[:5] + 50]),
})
for _a, _b, _what in (
    ("none", "shop_now", "B's mean is 30 above A's"),
    ("shop_now", "none", "A's mean is 30 above B's"),
    ("none", "learn_more", "A and B differ by luck only"),
    ("none", "sign_up", "B has only 5 posts"),
):
    _same_reading(_toy, "cta", _a, _b, f"read_ab_test when {_what}", metric="clicks")
_expect = {("none", "shop_now"): "B", ("shop_now", "none"): "A", ("none", "learn_more"): "no clear winner",
           ("none", "sign_up"): "no clear winner"}
for (_a, _b), _winner in _expect.items():
    check_equal(read_ab_test(_toy, "cta", _a, _b, metric="clicks")["winner"], _winner,
                what=f"the winner of read_ab_test(posts, 'cta', {_a!r}, {_b!r}, metric='clicks')",
                hint='"B" when the interval of B - A is above 0, "A" when below 0, otherwise '
                     '"no clear winner".')
### END HIDDEN TESTS
'''


def build() -> Path:
    cells = [
        markdown("intro", INTRO),
        student_id_cell(),
        readonly("setup", SETUP),
        markdown("part1", P1),
        solution("plan_month", S1),
        tests("q1_month_plan_rules", 5, T1),
        markdown("part2", P2),
        solution("median_er_by_rubric", S2),
        tests("q2_median_er_by_rubric", 3, T2),
        markdown("part3-intro", P3_INTRO),
        readonly("ab-test-run", P3_DATA),
        markdown("part3", P3),
        solution("read_ab_test", S3),
        tests("q3_ab_test_decision", 4, T3),
        *self_check_cells("04-content-plan"),
    ]
    return write_notebook(OUT, cells)


if __name__ == "__main__":
    print(f"wrote {build()}")
