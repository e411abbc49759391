"""The capstone campaign: a brief, your plan, a run in your world, ghosts, a leaderboard and a score.

Everything the course taught comes together here. A ``Brief`` gives your brand a budget, a
goal and four weeks with rules; you fill a ``CapstonePlan`` (content calendar, ad sets, one
influencer deal, contest prizes, moderation rules); ``validate`` lists the rules it breaks;
``run`` runs it in your world and returns an ``Outcome``; ``leaderboard`` ranks it against
the course's ghost strategies and ``score`` grades it::

    from sandbox import World
    from sandbox.capstone import Brief, expected_report, run, score, textbook_plan, validate

    world = World(seed=2026, size=3_000)
    brief = Brief(world, budget=1_500, goal="registrations")
    plan = textbook_plan(brief, name="my plan")     # start from the course's plan, then improve it
    print(validate(plan, brief))                    # [] when every rule is met
    outcome = run(plan, brief)
    print(outcome.channels)
    print(score(plan, brief, report=expected_report))  # your report: computed by you from outcome.channels
"""

from .brief import DEAL_KINDS, GOALS, RULE_ORDER, Brief
from .campaign import AdSetSpec, CapstonePlan
from .engine import MODERATION_EFFECTS, REPORT_KPIS, Outcome, channel_table, moderation_outcome, run
from .ghosts import (
    GHOSTS,
    LIMIT_RULES,
    ghost_plans,
    ghost_rules_broken,
    ghosts_out_of_competition,
    pick_influencer,
    run_ghosts,
    textbook_plan,
)
from .moderation import HIDE_LABELS, ModerationRules, moderation_quality
from .rules import check_rules, committed_spend, deal_price, validate
from .scoring import MAX_POINTS, PASS_MARK, POINTS, Score, check_report, expected_report, leaderboard, score

__all__ = [
    "DEAL_KINDS",
    "GHOSTS",
    "GOALS",
    "HIDE_LABELS",
    "LIMIT_RULES",
    "MAX_POINTS",
    "MODERATION_EFFECTS",
    "PASS_MARK",
    "POINTS",
    "REPORT_KPIS",
    "RULE_ORDER",
    "AdSetSpec",
    "Brief",
    "CapstonePlan",
    "ModerationRules",
    "Outcome",
    "Score",
    "channel_table",
    "check_report",
    "check_rules",
    "committed_spend",
    "deal_price",
    "expected_report",
    "ghost_plans",
    "ghost_rules_broken",
    "ghosts_out_of_competition",
    "leaderboard",
    "moderation_outcome",
    "moderation_quality",
    "pick_influencer",
    "run",
    "run_ghosts",
    "score",
    "textbook_plan",
    "validate",
]
