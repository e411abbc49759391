"""The README's influencers-and-analytics example runs as written and writes its report."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

from readme_examples import run_readme_example


def test_readme_analytics_example_runs(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    ns, _ = run_readme_example("### Influencers, analytics and reports")
    plt.close("all")
    report = tmp_path / "reports" / "week-4.html"
    assert ns["path"] == Path("reports/week-4.html") and report.exists()
    assert 'id="kpi-table"' in report.read_text(encoding="utf-8")
    picks = ns["picks"]
    assert (picks["fake_follower_share"] < 0.2).all() and set(picks["tier"]) <= {"nano", "micro"}
    assert list(ns["weekly"]["week"]) == [1, 2, 3, 4]
