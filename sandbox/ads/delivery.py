"""Delivery: every active ad set, every day, meets its audience's ad auctions.

For one ad set on one day the simulator

1. counts the auctions its audience offers (each person's ad slots on the platform, by
   weekday and the hours scheduled, split evenly with the learner's other ad sets that
   target the same people: they never bid against each other);
2. estimates each person's action rate for the objective (CTR, registrations or purchases
   per impression), lowered by frequency fatigue and, while learning, blurred towards the
   audience average;
3. sets the day's spend target and cap (``pacing``) and searches the bid that spends it:
   total value = bid x estimated action rate + ad quality, against the market's competing
   values (``auction``); a bid cap is a ceiling on that bid;
4. draws impressions per cell, stops delivery in the hour the day's cap is reached, and
   charges the winners' second prices;
5. draws clicks, site visits, registrations and purchases (``funnel``), counts the
   optimisation events for the learning phase, and updates frequency, fatigue, negative
   feedback and quality for the next day.

Each cell's draws come from ``seeding.uniforms`` keyed by the ad set's name, the day and the
cell, so changing one ad set leaves the others' luck alone (unless they share auctions).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .. import params as P  # noqa: N812
from ..platforms import weekly_activity
from ..seeding import uniforms
from ..taxonomy import NICHES
from .auction import RHO, win_and_price
from .draws import binomial, normal_ppf, poisson
from .funnel import EventLog, convert
from .learning import LearningPhase
from .pacing import SAMPLE_CELLS, daily_cap, delivered, hour_cutoff, lifetime_cap, lifetime_target, solve_bid
from .panel import PLATFORM_SLUGS, WARMTH_LEVELS, MarketPanel
from .targeting import audience_cells

if TYPE_CHECKING:
    from .campaigns import AdSet, AdsManager
    from .results import AdsResults

N_PLAT = len(PLATFORM_SLUGS)
N_SHIFT = 7  # chronotype shifts -3..3
N_GROUP = N_PLAT * N_SHIFT
FREQ_EDGES = np.array([0, 1, 2, 3, 4, 6, 8, 12], dtype=float)
FREQ_LABELS = ("0-1", "1-2", "2-3", "3-4", "4-6", "6-8", "8-12", "12+")
"""Bands of frequency *before* an impression (impressions a person had already seen)."""


@cache
def _activity() -> np.ndarray:
    """Return activity (platform, shift, weekday, hour), each (7, 24) block with mean 1."""
    out = np.empty((N_PLAT, N_SHIFT, 7, 24))
    for k, slug in enumerate(PLATFORM_SLUGS):
        for j, shift in enumerate(range(-3, 4)):
            out[k, j] = weekly_activity(P.PLATFORMS[slug], float(shift))
    return out


def _schedule_tables(hours: tuple[int, ...] | None) -> tuple[np.ndarray, np.ndarray]:
    """Return (day volume x scheduled share, hourly shares) per group, weekday (and hour)."""
    act = _activity().reshape(N_GROUP, 7, 24)
    mask = np.zeros(24)
    mask[list(hours) if hours else slice(None)] = 1.0
    day_total = act.sum(axis=2)
    scheduled = (act * mask).sum(axis=2)
    volume = act.mean(axis=2) * scheduled / day_total
    shares = act * mask / np.maximum(scheduled[:, :, None], 1e-12)
    return volume, shares


@dataclass
class _SetState:
    """Everything the simulator keeps about one ad set during a run."""

    ad_set: AdSet
    key: str
    objective: str
    pid: np.ndarray
    plat: np.ndarray
    ind: np.ndarray
    clones: np.ndarray
    w_eff: np.ndarray
    cellkey: np.ndarray
    group: np.ndarray
    weekend: np.ndarray
    o_base: np.ndarray
    m_base: np.ndarray
    ctr_base: np.ndarray
    landing: np.ndarray
    reg: np.ndarray
    pur: np.ndarray
    onset: np.ndarray
    nf_base: np.ndarray
    volume: np.ndarray
    hour_shares: np.ndarray
    scores: np.ndarray
    qualities: np.ndarray
    ad_names: list[str]
    day_volume: np.ndarray
    F: np.ndarray
    H: np.ndarray
    learning: LearningPhase
    shares: np.ndarray
    ad_cum: np.ndarray
    cum_reach: float = 0.0
    spent: float = 0.0
    week_spent: dict[tuple[int, int], float] = field(default_factory=dict)
    prev_budget: float = 0.0
    last_day: int = -1
    quality: float = 0.0
    nf_window: list[tuple[float, float]] = field(default_factory=list)
    days: list[dict] = field(default_factory=list)
    ads_days: list[dict] = field(default_factory=list)
    platform_rows: np.ndarray | None = None
    hourly: list[tuple[pd.Timestamp, np.ndarray, np.ndarray]] = field(default_factory=list)
    freq_imps: np.ndarray = field(default_factory=lambda: np.zeros(len(FREQ_LABELS)))
    freq_clicks: np.ndarray = field(default_factory=lambda: np.zeros(len(FREQ_LABELS)))
    plat_w: np.ndarray = field(default_factory=lambda: np.full(N_PLAT, 1.0 / N_PLAT))
    x_base: np.ndarray | None = None
    slices: list[tuple[int, slice]] = field(default_factory=list)
    o_week: dict[int, np.ndarray] = field(default_factory=dict)
    o_week_total: dict[int, float] = field(default_factory=dict)
    onset_avg: float = 2.5
    audience_size: int = 0
    person_of: np.ndarray | None = None
    w_person: np.ndarray | None = None
    HP: np.ndarray | None = None


def _prepare(panel: MarketPanel, ad_set: AdSet) -> _SetState:
    """Build an ad set's static per-cell arrays."""
    spec = ad_set.targeting
    cells = audience_cells(panel, spec)
    pid, plat = cells.pid.astype(np.int64), cells.plat.astype(np.int64)
    weight = cells.weight.astype(np.float64)
    w_eff = np.maximum(weight, 1.0)
    ind_share = cells.ind / w_eff
    objective = ad_set.objective
    mix = np.array(
        [spec.placement_mix(s) if s in spec.platforms else (0.0, 1.0, 1.0) for s in PLATFORM_SLUGS]
    )
    ad_p = [P.AD_PLATFORMS[s] for s in PLATFORM_SLUGS]
    slots = np.empty(pid.size)
    for k in np.unique(plat):
        sel = plat == k
        slots[sel] = panel.opportunities(int(k), pid[sel])
    o_base = slots * mix[plat, 0] * weight

    level = panel.warmth[pid].astype(np.int64)
    warm_ctr = np.array([P.WARMTH[w][0] for w in WARMTH_LEVELS])[level]
    warm_conv = np.array([P.WARMTH[w][1] for w in WARMTH_LEVELS])[level]
    warm_ctr = 1 + (warm_ctr - 1) * ind_share
    warm_conv = 1 + (warm_conv - 1) * ind_share
    bot = panel.is_bot[pid]
    aff = panel.affinity[pid].astype(np.float64)
    local = panel.local[pid].astype(np.float64)
    ctr_base = (
        np.array([a.ctr for a in ad_p])[plat]
        * float(P.OBJECTIVES[objective]["ctr"])
        * mix[plat, 1]
        * aff ** P.AD_AUDIENCE_EXPONENTS["ctr_affinity"]
        * local ** P.AD_AUDIENCE_EXPONENTS["ctr_local"]
        * warm_ctr
        * np.where(bot, P.BOT_AD_CTR, 1.0)
    )
    funnel = P.FUNNEL[panel.niche]
    conv_aff = aff ** P.AD_AUDIENCE_EXPONENTS["conversion_affinity"]
    reg = np.where(bot, 0.0, funnel.registration * conv_aff * local * warm_conv)
    pur = np.minimum(funnel.purchase * (1 + P.CUSTOMER_PURCHASE_UPLIFT * (level == 3) * ind_share), 1.0)
    onset = P.FATIGUE_ONSET_COLD + (P.FATIGUE_ONSET_WARM - P.FATIGUE_ONSET_COLD) * ind_share * (level >= 1)
    m_base = np.array([a.market_cpm for a in ad_p])[plat] * panel.price[pid] * mix[plat, 2]
    landing = np.array([a.landing_rate for a in ad_p])[plat]
    group = plat * N_SHIFT + (panel.shift[pid].astype(np.int64) + 3)
    volume, hour_shares = _schedule_tables(ad_set.hours)
    weekend = panel.weekend[pid].astype(np.float64)
    day_volume = np.array(
        [float(np.sum(o_base * volume[group, wd] * (weekend if wd >= 5 else 1.0))) for wd in range(7)]
    )

    names = [a.name for a in ad_set.ads]
    scores = np.ones((len(names), N_PLAT))
    qual = np.zeros((len(names), N_PLAT))
    for j, ad in enumerate(ad_set.ads):
        for s in spec.platforms:
            k = PLATFORM_SLUGS.index(s)
            scores[j, k] = ad.creative.factors(s, objective)["score"]
            qual[j, k] = ad.creative.quality(s, objective)
    learning = LearningPhase(enabled=objective != "reach")
    return _SetState(
        ad_set=ad_set,
        key=ad_set.key,
        objective=objective,
        pid=pid,
        plat=plat,
        ind=cells.ind.astype(np.float64),
        clones=cells.clones.astype(np.float64),
        w_eff=w_eff,
        cellkey=pid * N_PLAT + plat,
        group=group,
        weekend=weekend,
        o_base=o_base,
        m_base=m_base,
        ctr_base=ctr_base,
        landing=landing,
        reg=reg,
        pur=pur,
        onset=onset,
        nf_base=P.NEGATIVE_FEEDBACK_BASE / np.maximum(aff, 0.05) ** 0.3,
        volume=volume,
        hour_shares=hour_shares,
        scores=scores,
        qualities=qual,
        ad_names=names,
        day_volume=day_volume,
        F=np.zeros(pid.size),
        H=np.zeros(pid.size),
        learning=learning,
        shares=np.full(len(names), 1.0 / len(names)),
        ad_cum=np.zeros(len(names)),
        platform_rows=np.zeros((N_PLAT, 7)),
        plat_w=_platform_weights(plat, o_base),
        x_base=1000.0 * _rate_base(objective, ctr_base, landing, reg, pur) / m_base,
        slices=_slices(plat),
        onset_avg=float(np.average(onset, weights=np.maximum(o_base, 1e-12))) if o_base.size else 2.5,
        audience_size=_people_count(panel, pid, weight),
        **_person_index(pid, w_eff, len(spec.platforms)),
    )


