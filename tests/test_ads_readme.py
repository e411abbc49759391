"""The README's paid-side example runs as written."""

from __future__ import annotations

from readme_examples import run_readme_example


def test_readme_paid_side_example_runs():
    ns, printed = run_readme_example("### The paid side: ads, funnel, influencers")
    assert "Estimated audience" in printed
    assert "Auctions:" in printed and "Learning phase" in printed
    report = ns["channel_report"](ns["world"], plan=ns["plan"], ads=ns["results"], deals=ns["deals"])
    assert list(report["channel"]) == ["organic", "ads", "influencer"]
