"""From numbers to next month's decisions: budget rules per channel and alerts on weekly KPIs.

A report is only useful if it changes something. These helpers turn the channel table and
the weekly KPIs into decisions with stated rules, so the reasoning is visible and can be
argued with::

    from sandbox import adjustments

    adjustments.next_month_budget(month.attribution.channels)   # cut / keep / grow, with reasons
    adjustments.kpi_alerts(weekly)                               # what moved the wrong way, and what to do
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .errors import SandboxInputError


def _number(name: str, value: object, low: float | None = None, high: float | None = None) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | np.integer | np.floating):
        raise SandboxInputError(name, f"must be a number, got {value!r}.")
    v = float(value)
    if (low is not None and v < low) or (high is not None and v > high):
        raise SandboxInputError(name, f"must be from {low} to {high}, got {value!r}.")
    return v


def next_month_budget(
    channels: pd.DataFrame,
    cut_below: float = -0.5,
    grow_above: float = 0.0,
    cut_share: float = 0.5,
) -> pd.DataFrame:
    """Decide each paid channel's budget for next month from its ROMI, keeping the total.

    Rules (every channel that cost something this month):

    - ROMI below ``cut_below``: **cut** the budget by ``cut_share``;
    - ROMI at or above ``grow_above``: **grow**: the money cut elsewhere is shared among
      these channels in proportion to this month's cost;
    - otherwise **keep** this month's budget;
    - when no channel reaches ``grow_above``, the paid channel with the best ROMI (ties: the
      first in the table) is spared any cut and grows with all the money cut elsewhere;
      channels without cost are listed as "no spend".

    Args:
        channels: ``Attribution(...).channels`` (``channel``, ``cost``, ``romi``).
        cut_below: ROMI under which a channel is cut (e.g. -0.5: it returns under half its cost).
        grow_above: ROMI from which a channel grows (0: it pays for itself).
        cut_share: Share of a cut channel's budget removed (0 to 1).

    Returns:
        One row per channel: ``channel``, ``cost``, ``romi``, ``decision``, ``next_budget``,
        ``change`` (USD) and ``reason``. The total of ``next_budget`` equals this month's cost.

    Raises:
        SandboxInputError: For a table without ``channel``, ``cost`` and ``romi`` or bad rules.
    """
    if not isinstance(channels, pd.DataFrame) or not {"channel", "cost", "romi"} <= set(channels.columns):
        raise SandboxInputError("channels", "must be a channel table with channel, cost and romi columns.")
    cut_below = _number("cut_below", cut_below, -1.0, 100.0)
    grow_above = _number("grow_above", grow_above, -1.0, 100.0)
    cut_share = _number("cut_share", cut_share, 0.0, 1.0)
    if grow_above < cut_below:
        raise SandboxInputError("grow_above", f"must be at least cut_below ({cut_below}), got {grow_above}.")
    t = channels[["channel", "cost", "romi"]].copy().reset_index(drop=True)
    t["channel"] = t["channel"].astype("str")
    paid = t["cost"] > 0
    romi = t["romi"].astype(np.float64)
    t["decision"] = np.where(
        ~paid, "no spend", np.where(romi < cut_below, "cut", np.where(romi >= grow_above, "grow", "keep"))
    )
    best = None
    if paid.any() and not (t["decision"] == "grow").any():
        # nobody pays back: the best paid channel is spared the cut and gets the money cut elsewhere
        best = romi.where(paid).idxmax()
        t.loc[best, "decision"] = "grow"
    t["next_budget"] = t["cost"].astype(np.float64)
    cut = t["decision"] == "cut"
    freed = float((t.loc[cut, "cost"] * cut_share).sum())
    t.loc[cut, "next_budget"] = t.loc[cut, "cost"] * (1 - cut_share)
    grow = t["decision"] == "grow"
    if freed > 0:
        weights = t.loc[grow, "cost"] / t.loc[grow, "cost"].sum()
        t.loc[grow, "next_budget"] += freed * weights
    reasons = []
    for i, r in t.iterrows():
        if r["decision"] == "no spend":
            reasons.append("no cost this month: nothing to decide")
        elif r["decision"] == "cut":
            reasons.append(
                f"ROMI {r['romi']:+.2f} is below {cut_below:+.2f}: cut the budget by {cut_share:.0%}"
            )
        elif i == best:
            reasons.append(
                f"ROMI {r['romi']:+.2f} is the best of the paid channels (none reaches {grow_above:+.2f}): "
                "keep it and give it the money cut elsewhere"
            )
        elif r["decision"] == "grow":
            reasons.append(f"ROMI {r['romi']:+.2f} is at least {grow_above:+.2f}: it pays back, give it more")
        else:
            reasons.append(f"ROMI {r['romi']:+.2f} is between the limits: keep the budget and improve it")
    t["reason"] = reasons
    t["next_budget"] = t["next_budget"].round(2)
    t["change"] = (t["next_budget"] - t["cost"]).round(2)
    t["decision"] = t["decision"].astype("str")
    t["reason"] = t["reason"].astype("str")
    return t


def kpi_alerts(
    weekly: pd.DataFrame,
    reach_drop: float = 0.15,
    er_drop: float = 0.2,
    cost_rise: float = 0.25,
) -> pd.DataFrame:
    """Check the weekly KPIs against simple rules and say what to do when one fires.

    Rules, each comparing a week with the week before:

    - reach fell by more than ``reach_drop``: check posting frequency and timing, refresh formats;
    - engagement rate by reach fell by more than ``er_drop``: the content interests people less;
    - cost per registration rose by more than ``cost_rise``: check ad frequency and fatigue,
      refresh creatives or the audience;
    - net followers below zero: look at what the week's posts and swaps did to unfollows.

    Args:
        weekly: ``reporting.weekly_results(...)``.
        reach_drop: Relative fall of reach that fires the reach rule (0.15 = 15%).
        er_drop: Relative fall of the engagement rate that fires the ER rule.
        cost_rise: Relative rise of the cost per registration that fires the cost rule.

    Returns:
        One row per alert: ``week``, ``kpi``, ``rule``, ``value``, ``previous``, ``action``
        (empty when no rule fires).
    """
    for name, v in (("reach_drop", reach_drop), ("er_drop", er_drop), ("cost_rise", cost_rise)):
        _number(name, v, 0.0, 10.0)
    rows = []
    t = weekly.set_index("week")
    checks = [
        (
            "reach",
            -reach_drop,
            f"reach fell by more than {reach_drop:.0%}",
            "check posting frequency and timing; refresh formats",
        ),
        (
            "er_reach",
            -er_drop,
            f"engagement rate by reach fell by more than {er_drop:.0%}",
            "the content interests people less: look at the week's weakest posts and rubrics",
        ),
        (
            "cost_per_registration",
            cost_rise,
            f"cost per registration rose by more than {cost_rise:.0%}",
            "check ad frequency and fatigue; refresh the creative or the audience",
        ),
    ]
    weeks = list(t.index)
    for a, b in zip(weeks[:-1], weeks[1:], strict=True):
        for kpi, limit, rule, action in checks:
            if kpi not in t.columns:
                continue
            before, now = float(t.loc[a, kpi]), float(t.loc[b, kpi])
            if np.isnan(before) or np.isnan(now) or before == 0:
                continue
            change = (now - before) / abs(before)
            if (limit < 0 and change < limit) or (limit > 0 and change > limit):
                rows.append(
                    {
                        "week": int(b),
                        "kpi": kpi,
                        "rule": rule,
                        "value": now,
                        "previous": before,
                        "action": action,
                    }
                )
    if "net_followers" in t.columns:
        for w in weeks:
            if t.loc[w, "net_followers"] < 0:
                rows.append(
                    {
                        "week": int(w),
                        "kpi": "net_followers",
                        "rule": "more followers left than joined",
                        "value": float(t.loc[w, "net_followers"]),
                        "previous": np.nan,
                        "action": "look at the week's unfollows: overposting, a post swap, a contest's bots",
                    }
                )
    out = pd.DataFrame(rows, columns=["week", "kpi", "rule", "value", "previous", "action"])
    for c in ("kpi", "rule", "action"):
        out[c] = out[c].astype("str")
    return out.sort_values(["week", "kpi"], kind="stable").reset_index(drop=True)