def _rate_base(
    objective: str, ctr: np.ndarray, landing: np.ndarray, reg: np.ndarray, pur: np.ndarray
) -> np.ndarray:
    """Return the objective's action rate per impression before creative, fatigue and freshness."""
    if objective == "reach":
        return np.full(ctr.size, 0.001)
    if objective == "traffic":
        return ctr.copy()
    if objective == "leads":
        return ctr * landing * reg
    return ctr * landing * reg * pur


def _slices(plat: np.ndarray) -> list[tuple[int, slice]]:
    """Return (platform, slice) runs; cells are ordered by platform."""
    out = []
    if plat.size == 0:
        return out
    edges = np.flatnonzero(np.diff(plat)) + 1
    starts = np.concatenate([[0], edges])
    ends = np.concatenate([edges, [plat.size]])
    for a, b in zip(starts, ends, strict=True):
        out.append((int(plat[a]), slice(int(a), int(b))))
    return out


def _person_index(pid: np.ndarray, w_eff: np.ndarray, n_platforms: int) -> dict[str, np.ndarray | None]:
    """Map cells to people for multi-platform ad sets, so reach counts a person once."""
    if n_platforms < 2:
        return {}
    people, person_of = np.unique(pid, return_inverse=True)
    w_person = np.zeros(people.size)
    w_person[person_of] = w_eff  # a person weighs the same on every platform
    return {"person_of": person_of, "w_person": w_person, "HP": np.zeros(people.size)}


