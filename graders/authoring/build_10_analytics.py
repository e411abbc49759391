"""Write graders/source/10-analytics/10-analytics-exercise.ipynb (the instructor version).

Run from the repository root after changing this file, then rebuild the student copies:

    .venv/bin/python graders/authoring/build_10_analytics.py
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

OUT = Path(__file__).resolve().parents[1] / "source" / "10-analytics" / "10-analytics-exercise.ipynb"

INTRO = """
# Analytics exercise: weekly KPIs, the channel that paid off, next month's budget, a dashboard

A month of marketing is over: organic posts and a contest, two ad sets, an influencer's paid
post, an affiliate deal and a post swap. The owner wants three things on one page: how the
weeks went, which channel paid off, and what you will do with next month's budget. You work on
**your own world**: it is built from your student id, so your brand, its month and its numbers
are yours and differ from your classmates'. The lesson for this module is
`10-analytics-lesson.ipynb` in this folder; everything used here is shown there.

**How this notebook works**

1. Write the id your instructor gave you in the next cell and run it. Working on your own?
   Any id you like works; leave it empty to use the practice world.
2. Run the cell after it: it builds your world and plays the month (several seconds).
3. Each part says what to write and how many points it is worth. Replace
   `raise NotImplementedError()` with your code; keep the function's name and arguments.
4. Run the test cell under each part. A quiet test cell means your answer passed the visible
   checks; an error tells you what was expected and gives a hint. When your instructor grades
   the notebook, hidden tests also check your answers against your world and a few edge cases
   (other tables, empty weeks, ties), so write code that works for any input, not just yours.
5. Save the notebook (Ctrl+S) and run the last cell to check your work.
"""

SETUP = """
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

import sandbox
from sandbox import reporting
from sandbox.exercises import student_world
from sandbox.scenarios import run_month

plt.rcParams["figure.dpi"] = 72  # compact charts: a graded notebook keeps limited output per cell
world = student_world(STUDENT_ID)
month = run_month(world)                      # four weeks of organic posts, ads, influencers and a post swap
MARGIN = sandbox.NICHES[world.niche].margin   # share of revenue that is gross profit

# One row per day, every channel added up (see reporting.DAILY_RESULT_COLUMNS for each column).
daily = reporting.daily_results(world, month.plan, month.ads, month.deals, month.costs)
# One row per registration or purchase, with the channel that brought it (last click).
conversions = month.attribution.conversions[["date", "channel", "source", "event", "revenue"]]
# What each channel cost this month, USD (ad spend, deal prices, content and prizes).
costs = month.attribution.channels.set_index("channel")["cost"]

print(f"Your brand: {world.you} ({world.niche.replace('_', ' ')}), margin {MARGIN:.0%}; "
      f"{len(daily)} days from {daily['date'].min():%d %b %Y}, {len(conversions)} conversion events.")
print(costs)
daily.head()
"""

P1 = """
## Part 1 · Weekly KPIs from daily results (3 points)

A weekly report adds the days up. Weeks run 7 days from the **first date in the table**
(week 1 = days 0–6, week 2 = days 7–13, ...). For each week:

- the totals of `reach`, `post_reach`, `post_engagements`, `clicks`, `registrations` and `spend`;
- `er_reach`: engagement rate **by reach** of your posts = the week's `post_engagements` ÷ the
  week's `post_reach` (NaN when the week's post reach is 0);
- `cost_per_registration` = the week's `spend` ÷ the week's `registrations` (NaN when 0).

Compute rates **from the week's totals**. The daily table also has daily rates; averaging them
gives a different, wrong answer.

Write `weekly_kpis(daily)`: a DataFrame with one row per week, the index being the week number
(1, 2, ...), and exactly the columns `reach`, `post_reach`, `post_engagements`, `clicks`,
`registrations`, `spend`, `er_reach`, `cost_per_registration`, in this order.

