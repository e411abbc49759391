"""Write graders/source/09-influencers/09-influencers-exercise.ipynb (the instructor version).

Run from the repository root after changing this file, then rebuild the student copies:

    .venv/bin/python graders/authoring/build_09_influencers.py
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

OUT = Path(__file__).resolve().parents[1] / "source" / "09-influencers" / "09-influencers-exercise.ipynb"

INTRO = """
# Influencers exercise: choose bloggers, spot bought followers, measure the deals

The owner wants to try influencer marketing and asks you for a shortlist: bloggers whose
audience fits the brand, whose engagement is real, and whose price is worth the people they
really reach. After last month's trial deals, the owner also wants to know which blogger to
keep working with. You work on **your own world**: it is built from your student id, so your
brand, its niche and its influencer market are yours and differ from your classmates'. The
lesson for this module is `09-influencers-lesson.ipynb` in this folder; everything used here
is shown there.

**How this notebook works**

1. Write the id your instructor gave you in the next cell and run it. Working on your own?
   Any id you like works; leave it empty to use the practice world.
2. Run the cell after it: it builds your world and its influencer market (a few seconds).
3. Each part says what to write and how many points it is worth. Replace
   `raise NotImplementedError()` with your code; keep the function's name and arguments.
4. Run the test cell under each part. A quiet test cell means your answer passed the visible
   checks; an error tells you what was expected and gives a hint. When your instructor grades
   the notebook, hidden tests also check your answers against your world and a few edge cases
   (other thresholds, other tables), so write code that works for any input, not just yours.
5. Save the notebook (Ctrl+S) and run the last cell to check your work.
"""

SETUP = """
import numpy as np
import pandas as pd

import sandbox
from sandbox import influencer_analysis as ia
from sandbox.ads import Deal, marketplace, run_deals
from sandbox.exercises import student_world

world = student_world(STUDENT_ID)
LOCAL = sandbox.NICHES[world.niche].local   # True: customers must come to your city
BRAND_CITY = world.brands["city"].iloc[0]

# The influencer market. The ready-made engagement rates are removed: you compute them.
market = marketplace(world).drop(columns=["engagement_rate", "real_engagement_rate"])

# People a typical post reaches per real follower, per platform (non-followers included;
# close to 1 on short-video platforms).
REACH_RATE = ia.reach_rates().to_dict()

print(f"Your brand: {world.you}, a {world.niche.replace('_', ' ')} in {BRAND_CITY} "
      f"({'local customers' if LOCAL else 'sells everywhere'}); {len(market)} influencers on the market.")
market[["influencer_id", "handle", "platform", "tier", "followers", "fake_follower_share", "real_followers",
        "avg_engagements", "price_per_post", "audience_in_brand_city", "audience_interested"]].head()
"""

P1 = """
## Part 1 · Engagement rate, two ways (3 points)

An engagement rate divides engagements by *something*; say what. A blogger's profile shows
`followers`, but some of them are fake (`fake_follower_share`); `real_followers` are the rest.

- **ER by followers** = `avg_engagements / followers` — what the profile seems to achieve;
- **ER by real followers** = `avg_engagements / real_followers` — what the real audience does.