def _people_reach(st: _SetState, ids: np.ndarray, nn: np.ndarray) -> tuple[float, float]:
    """Return (people reached today, people reached for the first time), each person once."""
    people, inv = np.unique(st.person_of[ids], return_inverse=True)
    n_p = np.bincount(inv, weights=nn)
    wp = st.w_person[people]
    before = _reach(wp, st.HP[people])
    st.HP[people] += n_p
    return float(np.sum(_reach(wp, n_p))), float(np.sum(_reach(wp, st.HP[people]) - before))


def _people_count(panel: MarketPanel, pid: np.ndarray, weight: np.ndarray) -> int:
    w = np.zeros(panel.size)
    w[pid] = weight
    return int(round(w.sum()))


def _overlap_fractions(states: list[_SetState], n_people: int) -> list[np.ndarray | None]:
    """Return, per ad set, the share of each cell's auctions left after splitting with the others."""
    if len(states) == 1:
        return [None]
    del n_people

    def counts(part: str) -> list[np.ndarray]:
        keys = [st.cellkey[getattr(st, part) > 0] for st in states]
        if not any(k.size for k in keys):
            return [np.zeros(0, dtype=np.int64) for _ in states]
        every = np.concatenate(keys)
        per_key = np.bincount(every, minlength=int(every.max()) + 1).astype(np.int32)[every]
        out, start = [], 0
        for st, k in zip(states, keys, strict=True):
            full = np.ones(st.cellkey.size, dtype=np.int64)
            full[getattr(st, part) > 0] = per_key[start : start + k.size]
            out.append(full)
            start += k.size
        return out

    ind_counts, clone_counts = counts("ind"), counts("clones")
    out = []
    for st, ci, cc in zip(states, ind_counts, clone_counts, strict=True):
        if cc.size == 0:
            cc = np.ones(st.cellkey.size, dtype=np.int64)
        w = st.ind + st.clones
        frac = np.where(w > 0, (st.ind / ci + st.clones / cc) / np.maximum(w, 1e-12), 0.0)
        out.append(None if bool(np.all(frac == 1.0)) else frac)
    return out