Hint: `(daily["date"] - daily["date"].min()).dt.days // 7 + 1` gives each day its week number.
"""

S1 = '''
def weekly_kpis(daily):
    """Return one row per week (index 1, 2, ...) with the week's totals and rates from the totals.

    Args:
        daily: A table like `daily` (date, reach, post_reach, post_engagements, clicks,
            registrations, spend).
    """
    ### BEGIN SOLUTION
    week = (pd.to_datetime(daily["date"]) - pd.to_datetime(daily["date"]).min()).dt.days // 7 + 1
    sums = ["reach", "post_reach", "post_engagements", "clicks", "registrations", "spend"]
    out = daily[sums].groupby(week.rename("week")).sum()
    out["er_reach"] = out["post_engagements"] / out["post_reach"].where(out["post_reach"] > 0)
    out["cost_per_registration"] = out["spend"] / out["registrations"].where(out["registrations"] > 0)
    return out
    ### END SOLUTION


weekly = weekly_kpis(daily)
weekly.round(4)
'''

T1 = '''
"""Checks that weekly_kpis has one row per week, the eight columns, and totals that add up to the month."""
from sandbox.grading.feedback import check_between, check_close, check_equal, check_type

_w = weekly_kpis(daily)
check_type(_w, pd.DataFrame, what="weekly_kpis(daily)",
           hint="Return a DataFrame (groupby(...).sum() is one).")
check_equal(list(_w.columns),
            ["reach", "post_reach", "post_engagements", "clicks", "registrations", "spend", "er_reach",
             "cost_per_registration"],
            what="the columns of weekly_kpis(daily)",
            hint="Keep the six totals, then add the two rates, in order.")
check_equal([int(i) for i in _w.index], [1, 2, 3, 4], what="the index (week numbers) of weekly_kpis(daily)",
            hint="Number the weeks from the first date: days 0-6 are week 1 (days // 7 + 1).")
check_close(float(_w["spend"].sum()), float(daily["spend"].sum()), rel=1e-6,
            what="the total spend of your weeks",
            hint="Add the days up per week: every day belongs to one week.")
check_between(float(_w["er_reach"].max()), 0, 1, what="the largest weekly er_reach",
              hint="A rate is a fraction (0.03 = 3 %): post_engagements / post_reach.")
### BEGIN HIDDEN TESTS
from sandbox.exercises import reference_world
from sandbox.grading.feedback import check_true as _check_true

_rw = reference_world(STUDENT_ID)
_rm = run_month(_rw)
_rd = reporting.daily_results(_rw, _rm.plan, _rm.ads, _rm.deals, _rm.costs)


def _exp_weekly(d):
    wk = (pd.to_datetime(d["date"]) - pd.to_datetime(d["date"]).min()).dt.days // 7 + 1
    s = d[["reach", "post_reach", "post_engagements", "clicks", "registrations", "spend"]].groupby(wk).sum()
    s["er_reach"] = s["post_engagements"] / s["post_reach"].where(s["post_reach"] > 0)
    s["cost_per_registration"] = s["spend"] / s["registrations"].where(s["registrations"] > 0)
    return s


def _same(got, exp, label):
    check_equal([int(i) for i in got.index], [int(i) for i in exp.index], what=f"the weeks of {label}",
                hint="Weeks run 7 days from the first date in the table you are given.")
    for c in exp.columns:
        g, e = got[c].to_numpy(dtype=float), exp[c].to_numpy(dtype=float)
        _check_true(np.allclose(g, e, rtol=1e-6, equal_nan=True), what=f"column {c} of {label}",
                    problem=f"expected {np.round(e, 4).tolist()}, got {np.round(g, 4).tolist()}.",
                    hint="Add the days up per week first, then divide the totals; 0 to divide by gives NaN.")


_same(weekly_kpis(_rd), _exp_weekly(_rd), "weekly_kpis(daily) in your world")
_toy = pd.DataFrame({
    "date": pd.date_range("2026-05-06", periods=10),          # a Wednesday: weeks start on Wednesdays
    "reach": [100] * 10, "post_reach": [1000, 10, 0, 0, 0, 0, 0, 0, 0, 0],
    "post_engagements": [10, 5, 0, 0, 0, 0, 0, 0, 0, 0], "clicks": [1] * 10,
    "registrations": [0, 2, 0, 0, 0, 0, 0, 0, 0, 0], "spend": [10.0] * 10,
    "er_reach": [0.01, 0.5] + [np.nan] * 8, "cost_per_registration": [np.nan, 5.0] + [np.nan] * 8,
})
_same(weekly_kpis(_toy), _exp_weekly(_toy),
      "weekly_kpis on 10 days from a Wednesday (week 2 has no posts and no registrations)")
check_close(float(weekly_kpis(_toy).loc[1, "er_reach"]), 15 / 1010, rel=1e-6,
            what="week 1 er_reach on days with rates 1% (1000 reached) and 50% (10 reached)",
            hint="15 engagements / 1010 people reached, not the average of 1% and 50%.")
### END HIDDEN TESTS
'''

P2 = """
## Part 2 · End-to-end analytics: the channel table (4 points)

