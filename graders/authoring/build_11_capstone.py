"""Write graders/source/11-capstone/11-capstone-exercise.ipynb (the instructor version).

Run from the repository root after changing this file, then rebuild the student copies:

    .venv/bin/python graders/authoring/build_11_capstone.py
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

OUT = Path(__file__).resolve().parents[1] / "source" / "11-capstone" / "11-capstone-exercise.ipynb"

INTRO = """
# Capstone exercise: your campaign, from the brief to the report

A client hands you a brief: a budget, a goal (registrations on the site), four weeks and the
house rules. In this exercise you do the whole job in **your own world**: write moderation
rules from the comments your brand already gets, build a plan that keeps every rule (a content
calendar, an ad set, one influencer, moderation), run it, beat the course's "ghost" strategies,
and report the campaign's numbers the way a client reads them. Your world is built from your
student id, so your brand, its niche, its best platforms and its influencers are yours and differ
from your classmates'. The lesson for this module is `11-capstone-lesson.ipynb` in this folder:
every step here is shown there on the classroom world.

**How this notebook works**

1. Write the id your instructor gave you in the next cell and run it. Working on your own?
   Any id you like works; leave it empty to use the practice world.
2. Run the cell after it: it builds your world and prints your brief (a few seconds).
3. Each part says what to write and how many points it is worth. Replace
   `raise NotImplementedError()` with your code; keep the function's name and arguments.
