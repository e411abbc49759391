"""Write graders/source/06-targeting/06-targeting-exercise.ipynb (the instructor version).

Run from the repository root after changing this file, then rebuild the student copies:

    .venv/bin/python graders/authoring/build_06_targeting.py
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

OUT = Path(__file__).resolve().parents[1] / "source" / "06-targeting" / "06-targeting-exercise.ipynb"

INTRO = """
# Targeting exercise: your persona as an audience, a creative test, warm or cold

The owner has set aside a first ad budget and asks you three things: who exactly should see
the ads, which of the three creatives the designer made works best, and where to spend for
sales versus for new customers. You answer with targeting specs and with the numbers of test
campaigns run in **your own world**: it is built from your student id, so your brand, its
niche, its persona and its test results are yours and differ from your classmates'. The lesson
for this module is `06-targeting-lesson.ipynb` in this folder; everything used here is shown
there.

**How this notebook works**

1. Write the id your instructor gave you in the next cell and run it. Working on your own?
   Any id you like works; leave it empty to use the practice world.
2. Run the cell after it: it builds your world and your persona (a few seconds).
3. Each part says what to write and how many points it is worth. Replace
   `raise NotImplementedError()` with your code; keep the function's name and arguments.
   Some parts start with a locked cell that runs a test campaign: run it first.
4. Run the test cell under each part. A quiet test cell means your answer passed the visible
   checks; an error tells you what was expected and gives a hint. When your instructor grades
   the notebook, hidden tests also check your answers against your world and a few edge cases
   (other personas, other tables), so write code that works for any input, not just yours.
5. Save the notebook (Ctrl+S) and run the last cell to check your work.
"""

SETUP = """
import math  # noqa: F401 - for your answers

import numpy as np  # noqa: F401 - for your answers
import pandas as pd

import sandbox
from sandbox import analysis
from sandbox.ads import AdsManager, Creative, Targeting
from sandbox.exercises import student_world

world = student_world(STUDENT_ID)
ads = AdsManager(world)
COUNTRY = ads.panel.brand_country
CITY = ads.panel.brand_city
CORE_INTERESTS = list(sandbox.NICHES[world.niche].core_interests)
PLACE = {"cities": [CITY]} if sandbox.NICHES[world.niche].local else {"countries": [COUNTRY]}

fans = world.audience("you").drop_duplicates("person_id")
persona = analysis.persona_summary(world, fans[fans["role"] != "bot"])
print(f"Your brand: {world.you}, a {world.niche.replace('_', ' ')} in {CITY} ({COUNTRY}).")
persona
"""

P1 = """
## Part 1 · Your persona as a targeting spec (4 points)

The table above is your brand's persona: the numbers behind the people who follow you (bots left
out). Turn it into an ad audience. Write `spec_from_persona(persona, country)`: it returns a
`Targeting` built by these rules.

- **platforms**: only the persona's `main_platform`.
- **place**: if at least half of the persona lives in `main_city` (`main_city_share` of 0.5 or
  more), target that city (`cities=[...]`); otherwise target the whole `country`
  (`countries=[...]`). Give one of the two, not both.
- **ages**: the persona's `main_age_band` (text such as `"25-34"`) widened by 5 years on each
  side and kept within 18–65: `"25-34"` gives ages 20 to 39, `"55-65"` gives 50 to 65.
- **genders**: only women if `female_share` is 0.75 or more, only men if it is 0.25 or less,
  otherwise both (the default).
- **interests**: the first two interests of `top_interests` (text like `"food, coffee, music"`:
  split it on the commas).

These rules differ slightly from the lesson's (the age band widened by 5 years instead of the
percentiles widened by 3, and a 50% rule for the city): follow these.

