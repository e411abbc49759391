"""Community management: a moderation queue, triage rules, and what your decisions do.

A community manager reads every comment on the brand's posts and decides what to do with it.
This module gives you the comments as a **moderation queue** (``moderation_queue``), simple
**triage rules** that guess each comment's kind from its text and author (``apply_rules``),
**precision and recall** of a triage against the true labels (``triage_scores``), and a model
of what your **decisions** do (``evaluate``, ``outcome_summary``).

The outcome model, in words (every number is in ``sandbox.params``, section COMMUNITY
MANAGEMENT; all but the response-time benchmark are assumptions):

* A decision is one of ``delete``, ``hide``, ``reply``, ``escalate`` (reply *and* hand the
  customer over to a service: payments, delivery, venue or customer care) or ``ignore``, with
  a reply delay in minutes for replies and escalations. A comment without a decision is ignored.
* Spam and toxic comments left visible are seen by the post's readers (followers reached x
  ``COMMENT_READERS_SHARE``); each reader may unfollow (``VISIBLE_COMMENT_UNFOLLOW``), and they
  pull down the comment section's sentiment. Deleting or hiding them costs nothing.
* Deleting or hiding a real person's praise, question or complaint angers them: they may
  unfollow (``AUTHOR_UNFOLLOW``) and may call it out in public (``REMOVAL_BACKLASH``).
* A real person's answered question becomes a purchase with a chance that falls with the reply
  delay (``QUESTION_CONVERSION``): answered within 10 minutes, most of the best chance is kept.
* A real customer's complaint is recovered with a chance that falls with the delay and depends
  on the fix (``COMPLAINT_RECOVERY``): escalated to the right service is best, to the wrong
  one much worse, an apology without a fix worse still. Some recovered customers praise the
  brand (``RECOVERED_PRAISE``). A complaint not worked out may turn into public negativity, more
  likely the slower the answer (``COMPLAINT_NEGATIVITY``), and its author may leave.
* Bots and spammers are not customers: their comments never convert, recover or get angry.
* Sentiment: everything left visible scores from -2 to +1.5 (``COMMENT_SENTIMENT``); the mean
  over the queue is the section's sentiment. Engagement on the next posts changes by
  ``TRUST_ENGAGEMENT`` x the sentiment change against doing nothing.

Luck is drawn per comment from the world's seed and the comment's id (``seeding.uniforms``), so
the same decisions always give the same outcome, and changing one decision leaves the luck of
every other comment as it was. ``evaluate`` also scores "ignore everything" with the same luck,
which is what "unfollows avoided" and "trust change" are measured against. Next to each drawn
outcome it gives the expected value (``p_converted``, ``expected_unfollows``, ...), for smooth
charts.

When and in what order to reply (reply teams, response-time figures, priorities under a time
budget) is in ``sandbox.community_replies``; interactive controls in
``sandbox.community_widgets``.
"""

from __future__ import annotations

import math
import numbers
import re
import weakref
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from . import params as P  # noqa: N812
from .engagement import _poisson
from .errors import SandboxInputError, check_choice
from .seeding import uniforms
from .taxonomy import COMMENT_LABELS

if TYPE_CHECKING:
    from .plan import PlanResult
    from .world import World

ACTIONS: tuple[str, ...] = ("delete", "hide", "reply", "escalate", "ignore")
"""What a community manager can do with a comment."""

SERVICES: tuple[str, ...] = ("payments", "delivery", "venue", "customer_care")
"""Services a complaint can be handed over to: double charges and refunds, orders and returns,
the place itself (staff, waiting, bookings), and customer care (product quality, support)."""

DEFAULT_POLICY: dict[str, str] = {
    "spam": "delete",
    "toxic": "hide",
    "question": "reply",
    "complaint": "escalate",
    "praise": "ignore",
}
"""What to do with each kind of comment: remove spam, hide toxic comments (their authors still
see them, so trolls get no drama), answer questions, work out complaints, let praise be (or
thank fans when there is time: ``reply``)."""

SERVICE_KEYWORDS: dict[str, tuple[str, ...]] = {
    "payments": ("charged", "списали"),
    "delivery": (
        "still nothing",
        "arrived damaged",
        "delivered",
        "до сих пор ничего",
        "повреждён",
        "прислали",
    ),
    "venue": ("staff", "waited", "nobody was there", "персонал нас", "ждали", "никого не было"),
    "customer_care": ("photos", "support", "на фото", "поддержка"),
}
"""Words that say which service can fix a complaint (English and Russian comments)."""

BAD_WORDS: tuple[str, ...] = ("idiot", "garbage", "trash", "идиот", "отстой")
"""A starter list of words that mark a comment as toxic. Deliberately short: extend it with the
words your community actually sees."""

COMPLAINT_WORDS: tuple[str, ...] = (
    "disappointed",
    "refund",
    "never",
    "charged",
    "waited",
    "damaged",
    "wrong",
    "not worth",
    "nobody",
    "still nothing",
    "fix",
    "разочарован",
    "верните",
    "больше не",
    "списали",
    "ждали",
    "повреждён",
    "не тот",
    "не стоит",
    "никого",
    "не отвечает",
    "до сих пор",
)
"""Words that often mark a complaint."""

LINK_PATTERN = re.compile(r"https?://|www\.|\b[a-z0-9-]+\.(?:ly|com|co|ru|net|io|me)/", re.IGNORECASE)
"""A web link in a comment (full addresses and link shorteners like bit.ly/...)."""

NOT_PEOPLE: tuple[str, ...] = ("bot", "spammer")
"""Author roles that are not real customers."""


@dataclass(frozen=True)
class Rule:
    """A triage rule: when it matches a comment, the comment gets ``label``.

    Attributes:
        name: Short name, used to switch rules on and off.
        label: The kind of comment the rule flags.
        description: What the rule looks at, in words.
    """

    name: str
    label: str
    description: str


