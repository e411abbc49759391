"""Write graders/source/00-welcome/00-welcome-exercise.ipynb (the instructor version).

Run from the repository root after changing this file, then rebuild the student copies:

    .venv/bin/python graders/authoring/build_00_welcome.py
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

OUT = Path(__file__).resolve().parents[1] / "source" / "00-welcome" / "00-welcome-exercise.ipynb"

INTRO = """
# Welcome exercise: your brand in numbers

You are the new SMM specialist of a brand in the SMM Lab sandbox. Before planning anything, a
specialist looks at the facts: who uses which platform, where the brand's audience is, how
well the brand's posts engage people. In this exercise you answer four such questions with
Python and pandas, about **your own world**: every learner's world is built from their
student id, so your numbers are yours and differ from your classmates'.

**How this notebook works**

1. Write the id your instructor gave you in the next cell and run it. Working on your own?
   Any id you like works; leave it empty to use the practice world.
2. Run the cell after it: it builds your world (a second or two).
3. Each part says what to write and how many points it is worth. Replace
   `raise NotImplementedError()` with your code; keep the function's name and arguments.
4. Run the test cell under each part. A quiet test cell means your answer passed the visible
   checks; an error tells you what was expected and gives a hint. When your instructor grades
   the notebook, hidden tests also check your answers against your world and a few edge cases.
5. Save the notebook (Ctrl+S) and run the last cell to check your work.
"""

SETUP = """
import pandas as pd

from sandbox.exercises import student_world

world = student_world(STUDENT_ID)
print(f"Your brand: {world.you} ({world.niche.replace('_', ' ')}), {world.size:,} people in the world.")
world.accounts[world.accounts["brand"] == world.you]
"""

P1 = """
## Part 1 · How many people use Pixa? (2 points)

`world.people` has one row per person. For each platform there is a column `on_<platform>`
(`on_pixa`, `on_loop`, ...) that is `True` when the person uses that platform.

Write `count_users(people, platform)`: it returns how many people in the table use the
platform, as a whole number. It must work for any platform and any table with those columns.
"""

S1 = '''
def count_users(people, platform):
    """Return how many people in `people` use `platform` (a whole number).

    Args:
        people: A table like world.people, with on_<platform> columns.
        platform: A platform slug such as "pixa".
    """
    ### BEGIN SOLUTION
    return int(people[f"on_{platform}"].sum())
    ### END SOLUTION


pixa_users = count_users(world.people, "pixa")
print(f"{pixa_users:,} of {len(world.people):,} people use Pixa.")
'''

T1 = '''
"""Checks that count_users gives a whole number of people, no more than the table has."""
from sandbox.grading.feedback import check_between, check_whole_number

_n = count_users(world.people, "pixa")
check_whole_number(
    _n,
    what='count_users(world.people, "pixa")',
    hint="Count people, do not average: adding up a True/False column counts the True values.",
)
check_between(
    _n, 0, len(world.people),
    what='count_users(world.people, "pixa")',
    hint="The answer is a number of people, so it lies between 0 and len(people).",
)
### BEGIN HIDDEN TESTS
from sandbox import PLATFORMS
from sandbox.exercises import reference_world
from sandbox.grading.feedback import check_equal

_ref = reference_world(STUDENT_ID).people
for _p in sorted(PLATFORMS):
    check_equal(
        count_users(_ref, _p), int(_ref[f"on_{_p}"].sum()),
        what=f"count_users(world.people, {_p!r}) in your world",
        hint=f"Use the on_{_p} column of the table you are given (the `people` argument).",
    )
_tiny = pd.DataFrame({"on_pixa": [True, False, True], "on_loop": [False, False, False]})
check_equal(
    count_users(_tiny, "pixa"), 2,
    what="count_users on a 3-person table where 2 use Pixa",
    hint="Work on the `people` argument, not on world.people.",
)
check_equal(
    count_users(_tiny, "loop"), 0,
    what="count_users on a table where nobody uses Loop",
    hint="When nobody uses a platform, the count is 0.",
)
### END HIDDEN TESTS
'''

P2 = """
## Part 2 · Where is your audience? (3 points)

