"""The capstone engine: brief, rules, run, ghosts, leaderboard, score, and the budget widget."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest

from sandbox import SandboxInputError, World
from sandbox.ads import Creative, Deal, Targeting, marketplace
from sandbox.ads.panel import market_panel
from sandbox.capstone import (
    GHOSTS,
    LIMIT_RULES,
    MAX_POINTS,
    PASS_MARK,
    REPORT_KPIS,
    RULE_ORDER,
    AdSetSpec,
    Brief,
    CapstonePlan,
    ModerationRules,
    check_report,
    check_rules,
    committed_spend,
    deal_price,
    expected_report,
    ghost_plans,
    ghosts_out_of_competition,
    leaderboard,
    moderation_quality,
    run,
    run_ghosts,
    score,
    textbook_plan,
    validate,
)
from sandbox.capstone.engine import MODERATION_EFFECTS
from sandbox.capstone.widgets import BudgetPlanner
from sandbox.content_plan import audience_peak_hours, build_plan

from readme_examples import run_readme_example

SEED = 31


@pytest.fixture(scope="module")
def world() -> World:
    return World(seed=SEED, niche="coffee_shop", size=3_000)


@pytest.fixture(scope="module")
def brief(world) -> Brief:
    return Brief(world, budget=1_200, goal="registrations")


def learner_plan(brief: Brief, ad_budget: float = 30.0, name: str = "learner") -> CapstonePlan:
    """A sensible plan written the way the lesson teaches (not the textbook ghost)."""
    world = brief.world
    mine = world.accounts[world.accounts["brand_id"] == 0].sort_values("followers", ascending=False)
    main, second = mine["platform"].iloc[0], mine["platform"].iloc[1]
    posts = build_plan(
        brief.start,
        brief.weeks,
        {main: 4, second: 3},
        {p: audience_peak_hours(world, p, n=2) for p in (main, second)},
        rubric_mix={"informative": 0.4, "entertaining": 0.4, "commercial": 0.2},
    )
    market = marketplace(world)
    nano = market[(market["tier"] == "nano") & (market["price_per_post"] <= 150)]
    influencer = int(nano.sort_values("audience_interested", ascending=False)["influencer_id"].iloc[0])
    panel = market_panel(world)
    spec = AdSetSpec(
        "locals who like coffee",
        Targeting(
            platforms=[main], cities=[panel.brand_city], interests=["coffee", "food"], age_min=20, age_max=45
        ),
        daily_budget=ad_budget,
        objective="leads",
        creative=Creative(
            format="image", headline="Your first coffee is on us", cta="sign_up", visual_fit=0.8
        ),
    )
    return CapstonePlan(
        posts=posts,
        ad_sets=[spec],
        deal=Deal(influencer, "paid_post", brief.start + pd.Timedelta(days=9)),
        moderation=ModerationRules(
            hide_words=("free", "$", "losers", "garbage", "idiot", "trash", "pathetic", "shut up")
        ),
        name=name,
    )


def report_of(outcome) -> dict:
    """A learner's report, computed from the channel table as the exercise asks."""
    ch = outcome.channels
    spend = float(ch["cost"].sum())
    goal = float(ch[outcome.goal].sum())
    best = (
        None if len(ch) == 0 or ch[outcome.goal].max() <= 0 else ch.loc[ch[outcome.goal].idxmax(), "channel"]
    )
    return {
        "spend": spend,
        "registrations": int(ch["registrations"].sum()),
        "purchases": int(ch["purchases"].sum()),
        "net_real_followers": int(ch["net_real_followers"].sum()),
        "cost_per_result": spend / goal if goal > 0 else None,
        "best_channel": best,
        "romi": (float(ch["gross_profit"].sum()) - spend) / spend if spend > 0 else None,
    }


# --- the brief -----------------------------------------------------------------------------


def test_brief_describes_the_campaign_and_its_rules(brief, world):
    assert brief.brand == world.you
    assert brief.start == world.start_date
    assert brief.days == 28 and brief.last_day == world.start_date + pd.Timedelta(days=27)
    rules = brief.rules()
    assert list(rules["rule"]) == list(RULE_ORDER)
    text = brief.describe()
    assert "$1,200.00" in text and world.you in text
    for rule in RULE_ORDER:
        assert f"{rule}:" in text