RULES: tuple[Rule, ...] = (
    Rule("link", "spam", "the text contains a web link"),
    Rule("bot_account", "spam", "the author's account is a bot or a spammer"),
    Rule("shouting", "spam", "the text contains '!!!'"),
    Rule("bad_words", "toxic", "the text contains a word from the bad-words list"),
    Rule("troll_account", "toxic", "the author's account is a known troll"),
    Rule("question_mark", "question", "the text contains '?'"),
    Rule("complaint_words", "complaint", "the text contains a complaint word"),
)
"""The built-in triage rules, in the order they are tried; a comment no rule matches is praise."""

QUEUE_COLUMNS: dict[str, str] = {
    "comment_id": "id of the comment (the same as in the comments table)",
    "time": "when the comment was written",
    "platform": "platform slug",
    "post_id": "the post commented on",
    "post_rubric": "the post's rubric (contests draw spam)",
    "followers_reached": "followers who saw the post: some of them read its comments",
    "author_id": "person_id of the author",
    "author_role": "the author's account type: regular, influencer, bot, spammer or troll",
    "text": "the comment",
    "label": "ground truth: praise, question, complaint, spam or toxic (rules must not read it)",
    "needs_reply": "ground truth: True for questions and complaints",
    "service": "ground truth: for complaints, the service that can fix it; empty otherwise",
}
"""Columns of a moderation queue."""

DECISION_COLUMNS: dict[str, str] = {
    "comment_id": "the comment decided on",
    "action": "delete, hide, reply, escalate or ignore",
    "delay_minutes": "minutes from the comment to your reply (reply and escalate only; NaN otherwise)",
    "service": "for escalate: payments, delivery, venue or customer_care (empty otherwise)",
}
"""Columns of a decisions table (``service`` is optional: escalations without one go to
customer care)."""

OUTCOME_COLUMNS: dict[str, str] = {
    "comment_id": "the comment",
    "label": "its true kind",
    "author_role": "its author's account type",
    "action": "what you did (ignore if you did not decide)",
    "delay_minutes": "minutes to your reply (NaN without a reply)",
    "service": "where you escalated it (empty if not escalated)",
    "right_service": "True if escalated to the service that can fix it",
    "visible": "still visible to readers",
    "converted": "a question that ended in a purchase",
    "recovered": "a complaint worked out, customer kept",
    "became_praise": "a recovered customer who then praised you in public",
    "public_negativity": "a complaint or removal that turned into public negativity",
    "author_unfollowed": "the author left",
    "reader_unfollows": "readers who left because of what they saw",
    "unfollows": "author_unfollowed + reader_unfollows",
    "sentiment": "what readers make of what is left (COMMENT_SENTIMENT)",
    "work_minutes": "minutes of your time the action took",
    "p_converted": "chance of converted",
    "p_recovered": "chance of recovered",
    "p_negativity": "chance of public_negativity",
    "expected_unfollows": "expected unfollows",
    "expected_sentiment": "expected sentiment",
    "unfollows_if_ignored": "unfollows if you had ignored everything (same luck)",
    "sentiment_if_ignored": "sentiment if you had ignored everything",
    "expected_unfollows_if_ignored": "expected unfollows if you had ignored everything",
    "expected_sentiment_if_ignored": "expected sentiment if you had ignored everything",
}
"""Columns of the table ``evaluate`` returns."""


# --- the queue ---------------------------------------------------------------------------------


def complaint_service(text: str) -> str:
    """Return the service that can fix a complaint, from its words.

    Args:
        text: The complaint's text.

    Returns:
        One of ``SERVICES``; ``"customer_care"`` when no service's words appear.
    """
    low = str(text).lower()
    for service, words in SERVICE_KEYWORDS.items():
        if any(w in low for w in words):
            return service
    return "customer_care"


def _source_parts(source: Any, brand: int | str) -> tuple[pd.DataFrame, pd.DataFrame, int, str]:
    from .plan import PlanResult
    from .world import World

    if isinstance(source, World):
        bid = source.brand_id(brand)
        comments = source.comments
        return comments[comments["brand_id"] == bid], source.posts, source.seed, "history"
    if isinstance(source, PlanResult):
        if brand not in ("you", 0):
            raise SandboxInputError("brand", "a plan's comments are all on your posts; leave brand='you'.")
        return source.comments, source.posts, source._world.seed, "plan"  # noqa: SLF001
    raise SandboxInputError(
        "source",
        f"must be a World (its history's comments) or a PlanResult (world.run_plan(...)), "
        f"got {type(source).__name__}.",
    )


def moderation_queue(source: World | PlanResult, brand: int | str = "you") -> pd.DataFrame:
    """Return a brand's comments as a moderation queue, oldest first.

    Args:
        source: A ``World`` (comments on the history's posts) or a ``PlanResult`` (comments
            on the posts of a plan you ran; ``season_plan`` makes a busy one).
        brand: ``"you"``, a competitor's name or a brand id (World only).

    Returns:
        One row per comment, columns ``QUEUE_COLUMNS``. ``label``, ``needs_reply`` and
        ``service`` are the ground truth: triage rules must not read them, they are there to
        measure rules against. ``queue.attrs`` keeps the world's seed for ``evaluate``.

    Raises:
        SandboxInputError: For another kind of source or an unknown brand.
    """
    comments, posts, seed, namespace = _source_parts(source, brand)
    info = posts.set_index("post_id")[["rubric", "reach_followers"]]
    q = comments.reset_index(drop=True)
    joined = info.reindex(q["post_id"].to_numpy())
    queue = pd.DataFrame(
        {
            "comment_id": q["comment_id"].to_numpy(dtype=np.int64),
            "time": q["time"].to_numpy(),
            "platform": q["platform"].astype("str").to_numpy(),
            "post_id": q["post_id"].to_numpy(dtype=np.int64),
            "post_rubric": pd.array(joined["rubric"].to_numpy(dtype=object), dtype="str"),
            "followers_reached": joined["reach_followers"].fillna(0).to_numpy(dtype=np.int64),
            "author_id": q["author_id"].to_numpy(dtype=np.int64),
            "author_role": q["author_role"].astype("str").to_numpy(),
            "text": q["text"].astype("str").to_numpy(),
            "label": q["label"].astype("str").to_numpy(),
            "needs_reply": q["needs_reply"].to_numpy(dtype=bool),
        }
    )
    for col in ("platform", "author_role", "text", "label"):
        queue[col] = queue[col].astype("str")
    queue["service"] = pd.array(
        [
            complaint_service(t) if lab == "complaint" else ""
            for t, lab in zip(queue["text"], queue["label"], strict=True)
        ],
        dtype="str",
    )
    queue = queue.sort_values(["time", "comment_id"], kind="stable").reset_index(drop=True)
    queue.attrs = {"seed": int(seed), "namespace": namespace}
    return queue