`world.accounts` lists every brand's account on every platform, with its `followers`.
Your brand's name is `world.you`.

Write `top_platform(accounts, brand)`: it returns the platform slug (such as `"pixa"`) where
`brand` has the most followers. If two platforms tie, return the one whose slug comes first
in alphabetical order. This is where a specialist starts: the platform with the audience.
"""

S2 = '''
def top_platform(accounts, brand):
    """Return the platform where `brand` has the most followers (ties: alphabetical first).

    Args:
        accounts: A table like world.accounts (brand, platform, followers).
        brand: The brand's name, e.g. world.you.
    """
    ### BEGIN SOLUTION
    mine = accounts[accounts["brand"] == brand]
    mine = mine.sort_values(["followers", "platform"], ascending=[False, True])
    return str(mine["platform"].iloc[0])
    ### END SOLUTION


my_platform = top_platform(world.accounts, world.you)
print(f"{world.you} has the most followers on {my_platform}.")
'''

T2 = '''
"""Checks that top_platform names one of your brand's platforms, as a slug."""
from sandbox.grading.feedback import check_in, check_type

_top = top_platform(world.accounts, world.you)
check_type(_top, str, what="top_platform(world.accounts, world.you)",
           hint='Return the slug as text, e.g. "pixa", not a row or a table.')
_mine = world.accounts[world.accounts["brand"] == world.you]
check_in(_top, sorted(_mine["platform"]), what="top_platform(world.accounts, world.you)",
         hint="Keep only the rows of `brand`, then pick the platform of the row with the most followers.")
### BEGIN HIDDEN TESTS
from sandbox.exercises import reference_world
from sandbox.grading.feedback import check_equal

_acc = reference_world(STUDENT_ID).accounts
for _b in _acc["brand"].unique():
    _rows = _acc[_acc["brand"] == _b].sort_values(["followers", "platform"], ascending=[False, True])
    check_equal(
        top_platform(_acc, _b), _rows["platform"].iloc[0],
        what=f"top_platform(world.accounts, {_b!r}) in your world",
        hint="Compare followers only among the rows of the brand you are given.",
    )
_tie = pd.DataFrame({
    "brand": ["A", "A", "A", "B"],
    "platform": ["loop", "chirp", "pixa", "beacon"],
    "followers": [50, 50, 10, 999],
})
check_equal(top_platform(_tie, "A"), "chirp", what="top_platform when chirp and loop tie with 50 followers",
            hint="On a tie, return the slug that comes first alphabetically (sort by platform too).")
check_equal(top_platform(_tie, "B"), "beacon", what="top_platform for a brand with a single account",
            hint="Use only the rows of the brand you are given.")
### END HIDDEN TESTS
'''

P3 = """
## Part 3 · How engaging are your posts? (3 points)

Engagement rate **by followers** of one post is its `engagements` divided by the `followers`
the account had when the post went out (both are columns of `world.posts`). The median tells
you what a typical post does, without a single viral post pulling it up.

Write `median_er_by_followers(posts, brand, platform)`: the median, over the posts of `brand`
on `platform`, of engagements ÷ followers, as a fraction (0.034, not 3.4 %). Leave out posts
published when the account had 0 followers. If no posts are left after that, return `None`.

A median of 0 is a finding, not a bug: more than half of those posts got no engagement at all.
"""

S3 = '''
def median_er_by_followers(posts, brand, platform):
    """Return the median engagement rate by followers of a brand's posts on a platform.

    Args:
        posts: A table like world.posts (brand, platform, engagements, followers).
        brand: The brand's name.
        platform: A platform slug.

    Returns:
        A fraction such as 0.034, or None if no posts are left after that.
    """
    ### BEGIN SOLUTION
    mine = posts[(posts["brand"] == brand) & (posts["platform"] == platform) & (posts["followers"] > 0)]
    if len(mine) == 0:
        return None
    return float((mine["engagements"] / mine["followers"]).median())
    ### END SOLUTION


