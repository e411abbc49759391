"""Write graders/source/07-budget/07-budget-exercise.ipynb (the instructor version).

Run from the repository root after changing this file, then rebuild the student copies:

    .venv/bin/python graders/authoring/build_07_budget.py
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

OUT = Path(__file__).resolve().parents[1] / "source" / "07-budget" / "07-budget-exercise.ipynb"

INTRO = """
# Budget exercise: plan for a goal, split, audit the charges, check the payback

The owner wants **200 registrations** next month and asks four questions: how much will it
cost on each platform, how should the money be split, were last month's charges right, and did
last month's sales campaign pay for itself? You answer from the test campaigns, the spend
report and the results of **your own world**: it is built from your student id, so your
brand, its niche, its prices and its results are yours and differ from your classmates'. The
lesson for this module is `07-budget-lesson.ipynb` in this folder; everything used here is
shown there.

**How this notebook works**

1. Write the id your instructor gave you in the next cell and run it. Working on your own?
   Any id you like works; leave it empty to use the practice world.
2. Run the cell after it: it builds your world (a few seconds).
3. Each part says what to write and how many points it is worth. Replace
   `raise NotImplementedError()` with your code; keep the function's name and arguments.
   Some parts start with a locked cell that runs a campaign or loads a report: run it first.
4. Run the test cell under each part. A quiet test cell means your answer passed the visible
   checks; an error tells you what was expected and gives a hint. When your instructor grades
   the notebook, hidden tests also check your answers against your world and a few edge cases
   (other goals, other tables), so write code that works for any input, not just yours.
5. Save the notebook (Ctrl+S) and run the last cell to check your work.
"""

SETUP = """
import math  # noqa: F401 - for your answers

import numpy as np  # noqa: F401 - for your answers
import pandas as pd

import sandbox
from sandbox.ads import AdsManager, Targeting
from sandbox.exercises import student_world

world = student_world(STUDENT_ID)
ads = AdsManager(world)
NICHE = sandbox.NICHES[world.niche]
PLACE = {"cities": [ads.panel.brand_city]} if NICHE.local else {"countries": [ads.panel.brand_country]}
print(f"Your brand: {world.you}, a {NICHE.label}. An order brings ${NICHE.order_value:.2f} of revenue "
      f"at a {NICHE.margin:.0%} gross margin.")
"""

TEST_RUN = """
# Last month's price test: $40 a day for 10 days on each platform, people interested in your niche.
from sandbox.ads_trials import compare_audiences

PLATFORMS = ["pixa", "circles", "chirp", "loop", "beacon"]
_specs = {p: Targeting(platforms=[p], interests=list(NICHE.core_interests), **PLACE) for p in PLATFORMS}
test = compare_audiences(world, _specs, daily_budget=40, days=10)
test = test[["spend", "impressions", "clicks", "visits", "registrations"]]
test
"""

P1 = """
## Part 1 · The budget for the goal, per platform (4 points)

The locked cell above ran a price test in your world: `test` has one row per platform (the
index) with its `spend` (USD), `impressions`, `clicks` (link clicks), `visits` (site visits) and
`registrations`. Plan backwards from the goal, platform by platform:

- the test's rates: `ctr` = clicks ÷ impressions, `cpc` = spend ÷ clicks, `landing_rate` =
  visits ÷ clicks, `registration_rate` = registrations ÷ visits;
- `clicks_needed` = goal ÷ (landing_rate × registration_rate);
- `budget` = clicks_needed × cpc.