def season_plan(
    world: World, weeks: int = 8, posts_per_week: int = 7, contest_share: float = 0.1
) -> pd.DataFrame:
    """Return a busy plan for your brand: daily posts on every platform where it has an account.

    Run it (``world.run_plan``) to get weeks of comments for a moderation queue: a brand's
    history alone has few comments in a small world. About one post in ten is a contest, which
    is where spam and bots come from.

    Args:
        world: The world.
        weeks: Weeks to plan (at most the world's horizon).
        posts_per_week: Posts a week on each platform.
        contest_share: Share of posts that are contests (0 to 0.5).

    Returns:
        A plan (``sandbox.plan.PLAN_COLUMNS``) at your followers' peak hours.

    Raises:
        SandboxInputError: For weeks, posts or a contest share out of range.
    """
    from .content_plan import audience_peak_hours, build_plan

    max_weeks = world.horizon_days // 7
    if isinstance(weeks, bool) or not isinstance(weeks, int | np.integer) or not 1 <= weeks <= max_weeks:
        raise SandboxInputError("weeks", f"must be a whole number from 1 to {max_weeks}, got {weeks!r}.")
    if (
        isinstance(posts_per_week, bool)
        or not isinstance(posts_per_week, int | np.integer)
        or not 1 <= posts_per_week <= 14
    ):
        raise SandboxInputError(
            "posts_per_week", f"must be a whole number from 1 to 14, got {posts_per_week!r}."
        )
    if not isinstance(contest_share, numbers.Real) or not 0 <= float(contest_share) <= 0.5:
        raise SandboxInputError("contest_share", f"must be a share from 0 to 0.5, got {contest_share!r}.")
    acc = world.accounts
    platforms = acc.loc[acc["brand_id"] == 0, "platform"].astype(str).tolist()
    rest = 1.0 - float(contest_share)
    mix = {"informative": 0.4 * rest, "entertaining": 0.35 * rest, "commercial": 0.25 * rest}
    if contest_share > 0:
        mix["contest"] = float(contest_share)
    hours = {p: audience_peak_hours(world, p, n=2) for p in platforms}
    return build_plan(world.start_date, int(weeks), dict.fromkeys(platforms, int(posts_per_week)), hours, mix)


_SEASONS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def season_queue(
    world: World, weeks: int = 8, posts_per_week: int = 7, contest_share: float = 0.1
) -> pd.DataFrame:
    """Return the moderation queue of a busy season: ``season_plan`` run, its comments queued.

    The same as ``moderation_queue(world.run_plan(season_plan(world, ...)))``, remembered per
    world, so asking again (an exercise and its checks) does not run the season again.

    Args:
        world: The world.
        weeks: As in ``season_plan``.
        posts_per_week: As in ``season_plan``.
        contest_share: As in ``season_plan``.

    Returns:
        A fresh copy of the queue (``QUEUE_COLUMNS``), with the world's seed in ``attrs``.
    """
    key = (int(weeks), int(posts_per_week), float(contest_share))
    seasons = _SEASONS.setdefault(world, {})
    if key not in seasons:
        seasons[key] = moderation_queue(
            world.run_plan(season_plan(world, weeks, posts_per_week, contest_share))
        )
    queue = seasons[key].copy()
    queue.attrs = dict(seasons[key].attrs)
    return queue


# --- triage rules and their scores -------------------------------------------------------------


def _words_pattern(words: Iterable[str]) -> str | None:
    clean = [str(w).strip().lower() for w in words if str(w).strip()]
    return "|".join(re.escape(w) for w in clean) if clean else None


def _check_queue(queue: Any, needed: Iterable[str], parameter: str = "queue") -> pd.DataFrame:
    if not isinstance(queue, pd.DataFrame):
        raise SandboxInputError(
            parameter,
            f"must be a DataFrame like community.moderation_queue(...), got {type(queue).__name__}.",
        )
    missing = [c for c in needed if c not in queue.columns]
    if missing:
        raise SandboxInputError(
            parameter, f"has no column(s) {missing}; use community.moderation_queue(...)."
        )
    return queue


def rule_matches(
    queue: pd.DataFrame,
    bad_words: Iterable[str] = BAD_WORDS,
    complaint_words: Iterable[str] = COMPLAINT_WORDS,
) -> pd.DataFrame:
    """Return which built-in rules match each comment.

    Args:
        queue: A moderation queue (``text`` and ``author_role`` are read).
        bad_words: Words that make a comment toxic (rule ``bad_words``).
        complaint_words: Words that make a comment a complaint (rule ``complaint_words``).

    Returns:
        One boolean column per rule of ``RULES``, indexed like ``queue``.
    """
    _check_queue(queue, ("text", "author_role"))
    text = queue["text"].astype("str").str.lower()
    role = queue["author_role"].astype("str")

    def has_any(words: Iterable[str]) -> pd.Series:
        pattern = _words_pattern(words)
        if pattern is None:
            return pd.Series(False, index=queue.index)
        return text.str.contains(pattern, regex=True)

    return pd.DataFrame(
        {
            "link": text.str.contains(LINK_PATTERN.pattern, regex=True, flags=re.IGNORECASE),
            "bot_account": role.isin(NOT_PEOPLE),
            "shouting": text.str.contains("!!!", regex=False),
            "bad_words": has_any(bad_words),
            "troll_account": role == "troll",
            "question_mark": text.str.contains("?", regex=False),
            "complaint_words": has_any(complaint_words),
        },
        index=queue.index,
    ).astype(bool)