Why: an audience built from real followers reaches people like them; the ages and one-gender
rule keep the core without cutting off its neighbours. The test estimates your spec in your
world: a good spec is neither too narrow nor too broad.
"""

S1 = '''
def spec_from_persona(persona, country):
    """Return a Targeting for the persona, following the rules above.

    Args:
        persona: A persona like the one above (main_platform, main_city, main_city_share,
            main_age_band, female_share, top_interests).
        country: The brand's country, for a persona spread over many cities.

    Returns:
        A Targeting.
    """
    ### BEGIN SOLUTION
    low, high = (int(x) for x in persona["main_age_band"].split("-"))
    if persona["female_share"] >= 0.75:
        genders = ["female"]
    elif persona["female_share"] <= 0.25:
        genders = ["male"]
    else:
        genders = ["female", "male"]
    if persona["main_city_share"] >= 0.5:
        place = {"cities": [persona["main_city"]]}
    else:
        place = {"countries": [country]}
    interests = [i.strip() for i in persona["top_interests"].split(",")][:2]
    return Targeting(
        platforms=[persona["main_platform"]],
        age_min=max(18, low - 5),
        age_max=min(65, high + 5),
        genders=genders,
        interests=interests,
        **place,
    )
    ### END SOLUTION


my_spec = spec_from_persona(persona, COUNTRY)
print(my_spec.describe())
ads.estimate(my_spec)
'''

T1 = '''
"""Checks that spec_from_persona targets the persona's platform and ages, neither too narrow nor broad."""
from sandbox.ads import Targeting as _Targeting
from sandbox.grading.feedback import check_equal, check_in, check_true, check_type

_spec = spec_from_persona(persona, COUNTRY)
check_type(_spec, _Targeting, what="spec_from_persona(persona, COUNTRY)",
           hint="Return Targeting(platforms=[...], ...), not a dict or a description.")
check_equal(list(_spec.platforms), [persona["main_platform"]], what="the platforms of your spec",
            hint="Use only persona['main_platform'], inside a list.")
check_true(bool(_spec.cities) != bool(_spec.countries), what="the place of your spec",
           problem=f"has cities {list(_spec.cities)} and countries {list(_spec.countries)}.",
           hint="Give either cities=[persona['main_city']] or countries=[country], following the rule.")
check_true(_spec.age_min <= persona["median_age"] <= _spec.age_max,
           what=f"your ages {_spec.age_min}-{_spec.age_max}",
           problem=f"leave out the persona's median age ({persona['median_age']}).",
           hint="Start from main_age_band, e.g. '25-34' -> 25 and 34, then widen by 5 years on each side.")
_estimate = ads.estimate(_spec)
check_in(_estimate.status, ["narrow", "balanced"], what=f"the audience of your spec ({_spec.describe()})",
         hint="Too narrow: check the ages (widened, not narrowed) and the interests (two of them). "
              "Broad: did you give the ages, the interests and the place?")
### BEGIN HIDDEN TESTS
from sandbox import analysis as _analysis
from sandbox.ads import AdsManager as _AdsManager
from sandbox.exercises import reference_world
from sandbox.grading.feedback import fail


def _spec_or_error(p, country):
    try:
        return spec_from_persona(p, country)
    except Exception as exc:  # shown to the learner with the persona it failed on
        return exc


def _expected(p, country):
    lo, hi = (int(x) for x in p["main_age_band"].split("-"))
    share = p["female_share"]
    genders = ["female"] if share >= 0.75 else ["male"] if share <= 0.25 else ["female", "male"]
    local = p["main_city_share"] >= 0.5
    return {
        "cities": [p["main_city"]] if local else [],
        "countries": [] if local else [country],
        "ages": (max(18, lo - 5), min(65, hi + 5)),
        "genders": genders,
        "interests": sorted(i.strip() for i in p["top_interests"].split(",")[:2]),
    }


def _check_spec(spec, p, country, label):
    exp = _expected(p, country)
    if isinstance(spec, Exception):
        fail(f"spec_from_persona for {label}", f"raised {type(spec).__name__}: {spec}",
             "Follow the rules for any persona, e.g. keep the ages within 18-65: max(18, ...), min(65, ...).")
    check_type(spec, _Targeting, what=f"spec_from_persona for {label}", hint="Return a Targeting.")
    check_equal(list(spec.platforms), [p["main_platform"]], what=f"the platforms for {label}",
                hint="Use only persona['main_platform'] (the argument, not your world's persona).")
    check_equal(sorted(spec.cities), exp["cities"],
                what=f"the cities for {label} (main_city_share {p['main_city_share']})",
                hint="Target main_city when main_city_share is 0.5 or more; otherwise give no city.")
    check_equal(sorted(spec.countries), exp["countries"],
                what=f"the countries for {label} (main_city_share {p['main_city_share']})",
                hint="Target the whole country (the `country` argument) when main_city_share is under 0.5.")
    check_equal((spec.age_min, spec.age_max), exp["ages"],
                what=f"the ages for {label} (band {p['main_age_band']})",
                hint="Widen the band by 5 years on each side, then keep it within 18-65: "
                     "max(18, ...) and min(65, ...).")
    check_equal(sorted(spec.genders), exp["genders"],
                what=f"the genders for {label} (female_share {p['female_share']})",
                hint="Women only at 0.75 or more, men only at 0.25 or less, otherwise both.")
    check_equal(sorted(spec.interests), exp["interests"],
                what=f"the interests for {label} (top_interests {p['top_interests']!r})",
                hint="Split top_interests on the commas, strip the spaces, keep the first two.")