Write `plan_budget(test, goal)`: it returns a DataFrame with the same index as `test` and the
columns `ctr`, `cpc`, `landing_rate`, `registration_rate`, `clicks_needed` and `budget`. Do not
round. A platform whose test brought no registration cannot be planned: its `clicks_needed`
and `budget` are `NaN` (not infinity). (`s.where(s > 0)` turns values of 0 into `NaN`.)
"""

S1 = '''
def plan_budget(test, goal):
    """Return the test's rates and the clicks and budget each platform needs for `goal` registrations.

    Args:
        test: One row per platform with spend, impressions, clicks, visits and registrations.
        goal: Registrations wanted.

    Returns:
        A DataFrame indexed like `test` with ctr, cpc, landing_rate, registration_rate,
        clicks_needed and budget columns.
    """
    ### BEGIN SOLUTION
    plan = pd.DataFrame(index=test.index)
    plan["ctr"] = test["clicks"] / test["impressions"]
    plan["cpc"] = test["spend"] / test["clicks"]
    plan["landing_rate"] = test["visits"] / test["clicks"]
    plan["registration_rate"] = test["registrations"] / test["visits"]
    per_click = (plan["landing_rate"] * plan["registration_rate"]).where(lambda s: s > 0)
    plan["clicks_needed"] = goal / per_click
    plan["budget"] = plan["clicks_needed"] * plan["cpc"]
    return plan
    ### END SOLUTION


plan = plan_budget(test, 200)
plan.round(4)
'''

T1 = '''
"""Checks that plan_budget gives one row per tested platform with the rates, clicks and budget columns."""
import pandas as pd

from sandbox.grading.feedback import check_between, check_close, check_equal, check_true, check_type

_plan = plan_budget(test, 200)
check_type(_plan, pd.DataFrame, what="plan_budget(test, 200)",
           hint="Return a DataFrame, one row per platform.")
check_equal(list(_plan.index), list(test.index), what="the index of plan_budget(test, 200)",
            hint="Keep the platforms of `test` as the index, in the same order.")
for _col in ("ctr", "cpc", "landing_rate", "registration_rate", "clicks_needed", "budget"):
    check_true(_col in _plan.columns, what="the columns of plan_budget(test, 200)",
               problem=f"there is no {_col!r} column.", hint="Add ctr, cpc, landing_rate, registration_rate, "
               "clicks_needed and budget.")
for _p, _r in _plan.iterrows():
    check_between(_r["ctr"], 0, 0.1, what=f"the CTR of {_p}", hint="CTR = clicks / impressions, a fraction.")
    check_between(_r["landing_rate"], 0, 1, what=f"the landing rate of {_p}",
                  hint="landing_rate = visits / clicks: not every click loads the page.")
    if _r["budget"] == _r["budget"]:  # not NaN
        check_close(_r["clicks_needed"] * _r["landing_rate"] * _r["registration_rate"], 200.0,
                    what=f"clicks_needed x landing_rate x registration_rate of {_p}",
                    hint="The clicks you plan must bring the goal: clicks_needed = goal / (landing_rate x "
                    "registration_rate).")
        check_true(_r["budget"] > 200 * _r["cpc"], what=f"the budget of {_p}",
                   problem=f"is ${_r['budget']:,.2f}, less than 200 clicks cost there.",
                   hint="Not every click registers: divide the goal by landing_rate x registration_rate.")
### BEGIN HIDDEN TESTS
import math

import sandbox as _sandbox
from sandbox.ads import AdsManager as _AdsManager
from sandbox.ads import Targeting as _Targeting
from sandbox.ads_trials import compare_audiences as _compare
from sandbox.exercises import reference_world
from sandbox.grading.feedback import check_close, fail

_w = reference_world(STUDENT_ID)
_niche = _sandbox.NICHES[_w.niche]
_panel = _AdsManager(_w).panel
_place = {"cities": [_panel.brand_city]} if _niche.local else {"countries": [_panel.brand_country]}
_specs = {p: _Targeting(platforms=[p], interests=list(_niche.core_interests), **_place)
          for p in ["pixa", "circles", "chirp", "loop", "beacon"]}
_ref = _compare(_w, _specs, daily_budget=40, days=10)
_ref = _ref[["spend", "impressions", "clicks", "visits", "registrations"]]


def _expect(t, goal):
    ctr, cpc = t["clicks"] / t["impressions"], t["spend"] / t["clicks"]
    landing, reg = t["visits"] / t["clicks"], t["registrations"] / t["visits"]
    clicks = goal / (landing * reg).where(lambda s: s > 0)
    return pd.DataFrame({"ctr": ctr, "cpc": cpc, "landing_rate": landing, "registration_rate": reg,
                         "clicks_needed": clicks, "budget": clicks * cpc})


def _compare_plans(got, want, label):
    check_type(got, pd.DataFrame, what=f"plan_budget {label}", hint="Return a DataFrame.")
    for _p in want.index:
        for _col in want.columns:
            _v = want.loc[_p, _col]
            if math.isnan(_v):
                check_true(math.isnan(got.loc[_p, _col]), what=f"{_col} of {_p} {label}",
                           problem=f"is {got.loc[_p, _col]!r}; the test brought no registration there, "
                           "so it cannot be planned: expected NaN.",
                           hint="Divide by (landing_rate x registration_rate).where(lambda s: s > 0).")
            else:
                check_close(got.loc[_p, _col], _v, what=f"{_col} of {_p} {label}",
                            hint="Rates from the test: ctr = clicks/impressions, cpc = spend/clicks, "
                            "landing = visits/clicks, registration = registrations/visits; "
                            "clicks_needed = goal / (landing x "
                            "registration); budget = clicks_needed x cpc. Do not round.")


for _goal in (200, 75):
    _compare_plans(plan_budget(_ref, _goal), _expect(_ref, _goal), f"for {_goal} registrations in your world")
_made_up = pd.DataFrame({"spend": [300.0, 150.0], "impressions": [40_000, 20_000], "clicks": [300, 120],
                         "visits": [240, 100], "registrations": [24, 0]}, index=["a", "b"])
try:
    _got = plan_budget(_made_up, 120)
except Exception as exc:
    fail("plan_budget on a test where platform b brought no registration",
         f"raised {type(exc).__name__}: {exc}",
         "A platform without registrations gets NaN for clicks_needed and budget.")
_compare_plans(_got, _expect(_made_up, 120), "on a made-up test (b: no registrations)")
check_close(_got.loc["a", "budget"], 1500.0,
            what="the budget of platform a (CPC $1, 1 registration per 10 clicks)",
            hint="120 registrations / (0.8 x 0.1) = 1,500 clicks at $1 each.")
### END HIDDEN TESTS
'''

P2 = """
## Part 2 · Split the money by efficiency (3 points)

