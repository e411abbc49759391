"""Checks used by exercise test cells fail with messages that say what was expected and give a hint."""

from __future__ import annotations

import numpy as np
import pytest

from sandbox.grading.feedback import (
    CheckFailed,
    check_between,
    check_close,
    check_equal,
    check_in,
    check_number,
    check_true,
    check_type,
    check_whole_number,
)


def test_a_failed_check_names_the_thing_expected_value_and_hint():
    with pytest.raises(CheckFailed) as info:
        check_equal(10, 12, what='count_users(people, "pixa")', hint="Count the True values.")
    message = str(info.value)
    assert message.startswith('count_users(people, "pixa"): expected 12, but got 10.')
    assert message.endswith("Hint: Count the True values.")
    assert isinstance(info.value, AssertionError)  # nbgrader scores the cell 0


def test_passing_checks_return_quietly():
    check_equal("pixa", "pixa", what="x")
    check_close(0.1 + 0.2, 0.3, what="x")
    check_type("a", str, what="x")
    check_whole_number(np.int64(3), what="x")
    check_whole_number(3, what="x")
    check_between(0.5, 0, 1, what="x")
    check_in("loop", ["pixa", "loop"], what="x")
    check_true(True, what="x", problem="never shown")
    check_number(np.float64(0.2), what="x")


@pytest.mark.parametrize("value", [2.5, "3", True, None])
def test_whole_number_rejects_other_types_and_says_what_it_got(value):
    with pytest.raises(CheckFailed, match="should be a whole number, but it is a"):
        check_whole_number(value, what="count")


def test_number_checks_reject_nan_text_and_out_of_range():
    with pytest.raises(CheckFailed, match="NaN"):
        check_number(float("nan"), what="rate")
    with pytest.raises(CheckFailed, match="should be a number, but it is a str"):
        check_between("0.3", 0, 1, what="rate")
    with pytest.raises(CheckFailed, match="should be between 0 and 1, but it is 3.4"):
        check_between(3.4, 0, 1, what="rate", hint="A fraction, not a percent.")
    with pytest.raises(CheckFailed, match="expected about 0.1, but got 0.2"):
        check_close(0.2, 0.1, what="rate")


def test_type_in_and_rule_checks_describe_the_problem():
    with pytest.raises(CheckFailed, match="should be a list, but it is a dict"):
        check_type({}, list, what="plan")
    with pytest.raises(CheckFailed, match="should be one of 'pixa', 'loop', but it is 'tiktok'"):
        check_in("tiktok", ["pixa", "loop"], what="platform")
    with pytest.raises(CheckFailed, match="is outside the week"):
        check_true(False, what="the post at 09:00", problem="is outside the week")


def test_equal_survives_values_that_cannot_be_compared():
    with pytest.raises(CheckFailed):
        check_equal(np.array([1, 2]), [1, 3], what="array")


def test_long_values_are_shortened_in_messages():
    with pytest.raises(CheckFailed) as info:
        check_equal(list(range(1000)), [], what="x")
    assert len(str(info.value)) < 400