_w = reference_world(STUDENT_ID)
_ref_ads = _AdsManager(_w)
_fans = _w.audience("you").drop_duplicates("person_id")
_p = _analysis.persona_summary(_w, _fans[_fans["role"] != "bot"])
_country = _ref_ads.panel.brand_country
_mine = spec_from_persona(_p, _country)
_check_spec(_mine, _p, _country, "your persona")
check_in(_ref_ads.estimate(_mine).status, ["narrow", "balanced"],
         what="the audience of your persona's spec in your world",
         hint="Follow the rules exactly; they give an audience that is neither too narrow nor too broad.")
_spread = _p.copy()
_spread["female_share"], _spread["main_city_share"] = 0.9, 0.3
_spread["main_age_band"], _spread["main_platform"] = "55-65", "loop"
_spread["top_interests"] = "pets, home, outdoors"
_check_spec(_spec_or_error(_spread, _country), _spread, _country,
            "a persona of older women spread over many cities")
_teens = _p.copy()
_teens["female_share"], _teens["main_city_share"] = 0.2, 0.5
_teens["main_age_band"], _teens["top_interests"], _teens["main_platform"] = "13-17", "gaming, tech", "chirp"
_check_spec(_spec_or_error(_teens, _country), _teens, _country,
            "a persona of teenage boys, half in one city")