The owner gives you a `total` (USD) for next month and one rule to split it:

1. each platform's weight is 1 ÷ its planned `budget` (a platform that needs less money for the
   same goal gets more); platforms with no budget (`NaN`) get nothing;
2. shares = weight ÷ sum of the weights of the platforms still in the split;
3. if the smallest share is under `min_share`, drop that platform (only that one) and compute the
   shares again among the rest; repeat until every remaining share is at least `min_share`
   (a platform with a thin slice of money never leaves the learning phase);
4. each remaining platform gets `total` × its share, rounded to cents; dropped ones get 0.

Write `split_by_efficiency(plan, total, min_share=0.15)`: it returns a pandas Series with the
same index as `plan` (one amount per platform, 0 for the dropped ones). The amounts must add up
to `total` within a cent.
"""

S2 = '''
def split_by_efficiency(plan, total, min_share=0.15):
    """Return USD per platform, split by 1 / budget, dropping the smallest share while it is under min_share.

    Args:
        plan: A table like plan_budget's, indexed by platform, with a budget column.
        total: USD to split.
        min_share: Smallest share a platform may keep.

    Returns:
        A Series indexed like `plan`: USD per platform (0 for platforms left out).
    """
    ### BEGIN SOLUTION
    weights = (1 / plan["budget"]).dropna()
    while len(weights) > 1:
        shares = weights / weights.sum()
        if shares.min() >= min_share:
            break
        weights = weights.drop(shares.idxmin())
    shares = weights / weights.sum()
    return (total * shares).round(2).reindex(plan.index, fill_value=0.0)
    ### END SOLUTION


split = split_by_efficiency(plan, 3000)
split
'''

T2 = '''
"""Checks that split_by_efficiency gives an amount per platform, adding up to the total, none negative."""
import pandas as pd

from sandbox.grading.feedback import check_close, check_equal, check_true, check_type

# a plan built from the test (budget for 200 registrations = 200 x spend / registrations), so this part
# can be checked even if Part 1 is not finished
_plan = pd.DataFrame({"budget": 200 * test["spend"] / test["registrations"].where(test["registrations"] > 0)})
_split = split_by_efficiency(_plan, 3000)
check_type(_split, pd.Series, what="split_by_efficiency(plan, 3000)",
           hint="Return a pandas Series: platform -> USD.")
check_equal(list(_split.index), list(_plan.index), what="the index of split_by_efficiency(plan, 3000)",
            hint="Give every platform of the plan an amount (0 for the ones you leave out): "
            ".reindex(plan.index, "
            "fill_value=0).")
check_close(float(_split.sum()), 3000.0, abs_tol=0.011, what="the sum of split_by_efficiency(plan, 3000)",
            hint="The shares of the platforms you keep add up to 1, so the amounts add up to the total.")
check_true((_split >= 0).all(), what="the amounts of split_by_efficiency(plan, 3000)",
           problem="some are negative.", hint="Amounts are total x share, with shares between 0 and 1.")
### BEGIN HIDDEN TESTS
import math

from sandbox.grading.feedback import fail


def _rule(p, total, min_share=0.15):
    w = (1 / p["budget"]).dropna()
    while len(w) > 1:
        s = w / w.sum()
        if s.min() >= min_share:
            break
        w = w.drop(s.idxmin())
    return (total * w / w.sum()).reindex(p.index, fill_value=0.0)


def _check_split(p, total, label, **kw):
    try:
        got = split_by_efficiency(p, total, **kw)
    except Exception as exc:
        fail(f"split_by_efficiency {label}", f"raised {type(exc).__name__}: {exc}",
             "Drop platforms with a NaN budget first (dropna), then drop the smallest share while it is "
             "too small.")
    want = _rule(p, total, **kw)
    check_type(got, pd.Series, what=f"split_by_efficiency {label}", hint="Return a Series.")
    for _name, _v in want.items():
        check_close(float(got.get(_name, float("nan"))), float(_v), abs_tol=0.0051, rel=0,
                    what=f"the amount for {_name!r} {label}",
                    hint="Weights 1 / budget; drop the smallest share while it is under min_share, "
                    "one at a time; "
                    "then total x share, rounded to cents; 0 for the platforms left out.")


_check_split(_plan, 3000, "for your world's plan and $3,000")
_check_split(_plan, 1234.56, "for your world's plan and $1,234.56, min_share 0.3", min_share=0.3)
_p = pd.DataFrame({"budget": [1000.0, 2000.0, 4000.0, float("nan"), 9000.0]}, index=["a", "b", "c", "d", "e"])
_check_split(_p, 700, "on a made-up plan (weights 1/1000, 1/2000, 1/4000, none, 1/9000)")
_got = split_by_efficiency(_p, 700)
check_close(float(_got["e"]), 0.0, what="the amount for 'e', whose share (about 6%) is under 15%",
            hint="Drop the smallest share when it is under min_share, then split again among the rest.")
check_close(float(_got["a"]), 466.67, abs_tol=0.0051, what="the amount for 'a' once 'e' (6%) and then 'c' "
            "(14% of the rest) are left out",
            hint="Repeat: after dropping e the shares are 4/7, 2/7, 1/7; c's 1/7 is still under 15%, "
            "so it goes too"
            " and a gets 2/3 of the total.")
_two = pd.DataFrame({"budget": [1000.0, 9000.0]}, index=["x", "y"])
_check_split(_two, 500, "when one of two platforms has a 10% share")
check_close(float(split_by_efficiency(_two, 500)["x"]), 500.0, what="the amount for 'x' when 'y' is dropped",
            hint="With one platform left, it gets the whole total.")
### END HIDDEN TESTS
'''

REPORT = """
# Last month's spend report from the reseller who runs your ads: one row per ad set and day.
from sandbox.ads_budget import practice_charges

