"""Write graders/source/01-audience/01-audience-exercise.ipynb (the instructor version).

Run from the repository root after changing this file, then rebuild the student copies:

    .venv/bin/python graders/authoring/build_01_audience.py
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

OUT = Path(__file__).resolve().parents[1] / "source" / "01-audience" / "01-audience-exercise.ipynb"

INTRO = """
# Audience exercise: who your followers are

Before you plan a single post, you need to know whom you are talking to. An SMM specialist
describes the audience with numbers: how the followers differ from everyone else, what they
care about, when they are online; then sums it all up in a **persona** the whole team can use
("would she stop scrolling for this post? is she online at 8 pm?"). In this exercise you do
that for **your own world**: every learner's world is built from their student id, so your
numbers are yours and differ from your classmates'.

The lesson **01-audience-lesson.ipynb** in this folder shows every tool you need. You may use
the `sandbox.analysis` helpers it introduced (`analysis.share_vs_reference`,
`analysis.interest_shares`, `analysis.platform_shares` ...) or write the pandas yourself.

**How this notebook works**

1. Write the id your instructor gave you in the next cell and run it. Working on your own?
   Any id you like works; leave it empty to use the practice world.
2. Run the cell after it: it builds your world (a second or two).
3. Each part says what to write and how many points it is worth. Replace
   `raise NotImplementedError()` with your code; keep the function's name and arguments.
4. Run the test cell under each part. A quiet test cell means your answer passed the visible
   checks; an error tells you what was expected and gives a hint. When your instructor grades
   the notebook, hidden tests also check your answers against your world and a few edge cases
   (other groups of people, other platforms, tiny tables).
5. Save the notebook (Ctrl+S) and run the last cell to check your work.
"""

SETUP = """
import pandas as pd

from sandbox import INTERESTS, PLATFORMS, analysis  # noqa: F401 - analysis: the lesson's helpers
from sandbox.exercises import student_world

world = student_world(STUDENT_ID)
people = world.people  # everyone in your world, one row per person
follows = world.audience("you")  # one row per follow: someone following you on 2 platforms appears twice
print(f"Your brand: {world.you} ({world.niche.replace('_', ' ')}), based in {world.brands.loc[0, 'city']}.")
print(f"{len(follows):,} follows of your brand; {len(people):,} people in the world.")
follows.head(3)
"""

P1 = """
## Part 1 · Your followers compared with everyone (3 points)

"30 % of our followers are 25–34" means little until you know how common that age is in the
whole population. A specialist always puts two shares side by side, and their ratio, the
**affinity index**: 100 means "as common among our followers as anywhere", 150 "one and a
half times as common", 50 "half as common".

Write `share_by(follows, people, column)`. It returns a DataFrame with **one row per value of
`column` found in `people`** (every age band, say; the values are the index) and three columns:

- `followers`: the share of your followers with that value. **Denominator: the number of
  different people who follow you.** `follows` has one row per *follow*, so someone who follows
  you on two platforms appears twice: count each person once
  (`follows.drop_duplicates("person_id")`).
- `world`: the share of everyone in `people` with that value (denominator: all rows of `people`).
- `index`: `followers` ÷ `world` × 100.