4. Run the test cell under each part. A quiet test cell means your answer passed the visible
   checks; an error tells you what was expected and gives a hint. When your instructor grades
   the notebook, hidden tests run your functions again in your world and on other inputs (a
   smaller budget, stricter rules, other campaigns' results), so write code that reads the
   brief and the tables it is given instead of typing in your numbers.
5. Save the notebook (Ctrl+S) and run the last cell to check your work.
"""

SETUP = """
import pandas as pd  # noqa: F401 - for your answers

from sandbox import NICHES, content_plan  # noqa: F401 - content_plan: for your plan
from sandbox.ads import AdsManager, Creative, Deal, Targeting, marketplace  # noqa: F401 - for your plan
from sandbox.capstone import (
    AdSetSpec,  # noqa: F401 - for your plan
    Brief, CapstonePlan, ModerationRules, Outcome,
    leaderboard, moderation_quality, run, run_ghosts, score, validate,
)
from sandbox.exercises import student_world
from sandbox.params import AD_PLATFORMS

world = student_world(STUDENT_ID)
BUDGET = 1_200
brief = Brief(world, budget=BUDGET, goal="registrations")

_panel = AdsManager(world).panel
CITY, COUNTRY = _panel.brand_city, _panel.brand_country
NICHE = NICHES[world.niche]
print(brief.describe())
print(f"\\nYour brand's city: {CITY} ({COUNTRY}). Local business (customers from the city): {NICHE.local}.")
print(f"Your niche's core interests: {list(NICHE.core_interests)}; usual age {NICHE.age_mean:.0f}.")
print("Ad formats each platform runs:", {p: list(a.ad_formats) for p, a in AD_PLATFORMS.items()})
"""

P1 = """
## Part 1 · Moderation rules (2 points)

A month of posts brings comments, and some of them are spam (links, "free gift cards", "earn
$500 a day") or insults. Your brief asks for moderation rules that hide at least 80 % of the
spam and toxic comments (**recall**) while at least 80 % of what they hide really is spam or
toxic (**precision**): hiding a customer's question or complaint is worse than useless.

`world.comments` holds the comments on every brand's posts so far, each with its true `label`
(`praise`, `question`, `complaint`, `spam`, `toxic`). Read the spam and toxic ones (lesson,
section 3d), then write `moderation_rules(comments)`: it returns a
`ModerationRules(hide_words=[...], hide_links=True)` whose words you chose from what spam and
toxic comments say. `moderation_quality(comments, rules)` measures precision and recall against
the labels. The hidden tests also try your rules on comments they have never seen: the comments
on a new month of posts.
"""

S1 = '''
def moderation_rules(comments):
    """Return ModerationRules that hide spam and toxic comments like those in `comments`.

    Args:
        comments: A comments table like world.comments (text, label).

    Returns:
        A ModerationRules(hide_words=[...], hide_links=...).
    """
    ### BEGIN SOLUTION
    words = ["free", "$", "followers cheap", "losers", "garbage", "idiot", "trash", "pathetic", "shut up"]
    return ModerationRules(hide_words=words, hide_links=True)
    ### END SOLUTION


my_rules = moderation_rules(world.comments)
moderation_quality(world.comments, my_rules)
'''

T1 = '''
"""Checks that moderation_rules gives rules with recall and precision of at least 80 % on world.comments."""
import math

from sandbox.grading.feedback import check_type, fail


def _check_moderation(rules, comments, what, min_recall=0.8, min_precision=0.8):
    check_type(rules, ModerationRules, what=what,
               hint="Return ModerationRules(hide_words=[...], hide_links=True).")
    q = moderation_quality(comments, rules)
    recall = 0.0 if math.isnan(q["recall"]) else q["recall"]
    precision = 0.0 if math.isnan(q["precision"]) else q["precision"]
    if q["to_hide"] and recall < min_recall:
        fail(what, f"hides {q['hidden_right']} of {q['to_hide']} spam and toxic comments "
             f"(recall {recall:.0%}); at least {min_recall:.0%} is needed.",
             "Print the spam and toxic comments (comments[comments['label'].isin(['spam', 'toxic'])]"
             "['text']) and add words that only they use to hide_words; keep hide_links=True.")
    if q["hidden"] and precision < min_precision:
        fail(what, f"hides {q['hidden']} comments, of which only {q['hidden_right']} are spam or toxic "
             f"(precision {precision:.0%}); at least {min_precision:.0%} is needed.",
             "Some of your words also appear in praise, questions or complaints: use longer, more "
             "specific words.")


_check_moderation(moderation_rules(world.comments), world.comments, "moderation_rules(world.comments)")
### BEGIN HIDDEN TESTS
from sandbox.exercises import reference_world

_w = reference_world(STUDENT_ID)
_check_moderation(moderation_rules(_w.comments), _w.comments,
                  "moderation_rules(world.comments) in your world")
_b = Brief(_w, budget=BUDGET)
_new = run_ghosts(_b)["posting spree"].plan_result.comments
if (_new["label"].isin(["spam", "toxic"])).sum() >= 5:
    _check_moderation(moderation_rules(_w.comments), _new,
                      "your rules on the comments of a new month of posts (never seen before)")
### END HIDDEN TESTS
'''

P2 = """
## Part 2 · A plan that keeps every rule (5 points)

Write `capstone_plan(brief)`: it returns a `CapstonePlan` for the brief's world that breaks no
rule of the brief (`validate(plan, brief)` returns `[]`). The rules are printed above
(`brief.describe()`); in short: posts inside the four weeks, at least `brief.min_posts_per_week`
posts every week, at most `brief.max_posts_per_day` a day on one platform, ad sets that can run
inside the campaign, exactly one influencer deal (paid post, giveaway or takeover), a prize for
every contest post, moderation that meets Part 1's bar, and **ads (the most their budgets can
spend) + the influencer + contest prizes within `brief.budget`**.

Build it from research, as in the lesson (sections 2–3):

1. **calendar**: find the platform where your brand's posts reach the most people per post
   (`world.posts`, your brand's rows), post there as often as the brief allows, at your
   followers' peak hours (`content_plan.audience_peak_hours`), plus a second platform;
   `content_plan.build_plan` makes the table;
2. **influencer**: from `marketplace(world)`, one whose paid post is affordable and who reaches
   interested, real fans (in your city, for a local business): `Deal(influencer_id, "paid_post", date=...)`;
3. **ads**: one `AdSetSpec` with the money left, optimised for registrations (objective
   `"leads"`), targeting your niche's audience (your city for a local business, else your
   country), with a creative whose format the platform runs; a `lifetime_budget` never overspends;
4. **moderation**: `moderation_rules(brief.world.comments)` from Part 1.

Read everything from `brief` (`brief.world`, `brief.start`, `brief.weeks`, `brief.budget`,
`brief.max_posts_per_day`, `brief.min_posts_per_week`): the hidden tests call your function with
other briefs too (a smaller budget, one post a day at most) and check every rule again.
"""

S2 = '''
def capstone_plan(brief):
    """Return a CapstonePlan for `brief` that breaks none of its rules.

    Args:
        brief: A Brief (brief.world is the world; brief.budget, brief.start, brief.weeks,
            brief.max_posts_per_day and brief.min_posts_per_week are the numbers to respect).

    Returns:
        A CapstonePlan(posts=..., ad_sets=[...], deal=..., contest_prize=..., moderation=..., name=...).
    """
    ### BEGIN SOLUTION
    world = brief.world
    mine = world.posts[world.posts["brand"] == world.you]
    by_platform = mine.groupby("platform")[["reach", "clicks"]].mean()
    engine = by_platform["reach"].idxmax()
    second = by_platform.drop(index=engine)["clicks"].idxmax()

    per_day = brief.max_posts_per_day
    weekly = {engine: 7 * per_day, second: 3}
    hours = {p: content_plan.audience_peak_hours(world, p, n=per_day) for p in weekly}
    calendar = content_plan.build_plan(
        brief.start, brief.weeks, weekly, hours,
        rubric_mix={"informative": 0.4, "entertaining": 0.4, "commercial": 0.2},
    )

    market = marketplace(world)
    market["useful_fans"] = (
        market["real_followers"] * market["audience_interested"] * market["audience_in_brand_city"]
    )
    market["usd_per_fan"] = market["price_per_post"] / market["useful_fans"]
    pick = market[market["price_per_post"] <= 0.15 * brief.budget].sort_values("usd_per_fan").iloc[0]
    deal = Deal(int(pick["influencer_id"]), "paid_post", date=brief.start + pd.Timedelta(days=7))

    panel = AdsManager(world).panel
    niche = NICHES[world.niche]
    place = {"cities": [panel.brand_city]} if niche.local else {"countries": [panel.brand_country]}
    audience = Targeting(
        platforms=[engine], interests=list(niche.core_interests), age_min=20, age_max=45, **place
    )
    formats = AD_PLATFORMS[engine].ad_formats
    best_format = max(formats, key=formats.get)
    creative = Creative(format=best_format, headline="Join us", cta="sign_up", visual_fit=0.8)
    money_left = brief.budget - float(pick["price_per_post"])
    ad_set = AdSetSpec("my leads", audience, lifetime_budget=money_left, objective="leads", creative=creative)
    return CapstonePlan(posts=calendar, ad_sets=[ad_set], deal=deal,
                        moderation=moderation_rules(world.comments), name="my plan")
    ### END SOLUTION


my_plan = capstone_plan(brief)
print(my_plan)
print("Broken rules:", validate(my_plan, brief) or "none")
'''

T2 = '''
"""Checks that capstone_plan(brief) gives a CapstonePlan that breaks none of the brief's rules."""
from sandbox.grading.feedback import check_type, fail


def _check_plan(plan, b, what):
    check_type(plan, CapstonePlan, what=what,
               hint="Return CapstonePlan(posts=..., ad_sets=[...], deal=..., moderation=...).")
    problems = validate(plan, b)
    if problems:
        fail(what, f"breaks {len(problems)} rule(s) of the brief:\\n- " + "\\n- ".join(problems),
             "Fix each rule named above (the message says how); run validate(plan, brief) until it "
             "returns []. Sections 3 and 4 of the lesson build each part of a plan.")


_check_plan(capstone_plan(brief), brief, "capstone_plan(brief)")
### BEGIN HIDDEN TESTS
from sandbox.exercises import reference_world

_w = reference_world(STUDENT_ID)
_own = Brief(_w, budget=BUDGET)
_check_plan(capstone_plan(_own), _own, "capstone_plan(brief) in your world")
_strict = Brief(_w, budget=600, min_posts_per_week=6, max_posts_per_day=1)
_check_plan(capstone_plan(_strict), _strict,
            "capstone_plan for a brief of $600 with at most 1 post a day per platform and at least 6 a week")
### END HIDDEN TESTS
'''

P3 = """
## Part 3 · Beat the ghosts (5 points)

The course runs four **ghost** strategies in your world under your brief (lesson, section 6):
`do nothing`, `ads only` (the whole budget on one broad ad set bought for clicks), `posting
spree` and `textbook plan`. Your plan earns **2 points** for more registrations than "do
nothing" and **3 points** for more registrations than "ads only". (Beating the textbook plan is
not graded here; see your score at the end. The posting spree posts more a day than the brief
allows, so it is out of competition: it is on the leaderboard to compare with, not to beat.)

Write `campaign_outcome(brief)`: it runs your plan for the brief with `run(plan, brief)` and
returns the `Outcome`. If your plan loses, improve `capstone_plan` in Part 2: the objective of
the ad set, its audience and how the money is split matter most (lesson, section 6, "why ads only
loses").
"""

S3 = '''
def campaign_outcome(brief):
    """Run your plan for `brief` and return what it achieved (an Outcome).

    Args:
        brief: A Brief.
    """
    ### BEGIN SOLUTION
    return run(capstone_plan(brief), brief)
    ### END SOLUTION


my_outcome = campaign_outcome(brief)
print(my_outcome)
board = leaderboard(my_outcome, brief)
columns = ["rank", "plan", "goal_value", "spend", "cost_per_result", "rules_broken", "in_competition"]
board[[*columns, "you_beat"]]
'''

T3A = '''
"""Checks that your campaign's outcome keeps the budget and brings more registrations than doing nothing."""
from sandbox.grading.feedback import check_between, check_true, check_type


def _check_beats(b, ghost, what):
    outcome = run(capstone_plan(b), b)
    check_between(outcome.spend, 0, b.budget, what=f"the money your plan spent {what}",
                  hint="Spending can never pass the budget; check the plan with validate(plan, brief).")
    other = run_ghosts(b)[ghost]
    check_true(outcome.goal_value > other.goal_value, what=f"your plan's registrations {what}",
               problem=f"are {outcome.goal_value:,}, not more than the {ghost!r} ghost's "
                       f"{other.goal_value:,}.",
               hint="Registrations come mostly from the ad set: optimise it for 'leads', target your niche's "
                    "audience, spend most of the budget on it; post where your posts reach people.")


_o = campaign_outcome(brief)
check_type(_o, Outcome, what="campaign_outcome(brief)", hint="Return what run(plan, brief) returns.")
_check_beats(brief, "do nothing", "")
### BEGIN HIDDEN TESTS
from sandbox.exercises import reference_world

_check_beats(Brief(reference_world(STUDENT_ID), budget=BUDGET), "do nothing", "in your world")
### END HIDDEN TESTS
'''

T3B = '''
"""Checks that your campaign brings more registrations than the "ads only" ghost."""
_check_beats(brief, "ads only", "")
### BEGIN HIDDEN TESTS
from sandbox.exercises import reference_world

_check_beats(Brief(reference_world(STUDENT_ID), budget=BUDGET), "ads only", "in your world")
### END HIDDEN TESTS
'''

P4 = """
## Part 4 · The campaign report (4 points)

The client reads a few numbers, and every one of them must come from the run. Write
`report_kpis(outcome)`: it returns a dict with exactly these keys, each computed with pandas
from `outcome.channels` (the channel table: one row per channel, columns `cost`,
`registrations`, `purchases`, `gross_profit`, `net_real_followers`, ...):

| key | what it is |
| --- | --- |
| `"spend"` | money spent, USD: the `cost` column summed |
| `"registrations"` | registrations from every channel (a whole number) |
| `"purchases"` | purchases from every channel (a whole number) |
| `"net_real_followers"` | the `net_real_followers` column summed (a whole number) |
| `"cost_per_result"` | spend ÷ registrations (the brief's goal); `None` when there are no registrations |
| `"best_channel"` | the `channel` with the most registrations (first on a tie); `None` if none brought any |
| `"romi"` | (gross profit summed − spend) ÷ spend; `None` when nothing was spent |

`"best_channel"` here means the channel with the most registrations (the brief's goal), not the
best ROMI as in module 10.

It must work for any campaign's outcome: the hidden tests also give it the ghosts' outcomes
(one that did nothing, one that spent nothing).
"""

S4 = '''
def report_kpis(outcome):
    """Return the campaign report: a dict with the seven KPIs above, computed from outcome.channels.

    Args:
        outcome: What run(plan, brief) returned.
    """
    ### BEGIN SOLUTION
    ch = outcome.channels
    spend = float(ch["cost"].sum())
    registrations = int(ch["registrations"].sum())
    best = None
    if len(ch) and ch["registrations"].max() > 0:
        best = str(ch.loc[ch["registrations"].idxmax(), "channel"])
    return {
        "spend": spend,
        "registrations": registrations,
        "purchases": int(ch["purchases"].sum()),
        "net_real_followers": int(ch["net_real_followers"].sum()),
        "cost_per_result": spend / registrations if registrations else None,
        "best_channel": best,
        "romi": (float(ch["gross_profit"].sum()) - spend) / spend if spend > 0 else None,
    }
    ### END SOLUTION


report_kpis(my_outcome)
'''

T4 = '''
"""Checks that report_kpis gives the seven KPIs with the right types and ranges."""
import numbers

from sandbox.grading.feedback import check_between, check_equal, check_in, check_true, check_type

KEYS = sorted(["spend", "registrations", "purchases", "net_real_followers", "cost_per_result", "best_channel",
               "romi"])


def _check_shape(report, outcome, what):
    check_type(report, dict, what=what, hint="Return a dict like {'spend': ..., 'registrations': ..., ...}.")
    check_equal(sorted(report), KEYS, what=f"the keys of {what}",
                hint="Use exactly the seven keys of the table.")
    for key in ("registrations", "purchases", "net_real_followers"):
        check_true(isinstance(report[key], numbers.Integral) and not isinstance(report[key], bool),
                   what=f"{what}[{key!r}]", problem=f"is {report[key]!r}, not a whole number.",
                   hint="Wrap the sum in int(...).")
    check_between(report["spend"], 0, outcome.budget, what=f"{what}['spend']",
                  hint="Sum the cost column of outcome.channels (USD).")
    check_in(report["best_channel"], [*outcome.channels["channel"], None], what=f"{what}['best_channel']",
             hint="Give the name in the channel column of the row with the most registrations.")
    for key in ("cost_per_result", "romi"):
        value = report[key]
        check_true(value is None or (isinstance(value, numbers.Real) and not isinstance(value, bool)),
                   what=f"{what}[{key!r}]", problem=f"is {value!r}, neither a number nor None.",
                   hint="A ratio is a float; None only when its denominator is 0.")


_ghost = run_ghosts(brief)["ads only"]
_check_shape(report_kpis(_ghost), _ghost, 'report_kpis(run_ghosts(brief)["ads only"])')
### BEGIN HIDDEN TESTS
import math

from sandbox.exercises import reference_world
from sandbox.grading.feedback import check_close, fail

_b = Brief(reference_world(STUDENT_ID), budget=BUDGET)


def _expected(outcome):
    ch = outcome.channels
    spend = float(ch["cost"].sum())
    regs = int(ch["registrations"].sum())
    best = None
    if len(ch) and ch["registrations"].max() > 0:
        best = str(ch.loc[ch["registrations"].idxmax(), "channel"])
    return {
        "spend": spend,
        "registrations": regs,
        "purchases": int(ch["purchases"].sum()),
        "net_real_followers": int(ch["net_real_followers"].sum()),
        "cost_per_result": spend / regs if regs else None,
        "best_channel": best,
        "romi": (float(ch["gross_profit"].sum()) - spend) / spend if spend > 0 else None,
    }


HINTS = {
    "spend": "Sum outcome.channels['cost'].",
    "registrations": "Sum outcome.channels['registrations'].",
    "purchases": "Sum outcome.channels['purchases'].",
    "net_real_followers": "Sum outcome.channels['net_real_followers'].",
    "cost_per_result": "Divide the spend by the registrations; None when there are no registrations.",
    "best_channel": "The channel of the row with the most registrations (idxmax); None when there are none.",
    "romi": "(gross_profit summed - spend) / spend; None when the spend is 0.",
}


def _check_report(outcome, what):
    report = report_kpis(outcome)
    _check_shape(report, outcome, what)
    for key, want in _expected(outcome).items():
        got = report[key]
        label = f"{what}[{key!r}]"
        if want is None:
            if not (got is None or (isinstance(got, float) and math.isnan(got))):
                fail(label, f"should be None for this campaign, but it is {got!r}.", HINTS[key])
        elif key == "best_channel":
            check_equal(got, want, what=label, hint=HINTS[key])
        else:
            check_true(got is not None, what=label, problem="is None, but this campaign has a value.",
                       hint=HINTS[key])
            check_close(got, want, what=label, hint=HINTS[key], rel=0.01, abs_tol=0.01)


for _name, _g in run_ghosts(_b).items():
    _check_report(_g, f'report_kpis(the "{_name}" ghost\\'s outcome)')
_check_report(run(capstone_plan(_b), _b, check=False), "report_kpis(your campaign's outcome in your world)")
### END HIDDEN TESTS
'''

SCORE = """
## Your capstone score (not graded)

The course's score for your campaign (lesson, section 6): rules 30 points, outcome against all
four ghosts 50, report 20; 60 points with every rule met passes. It is what your campaign
would earn on the capstone leaderboard; the graded points of this notebook are the parts above.
"""

SCORE_CODE = """
try:
    print(score(capstone_plan(brief), brief, report_kpis))
except NotImplementedError:
    print("Finish Parts 1 to 4 first.")
"""


def build() -> Path:
    cells = [
        markdown("intro", INTRO),
        student_id_cell(),
        readonly("setup", SETUP),
        markdown("part1", P1),
        solution("moderation_rules", S1),
        tests("q1_moderation_precision_recall", 2, T1),
        markdown("part2", P2),
        solution("capstone_plan", S2),
        tests("q2_plan_keeps_every_rule", 5, T2),
        markdown("part3", P3),
        solution("campaign_outcome", S3),
        tests("q3_beats_do_nothing", 2, T3A),
        tests("q3_beats_ads_only", 3, T3B),
        markdown("part4", P4),
        solution("report_kpis", S4),
        tests("q4_report_matches_the_run", 4, T4),
        markdown("score", SCORE),
        readonly("capstone-score", SCORE_CODE),
        *self_check_cells("11-capstone"),
    ]
    return write_notebook(OUT, cells)


if __name__ == "__main__":
    print(f"wrote {build()}")