Every registration and purchase in `conversions` names the channel that brought it (`event`
is `"registration"` or `"purchase"`; a purchase's `revenue` is the order's value). `costs` says
what each channel cost this month.

Write `channel_table(conversions, costs, margin)`: one row per channel of `costs` (the index:
the channel names, in the order of `costs`), with exactly these columns, in this order:

- `cost` (from `costs`), `registrations`, `purchases`, `revenue` (a channel without
  conversions has 0 of each);
- `cpa` = cost ÷ purchases (NaN when there are no purchases);
- `roas` = revenue ÷ cost (NaN when the cost is 0);
- `romi` = (revenue × margin − cost) ÷ cost (NaN when the cost is 0).

Hint: count events per channel with `pd.crosstab` or `groupby([...]).size().unstack()`, then
`.reindex(costs.index, fill_value=0)` to get one row per channel of `costs`.
"""

S2 = '''
def channel_table(conversions, costs, margin):
    """Return one row per channel: cost, registrations, purchases, revenue, CPA, ROAS and ROMI.

    Args:
        conversions: A table like `conversions` (channel, event, revenue).
        costs: A Series like `costs` (index: channel, value: USD).
        margin: Share of revenue that is gross profit, like MARGIN.
    """
    ### BEGIN SOLUTION
    c = conversions
    out = pd.DataFrame(index=costs.index)
    out["cost"] = costs.astype(float)
    out["registrations"] = (c[c["event"] == "registration"].groupby("channel").size()
                            .reindex(costs.index, fill_value=0))
    out["purchases"] = (c[c["event"] == "purchase"].groupby("channel").size()
                        .reindex(costs.index, fill_value=0))
    out["revenue"] = c.groupby("channel")["revenue"].sum().reindex(costs.index, fill_value=0.0)
    paid = out["cost"].where(out["cost"] > 0)
    out["cpa"] = out["cost"] / out["purchases"].where(out["purchases"] > 0)
    out["roas"] = out["revenue"] / paid
    out["romi"] = (out["revenue"] * margin - out["cost"]) / paid
    return out
    ### END SOLUTION


channels = channel_table(conversions, costs, MARGIN)
channels.round(2)
'''

T2 = '''
"""Checks that channel_table has one row per channel of `costs`, the seven columns, and counts that add up."""
from sandbox.grading.feedback import check_equal, check_true, check_type

_t = channel_table(conversions, costs, MARGIN)
check_type(_t, pd.DataFrame, what="channel_table(conversions, costs, MARGIN)", hint="Return a DataFrame.")
check_equal(list(_t.index), list(costs.index), what="the rows (index) of your channel table",
            hint="One row per channel of `costs`, in its order: .reindex(costs.index, fill_value=0).")
check_equal(list(_t.columns), ["cost", "registrations", "purchases", "revenue", "cpa", "roas", "romi"],
            what="the columns of your channel table", hint="Exactly these seven columns, in this order.")
check_equal(int(_t["registrations"].sum()) + int(_t["purchases"].sum()), len(conversions),
            what="registrations + purchases over all channels",
            hint="Every row of `conversions` is one registration or one purchase of one channel.")
_paid = _t[_t["cost"] > 0]
check_true(bool((_paid["romi"] >= -1 - 1e-9).all()), what="romi", problem="is below -1 for a channel.",
           hint="ROMI = (revenue * margin - cost) / cost: at worst -1 (no revenue at all).")
check_true(not np.isinf(_t[["cpa", "roas", "romi"]].to_numpy(dtype=float)).any(), what="cpa, roas and romi",
           problem="contain an infinity (a division by 0).",
           hint="Divide only where the denominator is above 0.")
### BEGIN HIDDEN TESTS
from sandbox.exercises import reference_world

_rw = reference_world(STUDENT_ID)
_rm = run_month(_rw)
_exp = _rm.attribution.channels.set_index("channel")
_conv = _rm.attribution.conversions[["date", "channel", "source", "event", "revenue"]]
_got = channel_table(_conv, _exp["cost"], sandbox.NICHES[_rw.niche].margin)
for _c in ["cost", "registrations", "purchases", "revenue", "cpa", "roas", "romi"]:
    _g, _e = _got[_c].to_numpy(dtype=float), _exp[_c].to_numpy(dtype=float)
    check_true(np.allclose(_g, _e, rtol=1e-6, equal_nan=True),
               what=f"column {_c} of the channel table in your world",
               problem=f"expected {np.round(_e, 3).tolist()}, got {np.round(_g, 3).tolist()}.",
               hint="Count each channel's events, add its revenue, then divide; 0 to divide by gives NaN.")
_toy_conv = pd.DataFrame({
    "date": pd.to_datetime(["2026-03-02"] * 5), "channel": ["ads", "ads", "ads", "organic", "influencer"],
    "source": ["a", "a", "a", "p", "d"], "event": ["registration", "purchase", "purchase", "registration",
                                                  "registration"],
    "revenue": [0.0, 50.0, 50.0, 0.0, 0.0],
})
_toy_costs = pd.Series({"organic": 100.0, "ads": 80.0, "influencer": 0.0, "contest": 30.0})
_toy = channel_table(_toy_conv, _toy_costs, 0.5)
check_equal(list(_toy.index), ["organic", "ads", "influencer", "contest"],
            what="the rows of a toy channel table whose `costs` lists contest without conversions",
            hint="Start from costs.index, so a channel without conversions still gets a row (with zeros).")
check_equal([int(v) for v in _toy["purchases"]], [0, 2, 0, 0], what="purchases per channel of the toy table",
            hint='Count the rows whose event is "purchase", per channel; channels without any get 0.')
_e = {"cpa": [np.nan, 40.0, np.nan, np.nan], "roas": [0.0, 1.25, np.nan, 0.0],
      "romi": [-1.0, -0.375, np.nan, -1.0]}
for _c, _v in _e.items():
    check_true(np.allclose(_toy[_c].to_numpy(dtype=float), _v, equal_nan=True), what=f"{_c} of the toy table",
               problem=f"expected {_v}, got {_toy[_c].round(4).tolist()}.",
               hint="ads: cost 80, 2 purchases, revenue 100, margin 0.5 -> CPA 40, ROAS 1.25, "
                    "ROMI (50-80)/80; "
                    "a channel that cost 0 has no ROAS or ROMI (NaN).")
### END HIDDEN TESTS
'''

P3 = """
## Part 3 · Which channel paid off? (2 points)