Shares are fractions (0.25, not 25 %). A value none of your followers has gets a `followers`
share of 0. Sort the rows by `followers`, largest first. The lesson's
`analysis.share_vs_reference(group, reference, column)` does most of the work (its share
columns are called `group` and `reference`).
"""

S1 = '''
def share_by(follows, people, column):
    """Compare the share of your followers with the share of everyone, for each value of `column`.

    Args:
        follows: A table like world.audience("you"): one row per follow (person_id, column ...).
        people: A table like world.people: everyone, one row per person.
        column: A column of both tables, e.g. "age_band", "gender" or "city".

    Returns:
        A DataFrame indexed by the values of `column`, with columns "followers", "world" and
        "index", sorted by "followers", largest first.
    """
    ### BEGIN SOLUTION
    followers = follows.drop_duplicates("person_id")
    table = analysis.share_vs_reference(followers, people, column)
    return table.rename(columns={"group": "followers", "reference": "world"})
    ### END SOLUTION


age = share_by(follows, people, "age_band")
print("Over-represented among your followers (index above 110):", age.index[age["index"] > 110].tolist())
age.round(3)
'''

T1 = '''
"""Checks that share_by gives one row per age band, named columns, shares that add up to 1, sorted."""
from sandbox.grading.feedback import check_close, check_equal, check_true, check_type

_t = share_by(follows, people, "age_band")
check_type(
    _t,
    pd.DataFrame,
    what='share_by(follows, people, "age_band")',
    hint="Return a DataFrame (a table) with one row per age band.",
)
check_equal(
    sorted(_t.columns),
    ["followers", "index", "world"],
    what="the columns of the table",
    hint='Name the columns exactly "followers", "world" and "index" '
    '(rename "group" and "reference" if you used analysis.share_vs_reference).',
)
check_equal(
    sorted(map(str, _t.index)),
    sorted(people["age_band"].unique()),
    what="the rows of the table (its index)",
    hint="One row per value of the column in `people` (here every age band), with the values as the index.",
)
check_close(
    _t["followers"].sum(),
    1.0,
    what="the followers shares added up",
    hint="Each share is a fraction of your followers, so together they make 1 (not 100).",
)
check_close(
    _t["world"].sum(),
    1.0,
    what="the world shares added up",
    hint="Each share is a fraction of everyone in `people`, so together they make 1 (not 100).",
)
check_true(
    _t["followers"].is_monotonic_decreasing,
    what="the order of the rows",
    problem="is not by the followers share, largest first.",
    hint='Sort with .sort_values("followers", ascending=False).',
)
### BEGIN HIDDEN TESTS
from sandbox.exercises import reference_world


def _value(table, row, col, what):
    check_true(
        row in table.index,
        what=what,
        problem=f"the table has no row for {row!r}.",
        hint="Keep one row per value found in `people`, with a share of 0 where none of your followers "
        "has it.",
    )
    return table.loc[row, col]


_w = reference_world(STUDENT_ID)
_people = _w.people
_follows = _w.audience("you")
_fol = _people.loc[_follows["person_id"].unique()]
for _col in ("age_band", "gender", "city"):
    _got = share_by(_follows, _people, _col)
    _exp_f = _fol[_col].value_counts(normalize=True)
    for _v, _ew in _people[_col].value_counts(normalize=True).items():
        _ef = float(_exp_f.get(_v, 0.0))
        _what = f"share_by(follows, people, {_col!r}) for {_v!r} in your world"
        check_close(
            _value(_got, _v, "followers", _what),
            _ef,
            what=f"the followers share in {_what}",
            hint="Count each follower once (drop_duplicates on person_id), then divide by the number of "
            "different followers.",
        )
        check_close(
            _value(_got, _v, "world", _what),
            float(_ew),
            what=f"the world share in {_what}",
            hint="Divide the number of people in `people` with that value by len(people).",
        )
        check_close(
            _value(_got, _v, "index", _what),
            _ef / float(_ew) * 100,
            what=f"the index in {_what}",
            hint="index = followers share / world share * 100.",
            abs_tol=1e-6,
        )

_tiny_people = pd.DataFrame({"person_id": [0, 1, 2, 3], "age_band": ["18-24", "25-34", "25-34", "35-44"]})
_tiny_follows = pd.DataFrame(
    {"person_id": [0, 0, 1], "platform": ["pixa", "loop", "pixa"], "age_band": ["18-24", "18-24", "25-34"]}
)
_got = share_by(_tiny_follows, _tiny_people, "age_band")
_what = "share_by on a tiny world where person 0 (18-24) follows you on 2 platforms and person 1 (25-34) on 1"
check_close(
    _value(_got, "18-24", "followers", _what),
    0.5,
    what=f"the 18-24 followers share in {_what}",
    hint="The denominator is the number of different people who follow you: 2 here, not 3 follows.",
)
check_close(
    _value(_got, "35-44", "followers", _what),
    0.0,
    what=f"the 35-44 followers share in {_what}",
    hint="A value none of your followers has stays in the table with a share of 0.",
)
check_close(
    _value(_got, "25-34", "index", _what),
    100.0,
    what=f"the 25-34 index in {_what}",
    hint="Half of the followers and half of the world are 25-34, so the index is 100.",
)
### END HIDDEN TESTS
'''

FOLLOWERS = """
# From here on: one row per follower (someone who follows you on two platforms counts once).
followers = follows.drop_duplicates("person_id")
print(f"{len(followers):,} different people follow {world.you}.")
"""

P2 = """
## Part 2 · What your followers care about (3 points)