def apply_rules(
    queue: pd.DataFrame,
    rules: Sequence[str] | None = None,
    bad_words: Iterable[str] = BAD_WORDS,
    complaint_words: Iterable[str] = COMPLAINT_WORDS,
) -> pd.Series:
    """Guess each comment's kind with triage rules: the first rule that matches decides.

    Args:
        queue: A moderation queue.
        rules: Names of the rules to use, in the order to try them (see ``RULES``); None: all,
            in the order of ``RULES``. A comment no rule matches is praise.
        bad_words: Words for the ``bad_words`` rule.
        complaint_words: Words for the ``complaint_words`` rule.

    Returns:
        The predicted label of each comment, indexed like ``queue``.

    Raises:
        SandboxInputError: For an unknown rule name.
    """
    by_name = {r.name: r for r in RULES}
    names = list(by_name) if rules is None else list(rules)
    for n in names:
        check_choice("rules", n, by_name)
    matches = rule_matches(queue, bad_words, complaint_words)
    out = pd.Series("praise", index=queue.index, dtype="str", name="predicted")
    decided = pd.Series(False, index=queue.index)
    for n in names:
        hit = matches[n] & ~decided
        out[hit] = by_name[n].label
        decided |= hit
    return out


def _as_labels(values: Any, index: pd.Index, parameter: str) -> pd.Series:
    if isinstance(values, pd.Series):
        s = values
        if len(s) != len(index):
            raise SandboxInputError(
                parameter, f"has {len(s)} values for {len(index)} comments; give one per comment."
            )
        if not s.index.equals(index):
            s = pd.Series(s.to_numpy(), index=index)
    else:
        arr = list(values)
        if len(arr) != len(index):
            raise SandboxInputError(
                parameter, f"has {len(arr)} values for {len(index)} comments; give one per comment."
            )
        s = pd.Series(arr, index=index)
    bad = sorted({str(v) for v in s if v not in COMMENT_LABELS})
    if bad:
        raise SandboxInputError(
            parameter, f"unknown label(s) {bad[:3]}; use {', '.join(map(repr, COMMENT_LABELS))}."
        )
    return s.astype("str")


def precision_recall(truth: pd.Series, predicted: pd.Series, label: str) -> tuple[float, float]:
    """Return the precision and recall of a triage for one kind of comment.

    Precision: of the comments you flagged as ``label``, the share that really are.
    Recall: of the comments that really are ``label``, the share you flagged.

    Args:
        truth: True labels (``queue["label"]``).
        predicted: Your labels, one per comment, in the same order.
        label: The kind of comment, e.g. ``"spam"``.

    Returns:
        ``(precision, recall)``; NaN when there is nothing to divide by (nothing flagged, or
        no such comment).
    """
    check_choice("label", label, COMMENT_LABELS)
    t = _as_labels(truth, pd.RangeIndex(len(truth)), "truth")
    p = _as_labels(predicted, t.index, "predicted")
    flagged = p == label
    actual = t == label
    caught = int((flagged & actual).sum())
    precision = caught / int(flagged.sum()) if flagged.any() else math.nan
    recall = caught / int(actual.sum()) if actual.any() else math.nan
    return precision, recall


def triage_scores(truth: pd.Series, predicted: pd.Series) -> pd.DataFrame:
    """Measure a triage against the true labels: one row per kind, and one for removals.

    Args:
        truth: True labels (``queue["label"]``).
        predicted: Your labels, one per comment, in the same order.

    Returns:
        Rows: each label, then ``"spam or toxic"`` (what you would remove). Columns:
        ``flagged`` (you said so), ``actual`` (it is so), ``caught`` (both), ``wrongly_flagged``,
        ``missed``, ``precision`` (caught / flagged) and ``recall`` (caught / actual).
    """
    t = _as_labels(truth, pd.RangeIndex(len(truth)), "truth")
    p = _as_labels(predicted, t.index, "predicted")
    rows = {}
    groups = {lab: (lab,) for lab in COMMENT_LABELS}
    groups["spam or toxic"] = ("spam", "toxic")
    for name, labs in groups.items():
        flagged = p.isin(labs)
        actual = t.isin(labs)
        caught = int((flagged & actual).sum())
        rows[name] = {
            "flagged": int(flagged.sum()),
            "actual": int(actual.sum()),
            "caught": caught,
            "wrongly_flagged": int((flagged & ~actual).sum()),
            "missed": int((actual & ~flagged).sum()),
            "precision": caught / int(flagged.sum()) if flagged.any() else math.nan,
            "recall": caught / int(actual.sum()) if actual.any() else math.nan,
        }
    out = pd.DataFrame.from_dict(rows, orient="index")
    out.index.name = "kind"
    return out


# --- decisions ---------------------------------------------------------------------------------


