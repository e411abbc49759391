"""Budgets and pacing: how much an ad set may spend today, and the bid that spends it.

Rules (``params``): a day of a daily budget may spend up to 25% more than the budget, but a
calendar week (Monday to Sunday) never more than 7 x the daily budget; a lifetime budget is
spread over the remaining flight in proportion to each day's opportunities and is never
exceeded. Within a day, the pacer searches the bid that makes the expected spend equal the
day's target (lower bids win only the cheapest auctions); a bid cap is a ceiling on that bid.
If the day's real spend would still pass the day's cap, delivery stops in the hour the cap is
reached, and anything delivered beyond it is not charged.
"""

from __future__ import annotations

import math

import numpy as np

from .. import params as P  # noqa: N812
from .auction import RHO, win_and_price

HIST_BINS = 192
RATE_BINS = 8
SAMPLE_CELLS = 40_000
SPEND_TOLERANCE = 0.002


def daily_cap(budget: float, week_spent: float) -> float:
    """Return the most a day of a daily budget may spend.

    Args:
        budget: The daily budget in effect.
        week_spent: Spend so far in this calendar week (Monday to Sunday).

    Returns:
        ``min(1.25 x budget, 7 x budget - week_spent)``, at least 0.
    """
    return max(0.0, min((1.0 + P.DAILY_OVERSPEND) * budget, P.WEEK_BUDGET_DAYS * budget - week_spent))


def lifetime_cap(remaining: float, days_left: int) -> float:
    """Return the most a day of a lifetime budget may spend.

    Args:
        remaining: Budget not yet spent.
        days_left: Flight days left, today included.

    Returns:
        At most the remaining budget, and at most ``LIFETIME_DAY_MAX`` x an even share of it.
    """
    if days_left <= 1:
        return max(0.0, remaining)
    return max(0.0, min(remaining, P.LIFETIME_DAY_MAX * remaining / days_left))


def lifetime_target(remaining: float, weights: np.ndarray) -> float:
    """Return today's spend target for a lifetime budget.

    Args:
        remaining: Budget not yet spent.
        weights: Opportunity weight of every remaining flight day, today first.

    Returns:
        Today's share of the remaining budget.
    """
    total = float(np.sum(weights))
    if total <= 0:
        return 0.0
    return remaining * float(weights[0]) / total


def delivered(raw: np.ndarray, people: np.ndarray) -> np.ndarray:
    """Return impressions after the per-person daily frequency control.

    The delivery system shows one ad set to the same person at most about
    ``DAILY_FREQUENCY_CAP`` times a day: wins beyond that are skipped smoothly.

    Args:
        raw: Auctions an ad set would win in each cell.
        people: Real users in each cell.

    Returns:
        Expected impressions per cell.
    """
    cap = P.DAILY_FREQUENCY_CAP * people
    return cap * -np.expm1(-raw / np.maximum(cap, 1e-12))


