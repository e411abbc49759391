"""Checking a capstone plan against its brief: every rule, with a message that names it.

``check_rules(plan, brief)`` returns one row per rule (met or not, and why);
``validate(plan, brief)`` returns only the broken ones as ``"rule: what is wrong and how to
fix it"`` texts, an empty list when the plan may run. ``committed_spend`` is the money the
plan commits before anything runs: the most the ad budgets can spend, the influencer's
price and the contest prizes.
"""

from __future__ import annotations

import math
import numbers
from typing import TYPE_CHECKING, Any

import pandas as pd

from .. import params as P  # noqa: N812
from ..ads.campaigns import AdsManager
from ..ads.influencer_deals import Deal, marketplace
from ..errors import SandboxInputError
from ..plan import normalise_plan
from ..taxonomy import NICHES
from .brief import DEAL_KINDS, RULE_ORDER
from .campaign import CapstonePlan
from .moderation import ModerationRules, moderation_quality

if TYPE_CHECKING:
    from .brief import Brief


def check_plan_type(plan: Any) -> CapstonePlan:
    """Return ``plan`` if it is a ``CapstonePlan``; raise a helpful error otherwise.

    Args:
        plan: What was given.

    Returns:
        The plan.

    Raises:
        SandboxInputError: Naming ``plan``.
    """
    if not isinstance(plan, CapstonePlan):
        raise SandboxInputError(
            "plan",
            f"must be a CapstonePlan(posts=..., ad_sets=[...], deal=..., ...), got {type(plan).__name__}.",
        )
    return plan


def deal_price(brief: Brief, deal: Deal) -> float:
    """Return what an influencer deal costs (price x the kind's multiple, + the prize of a giveaway).

    Args:
        brief: The brief (its world's marketplace).
        deal: The deal.

    Returns:
        USD.

    Raises:
        SandboxInputError: For an unknown influencer or kind.
    """
    market = marketplace(brief.world)
    row = market.loc[market["influencer_id"] == deal.influencer_id]
    if row.empty:
        raise SandboxInputError(
            "influencer_id",
            f"no influencer {deal.influencer_id!r}; pick one from marketplace(world) "
            f"(ids 0-{int(market['influencer_id'].max())}).",
        )
    if deal.kind not in P.DEAL_TYPES:
        raise SandboxInputError(
            "kind", f"unknown deal kind {deal.kind!r}; use one of {', '.join(DEAL_KINDS)}."
        )
    price = float(row["price_per_post"].iloc[0]) * P.DEAL_TYPES[deal.kind]["price"]
    if deal.kind == "giveaway":
        price += float(deal.prize_value)
    return price


def _prize(plan: CapstonePlan) -> float | None:
    v = plan.contest_prize
    if isinstance(v, bool) or not isinstance(v, numbers.Real) or not math.isfinite(v) or v < 0:
        return None
    return float(v)


def committed_spend(plan: CapstonePlan, brief: Brief) -> dict[str, float]:
    """Return the money a plan commits, by channel, before anything runs.

    Args:
        plan: The plan.
        brief: The brief.

    Returns:
        ``ads`` (the most the ad sets' budgets can spend), ``influencer`` (the deal's price,
        giveaway prize included), ``contest`` (prize x contest posts) and ``total``, in USD.
        Parts that cannot be read (a bad budget, an unknown influencer) count as 0.
    """
    check_plan_type(plan)
    try:
        ads = sum(s.max_spend(brief) for s in plan.ad_set_specs())
    except SandboxInputError:
        ads = 0.0
    influencer = 0.0
    if isinstance(plan.deal, Deal):
        try:
            influencer = deal_price(brief, plan.deal)
        except (SandboxInputError, TypeError, ValueError):
            influencer = 0.0
    try:
        contests = plan.contests()
    except SandboxInputError:
        contests = 0
    contest = (_prize(plan) or 0.0) * contests
    out = {"ads": round(ads, 2), "influencer": round(influencer, 2), "contest": round(contest, 2)}
    out["total"] = round(sum(out.values()), 2)
    return out