def decide(
    queue: pd.DataFrame,
    predicted: pd.Series | Sequence[str],
    policy: Mapping[str, str] | None = None,
    delay_minutes: float | pd.Series = 10.0,
    services: str | pd.Series | None = None,
) -> pd.DataFrame:
    """Turn labels into decisions: an action per kind, a reply delay, a service per escalation.

    Args:
        queue: The moderation queue.
        predicted: A label per comment (e.g. from ``apply_rules``), in the queue's order.
        policy: Label -> action; None: ``DEFAULT_POLICY``. Labels left out are ignored.
        delay_minutes: Minutes to every reply, or a Series of minutes indexed by comment id
            (e.g. ``team_response(...).set_index("comment_id")["response_minutes"]``);
            a comment without minutes there (never answered) is ignored instead.
        services: Service for every escalation, a Series indexed by comment id, or None to
            read it from the complaint's words (``complaint_service``).

    Returns:
        A decisions table (``DECISION_COLUMNS``), one row per comment.

    Raises:
        SandboxInputError: For an unknown action or service, or a negative delay.
    """
    _check_queue(queue, ("comment_id", "text"))
    labels = _as_labels(predicted, queue.index, "predicted")
    pol = dict(DEFAULT_POLICY if policy is None else policy)
    for lab, act in pol.items():
        check_choice("policy", lab, COMMENT_LABELS)
        check_choice("policy", act, ACTIONS)
    ids = queue["comment_id"].to_numpy(dtype=np.int64)
    action = np.array([pol.get(lab, "ignore") for lab in labels], dtype=object)
    answered = np.isin(action, ("reply", "escalate"))
    if isinstance(delay_minutes, pd.Series):
        delay = delay_minutes.reindex(ids).to_numpy(dtype=float)
        action = np.where(answered & np.isnan(delay), "ignore", action)
        answered = np.isin(action, ("reply", "escalate"))
    else:
        delay = np.full(len(ids), _check_delay(delay_minutes, "delay_minutes"))
    if answered.any() and (np.nanmin(delay[answered]) < 0):
        raise SandboxInputError("delay_minutes", "must be 0 or more minutes.")
    delay = np.where(answered, delay, np.nan)
    esc = action == "escalate"
    if services is None:
        svc = np.array([complaint_service(t) for t in queue["text"]], dtype=object)
    elif isinstance(services, pd.Series):
        svc = services.reindex(ids).fillna("customer_care").to_numpy(dtype=object)
    else:
        svc = np.full(len(ids), check_choice("services", services, SERVICES), dtype=object)
    for s in set(svc[esc]):
        check_choice("services", s, SERVICES)
    return pd.DataFrame(
        {
            "comment_id": ids,
            "action": pd.array(action, dtype="str"),
            "delay_minutes": delay,
            "service": pd.array(np.where(esc, svc, ""), dtype="str"),
        }
    )


def _check_delay(value: Any, parameter: str) -> float:
    if (
        isinstance(value, bool)
        or not isinstance(value, numbers.Real)
        or not math.isfinite(value)
        or value < 0
    ):
        raise SandboxInputError(parameter, f"must be a number of minutes, 0 or more, got {value!r}.")
    return float(value)


def _normalise_decisions(decisions: Any, queue_ids: np.ndarray) -> pd.DataFrame:
    if isinstance(decisions, Mapping):
        decisions = pd.DataFrame({"comment_id": list(decisions), "action": list(decisions.values())})
    elif isinstance(decisions, list | tuple):
        if not all(isinstance(d, Mapping) for d in decisions):
            raise SandboxInputError(
                "decisions", "a list of decisions must hold dicts like {'comment_id': 3, 'action': 'delete'}."
            )
        decisions = pd.DataFrame(list(decisions), columns=None if decisions else ["comment_id", "action"])
    if not isinstance(decisions, pd.DataFrame):
        raise SandboxInputError(
            "decisions",
            f"must be a DataFrame with comment_id and action columns (see community.decide), "
            f"got {type(decisions).__name__}.",
        )
    for col in ("comment_id", "action"):
        if col not in decisions.columns:
            raise SandboxInputError(
                "decisions", f"has no {col!r} column; columns: {', '.join(DECISION_COLUMNS)}."
            )
    d = decisions.reset_index(drop=True)
    ids = d["comment_id"]
    if len(d) and not pd.api.types.is_integer_dtype(ids):
        if not all(isinstance(v, numbers.Integral) and not isinstance(v, bool) for v in ids):
            raise SandboxInputError("decisions", "comment_id must hold whole numbers (ids from the queue).")
    ids = ids.to_numpy(dtype=np.int64)
    unknown = sorted(set(ids.tolist()) - set(queue_ids.tolist()))
    if unknown:
        raise SandboxInputError("decisions", f"comment ids not in the queue: {unknown[:5]}.")
    dup = pd.Series(ids)[pd.Series(ids).duplicated()]
    if len(dup):
        raise SandboxInputError(
            "decisions", f"comment {int(dup.iloc[0])} is decided twice; one decision each."
        )
    actions = d["action"].to_numpy(dtype=object)
    for a in set(actions.tolist()):
        check_choice("action", a, ACTIONS)
    answered = np.isin(actions, ("reply", "escalate"))
    if answered.any() and "delay_minutes" not in d.columns:
        raise SandboxInputError(
            "delay_minutes", "replies and escalations need a delay_minutes column (minutes)."
        )
    delay = np.full(len(d), np.nan)
    if "delay_minutes" in d.columns:
        raw = pd.to_numeric(d["delay_minutes"], errors="coerce").to_numpy(dtype=float)
        bad = answered & (~np.isfinite(raw) | (raw < 0))
        if bad.any():
            i = int(np.flatnonzero(bad)[0])
            raise SandboxInputError(
                "delay_minutes",
                f"comment {int(ids[i])} is answered ({actions[i]}) but its delay is "
                f"{d['delay_minutes'].iloc[i]!r}; give the minutes to the reply (0 or more).",
            )
        delay = np.where(answered, raw, np.nan)
    service = np.full(len(d), "", dtype=object)
    if "service" in d.columns:
        service = d["service"].astype(object).where(d["service"].notna(), "").to_numpy(dtype=object)
    esc = actions == "escalate"
    service = np.where(esc & (service == ""), "customer_care", service)
    for s in set(service[esc].tolist()):
        check_choice("service", s, SERVICES)
    return pd.DataFrame(
        {"action": actions, "delay_minutes": delay, "service": np.where(esc, service, "")},
        index=pd.Index(ids, name="comment_id"),
    )