def solve_bid(
    x: np.ndarray,
    auctions: np.ndarray,
    people: np.ndarray,
    price: np.ndarray,
    qq: float,
    target: float,
) -> tuple[float, float, bool, float]:
    """Find the bid whose expected spend equals ``target``.

    Cells are grouped into a fine two-way histogram (value per unit of bid, auctions per
    person). For big audiences the caller passes a systematic sample of cells (weights
    scaled up) and corrects the answer once on every cell.

    Args:
        x: Standardised value per unit of bid of each cell (1000 x action rate / market).
        auctions: Auctions each cell offers today.
        people: Real users in each cell.
        price: The market's median price per impression of each cell, USD.
        qq: Standardised quality bonus.
        target: Spend wanted today, USD.

    Returns:
        ``(bid, max_bid, can_spend, elasticity)``: the bid, the highest bid automatic bidding
        would use, False when even that bid cannot spend the target (the audience is too
        small), and how fast spend grows with the bid there (d log spend / d log bid).
    """
    if target <= 0:
        return 0.0, 0.0, True, 1.0
    ok = (x > 0) & (auctions > 0)
    if not ok.all():
        if not ok.any():
            return 0.0, 0.0, False, 1.0
        x, auctions, people, price = x[ok], auctions[ok], people[ok], price[ok]
    lx = np.log(x)
    wo = auctions
    ppl = people
    lr = np.log(wo / ppl)
    wm = ppl * price
    k1 = _bins(lx, HIST_BINS)
    k2 = _bins(lr, RATE_BINS)
    k = k1 * RATE_BINS + k2
    size = HIST_BINS * RATE_BINS
    weight = np.bincount(k, weights=wm, minlength=size)
    keep = weight > 0
    with np.errstate(invalid="ignore", divide="ignore"):
        cx = (np.bincount(k, weights=wm * lx, minlength=size) / weight)[keep]
        cr = (np.bincount(k, weights=wm * lr, minlength=size) / weight)[keep]
    weight = weight[keep]
    xc, rc = np.exp(cx), np.exp(cr)
    cap = P.DAILY_FREQUENCY_CAP

    def spend(b: float) -> float:
        p, pay = win_and_price(b * xc + qq, qq)
        return float(np.sum(weight * cap * -np.expm1(-rc * p / cap) * pay))

    # the typical cell: weighted median of x, read from the histogram's value axis
    by_x = np.bincount(k1, weights=wo, minlength=HIST_BINS)
    med_bin = int(np.searchsorted(np.cumsum(by_x), by_x.sum() / 2))
    lo_x, hi_x = float(lx.min()), float(lx.max())
    x_med = math.exp(lo_x + (med_bin + 0.5) / HIST_BINS * (hi_x - lo_x)) if hi_x > lo_x else math.exp(lo_x)
    b_max = max((P.MAX_WIN_VALUE - qq) / x_med, 1e-12)
    if spend(b_max) <= target:
        return b_max, b_max, False, 1.0
    b_lo = max((RHO - qq) / math.exp(hi_x), 1e-12) * 0.999
    # regula falsi on log(bid) with the Illinois fix: a handful of steps instead of ~35 halvings
    lo_l, hi_l = math.log(min(b_lo, b_max)), math.log(b_max)
    f_lo, f_hi = spend(math.exp(lo_l)) - target, spend(b_max) - target
    side = 0
    for _ in range(60):
        if f_hi - f_lo <= 0 or hi_l - lo_l < 1e-9:
            break
        mid = hi_l - f_hi * (hi_l - lo_l) / (f_hi - f_lo)
        if not lo_l < mid < hi_l:
            mid = 0.5 * (lo_l + hi_l)
        f_mid = spend(math.exp(mid)) - target
        if abs(f_mid) <= SPEND_TOLERANCE * target:
            lo_l = hi_l = mid
            f_hi = f_mid
            break
        if f_mid < 0:
            lo_l, f_lo = mid, f_mid
            if side == -1:
                f_hi *= 0.5
            side = -1
        else:
            hi_l, f_hi = mid, f_mid
            if side == 1:
                f_lo *= 0.5
            side = 1
    bid = math.exp(hi_l)
    s0, s1 = spend(bid), spend(bid * 1.02)
    elasticity = math.log(s1 / s0) / math.log(1.02) if s0 > 0 and s1 > s0 else 1.0
    return bid, b_max, True, elasticity


def _bins(values: np.ndarray, n: int) -> np.ndarray:
    lo, hi = float(values.min()), float(values.max())
    if hi - lo < 1e-12:
        return np.zeros(values.size, dtype=np.int64)
    return np.minimum(((values - lo) / (hi - lo) * n).astype(np.int64), n - 1)


def hour_cutoff(hourly_cost: np.ndarray, cap: float) -> tuple[np.ndarray, int | None]:
    """Return the share of each hour's delivery kept so that the day's cost stays within cap.

    Args:
        hourly_cost: Cost of the day's delivery in each of the 24 hours, USD.
        cap: The day's cap, USD.

    Returns:
        ``(keep, hour)``: 24 shares in [0, 1], and the hour the cap was reached (None if
        it was not).
    """
    keep = np.ones(24)
    cum = np.cumsum(hourly_cost)
    if cum[-1] <= cap:
        return keep, None
    h = int(np.searchsorted(cum, cap, side="right"))
    before = float(cum[h - 1]) if h > 0 else 0.0
    keep[h] = max(0.0, (cap - before) / hourly_cost[h]) if hourly_cost[h] > 0 else 0.0
    keep[h + 1 :] = 0.0
    return keep, h