@pytest.mark.parametrize(
    ("kwargs", "parameter"),
    [
        ({"budget": -5}, "budget"),
        ({"budget": "lots"}, "budget"),
        ({"goal": "likes"}, "goal"),
        ({"weeks": 20}, "weeks"),
        ({"max_posts_per_day": 0}, "max_posts_per_day"),
        ({"min_moderation_recall": 1.5}, "min_moderation_recall"),
    ],
)
def test_brief_rejects_bad_values_naming_them(world, kwargs, parameter):
    with pytest.raises(SandboxInputError) as exc:
        Brief(world, **kwargs)
    assert exc.value.parameter == parameter


# --- rules -----------------------------------------------------------------------------------


def test_a_sensible_plan_meets_every_rule_and_passes(brief):
    plan = learner_plan(brief)
    assert validate(plan, brief) == []
    s = score(plan, brief, report=report_of)
    assert s.passed, s
    assert s.total >= PASS_MARK
    parts = s.parts.set_index("part")["points"]
    assert parts["rules"] == 30 and parts["report"] == 20
    beaten = s.leaderboard.set_index("plan")["you_beat"]
    assert beaten["do nothing"] and beaten["ads only"]
    assert s.outcome.spend <= brief.budget


def test_the_textbook_plan_follows_its_own_brief_in_several_worlds():
    for seed, niche, locale in (
        (1, "bag_store", "en_US"),
        (2, "pet_shop", "ru_RU"),
        (3, "language_school", "en_US"),
    ):
        w = World(seed=seed, niche=niche, size=2_000, locale=locale)
        for b in (Brief(w), Brief(w, budget=300, min_posts_per_week=7, max_posts_per_day=1)):
            assert validate(textbook_plan(b), b) == [], (seed, niche, b)


def test_overspending_plan_fails_with_the_budget_rule_named(brief):
    plan = learner_plan(brief, ad_budget=60.0)  # 60 x 28 = 1,680 for the ads alone
    problems = validate(plan, brief)
    assert len(problems) == 1 and problems[0].startswith("budget: ")
    assert "$1,680.00" in problems[0] and "over the brief's $1,200.00" in problems[0]
    with pytest.raises(SandboxInputError) as exc:
        run(plan, brief)
    assert exc.value.parameter == "plan" and "budget:" in str(exc.value)
    s = score(plan, brief, report=report_of)
    assert not s.passed and s.outcome is None and s.leaderboard is None
    assert s.failures[0].startswith("budget: ")
    assert s.total == pytest.approx(30 * 7 / 8)


def _posts_with(plan: CapstonePlan, **changes) -> CapstonePlan:
    posts = plan.posts_table()
    for col, (row, value) in changes.items():
        posts[col] = posts[col].astype(object)
        posts.loc[row, col] = value
    return replace(plan, posts=posts)


def _breakers(brief: Brief) -> dict[str, tuple[str, CapstonePlan]]:
    base = learner_plan(brief)
    posts = base.posts_table()
    first_time = posts["time"].iloc[0]
    crowded = pd.concat(
        [
            posts,
            posts.iloc[[0, 0]].assign(
                time=[first_time + pd.Timedelta(hours=1), first_time + pd.Timedelta(hours=2)]
            ),
        ],
        ignore_index=True,
    ).drop(columns="post_id")
    week2 = brief.week_of(posts["time"]) == 2
    contest = posts.copy()
    contest.loc[0, "rubric"] = "contest"
    spec = base.ad_sets[0]
    return {
        "post after the campaign": (
            "posts_valid",
            _posts_with(base, time=(0, brief.end + pd.Timedelta(hours=3))),
        ),
        "unknown format": ("posts_valid", _posts_with(base, format=(0, "hologram"))),
        "too many posts a day": ("posts_per_day", replace(base, posts=crowded)),
        "an empty week": ("posts_per_week", replace(base, posts=posts[~week2])),
        "no deal": ("influencer_deal", replace(base, deal=None)),
        "affiliate deal": ("influencer_deal", replace(base, deal=replace(base.deal, kind="affiliate"))),
        "deal after the campaign": (
            "influencer_deal",
            replace(base, deal=replace(base.deal, date=brief.end)),
        ),
        "unknown influencer": (
            "influencer_deal",
            replace(base, deal=replace(base.deal, influencer_id=10_000)),
        ),
        "ad set after the campaign": ("ad_sets", replace(base, ad_sets=[replace(spec, end=brief.end)])),
        "ad set without budget": ("ad_sets", replace(base, ad_sets=[replace(spec, daily_budget=None)])),
        "contest without prize": ("contest_prizes", replace(base, posts=contest)),
        "no moderation words": ("moderation", replace(base, moderation=ModerationRules())),
        "over-eager moderation": (
            "moderation",
            replace(base, moderation=ModerationRules(("free", "$", "e"))),
        ),
    }