report = practice_charges(world)
report
"""

P3 = """
## Part 3 · Audit the spend report (4 points)

The owner suspects the reseller overcharged. `report` has one row per ad set and day:
`date`, `ad_set`, `budget_type` (`"daily"` or `"lifetime"`), `budget` (USD: the daily budget,
or the whole lifetime budget) and `spend` (USD charged that day). The platform's rules:

- `"day"` — an ad set with a daily budget may spend at most 125% of it on one day;
- `"week"` — and at most 7 × its daily budget in a calendar week (Monday to Sunday). A day
  breaks this rule when the ad set's spend from that week's Monday up to and including that day
  is more than 7 × the budget;
- `"lifetime"` — an ad set with a lifetime budget never spends more than it in total. A day
  breaks this rule when the ad set's spend from its first day up to and including that day is
  more than the budget.

Round every amount you compare to cents first (`.round(2)`): sums of money in floats are
almost, not exactly, in cents.

Write `pacing_violations(report)`: it returns a DataFrame with the columns `ad_set`, `date` and
`rule`, one row for every day that breaks a rule (a day that breaks two rules gives two rows),
sorted by `ad_set`, `date` and `rule`. No violation: an empty table with those columns.

Tips: `report["date"].dt.to_period("W")` gives each date's calendar week;
`df.groupby([...])["spend"].cumsum()` adds up spend within each group, row by row, in the
table's order (sort by date first).
"""

S3 = '''
def pacing_violations(report):
    """Return one row per (ad_set, date, rule) that breaks the day, week or lifetime rule.

    Args:
        report: One row per ad set and day: date, ad_set, budget_type, budget, spend.

    Returns:
        A DataFrame with ad_set, date and rule columns, sorted.
    """
    ### BEGIN SOLUTION
    r = report.sort_values(["ad_set", "date"]).copy()
    r["week"] = r["date"].dt.to_period("W")
    r["week_to_date"] = r.groupby(["ad_set", "week"])["spend"].cumsum().round(2)
    r["to_date"] = r.groupby("ad_set")["spend"].cumsum().round(2)
    daily = r["budget_type"] == "daily"
    found = [
        r[daily & (r["spend"].round(2) > (1.25 * r["budget"]).round(2))].assign(rule="day"),
        r[daily & (r["week_to_date"] > (7 * r["budget"]).round(2))].assign(rule="week"),
        r[~daily & (r["to_date"] > r["budget"].round(2))].assign(rule="lifetime"),
    ]
    out = pd.concat(found)[["ad_set", "date", "rule"]]
    return out.sort_values(["ad_set", "date", "rule"]).reset_index(drop=True)
    ### END SOLUTION


violations = pacing_violations(report)
violations
'''

T3 = '''
"""Checks that pacing_violations returns ad_set, date and rule columns naming real report rows and rules."""
import pandas as pd

from sandbox.grading.feedback import check_equal, check_in, check_true, check_type

_v = pacing_violations(report)
check_type(_v, pd.DataFrame, what="pacing_violations(report)", hint="Return a DataFrame.")
check_equal(list(_v.columns), ["ad_set", "date", "rule"], what="the columns of pacing_violations(report)",
            hint="Keep exactly the columns ad_set, date and rule, in that order.")
_rows = set(zip(report["ad_set"], report["date"], strict=True))
for _a, _d, _rule in _v.itertuples(index=False):
    check_in(_rule, ["day", "week", "lifetime"], what="a rule in pacing_violations(report)",
             hint='Name the rule "day", "week" or "lifetime".')
    check_true((_a, _d) in _rows, what=f"the violation ({_a!r}, {_d})",
               problem="is not a row of the report.", hint="Take ad_set and date from the report's rows.")
_clean = pd.DataFrame({"date": pd.date_range("2026-03-02", periods=3), "ad_set": "x", "budget_type": "daily",
                       "budget": 10.0, "spend": [10.0, 12.5, 9.0]})
check_equal(len(pacing_violations(_clean)), 0, what="pacing_violations on a report that keeps every rule",
            hint="A day that spends exactly 125% of its budget is allowed: the rule is 'more than'.")
### BEGIN HIDDEN TESTS
from sandbox.ads_budget import practice_charges as _practice_charges
from sandbox.exercises import reference_world
from sandbox.grading.feedback import fail


def _rule(rep):
    found = set()
    for name, g in rep.sort_values("date").groupby("ad_set"):
        if g["budget_type"].iloc[0] == "daily":
            for d in g.loc[g["spend"].round(2) > (1.25 * g["budget"]).round(2), "date"]:
                found.add((name, f"{d:%Y-%m-%d}", "day"))
            week = g.groupby(g["date"].dt.to_period("W"))["spend"].cumsum().round(2)
            for d in g.loc[week > (7 * g["budget"]).round(2), "date"]:
                found.add((name, f"{d:%Y-%m-%d}", "week"))
        else:
            for d in g.loc[g["spend"].cumsum().round(2) > g["budget"].round(2), "date"]:
                found.add((name, f"{d:%Y-%m-%d}", "lifetime"))
    return found


def _check_report(rep, label):
    try:
        got = pacing_violations(rep)
    except Exception as exc:
        fail(f"pacing_violations {label}", f"raised {type(exc).__name__}: {exc}",
             "Work for any report: daily and lifetime ad sets, any dates.")
    check_equal(list(got.columns), ["ad_set", "date", "rule"],
                what=f"the columns of pacing_violations {label}",
                hint="Return exactly the columns ad_set, date and rule.")
    rows = {(a, f"{pd.Timestamp(d):%Y-%m-%d}", r)
            for a, d, r in got[["ad_set", "date", "rule"]].itertuples(index=False)}
    want = _rule(rep)
    missing, extra = sorted(want - rows), sorted(rows - want)
    if missing or extra:
        fail(f"pacing_violations {label}",
             f"missed {missing[:4]}{' ...' if len(missing) > 4 else ''} and flagged {extra[:4]}"
             f"{' ...' if len(extra) > 4 else ''} by mistake.",
             "day: spend > 1.25 x budget; week: spend from the calendar week's Monday to that day > "
             "7 x budget; "
             "lifetime: spend from the first day to that day > budget; amounts rounded to cents.")
    check_equal(len(got), len(rows), what=f"the rows of pacing_violations {label}",
                hint="One row per ad set, date and rule: no duplicates.")


_check_report(_practice_charges(reference_world(STUDENT_ID)), "on your world's report")
_edge = pd.concat([
    pd.DataFrame({"date": pd.date_range("2026-03-02", periods=7), "ad_set": "exact", "budget_type": "daily",
                  "budget": 20.0, "spend": [25.0, 20.0, 20.0, 20.0, 20.0, 20.0, 15.0]}),
    pd.DataFrame({"date": pd.date_range("2026-03-02", periods=7), "ad_set": "cents", "budget_type": "daily",
                  "budget": 10.0, "spend": [9.81, 9.75, 9.58, 9.78, 10.48, 9.95, 10.65]}),
    pd.DataFrame({"date": pd.date_range("2026-03-08", periods=8), "ad_set": "weeks", "budget_type": "daily",
                  "budget": 10.0, "spend": [12.0] * 8}),
    pd.DataFrame({"date": pd.date_range("2026-03-02", periods=5), "ad_set": "life", "budget_type": "lifetime",
                  "budget": 100.0, "spend": [30.0, 30.0, 30.0, 10.0, 5.0]}),
], ignore_index=True).sample(frac=1, random_state=3)
_check_report(_edge, "on made-up ad sets (exactly 125%; a week adding up to exactly $70.00; an ad set "
              "starting on a "
              "Sunday, 2026-03-08; a lifetime budget reached exactly, then passed)")
_check_report(_edge[_edge["ad_set"] == "exact"], "on a report with no violation")
### END HIDDEN TESTS
'''

SALES_RUN = """
# Last month's sales campaign: two ad sets, 14 days, optimised for purchases.
from sandbox.ads_trials import default_creative

