"""The README's influencers-and-analytics example runs as written and writes its report."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_analytics_example_runs(tmp_path, monkeypatch):
    text = README.read_text(encoding="utf-8")
    section = text[text.index("### Influencers, analytics and reports") :]
    start = section.index("```python") + len("```python")
    code = section[start : section.index("```", start)]
    monkeypatch.chdir(tmp_path)
    ns: dict = {}
    exec(compile(code, "README.md (influencers, analytics)", "exec"), ns)
    plt.close("all")
    report = tmp_path / "reports" / "week-4.html"
    assert ns["path"] == Path("reports/week-4.html") and report.exists()
    assert 'id="kpi-table"' in report.read_text(encoding="utf-8")
    picks = ns["picks"]
    assert (picks["fake_follower_share"] < 0.2).all() and set(picks["tier"]) <= {"nano", "micro"}
    assert list(ns["weekly"]["week"]) == [1, 2, 3, 4]