Write `add_engagement_rates(market)`: it returns a **copy** of the table with two new columns,
`er_followers` and `er_real_followers`, as fractions (0.034, not 3.4 %). Leave the table you are
given unchanged.
"""

S1 = '''
def add_engagement_rates(market):
    """Return a copy of `market` with er_followers and er_real_followers added.

    Args:
        market: A table like `market` (avg_engagements, followers, real_followers).
    """
    ### BEGIN SOLUTION
    out = market.copy()
    out["er_followers"] = out["avg_engagements"] / out["followers"]
    out["er_real_followers"] = out["avg_engagements"] / out["real_followers"]
    return out
    ### END SOLUTION


rated = add_engagement_rates(market)
rated[["handle", "tier", "fake_follower_share", "er_followers", "er_real_followers"]].head()
'''

T1 = '''
"""Checks that add_engagement_rates adds two fractions per influencer and leaves `market` unchanged."""
from sandbox.grading.feedback import check_between, check_equal, check_true, check_type

_before = market.copy()
_rated = add_engagement_rates(market)
check_type(_rated, pd.DataFrame, what="add_engagement_rates(market)",
           hint="Return the table (a DataFrame) with the two new columns.")
check_equal(len(_rated), len(market), what="the number of rows of add_engagement_rates(market)",
            hint="Add columns; do not filter or group the rows.")
for _c in ("er_followers", "er_real_followers"):
    check_true(_c in _rated.columns, what="add_engagement_rates(market)",
               problem=f"has no column {_c!r}.", hint=f'Create it with out["{_c}"] = ...')
    check_between(float(_rated[_c].max()), 0, 1, what=f"the largest {_c}",
                  hint="A rate is a fraction: 0.034 means 3.4 %. Do not multiply by 100.")
check_true(_before.equals(market), what="the `market` table after add_engagement_rates(market)",
           problem="was changed by your function.",
           hint="Work on a copy: out = market.copy(), then add the columns to out.")
check_true(bool((_rated["er_real_followers"] >= _rated["er_followers"]).all()),
           what="er_real_followers", problem="is below er_followers for some influencer.",
           hint="Real followers are never more than followers, so the rate by real followers is never lower.")
### BEGIN HIDDEN TESTS
from sandbox.exercises import reference_world

_ref = marketplace(reference_world(STUDENT_ID))
_got = add_engagement_rates(_ref)
for _c, _den in (("er_followers", "followers"), ("er_real_followers", "real_followers")):
    _exp = _ref["avg_engagements"] / _ref[_den]
    check_true(np.allclose(_got[_c].to_numpy(dtype=float), _exp.to_numpy(dtype=float), rtol=1e-9),
               what=f"{_c} in your world", problem=f"differs from avg_engagements / {_den}.",
               hint=f"Divide avg_engagements by {_den}, row by row.")
_toy = pd.DataFrame({"followers": [1000, 4000], "real_followers": [1000, 1000], "avg_engagements": [50, 40]})
_t = add_engagement_rates(_toy)
check_equal([round(v, 6) for v in _t["er_followers"]], [0.05, 0.01],
            what="er_followers on a table with 50/1000 and 40/4000", hint="avg_engagements / followers.")
check_equal([round(v, 6) for v in _t["er_real_followers"]], [0.05, 0.04],
            what="er_real_followers on a table with 50/1000 and 40/1000",
            hint="avg_engagements / real_followers.")
### END HIDDEN TESTS
'''

P2 = """
## Part 2 · Spot bought followers (3 points)

Suppose the audit tool is down: you cannot see `fake_follower_share`. Fake followers never
engage, so a profile padded with them shows an ER **by followers** far below other bloggers of
the same size. Compare each blogger with the **median ER by followers of their own tier**
(nano, micro, macro, mega), not with the whole market: big bloggers always have lower rates.

Write `bought_follower_suspects(market, ratio=0.6)`: the `influencer_id`s (whole numbers, in
a list sorted from smallest to largest) whose ER by followers is **below** `ratio` times their
tier's median ER by followers. You may use your function from Part 1.

