"""sandbox.community: the moderation queue, triage rules and their scores, the outcome model."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from sandbox import World
from sandbox import community as C  # noqa: N812
from sandbox import params as P  # noqa: N812
from sandbox.comments import _PRODUCTS_RU, _TEMPLATES
from sandbox.errors import SandboxInputError
from sandbox.taxonomy import COMMENT_LABELS, NICHES

from readme_examples import run_readme_example


@pytest.fixture(scope="module")
def world():
    return World(seed=5, niche="bag_store", size=3_000)


@pytest.fixture(scope="module")
def result(world):
    return world.run_plan(C.season_plan(world))


@pytest.fixture(scope="module")
def queue(result):
    return C.moderation_queue(result)


def synthetic(labels, roles=None, reached=1000, texts=None, start_id=0):
    """A hand-made queue: one comment per label."""
    n = len(labels)
    q = pd.DataFrame(
        {
            "comment_id": np.arange(start_id, start_id + n, dtype=np.int64),
            "time": pd.date_range("2026-03-02 10:00", periods=n, freq="min"),
            "platform": "pixa",
            "author_role": roles or ["regular"] * n,
            "text": texts
            or ["Charged twice, please fix this" if lab == "complaint" else "hi" for lab in labels],
            "label": labels,
            "followers_reached": reached,
        }
    )
    q["needs_reply"] = q["label"].isin(["question", "complaint"])
    q.attrs = {"seed": 99, "namespace": "test"}
    return q


# --- the queue ------------------------------------------------------------------------------------


def test_queue_from_a_plan_has_the_documented_columns_and_your_comments(queue, result):
    assert list(queue.columns) == list(C.QUEUE_COLUMNS)
    assert len(queue) == len(result.comments) > 50
    assert queue["time"].is_monotonic_increasing
    reach = result.posts.set_index("post_id")["reach_followers"]
    assert (queue["followers_reached"].to_numpy() == reach.loc[queue["post_id"]].to_numpy()).all()
    assert set(queue["label"]) <= set(COMMENT_LABELS)
    complaint = queue["label"] == "complaint"
    assert (queue.loc[complaint, "service"] != "").all()
    assert (queue.loc[~complaint, "service"] == "").all()
    assert queue.attrs == {"seed": 5, "namespace": "plan"}
    assert queue["text"].dtype == "str"


def test_queue_from_a_world_keeps_one_brands_history_comments(world):
    comments = world.comments
    rival = world.brands["name"].iloc[1]
    q = C.moderation_queue(world, rival)
    assert len(q) == int((comments["brand_id"] == 1).sum())
    assert q.attrs["namespace"] == "history"
    with pytest.raises(SandboxInputError, match="brand"):
        C.moderation_queue(world, "Nobody Inc")
    with pytest.raises(SandboxInputError, match="source"):
        C.moderation_queue(comments)


def test_a_season_plan_covers_every_platform_of_yours_with_contests(world):
    plan = C.season_plan(world, weeks=2)
    mine = set(world.accounts.loc[world.accounts["brand_id"] == 0, "platform"])
    assert set(plan["platform"]) == mine
    assert len(plan) == 2 * 7 * len(mine)
    assert (plan["rubric"] == "contest").any()
    assert not (C.season_plan(world, weeks=1, contest_share=0)["rubric"] == "contest").any()
    for bad in ({"weeks": 0}, {"weeks": 99}, {"posts_per_week": 0}, {"contest_share": 0.9}):
        with pytest.raises(SandboxInputError, match=next(iter(bad))):
            C.season_plan(world, **bad)


def test_season_queue_is_the_queue_of_a_season_plan_remembered_per_world(world, queue):
    first = C.season_queue(world)
    pd.testing.assert_frame_equal(first, queue)
    assert first.attrs == queue.attrs
    first.loc[0, "text"] = "changed by a learner"
    assert C.season_queue(world).loc[0, "text"] == queue.loc[0, "text"]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_complaint_template_names_exactly_one_service(lang):
    templates = _TEMPLATES[lang]
    for niche, spec in NICHES.items():
        products = _PRODUCTS_RU[niche] if lang == "ru" else spec.products
        for key in ("complaint", "complaint_local", "complaint_online"):
            for t in templates[key]:
                for product in products:
                    text = t.format(product=product, brand="Brand", link="")
                    hits = [
                        s for s, words in C.SERVICE_KEYWORDS.items() if any(w in text.lower() for w in words)
                    ]
                    assert len(hits) == 1, (text, hits)
                    assert C.complaint_service(text) == hits[0]
    assert C.complaint_service("something else entirely") == "customer_care"


# --- triage rules and scores ----------------------------------------------------------------------


def test_rules_read_text_and_author_and_the_first_match_decides():
    q = synthetic(
        ["spam", "toxic", "question", "complaint", "praise", "spam"],
        roles=["regular", "troll", "regular", "regular", "regular", "bot"],
        texts=[
            "Free money bit.ly/abc",
            "You are all idiots?",
            "Are you open on Sunday?",
            "Waited 40 minutes, never coming back",
            "Love it",
            "Beautiful",
        ],
    )
    pred = C.apply_rules(q)
    assert pred.tolist() == ["spam", "toxic", "question", "complaint", "praise", "spam"]
    # order matters: with the question rule first, the troll's "idiots?" becomes a question
    pred = C.apply_rules(q, ["question_mark", "troll_account"])
    assert pred.iloc[1] == "question"
    # switched-off rules are not used; unknown ones are an error
    assert C.apply_rules(q, ["link"]).tolist() == ["spam"] + ["praise"] * 5
    with pytest.raises(SandboxInputError, match="rules"):
        C.apply_rules(q, ["links"])
    assert C.apply_rules(q.drop(columns="label"), bad_words=[]).iloc[1] == "toxic"  # troll account rule
    assert C.apply_rules(q.iloc[:0]).empty


def test_rules_never_read_the_ground_truth(queue):
    pred = C.apply_rules(queue)
    shuffled = queue.assign(label=queue["label"].sample(frac=1, random_state=1).to_numpy())
    assert C.apply_rules(shuffled).equals(pred)


def test_precision_and_recall_on_a_hand_count():
    truth = pd.Series(["spam", "spam", "spam", "praise", "question"])
    pred = pd.Series(["spam", "spam", "praise", "spam", "question"])
    precision, recall = C.precision_recall(truth, pred, "spam")
    assert precision == pytest.approx(2 / 3) and recall == pytest.approx(2 / 3)
    assert C.precision_recall(truth, pred, "question") == (1.0, 1.0)
    p, r = C.precision_recall(truth, pred, "toxic")
    assert math.isnan(p) and math.isnan(r)
    scores = C.triage_scores(truth, pred)
    assert scores.loc["spam", ["flagged", "actual", "caught", "wrongly_flagged", "missed"]].tolist() == [
        3,
        3,
        2,
        1,
        1,
    ]
    assert scores.loc["spam or toxic", "precision"] == pytest.approx(2 / 3)
    with pytest.raises(SandboxInputError, match="predicted"):
        C.triage_scores(truth, pred.iloc[:3])
    with pytest.raises(SandboxInputError, match="predicted"):
        C.triage_scores(truth, pd.Series(["spam", "junk", "spam", "spam", "spam"]))


def test_scores_of_the_built_in_rules_on_a_real_queue(queue):
    scores = C.triage_scores(queue["label"], C.apply_rules(queue))
    assert (scores["caught"] + scores["missed"] == scores["actual"]).all()
    assert (scores["caught"] + scores["wrongly_flagged"] == scores["flagged"]).all()
    assert scores.loc[list(COMMENT_LABELS), "flagged"].sum() == len(queue)
    # a link catches only spam, but not all of it: the lesson's first trade-off
    link = C.triage_scores(queue["label"], C.apply_rules(queue, ["link"])).loc["spam"]
    assert link["precision"] == 1.0 and link["recall"] < 1.0


# --- the outcome model ----------------------------------------------------------------------------


def decisions_for(q, action, delay=10.0, service=None):
    d = pd.DataFrame({"comment_id": q["comment_id"], "action": action, "delay_minutes": delay})
    if service is not None:
        d["service"] = service
    return d


def test_spam_and_toxic_left_visible_cost_followers_and_sentiment():
    q = synthetic(["spam"] * 200 + ["toxic"] * 200, roles=["bot"] * 200 + ["troll"] * 200, reached=3000)
    kept = C.evaluate(q, decisions_for(q, "ignore"))
    gone = C.evaluate(q, decisions_for(q, np.where(q["label"] == "spam", "delete", "hide")))
    assert kept["expected_unfollows"].sum() > 0 and kept["unfollows"].sum() > 0
    assert gone["expected_unfollows"].sum() == 0 and gone["unfollows"].sum() == 0
    assert kept["sentiment"].mean() < 0 == gone["sentiment"].mean()
    s = C.outcome_summary(gone)
    assert s["unfollows_avoided"] == kept["unfollows"].sum() > 0
    assert s["trust_change"] > 0 and s["engagement_change"] == pytest.approx(
        P.TRUST_ENGAGEMENT * s["trust_change"]
    )
    # toxic costs more than spam per comment
    per = kept.groupby("label")["expected_unfollows"].mean()
    assert per["toxic"] > per["spam"]


def test_removing_real_peoples_comments_angers_them_but_not_bots():
    q = synthetic(["praise", "question"] * 100, roles=["regular"] * 200)
    ignored = C.evaluate(q, decisions_for(q, "ignore"))
    deleted = C.evaluate(q, decisions_for(q, "delete"))
    hidden = C.evaluate(q, decisions_for(q, "hide"))
    assert (
        deleted["expected_unfollows"].sum()
        > hidden["expected_unfollows"].sum()
        > ignored["expected_unfollows"].sum()
    )
    assert deleted["p_negativity"].sum() > hidden["p_negativity"].sum() > 0
    assert deleted["author_unfollowed"].sum() > 0
    assert deleted["sentiment"].mean() < ignored["sentiment"].mean()
    bots = synthetic(["praise", "question"] * 100, roles=["bot"] * 200)
    gone = C.evaluate(bots, decisions_for(bots, "delete"))
    assert gone["expected_unfollows"].sum() == 0 and gone["p_negativity"].sum() == 0
    assert C.outcome_summary(gone)["real_comments_removed"] == 0


def test_answering_questions_fast_converts_and_slowness_costs():
    delays = [0, 5, 10, 30, 60, 240, 1440]
    p = C.question_conversion(np.array(delays, dtype=float))
    assert (np.diff(p) < 0).all()
    assert C.question_conversion(10) >= 0.75 * C.question_conversion(0)
    assert C.question_conversion(np.nan) == P.QUESTION_CONVERSION["unanswered"] < C.question_conversion(1440)
    q = synthetic(["question"] * 3000)
    for d in (5, 60):
        out = C.evaluate(q, decisions_for(q, "reply", d))
        assert out["converted"].mean() == pytest.approx(C.question_conversion(d), abs=0.025)
    bots = synthetic(["question"] * 50, roles=["bot"] * 50)
    assert C.evaluate(bots, decisions_for(bots, "reply", 0))["p_converted"].sum() == 0


def test_working_out_a_complaint_beats_every_shortcut():
    def p(action, service=None, delay=10.0):
        q = synthetic(["complaint"])
        return C.evaluate(q, decisions_for(q, action, delay, service)).iloc[0]

    right, wrong = p("escalate", "payments"), p("escalate", "venue")
    reply, ignored, deleted = p("reply"), p("ignore"), p("delete")
    assert right["right_service"] and not wrong["right_service"]
    assert right["p_recovered"] > wrong["p_recovered"] > reply["p_recovered"] > ignored["p_recovered"] == 0
    assert right["p_negativity"] < ignored["p_negativity"] < deleted["p_negativity"]
    assert right["expected_unfollows"] < ignored["expected_unfollows"]
    assert right["expected_sentiment"] > ignored["expected_sentiment"]
    assert p("escalate", "payments", 5)["p_recovered"] > p("escalate", "payments", 600)["p_recovered"]
    assert p("escalate", "payments", 5)["p_negativity"] < p("escalate", "payments", 600)["p_negativity"]
    # recovered customers sometimes turn into praise
    many = synthetic(["complaint"] * 2000)
    out = C.evaluate(many, decisions_for(many, "escalate", 10, "payments"))
    assert out["became_praise"].sum() > 0
    assert out.loc[out["became_praise"], "recovered"].all()
    assert out["recovered"].mean() == pytest.approx(out["p_recovered"].mean(), abs=0.03)
    assert C.outcome_summary(out)["complaints_worked_out"] == 2000


def test_outcomes_are_deterministic_and_one_decision_leaves_the_others_luck(world, queue):
    dec = C.decide(queue, C.apply_rules(queue), delay_minutes=30)
    a = C.evaluate(queue, dec)
    again = C.moderation_queue(World(seed=5, niche="bag_store", size=3_000).run_plan(C.season_plan(world)))
    pd.testing.assert_frame_equal(a, C.evaluate(again, dec))
    changed = dec.copy()
    changed.loc[0, "action"] = "delete"
    b = C.evaluate(queue, changed)
    cols = ["converted", "recovered", "public_negativity", "author_unfollowed", "reader_unfollows"]
    pd.testing.assert_frame_equal(a.loc[1:, cols], b.loc[1:, cols])


def test_ignoring_everything_changes_nothing_and_a_good_triage_helps(queue):
    nothing = C.outcome_summary(C.evaluate(queue, {}))
    assert nothing["unfollows_avoided"] == 0 and nothing["trust_change"] == 0
    assert nothing["work_hours"] == 0 and math.isnan(nothing["median_response_minutes"])
    good = C.outcome_summary(C.evaluate(queue, C.decide(queue, C.apply_rules(queue), delay_minutes=5)))
    assert good["unfollows_avoided"] > 0 and good["trust_change"] > 0
    assert good["questions_converted"] > 0 and good["answered_within_10_min"] == 1.0
    assert good["spam_toxic_removed"] > good["spam_toxic_left_visible"]
    perfect = C.outcome_summary(C.evaluate(queue, C.decide(queue, queue["label"])), expected=True)
    ignored = C.outcome_summary(C.evaluate(queue, {}), expected=True)
    assert perfect["public_negativity"] < ignored["public_negativity"]
    assert perfect["unfollows"] < ignored["unfollows"] == pytest.approx(perfect["unfollows_if_ignored"])
    assert perfect["real_comments_removed"] == 0 and perfect["spam_toxic_left_visible"] == 0


def test_delay_sweep_gets_worse_as_replies_get_slower(queue):
    sweep = C.delay_sweep(queue, [0, 10, 60, 480])
    assert (sweep["questions_converted"].diff().dropna() < 0).all()
    assert (sweep["customers_recovered"].diff().dropna() < 0).all()
    assert (sweep["public_negativity"].diff().dropna() > 0).all()


def test_bad_decisions_get_clear_errors(queue):
    ids = queue["comment_id"]
    ok = pd.DataFrame({"comment_id": ids.iloc[:2], "action": ["reply", "delete"], "delay_minutes": [5, None]})
    assert len(C.evaluate(queue, ok)) == len(queue)
    cases = [
        (ok.assign(action=["reply", "remove"]), "action"),
        (ok.assign(comment_id=[ids.iloc[0], ids.iloc[0]]), "twice"),
        (ok.assign(comment_id=[ids.iloc[0], 10**9]), "not in the queue"),
        (ok.drop(columns="delay_minutes"), "delay_minutes"),
        (ok.assign(delay_minutes=[-3, None]), "delay_minutes"),
        (ok.assign(action=["escalate", "delete"], service=["accounting", ""]), "service"),
        ("delete everything", "decisions"),
        (pd.DataFrame({"id": [1]}), "comment_id"),
    ]
    for bad, match in cases:
        with pytest.raises(SandboxInputError, match=match):
            C.evaluate(queue, bad)
    as_dict = C.evaluate(queue, {int(ids.iloc[0]): "delete"})
    assert as_dict["action"].iloc[0] == "delete" and (as_dict["action"].iloc[1:] == "ignore").all()
    as_list = C.evaluate(queue, [{"comment_id": int(ids.iloc[0]), "action": "escalate", "delay_minutes": 1}])
    assert as_list["service"].iloc[0] == "customer_care"
    no_attrs = queue.copy()
    no_attrs.attrs = {}
    with pytest.raises(SandboxInputError, match="seed"):
        C.evaluate(no_attrs, {})
    assert C.evaluate(no_attrs, {}, seed=5)["unfollows"].sum() >= 0


def test_decide_maps_labels_to_actions_delays_and_services(queue):
    pred = queue["label"]
    dec = C.decide(queue, pred, delay_minutes=7)
    assert list(dec.columns) == list(C.DECISION_COLUMNS)
    expected = pred.map(C.DEFAULT_POLICY)
    assert (dec["action"].to_numpy() == expected.to_numpy()).all()
    answered = dec["action"].isin(["reply", "escalate"])
    assert (dec.loc[answered, "delay_minutes"] == 7).all() and dec.loc[
        ~answered, "delay_minutes"
    ].isna().all()
    esc = dec["action"] == "escalate"
    assert (dec.loc[esc, "service"].to_numpy() == queue.loc[esc, "service"].to_numpy()).all()
    assert C.evaluate(queue, dec)["right_service"].sum() == esc.sum()
    care = C.decide(queue, pred, services="customer_care")
    assert set(care.loc[esc, "service"]) == {"customer_care"}
    # a per-comment delay: comments without minutes (never answered) are ignored
    some = pd.Series({int(queue["comment_id"].iloc[0]): 3.0})
    dec2 = C.decide(queue, pred, delay_minutes=some)
    assert dec2["action"].iloc[1:].isin(["delete", "hide", "ignore"]).all()
    with pytest.raises(SandboxInputError, match="policy"):
        C.decide(queue, pred, policy={"spam": "burn"})
    with pytest.raises(SandboxInputError, match="delay_minutes"):
        C.decide(queue, pred, delay_minutes=-1)


def test_the_readme_example_runs():
    """README.md's community-management example runs as written."""
    scope, _ = run_readme_example("### Community management: moderation, replies, negative reviews")
    summary = scope["community"].outcome_summary(
        scope["community"].evaluate(scope["queue"], scope["decisions"])
    )
    assert summary["unfollows_avoided"] >= 0 and summary["questions_converted"] > 0
    assert not scope["log"].empty