# Your brand on every platform where it posts: is the biggest audience the most engaged one?
pd.Series(
    {p: median_er_by_followers(world.posts, world.you, p) for p in sorted(world.posts["platform"].unique())},
    name="median ER by followers",
).sort_values(ascending=False)
'''

T3 = '''
"""Checks that median_er_by_followers gives a fraction between 0 and 1 where your brand posts most."""
from sandbox.grading.feedback import check_between, check_number

_p = world.posts.loc[world.posts["brand"] == world.you, "platform"].value_counts().index[0]
_er = median_er_by_followers(world.posts, world.you, _p)
check_number(_er, what=f"median_er_by_followers(world.posts, world.you, {_p!r})",
             hint="Return one number (a float), the median of engagements / followers.")
check_between(_er, 0, 1, what=f"median_er_by_followers(world.posts, world.you, {_p!r})",
              hint="Engagement rate is a fraction: 0.034 means 3.4 %. Do not multiply by 100.")
### BEGIN HIDDEN TESTS
from sandbox.exercises import reference_world
from sandbox.grading.feedback import check_close, check_equal

_w = reference_world(STUDENT_ID)
_posts = _w.posts
for (_b, _p), _g in _posts.groupby(["brand", "platform"]):
    _g = _g[_g["followers"] > 0]
    if len(_g):
        check_close(
            median_er_by_followers(_posts, _b, _p), float((_g["engagements"] / _g["followers"]).median()),
            what=f"median_er_by_followers(world.posts, {_b!r}, {_p!r}) in your world",
            hint="Divide each post's engagements by its followers, then take the median of those rates.",
        )
_small = pd.DataFrame({
    "brand": ["A", "A", "A", "A", "B"],
    "platform": ["pixa"] * 5,
    "engagements": [10, 30, 5, 7, 1],
    "followers": [100, 100, 0, 1000, 10],
})
check_close(median_er_by_followers(_small, "A", "pixa"), 0.1,
            what="median_er_by_followers on posts with rates 0.1, 0.3, 0.007 and one post at 0 followers",
            hint="Leave out posts whose followers are 0 before taking the median.")
check_equal(median_er_by_followers(_small, "A", "loop"), None,
            what="median_er_by_followers for a platform where the brand has no posts",
            hint="Return None when no posts are left.")
### END HIDDEN TESTS
'''

P4 = """
## Part 4 · Plan your first week (4 points)

Time for a decision. Plan **3 posts** for the platform you found in Part 2, for the first week
of your plan (the 7 days from `world.start_date`). The rules:

- every post goes on the `platform` you are given,
- the 3 posts are on 3 different days, all within the 7 days starting at `start_date`,
- every post goes out on the hour, at one of the platform's peak hours (the `peak_hours` column of
  `world.platforms`, text like `"10:00, 11:00, 12:00"`),
- every post uses the platform's native format (the `native_format` column).

Write `plan_first_week(platforms, platform, start_date)`: it returns a list of 3 dicts with the
keys `"platform"`, `"time"` (text like `"2026-03-03 11:00"`) and `"format"`. The world can run
such a plan: `world.run_plan(plan)`.
"""

S4 = '''
def plan_first_week(platforms, platform, start_date):
    """Return 3 posts for `platform` in the 7 days from `start_date`, following the rules above.

    Args:
        platforms: A table like world.platforms (platform, peak_hours, native_format).
        platform: A platform slug.
        start_date: The first day of the plan (a pandas Timestamp or text like "2026-03-02").

    Returns:
        A list of 3 dicts with keys "platform", "time" and "format".
    """
    ### BEGIN SOLUTION
    row = platforms[platforms["platform"] == platform].iloc[0]
    hours = [h.strip() for h in row["peak_hours"].split(",")]
    first_day = pd.Timestamp(start_date).normalize()
    plan = []
    for i, day in enumerate([0, 2, 4]):
        when = first_day + pd.Timedelta(days=day)
        plan.append({"platform": platform, "time": f"{when:%Y-%m-%d} {hours[i % len(hours)]}",
                     "format": row["native_format"]})
    return plan
    ### END SOLUTION