Write `best_channel(table)`: the name of the channel with the **highest ROMI** among the channels
that cost something (`cost > 0`); on a tie, the one that comes first in the table. It takes a
table like Part 2's.
"""

S3 = '''
def best_channel(table):
    """Return the channel with the highest ROMI among channels with cost > 0 (ties: first in the table).

    Args:
        table: A table like channel_table(...) (index: channel; columns cost and romi).
    """
    ### BEGIN SOLUTION
    paid = table[table["cost"] > 0]
    return str(paid["romi"].idxmax())
    ### END SOLUTION


print("Best ROMI:", best_channel(channels))
'''

T3 = '''
"""Checks that best_channel names one of the channels that cost something."""
from sandbox.grading.feedback import check_in, check_type

_b = best_channel(channel_table(conversions, costs, MARGIN))
check_type(_b, str, what="best_channel(channels)", hint='Return the channel name as text, e.g. "ads".')
check_in(_b, [c for c in costs.index if costs[c] > 0], what="best_channel(channels)",
         hint="Choose among the channels whose cost is above 0 (ROMI is NaN without cost).")
### BEGIN HIDDEN TESTS
from sandbox.exercises import reference_world
from sandbox.grading.feedback import check_equal

_ch = run_month(reference_world(STUDENT_ID)).attribution.channels.set_index("channel")
_paid = _ch[_ch["cost"] > 0]
check_equal(best_channel(_ch), str(_paid["romi"].idxmax()), what="best_channel in your world",
            hint="The highest romi among the rows with cost > 0.")
_toy = pd.DataFrame({"cost": [0.0, 50.0, 80.0, 10.0], "romi": [np.nan, 0.2, 0.2, -0.5]},
                    index=["cross_promo", "ads", "influencer", "contest"])
check_equal(best_channel(_toy), "ads", what="best_channel when ads and influencer tie at ROMI 0.2",
            hint="On a tie, the channel that comes first in the table wins (idxmax does this).")
_toy2 = pd.DataFrame({"cost": [0.0, 50.0], "romi": [5.0, -0.9]}, index=["cross_promo", "ads"])
check_equal(best_channel(_toy2), "ads",
            what="best_channel when only a channel without cost has a higher ROMI",
            hint="Leave out channels whose cost is 0 before looking for the highest ROMI.")
### END HIDDEN TESTS
'''

P4 = """
## Part 4 · Next month's budget, by a stated rule (3 points)

