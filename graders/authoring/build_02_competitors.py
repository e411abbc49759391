"""Write graders/source/02-competitors/02-competitors-exercise.ipynb (the instructor version).

Run from the repository root after changing this file, then rebuild the student copies:

    .venv/bin/python graders/authoring/build_02_competitors.py
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

OUT = Path(__file__).resolve().parents[1] / "source" / "02-competitors" / "02-competitors-exercise.ipynb"

INTRO = """
# Competitors exercise: what the others do, and where they leave a gap

Your competitors talk to the people you want to reach, and they do it in public: every post
they published is an experiment on your audience whose result you can read. In this exercise
you review the competitors of **your own world** the way a specialist does for a strategy or a
quarterly report: how often they post, what they post, how well it works (with a stated
denominator), who leads, which post worked best, and where they leave a gap you can use.
Every learner's world is built from their student id, so your numbers are yours.

The lesson **02-competitors-lesson.ipynb** in this folder shows every tool you need. You may use
the `sandbox.analysis` helpers it introduced (`analysis.posts_per_week`,
`analysis.engagement_rate` ...) or write the pandas yourself.

**How this notebook works**

1. Write the id your instructor gave you in the next cell and run it. Working on your own?
   Any id you like works; leave it empty to use the practice world.
2. Run the cell after it: it builds your world (a second or two).
3. Each part says what to write and how many points it is worth. Replace
   `raise NotImplementedError()` with your code; keep the function's name and arguments.
4. Run the test cell under each part. A quiet test cell means your answer passed the visible
   checks; an error tells you what was expected and gives a hint. When your instructor grades
   the notebook, hidden tests also check your answers against your world and a few edge cases
   (other brands and platforms, tiny tables).
5. Save the notebook (Ctrl+S) and run the last cell to check your work.
"""

SETUP = """
import pandas as pd

from sandbox import PLATFORMS, analysis  # noqa: F401 - analysis: the lesson's helpers, for your answers
from sandbox.exercises import student_world

world = student_world(STUDENT_ID)
posts = world.posts  # the public posts of every brand (yours included, as a benchmark)
competitors = world.brands.loc[~world.brands["is_you"], "name"].tolist()
print(f"Your brand: {world.you} ({world.niche.replace('_', ' ')}). Competitors: {', '.join(competitors)}.")
print(f"{len(posts):,} public posts over the {world.history_days} days before {world.start_date:%Y-%m-%d}.")
world.accounts.pivot(index="brand", columns="platform", values="followers")  # followers per account
"""

P1 = """
## Part 1 · How often they post (3 points)

Frequency is counted in **posts per week**, per brand and platform. Too rarely, and followers
forget the brand; more often than the audience takes, and each extra post reaches fewer people.

Write `posts_per_week(posts, days)`. It returns a DataFrame with one row per brand found in
`posts` (brand names as the index) and one column per platform found in `posts` (slugs such as
`"pixa"`): the brand's number of posts on that platform ÷ the number of weeks in the period.
Rules:

- **Denominator: the whole period, `days / 7` weeks**, the same for every brand (call it with
  `world.history_days`). Not the time between a brand's first and last post: a brand that went
  quiet a month ago did post less often.
- 0 where a brand never posted on a platform.

