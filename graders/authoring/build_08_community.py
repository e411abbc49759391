"""Write graders/source/08-community/08-community-exercise.ipynb (the instructor version).

Run from the repository root after changing this file, then rebuild the student copies:

    .venv/bin/python graders/authoring/build_08_community.py
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

OUT = Path(__file__).resolve().parents[1] / "source" / "08-community" / "08-community-exercise.ipynb"

INTRO = """
# Community management exercise: triage, response times, the right action, who first

Your brand ran a busy season: a post a day on every platform, with a contest now and then. The
comments have piled up, and you are the community manager. In this exercise you do four things
the job asks every day: write triage rules and prove they work (precision and recall), measure
how fast the team answers, choose the right action for each kind of comment, and decide who to
answer first when time is short. You work on **your own world**: it is built from your student
id, so your comments and your numbers are yours. The lesson for this module is
`08-community-lesson.ipynb` in this folder; everything used here is shown there.

**How this notebook works**

1. Write the id your instructor gave you in the next cell and run it. Working on your own?
   Any id you like works; leave it empty to use the practice world.
2. Run the cell after it: it builds your world and runs the season (a few seconds).
3. Each part says what to write and how many points it is worth. Replace
   `raise NotImplementedError()` with your code; keep the function's name and arguments.
4. Run the test cell under each part. A quiet test cell means your answer passed the visible
   checks; an error tells you what was expected and gives a hint. When your instructor grades
   the notebook, hidden tests also check your answers against your world and other inputs
   (another season of comments, other teams, other budgets), so write code that works for any
   input, not just for yours.
5. Save the notebook (Ctrl+S) and run the last cell to check your work.
"""

SETUP = """
import numpy as np  # noqa: F401 - for your answers
import pandas as pd

import sandbox  # noqa: F401 - for your answers
from sandbox import community, community_replies
from sandbox.exercises import student_world

world = student_world(STUDENT_ID)
# A busy season: a post a day on each of your platforms for 8 weeks (community.season_plan), run
# in your world; its comments form your moderation queue.
queue = community.season_queue(world, weeks=8)

# The columns only the sandbox knows. Your triage rules must work without them.
TRUTH = ["label", "needs_reply", "service"]

print(f"Your brand: {world.you} ({world.niche.replace('_', ' ')}): {len(queue)} comments in 8 weeks.")
queue[["time", "platform", "author_role", "text", "label"]].head()
"""

P1 = """
## Part 1 · Triage rules that work (4 points)

A community manager cannot read every comment slowly; rules do the first pass. In real life
nobody gives you the `label` column — here it lets you measure your rules (lesson, section 3):