my_plan = plan_first_week(world.platforms, my_platform, world.start_date)
pd.DataFrame(my_plan)
'''

T4 = '''
"""Checks that plan_first_week gives 3 posts for Pixa that the world can run."""
from sandbox.grading.feedback import check_equal, check_type

_plan = plan_first_week(world.platforms, "pixa", world.start_date)
check_type(_plan, list, what="plan_first_week(...)", hint="Return a list of dicts: [{...}, {...}, {...}].")
check_equal(len(_plan), 3, what="the number of posts in your plan", hint="Plan exactly 3 posts.")
for _post in _plan:
    check_type(_post, dict, what="each post of the plan", hint='Each post is a dict like {"platform": ...}.')
    check_equal(sorted(_post), ["format", "platform", "time"], what="the keys of each post",
                hint='Use exactly the keys "platform", "time" and "format".')
    check_equal(_post["platform"], "pixa", what="the platform of each post",
                hint="Post on the platform you are given (the `platform` argument).")
world.run_plan(_plan)  # a plan the world cannot run raises an error that says what to fix
### BEGIN HIDDEN TESTS
from sandbox.exercises import reference_world
from sandbox.grading.feedback import check_true


def _check_rules(plan, platforms, platform, start):
    row = platforms[platforms["platform"] == platform].iloc[0]
    peaks = {h.strip() for h in row["peak_hours"].split(",")}
    first = pd.Timestamp(start).normalize()
    check_equal(len(plan), 3, what=f"the number of posts planned for {platform}",
                hint="Plan exactly 3 posts.")
    times = [pd.Timestamp(p["time"]) for p in plan]
    for p, t in zip(plan, times, strict=True):
        check_equal(p["platform"], platform, what=f"the platform of each post planned for {platform}",
                    hint="Use the `platform` argument.")
        check_true(first <= t < first + pd.Timedelta(days=7), what=f"the post at {p['time']}",
                   problem=f"is outside the 7 days from {first:%Y-%m-%d}.",
                   hint="Start from start_date and add 0 to 6 days (pd.Timedelta(days=...)).")
        check_true(f"{t:%H:%M}" in peaks and t.minute == 0, what=f"the post at {p['time']}",
                   problem=f"is not at a peak hour of {platform} ({row['peak_hours']}).",
                   hint="Take the hours from the peak_hours column of the row for this platform.")
        check_equal(p["format"], row["native_format"], what=f"the format of the post at {p['time']}",
                    hint="Use the native_format column of the row for this platform.")
    check_equal(len({t.date() for t in times}), 3, what=f"the days of the posts planned for {platform}",
                hint="Put the 3 posts on 3 different days.")

_w = reference_world(STUDENT_ID)
_acc = _w.accounts[_w.accounts["brand"] == _w.you]
_top = _acc.sort_values(["followers", "platform"], ascending=[False, True])["platform"].iloc[0]
_mine = plan_first_week(_w.platforms, _top, _w.start_date)
_check_rules(_mine, _w.platforms, _top, _w.start_date)
_w.run_plan(_mine)
for _p in ("beacon", "linkup"):
    _check_rules(plan_first_week(_w.platforms, _p, "2026-05-11"), _w.platforms, _p, "2026-05-11")
### END HIDDEN TESTS
'''


def build() -> Path:
    cells = [
        markdown("intro", INTRO),
        student_id_cell(),
        readonly("setup", SETUP),
        markdown("part1", P1),
        solution("count_users", S1),
        tests("q1_pixa_users", 2, T1),
        markdown("part2", P2),
        solution("top_platform", S2),
        tests("q2_top_platform", 3, T2),
        markdown("part3", P3),
        solution("median_er", S3),
        tests("q3_median_er_by_followers", 3, T3),
        markdown("part4", P4),
        solution("first_week_plan", S4),
        tests("q4_first_week_plan", 4, T4),
        *self_check_cells("00-welcome"),
    ]
    return write_notebook(OUT, cells)


if __name__ == "__main__":
    print(f"wrote {build()}")
