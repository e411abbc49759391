"""The capstone's leaderboard and score: rules, outcome against the ghosts, and the report.

``score(plan, brief, report)`` gives 100 points in three parts:

- **rules (30)**: a share of 30 for the rules met (``check_rules``). A plan that breaks any
  rule is not run: it gets no outcome or report points and does not pass.
- **outcome (50)**: 10 points for each ghost whose goal value your plan beats (strictly more),
  and up to 10 more for the margin over the best ghost: ``10 x yours / (yours + best ghost)``
  (5 when you equal it, closer to 10 the further ahead you are). A ghost that breaks one of
  the brief's limits (``LIMIT_RULES``: posts a day, budget) is out of competition: it is on
  the leaderboard for comparison, your plan (which keeps the limits) counts as beating it,
  and the margin is over the best ghost that keeps them.
- **report (20)**: a share of 20 for the report's KPIs (``REPORT_KPIS``) that match the run's
  numbers: amounts within 1% (or 1 cent), counts within 1% (or 0.5), ROMI within 1% (or 0.001),
  the best channel exactly.

A plan passes with every rule met and at least ``PASS_MARK`` points.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..errors import SandboxInputError
from .engine import REPORT_KPIS, Outcome, run
from .ghosts import GHOSTS, ghost_rules_broken, ghosts_out_of_competition, run_ghosts
from .rules import check_rules

if TYPE_CHECKING:
    from .brief import Brief
    from .campaign import CapstonePlan

POINTS: dict[str, float] = {"rules": 30.0, "per_ghost": 10.0, "margin": 10.0, "report": 20.0}
"""Points of each part of the score."""

MAX_POINTS = POINTS["rules"] + POINTS["per_ghost"] * len(GHOSTS) + POINTS["margin"] + POINTS["report"]
"""The most a plan can score (100)."""

PASS_MARK = 60.0
"""Points needed to pass (with every rule met)."""

REPORT_TOLERANCE = 0.01
"""Relative tolerance of a reported number."""


def _is_missing(value: Any) -> bool:
    return value is None or (
        isinstance(value, numbers.Real) and not isinstance(value, bool) and math.isnan(value)
    )


def expected_report(outcome: Outcome) -> dict[str, Any]:
    """Return the report's KPIs (``REPORT_KPIS``) as the run computed them (what a report is checked against).

    Args:
        outcome: The run's outcome.

    Returns:
        KPI -> value; ``cost_per_result``, ``best_channel`` and ``romi`` are None when undefined.
    """
    cpr, romi = outcome.cost_per_result, outcome.romi
    return {
        "spend": outcome.spend,
        "registrations": outcome.registrations,
        "purchases": outcome.purchases,
        "net_real_followers": outcome.net_real_followers,
        "cost_per_result": None if math.isnan(cpr) else cpr,
        "best_channel": outcome.best_channel,
        "romi": None if math.isnan(romi) else romi,
    }


def check_report(report: Mapping[str, Any], outcome: Outcome) -> pd.DataFrame:
    """Compare a learner's campaign report with the numbers of the run.

    Args:
        report: KPI -> value, with every key of ``REPORT_KPIS``.
        outcome: The run's outcome.

    Returns:
        One row per KPI: ``kpi``, ``reported``, ``actual``, ``ok`` and ``detail``.

    Raises:
        SandboxInputError: If ``report`` is not a dict.
    """
    if not isinstance(report, Mapping):
        raise SandboxInputError("report", f"must be a dict of KPI -> value, got {type(report).__name__}.")
    actual = expected_report(outcome)
    rows = []
    for kpi, how in REPORT_KPIS.items():
        want = actual[kpi]
        if kpi not in report:
            rows.append((kpi, None, want, False, f"missing; {how}"))
            continue
        got = report[kpi]
        if want is None:
            ok = _is_missing(got)
            detail = "right: undefined in this run" if ok else f"should be None here ({how})"
        elif kpi == "best_channel":
            ok = isinstance(got, str) and got == want
            detail = (
                "right" if ok else f"not the channel with the most {outcome.goal.replace('_', ' ')} ({how})"
            )
        elif isinstance(got, bool) or not isinstance(got, numbers.Real) or _is_missing(got):
            ok, detail = False, f"should be a number ({how})"
        else:
            slack = {"spend": 0.01, "cost_per_result": 0.01, "romi": 0.001}.get(kpi, 0.5)
            ok = abs(float(got) - float(want)) <= max(slack, REPORT_TOLERANCE * abs(float(want)))
            detail = "right" if ok else f"does not match the run ({how})"
        rows.append((kpi, got, want, bool(ok), detail))
    table = pd.DataFrame(rows, columns=["kpi", "reported", "actual", "ok", "detail"])
    return table.astype({"kpi": "str", "detail": "str", "ok": "bool"})


def leaderboard(outcome: Outcome, brief: Brief, rules_broken: int = 0) -> pd.DataFrame:
    """Rank a plan's outcome against the ghosts' in the same world and brief.

    Args:
        outcome: Your plan's outcome.
        brief: The brief it ran under.
        rules_broken: Rules your plan breaks (0 for a plan that ran with checks).

    Returns:
        One row per plan, best first: ``rank``, ``plan``, ``goal_value`` (the brief's goal),
        ``spend``, ``cost_per_result``, ``registrations``, ``purchases``,
        ``net_real_followers``, ``rules_broken``, ``in_competition`` (False for a ghost that
        breaks one of the brief's limits) and ``you_beat`` (for ghosts: whether your plan ranks
        above it). Plans in competition rank first, by the goal; ties on the goal rank the
        cheaper plan first; plans out of competition follow, also by the goal.
    """
    ghosts = run_ghosts(brief)
    broken = ghost_rules_broken(brief)
    out = ghosts_out_of_competition(brief)
    rows = []
    for name, o in [(outcome.name, outcome), *ghosts.items()]:
        is_you = o is outcome
        in_competition = True if is_you else name not in out
        if is_you:
            beaten = pd.NA
        elif not in_competition:
            beaten = True
        else:
            beaten = outcome.goal_value > o.goal_value
        rows.append(
            {
                "plan": name,
                "goal_value": o.goal_value,
                "spend": o.spend,
                "cost_per_result": o.cost_per_result,
                "registrations": o.registrations,
                "purchases": o.purchases,
                "net_real_followers": o.net_real_followers,
                "rules_broken": rules_broken if is_you else broken[name],
                "in_competition": in_competition,
                "you_beat": beaten,
                "_you": is_you,
            }
        )
    table = pd.DataFrame(rows)
    table = table.sort_values(
        ["in_competition", "goal_value", "spend", "_you"],
        ascending=[False, False, True, False],
        kind="stable",
    )
    table.insert(0, "rank", range(1, len(table) + 1))
    table = table.drop(columns="_you").reset_index(drop=True)
    table["you_beat"] = table["you_beat"].astype("boolean")
    return table.astype({"plan": "str"})


@dataclass
class Score:
    """A capstone plan's score.

    Attributes:
        total: Points, out of ``max_points``.
        max_points: The most a plan can score.
        passed: Every rule met and at least ``PASS_MARK`` points.
        parts: One row per part: ``part``, ``points``, ``max_points``, ``detail``.
        failures: What cost points, one sentence each (broken rules first, naming the rule).
        rules: The rule table (``check_rules``).
        outcome: The run's outcome (None when the plan broke a rule and did not run).
        leaderboard: Your plan among the ghosts (None when it did not run).
        report: The report check (``check_report``), or None.
    """

    total: float
    max_points: float
    passed: bool
    parts: pd.DataFrame
    failures: list[str]
    rules: pd.DataFrame
    outcome: Outcome | None = None
    leaderboard: pd.DataFrame | None = None
    report: pd.DataFrame | None = field(default=None, repr=False)

    def __repr__(self) -> str:
        lines = [
            f"Score: {self.total:.1f} / {self.max_points:.0f} -> {'PASSED' if self.passed else 'NOT PASSED'} "
            f"(pass mark {PASS_MARK:.0f} with every rule met)"
        ]
        for _, r in self.parts.iterrows():
            lines.append(f"  {r['part']:<8} {r['points']:5.1f} / {r['max_points']:.0f}  {r['detail']}")
        if self.failures:
            lines.append("What cost points:")
            lines += [f"  - {f}" for f in self.failures]
        return "\n".join(lines)


def score(
    plan: CapstonePlan,
    brief: Brief,
    report: Mapping[str, Any] | Callable[[Outcome], Mapping[str, Any]] | None = None,
) -> Score:
    """Score a capstone plan: rules met, outcome against the ghosts, and the report's accuracy.

    Args:
        plan: The plan.
        brief: The brief.
        report: Your campaign report: a dict of ``REPORT_KPIS``, or a function that takes the
            outcome and returns one (it is called with this run's outcome). None: no report
            points.

    Returns:
        The score (prints as a readable summary).
    """
    rules = check_rules(plan, brief)
    broken = rules[rules["ok"].fillna(True).eq(False)]
    n_rules = len(rules)
    met = n_rules - len(broken)
    rule_points = POINTS["rules"] * met / n_rules
    failures = [f"{r}: {d}" for r, d in zip(broken["rule"], broken["detail"], strict=True)]
    parts = [("rules", rule_points, POINTS["rules"], f"{met} of {n_rules} rules met")]
    n_ghosts = len(GHOSTS)
    outcome_max = POINTS["per_ghost"] * n_ghosts + POINTS["margin"]
    if failures:
        parts.append(("outcome", 0.0, outcome_max, "not run: the plan breaks the brief's rules"))
        parts.append(("report", 0.0, POINTS["report"], "not checked: the plan did not run"))
        table = pd.DataFrame(parts, columns=["part", "points", "max_points", "detail"])
        return Score(
            round(rule_points, 2),
            MAX_POINTS,
            False,
            table.astype({"part": "str", "detail": "str"}),
            failures,
            rules,
        )
    outcome = run(plan, brief, check=False)
    ghosts = run_ghosts(brief)
    out = ghosts_out_of_competition(brief)
    beaten = [name for name, g in ghosts.items() if name in out or outcome.goal_value > g.goal_value]
    for name, g in ghosts.items():
        if name not in beaten:
            failures.append(
                f"outcome: {g.goal_value:,} {brief.goal.replace('_', ' ')} for the {name!r} ghost, "
                f"{outcome.goal_value:,} for your plan; beat it for {POINTS['per_ghost']:.0f} points."
            )
    best = max((g.goal_value for name, g in ghosts.items() if name not in out), default=0)
    mine = outcome.goal_value
    margin = POINTS["margin"] * mine / (mine + best) if mine + best > 0 else 0.0
    outcome_points = POINTS["per_ghost"] * len(beaten) + margin
    parts.append(
        (
            "outcome",
            outcome_points,
            outcome_max,
            f"{mine:,} {brief.goal.replace('_', ' ')}; beats {len(beaten)} of {n_ghosts} ghosts"
            + (f" ({', '.join(beaten)})" if beaten else "")
            + "".join(
                f"; {name!r} is out of competition (breaks the {', '.join(limits)} limit)"
                for name, limits in out.items()
            )
            + f"; margin over the best ghost ({best:,}) {margin:.1f} points",
        )
    )
    report_table = None
    if report is None:
        parts.append(("report", 0.0, POINTS["report"], "no report given"))
        failures.append("report: no report given; pass report=your KPI dict (or a function of the outcome).")
    else:
        given = report(outcome) if callable(report) else report
        report_table = check_report(given, outcome)
        right = int(report_table["ok"].sum())
        parts.append(
            (
                "report",
                POINTS["report"] * right / len(report_table),
                POINTS["report"],
                f"{right} of {len(report_table)} KPIs match the run",
            )
        )
        for _, r in report_table[~report_table["ok"]].iterrows():
            failures.append(f"report: {r['kpi']} = {r['reported']!r} {r['detail']}.")
    table = pd.DataFrame(parts, columns=["part", "points", "max_points", "detail"])
    table["points"] = table["points"].round(2)
    total = round(float(table["points"].sum()), 2)
    return Score(
        total=total,
        max_points=MAX_POINTS,
        passed=total >= PASS_MARK,
        parts=table.astype({"part": "str", "detail": "str"}),
        failures=failures,
        rules=rules,
        outcome=outcome,
        leaderboard=leaderboard(outcome, brief),
        report=report_table,
    )