`analysis.posts_per_week` from the lesson does this; read its help (`help(analysis.posts_per_week)`).
"""

S1 = '''
def posts_per_week(posts, days):
    """Return posts per week for each brand (rows) on each platform (columns).

    Args:
        posts: A table like world.posts (brand, platform ...).
        days: The length of the period the posts cover, in days.
    """
    ### BEGIN SOLUTION
    return analysis.posts_per_week(posts, days)
    ### END SOLUTION


freq = posts_per_week(posts, world.history_days)
comfortable = world.platforms.set_index("platform")["sustainable_posts_per_day"] * 7
print("Posts a week each platform's audience takes comfortably:", comfortable.round(1).to_dict())
freq.round(1)
'''

T1 = '''
"""Checks that posts_per_week has a row per brand, a column per platform, and no negative or missing value."""
from sandbox.grading.feedback import check_equal, check_true, check_type

_f = posts_per_week(posts, world.history_days)
check_type(
    _f,
    pd.DataFrame,
    what="posts_per_week(posts, world.history_days)",
    hint="Return a DataFrame: brands as rows, platforms as columns.",
)
check_equal(
    sorted(map(str, _f.index)),
    sorted(posts["brand"].unique()),
    what="the rows of the table (its index)",
    hint="One row per brand found in posts, brand names as the index (groupby brand and platform, then "
    "unstack).",
)
check_equal(
    sorted(map(str, _f.columns)),
    sorted(posts["platform"].unique()),
    what="the columns of the table",
    hint="One column per platform found in posts, named by its slug.",
)
check_true(
    bool(_f.notna().all().all()) and bool((_f >= 0).all().all()),
    what="the values of the table",
    problem="some are missing (NaN) or negative.",
    hint="Where a brand never posted on a platform, write 0: .unstack(fill_value=0).",
)
### BEGIN HIDDEN TESTS
from sandbox.exercises import reference_world
from sandbox.grading.feedback import check_close as _check_close


def _check_freq(got, posts, days, what):
    counts = posts.groupby(["brand", "platform"]).size().unstack(fill_value=0)
    for _b in counts.index:
        for _p in counts.columns:
            check_true(
                _b in got.index and _p in got.columns,
                what=what,
                problem=f"has no value for {_b!r} on {_p!r}.",
                hint="Keep every brand as a row and every platform as a column, with 0 where there are "
                "no posts.",
            )
            _check_close(
                got.loc[_b, _p],
                counts.loc[_b, _p] / (days / 7),
                what=f"{what}: {_b} on {_p}",
                hint="Divide the number of posts by the weeks in the whole period, days / 7, using the days "
                "you are given (not the dates of the first and last post).",
            )


_posts = reference_world(STUDENT_ID).posts
_check_freq(posts_per_week(_posts, 90), _posts, 90, "posts_per_week(posts, 90) in your world")
_check_freq(posts_per_week(_posts, 180), _posts, 180, "posts_per_week(posts, 180) in your world")
_tiny = pd.DataFrame(
    {
        "brand": ["A", "A", "A", "B", "B"],
        "platform": ["pixa", "pixa", "pixa", "loop", "loop"],
        "time": pd.to_datetime(
            ["2026-01-05 10:00", "2026-01-06 10:00", "2026-01-07 10:00"]
            + ["2026-01-05 09:00", "2026-01-05 18:00"]
        ),
    }
)
_check_freq(
    posts_per_week(_tiny, 14),
    _tiny,
    14,
    "posts_per_week over 14 days where A posted 3 times on Pixa in one week and B twice on Loop in one day",
)
### END HIDDEN TESTS
'''

P2 = """
## Part 2 · What they post: content mix (2 points)

A **rubric** is the kind of post: informative, entertaining, commercial, contest. A brand that
only sells gets ignored; one that only entertains forgets to sell. The **format** (image,
short video, poll ...) matters too. The mix shows each competitor's strategy.

