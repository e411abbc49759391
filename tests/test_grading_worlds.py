"""Per-student worlds: the learner's id picks the world; while grading, the owner's id does."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from sandbox.exercises import EXERCISE_SIZE, PRACTICE_ID, reference_world, student_world, world_owner
from sandbox.seeding import seed_from_student_id


def test_each_student_gets_their_own_world_and_the_same_one_every_time(monkeypatch):
    monkeypatch.delenv("SMM_LAB_STUDENT_ID", raising=False)
    a, b = student_world("ada42"), student_world("bob17")
    assert a.seed == seed_from_student_id("ada42") != b.seed
    assert a.size == EXERCISE_SIZE
    again = student_world("  ADA42 ")  # case and spaces do not matter
    assert again.seed == a.seed
    assert a.accounts.equals(reference_world("ada42").accounts)


def test_the_reference_world_is_a_separate_object_the_learner_cannot_change(monkeypatch):
    monkeypatch.delenv("SMM_LAB_STUDENT_ID", raising=False)
    mine, ref = student_world("ada42"), reference_world("ada42")
    assert mine is not ref
    mine._cache.clear()
    mine._cache["brands"] = None
    assert ref.you  # unaffected


def test_an_empty_id_gives_the_practice_world_with_a_note(monkeypatch, capsys):
    monkeypatch.delenv("SMM_LAB_STUDENT_ID", raising=False)
    world = student_world("")
    assert world.seed == seed_from_student_id(PRACTICE_ID)
    assert "practice world" in capsys.readouterr().out
    assert world_owner(None) == PRACTICE_ID


def test_while_grading_the_owner_decides_even_if_the_notebook_edits_the_environment():
    code = textwrap.dedent(
        """
        import os
        os.environ["SMM_LAB_STUDENT_ID"] = "bob17"   # a submission trying to grade as someone else
        from sandbox.exercises import student_world, reference_world
        from sandbox.seeding import seed_from_student_id
        w = student_world("bob17")
        assert w.seed == seed_from_student_id("ada42"), w.seed
        assert reference_world("").seed == seed_from_student_id("ada42")
        print("owner world ok")
        """
    )
    env = dict(os.environ, SMM_LAB_STUDENT_ID="ada42")
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert "owner world ok" in proc.stdout
    assert "this notebook says STUDENT_ID = 'bob17', but it is graded as 'ada42'" in proc.stderr
