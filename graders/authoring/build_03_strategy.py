"""Write graders/source/03-strategy/03-strategy-exercise.ipynb (the instructor version).

Run from the repository root after changing this file, then rebuild the student copies:

    .venv/bin/python graders/authoring/build_03_strategy.py
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

OUT = Path(__file__).resolve().parents[1] / "source" / "03-strategy" / "03-strategy-exercise.ipynb"

INTRO = """
# Strategy exercise: goal, KPIs, a SMART target and where to be

The owner of your brand has told you what social media should do for the business. Your job
now is to turn that wish into a strategy the two of you can judge the coming months by: the
few numbers (KPIs) that show progress towards the goal, where those numbers stand today, a
target that is ambitious but achievable, and the platforms worth your effort. You work on
**your own world**: it is built from your student id, so your brand, its goal and its history
are yours and differ from your classmates'. The lesson for this module is
`03-strategy-lesson.ipynb` in this folder; everything used here is shown there.

**How this notebook works**

1. Write the id your instructor gave you in the next cell and run it. Working on your own?
   Any id you like works; leave it empty to use the practice world.
2. Run the cell after it: it builds your world (a few seconds) and tells you your brand's goal.
3. Each part says what to write and how many points it is worth. Replace
   `raise NotImplementedError()` with your code; keep the function's name and arguments.
4. Run the test cell under each part. A quiet test cell means your answer passed the visible
   checks; an error tells you what was expected and gives a hint. When your instructor grades
   the notebook, hidden tests also check your answers against your world and a few edge cases
   (other goals, other brands, other tables), so write code that works for any input, not
   just for yours.
5. Save the notebook (Ctrl+S) and run the last cell to check your work.
"""

SETUP = """
import pandas as pd

import sandbox
from sandbox import strategy
from sandbox.exercises import student_world

world = student_world(STUDENT_ID)