@pytest.mark.parametrize(
    "case",
    [
        "post after the campaign",
        "unknown format",
        "too many posts a day",
        "an empty week",
        "no deal",
        "affiliate deal",
        "deal after the campaign",
        "unknown influencer",
        "ad set after the campaign",
        "ad set without budget",
        "contest without prize",
        "no moderation words",
        "over-eager moderation",
    ],
)
def test_each_broken_rule_is_named_with_a_fix(brief, case):
    rule, plan = _breakers(brief)[case]
    problems = validate(plan, brief)
    assert [p.split(":")[0] for p in problems] == [rule], problems
    table = check_rules(plan, brief).set_index("rule")
    assert table.loc[rule, "ok"] == False  # noqa: E712 - a pandas boolean
    assert len(problems[0]) > len(rule) + 30  # a sentence, not just the name


def test_invalid_posts_skip_the_post_count_rules(brief):
    _, plan = _breakers(brief)["unknown format"]
    table = check_rules(plan, brief).set_index("rule")
    assert pd.isna(table.loc["posts_per_week", "ok"]) and pd.isna(table.loc["posts_per_day", "ok"])
    assert "hologram" in table.loc["posts_valid", "detail"]


def test_plan_of_the_wrong_type_is_refused(brief):
    with pytest.raises(SandboxInputError) as exc:
        validate({"posts": []}, brief)
    assert exc.value.parameter == "plan"
    problems = validate(CapstonePlan(ad_sets=[{"name": "x"}]), brief)
    ad_sets = [p for p in problems if p.startswith("ad_sets:")]
    assert ad_sets and "targeting" in ad_sets[0]


def test_committed_spend_is_the_most_the_budgets_allow(brief, world):
    spec = learner_plan(brief).ad_sets[0]
    assert spec.max_spend(brief) == pytest.approx(30 * 28)  # 4 full calendar weeks from a Monday
    assert brief.start.day_of_week == 0
    mon_wed = replace(spec, end=brief.start + pd.Timedelta(days=2))
    assert mon_wed.max_spend(brief) == pytest.approx(30 * 3 * 1.25)
    sat_tue = replace(spec, start=brief.start + pd.Timedelta(days=5), end=brief.start + pd.Timedelta(days=8))
    assert sat_tue.max_spend(brief) == pytest.approx(30 * (2.5 + 2.5))
    assert replace(spec, daily_budget=None, lifetime_budget=500).max_spend(brief) == 500
    plan = learner_plan(brief)
    c = committed_spend(plan, brief)
    assert c["influencer"] == pytest.approx(deal_price(brief, plan.deal))
    assert c["total"] == pytest.approx(c["ads"] + c["influencer"] + c["contest"])
    giveaway = replace(plan.deal, kind="giveaway", prize_value=80)
    market = marketplace(world).set_index("influencer_id")
    assert deal_price(brief, giveaway) == pytest.approx(
        market.loc[plan.deal.influencer_id, "price_per_post"] * 1.3 + 80
    )


# --- run -------------------------------------------------------------------------------------