_even = _p.copy()
_even["female_share"], _even["main_age_band"] = 0.75, "35-44"
_check_spec(_spec_or_error(_even, _country), _even, _country, "a persona with female_share exactly 0.75")
### END HIDDEN TESTS
'''

AB_RUN = """
# The designer's three creatives, tested fairly: one ad set each, the same audience, $30 a day for 10 days.
from sandbox.ads_trials import creative_test

_formats = sandbox.params.AD_PLATFORMS[persona["main_platform"]].ad_formats
FORMAT = "image" if "image" in _formats else next(iter(_formats))
LONG_TEXT = min(400, sandbox.params.AD_PLATFORMS[persona["main_platform"]].max_text)
test_spec = Targeting(platforms=[persona["main_platform"]], interests=CORE_INTERESTS, **PLACE)
creatives = {
    "A: stock photo": Creative(format=FORMAT, text_length=90, visual_fit=0.4),
    "B: own photo + headline": Creative(format=FORMAT, text_length=90, headline="Your first visit is on us",
                                        visual_fit=0.85),
    "C: long text": Creative(format=FORMAT, text_length=LONG_TEXT, headline="Your first visit is on us",
                             visual_fit=0.6),
}
ab_results = creative_test(world, test_spec, creatives, daily_budget=30, days=10)
ab = ab_results.ad_sets[["ad_set", "spend", "impressions", "reach", "clicks"]]
ab
"""

# the hidden tests of Parts 2 and 3 rerun the creative test in the reference world
AB_REFERENCE_IMPORTS = """
import sandbox as _sandbox
from sandbox import analysis as _analysis
from sandbox.ads import AdsManager as _AdsManager
from sandbox.ads import Creative as _Creative
from sandbox.ads import Targeting as _Targeting
from sandbox.ads_trials import creative_test as _creative_test
from sandbox.exercises import reference_world
"""

AB_REFERENCE = """
_w = reference_world(STUDENT_ID)
_fans = _w.audience("you").drop_duplicates("person_id")
_main = _analysis.persona_summary(_w, _fans[_fans["role"] != "bot"])["main_platform"]
_panel = _AdsManager(_w).panel
_niche = _sandbox.NICHES[_w.niche]
_place = {"cities": [_panel.brand_city]} if _niche.local else {"countries": [_panel.brand_country]}
_ap = _sandbox.params.AD_PLATFORMS[_main]
_fmt = "image" if "image" in _ap.ad_formats else next(iter(_ap.ad_formats))
_head = "Your first visit is on us"
_spec = _Targeting(platforms=[_main], interests=list(_niche.core_interests), **_place)
_creatives = {
    "A: stock photo": _Creative(format=_fmt, text_length=90, visual_fit=0.4),
    "B: own photo + headline": _Creative(format=_fmt, text_length=90, headline=_head, visual_fit=0.85),
    "C: long text": _Creative(format=_fmt, text_length=min(400, _ap.max_text), headline=_head,
                              visual_fit=0.6),
}
_ref = _creative_test(_w, _spec, _creatives, daily_budget=30, days=10).ad_sets
_ref = _ref[["ad_set", "spend", "impressions", "reach", "clicks"]]
"""

P2 = """
## Part 2 · The numbers of the creative test (3 points)

The locked cell above ran the test in your world: `ab` has one row per creative with its
`spend` (USD), `impressions`, `reach` (people) and `clicks`. Before choosing, a specialist reads
four numbers per creative:

- **CTR** = clicks ÷ impressions (a fraction: 0.008 is 0.8%);
- **CPC** = spend ÷ clicks (USD per click);
- **CPM** = spend ÷ impressions × 1000 (USD per 1000 impressions);
- **frequency** = impressions ÷ reach (times each person saw the ad).

Write `add_ad_metrics(table)`: it returns a **copy** of the table with the four new columns
`ctr`, `cpc`, `cpm` and `frequency`, and every column it had. Where a denominator is 0, the value
is `NaN` (not infinity, not an error). Do not change the table you are given.

Tip: `s.where(s > 0)` keeps the values of a Series above 0 and turns the others into `NaN`;
dividing by it gives `NaN` instead of infinity.
"""

S2 = '''
def add_ad_metrics(table):
    """Return a copy of `table` with ctr, cpc, cpm and frequency columns (NaN where a denominator is 0).

    Args:
        table: A table with spend, impressions, reach and clicks columns, one row per ad or ad set.

    Returns:
        A new DataFrame: every column of `table` plus ctr, cpc, cpm and frequency.
    """
    ### BEGIN SOLUTION
    out = table.copy()
    impressions = out["impressions"].where(out["impressions"] > 0)
    out["ctr"] = out["clicks"] / impressions
    out["cpc"] = out["spend"] / out["clicks"].where(out["clicks"] > 0)
    out["cpm"] = out["spend"] * 1000 / impressions
    out["frequency"] = out["impressions"] / out["reach"].where(out["reach"] > 0)
    return out
    ### END SOLUTION


ab_metrics = add_ad_metrics(ab)
ab_metrics.round(4)
'''

T2 = (
    '''
"""Checks that add_ad_metrics adds ctr, cpc, cpm and frequency to a copy of the table, with sound values."""
import pandas as pd

from sandbox.grading.feedback import check_between, check_equal, check_true, check_type

_before = ab.copy()
_m = add_ad_metrics(ab)
check_type(_m, pd.DataFrame, what="add_ad_metrics(ab)",
           hint="Return the table (a DataFrame), not a number or None.")
check_equal(len(_m), len(ab), what="the number of rows of add_ad_metrics(ab)",
            hint="Keep one row per creative.")
for _col in ("ad_set", "spend", "impressions", "reach", "clicks", "ctr", "cpc", "cpm", "frequency"):
    check_true(_col in _m.columns, what="the columns of add_ad_metrics(ab)",
               problem=f"there is no {_col!r} column.",
               hint="Keep every column of the table and add ctr, cpc, cpm and frequency.")
check_true(ab.equals(_before), what="the table `ab` after add_ad_metrics(ab)",
           problem="was changed: it has new columns or new values.",
           hint="Work on a copy: out = table.copy(), then add the columns to `out`.")
