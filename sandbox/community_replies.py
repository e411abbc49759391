"""When and in what order to reply: reply teams, response-time figures, priorities.

``team_response`` writes a replies log: when a team staffed in a given way (``office_hours``,
``daily_shift``, ``bank_style`` in ``sandbox.params.REPLY_TEAMS``, or your own) would have
answered each question and complaint of a moderation queue. ``response_stats`` sums a log up
against the benchmark (a bank answers in 5-10 minutes). Comments written off duty wait for the
next shift, which is where most slow answers come from.

``practice_backlog`` sets up a backlog of questions and complaints waiting for you;
``plan_value`` is what answering them in a given order is expected to win (with the delay
curves of ``sandbox.community``); ``best_reply_order`` finds the best order within a time
budget exactly, ``oldest_first`` is the first-come-first-served baseline.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from . import params as P  # noqa: N812
from .community import (
    NOT_PEOPLE,
    _check_delay,
    _check_queue,
    _queue_seed,
    complaint_recovery,
    complaint_service,
    question_conversion,
)
from .engagement import normal_from_uniform
from .errors import SandboxInputError, check_choice
from .seeding import uniforms


def _check_team(team: str | Mapping[str, Any]) -> dict[str, Any]:
    if isinstance(team, str):
        return dict(P.REPLY_TEAMS[check_choice("team", team, P.REPLY_TEAMS)])
    if not isinstance(team, Mapping):
        raise SandboxInputError(
            "team", f"must be a name ({', '.join(P.REPLY_TEAMS)}) or a dict, got {team!r}."
        )
    need = ("days", "start", "end", "median_minutes")
    missing = [k for k in need if k not in team]
    if missing:
        raise SandboxInputError("team", f"a team dict needs the keys {list(need)} (missing {missing}).")
    days = tuple(int(d) for d in team["days"])
    if not days or any(not 0 <= d <= 6 for d in days):
        raise SandboxInputError(
            "team", f"days must be weekdays 0 (Monday) to 6 (Sunday), got {team['days']!r}."
        )
    start, end = float(team["start"]), float(team["end"])
    if not 0 <= start < end <= 24:
        raise SandboxInputError(
            "team", f"on duty from start to end hours with 0 <= start < end <= 24, got {start}-{end}."
        )
    median = _check_delay(team["median_minutes"], "team")
    missed = float(team.get("missed", 0.0))
    if not 0 <= missed < 1:
        raise SandboxInputError("team", f"missed must be a share from 0 to below 1, got {missed}.")
    return {"days": days, "start": start, "end": end, "median_minutes": median, "missed": missed}


def _on_duty_from(t: pd.Timestamp, team: Mapping[str, Any]) -> pd.Timestamp:
    """The first moment at or after ``t`` when the team is on duty."""
    day = t.normalize()
    for k in range(8):
        d = day + pd.Timedelta(days=k)
        if d.day_of_week not in team["days"]:
            continue
        start = d + pd.Timedelta(hours=team["start"])
        end = d + pd.Timedelta(hours=team["end"])
        if t < end:
            return max(t, start)
    raise AssertionError("a team is on duty at least one day a week")  # pragma: no cover


def _answer_time(t: pd.Timestamp, work: float, team: Mapping[str, Any]) -> pd.Timestamp:
    cur = _on_duty_from(t, team)
    remaining = work
    while True:
        shift_end = cur.normalize() + pd.Timedelta(hours=team["end"])
        left = (shift_end - cur).total_seconds() / 60
        if remaining <= left:
            return cur + pd.Timedelta(minutes=remaining)
        remaining -= left
        cur = _on_duty_from(shift_end, team)


def team_response(
    queue: pd.DataFrame,
    team: str | Mapping[str, Any] = "daily_shift",
    comment_ids: Iterable[int] | None = None,
    seed: int | None = None,
) -> pd.DataFrame:
    """Return a replies log: when a team would have answered each comment.

    Args:
        queue: The moderation queue.
        team: A name from ``sandbox.params.REPLY_TEAMS`` (``office_hours``, ``daily_shift``,
            ``bank_style``) or a dict with ``days``, ``start``, ``end``, ``median_minutes``
            (and optionally ``missed``).
        comment_ids: Comments to answer; None: those that need a reply (questions and
            complaints).
        seed: As in ``evaluate``.

    Returns:
        One row per comment: ``comment_id``, ``platform``, ``commented_at``, ``replied_at``
        (NaT if never answered) and ``response_minutes`` (NaN if never answered). The same
        comment gets the same luck whichever team answers it, so teams compare fairly.
    """
    _check_queue(queue, ("comment_id", "time"))
    spec = _check_team(team)
    seed, namespace = _queue_seed(queue, seed)
    if comment_ids is None:
        if "needs_reply" in queue.columns:
            sel = queue["needs_reply"].to_numpy(dtype=bool)
        else:
            sel = queue["label"].isin(("question", "complaint")).to_numpy()
        rows = queue[sel]
    else:
        wanted = [int(i) for i in comment_ids]
        known = set(queue["comment_id"].tolist())
        unknown = [i for i in wanted if i not in known]
        if unknown:
            raise SandboxInputError("comment_ids", f"not in the queue: {unknown[:5]}.")
        rows = queue[queue["comment_id"].isin(wanted)]
    ids = rows["comment_id"].to_numpy(dtype=np.int64)
    u = uniforms(seed, f"community-replies-{namespace}", ids, 2)
    work = spec["median_minutes"] * np.exp(P.REPLY_TIME_SPREAD * normal_from_uniform(u[:, 0]))
    times = pd.DatetimeIndex(rows["time"])
    replied = [
        pd.NaT if miss else _answer_time(t, float(w), spec)
        for t, w, miss in zip(times, work, u[:, 1] < spec["missed"], strict=True)
    ]
    log = pd.DataFrame(
        {
            "comment_id": ids,
            "platform": pd.array(
                rows["platform"].astype(str).to_numpy() if "platform" in rows else [""] * len(ids),
                dtype="str",
            ),
            "commented_at": times,
            "replied_at": pd.DatetimeIndex(replied, dtype=times.dtype).floor("s") if len(ids) else times,
        }
    )
    log["response_minutes"] = ((log["replied_at"] - log["commented_at"]).dt.total_seconds() / 60).round(1)
    return log.reset_index(drop=True)


def response_stats(log: pd.DataFrame, within: float = P.RESPONSE_BENCHMARK_MINUTES[1]) -> pd.Series:
    """Summarise a replies log: how fast, how many in time, how many never.

    Args:
        log: A replies log (``response_minutes``: NaN when never answered).
        within: The benchmark in minutes (default 10: a bank answers in 5-10 minutes).

    Returns:
        ``comments``, ``answered``, ``median_minutes`` and ``p90_minutes`` (over answered
        comments), ``share_within`` (answered within ``within`` minutes, out of all comments:
        never answered counts as late) and ``never_answered`` (share).
    """
    _check_queue(log, ("response_minutes",), "log")
    m = log["response_minutes"].astype(float)
    done = m.dropna()
    n = len(m)
    return pd.Series(
        {
            "comments": n,
            "answered": len(done),
            "median_minutes": float(done.median()) if len(done) else math.nan,
            "p90_minutes": float(done.quantile(0.9)) if len(done) else math.nan,
            "share_within": float((m <= within).sum() / n) if n else math.nan,
            "never_answered": float(m.isna().sum() / n) if n else math.nan,
        },
        dtype=object,
        name=f"within {within:g} min",
    )


# --- who first, when time is short ------------------------------------------------------------------


def practice_backlog(
    queue: pd.DataFrame, n: int = 10, max_wait: float = 45.0, seed: int | None = None
) -> pd.DataFrame:
    """Return a backlog to practise priorities: questions and complaints waiting for you.

    You come back from a meeting: ``n`` real people's questions and complaints from your queue
    have been waiting between 0 and ``max_wait`` minutes.

    Args:
        queue: The moderation queue.
        n: How many comments (at most the queue's questions and complaints by real people).
        max_wait: Longest wait, in minutes.
        seed: As in ``evaluate``.

    Returns:
        ``comment_id``, ``label``, ``text``, ``service`` (for complaints), ``waited_minutes``
        and ``work_minutes`` (a reply for a question, an escalation for a complaint), oldest
        first.
    """
    _check_queue(queue, ("comment_id", "label", "text"))
    seed, namespace = _queue_seed(queue, seed)
    real = ~queue["author_role"].isin(NOT_PEOPLE) if "author_role" in queue.columns else True
    pool = queue[queue["label"].isin(("question", "complaint")) & real]
    if isinstance(n, bool) or not isinstance(n, int | np.integer) or not 1 <= n <= len(pool):
        raise SandboxInputError("n", f"must be a whole number from 1 to {len(pool)}, got {n!r}.")
    max_wait = _check_delay(max_wait, "max_wait")
    ids = pool["comment_id"].to_numpy(dtype=np.int64)
    u = uniforms(seed, f"community-backlog-{namespace}", ids, 2)
    # half questions, half complaints where possible, so the choice is a real one
    order = np.lexsort((u[:, 0], pool["label"].to_numpy(dtype=object) == "complaint"))
    q_idx = [i for i in order if pool["label"].iloc[i] == "question"]
    c_idx = [i for i in order if pool["label"].iloc[i] == "complaint"]
    take_c = min(len(c_idx), max(n // 2, n - len(q_idx)))
    picked = c_idx[:take_c] + q_idx[: n - take_c]
    b = pool.iloc[picked]
    label = b["label"].astype(str).to_numpy()
    service = (
        b["service"].astype(str).to_numpy()
        if "service" in b.columns
        else np.array(
            [
                complaint_service(t) if lab == "complaint" else ""
                for t, lab in zip(b["text"], label, strict=True)
            ]
        )
    )
    out = pd.DataFrame(
        {
            "comment_id": b["comment_id"].to_numpy(dtype=np.int64),
            "label": pd.array(label, dtype="str"),
            "text": pd.array(b["text"].astype(str).to_numpy(), dtype="str"),
            "service": pd.array(service, dtype="str"),
            "waited_minutes": np.round(u[picked, 1] * max_wait, 0),
            "work_minutes": np.where(
                label == "complaint", P.WORK_MINUTES["escalate"], P.WORK_MINUTES["reply"]
            ),
        }
    )
    return out.sort_values(["waited_minutes", "comment_id"], ascending=[False, True]).reset_index(drop=True)


def _item_value(label: str, delay: float) -> float:
    if label == "question":
        return float(question_conversion(delay))
    return float(complaint_recovery(delay))


def plan_value(backlog: pd.DataFrame, order: Sequence[int]) -> float:
    """Return the customers you can expect to win by answering a backlog in this order.

    Comments are handled one after another: a question is answered (``reply``), a complaint
    escalated to its right service. Each reply goes out when its work is done, so its delay is
    its wait so far plus the minutes of everything handled before it and its own.

    Args:
        backlog: A table like ``practice_backlog`` returns.
        order: Comment ids to handle, first to last (others stay unanswered and win nobody).

    Returns:
        Expected questions converted + customers recovered.

    Raises:
        SandboxInputError: For ids not in the backlog, or an id given twice.
    """
    _check_queue(backlog, ("comment_id", "label", "waited_minutes", "work_minutes"), "backlog")
    rows = backlog.set_index("comment_id")
    ids = [int(i) for i in order]
    unknown = [i for i in ids if i not in rows.index]
    if unknown:
        raise SandboxInputError("order", f"comment ids not in the backlog: {unknown[:5]}.")
    if len(set(ids)) != len(ids):
        raise SandboxInputError("order", "a comment is handled twice; list each id once.")
    clock, total = 0.0, 0.0
    for i in ids:
        clock += float(rows.loc[i, "work_minutes"])
        total += _item_value(str(rows.loc[i, "label"]), float(rows.loc[i, "waited_minutes"]) + clock)
    return total


def best_reply_order(backlog: pd.DataFrame, budget_minutes: float) -> list[int]:
    """Return the order that wins the most expected customers within a time budget (exact).

    Tries every subset that fits the budget, each in its best order (dynamic programming over
    subsets: the time a subset takes does not depend on its order).

    Args:
        backlog: A table like ``practice_backlog`` returns (at most 16 comments).
        budget_minutes: Minutes you have.

    Returns:
        Comment ids, first to last.

    Raises:
        SandboxInputError: For a backlog longer than 16 comments or a negative budget.
    """
    _check_queue(backlog, ("comment_id", "label", "waited_minutes", "work_minutes"), "backlog")
    budget = _check_delay(budget_minutes, "budget_minutes")
    n = len(backlog)
    if n > 16:
        raise SandboxInputError("backlog", f"at most 16 comments for the exact search, got {n}.")
    ids = backlog["comment_id"].to_numpy(dtype=np.int64)
    labels = backlog["label"].astype(str).tolist()
    wait = backlog["waited_minutes"].to_numpy(dtype=float)
    work = backlog["work_minutes"].to_numpy(dtype=float)
    size = 1 << n
    used = np.zeros(size)
    for m in range(1, size):
        low = (m & -m).bit_length() - 1
        used[m] = used[m & (m - 1)] + work[low]
    best = np.full(size, -np.inf)
    last = np.full(size, -1, dtype=np.int64)
    best[0] = 0.0
    for m in range(1, size):
        if used[m] > budget + 1e-9:
            continue
        for j in range(n):
            if m >> j & 1 and best[m ^ (1 << j)] > -np.inf:
                v = best[m ^ (1 << j)] + _item_value(labels[j], wait[j] + used[m])
                if v > best[m]:
                    best[m], last[m] = v, j
    m = int(np.argmax(best))
    order: list[int] = []
    while m:
        j = int(last[m])
        order.append(int(ids[j]))
        m ^= 1 << j
    return order[::-1]


def oldest_first(backlog: pd.DataFrame, budget_minutes: float) -> list[int]:
    """Return the first-come-first-served order that fits a time budget (a baseline to beat).

    Args:
        backlog: A table like ``practice_backlog`` returns.
        budget_minutes: Minutes you have.

    Returns:
        Comment ids, longest-waiting first, as many as fit.
    """
    budget = _check_delay(budget_minutes, "budget_minutes")
    b = backlog.sort_values(["waited_minutes", "comment_id"], ascending=[False, True])
    order, clock = [], 0.0
    for i, w in zip(b["comment_id"], b["work_minutes"], strict=True):
        if clock + float(w) <= budget + 1e-9:
            order.append(int(i))
            clock += float(w)
    return order