- **precision** — of the comments your rules call spam, the share that really is spam (low
  precision: you delete real customers' comments);
- **recall** — of all the spam, the share your rules catch (low recall: spam stays up).

Write `triage(comments)`. It receives a table like `queue` **without** the truth columns
(`label`, `needs_reply`, `service`) and returns a pandas Series with one label per comment
(`"praise"`, `"question"`, `"complaint"`, `"spam"` or `"toxic"`), with the same index as
`comments`. Your rules may read any other column (`text`, `author_role`, ...). The targets, on
your queue:

| kind | precision at least | recall at least |
| --- | --- | --- |
| spam | 95 % | 90 % |
| toxic | 80 % | 80 % |
| question | – | 90 % |
| complaint | – | 80 % |

The built-in rules (`community.apply_rules(comments)`) usually miss some of these targets: measure
them with `community.triage_scores(queue["label"], labels)`, read the comments they get wrong,
and fix the rules. `community.apply_rules` takes the rules to use, in order, and your own
`bad_words` and `complaint_words` lists; or write your own pandas rules with
`comments["text"].str.contains(...)`. The grader also runs your function on another season
of your brand's comments and on two obvious comments (a bot's comment with a web link is spam;
"What time do you open tomorrow?" is a question), so write rules, not a list of comment ids.
"""

S1 = '''
def triage(comments):
    """Return a label per comment ("praise", "question", "complaint", "spam" or "toxic").

    Args:
        comments: A table like `queue` without the columns in TRUTH.

    Returns:
        A pandas Series with the same index as `comments`.
    """
    ### BEGIN SOLUTION
    bad_words = list(community.BAD_WORDS) + ["shut up", "pathetic", "losers"]
    complaint_words = list(community.COMPLAINT_WORDS) + ["hasn't replied"]
    rules = ["link", "shouting", "bad_words", "question_mark", "complaint_words"]
    return community.apply_rules(comments, rules, bad_words=bad_words, complaint_words=complaint_words)
    ### END SOLUTION


my_labels = triage(queue.drop(columns=TRUTH))
community.triage_scores(queue["label"], my_labels).round(2)
'''

T1 = '''
"""Checks that triage labels every comment without the truth, and meets the targets on your queue."""
from sandbox.grading.feedback import check_equal, check_true, check_type, fail
from sandbox.taxonomy import COMMENT_LABELS

_TARGETS = {"spam": (0.95, 0.90), "toxic": (0.80, 0.80), "question": (None, 0.90), "complaint": (None, 0.80)}


def _check_labels(labels, comments, where):
    check_type(labels, pd.Series, what=f"triage(...) on {where}",
               hint="Return a pandas Series (community.apply_rules returns one).")
    check_equal(len(labels), len(comments), what=f"the number of labels triage gives for {where}",
                hint="One label per row of the table you are given.")
    check_true(labels.index.equals(comments.index), what=f"the index of triage's Series for {where}",
               problem="does not match the rows of the table it was given.",
               hint="Build the Series with index=comments.index (community.apply_rules does this).")
    unknown = sorted({str(v) for v in labels} - set(COMMENT_LABELS))
    check_true(not unknown, what=f"the labels triage gives for {where}",
               problem=f"include {unknown[:3]}, which are not kinds of comment.",
               hint=f"Use only {', '.join(COMMENT_LABELS)}.")


def _check_targets(truth, labels, where):
    scores = community.triage_scores(truth, labels)
    for kind, (p_min, r_min) in _TARGETS.items():
        row = scores.loc[kind]
        if row["actual"] == 0:
            continue
        recall = row["recall"]
        precision = 0.0 if row["flagged"] == 0 else row["precision"]
        if recall < r_min:
            fail(f"{kind} recall on {where}",
                 f"{recall:.0%}, but at least {r_min:.0%} is needed: your rules catch "
                 f"{int(row['caught'])} of the {int(row['actual'])} {kind} comments.",
                 f"Look at the ones you miss, e.g. queue.loc[(queue['label'] == '{kind}') & (my_labels != "
                 f"'{kind}'), 'text'], and add a rule or words that catch them.")
        if p_min is not None and precision < p_min:
            fail(f"{kind} precision on {where}",
                 f"{precision:.0%}, but at least {p_min:.0%} is needed: {int(row['wrongly_flagged'])} of the "
                 f"{int(row['flagged'])} comments you call {kind} are not.",
                 f"Look at them, e.g. queue.loc[(my_labels == '{kind}') & (queue['label'] != '{kind}'), "
                 f"['author_role', 'text']]: which rule flags them? Rules about the account (bot, troll) "
                 f"also hit harmless comments; rules about the text are often more precise.")


_seen = queue.drop(columns=TRUTH)
_mine = triage(_seen)
_check_labels(_mine, _seen, "your queue")
_check_targets(queue["label"], _mine, "your queue")
### BEGIN HIDDEN TESTS
from sandbox.exercises import reference_world

_w = reference_world(STUDENT_ID)
_q = community.season_queue(_w, weeks=8)
_labels = triage(_q.drop(columns=TRUTH))
_check_labels(_labels, _q.drop(columns=TRUTH), "your queue (graded copy)")
_check_targets(_q["label"], _labels, "your queue (graded copy)")
_other = community.season_queue(_w, weeks=6, posts_per_week=5, contest_share=0.3)
_labels = triage(_other.drop(columns=TRUTH))
_check_labels(_labels, _other.drop(columns=TRUTH), "another season of your brand's comments")
_check_targets(_other["label"], _labels, "another season of your brand's comments")
_none = triage(_q.drop(columns=TRUTH).iloc[:0])
check_equal(len(_none), 0, what="triage on an empty table",
            hint="With no comments, return an empty Series (apply_rules does).")
_two = _q.drop(columns=TRUTH).iloc[:2].copy()
_two["text"] = ["Claim your free gift card now bit.ly/gift99", "What time do you open tomorrow?"]
_two["author_role"] = ["bot", "regular"]
check_equal(list(triage(_two)), ["spam", "question"],
            what="triage on a bot's comment with a link and on a plain question",
            hint="A web link (like bit.ly/...) marks spam; a question mark marks a question.")
### END HIDDEN TESTS
'''

P2 = """
## Part 2 · How fast do you answer? (3 points)

