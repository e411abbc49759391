"""The README's paid-side example runs as written."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_paid_side_example_runs():
    text = README.read_text(encoding="utf-8")
    section = text[text.index("### The paid side: ads, funnel, influencers") :]
    start = section.index("```python") + len("```python")
    code = section[start : section.index("```", start)]
    out = io.StringIO()
    ns: dict = {}
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README.md (paid side)", "exec"), ns)
    printed = out.getvalue()
    assert "Estimated audience" in printed
    assert "Auctions:" in printed and "Learning phase" in printed
    report = ns["channel_report"](ns["world"], plan=ns["plan"], ads=ns["results"], deals=ns["deals"])
    assert list(report["channel"]) == ["organic", "ads", "influencer"]