def _market_noise(seed: int, days: int) -> np.ndarray:
    """Return each platform's market price multiplier per day (shared by every ad set)."""
    ids = np.arange(N_PLAT * days, dtype=np.int64)
    z = normal_ppf(uniforms(seed, "ads-market", ids, 1)[:, 0]).reshape(N_PLAT, days)
    return np.exp(P.MARKET_NOISE * z - 0.5 * P.MARKET_NOISE**2)


def _fatigue(freq: np.ndarray, onset: np.ndarray) -> np.ndarray:
    return np.exp(-P.FATIGUE_RATE * np.maximum(0.0, freq - onset))


def _reach(w: np.ndarray, n: np.ndarray) -> np.ndarray:
    """Expected unique real people among ``w`` reached by ``n`` impressions spread at random."""
    single = w <= 1.0
    with np.errstate(divide="ignore", invalid="ignore"):
        spread = w * (1.0 - np.power(np.maximum(1.0 - 1.0 / w, 0.0), n))
    return np.where(single, (n > 0).astype(float), spread)


def _largest_remainder(total: int, weights: np.ndarray) -> np.ndarray:
    """Split a whole number by weights into whole numbers that add up to it."""
    if weights.sum() <= 0 or total <= 0:
        return np.zeros(weights.size, dtype=np.int64)
    raw = total * weights / weights.sum()
    base = np.floor(raw).astype(np.int64)
    rest = total - int(base.sum())
    if rest > 0:
        base[np.argsort(-(raw - base), kind="stable")[:rest]] += 1
    return base