# Your brand's goal for social media: every learner's brand gets one of the four goals.
GOAL = sorted(strategy.GOALS)[world.seed // len(sandbox.NICHES) % len(strategy.GOALS)]
# The KPI you set a target for in Parts 2 and 3: the goal's main KPI that the daily table can
# compute (the main sales KPI needs the posts table, so sales tracks the click-through rate).
TRACKED_KPI = {"awareness": "reach", "traffic": "clicks", "sales": "ctr", "community": "er_reach"}[GOAL]

print(f"Your brand: {world.you} ({world.niche.replace('_', ' ')}).")
print(f"You take over on {world.start_date:%Y-%m-%d}.")
print(f'The owner says: "{strategy.GOALS[GOAL].question}"')
print(f"Your goal: {GOAL!r} ({strategy.GOALS[GOAL].label}). The KPI you will track: {TRACKED_KPI!r}.")
"""

P1 = """
## Part 1 · Choose the KPIs for your goal (3 points)

A KPI set is the short list of numbers you and the business agree to judge the work by.
Too many, and nobody reads them; the wrong ones, and a good month looks bad (or a bad one
looks good). Two places in the sandbox help:

- `strategy.GOALS[goal].kpis`: the KPIs that measure a goal, **the main one first**;
- `strategy.KPIS`: the team's catalogue, every KPI it can compute, with its formula
  (`strategy.KPIS["ctr"].formula`) and whether it is a rate, a share shown in %
  (`strategy.KPIS["ctr"].is_share` is `True`).

Write `choose_kpis(goal)`. For any of the four goals (`"awareness"`, `"traffic"`, `"sales"`,
`"community"`) it returns a list of KPI names that follows these rules:

1. exactly **3 different** names;
2. every name is in the catalogue: a key of `strategy.KPIS`, or one of two more engagement
   rates, `"er_followers"` (engagements ÷ followers) and `"er_impressions"` (engagements ÷
   impressions). An engagement rate must **name its denominator**: `"engagement_rate"` alone
   is not a KPI, because 3 % of followers and 3 % of the people reached are very different
   results (`"er_reach"` in the catalogue divides by the people reached);
3. the **first** name is the goal's main KPI;
4. at least **2** of the 3 are KPIs of the goal;
5. at least **one is a rate** (a share or ratio, not a count: `is_share` is `True`, or one of the
   `er_` rates), so that the set measures quality or efficiency, not only volume;
6. **no two KPIs that measure the same thing**, because they always move together and waste a
   slot: `reach` with `impressions` (both count how much your posts were seen: people reached
   vs views), `follower_growth` with `net_followers` (the same follows − unfollows, once as a
   share and once as a count), `clicks` with `commercial_clicks` (commercial clicks are part of
   all clicks), `er_reach` with `er_impressions` (both divide engagements by the audience that
   saw the post: people reached vs views).
"""

S1 = '''
def choose_kpis(goal):
    """Return 3 KPI names for `goal`, the goal's main KPI first, following the rules above.

    Args:
        goal: One of "awareness", "traffic", "sales" or "community".

    Returns:
        A list of 3 different KPI names (text).
    """
    ### BEGIN SOLUTION
    same_thing = [
        {"reach", "impressions"},
        {"follower_growth", "net_followers"},
        {"clicks", "commercial_clicks"},
        {"er_reach", "er_impressions"},
    ]
    main, *others = strategy.GOALS[goal].kpis

    def fits(kpi, chosen):
        return kpi not in chosen and all({kpi, c} not in same_thing for c in chosen)

    chosen = [main]
    if not strategy.KPIS[main].is_share:
        chosen += [k for k in others if strategy.KPIS[k].is_share and fits(k, chosen)][:1]
    for k in others:
        if len(chosen) < 3 and fits(k, chosen):
            chosen.append(k)
    return chosen
    ### END SOLUTION


my_kpis = choose_kpis(GOAL)
for k in my_kpis:
    formula = strategy.KPIS[k].formula if k in strategy.KPIS else "(not in strategy.KPIS)"
    print(f"{k:>18}: {formula}")
'''

T1 = '''
"""Checks that choose_kpis gives 3 different KPI names from the catalogue for your goal."""
from sandbox.grading.feedback import check_equal, check_in, check_true, check_type

CATALOGUE = [*strategy.KPIS, "er_followers", "er_impressions"]
SAME_THING = [{"reach", "impressions"}, {"follower_growth", "net_followers"}, {"clicks", "commercial_clicks"},
              {"er_reach", "er_impressions"}]


def _check_catalogue(kpis, goal):
    what = f"choose_kpis({goal!r})"
    check_type(kpis, list, what=what, hint='Return a list of names, like ["name 1", "name 2", "name 3"].')
    check_equal(len(kpis), 3, what=f"the number of KPIs in {what}",
                hint="Choose exactly 3: a short list that people actually read.")
    for k in kpis:
        check_type(k, str, what=f"each KPI in {what}",
                   hint='Give each KPI as its name in quotes, e.g. "reach".')
        check_in(k, CATALOGUE, what=f"the KPI {k!r} in {what}",
                 hint="Use a key of strategy.KPIS, or er_followers / er_impressions. An engagement rate "
                      "must say what it divides by (reach, followers or impressions).")
    check_true(len(set(kpis)) == 3, what=what, problem=f"names a KPI twice: {kpis}.",
               hint="Choose 3 different KPIs.")
    for pair in SAME_THING:
        check_true(not pair <= set(kpis), what=f"{what} = {kpis}",
                   problem=f"has both {' and '.join(sorted(pair))}, which measure the same thing (rule 6).",
                   hint="Keep one of the two and choose another KPI of the goal, or a rate.")


_check_catalogue(choose_kpis(GOAL), GOAL)
### BEGIN HIDDEN TESTS
_rates = {"er_followers", "er_impressions"} | {s for s, k in strategy.KPIS.items() if k.is_share}
for _g, _goal in strategy.GOALS.items():
    _kpis = choose_kpis(_g)
    _check_catalogue(_kpis, _g)
    check_equal(_kpis[0], _goal.kpis[0], what=f"the first KPI of choose_kpis({_g!r})",
                hint="Start with the goal's main KPI: the first name in strategy.GOALS[goal].kpis.")
    check_true(sum(k in _goal.kpis for k in _kpis) >= 2, what=f"choose_kpis({_g!r}) = {_kpis}",
               problem=f"has fewer than 2 of the goal's KPIs ({', '.join(_goal.kpis)}).",
               hint="Take at least two names from strategy.GOALS[goal].kpis, so the set measures the goal.")
    check_true(any(k in _rates for k in _kpis), what=f"choose_kpis({_g!r}) = {_kpis}",
               problem="has no rate: every KPI is a count that grows with volume alone.",
               hint="Include a KPI whose strategy.KPIS[name].is_share is True (or an er_ rate).")
### END HIDDEN TESTS
'''

P2 = """
## Part 2 · Where you stand: the weekly history of your KPI (3 points)

You cannot set a sensible target without knowing today's level, and one week says little: a few
lucky posts or a quiet holiday week move it a lot. So the baseline comes from the weekly values
of your brand's history. `world.history_daily` has one row per day, brand and platform
(`date`, `brand`, `platform`, `reach`, `impressions`, `engagements`, `clicks`, ...).

Write `weekly_kpi(daily, brand, kpi, start_date, weeks=12)`: it returns a pandas Series with one
value per week, indexed `1, 2, ..., weeks`, for the rows of `brand`, all platforms together.

- The weeks are the `weeks` complete weeks just before `start_date`: week 1 starts
  `7 × weeks` days before `start_date`, and the last week ends the day before `start_date`.
  Days outside those weeks are left out (the history's first days that do not fill a week,
  and anything from `start_date` on).
- `kpi` is `"reach"`, `"impressions"`, `"engagements"` or `"clicks"`: the week's total;
  or a rate of the week's totals: `"er_reach"` = engagements ÷ reach (denominator: the people
  reached), `"ctr"` = clicks ÷ impressions. Divide the week's totals, do not average daily
  rates. A week whose denominator is 0 gives NaN (pandas does that when it divides 0 by 0).