The benchmark: a bank's SMM team answers within 5–10 minutes. Your team works a daily shift
(every day, 9:00–21:00). Here is its replies log for the season's questions and complaints:
when each comment was written (`commented_at`) and when the team answered (`replied_at`,
empty — `NaT` — if it never did).

Write `response_report(replies)`. It returns a dict with three entries:

- `"median_minutes"`: the median number of minutes from comment to reply, over the **answered**
  comments (`None` if none was answered);
- `"within_10_min"`: the share (0 to 1) of **all** comments in the log answered within 10
  minutes (10 included); a comment never answered counts as not in time (`None` for an empty log);
- `"slowest_platform"`: the platform whose answered comments have the highest median minutes
  (a tie goes to the platform name first in alphabetical order; `None` if none was answered).

Subtracting two timestamp columns gives durations; `.dt.total_seconds() / 60` turns them into
minutes (lesson, section 5). Mind the denominators: the median is over answered comments, the
share over all of them.
"""

S2 = '''
replies = community_replies.team_response(queue, "daily_shift").drop(columns="response_minutes")


def response_report(replies):
    """Return the median minutes to a reply, the share answered within 10 minutes, the slowest platform.

    Args:
        replies: A replies log (comment_id, platform, commented_at, replied_at).

    Returns:
        A dict with keys "median_minutes", "within_10_min" and "slowest_platform".
    """
    ### BEGIN SOLUTION
    minutes = (replies["replied_at"] - replies["commented_at"]).dt.total_seconds() / 60
    answered = minutes.dropna()
    if len(answered) == 0:
        median, slowest = None, None
    else:
        median = float(answered.median())
        by_platform = answered.groupby(replies.loc[answered.index, "platform"]).median()
        slowest = str(by_platform[by_platform == by_platform.max()].sort_index().index[0])
    within = float((minutes <= 10).sum() / len(replies)) if len(replies) else None
    return {"median_minutes": median, "within_10_min": within, "slowest_platform": slowest}
    ### END SOLUTION


report = response_report(replies)
report
'''

T2 = '''
"""Checks that response_report gives a median in minutes, a share from 0 to 1 and a platform of the log."""
from sandbox.grading.feedback import check_between, check_equal, check_in, check_number, check_type

_r = response_report(replies)
check_type(_r, dict, what="response_report(replies)", hint='Return a dict like {"median_minutes": ..., ...}.')
check_equal(sorted(_r), ["median_minutes", "slowest_platform", "within_10_min"],
            what="the keys of your report",
            hint='Use exactly the keys "median_minutes", "within_10_min" and "slowest_platform".')
check_number(_r["median_minutes"], what='report["median_minutes"]',
             hint="A number of minutes, e.g. float(minutes.median()).")
check_between(_r["median_minutes"], 0, 60 * 24 * 7, what='report["median_minutes"]',
              hint="Minutes, not seconds or hours: .dt.total_seconds() / 60.")
check_between(_r["within_10_min"], 0, 1, what='report["within_10_min"]',
              hint="A share between 0 and 1 (0.25 means 25 %), not a count or a percentage.")
check_in(_r["slowest_platform"], sorted(replies["platform"].unique()), what='report["slowest_platform"]',
         hint="The name of one platform of the log, e.g. 'loop'.")
### BEGIN HIDDEN TESTS
from sandbox.exercises import reference_world
from sandbox.grading.feedback import check_close


def _expected(log):
    m = (log["replied_at"] - log["commented_at"]).dt.total_seconds() / 60
    done = m.dropna()
    if len(done) == 0:
        return None, (0.0 if len(log) else None), None
    by = done.groupby(log.loc[done.index, "platform"]).median()
    return float(done.median()), float((m <= 10).sum() / len(log)), sorted(by[by == by.max()].index)[0]


_w = reference_world(STUDENT_ID)
_q = community.season_queue(_w, weeks=8)
for _team in ("daily_shift", "office_hours", "bank_style"):
    _log = community_replies.team_response(_q, _team).drop(columns="response_minutes")
    _med, _within, _slow = _expected(_log)
    _got = response_report(_log)
    check_close(_got["median_minutes"], _med, rel=1e-6,
                what=f'report["median_minutes"] for the {_team} team',
                hint="Take the median over answered comments only (drop the NaN of never-answered ones).")
    check_close(_got["within_10_min"], _within, rel=1e-6,
                what=f'report["within_10_min"] for the {_team} team',
                hint="Divide by all comments in the log, answered or not; exactly 10 minutes is in time.")
    check_equal(_got["slowest_platform"], _slow, what=f'report["slowest_platform"] for the {_team} team',
                hint="Group the answered comments' minutes by platform, take each median, pick the largest.")
_tiny = pd.DataFrame({
    "comment_id": [1, 2, 3, 4, 5],
    "platform": ["pixa", "pixa", "loop", "loop", "chirp"],
    "commented_at": pd.to_datetime(["2026-03-02 10:00"] * 5),
    "replied_at": pd.to_datetime(["2026-03-02 10:05", "2026-03-02 10:10", "2026-03-02 10:30",
                                  "2026-03-02 10:10", None]),
})
check_equal(response_report(_tiny),
            {"median_minutes": 10.0, "within_10_min": 0.6, "slowest_platform": "loop"},
            what="response_report on a 5-comment log (replies after 5, 10, 30 and 10 minutes, one never)",
            hint="Median of 5, 10, 30, 10 is 10; 3 of 5 comments answered within 10 minutes; loop's median "
                 "(20) is the highest.")
_never = _tiny.assign(replied_at=pd.NaT)
check_equal(response_report(_never), {"median_minutes": None, "within_10_min": 0.0, "slowest_platform": None},
            what="response_report on a log where nothing was answered",
            hint="Nothing answered: median and slowest platform are None, the share in time is 0.")
check_equal(response_report(_tiny.iloc[:0]),
            {"median_minutes": None, "within_10_min": None, "slowest_platform": None},
            what="response_report on an empty log", hint="With no comments at all, every entry is None.")
_tie = _tiny.iloc[:4].assign(platform=["pixa", "pixa", "loop", "loop"],
                             replied_at=pd.to_datetime(["2026-03-02 10:05", "2026-03-02 10:30",
                                                        "2026-03-02 10:30", "2026-03-02 10:05"]))
check_equal(response_report(_tie)["slowest_platform"], "loop",
            what="the slowest platform when loop and pixa have the same median",
            hint="On a tie, return the platform name that comes first alphabetically.")
### END HIDDEN TESTS
'''

P3 = """
## Part 3 · The right action (3 points)