def simulate(manager: AdsManager, ad_sets: list[AdSet], last: pd.Timestamp) -> AdsResults:
    """Run ad sets from the world's start date to ``last`` (inclusive).

    Args:
        manager: The Ads Manager (world, panel).
        ad_sets: The ad sets to run (each with at least one ad).
        last: Last day to simulate.

    Returns:
        The results.
    """
    from .results import AdsResults

    world = manager.world
    panel = manager.panel
    seed = world.seed
    first = world.start_date
    n_days = int((last - first).days) + 1
    states = [_prepare(panel, s) for s in ad_sets]
    noise = _market_noise(seed, max(n_days, 1))
    events = EventLog(seed, world.niche)
    order_value = NICHES[world.niche].order_value
    overlap_cache: dict[tuple[int, ...], list[np.ndarray]] = {}
    opportunities = 0.0
    cell_days = 0

    for d in range(n_days):
        date = first + pd.Timedelta(days=d)
        active = [
            i
            for i, st in enumerate(states)
            if st.ad_set.start <= date and (st.ad_set.end is None or date <= st.ad_set.end)
        ]
        if not active:
            continue
        key = tuple(active)
        if key not in overlap_cache:
            overlap_cache[key] = _overlap_fractions([states[i] for i in active], panel.size)
        for i, frac in zip(active, overlap_cache[key], strict=True):
            st = states[i]
            auctions = _run_day(st, d, date, frac, noise[:, d], seed, events, order_value, last)
            opportunities += auctions
            cell_days += st.pid.size

    return AdsResults(manager, states, events.table(), first, n_days, opportunities, cell_days)