The owner keeps next month's total budget equal to this month's spend and asks you to move
money by this rule, decided in advance:

1. only channels that cost something this month (`cost > 0`) get a budget;
2. the channel with the best ROMI (Part 3) keeps its cost **and** receives all the money cut
   from the others;
3. every other channel whose ROMI is **below −0.5** gets half of this month's cost;
4. every other channel keeps this month's cost.

Write `next_budget(table)`: a Series indexed by channel (the paid channels, in the table's
order) with next month's budget in USD, rounded to cents (`.round(2)`). Its total equals this
month's total cost.
"""

S4 = '''
def next_budget(table):
    """Return next month's budget per paid channel by the rule above (a Series, USD).

    Args:
        table: A table like channel_table(...) (index: channel; columns cost and romi).
    """
    ### BEGIN SOLUTION
    paid = table[table["cost"] > 0]
    best = best_channel(table)
    budget = paid["cost"].astype(float).copy()
    cut = (paid["romi"] < -0.5) & (paid.index != best)
    budget[cut] = paid.loc[cut, "cost"] / 2
    budget[best] += paid.loc[cut, "cost"].sum() / 2
    return budget.round(2)
    ### END SOLUTION


plan_b = next_budget(channels)
pd.DataFrame({"this month": channels.loc[plan_b.index, "cost"], "next month": plan_b})
'''

T4 = '''
"""Checks that next_budget gives the paid channels a budget that adds up to this month's total."""
from sandbox.grading.feedback import check_close, check_equal, check_true, check_type

_t = channel_table(conversions, costs, MARGIN)
_n = next_budget(_t)
check_type(_n, pd.Series, what="next_budget(channels)", hint="Return a Series: index channel, value USD.")
check_equal(list(_n.index), [c for c in _t.index if _t.loc[c, "cost"] > 0],
            what="the channels of next_budget",
            hint="Keep only channels with cost > 0, in the table's order.")
check_close(float(_n.sum()), float(_t["cost"].sum()), rel=0, abs_tol=0.05,
            what="the total of next month's budget",
            hint="Money cut from one channel goes to the best channel: the total does not change.")
check_true(bool((_n >= 0).all()), what="next_budget", problem="has a negative budget.",
           hint="A cut channel keeps half of its cost.")
### BEGIN HIDDEN TESTS
from sandbox.exercises import reference_world

_ch = run_month(reference_world(STUDENT_ID)).attribution.channels.set_index("channel")


def _exp(t):
    paid = t[t["cost"] > 0]
    best = str(paid["romi"].idxmax())
    b = paid["cost"].astype(float).copy()
    cut = (paid["romi"] < -0.5) & (paid.index != best)
    b[cut] = paid.loc[cut, "cost"] / 2
    b[best] += paid.loc[cut, "cost"].sum() / 2
    return b.round(2)