Triage says what a comment is; now decide what to do with it (lesson, sections 4 and 6). The
team's rules:

- **spam** is removed: `"delete"` (or `"hide"`);
- **toxic** comments are removed: `"hide"` (or `"delete"`) — never answer a troll;
- a **question** gets a `"reply"`;
- a **complaint** is worked out: `"escalate"` — a public reply *and* the customer handed to the
  service that can fix it: `"payments"` (money taken twice or wrongly), `"delivery"` (an order
  that did not arrive, arrived damaged or wrong — even when the customer asks for a refund —
  and returns), `"venue"` (staff, waiting, bookings at the place) or `"customer_care"` (the
  product is not as shown, support does not answer);
- **praise** is never removed: `"reply"` (thank them) or `"ignore"`.

A complaint can mention more than one problem: check the services in the order payments →
delivery → venue → customer_care, and the first that fits wins. An order that never arrived is
`"delivery"` even if nobody answered the customer's messages.

Write `choose_action(label, text)`. It returns a pair `(action, service)`: `service` is one of
the four services when the action is `"escalate"`, and `None` otherwise. Read the service from
the complaint's words (`text.lower()` and `in` are enough). The grader tries every comment of
your queue, with its true label, and complaints of every service (your niche may not have
delivery complaints, other niches do).
"""

S3 = '''
def choose_action(label, text):
    """Return (action, service) for a comment of kind `label` with this `text`.

    Args:
        label: "praise", "question", "complaint", "spam" or "toxic".
        text: The comment's text.

    Returns:
        A pair (action, service); service is None unless the action is "escalate".
    """
    ### BEGIN SOLUTION
    if label == "spam":
        return "delete", None
    if label == "toxic":
        return "hide", None
    if label == "question":
        return "reply", None
    if label == "praise":
        return "ignore", None
    low = text.lower()
    if "charged" in low:
        return "escalate", "payments"
    if any(w in low for w in ("still nothing", "damaged", "delivered", "return")):
        return "escalate", "delivery"
    if any(w in low for w in ("staff", "waited", "nobody was there", "booked")):
        return "escalate", "venue"
    return "escalate", "customer_care"
    ### END SOLUTION


examples = queue.groupby("label").head(1)[["label", "text"]]
examples.assign(
    decision=[choose_action(lab, txt) for lab, txt in zip(examples["label"], examples["text"], strict=True)]
)
'''

T3 = '''
"""Checks that choose_action returns an allowed action and a service only for escalations."""
from sandbox.grading.feedback import check_equal, check_in, check_true, check_type

for _lab, _txt in zip(examples["label"], examples["text"], strict=True):
    _d = choose_action(_lab, _txt)
    check_type(_d, tuple, what=f"choose_action({_lab!r}, ...)", hint='Return a pair: ("reply", None).')
    check_equal(len(_d), 2, what=f"the length of choose_action({_lab!r}, ...)",
                hint="Two items: the action and the service (or None).")
    check_in(_d[0], community.ACTIONS, what=f"the action for a {_lab} comment",
             hint="One of delete, hide, reply, escalate, ignore.")
    if _d[0] == "escalate":
        check_in(_d[1], community.SERVICES, what=f"the service for an escalated {_lab} comment",
                 hint="One of payments, delivery, venue, customer_care.")
    else:
        check_true(_d[1] is None, what=f"the service for a {_lab} comment answered with {_d[0]!r}",
                   problem=f"is {_d[1]!r}; only escalations name a service.", hint="Return (action, None).")
### BEGIN HIDDEN TESTS
from sandbox.exercises import reference_world

_ALLOWED = {"spam": {"delete", "hide"}, "toxic": {"delete", "hide"}, "question": {"reply"},
            "complaint": {"escalate"}, "praise": {"reply", "ignore"}}
_WHY = {"spam": "Spam is removed (delete or hide).",
        "toxic": "Toxic comments are hidden (or deleted), never answered.",
        "question": "Questions get a reply.",
        "complaint": "Complaints are escalated to the service that can fix them.",
        "praise": "Praise is never removed: reply or ignore."}
_w = reference_world(STUDENT_ID)
_q = community.season_queue(_w, weeks=8)
_rows = []
for _cid, _lab, _txt, _svc in zip(_q["comment_id"], _q["label"], _q["text"], _q["service"], strict=True):
    _act, _s = choose_action(_lab, _txt)
    check_in(_act, sorted(_ALLOWED[_lab]), what=f"the action for the {_lab} comment {_txt!r}",
             hint=_WHY[_lab])
    if _lab == "complaint":
        check_equal(_s, _svc, what=f"the service for the complaint {_txt!r}",
                    hint="Read the service from the words: charged twice -> payments; not delivered, "
                         "damaged, wrong item, returns -> delivery; staff, waiting, bookings -> venue; "
                         "otherwise customer_care.")
    _rows.append({"comment_id": _cid, "action": _act, "delay_minutes": 10.0, "service": _s or ""})
_summary = community.outcome_summary(community.evaluate(_q, pd.DataFrame(_rows)))
check_equal(int(_summary["real_comments_removed"]), 0,
            what="real people's comments you removed in your queue",
            hint="Only spam and toxic comments are removed.")
check_equal(int(_summary["complaints_worked_out"]), int(_summary["complaints"]),
            what="complaints escalated to the right service in your queue",
            hint="Every complaint is escalated, each to the service its words point to.")
for _txt, _svc in [
    ("Charged twice for one backpack, please fix this", "payments"),
    ("Ordered a tote bag last week and still nothing. Nobody answers my messages", "delivery"),
    ("The leather wallet arrived damaged, I want a refund", "delivery"),
    ("Wrong colour delivered and the return form doesn't work", "delivery"),
    ("The latte was not worth the price and the staff ignored us", "venue"),
    ("Waited 40 minutes, never coming back", "venue"),
    ("Booked a yoga class and nobody was there when I came", "venue"),
    ("Not what the photos show, really disappointed", "customer_care"),
    ("Your support hasn't replied in three days", "customer_care"),
]:
    check_equal(choose_action("complaint", _txt), ("escalate", _svc),
                what=f"choose_action('complaint', {_txt!r})",
                hint=f"This complaint is for {_svc}: look for its words in the text (lower case).")
### END HIDDEN TESTS
'''

P4 = """
## Part 4 · Who first, when time is short (3 points)