# --- the outcome model ---------------------------------------------------------------------------


def question_conversion(delay_minutes: float | np.ndarray) -> float | np.ndarray:
    """Return the chance that a real person's question ends in a purchase, by reply delay.

    Args:
        delay_minutes: Minutes to the reply; NaN for never answered.

    Returns:
        The chance (same shape as the input).
    """
    q = P.QUESTION_CONVERSION
    d = np.asarray(delay_minutes, dtype=float)
    p = q["floor"] + (q["max"] - q["floor"]) * 0.5 ** (np.maximum(d, 0) / q["half_life_minutes"])
    out = np.where(np.isnan(d), q["unanswered"], p)
    return float(out) if out.ndim == 0 else out


def complaint_recovery(delay_minutes: float | np.ndarray, fix: str = "right_service") -> float | np.ndarray:
    """Return the chance that a real customer's complaint is worked out, by reply delay.

    Args:
        delay_minutes: Minutes to the reply; NaN for never answered (chance 0).
        fix: ``"right_service"`` (escalated where it can be fixed), ``"wrong_service"`` or
            ``"reply_only"`` (an apology without a fix).

    Returns:
        The chance (same shape as the input).
    """
    c = P.COMPLAINT_RECOVERY
    check_choice("fix", fix, ("right_service", "wrong_service", "reply_only"))
    factor = {"right_service": 1.0, "wrong_service": c["wrong_service"], "reply_only": c["reply_only"]}[fix]
    d = np.asarray(delay_minutes, dtype=float)
    p = (c["floor"] + (c["max"] - c["floor"]) * 0.5 ** (np.maximum(d, 0) / c["half_life_minutes"])) * factor
    out = np.where(np.isnan(d), 0.0, p)
    return float(out) if out.ndim == 0 else out


def complaint_negativity(delay_minutes: float | np.ndarray) -> float | np.ndarray:
    """Return the chance that a complaint not worked out turns into public negativity.

    Args:
        delay_minutes: Minutes to the reply; NaN for never answered.

    Returns:
        The chance (same shape as the input).
    """
    n = P.COMPLAINT_NEGATIVITY
    d = np.asarray(delay_minutes, dtype=float)
    p = n["ignored"] * (1 - 0.5 ** (np.maximum(d, 0) / n["half_life_minutes"]))
    out = np.where(np.isnan(d), n["ignored"], p)
    return float(out) if out.ndim == 0 else out


def _queue_seed(queue: pd.DataFrame, seed: int | None) -> tuple[int, str]:
    namespace = str(queue.attrs.get("namespace", "queue"))
    if seed is None:
        seed = queue.attrs.get("seed")
    if seed is None:
        raise SandboxInputError(
            "seed", "this queue does not say which world it comes from; pass seed=world.seed."
        )
    if isinstance(seed, bool) or not isinstance(seed, numbers.Integral) or seed < 0:
        raise SandboxInputError("seed", f"must be a whole number of 0 or more (world.seed), got {seed!r}.")
    return int(seed), namespace


def _outcomes(
    label: np.ndarray,
    real: np.ndarray,
    action: np.ndarray,
    delay: np.ndarray,
    right: np.ndarray,
    readers: np.ndarray,
    u: np.ndarray,
) -> dict[str, np.ndarray]:
    """Apply the outcome model to arrays of comments (drawn and expected values)."""
    s = P.COMMENT_SENTIMENT
    removed = np.isin(action, ("delete", "hide"))
    answered = np.isin(action, ("reply", "escalate"))
    visible = ~removed
    is_q, is_c, is_p = label == "question", label == "complaint", label == "praise"
    is_s, is_t = label == "spam", label == "toxic"
    legit = is_q | is_c | is_p

    # questions: answered fast converts
    p_conv = np.where(is_q & real & visible, question_conversion(np.where(answered, delay, np.nan)), 0.0)
    converted = u[:, 0] < p_conv

    # complaints: worked out, or not
    fix = np.where(action == "escalate", np.where(right, 1.0, P.COMPLAINT_RECOVERY["wrong_service"]), 1.0)
    fix = np.where(action == "reply", P.COMPLAINT_RECOVERY["reply_only"], fix)
    p_rec = np.where(is_c & real & answered, complaint_recovery(np.where(answered, delay, 0.0)) * fix, 0.0)
    recovered = u[:, 1] < p_rec
    became_praise = recovered & (u[:, 2] < P.RECOVERED_PRAISE)

    # public negativity: unresolved complaints, and removed comments of real people
    neg_if_unresolved = np.where(
        is_c & real & visible, complaint_negativity(np.where(answered, delay, np.nan)), 0.0
    )
    backlash = np.zeros(len(label))
    for lab, by_action in P.REMOVAL_BACKLASH.items():
        for act, p in by_action.items():
            backlash = np.where((label == lab) & real & (action == act), p, backlash)
    negativity = (~recovered & (u[:, 3] < neg_if_unresolved)) | (u[:, 3] < backlash)
    p_neg = (1 - p_rec) * neg_if_unresolved + backlash

    # the author leaves: removed, or complaint not worked out
    a = P.AUTHOR_UNFOLLOW
    p_removed = np.where(legit & real & (action == "delete"), a["delete"], 0.0)
    p_removed = np.where(legit & real & (action == "hide"), a["hide"], p_removed)
    p_unres = np.where(is_c & real & visible, a["unresolved_complaint"], 0.0)
    author_left = (u[:, 4] < p_removed) | (~recovered & (u[:, 4] < p_unres))
    p_author = p_removed + (1 - p_rec) * p_unres

    # readers leave because of what they see
    rate = P.VISIBLE_COMMENT_UNFOLLOW
    base = readers * (
        np.where(is_s & visible, rate["spam"], 0.0) + np.where(is_t & visible, rate["toxic"], 0.0)
    )
    lam = base + readers * rate["negativity"] * negativity
    reader_left = _poisson(lam, u[:, 5])
    expected_readers = base + readers * rate["negativity"] * p_neg

    # what readers make of what is left
    sent_q = np.where(answered, s["question_answered"], s["question_unanswered"])
    sent_c_unres = np.where(answered, s["complaint_answered"], s["complaint_unanswered"])
    sent_p = np.where(answered, s["praise_thanked"], s["praise"])
    rec_value = s["complaint_recovered"] + s["recovered_praise"] * became_praise
    visible_value = (
        is_p * sent_p
        + is_q * sent_q
        + is_c * np.where(recovered, rec_value, sent_c_unres)
        + is_s * s["spam"]
        + is_t * s["toxic"]
    )
    sentiment = np.where(visible, visible_value, 0.0) + s["public_negativity"] * negativity
    exp_c = (
        p_rec * (s["complaint_recovered"] + s["recovered_praise"] * P.RECOVERED_PRAISE)
        + (1 - p_rec) * sent_c_unres
    )
    exp_visible = is_p * sent_p + is_q * sent_q + is_c * exp_c + is_s * s["spam"] + is_t * s["toxic"]
    exp_sentiment = np.where(visible, exp_visible, 0.0) + s["public_negativity"] * p_neg

    return {
        "visible": visible,
        "converted": converted,
        "recovered": recovered,
        "became_praise": became_praise,
        "public_negativity": negativity,
        "author_unfollowed": author_left,
        "reader_unfollows": reader_left,
        "unfollows": reader_left + author_left.astype(np.int64),
        "sentiment": sentiment,
        "p_converted": p_conv,
        "p_recovered": p_rec,
        "p_negativity": p_neg,
        "expected_unfollows": expected_readers + p_author,
        "expected_sentiment": exp_sentiment,
    }