Interests tell you **what to talk about**: the niche's own interests, and the others that give
topics for posts that are not about your product. Each person's `interests` column is text
such as `"coffee, travel, music"`.

Write `top_interests(group, n)`: it returns a **list** of the `n` interests held by the most
people in `group`, the most common first (share = people in the group holding the interest ÷
people in the group). Rules:

- if the group holds fewer than `n` different interests, return all of them; never list an
  interest nobody in the group holds (an empty group gives `[]`);
- when two interests are held by exactly as many people, either order is accepted.

`analysis.interest_shares(group)` gives the share of the group holding each interest; or split
the text yourself with `.str.split(", ").explode().value_counts()`.
"""

S2 = '''
def top_interests(group, n):
    """Return the n most common interests in `group`, most common first (a list of names).

    Args:
        group: Rows of the people table (one row per person), e.g. your followers.
        n: How many interests to list.
    """
    ### BEGIN SOLUTION
    shares = analysis.interest_shares(group)
    return list(shares[shares > 0].index[:n])
    ### END SOLUTION


print("Your followers' top 5 interests:", top_interests(followers, 5))
print("Everyone's top 5 interests:     ", top_interests(people, 5))
'''

T2 = '''
"""Checks that top_interests lists 5 different interest names for your followers."""
from sandbox.grading.feedback import check_equal, check_in, check_type

_top = top_interests(followers, 5)
check_type(
    _top,
    list,
    what="top_interests(followers, 5)",
    hint='Return a list of names, e.g. ["coffee", "music", "travel"]; list(series.index[:n]) makes one.',
)
check_equal(len(_top), 5, what="how many interests top_interests(followers, 5) lists", hint="List n of them.")
check_equal(
    len(set(_top)), len(_top), what="the interests in your list", hint="Each interest appears only once."
)
for _i in _top:
    check_in(
        _i,
        sorted(INTERESTS),
        what="each interest in your list",
        hint='Use the names found in the interests column, such as "coffee", one per list item.',
    )
### BEGIN HIDDEN TESTS
from sandbox.exercises import reference_world


def _check_top(got, group, n, what):
    held = group["interests"].str.split(", ").explode() if len(group) else pd.Series(dtype="str")
    counts = held[held != ""].value_counts()
    check_type(got, list, what=what, hint="Return a list of interest names.")
    check_equal(
        len(got),
        min(n, len(counts)),
        what=f"how many interests {what} lists",
        hint="List n interests, or every interest the group holds when it holds fewer than n.",
    )
    check_equal(
        len(set(got)), len(got), what=f"the interests in {what}", hint="Each interest appears only once."
    )
    for _name in got:
        check_in(
            _name,
            list(counts.index),
            what=f"each interest in {what}",
            hint="List only interests that at least one person of the group holds.",
        )
    check_equal(
        [int(counts[_name]) for _name in got],
        [int(c) for c in counts.sort_values(ascending=False).iloc[:n]],
        what=f"how many people hold each interest of {what}, in your order",
        hint="Take the interests held by the most people in the group you are given, most common first.",
    )


_w = reference_world(STUDENT_ID)
_fol = _w.people.loc[_w.audience("you")["person_id"].unique()]
_check_top(top_interests(_fol, 3), _fol, 3, "top_interests(followers, 3) in your world")
_check_top(top_interests(_fol, 8), _fol, 8, "top_interests(followers, 8) in your world")
_young = _fol[_fol["age"] < 25]
_check_top(top_interests(_young, 3), _young, 3, "top_interests for your followers under 25")
_tiny = pd.DataFrame({"interests": ["coffee, music", "music", "books, music"]})
_check_top(
    top_interests(_tiny, 10),
    _tiny,
    10,
    "top_interests(group, 10) for 3 people holding 3 different interests",
)
check_equal(
    top_interests(_tiny, 1),
    ["music"],
    what="top_interests(group, 1) when all 3 people like music",
    hint="Count people per interest in the group you are given.",
)
check_equal(
    top_interests(_tiny.iloc[0:0], 3),
    [],
    what="top_interests of an empty group",
    hint="An empty group holds no interest: return an empty list.",
)
### END HIDDEN TESTS
'''

P3 = """
## Part 3 · When your followers are online (3 points)