Hint: `table.groupby("tier")["er_followers"].transform("median")` gives, on every row, the
median of that row's tier.
"""

S2 = '''
def bought_follower_suspects(market, ratio=0.6):
    """Return the sorted ids of influencers whose ER by followers is below ratio x their tier's median.

    Args:
        market: A table like `market` (influencer_id, tier, avg_engagements, followers, ...).
        ratio: Flag when er_followers < ratio * (median er_followers of the tier).
    """
    ### BEGIN SOLUTION
    rated = add_engagement_rates(market)
    median = rated.groupby("tier")["er_followers"].transform("median")
    flagged = rated.loc[rated["er_followers"] < ratio * median, "influencer_id"]
    return sorted(int(i) for i in flagged)
    ### END SOLUTION


suspects = bought_follower_suspects(market)
print("Suspected bought followers:", suspects)
# The sandbox is a glass box: compare your suspects with the audit you could not see.
market.loc[market["influencer_id"].isin(suspects), ["handle", "tier", "followers", "fake_follower_share"]]
'''

T2 = '''
"""Checks that bought_follower_suspects returns a sorted list of influencer ids from the market."""
from sandbox.grading.feedback import check_equal, check_in, check_true, check_type

_s = bought_follower_suspects(market, 0.6)
check_type(_s, list, what="bought_follower_suspects(market, 0.6)",
           hint="Return a list of ids, e.g. sorted(int(i) for i in ...).")
for _i in _s:
    check_in(_i, market["influencer_id"].tolist(), what="each id in your list",
             hint="Return values of the influencer_id column, not row positions or handles.")
check_equal(_s, sorted(_s), what="the order of your list", hint="Sort the ids from smallest to largest.")
check_true(len(_s) < len(market), what="bought_follower_suspects(market, 0.6)",
           problem="flags every influencer.",
           hint="Compare each rate with ratio x the median of its own tier (groupby('tier') ... transform).")
### BEGIN HIDDEN TESTS
from sandbox.exercises import reference_world

_ref = marketplace(reference_world(STUDENT_ID))
_er = _ref["avg_engagements"] / _ref["followers"]
_med = _er.groupby(_ref["tier"]).transform("median")
for _r in (0.6, 0.8):
    _exp = sorted(int(i) for i in _ref.loc[_er < _r * _med, "influencer_id"])
    check_equal(bought_follower_suspects(_ref, _r), _exp,
                what=f"bought_follower_suspects(market, {_r}) in your world",
                hint="Use the median ER by followers of each influencer's own tier, and a strict 'below'.")
_toy = pd.DataFrame({
    "influencer_id": [10, 11, 12, 13, 20, 30],
    "tier": ["nano", "nano", "nano", "nano", "micro", "mega"],
    "followers": [1000, 1000, 1000, 1000, 50000, 2000000],
    "real_followers": [1000, 1000, 1000, 1000, 50000, 2000000],
    "avg_engagements": [50, 40, 20, 24, 500, 2000],
})
# nano rates 0.05, 0.04, 0.02, 0.024: median 0.032; 0.6 x 0.032 = 0.0192, so nobody is below it
check_equal(bought_follower_suspects(_toy, 0.6), [],
            what="bought_follower_suspects on a table where no one is below 0.6 x the tier median",
            hint="Flag only rates strictly below ratio x the median; an empty list is a valid answer.")
check_equal(bought_follower_suspects(_toy, 0.7), [12],
            what="bought_follower_suspects(toy, 0.7): nano rates 0.05, 0.04, 0.02, 0.024 (median 0.032)",
            hint="0.7 x 0.032 = 0.0224: only the rate 0.02 is below it.")
check_equal(bought_follower_suspects(_toy, 1.0), [12, 13],
            what="bought_follower_suspects(toy, 1.0) with one micro and one mega blogger",
            hint="A blogger alone in their tier is their tier's median, so never below it; "
                 "compare within tiers.")
### END HIDDEN TESTS
'''

P3 = """
## Part 3 · Shortlist by the rules, rank by price per real reach (4 points)

The owner's rules for a first influencer trial (the values for your brand are in `RULES`,
below):

- `tiers`: nano or micro bloggers only (a first trial, a small budget);
- `min_city_share`: at least this share of the audience in your city (`audience_in_brand_city`;
  0 when your business sells everywhere);