def evaluate(queue: pd.DataFrame, decisions: Any, *, seed: int | None = None) -> pd.DataFrame:
    """Play out your decisions on the queue: who converts, recovers, leaves, what readers see.

    Args:
        queue: A moderation queue (``comment_id``, ``label``; ``author_role``,
            ``followers_reached`` and ``service`` are used when present).
        decisions: A decisions table (``DECISION_COLUMNS``, e.g. from ``decide``), a list of
            dicts with those keys, or a dict ``{comment_id: action}`` (no replies then).
            Comments without a decision are ignored.
        seed: The world's seed; None: the one ``moderation_queue`` stored in ``queue.attrs``.

    Returns:
        One row per comment of the queue, columns ``OUTCOME_COLUMNS``.

    Raises:
        SandboxInputError: For unknown comment ids, actions or services, a decision given
            twice, or a reply without a delay.
    """
    _check_queue(queue, ("comment_id", "label"))
    seed, namespace = _queue_seed(queue, seed)
    ids = queue["comment_id"].to_numpy(dtype=np.int64)
    if len(set(ids.tolist())) != len(ids):
        raise SandboxInputError("queue", "has a comment id twice; use community.moderation_queue(...).")
    dec = _normalise_decisions(decisions, ids).reindex(ids)
    action = dec["action"].fillna("ignore").to_numpy(dtype=object)
    delay = dec["delay_minutes"].to_numpy(dtype=float)
    service = dec["service"].fillna("").to_numpy(dtype=object)

    label = queue["label"].astype(str).to_numpy(dtype=object)
    bad = sorted(set(label.tolist()) - set(COMMENT_LABELS))
    if bad:
        raise SandboxInputError("queue", f"unknown label(s) {bad[:3]} in the label column.")
    role = (
        queue["author_role"].astype(str).to_numpy(dtype=object)
        if "author_role" in queue.columns
        else np.full(len(ids), "regular", dtype=object)
    )
    real = ~np.isin(role, NOT_PEOPLE)
    reached = (
        queue["followers_reached"].to_numpy(dtype=float)
        if "followers_reached" in queue.columns
        else np.zeros(len(ids))
    )
    readers = np.maximum(reached, 0.0) * P.COMMENT_READERS_SHARE
    if "service" in queue.columns:
        true_service = (
            queue["service"].astype(object).where(queue["service"].notna(), "").to_numpy(dtype=object)
        )
    elif "text" in queue.columns:
        true_service = np.array([complaint_service(t) for t in queue["text"]], dtype=object)
    else:
        true_service = np.full(len(ids), "customer_care", dtype=object)
    right = (action == "escalate") & (service == true_service)

    u = uniforms(seed, f"community-{namespace}", ids, 6)
    mine = _outcomes(label, real, action, delay, right, readers, u)
    none = np.full(len(ids), "ignore", dtype=object)
    nothing = _outcomes(label, real, none, np.full(len(ids), np.nan), np.zeros(len(ids), bool), readers, u)
    work = np.array([P.WORK_MINUTES[a] for a in action], dtype=float)

    out = pd.DataFrame(
        {
            "comment_id": ids,
            "label": pd.array(label, dtype="str"),
            "author_role": pd.array(role, dtype="str"),
            "action": pd.array(action, dtype="str"),
            "delay_minutes": delay,
            "service": pd.array(service, dtype="str"),
            "right_service": right,
        }
    )
    for k in (
        "visible",
        "converted",
        "recovered",
        "became_praise",
        "public_negativity",
        "author_unfollowed",
        "reader_unfollows",
        "unfollows",
        "sentiment",
    ):
        out[k] = mine[k]
    out["work_minutes"] = work
    for k in ("p_converted", "p_recovered", "p_negativity", "expected_unfollows", "expected_sentiment"):
        out[k] = mine[k]
    out["unfollows_if_ignored"] = nothing["unfollows"]
    out["sentiment_if_ignored"] = nothing["sentiment"]
    out["expected_unfollows_if_ignored"] = nothing["expected_unfollows"]
    out["expected_sentiment_if_ignored"] = nothing["expected_sentiment"]
    return out