Write `content_mix(posts, brand, column)`: the share of the brand's posts for each value of
`column` (`"rubric"` or `"format"`), as a pandas Series with the values as its index, largest
share first. **Denominator: all the brand's posts, on every platform**, so the shares add up
to 1. If the brand has no posts in the table, return an empty Series.
`value_counts(normalize=True)` gives shares.
"""

S2 = '''
def content_mix(posts, brand, column):
    """Return the share of `brand`'s posts for each value of `column` ("rubric" or "format").

    Args:
        posts: A table like world.posts.
        brand: A brand name.
        column: "rubric" or "format".

    Returns:
        A Series: value -> share (0..1), largest first; empty if the brand has no posts.
    """
    ### BEGIN SOLUTION
    mine = posts[posts["brand"] == brand]
    return mine[column].value_counts(normalize=True)
    ### END SOLUTION


mix = pd.DataFrame({b: content_mix(posts, b, "rubric") for b in sorted(posts["brand"].unique())}).T.fillna(0)
mix.round(2)
'''

T2 = '''
"""Checks that content_mix gives rubric shares of your first competitor that add up to 1, largest first."""
from sandbox.grading.feedback import check_close, check_in, check_true, check_type

_mix = content_mix(posts, competitors[0], "rubric")
check_type(
    _mix,
    pd.Series,
    what="content_mix(posts, competitors[0], 'rubric')",
    hint="Return a pandas Series: rubric -> share; value_counts(normalize=True) gives one.",
)
for _v in _mix.index:
    check_in(
        _v,
        sorted(posts["rubric"].unique()),
        what="each value in the index of your Series",
        hint="The index holds the rubrics themselves, e.g. 'commercial'.",
    )
check_close(
    _mix.sum(),
    1.0,
    what="the shares added up",
    hint="Divide by all the brand's posts, so the shares add up to 1 (fractions, not percent).",
)
check_true(
    _mix.is_monotonic_decreasing,
    what="the order of your Series",
    problem="is not largest share first.",
    hint="value_counts sorts for you; or use .sort_values(ascending=False).",
)
### BEGIN HIDDEN TESTS
from sandbox.exercises import reference_world

_posts = reference_world(STUDENT_ID).posts
for _b in sorted(_posts["brand"].unique()):
    _mine = _posts[_posts["brand"] == _b]
    for _col in ("rubric", "format"):
        _got = content_mix(_posts, _b, _col)
        _exp = _mine[_col].value_counts(normalize=True)
        for _v in set(_exp.index) | set(_got.index):
            check_close(
                float(_got.get(_v, 0.0)),
                float(_exp.get(_v, 0.0)),
                what=f"content_mix(posts, {_b!r}, {_col!r}): the share of {_v!r} in your world",
                hint="Keep only the brand's rows (on every platform), then value_counts(normalize=True) "
                "on the column.",
            )
_none = content_mix(_posts, "No Such Brand", "rubric")
check_true(
    isinstance(_none, pd.Series) and len(_none) == 0,
    what="content_mix for a brand with no posts",
    problem=f"gave {_none!r} instead of an empty Series.",
    hint="Filter the rows of the brand first; value_counts of no rows is an empty Series.",
)
### END HIDDEN TESTS
'''

P3 = """
## Part 3 · Engagement rate and the competitor ranking (4 points)

Engagements are likes + comments + shares + saves (the `engagements` column). An **engagement
rate** divides them by something, and you must always say what:

- **by followers**: engagements ÷ `followers` (the account's followers when the post went out),
  how much of the community reacts, the usual benchmark figure;
- **by reach**: engagements ÷ `reach` (the people who saw the post), how convincing the post was
  for those who saw it.

Engagement differs far more between platforms than between brands, so compare **one platform
at a time**. Write two functions:

1. `engagement_rates(posts, platform, denominator)`: for each brand with posts on `platform`,
   the **mean over its posts there** of engagements ÷ `denominator` (`"followers"` or
   `"reach"`), as a Series indexed by brand name. Leave out posts whose denominator is 0 (a
   post nobody saw has no rate; the ready-made `er_reach` column holds 0 for such posts, so do
   not average that column as it is). For any other `denominator`, raise a `ValueError` whose
   message names the two allowed values.
2. `rank_brands(posts, platform, denominator)`: **the decision**, a list of brand names, best
   engagement rate first (your own brand included, as a benchmark). Brands with exactly the
   same rate: alphabetical order.
"""

S3 = '''
def engagement_rates(posts, platform, denominator):
    """Return each brand's mean engagement rate per post on `platform`, by followers or by reach.

    Args:
        posts: A table like world.posts.
        platform: A platform slug.
        denominator: "followers" or "reach".

    Returns:
        A Series: brand name -> mean of engagements / denominator (0.012 = 1.2 %).

    Raises:
        ValueError: If denominator is not "followers" or "reach".
    """
    ### BEGIN SOLUTION
    if denominator not in ("followers", "reach"):
        raise ValueError(f"denominator must be 'followers' or 'reach', got {denominator!r}")
    on = posts[(posts["platform"] == platform) & (posts[denominator] > 0)]
    return (on["engagements"] / on[denominator]).groupby(on["brand"]).mean()
    ### END SOLUTION


def rank_brands(posts, platform, denominator):
    """Return the brand names on `platform`, best engagement rate first (ties: alphabetical).

    Args:
        posts: A table like world.posts.
        platform: A platform slug.
        denominator: "followers" or "reach".
    """
    ### BEGIN SOLUTION
    rates = engagement_rates(posts, platform, denominator)
    table = pd.DataFrame({"brand": rates.index, "er": rates.to_numpy()})
    return table.sort_values(["er", "brand"], ascending=[False, True])["brand"].tolist()
    ### END SOLUTION


shared = world.accounts["platform"].value_counts().idxmax()  # the platform most brands are on
print(f"On {shared}, by followers:", rank_brands(posts, shared, "followers"))
print(f"On {shared}, by reach:    ", rank_brands(posts, shared, "reach"))
pd.DataFrame({d: engagement_rates(posts, shared, d) for d in ("followers", "reach")}).style.format("{:.2%}")
'''

T3 = '''
"""Checks ER and ranking on your most shared platform, and the error for a wrong denominator."""
from sandbox.grading.feedback import check_equal, check_number, check_true, check_type, fail

_shared = world.accounts["platform"].value_counts().idxmax()
_brands_there = sorted(posts.loc[posts["platform"] == _shared, "brand"].unique())
_er = engagement_rates(posts, _shared, "reach")
check_type(
    _er,
    pd.Series,
    what=f"engagement_rates(posts, {_shared!r}, 'reach')",
    hint="Return a Series indexed by brand name (groupby the brand column).",
)
check_equal(
    sorted(map(str, _er.index)),
    _brands_there,
    what=f"the brands in engagement_rates(posts, {_shared!r}, 'reach')",
    hint="One value per brand that posted on the platform; keep only that platform's posts.",
)
for _b, _v in _er.items():
    check_number(_v, what=f"the engagement rate of {_b}", hint="Each rate is a number such as 0.034.")
    check_true(
        _v >= 0,
        what=f"the engagement rate of {_b}",
        problem=f"is negative ({_v}).",
        hint="Divide engagements by the denominator column.",
    )
_rank = rank_brands(posts, _shared, "followers")
check_type(
    _rank, list, what=f"rank_brands(posts, {_shared!r}, 'followers')", hint="Return a list of brand names."
)
check_equal(
    sorted(_rank),
    _brands_there,
    what="the brands in your ranking",
    hint="Every brand that posted on the platform, each once.",
)
try:
    engagement_rates(posts, _shared, "likes")
except ValueError as _err:
    check_true(
        "followers" in str(_err) and "reach" in str(_err),
        what="the error for denominator='likes'",
        problem=f"does not name the allowed denominators: {_err}",
        hint="Say what is allowed, e.g. raise ValueError(f\\"denominator must be 'followers' or 'reach', "
        "got {denominator!r}\\").",
    )
else:
    fail(
        "engagement_rates(posts, platform, 'likes')",
        "did not raise a ValueError.",
        "Check the denominator first: if it is not 'followers' or 'reach', raise ValueError(...).",
    )
### BEGIN HIDDEN TESTS
from sandbox.exercises import reference_world
from sandbox.grading.feedback import check_close

_posts = reference_world(STUDENT_ID).posts
for _p in sorted(_posts["platform"].unique()):
    for _d in ("followers", "reach"):
        _on = _posts[(_posts["platform"] == _p) & (_posts[_d] > 0)]
        _exp = (_on["engagements"] / _on[_d]).groupby(_on["brand"]).mean()
        _got = engagement_rates(_posts, _p, _d)
        for _b, _v in _exp.items():
            check_close(
                _got.get(_b),
                _v,
                what=f"engagement_rates(posts, {_p!r}, {_d!r}) for {_b} in your world",
                hint=f"The mean, over the brand's posts on {_p}, of engagements / {_d}, leaving out posts "
                f"whose {_d} is 0.",
            )
        _order = sorted(_exp.index, key=lambda b: (-_exp[b], b))
        check_equal(
            rank_brands(_posts, _p, _d),
            _order,
            what=f"rank_brands(posts, {_p!r}, {_d!r}) in your world",
            hint="Sort the brands by their engagement rate, highest first; ties in alphabetical order.",
        )
_tiny = pd.DataFrame(
    {
        "brand": ["A", "A", "B", "C", "D"],
        "platform": ["pixa", "pixa", "pixa", "pixa", "loop"],
        "engagements": [10, 0, 6, 5, 50],
        "followers": [100, 100, 50, 100, 10],
        "reach": [50, 0, 60, 100, 10],
    }
)
check_equal(
    rank_brands(_tiny, "pixa", "followers"),
    ["B", "A", "C"],
    what="rank_brands by followers where B has 0.12 and A and C both 0.05",
    hint="Highest first; A and C tie, so alphabetical; D posts on another platform only.",
)
check_equal(
    rank_brands(_tiny, "pixa", "reach"),
    ["A", "B", "C"],
    what="rank_brands by reach where A's second post reached nobody",
    hint="Leave out posts whose reach is 0: A's rate by reach is 10 / 50 = 0.2.",
)
### END HIDDEN TESTS
'''

P4 = """
## Part 4 · A competitor's best post (2 points)

The best posts show what already works with the audience you share. Write
`best_post(posts, brand, platform)`: the `post_id` of the brand's post on `platform` with the
highest engagement rate **by followers** (engagements ÷ followers). Rules:

- leave out contests (`rubric == "contest"`): a giveaway buys likes and comments with a prize,
  so it says little about what content people like;
- leave out posts published when the account had 0 followers;
- return the id as a whole number, or `None` if no post is left. Posts tied for the best: any
  of them is accepted.
"""

S4 = '''
def best_post(posts, brand, platform):
    """Return the post_id of the brand's best non-contest post on `platform`, by engagement rate by followers.

    Args:
        posts: A table like world.posts.
        brand: A brand name.
        platform: A platform slug.

    Returns:
        A post_id (whole number), or None if the brand has no such post.
    """
    ### BEGIN SOLUTION
    mine = posts[
        (posts["brand"] == brand)
        & (posts["platform"] == platform)
        & (posts["rubric"] != "contest")
        & (posts["followers"] > 0)
    ]
    if len(mine) == 0:
        return None
    rate = mine["engagements"] / mine["followers"]
    return int(mine.loc[rate.idxmax(), "post_id"])
    ### END SOLUTION


rival = competitors[0]
rival_accounts = world.accounts[world.accounts["brand"] == rival]
rival_platform = rival_accounts.loc[rival_accounts["followers"].idxmax(), "platform"]  # its biggest account
best = best_post(posts, rival, rival_platform)
print(f"Best post of {rival} on {rival_platform}:")
posts.loc[
    posts["post_id"] == best,
    ["time", "format", "rubric", "topic", "cta", "followers", "reach", "engagements", "er_followers"],
]
'''

T4 = '''
"""Checks that best_post gives a non-contest post of your first competitor on its biggest account."""
from sandbox.grading.feedback import check_equal, check_true, check_whole_number

_rival = competitors[0]
_accs = world.accounts[world.accounts["brand"] == _rival]
_plat = _accs.loc[_accs["followers"].idxmax(), "platform"]
_id = best_post(posts, _rival, _plat)
check_whole_number(
    _id,
    what=f"best_post(posts, {_rival!r}, {_plat!r})",
    hint="Return the post_id value of the best row, a whole number (int(...)), not the row itself.",
)
_row = posts[posts["post_id"] == _id]
check_equal(
    len(_row), 1, what=f"the post with post_id {_id}", hint="Return a post_id from the post_id column."
)
check_true(
    _row["brand"].iloc[0] == _rival and _row["platform"].iloc[0] == _plat,
    what=f"post {_id}",
    problem=f"is not a post of {_rival} on {_plat}.",
    hint="Keep only the rows of the brand and platform you are given.",
)
check_true(
    _row["rubric"].iloc[0] != "contest",
    what=f"post {_id}",
    problem="is a contest.",
    hint='Leave out the rows whose rubric is "contest" before picking the best.',
)
### BEGIN HIDDEN TESTS
from sandbox.exercises import reference_world

_posts = reference_world(STUDENT_ID).posts
for (_b, _p), _g in _posts.groupby(["brand", "platform"]):
    _g = _g[(_g["rubric"] != "contest") & (_g["followers"] > 0)]
    _got = best_post(_posts, _b, _p)
    if len(_g) == 0:
        check_equal(
            _got, None, what=f"best_post(posts, {_b!r}, {_p!r})", hint="Return None when no post is left."
        )
        continue
    _rate = _g.set_index("post_id")["engagements"] / _g.set_index("post_id")["followers"]
    check_true(
        _got in _rate.index and abs(_rate[_got] - _rate.max()) < 1e-12,
        what=f"best_post(posts, {_b!r}, {_p!r}) in your world",
        problem=f"post {_got} is not the non-contest post with the highest engagement rate by followers.",
        hint="Keep the brand's non-contest posts on the platform, compute engagements / followers, take the "
        "post_id of the highest.",
    )
_tiny = pd.DataFrame(
    {
        "post_id": [1, 2, 3, 4, 5],
        "brand": ["A", "A", "A", "A", "B"],
        "platform": ["pixa", "pixa", "pixa", "loop", "pixa"],
        "rubric": ["contest", "informative", "entertaining", "informative", "contest"],
        "engagements": [90, 5, 8, 60, 40],
        "followers": [100, 100, 200, 100, 100],
    }
)
check_equal(
    best_post(_tiny, "A", "pixa"),
    2,
    what="best_post when A's contest scored 0.90, and its other posts 0.05 and 0.04",
    hint="Leave out contests, then take the highest engagements / followers (not the most engagements).",
)
check_equal(
    best_post(_tiny, "B", "pixa"),
    None,
    what="best_post for a brand whose only post there is a contest",
    hint="When no post is left, return None.",
)
### END HIDDEN TESTS
'''

NICHE_AUDIENCE = """
# The niche's audience: everyone who follows at least one brand of your niche (one row per person).
niche_audience = world.people.loc[world.brand_followers["person_id"].unique()]
print(f"{len(niche_audience):,} people follow at least one brand of the niche.")
"""

P5 = """
## Part 5 · A gap to exploit (4 points)

Competitors leave space: a platform where the niche's audience is but few competitors are, and
hours when that audience is online while competitors stay silent. Posting there, you meet
people nobody is serving. Decide with two rules, one function each:

1. `gap_platform(accounts, niche_audience, you)`: for every platform in `PLATFORMS`, the
   **gap score** = the share of `niche_audience` who use the platform (`on_<platform>`
   columns; `analysis.platform_shares`) ÷ (1 + the number of competitor accounts on it, i.e.
   rows of `accounts` whose `brand` is not `you`). Return the slug with the highest score; ties:
   the slug first in alphabetical order.
2. `gap_hour(world, posts, niche_audience, platform, you)`: the hour to post on `platform`:
   - take the people of `niche_audience` who use `platform`; their online level per hour is
     `world.activity(those people, platform=platform)` averaged over the 7 days (`.mean()`);
   - candidate hours: where that level is **1.0 or more** (at least an average hour);
   - among them, the hour in which the competitors (every brand but `you`) published the
     **fewest posts on `platform`** in `posts` (the hour of a post: `posts["time"].dt.hour`);
   - ties: the hour with the higher online level; still tied: the earlier hour.

   Return a whole number 0–23, or `None` if nobody in `niche_audience` uses the platform.
"""

S5 = '''
def gap_platform(accounts, niche_audience, you):
    """Return the platform with the highest gap score: audience share / (1 + competitor accounts).

    Args:
        accounts: A table like world.accounts (brand, platform ...).
        niche_audience: Rows of the people table: the niche's audience.
        you: Your brand's name (world.you).
    """
    ### BEGIN SOLUTION
    share = analysis.platform_shares(niche_audience)
    rivals = accounts[accounts["brand"] != you]
    count = rivals.groupby("platform").size().reindex(list(PLATFORMS), fill_value=0)
    score = share / (1 + count)
    best = score[score == score.max()]
    return str(sorted(best.index)[0])
    ### END SOLUTION


def gap_hour(world, posts, niche_audience, platform, you):
    """Return the above-average hour on `platform` in which competitors post least (see the rules).

    Args:
        world: Your world (for world.activity).
        posts: A table like world.posts.
        niche_audience: Rows of the people table: the niche's audience.
        platform: A platform slug.
        you: Your brand's name (world.you).

    Returns:
        A whole number from 0 to 23, or None if nobody in niche_audience uses the platform.
    """
    ### BEGIN SOLUTION
    users = niche_audience[niche_audience[f"on_{platform}"]]
    if len(users) == 0:
        return None
    online = world.activity(users, platform=platform).mean()
    rival = posts[(posts["platform"] == platform) & (posts["brand"] != you)]
    count = rival["time"].dt.hour.value_counts().reindex(range(24), fill_value=0)
    table = pd.DataFrame({"hour": range(24), "online": online.to_numpy(), "posts": count.to_numpy()})
    table = table[table["online"] >= 1.0]
    table = table.sort_values(["posts", "online", "hour"], ascending=[True, False, True])
    return int(table["hour"].iloc[0])
    ### END SOLUTION


gap = {"platform": gap_platform(world.accounts, niche_audience, world.you)}
gap["hour"] = gap_hour(world, posts, niche_audience, gap["platform"], world.you)
print(f"Gap to test: post on {gap['platform']} at {gap['hour']}:00.")
pd.Series(
    {p: gap_hour(world, posts, niche_audience, p, world.you) for p in PLATFORMS}, name="gap hour per platform"
)
'''

T5 = '''
"""Checks that gap_platform names a platform and gap_hour on Pixa an hour of at least average activity."""
from sandbox.grading.feedback import check_between, check_in, check_true, check_whole_number

_gp = gap_platform(world.accounts, niche_audience, world.you)
check_in(
    _gp,
    list(PLATFORMS),
    what="gap_platform(world.accounts, niche_audience, world.you)",
    hint='Return a platform slug such as "pixa", as text.',
)
_gh = gap_hour(world, posts, niche_audience, "pixa", world.you)
check_whole_number(
    _gh, what='gap_hour(world, posts, niche_audience, "pixa", world.you)', hint="Return an hour, e.g. 18."
)
check_between(_gh, 0, 23, what='gap_hour(..., "pixa", ...)', hint="Hours run from 0 to 23.")
_level = world.activity(niche_audience[niche_audience["on_pixa"]], platform="pixa").mean()
check_true(
    _level[int(_gh)] >= 1.0,
    what=f"gap_hour on Pixa ({_gh}:00)",
    problem=f"is an hour when the audience is online less than on average (level {_level[int(_gh)]:.2f}).",
    hint="Only hours whose average online level is 1.0 or more are candidates.",
)
### BEGIN HIDDEN TESTS
from sandbox.exercises import reference_world
from sandbox.grading.feedback import check_equal

_w = reference_world(STUDENT_ID)
_aud = _w.people.loc[_w.brand_followers["person_id"].unique()]
_acc = _w.accounts
_share = _aud[[f"on_{p}" for p in PLATFORMS]].mean().to_numpy()
_n = _acc[_acc["brand"] != _w.you].groupby("platform").size()
_score = {p: _share[i] / (1 + int(_n.get(p, 0))) for i, p in enumerate(PLATFORMS)}
check_equal(
    gap_platform(_acc, _aud, _w.you),
    sorted(_score, key=lambda p: (-_score[p], p))[0],
    what="gap_platform(world.accounts, niche_audience, world.you) in your world",
    hint="Score = share of the niche audience on the platform / (1 + competitor accounts there); take "
    "the highest.",
)
_tiny_acc = pd.DataFrame({"brand": ["Me", "X", "X", "Y"], "platform": ["loop", "pixa", "loop", "pixa"]})
_tiny_aud = pd.DataFrame({f"on_{p}": [False, False, False, False] for p in PLATFORMS})
_tiny_aud["on_pixa"] = [True, True, True, True]
_tiny_aud["on_loop"] = [True, True, True, False]
check_equal(
    gap_platform(_tiny_acc, _tiny_aud, "Me"),
    "loop",
    what="gap_platform when all 4 people use Pixa (2 rival accounts) and 3 use Loop (1 rival account, "
    "plus yours)",
    hint="Pixa scores 1 / (1 + 2) = 0.33 and Loop 0.75 / (1 + 1) = 0.375: your own account is not a "
    "competitor's.",
)
_tiny_aud = pd.DataFrame({f"on_{p}": [p in ("chirp", "beacon")] * 2 for p in PLATFORMS})
check_equal(
    gap_platform(_tiny_acc.iloc[0:0], _tiny_aud, "Me"),
    "beacon",
    what="gap_platform with no accounts at all, when everyone uses Chirp and Beacon and nobody anything else",
    hint="Chirp and Beacon tie with a score of 1: take the slug that comes first alphabetically.",
)
_posts = _w.posts
for _p in PLATFORMS:
    _users = _aud[_aud[f"on_{_p}"]]
    if len(_users) == 0:
        check_equal(
            gap_hour(_w, _posts, _aud, _p, _w.you), None, what=f"gap_hour on {_p}", hint="No users: None."
        )
        continue
    _online = _w.activity(_users, platform=_p).mean()
    _rival = _posts[(_posts["platform"] == _p) & (_posts["brand"] != _w.you)]
    _count = _rival["time"].dt.hour.value_counts()
    _cands = [h for h in range(24) if _online[h] >= 1.0]
    _exp = sorted(_cands, key=lambda h: (int(_count.get(h, 0)), -_online[h], h))[0]
    check_equal(
        gap_hour(_w, _posts, _aud, _p, _w.you),
        _exp,
        what=f"gap_hour(world, posts, niche_audience, {_p!r}, world.you) in your world",
        hint="Among hours with an online level of 1.0 or more, the one with the fewest competitor posts "
        "on the platform (ties: higher online level, then earlier hour).",
    )
_online = _w.activity(_aud[_aud["on_pixa"]], platform="pixa").mean()
_cands = [h for h in range(24) if _online[h] >= 1.0]
_quiet = min(_cands, key=lambda h: _online[h])
_rows = [("Rival", "pixa", h) for h in _cands if h != _quiet] + [("Me", "pixa", _quiet)] * 5
_rows += [("Rival", "loop", _quiet)] * 5
_fake = pd.DataFrame(_rows, columns=["brand", "platform", "hour"])
_fake["time"] = pd.Timestamp("2026-01-05") + pd.to_timedelta(_fake["hour"], unit="h")
check_equal(
    gap_hour(_w, _fake, _aud, "pixa", "Me"),
    _quiet,
    what=f"gap_hour on Pixa when a rival posted once at every candidate hour but {_quiet}:00, where only "
    "you (and the rival on Loop) posted",
    hint="Count only competitors' posts (brand is not `you`) on the platform you are given.",
)
### END HIDDEN TESTS
'''


def build() -> Path:
    cells = [
        markdown("intro", INTRO),
        student_id_cell(),
        readonly("setup", SETUP),
        markdown("part1", P1),
        solution("posts_per_week", S1),
        tests("q1_posts_per_week", 3, T1),
        markdown("part2", P2),
        solution("content_mix", S2),
        tests("q2_content_mix", 2, T2),
        markdown("part3", P3),
        solution("engagement_ranking", S3),
        tests("q3_er_competitor_ranking", 4, T3),
        markdown("part4", P4),
        solution("best_post", S4),
        tests("q4_best_post", 2, T4),
        readonly("niche-audience", NICHE_AUDIENCE),
        markdown("part5", P5),
        solution("gap", S5),
        tests("q5_gap_platform_and_hour", 4, T5),
        *self_check_cells("02-competitors"),
    ]
    return write_notebook(OUT, cells)


if __name__ == "__main__":
    print(f"wrote {build()}")