def _check_posts(plan: CapstonePlan, brief: Brief) -> tuple[dict[str, tuple[bool | None, str]], pd.DataFrame]:
    out: dict[str, tuple[bool | None, str]] = {}
    clean = None
    try:
        raw = plan.posts_table()
        if len(raw):
            clean = normalise_plan(
                raw,
                default_topic=NICHES[brief.world.niche].core_interests[0],
                period_start=brief.start,
                period_end=brief.end,
                trend_ids=brief.world.trends["trend_id"],
            )
        else:
            clean = pd.DataFrame(
                {"platform": pd.Series([], dtype="str"), "time": pd.Series([], dtype="datetime64[us]")}
            )
        out["posts_valid"] = (True, f"{len(clean)} post(s), all valid")
    except SandboxInputError as exc:
        out["posts_valid"] = (
            False,
            f"a post cannot run: {exc}. Fix that post (see sandbox.PLAN_COLUMNS for the allowed values).",
        )
    if clean is None:
        for rule in ("posts_per_week", "posts_per_day"):
            out[rule] = (None, "not checked: fix posts_valid first")
        return out, pd.DataFrame()
    weeks = brief.week_of(clean["time"])
    counts = weeks.value_counts().reindex(range(1, brief.weeks + 1), fill_value=0)
    short = counts[counts < brief.min_posts_per_week]
    if len(short):
        w = int(short.index[0])
        first = brief.start + pd.Timedelta(days=7 * (w - 1))
        out["posts_per_week"] = (
            False,
            f"week {w} ({first:%Y-%m-%d} to {first + pd.Timedelta(days=6):%Y-%m-%d}) has "
            f"{int(short.iloc[0])} post(s); the brief asks for at least {brief.min_posts_per_week} "
            f"in every week ({len(short)} week(s) short). Add posts to those weeks.",
        )
    else:
        out["posts_per_week"] = (True, f"posts per week: {', '.join(str(int(c)) for c in counts)}")
    if len(clean):
        per_day = clean.groupby([clean["platform"], clean["time"].dt.date]).size()
        worst = per_day.idxmax()
        most = int(per_day.max())
    else:
        worst, most = ("", ""), 0
    if most > brief.max_posts_per_day:
        over = int((per_day > brief.max_posts_per_day).sum())
        out["posts_per_day"] = (
            False,
            f"{most} posts on {worst[0]} on {worst[1]}; the brief allows at most "
            f"{brief.max_posts_per_day} a day on one platform ({over} day(s) over). Spread them over "
            "more days or platforms.",
        )
    else:
        out["posts_per_day"] = (True, f"at most {most} a day on one platform")
    return out, clean


def _check_ad_sets(plan: CapstonePlan, brief: Brief) -> tuple[bool, str]:
    try:
        specs = plan.ad_set_specs()
    except SandboxInputError as exc:
        return False, str(exc)
    if not specs:
        return True, "no ad sets (allowed)"
    names = [s.name for s in specs]
    dup = sorted({n for n in names if names.count(n) > 1}, key=str)
    if dup:
        return False, f"two ad sets are called {dup[0]!r}; give each ad set its own name."
    manager = AdsManager(brief.world)
    for spec in specs:
        label = f"ad set {spec.name!r}"
        try:
            start, end = spec.flight(brief)
            if start < brief.start or end > brief.last_day or end < start:
                return False, (
                    f"{label} runs {start:%Y-%m-%d} to {end:%Y-%m-%d}, outside the campaign "
                    f"({brief.start:%Y-%m-%d} to {brief.last_day:%Y-%m-%d}). Set start and end inside it "
                    "(or leave them None)."
                )
            spec.add_to(manager, brief)
        except (SandboxInputError, TypeError) as exc:
            return False, f"{label} cannot run: {exc}"
    return True, f"{len(specs)} ad set(s), all can run"


def _check_deal(plan: CapstonePlan, brief: Brief) -> tuple[bool, str]:
    deal = plan.deal
    if deal is None:
        return False, (
            "the plan has no influencer deal; add one, e.g. deal=Deal(influencer_id, 'paid_post', "
            "date='...'), with an influencer from marketplace(world)."
        )
    if isinstance(deal, list | tuple):
        return False, f"the plan has {len(deal)} deals in a list; give exactly one Deal (not a list)."
    if not isinstance(deal, Deal):
        return False, f"deal must be a Deal(influencer_id, kind, date=...), got {type(deal).__name__}."
    if deal.kind not in DEAL_KINDS:
        extra = (
            " An affiliate deal pays a commission on sales, which cannot be fixed in advance against a "
            "budget."
            if deal.kind == "affiliate"
            else ""
        )
        return (
            False,
            f"deal kind {deal.kind!r} is not allowed here; use one of {', '.join(DEAL_KINDS)}.{extra}",
        )
    v = deal.prize_value
    if isinstance(v, bool) or not isinstance(v, numbers.Real) or not math.isfinite(v) or v < 0:
        return False, f"prize_value must be an amount of 0 USD or more, got {v!r}."
    try:
        price = deal_price(brief, deal)
        date = pd.Timestamp(deal.date if deal.date is not None else brief.start).normalize()
    except SandboxInputError as exc:
        return False, str(exc)
    except (ValueError, TypeError):
        return False, f"could not read the deal's date {deal.date!r}; write it like '2026-03-09'."
    if not brief.start <= date <= brief.last_day:
        return False, (
            f"the deal's date {date:%Y-%m-%d} is outside the campaign ({brief.start:%Y-%m-%d} to "
            f"{brief.last_day:%Y-%m-%d})."
        )
    return True, f"{deal.kind} with influencer {deal.influencer_id} on {date:%Y-%m-%d}, ${price:,.2f}"