def _same(got, exp, label):
    check_equal(list(got.index), list(exp.index), what=f"the channels of {label}",
                hint="The paid channels (cost > 0), in the table's order.")
    check_true(np.allclose(got.to_numpy(dtype=float), exp.to_numpy(dtype=float), atol=0.011),
               what=label, problem=f"expected {exp.tolist()}, got {got.round(2).tolist()}.",
               hint="Cut channels below -0.5 (except the best) to half; the best gets the money cut; "
                    "others keep their cost.")


_same(next_budget(_ch), _exp(_ch), "next_budget in your world")
_toy = pd.DataFrame({"cost": [100.0, 40.0, 300.0, 60.0, 0.0], "romi": [-0.9, -0.5, -0.2, -0.99, np.nan]},
                    index=["organic", "contest", "ads", "influencer", "cross_promo"])
_same(next_budget(_toy), pd.Series({"organic": 50.0, "contest": 40.0, "ads": 380.0, "influencer": 30.0}),
      "next_budget when contest's ROMI is exactly -0.5 and cross_promo cost nothing")
_toy2 = pd.DataFrame({"cost": [100.0, 300.0, 60.0], "romi": [-0.9, -0.6, -0.99]},
                     index=["organic", "ads", "influencer"])
_same(next_budget(_toy2), pd.Series({"organic": 50.0, "ads": 380.0, "influencer": 30.0}),
      "next_budget when the best channel (ads, ROMI -0.6) is itself below -0.5")
### END HIDDEN TESTS
'''

P5 = """
## Part 5 · A KPI dashboard as one figure (3 points)

Build the weekly dashboard the owner will see: **one** matplotlib figure with (at least) four
panels (axes), one per KPI of your Part 1 table, each drawn against the week number:

| panel title contains | draws the weekly column | y axis label |
| --- | --- | --- |
| `Reach` | `reach` | with units, e.g. "people reached" |
| `Engagement rate` | `er_reach` (as a fraction or in %) | must name the denominator: contains "reach" |
| `Registrations` | `registrations` | e.g. "registrations" |
| `Spend` | `spend` | e.g. "USD" |

Every panel's x axis label is `"week"`. Draw each panel's column as its first line (`ax.plot`)
or as bars (`ax.bar`). `plt.subplots(2, 2, figsize=(9, 5))` gives a figure and four axes; keep
it about that size (a graded notebook keeps only so much output per cell).

Write `make_dashboard(weekly)`: it draws the table **it is given** and returns the figure
(`fig`); it should not call `plt.show()` itself (the cell below does).
"""

S5 = '''
def make_dashboard(weekly):
    """Return a matplotlib Figure with Reach, Engagement rate, Registrations and Spend panels per week.

    Args:
        weekly: A table like weekly_kpis(daily) (index: week).
    """
    ### BEGIN SOLUTION
    fig, axes = plt.subplots(2, 2, figsize=(9, 5))
    weeks = list(weekly.index)
    panels = [
        ("Reach", "reach", "people reached", 1),
        ("Engagement rate (by reach)", "er_reach", "engagements / reach (%)", 100),
        ("Registrations", "registrations", "registrations", 1),
        ("Spend", "spend", "USD", 1),
    ]
    for ax, (title, column, ylabel, scale) in zip(axes.flat, panels, strict=True):
        ax.plot(weeks, weekly[column] * scale, marker="o")
        ax.set_title(title)
        ax.set_xlabel("week")
        ax.set_ylabel(ylabel)
    fig.suptitle("KPI dashboard")
    fig.tight_layout()
    return fig
    ### END SOLUTION


fig = make_dashboard(weekly_kpis(daily))
plt.show()
'''

T5 = '''
"""Checks that make_dashboard returns one Figure with Reach, Engagement rate, Registrations, Spend panels."""
import matplotlib.figure

from sandbox.dashboards import plotted_values
from sandbox.grading.feedback import check_equal, check_true, check_type, fail

_w = weekly_kpis(daily)
_fig = make_dashboard(_w)
check_type(_fig, matplotlib.figure.Figure, what="make_dashboard(weekly)",
           hint="Return the figure: fig, axes = plt.subplots(2, 2); ...; return fig.")
check_true(len(_fig.axes) >= 4, what="make_dashboard(weekly)",
           problem=f"has {len(_fig.axes)} panel(s), not 4 or more.",
           hint="plt.subplots(2, 2) makes four axes; draw one KPI on each.")