Tip: with `first_day` the first day of week 1,
`(daily["date"] - first_day).dt.days // 7 + 1` is each row's week number.
"""

S2 = '''
def weekly_kpi(daily, brand, kpi, start_date, weeks=12):
    """Return one value of `kpi` per week for `brand`, over the `weeks` weeks before `start_date`.

    Args:
        daily: A table like world.history_daily (date, brand, reach, impressions, engagements, clicks).
        brand: The brand's name, e.g. world.you.
        kpi: "reach", "impressions", "engagements", "clicks", "er_reach" or "ctr".
        start_date: The day after the last week (a Timestamp or text like "2026-03-02").
        weeks: How many weeks.

    Returns:
        A pandas Series indexed 1..weeks.
    """
    ### BEGIN SOLUTION
    first_day = pd.Timestamp(start_date).normalize() - pd.Timedelta(days=7 * weeks)
    dates = pd.to_datetime(daily["date"])
    last_day = first_day + pd.Timedelta(days=7 * weeks - 1)
    keep = (daily["brand"] == brand) & (dates >= first_day) & (dates.dt.normalize() <= last_day)
    rows = daily[keep]
    week = (dates[keep] - first_day).dt.days // 7 + 1
    totals = rows.groupby(week)[["reach", "impressions", "engagements", "clicks"]].sum()
    totals = totals.reindex(range(1, weeks + 1), fill_value=0)
    if kpi == "er_reach":
        return totals["engagements"] / totals["reach"]
    if kpi == "ctr":
        return totals["clicks"] / totals["impressions"]
    return totals[kpi]
    ### END SOLUTION


weekly = weekly_kpi(world.history_daily, world.you, TRACKED_KPI, world.start_date)
print(f"{TRACKED_KPI}: average week {weekly.mean():.4g}, worst {weekly.min():.4g}, best {weekly.max():.4g}")
weekly
'''

T2 = '''
"""Checks that weekly_kpi gives 12 weekly values (weeks 1 to 12) of your KPI, none negative."""
from sandbox.grading.feedback import check_between, check_equal, check_number, check_true, check_type

_weekly = weekly_kpi(world.history_daily, world.you, TRACKED_KPI, world.start_date)
_what = f"weekly_kpi(world.history_daily, world.you, {TRACKED_KPI!r}, world.start_date)"
check_type(_weekly, pd.Series, what=_what, hint="Return a pandas Series: one value per week.")
check_equal(len(_weekly), 12, what=f"the number of weeks in {_what}",
            hint="With weeks=12 there are 12 values, one per complete week before start_date.")
check_equal(list(_weekly.index), list(range(1, 13)), what=f"the index of {_what}",
            hint="Number the weeks 1, 2, ..., 12: (date - first_day).dt.days // 7 + 1.")
for _week, _value in _weekly.items():
    if not pd.isna(_value):
        check_number(_value, what=f"week {_week} of {_what}", hint="Each value is one number.")
        check_between(_value, 0, 1 if TRACKED_KPI in ("er_reach", "ctr") else float("inf"),
                      what=f"week {_week} of {_what}",
                      hint="Totals are never negative; a rate is a fraction (0.03, not 3 %).")
check_true(_weekly.notna().sum() >= 6, what=_what, problem="has no value in most weeks.",
           hint="Keep the rows of the brand and of the 12 weeks before start_date, then add them up "
                "per week.")
### BEGIN HIDDEN TESTS
import numpy as np

from sandbox.exercises import reference_world
from sandbox.grading.feedback import check_close


def _same_weeks(actual, expected, what, hint):
    check_type(actual, pd.Series, what=what, hint="Return a pandas Series: one value per week.")
    check_equal(list(actual.index), list(expected.index), what=f"the weeks (index) of {what}", hint=hint)
    for week, want in expected.items():
        got = actual.loc[week]
        if pd.isna(want):
            check_true(pd.isna(got), what=f"week {week} of {what}",
                       problem=f"should be NaN (that week's denominator is 0), but it is {got!r}.",
                       hint="Divide the week's totals: 0 / 0 gives NaN, right for a week with no reach.")
        else:
            check_close(got, float(want), what=f"week {week} of {what}", hint=hint, rel=1e-9)


_w = reference_world(STUDENT_ID)
_daily = _w.history_daily
for _brand in (_w.you, _w.brands["name"].iloc[1]):
    _bid = _w.brand_id(_brand)
    for _weeks, _start in ((12, _w.start_date), (4, _w.start_date - pd.Timedelta(days=14))):
        _first = _start - pd.Timedelta(days=7 * _weeks)
        _ref = strategy.weekly_kpis(
            _daily[_daily["brand_id"] == _bid], _w.posts[_w.posts["brand_id"] == _bid],
            _w.comments[_w.comments["brand_id"] == _bid], _first, _weeks,
        ).set_index("week")
        for _kpi in ("reach", "impressions", "engagements", "clicks", "er_reach", "ctr"):
            _same_weeks(
                weekly_kpi(_daily, _brand, _kpi, _start, _weeks), _ref[_kpi],
                what=f"weekly_kpi(world.history_daily, {_brand!r}, {_kpi!r}, {_start:%Y-%m-%d}, "
                     f"weeks={_weeks})",
                hint="Keep only the brand's rows and the days of the weeks; add up all platforms per week; "
                     "a rate divides the week's totals.",
            )

_tiny = pd.DataFrame({
    "date": pd.to_datetime(
        ["2025-12-31", "2026-01-01", "2026-01-03", "2026-01-03", "2026-01-10", "2026-01-15"]
    ),
    "brand": ["A", "A", "A", "B", "A", "A"],
    "platform": ["pixa", "pixa", "loop", "pixa", "pixa", "pixa"],
    "reach": [999, 100, 50, 777, 0, 555],
    "impressions": [999, 120, 80, 777, 0, 555],
    "engagements": [99, 5, 10, 77, 0, 55],
    "clicks": [9, 2, 1, 7, 0, 5],
})
_what = 'weekly_kpi on a small table, 2 weeks before "2026-01-15"'
_same_weeks(weekly_kpi(_tiny, "A", "reach", "2026-01-15", weeks=2), pd.Series([150.0, 0.0], index=[1, 2]),
            what=_what + ' ("reach")',
            hint="Leave out the day before week 1, the start date itself and the other brand's rows.")
_same_weeks(weekly_kpi(_tiny, "A", "er_reach", "2026-01-15", weeks=2), pd.Series([0.1, np.nan], index=[1, 2]),
            what=_what + ' ("er_reach")',
            hint="Engagement rate by reach of a week = the week's engagements / the week's reach (15 / 150).")
_same_weeks(weekly_kpi(_tiny, "A", "ctr", "2026-01-15", weeks=2), pd.Series([0.015, np.nan], index=[1, 2]),
            what=_what + ' ("ctr")',
            hint="Click-through rate of a week = the week's clicks / its impressions.")
### END HIDDEN TESTS
'''

P3 = """
## Part 3 · A SMART target (4 points)