for _, _r in _m.iterrows():
    check_between(_r["ctr"], 0, 0.1, what=f"the CTR of {_r['ad_set']!r}",
                  hint="CTR is clicks / impressions, a fraction: 0.008 means 0.8%. Do not multiply by 100; "
                       "ads are rarely clicked by more than a few viewers in a hundred.")
    check_true(_r["frequency"] >= 1, what=f"the frequency of {_r['ad_set']!r}",
               problem=f"is {_r['frequency']}, under 1: nobody sees an ad less than once.",
               hint="frequency = impressions / reach (not reach / impressions).")
### BEGIN HIDDEN TESTS
import math
'''
    + AB_REFERENCE_IMPORTS
    + """from sandbox.grading.feedback import check_close
"""
    + AB_REFERENCE
    + """
_got = add_ad_metrics(_ref).set_index("ad_set")
for _, _r in _ref.iterrows():
    _name = _r["ad_set"]
    _wanted = {
        "ctr": _r["clicks"] / _r["impressions"],
        "cpc": _r["spend"] / _r["clicks"],
        "cpm": _r["spend"] * 1000 / _r["impressions"],
        "frequency": _r["impressions"] / _r["reach"],
    }
    for _col, _want in _wanted.items():
        check_close(_got.loc[_name, _col], _want, what=f"{_col} of {_name!r} in your world's test",
                    hint="ctr = clicks / impressions, cpc = spend / clicks, "
                         "cpm = spend / impressions x 1000, frequency = impressions / reach.")
_zero = pd.DataFrame({"ad": ["no clicks", "not delivered"], "spend": [12.5, 0.0], "impressions": [900, 0],
                      "reach": [600, 0], "clicks": [0, 0], "note": ["x", "y"]})
_z = add_ad_metrics(_zero).set_index("ad")
check_close(_z.loc["no clicks", "ctr"], 0.0, what="the CTR of an ad with impressions but no clicks",
            hint="0 clicks / 900 impressions is a CTR of 0, not NaN.")
check_true(math.isnan(_z.loc["no clicks", "cpc"]), what="the CPC of an ad with no clicks",
           problem=f"is {_z.loc['no clicks', 'cpc']!r}; with no clicks there is no cost per click.",
           hint="Divide by clicks.where(clicks > 0) so that 0 clicks gives NaN instead of infinity.")
for _col in ("ctr", "cpc", "cpm", "frequency"):
    check_true(math.isnan(_z.loc["not delivered", _col]), what=f"the {_col} of an ad with no impressions",
               problem=f"is {_z.loc['not delivered', _col]!r}, expected NaN.",
               hint="Where the denominator is 0, the rate is NaN: divide by s.where(s > 0).")
check_equal(list(_z["note"]), ["x", "y"], what="the other columns of the table",
            hint="Keep every column you are given.")
### END HIDDEN TESTS
"""
)

P3 = """
## Part 3 · Pick the winning creative by the rule (3 points)

The owner wants a clear rule for ending a test, agreed before it started:

1. only creatives with at least `min_clicks` clicks count (fewer clicks is too little data);
2. if fewer than two creatives count, there is nothing to compare yet: the answer is `None`;
3. among those that count, the winner has the lowest **CPC** (spend ÷ clicks);
4. but it wins only if its CPC is at least 10% lower than the second-lowest CPC (at most 0.9 ×
   that CPC); otherwise the answer is `None` (no clear winner: keep testing).

Write `pick_winner(table, min_clicks=100)`: it returns the `ad_set` name of the winner, or
`None`. The table has at least the columns `ad_set`, `spend` and `clicks`.
"""

S3 = '''
def pick_winner(table, min_clicks=100):
    """Return the ad_set name of the winning creative by the rule above, or None.

    Args:
        table: One row per creative with ad_set, spend and clicks columns.
        min_clicks: Clicks a creative needs to count.

    Returns:
        The winner's ad_set name (text), or None.
    """
    ### BEGIN SOLUTION
    counted = table[table["clicks"] >= min_clicks]
    if len(counted) < 2:
        return None
    cpc = (counted["spend"] / counted["clicks"]).sort_values(kind="stable")
    if cpc.iloc[0] > 0.9 * cpc.iloc[1]:
        return None
    return str(counted.loc[cpc.index[0], "ad_set"])
    ### END SOLUTION


winner = pick_winner(ab)
print("Winner:", winner if winner is not None else "no clear winner yet, keep testing")
'''

T3 = (
    '''
"""Checks that pick_winner names a tested creative (or None), and None when no creative has enough clicks."""
import pandas as pd