def _panel(fig, word):
    for ax in fig.axes:
        if word.lower() in ax.get_title().lower():
            return ax
    fail("make_dashboard(weekly)", f"has no panel whose title contains {word!r}.",
         f'Give the panel a title with ax.set_title("{word} ...").')


for _word in ("Reach", "Engagement rate", "Registrations", "Spend"):
    _ax = _panel(_fig, _word)
    check_equal(_ax.get_xlabel(), "week", what=f"the x axis label of the {_word!r} panel",
                hint='ax.set_xlabel("week")')
    check_true(bool(_ax.get_ylabel().strip()), what=f"the {_word!r} panel", problem="has no y axis label.",
               hint="Label the y axis with what is measured and its unit, e.g. ax.set_ylabel(\\"USD\\").")
    check_equal(len(plotted_values(_ax)), len(_w),
                what=f"the number of points or bars in the {_word!r} panel",
                hint="Draw one point (or bar) per week of the table.")
check_true("reach" in _panel(_fig, "Engagement rate").get_ylabel().lower(),
           what="the y axis label of the 'Engagement rate' panel", problem="does not name the denominator.",
           hint='Say which denominator the rate uses, e.g. "engagements / reach (%)".')
plt.close(_fig)
### BEGIN HIDDEN TESTS
from sandbox.exercises import reference_world

_rw = reference_world(STUDENT_ID)
_rm = run_month(_rw)
_rd = reporting.daily_results(_rw, _rm.plan, _rm.ads, _rm.deals, _rm.costs)
_wk = (_rd["date"] - _rd["date"].min()).dt.days // 7 + 1
_rwk = _rd[["reach", "post_reach", "post_engagements", "clicks", "registrations", "spend"]].groupby(_wk).sum()
_rwk["er_reach"] = _rwk["post_engagements"] / _rwk["post_reach"].where(_rwk["post_reach"] > 0)
_rwk["cost_per_registration"] = _rwk["spend"] / _rwk["registrations"].where(_rwk["registrations"] > 0)


def _check_values(table, label):
    fig = make_dashboard(table)
    for word, col in (("Reach", "reach"), ("Engagement rate", "er_reach"), ("Registrations", "registrations"),
                      ("Spend", "spend")):
        got = plotted_values(_panel(fig, word))
        want = table[col].to_numpy(dtype=float)
        ok = len(got) == len(want) and (
            np.allclose(got, want, equal_nan=True)
            or (col == "er_reach" and np.allclose(got, want * 100, equal_nan=True))
        )
        check_true(ok, what=f"the {word!r} panel for {label}",
                   problem=f"draws {np.round(got, 4).tolist()}, "
                           f"expected the {col} column {np.round(want, 4).tolist()}.",
                   hint="Draw the column of the table you are given (the `weekly` argument), "
                        "one value per week.")
    plt.close(fig)


_check_values(_rwk, "your world's weeks")
_toy = _rwk.iloc[:2].copy()
_toy["reach"] = [111.0, 222.0]
_toy["spend"] = [5.0, 7.5]
_check_values(_toy, "a two-week table with reach 111, 222 and spend 5, 7.5")
### END HIDDEN TESTS
'''


def build() -> Path:
    cells = [
        markdown("intro", INTRO),
        student_id_cell(),
        readonly("setup", SETUP),
        markdown("part1", P1),
        solution("weekly_kpis", S1),
        tests("q1_weekly_kpis_from_totals", 3, T1),
        markdown("part2", P2),
        solution("channel_table", S2),
        tests("q2_channel_table_cpa_roas_romi", 4, T2),
        markdown("part3", P3),
        solution("best_channel", S3),
        tests("q3_best_romi_channel", 2, T3),
        markdown("part4", P4),
        solution("next_budget", S4),
        tests("q4_budget_shift_rule", 3, T4),
        markdown("part5", P5),
        solution("make_dashboard", S5),
        tests("q5_dashboard_figure", 3, T5),
        *self_check_cells("10-analytics"),
    ]
    return write_notebook(OUT, cells)


if __name__ == "__main__":
    print(f"wrote {build()}")