"Grow our social media" is a wish. A SMART target is **S**pecific (one KPI), **M**easurable (a
formula everyone computes the same way), **A**chievable, **R**elevant (it serves the goal:
Part 1) and **T**ime-bound (a deadline). "Achievable" is where your history helps: a target your
brand has already reached in at least one past week can become the norm with steady work;
one that even your best week never reached needs a new tactic, not just effort.

Write `smart_target(weekly, kpi, start_date)`. From the weekly values of Part 2 it returns a
dict with exactly these keys:

- `"kpi"`: the KPI's name (`kpi`);
- `"baseline"`: the average of the weekly values (weeks without a value, NaN, are skipped;
  `weekly.mean()` does that);
- `"target"`: the weekly value to reach, a number that is
  - at least 10 % and at most 50 % above the baseline (ambitious, but not a fantasy), and
  - no higher than the best past week (you have done it at least once);

  if no number meets both rules (even the best week was less than 10 % above the baseline),
  `"target"` is `None`: the history does not support a target on this KPI;
- `"deadline"`: the last day of one of the weeks 4 to 8 of your plan, as text like
  `"2026-04-26"`: `start_date` + 7 × k − 1 days, with k from 4 to 8 (the sandbox simulates 8
  weeks; less than 4 weeks is too short to tell a trend from luck).