from sandbox.grading.feedback import check_equal, check_in, check_type

_win = pick_winner(ab)
check_type(_win, (str, type(None)), what="pick_winner(ab)",
           hint="Return the winner's ad_set name as text (one value from the ad_set column), or None.")
check_in(_win, [None, *ab["ad_set"]], what="pick_winner(ab)",
         hint="Return the winner's ad_set name as text (e.g. 'B: own photo + headline') or None.")
_few = pd.DataFrame({"ad_set": ["A", "B"], "spend": [50.0, 50.0], "clicks": [40, 80]})
check_equal(pick_winner(_few), None, what="pick_winner on a test where no creative has 100 clicks",
            hint="Keep only rows with clicks >= min_clicks; with fewer than two left, return None.")
### BEGIN HIDDEN TESTS
'''
    + AB_REFERENCE_IMPORTS
    + """from sandbox.grading.feedback import fail
"""
    + AB_REFERENCE
    + """

def _pick(table, label, **kwargs):
    try:
        return pick_winner(table, **kwargs)
    except Exception as exc:  # shown to the learner with the case it failed on
        fail(f"pick_winner {label}", f"raised {type(exc).__name__}: {exc}",
             "Keep the rows with enough clicks first; with fewer than two left, return None.")


def _rule(table, min_clicks=100):
    counted = table[table["clicks"] >= min_clicks]
    if len(counted) < 2:
        return None
    cpc = (counted["spend"] / counted["clicks"]).sort_values(kind="stable")
    return None if cpc.iloc[0] > 0.9 * cpc.iloc[1] else counted.loc[cpc.index[0], "ad_set"]


check_equal(_pick(_ref, "on your world's test"), _rule(_ref),
            what="pick_winner on your world's creative test",
            hint="Lowest CPC among creatives with enough clicks, if at least 10% below the second lowest.")
_t = pd.DataFrame({"ad_set": ["A", "B", "C", "D"], "spend": [100.0] * 4, "clicks": [125, 160, 150, 400]})
check_equal(_pick(_t, "with min_clicks=500", min_clicks=500), None,
            what="pick_winner(table, min_clicks=500) when no creative has 500 clicks",
            hint="Use the min_clicks argument, not a fixed 100.")
check_equal(_pick(_t, "on a made-up test"), "D",
            what="pick_winner on a test where D's CPC is far below the others",
            hint="CPC = spend / clicks; the lowest CPC wins when it is at least 10% below the second lowest.")
_close = pd.DataFrame({"ad_set": ["A", "B", "C"], "spend": [100.0, 100.0, 100.0], "clicks": [150, 160, 120]})
check_equal(_pick(_close, "on a close test"), None,
            what="pick_winner when the best CPC is only 6% below the second best",
            hint="The winner's CPC must be at most 0.9 x the second-lowest CPC; otherwise return None.")
_clear = pd.DataFrame({"ad_set": ["A", "B", "C"], "spend": [60.0, 100.0, 6.0], "clicks": [100, 130, 20]})
check_equal(_pick(_clear, "on a test with a low-click creative"), "A",
            what="pick_winner when C has the lowest CPC but only 20 clicks",
            hint="Leave out creatives with fewer than min_clicks clicks before comparing CPCs.")
check_equal(_pick(_clear, "with min_clicks=10", min_clicks=10), "C",
            what="pick_winner(table, min_clicks=10) on the same table",
            hint="With min_clicks=10 every creative counts; C's CPC ($0.30) is the lowest.")
_one = pd.DataFrame({"ad_set": ["A", "B"], "spend": [80.0, 10.0], "clicks": [200, 5]})
check_equal(_pick(_one, "with one creative counted"), None,
            what="pick_winner when only one creative has enough clicks",
            hint="With fewer than two creatives that count there is nothing to compare: return None.")
### END HIDDEN TESTS
"""
)

AUDIENCE_RUN = """
# Three audiences, one lead campaign each (the result is a registration), 10 days:
# two cold ones at $20 a day (they exclude your site visitors) and your warm site visitors at $5 a day.
from sandbox.ads_trials import compare_audiences

visitors = ads.create_custom_audience("site visitors 180d", "site_visitors", days=180)
lookalike = ads.create_lookalike("lookalike 5%", visitors, percent=5)
_platforms = ["pixa", "circles"]
_cold_specs = {
    "interests": Targeting(platforms=_platforms, interests=CORE_INTERESTS, exclude=[visitors], **PLACE),
    "lookalike 5%": Targeting(platforms=_platforms, custom_audiences=[lookalike], exclude=[visitors],
                              **PLACE),
}
_cold = compare_audiences(world, _cold_specs, daily_budget=20, days=10, objective="leads")
_warm = compare_audiences(world, {
    "site visitors 180 days": Targeting(platforms=_platforms, custom_audiences=[visitors], **PLACE),
}, daily_budget=5, days=10, objective="leads")
audiences = pd.concat([_cold.assign(kind="cold"), _warm.assign(kind="warm")]).reset_index()
audiences = audiences[["audience", "kind", "audience_size", "spend", "frequency", "ctr", "cpm",
                       "registrations", "cost_per_registration"]]
audiences.round(4)
"""

P4 = """
## Part 4 · Warm or cold, for the goal (3 points)

The locked cell above tested three audiences in your world: `audiences` has one row per
audience with its `kind` (`"cold"`: people who do not know you yet; `"warm"`: people who visited
your site), `cpm` (USD per 1000 impressions) and `cost_per_registration` (USD; `NaN` when it
brought no registration). The owner has three goals for next month, and a rule for each:

- `"sales"` — registrations now, from anyone: the audience with the lowest
  `cost_per_registration`, warm or cold;
- `"new customers"` — people who do not know the brand yet: only **cold** audiences count; the
  lowest `cost_per_registration` among them;
- `"awareness"` — as many impressions among new people as possible for the money: only **cold**
  audiences count; the lowest `cpm` among them.

An audience whose number is `NaN` never wins. On a tie, the first in the table wins. If no
audience qualifies, return `None`.

Write `choose_audience(table, goal)`: it returns the `audience` name chosen for the goal.
"""

S4 = '''
def choose_audience(table, goal):
    """Return the audience name the rule above chooses for `goal` ("sales", "new customers" or "awareness").

    Args:
        table: One row per audience with audience, kind, cpm and cost_per_registration columns.
        goal: "sales", "new customers" or "awareness".

    Returns:
        The chosen audience's name (text), or None.
    """
    ### BEGIN SOLUTION
    pool = table if goal == "sales" else table[table["kind"] == "cold"]
    column = "cpm" if goal == "awareness" else "cost_per_registration"
    pool = pool[pool[column].notna()]
    if len(pool) == 0:
        return None
    return str(pool.loc[pool[column].idxmin(), "audience"])
    ### END SOLUTION