def _run_day(
    st: _SetState,
    d: int,
    date: pd.Timestamp,
    frac: np.ndarray | None,
    noise: np.ndarray,
    seed: int,
    events: EventLog,
    order_value: float,
    last: pd.Timestamp,
) -> float:
    """Simulate one ad set's day; append its records; return the auctions its audience offered."""
    aset = st.ad_set
    wd = date.weekday()
    seen = np.flatnonzero(st.F)
    if st.last_day >= 0 and seen.size:
        st.F[seen] *= 0.5 ** ((d - st.last_day) / P.FREQUENCY_HALF_LIFE_DAYS)
    st.last_day = d
    if st.learning.events == 0 and not st.days:
        st.learning.start(d)

    # --- auctions available today
    o_full = st.o_week.get(wd)
    if o_full is None:
        day_mult = st.volume[:, wd][st.group]
        if wd >= 5:
            day_mult = day_mult * st.weekend
        o_full = st.o_week[wd] = st.o_base * day_mult
    o = o_full if frac is None else o_full * frac
    total_full = st.o_week_total.get(wd)
    if total_full is None:
        total_full = st.o_week_total[wd] = float(o_full.sum())

    # --- budget: today's target and cap
    u_pace = uniforms(seed, f"ads-pacing:{st.key}", np.array([d]), 1)[0, 0]
    pace_noise = math.exp(P.PACING_NOISE * float(normal_ppf(np.array([u_pace]))[0]))
    if aset.daily_budget is not None:
        budget = aset.daily_budget_on(date)
        if st.days and abs(budget - st.prev_budget) > 1e-9:
            st.learning.budget_changed(d, st.prev_budget, budget)
        st.prev_budget = budget
        week = date.isocalendar()[:2]
        spent_week = st.week_spent.get(week, 0.0)
        cap = daily_cap(budget, spent_week)
        # the calendar week is paced like a small lifetime budget: what the week's flight days
        # may still spend, spread over them by each day's opportunities (good days get more)
        monday = date - pd.Timedelta(days=wd)
        first = max(monday, aset.start)
        final = min(monday + pd.Timedelta(days=6), aset.end if aset.end is not None else last)
        flight_days = int((final - first).days) + 1
        ahead = np.array([st.day_volume[(wd + k) % 7] for k in range(int((final - date).days) + 1)])
        ahead[0] *= pace_noise
        week_left = max(0.0, min(P.WEEK_BUDGET_DAYS, flight_days) * budget - spent_week)
        share = float(ahead[0] / ahead.sum()) if ahead.sum() > 0 else 1.0
        target = min(week_left * share, budget * (1.0 + P.DAILY_OVERSPEND), cap)
    else:
        budget = float(aset.lifetime_budget)
        remaining = budget - st.spent
        end = aset.end if aset.end is not None else last
        left = int((end - date).days) + 1
        weights = np.array([st.day_volume[(wd + k) % 7] for k in range(left)])
        weights[0] *= pace_noise
        cap = lifetime_cap(remaining, left)
        target = min(lifetime_target(remaining, weights), cap)

    # --- fatigue, action rates and the bid
    status = st.learning.status(d)
    herf = float(np.sum(st.shares**2))
    mixscore = st.shares @ st.scores
    # value per unit of bid, standardised by the market: 1000 x action rate / market price,
    # where the action rate is the CTR (x the funnel for leads and sales), lowered by fatigue
    # and by delivery's preference for people who have not seen the ad set yet
    x = np.empty_like(st.x_base)
    for k, sl in st.slices:
        np.multiply(st.x_base[sl], mixscore[k] / noise[k], out=x[sl])
    if seen.size:
        f_seen = st.F[seen]
        fresh = 1.0 / (1.0 + P.DELIVERY_FRESHNESS * f_seen)
        if st.objective == "reach":
            x[seen] *= fresh / (1.0 + f_seen)
        else:
            x[seen] *= _fatigue(f_seen * herf, st.onset[seen]) * fresh
    if status in ("learning", "learning limited"):
        # the estimate is pulled towards the audience's average action rate
        m_full = np.empty_like(st.m_base)
        for k, sl in st.slices:
            np.multiply(st.m_base[sl], noise[k], out=m_full[sl])
        rate = x * m_full / 1000.0
        mean_rate = float(np.dot(o, rate) / max(float(o.sum()), 1e-12))
        beta = P.LEARNING_BLEND
        x = rate ** (1 - beta) * mean_rate**beta * 1000.0 / m_full
        del m_full, rate
    qcreative = float(np.sum(st.shares @ st.qualities * st.plat_w))
    if st.nf_window:
        imps_w = sum(a for a, _ in st.nf_window)
        hides_w = sum(b for _, b in st.nf_window)
        if imps_w >= 200:
            qcreative -= P.NEGATIVE_FEEDBACK_WEIGHT * math.log(
                max(hides_w / imps_w, 1e-6) / P.NEGATIVE_FEEDBACK_BASE
            )
    st.quality = min(1.0, max(-1.0, qcreative))
    qq = st.quality * P.QUALITY_WEIGHT
    step = max(1, -(-x.size // SAMPLE_CELLS))  # the bid search works on a systematic sample
    sample_m = st.m_base[::step] * noise[st.plat[::step]]
    b_star, b_max, can_spend, elasticity = solve_bid(
        x[::step], o[::step] * step, st.w_eff[::step] * step, sample_m / 1000.0, qq, target
    )

    def exact(b: float) -> tuple[np.ndarray, ...]:
        live = np.flatnonzero(x > (RHO - qq) / b) if b > 0 else np.empty(0, dtype=np.int64)
        if frac is not None:
            live = live[o[live] > 0]
        z_live = b * x[live] + qq
        p_win, pay = win_and_price(z_live, qq)
        raw = o[live] * p_win
        lam = delivered(raw, st.w_eff[live])
        m_live = st.m_base[live] * noise[st.plat[live]]
        cpi = pay * m_live / 1000.0
        return live, z_live, m_live, raw, lam, cpi

    live, z_live, m_live, raw, lam, cpi = exact(b_star)
    expected = float(np.sum(lam * cpi))
    if can_spend and expected > 0 and abs(expected / target - 1.0) > 0.02:
        # one exact correction of the sampled histogram's answer
        b_star = min(b_star * (target / expected) ** (1.0 / max(elasticity, 0.3)), b_max)
        live, z_live, m_live, raw, lam, cpi = exact(b_star)
        expected = float(np.sum(lam * cpi))
    bid = b_star
    if aset.bid_cap is not None and aset.bid_cap < b_star:
        bid = aset.bid_cap
        live, z_live, m_live, raw, lam, cpi = exact(bid)
        expected = float(np.sum(lam * cpi))
    if target <= 0:
        pi = 0.0  # nothing left to spend today: the ad set sits the auctions out
    else:
        pi = min(1.0, target / expected) if expected > 0 else 1.0
    lam = lam * pi
    entered = float(np.sum(o)) * pi
    held_back = float(np.sum(raw)) * pi - float(np.sum(lam))

    # --- impressions, the day's cap, charges
    n = poisson(lam, uniforms(seed, f"ads:{st.key}:{d}", st.cellkey[live], 1)[:, 0])
    cost = n * cpi
    spend_raw = float(cost.sum())
    g = st.group[live]
    shares_wd = st.hour_shares[:, wd, :]
    keep = np.ones(24)
    hit_hour = None
    if spend_raw > cap + 1e-9:
        hourly_cost = np.bincount(g, weights=cost, minlength=N_GROUP) @ shares_wd
        keep, hit_hour = hour_cutoff(hourly_cost, cap)
        kept_share = shares_wd @ keep
        u_thin = uniforms(seed, f"ads:{st.key}:{d}:cap", st.cellkey[live], 1)[:, 0]
        n = binomial(n, kept_share[g], u_thin)
        cost = n * cpi
        spend_raw = float(cost.sum())
    charged = math.floor(min(spend_raw, cap) * 100 + 1e-7) / 100  # whole cents, rounded down
    credit = max(0.0, spend_raw - cap)
    scale = charged / spend_raw if spend_raw > 0 else 0.0

    spread = shares_wd * keep[None, :]
    spread = spread / np.maximum(spread.sum(axis=1, keepdims=True), 1e-12)
    hourly_imps = np.bincount(g, weights=n, minlength=N_GROUP) @ spread
    hourly_spend = (np.bincount(g, weights=cost, minlength=N_GROUP) @ spread) * scale
    st.hourly.append((date, hourly_imps, hourly_spend))

    # --- clicks and the funnel, on the cells that got impressions
    nz = np.flatnonzero(n > 0)
    ids = live[nz]
    nn = n[nz]
    w = st.w_eff[ids]
    fe_mid = (st.F[ids] + nn / (2.0 * w)) * herf
    phi_mid = _fatigue(fe_mid, st.onset[ids])
    ctr_i = np.minimum(st.ctr_base[ids] * mixscore[st.plat[ids]] * phi_mid, 0.5)
    u2 = uniforms(seed, f"ads:{st.key}:{d}:funnel", st.cellkey[ids], 5)
    clicks = np.minimum(poisson(nn * ctr_i, u2[:, 0]), nn)
    visits, regs, buys = convert(clicks, st.landing[ids], st.reg[ids], st.pur[ids], u2[:, 1:4])
    n_imps, n_clicks = int(nn.sum()), int(clicks.sum())
    n_visits, n_regs, n_buys = int(visits.sum()), int(regs.sum()), int(buys.sum())
    result_events = {"reach": 0, "traffic": n_clicks, "leads": n_regs, "sales": n_buys}[st.objective]
    st.learning.record(d, result_events)

    # which ad each converting cell saw (by the ads' click shares)
    ad_click_w = st.shares * (st.scores @ st.plat_w)
    if len(st.ad_names) > 1 and regs.sum() > 0:
        cuts = np.cumsum(ad_click_w / ad_click_w.sum())
        pick = np.minimum(np.searchsorted(cuts, u2[:, 4], side="right"), len(st.ad_names) - 1)
        ad_of_row = np.array(st.ad_names, dtype=object)[pick]
    else:
        ad_of_row = np.full(ids.size, st.ad_names[0], dtype=object)
    conv_rows = regs > 0
    if conv_rows.any():
        events.add(
            f"ads:{st.key}",
            st.cellkey[ids[conv_rows]] * 1024 + d,
            np.full(int(conv_rows.sum()), date.to_datetime64()),
            regs[conv_rows],
            buys[conv_rows],
            channel="ads",
            source=st.key,
            platform=np.array(PLATFORM_SLUGS, dtype=object)[st.plat[ids[conv_rows]]],
            person_id=st.pid[ids[conv_rows]],
            campaign=aset.campaign.name,
            ad_set=aset.name,
            ad=ad_of_row[conv_rows],
        )

    # --- negative feedback, frequency, reach
    hides_exp = float(
        np.sum(nn * st.nf_base[ids] * (1 + P.HIDES_PER_FATIGUE * np.maximum(0.0, fe_mid - st.onset[ids])))
    ) / max(float(np.sqrt(np.sum(st.shares * (st.scores @ st.plat_w)))), 0.3)
    hides = int(
        poisson(np.array([hides_exp]), uniforms(seed, f"ads-hides:{st.key}", np.array([d]), 1)[:, 0])[0]
    )
    st.nf_window = [*st.nf_window[-6:], (float(n_imps), hides_exp)]
    if st.person_of is None:
        reach_today = float(np.sum(_reach(w, nn)))
    else:  # a person on several platforms of the ad set counts once
        reach_today, new_people = _people_reach(st, ids, nn)
    before = st.H[ids] / w
    band = np.searchsorted(FREQ_EDGES, before, side="right") - 1
    st.freq_imps += np.bincount(band, weights=nn, minlength=len(FREQ_LABELS))
    st.freq_clicks += np.bincount(band, weights=clicks, minlength=len(FREQ_LABELS))
    old_reach = _reach(w, st.H[ids])
    st.H[ids] += nn
    st.cum_reach += float(np.sum(_reach(w, st.H[ids]) - old_reach)) if st.person_of is None else new_people
    st.F[ids] += nn / w

    # --- per platform and per ad
    pl = st.plat[ids]
    plat_cost = np.bincount(pl, weights=cost[nz], minlength=N_PLAT) * scale
    for col, vals in enumerate((nn, clicks, visits, regs, buys)):
        st.platform_rows[:, col] += np.bincount(pl, weights=vals, minlength=N_PLAT)
    st.platform_rows[:, 5] += plat_cost
    st.platform_rows[:, 6] += np.bincount(pl, weights=_reach(w, nn), minlength=N_PLAT)
    ad_imps = _largest_remainder(n_imps, st.shares)
    ad_clicks = _largest_remainder(n_clicks, ad_click_w)
    for j, name in enumerate(st.ad_names):
        st.ads_days.append(
            {
                "date": date,
                "ad": name,
                "impressions": int(ad_imps[j]),
                "clicks": int(ad_clicks[j]),
                "spend": charged * (ad_imps[j] / n_imps if n_imps else st.shares[j] * 0),
                "share": float(st.shares[j]),
            }
        )
    st.ad_cum += ad_imps
    if len(st.ad_names) > 1:
        onset_avg = st.onset_avg
        freq_j = st.ad_cum / max(st.cum_reach, 1.0)
        vigour = st.scores @ st.plat_w * _fatigue(freq_j, onset_avg)
        st.shares = vigour**3 / np.sum(vigour**3)

    # --- bookkeeping
    st.spent += charged
    week = date.isocalendar()[:2]
    st.week_spent[week] = st.week_spent.get(week, 0.0) + charged
    won_value = float(np.sum(lam * z_live * m_live)) / max(float(np.sum(lam)), 1e-12)
    market = sum(float(np.dot(o[sl], st.m_base[sl])) * noise[k] for k, sl in st.slices)
    st.days.append(
        {
            "date": date,
            "budget": budget,
            "target": target,
            "cap": cap,
            "spend": charged,
            "credit": credit,
            "impressions": n_imps,
            "reach": reach_today,
            "clicks": n_clicks,
            "visits": n_visits,
            "registrations": n_regs,
            "purchases": n_buys,
            "revenue": n_buys * order_value,
            "hides": hides,
            "auctions": total_full,
            "auctions_shared": total_full - float(np.sum(o)),
            "auctions_entered": entered,
            "auctions_won": n_imps,
            "frequency_skipped": held_back,
            "bid": bid,
            "bid_needed": b_star,
            "max_bid": b_max,
            "can_spend": bool(can_spend),
            "participation": pi,
            "avg_value_cpm": won_value,
            "market_cpm": market / max(float(np.sum(o)), 1e-12),
            "cap_hit_hour": hit_hour,
            "learning": status,
            "events": result_events,
            "quality": st.quality,
            "frequency_avg": float(np.sum(st.H)) / max(st.cum_reach, 1e-12),
            "fatigue": float(np.sum(nn * phi_mid) / n_imps) if n_imps else float("nan"),
        }
    )
    return total_full


def _platform_weights(plat: np.ndarray, o_base: np.ndarray) -> np.ndarray:
    """Share of an ad set's auctions on each platform (for averaging creative scores)."""
    w = np.bincount(plat, weights=o_base, minlength=N_PLAT)
    total = w.sum()
    return w / total if total > 0 else np.full(N_PLAT, 1.0 / N_PLAT)