_sales = AdsManager(world)
visitors = _sales.create_custom_audience("site visitors 180d", "site_visitors", days=180)
_camp = _sales.create_campaign("sales", objective="sales")
_end = world.start_date + pd.Timedelta(days=13)
_camp.create_ad_set("new people", Targeting(platforms=["pixa"], interests=list(NICHE.core_interests),
                                            exclude=[visitors], **PLACE),
                    daily_budget=40, end=_end).create_ad("ad", default_creative(["pixa"]))
_camp.create_ad_set("site visitors",
                    Targeting(platforms=["pixa", "circles"], custom_audiences=[visitors], **PLACE),
                    daily_budget=10, end=_end).create_ad("ad", default_creative(["pixa", "circles"]))
sales = _sales.run().ad_sets[["ad_set", "spend", "purchases", "revenue"]]
sales
"""

P4 = """
## Part 4 · Did it pay off? (3 points)

The locked cell above ran last month's sales campaign in your world: `sales` has one row per ad
set with its `spend` (USD), `purchases` and `revenue` (USD). An order of your brand brings
`NICHE.order_value` dollars of revenue at a gross margin of `NICHE.margin` (the share of revenue
left after the cost of the goods). For each ad set:

- `roas` = revenue ÷ spend;
- `romi` = (revenue × margin − spend) ÷ spend;
- `cpa` = spend ÷ purchases (`NaN` when there was no purchase);
- `break_even_cpa` = order value × margin: the most one purchase may cost;
- `pays_off` = `True` when ROMI is 0 or more, `False` otherwise (also when ROMI is `NaN`).