def outcome_summary(outcomes: pd.DataFrame, expected: bool = False) -> pd.Series:
    """Sum up what your decisions did, against ignoring everything.

    Args:
        outcomes: The table ``evaluate`` returns.
        expected: Count expected values (chances) instead of what the luck drew: smoother,
            for comparing settings.

    Returns:
        A Series: comments; spam and toxic removed or left visible; real people's comments
        removed; questions, answered, converted; complaints, worked out (escalated to the right
        service), customers recovered, turned into praise; public negativity; unfollows, the
        same if you had ignored everything, and unfollows avoided; sentiment per comment, the
        same if ignored, trust change and the engagement change on the next posts; median
        response minutes, share of replies within the benchmark's 10 minutes; hours of work.
    """
    _check_queue(outcomes, OUTCOME_COLUMNS, "outcomes")
    o = outcomes
    label, action = o["label"], o["action"]
    real = ~o["author_role"].isin(NOT_PEOPLE)
    answered = action.isin(("reply", "escalate"))
    bad = label.isin(("spam", "toxic"))
    n = max(len(o), 1)
    if expected:
        converted, recovered = o["p_converted"].sum(), o["p_recovered"].sum()
        praise = recovered * P.RECOVERED_PRAISE
        negativity, unfollows = o["p_negativity"].sum(), o["expected_unfollows"].sum()
        unfollows_ignored = o["expected_unfollows_if_ignored"].sum()
        sentiment, sentiment_ignored = (
            o["expected_sentiment"].sum() / n,
            o["expected_sentiment_if_ignored"].sum() / n,
        )
    else:
        converted, recovered = int(o["converted"].sum()), int(o["recovered"].sum())
        praise = int(o["became_praise"].sum())
        negativity, unfollows = int(o["public_negativity"].sum()), int(o["unfollows"].sum())
        unfollows_ignored = int(o["unfollows_if_ignored"].sum())
        sentiment, sentiment_ignored = o["sentiment"].sum() / n, o["sentiment_if_ignored"].sum() / n
    delays = o.loc[answered, "delay_minutes"]
    trust = float(sentiment - sentiment_ignored)
    return pd.Series(
        {
            "comments": len(o),
            "spam_toxic_removed": int((bad & ~o["visible"]).sum()),
            "spam_toxic_left_visible": int((bad & o["visible"]).sum()),
            "real_comments_removed": int((~bad & real & ~o["visible"]).sum()),
            "questions": int((label == "question").sum()),
            "questions_answered": int(((label == "question") & answered).sum()),
            "questions_converted": converted,
            "complaints": int((label == "complaint").sum()),
            "complaints_worked_out": int(((label == "complaint") & o["right_service"]).sum()),
            "customers_recovered": recovered,
            "complaints_turned_praise": praise,
            "public_negativity": negativity,
            "unfollows": unfollows,
            "unfollows_if_ignored": unfollows_ignored,
            "unfollows_avoided": unfollows_ignored - unfollows,
            "sentiment": float(sentiment),
            "sentiment_if_ignored": float(sentiment_ignored),
            "trust_change": trust,
            "engagement_change": P.TRUST_ENGAGEMENT * trust,
            "median_response_minutes": float(delays.median()) if len(delays) else math.nan,
            "answered_within_10_min": float((delays <= P.RESPONSE_BENCHMARK_MINUTES[1]).mean())
            if len(delays)
            else math.nan,
            "work_hours": float(o["work_minutes"].sum() / 60),
        },
        dtype=object,
        name="outcome",
    )


def delay_sweep(
    queue: pd.DataFrame,
    delays: Iterable[float] = (0, 5, 10, 15, 30, 60, 120, 240, 480, 1440),
    predicted: pd.Series | None = None,
    policy: Mapping[str, str] | None = None,
    services: str | pd.Series | None = None,
    seed: int | None = None,
) -> pd.DataFrame:
    """Return the expected outcome of the same triage at different reply delays.

    Args:
        queue: The moderation queue.
        delays: Reply delays to try, in minutes.
        predicted: Labels to act on; None: the true labels (a perfect triage).
        policy: Label -> action; None: ``DEFAULT_POLICY``.
        services: As in ``decide``.
        seed: As in ``evaluate``.

    Returns:
        One row per delay (index ``delay_minutes``): expected questions converted, customers
        recovered, public negativity, unfollows and the engagement change on the next posts.
    """
    labels = queue["label"] if predicted is None else predicted
    base = decide(queue, labels, policy, 0.0, services)
    answered = base["action"].isin(("reply", "escalate"))
    rows = {}
    for d in delays:
        dec = base.assign(delay_minutes=base["delay_minutes"].where(~answered, _check_delay(d, "delays")))
        s = outcome_summary(evaluate(queue, dec, seed=seed), expected=True)
        rows[float(d)] = {
            "questions_converted": float(s["questions_converted"]),
            "customers_recovered": float(s["customers_recovered"]),
            "public_negativity": float(s["public_negativity"]),
            "unfollows": float(s["unfollows"]),
            "engagement_change": float(s["engagement_change"]),
        }
    out = pd.DataFrame.from_dict(rows, orient="index")
    out.index.name = "delay_minutes"
    return out


__all__ = [
    "ACTIONS",
    "BAD_WORDS",
    "COMPLAINT_WORDS",
    "DECISION_COLUMNS",
    "DEFAULT_POLICY",
    "OUTCOME_COLUMNS",
    "QUEUE_COLUMNS",
    "RULES",
    "SERVICES",
    "Rule",
    "apply_rules",
    "complaint_negativity",
    "complaint_recovery",
    "complaint_service",
    "decide",
    "delay_sweep",
    "evaluate",
    "moderation_queue",
    "outcome_summary",
    "precision_recall",
    "question_conversion",
    "rule_matches",
    "season_plan",
    "season_queue",
    "triage_scores",
]