A post stays near the top of a feed for a few hours; published while your followers sleep or
work, it is buried by the time they scroll. `world.activity(group, platform="pixa")` tells
when a group of people is online on a platform: a table of 7 weekdays × 24 hours where **1.0
is the group's average hour** (2.0 twice as many online, 0.3 a quiet hour).

Write `peak_hour(world, group, platform)`: the hour (a whole number 0–23) when the largest
number of the group's members is online on `platform`, averaged over the week. Rules:

- keep only the people of `group` who use `platform` (the `on_<platform>` column): someone
  who is not on a platform never sees your post there;
- average the table over the 7 days (`.mean()` gives one value per hour) and return the hour
  with the highest value (`.idxmax()`);
- if nobody in the group uses the platform, return `None`.
"""

S3 = '''
def peak_hour(world, group, platform):
    """Return the hour (0-23) when the members of `group` who use `platform` are most online there.

    Args:
        world: Your world (for world.activity).
        group: Rows of the people table, e.g. your followers.
        platform: A platform slug such as "pixa".

    Returns:
        A whole number from 0 to 23, or None if nobody in the group uses the platform.
    """
    ### BEGIN SOLUTION
    users = group[group[f"on_{platform}"]]
    if len(users) == 0:
        return None
    return int(world.activity(users, platform=platform).mean().idxmax())
    ### END SOLUTION


# Your followers' peak hour on every platform: each network has its own rhythm.
pd.Series({p: peak_hour(world, followers, p) for p in PLATFORMS}, name="peak hour of your followers")
'''

T3 = '''
"""Checks that peak_hour gives an hour from 0 to 23 on Pixa, and None for a group not on Pixa."""
from sandbox.grading.feedback import check_between, check_equal, check_whole_number

_h = peak_hour(world, followers, "pixa")
check_whole_number(
    _h,
    what='peak_hour(world, followers, "pixa")',
    hint="Return the hour itself, a whole number such as 12 (the column label of the busiest hour), "
    "not the activity level.",
)
check_between(
    _h,
    0,
    23,
    what='peak_hour(world, followers, "pixa")',
    hint="Hours of the day run from 0 to 23.",
)
_off_pixa = followers[~followers["on_pixa"]]
if len(_off_pixa):
    check_equal(
        peak_hour(world, _off_pixa, "pixa"),
        None,
        what='peak_hour for followers who do not use Pixa, on "pixa"',
        hint="Keep only the people who use the platform; when nobody is left, return None.",
    )
### BEGIN HIDDEN TESTS
from sandbox.exercises import reference_world

_w = reference_world(STUDENT_ID)
_people = _w.people
_fol = _people.loc[_w.audience("you")["person_id"].unique()]
for _p in PLATFORMS:
    _users = _fol[_fol[f"on_{_p}"]]
    _exp = int(_w.activity(_users, platform=_p).mean().idxmax()) if len(_users) else None
    check_equal(
        peak_hour(_w, _fol, _p),
        _exp,
        what=f"peak_hour(world, followers, {_p!r}) in your world",
        hint="Keep the followers who use the platform, average world.activity over the 7 days, take idxmax.",
    )
_late = _people[_people["on_chirp"] & (_people["chronotype_shift"] >= 2)]
_early = _people[~_people["on_chirp"] & (_people["chronotype_shift"] <= -2)]
check_equal(
    peak_hour(_w, pd.concat([_late, _early]), "chirp"),
    int(_w.activity(_late, platform="chirp").mean().idxmax()),
    what="peak_hour on Chirp for late risers who use Chirp mixed with early birds who do not",
    hint="Only the people who use the platform count: filter the group on its on_<platform> column first.",
)
### END HIDDEN TESTS
'''

P4 = """
## Part 4 · Your persona, in numbers (5 points)

A **persona** is a portrait of a typical customer. A useful one is built from numbers, not
imagination. Write `build_persona(world, followers)`: it returns a **dict** describing your
followers, with exactly these keys:

| key | what it holds |
| --- | --- |
| `"median_age"` | their median age, in years |
| `"female_share"` | the share of women among them (a fraction, 0.62 not 62) |
| `"top_city"` | the most common city among them |
| `"top_interests"` | their 3 most common interests, a list (Part 2's `top_interests`) |
| `"main_platform"` | the slug of the platform the largest share of them use (`analysis.platform_shares`) |
| `"peak_hour"` | their busiest hour on that main platform (Part 3's `peak_hour`) |

**The decision that matters: describe customers, not fake accounts.** Before computing
anything, leave out bots, spammers and trolls (the `role` column; keep `"regular"` and
`"influencer"`). Every figure above uses the people left as its denominator.

The grader compares your persona with your world, with tolerances: median age within 1 year,
female share within 0.02, peak hour within 1 hour; where two cities, interests or platforms
tie, either is accepted. It also tries your function on a group full of bots.
"""

S4 = '''
def build_persona(world, followers):
    """Return the persona of `followers` (bots, spammers and trolls left out) as a dict.

    Args:
        world: Your world (for the peak hour).
        followers: Rows of the people table, one per follower.

    Returns:
        A dict with the keys "median_age", "female_share", "top_city", "top_interests",
        "main_platform" and "peak_hour".
    """
    ### BEGIN SOLUTION
    humans = followers[~followers["role"].isin(["bot", "spammer", "troll"])]
    main = str(analysis.platform_shares(humans).idxmax())
    return {
        "median_age": float(humans["age"].median()),
        "female_share": float((humans["gender"] == "female").mean()),
        "top_city": str(humans["city"].value_counts().idxmax()),
        "top_interests": top_interests(humans, 3),
        "main_platform": main,
        "peak_hour": peak_hour(world, humans, main),
    }
    ### END SOLUTION


persona = build_persona(world, followers)
print(
    f"Core persona of {world.you}: about {persona['median_age']:.0f} years old, "
    f"{persona['female_share']:.0%} women, lives in {persona['top_city']}, "
    f"cares about {', '.join(persona['top_interests'])}, uses {persona['main_platform']} most "
    f"and is most likely there around {persona['peak_hour']}:00."
)
'''

T4 = '''
"""Checks that build_persona gives a dict with the six keys, each of the right kind and in range."""
from sandbox.grading.feedback import check_between, check_equal, check_in, check_type, check_whole_number

_persona = build_persona(world, followers)
check_type(
    _persona,
    dict,
    what="build_persona(world, followers)",
    hint='Return a dict: {"median_age": ..., "female_share": ..., ...}.',
)
check_equal(
    sorted(_persona),
    sorted(["median_age", "female_share", "top_city", "top_interests", "main_platform", "peak_hour"]),
    what="the keys of your persona",
    hint="Use exactly the six keys of the table above, spelled the same way.",
)
check_between(
    _persona["median_age"], 13, 65, what='persona["median_age"]', hint="An age in years: people are 13 to 65."
)
check_between(
    _persona["female_share"],
    0,
    1,
    what='persona["female_share"]',
    hint="A share is a fraction between 0 and 1: do not multiply by 100.",
)
check_in(
    _persona["top_city"],
    sorted(people["city"].unique()),
    what='persona["top_city"]',
    hint="The name of a city, as written in the city column.",
)
check_type(
    _persona["top_interests"], list, what='persona["top_interests"]', hint="A list of 3 interest names."
)
check_equal(
    len(set(_persona["top_interests"])),
    3,
    what='the number of different interests in persona["top_interests"]',
    hint="List 3 different interests (top_interests(..., 3) from Part 2).",
)
check_in(
    _persona["main_platform"],
    list(PLATFORMS),
    what='persona["main_platform"]',
    hint='A platform slug such as "pixa", not its display name.',
)
check_whole_number(
    _persona["peak_hour"], what='persona["peak_hour"]', hint="An hour of the day, a whole number 0 to 23."
)
check_between(_persona["peak_hour"], 0, 23, what='persona["peak_hour"]', hint="Hours run from 0 to 23.")
### BEGIN HIDDEN TESTS
from sandbox.exercises import reference_world
from sandbox.grading.feedback import check_close, check_true


def _check_persona(got, world, group, what):
    humans = group[~group["role"].isin(["bot", "spammer", "troll"])]
    bots_hint = "Leave out bots, spammers and trolls (the role column) before computing anything."
    check_type(got, dict, what=what, hint="Return a dict.")
    check_close(
        got["median_age"],
        float(humans["age"].median()),
        what=f'"median_age" of {what}',
        hint=f"The median of the age column. {bots_hint}",
        rel=0,
        abs_tol=1.0,
    )
    check_close(
        got["female_share"],
        float((humans["gender"] == "female").mean()),
        what=f'"female_share" of {what}',
        hint=f"The number of women divided by the number of people left. {bots_hint}",
        rel=0,
        abs_tol=0.02,
    )
    cities = humans["city"].value_counts()
    check_true(
        int(cities.get(got["top_city"], 0)) == int(cities.max()),
        what=f'"top_city" of {what}',
        problem=f"{got['top_city']!r} is not the most common city among them.",
        hint=f"value_counts() on the city column, then the first (most common) city. {bots_hint}",
    )
    held = humans["interests"].str.split(", ").explode().value_counts()
    top = got["top_interests"]
    check_true(
        isinstance(top, list) and len(top) == 3 and len(set(top)) == 3,
        what=f'"top_interests" of {what}',
        problem="is not a list of 3 different interests.",
        hint="Use top_interests(group, 3) from Part 2.",
    )
    check_equal(
        [int(held.get(i, 0)) for i in top],
        [int(c) for c in held.iloc[:3]],
        what=f'how many people hold each of the "top_interests" of {what}',
        hint=f"The 3 interests held by the most people, most common first. {bots_hint}",
    )
    shares = humans[[f"on_{p}" for p in PLATFORMS]].mean()
    main = got["main_platform"]
    check_true(
        main in PLATFORMS and abs(float(shares[f"on_{main}"]) - float(shares.max())) < 1e-12,
        what=f'"main_platform" of {what}',
        problem=f"{main!r} is not the platform the largest share of them use.",
        hint="analysis.platform_shares(group).idxmax(), or the on_<platform> column with the highest "
        f"mean. {bots_hint}",
    )
    users = humans[humans[f"on_{main}"]]
    expected = int(world.activity(users, platform=main).mean().idxmax())
    check_whole_number(got["peak_hour"], what=f'"peak_hour" of {what}', hint="A whole number from 0 to 23.")
    gap = abs(int(got["peak_hour"]) - expected) % 24
    check_true(
        min(gap, 24 - gap) <= 1,
        what=f'"peak_hour" of {what}',
        problem=f"{got['peak_hour']}:00 is more than an hour away from their busiest hour on {main}.",
        hint=f"Use peak_hour(world, group, main_platform) from Part 3, on the people left. {bots_hint}",
    )


_w = reference_world(STUDENT_ID)
_people = _w.people
_fol = _people.loc[_w.audience("you")["person_id"].unique()]
_check_persona(build_persona(_w, _fol), _w, _fol, "build_persona(world, followers) in your world")

_regular = _people[(_people["role"] == "regular") & (_people["age"] >= 50)]
_city = _regular["city"].value_counts().index[0]
_regular = _regular[_regular["city"] == _city].head(7)
_bots = _people[(_people["role"] == "bot") & (_people["age"] < 30) & (_people["city"] != _city)].head(15)
_mixed = pd.concat([_regular, _bots])
_check_persona(
    build_persona(_w, _mixed), _w, _mixed, "build_persona for 7 customers aged 50+ among 15 young bots"
)
### END HIDDEN TESTS
'''


def build() -> Path:
    cells = [
        markdown("intro", INTRO),
        student_id_cell(),
        readonly("setup", SETUP),
        markdown("part1", P1),
        solution("share_by", S1),
        tests("q1_followers_vs_world_shares", 3, T1),
        readonly("followers", FOLLOWERS),
        markdown("part2", P2),
        solution("top_interests", S2),
        tests("q2_top_interests", 3, T2),
        markdown("part3", P3),
        solution("peak_hour", S3),
        tests("q3_peak_hour", 3, T3),
        markdown("part4", P4),
        solution("build_persona", S4),
        tests("q4_persona", 5, T4),
        *self_check_cells("01-audience"),
    ]
    return write_notebook(OUT, cells)


if __name__ == "__main__":
    print(f"wrote {build()}")
