"""The README's targeting-and-budgets example runs as written."""

from __future__ import annotations

import pytest

from readme_examples import run_readme_example


def test_readme_targeting_and_budgets_example_runs():
    ns, printed = run_readme_example("### Targeting and budgets: tests, plans, audits")
    test = ns["test"]
    assert list(test.index) == ["coffee fans", "site visitors"]
    # warm people register more often than cold ones: the point of retargeting
    assert test.loc["site visitors", "registration_rate"] > test.loc["coffee fans", "registration_rate"]
    assert ns["plan"]["budget"] == pytest.approx(3750.0)
    assert set(ns["charges"]["budget_type"]) == {"daily", "lifetime"}
    assert "clear" in printed