`roas` and `romi` are `NaN` when the spend is 0. Write `cost_recovery(table, order_value,
margin)`: it returns a **copy** of the table with these five columns added.
"""

S4 = '''
def cost_recovery(table, order_value, margin):
    """Return a copy of `table` with roas, romi, cpa, break_even_cpa and pays_off columns.

    Args:
        table: One row per ad set with spend, purchases and revenue columns.
        order_value: Revenue of one order, USD.
        margin: Gross margin, a share of revenue (0.65 = 65%).

    Returns:
        A new DataFrame.
    """
    ### BEGIN SOLUTION
    out = table.copy()
    spend = out["spend"].where(out["spend"] > 0)
    out["roas"] = out["revenue"] / spend
    out["romi"] = (out["revenue"] * margin - out["spend"]) / spend
    out["cpa"] = out["spend"] / out["purchases"].where(out["purchases"] > 0)
    out["break_even_cpa"] = order_value * margin
    out["pays_off"] = out["romi"] >= 0
    return out
    ### END SOLUTION


payback = cost_recovery(sales, NICHE.order_value, NICHE.margin)
payback.round(3)
'''

T4 = '''
"""Checks that cost_recovery adds five columns to a copy of `sales`, ROMI below ROAS, a yes/no verdict."""
import pandas as pd

from sandbox.grading.feedback import check_close, check_true, check_type

_before = sales.copy()
_c = cost_recovery(sales, NICHE.order_value, NICHE.margin)
check_type(_c, pd.DataFrame, what="cost_recovery(sales, ...)", hint="Return the table (a DataFrame).")
for _col in ("roas", "romi", "cpa", "break_even_cpa", "pays_off"):
    check_true(_col in _c.columns, what="the columns of cost_recovery(sales, ...)",
               problem=f"there is no {_col!r} column.",
               hint="Add roas, romi, cpa, break_even_cpa and pays_off.")
check_true(sales.equals(_before), what="the table `sales` after cost_recovery(sales, ...)",
           problem="was changed.", hint="Work on a copy: out = table.copy().")
for _, _r in _c.iterrows():
    check_close(_r["break_even_cpa"], NICHE.order_value * NICHE.margin,
                what=f"break_even_cpa of {_r['ad_set']!r}",
                hint="break_even_cpa = order value x margin.")
    check_true(_r["romi"] < _r["roas"], what=f"ROMI and ROAS of {_r['ad_set']!r}",
               problem=f"ROMI ({_r['romi']:.3f}) is not below ROAS ({_r['roas']:.3f}).",
               hint="ROMI counts only the margin of the revenue and subtracts the cost: "
               "(revenue x margin - spend) "
               "/ spend.")
    check_close(_r["romi"], _r["roas"] * NICHE.margin - 1, what=f"romi of {_r['ad_set']!r}",
                hint="ROMI counts the margin of the revenue, not all of it: "
                "(revenue x margin - spend) / spend.")
    check_true(bool(_r["pays_off"]) == bool(_r["romi"] >= 0), what=f"pays_off of {_r['ad_set']!r}",
               problem=f"is {_r['pays_off']!r} with ROMI {_r['romi']:.3f}.", hint="pays_off = ROMI >= 0.")
### BEGIN HIDDEN TESTS
import math

from sandbox.grading.feedback import check_equal, fail

_t = pd.DataFrame({"ad_set": ["profit", "loss", "nothing sold", "paused"], "spend": [100.0, 100.0, 50.0, 0.0],
                   "purchases": [5, 2, 0, 0], "revenue": [300.0, 120.0, 0.0, 0.0], "note": list("wxyz")})
try:
    _got = cost_recovery(_t, 60.0, 0.5).set_index("ad_set")
except Exception as exc:
    fail("cost_recovery on a made-up table (one ad set sold nothing, one spent nothing)",
         f"raised {type(exc).__name__}: {exc}",
         "Divide by s.where(s > 0) so that 0 gives NaN instead of an error.")
for _name, _roas, _romi, _cpa, _pays in (("profit", 3.0, 0.5, 20.0, True), ("loss", 1.2, -0.4, 50.0, False),
                                        ("nothing sold", 0.0, -1.0, float("nan"), False)):
    check_close(_got.loc[_name, "roas"], _roas,
                what=f"roas of {_name!r} (spend $100 / $100 / $50, revenue $300 / $120 / $0)",
                hint="roas = revenue / spend.")
    check_close(_got.loc[_name, "romi"], _romi, what=f"romi of {_name!r} (margin 50%)",
                hint="romi = (revenue x margin - spend) / spend.")
    if math.isnan(_cpa):
        check_true(math.isnan(_got.loc[_name, "cpa"]), what=f"cpa of {_name!r} (no purchase)",
                   problem=f"is {_got.loc[_name, 'cpa']!r}, expected NaN.",
                   hint="With no purchase there is no cost per purchase: "
                   "divide by purchases.where(purchases > 0).")
    else:
        check_close(_got.loc[_name, "cpa"], _cpa, what=f"cpa of {_name!r}", hint="cpa = spend / purchases.")
    check_equal(bool(_got.loc[_name, "pays_off"]), _pays, what=f"pays_off of {_name!r}",
                hint="pays_off = romi >= 0.")
for _col in ("roas", "romi"):
    check_true(math.isnan(_got.loc["paused", _col]), what=f"{_col} of an ad set that spent nothing",
               problem=f"is {_got.loc['paused', _col]!r}, expected NaN.",
               hint="Divide by spend.where(spend > 0).")
check_equal(bool(_got.loc["paused", "pays_off"]), False, what="pays_off of an ad set that spent nothing",
            hint="NaN >= 0 is False: an ad set with no ROMI does not pay off.")
check_close(_got.loc["loss", "break_even_cpa"], 30.0,
            what="break_even_cpa with order value $60 and margin 50%",
            hint="Use the order_value and margin arguments: 60 x 0.5.")
check_equal(list(_got["note"]), list("wxyz"), what="the other columns of the table",
            hint="Keep every column.")
### END HIDDEN TESTS
'''


def build() -> Path:
    cells = [
        markdown("intro", INTRO),
        student_id_cell(),
        readonly("setup", SETUP),
        readonly("price_test_run", TEST_RUN),
        markdown("part1", P1),
        solution("plan_budget", S1),
        tests("q1_budget_for_registrations_goal", 4, T1),
        markdown("part2", P2),
        solution("split_by_efficiency", S2),
        tests("q2_budget_split_rule", 3, T2),
        readonly("spend_report", REPORT),
        markdown("part3", P3),
        solution("pacing_violations", S3),
        tests("q3_pacing_rule_violations", 4, T3),
        readonly("sales_campaign_run", SALES_RUN),
        markdown("part4", P4),
        solution("cost_recovery", S4),
        tests("q4_roas_romi_break_even", 3, T4),
        *self_check_cells("07-budget"),
    ]
    return write_notebook(OUT, cells)


if __name__ == "__main__":
    print(f"wrote {build()}")