"""

S3 = '''
def smart_target(weekly, kpi, start_date):
    """Return a SMART target for `kpi` from its weekly history, following the rules above.

    Args:
        weekly: The KPI's weekly values (a pandas Series, as from weekly_kpi).
        kpi: The KPI's name.
        start_date: The first day of your plan (a Timestamp or text like "2026-03-02").

    Returns:
        A dict with the keys "kpi", "baseline", "target" and "deadline".
    """
    ### BEGIN SOLUTION
    baseline = float(weekly.mean())
    best = float(weekly.max())
    target = min(1.25 * baseline, best)
    if target < 1.10 * baseline:
        target = None
    deadline = pd.Timestamp(start_date).normalize() + pd.Timedelta(days=7 * 8 - 1)
    return {"kpi": kpi, "baseline": baseline, "target": target, "deadline": f"{deadline:%Y-%m-%d}"}
    ### END SOLUTION


my_target = smart_target(weekly, TRACKED_KPI, world.start_date)
print(my_target)
if my_target["target"] is not None:
    weeks = (pd.Timestamp(my_target["deadline"]) - world.start_date).days // 7 + 1
    print("Weekly milestones from the baseline to the target:")
    print(strategy.weekly_path(my_target["baseline"], my_target["target"], weeks).round(4).to_string())
'''

T3 = '''
"""Checks that smart_target gives a dict whose baseline, target and deadline follow the rules."""
from sandbox.grading.feedback import check_close, check_equal, check_in, check_number, check_true, check_type


def _check_smart(goal, weekly, kpi, start_date, what):
    check_type(goal, dict, what=what,
               hint='Return a dict: {"kpi": ..., "baseline": ..., "target": ..., "deadline": ...}.')
    check_equal(sorted(goal), ["baseline", "deadline", "kpi", "target"], what=f"the keys of {what}",
                hint='Use exactly the keys "kpi", "baseline", "target" and "deadline".')
    check_equal(goal["kpi"], kpi, what=f'{what}["kpi"]',
                hint="Name the KPI you were given (the `kpi` argument).")
    base = float(weekly.mean())
    check_close(goal["baseline"], base, what=f'{what}["baseline"]', rel=1e-6,
                hint="The baseline is the average week: the mean of the weekly values (NaN weeks skipped).")
    best = float(weekly.max())
    if best < 1.10 * base:
        check_true(goal["target"] is None, what=f'{what}["target"]',
                   problem=f"should be None: the best week ({best:.4g}) is less than 10 % above the "
                           "baseline.",
                   hint="When no past week got 10 % above the baseline, no target meets the rules: "
                        "return None.")
    else:
        target = goal["target"]
        check_number(target, what=f'{what}["target"]',
                     hint=f"The best week ({best:.4g}) is at least 10 % above the baseline ({base:.4g}), "
                          "so a target exists: give it as one number.")
        check_true(1.10 * base - 1e-12 <= target <= 1.50 * base + 1e-12,
                   what=f'{what}["target"] = {target:.4g}',
                   problem=f"is not between +10 % and +50 % over the baseline {base:.4g}.",
                   hint="Multiply the baseline by a number from 1.10 to 1.50.")
        check_true(target <= best + 1e-12, what=f'{what}["target"] = {target:.4g}',
                   problem=f"is above the best past week ({best:.4g}): never reached, so not shown to "
                           "be achievable.",
                   hint="Keep the target at or below weekly.max().")
    check_type(goal["deadline"], str, what=f'{what}["deadline"]',
               hint='Write the date as text, like "2026-04-26".')
    start = pd.Timestamp(start_date).normalize()
    allowed = [f"{start + pd.Timedelta(days=7 * k - 1):%Y-%m-%d}" for k in range(4, 9)]
    check_in(goal["deadline"], allowed, what=f'{what}["deadline"]',
             hint="The deadline is the last day of plan week 4 to 8: start_date + 7 * k - 1 days, "
                  "as YYYY-MM-DD.")


# Your KPI's weekly history as the package computes it, so this part does not depend on Part 2.
_weekly = strategy.history_weeks(world).set_index("week")[TRACKED_KPI]
_check_smart(smart_target(_weekly, TRACKED_KPI, world.start_date), _weekly, TRACKED_KPI, world.start_date,
             what="smart_target(weekly, TRACKED_KPI, world.start_date)")
### BEGIN HIDDEN TESTS
import numpy as np

from sandbox.exercises import reference_world

_w = reference_world(STUDENT_ID)
_hist = strategy.history_weeks(_w)
for _kpi in (TRACKED_KPI, "reach", "clicks", "er_reach"):
    _weekly = _hist.set_index("week")[_kpi]
    _check_smart(smart_target(_weekly, _kpi, _w.start_date), _weekly, _kpi, _w.start_date,
                 what=f"smart_target(the weekly {_kpi!r} of your history, {_kpi!r}, world.start_date)")
_flat = pd.Series([100.0, 104.0, 98.0, 101.0, 97.0], index=range(1, 6))
_check_smart(smart_target(_flat, "reach", "2026-05-04"), _flat, "reach", "2026-05-04",
             what='smart_target(<5 weeks, the best only 4 % above the average>, "reach", "2026-05-04")')
_spike = pd.Series([10.0, 12.0, np.nan, 9.0, 40.0, 11.0], index=range(1, 7))
_check_smart(smart_target(_spike, "clicks", pd.Timestamp("2026-03-02")), _spike, "clicks", "2026-03-02",
             what='smart_target(<6 weeks, one missing (NaN) and one viral>, "clicks", "2026-03-02")')
### END HIDDEN TESTS
'''

P4_INTRO = """
## Part 4 · Where to be: rank the platforms for your goal (3 points)