def test_run_adds_up_every_channel(brief, world):
    plan = replace(learner_plan(brief), contest_prize=25.0)
    posts = plan.posts_table()
    posts.loc[posts.index[:2], "rubric"] = "contest"
    plan = replace(plan, posts=posts)
    o = run(plan, brief)
    ch = o.channels.set_index("channel")
    assert set(ch.index) == {"organic", "contest", "ads", "influencer"}
    assert ch.loc["contest", "cost"] == pytest.approx(50.0)
    assert ch.loc["ads", "cost"] == pytest.approx(o.ads_result.ad_sets["spend"].sum())
    assert ch.loc["influencer", "cost"] == pytest.approx(deal_price(brief, plan.deal))
    assert o.spend == pytest.approx(ch["cost"].sum()) and o.spend <= o.committed["total"] + 1e-6
    assert o.committed["ads"] >= ch.loc["ads", "cost"]
    conv = o.ads_result.conversions
    assert ch.loc["ads", "registrations"] == (conv["event"] == "registration").sum()
    assert o.registrations == int(ch["registrations"].sum()) and o.goal_value == o.registrations
    posts_out = o.plan_result.posts
    organic = posts_out[posts_out["rubric"] != "contest"]
    assert (
        ch.loc["organic", "net_real_followers"]
        == (organic["follows"] - organic["bot_follows"] - organic["unfollows"]).sum()
    )
    deal = o.deal_result.deals.iloc[0]
    assert (
        ch.loc["influencer", "net_real_followers"]
        == deal["follows"] - deal["bot_follows"] - deal["unfollows"]
    )
    assert ch.loc["ads", "net_real_followers"] == 0
    assert o.cost_per_result == pytest.approx(o.spend / o.registrations)
    assert o.best_channel == "ads"
    expected = expected_report(o)
    assert expected["best_channel"] == "ads" and set(expected) == set(REPORT_KPIS)
    assert o.romi == pytest.approx((ch["gross_profit"].sum() - o.spend) / o.spend)
    m = o.moderation
    assert set(m) >= {"precision", "recall", "hidden", *MODERATION_EFFECTS}
    assert m["spam_toxic_removed"] == m["hidden_right"]
    assert m["spam_toxic_removed"] + m["spam_toxic_left_visible"] == m["to_hide"]


def test_moderation_effects_come_from_the_community_model(brief):
    spree = ghost_plans(brief)["posting spree"]
    greedy = run(
        replace(spree, moderation=ModerationRules(hide_words=("a", "e", "o", "i"))), brief, check=False
    )
    m = greedy.moderation
    assert m["comments"] > 0
    assert m["real_comments_removed"] > 0
    # hidden comments that are not spam or toxic: real people's (counted) and bots' praise or questions
    assert 0 < m["real_comments_removed"] <= m["hidden"] - m["hidden_right"]
    nothing = run(replace(spree, moderation=ModerationRules(hide_links=False)), brief, check=False).moderation
    assert (
        nothing["hidden"] == 0 and nothing["real_comments_removed"] == 0 and nothing["unfollows_avoided"] == 0
    )
    assert nothing["spam_toxic_left_visible"] == nothing["to_hide"]


def test_goal_changes_what_is_counted(world):
    plan_brief = Brief(world, goal="net_real_followers")
    o = run(learner_plan(plan_brief), plan_brief)
    assert o.goal_value == o.net_real_followers
    assert o.goal_value == int(o.channels["net_real_followers"].sum())
    assert "net real followers" in repr(o)


def test_two_valid_plans_score_by_their_outcome(brief):
    strong, weak = learner_plan(brief, 30.0, "strong"), learner_plan(brief, 8.0, "weak")
    assert validate(strong, brief) == [] and validate(weak, brief) == []
    s_strong, s_weak = score(strong, brief, report_of), score(weak, brief, report_of)
    assert s_strong.outcome.goal_value > s_weak.outcome.goal_value
    assert s_strong.total > s_weak.total
    outcome_pts = {
        s.outcome.name: s.parts.set_index("part").loc["outcome", "points"] for s in (s_strong, s_weak)
    }
    assert outcome_pts["strong"] > outcome_pts["weak"]


def test_everything_is_deterministic_from_the_seed(brief):
    again = World(seed=SEED, niche="coffee_shop", size=3_000)
    b2 = Brief(again, budget=1_200)
    o1, o2 = run(learner_plan(brief), brief), run(learner_plan(b2), b2)
    pd.testing.assert_frame_equal(o1.channels, o2.channels)
    assert o1.moderation == o2.moderation
    pd.testing.assert_frame_equal(leaderboard(o1, brief), leaderboard(o2, b2))
    s1, s2 = score(learner_plan(brief), brief, report_of), score(learner_plan(b2), b2, report_of)
    assert s1.total == s2.total
    other = World(seed=SEED + 1, niche="coffee_shop", size=3_000)
    b3 = Brief(other, budget=1_200)
    o3 = run(learner_plan(b3), b3)
    assert not o3.channels.equals(o1.channels)


# --- ghosts, leaderboard, report ---------------------------------------------------------------