for goal in ("sales", "new customers", "awareness"):
    print(f"{goal:>13}: {choose_audience(audiences, goal)}")
'''

T4 = '''
"""Checks that choose_audience names a tested audience, and a cold one for new customers and awareness."""
from sandbox.grading.feedback import check_in

for _goal in ("sales", "new customers", "awareness"):
    check_in(choose_audience(audiences, _goal), list(audiences["audience"]),
             what=f"choose_audience(audiences, {_goal!r})",
             hint="Return the audience column's value of the chosen row, as text.")
_cold_names = list(audiences.loc[audiences["kind"] == "cold", "audience"])
for _goal in ("new customers", "awareness"):
    check_in(choose_audience(audiences, _goal), _cold_names, what=f"choose_audience(audiences, {_goal!r})",
             hint="New customers and awareness only count cold audiences: keep the rows of kind 'cold'.")
### BEGIN HIDDEN TESTS
import math

import pandas as pd

import sandbox as _sandbox
from sandbox.ads import AdsManager as _AdsManager
from sandbox.ads import Targeting as _Targeting
from sandbox.ads_trials import compare_audiences as _compare
from sandbox.exercises import reference_world
from sandbox.grading.feedback import check_equal, fail


def _choose(table, goal, label):
    try:
        return choose_audience(table, goal)
    except Exception as exc:  # shown to the learner with the case it failed on
        fail(f"choose_audience for {goal!r} {label}", f"raised {type(exc).__name__}: {exc}",
             "Drop the rows that do not count (kind, NaN) first; if none is left, return None.")


