"""The README's targeting-and-budgets example runs as written."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_targeting_and_budgets_example_runs():
    text = README.read_text(encoding="utf-8")
    section = text[text.index("### Targeting and budgets: tests, plans, audits") :]
    start = section.index("```python") + len("```python")
    code = section[start : section.index("```", start)]
    out = io.StringIO()
    ns: dict = {}
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README.md (targeting and budgets)", "exec"), ns)
    test = ns["test"]
    assert list(test.index) == ["coffee fans", "site visitors"]
    # warm people register more often than cold ones: the point of retargeting
    assert test.loc["site visitors", "registration_rate"] > test.loc["coffee fans", "registration_rate"]
    assert ns["plan"]["budget"] == pytest.approx(3750.0)
    assert set(ns["charges"]["budget_type"]) == {"daily", "lifetime"}
    assert "clear" in out.getvalue()