def test_ghosts_are_what_they_say(brief):
    ghosts = run_ghosts(brief)
    assert list(ghosts) == list(GHOSTS)
    nothing = ghosts["do nothing"]
    assert nothing.goal_value == 0 and nothing.spend == 0 and len(nothing.channels) == 0
    expected = expected_report(nothing)
    assert (
        expected["cost_per_result"] is None and expected["best_channel"] is None and expected["romi"] is None
    )
    ads = ghosts["ads only"]
    assert list(ads.channels["channel"]) == ["ads"] and 0.9 * brief.budget < ads.spend <= brief.budget
    assert ads.net_real_followers == 0
    assert ghosts["posting spree"].spend == 0 and len(ghosts["posting spree"].plan_result.posts) == 4 * 3 * 28
    assert ghosts["textbook plan"].spend <= brief.budget
    assert run_ghosts(brief)["ads only"] is ads  # computed once per world and brief


def test_leaderboard_ranks_by_the_goal_then_spend(brief):
    o = run(learner_plan(brief), brief)
    board = leaderboard(o, brief)
    assert list(board["rank"]) == [1, 2, 3, 4, 5]
    assert set(board["plan"]) == {"learner", *GHOSTS}
    # plans that keep the brief's limits first, each group by the goal
    assert board["in_competition"].is_monotonic_decreasing
    for _, group in board.groupby("in_competition"):
        assert group["goal_value"].is_monotonic_decreasing
    rows = board.set_index("plan")
    assert rows.loc["learner", "rules_broken"] == 0 and pd.isna(rows.loc["learner", "you_beat"])
    assert rows.loc["do nothing", "rules_broken"] >= 2  # no posts, no deal
    assert rows.loc["textbook plan", "rules_broken"] == 0
    for name in GHOSTS:
        if rows.loc[name, "in_competition"]:
            assert bool(rows.loc[name, "you_beat"]) == (o.goal_value > rows.loc[name, "goal_value"])
        else:
            assert bool(rows.loc[name, "you_beat"])


def test_a_ghost_that_breaks_a_limit_is_out_of_competition(brief):
    """The posting spree posts more a day than the brief allows: shown, never a target to beat."""
    out = ghosts_out_of_competition(brief)
    assert out == {"posting spree": ["posts_per_day"]}
    assert set(LIMIT_RULES) == {"posts_per_day", "budget"}
    s = score(learner_plan(brief), brief, report_of)
    rows = s.leaderboard.set_index("plan")
    assert not rows.loc["posting spree", "in_competition"] and rows.loc["posting spree", "rank"] == 5
    assert (
        "'posting spree' is out of competition (breaks the posts_per_day limit)" in s.parts.loc[1, "detail"]
    )
    assert not any("posting spree" in f for f in s.failures)
    # the margin is over the best ghost that keeps the limits
    ghosts = run_ghosts(brief)
    best = max(g.goal_value for name, g in ghosts.items() if name not in out)
    assert f"margin over the best ghost ({best:,})" in s.parts.loc[1, "detail"]


def test_check_report_accepts_the_run_and_flags_wrong_kpis(brief):
    o = run(learner_plan(brief), brief)
    assert check_report(report_of(o), o)["ok"].all()
    assert check_report(expected_report(o), o)["ok"].all()
    wrong = {**report_of(o), "spend": o.spend * 1.05, "best_channel": "organic"}
    del wrong["purchases"]
    table = check_report(wrong, o).set_index("kpi")
    assert list(table.index[~table["ok"]]) == ["spend", "purchases", "best_channel"]
    assert "missing" in table.loc["purchases", "detail"]
    nearly = {**report_of(o), "spend": o.spend * 1.005}  # within 1%
    assert check_report(nearly, o)["ok"].all()
    nothing = run_ghosts(brief)["do nothing"]
    assert check_report(report_of(nothing), nothing)["ok"].all()
    assert (
        not check_report({**report_of(nothing), "cost_per_result": 0.0}, nothing)
        .set_index("kpi")
        .loc["cost_per_result", "ok"]
    )
    with pytest.raises(SandboxInputError):
        check_report([1, 2], o)


def test_score_parts_add_up_and_a_wrong_report_costs_points(brief):
    plan = learner_plan(brief)
    good = score(plan, brief, report_of)
    assert good.total == pytest.approx(good.parts["points"].sum())
    assert good.parts["max_points"].sum() == MAX_POINTS
    bad = score(plan, brief, {**report_of(good.outcome), "registrations": 0})
    assert bad.total == pytest.approx(good.total - 20 / len(REPORT_KPIS), abs=0.02)
    assert any(f.startswith("report: registrations") for f in bad.failures)
    none = score(plan, brief)
    assert none.parts.set_index("part").loc["report", "points"] == 0
    assert "Score:" in repr(good) and "rules" in repr(good)