You come back from a meeting: 10 real people's questions and complaints are waiting (the
`backlog` below: how long each has waited, and the minutes it takes you — 3 to answer a
question, 10 to escalate a complaint). You have **45 minutes**. You handle comments one after
another, so each reply goes out when its work is done: its delay is its wait so far plus the
minutes of everything you handled before it, plus its own.

A question answered after `d` minutes becomes a purchase with chance
`community.question_conversion(d)`; a complaint escalated to the right service after `d`
minutes keeps the customer with chance `community.complaint_recovery(d)`. Questions are quick
but go cold fast; complaints take longer and are worth more. A comment you do not get to
within the time wins nothing.

Write `plan_replies(backlog, budget_minutes)`: it returns the list of comment ids you handle,
first to last, whose work fits in `budget_minutes`. To pass, your plan must win **more expected
customers than answering the longest-waiting first** (`community_replies.oldest_first`) and at
least **90 % of the best possible plan** (the grader knows it). Check any plan with
`community_replies.plan_value(backlog, ids)`.

Hint: for each comment, work out what answering it *now* is expected to win, divide by its
minutes of work, and take the best value per minute first; then try changing the order and
compare with `plan_value`.
"""

S4 = '''
backlog = community_replies.practice_backlog(queue, n=10).drop(columns="service")
BUDGET = 45


def plan_replies(backlog, budget_minutes):
    """Return the comment ids to handle within `budget_minutes`, first to last.

    Args:
        backlog: Questions and complaints waiting (comment_id, label, text, waited_minutes, work_minutes).
        budget_minutes: Minutes you have.

    Returns:
        A list of comment ids.
    """
    ### BEGIN SOLUTION
    chosen, used = [], 0.0

    def value_now(row, clock):
        delay = row["waited_minutes"] + clock + row["work_minutes"]
        if row["label"] == "question":
            return community.question_conversion(delay)
        return community.complaint_recovery(delay)

    # pick by value per minute of work, then answer the chosen questions first (they go cold fastest)
    density = backlog.apply(lambda row: value_now(row, 0) / row["work_minutes"], axis=1)
    for i in density.sort_values(ascending=False).index:
        if used + backlog.loc[i, "work_minutes"] <= budget_minutes:
            chosen.append(i)
            used += backlog.loc[i, "work_minutes"]
    picked = backlog.loc[chosen].sort_values(["label", "waited_minutes"], ascending=[False, True])
    return [int(c) for c in picked["comment_id"]]
    ### END SOLUTION


my_order = plan_replies(backlog, BUDGET)
print("my plan:", round(community_replies.plan_value(backlog, my_order), 3), "expected customers")
oldest = community_replies.oldest_first(backlog, BUDGET)
print("oldest first:", round(community_replies.plan_value(backlog, oldest), 3), "expected customers")
backlog
'''

T4 = '''
"""Checks that plan_replies lists backlog comments once each, within the time budget."""
from sandbox.grading.feedback import check_true, check_type


def _check_plan(order, backlog, budget, where):
    check_type(order, list, what=f"plan_replies on {where}",
               hint="Return a list of comment ids: [12, 40, 7].")
    ids = set(backlog["comment_id"].tolist())
    strange = [i for i in order if i not in ids]
    check_true(not strange, what=f"the comment ids planned for {where}",
               problem=f"include {strange[:3]}, which are not in the backlog.",
               hint="Use the comment_id column of the backlog you are given.")
    check_true(len(set(order)) == len(order), what=f"the plan for {where}",
               problem="lists a comment twice.", hint="Handle each comment once.")
    work = backlog.set_index("comment_id").loc[list(order), "work_minutes"].sum() if order else 0
    check_true(work <= budget + 1e-9, what=f"the plan for {where}",
               problem=f"takes {work:g} minutes of work, more than the {budget:g} minutes you have.",
               hint="Add up work_minutes as you pick comments, and stop adding those that do not fit.")


_order = plan_replies(backlog, BUDGET)
_check_plan(_order, backlog, BUDGET, "your backlog")
### BEGIN HIDDEN TESTS
from sandbox.exercises import reference_world
from sandbox.grading.feedback import check_equal

_w = reference_world(STUDENT_ID)
_q = community.season_queue(_w, weeks=8)
_b = community_replies.practice_backlog(_q, n=10).drop(columns="service")


def _check_value(order, backlog, budget, where, share, beat_oldest):
    _check_plan(order, backlog, budget, where)
    mine = community_replies.plan_value(backlog, order)
    best = community_replies.plan_value(backlog, community_replies.best_reply_order(backlog, budget))
    oldest = community_replies.plan_value(backlog, community_replies.oldest_first(backlog, budget))
    if beat_oldest:
        check_true(mine > oldest + 1e-9, what=f"your plan for {where}",
                   problem=f"is expected to win {mine:.3f} customers; answering the longest-waiting first "
                           f"wins {oldest:.3f}.",
                   hint="Questions go cold within the hour: a quick, fresh question answered first is often "
                        "worth more than an old one. Compare value per minute of work.")
    check_true(mine >= share * best - 1e-9, what=f"your plan for {where}",
               problem=f"is expected to win {mine:.3f} customers, under {share:.0%} of the best possible "
                       f"({best:.3f}).",
               hint="Pick by value per minute of work (what answering now wins / its minutes), then try "
                    "other orders of the chosen comments with community_replies.plan_value.")


_check_value(plan_replies(_b, 45), _b, 45, "your backlog with 45 minutes", 0.9, True)
_check_value(plan_replies(_b, 100), _b, 100, "your backlog with 100 minutes (time for all)", 0.9, False)
check_equal(plan_replies(_b, 2), [], what="plan_replies with 2 minutes",
            hint="If nothing fits in the time you have, return an empty list.")
_small = pd.DataFrame({
    "comment_id": [1, 2],
    "label": ["question", "complaint"],
    "text": ["Is the latte still available?", "Charged twice for one latte, please fix this"],
    "waited_minutes": [0.0, 0.0],
    "work_minutes": [3.0, 10.0],
})
check_equal(plan_replies(_small, 3), [1], what="a fresh question and a fresh complaint, 3 minutes",
            hint="Only the question fits in 3 minutes.")
_check_value(plan_replies(_small, 13), _small, 13, "a fresh question and a fresh complaint, 13 minutes",
             0.9, False)
### END HIDDEN TESTS
'''


def build() -> Path:
    cells = [
        markdown("intro", INTRO),
        student_id_cell(),
        readonly("setup", SETUP),
        markdown("part1", P1),
        solution("triage", S1),
        tests("q1_triage_precision_recall", 4, T1),
        markdown("part2", P2),
        solution("response_report", S2),
        tests("q2_response_times", 3, T2),
        markdown("part3", P3),
        solution("choose_action", S3),
        tests("q3_right_action_and_service", 3, T3),
        markdown("part4", P4),
        solution("plan_replies", S4),
        tests("q4_reply_plan_under_budget", 3, T4),
        *self_check_cells("08-community"),
    ]
    return write_notebook(OUT, cells)


if __name__ == "__main__":
    print(f"wrote {build()}")