def _rule(table, goal):
    pool = table if goal == "sales" else table[table["kind"] == "cold"]
    column = "cpm" if goal == "awareness" else "cost_per_registration"
    pool = pool[pool[column].notna()]
    return None if len(pool) == 0 else pool.loc[pool[column].idxmin(), "audience"]


_w = reference_world(STUDENT_ID)
_ads = _AdsManager(_w)
_visitors = _ads.create_custom_audience("site visitors 180d", "site_visitors", days=180)
_lal = _ads.create_lookalike("lookalike 5%", _visitors, percent=5)
_plats = ["pixa", "circles"]
_niche = _sandbox.NICHES[_w.niche]
_place = {"cities": [_ads.panel.brand_city]} if _niche.local else {"countries": [_ads.panel.brand_country]}
_interests = list(_niche.core_interests)
_c = _compare(_w, {
    "interests": _Targeting(platforms=_plats, interests=_interests, exclude=[_visitors], **_place),
    "lookalike 5%": _Targeting(platforms=_plats, custom_audiences=[_lal], exclude=[_visitors], **_place),
}, daily_budget=20, days=10, objective="leads")
_h = _compare(_w, {"site visitors 180 days": _Targeting(platforms=_plats, custom_audiences=[_visitors],
                                                        **_place)},
              daily_budget=5, days=10, objective="leads")
_ref = pd.concat([_c.assign(kind="cold"), _h.assign(kind="warm")]).reset_index()
for _goal in ("sales", "new customers", "awareness"):
    check_equal(_choose(_ref, _goal, "in your world"), _rule(_ref, _goal),
                what=f"choose_audience for {_goal!r} in your world",
                hint="sales: lowest cost per registration of all; new customers: the same among cold ones; "
                     "awareness: lowest CPM among cold ones.")
_t = pd.DataFrame({
    "audience": ["broad", "interests", "visitors", "customers"],
    "kind": ["cold", "cold", "warm", "warm"],
    "cpm": [4.0, 9.0, 2.0, 15.0],
    "cost_per_registration": [float("nan"), 20.0, 6.0, 4.0],
})
check_equal(_choose(_t, "sales", "(made-up table)"), "customers",
            what="choose_audience for 'sales' when a warm audience is cheapest",
            hint="For sales every audience counts, warm or cold: the lowest cost_per_registration wins.")
check_equal(_choose(_t, "new customers", "(made-up table)"), "interests",
            what="choose_audience for 'new customers' when one cold audience brought no registration",
            hint="Only cold audiences count, and NaN never wins: drop rows whose value is NaN.")
check_equal(_choose(_t, "awareness", "(made-up table)"), "broad",
            what="choose_audience for 'awareness' when a warm audience has the lowest CPM",
            hint="Awareness means new people: only cold audiences count, the lowest cpm wins.")
_none = _t.assign(kind="warm")
check_equal(_choose(_none, "new customers", "when every audience is warm"), None,
            what="choose_audience for 'new customers' when every audience is warm",
            hint="With no cold audience left there is nothing to choose: return None.")
_tie = pd.DataFrame({"audience": ["first", "second"], "kind": ["cold", "cold"], "cpm": [5.0, 5.0],
                     "cost_per_registration": [10.0, 10.0]})
check_equal(_choose(_tie, "awareness", "on a tie"), "first", what="choose_audience on a tie",
            hint="On a tie the first row in the table wins (idxmin returns the first smallest).")
### END HIDDEN TESTS
'''


def build() -> Path:
    cells = [
        markdown("intro", INTRO),
        student_id_cell(),
        readonly("setup", SETUP),
        markdown("part1", P1),
        solution("spec_from_persona", S1),
        tests("q1_spec_from_persona", 4, T1),
        readonly("creative_test_run", AB_RUN),
        markdown("part2", P2),
        solution("add_ad_metrics", S2),
        tests("q2_ctr_cpc_cpm_frequency", 3, T2),
        markdown("part3", P3),
        solution("pick_winner", S3),
        tests("q3_winning_creative_rule", 3, T3),
        readonly("audience_test_run", AUDIENCE_RUN),
        markdown("part4", P4),
        solution("choose_audience", S4),
        tests("q4_warm_or_cold_for_goal", 3, T4),
        *self_check_cells("06-targeting"),
    ]
    return write_notebook(OUT, cells)


if __name__ == "__main__":
    print(f"wrote {build()}")