- `min_interested`: at least this share interested in your niche (`audience_interested`; your
  market's median, so the better-fitting half passes);
- `max_fake_share`: a fake-follower share **under** this value (`fake_follower_share`).

Rank whoever passes by **price per real reach**: `price_per_post / (real_followers × reach rate)`
— dollars per person the post will really reach, where the reach rate of the blogger's platform
is `REACH_RATE[platform]`.

Write `shortlist(market, tiers, min_city_share, min_interested, max_fake_share)`: a DataFrame
with exactly the columns `influencer_id`, `handle`, `price_per_real_reach`, one row per blogger
who passes, cheapest real reach first (ties: smaller `influencer_id` first), index 0, 1, 2, ...
(`reset_index(drop=True)`). When nobody passes, return an empty table with those columns.

Hints: `market["platform"].map(REACH_RATE)` looks up each row's reach rate; add `.astype(float)`
so that the division still works on an empty table (pandas keeps an empty column as text).
`shortlist(market, **RULES)` passes the four rules of `RULES` as keyword arguments.
"""

RULES = """
RULES = {
    "tiers": ["nano", "micro"],
    "min_city_share": 0.5 if LOCAL else 0.0,
    "min_interested": round(float(market["audience_interested"].median()), 2),
    "max_fake_share": 0.25,
}
RULES
"""

S3 = '''
def shortlist(market, tiers, min_city_share, min_interested, max_fake_share):
    """Return the influencers who pass the rules, cheapest real reach first.

    Args:
        market: A table like `market`.
        tiers: Tiers to keep, e.g. ["nano", "micro"].
        min_city_share: Smallest audience_in_brand_city allowed.
        min_interested: Smallest audience_interested allowed.
        max_fake_share: fake_follower_share must be below this.

    Returns:
        Columns influencer_id, handle, price_per_real_reach; sorted; index 0, 1, 2, ...
    """
    ### BEGIN SOLUTION
    keep = (
        market["tier"].isin(tiers)
        & (market["audience_in_brand_city"] >= min_city_share)
        & (market["audience_interested"] >= min_interested)
        & (market["fake_follower_share"] < max_fake_share)
    )
    passed = market[keep].copy()
    reach = passed["real_followers"] * passed["platform"].map(REACH_RATE).astype(float)
    passed["price_per_real_reach"] = passed["price_per_post"] / reach
    passed = passed.sort_values(["price_per_real_reach", "influencer_id"])
    return passed[["influencer_id", "handle", "price_per_real_reach"]].reset_index(drop=True)
    ### END SOLUTION


picks = shortlist(market, **RULES)
print(len(picks), "influencers pass the rules.")
picks.head(10)
'''

T3 = '''
"""Checks that shortlist returns the three columns, sorted, with only bloggers who pass the rules."""
from sandbox.grading.feedback import check_equal, check_true, check_type

_p = shortlist(market, **RULES)
check_type(_p, pd.DataFrame, what="shortlist(market, **RULES)", hint="Return a DataFrame.")
check_equal(list(_p.columns), ["influencer_id", "handle", "price_per_real_reach"],
            what="the columns of shortlist(market, **RULES)",
            hint='Keep exactly these columns: table[["influencer_id", "handle", "price_per_real_reach"]].')
check_equal(list(_p.index), list(range(len(_p))), what="the index of your shortlist",
            hint="Finish with .reset_index(drop=True).")
check_true(_p["price_per_real_reach"].is_monotonic_increasing, what="the order of your shortlist",
           problem="is not cheapest real reach first.",
           hint='Sort by "price_per_real_reach" (then "influencer_id").')
_rows = market.set_index("influencer_id").loc[_p["influencer_id"]]
check_true(bool(_rows["tier"].isin(RULES["tiers"]).all()), what="your shortlist",
           problem="contains a blogger outside the allowed tiers.",
           hint='Keep rows whose "tier" is in tiers (.isin).')
check_true(bool((_rows["fake_follower_share"] < RULES["max_fake_share"]).all()), what="your shortlist",
           problem="contains a blogger whose fake share is not under the limit.",
           hint="Keep fake_follower_share < max_fake_share (strictly under).")
check_true(bool((_p["price_per_real_reach"] > 0).all()), what="price_per_real_reach",
           problem="has a value of 0 or less.",
           hint="price_per_post / (real_followers * REACH_RATE[platform]).")
### BEGIN HIDDEN TESTS
from sandbox.exercises import reference_world

_ref = marketplace(reference_world(STUDENT_ID))


def _expected(table, tiers, city, interested, fake):
    keep = (table["tier"].isin(tiers) & (table["audience_in_brand_city"] >= city)
            & (table["audience_interested"] >= interested) & (table["fake_follower_share"] < fake))
    t = table[keep].copy()
    t["price_per_real_reach"] = t["price_per_post"] / (t["real_followers"] * t["platform"].map(REACH_RATE))
    return t.sort_values(["price_per_real_reach", "influencer_id"])


def _compare(got, exp, label):
    check_equal([int(i) for i in got["influencer_id"]], [int(i) for i in exp["influencer_id"]],
                what=f"the influencer ids (in order) of {label}",
                hint="Apply every rule (>= for the shares, < for the fake share), then sort by "
                     "price_per_post / (real_followers * REACH_RATE[platform]) — real followers, "
                     "not followers — then by influencer_id.")
    check_true(np.allclose(got["price_per_real_reach"].to_numpy(dtype=float),
                           exp["price_per_real_reach"].to_numpy(dtype=float), rtol=1e-6),
               what=f"price_per_real_reach of {label}", problem="differs from the expected values.",
               hint="price_per_post / (real_followers * REACH_RATE[platform]): real followers, "
                    "not followers.")


_rules = dict(RULES)
_compare(shortlist(_ref, **_rules), _expected(_ref, _rules["tiers"], _rules["min_city_share"],
         _rules["min_interested"], _rules["max_fake_share"]), "shortlist(market, **RULES) in your world")
_all = ["nano", "micro", "macro", "mega"]
_compare(shortlist(_ref, _all, 0.0, 0.0, 1.0), _expected(_ref, _all, 0.0, 0.0, 1.0),
         "a shortlist with no limits (every tier, all shares allowed)")
_compare(shortlist(_ref, ["micro"], 0.1, 0.4, 0.15), _expected(_ref, ["micro"], 0.1, 0.4, 0.15),
         "shortlist(market, ['micro'], 0.1, 0.4, 0.15)")
try:
    _none = shortlist(_ref, ["nano"], 1.01, 0.0, 1.0)
except TypeError as _e:
    from sandbox.grading.feedback import fail

    fail("a shortlist where nobody can pass (min_city_share above 1)", f"raised TypeError: {_e}",
         "On an empty table, .map(REACH_RATE) gives a text column; add .astype(float) after it.")
check_equal(len(_none), 0, what="a shortlist where nobody can pass (min_city_share above 1)",
            hint="Filter first; an empty table is a valid answer.")
check_equal(list(_none.columns), ["influencer_id", "handle", "price_per_real_reach"],
            what="the columns of an empty shortlist",
            hint="Select the three columns even when no row is left.")
_tie = pd.DataFrame({
    "influencer_id": [7, 3, 5], "handle": ["@g", "@c", "@e"], "platform": ["pixa", "pixa", "pixa"],
    "tier": ["nano"] * 3, "real_followers": [1000, 1000, 1000], "price_per_post": [100.0, 100.0, 50.0],
    "fake_follower_share": [0.1, 0.25, 0.1], "audience_in_brand_city": [0.9, 0.9, 0.9],
    "audience_interested": [0.9, 0.9, 0.9],
})
check_equal(shortlist(_tie, ["nano"], 0.5, 0.5, 0.3)["influencer_id"].tolist(), [5, 3, 7],
            what="a shortlist where @g (id 7) and @c (id 3) cost the same per real reach",
            hint="On a tie, the smaller influencer_id comes first: "
                 'sort by ["price_per_real_reach", "influencer_id"].')
check_equal(shortlist(_tie, ["nano"], 0.5, 0.5, 0.25)["influencer_id"].tolist(), [5, 7],
            what="a shortlist with max_fake_share=0.25 and a blogger at exactly 0.25",
            hint="The fake share must be strictly under the limit (<, not <=).")
### END HIDDEN TESTS
'''

P4_INTRO = """
## Part 4 · Last month's trial deals: cost per result (3 points)

Last month your team tried the three biggest micro bloggers of the market: three weekly paid
posts and one giveaway (prize: 50 USD) each. The cell below runs those deals in your world;
`trial.deals` has one row per deal (`partner` is the blogger's handle, `follows` counts every
new follower and `bot_follows` the bots among them).
"""

TRIAL = """
micro = market[market["tier"] == "micro"].sort_values("followers", ascending=False).head(3)
trial_deals = []
for _id in micro["influencer_id"]:
    for _day in ["2026-03-03", "2026-03-10", "2026-03-17"]:
        trial_deals.append(Deal(int(_id), "paid_post", _day, name=f"{_id} post {_day}"))
    trial_deals.append(Deal(int(_id), "giveaway", "2026-03-24", prize_value=50, name=f"{_id} giveaway"))
trial = run_deals(world, trial_deals)
trial.deals[["deal", "partner", "kind", "cost", "reach", "follows", "bot_follows", "clicks", "registrations"]]
"""

P4 = """
A giveaway's follows include prize hunters' bots: count **real follows** = `follows - bot_follows`.
Judge each blogger on the **totals** of all their deals (add up first, then divide: never average
the per-deal ratios).

Write `deal_report(deals)`: one row per blogger, the index being the `partner` handle (sorted
alphabetically, as `groupby` does), with exactly these columns in this order:

`cost`, `reach`, `real_follows`, `registrations` (the totals), then
`cost_per_real_follow` (= cost / real_follows) and `cost_per_registration` (= cost / registrations).

A cost per result with nothing to divide by (0 real follows, 0 registrations) must be `NaN`
(`np.nan`), not infinity and not 0.
"""

S4 = '''
def deal_report(deals):
    """Return one row per partner: totals and the cost per real follow and per registration.

    Args:
        deals: A table like trial.deals (partner, cost, reach, follows, bot_follows, registrations).
    """
    ### BEGIN SOLUTION
    d = deals.assign(real_follows=deals["follows"] - deals["bot_follows"])
    report = d.groupby("partner")[["cost", "reach", "real_follows", "registrations"]].sum()
    follows, regs = report["real_follows"], report["registrations"]
    report["cost_per_real_follow"] = report["cost"] / follows.where(follows > 0)
    report["cost_per_registration"] = report["cost"] / regs.where(regs > 0)
    return report
    ### END SOLUTION


report = deal_report(trial.deals)
report.round(2)
'''

T4 = '''
"""Checks that deal_report has one row per blogger with the six columns, in order, and no infinities."""
from sandbox.grading.feedback import check_equal, check_true, check_type

_r = deal_report(trial.deals)
check_type(_r, pd.DataFrame, what="deal_report(trial.deals)",
           hint="Return a DataFrame (groupby(...).sum() is one).")
_want = ["cost", "reach", "real_follows", "registrations", "cost_per_real_follow", "cost_per_registration"]
check_equal(list(_r.columns), _want, what="the columns of deal_report(trial.deals)",
            hint="Total cost, reach, real_follows and registrations per partner, "
                 "then add the two costs per result.")
check_equal(sorted(_r.index), sorted(trial.deals["partner"].unique()), what="the rows (index) of your report",
            hint='One row per blogger: groupby("partner").')
_vals = _r[["cost_per_real_follow", "cost_per_registration"]].to_numpy(dtype=float)
check_true(not np.isinf(_vals).any(), what="the costs per result",
           problem="contain an infinity (a division by 0).",
           hint="Divide by the count only where it is above 0: count.where(count > 0) turns 0 into NaN.")
_follows = trial.deals.groupby("partner")["follows"].sum().reindex(_r.index)
check_true(bool((_r["real_follows"] <= _follows).all()),
           what="real_follows", problem="is larger than the follows for some blogger.",
           hint="real follows = follows - bot_follows.")
### BEGIN HIDDEN TESTS
from sandbox.exercises import reference_world

_w = reference_world(STUDENT_ID)
_m = marketplace(_w)
_micro = _m[_m["tier"] == "micro"].sort_values("followers", ascending=False).head(3)
_list = []
for _id in _micro["influencer_id"]:
    for _day in ["2026-03-03", "2026-03-10", "2026-03-17"]:
        _list.append(Deal(int(_id), "paid_post", _day, name=f"{_id} post {_day}"))
    _list.append(Deal(int(_id), "giveaway", "2026-03-24", prize_value=50, name=f"{_id} giveaway"))
_deals = run_deals(_w, _list).deals


def _exp_report(d):
    d = d.assign(real_follows=d["follows"] - d["bot_follows"])
    r = d.groupby("partner")[["cost", "reach", "real_follows", "registrations"]].sum()
    r["cost_per_real_follow"] = r["cost"] / r["real_follows"].where(r["real_follows"] > 0)
    r["cost_per_registration"] = r["cost"] / r["registrations"].where(r["registrations"] > 0)
    return r


def _same(got, exp, label):
    check_equal(list(got.index), list(exp.index), what=f"the blogger rows of {label}",
                hint='groupby("partner") gives one row per handle, sorted alphabetically.')
    for c in exp.columns:
        g, e = got[c].to_numpy(dtype=float), exp[c].to_numpy(dtype=float)
        check_true(np.allclose(g, e, rtol=1e-6, equal_nan=True), what=f"column {c} of {label}",
                   problem=f"expected {np.round(e, 3).tolist()}, got {np.round(g, 3).tolist()}.",
                   hint="Add up per blogger first, then divide; 0 to divide by gives NaN.")


_same(deal_report(_deals), _exp_report(_deals), "the deal report in your world")
_toy = pd.DataFrame({
    "deal": ["a1", "a2", "b1", "c1"], "partner": ["@b", "@b", "@a", "@c"], "cost": [100.0, 100.0, 50.0, 0.0],
    "reach": [1000, 3000, 500, 200], "follows": [10, 30, 4, 2], "bot_follows": [0, 20, 4, 0],
    "registrations": [1, 3, 0, 1], "clicks": [5, 9, 2, 1],
})
_same(deal_report(_toy), _exp_report(_toy),
      "deal_report on a toy table (@a: only bot follows and no registration; @b: two deals)")
### END HIDDEN TESTS
'''

P5 = """
## Part 5 · Which blogger do we keep? (2 points)

The owner's rule: keep the blogger with the **lowest cost per registration** among those who
brought at least one registration. If none of them brought a registration, keep the one with
the **lowest cost per real follow** (among those with at least one real follow: in this
exercise there is always at least one). On a tie, the handle that comes first alphabetically.

Write `keep_blogger(report)`: it takes a report like Part 4's and returns the chosen handle
(text, e.g. `"@anna12"`).
"""

S5 = '''
def keep_blogger(report):
    """Return the handle to keep: lowest cost per registration, else lowest cost per real follow.

    Args:
        report: A table like deal_report(...) (index: partner handles).
    """
    ### BEGIN SOLUTION
    with_regs = report[report["registrations"] > 0]
    if len(with_regs):
        column, pool = "cost_per_registration", with_regs
    else:
        column, pool = "cost_per_real_follow", report[report["real_follows"] > 0]
    pool = pool.assign(handle=pool.index).sort_values([column, "handle"])
    return str(pool["handle"].iloc[0])
    ### END SOLUTION


print("Keep working with:", keep_blogger(report))
'''

T5 = '''
"""Checks that keep_blogger returns one of the report's handles, as text."""
from sandbox.grading.feedback import check_in, check_type

_k = keep_blogger(deal_report(trial.deals))
check_type(_k, str, what="keep_blogger(report)", hint='Return the handle as text, e.g. "@anna12".')
check_in(_k, list(deal_report(trial.deals).index), what="keep_blogger(report)",
         hint="Return a value of the report's index (the partner handles).")
### BEGIN HIDDEN TESTS
from sandbox.grading.feedback import check_equal, fail

_cols = ["cost", "reach", "real_follows", "registrations", "cost_per_real_follow", "cost_per_registration"]


def _rep(rows):
    r = pd.DataFrame(rows, columns=["partner", *_cols]).set_index("partner")
    return r


def _keep(report, label):
    try:
        return keep_blogger(report)
    except Exception as e:  # a learner's error becomes a message that says which case broke
        fail(f"keep_blogger {label}", f"raised {type(e).__name__}: {e}",
             "Handle the case where no blogger brought a registration: then choose by cost_per_real_follow "
             "among bloggers with real_follows > 0 (idxmin on a column of only NaN fails).")


_a = _rep([["@z", 300.0, 9000, 30, 3, 10.0, 100.0], ["@m", 100.0, 2000, 5, 2, 20.0, 50.0],
           ["@b", 50.0, 1000, 10, 0, 5.0, np.nan]])
check_equal(_keep(_a, "on a report where @b brought no registration"), "@m",
            what="keep_blogger when @m has the lowest cost per registration",
            hint="Among bloggers with registrations > 0, the smallest cost_per_registration wins; "
                 "@b had none.")
_b = _rep([["@z", 300.0, 9000, 30, 0, 10.0, np.nan], ["@m", 100.0, 2000, 0, 0, np.nan, np.nan],
           ["@b", 50.0, 1000, 10, 0, 5.0, np.nan]])
check_equal(_keep(_b, "when nobody brought a registration"), "@b",
            what="keep_blogger when nobody brought a registration",
            hint="Then use the lowest cost_per_real_follow among bloggers with real follows.")
_c = _rep([["@z", 100.0, 9000, 30, 2, 3.3, 50.0], ["@k", 50.0, 2000, 5, 1, 10.0, 50.0]])
check_equal(_keep(_c, "on a tie"), "@k", what="keep_blogger when @k and @z tie at 50 USD per registration",
            hint="On a tie, return the handle that comes first alphabetically.")
from sandbox.exercises import reference_world

_w = reference_world(STUDENT_ID)
_m = marketplace(_w)
_list = []
for _id in _m[_m["tier"] == "micro"].sort_values("followers", ascending=False).head(3)["influencer_id"]:
    for _day in ["2026-03-03", "2026-03-10", "2026-03-17"]:
        _list.append(Deal(int(_id), "paid_post", _day, name=f"{_id} post {_day}"))
    _list.append(Deal(int(_id), "giveaway", "2026-03-24", prize_value=50, name=f"{_id} giveaway"))
_d = run_deals(_w, _list).deals.assign(real_follows=lambda t: t["follows"] - t["bot_follows"])
_ref_report = _d.groupby("partner")[["cost", "reach", "real_follows", "registrations"]].sum()
_ref_report["cost_per_real_follow"] = _ref_report["cost"] / _ref_report["real_follows"].where(
    _ref_report["real_follows"] > 0)
_ref_report["cost_per_registration"] = _ref_report["cost"] / _ref_report["registrations"].where(
    _ref_report["registrations"] > 0)
_pool = _ref_report[_ref_report["registrations"] > 0]
_col = "cost_per_registration"
if not len(_pool):
    _pool, _col = _ref_report[_ref_report["real_follows"] > 0], "cost_per_real_follow"
_best = _pool.assign(h=_pool.index).sort_values([_col, "h"])["h"].iloc[0]
check_equal(_keep(_ref_report, "on your world's report"), _best,
            what="keep_blogger on the trial report of your world",
            hint="Lowest cost per registration among bloggers with registrations; "
                 "else lowest cost per real follow.")
### END HIDDEN TESTS
'''


def build() -> Path:
    cells = [
        markdown("intro", INTRO),
        student_id_cell(),
        readonly("setup", SETUP),
        markdown("part1", P1),
        solution("add_engagement_rates", S1),
        tests("q1_engagement_rate_two_ways", 3, T1),
        markdown("part2", P2),
        solution("bought_follower_suspects", S2),
        tests("q2_bought_follower_suspects", 3, T2),
        markdown("part3", P3),
        readonly("rules", RULES),
        solution("shortlist", S3),
        tests("q3_shortlist_price_per_real_reach", 4, T3),
        markdown("part4-intro", P4_INTRO),
        readonly("trial-deals", TRIAL),
        markdown("part4", P4),
        solution("deal_report", S4),
        tests("q4_deal_cost_per_result", 3, T4),
        markdown("part5", P5),
        solution("keep_blogger", S5),
        tests("q5_keep_blogger_decision", 2, T5),
        *self_check_cells("09-influencers"),
    ]
    return write_notebook(OUT, cells)


if __name__ == "__main__":
    print(f"wrote {build()}")