A brand does not have to be everywhere. A platform is worth your effort when your **target
audience is there** and its **mechanics serve your goal** (a recommendation feed for reach, a
channel that delivers links to subscribers for clicks, comment-driven feeds for conversation).
The cell below gives you both ingredients:

- `target`: your target audience (`strategy.target_audience(world)`: people with your niche's
  interests, of its customers' ages, in your city for a local business; no bots), rows of
  `world.people` with the `on_<platform>` columns;
- `FIT`: how well each platform's mechanics serve your goal, from `strategy.mechanics_table()`,
  scaled so that the best platform for the goal has 1.0.
"""

P4_DATA = """
target = strategy.target_audience(world)
_mechanics = strategy.mechanics_table()[GOAL]
FIT = (_mechanics / _mechanics.max()).round(3).to_dict()
print(f"{len(target):,} people in your target audience. Fit of each platform for {GOAL!r}:")
pd.Series(FIT, name="fit")
"""

P4 = """
Write `rank_platforms(people, fit)`: it returns a pandas Series with one score per platform of
`fit` (the platform slugs are the index), **best first**:

- score = **audience share × fit**, where the audience share is the share of `people` who use
  the platform (the mean of the `on_<platform>` column: 0.62 means 62 % of them);
- sort by score, highest first; on a tie, the platform whose slug comes first alphabetically
  goes first;
- if `people` has no rows, every share is 0 (not NaN), so every score is 0.
"""

S4 = '''
def rank_platforms(people, fit):
    """Return each platform's score (audience share x fit), best first.

    Args:
        people: Rows of world.people (with the on_<platform> columns).
        fit: A dict platform slug -> fit for the goal (1.0 = the best platform).

    Returns:
        A pandas Series indexed by platform slug, sorted from the highest score.
    """
    ### BEGIN SOLUTION
    scores = {}
    for platform, weight in fit.items():
        share = float(people[f"on_{platform}"].mean()) if len(people) else 0.0
        scores[platform] = share * weight
    ranking = pd.Series(scores, name="score").sort_index()
    return ranking.sort_values(ascending=False, kind="stable")
    ### END SOLUTION


ranking = rank_platforms(target, FIT)
print(f"Best platforms for {GOAL!r}: {', '.join(ranking.index[:3])}")
ranking.round(3)
'''

T4 = '''
"""Checks that rank_platforms scores every platform of FIT between 0 and 1, best first."""
from sandbox.grading.feedback import check_between, check_equal, check_true, check_type

_ranking = rank_platforms(target, FIT)
check_type(_ranking, pd.Series, what="rank_platforms(target, FIT)",
           hint="Return a pandas Series: index = platform slugs, values = scores.")
check_equal(sorted(_ranking.index), sorted(FIT), what="the platforms (index) of rank_platforms(target, FIT)",
            hint="Score every platform of `fit`, once each.")
for _p, _s in _ranking.items():
    check_between(_s, 0, 1, what=f"the score of {_p!r}",
                  hint="A share (0 to 1) times a fit (0 to 1) lies between 0 and 1.")
check_true(_ranking.is_monotonic_decreasing, what="rank_platforms(target, FIT)",
           problem="is not sorted from the highest score to the lowest.",
           hint="Sort with .sort_values(ascending=False).")
### BEGIN HIDDEN TESTS
from sandbox.exercises import reference_world
from sandbox.grading.feedback import check_close


def _expected(people, fit):
    rows = [(-(float(people[f"on_{p}"].mean()) if len(people) else 0.0) * w, p) for p, w in fit.items()]
    return [(p, -s) for s, p in sorted(rows)]


def _same_ranking(people, fit, what):
    got = rank_platforms(people, fit)
    check_type(got, pd.Series, what=what, hint="Return a pandas Series indexed by platform.")
    want = _expected(people, fit)
    check_equal(sorted(got.index), sorted(fit), what=f"the platforms of {what}",
                hint="Score every platform of `fit`.")
    for p, s in want:
        check_close(got.loc[p], s, what=f"the score of {p!r} in {what}", rel=1e-9, abs_tol=1e-12,
                    hint="score = share of people with on_<platform> True x fit[platform]; 0 when there "
                         "are no people.")
    check_equal(list(got.index), [p for p, _ in want], what=f"the order of {what}",
                hint="Highest score first; on a tie, alphabetical order of the slugs.")


_w = reference_world(STUDENT_ID)
_target = strategy.target_audience(_w)
_table = strategy.mechanics_table()
for _g in strategy.GOALS:
    _fit = (_table[_g] / _table[_g].max()).to_dict()
    _same_ranking(_target, _fit, f"rank_platforms(your target audience, the fit for {_g!r})")
_same_ranking(_w.people, {"pixa": 0.5, "loop": 1.0}, "rank_platforms(world.people, a fit for 2 platforms)")
_same_ranking(_target.iloc[0:0], FIT, "rank_platforms on an empty people table")
_tie = pd.DataFrame({"on_pixa": [True, False], "on_loop": [True, True], "on_chirp": [False, True]})
_same_ranking(_tie, {"pixa": 1.0, "loop": 0.5, "chirp": 1.0}, "rank_platforms when loop, chirp and pixa tie")
### END HIDDEN TESTS
'''


def build() -> Path:
    cells = [
        markdown("intro", INTRO),
        student_id_cell(),
        readonly("setup", SETUP),
        markdown("part1", P1),
        solution("choose_kpis", S1),
        tests("q1_kpi_set", 3, T1),
        markdown("part2", P2),
        solution("weekly_kpi", S2),
        tests("q2_weekly_baseline", 3, T2),
        markdown("part3", P3),
        solution("smart_target", S3),
        tests("q3_smart_target", 4, T3),
        markdown("part4-intro", P4_INTRO),
        readonly("target-and-fit", P4_DATA),
        markdown("part4", P4),
        solution("rank_platforms", S4),
        tests("q4_platform_ranking", 3, T4),
        *self_check_cells("03-strategy"),
    ]
    return write_notebook(OUT, cells)


if __name__ == "__main__":
    print(f"wrote {build()}")