# --- moderation --------------------------------------------------------------------------------


def test_moderation_rules_hide_links_and_words():
    comments = pd.DataFrame(
        {
            "text": [
                "Free gift cards bit.ly/x",
                "Love it!",
                "You are LOSERS",
                "How much is it?",
                "see www.x.org",
            ],
            "label": ["spam", "praise", "toxic", "question", "spam"],
        }
    )
    links = ModerationRules()
    assert links.hides(comments["text"]).tolist() == [True, False, False, False, True]
    both = ModerationRules(hide_words=["losers"])
    q = moderation_quality(comments, both)
    assert (q["hidden"], q["hidden_right"], q["recall"], q["precision"]) == (3, 3, 1.0, 1.0)
    greedy = ModerationRules(hide_words=("o",), hide_links=False)
    q = moderation_quality(comments, greedy)
    assert q["precision"] == pytest.approx(2 / 4) and q["recall"] == pytest.approx(2 / 3)
    assert "hide" in both.triage(comments).columns
    with pytest.raises(SandboxInputError) as exc:
        ModerationRules(hide_words=["ok", ""])
    assert exc.value.parameter == "hide_words"
    with pytest.raises(SandboxInputError):
        ModerationRules(hide_links="yes")


# --- the widget ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def planner(brief) -> BudgetPlanner:
    return BudgetPlanner(brief)


def test_budget_planner_shows_spend_by_channel(planner, brief):
    planner.controls["ads"].value = 60
    planner.controls["prizes"].value = 5
    planner.controls["contests"].value = 2
    split = planner.split().set_index("channel")["amount"]
    assert split["ads"] == pytest.approx(0.6 * brief.budget)
    assert split["contest"] == pytest.approx(0.05 * brief.budget)
    assert split["total"] == pytest.approx(split["ads"] + split["influencer"] + split["contest"])
    assert split["left"] == pytest.approx(brief.budget - split["total"])
    assert "$720.00" in planner.table.value
    planner.controls["ads"].value = 80
    assert "$960.00" in planner.table.value


def test_budget_planner_checks_the_money_rules(planner, brief):
    planner.controls["ads"].value = 70
    planner.controls["influencer"].value = 15
    planner.controls["prizes"].value = 5
    planner.controls["contests"].value = 2
    assert planner.checks()["ok"].all()
    assert "&#10008;" not in planner.checks_html.value
    planner.controls["ads"].value = 100
    checks = planner.checks().set_index("rule")
    assert not checks.loc["budget", "ok"] and "over" in checks.loc["budget", "detail"]
    assert "&#10008;" in planner.checks_html.value
    planner.controls["ads"].value = 70
    planner.controls["influencer"].value = 0
    assert not planner.checks().set_index("rule").loc["influencer_deal", "ok"]
    planner.controls["influencer"].value = 15
    planner.controls["prizes"].value = 0
    assert not planner.checks().set_index("rule").loc["contest_prizes", "ok"]
    planner.controls["contests"].value = 0
    assert planner.checks()["ok"].all()


def test_budget_planner_parts_make_a_valid_plan(planner, brief):
    planner.controls["ads"].value = 70
    planner.controls["influencer"].value = 15
    planner.controls["prizes"].value = 4
    planner.controls["contests"].value = 2
    parts = planner.plan_parts()
    base = textbook_plan(brief)
    posts = base.posts_table()
    posts["rubric"] = posts["rubric"].replace("contest", "informative")
    posts.loc[posts.index[[3, 12]], "rubric"] = "contest"
    plan = CapstonePlan(
        posts=posts,
        ad_sets=[replace(base.ad_sets[0], lifetime_budget=parts["lifetime_budget"])],
        deal=parts["deal"],
        contest_prize=parts["contest_prize"],
        moderation=base.moderation,
    )
    assert validate(plan, brief) == []
    c = committed_spend(plan, brief)
    split = planner.split().set_index("channel")["amount"]
    assert c["total"] == pytest.approx(split["total"], abs=0.02)


def test_readme_capstone_example_runs():
    _, printed = run_readme_example("### The capstone: a brief, your plan, ghosts and a score")
    assert printed.startswith("[]")  # the textbook plan keeps every rule
    assert "textbook plan" in printed and "Score:" in printed and "PASSED" in printed