def _check_prizes(plan: CapstonePlan) -> tuple[bool, str]:
    prize = _prize(plan)
    if prize is None:
        return False, f"contest_prize must be an amount of 0 USD or more, got {plan.contest_prize!r}."
    try:
        n = plan.contests()
    except SandboxInputError as exc:
        return False, str(exc)
    if n and prize <= 0:
        return False, (
            f"the plan has {n} contest post(s) but contest_prize is 0; a contest needs a prize. "
            "Set contest_prize (USD per contest) or change those posts' rubric."
        )
    return True, f"{n} contest post(s) x ${prize:,.2f}"


def _check_budget(plan: CapstonePlan, brief: Brief) -> tuple[bool, str]:
    c = committed_spend(plan, brief)
    parts = (
        f"ads up to ${c['ads']:,.2f}, influencer deal ${c['influencer']:,.2f}, "
        f"contest prizes ${c['contest']:,.2f}"
    )
    if c["total"] > brief.budget + 1e-6:
        return False, (
            f"the plan commits ${c['total']:,.2f} ({parts}), ${c['total'] - brief.budget:,.2f} over the "
            f"brief's ${brief.budget:,.2f}. Lower the ad budgets, pick a cheaper influencer or smaller "
            "prizes. "
            "(A daily budget may spend 7 x itself in a full week, up to 1.25 x on a day; a lifetime "
            "budget never more than itself.)"
        )
    return True, f"commits ${c['total']:,.2f} of ${brief.budget:,.2f} ({parts})"


def _check_moderation(plan: CapstonePlan, brief: Brief) -> tuple[bool, str]:
    if not isinstance(plan.moderation, ModerationRules):
        return False, f"moderation must be ModerationRules(...), got {type(plan.moderation).__name__}."
    q = moderation_quality(brief.world.comments, plan.moderation)
    text = (
        f"on world.comments your rules hide {q['hidden']} comment(s): recall {q['recall']:.0%} "
        f"(of {q['to_hide']} spam/toxic), precision {q['precision']:.0%}"
        if q["hidden"]
        else f"on world.comments your rules hide nothing (of {q['to_hide']} spam/toxic comments)"
    )
    recall = 0.0 if math.isnan(q["recall"]) else q["recall"]
    precision = 0.0 if math.isnan(q["precision"]) else q["precision"]
    if q["to_hide"] and recall < brief.min_moderation_recall:
        return False, (
            f"{text}; the brief asks for recall of at least {brief.min_moderation_recall:.0%}. Read the spam "
            "and toxic comments in world.comments and add the words they use to hide_words."
        )
    if q["hidden"] and precision < brief.min_moderation_precision:
        return False, (
            f"{text}; the brief asks for precision of at least {brief.min_moderation_precision:.0%}. "
            "Some words also hide praise, questions or complaints: drop or narrow them."
        )
    return True, text


def check_rules(plan: CapstonePlan, brief: Brief) -> pd.DataFrame:
    """Check a plan against every rule of its brief.

    Args:
        plan: The plan.
        brief: The brief.

    Returns:
        One row per rule (``brief.rules()`` order): ``rule``, ``ok`` (True, False, or
        None when it could not be checked because an earlier rule failed), ``requirement``
        and ``detail`` (what was found; for a broken rule, how to fix it).

    Raises:
        SandboxInputError: If ``plan`` is not a ``CapstonePlan``.
    """
    check_plan_type(plan)
    results, _ = _check_posts(plan, brief)
    results["ad_sets"] = _check_ad_sets(plan, brief)
    results["influencer_deal"] = _check_deal(plan, brief)
    results["contest_prizes"] = _check_prizes(plan)
    results["budget"] = _check_budget(plan, brief)
    results["moderation"] = _check_moderation(plan, brief)
    req = brief.requirements()
    table = pd.DataFrame(
        {
            "rule": list(RULE_ORDER),
            "ok": pd.array([results[r][0] for r in RULE_ORDER], dtype="boolean"),
            "requirement": [req[r] for r in RULE_ORDER],
            "detail": [results[r][1] for r in RULE_ORDER],
        }
    )
    return table.astype({"rule": "str", "requirement": "str", "detail": "str"})


def validate(plan: CapstonePlan, brief: Brief) -> list[str]:
    """Return the rules a plan breaks, each as ``"rule: what is wrong and how to fix it"``.

    Args:
        plan: The plan.
        brief: The brief.

    Returns:
        The broken rules (empty when the plan may run).

    Example:
        >>> problems = validate(plan, brief)  # doctest: +SKIP
        >>> problems                          # doctest: +SKIP
        ['budget: the plan commits $2,100.00 (...), $600.00 over the brief's $1,500.00. ...']
    """
    table = check_rules(plan, brief)
    broken = table[table["ok"].fillna(True).eq(False)]
    return [f"{r}: {d}" for r, d in zip(broken["rule"], broken["detail"], strict=True)]
